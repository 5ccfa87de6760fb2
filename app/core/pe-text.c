/* pe-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pe-text.h"

/* A text is never changed once made, so a copy is another reference to
 * it: the labels and clauses of a document are shared by every result and
 * trace made from it, however many a batch makes. */
G_DEFINE_BOXED_TYPE (PeText, pe_text, pe_text_copy, pe_text_free)

static void
text_clear (PeText *text)
{
  g_free (text->zh);
  g_free (text->en);
}

PeText *
pe_text_new (const char *zh,
             const char *en)
{
  PeText *text = g_atomic_rc_box_new0 (PeText);

  text->zh = g_strdup (zh);
  text->en = g_strdup (en);
  return text;
}

PeText *
pe_text_copy (const PeText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_atomic_rc_box_acquire ((PeText *) text);
}

void
pe_text_free (PeText *text)
{
  if (text == NULL)
    return;
  g_atomic_rc_box_release_full (text, (GDestroyNotify) text_clear);
}

/**
 * pe_text_get:
 * @text: (nullable): a #PeText
 * @language: the language wanted
 *
 * Returns: the text in @language, falling back to the other language
 *   (never %NULL: an empty string when @text has neither).
 */
const char *
pe_text_get (const PeText *text,
             PeLanguage    language)
{
  if (text == NULL)
    return "";
  if (language == PE_LANGUAGE_EN && text->en != NULL && *text->en != '\0')
    return text->en;
  if (text->zh != NULL && *text->zh != '\0')
    return text->zh;
  return text->en != NULL ? text->en : "";
}

/**
 * pe_language_default:
 *
 * The language of the user interface, from the gettext locale: Chinese
 * when the first language the user asked for is Chinese, else English.
 */
PeLanguage
pe_language_default (void)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i] != NULL; i++)
    {
      if (g_str_has_prefix (langs[i], "zh"))
        return PE_LANGUAGE_ZH;
      if (strcmp (langs[i], "C") != 0 && strcmp (langs[i], "POSIX") != 0)
        return PE_LANGUAGE_EN;
    }
  return PE_LANGUAGE_EN;
}
