/* test-ui.c — the window and the manufacturing page, driven in process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pe-application.h"
#include "pe-calculator-form.h"
#include "pe-chart-view.h"
#include "pe-document-page.h"
#include "pe-item-lists.h"
#include "pe-measure-list.h"
#include "pe-search-results.h"
#include "pe-test-harness.h"
#include "pe-window.h"

typedef struct
{
  PePluginsEngine *engine;
  PeWindow        *window;
} Fixture;

static void
load_plugin (PePluginsEngine *engine,
             const char      *module)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (PEAS_ENGINE (engine), module);

  g_assert_nonnull (info);
  g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (engine), info));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->engine = pe_test_engine_new ();
  load_plugin (f->engine, "manufacturing");
  f->window = pe_window_new (NULL, f->engine, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  pe_test_show_window (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_widget_destroy (GTK_WIDGET (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (f->engine);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = pe_test_screenshot_path (name);
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  gtk_test_widget_wait_for_draw (gtk_widget_get_toplevel (widget));
  w = gtk_widget_get_allocated_width (widget);
  h = gtk_widget_get_allocated_height (widget);
  g_assert_cmpint (w, >, 100);
  g_assert_cmpint (h, >, 100);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gtk_widget_draw (widget, cr);
  cairo_destroy (cr);
  if (path != NULL)
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* The document rows of the sidebar, after the explorer's own pages. */
static GList *
document_rows (PeWindow *window)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (pe_window_get_sidebar (window)));
  GList *docs = NULL;

  for (GList *l = rows; l; l = l->next)
    if (!g_str_has_prefix (gtk_widget_get_name (l->data), "page:"))
      docs = g_list_append (docs, l->data);
  g_list_free (rows);
  return docs;
}

static void
test_sidebar_is_lazy (Fixture       *f,
                      gconstpointer  data)
{
  GList *rows = document_rows (f->window);

  /* the sidebar comes from the .plugin file; the overview, shown first,
   * sums the documents up and so reads them, but builds no document's
   * page */
  g_assert_cmpuint (g_list_length (rows), ==, 1);
  g_assert_cmpstr (gtk_widget_get_name (rows->data), ==, "manufacturing");
  g_assert_cmpuint (pe_window_count_pages (f->window), ==, 0);
  g_list_free (rows);

  g_assert_nonnull (pe_window_show_document (f->window, "manufacturing"));
  g_assert_cmpuint (pe_plugins_engine_count_parsed (f->engine), ==, 1);
  g_assert_cmpuint (pe_window_count_pages (f->window), ==, 1);

  /* the plugin's own tab, added through PePageActivatable */
  {
    GtkWidget *page = pe_window_get_visible_page (f->window);
    GtkWidget *stack = NULL;
    GList *children = gtk_container_get_children (GTK_CONTAINER (page));

    for (GList *l = children; l; l = l->next)
      if (GTK_IS_STACK (l->data))
        stack = l->data;
    g_list_free (children);
    g_assert_nonnull (stack);
    g_assert_nonnull (gtk_stack_get_child_by_name (GTK_STACK (stack), "levels"));
    pe_document_page_show_section (PE_DOCUMENT_PAGE (page), "levels");
    screenshot (GTK_WIDGET (f->window), "manufacturing-levels");
    pe_document_page_show_section (PE_DOCUMENT_PAGE (page), "measures");
  }

  /* shown again: the same page, not read again */
  g_assert_nonnull (pe_window_show_document (f->window, "manufacturing"));
  g_assert_cmpuint (pe_plugins_engine_count_parsed (f->engine), ==, 1);
  g_assert_cmpuint (pe_window_count_pages (f->window), ==, 1);
  screenshot (GTK_WIDGET (f->window), "manufacturing-measures");
}

static void
test_measure_filter (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = pe_window_show_document (f->window, "manufacturing");
  PeMeasureList *list = PE_MEASURE_LIST (pe_document_page_get_measure_list (PE_DOCUMENT_PAGE (page)));

  g_assert_cmpuint (pe_measure_list_count_visible (list), ==, 15);
  pe_measure_list_set_filter (list, "云服务");          /* Chinese text */
  g_assert_cmpuint (pe_measure_list_count_visible (list), ==, 1);
  pe_measure_list_set_filter (list, "CLOUD");           /* English, any case */
  g_assert_cmpuint (pe_measure_list_count_visible (list), ==, 1);
  pe_measure_list_set_filter (list, "Postal");           /* a responsible unit */
  g_assert_cmpuint (pe_measure_list_count_visible (list), ==, 1);
  pe_measure_list_set_filter (list, "no such words");
  g_assert_cmpuint (pe_measure_list_count_visible (list), ==, 0);
  pe_measure_list_set_filter (list, NULL);
  g_assert_cmpuint (pe_measure_list_count_visible (list), ==, 15);
}

static PeCalculatorForm *
open_calculator (Fixture    *f,
                 const char *id)
{
  GtkWidget *page = pe_window_show_document (f->window, "manufacturing");
  GtkWidget *form;

  form = pe_document_page_show_calculator (PE_DOCUMENT_PAGE (page), id);
  g_assert_true (PE_IS_CALCULATOR_FORM (form));
  return PE_CALCULATOR_FORM (form);
}

static void
set_as_of (Fixture    *f,
           const char *date)
{
  GtkWidget *page = pe_window_get_visible_page (f->window);
  guint32 julian;

  g_assert_true (pe_date_parse (date, &julian));
  pe_document_page_set_as_of (PE_DOCUMENT_PAGE (page), julian);
}

/* The first widget named @name at or under @widget, or NULL. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  GtkWidget *found = g_strcmp0 (gtk_widget_get_name (widget), name) == 0 ? widget : NULL;

  if (found == NULL && GTK_IS_CONTAINER (widget))
    {
      GList *children = gtk_container_get_children (GTK_CONTAINER (widget));
      for (GList *l = children; l && found == NULL; l = l->next)
        found = find_named (l->data, name);
      g_list_free (children);
    }
  return found;
}

static void
test_calculator_form (Fixture       *f,
                      gconstpointer  data)
{
  PeCalculatorForm *form = open_calculator (f, "technical-upgrade");
  GtkWidget *entry = pe_calculator_form_get_field_widget (form, "investment");

  set_as_of (f, "2022-06-01");
  g_assert_true (GTK_IS_ENTRY (entry));

  /* typed, as a person would */
  gtk_widget_grab_focus (entry);
  gtk_entry_set_text (GTK_ENTRY (entry), "3000万");
  g_assert_true (pe_calculator_form_set_text (form, "enterprise", "star"));
  g_assert_null (pe_calculator_form_get_field_error (form, "investment"));
  g_assert_true (pe_calculator_form_compute (form));

  /* 7 % × 1.1 = 7.7 % of 30,000,000 = 2,310,000, an upper bound */
  g_assert_cmpint (pe_result_get_amount (pe_calculator_form_get_result (form)), ==, 2310000);
  g_assert_true (pe_result_get_is_maximum (pe_calculator_form_get_result (form)));
  g_assert_nonnull (g_strstr_len (pe_calculator_form_get_summary (form), -1, "Up to 2,310,000 yuan"));
  screenshot (GTK_WIDGET (f->window), "manufacturing-technical-upgrade");

  /* the same input after the document expired: not eligible, with what it gave */
  set_as_of (f, "2024-01-01");
  g_assert_cmpint (pe_result_get_verdict (pe_calculator_form_get_result (form)), ==, PE_VERDICT_NOT_ELIGIBLE);
  g_assert_nonnull (g_strstr_len (pe_calculator_form_get_summary (form), -1, "while the document was in force"));
}

static void
test_form_refuses_bad_input (Fixture       *f,
                             gconstpointer  data)
{
  PeCalculatorForm *form = open_calculator (f, "cloud");
  GtkWidget *entry = pe_calculator_form_get_field_widget (form, "fee");
  GtkWidget *calculate = NULL;
  GtkWidget *missing;
  gboolean handled = FALSE;

  gtk_entry_set_text (GTK_ENTRY (entry), "200000");
  g_assert_true (pe_calculator_form_compute (form));
  g_assert_nonnull (pe_calculator_form_get_result (form));

  /* editing an input takes the old result away */
  gtk_entry_set_text (GTK_ENTRY (entry), "12a");
  g_assert_null (pe_calculator_form_get_result (form));
  g_assert_null (pe_calculator_form_get_summary (form));
  g_assert_nonnull (pe_calculator_form_get_field_error (form, "fee"));
  g_assert_nonnull (g_strstr_len (pe_calculator_form_get_field_error (form, "fee"), -1, "is not a number"));
  g_assert_false (pe_calculator_form_compute (form));
  g_assert_null (pe_calculator_form_get_result (form));

  gtk_entry_set_text (GTK_ENTRY (entry), "-5");
  g_assert_nonnull (g_strstr_len (pe_calculator_form_get_field_error (form, "fee"), -1, "must not be negative"));
  screenshot (GTK_WIDGET (f->window), "manufacturing-bad-input");

  gtk_entry_set_text (GTK_ENTRY (entry), "");
  g_assert_null (pe_calculator_form_get_field_error (form, "fee"));
  /* empty: the result cannot be decided, and says which input it needs */
  g_assert_true (pe_calculator_form_compute (form));
  g_assert_cmpint (pe_result_get_verdict (pe_calculator_form_get_result (form)), ==, PE_VERDICT_CANNOT_DECIDE);
  missing = find_named (GTK_WIDGET (form), "missing");
  g_assert_true (GTK_IS_LABEL (missing));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (missing)), ==, "Fill in: Annual cloud service fee");
  /* the input named leads to its field */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  g_assert_false (gtk_widget_is_focus (entry));
  g_signal_emit_by_name (missing, "activate-link", "fee", &handled);
  g_assert_true (handled);
  g_assert_true (gtk_widget_is_focus (entry));
  (void) calculate;
}

static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *page = pe_window_show_document (f->window, "manufacturing");
  GList *views;

  pe_document_page_show_section (PE_DOCUMENT_PAGE (page), "charts");
  views = pe_document_page_get_chart_views (PE_DOCUMENT_PAGE (page));
  g_assert_cmpuint (g_list_length (views), ==, 5);
  for (GList *l = views; l; l = l->next)
    {
      PeChartModel *model = pe_chart_view_get_model (l->data);
      AtkObject *acc = gtk_widget_get_accessible (l->data);

      g_assert_nonnull (model);
      /* the chart's text summary is there for assistive technology */
      g_assert_nonnull (atk_object_get_description (acc));
      g_assert_cmpuint (strlen (atk_object_get_description (acc)), >, 10);
    }
  g_list_free (views);
  screenshot (GTK_WIDGET (f->window), "manufacturing-charts");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *page;

  /* Chinese, English in another case, full-width, traditional, two words */
  g_assert_cmpuint (pe_window_search (f->window, "云服务"), ==, 1);
  g_assert_cmpuint (pe_window_search (f->window, "CLOUD"), ==, 1);
  g_assert_cmpuint (pe_window_search (f->window, "ＣＬＯＵＤ"), ==, 1);
  g_assert_cmpuint (pe_window_search (f->window, "雲服務"), ==, 1);
  g_assert_cmpuint (pe_window_search (f->window, "补差"), ==, 3);          /* measures 8, 11, 13 */
  g_assert_cmpuint (pe_window_search (f->window, "design 补差"), ==, 1);   /* every word must match */
  g_assert_cmpuint (pe_window_search (f->window, "补差"), ==, 3);
  screenshot (GTK_WIDGET (f->window), "search");
  g_assert_cmpuint (pe_window_search (f->window, "no such words anywhere"), ==, 0);

  /* a result opens its measure in its page */
  g_assert_cmpuint (pe_window_search (f->window, "物流示范园区"), ==, 1);
  g_assert_true (pe_search_results_activate_first (PE_SEARCH_RESULTS (pe_window_get_visible_page (f->window))));
  page = pe_window_get_visible_page (f->window);
  g_assert_true (PE_IS_DOCUMENT_PAGE (page));
  g_assert_cmpstr (pe_document_get_id (pe_document_page_get_document (PE_DOCUMENT_PAGE (page))), ==, "manufacturing");
}

static double
luminance (const PeChartColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static void
test_dark_theme (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *page = pe_window_show_document (f->window, "manufacturing");
  GtkSettings *settings = gtk_settings_get_default ();
  PeChartPalette light, dark;
  GList *views;

  pe_document_page_show_section (PE_DOCUMENT_PAGE (page), "charts");
  views = pe_document_page_get_chart_views (PE_DOCUMENT_PAGE (page));
  g_assert_nonnull (views);
  pe_chart_view_get_palette (views->data, &light);

  /* the colours follow a theme switch, read again at each draw */
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pe_chart_view_get_palette (views->data, &dark);
  screenshot (GTK_WIDGET (f->window), "manufacturing-charts-dark");
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);

  g_assert_cmpfloat (luminance (&light.foreground), <, 0.5);
  g_assert_cmpfloat (luminance (&dark.foreground), >, 0.5);
  g_list_free (views);
}

static void
test_unload_removes_every_trace (Fixture       *f,
                                 gconstpointer  data)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (PEAS_ENGINE (f->engine), "manufacturing");
  GList *rows;

  pe_window_show_document (f->window, "manufacturing");
  g_assert_cmpuint (pe_window_count_pages (f->window), ==, 1);

  g_assert_true (peas_engine_unload_plugin (PEAS_ENGINE (f->engine), info));
  rows = document_rows (f->window);
  g_assert_null (rows);
  g_assert_cmpuint (pe_window_count_pages (f->window), ==, 0);
  g_assert_null (pe_plugins_engine_peek_document (f->engine, info));

  /* and back */
  g_assert_true (peas_engine_load_plugin (PEAS_ENGINE (f->engine), info));
  rows = document_rows (f->window);
  g_assert_cmpuint (g_list_length (rows), ==, 1);
  g_list_free (rows);
  g_assert_nonnull (pe_window_show_document (f->window, "manufacturing"));
}

/* A target tracker: the figures entered, and the progress drawn as bars. */
static void
test_tracker_chart (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeWindow *window;
  GtkWidget *page, *form;
  PeResult *r;

  pe_plugins_engine_load_all (engine);
  window = pe_window_new (NULL, engine, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_show (GTK_WIDGET (window));

  page = pe_window_show_document (window, "industry-education");
  if (page == NULL)
    {
      g_test_skip ("the industry-education plugin is not built");
      gtk_widget_destroy (GTK_WIDGET (window));
      g_object_unref (engine);
      return;
    }
  form = pe_document_page_show_calculator (PE_DOCUMENT_PAGE (page), "double-hundred-fifty");
  g_assert_true (PE_IS_CALCULATOR_FORM (form));
  g_assert_null (find_named (form, "result-chart"));
  pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), "clusters", "60");
  pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), "enterprises", "100");
  pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), "schools", "5");
  g_assert_true (pe_calculator_form_compute (PE_CALCULATOR_FORM (form)));
  r = pe_calculator_form_get_result (PE_CALCULATOR_FORM (form));
  g_assert_nonnull (r);
  g_assert_nonnull (find_named (form, "result-chart"));
  screenshot (GTK_WIDGET (window), "tracker");

  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

static char *
output_text (PeResult   *r,
             const char *id)
{
  GPtrArray *outs = pe_result_get_outputs (r);

  for (guint i = 0; i < outs->len; i++)
    {
      PeOutput *o = g_ptr_array_index (outs, i);
      if (g_str_equal (o->id, id))
        return pe_value_to_string (o->type, &o->value);
    }
  return NULL;
}

/* A list of holidays typed into a form: the working days skip them, a bad
 * date is named at the field, and an empty list says weekends only. */
static void
test_holidays_field (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeWindow *window;
  GtkWidget *page, *form, *entry;
  g_autofree char *due = NULL;
  g_autofree char *calendar = NULL;
  const char *error;

  pe_plugins_engine_load_all (engine);
  window = pe_window_new (NULL, engine, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_show (GTK_WIDGET (window));

  page = pe_window_show_document (window, "land");
  if (page == NULL)
    {
      g_test_skip ("the land plugin is not built");
      gtk_widget_destroy (GTK_WIDGET (window));
      g_object_unref (engine);
      return;
    }
  form = pe_document_page_show_calculator (PE_DOCUMENT_PAGE (page), "approval-deadline");
  g_assert_true (PE_IS_CALCULATOR_FORM (form));
  entry = pe_calculator_form_get_field_widget (PE_CALCULATOR_FORM (form), "holidays");
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_nonnull (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)));

  g_assert_true (pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), "procedure", "planning_permit"));
  g_assert_true (pe_calculator_form_set_text (PE_CALCULATOR_FORM (form), "accepted", "2021-06-10"));

  /* no holidays: Thu 10 June + 3 = Tue 15 June, and it says weekends only */
  g_assert_true (pe_calculator_form_compute (PE_CALCULATOR_FORM (form)));
  due = output_text (pe_calculator_form_get_result (PE_CALCULATOR_FORM (form)), "due");
  calendar = output_text (pe_calculator_form_get_result (PE_CALCULATOR_FORM (form)), "calendar");
  g_assert_cmpstr (due, ==, "2021-06-15");
  g_assert_cmpstr (calendar, ==, "weekends_only");
  g_clear_pointer (&due, g_free);
  g_clear_pointer (&calendar, g_free);

  /* the Dragon Boat Festival, Monday 14 June, typed: Wed 16 June */
  gtk_entry_set_text (GTK_ENTRY (entry), "2021-06-14");
  g_assert_null (pe_calculator_form_get_field_error (PE_CALCULATOR_FORM (form), "holidays"));
  g_assert_true (pe_calculator_form_compute (PE_CALCULATOR_FORM (form)));
  due = output_text (pe_calculator_form_get_result (PE_CALCULATOR_FORM (form)), "due");
  calendar = output_text (pe_calculator_form_get_result (PE_CALCULATOR_FORM (form)), "calendar");
  g_assert_cmpstr (due, ==, "2021-06-16");
  g_assert_cmpstr (calendar, ==, "holidays_given");
  screenshot (GTK_WIDGET (window), "land-holidays");

  /* a date that does not exist: named at the field, and no result */
  gtk_entry_set_text (GTK_ENTRY (entry), "2021-06-14, 2021-06-31");
  error = pe_calculator_form_get_field_error (PE_CALCULATOR_FORM (form), "holidays");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "“2021-06-31”"));
  g_assert_false (pe_calculator_form_compute (PE_CALCULATOR_FORM (form)));
  g_assert_null (pe_calculator_form_get_result (PE_CALCULATOR_FORM (form)));
  screenshot (GTK_WIDGET (window), "land-holidays-bad");

  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

static const char *
visible_section (GtkWidget *page)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (page));
  const char *name = NULL;

  for (GList *l = children; l; l = l->next)
    if (GTK_IS_STACK (l->data) && g_strcmp0 (gtk_widget_get_name (l->data), "sections") == 0)
      name = gtk_stack_get_visible_child_name (l->data);
  g_list_free (children);
  return name;
}

/* A document's lists: shown on its page, filtered there, and found by the
 * search across documents, which opens the list filtered on the words. */
static void
test_item_lists (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeWindow *window;
  GtkWidget *page, *lists, *results;
  GtkListBoxRow *item_row = NULL;
  GList *rows;

  pe_plugins_engine_load_all (engine);
  window = pe_window_new (NULL, engine, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_show (GTK_WIDGET (window));

  page = pe_window_show_document (window, "household-registration");
  if (page == NULL)
    {
      g_test_skip ("the household-registration plugin is not built");
      gtk_widget_destroy (GTK_WIDGET (window));
      g_object_unref (engine);
      return;
    }
  lists = pe_document_page_get_item_lists (PE_DOCUMENT_PAGE (page));
  g_assert_true (PE_IS_ITEM_LISTS (lists));
  /* 40 on the phone, 15 self-service, 10 fully online */
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), NULL), ==, 65);
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), "phone"), ==, 40);
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), "self-service"), ==, 15);

  /* English in another case: the three progress enquiries of each of two lists, two online */
  pe_item_lists_set_filter (PE_ITEM_LISTS (lists), "PROGRESS");
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), "phone"), ==, 3);
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), "self-service"), ==, 3);
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), "online"), ==, 2);
  /* traditional characters fold: 證 is 证; every word must match */
  pe_item_lists_set_filter (PE_ITEM_LISTS (lists), "居住證 地址");
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), NULL), ==, 2);
  pe_item_lists_set_filter (PE_ITEM_LISTS (lists), "no such service");
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), NULL), ==, 0);
  pe_item_lists_set_filter (PE_ITEM_LISTS (lists), NULL);
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), NULL), ==, 65);

  /* the search across documents finds the item; activating it opens the list */
  g_assert_cmpuint (pe_window_search (window, "擦写"), >=, 2);
  results = pe_window_get_visible_page (window);
  rows = gtk_container_get_children (GTK_CONTAINER (pe_search_results_get_list (PE_SEARCH_RESULTS (results))));
  for (GList *l = rows; l && item_row == NULL; l = l->next)
    if (g_strcmp0 (g_object_get_data (l->data, "pe-list-id"), "self-service") == 0)
      item_row = l->data;
  g_list_free (rows);
  g_assert_nonnull (item_row);
  g_signal_emit_by_name (pe_search_results_get_list (PE_SEARCH_RESULTS (results)), "row-activated", item_row);
  page = pe_window_get_visible_page (window);
  g_assert_true (PE_IS_DOCUMENT_PAGE (page));
  g_assert_cmpstr (visible_section (page), ==, "lists");
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), NULL), ==, 1);
  g_assert_cmpuint (pe_item_lists_count_visible (PE_ITEM_LISTS (lists), "self-service"), ==, 1);
  screenshot (GTK_WIDGET (window), "household-registration-lists-found");

  pe_item_lists_set_filter (PE_ITEM_LISTS (lists), NULL);
  screenshot (GTK_WIDGET (window), "household-registration-lists");

  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

/* Every document found: its page opens, and its calculators and charts
 * come up; a screenshot of each tab is kept. */
static void
test_every_document (void)
{
  PePluginsEngine *engine = pe_test_engine_new ();
  PeWindow *window;
  GList *plugins;

  pe_plugins_engine_load_all (engine);
  window = pe_window_new (NULL, engine, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_show (GTK_WIDGET (window));

  plugins = pe_plugins_engine_get_document_plugins (engine);
  g_assert_nonnull (plugins);
  for (GList *l = plugins; l; l = l->next)
    {
      const char *id = pe_plugin_info_get_document_id (l->data);
      GtkWidget *page = pe_window_show_document (window, id);
      PeDocument *doc;
      GPtrArray *calcs;
      g_autofree char *shot = NULL;

      g_test_message ("document %s", id);
      g_assert_true (PE_IS_DOCUMENT_PAGE (page));
      doc = pe_document_page_get_document (PE_DOCUMENT_PAGE (page));
      calcs = pe_document_get_calculators (doc);
      if (calcs->len > 0)
        {
          PeCalculator *c = g_ptr_array_index (calcs, 0);
          GtkWidget *form = pe_document_page_show_calculator (PE_DOCUMENT_PAGE (page), c->id);

          g_assert_true (PE_IS_CALCULATOR_FORM (form));
          /* with nothing filled in, a result still comes: it names what is missing */
          g_assert_true (pe_calculator_form_compute (PE_CALCULATOR_FORM (form)));
          shot = g_strdup_printf ("%s-calculator", id);
          screenshot (GTK_WIDGET (window), shot);
          g_free (shot);
        }
      pe_document_page_show_section (PE_DOCUMENT_PAGE (page), "charts");
      {
        GList *views = pe_document_page_get_chart_views (PE_DOCUMENT_PAGE (page));
        g_assert_cmpuint (g_list_length (views), ==, pe_document_get_charts (doc)->len);
        g_list_free (views);
      }
      shot = g_strdup_printf ("%s-charts", id);
      screenshot (GTK_WIDGET (window), shot);
    }
  g_list_free (plugins);

  gtk_widget_destroy (GTK_WIDGET (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  pe_test_assert_finalized (engine);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, TRUE);
  pe_ui_init_resources ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/sidebar-is-lazy", test_sidebar_is_lazy);
  ADD ("/ui/measure-filter", test_measure_filter);
  ADD ("/ui/calculator-form", test_calculator_form);
  ADD ("/ui/form-refuses-bad-input", test_form_refuses_bad_input);
  ADD ("/ui/charts", test_charts);
  ADD ("/ui/search", test_search);
  ADD ("/ui/dark-theme", test_dark_theme);
  ADD ("/ui/unload-removes-every-trace", test_unload_removes_every_trace);
#undef ADD
  g_test_add_func ("/ui/every-document", test_every_document);
  g_test_add_func ("/ui/tracker-chart", test_tracker_chart);
  g_test_add_func ("/ui/holidays-field", test_holidays_field);
  g_test_add_func ("/ui/item-lists", test_item_lists);

  return g_test_run ();
}
