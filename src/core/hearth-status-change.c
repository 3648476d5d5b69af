/* hearth-status-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of a member's history (table member_status_change): the status they moved to, the
 * day, and an optional note — the record behind "declined before" and decline notes. Rows are
 * written by hearth_member_change_status(), which also checks the step is allowed.
 */

#define G_LOG_DOMAIN "hearth-status-change"

#include "config.h"

#include "hearth-member.h"
#include "hearth-status-change.h"

struct _HearthStatusChange
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthStatusChange, hearth_status_change, HEARTH_TYPE_RECORD)

const HearthColumn hearth_status_change_columns[HEARTH_STATUS_CHANGE_N_COLUMNS] = {
  [HEARTH_STATUS_CHANGE_MEMBER_ID] = { "member_id", HEARTH_COLUMN_TEXT,
                                       HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                       .references = "member" },
  [HEARTH_STATUS_CHANGE_STATUS] = { "status", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                                    hearth_member_statuses, 0, "member" },
  [HEARTH_STATUS_CHANGE_CHANGED_ON] = { "changed_on", HEARTH_COLUMN_DATE,
                                        HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_STATUS_CHANGE_NOTE] = { "note", HEARTH_COLUMN_TEXT },
};

static void
hearth_status_change_class_init (HearthStatusChangeClass *klass)
{
  /* Oldest first, as a history reads; rowid orders changes made in the same millisecond. */
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "member_status_change",
                                 hearth_status_change_columns, HEARTH_STATUS_CHANGE_N_COLUMNS,
                                 "changed_on, created_at, rowid");
}

static void
hearth_status_change_init (HearthStatusChange *self)
{
}

HearthStatusChange *
hearth_status_change_new (const char *member_id,
                          const char *status,
                          const char *changed_on)
{
  return g_object_new (HEARTH_TYPE_STATUS_CHANGE,
                       "member-id", member_id,
                       "status", status,
                       "changed-on", changed_on,
                       NULL);
}

const char *
hearth_status_change_get_member_id (HearthStatusChange *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_STATUS_CHANGE_MEMBER_ID);
}

const char *
hearth_status_change_get_status (HearthStatusChange *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_STATUS_CHANGE_STATUS);
}

const char *
hearth_status_change_get_changed_on (HearthStatusChange *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_STATUS_CHANGE_CHANGED_ON);
}

const char *
hearth_status_change_get_note (HearthStatusChange *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_STATUS_CHANGE_NOTE);
}

/**
 * hearth_status_change_load_for_member:
 *
 * Returns: (transfer full) (element-type HearthStatusChange): the member's history, oldest first
 */
GPtrArray *
hearth_status_change_load_for_member (HearthDatabase  *db,
                                      const char      *member_id,
                                      GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_STATUS_CHANGE, db, "member_id", member_id, error);
}
