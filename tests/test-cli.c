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
          g_assert_cmpint (json_object_get_int_member (o, "measures"), ==, 15);
          g_assert_cmpstr (json_object_get_string_member (o, "valid_to"), ==, "2023-12-31");
          g_assert_cmpstr (json_object_get_string_member (o, "number"), ==, "泉政办〔2021〕1号");
        }
    }
  g_assert_true (found);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "manufacturing"));
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
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/show-and-calculators", test_show_and_calculators);
  g_test_add_func ("/cli/chart-export", test_chart_export);
  g_test_add_func ("/cli/search", test_search);

  return g_test_run ();
}
