/* hearth-program-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_PROGRAM_EDITOR (hearth_program_editor_get_type ())

G_DECLARE_FINAL_TYPE (HearthProgramEditor, hearth_program_editor, HEARTH, PROGRAM_EDITOR, AdwWindow)

HearthProgramEditor *hearth_program_editor_new (HearthStore *store);

G_END_DECLS
