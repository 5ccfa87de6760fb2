/* pe-plugins-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy of plugin loading lives here, in one place:
 *  - search paths, user first (libpeas keeps the first plugin of a module
 *    name): $XDG_DATA_HOME/policy-explorer/plugins, then the directories
 *    of $POLICY_EXPLORER_PLUGIN_PATH, then the installed directory, then
 *    (in a Flatpak) the plugins of each extension under the extension
 *    directory. Only absolute paths are used, and a world-writable
 *    directory is refused;
 *  - the API version check, before a module is loaded;
 *  - one plugin per document id;
 *  - a plugin is active (enabled: in the sidebar, in searches) before
 *    its module is loaded: the module of a plugin that provides a
 *    document is loaded when the document is first asked for, so that
 *    start-up does not grow with the number of plugins;
 *  - documents are read when first asked for, and dropped on unload.
 * Failures are kept per plugin and announced with ::plugin-error, so the
 * window and the command line can say which plugin failed and why. A
 * .plugin file that libpeas cannot use at all (malformed, without a
 * Module, or with the id of a plugin found before it) never becomes a
 * plugin, and libpeas only logs it: the engine reads the same files and
 * keeps those failures too (pe_plugins_engine_get_file_errors()).
 */
#define G_LOG_DOMAIN "pe-plugins"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <string.h>
#include <sys/stat.h>

#include "pe-document-provider-private.h"
#include "pe-error.h"
#include "pe-plugins-engine.h"

struct _PePluginsEngine
{
  PeasEngine   parent_instance;

  GHashTable  *documents;   /* module name -> PeDocument */
  GHashTable  *errors;      /* module name -> GError */
  GHashTable  *active;      /* PeasPluginInfo, loaded or not */
  GHashTable  *by_document; /* document id -> its active PeasPluginInfo */
  GPtrArray   *wanted;      /* module names the user enabled: the setting */
  gboolean     activating;  /* "load-plugin" is emitted to activate only */
  gboolean     applying;    /* the setting is being applied, not changed */
  gboolean     disposing;
  GPtrArray   *dirs;        /* the directories searched, in order */
  gboolean     scanned;     /* libpeas has read them */
  GPtrArray   *file_errors; /* of GError: .plugin files libpeas cannot use */
  gboolean     files_checked;
  guint        n_parsed;
};

G_DEFINE_FINAL_TYPE (PePluginsEngine, pe_plugins_engine, PEAS_TYPE_ENGINE)

enum {
  PLUGIN_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void apply_wanted (PePluginsEngine *self);

enum {
  PROP_0,
  PROP_ACTIVE_PLUGINS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pe_plugin_info_get_document_id (PeasPluginInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return peas_plugin_info_get_external_data (info, "Policy-Explorer-Document");
}

const char *
pe_plugin_info_get_api_version (PeasPluginInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return peas_plugin_info_get_external_data (info, "Policy-Explorer-API");
}

/**
 * pe_plugin_info_get_order:
 *
 * Where the document goes in the sidebar (X-Policy-Explorer-Order);
 * plugins without one come last.
 */
int
pe_plugin_info_get_order (PeasPluginInfo *info)
{
  const char *s;

  g_return_val_if_fail (info != NULL, G_MAXINT);
  s = peas_plugin_info_get_external_data (info, "Policy-Explorer-Order");
  return s != NULL ? (int) g_ascii_strtoll (s, NULL, 10) : 1000;
}

static void
record_error (PePluginsEngine *self,
              PeasPluginInfo  *info,
              GError          *error)
{
  g_warning ("Plugin “%s” (%s): %s", peas_plugin_info_get_module_name (info),
             peas_plugin_info_get_module_dir (info), error->message);
  g_hash_table_replace (self->errors, g_strdup (peas_plugin_info_get_module_name (info)),
                        g_error_copy (error));
  g_signal_emit (self, signals[PLUGIN_ERROR], 0, info, error);
}

static gboolean
wanted_contains (PePluginsEngine *self,
                 const char      *module)
{
  for (guint i = 0; i < self->wanted->len; i++)
    if (g_str_equal (g_ptr_array_index (self->wanted, i), module))
      return TRUE;
  return FALSE;
}

/* The user enabled or disabled a plugin (not the setting applied): the
 * setting follows. */
static void
set_wanted (PePluginsEngine *self,
            const char      *module,
            gboolean         wanted)
{
  if (self->applying || self->disposing || wanted == wanted_contains (self, module))
    return;
  if (wanted)
    g_ptr_array_add (self->wanted, g_strdup (module));
  else
    for (guint i = 0; i < self->wanted->len; i++)
      if (g_str_equal (g_ptr_array_index (self->wanted, i), module))
        {
          g_ptr_array_remove_index (self->wanted, i);
          break;
        }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_PLUGINS]);
}

/* The search directories are checked when they are added; a plugin may
 * also sit in a subdirectory of one, and its module is a file of its own:
 * neither may be writable by anyone, and the module must be a plain name,
 * not a path out of its directory. */
static gboolean
trusted_module (PeasPluginInfo  *info,
                GError         **error)
{
  const char *dir = peas_plugin_info_get_module_dir (info);
  const char *module = peas_plugin_info_get_module_name (info);
  g_autofree char *file = NULL;
  GStatBuf st;

  if (strchr (module, G_DIR_SEPARATOR) != NULL || module[0] == '.')
    {
      g_set_error (error, PE_ERROR, PE_ERROR_PLUGIN,
                   _("its Module “%s” is not a plain name"), module);
      return FALSE;
    }
  if (g_stat (dir, &st) == 0 && (st.st_mode & S_IWOTH) != 0)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_PLUGIN,
                   _("its folder “%s” may be written by anyone"), dir);
      return FALSE;
    }
  file = g_module_build_path (dir, module);
  if (g_stat (file, &st) == 0 && (st.st_mode & S_IWOTH) != 0)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_PLUGIN,
                   _("its module “%s” may be written by anyone"), file);
      return FALSE;
    }
  return TRUE;
}

/* Where @info was found in the search order: the index of its directory. */
static guint
search_rank (PePluginsEngine *self,
             PeasPluginInfo  *info)
{
  const char *dir = peas_plugin_info_get_module_dir (info);

  for (guint i = 0; i < self->dirs->len; i++)
    {
      const char *d = g_ptr_array_index (self->dirs, i);
      gsize len = strlen (d);

      if (g_str_has_prefix (dir, d) && (dir[len] == '\0' || dir[len] == G_DIR_SEPARATOR))
        return i;
    }
  return G_MAXUINT;
}

/* The usable plugin providing @doc_id that comes first in search order. */
static PeasPluginInfo *
first_provider (PePluginsEngine *self,
                const char      *doc_id)
{
  PeasPluginInfo *best = NULL;
  guint best_rank = G_MAXUINT;

  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (self)); l; l = l->next)
    {
      guint rank;

      if (g_strcmp0 (pe_plugin_info_get_document_id (l->data), doc_id) != 0 ||
          g_strcmp0 (pe_plugin_info_get_api_version (l->data), PE_API_VERSION) != 0 ||
          !peas_plugin_info_is_available (l->data, NULL))
        continue;
      rank = search_rank (self, l->data);
      if (best == NULL || rank < best_rank)
        best = l->data, best_rank = rank;
    }
  return best;
}

/* What the .plugin file alone can refuse: another API version, or a
 * document another active plugin provides. */
static gboolean
check_metadata (PePluginsEngine *self,
                PeasPluginInfo  *info)
{
  const char *api = pe_plugin_info_get_api_version (info);
  const char *doc_id = pe_plugin_info_get_document_id (info);
  g_autoptr(GError) error = NULL;

  if (!trusted_module (info, &error))
    {
      record_error (self, info, error);
      return FALSE;
    }

  if (g_strcmp0 (api, PE_API_VERSION) != 0)
    {
      g_set_error (&error, PE_ERROR, PE_ERROR_API_VERSION,
                   _("built for API version %s, but this Policy Explorer has API version %s"),
                   api != NULL ? api : _("(none stated)"), PE_API_VERSION);
      record_error (self, info, error);
      return FALSE;
    }

  if (doc_id != NULL)
    {
      PeasPluginInfo *other = pe_plugins_engine_find_document (self, doc_id);

      if (other != NULL && other != info)
        {
          g_set_error (&error, PE_ERROR, PE_ERROR_PLUGIN,
                       _("provides the document “%s”, which the plugin “%s” (%s) already provides"),
                       doc_id, peas_plugin_info_get_module_name (other),
                       peas_plugin_info_get_module_dir (other));
          record_error (self, info, error);
          return FALSE;
        }
      /* not loaded yet, but found before: it has the document, whatever
       * the order of loading (libpeas lists plugins by name, so a
       * third-party "A…" would otherwise take a document from us) */
      other = first_provider (self, doc_id);
      if (other != NULL && other != info)
        {
          g_set_error (&error, PE_ERROR, PE_ERROR_PLUGIN,
                       _("provides the document “%s”, which the plugin “%s” (%s), found first, provides"),
                       doc_id, peas_plugin_info_get_module_name (other),
                       peas_plugin_info_get_module_dir (other));
          record_error (self, info, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Loads the module; the caller has checked the metadata. */
static gboolean
load_module (PePluginsEngine *self,
             PeasPluginInfo  *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) peas_error = NULL;

  PEAS_ENGINE_CLASS (pe_plugins_engine_parent_class)->load_plugin (PEAS_ENGINE (self), info);
  if (peas_plugin_info_is_loaded (info))
    return TRUE;

  peas_plugin_info_is_available (info, &peas_error);
  /* libpeas logs the precise cause (a missing file, a missing symbol) */
  g_set_error (&error, PE_ERROR, PE_ERROR_PLUGIN,
               _("its module could not be loaded (%s); the log has the details"),
               peas_error != NULL ? peas_error->message : _("unknown reason"));
  record_error (self, info, error);
  return FALSE;
}

/* The class handler of "load-plugin": emitted by peas_engine_load_plugin(),
 * it loads the module at once; emitted by pe_plugins_engine_set_active_plugins()
 * or pe_plugins_engine_load_all(), it only activates a plugin that provides
 * a document, whose module waits until the document is asked for. Either
 * way the handlers that follow see an active plugin. */
static void
pe_plugins_engine_load_plugin (PeasEngine     *engine,
                               PeasPluginInfo *info)
{
  PePluginsEngine *self = PE_PLUGINS_ENGINE (engine);
  gboolean lazily = self->activating && pe_plugin_info_get_document_id (info) != NULL;

  g_hash_table_remove (self->errors, peas_plugin_info_get_module_name (info));

  if (!check_metadata (self, info))
    return;
  if (!lazily && !load_module (self, info))
    return;

  g_hash_table_add (self->active, info);
  if (pe_plugin_info_get_document_id (info) != NULL)
    g_hash_table_insert (self->by_document, (gpointer) pe_plugin_info_get_document_id (info), info);
  set_wanted (self, peas_plugin_info_get_module_name (info), TRUE);
}

static void
pe_plugins_engine_unload_plugin (PeasEngine     *engine,
                                 PeasPluginInfo *info)
{
  PePluginsEngine *self = PE_PLUGINS_ENGINE (engine);

  PEAS_ENGINE_CLASS (pe_plugins_engine_parent_class)->unload_plugin (engine, info);
  g_hash_table_remove (self->documents, peas_plugin_info_get_module_name (info));
  /* unloading all on the way out is no choice of the user's */
  if (!self->disposing)
    {
      if (g_hash_table_remove (self->active, info) && pe_plugin_info_get_document_id (info) != NULL)
        g_hash_table_remove (self->by_document, pe_plugin_info_get_document_id (info));
      set_wanted (self, peas_plugin_info_get_module_name (info), FALSE);
    }
}

static void
pe_plugins_engine_dispose (GObject *object)
{
  PePluginsEngine *self = PE_PLUGINS_ENGINE (object);

  self->disposing = TRUE;
  G_OBJECT_CLASS (pe_plugins_engine_parent_class)->dispose (object);
}

static void
pe_plugins_engine_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PePluginsEngine *self = PE_PLUGINS_ENGINE (object);

  switch (prop_id)
    {
    case PROP_ACTIVE_PLUGINS:
      g_value_take_boxed (value, pe_plugins_engine_dup_active_plugins (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_plugins_engine_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PePluginsEngine *self = PE_PLUGINS_ENGINE (object);

  switch (prop_id)
    {
    case PROP_ACTIVE_PLUGINS:
      pe_plugins_engine_set_active_plugins (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_plugins_engine_finalize (GObject *object)
{
  PePluginsEngine *self = PE_PLUGINS_ENGINE (object);

  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->active, g_hash_table_unref);
  g_clear_pointer (&self->by_document, g_hash_table_unref);
  g_clear_pointer (&self->wanted, g_ptr_array_unref);
  g_clear_pointer (&self->dirs, g_ptr_array_unref);
  g_clear_pointer (&self->file_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (pe_plugins_engine_parent_class)->finalize (object);
}

static void
pe_plugins_engine_class_init (PePluginsEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PeasEngineClass *engine_class = PEAS_ENGINE_CLASS (klass);

  object_class->dispose = pe_plugins_engine_dispose;
  object_class->finalize = pe_plugins_engine_finalize;
  object_class->get_property = pe_plugins_engine_get_property;
  object_class->set_property = pe_plugins_engine_set_property;
  engine_class->load_plugin = pe_plugins_engine_load_plugin;
  engine_class->unload_plugin = pe_plugins_engine_unload_plugin;

  /**
   * PePluginsEngine:active-plugins:
   *
   * The module names of the plugins the user has enabled, whether their
   * modules are loaded yet or not; plugins that are not installed or were
   * refused stay in the list, so that the setting bound to it keeps them.
   */
  properties[PROP_ACTIVE_PLUGINS] =
    g_param_spec_boxed ("active-plugins", "Active plugins", "The plugins the user has enabled",
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PePluginsEngine::plugin-error:
   * @self: the engine
   * @info: the plugin
   * @error: what went wrong
   *
   * A plugin could not be loaded, or its document could not be read.
   */
  signals[PLUGIN_ERROR] =
    g_signal_new ("plugin-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  PEAS_TYPE_PLUGIN_INFO, G_TYPE_ERROR);
}

/* A directory anyone may write to could be used to plant code: refuse it. */
static gboolean
trusted_dir (const char *dir)
{
  GStatBuf st;

  if (!g_path_is_absolute (dir))
    {
      g_warning ("Ignoring the relative plugin directory “%s”: only absolute paths are searched", dir);
      return FALSE;
    }
  if (g_stat (dir, &st) != 0)
    return FALSE;   /* absent: nothing to search */
  if ((st.st_mode & S_IWOTH) != 0)
    {
      g_warning ("Ignoring the plugin directory “%s”: anyone may write to it", dir);
      return FALSE;
    }
  return TRUE;
}

/* Checked now, read by pe_plugins_engine_scan(). */
static void
add_search_path (PePluginsEngine *self,
                 const char      *dir)
{
  if (trusted_dir (dir))
    g_ptr_array_add (self->dirs, g_strdup (dir));
}

static int
sort_by_name (const char **a,
              const char **b)
{
  return g_strcmp0 (*a, *b);
}

static void
pe_plugins_engine_init (PePluginsEngine *self)
{
  g_autofree char *user_dir = NULL;
  const char *env;

  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
  self->active = g_hash_table_new (NULL, NULL);
  /* the keys are the plugins' own strings, which live as long as they do */
  self->by_document = g_hash_table_new (g_str_hash, g_str_equal);
  self->wanted = g_ptr_array_new_with_free_func (g_free);
  self->dirs = g_ptr_array_new_with_free_func (g_free);
  self->file_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  user_dir = g_build_filename (g_get_user_data_dir (), "policy-explorer", "plugins", NULL);
  add_search_path (self, user_dir);

  env = g_getenv (PE_PLUGIN_PATH_ENV);
  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; dirs[i] != NULL; i++)
        if (*dirs[i] != '\0')
          add_search_path (self, dirs[i]);
    }

  add_search_path (self, PE_PLUGINDIR);

  /* Python plugins: the interpreter starts only when one is loaded */
  peas_engine_enable_loader (PEAS_ENGINE (self), "python3");

  /* Flatpak: each extension mounts at PE_EXTENSION_DIR/NAME, with its
   * plugins in NAME/plugins. In name order, so that which of two
   * extensions with the same module wins does not depend on the disk. */
  if (PE_EXTENSION_DIR[0] != '\0')
    {
      g_autoptr(GDir) dir = g_dir_open (PE_EXTENSION_DIR, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) sort_by_name);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (PE_EXTENSION_DIR, g_ptr_array_index (names, i),
                                                    "plugins", NULL);
          add_search_path (self, path);
        }
    }
}

G_GNUC_PRINTF (3, 4)
static void
record_file_error (PePluginsEngine *self,
                   const char      *path,
                   const char      *format,
                   ...)
{
  g_autofree char *msg = NULL;
  GError *error;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a .plugin file that cannot be used, and why */
  error = g_error_new (PE_ERROR, PE_ERROR_PLUGIN, _("The plugin file “%s” is not used: %s"), path, msg);
  g_warning ("%s", error->message);
  g_ptr_array_add (self->file_errors, error);
}

/* One .plugin file, read as libpeas reads it. */
static void
check_plugin_file (PePluginsEngine *self,
                   const char      *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *module = NULL;
  g_autofree char *dir = NULL;
  PeasPluginInfo *info;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error))
    {
      /* GKeyFile quotes the offending line, which may not be text */
      g_autofree char *why = g_utf8_make_valid (error->message, -1);
      record_file_error (self, path, _("it is not a valid .plugin file (%s)"), why);
      return;
    }
  module = g_key_file_get_string (key_file, "Plugin", "Module", NULL);
  if (module == NULL || *module == '\0')
    {
      record_file_error (self, path, _("it has no Module in its [Plugin] group"));
      return;
    }
  /* libpeas keeps the first plugin of an id, in search order */
  info = peas_engine_get_plugin_info (PEAS_ENGINE (self), module);
  dir = g_path_get_dirname (path);
  if (info != NULL && g_strcmp0 (peas_plugin_info_get_module_dir (info), dir) != 0)
    record_file_error (self, path, _("its id “%s” is the id of the plugin in “%s”, found first"),
                       module, peas_plugin_info_get_module_dir (info));
}

/* The .plugin files of a search directory, where libpeas looks: in it and
 * in its subdirectories. */
static void
check_plugin_dir (PePluginsEngine *self,
                  const char      *dir,
                  int              depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = g_ptr_array_index (names, i);

      if (g_str_has_suffix (path, ".plugin") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        check_plugin_file (self, path);
      else if (depth > 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
        check_plugin_dir (self, path, depth - 1);
    }
}

/**
 * pe_plugins_engine_get_file_errors:
 *
 * The .plugin files found in the plugin directories that give no plugin
 * at all, each with the reason: not a valid .plugin file, no Module, or
 * the id of a plugin found before it (the first is used, as libpeas does).
 * Plugins that exist but fail are reported by ::plugin-error instead.
 *
 * Returns: (transfer none) (element-type GError): the errors, each naming
 *   its file
 */
GPtrArray *
pe_plugins_engine_get_file_errors (PePluginsEngine *self)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);
  pe_plugins_engine_scan (self);

  if (!self->files_checked)
    {
      self->files_checked = TRUE;
      /* libpeas reads the directories first: their plugins are the ones
       * a duplicate is compared with */
      peas_engine_get_plugin_list (PEAS_ENGINE (self));
      for (guint i = 0; i < self->dirs->len; i++)
        check_plugin_dir (self, g_ptr_array_index (self->dirs, i), 1);
    }
  return self->file_errors;
}

PePluginsEngine *
pe_plugins_engine_new (void)
{
  PePluginsEngine *self = pe_plugins_engine_new_unscanned ();

  pe_plugins_engine_scan (self);
  return self;
}

/**
 * pe_plugins_engine_new_unscanned:
 *
 * An engine that knows its plugin directories but has not read them: for
 * a window that paints before it lists any plugin. Binding the settings
 * and activating plugins wait for pe_plugins_engine_scan(), which the
 * functions that list or find plugins call themselves; libpeas' own
 * peas_engine_get_plugin_list() does not, and lists nothing until then.
 *
 * Returns: (transfer full): a new engine
 */
PePluginsEngine *
pe_plugins_engine_new_unscanned (void)
{
  return g_object_new (PE_TYPE_PLUGINS_ENGINE, NULL);
}

/**
 * pe_plugins_engine_scan:
 *
 * Reads the plugin directories, once, and activates the plugins the user
 * enabled (see pe_plugins_engine_bind_settings()). Listeners of
 * "load-plugin" hear of each plugin activated, and of "plugin-error" of
 * each refused.
 */
void
pe_plugins_engine_scan (PePluginsEngine *self)
{
  g_return_if_fail (PE_IS_PLUGINS_ENGINE (self));

  if (self->scanned)
    return;
  self->scanned = TRUE;
  for (guint i = 0; i < self->dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (self->dirs, i);
      peas_engine_add_search_path (PEAS_ENGINE (self), dir, dir);
    }
  if (self->wanted->len > 0)
    apply_wanted (self);
}

/**
 * pe_plugins_engine_bind_settings:
 * @settings: settings with an `active-plugins` key
 *
 * Loads the plugins the user has enabled (once the engine is scanned),
 * and keeps the setting and the loaded plugins in step from now on.
 */
void
pe_plugins_engine_bind_settings (PePluginsEngine *self,
                                 GSettings       *settings)
{
  g_return_if_fail (PE_IS_PLUGINS_ENGINE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* active, not loaded: modules wait until their documents are needed */
  g_settings_bind (settings, "active-plugins", self, "active-plugins", G_SETTINGS_BIND_DEFAULT);
}

/* Activates the plugins the user enabled, and deactivates the others. */
static void
apply_wanted (PePluginsEngine *self)
{
  self->applying = TRUE;
  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (self)); l; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      gboolean want = wanted_contains (self, peas_plugin_info_get_module_name (info));
      gboolean active = g_hash_table_contains (self->active, info);

      if (want && !active)
        {
          self->activating = TRUE;
          if (peas_plugin_info_is_available (info, NULL))
            g_signal_emit_by_name (self, "load-plugin", info);
          self->activating = FALSE;
        }
      else if (!want && active)
        /* emitted even when the module was never loaded, so that those
         * who listen hear of it */
        g_signal_emit_by_name (self, "unload-plugin", info);
    }
  self->applying = FALSE;
}

/**
 * pe_plugins_engine_set_active_plugins:
 * @names: (array zero-terminated=1) (nullable): module names
 *
 * Activates the plugins named and deactivates the others. The modules of
 * plugins that provide a document are not loaded: that waits until the
 * document is asked for. Listeners of "load-plugin" and "unload-plugin"
 * hear of each plugin activated or deactivated.
 */
void
pe_plugins_engine_set_active_plugins (PePluginsEngine    *self,
                                      const char * const *names)
{
  g_return_if_fail (PE_IS_PLUGINS_ENGINE (self));

  g_ptr_array_set_size (self->wanted, 0);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!wanted_contains (self, names[i]))
      g_ptr_array_add (self->wanted, g_strdup (names[i]));

  /* an engine not scanned yet keeps the names: pe_plugins_engine_scan()
   * applies them, and the setting bound to it keeps its value */
  if (self->scanned)
    apply_wanted (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_PLUGINS]);
}

/**
 * pe_plugins_engine_dup_active_plugins:
 *
 * Returns: (transfer full): the module names of the plugins the user has
 *   enabled, as pe_plugins_engine_set_active_plugins() was given them
 */
GStrv
pe_plugins_engine_dup_active_plugins (PePluginsEngine *self)
{
  GStrvBuilder *b;
  GStrv names;

  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);

  b = g_strv_builder_new ();
  for (guint i = 0; i < self->wanted->len; i++)
    g_strv_builder_add (b, g_ptr_array_index (self->wanted, i));
  names = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return names;
}

/**
 * pe_plugins_engine_is_active:
 *
 * Whether the plugin is enabled and was not refused; its module may not
 * be loaded yet.
 */
gboolean
pe_plugins_engine_is_active (PePluginsEngine *self,
                             PeasPluginInfo  *info)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  return g_hash_table_contains (self->active, info);
}

/**
 * pe_plugins_engine_load_active:
 *
 * Loads the modules of every active plugin: for views that show which
 * modules are loaded, such as the plugin manager.
 */
void
pe_plugins_engine_load_active (PePluginsEngine *self)
{
  g_return_if_fail (PE_IS_PLUGINS_ENGINE (self));
  pe_plugins_engine_scan (self);

  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (self)); l; l = l->next)
    if (g_hash_table_contains (self->active, l->data) && !peas_plugin_info_is_loaded (l->data) &&
        !g_hash_table_contains (self->errors, peas_plugin_info_get_module_name (l->data)))
      load_module (self, l->data);
}

/**
 * pe_plugins_engine_load_all:
 *
 * Activates every plugin found that provides a document: what the
 * command line does, having no settings of its own. As with settings, a
 * module is loaded when its document is first asked for.
 */
void
pe_plugins_engine_load_all (PePluginsEngine *self)
{
  const GList *l;

  g_return_if_fail (PE_IS_PLUGINS_ENGINE (self));
  pe_plugins_engine_scan (self);

  for (l = peas_engine_get_plugin_list (PEAS_ENGINE (self)); l; l = l->next)
    if (pe_plugin_info_get_document_id (l->data) != NULL && !g_hash_table_contains (self->active, l->data) &&
        peas_plugin_info_is_available (l->data, NULL))
      {
        self->activating = TRUE;
        g_signal_emit_by_name (self, "load-plugin", l->data);
        self->activating = FALSE;
      }
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  PeasPluginInfo *ia = (PeasPluginInfo *) a;
  PeasPluginInfo *ib = (PeasPluginInfo *) b;
  int oa = pe_plugin_info_get_order (ia);
  int ob = pe_plugin_info_get_order (ib);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return g_strcmp0 (pe_plugin_info_get_document_id (ia), pe_plugin_info_get_document_id (ib));
}

/**
 * pe_plugins_engine_get_document_plugins:
 *
 * The active plugins that provide a document, in sidebar order. Nothing
 * is loaded or read: this comes from the .plugin files alone.
 *
 * Returns: (transfer container) (element-type Peas.PluginInfo):
 */
GList *
pe_plugins_engine_get_document_plugins (PePluginsEngine *self)
{
  GList *list = NULL;

  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);
  pe_plugins_engine_scan (self);

  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (self)); l; l = l->next)
    if (g_hash_table_contains (self->active, l->data) && pe_plugin_info_get_document_id (l->data) != NULL)
      list = g_list_prepend (list, l->data);
  return g_list_sort (list, compare_order);
}

/**
 * pe_plugins_engine_find_document:
 *
 * Returns: (transfer none) (nullable): the active plugin providing @document_id
 */
PeasPluginInfo *
pe_plugins_engine_find_document (PePluginsEngine *self,
                                 const char      *document_id)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);
  pe_plugins_engine_scan (self);

  /* by a table: activating n plugins checks each for a duplicate */
  return g_hash_table_lookup (self->by_document, document_id);
}

/**
 * pe_plugins_engine_peek_document:
 *
 * Returns: (transfer none) (nullable): the document if it was already read
 */
PeDocument *
pe_plugins_engine_peek_document (PePluginsEngine *self,
                                 PeasPluginInfo  *info)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  return g_hash_table_lookup (self->documents, peas_plugin_info_get_module_name (info));
}

/* One document being read: begun and ended on the main thread (libpeas
 * and the signals live there), read in between on any thread when our
 * own code reads it from a GResource. */
typedef struct
{
  PeasPluginInfo *info;
  PeasExtension  *provider;
  const char     *resource;   /* of the provider: read on any thread */
  gsize           size;       /* of the resource's data */
  gboolean        taken;      /* by a thread that reads */
  PeDocument     *document;
  GError         *error;      /* why there is none */
} Reading;

static void
reading_clear (Reading *r)
{
  g_clear_object (&r->provider);
  g_clear_object (&r->document);
  g_clear_error (&r->error);
}

/* The plugin's provider, its module loaded. FALSE, with @error, for a
 * plugin not active or whose module or document failed before (its error
 * stands until the plugin is activated again); else TRUE, with r->error
 * for a module that provides no document. */
static gboolean
begin_reading (PePluginsEngine  *self,
               PeasPluginInfo   *info,
               Reading          *r,
               GError          **error)
{
  const char *module = peas_plugin_info_get_module_name (info);

  r->info = info;
  if (!g_hash_table_contains (self->active, info))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_PLUGIN, _("The plugin “%s” is not active"),
                   peas_plugin_info_get_name (info));
      return FALSE;
    }

  if (g_hash_table_contains (self->errors, module) ||
      (!peas_plugin_info_is_loaded (info) && !load_module (self, info)))
    {
      const GError *e = g_hash_table_lookup (self->errors, module);

      g_set_error (error, PE_ERROR, e != NULL ? e->code : PE_ERROR_PLUGIN, _("The plugin “%s” (%s): %s"),
                   peas_plugin_info_get_name (info), module, e != NULL ? e->message : _("unknown reason"));
      return FALSE;
    }

  if (!peas_engine_provides_extension (PEAS_ENGINE (self), info, PE_TYPE_DOCUMENT_PROVIDER))
    g_set_error_literal (&r->error, PE_ERROR, PE_ERROR_PLUGIN,
                         _("it provides no document (no PeDocumentProvider extension)"));
  else if ((r->provider = peas_engine_create_extension (PEAS_ENGINE (self), info,
                                                        PE_TYPE_DOCUMENT_PROVIDER, NULL)) == NULL)
    g_set_error_literal (&r->error, PE_ERROR, PE_ERROR_PLUGIN,
                         _("its document provider could not be created"));
  else if ((r->resource = _pe_document_provider_get_resource (PE_DOCUMENT_PROVIDER (r->provider))) != NULL)
    g_resources_get_info (r->resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &r->size, NULL, NULL);
  return TRUE;
}

static void
read_document (Reading *r)
{
  if (r->error != NULL)
    return;
  if (r->resource != NULL)
    r->document = pe_document_new_from_resource (r->resource, &r->error);
  else
    {
      r->document = pe_document_provider_load_document (PE_DOCUMENT_PROVIDER (r->provider), &r->error);
      /* another's code: it may break the rule of one or the other */
      if (r->document != NULL)
        g_clear_error (&r->error);
      else if (r->error == NULL)
        g_set_error_literal (&r->error, PE_ERROR, PE_ERROR_PLUGIN,
                             _("its document provider gave no document, and no reason"));
    }
}

/* Keeps the document read, or its error. */
static PeDocument *
end_reading (PePluginsEngine  *self,
             Reading          *r,
             GError          **error)
{
  const char *module = peas_plugin_info_get_module_name (r->info);
  PeDocument *doc;

  if (r->document != NULL)
    {
      self->n_parsed++;
      if (g_strcmp0 (pe_document_get_id (r->document), pe_plugin_info_get_document_id (r->info)) != 0)
        {
          g_set_error (&r->error, PE_ERROR, PE_ERROR_PLUGIN,
                       _("its .plugin file announces the document “%s”, but the data is “%s”"),
                       pe_plugin_info_get_document_id (r->info), pe_document_get_id (r->document));
          g_clear_object (&r->document);
        }
    }

  if (r->document == NULL)
    {
      g_assert (r->error != NULL);
      record_error (self, r->info, r->error);
      g_set_error (error, PE_ERROR, r->error->code, _("The plugin “%s” (%s): %s"),
                   peas_plugin_info_get_name (r->info), module, r->error->message);
      reading_clear (r);
      return NULL;
    }

  doc = g_steal_pointer (&r->document);
  g_hash_table_insert (self->documents, g_strdup (module), doc);
  reading_clear (r);
  return doc;
}

/**
 * pe_plugins_engine_get_document:
 * @info: an active plugin
 * @error: why the document could not be had, naming the plugin
 *
 * Loads the plugin's module and reads its document the first time, and
 * returns the same document afterwards. A document that could not be
 * read is not read again until its plugin is activated again: its error
 * stands, as a module's does.
 *
 * Returns: (transfer none): the document, or %NULL
 */
PeDocument *
pe_plugins_engine_get_document (PePluginsEngine  *self,
                                PeasPluginInfo   *info,
                                GError          **error)
{
  Reading r = { 0 };
  PeDocument *doc;

  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if ((doc = g_hash_table_lookup (self->documents, peas_plugin_info_get_module_name (info))) != NULL)
    return doc;
  if (!begin_reading (self, info, &r, error))
    return NULL;
  read_document (&r);
  return end_reading (self, &r, error);
}

/* The readings being begun on the main thread, and taken by the threads
 * that read, as soon as each is begun: module loading and reading overlap. */
typedef struct
{
  GMutex   lock;
  GCond    begun_cond;
  Reading *readings;
  guint    n_begun;
  gboolean all_begun;
  guint    n_taken;
} ReadingQueue;

/* The largest document begun and not taken: documents differ in size
 * fourfold, and one of the largest read last would keep one thread busy
 * while the others wait. */
static Reading *
take_largest (ReadingQueue *q)
{
  Reading *largest = NULL;

  for (guint i = 0; i < q->n_begun; i++)
    if (!q->readings[i].taken && (largest == NULL || q->readings[i].size > largest->size))
      largest = &q->readings[i];
  g_assert (largest != NULL);
  largest->taken = TRUE;
  q->n_taken++;
  return largest;
}

static gpointer
read_from_queue (gpointer data)
{
  ReadingQueue *q = data;

  for (;;)
    {
      Reading *r;

      g_mutex_lock (&q->lock);
      while (q->n_taken == q->n_begun && !q->all_begun)
        g_cond_wait (&q->begun_cond, &q->lock);
      if (q->n_taken == q->n_begun)
        {
          g_mutex_unlock (&q->lock);
          return NULL;
        }
      r = take_largest (q);
      g_mutex_unlock (&q->lock);

      if (r->resource != NULL)
        read_document (r);
    }
}

/**
 * pe_plugins_engine_read_documents:
 * @plugins: (element-type PeasPluginInfo): active plugins
 *
 * Reads the documents of @plugins that are not read yet, as
 * pe_plugins_engine_get_document() would one after the other, but those
 * stored in a GResource (pe_document_provider_register_resource()) on as
 * many threads as the machine has cores: for a caller about to need them
 * all, such as `pex list`. Documents and errors are kept; ask for them
 * with pe_plugins_engine_get_document() afterwards.
 */
void
pe_plugins_engine_read_documents (PePluginsEngine *self,
                                  GList           *plugins)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  ReadingQueue q = { 0 };
  guint n = g_list_length (plugins), n_threads;

  g_return_if_fail (PE_IS_PLUGINS_ENGINE (self));

  g_mutex_init (&q.lock);
  g_cond_init (&q.begun_cond);
  q.readings = g_new0 (Reading, MAX (n, 1));

  /* the main thread loads the modules (libpeas is not thread-safe) and
   * reads too once they are loaded */
  n_threads = MIN ((guint) g_get_num_processors (), n);
  for (guint i = 1; i < n_threads; i++)
    {
      g_autoptr(GError) error = NULL;
      GThread *t = g_thread_try_new ("pe-read", read_from_queue, &q, &error);

      /* without threads, this one reads them all */
      if (t == NULL)
        break;
      g_ptr_array_add (threads, t);
    }

  for (GList *l = plugins; l; l = l->next)
    {
      Reading r = { 0 };

      if (g_hash_table_contains (self->documents, peas_plugin_info_get_module_name (l->data)) ||
          !begin_reading (self, l->data, &r, NULL))
        continue;
      g_mutex_lock (&q.lock);
      q.readings[q.n_begun++] = r;
      g_cond_signal (&q.begun_cond);
      g_mutex_unlock (&q.lock);
    }
  g_mutex_lock (&q.lock);
  q.all_begun = TRUE;
  g_cond_broadcast (&q.begun_cond);
  g_mutex_unlock (&q.lock);

  read_from_queue (&q);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < q.n_begun; i++)
    {
      Reading *r = &q.readings[i];

      /* a plugin's own provider, on this thread, in order */
      if (r->resource == NULL)
        read_document (r);
      end_reading (self, r, NULL);
    }
  g_free (q.readings);
  g_cond_clear (&q.begun_cond);
  g_mutex_clear (&q.lock);
}

/**
 * pe_plugins_engine_get_plugin_error:
 *
 * Returns: (nullable) (transfer none): the last failure of the plugin
 */
const GError *
pe_plugins_engine_get_plugin_error (PePluginsEngine *self,
                                    PeasPluginInfo  *info)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), NULL);
  return g_hash_table_lookup (self->errors, peas_plugin_info_get_module_name (info));
}

/**
 * pe_plugins_engine_count_parsed:
 *
 * How many documents have been read so far: tests use it to check that
 * nothing is read before it is needed.
 */
guint
pe_plugins_engine_count_parsed (PePluginsEngine *self)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (self), 0);
  return self->n_parsed;
}
