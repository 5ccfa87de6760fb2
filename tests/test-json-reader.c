/* test-json-reader.c — the strict JSON reader reads what json-glib reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents and profiles are read by our own reader (app/core/
 * pe-json-reader.c) into a tree of its own. Wherever JSON is valid and
 * within its limits, the tree must hold what JsonParser builds: every
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
assert_same_tree (PeJson     *a,
                  JsonNode   *b,
                  const char *path)
{
  switch (json_node_get_node_type (b))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *ob = json_node_get_object (b);
        g_autoptr(GList) names_b = json_object_get_members (ob);
        GList *l = names_b;

        if (!PE_JSON_HOLDS_OBJECT (a))
          g_error ("%s: not an object, json-glib reads one", path);
        g_assert_cmpuint (a->length, ==, json_object_get_size (ob));
        /* the same members, in the same order */
        for (guint i = 0; i < a->length; i++, l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s.%s", path, a->u.members[i].name);

            g_assert_cmpstr (a->u.members[i].name, ==, l->data);
            g_assert_true (_pe_json_get_member (a, l->data) == a->u.members[i].value);
            assert_same_tree (a->u.members[i].value, json_object_get_member (ob, l->data), sub);
          }
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *ab = json_node_get_array (b);

        if (!PE_JSON_HOLDS_ARRAY (a))
          g_error ("%s: not an array, json-glib reads one", path);
        g_assert_cmpuint (_pe_json_array_length (a), ==, json_array_get_length (ab));
        for (guint i = 0; i < _pe_json_array_length (a); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
            assert_same_tree (_pe_json_array_element (a, i), json_array_get_element (ab, i), sub);
          }
        break;
      }
    case JSON_NODE_VALUE:
      if (_pe_json_value_type (a) != json_node_get_value_type (b))
        g_error ("%s: a %s, json-glib reads a %s", path, g_type_name (_pe_json_value_type (a)),
                 g_type_name (json_node_get_value_type (b)));
      switch (json_node_get_value_type (b))
        {
        case G_TYPE_STRING:
          if (g_strcmp0 (_pe_json_get_string (a), json_node_get_string (b)) != 0)
            g_error ("%s: “%s”, json-glib reads “%s”", path, _pe_json_get_string (a), json_node_get_string (b));
          break;
        case G_TYPE_INT64:
          g_assert_cmpint (_pe_json_get_int (a), ==, json_node_get_int (b));
          break;
        case G_TYPE_DOUBLE:
          g_assert_cmpfloat (_pe_json_get_double (a), ==, json_node_get_double (b));
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (_pe_json_get_boolean (a), ==, json_node_get_boolean (b));
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    case JSON_NODE_NULL:
      if (!PE_JSON_HOLDS_NULL (a))
        g_error ("%s: not null, json-glib reads null", path);
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
  g_autoptr(PeJsonTree) ours = NULL;

  g_test_message ("%s", what);
  ours = _pe_json_parse (text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ours);
  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);
  assert_same_tree (_pe_json_tree_get_root (ours), json_parser_get_root (parser), "$");
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
    /* a long member name */
    "{\"a-member-name-that-is-longer-than-sixty-four-bytes-to-leave-the-stack-buffer\": 1}",
    /* more members than are checked for a duplicate one by one */
    "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7, \"h\": 8, \"i\": 9, "
    "\"j\": 10, \"k\": 11, \"l\": 12, \"m\": 13, \"n\": 14, \"o\": 15, \"p\": 16, \"q\": 17, \"r\": [18]}",
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
  g_autoptr(PeJsonTree) array = _pe_json_parse (text, 4, &error);
  g_autoptr(PeJsonTree) number = _pe_json_parse (text + 4, 2, &error);
  g_autoptr(PeJsonTree) word = _pe_json_parse ("truex", 4, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_pe_json_get_int (_pe_json_array_element (_pe_json_tree_get_root (array), 0)), ==, 12);
  g_assert_cmpint (_pe_json_get_int (_pe_json_tree_get_root (number)), ==, 12);
  g_assert_true (_pe_json_get_boolean (_pe_json_tree_get_root (word)));
}

static void
assert_utf8_as_glib (const guchar *bytes,
                     gsize         length)
{
  gboolean glib = g_utf8_validate_len ((const char *) bytes, length, NULL);
  gboolean ours = _pe_json_check_utf8 ((const char *) bytes, length, NULL);

  if (ours != glib)
    {
      g_autoptr(GString) hex = g_string_new (NULL);

      for (gsize i = 0; i < length; i++)
        g_string_append_printf (hex, " %02X", bytes[i]);
      g_error ("the bytes%s: %s, GLib says %s", hex->str, ours ? "UTF-8" : "not UTF-8",
               glib ? "UTF-8" : "not UTF-8");
    }
}

/* The check of UTF-8 has its own fast path: it must accept exactly what
 * g_utf8_validate_len() accepts. Every code point, every two bytes, the
 * edges of the three- and four-byte forms, and random bytes. */
static void
test_utf8_as_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  static const guchar alphabet[] = { 0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                     0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4,
                                     0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF };

  for (guint32 c = 0; c < 0x110000; c++)
    {
      guchar buf[8] = { 0 };
      int n;

      if (c >= 0xD800 && c <= 0xDFFF)
        {
          /* a surrogate written as if it were a character */
          buf[0] = 0xE0 | (c >> 12), buf[1] = 0x80 | ((c >> 6) & 0x3F), buf[2] = 0x80 | (c & 0x3F);
          n = 3;
        }
      else
        n = g_unichar_to_utf8 (c, (char *) buf);
      assert_utf8_as_glib (buf, n);
      assert_utf8_as_glib (buf, n - 1);   /* cut short */
    }
  for (guint a = 0; a < 256; a++)
    for (guint b = 0; b < 256; b++)
      {
        guchar two[2] = { a, b }, three[3] = { a, b, 0x80 }, four[4] = { a, b, 0x80, 0x80 };

        assert_utf8_as_glib (two, 2);
        assert_utf8_as_glib (three, 3);
        assert_utf8_as_glib (four, 4);
      }
  for (guint i = 0; i < 200000; i++)
    {
      guchar buf[12];
      gsize n = g_rand_int_range (rand, 1, sizeof buf + 1);

      for (gsize k = 0; k < n; k++)
        buf[k] = g_rand_boolean (rand) ? alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]
                                       : (guchar) g_rand_int_range (rand, 0, 256);
      assert_utf8_as_glib (buf, n);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-reader/real-files", test_real_files);
  g_test_add_func ("/json-reader/edge-cases", test_edge_cases);
  g_test_add_func ("/json-reader/not-terminated", test_not_terminated);
  g_test_add_func ("/json-reader/utf8-as-glib", test_utf8_as_glib);
  return g_test_run ();
}
