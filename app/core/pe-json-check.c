/* pe-json-check.c — strict JSON, checked before json-glib reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive-descent recogniser of RFC 8259 JSON that builds nothing: it
 * only says whether the text is one JSON value and nothing else, with no
 * member named twice in an object, no NUL or lone surrogate in a string,
 * and no nesting deeper than PE_JSON_MAX_DEPTH (so that its own recursion,
 * and json-glib's after it, stay shallow). Messages give the line and
 * column, counted in characters from 1.
 */
#define G_LOG_DOMAIN "pe-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pe-error.h"
#include "pe-json-check-private.h"

typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  guint        depth;
  GError     **error;
} Checker;

static gboolean check_value (Checker *c);

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Checker    *c,
         const char *where,
         const char *format,
         ...)
{
  g_autofree char *msg = NULL;
  guint line = 1, column = 1;
  va_list args;

  for (const char *q = c->start; q < where && q < c->end; q++)
    {
      if (*q == '\n')
        line++, column = 1;
      else if (((guchar) *q & 0xC0) != 0x80)   /* not a continuation byte */
        column++;
    }
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (c->error, PE_ERROR, PE_ERROR_INVALID_DATA,
               "not valid JSON: line %u, column %u: %s", line, column, msg);
  return FALSE;
}

/* What stands at @p, for a message: a character, or "the end". */
static char *
describe (Checker    *c,
          const char *p)
{
  gunichar ch;

  if (p >= c->end)
    return g_strdup ("the end of the file");
  ch = g_utf8_get_char_validated (p, c->end - p);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    return g_strdup_printf ("the byte 0x%02X", (guchar) *p);
  if (ch < 0x20 || ch == 0x7F)
    return g_strdup_printf ("the control character U+%04X", ch);
  {
    char buf[8] = { 0 };
    g_unichar_to_utf8 (ch, buf);
    return g_strdup_printf ("“%s”", buf);
  }
}

static gboolean
unexpected (Checker    *c,
            const char *expected)
{
  g_autofree char *found = describe (c, c->p);
  return fail_at (c, c->p, "expected %s, found %s", expected, found);
}

static void
skip_space (Checker *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static int
hex_digit (char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* Four hex digits after \u at c->p. */
static gboolean
read_hex4 (Checker  *c,
           gunichar *out)
{
  gunichar v = 0;

  if (c->end - c->p < 4)
    return fail_at (c, c->p, "\\u needs four hexadecimal digits");
  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit (c->p[i]);
      if (d < 0)
        return fail_at (c, c->p + i, "\\u needs four hexadecimal digits");
      v = v * 16 + d;
    }
  c->p += 4;
  *out = v;
  return TRUE;
}

/* A string at c->p (on its opening quote). Its value goes to @value when
 * that is not NULL: member names are compared as decoded. */
static gboolean
check_string (Checker *c,
              GString *value)
{
  const char *open = c->p;

  c->p++;
  while (c->p < c->end)
    {
      guchar ch = *c->p;

      if (ch == '"')
        {
          c->p++;
          return TRUE;
        }
      if (ch < 0x20)
        {
          g_autofree char *found = describe (c, c->p);
          return fail_at (c, c->p, "%s in a string (write it as an escape, such as \\n)", found);
        }
      if (ch != '\\')
        {
          const char *next = g_utf8_find_next_char (c->p, c->end);
          if (next == NULL)
            next = c->end;
          if (value != NULL)
            g_string_append_len (value, c->p, next - c->p);
          c->p = next;
          continue;
        }

      /* an escape */
      c->p++;
      if (c->p >= c->end)
        break;
      switch (*c->p)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          if (value != NULL)
            g_string_append_c (value, *c->p == 'b' ? '\b' : *c->p == 'f' ? '\f' : *c->p == 'n' ? '\n'
                                    : *c->p == 'r' ? '\r' : *c->p == 't' ? '\t' : *c->p);
          c->p++;
          break;
        case 'u':
          {
            const char *escape = c->p - 1;
            gunichar u;

            c->p++;
            if (!read_hex4 (c, &u))
              return FALSE;
            if (u == 0)
              return fail_at (c, escape, "\\u0000 (a NUL character) in a string");
            if (u >= 0xDC00 && u <= 0xDFFF)
              return fail_at (c, escape, "a lone low surrogate \\u%04X in a string", u);
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
                  return fail_at (c, escape, "a high surrogate \\u%04X without its low half", u);
                c->p += 2;
                if (!read_hex4 (c, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  return fail_at (c, escape, "a high surrogate \\u%04X without its low half", u);
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            if (value != NULL)
              g_string_append_unichar (value, u);
          }
          break;
        default:
          {
            g_autofree char *found = describe (c, c->p);
            return fail_at (c, c->p - 1, "an unknown escape \\%s in a string", found);
          }
        }
    }
  return fail_at (c, open, "a string that is never closed");
}

static gboolean
check_number (Checker *c)
{
  const char *start = c->p;

  if (c->p < c->end && *c->p == '-')
    c->p++;
  if (c->p < c->end && *c->p == '0')
    {
      c->p++;
      if (c->p < c->end && g_ascii_isdigit (*c->p))
        return fail_at (c, start, "a number with a leading zero");
    }
  else if (c->p < c->end && g_ascii_isdigit (*c->p))
    while (c->p < c->end && g_ascii_isdigit (*c->p))
      c->p++;
  else
    return unexpected (c, "a digit");

  if (c->p < c->end && *c->p == '.')
    {
      c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return unexpected (c, "a digit after the decimal point");
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return unexpected (c, "a digit in the exponent");
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }
  return TRUE;
}

static gboolean
check_word (Checker    *c,
            const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (c->end - c->p) < len || memcmp (c->p, word, len) != 0)
    return unexpected (c, "a value");
  c->p += len;
  return TRUE;
}

static gboolean
check_object (Checker *c)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  c->p++;   /* { */
  skip_space (c);
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return TRUE;
    }
  for (;;)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      const char *at = c->p;

      if (c->p >= c->end || *c->p != '"')
        return unexpected (c, "a member name in double quotes");
      if (!check_string (c, name))
        return FALSE;
      if (g_hash_table_contains (names, name->str))
        return fail_at (c, at, "a second member named “%s” in the same object",
                        g_utf8_validate (name->str, name->len, NULL) && name->len < 80 ? name->str : "…");
      g_hash_table_add (names, g_string_free (g_steal_pointer (&name), FALSE));

      skip_space (c);
      if (c->p >= c->end || *c->p != ':')
        return unexpected (c, "“:” after the member name");
      c->p++;
      skip_space (c);
      if (!check_value (c))
        return FALSE;
      skip_space (c);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          skip_space (c);
          continue;
        }
      if (c->p < c->end && *c->p == '}')
        {
          c->p++;
          return TRUE;
        }
      return unexpected (c, "“,” or “}”");
    }
}

static gboolean
check_array (Checker *c)
{
  c->p++;   /* [ */
  skip_space (c);
  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      return TRUE;
    }
  for (;;)
    {
      if (!check_value (c))
        return FALSE;
      skip_space (c);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          skip_space (c);
          continue;
        }
      if (c->p < c->end && *c->p == ']')
        {
          c->p++;
          return TRUE;
        }
      return unexpected (c, "“,” or “]”");
    }
}

static gboolean
check_value (Checker *c)
{
  gboolean ok;

  if (c->p >= c->end)
    return unexpected (c, "a value");

  switch (*c->p)
    {
    case '{':
    case '[':
      if (++c->depth > PE_JSON_MAX_DEPTH)
        return fail_at (c, c->p, "nested more than %d deep", PE_JSON_MAX_DEPTH);
      ok = *c->p == '{' ? check_object (c) : check_array (c);
      c->depth--;
      return ok;
    case '"':
      return check_string (c, NULL);
    case 't':
      return check_word (c, "true");
    case 'f':
      return check_word (c, "false");
    case 'n':
      return check_word (c, "null");
    default:
      if (*c->p == '-' || g_ascii_isdigit (*c->p))
        return check_number (c);
      return unexpected (c, "a value");
    }
}

/*
 * _pe_json_check:
 * @data: the text, not necessarily NUL-terminated
 * @length: its length in bytes
 *
 * Returns: %TRUE when @data is one strict JSON value, else %FALSE with
 *   @error (PE_ERROR_INVALID_DATA) giving the line, column and problem
 */
gboolean
_pe_json_check (const char  *data,
                gsize        length,
                GError     **error)
{
  Checker c = { data, data, data + length, 0, error };
  const char *bad;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!g_utf8_validate_len (data, length, &bad))
    return fail_at (&c, bad, "the byte 0x%02X is not UTF-8 text", (guchar) *bad);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return fail_at (&c, data, "the file starts with a byte-order mark: save it as UTF-8 without one");

  skip_space (&c);
  if (!check_value (&c))
    return FALSE;
  skip_space (&c);
  if (c.p < c.end)
    {
      g_autofree char *found = describe (&c, c.p);
      return fail_at (&c, c.p, "%s after the end of the JSON value", found);
    }
  return TRUE;
}

/**
 * _pe_json_check_utf8:
 *
 * Whether @data is UTF-8 text; if not, @error says where the first byte
 * that is not is, by line and column (in characters), so that the damage
 * can be found.
 */
gboolean
_pe_json_check_utf8 (const char  *data,
                     gsize        length,
                     GError     **error)
{
  const char *end = NULL;
  guint line = 1, column = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  for (const char *p = data; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        line++, column = 1;
      else
        column++;
    }
  g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA,
               _("line %u, column %u: not UTF-8 text"), line, column);
  return FALSE;
}

/**
 * _pe_json_readable_error:
 *
 * json-glib quotes the token it stopped at: that may be long, and may end
 * in the middle of a character. Its message is shown to people: this is
 * it, valid UTF-8 and at most 200 characters.
 *
 * Returns: (transfer full):
 */
char *
_pe_json_readable_error (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  if (g_utf8_strlen (valid, -1) > 200)
    {
      g_autofree char *cut = g_utf8_substring (valid, 0, 200);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&valid);
}
