/* pe-links-label-private.h — a sentence whose words lead to fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *_pe_links_label_new (const char *lead,
                                GPtrArray  *keys,
                                GPtrArray  *labels);

G_END_DECLS
