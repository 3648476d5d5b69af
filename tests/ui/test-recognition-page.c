/* test-recognition-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Recognition page in the real window: a badge with an activity rule shows in the gallery
 * with "0 holders" and its member in "Ready to Award"; confirming writes a rule award and the
 * badge then has "1 holder"; the confirmation's Undo takes it back; revoking soft-deletes an
 * award and Undo restores it; Confirm All awards everyone shown in one job; search narrows the
 * gallery; an empty program shows the empty states.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-member.h"
#include "hearth-recognition-page.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

typedef struct
{
  char     *path;
  char     *program_id;
  char     *ana_id;
  char     *bo_id;
  gboolean  with_badge;
} Fixture;

static Fixture fixture;

#define BADGE_ID "badge-warm-welcome"

typedef void (*PageTestFunc) (HearthApplication *app,
                              HearthWindow      *window,
                              GtkWidget         *page);

static gboolean
is_mapped_label (GtkWidget  *widget,
                 const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_label (GtkWidget  *page,
             const char *text)
{
  return hearth_ui_test_find_widget (page, is_mapped_label, text) != NULL;
}

static gboolean
shows_label_containing (GtkWidget  *page,
                        const char *text)
{
  return hearth_ui_test_find_widget (page, hearth_ui_test_is_mapped_label_containing, text) != NULL;
}

static char *
query_text (HearthStore *store,
            const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (hearth_store_get_reader (store), sql,
                                                          &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static const char *
view_of (GtkWidget *page)
{
  GtkWidget *stack = hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "AdwViewStack");

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

static void
show_view (GtkWidget  *page,
           const char *name)
{
  GtkWidget *stack = hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "AdwViewStack");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  hearth_ui_test_spin (20);
  g_assert_cmpstr (view_of (page), ==, name);
}

static AdwViewStackPage *
ready_page (GtkWidget *page)
{
  GtkWidget *stack = hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "AdwViewStack");

  return adw_view_stack_get_page (ADW_VIEW_STACK (stack),
                                  adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "ready"));
}

/* Set-up ------------------------------------------------------------------------------------ */

static gboolean
exec (HearthDatabase  *db,
      const char      *sql,
      const char      *a,
      const char      *b,
      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (a != NULL)
    hearth_bind_text (stmt, 1, a);
  if (b != NULL)
    hearth_bind_text (stmt, 2, b);

  return hearth_database_step_done (db, stmt, error);
}

static gboolean
setup_job (HearthDatabase  *db,
           gpointer         data,
           GError         **error)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers & Friends");

  hearth_record_set_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF, "2026-05-01");
  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;
  fixture.program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));

  /* Two ambassadors, each with 6 welcomes in April; a third member who is not one. */
  fixture.ana_id = hearth_ui_test_add_member (db, fixture.program_id, "Ana <Sousa>", "2024-01-10",
                                              error);
  fixture.bo_id = hearth_ui_test_add_member (db, fixture.program_id, "Bo Chen", "2024-02-10",
                                             error);
  if (fixture.ana_id == NULL || fixture.bo_id == NULL)
    return FALSE;
  if (!exec (db, "UPDATE member SET status = 'ambassador' WHERE id IN (?1, ?2)",
             fixture.ana_id, fixture.bo_id, error))
    return FALSE;
  if (!hearth_ui_test_add_activity (db, fixture.ana_id, "2026-04-20", "welcome", 6, error) ||
      !hearth_ui_test_add_activity (db, fixture.bo_id, "2026-04-21", "welcome", 4, error) ||
      !hearth_ui_test_add_activity (db, fixture.bo_id, "2026-04-22", "welcome", 2, error))
    return FALSE;

  if (!fixture.with_badge)
    return TRUE;

  /* At least 5 welcomes within 30 days. */
  return exec (db,
               "INSERT INTO badge (id, program_id, name, description, criteria, tier, icon, color, "
               "rule_kind, rule_metric, rule_threshold, rule_window_days, multiple_grant, "
               "created_at, updated_at) VALUES ('" BADGE_ID "', ?1, 'Warm Welcome', "
               "'For the people who make newcomers feel at home.', 'Welcome newcomers.', 'gold', "
               "NULL, '#3584e4', 'activity', 'welcome', 5, 30, 0, "
               "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
               fixture.program_id, NULL, error);
}

static void
make_database (gboolean with_badge)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = NULL;

  g_clear_pointer (&fixture.path, g_free);
  g_clear_pointer (&fixture.program_id, g_free);
  g_clear_pointer (&fixture.ana_id, g_free);
  g_clear_pointer (&fixture.bo_id, g_free);
  fixture.with_badge = with_badge;

  fixture.path = hearth_ui_test_db_path ();
  store = hearth_store_open (fixture.path, &error);
  g_assert_no_error (error);
  hearth_store_write_sync (store, setup_job, NULL, HEARTH_WRITE_FLAGS_NONE, &error);
  g_assert_no_error (error);
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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "recognition"));
  page = hearth_ui_test_find_widget (GTK_WIDGET (window), hearth_ui_test_is_type, "HearthRecognitionPage");
  g_assert_nonnull (page);
  hearth_ui_test_wait_for (gtk_widget_get_mapped (page));

  func (HEARTH_APPLICATION (app), HEARTH_WINDOW (window), page);

  gtk_window_destroy (window);
  g_application_quit (app);
}

static void
run_with_page (gboolean     with_badge,
               PageTestFunc func)
{
  g_autoptr(HearthApplication) app = NULL;

  make_database (with_badge);
  app = hearth_application_new (fixture.path, TRUE, fixture.program_id);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_after_cb), func);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

static void
wait_for_views (GtkWidget *page)
{
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (hearth_ui_test_page_stack (page)), "views") == 0);
}

static char *
target_of (const char *member_id)
{
  return g_strdup_printf ("%s:%s", BADGE_ID, member_id);
}

/* Confirming a rule award, and its Undo ------------------------------------------------------ */

static void
check_confirm (HearthApplication *app,
               HearthWindow      *window,
               GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *target = target_of (fixture.ana_id);
  g_autofree char *award_id = NULL;
  g_autofree char *reason = NULL;
  const char *ids[2] = { NULL, NULL };

  wait_for_views (page);

  /* The gallery: the badge's tile, named for screen readers, nobody holds it yet. */
  hearth_ui_test_wait_for (shows_label (page, "Warm Welcome"));
  g_assert_true (shows_label (page, "0 holders"));
  g_assert_nonnull (hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "HearthBadgeTile"));
  /* The detail of the selected (only) badge: its rule in words, and its empty holders. */
  hearth_ui_test_wait_for (shows_label_containing (page, "Nobody holds this badge yet"));

  /* Ready to Award: Ana (6 welcomes) and Bo (also 6, on two days); its count on the switcher. */
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 2);
  g_assert_true (adw_view_stack_page_get_needs_attention (ready_page (page)));
  show_view (page, "ready");
  hearth_ui_test_wait_for (shows_label (page, "Ana <Sousa>"));
  g_assert_true (shows_label (page, "Bo Chen"));
  g_assert_true (shows_label_containing (page, "Confirm All (2)"));

  /* Confirm Ana's: one award, by rule, on the reference day, with the why as its reason. */
  g_assert_true (gtk_widget_activate_action (page, "recognition.confirm", "s", target));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM award WHERE deleted_at IS NULL") == 1);
  g_assert_cmpint (hearth_ui_test_count_rows (store, "SELECT count(*) FROM award WHERE source = 'rule' "
                                      "AND awarded_on = '2026-05-01' "
                                      "AND badge_id = '" BADGE_ID "'"), ==, 1);
  reason = query_text (store, "SELECT reason FROM award");
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason, !=, "");

  /* Ana leaves Ready to Award; the badge now has one holder. */
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 1);
  hearth_ui_test_wait_for (!shows_label (page, "Ana <Sousa>"));
  show_view (page, "badges");
  hearth_ui_test_wait_for (shows_label (page, "1 holder"));
  g_assert_true (shows_label (page, "Ana <Sousa>"));

  /* The toast's Undo takes the award back. */
  award_id = query_text (store, "SELECT id FROM award");
  ids[0] = award_id;
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window),
                                                     "recognition-undo.revoke-awards",
                                                     g_variant_new_strv (ids, 1)));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM award WHERE deleted_at IS NULL") == 0);
  hearth_ui_test_wait_for (shows_label (page, "0 holders"));
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 2);
}

static void
test_confirm (void)
{
  run_with_page (TRUE, check_confirm);
}

/* Revoking, and Undo -------------------------------------------------------------------------- */

static void
check_revoke (HearthApplication *app,
              HearthWindow      *window,
              GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *target = target_of (fixture.bo_id);
  g_autofree char *award_id = NULL;

  wait_for_views (page);
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 2);
  g_assert_true (gtk_widget_activate_action (page, "recognition.confirm", "s", target));
  hearth_ui_test_wait_for (shows_label (page, "1 holder"));
  award_id = query_text (store, "SELECT id FROM award");

  /* The page's action, as the holder's menu item does. */
  g_assert_true (gtk_widget_activate_action (page, "recognition.revoke", "s", award_id));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM award "
                                              "WHERE deleted_at IS NOT NULL") == 1);
  hearth_ui_test_wait_for (shows_label (page, "0 holders"));
  /* Bo meets the rule again. */
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 2);

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record", "(ss)",
                                             "award", award_id));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM award WHERE deleted_at IS NULL") == 1);
  hearth_ui_test_wait_for (shows_label (page, "1 holder"));
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 1);
}

static void
test_revoke (void)
{
  run_with_page (TRUE, check_revoke);
}

/* Confirm All --------------------------------------------------------------------------------- */

static void
check_confirm_all (HearthApplication *app,
                   HearthWindow      *window,
                   GtkWidget         *page)
{
  HearthStore *store = hearth_application_get_store (app);

  wait_for_views (page);
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 2);
  show_view (page, "ready");

  g_assert_true (gtk_widget_activate_action (page, "recognition.confirm-all", NULL));
  hearth_ui_test_wait_for (hearth_ui_test_count_rows (store, "SELECT count(*) FROM award WHERE source = 'rule' "
                                              "AND deleted_at IS NULL") == 2);
  hearth_ui_test_wait_for (adw_view_stack_page_get_badge_number (ready_page (page)) == 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (ready_page (page)));
  hearth_ui_test_wait_for (shows_label (page, "Nobody Is Waiting for a Badge"));
  show_view (page, "badges");
  hearth_ui_test_wait_for (shows_label (page, "2 holders"));
}

static void
test_confirm_all (void)
{
  run_with_page (TRUE, check_confirm_all);
}

/* Search -------------------------------------------------------------------------------------- */

static void
check_search (HearthApplication *app,
              HearthWindow      *window,
              GtkWidget         *page)
{
  GtkWidget *entry;

  wait_for_views (page);
  hearth_ui_test_wait_for (shows_label (page, "Warm Welcome"));

  entry = hearth_ui_test_find_widget (hearth_ui_test_find_widget (page, hearth_ui_test_is_type, "GtkSearchBar"), hearth_ui_test_is_type, "GtkSearchEntry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "xyz");
  g_signal_emit_by_name (entry, "search-changed");
  hearth_ui_test_spin (20);
  g_assert_true (shows_label (page, "No Matching Badges"));
  g_assert_true (shows_label (page, "0 of 1 badge"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "WARM");
  g_signal_emit_by_name (entry, "search-changed");
  hearth_ui_test_spin (20);
  g_assert_true (shows_label (page, "1 badge"));
  g_assert_false (shows_label (page, "No Matching Badges"));

  /* The ready list filters by member. */
  show_view (page, "ready");
  gtk_editable_set_text (GTK_EDITABLE (entry), "bo ch");
  g_signal_emit_by_name (entry, "search-changed");
  hearth_ui_test_spin (20);
  g_assert_true (shows_label (page, "Bo Chen"));
  g_assert_false (shows_label (page, "Ana <Sousa>"));
  g_assert_true (shows_label_containing (page, "Confirm All (1)"));
}

static void
test_search (void)
{
  run_with_page (TRUE, check_search);
}

/* Empty states -------------------------------------------------------------------------------- */

static void
check_empty (HearthApplication *app,
             HearthWindow      *window,
             GtkWidget         *page)
{
  wait_for_views (page);
  hearth_ui_test_wait_for (shows_label (page, "Make Contributions Visible"));
  g_assert_true (gtk_widget_get_sensitive (page));
  g_assert_cmpint (adw_view_stack_page_get_badge_number (ready_page (page)), ==, 0);

  show_view (page, "ready");
  g_assert_true (shows_label (page, "Nobody Is Waiting for a Badge"));
}

static void
test_empty (void)
{
  run_with_page (FALSE, check_empty);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/recognition-page/confirm-undo", test_confirm);
  g_test_add_func ("/recognition-page/revoke-undo", test_revoke);
  g_test_add_func ("/recognition-page/confirm-all", test_confirm_all);
  g_test_add_func ("/recognition-page/search", test_search);
  g_test_add_func ("/recognition-page/empty", test_empty);

  status = g_test_run ();
  g_free (fixture.path);
  g_free (fixture.program_id);
  g_free (fixture.ana_id);
  g_free (fixture.bo_id);

  return status;
}
