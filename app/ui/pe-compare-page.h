/* pe-compare-page.h — like support across documents side by side, and
 * the units responsible for the measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pe-document-set.h"

G_BEGIN_DECLS

#define PE_TYPE_COMPARE_PAGE (pe_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (PeComparePage, pe_compare_page, PE, COMPARE_PAGE, GtkBox)

GtkWidget    *pe_compare_page_new            (PeDocumentSet *documents);
void          pe_compare_page_set_assessment (PeComparePage *self,
                                              PeAssessment  *assessment);
void          pe_compare_page_show_section   (PeComparePage *self,
                                              const char    *section);
guint         pe_compare_page_count_groups   (PeComparePage *self);
guint         pe_compare_page_count_units    (PeComparePage *self);
GtkWidget    *pe_compare_page_get_group      (PeComparePage *self,
                                              const char    *group_id);
PeChartModel *pe_compare_page_get_units_chart (PeComparePage *self);
GtkWidget    *pe_compare_page_get_units_list (PeComparePage *self);

G_END_DECLS
