/* pe-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-result"

#include "config.h"

#include "pe-rc-private.h"
#include "pe-result-private.h"

struct _PeResult
{
  GObject       parent_instance;

  char         *document_id;
  char         *calculator_id;
  char         *measure_id;
  char         *category;
  PeVerdict     verdict;
  PeTraceStep  *failed;
  GStrv         missing;
  gboolean      has_amount;
  gint64        amount;
  gboolean      is_maximum;
  gboolean      has_potential;
  gint64        potential;
  gboolean      potential_is_maximum;
  GPtrArray    *outputs;
  GPtrArray    *trace;
  GPtrArray    *readings;
};

G_DEFINE_FINAL_TYPE (PeResult, pe_result, G_TYPE_OBJECT)

static void
trace_step_clear (PeTraceStep *self)
{
  g_free (self->id);
  g_free (self->formula);
  g_clear_pointer (&self->label, pe_text_free);
  g_clear_pointer (&self->note, pe_text_free);
  g_clear_pointer (&self->clause, pe_clause_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
}

static void
output_clear (PeOutput *self)
{
  g_free (self->id);
  g_clear_pointer (&self->label, pe_text_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
}

PE_DEFINE_RC_BOXED (PeTraceStep, pe_trace_step, trace_step_clear)
PE_DEFINE_RC_BOXED (PeOutput, pe_output, output_clear)

PeTraceStep *
_pe_trace_step_new (PeTraceKind  kind,
                   const char  *id)
{
  PeTraceStep *step = g_atomic_rc_box_new0 (PeTraceStep);

  step->kind = kind;
  step->id = g_strdup (id);
  return step;
}

PeOutput *
_pe_output_new (const char *id)
{
  PeOutput *output = g_atomic_rc_box_new0 (PeOutput);

  output->id = g_strdup (id);
  return output;
}

/**
 * pe_output_format_choice:
 *
 * Returns: (nullable): the label of a choice output's value, or %NULL
 */
const char *
pe_output_format_choice (PeOutput   *self,
                         PeLanguage  language)
{
  PeText *label;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->labels == NULL || self->value.kind != PE_VALUE_STRING)
    return NULL;
  label = g_hash_table_lookup (self->labels, self->value.string);
  return label != NULL ? pe_text_get (label, language) : NULL;
}

/**
 * pe_trace_step_format_value:
 *
 * The step's value as people read it: the label of a choice ("overdue"
 * reads "Overdue by the deadline"), else the formatted value.
 *
 * Returns: (transfer full):
 */
char *
pe_trace_step_format_value (PeTraceStep *self,
                            PeLanguage   language)
{
  PeText *label = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->labels != NULL && self->value.kind == PE_VALUE_STRING)
    label = g_hash_table_lookup (self->labels, self->value.string);
  if (label != NULL)
    return g_strdup (pe_text_get (label, language));
  return pe_value_format (self->type, &self->value);
}

static void
pe_result_finalize (GObject *object)
{
  PeResult *self = PE_RESULT (object);

  g_free (self->document_id);
  g_free (self->calculator_id);
  g_free (self->measure_id);
  g_free (self->category);
  g_clear_pointer (&self->failed, pe_trace_step_unref);
  g_clear_pointer (&self->missing, g_strfreev);
  g_clear_pointer (&self->outputs, g_ptr_array_unref);
  g_clear_pointer (&self->trace, g_ptr_array_unref);
  g_clear_pointer (&self->readings, g_ptr_array_unref);

  G_OBJECT_CLASS (pe_result_parent_class)->finalize (object);
}

static void
pe_result_class_init (PeResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_result_finalize;
}

static void
pe_result_init (PeResult *self)
{
  self->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_output_unref);
  self->trace = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_trace_step_unref);
  self->readings = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_text_free);
}

PeResult *
_pe_result_new (const char *document_id,
               const char *calculator_id,
               const char *measure_id,
               const char *category)
{
  PeResult *self = g_object_new (PE_TYPE_RESULT, NULL);

  self->document_id = g_strdup (document_id);
  self->calculator_id = g_strdup (calculator_id);
  self->measure_id = g_strdup (measure_id);
  self->category = g_strdup (category);
  return self;
}

void
_pe_result_take_trace (PeResult    *self,
                      PeTraceStep *step)
{
  g_ptr_array_add (self->trace, step);
}

void
_pe_result_take_output (PeResult *self,
                       PeOutput *output)
{
  g_ptr_array_add (self->outputs, output);
}

void
_pe_result_add_reading (PeResult     *self,
                       const PeText *reading)
{
  g_ptr_array_add (self->readings, pe_text_copy (reading));
}

void
_pe_result_set_verdict (PeResult    *self,
                       PeVerdict    verdict,
                       PeTraceStep *failed,
                       GStrv        missing)
{
  self->verdict = verdict;
  g_clear_pointer (&self->failed, pe_trace_step_unref);
  if (failed != NULL)
    self->failed = pe_trace_step_ref (failed);
  g_clear_pointer (&self->missing, g_strfreev);
  self->missing = g_strdupv (missing);
}

void
_pe_result_set_amount (PeResult *self,
                      gint64    amount,
                      gboolean  is_maximum)
{
  self->has_amount = TRUE;
  self->amount = amount;
  self->is_maximum = is_maximum;
}

void
_pe_result_set_amount_if_in_force (PeResult *self,
                                   gint64    amount,
                                   gboolean  is_maximum)
{
  self->has_potential = TRUE;
  self->potential = amount;
  self->potential_is_maximum = is_maximum;
}

/**
 * pe_result_get_amount_if_in_force:
 * @amount: (out) (optional): the amount
 * @is_maximum: (out) (optional): whether it is an upper bound
 *
 * When the document is not in force on the date asked about but the
 * measure's own conditions hold, the amount it gives while in force.
 *
 * Returns: whether there is such an amount
 */
gboolean
pe_result_get_amount_if_in_force (PeResult *self,
                                  gint64   *amount,
                                  gboolean *is_maximum)
{
  g_return_val_if_fail (PE_IS_RESULT (self), FALSE);
  if (amount)
    *amount = self->potential;
  if (is_maximum)
    *is_maximum = self->potential_is_maximum;
  return self->has_potential;
}

const char *
pe_result_get_document_id (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->document_id;
}

const char *
pe_result_get_calculator_id (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->calculator_id;
}

const char *
pe_result_get_measure_id (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->measure_id;
}

/**
 * pe_result_get_category:
 *
 * Returns: (nullable): the stacking category of the calculator
 */
const char *
pe_result_get_category (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->category;
}

PeVerdict
pe_result_get_verdict (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), PE_VERDICT_NONE);
  return self->verdict;
}

gboolean
pe_result_has_amount (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), FALSE);
  return self->has_amount;
}

gint64
pe_result_get_amount (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), 0);
  return self->amount;
}

gboolean
pe_result_get_is_maximum (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), FALSE);
  return self->is_maximum;
}

/**
 * pe_result_get_failed_step:
 *
 * Returns: (nullable) (transfer none): the condition that failed
 */
PeTraceStep *
pe_result_get_failed_step (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->failed;
}

/**
 * pe_result_get_missing:
 *
 * Returns: (nullable) (transfer none): the ids of the fields a decision needs
 */
GStrv
pe_result_get_missing (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->missing;
}

/**
 * pe_result_get_outputs:
 *
 * Returns: (transfer none) (element-type PeOutput):
 */
GPtrArray *
pe_result_get_outputs (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->outputs;
}

/**
 * pe_result_get_trace:
 *
 * Returns: (transfer none) (element-type PeTraceStep):
 */
GPtrArray *
pe_result_get_trace (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->trace;
}

/**
 * pe_result_get_readings:
 *
 * Returns: (transfer none) (element-type PeText): the readings taken
 */
GPtrArray *
pe_result_get_readings (PeResult *self)
{
  g_return_val_if_fail (PE_IS_RESULT (self), NULL);
  return self->readings;
}

const char *
pe_verdict_to_string (PeVerdict verdict)
{
  switch (verdict)
    {
    case PE_VERDICT_NONE: return "none";
    case PE_VERDICT_ELIGIBLE: return "eligible";
    case PE_VERDICT_NOT_ELIGIBLE: return "not-eligible";
    case PE_VERDICT_CANNOT_DECIDE: return "cannot-decide";
    default: g_return_val_if_reached (NULL);
    }
}

static void
add_text (JsonBuilder  *b,
          const char   *name,
          const PeText *text)
{
  if (text == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "zh");
  json_builder_add_string_value (b, text->zh);
  if (text->en != NULL)
    {
      json_builder_set_member_name (b, "en");
      json_builder_add_string_value (b, text->en);
    }
  json_builder_end_object (b);
}

static void
add_value (JsonBuilder   *b,
           PeValueType    type,
           const PeValue *value)
{
  switch (value->kind)
    {
    case PE_VALUE_UNKNOWN:
      json_builder_add_null_value (b);
      break;
    case PE_VALUE_BOOLEAN:
      json_builder_add_boolean_value (b, value->boolean);
      break;
    case PE_VALUE_DATES:
      {
        g_auto(GStrv) dates = g_strsplit (value->string, ",", -1);

        json_builder_begin_array (b);
        for (guint i = 0; dates[i] != NULL; i++)
          json_builder_add_string_value (b, dates[i]);
        json_builder_end_array (b);
      }
      break;
    case PE_VALUE_NUMBER:
      if (type == PE_VALUE_TYPE_YUAN || pe_rational_is_integer (value->number))
        {
          json_builder_add_int_value (b, pe_rational_floor (value->number));
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      {
        g_autofree char *s = pe_value_to_string (type, value);
        json_builder_add_string_value (b, s);
      }
      break;
    }
}

static void
add_clause (JsonBuilder    *b,
            const PeClause *clause)
{
  if (clause == NULL)
    return;
  json_builder_set_member_name (b, "clause");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "measure");
  json_builder_add_string_value (b, clause->measure_id);
  json_builder_set_member_name (b, "quote");
  json_builder_add_string_value (b, clause->quote);
  if (clause->quote_en != NULL)
    {
      json_builder_set_member_name (b, "quote_en");
      json_builder_add_string_value (b, clause->quote_en);
    }
  json_builder_end_object (b);
}

static const char *
trace_kind_name (PeTraceKind kind)
{
  switch (kind)
    {
    case PE_TRACE_VALIDITY: return "validity";
    case PE_TRACE_CONDITION: return "condition";
    case PE_TRACE_STEP: return "step";
    case PE_TRACE_READING: return "reading";
    default: return "?";
    }
}

static void
add_trace_step (JsonBuilder       *b,
                const PeTraceStep *step)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, trace_kind_name (step->kind));
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, step->id);
  add_text (b, "label", step->label);
  json_builder_set_member_name (b, "value");
  add_value (b, step->type, &step->value);
  if (step->value.is_maximum)
    {
      json_builder_set_member_name (b, "is_maximum");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (step->formula != NULL)
    {
      json_builder_set_member_name (b, "formula");
      json_builder_add_string_value (b, step->formula);
    }
  add_clause (b, step->clause);
  add_text (b, "note", step->note);
  json_builder_end_object (b);
}

/**
 * pe_result_to_json:
 *
 * The result as the command line and exports give it.
 *
 * Returns: (transfer full):
 */
JsonNode *
pe_result_to_json (PeResult *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (PE_IS_RESULT (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "document");
  json_builder_add_string_value (b, self->document_id);
  json_builder_set_member_name (b, "calculator");
  json_builder_add_string_value (b, self->calculator_id);
  json_builder_set_member_name (b, "measure");
  json_builder_add_string_value (b, self->measure_id);
  if (self->category != NULL)
    {
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, self->category);
    }
  json_builder_set_member_name (b, "verdict");
  json_builder_add_string_value (b, pe_verdict_to_string (self->verdict));

  if (self->failed != NULL)
    {
      json_builder_set_member_name (b, "failed");
      add_trace_step (b, self->failed);
    }
  if (self->missing != NULL && self->missing[0] != NULL)
    {
      json_builder_set_member_name (b, "missing");
      json_builder_begin_array (b);
      for (guint i = 0; self->missing[i] != NULL; i++)
        json_builder_add_string_value (b, self->missing[i]);
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "amount");
  if (self->has_amount)
    json_builder_add_int_value (b, self->amount);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "is_maximum");
  json_builder_add_boolean_value (b, self->has_amount && self->is_maximum);

  if (self->has_potential)
    {
      json_builder_set_member_name (b, "amount_if_in_force");
      json_builder_add_int_value (b, self->potential);
    }

  json_builder_set_member_name (b, "outputs");
  json_builder_begin_object (b);
  for (guint i = 0; i < self->outputs->len; i++)
    {
      PeOutput *o = g_ptr_array_index (self->outputs, i);
      json_builder_set_member_name (b, o->id);
      add_value (b, o->type, &o->value);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "readings");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->readings->len; i++)
    {
      const PeText *t = g_ptr_array_index (self->readings, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "zh");
      json_builder_add_string_value (b, t->zh);
      json_builder_set_member_name (b, "en");
      json_builder_add_string_value (b, t->en);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trace");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->trace->len; i++)
    add_trace_step (b, g_ptr_array_index (self->trace, i));
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}
