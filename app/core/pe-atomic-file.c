/* pe-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new contents go to a temporary file beside the target, are flushed
 * to the disk, and only then take the target's name by rename(), which is
 * atomic: at every moment the name holds the old file or the new one,
 * complete. The old file is first linked as NAME~, so the previous
 * version survives too. A failure at any step leaves the target as it
 * was, and says which step failed and where.
 */
#define G_LOG_DOMAIN "pe-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pe-atomic-file.h"

static gboolean
fail_errno (GError    **error,
            int         saved_errno,
            const char *what,
            const char *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s: %s"), path, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      /* some file systems cannot sync a directory; the rename stands */
      (void) fsync (fd);
      close (fd);
    }
}

/**
 * pe_save_file_atomically:
 * @file: a local file
 * @contents: what it is to hold
 *
 * Replaces @file's contents with @contents atomically, keeping the
 * previous version as `NAME~`.
 *
 * Returns: %TRUE on success; on failure @file is untouched and @error
 *   names it and the step that failed
 */
gboolean
pe_save_file_atomically (GFile   *file,
                         GBytes  *contents,
                         GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_tmp = NULL;
  const guint8 *data;
  gsize size;
  int fd;
  int saved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only local files can be saved safely"), uri);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  backup = g_strconcat (path, "~", NULL);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return fail_errno (error, errno, _("cannot create a temporary file in the folder"), path);

  data = g_bytes_get_data (contents, &size);
  if (!write_all (fd, data, size) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      return fail_errno (error, saved, _("cannot write the new contents"), path);
    }
  if (close (fd) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return fail_errno (error, saved, _("cannot write the new contents"), path);
    }

  /* the previous version, under NAME~: linked, so the target never goes */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      backup_tmp = g_strdup_printf ("%s/.%s~.XXXXXX", dir, base);
      fd = g_mkstemp_full (backup_tmp, O_WRONLY | O_CLOEXEC, 0644);
      if (fd >= 0)
        {
          close (fd);
          g_unlink (backup_tmp);
          if (link (path, backup_tmp) == 0)
            {
              if (g_rename (backup_tmp, backup) != 0)
                g_unlink (backup_tmp);
            }
        }
    }

  if (g_rename (tmp, path) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      return fail_errno (error, saved, _("cannot replace the file"), path);
    }
  sync_directory (dir);
  return TRUE;
}
