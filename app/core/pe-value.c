/* pe-value.c — parsing what people type into exact values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One parser serves the forms, the command line, profiles and batch files,
 * so the same text is read the same way everywhere. It accepts:
 *   - ASCII and full-width digits (１２３ is 123), a leading minus sign;
 *   - thousands separators only in correct groups of three (1,234,567);
 *   - for yuan, counts and decimals, the units 万 (×10 000), 亿 and 万亿
 *     (×100 000 000), and 元 for yuan; yuan and counts must come out whole
 *     (1.5万 = 15000);
 *   - for percentages, an optional trailing % sign;
 *   - for lists of dates, YYYY-MM-DD dates separated by commas (, ，、),
 *     semicolons or white space.
 * Anything else is refused with a message saying what is wrong.
 */
#define G_LOG_DOMAIN "pe-value"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pe-error.h"
#include "pe-value.h"

/* Numbers longer than this are refused before any work is done. */
#define MAX_NUMBER_CHARS 64
/* A list of public holidays covers a few years at most. */
#define MAX_DATES 1000
#define DATE_CHARS 10   /* YYYY-MM-DD */

static const char *type_names[] = {
  [PE_VALUE_TYPE_YUAN] = "yuan",
  [PE_VALUE_TYPE_INTEGER] = "integer",
  [PE_VALUE_TYPE_PERCENT] = "percent",
  [PE_VALUE_TYPE_DECIMAL] = "decimal",
  [PE_VALUE_TYPE_BOOLEAN] = "boolean",
  [PE_VALUE_TYPE_CHOICE] = "choice",
  [PE_VALUE_TYPE_DATE] = "date",
  [PE_VALUE_TYPE_DATES] = "dates",
};

const char *
pe_value_type_to_string (PeValueType type)
{
  g_return_val_if_fail (type <= PE_VALUE_TYPE_DATES, NULL);
  return type_names[type];
}

gboolean
pe_value_type_from_string (const char  *text,
                           PeValueType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_strcmp0 (text, type_names[i]) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

/* Maps full-width forms to ASCII and drops surrounding white space.
 * Returns NULL when a character is not allowed in a number; *bad is then
 * the offending character. */
static char *
normalise_number (const char *text,
                  gunichar   *bad)
{
  GString *s = g_string_new (NULL);
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)          /* ０-９ */
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF0E || c == 0x3002)     /* ． 。 */
        c = '.';
      else if (c == 0xFF0C)                    /* ， */
        c = ',';
      else if (c == 0xFF0D || c == 0x2212)     /* － − */
        c = '-';
      else if (c == 0xFF05)                    /* ％ */
        c = '%';
      else if (c == 0x3000)                    /* ideographic space */
        c = ' ';

      if (c == ' ' || c == '\t')
        continue;
      if (c < 0x80 || c == 0x4E07 /*万*/ || c == 0x4EBF /*亿*/ || c == 0x5143 /*元*/)
        g_string_append_unichar (s, c);
      else
        {
          *bad = c;
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  return g_string_free (s, FALSE);
}

/* Removes thousands separators, checking that they stand in groups of three. */
static gboolean
strip_separators (char *s)
{
  char *comma = strchr (s, ',');
  char *end, *w, *r;
  int group;

  if (comma == NULL)
    return TRUE;

  end = s;
  while (*end == '-' || *end == '+')
    end++;
  /* the integer part runs to the first non-digit, non-comma */
  r = end;
  while (g_ascii_isdigit (*r) || *r == ',')
    r++;

  /* check from the right: every comma must be followed by exactly 3 digits */
  group = 0;
  for (char *q = r - 1; q >= end; q--)
    {
      if (*q == ',')
        {
          if (group != 3 || q == end)
            return FALSE;
          group = 0;
        }
      else
        group++;
    }
  if (strchr (r, ',') != NULL)
    return FALSE;

  for (w = r = s; *r != '\0'; r++)
    if (*r != ',')
      *w++ = *r;
  *w = '\0';
  return TRUE;
}

static gboolean
parse_number (PeValueType   type,
              const char   *text,
              PeRational   *out,
              GError      **error)
{
  g_autofree char *norm = NULL;
  gunichar bad = 0;
  gint64 multiplier = 1;
  gsize len;
  PeRational r, m;

  /* the plain whole numbers that profiles and batch files mostly hold:
   * the value the reading below gives them, without its copies */
  if ((type == PE_VALUE_TYPE_YUAN || type == PE_VALUE_TYPE_INTEGER) &&
      text[0] >= '0' && text[0] <= '9' && (text[0] != '0' || text[1] == '\0'))
    {
      gint64 n = 0;
      guint i;

      for (i = 0; i < 18 && g_ascii_isdigit (text[i]); i++)
        n = n * 10 + (text[i] - '0');
      if (text[i] == '\0')
        {
          *out = PE_RATIONAL_INIT (n);
          return TRUE;
        }
    }

  if (strlen (text) > MAX_NUMBER_CHARS)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("is too long to be a number (%u characters at most)"),
                   MAX_NUMBER_CHARS);
      return FALSE;
    }

  norm = normalise_number (text, &bad);
  if (norm == NULL)
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (bad, buf);
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("“%s” is not a number: unexpected “%s”"), text, buf);
      return FALSE;
    }

  if (*norm == '\0')
    {
      g_set_error_literal (error, PE_ERROR, PE_ERROR_MISSING_INPUT, _("is empty"));
      return FALSE;
    }

  len = strlen (norm);
  if (type == PE_VALUE_TYPE_PERCENT && norm[len - 1] == '%')
    norm[--len] = '\0';

  if (type == PE_VALUE_TYPE_YUAN && g_str_has_suffix (norm, "元"))
    {
      len -= strlen ("元");
      norm[len] = '\0';
    }
  if (type == PE_VALUE_TYPE_YUAN || type == PE_VALUE_TYPE_INTEGER || type == PE_VALUE_TYPE_DECIMAL)
    {
      /* 万亿 (a trillion) before 万 and 亿: the documents count in all three */
      if (g_str_has_suffix (norm, "万亿"))
        {
          multiplier = G_GINT64_CONSTANT (1000000000000);
          len -= strlen ("万亿");
        }
      else if (g_str_has_suffix (norm, "万"))
        {
          multiplier = 10000;
          len -= strlen ("万");
        }
      else if (g_str_has_suffix (norm, "亿"))
        {
          multiplier = 100000000;
          len -= strlen ("亿");
        }
      norm[len] = '\0';
    }

  if (!strip_separators (norm))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("“%s” has misplaced thousands separators"), text);
      return FALSE;
    }

  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_ascii_isdigit (*p) && *p != '.' && !((*p == '-' || *p == '+') && p == norm))
      {
        char one[8] = { 0 };
        g_unichar_to_utf8 (g_utf8_get_char (p), one);
        g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                     _("“%s” is not a number: unexpected “%s”"), text, one);
        return FALSE;
      }

  if (!pe_rational_parse (norm, &r))
    {
      /* digits only, yet unparsable: too many digits or a lone "." */
      gboolean all_digits = *norm != '\0' && strspn (norm, "+-0123456789") == strlen (norm);

      if (all_digits)
        g_set_error (error, PE_ERROR, PE_ERROR_OVERFLOW,
                     _("“%s” is too large"), text);
      else
        g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                     _("“%s” is not a number"), text);
      return FALSE;
    }

  m = PE_RATIONAL_INIT (multiplier);
  if (!pe_rational_mul (r, m, &r))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_OVERFLOW, _("“%s” is too large"), text);
      return FALSE;
    }

  if ((type == PE_VALUE_TYPE_YUAN || type == PE_VALUE_TYPE_INTEGER) &&
      !pe_rational_is_integer (r))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   type == PE_VALUE_TYPE_YUAN
                   ? _("“%s” is not a whole number of yuan")
                   : _("“%s” is not a whole number"), text);
      return FALSE;
    }

  if (type == PE_VALUE_TYPE_PERCENT)
    {
      PeRational hundred = PE_RATIONAL_INIT (100);
      if (!pe_rational_div (r, hundred, &r))
        {
          g_set_error (error, PE_ERROR, PE_ERROR_OVERFLOW, _("“%s” is too large"), text);
          return FALSE;
        }
    }

  *out = r;
  return TRUE;
}

gboolean
pe_date_parse (const char *text,
               guint32    *julian)
{
  int y, m, d;
  char tail;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (julian != NULL, FALSE);

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  /* Policy dates live in a narrow band; outside it a typo is likelier. */
  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  {
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    *julian = g_date_get_julian (&date);
  }
  return TRUE;
}

char *
pe_date_to_string (guint32 julian)
{
  GDate date;

  if (!g_date_valid_julian (julian))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static gboolean
parse_boolean (const char *text,
               gboolean   *out)
{
  static const char *yes[] = { "true", "yes", "y", "1", "是", "有", NULL };
  static const char *no[] = { "false", "no", "n", "0", "否", "无", NULL };
  g_autofree char *t = NULL;

  /* as profiles and batch files write them */
  if (strcmp (text, "true") == 0)
    return (*out = TRUE, TRUE);
  if (strcmp (text, "false") == 0)
    return (*out = FALSE, TRUE);

  t = g_utf8_strdown (text, -1);

  g_strstrip (t);
  if (g_strv_contains (yes, t))
    return (*out = TRUE, TRUE);
  if (g_strv_contains (no, t))
    return (*out = FALSE, TRUE);
  return FALSE;
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return (x > y) - (x < y);
}

static gboolean
is_date_separator (gunichar c)
{
  return c == ',' || c == 0xFF0C /* ， */ || c == 0x3001 /* 、 */ ||
         c == ';' || c == 0xFF1B /* ； */ || g_unichar_isspace (c);
}

/* Reads a list of dates into its canonical form, sorted and without
 * repeats, so that equal lists are one interned string and a date is
 * found in it by bisection (pe_value_dates_contain). */
static gboolean
parse_dates (const char  *text,
             const char **out,
             GError     **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) canonical = g_string_new (NULL);
  const char *p = text;

  if (strlen (text) > MAX_DATES * (DATE_CHARS + 2))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                   _("is too long: at most %u dates"), MAX_DATES);
      return FALSE;
    }

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *token = NULL;
      guint32 julian;

      while (*p != '\0' && is_date_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !is_date_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      token = g_strndup (start, p - start);
      if (!pe_date_parse (token, &julian))
        {
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("has “%s”, which is not a date between 1900-01-01 and 2200-12-31 written YYYY-MM-DD"),
                       strlen (token) < 40 ? token : "…");
          return FALSE;
        }
      if (days->len == MAX_DATES)
        {
          g_set_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                       _("is too long: at most %u dates"), MAX_DATES);
          return FALSE;
        }
      g_array_append_val (days, julian);
    }

  if (days->len == 0)
    {
      g_set_error_literal (error, PE_ERROR, PE_ERROR_MISSING_INPUT, _("is empty"));
      return FALSE;
    }

  g_array_sort (days, compare_julian);
  for (guint i = 0; i < days->len; i++)
    {
      guint32 d = g_array_index (days, guint32, i);
      g_autofree char *s = NULL;

      if (i > 0 && d == g_array_index (days, guint32, i - 1))
        continue;
      s = pe_date_to_string (d);
      if (canonical->len > 0)
        g_string_append_c (canonical, ',');
      g_string_append (canonical, s);
    }
  *out = g_intern_string (canonical->str);
  return TRUE;
}

/**
 * pe_value_dates_contain:
 * @value: a value of kind %PE_VALUE_DATES
 * @julian: a Julian day number
 *
 * Returns: whether @julian is one of the dates of @value
 */
gboolean
pe_value_dates_contain (const PeValue *value,
                        guint32        julian)
{
  g_autofree char *date = NULL;
  gsize n, lo = 0, hi;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (value->kind == PE_VALUE_DATES, FALSE);

  /* canonical: entries of DATE_CHARS characters, one comma apart, in order */
  date = pe_date_to_string (julian);
  n = (strlen (value->string) + 1) / (DATE_CHARS + 1);
  hi = n;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int c = strncmp (value->string + mid * (DATE_CHARS + 1), date, DATE_CHARS);

      if (c == 0)
        return TRUE;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/**
 * pe_value_parse:
 * @type: the type expected
 * @text: what the user typed
 * @value: (out caller-allocates): the value read
 * @error: the reason @text is refused, worded to follow a field name
 *
 * Choice values are returned as an interned string: checking that the id
 * is one of the field's choices is the caller's work. A list of dates is
 * returned as an interned string too, in canonical form.
 */
gboolean
pe_value_parse (PeValueType   type,
                const char   *text,
                PeValue      *value,
                GError      **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  memset (value, 0, sizeof *value);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                           _("is not valid UTF-8 text"));
      return FALSE;
    }

  switch (type)
    {
    case PE_VALUE_TYPE_YUAN:
    case PE_VALUE_TYPE_INTEGER:
    case PE_VALUE_TYPE_PERCENT:
    case PE_VALUE_TYPE_DECIMAL:
      if (!parse_number (type, text, &value->number, error))
        return FALSE;
      value->kind = PE_VALUE_NUMBER;
      return TRUE;

    case PE_VALUE_TYPE_BOOLEAN:
      if (*text == '\0')
        {
          g_set_error_literal (error, PE_ERROR, PE_ERROR_MISSING_INPUT, _("is empty"));
          return FALSE;
        }
      if (strlen (text) > MAX_NUMBER_CHARS || !parse_boolean (text, &value->boolean))
        {
          g_set_error_literal (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                               _("must be yes or no (true/false, 1/0, 是/否)"));
          return FALSE;
        }
      value->kind = PE_VALUE_BOOLEAN;
      return TRUE;

    case PE_VALUE_TYPE_CHOICE:
      if (*text == '\0')
        {
          g_set_error_literal (error, PE_ERROR, PE_ERROR_MISSING_INPUT, _("is empty"));
          return FALSE;
        }
      value->kind = PE_VALUE_STRING;
      value->string = g_intern_string (text);
      return TRUE;

    case PE_VALUE_TYPE_DATE:
      if (*text == '\0')
        {
          g_set_error_literal (error, PE_ERROR, PE_ERROR_MISSING_INPUT, _("is empty"));
          return FALSE;
        }
      if (!pe_date_parse (text, &value->julian))
        {
          g_set_error_literal (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                               _("is not a date between 1900-01-01 and 2200-12-31 written YYYY-MM-DD"));
          return FALSE;
        }
      value->kind = PE_VALUE_DATE;
      return TRUE;

    case PE_VALUE_TYPE_DATES:
      if (!parse_dates (text, &value->string, error))
        return FALSE;
      value->kind = PE_VALUE_DATES;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Groups the digits of a whole number in threes: 1234567 -> 1,234,567. */
static char *
group_digits (gint64 n)
{
  g_autofree char *raw = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  const char *digits = raw;
  gsize len;

  if (*digits == '-')
    {
      g_string_append_c (s, '-');
      digits++;
    }
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

char *
pe_yuan_format (gint64 yuan)
{
  g_autofree char *grouped = group_digits (yuan);

  /* Translators: an amount of money in yuan, %s is the grouped number */
  return g_strdup_printf (_("%s yuan"), grouped);
}

/**
 * pe_value_to_string:
 *
 * The plain, machine-readable form of @value: "1500000", "7/100" as
 * "0.07", "true", a choice id, "2023-12-31" or "2021-10-01,2021-10-04".
 * Unknown values give "".
 */
char *
pe_value_to_string (PeValueType    type,
                    const PeValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  switch (value->kind)
    {
    case PE_VALUE_UNKNOWN:
      return g_strdup ("");
    case PE_VALUE_NUMBER:
      if (type == PE_VALUE_TYPE_YUAN)
        return g_strdup_printf ("%" G_GINT64_FORMAT, pe_rational_floor (value->number));
      return pe_rational_to_string (value->number, 6);
    case PE_VALUE_BOOLEAN:
      return g_strdup (value->boolean ? "true" : "false");
    case PE_VALUE_STRING:
    case PE_VALUE_DATES:
      return g_strdup (value->string);
    case PE_VALUE_DATE:
      return pe_date_to_string (value->julian);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/**
 * pe_value_format:
 *
 * The form of @value shown to people: "1,500,000 yuan", "7.7 %", "yes".
 */
char *
pe_value_format (PeValueType    type,
                 const PeValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (value->kind == PE_VALUE_UNKNOWN)
    return g_strdup (_("unknown"));

  if (value->kind == PE_VALUE_NUMBER)
    {
      switch (type)
        {
        case PE_VALUE_TYPE_YUAN:
          return pe_yuan_format (pe_rational_floor (value->number));
        case PE_VALUE_TYPE_PERCENT:
          {
            PeRational pct;
            g_autofree char *s = NULL;

            if (!pe_rational_mul (value->number, PE_RATIONAL_INIT (100), &pct))
              return g_strdup ("?");
            s = pe_rational_to_string (pct, 4);
            return g_strdup_printf ("%s %%", s);
          }
        case PE_VALUE_TYPE_INTEGER:
          if (pe_rational_is_integer (value->number))
            return group_digits (value->number.num);
          return pe_rational_to_string (value->number, 4);
        default:
          return pe_rational_to_string (value->number, 6);
        }
    }

  if (value->kind == PE_VALUE_BOOLEAN)
    return g_strdup (value->boolean ? _("yes") : _("no"));

  if (value->kind == PE_VALUE_DATES)
    {
      g_auto(GStrv) dates = g_strsplit (value->string, ",", -1);
      return g_strjoinv (", ", dates);
    }

  return pe_value_to_string (type, value);
}

/**
 * pe_date_today:
 *
 * Returns: today's date in the local time zone, as a Julian day
 */
guint32
pe_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&d);
}
