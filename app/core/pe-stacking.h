/* pe-stacking.h — combining the results of one document under its rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-document.h"
#include "pe-result.h"

G_BEGIN_DECLS

#define PE_TYPE_STACKING_ENTRY (pe_stacking_entry_get_type ())

/**
 * PeStackingEntry:
 * @result: the result
 * @kept: whether it counts towards the total
 * @prevailing: (nullable): for a result set aside, the one kept instead
 * @clause: (nullable): the clause that set it aside
 * @reason: (nullable): why, in words
 */
typedef struct
{
  PeResult  *result;
  gboolean   kept;
  PeResult  *prevailing;
  PeClause  *clause;
  PeText    *reason;
  char      *document_id;   /* whose clause set it aside, when not its own */
} PeStackingEntry;

GType             pe_stacking_entry_get_type (void) G_GNUC_CONST;
PeStackingEntry  *pe_stacking_entry_ref      (PeStackingEntry *self);
void              pe_stacking_entry_unref    (PeStackingEntry *self);

GPtrArray        *pe_stacking_apply          (PeDocument      *document,
                                              GPtrArray       *results,
                                              gint64          *total);

G_END_DECLS
