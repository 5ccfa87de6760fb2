/* pe-json-reader.c — strict JSON, read into json-glib's nodes in one pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive-descent reader of RFC 8259 JSON that builds its tree (see
 * pe-json-reader-private.h) as it checks: the text must be one JSON value and nothing else, with no
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

/* Word-at-a-time tests of eight bytes (as in "Bit Twiddling Hacks"):
 * whether one of them is below @n (n ≤ 128), or equal to @b. */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
#define HAS_LESS(w, n) ((((w) - ONES * (n)) & ~(w) & HIGHS) != 0)
#define HAS_BYTE(w, b) HAS_LESS ((w) ^ (ONES * (b)), 1)

static inline guint64
load8 (const char *p)
{
  guint64 w;

  memcpy (&w, p, sizeof w);
  return w;
}

/* Below glibc's threshold for mmap, so that blocks freed are reused. */
#define BLOCK_SIZE (64 * 1024)
/* Objects with more members than this check for a duplicate in a table. */
#define MEMBERS_SCANNED 16

typedef struct _Block Block;
struct _Block
{
  Block *next;
  gsize  used;
  gsize  size;
  /* then the data, 8-aligned */
};

struct _PeJsonTree
{
  Block  *blocks;
  PeJson *root;
};

typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  guint        depth;
  GString     *scratch;   /* strings with escapes are decoded here */
  PeJsonTree  *tree;
  GPtrArray   *elements;  /* of the arrays being read, innermost last */
  GArray      *members;   /* PeJsonMember: of the objects being read */
  GError     **error;
} Reader;

static PeJson *read_value (Reader *c);

static gpointer
arena_alloc (PeJsonTree *t,
             gsize       size)
{
  Block *b = t->blocks;
  gpointer p;

  size = (size + 7) & ~(gsize) 7;
  if (b == NULL || b->size - b->used < size)
    {
      gsize data_size = MAX (BLOCK_SIZE - sizeof (Block), size);

      b = g_malloc (sizeof (Block) + data_size);
      b->size = data_size;
      b->used = 0;
      /* a block for one large value goes behind the current one */
      if (t->blocks != NULL && data_size > BLOCK_SIZE - sizeof (Block))
        {
          b->next = t->blocks->next;
          t->blocks->next = b;
        }
      else
        {
          b->next = t->blocks;
          t->blocks = b;
        }
    }
  p = (char *) (b + 1) + b->used;
  b->used += size;
  return p;
}

static PeJson *
new_node (Reader     *c,
          PeJsonKind  kind)
{
  PeJson *n = arena_alloc (c->tree, sizeof (PeJson));

  memset (n, 0, sizeof *n);
  n->kind = kind;
  return n;
}

static const char *
arena_strndup (Reader     *c,
               const char *text,
               gsize       length)
{
  char *s = arena_alloc (c->tree, length + 1);

  memcpy (s, text, length);
  s[length] = '\0';
  return s;
}

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

  /* the input is UTF-8 already (checked first), so bytes will do; eight
   * at a time while none is a quote, a backslash or a control character */
  while (c->end - s >= 8)
    {
      guint64 w = load8 (s);

      if (HAS_LESS (w, 0x20) || HAS_BYTE (w, '"') || HAS_BYTE (w, '\\'))
        break;
      s += 8;
    }
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

static PeJson *
read_string_node (Reader *c)
{
  const char *text;
  gsize length;
  PeJson *node;

  if (!read_string (c, &text, &length))
    return NULL;
  node = new_node (c, PE_JSON_STRING);
  node->u.string = arena_strndup (c, text, length);
  return node;
}

/* A number: an integer when it has no fraction and no exponent (and then
 * it must fit in 64 bits: json-glib would wrap it round, silently), else
 * a finite double. */
static PeJson *
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
      PeJson *node = new_node (c, PE_JSON_INT);

      node->u.integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      return node;
    }
  else
    {
      g_autofree char *copy = g_strndup (start, c->p - start);
      double v = g_ascii_strtod (copy, NULL);

      PeJson *node;

      if (!isfinite (v))
        return fail_at (c, start, "the number %.*s is too large", (int) MIN (c->p - start, 40), start), NULL;
      node = new_node (c, PE_JSON_DOUBLE);
      node->u.number = v;
      return node;
    }
}

static PeJson *
read_word (Reader *c)
{
  static const struct { const char *word; gsize len; } words[] = {
    { "true", 4 }, { "false", 5 }, { "null", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (c->end - c->p) >= words[i].len && memcmp (c->p, words[i].word, words[i].len) == 0)
      {
        PeJson *node = new_node (c, i == 2 ? PE_JSON_NULL : PE_JSON_BOOLEAN);

        c->p += words[i].len;
        node->u.boolean = i == 0;
        return node;
      }
  return unexpected (c, "a value"), NULL;
}

static gboolean
member_seen (Reader     *c,
             guint       first,
             GHashTable *names,
             const char *name)
{
  if (names != NULL)
    return g_hash_table_contains (names, name);
  for (guint i = first; i < c->members->len; i++)
    if (strcmp (g_array_index (c->members, PeJsonMember, i).name, name) == 0)
      return TRUE;
  return FALSE;
}

static PeJson *
end_object (Reader *c,
            guint   first)
{
  PeJson *node = new_node (c, PE_JSON_OBJECT);

  node->length = c->members->len - first;
  node->u.members = arena_alloc (c->tree, node->length * sizeof (PeJsonMember));
  if (node->length > 0)
    memcpy (node->u.members, &g_array_index (c->members, PeJsonMember, first),
            node->length * sizeof (PeJsonMember));
  g_array_set_size (c->members, first);
  return node;
}

static PeJson *
read_object (Reader *c)
{
  g_autoptr(GHashTable) names = NULL;
  guint first = c->members->len;

  c->p++;   /* { */
  skip_space (c);
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return end_object (c, first);
    }
  for (;;)
    {
      const char *at = c->p, *text;
      PeJsonMember member;
      gsize length;

      if (c->p >= c->end || *c->p != '"')
        return unexpected (c, "a member name in double quotes"), NULL;
      if (!read_string (c, &text, &length))
        return NULL;
      /* copied now: reading the value reuses c->scratch */
      member.name = arena_strndup (c, text, length);
      if (member_seen (c, first, names, member.name))
        return fail_at (c, at, "a second member named “%s” in the same object",
                        g_utf8_strlen (member.name, -1) < 80 ? member.name : "…"), NULL;

      skip_space (c);
      if (c->p >= c->end || *c->p != ':')
        return unexpected (c, "“:” after the member name"), NULL;
      c->p++;
      skip_space (c);
      if ((member.value = read_value (c)) == NULL)
        return NULL;
      g_array_append_val (c->members, member);
      if (names != NULL)
        g_hash_table_add (names, (gpointer) member.name);
      else if (c->members->len - first == MEMBERS_SCANNED)
        {
          names = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = first; i < c->members->len; i++)
            g_hash_table_add (names, (gpointer) g_array_index (c->members, PeJsonMember, i).name);
        }

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
          return end_object (c, first);
        }
      return unexpected (c, "“,” or “}”"), NULL;
    }
}

static PeJson *
end_array (Reader *c,
           guint   first)
{
  PeJson *node = new_node (c, PE_JSON_ARRAY);

  node->length = c->elements->len - first;
  node->u.elements = arena_alloc (c->tree, node->length * sizeof (PeJson *));
  if (node->length > 0)
    memcpy (node->u.elements, c->elements->pdata + first, node->length * sizeof (PeJson *));
  g_ptr_array_set_size (c->elements, first);
  return node;
}

static PeJson *
read_array (Reader *c)
{
  guint first = c->elements->len;

  c->p++;   /* [ */
  skip_space (c);
  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      return end_array (c, first);
    }
  for (;;)
    {
      PeJson *element = read_value (c);

      if (element == NULL)
        return NULL;
      g_ptr_array_add (c->elements, element);
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
          return end_array (c, first);
        }
      return unexpected (c, "“,” or “]”"), NULL;
    }
}

static PeJson *
read_value (Reader *c)
{
  PeJson *node;

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
 * Returns: (transfer full): the tree of the one strict JSON value @data
 *   holds, or %NULL with @error (PE_ERROR_INVALID_DATA) giving the line,
 *   column and problem
 */
PeJsonTree *
_pe_json_parse (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (PeJsonMember));
  g_autoptr(PeJsonTree) tree = g_new0 (PeJsonTree, 1);
  Reader c = { data, data, data + length, 0, scratch, tree, elements, members, error };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return fail_at (&c, data, "the file starts with a byte-order mark: save it as UTF-8 without one"), NULL;

  skip_space (&c);
  if ((tree->root = read_value (&c)) == NULL)
    return NULL;
  skip_space (&c);
  if (c.p < c.end)
    {
      g_autofree char *found = describe (&c, c.p);
      return fail_at (&c, c.p, "%s after the end of the JSON value", found), NULL;
    }
  return g_steal_pointer (&tree);
}

PeJson *
_pe_json_tree_get_root (PeJsonTree *tree)
{
  g_assert (tree != NULL && tree->root != NULL);
  return tree->root;
}

void
_pe_json_tree_free (PeJsonTree *tree)
{
  Block *b, *next;

  if (tree == NULL)
    return;
  for (b = tree->blocks; b != NULL; b = next)
    {
      next = b->next;
      g_free (b);
    }
  g_free (tree);
}

/* The member @name of @object, or NULL. */
PeJson *
_pe_json_get_member (PeJson     *object,
                     const char *name)
{
  g_assert (object->kind == PE_JSON_OBJECT);

  for (guint k = 0; k < object->length; k++)
    {
      guint i = (object->found + k) % object->length;

      if (strcmp (object->u.members[i].name, name) == 0)
        {
          object->found = i;
          return object->u.members[i].value;
        }
    }
  return NULL;
}

/* The names of @object's members, in the order of the file: free the
 * list, not the names. */
GList *
_pe_json_get_member_names (PeJson *object)
{
  GList *names = NULL;

  g_assert (object->kind == PE_JSON_OBJECT);
  for (guint i = object->length; i > 0; i--)
    names = g_list_prepend (names, (gpointer) object->u.members[i - 1].name);
  return names;
}

/* The GType json-glib gives a value of this kind. */
GType
_pe_json_value_type (PeJson *node)
{
  switch (node->kind)
    {
    case PE_JSON_BOOLEAN: return G_TYPE_BOOLEAN;
    case PE_JSON_INT:     return G_TYPE_INT64;
    case PE_JSON_DOUBLE:  return G_TYPE_DOUBLE;
    case PE_JSON_STRING:  return G_TYPE_STRING;
    case PE_JSON_NULL:
    case PE_JSON_ARRAY:
    case PE_JSON_OBJECT:
    default:              return G_TYPE_INVALID;
    }
}

/**
 * _pe_json_check_utf8:
 *
 * Whether @data is UTF-8 text; if not, @error says where the first byte
 * that is not is, by line and column (in characters), so that the damage
 * can be found.
 */
/* What g_utf8_validate_len() accepts (no NUL, no overlong form, no
 * surrogate, nothing beyond U+10FFFF), at a few instructions a byte: the
 * files are mostly Chinese, three bytes a character, and GLib's own check
 * was an eighth of the time it takes to load a document. */
static gboolean
is_utf8 (const guchar *p,
         const guchar *end)
{
  while (p < end)
    {
      guchar b = p[0];

      /* eight ASCII characters, none of them NUL */
      if (end - p >= 8)
        {
          guint64 w = load8 ((const char *) p);

          if ((w & HIGHS) == 0 && !HAS_LESS (w, 1))
            {
              p += 8;
              continue;
            }
        }
      if (b >= 0x01 && b < 0x80)
        p++;
      else if (b >= 0xC2 && b <= 0xDF)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (b >= 0xE0 && b <= 0xEF)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
              (b == 0xE0 && p[1] < 0xA0) ||   /* overlong */
              (b == 0xED && p[1] > 0x9F))     /* a surrogate */
            return FALSE;
          p += 3;
        }
      else if (b >= 0xF0 && b <= 0xF4)
        {
          if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80 ||
              (b == 0xF0 && p[1] < 0x90) ||   /* overlong */
              (b == 0xF4 && p[1] > 0x8F))     /* beyond U+10FFFF */
            return FALSE;
          p += 4;
        }
      else
        return FALSE;
    }
  return TRUE;
}

gboolean
_pe_json_check_utf8 (const char  *data,
                     gsize        length,
                     GError     **error)
{
  const char *end = NULL;
  guint line = 1, column = 1;

  if (is_utf8 ((const guchar *) data, (const guchar *) data + length))
    return TRUE;
  /* where, in GLib's words */
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
