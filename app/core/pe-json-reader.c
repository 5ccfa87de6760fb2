/* pe-json-reader.c — strict JSON, read into json-glib's nodes in one pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive-descent reader of RFC 8259 JSON that builds json-glib's tree
 * as it checks: the text must be one JSON value and nothing else, with no
 * member named twice in an object, no NUL or lone surrogate in a string,
 * no integer beyond 64 bits, and no nesting deeper than PE_JSON_MAX_DEPTH
 * (so that its recursion stays shallow). Messages give the line and
 * column, counted in characters from 1.
 *
 * It replaces JsonParser for our data files, which reads them per
 * character through a GScanner and is three times slower: documents are
 * parsed whenever a page, a calculator or the command line first needs
 * one, so this is on the path of every `pex` call.
 */
#define G_LOG_DOMAIN "pe-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pe-error.h"
#include "pe-json-reader-private.h"

typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  guint        depth;
  GString     *scratch;   /* strings with escapes are decoded here */
  GError     **error;
} Reader;

static JsonNode *read_value (Reader *c);

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Reader     *c,
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
describe (Reader     *c,
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
unexpected (Reader     *c,
            const char *expected)
{
  g_autofree char *found = describe (c, c->p);
  return fail_at (c, c->p, "expected %s, found %s", expected, found);
}

static void
skip_space (Reader *c)
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
read_hex4 (Reader   *c,
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

/* The escape at c->p (just after its backslash), decoded onto @out. */
static gboolean
read_escape (Reader  *c,
             GString *out)
{
  const char *escape = c->p - 1;
  gunichar u;

  switch (*c->p)
    {
    case '"': case '\\': case '/':
      g_string_append_c (out, *c->p++);
      return TRUE;
    case 'b': g_string_append_c (out, '\b'); c->p++; return TRUE;
    case 'f': g_string_append_c (out, '\f'); c->p++; return TRUE;
    case 'n': g_string_append_c (out, '\n'); c->p++; return TRUE;
    case 'r': g_string_append_c (out, '\r'); c->p++; return TRUE;
    case 't': g_string_append_c (out, '\t'); c->p++; return TRUE;
    case 'u':
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
      g_string_append_unichar (out, u);
      return TRUE;
    default:
      {
        g_autofree char *found = describe (c, c->p);
        return fail_at (c, escape, "an unknown escape \\%s in a string", found);
      }
    }
}

/* The string at c->p (on its opening quote), decoded. Its text stays in
 * the input when it has no escape (most do): *@text and *@length point
 * there; else they point into c->scratch, valid until the next string. */
static gboolean
read_string (Reader      *c,
             const char **text,
             gsize       *length)
{
  const char *open = c->p;
  const char *s = c->p + 1;

  /* the input is UTF-8 already (checked first), so bytes will do */
  while (s < c->end && *s != '"' && *s != '\\' && (guchar) *s >= 0x20)
    s++;
  if (s < c->end && *s == '"')
    {
      *text = c->p + 1;
      *length = s - (c->p + 1);
      c->p = s + 1;
      return TRUE;
    }

  g_string_truncate (c->scratch, 0);
  g_string_append_len (c->scratch, c->p + 1, s - (c->p + 1));
  c->p = s;
  while (c->p < c->end)
    {
      guchar ch = *c->p;

      if (ch == '"')
        {
          c->p++;
          *text = c->scratch->str;
          *length = c->scratch->len;
          return TRUE;
        }
      if (ch < 0x20)
        {
          g_autofree char *found = describe (c, c->p);
          return fail_at (c, c->p, "%s in a string (write it as an escape, such as \\n)", found);
        }
      if (ch == '\\')
        {
          c->p++;
          if (c->p >= c->end)
            break;
          if (!read_escape (c, c->scratch))
            return FALSE;
          continue;
        }
      g_string_append_c (c->scratch, ch);
      c->p++;
    }
  return fail_at (c, open, "a string that is never closed");
}

static JsonNode *
read_string_node (Reader *c)
{
  const char *text;
  gsize length;
  JsonNode *node;

  if (!read_string (c, &text, &length))
    return NULL;
  /* json-glib copies the text it is given: it must end in a NUL */
  if (text != c->scratch->str)
    {
      g_string_truncate (c->scratch, 0);
      g_string_append_len (c->scratch, text, length);
    }
  node = json_node_alloc ();
  json_node_init_string (node, c->scratch->str);
  return node;
}

/* A number: an integer when it has no fraction and no exponent (and then
 * it must fit in 64 bits: json-glib would wrap it round, silently), else
 * a finite double. */
static JsonNode *
read_number (Reader *c)
{
  const char *start = c->p;
  gboolean negative = FALSE, integer = TRUE;
  guint64 magnitude = 0;
  gboolean overflow = FALSE;

  if (c->p < c->end && *c->p == '-')
    negative = TRUE, c->p++;
  if (c->p < c->end && *c->p == '0')
    {
      c->p++;
      if (c->p < c->end && g_ascii_isdigit (*c->p))
        return fail_at (c, start, "a number with a leading zero"), NULL;
    }
  else if (c->p < c->end && g_ascii_isdigit (*c->p))
    for (; c->p < c->end && g_ascii_isdigit (*c->p); c->p++)
      {
        guint d = *c->p - '0';

        if (magnitude > (G_MAXUINT64 - d) / 10)
          overflow = TRUE;
        else
          magnitude = magnitude * 10 + d;
      }
  else
    return unexpected (c, "a digit"), NULL;

  if (c->p < c->end && *c->p == '.')
    {
      integer = FALSE;
      c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return unexpected (c, "a digit after the decimal point"), NULL;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      integer = FALSE;
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return unexpected (c, "a digit in the exponent"), NULL;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
    }

  if (integer)
    {
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

      if (overflow || magnitude > limit)
        return fail_at (c, start, "the integer %.*s is beyond 64-bit integers (%" G_GINT64_FORMAT
                        " to %" G_GINT64_FORMAT ")", (int) MIN (c->p - start, 40), start,
                        G_MININT64, G_MAXINT64), NULL;
      return json_node_init_int (json_node_alloc (),
                                 negative ? (gint64) (0 - magnitude) : (gint64) magnitude);
    }
  else
    {
      g_autofree char *copy = g_strndup (start, c->p - start);
      double v = g_ascii_strtod (copy, NULL);

      if (!isfinite (v))
        return fail_at (c, start, "the number %.*s is too large", (int) MIN (c->p - start, 40), start), NULL;
      return json_node_init_double (json_node_alloc (), v);
    }
}

static JsonNode *
read_word (Reader *c)
{
  static const struct { const char *word; gsize len; } words[] = {
    { "true", 4 }, { "false", 5 }, { "null", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (c->end - c->p) >= words[i].len && memcmp (c->p, words[i].word, words[i].len) == 0)
      {
        c->p += words[i].len;
        return i == 2 ? json_node_init_null (json_node_alloc ())
                      : json_node_init_boolean (json_node_alloc (), i == 0);
      }
  return unexpected (c, "a value"), NULL;
}

static JsonNode *
read_object (Reader *c)
{
  g_autoptr(JsonObject) object = json_object_new ();

  c->p++;   /* { */
  skip_space (c);
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return json_node_init_object (json_node_alloc (), object);
    }
  for (;;)
    {
      char small[64], *name;
      g_autofree char *large = NULL;
      const char *at = c->p, *text;
      gsize length;
      JsonNode *member;

      if (c->p >= c->end || *c->p != '"')
        return unexpected (c, "a member name in double quotes"), NULL;
      if (!read_string (c, &text, &length))
        return NULL;
      /* kept while the value is read: that reuses c->scratch */
      if (length < sizeof small)
        {
          memcpy (small, text, length);
          small[length] = '\0';
          name = small;
        }
      else
        name = large = g_strndup (text, length);
      if (json_object_has_member (object, name))
        return fail_at (c, at, "a second member named “%s” in the same object",
                        g_utf8_strlen (name, -1) < 80 ? name : "…"), NULL;

      skip_space (c);
      if (c->p >= c->end || *c->p != ':')
        return unexpected (c, "“:” after the member name"), NULL;
      c->p++;
      skip_space (c);
      if ((member = read_value (c)) == NULL)
        return NULL;
      json_object_set_member (object, name, member);
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
          return json_node_init_object (json_node_alloc (), object);
        }
      return unexpected (c, "“,” or “}”"), NULL;
    }
}

static JsonNode *
read_array (Reader *c)
{
  g_autoptr(JsonArray) array = json_array_new ();

  c->p++;   /* [ */
  skip_space (c);
  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      return json_node_init_array (json_node_alloc (), array);
    }
  for (;;)
    {
      JsonNode *element = read_value (c);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
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
          return json_node_init_array (json_node_alloc (), array);
        }
      return unexpected (c, "“,” or “]”"), NULL;
    }
}

static JsonNode *
read_value (Reader *c)
{
  JsonNode *node;

  if (c->p >= c->end)
    return unexpected (c, "a value"), NULL;

  switch (*c->p)
    {
    case '{':
    case '[':
      if (++c->depth > PE_JSON_MAX_DEPTH)
        return fail_at (c, c->p, "nested more than %d deep", PE_JSON_MAX_DEPTH), NULL;
      node = *c->p == '{' ? read_object (c) : read_array (c);
      c->depth--;
      return node;
    case '"':
      return read_string_node (c);
    case 't':
    case 'f':
    case 'n':
      return read_word (c);
    default:
      if (*c->p == '-' || g_ascii_isdigit (*c->p))
        return read_number (c);
      return unexpected (c, "a value"), NULL;
    }
}

/*
 * _pe_json_parse:
 * @data: the text, UTF-8 (see _pe_json_check_utf8), not necessarily
 *   NUL-terminated
 * @length: its length in bytes
 *
 * Returns: (transfer full): the one strict JSON value @data holds, or
 *   %NULL with @error (PE_ERROR_INVALID_DATA) giving the line, column
 *   and problem
 */
JsonNode *
_pe_json_parse (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  Reader c = { data, data, data + length, 0, scratch, error };
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return fail_at (&c, data, "the file starts with a byte-order mark: save it as UTF-8 without one"), NULL;

  skip_space (&c);
  if ((root = read_value (&c)) == NULL)
    return NULL;
  skip_space (&c);
  if (c.p < c.end)
    {
      g_autofree char *found = describe (&c, c.p);
      return fail_at (&c, c.p, "%s after the end of the JSON value", found), NULL;
    }
  return g_steal_pointer (&root);
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
