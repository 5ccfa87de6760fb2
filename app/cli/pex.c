/* pex.c — Policy Explorer on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same core and plugins as the window, without a display:
 *   pex list | show DOC [MEASURE] | calculators DOC | calc DOC CALC key=value…
 *   pex charts DOC | chart DOC CHART --out FILE.{png,svg,pdf,csv}
 * Exit status: 0 on success, 2 on bad usage or invalid input, 1 when a
 * plugin or its data fails.
 */
#define G_LOG_DOMAIN "pex"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pex-private.h"

int
fail (Pex        *pex,
      int         status,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  if (pex->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, msg);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      text = json_generator_to_data (gen, NULL);
      g_print ("%s\n", text);
    }
  g_printerr ("pex: %s\n", msg);
  return status;
}

void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

const char *
tr (Pex          *pex,
    const PeText *text)
{
  return pe_text_get (text, pex->lang);
}

/* @text followed by spaces up to @width columns of a terminal: printf's
 * widths count bytes, and a Chinese character is three bytes wide in
 * UTF-8 and two columns on screen. Text wider than @width is kept whole. */
char *
pad_to_columns (const char *text,
                guint       width)
{
  GString *s = g_string_new (text);
  guint columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iswide (c))
        columns += 2;
      else if (!g_unichar_iszerowidth (c))
        columns += 1;
    }
  for (; columns < width; columns++)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

void
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
  json_builder_set_member_name (b, "en");
  json_builder_add_string_value (b, text->en);
  json_builder_end_object (b);
}

void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_date (JsonBuilder *b,
          const char  *name,
          guint32      julian)
{
  g_autofree char *s = julian ? pe_date_to_string (julian) : NULL;
  add_string (b, name, s);
}

PeDocument *
find_document (Pex         *pex,
               const char  *id,
               int         *status)
{
  PeasPluginInfo *info = pe_plugins_engine_find_document (pex->engine, id);
  g_autoptr(GError) error = NULL;
  PeDocument *doc;

  if (info == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      /* a plugin that failed says so, rather than "no such document" */
      for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (pex->engine)); l; l = l->next)
        {
          const GError *e = pe_plugins_engine_get_plugin_error (pex->engine, l->data);
          if (e != NULL && g_strcmp0 (pe_plugin_info_get_document_id (l->data), id) == 0)
            {
              *status = fail (pex, EXIT_FAILURE, "the plugin “%s” (%s) providing “%s” was not loaded: %s",
                              peas_plugin_info_get_name (l->data), peas_plugin_info_get_module_dir (l->data),
                              id, e->message);
              return NULL;
            }
        }
      GList *list = pe_plugins_engine_get_document_plugins (pex->engine);

      for (GList *l = list; l; l = l->next)
        g_string_append_printf (ids, "%s%s", l == list ? "" : ", ", pe_plugin_info_get_document_id (l->data));
      g_list_free (list);
      *status = fail (pex, EXIT_USAGE, "no document “%s” (documents: %s)", id, ids->str);
      return NULL;
    }
  doc = pe_plugins_engine_get_document (pex->engine, info, &error);
  if (doc == NULL)
    *status = fail (pex, EXIT_FAILURE, "%s", error->message);
  return doc;
}

/* For people; --json says pe_in_force_to_string()'s words. */
static const char *
in_force_words (Pex       *pex,
                PeInForce  f)
{
  gboolean zh = pex->lang == PE_LANGUAGE_ZH;

  switch (f)
    {
    case PE_IN_FORCE_YES:
      return zh ? "有效" : "in force";
    case PE_IN_FORCE_NOT_YET:
      return zh ? "尚未施行" : "not yet in force";
    case PE_IN_FORCE_EXPIRED:
      return zh ? "已失效" : "expired";
    case PE_IN_FORCE_UNKNOWN:
    default:
      return zh ? "无法判断" : "not known";
    }
}

static const char *
validity_summary (Pex        *pex,
                  PeDocument *doc,
                  guint32     as_of,
                  char      **owned)
{
  guint32 start, end;
  PeInForce f = pe_document_in_force (doc, as_of, pex->issue_date, &start, &end);
  /* "-": the text states no such date; "?": it follows from a date the
   * text does not give (the legend is printed under the list) */
  g_autofree char *s = start ? pe_date_to_string (start)
                             : g_strdup (pe_document_get_start_rule (doc) == PE_DATE_RULE_NOT_STATED ? "-" : "?");
  g_autofree char *e = end ? pe_date_to_string (end)
                           : g_strdup (pe_document_get_end_rule (doc) == PE_DATE_RULE_NOT_STATED ? "-" : "?");

  *owned = g_strdup_printf ("%s … %s (%s)", s, e, in_force_words (pex, f));
  return *owned;
}

static int
cmd_list (Pex *pex)
{
  GList *list = pe_plugins_engine_get_document_plugins (pex->engine);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status = 0;

  pe_plugins_engine_read_documents (pex->engine, list);

  json_builder_begin_array (b);
  for (GList *l = list; l; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      g_autoptr(GError) error = NULL;
      PeDocument *doc = pe_plugins_engine_get_document (pex->engine, info, &error);
      g_autofree char *validity = NULL;
      guint32 start, end;

      if (doc == NULL)
        {
          /* one broken plugin does not hide the others */
          g_printerr ("pex: %s\n", error->message);
          status = EXIT_FAILURE;
          if (pex->json)
            {
              json_builder_begin_object (b);
              add_string (b, "id", pe_plugin_info_get_document_id (info));
              add_string (b, "error", error->message);
              json_builder_end_object (b);
            }
          continue;
        }

      if (pex->json)
        {
          PeInForce f = pe_document_in_force (doc, pex->as_of, pex->issue_date, &start, &end);

          json_builder_begin_object (b);
          add_string (b, "id", pe_document_get_id (doc));
          add_text (b, "title", pe_document_get_title (doc));
          add_string (b, "number", pe_document_get_number (doc));
          add_date (b, "issue_date", pe_document_get_issue_date (doc));
          add_date (b, "valid_from", start);
          add_date (b, "valid_to", end);
          add_string (b, "in_force", pe_in_force_to_string (f));
          json_builder_set_member_name (b, "measures");
          json_builder_add_int_value (b, pe_document_count_measures (doc));
          json_builder_set_member_name (b, "calculators");
          json_builder_add_int_value (b, pe_document_get_calculators (doc)->len);
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *title = pad_to_columns (tr (pex, pe_document_get_short_title (doc)), 40);

          g_print (pex->lang == PE_LANGUAGE_ZH ? "%-24s %s %3u 项措施 %3u 个计算器  %s\n"
                                               : "%-24s %s %3u measures %3u calculators  %s\n",
                   pe_document_get_id (doc), title,
                   pe_document_count_measures (doc), pe_document_get_calculators (doc)->len,
                   validity_summary (pex, doc, pex->as_of, &validity));
        }
    }
  /* plugins that did not load at all */
  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (pex->engine)); l; l = l->next)
    {
      const GError *e = pe_plugins_engine_get_plugin_error (pex->engine, l->data);

      if (e == NULL || pe_plugins_engine_is_active (pex->engine, l->data))
        continue;
      status = EXIT_FAILURE;
      g_printerr ("pex: the plugin “%s” (%s) was not loaded: %s\n", peas_plugin_info_get_name (l->data),
                  peas_plugin_info_get_module_dir (l->data), e->message);
      if (pex->json)
        {
          json_builder_begin_object (b);
          add_string (b, "id", pe_plugin_info_get_document_id (l->data));
          add_string (b, "plugin", peas_plugin_info_get_module_name (l->data));
          add_string (b, "error", e->message);
          json_builder_end_object (b);
        }
    }
  /* .plugin files that give no plugin (malformed, no Module, an id taken) */
  {
    GPtrArray *file_errors = pe_plugins_engine_get_file_errors (pex->engine);

    for (guint i = 0; i < file_errors->len; i++)
      {
        const GError *e = g_ptr_array_index (file_errors, i);

        status = EXIT_FAILURE;
        g_printerr ("pex: %s\n", e->message);
        if (pex->json)
          {
            json_builder_begin_object (b);
            add_string (b, "error", e->message);
            json_builder_end_object (b);
          }
      }
  }
  json_builder_end_array (b);
  g_list_free (list);
  if (!pex->json)
    {
      g_autofree char *as_of = pe_date_to_string (pex->as_of);

      g_print (pex->lang == PE_LANGUAGE_ZH
               ? "（截至 %s。有效期：“-” 原文未规定；“?” 取决于原文未载明的日期，如印发日期，可用 --issue-date 给出）\n"
               : "(As of %s. Validity: “-” the text states none; “?” it follows from a date the text does not give, "
                 "such as the issue date: --issue-date gives it.)\n", as_of);
    }

  if (pex->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      print_json (root);
    }
  return status;
}

static void
measure_to_json (JsonBuilder *b,
                 PeMeasure   *m)
{
  json_builder_begin_object (b);
  add_string (b, "id", m->id);
  add_string (b, "number", m->number);
  add_string (b, "kind", m->kind);
  add_text (b, "title", m->title);
  add_text (b, "text", m->text);
  add_string (b, "deadline", m->deadline);
  json_builder_set_member_name (b, "units");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->units->len; i++)
    {
      const PeText *t = g_ptr_array_index (m->units, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "zh");
      json_builder_add_string_value (b, t->zh);
      json_builder_set_member_name (b, "en");
      json_builder_add_string_value (b, t->en);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "targets");
  json_builder_begin_array (b);
  for (guint i = 0; i < m->targets->len; i++)
    {
      PeTarget *t = g_ptr_array_index (m->targets, i);
      g_autofree char *q = pe_rational_to_string (t->quantity, 6);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, t->year);
      add_string (b, "quantity", q);
      add_string (b, "bound", t->bound == PE_BOUND_MINIMUM ? "min" : t->bound == PE_BOUND_MAXIMUM ? "max" : "exact");
      add_text (b, "label", t->label);
      add_text (b, "unit", t->unit);
      add_string (b, "quote", t->clause->quote);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_measure (Pex       *pex,
               PeMeasure *m)
{
  g_print ("%s%s%s\n", m->number ? m->number : "", pe_measure_number_separator (m), m->title->zh);
  g_print ("%s\n\n", m->title->en);
  g_print ("%s\n\n%s\n", m->text->zh, m->text->en);
  if (m->units->len > 0)
    {
      g_print ("\n%s:", pex->lang == PE_LANGUAGE_ZH ? "责任单位" : "Responsible units");
      for (guint i = 0; i < m->units->len; i++)
        g_print ("%s %s", i ? ";" : "", tr (pex, g_ptr_array_index (m->units, i)));
      g_print ("\n");
    }
  if (m->deadline)
    g_print ("%s: %s\n", pex->lang == PE_LANGUAGE_ZH ? "完成时间" : "Completion", m->deadline);
  for (guint i = 0; i < m->targets->len; i++)
    {
      PeTarget *t = g_ptr_array_index (m->targets, i);
      g_autofree char *q = pe_rational_to_string (t->quantity, 4);
      g_print ("%s %d: %s %s%s %s\n", pex->lang == PE_LANGUAGE_ZH ? "目标" : "Target", t->year,
               tr (pex, t->label), q, t->bound == PE_BOUND_MINIMUM ? "+" : "", tr (pex, t->unit));
    }
}

static void
list_to_json (JsonBuilder *b,
              PeItemList  *list)
{
  json_builder_begin_object (b);
  add_string (b, "id", list->id);
  add_text (b, "title", list->title);
  add_string (b, "measure", list->clause->measure_id);
  add_string (b, "quote", list->clause->quote);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < list->items->len; i++)
    {
      const PeText *t = g_ptr_array_index (list->items, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "zh");
      json_builder_add_string_value (b, t->zh);
      json_builder_set_member_name (b, "en");
      json_builder_add_string_value (b, t->en);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_list (Pex        *pex,
            PeItemList *list)
{
  gboolean zh = pex->lang == PE_LANGUAGE_ZH;

  g_print ("\n%s%s%u%s\n", tr (pex, list->title), zh ? "：共 " : ": ", list->items->len, zh ? " 项" : " items");
  g_print ("  [%s %s] “%s”\n", zh ? "措施" : "measure", list->clause->measure_id, list->clause->quote);
  for (guint i = 0; i < list->items->len; i++)
    {
      const PeText *t = g_ptr_array_index (list->items, i);
      g_print ("  %3u. %s — %s\n", i + 1, t->zh, t->en);
    }
}

static int
cmd_show (Pex   *pex,
          char **args)
{
  int status = 0;
  PeDocument *doc;

  if (args[0] == NULL || (args[1] != NULL && args[2] != NULL))
    return fail (pex, EXIT_USAGE, "usage: pex show DOC [MEASURE]");
  if ((doc = find_document (pex, args[0], &status)) == NULL)
    return status;

  if (args[1] != NULL)
    {
      PeMeasure *m = pe_document_get_measure (doc, args[1]);

      if (m == NULL)
        return fail (pex, EXIT_USAGE, "no measure “%s” in “%s”", args[1], args[0]);
      if (pex->json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;
          measure_to_json (b, m);
          root = json_builder_get_root (b);
          print_json (root);
        }
      else
        {
          GPtrArray *lists = pe_document_get_lists (doc);

          print_measure (pex, m);
          /* the lists this measure enumerates */
          for (guint i = 0; i < lists->len; i++)
            {
              PeItemList *list = g_ptr_array_index (lists, i);
              if (g_str_equal (list->clause->measure_id, m->id))
                print_list (pex, list);
            }
        }
      return 0;
    }

  if (pex->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      GPtrArray *ms = pe_document_get_measures (doc);

      json_builder_begin_object (b);
      add_string (b, "id", pe_document_get_id (doc));
      add_string (b, "version", pe_document_get_version (doc));
      add_text (b, "title", pe_document_get_title (doc));
      add_text (b, "issuer", pe_document_get_issuer (doc));
      add_string (b, "number", pe_document_get_number (doc));
      add_date (b, "issue_date", pe_document_get_issue_date (doc));
      add_text (b, "validity", pe_document_get_validity_text (doc));
      add_text (b, "interpreter", pe_document_get_interpreter (doc));
      add_text (b, "stacking", pe_document_get_stacking_reading (doc));
      json_builder_set_member_name (b, "measures");
      json_builder_begin_array (b);
      for (guint i = 0; i < ms->len; i++)
        measure_to_json (b, g_ptr_array_index (ms, i));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "lists");
      json_builder_begin_array (b);
      for (guint i = 0; i < pe_document_get_lists (doc)->len; i++)
        list_to_json (b, g_ptr_array_index (pe_document_get_lists (doc), i));
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      print_json (root);
    }
  else
    {
      GPtrArray *ms = pe_document_get_measures (doc);
      g_autofree char *validity = NULL;

      g_print ("%s\n%s\n", pe_document_get_title (doc)->zh, pe_document_get_title (doc)->en);
      g_print ("%s %s\n", tr (pex, pe_document_get_issuer (doc)),
               pe_document_get_number (doc) ? pe_document_get_number (doc) : "");
      g_print ("%s: %s\n", pex->lang == PE_LANGUAGE_ZH ? "有效期" : "Validity",
               validity_summary (pex, doc, pex->as_of, &validity));
      g_print ("%s\n", tr (pex, pe_document_get_validity_text (doc)));
      for (guint i = 0; i < ms->len; i++)
        {
          PeMeasure *m = g_ptr_array_index (ms, i);
          g_print ("  %-10s %s\n", m->id, tr (pex, m->title));
        }
      for (guint i = 0; i < pe_document_get_lists (doc)->len; i++)
        print_list (pex, g_ptr_array_index (pe_document_get_lists (doc), i));
    }
  return 0;
}

/* A bound as it is typed: a percentage in percent (100 for 100 %), as the
 * data file writes it and the form reads it. */
static char *
format_rational_field (PeField          *f,
                       const PeRational *r)
{
  PeValue v = { .kind = PE_VALUE_NUMBER, .number = *r };

  if (f->type == PE_VALUE_TYPE_PERCENT && pe_rational_mul (*r, PE_RATIONAL_INIT (100), &v.number))
    return pe_rational_to_string (v.number, 6);
  return pe_value_to_string (f->type, &v);
}

static int
cmd_calculators (Pex   *pex,
                 char **args)
{
  int status = 0;
  PeDocument *doc;
  GPtrArray *calcs;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (args[0] == NULL || args[1] != NULL)
    return fail (pex, EXIT_USAGE, "usage: pex calculators DOC");
  if ((doc = find_document (pex, args[0], &status)) == NULL)
    return status;

  calcs = pe_document_get_calculators (doc);
  json_builder_begin_array (b);
  for (guint i = 0; i < calcs->len; i++)
    {
      PeCalculator *c = g_ptr_array_index (calcs, i);

      if (pex->json)
        {
          json_builder_begin_object (b);
          add_string (b, "id", c->id);
          add_string (b, "measure", c->measure_id);
          add_string (b, "category", c->category);
          add_string (b, "subject", c->subject);
          add_string (b, "group", c->group);
          add_text (b, "title", c->title);
          json_builder_set_member_name (b, "has_amount");
          json_builder_add_boolean_value (b, pe_calculator_has_amount (c));
          json_builder_set_member_name (b, "fields");
          json_builder_begin_array (b);
        }
      else
        g_print ("%s  (%s %s%s%s%s%s)  %s\n", c->id, pex->lang == PE_LANGUAGE_ZH ? "措施" : "measure",
                 c->measure_id, g_str_equal (c->subject, "enterprise") ? "" : ", ",
                 g_str_equal (c->subject, "enterprise") ? "" : c->subject,
                 c->group ? ", group " : "", c->group ? c->group : "", tr (pex, c->title));

      for (guint j = 0; j < c->fields->len; j++)
        {
          PeField *f = g_ptr_array_index (c->fields, j);
          g_autofree char *min = f->has_min ? format_rational_field (f, &f->min) : NULL;
          g_autofree char *max = f->has_max ? format_rational_field (f, &f->max) : NULL;
          g_autoptr(GString) choices = g_string_new (NULL);

          if (f->choices != NULL)
            for (guint k = 0; k < f->choices->len; k++)
              g_string_append_printf (choices, "%s%s", k ? "|" : "",
                                      ((PeChoice *) g_ptr_array_index (f->choices, k))->id);

          if (pex->json)
            {
              json_builder_begin_object (b);
              add_string (b, "id", f->id);
              add_string (b, "type", pe_value_type_to_string (f->type));
              add_string (b, "role", f->role == PE_FIELD_ROLE_READING ? "reading" : "input");
              {
                g_autofree char *key = pe_profile_key_for_field (c, f);
                add_string (b, "fact", f->fact);
                add_string (b, "profile_key", key);
              }
              add_text (b, "label", f->label);
              add_text (b, "unit", f->unit);
              add_string (b, "min", min);
              add_string (b, "max", max);
              json_builder_set_member_name (b, "required");
              json_builder_add_boolean_value (b, f->required);
              add_string (b, "default", f->default_value);
              if (f->choices != NULL)
                {
                  json_builder_set_member_name (b, "choices");
                  json_builder_begin_array (b);
                  for (guint k = 0; k < f->choices->len; k++)
                    {
                      PeChoice *ch = g_ptr_array_index (f->choices, k);
                      json_builder_begin_object (b);
                      add_string (b, "id", ch->id);
                      add_text (b, "label", ch->label);
                      json_builder_end_object (b);
                    }
                  json_builder_end_array (b);
                }
              json_builder_end_object (b);
            }
          else
            g_print ("    %-22s %-8s%s%s%s%s%s%s%s%s%s%s  %s\n", f->id, pe_value_type_to_string (f->type),
                     f->fact ? " fact=" : "", f->fact ? f->fact : "",
                     f->required ? " required" : "",
                     min ? " min=" : "", min ? min : "", max ? " max=" : "", max ? max : "",
                     choices->len ? " " : "", choices->str,
                     f->default_value ? " (default)" : "",
                     tr (pex, f->label));
        }

      if (pex->json)
        {
          json_builder_end_array (b);
          json_builder_set_member_name (b, "outputs");
          json_builder_begin_array (b);
          {
            g_autoptr(GPtrArray) outs = pe_calculator_list_outputs (c);
            for (guint j = 0; j < outs->len; j++)
              {
                PeOutput *o = g_ptr_array_index (outs, j);
                json_builder_begin_object (b);
                add_string (b, "id", o->id);
                add_string (b, "type", pe_value_type_to_string (o->type));
                add_text (b, "label", o->label);
                json_builder_end_object (b);
              }
          }
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
  return 0;
}

void
print_result (Pex          *pex,
              PeCalculator *calc,
              PeResult     *r)
{
  GPtrArray *trace = pe_result_get_trace (r);
  GPtrArray *outputs = pe_result_get_outputs (r);
  GPtrArray *readings = pe_result_get_readings (r);
  gboolean zh = pex->lang == PE_LANGUAGE_ZH;

  g_print ("%s\n", tr (pex, calc->title));
  switch (pe_result_get_verdict (r))
    {
    case PE_VERDICT_ELIGIBLE:
      g_print ("%s\n", zh ? "结论：符合条件" : "Verdict: eligible");
      break;
    case PE_VERDICT_NOT_ELIGIBLE:
      {
        PeTraceStep *f = pe_result_get_failed_step (r);
        g_print ("%s %s\n", zh ? "结论：不符合条件 —" : "Verdict: not eligible —",
                 tr (pex, f->note ? f->note : f->label));
        if (f->clause)
          g_print ("  [%s %s] “%s”\n", zh ? "措施" : "measure", f->clause->measure_id, f->clause->quote);
      }
      break;
    case PE_VERDICT_CANNOT_DECIDE:
      {
        GStrv missing = pe_result_get_missing (r);
        g_autofree char *list = missing ? g_strjoinv (", ", missing) : g_strdup ("");
        g_print ("%s %s\n", zh ? "结论：无法判断，缺少：" : "Verdict: cannot decide, missing:", list);
      }
      break;
    default:
      break;
    }

  {
    gint64 potential;
    gboolean pmax;

    if (pe_result_get_amount_if_in_force (r, &potential, &pmax))
      {
        g_autofree char *amount = pe_yuan_format (potential);
        g_print ("%s %s%s\n", zh ? "有效期内金额：" : "Amount while in force:",
                 pmax ? (zh ? "最高 " : "up to ") : "", amount);
      }
  }
  if (!pex->as_of_given)
    g_print ("%s\n", zh ? "未检查有效期（可用 --as-of 指定日期）" : "Validity not checked (give --as-of DATE to check it)");
  if (pe_result_has_amount (r))
    {
      g_autofree char *amount = pe_yuan_format (pe_result_get_amount (r));
      g_print ("%s %s%s\n", zh ? "金额：" : "Amount:", pe_result_get_is_maximum (r) ? (zh ? "最高 " : "up to ") : "", amount);
    }
  for (guint i = 0; i < outputs->len; i++)
    {
      PeOutput *o = g_ptr_array_index (outputs, i);
      const char *choice = pe_output_format_choice (o, pex->lang);
      g_autofree char *v = choice ? g_strdup (choice) : pe_value_format (o->type, &o->value);
      g_print ("  %s: %s%s\n", tr (pex, o->label),
               o->value.is_maximum ? (zh ? "最高 " : "up to ") : "", v);
    }

  if (readings->len > 0)
    {
      g_print ("%s\n", zh ? "采用的理解：" : "Readings taken:");
      for (guint i = 0; i < readings->len; i++)
        g_print ("  - %s\n", tr (pex, g_ptr_array_index (readings, i)));
    }

  g_print ("%s\n", zh ? "计算过程：" : "Trace:");
  for (guint i = 0; i < trace->len; i++)
    {
      PeTraceStep *s = g_ptr_array_index (trace, i);
      g_autofree char *v = pe_trace_step_format_value (s, pex->lang);

      g_print ("  %s = %s%s\n", tr (pex, s->label), s->value.is_maximum ? (zh ? "最高 " : "up to ") : "", v);
      if (s->clause)
        {
          PeMeasure *m = pe_document_get_measure (pe_calculator_get_document (calc), s->clause->measure_id);
          g_print ("      [%s] “%s”\n",
                   m != NULL && g_strcmp0 (m->kind, "provision") == 0 ? tr (pex, m->title) : s->clause->measure_id,
                   s->clause->quote);
        }
    }
}

static int
cmd_calc (Pex   *pex,
          char **args)
{
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(PeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  /* without --as-of, calc answers what the text gives, validity aside */
  PeEvalOptions options = { pex->as_of_given ? pex->as_of : 0, pex->issue_date };
  PeCalculator *calc;
  int status = 0;
  PeDocument *doc;

  if (args[0] == NULL || args[1] == NULL)
    return fail (pex, EXIT_USAGE, "usage: pex calc DOC CALCULATOR key=value…");
  if ((doc = find_document (pex, args[0], &status)) == NULL)
    return status;
  calc = pe_document_get_calculator (doc, args[1]);
  if (calc == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      GPtrArray *calcs = pe_document_get_calculators (doc);
      for (guint i = 0; i < calcs->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", ((PeCalculator *) g_ptr_array_index (calcs, i))->id);
      return fail (pex, EXIT_USAGE, "no calculator “%s” in “%s” (calculators: %s)", args[1], args[0], ids->str);
    }

  inputs = pe_calculator_parse_arguments (calc, (const char * const *) args + 2, pex->lang, &error);
  if (inputs == NULL)
    return fail (pex, EXIT_USAGE, "%s", error->message);

  result = pe_calculator_evaluate (calc, inputs, &options, &error);
  if (result == NULL)
    return fail (pex, g_error_matches (error, PE_ERROR, PE_ERROR_INVALID_DATA) ? EXIT_FAILURE : EXIT_USAGE,
                 "%s", error->message);

  if (pex->json)
    {
      g_autoptr(JsonNode) root = pe_result_to_json (result);
      print_json (root);
    }
  else
    print_result (pex, calc, result);
  return 0;
}

static int
cmd_charts (Pex   *pex,
            char **args)
{
  int status = 0;
  PeDocument *doc;
  GPtrArray *charts;

  if (args[0] == NULL || args[1] != NULL)
    return fail (pex, EXIT_USAGE, "usage: pex charts DOC");
  if ((doc = find_document (pex, args[0], &status)) == NULL)
    return status;
  charts = pe_document_get_charts (doc);
  for (guint i = 0; i < charts->len; i++)
    {
      PeChartSpec *c = g_ptr_array_index (charts, i);
      g_print ("%-20s %-10s %s\n", c->id, c->kind, tr (pex, c->title));
    }
  return 0;
}

static int
cmd_chart (Pex   *pex,
           char **args)
{
  g_autoptr(PeChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  PeChartSpec *spec;
  int status = 0;
  PeDocument *doc;

  if (args[0] == NULL || args[1] == NULL || args[2] != NULL || pex->out == NULL)
    return fail (pex, EXIT_USAGE, "usage: pex chart DOC CHART --out FILE.{png,svg,pdf,csv}");
  if ((doc = find_document (pex, args[0], &status)) == NULL)
    return status;
  spec = pe_document_get_chart (doc, args[1]);
  if (spec == NULL)
    return fail (pex, EXIT_USAGE, "no chart “%s” in “%s”", args[1], args[0]);

  model = pe_chart_build (doc, spec, pex->lang, pex->as_of, &error);
  if (model == NULL)
    return fail (pex, EXIT_FAILURE, "%s", error->message);

  if (g_str_has_suffix (pex->out, ".csv"))
    {
      g_autofree char *csv = pe_chart_model_to_csv (model);
      if (!g_file_set_contents (pex->out, csv, -1, &error))
        return fail (pex, EXIT_FAILURE, "%s", error->message);
    }
  else if (!pex_chart_export (model, pex->out, 720, 420, &error))
    return fail (pex, g_error_matches (error, PE_ERROR, PE_ERROR_NOT_FOUND) ? EXIT_FAILURE : EXIT_USAGE,
                 "%s", error->message);
  return 0;
}

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        data)
{
}

static int
cmd_search (Pex   *pex,
            char **args)
{
  g_autoptr(PeSearchIndex) index = pe_search_index_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  GList *plugins;
  const char *last_doc = NULL;
  gboolean tty = isatty (STDOUT_FILENO);

  if (args[0] == NULL)
    return fail (pex, EXIT_USAGE, "usage: pex search WORDS…");
  query = g_strjoinv (" ", args);
  if (!g_utf8_validate (query, -1, NULL))
    return fail (pex, EXIT_USAGE, "the query is not valid UTF-8 text");

  plugins = pe_plugins_engine_get_document_plugins (pex->engine);
  pe_plugins_engine_read_documents (pex->engine, plugins);
  for (GList *l = plugins; l; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      PeDocument *doc = pe_plugins_engine_get_document (pex->engine, l->data, &error);

      if (doc != NULL)
        pe_search_index_add_document (index, doc);
      else
        g_printerr ("pex: %s\n", error->message);
    }
  g_list_free (plugins);

  hits = pe_search_index_query (index, query, 0);
  if (pex->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < hits->len; i++)
        {
          PeSearchHit *h = g_ptr_array_index (hits, i);
          g_autofree char *match = g_strndup (h->snippet + h->match_start, h->match_length);

          json_builder_begin_object (b);
          add_string (b, "document", h->document_id);
          add_string (b, "measure", h->measure_id);
          add_string (b, "field", h->field);
          if (h->list_id != NULL)
            add_string (b, "list", h->list_id);
          add_string (b, "snippet", h->snippet);
          add_string (b, "match", match);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      print_json (root);
      return 0;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      PeSearchHit *h = g_ptr_array_index (hits, i);
      PeDocument *doc = pe_plugins_engine_get_document (pex->engine,
                                                        pe_plugins_engine_find_document (pex->engine, h->document_id), NULL);
      PeMeasure *m = pe_document_get_measure (doc, h->measure_id);

      if (g_strcmp0 (last_doc, h->document_id) != 0)
        {
          g_print ("%s%s\n", i ? "\n" : "", tr (pex, pe_document_get_title (doc)));
          last_doc = h->document_id;
        }
      g_print ("  %s %s\n    %.*s%s%.*s%s%s\n", h->measure_id,
               h->list_id != NULL ? tr (pex, pe_document_get_list (doc, h->list_id)->title) : tr (pex, m->title),
               (int) h->match_start, h->snippet,
               tty ? "\033[1m" : "[", (int) h->match_length, h->snippet + h->match_start,
               tty ? "\033[0m" : "]", h->snippet + h->match_start + h->match_length);
    }
  if (hits->len == 0)
    g_print ("%s\n", pex->lang == PE_LANGUAGE_ZH ? "没有找到。" : "No measure matches.");
  return 0;
}

static gboolean
parse_date_option (const char  *name,
                   const char  *value,
                   guint32     *out,
                   GError     **error)
{
  if (!pe_date_parse (value, out))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s: “%s” is not a date YYYY-MM-DD between 1900 and 2200", name, value);
      return FALSE;
    }
  return TRUE;
}

/* A one-shot command's memory goes back with the process: freeing the
 * documents node by node cost a tenth of `pex list`. Memory checkers are
 * run with G_DEBUG=gc-friendly, as GLib asks of them, and then everything
 * is freed, so that a block lost is still seen. */
static PePluginsEngine *kept_at_exit;

static gboolean
free_at_exit (void)
{
  static const GDebugKey keys[] = { { "gc-friendly", 1 } };
  const char *debug = g_getenv ("G_DEBUG");

  /* "help" would make GLib list our one key after its own list */
  if (debug == NULL || g_str_equal (debug, "help"))
    return FALSE;
  return g_parse_debug_string (debug, keys, G_N_ELEMENTS (keys)) != 0;
}

static int
run_command (Pex   *pex,
             char **rest)
{
  const char *cmd = rest[0];

  if (g_str_equal (cmd, "list") && rest[1] == NULL)
    return cmd_list (pex);
  if (g_str_equal (cmd, "show"))
    return cmd_show (pex, rest + 1);
  if (g_str_equal (cmd, "calculators"))
    return cmd_calculators (pex, rest + 1);
  if (g_str_equal (cmd, "calc"))
    return cmd_calc (pex, rest + 1);
  if (g_str_equal (cmd, "search"))
    return cmd_search (pex, rest + 1);
  if (g_str_equal (cmd, "charts"))
    return cmd_charts (pex, rest + 1);
  if (g_str_equal (cmd, "chart"))
    return cmd_chart (pex, rest + 1);
  if (g_str_equal (cmd, "facts"))
    return cmd_facts (pex, rest + 1);
  if (g_str_equal (cmd, "assess"))
    return cmd_assess (pex, rest + 1);
  if (g_str_equal (cmd, "report"))
    return cmd_report (pex, rest + 1);
  if (g_str_equal (cmd, "scenario"))
    return cmd_scenario (pex, rest + 1);
  if (g_str_equal (cmd, "batch"))
    return cmd_batch (pex, rest + 1);
  if (g_str_equal (cmd, "compare"))
    return cmd_compare (pex, rest + 1);

  return fail (pex, EXIT_USAGE, "unknown command “%s” (list, show, calculators, calc, search, charts, chart, "
               "facts, assess, report, scenario, batch, compare)",
               g_utf8_validate (cmd, -1, NULL) ? cmd : "…");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *as_of = NULL;
  g_autofree char *issue_date = NULL;
  g_autofree char *second_as_of = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *out = NULL;
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PePluginsEngine) engine = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Machine-readable output", NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, "The date asked about (default: today)", "YYYY-MM-DD" },
    { "issue-date", 0, 0, G_OPTION_ARG_STRING, &issue_date, "A document's issue date, when its text does not give it", "YYYY-MM-DD" },
    { "second-as-of", 0, 0, G_OPTION_ARG_STRING, &second_as_of, "The second date of “scenario” with one profile", "YYYY-MM-DD" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of labels: zh or en (default: from the locale)", "LANG" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Output file of “chart”, “assess”, “report” and “batch”", "FILE" },
    /* as given, not converted: an argument that is not UTF-8 is refused
     * by the command, naming the field, rather than by GOption */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "COMMAND [ARGS…]" },
    { NULL }
  };
  Pex pex = { 0 };
  int status;

  setlocale (LC_ALL, "");
  /* POLICY_EXPLORER_LOCALEDIR: the catalogues of the build directory */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("POLICY_EXPLORER_LOCALEDIR") ? g_getenv ("POLICY_EXPLORER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  ctx = g_option_context_new ("COMMAND");
  g_option_context_set_summary (ctx,
    "Commands:\n"
    "  list                       the documents\n"
    "  show DOC [MEASURE]         a document or one measure, Chinese and English\n"
    "  calculators DOC            each calculator with its fields\n"
    "  calc DOC CALC key=value…   evaluate a calculator\n"
    "  search WORDS…              find measures by words of their Chinese or English\n"
    "  charts DOC                 the charts of a document\n"
    "  chart DOC CHART --out F    export a chart (.png .svg .pdf .csv)\n"
    "  facts                      the facts a profile holds, and who reads them\n"
    "  assess PROFILE             every benefit a saved profile can claim, stacked\n"
    "  report PROFILE --out F     the assessment as a report (.pdf) or table (.csv)\n"
    "  scenario PROFILE [PROFILE2] two profiles, or one at --as-of and --second-as-of\n"
    "  batch PROFILES.csv         a result row per profile and calculator\n"
    "  compare [GROUP]            like support across documents, side by side");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      pex.json = json;
      return fail (&pex, EXIT_USAGE, "%s", error->message);
    }

  pex.json = json;
  pex.out = out;
  pex.lang = lang == NULL ? pe_language_default ()
           : g_str_equal (lang, "zh") ? PE_LANGUAGE_ZH : PE_LANGUAGE_EN;
  if (lang != NULL && !g_str_equal (lang, "zh") && !g_str_equal (lang, "en"))
    return fail (&pex, EXIT_USAGE, "--lang: “%s” is neither zh nor en", lang);

  if (as_of != NULL)
    {
      if (!parse_date_option ("--as-of", as_of, &pex.as_of, &error))
        return fail (&pex, EXIT_USAGE, "%s", error->message);
      pex.as_of_given = TRUE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate d;
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      pex.as_of = g_date_get_julian (&d);
    }
  if (issue_date != NULL && !parse_date_option ("--issue-date", issue_date, &pex.issue_date, &error))
    return fail (&pex, EXIT_USAGE, "%s", error->message);
  if (second_as_of != NULL && !parse_date_option ("--second-as-of", second_as_of, &pex.second_as_of, &error))
    return fail (&pex, EXIT_USAGE, "%s", error->message);

  if (rest == NULL || rest[0] == NULL)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  /* pex reports plugin failures itself; the log's copy only with G_MESSAGES_DEBUG */
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    g_log_set_handler ("pe-plugins", G_LOG_LEVEL_WARNING, quiet_log, NULL);
  engine = pe_plugins_engine_new ();
  pe_plugins_engine_load_all (engine);
  pex.engine = engine;

  status = run_command (&pex, rest);
  /* reachable from here on, so that no checker counts it lost */
  if (!free_at_exit ())
    kept_at_exit = g_steal_pointer (&engine);
  return status;
}
