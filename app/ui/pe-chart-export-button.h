/* pe-chart-export-button.h — saves a chart as PNG, SVG, PDF or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

GtkWidget *pe_chart_export_button_new (PeChartModel *model);
gboolean   pe_chart_save              (PeChartModel *model,
                                       const char   *filename,
                                       GError      **error);

G_END_DECLS
