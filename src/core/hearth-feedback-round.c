/* hearth-feedback-round.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A feedback round (issue 8) and its audience. The audience is resolved, never stored, except
 * for the chosen members of an audience "members" (feedback_round_member).
 */

#define G_LOG_DOMAIN "hearth-feedback-round"

#include "config.h"

#include <string.h>

#include "hearth-feedback-round.h"
#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-util.h"

struct _HearthFeedbackRound
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthFeedbackRound, hearth_feedback_round, HEARTH_TYPE_RECORD)

const char * const hearth_feedback_round_statuses[] = { "draft", "open", "closed", NULL };
const char * const hearth_feedback_round_audiences[] = { "all", "role", "members", NULL };

/* The same declarations as hearth-schema.c's feedback_round_columns. */
const HearthColumn hearth_feedback_round_columns[HEARTH_FEEDBACK_ROUND_N_COLUMNS] = {
  [HEARTH_FEEDBACK_ROUND_PROGRAM_ID] = { "program_id", HEARTH_COLUMN_TEXT,
                                         HEARTH_COLUMN_FLAGS_REQUIRED |
                                         HEARTH_COLUMN_FLAGS_PARENT,
                                         .references = "program" },
  [HEARTH_FEEDBACK_ROUND_TITLE] = { "title", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_FEEDBACK_ROUND_TOPIC] = { "topic", HEARTH_COLUMN_TEXT },
  [HEARTH_FEEDBACK_ROUND_QUESTIONS] = { "questions", HEARTH_COLUMN_LIST },
  [HEARTH_FEEDBACK_ROUND_OPENS_ON] = { "opens_on", HEARTH_COLUMN_DATE },
  [HEARTH_FEEDBACK_ROUND_CLOSES_ON] = { "closes_on", HEARTH_COLUMN_DATE },
  [HEARTH_FEEDBACK_ROUND_STATUS] = { "status", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                                     hearth_feedback_round_statuses, 0, "draft" },
  [HEARTH_FEEDBACK_ROUND_AUDIENCE] = { "audience", HEARTH_COLUMN_ENUM,
                                       HEARTH_COLUMN_FLAGS_REQUIRED,
                                       hearth_feedback_round_audiences, 0, "all" },
  [HEARTH_FEEDBACK_ROUND_AUDIENCE_ROLE_ID] = { "audience_role_id", HEARTH_COLUMN_TEXT, 0,
                                               .references = "role" },
  [HEARTH_FEEDBACK_ROUND_OUTCOME] = { "outcome", HEARTH_COLUMN_TEXT },
};

static gboolean
hearth_feedback_round_validate (HearthRecord  *record,
                                GError       **error)
{
  HearthFeedbackRound *self = HEARTH_FEEDBACK_ROUND (record);
  const char *opens_on = hearth_feedback_round_get_opens_on (self);
  const char *closes_on = hearth_feedback_round_get_closes_on (self);

  if (g_strcmp0 (hearth_feedback_round_get_audience (self), "role") == 0 &&
      hearth_str_empty (hearth_feedback_round_get_audience_role_id (self)))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "feedback_round.audience_role_id: the audience \"role\" needs a role");
      return FALSE;
    }

  if (opens_on != NULL && closes_on != NULL && strcmp (closes_on, opens_on) < 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "feedback_round.closes_on: the close date is before the open date");
      return FALSE;
    }

  return TRUE;
}

static void
hearth_feedback_round_class_init (HearthFeedbackRoundClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_feedback_round_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "feedback_round",
                                 hearth_feedback_round_columns,
                                 HEARTH_FEEDBACK_ROUND_N_COLUMNS,
                                 "opens_on IS NOT NULL, opens_on DESC, title COLLATE NOCASE, "
                                 "created_at, rowid");
}

static void
hearth_feedback_round_init (HearthFeedbackRound *self)
{
}

HearthFeedbackRound *
hearth_feedback_round_new (const char *program_id,
                           const char *title)
{
  return g_object_new (HEARTH_TYPE_FEEDBACK_ROUND,
                       "program-id", program_id,
                       "title", title,
                       NULL);
}

#define GETTER(name, COLUMN)                                                           \
  const char *                                                                         \
  hearth_feedback_round_get_##name (HearthFeedbackRound *self)                         \
  {                                                                                    \
    return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_FEEDBACK_ROUND_##COLUMN); \
  }

GETTER (program_id, PROGRAM_ID)
GETTER (title, TITLE)
GETTER (topic, TOPIC)
GETTER (opens_on, OPENS_ON)
GETTER (closes_on, CLOSES_ON)
GETTER (status, STATUS)
GETTER (audience, AUDIENCE)
GETTER (audience_role_id, AUDIENCE_ROLE_ID)
GETTER (outcome, OUTCOME)

#undef GETTER

const char * const *
hearth_feedback_round_get_questions (HearthFeedbackRound *self)
{
  return hearth_record_get_list (HEARTH_RECORD (self), HEARTH_FEEDBACK_ROUND_QUESTIONS);
}

GPtrArray *
hearth_feedback_round_load_for_program (HearthDatabase  *db,
                                        const char      *program_id,
                                        GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_FEEDBACK_ROUND, db, "program_id", program_id, error);
}

gboolean
hearth_feedback_round_set_members (HearthDatabase      *db,
                                   const char          *round_id,
                                   const char * const  *member_ids,
                                   GError             **error)
{
  g_autoptr(HearthFeedbackRound) round = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (round_id != NULL, FALSE);

  if (!(round = hearth_record_load_by_id (HEARTH_TYPE_FEEDBACK_ROUND, db, round_id, FALSE,
                                          error)))
    return FALSE;

  /* Every check first, so a refusal writes nothing. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; member_ids != NULL && member_ids[i] != NULL; i++)
    {
      g_autoptr(HearthMember) member = NULL;

      if (!(member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, member_ids[i], FALSE,
                                               error)))
        return FALSE;
      if (g_strcmp0 (hearth_member_get_program_id (member),
                     hearth_feedback_round_get_program_id (round)) != 0)
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "feedback_round_member.member_id: %s is a member of another program",
                       member_ids[i]);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer)member_ids[i]))
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "feedback_round_member.member_id: %s is listed twice", member_ids[i]);
          return FALSE;
        }
    }

  if (!(stmt = hearth_database_prepare (db, "DELETE FROM feedback_round_member "
                                            "WHERE round_id = ?1", error)))
    return FALSE;
  hearth_bind_text (stmt, 1, round_id);
  if (!hearth_database_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = hearth_database_prepare (db, "INSERT INTO feedback_round_member "
                                            "(round_id, member_id) VALUES (?1, ?2)", error)))
    return FALSE;
  for (guint i = 0; member_ids != NULL && member_ids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      hearth_bind_text (stmt, 1, round_id);
      hearth_bind_text (stmt, 2, member_ids[i]);
      if (!hearth_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Column 0 of each row of @stmt, already bound. */
static GStrv
collect_ids (HearthDatabase  *db,
             sqlite3_stmt    *stmt,
             GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  while ((rc = hearth_database_step (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, hearth_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return NULL;

  return g_strv_builder_end (builder);
}

GStrv
hearth_feedback_round_load_members (HearthDatabase  *db,
                                    const char      *round_id,
                                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);

  if (!(stmt = hearth_database_prepare (db, "SELECT m.id FROM feedback_round_member fm "
                                            "JOIN member m ON m.id = fm.member_id "
                                            "WHERE fm.round_id = ?1 AND m.deleted_at IS NULL "
                                            "ORDER BY m.display_name COLLATE NOCASE, m.id",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, round_id);

  return collect_ids (db, stmt, error);
}

GStrv
hearth_feedback_round_audience (HearthDatabase  *db,
                                const char      *round_id,
                                const char      *reference_day,
                                GError         **error)
{
  g_autoptr(HearthFeedbackRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reference = NULL;
  const char *audience;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (round_id != NULL, NULL);

  if (!(round = hearth_record_load_by_id (HEARTH_TYPE_FEEDBACK_ROUND, db, round_id, FALSE,
                                          error)))
    return NULL;

  audience = hearth_feedback_round_get_audience (round);

  if (g_strcmp0 (audience, "members") == 0)
    return hearth_feedback_round_load_members (db, round_id, error);

  if (g_strcmp0 (audience, "role") == 0)
    {
      if (reference_day == NULL)
        {
          g_autoptr(HearthProgram) program = NULL;
          g_autoptr(GDate) day = NULL;

          if (!(program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, db,
                                                    hearth_feedback_round_get_program_id (round),
                                                    TRUE, error)))
            return NULL;
          day = hearth_reference_day (hearth_record_get_text (HEARTH_RECORD (program),
                                                             HEARTH_PROGRAM_AS_OF));
          reference = hearth_date_to_string (day);
          reference_day = reference;
        }

      if (!(stmt = hearth_database_prepare (db,
                                            "SELECT DISTINCT m.id, m.display_name FROM assignment a "
                                            "JOIN member m ON m.id = a.member_id "
                                            "JOIN role r ON r.id = a.role_id "
                                            "WHERE a.role_id = ?1 AND m.program_id = ?2 "
                                            "AND a.deleted_at IS NULL AND r.deleted_at IS NULL "
                                            "AND m.deleted_at IS NULL AND a.ended_on IS NULL "
                                            "AND a.starts_on <= ?3 "
                                            "ORDER BY m.display_name COLLATE NOCASE, m.id",
                                            error)))
        return NULL;
      hearth_bind_text (stmt, 1, hearth_feedback_round_get_audience_role_id (round));
      hearth_bind_text (stmt, 2, hearth_feedback_round_get_program_id (round));
      hearth_bind_text (stmt, 3, reference_day);

      return collect_ids (db, stmt, error);
    }

  if (!(stmt = hearth_database_prepare (db, "SELECT m.id FROM member m "
                                            "WHERE m.program_id = ?1 AND m.deleted_at IS NULL "
                                            "AND m.status = 'ambassador' AND m.is_bot = 0 "
                                            "ORDER BY m.display_name COLLATE NOCASE, m.id",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, hearth_feedback_round_get_program_id (round));

  return collect_ids (db, stmt, error);
}
