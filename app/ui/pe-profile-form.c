/* pe-profile-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields come from what the calculators need. A fact of the shared
 * vocabulary (enterprise.high_tech) is asked once, in its section, however
 * many calculators use it; then, document by document, each calculator
 * concerning the subject has an expander with the inputs that are its own.
 * Facts already set in the profile stay, even if no active calculator
 * asks for them any more, so that nothing the analyst set is hidden.
 *
 * Each field writes to the profile as it is edited; a value that cannot
 * be read is named at the field and kept out of the profile (so a saved
 * file never holds it), and the page lists it above the results.
 */
#define G_LOG_DOMAIN "pe-profile-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pe-profile-form.h"

struct _PeProfileForm
{
  GtkBox         parent_instance;

  PeProfile     *profile;
  GPtrArray     *documents;    /* PeDocument */
  GHashTable    *editors;      /* profile key -> PeFieldEditor */
  GHashTable    *expanders;    /* profile key -> GtkExpander holding it */
  GHashTable    *issue_entries; /* document id -> GtkEntry */
  GtkSizeGroup  *labels;
  gboolean       loading;      /* filling the fields from the profile */

  GtkWidget     *enterprise;
  GtkWidget     *person;
  GtkWidget     *name_entry;
  GtkWidget     *as_of_entry;
  GtkWidget     *as_of_error;
  GtkWidget     *fields;       /* box rebuilt with the profile's subject */
};

G_DEFINE_FINAL_TYPE (PeProfileForm, pe_profile_form, GTK_TYPE_BOX)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tr (const PeText *text)
{
  return pe_text_get (text, pe_language_default ());
}

static GtkWidget *
text_label (const char *text,
            const char *style_class)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_line_wrap (GTK_LABEL (l), TRUE);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (l), style_class);
  return l;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  return grid;
}

static void
clear_container (GtkWidget *box)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (box));

  for (GList *l = children; l; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

/* ---- writing to the profile ------------------------------------------- */

static void
on_editor_changed (PeFieldEditor *editor,
                   PeProfileForm *self)
{
  const char *key = g_object_get_data (G_OBJECT (editor), "pe-profile-key");
  PeField *f = pe_field_editor_get_field (editor);
  g_autofree char *text = NULL;

  if (self->loading || self->profile == NULL)
    return;
  if (pe_field_editor_get_error (editor) == NULL)
    {
      text = pe_field_editor_get_text (editor);
      /* a reading left as it is, is no input of the analyst's */
      if (text != NULL && f->role == PE_FIELD_ROLE_READING && g_strcmp0 (text, f->default_value) == 0)
        g_clear_pointer (&text, g_free);
    }
  pe_profile_set_value (self->profile, key, text);
  g_signal_emit (self, signals[EDITED], 0);
}

static PeFieldEditor *
add_editor (PeProfileForm *self,
            GtkWidget     *grid,
            int           *top,
            PeField       *field,
            const char    *key,
            GtkWidget     *expander)
{
  PeFieldEditor *e = pe_field_editor_new (field, FALSE);
  const char *value = pe_profile_get_value (self->profile, key);

  g_object_set_data_full (G_OBJECT (e), "pe-profile-key", g_strdup (key), g_free);
  pe_field_editor_attach (e, GTK_GRID (grid), *top);
  *top += 2;
  gtk_size_group_add_widget (self->labels, pe_field_editor_get_label (e));
  gtk_widget_set_name (pe_field_editor_get_widget (e), key);
  if (value != NULL && !pe_field_editor_set_text (e, value))
    /* a choice the field does not have: say so rather than drop it */
    pe_field_editor_set_external_error (e, _("The profile holds a value this field does not offer"));
  pe_field_editor_validate (e);
  g_signal_connect_object (e, "changed", G_CALLBACK (on_editor_changed), self, 0);
  g_hash_table_insert (self->editors, g_strdup (key), e);
  if (expander != NULL)
    g_hash_table_insert (self->expanders, g_strdup (key), expander);
  return e;
}

/* ---- building the fields for the subject -------------------------------- */

static gboolean
concerns (PeProfileForm *self,
          PeCalculator  *calc)
{
  return pe_calculator_concerns (calc, pe_profile_get_subject (self->profile));
}

/* Whether a calculator of the active documents concerning the subject
 * asks for @fact_id. */
static gboolean
fact_is_asked (PeProfileForm *self,
               const char    *fact_id)
{
  for (guint d = 0; d < self->documents->len; d++)
    {
      GPtrArray *calcs = pe_document_get_calculators (g_ptr_array_index (self->documents, d));

      for (guint c = 0; c < calcs->len; c++)
        {
          PeCalculator *calc = g_ptr_array_index (calcs, c);

          if (!concerns (self, calc))
            continue;
          for (guint i = 0; i < calc->fields->len; i++)
            if (g_strcmp0 (((PeField *) g_ptr_array_index (calc->fields, i))->fact, fact_id) == 0)
              return TRUE;
        }
    }
  return FALSE;
}

static void
build_sections (PeProfileForm *self)
{
  PeVocabulary *v = pe_vocabulary_get_default ();
  GPtrArray *sections = pe_vocabulary_get_sections (v);
  GPtrArray *facts = pe_vocabulary_get_facts (v);
  const char *subject = pe_profile_get_subject (self->profile);

  for (guint s = 0; s < sections->len; s++)
    {
      PeSection *section = g_ptr_array_index (sections, s);
      GtkWidget *grid = NULL;
      int top = 0;

      /* the subject's own facts, and the assumptions every subject shares */
      if (!g_str_equal (section->id, subject) && !g_str_equal (section->id, "general"))
        continue;
      for (guint i = 0; i < facts->len; i++)
        {
          PeField *fact = g_ptr_array_index (facts, i);

          if (!pe_fact_in_section (fact->id, section->id) ||
              (!fact_is_asked (self, fact->id) && pe_profile_get_value (self->profile, fact->id) == NULL))
            continue;
          if (grid == NULL)
            {
              gtk_container_add (GTK_CONTAINER (self->fields), text_label (tr (section->title), "pe-section-title"));
              grid = new_grid ();
              gtk_container_add (GTK_CONTAINER (self->fields), grid);
            }
          add_editor (self, grid, &top, fact, fact->id, NULL);
        }
    }
}

static guint
count_set (PeProfileForm *self,
           PeCalculator  *calc)
{
  guint n = 0;

  for (guint i = 0; i < calc->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (calc->fields, i);
      g_autofree char *key = NULL;

      if (f->fact != NULL)
        continue;
      key = pe_profile_key_for_field (calc, f);
      if (pe_profile_get_value (self->profile, key) != NULL)
        n++;
    }
  return n;
}

static void
build_calculator (PeProfileForm *self,
                  GtkWidget     *box,
                  PeDocument    *doc,
                  PeCalculator  *calc)
{
  GtkWidget *expander, *grid, *title;
  g_autofree char *markup = NULL;
  gboolean readings = FALSE, any = FALSE;
  int top = 0;
  guint n = count_set (self, calc);
  PeMeasure *m = pe_document_get_measure (doc, calc->measure_id);
  g_autofree char *where = m != NULL && g_strcmp0 (m->kind, "provision") == 0
                           ? g_strdup (tr (m->title))
                           /* Translators: a measure of a document, by its number */
                           : g_strdup_printf (_("Measure %s"), calc->measure_id);

  if (n > 0)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u set", "%u set", n), n);
      markup = g_markup_printf_escaped ("%s  <small>%s · <b>%s</b></small>", tr (calc->title), where, count);
    }
  else
    markup = g_markup_printf_escaped ("%s  <small>%s</small>", tr (calc->title), where);
  expander = gtk_expander_new (NULL);
  title = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (title), markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_line_wrap (GTK_LABEL (title), TRUE);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), title);
  gtk_widget_set_name (expander, calc->id);
  atk_object_set_name (gtk_widget_get_accessible (expander), tr (calc->title));
  if (calc->description != NULL)
    gtk_widget_set_tooltip_text (title, tr (calc->description));
  /* open where the analyst has entered something */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), n > 0);

  grid = new_grid ();
  g_object_set (grid, "margin-start", 18, "margin-top", 4, "margin-bottom", 6, NULL);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < calc->fields->len; i++)
      {
        PeField *f = g_ptr_array_index (calc->fields, i);
        g_autofree char *key = NULL;

        if (f->fact != NULL || (pass == 0) != (f->role == PE_FIELD_ROLE_INPUT))
          continue;
        if (pass == 1 && !readings)
          {
            GtkWidget *h = text_label (_("How to read the text"), "pe-section-title");
            gtk_grid_attach (GTK_GRID (grid), h, 0, top++, 3, 1);
            readings = TRUE;
          }
        key = pe_profile_key_for_field (calc, f);
        add_editor (self, grid, &top, f, key, expander);
        any = TRUE;
      }
  if (!any)
    gtk_grid_attach (GTK_GRID (grid), text_label (_("It asks only for the facts above."), "pe-dim"), 0, 0, 3, 1);
  gtk_container_add (GTK_CONTAINER (expander), grid);
  gtk_container_add (GTK_CONTAINER (box), expander);
}

static void
build_documents (PeProfileForm *self)
{
  gboolean titled = FALSE;

  for (guint d = 0; d < self->documents->len; d++)
    {
      PeDocument *doc = g_ptr_array_index (self->documents, d);
      GPtrArray *calcs = pe_document_get_calculators (doc);
      GPtrArray *own = pe_document_get_facts (doc);
      GtkWidget *box = NULL;

      for (guint c = 0; c < calcs->len; c++)
        {
          PeCalculator *calc = g_ptr_array_index (calcs, c);

          if (!concerns (self, calc))
            continue;
          if (!titled)
            {
              GtkWidget *h = text_label (_("Inputs of each calculator"), "pe-section-title");
              gtk_widget_set_margin_top (h, 12);
              gtk_container_add (GTK_CONTAINER (self->fields), h);
              titled = TRUE;
            }
          if (box == NULL)
            {
              GtkWidget *title = text_label (tr (pe_document_get_short_title (doc)), "pe-measure-title");

              gtk_widget_set_margin_top (title, 6);
              gtk_container_add (GTK_CONTAINER (self->fields), title);
              box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
              gtk_widget_set_name (box, pe_document_get_id (doc));
              gtk_container_add (GTK_CONTAINER (self->fields), box);

              /* the facts this document declares for itself, asked once */
              if (own->len > 0)
                {
                  GtkWidget *grid = new_grid ();
                  int top = 0;

                  for (guint i = 0; i < own->len; i++)
                    {
                      PeField *fact = g_ptr_array_index (own, i);
                      if (fact_is_asked (self, fact->id) || pe_profile_get_value (self->profile, fact->id) != NULL)
                        add_editor (self, grid, &top, fact, fact->id, NULL);
                    }
                  if (top > 0)
                    gtk_container_add (GTK_CONTAINER (box), grid);
                  else
                    gtk_widget_destroy (grid);
                }
            }
          build_calculator (self, box, doc, calc);
        }
    }
  if (!titled)
    gtk_container_add (GTK_CONTAINER (self->fields),
                       text_label (self->documents->len == 0
                                   ? _("No document is read yet.")
                                   : _("No calculator of the active documents concerns this kind of profile."),
                                   "pe-dim"));
}

static void
on_issue_changed (GtkEntry      *entry,
                  PeProfileForm *self)
{
  const char *doc_id = g_object_get_data (G_OBJECT (entry), "pe-document-id");
  const char *text = gtk_entry_get_text (entry);
  GtkStyleContext *sc = gtk_widget_get_style_context (GTK_WIDGET (entry));
  guint32 julian = 0;

  if (self->loading)
    return;
  if (*text != '\0' && !pe_date_parse (text, &julian))
    {
      gtk_style_context_add_class (sc, "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("A date between 1900-01-01 and 2200-12-31, written YYYY-MM-DD"));
      julian = 0;
    }
  else
    {
      gtk_style_context_remove_class (sc, "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("The text does not give the date it was issued, and its validity runs from that date"));
    }
  pe_profile_set_issue_date (self->profile, doc_id, julian);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
build_issue_dates (PeProfileForm *self)
{
  GtkWidget *grid = NULL;
  int top = 0;

  for (guint d = 0; d < self->documents->len; d++)
    {
      PeDocument *doc = g_ptr_array_index (self->documents, d);
      GtkWidget *label, *entry;
      guint32 date;

      if (!pe_document_needs_issue_date (doc))
        continue;
      if (grid == NULL)
        {
          GtkWidget *h = text_label (_("Issue dates the texts do not give"), "pe-section-title");
          gtk_widget_set_tooltip_text (h, _("Validity runs from these dates; until one is given, the document's validity cannot be decided"));
          gtk_container_add (GTK_CONTAINER (self->fields), h);
          grid = new_grid ();
          gtk_container_add (GTK_CONTAINER (self->fields), grid);
        }
      label = gtk_label_new (tr (pe_document_get_short_title (doc)));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_size_group_add_widget (self->labels, label);
      entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
      gtk_entry_set_width_chars (GTK_ENTRY (entry), 11);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      {
        /* Translators: the issue date of a document, by its short title */
        g_autofree char *name = g_strdup_printf (_("Issue date of %s"), tr (pe_document_get_short_title (doc)));
        g_autofree char *key = g_strconcat (PE_ISSUE_DATE_KEY_PREFIX, pe_document_get_id (doc), NULL);

        atk_object_set_name (gtk_widget_get_accessible (entry), name);
        gtk_widget_set_name (entry, key);
      }
      gtk_widget_set_tooltip_text (entry, _("The text does not give the date it was issued, and its validity runs from that date"));
      g_object_set_data_full (G_OBJECT (entry), "pe-document-id", g_strdup (pe_document_get_id (doc)), g_free);
      if ((date = pe_profile_get_issue_date (self->profile, pe_document_get_id (doc))) != 0)
        {
          g_autofree char *text = pe_date_to_string (date);
          gtk_entry_set_text (GTK_ENTRY (entry), text);
        }
      g_signal_connect (entry, "changed", G_CALLBACK (on_issue_changed), self);
      gtk_grid_attach (GTK_GRID (grid), label, 0, top, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, top, 1, 1);
      top++;
      g_hash_table_insert (self->issue_entries, g_strdup (pe_document_get_id (doc)), entry);
    }
}

static void
rebuild (PeProfileForm *self)
{
  g_autofree char *as_of = NULL;

  clear_container (self->fields);
  g_hash_table_remove_all (self->editors);
  g_hash_table_remove_all (self->expanders);
  g_hash_table_remove_all (self->issue_entries);
  g_clear_object (&self->labels);
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  if (self->profile == NULL)
    return;

  self->loading = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (g_str_equal (pe_profile_get_subject (self->profile), "person")
                                                   ? self->person : self->enterprise), TRUE);
  gtk_entry_set_text (GTK_ENTRY (self->name_entry), pe_profile_get_name (self->profile)
                                                    ? pe_profile_get_name (self->profile) : "");
  as_of = pe_profile_get_as_of (self->profile) ? pe_date_to_string (pe_profile_get_as_of (self->profile)) : NULL;
  gtk_entry_set_text (GTK_ENTRY (self->as_of_entry), as_of ? as_of : "");

  build_issue_dates (self);
  build_sections (self);
  build_documents (self);
  self->loading = FALSE;
  gtk_widget_show_all (self->fields);
  g_signal_emit (self, signals[EDITED], 0);
}

/* ---- the profile's own fields ------------------------------------------- */

static void
on_subject_toggled (GtkToggleButton *button,
                    PeProfileForm   *self)
{
  const char *subject = button == GTK_TOGGLE_BUTTON (self->person) ? "person" : "enterprise";

  if (self->loading || self->profile == NULL || !gtk_toggle_button_get_active (button) ||
      g_str_equal (subject, pe_profile_get_subject (self->profile)))
    return;
  pe_profile_set_subject (self->profile, subject);
  rebuild (self);
}

static void
on_name_changed (GtkEntry      *entry,
                 PeProfileForm *self)
{
  if (!self->loading && self->profile != NULL)
    pe_profile_set_name (self->profile, gtk_entry_get_text (entry));
}

static void
on_as_of_changed (GtkEntry      *entry,
                  PeProfileForm *self)
{
  const char *text = gtk_entry_get_text (entry);
  guint32 julian = 0;
  gboolean ok = *text == '\0' || pe_date_parse (text, &julian);
  GtkStyleContext *sc = gtk_widget_get_style_context (GTK_WIDGET (entry));

  if (ok)
    gtk_style_context_remove_class (sc, "error");
  else
    gtk_style_context_add_class (sc, "error");
  gtk_widget_set_visible (self->as_of_error, !ok);
  if (self->loading || self->profile == NULL || !ok)
    return;
  pe_profile_set_as_of (self->profile, julian);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
pe_profile_form_dispose (GObject *object)
{
  PeProfileForm *self = PE_PROFILE_FORM (object);

  g_clear_object (&self->profile);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->expanders, g_hash_table_unref);
  g_clear_pointer (&self->issue_entries, g_hash_table_unref);
  g_clear_object (&self->labels);
  G_OBJECT_CLASS (pe_profile_form_parent_class)->dispose (object);
}

static void
pe_profile_form_class_init (PeProfileFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pe_profile_form_dispose;

  /**
   * PeProfileForm::edited:
   *
   * The analyst changed something: a value, a date or the subject. The
   * values that cannot be read may have changed too.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/policyexplorer/PolicyExplorer/ui/pe-profile-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PeProfileForm, enterprise);
  gtk_widget_class_bind_template_child (widget_class, PeProfileForm, person);
  gtk_widget_class_bind_template_child (widget_class, PeProfileForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PeProfileForm, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, PeProfileForm, as_of_error);
  gtk_widget_class_bind_template_child (widget_class, PeProfileForm, fields);
  gtk_widget_class_bind_template_callback (widget_class, on_subject_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_changed);
}

static void
pe_profile_form_init (PeProfileForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->expanders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->issue_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

GtkWidget *
pe_profile_form_new (void)
{
  return g_object_new (PE_TYPE_PROFILE_FORM, NULL);
}

/* Shows @profile, and writes each edit into it. */
void
pe_profile_form_set_profile (PeProfileForm *self,
                             PeProfile     *profile)
{
  g_return_if_fail (PE_IS_PROFILE_FORM (self));
  g_return_if_fail (profile == NULL || PE_IS_PROFILE (profile));

  g_set_object (&self->profile, profile);
  rebuild (self);
}

/**
 * pe_profile_form_set_documents:
 * @documents: (element-type PeDocument): the active documents
 */
void
pe_profile_form_set_documents (PeProfileForm *self,
                               GPtrArray     *documents)
{
  g_return_if_fail (PE_IS_PROFILE_FORM (self));
  g_return_if_fail (documents != NULL);

  g_ptr_array_set_size (self->documents, 0);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->documents, g_object_ref (g_ptr_array_index (documents, i)));
  rebuild (self);
}

/* Scrolls the form so that @widget shows, once it has its place. */
static gboolean
scroll_to (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *sw = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child;
  int x, y;

  if (sw != NULL && (child = gtk_bin_get_child (GTK_BIN (sw))) != NULL &&
      gtk_widget_translate_coordinates (widget, child, 0, 0, &x, &y))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));
      gtk_adjustment_clamp_page (adj, MAX (0, y - 48), y + gtk_widget_get_allocated_height (widget) + 48);
    }
  g_object_unref (widget);
  return G_SOURCE_REMOVE;
}

/**
 * pe_profile_form_get_widget:
 * @key: a profile key, or `issue-date:DOC`
 *
 * Returns: (transfer none) (nullable): the entry or combo box of @key
 */
GtkWidget *
pe_profile_form_get_widget (PeProfileForm *self,
                            const char    *key)
{
  PeFieldEditor *e;

  g_return_val_if_fail (PE_IS_PROFILE_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_has_prefix (key, PE_ISSUE_DATE_KEY_PREFIX))
    return g_hash_table_lookup (self->issue_entries, key + strlen (PE_ISSUE_DATE_KEY_PREFIX));
  e = g_hash_table_lookup (self->editors, key);
  return e ? pe_field_editor_get_widget (e) : NULL;
}

/**
 * pe_profile_form_focus_key:
 * @key: a profile key, or `issue-date:DOC`
 *
 * Takes the user to the field to fill: opens its expander, focuses it
 * and scrolls it into view.
 *
 * Returns: whether the form has such a field
 */
gboolean
pe_profile_form_focus_key (PeProfileForm *self,
                           const char    *key)
{
  GtkWidget *w = pe_profile_form_get_widget (self, key);
  GtkWidget *expander;

  if (w == NULL)
    return FALSE;
  if ((expander = g_hash_table_lookup (self->expanders, key)) != NULL)
    gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  gtk_widget_grab_focus (w);
  /* after the expander has been laid out */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to, g_object_ref (w), NULL);
  return TRUE;
}

/**
 * pe_profile_form_get_editor:
 *
 * Returns: (transfer none) (nullable):
 */
PeFieldEditor *
pe_profile_form_get_editor (PeProfileForm *self,
                            const char    *key)
{
  g_return_val_if_fail (PE_IS_PROFILE_FORM (self), NULL);
  return g_hash_table_lookup (self->editors, key);
}

/* Fills the field of @key as if typed (an issue date too). */
gboolean
pe_profile_form_set_text (PeProfileForm *self,
                          const char    *key,
                          const char    *text)
{
  GtkWidget *w;
  PeFieldEditor *e;

  g_return_val_if_fail (PE_IS_PROFILE_FORM (self), FALSE);

  if ((e = g_hash_table_lookup (self->editors, key)) != NULL)
    return pe_field_editor_set_text (e, text);
  if ((w = pe_profile_form_get_widget (self, key)) != NULL)
    {
      gtk_entry_set_text (GTK_ENTRY (w), text ? text : "");
      return TRUE;
    }
  return FALSE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * pe_profile_form_get_invalid:
 *
 * Returns: (transfer container) (element-type utf8): the keys whose field
 *   holds a value that cannot be read (and so is not in the profile)
 */
GPtrArray *
pe_profile_form_get_invalid (PeProfileForm *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PE_IS_PROFILE_FORM (self), keys);

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = pe_field_editor_get_text (value);
      /* only what was typed and refused: an error a calculator found is
       * shown with its result */
      if (text != NULL && !pe_field_editor_validate (value))
        g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/**
 * pe_profile_form_show_errors:
 *
 * Shows at each field why a calculator of @assessment refused its value.
 */
void
pe_profile_form_show_errors (PeProfileForm *self,
                             PeAssessment  *assessment)
{
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *items;

  g_return_if_fail (PE_IS_PROFILE_FORM (self));
  g_return_if_fail (PE_IS_ASSESSMENT (assessment));

  items = pe_assessment_get_items (assessment);
  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *message = NULL;

      for (guint i = 0; i < items->len && message == NULL; i++)
        {
          PeAssessmentItem *it = g_ptr_array_index (items, i);
          if (g_strcmp0 (it->error_key, key) == 0)
            message = it->error;
        }
      pe_field_editor_set_external_error (value, message);
    }
}
