/* pe-json-reader-private.h — strict JSON, read into a tree of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's JsonParser is lenient where a data file must not be: it reads
 * `7{"id": …}` as 7 and `{…}{…}` as the first object, ignoring the rest;
 * it takes the last of two members of the same name; it wraps an integer
 * beyond 64 bits round to another number; it accepts `var x = {…};`; and
 * it parses by recursion, so a file of a few hundred thousand `[`
 * overflows the stack. Files that people or third parties write
 * (documents, profiles) are read here instead, against RFC 8259 and a
 * little more.
 *
 * The tree is read once, checked by the loaders and dropped: it lives in
 * one arena, allocated in large blocks and freed at once, since a tree of
 * json-glib's nodes (a hash table per object, an allocation per node and
 * per name) costs as much to build and free as the rest of loading a
 * document. Objects keep their members in the order of the file.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Deeper nesting than any file of ours needs (a document nests 7 deep). */
#define PE_JSON_MAX_DEPTH 64

typedef enum
{
  PE_JSON_NULL,
  PE_JSON_BOOLEAN,
  PE_JSON_INT,
  PE_JSON_DOUBLE,
  PE_JSON_STRING,
  PE_JSON_ARRAY,
  PE_JSON_OBJECT,
} PeJsonKind;

typedef struct _PeJson PeJson;

typedef struct
{
  const char *name;
  PeJson     *value;
} PeJsonMember;

/* A value of a tree; its texts are NUL-terminated UTF-8, without NUL. */
struct _PeJson
{
  PeJsonKind kind;
  guint      length;   /* of an array or an object */
  guint      found;    /* of an object: the member found last, where the
                        * next lookup starts (members are mostly asked
                        * for in the order of the file) */
  union
  {
    gboolean      boolean;
    gint64        integer;
    double        number;
    const char   *string;
    PeJson      **elements;
    PeJsonMember *members;
  } u;
};

typedef struct _PeJsonTree PeJsonTree;

PeJsonTree *_pe_json_parse            (const char  *data,
                                       gsize        length,
                                       GError     **error);
PeJson     *_pe_json_tree_get_root    (PeJsonTree  *tree);
void        _pe_json_tree_free        (PeJsonTree  *tree);
gboolean    _pe_json_check_utf8       (const char  *data,
                                       gsize        length,
                                       GError     **error);

PeJson     *_pe_json_get_member       (PeJson      *object,
                                       const char  *name);
GList      *_pe_json_get_member_names (PeJson      *object);
GType       _pe_json_value_type       (PeJson      *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeJsonTree, _pe_json_tree_free)

#define PE_JSON_HOLDS_NULL(n)   ((n)->kind == PE_JSON_NULL)
#define PE_JSON_HOLDS_OBJECT(n) ((n)->kind == PE_JSON_OBJECT)
#define PE_JSON_HOLDS_ARRAY(n)  ((n)->kind == PE_JSON_ARRAY)
#define PE_JSON_HOLDS_VALUE(n)  ((n)->kind >= PE_JSON_BOOLEAN && (n)->kind <= PE_JSON_STRING)

/* The accessors of json-glib's nodes, for a tree whose types the caller
 * has checked. */
static inline PeJson *
_pe_json_get_object (PeJson *n)
{
  g_assert (n->kind == PE_JSON_OBJECT);
  return n;
}

static inline PeJson *
_pe_json_get_array (PeJson *n)
{
  g_assert (n->kind == PE_JSON_ARRAY);
  return n;
}

static inline guint
_pe_json_array_length (PeJson *a)
{
  g_assert (a->kind == PE_JSON_ARRAY);
  return a->length;
}

static inline PeJson *
_pe_json_array_element (PeJson *a,
                        guint   i)
{
  g_assert (a->kind == PE_JSON_ARRAY && i < a->length);
  return a->u.elements[i];
}

static inline const char *
_pe_json_get_string (PeJson *n)
{
  g_assert (n->kind == PE_JSON_STRING);
  return n->u.string;
}

static inline gint64
_pe_json_get_int (PeJson *n)
{
  g_assert (n->kind == PE_JSON_INT);
  return n->u.integer;
}

static inline double
_pe_json_get_double (PeJson *n)
{
  g_assert (n->kind == PE_JSON_DOUBLE);
  return n->u.number;
}

static inline gboolean
_pe_json_get_boolean (PeJson *n)
{
  g_assert (n->kind == PE_JSON_BOOLEAN);
  return n->u.boolean;
}

G_END_DECLS
