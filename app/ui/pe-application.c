/* pe-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-application"

#include "config.h"

#include <glib/gi18n.h>
#include <libpeas-gtk/peas-gtk.h>

#include "pe-application.h"
#include "pe-document-page.h"
#include "pe-page-activatable.h"
#include "pe-window.h"

struct _PeApplication
{
  GtkApplication   parent_instance;

  PePluginsEngine *engine;
  GSettings       *settings;
};

G_DEFINE_FINAL_TYPE (PeApplication, pe_application, GTK_TYPE_APPLICATION)

/* Loads the stylesheet, and registers the types plugins extend before
 * any plugin is loaded: a Python plugin looks them up when imported. */
void
pe_ui_init_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_type_ensure (PE_TYPE_DOCUMENT_PAGE);
      g_type_ensure (PE_TYPE_PAGE_ACTIVATABLE);

      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/policyexplorer/PolicyExplorer/style.css");
      gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (css),
                                                 GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static void
show_about (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  GtkApplication *app = data;
  const char *authors[] = { _("Policy Explorer developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Policy Explorer"),
                         "logo-icon-name", PE_APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Browse, compute and compare the economic-policy measures of Quanzhou.\n\n"
                                       "Every figure cites the clause of the document it comes from. "
                                       "Amounts are computed exactly and rounded down to the whole yuan."),
                         "authors", authors,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
show_plugins (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  PeApplication *self = data;
  GtkWidget *dialog, *manager;

  dialog = gtk_dialog_new_with_buttons (_("Plugins"), gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                        NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 520);
  /* the manager ticks the plugins whose modules are loaded, and active
   * plugins wait for their documents to be needed to load theirs */
  pe_plugins_engine_load_active (self->engine);
  manager = peas_gtk_plugin_manager_new (PEAS_ENGINE (self->engine));
  g_object_set (manager, "margin", 12, NULL);
  gtk_widget_set_vexpand (manager, TRUE);
  gtk_container_add (GTK_CONTAINER (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), manager);
  gtk_widget_show_all (dialog);
}

static void
quit (GSimpleAction *action,
      GVariant      *param,
      gpointer       data)
{
  GList *windows = gtk_application_get_windows (data);

  /* closing windows lets them save their size */
  for (GList *l = g_list_copy (windows); l; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static const GActionEntry app_entries[] = {
  { "about", show_about },
  { "plugins", show_plugins },
  { "quit", quit },
};

static void
pe_application_startup (GApplication *app)
{
  PeApplication *self = PE_APPLICATION (app);
  struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Primary>q", NULL } },
    { "app.plugins", { "<Primary>comma", NULL } },
    { "win.previous-document", { "<Alt>Up", NULL } },
    { "win.next-document", { "<Alt>Down", NULL } },
    { "win.section::measures", { "<Alt>1", NULL } },
    { "win.section::calculators", { "<Alt>2", NULL } },
    { "win.section::charts", { "<Alt>3", NULL } },
    { "win.filter", { "<Primary>l", NULL } },
    { "win.search", { "<Primary>f", NULL } },
    /* as GTK sets them for a help overlay it finds itself */
    { "win.show-help-overlay", { "<Primary>question", "<Primary>F1" } },
    { "win.show-page::overview", { "<Primary>1", NULL } },
    { "win.show-page::profile", { "<Primary>2", NULL } },
    { "win.show-page::compare", { "<Primary>3", NULL } },
    { "win.profile-new", { "<Primary>n", NULL } },
    { "win.profile-open", { "<Primary>o", NULL } },
    { "win.profile-save", { "<Primary>s", NULL } },
    { "win.profile-save-as", { "<Primary><Shift>s", NULL } },
    { "win.export-pdf", { "<Primary>e", NULL } },
    { "win.print", { "<Primary>p", NULL } },
  };

  G_APPLICATION_CLASS (pe_application_parent_class)->startup (app);

  g_set_application_name (_("Policy Explorer"));
  gtk_window_set_default_icon_name (PE_APP_ID);
  pe_ui_init_resources ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (PE_APP_ID);
  /* read after the window's first frame (see pe-window.c) */
  self->engine = pe_plugins_engine_new_unscanned ();
  pe_plugins_engine_bind_settings (self->engine, self->settings);
}

static void
pe_application_activate (GApplication *app)
{
  PeApplication *self = PE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (pe_window_new (GTK_APPLICATION (app), self->engine, self->settings));
  gtk_window_present (window);
}

static void
pe_application_shutdown (GApplication *app)
{
  PeApplication *self = PE_APPLICATION (app);

  G_APPLICATION_CLASS (pe_application_parent_class)->shutdown (app);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);
}

static void
pe_application_class_init (PeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = pe_application_startup;
  app_class->activate = pe_application_activate;
  app_class->shutdown = pe_application_shutdown;
}

static void
pe_application_init (PeApplication *self)
{
}

PeApplication *
pe_application_new (void)
{
  return g_object_new (PE_TYPE_APPLICATION,
                       "application-id", PE_APP_ID,
                       "resource-base-path", "/io/github/policyexplorer/PolicyExplorer",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * pe_application_get_engine:
 *
 * Returns: (transfer none):
 */
PePluginsEngine *
pe_application_get_engine (PeApplication *self)
{
  g_return_val_if_fail (PE_IS_APPLICATION (self), NULL);
  return self->engine;
}
