/* hearth-feedback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One piece of feedback (issue 8) and its status workflow; see hearth-feedback.h.
 */

#define G_LOG_DOMAIN "hearth-feedback"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-feedback.h"
#include "hearth-member.h"
#include "hearth-util.h"

struct _HearthFeedback
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthFeedback, hearth_feedback, HEARTH_TYPE_RECORD)

const char * const hearth_feedback_channels[] = { "meeting", "message", "survey", "other", NULL };
const char * const hearth_feedback_statuses[] = {
  "new", "acknowledged", "planned", "done", "declined", NULL
};

/* The same declarations as hearth-schema.c's feedback_columns. */
const HearthColumn hearth_feedback_columns[HEARTH_FEEDBACK_N_COLUMNS] = {
  [HEARTH_FEEDBACK_ROUND_ID] = { "round_id", HEARTH_COLUMN_TEXT, 0,
                                 .references = "feedback_round" },
  [HEARTH_FEEDBACK_MEETING_ID] = { "meeting_id", HEARTH_COLUMN_TEXT, 0,
                                   .references = "meeting" },
  [HEARTH_FEEDBACK_MEMBER_ID] = { "member_id", HEARTH_COLUMN_TEXT, 0, .references = "member" },
  [HEARTH_FEEDBACK_RECEIVED_ON] = { "received_on", HEARTH_COLUMN_DATE,
                                    HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_FEEDBACK_CHANNEL] = { "channel", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                                hearth_feedback_channels, 0, "other" },
  /* -1 stands for NULL. */
  [HEARTH_FEEDBACK_RATING] = { "rating", HEARTH_COLUMN_INT, 0, NULL, -1 },
  [HEARTH_FEEDBACK_TEXT] = { "text", HEARTH_COLUMN_TEXT },
  [HEARTH_FEEDBACK_TAGS] = { "tags", HEARTH_COLUMN_LIST },
  [HEARTH_FEEDBACK_STATUS] = { "status", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                               hearth_feedback_statuses, 0, "new" },
  [HEARTH_FEEDBACK_RESPONSE] = { "response", HEARTH_COLUMN_TEXT },
};

static gboolean
hearth_feedback_validate (HearthRecord  *record,
                          GError       **error)
{
  gint64 rating = hearth_feedback_get_rating (HEARTH_FEEDBACK (record));

  if (rating != -1 && (rating < 1 || rating > 5))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "feedback.rating: expected a rating from 1 to 5");
      return FALSE;
    }

  return TRUE;
}

static void
hearth_feedback_class_init (HearthFeedbackClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_feedback_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "feedback",
                                 hearth_feedback_columns, HEARTH_FEEDBACK_N_COLUMNS,
                                 "received_on DESC, created_at DESC, rowid DESC");
}

static void
hearth_feedback_init (HearthFeedback *self)
{
}

HearthFeedback *
hearth_feedback_new (const char *member_id,
                     const char *received_on)
{
  return g_object_new (HEARTH_TYPE_FEEDBACK,
                       "member-id", member_id,
                       "received-on", received_on,
                       NULL);
}

#define GETTER(name, COLUMN)                                                     \
  const char *                                                                   \
  hearth_feedback_get_##name (HearthFeedback *self)                              \
  {                                                                              \
    return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_FEEDBACK_##COLUMN); \
  }

GETTER (round_id, ROUND_ID)
GETTER (meeting_id, MEETING_ID)
GETTER (member_id, MEMBER_ID)
GETTER (received_on, RECEIVED_ON)
GETTER (channel, CHANNEL)
GETTER (text, TEXT)
GETTER (status, STATUS)
GETTER (response, RESPONSE)

#undef GETTER

gint64
hearth_feedback_get_rating (HearthFeedback *self)
{
  gint64 value = hearth_record_get_int (HEARTH_RECORD (self), HEARTH_FEEDBACK_RATING);

  return value < 0 ? -1 : value;
}

const char * const *
hearth_feedback_get_tags (HearthFeedback *self)
{
  return hearth_record_get_list (HEARTH_RECORD (self), HEARTH_FEEDBACK_TAGS);
}

GPtrArray *
hearth_feedback_load_for_round (HearthDatabase  *db,
                                const char      *round_id,
                                GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_FEEDBACK, db, "round_id", round_id, error);
}

GPtrArray *
hearth_feedback_load_for_member (HearthDatabase  *db,
                                 const char      *member_id,
                                 GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_FEEDBACK, db, "member_id", member_id, error);
}

GPtrArray *
hearth_feedback_load_for_meeting (HearthDatabase  *db,
                                  const char      *meeting_id,
                                  GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_FEEDBACK, db, "meeting_id", meeting_id, error);
}

gboolean
hearth_feedback_status_is_open (const char *status)
{
  return g_strcmp0 (status, "new") == 0 || g_strcmp0 (status, "acknowledged") == 0 ||
         g_strcmp0 (status, "planned") == 0;
}

/* The one table of the workflow: each status and where it may go. */
static const struct
{
  const char *from;
  const char *to[5];
} steps[] = {
  { "new", { "acknowledged", "planned", "done", "declined", NULL } },
  { "acknowledged", { "planned", "done", "declined", NULL } },
  { "planned", { "done", "declined", NULL } },
  { "done", { "acknowledged", NULL } },
  { "declined", { "acknowledged", NULL } },
};

gboolean
hearth_feedback_status_step_allowed (const char *from,
                                     const char *to)
{
  if (from == NULL || to == NULL || !g_strv_contains (hearth_feedback_statuses, to))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].from, from))
      return g_str_equal (from, to) || g_strv_contains (steps[i].to, to);

  return FALSE;
}

const char *
hearth_feedback_status_label (const char *status)
{
  if (g_strcmp0 (status, "new") == 0)
    /* Translators: a feedback item's status */
    return C_("feedback status", "New");
  if (g_strcmp0 (status, "acknowledged") == 0)
    /* Translators: a feedback item's status: seen and answered, nothing decided yet */
    return C_("feedback status", "Acknowledged");
  if (g_strcmp0 (status, "planned") == 0)
    /* Translators: a feedback item's status: it will be acted on */
    return C_("feedback status", "Planned");
  if (g_strcmp0 (status, "done") == 0)
    /* Translators: a feedback item's status: it was acted on */
    return C_("feedback status", "Done");
  if (g_strcmp0 (status, "declined") == 0)
    /* Translators: a feedback item's status: it will not be acted on */
    return C_("feedback status", "Declined");
  return status;
}

const char *
hearth_feedback_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "meeting") == 0)
    /* Translators: the channel feedback came through */
    return C_("feedback channel", "Meeting");
  if (g_strcmp0 (channel, "message") == 0)
    /* Translators: the channel feedback came through */
    return C_("feedback channel", "Message");
  if (g_strcmp0 (channel, "survey") == 0)
    /* Translators: the channel feedback came through */
    return C_("feedback channel", "Survey");
  if (g_strcmp0 (channel, "other") == 0)
    /* Translators: the channel feedback came through */
    return C_("feedback channel", "Other");
  return channel;
}

/* "Ana (2026-05-01)": how errors name an item. */
static char *
describe_item (HearthDatabase *db,
               HearthFeedback *item)
{
  const char *member_id = hearth_feedback_get_member_id (item);
  g_autoptr(HearthMember) member = NULL;
  const char *name;

  if (member_id != NULL)
    member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, member_id, TRUE, NULL);
  /* Translators: names feedback without a member in error messages */
  name = member != NULL ? hearth_member_get_display_name (member) : _("Anonymous");

  /* Translators: names one feedback item in error messages: a member's name, then the day the
   * feedback was received, e.g. "Ana (2026-05-01)" */
  return g_strdup_printf (_("%s (%s)"), name, hearth_feedback_get_received_on (item));
}

gboolean
hearth_feedback_set_status (HearthDatabase      *db,
                            const char * const  *ids,
                            const char          *status,
                            const char          *response,
                            GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *given = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ids == NULL || ids[0] == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "feedback.id: no item given");
      return FALSE;
    }
  if (status == NULL || !g_strv_contains (hearth_feedback_statuses, status))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "feedback.status: expected one of new, acknowledged, planned, done, declined");
      return FALSE;
    }

  if (response != NULL)
    {
      given = g_strstrip (g_strdup (response));
      if (given[0] == '\0')
        g_clear_pointer (&given, g_free);
    }

  /* Every check before the first update, so a refusal writes nothing. */
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      HearthFeedback *item;
      const char *from;

      if (!(item = hearth_record_load_by_id (HEARTH_TYPE_FEEDBACK, db, ids[i], FALSE, error)))
        return FALSE;
      g_ptr_array_add (items, item);
      from = hearth_feedback_get_status (item);

      if (!hearth_feedback_status_step_allowed (from, status))
        {
          g_autofree char *what = describe_item (db, item);

          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       /* Translators: a feedback item ("Ana (2026-05-01)"), then two statuses,
                        * e.g. "Ana (2026-05-01) cannot go from “Done” to “Planned”" */
                       _("%s cannot go from “%s” to “%s”"), what,
                       hearth_feedback_status_label (from), hearth_feedback_status_label (status));
          return FALSE;
        }

      if ((g_str_equal (status, "done") || g_str_equal (status, "declined")) &&
          given == NULL && hearth_str_empty (hearth_feedback_get_response (item)))
        {
          g_autofree char *what = describe_item (db, item);

          if (g_str_equal (status, "done"))
            g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                         /* Translators: a feedback item ("Ana (2026-05-01)") */
                         _("%s needs a response before it is marked done: tell the member what "
                           "was done"), what);
          else
            g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                         /* Translators: a feedback item ("Ana (2026-05-01)") */
                         _("%s needs a response before it is declined: tell the member why"),
                         what);
          return FALSE;
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      HearthRecord *item = g_ptr_array_index (items, i);

      hearth_record_set_text (item, HEARTH_FEEDBACK_STATUS, status);
      if (given != NULL)
        hearth_record_set_text (item, HEARTH_FEEDBACK_RESPONSE, given);
      if (!hearth_record_update (item, db, error))
        return FALSE;
    }

  return TRUE;
}
