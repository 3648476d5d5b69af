/* hearth-import-activity-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-store.h"
#include "hearth-window.h"
#include "hearth-import.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_IMPORT_ACTIVITY_DIALOG (hearth_import_activity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HearthImportActivityDialog, hearth_import_activity_dialog,
                      HEARTH, IMPORT_ACTIVITY_DIALOG, AdwWindow)

HearthImportActivityDialog *hearth_import_activity_dialog_new          (HearthWindow       *window,
                                                                        HearthStore        *store,
                                                                        const char         *program_id,
                                                                        HearthImportFormat  variant,
                                                                        GFile             **files);
void                        hearth_import_activity_dialog_choose_files (HearthImportActivityDialog *self);

G_END_DECLS
