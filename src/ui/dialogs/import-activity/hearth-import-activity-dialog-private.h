/* hearth-import-activity-dialog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the ui tests reach inside the dialog, instead of a file chooser and clicks.
 */

#pragma once

#include "hearth-import-activity-dialog.h"

G_BEGIN_DECLS

/* TRUE once the files were read and the options are shown (with or without an error). */
gboolean     hearth_import_activity_dialog_is_ready      (HearthImportActivityDialog *self);
/* TRUE while the import runs on the DB thread. */
gboolean     hearth_import_activity_dialog_is_running    (HearthImportActivityDialog *self);
/* (nullable): the error shown, or NULL */
const char  *hearth_import_activity_dialog_get_error     (HearthImportActivityDialog *self);
/* (nullable): the combo row of one column, or NULL when the format has no such column */
AdwComboRow *hearth_import_activity_dialog_get_field_row (HearthImportActivityDialog *self,
                                                          HearthImportField           field);
/* (nullable): the combo row of one value of the kind column the file names in its own words */
AdwComboRow *hearth_import_activity_dialog_get_kind_row  (HearthImportActivityDialog *self,
                                                          const char                 *value);
GtkButton   *hearth_import_activity_dialog_get_import_button (HearthImportActivityDialog *self);
GtkButton   *hearth_import_activity_dialog_get_cancel_button (HearthImportActivityDialog *self);
GtkButton   *hearth_import_activity_dialog_get_latin1_button (HearthImportActivityDialog *self);
/* The toast's sentence for @summary. */
char        *hearth_import_activity_describe_summary     (const HearthImportSummary  *summary,
                                                          HearthImportFormat          variant);

G_END_DECLS
