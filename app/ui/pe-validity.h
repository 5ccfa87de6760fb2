/* pe-validity.h — a document's validity on a date, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

char      *pe_validity_describe (PeDocument *document,
                                 guint32     as_of,
                                 guint32     issue_date,
                                 PeInForce  *in_force);
void       pe_validity_show     (GtkWidget  *label,
                                 PeDocument *document,
                                 guint32     as_of,
                                 guint32     issue_date);
gboolean   pe_validity_is_over  (PeInForce   in_force);

G_END_DECLS
