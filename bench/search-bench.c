/* search-bench.c — the cost of a search over a set of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   search-bench [--rounds N] DOCUMENT.json…
 *
 * Reads the documents, builds the search index of them as the window
 * does, and runs a fixed set of queries (Chinese and English words, one
 * and several terms, full-width and traditional forms, a common character,
 * no match), each N times, with the window's limit of hits. Prints one
 * line of JSON: the entries indexed, the index's memory (bytes allocated
 * while it was built, that stay allocated), the time to build it, and per
 * query the median and the slowest run in microseconds.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy-explorer-core.h"

/* as many as the search results of the window show */
#define LIMIT 500

static const char *queries[] = {
  "上云",              /* a word of one measure */
  "补助",              /* a word of many */
  "企业 奖励",         /* two terms */
  "人才 住房 补贴",    /* three */
  "發展",              /* traditional, folded to 发展 */
  "ＳＯＦＴＷＡＲＥ",  /* full-width */
  "subsidy",           /* English */
  "private enterprises",
  "Bureau of Commerce",
  "的",                /* in every measure: the most hits to make */
  "技改 设备 智能化 xyzzy", /* matches nothing, after terms that do */
  "xyzzy",             /* nothing at all */
};

static gint64
bytes_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return (gint64) mi.uordblks + (gint64) mi.hblkhd;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) out = g_string_new (NULL);
  PeSearchIndex *index;
  guint rounds = 200, entries = 0, measures = 0;
  gint64 before, t0, build_us, memory;
  int first = 1;

  if (argc > 2 && g_str_equal (argv[1], "--rounds"))
    {
      rounds = (guint) g_ascii_strtoull (argv[2], NULL, 10);
      first = 3;
    }
  if (first >= argc || rounds == 0)
    {
      g_printerr ("usage: search-bench [--rounds N] DOCUMENT.json…\n");
      return 2;
    }

  for (int i = first; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (argv[i]);
      g_autoptr(GError) error = NULL;
      PeDocument *doc = pe_document_new_from_file (file, &error);

      if (doc == NULL)
        {
          g_printerr ("search-bench: %s: %s\n", argv[i], error->message);
          return 1;
        }
      measures += pe_document_get_measures (doc)->len;
      entries += pe_document_get_measures (doc)->len;
      for (guint l = 0; l < pe_document_get_lists (doc)->len; l++)
        entries += ((PeItemList *) g_ptr_array_index (pe_document_get_lists (doc), l))->items->len;
      g_ptr_array_add (docs, doc);
    }

  /* what the index keeps: what was allocated while building it and is
   * still allocated after */
  before = bytes_in_use ();
  t0 = g_get_monotonic_time ();
  index = pe_search_index_new ();
  for (guint i = 0; i < docs->len; i++)
    pe_search_index_add_document (index, g_ptr_array_index (docs, i));
  build_us = g_get_monotonic_time () - t0;
  memory = bytes_in_use () - before;

  g_string_append_printf (out, "{\"documents\": %u, \"measures\": %u, \"entries\": %u, "
                          "\"index_bytes\": %" G_GINT64_FORMAT ", \"build_us\": %" G_GINT64_FORMAT
                          ", \"queries\": [",
                          docs->len, measures, entries, memory, build_us);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree gint64 *runs = g_new (gint64, rounds);
      guint hits = 0;

      for (guint r = 0; r < rounds; r++)
        {
          g_autoptr(GPtrArray) found = NULL;

          t0 = g_get_monotonic_time ();
          found = pe_search_index_query (index, queries[q], LIMIT);
          runs[r] = g_get_monotonic_time () - t0;
          hits = found->len;
        }
      qsort (runs, rounds, sizeof (gint64), compare_gint64);
      g_string_append_printf (out, "%s{\"query\": \"%s\", \"hits\": %u, \"median_us\": %" G_GINT64_FORMAT
                              ", \"max_us\": %" G_GINT64_FORMAT "}",
                              q ? ", " : "", queries[q], hits, runs[rounds / 2], runs[rounds - 1]);
    }
  g_string_append (out, "]}");
  puts (out->str);
  g_object_unref (index);
  return 0;
}
