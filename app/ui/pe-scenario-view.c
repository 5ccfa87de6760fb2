/* pe-scenario-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per calculator, what each scenario counts towards its total (nothing
 * when not eligible, not run, or set aside by stacking) and the
 * difference; the rows add up to the difference of the totals. A verdict
 * that differs is named, since a change of verdict is often the point.
 */
#define G_LOG_DOMAIN "pe-scenario-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-scenario-view.h"

struct _PeScenarioView
{
  GtkBox     parent_instance;

  GtkWidget *grid;
  GtkWidget *delta;
  gint64     total_delta;
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (PeScenarioView, pe_scenario_view, GTK_TYPE_BOX)

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static GtkWidget *
cell (const char *text,
      const char *style_class,
      float       xalign)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), xalign);
  gtk_label_set_line_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_selectable (GTK_LABEL (l), TRUE);
  gtk_widget_set_can_focus (l, FALSE);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (l), style_class);
  return l;
}

/* "+50,000 yuan", "−50,000 yuan", "0 yuan" */
char *
pe_yuan_format_signed (gint64 yuan)
{
  g_autofree char *abs = pe_yuan_format (yuan < 0 ? -yuan : yuan);

  if (yuan > 0)
    return g_strdup_printf ("+%s", abs);
  if (yuan < 0)
    return g_strdup_printf ("−%s", abs);
  return g_steal_pointer (&abs);
}

static const char *
verdict_word (PeAssessmentItem *item)
{
  if (item == NULL)
    return _("not run");
  if (item->result == NULL)
    return _("input refused");
  if (item->stacking != NULL && !item->stacking->kept)
    return _("set aside");
  switch (pe_result_get_verdict (item->result))
    {
    case PE_VERDICT_ELIGIBLE: return _("eligible");
    case PE_VERDICT_NOT_ELIGIBLE: return _("not eligible");
    case PE_VERDICT_CANNOT_DECIDE: return _("cannot decide");
    case PE_VERDICT_NONE:
    default: return pe_result_has_amount (item->result) ? _("counted") : _("no amount");
    }
}

static char *
side_text (PeAssessmentItem *item,
           gint64            counted)
{
  g_autofree char *yuan = pe_yuan_format (counted);

  return g_strdup_printf ("%s\n<small>%s</small>", yuan, verdict_word (item));
}

static void
clear (PeScenarioView *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->grid));

  for (GList *l = children; l; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

static GtkWidget *
markup_cell (const char *markup,
             float       xalign)
{
  GtkWidget *l = cell (NULL, NULL, xalign);

  gtk_label_set_markup (GTK_LABEL (l), markup);
  return l;
}

/**
 * pe_scenario_view_set:
 * @a: (nullable): the first scenario
 * @b: (nullable): the second
 */
void
pe_scenario_view_set (PeScenarioView *self,
                      PeAssessment   *a,
                      const char     *title_a,
                      PeAssessment   *b,
                      const char     *title_b)
{
  g_autoptr(GPtrArray) rows = NULL;
  gint64 total_a, total_b;
  int top = 1;

  g_return_if_fail (PE_IS_SCENARIO_VIEW (self));

  clear (self);
  self->n_rows = 0;
  self->total_delta = 0;
  if (a == NULL || b == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->delta), "");
      return;
    }

  gtk_grid_attach (GTK_GRID (self->grid), cell (_("Calculator"), "pe-fact-name", 0), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), cell (title_a, "pe-fact-name", 1), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), cell (title_b, "pe-fact-name", 1), 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), cell (_("Difference"), "pe-fact-name", 1), 3, 0, 1, 1);

  rows = pe_scenario_compare (a, b);
  for (guint i = 0; i < rows->len; i++)
    {
      PeScenarioRow *r = g_ptr_array_index (rows, i);
      PeDocument *doc = pe_calculator_get_document (r->calculator);
      g_autofree char *who = g_markup_printf_escaped ("%s\n<small>%s</small>", tr (r->calculator->title),
                                                      tr (pe_document_get_short_title (doc)));
      g_autofree char *sa = side_text (r->a, r->counted_a);
      g_autofree char *sb = side_text (r->b, r->counted_b);
      g_autofree char *d = pe_yuan_format_signed (r->delta);
      GtkWidget *name = markup_cell (who, 0);
      GtkWidget *delta = cell (d, r->delta > 0 ? "pe-delta-up" : r->delta < 0 ? "pe-delta-down" : "pe-dim", 1);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), name, 0, top, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), markup_cell (sa, 1), 1, top, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), markup_cell (sb, 1), 2, top, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), delta, 3, top, 1, 1);
      top++;
      self->n_rows++;
    }

  {
    gboolean max_a = FALSE, max_b = FALSE;

    total_a = pe_assessment_get_total (a, &max_a);
    total_b = pe_assessment_get_total (b, &max_b);
    self->total_delta = total_b - total_a;
  {
    g_autofree char *ya = pe_yuan_format (total_a);
    g_autofree char *yb = pe_yuan_format (total_b);
    /* Translators: a total that holds amounts the text gives as upper bounds */
    g_autofree char *ta = max_a ? g_strdup_printf (_("up to %s"), ya) : g_strdup (ya);
    g_autofree char *tb = max_b ? g_strdup_printf (_("up to %s"), yb) : g_strdup (yb);
    g_autofree char *td = pe_yuan_format_signed (self->total_delta);
    g_autofree char *text = NULL;

    gtk_grid_attach (GTK_GRID (self->grid), cell (_("Total counted"), "pe-measure-title", 0), 0, top, 1, 1);
    gtk_grid_attach (GTK_GRID (self->grid), cell (ta, "pe-measure-title", 1), 1, top, 1, 1);
    gtk_grid_attach (GTK_GRID (self->grid), cell (tb, "pe-measure-title", 1), 2, top, 1, 1);
    gtk_grid_attach (GTK_GRID (self->grid), cell (td, "pe-measure-title", 1), 3, top, 1, 1);
    /* Translators: the difference of the two totals */
    text = g_strdup_printf (_("Difference in total: %s"), td);
    gtk_label_set_text (GTK_LABEL (self->delta), text);
  }
  }
  gtk_widget_show_all (self->grid);
}

static void
pe_scenario_view_class_init (PeScenarioViewClass *klass)
{
}

static void
pe_scenario_view_init (PeScenarioView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);

  self->delta = cell ("", "pe-amount", 0);
  gtk_widget_set_name (self->delta, "scenario-delta");
  atk_object_set_name (gtk_widget_get_accessible (self->delta), _("Difference in total"));
  gtk_container_add (GTK_CONTAINER (self), self->delta);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 16);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->grid), "pe-card");
  gtk_container_add (GTK_CONTAINER (self), self->grid);
  gtk_widget_show_all (GTK_WIDGET (self));
}

GtkWidget *
pe_scenario_view_new (void)
{
  return g_object_new (PE_TYPE_SCENARIO_VIEW, NULL);
}

gint64
pe_scenario_view_get_delta (PeScenarioView *self)
{
  g_return_val_if_fail (PE_IS_SCENARIO_VIEW (self), 0);
  return self->total_delta;
}

const char *
pe_scenario_view_get_delta_text (PeScenarioView *self)
{
  g_return_val_if_fail (PE_IS_SCENARIO_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->delta));
}

guint
pe_scenario_view_get_n_rows (PeScenarioView *self)
{
  g_return_val_if_fail (PE_IS_SCENARIO_VIEW (self), 0);
  return self->n_rows;
}
