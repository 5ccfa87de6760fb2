/* fuzz-batch-csv.c — the batch CSV reader and the batch run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a batch file (docs/profile-format.md): a header of profile
 * keys, then a profile a row. The run either fails as a whole with a
 * message (a bad header), or goes through: each row refused is told with
 * its line, in readable words, and the rest are assessed against every
 * document. What it writes is a CSV of whole rows, each as wide as its
 * header, as many as the results it counted. The reader alone, on the
 * same bytes, gives only UTF-8 fields, and lines that only grow.
 */
#include "config.h"

#include <string.h>

#include "pe-fuzz.h"

#define MAX_MESSAGE 4096

static GPtrArray *documents;

typedef struct
{
  guint   bad_rows;
  guint   last_line;
} Seen;

static void
on_bad_row (guint         line,
            const GError *problem,
            gpointer      data)
{
  Seen *seen = data;

  pe_fuzz_check_message (problem, MAX_MESSAGE);
  /* told in the order of the file, each with its line */
  g_assert (line > 1 && line > seen->last_line);
  seen->last_line = line;
  seen->bad_rows++;
}

static void
check_reader (const uint8_t *data,
              size_t         size)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(PeCsvReader) reader = pe_csv_reader_new (in);
  guint last = 0;

  for (guint rows = 0;; rows++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0;
      PeCsvStatus status = pe_csv_reader_read_row (reader, &fields, &line, &error);

      g_assert (status != PE_CSV_FAILED);   /* a memory stream does not fail */
      if (status == PE_CSV_END)
        break;
      if (status == PE_CSV_BAD_ROW)
        pe_fuzz_check_message (error, MAX_MESSAGE);
      else
        {
          g_assert (fields != NULL && fields[0] != NULL);
          for (guint i = 0; fields[i] != NULL; i++)
            g_assert (g_utf8_validate (fields[i], -1, NULL));
          g_assert (line > last);
          last = line;
        }
      g_assert (rows <= size);   /* every row eats at least a byte */
    }
  g_assert (pe_csv_reader_get_bytes_read (reader) == size);
}

static void
check_output (GOutputStream      *out,
              const PeBatchStats *stats)
{
  gsize size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  const char *text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, size, NULL);
  g_autoptr(PeCsvReader) reader = pe_csv_reader_new (in);
  g_auto(GStrv) header = NULL;
  guint64 rows = 0;

  g_assert (pe_csv_reader_read_row (reader, &header, NULL, NULL) == PE_CSV_ROW);
  for (;;)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) error = NULL;
      PeCsvStatus status = pe_csv_reader_read_row (reader, &fields, NULL, &error);

      if (status == PE_CSV_END)
        break;
      if (status != PE_CSV_ROW)
        g_error ("the batch wrote a row it cannot read back: %s", error->message);
      g_assert (g_strv_length (fields) == g_strv_length (header));
      rows++;
    }
  g_assert (rows == stats->results);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  PeBatchStats stats = { 0 };
  Seen seen = { 0 };
  PeBatchOptions options = { 0 };

  if (documents == NULL)
    {
      pe_fuzz_setup ();
      documents = pe_fuzz_load_documents ();
    }
  check_reader (data, size);

  in = g_memory_input_stream_new_from_data (data, size, NULL);
  out = g_memory_output_stream_new_resizable ();
  options.documents = documents;
  g_assert (pe_date_parse ("2022-06-01", &options.as_of));
  options.language = PE_LANGUAGE_EN;
  options.bad_row = on_bad_row;
  options.user_data = &seen;
  if (!pe_batch_run (in, out, &options, &stats, &error))
    {
      /* a header it cannot use: said before any work */
      pe_fuzz_check_message (error, MAX_MESSAGE);
      g_assert (stats.profiles == 0 && stats.results == 0);
      return 0;
    }
  g_assert (error == NULL);
  g_assert (stats.bad_rows == seen.bad_rows);
  g_assert (g_output_stream_close (out, NULL, NULL));
  check_output (out, &stats);
  return 0;
}
