/* hearth-role.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ROLE (hearth_role_get_type ())

G_DECLARE_FINAL_TYPE (HearthRole, hearth_role, HEARTH, ROLE, HearthRecord)

typedef enum
{
  HEARTH_ROLE_PROGRAM_ID,
  HEARTH_ROLE_PRESET,
  HEARTH_ROLE_NAME,
  HEARTH_ROLE_PURPOSE,
  HEARTH_ROLE_DESCRIPTION,
  HEARTH_ROLE_TOOLKIT,
  HEARTH_ROLE_CAPACITY,
  HEARTH_ROLE_TERM_WEEKS,
  HEARTH_ROLE_REVIEW_BY,
  HEARTH_ROLE_N_COLUMNS
} HearthRoleColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_role_columns[HEARTH_ROLE_N_COLUMNS];

/* The template a role was made from, as stored ("custom" when none). */
extern const char * const hearth_role_presets[];

HearthRole  *hearth_role_new              (const char      *program_id,
                                           const char      *name);
const char  *hearth_role_get_program_id   (HearthRole      *self);
const char  *hearth_role_get_preset       (HearthRole      *self);
const char  *hearth_role_get_name         (HearthRole      *self);
const char  *hearth_role_get_purpose      (HearthRole      *self);
const char  *hearth_role_get_description  (HearthRole      *self);
const char  *hearth_role_get_toolkit      (HearthRole      *self);
gint64       hearth_role_get_capacity     (HearthRole      *self);
gint64       hearth_role_get_term_weeks   (HearthRole      *self);
const char  *hearth_role_get_review_by    (HearthRole      *self);
GPtrArray   *hearth_role_load_for_program (HearthDatabase  *db,
                                           const char      *program_id,
                                           GError         **error);

G_END_DECLS
