/* fuzz-profile.c — the profile file loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a saved profile (docs/profile-format.md). It is either
 * refused with a message naming the file, or loaded; a loaded profile
 * must then work: it is assessed against every document (each item a
 * result, or a refusal naming the key of the value refused), and what it
 * writes reads back as the same profile, byte for byte when written
 * again (nothing is lost or changed by a save).
 */
#include "config.h"

#include <string.h>

#include "pe-fuzz.h"

#define ORIGIN "fuzz.pe-profile"
#define MAX_MESSAGE 4096

static GPtrArray *documents;

static void
check_assessment (PeProfile *profile)
{
  g_autoptr(PeAssessment) a = NULL;
  GPtrArray *items;
  guint32 as_of;

  g_assert (pe_date_parse ("2022-06-01", &as_of));
  a = pe_assessment_new (profile, documents, pe_profile_get_as_of (profile) != 0 ? 0 : as_of);
  items = pe_assessment_get_items (a);
  for (guint i = 0; i < items->len; i++)
    {
      PeAssessmentItem *item = g_ptr_array_index (items, i);

      if (item->result == NULL)
        {
          /* refused: why, in readable words */
          g_assert (item->error != NULL && *item->error != '\0');
          g_assert (g_utf8_validate (item->error, -1, NULL));
          g_assert (strlen (item->error) <= MAX_MESSAGE);
          if (item->error_key != NULL)
            /* a value refused: its key */
            g_assert (pe_profile_get_value (profile, item->error_key) != NULL);
          else
            {
              /* values each fine, a step beyond 64 bits (the message
               * names the step): the calculator says so again */
              PeEvalOptions options = { pe_assessment_get_as_of (a), 0 };
              g_autoptr(GHashTable) inputs = NULL;
              g_autoptr(GError) error = NULL;
              g_autoptr(PeResult) again = NULL;

              options.issue_date = pe_profile_get_issue_date (profile, pe_document_get_id (item->calculator->document));
              inputs = pe_profile_get_inputs (profile, item->calculator, NULL);
              again = pe_calculator_evaluate (item->calculator, inputs, &options, &error);
              g_assert (again == NULL);
              g_assert (g_error_matches (error, PE_ERROR, PE_ERROR_OVERFLOW));
              g_assert_cmpstr (error->message, ==, item->error);
            }
        }
      else if (pe_result_has_amount (item->result))
        g_assert (pe_result_get_amount (item->result) >= 0);
    }
  /* the total is the sum of what is kept: never below zero, never wrapped */
  g_assert (pe_assessment_get_total (a, NULL) >= 0);
  {
    g_autoptr(JsonNode) json = pe_assessment_to_json (a);
    g_assert (json != NULL);
  }
}

static void
check_round_trip (PeProfile *profile)
{
  g_autoptr(GBytes) written = pe_profile_to_bytes (profile);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeProfile) back = pe_profile_new_from_bytes (written, ORIGIN, &error);
  g_auto(GStrv) keys = NULL;

  if (back == NULL)
    g_error ("a profile that loaded does not load once written: %s", error->message);
  g_assert_cmpstr (pe_profile_get_subject (back), ==, pe_profile_get_subject (profile));
  g_assert_cmpstr (pe_profile_get_name (back), ==, pe_profile_get_name (profile));
  g_assert (pe_profile_get_as_of (back) == pe_profile_get_as_of (profile));
  g_assert (pe_profile_get_n_values (back) == pe_profile_get_n_values (profile));
  keys = pe_profile_list_keys (profile);
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_cmpstr (pe_profile_get_value (back, keys[i]), ==, pe_profile_get_value (profile, keys[i]));

  again = pe_profile_to_bytes (back);
  g_assert (g_bytes_equal (written, again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PeProfile) profile = NULL;

  if (documents == NULL)
    {
      pe_fuzz_setup ();
      documents = pe_fuzz_load_documents ();
    }
  bytes = g_bytes_new (data, size);
  profile = pe_profile_new_from_bytes (bytes, ORIGIN, &error);
  if (profile == NULL)
    {
      /* refused: it says so, naming the file, in readable text */
      pe_fuzz_check_message (error, MAX_MESSAGE);
      g_assert (g_error_matches (error, PE_ERROR, PE_ERROR_INVALID_DATA));
      g_assert (g_str_has_prefix (error->message, ORIGIN ": "));
      return 0;
    }
  g_assert (error == NULL);
  g_assert (!pe_profile_is_modified (profile));   /* opening changes nothing */
  check_round_trip (profile);
  check_assessment (profile);
  return 0;
}
