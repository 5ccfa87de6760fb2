/* pe-csv.h — reading and writing CSV, a row at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest row read, in bytes; a longer one is refused. */
#define PE_CSV_MAX_ROW_BYTES (4 * 1024 * 1024)   /* a pasted megabyte is still a cell, refused by its field */

/**
 * PeCsvStatus:
 * @PE_CSV_ROW: a row was read
 * @PE_CSV_BAD_ROW: a row could not be read (the error says why); reading
 *   goes on with the next
 * @PE_CSV_END: no more rows
 * @PE_CSV_FAILED: the stream failed; stop
 */
typedef enum
{
  PE_CSV_ROW,
  PE_CSV_BAD_ROW,
  PE_CSV_END,
  PE_CSV_FAILED,
} PeCsvStatus;

typedef struct _PeCsvReader PeCsvReader;

PeCsvReader *pe_csv_reader_new      (GInputStream  *stream);
void         pe_csv_reader_free     (PeCsvReader   *self);
PeCsvStatus  pe_csv_reader_read_row (PeCsvReader   *self,
                                     GStrv         *fields,
                                     guint         *line,
                                     GError       **error);
guint64      pe_csv_reader_get_bytes_read (PeCsvReader *self);
void         pe_csv_reader_set_names (PeCsvReader        *self,
                                      const char * const *names);

void         pe_csv_append_field    (GString       *out,
                                     const char    *field);
void         pe_csv_append_row      (GString       *out,
                                     const char * const *fields,
                                     gssize         n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeCsvReader, pe_csv_reader_free)

G_END_DECLS
