/* pe-chart-export-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports use the light palette at twice the resolution, so a saved chart
 * prints and pastes well whatever the theme on screen. Files are chosen
 * with GtkFileChooserNative, which goes through the portal in Flatpak.
 */
#define G_LOG_DOMAIN "pe-chart-export"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-chart-export-button.h"
#include "policy-explorer-draw.h"

#define EXPORT_WIDTH  900
#define EXPORT_HEIGHT 520

/**
 * pe_chart_save:
 * @filename: ends in .png, .svg, .pdf or .csv
 */
gboolean
pe_chart_save (PeChartModel  *model,
               const char    *filename,
               GError       **error)
{
  g_return_val_if_fail (PE_IS_CHART_MODEL (model), FALSE);

  if (g_str_has_suffix (filename, ".csv"))
    {
      g_autofree char *csv = pe_chart_model_to_csv (model);
      return g_file_set_contents (filename, csv, -1, error);
    }
  return pe_chart_export (model, filename, EXPORT_WIDTH,
                          MAX (EXPORT_HEIGHT, 80 + 26 * (double) MAX (pe_chart_model_get_n_bars (model),
                                                                       pe_chart_model_get_n_events (model))),
                          2, NULL, error);
}

static void
export_as (GtkButton  *button,
           const char *suffix)
{
  PeChartModel *model = g_object_get_data (G_OBJECT (button), "pe-chart-model");
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (button));
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autofree char *name = g_strdup_printf ("%s.%s", pe_chart_model_get_title (model), suffix);

  g_strdelimit (name, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                         GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_do_overwrite_confirmation (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  if (gtk_native_dialog_run (GTK_NATIVE_DIALOG (chooser)) == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *file = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (file, suffix))
        {
          char *with = g_strconcat (file, ".", suffix, NULL);
          g_free (file);
          file = with;
        }
      if (!pe_chart_save (model, file, &error))
        {
          GtkWidget *dialog = gtk_message_dialog_new (GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                                                      GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                      _("The chart could not be exported"));
          gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
          gtk_dialog_run (GTK_DIALOG (dialog));
          gtk_widget_destroy (dialog);
        }
    }
}

static void on_png (GtkButton *b, gpointer d) { export_as (b, "png"); }
static void on_svg (GtkButton *b, gpointer d) { export_as (b, "svg"); }
static void on_pdf (GtkButton *b, gpointer d) { export_as (b, "pdf"); }
static void on_csv (GtkButton *b, gpointer d) { export_as (b, "csv"); }

/**
 * pe_chart_export_button_new:
 *
 * Returns: (transfer floating): a button whose menu exports @model
 */
GtkWidget *
pe_chart_export_button_new (PeChartModel *model)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new (button);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const struct { const char *label; GCallback cb; } items[] = {
    { N_("Image (_PNG)"), G_CALLBACK (on_png) },
    { N_("Vector image (_SVG)"), G_CALLBACK (on_svg) },
    { N_("_PDF"), G_CALLBACK (on_pdf) },
    { N_("Data (_CSV)"), G_CALLBACK (on_csv) },
  };

  g_return_val_if_fail (PE_IS_CHART_MODEL (model), NULL);

  gtk_button_set_image (GTK_BUTTON (button), gtk_image_new_from_icon_name ("document-save-symbolic", GTK_ICON_SIZE_BUTTON));
  gtk_widget_set_tooltip_text (button, _("Export the chart"));
  atk_object_set_name (gtk_widget_get_accessible (button), _("Export the chart"));
  g_object_set (box, "margin", 6, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *item = gtk_model_button_new ();
      g_object_set (item, "text", _(items[i].label), "use-underline", TRUE, NULL);
      g_object_set_data_full (G_OBJECT (item), "pe-chart-model", g_object_ref (model), g_object_unref);
      g_signal_connect (item, "clicked", items[i].cb, NULL);
      gtk_container_add (GTK_CONTAINER (box), item);
    }
  gtk_widget_show_all (box);
  gtk_container_add (GTK_CONTAINER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}
