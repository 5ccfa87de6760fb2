/* test-broken-plugins.c — every kind of broken plugin, in the window and in pex
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All the broken plugins of tests/plugins/ at once, beside the real ones:
 * the window names each plugin and says why, the log has the detail, and
 * the rest works; pex does the same on stderr, and carries on.
 * (test-plugins.c checks the engine, one broken plugin at a time.)
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pe-test-harness.h"
#include "pe-application.h"
#include "pe-document-page.h"
#include "pe-window.h"

typedef struct
{
  const char *who;       /* the plugin's name, or its file */
  const char *module;    /* what the log calls it */
  const char *why;
  const char *document;  /* read when its page is opened, or NULL */
} Kind;

static const Kind kinds[] = {
  /* the module cannot be loaded: found when its page opens, since a
   * module is loaded only when its document is first asked for */
  { "Missing module", "missing-module", "its module could not be loaded", "missing-module" },
  { "No entry point", "no-entry", "its module could not be loaded", "no-entry" },
  { "Wrong API", "wrong-api", "built for API version 99, but this Policy Explorer has API version 1", NULL },
  { "Duplicate", "duplicate", "provides the document “manufacturing”, which the plugin “manufacturing”", NULL },
  /* the document breaks the data format */
  { "Bad JSON", "bad-json", "not valid JSON: line 7, column 1", "bad-json" },
  { "Missing member", "missing-member", "$: the member “validity” is missing", "missing-member" },
  { "Wrong type", "wrong-type", "$.title: expected {\"zh\": …, \"en\": …}, found a string", "wrong-type" },
  { "Bad data", "bad-data", "$.measures[1].id: a second measure has the id “1”", "bad-data" },
  { "Bad quote", "bad-quote", "the quote “给予20万元奖励” is not in the text of measure “1”", "bad-quote" },
  { "Bad citation", "bad-citation", "cites measure “9”, which the document does not have", "bad-citation" },
  /* the .plugin file gives no plugin */
  { "malformed.plugin", "malformed.plugin", "it is not a valid .plugin file", NULL },
  { "no-module.plugin", "no-module.plugin", "it has no Module in its [Plugin] group", NULL },
  { "same-id.plugin", "same-id.plugin", "its id “manufacturing” is the id of the plugin in", NULL },
};

static GString *logged;

static void
collect_log (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
  g_string_append_printf (logged, "%s: %s\n", domain, message);
}

static void
assert_named (const char *where,
              const char *text,
              const char *who,
              const char *why)
{
  const char *at = text ? strstr (text, who) : NULL;

  /* the plugin named, and why, in the same message */
  if (at == NULL || strstr (at, why) == NULL)
    g_error ("%s does not say that “%s” failed because “%s”:\n%s", where, who, why, text ? text : "(nothing)");
}

static void
assert_told (const char *where,
             const char *text,
             const Kind *k)
{
  assert_named (where, text, k->who, k->why);
}

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

static void
test_window (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeWindow *window;
  GtkWidget *page;

  pe_plugins_engine_load_all (engine);
  window = pe_window_new (NULL, engine, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  pe_test_show_window (GTK_WIDGET (window));

  /* what fails as the plugins load is told at once */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].document == NULL)
      assert_told ("the window", pe_window_get_message (window), &kinds[i]);

  /* a module that cannot be loaded, or a document that breaks the
   * format, is found when its page opens: the page says it could not be
   * opened, and the message says why */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].document != NULL)
      {
        page = pe_window_show_document (window, kinds[i].document);
        g_assert_nonnull (page);
        g_assert_false (PE_IS_DOCUMENT_PAGE (page));
        assert_told ("the window", pe_window_get_message (window), &kinds[i]);
      }
  screenshot (GTK_WIDGET (window), "broken-plugins");

  /* and the rest carries on */
  page = pe_window_show_document (window, "manufacturing");
  g_assert_true (PE_IS_DOCUMENT_PAGE (page));
  g_assert_cmpuint (pe_document_get_calculators (pe_document_page_get_document (PE_DOCUMENT_PAGE (page)))->len, >, 20);

  /* the log has the detail of each */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    assert_named ("the log", logged->str, kinds[i].module, kinds[i].why);
  g_assert_nonnull (strstr (logged->str, "libpeas: "));   /* libpeas' own words too */

  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

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

  g_ptr_array_add (args, (char *) g_getenv ("PEX"));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
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
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));   /* no crash */
  return g_subprocess_get_exit_status (proc);
}

static void
test_pex (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *list;
  guint with_error = 0;

  /* list: every broken plugin named with its reason, the documents listed */
  g_assert_cmpint (run_pex (&out, &err, "list", NULL), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    assert_told ("pex list", err, &kinds[i]);
  g_assert_nonnull (strstr (out, "manufacturing"));
  g_assert_nonnull (strstr (out, "commerce"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the same as JSON: the documents, and an error for each broken one */
  g_assert_cmpint (run_pex (&out, &err, "list", "--json", NULL), ==, 1);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  list = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_object_has_member (json_array_get_object_element (list, i), "error"))
      with_error++;
  g_assert_cmpuint (with_error, ==, G_N_ELEMENTS (kinds));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a calculator of a working document works */
  g_assert_cmpint (run_pex (&out, &err, "calc", "manufacturing", "cloud", "fee=120000", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"amount\" : 36000"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a broken document says so, naming its plugin */
  g_assert_cmpint (run_pex (&out, &err, "calculators", "bad-quote", NULL), ==, 1);
  assert_told ("pex calculators bad-quote", err, &kinds[8]);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_pex (&out, &err, "calc", "wrong-api", "x", NULL), ==, 1);
  assert_told ("pex calc wrong-api", err, &kinds[2]);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, TRUE);
  pe_ui_init_resources ();

  /* the failures of broken plugins are warnings: collected here, and
   * checked, rather than failing the test */
  logged = g_string_new (NULL);
  g_log_set_handler ("libpeas", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, collect_log, NULL);
  g_log_set_handler ("pe-plugins", G_LOG_LEVEL_WARNING, collect_log, NULL);

  g_test_add_func ("/broken-plugins/window", test_window);
  g_test_add_func ("/broken-plugins/pex", test_pex);

  return g_test_run ();
}
