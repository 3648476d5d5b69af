/* hearth-recognition.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the recognition log (DESIGN §4): a gesture of a kind for a member, with a title,
 * a note, the day it is planned for and the day it was done. Without done_on it is upcoming.
 */

#define G_LOG_DOMAIN "hearth-recognition"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-recognition.h"

struct _HearthRecognition
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRecognition, hearth_recognition, HEARTH_TYPE_RECORD)

const char * const hearth_recognition_kinds[] = {
  "shout_out", "spotlight", "exclusive_access", "perk", "stipend", "merch", "handwritten_note",
  "gift", "other", NULL
};

/* The same declarations as hearth-schema.c's recognition_columns. */
const HearthColumn hearth_recognition_columns[HEARTH_RECOGNITION_N_COLUMNS] = {
  [HEARTH_RECOGNITION_MEMBER_ID] = { "member_id", HEARTH_COLUMN_TEXT,
                                     HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                     .references = "member" },
  [HEARTH_RECOGNITION_KIND] = { "kind", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                                hearth_recognition_kinds, 0, "other" },
  [HEARTH_RECOGNITION_TITLE] = { "title", HEARTH_COLUMN_TEXT },
  [HEARTH_RECOGNITION_NOTE] = { "note", HEARTH_COLUMN_TEXT },
  [HEARTH_RECOGNITION_PLANNED_ON] = { "planned_on", HEARTH_COLUMN_DATE },
  [HEARTH_RECOGNITION_DONE_ON] = { "done_on", HEARTH_COLUMN_DATE },
};

static void
hearth_recognition_class_init (HearthRecognitionClass *klass)
{
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "recognition",
                                 hearth_recognition_columns, HEARTH_RECOGNITION_N_COLUMNS,
                                 "coalesce (done_on, planned_on) DESC, created_at DESC, "
                                 "rowid DESC");
}

static void
hearth_recognition_init (HearthRecognition *self)
{
}

HearthRecognition *
hearth_recognition_new (const char *member_id,
                        const char *kind)
{
  return g_object_new (HEARTH_TYPE_RECOGNITION, "member-id", member_id, "kind", kind, NULL);
}

const char *
hearth_recognition_get_member_id (HearthRecognition *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_RECOGNITION_MEMBER_ID);
}

const char *
hearth_recognition_get_kind (HearthRecognition *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_RECOGNITION_KIND);
}

const char *
hearth_recognition_get_title (HearthRecognition *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_RECOGNITION_TITLE);
}

const char *
hearth_recognition_get_note (HearthRecognition *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_RECOGNITION_NOTE);
}

const char *
hearth_recognition_get_planned_on (HearthRecognition *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_RECOGNITION_PLANNED_ON);
}

const char *
hearth_recognition_get_done_on (HearthRecognition *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_RECOGNITION_DONE_ON);
}

/**
 * hearth_recognition_load_for_member:
 *
 * Returns: (transfer full) (element-type HearthRecognition): the member's live entries, newest
 *   (done_on, else planned_on) first; undated ones last
 */
GPtrArray *
hearth_recognition_load_for_member (HearthDatabase  *db,
                                    const char      *member_id,
                                    GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_RECOGNITION, db, "member_id", member_id, error);
}

const char *
hearth_recognition_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "shout_out") == 0)
    /* Translators: a kind of recognition: a public thank-you */
    return _("Shout-out");
  if (g_strcmp0 (kind, "spotlight") == 0)
    /* Translators: a kind of recognition: a featured post about the member */
    return _("Spotlight");
  if (g_strcmp0 (kind, "exclusive_access") == 0)
    /* Translators: a kind of recognition: early or special access (a beta, a private channel) */
    return _("Exclusive access");
  if (g_strcmp0 (kind, "perk") == 0)
    /* Translators: a kind of recognition: a benefit (a free ticket, a licence) */
    return _("Perk");
  if (g_strcmp0 (kind, "stipend") == 0)
    /* Translators: a kind of recognition: money paid to the member */
    return _("Stipend");
  if (g_strcmp0 (kind, "merch") == 0)
    /* Translators: a kind of recognition: branded goods (a T-shirt, stickers) */
    return _("Merch");
  if (g_strcmp0 (kind, "handwritten_note") == 0)
    /* Translators: a kind of recognition: a personal thank-you note written by hand */
    return _("Handwritten note");
  if (g_strcmp0 (kind, "gift") == 0)
    /* Translators: a kind of recognition */
    return _("Gift");
  if (g_strcmp0 (kind, "other") == 0)
    /* Translators: a kind of recognition not in the list */
    return _("Other");

  return kind;
}
