/* test-import-responses.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feedback responses from a survey tool's CSV export (hearth_import_responses_run()), against
 * small exports in tests/fixtures/import/responses/: each good row becomes a survey item of its
 * member, day, rating and tags; a file with bad rows names every one and writes nothing.
 */

#include "config.h"

#include <string.h>

#include "hearth-import.h"
#include "hearth-program.h"
#include "hearth-record.h"
#include "test-util.h"

typedef struct
{
  TestDir        *td;
  HearthDatabase *db;
  char           *program_id;
} Ctx;

static char *
sql_printf (const char *format,
            ...)
{
  va_list args;
  char *sql;
  char *copy;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  copy = g_strdup (sql);
  sqlite3_free (sql);

  return copy;
}

static void
insert_member (Ctx        *ctx,
               const char *id,
               const char *display_name,
               const char *handle,
               const char *platform,
               const char *external_id)
{
  g_autofree char *sql = sql_printf (
    "INSERT INTO member (id, program_id, display_name, handle, platform, external_id,"
    " is_bot, status, created_at, updated_at) VALUES (%Q, %Q, %Q, %Q, %Q, %Q, 0, 'member',"
    " '" OLD_STAMP "', '" OLD_STAMP "')",
    id, ctx->program_id, display_name, handle, platform, external_id);

  exec_ok (ctx->db, sql);
}

static void
insert_round (Ctx        *ctx,
              const char *id,
              const char *deleted_at)
{
  g_autofree char *sql = sql_printf (
    "INSERT INTO feedback_round (id, program_id, title, status, created_at, updated_at,"
    " deleted_at) VALUES (%Q, %Q, 'Spring survey', 'open', '" OLD_STAMP "', '" OLD_STAMP "', %Q)",
    id, ctx->program_id, deleted_at);

  exec_ok (ctx->db, sql);
}

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

  insert_member (ctx, "m-ada", "Ada Lovelace", "ada", "discord", "810000000000000001");
  insert_member (ctx, "m-bo", "Bo Andersen", "bo", NULL, NULL);
  insert_member (ctx, "m-linus", "Linus", "linus", "csv", "4471");
  insert_round (ctx, "r-spring", NULL);
  insert_round (ctx, "r-gone", "2024-01-01T00:00:00.000Z");

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
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "responses", name, NULL);
}

static gint64
query_int (Ctx        *ctx,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (ctx->db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
n_feedback (Ctx *ctx)
{
  return query_int (ctx, "SELECT count(*) FROM feedback");
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

/* Each item as "member|received_on|rating|text|tags|channel|status|round", in day order. */
static char *
items (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  stmt = hearth_database_prepare (ctx->db,
                                  "SELECT member_id || '|' || received_on || '|' || "
                                  "coalesce (rating, '-') || '|' || coalesce (text, '-') || '|' || "
                                  "coalesce (tags, '-') || '|' || channel || '|' || status || '|' "
                                  "|| coalesce (round_id, '-') FROM feedback "
                                  "ORDER BY received_on, member_id", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", hearth_column_text (stmt, 0));

  return g_string_free (out, FALSE);
}

static HearthImportSummary *
run (Ctx                                *ctx,
     const char                         *name,
     const HearthImportResponsesOptions *options,
     GError                            **error)
{
  g_autofree char *path = fixture (name);

  return hearth_import_responses_run (ctx->db, ctx->program_id, path, options, NULL, NULL, NULL,
                                      error);
}

/* A good export: BOM, quoted commas and newlines, optional rating, tags split on ',' and ';',
 * trimmed, deduplicated (ignoring case); the row with nothing to say is ignored. */
static void
test_good (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  HearthImportResponsesOptions options = { .round_id = "r-spring" };

  summary = run (ctx, "survey.csv", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  g_assert_cmpuint (summary->n_records, ==, 4);
  g_assert_cmpuint (summary->n_counted, ==, 3);
  g_assert_cmpuint (summary->n_ignored, ==, 1);
  g_assert_nonnull (summary->backup_path);
  g_assert_cmpuint (summary->files->len, ==, 1);
  g_assert_cmpstr (g_array_index (summary->files, HearthImportFile, 0).format, ==, "responses");
  g_assert_true (g_strv_contains ((const char * const *)summary->ignored_columns, "Email"));

  got = items (ctx);
  g_assert_cmpstr (got, ==,
                   "m-ada|2024-03-01|5|Loved the meetup, thanks!|[\"events\",\"Meetups\"]|survey|new|r-spring\n"
                   "m-bo|2024-03-02|-|Two lines:\nmore venues, please|[\"venues\"]|survey|new|r-spring\n"
                   "m-ada|2024-03-03|3|-|[\"docs\",\"onboarding\"]|survey|new|r-spring\n");
  g_assert_cmpint (query_int (ctx, "SELECT rows_added FROM import_batch WHERE format = 'responses'"),
                   ==, 3);
}

/* Without a round the items belong to none. */
static void
test_no_round (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  HearthImportResponsesOptions options = { NULL, };

  summary = run (ctx, "survey.csv", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_feedback (ctx), ==, 3);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM feedback WHERE round_id IS NULL"), ==, 3);
}

/* Every bad row is named with its line and field, and nothing is written. */
static void
test_bad_rows (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("bad-rows.csv");
  g_autofree char *expected = NULL;
  HearthImportResponsesOptions options = { .round_id = "r-spring" };
  guint backups = n_backups (ctx);

  summary = run (ctx, "bad-rows.csv", &options, &error);
  g_assert_null (summary);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HEARTH_ERROR);

  expected = g_strdup_printf ("%s:3: member.handle: no member “nobody” in this program\n"
                              "%s:4: feedback.rating: “7” is not a rating (a whole number from 1 to 5)\n"
                              "%s:5: feedback.rating: “abc” is not a rating (a whole number from 1 to 5)\n"
                              "%s:6: feedback.received_on: “2024-13-45” is not a date (YYYY-MM-DD or ISO-8601)",
                              path, path, path, path);
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_cmpint (n_feedback (ctx), ==, 0);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpuint (n_backups (ctx), ==, backups);
}

/* Past the limit, the rest are counted: one message, not a thousand lines. */
static void
test_many_bad_rows (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("date,handle,rating\n");
  g_autofree char *path = g_build_filename (ctx->td->dir, "many.csv", NULL);
  g_autofree char *last = NULL;
  g_auto(GStrv) lines = NULL;
  HearthImportResponsesOptions options = { NULL, };

  for (guint i = 0; i < HEARTH_IMPORT_RESPONSES_MAX_ERRORS + 5; i++)
    g_string_append (text, "2024-03-01,ada,9\n");
  test_write_file (path, text->str, text->len);

  summary = hearth_import_responses_run (ctx->db, ctx->program_id, path, &options, NULL, NULL,
                                         NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, HEARTH_IMPORT_RESPONSES_MAX_ERRORS + 1);
  last = g_strdup_printf ("%s: and 5 more bad rows", path);
  g_assert_cmpstr (lines[HEARTH_IMPORT_RESPONSES_MAX_ERRORS], ==, last);
  g_assert_cmpint (n_feedback (ctx), ==, 0);
}

/* A round that is not a live round of the program: an error before anything is written. */
static void
test_unknown_round (void)
{
  const char *rounds[] = { "r-nope", "r-gone" };

  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    {
      g_autoptr(Ctx) ctx = ctx_new ();
      g_autoptr(HearthImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      HearthImportResponsesOptions options = { .round_id = rounds[i] };
      guint backups = n_backups (ctx);

      summary = run (ctx, "survey.csv", &options, &error);
      g_assert_null (summary);
      g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, rounds[i]));
      g_assert_cmpint (n_feedback (ctx), ==, 0);
      g_assert_cmpuint (n_backups (ctx), ==, backups);
    }
}

static void
test_header_only (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  HearthImportResponsesOptions options = { .round_id = "r-spring" };

  summary = run (ctx, "header-only.csv", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->n_records, ==, 0);
  g_assert_cmpuint (summary->n_counted, ==, 0);
  g_assert_cmpint (n_feedback (ctx), ==, 0);
}

/* A caller's mapping: members by external id (platform "csv" without a platform column, as in
 * the activity CSV), an erased identity's row ignored and counted. */
static void
test_mapping_external_suppressed (void)
{
  g_autoptr(Ctx) ctx = ctx_new ();
  g_autoptr(HearthImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = hearth_suppression_key ("csv", "9999");
  g_autofree char *sql = sql_printf ("INSERT INTO suppression VALUES (%Q, %Q)",
                                     ctx->program_id, key);
  HearthImportResponsesMapping mapping;
  HearthImportResponsesOptions options = { .mapping = &mapping };

  exec_ok (ctx->db, sql);

  /* survey.csv's columns, read differently: "Comments" as the member's external id. */
  hearth_import_responses_mapping_init (&mapping);
  mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_DATE] = 0;
  mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_EXTERNAL_ID] = 1;
  mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_TEXT] = 2;

  {
    g_autofree char *path = g_build_filename (ctx->td->dir, "ext.csv", NULL);

    const char *text = "when,id,what\n2024-04-01,4471,hi\n2024-04-02,9999,erased\n";

    test_write_file (path, text, strlen (text));
    summary = hearth_import_responses_run (ctx->db, ctx->program_id, path, &options, NULL, NULL,
                                           NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_counted, ==, 1);
  g_assert_cmpuint (summary->n_ignored, ==, 1);
  g_assert_cmpint (query_int (ctx, "SELECT count(*) FROM feedback WHERE member_id = 'm-linus' "
                                   "AND text = 'hi' AND received_on = '2024-04-01'"), ==, 1);
  g_assert_cmpint (n_feedback (ctx), ==, 1);
}

static void
test_header_convention (void)
{
  const char * const header[] = { "Submitted at", "Display Name", "Score", "Feedback", "Tag", NULL };
  HearthImportResponsesMapping mapping;

  hearth_import_responses_mapping_init (&mapping);
  hearth_import_responses_map_header (&mapping, header);
  g_assert_cmpint (mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_DATE], ==, 0);
  g_assert_cmpint (mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_NAME], ==, 1);
  g_assert_cmpint (mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_RATING], ==, 2);
  g_assert_cmpint (mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_TEXT], ==, 3);
  g_assert_cmpint (mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_TAGS], ==, 4);
  g_assert_cmpint (mapping.columns[HEARTH_IMPORT_RESPONSES_FIELD_HANDLE], ==, -1);
  g_assert_cmpstr (hearth_import_responses_field_name (HEARTH_IMPORT_RESPONSES_FIELD_RATING), ==,
                   "feedback.rating");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import-responses/good", test_good);
  g_test_add_func ("/core/import-responses/no-round", test_no_round);
  g_test_add_func ("/core/import-responses/bad-rows", test_bad_rows);
  g_test_add_func ("/core/import-responses/many-bad-rows", test_many_bad_rows);
  g_test_add_func ("/core/import-responses/unknown-round", test_unknown_round);
  g_test_add_func ("/core/import-responses/header-only", test_header_only);
  g_test_add_func ("/core/import-responses/mapping-external-suppressed",
                   test_mapping_external_suppressed);
  g_test_add_func ("/core/import-responses/header-convention", test_header_convention);

  return g_test_run ();
}
