/* chart-bench.c — the cost of redrawing each chart of the documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   chart-bench [--frames N] DOCUMENT.json…
 *
 * Builds every chart of every document as its page does, and redraws it
 * N times on a 600×400 image surface, as a chart view does on each frame.
 * The reference is drawn the same way in the same run: a bar chart of 50
 * bars with 106 labels (a title, 50 bar labels, 50 values, 5 axis marks),
 * drawn with plain cairo and pango, which is about what any chart with
 * text costs. Prints one line of JSON, times in microseconds per frame
 * (the median of 9 batches of N/9 frames).
 */
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "policy-explorer-draw.h"

#define WIDTH   600
#define HEIGHT  400
#define BATCHES 9

typedef void (*DrawFunc) (cairo_t *cr, gpointer data);

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* µs per frame: the median of the batches, each cleared and drawn anew */
static double
time_frames (DrawFunc  draw,
             gpointer  data,
             guint     frames)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double per_batch[BATCHES];
  guint n = MAX (1, frames / BATCHES);

  for (guint b = 0; b < BATCHES; b++)
    {
      gint64 t0 = g_get_monotonic_time ();

      for (guint f = 0; f < n; f++)
        {
          cairo_t *cr = cairo_create (surface);

          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
          draw (cr, data);
          cairo_destroy (cr);
        }
      cairo_surface_flush (surface);
      per_batch[b] = (double) (g_get_monotonic_time () - t0) / n;
    }
  cairo_surface_destroy (surface);
  qsort (per_batch, BATCHES, sizeof (double), compare_double);
  return per_batch[BATCHES / 2];
}

static void
draw_model (cairo_t  *cr,
            gpointer  data)
{
  pe_chart_render (data, cr, WIDTH, HEIGHT, NULL);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The reference: 50 bars, 106 labels. */
static void
draw_reference (cairo_t  *cr,
                gpointer  data)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  double left = 40, bottom = HEIGHT - 40, plot_w = WIDTH - 60, plot_h = HEIGHT - 80;
  double slot = plot_w / 50;

  pango_layout_set_font_description (layout, font);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_text (cr, layout, "Reference: fifty bars with their labels and values", left, 8);
  for (int i = 0; i <= 4; i++)
    {
      char mark[16];
      double y = bottom - plot_h * i / 4;

      g_snprintf (mark, sizeof mark, "%d", i * 25);
      draw_text (cr, layout, mark, 4, y - 7);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    }
  for (int i = 0; i < 50; i++)
    {
      char label[16], value[16];
      double v = (i * 37 % 100) / 100.0;

      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, left + i * slot + 1, bottom - v * plot_h, slot - 2, v * plot_h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      g_snprintf (label, sizeof label, "%d", 2000 + i);
      g_snprintf (value, sizeof value, "%d", (int) (v * 100));
      draw_text (cr, layout, label, left + i * slot, bottom + 4);
      draw_text (cr, layout, value, left + i * slot, bottom - v * plot_h - 14);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint frames = 900, n = 0;
  int first = 1;

  if (argc > 2 && g_str_equal (argv[1], "--frames"))
    {
      frames = (guint) g_ascii_strtoull (argv[2], NULL, 10);
      first = 3;
    }
  if (first >= argc)
    {
      g_printerr ("usage: chart-bench [--frames N] DOCUMENT.json…\n");
      return 2;
    }

  /* fonts found and caches warmed, as in a window that has drawn before */
  time_frames (draw_reference, NULL, BATCHES);
  g_string_append_printf (out, "{\"reference_us\": %.1f, \"charts\": [", time_frames (draw_reference, NULL, frames));

  for (int i = first; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = pe_document_new_from_file (file, &error);
      GPtrArray *charts;

      if (doc == NULL)
        {
          g_printerr ("chart-bench: %s: %s\n", argv[i], error->message);
          return 1;
        }
      charts = pe_document_get_charts (doc);
      for (guint c = 0; c < charts->len; c++)
        {
          PeChartSpec *spec = g_ptr_array_index (charts, c);
          g_autoptr(PeChartModel) model = pe_chart_build (doc, spec, PE_LANGUAGE_EN, 0, &error);

          if (model == NULL)
            {
              g_printerr ("chart-bench: %s, chart %s: %s\n", pe_document_get_id (doc), spec->id, error->message);
              return 1;
            }
          time_frames (draw_model, model, BATCHES);
          g_string_append_printf (out, "%s{\"document\": \"%s\", \"chart\": \"%s\", \"us\": %.1f}",
                                  n++ ? ", " : "", pe_document_get_id (doc), spec->id,
                                  time_frames (draw_model, model, frames));
        }
    }
  g_string_append (out, "]}");
  puts (out->str);
  return 0;
}
