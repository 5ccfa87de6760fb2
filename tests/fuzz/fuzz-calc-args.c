/* fuzz-calc-args.c — the arguments of `pex calc`, against every calculator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a command line, one argument a line:
 *
 *   DOCUMENT CALCULATOR
 *   --as-of=2022-06-01        (optional, also --issue-date=…)
 *   key=value
 *   …
 *
 * as `pex calc` takes it. A first line that names no calculator of the
 * documents picks one by its hash, so that every mutation lands somewhere.
 * The arguments go through pe_calculator_parse_arguments() and
 * pe_calculator_evaluate(), as in pex: either a result, or a short readable
 * message; a wrong input is never blamed on the data, and no amount is
 * negative.
 */
#include "config.h"

#include <string.h>

#include "pe-fuzz.h"

#define MAX_MESSAGE 4096

static GPtrArray *documents;
static GPtrArray *calculators;

static void
set_up (void)
{
  pe_fuzz_setup ();
  documents = pe_fuzz_load_documents ();
  calculators = g_ptr_array_new ();
  for (guint i = 0; i < documents->len; i++)
    {
      GPtrArray *calcs = pe_document_get_calculators (g_ptr_array_index (documents, i));
      for (guint j = 0; j < calcs->len; j++)
        g_ptr_array_add (calculators, g_ptr_array_index (calcs, j));
    }
  g_assert (calculators->len > 0);
}

static PeCalculator *
find_calculator (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", 2);

  if (words[0] != NULL && words[1] != NULL)
    for (guint i = 0; i < documents->len; i++)
      {
        PeDocument *doc = g_ptr_array_index (documents, i);
        if (g_str_equal (pe_document_get_id (doc), words[0]))
          {
            PeCalculator *calc = pe_document_get_calculator (doc, words[1]);
            if (calc != NULL)
              return calc;
          }
      }
  return g_ptr_array_index (calculators, g_str_hash (line) % calculators->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeResult) result = NULL;
  PeEvalOptions options = { 0, 0 };
  PeCalculator *calc;

  if (documents == NULL)
    set_up ();
  /* an argument ends at a NUL, as on a command line */
  text = g_strndup ((const char *) data, size);
  lines = g_strsplit (text, "\n", -1);
  if (lines[0] == NULL)
    return 0;
  calc = find_calculator (lines[0]);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "--as-of="))
        {
          if (!pe_date_parse (lines[i] + strlen ("--as-of="), &options.as_of))
            return 0;   /* pex refuses it before any calculator is asked */
        }
      else if (g_str_has_prefix (lines[i], "--issue-date="))
        {
          if (!pe_date_parse (lines[i] + strlen ("--issue-date="), &options.issue_date))
            return 0;
        }
      else
        g_ptr_array_add (args, lines[i]);
    }
  g_ptr_array_add (args, NULL);

  inputs = pe_calculator_parse_arguments (calc, (const char * const *) args->pdata, PE_LANGUAGE_EN, &error);
  if (inputs == NULL)
    {
      pe_fuzz_check_message (error, MAX_MESSAGE);
      g_assert (g_error_matches (error, PE_ERROR, PE_ERROR_INVALID_INPUT) ||
                g_error_matches (error, PE_ERROR, PE_ERROR_MISSING_INPUT));
      return 0;
    }

  result = pe_calculator_evaluate (calc, inputs, &options, &error);
  if (result == NULL)
    {
      pe_fuzz_check_message (error, MAX_MESSAGE);
      if (g_error_matches (error, PE_ERROR, PE_ERROR_INVALID_DATA))
        g_error ("an input blamed on the data: %s", error->message);
      return 0;
    }
  {
    g_autoptr(JsonNode) json = pe_result_to_json (result);
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    g_autofree char *out = NULL;

    json_generator_set_root (gen, json);
    out = json_generator_to_data (gen, NULL);
    g_assert (out != NULL && g_utf8_validate (out, -1, NULL));
    if (pe_result_has_amount (result))
      g_assert (pe_result_get_amount (result) >= 0);
  }
  return 0;
}
