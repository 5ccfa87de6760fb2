/* pe-profile-page.h — "what applies to me": a profile, its results
 * across every active document, scenarios, files and reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pe-document-set.h"

G_BEGIN_DECLS

#define PE_TYPE_PROFILE_PAGE (pe_profile_page_get_type ())

/* The extension of profile files. */
#define PE_PROFILE_SUFFIX ".pe-profile"

G_DECLARE_FINAL_TYPE (PeProfilePage, pe_profile_page, PE, PROFILE_PAGE, GtkBox)

typedef void (*PeProfileSavedFunc) (PeProfilePage *page,
                                    gboolean       saved,
                                    gpointer       user_data);

GtkWidget    *pe_profile_page_new              (PeDocumentSet *documents);
PeProfile    *pe_profile_page_get_profile      (PeProfilePage *self);
GFile        *pe_profile_page_get_file         (PeProfilePage *self);
gboolean      pe_profile_page_is_modified      (PeProfilePage *self);
const char   *pe_profile_page_get_title        (PeProfilePage *self);
const char   *pe_profile_page_get_display_name (PeProfilePage *self);
PeAssessment *pe_profile_page_get_assessment   (PeProfilePage *self);
GtkWidget    *pe_profile_page_get_form         (PeProfilePage *self);
GtkWidget    *pe_profile_page_get_results      (PeProfilePage *self);
GtkWidget    *pe_profile_page_get_scenario_view (PeProfilePage *self);
const char   *pe_profile_page_get_error        (PeProfilePage *self);
guint         pe_profile_page_get_n_updates    (PeProfilePage *self);
void          pe_profile_page_update_now       (PeProfilePage *self);

void          pe_profile_page_new_profile      (PeProfilePage *self,
                                                const char    *subject);
gboolean      pe_profile_page_open_file        (PeProfilePage *self,
                                                GFile         *file);
gboolean      pe_profile_page_save_to          (PeProfilePage *self,
                                                GFile         *file);
gboolean      pe_profile_page_export_to        (PeProfilePage *self,
                                                const char    *format,
                                                const char    *path,
                                                GError       **error);
gboolean      pe_profile_page_compare_with_date (PeProfilePage *self,
                                                guint32        as_of);
gboolean      pe_profile_page_compare_with_file (PeProfilePage *self,
                                                GFile         *file);
GMenuModel   *pe_profile_page_get_recent_menu  (PeProfilePage *self);
GtkPrintOperation *pe_profile_page_make_print_operation (PeProfilePage *self);

/* the commands, with their dialogs */
void          pe_profile_page_run_new          (PeProfilePage *self);
void          pe_profile_page_run_open         (PeProfilePage *self);
void          pe_profile_page_run_open_file    (PeProfilePage *self,
                                                GFile         *file);
void          pe_profile_page_run_save         (PeProfilePage *self,
                                                gboolean       save_as,
                                                PeProfileSavedFunc done,
                                                gpointer       user_data);
void          pe_profile_page_run_export       (PeProfilePage *self,
                                                const char    *format);
void          pe_profile_page_run_print        (PeProfilePage *self);

G_END_DECLS
