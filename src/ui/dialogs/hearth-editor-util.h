/* hearth-editor-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-store.h"

G_BEGIN_DECLS

/* Runs on a worker thread with a read-only connection of its own; returns the result, or NULL
 * with @error set. */
typedef gpointer (*HearthReadFunc) (HearthDatabase  *db,
                                    gpointer         data,
                                    GCancellable    *cancellable,
                                    GError         **error);

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
void       hearth_editor_read_async        (HearthStore          *store,
                                            HearthReadFunc        func,
                                            gpointer              data,
                                            GDestroyNotify        data_free,
                                            GDestroyNotify        result_free,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gpointer   hearth_editor_read_finish       (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
