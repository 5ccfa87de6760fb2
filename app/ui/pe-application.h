/* pe-application.h — the Policy Explorer application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_APPLICATION (pe_application_get_type ())

G_DECLARE_FINAL_TYPE (PeApplication, pe_application, PE, APPLICATION, GtkApplication)

PeApplication   *pe_application_new        (void);
PePluginsEngine *pe_application_get_engine (PeApplication *self);
void             pe_ui_init_resources      (void);

G_END_DECLS
