/* test-startup.c — what opening the window costs, counted, not timed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timings are left to bench/run (a shared machine makes them flaky);
 * these tests hold what makes start-up fast: active plugins cost their
 * .plugin file and nothing more, no document is read and no plugin module
 * is loaded before the first frame, and afterwards only the document
 * shown and its module.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "pe-application.h"
#include "pe-test-harness.h"
#include "pe-window.h"

static guint
count_loaded_modules (PePluginsEngine *engine)
{
  guint n = 0;

  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (engine)); l; l = l->next)
    if (peas_plugin_info_is_loaded (l->data))
      n++;
  return n;
}

static guint
count_document_plugins (PePluginsEngine *engine)
{
  GList *list = pe_plugins_engine_get_document_plugins (engine);
  guint n = g_list_length (list);

  g_list_free (list);
  return n;
}

/* The settings the application uses, in memory. */
static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, PE_APP_ID, TRUE);
  g_assert_nonnull (schema);
  return g_settings_new (PE_APP_ID);
}

static void
on_load_plugin (PeasEngine     *engine,
                PeasPluginInfo *info,
                guint          *count)
{
  (*count)++;
}

/* Active is not loaded: the sidebar and the setting have what they need
 * from the .plugin files, and a module is loaded when its document is. */
static void
test_active_is_not_loaded (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  const char *names[] = { "manufacturing", "land", "no-such-plugin", NULL };
  g_auto(GStrv) active = NULL;
  PeasPluginInfo *land;
  guint heard = 0;
  PeDocument *doc;
  g_autoptr(GError) error = NULL;

  g_signal_connect (engine, "load-plugin", G_CALLBACK (on_load_plugin), &heard);
  pe_plugins_engine_set_active_plugins (engine, names);
  /* those who listen hear of each plugin made active */
  g_assert_cmpuint (heard, ==, 2);
  g_assert_cmpuint (count_document_plugins (engine), ==, 2);
  g_assert_cmpuint (count_loaded_modules (engine), ==, 0);
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, 0);

  /* a plugin that is not installed stays enabled in the setting */
  active = pe_plugins_engine_dup_active_plugins (engine);
  g_assert_true (g_strv_equal ((const char * const *) active, names));

  land = pe_plugins_engine_find_document (engine, "land");
  g_assert_nonnull (land);
  g_assert_true (pe_plugins_engine_is_active (engine, land));
  g_assert_false (peas_plugin_info_is_loaded (land));
  doc = pe_plugins_engine_get_document (engine, land, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  /* that module, and no other */
  g_assert_true (peas_plugin_info_is_loaded (land));
  g_assert_cmpuint (count_loaded_modules (engine), ==, 1);
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, 1);

  /* disabling one whose module never loaded takes it out all the same */
  {
    const char *fewer[] = { "land", NULL };
    g_auto(GStrv) now = NULL;

    pe_plugins_engine_set_active_plugins (engine, fewer);
    g_assert_null (pe_plugins_engine_find_document (engine, "manufacturing"));
    g_assert_cmpuint (count_document_plugins (engine), ==, 1);
    now = pe_plugins_engine_dup_active_plugins (engine);
    g_assert_true (g_strv_equal ((const char * const *) now, fewer));
  }

  /* the user disabling a loaded plugin: the setting follows */
  g_assert_true (peas_engine_unload_plugin (PEAS_ENGINE (engine), land));
  g_assert_cmpuint (count_document_plugins (engine), ==, 0);
  {
    g_auto(GStrv) none = pe_plugins_engine_dup_active_plugins (engine);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
  pe_test_assert_finalized (engine);
}

/* The setting keeps what the user enabled when the engine goes away:
 * unloading everything on the way out is not disabling it. */
static void
test_setting_survives_shutdown (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  PePluginsEngine *engine = pe_test_engine_new ();

  pe_plugins_engine_bind_settings (engine, settings);
  before = g_settings_get_strv (settings, "active-plugins");
  g_assert_cmpuint (g_strv_length (before), ==, count_document_plugins (engine));
  g_assert_nonnull (pe_plugins_engine_get_document (engine, pe_plugins_engine_find_document (engine, "manufacturing"), NULL));
  pe_test_assert_finalized (engine);
  after = g_settings_get_strv (settings, "active-plugins");
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));
}

/* An engine made without reading its directories takes the setting as it
 * is, and applies it when it reads them; anything that lists or finds
 * plugins reads them first. */
static void
test_scan_applies_setting (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  const char *const only[] = { "land", "manufacturing", NULL };
  g_auto(GStrv) kept = NULL;
  PePluginsEngine *engine = pe_plugins_engine_new_unscanned ();
  guint loads = 0;

  g_signal_connect (engine, "load-plugin", G_CALLBACK (on_load_plugin), &loads);
  g_settings_set_strv (settings, "active-plugins", only);
  pe_plugins_engine_bind_settings (engine, settings);
  g_assert_null (peas_engine_get_plugin_list (PEAS_ENGINE (engine)));
  g_assert_cmpuint (loads, ==, 0);
  kept = g_settings_get_strv (settings, "active-plugins");
  g_assert_true (g_strv_equal ((const char * const *) only, (const char * const *) kept));

  g_assert_nonnull (pe_plugins_engine_find_document (engine, "land"));
  g_assert_cmpuint (loads, ==, 2);
  g_assert_null (pe_plugins_engine_find_document (engine, "finance"));
  g_assert_cmpuint (count_document_plugins (engine), ==, 2);
  g_assert_cmpuint (count_loaded_modules (engine), ==, 0);
  /* once */
  pe_plugins_engine_scan (engine);
  g_assert_cmpuint (loads, ==, 2);
  g_settings_reset (settings, "active-plugins");
  pe_test_assert_finalized (engine);
}

typedef struct
{
  PePluginsEngine *engine;
  PeWindow        *window;
  gboolean         drawn;
  guint            parsed_at_draw;
  guint            loaded_at_draw;
  guint            pages_at_draw;
  guint            rows_at_draw;
  guint            listed_at_draw;
} FirstFrame;

/* The sidebar's document rows. */
static guint
count_document_rows (PeWindow *window)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (pe_window_get_sidebar (window)));
  guint documents = 0;

  for (GList *l = rows; l; l = l->next)
    if (g_object_get_data (l->data, "pe-document-id") != NULL)
      documents++;
  g_list_free (rows);
  return documents;
}

static gboolean
on_draw (GtkWidget  *widget,
         cairo_t    *cr,
         FirstFrame *f)
{
  if (!f->drawn)
    {
      f->drawn = TRUE;
      f->parsed_at_draw = pe_plugins_engine_count_parsed (f->engine);
      f->loaded_at_draw = count_loaded_modules (f->engine);
      f->pages_at_draw = pe_window_count_pages (f->window);
      f->rows_at_draw = count_document_rows (f->window);
      f->listed_at_draw = g_list_length ((GList *) peas_engine_get_plugin_list (PEAS_ENGINE (f->engine)));
    }
  return FALSE;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The window as the application opens it: an engine that has not read
 * its plugin directories, every plugin active, the document last shown
 * remembered. */
static void
test_window_first_frame (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_auto(GStrv) active = NULL;
  g_auto(GStrv) active_after = NULL;
  PePluginsEngine *engine = pe_plugins_engine_new_unscanned ();
  FirstFrame f = { engine, NULL, FALSE, 0, 0, 0, G_MAXUINT, G_MAXUINT };
  PeasPluginInfo *land;
  gboolean timed_out = FALSE;
  guint timeout;

  pe_ui_init_resources ();
  g_settings_set_string (settings, "last-document", "land");
  pe_plugins_engine_bind_settings (engine, settings);
  active = g_settings_get_strv (settings, "active-plugins");
  g_assert_cmpuint (g_strv_length (active), >=, 13);
  g_assert_null (peas_engine_get_plugin_list (PEAS_ENGINE (engine)));

  f.window = pe_window_new (NULL, engine, settings);
  g_signal_connect (f.window, "draw", G_CALLBACK (on_draw), &f);
  gtk_widget_show (GTK_WIDGET (f.window));
  timeout = g_timeout_add_seconds (20, on_timeout, &timed_out);
  while (!timed_out && (!f.drawn || pe_window_count_pages (f.window) == 0))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  /* the first frame: the header bar and the explorer's own rows; no
   * document read, no module loaded, no page built, no document row */
  g_assert_true (f.drawn);
  g_assert_cmpuint (f.parsed_at_draw, ==, 0);
  g_assert_cmpuint (f.loaded_at_draw, ==, 0);
  g_assert_cmpuint (f.pages_at_draw, ==, 0);
  g_assert_cmpuint (f.rows_at_draw, ==, 0);
  g_assert_cmpuint (f.listed_at_draw, ==, 0);

  /* then every document's row, from its .plugin file, and the document
   * the user left off at: only it is read */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_document_plugins (engine), >=, 13);
  g_assert_cmpuint (count_document_rows (f.window), ==, count_document_plugins (engine));
  /* and the setting, bound before the plugins were read, kept its value */
  active_after = g_settings_get_strv (settings, "active-plugins");
  g_assert_true (g_strv_equal ((const char * const *) active, (const char * const *) active_after));
  land = pe_plugins_engine_find_document (engine, "land");
  g_assert_cmpuint (pe_window_count_pages (f.window), ==, 1);
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, 1);
  g_assert_nonnull (pe_plugins_engine_peek_document (engine, land));
  g_assert_cmpuint (count_loaded_modules (engine), ==, 1);
  g_assert_true (peas_plugin_info_is_loaded (land));

  gtk_widget_destroy (GTK_WIDGET (f.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

/* The shortcuts window is built when asked for, not with the window. */
static void
test_help_overlay_on_demand (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeWindow *window;
  GtkShortcutsWindow *overlay;

  pe_ui_init_resources ();
  window = pe_window_new (NULL, engine, NULL);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  /* asked again: the same one */
  gtk_widget_hide (GTK_WIDGET (overlay));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_widget_destroy (GTK_WIDGET (overlay));
  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, TRUE);

  g_test_add_func ("/startup/active-is-not-loaded", test_active_is_not_loaded);
  g_test_add_func ("/startup/setting-survives-shutdown", test_setting_survives_shutdown);
  g_test_add_func ("/startup/scan-applies-setting", test_scan_applies_setting);
  g_test_add_func ("/startup/window-first-frame", test_window_first_frame);
  g_test_add_func ("/startup/help-overlay-on-demand", test_help_overlay_on_demand);

  return g_test_run ();
}
