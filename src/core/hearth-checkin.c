/* hearth-checkin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An ambassador's optional weekly check-in for one assignment (DESIGN §1, "light structure"):
 * the ISO week, how their energy is (1 to 5), a note, and a count per goal of the role
 * (checkin_goal rows). Energy and note are personal fields (DESIGN §8). There is at most one
 * check-in per assignment and week: saving the week again updates it.
 */

#define G_LOG_DOMAIN "hearth-checkin"

#include "config.h"

#include "hearth-assignment.h"
#include "hearth-checkin.h"
#include "hearth-role-goal.h"
#include "hearth-util.h"

struct _HearthCheckin
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthCheckin, hearth_checkin, HEARTH_TYPE_RECORD)

const HearthColumn hearth_checkin_columns[HEARTH_CHECKIN_N_COLUMNS] = {
  [HEARTH_CHECKIN_ASSIGNMENT_ID] = { "assignment_id", HEARTH_COLUMN_TEXT,
                                     HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                     .references = "assignment" },
  [HEARTH_CHECKIN_ISO_WEEK] = { "iso_week", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  /* -1 stands for NULL: not given. */
  [HEARTH_CHECKIN_ENERGY] = { "energy", HEARTH_COLUMN_INT, HEARTH_COLUMN_FLAGS_PERSONAL, NULL,
                              -1 },
  [HEARTH_CHECKIN_NOTE] = { "note", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_PERSONAL },
};

static gboolean
check_energy (gint64   energy,
              GError **error)
{
  /* A personal field: the message never quotes the value. */
  if (energy >= 0 && (energy < HEARTH_CHECKIN_ENERGY_MIN || energy > HEARTH_CHECKIN_ENERGY_MAX))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "checkin.energy: expected %d to %d", HEARTH_CHECKIN_ENERGY_MIN,
                   HEARTH_CHECKIN_ENERGY_MAX);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_iso_week (const char  *iso_week,
                GError     **error)
{
  if (!hearth_iso_week_bounds (iso_week, NULL, NULL))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "checkin.iso_week: expected an ISO week (YYYY-Www)");
      return FALSE;
    }

  return TRUE;
}

static gboolean
hearth_checkin_validate (HearthRecord  *record,
                         GError       **error)
{
  HearthCheckin *self = HEARTH_CHECKIN (record);

  return check_iso_week (hearth_checkin_get_iso_week (self), error) &&
         check_energy (hearth_checkin_get_energy (self), error);
}

static void
hearth_checkin_class_init (HearthCheckinClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_checkin_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "checkin",
                                 hearth_checkin_columns, HEARTH_CHECKIN_N_COLUMNS,
                                 "iso_week DESC, rowid DESC");
}

static void
hearth_checkin_init (HearthCheckin *self)
{
}

HearthCheckin *
hearth_checkin_new (const char *assignment_id,
                    const char *iso_week)
{
  return g_object_new (HEARTH_TYPE_CHECKIN,
                       "assignment-id", assignment_id,
                       "iso-week", iso_week,
                       NULL);
}

const char *
hearth_checkin_get_assignment_id (HearthCheckin *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_CHECKIN_ASSIGNMENT_ID);
}

const char *
hearth_checkin_get_iso_week (HearthCheckin *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_CHECKIN_ISO_WEEK);
}

/* Returns: the energy, 1 to 5, or -1 when not given */
gint64
hearth_checkin_get_energy (HearthCheckin *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_CHECKIN_ENERGY);
}

const char *
hearth_checkin_get_note (HearthCheckin *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_CHECKIN_NOTE);
}

/**
 * hearth_checkin_load_for_assignment:
 *
 * Returns: (transfer full) (element-type HearthCheckin): the assignment's live check-ins,
 *   newest week first
 */
GPtrArray *
hearth_checkin_load_for_assignment (HearthDatabase  *db,
                                    const char      *assignment_id,
                                    GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_CHECKIN, db, "assignment_id", assignment_id, error);
}

/* The id of the assignment's check-in for @iso_week, deleted or not; NULL with no error when
 * there is none. */
static gboolean
find_checkin (HearthDatabase  *db,
              const char      *assignment_id,
              const char      *iso_week,
              char           **out_id,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_id = NULL;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id FROM checkin "
                                        "WHERE assignment_id = ?1 AND iso_week = ?2",
                                        error)))
    return FALSE;

  hearth_bind_text (stmt, 1, assignment_id);
  hearth_bind_text (stmt, 2, iso_week);

  rc = hearth_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    *out_id = g_strdup (hearth_column_text (stmt, 0));

  return rc != 0;
}

/* The live goals of the assignment's role. */
static GPtrArray *
load_goals (HearthDatabase    *db,
            HearthAssignment  *assignment,
            GError           **error)
{
  return hearth_role_goal_load_for_role (db, hearth_assignment_get_role_id (assignment), error);
}

/**
 * hearth_checkin_save:
 * @db: the write connection, inside the caller's transaction (a store job)
 * @assignment_id: a live assignment
 * @iso_week: the week checked in for, `YYYY-Www`
 * @energy: 1 to 5, or 0 when not given
 * @note: (nullable): a personal note
 * @goal_counts: (nullable) (element-type HearthCheckinGoalCount): a count per goal, each a
 *   live goal of the assignment's role, at most once
 * @out_checkin_id: (out) (optional) (transfer full): the check-in's id
 *
 * Saves the assignment's check-in for @iso_week. There is one per assignment and week: when
 * the week already has one, it is updated (and revived, if it had been deleted) and its goal
 * counts are replaced by @goal_counts.
 */
gboolean
hearth_checkin_save (HearthDatabase  *db,
                     const char      *assignment_id,
                     const char      *iso_week,
                     int              energy,
                     const char      *note,
                     const GArray    *goal_counts,
                     char           **out_checkin_id,
                     GError         **error)
{
  g_autoptr(HearthAssignment) assignment = NULL;
  g_autoptr(HearthCheckin) checkin = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GHashTable) goal_ids = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *existing_id = NULL;
  const char *checkin_id;
  guint n_counts = goal_counts != NULL ? goal_counts->len : 0;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (assignment_id != NULL, FALSE);

  /* 0 means "not given"; any other value out of range is refused, negative ones too. */
  if (!check_iso_week (iso_week, error) ||
      !check_energy (energy == 0 ? -1 : energy < 0 ? G_MAXINT64 : energy, error))
    return FALSE;

  if (!(assignment = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, db, assignment_id, FALSE,
                                               error)))
    return FALSE;

  /* The counts first, so that nothing is written when one is wrong. */
  if (!(goals = load_goals (db, assignment, error)))
    return FALSE;

  goal_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < goals->len; i++)
    g_hash_table_add (goal_ids, (gpointer)hearth_record_get_id (g_ptr_array_index (goals, i)));

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_counts; i++)
    {
      const HearthCheckinGoalCount *count = &g_array_index (goal_counts, HearthCheckinGoalCount, i);

      if (count->goal_id == NULL || !g_hash_table_contains (goal_ids, count->goal_id))
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "checkin_goal.goal_id: not a goal of the assignment's role");
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer)count->goal_id))
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "checkin_goal.goal_id: a goal is counted twice");
          return FALSE;
        }
      if (count->achieved < 0)
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "checkin_goal.achieved: a value of 0 or more is required");
          return FALSE;
        }
    }

  if (!find_checkin (db, assignment_id, iso_week, &existing_id, error))
    return FALSE;

  if (existing_id != NULL)
    {
      if (!(checkin = hearth_record_load_by_id (HEARTH_TYPE_CHECKIN, db, existing_id, TRUE,
                                                error)))
        return FALSE;
      /* A deleted check-in for the week comes back: the UNIQUE key leaves no room for a
       * second row, and the new values replace the old ones anyway. */
      g_object_set (checkin, "deleted-at", NULL, NULL);
    }
  else
    checkin = hearth_checkin_new (assignment_id, iso_week);

  hearth_record_set_int (HEARTH_RECORD (checkin), HEARTH_CHECKIN_ENERGY,
                         energy == 0 ? -1 : energy);
  hearth_record_set_text (HEARTH_RECORD (checkin), HEARTH_CHECKIN_NOTE, note);

  if (existing_id != NULL ? !hearth_record_update (HEARTH_RECORD (checkin), db, error)
                          : !hearth_record_insert (HEARTH_RECORD (checkin), db, error))
    return FALSE;

  checkin_id = hearth_record_get_id (HEARTH_RECORD (checkin));

  if (!(clear = hearth_database_prepare (db, "DELETE FROM checkin_goal WHERE checkin_id = ?1",
                                         error)))
    return FALSE;
  hearth_bind_text (clear, 1, checkin_id);
  if (!hearth_database_step_done (db, clear, error))
    return FALSE;

  if (n_counts > 0 &&
      !(insert = hearth_database_prepare (db,
                                          "INSERT INTO checkin_goal (checkin_id, goal_id, achieved) "
                                          "VALUES (?1, ?2, ?3)",
                                          error)))
    return FALSE;

  for (guint i = 0; i < n_counts; i++)
    {
      const HearthCheckinGoalCount *count = &g_array_index (goal_counts, HearthCheckinGoalCount, i);

      sqlite3_reset (insert);
      hearth_bind_text (insert, 1, checkin_id);
      hearth_bind_text (insert, 2, count->goal_id);
      sqlite3_bind_int64 (insert, 3, count->achieved);
      if (!hearth_database_step_done (db, insert, error))
        return FALSE;
    }

  if (out_checkin_id != NULL)
    *out_checkin_id = g_strdup (checkin_id);

  return TRUE;
}

static void
prefill_clear (gpointer data)
{
  HearthCheckinPrefill *prefill = data;

  g_free (prefill->goal_id);
  g_free (prefill->label);
  g_free (prefill->metric);
}

/* The counts saved in the assignment's live check-in for the week: goal id → count. */
static gboolean
load_saved_counts (HearthDatabase  *db,
                   const char      *assignment_id,
                   const char      *iso_week,
                   GHashTable      *saved,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT g.goal_id, g.achieved FROM checkin_goal g "
                                        "JOIN checkin c ON c.id = g.checkin_id "
                                        "WHERE c.assignment_id = ?1 AND c.iso_week = ?2 "
                                        "AND c.deleted_at IS NULL",
                                        error)))
    return FALSE;

  hearth_bind_text (stmt, 1, assignment_id);
  hearth_bind_text (stmt, 2, iso_week);

  while ((rc = hearth_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 *count = g_new (gint64, 1);

      *count = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (saved, g_strdup (hearth_column_text (stmt, 0)), count);
    }

  return rc == SQLITE_DONE;
}

/**
 * hearth_checkin_prefill:
 * @db: a connection
 * @assignment_id: a live assignment
 * @iso_week: the week, `YYYY-Www`
 * @out: (out) (transfer full) (element-type HearthCheckinPrefill): one entry per live goal of
 *   the assignment's role, in the role's order; freeing the array frees the entries
 *
 * What a check-in form for the week starts from: each goal with its automatic count (goals
 * with a metric: the member's activity of that kind in the week, hearth_goal_measure()) and
 * the count saved in the week's check-in, if there is one. `achieved` proposes the saved
 * count first, as the ambassador may have corrected the measurement, then the measured one.
 */
gboolean
hearth_checkin_prefill (HearthDatabase  *db,
                        const char      *assignment_id,
                        const char      *iso_week,
                        GArray         **out,
                        GError         **error)
{
  g_autoptr(HearthAssignment) assignment = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GHashTable) saved = NULL;
  g_autoptr(GArray) prefills = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (assignment_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!check_iso_week (iso_week, error))
    return FALSE;

  if (!(assignment = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, db, assignment_id, FALSE,
                                               error)) ||
      !(goals = load_goals (db, assignment, error)))
    return FALSE;

  saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!load_saved_counts (db, assignment_id, iso_week, saved, error))
    return FALSE;

  prefills = g_array_sized_new (FALSE, TRUE, sizeof (HearthCheckinPrefill), goals->len);
  g_array_set_clear_func (prefills, prefill_clear);

  for (guint i = 0; i < goals->len; i++)
    {
      HearthRoleGoal *goal = g_ptr_array_index (goals, i);
      const char *goal_id = hearth_record_get_id (HEARTH_RECORD (goal));
      const char *metric = hearth_role_goal_get_metric (goal);
      const gint64 *saved_count = g_hash_table_lookup (saved, goal_id);
      HearthCheckinPrefill prefill = {
        .goal_id = g_strdup (goal_id),
        .label = g_strdup (hearth_role_goal_get_label (goal)),
        .metric = g_strdup (metric),
        .target_per_week = hearth_role_goal_get_target_per_week (goal),
        .measured = -1,
        .saved = saved_count != NULL ? *saved_count : -1,
      };

      if (metric != NULL &&
          !hearth_goal_measure (db, hearth_assignment_get_member_id (assignment), metric,
                                iso_week, &prefill.measured, error))
        {
          prefill_clear (&prefill);
          return FALSE;
        }

      prefill.achieved = prefill.saved >= 0 ? prefill.saved : MAX (prefill.measured, 0);
      g_array_append_val (prefills, prefill);
    }

  *out = g_steal_pointer (&prefills);

  return TRUE;
}
