/* pe-item-lists.h — a document's lists (the text's enumerations), filterable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_ITEM_LISTS (pe_item_lists_get_type ())

G_DECLARE_FINAL_TYPE (PeItemLists, pe_item_lists, PE, ITEM_LISTS, GtkBox)

GtkWidget *pe_item_lists_new           (PeDocument  *document);
void       pe_item_lists_set_filter    (PeItemLists *self,
                                        const char  *text);
guint      pe_item_lists_count_visible (PeItemLists *self,
                                        const char  *list_id);
gboolean   pe_item_lists_show_list     (PeItemLists *self,
                                        const char  *list_id);

G_END_DECLS
