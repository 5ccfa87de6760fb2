/* pe-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV as RFC 4180 has it, and as spreadsheets write it: fields separated
 * by commas, a field in double quotes may hold commas, line breaks and
 * doubled quotes; lines end with CRLF or LF; a UTF-8 byte-order mark at the
 * start is skipped. The reader holds one row at a time, so a file of any
 * length is read in constant memory. A row that cannot be read (not UTF-8,
 * a quote not closed, longer than PE_CSV_MAX_ROW_BYTES) is reported with
 * the line it starts on, and reading goes on at the next line.
 */
#define G_LOG_DOMAIN "pe-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pe-csv.h"
#include "pe-error.h"

#define CHUNK 65536

struct _PeCsvReader
{
  GInputStream *stream;
  guint8       *buf;
  gsize         len;
  gsize         pos;
  gboolean      eof;
  gboolean      first;
  guint         line;       /* the physical line the next row starts on */
  guint64       bytes_read;
  GString      *field;
  GPtrArray    *fields;
  GStrv         names;      /* the header, to name a column in a message */
};

/**
 * pe_csv_reader_new:
 *
 * Returns: (transfer full): a reader of @stream
 */
PeCsvReader *
pe_csv_reader_new (GInputStream *stream)
{
  PeCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (PeCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buf = g_malloc (CHUNK);
  self->first = TRUE;
  self->line = 1;
  self->field = g_string_sized_new (64);
  self->fields = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
pe_csv_reader_free (PeCsvReader *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_free (self->buf);
  g_string_free (self->field, TRUE);
  g_ptr_array_unref (self->fields);
  g_strfreev (self->names);
  g_free (self);
}

guint64
pe_csv_reader_get_bytes_read (PeCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_read;
}

/* The next byte, or -1 at the end; -2 when the stream fails. */
static int
next_byte (PeCsvReader  *self,
           GError      **error)
{
  if (self->pos == self->len)
    {
      gssize n;

      if (self->eof)
        return -1;
      n = g_input_stream_read (self->stream, self->buf, CHUNK, NULL, error);
      if (n < 0)
        return -2;
      if (n == 0)
        {
          self->eof = TRUE;
          return -1;
        }
      self->len = (gsize) n;
      self->pos = 0;
      self->bytes_read += (guint64) n;
    }
  return self->buf[self->pos++];
}

static int
peek_byte (PeCsvReader  *self,
           GError      **error)
{
  int c = next_byte (self, error);

  if (c >= 0)
    self->pos--;
  return c;
}

/* After a bad row: on to the next line end, so reading can go on. */
static int
skip_line (PeCsvReader  *self,
           GError      **error)
{
  int c;

  while ((c = next_byte (self, error)) >= 0 && c != '\n')
    ;
  if (c == '\n')
    self->line++;
  return c;
}

static void
end_field (PeCsvReader *self)
{
  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
}

/* "field 3", or "column 3 “fee”" once the header is known */
static char *
describe_field (PeCsvReader *self,
                guint        index)
{
  if (self->names != NULL && index < g_strv_length (self->names))
    {
      g_autofree char *name = g_utf8_make_valid (self->names[index], -1);

      /* a header cell can be long: a column is named by its start */
      if (g_utf8_strlen (name, -1) > 80)
        *g_utf8_offset_to_pointer (name, 80) = '\0';
      return g_strdup_printf (_("column %u “%s”"), index + 1, name);
    }
  return g_strdup_printf (_("field %u"), index + 1);
}

/**
 * pe_csv_reader_read_row:
 * @fields: (out) (transfer full): the fields of the row read
 * @line: (out) (optional): the line the row starts on
 *
 * Returns: what was read; @error is set for %PE_CSV_BAD_ROW and
 *   %PE_CSV_FAILED
 */
PeCsvStatus
pe_csv_reader_read_row (PeCsvReader  *self,
                        GStrv        *fields,
                        guint        *line,
                        GError      **error)
{
  gboolean quoted = FALSE;       /* inside a quoted field */
  gboolean was_quoted = FALSE;   /* the field began with a quote */
  gsize row_bytes = 0;
  guint start_line;
  int c;

  g_return_val_if_fail (self != NULL, PE_CSV_FAILED);
  g_return_val_if_fail (fields != NULL, PE_CSV_FAILED);

  *fields = NULL;
  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);

  if (self->first)
    {
      self->first = FALSE;
      /* a byte-order mark */
      if (peek_byte (self, error) == 0xEF)
        {
          if (self->len - self->pos >= 3 && memcmp (self->buf + self->pos, "\xEF\xBB\xBF", 3) == 0)
            self->pos += 3;
        }
    }

  /* blank lines between rows are passed over */
  while ((c = peek_byte (self, error)) == '\n' || c == '\r')
    {
      next_byte (self, error);
      if (c == '\n')
        self->line++;
    }
  start_line = self->line;
  if (line != NULL)
    *line = start_line;
  if (c == -1)
    return PE_CSV_END;
  if (c == -2)
    return PE_CSV_FAILED;

  for (;;)
    {
      c = next_byte (self, error);
      if (c == -2)
        return PE_CSV_FAILED;

      if (++row_bytes > PE_CSV_MAX_ROW_BYTES)
        {
          /* inside a quoted field too, reading resumes at the next
           * physical line: the best that can be done with such a file */
          if (skip_line (self, error) == -2)
            return PE_CSV_FAILED;
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("line %u: the row is longer than %d MiB"), start_line, PE_CSV_MAX_ROW_BYTES >> 20);
          return PE_CSV_BAD_ROW;
        }

      if (quoted)
        {
          if (c == -1)
            {
              g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                           _("line %u: a quoted field is not closed before the end of the file"), start_line);
              return PE_CSV_BAD_ROW;
            }
          if (c == '"')
            {
              if (peek_byte (self, error) == '"')
                {
                  next_byte (self, error);
                  g_string_append_c (self->field, '"');
                }
              else
                quoted = FALSE;
              continue;
            }
          if (c == '\n')
            self->line++;
          g_string_append_c (self->field, (char) c);
          continue;
        }

      if (c == '"' && self->field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          continue;
        }
      if (c == ',')
        {
          end_field (self);
          was_quoted = FALSE;
          continue;
        }
      if (c == '\r' && peek_byte (self, error) == '\n')
        continue;
      if (c == '\n' || c == -1)
        {
          if (c == '\n')
            self->line++;
          end_field (self);
          break;
        }
      if (was_quoted)
        {
          if (skip_line (self, error) == -2)
            return PE_CSV_FAILED;
          g_autofree char *which = describe_field (self, self->fields->len);

          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("line %u: %s: text after the closing quote"), start_line, which);
          return PE_CSV_BAD_ROW;
        }
      g_string_append_c (self->field, (char) c);
    }

  for (guint i = 0; i < self->fields->len; i++)
    if (!g_utf8_validate (g_ptr_array_index (self->fields, i), -1, NULL))
      {
        g_autofree char *which = describe_field (self, i);

        g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                     _("line %u: %s is not UTF-8 text"), start_line, which);
        return PE_CSV_BAD_ROW;
      }

  g_ptr_array_add (self->fields, NULL);
  *fields = (GStrv) g_ptr_array_steal (self->fields, NULL);
  return PE_CSV_ROW;
}

/**
 * pe_csv_reader_set_names:
 * @names: (nullable): the columns' names, usually the header row
 *
 * From now on, a message about a field names its column as well as its
 * number (column 2 “fee” rather than field 2).
 */
void
pe_csv_reader_set_names (PeCsvReader        *self,
                         const char * const *names)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->names);
  self->names = g_strdupv ((GStrv) names);
}

/**
 * pe_csv_append_field:
 *
 * Appends @field to @out, quoted where it must be.
 */
void
pe_csv_append_field (GString    *out,
                     const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL &&
      (field[0] != ' ' && (field[0] == '\0' || field[strlen (field) - 1] != ' ')))
    {
      g_string_append (out, field);
      return;
    }
  /* between the quotes, the runs without a quote are copied whole */
  g_string_append_c (out, '"');
  for (const char *p = field; *p; )
    {
      const char *q = strchr (p, '"');

      if (q == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, q - p + 1);
      g_string_append_c (out, '"');
      p = q + 1;
    }
  g_string_append_c (out, '"');
}

/**
 * pe_csv_append_row:
 * @fields: (array length=n_fields):
 * @n_fields: the number of fields, or -1 when @fields ends with %NULL
 *
 * Appends a row and its line end (CRLF, as RFC 4180 has it).
 */
void
pe_csv_append_row (GString            *out,
                   const char * const *fields,
                   gssize              n_fields)
{
  g_return_if_fail (out != NULL);

  for (gssize i = 0; n_fields < 0 ? fields[i] != NULL : i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      pe_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
