/* hearth-role-presets.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-database.h"

G_BEGIN_DECLS

#define HEARTH_ROLE_PRESET_MAX_GOALS 3

typedef struct
{
  const char  *label;      /* untranslated (N_), like every text here */
  gint64       target_per_week;
  const char  *metric;     /* an activity kind, or NULL when counted by hand */
} HearthRolePresetGoal;

/* One of the six role templates of DESIGN §1. */
typedef struct
{
  const char            *preset;    /* the role.preset value */
  const char            *name;
  const char            *purpose;
  const char            *description;
  const char            *toolkit;
  gint64                 term_weeks;
  gint64                 capacity;
  HearthRolePresetGoal   goals[HEARTH_ROLE_PRESET_MAX_GOALS];   /* ended by a NULL label */
} HearthRolePreset;

const HearthRolePreset  *hearth_role_presets_get      (guint           *n_presets);
const HearthRolePreset  *hearth_role_preset_lookup    (const char      *preset);
gboolean                 hearth_role_create_from_preset (HearthDatabase  *db,
                                                         const char      *program_id,
                                                         const char      *preset,
                                                         char           **out_role_id,
                                                         GError         **error);

G_END_DECLS
