/* hearth-observation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an organizer noticed about a member: one trait (DESIGN §5), rated 1 to 5 on a day, with
 * an optional note. The note is a personal field (DESIGN §8).
 */

#define G_LOG_DOMAIN "hearth-observation"

#include "config.h"

#include "hearth-observation.h"
#include "hearth-schema.h"

struct _HearthObservation
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthObservation, hearth_observation, HEARTH_TYPE_RECORD)

const HearthColumn hearth_observation_columns[HEARTH_OBSERVATION_N_COLUMNS] = {
  [HEARTH_OBSERVATION_MEMBER_ID] = { "member_id", HEARTH_COLUMN_TEXT,
                                     HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                     .references = "member" },
  [HEARTH_OBSERVATION_TRAIT] = { "trait", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                                 hearth_traits },
  [HEARTH_OBSERVATION_RATING] = { "rating", HEARTH_COLUMN_INT, HEARTH_COLUMN_FLAGS_REQUIRED, NULL,
                                  3 },
  [HEARTH_OBSERVATION_NOTE] = { "note", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_PERSONAL },
  [HEARTH_OBSERVATION_OBSERVED_ON] = { "observed_on", HEARTH_COLUMN_DATE,
                                       HEARTH_COLUMN_FLAGS_REQUIRED },
};

static gboolean
hearth_observation_validate (HearthRecord  *record,
                             GError       **error)
{
  gint64 rating = hearth_observation_get_rating (HEARTH_OBSERVATION (record));

  if (rating < HEARTH_OBSERVATION_RATING_MIN || rating > HEARTH_OBSERVATION_RATING_MAX)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "observation.rating: expected %d to %d", HEARTH_OBSERVATION_RATING_MIN,
                   HEARTH_OBSERVATION_RATING_MAX);
      return FALSE;
    }

  return TRUE;
}

static void
hearth_observation_class_init (HearthObservationClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_observation_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "observation",
                                 hearth_observation_columns, HEARTH_OBSERVATION_N_COLUMNS,
                                 "observed_on DESC, created_at DESC, rowid DESC");
}

static void
hearth_observation_init (HearthObservation *self)
{
}

HearthObservation *
hearth_observation_new (const char *member_id,
                        const char *trait,
                        gint64      rating,
                        const char *observed_on)
{
  return g_object_new (HEARTH_TYPE_OBSERVATION,
                       "member-id", member_id,
                       "trait", trait,
                       "rating", rating,
                       "observed-on", observed_on,
                       NULL);
}

const char *
hearth_observation_get_member_id (HearthObservation *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_OBSERVATION_MEMBER_ID);
}

const char *
hearth_observation_get_trait (HearthObservation *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_OBSERVATION_TRAIT);
}

gint64
hearth_observation_get_rating (HearthObservation *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_OBSERVATION_RATING);
}

const char *
hearth_observation_get_note (HearthObservation *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_OBSERVATION_NOTE);
}

const char *
hearth_observation_get_observed_on (HearthObservation *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_OBSERVATION_OBSERVED_ON);
}

/**
 * hearth_observation_load_for_member:
 *
 * Returns: (transfer full) (element-type HearthObservation): the member's live observations,
 *   newest first
 */
GPtrArray *
hearth_observation_load_for_member (HearthDatabase  *db,
                                    const char      *member_id,
                                    GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_OBSERVATION, db, "member_id", member_id, error);
}
