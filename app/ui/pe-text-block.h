/* pe-text-block.h — a long paragraph of text, wrapped to the width given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PE_TYPE_TEXT_BLOCK (pe_text_block_get_type ())

G_DECLARE_FINAL_TYPE (PeTextBlock, pe_text_block, PE, TEXT_BLOCK, GtkWidget)

GtkWidget  *pe_text_block_new      (const char  *text);
const char *pe_text_block_get_text (PeTextBlock *self);

G_END_DECLS
