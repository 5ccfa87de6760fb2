/* pe-result-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is shown with the clause it comes from, quoted; a figure
 * the text gives only as an upper bound reads "up to". A result that
 * cannot be decided names the missing inputs as links that take the user
 * to the field (::focus-field).
 */
#define G_LOG_DOMAIN "pe-result-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-chart-view.h"
#include "pe-links-label-private.h"
#include "pe-result-view.h"

struct _PeResultView
{
  GtkBox     parent_instance;

  GtkWidget *verdict;
  GtkWidget *amount;
  GtkWidget *details;     /* box rebuilt for each result */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (PeResultView, pe_result_view, GTK_TYPE_BOX)

enum {
  FOCUS_FIELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static GtkWidget *
label_new (const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_line_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  return label;
}

/**
 * pe_clause_format:
 * @document: (nullable): the document of the clause
 *
 * Returns: (transfer full) (nullable): "Measure 5: “…”", or the
 *   provision's title for a preamble or a closing provision
 */
char *
pe_clause_format (PeDocument     *document,
                  const PeClause *clause)
{
  PeDocument *doc = document;
  PeMeasure *m;

  if (clause == NULL)
    return NULL;
  m = doc != NULL ? pe_document_get_measure (doc, clause->measure_id) : NULL;
  if (m != NULL && g_strcmp0 (m->kind, "provision") == 0)
    /* Translators: a provision's title, then the quoted clause */
    return g_strdup_printf (_("%s: “%s”"), tr (m->title), clause->quote);
  /* Translators: %s is a measure number, the second %s the quoted clause */
  return g_strdup_printf (_("Measure %s: “%s”"), clause->measure_id, clause->quote);
}

static GtkWidget *
quote_label (PeDocument     *doc,
             const PeClause *clause)
{
  g_autofree char *text = pe_clause_format (doc, clause);

  return text ? label_new (text, "pe-quote") : NULL;
}

static void
clear_details (PeResultView *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->details));

  for (GList *l = children; l; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

static void
set_verdict (PeResultView *self,
             const char   *text,
             const char   *style_class)
{
  GtkStyleContext *sc = gtk_widget_get_style_context (self->verdict);

  gtk_label_set_text (GTK_LABEL (self->verdict), text);
  gtk_style_context_remove_class (sc, "pe-verdict-eligible");
  gtk_style_context_remove_class (sc, "pe-verdict-not-eligible");
  gtk_style_context_remove_class (sc, "pe-verdict-cannot-decide");
  if (style_class != NULL)
    gtk_style_context_add_class (sc, style_class);
  gtk_widget_set_visible (self->verdict, text != NULL && *text != '\0');
}

static gboolean
on_missing_activated (GtkLabel     *label,
                      const char   *field_id,
                      PeResultView *self)
{
  g_signal_emit (self, signals[FOCUS_FIELD], 0, field_id);
  return TRUE;   /* a field, not an address to open */
}

static char *
format_value (PeValueType    type,
              const PeValue *value)
{
  g_autofree char *v = pe_value_format (type, value);

  if (value->is_maximum && value->kind == PE_VALUE_NUMBER)
    /* Translators: an amount the text gives as an upper bound */
    return g_strdup_printf (_("up to %s"), v);
  return g_steal_pointer (&v);
}

static void
add_section_title (PeResultView *self,
                   const char   *title)
{
  gtk_container_add (GTK_CONTAINER (self->details), label_new (title, "pe-section-title"));
}

void
pe_result_view_set_result (PeResultView *self,
                           PeCalculator *calc,
                           PeResult     *result)
{
  GPtrArray *outputs, *readings, *trace;
  g_autofree char *amount = NULL;
  gint64 potential;
  gboolean potential_max;

  g_return_if_fail (PE_IS_RESULT_VIEW (self));
  g_return_if_fail (PE_IS_RESULT (result));

  clear_details (self);
  g_clear_pointer (&self->summary, g_free);

  switch (pe_result_get_verdict (result))
    {
    case PE_VERDICT_ELIGIBLE:
      set_verdict (self, _("Eligible"), "pe-verdict-eligible");
      break;
    case PE_VERDICT_NOT_ELIGIBLE:
      {
        PeTraceStep *f = pe_result_get_failed_step (result);
        g_autofree char *text = g_strdup_printf (_("Not eligible: %s"),
                                                 tr (f->note != NULL && f->kind != PE_TRACE_VALIDITY ? f->note : f->label));
        GtkWidget *q;

        set_verdict (self, text, "pe-verdict-not-eligible");
        if ((q = quote_label (pe_calculator_get_document (calc), f->clause)) != NULL)
          gtk_container_add (GTK_CONTAINER (self->details), q);
      }
      break;
    case PE_VERDICT_CANNOT_DECIDE:
      {
        GStrv missing = pe_result_get_missing (result);
        g_autoptr(GPtrArray) ids = g_ptr_array_new ();
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();
        GtkWidget *links;

        set_verdict (self, _("Cannot decide: an input it needs is missing"), "pe-verdict-cannot-decide");
        for (guint i = 0; missing != NULL && missing[i] != NULL; i++)
          {
            PeField *f = pe_calculator_get_field (calc, missing[i]);

            g_ptr_array_add (ids, missing[i]);
            g_ptr_array_add (labels, (char *) (f != NULL ? tr (f->label) : _("the issue date of the document")));
          }
        links = _pe_links_label_new (_("Fill in:"), ids, labels);
        gtk_widget_set_name (links, "missing");
        g_signal_connect (links, "activate-link", G_CALLBACK (on_missing_activated), self);
        gtk_container_add (GTK_CONTAINER (self->details), links);
      }
      break;
    case PE_VERDICT_NONE:
    default:
      set_verdict (self, NULL, NULL);
      break;
    }

  if (pe_result_has_amount (result))
    {
      g_autofree char *yuan = pe_yuan_format (pe_result_get_amount (result));
      amount = pe_result_get_is_maximum (result)
               ? g_strdup_printf (_("Up to %s"), yuan) : g_strdup (yuan);
    }
  else if (pe_result_get_amount_if_in_force (result, &potential, &potential_max))
    {
      g_autofree char *yuan = pe_yuan_format (potential);
      amount = g_strdup_printf (potential_max ? _("Up to %s while the document was in force")
                                              : _("%s while the document was in force"), yuan);
    }
  gtk_label_set_text (GTK_LABEL (self->amount), amount ? amount : "");
  gtk_widget_set_visible (self->amount, amount != NULL);

  self->summary = g_strdup_printf ("%s %s", gtk_label_get_text (GTK_LABEL (self->verdict)),
                                   amount ? amount : "");

  outputs = pe_result_get_outputs (result);
  if (outputs->len > 0)
    {
      GtkWidget *grid = gtk_grid_new ();

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
      for (guint i = 0; i < outputs->len; i++)
        {
          PeOutput *o = g_ptr_array_index (outputs, i);
          const char *choice = pe_output_format_choice (o, pe_language_default ());
          g_autofree char *v = choice ? g_strdup (choice) : format_value (o->type, &o->value);
          GtkWidget *name = label_new (tr (o->label), "pe-fact-name");
          GtkWidget *value = label_new (v, NULL);

          gtk_widget_set_hexpand (value, TRUE);
          gtk_grid_attach (GTK_GRID (grid), name, 0, i, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), value, 1, i, 1, 1);
        }
      gtk_container_add (GTK_CONTAINER (self->details), grid);
    }

  /* Progress towards several targets (a tracker's percentages): as bars */
  {
    g_autoptr(PeChartModel) chart = NULL;
    guint n = 0;

    for (guint i = 0; i < outputs->len; i++)
      {
        PeOutput *o = g_ptr_array_index (outputs, i);
        if (o->type == PE_VALUE_TYPE_PERCENT && o->value.kind == PE_VALUE_NUMBER)
          n++;
      }
    if (n >= 2)
      {
        chart = pe_chart_model_new (PE_CHART_BARS, _("Progress"));
        for (guint i = 0; i < outputs->len; i++)
          {
            PeOutput *o = g_ptr_array_index (outputs, i);
            g_autofree char *v = NULL;

            if (o->type != PE_VALUE_TYPE_PERCENT || o->value.kind != PE_VALUE_NUMBER)
              continue;
            v = pe_value_format (o->type, &o->value);
            pe_chart_model_add_bar (chart, tr (o->label), 100 * pe_rational_to_double (o->value.number), 0, v, NULL);
          }
        {
          GtkWidget *view = pe_chart_view_new (chart);
          gtk_widget_set_name (view, "result-chart");
          gtk_container_add (GTK_CONTAINER (self->details), view);
        }
      }
  }

  readings = pe_result_get_readings (result);
  if (readings->len > 0)
    {
      add_section_title (self, _("Readings taken"));
      for (guint i = 0; i < readings->len; i++)
        {
          g_autofree char *text = g_strdup_printf ("• %s", tr (g_ptr_array_index (readings, i)));
          gtk_container_add (GTK_CONTAINER (self->details), label_new (text, NULL));
        }
    }

  trace = pe_result_get_trace (result);
  if (trace->len > 0)
    {
      GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_How it was computed"));

      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
      gtk_container_add (GTK_CONTAINER (expander), pe_trace_view_new (calc, result));
      gtk_container_add (GTK_CONTAINER (self->details), expander);
    }

  gtk_widget_show_all (self->details);
  gtk_widget_show (GTK_WIDGET (self));
}

/**
 * pe_trace_view_new:
 *
 * Every condition and figure of @result with its value, each followed by
 * the clause it comes from, quoted.
 *
 * Returns: (transfer floating):
 */
GtkWidget *
pe_trace_view_new (PeCalculator *calc,
                   PeResult     *result)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GPtrArray *trace;

  g_return_val_if_fail (calc != NULL, NULL);
  g_return_val_if_fail (PE_IS_RESULT (result), NULL);

  trace = pe_result_get_trace (result);
  gtk_widget_set_margin_top (box, 6);
  for (guint i = 0; i < trace->len; i++)
    {
      PeTraceStep *s = g_ptr_array_index (trace, i);
      g_autofree char *v = format_value (s->type, &s->value);
      g_autofree char *line = g_strdup_printf ("%s = %s", tr (s->label), v);
      GtkWidget *q;

      gtk_container_add (GTK_CONTAINER (box), label_new (line, NULL));
      if ((q = quote_label (pe_calculator_get_document (calc), s->clause)) != NULL)
        {
          gtk_widget_set_margin_start (q, 18);
          gtk_container_add (GTK_CONTAINER (box), q);
        }
    }
  gtk_widget_show_all (box);
  return box;
}

void
pe_result_view_set_error (PeResultView *self,
                          const char   *message)
{
  g_return_if_fail (PE_IS_RESULT_VIEW (self));

  clear_details (self);
  gtk_widget_hide (self->amount);
  set_verdict (self, message, "pe-verdict-not-eligible");
  g_free (self->summary);
  self->summary = g_strdup (message);
  gtk_widget_show (GTK_WIDGET (self));
}

void
pe_result_view_clear (PeResultView *self)
{
  g_return_if_fail (PE_IS_RESULT_VIEW (self));

  clear_details (self);
  g_clear_pointer (&self->summary, g_free);
  gtk_widget_hide (GTK_WIDGET (self));
}

/**
 * pe_result_view_get_summary:
 *
 * Returns: (nullable): the verdict and amount as shown, for tests and
 *   assistive technology
 */
const char *
pe_result_view_get_summary (PeResultView *self)
{
  g_return_val_if_fail (PE_IS_RESULT_VIEW (self), NULL);
  return self->summary;
}

static void
pe_result_view_finalize (GObject *object)
{
  g_free (PE_RESULT_VIEW (object)->summary);
  G_OBJECT_CLASS (pe_result_view_parent_class)->finalize (object);
}

static void
pe_result_view_class_init (PeResultViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_result_view_finalize;

  /**
   * PeResultView::focus-field:
   * @self: the view
   * @field_id: the missing input the user clicked
   */
  signals[FOCUS_FIELD] =
    g_signal_new ("focus-field", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pe_result_view_init (PeResultView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self)), "pe-card");

  self->amount = label_new ("", "pe-amount");
  gtk_widget_set_name (self->amount, "result-amount");
  atk_object_set_name (gtk_widget_get_accessible (self->amount), _("Amount"));
  self->verdict = label_new ("", NULL);
  gtk_widget_set_name (self->verdict, "result-verdict");
  atk_object_set_name (gtk_widget_get_accessible (self->verdict), _("Verdict"));
  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_container_add (GTK_CONTAINER (self), self->amount);
  gtk_container_add (GTK_CONTAINER (self), self->verdict);
  gtk_container_add (GTK_CONTAINER (self), self->details);
  gtk_widget_show (self->details);
  gtk_widget_set_no_show_all (self->amount, TRUE);
  gtk_widget_set_no_show_all (self->verdict, TRUE);
}

GtkWidget *
pe_result_view_new (void)
{
  return g_object_new (PE_TYPE_RESULT_VIEW, NULL);
}
