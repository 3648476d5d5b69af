/* hearth-spotlight-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spotlight Post…: a shout-out drafted from the member's real achievements
 * (hearth_spotlight_draft, read in a worker thread), editable, copied to the clipboard in one
 * click; "Log as Spotlight" records it in the recognition log (kind "spotlight", done on the
 * reference day, the post as its note).
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_SPOTLIGHT_DIALOG (hearth_spotlight_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HearthSpotlightDialog, hearth_spotlight_dialog, HEARTH, SPOTLIGHT_DIALOG,
                      AdwWindow)

GtkWindow  *hearth_spotlight_dialog_new      (GtkWindow             *parent,
                                              HearthStore           *store,
                                              HearthProgram         *program,
                                              const char            *member_id);
/* The text as it stands (the draft, or what the organizer made of it). (transfer full) */
char       *hearth_spotlight_dialog_get_text (HearthSpotlightDialog *self);

G_END_DECLS
