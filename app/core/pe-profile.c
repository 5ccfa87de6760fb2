/* pe-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A profile holds only what the analyst set, as typed ("3000万" stays
 * "3000万"), so that a saved file reads back exactly and a later version of
 * a document reads it the way it then reads its inputs. A value is keyed by
 * the fact it answers ("enterprise.high_tech": asked once, used by every
 * calculator that needs it) or, for an input only one calculator has, by
 * "DOCUMENT/CALCULATOR/FIELD". Values for documents that are not active are
 * kept as they are: nothing of the user's is dropped.
 *
 * The file (docs/profile-format.md):
 *   {"format": "policy-explorer-profile", "version": 1, "name": "…",
 *    "subject": "enterprise", "as_of": "2022-06-30",
 *    "issue_dates": {"land": "2021-05-01"},
 *    "values": {"enterprise.high_tech": "true", "finance/bond-reward/raised": "2亿"}}
 */
#define G_LOG_DOMAIN "pe-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pe-atomic-file.h"
#include "pe-document.h"
#include "pe-error.h"
#include "pe-profile.h"
#include "pe-json-reader-private.h"
#include "pe-vocabulary.h"

#define FORMAT_NAME     "policy-explorer-profile"
#define MAX_FILE_BYTES  (8 * 1024 * 1024)
#define MAX_VALUE_CHARS 1000
#define MAX_NAME_CHARS  200

struct _PeProfile
{
  GObject     parent_instance;

  char       *name;
  char       *subject;
  guint32     as_of;
  GHashTable *issue_dates;   /* document id -> GUINT_TO_POINTER (julian) */
  GHashTable *values;        /* key -> text */
  gboolean    modified;
};

G_DEFINE_FINAL_TYPE (PeProfile, pe_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SUBJECT,
  PROP_AS_OF,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
valid_subject (const char *subject)
{
  return g_strcmp0 (subject, "enterprise") == 0 || g_strcmp0 (subject, "person") == 0;
}

static gboolean
valid_part (const char *s,
            gsize       len)
{
  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '-' && s[i] != '_')
      return FALSE;
  return TRUE;
}

/* Parts of @key separated by @sep, each a valid id; how many. */
static guint
count_parts (const char *key,
             char        sep)
{
  guint n = 0;

  for (const char *p = key;; n++)
    {
      const char *end = strchr (p, sep);
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (!valid_part (p, len))
        return 0;
      if (end == NULL)
        return n + 1;
      p = end + 1;
    }
}

/**
 * pe_profile_key_is_valid:
 *
 * Whether @key is a fact id (`enterprise.high_tech`) or the key of one
 * calculator's input (`finance/bond-reward/raised`).
 */
gboolean
pe_profile_key_is_valid (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  if (strlen (key) > 200)
    return FALSE;
  if (strchr (key, '/') != NULL)
    return count_parts (key, '/') == 3;
  return count_parts (key, '.') >= 2;
}

/**
 * pe_profile_key_for_field:
 *
 * Returns: (transfer full): the key under which a profile holds @field of
 *   @calculator: the fact it asks, or DOCUMENT/CALCULATOR/FIELD
 */
char *
pe_profile_key_for_field (PeCalculator *calculator,
                          PeField      *field)
{
  g_return_val_if_fail (calculator != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (field->profile_key != NULL)
    return g_strdup (field->profile_key);
  if (field->fact != NULL)
    return g_strdup (field->fact);
  return g_strdup_printf ("%s/%s/%s",
                          calculator->document ? pe_document_get_id (calculator->document) : "",
                          calculator->id, field->id);
}

static void
pe_profile_finalize (GObject *object)
{
  PeProfile *self = PE_PROFILE (object);

  g_free (self->name);
  g_free (self->subject);
  g_clear_pointer (&self->issue_dates, g_hash_table_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  G_OBJECT_CLASS (pe_profile_parent_class)->finalize (object);
}

static void
pe_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PeProfile *self = PE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case PROP_AS_OF: g_value_set_uint (value, self->as_of); break;
    case PROP_MODIFIED: g_value_set_boolean (value, self->modified); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PeProfile *self = PE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME: pe_profile_set_name (self, g_value_get_string (value)); break;
    case PROP_SUBJECT: pe_profile_set_subject (self, g_value_get_string (value)); break;
    case PROP_AS_OF: pe_profile_set_as_of (self, g_value_get_uint (value)); break;
    case PROP_MODIFIED: pe_profile_set_modified (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_profile_class_init (PeProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pe_profile_finalize;
  object_class->get_property = pe_profile_get_property;
  object_class->set_property = pe_profile_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", "Name", "What the analyst calls the profile",
                         NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", "Subject", "enterprise or person",
                         "enterprise", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_uint ("as-of", "As of", "The date asked about (Julian day), 0 for today",
                       0, G_MAXUINT32, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", "Modified", "Changed since it was last saved or opened",
                          FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PeProfile::changed:
   * @key: the key of the value that changed
   *
   * A value was set or unset. Detailed by the key.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pe_profile_init (PeProfile *self)
{
  self->subject = g_strdup ("enterprise");
  self->issue_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * pe_profile_new:
 * @subject: `enterprise` or `person`
 *
 * Returns: (transfer full): an empty profile
 */
PeProfile *
pe_profile_new (const char *subject)
{
  g_return_val_if_fail (valid_subject (subject), NULL);
  return g_object_new (PE_TYPE_PROFILE, "subject", subject, NULL);
}

static void
mark_modified (PeProfile *self)
{
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

const char *
pe_profile_get_name (PeProfile *self)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);
  return self->name;
}

void
pe_profile_set_name (PeProfile  *self,
                     const char *name)
{
  g_return_if_fail (PE_IS_PROFILE (self));

  if (name != NULL && *name == '\0')
    name = NULL;
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  mark_modified (self);
}

const char *
pe_profile_get_subject (PeProfile *self)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);
  return self->subject;
}

void
pe_profile_set_subject (PeProfile  *self,
                        const char *subject)
{
  g_return_if_fail (PE_IS_PROFILE (self));
  g_return_if_fail (valid_subject (subject));

  if (g_str_equal (self->subject, subject))
    return;
  g_free (self->subject);
  self->subject = g_strdup (subject);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
  mark_modified (self);
}

guint32
pe_profile_get_as_of (PeProfile *self)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), 0);
  return self->as_of;
}

/**
 * pe_profile_set_as_of:
 * @as_of: the date asked about (a Julian day), or 0 for the day the
 *   profile is evaluated
 */
void
pe_profile_set_as_of (PeProfile *self,
                      guint32    as_of)
{
  g_return_if_fail (PE_IS_PROFILE (self));

  if (self->as_of == as_of)
    return;
  self->as_of = as_of;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
  mark_modified (self);
}

/**
 * pe_profile_get_issue_date:
 *
 * The issue date the analyst gave for a document whose text does not give
 * it, or 0.
 */
guint32
pe_profile_get_issue_date (PeProfile  *self,
                           const char *document_id)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), 0);
  g_return_val_if_fail (document_id != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->issue_dates, document_id));
}

void
pe_profile_set_issue_date (PeProfile  *self,
                           const char *document_id,
                           guint32     issue_date)
{
  g_return_if_fail (PE_IS_PROFILE (self));
  g_return_if_fail (document_id != NULL);

  if (pe_profile_get_issue_date (self, document_id) == issue_date)
    return;
  if (issue_date == 0)
    g_hash_table_remove (self->issue_dates, document_id);
  else
    g_hash_table_insert (self->issue_dates, g_strdup (document_id), GUINT_TO_POINTER (issue_date));
  mark_modified (self);
}

/**
 * pe_profile_get_value:
 *
 * Returns: (nullable): the text set for @key, as typed
 */
const char *
pe_profile_get_value (PeProfile  *self,
                      const char *key)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->values, key);
}

/**
 * pe_profile_set_value:
 * @key: a fact id or DOCUMENT/CALCULATOR/FIELD
 * @text: (nullable): the text as typed; %NULL or empty unsets it
 *
 * Values are kept as typed; they are read, and refused if wrong, by the
 * calculators that use them.
 *
 * Returns: whether the value changed
 */
gboolean
pe_profile_set_value (PeProfile  *self,
                      const char *key,
                      const char *text)
{
  const char *old;

  g_return_val_if_fail (PE_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (key != NULL && pe_profile_key_is_valid (key), FALSE);

  if (text != NULL && *text == '\0')
    text = NULL;
  old = g_hash_table_lookup (self->values, key);
  if (g_strcmp0 (old, text) == 0)
    return FALSE;
  if (text == NULL)
    g_hash_table_remove (self->values, key);
  else
    g_hash_table_insert (self->values, g_strdup (key), g_strdup (text));
  mark_modified (self);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * pe_profile_list_keys:
 *
 * Returns: (transfer full): the keys set, sorted
 */
GStrv
pe_profile_list_keys (PeProfile *self)
{
  GStrv keys;
  guint n;

  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);

  keys = (GStrv) g_hash_table_get_keys_as_array (self->values, &n);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof (char *), compare_strings);
  return keys;
}

guint
pe_profile_get_n_values (PeProfile *self)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), 0);
  return g_hash_table_size (self->values);
}

gboolean
pe_profile_is_modified (PeProfile *self)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), FALSE);
  return self->modified;
}

void
pe_profile_set_modified (PeProfile *self,
                         gboolean   modified)
{
  g_return_if_fail (PE_IS_PROFILE (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * pe_profile_copy:
 *
 * Returns: (transfer full): a profile with the same values, not modified
 */
PeProfile *
pe_profile_copy (PeProfile *self)
{
  PeProfile *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);

  copy = pe_profile_new (self->subject);
  copy->name = g_strdup (self->name);
  copy->as_of = self->as_of;
  g_hash_table_iter_init (&iter, self->issue_dates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->issue_dates, g_strdup (key), value);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_strdup (value));
  return copy;
}

/* ---- what a calculator gets ---------------------------------------------- */

/* A boolean or choice fact's value as the field reads it. */
static const char *
translate_fact (PeField    *field,
                const char *text)
{
  PeField *fact;
  PeValue v;
  g_autofree char *canonical = NULL;
  const char *mapped;

  if (field->fact_values == NULL)
    return text;
  fact = pe_vocabulary_get_fact (pe_vocabulary_get_default (), field->fact);
  /* a document's own fact: its values are the field's own */
  if (fact == NULL || !pe_field_parse (fact, text, &v, NULL))
    return text;   /* the calculator will refuse it, naming the key */
  canonical = pe_value_to_string (fact->type, &v);
  mapped = g_hash_table_lookup (field->fact_values, canonical);
  return mapped != NULL ? mapped : text;
}

/**
 * pe_profile_feeds:
 *
 * Whether the profile sets any input of @calculator (readings aside): the
 * question an assessment asks of every calculator of every document, so
 * it allocates nothing.
 */
gboolean
pe_profile_feeds (PeProfile    *self,
                  PeCalculator *calculator)
{
  g_return_val_if_fail (PE_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (calculator != NULL, FALSE);

  for (guint i = 0; i < calculator->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (calculator->fields, i);
      g_autofree char *made = NULL;

      if (f->role == PE_FIELD_ROLE_READING)
        continue;
      if (f->profile_key == NULL)
        made = pe_profile_key_for_field (calculator, f);
      if (g_hash_table_contains (self->values, made != NULL ? made : f->profile_key))
        return TRUE;
    }
  return FALSE;
}

/**
 * pe_profile_get_inputs:
 * @fed: (out) (optional): whether the profile sets any input of
 *   @calculator (readings aside)
 *
 * Returns: (transfer full) (element-type utf8 utf8): field id → text, for
 *   pe_calculator_evaluate()
 */
GHashTable *
pe_profile_get_inputs (PeProfile    *self,
                       PeCalculator *calculator,
                       gboolean     *fed)
{
  GHashTable *inputs;
  gboolean any = FALSE;

  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (calculator != NULL, NULL);

  inputs = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < calculator->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (calculator->fields, i);
      g_autofree char *made = f->profile_key == NULL ? pe_profile_key_for_field (calculator, f) : NULL;
      const char *text = g_hash_table_lookup (self->values, made != NULL ? made : f->profile_key);

      if (text == NULL)
        continue;
      if (f->fact != NULL)
        text = translate_fact (f, text);
      /* the texts belong to the profile or the field: the table only points */
      g_hash_table_insert (inputs, f->id, (gpointer) text);
      if (f->role != PE_FIELD_ROLE_READING)
        any = TRUE;
    }
  if (fed != NULL)
    *fed = any;
  return inputs;
}

/* ---- reading ------------------------------------------------------------- */

typedef struct
{
  const char  *origin;
  GError     **error;
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
refuse (Reader     *R,
        const char *path,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (R->error, PE_ERROR, PE_ERROR_INVALID_DATA, "%s: %s: %s", R->origin, path, msg);
  return FALSE;
}

/* Text from the file as it stands in a message: at most @max characters,
 * cut between characters, never inside one. */
static char *
shortened (const char *text,
           glong       max)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > max)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, max);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

/* A key as it stands in a message: short, and only if it is text. */
static char *
quoted_key (const char *key)
{
  if (!g_utf8_validate (key, -1, NULL))
    return g_strdup ("$.values[…]");
  if (g_utf8_strlen (key, -1) > 60)
    {
      g_autofree char *head = g_utf8_substring (key, 0, 60);
      return g_strdup_printf ("$.values[\"%s…\"]", head);
    }
  return g_strdup_printf ("$.values[\"%s\"]", key);
}

static gboolean
read_date_member (Reader     *R,
                  PeJson     *node,
                  const char *path,
                  guint32    *out)
{
  const char *s;

  if (!PE_JSON_HOLDS_VALUE (node) || _pe_json_value_type (node) != G_TYPE_STRING)
    return refuse (R, path, "expected a date written YYYY-MM-DD");
  s = _pe_json_get_string (node);
  if (!pe_date_parse (s, out))
    {
      g_autofree char *shown = shortened (s, 40);
      return refuse (R, path, "“%s” is not a date written YYYY-MM-DD", shown);
    }
  return TRUE;
}

static gboolean
read_values (Reader    *R,
             PeProfile *self,
             PeJson    *values)
{
  g_autoptr(GList) members = _pe_json_get_member_names (values);
  PeVocabulary *vocabulary = pe_vocabulary_get_default ();

  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      PeJson *node = _pe_json_get_member (values, key);
      g_autofree char *path = quoted_key (key);
      g_autofree char *text = NULL;
      PeField *fact;

      if (!pe_profile_key_is_valid (key))
        return refuse (R, path, "not a fact id (“enterprise.high_tech”) nor the key of a "
                       "calculator's input (“finance/bond-reward/raised”)");
      if (PE_JSON_HOLDS_VALUE (node) && _pe_json_value_type (node) == G_TYPE_STRING)
        text = g_strdup (_pe_json_get_string (node));
      else if (PE_JSON_HOLDS_VALUE (node) && _pe_json_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, _pe_json_get_int (node));
      else if (PE_JSON_HOLDS_VALUE (node) && _pe_json_value_type (node) == G_TYPE_BOOLEAN)
        text = g_strdup (_pe_json_get_boolean (node) ? "true" : "false");
      else
        return refuse (R, path, "expected the value as text (a string), an integer or true/false");
      if (*text == '\0')
        return refuse (R, path, "empty: a value that is not set is left out of the file");
      if (g_utf8_strlen (text, -1) > MAX_VALUE_CHARS)
        return refuse (R, path, "longer than %d characters", MAX_VALUE_CHARS);

      /* facts of the shared vocabulary are checked now; other values by the
       * calculators that read them, which name the key */
      fact = pe_vocabulary_get_fact (vocabulary, key);
      if (fact != NULL)
        {
          PeValue v;
          g_autoptr(GError) err = NULL;

          if (!pe_field_parse (fact, text, &v, &err))
            return refuse (R, path, "%s", err->message);
        }
      g_hash_table_insert (self->values, g_strdup (key), g_steal_pointer (&text));
    }
  return TRUE;
}

static gboolean
read_profile (Reader    *R,
              PeProfile *self,
              PeJson    *root_node)
{
  static const char *known[] = { "format", "version", "name", "subject", "as_of", "issue_dates", "values", NULL };
  PeJson *root;
  PeJson *n;
  g_autoptr(GList) members = NULL;

  if (!PE_JSON_HOLDS_OBJECT (root_node))
    return refuse (R, "$", "a profile is a JSON object");
  root = _pe_json_get_object (root_node);

  n = _pe_json_get_member (root, "format");
  if (n == NULL || !PE_JSON_HOLDS_VALUE (n) || _pe_json_value_type (n) != G_TYPE_STRING ||
      !g_str_equal (_pe_json_get_string (n), FORMAT_NAME))
    return refuse (R, "$.format", "not a Policy Explorer profile (“format” is not \"%s\")", FORMAT_NAME);

  n = _pe_json_get_member (root, "version");
  if (n == NULL || !PE_JSON_HOLDS_VALUE (n) || _pe_json_value_type (n) != G_TYPE_INT64)
    return refuse (R, "$.version", "expected the version of the format, an integer");
  if (_pe_json_get_int (n) > PE_PROFILE_FORMAT_VERSION)
    return refuse (R, "$.version", "written by a newer version of Policy Explorer (format %" G_GINT64_FORMAT
                   "); this one reads up to format %d", _pe_json_get_int (n), PE_PROFILE_FORMAT_VERSION);
  if (_pe_json_get_int (n) < 1)
    return refuse (R, "$.version", "%" G_GINT64_FORMAT " is not a version of the format", _pe_json_get_int (n));

  members = _pe_json_get_member_names (root);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *shown = shortened (l->data, 40);
        g_autofree char *path = g_strdup_printf ("$.%s", shown);
        return refuse (R, path, "not a member of a profile");
      }

  n = _pe_json_get_member (root, "subject");
  if (n == NULL || !PE_JSON_HOLDS_VALUE (n) || _pe_json_value_type (n) != G_TYPE_STRING ||
      !valid_subject (_pe_json_get_string (n)))
    return refuse (R, "$.subject", "expected \"enterprise\" or \"person\"");
  g_free (self->subject);
  self->subject = g_strdup (_pe_json_get_string (n));

  n = _pe_json_get_member (root, "name");
  if (n != NULL && !PE_JSON_HOLDS_NULL (n))
    {
      if (!PE_JSON_HOLDS_VALUE (n) || _pe_json_value_type (n) != G_TYPE_STRING)
        return refuse (R, "$.name", "expected a string");
      if (g_utf8_strlen (_pe_json_get_string (n), -1) > MAX_NAME_CHARS)
        return refuse (R, "$.name", "longer than %d characters", MAX_NAME_CHARS);
      if (*_pe_json_get_string (n) != '\0')
        self->name = g_strdup (_pe_json_get_string (n));
    }

  n = _pe_json_get_member (root, "as_of");
  if (n != NULL && !PE_JSON_HOLDS_NULL (n) && !read_date_member (R, n, "$.as_of", &self->as_of))
    return FALSE;

  n = _pe_json_get_member (root, "issue_dates");
  if (n != NULL && !PE_JSON_HOLDS_NULL (n))
    {
      g_autoptr(GList) docs = NULL;

      if (!PE_JSON_HOLDS_OBJECT (n))
        return refuse (R, "$.issue_dates", "expected an object: document id → date");
      docs = _pe_json_get_member_names (_pe_json_get_object (n));
      for (GList *l = docs; l; l = l->next)
        {
          g_autofree char *shown = shortened (l->data, 40);
          g_autofree char *path = g_strdup_printf ("$.issue_dates[\"%s\"]", shown);
          guint32 date = 0;

          if (!valid_part (l->data, strlen (l->data)))
            return refuse (R, path, "not a document id");
          if (!read_date_member (R, _pe_json_get_member (_pe_json_get_object (n), l->data), path, &date))
            return FALSE;
          g_hash_table_insert (self->issue_dates, g_strdup (l->data), GUINT_TO_POINTER (date));
        }
    }

  n = _pe_json_get_member (root, "values");
  if (n == NULL || !PE_JSON_HOLDS_OBJECT (n))
    return refuse (R, "$.values", "expected an object: key → value as typed");
  return read_values (R, self, _pe_json_get_object (n));
}

/**
 * pe_profile_new_from_bytes:
 * @origin: the file's name, for messages
 *
 * Returns: (transfer full): the profile, or %NULL with @error naming the
 *   file, the place in it and what is wrong
 */
PeProfile *
pe_profile_new_from_bytes (GBytes      *bytes,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(PeJsonTree) tree = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(PeProfile) self = NULL;
  Reader R = { origin, error };
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA, _("%s: the file is empty"), origin);
      return NULL;
    }
  if (size > MAX_FILE_BYTES)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA,
                   _("%s: the file is larger than %d MiB: not a profile"), origin, MAX_FILE_BYTES >> 20);
      return NULL;
    }
  if (!_pe_json_check_utf8 (data, size, &parse_error))
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA,
                   _("%s: %s: the file is damaged or not a profile"), origin, parse_error->message);
      return NULL;
    }
  tree = _pe_json_parse (data, size, &parse_error);
  if (tree == NULL)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_INVALID_DATA,
                   _("%s: %s: the file is damaged or not a profile"), origin, parse_error->message);
      return NULL;
    }

  self = g_object_new (PE_TYPE_PROFILE, NULL);
  if (!read_profile (&R, self, _pe_json_tree_get_root (tree)))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * pe_profile_new_from_file:
 *
 * Returns: (transfer full): the profile, or %NULL; the file is never changed
 */
PeProfile *
pe_profile_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  origin = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return pe_profile_new_from_bytes (bytes, origin, error);
}

/* ---- writing ------------------------------------------------------------- */

/**
 * pe_profile_to_bytes:
 *
 * Returns: (transfer full): the profile as its file holds it: sorted keys,
 *   indented, ending with a new line
 */
GBytes *
pe_profile_to_bytes (PeProfile *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GList) docs = NULL;
  GString *out;
  char *text;

  g_return_val_if_fail (PE_IS_PROFILE (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, FORMAT_NAME);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, PE_PROFILE_FORMAT_VERSION);
  if (self->name != NULL)
    {
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, self->name);
    }
  json_builder_set_member_name (b, "subject");
  json_builder_add_string_value (b, self->subject);
  if (self->as_of != 0)
    {
      g_autofree char *d = pe_date_to_string (self->as_of);
      json_builder_set_member_name (b, "as_of");
      json_builder_add_string_value (b, d);
    }
  if (g_hash_table_size (self->issue_dates) > 0)
    {
      docs = g_list_sort (g_hash_table_get_keys (self->issue_dates), (GCompareFunc) strcmp);
      json_builder_set_member_name (b, "issue_dates");
      json_builder_begin_object (b);
      for (GList *l = docs; l; l = l->next)
        {
          g_autofree char *d = pe_date_to_string (GPOINTER_TO_UINT (g_hash_table_lookup (self->issue_dates, l->data)));
          json_builder_set_member_name (b, l->data);
          json_builder_add_string_value (b, d);
        }
      json_builder_end_object (b);
    }
  json_builder_set_member_name (b, "values");
  json_builder_begin_object (b);
  keys = pe_profile_list_keys (self);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_set_member_name (b, keys[i]);
      json_builder_add_string_value (b, g_hash_table_lookup (self->values, keys[i]));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  out = g_string_new (text);
  g_free (text);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

/**
 * pe_profile_save:
 *
 * Writes the profile to @file atomically: a crash or a full disk leaves
 * either the old file or the new one, complete, and the previous version
 * is kept as a backup (see pe_save_file_atomically()).
 */
gboolean
pe_profile_save (PeProfile  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PE_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = pe_profile_to_bytes (self);
  if (!pe_save_file_atomically (file, bytes, error))
    return FALSE;
  pe_profile_set_modified (self, FALSE);
  return TRUE;
}
