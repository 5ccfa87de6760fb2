/* fuzz-document.c — the document loader and its checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a document data file (docs/data-format.md). It is either
 * refused with a message naming the file, or loaded; a loaded document
 * must then work: every calculator evaluates with the inputs it has by
 * default, every chart builds, and the search index takes it.
 */
#include "config.h"

#include <string.h>

#include "pe-fuzz.h"

#define ORIGIN "fuzz.json"

static void
exercise (PeDocument *doc)
{
  GPtrArray *calcs = pe_document_get_calculators (doc);
  GPtrArray *charts = pe_document_get_charts (doc);
  g_autoptr(PeSearchIndex) index = pe_search_index_new ();
  g_autoptr(GPtrArray) hits = NULL;
  guint32 as_of;

  g_assert (pe_date_parse ("2022-06-01", &as_of));
  for (guint i = 0; i < calcs->len; i++)
    {
      PeCalculator *calc = g_ptr_array_index (calcs, i);
      PeEvalOptions options = { as_of, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(PeResult) result = pe_calculator_evaluate (calc, NULL, &options, &error);

      if (result == NULL)
        pe_fuzz_check_message (error, G_MAXSIZE);
      else
        {
          g_autoptr(JsonNode) json = pe_result_to_json (result);
          g_assert (json != NULL);
        }
    }
  for (guint i = 0; i < charts->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeChartModel) model = pe_chart_build (doc, g_ptr_array_index (charts, i),
                                                      PE_LANGUAGE_EN, as_of, &error);
      if (model == NULL)
        pe_fuzz_check_message (error, G_MAXSIZE);
    }
  pe_search_index_add_document (index, doc);
  hits = pe_search_index_query (index, "补助 subsidy", 0);
  g_assert (hits != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = NULL;

  pe_fuzz_setup ();
  bytes = g_bytes_new (data, size);
  doc = pe_document_new_from_bytes (bytes, ORIGIN, &error);
  if (doc == NULL)
    {
      /* refused: it says so, naming the file, in readable text */
      pe_fuzz_check_message (error, G_MAXSIZE);
      g_assert (g_error_matches (error, PE_ERROR, PE_ERROR_INVALID_DATA));
      g_assert (g_str_has_prefix (error->message, ORIGIN ": "));
      return 0;
    }
  g_assert (error == NULL);
  g_assert (pe_document_get_id (doc) != NULL);
  exercise (doc);
  return 0;
}
