/* pe-fuzz.c — set-up and checks shared by the fuzz targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe-fuzz.h"

/* GLib ends a fatal message with SIGTRAP, which libFuzzer does not catch:
 * abort instead, so that it saves the input. */
static void
abort_on_warning (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return;
  /* printed here: GLib's own handler would trap on an error */
  fprintf (stderr, "%s: %s\n", domain ? domain : "fuzz", message);
  abort ();
}

/* A warning or critical is a bug the fuzzer has found: make it a crash,
 * so that libFuzzer keeps the input. Messages in English, as the checks
 * below read them. */
void
pe_fuzz_setup (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_default_handler (abort_on_warning, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every document of the source tree, as the plugins carry them: the
 * calculators and fields the real inputs go to. */
GPtrArray *
pe_fuzz_load_documents (void)
{
  g_autofree char *dir_path = g_build_filename (PE_SOURCE_ROOT, "plugins", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (dir == NULL)
    g_error ("no plugins in %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* the same order on every machine, so that an input means the same */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *json = g_strconcat (n, ".json", NULL);
      g_autofree char *path = g_build_filename (dir_path, n, "data", json, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      PeDocument *doc;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      doc = pe_document_new_from_file (file, &error);
      if (doc == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (docs, doc);
    }
  if (docs->len == 0)
    g_error ("no documents under %s", dir_path);
  return docs;
}

/* What a person is told must be readable: valid UTF-8, and short enough
 * to read, whatever was typed (a megabyte pasted into a field is not
 * quoted back). */
void
pe_fuzz_check_message (const GError *error,
                       gsize         max_length)
{
  g_assert (error != NULL);
  g_assert (error->message != NULL);
  g_assert (*error->message != '\0');
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("a message that is not UTF-8");
  if (strlen (error->message) > max_length)
    g_error ("a message of %zu bytes: %.200s…", strlen (error->message), error->message);
}
