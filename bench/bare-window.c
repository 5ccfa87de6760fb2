/* bare-window.c — the floor of start-up: a bare GTK 3 application window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every GTK 3 program pays before its first frame, and nothing
 * more: a GtkApplication (so it registers on the session bus as the app
 * does), a window of the app's default size with a header bar and a
 * label. Start-up figures of policy-explorer are given as multiples of
 * this window's, measured in the same run.
 */
#include <gtk/gtk.h>

static void
activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *header = gtk_header_bar_new ();

  gtk_header_bar_set_title (GTK_HEADER_BAR (header), "Bare window");
  gtk_header_bar_set_show_close_button (GTK_HEADER_BAR (header), TRUE);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  /* the default size of policy-explorer's window */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  gtk_container_add (GTK_CONTAINER (window), gtk_label_new ("A bare GTK 3 window"));
  gtk_widget_show_all (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app =
    gtk_application_new ("io.github.policyexplorer.BareWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
