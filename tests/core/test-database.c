/* test-database.c: the database file an organizer keeps — schema, pragmas, transactions,
 * locking, refusing files that are not Hearth's, backups and restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "hearth-database.h"
#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-store.h"
#include "test-util.h"

static HearthProgram *
insert_program (HearthDatabase *db,
                const char     *name)
{
  g_autoptr(GError) error = NULL;
  HearthProgram *program = hearth_program_new (name);

  hearth_record_insert (HEARTH_RECORD (program), db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hearth_record_get_id (HEARTH_RECORD (program)));

  return program;
}

static guint
count_programs (HearthDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) programs = hearth_program_load_all (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (programs);

  return programs->len;
}

static void
assert_no_sidecar_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (sidecar, G_FILE_TEST_EXISTS))
        g_error ("%s was created beside a file Hearth must leave alone", sidecar);
    }
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (after, before));
}

/* Create, migrate, close, reopen ------------------------------------------------------------ */

static void
test_create_and_reopen (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(HearthProgram) loaded = NULL;
  g_autofree char *nested = g_build_filename (td->dir, "not", "yet", "there.db", NULL);
  g_autoptr(HearthDatabase) nested_db = NULL;

  g_assert_cmpint (hearth_database_get_latest_version (), >=, 1);

  db = open_db (td->path);
  g_assert_true (g_file_test (td->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (hearth_database_get_path (db), ==, td->path);
  g_assert_false (hearth_database_is_read_only (db));
  g_assert_cmpint (hearth_database_get_schema_version (db), ==,
                   hearth_database_get_latest_version ());

  program = insert_program (db, "Helpers of the Hearth");
  g_clear_object (&db);

  /* Reopening neither migrates again nor loses anything. */
  db = open_db (td->path);
  g_assert_cmpint (hearth_database_get_schema_version (db), ==,
                   hearth_database_get_latest_version ());
  loaded = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, db,
                                     hearth_record_get_id (HEARTH_RECORD (program)), FALSE,
                                     &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (loaded), HEARTH_RECORD (program)));
  g_assert_cmpuint (count_programs (db), ==, 1);

  /* The integrity of the file as SQLite sees it. */
  {
    g_autofree char *check = test_sqlite_text (hearth_database_get_handle (db),
                                               "PRAGMA integrity_check");
    g_assert_cmpstr (check, ==, "ok");
    g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (db),
                                      "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  }

  /* A database in a folder that does not exist yet: the folders are created. */
  nested_db = open_db (nested);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (hearth_database_get_schema_version (nested_db), ==,
                   hearth_database_get_latest_version ());
}

/* The schema is DESIGN §4, table for table and column for column ---------------------------- */

typedef struct
{
  const char *table;
  gboolean    entity;   /* id + columns + created_at, updated_at, deleted_at */
  const char *columns;  /* DESIGN §4, space separated */
} TableSpec;

static const TableSpec design_tables[] = {
  { "program", TRUE,
    "name purpose description active_member_count ratio_min ratio_max as_of" },
  { "member", TRUE,
    "program_id display_name handle platform external_id email joined_on region timezone "
    "language segment identity_tags is_bot status notes" },
  { "member_status_change", TRUE, "member_id status changed_on note" },
  { "activity", FALSE, "member_id day kind count" },
  { "import_batch", FALSE,
    "id program_id format file_name sha256 imported_at rows_added rows_ignored" },
  { "imported_event", FALSE, "program_id source external_key" },
  { "import_counter", FALSE, "program_id member_id source counter total" },
  { "nomination", TRUE,
    "nominee_id nominator_id nominator_name reason created_on consent" },
  { "observation", TRUE, "member_id trait rating note observed_on" },
  { "role", TRUE,
    "program_id preset name purpose description toolkit capacity term_weeks review_by" },
  { "role_goal", TRUE, "role_id label target_per_week metric" },
  { "assignment", TRUE,
    "member_id role_id starts_on ends_on ended_on hours_per_week scope" },
  { "checkin", TRUE, "assignment_id iso_week energy note" },
  { "checkin_goal", FALSE, "checkin_id goal_id achieved" },
  { "badge", TRUE,
    "program_id name description criteria tier icon color rule_kind rule_metric "
    "rule_threshold rule_window_days multiple_grant" },
  { "award", TRUE, "badge_id member_id awarded_on reason source" },
  { "recognition", TRUE, "member_id kind title note planned_on done_on" },
  { "feedback_round", TRUE,
    "program_id title topic questions opens_on closes_on status audience audience_role_id "
    "outcome" },
  { "feedback_round_member", FALSE, "round_id member_id" },
  { "meeting", TRUE, "program_id held_on title notes" },
  { "meeting_attendee", FALSE, "meeting_id member_id" },
  { "meeting_action", TRUE, "meeting_id text done_on" },
  { "feedback", TRUE,
    "round_id meeting_id member_id received_on channel rating text tags status response" },
  { "health_snooze", TRUE, "program_id check_key subject_id until" },
  { "suppression", FALSE, "program_id key_hash" },
  { "settings", FALSE, "program_id key value" },
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Sorted and joined, so a failure prints both lists side by side. */
static char *
sorted_joined (GPtrArray *names)
{
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static GPtrArray *
query_names (sqlite3    *db,
             const char *sql,
             int         column)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, column)));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return names;
}

static void
test_schema (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  sqlite3 *handle = hearth_database_get_handle (db);
  g_autoptr(GPtrArray) expected_tables = g_ptr_array_new ();
  g_autoptr(GPtrArray) actual_tables = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (design_tables); i++)
    {
      const TableSpec *spec = &design_tables[i];
      g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) have = NULL;
      g_auto(GStrv) own = g_strsplit (spec->columns, " ", -1);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", spec->table);
      g_autofree char *want_sorted = NULL;
      g_autofree char *have_sorted = NULL;
      g_autofree char *want_text = NULL;
      g_autofree char *have_text = NULL;

      g_ptr_array_add (expected_tables, (gpointer)spec->table);

      if (spec->entity)
        g_ptr_array_add (want, g_strdup ("id"));
      for (guint j = 0; own[j]; j++)
        g_ptr_array_add (want, g_strdup (own[j]));
      if (spec->entity)
        {
          g_ptr_array_add (want, g_strdup ("created_at"));
          g_ptr_array_add (want, g_strdup ("updated_at"));
          g_ptr_array_add (want, g_strdup ("deleted_at"));
        }

      have = query_names (handle, sql, 1);
      g_test_message ("%s: %u columns", spec->table, have->len);
      want_sorted = sorted_joined (want);
      have_sorted = sorted_joined (have);
      want_text = g_strdup_printf ("%s: %s", spec->table, want_sorted);
      have_text = g_strdup_printf ("%s: %s", spec->table, have_sorted);
      g_assert_cmpstr (have_text, ==, want_text);

      /* Soft deletion is allowed on exactly the tables that carry deleted_at. */
      g_assert_cmpint (hearth_database_is_entity_table (spec->table), ==, spec->entity);
    }

  /* No table beyond DESIGN §4 (SQLite's own sqlite_* tables aside). */
  actual_tables = query_names (handle,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                               0);
  expected = sorted_joined (expected_tables);
  actual = sorted_joined (actual_tables);
  g_assert_cmpstr (actual, ==, expected);

  /* Nothing that isn't a table is a table name either. */
  g_assert_false (hearth_database_is_entity_table ("activity"));
  g_assert_false (hearth_database_is_entity_table ("sqlite_schema"));
  g_assert_false (hearth_database_is_entity_table (NULL));
}

static void
test_pragmas (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthDatabase) reader = NULL;
  sqlite3 *handle = hearth_database_get_handle (db);
  g_autofree char *journal = test_sqlite_text (handle, "PRAGMA journal_mode");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (test_sqlite_int (handle, "PRAGMA foreign_keys"), ==, 1);
  /* NORMAL, set explicitly: Debian's default is FULL. */
  g_assert_cmpint (test_sqlite_int (handle, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (test_sqlite_int (handle, "PRAGMA user_version"), ==,
                   hearth_database_get_latest_version ());

  /* The read-only connection enforces foreign keys as well (it reads them in joins). */
  reader = hearth_database_open (td->path, HEARTH_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_database_is_read_only (reader));
  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (reader), "PRAGMA foreign_keys"),
                   ==, 1);
}

/* Transactions ------------------------------------------------------------------------------ */

static void
test_transaction_rollback (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) first = NULL;
  g_autoptr(HearthProgram) clash = hearth_program_new ("Clash");

  g_assert_false (hearth_database_in_transaction (db));
  g_assert_true (hearth_database_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (hearth_database_in_transaction (db));

  first = insert_program (db, "First");

  /* The second insert fails: same id. */
  g_object_set (clash, "id", hearth_record_get_id (HEARTH_RECORD (first)), NULL);
  g_assert_false (hearth_record_insert (HEARTH_RECORD (clash), db, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);

  hearth_database_rollback (db);
  g_assert_false (hearth_database_in_transaction (db));
  g_assert_cmpuint (count_programs (db), ==, 0);
  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (db),
                                    "SELECT count(*) FROM program"), ==, 0);

  /* Rolling back with nothing open is harmless. */
  hearth_database_rollback (db);

  /* A committed transaction stays. */
  g_assert_true (hearth_database_begin (db, &error));
  g_clear_object (&first);
  first = insert_program (db, "Kept");
  g_assert_true (hearth_database_commit (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = open_db (td->path);
  g_assert_cmpuint (count_programs (db), ==, 1);
}

static gboolean
insert_then_fail_job (HearthDatabase  *db,
                      gpointer         job_data,
                      GError         **error)
{
  g_autoptr(HearthProgram) program = hearth_program_new (job_data);

  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;

  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (db),
                                    "SELECT count(*) FROM program"), ==, 1);

  g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "deliberate failure after an insert");
  return FALSE;
}

static void
changed_count_cb (HearthStore *store,
                  guint       *n_changed)
{
  (*n_changed)++;
}

static void
test_transaction_store_job_fails (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (td->path, &error);
  guint n_changed = 0;

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (changed_count_cb), &n_changed);

  g_assert_false (hearth_store_write_sync (store, insert_then_fail_job, (gpointer)"Sync",
                                           HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpuint (count_programs (hearth_store_get_reader (store)), ==, 0);

  hearth_store_write_async (store, insert_then_fail_job, g_strdup ("Async"), g_free,
                            HEARTH_WRITE_FLAGS_NONE, NULL, test_write_failed_cb, &async_error);
  test_spin_until (async_error != NULL);
  g_assert_error (async_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpuint (count_programs (hearth_store_get_reader (store)), ==, 0);
  /* Nothing changed, so nothing says so. */
  g_assert_cmpuint (n_changed, ==, 0);

  hearth_store_close (store);

  /* And nothing reached the file. */
  {
    g_autoptr(HearthDatabase) db = open_db (td->path);
    g_assert_cmpuint (count_programs (db), ==, 0);
  }
}

/* Another program holds the database -------------------------------------------------------- */

#define SHORT_BUSY_MS 200

static void
create_with_program (const char *path,
                     const char *name)
{
  g_autoptr(HearthDatabase) db = open_db (path);
  g_autoptr(HearthProgram) program = insert_program (db, name);
}

static void
assert_busy_error (GError     *error,
                   const char *path)
{
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_BUSY);
  g_test_message ("busy: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "another program"));
}

static void
test_locked_exclusive (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthStore) store = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  sqlite3 *other;

  create_with_program (td->path, "Kept");

  other = test_sqlite_open (td->path);
  test_sqlite_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                           "INSERT INTO program (id, name, created_at, updated_at) "
                           "VALUES ('other', 'Locked', '" OLD_STAMP "', '" OLD_STAMP "')");

  db = hearth_database_open_full (td->path, HEARTH_DATABASE_FLAGS_NONE, SHORT_BUSY_MS, &error);
  g_assert_null (db);
  assert_busy_error (error, td->path);
  g_clear_error (&error);

  db = hearth_database_open_full (td->path, HEARTH_DATABASE_FLAGS_READ_ONLY, SHORT_BUSY_MS,
                                  &error);
  g_assert_null (db);
  assert_busy_error (error, td->path);
  g_clear_error (&error);

  store = hearth_store_open_full (td->path, SHORT_BUSY_MS, &error);
  g_assert_null (store);
  assert_busy_error (error, td->path);
  g_clear_error (&error);

  /* Once the other program lets go, everything is as it was. */
  test_sqlite_exec (other, "ROLLBACK");
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  db = open_db (td->path);
  programs = hearth_program_load_all (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programs->len, ==, 1);
  g_assert_cmpstr (hearth_program_get_name (g_ptr_array_index (programs, 0)), ==, "Kept");
}

static gboolean
insert_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  g_autoptr(HearthProgram) program = hearth_program_new (job_data);

  return hearth_record_insert (HEARTH_RECORD (program), db, error);
}

static void
test_locked_immediate (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthStore) store = NULL;
  g_autoptr(HearthProgram) program = hearth_program_new ("Blocked");
  sqlite3 *other;

  create_with_program (td->path, "Kept");

  other = test_sqlite_open (td->path);
  test_sqlite_exec (other, "BEGIN IMMEDIATE; "
                           "INSERT INTO program (id, name, created_at, updated_at) "
                           "VALUES ('other', 'Pending', '" OLD_STAMP "', '" OLD_STAMP "')");

  /* WAL lets Hearth open and read while another program writes... */
  db = hearth_database_open_full (td->path, HEARTH_DATABASE_FLAGS_NONE, SHORT_BUSY_MS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_programs (db), ==, 1);

  /* ...but its own writes wait, then fail clearly. */
  g_assert_false (hearth_database_begin (db, &error));
  assert_busy_error (error, td->path);
  g_clear_error (&error);
  g_assert_false (hearth_database_in_transaction (db));

  g_assert_false (hearth_record_insert (HEARTH_RECORD (program), db, &error));
  assert_busy_error (error, td->path);
  g_clear_error (&error);

  /* The same through the DB thread. */
  store = hearth_store_open_full (td->path, SHORT_BUSY_MS, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_store_write_sync (store, insert_job, (gpointer)"Blocked too",
                                           HEARTH_WRITE_FLAGS_NONE, &error));
  assert_busy_error (error, td->path);
  g_clear_error (&error);

  /* When the other program commits, writing works again and its row is there. */
  test_sqlite_exec (other, "COMMIT");
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  g_assert_true (hearth_store_write_sync (store, insert_job, (gpointer)"After",
                                          HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_programs (hearth_store_get_reader (store)), ==, 3);
  g_assert_cmpuint (count_programs (db), ==, 3);
}

/* Read-only files and connections ----------------------------------------------------------- */

#define NOBODY 65534

/* The folder a read-only test shares with its child process: named after the parent, so the
 * child finds it without the environment being changed in a process that has threads. */
static char *
shared_dir_for (pid_t parent)
{
  g_autofree char *name = g_strdup_printf ("hearth-test-read-only-%d", (int)parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static TestDir *
shared_test_dir_new (void)
{
  TestDir *td = g_new0 (TestDir, 1);

  td->dir = shared_dir_for (getpid ());
  td->path = g_build_filename (td->dir, "hearth.db", NULL);
  test_rm_rf (td->dir);
  g_assert_cmpint (g_mkdir (td->dir, 0700), ==, 0);

  return td;
}

static char *
shared_path_in_child (void)
{
  g_autofree char *dir = shared_dir_for (getppid ());

  return g_build_filename (dir, "hearth.db", NULL);
}

/* Root ignores file modes, so the child drops to an unprivileged user first. */
static void
drop_privileges (void)
{
  if (geteuid () != 0)
    return;

  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (NOBODY), ==, 0);
  g_assert_cmpint (setuid (NOBODY), ==, 0);
  g_assert_cmpint (geteuid (), ==, NOBODY);
}

/* Every folder above @dir must let an unprivileged user through. */
static gboolean
traversable_to (const char *dir)
{
  g_autofree char *current = g_strdup (dir);

  while (TRUE)
    {
      g_autofree char *parent = g_path_get_dirname (current);
      GStatBuf st;

      if (g_strcmp0 (parent, current) == 0)
        return TRUE;

      if (g_stat (parent, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
        return FALSE;

      g_free (current);
      current = g_steal_pointer (&parent);
    }
}

static void
run_unprivileged_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;

  drop_privileges ();

  /* The scenario holds: readable, not writable. */
  g_assert_cmpint (g_access (path, R_OK), ==, 0);

  db = hearth_database_open_full (path, HEARTH_DATABASE_FLAGS_NONE, SHORT_BUSY_MS, &error);
  g_assert_null (db);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_READ_ONLY);
  g_test_message ("read-only: %s", error->message);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_read_only_file (void)
{
  g_autoptr(TestDir) td = NULL;
  g_autoptr(GBytes) before = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *path = shared_path_in_child ();

      run_unprivileged_open (path);
      g_assert_cmpint (g_access (path, W_OK), !=, 0);
      return;
    }

  td = shared_test_dir_new ();
  if (geteuid () == 0 && !traversable_to (td->dir))
    {
      g_test_skip ("the temporary folder is not reachable by an unprivileged user");
      return;
    }

  create_with_program (td->path, "Kept");
  g_assert_cmpint (g_chmod (td->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (td->path, 0444), ==, 0);
  before = test_read_file (td->path);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_file_unchanged (td->path, before);
  assert_no_sidecar_files (td->path);
}

/* A writable file in a folder Hearth cannot write: WAL needs files beside the database. */
static void
test_read_only_folder (void)
{
  g_autoptr(TestDir) td = NULL;
  g_autoptr(GBytes) before = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *path = shared_path_in_child ();

      run_unprivileged_open (path);
      return;
    }

  td = shared_test_dir_new ();
  if (geteuid () == 0 && !traversable_to (td->dir))
    {
      g_test_skip ("the temporary folder is not reachable by an unprivileged user");
      return;
    }

  create_with_program (td->path, "Kept");
  g_assert_cmpint (g_chmod (td->path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (td->dir, 0555), ==, 0);
  before = test_read_file (td->path);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_file_unchanged (td->path, before);
  assert_no_sidecar_files (td->path);
}

static void
test_read_only_connection (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthProgram) program = hearth_program_new ("Refused");
  g_autofree char *missing = g_build_filename (td->dir, "missing.db", NULL);

  create_with_program (td->path, "Kept");

  db = hearth_database_open (td->path, HEARTH_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_database_is_read_only (db));
  g_assert_cmpuint (count_programs (db), ==, 1);

  g_assert_false (hearth_database_exec (db, "DELETE FROM program", &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (hearth_record_insert (HEARTH_RECORD (program), db, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, td->path));
  g_clear_error (&error);

  g_assert_cmpuint (count_programs (db), ==, 1);
  g_clear_object (&db);

  /* A read-only connection never creates a database. */
  db = hearth_database_open (missing, HEARTH_DATABASE_FLAGS_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Files that are not Hearth databases are refused and left alone ---------------------------- */

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = test_read_file (path);
  HearthDatabaseFlags flags[] = { HEARTH_DATABASE_FLAGS_NONE, HEARTH_DATABASE_FLAGS_READ_ONLY };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HearthDatabase) db = hearth_database_open (path, flags[i], &error);

      g_assert_null (db);
      g_assert_error (error, HEARTH_ERROR, code);
      g_test_message ("refused: %s", error->message);
      g_assert_nonnull (strstr (error->message, path));

      assert_file_unchanged (path, before);
      assert_no_sidecar_files (path);
    }

  /* The store refuses it the same way, without leaving a thread behind. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HearthStore) store = hearth_store_open (path, &error);

    g_assert_null (store);
    g_assert_error (error, HEARTH_ERROR, code);
    assert_file_unchanged (path, before);
    assert_no_sidecar_files (path);
  }
}

static void
test_refuse_garbage (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  gsize size = 8 * 1024 + 123;
  g_autofree guint8 *garbage = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    garbage[i] = g_test_rand_int_range (0, 256);
  /* Never, by chance, SQLite's own header. */
  memcpy (garbage, "not a database!", 16);

  test_write_file (td->path, garbage, size);
  assert_refused_untouched (td->path, HEARTH_ERROR_CORRUPT);
}

static void
test_refuse_text (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  const char *text = "display_name,email,joined_on\n"
                     "Ada,ada@example.org,2024-03-01\n"
                     "Grace,grace@example.org,2023-11-15\n";

  test_write_file (td->path, text, strlen (text));
  assert_refused_untouched (td->path, HEARTH_ERROR_CORRUPT);
}

static void
test_refuse_foreign (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *versioned = g_build_filename (td->dir, "versioned.db", NULL);
  sqlite3 *other;

  other = test_sqlite_open (td->path);
  test_sqlite_exec (other, "CREATE TABLE recipe (name TEXT, minutes INTEGER); "
                           "INSERT INTO recipe VALUES ('bread', 240)");
  g_assert_cmpint (test_sqlite_int (other, "PRAGMA user_version"), ==, 0);
  sqlite3_close (other);

  assert_refused_untouched (td->path, HEARTH_ERROR_CORRUPT);

  /* Still the other program's: its table and nothing of Hearth's. */
  other = test_sqlite_open (td->path);
  g_assert_cmpint (test_sqlite_int (other, "SELECT count(*) FROM recipe"), ==, 1);
  g_assert_cmpint (test_sqlite_int (other, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  g_assert_cmpint (test_sqlite_int (other, "PRAGMA user_version"), ==, 0);
  sqlite3_close (other);

  /* Another program that also numbers its schema is not mistaken for Hearth. */
  other = test_sqlite_open (versioned);
  test_sqlite_exec (other, "CREATE TABLE program (id TEXT); PRAGMA user_version = 1");
  sqlite3_close (other);

  assert_refused_untouched (versioned, HEARTH_ERROR_CORRUPT);
}

static void
test_refuse_too_new (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  int latest = hearth_database_get_latest_version ();
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", latest + 1);
  gint64 n_objects;
  sqlite3 *other;

  create_with_program (td->path, "From the future");

  other = test_sqlite_open (td->path);
  test_sqlite_exec (other, pragma);
  n_objects = test_sqlite_int (other, "SELECT count(*) FROM sqlite_schema");
  sqlite3_close (other);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HearthDatabase) db =
        hearth_database_open (td->path,
                              i == 0 ? HEARTH_DATABASE_FLAGS_NONE : HEARTH_DATABASE_FLAGS_READ_ONLY,
                              &error);

      g_assert_null (db);
      g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_TOO_NEW);
      g_test_message ("too new: %s", error->message);
      g_assert_nonnull (strstr (error->message, td->path));
    }

  /* Not "migrated" backwards or otherwise touched. */
  other = test_sqlite_open (td->path);
  g_assert_cmpint (test_sqlite_int (other, "PRAGMA user_version"), ==, latest + 1);
  g_assert_cmpint (test_sqlite_int (other, "SELECT count(*) FROM sqlite_schema"), ==, n_objects);
  g_assert_cmpint (test_sqlite_int (other, "SELECT count(*) FROM program"), ==, 1);
  sqlite3_close (other);
}

/* Every older schema in tests/fixtures/schema opens, migrates, and keeps its rows. */
static void
test_migrate_fixtures (void)
{
  static const struct
  {
    const char *name;
    int         version;
  } fixtures[] = {
    { "hearth-v1.sql", 1 },
    { "hearth-v2.sql", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(TestDir) td = test_dir_new ();
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "schema",
                                                     fixtures[i].name, NULL);
      g_autofree char *sql = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HearthDatabase) db = NULL;
      g_autofree char *backup_dir = NULL;
      sqlite3 *old, *handle;
      gint64 n_members, n_activity, sum_activity;

      g_test_message ("migrating %s", fixtures[i].name);
      g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
      old = test_sqlite_open (td->path);
      test_sqlite_exec (old, sql);
      g_assert_cmpint (test_sqlite_int (old, "PRAGMA user_version"), ==, fixtures[i].version);
      n_members = test_sqlite_int (old, "SELECT count(*) FROM member");
      n_activity = test_sqlite_int (old, "SELECT count(*) FROM activity");
      sum_activity = test_sqlite_int (old, "SELECT sum(count) FROM activity");
      g_assert_cmpint (n_activity, >, 0);
      sqlite3_close (old);

      db = hearth_database_open (td->path, HEARTH_DATABASE_FLAGS_NONE, &error);
      g_assert_no_error (error);
      handle = hearth_database_get_handle (db);
      g_assert_cmpint (test_sqlite_int (handle, "PRAGMA user_version"), ==,
                       hearth_database_get_latest_version ());
      g_assert_cmpint (test_sqlite_int (handle, "SELECT count(*) FROM member"), ==, n_members);
      g_assert_cmpint (test_sqlite_int (handle, "SELECT count(*) FROM activity"), ==, n_activity);
      g_assert_cmpint (test_sqlite_int (handle, "SELECT sum(count) FROM activity"), ==, sum_activity);
      g_assert_cmpint (test_sqlite_int (handle, "SELECT count(*) FROM pragma_foreign_key_check"),
                       ==, 0);
      g_assert_cmpint (test_sqlite_int (handle, "SELECT integrity_check = 'ok' "
                                                "FROM pragma_integrity_check"), ==, 1);

      /* The constraints still hold after the activity table was rebuilt (version 2). */
      g_assert_false (hearth_database_exec (db, "INSERT INTO activity SELECT id, '2026-01-01', "
                                                "'hugs', 1 FROM member LIMIT 1", NULL));
      g_assert_false (hearth_database_exec (db, "INSERT INTO activity VALUES ('nobody', "
                                                "'2026-01-01', 'message', 1)", NULL));
      g_assert_false (hearth_database_exec (db, "INSERT INTO activity SELECT id, '2026-01-01', "
                                                "'message', 0 FROM member LIMIT 1", NULL));
      g_assert_true (hearth_database_exec (db, "INSERT INTO activity SELECT id, '2026-01-01', "
                                               "'content_shared', 2 FROM member LIMIT 1", NULL));
      g_assert_true (hearth_database_exec (db, "DELETE FROM member", NULL));
      g_assert_cmpint (test_sqlite_int (handle, "SELECT count(*) FROM activity"), ==, 0);

      /* A migration is preceded by a backup. */
      backup_dir = hearth_database_get_backup_dir (db);
      g_assert_true (g_file_test (backup_dir, G_FILE_TEST_IS_DIR));
    }
}

/* Backups and restore ----------------------------------------------------------------------- */

static void
assert_only_backups_in (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)))
    if (!g_str_has_prefix (name, "hearth-") || !g_str_has_suffix (name, ".db"))
      g_error ("%s/%s is left over in the backup folder", dir, name);
}

static void
test_backup_round_trip (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) original = NULL;
  g_autoptr(HearthProgram) changed = NULL;
  g_autoptr(HearthProgram) extra = NULL;
  g_autoptr(HearthMember) member = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_dir = hearth_database_get_backup_dir (db);
  g_autofree char *expected_dir = g_build_filename (td->dir, "backups", NULL);
  g_autofree char *backup_parent = NULL;
  g_autofree char *backup_name = NULL;
  const char *safety = NULL;
  const char *program_id;

  g_assert_cmpstr (backup_dir, ==, expected_dir);

  original = hearth_program_new ("Before");
  g_object_set (original, "purpose", "Welcome everyone", "created-at", OLD_STAMP,
                "updated-at", OLD_STAMP, NULL);
  hearth_record_insert (HEARTH_RECORD (original), db, &error);
  g_assert_no_error (error);
  program_id = hearth_record_get_id (HEARTH_RECORD (original));

  member = hearth_member_new (program_id, "Ada");
  hearth_record_insert (HEARTH_RECORD (member), db, &error);
  g_assert_no_error (error);

  backup = hearth_database_backup (db, "import", &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  backup_parent = g_path_get_dirname (backup);
  backup_name = g_path_get_basename (backup);
  g_assert_cmpstr (backup_parent, ==, backup_dir);
  g_assert_true (g_str_has_prefix (backup_name, "hearth-"));
  g_assert_true (g_str_has_suffix (backup_name, "-import.db"));

  backups = hearth_database_list_backups (db);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, backup);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Change everything: rename, delete the member, add a program. */
  changed = HEARTH_PROGRAM (hearth_record_copy (HEARTH_RECORD (original)));
  hearth_program_set_name (changed, "After");
  hearth_record_update (HEARTH_RECORD (changed), db, &error);
  g_assert_no_error (error);
  hearth_database_soft_delete (db, "member", hearth_record_get_id (HEARTH_RECORD (member)),
                               &error);
  g_assert_no_error (error);
  extra = insert_program (db, "Extra");

  g_assert_true (hearth_database_restore (db, backup, &error));
  g_assert_no_error (error);

  /* The original state is back, to the timestamp. */
  programs = hearth_program_load_all (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programs->len, ==, 1);
  g_assert_true (hearth_record_equal (g_ptr_array_index (programs, 0), HEARTH_RECORD (original)));
  members = hearth_member_load_for_program (db, program_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_true (hearth_record_equal (g_ptr_array_index (members, 0), HEARTH_RECORD (member)));
  g_assert_cmpint (hearth_database_get_schema_version (db), ==,
                   hearth_database_get_latest_version ());

  /* The restored backup is still there, and a safety backup holds the state it replaced. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  backups = hearth_database_list_backups (db);
  g_assert_cmpuint (backups->len, ==, 2);
  for (guint i = 0; i < backups->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (backups, i), "-restore.db"))
      safety = g_ptr_array_index (backups, i);
  g_assert_nonnull (safety);
  g_assert_true (g_ptr_array_find_with_equal_func (backups, backup, g_str_equal, NULL));
  assert_only_backups_in (backup_dir);

  {
    g_autoptr(HearthDatabase) saved = hearth_database_open (safety, HEARTH_DATABASE_FLAGS_READ_ONLY,
                                                            &error);
    g_autoptr(GPtrArray) saved_programs = NULL;
    g_autoptr(HearthProgram) found = NULL;

    g_assert_no_error (error);
    saved_programs = hearth_program_load_all (saved, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (saved_programs->len, ==, 2);
    found = hearth_program_find (saved, "After", &error);
    g_assert_no_error (error);
    g_assert_nonnull (found);
  }

  /* The restored state survives a reopen. */
  g_clear_object (&db);
  db = open_db (td->path);
  g_assert_cmpuint (count_programs (db), ==, 1);
}

static void
test_backup_keeps_restored (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  char *made[HEARTH_BACKUP_KEEP_NEWEST];

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autofree char *name = g_strdup_printf ("Program %u", i);
      g_autoptr(HearthProgram) program = insert_program (db, name);

      made[i] = hearth_database_backup (db, "import", &error);
      g_assert_no_error (error);
    }

  backups = hearth_database_list_backups (db);
  g_assert_cmpuint (backups->len, ==, G_N_ELEMENTS (made));
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Restoring the oldest adds a sixth backup; the oldest would be pruned, but it is the one
   * being restored. */
  g_assert_true (hearth_database_restore (db, made[0], &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (made[0], G_FILE_TEST_IS_REGULAR));
  backups = hearth_database_list_backups (db);
  g_assert_cmpuint (backups->len, ==, G_N_ELEMENTS (made) + 1);

  programs = hearth_program_load_all (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programs->len, ==, 1);
  g_assert_cmpstr (hearth_program_get_name (g_ptr_array_index (programs, 0)), ==, "Program 0");

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    g_free (made[i]);
}

static void
test_backup_refuses_non_backups (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) program = insert_program (db, "Untouched");
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *garbage = g_build_filename (td->dir, "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (td->dir, "foreign.db", NULL);
  g_autofree char *missing = g_build_filename (td->dir, "missing.db", NULL);
  const char *text = "this is not a backup, just some text that happens to end in .db\n";
  sqlite3 *other;

  test_write_file (garbage, text, strlen (text));
  other = test_sqlite_open (foreign);
  test_sqlite_exec (other, "CREATE TABLE recipe (name TEXT)");
  sqlite3_close (other);

  g_assert_false (hearth_database_restore (db, missing, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (hearth_database_restore (db, garbage, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_false (hearth_database_restore (db, foreign, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == HEARTH_ERROR);
  g_clear_error (&error);

  /* Nothing changed and no safety backup was needed. */
  g_assert_cmpuint (count_programs (db), ==, 1);
  backups = hearth_database_list_backups (db);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* Retention: 5 newest, plus the newest of each of the last 7 days (DESIGN §3) --------------- */

static void
test_backup_select_expired (void)
{
  /* "Now" is 2026-05-20 12:00 UTC. Names are given in no particular order. */
  const char *names[] = {
    /* today: the three newest */
    "hearth-20260520T110000000Z-import.db",
    "hearth-20260520T090000000Z-merge.db",
    "hearth-20260520T100000000Z-import.db",
    /* yesterday: newest 4 and 5 */
    "hearth-20260519T200000000Z-import.db",
    "hearth-20260519T080000000Z-restore.db",
    /* two days ago: only the newest of the day stays */
    "hearth-20260518T210000000Z-import.db",
    "hearth-20260518T070000000Z-import.db",
    "hearth-20260518T060000000Z-import-1.db",
    /* one a day for days 17..14, two on the 15th */
    "hearth-20260517T120000000Z-migration.db",
    "hearth-20260516T120000000Z-import.db",
    "hearth-20260515T230000000Z-erasure.db",
    "hearth-20260515T010000000Z-import.db",
    "hearth-20260514T120000000Z-import.db",
    /* older than seven days */
    "hearth-20260513T235959999Z-import.db",
    "hearth-20260512T120000000Z-import.db",
    "hearth-20260510T120000000Z-import.db",
    "hearth-20260508T120000000Z-import.db",
    "hearth-20260505T120000000Z-import.db",
    "hearth-20260503T120000000Z-restore.db",  /* being restored: kept */
    "hearth-20260501T120000000Z-import.db",
    /* not Hearth backups: never selected */
    "notes.txt",
    "hearth-garbage.db",
    "hearth-20260501T120000000Z-import.db.partial",
    "hearth-20260501T120000000Z-import.db-wal",
    "other-20260501T120000000Z-import.db",
    "hearth-2026050xT120000000Z-import.db",
    NULL
  };
  const char *expected[] = {
    "hearth-20260518T070000000Z-import.db",
    "hearth-20260518T060000000Z-import-1.db",
    "hearth-20260515T010000000Z-import.db",
    "hearth-20260513T235959999Z-import.db",
    "hearth-20260512T120000000Z-import.db",
    "hearth-20260510T120000000Z-import.db",
    "hearth-20260508T120000000Z-import.db",
    "hearth-20260505T120000000Z-import.db",
    "hearth-20260501T120000000Z-import.db",
    NULL
  };
  const char *keep = "hearth-20260503T120000000Z-restore.db";
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 5, 20, 12, 0, 0);
  g_autoptr(GTimeZone) east = g_time_zone_new_offset (10 * 3600);
  g_autoptr(GDateTime) now_east = g_date_time_to_timezone (now, east);
  g_autoptr(GPtrArray) expired = NULL;
  g_autoptr(GPtrArray) expired_east = NULL;
  g_autoptr(GPtrArray) expired_no_keep = NULL;
  g_autoptr(GPtrArray) few = NULL;
  const char *only_few[] = {
    "hearth-20260101T120000000Z-import.db",
    "hearth-20251231T120000000Z-import.db",
    NULL
  };

  expired = hearth_backup_select_expired (names, now, keep);
  g_ptr_array_add (expired, NULL);
  g_assert_cmpstrv ((char **)expired->pdata, expected);

  /* The days are UTC days, whatever the time zone "now" is given in. */
  expired_east = hearth_backup_select_expired (names, now_east, keep);
  g_ptr_array_add (expired_east, NULL);
  g_assert_cmpstrv ((char **)expired_east->pdata, expected);

  /* Without the restore in progress, the old one goes too (newest first). */
  expired_no_keep = hearth_backup_select_expired (names, now, NULL);
  g_assert_cmpuint (expired_no_keep->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (expired_no_keep, 8), ==, keep);

  /* Five or fewer backups are all kept, however old. */
  few = hearth_backup_select_expired (only_few, now, NULL);
  g_assert_cmpuint (few->len, ==, 0);
  g_clear_pointer (&few, g_ptr_array_unref);
  few = hearth_backup_select_expired (NULL, now, NULL);
  g_assert_cmpuint (few->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/database/schema", test_schema);
  g_test_add_func ("/database/migrate-fixtures", test_migrate_fixtures);
  g_test_add_func ("/database/pragmas", test_pragmas);
  g_test_add_func ("/database/transaction/rollback", test_transaction_rollback);
  g_test_add_func ("/database/transaction/store-job-fails", test_transaction_store_job_fails);
  g_test_add_func ("/database/locked/exclusive", test_locked_exclusive);
  g_test_add_func ("/database/locked/immediate", test_locked_immediate);
  g_test_add_func ("/database/read-only/file", test_read_only_file);
  g_test_add_func ("/database/read-only/folder", test_read_only_folder);
  g_test_add_func ("/database/read-only/connection", test_read_only_connection);
  g_test_add_func ("/database/refuse/garbage", test_refuse_garbage);
  g_test_add_func ("/database/refuse/text", test_refuse_text);
  g_test_add_func ("/database/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/database/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/database/backup/round-trip", test_backup_round_trip);
  g_test_add_func ("/database/backup/keeps-restored", test_backup_keeps_restored);
  g_test_add_func ("/database/backup/refuses-non-backups", test_backup_refuses_non_backups);
  g_test_add_func ("/database/backup/select-expired", test_backup_select_expired);

  return g_test_run ();
}
