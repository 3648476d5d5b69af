/* hearth-assign-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assign…: suggests members ranked by their fit for a role (hearth_role_suggest, in a worker
 * thread) and shows why each fits; any member can be found by name. Assigns with a start
 * date, hours per week and a scope.
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ASSIGN_DIALOG (hearth_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearthAssignDialog, hearth_assign_dialog, HEARTH, ASSIGN_DIALOG, AdwWindow)

GtkWindow *hearth_assign_dialog_new (GtkWindow     *parent,
                                     HearthStore   *store,
                                     HearthProgram *program,
                                     const char    *role_id);

/* Signal "assigned" (const char *assignment_id, const char *member_id): after the write job. */

G_END_DECLS
