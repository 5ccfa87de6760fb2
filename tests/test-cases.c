/* test-cases.c — a document's calculators against cases worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cases DATA.json CASES.json
 * Each case becomes one g_test; the format is in docs/data-format.md.
 */
#include "config.h"

#include <string.h>

#include "policy-explorer-core.h"

static PeDocument *document;

typedef struct
{
  guint       index;
  JsonObject *json;
} Case;

static const char *
member_string (JsonObject *o,
               const char *name)
{
  return json_object_has_member (o, name) && !json_object_get_null_member (o, name)
         ? json_object_get_string_member (o, name) : NULL;
}

static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    switch (json_node_get_value_type (node))
      {
      case G_TYPE_STRING: return g_strdup (json_node_get_string (node));
      case G_TYPE_INT64: return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      case G_TYPE_BOOLEAN: return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      default: break;
      }
  g_error ("case inputs must be strings, integers or booleans");
  return NULL;
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  JsonObject *o = c->json;
  JsonObject *expect = json_object_get_object_member (o, "expect");
  const char *calc_id = json_object_get_string_member (o, "calculator");
  PeCalculator *calc = pe_document_get_calculator (document, calc_id);
  g_autoptr(GHashTable) inputs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(PeResult) r = NULL;
  g_autoptr(GError) error = NULL;
  PeEvalOptions options = { 0 };
  JsonObject *in;
  const char *s;

  g_test_message ("%s: %s", calc_id, member_string (o, "why") ? member_string (o, "why") : "");
  g_assert_nonnull (calc);

  in = json_object_get_object_member (o, "inputs");
  if (in != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (in);
      for (GList *l = members; l; l = l->next)
        g_hash_table_insert (inputs, l->data, node_to_text (json_object_get_member (in, l->data)));
    }
  if ((s = member_string (o, "as_of")) != NULL)
    g_assert_true (pe_date_parse (s, &options.as_of));
  if ((s = member_string (o, "issue_date")) != NULL)
    g_assert_true (pe_date_parse (s, &options.issue_date));

  r = pe_calculator_evaluate (calc, inputs, &options, &error);

  if ((s = member_string (expect, "error")) != NULL)
    {
      g_assert_null (r);
      g_assert_nonnull (error);
      if (strstr (error->message, s) == NULL)
        g_error ("expected an error containing “%s”, got “%s”", s, error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (r);

  if ((s = member_string (expect, "verdict")) != NULL)
    g_assert_cmpstr (pe_verdict_to_string (pe_result_get_verdict (r)), ==, s);

  if (json_object_has_member (expect, "amount"))
    {
      if (json_object_get_null_member (expect, "amount"))
        g_assert_false (pe_result_has_amount (r));
      else
        {
          g_assert_true (pe_result_has_amount (r));
          g_assert_cmpint (pe_result_get_amount (r), ==, json_object_get_int_member (expect, "amount"));
        }
    }
  if (json_object_has_member (expect, "amount_if_in_force"))
    {
      gint64 potential = -1;
      g_assert_true (pe_result_get_amount_if_in_force (r, &potential, NULL));
      g_assert_cmpint (potential, ==, json_object_get_int_member (expect, "amount_if_in_force"));
    }
  if (json_object_has_member (expect, "is_maximum"))
    g_assert_cmpint (pe_result_get_is_maximum (r), ==, json_object_get_boolean_member (expect, "is_maximum"));

  if ((s = member_string (expect, "failed")) != NULL)
    {
      g_assert_nonnull (pe_result_get_failed_step (r));
      g_assert_cmpstr (pe_result_get_failed_step (r)->id, ==, s);
    }
  if (json_object_has_member (expect, "missing"))
    {
      JsonArray *want = json_object_get_array_member (expect, "missing");
      GStrv got = pe_result_get_missing (r);

      g_assert_nonnull (got);
      g_assert_cmpuint (g_strv_length (got), ==, json_array_get_length (want));
      for (guint i = 0; i < json_array_get_length (want); i++)
        g_assert_true (g_strv_contains ((const char * const *) got, json_array_get_string_element (want, i)));
    }
  if (json_object_has_member (expect, "outputs"))
    {
      JsonObject *want = json_object_get_object_member (expect, "outputs");
      g_autoptr(GList) members = json_object_get_members (want);
      GPtrArray *outs = pe_result_get_outputs (r);

      for (GList *l = members; l; l = l->next)
        {
          gboolean found = FALSE;
          g_autofree char *text = node_to_text (json_object_get_member (want, l->data));

          for (guint i = 0; i < outs->len; i++)
            {
              PeOutput *out = g_ptr_array_index (outs, i);
              if (g_str_equal (out->id, l->data))
                {
                  g_autofree char *got = pe_value_to_string (out->type, &out->value);
                  g_assert_cmpstr (got, ==, text);
                  found = TRUE;
                }
            }
          if (!found)
            g_error ("no output “%s”", (char *) l->data);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  JsonArray *arr;
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (argc != 3)
    g_error ("usage: test-cases DATA.json CASES.json");

  data = g_file_new_for_path (argv[1]);
  document = pe_document_new_from_file (data, &error);
  g_assert_no_error (error);

  json_parser_load_from_file (parser, argv[2], &error);
  g_assert_no_error (error);
  arr = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (arr), >, 0);

  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      Case *c = g_new0 (Case, 1);
      JsonObject *o = json_array_get_object_element (arr, i);
      g_autofree char *path = g_strdup_printf ("/cases/%s/%03u-%s", pe_document_get_id (document), i,
                                               json_object_get_string_member (o, "calculator"));
      c->index = i;
      c->json = o;
      g_ptr_array_add (cases, c);
      g_test_add_data_func (path, c, run_case);
    }

  ret = g_test_run ();
  g_clear_object (&document);
  return ret;
}
