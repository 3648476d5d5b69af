/* hearth-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_EXPORT_DIALOG (hearth_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HearthExportDialog, hearth_export_dialog, HEARTH, EXPORT_DIALOG, AdwWindow)

HearthExportDialog *hearth_export_dialog_new (HearthStore   *store,
                                              HearthProgram *program);

G_END_DECLS
