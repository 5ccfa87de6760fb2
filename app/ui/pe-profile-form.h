/* pe-profile-form.h — an enterprise or a person, asked for what the
 * calculators of the active documents need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pe-field-editor.h"

G_BEGIN_DECLS

#define PE_TYPE_PROFILE_FORM (pe_profile_form_get_type ())

G_DECLARE_FINAL_TYPE (PeProfileForm, pe_profile_form, PE, PROFILE_FORM, GtkBox)

/* The key of the issue date of a document in pe_profile_form_focus_key(). */
#define PE_ISSUE_DATE_KEY_PREFIX "issue_date:"

GtkWidget     *pe_profile_form_new          (void);
void           pe_profile_form_set_profile  (PeProfileForm *self,
                                             PeProfile     *profile);
void           pe_profile_form_set_documents (PeProfileForm *self,
                                             GPtrArray     *documents);
gboolean       pe_profile_form_focus_key    (PeProfileForm *self,
                                             const char    *key);
PeFieldEditor *pe_profile_form_get_editor   (PeProfileForm *self,
                                             const char    *key);
gboolean       pe_profile_form_set_text     (PeProfileForm *self,
                                             const char    *key,
                                             const char    *text);
GtkWidget     *pe_profile_form_get_widget   (PeProfileForm *self,
                                             const char    *key);
GPtrArray     *pe_profile_form_get_invalid  (PeProfileForm *self);
void           pe_profile_form_show_errors  (PeProfileForm *self,
                                             PeAssessment  *assessment);

G_END_DECLS
