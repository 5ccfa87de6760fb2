/* test-profile.c — the vocabulary of facts, profiles as files, and the
 * assessment of a profile across documents with stacking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents alpha, beta and gamma (tests/data/) are small and made up,
 * so that each figure below can be worked out by hand:
 *   alpha: cert 1,000/person (group skill-certificate-subsidy, subsidy);
 *          housing 50,000 if high-tech else 20,000 (subsidy); no rule
 *          within; across documents 从高从优不重复; valid 2021–2022.
 *   beta:  cert 1,500/person (same group, reward); equipment ≤ 10 % of the
 *          investment, ≤ 300,000 (subsidy); training 500/trainee (subsidy);
 *          award 100,000 for an SME (reward); loan 10,000 if listed
 *          (subsidy); 同为补助类不可叠加，就高; valid 2021–2025.
 *   gamma: a person's calculator, a city target tracker, and a
 *          certificate subsidy of 2,000/person (same group) whose measure
 *          says beta's measure 1 carries it out.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pe-test-harness.h"

static PeDocument *
load_test_document (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/%s.json", name);
  g_autofree char *path = pe_test_source_path (rel);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PeDocument *doc = pe_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static GPtrArray *
test_documents (void)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (docs, load_test_document ("alpha"));
  g_ptr_array_add (docs, load_test_document ("beta"));
  g_ptr_array_add (docs, load_test_document ("gamma"));
  return docs;
}

static guint32
date (const char *text)
{
  guint32 j = 0;
  g_assert_true (pe_date_parse (text, &j));
  return j;
}

/* ---- the vocabulary ---------------------------------------------------- */

static void
test_vocabulary (void)
{
  PeVocabulary *v = pe_vocabulary_get_default ();
  PeField *f;

  g_assert_nonnull (pe_vocabulary_get_section (v, "enterprise"));
  g_assert_nonnull (pe_vocabulary_get_section (v, "person"));
  f = pe_vocabulary_get_fact (v, "enterprise.high_tech");
  g_assert_nonnull (f);
  g_assert_cmpint (f->type, ==, PE_VALUE_TYPE_BOOLEAN);
  f = pe_vocabulary_get_fact (v, "person.education");
  g_assert_nonnull (f);
  g_assert_cmpint (f->type, ==, PE_VALUE_TYPE_CHOICE);
  g_assert_null (pe_vocabulary_get_fact (v, "enterprise.no_such_fact"));
  g_assert_nonnull (pe_vocabulary_get_group (v, "skill-certificate-subsidy"));
  g_assert_true (pe_fact_in_section ("person.birth_date", "person"));
  g_assert_false (pe_fact_in_section ("person.birth_date", "pers"));
  g_assert_false (pe_fact_in_section ("personal.x", "person"));

  /* every fact is in a declared section */
  for (guint i = 0; i < pe_vocabulary_get_facts (v)->len; i++)
    {
      PeField *fact = g_ptr_array_index (pe_vocabulary_get_facts (v), i);
      gboolean found = FALSE;
      for (guint j = 0; j < pe_vocabulary_get_sections (v)->len; j++)
        found |= pe_fact_in_section (fact->id, ((PeSection *) g_ptr_array_index (pe_vocabulary_get_sections (v), j))->id);
      g_assert_true (found);
    }
}

typedef struct
{
  const char *json;
  const char *error;
} BadVocabulary;

static void
test_vocabulary_bad (void)
{
  static const BadVocabulary cases[] = {
    { "[]", "$: the vocabulary must be a JSON object" },
    { "{\"format\": 1, \"sections\": [], \"facts\": [{\"id\": \"x.y\", \"type\": \"boolean\", \"label\": {\"zh\": \"x\", \"en\": \"x\"}}], \"groups\": []}",
      "$.facts[0].id: “x.y” is in no section" },
    { "{\"format\": 1, \"sections\": [{\"id\": \"x\", \"title\": {\"zh\": \"x\", \"en\": \"x\"}}], \"facts\": [{\"id\": \"xy\", \"type\": \"boolean\", \"label\": {\"zh\": \"x\", \"en\": \"x\"}}], \"groups\": []}",
      "$.facts[0].id: “xy” is not a fact id" },
    { "{\"format\": 1, \"sections\": [{\"id\": \"x\", \"title\": {\"zh\": \"x\", \"en\": \"x\"}}], \"facts\": [{\"id\": \"x.a\", \"type\": \"boolean\", \"label\": {\"zh\": \"x\", \"en\": \"x\"}}, {\"id\": \"x.a\", \"type\": \"yuan\", \"label\": {\"zh\": \"x\", \"en\": \"x\"}}], \"groups\": []}",
      "$.facts[1]: a second fact has the id “x.a”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(PeVocabulary) v = pe_vocabulary_new_from_bytes (bytes, "test.json", &error);

      g_assert_null (v);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].error, error->message);
    }
}

/* A document whose one calculator has the field FIELD. */
#define FACT_DOC(FIELD) \
  "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": {\"zh\": \"t\", \"en\": \"t\"}," \
  " \"short_title\": {\"zh\": \"t\", \"en\": \"t\"}, \"issuer\": {\"zh\": \"t\", \"en\": \"t\"}," \
  " \"measures\": [{\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"奖\", \"en\": \"R\"}, \"text\": {\"zh\": \"奖励\", \"en\": \"R\"}}]," \
  " \"validity\": {\"text\": {\"zh\": \"x\", \"en\": \"x\"}}," \
  " \"calculators\": [{\"id\": \"c\", \"measure\": \"1\", \"title\": {\"zh\": \"c\", \"en\": \"c\"}," \
  " \"fields\": [" FIELD "], \"steps\": [{\"id\": \"s\", \"expr\": \"1\", \"type\": \"integer\"," \
  " \"label\": {\"zh\": \"s\", \"en\": \"s\"}, \"clause\": {\"quote\": \"奖励\"}}]}]}"

#define LABEL "\"label\": {\"zh\": \"f\", \"en\": \"f\"}"

static void
test_field_facts (void)
{
  static const BadVocabulary cases[] = {
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"boolean\", " LABEL ", \"fact\": \"enterprise.nothing\"}"),
      "$.calculators[0].fields[0].fact: “enterprise.nothing” is neither a fact of the vocabulary" },
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"yuan\", " LABEL ", \"fact\": \"enterprise.high_tech\"}"),
      "the fact “enterprise.high_tech” is of type boolean and the field of type yuan" },
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"choice\", " LABEL ", \"choices\": [{\"id\": \"doctorate\", " LABEL "}], \"fact\": \"person.education\"}"),
      "the fact “person.education” can be “master”, which the field has not as a choice" },
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"choice\", " LABEL ", \"choices\": [{\"id\": \"a\", " LABEL "}], \"fact\": \"enterprise.sme\", \"fact_values\": {\"true\": \"a\"}}"),
      "$.calculators[0].fields[0].fact_values: says nothing of the fact's value “false”" },
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"choice\", " LABEL ", \"choices\": [{\"id\": \"a\", " LABEL "}], \"fact\": \"enterprise.sme\", \"fact_values\": {\"true\": \"a\", \"false\": \"b\"}}"),
      "$.calculators[0].fields[0].fact_values.false: “b” is not one of the choices" },
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"choice\", " LABEL ", \"choices\": [{\"id\": \"a\", " LABEL "}], \"default\": \"a\", \"role\": \"reading\", \"fact\": \"enterprise.sme\"}"),
      "a reading of the text is not a fact of the profile" },
    { FACT_DOC ("{\"id\": \"f\", \"type\": \"boolean\", " LABEL ", \"fact_values\": {\"true\": \"a\"}}"),
      "“fact_values” without a “fact”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = pe_document_new_from_bytes (bytes, "t.json", &error);

      g_assert_null (doc);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].error, error->message);
    }

  /* a good one: the boolean fact maps onto the field's choices */
  {
    static const char *good = FACT_DOC ("{\"id\": \"f\", \"type\": \"choice\", " LABEL ", \"choices\": [{\"id\": \"a\", " LABEL "}, {\"id\": \"b\", " LABEL "}], \"fact\": \"enterprise.sme\", \"fact_values\": {\"true\": \"a\", \"false\": \"b\"}}");
    g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
    g_autoptr(GError) error = NULL;
    g_autoptr(PeDocument) doc = pe_document_new_from_bytes (bytes, "t.json", &error);
    PeField *f;

    g_assert_no_error (error);
    f = pe_calculator_get_field (pe_document_get_calculator (doc, "c"), "f");
    g_assert_cmpstr (f->fact, ==, "enterprise.sme");
    g_assert_cmpstr (g_hash_table_lookup (f->fact_values, "false"), ==, "b");
  }
}

/* ---- profiles as files ------------------------------------------------- */

static PeProfile *
example_profile (void)
{
  PeProfile *p = pe_profile_new ("enterprise");

  pe_profile_set_name (p, "泉州某制造企业");
  pe_profile_set_value (p, "enterprise.high_tech", "true");
  pe_profile_set_value (p, "enterprise.sme", "是");
  pe_profile_set_value (p, "alpha/cert/certified", "10");
  pe_profile_set_value (p, "beta/cert/persons", "10");
  pe_profile_set_value (p, "beta/equipment/investment", "200万");
  pe_profile_set_value (p, "beta/training/trainees", "10");
  return p;
}

static void
test_profile_round_trip (void)
{
  g_autoptr(PeProfile) p = example_profile ();
  g_autoptr(PeProfile) q = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  pe_profile_set_as_of (p, date ("2022-06-30"));
  pe_profile_set_issue_date (p, "land", date ("2021-05-01"));
  g_assert_true (pe_profile_is_modified (p));

  a = pe_profile_to_bytes (p);
  q = pe_profile_new_from_bytes (a, "p.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pe_profile_get_name (q), ==, "泉州某制造企业");
  g_assert_cmpstr (pe_profile_get_subject (q), ==, "enterprise");
  g_assert_cmpuint (pe_profile_get_as_of (q), ==, date ("2022-06-30"));
  g_assert_cmpuint (pe_profile_get_issue_date (q, "land"), ==, date ("2021-05-01"));
  g_assert_cmpuint (pe_profile_get_issue_date (q, "commerce"), ==, 0);
  /* values stay as typed */
  g_assert_cmpstr (pe_profile_get_value (q, "beta/equipment/investment"), ==, "200万");
  g_assert_cmpstr (pe_profile_get_value (q, "enterprise.sme"), ==, "是");
  keys = pe_profile_list_keys (q);
  g_assert_cmpuint (g_strv_length (keys), ==, 6);
  g_assert_cmpstr (keys[0], ==, "alpha/cert/certified");
  g_assert_false (pe_profile_is_modified (q));

  /* the same bytes again: the file is stable */
  b = pe_profile_to_bytes (q);
  g_assert_true (g_bytes_equal (a, b));

  /* only what was set is written; an emptied value goes */
  g_assert_true (pe_profile_set_value (q, "beta/training/trainees", ""));
  g_assert_null (pe_profile_get_value (q, "beta/training/trainees"));
  g_assert_false (pe_profile_set_value (q, "beta/training/trainees", NULL));
  g_bytes_unref (b);
  b = pe_profile_to_bytes (q);
  g_assert_null (strstr (g_bytes_get_data (b, NULL), "trainees"));
}

typedef struct
{
  const char *text;
  const char *error;
} BadProfile;

#define HEAD "{\"format\": \"policy-explorer-profile\", \"version\": 1, \"subject\": \"enterprise\", "

static void
test_profile_corrupt (void)
{
  static const BadProfile cases[] = {
    { "", "p.json: the file is empty" },
    { "{\"format\": \"policy-explorer-profile\", \"version\": 1, \"subj", "p.json: not valid JSON" },
    { "[1, 2]", "p.json: $: a profile is a JSON object" },
    { "{\"format\": \"something\"}", "$.format: not a Policy Explorer profile" },
    { "{\"format\": \"policy-explorer-profile\", \"version\": 7}", "$.version: written by a newer version" },
    { "{\"format\": \"policy-explorer-profile\", \"version\": \"1\"}", "$.version: expected the version" },
    { HEAD "\"values\": {}, \"extra\": 1}", "$.extra: not a member of a profile" },
    { "{\"format\": \"policy-explorer-profile\", \"version\": 1, \"subject\": \"city\", \"values\": {}}", "$.subject: expected \"enterprise\" or \"person\"" },
    { HEAD "\"as_of\": \"2022-13-01\", \"values\": {}}", "$.as_of: “2022-13-01” is not a date" },
    { HEAD "\"values\": []}", "$.values: expected an object" },
    { HEAD "\"values\": {\"../etc\": \"1\"}}", "$.values[\"../etc\"]: not a fact id" },
    { HEAD "\"values\": {\"a/b/c\": [1]}}", "$.values[\"a/b/c\"]: expected the value as text" },
    { HEAD "\"values\": {\"a/b/c\": \"\"}}", "$.values[\"a/b/c\"]: empty" },
    { HEAD "\"values\": {\"enterprise.high_tech\": \"perhaps\"}}", "$.values[\"enterprise.high_tech\"]: must be yes or no" },
    { HEAD "\"values\": {\"enterprise.output\": \"-5\"}}", "$.values[\"enterprise.output\"]: must not be negative" },
    { HEAD "\"issue_dates\": {\"land\": \"soon\"}, \"values\": {}}", "$.issue_dates[\"land\"]: “soon” is not a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(PeProfile) p = pe_profile_new_from_bytes (bytes, "p.json", &error);

      g_assert_null (p);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].error) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, cases[i].error, error->message);
    }

  /* not UTF-8, and a value of a megabyte */
  {
    static const char latin1[] = HEAD "\"name\": \"caf\xe9\", \"values\": {}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (latin1, sizeof latin1 - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(PeProfile) p = pe_profile_new_from_bytes (bytes, "p.json", &error);
    g_autoptr(GString) big = g_string_new (HEAD "\"values\": {\"a/b/c\": \"");
    g_autoptr(GBytes) big_bytes = NULL;
    g_autoptr(PeProfile) p2 = NULL;

    g_assert_null (p);
    g_assert_nonnull (strstr (error->message, "not UTF-8"));
    g_clear_error (&error);

    for (int k = 0; k < 1024 * 1024; k++)
      g_string_append_c (big, '9');
    g_string_append (big, "\"}}");
    big_bytes = g_bytes_new (big->str, big->len);
    p2 = pe_profile_new_from_bytes (big_bytes, "p.json", &error);
    g_assert_null (p2);
    g_assert_nonnull (strstr (error->message, "$.values[\"a/b/c\"]: longer than 1000 characters"));
  }
}

static char *
make_scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pe-profile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_scratch_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
test_profile_save (void)
{
  g_autofree char *dir = make_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "firm.pe-profile", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PeProfile) p = example_profile ();
  g_autoptr(PeProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *saved_backup = NULL;
  g_autofree char *corrupt_after = NULL;

  g_assert_true (pe_profile_save (p, file, &error));
  g_assert_no_error (error);
  g_assert_false (pe_profile_is_modified (p));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  /* a second save keeps the first as the backup */
  pe_profile_set_value (p, "beta/training/trainees", "12");
  g_assert_true (pe_profile_save (p, file, &error));
  g_assert_true (g_file_get_contents (backup, &saved_backup, NULL, NULL));
  g_assert_cmpstr (saved_backup, ==, first);
  back = pe_profile_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pe_profile_get_value (back, "beta/training/trainees"), ==, "12");

  /* a save that cannot be done says where, and leaves the file as it was */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.pe-profile", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (missing);

    g_assert_false (pe_profile_save (p, nowhere, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, missing));
    g_clear_error (&error);
    g_assert_true (pe_profile_is_modified (p) == FALSE);
  }

  /* a corrupt file is refused and left untouched */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"policy-explorer-profile\", \"vers", -1, NULL));
  g_clear_object (&back);
  back = pe_profile_new_from_file (file, &error);
  g_assert_null (back);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &corrupt_after, NULL, NULL));
  g_assert_cmpstr (corrupt_after, ==, "{\"format\": \"policy-explorer-profile\", \"vers");

  remove_scratch_dir (dir);
}

/* ---- assessment -------------------------------------------------------- */

static PeStackingEntry *
entry_of (PeAssessment *a,
          const char   *doc,
          const char   *calc)
{
  PeAssessmentItem *it = pe_assessment_find_item (a, doc, calc);

  g_assert_nonnull (it);
  g_assert_nonnull (it->stacking);
  return it->stacking;
}

static void
test_assessment_stacking (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  g_autoptr(PeProfile) p = example_profile ();
  g_autoptr(PeAssessment) a = pe_assessment_new (p, docs, date ("2022-06-30"));
  PeStackingEntry *e;
  gboolean max = FALSE;

  /* run: alpha cert, housing; beta cert, equipment, training, award, loan
   * (fed by enterprise.high_tech); gamma: nothing for an enterprise */
  g_assert_cmpuint (pe_assessment_get_items (a)->len, ==, 7);
  g_assert_null (pe_assessment_find_item (a, "gamma", "young"));
  g_assert_null (pe_assessment_find_item (a, "gamma", "tracker"));

  /* figures: alpha cert 10 × 1,000; housing 50,000 (high-tech); beta cert
   * 10 × 1,500; equipment min(2,000,000 × 10 %, 300,000) = 200,000, up to;
   * training 10 × 500; award 100,000 (是 = an SME, read as "small") */
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "alpha", "cert")->result), ==, 10000);
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "alpha", "housing")->result), ==, 50000);
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "beta", "cert")->result), ==, 15000);
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "beta", "equipment")->result), ==, 200000);
  g_assert_true (pe_result_get_is_maximum (pe_assessment_find_item (a, "beta", "equipment")->result));
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "beta", "award")->result), ==, 100000);

  /* within beta: training (5,000) and equipment (200,000) are both
   * subsidies: only the higher is kept */
  e = entry_of (a, "beta", "training");
  g_assert_false (e->kept);
  g_assert_cmpstr (pe_result_get_calculator_id (e->prevailing), ==, "equipment");
  g_assert_cmpstr (e->clause->quote, ==, "同为补助类的项目，不可叠加，采用就高原则");
  g_assert_null (e->document_id);

  /* across: alpha's cert (10,000) and beta's (15,000) are the same kind of
   * support; alpha's text rules 从高从优不重复, so alpha's is set aside,
   * citing alpha's clause */
  e = entry_of (a, "alpha", "cert");
  g_assert_false (e->kept);
  g_assert_cmpstr (pe_result_get_document_id (e->prevailing), ==, "beta");
  g_assert_cmpstr (e->clause->quote, ==, "按照从高从优不重复原则执行");
  g_assert_null (e->document_id);   /* alpha's own clause */
  g_assert_true (entry_of (a, "beta", "cert")->kept);
  g_assert_true (entry_of (a, "alpha", "housing")->kept);

  /* kept: 50,000 + 15,000 + 200,000 + 100,000 */
  g_assert_cmpint (pe_assessment_get_total (a, &max), ==, 365000);
  g_assert_true (max);   /* the equipment subsidy is an upper bound */
  g_assert_cmpuint (pe_assessment_get_ledger (a)->len, ==, 6);
}

static void
test_assessment_as_of (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  g_autoptr(PeProfile) p = example_profile ();
  /* alpha has expired by mid-2023; beta is still in force */
  g_autoptr(PeAssessment) a = pe_assessment_new (p, docs, date ("2023-06-30"));
  PeAssessmentItem *housing = pe_assessment_find_item (a, "alpha", "housing");
  gint64 potential = 0;

  g_assert_cmpint (pe_result_get_verdict (housing->result), ==, PE_VERDICT_NOT_ELIGIBLE);
  g_assert_false (pe_result_has_amount (housing->result));
  g_assert_true (pe_result_get_amount_if_in_force (housing->result, &potential, NULL));
  g_assert_cmpint (potential, ==, 50000);
  g_assert_null (housing->stacking);
  /* with alpha's cert out, beta's stands alone */
  g_assert_true (entry_of (a, "beta", "cert")->kept);
  /* 15,000 + 200,000 + 100,000 */
  g_assert_cmpint (pe_assessment_get_total (a, NULL), ==, 315000);

  /* the profile's own date is used when none is given */
  {
    g_autoptr(PeAssessment) b = NULL;
    pe_profile_set_as_of (p, date ("2022-01-01"));
    b = pe_assessment_new (p, docs, 0);
    g_assert_cmpuint (pe_assessment_get_as_of (b), ==, date ("2022-01-01"));
    g_assert_cmpint (pe_assessment_get_total (b, NULL), ==, 365000);
  }
}

static void
test_assessment_carried_out (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  g_autoptr(PeProfile) p = example_profile ();
  g_autoptr(PeAssessment) a = NULL;
  PeStackingEntry *e;

  /* gamma's 20,000 is higher than beta's 15,000, but it is the same
   * support, carried out by beta's measure 1: beta's counts */
  pe_profile_set_value (p, "gamma/cert/persons", "10");
  a = pe_assessment_new (p, docs, date ("2022-06-30"));
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "gamma", "cert")->result), ==, 20000);
  e = entry_of (a, "gamma", "cert");
  g_assert_false (e->kept);
  g_assert_cmpstr (pe_result_get_document_id (e->prevailing), ==, "beta");
  g_assert_null (e->clause);
  g_assert_nonnull (strstr (e->reason->en, "carries it out"));
  /* and then, as before, alpha's gives way to beta's under alpha's rule */
  g_assert_false (entry_of (a, "alpha", "cert")->kept);
  g_assert_true (entry_of (a, "beta", "cert")->kept);
  g_assert_cmpint (pe_assessment_get_total (a, NULL), ==, 365000);
}

static void
test_scenario (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  g_autoptr(PeProfile) p = example_profile ();
  g_autoptr(PeAssessment) before = pe_assessment_new (p, docs, date ("2022-06-30"));
  g_autoptr(PeAssessment) after = pe_assessment_new (p, docs, date ("2023-06-30"));
  g_autoptr(GPtrArray) rows = pe_scenario_compare (before, after);
  gint64 sum = 0;
  gboolean housing_seen = FALSE;

  /* the same seven calculators ran at both dates */
  g_assert_cmpuint (rows->len, ==, 7);
  for (guint i = 0; i < rows->len; i++)
    {
      PeScenarioRow *r = g_ptr_array_index (rows, i);

      sum += r->delta;
      if (g_str_equal (r->calculator->id, "housing"))
        {
          /* 50,000 counted before; expired after */
          housing_seen = TRUE;
          g_assert_cmpint (r->counted_a, ==, 50000);
          g_assert_cmpint (r->counted_b, ==, 0);
          g_assert_cmpint (r->delta, ==, -50000);
          g_assert_true (r->verdict_changed);
        }
      if (g_str_equal (r->calculator->id, "award"))
        {
          g_assert_cmpint (r->delta, ==, 0);
          g_assert_false (r->verdict_changed);
        }
    }
  g_assert_true (housing_seen);
  /* the rows add up to the difference of the totals: 315,000 − 365,000 */
  g_assert_cmpint (sum, ==, pe_assessment_get_total (after, NULL) - pe_assessment_get_total (before, NULL));
  g_assert_cmpint (sum, ==, -50000);
}

static void
test_assessment_missing_and_errors (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  g_autoptr(PeProfile) p = example_profile ();
  g_autoptr(PeAssessment) a = pe_assessment_new (p, docs, date ("2022-06-30"));
  PeAssessmentItem *loan = pe_assessment_find_item (a, "beta", "loan");
  g_autoptr(PeAssessment) b = NULL;
  PeAssessmentItem *bad;

  /* the loan needs enterprise.listed: one click away, by its key */
  g_assert_cmpint (pe_result_get_verdict (loan->result), ==, PE_VERDICT_CANNOT_DECIDE);
  g_assert_nonnull (loan->missing_keys);
  g_assert_cmpstr (loan->missing_keys[0], ==, "enterprise.listed");
  g_assert_null (loan->missing_keys[1]);

  pe_profile_set_value (p, "enterprise.listed", "no");
  g_clear_object (&a);
  a = pe_assessment_new (p, docs, date ("2022-06-30"));
  loan = pe_assessment_find_item (a, "beta", "loan");
  g_assert_cmpint (pe_result_get_verdict (loan->result), ==, PE_VERDICT_NOT_ELIGIBLE);
  g_assert_cmpstr (pe_result_get_failed_step (loan->result)->id, ==, "listed");

  /* a value the calculator cannot read: an error naming its key, and the
   * rest carries on */
  pe_profile_set_value (p, "beta/equipment/investment", "two million");
  b = pe_assessment_new (p, docs, date ("2022-06-30"));
  bad = pe_assessment_find_item (b, "beta", "equipment");
  g_assert_null (bad->result);
  g_assert_cmpstr (bad->error_key, ==, "beta/equipment/investment");
  g_assert_nonnull (strstr (bad->error, "is not a number"));
  /* training is now the highest subsidy of beta */
  g_assert_true (entry_of (b, "beta", "training")->kept);
  g_assert_cmpint (pe_assessment_get_total (b, NULL), ==, 50000 + 15000 + 5000 + 100000);
}

static void
test_assessment_person (void)
{
  g_autoptr(GPtrArray) docs = test_documents ();
  g_autoptr(PeProfile) p = pe_profile_new ("person");
  g_autoptr(PeAssessment) a = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *o;

  /* born 1990-01-01 exactly: the condition is inclusive */
  pe_profile_set_value (p, "person.birth_date", "1990-01-01");
  /* an enterprise's fact does not make enterprise calculators run */
  pe_profile_set_value (p, "enterprise.high_tech", "true");
  a = pe_assessment_new (p, docs, date ("2022-06-30"));
  g_assert_cmpuint (pe_assessment_get_items (a)->len, ==, 1);
  g_assert_cmpint (pe_result_get_amount (pe_assessment_find_item (a, "gamma", "young")->result), ==, 1000);

  json = pe_assessment_to_json (a);
  o = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (o, "as_of"), ==, "2022-06-30");
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 1000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "results")), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/profile/vocabulary", test_vocabulary);
  g_test_add_func ("/profile/vocabulary/bad", test_vocabulary_bad);
  g_test_add_func ("/profile/field-facts", test_field_facts);
  g_test_add_func ("/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/profile/corrupt", test_profile_corrupt);
  g_test_add_func ("/profile/save", test_profile_save);
  g_test_add_func ("/assessment/stacking", test_assessment_stacking);
  g_test_add_func ("/assessment/as-of", test_assessment_as_of);
  g_test_add_func ("/assessment/missing-and-errors", test_assessment_missing_and_errors);
  g_test_add_func ("/assessment/person", test_assessment_person);
  g_test_add_func ("/assessment/scenario", test_scenario);
  g_test_add_func ("/assessment/carried-out", test_assessment_carried_out);

  return g_test_run ();
}
