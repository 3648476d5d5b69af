/* hearth-list-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void hearth_list_store_update (GListStore *store,
                               GPtrArray  *items,
                               GEqualFunc  same_row,
                               GEqualFunc  same_content);

G_END_DECLS
