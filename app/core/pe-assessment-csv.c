/* pe-assessment-csv.c — an assessment as rows of a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per calculator run, with what a spreadsheet needs to check the
 * figure without the application: the verdict, the amount and whether it
 * is a maximum, what the stacking did and by which clause, and the trace
 * with every step's quote. The same rows serve the results export of one
 * profile and `pex batch` (with the input line first).
 */
#define G_LOG_DOMAIN "pe-assessment"

#include "config.h"

#include "pe-assessment.h"
#include "pe-csv.h"

static const char *columns[] = {
  "profile", "subject", "as_of", "document", "calculator", "title", "verdict",
  "amount", "is_maximum", "amount_if_in_force", "counted", "stacking", "prevailing",
  "stacking_clause", "failed", "missing", "error", "readings", "trace",
};

/**
 * pe_assessment_append_csv_header:
 * @with_line: whether the first column is the line of the input
 */
void
pe_assessment_append_csv_header (GString  *out,
                                 gboolean  with_line)
{
  g_return_if_fail (out != NULL);

  if (with_line)
    g_string_append (out, "line,");
  pe_csv_append_row (out, columns, G_N_ELEMENTS (columns));
}

static void
append_trace (GString    *s,
              PeResult   *r,
              PeLanguage  lang)
{
  GPtrArray *trace = pe_result_get_trace (r);

  for (guint i = 0; i < trace->len; i++)
    {
      PeTraceStep *t = g_ptr_array_index (trace, i);
      g_autofree char *v = pe_value_to_string (t->type, &t->value);

      /* appended piece by piece: a batch writes millions of these, and
       * printf-style formatting was most of its time */
      if (i > 0)
        g_string_append (s, " | ");
      g_string_append (s, pe_text_get (t->label, lang));
      g_string_append (s, t->value.is_maximum ? " = ≤ " : " = ");
      g_string_append (s, *v ? v : "?");
      if (t->clause != NULL)
        {
          g_string_append (s, " [");
          g_string_append (s, t->clause->measure_id);
          g_string_append (s, ": ");
          g_string_append (s, t->clause->quote);
          g_string_append_c (s, ']');
        }
    }
}

/**
 * pe_assessment_append_csv_rows:
 * @line: the line of the input it comes from, or 0 for none
 *
 * Appends a row per calculator run.
 */
void
pe_assessment_append_csv_rows (PeAssessment *self,
                               GString      *out,
                               guint         line,
                               PeLanguage    language)
{
  GPtrArray *items;
  g_autofree char *as_of = NULL;
  PeProfile *profile;
  GString *trace = g_string_sized_new (512);
  GString *misc = g_string_sized_new (128);

  g_return_if_fail (PE_IS_ASSESSMENT (self));
  g_return_if_fail (out != NULL);

  items = pe_assessment_get_items (self);
  profile = pe_assessment_get_profile (self);
  as_of = pe_date_to_string (pe_assessment_get_as_of (self));

  for (guint i = 0; i < items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (items, i);
      PeResult *r = it->result;
      PeStackingEntry *e = it->stacking;
      const char *f[G_N_ELEMENTS (columns)] = { NULL };
      g_autofree char *amount = NULL;
      g_autofree char *potential = NULL;
      g_autofree char *counted = NULL;
      g_autofree char *prevailing = NULL;
      g_autofree char *failed = NULL;
      g_autofree char *missing = NULL;
      g_autofree char *readings = NULL;
      gint64 p;

      f[0] = pe_profile_get_name (profile);
      f[1] = pe_profile_get_subject (profile);
      f[2] = as_of;
      f[3] = pe_assessment_item_get_document_id (it);
      f[4] = it->calculator->id;
      f[5] = pe_text_get (it->calculator->title, language);
      if (r == NULL)
        {
          f[6] = "error";
          f[16] = it->error;
        }
      else
        {
          f[6] = pe_verdict_to_string (pe_result_get_verdict (r));
          if (pe_result_has_amount (r))
            {
              amount = g_strdup_printf ("%" G_GINT64_FORMAT, pe_result_get_amount (r));
              f[7] = amount;
              f[8] = pe_result_get_is_maximum (r) ? "true" : "false";
            }
          if (pe_result_get_amount_if_in_force (r, &p, NULL))
            f[9] = potential = g_strdup_printf ("%" G_GINT64_FORMAT, p);
          if (e != NULL)
            {
              f[10] = counted = g_strdup_printf ("%" G_GINT64_FORMAT, e->kept ? pe_result_get_amount (r) : 0);
              f[11] = e->kept ? "kept" : "set aside";
              if (!e->kept && e->prevailing != NULL)
                f[12] = prevailing = g_strdup_printf ("%s/%s", pe_result_get_document_id (e->prevailing),
                                                      pe_result_get_calculator_id (e->prevailing));
              if (!e->kept && e->clause != NULL)
                f[13] = e->clause->quote;
            }
          if (pe_result_get_failed_step (r) != NULL)
            {
              PeTraceStep *fs = pe_result_get_failed_step (r);
              f[14] = failed = g_strdup_printf ("%s: %s", fs->id,
                                                fs->clause ? fs->clause->quote : pe_text_get (fs->label, language));
            }
          if (it->missing_keys != NULL)
            f[15] = missing = g_strjoinv (";", it->missing_keys);
          g_string_truncate (misc, 0);
          for (guint k = 0; k < pe_result_get_readings (r)->len; k++)
            {
              if (k > 0)
                g_string_append (misc, " | ");
              g_string_append (misc, pe_text_get (g_ptr_array_index (pe_result_get_readings (r), k), language));
            }
          f[17] = readings = g_strdup (misc->str);
          g_string_truncate (trace, 0);
          append_trace (trace, r, language);
          f[18] = trace->str;
        }

      if (line > 0)
        {
          char number[16];
          g_snprintf (number, sizeof number, "%u,", line);
          g_string_append (out, number);
        }
      pe_csv_append_row (out, f, G_N_ELEMENTS (f));
    }
  g_string_free (trace, TRUE);
  g_string_free (misc, TRUE);
}

/**
 * pe_assessment_to_csv:
 *
 * Returns: (transfer full): the results table, with its header
 */
char *
pe_assessment_to_csv (PeAssessment *self,
                      PeLanguage    language)
{
  GString *out;

  g_return_val_if_fail (PE_IS_ASSESSMENT (self), NULL);

  out = g_string_new (NULL);
  pe_assessment_append_csv_header (out, FALSE);
  pe_assessment_append_csv_rows (self, out, 0, language);
  return g_string_free (out, FALSE);
}
