/* pe-search.h — finding measures by a word of their Chinese or English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-document.h"

G_BEGIN_DECLS

#define PE_TYPE_SEARCH_INDEX (pe_search_index_get_type ())
#define PE_TYPE_SEARCH_HIT   (pe_search_hit_get_type ())

/**
 * PeSearchHit:
 * @document_id: the document
 * @measure_id: the measure, or for an item of a list the measure that
 *   enumerates it
 * @field: where the first term matched: "title", "text", "english" or
 *   "units" of a measure, or "item" of a list
 * @snippet: the matched text with some context, as shown
 * @match_start: where the match starts in @snippet, in bytes
 * @match_length: its length in bytes
 * @list_id: (nullable): the list, when the match is one of its items
 */
typedef struct
{
  char  *document_id;
  char  *measure_id;
  char  *field;
  char  *snippet;
  gsize  match_start;
  gsize  match_length;
  char  *list_id;
} PeSearchHit;

G_DECLARE_FINAL_TYPE (PeSearchIndex, pe_search_index, PE, SEARCH_INDEX, GObject)

GType          pe_search_hit_get_type          (void) G_GNUC_CONST;
PeSearchHit   *pe_search_hit_copy              (const PeSearchHit *hit);
void           pe_search_hit_free              (PeSearchHit       *hit);

PeSearchIndex *pe_search_index_new             (void);
void           pe_search_index_add_document    (PeSearchIndex *self,
                                                PeDocument    *document);
void           pe_search_index_remove_document (PeSearchIndex *self,
                                                const char    *document_id);
gboolean       pe_search_index_has_document    (PeSearchIndex *self,
                                                const char    *document_id);
GPtrArray     *pe_search_index_query           (PeSearchIndex *self,
                                                const char    *query,
                                                guint          limit);
char          *pe_search_normalize             (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeSearchHit, pe_search_hit_free)

G_END_DECLS
