/* hearth-database.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "hearth-error.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_DATABASE (hearth_database_get_type ())

G_DECLARE_FINAL_TYPE (HearthDatabase, hearth_database, HEARTH, DATABASE, GObject)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef enum
{
  HEARTH_DATABASE_FLAGS_NONE      = 0,
  HEARTH_DATABASE_FLAGS_READ_ONLY = 1 << 0,
} HearthDatabaseFlags;

/* How long a connection waits for another program's lock before it gives up. */
#define HEARTH_DATABASE_BUSY_TIMEOUT_MS 5000

/* How many backups are always kept, besides the newest of each of the last days. */
#define HEARTH_BACKUP_KEEP_NEWEST 5
#define HEARTH_BACKUP_KEEP_DAYS   7

HearthDatabase  *hearth_database_open               (const char           *path,
                                                     HearthDatabaseFlags   flags,
                                                     GError              **error);
HearthDatabase  *hearth_database_open_full          (const char           *path,
                                                     HearthDatabaseFlags   flags,
                                                     int                   busy_timeout_ms,
                                                     GError              **error);
const char      *hearth_database_get_path           (HearthDatabase       *self);
sqlite3         *hearth_database_get_handle         (HearthDatabase       *self);
gboolean         hearth_database_is_read_only       (HearthDatabase       *self);
int              hearth_database_get_schema_version (HearthDatabase       *self);
int              hearth_database_get_latest_version (void);

gboolean         hearth_database_exec               (HearthDatabase       *self,
                                                     const char           *sql,
                                                     GError              **error);
sqlite3_stmt    *hearth_database_prepare            (HearthDatabase       *self,
                                                     const char           *sql,
                                                     GError              **error);
int              hearth_database_step               (HearthDatabase       *self,
                                                     sqlite3_stmt         *stmt,
                                                     GError              **error);
gboolean         hearth_database_step_done          (HearthDatabase       *self,
                                                     sqlite3_stmt         *stmt,
                                                     GError              **error);
gboolean         hearth_database_set_error          (HearthDatabase       *self,
                                                     int                   rc,
                                                     const char           *what,
                                                     GError              **error);

gboolean         hearth_database_begin              (HearthDatabase       *self,
                                                     GError              **error);
gboolean         hearth_database_commit             (HearthDatabase       *self,
                                                     GError              **error);
void             hearth_database_rollback           (HearthDatabase       *self);
gboolean         hearth_database_in_transaction     (HearthDatabase       *self);

gboolean         hearth_database_is_entity_table    (const char           *table);
gboolean         hearth_database_soft_delete        (HearthDatabase       *self,
                                                     const char           *table,
                                                     const char           *id,
                                                     GError              **error);
gboolean         hearth_database_undelete           (HearthDatabase       *self,
                                                     const char           *table,
                                                     const char           *id,
                                                     GError              **error);

char            *hearth_database_get_backup_dir     (HearthDatabase       *self);
char            *hearth_database_backup             (HearthDatabase       *self,
                                                     const char           *reason,
                                                     GError              **error);
GPtrArray       *hearth_database_list_backups       (HearthDatabase       *self);
gboolean         hearth_database_restore            (HearthDatabase       *self,
                                                     const char           *backup_path,
                                                     GError              **error);
GPtrArray       *hearth_backup_select_expired       (const char * const   *names,
                                                     GDateTime            *now,
                                                     const char           *keep);

void             hearth_bind_text                   (sqlite3_stmt         *stmt,
                                                     int                   index,
                                                     const char           *value);
const char      *hearth_column_text                 (sqlite3_stmt         *stmt,
                                                     int                   index);

G_END_DECLS
