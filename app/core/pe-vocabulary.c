/* pe-vocabulary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A profile is asked each fact once, however many calculators of however
 * many documents use it. The facts live here, in one vocabulary shipped
 * with the core library (data/vocabulary.json), so that documents written
 * apart — the thirteen here, and third parties' — mean the same thing by
 * "the enterprise is high-tech". A calculator field says which fact it is
 * with its "fact" member; the document loader checks that the two agree.
 *
 * The vocabulary also names the groups of like support (the skill-
 * certificate subsidy of four documents…) that are compared side by side
 * and stacked across documents.
 */
#define G_LOG_DOMAIN "pe-vocabulary"

#include "config.h"

#include <string.h>

#include "pe-rc-private.h"
#include "pe-vocabulary-private.h"

#define DEFAULT_RESOURCE "/io/github/policyexplorer/PolicyExplorer/core/vocabulary.json"

G_DEFINE_FINAL_TYPE (PeVocabulary, pe_vocabulary, G_TYPE_OBJECT)

static void
section_clear (PeSection *self)
{
  g_free (self->id);
  g_clear_pointer (&self->title, pe_text_free);
}

static void
group_clear (PeGroup *self)
{
  g_free (self->id);
  g_clear_pointer (&self->title, pe_text_free);
  g_clear_pointer (&self->description, pe_text_free);
}

PE_DEFINE_RC_BOXED (PeSection, pe_section, section_clear)
PE_DEFINE_RC_BOXED (PeGroup, pe_group, group_clear)

static void
pe_vocabulary_finalize (GObject *object)
{
  PeVocabulary *self = PE_VOCABULARY (object);

  g_free (self->origin);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->facts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->groups_by_id, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (pe_vocabulary_parent_class)->finalize (object);
}

static void
pe_vocabulary_class_init (PeVocabularyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_vocabulary_finalize;
}

static void
pe_vocabulary_init (PeVocabulary *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_section_unref);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_field_unref);
  self->facts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_group_unref);
  self->groups_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

PeVocabulary *
_pe_vocabulary_new_empty (void)
{
  return g_object_new (PE_TYPE_VOCABULARY, NULL);
}

/**
 * pe_vocabulary_new_from_bytes:
 * @bytes: the JSON data
 * @origin: the name of the file or resource, for messages
 *
 * Returns: (transfer full): the vocabulary, or %NULL with @error saying
 *   where and what is wrong
 */
PeVocabulary *
pe_vocabulary_new_from_bytes (GBytes      *bytes,
                              const char  *origin,
                              GError     **error)
{
  g_autoptr(PeVocabulary) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  self = _pe_vocabulary_new_empty ();
  self->origin = g_strdup (origin);
  if (!_pe_vocabulary_read (self, bytes, origin, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * pe_vocabulary_get_default:
 *
 * The vocabulary shipped with the core library, read the first time it is
 * asked for. It is part of the library: a fault in it is a fault of the
 * build, and aborts.
 *
 * Returns: (transfer none):
 */
PeVocabulary *
pe_vocabulary_get_default (void)
{
  static PeVocabulary *vocabulary;

  if (g_once_init_enter (&vocabulary))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, &error);
      PeVocabulary *v = NULL;

      if (bytes != NULL)
        v = pe_vocabulary_new_from_bytes (bytes, "resource://" DEFAULT_RESOURCE, &error);
      if (v == NULL)
        g_error ("The vocabulary of the core library is broken: %s", error->message);
      g_once_init_leave (&vocabulary, v);
    }
  return vocabulary;
}

/**
 * pe_vocabulary_get_sections:
 *
 * Returns: (transfer none) (element-type PeSection):
 */
GPtrArray *
pe_vocabulary_get_sections (PeVocabulary *self)
{
  g_return_val_if_fail (PE_IS_VOCABULARY (self), NULL);
  return self->sections;
}

/**
 * pe_vocabulary_get_section:
 *
 * Returns: (transfer none) (nullable):
 */
PeSection *
pe_vocabulary_get_section (PeVocabulary *self,
                           const char   *section_id)
{
  g_return_val_if_fail (PE_IS_VOCABULARY (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      PeSection *s = g_ptr_array_index (self->sections, i);
      if (g_str_equal (s->id, section_id))
        return s;
    }
  return NULL;
}

/**
 * pe_vocabulary_get_facts:
 *
 * Returns: (transfer none) (element-type PeField): the facts, in the order
 *   of the profile form
 */
GPtrArray *
pe_vocabulary_get_facts (PeVocabulary *self)
{
  g_return_val_if_fail (PE_IS_VOCABULARY (self), NULL);
  return self->facts;
}

/**
 * pe_vocabulary_get_fact:
 *
 * Returns: (transfer none) (nullable):
 */
PeField *
pe_vocabulary_get_fact (PeVocabulary *self,
                        const char   *fact_id)
{
  g_return_val_if_fail (PE_IS_VOCABULARY (self), NULL);
  g_return_val_if_fail (fact_id != NULL, NULL);
  return g_hash_table_lookup (self->facts_by_id, fact_id);
}

/**
 * pe_vocabulary_get_groups:
 *
 * Returns: (transfer none) (element-type PeGroup):
 */
GPtrArray *
pe_vocabulary_get_groups (PeVocabulary *self)
{
  g_return_val_if_fail (PE_IS_VOCABULARY (self), NULL);
  return self->groups;
}

/**
 * pe_vocabulary_get_group:
 *
 * Returns: (transfer none) (nullable):
 */
PeGroup *
pe_vocabulary_get_group (PeVocabulary *self,
                         const char   *group_id)
{
  g_return_val_if_fail (PE_IS_VOCABULARY (self), NULL);
  g_return_val_if_fail (group_id != NULL, NULL);
  return g_hash_table_lookup (self->groups_by_id, group_id);
}

/**
 * pe_fact_in_section:
 *
 * Whether @fact_id (`person.birth_date`) belongs to @section_id (`person`).
 */
gboolean
pe_fact_in_section (const char *fact_id,
                    const char *section_id)
{
  gsize n;

  g_return_val_if_fail (fact_id != NULL, FALSE);
  g_return_val_if_fail (section_id != NULL, FALSE);

  n = strlen (section_id);
  return strncmp (fact_id, section_id, n) == 0 && fact_id[n] == '.';
}
