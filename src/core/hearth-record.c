/* hearth-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of every entity. A subclass declares its table and columns once, in the order of
 * the schema; this class turns that into GObject properties (display_name → "display-name"),
 * validation with messages that name the field, and the SELECT/INSERT/UPDATE statements. Table
 * and column names only ever come from these static declarations, never from data.
 */

#define G_LOG_DOMAIN "hearth-record"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "hearth-record.h"
#include "hearth-util.h"

/* The columns every entity table has, besides its own. */
#define N_COMMON 4
enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

/* Column properties are numbered from here, in column order. */
#define PROP_COLUMN_BASE 100

typedef struct
{
  char    *common[N_COMMON];
  GValue  *values;
  guint    n_values;
} HearthRecordPrivate;

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (HearthRecord, hearth_record, G_TYPE_OBJECT)

static GType
gtype_for (HearthColumnType type)
{
  switch (type)
    {
    case HEARTH_COLUMN_TEXT:
    case HEARTH_COLUMN_DATE:
    case HEARTH_COLUMN_ENUM:
      return G_TYPE_STRING;
    case HEARTH_COLUMN_INT:
      return G_TYPE_INT64;
    case HEARTH_COLUMN_DOUBLE:
      return G_TYPE_DOUBLE;
    case HEARTH_COLUMN_BOOL:
      return G_TYPE_BOOLEAN;
    case HEARTH_COLUMN_LIST:
      return G_TYPE_STRV;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_nullable (const HearthColumn *column)
{
  return !(column->flags & HEARTH_COLUMN_FLAGS_REQUIRED);
}

static GValue *
ensure_values (HearthRecord *self)
{
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);
  HearthRecordClass *klass = HEARTH_RECORD_GET_CLASS (self);

  if (priv->values == NULL && klass->n_columns > 0)
    {
      priv->n_values = klass->n_columns;
      priv->values = g_new0 (GValue, klass->n_columns);

      for (guint i = 0; i < klass->n_columns; i++)
        {
          const HearthColumn *column = &klass->columns[i];

          g_value_init (&priv->values[i], gtype_for (column->type));

          switch (column->type)
            {
            case HEARTH_COLUMN_INT:
              g_value_set_int64 (&priv->values[i], column->default_int);
              break;
            case HEARTH_COLUMN_DOUBLE:
              g_value_set_double (&priv->values[i], (double)column->default_int);
              break;
            case HEARTH_COLUMN_BOOL:
              g_value_set_boolean (&priv->values[i], column->default_int != 0);
              break;
            case HEARTH_COLUMN_TEXT:
            case HEARTH_COLUMN_DATE:
            case HEARTH_COLUMN_ENUM:
              g_value_set_string (&priv->values[i], column->default_text);
              break;
            case HEARTH_COLUMN_LIST:
            default:
              break;
            }
        }
    }

  return priv->values;
}

static void
hearth_record_finalize (GObject *object)
{
  HearthRecord *self = (HearthRecord *)object;
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);

  for (guint i = 0; i < N_COMMON; i++)
    g_clear_pointer (&priv->common[i], g_free);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);

  G_OBJECT_CLASS (hearth_record_parent_class)->finalize (object);
}

static void
hearth_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HearthRecord *self = HEARTH_RECORD (object);
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);

  if (prop_id >= PROP_ID && prop_id <= PROP_DELETED_AT)
    g_value_set_string (value, priv->common[prop_id - PROP_ID]);
  else if (prop_id >= PROP_COLUMN_BASE)
    g_value_copy (&ensure_values (self)[prop_id - PROP_COLUMN_BASE], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_common (HearthRecord *self,
            guint         prop_id,
            const char   *value)
{
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);
  char **slot = &priv->common[prop_id - PROP_ID];

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Stores @value in column @index, notifying only on a real change. "Not set" is NULL, never
 * an empty string (DESIGN §4). */
static void
set_column_value (HearthRecord *self,
                  guint         index,
                  const GValue *value)
{
  HearthRecordClass *klass = HEARTH_RECORD_GET_CLASS (self);
  GValue *slot = &ensure_values (self)[index];
  const HearthColumn *column = &klass->columns[index];

  switch (column->type)
    {
    case HEARTH_COLUMN_TEXT:
    case HEARTH_COLUMN_DATE:
    case HEARTH_COLUMN_ENUM:
      {
        const char *text = g_value_get_string (value);

        if (hearth_str_empty (text))
          text = NULL;
        if (g_strcmp0 (text, g_value_get_string (slot)) == 0)
          return;
        g_value_set_string (slot, text);
        break;
      }
    case HEARTH_COLUMN_INT:
      if (g_value_get_int64 (value) == g_value_get_int64 (slot))
        return;
      g_value_set_int64 (slot, g_value_get_int64 (value));
      break;
    case HEARTH_COLUMN_DOUBLE:
      if (g_value_get_double (value) == g_value_get_double (slot))
        return;
      g_value_set_double (slot, g_value_get_double (value));
      break;
    case HEARTH_COLUMN_BOOL:
      if (!!g_value_get_boolean (value) == !!g_value_get_boolean (slot))
        return;
      g_value_set_boolean (slot, g_value_get_boolean (value));
      break;
    case HEARTH_COLUMN_LIST:
      {
        const char * const *a = g_value_get_boxed (value);
        const char * const *b = g_value_get_boxed (slot);

        if (a != NULL && a[0] == NULL)
          a = NULL;
        if ((a == NULL && b == NULL) || (a != NULL && b != NULL && g_strv_equal (a, b)))
          return;
        g_value_set_boxed (slot, a);
        break;
      }
    default:
      g_assert_not_reached ();
    }

  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
}

static void
hearth_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HearthRecord *self = HEARTH_RECORD (object);

  if (prop_id >= PROP_ID && prop_id <= PROP_DELETED_AT)
    set_common (self, prop_id, g_value_get_string (value));
  else if (prop_id >= PROP_COLUMN_BASE)
    set_column_value (self, prop_id - PROP_COLUMN_BASE, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hearth_record_class_init (HearthRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_record_finalize;
  object_class->get_property = hearth_record_get_property;
  object_class->set_property = hearth_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DELETED_AT] =
    g_param_spec_string ("deleted-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_record_init (HearthRecord *self)
{
}

static GParamSpec *
pspec_for (const HearthColumn *column)
{
  g_autofree char *name = g_strdelimit (g_strdup (column->name), "_", '-');
  const char *interned = g_intern_string (name);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (column->type)
    {
    case HEARTH_COLUMN_TEXT:
    case HEARTH_COLUMN_DATE:
    case HEARTH_COLUMN_ENUM:
      return g_param_spec_string (interned, NULL, NULL, column->default_text, flags);
    case HEARTH_COLUMN_INT:
      return g_param_spec_int64 (interned, NULL, NULL, -1, G_MAXINT64, column->default_int, flags);
    case HEARTH_COLUMN_DOUBLE:
      return g_param_spec_double (interned, NULL, NULL, -1, G_MAXDOUBLE,
                                  (double)column->default_int, flags);
    case HEARTH_COLUMN_BOOL:
      return g_param_spec_boolean (interned, NULL, NULL, column->default_int != 0, flags);
    case HEARTH_COLUMN_LIST:
      return g_param_spec_boxed (interned, NULL, NULL, G_TYPE_STRV, flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * hearth_record_class_set_table:
 * @klass: a subclass's class, from its class_init
 * @table: the SQL table (DESIGN §4)
 * @columns: the table's own columns in schema order (id and the timestamps are common)
 * @order_by: an ORDER BY clause for lists
 *
 * Declares the subclass's table: installs a property per column and prepares its SQL.
 */
void
hearth_record_class_set_table (HearthRecordClass  *klass,
                               const char         *table,
                               const HearthColumn *columns,
                               guint               n_columns,
                               const char         *order_by)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  g_autoptr(GString) names = g_string_new ("id, created_at, updated_at, deleted_at");
  g_autoptr(GString) marks = g_string_new ("?1, ?2, ?3, ?4");
  g_autoptr(GString) sets = g_string_new ("updated_at = ?3, deleted_at = ?4");

  g_return_if_fail (HEARTH_IS_RECORD_CLASS (klass));
  g_return_if_fail (hearth_database_is_entity_table (table));

  /* GObject resets these for every derived class (property handlers belong to the class that
   * installs the properties): the columns are ours to handle. */
  object_class->get_property = hearth_record_get_property;
  object_class->set_property = hearth_record_set_property;

  klass->table = table;
  klass->columns = columns;
  klass->n_columns = n_columns;
  klass->order_by = order_by;
  klass->pspecs = g_new0 (GParamSpec *, n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      klass->pspecs[i] = pspec_for (&columns[i]);
      g_object_class_install_property (object_class, PROP_COLUMN_BASE + i, klass->pspecs[i]);

      g_string_append_printf (names, ", %s", columns[i].name);
      g_string_append_printf (marks, ", ?%u", N_COMMON + i + 1);
      g_string_append_printf (sets, ", %s = ?%u", columns[i].name, N_COMMON + i + 1);
    }

  klass->select_sql = g_strdup_printf ("SELECT %s FROM %s", names->str, table);
  klass->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str,
                                       marks->str);
  klass->update_sql = g_strdup_printf ("UPDATE %s SET %s WHERE id = ?1", table, sets->str);
}

const char *
hearth_record_class_get_table (HearthRecordClass *klass)
{
  g_return_val_if_fail (HEARTH_IS_RECORD_CLASS (klass), NULL);

  return klass->table;
}

const HearthColumn *
hearth_record_class_get_columns (HearthRecordClass *klass,
                                 guint             *n_columns)
{
  g_return_val_if_fail (HEARTH_IS_RECORD_CLASS (klass), NULL);

  if (n_columns != NULL)
    *n_columns = klass->n_columns;

  return klass->columns;
}

int
hearth_record_class_find_column (HearthRecordClass *klass,
                                 const char        *name)
{
  g_return_val_if_fail (HEARTH_IS_RECORD_CLASS (klass), -1);

  for (guint i = 0; i < klass->n_columns; i++)
    if (g_strcmp0 (klass->columns[i].name, name) == 0)
      return (int)i;

  return -1;
}

static const char *
get_common (HearthRecord *self,
            guint         prop_id)
{
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);

  return priv->common[prop_id - PROP_ID];
}

const char *
hearth_record_get_id (HearthRecord *self)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  return get_common (self, PROP_ID);
}

const char *
hearth_record_get_created_at (HearthRecord *self)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  return get_common (self, PROP_CREATED_AT);
}

const char *
hearth_record_get_updated_at (HearthRecord *self)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  return get_common (self, PROP_UPDATED_AT);
}

const char *
hearth_record_get_deleted_at (HearthRecord *self)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  return get_common (self, PROP_DELETED_AT);
}

static const GValue *
column_value (HearthRecord *self,
              guint         column,
              GType         expected)
{
  HearthRecordClass *klass = HEARTH_RECORD_GET_CLASS (self);
  const GValue *value;

  g_assert (column < klass->n_columns);
  value = &ensure_values (self)[column];
  g_assert (G_VALUE_TYPE (value) == expected);

  return value;
}

const char *
hearth_record_get_text (HearthRecord *self,
                        guint         column)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  return g_value_get_string (column_value (self, column, G_TYPE_STRING));
}

gint64
hearth_record_get_int (HearthRecord *self,
                       guint         column)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), -1);

  return g_value_get_int64 (column_value (self, column, G_TYPE_INT64));
}

double
hearth_record_get_double (HearthRecord *self,
                          guint         column)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), -1);

  return g_value_get_double (column_value (self, column, G_TYPE_DOUBLE));
}

gboolean
hearth_record_get_bool (HearthRecord *self,
                        guint         column)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), FALSE);

  return g_value_get_boolean (column_value (self, column, G_TYPE_BOOLEAN));
}

const char * const *
hearth_record_get_list (HearthRecord *self,
                        guint         column)
{
  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  return g_value_get_boxed (column_value (self, column, G_TYPE_STRV));
}

#define DEFINE_SETTER(suffix, ctype, gtype, setter)                     \
void                                                                    \
hearth_record_set_##suffix (HearthRecord *self,                         \
                            guint         column,                       \
                            ctype         value)                        \
{                                                                       \
  g_auto(GValue) gvalue = G_VALUE_INIT;                                 \
                                                                        \
  g_return_if_fail (HEARTH_IS_RECORD (self));                           \
  column_value (self, column, gtype);                                   \
  g_value_init (&gvalue, gtype);                                        \
  setter (&gvalue, value);                                              \
  set_column_value (self, column, &gvalue);                             \
}

DEFINE_SETTER (text, const char *, G_TYPE_STRING, g_value_set_string)
DEFINE_SETTER (int, gint64, G_TYPE_INT64, g_value_set_int64)
DEFINE_SETTER (double, double, G_TYPE_DOUBLE, g_value_set_double)
DEFINE_SETTER (bool, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
DEFINE_SETTER (list, const char * const *, G_TYPE_STRV, g_value_set_boxed)

/**
 * hearth_record_validate:
 *
 * Checks what the schema would refuse, with a message naming the field the way snapshot
 * errors do (`member.joined_on: expected a date (YYYY-MM-DD)`). Values of personal fields
 * are never quoted.
 */
gboolean
hearth_record_validate (HearthRecord  *self,
                        GError       **error)
{
  HearthRecordClass *klass;
  GValue *values;

  g_return_val_if_fail (HEARTH_IS_RECORD (self), FALSE);

  klass = HEARTH_RECORD_GET_CLASS (self);
  values = ensure_values (self);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const HearthColumn *column = &klass->columns[i];
      const GValue *value = &values[i];

      switch (column->type)
        {
        case HEARTH_COLUMN_TEXT:
        case HEARTH_COLUMN_DATE:
        case HEARTH_COLUMN_ENUM:
          {
            const char *text = g_value_get_string (value);

            if (text == NULL)
              {
                if (!is_nullable (column))
                  {
                    g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                                 "%s.%s: a value is required", klass->table, column->name);
                    return FALSE;
                  }
                break;
              }

            if (!g_utf8_validate (text, -1, NULL))
              {
                g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                             "%s.%s: not valid UTF-8 text", klass->table, column->name);
                return FALSE;
              }

            if (column->type == HEARTH_COLUMN_DATE && !hearth_date_is_valid (text))
              {
                g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                             "%s.%s: expected a date (YYYY-MM-DD)", klass->table, column->name);
                return FALSE;
              }

            if (column->type == HEARTH_COLUMN_ENUM && !g_strv_contains (column->choices, text))
              {
                g_autofree char *choices = g_strjoinv (", ", (char **)column->choices);

                g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                             "%s.%s: expected one of %s", klass->table, column->name, choices);
                return FALSE;
              }
            break;
          }

        case HEARTH_COLUMN_INT:
          if (g_value_get_int64 (value) < 0 && !is_nullable (column))
            {
              g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                           "%s.%s: a value of 0 or more is required", klass->table, column->name);
              return FALSE;
            }
          break;

        case HEARTH_COLUMN_DOUBLE:
          if (!isfinite (g_value_get_double (value)) ||
              (g_value_get_double (value) < 0 && !is_nullable (column)))
            {
              g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                           "%s.%s: a number of 0 or more is required", klass->table, column->name);
              return FALSE;
            }
          break;

        case HEARTH_COLUMN_BOOL:
        case HEARTH_COLUMN_LIST:
        default:
          break;
        }
    }

  if (klass->validate != NULL)
    return klass->validate (self, error);

  return TRUE;
}

/**
 * hearth_record_copy:
 *
 * A detached copy with the same id and values. Write jobs take copies, so the DB thread never
 * touches an object the UI holds.
 *
 * Returns: (transfer full): the copy
 */
HearthRecord *
hearth_record_copy (HearthRecord *self)
{
  HearthRecord *copy;

  g_return_val_if_fail (HEARTH_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  hearth_record_assign (copy, self);

  return copy;
}

/**
 * hearth_record_assign:
 * @self: the record to change
 * @other: a record of the same type
 *
 * Copies every value of @other into @self, notifying only what changed.
 *
 * Returns: whether anything changed
 */
gboolean
hearth_record_assign (HearthRecord *self,
                      HearthRecord *other)
{
  HearthRecordPrivate *other_priv;
  HearthRecordClass *klass;
  GValue *values;
  gboolean changed;

  g_return_val_if_fail (HEARTH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);

  if (hearth_record_equal (self, other))
    return FALSE;

  klass = HEARTH_RECORD_GET_CLASS (self);
  other_priv = hearth_record_get_instance_private (other);
  values = ensure_values (other);

  g_object_freeze_notify (G_OBJECT (self));

  for (guint p = PROP_ID; p <= PROP_DELETED_AT; p++)
    set_common (self, p, other_priv->common[p - PROP_ID]);

  for (guint i = 0; i < klass->n_columns; i++)
    set_column_value (self, i, &values[i]);

  changed = TRUE;
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

gboolean
hearth_record_equal (HearthRecord *a,
                     HearthRecord *b)
{
  HearthRecordPrivate *pa, *pb;
  HearthRecordClass *klass;
  GValue *va, *vb;

  g_return_val_if_fail (HEARTH_IS_RECORD (a), FALSE);
  g_return_val_if_fail (HEARTH_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  pa = hearth_record_get_instance_private (a);
  pb = hearth_record_get_instance_private (b);

  for (guint i = 0; i < N_COMMON; i++)
    if (g_strcmp0 (pa->common[i], pb->common[i]) != 0)
      return FALSE;

  klass = HEARTH_RECORD_GET_CLASS (a);
  va = ensure_values (a);
  vb = ensure_values (b);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      switch (klass->columns[i].type)
        {
        case HEARTH_COLUMN_TEXT:
        case HEARTH_COLUMN_DATE:
        case HEARTH_COLUMN_ENUM:
          if (g_strcmp0 (g_value_get_string (&va[i]), g_value_get_string (&vb[i])) != 0)
            return FALSE;
          break;
        case HEARTH_COLUMN_INT:
          if (g_value_get_int64 (&va[i]) != g_value_get_int64 (&vb[i]))
            return FALSE;
          break;
        case HEARTH_COLUMN_DOUBLE:
          if (g_value_get_double (&va[i]) != g_value_get_double (&vb[i]))
            return FALSE;
          break;
        case HEARTH_COLUMN_BOOL:
          if (!g_value_get_boolean (&va[i]) != !g_value_get_boolean (&vb[i]))
            return FALSE;
          break;
        case HEARTH_COLUMN_LIST:
          {
            const char * const *x = g_value_get_boxed (&va[i]);
            const char * const *y = g_value_get_boxed (&vb[i]);

            if ((x == NULL) != (y == NULL) || (x != NULL && !g_strv_equal (x, y)))
              return FALSE;
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/* SQL <-> values ----------------------------------------------------------------------------- */

static char *
list_to_json (const char * const *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; list != NULL && list[i]; i++)
    json_builder_add_string_value (builder, list[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* The list columns are written only by Hearth, but a database can be edited by other tools:
 * anything that isn't an array of strings reads as an empty list rather than failing. */
static char **
list_from_json (const char *text)
{
  return hearth_str_empty (text) ? NULL : hearth_string_list_from_json (text);
}

static void
bind_values (HearthRecord *self,
             sqlite3_stmt *stmt)
{
  HearthRecordClass *klass = HEARTH_RECORD_GET_CLASS (self);
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);
  GValue *values = ensure_values (self);

  for (guint i = 0; i < N_COMMON; i++)
    hearth_bind_text (stmt, i + 1, priv->common[i]);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const HearthColumn *column = &klass->columns[i];
      int index = N_COMMON + i + 1;

      switch (column->type)
        {
        case HEARTH_COLUMN_TEXT:
        case HEARTH_COLUMN_DATE:
        case HEARTH_COLUMN_ENUM:
          hearth_bind_text (stmt, index, g_value_get_string (&values[i]));
          break;
        case HEARTH_COLUMN_INT:
          if (g_value_get_int64 (&values[i]) < 0 && is_nullable (column))
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&values[i]));
          break;
        case HEARTH_COLUMN_DOUBLE:
          if (g_value_get_double (&values[i]) < 0 && is_nullable (column))
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_double (stmt, index, g_value_get_double (&values[i]));
          break;
        case HEARTH_COLUMN_BOOL:
          sqlite3_bind_int (stmt, index, g_value_get_boolean (&values[i]) ? 1 : 0);
          break;
        case HEARTH_COLUMN_LIST:
          {
            const char * const *list = g_value_get_boxed (&values[i]);

            if (list == NULL || list[0] == NULL)
              sqlite3_bind_null (stmt, index);
            else
              {
                g_autofree char *json = list_to_json (list);

                hearth_bind_text (stmt, index, json);
              }
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }
}

static HearthRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  HearthRecord *self = g_object_new (type, NULL);
  HearthRecordClass *klass = HEARTH_RECORD_GET_CLASS (self);
  HearthRecordPrivate *priv = hearth_record_get_instance_private (self);
  GValue *values = ensure_values (self);

  for (guint i = 0; i < N_COMMON; i++)
    priv->common[i] = g_strdup (hearth_column_text (stmt, i));

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const HearthColumn *column = &klass->columns[i];
      int index = N_COMMON + i;
      gboolean null = sqlite3_column_type (stmt, index) == SQLITE_NULL;

      /* Straight into the values: a fresh object has nobody to notify. */
      switch (column->type)
        {
        case HEARTH_COLUMN_TEXT:
        case HEARTH_COLUMN_DATE:
        case HEARTH_COLUMN_ENUM:
          g_value_set_string (&values[i], hearth_column_text (stmt, index));
          break;
        case HEARTH_COLUMN_INT:
          g_value_set_int64 (&values[i], null ? -1 : sqlite3_column_int64 (stmt, index));
          break;
        case HEARTH_COLUMN_DOUBLE:
          g_value_set_double (&values[i], null ? -1 : sqlite3_column_double (stmt, index));
          break;
        case HEARTH_COLUMN_BOOL:
          g_value_set_boolean (&values[i], sqlite3_column_int (stmt, index) != 0);
          break;
        case HEARTH_COLUMN_LIST:
          g_value_take_boxed (&values[i], list_from_json (hearth_column_text (stmt, index)));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return self;
}

/**
 * hearth_record_load:
 * @type: a #HearthRecord subtype
 * @db: a connection
 * @where_column: (nullable): a column of @type to filter on, or %NULL for all records
 * @value: the value @where_column must have
 *
 * Loads the live (not deleted) records, in the type's list order.
 *
 * Returns: (transfer full) (element-type HearthRecord): the records, or %NULL with @error set
 */
GPtrArray *
hearth_record_load (GType            type,
                    HearthDatabase  *db,
                    const char      *where_column,
                    const char      *value,
                    GError         **error)
{
  g_autoptr(HearthRecordClass) klass = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (g_type_is_a (type, HEARTH_TYPE_RECORD), NULL);
  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);

  klass = g_type_class_ref (type);

  if (where_column != NULL && hearth_record_class_find_column (klass, where_column) < 0)
    {
      g_critical ("%s has no column %s", klass->table, where_column);
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "%s: no column %s", klass->table,
                   where_column);
      return NULL;
    }

  sql = g_strdup_printf ("%s WHERE deleted_at IS NULL%s%s%s ORDER BY %s, id",
                         klass->select_sql,
                         where_column ? " AND " : "",
                         where_column ? where_column : "",
                         where_column ? " = ?1" : "",
                         klass->order_by ? klass->order_by : "created_at");

  if (!(stmt = hearth_database_prepare (db, sql, error)))
    return NULL;

  if (where_column != NULL)
    hearth_bind_text (stmt, 1, value);

  records = g_ptr_array_new_with_free_func (g_object_unref);

  while ((rc = hearth_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (type, stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&records);
}

/**
 * hearth_record_load_by_id:
 *
 * Returns: (transfer full) (nullable): the record; %NULL with %HEARTH_ERROR_NOT_FOUND when there
 *   is none (or it is deleted and @include_deleted is %FALSE)
 */
gpointer
hearth_record_load_by_id (GType            type,
                          HearthDatabase  *db,
                          const char      *id,
                          gboolean         include_deleted,
                          GError         **error)
{
  g_autoptr(HearthRecordClass) klass = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (g_type_is_a (type, HEARTH_TYPE_RECORD), NULL);
  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("%s WHERE id = ?1%s", klass->select_sql,
                         include_deleted ? "" : " AND deleted_at IS NULL");

  if (!(stmt = hearth_database_prepare (db, sql, error)))
    return NULL;

  hearth_bind_text (stmt, 1, id);

  rc = hearth_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return record_from_row (type, stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "%s %s: no such record",
                 klass->table, id ? id : "(null)");

  return NULL;
}

static gboolean
write_record (HearthRecord    *self,
              HearthDatabase  *db,
              const char      *sql,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = hearth_database_prepare (db, sql, error)))
    return FALSE;

  bind_values (self, stmt);

  if (!hearth_database_step_done (db, stmt, error))
    {
      g_prefix_error (error, "%s: ", HEARTH_RECORD_GET_CLASS (self)->table);
      return FALSE;
    }

  return TRUE;
}

/**
 * hearth_record_insert:
 *
 * Validates and inserts the record. A record without an id gets a new one; created_at and
 * updated_at are set to now unless the record already carries them (imports keep theirs).
 */
gboolean
hearth_record_insert (HearthRecord    *self,
                      HearthDatabase  *db,
                      GError         **error)
{
  HearthRecordPrivate *priv;
  g_autofree char *now = hearth_timestamp_now ();

  g_return_val_if_fail (HEARTH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);

  if (!hearth_record_validate (self, error))
    return FALSE;

  priv = hearth_record_get_instance_private (self);

  if (priv->common[PROP_ID - PROP_ID] == NULL)
    {
      g_autofree char *id = hearth_new_id ();

      set_common (self, PROP_ID, id);
    }
  if (priv->common[PROP_CREATED_AT - PROP_ID] == NULL)
    set_common (self, PROP_CREATED_AT, now);
  if (priv->common[PROP_UPDATED_AT - PROP_ID] == NULL)
    set_common (self, PROP_UPDATED_AT, now);

  return write_record (self, db, HEARTH_RECORD_GET_CLASS (self)->insert_sql, error);
}

/**
 * hearth_record_update:
 *
 * Validates the record and writes every column, stamping updated_at with now.
 */
gboolean
hearth_record_update (HearthRecord    *self,
                      HearthDatabase  *db,
                      GError         **error)
{
  g_autofree char *now = hearth_timestamp_now ();

  g_return_val_if_fail (HEARTH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (hearth_record_get_id (self) != NULL, FALSE);

  if (!hearth_record_validate (self, error))
    return FALSE;

  set_common (self, PROP_UPDATED_AT, now);

  if (!write_record (self, db, HEARTH_RECORD_GET_CLASS (self)->update_sql, error))
    return FALSE;

  if (sqlite3_changes (hearth_database_get_handle (db)) == 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "%s %s: no such record",
                   HEARTH_RECORD_GET_CLASS (self)->table, hearth_record_get_id (self));
      return FALSE;
    }

  return TRUE;
}
