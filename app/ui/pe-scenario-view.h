/* pe-scenario-view.h — two assessments side by side, with the difference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_SCENARIO_VIEW (pe_scenario_view_get_type ())

G_DECLARE_FINAL_TYPE (PeScenarioView, pe_scenario_view, PE, SCENARIO_VIEW, GtkBox)

GtkWidget  *pe_scenario_view_new          (void);
void        pe_scenario_view_set          (PeScenarioView *self,
                                           PeAssessment   *a,
                                           const char     *title_a,
                                           PeAssessment   *b,
                                           const char     *title_b);
gint64      pe_scenario_view_get_delta    (PeScenarioView *self);
const char *pe_scenario_view_get_delta_text (PeScenarioView *self);
guint       pe_scenario_view_get_n_rows   (PeScenarioView *self);
char       *pe_yuan_format_signed         (gint64          yuan);

G_END_DECLS
