/* pe-document-loader.c — reading and checking a document's JSON data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in docs/data-format.md. Every problem is reported
 * as "ORIGIN: JSON-PATH: what is wrong" and nothing of a bad file is kept.
 * Beyond the types, the loader checks what makes the data trustworthy:
 * ids are unique, every formula parses and type-checks, and every quoted
 * clause really stands in the text of the measure it cites.
 */
#define G_LOG_DOMAIN "pe-document"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pe-document-private.h"
#include "pe-error.h"
#include "pe-expr-private.h"
#include "pe-json-reader-private.h"
#include "pe-vocabulary-private.h"

extern GDestroyNotify _pe_chart_bar_free_func;

/* Data files are small; anything much larger is not a document. */
#define MAX_DATA_BYTES (8 * 1024 * 1024)

/* What a message quotes of the data, at most. */
#define MAX_MESSAGE_CHARS 200

typedef struct
{
  const char   *origin;
  GString      *path;
  GError      **error;
  PeDocument   *doc;
  GHashTable   *parameter_index;   /* id -> index + 1 */
  GHashTable   *stripped_texts;    /* measure id -> text without white space */
  /* while reading a calculator */
  PeCalculator *calc;
  /* while reading facts (of the vocabulary, or a document's own): their
   * ids are dotted, and they cannot themselves name a fact */
  gboolean      reading_facts;
} Loader;

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Loader     *L,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (*L->error != NULL)
    return FALSE;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (L->error, PE_ERROR, PE_ERROR_INVALID_DATA, "%s: %s: %s",
               L->origin, L->path->str, msg);
  return FALSE;
}

static gsize
push_member (Loader     *L,
             const char *name)
{
  gsize old = L->path->len;

  /* on the path of every value read: no printf */
  g_string_append_c (L->path, '.');
  g_string_append (L->path, name);
  return old;
}

static gsize
push_index (Loader *L,
            guint   index)
{
  gsize old = L->path->len;
  char digits[16], *d = digits + sizeof digits;

  *--d = '\0';
  do
    *--d = '0' + index % 10;
  while ((index /= 10) > 0);
  g_string_append_c (L->path, '[');
  g_string_append (L->path, d);
  g_string_append_c (L->path, ']');
  return old;
}

static void
pop (Loader *L,
     gsize   old)
{
  g_string_truncate (L->path, old);
}

static const char *
node_type_name (PeJson *node)
{
  if (PE_JSON_HOLDS_NULL (node))
    return "null";
  if (PE_JSON_HOLDS_OBJECT (node))
    return "an object";
  if (PE_JSON_HOLDS_ARRAY (node))
    return "an array";
  switch (_pe_json_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    case G_TYPE_INT64: return "an integer";
    case G_TYPE_DOUBLE: return "a decimal number";
    default: return "a value";
    }
}

/* Gets member @name of @obj. Missing and required: an error. Missing and
 * optional, or null and optional: *out is NULL and TRUE is returned. */
static gboolean
get_member (Loader      *L,
            PeJson      *obj,
            const char  *name,
            gboolean     required,
            PeJson     **out)
{
  PeJson *node = _pe_json_get_member (obj, name);

  *out = NULL;
  if (node == NULL || PE_JSON_HOLDS_NULL (node))
    {
      if (required)
        {
          if (node == NULL)
            return fail (L, "the member “%s” is missing", name);
          return fail (L, "the member “%s” must not be null", name);
        }
      return TRUE;
    }
  *out = node;
  return TRUE;
}

/* The string member @name, still in the tree: *@out is left alone when it
 * is absent (and not required). */
static gboolean
peek_string (Loader      *L,
             PeJson      *obj,
             const char  *name,
             gboolean     required,
             const char **out)
{
  PeJson *node;
  gsize old;

  if (!get_member (L, obj, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  old = push_member (L, name);
  if (!PE_JSON_HOLDS_VALUE (node) || _pe_json_value_type (node) != G_TYPE_STRING)
    return fail (L, "expected a string, found %s", node_type_name (node));
  if (required && *_pe_json_get_string (node) == '\0')
    return fail (L, "must not be empty");
  pop (L, old);
  *out = _pe_json_get_string (node);
  return TRUE;
}

static gboolean
read_string (Loader      *L,
             PeJson      *obj,
             const char  *name,
             gboolean     required,
             char       **out)
{
  const char *value = NULL;

  if (!peek_string (L, obj, name, required, &value))
    return FALSE;
  if (value != NULL)
    {
      g_free (*out);
      *out = g_strdup (value);
    }
  return TRUE;
}

static gboolean
read_object (Loader      *L,
             PeJson      *obj,
             const char  *name,
             gboolean     required,
             PeJson     **out)
{
  PeJson *node;

  *out = NULL;
  if (!get_member (L, obj, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!PE_JSON_HOLDS_OBJECT (node))
    {
      gsize old = push_member (L, name);
      fail (L, "expected an object, found %s", node_type_name (node));
      pop (L, old);
      return FALSE;
    }
  *out = _pe_json_get_object (node);
  return TRUE;
}

static gboolean
read_array (Loader      *L,
            PeJson      *obj,
            const char  *name,
            gboolean     required,
            PeJson     **out)
{
  PeJson *node;

  *out = NULL;
  if (!get_member (L, obj, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!PE_JSON_HOLDS_ARRAY (node))
    {
      gsize old = push_member (L, name);
      fail (L, "expected an array, found %s", node_type_name (node));
      pop (L, old);
      return FALSE;
    }
  *out = _pe_json_get_array (node);
  return TRUE;
}

static gboolean
read_int (Loader     *L,
          PeJson     *obj,
          const char *name,
          gboolean    required,
          gint64     *out)
{
  PeJson *node;
  gsize old;

  if (!get_member (L, obj, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  old = push_member (L, name);
  if (!PE_JSON_HOLDS_VALUE (node) || _pe_json_value_type (node) != G_TYPE_INT64)
    return fail (L, "expected an integer, found %s", node_type_name (node));
  pop (L, old);
  *out = _pe_json_get_int (node);
  return TRUE;
}

static gboolean
read_bool (Loader     *L,
           PeJson     *obj,
           const char *name,
           gboolean   *out)
{
  PeJson *node;
  gsize old;

  if (!get_member (L, obj, name, FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  old = push_member (L, name);
  if (!PE_JSON_HOLDS_VALUE (node) || _pe_json_value_type (node) != G_TYPE_BOOLEAN)
    return fail (L, "expected true or false, found %s", node_type_name (node));
  pop (L, old);
  *out = _pe_json_get_boolean (node);
  return TRUE;
}

/* {"zh": "…", "en": "…"}: both languages are required, and non-empty. */
static gboolean
text_from_node (Loader  *L,
                PeJson  *node,
                PeText **out)
{
  const char *zh = NULL;
  const char *en = NULL;
  PeJson *t;

  if (!PE_JSON_HOLDS_OBJECT (node))
    return fail (L, "expected {\"zh\": …, \"en\": …}, found %s", node_type_name (node));
  t = _pe_json_get_object (node);
  if (!peek_string (L, t, "zh", TRUE, &zh) || !peek_string (L, t, "en", TRUE, &en))
    return FALSE;
  g_clear_pointer (out, pe_text_free);
  *out = pe_text_new (zh, en);
  return TRUE;
}

static gboolean
read_text (Loader      *L,
           PeJson      *obj,
           const char  *name,
           gboolean     required,
           PeText     **out)
{
  PeJson *node;
  gsize old;

  if (!get_member (L, obj, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  old = push_member (L, name);
  if (!text_from_node (L, node, out))
    return FALSE;
  pop (L, old);
  return TRUE;
}

/* An array of texts, such as the responsible units. */
static gboolean
read_text_array (Loader     *L,
                 PeJson     *obj,
                 const char *name,
                 GPtrArray  *into)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, obj, name, FALSE, &arr) || arr == NULL)
    return *L->error == NULL;
  old = push_member (L, name);
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeText *t = NULL;
      gsize o2 = push_index (L, i);

      if (!text_from_node (L, _pe_json_array_element (arr, i), &t))
        return FALSE;
      g_ptr_array_add (into, t);
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

static gboolean
read_date (Loader     *L,
           PeJson     *obj,
           const char *name,
           gboolean    required,
           guint32    *out)
{
  g_autofree char *s = NULL;
  gsize old;

  if (!read_string (L, obj, name, required, &s))
    return FALSE;
  if (s == NULL)
    return TRUE;
  old = push_member (L, name);
  if (!pe_date_parse (s, out))
    return fail (L, "“%s” is not a date written YYYY-MM-DD", s);
  pop (L, old);
  return TRUE;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
read_id (Loader      *L,
         PeJson      *obj,
         const char  *name,
         char       **out)
{
  gsize old;

  if (!read_string (L, obj, name, TRUE, out))
    return FALSE;
  old = push_member (L, name);
  if (!valid_id (*out))
    return fail (L, "“%s” is not a valid id (letters, digits, “-” and “_”, at most 64)", *out);
  pop (L, old);
  return TRUE;
}

/* A fact id: ids joined by dots, at least two: `person.birth_date`. */
static gboolean
valid_fact_id (const char *id)
{
  g_auto(GStrv) parts = NULL;

  if (id == NULL || strlen (id) > 128)
    return FALSE;
  parts = g_strsplit (id, ".", -1);
  if (g_strv_length (parts) < 2)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (!valid_id (parts[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_fact_id (Loader      *L,
              PeJson      *obj,
              const char  *name,
              char       **out)
{
  gsize old;

  if (!read_string (L, obj, name, TRUE, out))
    return FALSE;
  old = push_member (L, name);
  if (!valid_fact_id (*out))
    return fail (L, "“%s” is not a fact id (ids joined by dots, as in “person.birth_date”)", *out);
  pop (L, old);
  return TRUE;
}

/* The length of the white space (as g_unichar_isspace() and U+3000 have
 * it) that starts @p, else 0. The text is valid UTF-8. */
static inline gsize
space_at (const guchar *p)
{
  switch (p[0])
    {
    case ' ': case '\t': case '\n': case '\r': case '\f':
      return 1;
    case 0xC2:   /* U+00A0 */
      return p[1] == 0xA0 ? 2 : 0;
    case 0xE1:   /* U+1680 */
      return p[1] == 0x9A && p[2] == 0x80 ? 3 : 0;
    case 0xE2:   /* U+2000–U+200A, U+2028, U+2029, U+202F, U+205F */
      if (p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
        return 3;
      return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
    case 0xE3:   /* U+3000, the ideographic space */
      return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    default:
      return 0;
    }
}

/* @text without white space: every measure's text and every quote goes
 * through here, for the check that a quote stands in its text. */
static char *
strip_space (const char *text)
{
  gsize length = strlen (text);
  char *out = g_malloc (length + 1), *o = out;
  const guchar *p = (const guchar *) text, *end = p + length;

  while (p < end)
    {
      gsize n = space_at (p);

      if (n > 0)
        p += n;
      else
        *o++ = (char) *p++;   /* a byte of a character, copied as it is */
    }
  *o = '\0';
  return out;
}

/* {"measure": "5", "quote": "…", "quote_en": "…"}; the measure defaults
 * to @default_measure. */
static gboolean
read_clause (Loader      *L,
             PeJson      *obj,
             const char  *name,
             gboolean     required,
             const char  *default_measure,
             PeClause   **out)
{
  PeJson *c;
  g_autofree char *measure = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *quote_en = NULL;
  g_autofree char *stripped = NULL;
  const char *haystack;
  gsize old;

  *out = NULL;
  if (!read_object (L, obj, name, required, &c))
    return FALSE;
  if (c == NULL)
    return TRUE;

  old = push_member (L, name);
  if (!read_string (L, c, "measure", default_measure == NULL, &measure) ||
      !read_string (L, c, "quote", TRUE, &quote) ||
      !read_string (L, c, "quote_en", FALSE, &quote_en))
    return FALSE;
  if (measure == NULL)
    measure = g_strdup (default_measure);

  haystack = g_hash_table_lookup (L->stripped_texts, measure);
  if (haystack == NULL)
    return fail (L, "cites measure “%s”, which the document does not have", measure);
  stripped = strip_space (quote);
  if (strstr (haystack, stripped) == NULL)
    return fail (L, "the quote “%s” is not in the text of measure “%s”", quote, measure);
  pop (L, old);

  *out = g_atomic_rc_box_new0 (PeClause);
  (*out)->measure_id = g_steal_pointer (&measure);
  (*out)->quote = g_steal_pointer (&quote);
  (*out)->quote_en = g_steal_pointer (&quote_en);
  return TRUE;
}

/* A number in data: an integer, or a string holding an exact decimal or
 * fraction. JSON decimals are refused: they would pass through a double. */
static gboolean
read_number (Loader     *L,
             PeJson     *obj,
             const char *name,
             gboolean    required,
             PeRational *out,
             gboolean   *present)
{
  PeJson *node;
  gsize old;

  if (present != NULL)
    *present = FALSE;
  if (!get_member (L, obj, name, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  old = push_member (L, name);
  if (PE_JSON_HOLDS_VALUE (node) && _pe_json_value_type (node) == G_TYPE_INT64)
    *out = PE_RATIONAL_INIT (_pe_json_get_int (node));
  else if (PE_JSON_HOLDS_VALUE (node) && _pe_json_value_type (node) == G_TYPE_STRING)
    {
      if (!pe_rational_parse (_pe_json_get_string (node), out))
        return fail (L, "“%s” is not an exact number", _pe_json_get_string (node));
    }
  else if (PE_JSON_HOLDS_VALUE (node) && _pe_json_value_type (node) == G_TYPE_DOUBLE)
    return fail (L, "write a non-whole number as a string (\"2.5\") so it stays exact");
  else
    return fail (L, "expected a number, found %s", node_type_name (node));
  pop (L, old);
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static gboolean
read_value_type (Loader      *L,
                 PeJson      *obj,
                 PeValueType *type)
{
  g_autofree char *s = NULL;
  gsize old;

  if (!read_string (L, obj, "type", TRUE, &s))
    return FALSE;
  old = push_member (L, "type");
  if (!pe_value_type_from_string (s, type))
    return fail (L, "unknown type “%s” (yuan, integer, percent, decimal, boolean, choice, date or dates)", s);
  pop (L, old);
  return TRUE;
}

static gboolean
read_bound (Loader  *L,
            PeJson  *obj,
            PeBound *bound)
{
  g_autofree char *s = NULL;
  gsize old;

  *bound = PE_BOUND_EXACT;
  if (!read_string (L, obj, "bound", FALSE, &s))
    return FALSE;
  if (s == NULL)
    return TRUE;
  old = push_member (L, "bound");
  if (g_str_equal (s, "exact"))
    *bound = PE_BOUND_EXACT;
  else if (g_str_equal (s, "max"))
    *bound = PE_BOUND_MAXIMUM;
  else if (g_str_equal (s, "min"))
    *bound = PE_BOUND_MINIMUM;
  else
    return fail (L, "unknown bound “%s” (exact, max or min)", s);
  pop (L, old);
  return TRUE;
}

static PeValueKind
kind_of_type (PeValueType type)
{
  switch (type)
    {
    case PE_VALUE_TYPE_BOOLEAN: return PE_VALUE_BOOLEAN;
    case PE_VALUE_TYPE_CHOICE: return PE_VALUE_STRING;
    case PE_VALUE_TYPE_DATE: return PE_VALUE_DATE;
    case PE_VALUE_TYPE_DATES: return PE_VALUE_DATES;
    default: return PE_VALUE_NUMBER;
    }
}

/* ---- measures ---------------------------------------------------------- */

static const char *measure_kinds[] = {
  "reward", "subsidy", "service", "procedure", "target", "reform",
  "provision", "mixed", "guidance", NULL
};

static gboolean
read_deadline (Loader    *L,
               PeJson    *obj,
               PeMeasure *m)
{
  int y, mo, d = 0;
  char tail;
  GDate date;
  gsize old;

  if (!read_string (L, obj, "deadline", FALSE, &m->deadline) || m->deadline == NULL)
    return *L->error == NULL;

  old = push_member (L, "deadline");
  if (strlen (m->deadline) == 7 && sscanf (m->deadline, "%4d-%2d%c", &y, &mo, &tail) == 2 &&
      y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12)
    d = g_date_get_days_in_month (mo, y);   /* "2021年6月": by the month's end */
  else if (!(pe_date_parse (m->deadline, &m->deadline_julian) &&
             sscanf (m->deadline, "%4d-%2d-%2d", &y, &mo, &d) == 3))
    return fail (L, "“%s” is neither YYYY-MM nor YYYY-MM-DD", m->deadline);
  pop (L, old);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, mo, y);
  m->deadline_julian = g_date_get_julian (&date);
  return TRUE;
}

static gboolean
read_measure_text (Loader    *L,
                   PeJson    *obj,
                   PeMeasure *m)
{
  gsize old;

  if (!read_id (L, obj, "id", &m->id) ||
      !read_string (L, obj, "number", FALSE, &m->number) ||
      !read_text (L, obj, "title", TRUE, &m->title) ||
      !read_text (L, obj, "text", TRUE, &m->text) ||
      !read_string (L, obj, "kind", TRUE, &m->kind))
    return FALSE;

  old = push_member (L, "kind");
  if (!g_strv_contains (measure_kinds, m->kind))
    return fail (L, "unknown kind “%s”", m->kind);
  pop (L, old);

  if (g_hash_table_contains (L->doc->measures_by_id, m->id))
    {
      old = push_member (L, "id");
      return fail (L, "a second measure has the id “%s”", m->id);
    }

  return read_text_array (L, obj, "units", m->units) && read_deadline (L, obj, m);
}

static gboolean
read_targets (Loader    *L,
              PeJson    *obj,
              PeMeasure *m)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, obj, "targets", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;

  old = push_member (L, "targets");
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeJson *t;
      g_autoptr(PeTarget) target = g_atomic_rc_box_new0 (PeTarget);
      gint64 year = 0;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      t = _pe_json_get_object (n);
      if (!read_int (L, t, "year", TRUE, &year) ||
          !read_number (L, t, "quantity", TRUE, &target->quantity, NULL) ||
          !read_bound (L, t, &target->bound) ||
          !read_text (L, t, "label", TRUE, &target->label) ||
          !read_text (L, t, "unit", TRUE, &target->unit) ||
          !read_clause (L, t, "clause", TRUE, m->id, &target->clause))
        return FALSE;
      if (year < 1900 || year > 2200)
        {
          push_member (L, "year");
          return fail (L, "%" G_GINT64_FORMAT " is not a plausible year", year);
        }
      target->year = (int) year;
      g_ptr_array_add (m->targets, g_steal_pointer (&target));
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

static gboolean
read_parameters (Loader    *L,
                 PeJson    *obj,
                 PeMeasure *m)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, obj, "parameters", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;

  old = push_member (L, "parameters");
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeJson *p;
      g_autoptr(PeParameter) param = g_atomic_rc_box_new0 (PeParameter);

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      p = _pe_json_get_object (n);
      if (!read_id (L, p, "id", &param->id) ||
          !read_value_type (L, p, &param->type) ||
          !read_bound (L, p, &param->bound) ||
          !read_text (L, p, "label", TRUE, &param->label) ||
          !read_clause (L, p, "clause", TRUE, m->id, &param->clause))
        return FALSE;

      if (g_hash_table_contains (L->parameter_index, param->id))
        {
          push_member (L, "id");
          return fail (L, "a second parameter has the id “%s”", param->id);
        }

      param->value.kind = kind_of_type (param->type);
      switch (param->type)
        {
        case PE_VALUE_TYPE_DATE:
          if (!read_date (L, p, "value", TRUE, &param->value.julian))
            return FALSE;
          break;
        case PE_VALUE_TYPE_BOOLEAN:
        case PE_VALUE_TYPE_CHOICE:
        case PE_VALUE_TYPE_DATES:
          push_member (L, "type");
          return fail (L, "parameters are numbers or dates");
        default:
          if (!read_number (L, p, "value", TRUE, &param->value.number, NULL))
            return FALSE;
          if ((param->type == PE_VALUE_TYPE_YUAN || param->type == PE_VALUE_TYPE_INTEGER) &&
              !pe_rational_is_integer (param->value.number))
            {
              push_member (L, "value");
              return fail (L, "a %s parameter must be whole", pe_value_type_to_string (param->type));
            }
          if (param->type == PE_VALUE_TYPE_PERCENT)
            {
              /* percentages are written as in the text: 7 for 7 % */
              if (!pe_rational_div (param->value.number, PE_RATIONAL_INIT (100), &param->value.number))
                return fail (L, "the value is out of range");
            }
          break;
        }
      param->value.is_maximum = param->bound == PE_BOUND_MAXIMUM;

      g_hash_table_insert (L->parameter_index, param->id,
                           GUINT_TO_POINTER (L->doc->parameters->len + 1));
      g_ptr_array_add (L->doc->parameters, g_steal_pointer (&param));
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

/* [{"document": "talent", "measure": "1", "note": text}]: checked across
 * documents by the tests, since one document is loaded at a time. */
static gboolean
read_links (Loader    *L,
            PeJson    *obj,
            PeMeasure *m)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, obj, "links", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;
  old = push_member (L, "links");
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeLink *link;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      link = g_new0 (PeLink, 1);
      g_ptr_array_add (m->links, link);
      if (!read_id (L, _pe_json_get_object (n), "document", &link->document_id) ||
          !read_id (L, _pe_json_get_object (n), "measure", &link->measure_id) ||
          !read_text (L, _pe_json_get_object (n), "note", FALSE, &link->note))
        return FALSE;
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

static gboolean
read_measures (Loader *L,
               PeJson *root)
{
  PeJson *arr;
  gsize old;
  guint n;

  if (!read_array (L, root, "measures", TRUE, &arr))
    return FALSE;
  old = push_member (L, "measures");
  n = _pe_json_array_length (arr);
  if (n == 0)
    return fail (L, "a document needs at least one measure");

  /* pass 1: the texts, so that clauses can cite any measure */
  for (guint i = 0; i < n; i++)
    {
      PeJson *node = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeMeasure *m;

      if (!PE_JSON_HOLDS_OBJECT (node))
        return fail (L, "expected an object, found %s", node_type_name (node));
      m = g_atomic_rc_box_new0 (PeMeasure);
      m->units = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_text_free);
      m->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_target_unref);
      m->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_parameter_unref);
      m->links = g_ptr_array_new_with_free_func ((GDestroyNotify) _pe_link_free);
      g_ptr_array_add (L->doc->measures, m);
      if (!read_measure_text (L, _pe_json_get_object (node), m))
        return FALSE;
      g_hash_table_insert (L->doc->measures_by_id, m->id, m);
      g_hash_table_insert (L->stripped_texts, m->id, strip_space (m->text->zh));
      pop (L, o2);
    }

  /* pass 2: what the measures state, with their citations */
  for (guint i = 0; i < n; i++)
    {
      PeJson *obj = _pe_json_get_object (_pe_json_array_element (arr, i));
      PeMeasure *m = g_ptr_array_index (L->doc->measures, i);
      gsize o2 = push_index (L, i);
      guint first = L->doc->parameters->len;

      if (!read_targets (L, obj, m) || !read_parameters (L, obj, m) || !read_links (L, obj, m))
        return FALSE;
      for (guint j = first; j < L->doc->parameters->len; j++)
        g_ptr_array_add (m->parameters, pe_parameter_ref (g_ptr_array_index (L->doc->parameters, j)));
      pop (L, o2);
    }
  pop (L, old);

  L->doc->parameter_values = g_new0 (PeValue, MAX (1, L->doc->parameters->len));
  for (guint i = 0; i < L->doc->parameters->len; i++)
    L->doc->parameter_values[i] = ((PeParameter *) g_ptr_array_index (L->doc->parameters, i))->value;
  return TRUE;
}

/* ---- validity and stacking -------------------------------------------- */

static gboolean
read_date_rule (Loader     *L,
                PeJson     *obj,
                const char *name,
                gboolean    is_end,
                PeDateRule *rule,
                guint32    *date,
                int        *years)
{
  PeJson *o;
  g_autofree char *from = NULL;
  gint64 y = 0;
  gsize old;

  *rule = PE_DATE_RULE_NOT_STATED;
  if (!read_object (L, obj, name, FALSE, &o) || o == NULL)
    return *L->error == NULL;

  old = push_member (L, name);
  if ((_pe_json_get_member (o, "date") != NULL))
    {
      if (!read_date (L, o, "date", TRUE, date))
        return FALSE;
      *rule = PE_DATE_RULE_DATE;
    }
  else if (!is_end && (_pe_json_get_member (o, "from") != NULL))
    {
      if (!read_string (L, o, "from", TRUE, &from))
        return FALSE;
      if (!g_str_equal (from, "issue"))
        {
          push_member (L, "from");
          return fail (L, "“from” must be \"issue\"");
        }
      *rule = PE_DATE_RULE_ISSUE_DATE;
    }
  else if (is_end && (_pe_json_get_member (o, "years") != NULL))
    {
      if (!read_int (L, o, "years", TRUE, &y))
        return FALSE;
      if (y < 1 || y > 100)
        {
          push_member (L, "years");
          return fail (L, "%" G_GINT64_FORMAT " is not a plausible number of years", y);
        }
      *years = (int) y;
      *rule = PE_DATE_RULE_YEARS_FROM_START;
    }
  else
    return fail (L, is_end ? "expected {\"date\": …} or {\"years\": …}"
                           : "expected {\"date\": …} or {\"from\": \"issue\"}");
  pop (L, old);
  return TRUE;
}

static gboolean
read_validity (Loader *L,
               PeJson *root)
{
  PeJson *v;
  PeDocument *d = L->doc;
  gsize old;

  if (!read_object (L, root, "validity", TRUE, &v))
    return FALSE;
  old = push_member (L, "validity");
  if (!read_date_rule (L, v, "start", FALSE, &d->start_rule, &d->start_date, NULL) ||
      !read_date_rule (L, v, "end", TRUE, &d->end_rule, &d->end_date, &d->end_years) ||
      !read_text (L, v, "text", TRUE, &d->validity_text) ||
      !read_clause (L, v, "clause", FALSE, NULL, &d->validity_clause))
    return FALSE;
  if (d->end_rule == PE_DATE_RULE_YEARS_FROM_START && d->start_rule == PE_DATE_RULE_NOT_STATED)
    return fail (L, "an end in years needs a start");
  if (d->start_rule == PE_DATE_RULE_DATE && d->end_rule == PE_DATE_RULE_DATE &&
      d->end_date < d->start_date)
    return fail (L, "the validity ends before it starts");
  pop (L, old);
  return TRUE;
}

/* {"rule": "highest", "clause": …, "reading": …}: how the document's
 * support stacks with like support of other documents. */
static gboolean
read_across (Loader *L,
             PeJson *s)
{
  PeJson *a;
  gsize old;

  if (!read_object (L, s, "across", FALSE, &a) || a == NULL)
    return *L->error == NULL;
  old = push_member (L, "across");
  if (!read_string (L, a, "rule", TRUE, &L->doc->across_rule) ||
      !read_clause (L, a, "clause", TRUE, NULL, &L->doc->across_clause) ||
      !read_text (L, a, "reading", TRUE, &L->doc->across_reading))
    return FALSE;
  if (!g_str_equal (L->doc->across_rule, "highest"))
    {
      push_member (L, "rule");
      return fail (L, "unknown rule “%s” (only \"highest\")", L->doc->across_rule);
    }
  pop (L, old);
  return TRUE;
}

static gboolean
read_stacking (Loader *L,
               PeJson *root)
{
  PeJson *s;
  PeJson *rules;
  gsize old;

  if (!read_object (L, root, "stacking", FALSE, &s) || s == NULL)
    return *L->error == NULL;
  old = push_member (L, "stacking");
  if (!read_array (L, s, "rules", FALSE, &rules) ||
      !read_across (L, s))
    return FALSE;
  if (rules == NULL && L->doc->across_rule == NULL)
    return fail (L, "neither “rules” nor “across”: say what the text rules, or leave “stacking” out");

  if (rules != NULL)
  {
    gsize o2;

    if (!read_clause (L, s, "clause", TRUE, NULL, &L->doc->stacking_clause) ||
        !read_text (L, s, "reading", TRUE, &L->doc->stacking_reading))
      return FALSE;
    o2 = push_member (L, "rules");
    for (guint i = 0; i < _pe_json_array_length (rules); i++)
      {
        PeJson *n = _pe_json_array_element (rules, i);
        gsize o3 = push_index (L, i);
        g_autofree char *category = NULL;
        g_autofree char *rule = NULL;

        if (!PE_JSON_HOLDS_OBJECT (n))
          return fail (L, "expected an object, found %s", node_type_name (n));
        if (!read_string (L, _pe_json_get_object (n), "category", TRUE, &category) ||
            !read_string (L, _pe_json_get_object (n), "rule", TRUE, &rule))
          return FALSE;
        if (!g_str_equal (rule, "highest"))
          {
            push_member (L, "rule");
            return fail (L, "unknown rule “%s” (only \"highest\")", rule);
          }
        g_hash_table_insert (L->doc->stacking_rules, g_steal_pointer (&category),
                             g_steal_pointer (&rule));
        pop (L, o3);
      }
    pop (L, o2);
  }
  pop (L, old);
  return TRUE;
}

static gboolean read_field (Loader *L, PeJson *obj, PeField *f);

/* Facts a document declares for itself, when the vocabulary has none that
 * fits: their ids begin with the document's, so two documents never
 * declare the same. */
static gboolean
read_document_facts (Loader *L,
                     PeJson *root)
{
  PeJson *arr;
  g_autofree char *prefix = NULL;
  gsize old;

  if (!read_array (L, root, "facts", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;
  prefix = g_strconcat (L->doc->id, ".", NULL);
  old = push_member (L, "facts");
  L->reading_facts = TRUE;
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeField *f;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      f = g_atomic_rc_box_new0 (PeField);
      g_ptr_array_add (L->doc->facts, f);
      if (!read_field (L, _pe_json_get_object (n), f))
        return FALSE;
      if (!g_str_has_prefix (f->id, prefix))
        {
          push_member (L, "id");
          return fail (L, "a document's own fact has an id beginning “%s”", prefix);
        }
      if (f->role == PE_FIELD_ROLE_READING)
        return fail (L, "a fact is not a reading");
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((PeField *) g_ptr_array_index (L->doc->facts, j))->id, f->id))
          return fail (L, "a second fact has the id “%s”", f->id);
      pop (L, o2);
    }
  L->reading_facts = FALSE;
  pop (L, old);
  return TRUE;
}

/* ---- calculators ------------------------------------------------------- */

void
_pe_rule_free (PeRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->id);
  g_free (rule->formula);
  g_clear_pointer (&rule->label, pe_text_free);
  g_clear_pointer (&rule->fail, pe_text_free);
  g_clear_pointer (&rule->expr, _pe_expr_free);
  g_clear_pointer (&rule->clause, pe_clause_unref);
  g_clear_pointer (&rule->labels, g_hash_table_unref);
  g_free (rule);
}

static gboolean
resolve_symbol (const char   *name,
                gboolean      is_parameter,
                PeSymbolKind *kind,
                guint        *index,
                PeValueKind  *value_kind,
                gpointer      user_data)
{
  Loader *L = user_data;

  if (is_parameter)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (L->parameter_index, name));
      PeParameter *p;

      if (i == 0)
        return FALSE;
      p = g_ptr_array_index (L->doc->parameters, i - 1);
      *kind = PE_SYMBOL_PARAMETER;
      *index = i - 1;
      *value_kind = kind_of_type (p->type);
      return TRUE;
    }

  for (guint i = 0; i < L->calc->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (L->calc->fields, i);
      if (g_str_equal (f->id, name))
        {
          *kind = PE_SYMBOL_FIELD;
          *index = i;
          *value_kind = kind_of_type (f->type);
          return TRUE;
        }
    }
  /* only steps already read: a formula cannot use a later step */
  for (guint i = 0; i < L->calc->steps->len; i++)
    {
      PeRule *s = g_ptr_array_index (L->calc->steps, i);
      if (g_str_equal (s->id, name))
        {
          *kind = PE_SYMBOL_STEP;
          *index = i;
          *value_kind = kind_of_type (s->type);
          return TRUE;
        }
    }
  return FALSE;
}

static char *
scalar_to_text (PeJson *node)
{
  if (!PE_JSON_HOLDS_VALUE (node))
    return NULL;
  switch (_pe_json_value_type (node))
    {
    case G_TYPE_STRING: return g_strdup (_pe_json_get_string (node));
    case G_TYPE_INT64: return g_strdup_printf ("%" G_GINT64_FORMAT, _pe_json_get_int (node));
    case G_TYPE_BOOLEAN: return g_strdup (_pe_json_get_boolean (node) ? "true" : "false");
    default: return NULL;
    }
}

/* The values a boolean or choice fact can take, as text. */
static GPtrArray *
fact_value_texts (PeField *fact)
{
  GPtrArray *texts = g_ptr_array_new ();

  if (fact->type == PE_VALUE_TYPE_BOOLEAN)
    {
      g_ptr_array_add (texts, "true");
      g_ptr_array_add (texts, "false");
    }
  else
    for (guint i = 0; i < fact->choices->len; i++)
      g_ptr_array_add (texts, ((PeChoice *) g_ptr_array_index (fact->choices, i))->id);
  return texts;
}

/* "fact": the profile fact the field asks, and "fact_values", how the
 * fact's values read as the field's when the two do not share them. The
 * field must be able to take every value the fact can: a profile never
 * holds a value a calculator cannot read. */
static gboolean
read_field_fact (Loader  *L,
                 PeJson  *obj,
                 PeField *f)
{
  PeJson *map;
  PeField *fact = NULL;
  gsize old;

  if (!read_object (L, obj, "fact_values", FALSE, &map))
    return FALSE;
  if (!(_pe_json_get_member (obj, "fact") != NULL))
    {
      if (map != NULL)
        {
          push_member (L, "fact_values");
          return fail (L, "“fact_values” without a “fact”");
        }
      return TRUE;
    }
  if (L->reading_facts)
    {
      push_member (L, "fact");
      return fail (L, "a fact cannot itself name a fact");
    }
  if (!read_fact_id (L, obj, "fact", &f->fact))
    return FALSE;

  old = push_member (L, "fact");
  if (f->role == PE_FIELD_ROLE_READING)
    return fail (L, "a reading of the text is not a fact of the profile");
  for (guint i = 0; i < L->doc->facts->len && fact == NULL; i++)
    if (g_str_equal (((PeField *) g_ptr_array_index (L->doc->facts, i))->id, f->fact))
      fact = g_ptr_array_index (L->doc->facts, i);
  if (fact == NULL)
    fact = pe_vocabulary_get_fact (pe_vocabulary_get_default (), f->fact);
  if (fact == NULL)
    return fail (L, "“%s” is neither a fact of the vocabulary nor one the document declares", f->fact);
  pop (L, old);

  if (map == NULL)
    {
      if (fact->type != f->type)
        {
          push_member (L, "fact");
          return fail (L, "the fact “%s” is of type %s and the field of type %s; "
                       "“fact_values” can translate a boolean or choice fact",
                       f->fact, pe_value_type_to_string (fact->type), pe_value_type_to_string (f->type));
        }
      if (fact->type == PE_VALUE_TYPE_CHOICE)
        for (guint i = 0; i < fact->choices->len; i++)
          {
            const char *id = ((PeChoice *) g_ptr_array_index (fact->choices, i))->id;
            PeValue v;
            g_autoptr(GError) err = NULL;

            if (!pe_field_parse (f, id, &v, &err))
              {
                push_member (L, "fact");
                return fail (L, "the fact “%s” can be “%s”, which the field has not as a choice; "
                             "map it with “fact_values”", f->fact, id);
              }
          }
      return TRUE;
    }

  old = push_member (L, "fact_values");
  if (fact->type != PE_VALUE_TYPE_BOOLEAN && fact->type != PE_VALUE_TYPE_CHOICE)
    return fail (L, "only a boolean or choice fact can be translated; “%s” is of type %s",
                 f->fact, pe_value_type_to_string (fact->type));
  {
    g_autoptr(GPtrArray) texts = fact_value_texts (fact);
    g_autoptr(GList) members = _pe_json_get_member_names (map);

    f->fact_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    for (GList *l = members; l; l = l->next)
      {
        g_autofree char *value = scalar_to_text (_pe_json_get_member (map, l->data));
        gboolean known = FALSE;
        PeValue v;
        g_autoptr(GError) err = NULL;
        gsize o2;

        for (guint i = 0; i < texts->len; i++)
          known |= g_str_equal (g_ptr_array_index (texts, i), l->data);
        o2 = push_member (L, l->data);
        if (!known)
          return fail (L, "the fact “%s” never takes the value “%s”", f->fact, (char *) l->data);
        if (value == NULL)
          return fail (L, "expected a string, integer or boolean");
        if (!pe_field_parse (f, value, &v, &err))
          return fail (L, "%s", err->message);
        pop (L, o2);
        g_hash_table_insert (f->fact_values, g_strdup (l->data), g_steal_pointer (&value));
      }
    for (guint i = 0; i < texts->len; i++)
      if (!g_hash_table_contains (f->fact_values, g_ptr_array_index (texts, i)))
        return fail (L, "says nothing of the fact's value “%s”", (char *) g_ptr_array_index (texts, i));
  }
  pop (L, old);
  return TRUE;
}

static gboolean
read_field (Loader  *L,
            PeJson  *obj,
            PeField *f)
{
  g_autofree char *role = NULL;
  PeJson *choices;
  PeJson *def;
  gsize old;

  if (!(L->reading_facts ? read_fact_id (L, obj, "id", &f->id) : read_id (L, obj, "id", &f->id)) ||
      !read_value_type (L, obj, &f->type) ||
      !read_string (L, obj, "role", FALSE, &role) ||
      !read_text (L, obj, "label", TRUE, &f->label) ||
      !read_text (L, obj, "help", FALSE, &f->help) ||
      !read_text (L, obj, "unit", FALSE, &f->unit) ||
      !read_number (L, obj, "min", FALSE, &f->min, &f->has_min) ||
      !read_number (L, obj, "max", FALSE, &f->max, &f->has_max) ||
      !read_bool (L, obj, "required", &f->required) ||
      !read_array (L, obj, "choices", f->type == PE_VALUE_TYPE_CHOICE, &choices))
    return FALSE;

  if (role == NULL || g_str_equal (role, "input"))
    f->role = PE_FIELD_ROLE_INPUT;
  else if (g_str_equal (role, "reading"))
    f->role = PE_FIELD_ROLE_READING;
  else
    {
      push_member (L, "role");
      return fail (L, "unknown role “%s” (input or reading)", role);
    }

  if (f->type == PE_VALUE_TYPE_PERCENT)
    {
      /* bounds of percentages are written as in the form: 100 for 100 % */
      PeRational hundred = PE_RATIONAL_INIT (100);
      if (f->has_min)
        pe_rational_div (f->min, hundred, &f->min);
      if (f->has_max)
        pe_rational_div (f->max, hundred, &f->max);
    }

  if (choices != NULL)
    {
      old = push_member (L, "choices");
      if (_pe_json_array_length (choices) == 0)
        return fail (L, "a choice field needs at least one choice");
      f->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_choice_unref);
      for (guint i = 0; i < _pe_json_array_length (choices); i++)
        {
          PeJson *n = _pe_json_array_element (choices, i);
          gsize o2 = push_index (L, i);
          PeChoice *c;

          if (!PE_JSON_HOLDS_OBJECT (n))
            return fail (L, "expected an object, found %s", node_type_name (n));
          c = g_atomic_rc_box_new0 (PeChoice);
          g_ptr_array_add (f->choices, c);
          if (!read_id (L, _pe_json_get_object (n), "id", &c->id) ||
              !read_text (L, _pe_json_get_object (n), "label", TRUE, &c->label))
            return FALSE;
          for (guint j = 0; j < i; j++)
            if (g_str_equal (((PeChoice *) g_ptr_array_index (f->choices, j))->id, c->id))
              return fail (L, "a second choice has the id “%s”", c->id);
          pop (L, o2);
        }
      pop (L, old);
    }

  if (!get_member (L, obj, "default", FALSE, &def))
    return FALSE;
  if (def != NULL)
    {
      PeValue v;
      g_autoptr(GError) err = NULL;

      old = push_member (L, "default");
      if (PE_JSON_HOLDS_VALUE (def) && _pe_json_value_type (def) == G_TYPE_STRING)
        f->default_value = g_strdup (_pe_json_get_string (def));
      else if (PE_JSON_HOLDS_VALUE (def) && _pe_json_value_type (def) == G_TYPE_INT64)
        f->default_value = g_strdup_printf ("%" G_GINT64_FORMAT, _pe_json_get_int (def));
      else if (PE_JSON_HOLDS_VALUE (def) && _pe_json_value_type (def) == G_TYPE_BOOLEAN)
        f->default_value = g_strdup (_pe_json_get_boolean (def) ? "true" : "false");
      else
        return fail (L, "expected a string, integer or boolean, found %s", node_type_name (def));
      if (!pe_field_parse (f, f->default_value, &v, &err))
        return fail (L, "the default “%s” %s", f->default_value, err->message);
      pop (L, old);
    }

  if (f->role == PE_FIELD_ROLE_READING && (f->type != PE_VALUE_TYPE_CHOICE || f->default_value == NULL))
    return fail (L, "a reading is a choice field with a default");
  return read_field_fact (L, obj, f);
}

static gboolean
read_rule (Loader   *L,
           PeJson   *obj,
           gboolean  is_step,
           PeRule   *r)
{
  g_autoptr(GError) err = NULL;
  PeJson *labels;
  gsize old;

  if (!read_id (L, obj, "id", &r->id) ||
      !read_text (L, obj, "label", TRUE, &r->label) ||
      !read_string (L, obj, "expr", TRUE, &r->formula) ||
      !read_clause (L, obj, "clause", TRUE, L->calc->measure_id, &r->clause))
    return FALSE;

  if (is_step)
    {
      if (!read_value_type (L, obj, &r->type) ||
          !read_bool (L, obj, "output", &r->output) ||
          !read_object (L, obj, "labels", FALSE, &labels))
        return FALSE;
      if (labels != NULL)
        {
          g_autoptr(GList) members = _pe_json_get_member_names (labels);

          old = push_member (L, "labels");
          r->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) pe_text_free);
          for (GList *l = members; l; l = l->next)
            {
              PeText *t = NULL;
              if (!read_text (L, labels, l->data, TRUE, &t))
                return FALSE;
              g_hash_table_insert (r->labels, g_strdup (l->data), t);
            }
          pop (L, old);
        }
    }
  else
    {
      r->type = PE_VALUE_TYPE_BOOLEAN;
      if (!read_text (L, obj, "fail", TRUE, &r->fail))
        return FALSE;
    }

  old = push_member (L, "expr");
  r->expr = _pe_expr_parse (r->formula, resolve_symbol, L, &err);
  if (r->expr == NULL)
    return fail (L, "%s", err->message);
  if (_pe_expr_get_kind (r->expr) != kind_of_type (r->type))
    return fail (L, "the formula gives a %s value, but the %s is of type %s",
                 _pe_expr_get_kind (r->expr) == PE_VALUE_BOOLEAN ? "boolean" :
                 _pe_expr_get_kind (r->expr) == PE_VALUE_NUMBER ? "number" :
                 _pe_expr_get_kind (r->expr) == PE_VALUE_DATE ? "date" :
                 _pe_expr_get_kind (r->expr) == PE_VALUE_DATES ? "date list" : "text",
                 is_step ? "step" : "condition", pe_value_type_to_string (r->type));
  pop (L, old);
  return TRUE;
}

static gboolean
read_calculator (Loader       *L,
                 PeJson       *obj,
                 PeCalculator *c)
{
  PeJson *fields, *conditions, *steps;
  g_autofree char *amount = NULL;
  gsize old;

  if (!read_id (L, obj, "id", &c->id) ||
      !read_string (L, obj, "measure", TRUE, &c->measure_id) ||
      !read_text (L, obj, "title", TRUE, &c->title) ||
      !read_text (L, obj, "description", FALSE, &c->description) ||
      !read_string (L, obj, "category", FALSE, &c->category) ||
      !read_string (L, obj, "subject", FALSE, &c->subject) ||
      !read_string (L, obj, "group", FALSE, &c->group) ||
      !read_array (L, obj, "fields", TRUE, &fields) ||
      !read_array (L, obj, "conditions", FALSE, &conditions) ||
      !read_array (L, obj, "steps", TRUE, &steps) ||
      !read_text_array (L, obj, "readings", c->readings) ||
      !read_string (L, obj, "amount", FALSE, &amount))
    return FALSE;

  if (pe_document_get_measure (L->doc, c->measure_id) == NULL)
    {
      push_member (L, "measure");
      return fail (L, "no measure “%s” in the document", c->measure_id);
    }
  if (_pe_json_array_length (fields) > 64)
    {
      push_member (L, "fields");
      return fail (L, "at most 64 fields");
    }
  if (c->subject == NULL)
    c->subject = g_strdup ("enterprise");
  else if (!g_str_equal (c->subject, "enterprise") && !g_str_equal (c->subject, "person") &&
           !g_str_equal (c->subject, "city"))
    {
      push_member (L, "subject");
      return fail (L, "unknown subject “%s” (enterprise, person or city)", c->subject);
    }
  if (c->group != NULL && pe_vocabulary_get_group (pe_vocabulary_get_default (), c->group) == NULL)
    {
      push_member (L, "group");
      return fail (L, "“%s” is not a group of the vocabulary", c->group);
    }

  L->calc = c;

  old = push_member (L, "fields");
  for (guint i = 0; i < _pe_json_array_length (fields); i++)
    {
      PeJson *n = _pe_json_array_element (fields, i);
      gsize o2 = push_index (L, i);
      PeField *f;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      f = g_atomic_rc_box_new0 (PeField);
      g_ptr_array_add (c->fields, f);
      if (!read_field (L, _pe_json_get_object (n), f))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((PeField *) g_ptr_array_index (c->fields, j))->id, f->id))
          return fail (L, "a second field has the id “%s”", f->id);
      /* made once here: profiles look their values up by it for every
       * calculator they are assessed against */
      f->profile_key = f->fact != NULL ? g_strdup (f->fact)
                                       : g_strdup_printf ("%s/%s/%s", L->doc->id, c->id, f->id);
      pop (L, o2);
    }
  pop (L, old);

  for (int pass = 0; pass < 2; pass++)
    {
      PeJson *arr = pass == 0 ? conditions : steps;
      GPtrArray *into = pass == 0 ? c->conditions : c->steps;

      if (arr == NULL)
        continue;
      old = push_member (L, pass == 0 ? "conditions" : "steps");
      for (guint i = 0; i < _pe_json_array_length (arr); i++)
        {
          PeJson *n = _pe_json_array_element (arr, i);
          gsize o2 = push_index (L, i);
          PeRule *r;

          if (!PE_JSON_HOLDS_OBJECT (n))
            return fail (L, "expected an object, found %s", node_type_name (n));
          r = g_new0 (PeRule, 1);
          if (!read_rule (L, _pe_json_get_object (n), pass == 1, r))
            {
              _pe_rule_free (r);
              return FALSE;
            }
          for (guint j = 0; j < into->len; j++)
            if (g_str_equal (((PeRule *) g_ptr_array_index (into, j))->id, r->id))
              {
                fail (L, "a second %s has the id “%s”", pass ? "step" : "condition", r->id);
                _pe_rule_free (r);
                return FALSE;
              }
          if (pass == 1 && pe_calculator_get_field (c, r->id) != NULL)
            {
              fail (L, "the step “%s” has the id of a field", r->id);
              _pe_rule_free (r);
              return FALSE;
            }
          g_ptr_array_add (into, r);
          pop (L, o2);
        }
      pop (L, old);
    }

  if (c->steps->len == 0)
    {
      push_member (L, "steps");
      return fail (L, "a calculator needs at least one step");
    }

  c->amount_step = -1;
  if (amount != NULL)
    {
      for (guint i = 0; i < c->steps->len; i++)
        {
          PeRule *r = g_ptr_array_index (c->steps, i);
          if (g_str_equal (r->id, amount))
            c->amount_step = (int) i;
        }
      old = push_member (L, "amount");
      if (c->amount_step < 0)
        return fail (L, "no step “%s”", amount);
      if (((PeRule *) g_ptr_array_index (c->steps, c->amount_step))->type != PE_VALUE_TYPE_YUAN)
        return fail (L, "the amount step “%s” must be of type yuan", amount);
      pop (L, old);
    }

  L->calc = NULL;
  return TRUE;
}

static gboolean
read_calculators (Loader *L,
                  PeJson *root)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, root, "calculators", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;
  old = push_member (L, "calculators");
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeCalculator *c;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      c = g_atomic_rc_box_new0 (PeCalculator);
      c->document = L->doc;
      c->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_field_unref);
      c->readings = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_text_free);
      c->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) _pe_rule_free);
      c->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _pe_rule_free);
      c->amount_step = -1;
      g_ptr_array_add (L->doc->calculators, c);
      if (!read_calculator (L, _pe_json_get_object (n), c))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((PeCalculator *) g_ptr_array_index (L->doc->calculators, j))->id, c->id))
          return fail (L, "a second calculator has the id “%s”", c->id);
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

/* ---- charts ------------------------------------------------------------ */

static const char *chart_kinds[] = { "step", "bar", "targets", "timeline", "units", NULL };

static gboolean
read_chart (Loader      *L,
            PeJson      *obj,
            PeChartSpec *spec)
{
  PeJson *fixed;
  PeJson *bars;
  gint64 year = 0;

  if (!read_id (L, obj, "id", &spec->id) ||
      !read_string (L, obj, "kind", TRUE, &spec->kind) ||
      !read_text (L, obj, "title", TRUE, &spec->title) ||
      !read_text (L, obj, "description", FALSE, &spec->description))
    return FALSE;
  if (!g_strv_contains (chart_kinds, spec->kind))
    {
      push_member (L, "kind");
      return fail (L, "unknown chart kind “%s”", spec->kind);
    }

  if (g_str_equal (spec->kind, "step"))
    {
      PeCalculator *calc;
      PeField *field;

      if (!read_string (L, obj, "calculator", TRUE, &spec->calculator_id) ||
          !read_string (L, obj, "x", TRUE, &spec->x_field) ||
          !read_number (L, obj, "from", TRUE, &spec->x_from, NULL) ||
          !read_number (L, obj, "to", TRUE, &spec->x_to, NULL) ||
          !read_string (L, obj, "output", FALSE, &spec->output) ||
          !read_object (L, obj, "fixed", FALSE, &fixed))
        return FALSE;
      calc = pe_document_get_calculator (L->doc, spec->calculator_id);
      if (calc == NULL)
        {
          push_member (L, "calculator");
          return fail (L, "no calculator “%s”", spec->calculator_id);
        }
      field = pe_calculator_get_field (calc, spec->x_field);
      if (field == NULL || kind_of_type (field->type) != PE_VALUE_NUMBER)
        {
          push_member (L, "x");
          return fail (L, "“%s” is not a number field of “%s”", spec->x_field, spec->calculator_id);
        }
      if (pe_rational_compare (spec->x_from, spec->x_to) >= 0)
        return fail (L, "“from” must be below “to”");
      if (spec->output == NULL && !pe_calculator_has_amount (calc))
        return fail (L, "the calculator has no amount: name an “output”");
      spec->fixed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (fixed != NULL)
        {
          g_autoptr(GList) members = _pe_json_get_member_names (fixed);
          gsize old = push_member (L, "fixed");

          for (GList *l = members; l; l = l->next)
            {
              g_autofree char *value = NULL;
              PeField *f = pe_calculator_get_field (calc, l->data);
              PeValue v;
              g_autoptr(GError) err = NULL;

              if (f == NULL)
                return fail (L, "“%s” is not a field of “%s”", (char *) l->data, spec->calculator_id);
              if (!read_string (L, fixed, l->data, TRUE, &value))
                return FALSE;
              if (!pe_field_parse (f, value, &v, &err))
                return fail (L, "“%s” %s", (char *) l->data, err->message);
              g_hash_table_insert (spec->fixed, g_strdup (l->data), g_steal_pointer (&value));
            }
          pop (L, old);
        }
    }
  else if (g_str_equal (spec->kind, "bar"))
    {
      gsize old;

      if (!read_array (L, obj, "bars", TRUE, &bars))
        return FALSE;
      old = push_member (L, "bars");
      spec->bars = g_ptr_array_new_with_free_func (_pe_chart_bar_free_func);
      for (guint i = 0; i < _pe_json_array_length (bars); i++)
        {
          PeJson *n = _pe_json_array_element (bars, i);
          gsize o2 = push_index (L, i);
          PeChartBar *bar;

          if (!PE_JSON_HOLDS_OBJECT (n))
            return fail (L, "expected an object, found %s", node_type_name (n));
          bar = g_new0 (PeChartBar, 1);
          g_ptr_array_add (spec->bars, bar);
          if (!read_text (L, _pe_json_get_object (n), "label", TRUE, &bar->label) ||
              !read_number (L, _pe_json_get_object (n), "value", TRUE, &bar->value, NULL) ||
              !read_value_type (L, _pe_json_get_object (n), &bar->type) ||
              !read_clause (L, _pe_json_get_object (n), "clause", FALSE, NULL, &bar->clause))
            return FALSE;
          /* percentages are written as in the text, as for parameters */
          if (bar->type == PE_VALUE_TYPE_PERCENT &&
              !pe_rational_div (bar->value, PE_RATIONAL_INIT (100), &bar->value))
            return fail (L, "the value is out of range");
          pop (L, o2);
        }
      pop (L, old);
    }
  else if (g_str_equal (spec->kind, "targets"))
    {
      if (!read_int (L, obj, "year", FALSE, &year))
        return FALSE;
      spec->year = (int) year;
    }
  return TRUE;
}

static gboolean
read_charts (Loader *L,
             PeJson *root)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, root, "charts", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;
  old = push_member (L, "charts");
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeChartSpec *spec;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      spec = g_atomic_rc_box_new0 (PeChartSpec);
      g_ptr_array_add (L->doc->charts, spec);
      if (!read_chart (L, _pe_json_get_object (n), spec))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((PeChartSpec *) g_ptr_array_index (L->doc->charts, j))->id, spec->id))
          return fail (L, "a second chart has the id “%s”", spec->id);
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

/* ---- lists ----------------------------------------------------------- */

/* {"id", "title", "clause", "count"?, "items": [text…]}: an enumeration of
 * the text. Its clause is checked like every other; "count", when given,
 * is the number the text states ("40项"), so a list that lost or gained an
 * item is refused. */
static gboolean
read_list (Loader     *L,
           PeJson     *obj,
           PeItemList *list)
{
  PeJson *items;
  gint64 count = G_MININT64;   /* not given */
  gsize old;

  if (!read_id (L, obj, "id", &list->id) ||
      !read_text (L, obj, "title", TRUE, &list->title) ||
      !read_clause (L, obj, "clause", TRUE, NULL, &list->clause) ||
      !read_int (L, obj, "count", FALSE, &count) ||
      !read_array (L, obj, "items", TRUE, &items))
    return FALSE;

  list->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_text_free);
  if (!read_text_array (L, obj, "items", list->items))
    return FALSE;
  old = push_member (L, "items");
  if (list->items->len == 0)
    return fail (L, "a list needs at least one item");
  for (guint i = 0; i < list->items->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (((PeText *) g_ptr_array_index (list->items, i))->zh,
                       ((PeText *) g_ptr_array_index (list->items, j))->zh))
        {
          push_index (L, i);
          return fail (L, "a second item reads “%s”", ((PeText *) g_ptr_array_index (list->items, i))->zh);
        }
  pop (L, old);

  if (count != G_MININT64 && count != (gint64) list->items->len)
    {
      push_member (L, "count");
      return fail (L, "the text counts %" G_GINT64_FORMAT " items, the list has %u",
                   count, list->items->len);
    }
  return TRUE;
}

static gboolean
read_lists (Loader *L,
            PeJson *root)
{
  PeJson *arr;
  gsize old;

  if (!read_array (L, root, "lists", FALSE, &arr) || arr == NULL)
    return *L->error == NULL;
  old = push_member (L, "lists");
  for (guint i = 0; i < _pe_json_array_length (arr); i++)
    {
      PeJson *n = _pe_json_array_element (arr, i);
      gsize o2 = push_index (L, i);
      PeItemList *list;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      list = g_atomic_rc_box_new0 (PeItemList);
      g_ptr_array_add (L->doc->lists, list);
      if (!read_list (L, _pe_json_get_object (n), list))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((PeItemList *) g_ptr_array_index (L->doc->lists, j))->id, list->id))
          {
            push_member (L, "id");
            return fail (L, "a second list has the id “%s”", list->id);
          }
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

/* ---- the document ------------------------------------------------------ */

static gboolean
read_document (Loader *L,
               PeJson *root_node)
{
  PeJson *root;
  PeDocument *d = L->doc;
  gint64 format = 0;

  if (!PE_JSON_HOLDS_OBJECT (root_node))
    return fail (L, "the document must be a JSON object, found %s", node_type_name (root_node));
  root = _pe_json_get_object (root_node);

  if (!read_int (L, root, "format", TRUE, &format))
    return FALSE;
  if (format != PE_DATA_FORMAT_VERSION)
    {
      push_member (L, "format");
      return fail (L, "format %" G_GINT64_FORMAT " is not the one this version reads (%d)",
                   format, PE_DATA_FORMAT_VERSION);
    }

  if (!read_id (L, root, "id", &d->id) ||
      !read_string (L, root, "version", TRUE, &d->version) ||
      !read_text (L, root, "title", TRUE, &d->title) ||
      !read_text (L, root, "short_title", TRUE, &d->short_title) ||
      !read_text (L, root, "issuer", TRUE, &d->issuer) ||
      !read_string (L, root, "number", FALSE, &d->number) ||
      !read_date (L, root, "issue_date", FALSE, &d->issue_date) ||
      !read_text (L, root, "interpreter", FALSE, &d->interpreter))
    return FALSE;

  return read_measures (L, root) &&
         read_validity (L, root) &&
         read_stacking (L, root) &&
         read_document_facts (L, root) &&
         read_calculators (L, root) &&
         read_charts (L, root) &&
         read_lists (L, root);
}

/* The JSON of @bytes, after the checks every data file passes. */
static PeJsonTree *
parse_data (GBytes      *bytes,
            const char  *origin,
            GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  PeJsonTree *root;
  gsize size;
  const char *data;

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA, "%s: the file is empty", origin);
      return NULL;
    }
  if (size > MAX_DATA_BYTES)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA,
                   "%s: the file is larger than %d MiB", origin, MAX_DATA_BYTES >> 20);
      return NULL;
    }
  if (!_pe_json_check_utf8 (data, size, &parse_error) ||
      (root = _pe_json_parse (data, size, &parse_error)) == NULL)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA, "%s: %s", origin, parse_error->message);
      return NULL;
    }
  return root;
}

static void
loader_init (Loader      *L,
             const char  *origin,
             GError     **error)
{
  memset (L, 0, sizeof *L);
  L->origin = origin;
  L->path = g_string_new ("$");
  L->error = error;
  L->parameter_index = g_hash_table_new (g_str_hash, g_str_equal);
  L->stripped_texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
loader_clear (Loader *L)
{
  g_string_free (L->path, TRUE);
  g_hash_table_unref (L->parameter_index);
  g_hash_table_unref (L->stripped_texts);
}

/**
 * pe_document_new_from_bytes:
 * @bytes: the JSON data
 * @origin: the name of the file or resource, for messages
 *
 * Returns: (transfer full): the document, or %NULL with @error saying
 *   where and what is wrong
 */
PeDocument *
pe_document_new_from_bytes (GBytes      *bytes,
                            const char  *origin,
                            GError     **error)
{
  g_autoptr(PeJsonTree) tree = NULL;
  g_autoptr(PeDocument) doc = NULL;
  GError *local_error = NULL;
  Loader L;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  tree = parse_data (bytes, origin, error);
  if (tree == NULL)
    return NULL;

  doc = _pe_document_new_empty ();
  doc->origin = g_strdup (origin);

  loader_init (&L, origin, &local_error);
  L.doc = doc;
  read_document (&L, _pe_json_tree_get_root (tree));
  loader_clear (&L);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/**
 * pe_document_new_from_resource:
 *
 * Returns: (transfer full):
 */
PeDocument *
pe_document_new_from_resource (const char  *resource_path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, 0, error);
  if (bytes == NULL)
    return NULL;
  origin = g_strconcat ("resource://", resource_path, NULL);
  return pe_document_new_from_bytes (bytes, origin, error);
}

/**
 * pe_document_new_from_file:
 *
 * Returns: (transfer full):
 */
PeDocument *
pe_document_new_from_file (GFile   *file,
                           GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  origin = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return pe_document_new_from_bytes (bytes, origin, error);
}

/* ---- the vocabulary ---------------------------------------------------- */

static gboolean
read_vocabulary (Loader       *L,
                 PeVocabulary *v,
                 PeJson       *root_node)
{
  PeJson *root;
  PeJson *sections, *facts, *groups;
  gint64 format = 0;
  gsize old;

  if (!PE_JSON_HOLDS_OBJECT (root_node))
    return fail (L, "the vocabulary must be a JSON object, found %s", node_type_name (root_node));
  root = _pe_json_get_object (root_node);
  if (!read_int (L, root, "format", TRUE, &format))
    return FALSE;
  if (format != PE_DATA_FORMAT_VERSION)
    {
      push_member (L, "format");
      return fail (L, "format %" G_GINT64_FORMAT " is not the one this version reads (%d)",
                   format, PE_DATA_FORMAT_VERSION);
    }
  if (!read_array (L, root, "sections", TRUE, &sections) ||
      !read_array (L, root, "facts", TRUE, &facts) ||
      !read_array (L, root, "groups", TRUE, &groups))
    return FALSE;

  old = push_member (L, "sections");
  for (guint i = 0; i < _pe_json_array_length (sections); i++)
    {
      PeJson *n = _pe_json_array_element (sections, i);
      gsize o2 = push_index (L, i);
      PeSection *sec;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      sec = g_atomic_rc_box_new0 (PeSection);
      g_ptr_array_add (v->sections, sec);
      if (!read_id (L, _pe_json_get_object (n), "id", &sec->id) ||
          !read_text (L, _pe_json_get_object (n), "title", TRUE, &sec->title))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (((PeSection *) g_ptr_array_index (v->sections, j))->id, sec->id))
          return fail (L, "a second section has the id “%s”", sec->id);
      pop (L, o2);
    }
  pop (L, old);

  old = push_member (L, "facts");
  L->reading_facts = TRUE;
  for (guint i = 0; i < _pe_json_array_length (facts); i++)
    {
      PeJson *n = _pe_json_array_element (facts, i);
      gsize o2 = push_index (L, i);
      g_autofree char *section = NULL;
      PeField *f;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      f = g_atomic_rc_box_new0 (PeField);
      g_ptr_array_add (v->facts, f);
      if (!read_field (L, _pe_json_get_object (n), f))
        return FALSE;
      if (f->role == PE_FIELD_ROLE_READING)
        return fail (L, "a fact is not a reading");
      section = g_strndup (f->id, strchr (f->id, '.') - f->id);
      if (pe_vocabulary_get_section (v, section) == NULL)
        {
          push_member (L, "id");
          return fail (L, "“%s” is in no section (the part before the first dot names one)", f->id);
        }
      if (g_hash_table_contains (v->facts_by_id, f->id))
        return fail (L, "a second fact has the id “%s”", f->id);
      g_hash_table_insert (v->facts_by_id, f->id, f);
      pop (L, o2);
    }
  L->reading_facts = FALSE;
  pop (L, old);

  old = push_member (L, "groups");
  for (guint i = 0; i < _pe_json_array_length (groups); i++)
    {
      PeJson *n = _pe_json_array_element (groups, i);
      gsize o2 = push_index (L, i);
      PeGroup *g;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return fail (L, "expected an object, found %s", node_type_name (n));
      g = g_atomic_rc_box_new0 (PeGroup);
      g_ptr_array_add (v->groups, g);
      if (!read_id (L, _pe_json_get_object (n), "id", &g->id) ||
          !read_text (L, _pe_json_get_object (n), "title", TRUE, &g->title) ||
          !read_text (L, _pe_json_get_object (n), "description", FALSE, &g->description))
        return FALSE;
      if (g_hash_table_contains (v->groups_by_id, g->id))
        return fail (L, "a second group has the id “%s”", g->id);
      g_hash_table_insert (v->groups_by_id, g->id, g);
      pop (L, o2);
    }
  pop (L, old);
  return TRUE;
}

gboolean
_pe_vocabulary_read (PeVocabulary *self,
                     GBytes       *bytes,
                     const char   *origin,
                     GError      **error)
{
  g_autoptr(PeJsonTree) tree = NULL;
  GError *local_error = NULL;
  Loader L;

  tree = parse_data (bytes, origin, error);
  if (tree == NULL)
    return FALSE;

  loader_init (&L, origin, &local_error);
  read_vocabulary (&L, self, _pe_json_tree_get_root (tree));
  loader_clear (&L);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
