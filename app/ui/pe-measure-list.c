/* pe-measure-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filter matches the titles, the original text, the English rendering
 * and the responsible units, ignoring case. The "text-language" setting
 * chooses the original, the English, or both side by side.
 */
#define G_LOG_DOMAIN "pe-measure-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-measure-list.h"
#include "pe-text-block.h"

struct _PeMeasureList
{
  GtkBox      parent_instance;

  PeDocument *document;
  GtkWidget  *search;
  GtkWidget  *list;
  char       *filter;      /* casefolded */
  char       *language;    /* both, original, english */
};

G_DEFINE_FINAL_TYPE (PeMeasureList, pe_measure_list, GTK_TYPE_BOX)

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static char *
haystack_of (PeMeasure *m)
{
  GString *s = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_string_append_printf (s, "%s %s %s %s %s %s", m->id, m->number ? m->number : "",
                          m->title->zh, m->title->en, m->text->zh, m->text->en);
  for (guint i = 0; i < m->units->len; i++)
    {
      const PeText *u = g_ptr_array_index (m->units, i);
      g_string_append_printf (s, " %s %s", u->zh, u->en);
    }
  folded = g_utf8_casefold (s->str, -1);
  g_string_free (s, TRUE);
  return g_steal_pointer (&folded);
}

static GtkWidget *
measure_row (PeMeasure *m)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *zh, *en;
  g_autofree char *title = g_strdup_printf ("%s%s%s  ·  %s", m->number ? m->number : "",
                                            pe_measure_number_separator (m), m->title->zh, m->title->en);
  GString *meta = g_string_new (NULL);

  gtk_style_context_add_class (gtk_widget_get_style_context (box), "pe-measure");
  {
    GtkWidget *t = pe_text_block_new (title);
    gtk_style_context_add_class (gtk_widget_get_style_context (t), "pe-measure-title");
    gtk_container_add (GTK_CONTAINER (box), t);
  }

  zh = pe_text_block_new (m->text->zh);
  en = pe_text_block_new (m->text->en);
  gtk_widget_set_hexpand (zh, TRUE);
  gtk_widget_set_hexpand (en, TRUE);
  gtk_widget_set_name (zh, "original");
  gtk_widget_set_name (en, "english");
  gtk_box_set_homogeneous (GTK_BOX (texts), TRUE);
  gtk_container_add (GTK_CONTAINER (texts), zh);
  gtk_container_add (GTK_CONTAINER (texts), en);
  gtk_container_add (GTK_CONTAINER (box), texts);
  g_object_set_data (G_OBJECT (row), "pe-original", zh);
  g_object_set_data (G_OBJECT (row), "pe-english", en);

  if (m->units->len > 0)
    {
      g_string_append_printf (meta, "%s: ", _("Responsible"));
      for (guint i = 0; i < m->units->len; i++)
        g_string_append_printf (meta, "%s%s%s", i ? "; " : "", tr (g_ptr_array_index (m->units, i)),
                                i == 0 && m->units->len > 1 ? _(" (lead)") : "");
    }
  if (m->deadline != NULL)
    g_string_append_printf (meta, "%s%s: %s", meta->len ? "\n" : "", _("Completion"), m->deadline);
  for (guint i = 0; i < m->targets->len; i++)
    {
      PeTarget *t = g_ptr_array_index (m->targets, i);
      g_autofree char *q = pe_rational_to_string (t->quantity, 4);
      g_string_append_printf (meta, "%s%s %d: %s %s%s %s", meta->len ? "\n" : "", _("Target"), t->year,
                              tr (t->label), q, t->bound == PE_BOUND_MINIMUM ? "+" : "", tr (t->unit));
    }
  if (meta->len > 0)
    {
      GtkWidget *t = pe_text_block_new (meta->str);
      gtk_style_context_add_class (gtk_widget_get_style_context (t), "pe-dim");
      gtk_container_add (GTK_CONTAINER (box), t);
    }
  g_string_free (meta, TRUE);

  gtk_container_add (GTK_CONTAINER (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, m->id);
  g_object_set_data_full (G_OBJECT (row), "pe-haystack", haystack_of (m), g_free);
  g_object_set_data_full (G_OBJECT (row), "pe-measure-id", g_strdup (m->id), g_free);
  return row;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       data)
{
  PeMeasureList *self = data;
  const char *hay = g_object_get_data (G_OBJECT (row), "pe-haystack");

  return self->filter == NULL || strstr (hay, self->filter) != NULL;
}

void
pe_measure_list_set_filter (PeMeasureList *self,
                            const char    *text)
{
  g_return_if_fail (PE_IS_MEASURE_LIST (self));

  g_clear_pointer (&self->filter, g_free);
  if (text != NULL && *text != '\0')
    self->filter = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
}

guint
pe_measure_list_count_visible (PeMeasureList *self)
{
  GList *rows;
  guint n = 0;

  g_return_val_if_fail (PE_IS_MEASURE_LIST (self), 0);

  rows = gtk_container_get_children (GTK_CONTAINER (self->list));
  for (GList *l = rows; l; l = l->next)
    if (filter_func (l->data, self))
      n++;
  g_list_free (rows);
  return n;
}

void
pe_measure_list_set_text_language (PeMeasureList *self,
                                   const char    *language)
{
  GList *rows;

  g_return_if_fail (PE_IS_MEASURE_LIST (self));

  g_free (self->language);
  self->language = g_strdup (language);
  rows = gtk_container_get_children (GTK_CONTAINER (self->list));
  for (GList *l = rows; l; l = l->next)
    {
      gtk_widget_set_visible (g_object_get_data (l->data, "pe-original"),
                              g_strcmp0 (language, "english") != 0);
      gtk_widget_set_visible (g_object_get_data (l->data, "pe-english"),
                              g_strcmp0 (language, "original") != 0);
    }
  g_list_free (rows);
}

/**
 * pe_measure_list_show_measure:
 *
 * Clears the filter and scrolls to the measure.
 */
gboolean
pe_measure_list_show_measure (PeMeasureList *self,
                              const char    *measure_id)
{
  GList *rows;
  gboolean found = FALSE;

  g_return_val_if_fail (PE_IS_MEASURE_LIST (self), FALSE);

  gtk_entry_set_text (GTK_ENTRY (self->search), "");
  rows = gtk_container_get_children (GTK_CONTAINER (self->list));
  for (GList *l = rows; l && !found; l = l->next)
    if (g_strcmp0 (g_object_get_data (l->data, "pe-measure-id"), measure_id) == 0)
      {
        GtkAdjustment *adj = gtk_list_box_get_adjustment (GTK_LIST_BOX (self->list));
        GtkAllocation alloc;

        gtk_widget_get_allocation (l->data, &alloc);
        if (adj != NULL && alloc.y >= 0)
          gtk_adjustment_set_value (adj, alloc.y);
        gtk_list_box_select_row (GTK_LIST_BOX (self->list), l->data);
        found = TRUE;
      }
  g_list_free (rows);
  return found;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   PeMeasureList  *self)
{
  pe_measure_list_set_filter (self, gtk_entry_get_text (GTK_ENTRY (entry)));
}

static void
pe_measure_list_finalize (GObject *object)
{
  PeMeasureList *self = PE_MEASURE_LIST (object);

  g_clear_object (&self->document);
  g_free (self->filter);
  g_free (self->language);
  G_OBJECT_CLASS (pe_measure_list_parent_class)->finalize (object);
}

static void
pe_measure_list_class_init (PeMeasureListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_measure_list_finalize;
}

static void
pe_measure_list_init (PeMeasureList *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->search = gtk_search_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->search), _("Filter the measures of this document"));
  gtk_widget_set_name (self->search, "measure-filter");
  atk_object_set_name (gtk_widget_get_accessible (self->search), _("Filter measures"));
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_container_add (GTK_CONTAINER (self), self->search);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), filter_func, self, NULL);
  gtk_container_add (GTK_CONTAINER (self), self->list);
  {
    GtkWidget *empty = gtk_label_new (_("No measure matches the filter."));
    gtk_style_context_add_class (gtk_widget_get_style_context (empty), "pe-dim");
    gtk_widget_show (empty);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), empty);
  }
}

GtkWidget *
pe_measure_list_new (PeDocument *document)
{
  PeMeasureList *self = g_object_new (PE_TYPE_MEASURE_LIST, NULL);
  GPtrArray *measures = pe_document_get_measures (document);

  self->document = g_object_ref (document);
  for (guint i = 0; i < measures->len; i++)
    gtk_container_add (GTK_CONTAINER (self->list), measure_row (g_ptr_array_index (measures, i)));
  return GTK_WIDGET (self);
}
