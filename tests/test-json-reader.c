/* test-json-reader.c — the strict JSON reader reads what json-glib reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents and profiles are read by our own reader (app/core/
 * pe-json-reader.c) into json-glib's nodes. Wherever JSON is valid and
 * within its limits, the tree must be the one JsonParser builds: every
 * real document, the shared vocabulary, and texts chosen for escapes and
 * numbers are read by both and compared node by node. What it refuses is
 * tested in test-robust.c.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pe-json-reader-private.h"

/* Compares @a (ours) with @b (json-glib's), naming the first difference. */
static void
assert_same_tree (JsonNode   *a,
                  JsonNode   *b,
                  const char *path)
{
  g_assert_cmpint (json_node_get_node_type (a), ==, json_node_get_node_type (b));
  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
        g_autoptr(GList) names = json_object_get_members (oa);
        g_autoptr(GList) names_b = json_object_get_members (ob);

        g_assert_cmpuint (g_list_length (names), ==, g_list_length (names_b));
        /* the order of members is kept, as json-glib keeps it */
        for (GList *l = names, *m = names_b; l; l = l->next, m = m->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s.%s", path, (char *) l->data);

            if (g_strcmp0 (l->data, m->data) != 0)
              g_error ("%s: member “%s”, json-glib has “%s”", path, (char *) l->data, (char *) m->data);
            assert_same_tree (json_object_get_member (oa, l->data), json_object_get_member (ob, l->data), sub);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);

        g_assert_cmpuint (json_array_get_length (aa), ==, json_array_get_length (ab));
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
            assert_same_tree (json_array_get_element (aa, i), json_array_get_element (ab, i), sub);
          }
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        g_error ("%s: a %s, json-glib reads a %s", path, g_type_name (json_node_get_value_type (a)),
                 g_type_name (json_node_get_value_type (b)));
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_STRING:
          if (g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) != 0)
            g_error ("%s: “%s”, json-glib reads “%s”", path, json_node_get_string (a), json_node_get_string (b));
          break;
        case G_TYPE_INT64:
          g_assert_cmpint (json_node_get_int (a), ==, json_node_get_int (b));
          break;
        case G_TYPE_DOUBLE:
          g_assert_cmpfloat (json_node_get_double (a), ==, json_node_get_double (b));
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (json_node_get_boolean (a), ==, json_node_get_boolean (b));
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    case JSON_NODE_NULL:
      break;
    }
}

static void
assert_reads_as_json_glib (const char *text,
                           gsize       length,
                           const char *what)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ours = NULL;

  g_test_message ("%s", what);
  ours = _pe_json_parse (text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ours);
  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);
  assert_same_tree (ours, json_parser_get_root (parser), "$");
}

static void
test_real_files (void)
{
  const char *dirs[] = { "plugins", NULL };
  guint files = 0;
  g_autofree char *vocabulary = g_build_filename (SOURCE_ROOT, "app", "core", "data", "vocabulary.json", NULL);
  g_autofree char *data = NULL;
  gsize length;

  for (guint d = 0; dirs[d]; d++)
    {
      g_autofree char *dir_path = g_build_filename (SOURCE_ROOT, dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *json_name = g_strconcat (name, ".json", NULL);
          g_autofree char *path = g_build_filename (dir_path, name, "data", json_name, NULL);
          g_autofree char *text = NULL;

          if (!g_file_get_contents (path, &text, &length, NULL))
            continue;
          assert_reads_as_json_glib (text, length, path);
          files++;
        }
    }
  g_assert_cmpuint (files, >=, 13);

  g_assert_true (g_file_get_contents (vocabulary, &data, &length, NULL));
  assert_reads_as_json_glib (data, length, vocabulary);
}

static void
test_edge_cases (void)
{
  const char *texts[] = {
    "{}", "[]", "[[], {}, [[]]]", "0", "-0", "\"\"", "null", "true", "false",
    "[9223372036854775807, -9223372036854775808, 0, -1, 10]",
    "[1.5, -2.25e3, 1E-7, 0.1, 6.02214076e23, 1e0]",
    "[\"\\n\\t\\r\\b\\f\\\\\\/\\\"\", \"\\u00e9\\u4E07\", \"\\ud83d\\ude00\", \"a\\u0020b\"]",
    "{\"万元\": \"十万元\", \"a\": {\"b\": {\"c\": [1, {\"d\": null}]}}}",
    " \t\r\n{ \"x\" :\n 1 , \"y\":[ ] }\n ",
    /* a member name longer than the reader keeps on its stack */
    "{\"a-member-name-that-is-longer-than-sixty-four-bytes-to-leave-the-stack-buffer\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_reads_as_json_glib (texts[i], strlen (texts[i]), texts[i]);
}

/* The input need not end in a NUL: a number or a word at the very end of
 * the buffer is read to there and no further. */
static void
test_not_terminated (void)
{
  const char text[] = { '[', '1', '2', ']', '1', '2' };   /* no NUL */
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) array = _pe_json_parse (text, 4, &error);
  g_autoptr(JsonNode) number = _pe_json_parse (text + 4, 2, &error);
  g_autoptr(JsonNode) word = _pe_json_parse ("truex", 4, &error);

  g_assert_no_error (error);
  g_assert_cmpint (json_array_get_int_element (json_node_get_array (array), 0), ==, 12);
  g_assert_cmpint (json_node_get_int (number), ==, 12);
  g_assert_true (json_node_get_boolean (word));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-reader/real-files", test_real_files);
  g_test_add_func ("/json-reader/edge-cases", test_edge_cases);
  g_test_add_func ("/json-reader/not-terminated", test_not_terminated);
  return g_test_run ();
}
