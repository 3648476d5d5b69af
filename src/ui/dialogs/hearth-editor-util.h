/* hearth-editor-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-store.h"

G_BEGIN_DECLS

char      *hearth_editor_get_text          (GtkEditable   *editable);
const char *hearth_activity_kind_label    (const char    *kind);
gboolean   hearth_editor_email_is_valid    (const char    *text);
void       hearth_editor_show_error        (AdwActionRow  *error_row,
                                            GtkWidget     *field,
                                            const char    *message);
char      *hearth_editor_reference_day     (HearthStore   *store,
                                            const char    *program_id);
void       hearth_editor_toast_deleted     (GtkWindow     *dialog,
                                            const char    *table,
                                            const char    *id,
                                            const char    *title);
void       hearth_editor_toast_error       (AdwToastOverlay *overlay,
                                            const char      *what,
                                            const GError    *error);

G_END_DECLS
