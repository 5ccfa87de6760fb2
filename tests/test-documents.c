/* test-documents.c — every document's data, checked across documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One document is loaded at a time, so what crosses documents is checked
 * here: the links of a measure to the measures of other documents that
 * carry it out, and the ids that the .plugin files announce.
 */
#include "config.h"

#include <string.h>

#include "pe-test-harness.h"

static GHashTable *documents;   /* id -> PeDocument */

static void
load_all (void)
{
  const char *ids = g_getenv ("PE_DOCUMENTS");
  g_auto(GStrv) list = g_strsplit (ids ? ids : "", " ", -1);

  documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *rel = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      PeDocument *doc;

      if (*list[i] == '\0')
        continue;
      rel = g_strdup_printf ("plugins/%s/data/%s.json", list[i], list[i]);
      path = pe_test_source_path (rel);
      file = g_file_new_for_path (path);
      doc = pe_document_new_from_file (file, &error);
      g_assert_no_error (error);
      /* the file's id is the folder's */
      g_assert_cmpstr (pe_document_get_id (doc), ==, list[i]);
      g_hash_table_insert (documents, g_strdup (list[i]), doc);
    }
}

static void
test_links_resolve (void)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *measures = pe_document_get_measures (value);

      for (guint i = 0; i < measures->len; i++)
        {
          PeMeasure *m = g_ptr_array_index (measures, i);

          for (guint j = 0; j < m->links->len; j++)
            {
              PeLink *link = g_ptr_array_index (m->links, j);
              PeDocument *other = g_hash_table_lookup (documents, link->document_id);

              g_test_message ("%s/%s → %s/%s", (char *) key, m->id, link->document_id, link->measure_id);
              if (other == NULL)
                g_error ("%s measure %s links to the document “%s”, which does not exist",
                         (char *) key, m->id, link->document_id);
              if (pe_document_get_measure (other, link->measure_id) == NULL)
                g_error ("%s measure %s links to measure “%s” of %s, which does not exist",
                         (char *) key, m->id, link->measure_id, link->document_id);
              n++;
            }
        }
    }
  g_test_message ("%u links checked", n);
}

static void
test_every_measure_bilingual (void)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *measures = pe_document_get_measures (value);
      GPtrArray *calcs = pe_document_get_calculators (value);

      for (guint i = 0; i < measures->len; i++)
        {
          PeMeasure *m = g_ptr_array_index (measures, i);
          /* the original keeps its Chinese, the rendering is English */
          g_assert_nonnull (m->text->zh);
          g_assert_cmpuint (strlen (m->text->en), >, 0);
          g_assert_false (g_utf8_strchr (m->text->zh, -1, 0x3000) != NULL);   /* no stray ideographic space */
        }
      /* every calculator can be evaluated on nothing without failing:
       * missing inputs make "cannot decide", not a crash */
      for (guint i = 0; i < calcs->len; i++)
        {
          PeCalculator *c = g_ptr_array_index (calcs, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(PeResult) r = pe_calculator_evaluate (c, NULL, NULL, &error);

          g_test_message ("%s/%s", (char *) key, c->id);
          g_assert_no_error (error);
          g_assert_nonnull (r);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  pe_test_init (&argc, &argv, FALSE);
  load_all ();

  g_test_add_func ("/documents/links-resolve", test_links_resolve);
  g_test_add_func ("/documents/bilingual-and-total", test_every_measure_bilingual);

  ret = g_test_run ();
  g_hash_table_unref (documents);
  return ret;
}
