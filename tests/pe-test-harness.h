/* pe-test-harness.h — the shared set-up of the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

void             pe_test_init            (int     *argc,
                                          char  ***argv,
                                          gboolean gtk);
PePluginsEngine *pe_test_engine_new      (void);
void             pe_test_assert_finalized (gpointer object);
void             pe_test_expect_warning  (const char *domain,
                                          const char *pattern);
void             pe_test_assert_expected (void);
void             pe_test_show_window     (GtkWidget  *window);
char            *pe_test_screenshot_path (const char *name);
char            *pe_test_source_path     (const char *relative);

G_END_DECLS
