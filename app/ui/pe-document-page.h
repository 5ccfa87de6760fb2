/* pe-document-page.h — one document: its facts, measures, calculators
 * and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <libpeas/peas.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_DOCUMENT_PAGE (pe_document_page_get_type ())

G_DECLARE_FINAL_TYPE (PeDocumentPage, pe_document_page, PE, DOCUMENT_PAGE, GtkBox)

GtkWidget   *pe_document_page_new              (PePluginsEngine *engine,
                                                PeasPluginInfo  *info,
                                                PeDocument      *document);
PeDocument  *pe_document_page_get_document     (PeDocumentPage  *self);
PeasPluginInfo *pe_document_page_get_plugin_info (PeDocumentPage *self);
void         pe_document_page_add_section      (PeDocumentPage  *self,
                                                const char      *id,
                                                const char      *title,
                                                GtkWidget       *widget);
void         pe_document_page_remove_section   (PeDocumentPage  *self,
                                                const char      *id);
void         pe_document_page_show_section     (PeDocumentPage  *self,
                                                const char      *id);
GtkWidget   *pe_document_page_show_calculator  (PeDocumentPage  *self,
                                                const char      *calculator_id);
gboolean     pe_document_page_show_measure     (PeDocumentPage  *self,
                                                const char      *measure_id);
gboolean     pe_document_page_show_list        (PeDocumentPage  *self,
                                                const char      *list_id,
                                                const char      *filter);
GtkWidget   *pe_document_page_get_measure_list (PeDocumentPage  *self);
GtkWidget   *pe_document_page_get_item_lists   (PeDocumentPage  *self);
GList       *pe_document_page_get_chart_views  (PeDocumentPage  *self);
void         pe_document_page_set_as_of        (PeDocumentPage  *self,
                                                guint32          julian);
void         pe_document_page_set_text_language (PeDocumentPage *self,
                                                 const char     *language);

G_END_DECLS
