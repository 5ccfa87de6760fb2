/* pe-calculator-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form is generated from the calculator's fields, each a
 * PeFieldEditor (shared with the profile form): checked as it is typed
 * with the same parser as the command line, a wrong value named at the
 * field. The Calculate button stays off until every value can be read.
 */
#define G_LOG_DOMAIN "pe-calculator-form"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-calculator-form.h"
#include "pe-field-editor.h"
#include "pe-result-view.h"

struct _PeCalculatorForm
{
  GtkBox         parent_instance;

  PeCalculator  *calculator;
  PeEvalOptions  options;
  GPtrArray     *editors;    /* PeFieldEditor, in form order */
  GtkWidget     *grid;
  GtkWidget     *calculate;
  GtkWidget     *result_view;
  PeResult      *result;
};

G_DEFINE_FINAL_TYPE (PeCalculatorForm, pe_calculator_form, GTK_TYPE_BOX)

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static PeFieldEditor *
find_editor (PeCalculatorForm *self,
             const char       *field_id)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      PeFieldEditor *e = g_ptr_array_index (self->editors, i);
      if (g_str_equal (pe_field_editor_get_field (e)->id, field_id))
        return e;
    }
  return NULL;
}

static void
update_sensitivity (PeCalculatorForm *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->editors->len; i++)
    if (pe_field_editor_get_error (g_ptr_array_index (self->editors, i)) != NULL)
      ok = FALSE;
  gtk_widget_set_sensitive (self->calculate, ok);
}

static void
on_field_changed (PeFieldEditor    *editor,
                  PeCalculatorForm *self)
{
  update_sensitivity (self);
  /* a result shown beside inputs it was not computed from would mislead */
  if (self->result != NULL || gtk_widget_get_visible (self->result_view))
    {
      g_clear_object (&self->result);
      pe_result_view_clear (PE_RESULT_VIEW (self->result_view));
    }
}

static void
on_entry_activate (GtkEntry         *entry,
                   PeCalculatorForm *self)
{
  if (gtk_widget_get_sensitive (self->calculate))
    pe_calculator_form_compute (self);
}

static void
on_focus_field (PeResultView     *view,
                const char       *field_id,
                PeCalculatorForm *self)
{
  PeFieldEditor *e = find_editor (self, field_id);

  if (e != NULL)
    gtk_widget_grab_focus (pe_field_editor_get_widget (e));
}

static void
add_row (PeCalculatorForm *self,
         PeField          *f,
         int               top)
{
  PeFieldEditor *e = pe_field_editor_new (f, TRUE);
  GtkWidget *w = pe_field_editor_get_widget (e);

  g_ptr_array_add (self->editors, e);
  pe_field_editor_attach (e, GTK_GRID (self->grid), top);
  g_signal_connect_object (e, "changed", G_CALLBACK (on_field_changed), self, 0);
  if (GTK_IS_ENTRY (w))
    g_signal_connect_object (w, "activate", G_CALLBACK (on_entry_activate), self, 0);
}

/**
 * pe_calculator_form_compute:
 *
 * Evaluates the calculator with what the form holds.
 *
 * Returns: %TRUE when a result is shown
 */
gboolean
pe_calculator_form_compute (PeCalculatorForm *self)
{
  g_autoptr(GHashTable) inputs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), FALSE);

  for (guint i = 0; i < self->editors->len; i++)
    {
      PeFieldEditor *e = g_ptr_array_index (self->editors, i);
      char *text;

      if (!pe_field_editor_validate (e))
        {
          pe_result_view_set_error (PE_RESULT_VIEW (self->result_view), pe_field_editor_get_error (e));
          g_clear_object (&self->result);
          update_sensitivity (self);
          return FALSE;
        }
      if ((text = pe_field_editor_get_text (e)) != NULL)
        g_hash_table_insert (inputs, pe_field_editor_get_field (e)->id, text);
    }

  g_clear_object (&self->result);
  self->result = pe_calculator_evaluate (self->calculator, inputs, &self->options, &error);
  if (self->result == NULL)
    {
      pe_result_view_set_error (PE_RESULT_VIEW (self->result_view), error->message);
      return FALSE;
    }
  pe_result_view_set_result (PE_RESULT_VIEW (self->result_view), self->calculator, self->result);
  return TRUE;
}

static void
on_calculate (GtkButton        *button,
              PeCalculatorForm *self)
{
  pe_calculator_form_compute (self);
}

static void
on_reset (GtkButton        *button,
          PeCalculatorForm *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    pe_field_editor_reset (g_ptr_array_index (self->editors, i));
  g_clear_object (&self->result);
  pe_result_view_clear (PE_RESULT_VIEW (self->result_view));
}

static void
build (PeCalculatorForm *self)
{
  PeCalculator *c = self->calculator;
  GtkWidget *title, *buttons, *reset;
  int top = 0;
  gboolean readings_header = FALSE;

  title = gtk_label_new (tr (c->title));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_line_wrap (GTK_LABEL (title), TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (title), "pe-document-title");
  gtk_container_add (GTK_CONTAINER (self), title);
  if (c->description != NULL)
    {
      GtkWidget *d = gtk_label_new (tr (c->description));
      gtk_label_set_xalign (GTK_LABEL (d), 0);
      gtk_label_set_line_wrap (GTK_LABEL (d), TRUE);
      gtk_style_context_add_class (gtk_widget_get_style_context (d), "pe-subtitle");
      gtk_container_add (GTK_CONTAINER (self), d);
    }

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 10);
  gtk_widget_set_margin_top (self->grid, 6);

  for (guint i = 0; i < c->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (c->fields, i);
      if (f->role == PE_FIELD_ROLE_INPUT)
        {
          add_row (self, f, top);
          top += 2;
        }
    }
  for (guint i = 0; i < c->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (c->fields, i);
      if (f->role != PE_FIELD_ROLE_READING)
        continue;
      if (!readings_header)
        {
          GtkWidget *h = gtk_label_new (_("How to read the text"));
          gtk_label_set_xalign (GTK_LABEL (h), 0);
          gtk_style_context_add_class (gtk_widget_get_style_context (h), "pe-section-title");
          gtk_grid_attach (GTK_GRID (self->grid), h, 0, top++, 3, 1);
          readings_header = TRUE;
        }
      add_row (self, f, top);
      top += 2;
    }
  gtk_container_add (GTK_CONTAINER (self), self->grid);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->calculate = gtk_button_new_with_mnemonic (_("_Calculate"));
  gtk_widget_set_name (self->calculate, "calculate");
  gtk_style_context_add_class (gtk_widget_get_style_context (self->calculate), "suggested-action");
  reset = gtk_button_new_with_mnemonic (_("_Reset"));
  g_signal_connect (self->calculate, "clicked", G_CALLBACK (on_calculate), self);
  g_signal_connect (reset, "clicked", G_CALLBACK (on_reset), self);
  gtk_box_pack_end (GTK_BOX (buttons), self->calculate, FALSE, FALSE, 0);
  gtk_box_pack_end (GTK_BOX (buttons), reset, FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (self), buttons);

  self->result_view = pe_result_view_new ();
  gtk_widget_set_no_show_all (self->result_view, TRUE);
  g_signal_connect (self->result_view, "focus-field", G_CALLBACK (on_focus_field), self);
  gtk_container_add (GTK_CONTAINER (self), self->result_view);
}

static void
pe_calculator_form_finalize (GObject *object)
{
  PeCalculatorForm *self = PE_CALCULATOR_FORM (object);

  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->calculator, pe_calculator_unref);
  g_clear_object (&self->result);
  G_OBJECT_CLASS (pe_calculator_form_parent_class)->finalize (object);
}

static void
pe_calculator_form_class_init (PeCalculatorFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_calculator_form_finalize;
}

static void
pe_calculator_form_init (PeCalculatorForm *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
pe_calculator_form_new (PeCalculator *calculator)
{
  PeCalculatorForm *self;

  g_return_val_if_fail (calculator != NULL, NULL);

  self = g_object_new (PE_TYPE_CALCULATOR_FORM, NULL);
  self->calculator = pe_calculator_ref (calculator);
  build (self);
  return GTK_WIDGET (self);
}

/**
 * pe_calculator_form_get_calculator:
 *
 * Returns: (transfer none):
 */
PeCalculator *
pe_calculator_form_get_calculator (PeCalculatorForm *self)
{
  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  return self->calculator;
}

void
pe_calculator_form_set_options (PeCalculatorForm    *self,
                                const PeEvalOptions *options)
{
  g_return_if_fail (PE_IS_CALCULATOR_FORM (self));
  g_return_if_fail (options != NULL);

  self->options = *options;
  if (self->result != NULL)
    pe_calculator_form_compute (self);
}

/**
 * pe_calculator_form_set_text:
 *
 * Fills a field as if typed: entries take @text, yes/no fields what the
 * parser reads as yes or no, choice fields a choice id. Text that is not
 * UTF-8, or a choice that is none of the field's, is refused: the field
 * keeps its value and shows why, and the form will not compute until the
 * field is changed.
 *
 * Returns: %TRUE when the field holds @text
 */
gboolean
pe_calculator_form_set_text (PeCalculatorForm *self,
                             const char       *field_id,
                             const char       *text)
{
  PeFieldEditor *e;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), FALSE);

  if ((e = find_editor (self, field_id)) == NULL)
    return FALSE;
  if (pe_field_editor_set_text (e, text))
    {
      update_sensitivity (self);
      return TRUE;
    }
  /* a result beside a field that refused its text would mislead */
  g_clear_object (&self->result);
  pe_result_view_clear (PE_RESULT_VIEW (self->result_view));
  update_sensitivity (self);
  return FALSE;
}

/**
 * pe_calculator_form_get_field_widget:
 *
 * Returns: (transfer none) (nullable):
 */
GtkWidget *
pe_calculator_form_get_field_widget (PeCalculatorForm *self,
                                     const char       *field_id)
{
  PeFieldEditor *e;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  e = find_editor (self, field_id);
  return e ? pe_field_editor_get_widget (e) : NULL;
}

/**
 * pe_calculator_form_get_field_error:
 *
 * Returns: (nullable): the message shown at the field, if any
 */
const char *
pe_calculator_form_get_field_error (PeCalculatorForm *self,
                                    const char       *field_id)
{
  PeFieldEditor *e;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  e = find_editor (self, field_id);
  return e ? pe_field_editor_get_error (e) : NULL;
}

/**
 * pe_calculator_form_get_result:
 *
 * Returns: (transfer none) (nullable): the last result
 */
PeResult *
pe_calculator_form_get_result (PeCalculatorForm *self)
{
  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  return self->result;
}

/**
 * pe_calculator_form_get_summary:
 *
 * Returns: (nullable): the verdict and amount as shown
 */
const char *
pe_calculator_form_get_summary (PeCalculatorForm *self)
{
  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  return pe_result_view_get_summary (PE_RESULT_VIEW (self->result_view));
}
