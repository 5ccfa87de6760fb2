/* pe-text-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The measures' full texts are long, and a page holds many. A GtkLabel
 * re-lays out its text whenever the window's mnemonic visibility changes
 * (GTK 3 walks every label of the window), so a page of labels beside any
 * mnemonic froze for a third of a second when it opened and at each press
 * of Alt. This widget only draws a wrapped Pango layout, kept per width,
 * and offers "Copy" on a right click or Ctrl+C; its text is its
 * accessible name.
 */
#define G_LOG_DOMAIN "pe-text-block"

#include "config.h"

#include <glib/gi18n.h>

#include "pe-text-block.h"

struct _PeTextBlock
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;
  int          layout_width;   /* Pango units the layout is wrapped to */
};

G_DEFINE_FINAL_TYPE (PeTextBlock, pe_text_block, GTK_TYPE_WIDGET)

#define NATURAL_CHARS 60
#define MINIMUM_CHARS 16

static PangoLayout *
ensure_layout (PeTextBlock *self,
               int          width)
{
  int w = width > 0 ? width * PANGO_SCALE : -1;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      self->layout_width = -2;
    }
  if (self->layout_width != w)
    {
      pango_layout_set_width (self->layout, w);
      self->layout_width = w;
    }
  return self->layout;
}

static int
char_width (PeTextBlock *self)
{
  PangoContext *ctx = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *m = pango_context_get_metrics (ctx, NULL, NULL);
  int w = pango_font_metrics_get_approximate_char_width (m);

  pango_font_metrics_unref (m);
  return MAX (1, PANGO_PIXELS (w));
}

static GtkSizeRequestMode
pe_text_block_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pe_text_block_get_preferred_width (GtkWidget *widget,
                                   int       *minimum,
                                   int       *natural)
{
  PeTextBlock *self = PE_TEXT_BLOCK (widget);
  int cw = char_width (self), full;

  pango_layout_get_pixel_size (ensure_layout (self, -1), &full, NULL);
  *minimum = MIN (full, cw * MINIMUM_CHARS);
  *natural = MIN (full, cw * NATURAL_CHARS);
}

static void
pe_text_block_get_preferred_height_for_width (GtkWidget *widget,
                                              int        width,
                                              int       *minimum,
                                              int       *natural)
{
  int h;

  pango_layout_get_pixel_size (ensure_layout (PE_TEXT_BLOCK (widget), width), NULL, &h);
  *minimum = *natural = h;
}

static void
pe_text_block_get_preferred_height (GtkWidget *widget,
                                    int       *minimum,
                                    int       *natural)
{
  int min_w, nat_w;

  pe_text_block_get_preferred_width (widget, &min_w, &nat_w);
  pe_text_block_get_preferred_height_for_width (widget, min_w, minimum, natural);
}

static void
pe_text_block_get_preferred_width_for_height (GtkWidget *widget,
                                              int        height,
                                              int       *minimum,
                                              int       *natural)
{
  pe_text_block_get_preferred_width (widget, minimum, natural);
}

static gboolean
pe_text_block_draw (GtkWidget *widget,
                    cairo_t   *cr)
{
  PeTextBlock *self = PE_TEXT_BLOCK (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);

  gtk_render_layout (style, cr, 0, 0, ensure_layout (self, gtk_widget_get_allocated_width (widget)));
  return FALSE;
}

static void
drop_layout (PeTextBlock *self)
{
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
pe_text_block_style_updated (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pe_text_block_parent_class)->style_updated (widget);
  drop_layout (PE_TEXT_BLOCK (widget));   /* the font may have changed */
}

static void
copy_text (PeTextBlock *self)
{
  gtk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self), GDK_SELECTION_CLIPBOARD),
                          self->text, -1);
}

static void
on_copy_activate (GtkMenuItem *item,
                  PeTextBlock *self)
{
  copy_text (self);
}

static gboolean
pe_text_block_button_press (GtkWidget      *widget,
                            GdkEventButton *event)
{
  if (gdk_event_triggers_context_menu ((GdkEvent *) event))
    {
      GtkWidget *menu = gtk_menu_new ();
      GtkWidget *item = gtk_menu_item_new_with_mnemonic (_("_Copy the Text"));

      g_signal_connect (item, "activate", G_CALLBACK (on_copy_activate), widget);
      gtk_menu_shell_append (GTK_MENU_SHELL (menu), item);
      gtk_widget_show_all (menu);
      gtk_menu_attach_to_widget (GTK_MENU (menu), widget, NULL);
      gtk_menu_popup_at_pointer (GTK_MENU (menu), (GdkEvent *) event);
      return GDK_EVENT_STOP;
    }
  gtk_widget_grab_focus (widget);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
pe_text_block_key_press (GtkWidget   *widget,
                         GdkEventKey *event)
{
  if ((event->state & GDK_CONTROL_MASK) && (event->keyval == GDK_KEY_c || event->keyval == GDK_KEY_C))
    {
      copy_text (PE_TEXT_BLOCK (widget));
      return GDK_EVENT_STOP;
    }
  return GTK_WIDGET_CLASS (pe_text_block_parent_class)->key_press_event (widget, event);
}

static void
pe_text_block_realize (GtkWidget *widget)
{
  GtkAllocation alloc;
  GdkWindowAttr attrs = { 0 };
  GdkWindow *window;

  /* an input-only window, for the context menu */
  gtk_widget_get_allocation (widget, &alloc);
  GTK_WIDGET_CLASS (pe_text_block_parent_class)->realize (widget);
  attrs.window_type = GDK_WINDOW_CHILD;
  attrs.wclass = GDK_INPUT_ONLY;
  attrs.x = alloc.x;
  attrs.y = alloc.y;
  attrs.width = alloc.width;
  attrs.height = alloc.height;
  attrs.event_mask = gtk_widget_get_events (widget) | GDK_BUTTON_PRESS_MASK;
  window = gdk_window_new (gtk_widget_get_parent_window (widget), &attrs, GDK_WA_X | GDK_WA_Y);
  gtk_widget_register_window (widget, window);
  g_object_set_data_full (G_OBJECT (widget), "pe-input-window", window, NULL);
}

static void
pe_text_block_unrealize (GtkWidget *widget)
{
  GdkWindow *window = g_object_get_data (G_OBJECT (widget), "pe-input-window");

  if (window != NULL)
    {
      gtk_widget_unregister_window (widget, window);
      gdk_window_destroy (window);
      g_object_set_data (G_OBJECT (widget), "pe-input-window", NULL);
    }
  GTK_WIDGET_CLASS (pe_text_block_parent_class)->unrealize (widget);
}

static void
pe_text_block_map (GtkWidget *widget)
{
  GdkWindow *window = g_object_get_data (G_OBJECT (widget), "pe-input-window");

  GTK_WIDGET_CLASS (pe_text_block_parent_class)->map (widget);
  if (window != NULL)
    gdk_window_show (window);
}

static void
pe_text_block_unmap (GtkWidget *widget)
{
  GdkWindow *window = g_object_get_data (G_OBJECT (widget), "pe-input-window");

  if (window != NULL)
    gdk_window_hide (window);
  GTK_WIDGET_CLASS (pe_text_block_parent_class)->unmap (widget);
}

static void
pe_text_block_size_allocate (GtkWidget     *widget,
                             GtkAllocation *alloc)
{
  GdkWindow *window = g_object_get_data (G_OBJECT (widget), "pe-input-window");

  GTK_WIDGET_CLASS (pe_text_block_parent_class)->size_allocate (widget, alloc);
  if (window != NULL)
    gdk_window_move_resize (window, alloc->x, alloc->y, alloc->width, alloc->height);
}

static void
pe_text_block_finalize (GObject *object)
{
  PeTextBlock *self = PE_TEXT_BLOCK (object);

  g_free (self->text);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (pe_text_block_parent_class)->finalize (object);
}

static void
pe_text_block_class_init (PeTextBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pe_text_block_finalize;
  widget_class->get_request_mode = pe_text_block_get_request_mode;
  widget_class->get_preferred_width = pe_text_block_get_preferred_width;
  widget_class->get_preferred_height = pe_text_block_get_preferred_height;
  widget_class->get_preferred_height_for_width = pe_text_block_get_preferred_height_for_width;
  widget_class->get_preferred_width_for_height = pe_text_block_get_preferred_width_for_height;
  widget_class->draw = pe_text_block_draw;
  widget_class->style_updated = pe_text_block_style_updated;
  widget_class->button_press_event = pe_text_block_button_press;
  widget_class->key_press_event = pe_text_block_key_press;
  widget_class->realize = pe_text_block_realize;
  widget_class->unrealize = pe_text_block_unrealize;
  widget_class->map = pe_text_block_map;
  widget_class->unmap = pe_text_block_unmap;
  widget_class->size_allocate = pe_text_block_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "textblock");
  gtk_widget_class_set_accessible_role (widget_class, ATK_ROLE_PARAGRAPH);
}

static void
pe_text_block_init (PeTextBlock *self)
{
  gtk_widget_set_has_window (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pe_text_block_new (const char *text)
{
  PeTextBlock *self = g_object_new (PE_TYPE_TEXT_BLOCK, NULL);

  self->text = g_strdup (text ? text : "");
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), self->text);
  return GTK_WIDGET (self);
}

const char *
pe_text_block_get_text (PeTextBlock *self)
{
  g_return_val_if_fail (PE_IS_TEXT_BLOCK (self), NULL);
  return self->text;
}
