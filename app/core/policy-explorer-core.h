/* policy-explorer-core.h — the core library of Policy Explorer, no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define PE_CORE_INSIDE

#include "pe-assessment.h"
#include "pe-atomic-file.h"
#include "pe-batch.h"
#include "pe-calculator.h"
#include "pe-csv.h"
#include "pe-chart-builder.h"
#include "pe-chart-model.h"
#include "pe-document.h"
#include "pe-document-provider.h"
#include "pe-error.h"
#include "pe-measure.h"
#include "pe-plugins-engine.h"
#include "pe-profile.h"
#include "pe-rational.h"
#include "pe-result.h"
#include "pe-scenario.h"
#include "pe-search.h"
#include "pe-stacking.h"
#include "pe-text.h"
#include "pe-value.h"
#include "pe-vocabulary.h"

#undef PE_CORE_INSIDE
