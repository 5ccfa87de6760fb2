/* pe-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-document"

#include "config.h"

#include "pe-document-private.h"
#include "pe-rc-private.h"
#include "pe-vocabulary.h"

G_DEFINE_FINAL_TYPE (PeDocument, pe_document, G_TYPE_OBJECT)

static void
chart_bar_free (PeChartBar *bar)
{
  g_clear_pointer (&bar->label, pe_text_free);
  g_clear_pointer (&bar->clause, pe_clause_unref);
  g_free (bar);
}

static void
chart_spec_clear (PeChartSpec *self)
{
  g_free (self->id);
  g_free (self->kind);
  g_free (self->calculator_id);
  g_free (self->x_field);
  g_free (self->output);
  g_clear_pointer (&self->title, pe_text_free);
  g_clear_pointer (&self->description, pe_text_free);
  g_clear_pointer (&self->fixed, g_hash_table_unref);
  g_clear_pointer (&self->bars, g_ptr_array_unref);
}

PE_DEFINE_RC_BOXED (PeChartSpec, pe_chart_spec, chart_spec_clear)

static void
item_list_clear (PeItemList *self)
{
  g_free (self->id);
  g_clear_pointer (&self->title, pe_text_free);
  g_clear_pointer (&self->clause, pe_clause_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

PE_DEFINE_RC_BOXED (PeItemList, pe_item_list, item_list_clear)

/* used by the loader for PeChartSpec.bars */
GDestroyNotify _pe_chart_bar_free_func = (GDestroyNotify) chart_bar_free;

static void
pe_document_finalize (GObject *object)
{
  PeDocument *self = PE_DOCUMENT (object);

  /* Calculators point back at the document; cut the link before they go,
   * in case someone still holds one. */
  if (self->calculators != NULL)
    for (guint i = 0; i < self->calculators->len; i++)
      ((PeCalculator *) g_ptr_array_index (self->calculators, i))->document = NULL;

  g_free (self->id);
  g_free (self->version);
  g_free (self->origin);
  g_free (self->number);
  g_clear_pointer (&self->title, pe_text_free);
  g_clear_pointer (&self->short_title, pe_text_free);
  g_clear_pointer (&self->issuer, pe_text_free);
  g_clear_pointer (&self->interpreter, pe_text_free);
  g_clear_pointer (&self->validity_text, pe_text_free);
  g_clear_pointer (&self->validity_clause, pe_clause_unref);
  g_clear_pointer (&self->stacking_rules, g_hash_table_unref);
  g_clear_pointer (&self->stacking_clause, pe_clause_unref);
  g_clear_pointer (&self->stacking_reading, pe_text_free);
  g_free (self->across_rule);
  g_clear_pointer (&self->across_clause, pe_clause_unref);
  g_clear_pointer (&self->across_reading, pe_text_free);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->inputs_index, g_hash_table_unref);
  g_clear_pointer (&self->validity_step, pe_trace_step_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->measures_by_id, g_hash_table_unref);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_clear_pointer (&self->parameter_values, g_free);
  g_clear_pointer (&self->calculators, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);

  G_OBJECT_CLASS (pe_document_parent_class)->finalize (object);
}

static void
pe_document_class_init (PeDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_document_finalize;
}

static void
pe_document_init (PeDocument *self)
{
  self->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_measure_unref);
  self->measures_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_parameter_unref);
  self->calculators = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_calculator_unref);
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_chart_spec_unref);
  self->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_item_list_unref);
  self->stacking_rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_field_unref);
}

/* Indexes the calculators by the profile keys of their inputs (readings
 * aside), once, by quark: an assessment then looks up the few keys a
 * profile sets, rather than every field of every calculator, and hashes
 * each key once for all the documents. The keys are interned here, so
 * that a key that is no quark afterwards (g_quark_try_string()) is one
 * no indexed document reads. */
void
_pe_document_index_inputs (PeDocument *self)
{
  if (self->inputs_index != NULL)
    return;
  self->inputs_index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint c = 0; c < self->calculators->len; c++)
    {
      PeCalculator *calc = g_ptr_array_index (self->calculators, c);

      for (guint f = 0; f < calc->fields->len; f++)
        {
          PeField *field = g_ptr_array_index (calc->fields, f);
          gpointer q;
          GArray *list;

          if (field->role == PE_FIELD_ROLE_READING || field->profile_key == NULL)
            continue;
          q = GUINT_TO_POINTER (g_quark_from_string (field->profile_key));
          list = g_hash_table_lookup (self->inputs_index, q);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->inputs_index, q, list);
            }
          if (list->len == 0 || g_array_index (list, guint, list->len - 1) != c)
            g_array_append_val (list, c);
        }
    }
}

/* The calculators an input under the profile key @key feeds, as indices
 * into the calculators; the document is indexed already. */
GArray *
_pe_document_calculators_fed_by (PeDocument *self,
                                 GQuark      key)
{
  g_assert (self->inputs_index != NULL);
  return key != 0 ? g_hash_table_lookup (self->inputs_index, GUINT_TO_POINTER (key)) : NULL;
}

PeDocument *
_pe_document_new_empty (void)
{
  return g_object_new (PE_TYPE_DOCUMENT, NULL);
}

#define GETTER(type, name, field)                         \
  type                                                    \
  pe_document_get_##name (PeDocument *self)               \
  {                                                       \
    g_return_val_if_fail (PE_IS_DOCUMENT (self), 0);      \
    return self->field;                                   \
  }

GETTER (const char *, id, id)
GETTER (const char *, version, version)
GETTER (const char *, origin, origin)
GETTER (const PeText *, title, title)
GETTER (const PeText *, short_title, short_title)
GETTER (const PeText *, issuer, issuer)
GETTER (const char *, number, number)
GETTER (guint32, issue_date, issue_date)
GETTER (const PeText *, interpreter, interpreter)
GETTER (const PeText *, validity_text, validity_text)
GETTER (PeClause *, validity_clause, validity_clause)
GETTER (PeDateRule, start_rule, start_rule)
GETTER (PeDateRule, end_rule, end_rule)
GETTER (const PeText *, stacking_reading, stacking_reading)
GETTER (PeClause *, stacking_clause, stacking_clause)
GETTER (GPtrArray *, measures, measures)
GETTER (GPtrArray *, calculators, calculators)
GETTER (GPtrArray *, parameters, parameters)
GETTER (GPtrArray *, charts, charts)
GETTER (const char *, across_rule, across_rule)
GETTER (PeClause *, across_clause, across_clause)
GETTER (const PeText *, across_reading, across_reading)
GETTER (GPtrArray *, facts, facts)
GETTER (GPtrArray *, lists, lists)

#undef GETTER

/**
 * pe_document_get_measures:
 *
 * Returns: (transfer none) (element-type PeMeasure): the measures, in order
 */

/**
 * pe_document_count_measures:
 *
 * The measures as a reader counts them: the entries of
 * pe_document_get_measures() but the preamble and the closing provisions
 * (kind `provision`), which state no measure. The window and `pex` give
 * this count.
 *
 * Returns: the number of measures
 */
guint
pe_document_count_measures (PeDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (PE_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < self->measures->len; i++)
    if (g_strcmp0 (((PeMeasure *) g_ptr_array_index (self->measures, i))->kind, "provision") != 0)
      n++;
  return n;
}

/**
 * pe_document_get_calculators:
 *
 * Returns: (transfer none) (element-type PeCalculator): the calculators
 */

/**
 * pe_document_get_parameters:
 *
 * Returns: (transfer none) (element-type PeParameter): every parameter of every measure
 */

/**
 * pe_document_get_charts:
 *
 * Returns: (transfer none) (element-type PeChartSpec): the charts the document declares
 */

/**
 * pe_document_get_across_rule:
 *
 * How the document's support stacks with like support of other documents
 * (from 从高从优不重复, 就高不重复): `highest`, or %NULL when the text says
 * nothing.
 *
 * Returns: (nullable):
 */

/**
 * pe_document_get_across_clause:
 *
 * Returns: (nullable) (transfer none): the clause stating the rule across documents
 */

/**
 * pe_document_get_across_reading:
 *
 * Returns: (nullable) (transfer none): how that clause is read
 */

/**
 * pe_document_get_facts:
 *
 * Returns: (transfer none) (element-type PeField): the profile facts the
 *   document declares for itself (their ids begin with the document's)
 */

/**
 * pe_document_find_fact:
 *
 * A fact of the document's own, or of the shared vocabulary.
 *
 * Returns: (nullable) (transfer none):
 */
PeField *
pe_document_find_fact (PeDocument *self,
                       const char *fact_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (fact_id != NULL, NULL);

  for (guint i = 0; i < self->facts->len; i++)
    {
      PeField *f = g_ptr_array_index (self->facts, i);
      if (g_str_equal (f->id, fact_id))
        return f;
    }
  return pe_vocabulary_get_fact (pe_vocabulary_get_default (), fact_id);
}

/**
 * pe_document_get_lists:
 *
 * Returns: (transfer none) (element-type PeItemList): the enumerations of
 *   the text the document gives as lists, possibly none
 */

/**
 * pe_document_get_measure:
 *
 * Returns: (nullable) (transfer none):
 */
PeMeasure *
pe_document_get_measure (PeDocument *self,
                         const char *measure_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  return g_hash_table_lookup (self->measures_by_id, measure_id);
}

/**
 * pe_document_get_calculator:
 *
 * Returns: (nullable) (transfer none):
 */
PeCalculator *
pe_document_get_calculator (PeDocument *self,
                            const char *calculator_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (calculator_id != NULL, NULL);

  for (guint i = 0; i < self->calculators->len; i++)
    {
      PeCalculator *calc = g_ptr_array_index (self->calculators, i);
      if (g_str_equal (calc->id, calculator_id))
        return calc;
    }
  return NULL;
}

/**
 * pe_document_get_parameter:
 *
 * Returns: (nullable) (transfer none): the parameter named @parameter_id
 */
PeParameter *
pe_document_get_parameter (PeDocument *self,
                           const char *parameter_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (parameter_id != NULL, NULL);

  for (guint i = 0; i < self->parameters->len; i++)
    {
      PeParameter *p = g_ptr_array_index (self->parameters, i);
      if (g_str_equal (p->id, parameter_id))
        return p;
    }
  return NULL;
}

/**
 * pe_document_get_chart:
 *
 * Returns: (nullable) (transfer none):
 */
PeChartSpec *
pe_document_get_chart (PeDocument *self,
                       const char *chart_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->charts->len; i++)
    {
      PeChartSpec *spec = g_ptr_array_index (self->charts, i);
      if (g_strcmp0 (spec->id, chart_id) == 0)
        return spec;
    }
  return NULL;
}

/**
 * pe_document_get_list:
 *
 * Returns: (nullable) (transfer none):
 */
PeItemList *
pe_document_get_list (PeDocument *self,
                      const char *list_id)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (list_id != NULL, NULL);

  for (guint i = 0; i < self->lists->len; i++)
    {
      PeItemList *list = g_ptr_array_index (self->lists, i);
      if (g_str_equal (list->id, list_id))
        return list;
    }
  return NULL;
}

/**
 * pe_document_get_stacking_rule:
 * @category: a calculator's category
 *
 * Returns: (nullable): "highest" when results of @category do not stack
 *   and only the highest is kept, %NULL when they stack.
 */
const char *
pe_document_get_stacking_rule (PeDocument *self,
                               const char *category)
{
  const char *rule;

  g_return_val_if_fail (PE_IS_DOCUMENT (self), NULL);

  if (category != NULL && (rule = g_hash_table_lookup (self->stacking_rules, category)))
    return rule;
  return g_hash_table_lookup (self->stacking_rules, "*");
}

/**
 * pe_document_needs_issue_date:
 *
 * Whether the validity depends on an issue date the text does not give:
 * the user must then supply it.
 */
gboolean
pe_document_needs_issue_date (PeDocument *self)
{
  g_return_val_if_fail (PE_IS_DOCUMENT (self), FALSE);

  return self->issue_date == 0 && self->start_rule == PE_DATE_RULE_ISSUE_DATE;
}

/**
 * pe_document_in_force:
 * @as_of: the date asked about (Julian day)
 * @issue_date: the issue date the user supplied, or 0
 * @start: (out) (optional): the first day in force, 0 when not known
 * @end: (out) (optional): the last day in force, 0 when open or not known
 *
 * The start and the end are both included: "有效期至 2023 年 12 月 31 日"
 * is in force on 2023-12-31. A period of N years from a start runs to the
 * day before the same date N years later.
 */
PeInForce
pe_document_in_force (PeDocument *self,
                      guint32     as_of,
                      guint32     issue_date,
                      guint32    *start,
                      guint32    *end)
{
  guint32 s = 0, e = 0;
  gboolean start_known = TRUE;

  g_return_val_if_fail (PE_IS_DOCUMENT (self), PE_IN_FORCE_UNKNOWN);

  if (self->issue_date != 0)
    issue_date = self->issue_date;

  switch (self->start_rule)
    {
    case PE_DATE_RULE_DATE:
      s = self->start_date;
      break;
    case PE_DATE_RULE_ISSUE_DATE:
      s = issue_date;
      start_known = issue_date != 0;
      break;
    default:
      break;
    }

  switch (self->end_rule)
    {
    case PE_DATE_RULE_DATE:
      e = self->end_date;
      break;
    case PE_DATE_RULE_YEARS_FROM_START:
      if (s != 0)
        {
          GDate d;
          g_date_clear (&d, 1);
          g_date_set_julian (&d, s);
          g_date_add_years (&d, self->end_years);
          g_date_subtract_days (&d, 1);
          e = g_date_get_julian (&d);
        }
      break;
    default:
      break;
    }

  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;

  if (s != 0 && as_of < s)
    return PE_IN_FORCE_NOT_YET;
  if (e != 0 && as_of > e)
    return PE_IN_FORCE_EXPIRED;
  if (!start_known || (self->end_rule == PE_DATE_RULE_YEARS_FROM_START && e == 0))
    return PE_IN_FORCE_UNKNOWN;
  return PE_IN_FORCE_YES;
}

const char *
pe_in_force_to_string (PeInForce in_force)
{
  switch (in_force)
    {
    case PE_IN_FORCE_YES: return "in-force";
    case PE_IN_FORCE_NOT_YET: return "not-yet";
    case PE_IN_FORCE_EXPIRED: return "expired";
    case PE_IN_FORCE_UNKNOWN: return "unknown";
    default: g_return_val_if_reached (NULL);
    }
}
