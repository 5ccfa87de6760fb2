/* pe-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report of an assessment, for the desk and the file: what the
 * profile was assessed against (the date, the application's version and
 * every document's data and plugin version), the total, a chart of the
 * amounts, each calculator's result with the clauses it rests on quoted,
 * and the stacking ledger. It is a list of blocks (paragraphs and charts)
 * laid out with Pango on whatever cairo context it is given, so the same
 * code writes the PDF of `pex report` and the pages GtkPrintOperation
 * prints.
 */
#define G_LOG_DOMAIN "pe-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "pe-chart-renderer.h"
#include "pe-report.h"

#define MARGIN        48.0
#define CHART_HEIGHT  230.0
#define FOOTER        24.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_BODY,
  BLOCK_QUOTE,
  BLOCK_SMALL,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind     kind;
  char         *markup;
  PeChartModel *chart;
  /* laid out */
  PangoLayout  *layout;
  double        height;
  guint         page;
  double        y;
} Block;

struct _PeReport
{
  GObject       parent_instance;

  PeAssessment *assessment;
  PeLanguage    language;
  GPtrArray    *blocks;
  guint         n_pages;
  double        width;
  double        height;
  char         *footer;
};

G_DEFINE_FINAL_TYPE (PeReport, pe_report, G_TYPE_OBJECT)

static void
block_free (Block *b)
{
  g_free (b->markup);
  g_clear_object (&b->chart);
  g_clear_object (&b->layout);
  g_free (b);
}

static void
pe_report_finalize (GObject *object)
{
  PeReport *self = PE_REPORT (object);

  g_clear_object (&self->assessment);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self->footer);
  G_OBJECT_CLASS (pe_report_parent_class)->finalize (object);
}

static void
pe_report_class_init (PeReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pe_report_finalize;
}

static void
pe_report_init (PeReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

G_GNUC_PRINTF (3, 4)
static void
add (PeReport   *self,
     BlockKind   kind,
     const char *format,
     ...)
{
  Block *b = g_new0 (Block, 1);
  va_list args;

  va_start (args, format);
  b->kind = kind;
  b->markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_ptr_array_add (self->blocks, b);
}

static const char *
tr (PeReport     *self,
    const PeText *text)
{
  return pe_text_get (text, self->language);
}

/* The report speaks the language asked for, whatever the locale. */
static const char *
say (PeReport   *self,
     const char *zh,
     const char *en)
{
  return self->language == PE_LANGUAGE_ZH ? zh : en;
}

static char *
amount_text (PeReport *self,
             gint64    amount,
             gboolean  is_maximum)
{
  g_autofree char *a = pe_yuan_format (amount);
  return g_strdup_printf ("%s%s", is_maximum ? say (self, "最高 ", "up to ") : "", a);
}

static const char *
verdict_text (PeReport         *self,
              PeAssessmentItem *it)
{
  if (it->result == NULL)
    return say (self, "输入有误", "Input error");
  switch (pe_result_get_verdict (it->result))
    {
    case PE_VERDICT_ELIGIBLE: return say (self, "符合条件", "Eligible");
    case PE_VERDICT_NOT_ELIGIBLE: return say (self, "不符合条件", "Not eligible");
    case PE_VERDICT_CANNOT_DECIDE: return say (self, "无法判断", "Cannot decide");
    case PE_VERDICT_NONE:
    default: return say (self, "计算结果", "Computed");
    }
}

static void
add_versions (PeReport        *self,
              PePluginsEngine *engine)
{
  GPtrArray *items = pe_assessment_get_items (self->assessment);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GList *plugins = engine != NULL ? pe_plugins_engine_get_document_plugins (engine) : NULL;

  add (self, BLOCK_SMALL, "%s Policy Explorer %s", say (self, "软件：", "Application:"), PACKAGE_VERSION);
  /* every document searched, not only those that gave a result */
  for (GList *l = plugins; l; l = l->next)
    {
      PeDocument *doc = pe_plugins_engine_peek_document (engine, l->data);

      if (doc == NULL)
        continue;
      g_hash_table_add (seen, (gpointer) pe_document_get_id (doc));
      if (peas_plugin_info_get_version (l->data) != NULL)
        add (self, BLOCK_SMALL, "%s — %s %s, %s %s", tr (self, pe_document_get_short_title (doc)),
             say (self, "插件", "plugin"), peas_plugin_info_get_version (l->data),
             say (self, "数据", "data"), pe_document_get_version (doc));
      else
        add (self, BLOCK_SMALL, "%s — %s %s", tr (self, pe_document_get_short_title (doc)),
             say (self, "数据", "data"), pe_document_get_version (doc));
    }
  for (guint i = 0; i < items->len; i++)
    {
      PeDocument *doc = ((PeAssessmentItem *) g_ptr_array_index (items, i))->calculator->document;

      if (g_hash_table_contains (seen, pe_document_get_id (doc)))
        continue;
      g_hash_table_add (seen, (gpointer) pe_document_get_id (doc));
      add (self, BLOCK_SMALL, "%s — %s %s", tr (self, pe_document_get_short_title (doc)),
           say (self, "数据", "data"), pe_document_get_version (doc));
    }
  g_list_free (plugins);
}

static void
add_amounts_chart (PeReport *self)
{
  GPtrArray *items = pe_assessment_get_items (self->assessment);
  Block *b;
  guint n = 0;

  b = g_new0 (Block, 1);
  b->kind = BLOCK_CHART;
  b->chart = pe_chart_model_new (PE_CHART_BARS, say (self, "各项金额（计入合计的）", "Amounts counted in the total"));
  pe_chart_model_set_axis_labels (b->chart, NULL, say (self, "元", "yuan"));
  pe_chart_model_set_value_format (b->chart, pe_chart_format_yuan_short);
  for (guint i = 0; i < items->len && n < 16; i++)
    {
      PeAssessmentItem *it = g_ptr_array_index (items, i);
      gint64 counted;
      g_autofree char *value = NULL;

      if (it->stacking == NULL || !it->stacking->kept)
        continue;
      counted = pe_result_get_amount (it->result);
      value = amount_text (self, counted, pe_result_get_is_maximum (it->result));
      pe_chart_model_add_bar (b->chart, tr (self, it->calculator->title), (double) counted, 0, value, NULL);
      n++;
    }
  if (n == 0)
    {
      block_free (b);
      return;
    }
  g_ptr_array_add (self->blocks, b);
}

static void
add_item (PeReport         *self,
          PeAssessmentItem *it)
{
  PeDocument *doc = it->calculator->document;
  PeResult *r = it->result;
  g_autofree char *amount = NULL;

  if (r != NULL && pe_result_has_amount (r))
    amount = amount_text (self, pe_result_get_amount (r), pe_result_get_is_maximum (r));
  add (self, BLOCK_HEADING, "%s · %s%s%s", tr (self, pe_document_get_short_title (doc)),
       tr (self, it->calculator->title), amount ? ": " : "", amount ? amount : "");
  add (self, BLOCK_SMALL, "%s — %s %s", verdict_text (self, it), say (self, "措施", "measure"),
       it->calculator->measure_id);

  if (r == NULL)
    {
      add (self, BLOCK_BODY, "%s", it->error);
      return;
    }
  if (pe_result_get_verdict (r) == PE_VERDICT_NOT_ELIGIBLE)
    {
      PeTraceStep *f = pe_result_get_failed_step (r);
      gint64 potential;
      gboolean pmax;

      add (self, BLOCK_BODY, "%s", tr (self, f->note ? f->note : f->label));
      if (f->clause != NULL)
        add (self, BLOCK_QUOTE, "“%s”", f->clause->quote);
      if (pe_result_get_amount_if_in_force (r, &potential, &pmax))
        {
          g_autofree char *p = amount_text (self, potential, pmax);
          add (self, BLOCK_BODY, "%s %s", say (self, "有效期内金额：", "Amount while in force:"), p);
        }
    }
  if (it->missing_keys != NULL && it->missing_keys[0] != NULL)
    {
      g_autofree char *keys = g_strjoinv (", ", it->missing_keys);
      add (self, BLOCK_BODY, "%s %s", say (self, "还需填写：", "Still needs:"), keys);
    }
  for (guint i = 0; i < pe_result_get_readings (r)->len; i++)
    add (self, BLOCK_SMALL, "%s %s", say (self, "理解：", "Reading:"),
         tr (self, g_ptr_array_index (pe_result_get_readings (r), i)));
  for (guint i = 0; i < pe_result_get_trace (r)->len; i++)
    {
      PeTraceStep *s = g_ptr_array_index (pe_result_get_trace (r), i);
      g_autofree char *v = pe_trace_step_format_value (s, self->language);

      if (s->clause != NULL)
        add (self, BLOCK_SMALL, "%s = %s%s    [%s] “%s”", tr (self, s->label),
             s->value.is_maximum ? say (self, "最高 ", "up to ") : "", v,
             s->clause->measure_id, s->clause->quote);
      else
        add (self, BLOCK_SMALL, "%s = %s", tr (self, s->label), v);
    }
}

static void
add_ledger (PeReport *self)
{
  GPtrArray *ledger = pe_assessment_get_ledger (self->assessment);

  add (self, BLOCK_TITLE, "%s", say (self, "叠加明细", "Stacking ledger"));
  if (ledger->len == 0)
    add (self, BLOCK_BODY, "%s", say (self, "没有可叠加的金额。", "No amount took part in stacking."));
  for (guint i = 0; i < ledger->len; i++)
    {
      PeStackingEntry *e = g_ptr_array_index (ledger, i);
      PeAssessmentItem *it = pe_assessment_find_item (self->assessment, pe_result_get_document_id (e->result),
                                                      pe_result_get_calculator_id (e->result));
      g_autofree char *amount = amount_text (self, pe_result_get_amount (e->result), pe_result_get_is_maximum (e->result));

      if (it == NULL)
        continue;
      add (self, BLOCK_BODY, "%s  %s · %s: %s",
           e->kept ? say (self, "计入", "Kept") : say (self, "不计入", "Set aside"),
           tr (self, pe_document_get_short_title (it->calculator->document)), tr (self, it->calculator->title), amount);
      if (!e->kept)
        {
          if (e->reason != NULL)
            add (self, BLOCK_SMALL, "%s", tr (self, e->reason));
          if (e->clause != NULL)
            add (self, BLOCK_QUOTE, "[%s %s] “%s”",
                 e->document_id ? e->document_id : pe_result_get_document_id (e->result),
                 e->clause->measure_id, e->clause->quote);
        }
    }
}

/**
 * pe_report_new:
 * @engine: (nullable): for the plugins' versions
 *
 * Returns: (transfer full):
 */
PeReport *
pe_report_new (PeAssessment    *assessment,
               PePluginsEngine *engine,
               PeLanguage       language)
{
  PeReport *self;
  PeProfile *profile;
  GPtrArray *items;
  g_autofree char *as_of = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = g_date_time_format (now, "%Y-%m-%d %H:%M");
  gboolean max = FALSE;

  g_return_val_if_fail (PE_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (PE_TYPE_REPORT, NULL);
  self->assessment = g_object_ref (assessment);
  self->language = language;
  profile = pe_assessment_get_profile (assessment);
  items = pe_assessment_get_items (assessment);
  as_of = pe_date_to_string (pe_assessment_get_as_of (assessment));
  {
    gint64 sum = pe_assessment_get_total (assessment, &max);
    total = amount_text (self, sum, max);
  }
  self->footer = g_strdup_printf ("%s — %s %s", pe_profile_get_name (profile) ? pe_profile_get_name (profile)
                                                                             : say (self, "档案", "Profile"),
                                  say (self, "截至", "as of"), as_of);

  add (self, BLOCK_TITLE, "%s%s%s", say (self, "政策评估报告", "Policy assessment"),
       pe_profile_get_name (profile) ? ": " : "", pe_profile_get_name (profile) ? pe_profile_get_name (profile) : "");
  add (self, BLOCK_BODY, "%s %s    %s %s",
       say (self, "对象：", "Subject:"),
       g_str_equal (pe_profile_get_subject (profile), "person") ? say (self, "个人", "a person")
                                                                : say (self, "企业或机构", "an enterprise or organisation"),
       say (self, "评估日期：", "As of:"), as_of);
  add (self, BLOCK_SMALL, "%s %s", say (self, "生成于", "Made on"), made);
  add_versions (self, engine);

  add (self, BLOCK_TITLE, "%s", say (self, "结果", "Results"));
  add (self, BLOCK_BODY, "%s %s", say (self, "合计（按叠加规则）：", "Total, after stacking:"), total);
  add (self, BLOCK_BODY, "%s %u · %s %u · %s %u · %s %u",
       say (self, "符合条件", "eligible"), pe_assessment_count (assessment, PE_VERDICT_ELIGIBLE) + pe_assessment_count (assessment, PE_VERDICT_NONE),
       say (self, "不符合", "not eligible"), pe_assessment_count (assessment, PE_VERDICT_NOT_ELIGIBLE),
       say (self, "无法判断", "cannot decide"), pe_assessment_count (assessment, PE_VERDICT_CANNOT_DECIDE),
       say (self, "计算器", "calculators run"), items->len);
  add (self, BLOCK_SMALL, "%s", say (self,
       "金额均按原文计算：计算全程精确，元以下舍去；原文只给上限（不高于、最高不超过）的，标为“最高”。",
       "Every amount is computed from the text exactly and rounded down to the yuan; where the text gives "
       "only an upper bound (不高于, 最高不超过) the figure is marked “up to”."));
  add_amounts_chart (self);

  for (guint i = 0; i < items->len; i++)
    add_item (self, g_ptr_array_index (items, i));
  add_ledger (self);
  return self;
}

static void
set_font (PangoLayout *layout,
          BlockKind    kind)
{
  static const char *fonts[] = {
    [BLOCK_TITLE] = "Sans Bold 15",
    [BLOCK_HEADING] = "Sans Bold 10.5",
    [BLOCK_BODY] = "Sans 9.5",
    [BLOCK_QUOTE] = "Serif Italic 9.5",
    [BLOCK_SMALL] = "Sans 8",
  };
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (fonts[kind]);

  pango_layout_set_font_description (layout, desc);
}

static double
space_before (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return 16;
    case BLOCK_HEADING: return 10;
    case BLOCK_CHART: return 10;
    default: return 3;
    }
}

/**
 * pe_report_paginate:
 * @cr: a context of the surface it will be drawn on (for the fonts)
 * @width: the page's width, in the context's units (points for PDF)
 * @height: the page's height
 *
 * Returns: the number of pages
 */
guint
pe_report_paginate (PeReport *self,
                    cairo_t  *cr,
                    double    width,
                    double    height)
{
  double text_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - FOOTER;
  double y = MARGIN;
  guint page = 0;

  g_return_val_if_fail (PE_IS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      double before = i == 0 ? 0 : space_before (b->kind);

      g_clear_object (&b->layout);
      if (b->kind == BLOCK_CHART)
        b->height = CHART_HEIGHT;
      else
        {
          int w, h;

          b->layout = pango_cairo_create_layout (cr);
          set_font (b->layout, b->kind);
          pango_layout_set_width (b->layout, (int) ((text_width - (b->kind == BLOCK_QUOTE ? 16 : 0)) * PANGO_SCALE));
          pango_layout_set_wrap (b->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_markup (b->layout, b->markup, -1);
          pango_layout_get_size (b->layout, &w, &h);
          b->height = (double) h / PANGO_SCALE;
        }
      /* a heading keeps with what follows it */
      if (y + before + b->height > bottom ||
          (b->kind == BLOCK_HEADING && y + before + b->height + 40 > bottom))
        {
          if (y > MARGIN)
            {
              page++;
              y = MARGIN;
              before = 0;
            }
        }
      b->page = page;
      b->y = y + before;
      y = b->y + MIN (b->height, bottom - MARGIN);
    }
  self->n_pages = page + 1;
  return self->n_pages;
}

/**
 * pe_report_draw_page:
 * @page: from 0
 *
 * Draws one page, laid out by pe_report_paginate(), in black on white.
 */
void
pe_report_draw_page (PeReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  PeChartPalette palette;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *footer_text = NULL;

  g_return_if_fail (PE_IS_REPORT (self));
  g_return_if_fail (self->n_pages > 0);
  g_return_if_fail (page < self->n_pages);

  pe_chart_palette_init_default (&palette);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->page != page)
        continue;
      if (b->kind == BLOCK_CHART)
        {
          cairo_save (cr);
          cairo_translate (cr, MARGIN, b->y);
          /* the renderer paints its background: keep it to its box */
          cairo_rectangle (cr, 0, 0, self->width - 2 * MARGIN, b->height);
          cairo_clip (cr);
          pe_chart_render (b->chart, cr, self->width - 2 * MARGIN, b->height, &palette);
          cairo_restore (cr);
          continue;
        }
      cairo_move_to (cr, MARGIN + (b->kind == BLOCK_QUOTE ? 16 : 0), b->y);
      if (b->kind == BLOCK_SMALL || b->kind == BLOCK_QUOTE)
        cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);
      pango_cairo_show_layout (cr, b->layout);
    }

  footer = pango_cairo_create_layout (cr);
  set_font (footer, BLOCK_SMALL);
  footer_text = g_strdup_printf ("%s    %u / %u", self->footer, page + 1, self->n_pages);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN, self->height - MARGIN);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
}

/**
 * pe_report_write_pdf:
 *
 * Writes the report as an A4 PDF.
 */
gboolean
pe_report_write_pdf (PeReport    *self,
                     const char  *path,
                     GError     **error)
{
  const double w = 595.276, h = 841.89;   /* A4 in points */
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (PE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Policy Explorer " PACKAGE_VERSION);
  cr = cairo_create (surface);
  pages = pe_report_paginate (self, cr, w, h);
  for (guint p = 0; p < pages; p++)
    {
      pe_report_draw_page (self, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * pe_report_get_text:
 *
 * Returns: (transfer full): the report's text, without markup: what a
 *   screen reader or a test reads
 */
char *
pe_report_get_text (PeReport *self)
{
  GString *s;

  g_return_val_if_fail (PE_IS_REPORT (self), NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      g_autofree char *text = NULL;

      if (b->kind == BLOCK_CHART)
        text = pe_chart_model_describe (b->chart);
      else
        pango_parse_markup (b->markup, -1, 0, NULL, &text, NULL, NULL);
      g_string_append_printf (s, "%s\n", text ? text : "");
    }
  return g_string_free (s, FALSE);
}
