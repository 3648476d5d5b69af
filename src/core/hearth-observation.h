/* hearth-observation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_OBSERVATION (hearth_observation_get_type ())

G_DECLARE_FINAL_TYPE (HearthObservation, hearth_observation, HEARTH, OBSERVATION, HearthRecord)

typedef enum
{
  HEARTH_OBSERVATION_MEMBER_ID,
  HEARTH_OBSERVATION_TRAIT,
  HEARTH_OBSERVATION_RATING,
  HEARTH_OBSERVATION_NOTE,
  HEARTH_OBSERVATION_OBSERVED_ON,
  HEARTH_OBSERVATION_N_COLUMNS
} HearthObservationColumn;

#define HEARTH_OBSERVATION_RATING_MIN 1
#define HEARTH_OBSERVATION_RATING_MAX 5

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_observation_columns[HEARTH_OBSERVATION_N_COLUMNS];

HearthObservation  *hearth_observation_new               (const char         *member_id,
                                                          const char         *trait,
                                                          gint64              rating,
                                                          const char         *observed_on);
const char         *hearth_observation_get_member_id     (HearthObservation  *self);
const char         *hearth_observation_get_trait         (HearthObservation  *self);
gint64              hearth_observation_get_rating        (HearthObservation  *self);
const char         *hearth_observation_get_note          (HearthObservation  *self);
const char         *hearth_observation_get_observed_on   (HearthObservation  *self);
GPtrArray          *hearth_observation_load_for_member   (HearthDatabase     *db,
                                                          const char         *member_id,
                                                          GError            **error);

G_END_DECLS
