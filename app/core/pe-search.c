/* pe-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese needs no word splitting: a query term matches where its
 * characters stand in the text. Text and query are folded alike: case,
 * full-width forms (ＡＢＣ１２３ is ABC123, by NFKC) and the traditional
 * forms of the characters common in these documents (發展 finds 发展).
 * Every term of the query must match somewhere in the measure. The items
 * of a document's lists are found the same way, each on its own, so that
 * "身份证" finds the services about identity cards, not the whole list.
 */
#define G_LOG_DOMAIN "pe-search"

#include "config.h"

#include <string.h>

#include "pe-search.h"

/* Traditional → simplified, for characters of economic-policy texts; a
 * full conversion would need a dictionary, these cover what people type. */
static const gunichar trad_simp[][2] = {
  { 0x767C, 0x53D1 }, /* 發 发 */ { 0x6A5F, 0x673A }, /* 機 机 */ { 0x696D, 0x4E1A }, /* 業 业 */
  { 0x8CA1, 0x8D22 }, /* 財 财 */ { 0x88DC, 0x8865 }, /* 補 补 */ { 0x734E, 0x5956 }, /* 獎 奖 */
  { 0x52F5, 0x52B1 }, /* 勵 励 */ { 0x8CBC, 0x8D34 }, /* 貼 贴 */ { 0x7A05, 0x7A0E }, /* 稅 税 */
  { 0x8CC7, 0x8D44 }, /* 資 资 */ { 0x7522, 0x4EA7 }, /* 產 产 */ { 0x8853, 0x672F }, /* 術 术 */
  { 0x5275, 0x521B }, /* 創 创 */ { 0x5B78, 0x5B66 }, /* 學 学 */ { 0x9EDE, 0x70B9 }, /* 點 点 */
  { 0x842C, 0x4E07 }, /* 萬 万 */ { 0x5104, 0x4EBF }, /* 億 亿 */ { 0x8B49, 0x8BC1 }, /* 證 证 */
  { 0x8CBB, 0x8D39 }, /* 費 费 */ { 0x984D, 0x989D }, /* 額 额 */ { 0x5340, 0x533A }, /* 區 区 */
  { 0x7E23, 0x53BF }, /* 縣 县 */ { 0x5712, 0x56ED }, /* 園 园 */ { 0x52D9, 0x52A1 }, /* 務 务 */
  { 0x570B, 0x56FD }, /* 國 国 */ { 0x969B, 0x9645 }, /* 際 际 */ { 0x7D93, 0x7ECF }, /* 經 经 */
  { 0x6FDF, 0x6D4E }, /* 濟 济 */ { 0x9280, 0x94F6 }, /* 銀 银 */
  { 0x8CB8, 0x8D37 }, /* 貸 贷 */ { 0x64D4, 0x62C5 }, /* 擔 担 */
  { 0x8B77, 0x62A4 }, /* 護 护 */ { 0x73FE, 0x73B0 }, /* 現 现 */ { 0x5BE6, 0x5B9E }, /* 實 实 */
  { 0x9AD4, 0x4F53 }, /* 體 体 */ { 0x7D1A, 0x7EA7 }, /* 級 级 */ { 0x8A2D, 0x8BBE }, /* 設 设 */
  { 0x8A08, 0x8BA1 }, /* 計 计 */
  { 0x8655, 0x5904 }, /* 處 处 */ { 0x8FA6, 0x529E }, /* 辦 办 */
  { 0x6A19, 0x6807 }, /* 標 标 */ { 0x6E96, 0x51C6 }, /* 準 准 */ { 0x71DF, 0x8425 }, /* 營 营 */
  { 0x8CFC, 0x8D2D }, /* 購 购 */ { 0x8CE3, 0x5356 }, /* 賣 卖 */
  { 0x8CB7, 0x4E70 }, /* 買 买 */ { 0x50F9, 0x4EF7 }, /* 價 价 */ { 0x7D71, 0x7EDF }, /* 統 统 */
  { 0x9032, 0x8FDB }, /* 進 进 */ { 0x9078, 0x9009 }, /* 選 选 */ { 0x904B, 0x8FD0 }, /* 運 运 */
  { 0x8F38, 0x8F93 }, /* 輸 输 */ { 0x5009, 0x4ED3 }, /* 倉 仓 */
  { 0x8A13, 0x8BAD }, /* 訓 训 */ { 0x7DF4, 0x7EC3 }, /* 練 练 */ { 0x5E2B, 0x5E08 }, /* 師 师 */
  { 0x8077, 0x804C }, /* 職 职 */ { 0x7A31, 0x79F0 }, /* 稱 称 */ { 0x6236, 0x6237 }, /* 戶 户 */
  { 0x6A02, 0x4E50 }, /* 樂 乐 */ { 0x8A8D, 0x8BA4 }, /* 認 认 */
  { 0x8A3B, 0x6CE8 }, /* 註 注 */ { 0x518A, 0x518C }, /* 冊 册 */ { 0x8A8C, 0x5FD7 }, /* 誌 志 */
  { 0x96FB, 0x7535 }, /* 電 电 */ { 0x7DB2, 0x7F51 }, /* 網 网 */ { 0x8A0A, 0x8BAF }, /* 訊 讯 */
  { 0x9580, 0x95E8 }, /* 門 门 */ { 0x9577, 0x957F }, /* 長 长 */ { 0x958B, 0x5F00 }, /* 開 开 */
  { 0x95DC, 0x5173 }, /* 關 关 */ { 0x689D, 0x6761 }, /* 條 条 */ { 0x898F, 0x89C4 }, /* 規 规 */
  { 0x5287, 0x5267 }, { 0x7E3D, 0x603B }, /* 總 总 */ { 0x984C, 0x9898 }, /* 題 题 */
  { 0x9805, 0x9879 }, /* 項 项 */ { 0x5EE0, 0x5382 }, /* 廠 厂 */
  { 0x8A66, 0x8BD5 }, /* 試 试 */ { 0x9A57, 0x9A8C }, /* 驗 验 */ { 0x8F49, 0x8F6C }, /* 轉 转 */
  { 0x8B93, 0x8BA9 }, /* 讓 让 */ { 0x6B0A, 0x6743 }, /* 權 权 */ { 0x5C0E, 0x5BFC }, /* 導 导 */
  { 0x8A55, 0x8BC4 }, /* 評 评 */ { 0x5BE9, 0x5BA1 }, /* 審 审 */
  { 0x5831, 0x62A5 }, /* 報 报 */ { 0x9818, 0x9886 }, /* 領 领 */ { 0x982D, 0x5934 }, /* 頭 头 */
  { 0x9F8D, 0x9F99 }, /* 龍 龙 */ { 0x5718, 0x56E2 }, /* 團 团 */
  { 0x968A, 0x961F }, /* 隊 队 */ { 0x968E, 0x9636 }, /* 階 阶 */ { 0x6A13, 0x697C }, /* 樓 楼 */
  { 0x7BC9, 0x7B51 }, /* 築 筑 */ { 0x7D04, 0x7EA6 }, /* 約 约 */
  { 0x7D66, 0x7ED9 }, /* 給 给 */ { 0x8207, 0x4E0E }, /* 與 与 */ { 0x70BA, 0x4E3A }, /* 為 为 */
  { 0x5F9E, 0x4ECE }, /* 從 从 */ { 0x8AAA, 0x8BF4 }, /* 說 说 */ { 0x6642, 0x65F6 }, /* 時 时 */
  { 0x9593, 0x95F4 }, /* 間 间 */ { 0x8F03, 0x8F83 }, /* 較 较 */ { 0x96F2, 0x4E91 }, /* 雲 云 */
  { 0x81FA, 0x53F0 }, /* 臺 台 */ { 0x7063, 0x6E7E }, /* 灣 湾 */ { 0x5C08, 0x4E13 }, /* 專 专 */
  { 0x8A2D, 0x8BBE }, /* 設 设 */ { 0x9EE8, 0x515A }, /* 黨 党 */
};

static gunichar
simplify (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (trad_simp); i++)
    if (trad_simp[i][0] == c)
      return trad_simp[i][1];
  return c;
}

/**
 * pe_search_normalize:
 *
 * Folds @text for matching: NFKC (full-width to half-width), case, and
 * common traditional characters to simplified ones. Each character of
 * the result stands for one character of @text, so offsets carry over.
 */
char *
pe_search_normalize (const char *text)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8];
      g_autofree char *one = NULL;
      g_autofree char *nfkc = NULL;
      g_autofree char *folded = NULL;
      gunichar out;

      buf[g_unichar_to_utf8 (c, buf)] = '\0';
      nfkc = g_utf8_normalize (buf, -1, G_NORMALIZE_NFKC);
      folded = g_utf8_casefold (nfkc ? nfkc : buf, -1);
      /* keep one character per character, so that offsets map back */
      out = g_utf8_get_char (folded);
      if (g_utf8_strlen (folded, -1) != 1)
        out = g_unichar_tolower (c);
      g_string_append_unichar (s, simplify (out));
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  char *document_id;
  char *measure_id;
  char *list_id;         /* an item of this list; NULL for a measure */
  char *fields[4];       /* original texts: title, text, english, units */
  char *folded[4];       /* normalized, character for character */
} Entry;

static const char *field_names[] = { "title", "text", "english", "units" };

struct _PeSearchIndex
{
  GObject    parent_instance;
  GPtrArray *entries;
};

G_DEFINE_FINAL_TYPE (PeSearchIndex, pe_search_index, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (PeSearchHit, pe_search_hit, pe_search_hit_copy, pe_search_hit_free)

PeSearchHit *
pe_search_hit_copy (const PeSearchHit *hit)
{
  PeSearchHit *copy = g_new0 (PeSearchHit, 1);

  copy->document_id = g_strdup (hit->document_id);
  copy->measure_id = g_strdup (hit->measure_id);
  copy->field = g_strdup (hit->field);
  copy->snippet = g_strdup (hit->snippet);
  copy->match_start = hit->match_start;
  copy->match_length = hit->match_length;
  copy->list_id = g_strdup (hit->list_id);
  return copy;
}

void
pe_search_hit_free (PeSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->document_id);
  g_free (hit->measure_id);
  g_free (hit->field);
  g_free (hit->snippet);
  g_free (hit->list_id);
  g_free (hit);
}

static void
entry_free (Entry *e)
{
  g_free (e->document_id);
  g_free (e->measure_id);
  g_free (e->list_id);
  for (guint i = 0; i < 4; i++)
    {
      g_free (e->fields[i]);
      g_free (e->folded[i]);
    }
  g_free (e);
}

static void
pe_search_index_finalize (GObject *object)
{
  g_ptr_array_unref (PE_SEARCH_INDEX (object)->entries);
  G_OBJECT_CLASS (pe_search_index_parent_class)->finalize (object);
}

static void
pe_search_index_class_init (PeSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_search_index_finalize;
}

static void
pe_search_index_init (PeSearchIndex *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

PeSearchIndex *
pe_search_index_new (void)
{
  return g_object_new (PE_TYPE_SEARCH_INDEX, NULL);
}

void
pe_search_index_add_document (PeSearchIndex *self,
                              PeDocument    *document)
{
  GPtrArray *measures;

  g_return_if_fail (PE_IS_SEARCH_INDEX (self));
  g_return_if_fail (PE_IS_DOCUMENT (document));

  pe_search_index_remove_document (self, pe_document_get_id (document));
  measures = pe_document_get_measures (document);
  for (guint i = 0; i < measures->len; i++)
    {
      PeMeasure *m = g_ptr_array_index (measures, i);
      Entry *e = g_new0 (Entry, 1);
      GString *units = g_string_new (NULL);

      for (guint j = 0; j < m->units->len; j++)
        {
          const PeText *u = g_ptr_array_index (m->units, j);
          g_string_append_printf (units, "%s%s %s", j ? "; " : "", u->zh, u->en);
        }
      e->document_id = g_strdup (pe_document_get_id (document));
      e->measure_id = g_strdup (m->id);
      e->fields[0] = g_strdup_printf ("%s %s", m->title->zh, m->title->en);
      e->fields[1] = g_strdup (m->text->zh);
      e->fields[2] = g_strdup (m->text->en);
      e->fields[3] = g_string_free (units, FALSE);
      for (guint j = 0; j < 4; j++)
        e->folded[j] = pe_search_normalize (e->fields[j]);
      g_ptr_array_add (self->entries, e);
    }

  /* each item of a list: its Chinese and its English */
  for (guint i = 0; i < pe_document_get_lists (document)->len; i++)
    {
      PeItemList *list = g_ptr_array_index (pe_document_get_lists (document), i);

      for (guint j = 0; j < list->items->len; j++)
        {
          const PeText *item = g_ptr_array_index (list->items, j);
          Entry *e = g_new0 (Entry, 1);

          e->document_id = g_strdup (pe_document_get_id (document));
          e->measure_id = g_strdup (list->clause->measure_id);
          e->list_id = g_strdup (list->id);
          e->fields[0] = g_strdup ("");
          e->fields[1] = g_strdup (item->zh);
          e->fields[2] = g_strdup (item->en);
          e->fields[3] = g_strdup ("");
          for (guint k = 0; k < 4; k++)
            e->folded[k] = pe_search_normalize (e->fields[k]);
          g_ptr_array_add (self->entries, e);
        }
    }
}

void
pe_search_index_remove_document (PeSearchIndex *self,
                                 const char    *document_id)
{
  g_return_if_fail (PE_IS_SEARCH_INDEX (self));

  for (guint i = self->entries->len; i > 0; i--)
    if (g_str_equal (((Entry *) g_ptr_array_index (self->entries, i - 1))->document_id, document_id))
      g_ptr_array_remove_index (self->entries, i - 1);
}

gboolean
pe_search_index_has_document (PeSearchIndex *self,
                              const char    *document_id)
{
  g_return_val_if_fail (PE_IS_SEARCH_INDEX (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (((Entry *) g_ptr_array_index (self->entries, i))->document_id, document_id))
      return TRUE;
  return FALSE;
}

/* The snippet: about 30 characters either side of the match. */
static PeSearchHit *
make_hit (const Entry *e,
          guint        field,
          const char  *folded_match,
          const char  *term)
{
  const char *orig = e->fields[field];
  glong char_start = g_utf8_pointer_to_offset (e->folded[field], folded_match);
  glong char_len = g_utf8_strlen (term, -1);
  glong total = g_utf8_strlen (orig, -1);
  glong from = MAX (0, char_start - 30), to = MIN (total, char_start + char_len + 30);
  const char *a = g_utf8_offset_to_pointer (orig, from);
  const char *m = g_utf8_offset_to_pointer (orig, char_start);
  const char *m_end = g_utf8_offset_to_pointer (orig, char_start + char_len);
  const char *b = g_utf8_offset_to_pointer (orig, to);
  PeSearchHit *hit = g_new0 (PeSearchHit, 1);
  GString *s = g_string_new (NULL);

  if (from > 0)
    g_string_append (s, "…");
  hit->match_start = s->len + (m - a);
  hit->match_length = m_end - m;
  g_string_append_len (s, a, b - a);
  if (to < total)
    g_string_append (s, "…");
  hit->snippet = g_string_free (s, FALSE);
  hit->document_id = g_strdup (e->document_id);
  hit->measure_id = g_strdup (e->measure_id);
  hit->list_id = g_strdup (e->list_id);
  hit->field = g_strdup (e->list_id != NULL ? "item" : field_names[field]);
  return hit;
}

/**
 * pe_search_index_query:
 * @query: words, in any of the two languages
 * @limit: the most hits to return, 0 for all
 *
 * Returns: (transfer full) (element-type PeSearchHit): the measures, and
 *   the items of lists, where every word of @query matches, in the order
 *   of the documents (a document's measures before its lists)
 */
GPtrArray *
pe_search_index_query (PeSearchIndex *self,
                       const char    *query,
                       guint          limit)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pe_search_hit_free);
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;

  g_return_val_if_fail (PE_IS_SEARCH_INDEX (self), hits);
  g_return_val_if_fail (query != NULL, hits);

  if (!g_utf8_validate (query, -1, NULL))
    return hits;
  folded = pe_search_normalize (query);
  terms = g_strsplit_set (g_strstrip (folded), " \t", -1);
  if (terms[0] == NULL || *terms[0] == '\0')
    return hits;

  for (guint i = 0; i < self->entries->len && (limit == 0 || hits->len < limit); i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);
      const char *first_match = NULL;
      guint first_field = 0;
      const char *first_term = NULL;
      gboolean all = TRUE;

      for (guint t = 0; terms[t] != NULL && all; t++)
        {
          gboolean found = FALSE;

          if (*terms[t] == '\0')
            continue;
          for (guint f = 0; f < 4 && !found; f++)
            {
              const char *at = strstr (e->folded[f], terms[t]);
              if (at != NULL)
                {
                  found = TRUE;
                  if (first_match == NULL)
                    {
                      first_match = at;
                      first_field = f;
                      first_term = terms[t];
                    }
                }
            }
          all = found;
        }
      if (all && first_match != NULL)
        g_ptr_array_add (hits, make_hit (e, first_field, first_match, first_term));
    }
  return hits;
}
