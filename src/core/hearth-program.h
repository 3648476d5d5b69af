/* hearth-program.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_PROGRAM (hearth_program_get_type ())

G_DECLARE_FINAL_TYPE (HearthProgram, hearth_program, HEARTH, PROGRAM, HearthRecord)

/* Column indices, in schema order. */
typedef enum
{
  HEARTH_PROGRAM_NAME,
  HEARTH_PROGRAM_PURPOSE,
  HEARTH_PROGRAM_DESCRIPTION,
  HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT,
  HEARTH_PROGRAM_RATIO_MIN,
  HEARTH_PROGRAM_RATIO_MAX,
  HEARTH_PROGRAM_AS_OF,
  HEARTH_PROGRAM_N_COLUMNS
} HearthProgramColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_program_columns[HEARTH_PROGRAM_N_COLUMNS];

#define HEARTH_RATIO_MIN_DEFAULT 50
#define HEARTH_RATIO_MAX_DEFAULT 100

HearthProgram  *hearth_program_new                     (const char      *name);
const char     *hearth_program_get_name                (HearthProgram   *self);
void            hearth_program_set_name                (HearthProgram   *self,
                                                        const char      *name);
const char     *hearth_program_get_purpose             (HearthProgram   *self);
gint64          hearth_program_get_active_member_count (HearthProgram   *self);
gint64          hearth_program_get_ratio_min           (HearthProgram   *self);
gint64          hearth_program_get_ratio_max           (HearthProgram   *self);
GPtrArray      *hearth_program_load_all                (HearthDatabase  *db,
                                                        GError         **error);
HearthProgram  *hearth_program_find                    (HearthDatabase  *db,
                                                        const char      *id_or_name,
                                                        GError         **error);
gboolean        hearth_program_check_ratio             (HearthProgram   *self,
                                                        GError         **error);

G_END_DECLS
