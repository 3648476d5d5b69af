/* hearth-checkin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CHECKIN (hearth_checkin_get_type ())

G_DECLARE_FINAL_TYPE (HearthCheckin, hearth_checkin, HEARTH, CHECKIN, HearthRecord)

typedef enum
{
  HEARTH_CHECKIN_ASSIGNMENT_ID,
  HEARTH_CHECKIN_ISO_WEEK,
  HEARTH_CHECKIN_ENERGY,
  HEARTH_CHECKIN_NOTE,
  HEARTH_CHECKIN_N_COLUMNS
} HearthCheckinColumn;

#define HEARTH_CHECKIN_ENERGY_MIN 1
#define HEARTH_CHECKIN_ENERGY_MAX 5

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_checkin_columns[HEARTH_CHECKIN_N_COLUMNS];

/* One goal's count in a check-in, as hearth_checkin_save() takes it. */
typedef struct
{
  const char  *goal_id;
  gint64       achieved;
} HearthCheckinGoalCount;

/* One goal of a check-in form, as hearth_checkin_prefill() fills it. */
typedef struct
{
  char    *goal_id;
  char    *label;
  char    *metric;           /* NULL for a goal counted by hand */
  gint64   target_per_week;
  gint64   measured;         /* the week's activity of kind @metric; -1 without a metric */
  gint64   saved;            /* the count saved in the week's check-in; -1 when none */
  gint64   achieved;         /* @saved when there is one, else @measured, else 0 */
} HearthCheckinPrefill;

HearthCheckin  *hearth_checkin_new                (const char      *assignment_id,
                                                   const char      *iso_week);
const char     *hearth_checkin_get_assignment_id  (HearthCheckin   *self);
const char     *hearth_checkin_get_iso_week       (HearthCheckin   *self);
gint64          hearth_checkin_get_energy         (HearthCheckin   *self);
const char     *hearth_checkin_get_note           (HearthCheckin   *self);
GPtrArray      *hearth_checkin_load_for_assignment (HearthDatabase *db,
                                                   const char      *assignment_id,
                                                   GError         **error);

gboolean        hearth_checkin_save               (HearthDatabase  *db,
                                                   const char      *assignment_id,
                                                   const char      *iso_week,
                                                   int              energy,
                                                   const char      *note,
                                                   const GArray    *goal_counts,
                                                   char           **out_checkin_id,
                                                   GError         **error);
gboolean        hearth_checkin_prefill            (HearthDatabase  *db,
                                                   const char      *assignment_id,
                                                   const char      *iso_week,
                                                   GArray         **out,
                                                   GError         **error);

G_END_DECLS
