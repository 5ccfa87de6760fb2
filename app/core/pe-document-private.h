/* pe-document-private.h — the document's state, for the loader and the
 * calculators of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pe-document.h"

G_BEGIN_DECLS

struct _PeDocument
{
  GObject      parent_instance;

  char        *id;
  char        *version;
  char        *origin;          /* file or resource the data came from */
  PeText      *title;
  PeText      *short_title;
  PeText      *issuer;
  char        *number;
  guint32      issue_date;      /* 0: the text does not give it */
  PeText      *interpreter;

  PeDateRule   start_rule;
  guint32      start_date;
  PeDateRule   end_rule;
  guint32      end_date;
  int          end_years;
  PeText      *validity_text;
  PeClause    *validity_clause;

  GHashTable  *stacking_rules;  /* category ("*" for all) -> rule */
  PeClause    *stacking_clause;
  PeText      *stacking_reading;
  /* with like support of other documents (从高从优不重复): "highest" or NULL */
  char        *across_rule;
  PeClause    *across_clause;
  PeText      *across_reading;

  GPtrArray   *facts;           /* PeField: facts of its own, "ID.…" */
  GHashTable  *inputs_index;    /* profile key (quark) -> GArray of calculator indices, made on first use */
  /* the trace step of the last validity check (see pe-calculator.c) */
  PeTraceStep *validity_step;
  guint32      validity_step_as_of;
  int          validity_step_in_force;

  GPtrArray   *measures;
  GHashTable  *measures_by_id;
  GPtrArray   *parameters;      /* every parameter of every measure */
  PeValue     *parameter_values;
  GPtrArray   *calculators;
  GPtrArray   *charts;
  GPtrArray   *lists;           /* of PeItemList */
};

PeDocument *_pe_document_new_empty (void);
void        _pe_document_index_inputs      (PeDocument *self);
GArray     *_pe_document_calculators_fed_by (PeDocument *self,
                                             GQuark      key);
void        _pe_calculator_clear   (PeCalculator *self);

/* What the loader keeps of a condition or step of a calculator. */
typedef struct _PeExpr PeExpr;

typedef struct
{
  char        *id;
  PeText      *label;
  PeText      *fail;        /* conditions: why it fails */
  PeExpr      *expr;
  char        *formula;
  PeValueType  type;        /* steps: the type of the value */
  PeClause    *clause;
  gboolean     output;      /* steps: shown as an output */
  GHashTable  *labels;      /* choice steps: id -> PeText */
} PeRule;

void        _pe_link_free         (PeLink *link);
void        _pe_rule_free          (PeRule *rule);

G_END_DECLS
