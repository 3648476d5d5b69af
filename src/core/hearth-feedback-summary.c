/* hearth-feedback-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Feedback page's numbers (issue 8): pure functions over HearthFeedbackFact and
 * HearthFeedbackRoundFact, and hearth_feedback_summary_load(), which reads them in six queries:
 * rounds, ambassadors ("all"), active assignments ("role"), chosen members ("members"), items
 * and member names.
 */

#define G_LOG_DOMAIN "hearth-feedback-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "hearth-feedback.h"
#include "hearth-feedback-summary.h"
#include "hearth-util.h"

#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

/* Freeing */

void
hearth_feedback_fact_free (HearthFeedbackFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->id);
  g_free (fact->round_id);
  g_free (fact->member_id);
  g_free (fact->received_on);
  g_free (fact->channel);
  g_free (fact->status);
  g_strfreev (fact->tags);
  g_free (fact);
}

void
hearth_feedback_round_fact_free (HearthFeedbackRoundFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->id);
  g_free (fact->title);
  g_free (fact->status);
  g_free (fact->outcome);
  g_strfreev (fact->audience);
  g_free (fact);
}

void
hearth_feedback_summary_input_free (HearthFeedbackSummaryInput *input)
{
  if (input == NULL)
    return;
  g_free (input->reference_day);
  g_clear_pointer (&input->rounds, g_ptr_array_unref);
  g_clear_pointer (&input->items, g_ptr_array_unref);
  g_clear_pointer (&input->names, g_hash_table_unref);
  g_free (input);
}

static void
tag_count_free (gpointer data)
{
  HearthFeedbackTagCount *tag = data;

  g_free (tag->tag);
  g_free (tag);
}

static void
member_share_free (gpointer data)
{
  HearthFeedbackMemberShare *share = data;

  g_free (share->member_id);
  g_free (share);
}

void
hearth_feedback_round_summary_free (HearthFeedbackRoundSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->tags, g_ptr_array_unref);
  g_strfreev (summary->not_answered);
  g_free (summary);
}

/* Pure functions */

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const HearthFeedbackTagCount *x = *(HearthFeedbackTagCount * const *)a;
  const HearthFeedbackTagCount *y = *(HearthFeedbackTagCount * const *)b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->tag, y->tag);
}

HearthFeedbackRoundSummary *
hearth_feedback_round_summarize (const char         *round_id,
                                 const char * const *audience,
                                 GPtrArray          *items)
{
  HearthFeedbackRoundSummary *summary = g_new0 (HearthFeedbackRoundSummary, 1);
  g_autoptr(GHashTable) responders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) not_answered = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint answered = 0;
  gint64 rating_sum = 0;

  summary->tags = g_ptr_array_new_with_free_func (tag_count_free);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const HearthFeedbackFact *item = g_ptr_array_index (items, i);

      if (round_id == NULL || g_strcmp0 (item->round_id, round_id) != 0)
        continue;

      if (item->member_id != NULL)
        g_hash_table_add (responders, item->member_id);

      if (item->rating >= 1 && item->rating <= 5)
        {
          summary->rating_counts[item->rating - 1]++;
          summary->n_rated++;
          rating_sum += item->rating;
        }

      for (guint t = 0; item->tags != NULL && item->tags[t] != NULL; t++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (tags, item->tags[t]));

          g_hash_table_insert (tags, item->tags[t], GUINT_TO_POINTER (count + 1));
        }
    }

  summary->responders = g_hash_table_size (responders);
  summary->average_rating = summary->n_rated > 0 ? (double)rating_sum / summary->n_rated : -1;

  for (guint i = 0; audience != NULL && audience[i] != NULL; i++)
    {
      summary->audience_size++;
      if (g_hash_table_contains (responders, audience[i]))
        answered++;
      else
        g_strv_builder_add (not_answered, audience[i]);
    }
  summary->not_answered = g_strv_builder_end (not_answered);
  summary->response_rate = summary->audience_size > 0 ?
                           (double)answered / summary->audience_size : -1;

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HearthFeedbackTagCount *tag = g_new0 (HearthFeedbackTagCount, 1);

      tag->tag = g_strdup (key);
      tag->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (summary->tags, tag);
    }
  g_ptr_array_sort (summary->tags, compare_tags);

  return summary;
}

static gboolean
is_acted_on (const char *status)
{
  return g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "done") == 0;
}

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const HearthFeedbackMemberShare *x = *(HearthFeedbackMemberShare * const *)a;
  const HearthFeedbackMemberShare *y = *(HearthFeedbackMemberShare * const *)b;

  return g_strcmp0 (x->member_id, y->member_id);
}

GPtrArray *
hearth_feedback_member_shares (GPtrArray *items)
{
  g_autoptr(GHashTable) by_member = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *shares = g_ptr_array_new_with_free_func (member_share_free);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const HearthFeedbackFact *item = g_ptr_array_index (items, i);
      HearthFeedbackMemberShare *share;

      if (item->member_id == NULL)
        continue;
      share = g_hash_table_lookup (by_member, item->member_id);
      if (share == NULL)
        {
          share = g_new0 (HearthFeedbackMemberShare, 1);
          share->member_id = g_strdup (item->member_id);
          g_hash_table_insert (by_member, share->member_id, share);
          g_ptr_array_add (shares, share);
        }
      share->n_items++;
      if (is_acted_on (item->status))
        share->n_acted_on++;
    }

  for (guint i = 0; i < shares->len; i++)
    {
      HearthFeedbackMemberShare *share = g_ptr_array_index (shares, i);

      share->share = (double)share->n_acted_on / share->n_items;
    }
  g_ptr_array_sort (shares, compare_shares);

  return shares;
}

double
hearth_feedback_acted_on_share (GPtrArray  *items,
                                const char *member_id,
                                guint      *n_items)
{
  guint total = 0, acted = 0;

  for (guint i = 0; items != NULL && member_id != NULL && i < items->len; i++)
    {
      const HearthFeedbackFact *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->member_id, member_id) != 0)
        continue;
      total++;
      if (is_acted_on (item->status))
        acted++;
    }

  if (n_items != NULL)
    *n_items = total;

  return total > 0 ? (double)acted / total : -1;
}

HearthFeedbackAgeBucket
hearth_feedback_age_bucket (gint64 days)
{
  if (days <= 7)
    return HEARTH_FEEDBACK_AGE_WEEK;
  if (days <= 14)
    return HEARTH_FEEDBACK_AGE_FORTNIGHT;
  if (days <= 30)
    return HEARTH_FEEDBACK_AGE_MONTH;
  if (days <= 90)
    return HEARTH_FEEDBACK_AGE_QUARTER;
  return HEARTH_FEEDBACK_AGE_OLDER;
}

const char *
hearth_feedback_age_bucket_label (HearthFeedbackAgeBucket bucket)
{
  switch (bucket)
    {
    case HEARTH_FEEDBACK_AGE_WEEK:
      /* Translators: how long feedback has been open, a bar of the "open feedback by age" chart */
      return _("0–7 days");
    case HEARTH_FEEDBACK_AGE_FORTNIGHT:
      /* Translators: how long feedback has been open */
      return _("8–14 days");
    case HEARTH_FEEDBACK_AGE_MONTH:
      /* Translators: how long feedback has been open */
      return _("15–30 days");
    case HEARTH_FEEDBACK_AGE_QUARTER:
      /* Translators: how long feedback has been open */
      return _("31–90 days");
    case HEARTH_FEEDBACK_AGE_OLDER:
      /* Translators: how long feedback has been open */
      return _("Over 90 days");
    case HEARTH_FEEDBACK_AGE_N_BUCKETS:
    default:
      return NULL;
    }
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (!hearth_date_is_valid (text) || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return g_date_valid (date);
}

void
hearth_feedback_open_by_age (GPtrArray  *items,
                             const char *reference_day,
                             guint       counts[HEARTH_FEEDBACK_AGE_N_BUCKETS])
{
  GDate reference;

  for (guint b = 0; b < HEARTH_FEEDBACK_AGE_N_BUCKETS; b++)
    counts[b] = 0;

  if (!parse_day (reference_day, &reference))
    return;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const HearthFeedbackFact *item = g_ptr_array_index (items, i);
      GDate received;

      if (!hearth_feedback_status_is_open (item->status) || !parse_day (item->received_on,
                                                                        &received))
        continue;
      counts[hearth_feedback_age_bucket (g_date_days_between (&received, &reference))]++;
    }
}

static char *
format_day (const char *day)
{
  GDate date;
  g_autoptr(GDateTime) datetime = NULL;

  if (!parse_day (day, &date))
    return g_strdup (day);
  datetime = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  /* Translators: the close date of a feedback round in the invitation message, as
   * g_date_time_format() takes it; "May 31, 2026" in English */
  return g_date_time_format (datetime, _("%B %-d, %Y"));
}

char *
hearth_feedback_invitation_text (const char         *title,
                                 const char         *topic,
                                 const char * const *questions,
                                 const char         *closes_on,
                                 const char         *program_name)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  if (!hearth_str_empty (program_name))
    /* Translators: the first line of a feedback invitation; a program's name */
    g_string_append_printf (text, _("Hello from %s!"), program_name);
  else
    /* Translators: the first line of a feedback invitation */
    g_string_append (text, _("Hello!"));
  g_string_append (text, "\n\n");

  /* Translators: a feedback invitation; a feedback round's title */
  g_string_append_printf (text, _("We would like your feedback on “%s”."),
                          hearth_str_empty (title) ? "" : title);
  g_string_append_c (text, '\n');
  if (!hearth_str_empty (topic))
    {
      /* Translators: a feedback invitation; what the round is about */
      g_string_append_printf (text, _("What it is about: %s"), topic);
      g_string_append_c (text, '\n');
    }
  g_string_append_c (text, '\n');

  for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
    {
      if (hearth_str_empty (questions[i]))
        continue;
      g_string_append_printf (text, "%u. %s\n", ++n, questions[i]);
    }
  if (n == 0)
    /* Translators: a feedback invitation without questions */
    g_string_append (text, _("Just reply with your thoughts."));
  if (n == 0)
    g_string_append_c (text, '\n');
  g_string_append_c (text, '\n');

  if (!hearth_str_empty (closes_on))
    {
      g_autofree char *day = format_day (closes_on);

      /* Translators: a feedback invitation; a date such as "May 31, 2026" */
      g_string_append_printf (text, _("Please reply by %s."), day);
      g_string_append_c (text, '\n');
    }
  /* Translators: the last line of a feedback invitation */
  g_string_append (text, _("Thank you!"));

  return g_string_free (text, FALSE);
}

/* The loader */

/* Rows of (key, member id) of @stmt into @groups: key → GStrvBuilder. */
static gboolean
group_ids (HearthDatabase  *db,
           sqlite3_stmt    *stmt,
           GHashTable      *groups,
           GError         **error)
{
  int rc;

  FOR_EACH_ROW (db, stmt, rc, error)
    {
      const char *key = hearth_column_text (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (groups, key);

      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (groups, g_strdup (key), builder);
        }
      g_strv_builder_add (builder, hearth_column_text (stmt, 1));
    }
  return rc == SQLITE_DONE;
}

static GStrv
group_get (GHashTable *groups,
           const char *key)
{
  GStrvBuilder *builder = key != NULL ? g_hash_table_lookup (groups, key) : NULL;

  if (builder == NULL)
    return g_new0 (char *, 1);
  return g_strv_builder_end (builder);
}

typedef struct
{
  HearthFeedbackRoundFact *fact;
  char                    *audience;
  char                    *role_id;
} PendingRound;

static void
pending_round_clear (gpointer data)
{
  PendingRound *pending = data;

  g_free (pending->audience);
  g_free (pending->role_id);
}

HearthFeedbackSummaryInput *
hearth_feedback_summary_load (HearthDatabase  *db,
                              const char      *program_id,
                              const char      *reference_day,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(HearthFeedbackSummaryInput) input = g_new0 (HearthFeedbackSummaryInput, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (PendingRound));
  g_autoptr(GStrvBuilder) ambassadors = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  g_autoptr(GHashTable) by_role = NULL;
  g_autoptr(GHashTable) chosen = NULL;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (reference_day != NULL, NULL);

  g_array_set_clear_func (pending, pending_round_clear);
  input->reference_day = g_strdup (reference_day);
  input->rounds = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_feedback_round_fact_free);
  input->items = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_feedback_fact_free);
  input->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  by_role = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify)g_strv_builder_unref);
  chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify)g_strv_builder_unref);

  /* 1. Rounds. */
  if (!(stmt = hearth_database_prepare (db, "SELECT id, title, status, outcome, audience, "
                                            "audience_role_id FROM feedback_round "
                                            "WHERE program_id = ?1 AND deleted_at IS NULL "
                                            "ORDER BY opens_on IS NOT NULL, opens_on DESC, "
                                            "title COLLATE NOCASE, created_at, rowid", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      PendingRound round = { 0 };

      round.fact = g_new0 (HearthFeedbackRoundFact, 1);
      round.fact->id = g_strdup (hearth_column_text (stmt, 0));
      round.fact->title = g_strdup (hearth_column_text (stmt, 1));
      round.fact->status = g_strdup (hearth_column_text (stmt, 2));
      round.fact->outcome = g_strdup (hearth_column_text (stmt, 3));
      round.audience = g_strdup (hearth_column_text (stmt, 4));
      round.role_id = g_strdup (hearth_column_text (stmt, 5));
      g_ptr_array_add (input->rounds, round.fact);
      g_array_append_val (pending, round);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* 2. Ambassadors, the audience "all". */
  if (!(stmt = hearth_database_prepare (db, "SELECT id FROM member WHERE program_id = ?1 "
                                            "AND deleted_at IS NULL AND status = 'ambassador' "
                                            "AND is_bot = 0 "
                                            "ORDER BY display_name COLLATE NOCASE, id", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    g_strv_builder_add (ambassadors, hearth_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);
  all = g_strv_builder_end (ambassadors);

  /* 3. Active assignments by role, the audience "role". */
  if (!(stmt = hearth_database_prepare (db, "SELECT DISTINCT a.role_id, m.id, m.display_name "
                                            "FROM assignment a "
                                            "JOIN member m ON m.id = a.member_id "
                                            "JOIN role r ON r.id = a.role_id "
                                            "WHERE m.program_id = ?1 AND r.program_id = ?1 "
                                            "AND a.deleted_at IS NULL AND r.deleted_at IS NULL "
                                            "AND m.deleted_at IS NULL AND a.ended_on IS NULL "
                                            "AND a.starts_on <= ?2 "
                                            "ORDER BY a.role_id, m.display_name COLLATE NOCASE, "
                                            "m.id", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, reference_day);
  if (!group_ids (db, stmt, by_role, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* 4. Chosen members, the audience "members". */
  if (!(stmt = hearth_database_prepare (db, "SELECT fm.round_id, m.id "
                                            "FROM feedback_round_member fm "
                                            "JOIN feedback_round r ON r.id = fm.round_id "
                                            "JOIN member m ON m.id = fm.member_id "
                                            "WHERE r.program_id = ?1 AND r.deleted_at IS NULL "
                                            "AND m.deleted_at IS NULL "
                                            "ORDER BY fm.round_id, m.display_name COLLATE NOCASE, "
                                            "m.id", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  if (!group_ids (db, stmt, chosen, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingRound *round = &g_array_index (pending, PendingRound, i);

      if (g_strcmp0 (round->audience, "role") == 0)
        {
          GStrvBuilder *builder = round->role_id ? g_hash_table_lookup (by_role, round->role_id)
                                                 : NULL;

          /* Two rounds may share a role: end a copy. */
          if (builder != NULL)
            {
              g_autoptr(GStrvBuilder) copy = g_strv_builder_new ();
              g_auto(GStrv) ids = g_strv_builder_end (builder);

              g_strv_builder_addv (builder, (const char **)ids);
              g_strv_builder_addv (copy, (const char **)ids);
              round->fact->audience = g_strv_builder_end (copy);
            }
          else
            round->fact->audience = g_new0 (char *, 1);
        }
      else if (g_strcmp0 (round->audience, "members") == 0)
        round->fact->audience = group_get (chosen, round->fact->id);
      else
        round->fact->audience = g_strdupv (all);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* 5. Items of the program: through their round, meeting or member. */
  if (!(stmt = hearth_database_prepare (db, "SELECT f.id, f.round_id, f.member_id, "
                                            "f.received_on, f.channel, f.status, f.rating, f.tags "
                                            "FROM feedback f "
                                            "LEFT JOIN member m ON m.id = f.member_id "
                                            "LEFT JOIN feedback_round r ON r.id = f.round_id "
                                            "LEFT JOIN meeting g ON g.id = f.meeting_id "
                                            "WHERE f.deleted_at IS NULL AND m.deleted_at IS NULL "
                                            "AND (m.program_id = ?1 OR r.program_id = ?1 "
                                            "OR g.program_id = ?1) "
                                            "ORDER BY f.received_on DESC, f.created_at DESC, "
                                            "f.rowid DESC", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthFeedbackFact *item = g_new0 (HearthFeedbackFact, 1);

      item->id = g_strdup (hearth_column_text (stmt, 0));
      item->round_id = g_strdup (hearth_column_text (stmt, 1));
      item->member_id = g_strdup (hearth_column_text (stmt, 2));
      item->received_on = g_strdup (hearth_column_text (stmt, 3));
      item->channel = g_strdup (hearth_column_text (stmt, 4));
      item->status = g_strdup (hearth_column_text (stmt, 5));
      item->rating = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 :
                     sqlite3_column_int (stmt, 6);
      item->tags = hearth_string_list_from_json (hearth_column_text (stmt, 7));
      g_ptr_array_add (input->items, item);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* 6. Names. */
  if (!(stmt = hearth_database_prepare (db, "SELECT id, display_name FROM member "
                                            "WHERE program_id = ?1 AND deleted_at IS NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    g_hash_table_insert (input->names, g_strdup (hearth_column_text (stmt, 0)),
                         g_strdup (hearth_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&input);
}
