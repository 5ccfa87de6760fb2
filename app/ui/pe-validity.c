/* pe-validity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One wording of validity for every page that shows it: the document
 * page, the overview and the comparison. A document whose text states no
 * validity is not called "in force", and one whose start is its unknown
 * issue date says so.
 */
#define G_LOG_DOMAIN "pe-validity"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-validity.h"

static const char *
style_of (PeDocument *doc,
          PeInForce   f)
{
  switch (f)
    {
    case PE_IN_FORCE_YES:
      return pe_document_get_start_rule (doc) == PE_DATE_RULE_NOT_STATED &&
             pe_document_get_end_rule (doc) == PE_DATE_RULE_NOT_STATED ? "unknown" : "in-force";
    case PE_IN_FORCE_EXPIRED:
    case PE_IN_FORCE_NOT_YET:
      return "expired";
    case PE_IN_FORCE_UNKNOWN:
    default:
      return "unknown";
    }
}

/**
 * pe_validity_describe:
 * @in_force: (out) (optional):
 *
 * Returns: (transfer full): "In force until 2023-12-31", "Expired: …"
 */
char *
pe_validity_describe (PeDocument *doc,
                      guint32     as_of,
                      guint32     issue_date,
                      PeInForce  *in_force)
{
  guint32 start, end;
  PeInForce f;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  g_return_val_if_fail (PE_IS_DOCUMENT (doc), NULL);

  f = pe_document_in_force (doc, as_of, issue_date, &start, &end);
  s = start ? pe_date_to_string (start) : NULL;
  e = end ? pe_date_to_string (end) : NULL;
  if (in_force != NULL)
    *in_force = f;

  switch (f)
    {
    case PE_IN_FORCE_YES:
      if (pe_document_get_start_rule (doc) == PE_DATE_RULE_NOT_STATED &&
          pe_document_get_end_rule (doc) == PE_DATE_RULE_NOT_STATED)
        /* nothing to check against: say so rather than "in force" */
        return g_strdup (_("The text states no validity"));
      return e ? g_strdup_printf (_("In force until %s"), e) : g_strdup (_("In force"));
    case PE_IN_FORCE_EXPIRED:
      return g_strdup_printf (_("Expired: in force until %s"), e);
    case PE_IN_FORCE_NOT_YET:
      return g_strdup_printf (_("Not yet in force: from %s"), s);
    case PE_IN_FORCE_UNKNOWN:
    default:
      return g_strdup (_("Validity unknown: the text does not give the issue date"));
    }
}

/* Shows the validity in @label, styled as a status badge. */
void
pe_validity_show (GtkWidget  *label,
                  PeDocument *doc,
                  guint32     as_of,
                  guint32     issue_date)
{
  GtkStyleContext *sc;
  PeInForce f;
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (PE_IS_DOCUMENT (doc));

  text = pe_validity_describe (doc, as_of, issue_date, &f);
  sc = gtk_widget_get_style_context (label);
  gtk_style_context_add_class (sc, "pe-status");
  gtk_style_context_remove_class (sc, "in-force");
  gtk_style_context_remove_class (sc, "expired");
  gtk_style_context_remove_class (sc, "unknown");
  gtk_style_context_add_class (sc, style_of (doc, f));
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* Whether a document is out of force on the date: over, or not begun. */
gboolean
pe_validity_is_over (PeInForce f)
{
  return f == PE_IN_FORCE_EXPIRED || f == PE_IN_FORCE_NOT_YET;
}
