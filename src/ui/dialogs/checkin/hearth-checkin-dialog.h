/* hearth-checkin-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The weekly check-in of one ambassador: one section per active role (assignment) with a
 * count per goal (measured values prefilled, correctable), an energy level from 1 to 5 and a
 * note; everything saved in one store write job (hearth_checkin_save per assignment).
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CHECKIN_DIALOG (hearth_checkin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearthCheckinDialog, hearth_checkin_dialog, HEARTH, CHECKIN_DIALOG, AdwWindow)

/* @iso_week: (nullable): YYYY-Www; NULL for the week of the program's reference day */
GtkWindow *hearth_checkin_dialog_new (GtkWindow     *parent,
                                      HearthStore   *store,
                                      HearthProgram *program,
                                      const char    *member_id,
                                      const char    *iso_week);

/* Signal "saved" (const char *member_id, const char *iso_week): after the write job. */

G_END_DECLS
