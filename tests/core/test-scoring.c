/* test-scoring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidate scoring (DESIGN §5) on small databases written with plain SQL. The program's as_of
 * fixes the reference day (2026-05-31, a Sunday), so no test reads the clock. Each trait is
 * checked against numbers worked out by hand from §5, with the edges: the window's first and last
 * day, no messages, observations blended in, weights, consent, bots, flags and reproducibility.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hearth-scoring.h"
#include "hearth-settings.h"
#include "test-util.h"

#define PROGRAM "p0000000-0000-4000-8000-000000000001"
#define REF     "2026-05-31"
#define STAMP   "2026-01-01T00:00:00.000Z"

typedef struct
{
  TestDir        *td;
  HearthDatabase *db;
  guint           serial;
} Ctx;

static Ctx *
ctx_new (void)
{
  Ctx *ctx = g_new0 (Ctx, 1);

  ctx->db = test_db_new (&ctx->td);
  exec_ok (ctx->db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES ('"
                    PROGRAM "', 'Makers', '" REF "', '" STAMP "', '" STAMP "')");

  return ctx;
}

static void
ctx_free (Ctx *ctx)
{
  test_db_free (&ctx->db, ctx->td);
  g_free (ctx);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ctx, ctx_free)

/* The day @days_before the reference day, as YYYY-MM-DD (static buffers, four in rotation). */
static const char *
day_before (int days_before)
{
  static char buffers[4][11];
  static guint next;
  char *out = buffers[next++ % 4];
  g_autoptr(GDate) date = g_date_new_dmy (31, G_DATE_MAY, 2026);

  if (days_before >= 0)
    g_date_subtract_days (date, days_before);
  else
    g_date_add_days (date, -days_before);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));

  return out;
}

static void
add_member_full (Ctx        *ctx,
                 const char *id,
                 const char *name,
                 const char *joined_on,
                 gboolean    bot)
{
  g_autofree char *joined = joined_on != NULL ? g_strdup_printf ("'%s'", joined_on)
                                              : g_strdup ("NULL");

  test_sql (ctx->db, "INSERT INTO member (id, program_id, display_name, joined_on, is_bot, created_at, "
            "updated_at) VALUES ('%s', '" PROGRAM "', '%s', %s, %d, '" STAMP "', '" STAMP "')",
       id, name, joined, bot ? 1 : 0);
}

static void
add_member (Ctx        *ctx,
            const char *id,
            const char *name)
{
  add_member_full (ctx, id, name, "2020-01-01", FALSE);
}

static void
add_activity (Ctx        *ctx,
              const char *member,
              int         days_before,
              const char *kind,
              int         count)
{
  test_sql (ctx->db, "INSERT INTO activity (member_id, day, kind, count) VALUES ('%s', '%s', '%s', %d)",
       member, day_before (days_before), kind, count);
}

static void
add_observation (Ctx        *ctx,
                 const char *member,
                 const char *trait,
                 int         rating)
{
  test_sql (ctx->db, "INSERT INTO observation (id, member_id, trait, rating, observed_on, created_at, "
            "updated_at) VALUES ('o%u', '%s', '%s', %d, '2026-05-01', '" STAMP "', '" STAMP "')",
       ++ctx->serial, member, trait, rating);
}

/* @nominator_id and @name may be NULL; @deleted makes it a tombstone. */
static void
add_nomination (Ctx        *ctx,
                const char *nominee,
                const char *nominator_id,
                const char *name,
                const char *consent,
                gboolean    deleted)
{
  g_autofree char *id = nominator_id ? g_strdup_printf ("'%s'", nominator_id) : g_strdup ("NULL");
  g_autofree char *who = name ? g_strdup_printf ("'%s'", name) : g_strdup ("NULL");

  test_sql (ctx->db, "INSERT INTO nomination (id, nominee_id, nominator_id, nominator_name, created_on, "
            "consent, created_at, updated_at, deleted_at) VALUES ('n%u', '%s', %s, %s, "
            "'2024-01-01', '%s', '" STAMP "', '" STAMP "', %s)",
       ++ctx->serial, nominee, id, who, consent, deleted ? "'" STAMP "'" : "NULL");
}

static HearthScoreSet *
run_scoring (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  HearthScoreSet *set = hearth_scoring_run (ctx->db, PROGRAM, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpstr (set->reference_day, ==, REF);

  return set;
}

static HearthCandidate *
lookup (HearthScoreSet *set,
        const char     *id)
{
  HearthCandidate *c = hearth_score_set_lookup (set, id);

  g_assert_nonnull (c);
  g_assert_cmpstr (c->member_id, ==, id);

  return c;
}

#define assert_score(c, trait, expected) \
  G_STMT_START { \
    g_assert_true ((c)->traits[trait].assessed); \
    g_assert_cmpfloat_with_epsilon ((c)->traits[trait].score, (expected), 1e-9); \
  } G_STMT_END

#define assert_not_assessed(c, trait) \
  G_STMT_START { \
    g_assert_false ((c)->traits[trait].assessed); \
    g_assert_cmpint ((c)->traits[trait].confidence, ==, HEARTH_CONFIDENCE_NONE); \
  } G_STMT_END

/* The evidence of @trait holds a sentence equal to @sentence. */
static gboolean
has_evidence (HearthCandidate *c,
              HearthTrait      trait,
              const char      *sentence)
{
  char **evidence = c->traits[trait].evidence;

  g_assert_nonnull (evidence);
  for (guint i = 0; evidence[i] != NULL; i++)
    if (strcmp (evidence[i], sentence) == 0)
      return TRUE;

  g_test_message ("evidence of %s:", hearth_trait_to_string (trait));
  for (guint i = 0; evidence[i] != NULL; i++)
    g_test_message ("  %s", evidence[i]);
  return FALSE;
}

static void
test_strings (void)
{
  g_assert_cmpstr (hearth_trait_to_string (HEARTH_TRAIT_CONSISTENCY), ==, "consistency");
  g_assert_cmpstr (hearth_trait_to_string (HEARTH_TRAIT_EMPATHY), ==, "empathy");
  g_assert_cmpstr (hearth_trait_to_string (HEARTH_TRAIT_ALIGNMENT), ==, "alignment");
  g_assert_cmpstr (hearth_trait_to_string (HEARTH_TRAIT_INITIATIVE), ==, "initiative");
  g_assert_cmpstr (hearth_trait_to_string (HEARTH_TRAIT_CREDIBILITY), ==, "credibility");
  g_assert_null (hearth_confidence_to_string (HEARTH_CONFIDENCE_NONE));
  g_assert_cmpstr (hearth_confidence_to_string (HEARTH_CONFIDENCE_LOW), ==, "low");
  g_assert_cmpstr (hearth_confidence_to_string (HEARTH_CONFIDENCE_MEDIUM), ==, "medium");
  g_assert_cmpstr (hearth_confidence_to_string (HEARTH_CONFIDENCE_HIGH), ==, "high");
  g_assert_cmpstr (hearth_candidate_flag_to_string (HEARTH_CANDIDATE_FLAG_NEW), ==, "new");
  g_assert_cmpstr (hearth_candidate_flag_to_string (HEARTH_CANDIDATE_FLAG_HAS_ROLE), ==, "has_role");
  g_assert_cmpstr (hearth_candidate_flag_to_string (HEARTH_CANDIDATE_FLAG_DECLINED_BEFORE), ==,
                   "declined_before");
  g_assert_cmpstr (hearth_candidate_flag_to_string (HEARTH_CANDIDATE_FLAG_INACTIVE), ==, "inactive");
  g_assert_cmpstr (hearth_candidate_flag_to_string (HEARTH_CANDIDATE_FLAG_BOT), ==, "bot");
}

static void
test_no_activity (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) set = NULL;
  HearthCandidate *c;

  add_member (ctx, "m1", "Quiet");
  set = run_scoring (ctx);

  g_assert_cmpuint (set->window_weeks, ==, 12);
  g_assert_cmpuint (set->candidates->len, ==, 1);
  c = lookup (set, "m1");
  g_assert_null (hearth_score_set_lookup (set, "nobody"));

  /* Three analytic traits at 0, credibility by its nomination part alone (0), no alignment. */
  assert_score (c, HEARTH_TRAIT_CONSISTENCY, 0);
  assert_score (c, HEARTH_TRAIT_INITIATIVE, 0);
  assert_score (c, HEARTH_TRAIT_EMPATHY, 0);
  assert_score (c, HEARTH_TRAIT_CREDIBILITY, 0);
  assert_not_assessed (c, HEARTH_TRAIT_ALIGNMENT);
  g_assert_true (c->assessed);
  g_assert_cmpfloat (c->overall, ==, 0);
  g_assert_cmpuint (c->active_weeks, ==, 0);
  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    if (t != HEARTH_TRAIT_ALIGNMENT)
      g_assert_cmpint (c->traits[t].confidence, ==, HEARTH_CONFIDENCE_LOW);
  g_assert_true (c->flags & HEARTH_CANDIDATE_FLAG_INACTIVE);

  g_assert_true (has_evidence (c, HEARTH_TRAIT_CONSISTENCY, "Active in 0 of the last 12 weeks"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_INITIATIVE,
                               "No threads, events or shared content in the last 12 weeks"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_EMPATHY,
                               "No replies, welcomes or answers in the last 12 weeks"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY,
                               "Not nominated yet (accepted nominations only)"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_ALIGNMENT, "Not yet assessed"));
  for (guint w = 0; w < HEARTH_SCORING_SPARK_WEEKS; w++)
    g_assert_cmpuint (c->weekly[w], ==, 0);
}

typedef struct
{
  const char *name;
  /* activity: day offsets and kinds, ending at a NULL kind */
  struct { int days_before; const char *kind; int count; } rows[8];
  guint       active_weeks;
  double      consistency;
  double      initiative;
  double      empathy;
  double      credibility;
  HearthConfidence confidence;
} TraitCase;

/* W = 12 throughout. */
static const TraitCase trait_cases[] = {
  { "one message on the reference day", { { 0, "message", 1 } },
    1, 100.0 / 12, 0, 0, 0, HEARTH_CONFIDENCE_LOW },
  { "everything on one day",
    { { 3, "thread_started", 20 }, { 3, "reply", 10 }, { 3, "welcome", 5 }, { 3, "answer", 3 },
      { 3, "message", 4 }, { 3, "reaction_received", 12 } },
    /* initiative min(1, 20/12); empathy 18/36; credibility mean(min(1, 12/4/2), 0) */
    1, 100.0 / 12, 100, 50, 50, HEARTH_CONFIDENCE_LOW },
  { "reactions without messages: no reaction part",
    { { 1, "reaction_received", 10 }, { 8, "event_attended", 2 } },
    2, 200.0 / 12, 0, 0, 0, HEARTH_CONFIDENCE_LOW },
  { "three weeks: medium; initiative and empathy partial",
    { { 0, "event_promoted", 2 }, { 7, "content_shared", 1 }, { 14, "thread_started", 3 },
      { 14, "answer", 9 }, { 20, "message", 10 }, { 20, "reaction_received", 9 } },
    /* initiative 6/12; empathy 9/36; credibility mean(0.45, 0) */
    3, 25, 50, 25, 22.5, HEARTH_CONFIDENCE_MEDIUM },
  { "eight weeks: high",
    { { 0, "message", 1 }, { 7, "message", 1 }, { 14, "message", 1 }, { 21, "message", 1 },
      { 28, "message", 1 }, { 35, "message", 1 }, { 42, "message", 1 }, { 49, "reply", 36 } },
    /* credibility mean(0 reactions / 7 messages, 0) */
    8, 800.0 / 12, 0, 100, 0, HEARTH_CONFIDENCE_HIGH },
};

static void
test_traits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (trait_cases); i++)
    {
      const TraitCase *tc = &trait_cases[i];
      g_autoptr(Ctx) ctx = ctx_new ();
      g_autoptr(HearthScoreSet) set = NULL;
      HearthCandidate *c;

      g_test_message ("case: %s", tc->name);
      add_member (ctx, "m1", "Case");
      for (guint r = 0; r < G_N_ELEMENTS (tc->rows) && tc->rows[r].kind != NULL; r++)
        add_activity (ctx, "m1", tc->rows[r].days_before, tc->rows[r].kind, tc->rows[r].count);

      set = run_scoring (ctx);
      c = lookup (set, "m1");
      g_assert_cmpuint (c->active_weeks, ==, tc->active_weeks);
      assert_score (c, HEARTH_TRAIT_CONSISTENCY, tc->consistency);
      assert_score (c, HEARTH_TRAIT_INITIATIVE, tc->initiative);
      assert_score (c, HEARTH_TRAIT_EMPATHY, tc->empathy);
      assert_score (c, HEARTH_TRAIT_CREDIBILITY, tc->credibility);
      assert_not_assessed (c, HEARTH_TRAIT_ALIGNMENT);
      g_assert_cmpfloat_with_epsilon (c->overall, (tc->consistency + tc->initiative + tc->empathy +
                                                   tc->credibility) / 4, 1e-9);
      for (guint t = 0; t < HEARTH_N_TRAITS; t++)
        if (t != HEARTH_TRAIT_ALIGNMENT)
          g_assert_cmpint (c->traits[t].confidence, ==, tc->confidence);
    }
}

/* Credibility: the reaction part exists with messages; nominations count when accepted, once
 * per nominator (by id, else by name ignoring case), whenever they were made. */
static void
test_credibility (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) set = NULL;
  HearthCandidate *c;

  add_member (ctx, "m1", "Nominee");
  add_member (ctx, "m2", "Peer");
  add_member (ctx, "m3", "Other peer");
  add_member (ctx, "m4", "Reactions only");
  add_member (ctx, "m5", "Many peers");

  /* m1: 10 messages, 9 reactions (0.9 per message: part 0.45); two distinct nominators. */
  add_activity (ctx, "m1", 2, "message", 10);
  add_activity (ctx, "m1", 2, "reaction_received", 9);
  add_nomination (ctx, "m1", "m2", "Peer", "accepted", FALSE);
  add_nomination (ctx, "m1", "m2", "Peer", "accepted", FALSE);       /* same nominator again */
  add_nomination (ctx, "m1", "m3", NULL, "open", FALSE);             /* not accepted */
  add_nomination (ctx, "m1", "m3", NULL, "declined", FALSE);         /* not accepted */
  add_nomination (ctx, "m1", NULL, "Outside Friend", "accepted", FALSE);
  add_nomination (ctx, "m1", NULL, "OUTSIDE FRIEND", "accepted", FALSE); /* same, by name */
  add_nomination (ctx, "m1", "m5", NULL, "accepted", TRUE);          /* deleted */

  /* m4: reactions but no message: the nomination part alone (3 nominators: 1). */
  add_activity (ctx, "m4", 2, "reaction_received", 40);
  add_nomination (ctx, "m4", "m2", NULL, "accepted", FALSE);
  add_nomination (ctx, "m4", "m3", NULL, "accepted", FALSE);
  add_nomination (ctx, "m4", NULL, "Élodie", "accepted", FALSE);
  add_nomination (ctx, "m4", NULL, "élodie", "accepted", FALSE);

  /* m5: five nominators cap at 1; 6 reactions per message cap at 1. */
  add_activity (ctx, "m5", 0, "message", 2);
  add_activity (ctx, "m5", 0, "reaction_received", 12);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Friend %u", i);

      add_nomination (ctx, "m5", NULL, name, "accepted", FALSE);
    }

  set = run_scoring (ctx);

  c = lookup (set, "m1");
  assert_score (c, HEARTH_TRAIT_CREDIBILITY, 100 * (0.45 + 2.0 / 3) / 2);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Nominated by 2 peers"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Received 0.9 reactions per message"));

  c = lookup (set, "m4");
  assert_score (c, HEARTH_TRAIT_CREDIBILITY, 100);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Nominated by 3 peers"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY,
                               "No messages in the last 12 weeks to weigh reactions against"));

  c = lookup (set, "m5");
  assert_score (c, HEARTH_TRAIT_CREDIBILITY, 100);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Nominated by 5 peers"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Received 6.0 reactions per message"));

  c = lookup (set, "m2");
  assert_score (c, HEARTH_TRAIT_CREDIBILITY, 0);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY,
                               "Not nominated yet (accepted nominations only)"));
}

/* Observations: averaged among themselves, then blended with an analytic part; alignment is
 * observations only, with its confidence by their count. */
static void
test_observations (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) set = NULL;
  HearthCandidate *c;

  add_member (ctx, "m1", "Observed");
  add_member (ctx, "m2", "Two");
  add_member (ctx, "m3", "Three");

  /* m1: six active weeks (consistency 50), consistency ratings 5 and 4 (87.5): 68.75. */
  for (int w = 0; w < 6; w++)
    add_activity (ctx, "m1", 7 * w, "message", 1);
  add_observation (ctx, "m1", "consistency", 5);
  add_observation (ctx, "m1", "consistency", 4);
  add_observation (ctx, "m1", "alignment", 4);
  /* A deleted observation counts for nothing. */
  add_observation (ctx, "m1", "alignment", 1);
  test_sql (ctx->db, "UPDATE observation SET deleted_at = '" STAMP "' WHERE id = 'o%u'", ctx->serial);

  add_observation (ctx, "m2", "alignment", 3);
  add_observation (ctx, "m2", "alignment", 5);
  add_observation (ctx, "m3", "alignment", 2);
  add_observation (ctx, "m3", "alignment", 3);
  add_observation (ctx, "m3", "alignment", 4);
  add_observation (ctx, "m3", "empathy", 1);

  set = run_scoring (ctx);

  c = lookup (set, "m1");
  assert_score (c, HEARTH_TRAIT_CONSISTENCY, (50 + 87.5) / 2);
  /* Confidence of a blended analytic trait stays by active weeks. */
  g_assert_cmpint (c->traits[HEARTH_TRAIT_CONSISTENCY].confidence, ==, HEARTH_CONFIDENCE_MEDIUM);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CONSISTENCY, "Active in 6 of the last 12 weeks"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CONSISTENCY,
                               "Blended with 2 observations (average 4.5 of 5)"));
  assert_score (c, HEARTH_TRAIT_ALIGNMENT, 75);
  g_assert_cmpint (c->traits[HEARTH_TRAIT_ALIGNMENT].confidence, ==, HEARTH_CONFIDENCE_LOW);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_ALIGNMENT, "Rated 4 of 5 in 1 observation"));
  g_assert_cmpuint (g_strv_length (c->traits[HEARTH_TRAIT_EMPATHY].evidence), ==, 1);

  c = lookup (set, "m2");
  assert_score (c, HEARTH_TRAIT_ALIGNMENT, 75);
  g_assert_cmpint (c->traits[HEARTH_TRAIT_ALIGNMENT].confidence, ==, HEARTH_CONFIDENCE_MEDIUM);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_ALIGNMENT, "Rated 4 of 5 in 2 observations"));

  c = lookup (set, "m3");
  assert_score (c, HEARTH_TRAIT_ALIGNMENT, 50);
  g_assert_cmpint (c->traits[HEARTH_TRAIT_ALIGNMENT].confidence, ==, HEARTH_CONFIDENCE_HIGH);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_ALIGNMENT, "Rated 3 of 5 in 3 observations"));
  /* Empathy: analytic 0, one rating of 1 (0): still 0, blended. */
  assert_score (c, HEARTH_TRAIT_EMPATHY, 0);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_EMPATHY,
                               "Blended with 1 observation (average 1 of 5)"));
  /* Overall: consistency 0, empathy 0, alignment 50, initiative 0, credibility 0. */
  g_assert_cmpfloat_with_epsilon (c->overall, 10, 1e-9);
}

static void
test_weights (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(GError) error = NULL;
  HearthCandidate *c;
  /* consistency 50, initiative 50, empathy 0, credibility 0, alignment 100 */
  double consistency = 50, initiative = 50, alignment = 100;

  add_member (ctx, "m1", "Weighed");
  for (int w = 0; w < 6; w++)
    add_activity (ctx, "m1", 7 * w, "thread_started", 1);
  add_observation (ctx, "m1", "alignment", 5);

  {
    g_autoptr(HearthScoreSet) set = run_scoring (ctx);

    c = lookup (set, "m1");
    assert_score (c, HEARTH_TRAIT_INITIATIVE, initiative);
    g_assert_cmpfloat_with_epsilon (c->overall, (consistency + initiative + alignment) / 5, 1e-9);
  }

  hearth_settings_set_int (ctx->db, PROGRAM, "weight_alignment", 0, &error);
  g_assert_no_error (error);
  hearth_settings_set_int (ctx->db, PROGRAM, "weight_consistency", 2, &error);
  g_assert_no_error (error);

  {
    g_autoptr(HearthScoreSet) set = run_scoring (ctx);

    g_assert_cmpfloat (set->weights[HEARTH_TRAIT_ALIGNMENT], ==, 0);
    g_assert_cmpfloat (set->weights[HEARTH_TRAIT_CONSISTENCY], ==, 2);
    g_assert_cmpfloat (set->weights[HEARTH_TRAIT_EMPATHY], ==, 1);
    c = lookup (set, "m1");
    /* The trait is still scored; it only weighs nothing. */
    assert_score (c, HEARTH_TRAIT_ALIGNMENT, alignment);
    g_assert_cmpfloat_with_epsilon (c->overall, (2 * consistency + initiative) / 5, 1e-9);
  }

  /* Every weight 0: assessed, overall 0. */
  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    {
      g_autofree char *key = g_strdup_printf ("weight_%s", hearth_trait_to_string (t));

      hearth_settings_set_int (ctx->db, PROGRAM, key, 0, &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(HearthScoreSet) set = run_scoring (ctx);

    c = lookup (set, "m1");
    g_assert_true (c->assessed);
    g_assert_cmpfloat (c->overall, ==, 0);
  }
}

/* The window is W seven-day blocks ending on the reference day: a row on the reference day and
 * one on ref − 7W + 1 count, one on ref − 7W does not (but is in the 26-week sparkline). */
static void
test_window_boundaries (void)
{
  guint windows[] = { 12, 2, 30 };

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autoptr(Ctx) ctx = ctx_new ();
      g_autoptr(HearthScoreSet) set = NULL;
      g_autoptr(GError) error = NULL;
      guint W = windows[i];
      int first = 7 * W - 1, outside = 7 * W;
      HearthCandidate *c;

      if (W != 12)
        {
          hearth_settings_set_int (ctx->db, PROGRAM, HEARTH_SETTING_WINDOW_WEEKS, W, &error);
          g_assert_no_error (error);
        }

      add_member (ctx, "m1", "Edges");
      add_activity (ctx, "m1", 0, "thread_started", 1);
      add_activity (ctx, "m1", first, "thread_started", 2);
      add_activity (ctx, "m1", outside, "thread_started", 4);
      add_activity (ctx, "m1", -1, "thread_started", 8);    /* after the reference day */

      set = run_scoring (ctx);
      g_assert_cmpuint (set->window_weeks, ==, W);
      c = lookup (set, "m1");

      g_assert_cmpuint (c->active_weeks, ==, 2);
      assert_score (c, HEARTH_TRAIT_CONSISTENCY, 200.0 / W);
      assert_score (c, HEARTH_TRAIT_INITIATIVE, 100 * MIN (1.0, 3.0 / W));
      {
        g_autofree char *sentence = g_strdup_printf ("Active in 2 of the last %u weeks", W);
        g_autofree char *started = g_strdup_printf ("Started 3 threads");

        g_assert_true (has_evidence (c, HEARTH_TRAIT_CONSISTENCY, sentence));
        g_assert_true (has_evidence (c, HEARTH_TRAIT_INITIATIVE, started));
      }

      /* The sparkline: oldest first, the last block ending on the reference day. */
      g_assert_cmpuint (c->weekly[HEARTH_SCORING_SPARK_WEEKS - 1], ==, 1);
      if (W < HEARTH_SCORING_SPARK_WEEKS)
        {
          g_assert_cmpuint (c->weekly[HEARTH_SCORING_SPARK_WEEKS - W], ==, 2);
          g_assert_cmpuint (c->weekly[HEARTH_SCORING_SPARK_WEEKS - 1 - W], ==, 4);
        }
      else
        {
          guint32 total = 0;

          for (guint w = 0; w < HEARTH_SCORING_SPARK_WEEKS; w++)
            total += c->weekly[w];
          g_assert_cmpuint (total, ==, 1);
        }
    }
}

static void
test_bots (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) set = NULL;
  HearthCandidate *c;

  add_member_full (ctx, "b1", "Aardvark Bot", "2020-01-01", TRUE);
  add_member (ctx, "m1", "Zed");
  add_member (ctx, "m2", "Quiet");
  for (int d = 0; d < 84; d++)
    add_activity (ctx, "b1", d, "welcome", 50);
  add_observation (ctx, "b1", "alignment", 5);
  add_activity (ctx, "m1", 0, "message", 1);

  set = run_scoring (ctx);
  g_assert_cmpuint (set->candidates->len, ==, 3);

  /* Ranked: the active member, the quiet one, then the bot whatever its activity. */
  g_assert_cmpstr (((HearthCandidate *)g_ptr_array_index (set->candidates, 0))->member_id, ==, "m1");
  g_assert_cmpstr (((HearthCandidate *)g_ptr_array_index (set->candidates, 1))->member_id, ==, "m2");
  c = g_ptr_array_index (set->candidates, 2);
  g_assert_cmpstr (c->member_id, ==, "b1");
  g_assert_true (c->flags & HEARTH_CANDIDATE_FLAG_BOT);
  g_assert_false (c->assessed);
  g_assert_cmpfloat (c->overall, ==, 0);
  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    {
      assert_not_assessed (c, t);
      g_assert_nonnull (c->traits[t].evidence);
      g_assert_null (c->traits[t].evidence[0]);
    }
  g_assert_true (lookup (set, "b1") == c);
}

static void
test_flags (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) set = NULL;
  HearthCandidate *c;

  add_member_full (ctx, "new", "Newcomer", day_before (30), FALSE);
  add_member_full (ctx, "edge", "Ninety days", day_before (90), FALSE);
  add_member_full (ctx, "eightynine", "Eighty-nine days", day_before (89), FALSE);
  add_member_full (ctx, "unknown", "No join day", NULL, FALSE);
  add_member_full (ctx, "role", "Holder", "2020-01-01", FALSE);
  add_member_full (ctx, "ended", "Former holder", "2020-01-01", FALSE);
  add_member_full (ctx, "future", "Future holder", "2020-01-01", FALSE);
  add_member_full (ctx, "declined", "Decliner", "2020-01-01", FALSE);

  add_activity (ctx, "new", 27, "message", 1);          /* inside the last 28 days */
  add_activity (ctx, "edge", 28, "message", 1);         /* just outside: inactive */

  test_sql (ctx->db, "INSERT INTO role (id, program_id, name, created_at, updated_at) VALUES "
            "('r1', '" PROGRAM "', 'Welcome', '" STAMP "', '" STAMP "')");
  test_sql (ctx->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, created_at, updated_at) "
            "VALUES ('a1', 'role', 'r1', '%s', '" STAMP "', '" STAMP "')", day_before (0));
  test_sql (ctx->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, ended_on, created_at, "
            "updated_at) VALUES ('a2', 'ended', 'r1', '2025-01-01', '2025-06-01', '" STAMP "', '"
            STAMP "')");
  test_sql (ctx->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, created_at, updated_at) "
            "VALUES ('a3', 'future', 'r1', '%s', '" STAMP "', '" STAMP "')", day_before (-1));
  test_sql (ctx->db, "INSERT INTO assignment (id, member_id, role_id, starts_on, created_at, updated_at, "
            "deleted_at) VALUES ('a4', 'ended', 'r1', '2025-01-01', '" STAMP "', '" STAMP "', '"
            STAMP "')");
  test_sql (ctx->db, "INSERT INTO member_status_change (id, member_id, status, changed_on, created_at, "
            "updated_at) VALUES ('s1', 'declined', 'declined', '2025-01-01', '" STAMP "', '"
            STAMP "')");
  test_sql (ctx->db, "INSERT INTO member_status_change (id, member_id, status, changed_on, created_at, "
            "updated_at, deleted_at) VALUES ('s2', 'role', 'declined', '2025-01-01', '" STAMP "', '"
            STAMP "', '" STAMP "')");
  test_sql (ctx->db, "INSERT INTO member_status_change (id, member_id, status, changed_on, created_at, "
            "updated_at) VALUES ('s3', 'future', 'candidate', '2025-01-01', '" STAMP "', '"
            STAMP "')");

  set = run_scoring (ctx);

  c = lookup (set, "new");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_NEW);
  g_assert_cmpuint (c->tenure_days, ==, 30);
  c = lookup (set, "eightynine");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_NEW | HEARTH_CANDIDATE_FLAG_INACTIVE);
  c = lookup (set, "edge");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_INACTIVE);
  g_assert_cmpuint (c->tenure_days, ==, 90);
  c = lookup (set, "unknown");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_INACTIVE);
  g_assert_cmpuint (c->tenure_days, ==, 0);
  c = lookup (set, "role");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_HAS_ROLE | HEARTH_CANDIDATE_FLAG_INACTIVE);
  c = lookup (set, "ended");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_INACTIVE);
  c = lookup (set, "future");
  g_assert_cmpint (c->flags, ==, HEARTH_CANDIDATE_FLAG_INACTIVE);
  c = lookup (set, "declined");
  g_assert_cmpint (c->flags, ==,
                   HEARTH_CANDIDATE_FLAG_DECLINED_BEFORE | HEARTH_CANDIDATE_FLAG_INACTIVE);
}

/* Only the program's live members; ties ranked by name, then id; the same run twice gives the
 * same numbers in the same order. */
static void
test_ranking_and_reproducibility (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) first = NULL;
  g_autoptr(HearthScoreSet) second = NULL;
  const char *expected[] = { "m-top", "m-b", "m-a1", "m-a2", "m-c" };

  test_sql (ctx->db, "INSERT INTO program (id, name, created_at, updated_at) VALUES "
            "('other', 'Other', '" STAMP "', '" STAMP "')");
  test_sql (ctx->db, "INSERT INTO member (id, program_id, display_name, is_bot, created_at, updated_at) "
            "VALUES ('elsewhere', 'other', 'Elsewhere', 0, '" STAMP "', '" STAMP "')");
  add_member (ctx, "m-c", "Carla");
  add_member (ctx, "m-a2", "Ambar");
  add_member (ctx, "m-a1", "Ambar");
  add_member (ctx, "m-b", "Bea");
  add_member (ctx, "m-top", "Zoë");
  add_member (ctx, "gone", "Gone");
  test_sql (ctx->db, "UPDATE member SET deleted_at = '" STAMP "' WHERE id = 'gone'");

  add_activity (ctx, "m-top", 0, "reply", 36);
  add_activity (ctx, "m-b", 0, "reply", 3);
  add_activity (ctx, "m-a1", 0, "reply", 1);
  add_activity (ctx, "m-a2", 0, "reply", 1);
  add_activity (ctx, "m-c", 0, "reply", 1);
  add_activity (ctx, "m-c", 0, "message", 10);   /* no reactions: credibility stays 0 */
  add_activity (ctx, "elsewhere", 0, "reply", 100);
  add_activity (ctx, "gone", 0, "reply", 100);

  first = run_scoring (ctx);
  second = run_scoring (ctx);

  g_assert_cmpuint (first->candidates->len, ==, G_N_ELEMENTS (expected));
  g_assert_null (hearth_score_set_lookup (first, "elsewhere"));
  g_assert_null (hearth_score_set_lookup (first, "gone"));

  for (guint i = 0; i < first->candidates->len; i++)
    {
      HearthCandidate *a = g_ptr_array_index (first->candidates, i);
      HearthCandidate *b = g_ptr_array_index (second->candidates, i);

      g_assert_cmpstr (a->member_id, ==, expected[i]);
      g_assert_cmpstr (a->member_id, ==, b->member_id);
      g_assert_true (a->overall == b->overall);
      g_assert_cmpint (a->flags, ==, b->flags);
      g_assert_cmpmem (a->weekly, sizeof a->weekly, b->weekly, sizeof b->weekly);
      for (guint t = 0; t < HEARTH_N_TRAITS; t++)
        {
          g_assert_true (a->traits[t].score == b->traits[t].score);
          g_assert_cmpint (a->traits[t].confidence, ==, b->traits[t].confidence);
          g_assert_cmpuint (g_strv_length (a->traits[t].evidence), ==,
                            g_strv_length (b->traits[t].evidence));
          for (guint e = 0; a->traits[t].evidence[e] != NULL; e++)
            g_assert_cmpstr (a->traits[t].evidence[e], ==, b->traits[t].evidence[e]);
        }
    }
}

static void
test_evidence (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthScoreSet) set = NULL;
  HearthCandidate *c;

  add_member (ctx, "m1", "Helper");
  for (int w = 0; w < 11; w++)
    add_activity (ctx, "m1", 7 * w + 1, "message", 5);
  add_activity (ctx, "m1", 1, "thread_started", 9);
  add_activity (ctx, "m1", 2, "event_promoted", 1);
  add_activity (ctx, "m1", 3, "content_shared", 4);
  add_activity (ctx, "m1", 4, "welcome", 23);
  add_activity (ctx, "m1", 5, "reply", 1);
  add_activity (ctx, "m1", 6, "reaction_received", 99);   /* 99 / 55 = 1.8 per message */
  add_nomination (ctx, "m1", NULL, "Someone", "accepted", FALSE);

  set = run_scoring (ctx);
  c = lookup (set, "m1");

  g_assert_cmpint (c->traits[HEARTH_TRAIT_CONSISTENCY].confidence, ==, HEARTH_CONFIDENCE_HIGH);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CONSISTENCY, "Active in 11 of the last 12 weeks"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_INITIATIVE, "Started 9 threads"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_INITIATIVE, "Promoted 1 event"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_INITIATIVE, "Shared 4 pieces of content"));
  g_assert_cmpuint (g_strv_length (c->traits[HEARTH_TRAIT_INITIATIVE].evidence), ==, 3);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_EMPATHY, "Welcomed 23 new members"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_EMPATHY, "Wrote 1 reply"));
  g_assert_cmpuint (g_strv_length (c->traits[HEARTH_TRAIT_EMPATHY].evidence), ==, 2);
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Nominated by 1 peer"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_CREDIBILITY, "Received 1.8 reactions per message"));
  g_assert_true (has_evidence (c, HEARTH_TRAIT_ALIGNMENT, "Not yet assessed"));
}

static void
test_errors (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HearthScoreSet *set;

  set = hearth_scoring_run (ctx->db, "no-such-program", NULL, &error);
  g_assert_null (set);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  set = hearth_scoring_run (ctx->db, PROGRAM, cancellable, &error);
  g_assert_null (set);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* An empty program scores to an empty set. */
  g_clear_error (&error);
  {
    g_autoptr(HearthScoreSet) empty = hearth_scoring_run (ctx->db, PROGRAM, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (empty->candidates->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The evidence is checked in English with a dot for decimals. */
  test_init_english (&argc, &argv, TRUE);

  g_test_add_func ("/core/scoring/strings", test_strings);
  g_test_add_func ("/core/scoring/no-activity", test_no_activity);
  g_test_add_func ("/core/scoring/traits", test_traits);
  g_test_add_func ("/core/scoring/credibility", test_credibility);
  g_test_add_func ("/core/scoring/observations", test_observations);
  g_test_add_func ("/core/scoring/weights", test_weights);
  g_test_add_func ("/core/scoring/window-boundaries", test_window_boundaries);
  g_test_add_func ("/core/scoring/bots", test_bots);
  g_test_add_func ("/core/scoring/flags", test_flags);
  g_test_add_func ("/core/scoring/ranking-and-reproducibility", test_ranking_and_reproducibility);
  g_test_add_func ("/core/scoring/evidence", test_evidence);
  g_test_add_func ("/core/scoring/errors", test_errors);

  return g_test_run ();
}
