/* pe-measure-list.h — a document's measures, original beside English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_MEASURE_LIST (pe_measure_list_get_type ())

G_DECLARE_FINAL_TYPE (PeMeasureList, pe_measure_list, PE, MEASURE_LIST, GtkBox)

GtkWidget *pe_measure_list_new            (PeDocument    *document);
void       pe_measure_list_set_filter     (PeMeasureList *self,
                                           const char    *text);
guint      pe_measure_list_count_visible  (PeMeasureList *self);
void       pe_measure_list_set_text_language (PeMeasureList *self,
                                              const char    *language);
gboolean   pe_measure_list_show_measure   (PeMeasureList *self,
                                           const char    *measure_id);

G_END_DECLS
