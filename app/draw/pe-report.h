/* pe-report.h — an assessment as a printable, citable report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_DRAW_INSIDE) && !defined (PE_DRAW_COMPILATION)
# error "Only <policy-explorer-draw.h> can be included directly."
#endif

#include <cairo.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_REPORT (pe_report_get_type ())

G_DECLARE_FINAL_TYPE (PeReport, pe_report, PE, REPORT, GObject)

PeReport  *pe_report_new          (PeAssessment    *assessment,
                                   PePluginsEngine *engine,
                                   PeLanguage       language);
guint      pe_report_paginate     (PeReport        *self,
                                   cairo_t         *cr,
                                   double           width,
                                   double           height);
void       pe_report_draw_page    (PeReport        *self,
                                   cairo_t         *cr,
                                   guint            page);
gboolean   pe_report_write_pdf    (PeReport        *self,
                                   const char      *path,
                                   GError         **error);
char      *pe_report_get_text     (PeReport        *self);

G_END_DECLS
