/* pe-assessment-view.h — every benefit a profile can claim, the total,
 * and the stacking ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_ASSESSMENT_VIEW (pe_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (PeAssessmentView, pe_assessment_view, PE, ASSESSMENT_VIEW, GtkBox)

GtkWidget    *pe_assessment_view_new            (void);
void          pe_assessment_view_set_assessment (PeAssessmentView *self,
                                                 PeAssessment     *assessment);
PeAssessment *pe_assessment_view_get_assessment (PeAssessmentView *self);
const char   *pe_assessment_view_get_total_text (PeAssessmentView *self);
GtkWidget    *pe_assessment_view_find_item      (PeAssessmentView *self,
                                                 const char       *document_id,
                                                 const char       *calculator_id);
const char   *pe_assessment_view_get_item_summary (PeAssessmentView *self,
                                                 const char       *document_id,
                                                 const char       *calculator_id);
GtkWidget    *pe_assessment_view_get_ledger     (PeAssessmentView *self);
char         *pe_key_describe                   (PeCalculator     *calculator,
                                                 const char       *key);

G_END_DECLS
