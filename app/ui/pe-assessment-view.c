/* pe-assessment-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What applies to a profile, calculator by calculator and document by
 * document: the amount or "up to"; eligible, not eligible with the
 * failing clause quoted, or cannot decide with each missing input a link
 * to the field to fill (::focus-key); a value a calculator refuses, named;
 * what stacking set aside and by which clause of which document; the
 * trace on demand. Then the total counted and the whole ledger.
 */
#define G_LOG_DOMAIN "pe-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-assessment-view.h"
#include "pe-links-label-private.h"
#include "pe-profile-form.h"
#include "pe-result-view.h"
#include "pe-validity.h"

struct _PeAssessmentView
{
  GtkBox        parent_instance;

  PeAssessment *assessment;
  GtkWidget    *total;
  GtkWidget    *total_note;
  GtkWidget    *items;      /* rebuilt for each assessment */
  GtkWidget    *ledger;
  GHashTable   *summaries;  /* "doc/calc" -> summary text */
};

G_DEFINE_FINAL_TYPE (PeAssessmentView, pe_assessment_view, GTK_TYPE_BOX)

enum {
  FOCUS_KEY,
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

static const char *
doc_title (PeDocument *doc)
{
  return tr (pe_document_get_short_title (doc));
}

/**
 * pe_key_describe:
 * @calculator: the calculator that asks for @key
 * @key: a profile key: a fact id, or DOC/CALC/FIELD
 *
 * Returns: (transfer full): what the form calls the input
 */
char *
pe_key_describe (PeCalculator *calc,
                 const char   *key)
{
  PeDocument *doc = pe_calculator_get_document (calc);
  PeField *fact = doc != NULL ? pe_document_find_fact (doc, key) : pe_vocabulary_get_fact (pe_vocabulary_get_default (), key);

  if (fact != NULL)
    return g_strdup (tr (fact->label));
  for (guint i = 0; i < calc->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (calc->fields, i);
      g_autofree char *k = pe_profile_key_for_field (calc, f);
      if (g_str_equal (k, key))
        return g_strdup (tr (f->label));
    }
  return g_strdup (key);
}

static gboolean
on_activate_link (GtkLabel         *label,
                  const char       *key,
                  PeAssessmentView *self)
{
  g_signal_emit (self, signals[FOCUS_KEY], 0, key);
  return TRUE;   /* a key, not an address to open */
}

/* "Fill in: Output value, Listed", each input leading to its field */
static GtkWidget *
links_label (PeAssessmentView *self,
             const char       *name,
             const char       *lead,
             GPtrArray        *keys,
             GPtrArray        *labels)
{
  GtkWidget *label = _pe_links_label_new (lead, keys, labels);

  gtk_widget_set_name (label, name);
  g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), self);
  return label;
}

static void
set_verdict_style (GtkWidget  *label,
                   const char *style_class)
{
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
}

static void
on_trace_expanded (GObject          *expander,
                   GParamSpec       *pspec,
                   PeAssessmentView *self)
{
  PeAssessmentItem *item = g_object_get_data (expander, "pe-item");

  /* built the first time it is opened: most are never looked at */
  if (gtk_expander_get_expanded (GTK_EXPANDER (expander)) && gtk_bin_get_child (GTK_BIN (expander)) == NULL)
    gtk_container_add (GTK_CONTAINER (expander), pe_trace_view_new (item->calculator, item->result));
}

/* The amount as the results show it, or NULL. */
static char *
format_amount (PeResult *result)
{
  gint64 potential;
  gboolean potential_max;

  if (result == NULL)
    return NULL;
  if (pe_result_has_amount (result))
    {
      g_autofree char *yuan = pe_yuan_format (pe_result_get_amount (result));
      return pe_result_get_is_maximum (result) ? g_strdup_printf (_("Up to %s"), yuan) : g_strdup (yuan);
    }
  if (pe_result_get_amount_if_in_force (result, &potential, &potential_max))
    {
      g_autofree char *yuan = pe_yuan_format (potential);
      return g_strdup_printf (potential_max ? _("Up to %s while the document was in force")
                                            : _("%s while the document was in force"), yuan);
    }
  return NULL;
}

/* Where a clause set a result aside: "Alpha, closing provisions: “…”". */
static char *
ledger_clause (PeAssessment    *assessment,
               PeAssessmentItem *item,
               PeStackingEntry  *e)
{
  PeDocument *own = pe_calculator_get_document (item->calculator);
  PeDocument *doc = own;
  g_autofree char *clause = NULL;

  if (e->clause == NULL)
    return NULL;
  if (e->document_id != NULL && g_strcmp0 (e->document_id, pe_document_get_id (own)) != 0)
    {
      GPtrArray *items = pe_assessment_get_items (assessment);
      for (guint i = 0; i < items->len; i++)
        {
          PeDocument *d = pe_calculator_get_document (((PeAssessmentItem *) g_ptr_array_index (items, i))->calculator);
          if (g_strcmp0 (pe_document_get_id (d), e->document_id) == 0)
            doc = d;
        }
    }
  clause = pe_clause_format (doc, e->clause);
  /* Translators: a document's short title, then where in it a clause stands and the clause */
  return g_strdup_printf (_("%s, %s"), doc_title (doc), clause);
}

static PeAssessmentItem *
item_of_result (PeAssessment *assessment,
                PeResult     *result)
{
  GPtrArray *items = pe_assessment_get_items (assessment);

  for (guint i = 0; i < items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (items, i);
      if (it->result == result)
        return it;
    }
  return NULL;
}

static GtkWidget *
item_row (PeAssessmentView *self,
          PeAssessmentItem *item)
{
  PeCalculator *calc = item->calculator;
  PeDocument *doc = pe_calculator_get_document (calc);
  PeResult *r = item->result;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title, *amount, *verdict = NULL;
  g_autofree char *amount_text = format_amount (r);
  g_autofree char *verdict_text = NULL;
  g_autofree char *name = g_strdup_printf ("%s/%s", pe_document_get_id (doc), calc->id);
  g_autofree char *where = NULL;
  g_autofree char *markup = NULL;
  PeMeasure *m = pe_document_get_measure (doc, calc->measure_id);

  gtk_style_context_add_class (gtk_widget_get_style_context (card), "pe-card");
  gtk_widget_set_name (card, name);

  where = m != NULL && g_strcmp0 (m->kind, "provision") == 0 ? g_strdup (tr (m->title))
          : g_strdup_printf (_("Measure %s"), calc->measure_id);
  markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s · %s</small>", tr (calc->title), doc_title (doc), where);
  title = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (title), markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_line_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_container_add (GTK_CONTAINER (head), title);
  amount = text_label (amount_text ? amount_text : "", "pe-item-amount");
  /* the title wraps, the figure stays on one line */
  gtk_label_set_line_wrap (GTK_LABEL (amount), FALSE);
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_widget_set_valign (amount, GTK_ALIGN_START);
  gtk_widget_set_name (amount, "amount");
  gtk_container_add (GTK_CONTAINER (head), amount);
  gtk_container_add (GTK_CONTAINER (card), head);

  if (r == NULL)
    {
      /* a value the calculator refuses: named, one click from its field */
      verdict_text = g_strdup_printf (_("Input refused: %s"), item->error);
      verdict = text_label (verdict_text, "pe-verdict-not-eligible");
      gtk_container_add (GTK_CONTAINER (card), verdict);
      if (item->error_key != NULL)
        {
          g_autoptr(GPtrArray) keys = g_ptr_array_new ();
          g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (keys, item->error_key);
          g_ptr_array_add (labels, pe_key_describe (calc, item->error_key));
          gtk_container_add (GTK_CONTAINER (card), links_label (self, "refused", _("Correct:"), keys, labels));
        }
    }
  else
    switch (pe_result_get_verdict (r))
      {
      case PE_VERDICT_ELIGIBLE:
        verdict_text = g_strdup (_("Eligible"));
        verdict = text_label (verdict_text, NULL);
        set_verdict_style (verdict, "pe-verdict-eligible");
        gtk_container_add (GTK_CONTAINER (card), verdict);
        break;
      case PE_VERDICT_NOT_ELIGIBLE:
        {
          PeTraceStep *f = pe_result_get_failed_step (r);
          g_autofree char *quote = pe_clause_format (doc, f->clause);

          verdict_text = g_strdup_printf (_("Not eligible: %s"),
                                          tr (f->note != NULL && f->kind != PE_TRACE_VALIDITY ? f->note : f->label));
          verdict = text_label (verdict_text, "pe-verdict-not-eligible");
          gtk_container_add (GTK_CONTAINER (card), verdict);
          if (quote != NULL)
            gtk_container_add (GTK_CONTAINER (card), text_label (quote, "pe-quote"));
        }
        break;
      case PE_VERDICT_CANNOT_DECIDE:
        {
          g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

          verdict_text = g_strdup (_("Cannot decide: an input it needs is missing"));
          verdict = text_label (verdict_text, "pe-verdict-cannot-decide");
          gtk_container_add (GTK_CONTAINER (card), verdict);
          for (guint i = 0; item->missing_keys != NULL && item->missing_keys[i] != NULL; i++)
            {
              g_ptr_array_add (keys, g_strdup (item->missing_keys[i]));
              g_ptr_array_add (labels, pe_key_describe (calc, item->missing_keys[i]));
            }
          if (item->needs_issue_date)
            {
              g_ptr_array_add (keys, g_strconcat (PE_ISSUE_DATE_KEY_PREFIX, pe_document_get_id (doc), NULL));
              g_ptr_array_add (labels, g_strdup_printf (_("Issue date of %s"), doc_title (doc)));
            }
          if (keys->len > 0)
            gtk_container_add (GTK_CONTAINER (card), links_label (self, "missing", _("Fill in:"), keys, labels));
        }
        break;
      case PE_VERDICT_NONE:
      default:
        break;
      }

  /* what stacking did with it */
  if (item->stacking != NULL && !item->stacking->kept)
    {
      PeStackingEntry *e = item->stacking;
      PeAssessmentItem *winner = e->prevailing ? item_of_result (self->assessment, e->prevailing) : NULL;
      g_autofree char *text = NULL;
      g_autofree char *clause = ledger_clause (self->assessment, item, e);

      text = winner != NULL
             ? g_strdup_printf (_("Set aside, not counted: %s prevails (%s)."), tr (winner->calculator->title),
                                doc_title (pe_calculator_get_document (winner->calculator)))
             : g_strdup (_("Set aside, not counted."));
      gtk_container_add (GTK_CONTAINER (card), text_label (text, "pe-set-aside"));
      if (e->reason != NULL)
        gtk_container_add (GTK_CONTAINER (card), text_label (tr (e->reason), "pe-subtitle"));
      if (clause != NULL)
        gtk_container_add (GTK_CONTAINER (card), text_label (clause, "pe-quote"));
      gtk_style_context_add_class (gtk_widget_get_style_context (amount), "pe-struck");
    }

  if (r != NULL)
    {
      GPtrArray *readings = pe_result_get_readings (r);
      GtkWidget *expander = gtk_expander_new_with_mnemonic (_("How it was _computed"));

      for (guint i = 0; i < readings->len; i++)
        {
          /* Translators: a reading of an ambiguous text that the result takes */
          g_autofree char *text = g_strdup_printf (_("Reading: %s"), tr (g_ptr_array_index (readings, i)));
          gtk_container_add (GTK_CONTAINER (card), text_label (text, "pe-dim"));
        }
      g_object_set_data_full (G_OBJECT (expander), "pe-item", pe_assessment_item_ref (item),
                              (GDestroyNotify) pe_assessment_item_unref);
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_trace_expanded), self);
      gtk_widget_set_name (expander, "trace");
      gtk_container_add (GTK_CONTAINER (card), expander);
    }

  {
    g_autofree char *summary = g_strdup_printf ("%s%s%s", verdict_text ? verdict_text : "",
                                                verdict_text && amount_text ? " " : "",
                                                amount_text ? amount_text : "");
    if (item->stacking != NULL && !item->stacking->kept)
      {
        char *s = g_strconcat (summary, " ", _("(set aside)"), NULL);
        g_free (summary);
        summary = s;
      }
    atk_object_set_name (gtk_widget_get_accessible (card), tr (calc->title));
    atk_object_set_description (gtk_widget_get_accessible (card), summary);
    g_hash_table_insert (self->summaries, g_strdup (name), g_steal_pointer (&summary));
  }
  return card;
}

static void
on_document_clicked (GtkButton        *button,
                     PeAssessmentView *self)
{
  g_signal_emit (self, signals[OPEN_DOCUMENT], 0, g_object_get_data (G_OBJECT (button), "pe-document-id"));
}

static void
build_items (PeAssessmentView *self)
{
  GPtrArray *items = pe_assessment_get_items (self->assessment);
  PeDocument *current = NULL;

  if (items->len == 0)
    {
      gtk_container_add (GTK_CONTAINER (self->items),
                         text_label (_("No calculator has an input from this profile yet. Fill in the facts on the left: "
                                       "each calculator runs once the profile gives it something to work with."),
                                     "pe-dim"));
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (items, i);
      PeDocument *doc = pe_calculator_get_document (it->calculator);

      if (doc != current)
        {
          GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          GtkWidget *button = gtk_button_new_with_label (doc_title (doc));
          GtkWidget *status = gtk_label_new (NULL);
          g_autofree char *tip = g_strdup_printf (_("Open %s"), doc_title (doc));

          gtk_button_set_relief (GTK_BUTTON (button), GTK_RELIEF_NONE);
          gtk_style_context_add_class (gtk_widget_get_style_context (button), "pe-document-link");
          gtk_widget_set_tooltip_text (button, tip);
          g_object_set_data_full (G_OBJECT (button), "pe-document-id", g_strdup (pe_document_get_id (doc)), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_document_clicked), self);
          gtk_container_add (GTK_CONTAINER (head), button);
          pe_validity_show (status, doc, pe_assessment_get_as_of (self->assessment),
                            pe_profile_get_issue_date (pe_assessment_get_profile (self->assessment),
                                                       pe_document_get_id (doc)));
          gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
          gtk_container_add (GTK_CONTAINER (head), status);
          gtk_widget_set_margin_top (head, 8);
          gtk_container_add (GTK_CONTAINER (self->items), head);
          current = doc;
        }
      gtk_container_add (GTK_CONTAINER (self->items), item_row (self, it));
    }
}

/* One entry per amount that takes part: who, how much, kept or set aside,
 * and for what is set aside, why and by which clause, on the lines below
 * (the pane is narrow: a column of reasons would be a column of words). */
static void
build_ledger (PeAssessmentView *self)
{
  GPtrArray *items = pe_assessment_get_items (self->assessment);
  GtkWidget *grid = gtk_grid_new ();
  const char *heads[] = { N_("Calculator"), N_("Amount"), N_("Outcome") };
  int top = 1;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    gtk_grid_attach (GTK_GRID (grid), text_label (_(heads[c]), "pe-fact-name"), c, 0, 1, 1);

  for (guint i = 0; i < items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (items, i);
      PeStackingEntry *e = it->stacking;
      PeDocument *doc = pe_calculator_get_document (it->calculator);
      g_autofree char *who = NULL;
      g_autofree char *amount = NULL;
      GtkWidget *outcome, *name, *a;

      if (e == NULL)
        continue;   /* no amount that takes part */
      who = g_markup_printf_escaped ("%s\n<small>%s</small>", tr (it->calculator->title), doc_title (doc));
      amount = format_amount (it->result);
      name = text_label (NULL, NULL);
      gtk_label_set_markup (GTK_LABEL (name), who);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_margin_top (name, 4);
      gtk_grid_attach (GTK_GRID (grid), name, 0, top, 1, 1);
      a = text_label (amount ? amount : "", NULL);
      gtk_label_set_line_wrap (GTK_LABEL (a), FALSE);
      gtk_label_set_xalign (GTK_LABEL (a), 1);
      gtk_widget_set_margin_top (a, 4);
      if (!e->kept)
        gtk_style_context_add_class (gtk_widget_get_style_context (a), "pe-struck");
      gtk_grid_attach (GTK_GRID (grid), a, 1, top, 1, 1);
      outcome = text_label (e->kept ? _("Kept") : _("Set aside"), e->kept ? "pe-verdict-eligible" : "pe-set-aside");
      gtk_label_set_line_wrap (GTK_LABEL (outcome), FALSE);
      gtk_widget_set_margin_top (outcome, 4);
      gtk_widget_set_name (outcome, e->kept ? "kept" : "set-aside");
      gtk_grid_attach (GTK_GRID (grid), outcome, 2, top, 1, 1);
      top++;
      if (!e->kept)
        {
          g_autofree char *clause = ledger_clause (self->assessment, it, e);

          if (e->reason != NULL)
            gtk_grid_attach (GTK_GRID (grid), text_label (tr (e->reason), "pe-subtitle"), 0, top++, 3, 1);
          if (clause != NULL)
            gtk_grid_attach (GTK_GRID (grid), text_label (clause, "pe-quote"), 0, top++, 3, 1);
        }
    }
  if (top == 1)
    {
      gtk_widget_destroy (grid);
      gtk_container_add (GTK_CONTAINER (self->ledger), text_label (_("No amount takes part in stacking yet."), "pe-dim"));
      return;
    }
  gtk_container_add (GTK_CONTAINER (self->ledger), grid);
}

static void
update_total (PeAssessmentView *self)
{
  gboolean max = FALSE;
  gint64 total = pe_assessment_get_total (self->assessment, &max);
  g_autofree char *yuan = pe_yuan_format (total);
  g_autofree char *text = max ? g_strdup_printf (_("Total counted: up to %s"), yuan)
                              : g_strdup_printf (_("Total counted: %s"), yuan);
  g_autofree char *as_of = pe_date_to_string (pe_assessment_get_as_of (self->assessment));
  GPtrArray *ledger = pe_assessment_get_ledger (self->assessment);
  GPtrArray *items = pe_assessment_get_items (self->assessment);
  guint aside = 0, n = items->len, with_amount = 0, refused = 0;
  guint not_eligible = pe_assessment_count (self->assessment, PE_VERDICT_NOT_ELIGIBLE);
  guint undecided = pe_assessment_count (self->assessment, PE_VERDICT_CANNOT_DECIDE);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;

  for (guint i = 0; i < ledger->len; i++)
    if (!((PeStackingEntry *) g_ptr_array_index (ledger, i))->kept)
      aside++;
  for (guint i = 0; i < items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (items, i);
      if (it->result == NULL)
        refused++;
      else if (pe_result_has_amount (it->result))
        with_amount++;
    }
  /* only what there is: "5 give an amount, 1 cannot decide" */
  if (with_amount > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gives an amount", "%u give an amount", with_amount), with_amount));
  if (not_eligible > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not eligible", "%u not eligible", not_eligible), not_eligible));
  if (undecided > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cannot decide", "%u cannot decide", undecided), undecided));
  if (refused > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u refuses an input", "%u refuse an input", refused), refused));
  if (aside > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u set aside by stacking rules", "%u set aside by stacking rules", aside), aside));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  note = n == 0
         ? g_strdup_printf (_("As of %s."), as_of)
         /* Translators: the date of the results, how many calculators ran, then how they came out */
         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "As of %s. %u calculator ran: %s.", "As of %s. %u calculators ran: %s.", n),
                            as_of, n, joined);
  if (max)
    {
      char *more = g_strconcat (note, " ", _("Some amounts are the most the text allows (不高于, 最高不超过)."), NULL);
      g_free (note);
      note = more;
    }
  gtk_label_set_text (GTK_LABEL (self->total), text);
  gtk_label_set_text (GTK_LABEL (self->total_note), note);
}

void
pe_assessment_view_set_assessment (PeAssessmentView *self,
                                   PeAssessment     *assessment)
{
  g_return_if_fail (PE_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (assessment == NULL || PE_IS_ASSESSMENT (assessment));

  g_set_object (&self->assessment, assessment);
  clear_container (self->items);
  clear_container (self->ledger);
  g_hash_table_remove_all (self->summaries);
  if (assessment == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->total), "");
      gtk_label_set_text (GTK_LABEL (self->total_note), "");
      return;
    }
  update_total (self);
  build_items (self);
  build_ledger (self);
  gtk_widget_show_all (self->items);
  gtk_widget_show_all (self->ledger);
}

static void
pe_assessment_view_dispose (GObject *object)
{
  PeAssessmentView *self = PE_ASSESSMENT_VIEW (object);

  g_clear_object (&self->assessment);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  G_OBJECT_CLASS (pe_assessment_view_parent_class)->dispose (object);
}

static void
pe_assessment_view_class_init (PeAssessmentViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pe_assessment_view_dispose;

  /**
   * PeAssessmentView::focus-key:
   * @key: the profile key of the input to fill or correct, or
   *   `issue-date:DOC`
   */
  signals[FOCUS_KEY] =
    g_signal_new ("focus-key", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PeAssessmentView::open-document:
   * @document_id: the document whose title was clicked
   */
  signals[OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pe_assessment_view_init (PeAssessmentView *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *ledger_title;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  self->summaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_style_context_add_class (gtk_widget_get_style_context (card), "pe-card");
  self->total = text_label ("", "pe-amount");
  gtk_widget_set_name (self->total, "total");
  atk_object_set_name (gtk_widget_get_accessible (self->total), _("Total"));
  self->total_note = text_label ("", "pe-subtitle");
  gtk_container_add (GTK_CONTAINER (card), self->total);
  gtk_container_add (GTK_CONTAINER (card), self->total_note);
  gtk_container_add (GTK_CONTAINER (self), card);

  self->items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_container_add (GTK_CONTAINER (self), self->items);

  ledger_title = text_label (_("Stacking ledger"), "pe-section-title");
  gtk_widget_set_margin_top (ledger_title, 12);
  gtk_container_add (GTK_CONTAINER (self), ledger_title);
  gtk_container_add (GTK_CONTAINER (self),
                     text_label (_("Within a document, and across documents for like support, the texts say which amounts "
                                   "do not add up: only the one kept counts."), "pe-dim"));
  self->ledger = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (self->ledger, "ledger");
  gtk_style_context_add_class (gtk_widget_get_style_context (self->ledger), "pe-card");
  gtk_container_add (GTK_CONTAINER (self), self->ledger);
  gtk_widget_show_all (GTK_WIDGET (self));
}

GtkWidget *
pe_assessment_view_new (void)
{
  return g_object_new (PE_TYPE_ASSESSMENT_VIEW, NULL);
}

/**
 * pe_assessment_view_get_assessment:
 *
 * Returns: (transfer none) (nullable):
 */
PeAssessment *
pe_assessment_view_get_assessment (PeAssessmentView *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT_VIEW (self), NULL);
  return self->assessment;
}

const char *
pe_assessment_view_get_total_text (PeAssessmentView *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->total));
}

/**
 * pe_assessment_view_find_item:
 *
 * Returns: (transfer none) (nullable): the card of a calculator's result
 */
GtkWidget *
pe_assessment_view_find_item (PeAssessmentView *self,
                              const char       *document_id,
                              const char       *calculator_id)
{
  g_autofree char *name = g_strdup_printf ("%s/%s", document_id, calculator_id);
  GList *children;
  GtkWidget *found = NULL;

  g_return_val_if_fail (PE_IS_ASSESSMENT_VIEW (self), NULL);

  children = gtk_container_get_children (GTK_CONTAINER (self->items));
  for (GList *l = children; l && !found; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      found = l->data;
  g_list_free (children);
  return found;
}

/**
 * pe_assessment_view_get_item_summary:
 *
 * Returns: (nullable): the verdict and amount shown for a calculator
 */
const char *
pe_assessment_view_get_item_summary (PeAssessmentView *self,
                                     const char       *document_id,
                                     const char       *calculator_id)
{
  g_autofree char *name = g_strdup_printf ("%s/%s", document_id, calculator_id);

  g_return_val_if_fail (PE_IS_ASSESSMENT_VIEW (self), NULL);
  return g_hash_table_lookup (self->summaries, name);
}

/**
 * pe_assessment_view_get_ledger:
 *
 * Returns: (transfer none): the box of the stacking ledger
 */
GtkWidget *
pe_assessment_view_get_ledger (PeAssessmentView *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT_VIEW (self), NULL);
  return self->ledger;
}
