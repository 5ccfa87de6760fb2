/* policy-explorer-gtk.h — the GTK library of Policy Explorer: pages,
 * forms and chart views that plugins extend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "policy-explorer-draw.h"

#include "pe-calculator-form.h"
#include "pe-chart-export-button.h"
#include "pe-chart-view.h"
#include "pe-document-page.h"
#include "pe-item-lists.h"
#include "pe-measure-list.h"
#include "pe-page-activatable.h"
#include "pe-result-view.h"
