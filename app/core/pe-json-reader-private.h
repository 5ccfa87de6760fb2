/* pe-json-reader-private.h — strict JSON, read into json-glib's nodes
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
 * little more, into the same JsonNode tree.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper nesting than any file of ours needs (a document nests 7 deep). */
#define PE_JSON_MAX_DEPTH 64

JsonNode *_pe_json_parse      (const char  *data,
                               gsize        length,
                               GError     **error);
gboolean  _pe_json_check_utf8 (const char  *data,
                               gsize        length,
                               GError     **error);

G_END_DECLS
