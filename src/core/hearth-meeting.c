/* hearth-meeting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meetings and check-in calls, their attendees and action items (issue 8); see hearth-meeting.h.
 */

#define G_LOG_DOMAIN "hearth-meeting"

#include "config.h"

#include "hearth-feedback.h"
#include "hearth-meeting.h"
#include "hearth-member.h"
#include "hearth-util.h"

struct _HearthMeeting
{
  HearthRecord parent_instance;
};

struct _HearthMeetingAction
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthMeeting, hearth_meeting, HEARTH_TYPE_RECORD)
G_DEFINE_FINAL_TYPE (HearthMeetingAction, hearth_meeting_action, HEARTH_TYPE_RECORD)

/* The same declarations as hearth-schema.c's meeting_columns and meeting_action_columns. */
const HearthColumn hearth_meeting_columns[HEARTH_MEETING_N_COLUMNS] = {
  [HEARTH_MEETING_PROGRAM_ID] = { "program_id", HEARTH_COLUMN_TEXT,
                                  HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                  .references = "program" },
  [HEARTH_MEETING_HELD_ON] = { "held_on", HEARTH_COLUMN_DATE, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_MEETING_TITLE] = { "title", HEARTH_COLUMN_TEXT },
  [HEARTH_MEETING_NOTES] = { "notes", HEARTH_COLUMN_TEXT },
};

const HearthColumn hearth_meeting_action_columns[HEARTH_MEETING_ACTION_N_COLUMNS] = {
  [HEARTH_MEETING_ACTION_MEETING_ID] = { "meeting_id", HEARTH_COLUMN_TEXT,
                                         HEARTH_COLUMN_FLAGS_REQUIRED |
                                         HEARTH_COLUMN_FLAGS_PARENT,
                                         .references = "meeting" },
  [HEARTH_MEETING_ACTION_TEXT] = { "text", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_MEETING_ACTION_DONE_ON] = { "done_on", HEARTH_COLUMN_DATE },
};

static void
hearth_meeting_class_init (HearthMeetingClass *klass)
{
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "meeting",
                                 hearth_meeting_columns, HEARTH_MEETING_N_COLUMNS,
                                 "held_on DESC, created_at DESC, rowid DESC");
}

static void
hearth_meeting_init (HearthMeeting *self)
{
}

static void
hearth_meeting_action_class_init (HearthMeetingActionClass *klass)
{
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "meeting_action",
                                 hearth_meeting_action_columns, HEARTH_MEETING_ACTION_N_COLUMNS,
                                 "done_on IS NOT NULL, created_at, rowid");
}

static void
hearth_meeting_action_init (HearthMeetingAction *self)
{
}

HearthMeeting *
hearth_meeting_new (const char *program_id,
                    const char *held_on)
{
  return g_object_new (HEARTH_TYPE_MEETING, "program-id", program_id, "held-on", held_on, NULL);
}

const char *
hearth_meeting_get_program_id (HearthMeeting *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_PROGRAM_ID);
}

const char *
hearth_meeting_get_held_on (HearthMeeting *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_HELD_ON);
}

const char *
hearth_meeting_get_title (HearthMeeting *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_TITLE);
}

const char *
hearth_meeting_get_notes (HearthMeeting *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_NOTES);
}

GPtrArray *
hearth_meeting_load_for_program (HearthDatabase  *db,
                                 const char      *program_id,
                                 GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_MEETING, db, "program_id", program_id, error);
}

/* A live member of @program_id, or an error naming the column. */
static gboolean
check_member (HearthDatabase  *db,
              const char      *column,
              const char      *member_id,
              const char      *program_id,
              GError         **error)
{
  g_autoptr(HearthMember) member = NULL;

  if (!(member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, member_id, FALSE, error)))
    return FALSE;
  if (g_strcmp0 (hearth_member_get_program_id (member), program_id) != 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "%s: %s is a member of another program", column, member_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearth_meeting_set_attendees (HearthDatabase      *db,
                              const char          *meeting_id,
                              const char * const  *member_ids,
                              GError             **error)
{
  g_autoptr(HearthMeeting) meeting = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if (!(meeting = hearth_record_load_by_id (HEARTH_TYPE_MEETING, db, meeting_id, FALSE, error)))
    return FALSE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; member_ids != NULL && member_ids[i] != NULL; i++)
    {
      if (!check_member (db, "meeting_attendee.member_id", member_ids[i],
                         hearth_meeting_get_program_id (meeting), error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer)member_ids[i]))
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "meeting_attendee.member_id: %s is listed twice", member_ids[i]);
          return FALSE;
        }
    }

  if (!(stmt = hearth_database_prepare (db, "DELETE FROM meeting_attendee WHERE meeting_id = ?1",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, meeting_id);
  if (!hearth_database_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = hearth_database_prepare (db, "INSERT INTO meeting_attendee (meeting_id, member_id) "
                                            "VALUES (?1, ?2)", error)))
    return FALSE;
  for (guint i = 0; member_ids != NULL && member_ids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      hearth_bind_text (stmt, 1, meeting_id);
      hearth_bind_text (stmt, 2, member_ids[i]);
      if (!hearth_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

GStrv
hearth_meeting_load_attendees (HearthDatabase  *db,
                               const char      *meeting_id,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (!(stmt = hearth_database_prepare (db, "SELECT m.id FROM meeting_attendee ma "
                                            "JOIN member m ON m.id = ma.member_id "
                                            "WHERE ma.meeting_id = ?1 AND m.deleted_at IS NULL "
                                            "ORDER BY m.display_name COLLATE NOCASE, m.id",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, meeting_id);
  while ((rc = hearth_database_step (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, hearth_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;

  return g_strv_builder_end (builder);
}

gboolean
hearth_meeting_record_feedback (HearthDatabase      *db,
                                const char          *meeting_id,
                                const char          *member_id,
                                const char          *text,
                                gint64               rating,
                                const char * const  *tags,
                                char               **out_id,
                                GError             **error)
{
  g_autoptr(HearthMeeting) meeting = NULL;
  g_autoptr(HearthFeedback) item = NULL;
  HearthRecord *record;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (meeting_id != NULL, FALSE);

  if (!(meeting = hearth_record_load_by_id (HEARTH_TYPE_MEETING, db, meeting_id, FALSE, error)))
    return FALSE;
  if (member_id != NULL &&
      !check_member (db, "feedback.member_id", member_id,
                     hearth_meeting_get_program_id (meeting), error))
    return FALSE;

  item = hearth_feedback_new (member_id, hearth_meeting_get_held_on (meeting));
  record = HEARTH_RECORD (item);
  hearth_record_set_text (record, HEARTH_FEEDBACK_MEETING_ID, meeting_id);
  hearth_record_set_text (record, HEARTH_FEEDBACK_CHANNEL, "meeting");
  hearth_record_set_text (record, HEARTH_FEEDBACK_TEXT, text);
  hearth_record_set_int (record, HEARTH_FEEDBACK_RATING, rating < 0 ? -1 : rating);
  hearth_record_set_list (record, HEARTH_FEEDBACK_TAGS, tags);

  if (!hearth_record_insert (record, db, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_strdup (hearth_record_get_id (record));

  return TRUE;
}

HearthMeetingAction *
hearth_meeting_action_new (const char *meeting_id,
                           const char *text)
{
  return g_object_new (HEARTH_TYPE_MEETING_ACTION, "meeting-id", meeting_id, "text", text, NULL);
}

const char *
hearth_meeting_action_get_meeting_id (HearthMeetingAction *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_ACTION_MEETING_ID);
}

const char *
hearth_meeting_action_get_text (HearthMeetingAction *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_ACTION_TEXT);
}

const char *
hearth_meeting_action_get_done_on (HearthMeetingAction *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEETING_ACTION_DONE_ON);
}

GPtrArray *
hearth_meeting_action_load_for_meeting (HearthDatabase  *db,
                                        const char      *meeting_id,
                                        GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_MEETING_ACTION, db, "meeting_id", meeting_id, error);
}
