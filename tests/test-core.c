/* test-core.c — exact arithmetic, input parsing, formulas, the loader's
 * checks, validity and stacking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pe-test-harness.h"

/* ---- exact numbers ---------------------------------------------------- */

static void
test_rational (void)
{
  PeRational a, b, r;
  g_autofree char *s = NULL;

  g_assert_true (pe_rational_parse ("7", &a));
  g_assert_true (pe_rational_parse ("100", &b));
  g_assert_true (pe_rational_div (a, b, &r));                 /* 7 % */
  g_assert_true (pe_rational_mul (r, PE_RATIONAL_INIT (30000000), &r));
  g_assert_cmpint (r.num, ==, 2100000);
  g_assert_cmpint (r.den, ==, 1);

  /* 7.7 % = 7 % × 1.1 exactly, not 0.07700000000000001 */
  g_assert_true (pe_rational_parse ("0.07", &a));
  g_assert_true (pe_rational_parse ("1.1", &b));
  g_assert_true (pe_rational_mul (a, b, &r));
  g_assert_cmpint (r.num, ==, 77);
  g_assert_cmpint (r.den, ==, 1000);

  /* rounding down, also for negative numbers */
  g_assert_true (pe_rational_make (7, 2, &r));
  g_assert_cmpint (pe_rational_floor (r), ==, 3);
  g_assert_true (pe_rational_make (-7, 2, &r));
  g_assert_cmpint (pe_rational_floor (r), ==, -4);

  /* overflow is reported, never wrapped */
  g_assert_false (pe_rational_mul (PE_RATIONAL_INIT (G_MAXINT64 / 2), PE_RATIONAL_INIT (3), &r));
  g_assert_false (pe_rational_add (PE_RATIONAL_INIT (G_MAXINT64), PE_RATIONAL_INIT (1), &r));
  g_assert_false (pe_rational_parse ("99999999999999999999", &r));
  g_assert_false (pe_rational_div (PE_RATIONAL_INIT (1), PE_RATIONAL_INIT (0), &r));

  /* exact comparison even where doubles would tie */
  g_assert_true (pe_rational_make (1, 3, &a));
  g_assert_true (pe_rational_make (333333333333333333, 1000000000000000000, &b));
  g_assert_cmpint (pe_rational_compare (a, b), >, 0);

  g_assert_true (pe_rational_make (1, 3, &a));
  s = pe_rational_to_string (a, 4);
  g_assert_cmpstr (s, ==, "≈0.3333");
}

/* ---- what people type ------------------------------------------------- */

typedef struct
{
  PeValueType  type;
  const char  *text;
  const char  *value;   /* as pe_value_to_string gives it, or NULL for an error */
  const char  *error;   /* a substring of the message */
} ParseCase;

static const ParseCase parse_cases[] = {
  { PE_VALUE_TYPE_YUAN, "1500000", "1500000", NULL },
  { PE_VALUE_TYPE_YUAN, "150万", "1500000", NULL },
  { PE_VALUE_TYPE_YUAN, "1.5万元", "15000", NULL },
  { PE_VALUE_TYPE_YUAN, "1.2万亿", "1200000000000", NULL },
  { PE_VALUE_TYPE_YUAN, "2亿", "200000000", NULL },
  { PE_VALUE_TYPE_YUAN, "10000000万亿", NULL, "too large" },
  { PE_VALUE_TYPE_YUAN, "１２３", "123", NULL },                 /* full-width digits */
  { PE_VALUE_TYPE_YUAN, "1,234,567", "1234567", NULL },
  { PE_VALUE_TYPE_YUAN, " 42 ", "42", NULL },
  { PE_VALUE_TYPE_YUAN, "-5", "-5", NULL },                      /* the field refuses it, not the parser */
  { PE_VALUE_TYPE_YUAN, "12,34", NULL, "thousands separators" },
  { PE_VALUE_TYPE_YUAN, "1,2345", NULL, "thousands separators" },
  { PE_VALUE_TYPE_YUAN, "12a", NULL, "is not a number" },
  { PE_VALUE_TYPE_YUAN, "1.5", NULL, "not a whole number of yuan" },
  { PE_VALUE_TYPE_YUAN, "1.23456万", NULL, "not a whole number of yuan" },
  { PE_VALUE_TYPE_YUAN, "", NULL, "is empty" },
  { PE_VALUE_TYPE_YUAN, "99999999999999999999", NULL, "too large" },
  { PE_VALUE_TYPE_YUAN, "9999999999999亿", NULL, "too large" },
  { PE_VALUE_TYPE_YUAN, "1e6", NULL, "is not a number" },
  { PE_VALUE_TYPE_YUAN, "五百", NULL, "is not a number" },
  { PE_VALUE_TYPE_INTEGER, "3", "3", NULL },
  { PE_VALUE_TYPE_INTEGER, "2.5", NULL, "not a whole number" },
  { PE_VALUE_TYPE_PERCENT, "30", "0.3", NULL },
  { PE_VALUE_TYPE_PERCENT, "2.5%", "0.025", NULL },
  { PE_VALUE_TYPE_PERCENT, "７％", "0.07", NULL },
  { PE_VALUE_TYPE_DECIMAL, "6.4515", "6.4515", NULL },
  { PE_VALUE_TYPE_BOOLEAN, "yes", "true", NULL },
  { PE_VALUE_TYPE_BOOLEAN, "否", "false", NULL },
  { PE_VALUE_TYPE_BOOLEAN, "maybe", NULL, "yes or no" },
  { PE_VALUE_TYPE_DATE, "2023-12-31", "2023-12-31", NULL },
  { PE_VALUE_TYPE_DATE, "2023-02-29", NULL, "is not a date" },
  { PE_VALUE_TYPE_DATE, "1899-12-31", NULL, "is not a date" },
  { PE_VALUE_TYPE_DATE, "2023-1-5", NULL, "is not a date" },
  /* lists of dates: sorted, repeats dropped, any of the usual separators */
  { PE_VALUE_TYPE_DATES, "2021-10-01", "2021-10-01", NULL },
  { PE_VALUE_TYPE_DATES, "2021-10-04,2021-10-01", "2021-10-01,2021-10-04", NULL },
  { PE_VALUE_TYPE_DATES, " 2021-10-07、2021-10-01，2021-10-05；2021-10-01\n2021-10-04 ", "2021-10-01,2021-10-04,2021-10-05,2021-10-07", NULL },
  { PE_VALUE_TYPE_DATES, "2021-10-01,2021-13-01", NULL, "“2021-13-01”, which is not a date" },
  { PE_VALUE_TYPE_DATES, "2021-10-01 and 2021-10-04", NULL, "“and”, which is not a date" },
  { PE_VALUE_TYPE_DATES, "2021/10/01", NULL, "which is not a date" },
  { PE_VALUE_TYPE_DATES, " , ， ", NULL, "is empty" },
};

static void
test_parse_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      PeValue v;
      gboolean ok = pe_value_parse (c->type, c->text, &v, &error);

      g_test_message ("“%s” as %s", c->text, pe_value_type_to_string (c->type));
      if (c->value != NULL)
        {
          g_autofree char *s = NULL;
          g_assert_no_error (error);
          g_assert_true (ok);
          s = pe_value_to_string (c->type, &v);
          g_assert_cmpstr (s, ==, c->value);
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          if (strstr (error->message, c->error) == NULL)
            g_error ("“%s”: expected “%s” in “%s”", c->text, c->error, error->message);
        }
    }
}

static void
test_parse_hostile_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, '9');
  const char bad_utf8[] = { 'a', (char) 0xC3, (char) 0x28, 0 };
  PeValue v;

  g_assert_false (pe_value_parse (PE_VALUE_TYPE_YUAN, huge, &v, &error));
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);
  g_assert_false (pe_value_parse (PE_VALUE_TYPE_YUAN, bad_utf8, &v, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* a list of dates is bounded too: by length, and by count */
  {
    g_autoptr(GString) many = g_string_new (NULL);
    for (guint i = 0; i < 1001; i++)
      g_string_append (many, "2021-10-01,");
    g_assert_false (pe_value_parse (PE_VALUE_TYPE_DATES, many->str, &v, &error));
    g_assert_nonnull (strstr (error->message, "at most 1000 dates"));
    g_clear_error (&error);
  }
  g_assert_false (pe_value_parse (PE_VALUE_TYPE_DATES, huge, &v, &error));
  g_assert_nonnull (strstr (error->message, "too long"));
}

static guint32 J (const char *date);

static void
test_dates_contain (void)
{
  PeValue v;

  g_assert_true (pe_value_parse (PE_VALUE_TYPE_DATES, "2021-10-07 2021-10-01 2021-10-04 2022-01-03", &v, NULL));
  g_assert_cmpint (v.kind, ==, PE_VALUE_DATES);
  g_assert_true (pe_value_dates_contain (&v, J ("2021-10-01")));
  g_assert_true (pe_value_dates_contain (&v, J ("2021-10-04")));
  g_assert_true (pe_value_dates_contain (&v, J ("2021-10-07")));
  g_assert_true (pe_value_dates_contain (&v, J ("2022-01-03")));
  g_assert_false (pe_value_dates_contain (&v, J ("2021-10-02")));
  g_assert_false (pe_value_dates_contain (&v, J ("2021-09-30")));
  g_assert_false (pe_value_dates_contain (&v, J ("2022-01-04")));

  /* equal lists are one interned string, however typed */
  {
    PeValue w;
    g_assert_true (pe_value_parse (PE_VALUE_TYPE_DATES, "2022-01-03,2021-10-04,2021-10-01,2021-10-07,2021-10-01", &w, NULL));
    g_assert_true (v.string == w.string);
  }
}

/* ---- the loader -------------------------------------------------------- */

#define DOC_HEAD \
  "{\"format\": 1, \"id\": \"t\", \"version\": \"1\"," \
  " \"title\": {\"zh\": \"测试\", \"en\": \"Test\"}, \"short_title\": {\"zh\": \"测\", \"en\": \"T\"}," \
  " \"issuer\": {\"zh\": \"某局\", \"en\": \"A bureau\"}, \"issue_date\": \"2021-02-08\","
#define MEASURES \
  " \"measures\": [{\"id\": \"1\", \"kind\": \"subsidy\", \"title\": {\"zh\": \"补助\", \"en\": \"Subsidy\"}," \
  "   \"text\": {\"zh\": \"按投资额不高于7%给予补助，最高不超过200万元。\", \"en\": \"Up to 7 %, at most 2 million.\"}," \
  "   \"parameters\": [{\"id\": \"rate\", \"type\": \"percent\", \"value\": 7, \"bound\": \"max\"," \
  "                     \"label\": {\"zh\": \"比例\", \"en\": \"Rate\"}, \"clause\": {\"quote\": \"不高于7%\"}}," \
  "                    {\"id\": \"cap\", \"type\": \"yuan\", \"value\": 2000000, \"bound\": \"max\"," \
  "                     \"label\": {\"zh\": \"上限\", \"en\": \"Cap\"}, \"clause\": {\"quote\": \"最高不超过200万元\"}}]}],"
#define VALIDITY \
  " \"validity\": {\"start\": {\"from\": \"issue\"}, \"end\": {\"date\": \"2023-12-31\"}, \"text\": {\"zh\": \"至2023年\", \"en\": \"To 2023\"}},"
#define CALC(expr) CALC_PRE expr CALC_POST
#define CALC_PRE \
  " \"calculators\": [{\"id\": \"c\", \"measure\": \"1\", \"title\": {\"zh\": \"计算\", \"en\": \"Calc\"}," \
  "   \"fields\": [{\"id\": \"investment\", \"type\": \"yuan\", \"min\": 0, \"label\": {\"zh\": \"投资\", \"en\": \"Investment\"}}]," \
  "   \"steps\": [{\"id\": \"amount\", \"type\": \"yuan\", \"expr\": \""
#define CALC_POST \
  "\", \"label\": {\"zh\": \"金额\", \"en\": \"Amount\"}," \
  "                \"clause\": {\"quote\": \"按投资额不高于7%给予补助\"}}], \"amount\": \"amount\"}]}"

static PeDocument *
load (const char  *json,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  return pe_document_new_from_bytes (bytes, "test.json", error);
}

static void
test_loader_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (DOC_HEAD MEASURES VALIDITY CALC ("min(investment * $rate, $cap)"), &error);
  g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PeResult) r = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pe_document_get_id (doc), ==, "t");
  g_hash_table_insert (in, "investment", "10000000");
  r = pe_calculator_evaluate (pe_document_get_calculator (doc, "c"), in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pe_result_get_amount (r), ==, 700000);
  g_assert_true (pe_result_get_is_maximum (r));
}

typedef struct
{
  const char *json;
  const char *error;
} BadDoc;

static const BadDoc bad_docs[] = {
  { "", "the file is empty" },
  { "{", "not valid JSON" },
  { "[]", "$: the document must be a JSON object" },
  { "{\"format\": 2}", "$.format: format 2 is not the one" },
  { "{\"format\": 1, \"id\": \"a b\"}", "$.id: “a b” is not a valid id" },
  { DOC_HEAD " \"measures\": []," VALIDITY CALC ("1"), "$.measures: a document needs at least one measure" },
  { DOC_HEAD " \"measures\": [{\"id\": \"1\"}]}", "$.measures[0]: the member “title” is missing" },
  { DOC_HEAD " \"measures\": [{\"id\": 5}]}", "$.measures[0].id: expected a string, found an integer" },
  /* a quote that is not in the text */
  { DOC_HEAD " \"measures\": [{\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"奖\", \"en\": \"R\"}, \"text\": {\"zh\": \"给予10万元奖励\", \"en\": \"100,000\"},"
    " \"parameters\": [{\"id\": \"x\", \"type\": \"yuan\", \"value\": 200000, \"label\": {\"zh\": \"x\", \"en\": \"x\"}, \"clause\": {\"quote\": \"给予20万元奖励\"}}]}],"
    VALIDITY CALC ("1"), "$.measures[0].parameters[0].clause: the quote “给予20万元奖励” is not in the text of measure “1”" },
  /* a citation of a measure that does not exist */
  { DOC_HEAD MEASURES " \"validity\": {\"text\": {\"zh\": \"x\", \"en\": \"x\"}, \"clause\": {\"measure\": \"9\", \"quote\": \"x\"}}}",
    "$.validity.clause: cites measure “9”, which the document does not have" },
  /* a decimal written as a JSON number */
  { DOC_HEAD " \"measures\": [{\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"奖\", \"en\": \"R\"}, \"text\": {\"zh\": \"2.5%\", \"en\": \"2.5%\"},"
    " \"parameters\": [{\"id\": \"x\", \"type\": \"percent\", \"value\": 2.5, \"label\": {\"zh\": \"x\", \"en\": \"x\"}, \"clause\": {\"quote\": \"2.5%\"}}]}],"
    VALIDITY CALC ("1"), "$.measures[0].parameters[0].value: write a non-whole number as a string" },
  /* formulas are checked at load time */
  { DOC_HEAD MEASURES VALIDITY CALC ("investmnt * $rate"), "$.calculators[0].steps[0].expr: formula “investmnt * $rate”, at character 1: “investmnt” is neither a field nor an earlier step" },
  { DOC_HEAD MEASURES VALIDITY CALC ("investment * $rat"), "no parameter “$rat”" },
  { DOC_HEAD MEASURES VALIDITY CALC ("investment > 5"), "the formula gives a boolean value, but the step is of type yuan" },
  { DOC_HEAD MEASURES VALIDITY CALC ("min(investment"), "expected “)”" },
  { DOC_HEAD MEASURES VALIDITY CALC ("if(investment, 1, 2)"), "the condition of if() needs a boolean" },
  { DOC_HEAD MEASURES VALIDITY CALC ("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"), "nested too deeply" },
  /* duplicate ids */
  { DOC_HEAD " \"measures\": [{\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"a\", \"en\": \"a\"}, \"text\": {\"zh\": \"a\", \"en\": \"a\"}},"
    " {\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"b\", \"en\": \"b\"}, \"text\": {\"zh\": \"b\", \"en\": \"b\"}}]}", "$.measures[1].id: a second measure has the id “1”" },
  /* a missing English rendering */
  { DOC_HEAD " \"measures\": [{\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"a\"}, \"text\": {\"zh\": \"a\", \"en\": \"a\"}}]}", "$.measures[0].title: the member “en” is missing" },
  /* a date that does not exist */
  { "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": {\"zh\": \"a\", \"en\": \"a\"}, \"short_title\": {\"zh\": \"a\", \"en\": \"a\"},"
    " \"issuer\": {\"zh\": \"a\", \"en\": \"a\"}, \"issue_date\": \"2021-02-30\"}", "$.issue_date: “2021-02-30” is not a date" },
};

static void
test_loader_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = load (bad_docs[i].json, &error);

      g_test_message ("case %u", i);
      g_assert_null (doc);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, "test.json: "));
      if (strstr (error->message, bad_docs[i].error) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, bad_docs[i].error, error->message);
    }
}

static void
test_loader_not_utf8 (void)
{
  const char bytes[] = { '{', '\n', ' ', '"', 'i', 'd', (char) 0xFF, '}', 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (bytes, &error);

  /* where, so that the damage can be found: line 2, the fifth character */
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, "test.json: line 2, column 5: not UTF-8 text");
}

/* ---- lists ------------------------------------------------------------- */

#define LIST_ITEMS \
  "\"items\": [{\"zh\": \"居住证：登记\", \"en\": \"Residence permit: registration\"}," \
  "          {\"zh\": \"居民身份证：丢失补领\", \"en\": \"Identity card: replacing a lost card\"}," \
  "          {\"zh\": \"无犯罪记录证明\", \"en\": \"Certificate of no criminal record\"}]"
#define LISTS(body) DOC_HEAD MEASURES VALIDITY " \"lists\": [" body "]}"
#define GOOD_LIST \
  "{\"id\": \"phone\", \"title\": {\"zh\": \"掌上办事项\", \"en\": \"Phone services\"}," \
  " \"clause\": {\"measure\": \"1\", \"quote\": \"不高于7%\"}, \"count\": 3, " LIST_ITEMS "}"

static void
test_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (LISTS (GOOD_LIST), &error);
  GPtrArray *lists;
  PeItemList *list;

  g_assert_no_error (error);
  lists = pe_document_get_lists (doc);
  g_assert_cmpuint (lists->len, ==, 1);
  list = pe_document_get_list (doc, "phone");
  g_assert_true (list == g_ptr_array_index (lists, 0));
  g_assert_null (pe_document_get_list (doc, "online"));
  g_assert_cmpstr (list->title->en, ==, "Phone services");
  g_assert_cmpstr (list->clause->measure_id, ==, "1");
  g_assert_cmpuint (list->items->len, ==, 3);
  g_assert_cmpstr (((PeText *) g_ptr_array_index (list->items, 1))->zh, ==, "居民身份证：丢失补领");

  /* a document without lists has an empty array, not NULL */
  {
    g_autoptr(PeDocument) plain = load (DOC_HEAD MEASURES VALIDITY CALC ("1"), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pe_document_get_lists (plain)->len, ==, 0);
  }
}

static const BadDoc bad_lists[] = {
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"measure\": \"1\", \"quote\": \"不高于7%\"}, \"items\": []}"),
    "$.lists[0].items: a list needs at least one item" },
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"measure\": \"1\", \"quote\": \"不高于7%\"}}"),
    "$.lists[0]: the member “items” is missing" },
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"measure\": \"1\", \"quote\": \"不高于7%\"}, \"count\": 40, " LIST_ITEMS "}"),
    "$.lists[0].count: the text counts 40 items, the list has 3" },
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"measure\": \"1\", \"quote\": \"掌上办\"}, " LIST_ITEMS "}"),
    "$.lists[0].clause: the quote “掌上办” is not in the text of measure “1”" },
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"quote\": \"不高于7%\"}, " LIST_ITEMS "}"),
    "$.lists[0].clause: the member “measure” is missing" },
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"measure\": \"1\", \"quote\": \"不高于7%\"},"
           " \"items\": [{\"zh\": \"登记\", \"en\": \"Registration\"}, {\"zh\": \"注销\"}]}"),
    "$.lists[0].items[1]: the member “en” is missing" },
  { LISTS ("{\"id\": \"a\", \"title\": {\"zh\": \"甲\", \"en\": \"A\"}, \"clause\": {\"measure\": \"1\", \"quote\": \"不高于7%\"},"
           " \"items\": [{\"zh\": \"登记\", \"en\": \"Registration\"}, {\"zh\": \"登记\", \"en\": \"Register\"}]}"),
    "$.lists[0].items[1]: a second item reads “登记”" },
  { LISTS (GOOD_LIST ", " GOOD_LIST), "$.lists[1].id: a second list has the id “phone”" },
  { LISTS ("\"phone\""), "$.lists[0]: expected an object" },
  { DOC_HEAD MEASURES VALIDITY " \"lists\": {}}", "$.lists: expected an array" },
};

static void
test_lists_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_lists); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeDocument) doc = load (bad_lists[i].json, &error);

      g_test_message ("case %u", i);
      g_assert_null (doc);
      g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
      if (strstr (error->message, bad_lists[i].error) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, bad_lists[i].error, error->message);
    }
}

static void
test_lists_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (LISTS (GOOD_LIST), &error);
  g_autoptr(PeSearchIndex) index = pe_search_index_new ();
  g_autoptr(GPtrArray) hits = NULL;
  PeSearchHit *hit;

  g_assert_no_error (error);
  pe_search_index_add_document (index, doc);

  /* an item, found on its own, by its Chinese */
  hits = pe_search_index_query (index, "丢失", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->list_id, ==, "phone");
  g_assert_cmpstr (hit->field, ==, "item");
  g_assert_cmpstr (hit->measure_id, ==, "1");
  g_assert_cmpstr (hit->snippet, ==, "居民身份证：丢失补领");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* by its English, in any case, every word in the one item */
  hits = pe_search_index_query (index, "CRIMINAL record", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((PeSearchHit *) g_ptr_array_index (hits, 0))->snippet, ==, "Certificate of no criminal record");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* words of two different items do not make a hit */
  hits = pe_search_index_query (index, "登记 丢失", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* the list's title alone finds no item: the items are searched, not the heading */
  hits = pe_search_index_query (index, "掌上办事项", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* a measure and an item: the measure comes first, and has no list */
  hits = pe_search_index_query (index, "补", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_null (((PeSearchHit *) g_ptr_array_index (hits, 0))->list_id);
  g_assert_cmpstr (((PeSearchHit *) g_ptr_array_index (hits, 1))->list_id, ==, "phone");

  /* a copied hit keeps its list */
  {
    g_autoptr(PeSearchHit) copy = pe_search_hit_copy (g_ptr_array_index (hits, 1));
    g_assert_cmpstr (copy->list_id, ==, "phone");
  }
}

/* ---- formulas ---------------------------------------------------------- */

static PeResult *
eval_formula (const char *expr,
              const char *investment,
              GError    **error)
{
  g_autofree char *json = g_strconcat (DOC_HEAD MEASURES VALIDITY CALC_PRE, expr, CALC_POST, NULL);
  g_autoptr(PeDocument) doc = load (json, error);
  g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);

  if (doc == NULL)
    return NULL;
  if (investment != NULL)
    g_hash_table_insert (in, "investment", (char *) investment);
  return pe_calculator_evaluate (pe_document_get_calculator (doc, "c"), in, NULL, error);
}

static void
test_formulas (void)
{
  struct { const char *expr; const char *investment; gint64 amount; gboolean max; } cases[] = {
    { "investment * $rate", "100", 7, TRUE },
    { "min(investment * $rate, $cap)", "100000000", 2000000, TRUE },
    { "if(investment >= 100, 1, 2)", "100", 1, FALSE },
    { "if(investment > 100, 1, 2)", "100", 2, FALSE },
    { "max(0, 5 - investment)", "9", 0, FALSE },
    { "floor(investment / 3) * 3", "10", 9, FALSE },
    { "days_between(date('2021-02-08'), date('2023-12-31'))", "0", 1056, FALSE },
    { "days_between(date('2023-01-06'), add_working_days(date('2023-01-06'), 3))", "0", 5, FALSE }, /* Fri + 3 working days = Wed */
    { "if(is_set(investment), 1, 0)", "5", 1, FALSE },
    { "-investment + 10", "3", 7, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PeResult) r = eval_formula (cases[i].expr, cases[i].investment, &error);

      g_test_message ("%s", cases[i].expr);
      g_assert_no_error (error);
      g_assert_cmpint (pe_result_get_amount (r), ==, cases[i].amount);
      g_assert_cmpint (pe_result_get_is_maximum (r), ==, cases[i].max);
    }
}

static void
test_formula_unknown_and_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeResult) r = eval_formula ("investment * $rate", NULL, &error);

  /* no input: not a guess, a named gap */
  g_assert_no_error (error);
  g_assert_cmpint (pe_result_get_verdict (r), ==, PE_VERDICT_CANNOT_DECIDE);
  g_assert_false (pe_result_has_amount (r));
  g_assert_cmpstr (pe_result_get_missing (r)[0], ==, "investment");
  g_clear_object (&r);

  /* overflow is an error, not a wrapped number */
  r = eval_formula ("investment * investment", "9000000000000", &error);
  g_assert_null (r);
  g_assert_error (error, PE_ERROR, PE_ERROR_OVERFLOW);
  g_clear_error (&error);

  r = eval_formula ("10 / investment", "0", &error);
  g_assert_null (r);
  g_assert_nonnull (strstr (error->message, "division by zero"));
  g_clear_error (&error);

  /* a negative amount is a data error, reported */
  r = eval_formula ("0 - investment", "5", &error);
  g_assert_null (r);
  g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_DATA);
}

/* Working days over a holiday list: a calculator with a start date, a
 * number of days and an optional list of holidays. */
#define HOLIDAY_CALC(expr) HOLIDAY_PRE expr HOLIDAY_POST
#define HOLIDAY_PRE \
  DOC_HEAD MEASURES VALIDITY \
  " \"calculators\": [{\"id\": \"c\", \"measure\": \"1\", \"title\": {\"zh\": \"时限\", \"en\": \"Limit\"}," \
  "   \"fields\": [{\"id\": \"start\", \"type\": \"date\", \"label\": {\"zh\": \"受理\", \"en\": \"Accepted\"}}," \
  "              {\"id\": \"n\", \"type\": \"integer\", \"min\": 0, \"label\": {\"zh\": \"天数\", \"en\": \"Days\"}}," \
  "              {\"id\": \"holidays\", \"type\": \"dates\", \"label\": {\"zh\": \"节假日\", \"en\": \"Holidays\"}}]," \
  "   \"steps\": [{\"id\": \"due\", \"type\": \"date\", \"output\": true, \"expr\": \""
#define HOLIDAY_POST \
  "\", \"label\": {\"zh\": \"期限\", \"en\": \"Due\"}, \"clause\": {\"quote\": \"按投资额不高于7%给予补助\"}}]}]}"

static char *
due_date (PeDocument *doc,
          const char *start,
          const char *n,
          const char *holidays,
          GError    **error)
{
  g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PeResult) r = NULL;
  PeOutput *o;

  g_hash_table_insert (in, "start", (char *) start);
  g_hash_table_insert (in, "n", (char *) n);
  if (holidays != NULL)
    g_hash_table_insert (in, "holidays", (char *) holidays);
  r = pe_calculator_evaluate (pe_document_get_calculator (doc, "c"), in, NULL, error);
  if (r == NULL)
    return NULL;
  o = g_ptr_array_index (pe_result_get_outputs (r), 0);
  return pe_value_to_string (o->type, &o->value);
}

static void
test_working_days_holidays (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (HOLIDAY_CALC ("add_working_days(start, n, holidays)"), &error);
  struct { const char *start, *n, *holidays, *due; } cases[] = {
    /* Thu 2021-09-30 + 3: Fri 10-01, Mon 10-04, Tue 10-05 (weekends only) */
    { "2021-09-30", "3", NULL, "2021-10-05" },
    /* the National Day week given: Fri 10-08, Mon 10-11, Tue 10-12 */
    { "2021-09-30", "3", "2021-10-01,2021-10-04,2021-10-05,2021-10-06,2021-10-07", "2021-10-12" },
    /* a holiday on a weekend changes nothing */
    { "2021-09-30", "3", "2021-10-02,2021-10-03", "2021-10-05" },
    /* holidays before the start or after the due date change nothing */
    { "2021-09-30", "3", "2021-09-30,2021-10-06", "2021-10-05" },
    /* the day of acceptance is not counted; 0 days is the same day */
    { "2021-10-01", "0", "2021-10-01", "2021-10-01" },
    /* Fri 2021-12-31 + 1, 2022-01-03 a holiday: Tue 2022-01-04 */
    { "2021-12-31", "1", "2022-01-03", "2022-01-04" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = due_date (doc, cases[i].start, cases[i].n, cases[i].holidays, &error);

      g_test_message ("%s + %s, holidays %s", cases[i].start, cases[i].n, cases[i].holidays);
      g_assert_no_error (error);
      g_assert_cmpstr (due, ==, cases[i].due);
    }

  /* a bad date in the list is refused, naming the field and the date */
  {
    g_autofree char *due = due_date (doc, "2021-09-30", "3", "2021-10-01,2021-10-32", &error);
    g_assert_null (due);
    g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT);
    g_assert_true (g_str_has_prefix (error->message, "holidays ("));
    g_assert_nonnull (strstr (error->message, "“2021-10-32”"));
  }
}

static void
test_working_days_holidays_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (HOLIDAY_CALC ("add_working_days(start, n, holidays)"), &error);
  g_autoptr(GHashTable) in = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PeResult) r = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *outputs;

  g_assert_no_error (error);
  g_hash_table_insert (in, "start", "2021-09-30");
  g_hash_table_insert (in, "n", "3");
  g_hash_table_insert (in, "holidays", "2021-10-04、2021-10-01");
  r = pe_calculator_evaluate (pe_document_get_calculator (doc, "c"), in, NULL, &error);
  g_assert_no_error (error);
  json = pe_result_to_json (r);
  outputs = json_object_get_object_member (json_node_get_object (json), "outputs");
  /* Fri 10-01 and Mon 10-04 skipped: Tue 10-05, Wed 10-06, Thu 10-07 */
  g_assert_cmpstr (json_object_get_string_member (outputs, "due"), ==, "2021-10-07");
}

typedef struct
{
  const char *expr;
  const char *error;
} BadHolidayFormula;

static void
test_working_days_holidays_bad (void)
{
  static const BadHolidayFormula bad[] = {
    { "add_working_days(start, n, 'x')", "the third argument of add_working_days() is a field of type dates" },
    { "add_working_days(start, n, start)", "the third argument of add_working_days() is a field of type dates" },
    { "add_working_days(start, n, holidays, holidays)", "wrong number of arguments" },
    { "add_days(start, n, holidays)", "wrong number of arguments" },
    { "holidays", "gives a date list value, but the step is of type date" },
    { "if(holidays == holidays, start, start)", NULL },   /* comparing lists is allowed */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strconcat (HOLIDAY_PRE, bad[i].expr, HOLIDAY_POST, NULL);
      g_autoptr(PeDocument) doc = load (json, &error);

      g_test_message ("%s", bad[i].expr);
      if (bad[i].error == NULL)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_null (doc);
      if (strstr (error->message, bad[i].error) == NULL)
        g_error ("“%s”: expected “%s” in “%s”", bad[i].expr, bad[i].error, error->message);
    }

  /* a list of dates is an input, never a figure of the text */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PeDocument) doc = load (DOC_HEAD " \"measures\": [{\"id\": \"1\", \"kind\": \"reward\", \"title\": {\"zh\": \"奖\", \"en\": \"R\"},"
                                      " \"text\": {\"zh\": \"节假日\", \"en\": \"Holidays\"}, \"parameters\": [{\"id\": \"h\", \"type\": \"dates\", \"value\": \"2021-10-01\","
                                      " \"label\": {\"zh\": \"h\", \"en\": \"h\"}, \"clause\": {\"quote\": \"节假日\"}}]}]," VALIDITY CALC ("1"), &error);
    g_assert_null (doc);
    g_assert_nonnull (strstr (error->message, "$.measures[0].parameters[0].type: parameters are numbers or dates"));
  }
}

/* ---- validity and stacking -------------------------------------------- */

static guint32
J (const char *date)
{
  guint32 j = 0;
  g_assert_true (pe_date_parse (date, &j));
  return j;
}

static void
test_validity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = load (DOC_HEAD MEASURES VALIDITY CALC ("1"), &error);
  g_autofree char *years_json = NULL;
  g_autoptr(PeDocument) years = NULL;
  guint32 s, e;

  g_assert_no_error (error);
  g_assert_cmpint (pe_document_in_force (doc, J ("2021-02-07"), 0, &s, &e), ==, PE_IN_FORCE_NOT_YET);
  g_assert_cmpint (pe_document_in_force (doc, J ("2021-02-08"), 0, &s, &e), ==, PE_IN_FORCE_YES);
  g_assert_cmpint (pe_document_in_force (doc, J ("2023-12-31"), 0, &s, &e), ==, PE_IN_FORCE_YES);
  g_assert_cmpint (pe_document_in_force (doc, J ("2024-01-01"), 0, &s, &e), ==, PE_IN_FORCE_EXPIRED);

  /* two years from an issue date the text does not give */
  years_json = g_strdup (DOC_HEAD MEASURES " \"validity\": {\"start\": {\"from\": \"issue\"}, \"end\": {\"years\": 2},"
                         " \"text\": {\"zh\": \"两年\", \"en\": \"Two years\"}}}");
  /* drop the issue date */
  {
    char *p = strstr (years_json, " \"issue_date\": \"2021-02-08\",");
    memmove (p, p + strlen (" \"issue_date\": \"2021-02-08\","), strlen (p + strlen (" \"issue_date\": \"2021-02-08\",")) + 1);
  }
  years = load (years_json, &error);
  g_assert_no_error (error);
  g_assert_true (pe_document_needs_issue_date (years));
  g_assert_cmpint (pe_document_in_force (years, J ("2022-01-01"), 0, NULL, NULL), ==, PE_IN_FORCE_UNKNOWN);
  /* given 2021-03-01: in force to 2023-02-28 inclusive */
  g_assert_cmpint (pe_document_in_force (years, J ("2023-02-28"), J ("2021-03-01"), &s, &e), ==, PE_IN_FORCE_YES);
  g_assert_cmpint (e, ==, J ("2023-02-28"));
  g_assert_cmpint (pe_document_in_force (years, J ("2023-03-01"), J ("2021-03-01"), NULL, NULL), ==, PE_IN_FORCE_EXPIRED);
}

static void
test_stacking_manufacturing (void)
{
  g_autofree char *path = pe_test_source_path ("plugins/manufacturing/data/manufacturing.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PeDocument) doc = pe_document_new_from_file (file, &error);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GHashTable) in = NULL;
  gint64 total = 0;

  g_assert_no_error (error);

  /* two subsidies (technical upgrade 70万, cloud 3.6万) and a reward
   * (provincial innovation centre 200万): the subsidies do not stack, the
   * higher is kept; the reward stacks. */
  in = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (in, "investment", "10000000");
  g_ptr_array_add (results, pe_calculator_evaluate (pe_document_get_calculator (doc, "technical-upgrade"), in, NULL, &error));
  g_hash_table_remove_all (in);
  g_hash_table_insert (in, "fee", "120000");
  g_ptr_array_add (results, pe_calculator_evaluate (pe_document_get_calculator (doc, "cloud"), in, NULL, &error));
  g_hash_table_remove_all (in);
  g_hash_table_insert (in, "level", "provincial");
  g_hash_table_insert (in, "newly_recognised", "yes");
  g_ptr_array_add (results, pe_calculator_evaluate (pe_document_get_calculator (doc, "innovation-centre"), in, NULL, &error));
  g_assert_no_error (error);

  ledger = pe_stacking_apply (doc, results, &total);
  g_assert_cmpuint (ledger->len, ==, 3);
  g_assert_true (((PeStackingEntry *) g_ptr_array_index (ledger, 0))->kept);
  g_assert_false (((PeStackingEntry *) g_ptr_array_index (ledger, 1))->kept);
  g_assert_true (((PeStackingEntry *) g_ptr_array_index (ledger, 1))->prevailing == g_ptr_array_index (results, 0));
  g_assert_nonnull (((PeStackingEntry *) g_ptr_array_index (ledger, 1))->clause);
  g_assert_nonnull (strstr (((PeStackingEntry *) g_ptr_array_index (ledger, 1))->clause->quote, "就高原则"));
  g_assert_true (((PeStackingEntry *) g_ptr_array_index (ledger, 2))->kept);
  g_assert_cmpint (total, ==, 700000 + 2000000);
}

/* Whole numbers written plainly, as profiles and batch files hold them,
 * are read as the number they are, whatever path the parser takes; and
 * the forms around them keep their own rules. */
static void
test_parse_plain_integers (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  const char *edges[] = { "0", "1", "9", "10", "999999999999999999", "1000000000000000000",
                          "9223372036854775807" };
  const PeValueType types[] = { PE_VALUE_TYPE_YUAN, PE_VALUE_TYPE_INTEGER };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (edges) + 20000; i++)
        {
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;
          PeValue v;

          if (i < G_N_ELEMENTS (edges))
            text = g_strdup (edges[i]);
          else
            {
              int digits = g_rand_int_range (rand, 1, 19);
              gint64 n = g_rand_int_range (rand, 1, 10);

              for (int d = 1; d < digits; d++)
                n = n * 10 + g_rand_int_range (rand, 0, 10);
              text = g_strdup_printf ("%" G_GINT64_FORMAT, n);
            }
          g_assert_true (pe_value_parse (types[t], text, &v, &error));
          g_assert_no_error (error);
          g_assert_cmpint (v.kind, ==, PE_VALUE_NUMBER);
          g_assert_cmpint (v.number.num, ==, g_ascii_strtoll (text, NULL, 10));
          g_assert_cmpint (v.number.den, ==, 1);
        }
      {
        g_autoptr(GError) error = NULL;
        PeValue v;

        /* one beyond gint64: refused, not wrapped */
        g_assert_false (pe_value_parse (types[t], "9223372036854775808", &v, &error));
        g_assert_error (error, PE_ERROR, PE_ERROR_OVERFLOW);
        g_clear_error (&error);
        /* a leading zero, a sign, a separator: read by the general rules */
        g_assert_true (pe_value_parse (types[t], "007", &v, NULL));
        g_assert_cmpint (v.number.num, ==, 7);
        g_assert_true (pe_value_parse (types[t], "1,234", &v, NULL));
        g_assert_cmpint (v.number.num, ==, 1234);
        g_assert_false (pe_value_parse (types[t], "12a", &v, &error));
        g_assert_error (error, PE_ERROR, PE_ERROR_INVALID_INPUT);
      }
    }
  {
    PeValue v;

    /* a percent is not a plain number: 30 is 30 % */
    g_assert_true (pe_value_parse (PE_VALUE_TYPE_PERCENT, "30", &v, NULL));
    g_assert_cmpint (v.number.num, ==, 3);
    g_assert_cmpint (v.number.den, ==, 10);
    g_assert_true (pe_value_parse (PE_VALUE_TYPE_BOOLEAN, "true", &v, NULL) && v.boolean);
    g_assert_true (pe_value_parse (PE_VALUE_TYPE_BOOLEAN, "false", &v, NULL) && !v.boolean);
    g_assert_true (pe_value_parse (PE_VALUE_TYPE_BOOLEAN, " True ", &v, NULL) && v.boolean);
    g_assert_false (pe_value_parse (PE_VALUE_TYPE_BOOLEAN, "truex", &v, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  pe_test_init (&argc, &argv, FALSE);

  g_test_add_func ("/core/rational", test_rational);
  g_test_add_func ("/core/parse-input", test_parse_input);
  g_test_add_func ("/core/parse-hostile-input", test_parse_hostile_input);
  g_test_add_func ("/core/parse-plain-integers", test_parse_plain_integers);
  g_test_add_func ("/core/dates-contain", test_dates_contain);
  g_test_add_func ("/core/loader/good", test_loader_good);
  g_test_add_func ("/core/loader/bad", test_loader_bad);
  g_test_add_func ("/core/loader/not-utf8", test_loader_not_utf8);
  g_test_add_func ("/core/lists", test_lists);
  g_test_add_func ("/core/lists/bad", test_lists_bad);
  g_test_add_func ("/core/lists/search", test_lists_search);
  g_test_add_func ("/core/formulas", test_formulas);
  g_test_add_func ("/core/formulas/unknown-and-errors", test_formula_unknown_and_errors);
  g_test_add_func ("/core/formulas/working-days-holidays", test_working_days_holidays);
  g_test_add_func ("/core/formulas/working-days-holidays-json", test_working_days_holidays_json);
  g_test_add_func ("/core/formulas/working-days-holidays-bad", test_working_days_holidays_bad);
  g_test_add_func ("/core/validity", test_validity);
  g_test_add_func ("/core/stacking/manufacturing", test_stacking_manufacturing);

  return g_test_run ();
}
