/* pe-measure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pe-document-private.h"
#include "pe-measure.h"
#include "pe-rc-private.h"

static void
clause_clear (PeClause *self)
{
  g_free (self->measure_id);
  g_free (self->quote);
  g_free (self->quote_en);
}

static void
parameter_clear (PeParameter *self)
{
  g_free (self->id);
  g_clear_pointer (&self->label, pe_text_free);
  g_clear_pointer (&self->clause, pe_clause_unref);
}

static void
target_clear (PeTarget *self)
{
  g_clear_pointer (&self->label, pe_text_free);
  g_clear_pointer (&self->unit, pe_text_free);
  g_clear_pointer (&self->clause, pe_clause_unref);
}

static void
measure_clear (PeMeasure *self)
{
  g_free (self->id);
  g_free (self->number);
  g_free (self->kind);
  g_free (self->deadline);
  g_clear_pointer (&self->title, pe_text_free);
  g_clear_pointer (&self->text, pe_text_free);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
}

void
_pe_link_free (PeLink *link)
{
  g_free (link->document_id);
  g_free (link->measure_id);
  g_clear_pointer (&link->note, pe_text_free);
  g_free (link);
}

PE_DEFINE_RC_BOXED (PeClause, pe_clause, clause_clear)
PE_DEFINE_RC_BOXED (PeParameter, pe_parameter, parameter_clear)
PE_DEFINE_RC_BOXED (PeTarget, pe_target, target_clear)
PE_DEFINE_RC_BOXED (PeMeasure, pe_measure, measure_clear)

/**
 * pe_measure_number_separator:
 *
 * What follows the printed number before the title: "、" after 五, nothing
 * after a bracketed number such as （七）.
 *
 * Returns: (transfer none):
 */
const char *
pe_measure_number_separator (PeMeasure *self)
{
  g_return_val_if_fail (self != NULL, "");

  if (self->number == NULL || *self->number == '\0')
    return "";
  if (g_str_has_suffix (self->number, "）") || g_str_has_suffix (self->number, ")") ||
      g_str_has_suffix (self->number, "."))
    return " ";
  return "、";
}
