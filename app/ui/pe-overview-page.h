/* pe-overview-page.h — every active document, its validity on a
 * timeline, and what expires soon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pe-document-set.h"

G_BEGIN_DECLS

#define PE_TYPE_OVERVIEW_PAGE (pe_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PeOverviewPage, pe_overview_page, PE, OVERVIEW_PAGE, GtkBox)

GtkWidget    *pe_overview_page_new               (PeDocumentSet  *documents);
void          pe_overview_page_set_as_of         (PeOverviewPage *self,
                                                  guint32         as_of);
guint32       pe_overview_page_get_as_of         (PeOverviewPage *self);
PeChartModel *pe_overview_page_get_timeline      (PeOverviewPage *self);
guint         pe_overview_page_count_expiring    (PeOverviewPage *self);
GtkWidget    *pe_overview_page_get_document_list (PeOverviewPage *self);
const char   *pe_overview_page_get_summary       (PeOverviewPage *self);

G_END_DECLS
