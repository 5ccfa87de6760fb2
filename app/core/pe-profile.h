/* pe-profile.h — an enterprise or a person: the inputs the analyst set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "pe-calculator.h"

G_BEGIN_DECLS

/* The version of the profile file format this library writes, and the
 * newest it reads. */
#define PE_PROFILE_FORMAT_VERSION 1

#define PE_TYPE_PROFILE (pe_profile_get_type ())

G_DECLARE_FINAL_TYPE (PeProfile, pe_profile, PE, PROFILE, GObject)

PeProfile   *pe_profile_new                (const char   *subject);
PeProfile   *pe_profile_new_from_bytes     (GBytes       *bytes,
                                            const char   *origin,
                                            GError      **error);
PeProfile   *pe_profile_new_from_file      (GFile        *file,
                                            GError      **error);
PeProfile   *pe_profile_copy               (PeProfile    *self);
GBytes      *pe_profile_to_bytes           (PeProfile    *self);
gboolean     pe_profile_save               (PeProfile    *self,
                                            GFile        *file,
                                            GError      **error);

const char  *pe_profile_get_name           (PeProfile    *self);
void         pe_profile_set_name           (PeProfile    *self,
                                            const char   *name);
const char  *pe_profile_get_subject        (PeProfile    *self);
void         pe_profile_set_subject        (PeProfile    *self,
                                            const char   *subject);
guint32      pe_profile_get_as_of          (PeProfile    *self);
void         pe_profile_set_as_of          (PeProfile    *self,
                                            guint32       as_of);
guint32      pe_profile_get_issue_date     (PeProfile    *self,
                                            const char   *document_id);
void         pe_profile_set_issue_date     (PeProfile    *self,
                                            const char   *document_id,
                                            guint32       issue_date);

const char  *pe_profile_get_value          (PeProfile    *self,
                                            const char   *key);
gboolean     pe_profile_set_value          (PeProfile    *self,
                                            const char   *key,
                                            const char   *text);
GStrv        pe_profile_list_keys          (PeProfile    *self);
guint        pe_profile_get_n_values       (PeProfile    *self);
gboolean     pe_profile_is_modified        (PeProfile    *self);
void         pe_profile_set_modified       (PeProfile    *self,
                                            gboolean      modified);

char        *pe_profile_key_for_field      (PeCalculator *calculator,
                                            PeField      *field);
gboolean     pe_profile_key_is_valid       (const char   *key);
gboolean     pe_profile_feeds              (PeProfile    *self,
                                            PeCalculator *calculator);
GHashTable  *pe_profile_get_inputs         (PeProfile    *self,
                                            PeCalculator *calculator,
                                            gboolean     *fed);

G_END_DECLS
