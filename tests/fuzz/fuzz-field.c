/* fuzz-field.c — reading what is typed into a field, of every type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the text of one field, as typed into the form or given
 * after key= on the command line. It is read by pe_field_parse() as each
 * field type in turn (field-fixture.json has one field of each, with and
 * without bounds), and then used in a calculation with sane values in the
 * other fields, so that extreme values meet the arithmetic. The checks:
 * a value is either read or refused with a short readable message; a value
 * read is of its field's type, within its bounds, and reads back as the
 * same value from its plain form (nothing is misread); a calculation with
 * it either gives a result or says why not.
 */
#include "config.h"

#include <string.h>

#include "pe-fuzz.h"

/* A message quotes at most a short piece of the input; the longest is the
 * list of a field's choices or of a calculator's fields. */
#define MAX_MESSAGE 4096

static PeDocument *fixture;
static PeCalculator *calc;

/* The value of each field when another field is fuzzed. */
static const char *sane[][2] = {
  { "money", "3000万" }, { "balance", "-12,000" }, { "count", "12" },
  { "years", "3" }, { "share", "10%" }, { "ratio", "6.4515" },
  { "flag", "yes" }, { "kind", "star" }, { "day", "2022-06-01" },
  { "reading", "strict" },
};

static void
set_up (void)
{
  g_autofree char *path = g_build_filename (PE_SOURCE_ROOT, "tests", "fuzz", "field-fixture.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  pe_fuzz_setup ();
  fixture = pe_document_new_from_file (file, &error);
  if (fixture == NULL)
    g_error ("%s", error->message);
  calc = pe_document_get_calculator (fixture, "every-type");
  g_assert (calc != NULL);
  g_assert (calc->fields->len == G_N_ELEMENTS (sane));
}

static gboolean
value_equal (const PeValue *a,
             const PeValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case PE_VALUE_NUMBER: return pe_rational_compare (a->number, b->number) == 0;
    case PE_VALUE_BOOLEAN: return a->boolean == b->boolean;
    case PE_VALUE_STRING: return a->string == b->string;
    case PE_VALUE_DATE: return a->julian == b->julian;
    default: return TRUE;
    }
}

static void
check_parse (PeField    *field,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *shown = NULL;
  PeValue value;

  if (!pe_field_parse (field, text, &value, &error))
    {
      pe_fuzz_check_message (error, MAX_MESSAGE);
      g_assert (error->domain == PE_ERROR);
      return;
    }
  g_assert (error == NULL);

  switch (field->type)
    {
    case PE_VALUE_TYPE_YUAN:
    case PE_VALUE_TYPE_INTEGER:
      g_assert (value.kind == PE_VALUE_NUMBER);
      g_assert (pe_rational_is_integer (value.number));
      break;
    case PE_VALUE_TYPE_PERCENT:
    case PE_VALUE_TYPE_DECIMAL:
      g_assert (value.kind == PE_VALUE_NUMBER);
      g_assert (value.number.den > 0);
      break;
    case PE_VALUE_TYPE_BOOLEAN:
      g_assert (value.kind == PE_VALUE_BOOLEAN);
      break;
    case PE_VALUE_TYPE_CHOICE:
      g_assert (value.kind == PE_VALUE_STRING);
      break;
    case PE_VALUE_TYPE_DATE:
      g_assert (value.kind == PE_VALUE_DATE);
      g_assert (g_date_valid_julian (value.julian));
      break;
    default:
      g_assert_not_reached ();
    }
  if (value.kind == PE_VALUE_NUMBER)
    {
      g_assert (!field->has_min || pe_rational_compare (value.number, field->min) >= 0);
      g_assert (!field->has_max || pe_rational_compare (value.number, field->max) <= 0);
    }

  /* what is read reads back the same from its plain form */
  plain = pe_value_to_string (field->type, &value);
  shown = pe_value_format (field->type, &value);
  g_assert (g_utf8_validate (plain, -1, NULL) && g_utf8_validate (shown, -1, NULL));
  if (!g_str_has_prefix (plain, "≈"))
    {
      g_autofree char *again = NULL;
      g_autoptr(GError) error2 = NULL;
      PeValue back;

      /* a percentage's plain form is the fraction (0.07 for 7 %) */
      if (field->type == PE_VALUE_TYPE_PERCENT)
        {
          PeValue pct = value;
          g_assert (pe_rational_mul (value.number, PE_RATIONAL_INIT (100), &pct.number));
          again = pe_value_to_string (PE_VALUE_TYPE_DECIMAL, &pct);
        }
      else
        again = g_strdup (plain);
      if (!g_str_has_prefix (again, "≈"))
        {
          if (!pe_field_parse (field, again, &back, &error2))
            g_error ("“%s” was read, but its plain form “%s” is refused: %s", text, again, error2->message);
          if (!value_equal (&value, &back))
            g_error ("“%s” and its plain form “%s” are read as different values", text, again);
        }
    }
}

static void
check_evaluate (guint       fuzzed,
                const char *text)
{
  g_autoptr(GHashTable) inputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeResult) result = NULL;
  PeEvalOptions options = { 0, 0 };

  g_assert (pe_date_parse ("2023-03-01", &options.as_of));
  for (guint i = 0; i < G_N_ELEMENTS (sane); i++)
    g_hash_table_insert (inputs, (char *) sane[i][0], (char *) (i == fuzzed ? text : sane[i][1]));

  result = pe_calculator_evaluate (calc, inputs, &options, &error);
  if (result == NULL)
    {
      pe_fuzz_check_message (error, MAX_MESSAGE);
      /* a wrong input is the user's; never blamed on the data */
      g_assert (!g_error_matches (error, PE_ERROR, PE_ERROR_INVALID_DATA));
      return;
    }
  {
    g_autoptr(JsonNode) json = pe_result_to_json (result);
    g_assert (json != NULL);
    if (pe_result_has_amount (result))
      g_assert (pe_result_get_amount (result) >= 0);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  if (fixture == NULL)
    set_up ();
  /* text as a C string: a NUL ends it, as it ends an argument */
  text = g_strndup ((const char *) data, size);

  for (guint i = 0; i < calc->fields->len; i++)
    check_parse (g_ptr_array_index (calc->fields, i), text);
  for (guint i = 0; i < calc->fields->len; i++)
    check_evaluate (i, text);
  return 0;
}
