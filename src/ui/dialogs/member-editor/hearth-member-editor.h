/* hearth-member-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-member.h"
#include "hearth-record-editor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_MEMBER_EDITOR (hearth_member_editor_get_type ())

G_DECLARE_FINAL_TYPE (HearthMemberEditor, hearth_member_editor, HEARTH, MEMBER_EDITOR, HearthRecordEditor)

GtkWindow *hearth_member_editor_new (GtkWindow     *parent,
                                     HearthStore   *store,
                                     const char    *program_id,
                                     HearthMember  *member);

G_END_DECLS
