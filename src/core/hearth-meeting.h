/* hearth-meeting.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting or check-in call (issue 8): the day it was held, a title, notes, the attendees
 * (meeting_attendee rows) and action items (HearthMeetingAction: a text and the day it was
 * done). Feedback raised in a meeting is a feedback item with the channel "meeting", linked to
 * it (hearth_meeting_record_feedback()).
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_MEETING (hearth_meeting_get_type ())

G_DECLARE_FINAL_TYPE (HearthMeeting, hearth_meeting, HEARTH, MEETING, HearthRecord)

typedef enum
{
  HEARTH_MEETING_PROGRAM_ID,
  HEARTH_MEETING_HELD_ON,
  HEARTH_MEETING_TITLE,
  HEARTH_MEETING_NOTES,
  HEARTH_MEETING_N_COLUMNS
} HearthMeetingColumn;

extern const HearthColumn hearth_meeting_columns[HEARTH_MEETING_N_COLUMNS];

HearthMeeting *hearth_meeting_new                (const char      *program_id,
                                                  const char      *held_on);
const char    *hearth_meeting_get_program_id     (HearthMeeting   *self);
const char    *hearth_meeting_get_held_on        (HearthMeeting   *self);
const char    *hearth_meeting_get_title          (HearthMeeting   *self);
const char    *hearth_meeting_get_notes          (HearthMeeting   *self);
/* Live meetings of a program, newest first. */
GPtrArray     *hearth_meeting_load_for_program   (HearthDatabase  *db,
                                                  const char      *program_id,
                                                  GError         **error);

/* Store job: replaces the attendees of @meeting_id with @member_ids (NULL or empty: none), all
 * or none; each member live, in the meeting's program, listed once. Inside the caller's
 * transaction. */
gboolean       hearth_meeting_set_attendees      (HearthDatabase      *db,
                                                  const char          *meeting_id,
                                                  const char * const  *member_ids,
                                                  GError             **error);
/* The live attendees' member ids, by name. */
GStrv          hearth_meeting_load_attendees     (HearthDatabase      *db,
                                                  const char          *meeting_id,
                                                  GError             **error);

/**
 * hearth_meeting_record_feedback:
 * @db: the write connection
 * @meeting_id: a live meeting
 * @member_id: (nullable): who raised it: a live member of the meeting's program
 * @text: what was said
 * @rating: 1–5, or -1 for none
 * @tags: (nullable): tags
 * @out_id: (out) (optional): the new item's id
 * @error: return location
 *
 * Store job: inserts a feedback item (status "new") with the channel "meeting", meeting_id set
 * and received_on the meeting's held_on. Inside the caller's transaction.
 */
gboolean       hearth_meeting_record_feedback    (HearthDatabase      *db,
                                                  const char          *meeting_id,
                                                  const char          *member_id,
                                                  const char          *text,
                                                  gint64               rating,
                                                  const char * const  *tags,
                                                  char               **out_id,
                                                  GError             **error);

#define HEARTH_TYPE_MEETING_ACTION (hearth_meeting_action_get_type ())

G_DECLARE_FINAL_TYPE (HearthMeetingAction, hearth_meeting_action, HEARTH, MEETING_ACTION,
                      HearthRecord)

typedef enum
{
  HEARTH_MEETING_ACTION_MEETING_ID,
  HEARTH_MEETING_ACTION_TEXT,
  HEARTH_MEETING_ACTION_DONE_ON,
  HEARTH_MEETING_ACTION_N_COLUMNS
} HearthMeetingActionColumn;

extern const HearthColumn hearth_meeting_action_columns[HEARTH_MEETING_ACTION_N_COLUMNS];

HearthMeetingAction *hearth_meeting_action_new              (const char           *meeting_id,
                                                             const char           *text);
const char          *hearth_meeting_action_get_meeting_id   (HearthMeetingAction  *self);
const char          *hearth_meeting_action_get_text         (HearthMeetingAction  *self);
const char          *hearth_meeting_action_get_done_on      (HearthMeetingAction  *self);  /* NULL: open */
/* Live actions of a meeting: open ones first, then by when they were added. */
GPtrArray           *hearth_meeting_action_load_for_meeting (HearthDatabase       *db,
                                                             const char           *meeting_id,
                                                             GError              **error);

G_END_DECLS
