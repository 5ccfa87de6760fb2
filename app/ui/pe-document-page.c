/* pe-document-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built the first time the document is shown. The calculator forms and
 * the charts are built when their tab is first opened, since charts
 * evaluate their calculator across the x range.
 */
#define G_LOG_DOMAIN "pe-document-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-calculator-form.h"
#include "pe-chart-export-button.h"
#include "pe-chart-view.h"
#include "pe-document-page.h"
#include "pe-item-lists.h"
#include "pe-measure-list.h"
#include "pe-page-activatable.h"
#include "pe-validity.h"

struct _PeDocumentPage
{
  GtkBox           parent_instance;

  PePluginsEngine *engine;
  PeasPluginInfo  *info;
  PeDocument      *document;
  PeasExtension   *addin;

  GtkWidget       *status;
  GtkWidget       *as_of_entry;
  GtkWidget       *issue_entry;
  GtkWidget       *stack;
  GtkWidget       *measures;
  GtkWidget       *calc_list;
  GtkWidget       *calc_stack;
  GtkWidget       *charts_box;
  GtkWidget       *lists;          /* NULL when the document has none */
  gboolean         charts_built;
  PeEvalOptions    options;
  char            *text_language;
};

G_DEFINE_FINAL_TYPE (PeDocumentPage, pe_document_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_PLUGIN_INFO,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static GtkWidget *
fact_label (const char *text,
            const char *style_class)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_line_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_selectable (GTK_LABEL (l), TRUE);
  gtk_widget_set_can_focus (l, FALSE);
  if (style_class)
    gtk_style_context_add_class (gtk_widget_get_style_context (l), style_class);
  return l;
}

static void
add_fact (GtkGrid    *grid,
          int        *top,
          const char *name,
          const char *value)
{
  GtkWidget *n, *v;

  if (value == NULL)
    return;
  n = fact_label (name, "pe-fact-name");
  v = fact_label (value, NULL);
  gtk_label_set_xalign (GTK_LABEL (n), 1);
  gtk_widget_set_hexpand (v, TRUE);
  gtk_grid_attach (grid, n, 0, *top, 1, 1);
  gtk_grid_attach (grid, v, 1, *top, 1, 1);
  (*top)++;
}

static void
update_status (PeDocumentPage *self)
{
  pe_validity_show (self->status, self->document, self->options.as_of, self->options.issue_date);
}

static void
apply_options (PeDocumentPage *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->calc_stack));

  for (GList *l = children; l; l = l->next)
    if (PE_IS_CALCULATOR_FORM (l->data))
      pe_calculator_form_set_options (l->data, &self->options);
  g_list_free (children);
  update_status (self);
}

static gboolean
read_date_entry (GtkWidget *entry,
                 guint32   *out,
                 guint32    empty_value)
{
  const char *text = gtk_entry_get_text (GTK_ENTRY (entry));
  GtkStyleContext *sc = gtk_widget_get_style_context (entry);

  if (*text == '\0')
    {
      *out = empty_value;
      gtk_style_context_remove_class (sc, "error");
      return TRUE;
    }
  if (!pe_date_parse (text, out))
    {
      gtk_style_context_add_class (sc, "error");
      gtk_widget_set_tooltip_text (entry, _("A date between 1900-01-01 and 2200-12-31, written YYYY-MM-DD"));
      return FALSE;
    }
  gtk_style_context_remove_class (sc, "error");
  gtk_widget_set_tooltip_text (entry, NULL);
  return TRUE;
}

static void
on_date_changed (GtkEntry       *entry,
                 PeDocumentPage *self)
{
  guint32 v;

  if (GTK_WIDGET (entry) == self->as_of_entry)
    {
      if (read_date_entry (self->as_of_entry, &v, pe_date_today ()))
        self->options.as_of = v;
      else
        return;
    }
  else if (read_date_entry (self->issue_entry, &v, 0))
    self->options.issue_date = v;
  else
    return;
  apply_options (self);
}

static GtkWidget *
build_header (PeDocumentPage *self)
{
  PeDocument *d = self->document;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  g_autofree char *issued = pe_document_get_issue_date (d) ? pe_date_to_string (pe_document_get_issue_date (d)) : NULL;
  int top = 0;

  gtk_container_add (GTK_CONTAINER (box), fact_label (pe_document_get_title (d)->zh, "pe-document-title"));
  gtk_container_add (GTK_CONTAINER (box), fact_label (pe_document_get_title (d)->en, "pe-subtitle"));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 6);
  add_fact (GTK_GRID (grid), &top, _("Issuer"), tr (pe_document_get_issuer (d)));
  add_fact (GTK_GRID (grid), &top, _("Number"), pe_document_get_number (d) ? pe_document_get_number (d) : _("not given in the text"));
  add_fact (GTK_GRID (grid), &top, _("Issued"), issued ? issued : _("not given in the text"));
  add_fact (GTK_GRID (grid), &top, _("Validity"), tr (pe_document_get_validity_text (d)));
  if (pe_document_get_interpreter (d) != NULL)
    add_fact (GTK_GRID (grid), &top, _("Interpreted by"), tr (pe_document_get_interpreter (d)));
  if (pe_document_get_stacking_reading (d) != NULL)
    add_fact (GTK_GRID (grid), &top, _("Stacking"), tr (pe_document_get_stacking_reading (d)));
  gtk_container_add (GTK_CONTAINER (box), grid);

  self->status = fact_label ("", "pe-status");
  gtk_widget_set_name (self->status, "validity-status");
  gtk_widget_set_halign (self->status, GTK_ALIGN_START);

  label = gtk_label_new_with_mnemonic (_("_As of"));
  self->as_of_entry = gtk_entry_new ();
  gtk_widget_set_name (self->as_of_entry, "as-of");
  gtk_entry_set_width_chars (GTK_ENTRY (self->as_of_entry), 11);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->as_of_entry), "YYYY-MM-DD");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->as_of_entry);
  atk_object_set_name (gtk_widget_get_accessible (self->as_of_entry), _("As of"));
  gtk_widget_set_tooltip_text (self->as_of_entry, _("The date the calculators and the validity are checked for"));
  gtk_container_add (GTK_CONTAINER (dates), label);
  gtk_container_add (GTK_CONTAINER (dates), self->as_of_entry);

  if (pe_document_needs_issue_date (d))
    {
      GtkWidget *il = gtk_label_new_with_mnemonic (_("_Issue date"));
      self->issue_entry = gtk_entry_new ();
      gtk_widget_set_name (self->issue_entry, "issue-date");
      gtk_entry_set_width_chars (GTK_ENTRY (self->issue_entry), 11);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->issue_entry), "YYYY-MM-DD");
      gtk_widget_set_tooltip_text (self->issue_entry,
                                   _("The text does not give the date it was issued, and its validity runs from that date: enter it to check validity"));
      gtk_label_set_mnemonic_widget (GTK_LABEL (il), self->issue_entry);
      atk_object_set_name (gtk_widget_get_accessible (self->issue_entry), _("Issue date"));
      gtk_container_add (GTK_CONTAINER (dates), il);
      gtk_container_add (GTK_CONTAINER (dates), self->issue_entry);
      g_signal_connect (self->issue_entry, "changed", G_CALLBACK (on_date_changed), self);
    }
  gtk_container_add (GTK_CONTAINER (dates), self->status);
  gtk_widget_set_margin_top (dates, 6);
  gtk_container_add (GTK_CONTAINER (box), dates);
  g_signal_connect (self->as_of_entry, "changed", G_CALLBACK (on_date_changed), self);
  return box;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *sw = gtk_scrolled_window_new (NULL, NULL);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (sw, TRUE);
  g_object_set (child, "margin", 12, NULL);
  gtk_container_add (GTK_CONTAINER (sw), child);
  return sw;
}

/* ---- calculators ------------------------------------------------------ */

static void
on_calculator_selected (GtkListBox     *list,
                        GtkListBoxRow  *row,
                        PeDocumentPage *self)
{
  const char *id;
  GtkWidget *form;

  if (row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "pe-calculator-id");
  form = gtk_stack_get_child_by_name (GTK_STACK (self->calc_stack), id);
  if (form == NULL)
    {
      PeCalculator *calc = pe_document_get_calculator (self->document, id);

      form = pe_calculator_form_new (calc);
      pe_calculator_form_set_options (PE_CALCULATOR_FORM (form), &self->options);
      g_object_set (form, "margin", 12, NULL);
      gtk_widget_show_all (form);
      gtk_stack_add_named (GTK_STACK (self->calc_stack), form, id);
    }
  gtk_stack_set_visible_child (GTK_STACK (self->calc_stack), form);
}

static GtkWidget *
build_calculators (PeDocumentPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *sw_list = gtk_scrolled_window_new (NULL, NULL);
  GtkWidget *sw_form = gtk_scrolled_window_new (NULL, NULL);
  GPtrArray *calcs = pe_document_get_calculators (self->document);
  GtkWidget *empty;

  self->calc_list = gtk_list_box_new ();
  gtk_widget_set_name (self->calc_list, "calculator-list");
  atk_object_set_name (gtk_widget_get_accessible (self->calc_list), _("Calculators"));
  for (guint i = 0; i < calcs->len; i++)
    {
      PeCalculator *c = g_ptr_array_index (calcs, i);
      GtkWidget *row = gtk_list_box_row_new ();
      g_autofree char *escaped = NULL;
      GtkWidget *label = gtk_label_new (NULL);

      {
        /* "Measure 5", or the provision's own title (Preamble) */
        PeMeasure *m = pe_document_get_measure (self->document, c->measure_id);
        g_autofree char *where = m != NULL && g_strcmp0 (m->kind, "provision") == 0
                                 ? g_strdup (tr (m->title))
                                 : g_strdup_printf ("%s %s", _("Measure"), c->measure_id);
        escaped = g_markup_printf_escaped ("%s\n<small>%s</small>", tr (c->title), where);
      }
      gtk_label_set_markup (GTK_LABEL (label), escaped);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      g_object_set (label, "margin", 6, NULL);
      gtk_container_add (GTK_CONTAINER (row), label);
      gtk_widget_set_name (row, c->id);
      g_object_set_data_full (G_OBJECT (row), "pe-calculator-id", g_strdup (c->id), g_free);
      gtk_container_add (GTK_CONTAINER (self->calc_list), row);
    }
  g_signal_connect (self->calc_list, "row-selected", G_CALLBACK (on_calculator_selected), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw_list), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (sw_list, 240, -1);
  gtk_container_add (GTK_CONTAINER (sw_list), self->calc_list);

  self->calc_stack = gtk_stack_new ();
  empty = gtk_label_new (calcs->len ? _("Choose a calculator.") : _("This document states no figure to compute."));
  gtk_style_context_add_class (gtk_widget_get_style_context (empty), "pe-dim");
  gtk_stack_add_named (GTK_STACK (self->calc_stack), empty, "empty");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw_form), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_container_add (GTK_CONTAINER (sw_form), self->calc_stack);

  gtk_paned_pack1 (GTK_PANED (paned), sw_list, FALSE, FALSE);
  gtk_paned_pack2 (GTK_PANED (paned), sw_form, TRUE, FALSE);
  return paned;
}

/* ---- charts ------------------------------------------------------------ */

static void
build_charts (PeDocumentPage *self)
{
  GPtrArray *specs = pe_document_get_charts (self->document);

  if (self->charts_built)
    return;
  self->charts_built = TRUE;

  for (guint i = 0; i < specs->len; i++)
    {
      PeChartSpec *spec = g_ptr_array_index (specs, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PeChartModel) model = pe_chart_build (self->document, spec, pe_language_default (),
                                                      self->options.as_of, &error);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_style_context_add_class (gtk_widget_get_style_context (card), "pe-card");
      if (model == NULL)
        {
          gtk_container_add (GTK_CONTAINER (card), fact_label (error->message, "pe-field-error"));
          gtk_container_add (GTK_CONTAINER (self->charts_box), card);
          continue;
        }
      if (spec->description != NULL)
        gtk_box_pack_start (GTK_BOX (bar), fact_label (tr (spec->description), "pe-dim"), TRUE, TRUE, 0);
      gtk_box_pack_end (GTK_BOX (bar), pe_chart_export_button_new (model), FALSE, FALSE, 0);
      gtk_container_add (GTK_CONTAINER (card), bar);
      {
        GtkWidget *view = pe_chart_view_new (model);
        gtk_widget_set_name (view, spec->id);
        gtk_container_add (GTK_CONTAINER (card), view);
      }
      gtk_container_add (GTK_CONTAINER (self->charts_box), card);
    }
  gtk_widget_show_all (self->charts_box);
}

static void
on_visible_section (GObject        *stack,
                    GParamSpec     *pspec,
                    PeDocumentPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "charts") == 0)
    build_charts (self);
}

static void
build (PeDocumentPage *self)
{
  GtkWidget *header = build_header (self);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_object_set (top, "margin", 12, NULL);
  gtk_container_add (GTK_CONTAINER (top), header);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  /* measure only the tab shown: sizing every tab to the largest would lay
   * out all measures, forms and charts at once */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_widget_set_name (self->stack, "sections");
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_container_add (GTK_CONTAINER (top), switcher);
  gtk_container_add (GTK_CONTAINER (self), top);

  self->measures = pe_measure_list_new (self->document);
  gtk_stack_add_titled (GTK_STACK (self->stack), scrolled (self->measures), "measures", _("Measures"));
  gtk_stack_add_titled (GTK_STACK (self->stack), build_calculators (self), "calculators", _("Calculators"));
  self->charts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_stack_add_titled (GTK_STACK (self->stack), scrolled (self->charts_box), "charts", _("Charts"));
  if (pe_document_get_lists (self->document)->len > 0)
    {
      self->lists = pe_item_lists_new (self->document);
      gtk_stack_add_titled (GTK_STACK (self->stack), scrolled (self->lists), "lists", _("Lists"));
    }
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_container_add (GTK_CONTAINER (self), self->stack);
  g_signal_connect (self->stack, "notify::visible-child", G_CALLBACK (on_visible_section), self);

  self->options.as_of = pe_date_today ();
  {
    g_autofree char *d = pe_date_to_string (self->options.as_of);
    gtk_entry_set_text (GTK_ENTRY (self->as_of_entry), d);
  }
  update_status (self);
  pe_measure_list_set_text_language (PE_MEASURE_LIST (self->measures), self->text_language);
}

static void
pe_document_page_constructed (GObject *object)
{
  PeDocumentPage *self = PE_DOCUMENT_PAGE (object);

  G_OBJECT_CLASS (pe_document_page_parent_class)->constructed (object);

  g_assert (self->document != NULL);
  build (self);
  gtk_widget_show_all (GTK_WIDGET (self));

  /* the plugin's own additions, if it has any */
  if (self->engine != NULL && self->info != NULL &&
      peas_engine_provides_extension (PEAS_ENGINE (self->engine), self->info, PE_TYPE_PAGE_ACTIVATABLE))
    {
      self->addin = peas_engine_create_extension (PEAS_ENGINE (self->engine), self->info,
                                                  PE_TYPE_PAGE_ACTIVATABLE, "page", self, NULL);
      if (self->addin != NULL)
        pe_page_activatable_activate (PE_PAGE_ACTIVATABLE (self->addin));
    }
}

static void
pe_document_page_dispose (GObject *object)
{
  PeDocumentPage *self = PE_DOCUMENT_PAGE (object);

  if (self->addin != NULL)
    {
      pe_page_activatable_deactivate (PE_PAGE_ACTIVATABLE (self->addin));
      g_clear_object (&self->addin);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->engine);
  self->info = NULL;   /* owned by the engine */
  G_OBJECT_CLASS (pe_document_page_parent_class)->dispose (object);
}

static void
pe_document_page_finalize (GObject *object)
{
  g_free (PE_DOCUMENT_PAGE (object)->text_language);
  G_OBJECT_CLASS (pe_document_page_parent_class)->finalize (object);
}

static void
pe_document_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PeDocumentPage *self = PE_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENGINE: g_value_set_object (value, self->engine); break;
    case PROP_PLUGIN_INFO: g_value_set_boxed (value, self->info); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_document_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PeDocumentPage *self = PE_DOCUMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENGINE: self->engine = g_value_dup_object (value); break;
    case PROP_PLUGIN_INFO: self->info = g_value_get_boxed (value); break;
    case PROP_DOCUMENT: self->document = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_document_page_class_init (PeDocumentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pe_document_page_constructed;
  object_class->dispose = pe_document_page_dispose;
  object_class->finalize = pe_document_page_finalize;
  object_class->get_property = pe_document_page_get_property;
  object_class->set_property = pe_document_page_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", "Engine", "The plugins engine",
                         PE_TYPE_PLUGINS_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLUGIN_INFO] =
    g_param_spec_boxed ("plugin-info", "Plugin info", "The plugin of the document",
                        PEAS_TYPE_PLUGIN_INFO,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The document shown",
                         PE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pe_document_page_init (PeDocumentPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->text_language = g_strdup ("both");
}

GtkWidget *
pe_document_page_new (PePluginsEngine *engine,
                      PeasPluginInfo  *info,
                      PeDocument      *document)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (document), NULL);

  return g_object_new (PE_TYPE_DOCUMENT_PAGE, "engine", engine, "plugin-info", info,
                       "document", document, NULL);
}

/**
 * pe_document_page_get_document:
 *
 * Returns: (transfer none):
 */
PeDocument *
pe_document_page_get_document (PeDocumentPage *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), NULL);
  return self->document;
}

/**
 * pe_document_page_get_plugin_info:
 *
 * Returns: (transfer none) (nullable):
 */
PeasPluginInfo *
pe_document_page_get_plugin_info (PeDocumentPage *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), NULL);
  return self->info;
}

/**
 * pe_document_page_add_section:
 * @id: a name unique on the page
 * @title: the tab's title
 * @widget: (transfer floating): the content
 *
 * Adds a tab of the plugin's own to the page.
 */
void
pe_document_page_add_section (PeDocumentPage *self,
                              const char     *id,
                              const char     *title,
                              GtkWidget      *widget)
{
  g_return_if_fail (PE_IS_DOCUMENT_PAGE (self));
  g_return_if_fail (id != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  {
    GtkWidget *sw = scrolled (widget);
    gtk_widget_show_all (sw);
    gtk_stack_add_titled (GTK_STACK (self->stack), sw, id, title);
  }
}

void
pe_document_page_remove_section (PeDocumentPage *self,
                                 const char     *id)
{
  GtkWidget *child;

  g_return_if_fail (PE_IS_DOCUMENT_PAGE (self));

  if ((child = gtk_stack_get_child_by_name (GTK_STACK (self->stack), id)) != NULL)
    gtk_widget_destroy (child);
}

void
pe_document_page_show_section (PeDocumentPage *self,
                               const char     *id)
{
  g_return_if_fail (PE_IS_DOCUMENT_PAGE (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), id);
}

/**
 * pe_document_page_show_calculator:
 *
 * Returns: (transfer none) (nullable): the calculator's form, now shown
 */
GtkWidget *
pe_document_page_show_calculator (PeDocumentPage *self,
                                  const char     *calculator_id)
{
  GList *rows;
  GtkWidget *form = NULL;

  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), NULL);

  pe_document_page_show_section (self, "calculators");
  rows = gtk_container_get_children (GTK_CONTAINER (self->calc_list));
  for (GList *l = rows; l; l = l->next)
    if (g_strcmp0 (g_object_get_data (l->data, "pe-calculator-id"), calculator_id) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->calc_list), l->data);
        form = gtk_stack_get_child_by_name (GTK_STACK (self->calc_stack), calculator_id);
      }
  g_list_free (rows);
  return form;
}

gboolean
pe_document_page_show_measure (PeDocumentPage *self,
                               const char     *measure_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), FALSE);

  pe_document_page_show_section (self, "measures");
  return pe_measure_list_show_measure (PE_MEASURE_LIST (self->measures), measure_id);
}

/**
 * pe_document_page_show_list:
 * @list_id: a list of the document
 * @filter: (nullable): words the items shown must contain
 *
 * Returns: whether the document has the list
 */
gboolean
pe_document_page_show_list (PeDocumentPage *self,
                            const char     *list_id,
                            const char     *filter)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), FALSE);
  g_return_val_if_fail (list_id != NULL, FALSE);

  if (self->lists == NULL)
    return FALSE;
  pe_document_page_show_section (self, "lists");
  pe_item_lists_set_filter (PE_ITEM_LISTS (self->lists), filter);
  return pe_item_lists_show_list (PE_ITEM_LISTS (self->lists), list_id);
}

/**
 * pe_document_page_get_item_lists:
 *
 * Returns: (transfer none) (nullable): the view of the document's lists,
 *   %NULL when it has none
 */
GtkWidget *
pe_document_page_get_item_lists (PeDocumentPage *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), NULL);
  return self->lists;
}

/**
 * pe_document_page_get_measure_list:
 *
 * Returns: (transfer none):
 */
GtkWidget *
pe_document_page_get_measure_list (PeDocumentPage *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), NULL);
  return self->measures;
}

/**
 * pe_document_page_get_chart_views:
 *
 * Builds the charts if they are not yet, and returns their views.
 *
 * Returns: (transfer container) (element-type PeChartView):
 */
GList *
pe_document_page_get_chart_views (PeDocumentPage *self)
{
  GList *cards, *views = NULL;

  g_return_val_if_fail (PE_IS_DOCUMENT_PAGE (self), NULL);

  build_charts (self);
  cards = gtk_container_get_children (GTK_CONTAINER (self->charts_box));
  for (GList *l = cards; l; l = l->next)
    {
      GList *inner = gtk_container_get_children (GTK_CONTAINER (l->data));
      for (GList *k = inner; k; k = k->next)
        if (PE_IS_CHART_VIEW (k->data))
          views = g_list_append (views, k->data);
      g_list_free (inner);
    }
  g_list_free (cards);
  return views;
}

void
pe_document_page_set_as_of (PeDocumentPage *self,
                            guint32         julian)
{
  g_autofree char *d = NULL;

  g_return_if_fail (PE_IS_DOCUMENT_PAGE (self));
  d = pe_date_to_string (julian);
  gtk_entry_set_text (GTK_ENTRY (self->as_of_entry), d);
}

void
pe_document_page_set_text_language (PeDocumentPage *self,
                                    const char     *language)
{
  g_return_if_fail (PE_IS_DOCUMENT_PAGE (self));

  g_free (self->text_language);
  self->text_language = g_strdup (language);
  if (self->measures != NULL)
    pe_measure_list_set_text_language (PE_MEASURE_LIST (self->measures), language);
}
