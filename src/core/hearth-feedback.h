/* hearth-feedback.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One piece of feedback (issue 8): the member, the round (or none for spontaneous feedback), the
 * meeting it was raised in, the day received, the channel (meeting, message, survey, other), an
 * optional rating 1–5, the text, tags, a status and the response given to the member.
 *
 * The status workflow (hearth_feedback_status_step_allowed()):
 *   new          → acknowledged, planned, done, declined
 *   acknowledged → planned, done, declined
 *   planned      → done, declined
 *   done         → acknowledged   (reopened)
 *   declined     → acknowledged   (reopened)
 * Done and declined need a response. Statuses only change through hearth_feedback_set_status().
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FEEDBACK (hearth_feedback_get_type ())

G_DECLARE_FINAL_TYPE (HearthFeedback, hearth_feedback, HEARTH, FEEDBACK, HearthRecord)

typedef enum
{
  HEARTH_FEEDBACK_ROUND_ID,
  HEARTH_FEEDBACK_MEETING_ID,
  HEARTH_FEEDBACK_MEMBER_ID,
  HEARTH_FEEDBACK_RECEIVED_ON,
  HEARTH_FEEDBACK_CHANNEL,
  HEARTH_FEEDBACK_RATING,
  HEARTH_FEEDBACK_TEXT,
  HEARTH_FEEDBACK_TAGS,
  HEARTH_FEEDBACK_STATUS,
  HEARTH_FEEDBACK_RESPONSE,
  HEARTH_FEEDBACK_N_COLUMNS
} HearthFeedbackColumn;

/* The table's own columns, in schema order (the same as hearth-schema.c's). */
extern const HearthColumn hearth_feedback_columns[HEARTH_FEEDBACK_N_COLUMNS];

/* NULL-terminated, as stored. */
extern const char * const hearth_feedback_channels[];  /* meeting message survey other */
extern const char * const hearth_feedback_statuses[];  /* new acknowledged planned done declined */

HearthFeedback     *hearth_feedback_new             (const char      *member_id,
                                                     const char      *received_on);
const char         *hearth_feedback_get_round_id    (HearthFeedback  *self);
const char         *hearth_feedback_get_meeting_id  (HearthFeedback  *self);
const char         *hearth_feedback_get_member_id   (HearthFeedback  *self);
const char         *hearth_feedback_get_received_on (HearthFeedback  *self);
const char         *hearth_feedback_get_channel     (HearthFeedback  *self);
gint64              hearth_feedback_get_rating      (HearthFeedback  *self);  /* -1 when none */
const char         *hearth_feedback_get_text        (HearthFeedback  *self);
const char * const *hearth_feedback_get_tags        (HearthFeedback  *self);  /* nullable */
const char         *hearth_feedback_get_status      (HearthFeedback  *self);
const char         *hearth_feedback_get_response    (HearthFeedback  *self);

/* Live items of a round / of a member / of a meeting, newest received first. */
GPtrArray          *hearth_feedback_load_for_round   (HearthDatabase  *db,
                                                      const char      *round_id,
                                                      GError         **error);
GPtrArray          *hearth_feedback_load_for_member  (HearthDatabase  *db,
                                                      const char      *member_id,
                                                      GError         **error);
GPtrArray          *hearth_feedback_load_for_meeting (HearthDatabase  *db,
                                                      const char      *meeting_id,
                                                      GError         **error);

/* TRUE for new, acknowledged and planned. */
gboolean            hearth_feedback_status_is_open        (const char     *status);
/* Whether the workflow allows @from → @to (see above); a status to itself is allowed (only the
 * response changes). */
gboolean            hearth_feedback_status_step_allowed   (const char     *from,
                                                           const char     *to);
/* The translated label of a status ("New", "Acknowledged", …); the status itself when unknown. */
const char         *hearth_feedback_status_label          (const char     *status);
/* The translated label of a channel ("Meeting", "Message", "Survey", "Other"). */
const char         *hearth_feedback_channel_label         (const char     *channel);

/**
 * hearth_feedback_set_status:
 * @db: the write connection
 * @ids: the live items to change, one or many
 * @status: the new status
 * @response: (nullable): the response to give; NULL or blank keeps each item's own
 * @error: return location
 *
 * Store job: moves every item of @ids to @status, all or none. Refuses a step the workflow does
 * not allow (the error names the item and both statuses) and done or declined without a
 * response (the item's own, or @response). The errors are translated and name the item as
 * "Member name (YYYY-MM-DD)". Call inside the caller's transaction.
 */
gboolean            hearth_feedback_set_status            (HearthDatabase      *db,
                                                           const char * const  *ids,
                                                           const char          *status,
                                                           const char          *response,
                                                           GError             **error);

G_END_DECLS
