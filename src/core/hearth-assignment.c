/* hearth-assignment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member in a role: from starts_on, planned until ends_on (a term; NULL when open-ended),
 * actually ended on ended_on (NULL while active), with the hours they mean to give a week and
 * an optional scope ("the #help channel"). Ended assignments stay: they are the member's
 * history in roles.
 */

#define G_LOG_DOMAIN "hearth-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "hearth-assignment.h"
#include "hearth-member.h"
#include "hearth-role.h"
#include "hearth-status-change.h"
#include "hearth-util.h"

struct _HearthAssignment
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthAssignment, hearth_assignment, HEARTH_TYPE_RECORD)

const HearthColumn hearth_assignment_columns[HEARTH_ASSIGNMENT_N_COLUMNS] = {
  [HEARTH_ASSIGNMENT_MEMBER_ID] = { "member_id", HEARTH_COLUMN_TEXT,
                                    HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                    .references = "member" },
  [HEARTH_ASSIGNMENT_ROLE_ID] = { "role_id", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED,
                                  .references = "role" },
  [HEARTH_ASSIGNMENT_STARTS_ON] = { "starts_on", HEARTH_COLUMN_DATE,
                                    HEARTH_COLUMN_FLAGS_REQUIRED },
  /* The planned end of the term; NULL when the role has no term. */
  [HEARTH_ASSIGNMENT_ENDS_ON] = { "ends_on", HEARTH_COLUMN_DATE },
  /* The actual end; NULL while the assignment is active. */
  [HEARTH_ASSIGNMENT_ENDED_ON] = { "ended_on", HEARTH_COLUMN_DATE },
  /* REAL; a negative value stands for NULL (not said). */
  [HEARTH_ASSIGNMENT_HOURS_PER_WEEK] = { "hours_per_week", HEARTH_COLUMN_DOUBLE, 0, NULL, -1 },
  [HEARTH_ASSIGNMENT_SCOPE] = { "scope", HEARTH_COLUMN_TEXT },
};

static gboolean
hearth_assignment_validate (HearthRecord  *record,
                            GError       **error)
{
  HearthAssignment *self = HEARTH_ASSIGNMENT (record);
  const char *starts_on = hearth_assignment_get_starts_on (self);
  const char *ends_on = hearth_assignment_get_ends_on (self);
  const char *ended_on = hearth_assignment_get_ended_on (self);

  /* The per-column checks have run: set dates are valid YYYY-MM-DD, which compare as text. */
  if (ends_on != NULL && g_strcmp0 (ends_on, starts_on) < 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.ends_on: the planned end comes before the start");
      return FALSE;
    }

  if (ended_on != NULL && g_strcmp0 (ended_on, starts_on) < 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.ended_on: the end comes before the start");
      return FALSE;
    }

  return TRUE;
}

static void
hearth_assignment_class_init (HearthAssignmentClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_assignment_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "assignment",
                                 hearth_assignment_columns, HEARTH_ASSIGNMENT_N_COLUMNS,
                                 "starts_on DESC, created_at DESC, rowid DESC");
}

static void
hearth_assignment_init (HearthAssignment *self)
{
}

HearthAssignment *
hearth_assignment_new (const char *member_id,
                       const char *role_id,
                       const char *starts_on)
{
  return g_object_new (HEARTH_TYPE_ASSIGNMENT,
                       "member-id", member_id,
                       "role-id", role_id,
                       "starts-on", starts_on,
                       NULL);
}

const char *
hearth_assignment_get_member_id (HearthAssignment *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_MEMBER_ID);
}

const char *
hearth_assignment_get_role_id (HearthAssignment *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_ROLE_ID);
}

const char *
hearth_assignment_get_starts_on (HearthAssignment *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_STARTS_ON);
}

const char *
hearth_assignment_get_ends_on (HearthAssignment *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_ENDS_ON);
}

const char *
hearth_assignment_get_ended_on (HearthAssignment *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_ENDED_ON);
}

/* Returns: the hours a week, or a negative value when not given */
double
hearth_assignment_get_hours_per_week (HearthAssignment *self)
{
  return hearth_record_get_double (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_HOURS_PER_WEEK);
}

const char *
hearth_assignment_get_scope (HearthAssignment *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ASSIGNMENT_SCOPE);
}

/* Returns: whether the assignment has not ended (ended_on is NULL) */
gboolean
hearth_assignment_is_active (HearthAssignment *self)
{
  return hearth_assignment_get_ended_on (self) == NULL;
}

/**
 * hearth_assignment_load_for_member:
 *
 * Returns: (transfer full) (element-type HearthAssignment): the member's live assignments,
 *   active and ended, newest start first
 */
GPtrArray *
hearth_assignment_load_for_member (HearthDatabase  *db,
                                   const char      *member_id,
                                   GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_ASSIGNMENT, db, "member_id", member_id, error);
}

/**
 * hearth_assignment_load_for_role:
 *
 * Returns: (transfer full) (element-type HearthAssignment): the role's live assignments,
 *   active and ended, newest start first
 */
GPtrArray *
hearth_assignment_load_for_role (HearthDatabase  *db,
                                 const char      *role_id,
                                 GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_ASSIGNMENT, db, "role_id", role_id, error);
}

/**
 * hearth_assignment_start:
 * @db: the write connection, inside the caller's transaction (a store job)
 * @member_id: a live member
 * @role_id: a live role of the member's program
 * @starts_on: the first day (YYYY-MM-DD)
 * @hours_per_week: the hours the member means to give a week, or a negative value for none
 * @scope: (nullable): what part of the community the assignment covers
 * @out_id: (out) (optional) (transfer full): the new assignment's id
 *
 * Puts the member in the role. The planned end (ends_on) is @starts_on plus the role's term
 * (term_weeks × 7 days), or NULL when the role has no term.
 *
 * Taking on a role makes the member an ambassador: unless they already are one, their status
 * becomes "ambassador" and a member_status_change row records it ("Assigned to <role>", dated
 * @starts_on). This step bypasses hearth_member_change_status() on purpose: that workflow
 * describes how a candidate is approached (candidate → invited → ambassador, paused →
 * ambassador) and refuses every other jump, while an organizer who assigns a role has already
 * made the decision, whatever the member's status was before (a member asked in person, a
 * candidate, an alumna coming back). The history row keeps the step as visible as a workflow
 * step.
 */
gboolean
hearth_assignment_start (HearthDatabase  *db,
                         const char      *member_id,
                         const char      *role_id,
                         const char      *starts_on,
                         double           hours_per_week,
                         const char      *scope,
                         char           **out_id,
                         GError         **error)
{
  g_autoptr(HearthMember) member = NULL;
  g_autoptr(HearthRole) role = NULL;
  g_autoptr(HearthAssignment) assignment = NULL;
  g_autofree char *ends_on = NULL;
  gint64 term_weeks;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);
  g_return_val_if_fail (role_id != NULL, FALSE);

  if (!hearth_date_is_valid (starts_on))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.starts_on: expected a date (YYYY-MM-DD)");
      return FALSE;
    }

  if (!(member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, member_id, FALSE, error)) ||
      !(role = hearth_record_load_by_id (HEARTH_TYPE_ROLE, db, role_id, FALSE, error)))
    return FALSE;

  if (g_strcmp0 (hearth_member_get_program_id (member), hearth_role_get_program_id (role)) != 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.role_id: the role belongs to another program");
      return FALSE;
    }

  term_weeks = hearth_role_get_term_weeks (role);
  /* A century is plenty, and keeps the planned end a date GDate can hold. */
  if (term_weeks > 5200)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "role.term_weeks: a term of at most 5200 weeks is expected");
      return FALSE;
    }
  if (term_weeks > 0)
    {
      GDate end;

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, atoi (starts_on + 8), atoi (starts_on + 5), atoi (starts_on));
      g_date_add_days (&end, (guint)term_weeks * 7);
      ends_on = hearth_date_to_string (&end);
    }

  assignment = hearth_assignment_new (member_id, role_id, starts_on);
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDS_ON, ends_on);
  hearth_record_set_double (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_HOURS_PER_WEEK,
                            hours_per_week < 0 ? -1 : hours_per_week);
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_SCOPE, scope);

  if (!hearth_record_insert (HEARTH_RECORD (assignment), db, error))
    return FALSE;

  if (g_strcmp0 (hearth_member_get_status (member), "ambassador") != 0)
    {
      g_autoptr(HearthStatusChange) change = NULL;
      /* Translators: a line in a member's status history; %s is a role's name */
      g_autofree char *note = g_strdup_printf (_("Assigned to %s"), hearth_role_get_name (role));

      change = hearth_status_change_new (member_id, "ambassador", starts_on);
      hearth_record_set_text (HEARTH_RECORD (change), HEARTH_STATUS_CHANGE_NOTE, note);
      hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_STATUS, "ambassador");

      if (!hearth_record_update (HEARTH_RECORD (member), db, error) ||
          !hearth_record_insert (HEARTH_RECORD (change), db, error))
        return FALSE;
    }

  if (out_id != NULL)
    *out_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (assignment)));

  return TRUE;
}

/**
 * hearth_assignment_end:
 * @db: the write connection, inside the caller's transaction (a store job)
 * @assignment_id: a live, active assignment
 * @ended_on: the last day (YYYY-MM-DD), not before the start
 *
 * Ends the assignment by setting ended_on; the row stays as history (delete it to forget it).
 *
 * The member's status does not change, even when this was their last active assignment: an
 * ambassador between roles is still an ambassador, and whether they become alumni (or pause)
 * is the organizer's decision, through the status workflow.
 */
gboolean
hearth_assignment_end (HearthDatabase  *db,
                       const char      *assignment_id,
                       const char      *ended_on,
                       GError         **error)
{
  g_autoptr(HearthAssignment) assignment = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (assignment_id != NULL, FALSE);

  if (!hearth_date_is_valid (ended_on))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.ended_on: expected a date (YYYY-MM-DD)");
      return FALSE;
    }

  if (!(assignment = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, db, assignment_id, FALSE,
                                               error)))
    return FALSE;

  if (!hearth_assignment_is_active (assignment))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.ended_on: the assignment has already ended");
      return FALSE;
    }

  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDED_ON, ended_on);

  return hearth_record_update (HEARTH_RECORD (assignment), db, error);
}

/**
 * hearth_assignment_reopen:
 * @db: the write connection, inside the caller's transaction (a store job)
 * @assignment_id: a live assignment that has ended
 *
 * Undoes hearth_assignment_end(): clears ended_on, so the assignment runs again with its
 * planned end unchanged.
 */
gboolean
hearth_assignment_reopen (HearthDatabase  *db,
                          const char      *assignment_id,
                          GError         **error)
{
  g_autoptr(HearthAssignment) assignment = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (assignment_id != NULL, FALSE);

  if (!(assignment = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, db, assignment_id, FALSE,
                                               error)))
    return FALSE;

  if (hearth_assignment_is_active (assignment))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "assignment.ended_on: the assignment has not ended");
      return FALSE;
    }

  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDED_ON, NULL);

  return hearth_record_update (HEARTH_RECORD (assignment), db, error);
}
