/* hearth-nomination-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-member.h"
#include "hearth-nomination.h"
#include "hearth-record-editor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_NOMINATION_EDITOR (hearth_nomination_editor_get_type ())

G_DECLARE_FINAL_TYPE (HearthNominationEditor, hearth_nomination_editor, HEARTH, NOMINATION_EDITOR, HearthRecordEditor)

GtkWindow *hearth_nomination_editor_new (GtkWindow         *parent,
                                         HearthStore       *store,
                                         HearthMember      *nominee,
                                         HearthNomination  *nomination);

G_END_DECLS
