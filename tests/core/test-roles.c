/* test-roles.c: roles, their goals, assignments and weekly check-ins — records refuse bad
 * values with the field's name, the six templates create roles with goals, starting an
 * assignment plans its end and makes the member an ambassador with a history row, ISO weeks
 * have the right days at year edges, goals count only their week and kind, and a week's
 * check-in is saved once and updated after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-assignment.h"
#include "hearth-checkin.h"
#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-role.h"
#include "hearth-role-goal.h"
#include "hearth-role-presets.h"
#include "hearth-status-change.h"
#include "hearth-util.h"
#include "test-util.h"

#define SECRET_NOTE "too tired to go on, please keep this quiet"

typedef struct
{
  TestDir         *td;
  HearthDatabase  *db;
  char            *program_id;
  char            *ada_id;
} Fixture;

static void
insert_ok (HearthDatabase *db,
           gpointer        record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_record_insert (record, db, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Program");
  g_autoptr(HearthMember) ada = NULL;

  f->td = test_dir_new ();
  f->db = open_db (f->td->path);

  insert_ok (f->db, program);
  f->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  ada = hearth_member_new (f->program_id, "Ada");
  insert_ok (f->db, ada);
  f->ada_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (ada)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->program_id);
  g_free (f->ada_id);
  test_dir_free (f->td);
}

static void
assert_invalid (gpointer    record,
                const char *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hearth_record_validate (record, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, field));
}

static char *
new_role (Fixture    *f,
          const char *name,
          gint64      term_weeks)
{
  g_autoptr(HearthRole) role = hearth_role_new (f->program_id, name);

  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_TERM_WEEKS, term_weeks);
  insert_ok (f->db, role);

  return g_strdup (hearth_record_get_id (HEARTH_RECORD (role)));
}

static void
test_role_records (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HearthRole) role = hearth_role_new (f->program_id, "Greeters");
  g_autoptr(HearthRole) loaded = NULL;
  g_autoptr(HearthRoleGoal) goal = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  const char *role_id;

  /* Defaults: a custom role, no capacity, an open-ended term. */
  g_assert_cmpstr (hearth_role_get_preset (role), ==, "custom");
  g_assert_cmpint (hearth_role_get_capacity (role), ==, -1);
  g_assert_cmpint (hearth_role_get_term_weeks (role), ==, -1);

  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_NAME, "");
  assert_invalid (role, "role.name:");
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_NAME, "Greeters");

  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_PRESET, "mascot");
  assert_invalid (role, "role.preset:");
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_PRESET, "welcome_team");

  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_TERM_WEEKS, 0);
  assert_invalid (role, "role.term_weeks:");
  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_TERM_WEEKS, 8);

  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_REVIEW_BY, "2026-02-30");
  assert_invalid (role, "role.review_by:");
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_REVIEW_BY, "2026-06-30");

  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_CAPACITY, 0);
  insert_ok (f->db, role);
  role_id = hearth_record_get_id (HEARTH_RECORD (role));

  loaded = hearth_record_load_by_id (HEARTH_TYPE_ROLE, f->db, role_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (role), HEARTH_RECORD (loaded)));
  g_assert_cmpint (hearth_role_get_capacity (loaded), ==, 0);
  g_assert_cmpint (hearth_role_get_term_weeks (loaded), ==, 8);

  /* Goals: a label, a target of 0 or more, a metric that is an activity kind or none. */
  goal = hearth_role_goal_new (role_id, NULL, 1, NULL);
  assert_invalid (goal, "role_goal.label:");
  hearth_record_set_text (HEARTH_RECORD (goal), HEARTH_ROLE_GOAL_LABEL, "Say hello");
  hearth_record_set_text (HEARTH_RECORD (goal), HEARTH_ROLE_GOAL_METRIC, "hug");
  assert_invalid (goal, "role_goal.metric:");
  hearth_record_set_text (HEARTH_RECORD (goal), HEARTH_ROLE_GOAL_METRIC, "welcome");
  hearth_record_set_int (HEARTH_RECORD (goal), HEARTH_ROLE_GOAL_TARGET_PER_WEEK, -1);
  assert_invalid (goal, "role_goal.target_per_week:");
  hearth_record_set_int (HEARTH_RECORD (goal), HEARTH_ROLE_GOAL_TARGET_PER_WEEK, 0);
  insert_ok (f->db, goal);

  goals = hearth_role_goal_load_for_role (f->db, role_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpint (hearth_role_goal_get_target_per_week (goals->pdata[0]), ==, 0);
  g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "welcome");

  /* A new goal targets 1 a week unless told otherwise. */
  g_clear_object (&goal);
  goal = g_object_new (HEARTH_TYPE_ROLE_GOAL, "role-id", role_id, "label", "x", NULL);
  g_assert_cmpint (hearth_role_goal_get_target_per_week (goal), ==, 1);
  g_assert_null (hearth_role_goal_get_metric (goal));
}

static void
test_assignment_records (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *role_id = new_role (f, "Greeters", -1);
  g_autoptr(HearthAssignment) assignment = hearth_assignment_new (f->ada_id, role_id, NULL);
  g_autoptr(HearthAssignment) loaded = NULL;
  g_autoptr(GError) error = NULL;

  assert_invalid (assignment, "assignment.starts_on:");
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_STARTS_ON, "2026-03-02");

  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDS_ON, "2026-03-01");
  assert_invalid (assignment, "assignment.ends_on:");
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDS_ON, "2026-06-01");

  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDED_ON, "2026-01-01");
  assert_invalid (assignment, "assignment.ended_on:");
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ENDED_ON, NULL);

  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ROLE_ID, NULL);
  assert_invalid (assignment, "assignment.role_id:");
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_ROLE_ID, role_id);

  /* hours_per_week is REAL: fractions survive; a negative value is NULL. */
  g_assert_cmpfloat (hearth_assignment_get_hours_per_week (assignment), <, 0);
  hearth_record_set_double (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_HOURS_PER_WEEK, 2.5);
  hearth_record_set_text (HEARTH_RECORD (assignment), HEARTH_ASSIGNMENT_SCOPE, "#help");
  insert_ok (f->db, assignment);
  g_assert_true (hearth_assignment_is_active (assignment));

  loaded = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, f->db,
                                     hearth_record_get_id (HEARTH_RECORD (assignment)), FALSE,
                                     &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (assignment), HEARTH_RECORD (loaded)));
  g_assert_cmpfloat (hearth_assignment_get_hours_per_week (loaded), ==, 2.5);

  hearth_record_set_double (HEARTH_RECORD (loaded), HEARTH_ASSIGNMENT_HOURS_PER_WEEK, -1);
  g_assert_true (hearth_record_update (HEARTH_RECORD (loaded), f->db, &error));
  g_assert_no_error (error);
  g_assert_null (test_sqlite_text (hearth_database_get_handle (f->db),
                                   "SELECT hours_per_week FROM assignment"));
}

static void
test_checkin_records (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HearthCheckin) checkin = hearth_checkin_new ("a", "2026-W10");
  g_autoptr(GError) error = NULL;
  const char *bad_weeks[] = {
    "2026-W00", "2026-W54", "2021-W53", "2026W10", "2026-w10", "2026-10", "26-W10", "2026-W1a",
    "0000-W01",
  };

  g_assert_cmpint (hearth_checkin_get_energy (checkin), ==, -1);
  g_assert_true (hearth_record_validate (HEARTH_RECORD (checkin), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_weeks); i++)
    {
      hearth_record_set_text (HEARTH_RECORD (checkin), HEARTH_CHECKIN_ISO_WEEK, bad_weeks[i]);
      assert_invalid (checkin, "checkin.iso_week:");
    }
  hearth_record_set_text (HEARTH_RECORD (checkin), HEARTH_CHECKIN_ISO_WEEK, "2026-W53");

  /* Energy is personal: the message names the field, never the value. */
  hearth_record_set_int (HEARTH_RECORD (checkin), HEARTH_CHECKIN_ENERGY, 0);
  assert_invalid (checkin, "checkin.energy:");
  hearth_record_set_int (HEARTH_RECORD (checkin), HEARTH_CHECKIN_ENERGY, 17);
  g_assert_false (hearth_record_validate (HEARTH_RECORD (checkin), &error));
  g_assert_null (strstr (error->message, "17"));
  g_clear_error (&error);

  for (gint64 energy = 1; energy <= 5; energy++)
    {
      hearth_record_set_int (HEARTH_RECORD (checkin), HEARTH_CHECKIN_ENERGY, energy);
      g_assert_true (hearth_record_validate (HEARTH_RECORD (checkin), &error));
      g_assert_no_error (error);
    }
}

static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GError) error = NULL;
  const HearthRolePreset *presets;
  guint n_presets;

  presets = hearth_role_presets_get (&n_presets);
  g_assert_cmpuint (n_presets, ==, 6);

  for (guint i = 0; i < n_presets; i++)
    {
      g_autofree char *role_id = NULL;
      g_autoptr(HearthRole) role = NULL;
      g_autoptr(GPtrArray) goals = NULL;

      g_assert_true (g_strv_contains (hearth_role_presets, presets[i].preset));
      g_assert_true (hearth_role_create_from_preset (f->db, f->program_id, presets[i].preset,
                                                     &role_id, &error));
      g_assert_no_error (error);

      role = hearth_record_load_by_id (HEARTH_TYPE_ROLE, f->db, role_id, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hearth_role_get_preset (role), ==, presets[i].preset);
      g_assert_cmpstr (hearth_role_get_name (role), ==, presets[i].name);
      g_assert_nonnull (hearth_role_get_purpose (role));
      g_assert_nonnull (hearth_role_get_description (role));
      g_assert_nonnull (hearth_role_get_toolkit (role));
      g_assert_cmpint (hearth_role_get_term_weeks (role), >=, 1);
      g_assert_cmpint (hearth_role_get_capacity (role), >=, 1);

      goals = hearth_role_goal_load_for_role (f->db, role_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (goals->len, >=, 1);
      g_assert_cmpuint (goals->len, <=, 3);

      for (guint j = 0; j < goals->len; j++)
        {
          g_assert_cmpstr (hearth_role_goal_get_label (goals->pdata[j]), ==,
                           presets[i].goals[j].label);
          g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[j]), ==,
                           presets[i].goals[j].metric);
          g_assert_cmpint (hearth_role_goal_get_target_per_week (goals->pdata[j]), ==,
                           presets[i].goals[j].target_per_week);
        }

      /* The first goal of each template, where an activity kind measures it. */
      if (g_str_equal (presets[i].preset, "welcome_team"))
        {
          g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "welcome");
          g_assert_cmpint (hearth_role_goal_get_target_per_week (goals->pdata[0]), ==, 3);
        }
      else if (g_str_equal (presets[i].preset, "content_highlighter"))
        g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "content_shared");
      else if (g_str_equal (presets[i].preset, "conversation_starter"))
        g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "thread_started");
      else if (g_str_equal (presets[i].preset, "event_promoter"))
        g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "event_promoted");
      else if (g_str_equal (presets[i].preset, "peer_support_lead"))
        g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "answer");
      else if (g_str_equal (presets[i].preset, "culture_keeper"))
        g_assert_null (hearth_role_goal_get_metric (goals->pdata[0]));
      else
        g_assert_not_reached ();
    }

  roles = hearth_role_load_for_program (f->db, f->program_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 6);

  /* "custom" has no template. */
  g_assert_null (hearth_role_preset_lookup ("custom"));
  g_assert_false (hearth_role_create_from_preset (f->db, f->program_id, "custom", NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
}

static void
test_assignment_start_end (Fixture       *f,
                           gconstpointer  data)
{
  sqlite3 *handle = hearth_database_get_handle (f->db);
  g_autofree char *role_id = NULL;
  g_autofree char *open_role_id = new_role (f, "Open-ended", -1);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autoptr(HearthAssignment) first = NULL;
  g_autoptr(HearthAssignment) second = NULL;
  g_autoptr(HearthMember) ada = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_role_create_from_preset (f->db, f->program_id, "welcome_team", &role_id,
                                                 &error));
  g_assert_no_error (error);

  /* Twelve weeks from Monday 2026-01-05: 84 days later. */
  g_assert_true (hearth_assignment_start (f->db, f->ada_id, role_id, "2026-01-05", 1.5, "#intro",
                                          &first_id, &error));
  g_assert_no_error (error);
  first = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, f->db, first_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_assignment_get_starts_on (first), ==, "2026-01-05");
  g_assert_cmpstr (hearth_assignment_get_ends_on (first), ==, "2026-03-30");
  g_assert_null (hearth_assignment_get_ended_on (first));
  g_assert_cmpfloat (hearth_assignment_get_hours_per_week (first), ==, 1.5);
  g_assert_cmpstr (hearth_assignment_get_scope (first), ==, "#intro");

  /* Ada, a plain member, is an ambassador now, and her history says why. */
  ada = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, f->db, f->ada_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_member_get_status (ada), ==, "ambassador");
  history = hearth_status_change_load_for_member (f->db, f->ada_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (hearth_status_change_get_status (history->pdata[0]), ==, "ambassador");
  g_assert_cmpstr (hearth_status_change_get_changed_on (history->pdata[0]), ==, "2026-01-05");
  g_assert_cmpstr (hearth_status_change_get_note (history->pdata[0]), ==,
                   "Assigned to Welcome Team");

  /* A second role: no term, no hours; already an ambassador, so no new history row. */
  g_assert_true (hearth_assignment_start (f->db, f->ada_id, open_role_id, "2026-02-01", -1, NULL,
                                          &second_id, &error));
  g_assert_no_error (error);
  second = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, f->db, second_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (hearth_assignment_get_ends_on (second));
  g_assert_cmpfloat (hearth_assignment_get_hours_per_week (second), <, 0);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM member_status_change"), ==, 1);

  /* Bad starts. */
  g_assert_false (hearth_assignment_start (f->db, f->ada_id, role_id, "2026-13-01", -1, NULL,
                                           NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hearth_assignment_start (f->db, f->ada_id, "no-such-role", "2026-01-05", -1,
                                           NULL, NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Ending keeps the row, and the status: the organizer decides about alumni. */
  g_assert_false (hearth_assignment_end (f->db, first_id, "2025-12-31", &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hearth_assignment_end (f->db, first_id, "2026-02-15", &error));
  g_assert_no_error (error);
  g_assert_true (hearth_assignment_end (f->db, second_id, "2026-02-15", &error));
  g_assert_no_error (error);
  g_assert_false (hearth_assignment_end (f->db, second_id, "2026-02-16", &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  assignments = hearth_assignment_load_for_member (f->db, f->ada_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assignments->len, ==, 2);
  for (guint i = 0; i < assignments->len; i++)
    {
      g_assert_false (hearth_assignment_is_active (assignments->pdata[i]));
      g_assert_cmpstr (hearth_assignment_get_ended_on (assignments->pdata[i]), ==, "2026-02-15");
    }
  g_clear_object (&ada);
  ada = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, f->db, f->ada_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_member_get_status (ada), ==, "ambassador");
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM member_status_change"), ==, 1);

  /* Undoing an end runs the assignment again with its planned rotation; a running one can't
   * be reopened. */
  g_assert_true (hearth_assignment_reopen (f->db, first_id, &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  first = hearth_record_load_by_id (HEARTH_TYPE_ASSIGNMENT, f->db, first_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_assignment_is_active (first));
  g_assert_cmpstr (hearth_assignment_get_ends_on (first), ==, "2026-03-30");
  g_assert_false (hearth_assignment_reopen (f->db, first_id, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
}

static void
assert_week (const char *iso_week,
             const char *monday,
             const char *sunday)
{
  GDate first, last;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  char week[9];

  g_assert_true (hearth_iso_week_bounds (iso_week, &first, &last));
  first_text = hearth_date_to_string (&first);
  last_text = hearth_date_to_string (&last);
  g_assert_cmpstr (first_text, ==, monday);
  g_assert_cmpstr (last_text, ==, sunday);

  /* Every day of the week maps back to it. */
  for (int i = 0; i < 7; i++)
    {
      hearth_iso_week_of (&first, week);
      g_assert_cmpstr (week, ==, iso_week);
      g_date_add_days (&first, 1);
    }
}

static void
test_iso_weeks (void)
{
  assert_week ("2020-W01", "2019-12-30", "2020-01-05");
  assert_week ("2020-W53", "2020-12-28", "2021-01-03");
  assert_week ("2021-W01", "2021-01-04", "2021-01-10");
  assert_week ("2021-W52", "2021-12-27", "2022-01-02");
  assert_week ("2024-W01", "2024-01-01", "2024-01-07");
  assert_week ("2025-W01", "2024-12-30", "2025-01-05");
  assert_week ("2026-W01", "2025-12-29", "2026-01-04");
  assert_week ("2026-W53", "2026-12-28", "2027-01-03");
  assert_week ("2027-W01", "2027-01-04", "2027-01-10");
  assert_week ("2026-W10", "2026-03-02", "2026-03-08");

  /* 2020 and 2026 have 53 weeks; 2021, 2024 and 2025 do not. */
  g_assert_false (hearth_iso_week_bounds ("2021-W53", NULL, NULL));
  g_assert_false (hearth_iso_week_bounds ("2024-W53", NULL, NULL));
  g_assert_false (hearth_iso_week_bounds ("2025-W53", NULL, NULL));
  g_assert_false (hearth_iso_week_bounds ("2026-W54", NULL, NULL));
  g_assert_false (hearth_iso_week_bounds ("2026-W00", NULL, NULL));
  g_assert_false (hearth_iso_week_bounds (NULL, NULL, NULL));
  g_assert_false (hearth_iso_week_bounds ("2026-W5", NULL, NULL));
  g_assert_false (hearth_iso_week_bounds ("2026-W055", NULL, NULL));
}

static void
add_activity (Fixture    *f,
              const char *member_id,
              const char *day,
              const char *kind,
              int         count)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO activity (member_id, day, kind, count) "
                                          "VALUES ('%s', '%s', '%s', %d)",
                                          member_id, day, kind, count);

  exec_ok (f->db, sql);
}

static gint64
measure (Fixture    *f,
         const char *member_id,
         const char *metric,
         const char *iso_week)
{
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  g_assert_true (hearth_goal_measure (f->db, member_id, metric, iso_week, &count, &error));
  g_assert_no_error (error);

  return count;
}

static void
test_goal_measure (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HearthMember) grace = hearth_member_new (f->program_id, "Grace");
  g_autoptr(GError) error = NULL;
  const char *grace_id;
  gint64 count;

  insert_ok (f->db, grace);
  grace_id = hearth_record_get_id (HEARTH_RECORD (grace));

  /* 2026-W53 runs from Monday 2026-12-28 to Sunday 2027-01-03. */
  add_activity (f, f->ada_id, "2026-12-27", "welcome", 100);   /* the Sunday before */
  add_activity (f, f->ada_id, "2026-12-28", "welcome", 2);
  add_activity (f, f->ada_id, "2026-12-31", "welcome", 3);
  add_activity (f, f->ada_id, "2027-01-03", "welcome", 4);
  add_activity (f, f->ada_id, "2027-01-04", "welcome", 200);   /* the Monday after */
  add_activity (f, f->ada_id, "2026-12-30", "message", 7);     /* another kind */
  add_activity (f, grace_id, "2026-12-30", "welcome", 50);     /* another member */

  g_assert_cmpint (measure (f, f->ada_id, "welcome", "2026-W53"), ==, 9);
  g_assert_cmpint (measure (f, f->ada_id, "message", "2026-W53"), ==, 7);
  g_assert_cmpint (measure (f, f->ada_id, "answer", "2026-W53"), ==, 0);
  g_assert_cmpint (measure (f, grace_id, "welcome", "2026-W53"), ==, 50);
  g_assert_cmpint (measure (f, f->ada_id, "welcome", "2026-W52"), ==, 100);
  g_assert_cmpint (measure (f, f->ada_id, "welcome", "2027-W01"), ==, 200);

  g_assert_false (hearth_goal_measure (f->db, f->ada_id, "hug", "2026-W53", &count, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hearth_goal_measure (f->db, f->ada_id, "welcome", "2026-53", &count, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
}

static const HearthCheckinPrefill *
find_prefill (GArray     *prefills,
              const char *goal_id)
{
  for (guint i = 0; i < prefills->len; i++)
    if (g_str_equal (g_array_index (prefills, HearthCheckinPrefill, i).goal_id, goal_id))
      return &g_array_index (prefills, HearthCheckinPrefill, i);

  g_assert_not_reached ();
}

static void
test_checkin_save (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *handle = hearth_database_get_handle (f->db);
  g_autofree char *role_id = NULL;
  g_autofree char *other_role_id = NULL;
  g_autofree char *assignment_id = NULL;
  g_autofree char *checkin_id = NULL;
  g_autofree char *again_id = NULL;
  g_autofree char *revived_id = NULL;
  g_autofree char *energy = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) other_goals = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (HearthCheckinGoalCount));
  g_autoptr(GArray) prefills = NULL;
  g_autoptr(HearthCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;
  const char *welcome_goal, *follow_up_goal;
  HearthCheckinGoalCount count;
  const HearthCheckinPrefill *prefill;

  g_assert_true (hearth_role_create_from_preset (f->db, f->program_id, "welcome_team", &role_id,
                                                 &error));
  g_assert_true (hearth_role_create_from_preset (f->db, f->program_id, "culture_keeper",
                                                 &other_role_id, &error));
  g_assert_true (hearth_assignment_start (f->db, f->ada_id, role_id, "2026-01-05", -1, NULL,
                                          &assignment_id, &error));
  g_assert_no_error (error);

  goals = hearth_role_goal_load_for_role (f->db, role_id, &error);
  other_goals = hearth_role_goal_load_for_role (f->db, other_role_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 2);
  welcome_goal = hearth_record_get_id (goals->pdata[0]);
  follow_up_goal = hearth_record_get_id (goals->pdata[1]);
  g_assert_cmpstr (hearth_role_goal_get_metric (goals->pdata[0]), ==, "welcome");
  g_assert_null (hearth_role_goal_get_metric (goals->pdata[1]));

  /* 2026-W10: Monday 2026-03-02 to Sunday 2026-03-08. */
  add_activity (f, f->ada_id, "2026-03-02", "welcome", 2);
  add_activity (f, f->ada_id, "2026-03-08", "welcome", 2);
  add_activity (f, f->ada_id, "2026-03-09", "welcome", 9);

  /* Nothing saved yet: the measured count, and 0 for the goal counted by hand. */
  g_assert_true (hearth_checkin_prefill (f->db, assignment_id, "2026-W10", &prefills, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (prefills->len, ==, 2);
  prefill = &g_array_index (prefills, HearthCheckinPrefill, 0);
  g_assert_cmpstr (prefill->goal_id, ==, welcome_goal);
  g_assert_cmpstr (prefill->label, ==, "Welcome new members");
  g_assert_cmpstr (prefill->metric, ==, "welcome");
  g_assert_cmpint (prefill->target_per_week, ==, 3);
  g_assert_cmpint (prefill->measured, ==, 4);
  g_assert_cmpint (prefill->saved, ==, -1);
  g_assert_cmpint (prefill->achieved, ==, 4);
  prefill = &g_array_index (prefills, HearthCheckinPrefill, 1);
  g_assert_null (prefill->metric);
  g_assert_cmpint (prefill->measured, ==, -1);
  g_assert_cmpint (prefill->saved, ==, -1);
  g_assert_cmpint (prefill->achieved, ==, 0);
  g_clear_pointer (&prefills, g_array_unref);

  /* First save: both goals. */
  count = (HearthCheckinGoalCount) { welcome_goal, 4 };
  g_array_append_val (counts, count);
  count = (HearthCheckinGoalCount) { follow_up_goal, 1 };
  g_array_append_val (counts, count);
  g_assert_true (hearth_checkin_save (f->db, assignment_id, "2026-W10", 4, SECRET_NOTE, counts,
                                      &checkin_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM checkin_goal"), ==, 2);

  /* The same week again: the same row, updated, its goals replaced. */
  g_array_set_size (counts, 0);
  count = (HearthCheckinGoalCount) { welcome_goal, 6 };
  g_array_append_val (counts, count);
  g_assert_true (hearth_checkin_save (f->db, assignment_id, "2026-W10", 0, NULL, counts,
                                      &again_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again_id, ==, checkin_id);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM checkin"), ==, 1);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM checkin_goal"), ==, 1);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT achieved FROM checkin_goal"), ==, 6);
  energy = test_sqlite_text (handle, "SELECT energy FROM checkin");
  g_assert_null (energy);
  checkin = hearth_record_load_by_id (HEARTH_TYPE_CHECKIN, f->db, checkin_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (hearth_checkin_get_note (checkin));
  g_assert_cmpint (hearth_checkin_get_energy (checkin), ==, -1);

  /* Prefill now proposes the saved count. */
  g_assert_true (hearth_checkin_prefill (f->db, assignment_id, "2026-W10", &prefills, &error));
  g_assert_no_error (error);
  prefill = find_prefill (prefills, welcome_goal);
  g_assert_cmpint (prefill->measured, ==, 4);
  g_assert_cmpint (prefill->saved, ==, 6);
  g_assert_cmpint (prefill->achieved, ==, 6);
  prefill = find_prefill (prefills, follow_up_goal);
  g_assert_cmpint (prefill->saved, ==, -1);
  g_assert_cmpint (prefill->achieved, ==, 0);
  g_clear_pointer (&prefills, g_array_unref);

  /* Another week is another check-in. */
  g_assert_true (hearth_checkin_save (f->db, assignment_id, "2026-W11", 3, NULL, NULL, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM checkin"), ==, 2);

  /* A deleted check-in comes back when its week is saved again. */
  g_assert_true (hearth_database_soft_delete (f->db, "checkin", checkin_id, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_checkin_prefill (f->db, assignment_id, "2026-W10", &prefills, &error));
  g_assert_cmpint (find_prefill (prefills, welcome_goal)->saved, ==, -1);
  g_clear_pointer (&prefills, g_array_unref);
  g_assert_true (hearth_checkin_save (f->db, assignment_id, "2026-W10", 5, NULL, counts,
                                      &revived_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (revived_id, ==, checkin_id);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT COUNT(*) FROM checkin "
                                            "WHERE deleted_at IS NULL"), ==, 2);

  /* Refused: a goal of another role, a goal twice, a negative count, energy out of range, a
   * bad week. Nothing changes. */
  g_array_set_size (counts, 0);
  count = (HearthCheckinGoalCount) { hearth_record_get_id (other_goals->pdata[0]), 1 };
  g_array_append_val (counts, count);
  g_assert_false (hearth_checkin_save (f->db, assignment_id, "2026-W10", 3, NULL, counts, NULL,
                                       &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  g_array_set_size (counts, 0);
  count = (HearthCheckinGoalCount) { welcome_goal, 1 };
  g_array_append_val (counts, count);
  g_array_append_val (counts, count);
  g_assert_false (hearth_checkin_save (f->db, assignment_id, "2026-W10", 3, NULL, counts, NULL,
                                       &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  g_array_set_size (counts, 0);
  count = (HearthCheckinGoalCount) { welcome_goal, -1 };
  g_array_append_val (counts, count);
  g_assert_false (hearth_checkin_save (f->db, assignment_id, "2026-W10", 3, NULL, counts, NULL,
                                       &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hearth_checkin_save (f->db, assignment_id, "2026-W10", 6, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hearth_checkin_save (f->db, assignment_id, "2026-W10", -2, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hearth_checkin_save (f->db, assignment_id, "2021-W53", 3, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (test_sqlite_int (handle, "SELECT achieved FROM checkin_goal "
                                            "WHERE checkin_id = (SELECT id FROM checkin "
                                            "WHERE iso_week = '2026-W10')"), ==, 6);
  g_assert_cmpint (test_sqlite_int (handle, "SELECT energy FROM checkin "
                                            "WHERE iso_week = '2026-W10'"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/roles/role-records", test_role_records);
  ADD ("/roles/assignment-records", test_assignment_records);
  ADD ("/roles/checkin-records", test_checkin_records);
  ADD ("/roles/presets", test_presets);
  ADD ("/roles/assignment-start-end", test_assignment_start_end);
  g_test_add_func ("/roles/iso-weeks", test_iso_weeks);
  ADD ("/roles/goal-measure", test_goal_measure);
  ADD ("/roles/checkin-save", test_checkin_save);

  return g_test_run ();
}
