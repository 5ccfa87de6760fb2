/* pe-document-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview, the profile and the comparison need every active
 * document, and reading thirteen of them takes longer than a frame. So
 * nothing is read until a page asks (pe_document_set_load()), and then
 * one document per idle callback, so that the window paints and answers
 * between two. ::document-read reports each; ::ready says the set is
 * complete — again whenever plugins are enabled or disabled.
 *
 * A document that cannot be read is not retried until its plugin is
 * loaded again: its error is kept and shown.
 */
#define G_LOG_DOMAIN "pe-document-set"

#include "config.h"

#include "pe-document-set.h"

struct _PeDocumentSet
{
  GObject          parent_instance;

  PePluginsEngine *engine;
  GHashTable      *errors;      /* module name -> message */
  gboolean         wanted;      /* a page asked for the documents */
  guint            idle;
};

G_DEFINE_FINAL_TYPE (PeDocumentSet, pe_document_set, G_TYPE_OBJECT)

enum {
  DOCUMENT_READ,
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The next active plugin whose document is neither read nor refused. */
static PeasPluginInfo *
next_unread (PeDocumentSet *self)
{
  g_autoptr(GList) plugins = pe_plugins_engine_get_document_plugins (self->engine);

  for (GList *l = plugins; l; l = l->next)
    if (pe_plugins_engine_peek_document (self->engine, l->data) == NULL &&
        !g_hash_table_contains (self->errors, peas_plugin_info_get_module_name (l->data)))
      return l->data;
  return NULL;
}

static gboolean
read_one (gpointer data)
{
  PeDocumentSet *self = data;
  PeasPluginInfo *info = next_unread (self);
  g_autoptr(GError) error = NULL;
  PeDocument *doc;

  if (info == NULL)
    {
      self->idle = 0;
      g_signal_emit (self, signals[READY], 0);
      return G_SOURCE_REMOVE;
    }
  doc = pe_plugins_engine_get_document (self->engine, info, &error);
  if (doc == NULL)
    g_hash_table_insert (self->errors, g_strdup (peas_plugin_info_get_module_name (info)),
                         g_strdup (error->message));
  g_signal_emit (self, signals[DOCUMENT_READ], 0, info, doc);
  return G_SOURCE_CONTINUE;
}

static void
schedule (PeDocumentSet *self)
{
  if (self->wanted && self->idle == 0)
    /* below the priority of drawing and input */
    self->idle = g_idle_add_full (G_PRIORITY_LOW, read_one, self, NULL);
}

static void
on_load_plugin (PeasEngine     *engine,
                PeasPluginInfo *info,
                PeDocumentSet  *self)
{
  g_hash_table_remove (self->errors, peas_plugin_info_get_module_name (info));
  schedule (self);
}

static void
on_unload_plugin (PeasEngine     *engine,
                  PeasPluginInfo *info,
                  PeDocumentSet  *self)
{
  g_hash_table_remove (self->errors, peas_plugin_info_get_module_name (info));
  if (self->wanted)
    {
      /* the rest is read already, or about to be: say so once it is */
      g_clear_handle_id (&self->idle, g_source_remove);
      schedule (self);
    }
}

static void
pe_document_set_dispose (GObject *object)
{
  PeDocumentSet *self = PE_DOCUMENT_SET (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (pe_document_set_parent_class)->dispose (object);
}

static void
pe_document_set_finalize (GObject *object)
{
  g_hash_table_unref (PE_DOCUMENT_SET (object)->errors);
  G_OBJECT_CLASS (pe_document_set_parent_class)->finalize (object);
}

static void
pe_document_set_class_init (PeDocumentSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pe_document_set_dispose;
  object_class->finalize = pe_document_set_finalize;

  /**
   * PeDocumentSet::document-read:
   * @info: the plugin
   * @document: (nullable): its document, or %NULL when it could not be read
   */
  signals[DOCUMENT_READ] =
    g_signal_new ("document-read", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PEAS_TYPE_PLUGIN_INFO, PE_TYPE_DOCUMENT);

  /**
   * PeDocumentSet::ready:
   *
   * Every active document has been read (or refused).
   */
  signals[READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pe_document_set_init (PeDocumentSet *self)
{
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PeDocumentSet *
pe_document_set_new (PePluginsEngine *engine)
{
  PeDocumentSet *self;

  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (engine), NULL);

  self = g_object_new (PE_TYPE_DOCUMENT_SET, NULL);
  self->engine = g_object_ref (engine);
  g_signal_connect_after (engine, "load-plugin", G_CALLBACK (on_load_plugin), self);
  g_signal_connect_after (engine, "unload-plugin", G_CALLBACK (on_unload_plugin), self);
  return self;
}

/**
 * pe_document_set_get_engine:
 *
 * Returns: (transfer none):
 */
PePluginsEngine *
pe_document_set_get_engine (PeDocumentSet *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), NULL);
  return self->engine;
}

/**
 * pe_document_set_load:
 *
 * Starts reading the documents not yet read, one per idle callback; from
 * now on those of plugins enabled later are read too. ::ready follows,
 * also when every document was read already.
 */
void
pe_document_set_load (PeDocumentSet *self)
{
  g_return_if_fail (PE_IS_DOCUMENT_SET (self));

  self->wanted = TRUE;
  schedule (self);
}

/**
 * pe_document_set_is_ready:
 *
 * Returns: whether every active document has been read or refused
 */
gboolean
pe_document_set_is_ready (PeDocumentSet *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), FALSE);
  return self->wanted && self->idle == 0 && next_unread (self) == NULL;
}

/**
 * pe_document_set_get_plugins:
 *
 * Returns: (transfer container) (element-type PeasPluginInfo): the active
 *   document plugins, in the order of the sidebar
 */
GList *
pe_document_set_get_plugins (PeDocumentSet *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), NULL);
  return pe_plugins_engine_get_document_plugins (self->engine);
}

/**
 * pe_document_set_get_documents:
 *
 * Returns: (transfer container) (element-type PeDocument): the documents
 *   read so far, in the order of the sidebar
 */
GPtrArray *
pe_document_set_get_documents (PeDocumentSet *self)
{
  g_autoptr(GList) plugins = NULL;
  GPtrArray *docs;

  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), NULL);

  docs = g_ptr_array_new_with_free_func (g_object_unref);
  plugins = pe_plugins_engine_get_document_plugins (self->engine);
  for (GList *l = plugins; l; l = l->next)
    {
      PeDocument *doc = pe_plugins_engine_peek_document (self->engine, l->data);
      if (doc != NULL)
        g_ptr_array_add (docs, g_object_ref (doc));
    }
  return docs;
}

/**
 * pe_document_set_peek:
 *
 * Returns: (transfer none) (nullable): the document of @info, if read
 */
PeDocument *
pe_document_set_peek (PeDocumentSet  *self,
                      PeasPluginInfo *info)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), NULL);
  return pe_plugins_engine_peek_document (self->engine, info);
}

/**
 * pe_document_set_find:
 *
 * Returns: (transfer none) (nullable): the active document @document_id,
 *   if read
 */
PeDocument *
pe_document_set_find (PeDocumentSet *self,
                      const char    *document_id)
{
  PeasPluginInfo *info;

  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), NULL);
  info = pe_plugins_engine_find_document (self->engine, document_id);
  return info ? pe_plugins_engine_peek_document (self->engine, info) : NULL;
}

/**
 * pe_document_set_get_error:
 *
 * Returns: (nullable): why the document of @info could not be read
 */
const char *
pe_document_set_get_error (PeDocumentSet  *self,
                           PeasPluginInfo *info)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_SET (self), NULL);
  return g_hash_table_lookup (self->errors, peas_plugin_info_get_module_name (info));
}
