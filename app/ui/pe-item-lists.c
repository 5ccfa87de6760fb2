/* pe-item-lists.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list under its title, with the clause that enumerates it; one
 * filter over all of them. The filter folds text as the cross-document
 * search does (case, full-width forms, common traditional characters), and
 * every word must match the item's Chinese or English, so that what the
 * search finds, the filter shows.
 */
#define G_LOG_DOMAIN "pe-item-lists"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-item-lists.h"

typedef struct
{
  PeItemList *list;
  GtkWidget  *heading;
  GtkWidget  *box;       /* GtkListBox of the items */
} Section;

struct _PeItemLists
{
  GtkBox      parent_instance;

  PeDocument *document;
  GtkWidget  *search;
  GPtrArray  *sections;  /* of Section */
  GStrv       terms;     /* folded words of the filter, NULL for none */
};

G_DEFINE_FINAL_TYPE (PeItemLists, pe_item_lists, GTK_TYPE_BOX)

static void
section_free (Section *s)
{
  pe_item_list_unref (s->list);
  g_free (s);
}

static gboolean
row_matches (PeItemLists   *self,
             GtkListBoxRow *row)
{
  const char *hay = g_object_get_data (G_OBJECT (row), "pe-haystack");

  if (self->terms == NULL)
    return TRUE;
  for (guint i = 0; self->terms[i] != NULL; i++)
    if (*self->terms[i] != '\0' && strstr (hay, self->terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       data)
{
  return row_matches (data, row);
}

static guint
count_section (PeItemLists *self,
               Section     *s)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (s->box));
  guint n = 0;

  for (GList *l = rows; l; l = l->next)
    if (row_matches (self, l->data))
      n++;
  g_list_free (rows);
  return n;
}

static void
update_heading (PeItemLists *self,
                Section     *s)
{
  guint total = s->list->items->len;
  guint shown = count_section (self, s);
  g_autofree char *count = self->terms == NULL
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", total), total)
    /* Translators: items of a list shown by the filter, of all its items */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item", "%u of %u items", total), shown, total);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  <span alpha=\"60%%\">%s</span>",
                                                     pe_text_get (s->list->title, pe_language_default ()),
                                                     count);

  gtk_label_set_markup (GTK_LABEL (s->heading), markup);
  /* a list with no match shows only its heading */
  gtk_widget_set_visible (s->box, shown > 0);
}

static GtkWidget *
item_row (const PeText *item,
          guint         number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autofree char *n = g_strdup_printf ("%u", number);
  g_autofree char *both = g_strdup_printf ("%s %s", item->zh, item->en);
  GtkWidget *num = gtk_label_new (n);
  GtkWidget *zh = gtk_label_new (item->zh);
  GtkWidget *en = gtk_label_new (item->en);

  gtk_label_set_width_chars (GTK_LABEL (num), 3);
  gtk_label_set_xalign (GTK_LABEL (num), 1);
  gtk_label_set_yalign (GTK_LABEL (num), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (num), "pe-dim");
  for (GtkWidget **l = (GtkWidget *[]) { zh, en, NULL }; *l; l++)
    {
      gtk_label_set_xalign (GTK_LABEL (*l), 0);
      gtk_label_set_yalign (GTK_LABEL (*l), 0);
      gtk_label_set_line_wrap (GTK_LABEL (*l), TRUE);
      gtk_label_set_selectable (GTK_LABEL (*l), TRUE);
      gtk_widget_set_hexpand (*l, TRUE);
    }
  /* the original and the English in two equal columns, as the measures */
  gtk_box_set_homogeneous (GTK_BOX (texts), TRUE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_container_add (GTK_CONTAINER (texts), zh);
  gtk_container_add (GTK_CONTAINER (texts), en);
  gtk_container_add (GTK_CONTAINER (box), num);
  gtk_container_add (GTK_CONTAINER (box), texts);
  g_object_set (box, "margin", 4, NULL);
  gtk_container_add (GTK_CONTAINER (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  atk_object_set_name (gtk_widget_get_accessible (row), both);
  g_object_set_data_full (G_OBJECT (row), "pe-haystack", pe_search_normalize (both), g_free);
  return row;
}

static Section *
add_section (PeItemLists *self,
             PeItemList  *list)
{
  Section *s = g_new0 (Section, 1);
  PeMeasure *m = pe_document_get_measure (self->document, list->clause->measure_id);
  /* where the text enumerates them: 二、推广“掌上办”  “…40项…” */
  g_autofree char *where = g_strdup_printf ("%s%s%s  “%s”",
                                            m && m->number ? m->number : "",
                                            m && m->number ? pe_measure_number_separator (m) : "",
                                            m ? pe_text_get (m->title, pe_language_default ()) : list->clause->measure_id,
                                            list->clause->quote);
  GtkWidget *quote = gtk_label_new (where);

  s->list = pe_item_list_ref (list);
  s->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (s->heading), 0);
  gtk_widget_set_name (s->heading, list->id);
  g_object_set (s->heading, "margin-top", 12, NULL);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_line_wrap (GTK_LABEL (quote), TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (quote), "pe-dim");

  s->box = gtk_list_box_new ();
  gtk_widget_set_name (s->box, list->id);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (s->box), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (s->box), filter_func, self, NULL);
  atk_object_set_name (gtk_widget_get_accessible (s->box), pe_text_get (list->title, pe_language_default ()));
  for (guint i = 0; i < list->items->len; i++)
    gtk_container_add (GTK_CONTAINER (s->box), item_row (g_ptr_array_index (list->items, i), i + 1));
  gtk_style_context_add_class (gtk_widget_get_style_context (s->box), "frame");

  gtk_container_add (GTK_CONTAINER (self), s->heading);
  gtk_container_add (GTK_CONTAINER (self), quote);
  gtk_container_add (GTK_CONTAINER (self), s->box);
  return s;
}

/**
 * pe_item_lists_set_filter:
 * @text: (nullable): words that every item shown contains, in Chinese or
 *   English
 */
void
pe_item_lists_set_filter (PeItemLists *self,
                          const char  *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (PE_IS_ITEM_LISTS (self));

  g_clear_pointer (&self->terms, g_strfreev);
  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      folded = pe_search_normalize (text);
      g_strstrip (folded);
      if (*folded != '\0')
        self->terms = g_strsplit_set (folded, " \t", -1);
    }
  if (g_strcmp0 (gtk_entry_get_text (GTK_ENTRY (self->search)), text ? text : "") != 0)
    gtk_entry_set_text (GTK_ENTRY (self->search), text ? text : "");
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *s = g_ptr_array_index (self->sections, i);
      gtk_list_box_invalidate_filter (GTK_LIST_BOX (s->box));
      update_heading (self, s);
    }
}

/**
 * pe_item_lists_count_visible:
 * @list_id: (nullable): a list, or %NULL for all of them
 *
 * Returns: the number of items the filter shows
 */
guint
pe_item_lists_count_visible (PeItemLists *self,
                             const char  *list_id)
{
  guint n = 0;

  g_return_val_if_fail (PE_IS_ITEM_LISTS (self), 0);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *s = g_ptr_array_index (self->sections, i);
      if (list_id == NULL || g_str_equal (s->list->id, list_id))
        n += count_section (self, s);
    }
  return n;
}

/**
 * pe_item_lists_show_list:
 *
 * Brings the list into view.
 *
 * Returns: whether the document has the list
 */
gboolean
pe_item_lists_show_list (PeItemLists *self,
                         const char  *list_id)
{
  g_return_val_if_fail (PE_IS_ITEM_LISTS (self), FALSE);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *s = g_ptr_array_index (self->sections, i);
      if (g_str_equal (s->list->id, list_id))
        {
          GtkWidget *sw = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
          GtkAllocation alloc;

          gtk_widget_get_allocation (s->heading, &alloc);
          if (sw != NULL && alloc.y >= 0)
            gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw)), alloc.y);
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   PeItemLists    *self)
{
  pe_item_lists_set_filter (self, gtk_entry_get_text (GTK_ENTRY (entry)));
}

static void
pe_item_lists_finalize (GObject *object)
{
  PeItemLists *self = PE_ITEM_LISTS (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_strfreev);
  G_OBJECT_CLASS (pe_item_lists_parent_class)->finalize (object);
}

static void
pe_item_lists_class_init (PeItemListsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_item_lists_finalize;
}

static void
pe_item_lists_init (PeItemLists *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);

  self->search = gtk_search_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->search), _("Filter the items of these lists"));
  gtk_widget_set_name (self->search, "list-filter");
  atk_object_set_name (gtk_widget_get_accessible (self->search), _("Filter list items"));
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_container_add (GTK_CONTAINER (self), self->search);
}

/**
 * pe_item_lists_new:
 * @document: a document with lists
 *
 * Returns: (transfer floating): the view of @document's lists
 */
GtkWidget *
pe_item_lists_new (PeDocument *document)
{
  PeItemLists *self;
  GPtrArray *lists;

  g_return_val_if_fail (PE_IS_DOCUMENT (document), NULL);

  self = g_object_new (PE_TYPE_ITEM_LISTS, NULL);
  self->document = g_object_ref (document);
  lists = pe_document_get_lists (document);
  for (guint i = 0; i < lists->len; i++)
    {
      Section *s = add_section (self, g_ptr_array_index (lists, i));
      g_ptr_array_add (self->sections, s);
      update_heading (self, s);
    }
  return GTK_WIDGET (self);
}
