/* hearth-award-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Award…: gives a badge to one member or to many at once. The organizer picks the badge (when
 * not given), ticks members in a searchable list (ambassadors first; members who already hold a
 * badge that cannot be granted twice are shown but not selectable), and writes a reason and
 * the day. One store job (hearth_award_grant, source "manual"): all or none.
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_AWARD_DIALOG (hearth_award_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HearthAwardDialog, hearth_award_dialog, HEARTH, AWARD_DIALOG, AdwWindow)

/* @badge_id: (nullable): the badge to give; NULL lets the organizer choose.
 * @member_ids: (nullable) (array zero-terminated=1): members ticked at the start. */
GtkWindow *hearth_award_dialog_new (GtkWindow           *parent,
                                    HearthStore         *store,
                                    HearthProgram       *program,
                                    const char          *badge_id,
                                    const char * const  *member_ids);

/* Signal "awarded" (GStrv award_ids): after the write job succeeded; the dialog closes. */

G_END_DECLS
