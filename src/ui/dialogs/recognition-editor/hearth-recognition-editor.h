/* hearth-recognition-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Logs a gesture of recognition, or edits one: the member (searchable), the kind (shout-out,
 * spotlight, exclusive access, perk, stipend, merch, handwritten note, gift, other), a title,
 * a note, a planned day and the day it was done ("Done" with today's reference day by
 * default for a new entry; unticked, the gesture is planned). Built on HearthRecordEditor.
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-record-editor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECOGNITION_EDITOR (hearth_recognition_editor_get_type ())

G_DECLARE_FINAL_TYPE (HearthRecognitionEditor, hearth_recognition_editor, HEARTH,
                      RECOGNITION_EDITOR, HearthRecordEditor)

/* @recognition_id: (nullable): the entry to edit; NULL for a new one.
 * @member_id: (nullable): for a new entry, the member chosen at the start.
 * @kind: (nullable): for a new entry, the kind chosen at the start ("shout_out" when NULL). */
GtkWindow *hearth_recognition_editor_new (GtkWindow     *parent,
                                          HearthStore   *store,
                                          HearthProgram *program,
                                          const char    *recognition_id,
                                          const char    *member_id,
                                          const char    *kind);

/* Signal "saved" (const char *recognition_id), from HearthRecordEditor. */

G_END_DECLS
