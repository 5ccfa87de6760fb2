/* main.c — policy-explorer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pe-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PeApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* POLICY_EXPLORER_LOCALEDIR: the catalogues of the build directory */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("POLICY_EXPLORER_LOCALEDIR") ? g_getenv ("POLICY_EXPLORER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pe_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
