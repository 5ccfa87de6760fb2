/* pe-vocabulary-private.h — the vocabulary's state, for its reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pe-vocabulary.h"

G_BEGIN_DECLS

struct _PeVocabulary
{
  GObject     parent_instance;

  char       *origin;
  GPtrArray  *sections;        /* PeSection */
  GPtrArray  *facts;           /* PeField, in form order */
  GHashTable *facts_by_id;     /* id -> PeField (unowned) */
  GPtrArray  *groups;          /* PeGroup */
  GHashTable *groups_by_id;
};

PeVocabulary *_pe_vocabulary_new_empty (void);
gboolean      _pe_vocabulary_read      (PeVocabulary *self,
                                        GBytes       *bytes,
                                        const char   *origin,
                                        GError      **error);

G_END_DECLS
