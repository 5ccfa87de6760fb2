/* pe-data-plugin.c — the module of a plugin whose document is data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per plugin with PE_PLUGIN_RESOURCE set to the path of the
 * plugin's document in its own GResource (compiled into the module).
 *
 * A plugin that adds its own widgets to its page has them in a second
 * module, named by PE_PLUGIN_PAGE_MODULE, which provides
 * pe_plugin_register_page(). Widgets link GTK, and a process without it
 * (pex, a batch run) would spend a third of a one-shot calculation
 * relocating GTK's symbols: so this module links only the core library,
 * and the page module is opened only where the page interface is known,
 * that is in the window.
 */
#include "config.h"

#include <libpeas/peas.h>

#include "policy-explorer-core.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

#ifdef PE_PLUGIN_PAGE_MODULE
typedef void (*RegisterPage) (PeasObjectModule *module);

static void
register_page (PeasObjectModule *module)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  RegisterPage register_page_types = NULL;
  GModule *page;

  /* registered by the window's library before any plugin is loaded */
  if (g_type_from_name ("PePageActivatable") == 0)
    return;

  g_object_get (module, "path", &dir, NULL);
  path = g_module_build_path (dir, PE_PLUGIN_PAGE_MODULE);
  page = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (page == NULL)
    {
      /* the document still works: its page lacks only these widgets */
      g_warning ("The page widgets of %s are missing: %s", PE_PLUGIN_RESOURCE, g_module_error ());
      return;
    }
  if (!g_module_symbol (page, "pe_plugin_register_page", (gpointer *) &register_page_types) ||
      register_page_types == NULL)
    {
      g_warning ("The page widgets of %s are missing: %s has no pe_plugin_register_page()",
                 PE_PLUGIN_RESOURCE, path);
      g_module_close (page);
      return;
    }
  /* its types are registered for good, like this module's */
  g_module_make_resident (page);
  register_page_types (module);
}
#endif

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  pe_document_provider_register_resource (module, PE_PLUGIN_RESOURCE);
#ifdef PE_PLUGIN_PAGE_MODULE
  register_page (module);
#endif
}
