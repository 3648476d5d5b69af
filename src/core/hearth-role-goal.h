/* hearth-role-goal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ROLE_GOAL (hearth_role_goal_get_type ())

G_DECLARE_FINAL_TYPE (HearthRoleGoal, hearth_role_goal, HEARTH, ROLE_GOAL, HearthRecord)

typedef enum
{
  HEARTH_ROLE_GOAL_ROLE_ID,
  HEARTH_ROLE_GOAL_LABEL,
  HEARTH_ROLE_GOAL_TARGET_PER_WEEK,
  HEARTH_ROLE_GOAL_METRIC,
  HEARTH_ROLE_GOAL_N_COLUMNS
} HearthRoleGoalColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_role_goal_columns[HEARTH_ROLE_GOAL_N_COLUMNS];

HearthRoleGoal  *hearth_role_goal_new                 (const char      *role_id,
                                                       const char      *label,
                                                       gint64           target_per_week,
                                                       const char      *metric);
const char      *hearth_role_goal_get_role_id         (HearthRoleGoal  *self);
const char      *hearth_role_goal_get_label           (HearthRoleGoal  *self);
gint64           hearth_role_goal_get_target_per_week (HearthRoleGoal  *self);
const char      *hearth_role_goal_get_metric          (HearthRoleGoal  *self);
GPtrArray       *hearth_role_goal_load_for_role       (HearthDatabase  *db,
                                                       const char      *role_id,
                                                       GError         **error);

gboolean         hearth_goal_measure                  (HearthDatabase  *db,
                                                       const char      *member_id,
                                                       const char      *metric,
                                                       const char      *iso_week,
                                                       gint64          *count,
                                                       GError         **error);

G_END_DECLS
