/* pe-page-activatable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pe-document-page.h"
#include "pe-page-activatable.h"

G_DEFINE_INTERFACE (PePageActivatable, pe_page_activatable, G_TYPE_OBJECT)

static void
pe_page_activatable_default_init (PePageActivatableInterface *iface)
{
  /**
   * PePageActivatable:page:
   *
   * The page of the plugin's document, set when the extension is made.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("page", "Page", "The document page",
                         PE_TYPE_DOCUMENT_PAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

void
pe_page_activatable_activate (PePageActivatable *self)
{
  PePageActivatableInterface *iface;

  g_return_if_fail (PE_IS_PAGE_ACTIVATABLE (self));

  iface = PE_PAGE_ACTIVATABLE_GET_IFACE (self);
  if (iface->activate != NULL)
    iface->activate (self);
}

void
pe_page_activatable_deactivate (PePageActivatable *self)
{
  PePageActivatableInterface *iface;

  g_return_if_fail (PE_IS_PAGE_ACTIVATABLE (self));

  iface = PE_PAGE_ACTIVATABLE_GET_IFACE (self);
  if (iface->deactivate != NULL)
    iface->deactivate (self);
}
