/* pe-result.h — what a calculator found, and how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "pe-measure.h"

G_BEGIN_DECLS

#define PE_TYPE_TRACE_STEP (pe_trace_step_get_type ())
#define PE_TYPE_OUTPUT     (pe_output_get_type ())
#define PE_TYPE_RESULT     (pe_result_get_type ())

/**
 * PeVerdict:
 * @PE_VERDICT_NONE: the calculator has no eligibility conditions
 * @PE_VERDICT_ELIGIBLE: every condition holds
 * @PE_VERDICT_NOT_ELIGIBLE: a condition fails (see the failing step)
 * @PE_VERDICT_CANNOT_DECIDE: an input the conditions need is not set
 */
typedef enum
{
  PE_VERDICT_NONE,
  PE_VERDICT_ELIGIBLE,
  PE_VERDICT_NOT_ELIGIBLE,
  PE_VERDICT_CANNOT_DECIDE,
} PeVerdict;

/**
 * PeTraceKind:
 * @PE_TRACE_VALIDITY: whether the document is in force on the date asked
 * @PE_TRACE_CONDITION: an eligibility condition
 * @PE_TRACE_STEP: a computed figure
 * @PE_TRACE_READING: a reading of an ambiguous text that was taken
 */
typedef enum
{
  PE_TRACE_VALIDITY,
  PE_TRACE_CONDITION,
  PE_TRACE_STEP,
  PE_TRACE_READING,
} PeTraceKind;

/**
 * PeTraceStep:
 * @kind: what the step is
 * @id: the condition's or step's id
 * @label: what was checked or computed
 * @type: the type of @value
 * @value: the outcome (a boolean for conditions)
 * @formula: (nullable): the formula, as written in the data
 * @clause: (nullable): the clause it comes from, quoted
 * @note: (nullable): a failure message, or the reading taken
 */
typedef struct
{
  PeTraceKind  kind;
  char        *id;
  PeText      *label;
  PeValueType  type;
  PeValue      value;
  char        *formula;
  PeClause    *clause;
  PeText      *note;
  GHashTable  *labels;      /* a choice step's labels by id, or NULL */
} PeTraceStep;

/**
 * PeOutput:
 * @id: the step id
 * @label: its name
 * @type: the value's type
 * @value: the value
 * @labels: (nullable) (element-type utf8 PeText): for choice outputs, the
 *   label of each possible id
 */
typedef struct
{
  char        *id;
  PeText      *label;
  PeValueType  type;
  PeValue      value;
  GHashTable  *labels;
} PeOutput;

G_DECLARE_FINAL_TYPE (PeResult, pe_result, PE, RESULT, GObject)

GType         pe_trace_step_get_type      (void) G_GNUC_CONST;
PeTraceStep  *pe_trace_step_ref           (PeTraceStep *self);
void          pe_trace_step_unref         (PeTraceStep *self);
GType         pe_output_get_type          (void) G_GNUC_CONST;
PeOutput     *pe_output_ref               (PeOutput    *self);
void          pe_output_unref             (PeOutput    *self);
const char   *pe_output_format_choice     (PeOutput    *self,
                                           PeLanguage   language);
char         *pe_trace_step_format_value  (PeTraceStep *self,
                                           PeLanguage   language);

const char   *pe_result_get_document_id   (PeResult    *self);
const char   *pe_result_get_calculator_id (PeResult    *self);
const char   *pe_result_get_measure_id    (PeResult    *self);
const char   *pe_result_get_category      (PeResult    *self);
PeVerdict     pe_result_get_verdict       (PeResult    *self);
gboolean      pe_result_has_amount        (PeResult    *self);
gint64        pe_result_get_amount        (PeResult    *self);
gboolean      pe_result_get_is_maximum    (PeResult    *self);
gboolean      pe_result_get_amount_if_in_force (PeResult *self,
                                           gint64   *amount,
                                           gboolean *is_maximum);
PeTraceStep  *pe_result_get_failed_step   (PeResult    *self);
GStrv         pe_result_get_missing       (PeResult    *self);
GPtrArray    *pe_result_get_outputs       (PeResult    *self);
GPtrArray    *pe_result_get_trace         (PeResult    *self);
GPtrArray    *pe_result_get_readings      (PeResult    *self);
const char   *pe_verdict_to_string        (PeVerdict    verdict);
JsonNode     *pe_result_to_json           (PeResult    *self);

G_END_DECLS
