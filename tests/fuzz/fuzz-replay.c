/* fuzz-replay.c — a fuzz target's entry point over files, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-TARGET FILE-OR-DIRECTORY…
 *
 * Feeds each file (each file of each directory, in name order) to
 * LLVMFuzzerTestOneInput() once. A crash, an assertion or a warning fails
 * the run; ./test replays the seed corpus and every crash kept in
 * tests/fuzz/regressions/ this way, with any compiler.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pe-fuzz.h"

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  /* a fresh copy of exactly the input's size, as libFuzzer gives it, so
   * that a read past the end is seen by the sanitizers */
  {
    g_autofree uint8_t *copy = g_malloc (MAX (size, 1));

    memcpy (copy, data, size);
    printf ("# %s (%zu bytes)\n", path, size);
    fflush (stdout);
    LLVMFuzzerTestOneInput (copy, size);
  }
  n_inputs++;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    replay (argv[i]);
  /* a seed corpus that went missing would otherwise pass unseen */
  if (n_inputs == 0)
    {
      fprintf (stderr, "%s: no inputs to replay\n", argv[0]);
      return 1;
    }
  printf ("# %u inputs replayed\n", n_inputs);
  return 0;
}
