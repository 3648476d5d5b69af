/* test-snapshot-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing snapshots as new programs: round trips keep ids, a second import of the same file
 * gets fresh ones, and every kind of bad input is refused with one message naming the record
 * and field while the database stays exactly as it was.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-snapshot.h"
#include "test-util.h"

/* A hash of every row of every table: "byte for byte unchanged" as far as content goes. */
static char *
content_hash (HearthDatabase *db)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(GError) error = NULL;

  tables = hearth_database_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "ORDER BY name", &error);
  g_assert_no_error (error);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              hearth_column_text (tables, 0));
      g_autoptr(sqlite3_stmt) rows = hearth_database_prepare (db, sql, &error);

      g_assert_no_error (error);
      g_checksum_update (sum, (const guchar *)sql, -1);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const char *text = hearth_column_text (rows, c);

            g_checksum_update (sum, (const guchar *)(text ? text : "\x01NULL"), -1);
            g_checksum_update (sum, (const guchar *)"\x02", 1);
          }
    }

  return g_strdup (g_checksum_get_string (sum));
}

static guint
count (HearthDatabase *db,
       const char     *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* A program with a bit of everything the import must carry. */
static char *
make_program (HearthDatabase *db,
              const char     *name)
{
  g_autoptr(HearthProgram) program = hearth_program_new (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *pid;

  hearth_record_insert (HEARTH_RECORD (program), db, &error);
  g_assert_no_error (error);
  pid = hearth_record_get_id (HEARTH_RECORD (program));

  sql = g_strdup_printf (
    "INSERT INTO member (id, program_id, display_name, email, identity_tags, is_bot, status,"
    " created_at, updated_at) VALUES"
    " ('m1-%1$s', '%1$s', 'Ada \"A\" & 🔥', 'ada@example.org', '[\"a\",\"b\"]', 0, 'ambassador',"
    "  '" OLD_STAMP "', '" OLD_STAMP "'),"
    " ('m2-%1$s', '%1$s', 'Bo', NULL, NULL, 1, 'member', '" OLD_STAMP "', '" OLD_STAMP "');"
    "INSERT INTO activity VALUES ('m1-%1$s', '2026-04-01', 'welcome', 4),"
    " ('m2-%1$s', '2026-04-01', 'message', 1);"
    "INSERT INTO nomination VALUES ('n1-%1$s', 'm1-%1$s', 'm2-%1$s', NULL, 'kind', '2026-04-02',"
    " 'accepted', '" OLD_STAMP "', '" OLD_STAMP "', NULL);"
    "INSERT INTO role (id, program_id, preset, name, created_at, updated_at) VALUES"
    " ('r1-%1$s', '%1$s', 'welcome_team', 'Welcome team', '" OLD_STAMP "', '" OLD_STAMP "');"
    "INSERT INTO assignment (id, member_id, role_id, starts_on, hours_per_week, created_at,"
    " updated_at) VALUES ('a1-%1$s', 'm1-%1$s', 'r1-%1$s', '2026-01-05', 2.5, '" OLD_STAMP "',"
    " '" OLD_STAMP "');"
    "INSERT INTO settings VALUES ('%1$s', 'window_weeks', '10');",
    pid);
  exec_ok (db, sql);

  return g_strdup (pid);
}

static char *
export_to (HearthDatabase *db,
           const char     *program_id,
           const char     *dir,
           const char     *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  hearth_snapshot_export (db, program_id, file, HEARTH_SNAPSHOT_EXPORT_NONE, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
without_stamp (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_regex_replace_literal (stamp, contents, -1, 0, "", 0, NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *other = g_build_filename (td->dir, "other.db", NULL);
  g_autoptr(HearthDatabase) a = open_db (td->path);
  g_autoptr(HearthDatabase) b = open_db (other);
  g_autofree char *pid = make_program (a, "Makers");
  g_autofree char *first = export_to (a, pid, td->dir, "first.json");
  g_autofree char *second = NULL;
  g_autofree char *x = NULL, *y = NULL;
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = hearth_snapshot_import (b, first, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->program_id, ==, pid);
  g_assert_cmpstr (summary->program_name, ==, "Makers");
  g_assert_false (summary->ids_reassigned);
  g_assert_cmpuint (summary->n_members, ==, 2);
  g_assert_cmpuint (summary->n_activity_rows, ==, 2);
  g_assert_nonnull (summary->backup_path);
  g_assert_true (g_file_test (summary->backup_path, G_FILE_TEST_IS_REGULAR));

  /* Ids kept, so exporting again gives the same content. */
  second = export_to (b, pid, td->dir, "second.json");
  x = without_stamp (first);
  y = without_stamp (second);
  g_assert_cmpstr (x, ==, y);
}

/* The shipped sample holds a row of every table a snapshot carries (roles, check-ins, badges,
 * awards, the recognition log, feedback rounds with their chosen audience, items, meetings with
 * attendees and actions): it imports, and exports again to the same bytes. */
static void
test_sample_round_trip (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autofree char *sample = g_build_filename (g_getenv ("HEARTH_SOURCE_ROOT"), "data",
                                              "sample-program.json", NULL);
  g_autofree char *again = NULL;
  g_autofree char *x = NULL, *y = NULL;
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = {
    "badge", "award", "recognition", "feedback_round", "feedback_round_member", "feedback",
    "meeting", "meeting_attendee", "meeting_action",
  };

  if (g_getenv ("HEARTH_SOURCE_ROOT") == NULL)
    {
      g_test_skip ("HEARTH_SOURCE_ROOT is not set");
      return;
    }

  summary = hearth_snapshot_import (db, sample, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_test_message ("%s: %u rows", tables[i], count (db, sql));
      g_assert_cmpuint (count (db, sql), >, 0);
    }

  again = export_to (db, summary->program_id, td->dir, "again.json");
  x = without_stamp (sample);
  y = without_stamp (again);
  g_assert_cmpstr (x, ==, y);
}

/* A redacted file imports: the personal fields are simply not set. */
static void
test_redacted (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *other = g_build_filename (td->dir, "other.db", NULL);
  g_autofree char *path = g_build_filename (td->dir, "redacted.json", NULL);
  g_autoptr(HearthDatabase) a = open_db (td->path);
  g_autoptr(HearthDatabase) b = open_db (other);
  g_autofree char *pid = make_program (a, "Makers");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  hearth_snapshot_export (a, pid, file, HEARTH_SNAPSHOT_EXPORT_REDACT, NULL, &error);
  g_assert_no_error (error);

  summary = hearth_snapshot_import (b, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (summary->redacted);
  g_assert_cmpuint (summary->n_members, ==, 2);
  g_assert_cmpuint (count (b, "SELECT count(*) FROM member WHERE email IS NULL "
                              "AND identity_tags IS NULL AND notes IS NULL"), ==, 2);
  g_assert_cmpuint (count (b, "SELECT count(*) FROM member WHERE display_name = 'Ada \"A\" & 🔥'"),
                    ==, 1);
}

static void
test_import_twice (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autofree char *pid = make_program (db, "Makers");
  g_autofree char *path = export_to (db, pid, td->dir, "makers.json");
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* The same file again, into the database it came from: fresh ids, nothing overwritten. */
  summary = hearth_snapshot_import (db, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (summary->ids_reassigned);
  g_assert_cmpstr (summary->program_id, !=, pid);

  g_assert_cmpuint (count (db, "SELECT count(*) FROM program"), ==, 2);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM member"), ==, 4);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM activity"), ==, 4);
  /* References follow the new ids: every row of the copy points into the copy. */
  g_assert_cmpuint (count (db, "SELECT count(*) FROM nomination n JOIN member m ON m.id = n.nominee_id "
                               "JOIN member o ON o.id = n.nominator_id "
                               "WHERE m.program_id = o.program_id"), ==, 2);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM assignment a JOIN member m ON m.id = a.member_id "
                               "JOIN role r ON r.id = a.role_id WHERE r.program_id = m.program_id"), ==, 2);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

typedef struct
{
  const char *name;
  const char *json;        /* NULL: see the special cases */
  const char *expected;    /* a part of the message */
} BadCase;

static const char valid_head[] =
  "{\"format\": \"hearth-program-snapshot\", \"version\": 1,"
  " \"exported_at\": \"2026-05-01T10:00:00.000Z\", \"generator\": \"Hearth 0.1.0\","
  " \"redacted\": false,"
  " \"program\": {\"id\": \"p\", \"name\": \"P\", \"purpose\": null, \"description\": null,"
  "   \"active_member_count\": null, \"ratio_min\": 50, \"ratio_max\": 100, \"as_of\": null,"
  "   \"created_at\": \"2026-05-01T10:00:00.000Z\", \"updated_at\": \"2026-05-01T10:00:00.000Z\"},"
  " \"settings\": {},";

#define MEMBER(fields) \
  "{\"id\": \"m\", \"display_name\": \"M\", \"handle\": null, \"platform\": null," \
  " \"external_id\": null, \"joined_on\": null, \"region\": null, \"timezone\": null," \
  " \"language\": null, \"segment\": null, \"is_bot\": false, \"status\": \"member\"," \
  " \"created_at\": \"2026-05-01T10:00:00.000Z\", \"updated_at\": \"2026-05-01T10:00:00.000Z\"" fields "}"

static const BadCase bad_cases[] = {
  { "not-json", "this is not JSON", "1:1" },
  { "truncated", "{\"format\": \"hearth-program-snapshot\", \"version\": 1, \"members\": [{\"id\"", "members[0]" },
  { "empty", "", "not a Hearth snapshot" },
  { "whitespace", "  \n\t ", "not a Hearth snapshot" },
  { "invalid-utf8", "{\"format\": \"hearth-program-\xff\"}", "UTF-8" },
  { "nul-escape", "{\"format\": \"hearth\\u0000\"}", "\\u0000" },
  { "wrong-format", "{\"format\": \"something-else\", \"version\": 1}", "not a Hearth snapshot" },
  { "future-version", "{\"format\": \"hearth-program-snapshot\", \"version\": 2}", "newer Hearth" },
  { "not-an-object", "[1, 2, 3]", "not a Hearth snapshot" },
  { "missing-field", NULL, "members[0].status: missing" },
  { "wrong-type", NULL, "members[0].is_bot: expected true or false" },
  { "bad-enum", NULL, "members[0].status: expected one of" },
  { "bad-date", NULL, "members[0].joined_on: expected a date" },
  { "unknown-field", NULL, "members[0].favourite_colour: unknown field" },
  { "duplicate-id", NULL, "members[1].id: duplicate id" },
  { "dangling-reference", NULL, "observations[0].member_id: refers to a member that is not in the file" },
  { "bad-activity", NULL, "activity.rows[0].count" },
  { "missing-program", NULL, "program: missing" },
  { "deep-nesting", NULL, "deeper than 64" },
  { "huge-string", NULL, "1 MB" },
};

static char *
build_case (const BadCase *bad)
{
  const char *name = bad->name;
  GString *json;

  if (bad->json != NULL)
    return g_strdup (bad->json);

  json = g_string_new (valid_head);

  if (g_str_equal (name, "missing-field"))
    g_string_append (json, "\"members\": [{\"id\": \"m\", \"display_name\": \"M\", \"handle\": null,"
                           " \"platform\": null, \"external_id\": null, \"joined_on\": null,"
                           " \"region\": null, \"timezone\": null, \"language\": null,"
                           " \"segment\": null, \"is_bot\": false,"
                           " \"created_at\": \"2026-05-01T10:00:00.000Z\","
                           " \"updated_at\": \"2026-05-01T10:00:00.000Z\"}]");
  else if (g_str_equal (name, "wrong-type"))
    g_string_append (json, "\"members\": [" MEMBER (", \"x\": 1") "]"),
    g_string_replace (json, "\"is_bot\": false", "\"is_bot\": \"no\"", 1),
    g_string_replace (json, ", \"x\": 1", "", 1);
  else if (g_str_equal (name, "bad-enum"))
    g_string_append (json, "\"members\": [" MEMBER ("") "]"),
    g_string_replace (json, "\"status\": \"member\"", "\"status\": \"Member\"", 1);
  else if (g_str_equal (name, "bad-date"))
    g_string_append (json, "\"members\": [" MEMBER ("") "]"),
    g_string_replace (json, "\"joined_on\": null", "\"joined_on\": \"2026-02-30\"", 1);
  else if (g_str_equal (name, "unknown-field"))
    g_string_append (json, "\"members\": [" MEMBER (", \"favourite_colour\": \"red\"") "]");
  else if (g_str_equal (name, "duplicate-id"))
    g_string_append (json, "\"members\": [" MEMBER ("") ", " MEMBER ("") "]");
  else if (g_str_equal (name, "dangling-reference"))
    g_string_append (json, "\"members\": [" MEMBER ("") "], \"observations\": [{\"id\": \"o\","
                           " \"member_id\": \"nobody\", \"trait\": \"empathy\", \"rating\": 4,"
                           " \"observed_on\": \"2026-04-01\","
                           " \"created_at\": \"2026-05-01T10:00:00.000Z\","
                           " \"updated_at\": \"2026-05-01T10:00:00.000Z\"}]");
  else if (g_str_equal (name, "bad-activity"))
    g_string_append (json, "\"members\": [" MEMBER ("") "], \"activity\": {\"columns\":"
                           " [\"member\", \"day\", \"kind\", \"count\"], \"rows\":"
                           " [[\"m\", \"2026-04-01\", \"message\", 0]]}");
  else if (g_str_equal (name, "missing-program"))
    {
      g_string_assign (json, "{\"format\": \"hearth-program-snapshot\", \"version\": 1,"
                             " \"exported_at\": \"2026-05-01T10:00:00.000Z\","
                             " \"generator\": \"x\", \"redacted\": false, \"members\": []");
    }
  else if (g_str_equal (name, "deep-nesting"))
    {
      g_string_append (json, "\"members\": ");
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (json, '[');
    }
  else if (g_str_equal (name, "huge-string"))
    {
      g_string_append (json, "\"members\": [" MEMBER ("") "]");
      {
        g_autofree char *big = g_strnfill (2 * 1024 * 1024, 'x');
        g_autofree char *field = g_strdup_printf ("\"display_name\": \"%s\"", big);

        g_string_replace (json, "\"display_name\": \"M\"", field, 1);
      }
    }
  else
    g_assert_not_reached ();

  if (!g_str_equal (name, "deep-nesting"))
    g_string_append (json, "}");

  return g_string_free (json, FALSE);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autofree char *pid = make_program (db, "Existing");
  g_autofree char *path = g_build_filename (td->dir, "bad.json", NULL);
  g_autofree char *json = build_case (bad);
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autofree char *backups = g_build_filename (td->dir, "backups", NULL);
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  summary = hearth_snapshot_import (db, path, NULL, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_test_message ("%s: %s", bad->name, error->message);
  if (strstr (error->message, bad->expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->expected);

  /* One line, and nothing written: not even a backup, since validation comes first. */
  g_assert_null (strchr (error->message, '\n'));
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_false (hearth_database_in_transaction (db));
}

static void
test_directory (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(GError) error = NULL;

  g_assert_null (hearth_snapshot_import (db, td->dir, NULL, NULL, NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "folder"));
}

/* A file whose tombstones delete a member: the member's live records are left out. */
static void
test_tombstoned_parent (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *other = g_build_filename (td->dir, "other.db", NULL);
  g_autoptr(HearthDatabase) a = open_db (td->path);
  g_autoptr(HearthDatabase) b = open_db (other);
  g_autofree char *pid = make_program (a, "Makers");
  g_autofree char *member = g_strdup_printf ("m1-%s", pid);
  g_autofree char *path = NULL;
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  hearth_database_soft_delete (a, "member", member, &error);
  g_assert_no_error (error);
  path = export_to (a, pid, td->dir, "deleted.json");

  summary = hearth_snapshot_import (b, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The nomination and the assignment belonged to the deleted member. */
  g_assert_cmpuint (summary->n_skipped, ==, 2);
  g_assert_cmpuint (count (b, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpuint (count (b, "SELECT count(*) FROM nomination"), ==, 0);
  g_assert_cmpuint (count (b, "SELECT count(*) FROM activity"), ==, 1);
  g_assert_cmpuint (count (b, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

typedef struct
{
  GCancellable *cancellable;
  guint64       validating;
  guint64       written;
} Progress;

/* Cancels once a good part of the rows has been written. */
static void
progress_cb (HearthSnapshotStage  stage,
             guint64              done,
             guint64              total,
             gpointer             user_data)
{
  Progress *progress = user_data;

  if (stage == HEARTH_SNAPSHOT_STAGE_VALIDATING)
    {
      progress->validating = done;
      return;
    }

  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (done, <=, total);
  progress->written = done;
  if (done >= total / 2)
    g_cancellable_cancel (progress->cancellable);
}

/* Cancelling while the records are being written leaves no trace. */
static void
test_cancel_while_writing (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *path = g_build_filename (td->dir, "big.json", NULL);
  g_autoptr(HearthDatabase) target = open_db (td->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) json = g_string_new (valid_head);
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Progress progress = { cancellable };

  g_string_append (json, "\"members\": [" MEMBER ("") "], \"activity\": {\"columns\":"
                         " [\"member\", \"day\", \"kind\", \"count\"], \"rows\": [");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (json, "%s[\"m\", \"%04u-%02u-%02u\", \"%s\", %u]", i ? ", " : "",
                            2000 + i / 1000 % 20, 1 + i / 28 % 12, 1 + i % 28,
                            i % 2 ? "message" : "reply", 1 + i % 7);
  g_string_append (json, "]}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));

  g_free (make_program (target, "Existing"));
  before = content_hash (target);

  summary = hearth_snapshot_import (target, path, progress_cb, &progress, cancellable, &error);
  g_assert_null (summary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* It was told while validating and stopped in the middle of writing. */
  g_assert_cmpuint (progress.validating, >, 0);
  g_assert_cmpuint (progress.written, >, 0);
  g_assert_cmpuint (progress.written, <, 20000);

  after = content_hash (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (hearth_database_in_transaction (target));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/snapshot/import/round-trip", test_round_trip);
  g_test_add_func ("/core/snapshot/import/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/core/snapshot/import/twice", test_import_twice);
  g_test_add_func ("/core/snapshot/import/redacted", test_redacted);
  g_test_add_func ("/core/snapshot/import/tombstoned-parent", test_tombstoned_parent);
  g_test_add_func ("/core/snapshot/import/directory", test_directory);
  g_test_add_func ("/core/snapshot/import/cancel-while-writing", test_cancel_while_writing);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/snapshot/import/bad/%s", bad_cases[i].name);

      g_test_add_data_func (test_path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
