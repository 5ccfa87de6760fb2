/* pe-search-results.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is built at the first search, from every active document, and
 * a document is dropped from it when its plugin is disabled. Activating a
 * result emits ::open-measure with the document and measure ids, or, for
 * an item of a list, ::open-list with the list and the words searched.
 */
#define G_LOG_DOMAIN "pe-search-results"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-search-results.h"

struct _PeSearchResults
{
  GtkBox           parent_instance;

  PePluginsEngine *engine;
  PeSearchIndex   *index;
  GtkWidget       *summary;
  GtkWidget       *list;
  char            *query;
};

G_DEFINE_FINAL_TYPE (PeSearchResults, pe_search_results, GTK_TYPE_BOX)

enum {
  OPEN_MEASURE,
  OPEN_LIST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ensure_index (PeSearchResults *self)
{
  GList *plugins = pe_plugins_engine_get_document_plugins (self->engine);

  for (GList *l = plugins; l; l = l->next)
    {
      const char *id = pe_plugin_info_get_document_id (l->data);
      PeDocument *doc;

      if (pe_search_index_has_document (self->index, id))
        continue;
      /* a document that cannot be read is reported by the engine */
      doc = pe_plugins_engine_get_document (self->engine, l->data, NULL);
      if (doc != NULL)
        pe_search_index_add_document (self->index, doc);
    }
  g_list_free (plugins);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  PeSearchResults *self = data;
  const char *doc = g_object_get_data (G_OBJECT (row), "pe-document-id");
  GtkWidget *header;
  PeasPluginInfo *info;

  if (before != NULL && g_strcmp0 (doc, g_object_get_data (G_OBJECT (before), "pe-document-id")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  info = pe_plugins_engine_find_document (self->engine, doc);
  header = gtk_label_new (info ? peas_plugin_info_get_name (info) : doc);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (header), "pe-section-title");
  g_object_set (header, "margin-start", 12, "margin-top", 12, "margin-bottom", 4, NULL);
  gtk_widget_show (header);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
hit_row (PeSearchResults   *self,
         const PeSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *snippet;
  PeasPluginInfo *info = pe_plugins_engine_find_document (self->engine, hit->document_id);
  PeDocument *doc = info ? pe_plugins_engine_peek_document (self->engine, info) : NULL;
  PeMeasure *m = doc ? pe_document_get_measure (doc, hit->measure_id) : NULL;
  PeItemList *list = doc && hit->list_id ? pe_document_get_list (doc, hit->list_id) : NULL;
  /* an item of a list is headed by the list, under its measure's number */
  g_autofree char *head = g_strdup_printf ("%s  %s", m && m->number ? m->number : hit->measure_id,
                                           list ? pe_text_get (list->title, pe_language_default ())
                                           : m ? pe_text_get (m->title, pe_language_default ()) : "");
  g_autofree char *before = g_markup_escape_text (hit->snippet, hit->match_start);
  g_autofree char *match = g_markup_escape_text (hit->snippet + hit->match_start, hit->match_length);
  g_autofree char *after = g_markup_escape_text (hit->snippet + hit->match_start + hit->match_length, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b>%s</b>%s", before, match, after);

  title = gtk_label_new (head);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (title), "pe-measure-title");
  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  g_object_set (box, "margin", 8, "margin-start", 18, NULL);
  gtk_container_add (GTK_CONTAINER (box), title);
  gtk_container_add (GTK_CONTAINER (box), snippet);
  gtk_container_add (GTK_CONTAINER (row), box);
  atk_object_set_name (gtk_widget_get_accessible (row), head);
  g_object_set_data_full (G_OBJECT (row), "pe-document-id", g_strdup (hit->document_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "pe-measure-id", g_strdup (hit->measure_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "pe-list-id", g_strdup (hit->list_id), g_free);
  gtk_widget_show_all (row);
  return row;
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  PeSearchResults *self)
{
  const char *list_id = g_object_get_data (G_OBJECT (row), "pe-list-id");

  if (list_id != NULL)
    g_signal_emit (self, signals[OPEN_LIST], 0,
                   g_object_get_data (G_OBJECT (row), "pe-document-id"), list_id, self->query);
  else
    g_signal_emit (self, signals[OPEN_MEASURE], 0,
                   g_object_get_data (G_OBJECT (row), "pe-document-id"),
                   g_object_get_data (G_OBJECT (row), "pe-measure-id"));
}

/**
 * pe_search_results_search:
 *
 * Returns: the number of measures and list items found
 */
guint
pe_search_results_search (PeSearchResults *self,
                          const char      *query)
{
  g_autoptr(GPtrArray) hits = NULL;
  GList *rows;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (PE_IS_SEARCH_RESULTS (self), 0);

  rows = gtk_container_get_children (GTK_CONTAINER (self->list));
  for (GList *l = rows; l; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (rows);

  ensure_index (self);
  g_free (self->query);
  self->query = g_strdup (query);
  hits = pe_search_index_query (self->index, query, 500);
  for (guint i = 0; i < hits->len; i++)
    gtk_container_add (GTK_CONTAINER (self->list), hit_row (self, g_ptr_array_index (hits, i)));

  {
    guint items = 0, measures;

    for (guint i = 0; i < hits->len; i++)
      if (((PeSearchHit *) g_ptr_array_index (hits, i))->list_id != NULL)
        items++;
    measures = hits->len - items;
    if (hits->len == 0)
      summary = g_strdup (_("No measure matches."));
    else if (items == 0)
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", measures), measures);
    else
      {
        g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", measures), measures);
        g_autofree char *it = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u list item", "%u list items", items), items);
        /* Translators: “3 measures, 5 list items” */
        summary = g_strdup_printf (_("%s, %s"), m, it);
      }
  }
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  return hits->len;
}

void
pe_search_results_forget (PeSearchResults *self,
                          const char      *document_id)
{
  g_return_if_fail (PE_IS_SEARCH_RESULTS (self));
  pe_search_index_remove_document (self->index, document_id);
}

gboolean
pe_search_results_activate_first (PeSearchResults *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PE_IS_SEARCH_RESULTS (self), FALSE);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0);
  if (row == NULL)
    return FALSE;
  on_row_activated (GTK_LIST_BOX (self->list), row, self);
  return TRUE;
}

/**
 * pe_search_results_get_list:
 *
 * Returns: (transfer none):
 */
GtkWidget *
pe_search_results_get_list (PeSearchResults *self)
{
  g_return_val_if_fail (PE_IS_SEARCH_RESULTS (self), NULL);
  return self->list;
}

static void
pe_search_results_dispose (GObject *object)
{
  PeSearchResults *self = PE_SEARCH_RESULTS (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->index);
  g_clear_pointer (&self->query, g_free);
  G_OBJECT_CLASS (pe_search_results_parent_class)->dispose (object);
}

static void
pe_search_results_class_init (PeSearchResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pe_search_results_dispose;

  /**
   * PeSearchResults::open-measure:
   * @document_id: the document
   * @measure_id: the measure
   */
  signals[OPEN_MEASURE] =
    g_signal_new ("open-measure", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * PeSearchResults::open-list:
   * @document_id: the document
   * @list_id: the list
   * @query: the words searched, to filter the list with
   */
  signals[OPEN_LIST] =
    g_signal_new ("open-list", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
pe_search_results_init (PeSearchResults *self)
{
  GtkWidget *sw = gtk_scrolled_window_new (NULL, NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->index = pe_search_index_new ();
  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->summary), "pe-dim");
  g_object_set (self->summary, "margin", 12, NULL);
  gtk_container_add (GTK_CONTAINER (self), self->summary);

  self->list = gtk_list_box_new ();
  gtk_widget_set_name (self->list, "search-results");
  atk_object_set_name (gtk_widget_get_accessible (self->list), _("Search results"));
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), header_func, self, NULL);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_container_add (GTK_CONTAINER (sw), self->list);
  gtk_container_add (GTK_CONTAINER (self), sw);
  gtk_widget_show_all (GTK_WIDGET (self));
}

GtkWidget *
pe_search_results_new (PePluginsEngine *engine)
{
  PeSearchResults *self = g_object_new (PE_TYPE_SEARCH_RESULTS, NULL);

  self->engine = g_object_ref (engine);
  return GTK_WIDGET (self);
}
