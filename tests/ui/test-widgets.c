/* test-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds every template widget under G_DEBUG=fatal-warnings: a type or property too new for
 * GTK 4.8 / libadwaita 1.2, a misspelt callback or a broken .ui file aborts here.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hearth-candidates-page.h"
#include "hearth-export-dialog.h"
#include "hearth-feedback-page.h"
#include "hearth-import-activity-dialog.h"
#include "hearth-import-dialog.h"
#include "hearth-overview-page.h"
#include "hearth-preferences-window.h"
#include "hearth-program-editor.h"
#include "hearth-recognition-page.h"
#include "hearth-roles-page.h"
#include "hearth-snapshot.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

static HearthStore *
open_store (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  HearthStore *store;

  store = hearth_store_open (path, &error);
  g_assert_no_error (error);

  return store;
}

static void
test_pages (void)
{
  GType types[] = {
    HEARTH_TYPE_OVERVIEW_PAGE,
    HEARTH_TYPE_CANDIDATES_PAGE,
    HEARTH_TYPE_ROLES_PAGE,
    HEARTH_TYPE_RECOGNITION_PAGE,
    HEARTH_TYPE_FEEDBACK_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (types[i], NULL));
      GtkWidget *child;

      /* Every page names itself for the sidebar and the header. */
      g_assert_nonnull (hearth_page_get_title (HEARTH_PAGE (page)));
      g_assert_nonnull (hearth_page_get_icon_name (HEARTH_PAGE (page)));
      child = adw_bin_get_child (ADW_BIN (page));

      /* Pages with content keep their empty state as the stack's "empty" page. */
      if (GTK_IS_STACK (child))
        child = gtk_stack_get_child_by_name (GTK_STACK (child), "empty");
      g_assert_true (ADW_IS_STATUS_PAGE (child));

      g_object_unref (page);
    }
}

static void
test_window_template (void)
{
  GtkWidget *window = g_object_new (HEARTH_TYPE_WINDOW, NULL);

  g_assert_null (hearth_window_get_program (HEARTH_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dialogs (void)
{
  g_autoptr(HearthStore) store = open_store ();
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  GtkWidget *window;

  /* The editor opens in its name field: typing lands there and Enter never hits Cancel. */
  window = GTK_WIDGET (hearth_program_editor_new (store));
  gtk_window_present (GTK_WINDOW (window));
  hearth_ui_test_wait_for (gtk_widget_get_mapped (window));
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                              ADW_TYPE_ENTRY_ROW))), ==, "Name");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Preferences without a program (first run) and with one. */
  window = GTK_WIDGET (hearth_preferences_window_new (store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = GTK_WIDGET (hearth_preferences_window_new (store, program));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = GTK_WIDGET (hearth_export_dialog_new (store, program));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Without files, both kinds of import ask for them; Import waits for them. */
  window = GTK_WIDGET (hearth_import_activity_dialog_new (NULL, store, NULL,
                                                          HEARTH_IMPORT_FORMAT_AUTO, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_default_widget (GTK_WINDOW (window))));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (window))));
  gtk_window_destroy (GTK_WINDOW (window));

  window = GTK_WIDGET (hearth_import_activity_dialog_new (NULL, store, NULL,
                                                          HEARTH_IMPORT_FORMAT_MEMBERS, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Import Members");
  gtk_window_destroy (GTK_WINDOW (window));

  hearth_store_close (store);
}

/* The first widget of @type (and with @css_class, unless NULL) under @widget. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
imported_cb (HearthImportDialog *dialog,
             const char         *id,
             const char         *name,
             guint               n_members,
             gboolean            ids_reassigned,
             char              **out_id)
{
  g_assert_cmpuint (n_members, >, 0);
  *out_id = g_strdup (id);
}

/* The import dialog reads the file off the main thread, then shows either what it holds or
 * why it cannot be imported. */
/* Whether the dialog shows the notice that this program is already here. */
static gboolean
shows_again_notice (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "This program is already in Hearth"))
    return gtk_widget_get_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_again_notice (child))
      return TRUE;

  return FALSE;
}

static void
test_import_dialog (void)
{
  g_autoptr(HearthStore) store = open_store ();
  g_autofree char *dir = g_dir_make_tmp ("hearth-import-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "sample-program.json", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autofree char *imported_id = NULL;
  g_autoptr(HearthProgram) imported = NULL;
  GtkWidget *window;
  GtkStack *stack;

  g_assert_true (g_file_set_contents (bad_path, "{\"format\": 1}", -1, NULL));

  window = GTK_WIDGET (hearth_import_dialog_new (store, bad, NULL));
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (find_widget (window, GTK_TYPE_STACK, NULL));
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0);
  g_assert_false (gtk_widget_get_sensitive (find_widget (window, GTK_TYPE_BUTTON,
                                                         "suggested-action")));
  gtk_window_destroy (GTK_WINDOW (window));

  window = GTK_WIDGET (hearth_import_dialog_new (store, sample, NULL));
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (find_widget (window, GTK_TYPE_STACK, NULL));
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "summary") == 0);
  g_assert_false (shows_again_notice (window));

  /* Import as a new program: the store is busy meanwhile, and the program is there after. */
  g_signal_connect (window, "imported", G_CALLBACK (imported_cb), &imported_id);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_emit_by_name (find_widget (window, GTK_TYPE_BUTTON, "suggested-action"), "clicked");
  g_assert_true (hearth_store_get_busy (store));
  hearth_ui_test_wait_for (imported_id != NULL);
  g_assert_false (hearth_store_get_busy (store));
  hearth_ui_test_wait_for (window == NULL);
  imported = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                       imported_id, FALSE, NULL);
  g_assert_nonnull (imported);

  /* Closed while it still reads: nothing may touch the dialog afterwards. */
  window = GTK_WIDGET (hearth_import_dialog_new (store, sample, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  g_unlink (bad_path);
  g_rmdir (dir);
  hearth_store_close (store);
}

typedef struct
{
  gboolean merged;
  guint    added;
  guint    updated;
  guint    deleted;
} Merged;

static void
merged_cb (HearthImportDialog *dialog,
           const char         *id,
           const char         *name,
           guint               added,
           guint               updated,
           guint               deleted,
           Merged             *merged)
{
  merged->merged = TRUE;
  merged->added = added;
  merged->updated = updated;
  merged->deleted = deleted;
}

typedef struct
{
  const char *path;
  char       *program_id;
} ImportSample;

static gboolean
import_sample_job (HearthDatabase  *db,
                   gpointer         data,
                   GError         **error)
{
  ImportSample *sample = data;
  g_autoptr(HearthSnapshotSummary) summary = hearth_snapshot_import (db, sample->path, NULL,
                                                                     NULL, NULL, error);

  if (summary == NULL)
    return FALSE;
  sample->program_id = g_strdup (summary->program_id);

  return TRUE;
}

static gint64
count_rows (HearthStore *store,
            const char  *sql,
            const char  *program_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = hearth_database_prepare (hearth_store_get_reader (store), sql, &error);
  gint64 count;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, program_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* The row titled @title under @widget, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The button labelled @label under @widget, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

#define MEMBERS_SQL     "SELECT count(*) FROM member WHERE program_id = ?1 AND deleted_at IS NULL"
#define NOMINATIONS_SQL "SELECT count(*) FROM nomination n JOIN member m ON m.id = n.nominee_id " \
                        "WHERE m.program_id = ?1 AND n.deleted_at IS NULL"

/* Merging a file into the program it was imported as: the preview writes nothing and finds
 * everything unchanged, and so does the merge. */
static void
test_merge_dialog (void)
{
  g_autoptr(HearthStore) store = open_store ();
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "sample-program.json", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  ImportSample job = { sample_path, NULL };
  Merged merged = { 0 };
  GtkWidget *window;
  GtkWidget *merge;
  GtkWidget *confirm;
  GtkWidget *list;
  GtkStack *stack;
  AdwActionRow *row;
  gint64 members, nominations;

  g_assert_true (hearth_store_write_sync (store, import_sample_job, &job,
                                          HEARTH_WRITE_FLAGS_NO_TRANSACTION, &error));
  g_assert_no_error (error);
  program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                      job.program_id, FALSE, NULL);
  g_assert_nonnull (program);
  members = count_rows (store, MEMBERS_SQL, job.program_id);
  nominations = count_rows (store, NOMINATIONS_SQL, job.program_id);
  g_assert_cmpint (members, ==, 150);
  g_assert_cmpint (nominations, ==, 20);

  window = GTK_WIDGET (hearth_import_dialog_new (store, sample, program));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_connect (window, "merged", G_CALLBACK (merged_cb), &merged);
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (find_widget (window, GTK_TYPE_STACK, NULL));
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "summary") == 0);

  /* The sample is already here: the preview says a second import would get new ids. */
  g_assert_true (shows_again_notice (window));

  /* The merge row names the program; "Merge" itself waits for the preview. */
  confirm = find_button (window, "_Merge");
  g_assert_nonnull (confirm);
  g_assert_false (gtk_widget_get_visible (confirm));
  g_assert_false (gtk_widget_get_sensitive (confirm));

  merge = GTK_WIDGET (find_row (window, "_Merge into “Lanternfly Makers Collective”"));
  g_assert_nonnull (merge);
  g_assert_true (gtk_widget_get_visible (merge));
  g_assert_true (gtk_widget_get_sensitive (merge));

  g_signal_emit_by_name (merge, "activated");
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") == 0);
  g_assert_false (hearth_store_get_busy (store));
  g_assert_true (gtk_widget_get_visible (confirm));
  g_assert_true (gtk_widget_get_sensitive (confirm));

  list = gtk_stack_get_child_by_name (stack, "preview");
  row = find_row (list, "Members");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "150 unchanged");
  g_assert_nonnull (find_row (list, "Program"));
  g_assert_null (find_row (list, "Nonexistent"));
  g_assert_cmpint (count_rows (store, MEMBERS_SQL, job.program_id), ==, members);

  /* Back shows the summary again; a second preview gives the same rows. */
  g_signal_emit_by_name (find_button (window, "_Back"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "summary");
  g_signal_emit_by_name (merge, "activated");
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") == 0);
  g_assert_nonnull (find_row (list, "Members"));

  /* Confirm: busy meanwhile, then closed, and the same file changed nothing. */
  g_signal_emit_by_name (confirm, "clicked");
  g_assert_true (hearth_store_get_busy (store));
  hearth_ui_test_wait_for (merged.merged);
  g_assert_false (hearth_store_get_busy (store));
  hearth_ui_test_wait_for (window == NULL);
  g_assert_cmpuint (merged.added, ==, 0);
  g_assert_cmpuint (merged.updated, ==, 0);
  g_assert_cmpuint (merged.deleted, ==, 0);
  g_assert_cmpint (count_rows (store, MEMBERS_SQL, job.program_id), ==, members);
  g_assert_cmpint (count_rows (store, NOMINATIONS_SQL, job.program_id), ==, nominations);

  g_free (job.program_id);
  hearth_store_close (store);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  builder = gtk_builder_new_from_resource ("/io/github/hearthapp/Hearth/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/ui/widgets/pages", test_pages);
  g_test_add_func ("/ui/widgets/window", test_window_template);
  g_test_add_func ("/ui/widgets/dialogs", test_dialogs);
  g_test_add_func ("/ui/widgets/import-dialog", test_import_dialog);
  g_test_add_func ("/ui/widgets/merge-dialog", test_merge_dialog);
  g_test_add_func ("/ui/widgets/help-overlay", test_help_overlay);

  return g_test_run ();
}
