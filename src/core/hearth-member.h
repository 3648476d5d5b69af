/* hearth-member.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_MEMBER (hearth_member_get_type ())

G_DECLARE_FINAL_TYPE (HearthMember, hearth_member, HEARTH, MEMBER, HearthRecord)

typedef enum
{
  HEARTH_MEMBER_PROGRAM_ID,
  HEARTH_MEMBER_DISPLAY_NAME,
  HEARTH_MEMBER_HANDLE,
  HEARTH_MEMBER_PLATFORM,
  HEARTH_MEMBER_EXTERNAL_ID,
  HEARTH_MEMBER_EMAIL,
  HEARTH_MEMBER_JOINED_ON,
  HEARTH_MEMBER_REGION,
  HEARTH_MEMBER_TIMEZONE,
  HEARTH_MEMBER_LANGUAGE,
  HEARTH_MEMBER_SEGMENT,
  HEARTH_MEMBER_IDENTITY_TAGS,
  HEARTH_MEMBER_IS_BOT,
  HEARTH_MEMBER_STATUS,
  HEARTH_MEMBER_NOTES,
  HEARTH_MEMBER_N_COLUMNS
} HearthMemberColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_member_columns[HEARTH_MEMBER_N_COLUMNS];

/* The statuses a member moves through, as stored. */
extern const char * const hearth_member_statuses[];

HearthMember  *hearth_member_new              (const char      *program_id,
                                               const char      *display_name);
const char    *hearth_member_get_display_name (HearthMember    *self);
const char    *hearth_member_get_status       (HearthMember    *self);
const char    *hearth_member_get_program_id   (HearthMember    *self);
GPtrArray     *hearth_member_load_for_program (HearthDatabase  *db,
                                               const char      *program_id,
                                               GError         **error);

/* The status workflow: which steps are allowed, and the step itself with its history row. */
gboolean       hearth_member_status_can_change (const char     *from,
                                                const char     *to);
gboolean       hearth_member_change_status    (HearthDatabase  *db,
                                               const char      *member_id,
                                               const char      *status,
                                               const char      *note,
                                               const char      *changed_on,
                                               GError         **error);
void           hearth_member_change_status_async  (HearthStore         *store,
                                                   const char          *member_id,
                                                   const char          *status,
                                                   const char          *note,
                                                   const char          *changed_on,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       hearth_member_change_status_finish (HearthStore         *store,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
