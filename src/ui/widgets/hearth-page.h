/* hearth-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

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

/* Runs on a worker thread with a read-only connection of its own; returns the result, or NULL
 * with @error set. */
typedef gpointer (*HearthPageReadFunc) (HearthDatabase  *db,
                                        gpointer         data,
                                        GCancellable    *cancellable,
                                        GError         **error);

const char     *hearth_page_get_title     (HearthPage     *self);
const char     *hearth_page_get_icon_name (HearthPage     *self);
HearthProgram  *hearth_page_get_program   (HearthPage     *self);
void            hearth_page_set_program   (HearthPage     *self,
                                           HearthProgram  *program);
HearthStore    *hearth_page_get_store     (HearthPage     *self);
void            hearth_page_set_store     (HearthPage     *self,
                                           HearthStore    *store);
void            hearth_page_reload        (HearthPage     *self);
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
