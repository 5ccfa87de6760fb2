/* pe-chart-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Data are mapped to the unit square first and to pixels only at the
 * edge (as in sysprof's visualizers), so one layout serves drawing and
 * hit-testing alike, on a window, an image, an SVG, a PDF or paper.
 */
#define G_LOG_DOMAIN "pe-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "pe-chart-renderer.h"

#define PAD        8.0
#define TITLE_H    26.0
#define AXIS_H     34.0
#define Y_AXIS_W   64.0
#define N_TICKS    5

typedef struct
{
  double x, y, w, h;   /* the plot area in pixels */
  double label_w;      /* bars and timelines: the label column */
  double xmin, xmax, ymin, ymax;
} Layout;

void
pe_chart_palette_init_default (PeChartPalette *p)
{
  /* Adwaita's light theme, from the GNOME HIG palette */
  *p = (PeChartPalette) {
    .foreground = { 0.18, 0.20, 0.21, 1.0 },
    .background = { 1.0, 1.0, 1.0, 1.0 },
    .grid       = { 0.18, 0.20, 0.21, 0.15 },
    .series     = { { 0.21, 0.52, 0.89, 1.0 },    /* blue 3 */
                    { 0.96, 0.76, 0.07, 1.0 } },  /* yellow 3 */
    .accent     = { 0.88, 0.11, 0.14, 1.0 },      /* red 3 */
    .font       = NULL,
  };
}

static void
set_color (cairo_t            *cr,
           const PeChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* Shaping text is most of what drawing a chart costs, and a chart's texts
 * are the same from one frame to the next. So each model keeps its texts
 * laid out, in one Pango context brought up to date with the cairo context
 * of each drawing (a new font, scale or surface lays them out anew, as
 * Pango does on its own). pe_chart_render() lends the cache to the helpers
 * below through the cairo context's user data. */
typedef struct
{
  PangoContext         *context;
  GHashTable           *layouts;   /* "bold width font\x1ftext" -> PangoLayout */
  cairo_font_options_t *options;   /* what the context was last brought up to */
  double                matrix[4];
  double                width, height;   /* the size the layouts are for */
} TextCache;

static const cairo_user_data_key_t text_cache_key;

static void
text_cache_free (gpointer data)
{
  TextCache *c = data;

  g_hash_table_unref (c->layouts);
  g_clear_object (&c->context);
  cairo_font_options_destroy (c->options);
  g_free (c);
}

/* Brings the context up to @cr only when the font options or the scale
 * differ: pango_cairo_update_context() always counts as a change, and
 * every layout would be laid out again. */
static void
text_cache_update (TextCache *c,
                   cairo_t   *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *own = cairo_font_options_create ();
  cairo_matrix_t m;

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, own);
  cairo_font_options_merge (options, own);
  cairo_font_options_destroy (own);
  cairo_get_matrix (cr, &m);
  if (c->options != NULL && cairo_font_options_equal (options, c->options) &&
      c->matrix[0] == m.xx && c->matrix[1] == m.yx && c->matrix[2] == m.xy && c->matrix[3] == m.yy)
    {
      cairo_font_options_destroy (options);
      return;
    }
  pango_cairo_update_context (cr, c->context);
  if (c->options != NULL)
    cairo_font_options_destroy (c->options);
  c->options = options;
  c->matrix[0] = m.xx;
  c->matrix[1] = m.yx;
  c->matrix[2] = m.xy;
  c->matrix[3] = m.yy;
}

/* The model's cache, lent to @cr until text_cache_return(). */
static void
text_cache_lend (PeChartModel *m,
                 cairo_t      *cr,
                 double        width,
                 double        height)
{
  static GQuark quark;
  TextCache *c;

  if (quark == 0)
    quark = g_quark_from_static_string ("pe-chart-text-cache");
  c = g_object_get_qdata (G_OBJECT (m), quark);
  if (c == NULL)
    {
      c = g_new0 (TextCache, 1);
      c->context = pango_cairo_create_context (cr);
      c->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_object_set_qdata_full (G_OBJECT (m), quark, c, text_cache_free);
    }
  /* widths of labels follow the size: a chart resized starts afresh,
   * so that the cache holds one size's texts, not every size's */
  if (c->width != width || c->height != height)
    {
      g_hash_table_remove_all (c->layouts);
      c->width = width;
      c->height = height;
    }
  text_cache_update (c, cr);
  cairo_set_user_data (cr, &text_cache_key, c, NULL);
}

static void
text_cache_return (cairo_t *cr)
{
  cairo_set_user_data (cr, &text_cache_key, NULL, NULL);
}

static PangoLayout *
new_layout (PangoContext         *context,
            cairo_t              *cr,
            const PeChartPalette *p,
            const char           *text,
            gboolean              bold,
            double                max_width)
{
  PangoLayout *layout = context != NULL ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (p && p->font ? p->font : "Sans 9");

  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

/* Returns: (transfer full): @text laid out, at most @max_width wide when
 * that is above 0, ellipsized */
static PangoLayout *
make_layout (cairo_t              *cr,
             const PeChartPalette *p,
             const char           *text,
             gboolean              bold,
             double                max_width)
{
  TextCache *c = cairo_get_user_data (cr, &text_cache_key);
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (c == NULL)
    return new_layout (NULL, cr, p, text, bold, max_width);
  key = g_strdup_printf ("%d %d %s\x1f%s", bold, max_width > 0 ? (int) (max_width * PANGO_SCALE) : 0,
                         p && p->font ? p->font : "", text ? text : "");
  layout = g_hash_table_lookup (c->layouts, key);
  if (layout == NULL)
    {
      layout = new_layout (c->context, cr, p, text, bold, max_width);
      g_hash_table_insert (c->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

/* Draws text with its top-left (align 0), centre (0.5) or right (1) at x. */
static void
draw_text (cairo_t              *cr,
           const PeChartPalette *p,
           const char           *text,
           double                x,
           double                y,
           double                align,
           double                max_width,
           gboolean              bold)
{
  PangoLayout *layout = make_layout (cr, p, text, bold, max_width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static double
text_width (cairo_t              *cr,
            const PeChartPalette *p,
            const char           *text)
{
  PangoLayout *layout = make_layout (cr, p, text, FALSE, 0);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  g_object_unref (layout);
  return w;
}

static double
bar_scale (PeChartModel *m,
           double        v,
           double        vmax)
{
  if (vmax <= 0 || v <= 0)
    return 0;
  if (pe_chart_model_get_log_scale (m))
    return log10 (1 + v) / log10 (1 + vmax);
  return v / vmax;
}

/* A step of 1, 2 or 5 times a power of ten giving about n ticks. */
static double
nice_step (double range,
           int    n)
{
  double raw = range / n, mag, f;

  if (raw <= 0)
    return 1;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static void
compute_layout (PeChartModel         *m,
                cairo_t              *cr,
                const PeChartPalette *p,
                double                width,
                double                height,
                Layout               *L)
{
  PeChartKind kind = pe_chart_model_get_kind (m);

  memset (L, 0, sizeof *L);
  L->y = PAD + TITLE_H;
  L->h = MAX (10, height - L->y - PAD);

  if (kind == PE_CHART_BARS || kind == PE_CHART_TIMELINE)
    {
      guint n = kind == PE_CHART_BARS ? pe_chart_model_get_n_bars (m) : pe_chart_model_get_n_events (m);
      double widest = 0;

      for (guint i = 0; i < n; i++)
        {
          const char *label;
          if (kind == PE_CHART_BARS)
            pe_chart_model_get_bar (m, i, &label, NULL, NULL, NULL, NULL);
          else
            pe_chart_model_get_event (m, i, &label, NULL, NULL, NULL);
          widest = MAX (widest, text_width (cr, p, label));
        }
      L->label_w = MIN (widest + PAD, width * 0.42);
      L->x = PAD + L->label_w + PAD;
      {
        /* room on the right for the longest value written after its bar */
        double value_w = 10;
        if (kind == PE_CHART_BARS)
          for (guint i = 0; i < n; i++)
            {
              const char *text;
              pe_chart_model_get_bar (m, i, NULL, NULL, NULL, &text, NULL);
              value_w = MAX (value_w, text_width (cr, p, text) + 8);
            }
        value_w = MIN (value_w, width * 0.3);
        L->w = MAX (10, width - L->x - PAD - value_w);
      }
      if (kind == PE_CHART_TIMELINE)
        L->h = MAX (10, L->h - AXIS_H);
      if (kind == PE_CHART_BARS && pe_chart_model_get_series_name (m, 1) != NULL)
        L->h = MAX (10, L->h - 20);

      L->xmin = G_MAXDOUBLE;
      L->xmax = -G_MAXDOUBLE;
      for (guint i = 0; i < n; i++)
        {
          double a, b;
          if (kind == PE_CHART_BARS)
            {
              pe_chart_model_get_bar (m, i, NULL, &a, &b, NULL, NULL);
              L->xmin = 0;
              L->xmax = MAX (L->xmax, a + b);
            }
          else
            {
              PeChartEventFlags flags = pe_chart_model_get_event_flags (m, i, NULL);

              /* a date that is not known does not stretch the axis */
              pe_chart_model_get_event (m, i, NULL, &a, &b, NULL);
              if (flags & PE_CHART_EVENT_OPEN_START)
                a = b;
              if (flags & PE_CHART_EVENT_OPEN_END)
                b = a;
              if ((flags & PE_CHART_EVENT_OPEN_START) && (flags & PE_CHART_EVENT_OPEN_END))
                continue;
              L->xmin = MIN (L->xmin, a);
              L->xmax = MAX (L->xmax, b);
            }
        }
      if (kind == PE_CHART_TIMELINE)
        {
          double now, span;
          if (L->xmin > L->xmax)   /* no event has a date */
            {
              L->xmin = pe_chart_model_get_now (m, &now, NULL) ? now : 0;
              L->xmax = L->xmin;
            }
          if (pe_chart_model_get_now (m, &now, NULL))
            {
              L->xmin = MIN (L->xmin, now);
              L->xmax = MAX (L->xmax, now);
            }
          span = MAX (30, L->xmax - L->xmin);
          L->xmin -= span * 0.04;
          L->xmax += span * 0.04;
        }
      if (L->xmax <= L->xmin)
        L->xmax = L->xmin + 1;
      return;
    }

  /* step chart */
  L->x = PAD + Y_AXIS_W;
  L->w = MAX (10, width - L->x - PAD * 3);
  L->h = MAX (10, L->h - AXIS_H);
  L->xmin = G_MAXDOUBLE;
  L->xmax = -G_MAXDOUBLE;
  L->ymin = 0;
  L->ymax = 0;
  for (guint i = 0; i < pe_chart_model_get_n_points (m); i++)
    {
      double x, y;
      pe_chart_model_get_point (m, i, &x, &y);
      L->xmin = MIN (L->xmin, x);
      L->xmax = MAX (L->xmax, x);
      L->ymax = MAX (L->ymax, y);
    }
  if (L->xmax <= L->xmin)
    {
      L->xmin = 0;
      L->xmax = 1;
    }
  L->ymax = L->ymax > 0 ? L->ymax * 1.18 : 1;
  /* round the axis ends to whole ticks */
  {
    double step = nice_step (L->ymax, N_TICKS);
    L->ymax = ceil (L->ymax / step) * step;
  }
  L->y += 16;   /* room for the y axis label under the title */
  L->h = MAX (10, L->h - 16);
}

static double
px (const Layout *L,
    double        x)
{
  return L->x + (x - L->xmin) / (L->xmax - L->xmin) * L->w;
}

static double
py (const Layout *L,
    double        y)
{
  return L->y + L->h - (y - L->ymin) / (L->ymax - L->ymin) * L->h;
}

static void
render_bars (PeChartModel         *m,
             cairo_t              *cr,
             const PeChartPalette *p,
             const Layout         *L)
{
  guint n = pe_chart_model_get_n_bars (m);
  double row = n > 0 ? L->h / n : L->h;
  double thick = MIN (22, row * 0.62);

  for (guint i = 0; i < n; i++)
    {
      const char *label, *text;
      double v, v2, y = L->y + i * row, w1, w2;

      pe_chart_model_get_bar (m, i, &label, &v, &v2, &text, NULL);
      set_color (cr, &p->foreground);
      draw_text (cr, p, label, L->x - PAD, y + row / 2 - 8, 1.0, L->label_w, FALSE);

      w1 = bar_scale (m, v, L->xmax) * L->w;
      w2 = bar_scale (m, v + v2, L->xmax) * L->w - w1;
      set_color (cr, &p->series[0]);
      cairo_rectangle (cr, L->x, y + (row - thick) / 2, w1, thick);
      cairo_fill (cr);
      if (v2 > 0)
        {
          set_color (cr, &p->series[1]);
          cairo_rectangle (cr, L->x + w1, y + (row - thick) / 2, MAX (0, w2), thick);
          cairo_fill (cr);
        }
      set_color (cr, &p->foreground);
      draw_text (cr, p, text, L->x + w1 + MAX (0, w2) + 4, y + row / 2 - 8, 0, 0, FALSE);
    }

  /* baseline */
  set_color (cr, &p->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, L->x + 0.5, L->y);
  cairo_line_to (cr, L->x + 0.5, L->y + L->h);
  cairo_stroke (cr);

  if (pe_chart_model_get_log_scale (m))
    {
      /* Translators are not involved: the model's own language is used */
      set_color (cr, &p->foreground);
      draw_text (cr, p, "log₁₀", L->x + L->w, L->y - 18, 1.0, 0, FALSE);
    }

  if (pe_chart_model_get_series_name (m, 1) != NULL)
    {
      double lx = L->x, ly = L->y + L->h + 4;
      for (guint s = 0; s < 2; s++)
        {
          const char *name = pe_chart_model_get_series_name (m, s);
          set_color (cr, &p->series[s]);
          cairo_rectangle (cr, lx, ly + 3, 10, 10);
          cairo_fill (cr);
          set_color (cr, &p->foreground);
          draw_text (cr, p, name, lx + 14, ly, 0, 0, FALSE);
          lx += 24 + text_width (cr, p, name);
        }
    }
}

static void
render_step (PeChartModel         *m,
             cairo_t              *cr,
             const PeChartPalette *p,
             const Layout         *L)
{
  guint n = pe_chart_model_get_n_points (m);
  const double dashes[] = { 4, 3 };

  /* grid and axis labels at round values */
  cairo_set_line_width (cr, 1);
  {
    double ystep = nice_step (L->ymax - L->ymin, N_TICKS);
    double xstep = nice_step (L->xmax - L->xmin, N_TICKS);

    for (double yv = L->ymin; yv <= L->ymax + ystep * 1e-9; yv += ystep)
      {
        g_autofree char *ys = pe_chart_model_format_y (m, yv);

        set_color (cr, &p->grid);
        cairo_move_to (cr, L->x, floor (py (L, yv)) + 0.5);
        cairo_line_to (cr, L->x + L->w, floor (py (L, yv)) + 0.5);
        cairo_stroke (cr);
        set_color (cr, &p->foreground);
        draw_text (cr, p, ys, L->x - 6, py (L, yv) - 8, 1.0, 0, FALSE);
      }
    for (double xv = ceil (L->xmin / xstep) * xstep; xv <= L->xmax + xstep * 1e-9; xv += xstep)
      {
        g_autofree char *xs = pe_chart_model_format_x (m, xv);
        double align = px (L, xv) > L->x + L->w - 20 ? 1.0 : 0.5;

        set_color (cr, &p->grid);
        cairo_move_to (cr, floor (px (L, xv)) + 0.5, L->y + L->h);
        cairo_line_to (cr, floor (px (L, xv)) + 0.5, L->y + L->h + 3);
        cairo_stroke (cr);
        set_color (cr, &p->foreground);
        draw_text (cr, p, xs, px (L, xv), L->y + L->h + 4, xv == L->xmin ? 0 : align, 0, FALSE);
      }
  }
  if (pe_chart_model_get_x_label (m))
    draw_text (cr, p, pe_chart_model_get_x_label (m), L->x + L->w / 2, L->y + L->h + 18, 0.5, L->w, FALSE);
  if (pe_chart_model_get_y_label (m))
    draw_text (cr, p, pe_chart_model_get_y_label (m), L->x, L->y - 16, 0, L->w, FALSE);

  /* thresholds and caps */
  for (guint i = 0; i < pe_chart_model_get_n_marks (m); i++)
    {
      PeChartMarkKind kind;
      double x, y, lx, ly;
      const char *label;

      pe_chart_model_get_mark (m, i, &kind, &x, &y, &label);
      set_color (cr, &p->accent);
      if (kind == PE_CHART_MARK_THRESHOLD)
        {
          cairo_save (cr);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, floor (px (L, x)) + 0.5, L->y + L->h);
          cairo_line_to (cr, floor (px (L, x)) + 0.5, py (L, y));
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        {
          cairo_arc (cr, px (L, x), py (L, y), 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      /* labels above the line, staggered so neighbours do not collide */
      lx = px (L, x) + 4;
      ly = py (L, y) - 18 - (i % 2) * 14;
      if (lx + text_width (cr, p, label) > L->x + L->w)
        lx = px (L, x) - 4 - text_width (cr, p, label);
      ly = MAX (L->y - 4, ly);
      /* the mark in the accent colour, its words in the text colour:
       * readable on a light and on a dark background */
      set_color (cr, &p->foreground);
      draw_text (cr, p, label, lx, ly, 0, 0, FALSE);
    }

  /* the function itself */
  if (n > 0)
    {
      set_color (cr, &p->series[0]);
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n; i++)
        {
          double x, y;
          pe_chart_model_get_point (m, i, &x, &y);
          if (i == 0)
            cairo_move_to (cr, px (L, x), py (L, y));
          else
            cairo_line_to (cr, px (L, x), py (L, y));
        }
      cairo_stroke (cr);
    }
}

static void
render_timeline (PeChartModel         *m,
                 cairo_t              *cr,
                 const PeChartPalette *p,
                 const Layout         *L)
{
  guint n = pe_chart_model_get_n_events (m);
  double row = n > 0 ? L->h / n : L->h;
  double now;
  const char *now_label;
  GDate d;
  int y0, y1;

  /* a tick at each 1 January */
  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32) MAX (1, L->xmin));
  y0 = g_date_get_year (&d);
  g_date_set_julian (&d, (guint32) MAX (1, L->xmax));
  y1 = g_date_get_year (&d);
  cairo_set_line_width (cr, 1);
  for (int y = y0; y <= y1 + 1; y++)
    {
      double j;
      g_autofree char *label = g_strdup_printf ("%d", y);

      g_date_set_dmy (&d, 1, 1, y);
      j = g_date_get_julian (&d);
      if (j < L->xmin || j > L->xmax)
        continue;
      set_color (cr, &p->grid);
      cairo_move_to (cr, floor (px (L, j)) + 0.5, L->y);
      cairo_line_to (cr, floor (px (L, j)) + 0.5, L->y + L->h);
      cairo_stroke (cr);
      set_color (cr, &p->foreground);
      draw_text (cr, p, label, px (L, j), L->y + L->h + 4, 0.5, 0, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      const char *label, *note;
      double s, e, y = L->y + i * row + row / 2;
      PeChartEventFlags flags = pe_chart_model_get_event_flags (m, i, &note);
      /* a period that is over (or not begun) is there, but faint */
      double alpha = (flags & PE_CHART_EVENT_DIMMED) ? 0.4 : 1.0;
      PeChartColor fg = p->foreground, series = p->series[0];

      fg.alpha *= alpha;
      series.alpha *= alpha;
      pe_chart_model_get_event (m, i, &label, &s, &e, NULL);
      set_color (cr, &fg);
      draw_text (cr, p, label, L->x - PAD, y - 8, 1.0, L->label_w, FALSE);
      if (note != NULL)
        {
          /* at the right end, where an open period has faded out */
          PeChartColor faint = fg;
          faint.alpha *= 0.8;
          set_color (cr, &faint);
          draw_text (cr, p, note, L->x + L->w - 2, y - 8, 1.0, L->w * 0.6, FALSE);
        }
      set_color (cr, &series);
      if (flags & (PE_CHART_EVENT_OPEN_START | PE_CHART_EVENT_OPEN_END))
        {
          double h = MIN (14, row * 0.6);
          double x0 = (flags & PE_CHART_EVENT_OPEN_START) ? L->x : px (L, s);
          double x1 = (flags & PE_CHART_EVENT_OPEN_END) ? L->x + L->w : px (L, e);
          cairo_pattern_t *fade;

          if ((flags & PE_CHART_EVENT_OPEN_START) && (flags & PE_CHART_EVENT_OPEN_END))
            continue;   /* no date at all: the note says why */
          fade = cairo_pattern_create_linear (x0, 0, x1, 0);
          cairo_pattern_add_color_stop_rgba (fade, 0, series.red, series.green, series.blue,
                                             (flags & PE_CHART_EVENT_OPEN_START) ? 0 : series.alpha);
          cairo_pattern_add_color_stop_rgba (fade, 1, series.red, series.green, series.blue,
                                             (flags & PE_CHART_EVENT_OPEN_END) ? 0 : series.alpha);
          cairo_set_source (cr, fade);
          cairo_rectangle (cr, x0, y - h / 2, MAX (2, x1 - x0), h);
          cairo_fill (cr);
          cairo_pattern_destroy (fade);
          /* the date that is known, marked */
          set_color (cr, &series);
          cairo_rectangle (cr, (flags & PE_CHART_EVENT_OPEN_START) ? x1 - 2 : x0, y - h / 2 - 2, 2, h + 4);
          cairo_fill (cr);
        }
      else if (e > s)
        {
          double h = MIN (14, row * 0.6);
          cairo_rectangle (cr, px (L, s), y - h / 2, MAX (2, px (L, e) - px (L, s)), h);
          cairo_fill (cr);
        }
      else
        {
          double r = MIN (6, row * 0.35);
          cairo_move_to (cr, px (L, s), y - r);
          cairo_line_to (cr, px (L, s) + r, y);
          cairo_line_to (cr, px (L, s), y + r);
          cairo_line_to (cr, px (L, s) - r, y);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
    }

  if (pe_chart_model_get_now (m, &now, &now_label))
    {
      const double dashes[] = { 4, 3 };
      set_color (cr, &p->accent);
      cairo_save (cr);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, floor (px (L, now)) + 0.5, L->y - 4);
      cairo_line_to (cr, floor (px (L, now)) + 0.5, L->y + L->h);
      cairo_stroke (cr);
      cairo_restore (cr);
      draw_text (cr, p, now_label, px (L, now), L->y - 18, 0.5, 0, FALSE);
    }
}

/**
 * pe_chart_render:
 * @model: what to draw
 * @cr: where to draw, in user units (pixels on screen, points on paper)
 * @width: the width of the area
 * @height: the height of the area
 * @palette: (nullable): the colours, or %NULL for the default
 */
void
pe_chart_render (PeChartModel         *model,
                 cairo_t              *cr,
                 double                width,
                 double                height,
                 const PeChartPalette *palette)
{
  PeChartPalette def;
  Layout L;

  g_return_if_fail (PE_IS_CHART_MODEL (model));
  g_return_if_fail (cr != NULL);

  if (palette == NULL)
    {
      pe_chart_palette_init_default (&def);
      palette = &def;
    }

  cairo_save (cr);
  text_cache_lend (model, cr, width, height);
  if (palette->background.alpha > 0)
    {
      set_color (cr, &palette->background);
      cairo_paint (cr);
    }

  set_color (cr, &palette->foreground);
  draw_text (cr, palette, pe_chart_model_get_title (model), PAD, PAD, 0, width - 2 * PAD, TRUE);

  compute_layout (model, cr, palette, width, height, &L);
  switch (pe_chart_model_get_kind (model))
    {
    case PE_CHART_BARS: render_bars (model, cr, palette, &L); break;
    case PE_CHART_STEP: render_step (model, cr, palette, &L); break;
    case PE_CHART_TIMELINE: render_timeline (model, cr, palette, &L); break;
    default: g_assert_not_reached ();
    }
  text_cache_return (cr);
  cairo_restore (cr);
}

/**
 * pe_chart_hit_test:
 * @cr: a context to measure text with
 *
 * Returns: (transfer full) (nullable): the tooltip for the point (x, y)
 */
char *
pe_chart_hit_test (PeChartModel *model,
                   cairo_t      *cr,
                   double        width,
                   double        height,
                   double        x,
                   double        y)
{
  Layout L;
  PeChartPalette p;

  g_return_val_if_fail (PE_IS_CHART_MODEL (model), NULL);

  pe_chart_palette_init_default (&p);
  text_cache_lend (model, cr, width, height);
  compute_layout (model, cr, &p, width, height, &L);
  text_cache_return (cr);
  if (y < L.y || y > L.y + L.h)
    return NULL;

  switch (pe_chart_model_get_kind (model))
    {
    case PE_CHART_BARS:
    case PE_CHART_TIMELINE:
      {
        gboolean bars = pe_chart_model_get_kind (model) == PE_CHART_BARS;
        guint n = bars ? pe_chart_model_get_n_bars (model) : pe_chart_model_get_n_events (model);
        const char *label, *tip, *text = NULL;
        guint i;
        double s = 0, e = 0;

        if (n == 0)
          return NULL;
        i = (guint) ((y - L.y) / (L.h / n));
        if (i >= n)
          return NULL;
        if (bars)
          pe_chart_model_get_bar (model, i, &label, NULL, NULL, &text, &tip);
        else
          pe_chart_model_get_event (model, i, &label, &s, &e, &tip);
        if (tip != NULL)
          return g_strdup (tip);
        if (bars)
          return g_strdup_printf ("%s: %s", label, text ? text : "");
        {
          const char *note = NULL;
          PeChartEventFlags flags = pe_chart_model_get_event_flags (model, i, &note);
          g_autofree char *a = pe_chart_format_julian (s);
          g_autofree char *b = pe_chart_format_julian (e);

          if (flags & (PE_CHART_EVENT_OPEN_START | PE_CHART_EVENT_OPEN_END))
            return g_strdup_printf ("%s: %s", label, note ? note : "");
          return e > s ? g_strdup_printf ("%s: %s – %s", label, a, b)
                       : g_strdup_printf ("%s: %s", label, a);
        }
      }

    case PE_CHART_STEP:
      {
        guint n = pe_chart_model_get_n_points (model);
        double xv, yv = 0;
        gboolean found = FALSE;
        g_autofree char *xs = NULL;
        g_autofree char *ys = NULL;

        if (x < L.x || x > L.x + L.w || n == 0)
          return NULL;
        xv = L.xmin + (x - L.x) / L.w * (L.xmax - L.xmin);
        /* the segment under the pointer; at a jump, the value after it */
        for (guint i = 0; i + 1 < n; i++)
          {
            double x0, y0, x1, y1;
            pe_chart_model_get_point (model, i, &x0, &y0);
            pe_chart_model_get_point (model, i + 1, &x1, &y1);
            if (xv >= x0 && xv <= x1 && x1 > x0)
              {
                yv = y0 + (y1 - y0) * (xv - x0) / (x1 - x0);
                found = TRUE;
              }
          }
        if (!found)
          return NULL;
        xs = pe_chart_model_format_x (model, xv);
        ys = pe_chart_model_format_y (model, yv);
        return g_strdup_printf ("%s → %s", xs, ys);
      }

    default:
      return NULL;
    }
}
