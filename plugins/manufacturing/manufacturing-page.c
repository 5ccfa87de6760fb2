/* manufacturing-page.c — the "Levels and top-ups" tab of the manufacturing
 * page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six measures of this document reward a recognition by its level
 * (national, provincial, city) and pay a move up by the difference (补差).
 * This tab sets them side by side, so an analyst sees at once what each
 * step up is worth. Every amount is read from the document's parameters.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "policy-explorer-gtk.h"

#define MANUFACTURING_TYPE_PAGE (manufacturing_page_get_type ())
G_DECLARE_FINAL_TYPE (ManufacturingPage, manufacturing_page, MANUFACTURING, PAGE, GObject)

struct _ManufacturingPage
{
  GObject         parent_instance;
  PeDocumentPage *page;
};

enum {
  PROP_0,
  PROP_PAGE,
};

static void activatable_iface_init (PePageActivatableInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (ManufacturingPage, manufacturing_page, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (PE_TYPE_PAGE_ACTIVATABLE, activatable_iface_init))

#define SECTION_ID "levels"

/* One row per measure: its parameters for the national, provincial and
 * city level (NULL where the level does not exist) and whether the text
 * pays a move up by the difference. */
static const struct
{
  const char *name;
  const char *measure;
  const char *levels[3];
  gboolean    top_up;
} ladders[] = {
  { N_("Manufacturing innovation centre"), "4", { "m4_ic_nat", "m4_ic_prov", NULL }, FALSE },
  { N_("Enterprise technology centre"), "4", { "m4_tc_nat", "m4_tc_prov", "m4_tc_city" }, FALSE },
  { N_("Industrial design institute"), "8", { "m8_inst_nat", "m8_inst_prov", NULL }, TRUE },
  { N_("Industrial design centre"), "8", { "m8_ctr_nat", "m8_ctr_prov", "m8_ctr_city" }, TRUE },
  { N_("Service-oriented manufacturing demonstration"), "11", { "m11_nat", "m11_prov", "m11_city" }, TRUE },
  { N_("Logistics demonstration park"), "13", { "m13_park_nat", "m13_park_prov", NULL }, FALSE },
};

static GtkWidget *
cell (const char *text,
      gboolean    header)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_line_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_selectable (GTK_LABEL (l), TRUE);
  gtk_widget_set_can_focus (l, FALSE);
  if (header)
    gtk_style_context_add_class (gtk_widget_get_style_context (l), "pe-section-title");
  return l;
}

static GtkWidget *
build_table (PeDocument *doc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  const char *heads[] = { N_("Recognition"), N_("National"), N_("Provincial"), N_("City"), N_("Moving up pays") };

  gtk_container_add (GTK_CONTAINER (box),
                     cell (_("One-off rewards by level of recognition. Where the text says 补差, "
                             "a move to a higher level pays the difference from the reward already received."), FALSE));
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    gtk_grid_attach (GTK_GRID (grid), cell (_(heads[c]), TRUE), c, 0, 1, 1);

  for (guint r = 0; r < G_N_ELEMENTS (ladders); r++)
    {
      PeMeasure *m = pe_document_get_measure (doc, ladders[r].measure);
      PeParameter *first = pe_document_get_parameter (doc, ladders[r].levels[0]);
      g_autofree char *name = NULL;

      if (m == NULL || first == NULL)
        continue;
      name = g_strdup_printf ("%s (%s %s)", _(ladders[r].name), _("measure"), m->id);
      gtk_grid_attach (GTK_GRID (grid), cell (name, FALSE), 0, r + 1, 1, 1);
      for (guint c = 0; c < 3; c++)
        {
          PeParameter *p = ladders[r].levels[c] ? pe_document_get_parameter (doc, ladders[r].levels[c]) : NULL;
          g_autofree char *v = p ? pe_value_format (p->type, &p->value) : g_strdup ("—");
          GtkWidget *l = cell (v, FALSE);

          if (p != NULL)
            gtk_widget_set_tooltip_text (l, p->clause->quote);
          gtk_grid_attach (GTK_GRID (grid), l, c + 1, r + 1, 1, 1);
        }
      gtk_grid_attach (GTK_GRID (grid),
                       cell (ladders[r].top_up ? _("the difference (补差)") : _("the full reward of the new level"), FALSE),
                       4, r + 1, 1, 1);
    }
  gtk_container_add (GTK_CONTAINER (box), grid);
  return box;
}

static void
manufacturing_page_activate (PePageActivatable *activatable)
{
  ManufacturingPage *self = MANUFACTURING_PAGE (activatable);

  pe_document_page_add_section (self->page, SECTION_ID, _("Levels and top-ups"),
                                build_table (pe_document_page_get_document (self->page)));
}

static void
manufacturing_page_deactivate (PePageActivatable *activatable)
{
  ManufacturingPage *self = MANUFACTURING_PAGE (activatable);

  pe_document_page_remove_section (self->page, SECTION_ID);
}

static void
activatable_iface_init (PePageActivatableInterface *iface)
{
  iface->activate = manufacturing_page_activate;
  iface->deactivate = manufacturing_page_deactivate;
}

static void
manufacturing_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ManufacturingPage *self = MANUFACTURING_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      self->page = g_value_get_object (value);   /* the page owns us */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
manufacturing_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ManufacturingPage *self = MANUFACTURING_PAGE (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
manufacturing_page_class_init (ManufacturingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = manufacturing_page_set_property;
  object_class->get_property = manufacturing_page_get_property;
  g_object_class_override_property (object_class, PROP_PAGE, "page");
}

static void
manufacturing_page_class_finalize (ManufacturingPageClass *klass)
{
}

static void
manufacturing_page_init (ManufacturingPage *self)
{
}

/* called by the plugin's data module, in the window only */
G_MODULE_EXPORT void pe_plugin_register_page (PeasObjectModule *module);

G_MODULE_EXPORT void
pe_plugin_register_page (PeasObjectModule *module)
{
  manufacturing_page_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, PE_TYPE_PAGE_ACTIVATABLE, MANUFACTURING_TYPE_PAGE);
}
