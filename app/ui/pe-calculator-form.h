/* pe-calculator-form.h — a calculator as a form, with its result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_CALCULATOR_FORM (pe_calculator_form_get_type ())

G_DECLARE_FINAL_TYPE (PeCalculatorForm, pe_calculator_form, PE, CALCULATOR_FORM, GtkBox)

GtkWidget    *pe_calculator_form_new            (PeCalculator     *calculator);
PeCalculator *pe_calculator_form_get_calculator (PeCalculatorForm *self);
void          pe_calculator_form_set_options    (PeCalculatorForm *self,
                                                 const PeEvalOptions *options);
gboolean      pe_calculator_form_set_text       (PeCalculatorForm *self,
                                                 const char       *field_id,
                                                 const char       *text);
GtkWidget    *pe_calculator_form_get_field_widget (PeCalculatorForm *self,
                                                   const char       *field_id);
const char   *pe_calculator_form_get_field_error (PeCalculatorForm *self,
                                                  const char       *field_id);
gboolean      pe_calculator_form_compute        (PeCalculatorForm *self);
PeResult     *pe_calculator_form_get_result     (PeCalculatorForm *self);
const char   *pe_calculator_form_get_summary    (PeCalculatorForm *self);

G_END_DECLS
