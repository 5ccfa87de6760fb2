/* pe-rational.h — exact rational numbers for money and rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rates such as 7 %, 2.5 % or "50 % of 10 %" are kept exact as a fraction
 * of two 64-bit integers. Every operation detects overflow instead of
 * wrapping: a result that does not fit is an error, never a wrong number.
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 num;
  gint64 den;   /* always > 0, and gcd (num, den) == 1 */
} PeRational;

#define PE_RATIONAL_INIT(n) ((PeRational) { (n), 1 })

gboolean   pe_rational_make       (gint64            num,
                                   gint64            den,
                                   PeRational       *out);
gboolean   pe_rational_add        (PeRational        a,
                                   PeRational        b,
                                   PeRational       *out);
gboolean   pe_rational_sub        (PeRational        a,
                                   PeRational        b,
                                   PeRational       *out);
gboolean   pe_rational_mul        (PeRational        a,
                                   PeRational        b,
                                   PeRational       *out);
gboolean   pe_rational_div        (PeRational        a,
                                   PeRational        b,
                                   PeRational       *out);
int        pe_rational_compare    (PeRational        a,
                                   PeRational        b);
gint64     pe_rational_floor      (PeRational        a);
gboolean   pe_rational_is_integer (PeRational        a);
double     pe_rational_to_double  (PeRational        a);
gboolean   pe_rational_parse      (const char       *text,
                                   PeRational       *out);
char      *pe_rational_to_string  (PeRational        a,
                                   guint             max_decimals);

G_END_DECLS
