/* test-plugins.c — loading, unloading, reloading, and broken plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pe-test-harness.h"

static PeasPluginInfo *
info_of (PePluginsEngine *engine,
         const char      *module)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (PEAS_ENGINE (engine), module);
  g_assert_nonnull (info);
  return info;
}

static void
test_load_unload_reload (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeasPluginInfo *info = info_of (engine, "manufacturing");
  g_autoptr(GError) error = NULL;
  PeDocument *doc;

  g_assert_cmpstr (pe_plugin_info_get_document_id (info), ==, "manufacturing");
  for (int round = 0; round < 3; round++)
    {
      g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), info));
      g_assert_nonnull (pe_plugins_engine_find_document (engine, "manufacturing"));
      /* read when asked for, once */
      g_assert_null (pe_plugins_engine_peek_document (engine, info));
      doc = pe_plugins_engine_get_document (engine, info, &error);
      g_assert_no_error (error);
      g_assert_true (pe_plugins_engine_get_document (engine, info, NULL) == doc);
      g_assert_cmpuint (pe_document_get_calculators (doc)->len, >, 20);

      g_assert_true (peas_engine_unload_plugin (PEAS_ENGINE (engine), info));
      g_assert_null (pe_plugins_engine_find_document (engine, "manufacturing"));
      g_assert_null (pe_plugins_engine_peek_document (engine, info));
    }
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, 3);
  pe_test_assert_finalized (engine);
}

static void
test_document_outlives_nothing (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeasPluginInfo *info = info_of (engine, "manufacturing");
  g_autoptr(GError) error = NULL;
  PeDocument *doc;
  gpointer weak;

  peas_engine_load_plugin (PEAS_ENGINE (engine), info);
  doc = pe_plugins_engine_get_document (engine, info, &error);
  g_assert_no_error (error);
  weak = doc;
  g_object_add_weak_pointer (G_OBJECT (doc), &weak);
  peas_engine_unload_plugin (PEAS_ENGINE (engine), info);
  /* unloading drops the document */
  g_assert_null (weak);
  pe_test_assert_finalized (engine);
}

typedef struct
{
  const char *module;
  const char *log_domain;     /* the warning the failure logs */
  const char *log_pattern;
  const char *message;        /* what the user is told */
  gboolean    fails_on_load;  /* or only when the document is read */
} Broken;

static const Broken broken[] = {
  { "missing-module", "libpeas", "*missing-module*", "could not be loaded", TRUE },
  { "no-entry", "libpeas", "*peas_register_types*no-entry*", "could not be loaded", TRUE },
  { "wrong-api", "pe-plugins", "*wrong-api*API version 99*", "built for API version 99, but this Policy Explorer has API version 1", TRUE },
  { "duplicate", "pe-plugins", "*duplicate*", "provides the document “manufacturing”, which the plugin “manufacturing”", TRUE },
  { "bad-data", "pe-plugins", "*bad-data*", "$.measures[1].id: a second measure has the id “1”", FALSE },
  { "bad-json", "pe-plugins", "*bad-json*", "not valid JSON: line 7, column 1: expected “,” or “]”, found the end of the file", FALSE },
  { "missing-member", "pe-plugins", "*missing-member*", "$: the member “validity” is missing", FALSE },
  { "wrong-type", "pe-plugins", "*wrong-type*", "$.title: expected {\"zh\": …, \"en\": …}, found a string", FALSE },
  { "bad-quote", "pe-plugins", "*bad-quote*", "the quote “给予20万元奖励” is not in the text of measure “1”", FALSE },
  { "bad-citation", "pe-plugins", "*bad-citation*", "cites measure “9”, which the document does not have", FALSE },
};

static void
on_plugin_error (PePluginsEngine *engine,
                 PeasPluginInfo  *info,
                 GError          *error,
                 GString         *log)
{
  g_string_append_printf (log, "%s: %s\n", peas_plugin_info_get_module_name (info), error->message);
}

static void
test_broken_plugins (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      const Broken *b = &broken[i];
      PePluginsEngine *engine = pe_test_engine_new ();
      g_autoptr(GString) log = g_string_new (NULL);
      PeasPluginInfo *good = info_of (engine, "manufacturing");
      PeasPluginInfo *bad = info_of (engine, b->module);
      g_autoptr(GError) error = NULL;

      g_test_message ("broken plugin: %s", b->module);
      g_signal_connect (engine, "plugin-error", G_CALLBACK (on_plugin_error), log);
      g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), good));

      if (g_str_equal (b->log_domain, "libpeas"))
        {
          /* libpeas logs the cause, then our engine says which plugin failed */
          pe_test_expect_warning ("libpeas", b->log_pattern);
          pe_test_expect_warning ("libpeas", "*Error loading plugin*");
          pe_test_expect_warning ("pe-plugins", "*could not be loaded*");
        }
      else
        pe_test_expect_warning (b->log_domain, b->log_pattern);

      peas_engine_load_plugin (PEAS_ENGINE (engine), bad);
      if (!b->fails_on_load && peas_plugin_info_is_loaded (bad))
        {
          /* the module loaded; its document is refused when read */
          g_assert_null (pe_plugins_engine_get_document (engine, bad, &error));
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, peas_plugin_info_get_name (bad)));
          if (*b->message)
            g_assert_nonnull (strstr (error->message, b->message));
        }
      else
        g_assert_false (peas_plugin_info_is_loaded (bad));

      pe_test_assert_expected ();
      /* the user is told which plugin and why */
      g_assert_nonnull (strstr (log->str, b->module));
      if (*b->message && b->fails_on_load)
        g_assert_nonnull (strstr (log->str, b->message));
      g_assert_nonnull (pe_plugins_engine_get_plugin_error (engine, bad));

      /* and the rest carries on */
      g_clear_error (&error);
      g_assert_nonnull (pe_plugins_engine_get_document (engine, good, &error));
      g_assert_no_error (error);
      g_assert_true (pe_plugins_engine_find_document (engine, "manufacturing") == good);

      pe_test_assert_finalized (engine);
    }
}

/* Reading many documents at once (on every core) gives what reading them
 * one by one gives: the same documents, the same errors, each read once;
 * and a document refused is not read again when asked for. */
static void
test_read_documents (void)
{
  static const char *const good_modules[] = { "manufacturing", "finance", "talent", "land", "courts" };
  static const char *const bad_modules[] = { "bad-data", "bad-json", "bad-quote" };
  PePluginsEngine *engine = pe_test_engine_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  GList *plugins = NULL;

  g_signal_connect (engine, "plugin-error", G_CALLBACK (on_plugin_error), log);
  for (guint i = 0; i < G_N_ELEMENTS (good_modules); i++)
    {
      PeasPluginInfo *info = info_of (engine, good_modules[i]);
      g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), info));
      plugins = g_list_append (plugins, info);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_modules); i++)
    {
      PeasPluginInfo *info = info_of (engine, bad_modules[i]);
      peas_engine_load_plugin (PEAS_ENGINE (engine), info);
      plugins = g_list_append (plugins, info);
    }
  /* one already read stays as it is */
  g_assert_nonnull (pe_plugins_engine_get_document (engine, info_of (engine, "manufacturing"), NULL));
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_modules); i++)
    pe_test_expect_warning ("pe-plugins", "*bad-*");
  pe_plugins_engine_read_documents (engine, plugins);
  pe_test_assert_expected ();
  /* the good ones each read once (a refused one counts for nothing: the
   * strict log, which fails on any warning not expected, shows that it is
   * not read again) */
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, G_N_ELEMENTS (good_modules));

  for (guint i = 0; i < G_N_ELEMENTS (good_modules); i++)
    {
      PeasPluginInfo *info = info_of (engine, good_modules[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) alone_error = NULL;
      g_autofree char *rel = g_strdup_printf ("plugins/%s/data/%s.json", good_modules[i], good_modules[i]);
      g_autofree char *path = pe_test_source_path (rel);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PeDocument) alone = NULL;
      PeDocument *doc = pe_plugins_engine_peek_document (engine, info);

      g_assert_nonnull (doc);
      g_assert_true (pe_plugins_engine_get_document (engine, info, &error) == doc);
      g_assert_no_error (error);
      g_assert_cmpstr (pe_document_get_id (doc), ==, pe_plugin_info_get_document_id (info));
      /* the same document as read alone */
      alone = pe_document_new_from_file (file, &alone_error);
      g_assert_no_error (alone_error);
      g_assert_cmpuint (pe_document_get_measures (doc)->len, ==, pe_document_get_measures (alone)->len);
      g_assert_cmpuint (pe_document_get_calculators (doc)->len, ==, pe_document_get_calculators (alone)->len);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_modules); i++)
    {
      PeasPluginInfo *info = info_of (engine, bad_modules[i]);
      g_autoptr(GError) error = NULL;

      g_assert_null (pe_plugins_engine_peek_document (engine, info));
      g_assert_nonnull (strstr (log->str, bad_modules[i]));
      /* asked for: the error kept, the plugin named, nothing read again */
      g_assert_null (pe_plugins_engine_get_document (engine, info, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, peas_plugin_info_get_name (info)));
      g_assert_nonnull (strstr (error->message, pe_plugins_engine_get_plugin_error (engine, info)->message));
    }
  g_assert_cmpuint (pe_plugins_engine_count_parsed (engine), ==, G_N_ELEMENTS (good_modules));

  /* activated again, a refused plugin is read again */
  {
    PeasPluginInfo *info = info_of (engine, "bad-data");

    g_assert_true (peas_engine_unload_plugin (PEAS_ENGINE (engine), info));
    peas_engine_load_plugin (PEAS_ENGINE (engine), info);
    pe_test_expect_warning ("pe-plugins", "*bad-data*");
    g_assert_null (pe_plugins_engine_get_document (engine, info, NULL));
    pe_test_assert_expected ();
  }

  g_list_free (plugins);
  pe_test_assert_finalized (engine);
}

/* libpeas lists plugins by name: a second plugin for a document, loaded
 * before the first one found, must not take the document from it. */
static void
test_duplicate_loaded_first (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeasPluginInfo *good = info_of (engine, "manufacturing");
  PeasPluginInfo *dup = info_of (engine, "duplicate");

  pe_test_expect_warning ("pe-plugins", "*duplicate*found first*");
  peas_engine_load_plugin (PEAS_ENGINE (engine), dup);
  pe_test_assert_expected ();
  g_assert_false (peas_plugin_info_is_loaded (dup));
  g_assert_nonnull (strstr (pe_plugins_engine_get_plugin_error (engine, dup)->message,
                            "which the plugin “manufacturing”"));
  g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), good));
  g_assert_true (pe_plugins_engine_find_document (engine, "manufacturing") == good);
  pe_test_assert_finalized (engine);
}

/* .plugin files that give no plugin: libpeas logs them and drops them;
 * the engine says which file and why, and the rest carries on. */
static void
test_unusable_plugin_files (void)
{
  const char *saved = g_getenv (PE_PLUGIN_PATH_ENV);
  g_autofree char *copy = g_strdup (saved);
  g_autofree char *path = g_strdup_printf ("%s:%s", saved, g_getenv ("PE_UNUSABLE_PLUGINS_DIR"));
  struct { const char *file; const char *reason; } expected[] = {
    { "malformed.plugin", "is not used: it is not a valid .plugin file (Key file contains line “[Plugin”" },
    { "no-module.plugin", "is not used: it has no Module in its [Plugin] group" },
    { "same-id.plugin", "is not used: its id “manufacturing” is the id of the plugin in" },
  };
  PePluginsEngine *engine;
  GPtrArray *errors;

  g_setenv (PE_PLUGIN_PATH_ENV, path, TRUE);
  /* libpeas' own words in the log (it reads the directories as they are
   * added), then ours */
  pe_test_expect_warning ("libpeas", "*Bad plugin file*malformed.plugin*");
  pe_test_expect_warning ("libpeas", "*Error loading*malformed.plugin*");
  pe_test_expect_warning ("libpeas", "*Could not find 'Module'*no-module.plugin*");
  pe_test_expect_warning ("libpeas", "*Error loading*no-module.plugin*");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s*", expected[i].file);
      pe_test_expect_warning ("pe-plugins", pattern);
    }
  engine = pe_test_engine_new ();
  errors = pe_plugins_engine_get_file_errors (engine);
  pe_test_assert_expected ();

  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < errors->len; j++)
        {
          const GError *e = g_ptr_array_index (errors, j);
          if (strstr (e->message, expected[i].file) != NULL)
            {
              found = TRUE;
              if (strstr (e->message, expected[i].reason) == NULL)
                g_error ("expected “%s” in “%s”", expected[i].reason, e->message);
            }
        }
      g_assert_true (found);
    }
  /* asked again: the same, not read twice */
  g_assert_true (pe_plugins_engine_get_file_errors (engine) == errors);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));

  /* the real manufacturing plugin is the one with that id, and works */
  g_assert_cmpstr (peas_plugin_info_get_name (info_of (engine, "manufacturing")), !=, "Same id");
  g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), info_of (engine, "manufacturing")));
  g_assert_nonnull (pe_plugins_engine_get_document (engine, info_of (engine, "manufacturing"), NULL));
  pe_test_assert_finalized (engine);
  g_setenv (PE_PLUGIN_PATH_ENV, copy, TRUE);
}

static void
test_relative_plugin_path_refused (void)
{
  PePluginsEngine *engine;
  const char *saved = g_getenv (PE_PLUGIN_PATH_ENV);
  g_autofree char *copy = g_strdup (saved);
  g_autofree char *with_relative = g_strdup_printf ("plugins:%s", saved);

  g_setenv (PE_PLUGIN_PATH_ENV, with_relative, TRUE);
  pe_test_expect_warning ("pe-plugins", "*relative plugin directory “plugins”*");
  engine = pe_test_engine_new ();
  pe_test_assert_expected ();
  g_assert_nonnull (peas_engine_get_plugin_info (PEAS_ENGINE (engine), "manufacturing"));
  pe_test_assert_finalized (engine);
  g_setenv (PE_PLUGIN_PATH_ENV, copy, TRUE);
}

static void
test_world_writable_dir_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pe-open-XXXXXX", NULL);
  const char *saved = g_getenv (PE_PLUGIN_PATH_ENV);
  g_autofree char *copy = g_strdup (saved);
  g_autofree char *path = g_strdup_printf ("%s:%s", dir, saved);
  PePluginsEngine *engine;

  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  g_setenv (PE_PLUGIN_PATH_ENV, path, TRUE);
  pe_test_expect_warning ("pe-plugins", "*anyone may write to it*");
  engine = pe_test_engine_new ();
  pe_test_assert_expected ();
  pe_test_assert_finalized (engine);
  g_setenv (PE_PLUGIN_PATH_ENV, copy, TRUE);
  g_rmdir (dir);
}

static void
write_plugin (const char *dir,
              const char *module)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.plugin", dir, module);
  g_autofree char *text = g_strdup_printf ("[Plugin]\nModule=%s\nLoader=C\nName=Planted %s\n"
                                           "X-Policy-Explorer-API=1\nX-Policy-Explorer-Document=planted\n",
                                           module, module);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Trusted directories may hold plugins in subdirectories, and modules are
 * files of their own: a subdirectory or module anyone may write to could
 * have been planted, and is refused before anything of it is loaded. */
static void
test_planted_modules_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pe-planted-XXXXXX", NULL);
  g_autofree char *open_dir = g_build_filename (dir, "open", NULL);
  g_autofree char *module_file = g_build_filename (dir, "libplanted-file.so", NULL);
  const char *saved = g_getenv (PE_PLUGIN_PATH_ENV);
  g_autofree char *copy = g_strdup (saved);
  g_autofree char *path = g_strdup_printf ("%s:%s", saved, dir);
  struct { const char *module; const char *why; } cases[] = {
    { "planted-dir", "may be written by anyone" },
    { "planted-file", "may be written by anyone" },
    { "../planted", "is not a plain name" },       /* a path out of its folder */
  };
  PePluginsEngine *engine;

  g_assert_cmpint (g_mkdir (open_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (open_dir, 0777), ==, 0);
  write_plugin (open_dir, "planted-dir");
  write_plugin (dir, "planted-file");
  {
    g_autofree char *text = g_strdup ("[Plugin]\nModule=../planted\nLoader=C\nName=Planted path\n"
                                      "X-Policy-Explorer-API=1\nX-Policy-Explorer-Document=planted\n");
    g_autofree char *p = g_build_filename (dir, "planted-path.plugin", NULL);
    g_assert_true (g_file_set_contents (p, text, -1, NULL));
  }
  g_assert_true (g_file_set_contents (module_file, "not a module", -1, NULL));
  g_assert_cmpint (g_chmod (module_file, 0666), ==, 0);

  g_setenv (PE_PLUGIN_PATH_ENV, path, TRUE);
  engine = pe_test_engine_new ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PeasPluginInfo *info = info_of (engine, cases[i].module);
      const GError *e;

      g_autofree char *pattern = g_strdup_printf ("*%s*", cases[i].why);

      pe_test_expect_warning ("pe-plugins", pattern);
      peas_engine_load_plugin (PEAS_ENGINE (engine), info);
      pe_test_assert_expected ();
      g_assert_false (peas_plugin_info_is_loaded (info));
      e = pe_plugins_engine_get_plugin_error (engine, info);
      g_assert_nonnull (e);
      g_assert_nonnull (strstr (e->message, cases[i].why));
    }
  pe_test_assert_finalized (engine);
  g_setenv (PE_PLUGIN_PATH_ENV, copy, TRUE);

  g_unlink (module_file);
  {
    g_autofree char *p1 = g_build_filename (open_dir, "planted-dir.plugin", NULL);
    g_autofree char *p2 = g_build_filename (dir, "planted-file.plugin", NULL);
    g_autofree char *p3 = g_build_filename (dir, "planted-path.plugin", NULL);
    g_unlink (p1);
    g_unlink (p2);
    g_unlink (p3);
  }
  g_rmdir (open_dir);
  g_rmdir (dir);
}

/* Never the current directory: an empty entry of the path is no entry,
 * and "." is relative, refused with a warning. */
static void
test_current_directory_not_searched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pe-cwd-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *plugin = g_build_filename (dir, "planted-cwd.plugin", NULL);
  const char *saved = g_getenv (PE_PLUGIN_PATH_ENV);
  g_autofree char *copy = g_strdup (saved);
  g_autofree char *path = g_strdup_printf ("::%s:.", saved);
  PePluginsEngine *engine;

  write_plugin (dir, "planted-cwd");
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_setenv (PE_PLUGIN_PATH_ENV, path, TRUE);
  pe_test_expect_warning ("pe-plugins", "*relative plugin directory “.”*");
  engine = pe_test_engine_new ();
  pe_test_assert_expected ();
  g_assert_null (peas_engine_get_plugin_info (PEAS_ENGINE (engine), "planted-cwd"));
  g_assert_nonnull (peas_engine_get_plugin_info (PEAS_ENGINE (engine), "manufacturing"));
  pe_test_assert_finalized (engine);

  g_setenv (PE_PLUGIN_PATH_ENV, copy, TRUE);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_unlink (plugin);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/plugins/load-unload-reload", test_load_unload_reload);
  g_test_add_func ("/plugins/unload-drops-document", test_document_outlives_nothing);
  g_test_add_func ("/plugins/broken", test_broken_plugins);
  g_test_add_func ("/plugins/read-documents", test_read_documents);
  g_test_add_func ("/plugins/duplicate-loaded-first", test_duplicate_loaded_first);
  g_test_add_func ("/plugins/unusable-plugin-files", test_unusable_plugin_files);
  g_test_add_func ("/plugins/relative-path-refused", test_relative_plugin_path_refused);
  g_test_add_func ("/plugins/world-writable-dir-refused", test_world_writable_dir_refused);
  g_test_add_func ("/plugins/planted-modules-refused", test_planted_modules_refused);
  g_test_add_func ("/plugins/current-directory-not-searched", test_current_directory_not_searched);

  return g_test_run ();
}
