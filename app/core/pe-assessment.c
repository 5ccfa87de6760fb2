/* pe-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "What applies to me": every calculator of the given documents that
 * concerns the profile's subject and that the profile feeds (sets at least
 * one of its inputs) is run as of one date. Then stacking, in two passes:
 *
 *  1. within each document, under its own rule (同为补助类不可叠加，就高);
 *  2. across documents, for the calculators of one vocabulary group (the
 *     same kind of support given by several documents): where one of the
 *     documents concerned says its support does not add to like support of
 *     other policies (从高从优不重复, 就高不重复), only the highest of the
 *     group is kept, and the others are set aside citing that document's
 *     clause. Where none of them says so, they all stack: the texts do not
 *     forbid it, and the ledger says nothing was set aside.
 *
 * Amounts that are maxima ("up to") are compared as they stand; the
 * result says which figures are maxima.
 */
#define G_LOG_DOMAIN "pe-assessment"

#include "config.h"

#include <string.h>

#include "pe-assessment.h"
#include "pe-document-private.h"
#include "pe-rc-private.h"
#include "pe-vocabulary.h"

struct _PeAssessment
{
  GObject     parent_instance;

  PeProfile  *profile;
  guint32     as_of;
  GPtrArray  *items;     /* PeAssessmentItem, in the order of documents and calculators */
  GPtrArray  *ledger;    /* PeStackingEntry */
  gint64      total;
  gboolean    total_is_maximum;
};

G_DEFINE_FINAL_TYPE (PeAssessment, pe_assessment, G_TYPE_OBJECT)

static void
item_clear (PeAssessmentItem *self)
{
  g_clear_pointer (&self->calculator, pe_calculator_unref);
  g_clear_object (&self->result);
  g_free (self->error);
  g_free (self->error_key);
  g_strfreev (self->missing_keys);
  g_clear_pointer (&self->stacking, pe_stacking_entry_unref);
}

PE_DEFINE_RC_BOXED (PeAssessmentItem, pe_assessment_item, item_clear)

/**
 * pe_assessment_item_get_document_id:
 *
 * Returns: the id of the document of the item's calculator
 */
const char *
pe_assessment_item_get_document_id (PeAssessmentItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->calculator->document ? pe_document_get_id (self->calculator->document) : NULL;
}

static void
pe_assessment_finalize (GObject *object)
{
  PeAssessment *self = PE_ASSESSMENT (object);

  g_clear_object (&self->profile);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->ledger, g_ptr_array_unref);
  G_OBJECT_CLASS (pe_assessment_parent_class)->finalize (object);
}

static void
pe_assessment_class_init (PeAssessmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_assessment_finalize;
}

static void
pe_assessment_init (PeAssessment *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_assessment_item_unref);
  self->ledger = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_stacking_entry_unref);
}

/**
 * pe_calculator_concerns:
 * @subject: `enterprise` or `person`
 *
 * Whether @calculator computes something for a profile of @subject. Target
 * trackers (subject `city`) concern no profile.
 */
gboolean
pe_calculator_concerns (PeCalculator *calculator,
                        const char   *subject)
{
  g_return_val_if_fail (calculator != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);
  return g_strcmp0 (calculator->subject, subject) == 0;
}

static GStrv
missing_keys (PeCalculator *calc,
              GStrv         field_ids)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; field_ids != NULL && field_ids[i] != NULL; i++)
    {
      PeField *f = pe_calculator_get_field (calc, field_ids[i]);
      if (f != NULL)
        {
          g_autofree char *key = pe_profile_key_for_field (calc, f);
          g_strv_builder_add (b, key);
        }
    }
  return g_strv_builder_end (b);
}

/* The field whose value an input error names: the message begins with
 * the field id (see pe_calculator_evaluate()). */
static PeField *
field_of_error (PeCalculator *calc,
                const char   *message)
{
  for (guint i = 0; i < calc->fields->len; i++)
    {
      PeField *f = g_ptr_array_index (calc->fields, i);
      gsize n = strlen (f->id);
      if (strncmp (message, f->id, n) == 0 && message[n] == ' ')
        return f;
    }
  return NULL;
}

static PeAssessmentItem *
run_calculator (PeProfile    *profile,
                PeCalculator *calc,
                guint32       as_of)
{
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GError) error = NULL;
  PeEvalOptions options = { 0 };
  PeAssessmentItem *item;
  gboolean fed = FALSE;
  PeDocument *doc = calc->document;

  inputs = pe_profile_get_inputs (profile, calc, &fed);
  if (!fed)
    return NULL;

  options.as_of = as_of;
  options.issue_date = pe_profile_get_issue_date (profile, pe_document_get_id (doc));

  item = g_atomic_rc_box_new0 (PeAssessmentItem);
  item->calculator = pe_calculator_ref (calc);
  item->result = pe_calculator_evaluate (calc, inputs, &options, &error);
  if (item->result == NULL)
    {
      PeField *f = field_of_error (calc, error->message);

      item->error = g_strdup (error->message);
      if (f != NULL)
        item->error_key = pe_profile_key_for_field (calc, f);
      return item;
    }
  if (pe_result_get_verdict (item->result) == PE_VERDICT_CANNOT_DECIDE)
    {
      GStrv missing = pe_result_get_missing (item->result);

      item->missing_keys = missing_keys (calc, missing);
      item->needs_issue_date = missing != NULL && g_strv_contains ((const char * const *) missing, "issue_date");
    }
  return item;
}

static const char *
item_group (PeAssessmentItem *item)
{
  return item->calculator->group;
}

/* Whether the measure of @a's calculator says it is carried out by the
 * measure of @b's (its "links"): then the two are one support. */
static gboolean
carried_out_by (PeAssessmentItem *a,
                PeAssessmentItem *b)
{
  PeMeasure *m = pe_document_get_measure (a->calculator->document, a->calculator->measure_id);
  const char *doc = pe_document_get_id (b->calculator->document);

  for (guint i = 0; m != NULL && m->links != NULL && i < m->links->len; i++)
    {
      PeLink *l = g_ptr_array_index (m->links, i);
      if (g_str_equal (l->document_id, doc) && g_str_equal (l->measure_id, b->calculator->measure_id))
        return TRUE;
    }
  return FALSE;
}

static void
set_aside (PeAssessmentItem *it,
           PeAssessmentItem *winner,
           PeClause         *clause,
           PeDocument       *clause_document,
           char             *zh,
           char             *en)
{
  PeStackingEntry *e = it->stacking;

  e->kept = FALSE;
  g_clear_object (&e->prevailing);
  e->prevailing = g_object_ref (winner->result);
  g_clear_pointer (&e->clause, pe_clause_unref);
  if (clause != NULL)
    e->clause = pe_clause_ref (clause);
  g_clear_pointer (&e->reason, pe_text_free);
  e->reason = pe_text_new (zh, en);
  g_clear_pointer (&e->document_id, g_free);
  if (clause_document != NULL && clause_document != it->calculator->document)
    e->document_id = g_strdup (pe_document_get_id (clause_document));
  g_free (zh);
  g_free (en);
}

/* Pass 2: like support of several documents. First, a measure that says
 * another document carries it out (a decision's item and the measure that
 * implements it) is one support with it: the implementing one counts.
 * Then, where a document of the group rules so, only the highest. */
static void
stack_across (PeAssessment *self)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  PeVocabulary *vocabulary = pe_vocabulary_get_default ();

  for (guint i = 0; i < self->items->len; i++)
    {
      PeAssessmentItem *first = g_ptr_array_index (self->items, i);
      const char *group = item_group (first);
      g_autoptr(GPtrArray) members = NULL;
      PeAssessmentItem *winner = NULL;
      PeDocument *ruling = NULL;
      gboolean several_documents = FALSE;
      PeGroup *g;

      if (group == NULL || g_hash_table_contains (done, group))
        continue;
      g_hash_table_add (done, (gpointer) group);
      g = pe_vocabulary_get_group (vocabulary, group);

      members = g_ptr_array_new ();
      for (guint j = i; j < self->items->len; j++)
        {
          PeAssessmentItem *it = g_ptr_array_index (self->items, j);

          if (g_strcmp0 (item_group (it), group) == 0 && it->stacking != NULL && it->stacking->kept)
            g_ptr_array_add (members, it);
        }

      /* one support, two documents */
      for (guint j = 0; j < members->len; j++)
        for (guint k = 0; k < members->len; k++)
          {
            PeAssessmentItem *a = g_ptr_array_index (members, j);
            PeAssessmentItem *b = g_ptr_array_index (members, k);

            if (a == b || !a->stacking->kept || !b->stacking->kept || !carried_out_by (a, b))
              continue;
            set_aside (a, b, NULL, NULL,
                       g_strdup_printf ("第%s条的这项支持由《%s》第%s条落实，是同一项支持，只计一次",
                                        a->calculator->measure_id,
                                        pe_document_get_short_title (b->calculator->document)->zh,
                                        b->calculator->measure_id),
                       g_strdup_printf ("the same support as measure %s of %s, which carries it out "
                                        "(the measure links to it): counted once, there",
                                        b->calculator->measure_id,
                                        pe_document_get_short_title (b->calculator->document)->en));
          }

      for (guint j = 0; j < members->len; j++)
        {
          PeAssessmentItem *it = g_ptr_array_index (members, j);

          if (!it->stacking->kept)
            continue;
          if (winner == NULL || pe_result_get_amount (it->result) > pe_result_get_amount (winner->result))
            winner = it;
          if (ruling == NULL && pe_document_get_across_rule (it->calculator->document) != NULL)
            ruling = it->calculator->document;
        }
      for (guint j = 0; j < members->len && winner != NULL; j++)
        {
          PeAssessmentItem *it = g_ptr_array_index (members, j);
          if (it->stacking->kept && it->calculator->document != winner->calculator->document)
            several_documents = TRUE;
        }
      if (!several_documents || ruling == NULL)
        continue;

      for (guint j = 0; j < members->len; j++)
        {
          PeAssessmentItem *it = g_ptr_array_index (members, j);
          PeDocument *own = it->calculator->document;
          PeDocument *cite;

          if (it == winner || !it->stacking->kept)
            continue;
          /* the set-aside document's own rule where it has one */
          cite = pe_document_get_across_rule (own) != NULL ? own : ruling;
          set_aside (it, winner, pe_document_get_across_clause (cite), cite,
                     g_strdup_printf ("与《%s》“%s”同属“%s”，按从高从优、不重复的原则只取较高者",
                                      pe_document_get_short_title (winner->calculator->document)->zh,
                                      winner->calculator->title->zh, g->title->zh),
                     g_strdup_printf ("the same kind of support (%s) as “%s” of %s, which is higher: "
                                      "like support is not given twice, the higher is kept",
                                      g->title->en, winner->calculator->title->en,
                                      pe_document_get_short_title (winner->calculator->document)->en));
        }
    }
}

/**
 * pe_assessment_new:
 * @profile: the enterprise or person
 * @documents: (element-type PeDocument): the documents to search, in order
 * @as_of: the date asked about; 0 for the profile's own, or else today
 *
 * Returns: (transfer full):
 */
PeAssessment *
pe_assessment_new (PeProfile *profile,
                   GPtrArray *documents,
                   guint32    as_of)
{
  PeAssessment *self;
  g_auto(GStrv) keys = NULL;
  g_autofree GQuark *quarks = NULL;
  guint n_keys;

  g_return_val_if_fail (PE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  self = g_object_new (PE_TYPE_ASSESSMENT, NULL);
  self->profile = g_object_ref (profile);
  self->as_of = as_of != 0 ? as_of : pe_profile_get_as_of (profile);
  if (self->as_of == 0)
    self->as_of = pe_date_today ();

  keys = pe_profile_list_keys (profile);
  n_keys = g_strv_length (keys);
  /* indexed first: a key that is no quark after it, no document reads */
  for (guint d = 0; d < documents->len; d++)
    _pe_document_index_inputs (g_ptr_array_index (documents, d));
  quarks = g_new (GQuark, n_keys + 1);
  for (guint k = 0; k < n_keys; k++)
    quarks[k] = g_quark_try_string (keys[k]);
  for (guint d = 0; d < documents->len; d++)
    {
      PeDocument *doc = g_ptr_array_index (documents, d);
      GPtrArray *calcs = pe_document_get_calculators (doc);
      g_autoptr(GPtrArray) results = g_ptr_array_new ();
      g_autoptr(GPtrArray) doc_items = g_ptr_array_new ();
      g_autoptr(GPtrArray) entries = NULL;

      g_autofree gboolean *fed = g_new0 (gboolean, calcs->len + 1);

      /* which calculators the profile feeds: by the keys it sets */
      for (guint k = 0; k < n_keys; k++)
        {
          GArray *list = _pe_document_calculators_fed_by (doc, quarks[k]);
          for (guint j = 0; list != NULL && j < list->len; j++)
            fed[g_array_index (list, guint, j)] = TRUE;
        }

      for (guint c = 0; c < calcs->len; c++)
        {
          PeCalculator *calc = g_ptr_array_index (calcs, c);
          PeAssessmentItem *item;

          if (!fed[c] || !pe_calculator_concerns (calc, pe_profile_get_subject (profile)))
            continue;
          item = run_calculator (profile, calc, self->as_of);
          if (item == NULL)
            continue;
          g_ptr_array_add (self->items, item);
          if (item->result != NULL)
            {
              g_ptr_array_add (results, item->result);
              g_ptr_array_add (doc_items, item);
            }
        }

      /* pass 1: the document's own rule */
      entries = pe_stacking_apply (doc, results, NULL);
      for (guint e = 0; e < entries->len; e++)
        {
          PeStackingEntry *entry = g_ptr_array_index (entries, e);

          for (guint k = 0; k < doc_items->len; k++)
            {
              PeAssessmentItem *it = g_ptr_array_index (doc_items, k);
              if (it->result == entry->result)
                it->stacking = pe_stacking_entry_ref (entry);
            }
          g_ptr_array_add (self->ledger, pe_stacking_entry_ref (entry));
        }
    }

  stack_across (self);

  for (guint i = 0; i < self->ledger->len; i++)
    {
      PeStackingEntry *e = g_ptr_array_index (self->ledger, i);

      if (!e->kept)
        continue;
      /* amounts are not negative: the sum can only overflow upwards */
      if (pe_result_get_amount (e->result) > G_MAXINT64 - self->total)
        self->total = G_MAXINT64;   /* beyond any budget; never wrapped */
      else
        self->total += pe_result_get_amount (e->result);
      self->total_is_maximum |= pe_result_get_is_maximum (e->result);
    }
  return self;
}

/**
 * pe_assessment_get_profile:
 *
 * Returns: (transfer none):
 */
PeProfile *
pe_assessment_get_profile (PeAssessment *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT (self), NULL);
  return self->profile;
}

guint32
pe_assessment_get_as_of (PeAssessment *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT (self), 0);
  return self->as_of;
}

/**
 * pe_assessment_get_items:
 *
 * Returns: (transfer none) (element-type PeAssessmentItem): one per
 *   calculator run
 */
GPtrArray *
pe_assessment_get_items (PeAssessment *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT (self), NULL);
  return self->items;
}

/**
 * pe_assessment_find_item:
 *
 * Returns: (transfer none) (nullable):
 */
PeAssessmentItem *
pe_assessment_find_item (PeAssessment *self,
                         const char   *document_id,
                         const char   *calculator_id)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (self->items, i);
      if (g_strcmp0 (pe_assessment_item_get_document_id (it), document_id) == 0 &&
          g_strcmp0 (it->calculator->id, calculator_id) == 0)
        return it;
    }
  return NULL;
}

/**
 * pe_assessment_get_ledger:
 *
 * Returns: (transfer none) (element-type PeStackingEntry): every amount
 *   that took part in stacking, kept or set aside
 */
GPtrArray *
pe_assessment_get_ledger (PeAssessment *self)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT (self), NULL);
  return self->ledger;
}

/**
 * pe_assessment_get_total:
 * @is_maximum: (out) (optional): whether any amount summed is a maximum
 *
 * Returns: the sum of the amounts kept
 */
gint64
pe_assessment_get_total (PeAssessment *self,
                         gboolean     *is_maximum)
{
  g_return_val_if_fail (PE_IS_ASSESSMENT (self), 0);
  if (is_maximum != NULL)
    *is_maximum = self->total_is_maximum;
  return self->total;
}

/**
 * pe_assessment_count:
 *
 * Returns: how many calculators gave @verdict
 */
guint
pe_assessment_count (PeAssessment *self,
                     PeVerdict     verdict)
{
  guint n = 0;

  g_return_val_if_fail (PE_IS_ASSESSMENT (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (self->items, i);
      if (it->result != NULL && pe_result_get_verdict (it->result) == verdict)
        n++;
    }
  return n;
}

static void
add_text (JsonBuilder  *b,
          const char   *name,
          const PeText *text)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "zh");
  json_builder_add_string_value (b, text->zh);
  json_builder_set_member_name (b, "en");
  json_builder_add_string_value (b, text->en);
  json_builder_end_object (b);
}

static JsonNode *
stacking_to_json (PeStackingEntry *e)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kept");
  json_builder_add_boolean_value (b, e->kept);
  if (!e->kept)
    {
      if (e->prevailing != NULL)
        {
          json_builder_set_member_name (b, "prevailing");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "document");
          json_builder_add_string_value (b, pe_result_get_document_id (e->prevailing));
          json_builder_set_member_name (b, "calculator");
          json_builder_add_string_value (b, pe_result_get_calculator_id (e->prevailing));
          json_builder_end_object (b);
        }
      if (e->reason != NULL)
        add_text (b, "reason", e->reason);
      if (e->clause != NULL)
        {
          json_builder_set_member_name (b, "clause");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "document");
          json_builder_add_string_value (b, e->document_id ? e->document_id
                                                           : pe_result_get_document_id (e->result));
          json_builder_set_member_name (b, "measure");
          json_builder_add_string_value (b, e->clause->measure_id);
          json_builder_set_member_name (b, "quote");
          json_builder_add_string_value (b, e->clause->quote);
          json_builder_end_object (b);
        }
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/**
 * pe_assessment_to_json:
 *
 * Returns: (transfer full): the whole assessment: the date, the total,
 *   and per calculator its result with the trace and its stacking
 */
JsonNode *
pe_assessment_to_json (PeAssessment *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *date = NULL;
  gboolean max = FALSE;
  gint64 total;

  g_return_val_if_fail (PE_IS_ASSESSMENT (self), NULL);

  date = pe_date_to_string (self->as_of);
  total = pe_assessment_get_total (self, &max);

  json_builder_begin_object (b);
  if (pe_profile_get_name (self->profile) != NULL)
    {
      json_builder_set_member_name (b, "profile");
      json_builder_add_string_value (b, pe_profile_get_name (self->profile));
    }
  json_builder_set_member_name (b, "subject");
  json_builder_add_string_value (b, pe_profile_get_subject (self->profile));
  json_builder_set_member_name (b, "as_of");
  json_builder_add_string_value (b, date);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, total);
  json_builder_set_member_name (b, "total_is_maximum");
  json_builder_add_boolean_value (b, max);
  json_builder_set_member_name (b, "results");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->items->len; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (self->items, i);

      if (it->result != NULL)
        {
          JsonNode *node = pe_result_to_json (it->result);
          JsonObject *o = json_node_get_object (node);

          json_object_set_string_member (o, "title", it->calculator->title->en);
          json_object_set_string_member (o, "title_zh", it->calculator->title->zh);
          if (it->missing_keys != NULL && it->missing_keys[0] != NULL)
            {
              JsonArray *keys = json_array_new ();
              for (guint k = 0; it->missing_keys[k]; k++)
                json_array_add_string_element (keys, it->missing_keys[k]);
              json_object_set_array_member (o, "missing_keys", keys);
            }
          if (it->stacking != NULL)
            json_object_set_member (o, "stacking", stacking_to_json (it->stacking));
          json_builder_add_value (b, node);
        }
      else
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "document");
          json_builder_add_string_value (b, pe_assessment_item_get_document_id (it));
          json_builder_set_member_name (b, "calculator");
          json_builder_add_string_value (b, it->calculator->id);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, it->calculator->title->en);
          json_builder_set_member_name (b, "error");
          json_builder_add_string_value (b, it->error);
          if (it->error_key != NULL)
            {
              json_builder_set_member_name (b, "error_key");
              json_builder_add_string_value (b, it->error_key);
            }
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
