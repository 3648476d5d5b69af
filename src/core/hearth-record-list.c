/* hearth-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of the live records of one type, optionally scoped by a parent column
 * (members of one program). It reloads through the store's read-only connection whenever a
 * write commits. When the same records come back in the same order, the existing objects are
 * updated in place, so selections and bindings in the UI survive an edit.
 */

#define G_LOG_DOMAIN "hearth-record-list"

#include "config.h"

#include "hearth-record-list.h"

struct _HearthRecordList
{
  GObject       parent_instance;

  HearthStore  *store;
  GType         item_type;
  char         *where_column;
  char         *value;
  GPtrArray    *items;
  gulong        changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HearthRecordList, hearth_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return HEARTH_RECORD_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return HEARTH_RECORD_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HearthRecordList *self = HEARTH_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
store_changed_cb (HearthRecordList *self,
                  HearthStore      *store)
{
  g_autoptr(GError) error = NULL;

  if (!hearth_record_list_reload (self, &error))
    g_warning ("Could not reload %s: %s", g_type_name (self->item_type), error->message);
}

static void
hearth_record_list_dispose (GObject *object)
{
  HearthRecordList *self = (HearthRecordList *)object;

  if (self->store != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_record_list_parent_class)->dispose (object);
}

static void
hearth_record_list_finalize (GObject *object)
{
  HearthRecordList *self = (HearthRecordList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->where_column, g_free);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (hearth_record_list_parent_class)->finalize (object);
}

static void
hearth_record_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HearthRecordList *self = HEARTH_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_record_list_class_init (HearthRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_record_list_dispose;
  object_class->finalize = hearth_record_list_finalize;
  object_class->get_property = hearth_record_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_record_list_init (HearthRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * hearth_record_list_new:
 * @store: the store to read from and follow
 * @item_type: a #HearthRecord subtype
 * @where_column: (nullable): the column that scopes the list, such as "program_id"
 * @value: (nullable): its value; with @where_column set and no value the list is empty
 */
HearthRecordList *
hearth_record_list_new (HearthStore *store,
                        GType        item_type,
                        const char  *where_column,
                        const char  *value)
{
  HearthRecordList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, HEARTH_TYPE_RECORD), NULL);

  self = g_object_new (HEARTH_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->where_column = g_strdup (where_column);
  self->value = g_strdup (value);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                              self, G_CONNECT_SWAPPED);

  if (!hearth_record_list_reload (self, &error))
    g_warning ("Could not load %s: %s", g_type_name (item_type), error->message);

  return self;
}

void
hearth_record_list_set_value (HearthRecordList *self,
                              const char       *value)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HEARTH_IS_RECORD_LIST (self));

  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);

  if (!hearth_record_list_reload (self, &error))
    g_warning ("Could not load %s: %s", g_type_name (self->item_type), error->message);
}

const char *
hearth_record_list_get_value (HearthRecordList *self)
{
  g_return_val_if_fail (HEARTH_IS_RECORD_LIST (self), NULL);

  return self->value;
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (hearth_record_get_id (g_ptr_array_index (a, i)),
                   hearth_record_get_id (g_ptr_array_index (b, i))) != 0)
      return FALSE;

  return TRUE;
}

gboolean
hearth_record_list_reload (HearthRecordList  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint removed;

  g_return_val_if_fail (HEARTH_IS_RECORD_LIST (self), FALSE);

  if (self->where_column != NULL && self->value == NULL)
    fresh = g_ptr_array_new_with_free_func (g_object_unref);
  else
    fresh = hearth_record_load (self->item_type, hearth_store_get_reader (self->store),
                                self->where_column, self->value, error);

  if (fresh == NULL)
    return FALSE;

  if (same_ids (self->items, fresh))
    {
      for (guint i = 0; i < fresh->len; i++)
        hearth_record_assign (g_ptr_array_index (self->items, i), g_ptr_array_index (fresh, i));
      return TRUE;
    }

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&fresh);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  if (removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * hearth_record_list_find:
 *
 * Returns: (transfer none) (nullable): the record with @id
 */
gpointer
hearth_record_list_find (HearthRecordList *self,
                         const char       *id,
                         guint            *position)
{
  g_return_val_if_fail (HEARTH_IS_RECORD_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      HearthRecord *record = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (hearth_record_get_id (record), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return record;
        }
    }

  return NULL;
}
