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

typedef void (*WindowTestFunc) (HearthApplication *app,
                                HearthWindow      *window);

static void
settle (HearthStore *store)
{
  hearth_ui_test_wait_for (hearth_store_get_pending (store) == 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
activate_after_cb (GApplication *app,
                   gpointer      user_data)
{
  WindowTestFunc func = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (HEARTH_IS_WINDOW (window));
  func (HEARTH_APPLICATION (app), HEARTH_WINDOW (window));
  settle (hearth_application_get_store (HEARTH_APPLICATION (app)));
  gtk_window_destroy (window);
  g_application_quit (app);
}

static void
run_with_window (WindowTestFunc func)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(HearthApplication) app = hearth_application_new (path, TRUE, NULL);

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

static HearthProgram *
add_program (HearthApplication *app,
             HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  return g_object_ref (hearth_window_get_program (window));
}

/* The text of the first column of the first row (NULL for SQL NULL); @id is bound as ?1. */
static char *
query_text (HearthStore *store,
            const char  *sql,
            const char  *id)
{
  sqlite3 *db = hearth_database_get_handle (hearth_store_get_reader (store));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

#define assert_query(store, sql, id, expected)                  \
  G_STMT_START {                                                \
    g_autofree char *_value = query_text (store, sql, id);      \
    g_assert_cmpstr (_value, ==, expected);                     \
  } G_STMT_END

static gpointer
child (GtkWindow  *dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog),
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static void
type (GtkWindow  *dialog,
      const char *name,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, name)), text);
}

static gboolean
can_save (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (child (dialog, "save_button"));
}

static void
saved_cb (GtkWindow  *dialog,
          const char *id,
          char      **slot)
{
  *slot = g_strdup (id);
}

/* Clicks Save and waits for the dialog to close; returns the role's id. */
static char *
save (GtkWindow *dialog)
{
  char *id = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  g_assert_true (can_save (dialog));
  g_signal_emit_by_name (child (dialog, "save_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_nonnull (id);

  return id;
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

static void
close_dialog (GtkWindow *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  hearth_ui_test_wait_for (dialog == NULL);
}

/* The goal rows, without "Add Goal". */
static GPtrArray *
goal_rows (GtkWindow *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *add = child (dialog, "add_goal_row");

  for (GtkWidget *row = gtk_widget_get_first_child (child (dialog, "goals_list"));
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

  g_signal_emit_by_name (child (dialog, "goals_list"), "row-activated",
                         child (dialog, "add_goal_row"));
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
  const char *dir = g_getenv ("HEARTH_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const struct
  {
    AdwColorScheme scheme;
    const char    *suffix;
  } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("role-editor-%s-%s.png", name, schemes[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 until;
      int width, height;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      until = g_get_monotonic_time () + 400 * 1000;
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }

      width = gtk_widget_get_width (GTK_WIDGET (dialog));
      height = gtk_widget_get_height (GTK_WIDGET (dialog));
      paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
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
  g_assert_false (gtk_widget_get_visible (child (dialog, "delete_group")));
  g_assert_false (can_save (dialog));
  screenshot (dialog, "new-empty");

  type (dialog, "name_row", "Meetup Hosts");
  g_assert_true (can_save (dialog));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (dialog, "purpose_view")),
                            "People meet face to face", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (dialog, "description_view")),
                            "   \n  ", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (dialog, "toolkit_view")),
                            "Book a room.\nGuide: https://example.org/meetups", -1);
  gtk_spin_button_set_value (child (dialog, "capacity_spin"), 2);
  gtk_spin_button_set_value (child (dialog, "term_spin"), 0);
  type (dialog, "review_by_row", "2026-06-30");

  add_goal (dialog, "Welcome newcomers at the door", 3, "welcome");
  add_goal (dialog, "Host a meetup", 1, NULL);
  /* A row added and left empty is not a goal. */
  add_goal (dialog, "", 1, NULL);
  g_assert_true (can_save (dialog));
  screenshot (dialog, "new");
  id = save (dialog);

  assert_query (store, "SELECT name FROM role WHERE id = ?1", id, "Meetup Hosts");
  assert_query (store, "SELECT program_id FROM role WHERE id = ?1", id, program_id);
  assert_query (store, "SELECT preset FROM role WHERE id = ?1", id, "custom");
  assert_query (store, "SELECT purpose FROM role WHERE id = ?1", id, "People meet face to face");
  assert_query (store, "SELECT description FROM role WHERE id = ?1", id, NULL);
  assert_query (store, "SELECT toolkit FROM role WHERE id = ?1", id,
                "Book a room.\nGuide: https://example.org/meetups");
  assert_query (store, "SELECT capacity FROM role WHERE id = ?1", id, "2");
  /* 0 weeks is "no rotation": NULL. */
  assert_query (store, "SELECT term_weeks FROM role WHERE id = ?1", id, NULL);
  assert_query (store, "SELECT review_by FROM role WHERE id = ?1", id, "2026-06-30");

  assert_query (store, "SELECT count(*) FROM role_goal WHERE role_id = ?1", id, "2");
  assert_query (store, "SELECT target_per_week || ' ' || metric FROM role_goal "
                "WHERE role_id = ?1 AND label = 'Welcome newcomers at the door'", id, "3 welcome");
  assert_query (store, "SELECT target_per_week FROM role_goal "
                "WHERE role_id = ?1 AND label = 'Host a meetup' AND metric IS NULL", id, "1");

  /* Editing it again: no change to the goals writes none. */
  dialog = new_dialog (window, store, program, id, 600);
  {
    g_autoptr(GPtrArray) rows = goal_rows (dialog);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpuint (gtk_spin_button_get_value_as_int (child (dialog, "capacity_spin")), ==, 2);
    g_assert_cmpuint (gtk_spin_button_get_value_as_int (child (dialog, "term_spin")), ==, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (goal_widget (rows->pdata[0], "metric-drop-down")),
                      ==, metric_position ("welcome"));
    g_assert_cmpuint (gtk_drop_down_get_selected (goal_widget (rows->pdata[1], "metric-drop-down")),
                      ==, 0);
  }
  gtk_spin_button_set_value (child (dialog, "capacity_spin"), 0);
  g_free (save (dialog));
  assert_query (store, "SELECT capacity FROM role WHERE id = ?1", id, NULL);
  assert_query (store, "SELECT count(*) FROM role_goal WHERE role_id = ?1 AND updated_at = created_at",
                id, "2");
}

static void
test_new_role (void)
{
  run_with_window (check_new_role);
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

  settle (store);
  live = query_text (store, sql, id);

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
  settle (store);

  if (g_getenv ("HEARTH_SCREENSHOT_DIR") != NULL)
    {
      dialog = new_dialog (window, store, program, job.role_id, 360);
      screenshot (dialog, "preset-narrow");
      close_dialog (dialog);
    }

  dialog = new_dialog (window, store, program, job.role_id, 600);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Role");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "name_row")), ==, "Welcome Team");
  g_assert_true (gtk_widget_get_visible (child (dialog, "delete_group")));
  g_assert_true (can_save (dialog));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "term_spin")), ==, 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "capacity_spin")), ==, 3);

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
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "goals_error_label")));
  gtk_editable_set_text (goal_widget (rows->pdata[0], "label-entry"), "Welcome newcomers");
  g_assert_true (can_save (dialog));

  /* Remove the hand-counted goal, change the other, add one: one Save writes all of it. */
  removed_id = query_text (store, "SELECT id FROM role_goal WHERE role_id = ?1 AND metric IS NULL",
                           job.role_id);
  g_signal_emit_by_name (goal_widget (rows->pdata[1], "remove-button"), "clicked");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = goal_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 1);
  /* Nothing is written before Save. */
  g_assert_true (is_live (store, "role_goal", removed_id));
  add_goal (dialog, "Answer a question", 2, "answer");
  saved_id = save (dialog);
  g_assert_cmpstr (saved_id, ==, job.role_id);

  g_assert_false (is_live (store, "role_goal", removed_id));
  assert_query (store, "SELECT label FROM role_goal WHERE id = ?1", removed_id,
                "Follow up with a newcomer");
  assert_query (store, "SELECT count(*) FROM role_goal WHERE role_id = ?1 AND deleted_at IS NULL",
                job.role_id, "2");
  assert_query (store, "SELECT group_concat(label || ':' || metric, ',') FROM "
                "(SELECT label, metric FROM role_goal WHERE role_id = ?1 AND deleted_at IS NULL "
                "ORDER BY label)", job.role_id, "Answer a question:answer,Welcome newcomers:welcome");
  assert_query (store, "SELECT preset || ' ' || term_weeks FROM role WHERE id = ?1", job.role_id,
                "welcome_team 12");

  /* Delete: a tombstone, and the window's Undo brings it back. */
  dialog = new_dialog (window, store, program, job.role_id, 600);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (child (dialog, "delete_button"), "clicked");
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
  run_with_window (check_preset_role);
}

static void
check_empty_name (HearthApplication *app,
                  HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  GtkWindow *dialog = new_dialog (window, store, program, NULL, 600);

  /* No error before anything was typed, and no Save. */
  g_assert_false (can_save (dialog));
  g_assert_false (gtk_widget_get_visible (child (dialog, "name_error_row")));
  add_goal (dialog, "Welcome", 1, "welcome");
  g_assert_false (can_save (dialog));

  type (dialog, "name_row", "Hosts");
  g_assert_true (can_save (dialog));
  type (dialog, "name_row", "   ");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "name_error_row")));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (child (dialog, "name_error_row")),
                                   "Name"));

  /* Enter in the name does nothing either. */
  g_signal_emit_by_name (child (dialog, "name_row"), "entry-activated");
  settle (store);
  assert_query (store, "SELECT count(*) FROM role", NULL, "0");

  close_dialog (dialog);
  assert_query (store, "SELECT count(*) FROM role", NULL, "0");
}

static void
test_empty_name (void)
{
  run_with_window (check_empty_name);
}

static void
check_bad_date (HearthApplication *app,
                HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  GtkWindow *dialog = new_dialog (window, store, program, NULL, 600);
  const char *message;

  type (dialog, "name_row", "Hosts");
  add_goal (dialog, "Welcome", 1, "welcome");
  type (dialog, "review_by_row", "2026-02-30");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "review_by_error_row")));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "review_by_row"), "error"));
  message = adw_preferences_row_get_title (child (dialog, "review_by_error_row"));
  g_assert_true (g_str_has_prefix (message, "Review by"));
  screenshot (dialog, "bad-date");

  /* Save refuses even when asked directly, and nothing reaches the database. */
  g_signal_emit_by_name (child (dialog, "save_button"), "clicked");
  type (dialog, "review_by_row", "30.6.2026");
  g_assert_false (can_save (dialog));
  g_signal_emit_by_name (child (dialog, "save_button"), "clicked");
  settle (store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  assert_query (store, "SELECT count(*) FROM role", NULL, "0");
  assert_query (store, "SELECT count(*) FROM role_goal", NULL, "0");

  press_ctrl_enter (dialog);
  settle (store);
  assert_query (store, "SELECT count(*) FROM role", NULL, "0");

  /* Fixed, Ctrl+Enter saves. */
  type (dialog, "review_by_row", "2026-06-30");
  g_assert_false (gtk_widget_get_visible (child (dialog, "review_by_error_row")));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  press_ctrl_enter (dialog);
  hearth_ui_test_wait_for (dialog == NULL);
  assert_query (store, "SELECT review_by FROM role", NULL, "2026-06-30");
  assert_query (store, "SELECT count(*) FROM role_goal", NULL, "1");
}

static void
test_bad_date (void)
{
  run_with_window (check_bad_date);
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
