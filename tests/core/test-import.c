/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Community data in (hearth-import.h): DiscordChatExporter JSON and CSV, Discourse's user list,
 * the generic activity CSV and the member roster, against small hand-written exports in
 * tests/fixtures/import/. Each test imports into a fresh database and checks the rows with SQL:
 * what counts on which day, what counts only once, and that every bad input refuses the whole
 * run with one message naming the file, the line and the field while nothing is written.
 */

#include "config.h"

#include <string.h>

#include "hearth-import.h"
#include "hearth-program.h"
#include "hearth-record.h"
#include "test-util.h"

/* Discord ids of the fixtures' people. */
#define ADA_ID   "810000000000000001"
#define BO_ID    "810000000000000002"
#define LINUS_ID "810000000000000003"
#define BOT_ID   "810000000000000009"

typedef struct
{
  TestDir        *td;
  HearthDatabase *db;
  char           *program_id;
} Ctx;

static Ctx *
ctx_new (void)
{
  Ctx *ctx = g_new0 (Ctx, 1);
  g_autoptr(HearthProgram) program = hearth_program_new ("Lanternfly Makers");
  g_autoptr(GError) error = NULL;

  ctx->td = test_dir_new ();
  ctx->db = open_db (ctx->td->path);
  hearth_record_insert (HEARTH_RECORD (program), ctx->db, &error);
  g_assert_no_error (error);
  ctx->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));

  return ctx;
}

static void
ctx_free (Ctx *ctx)
{
  g_clear_object (&ctx->db);
  test_dir_free (ctx->td);
  g_free (ctx->program_id);
  g_free (ctx);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ctx, ctx_free)

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

/* A file in the test's folder, for inputs built by the test. */
static char *
write_temp (Ctx          *ctx,
            const char   *name,
            gconstpointer data,
            gssize        length)
{
  char *path = g_build_filename (ctx->td->dir, name, NULL);

  test_write_file (path, data, length < 0 ? strlen (data) : (gsize)length);
  return path;
}

static HearthImportSummary *
run_import (Ctx                        *ctx,
            const HearthImportOptions  *options,
            const char * const         *paths,
            GError                    **error)
{
  return hearth_import_run (ctx->db, ctx->program_id, paths, options, NULL, NULL, NULL, error);
}

/* Imports fixtures (NULL-terminated names) in one run and expects success. */
static HearthImportSummary *
import_fixtures (Ctx                       *ctx,
                 const HearthImportOptions *options,
                 ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  HearthImportOptions defaults = { HEARTH_IMPORT_FORMAT_AUTO, };
  HearthImportSummary *summary;
  const char *name;
  va_list args;

  va_start (args, options);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (paths, fixture (name));
  va_end (args);
  g_ptr_array_add (paths, NULL);

  summary = run_import (ctx, options != NULL ? options : &defaults,
                        (const char * const *)paths->pdata, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return summary;
}

/* sqlite3_vmprintf() (for %Q and %w), in memory g_free() can take. */
static char *
sql_vprintf (const char *format,
             va_list     args)
{
  char *sql = sqlite3_vmprintf (format, args);
  char *copy = g_strdup (sql);

  sqlite3_free (sql);
  return copy;
}

static char *
sql_printf (const char *format,
            ...)
{
  char *sql;
  va_list args;

  va_start (args, format);
  sql = sql_vprintf (format, args);
  va_end (args);

  return sql;
}

static gint64
query_int (Ctx        *ctx,
           const char *format,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = sql_vprintf (format, args);
  va_end (args);

  stmt = hearth_database_prepare (ctx->db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (Ctx        *ctx,
            const char *format,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  va_list args;
  int rc;

  va_start (args, format);
  sql = sql_vprintf (format, args);
  va_end (args);

  stmt = hearth_database_prepare (ctx->db, sql, &error);
  g_assert_no_error (error);
  rc = sqlite3_step (stmt);
  g_assert_true (rc == SQLITE_ROW || rc == SQLITE_DONE);

  return rc == SQLITE_ROW ? g_strdup (hearth_column_text (stmt, 0)) : NULL;
}

/* The count of one activity cell, by the member's handle; 0 when there is none. */
static gint64
activity (Ctx        *ctx,
          const char *handle,
          const char *day,
          const char *kind)
{
  return query_int (ctx, "SELECT coalesce (sum (a.count), 0) FROM activity a "
                         "JOIN member m ON m.id = a.member_id "
                         "WHERE m.handle = %Q AND a.day = %Q AND a.kind = %Q",
                    handle, day, kind);
}

static gint64
activity_of (Ctx        *ctx,
             const char *handle)
{
  return query_int (ctx, "SELECT coalesce (sum (a.count), 0) FROM activity a "
                         "JOIN member m ON m.id = a.member_id WHERE m.handle = %Q", handle);
}

static gint64
activity_total (Ctx *ctx)
{
  return query_int (ctx, "SELECT coalesce (sum (count), 0) FROM activity");
}

static gint64
n_rows (Ctx        *ctx,
        const char *table)
{
  return query_int (ctx, "SELECT count(*) FROM \"%w\"", table);
}

static void
insert_member (Ctx        *ctx,
               const char *id,
               const char *display_name,
               const char *handle,
               const char *platform,
               const char *external_id,
               const char *joined_on)
{
  g_autofree char *sql = sql_printf (
    "INSERT INTO member (id, program_id, display_name, handle, platform, external_id, joined_on,"
    " is_bot, status, created_at, updated_at) VALUES (%Q, %Q, %Q, %Q, %Q, %Q, %Q, 0, 'member',"
    " '" OLD_STAMP "', '" OLD_STAMP "')",
    id, ctx->program_id, display_name, handle, platform, external_id, joined_on);

  exec_ok (ctx->db, sql);
}

static void
suppress (Ctx        *ctx,
          const char *platform,
          const char *external_id)
{
  g_autofree char *key = hearth_suppression_key (platform, external_id);
  g_autofree char *sql = sql_printf ("INSERT INTO suppression VALUES (%Q, %Q)",
                                          ctx->program_id, key);

  exec_ok (ctx->db, sql);
}

/* What "nothing was written" compares: every row of every table, and the backups. */
static char *
content_hash (Ctx *ctx)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(GError) error = NULL;

  tables = hearth_database_prepare (ctx->db, "SELECT name FROM sqlite_schema "
                                             "WHERE type = 'table' ORDER BY name", &error);
  g_assert_no_error (error);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              hearth_column_text (tables, 0));
      g_autoptr(sqlite3_stmt) rows = hearth_database_prepare (ctx->db, sql, &error);

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
n_backups (Ctx *ctx)
{
  g_autofree char *dir_path = hearth_database_get_backup_dir (ctx->db);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static gboolean
strv_has (char       **strv,
          const char  *value)
{
  return strv != NULL && g_strv_contains ((const char * const *)strv, value);
}

/* DiscordChatExporter JSON ----------------------------------------------------------------- */

static void
test_discord_json (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *joined = NULL;
  guint backups = n_backups (ctx);

  summary = import_fixtures (ctx, NULL, "discord-general.json", NULL);

  g_assert_cmpstr (summary->program_id, ==, ctx->program_id);
  g_assert_null (summary->program_created);
  g_assert_cmpuint (summary->files->len, ==, 1);
  g_assert_cmpstr (g_array_index (summary->files, HearthImportFile, 0).format, ==, "discord-json");
  g_assert_cmpuint (summary->n_records, ==, 12);
  /* The bot's message and the pin; the join is neither counted nor ignored. */
  g_assert_cmpuint (summary->n_ignored, ==, 2);
  g_assert_cmpuint (summary->n_counted, ==, 9);
  g_assert_cmpuint (summary->n_already, ==, 0);
  g_assert_cmpuint (summary->n_members_created, ==, 4);
  g_assert_nonnull (summary->backup_path);
  g_assert_true (g_file_test (summary->backup_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_backups (ctx), ==, backups + 1);

  /* Members: platform discord, external id, handle, the nickname as display name. */
  g_assert_cmpint (n_rows (ctx, "member"), ==, 4);
  name = query_text (ctx, "SELECT display_name FROM member WHERE platform = 'discord' "
                          "AND external_id = '" ADA_ID "' AND handle = 'ada.l'");
  g_assert_cmpstr (name, ==, "Ada");
  g_clear_pointer (&name, g_free);
  name = query_text (ctx, "SELECT display_name FROM member WHERE external_id = '" BO_ID "'");
  g_assert_cmpstr (name, ==, "bo_builds");
  joined = query_text (ctx, "SELECT joined_on FROM member WHERE handle = 'linus'");
  g_assert_cmpstr (joined, ==, "2024-02-28");
  g_assert_cmpint (query_int (ctx, "SELECT is_bot FROM member WHERE external_id = '" BOT_ID "'"),
                   ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE is_bot = 1"), ==, 1);
  g_assert_cmpint (activity_of (ctx, "Carl-bot"), ==, 0);

  /* Linus: his first message and its three reactions; a reply to himself is no welcome. */
  g_assert_cmpint (activity (ctx, "linus", "2024-02-28", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "linus", "2024-02-28", "reaction_received"), ==, 3);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-01", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-01", "reply"), ==, 1);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-01", "welcome"), ==, 0);
  g_assert_cmpint (activity_of (ctx, "linus"), ==, 6);

  /* Ada: 2024-03-01T00:30+01:00 is UTC day 2024-02-29; a reply that also mentions the newcomer
   * welcomes once; the pin is not counted; on day 8 it is no longer a welcome, and an
   * unresolvable reference never is. */
  g_assert_cmpint (activity (ctx, "ada.l", "2024-02-29", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-02-29", "reply"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-02-29", "welcome"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-01", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-01", "reply"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-01", "welcome"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-07", "message"), ==, 2);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-07", "reply"), ==, 2);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-07", "welcome"), ==, 0);
  g_assert_cmpint (activity_of (ctx, "ada.l"), ==, 10);

  /* Bo: a mention welcomes; ThreadCreated is a thread started (not a message) with its
   * reaction; day 7 after the join (2024-02-28 + 7 = 2024-03-06) still welcomes. */
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-01", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-01", "welcome"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-01", "reply"), ==, 0);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "thread_started"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "message"), ==, 0);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "reaction_received"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-06", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-06", "reply"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-06", "welcome"), ==, 1);
  g_assert_cmpint (activity_of (ctx, "bo_builds"), ==, 7);

  g_assert_cmpint (activity_total (ctx), ==, 23);

  /* Each counted message id once; one batch for the file. */
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM imported_event WHERE source = 'discord'"),
                   ==, 9);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM imported_event WHERE external_key = "
                                   "'820000000000000005' OR external_key = '820000000000000006'"),
                   ==, 0);
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM import_batch WHERE format = "
                                   "'discord-json' AND file_name = 'discord-general.json' AND "
                                   "length (sha256) = 64 AND rows_added = 9 AND rows_ignored = 2 "
                                   "AND program_id = %Q", ctx->program_id), ==, 1);
}

static void
test_discord_json_reimport (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) first = NULL;
  g_autoptr(HearthImportSummary) again = NULL;
  g_autoptr(HearthImportSummary) later = NULL;
  g_autoptr(HearthImportSummary) both = NULL;
  gint64 total;

  first = import_fixtures (ctx, NULL, "discord-general.json", NULL);
  total = activity_total (ctx);

  /* The same export again: every message was counted before. */
  again = import_fixtures (ctx, NULL, "discord-general.json", NULL);
  g_assert_cmpuint (again->n_already, ==, 9);
  g_assert_cmpuint (again->n_counted, ==, 0);
  g_assert_cmpuint (again->n_activity, ==, 0);
  g_assert_cmpuint (again->n_members_created, ==, 0);
  g_assert_cmpuint (g_array_index (again->files, HearthImportFile, 0).rows_already, ==, 9);
  g_assert_cmpint (activity_total (ctx), ==, total);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 4);

  /* A later export overlapping by three messages: only the new one counts. */
  later = import_fixtures (ctx, NULL, "discord-general-later.json", NULL);
  g_assert_cmpuint (later->n_records, ==, 4);
  g_assert_cmpuint (later->n_already, ==, 3);
  g_assert_cmpuint (later->n_counted, ==, 1);
  g_assert_cmpint (activity_total (ctx), ==, total + 1 + 4);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-08", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-08", "reaction_received"), ==, 4);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-06", "message"), ==, 1);
  g_assert_cmpint (n_rows (ctx, "imported_event"), ==, 10);
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 3);

  /* Both overlapping exports in one fresh run: the overlap counts once. */
  {
    g_autoptr(Ctx) fresh = ctx_new ();

    both = import_fixtures (fresh, NULL, "discord-general.json", "discord-general-later.json",
                            NULL);
    g_assert_cmpuint (both->n_already, ==, 3);
    g_assert_cmpuint (both->n_counted, ==, 10);
    g_assert_cmpint (activity_total (fresh), ==, total + 5);
    g_assert_cmpint (n_rows (fresh, "import_batch"), ==, 2);
  }
}

/* The join and the message replied to in one file, the reply in another. */
static void
test_discord_json_welcome_across_files (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(Ctx) alone = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(HearthImportSummary) alone_summary = NULL;
  g_autofree char *joined = NULL;

  /* The reply's file first: references resolve over the whole run. */
  summary = import_fixtures (ctx, NULL, "discord-general-april.json",
                             "discord-introductions.json", NULL);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-04-02", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-04-02", "reply"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-04-02", "welcome"), ==, 1);
  g_assert_cmpint (activity (ctx, "newt", "2024-04-01", "message"), ==, 1);
  joined = query_text (ctx, "SELECT joined_on FROM member WHERE handle = 'newt'");
  g_assert_cmpstr (joined, ==, "2024-04-01");
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 2);

  /* Without the other file the reference can't be resolved: no welcome. */
  alone_summary = import_fixtures (alone, NULL, "discord-general-april.json", NULL);
  g_assert_cmpint (activity (alone, "ada.l", "2024-04-02", "message"), ==, 1);
  g_assert_cmpint (activity (alone, "ada.l", "2024-04-02", "reply"), ==, 1);
  g_assert_cmpint (activity (alone, "ada.l", "2024-04-02", "welcome"), ==, 0);
}

/* Members match by (platform, external id), then by handle; erased identities stay out. */
static void
test_discord_json_members (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *handle = NULL;

  /* Ada by handle (no Discord id yet), Bo by id under an older handle. */
  insert_member (ctx, "m-ada", "Ada Lovelace", "ada.l", NULL, NULL, NULL);
  insert_member (ctx, "m-bo", "Bo Santos", "bo-old", "discord", BO_ID, NULL);
  suppress (ctx, "discord", LINUS_ID);

  summary = import_fixtures (ctx, NULL, "discord-general.json", NULL);

  /* Only the bot is new; Linus is not created. */
  g_assert_cmpuint (summary->n_members_created, ==, 1);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 3);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE external_id = '" LINUS_ID
                                   "' OR handle = 'linus'"), ==, 0);

  /* Ada now has her Discord id; what the organizer typed stays. */
  name = query_text (ctx, "SELECT display_name FROM member WHERE id = 'm-ada'");
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE id = 'm-ada' AND "
                                   "platform = 'discord' AND external_id = '" ADA_ID "'"), ==, 1);
  handle = query_text (ctx, "SELECT handle FROM member WHERE id = 'm-bo'");
  g_assert_cmpstr (handle, ==, "bo-old");
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM activity WHERE member_id = 'm-bo'"), >, 0);

  /* Linus's three messages (join, first message, self-reply) are ignored, and with him gone
   * nobody welcomed anyone. */
  g_assert_cmpuint (summary->n_ignored, ==, 2 + 3);
  g_assert_cmpuint (summary->n_counted, ==, 7);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM activity WHERE kind = 'welcome'"), ==, 0);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM imported_event WHERE external_key IN "
                                   "('820000000000000002', '820000000000000008')"), ==, 0);
}

/* A member the organizer marked as a bot counts nothing either, even when Discord says not. */
static void
test_discord_json_marked_bot (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;

  insert_member (ctx, "m-bo", "Bo", "bo_builds", "discord", BO_ID, NULL);
  exec_ok (ctx->db, "UPDATE member SET is_bot = 1 WHERE id = 'm-bo'");

  summary = import_fixtures (ctx, NULL, "discord-general.json", NULL);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM activity WHERE member_id = 'm-bo'"), ==, 0);
  g_assert_cmpuint (summary->n_ignored, ==, 2 + 3);
}

/* DiscordChatExporter CSV ------------------------------------------------------------------ */

static void
test_discord_csv (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(HearthImportSummary) again = NULL;

  summary = import_fixtures (ctx, NULL, "discord-general.csv", NULL);
  g_assert_cmpstr (g_array_index (summary->files, HearthImportFile, 0).format, ==, "discord-csv");
  g_assert_cmpuint (summary->n_records, ==, 3);
  g_assert_cmpuint (summary->n_counted, ==, 3);
  g_assert_cmpuint (summary->n_members_created, ==, 2);

  /* "👍 (3),🎉 (1)" is 4; 23:30-02:00 is the next UTC day; only these two kinds. */
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-05", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-05", "reaction_received"), ==, 4);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-06", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-06", "reaction_received"), ==, 2);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-06", "message"), ==, 1);
  g_assert_cmpint (activity_total (ctx), ==, 9);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM activity WHERE kind NOT IN "
                                   "('message', 'reaction_received')"), ==, 0);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE platform = 'discord' AND "
                                   "external_id = '" ADA_ID "' AND handle = 'ada.l'"), ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM imported_event WHERE source = "
                                   "'discord-csv' AND length (external_key) = 64"), ==, 3);

  again = import_fixtures (ctx, NULL, "discord-general.csv", NULL);
  g_assert_cmpuint (again->n_already, ==, 3);
  g_assert_cmpuint (again->n_counted, ==, 0);
  g_assert_cmpint (activity_total (ctx), ==, 9);
  g_assert_cmpint (n_rows (ctx, "imported_event"), ==, 3);
}

static void
test_discord_csv_date_format (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("discord-localdate.csv");
  const char *paths[] = { path, NULL };
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_AUTO, };
  g_autofree char *before = content_hash (ctx);
  g_autofree char *after = NULL;

  summary = run_import (ctx, &options, paths, &error);
  g_assert_null (summary);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "discord-localdate.csv:2: message.Date: "));
  g_assert_nonnull (strstr (error->message, "05.03.2024 14:07"));
  after = content_hash (ctx);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  options.date_format = "%d.%m.%Y %H:%M";
  summary = run_import (ctx, &options, paths, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-05", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-05", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "linus", "2024-03-05", "reaction_received"), ==, 1);
}

/* Discourse users ------------------------------------------------------------------------- */

static void
test_discourse (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) feb = NULL;
  g_autoptr(HearthImportSummary) again = NULL;
  g_autoptr(HearthImportSummary) mar = NULL;
  g_autofree char *name = NULL;
  g_autofree char *joined = NULL;
  gint64 total;

  feb = import_fixtures (ctx, NULL, "discourse-users-2024-02.csv", NULL);
  g_assert_cmpstr (g_array_index (feb->files, HearthImportFile, 0).format, ==, "discourse-users");
  g_assert_cmpuint (feb->n_records, ==, 5);
  g_assert_cmpuint (feb->n_members_created, ==, 5);
  g_assert_cmpuint (feb->n_ignored, ==, 2);
  g_assert_cmpuint (feb->n_counted, ==, 3);
  g_assert_true (strv_has (feb->ignored_columns, "trust_level"));
  g_assert_true (strv_has (feb->ignored_columns, "group_names"));
  g_assert_true (strv_has (feb->ignored_columns, "user_field_1"));
  g_assert_false (strv_has (feb->ignored_columns, "post_count"));

  /* Members: external id, handle, name, joined_on; system and discobot are bots. */
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE platform = 'discourse' AND "
                                   "external_id = '1' AND handle = 'ada_l' AND "
                                   "display_name = 'Ada Lovelace'"), ==, 1);
  joined = query_text (ctx, "SELECT joined_on FROM member WHERE handle = 'ada_l'");
  g_assert_cmpstr (joined, ==, "2024-01-10");
  name = query_text (ctx, "SELECT display_name FROM member WHERE handle = 'cy'");
  g_assert_cmpstr (name, ==, "cy");
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE is_bot = 1 AND "
                                   "external_id IN ('-1', '-2')"), ==, 2);
  g_assert_cmpint (activity_of (ctx, "system") + activity_of (ctx, "discobot"), ==, 0);

  /* The first import adds the totals, on the newest last_seen_at day (2024-02-09). */
  g_assert_cmpint (activity (ctx, "ada_l", "2024-02-09", "thread_started"), ==, 3);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-02-09", "message"), ==, 10);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-02-09", "reply"), ==, 7);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-02-09", "reaction_received"), ==, 7);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-02-09", "message"), ==, 2);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-02-09", "reply"), ==, 2);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-02-09", "reaction_received"), ==, 1);
  g_assert_cmpint (activity_of (ctx, "cy"), ==, 0);
  g_assert_cmpint (query_int (ctx, "SELECT count(DISTINCT day) FROM activity"), ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT total FROM import_counter c JOIN member m ON "
                                   "m.id = c.member_id WHERE m.handle = 'ada_l' AND "
                                   "c.source = 'discourse' AND c.counter = 'post_count'"), ==, 10);
  /* Three counters for each of the three people, none for the bots. */
  g_assert_cmpint (n_rows (ctx, "import_counter"), ==, 9);
  total = activity_total (ctx);

  /* The same file again adds nothing. */
  again = import_fixtures (ctx, NULL, "discourse-users-2024-02.csv", NULL);
  g_assert_cmpint (activity_total (ctx), ==, total);
  g_assert_cmpuint (again->n_activity, ==, 0);
  g_assert_cmpuint (again->n_members_created, ==, 0);

  /* A month later: only the increase, on 2024-03-11. */
  mar = import_fixtures (ctx, NULL, "discourse-users-2024-03.csv", NULL);
  g_assert_cmpuint (mar->n_members_created, ==, 0);
  g_assert_cmpuint (mar->n_already, ==, 1);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-03-11", "thread_started"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-03-11", "message"), ==, 5);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-03-11", "reply"), ==, 4);
  g_assert_cmpint (activity (ctx, "ada_l", "2024-03-11", "reaction_received"), ==, 2);
  g_assert_cmpint (activity (ctx, "cy", "2024-03-11", "thread_started"), ==, 1);
  g_assert_cmpint (activity (ctx, "cy", "2024-03-11", "message"), ==, 3);
  g_assert_cmpint (activity (ctx, "cy", "2024-03-11", "reply"), ==, 2);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-11", "message"), ==, 0);
  g_assert_cmpint (activity_total (ctx), ==, total + 12 + 6);
  g_assert_cmpint (query_int (ctx, "SELECT count(DISTINCT day) FROM activity"), ==, 2);
  g_clear_pointer (&name, g_free);
  name = query_text (ctx, "SELECT display_name FROM member WHERE handle = 'cy'");
  g_assert_cmpstr (name, ==, "Cy Okafor");
  g_assert_cmpint (query_int (ctx, "SELECT total FROM import_counter c JOIN member m ON "
                                   "m.id = c.member_id WHERE m.handle = 'ada_l' AND "
                                   "c.counter = 'post_count'"), ==, 15);

  /* The older export after the newer one adds nothing, and the newer one again still adds
   * nothing: the stored totals never go back. */
  g_clear_pointer (&again, hearth_import_summary_free);
  total = activity_total (ctx);
  again = import_fixtures (ctx, NULL, "discourse-users-2024-02.csv", NULL);
  g_assert_cmpint (activity_total (ctx), ==, total);
  g_clear_pointer (&again, hearth_import_summary_free);
  again = import_fixtures (ctx, NULL, "discourse-users-2024-03.csv", NULL);
  g_assert_cmpint (activity_total (ctx), ==, total);
  g_assert_cmpuint (again->n_activity, ==, 0);
}

static void
test_discourse_suppressed (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;

  suppress (ctx, "discourse", "2");
  summary = import_fixtures (ctx, NULL, "discourse-users-2024-02.csv", NULL);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE handle = 'bo_builds' OR "
                                   "external_id = '2'"), ==, 0);
  g_assert_cmpuint (summary->n_ignored, ==, 3);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 4);
}

/* Generic activity CSV -------------------------------------------------------------------- */

static void
test_csv (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(HearthImportSummary) later = NULL;
  g_autoptr(HearthImportSummary) again = NULL;
  g_autoptr(HearthImportSummary) copy_summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = fixture ("activity.csv");
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *batch_at = NULL;
  g_autofree char *name = NULL;
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_AUTO, };
  gsize length;

  /* BOM, padded and mixed-case names, CRLF, quoting, an empty count. */
  summary = import_fixtures (ctx, NULL, "activity.csv", NULL);
  g_assert_cmpstr (g_array_index (summary->files, HearthImportFile, 0).format, ==, "csv");
  g_assert_null (g_array_index (summary->files, HearthImportFile, 0).already_imported_at);
  g_assert_cmpuint (summary->n_records, ==, 4);
  g_assert_cmpuint (summary->n_counted, ==, 4);
  g_assert_cmpuint (summary->n_members_created, ==, 2);
  g_assert_cmpuint (g_strv_length (summary->ignored_columns), ==, 1);
  g_assert_cmpstr (summary->ignored_columns[0], ==, "Notes");
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-01", "message"), ==, 5);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "reply"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "event_attended"), ==, 1);
  g_assert_cmpint (activity_total (ctx), ==, 7);
  name = query_text (ctx, "SELECT display_name FROM member WHERE handle = 'ada.l'");
  g_assert_cmpstr (name, ==, "ada.l");
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM import_batch WHERE format = 'csv' AND "
                                   "file_name = 'activity.csv' AND rows_added = 4 AND "
                                   "rows_ignored = 0"), ==, 1);

  /* An overlapping later file: the larger total of each cell wins. */
  later = import_fixtures (ctx, NULL, "activity-later.csv", NULL);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-01", "message"), ==, 5);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-02", "message"), ==, 2);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "reply"), ==, 3);
  g_assert_cmpint (activity_total (ctx), ==, 11);
  g_assert_cmpuint (later->n_activity, ==, 2);

  /* The same bytes again: skipped, with the time of the first import. */
  again = import_fixtures (ctx, NULL, "activity.csv", NULL);
  batch_at = query_text (ctx, "SELECT imported_at FROM import_batch WHERE file_name = "
                              "'activity.csv'");
  g_assert_cmpstr (g_array_index (again->files, HearthImportFile, 0).already_imported_at, ==,
                   batch_at);
  g_assert_cmpuint (again->n_records, ==, 0);
  g_assert_null (again->backup_path);
  g_assert_cmpint (activity_total (ctx), ==, 11);
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 2);

  /* The same rows in other bytes (LF instead of CRLF): read, but nothing adds up. */
  g_assert_true (g_file_get_contents (original, &contents, &length, NULL));
  {
    g_autoptr(GRegex) crlf = g_regex_new ("\r\n", 0, 0, NULL);
    g_autofree char *lf = g_regex_replace_literal (crlf, contents, length, 0, "\n", 0, NULL);
    const char *paths[2] = { NULL, NULL };

    copy = write_temp (ctx, "activity-copy.csv", lf, -1);
    paths[0] = copy;
    copy_summary = run_import (ctx, &options, paths, &error);
    g_assert_no_error (error);
    g_assert_null (g_array_index (copy_summary->files, HearthImportFile, 0).already_imported_at);
    g_assert_cmpuint (copy_summary->n_counted, ==, 4);
    g_assert_cmpuint (copy_summary->n_activity, ==, 0);
    g_assert_cmpint (activity_total (ctx), ==, 11);
  }
}

/* The same file twice in one run is read once. */
static void
test_csv_twice_in_one_run (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;

  summary = import_fixtures (ctx, NULL, "activity.csv", "activity.csv", NULL);
  g_assert_null (g_array_index (summary->files, HearthImportFile, 0).already_imported_at);
  g_assert_nonnull (g_array_index (summary->files, HearthImportFile, 1).already_imported_at);
  g_assert_cmpint (activity_total (ctx), ==, 7);
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 1);
}

static void
test_csv_member_columns (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) external = NULL;
  g_autoptr(HearthImportSummary) tsv = NULL;
  g_autoptr(HearthImportSummary) names = NULL;
  g_autoptr(HearthImportSummary) by_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_CSV, };
  const char *paths[] = { NULL, NULL };

  insert_member (ctx, "m-ada", "Ada Lovelace", "ada.l", NULL, NULL, NULL);
  insert_member (ctx, "m-linus", "Linus", "linus", "discord", LINUS_ID, NULL);

  /* Semicolons; "External ID" with a space; an empty platform is "csv"; name fills the
   * display name of a new member. */
  external = import_fixtures (ctx, &options, "activity-external.csv", NULL);
  g_assert_cmpuint (external->n_members_created, ==, 2);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE platform = 'csv' AND "
                                   "external_id = '4471' AND display_name = 'Priya N.'"), ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE platform = 'forum' AND "
                                   "external_id = 'u-77'"), ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT a.count FROM activity a JOIN member m ON "
                                   "m.id = a.member_id WHERE m.external_id = '4471' AND "
                                   "a.day = '2024-03-03' AND a.kind = 'answer'"), ==, 2);
  g_assert_cmpint (activity_total (ctx), ==, 4);

  /* Tabs; the member column; two rows of one cell add up. */
  tsv = import_fixtures (ctx, &options, "activity-members.tsv", NULL);
  g_assert_cmpuint (tsv->n_members_created, ==, 0);
  g_assert_cmpint (query_int (ctx, "SELECT count FROM activity WHERE member_id = 'm-linus' AND "
                                   "day = '2024-03-05' AND kind = 'welcome'"), ==, 2);
  g_assert_cmpint (query_int (ctx, "SELECT count FROM activity WHERE member_id = 'm-linus' AND "
                                   "day = '2024-03-06' AND kind = 'event_promoted'"), ==, 1);

  /* A name column matches display_name; an unknown name is a new member. */
  names = import_fixtures (ctx, &options, "activity-names.csv", NULL);
  g_assert_cmpuint (names->n_members_created, ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count FROM activity WHERE member_id = 'm-ada' AND "
                                   "kind = 'event_promoted'"), ==, 1);
  name = query_text (ctx, "SELECT display_name FROM member m JOIN activity a ON "
                          "a.member_id = m.id WHERE a.kind = 'event_attended'");
  g_assert_cmpstr (name, ==, "Grace H.");

  /* member_id: the program's own ids. */
  path = write_temp (ctx, "by-id.csv",
                     "member_id,day,kind,count\n"
                     "m-ada,2024-03-09,content_shared,3\n"
                     "m-linus,2024-03-09,answer,1\n", -1);
  paths[0] = path;
  by_id = run_import (ctx, &options, paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_id->n_members_created, ==, 0);
  g_assert_cmpint (query_int (ctx, "SELECT count FROM activity WHERE member_id = 'm-ada' AND "
                                   "kind = 'content_shared'"), ==, 3);
}

static void
test_csv_suppressed (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;

  suppress (ctx, "csv", "4471");
  summary = import_fixtures (ctx, NULL, "activity-external.csv", NULL);
  g_assert_cmpuint (summary->n_ignored, ==, 2);
  g_assert_cmpuint (summary->n_counted, ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE external_id = '4471'"), ==, 0);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 1);
  g_assert_cmpint (activity_total (ctx), ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT rows_ignored FROM import_batch"), ==, 2);
}

static void
test_csv_mapping (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("activity-odd-header.csv");
  const char *paths[] = { path, NULL };
  HearthImportMapping mapping;
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_CSV, };

  /* Without a mapping nothing names the member, and the message shows the header. */
  summary = run_import (ctx, &options, paths, &error);
  g_assert_null (summary);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "activity-odd-header.csv:1: "));
  g_assert_nonnull (strstr (error->message, "Who;When;What;How many"));
  g_clear_error (&error);

  hearth_import_mapping_init (&mapping, HEARTH_IMPORT_FORMAT_CSV);
  mapping.columns[HEARTH_IMPORT_FIELD_HANDLE] = 0;
  mapping.columns[HEARTH_IMPORT_FIELD_DAY] = 1;
  mapping.columns[HEARTH_IMPORT_FIELD_KIND] = 2;
  mapping.columns[HEARTH_IMPORT_FIELD_COUNT] = 3;
  mapping.kinds = g_hash_table_new (g_str_hash, g_str_equal);
  options.mapping = &mapping;
  options.date_format = "%d/%m/%Y";

  /* "Answer" is not "answer": a mapping with only Post still refuses line 3. */
  g_hash_table_insert (mapping.kinds, "Post", "message");
  summary = run_import (ctx, &options, paths, &error);
  g_assert_null (summary);
  g_assert_nonnull (strstr (error->message, "activity-odd-header.csv:3: activity.kind: "));
  g_assert_nonnull (strstr (error->message, "Answer"));
  g_clear_error (&error);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 0);

  g_hash_table_insert (mapping.kinds, "Answer", "answer");
  summary = run_import (ctx, &options, paths, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-01", "message"), ==, 2);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-02", "message"), ==, 1);
  g_assert_cmpint (activity (ctx, "bo_builds", "2024-03-02", "answer"), ==, 1);
  g_assert_cmpuint (g_strv_length (summary->ignored_columns), ==, 0);

  hearth_import_mapping_clear (&mapping);
}

/* Member roster --------------------------------------------------------------------------- */

static void
test_members (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) discord = NULL;
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(HearthImportSummary) again = NULL;
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_MEMBERS, };
  g_autofree char *row = NULL;
  g_autofree char *platform = NULL;

  discord = import_fixtures (ctx, NULL, "discord-general.json", NULL);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 4);

  /* Ada by (discord, id), Bo by handle, Priya is new (platform csv). */
  summary = import_fixtures (ctx, &options, "members.csv", NULL);
  g_assert_cmpstr (g_array_index (summary->files, HearthImportFile, 0).format, ==, "members");
  g_assert_cmpuint (summary->n_members_created, ==, 1);
  g_assert_cmpuint (summary->n_members_updated, ==, 2);
  g_assert_cmpuint (summary->n_counted, ==, 3);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 5);

  row = query_text (ctx, "SELECT display_name || '|' || email || '|' || joined_on || '|' || "
                         "region || '|' || timezone || '|' || language || '|' || segment "
                         "FROM member WHERE external_id = '" ADA_ID "'");
  g_assert_cmpstr (row, ==, "Ada Lovelace|ada@example.org|2023-11-02|Europe|Europe/London|en|maker");
  g_clear_pointer (&row, g_free);
  row = query_text (ctx, "SELECT display_name || '|' || region || '|' || language || '|' || "
                         "platform || '|' || external_id FROM member WHERE handle = 'bo_builds'");
  g_assert_cmpstr (row, ==, "Bo Santos|South America|pt|discord|" BO_ID);
  platform = query_text (ctx, "SELECT platform FROM member WHERE external_id = '4471' AND "
                              "handle = 'priya' AND region = 'Asia' AND segment IS NULL");
  g_assert_cmpstr (platform, ==, "csv");
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 2);
  g_assert_cmpint (query_int (ctx, "SELECT rows_added FROM import_batch WHERE format = 'members'"),
                   ==, 3);

  /* Nothing changes the second time. */
  again = import_fixtures (ctx, &options, "members.csv", NULL);
  g_assert_cmpuint (again->n_members_created, ==, 0);
  g_assert_cmpuint (again->n_members_updated, ==, 0);
  g_assert_cmpint (n_rows (ctx, "member"), ==, 5);
}

/* Detection and mixed runs ---------------------------------------------------------------- */

static void
test_detect (void)
{
  static const struct
  {
    const char         *name;
    HearthImportFormat  format;
  } cases[] = {
    { "discord-general.json", HEARTH_IMPORT_FORMAT_DISCORD_JSON },
    { "discord-introductions.json", HEARTH_IMPORT_FORMAT_DISCORD_JSON },
    { "discord-general.csv", HEARTH_IMPORT_FORMAT_DISCORD_CSV },
    { "discord-localdate.csv", HEARTH_IMPORT_FORMAT_DISCORD_CSV },
    { "discourse-users-2024-02.csv", HEARTH_IMPORT_FORMAT_DISCOURSE_USERS },
    { "activity.csv", HEARTH_IMPORT_FORMAT_CSV },
    { "activity-external.csv", HEARTH_IMPORT_FORMAT_CSV },
    { "activity-members.tsv", HEARTH_IMPORT_FORMAT_CSV },
    { "members.csv", HEARTH_IMPORT_FORMAT_CSV },
  };
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autofree char *near_discord = NULL;
  g_autofree char *username_only = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].name);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (hearth_import_detect (path, FALSE, &error), ==, cases[i].format);
      g_assert_no_error (error);
    }

  /* DiscordChatExporter's header is exact; Discourse needs username together with post_count. */
  near_discord = write_temp (ctx, "near.csv", "AuthorID,Author,Date,Content,Attachments\n", -1);
  g_assert_cmpint (hearth_import_detect (near_discord, FALSE, &error), ==, HEARTH_IMPORT_FORMAT_CSV);
  username_only = write_temp (ctx, "users.csv", "id,username,topic_count\n", -1);
  g_assert_cmpint (hearth_import_detect (username_only, FALSE, &error), ==, HEARTH_IMPORT_FORMAT_CSV);
  g_assert_no_error (error);
}

/* Every format in one run: one batch per file, with its format and name. */
static void
test_mixed_run (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  static const char * const formats[] = { "discord-json", "discord-csv", "discourse-users", "csv" };

  summary = import_fixtures (ctx, NULL, "discord-general.json", "discord-general.csv",
                             "discourse-users-2024-02.csv", "activity.csv", NULL);
  g_assert_cmpuint (summary->files->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (g_array_index (summary->files, HearthImportFile, i).format, ==, formats[i]);
  g_assert_cmpint (n_rows (ctx, "import_batch"), ==, 4);
  g_assert_cmpint (query_int (ctx, "SELECT count(DISTINCT sha256) FROM import_batch"), ==, 4);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM import_batch WHERE "
                                   "(format, file_name) IN (VALUES "
                                   "('discord-json', 'discord-general.json'), "
                                   "('discord-csv', 'discord-general.csv'), "
                                   "('discourse-users', 'discourse-users-2024-02.csv'), "
                                   "('csv', 'activity.csv'))"), ==, 4);
  /* The Discord JSON and CSV people are the same members. */
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM member WHERE platform = 'discord' AND "
                                   "external_id = '" ADA_ID "'"), ==, 1);
  g_assert_cmpint (activity (ctx, "ada.l", "2024-03-05", "reaction_received"), ==, 4);
}

/* A database with no program: the run creates one, named after the first file. */
static void
test_no_program (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("activity.csv");
  const char *paths[] = { path, NULL };
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_AUTO, };

  summary = hearth_import_run (db, NULL, paths, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->program_created, ==, "activity");
  g_assert_nonnull (summary->program_id);
}

/* Latin-1 -------------------------------------------------------------------------------- */

static void
test_latin1 (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (ctx, "latin1.csv",
                                      "handle,day,kind\nada.l,2024-03-01,message\n"
                                      "Jos\xe9,2024-03-01,reply\n", -1);
  const char *paths[] = { path, NULL };
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_AUTO, };
  g_autofree char *before = content_hash (ctx);
  g_autofree char *after = NULL;
  guint backups = n_backups (ctx);

  summary = run_import (ctx, &options, paths, &error);
  g_assert_null (summary);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "latin1.csv:3: "));
  g_assert_null (strchr (error->message, '\n'));
  after = content_hash (ctx);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_backups (ctx), ==, backups);
  g_clear_error (&error);

  options.latin1 = TRUE;
  summary = run_import (ctx, &options, paths, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity (ctx, "José", "2024-03-01", "reply"), ==, 1);
}

/* Bad input ------------------------------------------------------------------------------ */

typedef struct
{
  const char         *name;
  HearthImportFormat  format;
  /* The file, written into the test's folder as @file; NULL data: a fixture named @file. */
  const char         *file;
  const char         *data;
  int                 code;
  /* Substrings the one-line message must hold; the first follows the file's path. */
  const char         *expect[3];
} BadCase;

#define DCE_JSON_HEAD "{\n  \"guild\": {\"id\": \"1\", \"name\": \"G\"},\n  \"channel\": {\"id\": \"2\", \"name\": \"c\"},\n  \"messages\": [\n"
#define DCE_AUTHOR "\"author\": {\"id\": \"7\", \"name\": \"ada.l\", \"isBot\": false}"
#define DCE_OK_MESSAGE "    {\"id\": \"100\", \"type\": \"Default\", \"timestamp\": \"2024-03-01T10:00:00+00:00\", " DCE_AUTHOR "}"

static const BadCase bad_cases[] = {
  { "csv-missing-day", HEARTH_IMPORT_FORMAT_AUTO, "bad.csv",
    "handle,kind\nada.l,message\n", HEARTH_ERROR_INVALID,
    { ":1: ", "day or date", "its header is “handle,kind”" } },
  { "csv-no-member-column", HEARTH_IMPORT_FORMAT_AUTO, "bad.csv",
    "person,day,kind\nada.l,2024-03-01,message\n", HEARTH_ERROR_INVALID,
    { ":1: ", "member_id", "“person,day,kind”" } },
  { "csv-bad-date", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind\nada.l,2024-03-01,message\nbo,2024-02-30,message\n", HEARTH_ERROR_INVALID,
    { ":3: activity.day: ", "2024-02-30" } },
  { "csv-negative-count", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind,count\nada.l,2024-03-01,message,-2\n", HEARTH_ERROR_INVALID,
    { ":2: activity.count: ", "-2" } },
  { "csv-text-count", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind,count\nada.l,2024-03-01,message,2\nada.l,2024-03-02,message,lots\n",
    HEARTH_ERROR_INVALID, { ":3: activity.count: ", "lots" } },
  { "csv-zero-count", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind,count\nada.l,2024-03-01,message,0\n", HEARTH_ERROR_INVALID,
    { ":2: activity.count: " } },
  { "csv-unknown-kind", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle;day;kind\nada.l;2024-03-01;message\nada.l;2024-03-01;meetup\n", HEARTH_ERROR_INVALID,
    { ":3: activity.kind: ", "meetup" } },
  { "csv-kind-case", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind\nada.l,2024-03-01,Message\n", HEARTH_ERROR_INVALID,
    { ":2: activity.kind: " } },
  { "csv-empty-member", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind\n,2024-03-01,message\n", HEARTH_ERROR_INVALID,
    { ":2: activity.handle: " } },
  { "csv-unknown-member-id", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "member_id,day,kind\nno-such-member,2024-03-01,message\n", HEARTH_ERROR_NOT_FOUND,
    { ":2: activity.member_id: ", "no-such-member" } },
  { "csv-empty-file", HEARTH_IMPORT_FORMAT_CSV, "bad.csv", "", HEARTH_ERROR_INVALID,
    { ": ", "empty" } },
  { "csv-nul-byte", HEARTH_IMPORT_FORMAT_CSV, "bad.csv", NULL, HEARTH_ERROR_INVALID,
    { ":2", "NUL" } },
  { "csv-unclosed-quote", HEARTH_IMPORT_FORMAT_CSV, "bad.csv",
    "handle,day,kind\n\"ada.l,2024-03-01,message\n", HEARTH_ERROR_INVALID, { ":2" } },
  { "discord-csv-header", HEARTH_IMPORT_FORMAT_DISCORD_CSV, "bad.csv",
    "AuthorID,Author,Date,Content,Attachments\n\"1\",\"a\",\"2024-03-01\",\"hi\",\"\"\n",
    HEARTH_ERROR_INVALID, { ":1: ", "AuthorID,Author,Date,Content,Attachments,Reactions",
                            "its header is “AuthorID,Author,Date,Content,Attachments”" } },
  { "discord-csv-date", HEARTH_IMPORT_FORMAT_AUTO, "bad.csv",
    "AuthorID,Author,Date,Content,Attachments,Reactions\n"
    "\"1\",\"ada.l\",\"2024-03-01T10:00:00+00:00\",\"hi\",\"\",\"\"\n"
    "\"1\",\"ada.l\",\"yesterday\",\"hi\",\"\",\"\"\n",
    HEARTH_ERROR_INVALID, { ":3: message.Date: ", "yesterday" } },
  { "discord-csv-reactions", HEARTH_IMPORT_FORMAT_AUTO, "bad.csv",
    "AuthorID,Author,Date,Content,Attachments,Reactions\n"
    "\"1\",\"ada.l\",\"2024-03-01T10:00:00+00:00\",\"hi\",\"\",\"👍 (x)\"\n",
    HEARTH_ERROR_INVALID, { ":2: message.Reactions: " } },
  { "discourse-missing-column", HEARTH_IMPORT_FORMAT_DISCOURSE_USERS, "bad.csv",
    "id,name,username,created_at,last_seen_at,topic_count,likes_received\n"
    "1,Ada,ada_l,2024-01-10 10:00:00 UTC,2024-02-08 10:00:00 UTC,1,1\n",
    HEARTH_ERROR_INVALID, { ":1: ", "post_count", "its header is “id,name,username," } },
  { "discourse-bad-count", HEARTH_IMPORT_FORMAT_AUTO, "bad.csv",
    "id,name,username,created_at,last_seen_at,topic_count,post_count,likes_received\n"
    "1,Ada,ada_l,2024-01-10 10:00:00 UTC,2024-02-08 10:00:00 UTC,1,-4,1\n",
    HEARTH_ERROR_INVALID, { ":2: user.post_count: ", "-4" } },
  { "discourse-bad-date", HEARTH_IMPORT_FORMAT_AUTO, "bad.csv",
    "id,name,username,created_at,last_seen_at,topic_count,post_count,likes_received\n"
    "1,Ada,ada_l,2024-01-10 10:00:00 UTC,2024-02-08 10:00:00 UTC,1,4,1\n"
    "2,Bo,bo,last tuesday,2024-02-08 10:00:00 UTC,1,4,1\n",
    HEARTH_ERROR_INVALID, { ":3: user.created_at: ", "last tuesday" } },
  { "roster-no-member-column", HEARTH_IMPORT_FORMAT_MEMBERS, "bad.csv",
    "display_name,region\nAda,Europe\n", HEARTH_ERROR_INVALID,
    { ":1: ", "handle", "its header is “display_name,region”" } },
  { "roster-bad-joined-on", HEARTH_IMPORT_FORMAT_MEMBERS, "bad.csv",
    "handle,joined_on\nada.l,2024-01-15\nbo,15/01/2024\n", HEARTH_ERROR_INVALID,
    { ":3: member.joined_on: ", "15/01/2024" } },
  { "json-object", HEARTH_IMPORT_FORMAT_AUTO, "bad.json", "{\"a\": 1}\n", HEARTH_ERROR_INVALID,
    { ": ", "not a DiscordChatExporter export" } },
  { "json-array", HEARTH_IMPORT_FORMAT_AUTO, "bad.json", "[]\n", HEARTH_ERROR_INVALID,
    { ": ", "not a DiscordChatExporter export" } },
  { "json-snapshot", HEARTH_IMPORT_FORMAT_AUTO, "snapshot.json", NULL, HEARTH_ERROR_INVALID,
    { ": ", "not a DiscordChatExporter export" } },
  { "json-bad-timestamp", HEARTH_IMPORT_FORMAT_AUTO, "bad.json",
    DCE_JSON_HEAD DCE_OK_MESSAGE ",\n"
    "    {\"id\": \"101\", \"type\": \"Default\", \"timestamp\": \"yesterday\", " DCE_AUTHOR "}\n"
    "  ]\n}\n",
    HEARTH_ERROR_INVALID, { ":6:5: messages[1].timestamp: ", "yesterday" } },
  { "json-no-author-id", HEARTH_IMPORT_FORMAT_DISCORD_JSON, "bad.json",
    DCE_JSON_HEAD DCE_OK_MESSAGE ",\n" DCE_OK_MESSAGE ",\n"
    "    {\"id\": \"102\", \"type\": \"Reply\", \"timestamp\": \"2024-03-01T10:00:00Z\", "
    "\"author\": {\"name\": \"bo\"}}\n  ]\n}\n",
    HEARTH_ERROR_INVALID, { ":7:5: messages[2].author.id: " } },
  { "json-negative-reaction", HEARTH_IMPORT_FORMAT_AUTO, "bad.json",
    DCE_JSON_HEAD
    "    {\"id\": \"101\", \"type\": \"Default\", \"timestamp\": \"2024-03-01T10:00:00Z\", "
    DCE_AUTHOR ", \"reactions\": [{\"emoji\": {\"name\": \"👍\"}, \"count\": -1}]}\n  ]\n}\n",
    HEARTH_ERROR_INVALID, { ":5:5: messages[0].reactions[0].count: " } },
  { "json-syntax", HEARTH_IMPORT_FORMAT_AUTO, "bad.json",
    DCE_JSON_HEAD DCE_OK_MESSAGE ",\n    {\"id\": \"101\",, }\n  ]\n}\n",
    HEARTH_ERROR_INVALID, { ":6:" } },
  { "json-truncated", HEARTH_IMPORT_FORMAT_AUTO, "bad.json",
    DCE_JSON_HEAD DCE_OK_MESSAGE ",\n", HEARTH_ERROR_INVALID, { ":" } },
  { "json-nul-byte", HEARTH_IMPORT_FORMAT_AUTO, "bad.json", NULL, HEARTH_ERROR_INVALID,
    { ":5:" } },
  { "json-invalid-utf8", HEARTH_IMPORT_FORMAT_AUTO, "bad.json",
    DCE_JSON_HEAD
    "    {\"id\": \"101\", \"type\": \"Default\", \"timestamp\": \"2024-03-01T10:00:00Z\", "
    "\"author\": {\"id\": \"7\", \"name\": \"Jos\xe9\"}}\n  ]\n}\n",
    -1 /* the JSON reader says HEARTH_ERROR_INVALID, not _ENCODING */, { ":5:109: messages[0].author.name: " } },
  { "missing-file", HEARTH_IMPORT_FORMAT_AUTO, "no-such-file.csv", NULL, HEARTH_ERROR_NOT_FOUND,
    { ": " } },
};

/* Inputs that can't be C string literals. */
static GBytes *
bad_case_data (const BadCase *bc)
{
  if (g_str_equal (bc->name, "csv-nul-byte"))
    {
      static const char data[] = "handle,day,kind\nada\0l,2024-03-01,message\n";

      return g_bytes_new_static (data, sizeof data - 1);
    }
  if (g_str_equal (bc->name, "json-nul-byte"))
    {
      static const char data[] = DCE_JSON_HEAD "    {\"id\": \"1\0\"}\n  ]\n}\n";

      return g_bytes_new_static (data, sizeof data - 1);
    }
  if (g_str_equal (bc->name, "json-snapshot"))
    {
      g_autofree char *sample = g_build_filename (g_getenv ("HEARTH_SOURCE_ROOT"), "data",
                                                  "sample-program.json", NULL);

      return test_read_file (sample);
    }
  if (bc->data != NULL)
    return g_bytes_new_static (bc->data, strlen (bc->data));

  return NULL;
}

/* A good file of @format, to go first in a run whose second file is bad. */
static const char *
good_fixture (HearthImportFormat format)
{
  switch (format)
    {
    case HEARTH_IMPORT_FORMAT_CSV:
      return "activity-later.csv";
    case HEARTH_IMPORT_FORMAT_DISCORD_CSV:
      return "discord-general.csv";
    case HEARTH_IMPORT_FORMAT_DISCOURSE_USERS:
      return "discourse-users-2024-03.csv";
    case HEARTH_IMPORT_FORMAT_MEMBERS:
      return "members.csv";
    case HEARTH_IMPORT_FORMAT_AUTO:
    case HEARTH_IMPORT_FORMAT_DISCORD_JSON:
    default:
      return "discord-general.json";
    }
}

/* Each bad file alone, then second in a run: the good first file is not written either. */
static void
test_bad_input (gconstpointer data)
{
  const BadCase *bc = data;
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) seed = NULL;
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GBytes) bytes = bad_case_data (bc);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = fixture (good_fixture (bc->format));
  g_autofree char *bad = g_build_filename (ctx->td->dir, bc->file, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  const char *alone[] = { bad, NULL };
  const char *second[] = { good, bad, NULL };
  HearthImportOptions options = { bc->format, };
  gint64 counts[5];
  static const char * const tables[] = {
    "member", "activity", "imported_event", "import_counter", "import_batch",
  };
  guint backups;

  if (bytes != NULL)
    test_write_file (bad, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Something in every table first, so "unchanged" means something. */
  seed = import_fixtures (ctx, NULL, "discourse-users-2024-02.csv", "activity.csv", NULL);
  before = content_hash (ctx);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    counts[i] = n_rows (ctx, tables[i]);
  backups = n_backups (ctx);

  for (guint run = 0; run < 2; run++)
    {
      summary = run_import (ctx, &options, run == 0 ? alone : second, &error);
      g_assert_null (summary);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (bc->code >= 0)
        g_assert_error (error, HEARTH_ERROR, bc->code);
      else
        g_assert_true (error->domain == HEARTH_ERROR);

      /* One line: the file's path, then where and what. */
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_str_has_prefix (error->message, bad));
      expected = g_strconcat (bad, bc->expect[0], NULL);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_clear_pointer (&expected, g_free);
      for (guint i = 1; i < G_N_ELEMENTS (bc->expect) && bc->expect[i] != NULL; i++)
        g_assert_nonnull (strstr (error->message, bc->expect[i]));
      g_clear_error (&error);

      after = content_hash (ctx);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&after, g_free);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        g_assert_cmpint (n_rows (ctx, tables[i]), ==, counts[i]);
      /* The backup comes after the reading: none for a run that failed to read. */
      g_assert_cmpuint (n_backups (ctx), ==, backups);
      g_assert_false (hearth_database_in_transaction (ctx->db));
    }
}

static void
test_long_line (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(GString) data = g_string_new ("handle,day,kind,note\nada.l,2024-03-01,message,ok\n");
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = content_hash (ctx);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  const char *paths[] = { NULL, NULL };
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_CSV, };

  g_string_append (data, "bo,2024-03-01,message,");
  for (guint i = 0; i < 1024 * 1024 / 8 + 8; i++)
    g_string_append (data, "abcdefgh");
  g_string_append (data, "\nbo,2024-03-02,message,ok\n");
  path = write_temp (ctx, "long.csv", data->str, data->len);
  paths[0] = path;

  summary = run_import (ctx, &options, paths, &error);
  g_assert_null (summary);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  expected = g_strconcat (path, ":3: ", NULL);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_nonnull (strstr (error->message, "1 MB"));
  g_assert_cmpuint (strlen (error->message), <, 1024);
  after = content_hash (ctx);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_backups (ctx), ==, 0);
}

/* Cancelling ----------------------------------------------------------------------------- */

typedef struct
{
  GCancellable *cancellable;
  guint64       cancel_at;
  guint64       last;
  guint         calls;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (total, ==, 1000);
  g_assert_cmpuint (done, <=, total);
  p->last = done;
  p->calls++;
  if (p->cancellable != NULL && done >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) seed = NULL;
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = fixture ("discord-general.json");
  g_autofree char *b = fixture ("discourse-users-2024-03.csv");
  g_autofree char *c = fixture ("activity-later.csv");
  const char *paths[] = { a, b, c, NULL };
  HearthImportOptions options = { HEARTH_IMPORT_FORMAT_AUTO, };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint backups;

  seed = import_fixtures (ctx, NULL, "discourse-users-2024-02.csv", "activity.csv", NULL);
  before = content_hash (ctx);
  backups = n_backups (ctx);

  /* Cancelled before the run starts. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    summary = hearth_import_run (ctx->db, ctx->program_id, paths, &options, NULL, NULL,
                                 cancellable, &error);
    g_assert_null (summary);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    after = content_hash (ctx);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&after, g_free);
    g_assert_cmpuint (n_backups (ctx), ==, backups);
  }

  /* Cancelled while reading (after the first file). */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    Progress progress = { cancellable, 0, 0, 0 };

    summary = hearth_import_run (ctx->db, ctx->program_id, paths, &options, progress_cb,
                                 &progress, cancellable, &error);
    g_assert_null (summary);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.calls, >, 0);
    g_assert_cmpuint (progress.last, <, 700);
    g_clear_error (&error);
    after = content_hash (ctx);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&after, g_free);
    g_assert_cmpuint (n_backups (ctx), ==, backups);
  }

  /* Cancelled once everything is read: the backup is made, the transaction rolled back. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    Progress progress = { cancellable, 700, 0, 0 };

    summary = hearth_import_run (ctx->db, ctx->program_id, paths, &options, progress_cb,
                                 &progress, cancellable, &error);
    g_assert_null (summary);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.last, ==, 700);
    g_clear_error (&error);
    after = content_hash (ctx);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&after, g_free);
    g_assert_cmpuint (n_backups (ctx), ==, backups + 1);
    g_assert_false (hearth_database_in_transaction (ctx->db));
  }

  /* Cancelled in the middle of writing the activity of a bigger file. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GString) big = g_string_new ("handle,day,kind,count\n");
    g_autofree char *big_path = NULL;
    const char *big_paths[] = { NULL, NULL };
    Progress progress = { cancellable, 701, 0, 0 };

    for (guint i = 0; i < 20000; i++)
      g_string_append_printf (big, "member%u,%04u-%02u-%02u,message,%u\n", i % 10,
                              2000 + i / 10 / 336, 1 + i / 10 / 28 % 12, 1 + i / 10 % 28,
                              1 + i % 5);
    big_path = write_temp (ctx, "big.csv", big->str, big->len);
    big_paths[0] = big_path;

    summary = hearth_import_run (ctx->db, ctx->program_id, big_paths, &options, progress_cb,
                                 &progress, cancellable, &error);
    g_assert_null (summary);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.last, >, 700);
    g_clear_error (&error);
    after = content_hash (ctx);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&after, g_free);
    g_assert_false (hearth_database_in_transaction (ctx->db));
  }

  /* Not cancelled: progress runs up and the run goes through. */
  {
    Progress progress = { NULL, 0, 0, 0 };

    summary = hearth_import_run (ctx->db, ctx->program_id, paths, &options, progress_cb,
                                 &progress, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (summary);
    g_assert_cmpuint (progress.calls, >, 0);
    g_assert_cmpuint (progress.last, >=, 700);
    g_clear_pointer (&summary, hearth_import_summary_free);
  }
}

static void
test_suppression_key (void)
{
  g_autofree char *key = hearth_suppression_key ("discord", LINUS_ID);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             "discord" LINUS_ID, -1);

  g_assert_cmpstr (key, ==, expected);
  g_assert_cmpuint (strlen (key), ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/import/suppression-key", test_suppression_key);
  g_test_add_func ("/core/import/discord-json", test_discord_json);
  g_test_add_func ("/core/import/discord-json/reimport", test_discord_json_reimport);
  g_test_add_func ("/core/import/discord-json/welcome-across-files",
                   test_discord_json_welcome_across_files);
  g_test_add_func ("/core/import/discord-json/members", test_discord_json_members);
  g_test_add_func ("/core/import/discord-json/marked-bot", test_discord_json_marked_bot);
  g_test_add_func ("/core/import/discord-csv", test_discord_csv);
  g_test_add_func ("/core/import/discord-csv/date-format", test_discord_csv_date_format);
  g_test_add_func ("/core/import/discourse", test_discourse);
  g_test_add_func ("/core/import/discourse/suppressed", test_discourse_suppressed);
  g_test_add_func ("/core/import/csv", test_csv);
  g_test_add_func ("/core/import/csv/twice-in-one-run", test_csv_twice_in_one_run);
  g_test_add_func ("/core/import/csv/member-columns", test_csv_member_columns);
  g_test_add_func ("/core/import/csv/suppressed", test_csv_suppressed);
  g_test_add_func ("/core/import/csv/mapping", test_csv_mapping);
  g_test_add_func ("/core/import/members", test_members);
  g_test_add_func ("/core/import/detect", test_detect);
  g_test_add_func ("/core/import/mixed-run", test_mixed_run);
  g_test_add_func ("/core/import/no-program", test_no_program);
  g_test_add_func ("/core/import/latin1", test_latin1);
  g_test_add_func ("/core/import/long-line", test_long_line);
  g_test_add_func ("/core/import/cancel", test_cancel);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/import/bad/%s", bad_cases[i].name);

      g_test_add_data_func (test_path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
