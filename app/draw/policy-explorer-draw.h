/* policy-explorer-draw.h — the drawing library of Policy Explorer: charts
 * and reports drawn with cairo and Pango, no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define PE_DRAW_INSIDE

#include "policy-explorer-core.h"

#include "pe-chart-renderer.h"
#include "pe-report.h"

#undef PE_DRAW_INSIDE
