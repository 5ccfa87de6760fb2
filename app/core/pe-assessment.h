/* pe-assessment.h — every benefit a profile can claim, stacked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-document.h"
#include "pe-profile.h"
#include "pe-stacking.h"

G_BEGIN_DECLS

#define PE_TYPE_ASSESSMENT      (pe_assessment_get_type ())
#define PE_TYPE_ASSESSMENT_ITEM (pe_assessment_item_get_type ())

/**
 * PeAssessmentItem:
 * @calculator: the calculator run
 * @result: (nullable): what it found; %NULL when a value of the profile is
 *   wrong for it (see @error)
 * @error: (nullable): why a value of the profile was refused
 * @error_key: (nullable): the profile key of that value
 * @missing_keys: (nullable): the profile keys of the inputs it still needs
 * @needs_issue_date: the document's issue date is needed and not known
 * @stacking: (nullable): its entry in the stacking ledger, when it has an
 *   amount that takes part
 */
typedef struct
{
  PeCalculator    *calculator;
  PeResult        *result;
  char            *error;
  char            *error_key;
  GStrv            missing_keys;
  gboolean         needs_issue_date;
  PeStackingEntry *stacking;
} PeAssessmentItem;

G_DECLARE_FINAL_TYPE (PeAssessment, pe_assessment, PE, ASSESSMENT, GObject)

GType             pe_assessment_item_get_type   (void) G_GNUC_CONST;
PeAssessmentItem *pe_assessment_item_ref        (PeAssessmentItem *self);
void              pe_assessment_item_unref      (PeAssessmentItem *self);
const char       *pe_assessment_item_get_document_id (PeAssessmentItem *self);

gboolean          pe_calculator_concerns        (PeCalculator     *calculator,
                                                 const char       *subject);

PeAssessment     *pe_assessment_new             (PeProfile        *profile,
                                                 GPtrArray        *documents,
                                                 guint32           as_of);
PeProfile        *pe_assessment_get_profile     (PeAssessment     *self);
guint32           pe_assessment_get_as_of       (PeAssessment     *self);
GPtrArray        *pe_assessment_get_items       (PeAssessment     *self);
PeAssessmentItem *pe_assessment_find_item       (PeAssessment     *self,
                                                 const char       *document_id,
                                                 const char       *calculator_id);
GPtrArray        *pe_assessment_get_ledger      (PeAssessment     *self);
gint64            pe_assessment_get_total       (PeAssessment     *self,
                                                 gboolean         *is_maximum);
guint             pe_assessment_count           (PeAssessment     *self,
                                                 PeVerdict         verdict);
JsonNode         *pe_assessment_to_json         (PeAssessment     *self);

void              pe_assessment_append_csv_header (GString        *out,
                                                 gboolean          with_line);
void              pe_assessment_append_csv_rows (PeAssessment     *self,
                                                 GString          *out,
                                                 guint             line,
                                                 PeLanguage        language);
char             *pe_assessment_to_csv          (PeAssessment     *self,
                                                 PeLanguage        language);

G_END_DECLS
