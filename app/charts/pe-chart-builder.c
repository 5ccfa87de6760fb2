/* pe-chart-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step chart is found, not drawn by hand: the calculator is evaluated
 * over the x range, and wherever the function is not linear between two
 * samples the interval is halved until the change is pinned to one unit
 * of x. A jump there is a threshold (a tier reached); a change of slope is
 * a kink (a cap reached). So the marks on the chart are exactly where the
 * data say, and a wrong parameter shows as a wrong mark.
 */
#define G_LOG_DOMAIN "pe-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pe-chart-builder.h"
#include "pe-error.h"

#define N_SAMPLES   48
#define MAX_DEPTH   48
/* The charts of the thirteen documents take at most a few hundred; a
 * function that changes at more places than this budget allows is not a
 * step chart, and bisecting it would take as long as it has places. */
#define MAX_EVALUATIONS 4096
/* yuan figures are rounded down, so a straight line wobbles by one yuan */
#define TOLERANCE   1.5

typedef struct
{
  const char   *chart_id;
  gint64        from, to;
  PeCalculator *calc;
  GHashTable   *inputs;
  const char   *x_field;
  const char   *output;
  GArray       *samples;   /* of Sample */
  GArray       *regions;   /* Region: intervals where the function bends */
  GError       *error;
  guint         evaluations;
} Sampler;

typedef struct
{
  gint64 x;
  double y;
} Sample;

typedef struct
{
  gint64 a, b;
} Region;

static double
sample_at (Sampler *s,
           gint64   x)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, x);
  g_autoptr(PeResult) r = NULL;
  double y = NAN;
  Sample sample;

  if (s->error != NULL)
    return NAN;
  if (s->evaluations == MAX_EVALUATIONS)
    {
      g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, s->from);
      g_autofree char *to = g_strdup_printf ("%" G_GINT64_FORMAT, s->to);

      g_set_error (&s->error, PE_ERROR, PE_ERROR_INVALID_DATA,
                   _("chart “%s”: its calculator changes at too many places between %s = %s and %s "
                     "to be drawn as a step chart (more than %d evaluations)"),
                   s->chart_id, s->x_field, from, to, MAX_EVALUATIONS);
      return NAN;
    }

  g_hash_table_insert (s->inputs, (gpointer) s->x_field, text);
  r = pe_calculator_evaluate (s->calc, s->inputs, NULL, &s->error);
  g_hash_table_remove (s->inputs, s->x_field);
  s->evaluations++;
  if (r == NULL)
    return NAN;

  if (pe_result_get_verdict (r) == PE_VERDICT_NOT_ELIGIBLE)
    y = 0;
  else if (s->output == NULL)
    y = pe_result_has_amount (r) ? (double) pe_result_get_amount (r) : NAN;
  else
    {
      GPtrArray *outs = pe_result_get_outputs (r);
      for (guint i = 0; i < outs->len; i++)
        {
          PeOutput *o = g_ptr_array_index (outs, i);
          if (g_str_equal (o->id, s->output) && o->value.kind == PE_VALUE_NUMBER)
            y = o->type == PE_VALUE_TYPE_YUAN ? (double) pe_rational_floor (o->value.number)
                                              : pe_rational_to_double (o->value.number);
        }
    }

  sample.x = x;
  sample.y = y;
  g_array_append_val (s->samples, sample);
  return y;
}

static void
refine (Sampler *s,
        gint64   a,
        double   ya,
        gint64   b,
        double   yb,
        guint    depth)
{
  gint64 m;
  double ym, expect;

  if (s->error != NULL || depth > MAX_DEPTH || b - a <= 1)
    return;
  m = a + (b - a) / 2;
  ym = sample_at (s, m);
  expect = ya + (yb - ya) * (double) (m - a) / (double) (b - a);
  if (isnan (ya) || isnan (ym) || isnan (yb) || fabs (ym - expect) > TOLERANCE + 1e-9 * fabs (expect))
    {
      Region r = { a, b };
      g_array_append_val (s->regions, r);
      /* where there is no amount at either end of a half (no input, no
       * amount stated), there is nothing to pin down in it; where there
       * is one at one end only, the search finds where it starts */
      if (!(isnan (ya) && isnan (ym)))
        refine (s, a, ya, m, ym, depth + 1);
      if (!(isnan (ym) && isnan (yb)))
        refine (s, m, ym, b, yb, depth + 1);
    }
}

static int
compare_samples (gconstpointer a,
                 gconstpointer b)
{
  const Sample *sa = a, *sb = b;
  return (sa->x > sb->x) - (sa->x < sb->x);
}

static PeChartModel *
build_step (PeDocument   *doc,
            PeChartSpec  *spec,
            PeLanguage    lang,
            GError      **error)
{
  PeCalculator *calc = pe_document_get_calculator (doc, spec->calculator_id);
  PeField *field = pe_calculator_get_field (calc, spec->x_field);
  g_autoptr(PeChartModel) model = pe_chart_model_new (PE_CHART_STEP, pe_text_get (spec->title, lang));
  g_autoptr(GHashTable) inputs = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 from = pe_rational_floor (spec->x_from);
  gint64 to = pe_rational_floor (spec->x_to);
  Sampler s = { 0 };
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, spec->fixed);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (inputs, k, v);

  s.chart_id = spec->id;
  s.from = from;
  s.to = to;
  s.calc = calc;
  s.inputs = inputs;
  s.x_field = field->id;
  s.output = spec->output;
  s.samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  s.regions = g_array_new (FALSE, FALSE, sizeof (Region));

  {
    double prev_y = sample_at (&s, from);
    gint64 prev_x = from;

    for (int i = 1; i <= N_SAMPLES && s.error == NULL; i++)
      {
        gint64 x = from + (gint64) ((double) (to - from) * i / N_SAMPLES);
        double y;

        if (x <= prev_x)
          continue;
        y = sample_at (&s, x);
        refine (&s, prev_x, prev_y, x, y, 0);
        prev_x = x;
        prev_y = y;
      }
  }

  if (s.error != NULL)
    {
      g_propagate_error (error, s.error);
      g_array_unref (s.samples);
      g_array_unref (s.regions);
      return NULL;
    }

  g_array_sort (s.samples, compare_samples);

  if (field->type == PE_VALUE_TYPE_YUAN)
    pe_chart_model_set_x_format (model, pe_chart_format_yuan_short);
  pe_chart_model_set_value_format (model, pe_chart_format_yuan_short);
  pe_chart_model_set_axis_labels (model, pe_text_get (field->label, lang),
                                  lang == PE_LANGUAGE_ZH ? "金额（元）" : "Amount (yuan)");

  for (guint i = 0; i < s.samples->len; i++)
    {
      Sample *cur = &g_array_index (s.samples, Sample, i);
      if (!isnan (cur->y))
        pe_chart_model_add_point (model, (double) cur->x, cur->y);
    }

  /* Each smallest region where the function bends holds one change.
   * Measure the slopes on either side over a span wide enough that rounding
   * to the yuan is noise; a step in between is a threshold (pinned to one
   * unit of x by bisection), else the two lines meet at a kink. */
  {
    gint64 span = MAX (4, (to - from) / (N_SAMPLES * 4));
    g_autoptr(GArray) regions = g_array_copy (s.regions);

    for (guint i = 0; i < regions->len && s.error == NULL; i++)
      {
        Region r = g_array_index (regions, Region, i);
        gboolean minimal = TRUE;
        gint64 al, br;
        double ya, yb, yl, yr, sl, sr, jump;

        for (guint j = 0; j < regions->len && minimal; j++)
          {
            Region o = g_array_index (regions, Region, j);
            if (j != i && o.a >= r.a && o.b <= r.b && (o.b - o.a) < (r.b - r.a))
              minimal = FALSE;
          }
        if (!minimal)
          continue;

        al = MAX (from, r.a - span);
        br = MIN (to, r.b + span);
        ya = sample_at (&s, r.a);
        yb = sample_at (&s, r.b);
        yl = sample_at (&s, al);
        yr = sample_at (&s, br);
        if (isnan (ya) || isnan (yb) || isnan (yl) || isnan (yr))
          continue;
        sl = r.a > al ? (ya - yl) / (double) (r.a - al) : 0;
        sr = br > r.b ? (yr - yb) / (double) (br - r.b) : 0;
        jump = yb - (ya + sl * (double) (r.b - r.a));

        if (fabs (jump) > TOLERANCE + fabs (sr - sl) * (double) (r.b - r.a))
          {
            /* the first x past the jump */
            gint64 lo = r.a, hi = r.b;
            g_autofree char *xs = NULL;
            g_autofree char *ys = NULL;
            g_autofree char *label = NULL;

            while (hi - lo > 1 && s.error == NULL)
              {
                gint64 mid = lo + (hi - lo) / 2;
                double ym = sample_at (&s, mid);
                if (fabs (ym - (ya + sl * (double) (mid - r.a))) > TOLERANCE)
                  hi = mid;
                else
                  lo = mid;
              }
            yb = sample_at (&s, hi);
            xs = pe_chart_model_format_x (model, (double) hi);
            ys = pe_chart_model_format_y (model, yb);
            label = g_strdup_printf ("%s → %s", xs, ys);
            pe_chart_model_add_mark (model, PE_CHART_MARK_THRESHOLD, (double) hi, yb, label);
          }
        else if (fabs (sl - sr) > 4.0 / (double) span)
          {
            double xk = ((yb - sr * (double) r.b) - (ya - sl * (double) r.a)) / (sl - sr);
            double yk = ya + sl * (xk - (double) r.a);
            g_autofree char *ys = pe_chart_model_format_y (model, yk);
            g_autofree char *xs = pe_chart_model_format_x (model, xk);
            g_autofree char *label = g_strdup_printf (sr < sl ? (lang == PE_LANGUAGE_ZH ? "上限 %s（%s 处）" : "cap %s (at %s)")
                                                             : (lang == PE_LANGUAGE_ZH ? "变化 %s（%s 处）" : "slope changes %s (at %s)"),
                                                      ys, xs);
            pe_chart_model_add_mark (model, PE_CHART_MARK_KINK, xk, yk, label);
          }
      }
  }

  g_debug ("step chart %s: %u evaluations", spec->id, s.evaluations);
  g_array_unref (s.samples);
  g_array_unref (s.regions);
  if (error != NULL && s.error != NULL)
    {
      g_propagate_error (error, s.error);
      return NULL;
    }
  g_clear_error (&s.error);
  return g_steal_pointer (&model);
}

static char *
format_quantity (PeRational   q,
                 const PeText *unit,
                 PeLanguage    lang)
{
  g_autofree char *n = pe_rational_to_string (q, 2);
  return g_strdup_printf (lang == PE_LANGUAGE_ZH ? "%s%s" : "%s %s", n, pe_text_get (unit, lang));
}

static PeChartModel *
build_targets (PeDocument  *doc,
               PeChartSpec *spec,
               PeLanguage   lang)
{
  PeChartModel *model = pe_chart_model_new (PE_CHART_BARS, pe_text_get (spec->title, lang));
  GPtrArray *measures = pe_document_get_measures (doc);
  double vmin = G_MAXDOUBLE, vmax = 0;

  for (guint i = 0; i < measures->len; i++)
    {
      PeMeasure *m = g_ptr_array_index (measures, i);

      for (guint j = 0; j < m->targets->len; j++)
        {
          PeTarget *t = g_ptr_array_index (m->targets, j);
          g_autofree char *text = NULL;
          g_autofree char *label = NULL;
          g_autofree char *tip = NULL;
          double v;

          if (spec->year != 0 && t->year != spec->year)
            continue;
          v = pe_rational_to_double (t->quantity);
          text = format_quantity (t->quantity, t->unit, lang);
          if (t->bound == PE_BOUND_MINIMUM)
            {
              char *more = g_strconcat (text, lang == PE_LANGUAGE_ZH ? "以上" : "+", NULL);
              g_free (text);
              text = more;
            }
          label = spec->year != 0 ? g_strdup (pe_text_get (t->label, lang))
                                  : g_strdup_printf ("%s (%d)", pe_text_get (t->label, lang), t->year);
          tip = g_strdup_printf ("%s: %s\n%s %s: “%s”", label, text,
                                 lang == PE_LANGUAGE_ZH ? "措施" : "Measure", m->number ? m->number : m->id,
                                 t->clause->quote);
          pe_chart_model_add_bar (model, label, v, 0, text, tip);
          vmin = MIN (vmin, v);
          vmax = MAX (vmax, v);
        }
    }
  /* counts of 2 and of 3000 on one axis: a log scale keeps both visible */
  if (vmin > 0 && vmax / vmin > 30)
    pe_chart_model_set_log_scale (model, TRUE);
  return model;
}

static PeChartModel *
build_timeline (PeDocument  *doc,
                PeChartSpec *spec,
                PeLanguage   lang,
                guint32      as_of)
{
  PeChartModel *model = pe_chart_model_new (PE_CHART_TIMELINE, pe_text_get (spec->title, lang));
  GPtrArray *measures = pe_document_get_measures (doc);
  guint32 start = 0, end = 0;

  pe_document_in_force (doc, as_of ? as_of : 1, 0, &start, &end);
  if (start != 0 && end != 0)
    pe_chart_model_add_event (model, lang == PE_LANGUAGE_ZH ? "有效期" : "In force",
                              start, end, pe_text_get (pe_document_get_validity_text (doc), lang));

  for (guint i = 0; i < measures->len; i++)
    {
      PeMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *label = NULL;
      g_autofree char *tip = NULL;

      if (m->deadline_julian == 0)
        continue;
      label = g_strdup_printf ("%s %s", m->number ? m->number : m->id, pe_text_get (m->title, lang));
      tip = g_strdup_printf ("%s\n%s %s", label, lang == PE_LANGUAGE_ZH ? "完成时间" : "Completion", m->deadline);
      pe_chart_model_add_event (model, label, m->deadline_julian, m->deadline_julian, tip);
    }
  if (as_of != 0)
    {
      g_autofree char *d = pe_chart_format_julian (as_of);
      pe_chart_model_set_now (model, as_of, d);
    }
  return model;
}

typedef struct
{
  char  *name;
  guint  lead;
  guint  support;
} UnitCount;

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const UnitCount *ua = *(UnitCount **) a, *ub = *(UnitCount **) b;
  guint ta = ua->lead + ua->support, tb = ub->lead + ub->support;

  /* who leads most first, then who is involved most */
  if (ua->lead != ub->lead)
    return ua->lead > ub->lead ? -1 : 1;
  if (ta != tb)
    return ta > tb ? -1 : 1;
  return g_strcmp0 (ua->name, ub->name);
}

static void
unit_count_free (UnitCount *u)
{
  g_free (u->name);
  g_free (u);
}

static PeChartModel *
build_units (PeDocument  *doc,
             PeChartSpec *spec,
             PeLanguage   lang)
{
  PeChartModel *model = pe_chart_model_new (PE_CHART_BARS, pe_text_get (spec->title, lang));
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_count_free);
  GPtrArray *measures = pe_document_get_measures (doc);

  for (guint i = 0; i < measures->len; i++)
    {
      PeMeasure *m = g_ptr_array_index (measures, i);

      for (guint j = 0; j < m->units->len; j++)
        {
          const char *name = pe_text_get (g_ptr_array_index (m->units, j), lang);
          UnitCount *u = g_hash_table_lookup (counts, name);

          if (u == NULL)
            {
              u = g_new0 (UnitCount, 1);
              u->name = g_strdup (name);
              g_hash_table_insert (counts, u->name, u);
              g_ptr_array_add (list, u);
            }
          if (j == 0)
            u->lead++;
          else
            u->support++;
        }
    }
  g_ptr_array_sort (list, compare_units);

  pe_chart_model_set_series_names (model, lang == PE_LANGUAGE_ZH ? "牵头" : "Leads",
                                   lang == PE_LANGUAGE_ZH ? "配合" : "Supports");
  for (guint i = 0; i < list->len && i < 16; i++)
    {
      UnitCount *u = g_ptr_array_index (list, i);
      g_autofree char *text = g_strdup_printf ("%u + %u", u->lead, u->support);
      g_autofree char *tip = g_strdup_printf (lang == PE_LANGUAGE_ZH ? "%s：牵头 %u 项，配合 %u 项"
                                                                     : "%s: leads %u, supports %u",
                                              u->name, u->lead, u->support);
      pe_chart_model_add_bar (model, u->name, u->lead, u->support, text, tip);
    }
  return model;
}

static PeChartModel *
build_bars (PeChartSpec *spec,
            PeLanguage   lang)
{
  PeChartModel *model = pe_chart_model_new (PE_CHART_BARS, pe_text_get (spec->title, lang));

  for (guint i = 0; i < spec->bars->len; i++)
    {
      PeChartBar *bar = g_ptr_array_index (spec->bars, i);
      PeValue v = { .kind = PE_VALUE_NUMBER, .number = bar->value };
      g_autofree char *text = pe_value_format (bar->type, &v);
      g_autofree char *tip = bar->clause != NULL
        ? g_strdup_printf ("%s: %s\n“%s”", pe_text_get (bar->label, lang), text, bar->clause->quote)
        : NULL;

      pe_chart_model_add_bar (model, pe_text_get (bar->label, lang),
                              pe_rational_to_double (bar->value), 0, text, tip);
    }
  return model;
}

/**
 * pe_chart_build:
 * @document: the document
 * @spec: one of its charts
 * @language: the language of labels
 * @as_of: the date marked on timelines (Julian day), 0 for none
 *
 * Returns: (transfer full): the chart's model, or %NULL with @error set
 */
PeChartModel *
pe_chart_build (PeDocument   *document,
                PeChartSpec  *spec,
                PeLanguage    language,
                guint32       as_of,
                GError      **error)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  if (g_str_equal (spec->kind, "step"))
    return build_step (document, spec, language, error);
  if (g_str_equal (spec->kind, "targets"))
    return build_targets (document, spec, language);
  if (g_str_equal (spec->kind, "timeline"))
    return build_timeline (document, spec, language, as_of);
  if (g_str_equal (spec->kind, "units"))
    return build_units (document, spec, language);
  if (g_str_equal (spec->kind, "bar"))
    return build_bars (spec, language);

  g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA, "unknown chart kind “%s”", spec->kind);
  return NULL;
}
