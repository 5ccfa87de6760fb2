/* pe-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar comes from the plugins' metadata alone: no document is read
 * until its page is first shown. When a plugin is disabled its row and its
 * page go at once; when one fails, the info bar says which and why.
 */
#define G_LOG_DOMAIN "pe-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-document-page.h"
#include "pe-search-results.h"
#include "pe-window.h"

struct _PeWindow
{
  GtkApplicationWindow  parent_instance;

  PePluginsEngine      *engine;
  GSettings            *settings;
  char                 *text_language;
  char                 *initial_document;
  guint                 initial_idle;

  GtkWidget            *header_bar;
  GtkWidget            *sidebar;
  GtkWidget            *pages;
  GtkWidget            *info_bar;
  GtkWidget            *info_label;
  GtkWidget            *search_bar;
  GtkWidget            *search_entry;
  GtkWidget            *search_results;   /* built at the first search */
  char                 *before_search;    /* the page shown before */
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
  {
    GList *rows = gtk_container_get_children (GTK_CONTAINER (self->sidebar));
    for (GList *l = rows; l; l = l->next)
      if (g_strcmp0 (g_object_get_data (l->data, "pe-document-id"), document_id) == 0 &&
          gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar)) != l->data)
        gtk_list_box_select_row (GTK_LIST_BOX (self->sidebar), l->data);
    g_list_free (rows);
  }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-document", document_id);
  return page;
}

static void
on_sidebar_row_selected (GtkListBox    *box,
                         GtkListBoxRow *row,
                         PeWindow      *self)
{
  if (row != NULL)
    pe_window_show_document (self, g_object_get_data (G_OBJECT (row), "pe-document-id"));
}

/* Rebuilds the sidebar from the loaded plugins, and drops the pages of
 * documents that are no longer there. */
static void
reload_documents (PeWindow *self)
{
  GList *plugins = pe_plugins_engine_get_document_plugins (self->engine);
  GList *rows = gtk_container_get_children (GTK_CONTAINER (self->sidebar));
  GList *pages = gtk_container_get_children (GTK_CONTAINER (self->pages));
  g_autofree char *selected = NULL;
  GtkListBoxRow *sel = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar));

  if (sel != NULL)
    selected = g_strdup (g_object_get_data (G_OBJECT (sel), "pe-document-id"));

  g_signal_handlers_block_by_func (self->sidebar, on_sidebar_row_selected, self);
  for (GList *l = rows; l; l = l->next)
    gtk_widget_destroy (l->data);
  for (GList *l = plugins; l; l = l->next)
    gtk_container_add (GTK_CONTAINER (self->sidebar), sidebar_row (l->data));
  g_signal_handlers_unblock_by_func (self->sidebar, on_sidebar_row_selected, self);

  for (GList *l = pages; l; l = l->next)
    {
      g_autofree char *name = NULL;
      gtk_container_child_get (GTK_CONTAINER (self->pages), l->data, "name", &name, NULL);
      if (g_strcmp0 (name, "empty") != 0 && g_strcmp0 (name, "search") != 0 &&
          (name == NULL || pe_plugins_engine_find_document (self->engine, name) == NULL))
        gtk_widget_destroy (l->data);
    }

  if (selected != NULL && pe_plugins_engine_find_document (self->engine, selected) != NULL)
    pe_window_show_document (self, selected);
  else
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->pages), "empty");
      gtk_header_bar_set_subtitle (GTK_HEADER_BAR (self->header_bar), NULL);
    }

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

static void toggle_search (GSimpleAction *action, GVariant *state, gpointer data);

static const GActionEntry win_entries[] = {
  { "previous-document", previous_document },
  { "next-document", next_document },
  { "section", show_section, "s" },
  { "filter", focus_filter },
  { "text-language", NULL, "s", "'both'", change_text_language },
  { "search", NULL, NULL, "false", toggle_search },
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
    gtk_stack_set_visible_child_name (GTK_STACK (self->pages), "empty");
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

static gboolean
show_initial_document (gpointer data)
{
  PeWindow *self = data;
  g_autofree char *id = g_steal_pointer (&self->initial_document);

  self->initial_idle = 0;
  /* send the painted frame to the display before the page is built */
  gdk_display_flush (gtk_widget_get_display (GTK_WIDGET (self)));
  /* the user may have chosen a document already */
  if (id != NULL && gtk_list_box_get_selected_row (GTK_LIST_BOX (self->sidebar)) == NULL)
    pe_window_show_document (self, id);
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
    self->initial_idle = g_idle_add (show_initial_document, self);
  return FALSE;
}

static void
pe_window_constructed (GObject *object)
{
  PeWindow *self = PE_WINDOW (object);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (pe_window_parent_class)->constructed (object);

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

  reload_documents (self);

  /* errors met before the window existed */
  for (const GList *l = peas_engine_get_plugin_list (PEAS_ENGINE (self->engine)); l; l = l->next)
    {
      const GError *e = pe_plugins_engine_get_plugin_error (self->engine, l->data);
      if (e != NULL)
        on_plugin_error (self->engine, l->data, (GError *) e, self);
    }
  /* .plugin files that give no plugin at all */
  {
    GPtrArray *file_errors = pe_plugins_engine_get_file_errors (self->engine);
    for (guint i = 0; i < file_errors->len; i++)
      show_message (self, ((GError *) g_ptr_array_index (file_errors, i))->message);
  }

  /* where the user left off, else the first document: shown once the
   * window has painted, so that reading the document and building its
   * page never delay the first frame */
  if (last == NULL || *last == '\0' || pe_plugins_engine_find_document (self->engine, last) == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->sidebar), 0);
      g_free (last);
      last = first ? g_strdup (g_object_get_data (G_OBJECT (first), "pe-document-id")) : NULL;
    }
  self->initial_document = g_steal_pointer (&last);
  if (self->initial_document != NULL)
    g_signal_connect_after (self, "draw", G_CALLBACK (on_first_draw), NULL);
}

static gboolean
pe_window_delete_event (GtkWidget   *widget,
                        GdkEventAny *event)
{
  PeWindow *self = PE_WINDOW (widget);

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
  g_clear_pointer (&self->initial_document, g_free);
  g_clear_pointer (&self->before_search, g_free);
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

/* The document pages built so far (the empty page aside). */
guint
pe_window_count_pages (PeWindow *self)
{
  GList *pages;
  guint n;

  g_return_val_if_fail (PE_IS_WINDOW (self), 0);
  pages = gtk_container_get_children (GTK_CONTAINER (self->pages));
  n = g_list_length (pages) - 1 - (self->search_results != NULL ? 1 : 0);
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
