/* pe-atomic-file.h — writing a file so that it is never half written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean pe_save_file_atomically (GFile   *file,
                                  GBytes  *contents,
                                  GError **error);

G_END_DECLS
