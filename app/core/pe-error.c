/* pe-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pe-error.h"

G_DEFINE_QUARK (pe-error-quark, pe_error)
