/* pe-atomic-file.c — saving a file so that nothing is ever lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new contents go to a temporary file in the same directory, which is
 * written in full and fsync()ed; the previous version is kept as NAME~
 * (a hard link, replaced atomically by rename(), or a copy where the file
 * system has no hard links); then the temporary file is renamed over NAME
 * and the directory is fsync()ed, so that the renames are on the disk too.
 * A rename within a directory is atomic: whenever the process is killed
 * or the machine stops, NAME is the old version or the new one, complete,
 * and NAME~ a complete earlier version (the old one itself, when a save
 * was stopped after keeping it). A failure at any step
 * (a full disk, a read-only directory) leaves NAME as it was and says
 * which file and why.
 *
 * Settings are not saved here: they are GSettings, whose dconf and keyfile
 * backends write atomically themselves (see SECURITY.md).
 */
#define G_LOG_DOMAIN "pe-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pe-atomic-file.h"

typedef struct
{
  const char  *display;   /* the file's name as the user knows it */
  GError     **error;
} Saving;

G_GNUC_PRINTF (3, 4)
static gboolean
fail_errno (Saving     *s,
            int         saved_errno,
            const char *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: the first %s is a file, the second what failed
   * (“writing /home/…/.x.json.QX12”), the third the system's reason */
  g_set_error (s->error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s: %s"), s->display, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        size,
           int         *saved_errno)
{
  while (size > 0)
    {
      gssize n = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Writes @data to a new temporary file beside @target, fsync()ed and
 * closed, with @mode. Returns its name, or NULL with the error set. */
static char *
write_temporary (Saving      *s,
                 const char  *dir,
                 const char  *base,
                 const char  *data,
                 gsize        size,
                 mode_t       mode)
{
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd, saved_errno = 0;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      fail_errno (s, saved_errno, _("creating a temporary file in “%s”"), dir);
      return NULL;
    }

  if (fchmod (fd, mode) != 0)
    saved_errno = errno, fail_errno (s, saved_errno, _("setting the permissions of “%s”"), tmp);
  else if (!write_all (fd, data, size, &saved_errno))
    fail_errno (s, saved_errno, _("writing “%s”"), tmp);
  else if (fsync (fd) != 0)
    saved_errno = errno, fail_errno (s, saved_errno, _("writing “%s” to the disk"), tmp);

  /* close() can report a write error too (NFS, quotas) */
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno, fail_errno (s, saved_errno, _("closing “%s”"), tmp);

  if (saved_errno != 0)
    {
      g_unlink (tmp);
      return NULL;
    }
  return g_steal_pointer (&tmp);
}

/* A copy of @target as a temporary file, for file systems without hard
 * links. */
static char *
copy_temporary (Saving      *s,
                const char  *target,
                const char  *dir,
                const char  *base,
                mode_t       mode)
{
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  if (!g_file_get_contents (target, &old, &size, &error))
    {
      g_set_error (s->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: keeping its previous version: %s"), s->display, error->message);
      return NULL;
    }
  return write_temporary (s, dir, base, old, size, mode);
}

/* NAME~ becomes the version NAME has now: a hard link to it under a
 * temporary name, renamed over NAME~, so that NAME~ too is always whole. */
static gboolean
keep_backup (Saving      *s,
             const char  *target,
             const char  *dir,
             const char  *base,
             mode_t       mode)
{
  g_autofree char *backup = g_strconcat (target, PE_BACKUP_SUFFIX, NULL);
  g_autofree char *backup_base = g_strconcat (base, PE_BACKUP_SUFFIX, NULL);
  g_autofree char *link_name = NULL;

  for (int attempt = 0; attempt < 100 && link_name == NULL; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s/.%s.%08x", dir, backup_base, g_random_int ());

      if (link (target, name) == 0)
        link_name = g_steal_pointer (&name);
      else if (errno == EEXIST)
        continue;
      else if (errno == EPERM || errno == EOPNOTSUPP || errno == EMLINK || errno == ENOSYS)
        {
          /* no hard links here (FAT, some network file systems): a copy */
          if ((link_name = copy_temporary (s, target, dir, backup_base, mode)) == NULL)
            return FALSE;
        }
      else
        return fail_errno (s, errno, _("keeping its previous version as “%s”"), backup);
    }
  if (link_name == NULL)
    return fail_errno (s, EEXIST, _("keeping its previous version as “%s”"), backup);

  if (g_rename (link_name, backup) != 0)
    {
      int saved_errno = errno;
      g_unlink (link_name);
      return fail_errno (s, saved_errno, _("keeping its previous version as “%s”"), backup);
    }
  return TRUE;
}

static gboolean
sync_directory (Saving     *s,
                const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    return fail_errno (s, errno, _("opening the folder “%s”"), dir);
  if (fsync (fd) != 0 && errno != EINVAL)   /* EINVAL: cannot be synced, nothing to do */
    {
      saved_errno = errno;
      close (fd);
      return fail_errno (s, saved_errno, _("writing the folder “%s” to the disk"), dir);
    }
  close (fd);
  return TRUE;
}

/**
 * pe_save_file_atomically:
 * @file: a local file
 * @contents: what it is to hold
 * @error: which file could not be saved, at which step, and why
 *
 * Replaces @file with @contents so that, whatever happens meanwhile (the
 * process is killed, the disk is full, the power fails), @file holds
 * either its previous contents or @contents, complete, never a mix nor
 * nothing. The previous version is kept beside it as NAME~
 * (%PE_BACKUP_SUFFIX; see pe_get_backup_file()).
 *
 * A new file is created readable and writable by its owner only; an
 * existing one keeps its permissions. A symbolic link is followed, so the
 * file it points to is replaced and the link stays. @file must be local:
 * atomic replacement needs rename() within one directory.
 *
 * On failure @file is as it was and @error (%G_IO_ERROR) names the file,
 * the step that failed (with the temporary file's name) and the system's
 * reason, e.g. “Could not save “a.json”: writing “/home/u/.a.json.QX12ab”:
 * No space left on device”.
 *
 * Returns: %TRUE when @file holds @contents, on the disk
 */
gboolean
pe_save_file_atomically (GFile   *file,
                         GBytes  *contents,
                         GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  Saving s;
  GStatBuf st;
  gboolean exists;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_file_get_parse_name (file);
  s.display = display;
  s.error = error;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only a local file can be replaced safely"), display);
      return FALSE;
    }

  /* a symbolic link stays, and the file it points to is replaced */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);
      if (real == NULL)
        return fail_errno (&s, errno, _("following the link “%s”"), path);
      target = g_strdup (real);
      free (real);
    }
  else
    target = g_strdup (path);

  exists = g_stat (target, &st) == 0;
  if (!exists && errno != ENOENT)
    return fail_errno (&s, errno, _("looking at “%s”"), target);
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: it is not a regular file"), display);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  data = g_bytes_get_data (contents, &size);

  tmp = write_temporary (&s, dir, base, data ? data : "", size, exists ? (st.st_mode & 07777) : 0600);
  if (tmp == NULL)
    return FALSE;

  if (exists && !keep_backup (&s, target, dir, base, st.st_mode & 07777))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp);
      return fail_errno (&s, saved_errno, _("renaming “%s” to “%s”"), tmp, target);
    }

  return sync_directory (&s, dir);
}

/**
 * pe_get_backup_file:
 * @file: a file saved with pe_save_file_atomically()
 *
 * When @file is a symbolic link, the backup is beside the file it points
 * to.
 *
 * Returns: (transfer full): where its previous version is kept, NAME~
 */
GFile *
pe_get_backup_file (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *backup_uri = g_strconcat (uri, PE_BACKUP_SUFFIX, NULL);
      return g_file_new_for_uri (backup_uri);
    }
  {
    /* as pe_save_file_atomically() does: beside the file a link points to */
    char *real = realpath (path, NULL);
    if (real != NULL)
      {
        g_free (path);
        path = g_strdup (real);
        free (real);
      }
  }
  backup = g_strconcat (path, PE_BACKUP_SUFFIX, NULL);
  return g_file_new_for_path (backup);
}
