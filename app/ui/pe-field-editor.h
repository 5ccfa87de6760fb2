/* pe-field-editor.h — one input of a form: its label, entry, unit and
 * the message of a value that cannot be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "policy-explorer-core.h"

G_BEGIN_DECLS

#define PE_TYPE_FIELD_EDITOR (pe_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (PeFieldEditor, pe_field_editor, PE, FIELD_EDITOR, GObject)

PeFieldEditor *pe_field_editor_new          (PeField       *field,
                                             gboolean       use_default);
PeField       *pe_field_editor_get_field    (PeFieldEditor *self);
GtkWidget     *pe_field_editor_get_widget   (PeFieldEditor *self);
GtkWidget     *pe_field_editor_get_label    (PeFieldEditor *self);
void           pe_field_editor_attach       (PeFieldEditor *self,
                                             GtkGrid       *grid,
                                             int            top);
char          *pe_field_editor_get_text     (PeFieldEditor *self);
gboolean       pe_field_editor_set_text     (PeFieldEditor *self,
                                             const char    *text);
void           pe_field_editor_reset        (PeFieldEditor *self);
const char    *pe_field_editor_get_error    (PeFieldEditor *self);
gboolean       pe_field_editor_validate     (PeFieldEditor *self);
void           pe_field_editor_set_external_error (PeFieldEditor *self,
                                             const char    *message);

G_END_DECLS
