/* hearth-member.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member of the community, from the first activity Hearth sees to ambassador and alumni.
 * email, notes and identity_tags are personal fields (DESIGN §8).
 */

#define G_LOG_DOMAIN "hearth-member"

#include "config.h"

#include "hearth-member.h"
#include "hearth-status-change.h"
#include "hearth-util.h"

struct _HearthMember
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthMember, hearth_member, HEARTH_TYPE_RECORD)

const char * const hearth_member_statuses[] = {
  "member", "candidate", "invited", "ambassador", "paused", "alumni", "declined", NULL
};

#define TEXT(name) { name, HEARTH_COLUMN_TEXT }

const HearthColumn hearth_member_columns[HEARTH_MEMBER_N_COLUMNS] = {
  [HEARTH_MEMBER_PROGRAM_ID] = { "program_id", HEARTH_COLUMN_TEXT,
                                 HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                 .references = "program" },
  [HEARTH_MEMBER_DISPLAY_NAME] = { "display_name", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_MEMBER_HANDLE] = TEXT ("handle"),
  [HEARTH_MEMBER_PLATFORM] = TEXT ("platform"),
  [HEARTH_MEMBER_EXTERNAL_ID] = TEXT ("external_id"),
  [HEARTH_MEMBER_EMAIL] = { "email", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_PERSONAL },
  [HEARTH_MEMBER_JOINED_ON] = { "joined_on", HEARTH_COLUMN_DATE },
  [HEARTH_MEMBER_REGION] = TEXT ("region"),
  [HEARTH_MEMBER_TIMEZONE] = TEXT ("timezone"),
  [HEARTH_MEMBER_LANGUAGE] = TEXT ("language"),
  [HEARTH_MEMBER_SEGMENT] = TEXT ("segment"),
  [HEARTH_MEMBER_IDENTITY_TAGS] = { "identity_tags", HEARTH_COLUMN_LIST, HEARTH_COLUMN_FLAGS_PERSONAL },
  [HEARTH_MEMBER_IS_BOT] = { "is_bot", HEARTH_COLUMN_BOOL, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_MEMBER_STATUS] = { "status", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                             hearth_member_statuses, 0, "member" },
  [HEARTH_MEMBER_NOTES] = { "notes", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_PERSONAL },
};



static void
hearth_member_class_init (HearthMemberClass *klass)
{
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "member",
                                 hearth_member_columns, HEARTH_MEMBER_N_COLUMNS,
                                 "display_name COLLATE NOCASE");
}

static void
hearth_member_init (HearthMember *self)
{
}

HearthMember *
hearth_member_new (const char *program_id,
                   const char *display_name)
{
  return g_object_new (HEARTH_TYPE_MEMBER,
                       "program-id", program_id,
                       "display-name", display_name,
                       NULL);
}

const char *
hearth_member_get_display_name (HearthMember *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEMBER_DISPLAY_NAME);
}

const char *
hearth_member_get_status (HearthMember *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEMBER_STATUS);
}

const char *
hearth_member_get_program_id (HearthMember *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_MEMBER_PROGRAM_ID);
}

/**
 * hearth_member_load_for_program:
 *
 * Returns: (transfer full) (element-type HearthMember): the program's live members by name
 */
GPtrArray *
hearth_member_load_for_program (HearthDatabase  *db,
                                const char      *program_id,
                                GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_MEMBER, db, "program_id", program_id, error);
}

/* The status workflow ------------------------------------------------------------------------ */

/* Every step a member's status may take, and nothing else:
 *
 *   member → candidate                  put forward (a nomination, a score, an organizer)
 *   candidate → invited                 asked to become an ambassador
 *   invited → ambassador                said yes
 *   member/candidate/invited → declined not now (their choice or the organizers'); note allowed
 *   ambassador → paused → ambassador    a break, and the way back
 *   ambassador/paused → alumni          stepped down for good
 *   declined/alumni → candidate         reconsidered later
 *
 * Each step writes a member_status_change row, so "declined before" and decline notes survive
 * the member's next steps. */
static const struct
{
  const char *from;
  const char *to;
} transitions[] = {
  { "member", "candidate" },
  { "candidate", "invited" },
  { "invited", "ambassador" },
  { "member", "declined" },
  { "candidate", "declined" },
  { "invited", "declined" },
  { "ambassador", "paused" },
  { "paused", "ambassador" },
  { "ambassador", "alumni" },
  { "paused", "alumni" },
  { "declined", "candidate" },
  { "alumni", "candidate" },
};

/**
 * hearth_member_status_can_change:
 * @from: a member's current status
 * @to: the status they would move to
 *
 * Returns: whether the workflow allows the step (a status to itself is no step)
 */
gboolean
hearth_member_status_can_change (const char *from,
                                 const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0 && g_strcmp0 (transitions[i].to, to) == 0)
      return TRUE;

  return FALSE;
}

/**
 * hearth_member_change_status:
 * @db: the write connection, inside the caller's transaction (a store job)
 * @member_id: a live member
 * @status: the status to move to
 * @note: (nullable): why, for the history (a decline note, …)
 * @changed_on: the day of the change (YYYY-MM-DD): core never reads the clock for dates
 *
 * Moves the member to @status if the workflow allows it from their current one, stamping
 * member.updated_at, and records the step in member_status_change.
 */
gboolean
hearth_member_change_status (HearthDatabase  *db,
                             const char      *member_id,
                             const char      *status,
                             const char      *note,
                             const char      *changed_on,
                             GError         **error)
{
  g_autoptr(HearthMember) member = NULL;
  g_autoptr(HearthStatusChange) change = NULL;
  const char *from;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  if (status == NULL || !g_strv_contains (hearth_member_statuses, status))
    {
      g_autofree char *choices = g_strjoinv (", ", (char **)hearth_member_statuses);

      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "member.status: expected one of %s", choices);
      return FALSE;
    }

  if (!(member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, member_id, FALSE, error)))
    return FALSE;

  from = hearth_member_get_status (member);
  if (!hearth_member_status_can_change (from, status))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "member.status: cannot change from %s to %s", from, status);
      return FALSE;
    }

  /* The history row first: it validates the day and the note before anything is written. */
  change = hearth_status_change_new (member_id, status, changed_on);
  hearth_record_set_text (HEARTH_RECORD (change), HEARTH_STATUS_CHANGE_NOTE, note);
  if (!hearth_record_validate (HEARTH_RECORD (change), error))
    return FALSE;

  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_STATUS, status);

  return hearth_record_update (HEARTH_RECORD (member), db, error) &&
         hearth_record_insert (HEARTH_RECORD (change), db, error);
}

typedef struct
{
  char *member_id;
  char *status;
  char *note;
  char *changed_on;
} StatusJob;

static void
status_job_free (gpointer data)
{
  StatusJob *job = data;

  g_free (job->member_id);
  g_free (job->status);
  g_free (job->note);
  g_free (job->changed_on);
  g_free (job);
}

static gboolean
status_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  StatusJob *job = job_data;

  return hearth_member_change_status (db, job->member_id, job->status, job->note,
                                      job->changed_on, error);
}

/**
 * hearth_member_change_status_async:
 * @store: the store
 * @member_id: a live member
 * @status: the status to move to
 * @note: (nullable): why, for the history
 * @changed_on: the day of the change (YYYY-MM-DD), usually hearth_reference_day()
 *
 * hearth_member_change_status() as a store job: @callback runs on the main context after
 * ::changed, and calls hearth_member_change_status_finish().
 */
void
hearth_member_change_status_async (HearthStore         *store,
                                   const char          *member_id,
                                   const char          *status,
                                   const char          *note,
                                   const char          *changed_on,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  StatusJob *job;

  g_return_if_fail (HEARTH_IS_STORE (store));
  g_return_if_fail (member_id != NULL);

  job = g_new0 (StatusJob, 1);
  job->member_id = g_strdup (member_id);
  job->status = g_strdup (status);
  job->note = g_strdup (note);
  job->changed_on = g_strdup (changed_on);

  hearth_store_write_async (store, status_job, job, status_job_free, HEARTH_WRITE_FLAGS_NONE,
                            cancellable, callback, user_data);
}

gboolean
hearth_member_change_status_finish (HearthStore   *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return hearth_store_write_finish (store, result, error);
}
