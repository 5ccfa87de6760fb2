/* pe-document-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-document-provider"

#include "config.h"

#include "pe-document-provider-private.h"
#include "pe-error.h"

G_DEFINE_INTERFACE (PeDocumentProvider, pe_document_provider, G_TYPE_OBJECT)

static void
pe_document_provider_default_init (PeDocumentProviderInterface *iface)
{
}

/**
 * pe_document_provider_load_document:
 * @self: a provider
 * @error: why the document could not be loaded
 *
 * Reads and checks the document. The plugins engine calls this once, the
 * first time the document is needed, and keeps the result.
 *
 * Returns: (transfer full): the document, or %NULL
 */
PeDocument *
pe_document_provider_load_document (PeDocumentProvider  *self,
                                    GError             **error)
{
  PeDocumentProviderInterface *iface;

  g_return_val_if_fail (PE_IS_DOCUMENT_PROVIDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = PE_DOCUMENT_PROVIDER_GET_IFACE (self);
  if (iface->load_document == NULL)
    {
      g_set_error_literal (error, PE_ERROR, PE_ERROR_PLUGIN,
                           "the plugin does not implement load_document");
      return NULL;
    }
  return iface->load_document (self, error);
}

/* The provider of a document stored as JSON in a GResource. */

#define PE_TYPE_RESOURCE_DOCUMENT_PROVIDER (pe_resource_document_provider_get_type ())
G_DECLARE_FINAL_TYPE (PeResourceDocumentProvider, pe_resource_document_provider,
                      PE, RESOURCE_DOCUMENT_PROVIDER, GObject)

struct _PeResourceDocumentProvider
{
  GObject  parent_instance;
  char    *resource_path;
};

static void provider_iface_init (PeDocumentProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PeResourceDocumentProvider, pe_resource_document_provider,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PE_TYPE_DOCUMENT_PROVIDER, provider_iface_init))

static PeDocument *
resource_load_document (PeDocumentProvider  *provider,
                        GError             **error)
{
  PeResourceDocumentProvider *self = PE_RESOURCE_DOCUMENT_PROVIDER (provider);

  return pe_document_new_from_resource (self->resource_path, error);
}

static void
provider_iface_init (PeDocumentProviderInterface *iface)
{
  iface->load_document = resource_load_document;
}

const char *
_pe_document_provider_get_resource (PeDocumentProvider *self)
{
  g_assert (PE_IS_DOCUMENT_PROVIDER (self));
  return PE_IS_RESOURCE_DOCUMENT_PROVIDER (self) ? PE_RESOURCE_DOCUMENT_PROVIDER (self)->resource_path : NULL;
}

static void
pe_resource_document_provider_finalize (GObject *object)
{
  g_free (PE_RESOURCE_DOCUMENT_PROVIDER (object)->resource_path);
  G_OBJECT_CLASS (pe_resource_document_provider_parent_class)->finalize (object);
}

static void
pe_resource_document_provider_class_init (PeResourceDocumentProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_resource_document_provider_finalize;
}

static void
pe_resource_document_provider_init (PeResourceDocumentProvider *self)
{
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static GObject *
create_resource_provider (guint       n_parameters,
                          GParameter *parameters,
                          gpointer    user_data)
{
  PeResourceDocumentProvider *self = g_object_new (PE_TYPE_RESOURCE_DOCUMENT_PROVIDER, NULL);

  self->resource_path = g_strdup (user_data);
  return G_OBJECT (self);
}
G_GNUC_END_IGNORE_DEPRECATIONS

/**
 * pe_document_provider_register_resource:
 * @module: the plugin's module, as passed to peas_register_types()
 * @resource_path: the path of the document's JSON in the plugin's GResource
 *
 * Registers a #PeDocumentProvider that loads the document from
 * @resource_path. This is all most plugins need in peas_register_types().
 */
void
pe_document_provider_register_resource (PeasObjectModule *module,
                                        const char       *resource_path)
{
  g_return_if_fail (PEAS_IS_OBJECT_MODULE (module));
  g_return_if_fail (resource_path != NULL && resource_path[0] == '/');

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  peas_object_module_register_extension_factory (module, PE_TYPE_DOCUMENT_PROVIDER,
                                                 create_resource_provider,
                                                 g_strdup (resource_path), g_free);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
