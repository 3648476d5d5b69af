/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application and window on a fresh database: first run, a program appearing,
 * every page reached through its action, deletion with Undo, and the documented shortcuts.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-program-editor.h"
#include "hearth-export-dialog.h"
#include "hearth-ui-test.h"
#include "hearth-page.h"
#include "hearth-window.h"

typedef void (*WindowTestFunc) (HearthApplication *app,
                                HearthWindow      *window);

static void
activate_after_cb (GApplication *app,
                   gpointer      user_data)
{
  WindowTestFunc func = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (HEARTH_IS_WINDOW (window));
  func (HEARTH_APPLICATION (app), HEARTH_WINDOW (window));
  gtk_window_destroy (window);
  g_application_quit (app);
}

static void
run_with_window_full (WindowTestFunc  func,
                      const char     *path,
                      const char     *program)
{
  g_autoptr(HearthApplication) app = NULL;

  app = hearth_application_new (path, TRUE, program);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

static void
run_with_window (WindowTestFunc func)
{
  g_autofree char *path = hearth_ui_test_db_path ();

  run_with_window_full (func, path, NULL);
}

static void
check_pages (HearthApplication *app,
             HearthWindow      *window)
{
  const char *pages[] = { "overview", "candidates", "roles", "recognition", "feedback" };
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers & Friends");

  /* First run: no program, so the welcome page and no page to visit. */
  g_assert_null (hearth_window_get_program (window));

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);
  g_assert_cmpstr (hearth_program_get_name (hearth_window_get_program (window)), ==,
                   "Makers & Friends");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                 pages[i]));
      g_assert_cmpstr (hearth_window_get_page (window), ==, pages[i]);
    }

  /* An unknown page changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "nowhere");
  g_assert_cmpstr (hearth_window_get_page (window), ==, "feedback");
}

static void
test_pages (void)
{
  run_with_window (check_pages);
}

static gboolean
insert_job (HearthDatabase  *db,
            gpointer         record,
            GError         **error)
{
  return hearth_record_insert (record, db, error);
}

static void
check_zeta_shown (HearthApplication *app,
                  HearthWindow      *window)
{
  g_assert_nonnull (hearth_window_get_program (window));
  g_assert_cmpstr (hearth_program_get_name (hearth_window_get_program (window)), ==, "Zeta Circle");
}

/* --program NAME opens that program, whatever its case, not the first one by name. */
static void
test_program_option (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (path, &error);
  const char *names[] = { "Alpha Guild", "Zeta Circle" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HearthProgram) program = hearth_program_new (names[i]);

      hearth_store_write_sync (store, insert_job, program, HEARTH_WRITE_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }
  hearth_store_close (store);

  run_with_window_full (check_zeta_shown, path, "zeta circle");
}

static GtkWidget *
find_sidebar (GtkWidget *widget)
{
  /* Pages have sidebars of their own (the roles list): the window's is outside them. */
  if (HEARTH_IS_PAGE (widget))
    return NULL;

  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Selecting a row without activating it is what a screen reader does through AT-SPI's
 * Selection interface, and what the keyboard does: the page must follow. */
static void
check_sidebar_selection (HearthApplication *app,
                         HearthWindow      *window)
{
  const char *pages[] = { "overview", "candidates", "roles", "recognition", "feedback" };
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  GtkListBox *sidebar;

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  sidebar = GTK_LIST_BOX (find_sidebar (GTK_WIDGET (window)));
  g_assert_nonnull (sidebar);

  for (int i = G_N_ELEMENTS (pages) - 1; i >= 0; i--)
    {
      gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, i));
      g_assert_cmpstr (hearth_window_get_page (window), ==, pages[i]);
    }

  /* And the other way round: a page shown by its shortcut selects its row. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "recognition");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 3);
}

static void
test_sidebar_selection (void)
{
  run_with_window (check_sidebar_selection);
}

static void
check_delete_undo (HearthApplication *app,
                   HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Open Source Circle");
  g_autofree char *id = NULL;

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);
  id = g_strdup (hearth_record_get_id (HEARTH_RECORD (hearth_window_get_program (window))));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-program", NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) == NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-program", "s", id);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);
  g_assert_cmpstr (hearth_record_get_id (HEARTH_RECORD (hearth_window_get_program (window))),
                   ==, id);
}

static void
test_delete_undo (void)
{
  run_with_window (check_delete_undo);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
check_rename (HearthApplication *app,
              HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Old Name");
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-program", NULL);
  hearth_ui_test_wait_for ((dialog = find_message_dialog ()) != NULL);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Old Name");

  /* A blank name cannot be confirmed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  New <Name> & Co  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");

  /* The same program object is updated in place; the name is trimmed. */
  hearth_ui_test_wait_for (g_strcmp0 (hearth_program_get_name (hearth_window_get_program (window)),
                                      "New <Name> & Co") == 0);
}

static void
test_rename (void)
{
  run_with_window (check_rename);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/* Export needs a program: without one the action is disabled and opens nothing. */
static void
check_export_enabled (HearthApplication *app,
                      HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  GType export_type = HEARTH_TYPE_EXPORT_DIALOG;
  GtkWindow *dialog;

  g_assert_null (hearth_window_get_program (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_toplevel (export_type));

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  hearth_ui_test_wait_for ((dialog = find_toplevel (export_type)) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);
}

static void
test_export_enabled (void)
{
  run_with_window (check_export_enabled);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
editor_open (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HEARTH_IS_PROGRAM_EDITOR (window))
        return TRUE;
    }

  return FALSE;
}

/* While an import or a merge runs, the window says so and nothing else writes. */
static void
check_busy (HearthApplication *app,
            HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  GtkRevealer *notice;

  hearth_store_insert_async (store, program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);
  notice = GTK_REVEALER (find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_nonnull (notice);
  g_assert_false (gtk_revealer_get_reveal_child (notice));

  hearth_store_set_busy (store, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (notice));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-program", NULL);
  g_assert_false (editor_open ());

  hearth_store_set_busy (store, FALSE);
  g_assert_false (gtk_revealer_get_reveal_child (notice));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-program", NULL);
  hearth_ui_test_wait_for (editor_open ());
}

static void
test_busy (void)
{
  run_with_window (check_busy);
}

static gboolean
has_accel (GtkApplication *app,
           const char     *action,
           const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

  return accels != NULL && g_strv_contains ((const char * const *)accels, accel);
}

static void
check_shortcuts (HearthApplication *app,
                 HearthWindow      *window)
{
  g_autoptr(GListModel) shortcuts = NULL;
  guint alt_pages = 0;

  g_assert_true (has_accel (GTK_APPLICATION (app), "app.quit", "<Control>q"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "app.preferences", "<Control>comma"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "win.show-help-overlay", "<Control>question"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "win.import", "<Control>o"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "win.import-activity", "<Shift><Control>o"));
  g_assert_true (has_accel (GTK_APPLICATION (app), "win.export", "<Control>e"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  /* Alt+1…5 are class shortcuts of the window, each showing one page. */
  shortcuts = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (shortcuts, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.show-page") == 0 &&
              g_str_has_prefix (trigger, "<Alt>"))
            alt_pages++;
        }
    }
  g_assert_cmpuint (alt_pages, ==, 5);
}

static void
test_shortcuts (void)
{
  run_with_window (check_shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/pages", test_pages);
  g_test_add_func ("/ui/window/sidebar-selection", test_sidebar_selection);
  g_test_add_func ("/ui/window/program-option", test_program_option);
  g_test_add_func ("/ui/window/rename", test_rename);
  g_test_add_func ("/ui/window/busy", test_busy);
  g_test_add_func ("/ui/window/delete-undo", test_delete_undo);
  g_test_add_func ("/ui/window/export-enabled", test_export_enabled);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts);

  return g_test_run ();
}
