/* pe-json-check-private.h — strict JSON, checked before json-glib reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib is lenient where a data file must not be: it reads
 * `7{"id": …}` as 7 and `{…}{…}` as the first object, ignoring the rest;
 * it takes the last of two members of the same name; it accepts
 * `var x = {…};`; and it parses by recursion, so a file of a few hundred
 * thousand `[` overflows the stack. Files that people or third parties
 * write (documents, profiles) are checked here first, against RFC 8259
 * and a little more.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper nesting than any file of ours needs (a document nests 7 deep). */
#define PE_JSON_MAX_DEPTH 64

gboolean _pe_json_check       (const char  *data,
                               gsize        length,
                               GError     **error);
gboolean _pe_json_check_utf8  (const char  *data,
                               gsize        length,
                               GError     **error);
char    *_pe_json_readable_error (const char *message);

G_END_DECLS
