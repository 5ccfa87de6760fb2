/* test-cli.c — pex, run as a person runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pe-test-harness.h"

static char *pex_path;

/* Runs pex with @argv; returns its exit status, stdout in *out. */
static int
run_pex (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, pex_path);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  /* the output of the caller's previous run, replaced */
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Every line of @text has @word at the same column of a terminal, where
 * a Chinese character takes two and an en dash one. */
static void
assert_columns_aligned (const char *text,
                        const char *word)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  int column = -1;

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *at = strstr (lines[i], word);
      int c = 0;

      /* the legend under the list */
      if (g_str_has_prefix (lines[i], "(") || g_str_has_prefix (lines[i], "（"))
        continue;
      g_assert_nonnull (at);
      for (const char *p = lines[i]; p < at; p = g_utf8_next_char (p))
        c += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      if (column < 0)
        column = c;
      g_assert_cmpint (c, ==, column);
    }
  g_assert_cmpint (column, >, 0);
}

static void
test_list (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;
  gboolean found = FALSE;

  g_assert_cmpint (run_pex (&out, &err, "list", "--json", NULL), ==, 0);
  root = parse (out);
  arr = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      if (g_str_equal (json_object_get_string_member (o, "id"), "manufacturing"))
        {
          found = TRUE;
          /* 一 to 十三; the preamble and 附则 are not measures */
          g_assert_cmpint (json_object_get_int_member (o, "measures"), ==, 13);
          g_assert_cmpstr (json_object_get_string_member (o, "valid_to"), ==, "2023-12-31");
          g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, "泉政办〔2021〕1号");
        }
    }
  g_assert_true (found);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "manufacturing"));
  assert_columns_aligned (out, " measures");
  g_assert_cmpint (run_pex (&out, &err, "list", "--lang", "zh", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "制造业高质量发展"));
  assert_columns_aligned (out, " 项措施");

  /* in words, on the date asked: manufacturing runs 2021-02-08 to
   * 2023-12-31; high-skill talent starts on 2023-06-26 */
  g_assert_cmpint (run_pex (&out, &err, "list", "--as-of", "2022-06-01", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2021-02-08 … 2023-12-31 (in force)\n"));
  g_assert_nonnull (strstr (out, "2023-06-26 … 2026-06-25 (not yet in force)\n"));
  g_assert_nonnull (strstr (out, "(As of 2022-06-01."));
}

static void
test_calc_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *trace;
  gboolean quoted = FALSE;

  g_assert_cmpint (run_pex (&out, &err, "calc", "manufacturing", "technical-upgrade",
                            "investment=30000000", "enterprise=star", "--json", "--as-of", "2022-06-01", NULL), ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "amount"), ==, 2310000);
  g_assert_true (json_object_get_boolean_member (o, "is_maximum"));
  g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "none");
  trace = json_object_get_array_member (o, "trace");
  for (guint i = 0; i < json_array_get_length (trace); i++)
    {
      JsonObject *step = json_array_get_object_element (trace, i);
      if (json_object_has_member (step, "clause") &&
          strstr (json_object_get_string_member (json_object_get_object_member (step, "clause"), "quote"),
                  "明星梯队企业补助标准提高10%") != NULL)
        quoted = TRUE;
    }
  g_assert_true (quoted);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "readings")), >=, 1);
}

/* A list of holidays on the command line: key=date,date… */
static void
test_calc_holidays (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) calcs = NULL;
  JsonObject *outputs;
  gboolean typed = FALSE;

  /* Thu 2021-06-10 + 3 working days, Mon 14 June a holiday: Wed 16 June */
  g_assert_cmpint (run_pex (&out, &err, "calc", "land", "approval-deadline", "procedure=planning_permit",
                            "accepted=2021-06-10", "holidays=2021-06-14", "--json", NULL), ==, 0);
  root = parse (out);
  outputs = json_object_get_object_member (json_node_get_object (root), "outputs");
  g_assert_cmpstr (json_object_get_string_member (outputs, "due"), ==, "2021-06-16");
  g_assert_cmpstr (json_object_get_string_member (outputs, "calendar"), ==, "holidays_given");

  /* without it: Tue 15 June, and it says weekends only */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "calc", "land", "approval-deadline", "procedure=planning_permit",
                            "accepted=2021-06-10", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2021-06-15"));
  g_assert_nonnull (strstr (out, "Saturdays and Sundays only"));

  /* a date that does not exist: exit 2, naming the field and the date */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "calc", "land", "approval-deadline", "procedure=planning_permit",
                            "accepted=2021-06-10", "holidays=2021-06-14,2021-06-31", "--json", NULL), ==, 2);
  g_clear_pointer (&root, json_node_unref);
  root = parse (out);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (root), "error"), "holidays ("));
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (root), "error"), "“2021-06-31”"));

  /* the field's type is listed */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "calculators", "land", "--json", NULL), ==, 0);
  calcs = parse (out);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (calcs)); i++)
    {
      JsonObject *c = json_array_get_object_element (json_node_get_array (calcs), i);
      JsonArray *fields = json_object_get_array_member (c, "fields");

      for (guint j = 0; j < json_array_get_length (fields); j++)
        {
          JsonObject *f = json_array_get_object_element (fields, j);
          if (g_str_equal (json_object_get_string_member (f, "id"), "holidays"))
            typed = g_str_equal (json_object_get_string_member (f, "type"), "dates");
        }
    }
  g_assert_true (typed);
}

static void
test_calc_text (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_pex (&out, &err, "calc", "manufacturing", "cloud", "fee=12万", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "up to 36,000 yuan"));
  g_assert_nonnull (strstr (out, "按照服务费不高于30%给予上云企业补助"));
}

static void
test_bad_usage (void)
{
  struct { const char *args[8]; const char *error; } cases[] = {
    { { "calc", "manufacturing", "cloud", "fee=12a", NULL }, "fee (Annual cloud service fee) “12a” is not a number" },
    { { "calc", "manufacturing", "cloud", "fee=-1", NULL }, "must not be negative" },
    { { "calc", "manufacturing", "cloud", NULL }, "fee (Annual cloud service fee) is required and missing" },
    { { "calc", "manufacturing", "cloud", "fees=1", NULL }, "“fees” is not a field" },
    { { "calc", "manufacturing", "cloud", "fee", NULL }, "“fee” is not key=value" },
    { { "calc", "manufacturing", "cloud", "fee=1", "fee=2", NULL }, "given twice" },
    { { "calc", "manufacturing", "nothing", NULL }, "no calculator “nothing”" },
    { { "calc", "nowhere", "x", NULL }, "no document “nowhere”" },
    { { "calc", "manufacturing", "technical-upgrade", "investment=1", "enterprise=giant", NULL }, "is not one of the choices" },
    { { "calc", "manufacturing", "cloud", "fee=1", "--as-of", "2023-02-30", NULL }, "--as-of" },
    { { "frobnicate", NULL }, "unknown command" },
    { { "show", "manufacturing", "99", NULL }, "no measure “99”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(JsonNode) root = NULL;
      const char * const *a = cases[i].args;
      int status;

      g_test_message ("pex %s %s %s", a[0], a[1] ? a[1] : "", a[2] ? a[2] : "");
      status = run_pex (&out, &err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL);
      g_assert_cmpint (status, ==, 2);
      if (strstr (err, cases[i].error) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].error, err);

      /* the same with --json: {"error": …} on stdout */
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      status = run_pex (&out, &err, "--json", a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL);
      g_assert_cmpint (status, ==, 2);
      root = parse (out);
      g_assert_true (json_object_has_member (json_node_get_object (root), "error"));
    }
}

static void
test_show_and_calculators (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *calcs;

  g_assert_cmpint (run_pex (&out, &err, "show", "manufacturing", "7", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "支持企业上云上平台"));
  g_assert_nonnull (strstr (out, "cloud"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "calculators", "manufacturing", "--json", NULL), ==, 0);
  root = parse (out);
  calcs = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (calcs), ==, 23);
}

/* A document's lists: printed by show, in JSON too, and found by search. */
static void
test_lists (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *lists, *hits;
  gboolean found = FALSE;

  g_assert_cmpint (run_pex (&out, &err, "show", "household-registration", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "40 items"));
  g_assert_nonnull (strstr (out, " 40. 银行身份核查异常处置指引"));
  g_assert_nonnull (strstr (out, "15 items"));

  /* a measure shows the lists it enumerates, and only those */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_pex (&out, &err, "show", "household-registration", "3", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "居住证：自助擦写"));
  g_assert_null (strstr (out, "银行身份核查异常处置指引 —"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_pex (&out, &err, "show", "household-registration", "--json", NULL), ==, 0);
  root = parse (out);
  lists = json_object_get_array_member (json_node_get_object (root), "lists");
  g_assert_cmpuint (json_array_get_length (lists), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lists, 0), "id"), ==, "phone");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (lists, 0), "items")), ==, 40);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (lists, 1), "items")), ==, 15);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (run_pex (&out, &err, "search", "擦写", "--json", NULL), ==, 0);
  root = parse (out);
  hits = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *h = json_array_get_object_element (hits, i);
      if (json_object_has_member (h, "list"))
        {
          g_assert_cmpstr (json_object_get_string_member (h, "list"), ==, "self-service");
          g_assert_cmpstr (json_object_get_string_member (h, "field"), ==, "item");
          g_assert_cmpstr (json_object_get_string_member (h, "snippet"), ==, "居住证：自助擦写");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_chart_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-chart-XXXXXX", NULL);
  const char *suffixes[] = { "png", "svg", "pdf", "csv" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF", "Investment" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/chart.%s", dir, suffixes[i]);
      g_autofree char *out = NULL, *err = NULL, *contents = NULL;
      gsize len;

      g_assert_cmpint (run_pex (&out, &err, "chart", "manufacturing", "technical-upgrade",
                                "--out", file, "--lang", "en", NULL), ==, 0);
      g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 100);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      g_unlink (file);
    }
  g_rmdir (dir);
}

/* The libraries a run of pex maps, as the dynamic loader reports them.
 * Without G_DEBUG=gc-friendly pex leaves its documents to the end of the
 * process: in a sanitizer build LeakSanitizer then checks that what is
 * left is still reachable, not lost. */
static char *
loaded_libraries (const char * const *argv,
                  gboolean            gc_friendly)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "LD_DEBUG", "files", TRUE);
  if (gc_friendly)
    g_subprocess_launcher_setenv (launcher, "G_DEBUG", "gc-friendly", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  /* the loader did report, so that an absence below means something */
  g_assert_nonnull (strstr (err, "file=libpolicy-explorer-core-1.so"));
  return err;
}

/* Commands that draw nothing map neither the drawing library nor cairo,
 * Pango, fontconfig, the X client libraries or GTK: mapping them was half
 * of the time pex took to start. `chart` opens them when it draws. */
static void
test_libraries (void)
{
  const char *drawing[] = { "libpolicy-explorer-draw-", "libcairo.so", "libpango-", "libfontconfig.so",
                            "libharfbuzz.so", "libX11.so", "libgtk-3.so" };
  g_autofree char *dir = g_dir_make_tmp ("pex-libraries-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  const char *list[] = { pex_path, "list", NULL };
  const char *calc[] = { pex_path, "calc", "manufacturing", "cloud", "fee=12万", NULL };
  const char *chart[] = { pex_path, "chart", "manufacturing", "milestones", "--out", svg, NULL };
  const char * const *quiet[] = { list, calc };
  g_autofree char *drew = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_autofree char *maps = loaded_libraries (quiet[i], FALSE);

      for (guint j = 0; j < G_N_ELEMENTS (drawing); j++)
        if (strstr (maps, drawing[j]) != NULL)
          g_error ("pex %s maps %s", quiet[i][1], drawing[j]);
    }

  drew = loaded_libraries (chart, TRUE);
  for (guint j = 0; j < 3; j++)
    g_assert_nonnull (strstr (drew, drawing[j]));
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  g_unlink (svg);
  g_rmdir (dir);
}

/* A pex that finds the core but not the drawing library still does all
 * but drawing, and says what it misses when asked to draw. */
static void
test_no_drawing_library (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-alone-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "pex", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *bin_dir = g_path_get_dirname (pex_path);
  g_autofree char *core_dir = g_build_filename (bin_dir, "..", "core", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *runs[][6] = {
    { copy, "list", NULL },
    { copy, "chart", "manufacturing", "milestones", "--out", svg },
  };
  gsize len;

  /* a copy: its run path, relative to itself, leads nowhere */
  g_assert_true (g_file_get_contents (pex_path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  g_assert_cmpint (g_chmod (copy, 0755), ==, 0);
  g_subprocess_launcher_setenv (launcher, "LD_LIBRARY_PATH", core_dir, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      const char *argv[7] = { 0 };
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      memcpy (argv, runs[i], sizeof runs[i]);
      proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      if (i == 0)
        g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
      else
        {
          g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
          g_assert_nonnull (strstr (err, "libpolicy-explorer-draw-1.so"));
          g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
        }
    }
  g_unlink (copy);
  g_rmdir (dir);
}

static void
test_search (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *hits;

  g_assert_cmpint (run_pex (&out, &err, "search", "上云", "--json", NULL), ==, 0);
  root = parse (out);
  hits = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (hits), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0), "match"), ==, "上云");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "search", "qwertyuiop", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No measure matches."));
}


/* ---- profiles ------------------------------------------------------------ */

/* Worked from measures 4, 5 and 7 of manufacturing: a star-tier enterprise
 * investing 30 million in equipment gets up to 7 % × 1.1 = 7.7 % of it,
 * 2,310,000 (under the 2.5 million cap); 5 million of R&D equipment at a
 * provincial centre, up to 10 %, 500,000 (under 1 million); a cloud fee of
 * 120,000, up to 30 %, 36,000 (under 100,000). All three are subsidies: they
 * do not stack, the highest is kept (就高). */
static const char profile_json[] =
  "{\"format\": \"policy-explorer-profile\", \"version\": 1, \"subject\": \"enterprise\", \"name\": \"Firm\",\n"
  " \"values\": {\"manufacturing/technical-upgrade/investment\": \"3000万\",\n"
  "  \"manufacturing/technical-upgrade/enterprise\": \"star\",\n"
  "  \"manufacturing/cloud/fee\": \"120000\",\n"
  "  \"manufacturing/rd-equipment/equipment_value\": \"500万\",\n"
  "  \"manufacturing/rd-equipment/centre_level\": \"provincial\"}}\n";

static char *
scratch_file (const char *dir,
              const char *name,
              const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static JsonObject *
result_of (JsonArray  *results,
           const char *calculator)
{
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *o = json_array_get_object_element (results, i);
      if (g_str_equal (json_object_get_string_member (o, "calculator"), calculator))
        return o;
    }
  g_error ("no result of %s", calculator);
  return NULL;
}

static void
test_assess (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-profile-XXXXXX", NULL);
  g_autofree char *path = scratch_file (dir, "firm.pe-profile", profile_json);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *cloud;
  JsonArray *results;

  g_assert_cmpint (run_pex (&out, &err, "assess", path, "--as-of", "2022-06-01", "--json", NULL), ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 2310000);
  g_assert_true (json_object_get_boolean_member (o, "total_is_maximum"));
  results = json_object_get_array_member (o, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_cmpint (json_object_get_int_member (result_of (results, "rd-equipment"), "amount"), ==, 500000);
  cloud = result_of (results, "cloud");
  g_assert_cmpint (json_object_get_int_member (cloud, "amount"), ==, 36000);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (cloud, "stacking"), "kept"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (
                      json_object_get_object_member (cloud, "stacking"), "clause"), "quote"), "就高原则"));

  /* in words */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_pex (&out, &err, "assess", path, "--as-of", "2022-06-01", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Total: up to 2,310,000 yuan"));
  g_assert_nonnull (strstr (out, "set aside: does not stack with “Technical upgrading subsidy”"));

  /* a corrupt profile: exit 2, the file and the place named, the file kept */
  {
    g_autofree char *bad = scratch_file (dir, "bad.pe-profile", "{\"format\": \"policy-explorer-profile\", \"version\": 1, \"subject\": \"firm\", \"values\": {}}");
    g_autofree char *after = NULL;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_pex (&out, &err, "assess", bad, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "bad.pe-profile: $.subject: expected \"enterprise\" or \"person\""));
    g_assert_true (g_file_get_contents (bad, &after, NULL, NULL));
    g_assert_nonnull (strstr (after, "\"firm\""));
    g_unlink (bad);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* Five documents, worked by hand:
 *  - the innovation voucher: 30 % of 1 million of S&T service fees = 300,000
 *    in tech innovation (under its 500,000 a year) and in the decision,
 *    whose item 1 is carried out by tech innovation's measure 1: counted
 *    once, there;
 *  - the education-surcharge credit: 30 % of 1 million invested = 300,000
 *    (under the 500,000 owed) in high-skill talent and in industry–
 *    education; high-skill talent's measure 2 says industry–education's
 *    3-1 carries it out: counted once, there;
 *  - manufacturing: 7 % of 10 million = 700,000 and the cloud subsidy's
 *    36,000 are both subsidies: the higher is kept.
 * Total: 300,000 + 300,000 + 700,000. The issue date of tech innovation,
 * which its text does not give, is the analyst's. */
static const char across_json[] =
  "{\"format\": \"policy-explorer-profile\", \"version\": 1, \"subject\": \"enterprise\",\n"
  " \"as_of\": \"2023-09-01\", \"issue_dates\": {\"tech-innovation\": \"2021-06-01\"},\n"
  " \"values\": {\"enterprise.voucher_eligible\": \"yes\", \"enterprise.voucher_local_provider\": \"yes\",\n"
  "  \"enterprise.st_service_fees\": \"100万\", \"enterprise.industry_education_pilot\": \"yes\",\n"
  "  \"enterprise.runs_vocational_education\": \"yes\", \"enterprise.vocational_education_investment\": \"100万\",\n"
  "  \"enterprise.education_surcharges_due\": \"50万\", \"manufacturing/cloud/fee\": \"12万\",\n"
  "  \"manufacturing/technical-upgrade/investment\": \"1000万\"}}\n";

static JsonObject *
result_in (JsonArray  *results,
           const char *document,
           const char *calculator)
{
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *o = json_array_get_object_element (results, i);
      if (g_str_equal (json_object_get_string_member (o, "document"), document) &&
          g_str_equal (json_object_get_string_member (o, "calculator"), calculator))
        return o;
    }
  g_error ("no result of %s/%s", document, calculator);
  return NULL;
}

static gboolean
kept (JsonObject *result)
{
  return json_object_get_boolean_member (json_object_get_object_member (result, "stacking"), "kept");
}

static void
test_assess_across (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-across-XXXXXX", NULL);
  g_autofree char *path = scratch_file (dir, "firm.pe-profile", across_json);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;
  JsonObject *o, *voucher;

  g_assert_cmpint (run_pex (&out, &err, "assess", path, "--json", NULL), ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  results = json_object_get_array_member (o, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 6);

  voucher = result_in (results, "private-economy", "innovation-voucher");
  g_assert_cmpint (json_object_get_int_member (voucher, "amount"), ==, 300000);
  g_assert_false (kept (voucher));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (voucher, "stacking"), "prevailing"), "document"), ==, "tech-innovation");
  g_assert_true (kept (result_in (results, "tech-innovation", "innovation-voucher")));
  g_assert_false (kept (result_in (results, "high-skill-talent", "surcharge-credit")));
  g_assert_true (kept (result_in (results, "industry-education", "surcharge-credit")));
  g_assert_false (kept (result_in (results, "manufacturing", "cloud")));
  g_assert_cmpint (json_object_get_int_member (result_in (results, "manufacturing", "technical-upgrade"), "amount"), ==, 700000);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 1300000);

  /* without the analyst's issue date, tech innovation cannot say whether
   * it is in force, and asks for it */
  {
    g_autofree char *no_date = NULL;
    g_autofree char *p2 = NULL;
    g_autoptr(JsonNode) r2 = NULL;
    JsonObject *tv;
    GString *s = g_string_new (across_json);

    g_string_replace (s, "\"issue_dates\": {\"tech-innovation\": \"2021-06-01\"},", "", 1);
    no_date = g_string_free (s, FALSE);
    p2 = scratch_file (dir, "nodate.pe-profile", no_date);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_pex (&out, &err, "assess", p2, "--json", NULL), ==, 0);
    r2 = parse (out);
    tv = result_in (json_object_get_array_member (json_node_get_object (r2), "results"), "tech-innovation", "innovation-voucher");
    g_assert_cmpstr (json_object_get_string_member (tv, "verdict"), ==, "cannot-decide");
    g_unlink (p2);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (proc == NULL)
    return NULL;
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &text, NULL, &error);
  return text;
}

static void
test_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-report-XXXXXX", NULL);
  g_autofree char *path = scratch_file (dir, "firm.pe-profile", profile_json);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "results.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL, *table = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpint (run_pex (&out, &err, "report", path, "--out", pdf, "--as-of", "2022-06-01", "--lang", "en", NULL), ==, 0);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* the content, not only a file: the date, the total, each figure with
   * its clause, the ledger and the versions */
  flat = g_strjoinv (" ", (char *[]) { text, NULL });
  g_assert_nonnull (strstr (text, "Policy assessment: Firm"));
  g_assert_nonnull (strstr (text, "As of: 2022-06-01"));
  g_assert_nonnull (strstr (text, "Total, after stacking: up to 2,310,000 yuan"));
  g_assert_nonnull (strstr (text, "Technical upgrading subsidy: up to 2,310,000 yuan"));
  g_assert_nonnull (strstr (text, "Stacking ledger"));
  g_assert_nonnull (strstr (text, "明星梯队企业补助标准提高10%"));
  g_assert_nonnull (strstr (text, "Policy Explorer " PACKAGE_VERSION));
  g_assert_nonnull (strstr (text, "Manufacturing — "));

  g_assert_cmpint (run_pex (&out, &err, "report", path, "--out", csv, "--as-of", "2022-06-01", NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &table, NULL, NULL));
  g_assert_true (g_str_has_prefix (table, "profile,subject,as_of,document,calculator,title,verdict,amount,"));
  g_assert_nonnull (strstr (table, "Firm,enterprise,2022-06-01,manufacturing,technical-upgrade,"));
  g_assert_nonnull (strstr (table, ",2310000,true,"));

  /* a report needs somewhere to go */
  g_assert_cmpint (run_pex (&out, &err, "report", path, NULL), ==, 2);
  g_unlink (pdf);
  g_unlink (csv);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_scenario (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-scenario-XXXXXX", NULL);
  g_autofree char *path = scratch_file (dir, "firm.pe-profile", profile_json);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;

  /* the same firm before and after the document expired (2023-12-31) */
  g_assert_cmpint (run_pex (&out, &err, "scenario", path, "--as-of", "2022-06-01",
                            "--second-as-of", "2024-06-01", "--json", NULL), ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "total_a"), ==, 2310000);
  g_assert_cmpint (json_object_get_int_member (o, "total_b"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "rows")), ==, 3);
  {
    JsonArray *rows = json_object_get_array_member (o, "rows");
    gint64 sum = 0;
    for (guint i = 0; i < json_array_get_length (rows); i++)
      sum += json_object_get_int_member (json_array_get_object_element (rows, i), "delta");
    g_assert_cmpint (sum, ==, -2310000);
  }
  /* one profile needs a second date */
  g_assert_cmpint (run_pex (&out, &err, "scenario", path, NULL), ==, 2);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_batch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pex-batch-XXXXXX", NULL);
  g_autofree char *in = scratch_file (dir, "firms.csv",
                                      "name,as_of,manufacturing/cloud/fee,manufacturing/technical-upgrade/investment\n"
                                      "A,2022-06-01,120000,\n"
                                      "B,2022-06-01,12a,\n"
                                      "C,2022-06-01,,1000万\n");
  g_autofree char *results = g_build_filename (dir, "results.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *table = NULL;

  /* a bad row is reported with its line, skipped, and the run goes on;
   * the exit status says that something was refused */
  g_assert_cmpint (run_pex (&out, &err, "batch", in, "--out", results, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "line 3: column “manufacturing/cloud/fee”: “12a” is not a number"));
  g_assert_nonnull (strstr (err, "2 profiles, 2 results, 1 rows refused"));
  g_assert_true (g_file_get_contents (results, &table, NULL, NULL));
  g_assert_true (g_str_has_prefix (table, "line,profile,"));
  /* 30 % of 120,000; 7 % of 10 million for an ordinary enterprise */
  g_assert_nonnull (strstr (table, "2,A,enterprise,2022-06-01,manufacturing,cloud,"));
  g_assert_nonnull (strstr (table, ",36000,true,"));
  g_assert_nonnull (strstr (table, "4,C,enterprise,2022-06-01,manufacturing,technical-upgrade,"));
  g_assert_nonnull (strstr (table, ",700000,true,"));
  g_assert_null (strstr (table, "\n3,"));

  /* a header naming nothing: nothing is done */
  {
    g_autofree char *bad = scratch_file (dir, "bad.csv", "name,manufacturing/cloud/fees\nA,1\n");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_pex (&out, &err, "batch", bad, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "column 2 “manufacturing/cloud/fees”: no active document"));
    g_unlink (bad);
  }
  g_unlink (results);
  g_unlink (in);
  g_rmdir (dir);
}

static void
test_facts_and_compare (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) facts = NULL;
  g_autoptr(JsonNode) groups = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (run_pex (&out, &err, "facts", "--json", NULL), ==, 0);
  facts = parse (out);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (facts)); i++)
    found |= g_str_equal (json_object_get_string_member (json_array_get_object_element (json_node_get_array (facts), i), "id"),
                          "enterprise.high_tech");
  g_assert_true (found);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_pex (&out, &err, "compare", "--json", NULL), ==, 0);
  groups = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (groups)), >=, 1);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "compare", "no-such-group", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "no group “no-such-group”"));
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);
  pex_path = g_strdup (g_getenv ("PEX"));
  g_assert_nonnull (pex_path);

  g_test_add_func ("/cli/list", test_list);
  g_test_add_func ("/cli/calc-json", test_calc_json);
  g_test_add_func ("/cli/calc-text", test_calc_text);
  g_test_add_func ("/cli/calc-holidays", test_calc_holidays);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/show-and-calculators", test_show_and_calculators);
  g_test_add_func ("/cli/lists", test_lists);
  g_test_add_func ("/cli/chart-export", test_chart_export);
  g_test_add_func ("/cli/libraries", test_libraries);
  g_test_add_func ("/cli/no-drawing-library", test_no_drawing_library);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/assess", test_assess);
  g_test_add_func ("/cli/assess-across", test_assess_across);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/scenario", test_scenario);
  g_test_add_func ("/cli/batch", test_batch);
  g_test_add_func ("/cli/facts-and-compare", test_facts_and_compare);

  return g_test_run ();
}
