/* hearth-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"
#include "hearth-editor-util.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_PAGE (hearth_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (HearthPage, hearth_page, HEARTH, PAGE, AdwBin)

struct _HearthPageClass
{
  AdwBinClass parent_class;

  /* Reads the page's data again (start a hearth_page_read_async()). Called only while the
   * page is shown: once set, HearthPage calls it after the store's ::changed (debounced by
   * @reload_delay_ms), on hearth_page_reload(), and on map when a reload was missed meanwhile. */
  void  (*reload)          (HearthPage *self);
  guint reload_delay_ms;
};

/* Runs on a worker thread with a read-only connection of its own (see HearthReadFunc). */
typedef HearthReadFunc HearthPageReadFunc;

const char     *hearth_page_get_title     (HearthPage     *self);
const char     *hearth_page_get_icon_name (HearthPage     *self);
HearthProgram  *hearth_page_get_program   (HearthPage     *self);
void            hearth_page_set_program   (HearthPage     *self,
                                           HearthProgram  *program);
const char     *hearth_page_get_program_id (HearthPage    *self);
HearthStore    *hearth_page_get_store     (HearthPage     *self);
void            hearth_page_set_store     (HearthPage     *self,
                                           HearthStore    *store);
void            hearth_page_reload        (HearthPage     *self);
GtkWindow      *hearth_page_get_window    (HearthPage     *self);
void            hearth_page_add_toast     (HearthPage     *self,
                                           AdwToast       *toast);
void            hearth_page_add_error_toast (HearthPage   *self,
                                             const char   *what,
                                             const GError *error);
void            hearth_page_add_undo_toast (HearthPage    *self,
                                            const char    *title,
                                            const char    *action,
                                            GVariant      *target);
void            hearth_page_read_async    (HearthPage          *self,
                                           HearthPageReadFunc   func,
                                           gpointer             data,
                                           GDestroyNotify       data_free,
                                           GDestroyNotify       result_free,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gpointer        hearth_page_read_finish   (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
