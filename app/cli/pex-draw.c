/* pex-draw.c — the drawing library, opened by the commands that draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pex links the core library alone. The drawing library brings cairo and
 * Pango, and with them some twenty libraries (fontconfig, FreeType,
 * HarfBuzz, the X client libraries) whose mapping was half the time of a
 * start of pex: `chart` and `report` open it here, the other commands
 * never map it.
 *
 * dlopen() is called here rather than through GModule because the library
 * is then looked for as pex's own libraries are: along pex's run path
 * (the build tree's, when pex runs from it), which is that of the object
 * that calls dlopen().
 */
#include "config.h"

#include <dlfcn.h>

#include "pex-private.h"
#include "policy-explorer-draw.h"

#define DRAW_LIBRARY "libpolicy-explorer-draw-" PE_API_VERSION ".so"

typedef struct
{
  __typeof__ (pe_chart_export)     *chart_export;
  __typeof__ (pe_report_new)       *report_new;
  __typeof__ (pe_report_write_pdf) *report_write_pdf;
} DrawLibrary;

static gboolean
find_symbol (void        *handle,
             const char  *name,
             void       **out,
             GError     **error)
{
  if ((*out = dlsym (handle, name)) != NULL)
    return TRUE;
  g_set_error (error, PE_ERROR, PE_ERROR_NOT_FOUND,
               "the drawing library %s has no %s: it is not the one this pex was built with", DRAW_LIBRARY, name);
  return FALSE;
}

/* Opened once, and kept until the process ends. */
static const DrawLibrary *
open_draw_library (GError **error)
{
  static DrawLibrary lib;
  static gboolean opened;
  void *handle;

  if (opened)
    return &lib;

  handle = dlopen (DRAW_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL)
    {
      g_set_error (error, PE_ERROR, PE_ERROR_NOT_FOUND,
                   "drawing needs the library %s, which could not be opened: %s", DRAW_LIBRARY, dlerror ());
      return NULL;
    }
  if (!find_symbol (handle, "pe_chart_export", (void **) &lib.chart_export, error) ||
      !find_symbol (handle, "pe_report_new", (void **) &lib.report_new, error) ||
      !find_symbol (handle, "pe_report_write_pdf", (void **) &lib.report_write_pdf, error))
    return NULL;
  opened = TRUE;
  return &lib;
}

gboolean
pex_chart_export (PeChartModel  *model,
                  const char    *filename,
                  double         width,
                  double         height,
                  GError       **error)
{
  const DrawLibrary *lib = open_draw_library (error);

  return lib != NULL && lib->chart_export (model, filename, width, height, 1, NULL, error);
}

gboolean
pex_report_write_pdf (PeAssessment     *assessment,
                      PePluginsEngine  *engine,
                      PeLanguage        language,
                      const char       *filename,
                      GError          **error)
{
  const DrawLibrary *lib = open_draw_library (error);
  g_autoptr(PeReport) report = NULL;

  if (lib == NULL)
    return FALSE;
  report = lib->report_new (assessment, engine, language);
  return lib->report_write_pdf (report, filename, error);
}
