/* hearth-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_IMPORT_DIALOG (hearth_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HearthImportDialog, hearth_import_dialog, HEARTH, IMPORT_DIALOG, AdwWindow)

HearthImportDialog *hearth_import_dialog_new (HearthStore   *store,
                                              GFile         *file,
                                              HearthProgram *program);

G_END_DECLS
