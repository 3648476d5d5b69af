/* hearth-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite connection with Hearth's pragmas, its numbered migrations and its backups.
 * HearthStore owns the only write connection of a process on its own thread, plus a read-only
 * connection for the main thread; nothing here knows about threads.
 */

#define G_LOG_DOMAIN "hearth-database"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hearth-core-resources.h"
#include "hearth-database.h"
#include "hearth-util.h"

/* 'HRTH': lets Hearth tell its own files from other programs' SQLite databases. */
#define HEARTH_APPLICATION_ID 0x48525448

#define MIGRATIONS_PATH "/io/github/hearthapp/Hearth/core/migrations/"

struct _HearthDatabase
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  guint     read_only : 1;
};

G_DEFINE_FINAL_TYPE (HearthDatabase, hearth_database, G_TYPE_OBJECT)

/* Tables with id, created_at, updated_at and deleted_at (DESIGN §4). Soft deletion is only
 * allowed on these, and table names are only ever spliced into SQL from this list. */
static const char * const entity_tables[] = {
  "program", "member", "member_status_change", "nomination", "observation", "role", "role_goal",
  "assignment", "checkin", "badge", "award", "recognition", "feedback_round", "meeting",
  "meeting_action", "feedback", "health_snooze", NULL
};

static void
hearth_database_finalize (GObject *object)
{
  HearthDatabase *self = (HearthDatabase *)object;

  if (self->db != NULL)
    {
      /* Statements are finalized by their owners; close_v2 copes with any straggler. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (hearth_database_parent_class)->finalize (object);
}

static void
hearth_database_class_init (HearthDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_database_finalize;
}

static void
hearth_database_init (HearthDatabase *self)
{
}

static HearthError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return HEARTH_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return HEARTH_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return HEARTH_ERROR_CORRUPT;
    case SQLITE_FULL:
      return HEARTH_ERROR_FULL;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return HEARTH_ERROR_INVALID;
    default:
      return HEARTH_ERROR_SQLITE;
    }
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  const char  *path,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  HearthError code = error_code_for (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  const char *hint = NULL;

  switch (code)
    {
    case HEARTH_ERROR_BUSY:
      hint = "another program is using the database; close it and try again";
      break;
    case HEARTH_ERROR_READ_ONLY:
      hint = "the database file or its folder cannot be written";
      break;
    case HEARTH_ERROR_CORRUPT:
      hint = "the file is not a Hearth database or is damaged; it was left untouched";
      break;
    case HEARTH_ERROR_FULL:
      hint = "the disk is full; nothing was written";
      break;
    default:
      break;
    }

  if (hint != NULL)
    g_set_error (error, HEARTH_ERROR, code, "%s: %s: %s (%s)", path ? path : "database", what, hint, detail);
  else
    g_set_error (error, HEARTH_ERROR, code, "%s: %s: %s", path ? path : "database", what, detail);

  return FALSE;
}

gboolean
hearth_database_set_error (HearthDatabase  *self,
                           int              rc,
                           const char      *what,
                           GError         **error)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);

  return set_sqlite_error (self->db, self->path, rc, what, error);
}

static gboolean
exec_raw (sqlite3     *db,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, path, rc, "statement failed", error);

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           int         *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, path, rc, "cannot read the database", error);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (db, path, rc, "cannot read the database", error);

  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static int
compare_names_asc (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The migrations are resources named NNNN-summary.sql; their numbers must run 1, 2, 3, … */
static char **
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  names = g_resource_enumerate_children (hearth_core_get_resource (), MIGRATIONS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (names != NULL);

  for (guint i = 0; names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));

  g_ptr_array_sort (sorted, compare_names_asc);
  g_ptr_array_add (sorted, NULL);

  return (char **)g_ptr_array_steal (sorted, NULL);
}

int
hearth_database_get_latest_version (void)
{
  g_auto(GStrv) migrations = list_migrations ();

  return (int)g_strv_length (migrations);
}

static gboolean
migrate (HearthDatabase  *self,
         int              from,
         GError         **error)
{
  g_auto(GStrv) migrations = list_migrations ();
  int latest = g_strv_length (migrations);

  if (from > 0 && from < latest)
    {
      g_autofree char *backup = hearth_database_backup (self, "migration", error);

      if (backup == NULL)
        return FALSE;
    }

  for (int version = from + 1; version <= latest; version++)
    {
      const char *name = migrations[version - 1];
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH, name, NULL);
      g_autofree char *pragma = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;

      g_assert (g_ascii_strtoll (name, NULL, 10) == version);

      bytes = g_resource_lookup_data (hearth_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      /* Each migration is one transaction together with its version number: a crash leaves
       * either the old schema or the new one, never half of it. */
      if (!hearth_database_begin (self, error))
        return FALSE;

      pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!exec_raw (self->db, self->path, sql, error) ||
          (version == 1 && !exec_raw (self->db, self->path,
                                      "PRAGMA application_id = " G_STRINGIFY (HEARTH_APPLICATION_ID),
                                      error)) ||
          !exec_raw (self->db, self->path, pragma, error) ||
          !hearth_database_commit (self, error))
        {
          hearth_database_rollback (self);
          g_prefix_error (error, "Migration %s: ", name);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->path, version);
    }

  return TRUE;
}

HearthDatabase *
hearth_database_open (const char           *path,
                      HearthDatabaseFlags   flags,
                      GError              **error)
{
  return hearth_database_open_full (path, flags, HEARTH_DATABASE_BUSY_TIMEOUT_MS, error);
}

HearthDatabase *
hearth_database_open_full (const char           *path,
                           HearthDatabaseFlags   flags,
                           int                   busy_timeout_ms,
                           GError              **error)
{
  g_autoptr(HearthDatabase) self = NULL;
  gboolean read_only = (flags & HEARTH_DATABASE_FLAGS_READ_ONLY) != 0;
  int open_flags;
  int version = 0;
  int n_objects = 0;
  int app_id = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  if (read_only)
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND,
                       "%s: no such database", path);
          return NULL;
        }
      open_flags = SQLITE_OPEN_READONLY;
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, HEARTH_ERROR,
                       saved_errno == ENOSPC ? HEARTH_ERROR_FULL : HEARTH_ERROR_READ_ONLY,
                       "%s: cannot create the folder: %s", dir, g_strerror (saved_errno));
          return NULL;
        }
      open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    }

  /* A connection is only ever used by one thread at a time (the DB thread owns the writer,
   * the main thread the reader, a worker its own), so SQLite's per-call mutex is not needed:
   * it cost a tenth of a bulk import. */
  rc = sqlite3_open_v2 (path, &self->db, open_flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, path, rc, "cannot open the database", error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, busy_timeout_ms);

  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_READ_ONLY,
                   "%s: the database file is read-only; Hearth needs to write to it", path);
      return NULL;
    }

  /* Read before anything writes: a file that is not a database fails here, and stays
   * byte-for-byte as it was. */
  if (!query_int (self->db, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (self->db, path, "PRAGMA user_version", &version, error) ||
      !query_int (self->db, path, "PRAGMA application_id", &app_id, error))
    return NULL;

  if (n_objects > 0 && (version == 0 || app_id != HEARTH_APPLICATION_ID))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_CORRUPT,
                   "%s: this is another program's database, not Hearth's; it was left untouched",
                   path);
      return NULL;
    }

  if (version > hearth_database_get_latest_version ())
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_TOO_NEW,
                   "%s: the database was made by a newer Hearth (schema %d, this version knows %d)",
                   path, version, hearth_database_get_latest_version ());
      return NULL;
    }

  if (!exec_raw (self->db, path, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (read_only)
    {
      if (version < hearth_database_get_latest_version ())
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       "%s: the database needs an upgrade that a read-only connection cannot make",
                       path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  /* WAL lets the UI read a consistent snapshot while the DB thread writes. Debian's SQLite
   * defaults to synchronous=FULL; NORMAL is safe with WAL and much cheaper per commit. */
  if (!exec_raw (self->db, path, "PRAGMA journal_mode = WAL", error) ||
      !exec_raw (self->db, path, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
hearth_database_get_path (HearthDatabase *self)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
hearth_database_get_handle (HearthDatabase *self)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
hearth_database_is_read_only (HearthDatabase *self)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), TRUE);

  return self->read_only;
}

int
hearth_database_get_schema_version (HearthDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), -1);

  query_int (self->db, self->path, "PRAGMA user_version", &version, NULL);

  return version;
}

gboolean
hearth_database_exec (HearthDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return exec_raw (self->db, self->path, sql, error);
}

sqlite3_stmt *
hearth_database_prepare (HearthDatabase  *self,
                         const char      *sql,
                         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, self->path, rc, "cannot prepare a query", error);
      return NULL;
    }

  return stmt;
}

/* Returns SQLITE_ROW or SQLITE_DONE, or 0 (SQLITE_OK never comes from a step) with @error set. */
int
hearth_database_step (HearthDatabase  *self,
                      sqlite3_stmt    *stmt,
                      GError         **error)
{
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), 0);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  set_sqlite_error (self->db, self->path, rc,
                    self->read_only ? "cannot read the database" : "cannot write to the database",
                    error);
  return 0;
}

gboolean
hearth_database_step_done (HearthDatabase  *self,
                           sqlite3_stmt    *stmt,
                           GError         **error)
{
  int rc = hearth_database_step (self, stmt, error);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED,
                   "%s: a write statement returned rows", self->path);
      return FALSE;
    }

  return rc == SQLITE_DONE;
}

gboolean
hearth_database_begin (HearthDatabase  *self,
                       GError         **error)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so a busy database fails before any work. */
  return exec_raw (self->db, self->path, "BEGIN IMMEDIATE", error);
}

gboolean
hearth_database_commit (HearthDatabase  *self,
                        GError         **error)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);

  return exec_raw (self->db, self->path, "COMMIT", error);
}

void
hearth_database_rollback (HearthDatabase *self)
{
  g_return_if_fail (HEARTH_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
hearth_database_in_transaction (HearthDatabase *self)
{
  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);

  return !sqlite3_get_autocommit (self->db);
}

gboolean
hearth_database_is_entity_table (const char *table)
{
  return table != NULL && g_strv_contains (entity_tables, table);
}

static gboolean
set_deleted_at (HearthDatabase  *self,
                const char      *table,
                const char      *id,
                gboolean         deleted,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *now = hearth_timestamp_now ();

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!hearth_database_is_entity_table (table))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "%s: records of this kind cannot be deleted", table ? table : "(null)");
      return FALSE;
    }

  /* A restore counts as an edit, so that a merge carries it to other organizers. */
  if (deleted)
    sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
                           table);
  else
    sql = g_strdup_printf ("UPDATE %s SET deleted_at = NULL, updated_at = ?1 "
                           "WHERE id = ?2 AND deleted_at IS NOT NULL", table);

  if (!(stmt = hearth_database_prepare (self, sql, error)))
    return FALSE;

  hearth_bind_text (stmt, 1, now);
  hearth_bind_text (stmt, 2, id);

  if (!hearth_database_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND,
                   "%s %s: no such %s record", table, id, deleted ? "live" : "deleted");
      return FALSE;
    }

  return TRUE;
}

gboolean
hearth_database_soft_delete (HearthDatabase  *self,
                             const char      *table,
                             const char      *id,
                             GError         **error)
{
  return set_deleted_at (self, table, id, TRUE, error);
}

gboolean
hearth_database_undelete (HearthDatabase  *self,
                          const char      *table,
                          const char      *id,
                          GError         **error)
{
  return set_deleted_at (self, table, id, FALSE, error);
}

/* Backups ------------------------------------------------------------------------------------ */

#define BACKUP_PREFIX "hearth-"
/* hearth-20261127T161055123Z-reason.db: the stamp sorts as the time does. */
#define BACKUP_STAMP_LEN 19

char *
hearth_database_get_backup_dir (HearthDatabase *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), NULL);

  dir = g_path_get_dirname (self->path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
parse_backup_stamp (const char *name,
                    char        day[9])
{
  const char *stamp;

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, ".db"))
    return FALSE;

  stamp = name + strlen (BACKUP_PREFIX);
  if (strlen (stamp) < BACKUP_STAMP_LEN || stamp[8] != 'T' || stamp[18] != 'Z')
    return FALSE;

  for (guint i = 0; i < BACKUP_STAMP_LEN - 1; i++)
    if (i != 8 && !g_ascii_isdigit (stamp[i]))
      return FALSE;

  memcpy (day, stamp, 8);
  day[8] = '\0';
  return TRUE;
}

static int
compare_names_desc (gconstpointer a,
                    gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * hearth_backup_select_expired:
 * @names: backup file names (not paths)
 * @now: the current time
 * @keep: (nullable): a name that must survive whatever its age (the backup being restored)
 *
 * Applies DESIGN §3's retention: the 5 newest backups are kept, plus the newest one of each of
 * the last 7 days (today included, in UTC). Files that are not Hearth backups are never
 * selected.
 *
 * Returns: (transfer full): the names to delete, newest first
 */
GPtrArray *
hearth_backup_select_expired (const char * const *names,
                              GDateTime          *now,
                              const char         *keep)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new ();
  GPtrArray *expired = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  for (guint i = 0; names != NULL && names[i]; i++)
    {
      char day[9];

      if (parse_backup_stamp (names[i], day))
        g_ptr_array_add (backups, (gpointer)names[i]);
    }

  g_ptr_array_sort (backups, compare_names_desc);

  for (int d = 0; d < HEARTH_BACKUP_KEEP_DAYS; d++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (utc, -d);

      g_hash_table_add (days, g_date_time_format (then, "%Y%m%d"));
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const char *name = g_ptr_array_index (backups, i);
      char day[9];

      parse_backup_stamp (name, day);

      if (i < HEARTH_BACKUP_KEEP_NEWEST || g_strcmp0 (name, keep) == 0)
        {
          /* A kept backup still counts as its day's newest. */
          g_hash_table_remove (days, day);
          continue;
        }

      if (g_hash_table_remove (days, day))
        continue;

      g_ptr_array_add (expired, g_strdup (name));
    }

  return expired;
}

GPtrArray *
hearth_database_list_backups (HearthDatabase *self)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *paths;
  const char *name;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), NULL);

  paths = g_ptr_array_new_with_free_func (g_free);
  dir_path = hearth_database_get_backup_dir (self);

  if (!(dir = g_dir_open (dir_path, 0, NULL)))
    return paths;

  while ((name = g_dir_read_name (dir)))
    {
      char day[9];

      if (parse_backup_stamp (name, day))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }

  g_ptr_array_sort (paths, compare_names_desc);

  return paths;
}

static void
prune_backups (HearthDatabase *self,
               const char     *keep_path)
{
  g_autofree char *dir_path = hearth_database_get_backup_dir (self);
  g_autofree char *keep = keep_path ? g_path_get_basename (keep_path) : NULL;
  g_autoptr(GPtrArray) paths = hearth_database_list_backups (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expired = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (names, g_path_get_basename (g_ptr_array_index (paths, i)));
  g_ptr_array_add (names, NULL);

  expired = hearth_backup_select_expired ((const char * const *)names->pdata, now, keep);

  for (guint i = 0; i < expired->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (expired, i), NULL);

      if (g_unlink (path) != 0)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               const char  *to_path,
               GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (to, "main", from, "main");
  if (backup == NULL)
    return set_sqlite_error (to, to_path, sqlite3_errcode (to), "cannot copy the database", error);

  /* Copy in one pass: the source is this process's own connection, so nothing else changes it
   * meanwhile, and readers on other connections don't block a backup. */
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (to, to_path, rc, "cannot copy the database", error);

  return TRUE;
}

/**
 * hearth_database_backup:
 * @self: a writable database
 * @reason: a short word for the file name: import, merge, migration, erasure, restore
 *
 * Copies the database with SQLite's online backup into `backups/` beside it, then prunes old
 * backups. The copy is written under a temporary name and renamed, so a crash never leaves a
 * half backup that looks whole.
 *
 * Returns: (transfer full): the new backup's path, or %NULL with @error set
 */
static char *
backup_keeping (HearthDatabase  *self,
                const char      *reason,
                const char      *keep_path,
                GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  sqlite3 *target = NULL;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), NULL);

  for (const char *p = reason ? reason : "backup"; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (word, g_ascii_tolower (*p));
  if (word->len == 0)
    g_string_append (word, "backup");

  dir = hearth_database_get_backup_dir (self);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HEARTH_ERROR,
                   saved_errno == ENOSPC ? HEARTH_ERROR_FULL : HEARTH_ERROR_READ_ONLY,
                   "%s: cannot create the backup folder: %s", dir, g_strerror (saved_errno));
      return NULL;
    }

  /* Names sort as their times do; two backups in one millisecond wait for the next one rather
   * than take a suffix that would sort wrongly. */
  while (path == NULL || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_clear_pointer (&now, g_date_time_unref);
      g_clear_pointer (&stamp, g_free);
      g_clear_pointer (&path, g_free);

      now = g_date_time_new_now_utc ();
      stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
      path = g_strdup_printf ("%s/" BACKUP_PREFIX "%s%03dZ-%s.db", dir, stamp,
                              g_date_time_get_microsecond (now) / 1000, word->str);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_usleep (1000);
    }

  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);

  rc = sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (target, partial, rc, "cannot create the backup", error);
      sqlite3_close_v2 (target);
      g_unlink (partial);
      return NULL;
    }

  /* The copy carries the WAL flag of its source. A backup is a single file: in rollback mode,
   * opening it later (read-only, to restore it) leaves no -wal or -shm files in backups/,
   * which retention would never remove. */
  if (!copy_database (self->db, target, partial, error) ||
      !exec_raw (target, partial, "PRAGMA journal_mode = DELETE", error))
    {
      sqlite3_close_v2 (target);
      g_unlink (partial);
      g_prefix_error (error, "Backup: ");
      return NULL;
    }

  sqlite3_close_v2 (target);

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED, "%s: cannot finish the backup: %s",
                   path, g_strerror (saved_errno));
      g_unlink (partial);
      return NULL;
    }

  prune_backups (self, keep_path);

  return g_steal_pointer (&path);
}

char *
hearth_database_backup (HearthDatabase  *self,
                        const char      *reason,
                        GError         **error)
{
  return backup_keeping (self, reason, NULL, error);
}

/**
 * hearth_database_restore:
 * @self: a writable database
 * @backup_path: a backup made by hearth_database_backup()
 *
 * Replaces the whole database with the backup's contents. The current state is backed up
 * first, and the backup being restored is never pruned.
 */
gboolean
hearth_database_restore (HearthDatabase  *self,
                         const char      *backup_path,
                         GError         **error)
{
  g_autoptr(HearthDatabase) source = NULL;
  g_autofree char *safety = NULL;
  int version;

  g_return_val_if_fail (HEARTH_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* Opening it read-only checks that it is a Hearth database this version understands. A
   * backup taken before a migration has an older schema: it is migrated after the copy. */
  source = g_object_new (HEARTH_TYPE_DATABASE, NULL);
  source->path = g_strdup (backup_path);
  source->read_only = TRUE;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "%s: no such backup", backup_path);
      return FALSE;
    }

  if (sqlite3_open_v2 (backup_path, &source->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return set_sqlite_error (source->db, backup_path, sqlite3_errcode (source->db),
                             "cannot open the backup", error);

  if (!query_int (source->db, backup_path, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version < 1 || version > hearth_database_get_latest_version ())
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "%s: not a backup this version of Hearth can restore (schema %d)",
                   backup_path, version);
      return FALSE;
    }

  if (!(safety = backup_keeping (self, "restore", backup_path, error)))
    return FALSE;

  if (!copy_database (source->db, self->db, self->path, error))
    {
      g_prefix_error (error, "Restore: ");
      return FALSE;
    }

  prune_backups (self, backup_path);

  return migrate (self, version, error);
}

void
hearth_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

const char *
hearth_column_text (sqlite3_stmt *stmt,
                    int           index)
{
  return (const char *)sqlite3_column_text (stmt, index);
}
