/* test-candidates-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Candidates page on the sample program: scored off the main thread, ranked, sorted by a
 * column, searched, filtered, a row's evidence shown, and a status step taken.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-candidate-item.h"
#include "hearth-candidates-page.h"
#include "hearth-snapshot.h"
#include "hearth-ui-test.h"

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

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_mapped_label_containing (GtkWidget  *widget,
                            const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static HearthCandidate *
candidate_at (GListModel *model,
              guint       position)
{
  g_autoptr(HearthCandidateItem) item = g_list_model_get_item (model, position);

  /* The item holds the score set; the page's list holds the item. */
  return hearth_candidate_item_get_candidate (item);
}

static HearthCandidate *
selected_candidate (GListModel *model)
{
  return candidate_at (model, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)));
}

static gint64
count_status_changes (HearthStore *store,
                      const char  *member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hearth_database_prepare (hearth_store_get_reader (store),
                                  "SELECT count(*) FROM member_status_change "
                                  "WHERE member_id = ?1 AND deleted_at IS NULL",
                                  &error);
  g_assert_no_error (error);
  hearth_bind_text (stmt, 1, member_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static void
test_candidates_page (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "sample-program.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (path, &error);
  g_autoptr(HearthProgram) program = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *status = NULL;
  gint64 before;
  ImportSample job = { sample_path, NULL };
  GtkColumnView *column_view;
  GtkColumnViewColumn *column;
  GListModel *columns;
  GListModel *model;
  GtkWidget *window, *page, *entry, *bots, *button;
  guint n_all, n_shown;

  g_assert_no_error (error);
  g_assert_true (hearth_store_write_sync (store, import_sample_job, &job,
                                          HEARTH_WRITE_FLAGS_NO_TRANSACTION, &error));
  g_assert_no_error (error);
  program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                      job.program_id, FALSE, NULL);
  g_assert_nonnull (program);

  page = g_object_new (HEARTH_TYPE_CANDIDATES_PAGE, "store", store, "program", program, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  /* Scored on a worker: the list fills once it returns. */
  column_view = GTK_COLUMN_VIEW (hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "GtkColumnView"));
  g_assert_nonnull (column_view);
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  hearth_ui_test_wait_for (g_list_model_get_n_items (model) > 0);
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >, 100);

  /* Ranked by overall, highest first. */
  for (guint i = 1; i < n_all; i++)
    {
      HearthCandidate *a = candidate_at (model, i - 1);
      HearthCandidate *b = candidate_at (model, i);

      g_assert_cmpfloat (a->overall, >=, b->overall);
    }
  first_id = g_strdup (candidate_at (model, 0)->member_id);
  first_name = g_strdup (candidate_at (model, 0)->display_name);

  /* Sorting by a column: names ascending, then overall descending again. */
  columns = gtk_column_view_get_columns (column_view);
  column = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
  g_object_unref (column);
  for (guint i = 1; i < n_all; i++)
    {
      g_autofree char *a = g_utf8_casefold (candidate_at (model, i - 1)->display_name, -1);
      g_autofree char *b = g_utf8_casefold (candidate_at (model, i)->display_name, -1);

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }
  column = g_list_model_get_item (columns, 2);
  gtk_column_view_sort_by_column (column_view, column, GTK_SORT_DESCENDING);
  g_object_unref (column);
  for (guint i = 1; i < n_all; i++)
    g_assert_cmpfloat (candidate_at (model, i - 1)->overall, >=, candidate_at (model, i)->overall);

  /* Search: part of the top candidate's name, in another case. */
  /* The search bar's entry (the filter dropdowns hold entries of their own). */
  entry = hearth_ui_test_find_widget (hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "GtkSearchBar"), hearth_ui_test_is_type, "GtkSearchEntry");
  needle = g_utf8_strup (first_name, 4);
  gtk_editable_set_text (GTK_EDITABLE (entry), needle);
  g_signal_emit_by_name (entry, "search-changed");
  n_shown = g_list_model_get_n_items (model);
  g_test_message ("searching %s: %u of %u", needle, n_shown, n_all);
  g_assert_cmpuint (n_shown, >=, 1);
  g_assert_cmpuint (n_shown, <, n_all);
  for (guint i = 0; i < n_shown; i++)
    {
      HearthCandidate *candidate = candidate_at (model, i);
      g_autofree char *name = g_utf8_casefold (candidate->display_name, -1);
      g_autofree char *handle = candidate->handle ? g_utf8_casefold (candidate->handle, -1) : NULL;
      g_autofree char *folded = g_utf8_casefold (needle, -1);

      g_assert_true (strstr (name, folded) != NULL || (handle && strstr (handle, folded) != NULL));
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  /* Bots are left out until asked for. */
  bots = hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "GtkSwitch");
  g_assert_nonnull (bots);
  gtk_switch_set_active (GTK_SWITCH (bots), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, n_all);
  gtk_switch_set_active (GTK_SWITCH (bots), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  /* The first row's evidence. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, is_mapped_label_containing, first_name) != NULL);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, is_mapped_label_containing, "Active in") != NULL);

  /* A status step: one more history row, and the page follows after re-scoring. */
  status = g_strdup (candidate_at (model, 0)->status);
  before = count_status_changes (store, first_id);
  button = hearth_ui_test_find_widget (page, is_button_labelled, "Mark as _Candidate");
  g_assert_nonnull (button);
  if (!gtk_widget_get_mapped (button))
    /* The sample's top member may already be further along: take the next step instead. */
    button = hearth_ui_test_find_widget (page, is_button_labelled, "_Invite");
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  hearth_ui_test_wait_for (count_status_changes (store, first_id) == before + 1);
  hearth_ui_test_wait_for (g_strcmp0 (selected_candidate (model)->status, status) != 0);
  g_assert_cmpstr (selected_candidate (model)->member_id, ==, first_id);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  hearth_store_close (store);
  g_free (job.program_id);
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/ui/candidates/page", test_candidates_page);

  return g_test_run ();
}
