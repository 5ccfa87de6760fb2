/* pe-field-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calculator forms and the profile form ask for values alike: a
 * yes/no or a choice is a combo box that can also be left unset ("not
 * known" is an answer the calculators deal with), anything else an entry
 * checked as it is typed with the parser of the command line, a wrong
 * value named at the field.
 *
 * With use_default, the form shows the value a field takes when none is
 * given (a calculator's own form). Without it (the profile form, which
 * keeps only what the analyst set), the field starts empty and says what
 * it is taken to be; readings of the text always show theirs, since one
 * of them is always taken.
 */
#define G_LOG_DOMAIN "pe-field-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-field-editor.h"

struct _PeFieldEditor
{
  GObject    parent_instance;

  PeField   *field;
  gboolean   use_default;
  GtkWidget *label;
  GtkWidget *widget;
  GtkWidget *unit;
  GtkWidget *error;
  char      *message;           /* the current error, or NULL */
  char      *external_message;  /* an error found elsewhere (a calculator's) */
  char      *refused;           /* why text given to set_text() was refused,
                                 * kept until the field is edited */
};

G_DEFINE_FINAL_TYPE (PeFieldEditor, pe_field_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

/* The label of a choice or yes/no value, as the combo shows it. */
static const char *
value_label (PeField    *f,
             const char *id)
{
  if (f->type == PE_VALUE_TYPE_BOOLEAN)
    return g_str_equal (id, "true") || g_str_equal (id, "yes") ? _("Yes") : _("No");
  for (guint i = 0; f->choices != NULL && i < f->choices->len; i++)
    {
      PeChoice *c = g_ptr_array_index (f->choices, i);
      if (g_str_equal (c->id, id))
        return tr (c->label);
    }
  return id;
}

/* The combo id a yes/no value takes: "yes", "no", or "" when unset. */
static const char *
boolean_id (PeField    *f,
            const char *text)
{
  PeValue v;

  if (text == NULL || *text == '\0' || !pe_field_parse (f, text, &v, NULL) || v.kind != PE_VALUE_BOOLEAN)
    return "";
  return v.boolean ? "yes" : "no";
}

static gboolean
shows_default (PeFieldEditor *self)
{
  return self->use_default || self->field->role == PE_FIELD_ROLE_READING;
}

static const char *
initial_id (PeFieldEditor *self)
{
  PeField *f = self->field;

  if (!shows_default (self) || f->default_value == NULL)
    return "";
  return f->type == PE_VALUE_TYPE_BOOLEAN ? boolean_id (f, f->default_value) : f->default_value;
}

static GtkWidget *
make_widget (PeFieldEditor *self)
{
  PeField *f = self->field;
  GtkWidget *w;

  if (f->type == PE_VALUE_TYPE_BOOLEAN || f->type == PE_VALUE_TYPE_CHOICE)
    {
      w = gtk_combo_box_text_new ();
      /* a yes/no can always be left unknown; a choice when it has no default */
      if (f->type == PE_VALUE_TYPE_BOOLEAN || !shows_default (self) || f->default_value == NULL)
        {
          g_autofree char *unset = NULL;

          if (f->default_value != NULL && !shows_default (self))
            /* Translators: an input left unset, and the value it is then taken to have */
            unset = g_strdup_printf (_("Not stated (%s)"), value_label (f, f->default_value));
          gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "", unset ? unset : _("Not stated"));
        }
      if (f->type == PE_VALUE_TYPE_BOOLEAN)
        {
          gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "yes", _("Yes"));
          gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), "no", _("No"));
        }
      else
        for (guint i = 0; i < f->choices->len; i++)
          {
            PeChoice *c = g_ptr_array_index (f->choices, i);
            gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (w), c->id, tr (c->label));
          }
      gtk_combo_box_set_active_id (GTK_COMBO_BOX (w), initial_id (self));
    }
  else
    {
      w = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (w), FALSE);
      gtk_entry_set_width_chars (GTK_ENTRY (w), self->use_default ? 18 : 12);
      if (f->default_value != NULL && !shows_default (self))
        {
          /* Translators: the value an input left empty is taken to have */
          g_autofree char *hint = g_strdup_printf (_("%s if not given"), f->default_value);
          gtk_entry_set_placeholder_text (GTK_ENTRY (w), hint);
        }
      else if (f->type == PE_VALUE_TYPE_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (w), "YYYY-MM-DD");
      else if (f->type == PE_VALUE_TYPE_DATES)
        /* Translators: the format of a list of dates typed in a form */
        gtk_entry_set_placeholder_text (GTK_ENTRY (w), _("YYYY-MM-DD, YYYY-MM-DD, …"));
      else if (f->type == PE_VALUE_TYPE_YUAN)
        gtk_entry_set_placeholder_text (GTK_ENTRY (w), _("e.g. 1500000 or 150万"));
      if (f->type != PE_VALUE_TYPE_DATE && f->type != PE_VALUE_TYPE_DATES)
        gtk_entry_set_input_purpose (GTK_ENTRY (w), GTK_INPUT_PURPOSE_NUMBER);
      if (shows_default (self) && f->default_value != NULL)
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
show_message (PeFieldEditor *self)
{
  const char *message = self->message ? self->message : self->external_message;
  GtkStyleContext *sc = gtk_widget_get_style_context (self->widget);

  gtk_label_set_text (GTK_LABEL (self->error), message ? message : "");
  gtk_widget_set_visible (self->error, message != NULL);
  if (message != NULL)
    gtk_style_context_add_class (sc, "error");
  else
    gtk_style_context_remove_class (sc, "error");
  /* read out with the field by a screen reader */
  atk_object_set_description (gtk_widget_get_accessible (self->widget), message ? message : "");
}

/**
 * pe_field_editor_validate:
 *
 * Reads the value as the calculators will, and names what is wrong at
 * the field.
 *
 * Returns: %TRUE when the value can be read (or is unset)
 */
gboolean
pe_field_editor_validate (PeFieldEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PeValue value;

  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), FALSE);

  text = pe_field_editor_get_text (self);
  g_clear_pointer (&self->message, g_free);
  if (self->refused != NULL)
    self->message = g_strdup (self->refused);
  else if (text != NULL && !pe_field_parse (self->field, text, &value, &error))
    /* the parser's message begins with what is wrong with the value */
    self->message = g_strdup_printf ("%s %s", tr (self->field->label), error->message);
  show_message (self);
  return self->message == NULL;
}

static void
on_changed (GtkWidget     *widget,
            PeFieldEditor *self)
{
  g_clear_pointer (&self->external_message, g_free);
  g_clear_pointer (&self->refused, g_free);
  pe_field_editor_validate (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pe_field_editor_dispose (GObject *object)
{
  PeFieldEditor *self = PE_FIELD_EDITOR (object);

  /* the widgets belong to the form's grid; only our references go */
  g_clear_object (&self->label);
  g_clear_object (&self->widget);
  g_clear_object (&self->unit);
  g_clear_object (&self->error);
  G_OBJECT_CLASS (pe_field_editor_parent_class)->dispose (object);
}

static void
pe_field_editor_finalize (GObject *object)
{
  PeFieldEditor *self = PE_FIELD_EDITOR (object);

  g_clear_pointer (&self->field, pe_field_unref);
  g_free (self->message);
  g_free (self->external_message);
  g_free (self->refused);
  G_OBJECT_CLASS (pe_field_editor_parent_class)->finalize (object);
}

static void
pe_field_editor_class_init (PeFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pe_field_editor_dispose;
  object_class->finalize = pe_field_editor_finalize;

  /**
   * PeFieldEditor::changed:
   *
   * The value was edited (it has been validated already).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pe_field_editor_init (PeFieldEditor *self)
{
}

/**
 * pe_field_editor_new:
 * @field: the input
 * @use_default: whether the field starts with the value it takes when
 *   none is given
 *
 * Returns: (transfer full):
 */
PeFieldEditor *
pe_field_editor_new (PeField  *field,
                     gboolean  use_default)
{
  PeFieldEditor *self;
  g_autofree char *text = NULL;
  PeField *f = field;

  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (PE_TYPE_FIELD_EDITOR, NULL);
  self->field = pe_field_ref (field);
  self->use_default = use_default;

  text = g_strdup_printf ("%s%s", tr (f->label), f->required && use_default ? " *" : "");
  self->label = g_object_ref_sink (gtk_label_new (text));
  gtk_label_set_xalign (GTK_LABEL (self->label), 1);
  gtk_label_set_line_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 36);
  /* wrapping, but not into a column of single words when space is short */
  gtk_label_set_width_chars (GTK_LABEL (self->label), 16);
  gtk_label_set_justify (GTK_LABEL (self->label), GTK_JUSTIFY_RIGHT);
  if (f->help != NULL)
    gtk_widget_set_tooltip_text (self->label, tr (f->help));

  self->widget = g_object_ref_sink (make_widget (self));
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->label), self->widget);
  g_object_set_data (G_OBJECT (self->widget), "pe-field-editor", self);

  self->unit = g_object_ref_sink (gtk_label_new (f->unit ? tr (f->unit) : ""));
  gtk_label_set_xalign (GTK_LABEL (self->unit), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->unit), "pe-dim");

  self->error = g_object_ref_sink (gtk_label_new (NULL));
  gtk_label_set_xalign (GTK_LABEL (self->error), 0);
  gtk_label_set_line_wrap (GTK_LABEL (self->error), TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->error), "pe-field-error");
  gtk_widget_set_no_show_all (self->error, TRUE);

  g_signal_connect_object (self->widget, "changed", G_CALLBACK (on_changed), self, 0);
  return self;
}

PeField *
pe_field_editor_get_field (PeFieldEditor *self)
{
  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), NULL);
  return self->field;
}

/**
 * pe_field_editor_get_widget:
 *
 * Returns: (transfer none): the entry or combo box
 */
GtkWidget *
pe_field_editor_get_widget (PeFieldEditor *self)
{
  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), NULL);
  return self->widget;
}

/**
 * pe_field_editor_get_label:
 *
 * Returns: (transfer none):
 */
GtkWidget *
pe_field_editor_get_label (PeFieldEditor *self)
{
  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), NULL);
  return self->label;
}

/**
 * pe_field_editor_attach:
 *
 * Puts the label, the entry and the unit on row @top of @grid, and the
 * message of a wrong value under the entry, on row @top + 1.
 */
void
pe_field_editor_attach (PeFieldEditor *self,
                        GtkGrid       *grid,
                        int            top)
{
  g_return_if_fail (PE_IS_FIELD_EDITOR (self));
  g_return_if_fail (GTK_IS_GRID (grid));

  gtk_grid_attach (grid, self->label, 0, top, 1, 1);
  gtk_grid_attach (grid, self->widget, 1, top, 1, 1);
  gtk_grid_attach (grid, self->unit, 2, top, 1, 1);
  gtk_grid_attach (grid, self->error, 1, top + 1, 2, 1);
}

/**
 * pe_field_editor_get_text:
 *
 * Returns: (transfer full) (nullable): the value as text ("yes"/"no", a
 *   choice id, or what was typed, trimmed), %NULL when unset
 */
char *
pe_field_editor_get_text (PeFieldEditor *self)
{
  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), NULL);

  if (GTK_IS_COMBO_BOX (self->widget))
    {
      const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->widget));
      return id != NULL && *id != '\0' ? g_strdup (id) : NULL;
    }
  else
    {
      g_autofree char *text = g_strdup (gtk_entry_get_text (GTK_ENTRY (self->widget)));
      g_strstrip (text);
      return *text != '\0' ? g_steal_pointer (&text) : NULL;
    }
}

/* Text no widget can hold (not UTF-8, a choice that is none of the
 * field's) is refused at the field, saying why, and the field keeps its
 * value. */
static gboolean
refuse_text (PeFieldEditor *self,
             const char    *text)
{
  g_autoptr(GError) error = NULL;
  PeValue value;

  if (!pe_field_parse (self->field, text, &value, &error))
    self->refused = g_strdup_printf ("%s %s", tr (self->field->label), error->message);
  else
    self->refused = g_strdup_printf ("%s %s", tr (self->field->label), _("is not one of the choices"));
  pe_field_editor_validate (self);
  return FALSE;
}

/**
 * pe_field_editor_set_text:
 * @text: (nullable): a value as a file or the command line gives it
 *   (yes/no fields take any spelling the parser reads), %NULL to unset
 *
 * Fills the field as if typed.
 *
 * Returns: %FALSE when a combo box has no such value
 */
gboolean
pe_field_editor_set_text (PeFieldEditor *self,
                          const char    *text)
{
  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), FALSE);

  g_clear_pointer (&self->refused, g_free);
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return refuse_text (self, text);
  if (GTK_IS_COMBO_BOX (self->widget))
    {
      const char *id = text == NULL ? initial_id (self)
                       : self->field->type == PE_VALUE_TYPE_BOOLEAN ? boolean_id (self->field, text) : text;

      if ((text != NULL && *id == '\0') ||
          !gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->widget), id))
        return text != NULL ? refuse_text (self, text) : FALSE;
    }
  else
    gtk_entry_set_text (GTK_ENTRY (self->widget), text ? text : "");
  /* "changed" does not come when the value stays the same */
  pe_field_editor_validate (self);
  return TRUE;
}

/* Back to the value the field starts with. */
void
pe_field_editor_reset (PeFieldEditor *self)
{
  g_return_if_fail (PE_IS_FIELD_EDITOR (self));

  if (GTK_IS_COMBO_BOX (self->widget))
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->widget), initial_id (self));
  else
    gtk_entry_set_text (GTK_ENTRY (self->widget),
                        shows_default (self) && self->field->default_value ? self->field->default_value : "");
}

/**
 * pe_field_editor_get_error:
 *
 * Returns: (nullable): the message shown at the field
 */
const char *
pe_field_editor_get_error (PeFieldEditor *self)
{
  g_return_val_if_fail (PE_IS_FIELD_EDITOR (self), NULL);
  return self->message ? self->message : self->external_message;
}

/**
 * pe_field_editor_set_external_error:
 * @message: (nullable):
 *
 * Shows at the field why a calculator refused its value, until it is
 * edited.
 */
void
pe_field_editor_set_external_error (PeFieldEditor *self,
                                    const char    *message)
{
  g_return_if_fail (PE_IS_FIELD_EDITOR (self));

  if (g_strcmp0 (message, self->external_message) == 0)
    return;
  g_free (self->external_message);
  self->external_message = g_strdup (message);
  show_message (self);
}
