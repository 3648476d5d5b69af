/* test-member-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record editors on the real window and store: the member editor refuses a bad e-mail and
 * a bad date (Save stays off, the message shows), saves, edits, deletes and restores through
 * the window's Undo action; the nomination editor saves an outside nominator and a member
 * one; the observation editor saves a rating. Every result is read back through SQL.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-member-editor.h"
#include "hearth-nomination-editor.h"
#include "hearth-observation-editor.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

static void hearth_ui_test_settle (HearthStore *store);

static char *
add_program (HearthApplication *app,
             HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");

  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  return g_strdup (hearth_record_get_id (HEARTH_RECORD (hearth_window_get_program (window))));
}

/* Whether the record is live, after the store has finished every job (its callbacks too: a
 * pending one would otherwise run in the next test, after this store was closed). */
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

static HearthMember *
load_member (HearthStore *store,
             const char  *id)
{
  g_autoptr(GError) error = NULL;
  HearthMember *member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER,
                                                   hearth_store_get_reader (store), id, FALSE,
                                                   &error);

  g_assert_no_error (error);
  return member;
}

static void
check_member_editor (HearthApplication *app,
                     HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *program_id = add_program (app, window);
  g_autofree char *id = NULL;
  g_autofree char *edited_id = NULL;
  g_autoptr(HearthMember) member = NULL;
  g_autoptr(HearthMember) again = NULL;
  GtkWindow *dialog;

  dialog = hearth_member_editor_new (GTK_WINDOW (window), store, program_id, NULL);
  gtk_window_present (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  /* Nothing to save without a name. */
  g_assert_false (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "display_name_row", "Ada <Lovelace> & co");
  g_assert_true (hearth_ui_test_can_save (dialog));

  /* A bad e-mail: Save off, the message under it. */
  hearth_ui_test_type (dialog, "email_row", "ada@example");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "email_error_row")));
  g_assert_true (gtk_widget_has_css_class (hearth_ui_test_child (dialog, "email_row"), "error"));
  hearth_ui_test_type (dialog, "email_row", "ada lovelace@example.org");
  g_assert_false (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "email_row", "ada@@example.org");
  g_assert_false (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "email_row", " ada@example.org ");
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "email_error_row")));
  g_assert_false (gtk_widget_has_css_class (hearth_ui_test_child (dialog, "email_row"), "error"));

  /* A bad date, the same way. */
  hearth_ui_test_type (dialog, "joined_on_row", "2024-02-30");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "joined_on_error_row")));
  hearth_ui_test_type (dialog, "joined_on_row", "1.3.2024");
  g_assert_false (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "joined_on_row", "2024-02-29");
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "joined_on_error_row")));

  hearth_ui_test_type (dialog, "handle_row", "ada");
  hearth_ui_test_type (dialog, "platform_row", "discord");
  hearth_ui_test_type (dialog, "timezone_row", "Europe/London");
  hearth_ui_test_type (dialog, "identity_tags_row", " newcomer, ,  mentor ,");
  gtk_switch_set_active (hearth_ui_test_child (dialog, "is_bot_switch"), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "notes_view")),
                            "Line one\nLine two", -1);
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT display_name FROM member WHERE id = ?1", id, "Ada <Lovelace> & co");
  hearth_ui_test_assert_query (store, "SELECT email FROM member WHERE id = ?1", id, "ada@example.org");
  hearth_ui_test_assert_query (store, "SELECT joined_on FROM member WHERE id = ?1", id, "2024-02-29");
  hearth_ui_test_assert_query (store, "SELECT identity_tags FROM member WHERE id = ?1", id,
                "[\"newcomer\",\"mentor\"]");
  hearth_ui_test_assert_query (store, "SELECT notes FROM member WHERE id = ?1", id, "Line one\nLine two");
  hearth_ui_test_assert_query (store, "SELECT program_id FROM member WHERE id = ?1", id, program_id);
  hearth_ui_test_assert_query (store, "SELECT status FROM member WHERE id = ?1", id, "member");
  hearth_ui_test_assert_query (store, "SELECT region FROM member WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT is_bot FROM member WHERE id = ?1", id, "0");

  /* Edit: the fields come back, a change is written, a cleared field becomes NULL. */
  member = load_member (store, id);
  dialog = hearth_member_editor_new (GTK_WINDOW (window), store, NULL, member);
  gtk_window_present (dialog);
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "identity_tags_row")), ==,
                   "newcomer, mentor");
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "email_row")), ==, "ada@example.org");
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));
  hearth_ui_test_type (dialog, "display_name_row", "   ");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "display_name_error_row")));
  hearth_ui_test_type (dialog, "display_name_row", "Ada Lovelace");
  hearth_ui_test_type (dialog, "email_row", "");
  gtk_switch_set_active (hearth_ui_test_child (dialog, "is_bot_switch"), TRUE);
  edited_id = hearth_ui_test_save (dialog);
  g_assert_cmpstr (edited_id, ==, id);
  hearth_ui_test_assert_query (store, "SELECT display_name FROM member WHERE id = ?1", id, "Ada Lovelace");
  hearth_ui_test_assert_query (store, "SELECT email FROM member WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT is_bot FROM member WHERE id = ?1", id, "1");
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM member", NULL, "1");

  /* Delete: a tombstone, and the window's Undo brings it back. */
  again = load_member (store, id);
  dialog = hearth_member_editor_new (GTK_WINDOW (window), store, NULL, again);
  gtk_window_present (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "delete_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_assert_query (store, "SELECT deleted_at IS NOT NULL FROM member WHERE id = ?1", id, "1");

  g_assert_false (is_live (store, "member", id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record",
                                             "(ss)", "member", id));
  g_assert_true (is_live (store, "member", id));
  hearth_ui_test_assert_query (store, "SELECT display_name FROM member WHERE id = ?1", id, "Ada Lovelace");

  /* Escape closes without saving. */
  dialog = hearth_member_editor_new (GTK_WINDOW (window), store, program_id, NULL);
  gtk_window_present (dialog);
  hearth_ui_test_type (dialog, "display_name_row", "Never saved");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM member", NULL, "1");
}

static void
test_member_editor (void)
{
  hearth_ui_test_run_with_window (check_member_editor, TRUE);
}

static void
inserted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HearthMember **slot = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_store_write_finish (HEARTH_STORE (object), result, &error));
  g_assert_no_error (error);
  *slot = g_object_ref (hearth_store_job_get_data (result));
}

static HearthMember *
insert_member (HearthStore *store,
               const char  *program_id,
               const char  *name)
{
  g_autoptr(HearthMember) member = hearth_member_new (program_id, name);
  HearthMember *written = NULL;

  hearth_store_insert_async (store, member, NULL, inserted_cb, &written);
  hearth_ui_test_wait_for (written != NULL);

  return written;
}

static void
check_nomination_editor (HearthApplication *app,
                         HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *program_id = add_program (app, window);
  g_autoptr(HearthMember) ada = insert_member (store, program_id, "Ada");
  g_autoptr(HearthMember) grace = insert_member (store, program_id, "Grace");
  g_autoptr(HearthNomination) stored = NULL;
  g_autofree char *id = NULL;
  g_autofree char *peer_id = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GListModel *nominators;

  /* Someone outside the program, who must be named; accepted. */
  dialog = hearth_nomination_editor_new (GTK_WINDOW (window), store, ada, NULL);
  gtk_window_present (dialog);
  nominators = adw_combo_row_get_model (hearth_ui_test_child (dialog, "nominator_row"));
  /* Outside, then every member but the nominee. */
  g_assert_cmpuint (g_list_model_get_n_items (nominators), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (nominators), 1), ==, "Grace");
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "nominator_row")), ==, 1);
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "nominator_name_row")));
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "created_on_row")), ==, "2026-03-15");

  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "nominator_row"), 0);
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "nominator_name_row")));
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "nominator_error_row")));
  hearth_ui_test_type (dialog, "nominator_name_row", "Linus from the meetup");
  g_assert_true (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "created_on_row", "2026-02-30");
  g_assert_false (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "created_on_row", "2026-03-14");
  hearth_ui_test_type (dialog, "reason_row", "Answers every question");
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "consent_row"), 1);
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT nominee_id FROM nomination WHERE id = ?1", id,
                hearth_record_get_id (HEARTH_RECORD (ada)));
  hearth_ui_test_assert_query (store, "SELECT nominator_id FROM nomination WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT nominator_name FROM nomination WHERE id = ?1", id,
                "Linus from the meetup");
  hearth_ui_test_assert_query (store, "SELECT consent FROM nomination WHERE id = ?1", id, "accepted");
  hearth_ui_test_assert_query (store, "SELECT created_on FROM nomination WHERE id = ?1", id, "2026-03-14");
  hearth_ui_test_assert_query (store, "SELECT reason FROM nomination WHERE id = ?1", id, "Answers every question");

  /* A peer, by default the first member; the date is the reference day. */
  dialog = hearth_nomination_editor_new (GTK_WINDOW (window), store, ada, NULL);
  gtk_window_present (dialog);
  peer_id = hearth_ui_test_save (dialog);
  hearth_ui_test_assert_query (store, "SELECT nominator_id FROM nomination WHERE id = ?1", peer_id,
                hearth_record_get_id (HEARTH_RECORD (grace)));
  hearth_ui_test_assert_query (store, "SELECT nominator_name FROM nomination WHERE id = ?1", peer_id, NULL);
  hearth_ui_test_assert_query (store, "SELECT consent FROM nomination WHERE id = ?1", peer_id, "open");
  hearth_ui_test_assert_query (store, "SELECT created_on FROM nomination WHERE id = ?1", peer_id, "2026-03-15");

  /* Edit shows what's stored; delete and undo. */
  stored = hearth_record_load_by_id (HEARTH_TYPE_NOMINATION, hearth_store_get_reader (store), id,
                                     FALSE, &error);
  g_assert_no_error (error);
  dialog = hearth_nomination_editor_new (GTK_WINDOW (window), store, ada, stored);
  gtk_window_present (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "nominator_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "consent_row")), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "nominator_name_row")), ==,
                   "Linus from the meetup");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "delete_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_assert_query (store, "SELECT deleted_at IS NOT NULL FROM nomination WHERE id = ?1", id, "1");
  g_assert_false (is_live (store, "nomination", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record", "(ss)",
                                             "nomination", id));
  g_assert_true (is_live (store, "nomination", id));
}

static void
test_nomination_editor (void)
{
  hearth_ui_test_run_with_window (check_nomination_editor, TRUE);
}

static void
check_observation_editor (HearthApplication *app,
                          HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autofree char *program_id = add_program (app, window);
  g_autoptr(HearthMember) ada = insert_member (store, program_id, "Ada");
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  dialog = hearth_observation_editor_new (GTK_WINDOW (window), store, ada, NULL);
  gtk_window_present (dialog);
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "observed_on_row")), ==, "2026-03-15");
  g_assert_true (hearth_ui_test_can_save (dialog));
  hearth_ui_test_type (dialog, "observed_on_row", "someday");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "observed_on_error_row")));
  hearth_ui_test_type (dialog, "observed_on_row", "2026-03-01");
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "trait_row"), 3);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "rating_spin"), 5);
  hearth_ui_test_type (dialog, "note_row", "Organised the spring meetup alone");
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT trait FROM observation WHERE id = ?1", id, "initiative");
  hearth_ui_test_assert_query (store, "SELECT rating FROM observation WHERE id = ?1", id, "5");
  hearth_ui_test_assert_query (store, "SELECT note FROM observation WHERE id = ?1", id,
                "Organised the spring meetup alone");
  hearth_ui_test_assert_query (store, "SELECT observed_on FROM observation WHERE id = ?1", id, "2026-03-01");
  hearth_ui_test_assert_query (store, "SELECT member_id FROM observation WHERE id = ?1", id,
                hearth_record_get_id (HEARTH_RECORD (ada)));

  /* The spin button can't go past the scale. */
  dialog = hearth_observation_editor_new (GTK_WINDOW (window), store, ada, NULL);
  gtk_window_present (dialog);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "rating_spin"), 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "rating_spin")), ==, 5);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "rating_spin"), 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "rating_spin")), ==, 1);
  g_free (hearth_ui_test_save (dialog));
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM observation WHERE rating = 1 AND trait = 'consistency'",
                NULL, "1");
}

static void
test_observation_editor (void)
{
  hearth_ui_test_run_with_window (check_observation_editor, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* New records are dated with the reference day. */
  g_setenv ("HEARTH_TODAY", "2026-03-15", TRUE);

  hearth_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/member-editor/member", test_member_editor);
  g_test_add_func ("/ui/member-editor/nomination", test_nomination_editor);
  g_test_add_func ("/ui/member-editor/observation", test_observation_editor);

  return g_test_run ();
}
