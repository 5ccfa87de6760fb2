/* pe-document-provider-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pe-document-provider.h"

G_BEGIN_DECLS

/* The GResource path of a provider made by
 * pe_document_provider_register_resource(), else NULL: such a document
 * is read by our own code alone, and so may be read on any thread. */
const char *_pe_document_provider_get_resource (PeDocumentProvider *self);

G_END_DECLS
