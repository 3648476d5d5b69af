/* hearth-status-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_STATUS_CHANGE (hearth_status_change_get_type ())

G_DECLARE_FINAL_TYPE (HearthStatusChange, hearth_status_change, HEARTH, STATUS_CHANGE, HearthRecord)

typedef enum
{
  HEARTH_STATUS_CHANGE_MEMBER_ID,
  HEARTH_STATUS_CHANGE_STATUS,
  HEARTH_STATUS_CHANGE_CHANGED_ON,
  HEARTH_STATUS_CHANGE_NOTE,
  HEARTH_STATUS_CHANGE_N_COLUMNS
} HearthStatusChangeColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_status_change_columns[HEARTH_STATUS_CHANGE_N_COLUMNS];

HearthStatusChange  *hearth_status_change_new              (const char          *member_id,
                                                            const char          *status,
                                                            const char          *changed_on);
const char          *hearth_status_change_get_member_id    (HearthStatusChange  *self);
const char          *hearth_status_change_get_status       (HearthStatusChange  *self);
const char          *hearth_status_change_get_changed_on   (HearthStatusChange  *self);
const char          *hearth_status_change_get_note         (HearthStatusChange  *self);
GPtrArray           *hearth_status_change_load_for_member  (HearthDatabase      *db,
                                                            const char          *member_id,
                                                            GError             **error);

G_END_DECLS
