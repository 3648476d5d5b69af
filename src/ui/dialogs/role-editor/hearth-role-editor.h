/* hearth-role-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits a role and its weekly goals (a custom role, or one made from a preset): name, purpose,
 * description, toolkit, capacity, term, review-by, and goals with a label, a target per week
 * and an optional metric. Saves the role and its goals in one store write job.
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-record-editor.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ROLE_EDITOR (hearth_role_editor_get_type ())
G_DECLARE_FINAL_TYPE (HearthRoleEditor, hearth_role_editor, HEARTH, ROLE_EDITOR,
                      HearthRecordEditor)

/* @role_id: (nullable): the role to edit; NULL for a new custom role */
GtkWindow *hearth_role_editor_new (GtkWindow     *parent,
                                   HearthStore   *store,
                                   HearthProgram *program,
                                   const char    *role_id);

/* Signal "saved" (const char *role_id), from HearthRecordEditor: after the one write job that
 * stores the role and its goals succeeded (the page selects it); the dialog closes right after. */

G_END_DECLS
