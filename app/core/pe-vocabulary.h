/* pe-vocabulary.h — the facts a profile holds, shared by all documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (PE_CORE_INSIDE) && !defined (PE_CORE_COMPILATION)
# error "Only <policy-explorer-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "pe-calculator.h"

G_BEGIN_DECLS

#define PE_TYPE_VOCABULARY (pe_vocabulary_get_type ())
#define PE_TYPE_SECTION    (pe_section_get_type ())
#define PE_TYPE_GROUP      (pe_group_get_type ())

/**
 * PeSection:
 * @id: the first part of the ids of its facts: `enterprise`, `person`, `general`
 * @title: what the profile form calls it
 *
 * A part of the profile form.
 */
typedef struct
{
  char   *id;
  PeText *title;
} PeSection;

/**
 * PeGroup:
 * @id: the id calculators name in their `group` member
 * @title: the kind of support the group's members give
 * @description: (nullable): what is compared
 *
 * The same kind of support given by several documents, compared side by
 * side, and stacked under the documents' rules across documents.
 */
typedef struct
{
  char   *id;
  PeText *title;
  PeText *description;
} PeGroup;

G_DECLARE_FINAL_TYPE (PeVocabulary, pe_vocabulary, PE, VOCABULARY, GObject)

GType          pe_section_get_type           (void) G_GNUC_CONST;
PeSection     *pe_section_ref                (PeSection    *self);
void           pe_section_unref              (PeSection    *self);
GType          pe_group_get_type             (void) G_GNUC_CONST;
PeGroup       *pe_group_ref                  (PeGroup      *self);
void           pe_group_unref                (PeGroup      *self);

PeVocabulary  *pe_vocabulary_get_default     (void);
PeVocabulary  *pe_vocabulary_new_from_bytes  (GBytes       *bytes,
                                              const char   *origin,
                                              GError      **error);
GPtrArray     *pe_vocabulary_get_sections    (PeVocabulary *self);
PeSection     *pe_vocabulary_get_section     (PeVocabulary *self,
                                              const char   *section_id);
GPtrArray     *pe_vocabulary_get_facts       (PeVocabulary *self);
PeField       *pe_vocabulary_get_fact        (PeVocabulary *self,
                                              const char   *fact_id);
GPtrArray     *pe_vocabulary_get_groups      (PeVocabulary *self);
PeGroup       *pe_vocabulary_get_group       (PeVocabulary *self,
                                              const char   *group_id);

gboolean       pe_fact_in_section            (const char   *fact_id,
                                              const char   *section_id);

G_END_DECLS
