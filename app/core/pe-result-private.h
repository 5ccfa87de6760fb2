/* pe-result-private.h — building a PeResult
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pe-result.h"

G_BEGIN_DECLS

PeResult *_pe_result_new          (const char  *document_id,
                                  const char  *calculator_id,
                                  const char  *measure_id,
                                  const char  *category);
void      _pe_result_take_trace   (PeResult    *self,
                                  PeTraceStep *step);
void      _pe_result_take_output  (PeResult    *self,
                                  PeOutput    *output);
void      _pe_result_add_reading  (PeResult    *self,
                                  const PeText *reading);
void      _pe_result_set_verdict  (PeResult    *self,
                                  PeVerdict    verdict,
                                  PeTraceStep *failed,
                                  GStrv        missing);
void      _pe_result_set_amount   (PeResult    *self,
                                  gint64       amount,
                                  gboolean     is_maximum);

void      _pe_result_set_amount_if_in_force (PeResult *self,
                                             gint64    amount,
                                             gboolean  is_maximum);

PeTraceStep *_pe_trace_step_new   (PeTraceKind  kind,
                                  const char  *id);
PeOutput    *_pe_output_new       (const char  *id);

G_END_DECLS
