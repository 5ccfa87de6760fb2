/* pe-search-results.h — the measures found, grouped by document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_SEARCH_RESULTS (pe_search_results_get_type ())

G_DECLARE_FINAL_TYPE (PeSearchResults, pe_search_results, PE, SEARCH_RESULTS, GtkBox)

GtkWidget *pe_search_results_new          (PePluginsEngine *engine);
guint      pe_search_results_search       (PeSearchResults *self,
                                           const char      *query);
void       pe_search_results_forget       (PeSearchResults *self,
                                           const char      *document_id);
gboolean   pe_search_results_activate_first (PeSearchResults *self);
GtkWidget *pe_search_results_get_list     (PeSearchResults *self);

G_END_DECLS
