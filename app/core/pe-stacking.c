/* pe-stacking.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document's rule names categories whose results do not stack: of those,
 * only the highest amount is kept (就高). Results of other categories, and
 * results of different categories, stack. Results without an amount, or
 * whose verdict is not eligible, take no part.
 */
#define G_LOG_DOMAIN "pe-stacking"

#include "config.h"

#include "pe-document-private.h"
#include "pe-rc-private.h"
#include "pe-stacking.h"

static void
entry_clear (PeStackingEntry *self)
{
  g_clear_object (&self->result);
  g_clear_object (&self->prevailing);
  g_clear_pointer (&self->clause, pe_clause_unref);
  g_clear_pointer (&self->reason, pe_text_free);
  g_free (self->document_id);
}

PE_DEFINE_RC_BOXED (PeStackingEntry, pe_stacking_entry, entry_clear)

static gboolean
takes_part (PeResult *r)
{
  PeVerdict v = pe_result_get_verdict (r);

  return pe_result_has_amount (r) &&
         (v == PE_VERDICT_ELIGIBLE || v == PE_VERDICT_NONE) &&
         pe_result_get_amount (r) > 0;
}

/**
 * pe_stacking_apply:
 * @document: the document whose rule applies
 * @results: (element-type PeResult): results of @document's calculators
 * @total: (out) (optional): the sum of the amounts kept
 *
 * Returns: (transfer full) (element-type PeStackingEntry): one entry per
 *   result that has an amount, in the order of @results
 */
GPtrArray *
pe_stacking_apply (PeDocument *document,
                   GPtrArray  *results,
                   gint64     *total)
{
  GPtrArray *ledger;
  g_autoptr(GHashTable) best = NULL;   /* group -> PeResult */
  gint64 sum = 0;

  g_return_val_if_fail (PE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  ledger = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_stacking_entry_unref);
  best = g_hash_table_new (g_str_hash, g_str_equal);

  /* the highest of each non-stacking group; the first wins a tie */
  for (guint i = 0; i < results->len; i++)
    {
      PeResult *r = g_ptr_array_index (results, i);
      const char *category = pe_result_get_category (r);
      const char *group;
      PeResult *cur;

      if (!takes_part (r) || pe_document_get_stacking_rule (document, category) == NULL)
        continue;
      group = g_hash_table_contains (document->stacking_rules, category ? category : "")
              ? category : "*";
      cur = g_hash_table_lookup (best, group);
      if (cur == NULL || pe_result_get_amount (r) > pe_result_get_amount (cur))
        g_hash_table_insert (best, (gpointer) group, r);
    }

  for (guint i = 0; i < results->len; i++)
    {
      PeResult *r = g_ptr_array_index (results, i);
      const char *category = pe_result_get_category (r);
      PeStackingEntry *e;
      PeResult *winner = NULL;

      if (!takes_part (r))
        continue;

      e = g_atomic_rc_box_new0 (PeStackingEntry);
      e->result = g_object_ref (r);
      if (pe_document_get_stacking_rule (document, category) != NULL)
        {
          const char *group = g_hash_table_contains (document->stacking_rules, category ? category : "")
                              ? category : "*";
          winner = g_hash_table_lookup (best, group);
        }

      if (winner == NULL || winner == r)
        {
          e->kept = TRUE;
          sum += pe_result_get_amount (r);
        }
      else
        {
          PeCalculator *wc = pe_document_get_calculator (document, pe_result_get_calculator_id (winner));
          const PeText *title = wc != NULL ? wc->title : NULL;
          g_autofree char *zh = g_strdup_printf ("与“%s”同为%s类，不可叠加，就高取“%s”",
                                                 title ? title->zh : pe_result_get_calculator_id (winner),
                                                 g_strcmp0 (category, "subsidy") == 0 ? "补助" :
                                                 g_strcmp0 (category, "reward") == 0 ? "奖励" : "同",
                                                 title ? title->zh : pe_result_get_calculator_id (winner));
          g_autofree char *en = g_strdup_printf ("does not stack with “%s”, of the same kind (%s); "
                                                 "the higher is kept",
                                                 title ? title->en : pe_result_get_calculator_id (winner),
                                                 category ? category : "all");
          e->kept = FALSE;
          e->prevailing = g_object_ref (winner);
          if (document->stacking_clause != NULL)
            e->clause = pe_clause_ref (document->stacking_clause);
          e->reason = pe_text_new (zh, en);
        }
      g_ptr_array_add (ledger, e);
    }

  if (total != NULL)
    *total = sum;
  return ledger;
}
