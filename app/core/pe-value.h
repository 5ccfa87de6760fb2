/* pe-value.h — typed values of calculator fields, parameters and results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <glib-object.h>

#include "pe-rational.h"

G_BEGIN_DECLS

/**
 * PeValueType:
 * @PE_VALUE_TYPE_YUAN: whole yuan (gint64); input may use 万 / 亿
 * @PE_VALUE_TYPE_INTEGER: a count, area or duration (gint64)
 * @PE_VALUE_TYPE_PERCENT: a rate, typed as a percentage, kept exact
 * @PE_VALUE_TYPE_DECIMAL: any exact decimal number (an exchange rate)
 * @PE_VALUE_TYPE_BOOLEAN: yes or no
 * @PE_VALUE_TYPE_CHOICE: one of a fixed list of ids
 * @PE_VALUE_TYPE_DATE: a calendar date
 * @PE_VALUE_TYPE_DATES: a list of calendar dates (public holidays), written
 *   YYYY-MM-DD and separated by commas or spaces
 */
typedef enum
{
  PE_VALUE_TYPE_YUAN,
  PE_VALUE_TYPE_INTEGER,
  PE_VALUE_TYPE_PERCENT,
  PE_VALUE_TYPE_DECIMAL,
  PE_VALUE_TYPE_BOOLEAN,
  PE_VALUE_TYPE_CHOICE,
  PE_VALUE_TYPE_DATE,
  PE_VALUE_TYPE_DATES,
} PeValueType;

/**
 * PeValueKind:
 * @PE_VALUE_UNKNOWN: not known: an input it depends on is not set
 * @PE_VALUE_NUMBER: an exact number
 * @PE_VALUE_BOOLEAN: true or false
 * @PE_VALUE_STRING: a choice id
 * @PE_VALUE_DATE: a date (Julian day number)
 * @PE_VALUE_DATES: a list of dates, kept as an interned text in canonical
 *   form: sorted, without repeats, "YYYY-MM-DD,YYYY-MM-DD"
 */
typedef enum
{
  PE_VALUE_UNKNOWN,
  PE_VALUE_NUMBER,
  PE_VALUE_BOOLEAN,
  PE_VALUE_STRING,
  PE_VALUE_DATE,
  PE_VALUE_DATES,
} PeValueKind;

typedef struct
{
  PeValueKind  kind;
  /* TRUE when the figure is an upper bound the text allows (不高于,
   * 最高不超过) rather than an amount it fixes. */
  gboolean     is_maximum;
  PeRational   number;
  gboolean     boolean;
  const char  *string;     /* interned: a choice id, or a list of dates */
  guint32      julian;
  /* For PE_VALUE_UNKNOWN: bit i set when field i of the calculator is
   * needed and not set. */
  guint64      missing;
} PeValue;

const char *pe_value_type_to_string   (PeValueType   type);
gboolean    pe_value_type_from_string (const char   *text,
                                       PeValueType  *type);

gboolean    pe_value_parse            (PeValueType   type,
                                       const char   *text,
                                       PeValue      *value,
                                       GError      **error);
char       *pe_value_to_string        (PeValueType   type,
                                       const PeValue *value);
char       *pe_value_format           (PeValueType   type,
                                       const PeValue *value);
char       *pe_yuan_format            (gint64        yuan);

gboolean    pe_date_parse             (const char   *text,
                                       guint32      *julian);
char       *pe_date_to_string         (guint32       julian);
guint32     pe_date_today             (void);

gboolean    pe_value_dates_contain    (const PeValue *value,
                                       guint32        julian);

G_END_DECLS
