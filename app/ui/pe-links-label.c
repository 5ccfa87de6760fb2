/* pe-links-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Fill in: Output value, Listed": a lead and a list of inputs, each a
 * link whose address is the input's key, in one label that wraps as a
 * sentence does. The caller handles GtkLabel::activate-link, taking the
 * key to its field (and returning TRUE: a key is no address to open).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pe-links-label-private.h"

GtkWidget *
_pe_links_label_new (const char *lead,
                     GPtrArray  *keys,
                     GPtrArray  *labels)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped_lead = g_markup_escape_text (lead, -1);

  g_assert (keys->len == labels->len);

  g_string_append (markup, escaped_lead);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *link = g_markup_printf_escaped ("%s<a href=\"%s\" title=\"%s\">%s</a>",
                                                      i == 0 ? " " : _(", "),
                                                      (const char *) g_ptr_array_index (keys, i),
                                                      _("Go to the field"),
                                                      (const char *) g_ptr_array_index (labels, i));
      g_string_append (markup, link);
    }
  gtk_label_set_markup (GTK_LABEL (label), markup->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_track_visited_links (GTK_LABEL (label), FALSE);
  return label;
}
