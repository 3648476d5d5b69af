/* hearth-roster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Ambassadors & Roles page's data in one pass, and the Assign… dialog's suggestions.
 *
 * The roster is read with a fixed number of queries, whatever the size of the program:
 *
 *   1. the program's reference day, and the hours_limit setting;
 *   2. the roles' own columns, and the goals of all roles;
 *   3. the assignments (dates as written, scope) with the members' names and status, ended
 *      ones included;
 *   4. ambassadors without an active assignment;
 *   5. every live check-in, and every check-in goal count: two sequential scans, joined in
 *      hash tables;
 *   6. the week's activity of the metrics in use by the members with an active assignment,
 *      grouped by member and kind: a range of the activity key (member_id, day, kind) per
 *      member, never a scan of the table.
 *
 * The warnings are the guards of hearth-health.c run on a HearthHealthInput built from the
 * same rows, with the same definitions as hearth_health_load() (so the page and the Overview
 * agree).
 *
 * Nothing here reads the clock: the reference day comes from the program (DESIGN §3).
 * Energy values and notes are never logged (DESIGN §8); notes are not even read.
 */

#define G_LOG_DOMAIN "hearth-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hearth-error.h"
#include "hearth-roster.h"
#include "hearth-settings.h"
#include "hearth-util.h"

/* Points a member with HEARTH_HEALTH_MAX_ACTIVE_ROLES or more roles loses in the suggestions. */
#define OVERLOAD_PENALTY 20.0

#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

/* Freeing */

static void
goal_free (gpointer data)
{
  HearthRosterGoal *goal = data;

  g_free (goal->id);
  g_free (goal->label);
  g_free (goal->metric);
  g_free (goal);
}

static void
slot_free (gpointer data)
{
  HearthRosterSlot *slot = data;

  g_free (slot->id);
  g_free (slot->member_id);
  g_free (slot->member_name);
  g_free (slot->role_id);
  g_free (slot->role_name);
  g_free (slot->starts_on);
  g_free (slot->ends_on);
  g_free (slot->ended_on);
  g_free (slot->scope);
  g_free (slot->achieved);
  g_free (slot);
}

static void
role_free (gpointer data)
{
  HearthRosterRole *role = data;

  g_free (role->id);
  g_free (role->preset);
  g_free (role->name);
  g_free (role->purpose);
  g_free (role->description);
  g_free (role->toolkit);
  g_free (role->review_by);
  g_clear_pointer (&role->goals, g_ptr_array_unref);
  g_clear_pointer (&role->current, g_ptr_array_unref);
  g_clear_pointer (&role->history, g_ptr_array_unref);
  g_clear_pointer (&role->warnings, g_ptr_array_unref);
  g_free (role);
}

static void
ambassador_free (gpointer data)
{
  HearthRosterAmbassador *ambassador = data;

  g_free (ambassador->member_id);
  g_free (ambassador->display_name);
  g_free (ambassador->status);
  g_clear_pointer (&ambassador->slots, g_ptr_array_unref);
  g_free (ambassador->last_checkin);
  g_clear_pointer (&ambassador->warnings, g_ptr_array_unref);
  g_free (ambassador);
}

void
hearth_roster_free (HearthRoster *roster)
{
  if (roster == NULL)
    return;

  g_free (roster->program_id);
  g_free (roster->reference_day);
  g_free (roster->iso_week);
  g_free (roster->current_week);
  /* Roles and ambassadors borrow slots and checks: free them first. */
  g_clear_pointer (&roster->ambassadors, g_ptr_array_unref);
  g_clear_pointer (&roster->roles, g_ptr_array_unref);
  g_clear_pointer (&roster->checks, g_ptr_array_unref);
  g_free (roster);
}

void
hearth_suggestion_free (HearthSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  g_free (suggestion->member_id);
  g_free (suggestion->display_name);
  g_free (suggestion->status);
  g_strfreev (suggestion->why);
  g_free (suggestion);
}

HearthRosterRole *
hearth_roster_lookup_role (HearthRoster *roster,
                           const char   *role_id)
{
  g_return_val_if_fail (roster != NULL, NULL);

  if (role_id == NULL)
    return NULL;
  for (guint i = 0; i < roster->roles->len; i++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, i);

      if (g_strcmp0 (role->id, role_id) == 0)
        return role;
    }
  return NULL;
}

HearthRosterAmbassador *
hearth_roster_lookup_member (HearthRoster *roster,
                             const char   *member_id)
{
  g_return_val_if_fail (roster != NULL, NULL);

  if (member_id == NULL)
    return NULL;
  for (guint i = 0; i < roster->ambassadors->len; i++)
    {
      HearthRosterAmbassador *ambassador = g_ptr_array_index (roster->ambassadors, i);

      if (g_strcmp0 (ambassador->member_id, member_id) == 0)
        return ambassador;
    }
  return NULL;
}

/* Helpers */

/* A YYYY-MM-DD day as a Julian day number; 0 for NULL or anything else. */
static guint32
julian_from_text (const char *text)
{
  guint y, m, d;
  GDate date;

  if (text == NULL || !hearth_date_is_valid (text) ||
      sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback
                                                           : sqlite3_column_int64 (stmt, column);
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
add_unique (GPtrArray *array,
            gpointer   item)
{
  if (!g_ptr_array_find (array, item, NULL))
    g_ptr_array_add (array, item);
}

static int
compare_slots_by_member (gconstpointer a,
                         gconstpointer b)
{
  const HearthRosterSlot *x = *(HearthRosterSlot * const *)a;
  const HearthRosterSlot *y = *(HearthRosterSlot * const *)b;
  int cmp;

  /* Active first, then those not started yet. */
  if (x->active != y->active)
    return x->active ? -1 : 1;
  if ((cmp = g_utf8_collate (x->member_name, y->member_name)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->member_id, y->member_id)) != 0)
    return cmp;
  return g_strcmp0 (x->id, y->id);
}

static int
compare_slots_by_end (gconstpointer a,
                      gconstpointer b)
{
  const HearthRosterSlot *x = *(HearthRosterSlot * const *)a;
  const HearthRosterSlot *y = *(HearthRosterSlot * const *)b;
  int cmp;

  if ((cmp = g_strcmp0 (y->ended_on, x->ended_on)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (y->starts_on, x->starts_on)) != 0)
    return cmp;
  return g_strcmp0 (x->id, y->id);
}

static int
compare_ambassadors (gconstpointer a,
                     gconstpointer b)
{
  const HearthRosterAmbassador *x = *(HearthRosterAmbassador * const *)a;
  const HearthRosterAmbassador *y = *(HearthRosterAmbassador * const *)b;
  int cmp;

  if ((cmp = g_utf8_collate (x->display_name, y->display_name)) != 0)
    return cmp;
  return g_strcmp0 (x->member_id, y->member_id);
}

static HearthRosterAmbassador *
ambassador_new (const char *member_id,
                const char *display_name,
                const char *status)
{
  HearthRosterAmbassador *ambassador = g_new0 (HearthRosterAmbassador, 1);

  ambassador->member_id = g_strdup (member_id);
  ambassador->display_name = g_strdup (display_name);
  ambassador->status = g_strdup (status);
  ambassador->slots = g_ptr_array_new ();
  ambassador->warnings = g_ptr_array_new ();

  return ambassador;
}

/* Loading */

static gboolean
load_roles (HearthDatabase  *db,
            HearthRoster    *roster,
            GHashTable      *roles_by_id,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, preset, name, purpose, description, toolkit, "
                                        "capacity, term_weeks, review_by FROM role "
                                        "WHERE program_id = ?1 AND deleted_at IS NULL "
                                        "ORDER BY name, id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, roster->program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthRosterRole *role = g_new0 (HearthRosterRole, 1);

      role->id = g_strdup (hearth_column_text (stmt, 0));
      role->preset = g_strdup (hearth_column_text (stmt, 1));
      role->name = g_strdup (hearth_column_text (stmt, 2));
      role->purpose = g_strdup (hearth_column_text (stmt, 3));
      role->description = g_strdup (hearth_column_text (stmt, 4));
      role->toolkit = g_strdup (hearth_column_text (stmt, 5));
      role->capacity = column_int_or (stmt, 6, -1);
      role->term_weeks = column_int_or (stmt, 7, -1);
      role->review_by = g_strdup (hearth_column_text (stmt, 8));
      role->goals = g_ptr_array_new_with_free_func (goal_free);
      role->current = g_ptr_array_new_with_free_func (slot_free);
      role->history = g_ptr_array_new_with_free_func (slot_free);
      role->warnings = g_ptr_array_new ();

      g_ptr_array_add (roster->roles, role);
      g_hash_table_insert (roles_by_id, role->id, role);
    }

  return rc == SQLITE_DONE;
}

/* Goals of all the program's live roles, each role's in the order they were added. */
static gboolean
load_goals (HearthDatabase  *db,
            const char      *program_id,
            GHashTable      *roles_by_id,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT g.id, g.role_id, g.label, g.metric, "
                                        "g.target_per_week FROM role_goal g "
                                        "JOIN role r ON r.id = g.role_id "
                                        "WHERE r.program_id = ?1 AND r.deleted_at IS NULL "
                                        "AND g.deleted_at IS NULL "
                                        "ORDER BY g.role_id, g.created_at, g.rowid",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthRosterRole *role = g_hash_table_lookup (roles_by_id, hearth_column_text (stmt, 1));
      HearthRosterGoal *goal;

      if (role == NULL)
        continue;
      goal = g_new0 (HearthRosterGoal, 1);
      goal->id = g_strdup (hearth_column_text (stmt, 0));
      goal->label = g_strdup (hearth_column_text (stmt, 2));
      goal->metric = g_strdup (hearth_column_text (stmt, 3));
      goal->target_per_week = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (role->goals, goal);
    }

  return rc == SQLITE_DONE;
}

/* The assignments of the program's live roles and members, ended ones included, with the
 * members' status: the same rows in the same order as hearth_health_load(), also appended to
 * @health for the guards (borrowing the slots' strings). Adds every member with an active
 * assignment to @members. */
static gboolean
load_assignments (HearthDatabase  *db,
                  HearthRoster    *roster,
                  guint32          reference_day,
                  GHashTable      *roles_by_id,
                  GHashTable      *slots_by_id,
                  GHashTable      *members,
                  GArray          *health,
                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT a.id, a.member_id, m.display_name, m.status, "
                                        "a.role_id, r.name, a.starts_on, a.ends_on, a.ended_on, "
                                        "coalesce(a.hours_per_week, 0), a.scope "
                                        "FROM assignment a JOIN role r ON r.id = a.role_id "
                                        "JOIN member m ON m.id = a.member_id "
                                        "WHERE r.program_id = ?1 AND a.deleted_at IS NULL "
                                        "AND r.deleted_at IS NULL AND m.deleted_at IS NULL "
                                        "ORDER BY m.display_name, m.id, a.starts_on, a.id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, roster->program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthRosterRole *role = g_hash_table_lookup (roles_by_id, hearth_column_text (stmt, 4));
      HearthRosterSlot *slot;
      HearthHealthAssignment a = { 0 };

      if (role == NULL)
        continue;

      slot = g_new0 (HearthRosterSlot, 1);
      slot->id = g_strdup (hearth_column_text (stmt, 0));
      slot->member_id = g_strdup (hearth_column_text (stmt, 1));
      slot->member_name = g_strdup (hearth_column_text (stmt, 2));
      slot->role_id = g_strdup (role->id);
      slot->role_name = g_strdup (role->name);
      slot->starts_on = g_strdup (hearth_column_text (stmt, 6));
      slot->ends_on = g_strdup (hearth_column_text (stmt, 7));
      slot->ended_on = g_strdup (hearth_column_text (stmt, 8));
      slot->hours_per_week = MAX (sqlite3_column_double (stmt, 9), 0);
      slot->scope = g_strdup (hearth_column_text (stmt, 10));

      /* The guards' definitions (hearth-health.c): an actual end, even unreadable, ends it. */
      a.starts_on = julian_from_text (slot->starts_on);
      a.ends_on = julian_from_text (slot->ends_on);
      a.ended_on = slot->ended_on != NULL ? MAX (julian_from_text (slot->ended_on), 1) : 0;
      a.id = slot->id;
      a.member_id = slot->member_id;
      a.member_name = slot->member_name;
      a.role_id = slot->role_id;
      a.role_name = slot->role_name;
      a.hours = slot->hours_per_week;
      g_array_append_val (health, a);
      slot->active = hearth_health_assignment_is_active (&a, reference_day);
      slot->rotation_due = slot->active && a.ends_on != 0 && a.ends_on < reference_day;
      slot->completion = -1;
      slot->n_achieved = role->goals->len;
      slot->achieved = g_new (gint64, MAX (slot->n_achieved, 1));
      for (guint i = 0; i < slot->n_achieved; i++)
        slot->achieved[i] = -1;

      if (slot->ended_on != NULL)
        g_ptr_array_add (role->history, slot);
      else
        g_ptr_array_add (role->current, slot);
      g_hash_table_insert (slots_by_id, slot->id, slot);

      if (slot->active)
        {
          HearthRosterAmbassador *ambassador = g_hash_table_lookup (members, slot->member_id);

          role->n_active++;
          if (ambassador == NULL)
            {
              ambassador = ambassador_new (slot->member_id, slot->member_name,
                                           hearth_column_text (stmt, 3));
              g_hash_table_insert (members, ambassador->member_id, ambassador);
              g_ptr_array_add (roster->ambassadors, ambassador);
            }
        }
    }

  return rc == SQLITE_DONE;
}

/* Members with status "ambassador" but no active assignment. */
static gboolean
load_idle_ambassadors (HearthDatabase  *db,
                       HearthRoster    *roster,
                       GHashTable      *members,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The index on (program_id, status) gives the ambassadors alone (schema 3). */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, display_name, status FROM member "
                                        "WHERE program_id = ?1 AND status = 'ambassador' "
                                        "AND deleted_at IS NULL",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, roster->program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthRosterAmbassador *ambassador;

      if (g_hash_table_contains (members, hearth_column_text (stmt, 0)))
        continue;
      ambassador = ambassador_new (hearth_column_text (stmt, 0), hearth_column_text (stmt, 1),
                                   hearth_column_text (stmt, 2));
      g_hash_table_insert (members, ambassador->member_id, ambassador);
      g_ptr_array_add (roster->ambassadors, ambassador);
    }

  return rc == SQLITE_DONE;
}

typedef struct
{
  HearthRosterSlot *slot;
  const char       *iso_week;
  int               energy;
  gint64            done;       /* Σ min(achieved, target) over goals with a target */
  guint             n_rows;     /* goal rows of goals with a target */
} Checkin;

typedef struct
{
  HearthRosterRole *role;
  guint             index;
} GoalRef;

/* Every live check-in of the program's assignments, for the guards (energy and completion, as
 * hearth_health_load() computes them), the sparklines and the week's progress. Two sequential
 * scans joined here in hash tables: following the keys from each assignment would jump
 * around both tables and read every page many times. */
static gboolean
load_checkins (HearthDatabase  *db,
               HearthRoster    *roster,
               GHashTable      *roles_by_id,
               GHashTable      *slots_by_id,
               GStringChunk    *strings,
               GArray          *health,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) checkin_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) goals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);   /* role → Σ target */
  g_autoptr(GArray) checkins = g_array_new (FALSE, TRUE, sizeof (Checkin));
  int rc;

  for (guint r = 0; r < roster->roles->len; r++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, r);
      gint64 target = 0;

      for (guint i = 0; i < role->goals->len; i++)
        {
          HearthRosterGoal *goal = g_ptr_array_index (role->goals, i);
          GoalRef *ref = g_new (GoalRef, 1);

          ref->role = role;
          ref->index = i;
          g_hash_table_insert (goals, goal->id, ref);
          if (goal->target_per_week > 0)
            target += goal->target_per_week;
        }
      g_hash_table_insert (targets, role, GSIZE_TO_POINTER ((gsize)target));
    }

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, assignment_id, iso_week, coalesce(energy, 0) "
                                        "FROM checkin WHERE deleted_at IS NULL",
                                        error)))
    return FALSE;
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthRosterSlot *slot = g_hash_table_lookup (slots_by_id, hearth_column_text (stmt, 1));
      Checkin c = { slot };

      if (slot == NULL || hearth_column_text (stmt, 2) == NULL)
        continue;
      c.iso_week = g_string_chunk_insert_const (strings, hearth_column_text (stmt, 2));
      c.energy = sqlite3_column_int (stmt, 3);
      g_array_append_val (checkins, c);
      g_hash_table_insert (checkin_index, g_string_chunk_insert (strings,
                                                                 hearth_column_text (stmt, 0)),
                           GUINT_TO_POINTER (checkins->len));
      if (slot->active && strcmp (c.iso_week, roster->iso_week) == 0)
        {
          slot->checked_in = TRUE;
          slot->energy = CLAMP (c.energy, 0, 5);
        }
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT checkin_id, goal_id, achieved FROM checkin_goal",
                                        error)))
    return FALSE;
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (checkin_index,
                                                       hearth_column_text (stmt, 0)));
      GoalRef *ref;
      HearthRosterGoal *goal;
      Checkin *c;
      gint64 achieved;

      if (i == 0 || !(ref = g_hash_table_lookup (goals, hearth_column_text (stmt, 1))))
        continue;
      c = &g_array_index (checkins, Checkin, i - 1);
      if (g_strcmp0 (ref->role->id, c->slot->role_id) != 0)
        continue;
      goal = g_ptr_array_index (ref->role->goals, ref->index);
      achieved = MAX (sqlite3_column_int64 (stmt, 2), 0);
      if (goal->target_per_week > 0)
        {
          c->done += MIN (achieved, goal->target_per_week);
          c->n_rows++;
        }
      if (c->slot->active && strcmp (c->iso_week, roster->iso_week) == 0)
        c->slot->achieved[ref->index] = achieved;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < checkins->len; i++)
    {
      Checkin *c = &g_array_index (checkins, Checkin, i);
      HearthRosterRole *role = g_hash_table_lookup (roles_by_id, c->slot->role_id);
      gsize target;
      HearthHealthCheckin h = {
        .assignment_id = c->slot->id,
        .member_id = c->slot->member_id,
        .iso_week = c->iso_week,
        .energy = c->energy,
        .completion = -1,
      };

      target = GPOINTER_TO_SIZE (g_hash_table_lookup (targets, role));
      if (c->n_rows > 0 && target > 0)
        h.completion = (double)c->done / (double)target;
      g_array_append_val (health, h);
    }
  /* Left in table order: the guards take check-ins in any order (hearth-health.h). */

  return TRUE;
}

/* The week's activity of the metrics in use, for the members with an active assignment, as
 * "member\x1fkind" → count. The member list and the kinds are subqueries, so SQLite walks the
 * activity key (member_id, day, kind) from each member's Monday to Sunday. */
static gboolean
load_week_activity (HearthDatabase  *db,
                    HearthRoster    *roster,
                    GHashTable      *measured,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *monday_text = NULL;
  g_autofree char *sunday_text = NULL;
  GDate monday, sunday;
  int rc;

  if (!hearth_iso_week_bounds (roster->iso_week, &monday, &sunday))
    return TRUE;
  monday_text = hearth_date_to_string (&monday);
  sunday_text = hearth_date_to_string (&sunday);

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT member_id, kind, sum(count) FROM activity "
                                        "WHERE member_id IN (SELECT a.member_id FROM assignment a "
                                        "JOIN role r ON r.id = a.role_id WHERE r.program_id = ?1 "
                                        "AND r.deleted_at IS NULL AND a.deleted_at IS NULL "
                                        "AND a.ended_on IS NULL) "
                                        "AND day BETWEEN ?2 AND ?3 "
                                        "AND kind IN (SELECT g.metric FROM role_goal g "
                                        "JOIN role r ON r.id = g.role_id WHERE r.program_id = ?1 "
                                        "AND r.deleted_at IS NULL AND g.deleted_at IS NULL "
                                        "AND g.metric IS NOT NULL) "
                                        "GROUP BY member_id, kind",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, roster->program_id);
  hearth_bind_text (stmt, 2, monday_text);
  hearth_bind_text (stmt, 3, sunday_text);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      gint64 *count = g_new (gint64, 1);

      *count = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (measured,
                           g_strdup_printf ("%s\x1f%s", hearth_column_text (stmt, 0),
                                            hearth_column_text (stmt, 1)),
                           count);
    }

  return rc == SQLITE_DONE;
}

/* Fills the active slots' counts: saved (already there), else measured, else -1; then the
 * completion over the goals with a target and a known count. */
static void
complete_slots (HearthRoster *roster,
                GHashTable   *measured)
{
  for (guint r = 0; r < roster->roles->len; r++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, r);

      for (guint s = 0; s < role->current->len; s++)
        {
          HearthRosterSlot *slot = g_ptr_array_index (role->current, s);
          gint64 done = 0, target = 0;

          if (!slot->active)
            continue;

          for (guint i = 0; i < slot->n_achieved; i++)
            {
              HearthRosterGoal *goal = g_ptr_array_index (role->goals, i);

              if (slot->achieved[i] < 0 && goal->metric != NULL)
                {
                  g_autofree char *key = g_strdup_printf ("%s\x1f%s", slot->member_id,
                                                          goal->metric);
                  const gint64 *count = g_hash_table_lookup (measured, key);

                  slot->achieved[i] = count != NULL ? *count : 0;
                }
              if (slot->achieved[i] >= 0 && goal->target_per_week > 0)
                {
                  done += MIN (slot->achieved[i], goal->target_per_week);
                  target += goal->target_per_week;
                }
            }
          slot->completion = target > 0 ? (double)done / (double)target : -1;
        }
    }
}

/* Energy series and last check-in, from the health input's check-ins (all of them, any
 * assignment of the member, ended ones included). */
static void
fill_checkin_history (HearthRoster            *roster,
                      const HearthHealthInput *in,
                      GHashTable              *members)
{
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate monday;

  if (!hearth_iso_week_bounds (roster->iso_week, &monday, NULL))
    return;

  for (guint k = 0; k < HEARTH_ROSTER_ENERGY_WEEKS; k++)
    {
      GDate day = monday;
      char week[9];

      g_date_subtract_days (&day, 7 * (HEARTH_ROSTER_ENERGY_WEEKS - 1 - k));
      hearth_iso_week_of (&day, week);
      g_hash_table_insert (weeks, g_strdup (week), GUINT_TO_POINTER (k + 1));
    }

  for (guint i = 0; i < in->n_checkins; i++)
    {
      const HearthHealthCheckin *c = &in->checkins[i];
      HearthRosterAmbassador *ambassador = g_hash_table_lookup (members, c->member_id);
      guint k;

      if (ambassador == NULL)
        continue;

      if (ambassador->last_checkin == NULL || g_strcmp0 (c->iso_week, ambassador->last_checkin) > 0)
        {
          g_free (ambassador->last_checkin);
          ambassador->last_checkin = g_strdup (c->iso_week);
        }

      k = GPOINTER_TO_UINT (g_hash_table_lookup (weeks, c->iso_week));
      if (k == 0 || c->energy < 1 || c->energy > 5)
        continue;
      if (ambassador->energy[k - 1] == 0 || c->energy < ambassador->energy[k - 1])
        ambassador->energy[k - 1] = (guint8)c->energy;
    }
}

/* Each warning goes to the roles and ambassadors its subjects name; an assignment stands for
 * its member. */
static void
attach_checks (HearthRoster *roster,
               GHashTable   *roles_by_id,
               GHashTable   *slots_by_id,
               GHashTable   *members)
{
  for (guint i = 0; i < roster->checks->len; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (roster->checks, i);

      for (guint j = 0; check->subjects != NULL && check->subjects[j] != NULL; j++)
        {
          const char *subject = check->subjects[j];
          HearthRosterRole *role;
          HearthRosterAmbassador *ambassador;
          HearthRosterSlot *slot;

          if ((role = g_hash_table_lookup (roles_by_id, subject)) != NULL)
            add_unique (role->warnings, check);
          else if ((ambassador = g_hash_table_lookup (members, subject)) != NULL)
            add_unique (ambassador->warnings, check);
          else if ((slot = g_hash_table_lookup (slots_by_id, subject)) != NULL &&
                   (ambassador = g_hash_table_lookup (members, slot->member_id)) != NULL)
            add_unique (ambassador->warnings, check);
        }
    }
}

/* hearth_health_run_roles() without its OK checks, in the same order. */
static GPtrArray *
run_guards (const HearthHealthInput *in)
{
  GPtrArray *out = hearth_health_run_roles (in);

  for (guint i = 0; i < out->len; i++)
    if (((HearthHealthCheck *)g_ptr_array_index (out, i))->severity == HEARTH_SEVERITY_OK)
      g_ptr_array_remove_index (out, i--);

  return out;
}

/* The program's reference day and hours limit, or NOT_FOUND. */
static gboolean
load_program (HearthDatabase  *db,
              const char      *program_id,
              GDate          **reference,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db, "SELECT as_of FROM program WHERE id = ?1 AND "
                                            "deleted_at IS NULL", error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  if (!(rc = hearth_database_step (db, stmt, error)))
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "program %s: no such program",
                   program_id);
      return FALSE;
    }
  *reference = hearth_reference_day (hearth_column_text (stmt, 0));

  return TRUE;
}

/* The guards' view of the roles (hearth_health_load()'s). */
static GArray *
health_roles (HearthRoster *roster)
{
  GArray *roles = g_array_sized_new (FALSE, TRUE, sizeof (HearthHealthRole), roster->roles->len);

  for (guint i = 0; i < roster->roles->len; i++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, i);
      HearthHealthRole r = {
        .id = role->id,
        .name = role->name,
        .purpose = role->purpose,
        .has_toolkit = FALSE,
        .n_goals = role->goals->len,
        .capacity = role->capacity,
        .review_by = julian_from_text (role->review_by),
      };

      /* As SQL's trim(): spaces only. */
      for (const char *c = role->toolkit; c != NULL && *c != '\0' && !r.has_toolkit; c++)
        r.has_toolkit = *c != ' ';
      g_array_append_val (roles, r);
    }

  return roles;
}

HearthRoster *
hearth_roster_load (HearthDatabase  *db,
                    const char      *program_id,
                    const char      *iso_week,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(HearthRoster) roster = NULL;
  g_autoptr(GDate) reference = NULL;
  g_autoptr(GHashTable) roles_by_id = NULL;
  g_autoptr(GHashTable) slots_by_id = NULL;
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GHashTable) measured = NULL;
  g_autoptr(GArray) health_assignments = NULL;
  g_autoptr(GArray) health_checkins = NULL;
  g_autoptr(GArray) health_role_array = NULL;
  GStringChunk *strings = NULL;
  HearthHealthInput in = { 0 };
  char week[9];
  gboolean ok;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (iso_week != NULL && !hearth_iso_week_bounds (iso_week, NULL, NULL))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "iso_week: expected an ISO week (YYYY-Www)");
      return NULL;
    }

  if (check_cancelled (cancellable, error) ||
      !load_program (db, program_id, &reference, error))
    return NULL;

  roster = g_new0 (HearthRoster, 1);
  roster->program_id = g_strdup (program_id);
  roster->reference_day = hearth_date_to_string (reference);
  hearth_iso_week_of (reference, week);
  roster->current_week = g_strdup (week);
  roster->iso_week = g_strdup (iso_week != NULL ? iso_week : week);
  roster->hours_limit = (guint)MAX (hearth_settings_get_int (db, program_id,
                                                             HEARTH_SETTING_HOURS_LIMIT), 0);
  roster->roles = g_ptr_array_new_with_free_func (role_free);
  roster->ambassadors = g_ptr_array_new_with_free_func (ambassador_free);

  roles_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  slots_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  members = g_hash_table_new (g_str_hash, g_str_equal);
  measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  health_assignments = g_array_new (FALSE, TRUE, sizeof (HearthHealthAssignment));
  health_checkins = g_array_new (FALSE, TRUE, sizeof (HearthHealthCheckin));
  strings = g_string_chunk_new (4096);

  in.reference_day = g_date_get_julian (reference);
  in.hours_limit = roster->hours_limit;

  ok = !check_cancelled (cancellable, error) &&
       load_roles (db, roster, roles_by_id, error) &&
       load_goals (db, program_id, roles_by_id, error) &&
       !check_cancelled (cancellable, error) &&
       load_assignments (db, roster, in.reference_day, roles_by_id, slots_by_id, members,
                         health_assignments, error) &&
       load_idle_ambassadors (db, roster, members, error) &&
       !check_cancelled (cancellable, error) &&
       load_checkins (db, roster, roles_by_id, slots_by_id, strings, health_checkins, error) &&
       !check_cancelled (cancellable, error) &&
       load_week_activity (db, roster, measured, error) &&
       !check_cancelled (cancellable, error);
  if (!ok)
    {
      g_string_chunk_free (strings);
      return NULL;
    }

  /* The warnings, from the same rows: OK checks left out. */
  health_role_array = health_roles (roster);
  in.roles = (const HearthHealthRole *)(gpointer)health_role_array->data;
  in.n_roles = health_role_array->len;
  in.assignments = (const HearthHealthAssignment *)(gpointer)health_assignments->data;
  in.n_assignments = health_assignments->len;
  in.checkins = (const HearthHealthCheckin *)(gpointer)health_checkins->data;
  in.n_checkins = health_checkins->len;
  roster->checks = run_guards (&in);

  complete_slots (roster, measured);

  for (guint r = 0; r < roster->roles->len; r++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, r);

      g_ptr_array_sort (role->current, compare_slots_by_member);
      g_ptr_array_sort (role->history, compare_slots_by_end);
    }

  /* Each ambassador's active slots, in the order of the roles. */
  for (guint r = 0; r < roster->roles->len; r++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, r);

      for (guint s = 0; s < role->current->len; s++)
        {
          HearthRosterSlot *slot = g_ptr_array_index (role->current, s);
          HearthRosterAmbassador *ambassador;

          if (!slot->active || !(ambassador = g_hash_table_lookup (members, slot->member_id)))
            continue;
          g_ptr_array_add (ambassador->slots, slot);
          ambassador->hours_per_week += slot->hours_per_week;
        }
    }

  fill_checkin_history (roster, &in, members);
  attach_checks (roster, roles_by_id, slots_by_id, members);
  g_ptr_array_sort (roster->ambassadors, compare_ambassadors);
  g_string_chunk_free (strings);

  return g_steal_pointer (&roster);
}

/* Suggestions */

/* "41 welcomes in the last 12 weeks": one whole sentence per activity kind, so translators
 * never assemble one; @weeks is at least 1. Core has no other label for activity kinds (the
 * Import Activity dialog's column labels live in the UI library). */
static char *
matching_sentence (const char *kind,
                   gint64      count,
                   guint       weeks)
{
  gulong n = (gulong)MAX (count, 0);
  const char *format;

  if (g_strcmp0 (kind, "message") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu message in the last week",
                            "%lu messages in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu message in the last %u weeks",
                            "%lu messages in the last %u weeks", n);
  else if (g_strcmp0 (kind, "thread_started") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu thread started in the last week",
                            "%lu threads started in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu thread started in the last %u weeks",
                            "%lu threads started in the last %u weeks", n);
  else if (g_strcmp0 (kind, "reply") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu reply in the last week",
                            "%lu replies in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu reply in the last %u weeks",
                            "%lu replies in the last %u weeks", n);
  else if (g_strcmp0 (kind, "welcome") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu welcome in the last week",
                            "%lu welcomes in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu welcome in the last %u weeks",
                            "%lu welcomes in the last %u weeks", n);
  else if (g_strcmp0 (kind, "answer") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu answer in the last week",
                            "%lu answers in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu answer in the last %u weeks",
                            "%lu answers in the last %u weeks", n);
  else if (g_strcmp0 (kind, "reaction_received") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu reaction received in the last week",
                            "%lu reactions received in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu reaction received in the last %u weeks",
                            "%lu reactions received in the last %u weeks", n);
  else if (g_strcmp0 (kind, "event_attended") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu event attended in the last week",
                            "%lu events attended in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu event attended in the last %u weeks",
                            "%lu events attended in the last %u weeks", n);
  else if (g_strcmp0 (kind, "event_promoted") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu event promoted in the last week",
                            "%lu events promoted in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu event promoted in the last %u weeks",
                            "%lu events promoted in the last %u weeks", n);
  else if (g_strcmp0 (kind, "content_shared") == 0)
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared in the last week",
                            "%lu pieces of content shared in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared in the last %u weeks",
                            "%lu pieces of content shared in the last %u weeks", n);
  else
    /* Translators: activity of several kinds that match a role's goals */
    format = weeks == 1
             ? g_dngettext (GETTEXT_PACKAGE, "%lu matching activity in the last week",
                            "%lu matching activities in the last week", n)
             : g_dngettext (GETTEXT_PACKAGE, "%lu matching activity in the last %u weeks",
                            "%lu matching activities in the last %u weeks", n);

  /* The one-week formats have no %u: an unused trailing argument is harmless. */
  return g_strdup_printf (format, n, weeks);
}

typedef struct
{
  HearthCandidate *candidate;
  guint            rank;        /* in the score set: by overall, then name, then id */
  gint64           matching;
  guint            n_roles;
  guint            n_nominators;
  double           fit;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->fit != y->fit)
    return x->fit > y->fit ? -1 : 1;
  /* The score set's own order breaks ties, without collating 100,000 names again. */
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The role's distinct goal metrics, in goal order; fails when the role is not the program's. */
static GPtrArray *
load_role_metrics (HearthDatabase  *db,
                   const char      *program_id,
                   const char      *role_id,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) metrics = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id FROM role WHERE id = ?1 AND program_id = ?2 "
                                        "AND deleted_at IS NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, role_id);
  hearth_bind_text (stmt, 2, program_id);
  if (!(rc = hearth_database_step (db, stmt, error)))
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "role %s: no such role", role_id);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT metric FROM role_goal WHERE role_id = ?1 "
                                        "AND deleted_at IS NULL AND metric IS NOT NULL "
                                        "ORDER BY created_at, rowid",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, role_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      const char *metric = hearth_column_text (stmt, 0);

      if (!g_ptr_array_find_with_equal_func (metrics, metric, g_str_equal, NULL))
        g_ptr_array_add (metrics, g_strdup (metric));
    }
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&metrics);
}

GPtrArray *
hearth_role_suggest (HearthDatabase  *db,
                     const char      *program_id,
                     const char      *role_id,
                     HearthScoreSet  *scores,
                     guint            limit,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(HearthScoreSet) own_scores = NULL;
  g_autoptr(GPtrArray) metrics = NULL;
  g_autoptr(GHashTable) in_role = NULL;      /* member ids active in the role */
  g_autoptr(GHashTable) n_roles = NULL;      /* member id → active roles elsewhere */
  g_autoptr(GHashTable) matching = NULL;     /* member id → gint64* */
  g_autoptr(GHashTable) nominators = NULL;   /* "nominee\x1fkey" set */
  g_autoptr(GHashTable) n_nominators = NULL; /* member id → count */
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autofree char *start_text = NULL;
  GPtrArray *out;
  GDate reference, start;
  gint64 max_matching = 0;
  guint window_weeks;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (role_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(metrics = load_role_metrics (db, program_id, role_id, error)))
    return NULL;

  if (scores == NULL)
    {
      if (!(own_scores = hearth_scoring_run (db, program_id, cancellable, error)))
        return NULL;
      scores = own_scores;
    }
  if (check_cancelled (cancellable, error))
    return NULL;

  window_weeks = MAX (scores->window_weeks, 1);
  g_date_clear (&reference, 1);
  g_date_set_parse (&reference, scores->reference_day);
  if (!g_date_valid (&reference))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "reference_day: not a day");
      return NULL;
    }
  start = reference;
  g_date_subtract_days (&start, 7 * window_weeks - 1);
  start_text = hearth_date_to_string (&start);

  /* Active assignments of the program's live roles: who is in this role, and how many roles
   * everyone else holds. */
  in_role = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT a.member_id, a.role_id, a.starts_on "
                                        "FROM assignment a JOIN role r ON r.id = a.role_id "
                                        "WHERE r.program_id = ?1 AND r.deleted_at IS NULL "
                                        "AND a.deleted_at IS NULL AND a.ended_on IS NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      const char *member_id = hearth_column_text (stmt, 0);
      HearthHealthAssignment a = { .starts_on = julian_from_text (hearth_column_text (stmt, 2)) };

      if (member_id == NULL ||
          !hearth_health_assignment_is_active (&a, g_date_get_julian (&reference)))
        continue;
      if (g_strcmp0 (hearth_column_text (stmt, 1), role_id) == 0)
        g_hash_table_add (in_role, g_strdup (member_id));
      else
        g_hash_table_insert (n_roles, g_strdup (member_id),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_roles,
                                                                                      member_id)) + 1));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The window's activity of the role's metrics, per member: one pass over the activity
   * table, in key order, so grouping by member costs nothing. Following the key member by
   * member (member_id IN the program's members) is three times slower for a whole program:
   * 100,000 seeks against one sequential read. Only the program's candidates are looked up
   * below, so other programs' rows never count. */
  matching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (metrics->len > 0)
    {
      GString *sql = g_string_new ("SELECT member_id, sum(count) FROM activity "
                                   "WHERE day BETWEEN ?1 AND ?2 AND kind IN (");

      /* Only placeholders are spliced in; the metrics are bound. */
      for (guint i = 0; i < metrics->len; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 3);
      g_string_append (sql, ") GROUP BY member_id");

      stmt = hearth_database_prepare (db, sql->str, error);
      g_string_free (sql, TRUE);
      if (stmt == NULL)
        return NULL;
      hearth_bind_text (stmt, 1, start_text);
      hearth_bind_text (stmt, 2, scores->reference_day);
      for (guint i = 0; i < metrics->len; i++)
        hearth_bind_text (stmt, i + 3, g_ptr_array_index (metrics, i));
      FOR_EACH_ROW (db, stmt, rc, error)
        {
          gint64 *count = g_new (gint64, 1);

          *count = sqlite3_column_int64 (stmt, 1);
          g_hash_table_insert (matching, g_strdup (hearth_column_text (stmt, 0)), count);
        }
      if (rc != SQLITE_DONE)
        return NULL;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (check_cancelled (cancellable, error))
    return NULL;

  /* Accepted nominations: distinct nominators by id, else by name ignoring case, as the
   * scoring counts them. All of them, as the scoring reads them: only the program's members
   * are ever looked up, and joining member made SQLite walk the whole program. */
  nominators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_nominators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT nominee_id, nominator_id, nominator_name "
                                        "FROM nomination WHERE consent = 'accepted' "
                                        "AND deleted_at IS NULL AND nominee_id IS NOT NULL",
                                        error)))
    return NULL;
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      const char *nominee = hearth_column_text (stmt, 0);
      const char *nominator_id = hearth_column_text (stmt, 1);
      const char *nominator_name = hearth_column_text (stmt, 2);
      char *key;

      if (nominator_id != NULL)
        key = g_strdup_printf ("%s\x1fi%s", nominee, nominator_id);
      else
        {
          g_autofree char *folded = g_utf8_casefold (nominator_name != NULL ? nominator_name : "",
                                                     -1);

          key = g_strdup_printf ("%s\x1fn%s", nominee, folded);
        }
      if (g_hash_table_add (nominators, key))
        g_hash_table_insert (n_nominators, g_strdup (nominee),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_nominators,
                                                                                      nominee)) + 1));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Rank. */
  ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  for (guint i = 0; i < scores->candidates->len; i++)
    {
      HearthCandidate *c = g_ptr_array_index (scores->candidates, i);
      const gint64 *count;
      Ranked entry = { c, i };

      if ((c->flags & HEARTH_CANDIDATE_FLAG_BOT) != 0 ||
          g_strcmp0 (c->status, "declined") == 0 || g_strcmp0 (c->status, "alumni") == 0 ||
          g_hash_table_contains (in_role, c->member_id))
        continue;

      count = g_hash_table_lookup (matching, c->member_id);
      entry.matching = count != NULL ? *count : 0;
      entry.n_roles = GPOINTER_TO_UINT (g_hash_table_lookup (n_roles, c->member_id));
      entry.n_nominators = GPOINTER_TO_UINT (g_hash_table_lookup (n_nominators, c->member_id));
      max_matching = MAX (max_matching, entry.matching);
      g_array_append_val (ranked, entry);
    }

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *entry = &g_array_index (ranked, Ranked, i);
      double share = max_matching > 0 ? 100.0 * (double)entry->matching / (double)max_matching : 0;

      entry->fit = 0.6 * CLAMP (entry->candidate->overall, 0, 100) + 0.4 * share;
      if (entry->n_roles >= HEARTH_HEALTH_MAX_ACTIVE_ROLES)
        entry->fit -= OVERLOAD_PENALTY;
      entry->fit = CLAMP (entry->fit, 0, 100);
    }
  g_array_sort (ranked, compare_ranked);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_suggestion_free);
  for (guint i = 0; i < ranked->len && (limit == 0 || i < limit); i++)
    {
      Ranked *entry = &g_array_index (ranked, Ranked, i);
      HearthCandidate *c = entry->candidate;
      HearthSuggestion *suggestion = g_new0 (HearthSuggestion, 1);
      GStrvBuilder *why = g_strv_builder_new ();
      g_autofree char *overall = NULL;
      g_autofree char *activity = NULL;
      double share = max_matching > 0 ? 100.0 * (double)entry->matching / (double)max_matching : 0;

      suggestion->member_id = g_strdup (c->member_id);
      suggestion->display_name = g_strdup (c->display_name);
      suggestion->status = g_strdup (c->status);
      suggestion->fit = entry->fit;
      suggestion->overall = c->overall;
      suggestion->matching = entry->matching;
      suggestion->n_active_roles = entry->n_roles;

      if (c->assessed)
        /* Translators: a member's candidate score, 0–100 */
        overall = g_strdup_printf (_("Overall score %d"), (int)round (c->overall));
      if (entry->matching > 0)
        activity = matching_sentence (metrics->len == 1 ? g_ptr_array_index (metrics, 0) : NULL,
                                      entry->matching, window_weeks);

      /* Strongest first: whichever of the two adds more to the fit. */
      if (activity != NULL && (overall == NULL || 0.4 * share > 0.6 * c->overall))
        {
          g_strv_builder_add (why, activity);
          if (overall != NULL)
            g_strv_builder_add (why, overall);
        }
      else
        {
          if (overall != NULL)
            g_strv_builder_add (why, overall);
          if (activity != NULL)
            g_strv_builder_add (why, activity);
        }

      if (entry->n_nominators > 0)
        {
          g_autofree char *nominated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "Nominated by %u peer",
                                                                     "Nominated by %u peers",
                                                                     entry->n_nominators),
                                                        entry->n_nominators);

          g_strv_builder_add (why, nominated);
        }
      if (entry->n_roles > 0)
        {
          /* Translators: how many roles a member holds already, in other roles */
          g_autofree char *holds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Already holds %u role",
                                                                 "Already holds %u roles",
                                                                 entry->n_roles),
                                                    entry->n_roles);

          g_strv_builder_add (why, holds);
        }
      if ((c->flags & HEARTH_CANDIDATE_FLAG_NEW) != 0)
        g_strv_builder_add (why, _("New member"));

      suggestion->why = g_strv_builder_end (why);
      g_strv_builder_unref (why);
      g_ptr_array_add (out, suggestion);
    }

  return out;
}
