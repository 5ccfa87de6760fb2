/* pe-batch.h — many profiles from a CSV file, results as they come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "pe-assessment.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 profiles;    /* rows read and assessed */
  guint64 bad_rows;    /* rows refused */
  guint64 results;     /* result rows written */
} PeBatchStats;

typedef void (*PeBatchBadRowFunc)   (guint               line,
                                     const GError       *problem,
                                     gpointer            user_data);
typedef void (*PeBatchProgressFunc) (const PeBatchStats *stats,
                                     gpointer            user_data);

typedef struct
{
  GPtrArray           *documents;   /* PeDocument */
  guint32              as_of;       /* 0: each row's own, else today */
  PeLanguage           language;
  gboolean             json;        /* JSON Lines instead of CSV */
  PeBatchBadRowFunc    bad_row;
  PeBatchProgressFunc  progress;
  gpointer             user_data;
} PeBatchOptions;

gboolean pe_batch_run (GInputStream         *input,
                       GOutputStream        *output,
                       const PeBatchOptions *options,
                       PeBatchStats         *stats,
                       GError              **error);

G_END_DECLS
