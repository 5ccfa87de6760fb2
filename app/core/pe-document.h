/* pe-document.h — one policy document: its facts, measures and calculators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "pe-calculator.h"
#include "pe-measure.h"

G_BEGIN_DECLS

#define PE_TYPE_DOCUMENT   (pe_document_get_type ())
#define PE_TYPE_CHART_SPEC (pe_chart_spec_get_type ())
#define PE_TYPE_ITEM_LIST  (pe_item_list_get_type ())

/** The version of the data format this library reads. */
#define PE_DATA_FORMAT_VERSION 1

/**
 * PeDateRule:
 * @PE_DATE_RULE_NOT_STATED: the text does not say
 * @PE_DATE_RULE_DATE: a fixed date
 * @PE_DATE_RULE_ISSUE_DATE: the date of issue (印发之日), which may be unknown
 * @PE_DATE_RULE_YEARS_FROM_START: a number of years from the start
 */
typedef enum
{
  PE_DATE_RULE_NOT_STATED,
  PE_DATE_RULE_DATE,
  PE_DATE_RULE_ISSUE_DATE,
  PE_DATE_RULE_YEARS_FROM_START,
} PeDateRule;

/**
 * PeInForce:
 * @PE_IN_FORCE_YES: in force on the date
 * @PE_IN_FORCE_NOT_YET: the date is before the start
 * @PE_IN_FORCE_EXPIRED: the date is after the end
 * @PE_IN_FORCE_UNKNOWN: a date the rule needs is not known
 */
typedef enum
{
  PE_IN_FORCE_YES,
  PE_IN_FORCE_NOT_YET,
  PE_IN_FORCE_EXPIRED,
  PE_IN_FORCE_UNKNOWN,
} PeInForce;

/**
 * PeChartSpec:
 * @id: unique within the document
 * @kind: "step" (a calculator's amount against one input), "bar" (the
 *   bars given), "targets" (the targets of @year), "timeline" (completion
 *   dates and validity) or "units" (measures per responsible unit)
 * @title: its title
 * @calculator_id: (nullable): for step charts
 * @x_field: (nullable): the input varied by a step chart
 * @x_from: where the x axis starts
 * @x_to: where it ends
 * @fixed: (nullable) (element-type utf8 utf8): the other inputs, as text
 * @output: (nullable): the step plotted (default: the amount)
 * @year: for target charts, 0 for all years
 * @bars: (nullable) (element-type PeChartBar): for bar charts
 */
typedef struct
{
  char        *id;
  char        *kind;
  PeText      *title;
  PeText      *description;
  char        *calculator_id;
  char        *x_field;
  PeRational   x_from;
  PeRational   x_to;
  GHashTable  *fixed;
  char        *output;
  int          year;
  GPtrArray   *bars;
} PeChartSpec;

/**
 * PeChartBar:
 * @label: the bar's label
 * @value: its height
 * @type: the type of @value
 * @clause: (nullable): where the text states it
 */
typedef struct
{
  PeText      *label;
  PeRational   value;
  PeValueType  type;
  PeClause    *clause;
} PeChartBar;

/**
 * PeItemList:
 * @id: unique within the document
 * @title: what the list holds
 * @clause: where the text enumerates it
 * @items: (element-type PeText): the items, in the text's order
 *
 * An enumeration of the text worth searching on its own, such as the
 * services that can be handled on a phone.
 */
typedef struct
{
  char      *id;
  PeText    *title;
  PeClause  *clause;
  GPtrArray *items;
} PeItemList;

G_DECLARE_FINAL_TYPE (PeDocument, pe_document, PE, DOCUMENT, GObject)

GType          pe_item_list_get_type           (void) G_GNUC_CONST;
PeItemList    *pe_item_list_ref                (PeItemList  *self);
void           pe_item_list_unref              (PeItemList  *self);

GType          pe_chart_spec_get_type          (void) G_GNUC_CONST;
PeChartSpec   *pe_chart_spec_ref               (PeChartSpec *self);
void           pe_chart_spec_unref             (PeChartSpec *self);

PeDocument    *pe_document_new_from_bytes      (GBytes       *bytes,
                                                const char   *origin,
                                                GError      **error);
PeDocument    *pe_document_new_from_resource   (const char   *resource_path,
                                                GError      **error);
PeDocument    *pe_document_new_from_file       (GFile        *file,
                                                GError      **error);

const char    *pe_document_get_id              (PeDocument   *self);
const char    *pe_document_get_version         (PeDocument   *self);
const char    *pe_document_get_origin          (PeDocument   *self);
const PeText  *pe_document_get_title           (PeDocument   *self);
const PeText  *pe_document_get_short_title     (PeDocument   *self);
const PeText  *pe_document_get_issuer          (PeDocument   *self);
const char    *pe_document_get_number          (PeDocument   *self);
guint32        pe_document_get_issue_date      (PeDocument   *self);
const PeText  *pe_document_get_interpreter     (PeDocument   *self);
const PeText  *pe_document_get_validity_text   (PeDocument   *self);
PeClause      *pe_document_get_validity_clause (PeDocument   *self);
PeDateRule     pe_document_get_start_rule      (PeDocument   *self);
PeDateRule     pe_document_get_end_rule        (PeDocument   *self);
gboolean       pe_document_needs_issue_date    (PeDocument   *self);
PeInForce      pe_document_in_force            (PeDocument   *self,
                                                guint32       as_of,
                                                guint32       issue_date,
                                                guint32      *start,
                                                guint32      *end);
const PeText  *pe_document_get_stacking_reading (PeDocument  *self);
PeClause      *pe_document_get_stacking_clause (PeDocument   *self);
const char    *pe_document_get_stacking_rule   (PeDocument   *self,
                                                const char   *category);

const char    *pe_document_get_across_rule     (PeDocument   *self);
PeClause      *pe_document_get_across_clause   (PeDocument   *self);
const PeText  *pe_document_get_across_reading  (PeDocument   *self);
GPtrArray     *pe_document_get_facts           (PeDocument   *self);
PeField       *pe_document_find_fact           (PeDocument   *self,
                                                const char   *fact_id);
GPtrArray     *pe_document_get_measures        (PeDocument   *self);
guint          pe_document_count_measures      (PeDocument   *self);
PeMeasure     *pe_document_get_measure         (PeDocument   *self,
                                                const char   *measure_id);
GPtrArray     *pe_document_get_calculators     (PeDocument   *self);
PeCalculator  *pe_document_get_calculator      (PeDocument   *self,
                                                const char   *calculator_id);
GPtrArray     *pe_document_get_parameters      (PeDocument   *self);
PeParameter   *pe_document_get_parameter       (PeDocument   *self,
                                                const char   *parameter_id);
GPtrArray     *pe_document_get_charts          (PeDocument   *self);
PeChartSpec   *pe_document_get_chart           (PeDocument   *self,
                                                const char   *chart_id);
GPtrArray     *pe_document_get_lists           (PeDocument   *self);
PeItemList    *pe_document_get_list            (PeDocument   *self,
                                                const char   *list_id);
const char    *pe_in_force_to_string           (PeInForce     in_force);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeItemList, pe_item_list_unref)

G_END_DECLS
