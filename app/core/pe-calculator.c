/* pe-calculator.c — evaluating a calculator over the user's inputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rounding, stated once: every figure is computed exactly (fractions of
 * integers); a yuan figure is rounded down to the whole yuan when it is
 * shown or reported, so no result ever exceeds what the text allows.
 */
#define G_LOG_DOMAIN "pe-calculator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pe-calculator.h"
#include "pe-document-private.h"
#include "pe-error.h"
#include "pe-expr-private.h"
#include "pe-rc-private.h"
#include "pe-result-private.h"

static void
choice_clear (PeChoice *self)
{
  g_free (self->id);
  g_clear_pointer (&self->label, pe_text_free);
  g_clear_pointer (&self->reading, pe_text_free);
}

static void
field_clear (PeField *self)
{
  g_free (self->id);
  g_free (self->default_value);
  g_free (self->fact);
  g_free (self->profile_key);
  g_clear_pointer (&self->fact_values, g_hash_table_unref);
  g_clear_pointer (&self->label, pe_text_free);
  g_clear_pointer (&self->help, pe_text_free);
  g_clear_pointer (&self->unit, pe_text_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
}

void
_pe_calculator_clear (PeCalculator *self)
{
  g_free (self->id);
  g_free (self->measure_id);
  g_free (self->category);
  g_free (self->subject);
  g_free (self->group);
  g_clear_pointer (&self->title, pe_text_free);
  g_clear_pointer (&self->description, pe_text_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->readings, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
}

PE_DEFINE_RC_BOXED (PeChoice, pe_choice, choice_clear)
PE_DEFINE_RC_BOXED (PeField, pe_field, field_clear)
PE_DEFINE_RC_BOXED (PeCalculator, pe_calculator, _pe_calculator_clear)

/**
 * pe_calculator_get_document:
 *
 * Returns: (transfer none) (nullable): the document it belongs to
 */
PeDocument *
pe_calculator_get_document (PeCalculator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

/**
 * pe_calculator_get_field:
 *
 * Returns: (transfer none) (nullable):
 */
PeField *
pe_calculator_get_field (PeCalculator *self,
                         const char   *field_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (self->fields, i);
      if (g_str_equal (f->id, field_id))
        return f;
    }
  return NULL;
}

/**
 * pe_calculator_list_outputs:
 *
 * The outputs the calculator reports, with unknown values.
 *
 * Returns: (transfer container) (element-type PeOutput):
 */
GPtrArray *
pe_calculator_list_outputs (PeCalculator *self)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_output_unref);
  for (guint i = 0; i < self->steps->len; i++)
    {
      PeRule *rule = g_ptr_array_index (self->steps, i);
      PeOutput *o;

      if (!rule->output)
        continue;
      o = _pe_output_new (rule->id);
      o->label = pe_text_copy (rule->label);
      o->type = rule->type;
      if (rule->labels != NULL)
        o->labels = g_hash_table_ref (rule->labels);
      g_ptr_array_add (list, o);
    }
  return list;
}

gboolean
pe_calculator_has_amount (PeCalculator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->amount_step >= 0;
}

static char *
format_bound (PeField          *field,
              const PeRational *bound)
{
  PeValue v = { .kind = PE_VALUE_NUMBER, .number = *bound };
  return pe_value_format (field->type, &v);
}

/* A key or argument safe to quote back: valid UTF-8, and short. */
static const char *
quotable (const char *text)
{
  return g_utf8_validate (text, -1, NULL) && strlen (text) < 80 ? text : "…";
}

/**
 * pe_field_parse:
 * @field: a field
 * @text: what the user typed
 * @value: (out caller-allocates): the value
 * @error: why @text is refused, worded to follow the field's name
 *
 * Reads @text as @field's type and checks it against the field's choices
 * and bounds.
 */
gboolean
pe_field_parse (PeField     *field,
                const char  *text,
                PeValue     *value,
                GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (field->type == PE_VALUE_TYPE_CHOICE)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      /* checked against the choices before anything is kept: only a
       * choice's own id is interned, never whatever was typed (the
       * interned strings of a long batch would never be freed) */
      if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
        return pe_value_parse (field->type, text, value, error);
      for (guint i = 0; i < field->choices->len; i++)
        {
          PeChoice *c = g_ptr_array_index (field->choices, i);
          if (g_str_equal (c->id, text))
            return pe_value_parse (field->type, c->id, value, error);
          g_string_append_printf (ids, "%s%s", i ? ", " : "", c->id);
        }
      memset (value, 0, sizeof *value);
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("“%s” is not one of the choices (%s)"), quotable (text), ids->str);
      return FALSE;
    }

  if (!pe_value_parse (field->type, text, value, error))
    return FALSE;

  if (value->kind == PE_VALUE_NUMBER)
    {
      if (field->has_min && pe_rational_compare (value->number, field->min) < 0)
        {
          g_autofree char *b = format_bound (field, &field->min);

          if (field->min.num == 0)
            g_set_error_literal (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                                 _("must not be negative"));
          else
            g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                         _("must be at least %s"), b);
          return FALSE;
        }
      if (field->has_max && pe_rational_compare (value->number, field->max) > 0)
        {
          g_autofree char *b = format_bound (field, &field->max);
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT, _("must be at most %s"), b);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * pe_calculator_parse_arguments:
 * @self: a calculator
 * @args: (array zero-terminated=1): `key=value` arguments, as on the
 *   command line
 * @language: the language of the field labels in messages
 * @error: what is wrong, naming the argument or the field
 *
 * Reads `key=value` arguments into the inputs pe_calculator_evaluate()
 * takes. Each argument must be `key=value` with a non-empty key, no key may
 * be given twice, every key must be a field, and every required field
 * without a default must be given. The values themselves are read, and
 * checked, by pe_calculator_evaluate(). The command line, profiles and
 * batch files all go through here, so that the same arguments are refused
 * with the same words everywhere.
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): field id →
 *   value as given, or %NULL
 */
GHashTable *
pe_calculator_parse_arguments (PeCalculator       *self,
                               const char * const *args,
                               PeLanguage          language,
                               GError            **error)
{
  g_autoptr(GHashTable) inputs = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (args != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; args[i] != NULL; i++)
    {
      const char *eq = strchr (args[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL || eq == args[i])
        {
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("“%s” is not key=value"), quotable (args[i]));
          return NULL;
        }
      key = g_strndup (args[i], eq - args[i]);
      /* names first: a misspelt key should not read as a missing field */
      if (pe_calculator_get_field (self, key) == NULL)
        {
          g_autoptr(GString) ids = g_string_new (NULL);

          for (guint j = 0; j < self->fields->len; j++)
            g_string_append_printf (ids, "%s%s", j ? ", " : "",
                                    ((PeField *) g_ptr_array_index (self->fields, j))->id);
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("“%s” is not a field of “%s” (its fields: %s)"),
                       quotable (key), self->id, ids->str);
          return NULL;
        }
      if (g_hash_table_contains (inputs, key))
        {
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("“%s” is given twice"), key);
          return NULL;
        }
      g_hash_table_insert (inputs, g_steal_pointer (&key), g_strdup (eq + 1));
    }

  /* a required field must be given (a default counts) */
  for (guint i = 0; i < self->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (self->fields, i);

      if (f->required && f->default_value == NULL && !g_hash_table_contains (inputs, f->id))
        {
          g_set_error (error, PE_ERROR, PE_ERROR_MISSING_INPUT,
                       _("%s (%s) is required and missing"),
                       f->id, pe_text_get (f->label, language));
          return NULL;
        }
    }
  return g_steal_pointer (&inputs);
}

static GStrv
missing_names (PeCalculator *self,
               guint64       missing,
               gboolean      need_issue_date)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (need_issue_date)
    g_strv_builder_add (b, "issue_date");
  for (guint i = 0; i < self->fields->len && i < 64; i++)
    if (missing & (G_GUINT64_CONSTANT (1) << i))
      g_strv_builder_add (b, ((PeField *) g_ptr_array_index (self->fields, i))->id);
  return g_strv_builder_end (b);
}

static PeTraceStep *
trace_from_rule (PeTraceKind    kind,
                 const PeRule  *rule,
                 const PeValue *value)
{
  PeTraceStep *step = _pe_trace_step_new (kind, rule->id);

  step->label = pe_text_copy (rule->label);
  step->type = rule->type;
  step->value = *value;
  step->formula = g_strdup (rule->formula);
  step->clause = pe_clause_ref (rule->clause);
  if (rule->labels != NULL)
    step->labels = g_hash_table_ref (rule->labels);
  if (kind == PE_TRACE_CONDITION && value->kind == PE_VALUE_BOOLEAN && !value->boolean)
    step->note = pe_text_copy (rule->fail);
  return step;
}

static PeTraceStep *
validity_step (PeDocument *doc,
               guint32     as_of,
               PeInForce   in_force)
{
  PeTraceStep *step = _pe_trace_step_new (PE_TRACE_VALIDITY, "validity");
  g_autofree char *date = pe_date_to_string (as_of);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  switch (in_force)
    {
    case PE_IN_FORCE_YES:
      if (doc->start_rule == PE_DATE_RULE_NOT_STATED && doc->end_rule == PE_DATE_RULE_NOT_STATED)
        {
          zh = g_strdup ("原文未规定有效期，按有效处理");
          en = g_strdup ("The text states no period of validity: it is taken as in force");
        }
      else
        {
          zh = g_strdup_printf ("%s 文件有效", date);
          en = g_strdup_printf ("The document is in force on %s", date);
        }
      break;
    case PE_IN_FORCE_NOT_YET:
      zh = g_strdup_printf ("%s 文件尚未施行", date);
      en = g_strdup_printf ("The document is not yet in force on %s", date);
      break;
    case PE_IN_FORCE_EXPIRED:
      zh = g_strdup_printf ("%s 文件已过有效期", date);
      en = g_strdup_printf ("The document has expired by %s", date);
      break;
    case PE_IN_FORCE_UNKNOWN:
    default:
      zh = g_strdup ("文件未载明印发日期，无法判断是否有效：请提供印发日期");
      en = g_strdup ("The text does not give the issue date, so whether it is in force "
                     "cannot be decided: supply the issue date");
      break;
    }

  step->label = pe_text_new (zh, en);
  step->type = PE_VALUE_TYPE_BOOLEAN;
  if (in_force == PE_IN_FORCE_UNKNOWN)
    step->value.kind = PE_VALUE_UNKNOWN;
  else
    {
      step->value.kind = PE_VALUE_BOOLEAN;
      step->value.boolean = in_force == PE_IN_FORCE_YES;
    }
  if (doc->validity_clause != NULL)
    step->clause = pe_clause_ref (doc->validity_clause);
  step->note = pe_text_copy (doc->validity_text);
  return step;
}

/* The validity step is the same for every calculator of a document on one
 * date: a batch asks it hundreds of thousands of times. The last one made
 * is kept on the document and shared (trace steps are not changed once
 * made, and are counted references). */
G_LOCK_DEFINE_STATIC (validity_cache);

static PeTraceStep *
shared_validity_step (PeDocument *doc,
                      guint32     as_of,
                      PeInForce   in_force)
{
  PeTraceStep *step;

  G_LOCK (validity_cache);
  if (doc->validity_step == NULL || doc->validity_step_as_of != as_of ||
      doc->validity_step_in_force != (int) in_force)
    {
      g_clear_pointer (&doc->validity_step, pe_trace_step_unref);
      doc->validity_step = validity_step (doc, as_of, in_force);
      doc->validity_step_as_of = as_of;
      doc->validity_step_in_force = (int) in_force;
    }
  step = pe_trace_step_ref (doc->validity_step);
  G_UNLOCK (validity_cache);
  return step;
}

static gboolean
parse_inputs (PeCalculator  *self,
              GHashTable    *inputs,
              PeValue       *values,
              GError       **error)
{
  GHashTableIter iter;
  gpointer key, val;

  if (inputs != NULL)
    {
      g_hash_table_iter_init (&iter, inputs);
      while (g_hash_table_iter_next (&iter, &key, &val))
        {
          if (pe_calculator_get_field (self, key) == NULL)
            {
              g_autoptr(GString) ids = g_string_new (NULL);

              for (guint i = 0; i < self->fields->len; i++)
                g_string_append_printf (ids, "%s%s", i ? ", " : "",
                                        ((PeField *) g_ptr_array_index (self->fields, i))->id);
              g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                           _("“%s” is not a field of the calculator “%s” (its fields: %s)"),
                           g_utf8_validate (key, -1, NULL) && strlen (key) < 80 ? (char *) key : "…",
                           self->id, ids->str);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (self->fields, i);
      const char *text = inputs != NULL ? g_hash_table_lookup (inputs, f->id) : NULL;
      g_autoptr(GError) local_error = NULL;

      memset (&values[i], 0, sizeof (PeValue));
      if (text == NULL)
        text = f->default_value;
      if (text == NULL)
        continue;   /* unknown */
      if (!pe_field_parse (f, text, &values[i], &local_error))
        {
          g_set_error (error, PE_ERROR, local_error->code, _("%s (%s) %s"),
                       f->id, pe_text_get (f->label, pe_language_default ()),
                       local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  PeCalculator *calc;
  guint64       fields;    /* bit i: field i is read */
  gboolean     *seen;      /* steps already followed */
} UsedInputs;

static void
add_field_bit (guint    index,
               gpointer data)
{
  UsedInputs *u = data;

  if (index < 64)
    u->fields |= G_GUINT64_CONSTANT (1) << index;
}

static void
follow_step (guint    index,
             gpointer data)
{
  UsedInputs *u = data;
  const PeRule *step = g_ptr_array_index (u->calc->steps, index);

  if (u->seen[index])
    return;
  u->seen[index] = TRUE;
  _pe_expr_foreach_field (step->expr, add_field_bit, u);
  _pe_expr_foreach_step (step->expr, follow_step, u);
}

/* A figure that cannot be computed from the inputs given (too large, a
 * date out of range, a division by zero) is named, with the inputs it
 * depends on, through earlier steps too, so that the user knows which
 * value to look at. */
static void
propagate_rule_error (PeCalculator *self,
                      const PeRule *rule,
                      GError       *local_error,
                      GError      **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (1, self->steps->len));
  const char *label = pe_text_get (rule->label, pe_language_default ());
  UsedInputs used = { self, 0, seen };

  _pe_expr_foreach_field (rule->expr, add_field_bit, &used);
  _pe_expr_foreach_step (rule->expr, follow_step, &used);
  for (guint i = 0; i < self->fields->len && i < 64; i++)
    if (used.fields & (G_GUINT64_CONSTANT (1) << i))
      g_string_append_printf (ids, "%s%s", ids->len ? ", " : "",
                              ((PeField *) g_ptr_array_index (self->fields, i))->id);
  if (ids->len > 0)
    g_propagate_prefixed_error (error, local_error, "%s (%s): ", label, ids->str);
  else
    g_propagate_prefixed_error (error, local_error, "%s: ", label);
}

/**
 * pe_calculator_evaluate:
 * @self: a calculator
 * @inputs: (nullable) (element-type utf8 utf8): field id → text as typed
 * @options: (nullable): the date asked about, and a user-supplied issue date
 * @error: a message naming the field when an input is wrong
 *
 * Returns: (transfer full): the result, or %NULL on invalid input
 */
PeResult *
pe_calculator_evaluate (PeCalculator         *self,
                        GHashTable           *inputs,
                        const PeEvalOptions  *options,
                        GError              **error)
{
  PeEvalOptions no_options = { 0 };
  g_autoptr(PeResult) result = NULL;
  g_autofree PeValue *fields = NULL;
  g_autofree PeValue *steps = NULL;
  PeExprScope scope;
  PeTraceStep *failed = NULL;
  guint64 missing = 0;
  gboolean need_issue_date = FALSE;
  gboolean is_tracker;
  gboolean figures;
  PeVerdict verdict;
  PeDocument *doc;
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  doc = self->document;
  if (options == NULL)
    options = &no_options;
  is_tracker = g_strcmp0 (self->subject, "city") == 0;

  fields = g_new0 (PeValue, MAX (1, self->fields->len));
  steps = g_new0 (PeValue, MAX (1, self->steps->len));
  if (!parse_inputs (self, inputs, fields, error))
    return NULL;

  result = _pe_result_new (doc->id, self->id, self->measure_id, self->category);

  for (guint i = 0; i < self->readings->len; i++)
    _pe_result_add_reading (result, g_ptr_array_index (self->readings, i));
  for (guint i = 0; i < self->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (self->fields, i);

      if (f->role != PE_FIELD_ROLE_READING || fields[i].kind != PE_VALUE_STRING)
        continue;
      for (guint j = 0; j < f->choices->len; j++)
        {
          PeChoice *c = g_ptr_array_index (f->choices, j);
          if (c->id == fields[i].string || g_str_equal (c->id, fields[i].string))
            {
              /* made once per choice, then shared by every result */
              if (g_once_init_enter (&c->reading))
                {
                  g_autofree char *zh = g_strdup_printf ("%s：%s", f->label->zh, c->label->zh);
                  g_autofree char *en = g_strdup_printf ("%s: %s", f->label->en, c->label->en);
                  g_once_init_leave (&c->reading, pe_text_new (zh, en));
                }
              _pe_result_add_reading (result, c->reading);
            }
        }
    }

  scope.fields = fields;
  scope.steps = steps;
  scope.parameters = doc->parameter_values;
  scope.as_of = options->as_of;

  /* 1. Is the document in force on the date asked about? */
  if (options->as_of != 0)
    {
      PeInForce in_force = pe_document_in_force (doc, options->as_of, options->issue_date, NULL, NULL);
      PeTraceStep *step = shared_validity_step (doc, options->as_of, in_force);

      _pe_result_take_trace (result, step);
      /* a tracker measures the city against the text's targets: whether
       * the text is still in force is told, but decides nothing */
      if (is_tracker)
        ;
      else if (in_force == PE_IN_FORCE_NOT_YET || in_force == PE_IN_FORCE_EXPIRED)
        failed = step;
      else if (in_force == PE_IN_FORCE_UNKNOWN)
        need_issue_date = TRUE;
    }

  /* 2. The conditions. All are traced, so the user sees every reason. */
  for (guint i = 0; i < self->conditions->len; i++)
    {
      PeRule *rule = g_ptr_array_index (self->conditions, i);
      PeValue v;
      PeTraceStep *step;

      if (!_pe_expr_eval (rule->expr, &scope, &v, &local_error))
        {
          propagate_rule_error (self, rule, local_error, error);
          return NULL;
        }
      step = trace_from_rule (PE_TRACE_CONDITION, rule, &v);
      _pe_result_take_trace (result, step);
      if (v.kind == PE_VALUE_UNKNOWN)
        missing |= v.missing;
      else if (!v.boolean && failed == NULL)
        failed = step;
    }

  /* A document out of force still shows what it would give: analysts study
   * past policies. Only a failed condition of the measure itself stops the
   * computation. */
  figures = failed == NULL || failed->kind == PE_TRACE_VALIDITY;
  if (failed != NULL)
    verdict = PE_VERDICT_NOT_ELIGIBLE;
  else if (missing != 0 || need_issue_date)
    verdict = PE_VERDICT_CANNOT_DECIDE;
  else
    verdict = self->conditions->len > 0 ? PE_VERDICT_ELIGIBLE : PE_VERDICT_NONE;

  /* 3. The figures, unless a condition already failed. */
  if (figures)
    {
      for (guint i = 0; i < self->steps->len; i++)
        {
          PeRule *rule = g_ptr_array_index (self->steps, i);

          if (!_pe_expr_eval (rule->expr, &scope, &steps[i], &local_error))
            {
              propagate_rule_error (self, rule, local_error, error);
              return NULL;
            }
          _pe_result_take_trace (result, trace_from_rule (PE_TRACE_STEP, rule, &steps[i]));
          if (rule->output)
            {
              PeOutput *o = _pe_output_new (rule->id);

              o->label = pe_text_copy (rule->label);
              o->type = rule->type;
              o->value = steps[i];
              if (rule->labels != NULL)
                o->labels = g_hash_table_ref (rule->labels);
              _pe_result_take_output (result, o);
            }
        }

      if (self->amount_step >= 0)
        {
          const PeValue *amount = &steps[self->amount_step];

          if (amount->kind == PE_VALUE_UNKNOWN)
            {
              missing |= amount->missing;
              verdict = PE_VERDICT_CANNOT_DECIDE;
            }
          else if (verdict == PE_VERDICT_NOT_ELIGIBLE)
            {
              gint64 yuan = pe_rational_floor (amount->number);
              if (yuan >= 0)
                _pe_result_set_amount_if_in_force (result, yuan, amount->is_maximum);
            }
          else if (verdict != PE_VERDICT_CANNOT_DECIDE)
            {
              gint64 yuan = pe_rational_floor (amount->number);

              if (yuan < 0)
                {
                  g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA,
                               "%s: calculator “%s” computed a negative amount",
                               doc->origin, self->id);
                  return NULL;
                }
              _pe_result_set_amount (result, yuan, amount->is_maximum);
            }
        }
      else
        {
          /* a checker: an output it cannot compute means an input is
           * missing (a tracker given only some figures shows the progress
           * to those, and names the figures it still needs) */
          for (guint i = 0; i < self->steps->len; i++)
            if (((PeRule *) g_ptr_array_index (self->steps, i))->output &&
                steps[i].kind == PE_VALUE_UNKNOWN)
              {
                missing |= steps[i].missing;
                if (verdict != PE_VERDICT_NOT_ELIGIBLE)
                  verdict = PE_VERDICT_CANNOT_DECIDE;
              }
        }
    }

  {
    g_auto(GStrv) names = missing_names (self, missing, need_issue_date);
    _pe_result_set_verdict (result, verdict, failed,
                           verdict == PE_VERDICT_CANNOT_DECIDE ? names : NULL);
  }

  return g_steal_pointer (&result);
}

static void
collect_parameters (PeCalculator *self,
                    const char   *formula,
                    GPtrArray    *into)
{
  for (const char *p = formula; p != NULL && (p = strchr (p, '$')) != NULL; )
    {
      const char *start = ++p;
      g_autofree char *id = NULL;
      PeParameter *param;

      while (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        p++;
      id = g_strndup (start, p - start);
      param = pe_document_get_parameter (self->document, id);
      if (param != NULL && !g_ptr_array_find (into, param, NULL))
        g_ptr_array_add (into, param);
    }
}

/**
 * pe_calculator_list_parameters:
 *
 * The document's figures that the calculator's formulas use: what it pays,
 * at what rate, up to what cap, from what threshold.
 *
 * Returns: (transfer container) (element-type PeParameter): in the order
 *   the conditions and steps first use them
 */
GPtrArray *
pe_calculator_list_parameters (PeCalculator *self)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  list = g_ptr_array_new ();
  for (guint i = 0; i < self->conditions->len; i++)
    collect_parameters (self, ((PeRule *) g_ptr_array_index (self->conditions, i))->formula, list);
  for (guint i = 0; i < self->steps->len; i++)
    collect_parameters (self, ((PeRule *) g_ptr_array_index (self->steps, i))->formula, list);
  return list;
}
