/* pe-chart-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pe-chart-model.h"

typedef struct
{
  char   *label;
  double  value;
  double  value2;
  char   *value_text;
  char   *tooltip;
} Bar;

typedef struct
{
  PeChartMarkKind kind;
  double          x, y;
  char           *label;
} Mark;

typedef struct
{
  char              *label;
  double             start, end;
  char              *tooltip;
  PeChartEventFlags  flags;
  char              *note;
} Event;

struct _PeChartModel
{
  GObject       parent_instance;

  PeChartKind   kind;
  char         *title;
  char         *x_label;
  char         *y_label;
  char         *series[2];
  gboolean      log_scale;
  GArray       *bars;
  GArray       *points;
  GArray       *marks;
  GArray       *events;
  gboolean      has_now;
  double        now;
  char         *now_label;
  char       *(*format_y) (double);
  char       *(*format_x) (double);
};

G_DEFINE_FINAL_TYPE (PeChartModel, pe_chart_model, G_TYPE_OBJECT)

static void
bar_clear (Bar *b)
{
  g_free (b->label);
  g_free (b->value_text);
  g_free (b->tooltip);
}

static void
mark_clear (Mark *m)
{
  g_free (m->label);
}

static void
event_clear (Event *e)
{
  g_free (e->label);
  g_free (e->tooltip);
  g_free (e->note);
}

static void
pe_chart_model_finalize (GObject *object)
{
  PeChartModel *self = PE_CHART_MODEL (object);

  g_free (self->title);
  g_free (self->x_label);
  g_free (self->y_label);
  g_free (self->series[0]);
  g_free (self->series[1]);
  g_free (self->now_label);
  g_array_unref (self->bars);
  g_array_unref (self->points);
  g_array_unref (self->marks);
  g_array_unref (self->events);

  G_OBJECT_CLASS (pe_chart_model_parent_class)->finalize (object);
}

static void
pe_chart_model_class_init (PeChartModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_chart_model_finalize;
}

static void
pe_chart_model_init (PeChartModel *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) bar_clear);
  self->points = g_array_new (FALSE, TRUE, sizeof (double) * 2);
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, (GDestroyNotify) mark_clear);
  self->events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (self->events, (GDestroyNotify) event_clear);
}

PeChartModel *
pe_chart_model_new (PeChartKind  kind,
                    const char  *title)
{
  PeChartModel *self = g_object_new (PE_TYPE_CHART_MODEL, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  return self;
}

PeChartKind
pe_chart_model_get_kind (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), PE_CHART_BARS);
  return self->kind;
}

const char *
pe_chart_model_get_title (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);
  return self->title;
}

void
pe_chart_model_set_axis_labels (PeChartModel *self,
                                const char   *x_label,
                                const char   *y_label)
{
  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_free (self->x_label);
  g_free (self->y_label);
  self->x_label = g_strdup (x_label);
  self->y_label = g_strdup (y_label);
}

const char *
pe_chart_model_get_x_label (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);
  return self->x_label;
}

const char *
pe_chart_model_get_y_label (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);
  return self->y_label;
}

void
pe_chart_model_set_log_scale (PeChartModel *self,
                              gboolean      log_scale)
{
  g_return_if_fail (PE_IS_CHART_MODEL (self));
  self->log_scale = log_scale;
}

gboolean
pe_chart_model_get_log_scale (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), FALSE);
  return self->log_scale;
}

void
pe_chart_model_set_series_names (PeChartModel *self,
                                 const char   *first,
                                 const char   *second)
{
  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_free (self->series[0]);
  g_free (self->series[1]);
  self->series[0] = g_strdup (first);
  self->series[1] = g_strdup (second);
}

/**
 * pe_chart_model_get_series_name:
 *
 * Returns: (nullable):
 */
const char *
pe_chart_model_get_series_name (PeChartModel *self,
                                guint         index)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (index < 2, NULL);
  return self->series[index];
}

void
pe_chart_model_add_bar (PeChartModel *self,
                        const char   *label,
                        double        value,
                        double        value2,
                        const char   *value_text,
                        const char   *tooltip)
{
  Bar b = { g_strdup (label), value, value2, g_strdup (value_text), g_strdup (tooltip) };

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_array_append_val (self->bars, b);
}

guint
pe_chart_model_get_n_bars (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), 0);
  return self->bars->len;
}

/**
 * pe_chart_model_get_bar:
 * @label: (out) (optional):
 * @value: (out) (optional):
 * @value2: (out) (optional):
 * @value_text: (out) (optional):
 * @tooltip: (out) (optional):
 */
void
pe_chart_model_get_bar (PeChartModel *self,
                        guint         index,
                        const char  **label,
                        double       *value,
                        double       *value2,
                        const char  **value_text,
                        const char  **tooltip)
{
  const Bar *b;

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_return_if_fail (index < self->bars->len);

  b = &g_array_index (self->bars, Bar, index);
  if (label) *label = b->label;
  if (value) *value = b->value;
  if (value2) *value2 = b->value2;
  if (value_text) *value_text = b->value_text;
  if (tooltip) *tooltip = b->tooltip;
}

void
pe_chart_model_add_point (PeChartModel *self,
                          double        x,
                          double        y)
{
  double p[2] = { x, y };

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_array_append_vals (self->points, p, 1);
}

guint
pe_chart_model_get_n_points (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), 0);
  return self->points->len;
}

/**
 * pe_chart_model_get_point:
 * @x: (out):
 * @y: (out):
 */
void
pe_chart_model_get_point (PeChartModel *self,
                          guint         index,
                          double       *x,
                          double       *y)
{
  const double *p;

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_return_if_fail (index < self->points->len);

  p = (const double *) (void *) (self->points->data + index * 2 * sizeof (double));
  *x = p[0];
  *y = p[1];
}

void
pe_chart_model_add_mark (PeChartModel    *self,
                         PeChartMarkKind  kind,
                         double           x,
                         double           y,
                         const char      *label)
{
  Mark m = { kind, x, y, g_strdup (label) };

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_array_append_val (self->marks, m);
}

guint
pe_chart_model_get_n_marks (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), 0);
  return self->marks->len;
}

/**
 * pe_chart_model_get_mark:
 * @kind: (out) (optional):
 * @x: (out) (optional):
 * @y: (out) (optional):
 * @label: (out) (optional):
 */
void
pe_chart_model_get_mark (PeChartModel     *self,
                         guint             index,
                         PeChartMarkKind  *kind,
                         double           *x,
                         double           *y,
                         const char      **label)
{
  const Mark *m;

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_return_if_fail (index < self->marks->len);

  m = &g_array_index (self->marks, Mark, index);
  if (kind) *kind = m->kind;
  if (x) *x = m->x;
  if (y) *y = m->y;
  if (label) *label = m->label;
}

/**
 * pe_chart_model_set_value_format: (skip)
 */
void
pe_chart_model_set_value_format (PeChartModel  *self,
                                 char        *(*format) (double value))
{
  g_return_if_fail (PE_IS_CHART_MODEL (self));
  self->format_y = format;
}

/**
 * pe_chart_model_set_x_format: (skip)
 */
void
pe_chart_model_set_x_format (PeChartModel  *self,
                             char        *(*format) (double value))
{
  g_return_if_fail (PE_IS_CHART_MODEL (self));
  self->format_x = format;
}

static char *
format_plain (double v)
{
  if (fabs (v - round (v)) < 1e-9)
    return g_strdup_printf ("%.0f", v);
  return g_strdup_printf ("%.4g", v);
}

char *
pe_chart_model_format_y (PeChartModel *self,
                         double        y)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);
  return self->format_y ? self->format_y (y) : format_plain (y);
}

char *
pe_chart_model_format_x (PeChartModel *self,
                         double        x)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);
  if (self->format_x)
    return self->format_x (x);
  if (self->kind == PE_CHART_TIMELINE)
    return pe_chart_format_julian (x);
  return format_plain (x);
}

void
pe_chart_model_add_event (PeChartModel *self,
                          const char   *label,
                          double        start,
                          double        end,
                          const char   *tooltip)
{
  Event e = { g_strdup (label), start, end, g_strdup (tooltip), PE_CHART_EVENT_NONE, NULL };

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_array_append_val (self->events, e);
}

guint
pe_chart_model_get_n_events (PeChartModel *self)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), 0);
  return self->events->len;
}

/**
 * pe_chart_model_get_event:
 * @label: (out) (optional):
 * @start: (out) (optional):
 * @end: (out) (optional): equal to @start for a single date
 * @tooltip: (out) (optional):
 */
void
pe_chart_model_get_event (PeChartModel *self,
                          guint         index,
                          const char  **label,
                          double       *start,
                          double       *end,
                          const char  **tooltip)
{
  const Event *e;

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_return_if_fail (index < self->events->len);

  e = &g_array_index (self->events, Event, index);
  if (label) *label = e->label;
  if (start) *start = e->start;
  if (end) *end = e->end;
  if (tooltip) *tooltip = e->tooltip;
}

/**
 * pe_chart_model_set_event_flags:
 * @flags: how the event's dates are known
 * @note: (nullable): a few words written in its row ("no end stated")
 */
void
pe_chart_model_set_event_flags (PeChartModel      *self,
                                guint              index,
                                PeChartEventFlags  flags,
                                const char        *note)
{
  Event *e;

  g_return_if_fail (PE_IS_CHART_MODEL (self));
  g_return_if_fail (index < self->events->len);

  e = &g_array_index (self->events, Event, index);
  e->flags = flags;
  g_free (e->note);
  e->note = g_strdup (note);
}

/**
 * pe_chart_model_get_event_flags:
 * @note: (out) (optional) (nullable):
 */
PeChartEventFlags
pe_chart_model_get_event_flags (PeChartModel  *self,
                                guint          index,
                                const char   **note)
{
  const Event *e;

  g_return_val_if_fail (PE_IS_CHART_MODEL (self), PE_CHART_EVENT_NONE);
  g_return_val_if_fail (index < self->events->len, PE_CHART_EVENT_NONE);

  e = &g_array_index (self->events, Event, index);
  if (note) *note = e->note;
  return e->flags;
}

void
pe_chart_model_set_now (PeChartModel *self,
                        double        now,
                        const char   *label)
{
  g_return_if_fail (PE_IS_CHART_MODEL (self));
  self->has_now = TRUE;
  self->now = now;
  g_free (self->now_label);
  self->now_label = g_strdup (label);
}

/**
 * pe_chart_model_get_now:
 * @now: (out) (optional):
 * @label: (out) (optional):
 */
gboolean
pe_chart_model_get_now (PeChartModel *self,
                        double       *now,
                        const char  **label)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (self), FALSE);
  if (now) *now = self->now;
  if (label) *label = self->now_label;
  return self->has_now;
}

/* RFC 4180 quoting */
static void
csv_field (GString    *s,
           const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (s, text);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

/**
 * pe_chart_model_to_csv:
 *
 * The chart's data as CSV, with a header row.
 *
 * Returns: (transfer full):
 */
char *
pe_chart_model_to_csv (PeChartModel *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);

  switch (self->kind)
    {
    case PE_CHART_BARS:
      g_string_append (s, "label,");
      csv_field (s, self->series[0] ? self->series[0] : "value");
      if (self->series[1] != NULL)
        {
          g_string_append_c (s, ',');
          csv_field (s, self->series[1]);
        }
      g_string_append (s, ",text\r\n");
      for (guint i = 0; i < self->bars->len; i++)
        {
          const Bar *b = &g_array_index (self->bars, Bar, i);
          csv_field (s, b->label);
          g_string_append_printf (s, ",%.15g", b->value);
          if (self->series[1] != NULL)
            g_string_append_printf (s, ",%.15g", b->value2);
          g_string_append_c (s, ',');
          csv_field (s, b->value_text);
          g_string_append (s, "\r\n");
        }
      break;

    case PE_CHART_STEP:
      csv_field (s, self->x_label ? self->x_label : "x");
      g_string_append_c (s, ',');
      csv_field (s, self->y_label ? self->y_label : "y");
      g_string_append (s, "\r\n");
      for (guint i = 0; i < self->points->len; i++)
        {
          double x, y;
          pe_chart_model_get_point (self, i, &x, &y);
          g_string_append_printf (s, "%.15g,%.15g\r\n", x, y);
        }
      break;

    case PE_CHART_TIMELINE:
      g_string_append (s, "label,start,end\r\n");
      for (guint i = 0; i < self->events->len; i++)
        {
          const Event *e = &g_array_index (self->events, Event, i);
          /* a date that is not known is left empty, never made up */
          g_autofree char *a = (e->flags & PE_CHART_EVENT_OPEN_START) ? g_strdup ("") : pe_chart_format_julian (e->start);
          g_autofree char *b = (e->flags & PE_CHART_EVENT_OPEN_END) ? g_strdup ("") : pe_chart_format_julian (e->end);
          csv_field (s, e->label);
          g_string_append_printf (s, ",%s,%s\r\n", a, b);
        }
      break;

    default:
      g_assert_not_reached ();
    }
  return g_string_free (s, FALSE);
}

/**
 * pe_chart_model_describe:
 *
 * A text summary of the chart for assistive technology.
 *
 * Returns: (transfer full):
 */
char *
pe_chart_model_describe (PeChartModel *self)
{
  GString *s = g_string_new (self->title);

  g_return_val_if_fail (PE_IS_CHART_MODEL (self), NULL);

  g_string_append (s, ". ");
  switch (self->kind)
    {
    case PE_CHART_BARS:
      for (guint i = 0; i < self->bars->len; i++)
        {
          const Bar *b = &g_array_index (self->bars, Bar, i);
          g_string_append_printf (s, "%s: %s. ", b->label, b->value_text ? b->value_text : "");
        }
      break;
    case PE_CHART_STEP:
      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *m = &g_array_index (self->marks, Mark, i);
          g_string_append_printf (s, "%s. ", m->label);
        }
      break;
    case PE_CHART_TIMELINE:
      for (guint i = 0; i < self->events->len; i++)
        {
          const Event *e = &g_array_index (self->events, Event, i);
          g_autofree char *a = (e->flags & PE_CHART_EVENT_OPEN_START) ? NULL : pe_chart_format_julian (e->start);
          g_autofree char *b = (e->flags & PE_CHART_EVENT_OPEN_END) ||
                               (!(e->flags & PE_CHART_EVENT_OPEN_START) && e->end <= e->start)
                               ? NULL : pe_chart_format_julian (e->end);

          g_string_append_printf (s, "%s:", e->label);
          if (a != NULL)
            g_string_append_printf (s, " %s", a);
          if (b != NULL)
            g_string_append_printf (s, " – %s", b);
          if (e->note != NULL)
            g_string_append_printf (s, " (%s)", e->note);
          g_string_append (s, ". ");
        }
      break;
    default:
      break;
    }
  return g_string_free (s, FALSE);
}

/**
 * pe_chart_format_yuan_short:
 *
 * An axis label for an amount: 300万, 1.5亿, 800.
 */
char *
pe_chart_format_yuan_short (double yuan)
{
  double a = fabs (yuan);

  if (a >= 1e8)
    return g_strdup_printf ("%g亿", yuan / 1e8);
  if (a >= 1e4)
    return g_strdup_printf ("%g万", yuan / 1e4);
  return g_strdup_printf ("%g", yuan);
}

char *
pe_chart_format_julian (double julian)
{
  GDate d;
  guint32 j = (guint32) julian;

  if (!g_date_valid_julian (j))
    return g_strdup ("?");
  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d),
                          g_date_get_month (&d), g_date_get_day (&d));
}
