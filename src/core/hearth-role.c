/* hearth-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A role an ambassador can take on (DESIGN §1): a name, why it exists, what it involves, a
 * short guide (toolkit), how many people it needs (capacity), how long a term lasts and when
 * the role itself should be looked at again. Its weekly goals are role_goal rows.
 */

#define G_LOG_DOMAIN "hearth-role"

#include "config.h"

#include "hearth-role.h"

struct _HearthRole
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRole, hearth_role, HEARTH_TYPE_RECORD)

const char * const hearth_role_presets[] = {
  "welcome_team", "content_highlighter", "conversation_starter", "event_promoter",
  "peer_support_lead", "culture_keeper", "custom", NULL
};

const HearthColumn hearth_role_columns[HEARTH_ROLE_N_COLUMNS] = {
  [HEARTH_ROLE_PROGRAM_ID] = { "program_id", HEARTH_COLUMN_TEXT,
                               HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                               .references = "program" },
  [HEARTH_ROLE_PRESET] = { "preset", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                           hearth_role_presets, 0, "custom" },
  [HEARTH_ROLE_NAME] = { "name", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_ROLE_PURPOSE] = { "purpose", HEARTH_COLUMN_TEXT },
  [HEARTH_ROLE_DESCRIPTION] = { "description", HEARTH_COLUMN_TEXT },
  [HEARTH_ROLE_TOOLKIT] = { "toolkit", HEARTH_COLUMN_TEXT },
  /* -1 stands for NULL: no limit. */
  [HEARTH_ROLE_CAPACITY] = { "capacity", HEARTH_COLUMN_INT, 0, NULL, -1 },
  /* -1 stands for NULL: an open-ended term. */
  [HEARTH_ROLE_TERM_WEEKS] = { "term_weeks", HEARTH_COLUMN_INT, 0, NULL, -1 },
  [HEARTH_ROLE_REVIEW_BY] = { "review_by", HEARTH_COLUMN_DATE },
};

static gboolean
hearth_role_validate (HearthRecord  *record,
                      GError       **error)
{
  /* Negative values stand for NULL; the schema refuses a term of zero weeks. */
  if (hearth_role_get_term_weeks (HEARTH_ROLE (record)) == 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "role.term_weeks: a term of 1 week or more is required");
      return FALSE;
    }

  return TRUE;
}

static void
hearth_role_class_init (HearthRoleClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_role_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "role",
                                 hearth_role_columns, HEARTH_ROLE_N_COLUMNS,
                                 "name COLLATE NOCASE, created_at, rowid");
}

static void
hearth_role_init (HearthRole *self)
{
}

HearthRole *
hearth_role_new (const char *program_id,
                 const char *name)
{
  return g_object_new (HEARTH_TYPE_ROLE, "program-id", program_id, "name", name, NULL);
}

const char *
hearth_role_get_program_id (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_PROGRAM_ID);
}

const char *
hearth_role_get_preset (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_PRESET);
}

const char *
hearth_role_get_name (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_NAME);
}

const char *
hearth_role_get_purpose (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_PURPOSE);
}

const char *
hearth_role_get_description (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_DESCRIPTION);
}

const char *
hearth_role_get_toolkit (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_TOOLKIT);
}

/* Returns: how many people the role needs, or -1 for no limit */
gint64
hearth_role_get_capacity (HearthRole *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_ROLE_CAPACITY);
}

/* Returns: the length of a term in weeks, or -1 for an open-ended one */
gint64
hearth_role_get_term_weeks (HearthRole *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_ROLE_TERM_WEEKS);
}

const char *
hearth_role_get_review_by (HearthRole *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_ROLE_REVIEW_BY);
}

/**
 * hearth_role_load_for_program:
 *
 * Returns: (transfer full) (element-type HearthRole): the program's live roles, by name
 */
GPtrArray *
hearth_role_load_for_program (HearthDatabase  *db,
                              const char      *program_id,
                              GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_ROLE, db, "program_id", program_id, error);
}
