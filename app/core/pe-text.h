/* pe-text.h — a text given in Chinese and in English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define PE_TYPE_TEXT (pe_text_get_type ())

/**
 * PeText:
 * @zh: the Chinese text (the original for document data)
 * @en: the English rendering, or %NULL when there is none
 */
typedef struct
{
  char *zh;
  char *en;
} PeText;

/**
 * PeLanguage:
 * @PE_LANGUAGE_ZH: Chinese
 * @PE_LANGUAGE_EN: English
 */
typedef enum
{
  PE_LANGUAGE_ZH,
  PE_LANGUAGE_EN,
} PeLanguage;

GType       pe_text_get_type    (void) G_GNUC_CONST;
PeText     *pe_text_new         (const char   *zh,
                                 const char   *en);
PeText     *pe_text_copy        (const PeText *text);
void        pe_text_free        (PeText       *text);
const char *pe_text_get         (const PeText *text,
                                 PeLanguage    language);
PeLanguage  pe_language_default (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeText, pe_text_free)

G_END_DECLS
