/* pe-atomic-file.h — saving a file so that nothing is ever lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PE_BACKUP_SUFFIX:
 *
 * What pe_save_file_atomically() appends to a file's name for the backup
 * of its previous version: `profile.json` keeps `profile.json~`.
 */
#define PE_BACKUP_SUFFIX "~"

gboolean pe_save_file_atomically (GFile   *file,
                                  GBytes  *contents,
                                  GError **error);
GFile   *pe_get_backup_file       (GFile   *file);

G_END_DECLS
