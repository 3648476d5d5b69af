/* test-recognition.c: badges, awards, the recognition log and the Recognition page's board
 * (hearth_badge_rule_ready, hearth_award_grant, hearth_recognition_board_load), on a small
 * program written with the entity API and plain SQL. The reference day is fixed (as_of
 * 2026-05-31, a Sunday in 2026-W22), or passed to hearth_badge_rule_ready(): no test reads the
 * clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hearth-award.h"
#include "hearth-badge.h"
#include "hearth-health.h"
#include "hearth-member.h"
#include "hearth-recognition.h"
#include "hearth-recognition-board.h"
#include "hearth-snapshot.h"
#include "test-util.h"

#define PROGRAM "p0000000-0000-4000-8000-000000000001"
#define OTHER   "p0000000-0000-4000-8000-000000000002"
#define STAMP   "2026-01-01T00:00:00.000Z"
#define TS      "'" STAMP "', '" STAMP "'"
#define REF     "2026-05-31"

typedef struct
{
  TestDir        *td;
  HearthDatabase *db;
  char           *b_welcome;   /* activity: 10 welcomes within 30 days */
  char           *b_weeks;     /* ambassador_weeks: 10 */
  char           *b_checkins;  /* checkins: 3 */
  char           *b_tenure;    /* tenure_years: 3, gold */
  char           *b_leap;      /* tenure_years: 1, silver */
  char           *b_messages;  /* activity: 5 messages, no window, multiple grant */
  char           *b_hand;      /* by hand only */
} Fixture;

static char *
add_badge (HearthDatabase *db,
           const char     *name,
           const char     *tier,
           const char     *rule_kind,
           const char     *metric,
           gint64          threshold,
           gint64          window_days,
           gboolean        multiple)
{
  g_autoptr(HearthBadge) badge = hearth_badge_new (PROGRAM, name);
  g_autoptr(GError) error = NULL;
  HearthRecord *record = HEARTH_RECORD (badge);

  hearth_record_set_text (record, HEARTH_BADGE_TIER, tier);
  hearth_record_set_text (record, HEARTH_BADGE_COLOR, "#c0ffee");
  hearth_record_set_text (record, HEARTH_BADGE_ICON, "star");
  hearth_record_set_text (record, HEARTH_BADGE_RULE_KIND, rule_kind);
  hearth_record_set_text (record, HEARTH_BADGE_RULE_METRIC, metric);
  hearth_record_set_int (record, HEARTH_BADGE_RULE_THRESHOLD, threshold);
  hearth_record_set_int (record, HEARTH_BADGE_RULE_WINDOW_DAYS, window_days);
  hearth_record_set_bool (record, HEARTH_BADGE_MULTIPLE_GRANT, multiple);
  hearth_record_insert (record, db, &error);
  g_assert_no_error (error);

  return g_strdup (hearth_record_get_id (record));
}

/* Awards @badge_id to @member_id on @day, as the store job does. */
static char *
grant (HearthDatabase *db,
       const char     *badge_id,
       const char     *member_id,
       const char     *day)
{
  const char *ids[] = { member_id, NULL };
  g_auto(GStrv) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_database_begin (db, &error));
  hearth_award_grant (db, badge_id, ids, day, "Thanks", "manual", &out, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_database_commit (db, &error));
  g_assert_cmpuint (g_strv_length (out), ==, 1);

  return g_strdup (out[0]);
}

/*
 * Members of PROGRAM: ana, ben, eve (ambassadors), cleo (a member), bot (an ambassador bot),
 * dan (a deleted ambassador); zed is an ambassador of OTHER. All but eve joined long ago; ana on
 * 2023-05-31 (three years on the reference day), ben on 2023-06-01, eve on 2024-02-29.
 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = test_db_new (&f->td);

  test_sql (f->db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
              "('" PROGRAM "', 'Makers', '" REF "', " TS "), "
              "('" OTHER "', 'Others', '" REF "', " TS ")");
  test_sql (f->db, "INSERT INTO member (id, program_id, display_name, status, is_bot, joined_on, "
              "deleted_at, created_at, updated_at) VALUES "
              "('ana', '" PROGRAM "', 'Ana', 'ambassador', 0, '2023-05-31', NULL, " TS "), "
              "('ben', '" PROGRAM "', 'Ben', 'ambassador', 0, '2023-06-01', NULL, " TS "), "
              "('eve', '" PROGRAM "', 'Eve', 'ambassador', 0, '2024-02-29', NULL, " TS "), "
              "('cleo', '" PROGRAM "', 'Cleo', 'member', 0, '2000-01-01', NULL, " TS "), "
              "('bot', '" PROGRAM "', 'Bot', 'ambassador', 1, '2000-01-01', NULL, " TS "), "
              "('dan', '" PROGRAM "', 'Dan', 'ambassador', 0, '2000-01-01', '" STAMP "', " TS "), "
              "('zed', '" OTHER "', 'Zed', 'ambassador', 0, '2000-01-01', NULL, " TS ")");

  f->b_welcome = add_badge (f->db, "Welcomer", "bronze", "activity", "welcome", 10, 30, FALSE);
  f->b_weeks = add_badge (f->db, "Steady", "silver", "ambassador_weeks", NULL, 10, -1, FALSE);
  f->b_checkins = add_badge (f->db, "Reporter", "bronze", "checkins", NULL, 3, -1, FALSE);
  f->b_tenure = add_badge (f->db, "Veteran", "gold", "tenure_years", NULL, 3, -1, FALSE);
  f->b_leap = add_badge (f->db, "Leaper", "silver", "tenure_years", NULL, 1, -1, FALSE);
  f->b_messages = add_badge (f->db, "Chatter", "bronze", "activity", "message", 5, -1, TRUE);
  f->b_hand = add_badge (f->db, "Heart", "gold", NULL, NULL, -1, -1, FALSE);

  /* Welcomes: the window of 30 days at REF is (05-01, 05-31]. The bot, Cleo and Dan have
   * plenty but are not eligible. */
  test_sql (f->db, "INSERT INTO activity (member_id, day, kind, count) VALUES "
              "('ana', '2026-05-01', 'welcome', 1), "
              "('ana', '2026-05-02', 'welcome', 1), "
              "('ana', '2026-05-20', 'welcome', 8), "
              "('ana', '2026-06-01', 'welcome', 50), "
              "('ana', '2026-05-20', 'message', 2), "
              "('bot', '2026-05-20', 'welcome', 500), "
              "('cleo', '2026-05-20', 'welcome', 500), "
              "('dan', '2026-05-20', 'welcome', 500), "
              "('zed', '2026-05-20', 'welcome', 500)");

  /* Roles and assignments: Ben's two overlap from 04-01 to 04-19; their union is 03-23 to
   * REF, 70 days (10 weeks); counted twice it would be 89 days. Ana's runs from 05-01. A
   * deleted role's assignment counts nothing. */
  test_sql (f->db, "INSERT INTO role (id, program_id, name, deleted_at, created_at, updated_at) VALUES "
              "('r1', '" PROGRAM "', 'Welcome', NULL, " TS "), "
              "('r2', '" PROGRAM "', 'Events', NULL, " TS "), "
              "('rx', '" PROGRAM "', 'Gone', '" STAMP "', " TS ")");
  test_sql (f->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, ended_on, created_at, "
              "updated_at) VALUES "
              "('a-ben-1', 'ben', 'r1', '2026-03-23', '2026-04-20', " TS "), "
              "('a-ben-2', 'ben', 'r2', '2026-04-01', NULL, " TS "), "
              "('a-ben-x', 'ben', 'rx', '2025-01-01', NULL, " TS "), "
              "('a-ana', 'ana', 'r1', '2026-05-01', NULL, " TS "), "
              "('a-bot', 'bot', 'r1', '2020-01-01', NULL, " TS ")");

  /* Check-ins of Ana: W20, W21, W22 (the reference week), W23 (later), and a deleted W19. */
  test_sql (f->db, "INSERT INTO checkin (id, assignment_id, iso_week, deleted_at, created_at, "
              "updated_at) VALUES "
              "('c19', 'a-ana', '2026-W19', '" STAMP "', " TS "), "
              "('c20', 'a-ana', '2026-W20', NULL, " TS "), "
              "('c21', 'a-ana', '2026-W21', NULL, " TS "), "
              "('c22', 'a-ana', '2026-W22', NULL, " TS "), "
              "('c23', 'a-ana', '2026-W23', NULL, " TS "), "
              "('cb1', 'a-bot', '2026-W20', NULL, " TS "), "
              "('cb2', 'a-bot', '2026-W21', NULL, " TS "), "
              "('cb3', 'a-bot', '2026-W22', NULL, " TS ")");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_db_free (&f->db, f->td);
  g_free (f->b_welcome);
  g_free (f->b_weeks);
  g_free (f->b_checkins);
  g_free (f->b_tenure);
  g_free (f->b_leap);
  g_free (f->b_messages);
  g_free (f->b_hand);
}

static GPtrArray *
ready_for (Fixture    *f,
           const char *badge_id,
           const char *day)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ready = hearth_badge_rule_ready (f->db, PROGRAM, badge_id, day, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ready);
  return ready;
}

/* The ready entry of @member_id, or NULL. */
static HearthReadyAward *
find (GPtrArray  *ready,
      const char *member_id)
{
  for (guint i = 0; i < ready->len; i++)
    {
      HearthReadyAward *r = g_ptr_array_index (ready, i);

      if (g_strcmp0 (r->member_id, member_id) == 0)
        return r;
    }
  return NULL;
}

/* The members ready for @badge_id on @day, as "ana,ben". */
static char *
ready_ids (Fixture    *f,
           const char *badge_id,
           const char *day)
{
  g_autoptr(GPtrArray) ready = ready_for (f, badge_id, day);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < ready->len; i++)
    {
      HearthReadyAward *r = g_ptr_array_index (ready, i);

      g_assert_cmpstr (r->badge_id, ==, badge_id);
      g_string_append_printf (ids, "%s%s", ids->len ? "," : "", r->member_id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_activity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autofree char *none = NULL;
  HearthReadyAward *r;

  /* 05-02 (the first day inside) + 05-20: 9, one short; 05-01 is the day before the window,
   * 06-01 after the reference day. */
  none = ready_ids (f, f->b_welcome, REF);
  g_assert_cmpstr (none, ==, "");

  /* One more on the reference day: 10 (05-01 still out, or it would be 11). */
  test_sql (f->db, "INSERT INTO activity VALUES ('ana', '" REF "', 'welcome', 1)");
  ready = ready_for (f, f->b_welcome, REF);
  g_assert_cmpuint (ready->len, ==, 1);
  r = find (ready, "ana");
  g_assert_nonnull (r);
  g_assert_cmpint (r->measured, ==, 10);
  g_assert_cmpstr (r->badge_name, ==, "Welcomer");
  g_assert_cmpstr (r->member_name, ==, "Ana");
  g_assert_cmpstr (r->why, ==, "10 welcomes in the last 30 days");
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* A day earlier the window is (04-30, 05-30]: 05-01 is its first day; REF is out. */
  ready = ready_for (f, f->b_welcome, "2026-05-30");
  r = find (ready, "ana");
  g_assert_nonnull (r);
  g_assert_cmpint (r->measured, ==, 10);
}

static void
test_ambassador_weeks (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autofree char *before = NULL;
  g_autofree char *eleven = NULL;
  HearthReadyAward *r;

  /* 03-23 to REF: 70 days, 10 weeks; the overlap counts once, the deleted role not at all. */
  ready = ready_for (f, f->b_weeks, REF);
  g_assert_cmpuint (ready->len, ==, 1);
  r = find (ready, "ben");
  g_assert_nonnull (r);
  g_assert_cmpint (r->measured, ==, 10);
  g_assert_cmpstr (r->why, ==, "10 weeks as an ambassador");

  /* A day earlier: 69 days, 9 weeks. */
  before = ready_ids (f, f->b_weeks, "2026-05-30");
  g_assert_cmpstr (before, ==, "");

  /* Counted twice the overlap would make 12 weeks. */
  test_sql (f->db, "UPDATE badge SET rule_threshold = 11 WHERE id = '%s'", f->b_weeks);
  eleven = ready_ids (f, f->b_weeks, REF);
  g_assert_cmpstr (eleven, ==, "");
}

static void
test_checkins (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autofree char *earlier = NULL;
  HearthReadyAward *r;

  /* W20, W21, W22: 3 (W23 is after the reference week, W19 deleted); the bot is left out. */
  ready = ready_for (f, f->b_checkins, REF);
  g_assert_cmpuint (ready->len, ==, 1);
  r = find (ready, "ana");
  g_assert_nonnull (r);
  g_assert_cmpint (r->measured, ==, 3);
  g_assert_cmpstr (r->why, ==, "3 check-ins");

  /* On a day of W21: 2. */
  earlier = ready_ids (f, f->b_checkins, "2026-05-24");
  g_assert_cmpstr (earlier, ==, "");
}

static void
test_tenure (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autofree char *before = NULL;
  HearthReadyAward *r;

  /* Ana's third anniversary is REF; Ben's is tomorrow. Cleo, the bot and Dan (joined 2000)
   * are not eligible. */
  ready = ready_for (f, f->b_tenure, REF);
  g_assert_cmpuint (ready->len, ==, 1);
  r = find (ready, "ana");
  g_assert_nonnull (r);
  g_assert_cmpint (r->measured, ==, 3);
  g_assert_cmpstr (r->why, ==, "3 years in the community");
  before = ready_ids (f, f->b_tenure, "2026-05-30");
  g_assert_cmpstr (before, ==, "");
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* Eve joined on 29 February 2024: her anniversary in 2025 is 28 February. */
  ready = ready_for (f, f->b_leap, "2025-02-27");
  g_assert_null (find (ready, "eve"));
  g_assert_nonnull (find (ready, "ana"));
  g_clear_pointer (&ready, g_ptr_array_unref);
  ready = ready_for (f, f->b_leap, "2025-02-28");
  g_assert_cmpint (find (ready, "eve")->measured, ==, 1);
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* In a leap year it is 29 February again: on 28 February 2028 she has 3 full years. */
  ready = ready_for (f, f->b_leap, "2028-02-28");
  r = find (ready, "eve");
  g_assert_nonnull (r);
  g_assert_cmpint (r->measured, ==, 3);
  g_assert_cmpstr (r->why, ==, "3 years in the community");
  g_clear_pointer (&ready, g_ptr_array_unref);
  ready = ready_for (f, f->b_leap, "2028-02-29");
  g_assert_cmpint (find (ready, "eve")->measured, ==, 4);
}

static void
test_holders_and_revoke (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *award = NULL;
  g_autofree char *held = NULL;
  g_autofree char *revoked = NULL;
  g_autoptr(GError) error = NULL;

  award = grant (f->db, f->b_tenure, "ana", "2026-05-31");
  held = ready_ids (f, f->b_tenure, REF);
  g_assert_cmpstr (held, ==, "");

  /* Revoking is a soft delete: Ana is ready again. */
  hearth_database_soft_delete (f->db, "award", award, &error);
  g_assert_no_error (error);
  revoked = ready_ids (f, f->b_tenure, REF);
  g_assert_cmpstr (revoked, ==, "ana");
}

static void
test_multiple_grant (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  test_sql (f->db, "INSERT INTO activity VALUES ('ben', '2026-02-01', 'message', 5), "
              "('ben', '2026-04-01', 'message', 5), ('ben', '2026-05-01', 'message', 3), "
              "('ben', '2026-05-10', 'message', 4)");

  /* Never awarded: all of it, 17. */
  ready = ready_for (f, f->b_messages, REF);
  g_assert_cmpint (find (ready, "ben")->measured, ==, 17);
  g_assert_cmpstr (find (ready, "ben")->why, ==, "17 messages");
  g_assert_null (find (ready, "ana"));   /* 2 messages */
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* Two awards: only what came after the latest (05-01, itself excluded) counts: 4. */
  a1 = grant (f->db, f->b_messages, "ben", "2026-03-01");
  a2 = grant (f->db, f->b_messages, "ben", "2026-05-01");
  after = ready_ids (f, f->b_messages, REF);
  g_assert_cmpstr (after, ==, "");

  test_sql (f->db, "INSERT INTO activity VALUES ('ben', '2026-05-20', 'message', 1)");
  ready = ready_for (f, f->b_messages, REF);
  g_assert_cmpint (find (ready, "ben")->measured, ==, 5);
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* Revoke the latest: the one of 03-01 is the latest again (04-01 on: 13). */
  hearth_database_soft_delete (f->db, "award", a2, &error);
  g_assert_no_error (error);
  ready = ready_for (f, f->b_messages, REF);
  g_assert_cmpint (find (ready, "ben")->measured, ==, 13);
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* A multiple-grant badge can be given to a holder. */
  a3 = grant (f->db, f->b_messages, "ben", REF);
  g_assert_nonnull (a3);
}

static void
test_all_badges (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);

  test_sql (f->db, "INSERT INTO activity VALUES ('ana', '" REF "', 'welcome', 1)");

  /* Every badge with a rule, by badge name, then measured, then member name. */
  ready = ready_for (f, NULL, REF);
  for (guint i = 0; i < ready->len; i++)
    {
      HearthReadyAward *r = g_ptr_array_index (ready, i);

      g_string_append_printf (seen, "%s:%s ", r->badge_name, r->member_id);
    }
  g_assert_cmpstr (seen->str, ==, "Leaper:ana Leaper:ben Leaper:eve Reporter:ana Steady:ben "
                                  "Veteran:ana Welcomer:ana ");
  g_assert_cmpint (((HearthReadyAward *)g_ptr_array_index (ready, 0))->measured, ==, 3);
  g_clear_pointer (&ready, g_ptr_array_unref);

  /* A badge without a rule, or one of another program: nobody. */
  ready = ready_for (f, f->b_hand, REF);
  g_assert_cmpuint (ready->len, ==, 0);
  g_clear_pointer (&ready, g_ptr_array_unref);

  ready = hearth_badge_rule_ready (f->db, PROGRAM, NULL, "2026-13-01", NULL, &error);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_null (ready);
}

static guint
count_rows (HearthDatabase *db,
            const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (db, query, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint)sqlite3_column_int (stmt, 0);
}

static void
test_grant (Fixture       *f,
            gconstpointer  data)
{
  const char *both[] = { "ana", "ben", NULL };
  const char *with_holder[] = { "eve", "ana", NULL };
  const char *other[] = { "zed", NULL };
  const char *bot[] = { "dan", NULL };
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of_ana = NULL;

  /* Several members at once: one award each, in order. */
  g_assert_true (hearth_database_begin (f->db, &error));
  g_assert_true (hearth_award_grant (f->db, f->b_hand, both, "2026-05-30", "Great month",
                                     "manual", &ids, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_database_commit (f->db, &error));
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM award WHERE reason = 'Great month' "
                                       "AND source = 'manual' AND awarded_on = '2026-05-30'"),
                    ==, 2);
  of_ana = hearth_award_load_for_member (f->db, "ana", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_ana->len, ==, 1);
  g_assert_cmpstr (hearth_record_get_id (g_ptr_array_index (of_ana, 0)), ==, ids[0]);

  /* Ana already holds it: nothing is written, and the error names her. */
  g_assert_true (hearth_database_begin (f->db, &error));
  g_assert_false (hearth_award_grant (f->db, f->b_hand, with_holder, REF, NULL, "manual", NULL,
                                      &error));
  hearth_database_rollback (f->db);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ana"));
  g_assert_nonnull (strstr (error->message, "Heart"));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM award WHERE member_id = 'eve'"),
                    ==, 0);

  /* Another program's member, a deleted member, an unknown source, a deleted badge. */
  g_assert_false (hearth_award_grant (f->db, f->b_hand, other, REF, NULL, "manual", NULL,
                                      &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Zed"));
  g_clear_error (&error);
  g_assert_false (hearth_award_grant (f->db, f->b_weeks, bot, REF, NULL, "manual", NULL,
                                      &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hearth_award_grant (f->db, f->b_weeks, both, REF, NULL, "magic", NULL,
                                      &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  hearth_database_soft_delete (f->db, "badge", f->b_weeks, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_award_grant (f->db, f->b_weeks, both, REF, NULL, "rule", NULL,
                                      &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_rows (f->db, "SELECT count(*) FROM award"), ==, 2);
}

static void
assert_invalid (HearthRecord *record,
                const char   *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hearth_record_validate (record, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, field));
}

static void
test_validation (void)
{
  g_autoptr(HearthBadge) badge = hearth_badge_new (PROGRAM, "Star");
  g_autoptr(HearthRecognition) entry = hearth_recognition_new ("ana", "gift");
  HearthRecord *b = HEARTH_RECORD (badge);
  HearthRecord *e = HEARTH_RECORD (entry);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_record_validate (b, &error));
  g_assert_cmpstr (hearth_badge_get_tier (badge), ==, "bronze");
  g_assert_cmpint (hearth_badge_get_rule_threshold (badge), ==, -1);
  g_assert_false (hearth_badge_get_multiple_grant (badge));

  hearth_record_set_text (b, HEARTH_BADGE_COLOR, "#C0FFEE");
  assert_invalid (b, "badge.color:");
  hearth_record_set_text (b, HEARTH_BADGE_COLOR, "c0ffee");
  assert_invalid (b, "badge.color:");
  hearth_record_set_text (b, HEARTH_BADGE_COLOR, "#c0ffee");
  g_assert_true (hearth_record_validate (b, &error));

  hearth_record_set_text (b, HEARTH_BADGE_TIER, "platinum");
  assert_invalid (b, "badge.tier:");
  hearth_record_set_text (b, HEARTH_BADGE_TIER, "gold");

  hearth_record_set_text (b, HEARTH_BADGE_RULE_KIND, "activity");
  assert_invalid (b, "badge.rule_metric:");
  hearth_record_set_text (b, HEARTH_BADGE_RULE_METRIC, "hugs");
  assert_invalid (b, "badge.rule_metric:");
  hearth_record_set_text (b, HEARTH_BADGE_RULE_METRIC, "welcome");
  g_assert_true (hearth_record_validate (b, &error));
  hearth_record_set_int (b, HEARTH_BADGE_RULE_THRESHOLD, 0);
  assert_invalid (b, "badge.rule_threshold:");
  hearth_record_set_int (b, HEARTH_BADGE_RULE_THRESHOLD, 1);
  hearth_record_set_int (b, HEARTH_BADGE_RULE_WINDOW_DAYS, 0);
  assert_invalid (b, "badge.rule_window_days:");
  hearth_record_set_int (b, HEARTH_BADGE_RULE_WINDOW_DAYS, 1);
  g_assert_true (hearth_record_validate (b, &error));
  hearth_record_set_text (b, HEARTH_BADGE_RULE_KIND, "karma");
  assert_invalid (b, "badge.rule_kind:");

  g_assert_true (hearth_record_validate (e, &error));
  hearth_record_set_text (e, HEARTH_RECOGNITION_DONE_ON, "2026-02-30");
  assert_invalid (e, "recognition.done_on:");
  hearth_record_set_text (e, HEARTH_RECOGNITION_DONE_ON, NULL);
  hearth_record_set_text (e, HEARTH_RECOGNITION_PLANNED_ON, "soon");
  assert_invalid (e, "recognition.planned_on:");
  hearth_record_set_text (e, HEARTH_RECOGNITION_PLANNED_ON, "2026-06-01");
  hearth_record_set_text (e, HEARTH_RECOGNITION_KIND, NULL);
  assert_invalid (e, "recognition.kind:");
  hearth_record_set_text (e, HEARTH_RECOGNITION_KIND, "hug");
  assert_invalid (e, "recognition.kind:");
  g_assert_no_error (error);
}

static void
test_texts (void)
{
  struct {
    const char *kind, *metric;
    gint64 threshold, window;
    const char *expected;
  } cases[] = {
    { "activity", "welcome", 20, 30, "20 welcomes within 30 days" },
    { "activity", "welcome", 20, -1, "20 welcomes" },
    { "activity", "welcome", 1, -1, "1 welcome" },
    { "activity", "reply", 2, 1, "2 replies within a day" },
    { "activity", "content_shared", 1, 7, "1 piece of content shared within 7 days" },
    { "activity", "thread_started", 3, -1, "3 threads started" },
    { "activity", "event_attended", 4, 0, "4 events attended" },
    { "activity", "answer", 0, 14, "1 answer within 14 days" },
    { "ambassador_weeks", NULL, 26, -1, "26 weeks as an ambassador" },
    { "ambassador_weeks", NULL, 1, 30, "1 week as an ambassador" },
    { "checkins", NULL, 12, -1, "12 check-ins" },
    { "checkins", NULL, -1, -1, "1 check-in" },
    { "tenure_years", NULL, 2, -1, "2 years in the community" },
    { "tenure_years", NULL, 1, -1, "1 year in the community" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hearth_badge_describe_rule (cases[i].kind, cases[i].metric,
                                                          cases[i].threshold, cases[i].window);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_null (hearth_badge_describe_rule (NULL, "welcome", 3, 3));

  g_assert_cmpstr (hearth_recognition_kind_label ("shout_out"), ==, "Shout-out");
  g_assert_cmpstr (hearth_recognition_kind_label ("exclusive_access"), ==, "Exclusive access");
  g_assert_cmpstr (hearth_recognition_kind_label ("handwritten_note"), ==, "Handwritten note");
  g_assert_cmpstr (hearth_recognition_kind_label ("hug"), ==, "hug");
  for (guint i = 0; hearth_recognition_kinds[i] != NULL; i++)
    g_assert_cmpstr (hearth_recognition_kind_label (hearth_recognition_kinds[i]), !=,
                     hearth_recognition_kinds[i]);
}

static void
add_recognitions (HearthDatabase *db)
{
  test_sql (db, "INSERT INTO recognition (id, member_id, kind, title, planned_on, done_on, "
           "deleted_at, created_at, updated_at) VALUES "
           "('r-done-new', 'ana', 'shout_out', 'Thanks', NULL, '2026-05-20', NULL, " TS "), "
           "('r-later', 'ben', 'gift', NULL, '2026-06-10', NULL, NULL, " TS "), "
           "('r-overdue', 'ben', 'perk', NULL, '2026-05-10', NULL, NULL, " TS "), "
           "('r-undated', 'ana', 'other', NULL, NULL, NULL, NULL, " TS "), "
           "('r-today', 'eve', 'merch', NULL, '" REF "', NULL, NULL, " TS "), "
           "('r-done-old', 'ben', 'handwritten_note', NULL, '2026-03-01', '2026-04-01', NULL, "
           TS "), "
           "('r-deleted', 'ben', 'gift', NULL, NULL, '2026-05-01', '" STAMP "', " TS "), "
           "('r-dan', 'dan', 'gift', NULL, NULL, '2026-05-01', NULL, " TS "), "
           "('r-zed', 'zed', 'gift', NULL, NULL, '2026-05-01', NULL, " TS ")");
}

static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HearthRecognitionBoard) board = NULL;
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autofree char *a_revoked = NULL;
  HearthBoardBadge *badge;
  const char *both[] = { "ana", "ben", NULL };
  guint recognized = 0, total = 0;
  gboolean has_fairness = FALSE;

  add_recognitions (f->db);
  g_assert_true (hearth_database_begin (f->db, &error));
  g_assert_true (hearth_award_grant (f->db, f->b_hand, both, "2026-05-01", NULL, "manual", NULL,
                                     &error));
  g_assert_true (hearth_award_grant (f->db, f->b_messages, both + 1, "2026-04-01", NULL,
                                     "manual", NULL, &error));
  g_assert_true (hearth_award_grant (f->db, f->b_messages, both + 1, "2026-05-02", NULL,
                                     "rule", NULL, &error));
  g_assert_true (hearth_database_commit (f->db, &error));
  g_assert_no_error (error);
  a_revoked = grant (f->db, f->b_weeks, "eve", "2026-05-03");
  hearth_database_soft_delete (f->db, "award", a_revoked, &error);
  g_assert_no_error (error);
  /* Awards hanging off a deleted member (or a deleted badge) are left out. */
  test_sql (f->db, "INSERT INTO award (id, badge_id, member_id, awarded_on, source, created_at, "
              "updated_at) VALUES ('a-dan', '%s', 'dan', '2026-05-05', 'manual', " TS ")",
       f->b_hand);
  test_sql (f->db, "INSERT INTO settings VALUES ('" PROGRAM "', 'recognition_interval_days', '30')");

  board = hearth_recognition_board_load (f->db, PROGRAM, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
  g_assert_cmpstr (board->program_id, ==, PROGRAM);
  g_assert_cmpstr (board->program_name, ==, "Makers");
  g_assert_cmpstr (board->reference_day, ==, REF);
  g_assert_cmpuint (board->recognition_interval_days, ==, 30);

  /* Gold first (Heart, Veteran), then silver (Leaper, Steady), then bronze, each by name. */
  for (guint i = 0; i < board->badges->len; i++)
    {
      HearthBoardBadge *b = g_ptr_array_index (board->badges, i);

      g_string_append_printf (order, "%s ", b->name);
    }
  g_assert_cmpstr (order->str, ==, "Heart Veteran Leaper Steady Chatter Reporter Welcomer ");

  badge = hearth_recognition_board_lookup_badge (board, f->b_hand);
  g_assert_nonnull (badge);
  g_assert_cmpuint (badge->n_holders, ==, 2);
  g_assert_cmpuint (badge->awards->len, ==, 2);
  g_assert_null (badge->rule_kind);
  g_assert_cmpint (badge->rule_threshold, ==, -1);
  g_assert_cmpstr (badge->color, ==, "#c0ffee");
  badge = hearth_recognition_board_lookup_badge (board, f->b_messages);
  g_assert_cmpuint (badge->n_holders, ==, 1);   /* Ben, twice */
  g_assert_cmpuint (badge->awards->len, ==, 2);
  g_assert_true (badge->multiple_grant);
  g_assert_cmpstr (((HearthBoardAward *)g_ptr_array_index (badge->awards, 0))->awarded_on, ==,
                   "2026-05-02");
  badge = hearth_recognition_board_lookup_badge (board, f->b_weeks);
  g_assert_cmpuint (badge->n_holders, ==, 0);   /* revoked */
  g_assert_cmpuint (badge->n_ready, ==, 1);     /* Ben */
  g_assert_cmpint (badge->rule_threshold, ==, 10);
  g_assert_cmpint (badge->rule_window_days, ==, -1);
  badge = hearth_recognition_board_lookup_badge (board, f->b_leap);
  g_assert_cmpuint (badge->n_ready, ==, 3);
  g_assert_null (hearth_recognition_board_lookup_badge (board, "nope"));

  /* Every live award, newest first, with names. */
  g_assert_cmpuint (board->awards->len, ==, 4);
  {
    HearthBoardAward *first = g_ptr_array_index (board->awards, 0);
    HearthBoardAward *last = g_ptr_array_index (board->awards, 3);

    g_assert_cmpstr (first->awarded_on, ==, "2026-05-02");
    g_assert_cmpstr (first->member_name, ==, "Ben");
    g_assert_cmpstr (first->badge_name, ==, "Chatter");
    g_assert_cmpstr (first->source, ==, "rule");
    g_assert_cmpstr (last->awarded_on, ==, "2026-04-01");
  }

  /* Ready: the same as hearth_badge_rule_ready() on the reference day. */
  {
    g_autoptr(GPtrArray) ready = ready_for (f, NULL, REF);

    g_assert_cmpuint (board->ready->len, ==, ready->len);
  }

  /* The log: upcoming (soonest planned first, undated last), then done, newest first. */
  g_string_truncate (order, 0);
  for (guint i = 0; i < board->log->len; i++)
    {
      HearthBoardEntry *e = g_ptr_array_index (board->log, i);

      g_string_append_printf (order, "%s%s%s ", e->id, e->upcoming ? "+" : "",
                              e->overdue ? "!" : "");
    }
  g_assert_cmpstr (order->str, ==, "r-overdue+! r-today+ r-later+ r-undated+ r-done-new "
                                   "r-done-old ");
  {
    HearthBoardEntry *e = g_ptr_array_index (board->log, 4);

    g_assert_cmpstr (e->member_name, ==, "Ana");
    g_assert_cmpstr (e->kind, ==, "shout_out");
    g_assert_cmpstr (e->title, ==, "Thanks");
    g_assert_cmpstr (e->done_on, ==, "2026-05-20");
  }

  /* Due and fairness: exactly the health guard's. */
  in = hearth_health_load (f->db, PROGRAM, HEARTH_HEALTH_PART_RECOGNITION, &error);
  g_assert_no_error (error);
  due = hearth_health_recognition_due (in);
  g_assert_cmpuint (board->due->len, ==, due->len);
  for (guint i = 0; i < due->len; i++)
    {
      const HearthHealthDue *d = &g_array_index (due, HearthHealthDue, i);
      HearthBoardDue *b = g_ptr_array_index (board->due, i);

      g_assert_cmpstr (b->member_id, ==, d->ambassador->id);
      g_assert_cmpstr (b->member_name, ==, d->ambassador->name);
      g_assert_cmpint (b->severity, ==, d->severity);
      g_assert_cmpuint (b->contribution, ==, d->ambassador->contribution);
      g_assert_nonnull (b->sentence);
      g_assert_nonnull (strstr (b->sentence, b->member_name));
      if (d->ambassador->last_recognized == 0)
        {
          g_assert_null (b->last_recognized);
          g_assert_cmpint (b->days_since, ==, -1);
        }
      else
        g_assert_cmpint (b->days_since, ==, d->days_since);
    }
  g_assert_cmpfloat (board->fairness_share, ==,
                     hearth_health_recognition_fairness_share (in, &recognized, &total));
  g_assert_cmpuint (board->fairness_recognized, ==, recognized);
  g_assert_cmpuint (board->fairness_total, ==, total);

  for (guint i = 0; i < board->checks->len; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (board->checks, i);

      g_assert_true (g_str_equal (check->key, "recognition_due") ||
                     g_str_equal (check->key, "recognition_fairness"));
      has_fairness |= g_str_equal (check->key, "recognition_fairness");
    }
  g_assert_true (has_fairness);
}

/* Eve was last recognized long ago, Ana and Ben recently; the due list is ordered by
 * contribution since the last recognition, and the fairness figure follows the guard. */
static void
test_board_due (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HearthRecognitionBoard) board = NULL;
  g_autoptr(GError) error = NULL;

  test_sql (f->db, "INSERT INTO settings VALUES ('" PROGRAM "', 'recognition_interval_days', '30')");
  /* Whether a bot can be due is the guard's business (hearth-health.c): keep it out of this. */
  test_sql (f->db, "UPDATE member SET status = 'member' WHERE id = 'bot'");
  test_sql (f->db, "INSERT INTO recognition (id, member_id, kind, done_on, created_at, updated_at) "
              "VALUES ('x1', 'ana', 'gift', '2026-05-30', " TS "), "
              "('x2', 'ben', 'gift', '2026-01-10', " TS "), "
              "('x3', 'eve', 'gift', '2026-04-20', " TS ")");
  test_sql (f->db, "INSERT INTO activity VALUES ('eve', '2026-05-01', 'message', 3), "
              "('ben', '2026-05-01', 'message', 40)");

  board = hearth_recognition_board_load (f->db, PROGRAM, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->due->len, ==, 2);
  {
    HearthBoardDue *first = g_ptr_array_index (board->due, 0);
    HearthBoardDue *second = g_ptr_array_index (board->due, 1);

    g_assert_cmpstr (first->member_id, ==, "ben");
    g_assert_cmpstr (first->last_recognized, ==, "2026-01-10");
    g_assert_cmpint (first->days_since, ==, 141);
    g_assert_cmpuint (first->contribution, ==, 40);
    g_assert_cmpint (first->severity, ==, HEARTH_SEVERITY_WARNING);
    g_assert_cmpstr (second->member_id, ==, "eve");
    g_assert_cmpint (second->days_since, ==, 41);
    g_assert_cmpint (second->severity, ==, HEARTH_SEVERITY_NOTICE);
  }
  /* Three people recognized: too few to judge. */
  g_assert_cmpfloat (board->fairness_share, ==, -1);
  g_assert_cmpuint (board->fairness_recognized, ==, 3);
  g_assert_cmpuint (board->fairness_total, ==, 3);
}

static void
test_board_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HearthRecognitionBoard) board = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  board = hearth_recognition_board_load (f->db, "nope", NULL, &error);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_assert_null (board);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  board = hearth_recognition_board_load (f->db, PROGRAM, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (board);
}

/* The live rows of the three tables, every column, in id order. */
static char *
dump (HearthDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM badge WHERE deleted_at IS NULL ORDER BY id",
    "SELECT * FROM award WHERE deleted_at IS NULL ORDER BY id",
    "SELECT * FROM recognition WHERE deleted_at IS NULL ORDER BY id",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (db, queries[q], &error);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = hearth_column_text (stmt, c);

              g_string_append_printf (out, "%s|", text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "--\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_snapshot_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->td->dir, "makers.json", NULL);
  g_autofree char *other_path = g_build_filename (f->td->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HearthDatabase) other = NULL;
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *revoked = NULL;
  const char *both[] = { "ana", "ben", NULL };

  add_recognitions (f->db);
  g_assert_true (hearth_database_begin (f->db, &error));
  g_assert_true (hearth_award_grant (f->db, f->b_hand, both, "2026-05-01", "Kind words",
                                     "nomination", NULL, &error));
  g_assert_true (hearth_database_commit (f->db, &error));
  g_assert_no_error (error);
  revoked = grant (f->db, f->b_weeks, "eve", "2026-05-03");
  hearth_database_soft_delete (f->db, "award", revoked, &error);
  g_assert_no_error (error);
  /* Only this program: drop the other one's rows from the comparison. */
  test_sql (f->db, "DELETE FROM recognition WHERE member_id = 'zed' OR member_id = 'dan'");

  hearth_snapshot_export (f->db, PROGRAM, file, HEARTH_SNAPSHOT_EXPORT_NONE, NULL, &error);
  g_assert_no_error (error);

  other = open_db (other_path);
  summary = hearth_snapshot_import (other, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->program_id, ==, PROGRAM);
  g_assert_false (summary->ids_reassigned);

  before = dump (f->db);
  after = dump (other);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "Kind words|nomination"));
  g_assert_nonnull (strstr (after, "handwritten_note"));
}

int
main (int   argc,
      char *argv[])
{
  test_init_english (&argc, &argv, FALSE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/recognition/rule/activity", test_activity);
  ADD ("/recognition/rule/ambassador-weeks", test_ambassador_weeks);
  ADD ("/recognition/rule/checkins", test_checkins);
  ADD ("/recognition/rule/tenure", test_tenure);
  ADD ("/recognition/rule/holders-and-revoke", test_holders_and_revoke);
  ADD ("/recognition/rule/multiple-grant", test_multiple_grant);
  ADD ("/recognition/rule/all-badges", test_all_badges);
  ADD ("/recognition/award/grant", test_grant);
  g_test_add_func ("/recognition/validation", test_validation);
  g_test_add_func ("/recognition/texts", test_texts);
  ADD ("/recognition/board/load", test_board);
  ADD ("/recognition/board/due", test_board_due);
  ADD ("/recognition/board/errors", test_board_errors);
  ADD ("/recognition/snapshot/round-trip", test_snapshot_round_trip);

#undef ADD

  return g_test_run ();
}
