/* test-import-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Import Activity" dialog on the real window and store, without its file chooser: a table
 * with odd headers mapped through the dialog's own rows, imported, and read back through the
 * store's reader; and a cancelled import that leaves nothing behind.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-import-activity-dialog.h"
#include "hearth-import-activity-dialog-private.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

/* A fresh program, shown by the window. */
static const char *
add_program (HearthApplication *app,
             HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  return hearth_record_get_id (HEARTH_RECORD (hearth_window_get_program (window)));
}

static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearth-import-activity-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gint64
query_int (HearthStore *store,
           const char  *sql,
           const char  *program_id)
{
  sqlite3 *db = hearth_database_get_handle (hearth_store_get_reader (store));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (program_id != NULL)
    sqlite3_bind_text (stmt, 1, program_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
sum_activity (HearthStore *store,
              const char  *program_id,
              const char  *kind)
{
  sqlite3 *db = hearth_database_get_handle (hearth_store_get_reader (store));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT coalesce(sum(a.count), 0) FROM activity a "
                                       "JOIN member m ON m.id = a.member_id "
                                       "WHERE m.program_id = ?1 AND (?2 IS NULL OR a.kind = ?2)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, program_id, -1, SQLITE_TRANSIENT);
  if (kind != NULL)
    sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* Index 0 is "Not in the file"; column N of the file is N + 1. */
static void
choose_column (HearthImportActivityDialog *dialog,
               HearthImportField           field,
               guint                       column)
{
  AdwComboRow *row = hearth_import_activity_dialog_get_field_row (dialog, field);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, column + 1);
}

static void
check_mapping (HearthApplication *app,
               HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *program_id = g_strdup (add_program (app, window));
  /* Headers nothing recognises, a quoted one with spaces, a column nobody reads, ';' between. */
  const char *csv =
    "\" Who \";When;What;How Many;Extra\n"
    "ada;2024-03-01;posted;3;x\n"
    "ada;2024-03-02;message;2;y\n"
    "grace;2024-03-02;answered;4;z\n"
    "grace;2024-03-03;reply;1;\n"
    "linus;2024-03-03;posted;5;w\n";
  g_autoptr(GFile) file = write_file ("odd.csv", csv, -1);
  GFile *files[] = { file, NULL };
  HearthImportActivityDialog *dialog;
  AdwComboRow *row;
  GtkStringList *model;

  dialog = hearth_import_activity_dialog_new (window, store, program_id,
                                              HEARTH_IMPORT_FORMAT_AUTO, files);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  hearth_ui_test_wait_for (hearth_import_activity_dialog_is_ready (dialog));
  g_assert_null (hearth_import_activity_dialog_get_error (dialog));

  /* The rows list the header as the people who wrote it see it. */
  row = hearth_import_activity_dialog_get_field_row (dialog, HEARTH_IMPORT_FIELD_HANDLE);
  g_assert_nonnull (row);
  model = GTK_STRING_LIST (adw_combo_row_get_model (row));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (model, 1), ==, "Who");
  g_assert_cmpstr (gtk_string_list_get_string (model, 4), ==, "How Many");
  /* A roster's columns are not offered for activity. */
  g_assert_null (hearth_import_activity_dialog_get_field_row (dialog, HEARTH_IMPORT_FIELD_EMAIL));

  for (guint f = 0; f < HEARTH_IMPORT_N_FIELDS; f++)
    if (hearth_import_activity_dialog_get_field_row (dialog, f) != NULL)
      adw_combo_row_set_selected (hearth_import_activity_dialog_get_field_row (dialog, f), 0);
  choose_column (dialog, HEARTH_IMPORT_FIELD_HANDLE, 0);
  choose_column (dialog, HEARTH_IMPORT_FIELD_DAY, 1);
  choose_column (dialog, HEARTH_IMPORT_FIELD_KIND, 2);
  choose_column (dialog, HEARTH_IMPORT_FIELD_COUNT, 3);

  /* The kind column's own words each get a row: 1 is Messages, 5 Answers. */
  g_assert_null (hearth_import_activity_dialog_get_kind_row (dialog, "message"));
  g_assert_null (hearth_import_activity_dialog_get_kind_row (dialog, "reply"));
  row = hearth_import_activity_dialog_get_kind_row (dialog, "posted");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, 1);
  row = hearth_import_activity_dialog_get_kind_row (dialog, "answered");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, 5);

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (hearth_import_activity_dialog_get_import_button (dialog))));
  g_signal_emit_by_name (hearth_import_activity_dialog_get_import_button (dialog), "clicked");
  g_assert_true (hearth_store_get_busy (store));

  /* Success closes the dialog; an error would keep it, with the message. */
  while (dialog != NULL && (hearth_import_activity_dialog_is_running (dialog) ||
                            hearth_import_activity_dialog_get_error (dialog) == NULL))
    g_main_context_iteration (NULL, TRUE);
  if (dialog != NULL)
    g_error ("the import failed: %s", hearth_import_activity_dialog_get_error (dialog));
  g_assert_false (hearth_store_get_busy (store));

  g_assert_cmpint (sum_activity (store, program_id, NULL), ==, 15);
  g_assert_cmpint (sum_activity (store, program_id, "message"), ==, 10);
  g_assert_cmpint (sum_activity (store, program_id, "answer"), ==, 4);
  g_assert_cmpint (sum_activity (store, program_id, "reply"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM member WHERE program_id = ?1 "
                                     "AND deleted_at IS NULL", program_id), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM import_batch WHERE program_id = ?1",
                              program_id), ==, 1);
}

static void
test_mapping (void)
{
  hearth_ui_test_run_with_window (check_mapping, FALSE);
}

static void
check_cancel (HearthApplication *app,
              HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *program_id = g_strdup (add_program (app, window));
  g_autoptr(GString) csv = g_string_new ("handle,day,kind,count\n");
  g_autoptr(GFile) file = NULL;
  GFile *files[2] = { NULL, NULL };
  HearthImportActivityDialog *dialog;

  /* Enough rows that the import is still reading when Cancel is pressed. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (csv, "member%u,2024-%02u-%02u,message,%u\n",
                            i % 5000, 1 + i % 12, 1 + i % 28, 1 + i % 7);
  file = write_file ("big.csv", csv->str, csv->len);
  files[0] = file;

  dialog = hearth_import_activity_dialog_new (window, store, program_id,
                                              HEARTH_IMPORT_FORMAT_AUTO, files);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  hearth_ui_test_wait_for (hearth_import_activity_dialog_is_ready (dialog));
  g_assert_null (hearth_import_activity_dialog_get_error (dialog));

  g_signal_emit_by_name (hearth_import_activity_dialog_get_import_button (dialog), "clicked");
  g_assert_true (hearth_import_activity_dialog_is_running (dialog));
  g_signal_emit_by_name (hearth_import_activity_dialog_get_cancel_button (dialog), "clicked");

  /* The dialog stays, says so, and the store is free again. */
  hearth_ui_test_wait_for (!hearth_import_activity_dialog_is_running (dialog));
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (hearth_import_activity_dialog_get_error (dialog),
                                   "Import cancelled"));
  g_assert_false (hearth_store_get_busy (store));
  /* Every job queued before has finished: nothing waits that could still write. */
  g_assert_cmpuint (hearth_store_get_pending (store), ==, 0);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM activity", NULL), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM import_batch", NULL), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM member", NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cancel (void)
{
  hearth_ui_test_run_with_window (check_cancel, FALSE);
}

/* A roster saved as Latin-1: the dialog says the file is not UTF-8 and offers to read it as
 * Latin-1; then the names come through, accents and all. */
static void
check_latin1 (HearthApplication *app,
              HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *program_id = g_strdup (add_program (app, window));
  /* "Zoë Müller" in Latin-1. */
  const char csv[] = "handle,display_name\nzoe,Zo\xeb M\xfcller\n";
  g_autoptr(GFile) file = write_file ("roster.csv", csv, sizeof csv - 1);
  GFile *files[] = { file, NULL };
  HearthImportActivityDialog *dialog;
  GtkButton *latin1;

  dialog = hearth_import_activity_dialog_new (window, store, program_id,
                                              HEARTH_IMPORT_FORMAT_MEMBERS, files);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  hearth_ui_test_wait_for (hearth_import_activity_dialog_is_ready (dialog));
  g_assert_nonnull (hearth_import_activity_dialog_get_error (dialog));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (hearth_import_activity_dialog_get_import_button (dialog))));
  latin1 = hearth_import_activity_dialog_get_latin1_button (dialog);
  g_assert_nonnull (latin1);

  g_signal_emit_by_name (latin1, "clicked");
  hearth_ui_test_wait_for (hearth_import_activity_dialog_is_ready (dialog));
  g_assert_null (hearth_import_activity_dialog_get_error (dialog));
  g_assert_nonnull (hearth_import_activity_dialog_get_field_row (dialog, HEARTH_IMPORT_FIELD_EMAIL));
  g_assert_null (hearth_import_activity_dialog_get_field_row (dialog, HEARTH_IMPORT_FIELD_COUNT));

  g_signal_emit_by_name (hearth_import_activity_dialog_get_import_button (dialog), "clicked");
  while (dialog != NULL && (hearth_import_activity_dialog_is_running (dialog) ||
                            hearth_import_activity_dialog_get_error (dialog) == NULL))
    g_main_context_iteration (NULL, TRUE);
  if (dialog != NULL)
    g_error ("the import failed: %s", hearth_import_activity_dialog_get_error (dialog));

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM member WHERE program_id = ?1 "
                                     "AND display_name = 'Zo\xc3\xab M\xc3\xbcller'", program_id), ==, 1);
}

static void
test_latin1 (void)
{
  hearth_ui_test_run_with_window (check_latin1, FALSE);
}

/* The toast's sentence, from the summary's counts (C locale: no digit grouping). */
static void
test_summary (void)
{
  HearthImportSummary summary = { 0 };
  HearthImportFile files[2] = { { 0 } };
  g_autofree char *text = NULL;

  summary.files = g_array_new (FALSE, TRUE, sizeof (HearthImportFile));
  files[0].path = (char *) "/tmp/a.csv";
  files[0].format = "csv";
  files[1].path = (char *) "/tmp/b.json";
  files[1].format = "discord-json";
  g_array_append_vals (summary.files, files, 2);
  summary.n_counted = 1234;
  summary.n_members_created = 12;

  /* Counted in the words of the format: several formats are "records". */
  text = hearth_import_activity_describe_summary (&summary, HEARTH_IMPORT_FORMAT_AUTO);
  g_assert_cmpstr (text, ==, "Imported 1234 records from 2 files: 12 new members");
  g_clear_pointer (&text, g_free);

  g_array_index (summary.files, HearthImportFile, 1).already_imported_at = (char *) "2024-01-01T00:00:00Z";
  summary.n_members_created = 1;
  summary.n_counted = 1;
  summary.n_ignored = 3;
  text = hearth_import_activity_describe_summary (&summary, HEARTH_IMPORT_FORMAT_AUTO);
  g_assert_cmpstr (text, ==, "Imported 1 row from 1 file: 1 new member, 3 ignored, "
                             "“b.json” was already imported");
  g_clear_pointer (&text, g_free);

  g_array_index (summary.files, HearthImportFile, 0).already_imported_at = (char *) "2024-01-01T00:00:00Z";
  text = hearth_import_activity_describe_summary (&summary, HEARTH_IMPORT_FORMAT_AUTO);
  g_assert_cmpstr (text, ==, "The 2 files were already imported: nothing was changed");
  g_clear_pointer (&text, g_free);

  g_array_set_size (summary.files, 1);
  text = hearth_import_activity_describe_summary (&summary, HEARTH_IMPORT_FORMAT_AUTO);
  g_assert_cmpstr (text, ==, "“a.csv” was already imported: nothing was changed");
  g_clear_pointer (&text, g_free);

  g_array_index (summary.files, HearthImportFile, 0).already_imported_at = NULL;
  summary.n_counted = 40;
  summary.n_members_created = 30;
  summary.n_members_updated = 10;
  summary.n_ignored = 0;
  text = hearth_import_activity_describe_summary (&summary, HEARTH_IMPORT_FORMAT_MEMBERS);
  g_assert_cmpstr (text, ==, "Imported 40 members from 1 file: 30 new members, 10 members updated");

  g_array_unref (summary.files);
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/import-activity/summary", test_summary);
  g_test_add_func ("/ui/import-activity/mapping", test_mapping);
  g_test_add_func ("/ui/import-activity/cancel", test_cancel);
  g_test_add_func ("/ui/import-activity/latin1", test_latin1);

  return g_test_run ();
}
