/* pe-chart-builder.h — the charts a document declares, as chart models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include "pe-chart-model.h"
#include "pe-document.h"

G_BEGIN_DECLS

PeChartModel *pe_chart_build (PeDocument   *document,
                              PeChartSpec  *spec,
                              PeLanguage    language,
                              guint32       as_of,
                              GError      **error);

G_END_DECLS
