/* pe-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin view over the chart renderer: colours are read from the style
 * context at every draw, so a switch to the dark theme is followed; GTK
 * already scales the cairo context on HiDPI screens. The chart's text
 * summary is its accessible description.
 */
#define G_LOG_DOMAIN "pe-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-chart-view.h"

struct _PeChartView
{
  GtkDrawingArea  parent_instance;
  PeChartModel   *model;
};

G_DEFINE_FINAL_TYPE (PeChartView, pe_chart_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
to_color (const GdkRGBA *rgba,
          double         alpha,
          PeChartColor  *out)
{
  out->red = rgba->red;
  out->green = rgba->green;
  out->blue = rgba->blue;
  out->alpha = rgba->alpha * alpha;
}

/**
 * pe_chart_view_get_palette:
 * @palette: (out caller-allocates): the colours of the current theme
 */
void
pe_chart_view_get_palette (PeChartView    *self,
                           PeChartPalette *palette)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, accent, selected, warning;

  g_return_if_fail (PE_IS_CHART_VIEW (self));

  pe_chart_palette_init_default (palette);
  gtk_style_context_get_color (style, gtk_style_context_get_state (style), &fg);
  to_color (&fg, 1.0, &palette->foreground);
  to_color (&fg, 0.12, &palette->grid);
  palette->background.alpha = 0;   /* the window's own background shows */

  if (gtk_style_context_lookup_color (style, "theme_selected_bg_color", &selected))
    to_color (&selected, 1.0, &palette->series[0]);
  if (gtk_style_context_lookup_color (style, "warning_color", &warning))
    to_color (&warning, 1.0, &palette->series[1]);
  if (gtk_style_context_lookup_color (style, "error_color", &accent))
    to_color (&accent, 1.0, &palette->accent);
}

static gboolean
pe_chart_view_draw (GtkWidget *widget,
                    cairo_t   *cr)
{
  PeChartView *self = PE_CHART_VIEW (widget);
  PeChartPalette palette;

  if (self->model == NULL)
    return FALSE;
  pe_chart_view_get_palette (self, &palette);
  pe_chart_render (self->model, cr, gtk_widget_get_allocated_width (widget),
                   gtk_widget_get_allocated_height (widget), &palette);
  return FALSE;
}

static gboolean
pe_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  PeChartView *self = PE_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->model == NULL || keyboard)
    return FALSE;
  /* a scratch context, only to measure text as the renderer does */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  text = pe_chart_hit_test (self->model, cr, gtk_widget_get_allocated_width (widget),
                            gtk_widget_get_allocated_height (widget), x, y);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pe_chart_view_style_updated (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pe_chart_view_parent_class)->style_updated (widget);
  gtk_widget_queue_draw (widget);
}

static void
pe_chart_view_finalize (GObject *object)
{
  g_clear_object (&PE_CHART_VIEW (object)->model);
  G_OBJECT_CLASS (pe_chart_view_parent_class)->finalize (object);
}

static void
pe_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PeChartView *self = PE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PeChartView *self = PE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      pe_chart_view_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_chart_view_class_init (PeChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pe_chart_view_finalize;
  object_class->get_property = pe_chart_view_get_property;
  object_class->set_property = pe_chart_view_set_property;
  widget_class->draw = pe_chart_view_draw;
  widget_class->query_tooltip = pe_chart_view_query_tooltip;
  widget_class->style_updated = pe_chart_view_style_updated;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", "Model", "The chart shown",
                         PE_TYPE_CHART_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
pe_chart_view_init (PeChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 480, 320);
}

GtkWidget *
pe_chart_view_new (PeChartModel *model)
{
  return g_object_new (PE_TYPE_CHART_VIEW, "model", model, NULL);
}

/**
 * pe_chart_view_get_model:
 *
 * Returns: (transfer none) (nullable):
 */
PeChartModel *
pe_chart_view_get_model (PeChartView *self)
{
  g_return_val_if_fail (PE_IS_CHART_VIEW (self), NULL);
  return self->model;
}

void
pe_chart_view_set_model (PeChartView  *self,
                         PeChartModel *model)
{
  g_return_if_fail (PE_IS_CHART_VIEW (self));
  g_return_if_fail (model == NULL || PE_IS_CHART_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  if (model != NULL)
    {
      g_autofree char *summary = pe_chart_model_describe (model);
      AtkObject *accessible = gtk_widget_get_accessible (GTK_WIDGET (self));

      atk_object_set_name (accessible, pe_chart_model_get_title (model));
      atk_object_set_description (accessible, summary);
      /* taller bar charts for many bars */
      if (pe_chart_model_get_kind (model) != PE_CHART_STEP)
        {
          guint n = MAX (pe_chart_model_get_n_bars (model), pe_chart_model_get_n_events (model));
          gtk_widget_set_size_request (GTK_WIDGET (self), 480, MAX (240, 60 + 24 * (int) n));
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
