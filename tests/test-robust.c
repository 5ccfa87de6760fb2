/* test-robust.c — what hostile input found in the core, fixed and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is a bug the fuzzers (tests/fuzz/) or the sanitizers found,
 * or a weakness of a library beneath us, as the smallest input that shows
 * it. The harness fails a test on any warning or critical it did not
 * announce, so "no critical" is checked everywhere.
 */
#include "config.h"

#include <string.h>

#include "pe-test-harness.h"

static PeDocument *
load_fixture (void)
{
  g_autofree char *path = pe_test_source_path ("tests/fuzz/field-fixture.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeDocument *doc = pe_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static PeResult *
evaluate (PeDocument  *doc,
          GError     **error,
          const char  *first_key,
          ...)
{
  g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);
  PeEvalOptions options = { 0, 0 };
  va_list ap;

  g_assert_true (pe_date_parse ("2023-03-01", &options.as_of));
  va_start (ap, first_key);
  for (const char *k = first_key; k != NULL; k = va_arg (ap, const char *))
    g_hash_table_insert (in, (char *) k, va_arg (ap, char *));
  va_end (ap);
  return pe_calculator_evaluate (pe_document_get_calculator (doc, "every-type"), in, &options, error);
}

/* fuzz-field, regressions/field/add-years-beyond-gdate: add_years(day,
 * 100000) made GDate refuse with a critical and leave the date unshifted,
 * so `pex calc land lease-term lease_years=70000` printed a lease ending
 * on the day it began. Now an error naming the step and its inputs. */
static void
test_date_shift_out_of_range (void)
{
  g_autoptr(PeDocument) doc = load_fixture ();
  const char *terms[] = { "100000", "-100000", "7000", "-2023" };

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeResult) r = evaluate (doc, &error, "day", "2022-06-01", "years", terms[i], NULL);

      g_test_message ("years=%s: %s", terms[i], error ? error->message : "");
      g_assert_null (r);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "the date is out of range"));
      /* the step, and the inputs it depends on */
      g_assert_true (g_str_has_prefix (error->message, "Until (years, day): "));
    }

  /* within range, the same formulas give dates */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PeResult) r = evaluate (doc, &error, "day", "2022-06-01", "years", "3", "count", "2",
                                      "money", "100", NULL);
    GPtrArray *outputs;
    gboolean found = FALSE;

    g_assert_no_error (error);
    outputs = pe_result_get_outputs (r);
    for (guint i = 0; i < outputs->len; i++)
      {
        PeOutput *o = g_ptr_array_index (outputs, i);
        g_autofree char *v = pe_value_to_string (o->type, &o->value);
        if (g_str_equal (o->id, "until"))
          {
            g_assert_cmpstr (v, ==, "2025-06-01");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

/* An error deep in the steps names the inputs it comes from, through the
 * steps between: "the result is too large" alone says nowhere to look. */
static void
test_overflow_names_its_inputs (void)
{
  g_autoptr(PeDocument) doc = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PeResult) r = evaluate (doc, &error, "money", "9223372036854775807", "share", "100", NULL);

  g_assert_null (r);
  g_assert_error (error, PE_ERROR, PE_ERROR_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "Base (money, balance, share, ratio): "));
}

/* A choice typed that is none of the field's choices was interned, and
 * interned strings are never freed: a long batch of bad rows grew without
 * bound (fuzz-field's memory rose by 130 kB a run). */
static void
test_unknown_choice_not_kept (void)
{
  g_autoptr(PeDocument) doc = load_fixture ();
  PeField *kind = pe_calculator_get_field (pe_document_get_calculator (doc, "every-type"), "kind");
  g_autoptr(GError) error = NULL;
  PeValue v;

  g_assert_false (pe_field_parse (kind, "no-such-choice-3b1f", &v, &error));
  g_assert_nonnull (strstr (error->message, "is not one of the choices (star, plain)"));
  g_assert_cmpuint (g_quark_try_string ("no-such-choice-3b1f"), ==, 0);
  g_clear_error (&error);

  g_assert_true (pe_field_parse (kind, "plain", &v, &error));
  g_assert_no_error (error);
  g_assert_true (v.string == g_intern_string ("plain"));
}

static PeDocument *
load_bytes (const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  return pe_document_new_from_bytes (bytes, "test.json", error);
}

/* json-glib takes what a data file must not be (our reader is strict): found by fuzz-document
 * (regressions/document/value-after-the-root-leaks: read as 7, the rest
 * ignored and leaked) and by reading json-glib. */
static void
test_json_is_strict (void)
{
  g_autofree char *deep = g_strnfill (200000, '[');
  struct { const char *json; const char *error; } cases[] = {
    { "7{\"format\": 1}", "line 1, column 2: “{” after the end of the JSON value" },
    { "{\"format\": 1}{\"format\": 1}", "after the end of the JSON value" },
    { "var doc = {\"format\": 1};", "line 1, column 1: expected a value, found “v”" },
    { "{\"format\": 1, \"format\": 2}", "line 1, column 15: a second member named “format” in the same object" },
    { "{\"format\": 1, \"\\u0066ormat\": 2}", "a second member named “format”" },
    { "{\"id\": \"a\\u0000b\"}", "\\u0000 (a NUL character) in a string" },
    { "{\"id\": \"\\udc00\"}", "a lone low surrogate" },
    { "{\"id\": \"\\ud800x\"}", "a high surrogate \\uD800 without its low half" },
    { "{\"id\": \"a\nb\"}", "the control character U+000A in a string" },
    { "{\"format\": 01}", "a number with a leading zero" },
    { "{\"format\": 1,}", "expected a member name in double quotes" },
    { "\xEF\xBB\xBF{}", "byte-order mark" },
    { "{\n  \"id\": \"x\",\n  \"title\": tru\n}", "line 3, column 12: expected a value" },
    { deep, "line 1, column 65: nested more than 64 deep" },
    /* json-glib wraps these round (to -9223372036854775808 and to -1) */
    { "{\"format\": 9223372036854775808}", "line 1, column 12: the integer 9223372036854775808 is beyond 64-bit integers" },
    { "{\"format\": 99999999999999999999}", "the integer 99999999999999999999 is beyond 64-bit integers" },
    { "{\"format\": -9223372036854775809}", "is beyond 64-bit integers" },
    /* and reads this as infinity */
    { "{\"format\": 1E400}", "the number 1E400 is too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = load_bytes (cases[i].json, strlen (cases[i].json), &error);

      g_test_message ("%.60s", cases[i].json);
      g_assert_null (doc);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, "test.json: not valid JSON: "));
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].error, error->message);
    }
}

/* fuzz-document, regressions/document/json-error-cuts-a-character:
 * json-glib's message quoted a string cut in the middle of a character,
 * and the message shown was not UTF-8. The strict check now speaks
 * first; json-glib's messages are made valid and short as well. */
static void
test_json_error_is_text (void)
{
  g_autofree char *path = pe_test_source_path ("tests/fuzz/regressions/document/json-error-cuts-a-character");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  doc = load_bytes (data, len, &error);
  g_assert_null (doc);
  g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "line 1, column 17: expected “,” or “}”, found the end of the file"));
}

/* fuzz-document, regressions/document/formula-cuts-a-character: a
 * formula with a character not in the language was refused with one byte
 * of it quoted ("unexpected “\xe5”"): the message was not UTF-8. Positions
 * were counted in bytes; they are counted in characters. */
static void
test_formula_error_is_text (void)
{
  g_autofree char *path = pe_test_source_path ("tests/fuzz/field-fixture.json");
  g_autofree char *fixture = NULL;
  struct { const char *expr; const char *error; } cases[] = {
    { "中 + 1", "formula “中 + 1”, at character 1: unexpected “中”" },
    { "1 + 中", "formula “1 + 中”, at character 5: unexpected “中”" },
    { "kind == '明星' and ?", "at character 18: unexpected “?”" },
  };

  g_assert_true (g_file_get_contents (path, &fixture, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (fixture);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", cases[i].expr);
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = NULL;

      g_string_replace (json, "\"base / count\"", quoted, 1);
      doc = load_bytes (json->str, json->len, &error);
      g_assert_null (doc);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].error, error->message);
    }
}

/* The key=value parsing of pex calc, now pe_calculator_parse_arguments()
 * for the fuzzer (and for profiles and batches). */
static void
test_parse_arguments (void)
{
  g_autoptr(PeDocument) doc = load_fixture ();
  PeCalculator *calc = pe_document_get_calculator (doc, "every-type");
  g_autofree char *huge_key = g_strnfill (1024 * 1024, 'k');
  g_autofree char *huge_arg = g_strconcat (huge_key, "=1", NULL);
  const char bad_utf8[] = { 'm', 'o', (char) 0xC3, (char) 0x28, '=', '1', 0 };
  struct { const char *args[4]; const char *error; } cases[] = {
    { { "money", NULL }, "“money” is not key=value" },
    { { "=5", NULL }, "“=5” is not key=value" },
    { { "mony=5", NULL }, "“mony” is not a field of “every-type” (its fields: money, balance" },
    { { "money=1", "money=2", NULL }, "“money” is given twice" },
    { { huge_arg, NULL }, "“…” is not a field" },
    { { bad_utf8, NULL }, "“…” is not a field" },
  };
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GError) error = NULL;
  const char *good[] = { "money=3000万", "kind=star", "ratio=", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) e = NULL;
      g_autoptr(GHashTable) in = pe_calculator_parse_arguments (calc, cases[i].args, PE_LANGUAGE_EN, &e);

      g_assert_null (in);
      g_assert_error (e, PE_ERROR, PE_ERROR_INVALID_INPUT);
      if (strstr (e->message, cases[i].error) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].error, e->message);
      g_assert_cmpuint (strlen (e->message), <, 1000);
    }

  inputs = pe_calculator_parse_arguments (calc, good, PE_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (inputs), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (inputs, "money"), ==, "3000万");
  /* an empty value is given, and refused when it is read */
  g_assert_cmpstr (g_hash_table_lookup (inputs, "ratio"), ==, "");
}

/* A required field without a default must be given. */
static void
test_parse_arguments_required (void)
{
  g_autofree char *path = pe_test_source_path ("plugins/manufacturing/data/manufacturing.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = pe_document_new_from_file (file, &error);
  const char *none[] = { NULL };
  g_autoptr(GHashTable) in = NULL;

  g_assert_no_error (error);
  in = pe_calculator_parse_arguments (pe_document_get_calculator (doc, "cloud"), none, PE_LANGUAGE_ZH, &error);
  g_assert_null (in);
  g_assert_error (error, PE_ERROR, PE_ERROR_MISSING_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "fee ("));
  g_assert_true (g_str_has_suffix (error->message, ") is required and missing"));
}

/* Data are data: a formula is parsed by a small total language with no
 * access to anything but the calculator's values; whatever else a file
 * writes in one is refused when the file is loaded, never run. */
static void
test_formulas_run_nothing (void)
{
  g_autofree char *path = pe_test_source_path ("tests/fuzz/field-fixture.json");
  g_autofree char *fixture = NULL;
  struct { const char *expr; const char *error; } cases[] = {
    { "system('touch /tmp/pe-ran')", "unknown function “system”" },
    { "eval('1 + 1')", "unknown function “eval”" },
    { "`touch /tmp/pe-ran`", "unexpected “`”" },
    { "$(touch /tmp/pe-ran)", "expected a parameter name after “$”" },
    { "base; touch", "unexpected “;”" },
    { "open('/etc/passwd')", "unknown function “open”" },
  };

  g_assert_true (g_file_get_contents (path, &fixture, NULL, NULL));
  g_assert_nonnull (strstr (fixture, "\"base / count\""));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (fixture);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", cases[i].expr);
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = NULL;

      g_string_replace (json, "\"base / count\"", quoted, 1);
      doc = load_bytes (json->str, json->len, &error);
      g_assert_null (doc);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "$.calculators[0].steps[1].expr: formula"));
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].error, error->message);
    }
  g_assert_false (g_file_test ("/tmp/pe-ran", G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/robust/date-shift-out-of-range", test_date_shift_out_of_range);
  g_test_add_func ("/robust/overflow-names-its-inputs", test_overflow_names_its_inputs);
  g_test_add_func ("/robust/unknown-choice-not-kept", test_unknown_choice_not_kept);
  g_test_add_func ("/robust/json-is-strict", test_json_is_strict);
  g_test_add_func ("/robust/json-error-is-text", test_json_error_is_text);
  g_test_add_func ("/robust/formulas-run-nothing", test_formulas_run_nothing);
  g_test_add_func ("/robust/formula-error-is-text", test_formula_error_is_text);
  g_test_add_func ("/robust/parse-arguments", test_parse_arguments);
  g_test_add_func ("/robust/parse-arguments-required", test_parse_arguments_required);

  return g_test_run ();
}
