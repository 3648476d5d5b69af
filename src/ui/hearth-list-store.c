/* hearth-list-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hearth-list-store.h"

/**
 * hearth_list_store_update:
 * @store: the list's items
 * @items: (element-type GObject): the new items, in order
 * @same_row: whether two items are the same row (the same member, the same assignment)
 * @same_content: whether two items of the same row show the same
 *
 * Puts @items in @store. When the rows are the same as before (a reload after one check-in),
 * only the items whose content changed are replaced, so a list keeps its scroll position and
 * its selection and does not rebind every row; otherwise everything is replaced at once.
 */
void
hearth_list_store_update (GListStore *store,
                          GPtrArray  *items,
                          GEqualFunc  same_row,
                          GEqualFunc  same_content)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  gboolean same_rows = n == items->len;

  for (guint i = 0; same_rows && i < n; i++)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, i);

      same_rows = same_row (old, g_ptr_array_index (items, i));
    }

  if (!same_rows)
    {
      g_list_store_splice (store, 0, n, items->pdata, items->len);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, i);
      gpointer new = g_ptr_array_index (items, i);

      if (!same_content (old, new))
        g_list_store_splice (store, i, 1, &new, 1);
    }
}
