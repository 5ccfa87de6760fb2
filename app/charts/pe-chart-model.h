/* pe-chart-model.h — what a chart shows, independent of how it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three parts make a chart, as in libdazzle's graphing: this model (data
 * in the units of the text), the renderer (pixels, onto any cairo
 * surface) and the view (a GTK widget, in the GTK library). The model and
 * renderer run without a display, so charts are tested and exported
 * headless.
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define PE_TYPE_CHART_MODEL (pe_chart_model_get_type ())

G_DECLARE_FINAL_TYPE (PeChartModel, pe_chart_model, PE, CHART_MODEL, GObject)

/**
 * PeChartKind:
 * @PE_CHART_BARS: horizontal bars, optionally split in two stacked parts
 * @PE_CHART_STEP: y as a function of x, with thresholds and caps marked
 * @PE_CHART_TIMELINE: dates and periods on a time axis
 */
typedef enum
{
  PE_CHART_BARS,
  PE_CHART_STEP,
  PE_CHART_TIMELINE,
} PeChartKind;

/**
 * PeChartMarkKind:
 * @PE_CHART_MARK_THRESHOLD: the value jumps here (a tier is reached)
 * @PE_CHART_MARK_KINK: the slope changes here (a cap is reached)
 */
typedef enum
{
  PE_CHART_MARK_THRESHOLD,
  PE_CHART_MARK_KINK,
} PeChartMarkKind;

/**
 * PeChartEventFlags:
 * @PE_CHART_EVENT_NONE: a period or date known at both ends
 * @PE_CHART_EVENT_DIMMED: drawn faint: a period that is over, or not begun
 * @PE_CHART_EVENT_OPEN_START: the start is not known: the period fades in
 *   from the left edge up to its end
 * @PE_CHART_EVENT_OPEN_END: the end is not known or not stated: the
 *   period fades out from its start to the right edge
 *
 * How a timeline draws a period whose dates are not all known. With both
 * ends open and no date, only the event's note is written.
 */
typedef enum
{
  PE_CHART_EVENT_NONE       = 0,
  PE_CHART_EVENT_DIMMED     = 1 << 0,
  PE_CHART_EVENT_OPEN_START = 1 << 1,
  PE_CHART_EVENT_OPEN_END   = 1 << 2,
} PeChartEventFlags;

PeChartModel *pe_chart_model_new            (PeChartKind   kind,
                                             const char   *title);
PeChartKind   pe_chart_model_get_kind       (PeChartModel *self);
const char   *pe_chart_model_get_title      (PeChartModel *self);
void          pe_chart_model_set_axis_labels (PeChartModel *self,
                                             const char   *x_label,
                                             const char   *y_label);
const char   *pe_chart_model_get_x_label    (PeChartModel *self);
const char   *pe_chart_model_get_y_label    (PeChartModel *self);
void          pe_chart_model_set_log_scale  (PeChartModel *self,
                                             gboolean      log_scale);
gboolean      pe_chart_model_get_log_scale  (PeChartModel *self);
void          pe_chart_model_set_series_names (PeChartModel *self,
                                             const char   *first,
                                             const char   *second);
const char   *pe_chart_model_get_series_name (PeChartModel *self,
                                             guint         index);

/* bars */
void          pe_chart_model_add_bar        (PeChartModel *self,
                                             const char   *label,
                                             double        value,
                                             double        value2,
                                             const char   *value_text,
                                             const char   *tooltip);
guint         pe_chart_model_get_n_bars     (PeChartModel *self);
void          pe_chart_model_get_bar        (PeChartModel *self,
                                             guint         index,
                                             const char  **label,
                                             double       *value,
                                             double       *value2,
                                             const char  **value_text,
                                             const char  **tooltip);

/* step charts: a polyline; a vertical jump is two points with one x */
void          pe_chart_model_add_point      (PeChartModel *self,
                                             double        x,
                                             double        y);
guint         pe_chart_model_get_n_points   (PeChartModel *self);
void          pe_chart_model_get_point      (PeChartModel *self,
                                             guint         index,
                                             double       *x,
                                             double       *y);
void          pe_chart_model_add_mark       (PeChartModel *self,
                                             PeChartMarkKind kind,
                                             double        x,
                                             double        y,
                                             const char   *label);
guint         pe_chart_model_get_n_marks    (PeChartModel *self);
void          pe_chart_model_get_mark       (PeChartModel *self,
                                             guint         index,
                                             PeChartMarkKind *kind,
                                             double       *x,
                                             double       *y,
                                             const char  **label);
void          pe_chart_model_set_value_format (PeChartModel *self,
                                             char        *(*format) (double value));
char         *pe_chart_model_format_x       (PeChartModel *self,
                                             double        x);
char         *pe_chart_model_format_y       (PeChartModel *self,
                                             double        y);
void          pe_chart_model_set_x_format   (PeChartModel *self,
                                             char        *(*format) (double value));

/* timelines: x values are Julian days */
void          pe_chart_model_add_event      (PeChartModel *self,
                                             const char   *label,
                                             double        start,
                                             double        end,
                                             const char   *tooltip);
guint         pe_chart_model_get_n_events   (PeChartModel *self);
void          pe_chart_model_get_event      (PeChartModel *self,
                                             guint         index,
                                             const char  **label,
                                             double       *start,
                                             double       *end,
                                             const char  **tooltip);
void          pe_chart_model_set_event_flags (PeChartModel *self,
                                             guint         index,
                                             PeChartEventFlags flags,
                                             const char   *note);
PeChartEventFlags pe_chart_model_get_event_flags (PeChartModel *self,
                                             guint         index,
                                             const char  **note);
void          pe_chart_model_set_now        (PeChartModel *self,
                                             double        now,
                                             const char   *label);
gboolean      pe_chart_model_get_now        (PeChartModel *self,
                                             double       *now,
                                             const char  **label);

char         *pe_chart_model_to_csv         (PeChartModel *self);
char         *pe_chart_model_describe       (PeChartModel *self);
char         *pe_chart_format_yuan_short    (double        yuan);
char         *pe_chart_format_julian        (double        julian);

G_END_DECLS
