/* pe-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a CSV file with a header row: one column per profile key
 * (a fact id such as enterprise.high_tech, or DOCUMENT/CALCULATOR/FIELD),
 * and optionally "name", "subject" (enterprise or person), "as_of"
 * (YYYY-MM-DD) and "issue_date:DOCUMENT". Each further row is a profile;
 * an empty cell is a value not set. The output has a row per profile and
 * calculator run (pe_assessment_append_csv_rows()), or with json a JSON
 * object per line.
 *
 * A header that names no known key stops the run before any work: it is a
 * mistake in the whole file. A row that cannot be read, or that holds a
 * value a calculator would refuse, is reported with its line and skipped;
 * the run goes on. One row is held at a time, so memory does not grow
 * with the file.
 */
#define G_LOG_DOMAIN "pe-batch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pe-batch.h"
#include "pe-csv.h"
#include "pe-document.h"
#include "pe-error.h"
#include "pe-vocabulary.h"

#define FLUSH_BYTES (64 * 1024)

typedef enum
{
  COLUMN_KEY,
  COLUMN_NAME,
  COLUMN_SUBJECT,
  COLUMN_AS_OF,
  COLUMN_ISSUE_DATE,
} ColumnKind;

typedef struct
{
  ColumnKind  kind;
  char       *key;        /* the profile key, or the document of an issue date */
  PeField    *fact;       /* a fact of the vocabulary, checked as such */
  GPtrArray  *fields;     /* otherwise: the fields that read the key */
} Column;

static void
column_free (Column *c)
{
  g_free (c->key);
  g_clear_pointer (&c->fields, g_ptr_array_unref);
  g_free (c);
}

/* Every field of the documents that reads @key. */
static GPtrArray *
fields_reading (GPtrArray  *documents,
                const char *key)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (guint d = 0; d < documents->len; d++)
    {
      GPtrArray *calcs = pe_document_get_calculators (g_ptr_array_index (documents, d));

      for (guint c = 0; c < calcs->len; c++)
        {
          PeCalculator *calc = g_ptr_array_index (calcs, c);

          for (guint f = 0; f < calc->fields->len; f++)
            {
              PeField *field = g_ptr_array_index (calc->fields, f);
              g_autofree char *k = pe_profile_key_for_field (calc, field);

              if (g_str_equal (k, key))
                g_ptr_array_add (fields, field);
            }
        }
    }
  return fields;
}

static Column *
read_column (const char  *name,
             guint        index,
             GPtrArray   *documents,
             GError     **error)
{
  Column *c = g_new0 (Column, 1);
  g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 80));

  if (g_str_equal (name, "name"))
    c->kind = COLUMN_NAME;
  else if (g_str_equal (name, "subject"))
    c->kind = COLUMN_SUBJECT;
  else if (g_str_equal (name, "as_of"))
    c->kind = COLUMN_AS_OF;
  else if (g_str_has_prefix (name, "issue_date:"))
    {
      c->kind = COLUMN_ISSUE_DATE;
      c->key = g_strdup (name + strlen ("issue_date:"));
    }
  else if (!pe_profile_key_is_valid (name))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("line 1: column %u “%s” is neither a fact id (enterprise.high_tech), "
                     "nor DOCUMENT/CALCULATOR/FIELD, nor name, subject, as_of or issue_date:DOCUMENT"),
                   index + 1, shown);
      column_free (c);
      return NULL;
    }
  else
    {
      c->kind = COLUMN_KEY;
      c->key = g_strdup (name);
      c->fact = pe_vocabulary_get_fact (pe_vocabulary_get_default (), name);
      c->fields = fields_reading (documents, name);
      if (c->fact == NULL && c->fields->len == 0)
        {
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("line 1: column %u “%s”: no active document has such a fact or input"),
                       index + 1, shown);
          column_free (c);
          return NULL;
        }
    }
  return c;
}

/* The value of a cell as every reader of it would read it. */
static gboolean
check_cell (Column      *c,
            const char  *text,
            GError     **error)
{
  PeValue v;
  g_autoptr(GError) local = NULL;

  if (c->fact != NULL)
    {
      if (!pe_field_parse (c->fact, text, &v, &local))
        goto refused;
      return TRUE;
    }
  for (guint i = 0; i < c->fields->len; i++)
    if (!pe_field_parse (g_ptr_array_index (c->fields, i), text, &v, &local))
      goto refused;
  return TRUE;

refused:
  g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT, _("column “%s”: %s"), c->key, local->message);
  return FALSE;
}

static PeProfile *
profile_from_row (GPtrArray  *columns,
                  GStrv       cells,
                  guint       line,
                  GError    **error)
{
  g_autoptr(PeProfile) p = pe_profile_new ("enterprise");
  guint n = g_strv_length (cells);

  if (n != columns->len)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("line %u: %u fields where the header has %u"), line, n, columns->len);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      Column *c = g_ptr_array_index (columns, i);
      const char *text = cells[i];
      guint32 date = 0;
      g_autoptr(GError) local = NULL;

      if (*text == '\0')
        continue;
      switch (c->kind)
        {
        case COLUMN_NAME:
          pe_profile_set_name (p, text);
          break;
        case COLUMN_SUBJECT:
          if (!g_str_equal (text, "enterprise") && !g_str_equal (text, "person"))
            {
              g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                           _("line %u: column “subject”: expected enterprise or person"), line);
              return NULL;
            }
          pe_profile_set_subject (p, text);
          break;
        case COLUMN_AS_OF:
        case COLUMN_ISSUE_DATE:
          if (!pe_date_parse (text, &date))
            {
              g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                           _("line %u: column “%s”: not a date written YYYY-MM-DD"),
                           line, c->kind == COLUMN_AS_OF ? "as_of" : c->key);
              return NULL;
            }
          if (c->kind == COLUMN_AS_OF)
            pe_profile_set_as_of (p, date);
          else
            pe_profile_set_issue_date (p, c->key, date);
          break;
        case COLUMN_KEY:
          if (!check_cell (c, text, &local))
            {
              g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT, _("line %u: %s"), line, local->message);
              return NULL;
            }
          pe_profile_set_value (p, c->key, text);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_steal_pointer (&p);
}

static gboolean
flush (GOutputStream  *output,
       GString        *buffer,
       GError        **error)
{
  if (buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (output, buffer->str, buffer->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

static void
append_json_rows (PeAssessment *a,
                  guint         line,
                  GString      *out)
{
  g_autoptr(JsonNode) root = pe_assessment_to_json (a);
  JsonObject *o = json_node_get_object (root);
  JsonArray *results = json_object_get_array_member (o, "results");
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *item = json_array_get_element (results, i);
      JsonObject *io = json_node_get_object (item);
      g_autofree char *text = NULL;

      json_object_set_int_member (io, "line", line);
      if (json_object_has_member (o, "profile"))
        json_object_set_string_member (io, "profile", json_object_get_string_member (o, "profile"));
      json_object_set_string_member (io, "as_of", json_object_get_string_member (o, "as_of"));
      json_generator_set_root (gen, item);
      text = json_generator_to_data (gen, NULL);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
}

/**
 * pe_batch_run:
 * @input: the CSV of profiles
 * @output: where the results go
 * @stats: (out) (optional): what was done
 * @error: a failure of the whole run: a bad header, or a stream that fails
 *
 * Returns: %FALSE when the run could not be done or finished; rows refused
 *   are not a failure of the run
 */
gboolean
pe_batch_run (GInputStream          *input,
              GOutputStream         *output,
              const PeBatchOptions  *options,
              PeBatchStats          *stats,
              GError               **error)
{
  g_autoptr(PeCsvReader) reader = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) local = NULL;
  GString *buffer = NULL;
  PeBatchStats st = { 0 };
  PeCsvStatus status;
  gboolean ok = TRUE;
  guint line = 0;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (options != NULL && options->documents != NULL, FALSE);

  reader = pe_csv_reader_new (input);
  status = pe_csv_reader_read_row (reader, &header, &line, &local);
  if (status == PE_CSV_END)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT, _("the file is empty: it needs a header row"));
      return FALSE;
    }
  if (status != PE_CSV_ROW)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("the header: "));
      return FALSE;
    }

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  for (guint i = 0; header[i] != NULL; i++)
    {
      Column *c = read_column (header[i], i, options->documents, error);
      if (c == NULL)
        return FALSE;
      for (guint j = 0; j < columns->len; j++)
        {
          Column *o = g_ptr_array_index (columns, j);
          if (o->kind == c->kind && g_strcmp0 (o->key, c->key) == 0)
            {
              g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                           _("line 1: column %u “%s” is there twice"), i + 1, header[i]);
              column_free (c);
              return FALSE;
            }
        }
      g_ptr_array_add (columns, c);
    }

  pe_csv_reader_set_names (reader, (const char * const *) header);
  buffer = g_string_sized_new (FLUSH_BYTES * 2);
  if (!options->json)
    pe_assessment_append_csv_header (buffer, TRUE);

  for (;;)
    {
      g_auto(GStrv) cells = NULL;
      g_autoptr(PeProfile) profile = NULL;
      g_autoptr(PeAssessment) a = NULL;
      g_autoptr(GError) problem = NULL;

      status = pe_csv_reader_read_row (reader, &cells, &line, &problem);
      if (status == PE_CSV_END)
        break;
      if (status == PE_CSV_FAILED)
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          ok = FALSE;
          break;
        }
      if (status == PE_CSV_ROW)
        profile = profile_from_row (columns, cells, line, &problem);
      if (profile == NULL)
        {
          st.bad_rows++;
          if (options->bad_row != NULL)
            options->bad_row (line, problem, options->user_data);
          continue;
        }

      a = pe_assessment_new (profile, options->documents, options->as_of);
      st.profiles++;
      st.results += pe_assessment_get_items (a)->len;
      if (options->json)
        append_json_rows (a, line, buffer);
      else
        pe_assessment_append_csv_rows (a, buffer, line, options->language);

      if (buffer->len >= FLUSH_BYTES)
        {
          if (!flush (output, buffer, error))
            {
              ok = FALSE;
              break;
            }
          if (options->progress != NULL)
            options->progress (&st, options->user_data);
        }
    }

  if (ok)
    ok = flush (output, buffer, error);
  if (options->progress != NULL)
    options->progress (&st, options->user_data);
  g_string_free (buffer, TRUE);
  if (stats != NULL)
    *stats = st;
  return ok;
}
