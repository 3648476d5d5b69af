/* hearth-scoring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidate scoring (DESIGN §5). One read of the program's members, then one pass over the
 * activity rows of the window (and of the 26-week sparkline, whichever reaches further back),
 * accumulated per member in plain arrays; then nominations, observations, roles and declines, each
 * one query. Nothing here reads the clock or depends on hash order: the same data and reference
 * day always give the same numbers in the same order.
 */

#define G_LOG_DOMAIN "hearth-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hearth-scoring.h"
#include "hearth-settings.h"
#include "hearth-util.h"

/* Activity kinds, as the pass counts them. */
typedef enum
{
  KIND_MESSAGE,
  KIND_THREAD_STARTED,
  KIND_REPLY,
  KIND_WELCOME,
  KIND_ANSWER,
  KIND_REACTION_RECEIVED,
  KIND_EVENT_ATTENDED,
  KIND_EVENT_PROMOTED,
  KIND_CONTENT_SHARED,
  N_KINDS
} Kind;

/* The settings hold at most 104 weeks; the active weeks are a bit set of this many. */
#define MAX_WINDOW_WEEKS 128
#define INACTIVE_DAYS    28
#define NEW_DAYS         90
/* How often the activity pass looks at the cancellable. */
#define CANCEL_EVERY     65536

typedef struct
{
  guint64  kinds[N_KINDS];               /* sums of count inside the window */
  guint64  active[MAX_WINDOW_WEEKS / 64]; /* bit k: block k (0 = newest) has a row */
  gboolean recent;                       /* a row in the last 28 days */
  guint    n_nominators;
  double   obs_sum[HEARTH_N_TRAITS];
  guint    obs_n[HEARTH_N_TRAITS];
} Tally;

typedef struct
{
  HearthScoreSet  set;
  GHashTable     *by_id;        /* member id → HearthCandidate (borrowed from set.candidates) */
} ScoreSetPrivate;

static const char * const trait_names[HEARTH_N_TRAITS] = {
  "consistency", "empathy", "alignment", "initiative", "credibility",
};

static const char * const weight_keys[HEARTH_N_TRAITS] = {
  "weight_consistency", "weight_empathy", "weight_alignment", "weight_initiative",
  "weight_credibility",
};

const char *
hearth_trait_to_string (HearthTrait trait)
{
  g_return_val_if_fail (trait < HEARTH_N_TRAITS, NULL);

  return trait_names[trait];
}

const char *
hearth_confidence_to_string (HearthConfidence confidence)
{
  switch (confidence)
    {
    case HEARTH_CONFIDENCE_LOW:
      return "low";
    case HEARTH_CONFIDENCE_MEDIUM:
      return "medium";
    case HEARTH_CONFIDENCE_HIGH:
      return "high";
    case HEARTH_CONFIDENCE_NONE:
    default:
      return NULL;
    }
}

const char *
hearth_candidate_flag_to_string (HearthCandidateFlags flag)
{
  switch (flag)
    {
    case HEARTH_CANDIDATE_FLAG_NEW:
      return "new";
    case HEARTH_CANDIDATE_FLAG_HAS_ROLE:
      return "has_role";
    case HEARTH_CANDIDATE_FLAG_DECLINED_BEFORE:
      return "declined_before";
    case HEARTH_CANDIDATE_FLAG_INACTIVE:
      return "inactive";
    case HEARTH_CANDIDATE_FLAG_BOT:
      return "bot";
    default:
      return NULL;
    }
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint)(y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + (gint64)doe - 719468;
}

/* A YYYY-MM-DD day as a day number; FALSE for anything else. No allocation: it runs per row. */
static gboolean
parse_day (const char *text,
           gint64     *out)
{
  guint y, m, d;

  if (text == NULL ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || text[4] != '-' || !g_ascii_isdigit (text[5]) ||
      !g_ascii_isdigit (text[6]) || text[7] != '-' || !g_ascii_isdigit (text[8]) ||
      !g_ascii_isdigit (text[9]) || text[10] != '\0')
    return FALSE;

  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return FALSE;

  *out = days_from_civil (y, m, d);
  return TRUE;
}

static int
kind_from_string (const char *kind)
{
  switch (kind[0])
    {
    case 'm':
      return KIND_MESSAGE;
    case 't':
      return KIND_THREAD_STARTED;
    case 'r':
      return kind[2] == 'p' ? KIND_REPLY : KIND_REACTION_RECEIVED;
    case 'w':
      return KIND_WELCOME;
    case 'a':
      return KIND_ANSWER;
    case 'e':
      return strcmp (kind, "event_promoted") == 0 ? KIND_EVENT_PROMOTED : KIND_EVENT_ATTENDED;
    case 'c':
      return KIND_CONTENT_SHARED;
    default:
      return -1;
    }
}

/* Scoring a large program allocates per member, so each candidate is two blocks: the struct
 * with its member's strings after it, and the evidence of all five traits (see pack_evidence()).
 * Neither the strings nor the sentences are freed on their own; hearth_score_set_free() frees
 * the blocks. */
#define N_MEMBER_FIELDS 8

static HearthCandidate *
candidate_new (sqlite3_stmt *stmt)
{
  const char *texts[N_MEMBER_FIELDS];
  gsize lengths[N_MEMBER_FIELDS];
  gsize size = sizeof (HearthCandidate);
  HearthCandidate *c;
  char **fields[N_MEMBER_FIELDS];
  char *p;

  for (guint i = 0; i < N_MEMBER_FIELDS; i++)
    {
      /* sqlite3_column_bytes() after sqlite3_column_text(), as SQLite asks. */
      texts[i] = hearth_column_text (stmt, i);
      lengths[i] = texts[i] != NULL ? (gsize)sqlite3_column_bytes (stmt, i) + 1 : 0;
      size += lengths[i];
    }

  c = g_malloc0 (size);
  fields[0] = &c->member_id;
  fields[1] = &c->display_name;
  fields[2] = &c->handle;
  fields[3] = &c->status;
  fields[4] = &c->region;
  fields[5] = &c->language;
  fields[6] = &c->segment;
  fields[7] = &c->joined_on;

  p = (char *)(c + 1);
  for (guint i = 0; i < N_MEMBER_FIELDS; i++)
    if (texts[i] != NULL)
      {
        memcpy (p, texts[i], lengths[i]);
        *fields[i] = p;
        p += lengths[i];
      }

  return c;
}

static void
candidate_free (gpointer data)
{
  HearthCandidate *c = data;

  /* The evidence of every trait is one block, starting with the first trait's. */
  g_free (c->traits[0].evidence);
  g_free (c);
}

void
hearth_score_set_free (HearthScoreSet *set)
{
  ScoreSetPrivate *priv = (ScoreSetPrivate *)set;

  if (set == NULL)
    return;

  g_clear_pointer (&priv->by_id, g_hash_table_unref);
  g_clear_pointer (&set->candidates, g_ptr_array_unref);
  g_free (set->program_id);
  g_free (set->reference_day);
  g_free (priv);
}

/**
 * hearth_score_set_lookup:
 *
 * Returns: (transfer none) (nullable): the candidate (or flagged bot) with this member id
 */
HearthCandidate *
hearth_score_set_lookup (HearthScoreSet *set,
                         const char     *member_id)
{
  ScoreSetPrivate *priv = (ScoreSetPrivate *)set;

  g_return_val_if_fail (set != NULL, NULL);

  if (member_id == NULL)
    return NULL;

  return g_hash_table_lookup (priv->by_id, member_id);
}

/* A rating average, "4" or "4.5" (in the locale's decimal separator). */
static const char *
format_rating (double  average,
               char   *buffer,
               gsize   size)
{
  double rounded = round (average * 10) / 10;

  g_snprintf (buffer, size, rounded == floor (rounded) ? "%.0f" : "%.1f", rounded);
  return buffer;
}

static double
rating_to_score (double rating)
{
  return 100.0 * (rating - 1.0) / 4.0;
}

static HearthConfidence
confidence_by_weeks (guint active_weeks)
{
  if (active_weeks < 3)
    return HEARTH_CONFIDENCE_LOW;
  if (active_weeks < 8)
    return HEARTH_CONFIDENCE_MEDIUM;
  return HEARTH_CONFIDENCE_HIGH;
}

static HearthConfidence
confidence_by_observations (guint n)
{
  if (n == 0)
    return HEARTH_CONFIDENCE_NONE;
  if (n == 1)
    return HEARTH_CONFIDENCE_LOW;
  if (n == 2)
    return HEARTH_CONFIDENCE_MEDIUM;
  return HEARTH_CONFIDENCE_HIGH;
}

/* A trait's sentences while they are built, on the stack: a trait has at most four. The
 * finished evidence of all five traits is then one allocation, pointers followed by text (a
 * hundred thousand members would otherwise cost a million small allocations). */
#define EVIDENCE_MAX    5
#define SENTENCE_MAX    256

typedef struct
{
  char   text[EVIDENCE_MAX][SENTENCE_MAX];
  guint  n;
} Evidence;

#define add(evidence, ...)                                                      \
  G_STMT_START {                                                                \
    g_assert ((evidence)->n < EVIDENCE_MAX);                                    \
    g_snprintf ((evidence)->text[(evidence)->n++], SENTENCE_MAX, __VA_ARGS__);  \
  } G_STMT_END

static void
pack_evidence (HearthCandidate *c,
               const Evidence  *evidence)
{
  gsize size = 0;
  char **strv;
  char *text;

  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    {
      size += (evidence[t].n + 1) * sizeof (char *);
      for (guint i = 0; i < evidence[t].n; i++)
        size += strlen (evidence[t].text[i]) + 1;
    }

  strv = g_malloc (size);
  text = (char *)strv;
  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    text += (evidence[t].n + 1) * sizeof (char *);

  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    {
      c->traits[t].evidence = strv;
      for (guint i = 0; i < evidence[t].n; i++)
        {
          gsize length = strlen (evidence[t].text[i]) + 1;

          memcpy (text, evidence[t].text[i], length);
          *strv++ = text;
          text += length;
        }
      *strv++ = NULL;
    }
}

/* Blends the observations of one trait into its analytic part (when it has one), and adds the
 * sentence that says so. */
static void
finish_trait (HearthTraitScore *score,
              gboolean          has_analytic,
              double            analytic,
              const Tally      *tally,
              HearthTrait       trait,
              Evidence         *evidence)
{
  guint n = tally->obs_n[trait];

  if (n > 0)
    {
      double average = tally->obs_sum[trait] / n;
      double observed = rating_to_score (average);
      char buffer[32];
      const char *rating = format_rating (average, buffer, sizeof buffer);

      score->assessed = TRUE;
      score->score = has_analytic ? (analytic + observed) / 2.0 : observed;
      if (has_analytic)
        /* Translators: the second %s is an average rating such as "4.5". */
        add (evidence, g_dngettext (GETTEXT_PACKAGE, "Blended with %u observation (average %s of 5)",
                                    "Blended with %u observations (average %s of 5)", n),
             n, rating);
    }
  else if (has_analytic)
    {
      score->assessed = TRUE;
      score->score = analytic;
    }

}

static void
score_candidate (HearthCandidate *c,
                 const Tally     *tally,
                 guint            window_weeks,
                 const double    *weights)
{
  const guint64 *k = tally->kinds;
  guint W = window_weeks;
  guint active_weeks = 0;
  HearthConfidence by_weeks;
  double sum = 0, weight_sum = 0;
  Evidence evidence_of[HEARTH_N_TRAITS];

  for (guint i = 0; i < G_N_ELEMENTS (tally->active); i++)
    active_weeks += __builtin_popcountll (tally->active[i]);
  c->active_weeks = active_weeks;
  by_weeks = confidence_by_weeks (active_weeks);

  if (!tally->recent)
    c->flags |= HEARTH_CANDIDATE_FLAG_INACTIVE;

  /* Consistency. */
  {
    Evidence *evidence = &evidence_of[HEARTH_TRAIT_CONSISTENCY];

    evidence->n = 0;

    add (evidence, g_dngettext (GETTEXT_PACKAGE, "Active in %u of the last %u week",
                                "Active in %u of the last %u weeks", W),
         active_weeks, W);
    finish_trait (&c->traits[HEARTH_TRAIT_CONSISTENCY], TRUE, 100.0 * active_weeks / W, tally,
                  HEARTH_TRAIT_CONSISTENCY, evidence);
    c->traits[HEARTH_TRAIT_CONSISTENCY].confidence = by_weeks;
  }

  /* Initiative. */
  {
    Evidence *evidence = &evidence_of[HEARTH_TRAIT_INITIATIVE];

    evidence->n = 0;
    guint64 n = k[KIND_THREAD_STARTED] + k[KIND_EVENT_PROMOTED] + k[KIND_CONTENT_SHARED];

    if (k[KIND_THREAD_STARTED] > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Started %lu thread", "Started %lu threads",
                                  k[KIND_THREAD_STARTED]),
           (gulong)k[KIND_THREAD_STARTED]);
    if (k[KIND_EVENT_PROMOTED] > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Promoted %lu event", "Promoted %lu events",
                                  k[KIND_EVENT_PROMOTED]),
           (gulong)k[KIND_EVENT_PROMOTED]);
    if (k[KIND_CONTENT_SHARED] > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Shared %lu piece of content",
                                  "Shared %lu pieces of content", k[KIND_CONTENT_SHARED]),
           (gulong)k[KIND_CONTENT_SHARED]);
    if (n == 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE,
                                  "No threads, events or shared content in the last %u week",
                                  "No threads, events or shared content in the last %u weeks", W),
           W);
    finish_trait (&c->traits[HEARTH_TRAIT_INITIATIVE], TRUE, 100.0 * MIN (1.0, (double)n / W),
                  tally, HEARTH_TRAIT_INITIATIVE, evidence);
    c->traits[HEARTH_TRAIT_INITIATIVE].confidence = by_weeks;
  }

  /* Empathy. */
  {
    Evidence *evidence = &evidence_of[HEARTH_TRAIT_EMPATHY];

    evidence->n = 0;
    guint64 n = k[KIND_REPLY] + k[KIND_WELCOME] + k[KIND_ANSWER];

    if (k[KIND_WELCOME] > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Welcomed %lu new member",
                                  "Welcomed %lu new members", k[KIND_WELCOME]),
           (gulong)k[KIND_WELCOME]);
    if (k[KIND_REPLY] > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Wrote %lu reply", "Wrote %lu replies",
                                  k[KIND_REPLY]),
           (gulong)k[KIND_REPLY]);
    if (k[KIND_ANSWER] > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Gave %lu answer", "Gave %lu answers",
                                  k[KIND_ANSWER]),
           (gulong)k[KIND_ANSWER]);
    if (n == 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE,
                                  "No replies, welcomes or answers in the last %u week",
                                  "No replies, welcomes or answers in the last %u weeks", W),
           W);
    finish_trait (&c->traits[HEARTH_TRAIT_EMPATHY], TRUE,
                  100.0 * MIN (1.0, (double)n / (3.0 * W)), tally, HEARTH_TRAIT_EMPATHY,
                  evidence);
    c->traits[HEARTH_TRAIT_EMPATHY].confidence = by_weeks;
  }

  /* Credibility: the nomination part always exists, the reaction part only with messages. */
  {
    Evidence *evidence = &evidence_of[HEARTH_TRAIT_CREDIBILITY];

    evidence->n = 0;
    double parts = MIN (1.0, tally->n_nominators / 3.0);
    guint n_parts = 1;

    if (tally->n_nominators > 0)
      add (evidence, g_dngettext (GETTEXT_PACKAGE, "Nominated by %u peer", "Nominated by %u peers",
                                  tally->n_nominators),
           tally->n_nominators);
    else
      add (evidence, "%s", _("Not nominated yet (accepted nominations only)"));

    if (k[KIND_MESSAGE] >= 1)
      {
        double per_message = (double)k[KIND_REACTION_RECEIVED] / (double)k[KIND_MESSAGE];

        parts += MIN (1.0, per_message / 2.0);
        n_parts++;
        /* Translators: %.1f is a number such as 1.8. */
        add (evidence, _("Received %.1f reactions per message"), per_message);
      }
    else
      add (evidence, g_dngettext (GETTEXT_PACKAGE,
                                  "No messages in the last %u week to weigh reactions against",
                                  "No messages in the last %u weeks to weigh reactions against", W),
           W);
    finish_trait (&c->traits[HEARTH_TRAIT_CREDIBILITY], TRUE, 100.0 * parts / n_parts, tally,
                  HEARTH_TRAIT_CREDIBILITY, evidence);
    c->traits[HEARTH_TRAIT_CREDIBILITY].confidence = by_weeks;
  }

  /* Alignment: observations only. */
  {
    Evidence *evidence = &evidence_of[HEARTH_TRAIT_ALIGNMENT];

    evidence->n = 0;
    guint n = tally->obs_n[HEARTH_TRAIT_ALIGNMENT];

    if (n > 0)
      {
        char buffer[32];
        const char *rating = format_rating (tally->obs_sum[HEARTH_TRAIT_ALIGNMENT] / n, buffer,
                                            sizeof buffer);

        /* Translators: %s is an average rating such as "4" or "4.5". */
        add (evidence, g_dngettext (GETTEXT_PACKAGE, "Rated %s of 5 in %u observation",
                                    "Rated %s of 5 in %u observations", n),
             rating, n);
      }
    else
      add (evidence, "%s", _("Not yet assessed"));
    finish_trait (&c->traits[HEARTH_TRAIT_ALIGNMENT], FALSE, 0, tally, HEARTH_TRAIT_ALIGNMENT,
                  evidence);
    c->traits[HEARTH_TRAIT_ALIGNMENT].confidence = confidence_by_observations (n);
  }

  pack_evidence (c, evidence_of);

  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    if (c->traits[t].assessed)
      {
        c->assessed = TRUE;
        sum += weights[t] * c->traits[t].score;
        weight_sum += weights[t];
      }

  c->overall = weight_sum > 0 ? sum / weight_sum : 0;
}

/* Bots: flagged, nothing assessed, no evidence. */
static void
score_bot (HearthCandidate *c)
{
  char **empty = g_new0 (char *, HEARTH_N_TRAITS);

  c->flags |= HEARTH_CANDIDATE_FLAG_BOT;
  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    {
      c->traits[t].assessed = FALSE;
      c->traits[t].score = 0;
      c->traits[t].confidence = HEARTH_CONFIDENCE_NONE;
      c->traits[t].evidence = empty + t;
    }
}

typedef struct
{
  HearthCandidate *candidate;
  char            *collate_key;
  gboolean         bot;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  int cmp;

  if (x->bot != y->bot)
    return x->bot ? 1 : -1;
  if (x->candidate->overall != y->candidate->overall)
    return x->candidate->overall > y->candidate->overall ? -1 : 1;
  if ((cmp = strcmp (x->collate_key, y->collate_key)) != 0)
    return cmp;
  return strcmp (x->candidate->member_id, y->candidate->member_id);
}

static gboolean
load_reference (HearthDatabase  *db,
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

/* Steps through @stmt until done; FALSE with @error set on a database error. */
#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

HearthScoreSet *
hearth_scoring_run (HearthDatabase  *db,
                    const char      *program_id,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) members = NULL;       /* HearthCandidate, in load order */
  g_autoptr(GHashTable) index = NULL;        /* member id → index + 1 */
  g_autoptr(GHashTable) nominators = NULL;   /* "nominee\x1fkey" set */
  g_autoptr(GArray) bots = NULL;             /* gboolean per member */
  g_autofree Tally *tallies = NULL;
  g_autoptr(GDate) reference = NULL;
  g_autofree SortEntry *entries = NULL;
  ScoreSetPrivate *priv;
  HearthScoreSet *set;
  char ref_text[11], start_text[11];
  gint64 ref_day;
  guint window_weeks, span_days;
  double weights[HEARTH_N_TRAITS];
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!load_reference (db, program_id, &reference, error))
    return NULL;

  window_weeks = CLAMP (hearth_settings_get_int (db, program_id, HEARTH_SETTING_WINDOW_WEEKS), 1,
                        MAX_WINDOW_WEEKS);
  for (guint t = 0; t < HEARTH_N_TRAITS; t++)
    weights[t] = (double)hearth_settings_get_int (db, program_id, weight_keys[t]);

  g_snprintf (ref_text, sizeof ref_text, "%04u-%02u-%02u", g_date_get_year (reference),
              g_date_get_month (reference), g_date_get_day (reference));
  parse_day (ref_text, &ref_day);
  /* The pass reaches back to the older of the window's and the sparkline's first day. */
  span_days = 7 * MAX (window_weeks, HEARTH_SCORING_SPARK_WEEKS);
  {
    g_autoptr(GDate) start = g_date_copy (reference);

    g_date_subtract_days (start, span_days - 1);
    g_snprintf (start_text, sizeof start_text, "%04u-%02u-%02u", g_date_get_year (start),
                g_date_get_month (start), g_date_get_day (start));
  }

  /* The program's members. "+program_id" keeps SQLite off the member_program index: a scan
   * of the table is ten times faster than 100,000 lookups from the index into it. */
  members = g_ptr_array_new_with_free_func (candidate_free);
  index = g_hash_table_new (g_str_hash, g_str_equal);
  bots = g_array_new (FALSE, TRUE, sizeof (gboolean));

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, display_name, handle, status, region, language, "
                                        "segment, joined_on, is_bot FROM member "
                                        "WHERE +program_id = ?1 AND deleted_at IS NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);

  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthCandidate *c = candidate_new (stmt);
      gboolean bot = sqlite3_column_int (stmt, 8) != 0;
      gint64 joined;

      if (c->joined_on != NULL && parse_day (c->joined_on, &joined))
        {
          c->tenure_days = joined < ref_day ? (guint)(ref_day - joined) : 0;
          if (ref_day - joined < NEW_DAYS)
            c->flags |= HEARTH_CANDIDATE_FLAG_NEW;
        }

      g_ptr_array_add (members, c);
      g_array_append_val (bots, bot);
      g_hash_table_insert (index, c->member_id, GUINT_TO_POINTER (members->len));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  tallies = g_new0 (Tally, MAX (members->len, 1));

  /* The one pass over activity. Rows come in key order, member by member, so the member is
   * looked up only when it changes. Only the lower bound is left to SQLite, so a long history
   * costs one comparison per old row; days after the reference day are rare (an as_of in the
   * past) and dropped below, which spares SQLite a second comparison on every row. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT day, member_id, kind, count FROM activity "
                                        "WHERE day >= ?1",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, start_text);

  {
    char last_id[128] = "";
    int last_len = -1;
    guint current = 0;                      /* index + 1; 0 = not a member of the program */
    guint64 n_rows = 0;

    FOR_EACH_ROW (db, stmt, rc, error)
      {
        const char *id;
        int id_len;
        gint64 day, offset;
        guint block;
        int kind;
        gint64 count;
        HearthCandidate *c;
        Tally *tally;

        if (++n_rows % CANCEL_EVERY == 0 &&
            g_cancellable_set_error_if_cancelled (cancellable, error))
          return NULL;

        if (!parse_day ((const char *)sqlite3_column_text (stmt, 0), &day))
          continue;
        offset = ref_day - day;
        if (offset < 0 || offset >= span_days)
          continue;

        id = (const char *)sqlite3_column_text (stmt, 1);
        id_len = sqlite3_column_bytes (stmt, 1);
        if (id == NULL)
          continue;

        if (id_len != last_len || memcmp (id, last_id, id_len) != 0)
          {
            current = GPOINTER_TO_UINT (g_hash_table_lookup (index, id));
            if (current != 0 && g_array_index (bots, gboolean, current - 1))
              current = 0;
            if ((gsize)id_len < sizeof last_id)
              {
                memcpy (last_id, id, id_len + 1);
                last_len = id_len;
              }
            else
              last_len = -1;
          }
        if (current == 0)
          continue;

        kind = kind_from_string ((const char *)sqlite3_column_text (stmt, 2));
        if (kind < 0)
          continue;
        count = sqlite3_column_int64 (stmt, 3);
        if (count < 1)
          continue;

        block = (guint)(offset / 7);
        c = g_ptr_array_index (members, current - 1);
        tally = &tallies[current - 1];

        if (block < window_weeks)
          {
            tally->kinds[kind] += count;
            tally->active[block / 64] |= G_GUINT64_CONSTANT (1) << (block % 64);
          }
        if (block < HEARTH_SCORING_SPARK_WEEKS)
          c->weekly[HEARTH_SCORING_SPARK_WEEKS - 1 - block] =
            (guint32)MIN ((guint64)c->weekly[HEARTH_SCORING_SPARK_WEEKS - 1 - block] + count,
                          G_MAXUINT32);
        if (offset < INACTIVE_DAYS)
          tally->recent = TRUE;
      }
    if (rc != SQLITE_DONE)
      return NULL;
    g_clear_pointer (&stmt, sqlite3_finalize);
  }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Accepted nominations, whenever made: distinct nominators by id, else by name ignoring case. */
  nominators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT nominee_id, nominator_id, nominator_name "
                                        "FROM nomination WHERE consent = 'accepted' "
                                        "AND deleted_at IS NULL",
                                        error)))
    return NULL;
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, hearth_column_text (stmt, 0)));
      const char *nominator_id = hearth_column_text (stmt, 1);
      const char *nominator_name = hearth_column_text (stmt, 2);
      char *key;

      if (i == 0)
        continue;

      if (nominator_id != NULL)
        key = g_strdup_printf ("%s\x1fi%s", hearth_column_text (stmt, 0), nominator_id);
      else
        {
          g_autofree char *folded = g_utf8_casefold (nominator_name != NULL ? nominator_name : "",
                                                     -1);

          key = g_strdup_printf ("%s\x1fn%s", hearth_column_text (stmt, 0), folded);
        }

      if (g_hash_table_add (nominators, key))
        tallies[i - 1].n_nominators++;
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Observations, per trait. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT member_id, trait, rating FROM observation "
                                        "WHERE deleted_at IS NULL",
                                        error)))
    return NULL;
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, hearth_column_text (stmt, 0)));
      const char *trait = hearth_column_text (stmt, 1);
      int rating = sqlite3_column_int (stmt, 2);

      if (i == 0 || trait == NULL || rating < 1 || rating > 5)
        continue;

      for (guint t = 0; t < HEARTH_N_TRAITS; t++)
        if (strcmp (trait, trait_names[t]) == 0)
          {
            tallies[i - 1].obs_sum[t] += rating;
            tallies[i - 1].obs_n[t]++;
            break;
          }
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Active assignments in one of the program's roles. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT a.member_id FROM assignment a "
                                        "JOIN role r ON r.id = a.role_id "
                                        "WHERE r.program_id = ?1 AND r.deleted_at IS NULL "
                                        "AND a.deleted_at IS NULL AND a.ended_on IS NULL "
                                        "AND a.starts_on <= ?2",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, ref_text);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, hearth_column_text (stmt, 0)));

      if (i != 0)
        ((HearthCandidate *)g_ptr_array_index (members, i - 1))->flags |=
          HEARTH_CANDIDATE_FLAG_HAS_ROLE;
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Declined before. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT member_id FROM member_status_change "
                                        "WHERE status = 'declined' AND deleted_at IS NULL",
                                        error)))
    return NULL;
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, hearth_column_text (stmt, 0)));

      if (i != 0)
        ((HearthCandidate *)g_ptr_array_index (members, i - 1))->flags |=
          HEARTH_CANDIDATE_FLAG_DECLINED_BEFORE;
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The scores, then the ranking. */
  entries = g_new0 (SortEntry, MAX (members->len, 1));
  for (guint i = 0; i < members->len; i++)
    {
      HearthCandidate *c = g_ptr_array_index (members, i);
      gboolean bot = g_array_index (bots, gboolean, i);

      if (bot)
        score_bot (c);
      else
        score_candidate (c, &tallies[i], window_weeks, weights);

      entries[i].candidate = c;
      entries[i].bot = bot;
      entries[i].collate_key = g_utf8_collate_key (c->display_name != NULL ? c->display_name : "",
                                                   -1);
    }

  qsort (entries, members->len, sizeof (SortEntry), compare_entries);

  priv = g_new0 (ScoreSetPrivate, 1);
  set = &priv->set;
  set->program_id = g_strdup (program_id);
  set->reference_day = g_strdup (ref_text);
  set->window_weeks = window_weeks;
  memcpy (set->weights, weights, sizeof weights);
  set->candidates = g_ptr_array_new_full (members->len, candidate_free);
  priv->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  /* The candidates move from @members (which no longer frees them) to the set, ranked. */
  g_ptr_array_set_free_func (members, NULL);
  for (guint i = 0; i < members->len; i++)
    {
      HearthCandidate *c = entries[i].candidate;

      g_ptr_array_add (set->candidates, c);
      g_hash_table_insert (priv->by_id, c->member_id, c);
      g_free (entries[i].collate_key);
    }

  return set;
}
