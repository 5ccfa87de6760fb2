/* pe-rational.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-rational"

#include "config.h"

#include "pe-rational.h"

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  /* Works on magnitudes; callers never pass G_MININT64 (see pe_rational_make). */
  if (a < 0)
    a = -a;
  if (b < 0)
    b = -b;
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

gboolean
pe_rational_make (gint64      num,
                  gint64      den,
                  PeRational *out)
{
  gint64 g;

  g_return_val_if_fail (out != NULL, FALSE);

  /* G_MININT64 has no positive counterpart: refuse it so negation is safe. */
  if (den == 0 || num == G_MININT64 || den == G_MININT64)
    return FALSE;

  if (den < 0)
    {
      num = -num;
      den = -den;
    }

  g = gcd64 (num, den);
  if (g > 1)
    {
      num /= g;
      den /= g;
    }

  out->num = num;
  out->den = den;
  return TRUE;
}

gboolean
pe_rational_mul (PeRational  a,
                 PeRational  b,
                 PeRational *out)
{
  gint64 g1, g2, n, d;

  /* Cross-reduce first so that 7/100 * 100000000 never overflows. */
  g1 = gcd64 (a.num, b.den);
  g2 = gcd64 (b.num, a.den);
  if (g1 > 1)
    {
      a.num /= g1;
      b.den /= g1;
    }
  if (g2 > 1)
    {
      b.num /= g2;
      a.den /= g2;
    }

  if (__builtin_mul_overflow (a.num, b.num, &n) ||
      __builtin_mul_overflow (a.den, b.den, &d))
    return FALSE;

  return pe_rational_make (n, d, out);
}

gboolean
pe_rational_div (PeRational  a,
                 PeRational  b,
                 PeRational *out)
{
  PeRational inv;

  if (b.num == 0)
    return FALSE;
  if (!pe_rational_make (b.den, b.num, &inv))
    return FALSE;
  return pe_rational_mul (a, inv, out);
}

gboolean
pe_rational_add (PeRational  a,
                 PeRational  b,
                 PeRational *out)
{
  gint64 g, l, an, bn, n, d;

  g = gcd64 (a.den, b.den);
  l = b.den / g;
  if (__builtin_mul_overflow (a.den, l, &d) ||
      __builtin_mul_overflow (a.num, l, &an) ||
      __builtin_mul_overflow (b.num, a.den / g, &bn) ||
      __builtin_add_overflow (an, bn, &n))
    return FALSE;

  return pe_rational_make (n, d, out);
}

gboolean
pe_rational_sub (PeRational  a,
                 PeRational  b,
                 PeRational *out)
{
  if (b.num == G_MININT64)
    return FALSE;
  b.num = -b.num;
  return pe_rational_add (a, b, out);
}

int
pe_rational_compare (PeRational a,
                     PeRational b)
{
  /* a/b ? c/d  <=>  a*d ? c*b, using 128-bit products to stay exact. */
  __int128 l = (__int128) a.num * b.den;
  __int128 r = (__int128) b.num * a.den;

  return (l > r) - (l < r);
}

gint64
pe_rational_floor (PeRational a)
{
  gint64 q = a.num / a.den;

  if (a.num % a.den != 0 && a.num < 0)
    q -= 1;
  return q;
}

gboolean
pe_rational_is_integer (PeRational a)
{
  return a.den == 1;
}

double
pe_rational_to_double (PeRational a)
{
  return (double) a.num / (double) a.den;
}

/* Parses "12", "-3", "2.5", "0.125" or "3/7" exactly. No exponent, no
 * separators, no surrounding space: callers normalise user text first. */
gboolean
pe_rational_parse (const char *text,
                   PeRational *out)
{
  const char *p = text;
  gboolean neg = FALSE;
  gint64 num = 0, den = 1;
  gboolean digits = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (*p == '-' || *p == '+')
    neg = (*p++ == '-');

  for (; g_ascii_isdigit (*p); p++)
    {
      digits = TRUE;
      if (__builtin_mul_overflow (num, 10, &num) ||
          __builtin_add_overflow (num, *p - '0', &num))
        return FALSE;
    }

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++)
        {
          digits = TRUE;
          if (__builtin_mul_overflow (num, 10, &num) ||
              __builtin_add_overflow (num, *p - '0', &num) ||
              __builtin_mul_overflow (den, 10, &den))
            return FALSE;
        }
    }
  else if (*p == '/' && digits)
    {
      gint64 d = 0;
      gboolean ddigits = FALSE;

      for (p++; g_ascii_isdigit (*p); p++)
        {
          ddigits = TRUE;
          if (__builtin_mul_overflow (d, 10, &d) ||
              __builtin_add_overflow (d, *p - '0', &d))
            return FALSE;
        }
      if (!ddigits || d == 0)
        return FALSE;
      den = d;
    }

  if (!digits || *p != '\0')
    return FALSE;

  return pe_rational_make (neg ? -num : num, den, out);
}

/* Decimal rendering; a value that does not terminate within max_decimals
 * digits is shown rounded half up and marked with a leading "≈". */
char *
pe_rational_to_string (PeRational a,
                       guint      max_decimals)
{
  GString *s = g_string_new (NULL);
  __int128 n = a.num, d = a.den, ip, rem;
  gboolean neg = n < 0;
  g_autofree char *digits = NULL;
  guint i, len = 0;
  gboolean exact;

  if (neg)
    n = -n;

  ip = n / d;
  rem = n % d;
  digits = g_malloc0 (max_decimals + 2);

  for (i = 0; i < max_decimals && rem != 0; i++)
    {
      rem *= 10;
      digits[len++] = (char) ('0' + (int) (rem / d));
      rem %= d;
    }
  exact = (rem == 0);

  if (!exact && rem * 2 >= d)
    {
      /* round the last shown digit half up, carrying into the integer part */
      int j = (int) len - 1;
      while (j >= 0 && digits[j] == '9')
        digits[j--] = '0';
      if (j >= 0)
        digits[j]++;
      else
        ip += 1;
    }
  while (len > 0 && digits[len - 1] == '0')
    len--;

  if (!exact)
    g_string_append (s, "≈");
  if (neg && (ip != 0 || len > 0))
    g_string_append_c (s, '-');
  g_string_append_printf (s, "%" G_GINT64_FORMAT, (gint64) ip);
  if (len > 0)
    {
      g_string_append_c (s, '.');
      g_string_append_len (s, digits, len);
    }
  return g_string_free (s, FALSE);
}
