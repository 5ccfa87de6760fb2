/* pex-profiles.c — profiles on the command line: the facts asked,
 * assessing a profile, scenarios, batches, comparisons and reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pex"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>

#include "pex-private.h"

/* Every active document that loads; the others are reported and skipped. */
static GPtrArray *
load_documents (Pex *pex,
                int *status)
{
  GPtrArray *docs = g_ptr_array_new ();
  GList *plugins = pe_plugins_engine_get_document_plugins (pex->engine);

  pe_plugins_engine_read_documents (pex->engine, plugins);
  for (GList *l = plugins; l; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      PeDocument *doc = pe_plugins_engine_get_document (pex->engine, l->data, &error);

      if (doc != NULL)
        g_ptr_array_add (docs, doc);
      else
        {
          g_printerr ("pex: %s\n", error->message);
          *status = EXIT_FAILURE;
        }
    }
  g_list_free (plugins);
  if (docs->len == 0)
    g_printerr ("pex: no document is active: is the plugin path right?\n");
  return docs;
}

static PeProfile *
open_profile (Pex        *pex,
              const char *path,
              int        *status)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  PeProfile *profile = pe_profile_new_from_file (file, &error);

  if (profile == NULL)
    *status = fail (pex, EXIT_USAGE, "%s", error->message);
  return profile;
}

static char *
amount_text (Pex      *pex,
             gint64    amount,
             gboolean  is_maximum)
{
  g_autofree char *a = pe_yuan_format (amount);
  return g_strdup_printf ("%s%s", is_maximum ? (pex->lang == PE_LANGUAGE_ZH ? "最高 " : "up to ") : "", a);
}

/* ---- pex facts ------------------------------------------------------------ */

int
cmd_facts (Pex   *pex,
           char **args)
{
  PeVocabulary *v = pe_vocabulary_get_default ();
  GPtrArray *facts = pe_vocabulary_get_facts (v);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status = 0;

  if (args[0] != NULL)
    return fail (pex, EXIT_USAGE, "usage: pex facts");
  docs = load_documents (pex, &status);

  json_builder_begin_array (b);
  for (guint i = 0; i < facts->len; i++)
    {
      PeField *fact = g_ptr_array_index (facts, i);
      g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_free);

      for (guint d = 0; d < docs->len; d++)
        {
          GPtrArray *calcs = pe_document_get_calculators (g_ptr_array_index (docs, d));
          for (guint c = 0; c < calcs->len; c++)
            {
              PeCalculator *calc = g_ptr_array_index (calcs, c);
              for (guint f = 0; f < calc->fields->len; f++)
                if (g_strcmp0 (((PeField *) g_ptr_array_index (calc->fields, f))->fact, fact->id) == 0)
                  g_ptr_array_add (users, g_strdup_printf ("%s/%s", pe_document_get_id (g_ptr_array_index (docs, d)), calc->id));
            }
        }

      if (pex->json)
        {
          json_builder_begin_object (b);
          add_string (b, "id", fact->id);
          add_string (b, "type", pe_value_type_to_string (fact->type));
          add_text (b, "label", fact->label);
          if (fact->choices != NULL)
            {
              json_builder_set_member_name (b, "choices");
              json_builder_begin_array (b);
              for (guint k = 0; k < fact->choices->len; k++)
                json_builder_add_string_value (b, ((PeChoice *) g_ptr_array_index (fact->choices, k))->id);
              json_builder_end_array (b);
            }
          json_builder_set_member_name (b, "used_by");
          json_builder_begin_array (b);
          for (guint k = 0; k < users->len; k++)
            json_builder_add_string_value (b, g_ptr_array_index (users, k));
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      else
        {
          g_print ("%-44s %-8s %s\n", fact->id, pe_value_type_to_string (fact->type), tr (pex, fact->label));
          for (guint k = 0; k < users->len; k++)
            g_print ("    %s\n", (char *) g_ptr_array_index (users, k));
        }
    }
  json_builder_end_array (b);
  if (pex->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      print_json (root);
    }
  return status;
}

/* ---- pex assess ----------------------------------------------------------- */

static const char *
verdict_word (Pex              *pex,
              PeAssessmentItem *it)
{
  gboolean zh = pex->lang == PE_LANGUAGE_ZH;

  if (it->result == NULL)
    return zh ? "输入有误" : "input error";
  switch (pe_result_get_verdict (it->result))
    {
    case PE_VERDICT_ELIGIBLE: return zh ? "符合条件" : "eligible";
    case PE_VERDICT_NOT_ELIGIBLE: return zh ? "不符合" : "not eligible";
    case PE_VERDICT_CANNOT_DECIDE: return zh ? "无法判断" : "cannot decide";
    case PE_VERDICT_NONE:
    default: return zh ? "计算结果" : "computed";
    }
}

static void
print_item (Pex              *pex,
            PeAssessmentItem *it)
{
  gboolean zh = pex->lang == PE_LANGUAGE_ZH;
  PeDocument *doc = it->calculator->document;
  PeResult *r = it->result;

  g_print ("  [%s] %s · %s", verdict_word (pex, it), tr (pex, pe_document_get_short_title (doc)),
           tr (pex, it->calculator->title));
  if (r != NULL && pe_result_has_amount (r))
    {
      g_autofree char *a = amount_text (pex, pe_result_get_amount (r), pe_result_get_is_maximum (r));
      g_print (": %s", a);
    }
  g_print ("\n");

  if (r == NULL)
    {
      g_print ("      %s%s%s\n", it->error, it->error_key ? " — " : "", it->error_key ? it->error_key : "");
      return;
    }
  if (pe_result_get_verdict (r) == PE_VERDICT_NOT_ELIGIBLE)
    {
      PeTraceStep *f = pe_result_get_failed_step (r);
      gint64 potential;
      gboolean pmax;

      g_print ("      %s\n", tr (pex, f->note ? f->note : f->label));
      if (f->clause != NULL)
        g_print ("      [%s] “%s”\n", f->clause->measure_id, f->clause->quote);
      if (pe_result_get_amount_if_in_force (r, &potential, &pmax))
        {
          g_autofree char *a = amount_text (pex, potential, pmax);
          g_print ("      %s %s\n", zh ? "有效期内金额：" : "amount while in force:", a);
        }
    }
  if (it->missing_keys != NULL && it->missing_keys[0] != NULL)
    {
      g_autofree char *keys = g_strjoinv (", ", it->missing_keys);
      g_print ("      %s %s\n", zh ? "还需填写：" : "still needs:", keys);
    }
  if (it->needs_issue_date)
    g_print ("      %s\n", zh ? "还需要文件的印发日期（档案中的 issue_dates）"
                              : "still needs the document's issue date (issue_dates in the profile)");
  if (it->stacking != NULL)
    {
      if (it->stacking->kept)
        g_print ("      %s\n", zh ? "计入合计" : "counted in the total");
      else
        {
          g_print ("      %s %s\n", zh ? "不计入：" : "set aside:", tr (pex, it->stacking->reason));
          if (it->stacking->clause != NULL)
            g_print ("      [%s %s] “%s”\n",
                     it->stacking->document_id ? it->stacking->document_id : pe_document_get_id (doc),
                     it->stacking->clause->measure_id, it->stacking->clause->quote);
        }
    }
  else if (pe_result_has_amount (r))
    {
      /* the clause the amount comes from */
      GPtrArray *trace = pe_result_get_trace (r);
      for (guint i = trace->len; i > 0; i--)
        {
          PeTraceStep *s = g_ptr_array_index (trace, i - 1);
          if (s->kind == PE_TRACE_STEP && s->clause != NULL)
            {
              g_print ("      [%s] “%s”\n", s->clause->measure_id, s->clause->quote);
              break;
            }
        }
    }
}

static int
write_output (Pex          *pex,
              PeAssessment *a)
{
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (pex->out, ".csv"))
    {
      g_autofree char *csv = pe_assessment_to_csv (a, pex->lang);
      if (!g_file_set_contents (pex->out, csv, -1, &error))
        return fail (pex, EXIT_FAILURE, "%s", error->message);
      return 0;
    }
  if (g_str_has_suffix (pex->out, ".pdf"))
    {
      if (!pex_report_write_pdf (a, pex->engine, pex->lang, pex->out, &error))
        return fail (pex, EXIT_FAILURE, "%s", error->message);
      return 0;
    }
  return fail (pex, EXIT_USAGE, "--out: “%s” is neither .csv nor .pdf", pex->out);
}

int
cmd_assess (Pex   *pex,
            char **args)
{
  g_autoptr(PeProfile) profile = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(PeAssessment) a = NULL;
  gboolean zh = pex->lang == PE_LANGUAGE_ZH;
  int status = 0;

  if (args[0] == NULL || args[1] != NULL)
    return fail (pex, EXIT_USAGE, "usage: pex assess PROFILE [--as-of DATE] [--out RESULTS.csv|REPORT.pdf]");
  if ((profile = open_profile (pex, args[0], &status)) == NULL)
    return status;
  docs = load_documents (pex, &status);
  a = pe_assessment_new (profile, docs, pex->as_of_given ? pex->as_of : 0);

  if (pex->out != NULL)
    {
      int s = write_output (pex, a);
      if (s != 0)
        return s;
    }
  if (pex->json)
    {
      g_autoptr(JsonNode) root = pe_assessment_to_json (a);
      print_json (root);
    }
  else if (pex->out == NULL)
    {
      GPtrArray *items = pe_assessment_get_items (a);
      g_autofree char *date = pe_date_to_string (pe_assessment_get_as_of (a));
      gboolean max = FALSE;
      gint64 total = pe_assessment_get_total (a, &max);
      g_autofree char *t = amount_text (pex, total, max);

      g_print ("%s (%s) %s %s\n", pe_profile_get_name (profile) ? pe_profile_get_name (profile) : args[0],
               pe_profile_get_subject (profile), zh ? "截至" : "as of", date);
      for (guint i = 0; i < items->len; i++)
        print_item (pex, g_ptr_array_index (items, i));
      if (items->len == 0)
        g_print ("  %s\n", zh ? "档案未填写任何计算器需要的内容。" : "The profile feeds no calculator yet.");
      g_print ("%s %s\n", zh ? "合计：" : "Total:", t);
    }
  return status;
}

/* ---- pex scenario --------------------------------------------------------- */

int
cmd_scenario (Pex   *pex,
              char **args)
{
  g_autoptr(PeProfile) first = NULL;
  g_autoptr(PeProfile) second = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(PeAssessment) a = NULL;
  g_autoptr(PeAssessment) b = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int status = 0;

  if (args[0] == NULL || (args[1] != NULL && args[2] != NULL) ||
      (args[1] == NULL && pex->second_as_of == 0))
    return fail (pex, EXIT_USAGE, "usage: pex scenario PROFILE PROFILE2 [--as-of DATE], "
                 "or pex scenario PROFILE --as-of DATE --second-as-of DATE2");
  if ((first = open_profile (pex, args[0], &status)) == NULL)
    return status;
  if (args[1] != NULL && (second = open_profile (pex, args[1], &status)) == NULL)
    return status;
  docs = load_documents (pex, &status);
  a = pe_assessment_new (first, docs, pex->as_of_given ? pex->as_of : 0);
  b = second != NULL ? pe_assessment_new (second, docs, pex->as_of_given ? pex->as_of : 0)
                     : pe_assessment_new (first, docs, pex->second_as_of);
  rows = pe_scenario_compare (a, b);

  if (pex->json)
    {
      g_autoptr(JsonBuilder) jb = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *da = pe_date_to_string (pe_assessment_get_as_of (a));
      g_autofree char *db = pe_date_to_string (pe_assessment_get_as_of (b));

      json_builder_begin_object (jb);
      add_string (jb, "as_of_a", da);
      add_string (jb, "as_of_b", db);
      json_builder_set_member_name (jb, "total_a");
      json_builder_add_int_value (jb, pe_assessment_get_total (a, NULL));
      json_builder_set_member_name (jb, "total_b");
      json_builder_add_int_value (jb, pe_assessment_get_total (b, NULL));
      json_builder_set_member_name (jb, "rows");
      json_builder_begin_array (jb);
      for (guint i = 0; i < rows->len; i++)
        {
          PeScenarioRow *r = g_ptr_array_index (rows, i);
          json_builder_begin_object (jb);
          add_string (jb, "document", pe_document_get_id (r->calculator->document));
          add_string (jb, "calculator", r->calculator->id);
          add_string (jb, "verdict_a", r->a && r->a->result ? pe_verdict_to_string (pe_result_get_verdict (r->a->result)) : NULL);
          add_string (jb, "verdict_b", r->b && r->b->result ? pe_verdict_to_string (pe_result_get_verdict (r->b->result)) : NULL);
          json_builder_set_member_name (jb, "counted_a");
          json_builder_add_int_value (jb, r->counted_a);
          json_builder_set_member_name (jb, "counted_b");
          json_builder_add_int_value (jb, r->counted_b);
          json_builder_set_member_name (jb, "delta");
          json_builder_add_int_value (jb, r->delta);
          json_builder_end_object (jb);
        }
      json_builder_end_array (jb);
      json_builder_end_object (jb);
      root = json_builder_get_root (jb);
      print_json (root);
      return status;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PeScenarioRow *r = g_ptr_array_index (rows, i);
      g_autofree char *ca = pe_yuan_format (r->counted_a);
      g_autofree char *cb = pe_yuan_format (r->counted_b);
      g_autofree char *d = pe_yuan_format (r->delta);

      g_autofree char *title = pad_to_columns (tr (pex, r->calculator->title), 60);

      g_print ("%s %14s %14s %s%s\n", title, ca, cb, r->delta > 0 ? "+" : "", d);
    }
  {
    gint64 ta = pe_assessment_get_total (a, NULL), tb = pe_assessment_get_total (b, NULL);
    g_autofree char *sa = pe_yuan_format (ta);
    g_autofree char *sb = pe_yuan_format (tb);
    g_autofree char *sd = pe_yuan_format (tb - ta);
    g_autofree char *total = pad_to_columns (pex->lang == PE_LANGUAGE_ZH ? "合计" : "Total", 60);

    g_print ("%s %14s %14s %s%s\n", total, sa, sb, tb > ta ? "+" : "", sd);
  }
  return status;
}

/* ---- pex batch ------------------------------------------------------------ */

typedef struct
{
  Pex      *pex;
  gboolean  tty;
  gint64    last_progress;
} BatchRun;

static void
on_bad_row (guint         line,
            const GError *problem,
            gpointer      data)
{
  BatchRun *run = data;

  if (run->tty)
    g_printerr ("\r\033[K");
  g_printerr ("pex: %s (skipped)\n", problem->message);
}

static void
on_progress (const PeBatchStats *stats,
             gpointer            data)
{
  BatchRun *run = data;
  gint64 now = g_get_monotonic_time ();

  if (!run->tty || now - run->last_progress < G_USEC_PER_SEC / 10)
    return;
  run->last_progress = now;
  g_printerr ("\r\033[K%" G_GUINT64_FORMAT " profiles, %" G_GUINT64_FORMAT " results, %"
              G_GUINT64_FORMAT " rows refused", stats->profiles, stats->results, stats->bad_rows);
}

int
cmd_batch (Pex   *pex,
           char **args)
{
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  PeBatchOptions options = { 0 };
  PeBatchStats stats = { 0 };
  BatchRun run = { pex, isatty (STDERR_FILENO), 0 };
  int status = 0;

  if (args[0] == NULL || args[1] != NULL)
    return fail (pex, EXIT_USAGE, "usage: pex batch PROFILES.csv [--as-of DATE] [--out RESULTS.csv] [--json]");

  in_file = g_file_new_for_commandline_arg (args[0]);
  in = g_file_read (in_file, NULL, &error);
  if (in == NULL)
    return fail (pex, EXIT_USAGE, "%s", error->message);
  if (pex->out != NULL)
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (pex->out);
      out = G_OUTPUT_STREAM (g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
      if (out == NULL)
        return fail (pex, EXIT_FAILURE, "%s", error->message);
    }
  else
    out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  docs = load_documents (pex, &status);
  options.documents = docs;
  options.as_of = pex->as_of_given ? pex->as_of : 0;
  options.language = pex->lang;
  options.json = pex->json;
  options.bad_row = on_bad_row;
  options.progress = on_progress;
  options.user_data = &run;

  if (!pe_batch_run (G_INPUT_STREAM (in), out, &options, &stats, &error))
    {
      g_autofree char *where = g_file_get_parse_name (in_file);
      if (run.tty)
        g_printerr ("\r\033[K");
      /* the results written so far stand; the message says why the rest did not come */
      g_printerr ("pex: %s: %s\n", where, error->message);
      return EXIT_USAGE;
    }
  if (!g_output_stream_close (out, NULL, &error))
    return fail (pex, EXIT_FAILURE, "%s", error->message);

  if (run.tty)
    g_printerr ("\r\033[K");
  g_printerr ("pex: %" G_GUINT64_FORMAT " profiles, %" G_GUINT64_FORMAT " results, %"
              G_GUINT64_FORMAT " rows refused\n", stats.profiles, stats.results, stats.bad_rows);
  if (stats.bad_rows > 0 && status == 0)
    status = EXIT_USAGE;
  return status;
}

/* ---- pex compare ---------------------------------------------------------- */

static void
print_member (Pex          *pex,
              PeCalculator *calc)
{
  PeDocument *doc = calc->document;
  g_autoptr(GPtrArray) params = pe_calculator_list_parameters (calc);
  guint32 start = 0, end = 0;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  pe_document_in_force (doc, pex->as_of, pex->issue_date, &start, &end);
  s = start ? pe_date_to_string (start)
            : g_strdup (pe_document_get_start_rule (doc) == PE_DATE_RULE_NOT_STATED ? "-" : "?");
  e = end ? pe_date_to_string (end)
          : g_strdup (pe_document_get_end_rule (doc) == PE_DATE_RULE_NOT_STATED ? "-" : "?");
  g_print ("  %s · %s  (%s %s; %s … %s)\n", tr (pex, pe_document_get_short_title (doc)), tr (pex, calc->title),
           pex->lang == PE_LANGUAGE_ZH ? "措施" : "measure", calc->measure_id, s, e);
  g_print ("      %s\n", tr (pex, pe_document_get_issuer (doc)));
  for (guint i = 0; i < params->len; i++)
    {
      PeParameter *p = g_ptr_array_index (params, i);
      g_autofree char *val = pe_value_format (p->type, &p->value);

      if (p->type == PE_VALUE_TYPE_DATE)
        continue;
      g_print ("      %s: %s%s  “%s”\n", tr (pex, p->label),
               p->bound == PE_BOUND_MAXIMUM ? (pex->lang == PE_LANGUAGE_ZH ? "最高 " : "up to ") :
               p->bound == PE_BOUND_MINIMUM ? (pex->lang == PE_LANGUAGE_ZH ? "不少于 " : "at least ") : "",
               val, p->clause->quote);
    }
  if (pe_document_get_across_rule (doc) != NULL)
    g_print ("      %s “%s”\n", pex->lang == PE_LANGUAGE_ZH ? "与其他政策：" : "with other policies:",
             pe_document_get_across_clause (doc)->quote);
}

int
cmd_compare (Pex   *pex,
             char **args)
{
  GPtrArray *groups = pe_vocabulary_get_groups (pe_vocabulary_get_default ());
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status = 0;
  gboolean found = FALSE;

  if (args[0] != NULL && args[1] != NULL)
    return fail (pex, EXIT_USAGE, "usage: pex compare [GROUP]");
  if (args[0] != NULL && pe_vocabulary_get_group (pe_vocabulary_get_default (), args[0]) == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      for (guint i = 0; i < groups->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", ((PeGroup *) g_ptr_array_index (groups, i))->id);
      return fail (pex, EXIT_USAGE, "no group “%s” (groups: %s)",
                   g_utf8_validate (args[0], -1, NULL) ? args[0] : "…", ids->str);
    }
  docs = load_documents (pex, &status);

  json_builder_begin_array (b);
  for (guint i = 0; i < groups->len; i++)
    {
      PeGroup *g = g_ptr_array_index (groups, i);

      if (args[0] != NULL && !g_str_equal (args[0], g->id))
        continue;
      found = TRUE;
      if (pex->json)
        {
          json_builder_begin_object (b);
          add_string (b, "id", g->id);
          add_text (b, "title", g->title);
          add_text (b, "description", g->description);
          json_builder_set_member_name (b, "members");
          json_builder_begin_array (b);
        }
      else
        g_print ("%s%s — %s\n", i && args[0] == NULL ? "\n" : "", tr (pex, g->title), g->id);

      for (guint d = 0; d < docs->len; d++)
        {
          GPtrArray *calcs = pe_document_get_calculators (g_ptr_array_index (docs, d));

          for (guint c = 0; c < calcs->len; c++)
            {
              PeCalculator *calc = g_ptr_array_index (calcs, c);

              if (g_strcmp0 (calc->group, g->id) != 0)
                continue;
              if (pex->json)
                {
                  PeDocument *doc = calc->document;
                  json_builder_begin_object (b);
                  add_string (b, "document", pe_document_get_id (doc));
                  add_string (b, "calculator", calc->id);
                  add_string (b, "measure", calc->measure_id);
                  add_text (b, "title", calc->title);
                  add_text (b, "issuer", pe_document_get_issuer (doc));
                  add_string (b, "across_rule", pe_document_get_across_rule (doc));
                  if (pe_document_get_across_clause (doc) != NULL)
                    add_string (b, "across_clause", pe_document_get_across_clause (doc)->quote);
                  json_builder_end_object (b);
                }
              else
                print_member (pex, calc);
            }
        }
      if (pex->json)
        {
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  if (pex->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      print_json (root);
    }
  (void) found;
  return status;
}

/* ---- pex report ----------------------------------------------------------- */

int
cmd_report (Pex   *pex,
            char **args)
{
  if (args[0] == NULL || args[1] != NULL || pex->out == NULL)
    return fail (pex, EXIT_USAGE, "usage: pex report PROFILE --out REPORT.pdf|RESULTS.csv [--as-of DATE]");
  return cmd_assess (pex, args);
}
