/* test-batch.c — the CSV reader, and batch runs over many profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The batch runs use the made-up documents of tests/data/ (their figures
 * are worked out in tests/test-profile.c).
 */
#include "config.h"

#include <malloc.h>

#include <string.h>

#include "pe-test-harness.h"

/* ---- CSV --------------------------------------------------------------- */

static PeCsvReader *
reader_for (const char *text,
            gssize      len)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_memdup2 (text, len < 0 ? strlen (text) : (gsize) len),
                                                                   len < 0 ? (gssize) strlen (text) : len, g_free);
  return pe_csv_reader_new (in);
}

static void
test_csv_read (void)
{
  /* a BOM, CRLF, a quoted comma, a doubled quote, a line break inside
   * quotes, an empty field, a blank line, and no line end at the end */
  g_autoptr(PeCsvReader) r = reader_for ("\xEF\xBB\xBF" "a,b,c\r\n"
                                         "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                                         "2,\"two\nlines\",\n"
                                         "\n"
                                         "3,,end", -1);
  g_auto(GStrv) row = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 0;

  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_ROW);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[0], ==, "a");
  g_clear_pointer (&row, g_strfreev);

  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_ROW);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (row[1], ==, "x, y");
  g_assert_cmpstr (row[2], ==, "say \"hi\"");
  g_clear_pointer (&row, g_strfreev);

  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_ROW);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (row[1], ==, "two\nlines");
  g_assert_cmpstr (row[2], ==, "");
  g_clear_pointer (&row, g_strfreev);

  /* the quoted line break counted: this row starts on line 6 */
  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_ROW);
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[2], ==, "end");
  g_clear_pointer (&row, g_strfreev);

  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_END);
  g_assert_no_error (error);
}

static void
test_csv_bad_rows (void)
{
  g_autoptr(PeCsvReader) r = reader_for ("a,b\n"
                                         "\"x\"y,2\n"          /* text after a closing quote */
                                         "caf\xe9,1\n"         /* not UTF-8 */
                                         "ok,3\n"
                                         "\"never closed,4\n", -1);
  g_auto(GStrv) row = NULL;
  guint line = 0;

  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, NULL), ==, PE_CSV_ROW);
  g_clear_pointer (&row, g_strfreev);

  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_BAD_ROW);
    g_assert_null (row);
    g_assert_cmpstr (error->message, ==, "line 2: field 1: text after the closing quote");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_BAD_ROW);
    g_assert_cmpstr (error->message, ==, "line 3: field 1 is not UTF-8 text");
  }
  /* reading goes on after bad rows */
  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, NULL), ==, PE_CSV_ROW);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (row[0], ==, "ok");
  g_clear_pointer (&row, g_strfreev);
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, &error), ==, PE_CSV_BAD_ROW);
    g_assert_cmpstr (error->message, ==, "line 5: a quoted field is not closed before the end of the file");
  }
  g_assert_cmpint (pe_csv_reader_read_row (r, &row, &line, NULL), ==, PE_CSV_END);
}

static void
test_csv_long_row (void)
{
  g_autoptr(GString) s = g_string_new ("a\n");
  g_autoptr(PeCsvReader) r = NULL;
  g_auto(GStrv) row = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < PE_CSV_MAX_ROW_BYTES + 10; i++)
    g_string_append_c (s, '7');
  g_string_append (s, "\nshort\n");
  r = reader_for (s->str, (gssize) s->len);

  g_assert_cmpint (pe_csv_reader_read_row (r, &row, NULL, NULL), ==, PE_CSV_ROW);
  g_clear_pointer (&row, g_strfreev);
  g_assert_cmpint (pe_csv_reader_read_row (r, &row, NULL, &error), ==, PE_CSV_BAD_ROW);
  g_assert_cmpstr (error->message, ==, "line 2: the row is longer than 4 MiB");
  g_assert_cmpint (pe_csv_reader_read_row (r, &row, NULL, NULL), ==, PE_CSV_ROW);
  g_assert_cmpstr (row[0], ==, "short");
}

static void
test_csv_write (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", NULL };

  pe_csv_append_row (out, fields, -1);
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n");

  /* and it reads back as written */
  {
    g_autoptr(PeCsvReader) r = reader_for (out->str, (gssize) out->len);
    g_auto(GStrv) row = NULL;

    g_assert_cmpint (pe_csv_reader_read_row (r, &row, NULL, NULL), ==, PE_CSV_ROW);
    for (guint i = 0; fields[i] != NULL; i++)
      g_assert_cmpstr (row[i], ==, fields[i]);
  }
}

/* ---- batch ------------------------------------------------------------- */

static PeDocument *
load_test_document (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/%s.json", name);
  g_autofree char *path = pe_test_source_path (rel);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeDocument *doc = pe_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static GPtrArray *
test_documents (void)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (docs, load_test_document ("alpha"));
  g_ptr_array_add (docs, load_test_document ("beta"));
  g_ptr_array_add (docs, load_test_document ("gamma"));
  return docs;
}

typedef struct
{
  GPtrArray *bad;   /* "LINE: message" */
} Collected;

static void
collect_bad_row (guint         line,
                 const GError *problem,
                 gpointer      data)
{
  Collected *c = data;
  g_ptr_array_add (c->bad, g_strdup_printf ("%u|%s", line, problem->message));
}

static char *
run_batch (GPtrArray  *docs,
           const char *input,
           gboolean    json,
           Collected  *collected,
           PeBatchStats *stats,
           GError    **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (input), strlen (input), g_free);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  PeBatchOptions options = { 0 };
  gboolean ok;

  options.documents = docs;
  options.language = PE_LANGUAGE_EN;
  options.json = json;
  options.bad_row = collect_bad_row;
  options.user_data = collected;
  ok = pe_batch_run (in, out, &options, stats, error);
  g_output_stream_close (out, NULL, NULL);
  if (!ok)
    return NULL;
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

/* The result rows of one input line, as fields. */
static GPtrArray *
rows_of_line (const char *csv,
              guint       line)
{
  g_autoptr(PeCsvReader) r = reader_for (csv, -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) header = NULL;
  GStrv row = NULL;
  g_autofree char *want = g_strdup_printf ("%u", line);

  g_assert_cmpint (pe_csv_reader_read_row (r, &header, NULL, NULL), ==, PE_CSV_ROW);
  g_assert_cmpstr (header[0], ==, "line");
  while (pe_csv_reader_read_row (r, &row, NULL, NULL) == PE_CSV_ROW)
    {
      if (g_str_equal (row[0], want))
        g_ptr_array_add (rows, row);
      else
        g_strfreev (row);
    }
  return rows;
}

static GStrv
find_row (GPtrArray  *rows,
          const char *document,
          const char *calculator)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv r = g_ptr_array_index (rows, i);
      /* line, profile, subject, as_of, document, calculator, … */
      if (g_str_equal (r[4], document) && g_str_equal (r[5], calculator))
        return r;
    }
  g_error ("no row for %s/%s", document, calculator);
  return NULL;
}

#define HEADER "name,subject,as_of,enterprise.high_tech,enterprise.sme,alpha/cert/certified,beta/cert/persons,beta/equipment/investment,beta/training/trainees,person.birth_date\n"

static void
test_batch_rows (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  Collected c = { g_ptr_array_new_with_free_func (g_free) };
  PeBatchStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) third = NULL;
  GStrv row;

  csv = run_batch (docs,
                   HEADER
                   /* 2: the profile of test-profile.c, total 365,000 */
                   "Firm A,enterprise,2022-06-30,true,是,10,10,200万,10,\n"
                   /* 3: a letter where beta reads a number: refused, skipped */
                   "Firm B,enterprise,2022-06-30,true,no,1,1,two million,1,\n"
                   /* 4: a person: only gamma's calculator */
                   "Li,person,2022-06-30,,,,,,,1990-01-01\n"
                   /* 5: too few fields */
                   "Firm C,enterprise\n"
                   /* 6: a date that is not one */
                   "Firm D,enterprise,2022-02-30,true,,,,,,\n"
                   /* 7: alpha expired: its housing subsidy is not eligible */
                   "Firm A later,enterprise,2023-06-30,true,是,10,10,200万,10,\n",
                   FALSE, &c, &stats, &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);

  g_assert_cmpuint (stats.profiles, ==, 3);
  g_assert_cmpuint (stats.bad_rows, ==, 3);
  g_assert_cmpuint (c.bad->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (c.bad, 0), ==,
                   "3|line 3: column “beta/equipment/investment”: “two million” is not a number: unexpected “t”");
  g_assert_cmpstr (g_ptr_array_index (c.bad, 1), ==, "5|line 5: 2 fields where the header has 10");
  g_assert_cmpstr (g_ptr_array_index (c.bad, 2), ==, "6|line 6: column “as_of”: not a date written YYYY-MM-DD");

  first = rows_of_line (csv, 2);
  /* alpha: cert, housing; beta: cert, equipment, training, award, loan */
  g_assert_cmpuint (first->len, ==, 7);
  row = find_row (first, "beta", "equipment");
  g_assert_cmpstr (row[1], ==, "Firm A");
  g_assert_cmpstr (row[8], ==, "200000");     /* amount */
  g_assert_cmpstr (row[9], ==, "true");       /* a maximum */
  g_assert_cmpstr (row[12], ==, "kept");
  row = find_row (first, "alpha", "cert");
  g_assert_cmpstr (row[8], ==, "10000");
  g_assert_cmpstr (row[11], ==, "0");         /* counted */
  g_assert_cmpstr (row[12], ==, "set aside");
  g_assert_cmpstr (row[13], ==, "beta/cert");
  g_assert_cmpstr (row[14], ==, "按照从高从优不重复原则执行");
  row = find_row (first, "beta", "loan");
  g_assert_cmpstr (row[7], ==, "cannot-decide");
  g_assert_cmpstr (row[16], ==, "enterprise.listed");
  /* the trace quotes the clause */
  g_assert_nonnull (strstr (find_row (first, "beta", "training")[19], "[3: 培训每人补贴500元]"));

  {
    g_autoptr(GPtrArray) person = rows_of_line (csv, 4);
    g_assert_cmpuint (person->len, ==, 1);
    g_assert_cmpstr (find_row (person, "gamma", "young")[8], ==, "1000");
  }

  third = rows_of_line (csv, 7);
  row = find_row (third, "alpha", "housing");
  g_assert_cmpstr (row[7], ==, "not-eligible");
  g_assert_cmpstr (row[8], ==, "");
  g_assert_cmpstr (row[10], ==, "50000");     /* what it gave while in force */

  g_ptr_array_unref (c.bad);
}

static void
test_batch_json_and_header (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  Collected c = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  out = run_batch (docs, "name,alpha/cert/certified,as_of\nA,3,2022-01-01\n", TRUE, &c, NULL, NULL);
  g_assert_nonnull (out);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* one object, then the empty rest */
  {
    g_autoptr(JsonParser) p = json_parser_new ();
    JsonObject *o;

    g_assert_true (json_parser_load_from_data (p, lines[0], -1, NULL));
    o = json_node_get_object (json_parser_get_root (p));
    g_assert_cmpint (json_object_get_int_member (o, "line"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (o, "calculator"), ==, "cert");
    g_assert_cmpint (json_object_get_int_member (o, "amount"), ==, 3000);
    g_assert_cmpstr (json_object_get_string_member (o, "as_of"), ==, "2022-01-01");
  }

  /* mistakes in the header stop the run before any work */
  {
    static const char *headers[][2] = {
      { "", "the file is empty" },
      { "name,enterprise.no_such_fact\n", "line 1: column 2 “enterprise.no_such_fact”: no active document has such a fact or input" },
      { "name,beta/cert/nobody\n", "column 2 “beta/cert/nobody”: no active document" },
      { "name,price\n", "line 1: column 2 “price” is neither a fact id" },
      { "alpha/cert/certified,alpha/cert/certified\n", "line 1: column 2 “alpha/cert/certified” is there twice" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *r = run_batch (docs, headers[i][0], FALSE, &c, NULL, &error);

        g_assert_null (r);
        g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT);
        if (strstr (error->message, headers[i][1]) == NULL)
          g_error ("header %u: expected “%s” in “%s”", i, headers[i][1], error->message);
      }
  }
  g_ptr_array_unref (c.bad);
}

/* ---- memory stays flat ------------------------------------------------- */

/* An input stream that makes up N rows as they are read. */
typedef struct
{
  GInputStream parent_instance;
  guint64      rows;
  guint64      made;
  GString     *pending;
  gsize        pos;
} RowSource;

typedef GInputStreamClass RowSourceClass;

static GType row_source_get_type (void);
G_DEFINE_TYPE (RowSource, row_source, G_TYPE_INPUT_STREAM)

static gssize
row_source_read (GInputStream  *stream,
                 void          *buffer,
                 gsize          count,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RowSource *self = (RowSource *) stream;
  gsize n;

  if (self->pos == self->pending->len)
    {
      g_string_truncate (self->pending, 0);
      self->pos = 0;
      if (self->made == 0)
        g_string_append (self->pending, HEADER);
      for (guint k = 0; k < 64 && self->made < self->rows; k++, self->made++)
        g_string_append_printf (self->pending, "F%" G_GUINT64_FORMAT ",enterprise,2022-06-30,true,%s,%u,%u,%u,%u,\n",
                                self->made, self->made % 2 ? "yes" : "no", (guint) (self->made % 50),
                                (guint) (self->made % 40), (guint) (self->made * 37 % 5000000), (guint) (self->made % 90));
      if (self->pending->len == 0)
        return 0;
    }
  n = MIN (count, self->pending->len - self->pos);
  memcpy (buffer, self->pending->str + self->pos, n);
  self->pos += n;
  return (gssize) n;
}

static void
row_source_finalize (GObject *object)
{
  g_string_free (((RowSource *) object)->pending, TRUE);
  G_OBJECT_CLASS (row_source_parent_class)->finalize (object);
}

static void
row_source_class_init (RowSourceClass *klass)
{
  klass->read_fn = row_source_read;
  G_OBJECT_CLASS (klass)->finalize = row_source_finalize;
}

static void
row_source_init (RowSource *self)
{
  self->pending = g_string_new (NULL);
}

/* Resident memory, from /proc; the test is for Linux. */
static gsize
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return (gsize) g_ascii_strtoull (p + strlen ("VmRSS:"), NULL, 10);
}

/* What malloc has handed out and not had back: unlike the resident
 * memory, it moves by the byte, so a row's leak shows however small. */
static gint64
bytes_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return (gint64) mi.uordblks + (gint64) mi.hblkhd;
}

typedef struct
{
  guint64 sample_at;
  gsize   rss_at_sample;
  gsize   rss_peak;
  gint64  used_at_sample;
  gint64  used_peak;
  guint   samples;
} Sampler;

static void
sample_progress (const PeBatchStats *stats,
                 gpointer            data)
{
  Sampler *s = data;
  gsize rss = resident_kib ();
  gint64 used = bytes_in_use ();

  s->samples++;
  s->rss_peak = MAX (s->rss_peak, rss);
  if (s->rss_at_sample == 0 && stats->profiles >= s->sample_at)
    {
      s->rss_at_sample = rss;
      s->used_at_sample = used;
    }
  if (s->used_at_sample != 0)
    s->used_peak = MAX (s->used_peak, used);
}

static void
test_batch_memory_flat (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  RowSource *src = g_object_new (row_source_get_type (), NULL);
  g_autoptr(GOutputStream) out = NULL;
  PeBatchOptions options = { 0 };
  PeBatchStats stats = { 0 };
  Sampler s = { 2000, 0, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;

#ifdef __SANITIZE_ADDRESS__
  /* freed blocks wait in AddressSanitizer's quarantine, and its shadow
   * grows with them: memory measured here says nothing of the program's.
   * Leaks per row are what LeakSanitizer finds in the other batch tests. */
  g_test_skip ("memory is not measured under AddressSanitizer");
  g_object_unref (src);
  return;
#endif
  if (resident_kib () == 0)
    {
      g_test_skip ("no /proc/self/status to read the resident memory from");
      g_object_unref (src);
      return;
    }
  /* 40,000 profiles, 280,000 result rows, thrown away as written */
  src->rows = 40000;
  {
    g_autoptr(GFile) null = g_file_new_for_path ("/dev/null");
    out = G_OUTPUT_STREAM (g_file_append_to (null, G_FILE_CREATE_NONE, NULL, &error));
    g_assert_no_error (error);
  }

  options.documents = docs;
  options.language = PE_LANGUAGE_EN;
  options.progress = sample_progress;
  options.user_data = &s;
  g_assert_true (pe_batch_run (G_INPUT_STREAM (src), out, &options, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.profiles, ==, 40000);
  g_assert_cmpuint (stats.bad_rows, ==, 0);
  g_assert_cmpuint (stats.results, ==, 40000 * 7);

  /* sampled all along the run, not only at its ends */
  g_assert_cmpuint (s.samples, >, 100);
  /* after the first 2,000 profiles, 38,000 more add less than 2 MiB of
   * resident memory */
  g_test_message ("resident: %zu KiB after 2,000 profiles, %zu KiB at most", s.rss_at_sample, s.rss_peak);
  g_assert_cmpuint (s.rss_at_sample, >, 0);
  g_assert_cmpuint (s.rss_peak, <, s.rss_at_sample + 2048);
  /* and nothing is kept per row: 38,000 profiles leaking even one small
   * block each (malloc's least is 32 bytes) would hold more than 1 MiB;
   * what may vary is the row being written and the output buffer */
  g_test_message ("in use: %" G_GINT64_FORMAT " bytes after 2,000 profiles, %" G_GINT64_FORMAT " at most",
                  s.used_at_sample, s.used_peak);
  g_assert_cmpint (s.used_at_sample, >, 0);
  g_assert_cmpint (s.used_peak - s.used_at_sample, <, 256 * 1024);
  g_object_unref (src);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/csv/read", test_csv_read);
  g_test_add_func ("/csv/bad-rows", test_csv_bad_rows);
  g_test_add_func ("/csv/long-row", test_csv_long_row);
  g_test_add_func ("/csv/write", test_csv_write);
  g_test_add_func ("/batch/rows", test_batch_rows);
  g_test_add_func ("/batch/json-and-header", test_batch_json_and_header);
  g_test_add_func ("/batch/memory-flat", test_batch_memory_flat);

  return g_test_run ();
}
