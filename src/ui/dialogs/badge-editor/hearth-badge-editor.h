/* hearth-badge-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits a badge: name, description, criteria in words, tier, icon (a grid of the render
 * library's icons), colour (a palette of swatches), an optional rule (kind, activity metric,
 * threshold, window in days) and whether it can be granted more than once, with a live preview
 * of the tile. Built on HearthRecordEditor (Save, Delete with Undo).
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-record-editor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_BADGE_EDITOR (hearth_badge_editor_get_type ())

G_DECLARE_FINAL_TYPE (HearthBadgeEditor, hearth_badge_editor, HEARTH, BADGE_EDITOR,
                      HearthRecordEditor)

/* @badge_id: (nullable): the badge to edit; NULL for a new one */
GtkWindow *hearth_badge_editor_new (GtkWindow     *parent,
                                    HearthStore   *store,
                                    HearthProgram *program,
                                    const char    *badge_id);

/* Signal "saved" (const char *badge_id), from HearthRecordEditor. */

G_END_DECLS
