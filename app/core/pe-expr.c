/* pe-expr.c — parser and evaluator of calculator formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pe-expr"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pe-error.h"
#include "pe-expr-private.h"

/* Formulas in data files are short; deep nesting means a broken file. */
/* Each level of parentheses or if() costs a few levels of the grammar;
 * 256 leaves room for the longest chains the documents need while
 * bounding the parser's recursion on hostile input. */
#define MAX_DEPTH 256

/* Dates computed by formulas stay before this year; later is a typo. */
#define MAX_YEAR 9000

typedef enum
{
  NODE_NUMBER,
  NODE_BOOLEAN,
  NODE_STRING,
  NODE_DATE,
  NODE_AS_OF,
  NODE_SYMBOL,
  NODE_NEG,
  NODE_NOT,
  NODE_ADD, NODE_SUB, NODE_MUL, NODE_DIV,
  NODE_LT, NODE_LE, NODE_GT, NODE_GE, NODE_EQ, NODE_NE,
  NODE_AND, NODE_OR,
  NODE_CALL,
} NodeType;

typedef enum
{
  FN_MIN, FN_MAX, FN_IF, FN_IS_SET, FN_FLOOR, FN_DATE,
  FN_ADD_DAYS, FN_ADD_MONTHS, FN_ADD_YEARS, FN_ADD_WORKING_DAYS, FN_DAYS_BETWEEN,
} Function;

struct _PeExpr
{
  NodeType     type;
  PeValueKind  kind;       /* static type of the node's value */
  PeValue      constant;   /* NODE_NUMBER / BOOLEAN / STRING / DATE */
  PeSymbolKind symbol;
  guint        index;
  Function     function;
  GPtrArray   *args;       /* of PeExpr; operands of operators too */
};

typedef struct
{
  const char        *source;
  const char        *p;
  PeExprResolveFunc  resolve;
  gpointer           user_data;
  guint              depth;
  GError           **error;
} Parser;

static PeExpr *parse_expr (Parser *ps);

static PeExpr *
node_new (NodeType    type,
          PeValueKind kind)
{
  PeExpr *e = g_new0 (PeExpr, 1);

  e->type = type;
  e->kind = kind;
  return e;
}

void
_pe_expr_free (PeExpr *expr)
{
  if (expr == NULL)
    return;
  g_clear_pointer (&expr->args, g_ptr_array_unref);
  g_free (expr);
}

static PeExpr *
node_with_args (NodeType    type,
                PeValueKind kind,
                PeExpr     *a,
                PeExpr     *b)
{
  PeExpr *e = node_new (type, kind);

  e->args = g_ptr_array_new_with_free_func ((GDestroyNotify) _pe_expr_free);
  g_ptr_array_add (e->args, a);
  if (b != NULL)
    g_ptr_array_add (e->args, b);
  return e;
}

PeValueKind
_pe_expr_get_kind (const PeExpr *expr)
{
  return expr->kind;
}

static const char *
kind_name (PeValueKind kind)
{
  switch (kind)
    {
    case PE_VALUE_NUMBER: return "number";
    case PE_VALUE_BOOLEAN: return "boolean";
    case PE_VALUE_STRING: return "text";
    case PE_VALUE_DATE: return "date";
    case PE_VALUE_DATES: return "date list";
    default: return "unknown";
    }
}

G_GNUC_PRINTF (2, 3)
static void
fail (Parser     *ps,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (ps->error == NULL || *ps->error != NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* counted in characters: formulas may hold Chinese text in strings */
  g_set_error (ps->error, PE_ERROR, PE_ERROR_INVALID_DATA,
               "formula “%s”, at character %ld: %s",
               ps->source, g_utf8_strlen (ps->source, ps->p - ps->source) + 1, msg);
}

/* The character at the parser's position, whole (a byte of it alone would
 * make the message invalid UTF-8: found by fuzz-document). */
static void
fail_unexpected (Parser *ps)
{
  const char *next = g_utf8_find_next_char (ps->p, NULL);
  int len = next != NULL ? (int) (next - ps->p) : 1;

  fail (ps, "unexpected “%.*s”", len, ps->p);
}

static void
skip_space (Parser *ps)
{
  while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n')
    ps->p++;
}

static gboolean
accept (Parser     *ps,
        const char *token)
{
  gsize len = strlen (token);

  skip_space (ps);
  if (strncmp (ps->p, token, len) != 0)
    return FALSE;
  /* a keyword must not run into an identifier: "android" is not "and" */
  if (g_ascii_isalpha (token[0]) &&
      (g_ascii_isalnum (ps->p[len]) || ps->p[len] == '_'))
    return FALSE;
  ps->p += len;
  return TRUE;
}

static gboolean
expect (Parser     *ps,
        const char *token)
{
  if (accept (ps, token))
    return TRUE;
  fail (ps, "expected “%s”", token);
  return FALSE;
}

static char *
read_identifier (Parser *ps)
{
  const char *start = ps->p;

  if (!g_ascii_isalpha (*ps->p) && *ps->p != '_')
    return NULL;
  while (g_ascii_isalnum (*ps->p) || *ps->p == '_')
    ps->p++;
  return g_strndup (start, ps->p - start);
}

static gboolean
check_kind (Parser      *ps,
            PeExpr      *e,
            PeValueKind  want,
            const char  *what)
{
  if (e->kind == want)
    return TRUE;
  fail (ps, "%s needs a %s, not a %s", what, kind_name (want), kind_name (e->kind));
  return FALSE;
}

static const struct
{
  const char *name;
  Function    function;
  int         min_args;
  int         max_args;   /* -1: any number */
} functions[] = {
  { "min", FN_MIN, 1, -1 },
  { "max", FN_MAX, 1, -1 },
  { "if", FN_IF, 3, 3 },
  { "is_set", FN_IS_SET, 1, 1 },
  { "floor", FN_FLOOR, 1, 1 },
  { "date", FN_DATE, 1, 1 },
  { "add_days", FN_ADD_DAYS, 2, 2 },
  { "add_months", FN_ADD_MONTHS, 2, 2 },
  { "add_years", FN_ADD_YEARS, 2, 2 },
  { "add_working_days", FN_ADD_WORKING_DAYS, 2, 3 },
  { "days_between", FN_DAYS_BETWEEN, 2, 2 },
};

static PeExpr *
finish_call (Parser     *ps,
             const char *name,
             Function    function,
             GPtrArray  *args)
{
  PeExpr *e = node_new (NODE_CALL, PE_VALUE_UNKNOWN);
  g_autoptr(PeExpr) guard = e;

  e->function = function;
  e->args = g_ptr_array_ref (args);

  switch (function)
    {
    case FN_MIN:
    case FN_MAX:
      for (guint i = 0; i < args->len; i++)
        if (!check_kind (ps, g_ptr_array_index (args, i), PE_VALUE_NUMBER, name))
          return NULL;
      e->kind = PE_VALUE_NUMBER;
      break;

    case FN_IF:
      {
        PeExpr *a = g_ptr_array_index (args, 1);
        PeExpr *b = g_ptr_array_index (args, 2);

        if (!check_kind (ps, g_ptr_array_index (args, 0), PE_VALUE_BOOLEAN, "the condition of if()"))
          return NULL;
        if (a->kind != b->kind)
          {
            fail (ps, "both branches of if() must have one type (%s, %s)",
                  kind_name (a->kind), kind_name (b->kind));
            return NULL;
          }
        e->kind = a->kind;
      }
      break;

    case FN_IS_SET:
      {
        PeExpr *a = g_ptr_array_index (args, 0);
        if (a->type != NODE_SYMBOL || a->symbol != PE_SYMBOL_FIELD)
          {
            fail (ps, "is_set() takes a field name");
            return NULL;
          }
        e->kind = PE_VALUE_BOOLEAN;
      }
      break;

    case FN_FLOOR:
      if (!check_kind (ps, g_ptr_array_index (args, 0), PE_VALUE_NUMBER, name))
        return NULL;
      e->kind = PE_VALUE_NUMBER;
      break;

    case FN_DATE:
      {
        PeExpr *a = g_ptr_array_index (args, 0);
        guint32 julian;

        if (a->type != NODE_STRING || !pe_date_parse (a->constant.string, &julian))
          {
            fail (ps, "date() takes a literal date 'YYYY-MM-DD'");
            return NULL;
          }
        /* fold it into a constant */
        g_clear_pointer (&e->args, g_ptr_array_unref);
        e->type = NODE_DATE;
        e->kind = PE_VALUE_DATE;
        e->constant.kind = PE_VALUE_DATE;
        e->constant.julian = julian;
      }
      break;

    case FN_ADD_DAYS:
    case FN_ADD_MONTHS:
    case FN_ADD_YEARS:
    case FN_ADD_WORKING_DAYS:
      if (!check_kind (ps, g_ptr_array_index (args, 0), PE_VALUE_DATE, name) ||
          !check_kind (ps, g_ptr_array_index (args, 1), PE_VALUE_NUMBER, name))
        return NULL;
      if (args->len == 3)
        {
          /* the holidays are a field, so that an empty one can mean
           * "none given" rather than "unknown" */
          PeExpr *h = g_ptr_array_index (args, 2);
          if (h->type != NODE_SYMBOL || h->symbol != PE_SYMBOL_FIELD || h->kind != PE_VALUE_DATES)
            {
              fail (ps, "the third argument of add_working_days() is a field of type dates");
              return NULL;
            }
        }
      e->kind = PE_VALUE_DATE;
      break;

    case FN_DAYS_BETWEEN:
      if (!check_kind (ps, g_ptr_array_index (args, 0), PE_VALUE_DATE, name) ||
          !check_kind (ps, g_ptr_array_index (args, 1), PE_VALUE_DATE, name))
        return NULL;
      e->kind = PE_VALUE_NUMBER;
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&guard);
}

static PeExpr *
parse_primary (Parser *ps)
{
  skip_space (ps);

  if (g_ascii_isdigit (*ps->p))
    {
      const char *start = ps->p;
      g_autofree char *text = NULL;
      PeExpr *e;

      while (g_ascii_isdigit (*ps->p) || *ps->p == '.')
        ps->p++;
      text = g_strndup (start, ps->p - start);
      e = node_new (NODE_NUMBER, PE_VALUE_NUMBER);
      e->constant.kind = PE_VALUE_NUMBER;
      if (!pe_rational_parse (text, &e->constant.number))
        {
          _pe_expr_free (e);
          fail (ps, "bad number “%s”", text);
          return NULL;
        }
      return e;
    }

  if (*ps->p == '\'')
    {
      const char *start = ++ps->p;
      g_autofree char *text = NULL;
      PeExpr *e;

      while (*ps->p != '\0' && *ps->p != '\'')
        ps->p++;
      if (*ps->p != '\'')
        {
          fail (ps, "unterminated string");
          return NULL;
        }
      text = g_strndup (start, ps->p - start);
      ps->p++;
      e = node_new (NODE_STRING, PE_VALUE_STRING);
      e->constant.kind = PE_VALUE_STRING;
      e->constant.string = g_intern_string (text);
      return e;
    }

  if (accept (ps, "("))
    {
      PeExpr *e = parse_expr (ps);

      if (e == NULL || !expect (ps, ")"))
        {
          _pe_expr_free (e);
          return NULL;
        }
      return e;
    }

  if (*ps->p == '$')
    {
      g_autofree char *name = NULL;
      PeExpr *e;
      PeValueKind vk;

      ps->p++;
      name = read_identifier (ps);
      if (name == NULL)
        {
          fail (ps, "expected a parameter name after “$”");
          return NULL;
        }
      e = node_new (NODE_SYMBOL, PE_VALUE_UNKNOWN);
      if (!ps->resolve (name, TRUE, &e->symbol, &e->index, &vk, ps->user_data))
        {
          _pe_expr_free (e);
          fail (ps, "no parameter “$%s” in the document", name);
          return NULL;
        }
      e->kind = vk;
      return e;
    }

  {
    const char *start = ps->p;
    g_autofree char *name = read_identifier (ps);
    PeExpr *e;
    PeValueKind vk;

    if (name == NULL)
      {
        if (*ps->p == '\0')
          fail (ps, "the formula ends too early");
        else
          fail_unexpected (ps);
        return NULL;
      }

    if (g_str_equal (name, "true") || g_str_equal (name, "false"))
      {
        e = node_new (NODE_BOOLEAN, PE_VALUE_BOOLEAN);
        e->constant.kind = PE_VALUE_BOOLEAN;
        e->constant.boolean = g_str_equal (name, "true");
        return e;
      }

    if (g_str_equal (name, "as_of"))
      return node_new (NODE_AS_OF, PE_VALUE_DATE);

    skip_space (ps);
    if (*ps->p == '(')
      {
        g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func ((GDestroyNotify) _pe_expr_free);

        ps->p++;
        for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
          {
            if (!g_str_equal (functions[i].name, name))
              continue;

            if (!accept (ps, ")"))
              {
                do
                  {
                    PeExpr *arg = parse_expr (ps);
                    if (arg == NULL)
                      return NULL;
                    g_ptr_array_add (args, arg);
                  }
                while (accept (ps, ","));
                if (!expect (ps, ")"))
                  return NULL;
              }
            if ((int) args->len < functions[i].min_args ||
                (functions[i].max_args >= 0 && (int) args->len > functions[i].max_args))
              {
                fail (ps, "wrong number of arguments to %s()", name);
                return NULL;
              }
            return finish_call (ps, name, functions[i].function, args);
          }
        fail (ps, "unknown function “%s”", name);
        return NULL;
      }

    e = node_new (NODE_SYMBOL, PE_VALUE_UNKNOWN);
    if (!ps->resolve (name, FALSE, &e->symbol, &e->index, &vk, ps->user_data))
      {
        _pe_expr_free (e);
        ps->p = start;   /* point at the name, not past it */
        fail (ps, "“%s” is neither a field nor an earlier step", name);
        return NULL;
      }
    e->kind = vk;
    return e;
  }
}

static PeExpr *
parse_unary (Parser *ps)
{
  PeExpr *e;

  if (++ps->depth > MAX_DEPTH)
    {
      fail (ps, "nested too deeply");
      return NULL;
    }

  if (accept (ps, "-"))
    {
      PeExpr *a = parse_unary (ps);
      if (a == NULL || !check_kind (ps, a, PE_VALUE_NUMBER, "“-”"))
        {
          _pe_expr_free (a);
          return NULL;
        }
      e = node_with_args (NODE_NEG, PE_VALUE_NUMBER, a, NULL);
    }
  else if (accept (ps, "not"))
    {
      PeExpr *a = parse_unary (ps);
      if (a == NULL || !check_kind (ps, a, PE_VALUE_BOOLEAN, "“not”"))
        {
          _pe_expr_free (a);
          return NULL;
        }
      e = node_with_args (NODE_NOT, PE_VALUE_BOOLEAN, a, NULL);
    }
  else
    e = parse_primary (ps);

  ps->depth--;
  return e;
}

static PeExpr *
parse_binary_level (Parser *ps,
                    int     level);

static const struct
{
  const char *token;
  NodeType    type;
  int         level;
} operators[] = {
  { "or", NODE_OR, 0 },
  { "and", NODE_AND, 1 },
  { "<=", NODE_LE, 2 }, { ">=", NODE_GE, 2 }, { "==", NODE_EQ, 2 },
  { "!=", NODE_NE, 2 }, { "<", NODE_LT, 2 }, { ">", NODE_GT, 2 },
  { "+", NODE_ADD, 3 }, { "-", NODE_SUB, 3 },
  { "*", NODE_MUL, 4 }, { "/", NODE_DIV, 4 },
};

#define N_LEVELS 5

static PeExpr *
make_binary (Parser   *ps,
             NodeType  type,
             PeExpr   *a,
             PeExpr   *b)
{
  PeValueKind kind;

  switch (type)
    {
    case NODE_OR:
    case NODE_AND:
      if (!check_kind (ps, a, PE_VALUE_BOOLEAN, "“and”/“or”") ||
          !check_kind (ps, b, PE_VALUE_BOOLEAN, "“and”/“or”"))
        return NULL;
      kind = PE_VALUE_BOOLEAN;
      break;
    case NODE_EQ:
    case NODE_NE:
      if (a->kind != b->kind)
        {
          fail (ps, "cannot compare a %s with a %s", kind_name (a->kind), kind_name (b->kind));
          return NULL;
        }
      kind = PE_VALUE_BOOLEAN;
      break;
    case NODE_LT: case NODE_LE: case NODE_GT: case NODE_GE:
      if (a->kind != b->kind || (a->kind != PE_VALUE_NUMBER && a->kind != PE_VALUE_DATE))
        {
          fail (ps, "cannot order a %s and a %s", kind_name (a->kind), kind_name (b->kind));
          return NULL;
        }
      kind = PE_VALUE_BOOLEAN;
      break;
    default:
      if (!check_kind (ps, a, PE_VALUE_NUMBER, "arithmetic") ||
          !check_kind (ps, b, PE_VALUE_NUMBER, "arithmetic"))
        return NULL;
      kind = PE_VALUE_NUMBER;
      break;
    }
  return node_with_args (type, kind, a, b);
}

static PeExpr *
parse_binary_level (Parser *ps,
                    int     level)
{
  PeExpr *left;

  if (level >= N_LEVELS)
    return parse_unary (ps);

  if (++ps->depth > MAX_DEPTH)
    {
      fail (ps, "nested too deeply");
      return NULL;
    }

  left = parse_binary_level (ps, level + 1);
  while (left != NULL)
    {
      NodeType type = 0;
      gboolean found = FALSE;
      PeExpr *right, *node;

      for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
        if (operators[i].level == level && accept (ps, operators[i].token))
          {
            type = operators[i].type;
            found = TRUE;
            break;
          }
      if (!found)
        break;

      right = parse_binary_level (ps, level + 1);
      if (right == NULL)
        {
          _pe_expr_free (left);
          left = NULL;
          break;
        }
      node = make_binary (ps, type, left, right);
      if (node == NULL)
        {
          _pe_expr_free (left);
          _pe_expr_free (right);
          left = NULL;
          break;
        }
      left = node;

      /* comparisons do not chain: "a < b < c" is a mistake */
      if (level == 2)
        break;
    }

  ps->depth--;
  return left;
}

static PeExpr *
parse_expr (Parser *ps)
{
  return parse_binary_level (ps, 0);
}

PeExpr *
_pe_expr_parse (const char         *source,
               PeExprResolveFunc   resolve,
               gpointer            user_data,
               GError            **error)
{
  GError *local_error = NULL;
  Parser ps = { source, source, resolve, user_data, 0, &local_error };
  PeExpr *e;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (resolve != NULL, NULL);

  e = parse_expr (&ps);
  if (e != NULL)
    {
      skip_space (&ps);
      if (*ps.p != '\0')
        {
          fail_unexpected (&ps);
          g_clear_pointer (&e, _pe_expr_free);
        }
    }
  if (e == NULL && local_error == NULL)
    fail (&ps, "not a formula");

  if (local_error != NULL)
    {
      g_clear_pointer (&e, _pe_expr_free);
      g_propagate_error (error, local_error);
    }
  return e;
}

/* ---- evaluation ------------------------------------------------------- */

static gboolean
overflow (GError **error)
{
  g_set_error_literal (error, PE_ERROR, PE_ERROR_OVERFLOW,
                       _("the result is too large to compute exactly"));
  return FALSE;
}

static void
set_unknown (PeValue *out,
             guint64  missing)
{
  memset (out, 0, sizeof *out);
  out->kind = PE_VALUE_UNKNOWN;
  out->missing = missing;
}

static gboolean
values_equal (const PeValue *a,
              const PeValue *b)
{
  switch (a->kind)
    {
    case PE_VALUE_NUMBER: return pe_rational_compare (a->number, b->number) == 0;
    case PE_VALUE_BOOLEAN: return !a->boolean == !b->boolean;
    case PE_VALUE_STRING:
    case PE_VALUE_DATES: return a->string == b->string;   /* interned */
    case PE_VALUE_DATE: return a->julian == b->julian;
    default: return FALSE;
    }
}

static int
values_order (const PeValue *a,
              const PeValue *b)
{
  if (a->kind == PE_VALUE_DATE)
    return (a->julian > b->julian) - (a->julian < b->julian);
  return pe_rational_compare (a->number, b->number);
}

static gboolean
date_shift (guint32        julian,
            Function       function,
            gint64         n,
            const PeValue *holidays,
            guint32       *out)
{
  GDate d;
  gint64 year;

  if (!g_date_valid_julian (julian) || n < -100000 || n > 100000)
    return FALSE;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);

  /* GDate refuses, with a critical and the date left as it was, a shift
   * that leaves its range: check first, so that a long term typed by the
   * user is an error and never an unshifted date. */
  year = g_date_get_year (&d);
  switch (function)
    {
    case FN_ADD_DAYS:
      if ((gint64) julian + n < 1)
        return FALSE;
      break;
    case FN_ADD_MONTHS:
      if (year + n / 12 + 1 > MAX_YEAR || year + n / 12 - 1 < 1)
        return FALSE;
      break;
    case FN_ADD_YEARS:
      if (year + n > MAX_YEAR || year + n < 1)
        return FALSE;
      break;
    default:
      break;
    }

  switch (function)
    {
    case FN_ADD_DAYS:
      if (n >= 0)
        g_date_add_days (&d, n);
      else
        g_date_subtract_days (&d, -n);
      break;
    case FN_ADD_MONTHS:
      if (n >= 0)
        g_date_add_months (&d, n);
      else
        g_date_subtract_months (&d, -n);
      break;
    case FN_ADD_YEARS:
      if (n >= 0)
        g_date_add_years (&d, n);
      else
        g_date_subtract_years (&d, -n);
      break;
    case FN_ADD_WORKING_DAYS:
      /* Working days are Monday to Friday, less the holidays the user
       * gives; without them public holidays are not known to the formula
       * (the calculator says so to the user). The list is finite, so the
       * loop ends. */
      while (n > 0)
        {
          GDateWeekday wd;
          g_date_add_days (&d, 1);
          wd = g_date_get_weekday (&d);
          if (wd != G_DATE_SATURDAY && wd != G_DATE_SUNDAY &&
              (holidays == NULL || !pe_value_dates_contain (holidays, g_date_get_julian (&d))))
            n--;
        }
      break;
    default:
      g_assert_not_reached ();
    }
  if (g_date_get_year (&d) > MAX_YEAR)
    return FALSE;
  *out = g_date_get_julian (&d);
  return TRUE;
}

static gboolean eval (const PeExpr *e, const PeExprScope *scope, PeValue *out, GError **error);

static gboolean
eval_call (const PeExpr       *e,
           const PeExprScope  *scope,
           PeValue            *out,
           GError            **error)
{
  PeValue a, b;
  guint64 missing = 0;

  switch (e->function)
    {
    case FN_MIN:
    case FN_MAX:
      {
        gboolean have = FALSE;
        PeValue best = { 0 };

        for (guint i = 0; i < e->args->len; i++)
          {
            if (!eval (g_ptr_array_index (e->args, i), scope, &a, error))
              return FALSE;
            if (a.kind == PE_VALUE_UNKNOWN)
              {
                missing |= a.missing;
                continue;
              }
            if (!have)
              best = a, have = TRUE;
            else
              {
                int c = pe_rational_compare (a.number, best.number);
                if ((e->function == FN_MIN && c < 0) || (e->function == FN_MAX && c > 0))
                  best = a;
                else if (c == 0)
                  best.is_maximum = best.is_maximum && a.is_maximum;
              }
          }
        if (missing != 0 || !have)
          {
            set_unknown (out, missing);
            return TRUE;
          }
        *out = best;
        return TRUE;
      }

    case FN_IF:
      if (!eval (g_ptr_array_index (e->args, 0), scope, &a, error))
        return FALSE;
      if (a.kind == PE_VALUE_UNKNOWN)
        {
          set_unknown (out, a.missing);
          return TRUE;
        }
      return eval (g_ptr_array_index (e->args, a.boolean ? 1 : 2), scope, out, error);

    case FN_IS_SET:
      {
        const PeExpr *sym = g_ptr_array_index (e->args, 0);
        memset (out, 0, sizeof *out);
        out->kind = PE_VALUE_BOOLEAN;
        out->boolean = scope->fields[sym->index].kind != PE_VALUE_UNKNOWN;
        return TRUE;
      }

    case FN_FLOOR:
      if (!eval (g_ptr_array_index (e->args, 0), scope, out, error))
        return FALSE;
      if (out->kind == PE_VALUE_NUMBER)
        out->number = PE_RATIONAL_INIT (pe_rational_floor (out->number));
      return TRUE;

    case FN_ADD_DAYS:
    case FN_ADD_MONTHS:
    case FN_ADD_YEARS:
    case FN_ADD_WORKING_DAYS:
      {
        const PeValue *holidays = NULL;

        if (!eval (g_ptr_array_index (e->args, 0), scope, &a, error) ||
            !eval (g_ptr_array_index (e->args, 1), scope, &b, error))
          return FALSE;
        if (a.kind == PE_VALUE_UNKNOWN || b.kind == PE_VALUE_UNKNOWN)
          {
            set_unknown (out, a.missing | b.missing);
            return TRUE;
          }
        if (e->args->len == 3)
          {
            /* an empty holidays field: none given, weekends only */
            const PeExpr *h = g_ptr_array_index (e->args, 2);
            if (scope->fields[h->index].kind == PE_VALUE_DATES)
              holidays = &scope->fields[h->index];
          }
        memset (out, 0, sizeof *out);
        out->kind = PE_VALUE_DATE;
        if (!date_shift (a.julian, e->function, pe_rational_floor (b.number), holidays, &out->julian))
        {
            g_set_error_literal (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                                 _("the date is out of range"));
            return FALSE;
          }
        return TRUE;
      }

    case FN_DAYS_BETWEEN:
      if (!eval (g_ptr_array_index (e->args, 0), scope, &a, error) ||
          !eval (g_ptr_array_index (e->args, 1), scope, &b, error))
        return FALSE;
      if (a.kind == PE_VALUE_UNKNOWN || b.kind == PE_VALUE_UNKNOWN)
        {
          set_unknown (out, a.missing | b.missing);
          return TRUE;
        }
      memset (out, 0, sizeof *out);
      out->kind = PE_VALUE_NUMBER;
      out->number = PE_RATIONAL_INIT ((gint64) b.julian - (gint64) a.julian);
      return TRUE;

    case FN_DATE:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
eval (const PeExpr       *e,
      const PeExprScope  *scope,
      PeValue            *out,
      GError            **error)
{
  PeValue a, b;

  switch (e->type)
    {
    case NODE_NUMBER:
    case NODE_BOOLEAN:
    case NODE_STRING:
    case NODE_DATE:
      *out = e->constant;
      return TRUE;

    case NODE_AS_OF:
      if (scope->as_of == 0)
        {
          set_unknown (out, 0);
          return TRUE;
        }
      memset (out, 0, sizeof *out);
      out->kind = PE_VALUE_DATE;
      out->julian = scope->as_of;
      return TRUE;

    case NODE_SYMBOL:
      switch (e->symbol)
        {
        case PE_SYMBOL_FIELD:
          *out = scope->fields[e->index];
          if (out->kind == PE_VALUE_UNKNOWN)
            out->missing = e->index < 64 ? G_GUINT64_CONSTANT (1) << e->index : 0;
          return TRUE;
        case PE_SYMBOL_STEP:
          *out = scope->steps[e->index];
          return TRUE;
        case PE_SYMBOL_PARAMETER:
          *out = scope->parameters[e->index];
          return TRUE;
        default:
          g_assert_not_reached ();
        }

    case NODE_NEG:
      if (!eval (g_ptr_array_index (e->args, 0), scope, out, error))
        return FALSE;
      if (out->kind == PE_VALUE_NUMBER)
        {
          if (out->number.num == G_MININT64)
            return overflow (error);
          out->number.num = -out->number.num;
        }
      return TRUE;

    case NODE_NOT:
      if (!eval (g_ptr_array_index (e->args, 0), scope, out, error))
        return FALSE;
      if (out->kind == PE_VALUE_BOOLEAN)
        out->boolean = !out->boolean;
      return TRUE;

    case NODE_AND:
    case NODE_OR:
      {
        /* Kleene logic: false and unknown is false; true or unknown is true. */
        gboolean dominant = e->type == NODE_OR;

        if (!eval (g_ptr_array_index (e->args, 0), scope, &a, error) ||
            !eval (g_ptr_array_index (e->args, 1), scope, &b, error))
          return FALSE;
        if ((a.kind == PE_VALUE_BOOLEAN && a.boolean == dominant) ||
            (b.kind == PE_VALUE_BOOLEAN && b.boolean == dominant))
          {
            memset (out, 0, sizeof *out);
            out->kind = PE_VALUE_BOOLEAN;
            out->boolean = dominant;
            return TRUE;
          }
        if (a.kind == PE_VALUE_UNKNOWN || b.kind == PE_VALUE_UNKNOWN)
          {
            set_unknown (out, (a.kind == PE_VALUE_UNKNOWN ? a.missing : 0) |
                              (b.kind == PE_VALUE_UNKNOWN ? b.missing : 0));
            return TRUE;
          }
        memset (out, 0, sizeof *out);
        out->kind = PE_VALUE_BOOLEAN;
        out->boolean = !dominant;
        return TRUE;
      }

    case NODE_CALL:
      return eval_call (e, scope, out, error);

    default:
      break;
    }

  /* binary operators over two known values */
  if (!eval (g_ptr_array_index (e->args, 0), scope, &a, error) ||
      !eval (g_ptr_array_index (e->args, 1), scope, &b, error))
    return FALSE;
  if (a.kind == PE_VALUE_UNKNOWN || b.kind == PE_VALUE_UNKNOWN)
    {
      set_unknown (out, (a.kind == PE_VALUE_UNKNOWN ? a.missing : 0) |
                        (b.kind == PE_VALUE_UNKNOWN ? b.missing : 0));
      return TRUE;
    }

  memset (out, 0, sizeof *out);
  switch (e->type)
    {
    case NODE_ADD:
    case NODE_SUB:
    case NODE_MUL:
    case NODE_DIV:
      {
        gboolean ok;

        out->kind = PE_VALUE_NUMBER;
        out->is_maximum = a.is_maximum || b.is_maximum;
        if (e->type == NODE_DIV && b.number.num == 0)
          {
            g_set_error_literal (error, PE_ERROR, PE_ERROR_INVALID_INPUT,
                                 _("division by zero: an input that divides must not be 0"));
            return FALSE;
          }
        ok = e->type == NODE_ADD ? pe_rational_add (a.number, b.number, &out->number)
           : e->type == NODE_SUB ? pe_rational_sub (a.number, b.number, &out->number)
           : e->type == NODE_MUL ? pe_rational_mul (a.number, b.number, &out->number)
           : pe_rational_div (a.number, b.number, &out->number);
        if (!ok)
          return overflow (error);
        return TRUE;
      }
    case NODE_EQ:
    case NODE_NE:
      out->kind = PE_VALUE_BOOLEAN;
      out->boolean = values_equal (&a, &b) == (e->type == NODE_EQ);
      return TRUE;
    case NODE_LT: out->kind = PE_VALUE_BOOLEAN; out->boolean = values_order (&a, &b) < 0; return TRUE;
    case NODE_LE: out->kind = PE_VALUE_BOOLEAN; out->boolean = values_order (&a, &b) <= 0; return TRUE;
    case NODE_GT: out->kind = PE_VALUE_BOOLEAN; out->boolean = values_order (&a, &b) > 0; return TRUE;
    case NODE_GE: out->kind = PE_VALUE_BOOLEAN; out->boolean = values_order (&a, &b) >= 0; return TRUE;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
_pe_expr_eval (const PeExpr       *expr,
              const PeExprScope  *scope,
              PeValue            *out,
              GError            **error)
{
  g_return_val_if_fail (expr != NULL, FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return eval (expr, scope, out, error);
}

void
_pe_expr_foreach_field (const PeExpr *expr,
                       void        (*func) (guint index, gpointer data),
                       gpointer      data)
{
  if (expr->type == NODE_SYMBOL && expr->symbol == PE_SYMBOL_FIELD)
    func (expr->index, data);
  if (expr->args != NULL)
    for (guint i = 0; i < expr->args->len; i++)
      _pe_expr_foreach_field (g_ptr_array_index (expr->args, i), func, data);
}

void
_pe_expr_foreach_step (const PeExpr *expr,
                      void        (*func) (guint index, gpointer data),
                      gpointer      data)
{
  if (expr->type == NODE_SYMBOL && expr->symbol == PE_SYMBOL_STEP)
    func (expr->index, data);
  if (expr->args != NULL)
    for (guint i = 0; i < expr->args->len; i++)
      _pe_expr_foreach_step (g_ptr_array_index (expr->args, i), func, data);
}
