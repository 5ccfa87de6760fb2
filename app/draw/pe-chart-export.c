/* pe-chart-export.c — a chart to PNG, SVG or PDF, by the file name's suffix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "pe-chart-renderer.h"

/**
 * pe_chart_export:
 * @filename: ends in .png, .svg or .pdf
 * @width: in pixels (PNG) or points (SVG, PDF)
 * @height: likewise
 * @scale: the device scale of a PNG (2 for HiDPI); ignored otherwise
 * @palette: (nullable): the colours, default when %NULL
 */
gboolean
pe_chart_export (PeChartModel         *model,
                 const char           *filename,
                 double                width,
                 double                height,
                 double                scale,
                 const PeChartPalette *palette,
                 GError              **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (filename, ".png");

  g_return_val_if_fail (PE_IS_CHART_MODEL (model), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (scale < 1)
    scale = 1;

  if (png)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) (width * scale), (int) (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else if (g_str_has_suffix (filename, ".svg"))
    surface = cairo_svg_surface_create (filename, width, height);
  else if (g_str_has_suffix (filename, ".pdf"))
    surface = cairo_pdf_surface_create (filename, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s”: charts are exported as .png, .svg or .pdf"), filename);
      return FALSE;
    }

  cr = cairo_create (surface);
  pe_chart_render (model, cr, width, height, palette);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (png)
    status = cairo_surface_write_to_png (surface, filename);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   filename, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
