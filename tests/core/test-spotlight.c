/* test-spotlight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spotlight draft, text for text in the C locale from fixed facts: everything known; no
 * roles and no badges; tenure under a year (and under a month, and unknown); one activity kind
 * with every singular; more than three kinds, of which the three strongest are told. Then the
 * facts read from a small database: live rows only, the program's window, its reference day.
 */

#include "config.h"

#include <locale.h>

#include "hearth-settings.h"
#include "hearth-spotlight.h"
#include "test-util.h"

#define REF "2026-05-31"

static const char * const two_roles[] = { "Welcome team", "Event promoter", NULL };
static const char * const three_badges[] = { "Thread starter", "First welcome", "Culture keeper", NULL };

static const HearthSpotlightActivity three_kinds[] = {
  { "message", 120 }, { "thread_started", 14 }, { "welcome", 9 },
};

static void
test_draft_all_facts (void)
{
  HearthSpotlightFacts facts = {
    .member_name = "Ana Lima",
    .program_name = "Open Makers",
    .joined_on = "2023-04-10",
    .reference_day = REF,
    .roles = two_roles,
    .badges = three_badges,
    .activity = three_kinds,
    .n_activity = G_N_ELEMENTS (three_kinds),
    .window_weeks = 12,
    .n_checkins = 10,
  };
  g_autofree char *draft = hearth_spotlight_draft (&facts);

  g_assert_cmpstr (draft, ==,
                   "Today we shine a spotlight on Ana Lima, one of the people who make Open Makers what it is! "
                   "Ana Lima has been part of our community for 3 years.\n"
                   "\n"
                   "Ana Lima holds the roles Welcome team and Event promoter. "
                   "Ana Lima has earned the badges Thread starter, First welcome and Culture keeper. "
                   "Ana Lima has checked in with the team 10 times.\n"
                   "\n"
                   "In the last 12 weeks, Ana Lima wrote 120 messages, started 14 conversations and welcomed 9 newcomers.\n"
                   "\n"
                   "Thank you, Ana Lima, for everything you bring to Open Makers!");
}

static void
test_draft_no_roles_no_badges (void)
{
  static const char * const none[] = { NULL };
  HearthSpotlightFacts facts = {
    .member_name = "Ben Okafor",
    .program_name = "Open Makers",
    .joined_on = "2024-06-01",
    .reference_day = REF,
    .roles = none,            /* an empty list says as little as NULL */
    .badges = NULL,
    .activity = three_kinds,
    .n_activity = 2,
    .window_weeks = 8,
    .n_checkins = 0,
  };
  g_autofree char *draft = hearth_spotlight_draft (&facts);

  /* 2024-06-01 to 2026-05-31 is one day short of two years. */
  g_assert_cmpstr (draft, ==,
                   "Today we shine a spotlight on Ben Okafor, one of the people who make Open Makers what it is! "
                   "Ben Okafor has been part of our community for 1 year.\n"
                   "\n"
                   "In the last 8 weeks, Ben Okafor wrote 120 messages and started 14 conversations.\n"
                   "\n"
                   "Thank you, Ben Okafor, for everything you bring to Open Makers!");
  g_assert_null (strstr (draft, "role"));
  g_assert_null (strstr (draft, "badge"));
  g_assert_null (strstr (draft, "checked in"));

  /* Nothing but the name and the program: the opening and the thank-you, nothing invented. */
  {
    HearthSpotlightFacts bare = {
      .member_name = "Cy",
      .program_name = "Open Makers",
      .reference_day = REF,
      .window_weeks = 12,
    };
    g_autofree char *text = hearth_spotlight_draft (&bare);

    g_assert_cmpstr (text, ==,
                     "Today we shine a spotlight on Cy, one of the people who make Open Makers what it is!\n"
                     "\n"
                     "Thank you, Cy, for everything you bring to Open Makers!");
  }
}

static void
test_draft_under_a_year (void)
{
  static const struct { const char *joined_on; const char *sentence; } cases[] = {
    { "2025-10-15", "Dee has been part of our community for 7 months." },
    { "2025-06-01", "Dee has been part of our community for 11 months." },
    { "2025-05-31", "Dee has been part of our community for 1 year." },
    { "2026-04-30", "Dee has been part of our community for 1 month." },
    { "2026-05-01", "Dee joined our community less than a month ago." },
    { REF, "Dee joined our community less than a month ago." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HearthSpotlightFacts facts = {
        .member_name = "Dee",
        .program_name = "Open Makers",
        .joined_on = cases[i].joined_on,
        .reference_day = REF,
        .window_weeks = 12,
      };
      g_autofree char *draft = hearth_spotlight_draft (&facts);
      g_autofree char *expected =
        g_strconcat ("Today we shine a spotlight on Dee, one of the people who make Open Makers what it is! ",
                     cases[i].sentence, "\n\n",
                     "Thank you, Dee, for everything you bring to Open Makers!", NULL);

      g_test_message ("joined on %s", cases[i].joined_on);
      g_assert_cmpstr (draft, ==, expected);
    }

  /* Joined after the reference day, or a day that can't be read: no tenure at all. */
  {
    static const char * const unknown[] = { "2026-06-01", "2026-02-30", "soon" };

    for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
      {
        HearthSpotlightFacts facts = {
          .member_name = "Dee", .program_name = "Open Makers", .joined_on = unknown[i],
          .reference_day = REF, .window_weeks = 12,
        };
        g_autofree char *draft = hearth_spotlight_draft (&facts);

        g_assert_null (strstr (draft, "community for"));
        g_assert_null (strstr (draft, "joined"));
      }
  }
}

static void
test_draft_one_kind (void)
{
  static const char * const one_role[] = { "Welcome team", NULL };
  static const char * const one_badge[] = { "First welcome", NULL };
  static const HearthSpotlightActivity one[] = { { "welcome", 1 } };
  HearthSpotlightFacts facts = {
    .member_name = "Eve",
    .program_name = "Open Makers",
    .joined_on = "2025-03-02",
    .reference_day = REF,
    .roles = one_role,
    .badges = one_badge,
    .activity = one,
    .n_activity = G_N_ELEMENTS (one),
    .window_weeks = 1,
    .n_checkins = 1,
  };
  g_autofree char *draft = hearth_spotlight_draft (&facts);

  g_assert_cmpstr (draft, ==,
                   "Today we shine a spotlight on Eve, one of the people who make Open Makers what it is! "
                   "Eve has been part of our community for 1 year.\n"
                   "\n"
                   "Eve holds the role Welcome team. "
                   "Eve has earned the badge First welcome. "
                   "Eve has checked in with the team 1 time.\n"
                   "\n"
                   "In the last 1 week, Eve welcomed 1 newcomer.\n"
                   "\n"
                   "Thank you, Eve, for everything you bring to Open Makers!");
}

static void
test_draft_top_three (void)
{
  /* Out of order, with a tie, a kind without a count and one Hearth doesn't know: the three
   * strongest known kinds, strongest first; the tie keeps the facts' order. */
  static const HearthSpotlightActivity kinds[] = {
    { "reply", 4 }, { "reaction_received", 30 }, { "answer", 12 }, { "content_shared", 12 },
    { "event_attended", 2 }, { "event_promoted", 0 }, { "telepathy", 99 },
  };
  HearthSpotlightFacts facts = {
    .member_name = "Fay",
    .program_name = "Open Makers",
    .reference_day = REF,
    .activity = kinds,
    .n_activity = G_N_ELEMENTS (kinds),
    .window_weeks = 12,
  };
  g_autofree char *draft = hearth_spotlight_draft (&facts);

  g_assert_cmpstr (draft, ==,
                   "Today we shine a spotlight on Fay, one of the people who make Open Makers what it is!\n"
                   "\n"
                   "In the last 12 weeks, Fay received 30 reactions from peers, answered 12 questions and shared 12 highlights.\n"
                   "\n"
                   "Thank you, Fay, for everything you bring to Open Makers!");

  /* Every kind has its own phrase. */
  {
    static const struct { const char *kind; const char *one; const char *many; } phrases[] = {
      { "message", "wrote 1 message", "wrote 2 messages" },
      { "thread_started", "started 1 conversation", "started 2 conversations" },
      { "reply", "replied 1 time to others", "replied 2 times to others" },
      { "welcome", "welcomed 1 newcomer", "welcomed 2 newcomers" },
      { "answer", "answered 1 question", "answered 2 questions" },
      { "reaction_received", "received 1 reaction from peers", "received 2 reactions from peers" },
      { "event_attended", "attended 1 event", "attended 2 events" },
      { "event_promoted", "promoted 1 event", "promoted 2 events" },
      { "content_shared", "shared 1 highlight", "shared 2 highlights" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
      for (gint64 n = 1; n <= 2; n++)
        {
          HearthSpotlightActivity a = { phrases[i].kind, n };
          HearthSpotlightFacts f = {
            .member_name = "Fay", .program_name = "Open Makers", .reference_day = REF,
            .activity = &a, .n_activity = 1, .window_weeks = 12,
          };
          g_autofree char *text = hearth_spotlight_draft (&f);
          g_autofree char *sentence = g_strdup_printf ("In the last 12 weeks, Fay %s.",
                                                       n == 1 ? phrases[i].one : phrases[i].many);

          g_assert_nonnull (strstr (text, sentence));
        }
  }
}

/* Loading */

#define PROGRAM "p0000000-0000-4000-8000-000000000001"
#define TS      "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'"

static void
test_facts_load (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthSpotlightFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;

  exec_ok (db,
           "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
           "('" PROGRAM "', 'Open Makers', '" REF "', " TS ");"
           "INSERT INTO member (id, program_id, display_name, joined_on, email, notes, status, "
           "created_at, updated_at) VALUES "
           "('ana', '" PROGRAM "', 'Ana Lima', '2024-02-20', 'ana@example.org', 'private', "
           "'ambassador', " TS "), "
           "('ben', '" PROGRAM "', 'Ben', NULL, NULL, NULL, 'member', " TS ");"
           /* Roles: two running (the older first), one ended, one of a deleted role, one
            * deleted, one not started yet. */
           "INSERT INTO role (id, program_id, name, created_at, updated_at, deleted_at) VALUES "
           "('r1', '" PROGRAM "', 'Welcome team', " TS ", NULL), "
           "('r2', '" PROGRAM "', 'Culture keeper', " TS ", NULL), "
           "('r3', '" PROGRAM "', 'Event promoter', " TS ", NULL), "
           "('r4', '" PROGRAM "', 'Old role', " TS ", '2026-02-01T00:00:00.000Z'), "
           "('r5', '" PROGRAM "', 'Peer-support lead', " TS ", NULL), "
           "('r6', '" PROGRAM "', 'Future role', " TS ", NULL);"
           "INSERT INTO assignment (id, member_id, role_id, starts_on, ends_on, ended_on, "
           "created_at, updated_at, deleted_at) VALUES "
           "('a1', 'ana', 'r1', '2025-09-01', NULL, NULL, " TS ", NULL), "
           "('a2', 'ana', 'r2', '2025-01-01', '2026-01-01', NULL, " TS ", NULL), "
           "('a3', 'ana', 'r3', '2025-01-01', NULL, '2025-12-01', " TS ", NULL), "
           "('a4', 'ana', 'r4', '2025-01-01', NULL, NULL, " TS ", NULL), "
           "('a5', 'ana', 'r5', '2025-01-01', NULL, NULL, " TS ", '2026-03-01T00:00:00.000Z'), "
           "('a6', 'ana', 'r6', '2026-06-01', NULL, NULL, " TS ", NULL), "
           "('b1', 'ben', 'r1', '2025-01-01', NULL, NULL, " TS ", NULL);"
           /* Badges: newest first; a badge given twice named once; a revoked award, a deleted
            * badge and an award after the reference day left out. */
           "INSERT INTO badge (id, program_id, name, created_at, updated_at, deleted_at) VALUES "
           "('g1', '" PROGRAM "', 'First welcome', " TS ", NULL), "
           "('g2', '" PROGRAM "', 'Thread starter', " TS ", NULL), "
           "('g3', '" PROGRAM "', 'Gone badge', " TS ", '2026-02-01T00:00:00.000Z'), "
           "('g4', '" PROGRAM "', 'Revoked badge', " TS ", NULL), "
           "('g5', '" PROGRAM "', 'Tomorrow badge', " TS ", NULL);"
           "INSERT INTO award (id, badge_id, member_id, awarded_on, created_at, updated_at, "
           "deleted_at) VALUES "
           "('w1', 'g1', 'ana', '2025-03-01', " TS ", NULL), "
           "('w2', 'g2', 'ana', '2026-04-01', " TS ", NULL), "
           "('w3', 'g1', 'ana', '2025-05-01', " TS ", NULL), "
           "('w4', 'g3', 'ana', '2026-05-01', " TS ", NULL), "
           "('w5', 'g4', 'ana', '2026-05-02', " TS ", '2026-05-03T00:00:00.000Z'), "
           "('w6', 'g5', 'ana', '2026-06-01', " TS ", NULL), "
           "('w7', 'g2', 'ben', '2026-05-01', " TS ", NULL);"
           /* Activity: the window is 4 weeks (2026-05-04 to 2026-05-31). */
           "INSERT INTO activity (member_id, day, kind, count) VALUES "
           "('ana', '2026-05-04', 'welcome', 3), "
           "('ana', '2026-05-20', 'welcome', 4), "
           "('ana', '2026-05-31', 'message', 10), "
           "('ana', '2026-05-10', 'reply', 2), "
           "('ana', '2026-05-11', 'answer', 1), "
           "('ana', '2026-05-03', 'answer', 50), "
           "('ana', '2026-06-01', 'reply', 50), "
           "('ben', '2026-05-20', 'event_promoted', 70);"
           /* Check-ins: live ones of live assignments of live roles, ended ones included. */
           "INSERT INTO checkin (id, assignment_id, iso_week, energy, note, created_at, updated_at, "
           "deleted_at) VALUES "
           "('c1', 'a1', '2026-W20', 4, 'tired', " TS ", NULL), "
           "('c2', 'a1', '2026-W21', 3, NULL, " TS ", NULL), "
           "('c3', 'a3', '2025-W40', 5, NULL, " TS ", NULL), "
           "('c4', 'a1', '2026-W19', 5, NULL, " TS ", '2026-05-20T00:00:00.000Z'), "
           "('c5', 'a4', '2025-W40', 5, NULL, " TS ", NULL), "
           "('c6', 'b1', '2026-W21', 2, NULL, " TS ", NULL);");
  hearth_settings_set_int (db, PROGRAM, HEARTH_SETTING_WINDOW_WEEKS, 4, &error);
  g_assert_no_error (error);

  facts = hearth_spotlight_facts_load (db, "ana", &error);
  g_assert_no_error (error);
  g_assert_nonnull (facts);

  g_assert_cmpstr (facts->member_name, ==, "Ana Lima");
  g_assert_cmpstr (facts->program_name, ==, "Open Makers");
  g_assert_cmpstr (facts->joined_on, ==, "2024-02-20");
  g_assert_cmpstr (facts->reference_day, ==, REF);
  g_assert_cmpuint (facts->window_weeks, ==, 4);

  g_assert_nonnull (facts->roles);
  g_assert_cmpstr (facts->roles[0], ==, "Culture keeper");
  g_assert_cmpstr (facts->roles[1], ==, "Welcome team");
  g_assert_null (facts->roles[2]);

  g_assert_nonnull (facts->badges);
  g_assert_cmpstr (facts->badges[0], ==, "Thread starter");
  g_assert_cmpstr (facts->badges[1], ==, "First welcome");
  g_assert_null (facts->badges[2]);

  g_assert_cmpuint (facts->n_activity, ==, 4);
  g_assert_cmpstr (facts->activity[0].kind, ==, "message");
  g_assert_cmpint (facts->activity[0].count, ==, 10);
  g_assert_cmpstr (facts->activity[1].kind, ==, "welcome");
  g_assert_cmpint (facts->activity[1].count, ==, 7);
  g_assert_cmpstr (facts->activity[2].kind, ==, "reply");
  g_assert_cmpint (facts->activity[2].count, ==, 2);
  g_assert_cmpstr (facts->activity[3].kind, ==, "answer");
  g_assert_cmpint (facts->activity[3].count, ==, 1);

  g_assert_cmpuint (facts->n_checkins, ==, 3);

  draft = hearth_spotlight_draft (facts);
  g_assert_cmpstr (draft, ==,
                   "Today we shine a spotlight on Ana Lima, one of the people who make Open Makers what it is! "
                   "Ana Lima has been part of our community for 2 years.\n"
                   "\n"
                   "Ana Lima holds the roles Culture keeper and Welcome team. "
                   "Ana Lima has earned the badges Thread starter and First welcome. "
                   "Ana Lima has checked in with the team 3 times.\n"
                   "\n"
                   "In the last 4 weeks, Ana Lima wrote 10 messages, welcomed 7 newcomers and replied 2 times to others.\n"
                   "\n"
                   "Thank you, Ana Lima, for everything you bring to Open Makers!");
  /* Nothing personal. */
  g_assert_null (strstr (draft, "example.org"));
  g_assert_null (strstr (draft, "private"));
  g_assert_null (strstr (draft, "tired"));

  /* Ben: no join date, the default settings of the same program, nothing but his own. */
  {
    g_autoptr(HearthSpotlightFacts) ben = hearth_spotlight_facts_load (db, "ben", &error);

    g_assert_no_error (error);
    g_assert_null (ben->joined_on);
    g_assert_cmpstr (ben->roles[0], ==, "Welcome team");
    g_assert_null (ben->roles[1]);
    g_assert_cmpstr (ben->badges[0], ==, "Thread starter");
    g_assert_null (ben->badges[1]);
    g_assert_cmpuint (ben->n_activity, ==, 1);
    g_assert_cmpstr (ben->activity[0].kind, ==, "event_promoted");
    g_assert_cmpint (ben->activity[0].count, ==, 70);
    g_assert_cmpuint (ben->n_checkins, ==, 1);
  }

  /* A member that doesn't exist, or was deleted. */
  {
    g_autoptr(HearthSpotlightFacts) none = hearth_spotlight_facts_load (db, "nobody", &error);

    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
    g_assert_null (none);
    g_clear_error (&error);

    exec_ok (db, "UPDATE member SET deleted_at = '2026-05-01T00:00:00.000Z' WHERE id = 'ben'");
    none = hearth_spotlight_facts_load (db, "ben", &error);
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
    g_assert_null (none);
    g_clear_error (&error);
  }

  /* Without as_of the reference day is today (UTC), or HEARTH_TODAY. */
  {
    g_autoptr(HearthSpotlightFacts) today = NULL;

    exec_ok (db, "UPDATE program SET as_of = NULL");
    g_setenv ("HEARTH_TODAY", "2026-06-02", TRUE);
    today = hearth_spotlight_facts_load (db, "ana", &error);
    g_unsetenv ("HEARTH_TODAY");
    g_assert_no_error (error);
    g_assert_cmpstr (today->reference_day, ==, "2026-06-02");
    /* The reply of 2026-06-01 is in the window now; 2026-05-04 has left it. */
    g_assert_cmpstr (today->activity[0].kind, ==, "reply");
    g_assert_cmpint (today->activity[0].count, ==, 52);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The texts are checked in English. */
  test_init_english (&argc, &argv, TRUE);

  g_test_add_func ("/core/spotlight/draft/all-facts", test_draft_all_facts);
  g_test_add_func ("/core/spotlight/draft/no-roles-no-badges", test_draft_no_roles_no_badges);
  g_test_add_func ("/core/spotlight/draft/under-a-year", test_draft_under_a_year);
  g_test_add_func ("/core/spotlight/draft/one-kind", test_draft_one_kind);
  g_test_add_func ("/core/spotlight/draft/top-three", test_draft_top_three);
  g_test_add_func ("/core/spotlight/facts-load", test_facts_load);

  return g_test_run ();
}
