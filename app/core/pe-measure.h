/* pe-measure.h — a measure of a policy document, and what it states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-text.h"
#include "pe-value.h"

G_BEGIN_DECLS

#define PE_TYPE_CLAUSE    (pe_clause_get_type ())
#define PE_TYPE_PARAMETER (pe_parameter_get_type ())
#define PE_TYPE_TARGET    (pe_target_get_type ())
#define PE_TYPE_MEASURE   (pe_measure_get_type ())

/**
 * PeClause:
 * @measure_id: the measure whose original text holds the quote
 * @quote: the words of the original Chinese text, verbatim
 * @quote_en: (nullable): their English rendering
 *
 * A citation. Loading a document checks that @quote stands in the text of
 * @measure_id (white space aside), so every quote shown is real.
 */
typedef struct
{
  char *measure_id;
  char *quote;
  char *quote_en;
} PeClause;

/**
 * PeBound:
 * @PE_BOUND_EXACT: the text fixes the figure
 * @PE_BOUND_MAXIMUM: the text sets an upper bound (不高于, 最高不超过)
 * @PE_BOUND_MINIMUM: the text sets a lower bound (以上, 不少于)
 */
typedef enum
{
  PE_BOUND_EXACT,
  PE_BOUND_MAXIMUM,
  PE_BOUND_MINIMUM,
} PeBound;

/**
 * PeParameter:
 * @id: the name formulas use, after a "$"
 * @type: the type of @value
 * @value: the figure the text states
 * @bound: whether it is exact or a bound
 * @label: what it is
 * @clause: where the text states it
 */
typedef struct
{
  char        *id;
  PeValueType  type;
  PeValue      value;
  PeBound      bound;
  PeText      *label;
  PeClause    *clause;
} PeParameter;

/**
 * PeTarget:
 * @year: the year by which the target is to be met
 * @quantity: the figure
 * @bound: %PE_BOUND_MINIMUM for "… or more" (以上)
 * @label: what is counted
 * @unit: the unit of @quantity
 * @clause: where the text sets it
 */
typedef struct
{
  int         year;
  PeRational  quantity;
  PeBound     bound;
  PeText     *label;
  PeText     *unit;
  PeClause   *clause;
} PeTarget;

/**
 * PeLink:
 * @document_id: the id of the other document
 * @measure_id: the id of the measure in it
 * @note: (nullable): how the two relate
 */
typedef struct
{
  char   *document_id;
  char   *measure_id;
  PeText *note;
} PeLink;

/**
 * PeMeasure:
 * @id: unique within the document ("1", "2", … or "closing")
 * @number: the number as printed (一, 二, …)
 * @title: the measure's heading
 * @text: the full original Chinese text and its English rendering
 * @kind: reward, subsidy, service, procedure, target, provision…
 * @units: (element-type PeText): the responsible units, lead first
 * @deadline: (nullable): the completion date as the text gives it
 *   ("2021-06", "2021-06-30"), %NULL when there is none
 * @deadline_julian: the last day of @deadline, 0 when there is none
 * @targets: (element-type PeTarget)
 * @parameters: (element-type PeParameter)
 * @links: (element-type PeLink): measures of other documents that carry
 *   this one out
 */
typedef struct
{
  char       *id;
  char       *number;
  PeText     *title;
  PeText     *text;
  char       *kind;
  GPtrArray  *units;
  char       *deadline;
  guint32     deadline_julian;
  GPtrArray  *targets;
  GPtrArray  *parameters;
  GPtrArray  *links;
} PeMeasure;

const char  *pe_measure_number_separator (PeMeasure *self);
GType        pe_clause_get_type    (void) G_GNUC_CONST;
PeClause    *pe_clause_ref         (PeClause    *self);
void         pe_clause_unref       (PeClause    *self);
GType        pe_parameter_get_type (void) G_GNUC_CONST;
PeParameter *pe_parameter_ref      (PeParameter *self);
void         pe_parameter_unref    (PeParameter *self);
GType        pe_target_get_type    (void) G_GNUC_CONST;
PeTarget    *pe_target_ref         (PeTarget    *self);
void         pe_target_unref       (PeTarget    *self);
GType        pe_measure_get_type   (void) G_GNUC_CONST;
PeMeasure   *pe_measure_ref        (PeMeasure   *self);
void         pe_measure_unref      (PeMeasure   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeClause, pe_clause_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeParameter, pe_parameter_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeTarget, pe_target_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeMeasure, pe_measure_unref)

G_END_DECLS
