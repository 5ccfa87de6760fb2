/* pe-calculator.h — a calculator: fields in, a result with its trace out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-measure.h"
#include "pe-result.h"

G_BEGIN_DECLS

#define PE_TYPE_CHOICE     (pe_choice_get_type ())
#define PE_TYPE_FIELD      (pe_field_get_type ())
#define PE_TYPE_CALCULATOR (pe_calculator_get_type ())

typedef struct _PeDocument PeDocument;

/**
 * PeChoice:
 * @id: the value passed on the command line and in files
 * @label: what the form shows
 */
typedef struct
{
  char   *id;
  PeText *label;
  /*< private >*/
  PeText *reading;   /* "FIELD: CHOICE", made when first reported as a reading */
} PeChoice;

/**
 * PeFieldRole:
 * @PE_FIELD_ROLE_INPUT: a fact about the enterprise or person
 * @PE_FIELD_ROLE_READING: which reading of an ambiguous text to take
 */
typedef enum
{
  PE_FIELD_ROLE_INPUT,
  PE_FIELD_ROLE_READING,
} PeFieldRole;

/**
 * PeField:
 * @id: the key (`key=value` on the command line)
 * @type: the type of the value
 * @role: an input, or the choice of a reading
 * @label: the form label
 * @help: (nullable): a longer explanation
 * @unit: (nullable): the unit shown after the entry (m², persons)
 * @has_min: whether @min applies
 * @min: the smallest value allowed (numbers)
 * @has_max: whether @max applies
 * @max: the largest value allowed (numbers)
 * @required: whether a result needs it
 * @choices: (element-type PeChoice) (nullable): for choice fields
 * @default_value: (nullable): the value used when none is given, as text
 */
typedef struct
{
  char        *id;
  PeValueType  type;
  PeFieldRole  role;
  PeText      *label;
  PeText      *help;
  PeText      *unit;
  gboolean     has_min;
  PeRational   min;
  gboolean     has_max;
  PeRational   max;
  gboolean     required;
  GPtrArray   *choices;
  char        *default_value;
  char        *fact;          /* the profile fact it asks, or NULL */
  GHashTable  *fact_values;   /* fact value -> field value, or NULL */
  char        *profile_key;   /* the key a profile holds it under */
} PeField;

/**
 * PeCalculator:
 * @id: unique within the document
 * @measure_id: the measure it computes
 * @title: its name
 * @description: (nullable): what it computes
 * @category: its stacking category (subsidy, reward…), or %NULL
 * @fields: (element-type PeField): the inputs, in form order
 * @readings: (element-type PeText): how the calculator reads an ambiguous
 *   text, stated with every result
 *
 * A calculator belongs to its #PeDocument and lives as long as it.
 */
typedef struct _PeCalculator PeCalculator;

struct _PeCalculator
{
  char        *id;
  char        *measure_id;
  PeText      *title;
  PeText      *description;
  char        *category;
  char        *subject;      /* enterprise, person or city */
  char        *group;        /* a PeGroup of the vocabulary, or NULL */
  GPtrArray   *fields;
  GPtrArray   *readings;

  /*< private >*/
  PeDocument  *document;     /* unowned: the document owns its calculators */
  GPtrArray   *conditions;
  GPtrArray   *steps;
  int          amount_step;  /* index into steps, or -1 */
};

/**
 * PeEvalOptions:
 * @as_of: the date of the question (Julian day), 0 for none
 * @issue_date: the document's issue date (Julian day) when the text does
 *   not give it and the user has, else 0
 */
typedef struct
{
  guint32 as_of;
  guint32 issue_date;
} PeEvalOptions;

GType          pe_choice_get_type       (void) G_GNUC_CONST;
PeChoice      *pe_choice_ref            (PeChoice      *self);
void           pe_choice_unref          (PeChoice      *self);
GType          pe_field_get_type        (void) G_GNUC_CONST;
PeField       *pe_field_ref             (PeField       *self);
void           pe_field_unref           (PeField       *self);
GType          pe_calculator_get_type   (void) G_GNUC_CONST;
PeCalculator  *pe_calculator_ref        (PeCalculator  *self);
void           pe_calculator_unref      (PeCalculator  *self);

PeDocument    *pe_calculator_get_document (PeCalculator *self);
PeField       *pe_calculator_get_field  (PeCalculator  *self,
                                         const char    *field_id);
gboolean       pe_calculator_has_amount (PeCalculator  *self);
GPtrArray     *pe_calculator_list_outputs (PeCalculator *self);
GPtrArray     *pe_calculator_list_parameters (PeCalculator *self);
gboolean       pe_field_parse           (PeField       *field,
                                         const char    *text,
                                         PeValue       *value,
                                         GError       **error);
GHashTable    *pe_calculator_parse_arguments (PeCalculator       *self,
                                              const char * const *args,
                                              PeLanguage          language,
                                              GError            **error);
PeResult      *pe_calculator_evaluate   (PeCalculator  *self,
                                         GHashTable    *inputs,
                                         const PeEvalOptions *options,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeField, pe_field_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeCalculator, pe_calculator_unref)

G_END_DECLS
