/* pe-document-provider.h — what a plugin gives: its document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The extension interface without GTK: the command line, batch runs and
 * tests use it with no display. A plugin whose document is a JSON file in
 * its own GResource needs no code of its own for it; see
 * pe_document_provider_register_resource().
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <libpeas/peas.h>

#include "pe-document.h"

G_BEGIN_DECLS

#define PE_TYPE_DOCUMENT_PROVIDER (pe_document_provider_get_type ())

G_DECLARE_INTERFACE (PeDocumentProvider, pe_document_provider, PE, DOCUMENT_PROVIDER, GObject)

struct _PeDocumentProviderInterface
{
  GTypeInterface parent_iface;

  PeDocument *(*load_document) (PeDocumentProvider  *self,
                                GError             **error);
};

PeDocument *pe_document_provider_load_document      (PeDocumentProvider  *self,
                                                     GError             **error);
void        pe_document_provider_register_resource  (PeasObjectModule    *module,
                                                     const char          *resource_path);

G_END_DECLS
