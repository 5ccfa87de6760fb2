/* pe-expr-private.h — the small formula language of calculators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calculators are data: their conditions and steps are formulas over the
 * calculator's fields, its earlier steps and the document's parameters
 * ($name). Formulas are parsed and type-checked once, when the document is
 * loaded, so a mistake in a data file is reported then and never while
 * someone computes. Evaluation is exact (PeRational) and three-valued:
 * a formula that needs an input that is not set yields "unknown" and says
 * which inputs are missing.
 *
 *   numbers 12, 2.5     strings 'star'     true false     as_of
 *   + - * /   < <= > >= == !=   and or not   ( )
 *   min(a, b, …) max(a, b, …) if(cond, a, b) is_set(field) floor(x)
 *   date('2021-02-08') add_days(d, n) add_months(d, n) add_years(d, n)
 *   add_working_days(d, n) add_working_days(d, n, holidays) days_between(a, b)
 *
 * holidays is a field of type dates; left empty, only weekends are skipped.
 */
#pragma once

#include "pe-value.h"

G_BEGIN_DECLS

typedef struct _PeExpr PeExpr;

typedef enum
{
  PE_SYMBOL_FIELD,
  PE_SYMBOL_STEP,
  PE_SYMBOL_PARAMETER,
} PeSymbolKind;

/* Resolves a name (without its "$" for parameters) to a slot and the kind
 * of value it holds. */
typedef gboolean (*PeExprResolveFunc) (const char   *name,
                                       gboolean      is_parameter,
                                       PeSymbolKind *kind,
                                       guint        *index,
                                       PeValueKind  *value_kind,
                                       gpointer      user_data);

typedef struct
{
  const PeValue *fields;
  const PeValue *steps;
  const PeValue *parameters;
  guint32        as_of;     /* Julian day; 0 when not given */
} PeExprScope;

PeExpr      *_pe_expr_parse      (const char         *source,
                                 PeExprResolveFunc   resolve,
                                 gpointer            user_data,
                                 GError            **error);
void         _pe_expr_free       (PeExpr             *expr);
PeValueKind  _pe_expr_get_kind   (const PeExpr       *expr);
gboolean     _pe_expr_eval       (const PeExpr       *expr,
                                 const PeExprScope  *scope,
                                 PeValue            *out,
                                 GError            **error);
/* Calls func for each field slot the formula reads. */
void         _pe_expr_foreach_field (const PeExpr    *expr,
                                    void           (*func) (guint index, gpointer data),
                                    gpointer         data);
/* Calls func for each earlier step the formula reads. */
void         _pe_expr_foreach_step (const PeExpr     *expr,
                                   void            (*func) (guint index, gpointer data),
                                   gpointer          data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeExpr, _pe_expr_free)

G_END_DECLS
