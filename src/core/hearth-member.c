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
