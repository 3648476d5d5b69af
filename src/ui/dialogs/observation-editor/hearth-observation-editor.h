/* hearth-observation-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-member.h"
#include "hearth-observation.h"
#include "hearth-record-editor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_OBSERVATION_EDITOR (hearth_observation_editor_get_type ())

G_DECLARE_FINAL_TYPE (HearthObservationEditor, hearth_observation_editor, HEARTH, OBSERVATION_EDITOR, HearthRecordEditor)

GtkWindow *hearth_observation_editor_new (GtkWindow          *parent,
                                          HearthStore        *store,
                                          HearthMember       *member,
                                          HearthObservation  *observation);

G_END_DECLS
