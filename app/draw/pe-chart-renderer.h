/* pe-chart-renderer.h — drawing a chart model onto any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_DRAW_INSIDE) && !defined (PE_DRAW_COMPILATION)
# error "Only <policy-explorer-draw.h> can be included directly."
#endif

#include <cairo.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} PeChartColor;

/**
 * PeChartPalette:
 * @foreground: text and axes
 * @background: painted first unless fully transparent
 * @grid: grid lines
 * @series: the bars, lines and periods; two series
 * @accent: thresholds, caps and the "now" line
 * @font: (nullable): a Pango font description, or %NULL for "Sans 9"
 *
 * The widget fills this from the GTK style context each time it draws,
 * so a theme switch is followed; exports and tests use the default.
 */
typedef struct
{
  PeChartColor  foreground;
  PeChartColor  background;
  PeChartColor  grid;
  PeChartColor  series[2];
  PeChartColor  accent;
  const char   *font;
} PeChartPalette;

void      pe_chart_palette_init_default (PeChartPalette       *palette);
void      pe_chart_render               (PeChartModel         *model,
                                         cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         const PeChartPalette *palette);
char     *pe_chart_hit_test             (PeChartModel         *model,
                                         cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         double                x,
                                         double                y);
gboolean  pe_chart_export               (PeChartModel         *model,
                                         const char           *filename,
                                         double                width,
                                         double                height,
                                         double                scale,
                                         const PeChartPalette *palette,
                                         GError              **error);

G_END_DECLS
