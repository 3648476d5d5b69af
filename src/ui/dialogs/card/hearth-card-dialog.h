/* hearth-card-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thank-You Card…: a preview of the printable card of an award (the render library's
 * hearth_card_draw: member, badge, reason, date, program, a signature line), A6 or A5,
 * portrait or landscape; Print… (GtkPrintOperation) or Save as PDF… (a file chooser).
 *
 * hearth_badge_save_image(): Save Image… of a badge tile, as PNG or SVG, by the chosen file
 * type or the name's extension.
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CARD_DIALOG (hearth_card_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HearthCardDialog, hearth_card_dialog, HEARTH, CARD_DIALOG, AdwWindow)

GtkWindow *hearth_card_dialog_new  (GtkWindow     *parent,
                                    HearthStore   *store,
                                    HearthProgram *program,
                                    const char    *award_id);

/* Opens a file chooser for the tile of @badge_id and writes it (512 px PNG, or SVG); a toast or
 * message on @parent says where it went or why it failed. */
void       hearth_badge_save_image (GtkWindow     *parent,
                                    HearthStore   *store,
                                    const char    *badge_id);

G_END_DECLS
