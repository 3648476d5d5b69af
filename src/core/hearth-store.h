/* hearth-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-database.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_STORE (hearth_store_get_type ())

G_DECLARE_FINAL_TYPE (HearthStore, hearth_store, HEARTH, STORE, GObject)

/**
 * HearthWriteFunc:
 * @db: the write connection, used on the DB thread only
 * @job_data: the data given with the job
 * @error: where to put an error
 *
 * A write job. It runs on the DB thread inside a transaction (unless
 * %HEARTH_WRITE_FLAGS_NO_TRANSACTION): returning %FALSE rolls everything back.
 */
typedef gboolean (*HearthWriteFunc) (HearthDatabase  *db,
                                     gpointer         job_data,
                                     GError         **error);

typedef enum
{
  HEARTH_WRITE_FLAGS_NONE           = 0,
  /* The job manages its own transactions (backups, restores, multi-step imports). */
  HEARTH_WRITE_FLAGS_NO_TRANSACTION = 1 << 0,
} HearthWriteFlags;

HearthStore     *hearth_store_open          (const char            *path,
                                             GError               **error);
HearthStore     *hearth_store_open_full     (const char            *path,
                                             int                    busy_timeout_ms,
                                             GError               **error);
const char      *hearth_store_get_path      (HearthStore           *self);
HearthDatabase  *hearth_store_get_reader    (HearthStore           *self);
void             hearth_store_write_async   (HearthStore           *self,
                                             HearthWriteFunc        func,
                                             gpointer               job_data,
                                             GDestroyNotify         job_data_destroy,
                                             HearthWriteFlags       flags,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
gboolean         hearth_store_write_finish  (HearthStore           *self,
                                             GAsyncResult          *result,
                                             GError               **error);
gpointer         hearth_store_job_get_data  (GAsyncResult          *result);
gboolean         hearth_store_write_sync    (HearthStore           *self,
                                             HearthWriteFunc        func,
                                             gpointer               job_data,
                                             HearthWriteFlags       flags,
                                             GError               **error);
guint            hearth_store_get_pending   (HearthStore           *self);
void             hearth_store_set_busy      (HearthStore           *self,
                                             gboolean               busy);
gboolean         hearth_store_get_busy      (HearthStore           *self);
void             hearth_store_close         (HearthStore           *self);

G_END_DECLS

G_BEGIN_DECLS

/* Ready-made jobs for single records. Each takes a copy of @record, so the DB thread never
 * touches the caller's object; hearth_store_job_get_data() on the result gives that copy, with
 * its id and timestamps as written. */
void             hearth_store_insert_async  (HearthStore           *self,
                                             gpointer               record,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void             hearth_store_update_async  (HearthStore           *self,
                                             gpointer               record,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
/* Soft delete (@deleted TRUE) or restore (FALSE) one record of an entity table. */
void             hearth_store_delete_async  (HearthStore           *self,
                                             const char            *table,
                                             const char            *id,
                                             gboolean               deleted,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);

G_END_DECLS
