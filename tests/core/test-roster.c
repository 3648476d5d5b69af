/* test-roster.c: the Ambassadors & Roles page's data (hearth_roster_load) and the Assign…
 * dialog's suggestions (hearth_role_suggest), on a small program written with plain SQL. The
 * reference day is fixed (as_of 2026-05-31, a Sunday: the week 2026-W22 is May 25–31), so no
 * test reads the clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hearth-roster.h"
#include "test-util.h"

#define PROGRAM "p0000000-0000-4000-8000-000000000001"
#define OTHER   "p0000000-0000-4000-8000-000000000002"
#define STAMP   "2026-01-01T00:00:00.000Z"
#define TS      "'" STAMP "', '" STAMP "'"

typedef struct
{
  TestDir        *td;
  HearthDatabase *db;
} Fixture;

/*
 * Roles: rw "Welcome team" (capacity 3, review due yesterday; goals g1 Welcome 3/week measured
 * from welcome, g2 Chat 2/week counted by hand), re "Events" (no purpose or toolkit, capacity
 * 1; g3 Promote 2/week from event_promoted), rc "Content" (g4 Share 1/week from
 * content_shared).
 *
 * Ana: rw (term ended 2026-05-20), re and rc: three roles, 9 hours (limit 8); plus an old rw
 * assignment ended 2025-12-31. Ben: rw and rc. Cleo: rw ended 2025-10-01. Dan: an ambassador
 * without a role. Eve: re and rc (two roles). Zoe, Dec (declined), Alu (alumni), Bot: members.
 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = test_db_new (&f->td);

  test_sql (f->db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
              "('" PROGRAM "', 'Makers', '2026-05-31', " TS "), "
              "('" OTHER "', 'Others', '2026-05-31', " TS ")");
  test_sql (f->db, "INSERT INTO member (id, program_id, display_name, status, is_bot, created_at, "
              "updated_at) VALUES "
              "('ana', '" PROGRAM "', 'Ana', 'ambassador', 0, " TS "), "
              "('ben', '" PROGRAM "', 'Ben', 'ambassador', 0, " TS "), "
              "('cleo', '" PROGRAM "', 'Cleo', 'member', 0, " TS "), "
              "('dan', '" PROGRAM "', 'Dan', 'ambassador', 0, " TS "), "
              "('eve', '" PROGRAM "', 'Eve', 'ambassador', 0, " TS "), "
              "('zoe', '" PROGRAM "', 'Zoe', 'member', 0, " TS "), "
              "('dec', '" PROGRAM "', 'Dec', 'declined', 0, " TS "), "
              "('alu', '" PROGRAM "', 'Alu', 'alumni', 0, " TS "), "
              "('bot', '" PROGRAM "', 'Bot', 'member', 1, " TS "), "
              "('zed', '" OTHER "', 'Zed', 'ambassador', 0, " TS ")");

  test_sql (f->db, "INSERT INTO role (id, program_id, preset, name, purpose, toolkit, capacity, "
              "term_weeks, review_by, created_at, updated_at) VALUES "
              "('rw', '" PROGRAM "', 'welcome_team', 'Welcome team', 'Greet newcomers', "
              "'See https://example.org/guide', 3, 12, '2026-05-30', " TS "), "
              "('re', '" PROGRAM "', 'custom', 'Events', NULL, NULL, 1, NULL, NULL, " TS "), "
              "('rc', '" PROGRAM "', 'custom', 'Content', 'Share the good', 'A guide', NULL, "
              "NULL, NULL, " TS "), "
              "('ro', '" OTHER "', 'custom', 'Elsewhere', NULL, NULL, 5, NULL, NULL, " TS ")");
  test_sql (f->db, "INSERT INTO role_goal (id, role_id, label, target_per_week, metric, created_at, "
              "updated_at) VALUES "
              "('g1', 'rw', 'Welcome', 3, 'welcome', '2026-01-01T00:00:00.000Z', "
              "'2026-01-01T00:00:00.000Z'), "
              "('g2', 'rw', 'Chat', 2, NULL, '2026-01-02T00:00:00.000Z', "
              "'2026-01-02T00:00:00.000Z'), "
              "('g3', 're', 'Promote', 2, 'event_promoted', " TS "), "
              "('g4', 'rc', 'Share', 1, 'content_shared', " TS ")");

  test_sql (f->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, ends_on, ended_on, "
              "hours_per_week, scope, created_at, updated_at) VALUES "
              "('a-ana-w', 'ana', 'rw', '2026-01-01', '2026-05-20', NULL, 3, 'Europe', " TS "), "
              "('a-ana-e', 'ana', 're', '2026-01-01', NULL, NULL, 3, NULL, " TS "), "
              "('a-ana-c', 'ana', 'rc', '2026-01-01', NULL, NULL, 3, NULL, " TS "), "
              "('a-ana-old', 'ana', 'rw', '2025-01-01', NULL, '2025-12-31', 1, NULL, " TS "), "
              "('a-ben-w', 'ben', 'rw', '2026-02-01', '2026-08-01', NULL, 2, NULL, " TS "), "
              "('a-ben-c', 'ben', 'rc', '2026-02-01', NULL, NULL, NULL, NULL, " TS "), "
              "('a-cleo', 'cleo', 'rw', '2025-03-01', NULL, '2025-10-01', 1, NULL, " TS "), "
              "('a-eve-e', 'eve', 're', '2026-03-01', NULL, NULL, 1, NULL, " TS "), "
              "('a-eve-c', 'eve', 'rc', '2026-03-01', NULL, NULL, 1, NULL, " TS "), "
              "('a-zed', 'zed', 'ro', '2026-01-01', NULL, NULL, 1, NULL, " TS ")");

  /* Check-ins. Ana: W22 energy 2 in rw (Welcome saved as 5) and 4 in re; W21 energy 1 in rw
   * (Welcome saved as 1); W11 energy 3 (the oldest week of the series); W10 energy 5 (outside
   * it). Ben: W20 energy 4 in rc. */
  test_sql (f->db, "INSERT INTO checkin (id, assignment_id, iso_week, energy, note, created_at, "
              "updated_at) VALUES "
              "('c1', 'a-ana-w', '2026-W22', 2, 'private', " TS "), "
              "('c2', 'a-ana-e', '2026-W22', 4, NULL, " TS "), "
              "('c3', 'a-ana-w', '2026-W21', 1, NULL, " TS "), "
              "('c4', 'a-ana-w', '2026-W11', 3, NULL, " TS "), "
              "('c5', 'a-ana-w', '2026-W10', 5, NULL, " TS "), "
              "('c6', 'a-ben-c', '2026-W20', 4, NULL, " TS ")");
  test_sql (f->db, "INSERT INTO checkin_goal (checkin_id, goal_id, achieved) VALUES "
              "('c1', 'g1', 5), ('c3', 'g1', 1)");

  /* Activity: W22 is 2026-05-25 to 2026-05-31. */
  test_sql (f->db, "INSERT INTO activity (member_id, day, kind, count) VALUES "
              "('ben', '2026-05-24', 'welcome', 1), "
              "('ben', '2026-05-25', 'welcome', 2), "
              "('ben', '2026-06-01', 'welcome', 9), "
              "('ben', '2026-05-27', 'content_shared', 1), "
              "('ben', '2026-05-27', 'message', 30), "
              "('ana', '2026-05-26', 'welcome', 7), "
              "('ana', '2026-05-26', 'event_promoted', 1), "
              "('zoe', '2026-03-08', 'welcome', 100), "
              "('zoe', '2026-03-09', 'welcome', 15), "
              "('zoe', '2026-05-31', 'welcome', 25), "
              "('dan', '2026-04-01', 'welcome', 10), "
              "('dec', '2026-04-01', 'welcome', 500), "
              "('bot', '2026-04-01', 'welcome', 500), "
              "('eve', '2026-04-01', 'message', 50)");
  test_sql (f->db, "INSERT INTO nomination (id, nominee_id, nominator_id, nominator_name, created_on, "
              "consent, created_at, updated_at) VALUES "
              "('n1', 'zoe', 'ana', NULL, '2026-05-01', 'accepted', " TS "), "
              "('n2', 'zoe', NULL, 'Kim', '2026-05-01', 'accepted', " TS "), "
              "('n3', 'zoe', NULL, 'KIM', '2026-05-02', 'accepted', " TS "), "
              "('n4', 'zoe', NULL, 'Lou', '2026-05-02', 'open', " TS ")");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_db_free (&f->db, f->td);
}

static HearthRoster *
load (Fixture    *f,
      const char *iso_week)
{
  g_autoptr(GError) error = NULL;
  HearthRoster *roster = hearth_roster_load (f->db, PROGRAM, iso_week, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (roster);
  return roster;
}

static HearthRosterSlot *
find_slot (GPtrArray  *slots,
           const char *id)
{
  for (guint i = 0; i < slots->len; i++)
    if (g_strcmp0 (((HearthRosterSlot *)g_ptr_array_index (slots, i))->id, id) == 0)
      return g_ptr_array_index (slots, i);
  return NULL;
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *key)
{
  for (guint i = 0; i < warnings->len; i++)
    if (g_str_equal (((HearthHealthCheck *)g_ptr_array_index (warnings, i))->key, key))
      return TRUE;
  return FALSE;
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HearthRoster) roster = load (f, NULL);
  HearthRosterRole *rw, *re, *rc;
  HearthRosterGoal *goal;
  HearthRosterSlot *slot;

  g_assert_cmpstr (roster->reference_day, ==, "2026-05-31");
  g_assert_cmpstr (roster->current_week, ==, "2026-W22");
  g_assert_cmpstr (roster->iso_week, ==, "2026-W22");
  g_assert_cmpuint (roster->hours_limit, ==, 8);

  /* By name; the other program's role is not there. */
  g_assert_cmpuint (roster->roles->len, ==, 3);
  rc = g_ptr_array_index (roster->roles, 0);
  re = g_ptr_array_index (roster->roles, 1);
  rw = g_ptr_array_index (roster->roles, 2);
  g_assert_cmpstr (rc->name, ==, "Content");
  g_assert_cmpstr (re->name, ==, "Events");
  g_assert_cmpstr (rw->name, ==, "Welcome team");
  g_assert_true (hearth_roster_lookup_role (roster, "rw") == rw);
  g_assert_null (hearth_roster_lookup_role (roster, "ro"));

  g_assert_cmpstr (rw->preset, ==, "welcome_team");
  g_assert_cmpstr (rw->purpose, ==, "Greet newcomers");
  g_assert_cmpstr (rw->toolkit, ==, "See https://example.org/guide");
  g_assert_cmpint (rw->capacity, ==, 3);
  g_assert_cmpint (rw->term_weeks, ==, 12);
  g_assert_cmpint (rc->capacity, ==, -1);
  g_assert_cmpint (rc->term_weeks, ==, -1);
  g_assert_cmpstr (rw->review_by, ==, "2026-05-30");

  /* Goals in the order they were added. */
  g_assert_cmpuint (rw->goals->len, ==, 2);
  goal = g_ptr_array_index (rw->goals, 0);
  g_assert_cmpstr (goal->label, ==, "Welcome");
  g_assert_cmpstr (goal->metric, ==, "welcome");
  g_assert_cmpint (goal->target_per_week, ==, 3);
  goal = g_ptr_array_index (rw->goals, 1);
  g_assert_cmpstr (goal->label, ==, "Chat");
  g_assert_null (goal->metric);

  /* Fill: active assignments against capacity. */
  g_assert_cmpuint (rw->n_active, ==, 2);
  g_assert_cmpuint (re->n_active, ==, 2);
  g_assert_cmpuint (rc->n_active, ==, 3);

  /* Current by member name; history newest end first. */
  g_assert_cmpuint (rw->current->len, ==, 2);
  slot = g_ptr_array_index (rw->current, 0);
  g_assert_cmpstr (slot->id, ==, "a-ana-w");
  g_assert_cmpstr (slot->member_name, ==, "Ana");
  g_assert_cmpstr (slot->role_name, ==, "Welcome team");
  g_assert_cmpstr (slot->starts_on, ==, "2026-01-01");
  g_assert_cmpstr (slot->ends_on, ==, "2026-05-20");
  g_assert_null (slot->ended_on);
  g_assert_cmpstr (slot->scope, ==, "Europe");
  g_assert_cmpfloat (slot->hours_per_week, ==, 3);
  g_assert_true (slot->active);
  g_assert_true (slot->rotation_due);
  slot = g_ptr_array_index (rw->current, 1);
  g_assert_cmpstr (slot->id, ==, "a-ben-w");
  g_assert_true (slot->active);
  g_assert_false (slot->rotation_due);

  g_assert_cmpuint (rw->history->len, ==, 2);
  slot = g_ptr_array_index (rw->history, 0);
  g_assert_cmpstr (slot->id, ==, "a-ana-old");
  g_assert_cmpstr (slot->ended_on, ==, "2025-12-31");
  g_assert_false (slot->active);
  g_assert_false (slot->rotation_due);
  g_assert_cmpstr (((HearthRosterSlot *)g_ptr_array_index (rw->history, 1))->id, ==, "a-cleo");
  g_assert_cmpuint (rc->history->len, ==, 0);

  /* Warnings on the roles: stale and unfilled on rw, vague on re, none on rc. */
  g_assert_cmpuint (rw->warnings->len, ==, 2);
  g_assert_true (has_warning (rw->warnings, "stale_role"));
  g_assert_true (has_warning (rw->warnings, "unfilled_role"));
  g_assert_cmpuint (re->warnings->len, ==, 1);
  g_assert_true (has_warning (re->warnings, "vague_role"));
  g_assert_cmpuint (rc->warnings->len, ==, 0);

  /* No OK checks, and every warning is attached somewhere. */
  for (guint i = 0; i < roster->checks->len; i++)
    g_assert_cmpint (((HearthHealthCheck *)g_ptr_array_index (roster->checks, i))->severity, !=,
                     HEARTH_SEVERITY_OK);
  g_assert_cmpuint (roster->checks->len, ==, 6);

  /* The same warnings, in the same order, as the guards on hearth_health_load()'s input. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HearthHealthInput) in = hearth_health_load (f->db, PROGRAM, HEARTH_HEALTH_PART_ROLES,
                                                          &error);
    g_autoptr(GPtrArray) all = NULL;
    guint n = 0;

    g_assert_no_error (error);
    all = hearth_health_run_roles (in);
    for (guint i = 0; i < all->len; i++)
      {
        HearthHealthCheck *expected = g_ptr_array_index (all, i);
        HearthHealthCheck *got;

        if (expected->severity == HEARTH_SEVERITY_OK)
          continue;
        g_assert_cmpuint (n, <, roster->checks->len);
        got = g_ptr_array_index (roster->checks, n++);
        g_assert_cmpstr (got->key, ==, expected->key);
        g_assert_cmpstr (got->sentence, ==, expected->sentence);
        g_assert_cmpstrv (got->subjects, expected->subjects);
      }
    g_assert_cmpuint (n, ==, roster->checks->len);
  }
}

static void
test_week_progress (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HearthRoster) roster = load (f, NULL);
  HearthRosterRole *rw = hearth_roster_lookup_role (roster, "rw");
  HearthRosterRole *re = hearth_roster_lookup_role (roster, "re");
  HearthRosterRole *rc = hearth_roster_lookup_role (roster, "rc");
  HearthRosterSlot *slot;

  /* Ana in rw: Welcome saved as 5 (not the 7 measured), Chat unknown; 3 of 3. */
  slot = find_slot (rw->current, "a-ana-w");
  g_assert_true (slot->checked_in);
  g_assert_cmpint (slot->energy, ==, 2);
  g_assert_cmpuint (slot->n_achieved, ==, 2);
  g_assert_cmpint (slot->achieved[0], ==, 5);
  g_assert_cmpint (slot->achieved[1], ==, -1);
  g_assert_cmpfloat_with_epsilon (slot->completion, 1.0, 1e-9);

  /* Ben in rw: no check-in; Welcome measured in the week only (2: not the Sunday before nor
   * the Monday after), Chat unknown: 2 of 3. */
  slot = find_slot (rw->current, "a-ben-w");
  g_assert_false (slot->checked_in);
  g_assert_cmpint (slot->energy, ==, 0);
  g_assert_cmpint (slot->achieved[0], ==, 2);
  g_assert_cmpint (slot->achieved[1], ==, -1);
  g_assert_cmpfloat_with_epsilon (slot->completion, 2.0 / 3.0, 1e-9);

  /* Ana in re: a check-in without goal counts: Promote measured, 1 of 2. */
  slot = find_slot (re->current, "a-ana-e");
  g_assert_true (slot->checked_in);
  g_assert_cmpint (slot->energy, ==, 4);
  g_assert_cmpint (slot->achieved[0], ==, 1);
  g_assert_cmpfloat_with_epsilon (slot->completion, 0.5, 1e-9);

  /* Measured zero is a known count. */
  slot = find_slot (re->current, "a-eve-e");
  g_assert_cmpint (slot->achieved[0], ==, 0);
  g_assert_cmpfloat (slot->completion, ==, 0);
  slot = find_slot (rc->current, "a-ben-c");
  g_assert_cmpint (slot->achieved[0], ==, 1);
  g_assert_cmpfloat (slot->completion, ==, 1);

  /* History slots carry no week data. */
  slot = find_slot (rw->history, "a-ana-old");
  g_assert_false (slot->checked_in);
  g_assert_cmpuint (slot->n_achieved, ==, 2);
  g_assert_cmpint (slot->achieved[0], ==, -1);
  g_assert_cmpfloat (slot->completion, ==, -1);
}

static void
test_other_week (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HearthRoster) roster = load (f, "2026-W21");
  g_autoptr(GError) error = NULL;
  HearthRosterRole *rw = hearth_roster_lookup_role (roster, "rw");
  HearthRosterAmbassador *ana;
  HearthRosterSlot *slot;
  HearthRoster *bad;

  g_assert_cmpstr (roster->iso_week, ==, "2026-W21");
  g_assert_cmpstr (roster->current_week, ==, "2026-W22");

  slot = find_slot (rw->current, "a-ana-w");
  g_assert_true (slot->checked_in);
  g_assert_cmpint (slot->energy, ==, 1);
  g_assert_cmpint (slot->achieved[0], ==, 1);
  g_assert_cmpfloat_with_epsilon (slot->completion, 1.0 / 3.0, 1e-9);

  /* Ben's one welcome on Sunday 2026-05-24 belongs to W21. */
  slot = find_slot (rw->current, "a-ben-w");
  g_assert_false (slot->checked_in);
  g_assert_cmpint (slot->achieved[0], ==, 1);

  /* The series ends with the shown week: W21 is last, W10 first. */
  ana = hearth_roster_lookup_member (roster, "ana");
  g_assert_cmpuint (ana->energy[HEARTH_ROSTER_ENERGY_WEEKS - 1], ==, 1);
  g_assert_cmpuint (ana->energy[0], ==, 5);
  g_assert_cmpuint (ana->energy[1], ==, 3);

  bad = hearth_roster_load (f->db, PROGRAM, "2026-W99", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  bad = hearth_roster_load (f->db, "no-such-program", NULL, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
}

static void
test_ambassadors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HearthRoster) roster = load (f, NULL);
  HearthRosterAmbassador *ana, *ben, *dan, *eve;
  const guint8 ana_energy[HEARTH_ROSTER_ENERGY_WEEKS] = { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2 };
  const guint8 ben_energy[HEARTH_ROSTER_ENERGY_WEEKS] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0 };

  /* Active assignments or status ambassador, by name; not Cleo (only history), not Zed. */
  g_assert_cmpuint (roster->ambassadors->len, ==, 4);
  ana = g_ptr_array_index (roster->ambassadors, 0);
  ben = g_ptr_array_index (roster->ambassadors, 1);
  dan = g_ptr_array_index (roster->ambassadors, 2);
  eve = g_ptr_array_index (roster->ambassadors, 3);
  g_assert_cmpstr (ana->display_name, ==, "Ana");
  g_assert_cmpstr (ben->display_name, ==, "Ben");
  g_assert_cmpstr (dan->display_name, ==, "Dan");
  g_assert_cmpstr (eve->display_name, ==, "Eve");
  g_assert_true (hearth_roster_lookup_member (roster, "ben") == ben);
  g_assert_null (hearth_roster_lookup_member (roster, "cleo"));
  g_assert_cmpstr (ana->status, ==, "ambassador");

  /* Slots borrowed from the roles' current arrays, in role order. */
  g_assert_cmpuint (ana->slots->len, ==, 3);
  g_assert_cmpstr (((HearthRosterSlot *)g_ptr_array_index (ana->slots, 0))->role_id, ==, "rc");
  g_assert_cmpstr (((HearthRosterSlot *)g_ptr_array_index (ana->slots, 1))->role_id, ==, "re");
  g_assert_cmpstr (((HearthRosterSlot *)g_ptr_array_index (ana->slots, 2))->role_id, ==, "rw");
  g_assert_true (g_ptr_array_index (ana->slots, 2) ==
                 find_slot (hearth_roster_lookup_role (roster, "rw")->current, "a-ana-w"));
  g_assert_cmpfloat (ana->hours_per_week, ==, 9);
  g_assert_cmpfloat (ben->hours_per_week, ==, 2);
  g_assert_cmpuint (dan->slots->len, ==, 0);
  g_assert_cmpfloat (dan->hours_per_week, ==, 0);

  /* Last check-in, and the energy series: lowest of the week, 0 for none, oldest first. */
  g_assert_cmpstr (ana->last_checkin, ==, "2026-W22");
  g_assert_cmpstr (ben->last_checkin, ==, "2026-W20");
  g_assert_null (dan->last_checkin);
  g_assert_cmpmem (ana->energy, sizeof ana->energy, ana_energy, sizeof ana_energy);
  g_assert_cmpmem (ben->energy, sizeof ben->energy, ben_energy, sizeof ben_energy);

  /* Warnings naming the member, or one of their assignments. */
  g_assert_cmpuint (ana->warnings->len, ==, 3);
  g_assert_true (has_warning (ana->warnings, "overload"));
  g_assert_true (has_warning (ana->warnings, "burnout"));
  g_assert_true (has_warning (ana->warnings, "rotation_due"));
  g_assert_cmpuint (ben->warnings->len, ==, 0);
  g_assert_cmpuint (dan->warnings->len, ==, 0);
  g_assert_cmpuint (eve->warnings->len, ==, 0);
}

/* A score set made by hand: the suggestions only read these fields. */
static HearthScoreSet *
fake_scores (void)
{
  static const struct
  {
    const char *id, *name, *status;
    double overall;
    HearthCandidateFlags flags;
  } rows[] = {
    { "ana", "Ana", "ambassador", 95, 0 },
    { "ben", "Ben", "ambassador", 95, 0 },
    { "cleo", "Cleo", "member", 60, 0 },
    { "dan", "Dan", "ambassador", 50, 0 },
    { "eve", "Eve", "ambassador", 90, 0 },
    { "zoe", "Zoe", "member", 50, HEARTH_CANDIDATE_FLAG_NEW },
    { "dec", "Dec", "declined", 99, 0 },
    { "alu", "Alu", "alumni", 99, 0 },
    { "bot", "Bot", "member", 0, HEARTH_CANDIDATE_FLAG_BOT },
  };
  HearthScoreSet *set = g_new0 (HearthScoreSet, 1);

  set->program_id = g_strdup (PROGRAM);
  set->reference_day = g_strdup ("2026-05-31");
  set->window_weeks = 12;
  set->candidates = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HearthCandidate *c = g_new0 (HearthCandidate, 1);

      c->member_id = (char *)rows[i].id;
      c->display_name = (char *)rows[i].name;
      c->status = (char *)rows[i].status;
      c->overall = rows[i].overall;
      c->assessed = (rows[i].flags & HEARTH_CANDIDATE_FLAG_BOT) == 0;
      c->flags = rows[i].flags;
      g_ptr_array_add (set->candidates, c);
    }
  return set;
}

static void
fake_scores_free (HearthScoreSet *set)
{
  g_ptr_array_unref (set->candidates);
  g_free (set->program_id);
  g_free (set->reference_day);
  g_free (set);
}

static HearthSuggestion *
suggestion (GPtrArray *list,
            guint      i)
{
  return g_ptr_array_index (list, i);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  HearthScoreSet *scores = fake_scores ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  HearthSuggestion *s;

  all = hearth_role_suggest (f->db, PROGRAM, "rw", scores, 0, NULL, &error);
  g_assert_no_error (error);

  /* Not Ana or Ben (in the role), Dec (declined), Alu (alumni), Bot. Zoe's 40 welcomes in the
   * window (not the 100 the day before it) lift her from 30 points to 70: 0.6 × 50 + 0.4 × 100.
   * Dan: 30 + 0.4 × 25 = 40. Cleo: 36. Eve: 54 − 20 for her two roles = 34. */
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (suggestion (all, 0)->member_id, ==, "zoe");
  g_assert_cmpstr (suggestion (all, 1)->member_id, ==, "dan");
  g_assert_cmpstr (suggestion (all, 2)->member_id, ==, "cleo");
  g_assert_cmpstr (suggestion (all, 3)->member_id, ==, "eve");

  s = suggestion (all, 0);
  g_assert_cmpstr (s->display_name, ==, "Zoe");
  g_assert_cmpstr (s->status, ==, "member");
  g_assert_cmpfloat_with_epsilon (s->fit, 70, 1e-9);
  g_assert_cmpfloat (s->overall, ==, 50);
  g_assert_cmpint (s->matching, ==, 40);
  g_assert_cmpuint (s->n_active_roles, ==, 0);
  /* The activity adds more than the score, so it comes first; nominators counted once each
   * (Kim and KIM are one), open nominations not at all. */
  g_assert_cmpuint (g_strv_length (s->why), ==, 4);
  g_assert_cmpstr (s->why[0], ==, "40 welcomes in the last 12 weeks");
  g_assert_cmpstr (s->why[1], ==, "Overall score 50");
  g_assert_cmpstr (s->why[2], ==, "Nominated by 2 peers");
  g_assert_cmpstr (s->why[3], ==, "New member");

  s = suggestion (all, 1);
  g_assert_cmpfloat_with_epsilon (s->fit, 40, 1e-9);
  g_assert_cmpint (s->matching, ==, 10);
  g_assert_cmpstr (s->why[0], ==, "Overall score 50");
  g_assert_cmpstr (s->why[1], ==, "10 welcomes in the last 12 weeks");
  g_assert_null (s->why[2]);

  s = suggestion (all, 2);
  g_assert_cmpfloat_with_epsilon (s->fit, 36, 1e-9);
  g_assert_cmpint (s->matching, ==, 0);
  g_assert_cmpuint (g_strv_length (s->why), ==, 1);
  g_assert_cmpstr (s->why[0], ==, "Overall score 60");

  s = suggestion (all, 3);
  g_assert_cmpfloat_with_epsilon (s->fit, 34, 1e-9);
  g_assert_cmpuint (s->n_active_roles, ==, 2);
  g_assert_cmpstr (s->why[0], ==, "Overall score 90");
  g_assert_cmpstr (s->why[1], ==, "Already holds 2 roles");

  /* The limit keeps the best. */
  two = hearth_role_suggest (f->db, PROGRAM, "rw", scores, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (suggestion (two, 0)->member_id, ==, "zoe");
  g_assert_cmpstr (suggestion (two, 1)->member_id, ==, "dan");

  /* Events: Ana and Eve are in it, and only Ana promoted events. Ben leads on his score even
   * after losing 20 points for his two roles: 57 − 20 = 37, against Cleo's 36. */
  events = hearth_role_suggest (f->db, PROGRAM, "re", scores, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (suggestion (events, 0)->member_id, ==, "ben");
  g_assert_cmpfloat_with_epsilon (suggestion (events, 0)->fit, 37, 1e-9);
  g_assert_cmpuint (suggestion (events, 0)->n_active_roles, ==, 2);
  for (guint i = 0; i < events->len; i++)
    {
      g_assert_cmpstr (suggestion (events, i)->member_id, !=, "ana");
      g_assert_cmpstr (suggestion (events, i)->member_id, !=, "eve");
      g_assert_cmpint (suggestion (events, i)->matching, ==, 0);
    }

  fake_scores_free (scores);
}

static void
test_suggest_scores_itself (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  list = hearth_role_suggest (f->db, PROGRAM, "rw", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      HearthSuggestion *s = suggestion (list, i);

      g_assert_true (g_strv_contains ((const char * const[]) { "cleo", "dan", "eve", "zoe", NULL },
                                      s->member_id));
      g_assert_cmpfloat (s->fit, >=, 0);
      g_assert_cmpfloat (s->fit, <=, 100);
      g_assert_nonnull (s->why);
      if (i > 0)
        g_assert_cmpfloat (suggestion (list, i - 1)->fit, >=, s->fit);
    }
  g_assert_cmpuint (list->len, ==, 4);

  none = hearth_role_suggest (f->db, PROGRAM, "ro", NULL, 0, NULL, &error);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  test_init_english (&argc, &argv, FALSE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/roster/roles", test_roles);
  ADD ("/roster/week-progress", test_week_progress);
  ADD ("/roster/other-week", test_other_week);
  ADD ("/roster/ambassadors", test_ambassadors);
  ADD ("/roster/suggest", test_suggest);
  ADD ("/roster/suggest-scores-itself", test_suggest_scores_itself);

  return g_test_run ();
}
