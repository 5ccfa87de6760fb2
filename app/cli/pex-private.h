/* pex-private.h — what the commands of pex share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define EXIT_USAGE 2

typedef struct
{
  gboolean         json;
  PeLanguage       lang;
  guint32          as_of;
  gboolean         as_of_given;
  guint32          issue_date;
  guint32          second_as_of;
  char            *out;
  PePluginsEngine *engine;
} Pex;

int         fail           (Pex          *pex,
                            int           status,
                            const char   *format,
                            ...) G_GNUC_PRINTF (3, 4);
void        print_json     (JsonNode     *root);
const char *tr             (Pex          *pex,
                            const PeText *text);
char       *pad_to_columns (const char   *text,
                            guint         width);
void        add_text       (JsonBuilder  *b,
                            const char   *name,
                            const PeText *text);
void        add_string     (JsonBuilder  *b,
                            const char   *name,
                            const char   *value);
PeDocument *find_document  (Pex          *pex,
                            const char   *id,
                            int          *status);
void        print_result   (Pex          *pex,
                            PeCalculator *calc,
                            PeResult     *r);

/* pex-draw.c */
gboolean    pex_chart_export     (PeChartModel     *model,
                                  const char       *filename,
                                  double            width,
                                  double            height,
                                  GError          **error);
gboolean    pex_report_write_pdf (PeAssessment     *assessment,
                                  PePluginsEngine  *engine,
                                  PeLanguage        language,
                                  const char       *filename,
                                  GError          **error);

/* pex-profiles.c */
int         cmd_facts      (Pex          *pex,
                            char        **args);
int         cmd_assess     (Pex          *pex,
                            char        **args);
int         cmd_scenario   (Pex          *pex,
                            char        **args);
int         cmd_batch      (Pex          *pex,
                            char        **args);
int         cmd_compare    (Pex          *pex,
                            char        **args);
int         cmd_report     (Pex          *pex,
                            char        **args);

G_END_DECLS
