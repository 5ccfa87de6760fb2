/* pe-plugins-engine.h — where plugins are found, which are active, and
 * the documents they provide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libpeas/peas.h>

#include "pe-document.h"

G_BEGIN_DECLS

/* The environment variable naming extra plugin directories (":"-separated,
 * absolute), for development and tests. */
#define PE_PLUGIN_PATH_ENV "POLICY_EXPLORER_PLUGIN_PATH"

#define PE_TYPE_PLUGINS_ENGINE (pe_plugins_engine_get_type ())

G_DECLARE_FINAL_TYPE (PePluginsEngine, pe_plugins_engine, PE, PLUGINS_ENGINE, PeasEngine)

PePluginsEngine *pe_plugins_engine_new              (void);
PePluginsEngine *pe_plugins_engine_new_unscanned    (void);
void             pe_plugins_engine_scan             (PePluginsEngine  *self);
void             pe_plugins_engine_bind_settings    (PePluginsEngine  *self,
                                                     GSettings        *settings);
void             pe_plugins_engine_load_all         (PePluginsEngine  *self);
void             pe_plugins_engine_set_active_plugins (PePluginsEngine    *self,
                                                     const char * const *names);
GStrv            pe_plugins_engine_dup_active_plugins (PePluginsEngine  *self);
gboolean         pe_plugins_engine_is_active        (PePluginsEngine  *self,
                                                     PeasPluginInfo   *info);
void             pe_plugins_engine_load_active      (PePluginsEngine  *self);
GList           *pe_plugins_engine_get_document_plugins (PePluginsEngine *self);
PeasPluginInfo  *pe_plugins_engine_find_document    (PePluginsEngine  *self,
                                                     const char       *document_id);
PeDocument      *pe_plugins_engine_get_document     (PePluginsEngine  *self,
                                                     PeasPluginInfo   *info,
                                                     GError          **error);
void             pe_plugins_engine_read_documents   (PePluginsEngine  *self,
                                                     GList            *plugins);
PeDocument      *pe_plugins_engine_peek_document    (PePluginsEngine  *self,
                                                     PeasPluginInfo   *info);
const GError    *pe_plugins_engine_get_plugin_error (PePluginsEngine  *self,
                                                     PeasPluginInfo   *info);
guint            pe_plugins_engine_count_parsed     (PePluginsEngine  *self);
GPtrArray       *pe_plugins_engine_get_file_errors  (PePluginsEngine  *self);

const char      *pe_plugin_info_get_document_id     (PeasPluginInfo   *info);
const char      *pe_plugin_info_get_api_version     (PeasPluginInfo   *info);
int              pe_plugin_info_get_order           (PeasPluginInfo   *info);

G_END_DECLS
