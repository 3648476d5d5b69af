/* hearth-feedback-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Feedback page's numbers (issue 8), as pure functions over plain structs (no SQL), and one
 * loader that reads what they need in a fixed number of queries.
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

/* One live feedback item, as the summaries see it. */
typedef struct
{
  char    *id;
  char    *round_id;      /* nullable */
  char    *member_id;     /* nullable */
  char    *received_on;   /* YYYY-MM-DD */
  char    *channel;
  char    *status;
  int      rating;        /* 1–5, -1 when none */
  GStrv    tags;          /* never NULL */
} HearthFeedbackFact;

/* One live round with its resolved audience. */
typedef struct
{
  char    *id;
  char    *title;
  char    *status;
  char    *outcome;       /* nullable */
  GStrv    audience;      /* member ids, by name; never NULL */
} HearthFeedbackRoundFact;

typedef struct
{
  char        *reference_day;
  GPtrArray   *rounds;    /* HearthFeedbackRoundFact, as hearth_feedback_round_load_for_program */
  GPtrArray   *items;     /* HearthFeedbackFact of the program, newest received first */
  GHashTable  *names;     /* member id → display name, the program's live members */
} HearthFeedbackSummaryInput;

typedef struct
{
  char    *tag;
  guint    count;
} HearthFeedbackTagCount;

typedef struct
{
  guint       audience_size;
  guint       responders;         /* distinct members with an item in the round */
  double      response_rate;      /* audience members who answered / audience; -1: no audience */
  guint       n_rated;
  double      average_rating;     /* -1 when no item has a rating */
  guint       rating_counts[5];   /* [0] = ratings of 1 … [4] = ratings of 5 */
  GPtrArray  *tags;               /* HearthFeedbackTagCount, by count (highest first), then tag */
  GStrv       not_answered;       /* audience members without an item, in audience order */
} HearthFeedbackRoundSummary;

typedef struct
{
  char    *member_id;
  guint    n_items;
  guint    n_acted_on;            /* items with the status planned or done */
  double   share;                 /* n_acted_on / n_items; -1 with no items */
} HearthFeedbackMemberShare;

typedef enum
{
  HEARTH_FEEDBACK_AGE_WEEK,       /* 0–7 days */
  HEARTH_FEEDBACK_AGE_FORTNIGHT,  /* 8–14 days */
  HEARTH_FEEDBACK_AGE_MONTH,      /* 15–30 days */
  HEARTH_FEEDBACK_AGE_QUARTER,    /* 31–90 days */
  HEARTH_FEEDBACK_AGE_OLDER,      /* over 90 days */
  HEARTH_FEEDBACK_AGE_N_BUCKETS
} HearthFeedbackAgeBucket;

void                        hearth_feedback_fact_free            (HearthFeedbackFact          *fact);
void                        hearth_feedback_round_fact_free      (HearthFeedbackRoundFact     *fact);
void                        hearth_feedback_summary_input_free   (HearthFeedbackSummaryInput  *input);
void                        hearth_feedback_round_summary_free   (HearthFeedbackRoundSummary  *summary);

/* The summary of round @round_id over @items (HearthFeedbackFact, any rounds: only the round's
 * count) for the audience @audience (member ids; NULL is none). */
HearthFeedbackRoundSummary *hearth_feedback_round_summarize      (const char                  *round_id,
                                                                  const char * const          *audience,
                                                                  GPtrArray                   *items);

/* How much of each member's feedback was acted on: items ending as planned or done over all
 * their items (declined is not acted on; open items count in the denominator). Returns
 * (element-type HearthFeedbackMemberShare): one per member with items, by member id. */
GPtrArray                  *hearth_feedback_member_shares        (GPtrArray                   *items);
/* The same for one member: the share, or -1 when they have no items; @n_items (optional). */
double                      hearth_feedback_acted_on_share       (GPtrArray                   *items,
                                                                  const char                  *member_id,
                                                                  guint                       *n_items);

/* The bucket of an age in days (a negative age, received after the reference day, is 0–7). */
HearthFeedbackAgeBucket     hearth_feedback_age_bucket           (gint64                       days);
/* Translated: "0–7 days", "8–14 days", "15–30 days", "31–90 days", "Over 90 days". */
const char                 *hearth_feedback_age_bucket_label     (HearthFeedbackAgeBucket      bucket);
/* Open items (new, acknowledged, planned) of @items counted into @counts by their age: days
 * from received_on to @reference_day. Items with a damaged date are left out. */
void                        hearth_feedback_open_by_age          (GPtrArray                   *items,
                                                                  const char                  *reference_day,
                                                                  guint                        counts[HEARTH_FEEDBACK_AGE_N_BUCKETS]);

/* The "Copy invitation" text: a translated plain-text message asking the round's questions,
 * numbered, with the close date when set. @topic, @questions, @closes_on and @program_name are
 * nullable. */
char                       *hearth_feedback_invitation_text      (const char                  *title,
                                                                  const char                  *topic,
                                                                  const char * const          *questions,
                                                                  const char                  *closes_on,
                                                                  const char                  *program_name);

/* Reads the program's live rounds with their audiences, live items (of live members or none)
 * and member names in six queries, whatever the program's size. Safe on any thread with its
 * own connection. */
HearthFeedbackSummaryInput *hearth_feedback_summary_load         (HearthDatabase              *db,
                                                                  const char                  *program_id,
                                                                  const char                  *reference_day,
                                                                  GCancellable                *cancellable,
                                                                  GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthFeedbackSummaryInput, hearth_feedback_summary_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthFeedbackRoundSummary, hearth_feedback_round_summary_free)

G_END_DECLS
