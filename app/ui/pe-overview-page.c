/* pe-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The home page: every active document with its validity on a timeline
 * against a date the analyst chooses, its counts, and those that expire
 * within 90 days of that date. A document that is over (or not begun)
 * stays, dimmed; a date the text does not give is drawn as not known,
 * never guessed.
 *
 * The documents are read when the page is first shown, one per idle
 * callback (PeDocumentSet), so the window has painted long before.
 */
#define G_LOG_DOMAIN "pe-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-chart-export-button.h"
#include "pe-chart-view.h"
#include "pe-document-set.h"
#include "pe-overview-page.h"
#include "pe-validity.h"

#define EXPIRING_DAYS 90

struct _PeOverviewPage
{
  GtkBox         parent_instance;

  PeDocumentSet *documents;
  guint32        as_of;
  PeChartModel  *timeline;
  guint          n_expiring;

  GtkWidget     *as_of_entry;
  GtkWidget     *summary;
  GtkWidget     *timeline_card;
  GtkWidget     *expiring_title;
  GtkWidget     *expiring_list;
  GtkWidget     *document_list;
};

G_DEFINE_FINAL_TYPE (PeOverviewPage, pe_overview_page, GTK_TYPE_BOX)

enum {
  OPEN_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static GtkWidget *
text_label (const char *text,
            const char *style_class)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_line_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_line_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (l), style_class);
  return l;
}

static void
clear_container (GtkWidget *box)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (box));

  for (GList *l = children; l; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

/* One event per document on the timeline, with what is not known said. */
static void
add_timeline_event (PeChartModel *model,
                    PeDocument   *doc,
                    guint32       as_of)
{
  guint32 start = 0, end = 0;
  PeInForce f = pe_document_in_force (doc, as_of, 0, &start, &end);
  PeChartEventFlags flags = PE_CHART_EVENT_NONE;
  const char *note = NULL;
  g_autofree char *tip = NULL;
  guint index = pe_chart_model_get_n_events (model);

  tip = g_strdup_printf ("%s\n%s", tr (pe_document_get_title (doc)), tr (pe_document_get_validity_text (doc)));
  pe_chart_model_add_event (model, tr (pe_document_get_short_title (doc)), start, end ? end : start, tip);

  if (start == 0 && end == 0)
    {
      flags = PE_CHART_EVENT_OPEN_START | PE_CHART_EVENT_OPEN_END;
      note = pe_document_get_start_rule (doc) == PE_DATE_RULE_NOT_STATED &&
             pe_document_get_end_rule (doc) == PE_DATE_RULE_NOT_STATED
             ? _("the text states no validity")
             : _("runs from its issue date, which the text does not give");
    }
  else if (start == 0)
    {
      flags = PE_CHART_EVENT_OPEN_START;
      note = pe_document_get_start_rule (doc) == PE_DATE_RULE_ISSUE_DATE
             ? _("start: the issue date, not given") : _("no start stated");
    }
  else if (end == 0)
    {
      flags = PE_CHART_EVENT_OPEN_END;
      note = _("no end stated");
    }
  if (pe_validity_is_over (f))
    flags |= PE_CHART_EVENT_DIMMED;
  pe_chart_model_set_event_flags (model, index, flags, note);
}

static GtkWidget *
document_row (PeOverviewPage *self,
              PeasPluginInfo *info,
              PeDocument     *doc,
              const char     *error)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name, *status, *detail;
  const char *id = pe_plugin_info_get_document_id (info);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  g_object_set (grid, "margin", 10, NULL);
  gtk_widget_set_name (row, id);
  g_object_set_data_full (G_OBJECT (row), "pe-document-id", g_strdup (id), g_free);

  name = text_label (doc ? tr (pe_document_get_short_title (doc)) : peas_plugin_info_get_name (info),
                     "pe-measure-title");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 1, 1);

  if (doc != NULL)
    {
      PeInForce f;
      g_autofree char *validity = pe_validity_describe (doc, self->as_of, 0, &f);
      g_autofree char *counts = NULL;
      g_autofree char *issuer = NULL;
      guint n_calc = pe_document_get_calculators (doc)->len;
      guint n_meas = pe_document_count_measures (doc);

      status = gtk_label_new (NULL);
      pe_validity_show (status, doc, self->as_of, 0);
      gtk_widget_set_halign (status, GTK_ALIGN_END);
      gtk_widget_set_valign (status, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), status, 1, 0, 1, 1);

      gtk_grid_attach (GTK_GRID (grid), text_label (pe_document_get_title (doc)->zh, NULL), 0, 1, 2, 1);
      g_autofree char *measures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure", "%u measures", n_meas), n_meas);
      g_autofree char *calculators = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u calculator", "%u calculators", n_calc), n_calc);

      counts = g_strdup_printf ("%s · %s", measures, calculators);
      issuer = pe_document_get_number (doc)
               ? g_strdup_printf ("%s · %s · %s", tr (pe_document_get_issuer (doc)), pe_document_get_number (doc), counts)
               : g_strdup_printf ("%s · %s", tr (pe_document_get_issuer (doc)), counts);
      detail = text_label (issuer, "pe-subtitle");
      gtk_widget_set_name (detail, "counts");
      gtk_grid_attach (GTK_GRID (grid), detail, 0, 2, 2, 1);

      /* over, or not begun: still listed, dimmed */
      if (pe_validity_is_over (f))
        gtk_style_context_add_class (gtk_widget_get_style_context (row), "pe-over");
      {
        g_autofree char *acc = g_strdup_printf ("%s, %s", tr (pe_document_get_short_title (doc)), validity);
        atk_object_set_name (gtk_widget_get_accessible (row), acc);
      }
      gtk_widget_set_tooltip_text (row, _("Open the document"));
    }
  else if (error != NULL)
    {
      gtk_grid_attach (GTK_GRID (grid), text_label (error, "pe-field-error"), 0, 1, 2, 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  else
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_grid_attach (GTK_GRID (grid), spinner, 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), text_label (_("Reading the document…"), "pe-dim"), 0, 1, 2, 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }

  gtk_container_add (GTK_CONTAINER (row), grid);
  gtk_widget_show_all (row);
  return row;
}

static GtkWidget *
expiring_row (PeDocument *doc,
              guint32     end,
              guint32     as_of)
{
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *date = pe_date_to_string (end);
  guint days = end - as_of;
  g_autofree char *when = days == 0 ? g_strdup (_("its last day"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u day", "in %u days", days), days);
  /* Translators: a document, the last day of its validity, and how far off that is */
  g_autofree char *text = g_strdup_printf (_("%s — ends %s (%s)"),
                                           tr (pe_document_get_short_title (doc)), date, when);
  GtkWidget *label = text_label (text, NULL);

  g_object_set (label, "margin", 8, NULL);
  gtk_widget_set_name (row, pe_document_get_id (doc));
  g_object_set_data_full (G_OBJECT (row), "pe-document-id", g_strdup (pe_document_get_id (doc)), g_free);
  gtk_container_add (GTK_CONTAINER (row), label);
  gtk_widget_show_all (row);
  return row;
}

static void
rebuild (PeOverviewPage *self)
{
  g_autoptr(GList) plugins = pe_document_set_get_plugins (self->documents);
  g_autofree char *as_of = pe_date_to_string (self->as_of);
  g_autofree char *title = NULL;
  guint n_docs = 0, n_force = 0, n_over = 0, n_unknown = 0, n_read = 0;
  GtkWidget *view, *bar;

  clear_container (self->document_list);
  clear_container (self->expiring_list);
  clear_container (self->timeline_card);
  g_clear_object (&self->timeline);
  self->n_expiring = 0;

  self->timeline = pe_chart_model_new (PE_CHART_TIMELINE, _("Validity of the active documents"));
  for (GList *l = plugins; l; l = l->next)
    {
      PeDocument *doc = pe_document_set_peek (self->documents, l->data);
      const char *error = pe_document_set_get_error (self->documents, l->data);

      n_docs++;
      gtk_container_add (GTK_CONTAINER (self->document_list), document_row (self, l->data, doc, error));
      if (doc == NULL)
        continue;
      n_read++;
      add_timeline_event (self->timeline, doc, self->as_of);
      {
        guint32 end = 0;
        PeInForce f = pe_document_in_force (doc, self->as_of, 0, NULL, &end);

        if (f == PE_IN_FORCE_YES && pe_document_get_start_rule (doc) == PE_DATE_RULE_NOT_STATED &&
            pe_document_get_end_rule (doc) == PE_DATE_RULE_NOT_STATED)
          n_unknown++;
        else if (f == PE_IN_FORCE_YES)
          n_force++;
        else if (pe_validity_is_over (f))
          n_over++;
        else
          n_unknown++;
        /* in force on the date and over within the next 90 days */
        if (end != 0 && f != PE_IN_FORCE_NOT_YET && end >= self->as_of && end - self->as_of <= EXPIRING_DAYS)
          {
            gtk_container_add (GTK_CONTAINER (self->expiring_list), expiring_row (doc, end, self->as_of));
            self->n_expiring++;
          }
      }
    }
  pe_chart_model_set_now (self->timeline, self->as_of, as_of);

  /* Translators: how many of the active documents are in force on a date */
  title = g_strdup_printf (_("As of %s: %u in force, %u over or not begun, %u whose validity is not stated or not known."),
                           as_of, n_force, n_over, n_unknown);
  gtk_label_set_text (GTK_LABEL (self->summary), n_docs == 0 ? _("No document is active. Enable documents in Plugins.")
                      : n_read < n_docs ? _("Reading the documents…") : title);

  g_free (title);
  title = g_strdup_printf (_("Expiring within %d days of %s"), EXPIRING_DAYS, as_of);
  gtk_label_set_text (GTK_LABEL (self->expiring_title), title);
  if (self->n_expiring == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *none = text_label (_("None of the active documents."), "pe-dim");

      g_object_set (none, "margin", 8, NULL);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_container_add (GTK_CONTAINER (row), none);
      gtk_widget_show_all (row);
      gtk_container_add (GTK_CONTAINER (self->expiring_list), row);
    }

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_pack_start (GTK_BOX (bar),
                      text_label (_("Faint: over or not yet begun on the date. Fading: a date the text does not give."), "pe-dim"),
                      TRUE, TRUE, 0);
  gtk_box_pack_end (GTK_BOX (bar), pe_chart_export_button_new (self->timeline), FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (self->timeline_card), bar);
  view = pe_chart_view_new (self->timeline);
  gtk_widget_set_name (view, "overview-timeline");
  gtk_container_add (GTK_CONTAINER (self->timeline_card), view);
  gtk_widget_show_all (self->timeline_card);
}

static void
on_document_read (PeDocumentSet  *set,
                  PeasPluginInfo *info,
                  PeDocument     *doc,
                  PeOverviewPage *self)
{
  /* the row of the document, filled in as it comes */
  GList *rows = gtk_container_get_children (GTK_CONTAINER (self->document_list));
  gint index = 0;

  for (GList *l = rows; l; l = l->next, index++)
    if (g_strcmp0 (g_object_get_data (l->data, "pe-document-id"), pe_plugin_info_get_document_id (info)) == 0)
      {
        gtk_widget_destroy (l->data);
        gtk_list_box_insert (GTK_LIST_BOX (self->document_list),
                             document_row (self, info, doc, pe_document_set_get_error (set, info)), index);
        break;
      }
  g_list_free (rows);
}

static void
on_ready (PeDocumentSet  *set,
          PeOverviewPage *self)
{
  rebuild (self);
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  PeOverviewPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "pe-document-id");

  if (id != NULL)
    g_signal_emit (self, signals[OPEN_DOCUMENT], 0, id);
}

static void
on_as_of_changed (GtkEntry       *entry,
                  PeOverviewPage *self)
{
  const char *text = gtk_entry_get_text (entry);
  GtkStyleContext *sc = gtk_widget_get_style_context (GTK_WIDGET (entry));
  guint32 julian;

  if (*text == '\0')
    julian = pe_date_today ();
  else if (!pe_date_parse (text, &julian))
    {
      gtk_style_context_add_class (sc, "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("A date between 1900-01-01 and 2200-12-31, written YYYY-MM-DD"));
      return;
    }
  gtk_style_context_remove_class (sc, "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("The date validity is shown for"));
  if (julian != self->as_of)
    {
      self->as_of = julian;
      rebuild (self);
    }
}

static void
on_today_clicked (GtkButton      *button,
                  PeOverviewPage *self)
{
  pe_overview_page_set_as_of (self, pe_date_today ());
}

static void
pe_overview_page_map (GtkWidget *widget)
{
  PeOverviewPage *self = PE_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (pe_overview_page_parent_class)->map (widget);
  /* the documents are read once the page is on screen, not before */
  pe_document_set_load (self->documents);
}

static void
pe_overview_page_dispose (GObject *object)
{
  PeOverviewPage *self = PE_OVERVIEW_PAGE (object);

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  g_clear_object (&self->documents);
  g_clear_object (&self->timeline);
  G_OBJECT_CLASS (pe_overview_page_parent_class)->dispose (object);
}

static void
pe_overview_page_class_init (PeOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pe_overview_page_dispose;
  widget_class->map = pe_overview_page_map;

  /**
   * PeOverviewPage::open-document:
   * @document_id: the document the user chose
   */
  signals[OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/policyexplorer/PolicyExplorer/ui/pe-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PeOverviewPage, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, PeOverviewPage, summary);
  gtk_widget_class_bind_template_child (widget_class, PeOverviewPage, timeline_card);
  gtk_widget_class_bind_template_child (widget_class, PeOverviewPage, expiring_title);
  gtk_widget_class_bind_template_child (widget_class, PeOverviewPage, expiring_list);
  gtk_widget_class_bind_template_child (widget_class, PeOverviewPage, document_list);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
pe_overview_page_init (PeOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pe_overview_page_new (PeDocumentSet *documents)
{
  PeOverviewPage *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (PE_IS_DOCUMENT_SET (documents), NULL);

  self = g_object_new (PE_TYPE_OVERVIEW_PAGE, NULL);
  self->documents = g_object_ref (documents);
  self->as_of = pe_date_today ();
  today = pe_date_to_string (self->as_of);
  g_signal_handlers_block_by_func (self->as_of_entry, on_as_of_changed, self);
  gtk_entry_set_text (GTK_ENTRY (self->as_of_entry), today);
  g_signal_handlers_unblock_by_func (self->as_of_entry, on_as_of_changed, self);
  g_signal_connect_object (documents, "document-read", G_CALLBACK (on_document_read), self, 0);
  g_signal_connect_object (documents, "ready", G_CALLBACK (on_ready), self, 0);
  rebuild (self);
  return GTK_WIDGET (self);
}

/* The date validity is shown for; the entry follows. */
void
pe_overview_page_set_as_of (PeOverviewPage *self,
                            guint32         as_of)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PE_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (as_of != 0);

  text = pe_date_to_string (as_of);
  gtk_entry_set_text (GTK_ENTRY (self->as_of_entry), text);
  if (self->as_of != as_of)
    {
      self->as_of = as_of;
      rebuild (self);
    }
}

guint32
pe_overview_page_get_as_of (PeOverviewPage *self)
{
  g_return_val_if_fail (PE_IS_OVERVIEW_PAGE (self), 0);
  return self->as_of;
}

/**
 * pe_overview_page_get_timeline:
 *
 * Returns: (transfer none): the chart of validity
 */
PeChartModel *
pe_overview_page_get_timeline (PeOverviewPage *self)
{
  g_return_val_if_fail (PE_IS_OVERVIEW_PAGE (self), NULL);
  return self->timeline;
}

/* The documents that expire within 90 days of the date. */
guint
pe_overview_page_count_expiring (PeOverviewPage *self)
{
  g_return_val_if_fail (PE_IS_OVERVIEW_PAGE (self), 0);
  return self->n_expiring;
}

/**
 * pe_overview_page_get_document_list:
 *
 * Returns: (transfer none): the list of documents, one row each, named by
 *   the document id
 */
GtkWidget *
pe_overview_page_get_document_list (PeOverviewPage *self)
{
  g_return_val_if_fail (PE_IS_OVERVIEW_PAGE (self), NULL);
  return self->document_list;
}

/* The summary line above the timeline, for tests and screen readers. */
const char *
pe_overview_page_get_summary (PeOverviewPage *self)
{
  g_return_val_if_fail (PE_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->summary));
}
