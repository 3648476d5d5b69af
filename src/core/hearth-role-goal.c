/* hearth-role-goal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One weekly goal of a role ("Welcome 3 new members"): a label, a target per week, and the
 * activity kind that measures it — or no metric, when the ambassador fills it in at check-in.
 */

#define G_LOG_DOMAIN "hearth-role-goal"

#include "config.h"

#include "hearth-role-goal.h"
#include "hearth-schema.h"
#include "hearth-util.h"

struct _HearthRoleGoal
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRoleGoal, hearth_role_goal, HEARTH_TYPE_RECORD)

const HearthColumn hearth_role_goal_columns[HEARTH_ROLE_GOAL_N_COLUMNS] = {
  [HEARTH_ROLE_GOAL_ROLE_ID] = { "role_id", HEARTH_COLUMN_TEXT,
                                 HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                 .references = "role" },
  [HEARTH_ROLE_GOAL_LABEL] = { "label", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_ROLE_GOAL_TARGET_PER_WEEK] = { "target_per_week", HEARTH_COLUMN_INT,
                                         HEARTH_COLUMN_FLAGS_REQUIRED, NULL, 1 },
  /* NULL when the goal is counted by hand at check-in. */
  [HEARTH_ROLE_GOAL_METRIC] = { "metric", HEARTH_COLUMN_ENUM, 0, hearth_activity_kinds },
};

static void
hearth_role_goal_class_init (HearthRoleGoalClass *klass)
{
  /* Goals keep the order they were added in. */
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "role_goal",
                                 hearth_role_goal_columns, HEARTH_ROLE_GOAL_N_COLUMNS,
                                 "created_at, rowid");
}

static void
hearth_role_goal_init (HearthRoleGoal *self)
{
}

/**
 * hearth_role_goal_new:
 * @metric: (nullable): an activity kind, or %NULL for a goal counted by hand
 */
HearthRoleGoal *
hearth_role_goal_new (const char *role_id,
                      const char *label,
                      gint64      target_per_week,
                      const char *metric)
{
  return g_object_new (HEARTH_TYPE_ROLE_GOAL,
                       "role-id", role_id,
                       "label", label,
                       "target-per-week", target_per_week,
                       "metric", metric,
                       NULL);
}

const char *
hearth_role_goal_get_role_id (HearthRoleGoal *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_GOAL_ROLE_ID);
}

const char *
hearth_role_goal_get_label (HearthRoleGoal *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_GOAL_LABEL);
}

gint64
hearth_role_goal_get_target_per_week (HearthRoleGoal *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_ROLE_GOAL_TARGET_PER_WEEK);
}

const char *
hearth_role_goal_get_metric (HearthRoleGoal *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_GOAL_METRIC);
}

/**
 * hearth_role_goal_load_for_role:
 *
 * Returns: (transfer full) (element-type HearthRoleGoal): the role's live goals, oldest first
 */
GPtrArray *
hearth_role_goal_load_for_role (HearthDatabase  *db,
                                const char      *role_id,
                                GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_ROLE_GOAL, db, "role_id", role_id, error);
}

/**
 * hearth_goal_measure:
 * @db: a connection (any thread, with its own connection)
 * @member_id: a member
 * @metric: an activity kind (a goal's metric)
 * @iso_week: an ISO 8601 week, `YYYY-Www`
 * @count: (out): the sum of the member's activity of that kind in that week
 *
 * Counts what a goal with a metric measures: the member's activity of kind @metric on the
 * days Monday to Sunday of @iso_week. Activity days are UTC days (DESIGN §4), so the week is
 * a UTC week too.
 */
gboolean
hearth_goal_measure (HearthDatabase  *db,
                     const char      *member_id,
                     const char      *metric,
                     const char      *iso_week,
                     gint64          *count,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate monday, sunday;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (metric == NULL || !g_strv_contains (hearth_activity_kinds, metric))
    {
      g_autofree char *choices = g_strjoinv (", ", (char **)hearth_activity_kinds);

      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "role_goal.metric: expected one of %s", choices);
      return FALSE;
    }

  if (!hearth_iso_week_bounds (iso_week, &monday, &sunday))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "checkin.iso_week: expected an ISO week (YYYY-Www)");
      return FALSE;
    }

  first = hearth_date_to_string (&monday);
  last = hearth_date_to_string (&sunday);

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT COALESCE(SUM(count), 0) FROM activity "
                                        "WHERE member_id = ?1 AND kind = ?2 "
                                        "AND day BETWEEN ?3 AND ?4",
                                        error)))
    return FALSE;

  hearth_bind_text (stmt, 1, member_id);
  hearth_bind_text (stmt, 2, metric);
  hearth_bind_text (stmt, 3, first);
  hearth_bind_text (stmt, 4, last);

  switch (hearth_database_step (db, stmt, error))
    {
    case SQLITE_ROW:
      *count = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      *count = 0;
      return TRUE;
    default:
      return FALSE;
    }
}
