/* pe-calculator-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form is generated from the calculator's fields. Each entry is
 * checked as it is typed with the same parser as the command line, and a
 * wrong value is named at the field: the Calculate button stays off until
 * every value can be read. A yes/no field can also be left unset, since
 * "not known" is an answer the calculators deal with.
 */
#define G_LOG_DOMAIN "pe-calculator-form"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-calculator-form.h"
#include "pe-result-view.h"

typedef struct
{
  PeField   *field;
  GtkWidget *widget;
  GtkWidget *error;
  char      *message;   /* the current error, or NULL */
  char      *refused;   /* why text given to set_text() was refused, kept
                         * until the field is changed */
} FieldRow;

struct _PeCalculatorForm
{
  GtkBox         parent_instance;

  PeCalculator  *calculator;
  PeEvalOptions  options;
  GPtrArray     *rows;
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

static void
field_row_free (FieldRow *row)
{
  pe_field_unref (row->field);
  g_free (row->message);
  g_free (row->refused);
  g_free (row);
}

static FieldRow *
find_row (PeCalculatorForm *self,
          const char       *field_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      if (g_str_equal (row->field->id, field_id))
        return row;
    }
  return NULL;
}

/* What the widget holds, as text; NULL when unset. */
static char *
row_get_text (FieldRow *row)
{
  if (GTK_IS_COMBO_BOX (row->widget))
    {
      const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (row->widget));
      return id != NULL && *id != '\0' ? g_strdup (id) : NULL;
    }
  else
    {
      g_autofree char *text = g_strdup (gtk_entry_get_text (GTK_ENTRY (row->widget)));
      g_strstrip (text);
      return *text != '\0' ? g_steal_pointer (&text) : NULL;
    }
}

static void
update_sensitivity (PeCalculatorForm *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    if (((FieldRow *) g_ptr_array_index (self->rows, i))->message != NULL)
      ok = FALSE;
  gtk_widget_set_sensitive (self->calculate, ok);
}

static void
validate_row (PeCalculatorForm *self,
              FieldRow         *row)
{
  g_autofree char *text = row_get_text (row);
  g_autoptr(GError) error = NULL;
  GtkStyleContext *sc = gtk_widget_get_style_context (row->widget);
  PeValue value;

  g_clear_pointer (&row->message, g_free);
  if (row->refused != NULL)
    row->message = g_strdup (row->refused);
  else if (text != NULL && !pe_field_parse (row->field, text, &value, &error))
    row->message = g_strdup_printf ("%s %s", tr (row->field->label), error->message);

  gtk_label_set_text (GTK_LABEL (row->error), row->message ? row->message : "");
  gtk_widget_set_visible (row->error, row->message != NULL);
  if (row->message != NULL)
    gtk_style_context_add_class (sc, "error");
  else
    gtk_style_context_remove_class (sc, "error");
  atk_object_set_description (gtk_widget_get_accessible (row->widget), row->message ? row->message : "");
  update_sensitivity (self);
}

static void
on_field_changed (GtkWidget        *widget,
                  PeCalculatorForm *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (widget), "pe-field-row");

  g_clear_pointer (&row->refused, g_free);
  validate_row (self, row);
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
  FieldRow *row = find_row (self, field_id);

  if (row != NULL)
    gtk_widget_grab_focus (row->widget);
}

static GtkWidget *
make_widget (PeField *f)
{
  GtkWidget *w;

  if (f->type == PE_VALUE_TYPE_BOOLEAN)
    {
      w = gtk_combo_box_text_new ();
      gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "", _("Not stated"));
      gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "yes", _("Yes"));
      gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "no", _("No"));
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (w),
                                   f->default_value == NULL ? "" :
                                   g_str_equal (f->default_value, "true") ? "yes" : "no");
    }
  else if (f->type == PE_VALUE_TYPE_CHOICE)
    {
      w = gtk_combo_box_text_new ();
      if (f->default_value == NULL)
        gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "", _("Not stated"));
      for (guint i = 0; i < f->choices->len; i++)
        {
          PeChoice *c = g_ptr_array_index (f->choices, i);
          gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), c->id, tr (c->label));
        }
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (w), f->default_value ? f->default_value : "");
    }
  else
    {
      w = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (w), FALSE);
      gtk_entry_set_width_chars (GTK_ENTRY (w), 18);
      if (f->type == PE_VALUE_TYPE_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (w), "YYYY-MM-DD");
      else
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (w), GTK_INPUT_PURPOSE_NUMBER);
          if (f->type == PE_VALUE_TYPE_YUAN)
            gtk_entry_set_placeholder_text (GTK_ENTRY (w), _("e.g. 1500000 or 150万"));
        }
      if (f->default_value != NULL)
        gtk_entry_set_text (GTK_ENTRY (w), f->default_value);
    }
  gtk_widget_set_hexpand (w, TRUE);
  gtk_widget_set_name (w, f->id);
  atk_object_set_name (gtk_widget_get_accessible (w), tr (f->label));
  if (f->help != NULL)
    gtk_widget_set_tooltip_text (w, tr (f->help));
  return w;
}

static void
add_row (PeCalculatorForm *self,
         PeField          *f,
         int               top)
{
  FieldRow *row = g_new0 (FieldRow, 1);
  g_autofree char *text = g_strdup_printf ("%s%s", tr (f->label), f->required ? " *" : "");
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *unit;

  row->field = pe_field_ref (f);
  row->widget = make_widget (f);
  row->error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->error), 0);
  gtk_label_set_line_wrap (GTK_LABEL (row->error), TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (row->error), "pe-field-error");
  gtk_widget_set_no_show_all (row->error, TRUE);
  g_object_set_data (G_OBJECT (row->widget), "pe-field-row", row);
  g_ptr_array_add (self->rows, row);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), row->widget);
  if (f->help != NULL)
    gtk_widget_set_tooltip_text (label, tr (f->help));

  gtk_grid_attach (GTK_GRID (self->grid), label, 0, top, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->widget, 1, top, 1, 1);
  unit = gtk_label_new (f->unit ? tr (f->unit) : "");
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (unit), "pe-dim");
  gtk_grid_attach (GTK_GRID (self->grid), unit, 2, top, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->error, 1, top + 1, 2, 1);

  if (GTK_IS_COMBO_BOX (row->widget))
    g_signal_connect (row->widget, "changed", G_CALLBACK (on_field_changed), self);
  else
    {
      g_signal_connect (row->widget, "changed", G_CALLBACK (on_field_changed), self);
      g_signal_connect (row->widget, "activate", G_CALLBACK (on_entry_activate), self);
    }
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

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      char *text;

      validate_row (self, row);
      if (row->message != NULL)
        {
          pe_result_view_set_error (PE_RESULT_VIEW (self->result_view), row->message);
          g_clear_object (&self->result);
          return FALSE;
        }
      if ((text = row_get_text (row)) != NULL)
        g_hash_table_insert (inputs, row->field->id, text);
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
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      PeField *f = row->field;

      if (GTK_IS_COMBO_BOX (row->widget))
        gtk_combo_box_set_active_id (GTK_COMBO_BOX (row->widget),
                                     f->type == PE_VALUE_TYPE_BOOLEAN
                                     ? (f->default_value == NULL ? "" : g_str_equal (f->default_value, "true") ? "yes" : "no")
                                     : (f->default_value ? f->default_value : ""));
      else
        gtk_entry_set_text (GTK_ENTRY (row->widget), f->default_value ? f->default_value : "");
    }
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

  g_clear_pointer (&self->rows, g_ptr_array_unref);
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
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
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

/* Text no widget can hold (not UTF-8, a choice that is none of the
 * field's) is refused at the field, saying why, and the field keeps its
 * value; the form cannot compute until the field is changed. */
static gboolean
refuse_text (PeCalculatorForm *self,
             FieldRow         *row,
             const char       *text)
{
  g_autoptr(GError) error = NULL;
  PeValue value;

  if (!pe_field_parse (row->field, text, &value, &error))
    row->refused = g_strdup_printf ("%s %s", tr (row->field->label), error->message);
  else
    row->refused = g_strdup_printf ("%s %s", tr (row->field->label), _("is not one of the choices"));
  validate_row (self, row);
  if (self->result != NULL)
    {
      g_clear_object (&self->result);
      pe_result_view_clear (PE_RESULT_VIEW (self->result_view));
    }
  return FALSE;
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
  FieldRow *row;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), FALSE);

  if ((row = find_row (self, field_id)) == NULL)
    return FALSE;
  g_clear_pointer (&row->refused, g_free);

  if (!g_utf8_validate (text, -1, NULL))
    return refuse_text (self, row, text);
  if (GTK_IS_COMBO_BOX (row->widget))
    {
      const char *id = text;
      PeValue value;

      /* a yes/no field takes what the parser takes: true, 是, 1… */
      if (row->field->type == PE_VALUE_TYPE_BOOLEAN && *text != '\0' &&
          pe_field_parse (row->field, text, &value, NULL))
        id = value.boolean ? "yes" : "no";
      if (!gtk_combo_box_set_active_id (GTK_COMBO_BOX (row->widget), id))
        return refuse_text (self, row, text);
    }
  else
    gtk_entry_set_text (GTK_ENTRY (row->widget), text);
  /* "changed" does not come when the value stays the same */
  validate_row (self, row);
  return TRUE;
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
  FieldRow *row;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  row = find_row (self, field_id);
  return row ? row->widget : NULL;
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
  FieldRow *row;

  g_return_val_if_fail (PE_IS_CALCULATOR_FORM (self), NULL);
  row = find_row (self, field_id);
  return row ? row->message : NULL;
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
