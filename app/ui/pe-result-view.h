/* pe-result-view.h — a calculator's result: amount, verdict, trace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_RESULT_VIEW (pe_result_view_get_type ())

G_DECLARE_FINAL_TYPE (PeResultView, pe_result_view, PE, RESULT_VIEW, GtkBox)

GtkWidget *pe_result_view_new        (void);
void       pe_result_view_set_result (PeResultView *self,
                                      PeCalculator *calculator,
                                      PeResult     *result);
void       pe_result_view_set_error  (PeResultView *self,
                                      const char   *message);
void       pe_result_view_clear      (PeResultView *self);
const char *pe_result_view_get_summary (PeResultView *self);

GtkWidget *pe_trace_view_new         (PeCalculator *calculator,
                                      PeResult     *result);
char      *pe_clause_format          (PeDocument   *document,
                                      const PeClause *clause);

G_END_DECLS
