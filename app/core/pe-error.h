/* pe-error.h — the error domain of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define PE_ERROR (pe_error_quark ())

typedef enum
{
  PE_ERROR_INVALID_INPUT,   /* a value typed or passed by the user is wrong */
  PE_ERROR_MISSING_INPUT,   /* a required value was not given */
  PE_ERROR_INVALID_DATA,    /* a document data file is malformed */
  PE_ERROR_OVERFLOW,        /* a computation left the range of gint64 */
  PE_ERROR_NOT_FOUND,       /* no such document, measure or calculator */
  PE_ERROR_PLUGIN,          /* a plugin could not be loaded */
  PE_ERROR_API_VERSION,     /* a plugin was built for another API version */
} PeError;

GQuark pe_error_quark (void);

G_END_DECLS
