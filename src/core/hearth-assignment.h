/* hearth-assignment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ASSIGNMENT (hearth_assignment_get_type ())

G_DECLARE_FINAL_TYPE (HearthAssignment, hearth_assignment, HEARTH, ASSIGNMENT, HearthRecord)

typedef enum
{
  HEARTH_ASSIGNMENT_MEMBER_ID,
  HEARTH_ASSIGNMENT_ROLE_ID,
  HEARTH_ASSIGNMENT_STARTS_ON,
  HEARTH_ASSIGNMENT_ENDS_ON,
  HEARTH_ASSIGNMENT_ENDED_ON,
  HEARTH_ASSIGNMENT_HOURS_PER_WEEK,
  HEARTH_ASSIGNMENT_SCOPE,
  HEARTH_ASSIGNMENT_N_COLUMNS
} HearthAssignmentColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_assignment_columns[HEARTH_ASSIGNMENT_N_COLUMNS];

HearthAssignment  *hearth_assignment_new                (const char        *member_id,
                                                         const char        *role_id,
                                                         const char        *starts_on);
const char        *hearth_assignment_get_member_id      (HearthAssignment  *self);
const char        *hearth_assignment_get_role_id        (HearthAssignment  *self);
const char        *hearth_assignment_get_starts_on      (HearthAssignment  *self);
const char        *hearth_assignment_get_ends_on        (HearthAssignment  *self);
const char        *hearth_assignment_get_ended_on       (HearthAssignment  *self);
double             hearth_assignment_get_hours_per_week (HearthAssignment  *self);
const char        *hearth_assignment_get_scope          (HearthAssignment  *self);
gboolean           hearth_assignment_is_active          (HearthAssignment  *self);
GPtrArray         *hearth_assignment_load_for_member    (HearthDatabase    *db,
                                                         const char        *member_id,
                                                         GError           **error);
GPtrArray         *hearth_assignment_load_for_role      (HearthDatabase    *db,
                                                         const char        *role_id,
                                                         GError           **error);

/* Store jobs: call them on the write connection, inside the caller's transaction. */
gboolean           hearth_assignment_start              (HearthDatabase    *db,
                                                         const char        *member_id,
                                                         const char        *role_id,
                                                         const char        *starts_on,
                                                         double             hours_per_week,
                                                         const char        *scope,
                                                         char             **out_id,
                                                         GError           **error);
gboolean           hearth_assignment_end                (HearthDatabase    *db,
                                                         const char        *assignment_id,
                                                         const char        *ended_on,
                                                         GError           **error);
gboolean           hearth_assignment_reopen             (HearthDatabase    *db,
                                                         const char        *assignment_id,
                                                         GError           **error);

G_END_DECLS
