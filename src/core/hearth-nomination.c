/* hearth-nomination.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Someone puts a member forward as an ambassador: a fellow member (nominator_id) or someone
 * outside the program (nominator_name only), with a reason and whether the nominee agreed.
 */

#define G_LOG_DOMAIN "hearth-nomination"

#include "config.h"

#include "hearth-nomination.h"

struct _HearthNomination
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthNomination, hearth_nomination, HEARTH_TYPE_RECORD)

const char * const hearth_nomination_consents[] = { "open", "accepted", "declined", NULL };

const HearthColumn hearth_nomination_columns[HEARTH_NOMINATION_N_COLUMNS] = {
  [HEARTH_NOMINATION_NOMINEE_ID] = { "nominee_id", HEARTH_COLUMN_TEXT,
                                     HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                     .references = "member" },
  /* NULL when the nominator is outside the program, or was erased (ON DELETE SET NULL). */
  [HEARTH_NOMINATION_NOMINATOR_ID] = { "nominator_id", HEARTH_COLUMN_TEXT, 0,
                                       .references = "member" },
  [HEARTH_NOMINATION_NOMINATOR_NAME] = { "nominator_name", HEARTH_COLUMN_TEXT },
  [HEARTH_NOMINATION_REASON] = { "reason", HEARTH_COLUMN_TEXT },
  [HEARTH_NOMINATION_CREATED_ON] = { "created_on", HEARTH_COLUMN_DATE,
                                     HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_NOMINATION_CONSENT] = { "consent", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                                  hearth_nomination_consents, 0, "open" },
};

/* Only new records are checked for a nominator: a stored one whose nominator was erased keeps
 * its nominee and loses the nominator (DESIGN §8), and must stay editable. */
static gboolean
hearth_nomination_validate (HearthRecord  *record,
                            GError       **error)
{
  HearthNomination *self = HEARTH_NOMINATION (record);
  const char *nominator_id = hearth_nomination_get_nominator_id (self);

  if (nominator_id == NULL && hearth_nomination_get_nominator_name (self) == NULL &&
      hearth_record_get_id (record) == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "nomination.nominator_id: a nominator (a member or a name) is required");
      return FALSE;
    }

  if (nominator_id != NULL && g_strcmp0 (nominator_id, hearth_nomination_get_nominee_id (self)) == 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "nomination.nominator_id: a member cannot nominate themselves");
      return FALSE;
    }

  return TRUE;
}

static void
hearth_nomination_class_init (HearthNominationClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_nomination_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "nomination",
                                 hearth_nomination_columns, HEARTH_NOMINATION_N_COLUMNS,
                                 "created_on DESC, created_at DESC, rowid DESC");
}

static void
hearth_nomination_init (HearthNomination *self)
{
}

HearthNomination *
hearth_nomination_new (const char *nominee_id)
{
  return g_object_new (HEARTH_TYPE_NOMINATION, "nominee-id", nominee_id, NULL);
}

const char *
hearth_nomination_get_nominee_id (HearthNomination *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_NOMINATION_NOMINEE_ID);
}

const char *
hearth_nomination_get_nominator_id (HearthNomination *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_NOMINATION_NOMINATOR_ID);
}

const char *
hearth_nomination_get_nominator_name (HearthNomination *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_NOMINATION_NOMINATOR_NAME);
}

const char *
hearth_nomination_get_reason (HearthNomination *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_NOMINATION_REASON);
}

const char *
hearth_nomination_get_created_on (HearthNomination *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_NOMINATION_CREATED_ON);
}

const char *
hearth_nomination_get_consent (HearthNomination *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_NOMINATION_CONSENT);
}

/**
 * hearth_nomination_load_for_member:
 *
 * Returns: (transfer full) (element-type HearthNomination): the member's live nominations,
 *   newest first
 */
GPtrArray *
hearth_nomination_load_for_member (HearthDatabase  *db,
                                   const char      *nominee_id,
                                   GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_NOMINATION, db, "nominee_id", nominee_id, error);
}
