/* test-python.c — a plugin written in Python, in the window and alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "pe-application.h"
#include "pe-document-page.h"
#include "pe-test-harness.h"
#include "pe-window.h"

static void
test_python_plugin (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeasPluginInfo *info = peas_engine_get_plugin_info (PEAS_ENGINE (engine), "example_python");
  g_autoptr(GError) error = NULL;
  PeWindow *window;
  GtkWidget *page, *stack = NULL;
  PeDocument *doc;
  GList *children;

  g_assert_nonnull (info);
  g_assert_cmpstr (peas_plugin_info_get_external_data (info, "Policy-Explorer-API"), ==, "1");
  g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), info));

  /* the document, read by the core as any other */
  doc = pe_plugins_engine_get_document (engine, info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pe_document_get_id (doc), ==, "example-python");
  {
    g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(PeResult) r = NULL;

    g_hash_table_insert (in, "fee", "120000");
    r = pe_calculator_evaluate (pe_document_get_calculator (doc, "cloud"), in, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pe_result_get_amount (r), ==, 36000);
  }

  /* and its own tab on its page, from PeGtk.PageActivatable in Python */
  window = pe_window_new (NULL, engine, NULL);
  gtk_widget_show (GTK_WIDGET (window));
  page = pe_window_show_document (window, "example-python");
  g_assert_true (PE_IS_DOCUMENT_PAGE (page));
  children = gtk_container_get_children (GTK_CONTAINER (page));
  for (GList *l = children; l; l = l->next)
    if (GTK_IS_STACK (l->data))
      stack = l->data;
  g_list_free (children);
  g_assert_nonnull (stack);
  g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (stack), "figures"));

  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (engine);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, TRUE);
  pe_ui_init_resources ();
  g_test_add_func ("/python/plugin", test_python_plugin);
  return g_test_run ();
}
