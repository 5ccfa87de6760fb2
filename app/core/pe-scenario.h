/* pe-scenario.h — two assessments side by side, and what differs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-assessment.h"

G_BEGIN_DECLS

#define PE_TYPE_SCENARIO_ROW (pe_scenario_row_get_type ())

/**
 * PeScenarioRow:
 * @calculator: the calculator
 * @a: (nullable): its item in the first assessment, if it ran there
 * @b: (nullable): its item in the second
 * @counted_a: the amount it adds to the first total (0 when it has none,
 *   is not eligible or was set aside)
 * @counted_b: the same in the second
 * @delta: @counted_b − @counted_a
 * @verdict_changed: the verdicts differ
 */
typedef struct
{
  PeCalculator     *calculator;
  PeAssessmentItem *a;
  PeAssessmentItem *b;
  gint64            counted_a;
  gint64            counted_b;
  gint64            delta;
  gboolean          verdict_changed;
} PeScenarioRow;

GType          pe_scenario_row_get_type (void) G_GNUC_CONST;
PeScenarioRow *pe_scenario_row_ref      (PeScenarioRow *self);
void           pe_scenario_row_unref    (PeScenarioRow *self);

gint64         pe_assessment_item_get_counted (PeAssessmentItem *item);
GPtrArray     *pe_scenario_compare      (PeAssessment  *a,
                                         PeAssessment  *b);

G_END_DECLS
