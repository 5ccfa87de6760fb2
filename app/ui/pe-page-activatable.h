/* pe-page-activatable.h — what a plugin adds to its document's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page itself (header, measures, calculators, charts) is built by the
 * host from the document's data. A plugin that wants more implements this
 * interface: activate() adds its widgets with
 * pe_document_page_add_section(), deactivate() removes all of them.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PE_TYPE_PAGE_ACTIVATABLE (pe_page_activatable_get_type ())

G_DECLARE_INTERFACE (PePageActivatable, pe_page_activatable, PE, PAGE_ACTIVATABLE, GObject)

struct _PePageActivatableInterface
{
  GTypeInterface parent_iface;

  void (*activate)   (PePageActivatable *self);
  void (*deactivate) (PePageActivatable *self);
};

void pe_page_activatable_activate   (PePageActivatable *self);
void pe_page_activatable_deactivate (PePageActivatable *self);

G_END_DECLS
