/* test-bad-input.c — the rows of docs/bad-input.md, in every place a value goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row puts one text into one field of a real calculator, the other
 * inputs being sane: typed into the calculator form (in process), given
 * on the pex command line, kept in a saved profile and written in a cell
 * of a batch CSV. Text that is understood must give the same result as
 * the plain number it means; text that is refused must give, in each, a
 * message naming the field (or its profile key) and the problem, and no
 * result.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pe-application.h"
#include "pe-calculator-form.h"
#include "pe-test-harness.h"

typedef enum
{
  REFUSED,      /* a message naming the field and the problem, no result */
  UNDERSTOOD,   /* read as @means is read */
  NOT_GIVEN,    /* empty or absent: the form cannot decide, naming the field;
                 * pex refuses */
} Outcome;

typedef struct
{
  const char *row;        /* the row of docs/bad-input.md */
  const char *doc;
  const char *calc;
  const char *field;
  const char *text;       /* NULL: the field is not given at all */
  const char *with[6];    /* the other inputs, key=value */
  Outcome     outcome;
  const char *problem;    /* REFUSED, NOT_GIVEN: in the message */
  const char *means;      /* UNDERSTOOD: the plain text it means */
} Row;

#define CLOUD "manufacturing", "cloud", "fee"
#define UPGRADE "manufacturing", "technical-upgrade"
#define STAR_GROWTH "manufacturing", "star-tax-growth", "output_last_year"
#define STAR_GROWTH_WITH { "star=yes", "output_this_year=12000000", "tax_growth_two_years=yes", "retained_increase=500000", NULL }
#define COMPETITION "manufacturing", "design-competition", "competitions"
#define GRADUATE "talent", "graduate-subsidy", "birth_date"
#define GRADUATE_WITH { "employment=enterprise", "start_date=2022-06-01", "education=bachelor", "pension_insured=yes", "months=12", NULL }

static char *one_megabyte;
static char *largest_argument;

static const Row rows[] = {
  { "letters", CLOUD, "12a", { NULL }, REFUSED, "“12a” is not a number: unexpected “a”" },
  { "letters", CLOUD, "abc", { NULL }, REFUSED, "“abc” is not a number: unexpected “a”" },
  { "letters", CLOUD, "1e6", { NULL }, REFUSED, "“1e6” is not a number: unexpected “e”" },
  { "empty", CLOUD, "", { NULL }, NOT_GIVEN, "is empty" },
  { "empty", CLOUD, "   ", { NULL }, NOT_GIVEN, "is empty" },
  { "negative", CLOUD, "-1", { NULL }, REFUSED, "must not be negative" },
  { "negative", CLOUD, "－５", { NULL }, REFUSED, "must not be negative" },
  { "zero", STAR_GROWTH, "0", STAR_GROWTH_WITH, REFUSED, "must be at least 1 yuan" },
  { "zero", COMPETITION, "0", { "organiser=association", NULL }, REFUSED, "must be at least 1" },
  { "beyond-gint64", CLOUD, "9223372036854775808", { NULL }, REFUSED, "“9223372036854775808” is too large" },
  { "beyond-gint64", CLOUD, "99999999999999999999", { NULL }, REFUSED, "is too large" },
  { "beyond-gint64", CLOUD, "9999999999999亿", { NULL }, REFUSED, "is too large" },
  { "beyond-gint64", CLOUD, "9223372036854775807", { NULL }, REFUSED, "the result is too large to compute exactly" },
  { "decimal", COMPETITION, "2.5", { "organiser=association", NULL }, REFUSED, "“2.5” is not a whole number" },
  { "decimal", CLOUD, "1.5", { NULL }, REFUSED, "“1.5” is not a whole number of yuan" },
  { "decimal", CLOUD, "1.23456万", { NULL }, REFUSED, "is not a whole number of yuan" },
  { "full-width", CLOUD, "１２００００", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "full-width", CLOUD, "１２万", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "chinese-units", CLOUD, "12万", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "chinese-units", CLOUD, "12万元", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "chinese-units", CLOUD, "0.0012亿", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "chinese-units", CLOUD, "十二万", { NULL }, REFUSED, "“十二万” is not a number: unexpected “十”" },
  { "chinese-units", CLOUD, "12万5", { NULL }, REFUSED, "“12万5” is not a number: unexpected “万”" },
  { "chinese-units", CLOUD, "1万万", { NULL }, REFUSED, "“1万万” is not a number: unexpected “万”" },
  { "chinese-units", CLOUD, "12千", { NULL }, REFUSED, "“12千” is not a number: unexpected “千”" },
  { "separators", CLOUD, "120,000", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "separators", CLOUD, "１２０，０００", { NULL }, UNDERSTOOD, NULL, "120000" },
  { "separators", CLOUD, "12,0000", { NULL }, REFUSED, "“12,0000” has misplaced thousands separators" },
  { "separators", CLOUD, "1.200,5", { NULL }, REFUSED, "“1.200,5” has misplaced thousands separators" },
  { "invalid-utf8", CLOUD, "12\xff", { NULL }, REFUSED, "is not valid UTF-8 text" },
  { "invalid-utf8", UPGRADE, "enterprise", "st\xc3\x28r", { "investment=3000万", NULL }, REFUSED, "is not valid UTF-8 text" },
  { "one-megabyte", CLOUD, NULL /* one_megabyte */, { NULL }, REFUSED, "is too long to be a number (64 characters at most)" },
  { "dates", GRADUATE, "1899-12-31", GRADUATE_WITH, REFUSED, "is not a date between 1900-01-01 and 2200-12-31 written YYYY-MM-DD" },
  { "dates", GRADUATE, "2201-01-01", GRADUATE_WITH, REFUSED, "is not a date between 1900-01-01 and 2200-12-31 written YYYY-MM-DD" },
  { "dates", GRADUATE, "2023-02-29", GRADUATE_WITH, REFUSED, "is not a date between 1900-01-01 and 2200-12-31 written YYYY-MM-DD" },
  { "dates", GRADUATE, "1990/05/01", GRADUATE_WITH, REFUSED, "is not a date between 1900-01-01 and 2200-12-31 written YYYY-MM-DD" },
  { "date-pushed-out", "land", "lease-term", "lease_years", "70000", { "lease_start=2022-01-01", NULL }, REFUSED, "Last day of the lease (lease_start, lease_years): the date is out of range" },
  { "unknown-choice", UPGRADE, "enterprise", "giant", { "investment=3000万", NULL }, REFUSED, "“giant” is not one of the choices (ordinary, leading, star)" },
  { "missing", CLOUD, NULL, { NULL }, NOT_GIVEN, "is required and missing" },
};

static PePluginsEngine *engine;

/* A value the field takes, whose figures or dates the arithmetic cannot
 * hold: not the field's fault, so told where the result goes, naming the
 * step and the inputs it comes from. */
static gboolean
in_result_area (const Row *r)
{
  return strstr (r->problem, "too large to compute") != NULL || strstr (r->problem, "out of range") != NULL;
}

static PeCalculator *
calculator (const Row *r)
{
  PeasPluginInfo *info = pe_plugins_engine_find_document (engine, r->doc);
  PeDocument *doc;

  g_assert_nonnull (info);
  doc = pe_plugins_engine_get_document (engine, info, NULL);
  g_assert_nonnull (doc);
  return pe_document_get_calculator (doc, r->calc);
}

static const char *
text_of (const Row *r)
{
  if (g_str_equal (r->row, "one-megabyte"))
    return one_megabyte;
  return r->text;
}

static const char *
label_of (const Row *r)
{
  return pe_text_get (pe_calculator_get_field (calculator (r), r->field)->label, PE_LANGUAGE_EN);
}

static void
assert_contains (const char *where,
                 const char *text,
                 const char *wanted)
{
  if (text == NULL || strstr (text, wanted) == NULL)
    g_error ("%s: expected “%s” in “%.300s”", where, wanted, text ? text : "(nothing)");
}

/* ---- the form ------------------------------------------------------------ */

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = pe_test_screenshot_path (name);
  cairo_surface_t *surface;
  cairo_t *cr;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (widget);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_allocated_width (widget),
                                        gtk_widget_get_allocated_height (widget));
  cr = cairo_create (surface);
  gtk_widget_draw (widget, cr);
  cairo_destroy (cr);
  if (path != NULL)
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static PeCalculatorForm *
fill_form (GtkWidget  *window,
           const Row  *r,
           const char *text)
{
  GtkWidget *form = pe_calculator_form_new (calculator (r));
  PeEvalOptions options = { 0, 0 };

  GtkWidget *old = gtk_bin_get_child (GTK_BIN (window));

  if (old != NULL)
    gtk_widget_destroy (old);
  gtk_container_add (GTK_CONTAINER (window), form);
  gtk_widget_show_all (window);
  g_assert_true (pe_date_parse ("2022-06-01", &options.as_of));
  pe_calculator_form_set_options (PE_CALCULATOR_FORM (form), &options);
  for (guint i = 0; r->with[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (r->with[i], "=", 2);
      g_assert_true (pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), kv[0], kv[1]));
    }
  if (text != NULL)
    pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), r->field, text);
  return PE_CALCULATOR_FORM (form);
}

static void
test_form (gconstpointer data)
{
  const Row *r = data;
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  PeCalculatorForm *form;
  PeResult *result;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  form = fill_form (window, r, text_of (r));
  switch (r->outcome)
    {
    case REFUSED:
      {
        const char *message = pe_calculator_form_get_field_error (form, r->field);

        if (in_result_area (r))
          {
            /* a value the field takes, whose figures leave gint64: the
             * result area says so, naming the step and the field */
            g_assert_null (message);
            g_assert_false (pe_calculator_form_compute (form));
            g_assert_null (pe_calculator_form_get_result (form));
            assert_contains ("the form's result", pe_calculator_form_get_summary (form), r->problem);
            assert_contains ("the form's result", pe_calculator_form_get_summary (form), r->field);
            break;
          }
        /* said at the field, with its label, and nothing computed */
        assert_contains ("the form", message, label_of (r));
        assert_contains ("the form", message, r->problem);
        g_assert_false (pe_calculator_form_compute (form));
        g_assert_null (pe_calculator_form_get_result (form));
        if (g_str_equal (r->row, "letters") || g_str_equal (r->row, "unknown-choice"))
          {
            g_autofree char *name = g_strdup_printf ("bad-input-%s", r->row);
            screenshot (window, name);
          }
      }
      break;

    case UNDERSTOOD:
      {
        gint64 amount;
        gboolean is_max;

        g_assert_null (pe_calculator_form_get_field_error (form, r->field));
        g_assert_true (pe_calculator_form_compute (form));
        result = pe_calculator_form_get_result (form);
        g_assert_true (pe_result_has_amount (result));
        amount = pe_result_get_amount (result);
        is_max = pe_result_get_is_maximum (result);

        /* the same as the plain number it means */
        form = fill_form (window, r, r->means);
        g_assert_true (pe_calculator_form_compute (form));
        g_assert_cmpint (pe_result_get_amount (pe_calculator_form_get_result (form)), ==, amount);
        g_assert_cmpint (pe_result_get_is_maximum (pe_calculator_form_get_result (form)), ==, is_max);
      }
      break;

    case NOT_GIVEN:
      {
        GStrv missing;

        /* an empty entry is a field not given: the result cannot be
         * decided, and names the field; there is no amount */
        g_assert_null (pe_calculator_form_get_field_error (form, r->field));
        g_assert_true (pe_calculator_form_compute (form));
        result = pe_calculator_form_get_result (form);
        g_assert_cmpint (pe_result_get_verdict (result), ==, PE_VERDICT_CANNOT_DECIDE);
        g_assert_false (pe_result_has_amount (result));
        missing = pe_result_get_missing (result);
        g_assert_nonnull (missing);
        g_assert_true (g_strv_contains ((const char * const *) missing, r->field));
        assert_contains ("the form's summary", pe_calculator_form_get_summary (form), "annot");
      }
      break;
    }
  gtk_widget_destroy (window);
}

/* ---- pex ----------------------------------------------------------------- */

static int
run_pex (const Row  *r,
         const char *text,
         gboolean    json,
         char      **out,
         char      **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, g_strdup (g_getenv ("PEX")));
  g_ptr_array_add (args, g_strdup ("calc"));
  g_ptr_array_add (args, g_strdup (r->doc));
  g_ptr_array_add (args, g_strdup (r->calc));
  for (guint i = 0; r->with[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (r->with[i]));
  if (text != NULL)
    g_ptr_array_add (args, g_strdup_printf ("%s=%s", r->field, text));
  g_ptr_array_add (args, g_strdup ("--as-of=2022-06-01"));
  if (json)
    g_ptr_array_add (args, g_strdup ("--json"));
  g_ptr_array_add (args, NULL);

  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);

    /* under the sanitizers (tests/sanitizers/run-sanitizers.sh), pex runs
     * with their options for programs without GTK */
    if (g_getenv ("PE_PEX_ASAN_OPTIONS") != NULL)
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", g_getenv ("PE_PEX_ASAN_OPTIONS"), TRUE);
    proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
    g_assert_no_error (error);
  }
  /* bytes, not UTF-8: pex may be given any */
  {
    g_autoptr(GBytes) o = NULL, e = NULL;
    g_subprocess_communicate (proc, NULL, NULL, &o, &e, &error);
    g_assert_no_error (error);
    *out = g_bytes_get_size (o) ? g_strndup (g_bytes_get_data (o, NULL), g_bytes_get_size (o)) : g_strdup ("");
    *err = g_bytes_get_size (e) ? g_strndup (g_bytes_get_data (e, NULL), g_bytes_get_size (e)) : g_strdup ("");
  }
  g_assert_true (g_subprocess_get_if_exited (proc));   /* never a crash */
  return g_subprocess_get_exit_status (proc);
}

static gint64
pex_amount (const char *json_text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  json_parser_load_from_data (parser, json_text, -1, &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (o, "amount"));
  return json_object_get_int_member (o, "amount");
}

static void
test_pex (gconstpointer data)
{
  const Row *r = data;
  /* Linux takes no argument longer than 128 kB (MAX_ARG_STRLEN): a
   * megabyte cannot reach pex at all, the longest argument that can is
   * what it is given */
  const char *text = g_str_equal (r->row, "one-megabyte") ? largest_argument : text_of (r);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *json_out = NULL, *json_err = NULL;

  switch (r->outcome)
    {
    case REFUSED:
    case NOT_GIVEN:
      g_assert_cmpint (run_pex (r, text, FALSE, &out, &err), ==, 2);
      /* the field, by its key and its label, and the problem */
      {
        g_autofree char *named = g_strdup_printf ("%s (%s)", r->field, label_of (r));
        if (!in_result_area (r))
          assert_contains ("pex", err, named);
        else
          assert_contains ("pex", err, r->field);
      }
      assert_contains ("pex", err, r->problem);
      g_assert_true (g_utf8_validate (err, -1, NULL));
      g_assert_cmpuint (strlen (err), <, 2000);
      /* and no result */
      g_assert_cmpstr (out, ==, "");

      g_assert_cmpint (run_pex (r, text, TRUE, &json_out, &json_err), ==, 2);
      assert_contains ("pex --json", json_out, "\"error\"");
      assert_contains ("pex --json", json_out, r->problem);
      g_assert_null (strstr (json_out, "\"amount\""));
      break;

    case UNDERSTOOD:
      g_assert_cmpint (run_pex (r, text, TRUE, &out, &err), ==, 0);
      g_assert_cmpint (run_pex (r, r->means, TRUE, &json_out, &json_err), ==, 0);
      g_assert_cmpint (pex_amount (out), ==, pex_amount (json_out));
      break;
    }
}

/* ---- a saved profile ----------------------------------------------------- */

/* The key the profile keeps the field under: a fact where the field asks
 * one, else DOCUMENT/CALCULATOR/FIELD. */
static char *
key_of (const Row  *r,
        const char *field)
{
  PeCalculator *calc = calculator (r);

  return pe_profile_key_for_field (calc, pe_calculator_get_field (calc, field));
}

/* Where a profile or a batch file words a problem otherwise than a field
 * does: they refuse before any field reads the value. */
static const char *
file_problem (const Row  *r,
              const char *text)
{
  if (g_str_equal (r->row, "one-megabyte"))
    return "longer than 1000 characters";   /* in a profile; a batch cell is read by the field */
  if (g_str_equal (r->row, "invalid-utf8"))
    return "not UTF-8 text";
  if (text != NULL && *text == '\0')
    return "empty: a value that is not set is left out of the file";
  return r->problem;
}

static void
append_json_text (GString    *out,
                  const char *text)
{
  /* the bytes as they are, invalid UTF-8 included: a damaged file */
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '"');
}

static GBytes *
profile_bytes (const Row  *r,
               const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  PeCalculator *calc = calculator (r);
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"format\": \"policy-explorer-profile\", \"version\": 1, "
                               "\"subject\": \"%s\", \"as_of\": \"2022-06-01\", \"values\": {",
                          g_strcmp0 (calc->subject, "person") == 0 ? "person" : "enterprise");
  for (guint i = 0; r->with[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (r->with[i], "=", 2);
      g_autofree char *key = key_of (r, kv[0]);

      g_string_append (out, first ? "" : ", ");
      append_json_text (out, key);
      g_string_append (out, ": ");
      append_json_text (out, kv[1]);
      first = FALSE;
    }
  if (text != NULL)
    {
      g_autofree char *key = key_of (r, r->field);

      g_string_append (out, first ? "" : ", ");
      append_json_text (out, key);
      g_string_append (out, ": ");
      append_json_text (out, text);
    }
  g_string_append (out, "}}\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static GPtrArray *
documents_of (const Row *r)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (docs, g_object_ref (calculator (r)->document));
  return docs;
}

/* NULL, with @error, when the file is refused as it is opened */
static PeAssessmentItem *
assess_profile (const Row     *r,
                const char    *text,
                PeAssessment **assessment,
                GError       **error)
{
  g_autoptr(GBytes) bytes = profile_bytes (r, text);
  g_autoptr(PeProfile) profile = pe_profile_new_from_bytes (bytes, "bad-input.pe-profile", error);
  g_autoptr(GPtrArray) docs = documents_of (r);

  *assessment = NULL;
  if (profile == NULL)
    return NULL;
  *assessment = pe_assessment_new (profile, docs, 0);
  return pe_assessment_find_item (*assessment, r->doc, r->calc);
}

static void
assert_not_decided (const char       *where,
                    PeAssessmentItem *item,
                    const char       *key)
{
  /* the calculator is not fed at all, or it cannot decide for want of
   * the key; either way no amount */
  g_test_message ("%s: %s", where, item == NULL ? "the calculator is not fed" : "cannot decide");
  if (item == NULL)
    return;
  g_assert_null (item->error);
  g_assert_nonnull (item->result);
  g_assert_cmpint (pe_result_get_verdict (item->result), ==, PE_VERDICT_CANNOT_DECIDE);
  g_assert_false (pe_result_has_amount (item->result));
  if (item->missing_keys == NULL || !g_strv_contains ((const char * const *) item->missing_keys, key))
    g_error ("%s: cannot decide, but does not name “%s” as missing", where, key);
}

static void
test_profile (gconstpointer data)
{
  const Row *r = data;
  const char *text = text_of (r);
  g_autofree char *key = key_of (r, r->field);
  g_autoptr(PeAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  PeAssessmentItem *item = assess_profile (r, text, &a, &error);

  switch (r->outcome)
    {
    case REFUSED:
    case NOT_GIVEN:
      if (a == NULL)
        {
          /* refused as it opens: the file, the key and the problem */
          g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
          g_test_message ("refused as it opens: %.300s", error->message);
          assert_contains ("the profile", error->message, "bad-input.pe-profile");
          if (!g_str_equal (r->row, "invalid-utf8"))   /* there, the line and column */
            assert_contains ("the profile", error->message, key);
          else
            assert_contains ("the profile", error->message, "line 1, column ");
          assert_contains ("the profile", error->message, file_problem (r, text));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpuint (strlen (error->message), <, 2000);
          break;
        }
      g_assert_no_error (error);
      if (r->outcome == NOT_GIVEN && (item == NULL || item->error == NULL))
        {
          assert_not_decided ("the profile", item, key);
          break;
        }
      /* opened, and refused by the calculator: against its key, no result */
      g_assert_nonnull (item);
      g_test_message ("refused by the calculator: %.300s", item->error);
      g_assert_null (item->result);
      assert_contains ("the profile's assessment", item->error, r->problem);
      if (in_result_area (r))
        assert_contains ("the profile's assessment", item->error, r->field);   /* the step and its input */
      else
        g_assert_cmpstr (item->error_key, ==, key);
      break;

    case UNDERSTOOD:
      {
        g_autoptr(PeAssessment) b = NULL;
        PeAssessmentItem *plain;

        g_assert_no_error (error);
        g_assert_nonnull (item);
        g_assert_nonnull (item->result);
        g_assert_true (pe_result_has_amount (item->result));
        plain = assess_profile (r, r->means, &b, &error);
        g_assert_no_error (error);
        g_assert_nonnull (plain);
        g_assert_cmpint (pe_result_get_amount (item->result), ==, pe_result_get_amount (plain->result));
        g_assert_cmpint (pe_result_get_is_maximum (item->result), ==, pe_result_get_is_maximum (plain->result));
      }
      break;
    }
}

/* ---- a batch CSV ------------------------------------------------------------ */

typedef struct
{
  guint    bad_line;
  char    *bad_message;
} BadRows;

static void
on_bad_row (guint         line,
            const GError *problem,
            gpointer      data)
{
  BadRows *bad = data;

  g_assert_cmpuint (bad->bad_line, ==, 0);   /* one bad row at most */
  bad->bad_line = line;
  bad->bad_message = g_strdup (problem->message);
}

/* A batch of two rows: line 2 holds @text, line 3 (when given) @second.
 * Returns the output as rows of cells, the header first. */
static GPtrArray *
run_batch (const Row  *r,
           const char *text,
           const char *second,
           BadRows    *bad)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = documents_of (r);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GInputStream) back = NULL;
  g_autoptr(PeCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  PeBatchOptions options = { 0 };
  const char *texts[] = { text, second };
  PeCalculator *calc = calculator (r);

  g_ptr_array_add (header, g_strdup ("subject"));
  g_ptr_array_add (header, g_strdup ("as_of"));
  for (guint i = 0; r->with[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (r->with[i], "=", 2);
      g_ptr_array_add (header, key_of (r, kv[0]));
    }
  if (text != NULL)
    g_ptr_array_add (header, key_of (r, r->field));
  g_ptr_array_add (header, NULL);
  pe_csv_append_row (csv, (const char * const *) header->pdata, -1);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      if (t > 0 && texts[t] == NULL)
        break;
      g_ptr_array_add (cells, g_strdup (g_strcmp0 (calc->subject, "person") == 0 ? "person" : "enterprise"));
      g_ptr_array_add (cells, g_strdup ("2022-06-01"));
      for (guint i = 0; r->with[i] != NULL; i++)
        g_ptr_array_add (cells, g_strdup (strchr (r->with[i], '=') + 1));
      if (text != NULL)
        g_ptr_array_add (cells, g_strdup (texts[t]));
      g_ptr_array_add (cells, NULL);
      pe_csv_append_row (csv, (const char * const *) cells->pdata, -1);
    }

  in = g_memory_input_stream_new_from_data (csv->str, csv->len, NULL);
  options.documents = docs;
  options.language = PE_LANGUAGE_EN;
  options.bad_row = on_bad_row;
  options.user_data = bad;
  g_assert_true (pe_batch_run (in, out, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  back = g_memory_input_stream_new_from_data (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                                              NULL);
  reader = pe_csv_reader_new (back);
  for (;;)
    {
      GStrv cells = NULL;
      PeCsvStatus status = pe_csv_reader_read_row (reader, &cells, NULL, &error);

      if (status == PE_CSV_END)
        break;
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, PE_CSV_ROW);
      g_ptr_array_add (rows, cells);
    }
  g_assert_cmpuint (rows->len, >=, 1);
  return rows;
}

static guint
column (GPtrArray  *rows,
        const char *name)
{
  GStrv header = g_ptr_array_index (rows, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("no column “%s” in the batch output", name);
}

/* The cells of the calculator's row for @line, or NULL */
static GStrv
result_row (GPtrArray  *rows,
            const Row  *r,
            guint       line)
{
  g_autofree char *wanted = g_strdup_printf ("%u", line);
  guint line_col = column (rows, "line"), calc_col = column (rows, "calculator");

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (rows, i);
      if (g_str_equal (cells[line_col], wanted) && g_str_equal (cells[calc_col], r->calc))
        return cells;
    }
  return NULL;
}

static void
test_batch (gconstpointer data)
{
  const Row *r = data;
  const char *text = text_of (r);
  g_autofree char *key = key_of (r, r->field);
  BadRows bad = { 0 };
  g_autoptr(GPtrArray) rows = run_batch (r, text, r->outcome == UNDERSTOOD ? r->means : NULL, &bad);
  GStrv found = result_row (rows, r, 2);
  guint amount = column (rows, "amount"), err = column (rows, "error");

  switch (r->outcome)
    {
    case REFUSED:
    case NOT_GIVEN:
      if (bad.bad_line != 0)
        {
          /* the row refused: its line, the column and the problem, and
           * nothing written for it */
          const char *problem = g_str_equal (r->row, "invalid-utf8") ? file_problem (r, text) : r->problem;

          g_test_message ("the row refused: %.300s", bad.bad_message);
          g_assert_cmpuint (bad.bad_line, ==, 2);
          assert_contains ("the batch", bad.bad_message, "line 2: ");
          assert_contains ("the batch", bad.bad_message, key);
          assert_contains ("the batch", bad.bad_message, problem);
          g_assert_true (g_utf8_validate (bad.bad_message, -1, NULL));
          g_assert_cmpuint (strlen (bad.bad_message), <, 2000);
          g_assert_cmpuint (rows->len, ==, 1);
        }
      else if (r->outcome == REFUSED)
        {
          /* read, and refused by the calculator: the row says why, and
           * has no amount */
          g_assert_nonnull (found);
          g_test_message ("the row read, its result refused: %.300s", found[err]);
          g_assert_cmpstr (found[amount], ==, "");
          assert_contains ("the batch's error column", found[err], r->problem);
        }
      else if (found != NULL)
        {
          /* an empty cell is a value not set: cannot decide, or not fed */
          g_test_message ("the batch: cannot decide");
          g_assert_cmpstr (found[amount], ==, "");
          g_assert_cmpstr (found[column (rows, "verdict")], ==, "cannot-decide");
          assert_contains ("the batch's missing column", found[column (rows, "missing")], key);
        }
      g_free (bad.bad_message);
      break;

    case UNDERSTOOD:
      {
        GStrv plain = result_row (rows, r, 3);

        g_assert_cmpuint (bad.bad_line, ==, 0);
        g_assert_nonnull (found);
        g_assert_nonnull (plain);
        g_assert_cmpstr (found[amount], !=, "");
        g_assert_cmpstr (found[amount], ==, plain[amount]);
        g_assert_cmpstr (found[column (rows, "is_maximum")], ==, plain[column (rows, "is_maximum")]);
      }
      break;
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  pe_test_init (&argc, &argv, TRUE);
  pe_ui_init_resources ();
  one_megabyte = g_strnfill (1024 * 1024, '9');
  largest_argument = g_strnfill (128 * 1024 - 1 - strlen ("fee="), '9');

  engine = pe_test_engine_new ();
  pe_plugins_engine_load_all (engine);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *form_path = g_strdup_printf ("/bad-input/form/%s/%u", rows[i].row, i);
      g_autofree char *pex_path = g_strdup_printf ("/bad-input/pex/%s/%u", rows[i].row, i);
      g_autofree char *profile_path = g_strdup_printf ("/bad-input/profile/%s/%u", rows[i].row, i);
      g_autofree char *batch_path = g_strdup_printf ("/bad-input/batch/%s/%u", rows[i].row, i);
      g_test_add_data_func (form_path, &rows[i], test_form);
      g_test_add_data_func (pex_path, &rows[i], test_pex);
      g_test_add_data_func (profile_path, &rows[i], test_profile);
      g_test_add_data_func (batch_path, &rows[i], test_batch);
    }
  status = g_test_run ();
  pe_test_assert_finalized (engine);
  g_free (one_megabyte);
  g_free (largest_argument);
  return status;
}
