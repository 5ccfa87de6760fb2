/* example-plugin.c — the whole code of a plugin whose document is data
 *
 * The document is a JSON file compiled into this module's GResource;
 * Policy Explorer reads it, checks it and builds its page.
 */
#include <libpeas/peas.h>
#include <policy-explorer-core.h>

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  pe_document_provider_register_resource (module, "/org/example/PolicyExplorerPlugin/example.json");
}
