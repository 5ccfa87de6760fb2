/* test-charts.c — charts built from the data and drawn without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pe-test-harness.h"
#include "policy-explorer-draw.h"

static PeDocument *
load_document (const char *id)
{
  g_autofree char *rel = g_strdup_printf ("plugins/%s/data/%s.json", id, id);
  g_autofree char *path = pe_test_source_path (rel);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeDocument *doc = pe_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static PeChartModel *
build (PeDocument *doc,
       const char *chart)
{
  g_autoptr(GError) error = NULL;
  PeChartSpec *spec = pe_document_get_chart (doc, chart);
  PeChartModel *model;

  g_assert_nonnull (spec);
  model = pe_chart_build (doc, spec, PE_LANGUAGE_EN, 0, &error);
  g_assert_no_error (error);
  return model;
}

/* Draws on an image surface and checks that something was drawn. */
static void
assert_renders (PeChartModel *model,
                double        scale)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600 * scale, 400 * scale);
  cairo_t *cr;
  guint32 *px, first;
  gboolean varied = FALSE;

  cairo_surface_set_device_scale (s, scale, scale);
  cr = cairo_create (s);
  pe_chart_render (model, cr, 600, 400, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);

  px = (guint32 *) cairo_image_surface_get_data (s);
  first = px[0];
  for (int i = 0; i < 600 * scale * 400 * scale && !varied; i++)
    varied = px[i] != first;
  g_assert_true (varied);
  cairo_surface_destroy (s);
}

static void
test_every_chart_renders (void)
{
  const char *ids = g_getenv ("PE_DOCUMENTS");
  g_auto(GStrv) list = g_strsplit (ids ? ids : "manufacturing", " ", -1);

  for (guint d = 0; list[d] != NULL; d++)
    {
      g_autoptr(PeDocument) doc = NULL;
      GPtrArray *charts;

      if (*list[d] == '\0')
        continue;
      doc = load_document (list[d]);
      charts = pe_document_get_charts (doc);
      g_assert_cmpuint (charts->len, >=, 2);
      for (guint i = 0; i < charts->len; i++)
        {
          PeChartSpec *spec = g_ptr_array_index (charts, i);
          g_autoptr(PeChartModel) model = build (doc, spec->id);
          g_autofree char *csv = pe_chart_model_to_csv (model);
          g_autofree char *summary = pe_chart_model_describe (model);

          g_test_message ("%s / %s", list[d], spec->id);
          assert_renders (model, 1);
          assert_renders (model, 2);   /* HiDPI */
          g_assert_cmpuint (strlen (csv), >, 10);
          g_assert_true (g_str_has_prefix (summary, pe_chart_model_get_title (model)));
        }
    }
}

/* The model's pixels at a size and a scale. */
static cairo_surface_t *
draw (PeChartModel *model,
      double        width,
      double        height,
      double        scale,
      gboolean      exact_metrics)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (s, scale, scale);
  cr = cairo_create (s);
  if (exact_metrics)
    {
      /* as on paper: text advances not rounded to whole pixels */
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_set_font_options (cr, options);
      cairo_font_options_destroy (options);
    }
  pe_chart_render (model, cr, width, height, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         h == cairo_image_surface_get_height (b) && stride == cairo_image_surface_get_stride (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) h * stride) == 0;
}

/* A model keeps its texts laid out from one drawing to the next: drawn
 * again, at another size or another scale, it must look exactly as a
 * model drawn for the first time there. */
static void
test_redraw_as_fresh (void)
{
  const char *ids = g_getenv ("PE_DOCUMENTS");
  g_auto(GStrv) list = g_strsplit (ids ? ids : "manufacturing", " ", -1);
  /* width, height, scale, exact metrics */
  const double sizes[][4] = { { 600, 400, 1, 0 }, { 600, 400, 1, 0 }, { 420, 300, 1, 0 }, { 600, 400, 2, 0 },
                              { 600, 400, 1, 1 }, { 600, 400, 1, 0 } };

  for (guint d = 0; list[d] != NULL; d++)
    {
      g_autoptr(PeDocument) doc = NULL;
      GPtrArray *charts;

      if (*list[d] == '\0')
        continue;
      doc = load_document (list[d]);
      charts = pe_document_get_charts (doc);
      for (guint i = 0; i < charts->len; i++)
        {
          PeChartSpec *spec = g_ptr_array_index (charts, i);
          g_autoptr(PeChartModel) kept = build (doc, spec->id);

          for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
            {
              g_autoptr(PeChartModel) fresh = build (doc, spec->id);
              cairo_surface_t *again = draw (kept, sizes[k][0], sizes[k][1], sizes[k][2], sizes[k][3] > 0);
              cairo_surface_t *first = draw (fresh, sizes[k][0], sizes[k][1], sizes[k][2], sizes[k][3] > 0);

              if (!same_pixels (again, first))
                g_error ("%s / %s drawn again at %gx%g, scale %g%s, differs from a first drawing",
                         list[d], spec->id, sizes[k][0], sizes[k][1], sizes[k][2],
                         sizes[k][3] > 0 ? ", exact metrics" : "");
              cairo_surface_destroy (again);
              cairo_surface_destroy (first);
            }
        }
    }
}

static void
test_milestone_thresholds (void)
{
  g_autoptr(PeDocument) doc = load_document ("manufacturing");
  g_autoptr(PeChartModel) model = build (doc, "milestones");
  const double expect[] = { 1000000001, 3000000001, 5000000001, 10000000001 };
  const double amounts[] = { 300000, 500000, 1000000, 2000000 };

  /* 超过 is strict: each tier starts one yuan above the figure in the text */
  g_assert_cmpuint (pe_chart_model_get_n_marks (model), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      PeChartMarkKind kind;
      double x, y;

      pe_chart_model_get_mark (model, i, &kind, &x, &y, NULL);
      g_assert_cmpint (kind, ==, PE_CHART_MARK_THRESHOLD);
      g_assert_cmpfloat (x, ==, expect[i]);
      g_assert_cmpfloat (y, ==, amounts[i]);
    }
}

static void
test_supply_chain_inclusive (void)
{
  g_autoptr(PeDocument) doc = load_document ("manufacturing");
  g_autoptr(PeChartModel) model = build (doc, "supply-chain");
  double x;

  /* （含）: the tier starts at the figure itself */
  g_assert_cmpuint (pe_chart_model_get_n_marks (model), ==, 3);
  pe_chart_model_get_mark (model, 0, NULL, &x, NULL, NULL);
  g_assert_cmpfloat (x, ==, 500000000);
}

static void
test_upgrade_cap_kink (void)
{
  g_autoptr(PeDocument) doc = load_document ("manufacturing");
  g_autoptr(PeChartModel) model = build (doc, "technical-upgrade");
  PeChartMarkKind kind;
  double x, y;

  /* 2,000,000 / 7 % = 28,571,428.6 */
  g_assert_cmpuint (pe_chart_model_get_n_marks (model), ==, 1);
  pe_chart_model_get_mark (model, 0, &kind, &x, &y, NULL);
  g_assert_cmpint (kind, ==, PE_CHART_MARK_KINK);
  g_assert_cmpfloat (fabs (x - 28571428.6), <, 50);
  g_assert_cmpfloat (fabs (y - 2000000), <, 2);
}

static void
test_targets_and_units (void)
{
  g_autoptr(PeDocument) doc = load_document ("manufacturing");
  g_autoptr(PeChartModel) targets = build (doc, "targets-2023");
  g_autoptr(PeChartModel) units = build (doc, "units");
  const char *label;
  double lead, support;

  g_assert_cmpuint (pe_chart_model_get_n_bars (targets), ==, 20);
  g_assert_true (pe_chart_model_get_log_scale (targets));   /* 2 to 3,000 */

  /* the bureau of industry leads all 13 measures */
  pe_chart_model_get_bar (units, 0, &label, &lead, &support, NULL, NULL);
  g_assert_cmpstr (label, ==, "Municipal Bureau of Industry and Information Technology");
  g_assert_cmpfloat (lead, ==, 13);
  g_assert_cmpfloat (support, ==, 0);
}

/* The alpha of the pixel at (x, y) of a 600 × 240 timeline. */
static guint
alpha_at (cairo_surface_t *s,
          int              x,
          int              y)
{
  guint32 *px = (guint32 *) cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s) / 4;

  return px[y * stride + x] >> 24;
}

/* Periods whose dates are not all known: a known period is drawn solid, a
 * dimmed one faint, an open end fades out, and an event with no date at
 * all takes no room on the axis and draws no bar. */
static void
test_timeline_open_and_dimmed (void)
{
  g_autoptr(PeChartModel) m = pe_chart_model_new (PE_CHART_TIMELINE, "Validity");
  PeChartPalette p;
  cairo_surface_t *s;
  cairo_t *cr;
  const char *note = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  int y[4], x_mid, x_right;
  double row;

  /* 2021-01-01 is Julian day 737791 in GLib's count */
  pe_chart_model_add_event (m, "solid", 737791, 737791 + 730, NULL);
  pe_chart_model_add_event (m, "dimmed", 737791, 737791 + 730, NULL);
  pe_chart_model_set_event_flags (m, 1, PE_CHART_EVENT_DIMMED, NULL);
  pe_chart_model_add_event (m, "open", 737791, 737791, NULL);
  pe_chart_model_set_event_flags (m, 2, PE_CHART_EVENT_OPEN_END, "no end stated");
  pe_chart_model_add_event (m, "unknown", 0, 0, NULL);
  pe_chart_model_set_event_flags (m, 3, PE_CHART_EVENT_OPEN_START | PE_CHART_EVENT_OPEN_END, "issue date not given");

  g_assert_cmpint (pe_chart_model_get_event_flags (m, 2, &note), ==, PE_CHART_EVENT_OPEN_END);
  g_assert_cmpstr (note, ==, "no end stated");
  csv = pe_chart_model_to_csv (m);
  g_assert_nonnull (strstr (csv, "open,2021-01-01,\r\n"));
  g_assert_nonnull (strstr (csv, "unknown,,\r\n"));
  text = pe_chart_model_describe (m);
  g_assert_nonnull (strstr (text, "unknown: (issue date not given)"));

  pe_chart_palette_init_default (&p);
  p.background.alpha = 0;
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 240);
  cr = cairo_create (s);
  pe_chart_render (m, cr, 600, 240, &p);
  cairo_destroy (cr);
  cairo_surface_flush (s);

  /* the layout of the renderer: title 8 + 26, axis 34 below, four rows */
  row = (240 - 8 - 26 - 8 - 34) / 4.0;
  for (int i = 0; i < 4; i++)
    y[i] = (int) (8 + 26 + i * row + row / 2);
  /* the axis runs from the first date to the last known one (2 years), so
   * its middle falls inside the two-year periods */
  x_mid = 330;
  x_right = 450;   /* short of the note written at the right end */
  g_assert_cmpuint (alpha_at (s, x_mid, y[0]), >, 240);
  g_assert_cmpuint (alpha_at (s, x_mid, y[1]), >, 60);
  g_assert_cmpuint (alpha_at (s, x_mid, y[1]), <, 140);
  /* fading: solid near its start, faint far to the right */
  g_assert_cmpuint (alpha_at (s, 200, y[2]), >, alpha_at (s, x_right, y[2]) + 60);
  /* no date: no bar in the middle of its row */
  g_assert_cmpuint (alpha_at (s, x_mid, y[3]), ==, 0);
  cairo_surface_destroy (s);
}

/* The member @key of the element of @array whose "id" is @id. */
static JsonObject *
element_with_id (JsonObject *parent,
                 const char *array,
                 const char *id)
{
  JsonArray *a = json_object_get_array_member (parent, array);

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      if (g_strcmp0 (json_object_get_string_member (o, "id"), id) == 0)
        return o;
    }
  g_error ("no %s with the id %s", array, id);
}

/* The innovation voucher of the tech-innovation document, its
 * calculator changed by @edit, and its step chart built from it. */
static PeChartModel *
build_edited_voucher (void       (*edit) (JsonObject *calc),
                      GError     **error)
{
  g_autofree char *path = pe_test_source_path ("plugins/tech-innovation/data/tech-innovation.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PeDocument) doc = NULL;
  JsonObject *root;
  char *text;
  gsize length;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  edit (element_with_id (root, "calculators", "innovation-voucher"));
  json_generator_set_root (gen, json_parser_get_root (parser));
  text = json_generator_to_data (gen, &length);
  bytes = g_bytes_new_take (text, length);
  doc = pe_document_new_from_bytes (bytes, "edited.json", &load_error);
  g_assert_no_error (load_error);
  return pe_chart_build (doc, pe_document_get_chart (doc, "voucher"), PE_LANGUAGE_EN, 0, error);
}

static void
drop_received_default (JsonObject *calc)
{
  JsonObject *field = element_with_id (calc, "fields", "received_this_year");

  g_assert_true (json_object_has_member (field, "default"));
  json_object_remove_member (field, "default");
}

static void
make_sawtooth (JsonObject *calc)
{
  JsonObject *raw = element_with_id (calc, "steps", "raw");

  /* 0, 1,000, 2,000, 0… as fees go up a yuan at a time */
  json_object_set_string_member (raw, "expr", "(fees - floor(fees / 3) * 3) * 1000");
}

static void
test_step_without_amount (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeChartModel) model = build_edited_voucher (drop_received_default, &error);

  /* with "already received" unset, no fee gives an amount (the cap
   * cannot be decided): the chart is empty, and found so at once, not
   * by halving three million yuan down to every single one */
  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_cmpuint (pe_chart_model_get_n_points (model), ==, 0);
  g_assert_cmpuint (pe_chart_model_get_n_marks (model), ==, 0);
}

static void
test_step_too_many_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeChartModel) model = build_edited_voucher (make_sawtooth, &error);

  /* a change at every yuan is no step chart: refused, saying which */
  g_assert_null (model);
  g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "chart “voucher”"));
  g_assert_nonnull (strstr (error->message, "between fees = 0 and 3000000"));
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/charts/every-chart-renders", test_every_chart_renders);
  g_test_add_func ("/charts/redraw-as-fresh", test_redraw_as_fresh);
  g_test_add_func ("/charts/milestone-thresholds", test_milestone_thresholds);
  g_test_add_func ("/charts/supply-chain-inclusive", test_supply_chain_inclusive);
  g_test_add_func ("/charts/upgrade-cap-kink", test_upgrade_cap_kink);
  g_test_add_func ("/charts/targets-and-units", test_targets_and_units);
  g_test_add_func ("/charts/timeline-open-and-dimmed", test_timeline_open_and_dimmed);
  g_test_add_func ("/charts/step-without-amount", test_step_without_amount);
  g_test_add_func ("/charts/step-too-many-changes", test_step_too_many_changes);

  return g_test_run ();
}
