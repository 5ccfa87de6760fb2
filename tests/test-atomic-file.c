/* test-atomic-file.c — pe_save_file_atomically(): nothing is ever lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test program is also its own helper: `--saver FILE FIRST` saves
 * versions FIRST, FIRST+1… of FILE until it is killed (`--profile-saver`
 * the same as profiles, through pe_profile_save()), and `--full-disk DIR`
 * saves on a tmpfs too small for what it writes.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pe-test-harness.h"

/* ---- versions that know whether they are whole ------------------------- */

/* Version @n: a header, then pseudo-random bytes (64 kB to 1 MB, so that
 * saves take long enough to be killed in the middle), then the SHA-256 of
 * all before it. Any mix of two versions, or a cut one, fails check_version. */
static GBytes *
make_version (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  gsize payload = 65536 + g_rand_int_range (rand, 0, 1024 * 1024 - 65536);
  GString *s = g_string_sized_new (payload + 128);
  g_autofree char *sum = NULL;

  g_string_append_printf (s, "pe-atomic-test version %u length %" G_GSIZE_FORMAT "\n", n, payload);
  for (gsize i = 0; i < payload; i++)
    g_string_append_c (s, (char) ('a' + g_rand_int_range (rand, 0, 26)));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) s->str, s->len);
  g_string_append_printf (s, "\n%s\n", sum);
  return g_string_free_to_bytes (s);
}

/* The version @path holds, complete, or -1. */
static int
check_version (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  guint n;
  g_autoptr(GBytes) expected = NULL;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return -1;
  if (sscanf (data, "pe-atomic-test version %u ", &n) != 1)
    return -1;
  expected = make_version (n);
  if (len != g_bytes_get_size (expected) || memcmp (data, g_bytes_get_data (expected, NULL), len) != 0)
    return -1;
  return (int) n;
}

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pe-atomic-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/* The temporary files a save leaves when it is killed: .NAME.XXXXXX */
static guint
remove_temporaries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
        n++;
      }
  return n;
}

static void
save (GFile      *file,
      const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (pe_save_file_atomically (file, bytes, &error));
  g_assert_no_error (error);
}

static char *
contents_of (const char *path)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

/* ---- saving, the backup, permissions, links ---------------------------- */

static void
test_save_and_backup (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "profile.json", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup = pe_get_backup_file (file);
  g_autofree char *got = NULL;
  GStatBuf st;

  g_assert_cmpstr (g_file_peek_path (backup), ==, backup_path);

  /* a new file: only its owner may read it, and there is no backup */
  save (file, "one");
  g_assert_cmpstr ((got = contents_of (path)), ==, "one");
  g_clear_pointer (&got, g_free);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* saved again: the previous version is the backup */
  save (file, "two");
  g_assert_cmpstr ((got = contents_of (path)), ==, "two");
  g_clear_pointer (&got, g_free);
  g_assert_cmpstr ((got = contents_of (backup_path)), ==, "one");
  g_clear_pointer (&got, g_free);

  /* permissions the user gave are kept, by the file and its backup */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  save (file, "three");
  g_assert_cmpstr ((got = contents_of (path)), ==, "three");
  g_clear_pointer (&got, g_free);
  g_assert_cmpstr ((got = contents_of (backup_path)), ==, "two");
  g_clear_pointer (&got, g_free);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* empty contents are contents */
  save (file, "");
  g_assert_cmpstr ((got = contents_of (path)), ==, "");
  g_clear_pointer (&got, g_free);

  /* nothing else is left in the directory */
  g_assert_cmpuint (remove_temporaries (dir), ==, 0);
  remove_dir (dir);
}

static void
test_symlink_followed (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *real = g_build_filename (dir, "real.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GFile) backup = NULL;
  g_autofree char *real_backup = g_strconcat (real, "~", NULL);
  g_autofree char *got = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.json", link_path), ==, 0);
  save (link_file, "new");

  /* the link is still a link, and the file it points to holds the new text */
  g_assert_cmpint (g_lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpstr ((got = contents_of (real)), ==, "new");
  g_clear_pointer (&got, g_free);
  g_assert_cmpstr ((got = contents_of (real_backup)), ==, "old");
  backup = pe_get_backup_file (link_file);
  g_assert_cmpstr (g_file_peek_path (backup), ==, real_backup);
  remove_dir (dir);
}

static void
test_errors_name_the_file (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "profile.json", NULL);
  g_autoptr(GFile) in_missing = g_file_new_for_path (missing);
  g_autoptr(GFile) a_dir = g_file_new_for_path (dir);
  g_autoptr(GFile) remote = g_file_new_for_uri ("resource:///io/github/policyexplorer/x.json");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (pe_save_file_atomically (in_missing, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "creating a temporary file in"));
  g_clear_error (&error);

  g_assert_false (pe_save_file_atomically (a_dir, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  g_assert_false (pe_save_file_atomically (remote, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "resource:///io/github/policyexplorer/x.json"));
  g_clear_error (&error);

  /* a folder the user may not write to (root may write anywhere) */
  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (dir, "read-only", NULL);
      g_autofree char *path = g_build_filename (ro, "profile.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *got = NULL;

      g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_assert_cmpint (g_chmod (ro, 0500), ==, 0);
      g_assert_false (pe_save_file_atomically (file, bytes, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpstr ((got = contents_of (path)), ==, "old");
      g_chmod (ro, 0700);
      remove_dir (ro);
    }
  remove_dir (dir);
}

/* ---- profiles that know whether they are whole ------------------------ */

/* Profile version @n: named "version N", with 300 values of 900
 * characters each (about 300 kB of JSON, so that saves take long enough
 * to be killed in the middle), every value made from @n and its key. */
#define PROFILE_VALUES 300

static char *
profile_value (guint n,
               guint i)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n * 1000 + i);
  char *v = g_malloc (901);

  for (guint k = 0; k < 900; k++)
    v[k] = (char) ('a' + g_rand_int_range (rand, 0, 26));
  v[900] = '\0';
  return v;
}

static PeProfile *
make_profile_version (guint n)
{
  PeProfile *p = pe_profile_new ("enterprise");
  g_autofree char *name = g_strdup_printf ("version %u", n);

  pe_profile_set_name (p, name);
  for (guint i = 0; i < PROFILE_VALUES; i++)
    {
      g_autofree char *key = g_strdup_printf ("test/kill/value%u", i);
      g_autofree char *value = profile_value (n, i);
      g_assert_true (pe_profile_set_value (p, key, value));
    }
  return p;
}

/* The version the profile at @path holds, or -1 when it does not open or
 * is not one whole version. */
static int
check_profile_version (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeProfile) p = pe_profile_new_from_file (file, &error);
  guint n;

  if (p == NULL)
    {
      g_test_message ("%s", error->message);
      return -1;
    }
  if (sscanf (pe_profile_get_name (p), "version %u", &n) != 1 || pe_profile_get_n_values (p) != PROFILE_VALUES)
    return -1;
  for (guint i = 0; i < PROFILE_VALUES; i++)
    {
      g_autofree char *key = g_strdup_printf ("test/kill/value%u", i);
      g_autofree char *value = profile_value (n, i);
      if (g_strcmp0 (pe_profile_get_value (p, key), value) != 0)
        return -1;
    }
  return (int) n;
}

/* ---- killed while saving ----------------------------------------------- */

/* The helper: saves versions first, first + 1, … until killed. */
static int
run_saver (const char *path,
           guint       first,
           gboolean    profiles)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* started: the parent's clock for the kill begins now, not while the
   * program was still being loaded (which a busy machine makes long) */
  fputs ("ready\n", stdout);
  fflush (stdout);
  for (guint n = first;; n++)
    {
      g_autoptr(GError) error = NULL;
      gboolean saved;

      if (profiles)
        {
          g_autoptr(PeProfile) p = make_profile_version (n);
          saved = pe_profile_save (p, file, &error);
        }
      else
        {
          g_autoptr(GBytes) bytes = make_version (n);
          saved = pe_save_file_atomically (file, bytes, &error);
        }
      if (!saved)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}

static char *
self_path (void)
{
  g_autoptr(GError) error = NULL;
  char *self = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return self;
}

/* Kills a saver at random moments, @rounds times, and checks the file
 * after each kill: pe_save_file_atomically() itself, or pe_profile_save()
 * on top of it (@profiles). */
static void
kill_savers (gboolean profiles,
             guint    rounds)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, profiles ? "firm.pe-profile" : "profile.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *self = self_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  int (*check) (const char *) = profiles ? check_profile_version : check_version;
  guint interrupted = 0, advanced = 0;
  gint64 started, one_save;
  int current;

  /* one save, made and written, timed here: the kills fall within the
   * first few saves of each child, however fast or busy the machine */
  started = g_get_monotonic_time ();
  {
    g_autoptr(GError) error = NULL;
    if (profiles)
      {
        g_autoptr(PeProfile) p0 = make_profile_version (0);
        g_assert_true (pe_profile_save (p0, file, &error));
      }
    else
      {
        g_autoptr(GBytes) v0 = make_version (0);
        g_assert_true (pe_save_file_atomically (file, v0, &error));
      }
    g_assert_no_error (error);
  }
  one_save = MAX (g_get_monotonic_time () - started, 1000);
  current = 0;

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *first = g_strdup_printf ("%d", current + 1);
      const char *argv[] = { self, profiles ? "--profile-saver" : "--saver", path, first, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      int now, in_backup;

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      {
        char ready[6];
        gsize got = 0;

        g_assert_true (g_input_stream_read_all (g_subprocess_get_stdout_pipe (child), ready, sizeof ready,
                                                &got, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (got, ==, sizeof ready);
      }
      /* a random moment: within the first save, or the next */
      g_usleep (g_rand_int_range (rand, 0, (gint32) MIN (one_save * 2, G_MAXINT32)));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (child));

      /* the file is a whole version: the one before, or a later one */
      now = check (path);
      if (now < 0)
        g_error ("round %u: %s holds no complete version", round, path);
      g_assert_cmpint (now, >=, current);
      /* and the backup too, when there is one, is whole: an older version,
       * or the same one when the kill came between keeping the backup and
       * renaming the new version into place */
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        {
          in_backup = check (backup);
          if (in_backup < 0)
            g_error ("round %u: %s holds no complete version", round, backup);
          g_assert_cmpint (in_backup, <=, now);
        }
      if (now > current)
        advanced++;
      current = now;
      /* a temporary file left behind: the kill came in the middle of a save */
      if (remove_temporaries (dir) > 0)
        interrupted++;
    }

  g_test_message ("%u rounds: %u killed in the middle of a save, %u after saving a new version",
                  rounds, interrupted, advanced);
  /* the kills did land inside saves and between them */
  g_assert_cmpuint (interrupted, >, rounds / 20);
  g_assert_cmpuint (advanced, >, 0);
  remove_dir (dir);
}

static void
test_killed_while_saving (void)
{
  kill_savers (FALSE, g_test_slow () ? 1000 : 200);
}

static void
test_profile_killed_while_saving (void)
{
  kill_savers (TRUE, g_test_slow () ? 500 : 100);
}

/* ---- a full disk ------------------------------------------------------- */

/* The old file and its backup as they were, no temporary file, and an
 * error that names the file and says why. */
static void
assert_nothing_lost (const char   *dir,
                     const char   *path,
                     const GError *error,
                     const char   *reason)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *got = NULL;

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpstr ((got = contents_of (path)), ==, "second");
  g_clear_pointer (&got, g_free);
  g_assert_cmpstr ((got = contents_of (backup)), ==, "first");
  g_assert_cmpuint (remove_temporaries (dir), ==, 0);
}

/* A write error injected by the kernel: files may not grow past 4 kB
 * (RLIMIT_FSIZE), so writing the new version fails with EFBIG. Runs in a
 * subprocess, which the limit does not outlive. */
static void
test_write_error_keeps_old_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = scratch_dir ();
      g_autofree char *path = g_build_filename (dir, "profile.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) big = make_version (1);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      save (file, "first");
      save (file, "second");
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (pe_save_file_atomically (file, big, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      assert_nothing_lost (dir, path, error, g_strerror (EFBIG));
      remove_dir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The helper on a 64 kB tmpfs: the disk is really full. */
static int
run_full_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "profile.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) big = make_version (7);
  g_autoptr(GError) error = NULL;

  save (file, "first");
  save (file, "second");
  g_assert_false (pe_save_file_atomically (file, big, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_nothing_lost (dir, path, error, g_strerror (ENOSPC));
  g_print ("full disk: %s\n", error->message);
  return 0;
}

/* A tmpfs needs a mount: in a user and mount namespace of our own
 * (unshare), so that neither root nor the machine's mounts are involved. */
static void
test_full_disk_keeps_old_file (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *self = self_path ();
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autoptr(GSubprocess) probe = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (unshare == NULL)
    {
      g_test_skip ("no unshare(1) to mount a small tmpfs; the injected write error covers it");
      remove_dir (dir);
      return;
    }
  probe = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                            unshare, "--user", "--map-root-user", "--mount", "true", NULL);
  g_assert_no_error (error);
  if (!g_subprocess_wait_check (probe, NULL, NULL))
    {
      g_test_skip ("user namespaces are not available to mount a small tmpfs; the injected write error covers it");
      remove_dir (dir);
      return;
    }

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                            unshare, "--user", "--map-root-user", "--mount", "sh", "-c",
                            "mount -t tmpfs -o size=64k tmpfs \"$1\" && exec \"$2\" --full-disk \"$1\"",
                            "sh", dir, self, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (!g_subprocess_get_successful (child))
    g_error ("the full-disk helper failed: %s%s", out, err);
  g_assert_nonnull (strstr (out, "full disk: "));
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--saver"))
    return run_saver (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10), FALSE);
  if (argc == 4 && g_str_equal (argv[1], "--profile-saver"))
    return run_saver (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10), TRUE);
  if (argc == 3 && g_str_equal (argv[1], "--full-disk"))
    return run_full_disk (argv[2]);

  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/atomic-file/save-and-backup", test_save_and_backup);
  g_test_add_func ("/atomic-file/symlink-followed", test_symlink_followed);
  g_test_add_func ("/atomic-file/errors-name-the-file", test_errors_name_the_file);
  g_test_add_func ("/atomic-file/killed-while-saving", test_killed_while_saving);
  g_test_add_func ("/atomic-file/profile-killed-while-saving", test_profile_killed_while_saving);
  g_test_add_func ("/atomic-file/write-error-keeps-old-file", test_write_error_keeps_old_file);
  g_test_add_func ("/atomic-file/full-disk-keeps-old-file", test_full_disk_keeps_old_file);

  return g_test_run ();
}
