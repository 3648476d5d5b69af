/* test-feedback.c: feedback rounds, items, meetings and their summaries (issue 8): the status
 * workflow, audiences, the per-round numbers, "acted on" shares, open feedback by age, the
 * invitation text and meeting feedback. The reference day is fixed (program.as_of 2026-05-31).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-feedback.h"
#include "hearth-feedback-round.h"
#include "hearth-feedback-summary.h"
#include "hearth-meeting.h"
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
} Fixture;

/* Ana, Ben, Eve: ambassadors; Cleo: a member; Bot: an ambassador bot; Dan: a deleted
 * ambassador; Zed: an ambassador of OTHER. Role "welcome": Ana (active), Ben (ended), Cleo
 * (active), Eve (starts after REF), Dan (deleted member). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = test_db_new (&f->td);

  test_sql (f->db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
            "('" PROGRAM "', 'Makers', '" REF "', " TS "), "
            "('" OTHER "', 'Others', '" REF "', " TS ")");
  test_sql (f->db, "INSERT INTO member (id, program_id, display_name, status, is_bot, "
            "deleted_at, created_at, updated_at) VALUES "
            "('ana', '" PROGRAM "', 'Ana', 'ambassador', 0, NULL, " TS "), "
            "('ben', '" PROGRAM "', 'Ben', 'ambassador', 0, NULL, " TS "), "
            "('eve', '" PROGRAM "', 'Eve', 'ambassador', 0, NULL, " TS "), "
            "('cleo', '" PROGRAM "', 'Cleo', 'member', 0, NULL, " TS "), "
            "('bot', '" PROGRAM "', 'Bot', 'ambassador', 1, NULL, " TS "), "
            "('dan', '" PROGRAM "', 'Dan', 'ambassador', 0, '" STAMP "', " TS "), "
            "('zed', '" OTHER "', 'Zed', 'ambassador', 0, NULL, " TS ")");
  test_sql (f->db, "INSERT INTO role (id, program_id, name, created_at, updated_at) VALUES "
            "('welcome', '" PROGRAM "', 'Welcome team', " TS ")");
  test_sql (f->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, ended_on, "
            "created_at, updated_at) VALUES "
            "('a1', 'ana', 'welcome', '2026-01-01', NULL, " TS "), "
            "('a2', 'ben', 'welcome', '2026-01-01', '2026-03-01', " TS "), "
            "('a3', 'cleo', 'welcome', '" REF "', NULL, " TS "), "
            "('a4', 'eve', 'welcome', '2026-06-01', NULL, " TS "), "
            "('a5', 'dan', 'welcome', '2026-01-01', NULL, " TS ")");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_db_free (&f->db, f->td);
}

static char *
add_round (Fixture    *f,
           const char *title,
           const char *audience,
           const char *role_id)
{
  g_autoptr(HearthFeedbackRound) round = hearth_feedback_round_new (PROGRAM, title);
  g_autoptr(GError) error = NULL;

  hearth_record_set_text (HEARTH_RECORD (round), HEARTH_FEEDBACK_ROUND_AUDIENCE, audience);
  hearth_record_set_text (HEARTH_RECORD (round), HEARTH_FEEDBACK_ROUND_AUDIENCE_ROLE_ID, role_id);
  hearth_record_insert (HEARTH_RECORD (round), f->db, &error);
  g_assert_no_error (error);

  return g_strdup (hearth_record_get_id (HEARTH_RECORD (round)));
}

static char *
add_item (Fixture            *f,
          const char         *round_id,
          const char         *member_id,
          const char         *received_on,
          const char         *status,
          gint64              rating,
          const char * const *tags)
{
  g_autoptr(HearthFeedback) item = hearth_feedback_new (member_id, received_on);
  g_autoptr(GError) error = NULL;
  HearthRecord *record = HEARTH_RECORD (item);

  hearth_record_set_text (record, HEARTH_FEEDBACK_ROUND_ID, round_id);
  hearth_record_set_text (record, HEARTH_FEEDBACK_STATUS, status);
  hearth_record_set_int (record, HEARTH_FEEDBACK_RATING, rating);
  hearth_record_set_list (record, HEARTH_FEEDBACK_TAGS, tags);
  hearth_record_set_text (record, HEARTH_FEEDBACK_TEXT, "More docs please");
  hearth_record_insert (record, f->db, &error);
  g_assert_no_error (error);

  return g_strdup (hearth_record_get_id (record));
}

static char *
status_of (Fixture    *f,
           const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status || '|' || coalesce (response, '') "
                                          "FROM feedback WHERE id = '%s'", id);

  return test_sqlite_text (hearth_database_get_handle (f->db), sql);
}

/* Runs hearth_feedback_set_status() in a transaction, committed on success. */
static gboolean
set_status (Fixture            *f,
            const char * const *ids,
            const char         *status,
            const char         *response,
            GError            **error)
{
  gboolean ok;

  g_assert_true (hearth_database_begin (f->db, NULL));
  ok = hearth_feedback_set_status (f->db, ids, status, response, error);
  if (ok)
    g_assert_true (hearth_database_commit (f->db, NULL));
  else
    hearth_database_rollback (f->db);
  return ok;
}

static void
test_workflow_table (void)
{
  struct { const char *from, *to; gboolean allowed; } cases[] = {
    { "new", "acknowledged", TRUE }, { "new", "planned", TRUE }, { "new", "done", TRUE },
    { "new", "declined", TRUE }, { "acknowledged", "planned", TRUE },
    { "acknowledged", "done", TRUE }, { "acknowledged", "declined", TRUE },
    { "planned", "done", TRUE }, { "planned", "declined", TRUE },
    { "done", "acknowledged", TRUE }, { "declined", "acknowledged", TRUE },
    { "new", "new", TRUE }, { "done", "done", TRUE },
    { "acknowledged", "new", FALSE }, { "planned", "new", FALSE },
    { "planned", "acknowledged", FALSE }, { "done", "planned", FALSE },
    { "done", "declined", FALSE }, { "declined", "done", FALSE }, { "done", "new", FALSE },
    { "declined", "planned", FALSE }, { "new", "closed", FALSE }, { NULL, "new", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (hearth_feedback_status_step_allowed (cases[i].from, cases[i].to), ==,
                     cases[i].allowed);

  g_assert_true (hearth_feedback_status_is_open ("new"));
  g_assert_true (hearth_feedback_status_is_open ("acknowledged"));
  g_assert_true (hearth_feedback_status_is_open ("planned"));
  g_assert_false (hearth_feedback_status_is_open ("done"));
  g_assert_false (hearth_feedback_status_is_open ("declined"));
  g_assert_cmpstr (hearth_feedback_status_label ("acknowledged"), ==, "Acknowledged");
  g_assert_cmpstr (hearth_feedback_channel_label ("survey"), ==, "Survey");
}

static void
test_set_status (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *a = add_item (f, NULL, "ana", "2026-05-01", "new", -1, NULL);
  g_autofree char *b = add_item (f, NULL, "ben", "2026-05-02", "acknowledged", -1, NULL);
  g_autofree char *c = add_item (f, NULL, "eve", "2026-05-03", "done", -1, NULL);
  g_autofree char *s = NULL;
  g_autoptr(GError) error = NULL;

  /* A plain step, one item. */
  {
    const char *ids[] = { a, NULL };

    g_assert_true (set_status (f, ids, "acknowledged", NULL, &error));
    g_assert_no_error (error);
    s = status_of (f, a);
    g_assert_cmpstr (s, ==, "acknowledged|");
    g_clear_pointer (&s, g_free);
  }

  /* Done needs a response: refused, naming the item; a blank one is no response. */
  {
    const char *ids[] = { a, b, NULL };

    g_assert_false (set_status (f, ids, "done", "   ", &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Ana (2026-05-01) needs a response before it is "
                     "marked done: tell the member what was done");
    g_clear_error (&error);
    g_assert_false (set_status (f, ids, "declined", NULL, &error));
    g_assert_cmpstr (error->message, ==, "Ana (2026-05-01) needs a response before it is "
                     "declined: tell the member why");
    g_clear_error (&error);
  }

  /* Bulk, all or none: Eve's item is done, and done → planned is not a step. */
  {
    const char *ids[] = { a, b, c, NULL };

    g_assert_false (set_status (f, ids, "planned", NULL, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Eve (2026-05-03) cannot go from “Done” to “Planned”");
    g_clear_error (&error);
    s = status_of (f, a);
    g_assert_cmpstr (s, ==, "acknowledged|");
    g_clear_pointer (&s, g_free);
    s = status_of (f, b);
    g_assert_cmpstr (s, ==, "acknowledged|");
    g_clear_pointer (&s, g_free);
  }

  /* Bulk with a response: both done, both answered. */
  {
    const char *ids[] = { a, b, NULL };

    g_assert_true (set_status (f, ids, "done", " Shipped in 2.0 ", &error));
    g_assert_no_error (error);
    s = status_of (f, a);
    g_assert_cmpstr (s, ==, "done|Shipped in 2.0");
    g_clear_pointer (&s, g_free);
    s = status_of (f, b);
    g_assert_cmpstr (s, ==, "done|Shipped in 2.0");
    g_clear_pointer (&s, g_free);

    /* Final, unless reopened; the response stays. */
    g_assert_false (set_status (f, ids, "new", NULL, &error));
    g_assert_cmpstr (error->message, ==, "Ana (2026-05-01) cannot go from “Done” to “New”");
    g_clear_error (&error);
    g_assert_true (set_status (f, ids, "acknowledged", NULL, &error));
    s = status_of (f, a);
    g_assert_cmpstr (s, ==, "acknowledged|Shipped in 2.0");
    g_clear_pointer (&s, g_free);

    /* The item's own response is enough to decline it. */
    g_assert_true (set_status (f, ids, "declined", NULL, &error));
    g_assert_no_error (error);
  }

  /* A missing item, an unknown status, no items. */
  {
    const char *ids[] = { a, "nope", NULL };
    const char *none[] = { NULL };

    g_assert_false (set_status (f, ids, "acknowledged", NULL, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (set_status (f, ids, "closed", NULL, &error));
    g_assert_true (g_str_has_prefix (error->message, "feedback.status:"));
    g_clear_error (&error);
    g_assert_false (set_status (f, none, "done", "x", &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  }
}

static void
assert_ids (GStrv       ids,
            const char *expected)
{
  g_autofree char *joined = g_strjoinv (",", ids);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_audience (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *all = add_round (f, "All", "all", NULL);
  g_autofree char *role = add_round (f, "Role", "role", "welcome");
  g_autofree char *chosen = add_round (f, "Chosen", "members", NULL);
  g_autoptr(GError) error = NULL;
  GStrv ids;

  ids = hearth_feedback_round_audience (f->db, all, NULL, &error);
  g_assert_no_error (error);
  assert_ids (ids, "ana,ben,eve");
  g_strfreev (ids);

  /* Cleo starts on the reference day; Eve the day after; Ben's ended; Dan is deleted. */
  ids = hearth_feedback_round_audience (f->db, role, NULL, &error);
  g_assert_no_error (error);
  assert_ids (ids, "ana,cleo");
  g_strfreev (ids);
  ids = hearth_feedback_round_audience (f->db, role, "2026-06-01", &error);
  assert_ids (ids, "ana,cleo,eve");
  g_strfreev (ids);

  ids = hearth_feedback_round_audience (f->db, chosen, NULL, &error);
  assert_ids (ids, "");
  g_strfreev (ids);

  {
    const char *members[] = { "eve", "cleo", "dan", NULL };
    const char *twice[] = { "eve", "eve", NULL };
    const char *other[] = { "ana", "zed", NULL };

    /* Dan is deleted: refused, nothing written. */
    g_assert_false (hearth_feedback_round_set_members (f->db, chosen, members, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (hearth_feedback_round_set_members (f->db, chosen, twice, &error));
    g_assert_true (g_str_has_prefix (error->message, "feedback_round_member.member_id:"));
    g_clear_error (&error);
    g_assert_false (hearth_feedback_round_set_members (f->db, chosen, other, &error));
    g_assert_true (g_str_has_prefix (error->message, "feedback_round_member.member_id:"));
    g_clear_error (&error);

    members[2] = NULL;
    g_assert_true (hearth_feedback_round_set_members (f->db, chosen, members, &error));
    g_assert_no_error (error);
    ids = hearth_feedback_round_audience (f->db, chosen, NULL, &error);
    assert_ids (ids, "cleo,eve");
    g_strfreev (ids);

    /* Replaced, not added to. */
    members[0] = "ana";
    members[1] = NULL;
    g_assert_true (hearth_feedback_round_set_members (f->db, chosen, members, &error));
    ids = hearth_feedback_round_audience (f->db, chosen, NULL, &error);
    assert_ids (ids, "ana");
    g_strfreev (ids);
  }

  /* The loader resolves the same audiences. */
  {
    g_autoptr(HearthFeedbackSummaryInput) input = NULL;

    input = hearth_feedback_summary_load (f->db, PROGRAM, REF, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (input->rounds->len, ==, 3);
    for (guint i = 0; i < input->rounds->len; i++)
      {
        HearthFeedbackRoundFact *round = g_ptr_array_index (input->rounds, i);

        if (g_str_equal (round->id, all))
          assert_ids (round->audience, "ana,ben,eve");
        else if (g_str_equal (round->id, role))
          assert_ids (round->audience, "ana,cleo");
        else
          assert_ids (round->audience, "ana");
      }
    g_assert_cmpstr (g_hash_table_lookup (input->names, "cleo"), ==, "Cleo");
    g_assert_null (g_hash_table_lookup (input->names, "dan"));
  }
}

static void
test_round_summary (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *round = add_round (f, "Docs", "all", NULL);
  g_autofree char *other = add_round (f, "Other", "all", NULL);
  const char *docs_ui[] = { "docs", "ui", NULL };
  const char *docs[] = { "docs", NULL };
  const char *ux[] = { "ux", NULL };
  g_autoptr(HearthFeedbackSummaryInput) input = NULL;
  g_autoptr(HearthFeedbackRoundSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  HearthFeedbackTagCount *tag;
  GStrv audience = NULL;
  g_autofree char *x1 = NULL, *x2 = NULL, *x3 = NULL, *x4 = NULL, *x5 = NULL, *x6 = NULL;

  /* Ana twice (ratings 5, 4), Cleo (not in the audience, 4), Dan (deleted: left out), an
   * anonymous item (rating 1), and Ben in another round. */
  x1 = add_item (f, round, "ana", "2026-05-20", "new", 5, docs_ui);
  x2 = add_item (f, round, "ana", "2026-05-21", "new", 4, docs);
  x3 = add_item (f, round, "cleo", "2026-05-21", "new", 4, ux);
  x4 = add_item (f, round, "dan", "2026-05-21", "new", 2, ux);
  x5 = add_item (f, round, NULL, "2026-05-22", "new", 1, NULL);
  x6 = add_item (f, other, "ben", "2026-05-22", "new", 3, ux);

  input = hearth_feedback_summary_load (f->db, PROGRAM, REF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->items->len, ==, 5);
  for (guint i = 0; i < input->rounds->len; i++)
    if (g_str_equal (((HearthFeedbackRoundFact *)g_ptr_array_index (input->rounds, i))->id, round))
      audience = ((HearthFeedbackRoundFact *)g_ptr_array_index (input->rounds, i))->audience;
  g_assert_nonnull (audience);

  summary = hearth_feedback_round_summarize (round, (const char * const *)audience, input->items);
  g_assert_cmpuint (summary->audience_size, ==, 3);
  g_assert_cmpuint (summary->responders, ==, 2);              /* Ana and Cleo */
  g_assert_cmpfloat_with_epsilon (summary->response_rate, 1.0 / 3, 1e-9);  /* Ana of 3 */
  g_assert_cmpuint (summary->n_rated, ==, 4);
  g_assert_cmpfloat_with_epsilon (summary->average_rating, 14.0 / 4, 1e-9);
  g_assert_cmpuint (summary->rating_counts[0], ==, 1);
  g_assert_cmpuint (summary->rating_counts[1], ==, 0);
  g_assert_cmpuint (summary->rating_counts[2], ==, 0);
  g_assert_cmpuint (summary->rating_counts[3], ==, 2);
  g_assert_cmpuint (summary->rating_counts[4], ==, 1);
  assert_ids (summary->not_answered, "ben,eve");
  g_assert_cmpuint (summary->tags->len, ==, 3);
  tag = g_ptr_array_index (summary->tags, 0);
  g_assert_cmpstr (tag->tag, ==, "docs");
  g_assert_cmpuint (tag->count, ==, 2);
  tag = g_ptr_array_index (summary->tags, 1);   /* ties by tag */
  g_assert_cmpstr (tag->tag, ==, "ui");
  g_assert_cmpuint (tag->count, ==, 1);
  tag = g_ptr_array_index (summary->tags, 2);
  g_assert_cmpstr (tag->tag, ==, "ux");
  g_clear_pointer (&summary, hearth_feedback_round_summary_free);

  /* No audience, no ratings. */
  summary = hearth_feedback_round_summarize ("none", NULL, input->items);
  g_assert_cmpuint (summary->audience_size, ==, 0);
  g_assert_cmpfloat (summary->response_rate, ==, -1);
  g_assert_cmpfloat (summary->average_rating, ==, -1);
  g_assert_cmpuint (summary->tags->len, ==, 0);
  g_assert_cmpuint (g_strv_length (summary->not_answered), ==, 0);
}

static HearthFeedbackFact *
fact (const char *member_id,
      const char *received_on,
      const char *status)
{
  HearthFeedbackFact *item = g_new0 (HearthFeedbackFact, 1);

  item->member_id = g_strdup (member_id);
  item->received_on = g_strdup (received_on);
  item->status = g_strdup (status);
  item->rating = -1;
  item->tags = g_new0 (char *, 1);
  return item;
}

static void
test_acted_on (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_feedback_fact_free);
  g_autoptr(GPtrArray) shares = NULL;
  HearthFeedbackMemberShare *share;
  guint n = 0;

  /* Ana: planned, done, declined, new → 2 of 4. Ben: declined → 0 of 1. */
  g_ptr_array_add (items, fact ("ana", "2026-05-01", "planned"));
  g_ptr_array_add (items, fact ("ana", "2026-05-01", "done"));
  g_ptr_array_add (items, fact ("ana", "2026-05-01", "declined"));
  g_ptr_array_add (items, fact ("ana", "2026-05-01", "new"));
  g_ptr_array_add (items, fact ("ben", "2026-05-01", "declined"));
  g_ptr_array_add (items, fact (NULL, "2026-05-01", "done"));

  g_assert_cmpfloat (hearth_feedback_acted_on_share (items, "ana", &n), ==, 0.5);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (hearth_feedback_acted_on_share (items, "ben", &n), ==, 0);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (hearth_feedback_acted_on_share (items, "eve", &n), ==, -1);
  g_assert_cmpuint (n, ==, 0);

  shares = hearth_feedback_member_shares (items);
  g_assert_cmpuint (shares->len, ==, 2);
  share = g_ptr_array_index (shares, 0);
  g_assert_cmpstr (share->member_id, ==, "ana");
  g_assert_cmpuint (share->n_items, ==, 4);
  g_assert_cmpuint (share->n_acted_on, ==, 2);
  g_assert_cmpfloat (share->share, ==, 0.5);
  share = g_ptr_array_index (shares, 1);
  g_assert_cmpstr (share->member_id, ==, "ben");
  g_assert_cmpfloat (share->share, ==, 0);
}

static void
test_age_buckets (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_feedback_fact_free);
  guint counts[HEARTH_FEEDBACK_AGE_N_BUCKETS];

  g_assert_cmpint (hearth_feedback_age_bucket (0), ==, HEARTH_FEEDBACK_AGE_WEEK);
  g_assert_cmpint (hearth_feedback_age_bucket (7), ==, HEARTH_FEEDBACK_AGE_WEEK);
  g_assert_cmpint (hearth_feedback_age_bucket (8), ==, HEARTH_FEEDBACK_AGE_FORTNIGHT);
  g_assert_cmpint (hearth_feedback_age_bucket (14), ==, HEARTH_FEEDBACK_AGE_FORTNIGHT);
  g_assert_cmpint (hearth_feedback_age_bucket (15), ==, HEARTH_FEEDBACK_AGE_MONTH);
  g_assert_cmpint (hearth_feedback_age_bucket (30), ==, HEARTH_FEEDBACK_AGE_MONTH);
  g_assert_cmpint (hearth_feedback_age_bucket (31), ==, HEARTH_FEEDBACK_AGE_QUARTER);
  g_assert_cmpint (hearth_feedback_age_bucket (90), ==, HEARTH_FEEDBACK_AGE_QUARTER);
  g_assert_cmpint (hearth_feedback_age_bucket (91), ==, HEARTH_FEEDBACK_AGE_OLDER);
  g_assert_cmpstr (hearth_feedback_age_bucket_label (HEARTH_FEEDBACK_AGE_OLDER), ==,
                   "Over 90 days");

  /* REF 2026-05-31: 05-24 is 7 days, 05-23 8, 05-17 14, 05-16 15, 05-01 30, 04-30 31,
   * 03-02 90, 03-01 91. Closed items and damaged dates are left out. */
  g_ptr_array_add (items, fact ("a", "2026-05-31", "new"));
  g_ptr_array_add (items, fact ("a", "2026-05-24", "acknowledged"));
  g_ptr_array_add (items, fact ("a", "2026-05-23", "planned"));
  g_ptr_array_add (items, fact ("a", "2026-05-17", "new"));
  g_ptr_array_add (items, fact ("a", "2026-05-16", "new"));
  g_ptr_array_add (items, fact ("a", "2026-05-01", "new"));
  g_ptr_array_add (items, fact ("a", "2026-04-30", "new"));
  g_ptr_array_add (items, fact ("a", "2026-03-02", "new"));
  g_ptr_array_add (items, fact ("a", "2026-03-01", "new"));
  g_ptr_array_add (items, fact ("a", "2020-01-01", "done"));
  g_ptr_array_add (items, fact ("a", "2020-01-01", "declined"));
  g_ptr_array_add (items, fact ("a", "someday", "new"));

  hearth_feedback_open_by_age (items, REF, counts);
  g_assert_cmpuint (counts[HEARTH_FEEDBACK_AGE_WEEK], ==, 2);
  g_assert_cmpuint (counts[HEARTH_FEEDBACK_AGE_FORTNIGHT], ==, 2);
  g_assert_cmpuint (counts[HEARTH_FEEDBACK_AGE_MONTH], ==, 2);
  g_assert_cmpuint (counts[HEARTH_FEEDBACK_AGE_QUARTER], ==, 2);
  g_assert_cmpuint (counts[HEARTH_FEEDBACK_AGE_OLDER], ==, 1);
}

static void
test_invitation (void)
{
  const char *questions[] = { "What slows you down?", "", "What should we keep?", NULL };
  g_autofree char *text = NULL;

  text = hearth_feedback_invitation_text ("New editor", "The editor coming in June", questions,
                                          "2026-06-14", "Makers");
  g_assert_cmpstr (text, ==,
                   "Hello from Makers!\n"
                   "\n"
                   "We would like your feedback on “New editor”.\n"
                   "What it is about: The editor coming in June\n"
                   "\n"
                   "1. What slows you down?\n"
                   "2. What should we keep?\n"
                   "\n"
                   "Please reply by June 14, 2026.\n"
                   "Thank you!");
  g_clear_pointer (&text, g_free);

  text = hearth_feedback_invitation_text ("Events", NULL, NULL, NULL, NULL);
  g_assert_cmpstr (text, ==,
                   "Hello!\n"
                   "\n"
                   "We would like your feedback on “Events”.\n"
                   "\n"
                   "Just reply with your thoughts.\n"
                   "\n"
                   "Thank you!");
}

static void
test_meeting (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HearthMeeting) meeting = hearth_meeting_new (PROGRAM, "2026-05-12");
  g_autoptr(HearthMeetingAction) action = NULL;
  g_autoptr(HearthFeedback) item = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *tags[] = { "events", NULL };
  const char *attendees[] = { "ben", "ana", NULL };
  const char *stranger[] = { "zed", NULL };
  GStrv ids;

  hearth_record_insert (HEARTH_RECORD (meeting), f->db, &error);
  g_assert_no_error (error);

  g_assert_true (hearth_meeting_set_attendees (f->db, hearth_record_get_id (HEARTH_RECORD (meeting)),
                                               attendees, &error));
  g_assert_no_error (error);
  g_assert_false (hearth_meeting_set_attendees (f->db, hearth_record_get_id (HEARTH_RECORD (meeting)),
                                                stranger, &error));
  g_assert_true (g_str_has_prefix (error->message, "meeting_attendee.member_id:"));
  g_clear_error (&error);
  ids = hearth_meeting_load_attendees (f->db, hearth_record_get_id (HEARTH_RECORD (meeting)), &error);
  assert_ids (ids, "ana,ben");
  g_strfreev (ids);

  action = hearth_meeting_action_new (hearth_record_get_id (HEARTH_RECORD (meeting)), "Send slides");
  hearth_record_insert (HEARTH_RECORD (action), f->db, &error);
  g_assert_no_error (error);
  actions = hearth_meeting_action_load_for_meeting (f->db,
                                                    hearth_record_get_id (HEARTH_RECORD (meeting)),
                                                    &error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_null (hearth_meeting_action_get_done_on (g_ptr_array_index (actions, 0)));

  g_assert_true (hearth_meeting_record_feedback (f->db,
                                                 hearth_record_get_id (HEARTH_RECORD (meeting)),
                                                 "ana", "More meetups", 4, tags, &id, &error));
  g_assert_no_error (error);
  item = hearth_record_load_by_id (HEARTH_TYPE_FEEDBACK, f->db, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_feedback_get_channel (item), ==, "meeting");
  g_assert_cmpstr (hearth_feedback_get_meeting_id (item), ==,
                   hearth_record_get_id (HEARTH_RECORD (meeting)));
  g_assert_cmpstr (hearth_feedback_get_received_on (item), ==, "2026-05-12");
  g_assert_cmpstr (hearth_feedback_get_status (item), ==, "new");
  g_assert_cmpint (hearth_feedback_get_rating (item), ==, 4);
  g_assert_cmpstr (hearth_feedback_get_tags (item)[0], ==, "events");

  g_assert_false (hearth_meeting_record_feedback (f->db,
                                                  hearth_record_get_id (HEARTH_RECORD (meeting)),
                                                  "zed", "x", -1, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "feedback.member_id:"));
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
  g_autoptr(HearthFeedback) item = hearth_feedback_new ("ana", "2026-05-01");
  g_autoptr(HearthFeedbackRound) round = hearth_feedback_round_new (PROGRAM, "Docs");
  HearthRecord *i = HEARTH_RECORD (item);
  HearthRecord *r = HEARTH_RECORD (round);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_record_validate (i, &error));
  g_assert_cmpstr (hearth_feedback_get_channel (item), ==, "other");
  g_assert_cmpstr (hearth_feedback_get_status (item), ==, "new");
  g_assert_cmpint (hearth_feedback_get_rating (item), ==, -1);

  hearth_record_set_int (i, HEARTH_FEEDBACK_RATING, 0);
  assert_invalid (i, "feedback.rating: expected a rating from 1 to 5");
  hearth_record_set_int (i, HEARTH_FEEDBACK_RATING, 6);
  assert_invalid (i, "feedback.rating: expected a rating from 1 to 5");
  hearth_record_set_int (i, HEARTH_FEEDBACK_RATING, 5);
  g_assert_true (hearth_record_validate (i, &error));
  hearth_record_set_text (i, HEARTH_FEEDBACK_CHANNEL, "email");
  assert_invalid (i, "feedback.channel: expected one of meeting, message, survey, other");
  hearth_record_set_text (i, HEARTH_FEEDBACK_CHANNEL, "survey");
  hearth_record_set_text (i, HEARTH_FEEDBACK_STATUS, "closed");
  assert_invalid (i, "feedback.status:");
  hearth_record_set_text (i, HEARTH_FEEDBACK_STATUS, "new");
  hearth_record_set_text (i, HEARTH_FEEDBACK_RECEIVED_ON, "2026-02-30");
  assert_invalid (i, "feedback.received_on:");

  g_assert_true (hearth_record_validate (r, &error));
  g_assert_cmpstr (hearth_feedback_round_get_status (round), ==, "draft");
  g_assert_cmpstr (hearth_feedback_round_get_audience (round), ==, "all");
  hearth_record_set_text (r, HEARTH_FEEDBACK_ROUND_AUDIENCE, "role");
  assert_invalid (r, "feedback_round.audience_role_id:");
  hearth_record_set_text (r, HEARTH_FEEDBACK_ROUND_AUDIENCE, "everyone");
  assert_invalid (r, "feedback_round.audience:");
  hearth_record_set_text (r, HEARTH_FEEDBACK_ROUND_AUDIENCE, "all");
  hearth_record_set_text (r, HEARTH_FEEDBACK_ROUND_OPENS_ON, "2026-06-01");
  hearth_record_set_text (r, HEARTH_FEEDBACK_ROUND_CLOSES_ON, "2026-05-01");
  assert_invalid (r, "feedback_round.closes_on:");
  hearth_record_set_text (r, HEARTH_FEEDBACK_ROUND_TITLE, "");
  assert_invalid (r, "feedback_round.title:");
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  test_init_english (&argc, &argv, FALSE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/feedback/workflow/table", test_workflow_table);
  ADD ("/feedback/workflow/set-status", test_set_status);
  ADD ("/feedback/round/audience", test_audience);
  ADD ("/feedback/round/summary", test_round_summary);
  g_test_add_func ("/feedback/acted-on", test_acted_on);
  g_test_add_func ("/feedback/age-buckets", test_age_buckets);
  g_test_add_func ("/feedback/invitation", test_invitation);
  ADD ("/feedback/meeting", test_meeting);
  g_test_add_func ("/feedback/validation", test_validation);

#undef ADD

  return g_test_run ();
}
