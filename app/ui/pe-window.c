/* pe-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar holds the explorer's own pages (overview, profile,
 * comparison), then the documents, from the plugins' metadata alone: no
 * document is read until a page that needs it is first shown, and never
 * before the window has painted. When a plugin is disabled its row and
 * its page go at once; when one fails, the info bar says which and why.
 */
#define G_LOG_DOMAIN "pe-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-compare-page.h"
#include "pe-document-page.h"
#include "pe-document-set.h"
#include "pe-overview-page.h"
#include "pe-profile-page.h"
#include "pe-search-results.h"
#include "pe-window.h"

/* The explorer's own pages come first in the sidebar. Their names cannot
 * be document ids, which have no colon. */
#define PAGE_OVERVIEW "page:overview"
#define PAGE_PROFILE  "page:profile"
#define PAGE_COMPARE  "page:compare"

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  const char *tooltip;
} ExplorerPage;

static const ExplorerPage explorer_pages[] = {
  { PAGE_OVERVIEW, N_("Overview"), "go-home-symbolic",
    N_("Every active document, its validity and what expires soon") },
  { PAGE_PROFILE, N_("Profile"), "avatar-default-symbolic",
    N_("What applies to an enterprise or a person, across all documents") },
  { PAGE_COMPARE, N_("Compare"), "view-dual-symbolic",
    N_("Like support across documents, and the units responsible") },
};

struct _PeWindow
{
  GtkApplicationWindow  parent_instance;

  PePluginsEngine      *engine;
  PeDocumentSet        *documents;
  GSettings            *settings;
  char                 *text_language;
  char                 *initial_document;
  guint                 initial_idle;
  GList                *pending_rows;     /* plugins whose rows come later */
  guint                 rows_idle;
  gboolean              painted;          /* the first frame is out */

  GtkWidget            *header_bar;
  GtkWidget            *menu_button;
  GMenuModel           *primary_menu;     /* its popover built after the first frame */
  GtkWidget            *sidebar;
  GtkWidget            *pages;
  GtkWidget            *info_bar;
  GtkWidget            *info_label;
  GtkWidget            *search_bar;
  GtkWidget            *search_entry;
  GtkWidget            *search_results;   /* built at the first search */
  char                 *before_search;    /* the page shown before */
  GtkWidget            *overview;         /* each built when first shown */
  GtkWidget            *profile;
  GtkWidget            *compare;
  gboolean              closing;          /* the user chose to close */
};

G_DEFINE_FINAL_TYPE (PeWindow, pe_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_message (PeWindow   *self,
              const char *message)
{
  const char *shown = gtk_label_get_text (GTK_LABEL (self->info_label));

  /* several failures at once (broken plugins at start-up): each is told,
   * none hides another */
  if (gtk_widget_get_visible (self->info_bar) && *shown != '\0')
    {
      if (strstr (shown, message) == NULL)
        {
          g_autofree char *both = g_strconcat (shown, "\n", message, NULL);
          gtk_label_set_text (GTK_LABEL (self->info_label), both);
        }
    }
  else
    gtk_label_set_text (GTK_LABEL (self->info_label), message);
  gtk_widget_show (self->info_bar);
}

static void
on_info_bar_response (GtkInfoBar *bar,
                      int         response,
                      PeWindow   *self)
{
  gtk_widget_hide (self->info_bar);
}

static GtkWidget *
sidebar_row (PeasPluginInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (peas_plugin_info_get_name (info));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "pe-sidebar-row");
  gtk_container_add (GTK_CONTAINER (row), label);
  gtk_widget_set_tooltip_text (row, peas_plugin_info_get_description (info));
  gtk_widget_set_name (row, pe_plugin_info_get_document_id (info));
  g_object_set_data_full (G_OBJECT (row), "pe-document-id",
                          g_strdup (pe_plugin_info_get_document_id (info)), g_free);
  gtk_widget_show_all (row);
  return row;
}

static GtkWidget *
explorer_row (const ExplorerPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (_(page->title));

  gtk_style_context_add_class (gtk_widget_get_style_context (box), "pe-sidebar-row");
  gtk_container_add (GTK_CONTAINER (box), gtk_image_new_from_icon_name (page->icon, GTK_ICON_SIZE_MENU));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_container_add (GTK_CONTAINER (box), label);
  gtk_container_add (GTK_CONTAINER (row), box);
  gtk_widget_set_tooltip_text (row, _(page->tooltip));
  gtk_widget_set_name (row, page->name);
  g_object_set_data (G_OBJECT (row), "pe-page-name", (gpointer) page->name);
  gtk_widget_show_all (row);
  return row;
}

/* "Documents" above the first document, after the explorer's pages */
static void
sidebar_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       data)
{
  gboolean first_document = g_object_get_data (G_OBJECT (row), "pe-document-id") != NULL &&
                            (before == NULL || g_object_get_data (G_OBJECT (before), "pe-document-id") == NULL);

  if (first_document && gtk_list_box_row_get_header (row) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Documents"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_style_context_add_class (gtk_widget_get_style_context (label), "pe-sidebar-header");
      gtk_widget_show (label);
      gtk_list_box_row_set_header (row, label);
    }
  else if (!first_document && gtk_list_box_row_get_header (row) != NULL)
    gtk_list_box_row_set_header (row, NULL);
}

static const ExplorerPage *
find_explorer_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (explorer_pages); i++)
    if (g_strcmp0 (explorer_pages[i].name, name) == 0)
      return &explorer_pages[i];
  return NULL;
}

/* Selects the row of @name (a page or a document) without acting on it. */
static void
sync_sidebar (PeWindow   *self,
              const char *name)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (self->sidebar));

  for (GList *l = rows; l; l = l->next)
    {
      const char *id = g_object_get_data (l->data, "pe-document-id");
      if (id == NULL)
        id = g_object_get_data (l->data, "pe-page-name");
      if (g_strcmp0 (id, name) == 0 &&
          gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar)) != l->data)
        gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), l->data);
    }
  g_list_free (rows);
}

static GtkWidget *
error_page (const char *message)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("This document could not be opened"));
  GtkWidget *detail = gtk_label_new (message);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_object_set (box, "margin", 24, NULL);
  gtk_style_context_add_class (gtk_widget_get_style_context (title), "pe-document-title");
  gtk_label_set_line_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_selectable (GTK_LABEL (detail), TRUE);
  gtk_container_add (GTK_CONTAINER (box), title);
  gtk_container_add (GTK_CONTAINER (box), detail);
  gtk_widget_show_all (box);
  return box;
}

/**
 * pe_window_show_document:
 *
 * Shows the page of @document_id, building it (and reading the document)
 * the first time.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL when no active
 *   plugin provides the document
 */
GtkWidget *
pe_window_show_document (PeWindow   *self,
                         const char *document_id)
{
  PeasPluginInfo *info;
  GtkWidget *page;

  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  info = pe_plugins_engine_find_document (self->engine, document_id);
  if (info == NULL)
    return NULL;
  g_clear_pointer (&self->initial_document, g_free);

  page = gtk_stack_get_child_by_name (GTK_STACK (self->pages), document_id);
  if (page == NULL)
    {
      g_autoptr(GError) error = NULL;
      PeDocument *doc = pe_plugins_engine_get_document (self->engine, info, &error);

      if (doc != NULL)
        {
          page = pe_document_page_new (self->engine, info, doc);
          pe_document_page_set_text_language (PE_DOCUMENT_PAGE (page), self->text_language);
        }
      else   /* the engine's ::plugin-error has put it in the message bar */
        page = error_page (error->message);
      gtk_stack_add_named (GTK_STACK (self->pages), page, document_id);
    }

  gtk_stack_set_visible_child (GTK_STACK (self->pages), page);
  gtk_header_bar_set_subtitle (GTK_HEADER_BAR (self->header_bar), peas_plugin_info_get_name (info));

  /* keep the sidebar in step when called from code */
  sync_sidebar (self, document_id);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-document", document_id);
  return page;
}

static void
on_open_document (GtkWidget  *page,
                  const char *document_id,
                  PeWindow   *self)
{
  pe_window_show_document (self, document_id);
}

static void
on_compare_open_measure (GtkWidget  *page,
                         const char *document_id,
                         const char *measure_id,
                         PeWindow   *self)
{
  GtkWidget *doc_page = pe_window_show_document (self, document_id);

  if (PE_IS_DOCUMENT_PAGE (doc_page))
    pe_document_page_show_measure (PE_DOCUMENT_PAGE (doc_page), measure_id);
}

static void
on_profile_title (GObject    *page,
                  GParamSpec *pspec,
                  PeWindow   *self)
{
  if (gtk_stack_get_visible_child (GTK_STACK (self->pages)) == self->profile)
    gtk_header_bar_set_subtitle (GTK_HEADER_BAR (self->header_bar),
                                 pe_profile_page_get_title (PE_PROFILE_PAGE (self->profile)));
}

static GtkWidget *
ensure_profile_page (PeWindow *self)
{
  if (self->profile == NULL)
    {
      self->profile = pe_profile_page_new (self->documents);
      g_signal_connect_object (self->profile, "open-document", G_CALLBACK (on_open_document), self, 0);
      g_signal_connect_object (self->profile, "notify::title", G_CALLBACK (on_profile_title), self, 0);
      gtk_widget_show (self->profile);
      gtk_stack_add_named (GTK_STACK (self->pages), self->profile, PAGE_PROFILE);
    }
  return self->profile;
}

/**
 * pe_window_show_page:
 * @name: `page:overview`, `page:profile` or `page:compare`
 *
 * Shows one of the explorer's own pages, building it the first time.
 *
 * Returns: (transfer none) (nullable): the page
 */
GtkWidget *
pe_window_show_page (PeWindow   *self,
                     const char *name)
{
  const ExplorerPage *ep;
  GtkWidget *page = NULL;
  const char *subtitle;

  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);

  if ((ep = find_explorer_page (name)) == NULL)
    return NULL;
  /* a page asked for replaces the one the window was about to restore */
  g_clear_pointer (&self->initial_document, g_free);
  if (g_str_equal (name, PAGE_OVERVIEW))
    {
      if (self->overview == NULL)
        {
          self->overview = pe_overview_page_new (self->documents);
          g_signal_connect_object (self->overview, "open-document", G_CALLBACK (on_open_document), self, 0);
          gtk_widget_show (self->overview);
          gtk_stack_add_named (GTK_STACK (self->pages), self->overview, PAGE_OVERVIEW);
        }
      page = self->overview;
    }
  else if (g_str_equal (name, PAGE_PROFILE))
    page = ensure_profile_page (self);
  else
    {
      if (self->compare == NULL)
        {
          self->compare = pe_compare_page_new (self->documents);
          g_signal_connect_object (self->compare, "open-document", G_CALLBACK (on_open_document), self, 0);
          g_signal_connect_object (self->compare, "open-measure", G_CALLBACK (on_compare_open_measure), self, 0);
          gtk_widget_show (self->compare);
          gtk_stack_add_named (GTK_STACK (self->pages), self->compare, PAGE_COMPARE);
        }
      /* the comparison tells which prevails for the profile being worked on */
      if (self->profile != NULL)
        pe_compare_page_set_assessment (PE_COMPARE_PAGE (self->compare),
                                        pe_profile_page_get_assessment (PE_PROFILE_PAGE (self->profile)));
      page = self->compare;
    }

  gtk_stack_set_visible_child (GTK_STACK (self->pages), page);
  subtitle = page == self->profile ? pe_profile_page_get_title (PE_PROFILE_PAGE (page)) : _(ep->title);
  gtk_header_bar_set_subtitle (GTK_HEADER_BAR (self->header_bar), subtitle);
  sync_sidebar (self, name);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-document", name);
  return page;
}

static void
on_sidebar_row_selected (GtkListBox    *box,
                         GtkListBoxRow *row,
                         PeWindow      *self)
{
  if (row == NULL)
    return;
  if (self->initial_document != NULL)
    {
      /* The page the user left off at is not back yet. The list box selects
       * its first row by itself when the window takes the focus: that is
       * no choice of the user's, and must not hide that page. Any other
       * row, or a click or key, is the user's choice, which wins. */
      GdkEvent *event = gtk_get_current_event ();
      gboolean by_input = event != NULL &&
                          (event->type == GDK_BUTTON_PRESS || event->type == GDK_BUTTON_RELEASE ||
                           event->type == GDK_KEY_PRESS || event->type == GDK_KEY_RELEASE);

      g_clear_pointer (&event, gdk_event_free);
      if (!by_input && gtk_list_box_row_get_index (row) == 0)
        return;
      g_clear_pointer (&self->initial_document, g_free);
    }
  if (g_object_get_data (G_OBJECT (row), "pe-page-name") != NULL)
    pe_window_show_page (self, g_object_get_data (G_OBJECT (row), "pe-page-name"));
  else
    pe_window_show_document (self, g_object_get_data (G_OBJECT (row), "pe-document-id"));
}

/* The documents' rows are built after the first frame, which holds the
 * header bar and the explorer's own rows: a row costs some 1.5 million
 * instructions to build, style and measure, and thirteen of them would
 * add a sixth to the first frame's time. About the rows the sidebar shows
 * at the default size come in the frame after it, the others in batches
 * below drawing and input, so that neither grows with the number of
 * documents. */
#define ROWS_AT_ONCE 24

static gboolean
add_pending_rows (gpointer data)
{
  PeWindow *self = data;
  const char *shown = gtk_stack_get_visible_child_name (GTK_STACK (self->pages));

  g_signal_handlers_block_by_func (self->sidebar, on_sidebar_row_selected, self);
  for (guint n = 0; self->pending_rows != NULL && n < ROWS_AT_ONCE; n++)
    {
      GtkWidget *row = sidebar_row (self->pending_rows->data);

      gtk_container_add (GTK_CONTAINER (self->sidebar), row);
      /* the document shown before its row was there */
      if (g_strcmp0 (shown, gtk_widget_get_name (row)) == 0)
        gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), GTK_LIST_BOX_ROW (row));
      self->pending_rows = g_list_delete_link (self->pending_rows, self->pending_rows);
    }
  g_signal_handlers_unblock_by_func (self->sidebar, on_sidebar_row_selected, self);
  if (self->pending_rows != NULL)
    return G_SOURCE_CONTINUE;
  self->rows_idle = 0;
  return G_SOURCE_REMOVE;
}

/* Rebuilds the sidebar from the loaded plugins, and drops the pages of
 * documents that are no longer there. */
static void
reload_documents (PeWindow *self)
{
  GList *plugins, *rows, *pages;
  g_autofree char *selected = NULL;
  GtkListBoxRow *sel;

  /* before the first frame the window lists no plugin: after_first_frame()
   * has the engine read them, and calls this */
  if (!self->painted)
    return;

  plugins = pe_plugins_engine_get_document_plugins (self->engine);
  rows = gtk_container_get_children (GTK_CONTAINER (self->sidebar));
  pages = gtk_container_get_children (GTK_CONTAINER (self->pages));
  sel = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar));
  if (sel != NULL)
    selected = g_strdup (g_object_get_data (G_OBJECT (sel), "pe-document-id"));

  g_clear_handle_id (&self->rows_idle, g_source_remove);
  g_clear_pointer (&self->pending_rows, g_list_free);
  g_signal_handlers_block_by_func (self->sidebar, on_sidebar_row_selected, self);
  for (GList *l = rows; l; l = l->next)
    if (g_object_get_data (l->data, "pe-document-id") != NULL)
      gtk_widget_destroy (l->data);
  {
    guint n = 0;

    for (GList *l = plugins; l; l = l->next, n++)
      {
        if (n == ROWS_AT_ONCE)
          {
            self->pending_rows = g_list_copy (l);
            /* below drawing and input */
            self->rows_idle = g_idle_add_full (G_PRIORITY_LOW, add_pending_rows, self, NULL);
            break;
          }
        gtk_container_add (GTK_CONTAINER (self->sidebar), sidebar_row (l->data));
      }
  }
  g_signal_handlers_unblock_by_func (self->sidebar, on_sidebar_row_selected, self);

  for (GList *l = pages; l; l = l->next)
    {
      g_autofree char *name = NULL;
      gtk_container_child_get (GTK_CONTAINER (self->pages), l->data, "name", &name, NULL);
      if (g_strcmp0 (name, "search") != 0 &&
          find_explorer_page (name) == NULL &&
          (name == NULL || pe_plugins_engine_find_document (self->engine, name) == NULL))
        gtk_widget_destroy (l->data);
    }

  if (selected != NULL && pe_plugins_engine_find_document (self->engine, selected) != NULL)
    pe_window_show_document (self, selected);
  else if (selected != NULL)
    /* the document shown went: back home */
    pe_window_show_page (self, PAGE_OVERVIEW);

  g_list_free (plugins);
  g_list_free (rows);
  g_list_free (pages);
}

static void
on_plugins_changed (PeasEngine     *engine,
                    PeasPluginInfo *info,
                    PeWindow       *self)
{
  if (self->search_results != NULL && pe_plugin_info_get_document_id (info) != NULL)
    pe_search_results_forget (PE_SEARCH_RESULTS (self->search_results), pe_plugin_info_get_document_id (info));
  reload_documents (self);
}

static void
on_plugin_error (PePluginsEngine *engine,
                 PeasPluginInfo  *info,
                 GError          *error,
                 PeWindow        *self)
{
  g_autofree char *msg = g_strdup_printf (_("The plugin “%s” could not be used: %s"),
                                          peas_plugin_info_get_name (info), error->message);
  show_message (self, msg);
}

static void
apply_text_language (PeWindow   *self,
                     const char *language)
{
  GList *pages = gtk_container_get_children (GTK_CONTAINER (self->pages));

  g_free (self->text_language);
  self->text_language = g_strdup (language);
  for (GList *l = pages; l; l = l->next)
    if (PE_IS_DOCUMENT_PAGE (l->data))
      pe_document_page_set_text_language (l->data, language);
  g_list_free (pages);
}

static void
on_text_language_changed (GSettings  *settings,
                          const char *key,
                          PeWindow   *self)
{
  g_autofree char *lang = g_settings_get_string (settings, key);
  apply_text_language (self, lang);
}

static void
step_document (PeWindow *self,
               int       delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar));
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->sidebar), MAX (0, index));

  if (next != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), next);
}

static void
previous_document (GSimpleAction *action, GVariant *param, gpointer data)
{
  step_document (data, -1);
}

static void
next_document (GSimpleAction *action, GVariant *param, gpointer data)
{
  step_document (data, 1);
}

static void
show_section (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  PeWindow *self = data;
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->pages));

  if (PE_IS_DOCUMENT_PAGE (page))
    pe_document_page_show_section (PE_DOCUMENT_PAGE (page), g_variant_get_string (param, NULL));
}

static void
focus_filter (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  PeWindow *self = data;
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->pages));

  if (PE_IS_DOCUMENT_PAGE (page))
    {
      GtkWidget *list = pe_document_page_get_measure_list (PE_DOCUMENT_PAGE (page));
      GList *children = gtk_container_get_children (GTK_CONTAINER (list));

      pe_document_page_show_section (PE_DOCUMENT_PAGE (page), "measures");
      if (children != NULL)
        gtk_widget_grab_focus (children->data);   /* the filter entry comes first */
      g_list_free (children);
    }
}

static void
change_text_language (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       data)
{
  PeWindow *self = data;

  g_simple_action_set_state (action, value);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "text-language", g_variant_get_string (value, NULL));
  else
    apply_text_language (self, g_variant_get_string (value, NULL));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  g_autofree char *name = g_strconcat ("page:", g_variant_get_string (param, NULL), NULL);

  pe_window_show_page (data, name);
}

/* The profile's commands work from any page: they bring the profile up. */
static PeProfilePage *
profile_page_shown (PeWindow *self)
{
  return PE_PROFILE_PAGE (pe_window_show_page (self, PAGE_PROFILE));
}

static void
profile_new (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_new (profile_page_shown (data));
}

static void
profile_open (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_open (profile_page_shown (data));
}

static void
profile_open_recent (GSimpleAction *action, GVariant *param, gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  pe_profile_page_run_open_file (profile_page_shown (data), file);
}

static void
profile_save (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_save (profile_page_shown (data), FALSE, NULL, NULL);
}

static void
profile_save_as (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_save (profile_page_shown (data), TRUE, NULL, NULL);
}

static void
export_pdf (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_export (profile_page_shown (data), "pdf");
}

static void
export_csv (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_export (profile_page_shown (data), "csv");
}

static void
print_report (GSimpleAction *action, GVariant *param, gpointer data)
{
  pe_profile_page_run_print (profile_page_shown (data));
}

static void toggle_search (GSimpleAction *action, GVariant *state, gpointer data);

/* The shortcuts window is built when first asked for: GtkApplication would
 * build it with every window, before the window's first frame. */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/policyexplorer/PolicyExplorer/ui/gtk/help-overlay.ui");
  GtkShortcutsWindow *overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  /* GTK's own action takes the place of this one from now on (it adds
   * its action only where there is none) */
  g_action_map_remove_action (G_ACTION_MAP (data), "show-help-overlay");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (data), overlay);
  g_action_group_activate_action (G_ACTION_GROUP (data), "show-help-overlay", NULL);
}

static const GActionEntry win_entries[] = {
  { "show-page", show_page_action, "s" },
  { "profile-new", profile_new },
  { "profile-open", profile_open },
  { "profile-open-recent", profile_open_recent, "s" },
  { "profile-save", profile_save },
  { "profile-save-as", profile_save_as },
  { "export-pdf", export_pdf },
  { "export-csv", export_csv },
  { "print", print_report },
  { "previous-document", previous_document },
  { "next-document", next_document },
  { "section", show_section, "s" },
  { "filter", focus_filter },
  { "text-language", NULL, "s", "'both'", change_text_language },
  { "search", NULL, NULL, "false", toggle_search },
  { "show-help-overlay", show_help_overlay },
};

static void
on_open_measure (PeSearchResults *results,
                 const char      *document_id,
                 const char      *measure_id,
                 PeWindow        *self)
{
  GtkWidget *page;

  g_clear_pointer (&self->before_search, g_free);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
  page = pe_window_show_document (self, document_id);
  if (PE_IS_DOCUMENT_PAGE (page))
    pe_document_page_show_measure (PE_DOCUMENT_PAGE (page), measure_id);
}

static void
on_open_list (PeSearchResults *results,
              const char      *document_id,
              const char      *list_id,
              const char      *query,
              PeWindow        *self)
{
  GtkWidget *page;

  g_clear_pointer (&self->before_search, g_free);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
  page = pe_window_show_document (self, document_id);
  if (PE_IS_DOCUMENT_PAGE (page))
    pe_document_page_show_list (PE_DOCUMENT_PAGE (page), list_id, query);
}

/**
 * pe_window_search:
 *
 * Shows the measures of every active document that match @query.
 *
 * Returns: the number of measures found
 */
guint
pe_window_search (PeWindow   *self,
                  const char *query)
{
  const char *visible;

  g_return_val_if_fail (PE_IS_WINDOW (self), 0);

  if (self->search_results == NULL)
    {
      self->search_results = pe_search_results_new (self->engine);
      g_signal_connect_object (self->search_results, "open-measure", G_CALLBACK (on_open_measure), self, 0);
      g_signal_connect_object (self->search_results, "open-list", G_CALLBACK (on_open_list), self, 0);
      gtk_stack_add_named (GTK_STACK (self->pages), self->search_results, "search");
    }
  visible = gtk_stack_get_visible_child_name (GTK_STACK (self->pages));
  if (g_strcmp0 (visible, "search") != 0)
    {
      g_free (self->before_search);
      self->before_search = g_strdup (visible);
    }
  gtk_stack_set_visible_child (GTK_STACK (self->pages), self->search_results);
  return pe_search_results_search (PE_SEARCH_RESULTS (self->search_results), query);
}

static void
leave_search (PeWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->pages)), "search") != 0)
    return;
  if (self->before_search != NULL &&
      gtk_stack_get_child_by_name (GTK_STACK (self->pages), self->before_search) != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (self->pages), self->before_search);
  else
    pe_window_show_page (self, PAGE_OVERVIEW);
  g_clear_pointer (&self->before_search, g_free);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   PeWindow       *self)
{
  const char *text = gtk_entry_get_text (GTK_ENTRY (entry));

  if (*text == '\0')
    leave_search (self);
  else
    pe_window_search (self, text);
}

static void
on_search_activate (GtkSearchEntry *entry,
                    PeWindow       *self)
{
  if (self->search_results != NULL)
    pe_search_results_activate_first (PE_SEARCH_RESULTS (self->search_results));
}

static gboolean
on_search_key_press (GtkWidget   *entry,
                     GdkEventKey *event,
                     PeWindow    *self)
{
  /* Down moves from the query to the results */
  if (event->keyval == GDK_KEY_Down && self->search_results != NULL)
    {
      GtkWidget *list = pe_search_results_get_list (PE_SEARCH_RESULTS (self->search_results));
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

      if (first != NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (first));
          return GDK_EVENT_STOP;
        }
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_search_mode (GObject    *bar,
                GParamSpec *pspec,
                PeWindow   *self)
{
  if (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)))
    leave_search (self);
  else if (*gtk_entry_get_text (GTK_ENTRY (self->search_entry)) != '\0')
    pe_window_search (self, gtk_entry_get_text (GTK_ENTRY (self->search_entry)));
}

static void
toggle_search (GSimpleAction *action,
               GVariant      *state,
               gpointer       data)
{
  PeWindow *self = data;

  g_simple_action_set_state (action, state);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), g_variant_get_boolean (state));
  if (g_variant_get_boolean (state))
    gtk_widget_grab_focus (self->search_entry);
}

/* Errors met before the window existed, and .plugin files that give no
 * plugin at all. */
static void
report_plugin_errors (PeWindow *self)
{
  GPtrArray *file_errors;

  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (self->engine)); l; l = l->next)
    {
      const GError *e = pe_plugins_engine_get_plugin_error (self->engine, l->data);
      if (e != NULL)
        on_plugin_error (self->engine, l->data, (GError *) e, self);
    }
  file_errors = pe_plugins_engine_get_file_errors (self->engine);
  for (guint i = 0; i < file_errors->len; i++)
    show_message (self, ((GError *) g_ptr_array_index (file_errors, i))->message);
}

/* Once the first frame is painted: what it did not need, then the page
 * where the user left off (unless one was asked for already). */
static gboolean
after_first_frame (gpointer data)
{
  PeWindow *self = data;
  g_autofree char *id = g_steal_pointer (&self->initial_document);

  self->initial_idle = 0;
  self->painted = TRUE;
  /* send the painted frame to the display before the page is built */
  gdk_display_flush (gtk_widget_get_display (GTK_WIDGET (self)));

  /* the plugins, read now (an engine made by pe_plugins_engine_new()
   * has read them already), told of once: their rows, then what went
   * wrong with them */
  g_signal_handlers_block_by_func (self->engine, on_plugins_changed, self);
  g_signal_handlers_block_by_func (self->engine, on_plugin_error, self);
  pe_plugins_engine_scan (self->engine);
  g_signal_handlers_unblock_by_func (self->engine, on_plugin_error, self);
  g_signal_handlers_unblock_by_func (self->engine, on_plugins_changed, self);
  reload_documents (self);

  /* what the first frame does not show: the primary menu's popover (a
   * menu cannot be opened before the window is there), and the messages
   * about .plugin files, which are read again to find them */
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), self->primary_menu);
  report_plugin_errors (self);

  /* where the user left off, if it is still there */
  if (id != NULL && find_explorer_page (id) == NULL &&
      pe_plugins_engine_find_document (self->engine, id) == NULL)
    {
      g_free (id);
      id = g_strdup (PAGE_OVERVIEW);
    }
  if (id != NULL)
    {
      if (find_explorer_page (id) != NULL)
        pe_window_show_page (self, id);
      else
        pe_window_show_document (self, id);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
on_first_draw (GtkWidget *widget,
               cairo_t   *cr,
               gpointer   data)
{
  PeWindow *self = PE_WINDOW (widget);

  g_signal_handlers_disconnect_by_func (widget, on_first_draw, data);
  if (self->initial_idle == 0)
    self->initial_idle = g_idle_add (after_first_frame, self);
  return FALSE;
}

static void
pe_window_constructed (GObject *object)
{
  PeWindow *self = PE_WINDOW (object);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (pe_window_parent_class)->constructed (object);

  self->documents = pe_document_set_new (self->engine);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);

  if (self->settings != NULL)
    {
      g_autofree char *lang = g_settings_get_string (self->settings, "text-language");
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "text-language");

      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (lang));
      apply_text_language (self, lang);
      g_signal_connect_object (self->settings, "changed::text-language",
                               G_CALLBACK (on_text_language_changed), self, 0);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last = g_settings_get_string (self->settings, "last-document");
    }

  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          g_action_map_lookup_action (G_ACTION_MAP (self), "search"), "state",
                          G_BINDING_DEFAULT);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode), self);
  g_signal_connect_object (self->engine, "load-plugin", G_CALLBACK (on_plugins_changed), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->engine, "unload-plugin", G_CALLBACK (on_plugins_changed), self, G_CONNECT_AFTER);
  g_signal_connect_object (self->engine, "plugin-error", G_CALLBACK (on_plugin_error), self, 0);

  for (guint i = 0; i < G_N_ELEMENTS (explorer_pages); i++)
    gtk_container_add (GTK_CONTAINER (self->sidebar), explorer_row (&explorer_pages[i]));
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->sidebar), sidebar_header, NULL, NULL);

  /* where the user left off, else the overview: shown once the window
   * has painted (and checked then), so that reading plugins and
   * documents and building pages never delay the first frame */
  if (last == NULL)
    last = g_strdup (PAGE_OVERVIEW);
  self->initial_document = g_steal_pointer (&last);
  g_signal_connect_after (self, "draw", G_CALLBACK (on_first_draw), NULL);
}

static void
on_saved_then_close (PeProfilePage *page,
                     gboolean       saved,
                     gpointer       data)
{
  PeWindow *self = data;

  if (saved)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  g_object_unref (self);
}

static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   PeWindow  *self)
{
  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response == GTK_RESPONSE_REJECT)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (response == GTK_RESPONSE_ACCEPT)
    pe_profile_page_run_save (PE_PROFILE_PAGE (self->profile), FALSE,
                              on_saved_then_close, g_object_ref (self));
}

/**
 * pe_window_confirm_close:
 *
 * Asks whether to save a profile with unsaved changes before the window
 * closes.
 *
 * Returns: (transfer none) (nullable): the question, or %NULL when there
 *   is nothing to lose and the window may close
 */
GtkWidget *
pe_window_confirm_close (PeWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *question = NULL;

  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);

  if (self->closing || self->profile == NULL || !pe_profile_page_is_modified (PE_PROFILE_PAGE (self->profile)))
    return NULL;

  pe_window_show_page (self, PAGE_PROFILE);
  question = g_strdup_printf (_("Save the changes to the profile “%s” before closing?"),
                              pe_profile_page_get_display_name (PE_PROFILE_PAGE (self->profile)));
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you close without saving, the changes are lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Close _without Saving"), GTK_RESPONSE_REJECT,
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_set_name (dialog, "confirm-close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_widget_show (dialog);
  return dialog;
}

static gboolean
pe_window_delete_event (GtkWidget   *widget,
                        GdkEventAny *event)
{
  PeWindow *self = PE_WINDOW (widget);

  /* unsaved changes are never lost without the user saying so */
  if (pe_window_confirm_close (self) != NULL)
    return GDK_EVENT_STOP;

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          int w, h;
          gtk_window_get_size (GTK_WINDOW (self), &w, &h);
          g_settings_set_int (self->settings, "window-width", w);
          g_settings_set_int (self->settings, "window-height", h);
        }
    }
  return GTK_WIDGET_CLASS (pe_window_parent_class)->delete_event
         ? GTK_WIDGET_CLASS (pe_window_parent_class)->delete_event (widget, event) : FALSE;
}

static void
pe_window_dispose (GObject *object)
{
  PeWindow *self = PE_WINDOW (object);

  g_clear_handle_id (&self->initial_idle, g_source_remove);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  g_clear_pointer (&self->pending_rows, g_list_free);
  g_clear_pointer (&self->initial_document, g_free);
  g_clear_pointer (&self->before_search, g_free);
  g_clear_object (&self->documents);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pe_window_parent_class)->dispose (object);
}

static void
pe_window_finalize (GObject *object)
{
  g_free (PE_WINDOW (object)->text_language);
  G_OBJECT_CLASS (pe_window_parent_class)->finalize (object);
}

static void
pe_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PeWindow *self = PE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE: self->engine = g_value_dup_object (value); break;
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PeWindow *self = PE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE: g_value_set_object (value, self->engine); break;
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pe_window_class_init (PeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pe_window_constructed;
  object_class->dispose = pe_window_dispose;
  object_class->finalize = pe_window_finalize;
  object_class->set_property = pe_window_set_property;
  object_class->get_property = pe_window_get_property;
  widget_class->delete_event = pe_window_delete_event;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", "Engine", "The plugins engine",
                         PE_TYPE_PLUGINS_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", "Settings", "The application settings, or NULL",
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/policyexplorer/PolicyExplorer/ui/pe-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PeWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PeWindow, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_press);
  gtk_widget_class_bind_template_callback (widget_class, on_info_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
}

static void
pe_window_init (PeWindow *self)
{
  self->text_language = g_strdup ("both");
  gtk_widget_init_template (GTK_WIDGET (self));
}

PeWindow *
pe_window_new (GtkApplication  *application,
               PePluginsEngine *engine,
               GSettings       *settings)
{
  g_return_val_if_fail (PE_IS_PLUGINS_ENGINE (engine), NULL);

  return g_object_new (PE_TYPE_WINDOW, "application", application, "engine", engine,
                       "settings", settings, NULL);
}

/**
 * pe_window_get_sidebar:
 *
 * Returns: (transfer none):
 */
GtkWidget *
pe_window_get_sidebar (PeWindow *self)
{
  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);
  return self->sidebar;
}

/**
 * pe_window_get_visible_page:
 *
 * Returns: (transfer none):
 */
GtkWidget *
pe_window_get_visible_page (PeWindow *self)
{
  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child (GTK_STACK (self->pages));
}

/* The document pages built so far (the explorer's own aside). */
guint
pe_window_count_pages (PeWindow *self)
{
  GList *pages;
  guint n;

  g_return_val_if_fail (PE_IS_WINDOW (self), 0);
  pages = gtk_container_get_children (GTK_CONTAINER (self->pages));
  n = 0;
  for (GList *l = pages; l; l = l->next)
    {
      g_autofree char *name = NULL;
      gtk_container_child_get (GTK_CONTAINER (self->pages), l->data, "name", &name, NULL);
      if (name != NULL && pe_plugins_engine_find_document (self->engine, name) != NULL)
        n++;
    }
  g_list_free (pages);
  return n;
}

/**
 * pe_window_get_message:
 *
 * Returns: (nullable): the message of the info bar, when shown
 */
const char *
pe_window_get_message (PeWindow *self)
{
  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);
  return gtk_widget_get_visible (self->info_bar) ? gtk_label_get_text (GTK_LABEL (self->info_label)) : NULL;
}

/**
 * pe_window_get_document_set:
 *
 * Returns: (transfer none): the active documents, as the explorer's pages
 *   read them
 */
PeDocumentSet *
pe_window_get_document_set (PeWindow *self)
{
  g_return_val_if_fail (PE_IS_WINDOW (self), NULL);
  return self->documents;
}
