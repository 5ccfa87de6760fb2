/* pe-chart-view.h — a chart on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-draw.h"

G_BEGIN_DECLS

#define PE_TYPE_CHART_VIEW (pe_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (PeChartView, pe_chart_view, PE, CHART_VIEW, GtkDrawingArea)

GtkWidget    *pe_chart_view_new       (PeChartModel *model);
PeChartModel *pe_chart_view_get_model (PeChartView  *self);
void          pe_chart_view_set_model (PeChartView  *self,
                                       PeChartModel *model);
void          pe_chart_view_get_palette (PeChartView *self,
                                         PeChartPalette *palette);

G_END_DECLS
