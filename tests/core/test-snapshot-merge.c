/* test-snapshot-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merging a snapshot into a program (DESIGN §6): newer wins, ties keep local, tombstones
 * delete, unknown local records stay, a redacted file never blanks local fields, activity takes
 * the larger count, and the preview counts are exactly what the merge writes.
 */

#include "config.h"

#include "hearth-program.h"
#include "hearth-snapshot.h"
#include "test-util.h"

#define T0 "2026-01-01T00:00:00.000Z"
#define T1 "2026-02-01T00:00:00.000Z"
#define T2 "2026-03-01T00:00:00.000Z"

static char *
query_text (HearthDatabase *db,
            const char     *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (hearth_column_text (stmt, 0));
}

static void
insert_program (HearthDatabase *db,
                const char     *id,
                const char     *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO program (id, name, ratio_min, ratio_max,"
                                          " created_at, updated_at) VALUES ('%s', '%s', 50, 100,"
                                          " '" T0 "', '" T0 "')", id, name);

  exec_ok (db, sql);
}

static void
insert_member (HearthDatabase *db,
               const char     *program,
               const char     *id,
               const char     *name,
               const char     *email,
               const char     *updated_at)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO member (id, program_id, display_name, email,"
                                          " is_bot, status, created_at, updated_at) VALUES"
                                          " ('%s', '%s', '%s', '%s', 0, 'member', '" T0 "', '%s')",
                                          id, program, name, email, updated_at);

  exec_ok (db, sql);
}

static char *
export_program (HearthDatabase            *db,
                const char                *program,
                const char                *dir,
                const char                *name,
                HearthSnapshotExportFlags  flags)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  hearth_snapshot_export (db, program, file, flags, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static const HearthMergeCounts *
counts (HearthSnapshotSummary *summary,
        const char            *what)
{
  for (guint i = 0; i < summary->merge->len; i++)
    if (g_str_equal (g_array_index (summary->merge, HearthMergeCounts, i).what, what))
      return &g_array_index (summary->merge, HearthMergeCounts, i);

  g_assert_not_reached ();
}

static HearthSnapshotSummary *
merge (HearthDatabase *db,
       const char     *path,
       const char     *program,
       gboolean        preview)
{
  g_autoptr(GError) error = NULL;
  HearthSnapshotSummary *summary;

  summary = hearth_snapshot_merge (db, path, program, preview, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return summary;
}

/* The colleague's database ("theirs") and ours start from the same program. */
typedef struct
{
  TestDir        *td;
  HearthDatabase *ours;
  HearthDatabase *theirs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *theirs = NULL;

  f->td = test_dir_new ();
  theirs = g_build_filename (f->td->dir, "theirs.db", NULL);
  f->ours = open_db (f->td->path);
  f->theirs = open_db (theirs);

  for (guint i = 0; i < 2; i++)
    {
      HearthDatabase *db = i ? f->theirs : f->ours;

      insert_program (db, "p", "Makers");
      insert_member (db, "p", "newer", "Ann", "ann@example.org", T1);
      insert_member (db, "p", "tie", "Bea", "bea@example.org", T1);
      insert_member (db, "p", "older", "Cy", "cy@example.org", T1);
      insert_member (db, "p", "gone", "Dee", "dee@example.org", T1);
      insert_member (db, "p", "same", "Eve", "eve@example.org", T1);
      exec_ok (db, "INSERT INTO activity VALUES ('same', '2026-04-01', 'message', 3),"
                   " ('same', '2026-04-02', 'message', 5)");
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ours);
  g_clear_object (&f->theirs);
  test_dir_free (f->td);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *deleted = NULL;
  const HearthMergeCounts *members;

  /* Theirs: a newer edit, a same-time edit, an older edit, a deletion, a new member, and a
   * different activity count. */
  exec_ok (f->theirs, "UPDATE member SET display_name = 'Ann (theirs)', updated_at = '" T2 "' WHERE id = 'newer';"
                      "UPDATE member SET display_name = 'Bea (theirs)' WHERE id = 'tie';"
                      "UPDATE member SET display_name = 'Cy (theirs)', updated_at = '" T0 "' WHERE id = 'older';"
                      "UPDATE member SET deleted_at = '" T2 "' WHERE id = 'gone';"
                      "INSERT INTO member (id, program_id, display_name, is_bot, status, created_at,"
                      " updated_at) VALUES ('fresh', 'p', 'Fay', 0, 'member', '" T2 "', '" T2 "');"
                      "UPDATE activity SET count = 9 WHERE day = '2026-04-01';"
                      "UPDATE activity SET count = 1 WHERE day = '2026-04-02';");
  /* Ours: a member they don't know. */
  insert_member (f->ours, "p", "local", "Gus", "gus@example.org", T1);
  /* Ours: an older edit of "older" than theirs? No: ours is newer (T1 > T0). */

  path = export_program (f->theirs, "p", f->td->dir, "theirs.json", HEARTH_SNAPSHOT_EXPORT_NONE);
  summary = merge (f->ours, path, "p", FALSE);

  members = counts (summary, "members");
  g_assert_cmpuint (members->added, ==, 1);
  g_assert_cmpuint (members->updated, ==, 1);
  g_assert_cmpuint (members->deleted, ==, 1);
  g_assert_cmpuint (members->unchanged, ==, 1);
  g_assert_cmpuint (members->kept, ==, 2);

  name = query_text (f->ours, "SELECT display_name FROM member WHERE id = 'newer'");
  g_assert_cmpstr (name, ==, "Ann (theirs)");
  g_clear_pointer (&name, g_free);
  name = query_text (f->ours, "SELECT display_name FROM member WHERE id = 'tie'");
  g_assert_cmpstr (name, ==, "Bea");
  g_clear_pointer (&name, g_free);
  name = query_text (f->ours, "SELECT display_name FROM member WHERE id = 'older'");
  g_assert_cmpstr (name, ==, "Cy");
  g_clear_pointer (&name, g_free);
  name = query_text (f->ours, "SELECT display_name FROM member WHERE id = 'local' AND deleted_at IS NULL");
  g_assert_cmpstr (name, ==, "Gus");
  g_clear_pointer (&name, g_free);
  name = query_text (f->ours, "SELECT display_name FROM member WHERE id = 'fresh' AND program_id = 'p'");
  g_assert_cmpstr (name, ==, "Fay");

  deleted = query_text (f->ours, "SELECT deleted_at FROM member WHERE id = 'gone'");
  g_assert_cmpstr (deleted, ==, T2);

  /* The larger count wins, in both directions. */
  g_clear_pointer (&name, g_free);
  name = query_text (f->ours, "SELECT group_concat(count, ',') FROM (SELECT count FROM activity ORDER BY day)");
  g_assert_cmpstr (name, ==, "9,5");
  g_assert_cmpuint (counts (summary, "activity")->updated, ==, 1);
  g_assert_cmpuint (counts (summary, "activity")->unchanged, ==, 1);
  g_assert_nonnull (summary->backup_path);
}

/* The same file merged twice changes nothing the second time. */
static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *total = NULL;
  g_autoptr(HearthSnapshotSummary) first = NULL;
  g_autoptr(HearthSnapshotSummary) second = NULL;

  exec_ok (f->theirs, "UPDATE activity SET count = 7 WHERE day = '2026-04-01'");
  path = export_program (f->theirs, "p", f->td->dir, "theirs.json", HEARTH_SNAPSHOT_EXPORT_NONE);

  first = merge (f->ours, path, "p", FALSE);
  second = merge (f->ours, path, "p", FALSE);

  total = query_text (f->ours, "SELECT sum(count) FROM activity");
  g_assert_cmpstr (total, ==, "12");
  for (guint i = 0; i < second->merge->len; i++)
    {
      const HearthMergeCounts *c = &g_array_index (second->merge, HearthMergeCounts, i);

      g_assert_cmpuint (c->added + c->updated + c->deleted, ==, 0);
    }
}

/* A redacted file leaves e-mail addresses out: a newer record from it updates the rest and
 * never blanks them. */
static void
test_redacted_keeps_local (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autofree char *path = NULL;
  g_autofree char *email = NULL;
  g_autofree char *name = NULL;

  exec_ok (f->theirs, "UPDATE member SET display_name = 'Ann R.', updated_at = '" T2 "' WHERE id = 'newer'");
  path = export_program (f->theirs, "p", f->td->dir, "redacted.json", HEARTH_SNAPSHOT_EXPORT_REDACT);
  summary = merge (f->ours, path, "p", FALSE);

  name = query_text (f->ours, "SELECT display_name FROM member WHERE id = 'newer'");
  g_assert_cmpstr (name, ==, "Ann R.");
  email = query_text (f->ours, "SELECT email FROM member WHERE id = 'newer'");
  g_assert_cmpstr (email, ==, "ann@example.org");
}

/* The preview writes nothing, and its counts are what the merge then does. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HearthSnapshotSummary) preview = NULL;
  g_autoptr(HearthSnapshotSummary) real = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backups = g_build_filename (f->td->dir, "backups", NULL);

  exec_ok (f->theirs, "UPDATE member SET display_name = 'Ann 2', updated_at = '" T2 "' WHERE id = 'newer';"
                      "UPDATE member SET deleted_at = '" T2 "' WHERE id = 'gone';"
                      "UPDATE activity SET count = 8 WHERE day = '2026-04-01'");
  path = export_program (f->theirs, "p", f->td->dir, "theirs.json", HEARTH_SNAPSHOT_EXPORT_NONE);

  before = query_text (f->ours, "SELECT group_concat(display_name || coalesce(deleted_at, ''), ',') FROM member");
  preview = merge (f->ours, path, "p", TRUE);
  after = query_text (f->ours, "SELECT group_concat(display_name || coalesce(deleted_at, ''), ',') FROM member");
  g_assert_cmpstr (before, ==, after);
  g_assert_null (preview->backup_path);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  real = merge (f->ours, path, "p", FALSE);
  g_assert_cmpuint (preview->merge->len, ==, real->merge->len);
  for (guint i = 0; i < real->merge->len; i++)
    {
      const HearthMergeCounts *p = &g_array_index (preview->merge, HearthMergeCounts, i);
      const HearthMergeCounts *r = &g_array_index (real->merge, HearthMergeCounts, i);

      g_assert_cmpstr (p->what, ==, r->what);
      g_assert_cmpuint (p->added, ==, r->added);
      g_assert_cmpuint (p->updated, ==, r->updated);
      g_assert_cmpuint (p->deleted, ==, r->deleted);
      g_assert_cmpuint (p->unchanged, ==, r->unchanged);
      g_assert_cmpuint (p->kept, ==, r->kept);
    }
  g_assert_cmpuint (counts (real, "members")->updated, ==, 1);
  g_assert_cmpuint (counts (real, "members")->deleted, ==, 1);
}

/* Export → merge into an empty program → export: the same records. */
static void
test_into_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GRegex) header = g_regex_new ("(?s)^.*?\"members\"", 0, 0, NULL);
  g_autofree char *other = g_build_filename (f->td->dir, "empty.db", NULL);
  g_autoptr(HearthDatabase) empty = open_db (other);
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  insert_program (empty, "e", "Empty");
  first = export_program (f->theirs, "p", f->td->dir, "first.json", HEARTH_SNAPSHOT_EXPORT_NONE);
  summary = merge (empty, first, "e", FALSE);
  second = export_program (empty, "e", f->td->dir, "second.json", HEARTH_SNAPSHOT_EXPORT_NONE);

  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  /* Everything from the members on; the program record is the target's own. */
  x = g_regex_replace_literal (header, a, -1, 0, "", 0, NULL);
  y = g_regex_replace_literal (header, b, -1, 0, "", 0, NULL);
  g_assert_cmpstr (x, ==, y);
}

/* Merging a file into a program its records don't belong to is refused, and writes nothing. */
static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = export_program (f->theirs, "p", f->td->dir, "theirs.json",
                                          HEARTH_SNAPSHOT_EXPORT_NONE);
  g_autoptr(GError) error = NULL;

  insert_program (f->ours, "q", "Other");
  g_assert_null (hearth_snapshot_merge (f->ours, path, "q", FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "members[0].id"));
  g_assert_false (hearth_database_in_transaction (f->ours));
  g_clear_error (&error);

  g_assert_null (hearth_snapshot_merge (f->ours, path, "nope", FALSE, NULL, NULL, NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/snapshot/merge/rules", test_rules);
  ADD ("/core/snapshot/merge/idempotent", test_idempotent);
  ADD ("/core/snapshot/merge/redacted-keeps-local", test_redacted_keeps_local);
  ADD ("/core/snapshot/merge/preview", test_preview);
  ADD ("/core/snapshot/merge/into-empty", test_into_empty);
  ADD ("/core/snapshot/merge/other-program", test_other_program);

  return g_test_run ();
}
