/* pe-profile-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile on the left, what applies to it on the right: the results
 * follow the profile as it is edited, a quarter of a second after the last
 * keystroke, so typing a figure does not recompute at every digit.
 *
 * Profiles are files (.pe-profile, JSON): saved atomically by the core,
 * with the previous version kept; a file that cannot be read is named
 * with what is wrong, and neither the file nor the profile being worked
 * on is touched. Unsaved changes are never dropped without asking. The
 * file choosers are GtkFileChooserNative, so inside the Flatpak the
 * portal is used.
 *
 * A second column compares the profile with a scenario: itself at another
 * date, or another profile. The report (PDF), the results (CSV) and the
 * printout come from the core's report, which draws the same pages on a
 * PDF surface and on the printer's.
 */
#define G_LOG_DOMAIN "pe-profile-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-assessment-view.h"
#include "pe-profile-form.h"
#include "pe-profile-page.h"
#include "pe-scenario-view.h"
#include "policy-explorer-draw.h"

#define UPDATE_DELAY_MS 250
#define RECENT_MAX      10
#define PROFILE_MIME    "application/x-policy-explorer-profile"

struct _PeProfilePage
{
  GtkBox         parent_instance;

  PeDocumentSet *documents;
  PeProfile     *profile;
  GFile         *file;
  PeAssessment  *assessment;
  char          *title;
  char          *display_name;
  guint          update_timeout;
  guint          n_updates;
  char          *error;

  /* the second scenario */
  PeProfile     *other;
  GFile         *other_file;
  guint32        other_as_of;

  GMenu         *recent_menu;
  GtkRecentManager *recent;

  GtkWidget     *recent_button;
  GtkWidget     *title_label;
  GtkWidget     *error_bar;
  GtkWidget     *error_label;
  GtkWidget     *form_scroller;
  GtkWidget     *results_scroller;
  GtkWidget     *form;
  GtkWidget     *invalid_box;
  GtkWidget     *results;
  GtkWidget     *right_stack;
  GtkWidget     *scenario_date_radio;
  GtkWidget     *scenario_date_entry;
  GtkWidget     *scenario_other_radio;
  GtkWidget     *scenario_other_label;
  GtkWidget     *scenario_view;
};

G_DEFINE_FINAL_TYPE (PeProfilePage, pe_profile_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_DOCUMENT,
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_scenario (PeProfilePage *self);

/* ---- messages ------------------------------------------------------------- */

static void
show_error (PeProfilePage *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_show (self->error_bar);
}

static void
clear_error (PeProfilePage *self)
{
  g_clear_pointer (&self->error, g_free);
  gtk_widget_hide (self->error_bar);
}

static void
on_error_bar_response (GtkInfoBar    *bar,
                       int            response,
                       PeProfilePage *self)
{
  clear_error (self);
}

static GtkWindow *
parent_window (PeProfilePage *self)
{
  GtkWidget *top = gtk_widget_get_toplevel (GTK_WIDGET (self));

  return GTK_IS_WINDOW (top) ? GTK_WINDOW (top) : NULL;
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  if (g_str_has_suffix (base, PE_PROFILE_SUFFIX))
    base[strlen (base) - strlen (PE_PROFILE_SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}

static void
update_title (PeProfilePage *self)
{
  const char *name = pe_profile_get_name (self->profile);
  g_autofree char *title = NULL;

  g_free (self->display_name);
  if (name != NULL)
    self->display_name = g_strdup (name);
  else if (self->file != NULL)
    self->display_name = file_display_name (self->file);
  else
    self->display_name = g_strdup (_("Unnamed profile"));

  title = pe_profile_is_modified (self->profile)
          /* Translators: a profile's name, with changes not saved yet */
          ? g_strdup_printf (_("%s (modified)"), self->display_name)
          : g_strdup (self->display_name);
  /* the window's subtitle names the profile; here, where it is kept */
  if (self->file != NULL)
    {
      g_autofree char *where = g_file_get_parse_name (self->file);
      gtk_label_set_text (GTK_LABEL (self->title_label), where);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->title_label), _("Not saved yet"));
  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* ---- results ---------------------------------------------------------------- */

static gboolean
on_invalid_link (GtkLabel      *label,
                 const char    *key,
                 PeProfilePage *self)
{
  pe_profile_form_focus_key (PE_PROFILE_FORM (self->form), key);
  return TRUE;   /* a key, not an address to open */
}

/* Values typed that cannot be read are not in the profile: say so above
 * the results, which were computed without them, each a link to its
 * field. */
static void
update_invalid (PeProfilePage *self)
{
  g_autoptr(GPtrArray) keys = pe_profile_form_get_invalid (PE_PROFILE_FORM (self->form));
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->invalid_box));
  g_autoptr(GString) markup = NULL;
  GtkWidget *label;

  for (GList *l = children; l; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  gtk_widget_set_visible (self->invalid_box, keys->len > 0);
  if (keys->len == 0)
    return;

  markup = g_string_new (NULL);
  {
    g_autofree char *head = g_markup_escape_text (_("These values cannot be read, and the results below are without them:"), -1);
    g_string_append (markup, head);
  }
  for (guint i = 0; i < keys->len; i++)
    {
      PeFieldEditor *e = pe_profile_form_get_editor (PE_PROFILE_FORM (self->form), g_ptr_array_index (keys, i));
      g_autofree char *line = g_markup_printf_escaped ("\n• <a href=\"%s\" title=\"%s\">%s</a>",
                                                      (const char *) g_ptr_array_index (keys, i),
                                                      _("Go to the field"), pe_field_editor_get_error (e));
      g_string_append (markup, line);
    }
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_track_visited_links (GTK_LABEL (label), FALSE);
  gtk_widget_set_name (label, "invalid-links");
  g_signal_connect (label, "activate-link", G_CALLBACK (on_invalid_link), self);
  gtk_widget_show (label);   /* the box itself is no-show-all */
  gtk_container_add (GTK_CONTAINER (self->invalid_box), label);
}

/**
 * pe_profile_page_update_now:
 *
 * Runs the assessment of the profile as it stands, without waiting for
 * the end of typing.
 */
void
pe_profile_page_update_now (PeProfilePage *self)
{
  g_autoptr(GPtrArray) docs = NULL;

  g_return_if_fail (PE_IS_PROFILE_PAGE (self));

  g_clear_handle_id (&self->update_timeout, g_source_remove);
  docs = pe_document_set_get_documents (self->documents);
  g_clear_object (&self->assessment);
  self->assessment = pe_assessment_new (self->profile, docs, 0);
  pe_assessment_view_set_assessment (PE_ASSESSMENT_VIEW (self->results), self->assessment);
  pe_profile_form_show_errors (PE_PROFILE_FORM (self->form), self->assessment);
  update_invalid (self);
  update_scenario (self);
  self->n_updates++;
  g_signal_emit (self, signals[UPDATED], 0);
}

static gboolean
update_timeout (gpointer data)
{
  PeProfilePage *self = data;

  self->update_timeout = 0;
  pe_profile_page_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (PeProfilePage *self)
{
  g_clear_handle_id (&self->update_timeout, g_source_remove);
  self->update_timeout = g_timeout_add (UPDATE_DELAY_MS, update_timeout, self);
}

static void
on_form_edited (PeProfileForm *form,
                PeProfilePage *self)
{
  update_invalid (self);
  schedule_update (self);
}

static void
on_profile_modified (GObject       *profile,
                     GParamSpec    *pspec,
                     PeProfilePage *self)
{
  update_title (self);
}

static void
on_focus_key (PeAssessmentView *view,
              const char       *key,
              PeProfilePage    *self)
{
  pe_profile_form_focus_key (PE_PROFILE_FORM (self->form), key);
}

static void
on_open_document (PeAssessmentView *view,
                  const char       *document_id,
                  PeProfilePage    *self)
{
  g_signal_emit (self, signals[OPEN_DOCUMENT], 0, document_id);
}

/* A new set of documents: the form asks for what they need. */
static void
on_documents_ready (PeDocumentSet *set,
                    PeProfilePage *self)
{
  g_autoptr(GPtrArray) docs = pe_document_set_get_documents (set);

  pe_profile_form_set_documents (PE_PROFILE_FORM (self->form), docs);
  pe_profile_page_update_now (self);
}

static void
set_profile (PeProfilePage *self,
             PeProfile     *profile,
             GFile         *file)
{
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_set_object (&self->profile, profile);
  g_set_object (&self->file, file);
  g_signal_connect_object (profile, "notify::modified", G_CALLBACK (on_profile_modified), self, 0);
  g_signal_connect_object (profile, "notify::name", G_CALLBACK (on_profile_modified), self, 0);
  pe_profile_form_set_profile (PE_PROFILE_FORM (self->form), profile);
  update_title (self);
  pe_profile_page_update_now (self);
}

/* ---- recent profiles ------------------------------------------------------ */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a, *ib = *(GtkRecentInfo **) b;
  time_t ta = gtk_recent_info_get_modified (ia), tb = gtk_recent_info_get_modified (ib);

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

static void
rebuild_recent_menu (PeProfilePage *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l; l = l->next)
    if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), PE_PROFILE_SUFFIX) &&
        gtk_recent_info_exists (l->data))
      g_ptr_array_add (mine, l->data);
  g_ptr_array_sort (mine, compare_recent);
  for (guint i = 0; i < mine->len && i < RECENT_MAX; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (mine, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.profile-open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  if (mine->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No recent profiles"), "win.no-such-action");
      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
remember (PeProfilePage *self,
          GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  char *groups[] = { (char *) "policy-explorer", NULL };
  GtkRecentData data = {
    .display_name = name,
    .mime_type = (char *) PROFILE_MIME,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "policy-explorer %u",
    .groups = groups,
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Policy Explorer";
  gtk_recent_manager_add_full (self->recent, uri, &data);
}

/* ---- files ------------------------------------------------------------------ */

/**
 * pe_profile_page_new_profile:
 * @subject: `enterprise` or `person`
 *
 * Starts an empty profile (unsaved changes are the caller's to ask about).
 */
void
pe_profile_page_new_profile (PeProfilePage *self,
                             const char    *subject)
{
  g_autoptr(PeProfile) profile = NULL;

  g_return_if_fail (PE_IS_PROFILE_PAGE (self));

  profile = pe_profile_new (subject ? subject : "enterprise");
  clear_error (self);
  set_profile (self, profile, NULL);
}

/**
 * pe_profile_page_open_file:
 *
 * Opens a profile. A file that cannot be read is named in the page with
 * what is wrong; the profile shown and the file are left as they were.
 *
 * Returns: whether the profile was opened
 */
gboolean
pe_profile_page_open_file (PeProfilePage *self,
                           GFile         *file)
{
  g_autoptr(PeProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  profile = pe_profile_new_from_file (file, &error);
  if (profile == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The profile could not be opened, and the file was left as it is. %s"),
                                                  error->message);
      show_error (self, message);
      return FALSE;
    }
  clear_error (self);
  set_profile (self, profile, file);
  remember (self, file);
  return TRUE;
}

/**
 * pe_profile_page_save_to:
 * @file: (nullable): where, or %NULL for the file it came from
 *
 * Returns: whether it was saved; if not, the page says why
 */
gboolean
pe_profile_page_save_to (PeProfilePage *self,
                         GFile         *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;
  if (!pe_profile_save (self->profile, file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The profile could not be saved: %s"), error->message);
      show_error (self, message);
      return FALSE;
    }
  clear_error (self);
  g_set_object (&self->file, file);
  remember (self, file);
  update_title (self);
  return TRUE;
}

static GtkFileFilter *
profile_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Profiles"));
  gtk_file_filter_add_pattern (filter, "*" PE_PROFILE_SUFFIX);
  return filter;
}

typedef void (*ChosenFunc) (PeProfilePage *self,
                            GFile         *file,
                            gpointer       data);

typedef struct
{
  PeProfilePage *self;
  ChosenFunc     func;
  gpointer       data;
} Chooser;

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     Chooser         *c)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  c->func (c->self, file, c->data);
  g_object_unref (c->self);
  g_free (c);
  g_object_unref (dialog);
}

static void
choose_file (PeProfilePage        *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested,
             GtkFileFilter        *filter,
             ChosenFunc            func,
             gpointer              data)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, parent_window (self), action, accept, NULL);
  Chooser *c = g_new0 (Chooser, 1);

  c->self = g_object_ref (self);
  c->func = func;
  c->data = data;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (dialog), TRUE);
      if (suggested != NULL)
        gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A file name without the extension gets it: the chooser's filter does
 * not add it. */
static GFile *
with_suffix (GFile      *file,
             const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || g_str_has_suffix (path, suffix))
    return g_object_ref (file);
  {
    g_autofree char *full = g_strconcat (path, suffix, NULL);
    return g_file_new_for_path (full);
  }
}

typedef struct
{
  PeProfileSavedFunc done;
  gpointer           data;
} Saved;

static void
on_save_chosen (PeProfilePage *self,
                GFile         *file,
                gpointer       data)
{
  Saved *s = data;
  gboolean saved = FALSE;

  if (file != NULL)
    {
      g_autoptr(GFile) target = with_suffix (file, PE_PROFILE_SUFFIX);
      saved = pe_profile_page_save_to (self, target);
    }
  if (s->done != NULL)
    s->done (self, saved, s->data);
  g_free (s);
}

/**
 * pe_profile_page_run_save:
 * @save_as: ask where even if the profile has a file
 * @done: (nullable) (scope async): told whether it was saved
 */
void
pe_profile_page_run_save (PeProfilePage      *self,
                          gboolean            save_as,
                          PeProfileSavedFunc  done,
                          gpointer            user_data)
{
  Saved *s;
  g_autofree char *suggested = NULL;

  g_return_if_fail (PE_IS_PROFILE_PAGE (self));

  if (!save_as && self->file != NULL)
    {
      gboolean saved = pe_profile_page_save_to (self, NULL);
      if (done != NULL)
        done (self, saved, user_data);
      return;
    }
  s = g_new0 (Saved, 1);
  s->done = done;
  s->data = user_data;
  suggested = g_strconcat (self->display_name, PE_PROFILE_SUFFIX, NULL);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Profile"), _("_Save"), suggested,
               profile_filter (), on_save_chosen, s);
}

static void
on_open_chosen (PeProfilePage *self,
                GFile         *file,
                gpointer       data)
{
  if (file != NULL)
    pe_profile_page_open_file (self, file);
}

typedef enum
{
  AFTER_NEW,
  AFTER_OPEN,
  AFTER_OPEN_FILE,
} After;

typedef struct
{
  PeProfilePage *self;
  After          after;
  GFile         *file;
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->self);
  g_clear_object (&p->file);
  g_free (p);
}

static void
go_on (Pending *p)
{
  switch (p->after)
    {
    case AFTER_NEW:
      pe_profile_page_new_profile (p->self, pe_profile_get_subject (p->self->profile));
      break;
    case AFTER_OPEN:
      choose_file (p->self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Profile"), _("_Open"), NULL,
                   profile_filter (), on_open_chosen, NULL);
      break;
    case AFTER_OPEN_FILE:
      pe_profile_page_open_file (p->self, p->file);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_saved_go_on (PeProfilePage *self,
                gboolean       saved,
                gpointer       data)
{
  if (saved)
    go_on (data);
  pending_free (data);
}

static void
on_discard_response (GtkDialog *dialog,
                     int        response,
                     Pending   *p)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      pe_profile_page_run_save (p->self, FALSE, on_saved_go_on, p);
      return;
    }
  if (response == GTK_RESPONSE_REJECT)
    go_on (p);
  pending_free (p);
}

/* Does @after once unsaved changes are saved or given up. */
static void
then (PeProfilePage *self,
      After          after,
      GFile         *file)
{
  Pending *p = g_new0 (Pending, 1);
  GtkWidget *dialog;
  g_autofree char *question = NULL;

  p->self = g_object_ref (self);
  p->after = after;
  p->file = file ? g_object_ref (file) : NULL;
  if (!pe_profile_is_modified (self->profile))
    {
      go_on (p);
      pending_free (p);
      return;
    }
  question = g_strdup_printf (_("Save the changes to the profile “%s” first?"), self->display_name);
  dialog = gtk_message_dialog_new (parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you go on without saving, the changes are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Discard Changes"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_set_name (dialog, "confirm-discard");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response), p);
  gtk_widget_show (dialog);
}

void
pe_profile_page_run_new (PeProfilePage *self)
{
  g_return_if_fail (PE_IS_PROFILE_PAGE (self));
  then (self, AFTER_NEW, NULL);
}

void
pe_profile_page_run_open (PeProfilePage *self)
{
  g_return_if_fail (PE_IS_PROFILE_PAGE (self));
  then (self, AFTER_OPEN, NULL);
}

void
pe_profile_page_run_open_file (PeProfilePage *self,
                               GFile         *file)
{
  g_return_if_fail (PE_IS_PROFILE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  then (self, AFTER_OPEN_FILE, file);
}

/* ---- export and print ------------------------------------------------------- */

/**
 * pe_profile_page_export_to:
 * @format: `pdf` (the report) or `csv` (the results table)
 *
 * Returns: whether the file was written
 */
gboolean
pe_profile_page_export_to (PeProfilePage *self,
                           const char    *format,
                           const char    *path,
                           GError       **error)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* what is exported is what the profile says now */
  if (self->update_timeout != 0)
    pe_profile_page_update_now (self);

  if (g_strcmp0 (format, "pdf") == 0)
    {
      g_autoptr(PeReport) report = pe_report_new (self->assessment, pe_document_set_get_engine (self->documents),
                                                  pe_language_default ());
      return pe_report_write_pdf (report, path, error);
    }
  else
    {
      g_autofree char *csv = pe_assessment_to_csv (self->assessment, pe_language_default ());
      g_autoptr(GFile) file = g_file_new_for_path (path);

      return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
    }
}

static void
on_export_chosen (PeProfilePage *self,
                  GFile         *file,
                  gpointer       data)
{
  const char *format = data;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  target = with_suffix (file, g_str_equal (format, "pdf") ? ".pdf" : ".csv");
  path = g_file_get_path (target);
  if (path == NULL || !pe_profile_page_export_to (self, format, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be written: %s"),
                                                  error ? error->message : _("it is not a local file"));
      show_error (self, message);
    }
  else
    clear_error (self);
}

void
pe_profile_page_run_export (PeProfilePage *self,
                            const char    *format)
{
  gboolean pdf = g_strcmp0 (format, "pdf") == 0;
  g_autofree char *suggested = NULL;
  GtkFileFilter *filter = gtk_file_filter_new ();

  g_return_if_fail (PE_IS_PROFILE_PAGE (self));

  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("CSV tables"));
  gtk_file_filter_add_pattern (filter, pdf ? "*.pdf" : "*.csv");
  suggested = g_strconcat (self->display_name, pdf ? ".pdf" : ".csv", NULL);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, pdf ? _("Export the Report") : _("Export the Results"),
               _("_Export"), suggested, filter, on_export_chosen, (gpointer) (pdf ? "pdf" : "csv"));
}

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                PeProfilePage     *self)
{
  PeReport *report = pe_report_new (self->assessment, pe_document_set_get_engine (self->documents),
                                    pe_language_default ());
  guint n = pe_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context), gtk_print_context_get_height (context));

  g_object_set_data_full (G_OBJECT (op), "pe-report", report, g_object_unref);
  gtk_print_operation_set_n_pages (op, MAX (1, n));
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              PeProfilePage     *self)
{
  pe_report_draw_page (g_object_get_data (G_OBJECT (op), "pe-report"),
                       gtk_print_context_get_cairo_context (context), page);
}

/**
 * pe_profile_page_make_print_operation:
 *
 * Returns: (transfer full): an operation that prints the report of the
 *   profile's results as they are when it runs
 */
GtkPrintOperation *
pe_profile_page_make_print_operation (PeProfilePage *self)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autofree char *job = NULL;

  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);

  if (self->update_timeout != 0)
    pe_profile_page_update_now (self);
  /* Translators: the name of a print job */
  job = g_strdup_printf (_("Policy Explorer report: %s"), self->display_name);
  gtk_print_operation_set_job_name (op, job);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect_object (op, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (op, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  return op;
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               PeProfilePage           *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      gtk_print_operation_get_error (op, &error);
      show_error (self, error ? error->message : _("The report could not be printed"));
    }
  g_object_unref (op);
}

void
pe_profile_page_run_print (PeProfilePage *self)
{
  GtkPrintOperation *op;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PE_IS_PROFILE_PAGE (self));

  op = pe_profile_page_make_print_operation (self);
  g_signal_connect_object (op, "done", G_CALLBACK (on_print_done), self, 0);
  gtk_print_operation_set_allow_async (op, TRUE);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

/* ---- the second scenario ------------------------------------------------------- */

static void
update_scenario (PeProfilePage *self)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(PeAssessment) b = NULL;
  g_autofree char *title_a = NULL;
  g_autofree char *title_b = NULL;
  g_autofree char *a_date = NULL;
  g_autofree char *b_date = NULL;
  gboolean by_date = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->scenario_date_radio));

  if (self->assessment == NULL)
    return;
  docs = pe_document_set_get_documents (self->documents);
  a_date = pe_date_to_string (pe_assessment_get_as_of (self->assessment));
  if (by_date && self->other_as_of != 0)
    b = pe_assessment_new (self->profile, docs, self->other_as_of);
  else if (!by_date && self->other != NULL)
    b = pe_assessment_new (self->other, docs, 0);
  if (b == NULL)
    {
      pe_scenario_view_set (PE_SCENARIO_VIEW (self->scenario_view), NULL, NULL, NULL, NULL);
      return;
    }
  b_date = pe_date_to_string (pe_assessment_get_as_of (b));
  /* Translators: a scenario's name and the date of its results */
  title_a = g_strdup_printf (_("%s\nas of %s"), self->display_name, a_date);
  if (by_date)
    title_b = g_strdup_printf (_("%s\nas of %s"), self->display_name, b_date);
  else
    {
      g_autofree char *name = pe_profile_get_name (self->other) ? g_strdup (pe_profile_get_name (self->other))
                                                                : file_display_name (self->other_file);
      title_b = g_strdup_printf (_("%s\nas of %s"), name, b_date);
    }
  pe_scenario_view_set (PE_SCENARIO_VIEW (self->scenario_view), self->assessment, title_a, b, title_b);
}

/**
 * pe_profile_page_compare_with_date:
 *
 * Returns: whether the scenario shows the profile at @as_of
 */
gboolean
pe_profile_page_compare_with_date (PeProfilePage *self,
                                   guint32        as_of)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (as_of != 0, FALSE);

  text = pe_date_to_string (as_of);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->scenario_date_radio), TRUE);
  gtk_entry_set_text (GTK_ENTRY (self->scenario_date_entry), text);
  return self->other_as_of == as_of;
}

/**
 * pe_profile_page_compare_with_file:
 *
 * Opens another profile as the second scenario; one that cannot be read
 * is named, as when opening a profile.
 *
 * Returns: whether it was opened
 */
gboolean
pe_profile_page_compare_with_file (PeProfilePage *self,
                                   GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeProfile) other = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  other = pe_profile_new_from_file (file, &error);
  if (other == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The profile to compare with could not be opened, and the file was left as it is. %s"),
                                                  error->message);
      show_error (self, message);
      return FALSE;
    }
  clear_error (self);
  g_set_object (&self->other, other);
  g_set_object (&self->other_file, file);
  name = g_file_get_basename (file);
  gtk_label_set_text (GTK_LABEL (self->scenario_other_label), name);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->scenario_other_radio), TRUE);
  update_scenario (self);
  return TRUE;
}

static void
on_scenario_kind (GtkToggleButton *button,
                  PeProfilePage   *self)
{
  if (gtk_toggle_button_get_active (button))
    update_scenario (self);
}

static void
on_scenario_date_changed (GtkEntry      *entry,
                          PeProfilePage *self)
{
  const char *text = gtk_entry_get_text (entry);
  GtkStyleContext *sc = gtk_widget_get_style_context (GTK_WIDGET (entry));
  guint32 julian = 0;

  if (*text != '\0' && !pe_date_parse (text, &julian))
    {
      gtk_style_context_add_class (sc, "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("A date between 1900-01-01 and 2200-12-31, written YYYY-MM-DD"));
      return;
    }
  gtk_style_context_remove_class (sc, "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  self->other_as_of = julian;
  if (julian != 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->scenario_date_radio), TRUE);
  update_scenario (self);
}

static void
on_other_chosen (PeProfilePage *self,
                 GFile         *file,
                 gpointer       data)
{
  if (file != NULL)
    pe_profile_page_compare_with_file (self, file);
}

static void
on_scenario_open (GtkButton     *button,
                  PeProfilePage *self)
{
  choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Profile to Compare With"), _("_Open"), NULL,
               profile_filter (), on_other_chosen, NULL);
}

/* ---- the object ------------------------------------------------------------------ */

static void
pe_profile_page_map (GtkWidget *widget)
{
  PeProfilePage *self = PE_PROFILE_PAGE (widget);

  GTK_WIDGET_CLASS (pe_profile_page_parent_class)->map (widget);
  pe_document_set_load (self->documents);
}

static void
pe_profile_page_dispose (GObject *object)
{
  PeProfilePage *self = PE_PROFILE_PAGE (object);

  g_clear_handle_id (&self->update_timeout, g_source_remove);
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_object (&self->documents);
  g_clear_object (&self->profile);
  g_clear_object (&self->file);
  g_clear_object (&self->assessment);
  g_clear_object (&self->other);
  g_clear_object (&self->other_file);
  g_clear_object (&self->recent_menu);
  self->recent = NULL;
  G_OBJECT_CLASS (pe_profile_page_parent_class)->dispose (object);
}

static void
pe_profile_page_finalize (GObject *object)
{
  PeProfilePage *self = PE_PROFILE_PAGE (object);

  g_free (self->title);
  g_free (self->display_name);
  g_free (self->error);
  G_OBJECT_CLASS (pe_profile_page_parent_class)->finalize (object);
}

static void
pe_profile_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PeProfilePage *self = PE_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_profile_page_class_init (PeProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pe_profile_page_dispose;
  object_class->finalize = pe_profile_page_finalize;
  object_class->get_property = pe_profile_page_get_property;
  widget_class->map = pe_profile_page_map;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", "The profile's name, and whether it has unsaved changes",
                         NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PeProfilePage::open-document:
   * @document_id: a document whose title was clicked in the results
   */
  signals[OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PeProfilePage::updated:
   *
   * The results were computed again.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PE_TYPE_PROFILE_FORM);
  g_type_ensure (PE_TYPE_ASSESSMENT_VIEW);
  g_type_ensure (PE_TYPE_SCENARIO_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/policyexplorer/PolicyExplorer/ui/pe-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, recent_button);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, error_bar);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, form);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, invalid_box);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, results);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, right_stack);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, scenario_date_radio);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, scenario_date_entry);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, scenario_other_radio);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, scenario_other_label);
  gtk_widget_class_bind_template_child (widget_class, PeProfilePage, scenario_view);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_form_edited);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_key);
  gtk_widget_class_bind_template_callback (widget_class, on_open_document);
  gtk_widget_class_bind_template_callback (widget_class, on_scenario_kind);
  gtk_widget_class_bind_template_callback (widget_class, on_scenario_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scenario_open);
}

static void
pe_profile_page_init (PeProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* moving through the fields with Tab scrolls them into view */
  gtk_container_set_focus_vadjustment (GTK_CONTAINER (self->form),
                                       gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->form_scroller)));
  gtk_container_set_focus_vadjustment (GTK_CONTAINER (gtk_bin_get_child (GTK_BIN (gtk_bin_get_child (GTK_BIN (self->results_scroller))))),
                                       gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->results_scroller)));

  self->recent = gtk_recent_manager_get_default ();
  self->recent_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->recent_button), G_MENU_MODEL (self->recent_menu));
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}

GtkWidget *
pe_profile_page_new (PeDocumentSet *documents)
{
  PeProfilePage *self;
  g_autoptr(PeProfile) profile = pe_profile_new ("enterprise");
  g_autoptr(GPtrArray) docs = NULL;

  g_return_val_if_fail (PE_IS_DOCUMENT_SET (documents), NULL);

  self = g_object_new (PE_TYPE_PROFILE_PAGE, NULL);
  self->documents = g_object_ref (documents);
  g_signal_connect_object (documents, "ready", G_CALLBACK (on_documents_ready), self, 0);
  docs = pe_document_set_get_documents (documents);
  pe_profile_form_set_documents (PE_PROFILE_FORM (self->form), docs);
  set_profile (self, profile, NULL);
  return GTK_WIDGET (self);
}

/**
 * pe_profile_page_get_profile:
 *
 * Returns: (transfer none):
 */
PeProfile *
pe_profile_page_get_profile (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->profile;
}

/**
 * pe_profile_page_get_file:
 *
 * Returns: (transfer none) (nullable): the file the profile was opened
 *   from or last saved to
 */
GFile *
pe_profile_page_get_file (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->file;
}

gboolean
pe_profile_page_is_modified (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), FALSE);
  return pe_profile_is_modified (self->profile);
}

const char *
pe_profile_page_get_title (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->title;
}

const char *
pe_profile_page_get_display_name (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->display_name;
}

/**
 * pe_profile_page_get_assessment:
 *
 * Returns: (transfer none) (nullable): the results shown
 */
PeAssessment *
pe_profile_page_get_assessment (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->assessment;
}

/**
 * pe_profile_page_get_form:
 *
 * Returns: (transfer none): the #PeProfileForm
 */
GtkWidget *
pe_profile_page_get_form (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->form;
}

/**
 * pe_profile_page_get_results:
 *
 * Returns: (transfer none): the #PeAssessmentView
 */
GtkWidget *
pe_profile_page_get_results (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->results;
}

/**
 * pe_profile_page_get_scenario_view:
 *
 * Returns: (transfer none): the #PeScenarioView, shown on the Scenarios tab
 */
GtkWidget *
pe_profile_page_get_scenario_view (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->right_stack), "scenario");
  return self->scenario_view;
}

/**
 * pe_profile_page_get_error:
 *
 * Returns: (nullable): the message shown, if a file could not be opened,
 *   saved or written
 */
const char *
pe_profile_page_get_error (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return self->error;
}

/* How many times the results were computed: tests wait on it. */
guint
pe_profile_page_get_n_updates (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), 0);
  return self->n_updates;
}

/**
 * pe_profile_page_get_recent_menu:
 *
 * Returns: (transfer none): the menu of recent profiles
 */
GMenuModel *
pe_profile_page_get_recent_menu (PeProfilePage *self)
{
  g_return_val_if_fail (PE_IS_PROFILE_PAGE (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}
