/* pe-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scenarios: two profiles, or one profile at two dates. Each calculator
 * that ran in either assessment is a row; what it adds to each total is
 * its amount when eligible and kept by the stacking, else nothing — so
 * the rows' differences add up to the difference of the totals.
 */
#define G_LOG_DOMAIN "pe-scenario"

#include "config.h"

#include "pe-rc-private.h"
#include "pe-scenario.h"

static void
row_clear (PeScenarioRow *self)
{
  g_clear_pointer (&self->calculator, pe_calculator_unref);
  g_clear_pointer (&self->a, pe_assessment_item_unref);
  g_clear_pointer (&self->b, pe_assessment_item_unref);
}

PE_DEFINE_RC_BOXED (PeScenarioRow, pe_scenario_row, row_clear)

/**
 * pe_assessment_item_get_counted:
 *
 * Returns: what @item adds to its assessment's total
 */
gint64
pe_assessment_item_get_counted (PeAssessmentItem *item)
{
  if (item == NULL || item->stacking == NULL || !item->stacking->kept)
    return 0;
  return pe_result_get_amount (item->result);
}

static PeVerdict
verdict_of (PeAssessmentItem *item)
{
  return item != NULL && item->result != NULL ? pe_result_get_verdict (item->result) : PE_VERDICT_NONE;
}

static PeScenarioRow *
find_row (GPtrArray    *rows,
          PeCalculator *calc)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PeScenarioRow *r = g_ptr_array_index (rows, i);
      if (r->calculator == calc)
        return r;
    }
  return NULL;
}

/**
 * pe_scenario_compare:
 *
 * Returns: (transfer full) (element-type PeScenarioRow): a row per
 *   calculator that ran in @a or @b, those of @a first, in their order
 */
GPtrArray *
pe_scenario_compare (PeAssessment *a,
                     PeAssessment *b)
{
  GPtrArray *rows;

  g_return_val_if_fail (PE_IS_ASSESSMENT (a), NULL);
  g_return_val_if_fail (PE_IS_ASSESSMENT (b), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_scenario_row_unref);
  for (int side = 0; side < 2; side++)
    {
      GPtrArray *items = pe_assessment_get_items (side == 0 ? a : b);

      for (guint i = 0; i < items->len; i++)
        {
          PeAssessmentItem *it = g_ptr_array_index (items, i);
          PeScenarioRow *row = find_row (rows, it->calculator);

          if (row == NULL)
            {
              row = g_atomic_rc_box_new0 (PeScenarioRow);
              row->calculator = pe_calculator_ref (it->calculator);
              g_ptr_array_add (rows, row);
            }
          if (side == 0)
            row->a = pe_assessment_item_ref (it);
          else
            row->b = pe_assessment_item_ref (it);
        }
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PeScenarioRow *row = g_ptr_array_index (rows, i);

      row->counted_a = pe_assessment_item_get_counted (row->a);
      row->counted_b = pe_assessment_item_get_counted (row->b);
      row->delta = row->counted_b - row->counted_a;
      row->verdict_changed = verdict_of (row->a) != verdict_of (row->b) ||
                             (row->a == NULL) != (row->b == NULL);
    }
  return rows;
}
