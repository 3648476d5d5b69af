/* hearth-record-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-record.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECORD_LIST (hearth_record_list_get_type ())

G_DECLARE_FINAL_TYPE (HearthRecordList, hearth_record_list, HEARTH, RECORD_LIST, GObject)

HearthRecordList  *hearth_record_list_new        (HearthStore       *store,
                                                  GType              item_type,
                                                  const char        *where_column,
                                                  const char        *value);
void               hearth_record_list_set_value  (HearthRecordList  *self,
                                                  const char        *value);
const char        *hearth_record_list_get_value  (HearthRecordList  *self);
gboolean           hearth_record_list_reload     (HearthRecordList  *self,
                                                  GError           **error);
gpointer           hearth_record_list_find       (HearthRecordList  *self,
                                                  const char        *id,
                                                  guint             *position);

G_END_DECLS
