/* test-role-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role editor on the real window and store: a new custom role saves with its goals (one
 * measured by activity, one counted by hand) in one job; a role made from a preset shows its
 * goals, and a goal removed there is soft-deleted on Save; the role is deleted and restored
 * through the window's Undo; an empty name keeps Save off; a bad review-by date is named and
 * nothing is saved. Results are read back through the store's reader.
 *
 * With HEARTH_SCREENSHOT_DIR set, it also writes screenshots of the dialog there (new and
 * editing a preset role; light and dark; wide and 360 px).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hearth-application.h"
#include "hearth-role-editor.h"
#include "hearth-role-presets.h"
#include "hearth-schema.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

static HearthProgram *
add_program (HearthApplication *app,
             HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  return g_object_ref (hearth_window_get_program (window));
}

/* Ctrl+Enter, as the dialog's shortcut controller would run it (GTK 4 has no public way to
 * synthesise the key press itself). */
static void
press_ctrl_enter (GtkWindow *dialog)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "<Control>Return") == NULL)
            continue;
          g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)),
                           ==, GTK_PHASE_CAPTURE);
          gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (dialog),
                                        NULL);
          found = TRUE;
        }
    }

  g_assert_true (found);
}

/* The goal rows, without "Add Goal". */
static GPtrArray *
goal_rows (GtkWindow *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *add = hearth_ui_test_child (dialog, "add_goal_row");

  for (GtkWidget *row = gtk_widget_get_first_child (hearth_ui_test_child (dialog, "goals_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row != add)
      g_ptr_array_add (rows, row);

  return rows;
}

static gpointer
goal_widget (GtkWidget  *row,
             const char *what)
{
  g_autofree char *key = g_strconcat ("hearth-goal-", what, NULL);
  gpointer widget = g_object_get_data (G_OBJECT (row), key);

  g_assert_nonnull (widget);
  return widget;
}

/* The metric drop-down's position of an activity kind: 0 is "Counted at check-in". */
static guint
metric_position (const char *kind)
{
  for (guint i = 0; hearth_activity_kinds[i] != NULL; i++)
    if (g_str_equal (hearth_activity_kinds[i], kind))
      return i + 1;

  g_assert_not_reached ();
}

static GtkWidget *
add_goal (GtkWindow  *dialog,
          const char *label,
          int         target,
          const char *metric)
{
  g_autoptr(GPtrArray) before = goal_rows (dialog);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *row;

  g_signal_emit_by_name (hearth_ui_test_child (dialog, "goals_list"), "row-activated",
                         hearth_ui_test_child (dialog, "add_goal_row"));
  after = goal_rows (dialog);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  row = after->pdata[after->len - 1];

  gtk_editable_set_text (goal_widget (row, "label-entry"), label);
  gtk_spin_button_set_value (goal_widget (row, "target-spin"), target);
  gtk_drop_down_set_selected (goal_widget (row, "metric-drop-down"),
                              metric ? metric_position (metric) : 0);

  return row;
}

static void
screenshot (GtkWindow  *dialog,
            const char *name)
{
  g_autofree char *file = g_strconcat ("role-editor-", name, NULL);

  hearth_ui_test_screenshot (dialog, file);
}

/* Screenshots show the whole dialog: taller than it opens, and once at 360 px. */
static GtkWindow *
new_dialog (HearthWindow  *window,
            HearthStore   *store,
            HearthProgram *program,
            const char    *role_id,
            int            width)
{
  GtkWindow *dialog = hearth_role_editor_new (GTK_WINDOW (window), store, program, role_id);

  if (g_getenv ("HEARTH_SCREENSHOT_DIR") != NULL)
    gtk_window_set_default_size (dialog, width, 1500);
  gtk_window_present (dialog);

  return dialog;
}

static void
check_new_role (HearthApplication *app,
                HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  const char *program_id = hearth_record_get_id (HEARTH_RECORD (program));
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  dialog = new_dialog (window, store, program, NULL, 600);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));
  g_assert_false (hearth_ui_test_can_save (dialog));
  screenshot (dialog, "new-empty");

  hearth_ui_test_type (dialog, "name_row", "Meetup Hosts");
  g_assert_true (hearth_ui_test_can_save (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "purpose_view")),
                            "People meet face to face", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "description_view")),
                            "   \n  ", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "toolkit_view")),
                            "Book a room.\nGuide: https://example.org/meetups", -1);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "capacity_spin"), 2);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "term_spin"), 0);
  hearth_ui_test_type (dialog, "review_by_row", "2026-06-30");

  add_goal (dialog, "Welcome newcomers at the door", 3, "welcome");
  add_goal (dialog, "Host a meetup", 1, NULL);
  /* A row added and left empty is not a goal. */
  add_goal (dialog, "", 1, NULL);
  g_assert_true (hearth_ui_test_can_save (dialog));
  screenshot (dialog, "new");
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT name FROM role WHERE id = ?1", id, "Meetup Hosts");
  hearth_ui_test_assert_query (store, "SELECT program_id FROM role WHERE id = ?1", id, program_id);
  hearth_ui_test_assert_query (store, "SELECT preset FROM role WHERE id = ?1", id, "custom");
  hearth_ui_test_assert_query (store, "SELECT purpose FROM role WHERE id = ?1", id, "People meet face to face");
  hearth_ui_test_assert_query (store, "SELECT description FROM role WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT toolkit FROM role WHERE id = ?1", id,
                "Book a room.\nGuide: https://example.org/meetups");
  hearth_ui_test_assert_query (store, "SELECT capacity FROM role WHERE id = ?1", id, "2");
  /* 0 weeks is "no rotation": NULL. */
  hearth_ui_test_assert_query (store, "SELECT term_weeks FROM role WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT review_by FROM role WHERE id = ?1", id, "2026-06-30");

  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role_goal WHERE role_id = ?1", id, "2");
  hearth_ui_test_assert_query (store, "SELECT target_per_week || ' ' || metric FROM role_goal "
                "WHERE role_id = ?1 AND label = 'Welcome newcomers at the door'", id, "3 welcome");
  hearth_ui_test_assert_query (store, "SELECT target_per_week FROM role_goal "
                "WHERE role_id = ?1 AND label = 'Host a meetup' AND metric IS NULL", id, "1");

  /* Editing it again: no change to the goals writes none. */
  dialog = new_dialog (window, store, program, id, 600);
  {
    g_autoptr(GPtrArray) rows = goal_rows (dialog);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpuint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "capacity_spin")), ==, 2);
    g_assert_cmpuint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "term_spin")), ==, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (goal_widget (rows->pdata[0], "metric-drop-down")),
                      ==, metric_position ("welcome"));
    g_assert_cmpuint (gtk_drop_down_get_selected (goal_widget (rows->pdata[1], "metric-drop-down")),
                      ==, 0);
  }
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "capacity_spin"), 0);
  g_free (hearth_ui_test_save (dialog));
  hearth_ui_test_assert_query (store, "SELECT capacity FROM role WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role_goal WHERE role_id = ?1 AND updated_at = created_at",
                id, "2");
}

static void
test_new_role (void)
{
  hearth_ui_test_run_with_window (check_new_role, TRUE);
}

typedef struct
{
  const char *program_id;
  char       *role_id;
} PresetJob;

static gboolean
create_preset_job (HearthDatabase  *db,
                   gpointer         data,
                   GError         **error)
{
  PresetJob *job = data;

  return hearth_role_create_from_preset (db, job->program_id, "welcome_team", &job->role_id,
                                         error);
}

static gboolean
is_live (HearthStore *store,
         const char  *table,
         const char  *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT deleted_at IS NULL FROM %s WHERE id = ?1", table);
  g_autofree char *live = NULL;

  hearth_ui_test_settle (store);
  live = hearth_ui_test_query_text (store, sql, id, TRUE);

  return g_strcmp0 (live, "1") == 0;
}

static void
check_preset_role (HearthApplication *app,
                   HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  PresetJob job = { hearth_record_get_id (HEARTH_RECORD (program)), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *removed_id = NULL;
  GtkWindow *dialog;

  g_assert_true (hearth_store_write_sync (store, create_preset_job, &job, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  hearth_ui_test_settle (store);

  if (g_getenv ("HEARTH_SCREENSHOT_DIR") != NULL)
    {
      dialog = new_dialog (window, store, program, job.role_id, 360);
      screenshot (dialog, "preset-narrow");
      hearth_ui_test_close_dialog (dialog);
    }

  dialog = new_dialog (window, store, program, job.role_id, 600);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Role");
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "name_row")), ==, "Welcome Team");
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "term_spin")), ==, 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "capacity_spin")), ==, 3);

  /* The preset's two goals, in their order, one measured by welcomes. */
  rows = goal_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (goal_widget (rows->pdata[0], "label-entry")), ==,
                   "Welcome new members");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (goal_widget (rows->pdata[0], "target-spin")),
                   ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (goal_widget (rows->pdata[0], "metric-drop-down")),
                    ==, metric_position ("welcome"));
  g_assert_cmpstr (gtk_editable_get_text (goal_widget (rows->pdata[1], "label-entry")), ==,
                   "Follow up with a newcomer");
  g_assert_cmpuint (gtk_drop_down_get_selected (goal_widget (rows->pdata[1], "metric-drop-down")),
                    ==, 0);
  screenshot (dialog, "preset");

  /* A stored goal emptied is pointed out, not silently dropped. */
  gtk_editable_set_text (goal_widget (rows->pdata[0], "label-entry"), "  ");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "goals_error_label")));
  gtk_editable_set_text (goal_widget (rows->pdata[0], "label-entry"), "Welcome newcomers");
  g_assert_true (hearth_ui_test_can_save (dialog));

  /* Remove the hand-counted goal, change the other, add one: one Save writes all of it. */
  removed_id = hearth_ui_test_query_text (store, "SELECT id FROM role_goal WHERE role_id = ?1 AND metric IS NULL",
                           job.role_id, TRUE);
  g_signal_emit_by_name (goal_widget (rows->pdata[1], "remove-button"), "clicked");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = goal_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 1);
  /* Nothing is written before Save. */
  g_assert_true (is_live (store, "role_goal", removed_id));
  add_goal (dialog, "Answer a question", 2, "answer");
  saved_id = hearth_ui_test_save (dialog);
  g_assert_cmpstr (saved_id, ==, job.role_id);

  g_assert_false (is_live (store, "role_goal", removed_id));
  hearth_ui_test_assert_query (store, "SELECT label FROM role_goal WHERE id = ?1", removed_id,
                "Follow up with a newcomer");
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role_goal WHERE role_id = ?1 AND deleted_at IS NULL",
                job.role_id, "2");
  hearth_ui_test_assert_query (store, "SELECT group_concat(label || ':' || metric, ',') FROM "
                "(SELECT label, metric FROM role_goal WHERE role_id = ?1 AND deleted_at IS NULL "
                "ORDER BY label)", job.role_id, "Answer a question:answer,Welcome newcomers:welcome");
  hearth_ui_test_assert_query (store, "SELECT preset || ' ' || term_weeks FROM role WHERE id = ?1", job.role_id,
                "welcome_team 12");

  /* Delete: a tombstone, and the window's Undo brings it back. */
  dialog = new_dialog (window, store, program, job.role_id, 600);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "delete_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_false (is_live (store, "role", job.role_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record",
                                             "(ss)", "role", job.role_id));
  g_assert_true (is_live (store, "role", job.role_id));

  g_free (job.role_id);
}

static void
test_preset_role (void)
{
  hearth_ui_test_run_with_window (check_preset_role, TRUE);
}

static void
check_empty_name (HearthApplication *app,
                  HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  GtkWindow *dialog = new_dialog (window, store, program, NULL, 600);

  /* No error before anything was typed, and no Save. */
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "name_error_row")));
  add_goal (dialog, "Welcome", 1, "welcome");
  g_assert_false (hearth_ui_test_can_save (dialog));

  hearth_ui_test_type (dialog, "name_row", "Hosts");
  g_assert_true (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "name_row", "   ");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "name_error_row")));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (hearth_ui_test_child (dialog, "name_error_row")),
                                   "Name"));

  /* Enter in the name does nothing either. */
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "name_row"), "entry-activated");
  hearth_ui_test_settle (store);
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role", NULL, "0");

  hearth_ui_test_close_dialog (dialog);
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role", NULL, "0");
}

static void
test_empty_name (void)
{
  hearth_ui_test_run_with_window (check_empty_name, TRUE);
}

static void
check_bad_date (HearthApplication *app,
                HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  GtkWindow *dialog = new_dialog (window, store, program, NULL, 600);
  const char *message;

  hearth_ui_test_type (dialog, "name_row", "Hosts");
  add_goal (dialog, "Welcome", 1, "welcome");
  hearth_ui_test_type (dialog, "review_by_row", "2026-02-30");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "review_by_error_row")));
  g_assert_true (gtk_widget_has_css_class (hearth_ui_test_child (dialog, "review_by_row"), "error"));
  message = adw_preferences_row_get_title (hearth_ui_test_child (dialog, "review_by_error_row"));
  g_assert_true (g_str_has_prefix (message, "Review by"));
  screenshot (dialog, "bad-date");

  /* Save refuses even when asked directly, and nothing reaches the database. */
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "save_button"), "clicked");
  hearth_ui_test_type (dialog, "review_by_row", "30.6.2026");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "save_button"), "clicked");
  hearth_ui_test_settle (store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role", NULL, "0");
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role_goal", NULL, "0");

  press_ctrl_enter (dialog);
  hearth_ui_test_settle (store);
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role", NULL, "0");

  /* Fixed, Ctrl+Enter saves. */
  hearth_ui_test_type (dialog, "review_by_row", "2026-06-30");
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "review_by_error_row")));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  press_ctrl_enter (dialog);
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_assert_query (store, "SELECT review_by FROM role", NULL, "2026-06-30");
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM role_goal", NULL, "1");
}

static void
test_bad_date (void)
{
  hearth_ui_test_run_with_window (check_bad_date, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("HEARTH_TODAY", "2026-03-15", TRUE);

  hearth_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/role-editor/new-role", test_new_role);
  g_test_add_func ("/ui/role-editor/preset-role", test_preset_role);
  g_test_add_func ("/ui/role-editor/empty-name", test_empty_name);
  g_test_add_func ("/ui/role-editor/bad-date", test_bad_date);

  return g_test_run ();
}
