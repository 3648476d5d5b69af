/* test-util.h: small helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdarg.h>
#include <sqlite3.h>

#include "hearth-store.h"

/* Every test gets its own folder under the temporary directory, so no test depends on another
 * one's files or on the order they run in. */
typedef struct
{
  char *dir;
  char *path;
} TestDir;

static inline TestDir *
test_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  TestDir *td = g_new0 (TestDir, 1);

  td->dir = g_dir_make_tmp ("hearth-test-XXXXXX", &error);
  g_assert_no_error (error);
  td->path = g_build_filename (td->dir, "hearth.db", NULL);

  return td;
}

static inline void
test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      /* A test may have made the folder read-only; root ignores that, others don't. */
      g_chmod (path, 0700);

      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_rm_rf (child);
        }

      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline void
test_dir_free (TestDir *td)
{
  if (td == NULL)
    return;

  test_rm_rf (td->dir);
  g_free (td->dir);
  g_free (td->path);
  g_free (td);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDir, test_dir_free)

/* A fixed, old timestamp for records whose timestamps a test compares. */
#define OLD_STAMP "2020-01-01T00:00:00.000Z"

static inline HearthDatabase *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  HearthDatabase *db = hearth_database_open (path, HEARTH_DATABASE_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static inline void
exec_ok (HearthDatabase *db,
         const char     *sql)
{
  g_autoptr(GError) error = NULL;

  hearth_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* A fresh database in a folder of its own, which *@td receives (test_db_free removes both). */
static inline HearthDatabase *
test_db_new (TestDir **td)
{
  *td = test_dir_new ();

  return open_db ((*td)->path);
}

/* Closes *@db and removes @td's folder. */
static inline void
test_db_free (HearthDatabase **db,
              TestDir         *td)
{
  g_clear_object (db);
  test_dir_free (td);
}

/* Runs the SQL that @format gives, which must succeed. */
static inline void
test_sql (HearthDatabase *db,
          const char     *format,
          ...) G_GNUC_PRINTF (2, 3);

static inline void
test_sql (HearthDatabase *db,
          const char     *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  exec_ok (db, text);
}

/* g_test_init for a test that checks texts in English, with a dot for decimals; with
 * @isolate_dirs, each test gets its own XDG folders. */
static inline void
test_init_english (int      *argc,
                   char   ***argv,
                   gboolean  isolate_dirs)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (argc, argv, isolate_dirs ? G_TEST_OPTION_ISOLATE_DIRS : NULL, NULL);
}

/* A write callback for jobs that must fail: @user_data is a GError ** that receives why. */
static inline void
test_write_failed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (hearth_store_write_finish (HEARTH_STORE (source), result, error));
  g_assert_nonnull (*error);
}

static inline GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static inline void
test_write_file (const char   *path,
                 gconstpointer data,
                 gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* A raw connection, as another program would hold one. */
static inline sqlite3 *
test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static inline void
test_sqlite_exec (sqlite3    *db,
                  const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message ? message : sqlite3_errstr (rc));
}

static inline gint64
test_sqlite_int (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* The text of the first column of the first row, or NULL when the value is SQL NULL. */
static inline char *
test_sqlite_text (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static inline gboolean
test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the default main context until @cond holds, failing the test after ten seconds. */
#define test_spin_until(cond)                                                   \
  G_STMT_START {                                                                \
    gboolean _timed_out = FALSE;                                                \
    guint _timeout_id = g_timeout_add_seconds (10, test_timeout_cb, &_timed_out); \
                                                                                \
    while (!(cond) && !_timed_out)                                              \
      g_main_context_iteration (NULL, TRUE);                                    \
                                                                                \
    if (_timed_out)                                                             \
      g_error ("Timed out waiting for %s", #cond);                              \
    g_source_remove (_timeout_id);                                              \
  } G_STMT_END
