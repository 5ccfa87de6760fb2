/* pe-document-set.h — the documents of the active plugins, read without
 * blocking the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_DOCUMENT_SET (pe_document_set_get_type ())

G_DECLARE_FINAL_TYPE (PeDocumentSet, pe_document_set, PE, DOCUMENT_SET, GObject)

PeDocumentSet   *pe_document_set_new           (PePluginsEngine *engine);
PePluginsEngine *pe_document_set_get_engine    (PeDocumentSet   *self);
void             pe_document_set_load          (PeDocumentSet   *self);
gboolean         pe_document_set_is_ready      (PeDocumentSet   *self);
GPtrArray       *pe_document_set_get_documents (PeDocumentSet   *self);
GList           *pe_document_set_get_plugins   (PeDocumentSet   *self);
PeDocument      *pe_document_set_peek          (PeDocumentSet   *self,
                                                PeasPluginInfo  *info);
const char      *pe_document_set_get_error     (PeDocumentSet   *self,
                                                PeasPluginInfo  *info);
PeDocument      *pe_document_set_find          (PeDocumentSet   *self,
                                                const char      *document_id);

G_END_DECLS
