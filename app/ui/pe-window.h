/* pe-window.h — the main window: documents in a sidebar, a page each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"
#include "pe-document-set.h"

G_BEGIN_DECLS

#define PE_TYPE_WINDOW (pe_window_get_type ())

G_DECLARE_FINAL_TYPE (PeWindow, pe_window, PE, WINDOW, GtkApplicationWindow)

PeWindow   *pe_window_new             (GtkApplication  *application,
                                       PePluginsEngine *engine,
                                       GSettings       *settings);
GtkWidget  *pe_window_show_document   (PeWindow        *self,
                                       const char      *document_id);
GtkWidget  *pe_window_get_sidebar     (PeWindow        *self);
GtkWidget  *pe_window_get_visible_page (PeWindow       *self);
guint       pe_window_count_pages     (PeWindow        *self);
const char *pe_window_get_message     (PeWindow        *self);
guint       pe_window_search          (PeWindow        *self,
                                       const char      *query);
GtkWidget  *pe_window_show_page       (PeWindow        *self,
                                       const char      *name);
GtkWidget  *pe_window_confirm_close   (PeWindow        *self);
PeDocumentSet *pe_window_get_document_set (PeWindow    *self);

G_END_DECLS
