/* hearth-feedback-round.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A feedback round (DESIGN §4, issue 8): a title, a topic, the questions to ask, an open and a
 * close date, an audience (all ambassadors, one role, or chosen members), a status (draft, open,
 * closed) and the outcome: what was decided and told back to the ambassadors.
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FEEDBACK_ROUND (hearth_feedback_round_get_type ())

G_DECLARE_FINAL_TYPE (HearthFeedbackRound, hearth_feedback_round, HEARTH, FEEDBACK_ROUND,
                      HearthRecord)

typedef enum
{
  HEARTH_FEEDBACK_ROUND_PROGRAM_ID,
  HEARTH_FEEDBACK_ROUND_TITLE,
  HEARTH_FEEDBACK_ROUND_TOPIC,
  HEARTH_FEEDBACK_ROUND_QUESTIONS,
  HEARTH_FEEDBACK_ROUND_OPENS_ON,
  HEARTH_FEEDBACK_ROUND_CLOSES_ON,
  HEARTH_FEEDBACK_ROUND_STATUS,
  HEARTH_FEEDBACK_ROUND_AUDIENCE,
  HEARTH_FEEDBACK_ROUND_AUDIENCE_ROLE_ID,
  HEARTH_FEEDBACK_ROUND_OUTCOME,
  HEARTH_FEEDBACK_ROUND_N_COLUMNS
} HearthFeedbackRoundColumn;

/* The table's own columns, in schema order (the same as hearth-schema.c's). */
extern const HearthColumn hearth_feedback_round_columns[HEARTH_FEEDBACK_ROUND_N_COLUMNS];

/* NULL-terminated, as stored. */
extern const char * const hearth_feedback_round_statuses[];   /* draft open closed */
extern const char * const hearth_feedback_round_audiences[];  /* all role members */

HearthFeedbackRound *hearth_feedback_round_new                  (const char           *program_id,
                                                                 const char           *title);
const char          *hearth_feedback_round_get_program_id       (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_title            (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_topic            (HearthFeedbackRound  *self);
/* (nullable): NULL when there are none */
const char * const  *hearth_feedback_round_get_questions        (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_opens_on         (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_closes_on        (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_status           (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_audience         (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_audience_role_id (HearthFeedbackRound  *self);
const char          *hearth_feedback_round_get_outcome          (HearthFeedbackRound  *self);

/* Live rounds of a program: newest open date first (undated drafts first), then title. */
GPtrArray           *hearth_feedback_round_load_for_program     (HearthDatabase       *db,
                                                                 const char           *program_id,
                                                                 GError              **error);

/* Store job: replaces the chosen audience (feedback_round_member rows) of @round_id with
 * @member_ids (NULL or empty: none), all or none. The round must be live; each member live and
 * in the round's program, listed once. Call on the write connection, inside the caller's
 * transaction. */
gboolean             hearth_feedback_round_set_members          (HearthDatabase       *db,
                                                                 const char           *round_id,
                                                                 const char * const   *member_ids,
                                                                 GError              **error);

/* The chosen members (feedback_round_member rows) of @round_id that are live, by name. */
GStrv                hearth_feedback_round_load_members         (HearthDatabase       *db,
                                                                 const char           *round_id,
                                                                 GError              **error);

/**
 * hearth_feedback_round_audience:
 * @db: a connection
 * @round_id: a live round
 * @reference_day: (nullable): YYYY-MM-DD; NULL resolves the program's reference day
 *   (hearth_reference_day() of program.as_of)
 * @error: return location
 *
 * The member ids of the round's audience, by display name (then id):
 * - "all": the program's live members with the status "ambassador" that are not bots;
 * - "role": live members with a live assignment to audience_role_id that has no ended_on and
 *   starts on or before @reference_day (none when the role is not set or deleted);
 * - "members": the round's feedback_round_member rows of live members.
 *
 * Returns: (transfer full): a NULL-terminated array (empty when nobody); NULL with @error set.
 */
GStrv                hearth_feedback_round_audience             (HearthDatabase       *db,
                                                                 const char           *round_id,
                                                                 const char           *reference_day,
                                                                 GError              **error);

G_END_DECLS
