/* pe-compare-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like support across documents: for each group of the vocabulary (the
 * skill-certificate subsidy, the apprenticeship subsidy…), its members in
 * the active documents side by side: the document, its issuer, validity,
 * the calculator's figures and conditions quoted from the text, and what
 * each text says of like support in other policies, with which one
 * prevails. The figures are read from the calculator itself: its
 * parameters, and its conditions as an evaluation with no input traces
 * them.
 *
 * And the responsible units of every document: who leads which measures
 * (the first unit named leads), as a chart and as a list.
 */
#define G_LOG_DOMAIN "pe-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-chart-export-button.h"
#include "pe-chart-view.h"
#include "pe-compare-page.h"
#include "pe-result-view.h"
#include "pe-validity.h"

#define UNITS_IN_CHART 20

struct _PeComparePage
{
  GtkBox         parent_instance;

  PeDocumentSet *documents;
  PeAssessment  *assessment;   /* of the profile being worked on, or NULL */
  PeChartModel  *units_chart;
  GPtrArray     *units;        /* Unit, as the list shows them */
  guint          n_groups;
  guint          n_units;

  GtkWidget     *stack;
  GtkWidget     *groups_box;
  GtkWidget     *units_card;
  GtkWidget     *units_list;
};

G_DEFINE_FINAL_TYPE (PeComparePage, pe_compare_page, GTK_TYPE_BOX)

enum {
  OPEN_DOCUMENT,
  OPEN_MEASURE,
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
  gtk_label_set_yalign (GTK_LABEL (l), 0);
  gtk_label_set_line_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_line_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (l), 40);
  gtk_label_set_selectable (GTK_LABEL (l), TRUE);
  gtk_widget_set_can_focus (l, FALSE);
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

static guint32
as_of (PeComparePage *self)
{
  return self->assessment ? pe_assessment_get_as_of (self->assessment) : pe_date_today ();
}

/* ---- like support ----------------------------------------------------------- */

static void
on_document_clicked (GtkButton     *button,
                     PeComparePage *self)
{
  g_signal_emit (self, signals[OPEN_DOCUMENT], 0, g_object_get_data (G_OBJECT (button), "pe-document-id"));
}

static GtkWidget *
document_button (PeComparePage *self,
                 PeDocument    *doc)
{
  GtkWidget *button = gtk_button_new_with_label (tr (pe_document_get_short_title (doc)));
  g_autofree char *tip = g_strdup_printf (_("Open %s"), tr (pe_document_get_short_title (doc)));

  gtk_button_set_relief (GTK_BUTTON (button), GTK_RELIEF_NONE);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "pe-document-link");
  gtk_widget_set_tooltip_text (button, tip);
  g_object_set_data_full (G_OBJECT (button), "pe-document-id", g_strdup (pe_document_get_id (doc)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_document_clicked), self);
  return button;
}

/* The figures of a calculator: each parameter with its bound, quoted. */
static GtkWidget *
figures_of (PeCalculator *calc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr(GPtrArray) params = pe_calculator_list_parameters (calc);
  guint shown = 0;

  for (guint i = 0; i < params->len; i++)
    {
      PeParameter *p = g_ptr_array_index (params, i);
      g_autofree char *value = pe_value_format (p->type, &p->value);
      g_autofree char *line = NULL;
      g_autofree char *quote = NULL;

      if (p->type == PE_VALUE_TYPE_DATE)
        continue;
      line = p->bound == PE_BOUND_MAXIMUM
             /* Translators: a figure the text gives as an upper bound */
             ? g_strdup_printf (_("%s: up to %s"), tr (p->label), value)
             : p->bound == PE_BOUND_MINIMUM
             /* Translators: a figure the text gives as a lower bound */
             ? g_strdup_printf (_("%s: at least %s"), tr (p->label), value)
             /* Translators: a figure the text fixes, and its value */
             : g_strdup_printf (_("%s: %s"), tr (p->label), value);
      quote = g_strdup_printf ("“%s”", p->clause->quote);
      gtk_container_add (GTK_CONTAINER (box), text_label (line, NULL));
      gtk_container_add (GTK_CONTAINER (box), text_label (quote, "pe-quote"));
      shown++;
    }
  if (shown == 0)
    gtk_container_add (GTK_CONTAINER (box), text_label (_("No figure stated"), "pe-dim"));
  return box;
}

/* The conditions, as an evaluation with no input traces every one. */
static GtkWidget *
conditions_of (PeCalculator *calc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PeResult) r = NULL;
  PeEvalOptions options = { 0 };
  guint shown = 0;

  r = pe_calculator_evaluate (calc, none, &options, NULL);
  for (guint i = 0; r != NULL && i < pe_result_get_trace (r)->len; i++)
    {
      PeTraceStep *s = g_ptr_array_index (pe_result_get_trace (r), i);
      g_autofree char *line = NULL;

      if (s->kind != PE_TRACE_CONDITION)
        continue;
      line = g_strdup_printf ("• %s", tr (s->label));
      gtk_container_add (GTK_CONTAINER (box), text_label (line, NULL));
      if (s->clause != NULL)
        {
          g_autofree char *quote = g_strdup_printf ("“%s”", s->clause->quote);
          GtkWidget *q = text_label (quote, "pe-quote");
          gtk_widget_set_margin_start (q, 12);
          gtk_container_add (GTK_CONTAINER (box), q);
        }
      shown++;
    }
  if (shown == 0)
    gtk_container_add (GTK_CONTAINER (box), text_label (_("No condition beyond the figures"), "pe-dim"));
  return box;
}

static GtkWidget *
across_of (PeDocument *doc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  if (pe_document_get_across_rule (doc) != NULL)
    {
      g_autofree char *quote = g_strdup_printf ("“%s”", pe_document_get_across_clause (doc)->quote);

      gtk_container_add (GTK_CONTAINER (box), text_label (_("Not given twice with like support of other policies: the higher is kept"), NULL));
      gtk_container_add (GTK_CONTAINER (box), text_label (quote, "pe-quote"));
      if (pe_document_get_across_reading (doc) != NULL)
        gtk_container_add (GTK_CONTAINER (box), text_label (tr (pe_document_get_across_reading (doc)), "pe-dim"));
    }
  else
    gtk_container_add (GTK_CONTAINER (box), text_label (_("The text says nothing of like support in other policies"), "pe-dim"));
  return box;
}

/* Which member prevails: the rule of the texts, and, for the profile
 * being worked on, the outcome. */
static GtkWidget *
prevails_of (PeComparePage *self,
             GPtrArray     *members)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  PeDocument *ruling = NULL;

  for (guint i = 0; i < members->len && ruling == NULL; i++)
    {
      PeDocument *d = pe_calculator_get_document (g_ptr_array_index (members, i));
      if (pe_document_get_across_rule (d) != NULL)
        ruling = d;
    }
  if (members->len < 2)
    gtk_container_add (GTK_CONTAINER (box), text_label (_("Only one active document gives this support."), "pe-dim"));
  else if (ruling == NULL)
    gtk_container_add (GTK_CONTAINER (box),
                       text_label (_("None of these texts forbids taking them together: each counts."), NULL));
  else
    {
      /* Translators: a document's short title, and the clause of its stacking rule */
      g_autofree char *rule = g_strdup_printf (_("Under the rule of %s (“%s”), only the highest of these is kept where several apply."),
                                               tr (pe_document_get_short_title (ruling)),
                                               pe_document_get_across_clause (ruling)->quote);
      gtk_container_add (GTK_CONTAINER (box), text_label (rule, NULL));
    }

  if (self->assessment != NULL && members->len >= 2)
    {
      PeAssessmentItem *kept = NULL;
      guint n = 0;

      for (guint i = 0; i < members->len; i++)
        {
          PeCalculator *c = g_ptr_array_index (members, i);
          PeAssessmentItem *it = pe_assessment_find_item (self->assessment,
                                                          pe_document_get_id (pe_calculator_get_document (c)), c->id);
          if (it == NULL || it->stacking == NULL)
            continue;
          n++;
          if (it->stacking->kept && (kept == NULL || pe_result_get_amount (it->result) > pe_result_get_amount (kept->result)))
            kept = it;
        }
      if (kept != NULL)
        {
          PeProfile *p = pe_assessment_get_profile (self->assessment);
          g_autofree char *yuan = pe_yuan_format (pe_result_get_amount (kept->result));
          g_autofree char *date = pe_date_to_string (pe_assessment_get_as_of (self->assessment));
          /* Translators: for the profile named first, as of a date, the calculator and document kept, and its amount */
          g_autofree char *text = g_strdup_printf (_("For the profile “%s” as of %s: %s of %s prevails, %s (%u with an amount)."),
                                                   pe_profile_get_name (p) ? pe_profile_get_name (p) : _("Unnamed profile"),
                                                   date, tr (kept->calculator->title),
                                                   tr (pe_document_get_short_title (pe_calculator_get_document (kept->calculator))),
                                                   yuan, n);
          GtkWidget *l = text_label (text, "pe-verdict-eligible");
          gtk_widget_set_name (l, "prevails");
          gtk_container_add (GTK_CONTAINER (box), l);
        }
      else
        gtk_container_add (GTK_CONTAINER (box),
                           text_label (_("The profile being worked on gets none of these yet."), "pe-dim"));
    }
  return box;
}

static void
add_row_title (GtkGrid    *grid,
               int         top,
               const char *title)
{
  GtkWidget *l = text_label (title, "pe-fact-name");

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  /* a narrow column, but never a word broken across lines */
  gtk_label_set_line_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (l), 10);
  gtk_widget_set_valign (l, GTK_ALIGN_START);
  gtk_grid_attach (grid, l, 0, top, 1, 1);
}

static GtkWidget *
group_card (PeComparePage *self,
            PeGroup       *group,
            GPtrArray     *members)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *sw;
  const char *rows[] = { N_("Document"), N_("Issuer"), N_("Validity"), N_("Calculator"),
                         N_("Figures"), N_("Conditions"), N_("With other policies") };

  gtk_style_context_add_class (gtk_widget_get_style_context (card), "pe-card");
  gtk_widget_set_name (card, group->id);
  gtk_container_add (GTK_CONTAINER (card), text_label (tr (group->title), "pe-group-title"));
  if (group->description != NULL)
    gtk_container_add (GTK_CONTAINER (card), text_label (tr (group->description), "pe-subtitle"));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    add_row_title (GTK_GRID (grid), r, _(rows[r]));

  for (guint i = 0; i < members->len; i++)
    {
      PeCalculator *calc = g_ptr_array_index (members, i);
      PeDocument *doc = pe_calculator_get_document (calc);
      GtkWidget *status = gtk_label_new (NULL);
      GtkWidget *validity = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *doc_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *where = g_strdup_printf (_("Measure %s"), calc->measure_id);
      g_autofree char *calc_markup = g_markup_printf_escaped ("%s\n<small>%s</small>", tr (calc->title), where);
      GtkWidget *calc_label = text_label (NULL, NULL);
      int col = i + 1;

      gtk_container_add (GTK_CONTAINER (doc_box), document_button (self, doc));
      if (pe_document_get_number (doc) != NULL)
        gtk_container_add (GTK_CONTAINER (doc_box), text_label (pe_document_get_number (doc), "pe-dim"));
      gtk_grid_attach (GTK_GRID (grid), doc_box, col, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), text_label (tr (pe_document_get_issuer (doc)), NULL), col, 1, 1, 1);
      pe_validity_show (status, doc, as_of (self),
                        self->assessment ? pe_profile_get_issue_date (pe_assessment_get_profile (self->assessment),
                                                                      pe_document_get_id (doc)) : 0);
      gtk_widget_set_halign (status, GTK_ALIGN_START);
      gtk_container_add (GTK_CONTAINER (validity), status);
      gtk_container_add (GTK_CONTAINER (validity), text_label (tr (pe_document_get_validity_text (doc)), "pe-dim"));
      gtk_grid_attach (GTK_GRID (grid), validity, col, 2, 1, 1);
      gtk_label_set_markup (GTK_LABEL (calc_label), calc_markup);
      gtk_grid_attach (GTK_GRID (grid), calc_label, col, 3, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), figures_of (calc), col, 4, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), conditions_of (calc), col, 5, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), across_of (doc), col, 6, 1, 1);
    }

  /* many members scroll sideways rather than squeeze */
  sw = gtk_scrolled_window_new (NULL, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (sw), TRUE);
  gtk_container_add (GTK_CONTAINER (sw), grid);
  gtk_container_add (GTK_CONTAINER (card), sw);

  {
    GtkWidget *h = text_label (_("Which prevails"), "pe-section-title");
    gtk_container_add (GTK_CONTAINER (card), h);
    gtk_container_add (GTK_CONTAINER (card), prevails_of (self, members));
  }
  return card;
}

static void
build_groups (PeComparePage *self,
              GPtrArray     *docs)
{
  GPtrArray *groups = pe_vocabulary_get_groups (pe_vocabulary_get_default ());
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  clear_container (self->groups_box);
  self->n_groups = 0;
  {
    g_autofree char *date = pe_date_to_string (as_of (self));
    g_autofree char *intro = g_strdup_printf (self->assessment
                                              ? _("The same kind of support given by several documents, side by side: figures and conditions "
                                                  "as the texts state them, and what each text says of taking them together. Validity as of %s, "
                                                  "the date of the profile being worked on.")
                                              : _("The same kind of support given by several documents, side by side: figures and conditions "
                                                  "as the texts state them, and what each text says of taking them together. Validity as of %s."),
                                              date);
    GtkWidget *l = text_label (intro, "pe-dim");

    gtk_label_set_max_width_chars (GTK_LABEL (l), 120);
    gtk_container_add (GTK_CONTAINER (self->groups_box), l);
  }
  for (guint g = 0; g < groups->len; g++)
    {
      PeGroup *group = g_ptr_array_index (groups, g);
      g_autoptr(GPtrArray) members = g_ptr_array_new ();

      for (guint d = 0; d < docs->len; d++)
        {
          GPtrArray *calcs = pe_document_get_calculators (g_ptr_array_index (docs, d));
          for (guint c = 0; c < calcs->len; c++)
            {
              PeCalculator *calc = g_ptr_array_index (calcs, c);
              if (g_strcmp0 (calc->group, group->id) == 0)
                g_ptr_array_add (members, calc);
            }
        }
      if (members->len == 0)
        {
          g_ptr_array_add (empty, group);
          continue;
        }
      gtk_container_add (GTK_CONTAINER (self->groups_box), group_card (self, group, members));
      self->n_groups++;
    }
  if (empty->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < empty->len; i++)
        g_string_append_printf (names, "%s%s", i ? _(", ") : "", tr (((PeGroup *) g_ptr_array_index (empty, i))->title));
      text = g_strdup_printf (_("No active document gives: %s."), names->str);
      gtk_container_add (GTK_CONTAINER (self->groups_box), text_label (text, "pe-dim"));
    }
  gtk_widget_show_all (self->groups_box);
}

/* ---- responsible units ------------------------------------------------------ */

typedef struct
{
  char      *name;
  GPtrArray *lead;      /* "doc\nmeasure" */
  GPtrArray *support;
} Unit;

static void
unit_free (Unit *u)
{
  g_free (u->name);
  g_ptr_array_unref (u->lead);
  g_ptr_array_unref (u->support);
  g_free (u);
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *ua = *(Unit **) a, *ub = *(Unit **) b;

  /* who leads most first, then who is involved most */
  if (ua->lead->len != ub->lead->len)
    return ua->lead->len > ub->lead->len ? -1 : 1;
  if (ua->support->len != ub->support->len)
    return ua->support->len > ub->support->len ? -1 : 1;
  return g_strcmp0 (ua->name, ub->name);
}

static void
on_measure_clicked (GtkButton     *button,
                    PeComparePage *self)
{
  g_signal_emit (self, signals[OPEN_MEASURE], 0, g_object_get_data (G_OBJECT (button), "pe-document-id"),
                 g_object_get_data (G_OBJECT (button), "pe-measure-id"));
}

static GtkWidget *
measure_link (PeComparePage *self,
              PeDocument    *doc,
              PeMeasure     *m)
{
  /* Translators: a document's short title, a measure's number and its title */
  g_autofree char *text = g_strdup_printf (_("%s · %s %s"), tr (pe_document_get_short_title (doc)),
                                           m->number ? m->number : m->id, tr (m->title));
  GtkWidget *button = gtk_button_new_with_label (text);
  GtkWidget *label = gtk_bin_get_child (GTK_BIN (button));

  gtk_button_set_relief (GTK_BUTTON (button), GTK_RELIEF_NONE);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "pe-inline-link");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
    }
  gtk_widget_set_tooltip_text (button, _("Open the measure"));
  g_object_set_data_full (G_OBJECT (button), "pe-document-id", g_strdup (pe_document_get_id (doc)), g_free);
  g_object_set_data_full (G_OBJECT (button), "pe-measure-id", g_strdup (m->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_measure_clicked), self);
  return button;
}

static void
fill_unit (GtkExpander   *expander,
           GParamSpec    *pspec,
           PeComparePage *self)
{
  Unit *u = g_object_get_data (G_OBJECT (expander), "pe-unit");
  GtkWidget *box;

  /* filled when first opened: most units are never looked at */
  if (!gtk_expander_get_expanded (expander) || gtk_bin_get_child (GTK_BIN (expander)) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_object_set (box, "margin-start", 18, NULL);
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? u->lead : u->support;

      if (list->len == 0)
        continue;
      gtk_container_add (GTK_CONTAINER (box), text_label (pass == 0 ? _("Leads") : _("Supports"), "pe-fact-name"));
      for (guint i = 0; i < list->len; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (list, i), "\n", 2);
          PeDocument *doc = pe_document_set_find (self->documents, parts[0]);
          PeMeasure *m = doc ? pe_document_get_measure (doc, parts[1]) : NULL;

          if (m != NULL)
            gtk_container_add (GTK_CONTAINER (box), measure_link (self, doc, m));
        }
    }
  gtk_widget_show_all (box);
  gtk_container_add (GTK_CONTAINER (expander), box);
}

static void
build_units (PeComparePage *self,
             GPtrArray     *docs)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *units;
  GtkWidget *bar, *view;

  clear_container (self->units_card);
  clear_container (self->units_list);
  g_clear_object (&self->units_chart);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  units = self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);

  for (guint d = 0; d < docs->len; d++)
    {
      PeDocument *doc = g_ptr_array_index (docs, d);
      GPtrArray *measures = pe_document_get_measures (doc);

      for (guint i = 0; i < measures->len; i++)
        {
          PeMeasure *m = g_ptr_array_index (measures, i);

          for (guint j = 0; j < m->units->len; j++)
            {
              const char *name = tr (g_ptr_array_index (m->units, j));
              Unit *u = g_hash_table_lookup (by_name, name);

              if (u == NULL)
                {
                  u = g_new0 (Unit, 1);
                  u->name = g_strdup (name);
                  u->lead = g_ptr_array_new_with_free_func (g_free);
                  u->support = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (by_name, u->name, u);
                  g_ptr_array_add (units, u);
                }
              g_ptr_array_add (j == 0 ? u->lead : u->support,
                               g_strdup_printf ("%s\n%s", pe_document_get_id (doc), m->id));
            }
        }
    }
  g_ptr_array_sort (units, compare_units);
  self->n_units = units->len;

  self->units_chart = pe_chart_model_new (PE_CHART_BARS, _("Measures led and supported, by unit, across the active documents"));
  pe_chart_model_set_series_names (self->units_chart, _("Leads"), _("Supports"));
  for (guint i = 0; i < units->len && i < UNITS_IN_CHART; i++)
    {
      Unit *u = g_ptr_array_index (units, i);
      g_autofree char *text = g_strdup_printf ("%u + %u", u->lead->len, u->support->len);
      /* Translators: a unit, how many measures it leads and supports */
      g_autofree char *tip = g_strdup_printf (_("%s: leads %u, supports %u"), u->name, u->lead->len, u->support->len);

      pe_chart_model_add_bar (self->units_chart, u->name, u->lead->len, u->support->len, text, tip);
    }

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    g_autofree char *note = units->len > UNITS_IN_CHART
                            ? g_strdup_printf (_("The %d units that lead most, of %u. The first unit a measure names leads it."),
                                               UNITS_IN_CHART, units->len)
                            : g_strdup (_("The first unit a measure names leads it."));
    gtk_box_pack_start (GTK_BOX (bar), text_label (note, "pe-dim"), TRUE, TRUE, 0);
  }
  gtk_box_pack_end (GTK_BOX (bar), pe_chart_export_button_new (self->units_chart), FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (self->units_card), bar);
  view = pe_chart_view_new (self->units_chart);
  gtk_widget_set_name (view, "units-chart");
  gtk_container_add (GTK_CONTAINER (self->units_card), view);

  for (guint i = 0; i < units->len; i++)
    {
      Unit *u = g_ptr_array_index (units, i);
      /* Translators: a responsible unit, and how many measures it leads and supports */
      g_autofree char *title = g_strdup_printf (_("%s — leads %u, supports %u"), u->name, u->lead->len, u->support->len);
      GtkWidget *expander = gtk_expander_new (title);
      GtkWidget *label = gtk_expander_get_label_widget (GTK_EXPANDER (expander));

      if (GTK_IS_LABEL (label))
        gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      g_object_set (expander, "margin", 4, NULL);
      g_object_set_data (G_OBJECT (expander), "pe-unit", u);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (fill_unit), self);
      gtk_container_add (GTK_CONTAINER (self->units_list), expander);
    }
  gtk_widget_show_all (self->units_card);
  gtk_widget_show_all (self->units_list);
}

static void
rebuild (PeComparePage *self)
{
  g_autoptr(GPtrArray) docs = pe_document_set_get_documents (self->documents);

  build_groups (self, docs);
  build_units (self, docs);
}

static void
on_ready (PeDocumentSet *set,
          PeComparePage *self)
{
  rebuild (self);
}

static void
pe_compare_page_map (GtkWidget *widget)
{
  PeComparePage *self = PE_COMPARE_PAGE (widget);

  GTK_WIDGET_CLASS (pe_compare_page_parent_class)->map (widget);
  pe_document_set_load (self->documents);
}

static void
pe_compare_page_dispose (GObject *object)
{
  PeComparePage *self = PE_COMPARE_PAGE (object);

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  g_clear_object (&self->documents);
  g_clear_object (&self->assessment);
  g_clear_object (&self->units_chart);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  G_OBJECT_CLASS (pe_compare_page_parent_class)->dispose (object);
}

static void
pe_compare_page_class_init (PeComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pe_compare_page_dispose;
  widget_class->map = pe_compare_page_map;

  /**
   * PeComparePage::open-document:
   * @document_id: the document whose name was clicked
   */
  signals[OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PeComparePage::open-measure:
   * @document_id: the document
   * @measure_id: the measure clicked in a unit's list
   */
  signals[OPEN_MEASURE] =
    g_signal_new ("open-measure", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/policyexplorer/PolicyExplorer/ui/pe-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PeComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, PeComparePage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PeComparePage, units_card);
  gtk_widget_class_bind_template_child (widget_class, PeComparePage, units_list);
}

static void
pe_compare_page_init (PeComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pe_compare_page_new (PeDocumentSet *documents)
{
  PeComparePage *self;

  g_return_val_if_fail (PE_IS_DOCUMENT_SET (documents), NULL);

  self = g_object_new (PE_TYPE_COMPARE_PAGE, NULL);
  self->documents = g_object_ref (documents);
  g_signal_connect_object (documents, "ready", G_CALLBACK (on_ready), self, 0);
  rebuild (self);
  return GTK_WIDGET (self);
}

/**
 * pe_compare_page_set_assessment:
 * @assessment: (nullable): the results of the profile being worked on
 *
 * Says, for each group, which member prevails for that profile.
 */
void
pe_compare_page_set_assessment (PeComparePage *self,
                                PeAssessment  *assessment)
{
  g_return_if_fail (PE_IS_COMPARE_PAGE (self));

  if (g_set_object (&self->assessment, assessment))
    {
      g_autoptr(GPtrArray) docs = pe_document_set_get_documents (self->documents);
      build_groups (self, docs);
    }
}

/* Shows `groups` (like support) or `units`. */
void
pe_compare_page_show_section (PeComparePage *self,
                              const char    *section)
{
  g_return_if_fail (PE_IS_COMPARE_PAGE (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), section);
}

guint
pe_compare_page_count_groups (PeComparePage *self)
{
  g_return_val_if_fail (PE_IS_COMPARE_PAGE (self), 0);
  return self->n_groups;
}

guint
pe_compare_page_count_units (PeComparePage *self)
{
  g_return_val_if_fail (PE_IS_COMPARE_PAGE (self), 0);
  return self->n_units;
}

/**
 * pe_compare_page_get_group:
 *
 * Returns: (transfer none) (nullable): the card of a group
 */
GtkWidget *
pe_compare_page_get_group (PeComparePage *self,
                           const char    *group_id)
{
  GList *children;
  GtkWidget *found = NULL;

  g_return_val_if_fail (PE_IS_COMPARE_PAGE (self), NULL);

  children = gtk_container_get_children (GTK_CONTAINER (self->groups_box));
  for (GList *l = children; l && !found; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), group_id) == 0)
      found = l->data;
  g_list_free (children);
  return found;
}

/**
 * pe_compare_page_get_units_chart:
 *
 * Returns: (transfer none) (nullable):
 */
PeChartModel *
pe_compare_page_get_units_chart (PeComparePage *self)
{
  g_return_val_if_fail (PE_IS_COMPARE_PAGE (self), NULL);
  return self->units_chart;
}

/**
 * pe_compare_page_get_units_list:
 *
 * Returns: (transfer none): the list of units, one expander each
 */
GtkWidget *
pe_compare_page_get_units_list (PeComparePage *self)
{
  g_return_val_if_fail (PE_IS_COMPARE_PAGE (self), NULL);
  return self->units_list;
}
