/* pe-test-harness.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in libpeas' own tests: the environment is fixed before anything
 * starts, every warning or critical that a test did not announce fails it,
 * and the plugins come from the build directory.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe-test-harness.h"

typedef struct
{
  char *domain;
  char *pattern;
} Expected;

static GPtrArray *expected;
static char *scratch;

static void
remove_scratch (void)
{
  if (scratch != NULL)
    g_rmdir (scratch);   /* empty unless a test left something, then kept to look at */
}
/* Every warning and critical passes here: an announced one is part of the
 * test; any other is printed and ends the test as a failure. */
static void
default_handler (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        data)
{
  if ((level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) == 0)
    {
      if (g_getenv ("G_MESSAGES_DEBUG") != NULL)
        g_log_default_handler (domain, level, message, data);
      return;
    }
  for (guint i = 0; expected && i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);
      if (g_strcmp0 (e->domain, domain) == 0 && g_pattern_match_simple (e->pattern, message))
        {
          g_ptr_array_remove_index (expected, i);
          g_test_message ("expected: %s: %s", domain, message);
          return;
        }
    }
  g_printerr ("unexpected %s from %s: %s\n", (level & G_LOG_LEVEL_WARNING) ? "warning" : "critical",
              domain ? domain : "(app)", message);
  g_test_fail ();
  abort ();
}

static void
expected_free (Expected *e)
{
  g_free (e->domain);
  g_free (e->pattern);
  g_free (e);
}

void
pe_test_init (int      *argc,
              char   ***argv,
              gboolean  gtk)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* no user plugins: only those of the build directory */
  scratch = g_dir_make_tmp ("pe-test-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_setenv ("XDG_CONFIG_HOME", scratch, TRUE);
  atexit (remove_scratch);

  if (gtk)
    {
      gtk_test_init (argc, argv, NULL);
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }
  else
    g_test_init (argc, argv, NULL);

  expected = g_ptr_array_new_with_free_func ((GDestroyNotify) expected_free);
  /* warnings are judged by default_handler, not made fatal by GLib */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (default_handler, NULL);
}

/**
 * pe_test_expect_warning:
 *
 * The next warning of @domain matching @pattern (a glob) is part of the
 * test and does not fail it.
 */
void
pe_test_expect_warning (const char *domain,
                        const char *pattern)
{
  Expected *e = g_new0 (Expected, 1);

  e->domain = g_strdup (domain);
  e->pattern = g_strdup (pattern);
  g_ptr_array_add (expected, e);
}

void
pe_test_assert_expected (void)
{
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);
      g_error ("expected a warning “%s” in %s that did not come", e->pattern, e->domain);
    }
}

PePluginsEngine *
pe_test_engine_new (void)
{
  return pe_plugins_engine_new ();
}

/* Drops the last reference and checks that the object is gone. */
void
pe_test_assert_finalized (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  if (weak != NULL)
    g_error ("a %s was not finalized: a reference leaked", G_OBJECT_TYPE_NAME (weak));
}

static gboolean
on_drawn (GtkWidget *widget,
          cairo_t   *cr,
          gpointer   data)
{
  *(gboolean *) data = TRUE;
  return FALSE;
}

/* Shows @window and runs the main loop until it has painted and has done
 * what it does once it has (the rest of the sidebar, the first page): the
 * window as a user finds it a moment after opening it. Gives up after
 * twenty seconds, times $PE_TEST_SLOWDOWN. */
void
pe_test_show_window (GtkWidget *window)
{
  const char *s = g_getenv ("PE_TEST_SLOWDOWN");
  gint64 slowdown = s != NULL ? CLAMP (g_ascii_strtoll (s, NULL, 10), 1, 100) : 1;
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC * slowdown;
  gboolean drawn = FALSE;
  gulong id;

  g_return_if_fail (GTK_IS_WINDOW (window));

  id = g_signal_connect_after (window, "draw", G_CALLBACK (on_drawn), &drawn);
  gtk_widget_show (window);
  while (!drawn)
    {
      if (g_get_monotonic_time () > end)
        g_error ("the window was not painted within %" G_GINT64_FORMAT " s", 20 * slowdown);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (window, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

char *
pe_test_screenshot_path (const char *name)
{
  const char *dir = g_getenv ("PE_TEST_SCREENSHOT_DIR");

  if (dir == NULL)
    return NULL;
  g_mkdir_with_parents (dir, 0755);
  return g_strdup_printf ("%s/%s.png", dir, name);
}

char *
pe_test_source_path (const char *relative)
{
  return g_build_filename (g_getenv ("PE_SOURCE_ROOT") ? g_getenv ("PE_SOURCE_ROOT") : ".", relative, NULL);
}
