/* pe-data-plugin.c — the module of a plugin whose document is data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per plugin with PE_PLUGIN_RESOURCE set to the path of the
 * plugin's document in its own GResource (compiled into the module). A
 * plugin that adds its own widgets to its page also defines
 * PE_PLUGIN_HAS_PAGE and provides pe_plugin_register_page().
 */
#include "config.h"

#include <libpeas/peas.h>

#include "policy-explorer-core.h"

#ifdef PE_PLUGIN_HAS_PAGE
void pe_plugin_register_page (PeasObjectModule *module);
#endif

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  pe_document_provider_register_resource (module, PE_PLUGIN_RESOURCE);
#ifdef PE_PLUGIN_HAS_PAGE
  pe_plugin_register_page (module);
#endif
}
