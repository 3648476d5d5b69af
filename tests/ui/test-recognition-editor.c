/* test-recognition-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three dialogs of the Recognition page on the real window and store:
 * - the recognition editor logs a handwritten note (member chosen, kind, title, note, done on
 *   a day) as exactly that row; a planned gesture (Done off, a planned day) has no done day and
 *   a bad planned day keeps Save off; an entry is edited, deleted and restored by Undo;
 * - the spotlight dialog drafts a post naming the member and their role (on a worker thread),
 *   Copy puts the text on the clipboard, Reset Draft brings the draft back, and Log as
 *   Spotlight writes a spotlight entry with the edited text;
 * - the card dialog says the award's day in words, names its PDF after the member, and writes
 *   an A6 (then A5 landscape) PDF; a badge tile is written as a 512 × 512 PNG or an SVG.
 * Results are read back through the store's reader.
 *
 * With HEARTH_SCREENSHOT_DIR set, it also writes screenshots of the three dialogs there (light
 * and dark, wide and 360 px).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hearth-application.h"
#include "hearth-assignment.h"
#include "hearth-award.h"
#include "hearth-badge.h"
#include "hearth-card-dialog.h"
#include "hearth-card-dialog-private.h"
#include "hearth-recognition.h"
#include "hearth-recognition-editor.h"
#include "hearth-render.h"
#include "hearth-role.h"
#include "hearth-spotlight-dialog.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

#define AS_OF "2024-06-30"

/* A program whose reference day is AS_OF, with two members, Ana Lima and Ben. */
typedef struct
{
  HearthProgram *program;
  char          *ana;
  char          *ben;
} Fixture;

static void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->program);
  g_clear_pointer (&fixture->ana, g_free);
  g_clear_pointer (&fixture->ben, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static gboolean
add_members_job (HearthDatabase  *db,
                 gpointer         data,
                 GError         **error)
{
  Fixture *fixture = data;
  const char *program_id = hearth_record_get_id (HEARTH_RECORD (fixture->program));

  fixture->ana = hearth_ui_test_add_member (db, program_id, "Ana Lima", "2021-04-01", error);
  if (fixture->ana == NULL)
    return FALSE;
  fixture->ben = hearth_ui_test_add_member (db, program_id, "Ben", "2023-01-10", error);

  return fixture->ben != NULL;
}

static void
setup (Fixture           *fixture,
       HearthApplication *app,
       HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  g_autoptr(GError) error = NULL;

  hearth_record_set_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF, AS_OF);
  hearth_store_insert_async (store, program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);
  fixture->program = g_object_ref (hearth_window_get_program (window));

  g_assert_true (hearth_store_write_sync (store, add_members_job, fixture,
                                          HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  hearth_ui_test_settle (store);
}

/* Screenshots show the whole dialog: taller than it opens, and once at 360 px. */
static GtkWindow *
present (GtkWindow *dialog,
         int        width,
         int        height)
{
  if (hearth_ui_test_taking_screenshots ())
    gtk_window_set_default_size (dialog, width, height);
  gtk_window_present (dialog);

  return dialog;
}

/* The recognition editor -------------------------------------------------------------------- */

static guint
kind_position (const char *kind)
{
  for (guint i = 0; hearth_recognition_kinds[i] != NULL; i++)
    if (g_str_equal (hearth_recognition_kinds[i], kind))
      return i;

  g_assert_not_reached ();
}

static guint
member_position (GtkWindow  *dialog,
                 const char *name)
{
  GListModel *model = gtk_drop_down_get_model (hearth_ui_test_child (dialog, "member_drop_down"));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        return i;
    }

  g_assert_not_reached ();
}

static void
set_note (GtkWindow  *dialog,
          const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "note_view")), text, -1);
}

static void
check_handwritten_note (HearthApplication *app,
                        HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_auto(Fixture) fixture = { 0 };
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  setup (&fixture, app, window);

  if (hearth_ui_test_taking_screenshots ())
    {
      dialog = present (hearth_recognition_editor_new (GTK_WINDOW (window), store,
                                                       fixture.program, NULL, fixture.ana,
                                                       "handwritten_note"), 360, 900);
      hearth_ui_test_type (dialog, "title_row", "Thank you for hosting the spring meetup");
      set_note (dialog, "Written on a postcard from the venue, with a sticker sheet.");
      hearth_ui_test_screenshot (dialog, "recognition-editor-narrow");
      hearth_ui_test_close_dialog (dialog);
    }

  dialog = present (hearth_recognition_editor_new (GTK_WINDOW (window), store, fixture.program,
                                                   NULL, NULL, NULL), 560, 900);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));

  /* No member yet: Save waits, and the field says why. */
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "member_error_row")));
  /* A shout-out, done on the reference day, unless told otherwise. */
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "kind_row")), ==,
                    kind_position ("shout_out"));
  g_assert_true (gtk_switch_get_active (hearth_ui_test_child (dialog, "done_switch")));
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "done_on_row")), ==, AS_OF);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (hearth_ui_test_child (dialog, "member_drop_down"))),
                    ==, 2);

  gtk_drop_down_set_selected (hearth_ui_test_child (dialog, "member_drop_down"), member_position (dialog, "Ana Lima"));
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "member_error_row")));
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "kind_row"), kind_position ("handwritten_note"));
  hearth_ui_test_type (dialog, "title_row", "  Thank you for the spring meetup ");
  set_note (dialog, "Written on a postcard from the venue.\nPosted on Monday.");
  hearth_ui_test_type (dialog, "done_on_row", "2024-06-31");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "done_on_error_row")));
  hearth_ui_test_type (dialog, "done_on_row", "2024-06-12");
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "done_on_error_row")));
  hearth_ui_test_screenshot (dialog, "recognition-editor-new");
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT count(*) FROM recognition", NULL, "1");
  hearth_ui_test_assert_query (store, "SELECT member_id FROM recognition WHERE id = ?1", id, fixture.ana);
  hearth_ui_test_assert_query (store, "SELECT kind FROM recognition WHERE id = ?1", id, "handwritten_note");
  hearth_ui_test_assert_query (store, "SELECT title FROM recognition WHERE id = ?1", id,
                "Thank you for the spring meetup");
  hearth_ui_test_assert_query (store, "SELECT note FROM recognition WHERE id = ?1", id,
                "Written on a postcard from the venue.\nPosted on Monday.");
  hearth_ui_test_assert_query (store, "SELECT done_on FROM recognition WHERE id = ?1", id, "2024-06-12");
  hearth_ui_test_assert_query (store, "SELECT planned_on FROM recognition WHERE id = ?1", id, NULL);
}

static void
test_handwritten_note (void)
{
  hearth_ui_test_run_with_window (check_handwritten_note, TRUE);
}

static void
check_planned (HearthApplication *app,
               HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_auto(Fixture) fixture = { 0 };
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  setup (&fixture, app, window);

  /* Opened for Ben, as a gift: both chosen already. */
  dialog = present (hearth_recognition_editor_new (GTK_WINDOW (window), store, fixture.program,
                                                   NULL, fixture.ben, "gift"), 560, 900);
  g_assert_cmpuint (gtk_drop_down_get_selected (hearth_ui_test_child (dialog, "member_drop_down")), ==,
                    member_position (dialog, "Ben"));
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "kind_row")), ==,
                    kind_position ("gift"));
  g_assert_true (hearth_ui_test_can_save (dialog));

  gtk_switch_set_active (hearth_ui_test_child (dialog, "done_switch"), FALSE);
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "done_on_row")));
  hearth_ui_test_type (dialog, "title_row", "Conference ticket");
  hearth_ui_test_type (dialog, "planned_on_row", "15.7.2024");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "planned_on_error_row")));
  hearth_ui_test_type (dialog, "planned_on_row", "2024-07-15");
  g_assert_true (hearth_ui_test_can_save (dialog));
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT member_id FROM recognition WHERE id = ?1", id, fixture.ben);
  hearth_ui_test_assert_query (store, "SELECT kind FROM recognition WHERE id = ?1", id, "gift");
  hearth_ui_test_assert_query (store, "SELECT planned_on FROM recognition WHERE id = ?1", id, "2024-07-15");
  hearth_ui_test_assert_query (store, "SELECT done_on FROM recognition WHERE id = ?1", id, NULL);
  hearth_ui_test_assert_query (store, "SELECT note FROM recognition WHERE id = ?1", id, NULL);
}

static void
test_planned (void)
{
  hearth_ui_test_run_with_window (check_planned, TRUE);
}

static void
check_edit (HearthApplication *app,
            HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(HearthRecognition) entry = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  setup (&fixture, app, window);

  entry = hearth_recognition_new (fixture.ana, "merch");
  hearth_record_set_text (HEARTH_RECORD (entry), HEARTH_RECOGNITION_TITLE, "Hoodie");
  hearth_record_set_text (HEARTH_RECORD (entry), HEARTH_RECOGNITION_PLANNED_ON, "2024-07-01");
  hearth_store_insert_async (store, entry, NULL, NULL, NULL);
  hearth_ui_test_settle (store);
  id = hearth_ui_test_query_text (store, "SELECT id FROM recognition", NULL, TRUE);

  dialog = present (hearth_recognition_editor_new (GTK_WINDOW (window), store, fixture.program,
                                                   id, NULL, NULL), 560, 900);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Recognition");
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));
  /* The member is fixed once logged. */
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "member_drop_down")));
  g_assert_cmpstr (gtk_label_get_text (hearth_ui_test_child (dialog, "member_label")), ==, "Ana Lima");
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "kind_row")), ==,
                    kind_position ("merch"));
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "title_row")), ==, "Hoodie");
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "planned_on_row")), ==, "2024-07-01");
  /* Planned: Done is off, and ticking it offers the reference day. */
  g_assert_false (gtk_switch_get_active (hearth_ui_test_child (dialog, "done_switch")));
  gtk_switch_set_active (hearth_ui_test_child (dialog, "done_switch"), TRUE);
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "done_on_row")));
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "done_on_row")), ==, AS_OF);
  hearth_ui_test_type (dialog, "title_row", "Hoodie and stickers");
  hearth_ui_test_screenshot (dialog, "recognition-editor-edit");
  saved_id = hearth_ui_test_save (dialog);
  g_assert_cmpstr (saved_id, ==, id);

  hearth_ui_test_assert_query (store, "SELECT count(*) FROM recognition", NULL, "1");
  hearth_ui_test_assert_query (store, "SELECT title FROM recognition WHERE id = ?1", id, "Hoodie and stickers");
  hearth_ui_test_assert_query (store, "SELECT done_on FROM recognition WHERE id = ?1", id, AS_OF);
  hearth_ui_test_assert_query (store, "SELECT member_id FROM recognition WHERE id = ?1", id, fixture.ana);

  /* Delete: a tombstone, and the window's Undo brings it back. */
  dialog = present (hearth_recognition_editor_new (GTK_WINDOW (window), store, fixture.program,
                                                   id, NULL, NULL), 560, 900);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "delete_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_settle (store);
  hearth_ui_test_assert_query (store, "SELECT deleted_at IS NOT NULL FROM recognition WHERE id = ?1", id, "1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record",
                                             "(ss)", "recognition", id));
  hearth_ui_test_settle (store);
  hearth_ui_test_assert_query (store, "SELECT deleted_at IS NULL FROM recognition WHERE id = ?1", id, "1");
}

static void
test_edit (void)
{
  hearth_ui_test_run_with_window (check_edit, TRUE);
}

/* The spotlight dialog ----------------------------------------------------------------------- */

typedef struct
{
  const char *program_id;
  const char *member_id;
  const char *ben_id;
} RoleJob;

static gboolean
add_role_job (HearthDatabase  *db,
              gpointer         data,
              GError         **error)
{
  RoleJob *job = data;
  g_autoptr(HearthRole) role = hearth_role_new (job->program_id, "Welcome Team");
  g_autofree char *assignment_id = NULL;

  if (!hearth_record_insert (HEARTH_RECORD (role), db, error))
    return FALSE;
  if (!hearth_assignment_start (db, job->member_id, hearth_record_get_id (HEARTH_RECORD (role)),
                                "2023-09-04", 2, NULL, &assignment_id, error))
    return FALSE;

  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *date = g_strdup_printf ("2024-06-%02d", day);

      if (!hearth_ui_test_add_activity (db, job->member_id, date, "welcome", 2, error))
        return FALSE;
    }

  return TRUE;
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
check_spotlight (HearthApplication *app,
                 HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *reset = NULL;
  g_autofree char *id = NULL;
  GtkWindow *dialog;
  RoleJob job;

  setup (&fixture, app, window);
  job.program_id = hearth_record_get_id (HEARTH_RECORD (fixture.program));
  job.member_id = fixture.ana;
  job.ben_id = fixture.ben;
  g_assert_true (hearth_store_write_sync (store, add_role_job, &job, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  hearth_ui_test_settle (store);

  if (hearth_ui_test_taking_screenshots ())
    {
      dialog = present (hearth_spotlight_dialog_new (GTK_WINDOW (window), store, fixture.program,
                                                     fixture.ana), 360, 640);
      hearth_ui_test_wait_for (hearth_spotlight_dialog_get_text (HEARTH_SPOTLIGHT_DIALOG (dialog)) != NULL);
      hearth_ui_test_wait_for (!gtk_stack_get_transition_running (hearth_ui_test_child (dialog, "stack")));
      hearth_ui_test_screenshot (dialog, "spotlight-narrow");
      hearth_ui_test_close_dialog (dialog);
    }

  dialog = present (hearth_spotlight_dialog_new (GTK_WINDOW (window), store, fixture.program,
                                                 fixture.ana), 560, 560);
  g_assert_true (gtk_window_get_modal (dialog));
  /* While it drafts, nothing to copy or log yet. */
  g_assert_null (hearth_spotlight_dialog_get_text (HEARTH_SPOTLIGHT_DIALOG (dialog)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "stack")), ==, "loading");

  hearth_ui_test_wait_for ((draft = hearth_spotlight_dialog_get_text (HEARTH_SPOTLIGHT_DIALOG (dialog))) != NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "stack")), ==, "draft");
  g_assert_nonnull (strstr (draft, "Ana Lima"));
  g_assert_nonnull (strstr (draft, "Welcome Team"));
  hearth_ui_test_wait_for (!gtk_stack_get_transition_running (hearth_ui_test_child (dialog, "stack")));
  g_assert_false (gtk_text_view_get_monospace (hearth_ui_test_child (dialog, "text_view")));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (hearth_ui_test_child (dialog, "text_view")), !=, GTK_WRAP_NONE);
  hearth_ui_test_screenshot (dialog, "spotlight");

  /* Copy: the text as it stands goes to the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "spotlight.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 clipboard_read_cb, &copied);
  hearth_ui_test_wait_for (copied != NULL);
  g_assert_cmpstr (copied, ==, draft);

  /* Edited, then reset: the draft again. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "text_view")),
                            "Something else", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "spotlight.reset", NULL));
  reset = hearth_spotlight_dialog_get_text (HEARTH_SPOTLIGHT_DIALOG (dialog));
  g_assert_cmpstr (reset, ==, draft);

  /* Log as Spotlight: the edited text, done on the reference day; the dialog closes. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (hearth_ui_test_child (dialog, "text_view")),
                            "Ana Lima has welcomed 40 people this month. Thank you, Ana!\n", -1);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "spotlight.log", NULL));
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_settle (store);

  hearth_ui_test_assert_query (store, "SELECT count(*) FROM recognition", NULL, "1");
  id = hearth_ui_test_query_text (store, "SELECT id FROM recognition", NULL, TRUE);
  hearth_ui_test_assert_query (store, "SELECT member_id FROM recognition WHERE id = ?1", id, fixture.ana);
  hearth_ui_test_assert_query (store, "SELECT kind FROM recognition WHERE id = ?1", id, "spotlight");
  hearth_ui_test_assert_query (store, "SELECT title FROM recognition WHERE id = ?1", id, "Spotlight post");
  hearth_ui_test_assert_query (store, "SELECT note FROM recognition WHERE id = ?1", id,
                "Ana Lima has welcomed 40 people this month. Thank you, Ana!");
  hearth_ui_test_assert_query (store, "SELECT done_on FROM recognition WHERE id = ?1", id, AS_OF);
}

static void
test_spotlight (void)
{
  hearth_ui_test_run_with_window (check_spotlight, TRUE);
}

/* The card dialog and badge images ----------------------------------------------------------- */

typedef struct
{
  const char *program_id;
  const char *member_id;
  GStrv       award_ids;
} AwardJob;

static HearthBadge *
new_badge (const char *program_id)
{
  HearthBadge *badge = hearth_badge_new (program_id, "Warm Welcome");

  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_TIER, "gold");
  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_ICON, hearth_badge_icons (NULL)[0]);
  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_COLOR, "#3584e4");

  return badge;
}

static gboolean
add_award_job (HearthDatabase  *db,
               gpointer         data,
               GError         **error)
{
  AwardJob *job = data;
  g_autoptr(HearthBadge) badge = new_badge (job->program_id);
  const char *member_ids[] = { job->member_id, NULL };

  if (!hearth_record_insert (HEARTH_RECORD (badge), db, error))
    return FALSE;

  return hearth_award_grant (db, hearth_record_get_id (HEARTH_RECORD (badge)), member_ids,
                             "2024-03-01", "For welcoming fifty newcomers with patience and humour",
                             "manual", &job->award_ids, error);
}

/* Whether @needle is in the first @length bytes of @data, NUL bytes and all. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_pdf (const char *path,
            const char *media_box)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_true (contains_bytes (contents, length, media_box));
}

static void
check_card (HearthApplication *app,
            HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearth-card-XXXXXX", &error);
  g_autofree char *a6 = g_build_filename (dir, "a6.pdf", NULL);
  g_autofree char *a5 = g_build_filename (dir, "a5-landscape.pdf", NULL);
  g_autofree char *file_name = NULL;
  AwardJob job = { 0 };
  HearthCardDialog *card;
  GtkWindow *dialog;

  g_assert_no_error (error);
  setup (&fixture, app, window);
  job.program_id = hearth_record_get_id (HEARTH_RECORD (fixture.program));
  job.member_id = fixture.ana;
  g_assert_true (hearth_store_write_sync (store, add_award_job, &job, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  hearth_ui_test_settle (store);

  if (hearth_ui_test_taking_screenshots ())
    {
      dialog = present (hearth_card_dialog_new (GTK_WINDOW (window), store, fixture.program,
                                                job.award_ids[0]), 360, 820);
      hearth_ui_test_screenshot (dialog, "card-narrow");
      hearth_ui_test_close_dialog (dialog);
    }

  dialog = present (hearth_card_dialog_new (GTK_WINDOW (window), store, fixture.program,
                                            job.award_ids[0]), 560, 860);
  card = HEARTH_CARD_DIALOG (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_cmpstr (hearth_card_dialog_get_date_text (card), ==, "1 March 2024");
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "signature_row")), ==, "Signature");
  g_assert_cmpint (hearth_card_dialog_get_size (card), ==, HEARTH_CARD_SIZE_A6);
  file_name = hearth_card_dialog_dup_file_name (card);
  g_assert_cmpstr (file_name, ==, "thank-you-Ana-Lima.pdf");
  hearth_ui_test_screenshot (dialog, "card");

  g_assert_true (hearth_card_dialog_save_pdf (card, a6, &error));
  g_assert_no_error (error);
  assert_pdf (a6, "/MediaBox [ 0 0 297.6");

  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "size_row"), HEARTH_CARD_SIZE_A5_LANDSCAPE);
  hearth_ui_test_type (dialog, "signature_row", "Maria, for the Makers team");
  g_assert_cmpint (hearth_card_dialog_get_size (card), ==, HEARTH_CARD_SIZE_A5_LANDSCAPE);
  hearth_ui_test_screenshot (dialog, "card-a5-landscape");
  g_assert_true (hearth_card_dialog_save_pdf (card, a5, &error));
  g_assert_no_error (error);
  assert_pdf (a5, "/MediaBox [ 0 0 595.2");

  hearth_ui_test_close_dialog (dialog);
  g_strfreev (job.award_ids);
  g_remove (a6);
  g_remove (a5);
  g_rmdir (dir);
}

static void
test_card (void)
{
  hearth_ui_test_run_with_window (check_card, TRUE);
}

static void
test_badge_image (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearth-badge-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "warm-welcome.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "warm-welcome.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HearthBadge) badge = new_badge ("program");
  g_autoptr(GdkTexture) texture = NULL;
  HearthRenderFormat format;

  g_assert_no_error (error);

  /* The format follows the name's extension, else the chosen filter (which adds it). */
  path = hearth_badge_image_path ("/tmp/Badge.PNG", TRUE, &format);
  g_assert_cmpstr (path, ==, "/tmp/Badge.PNG");
  g_assert_cmpint (format, ==, HEARTH_RENDER_FORMAT_PNG);
  g_free (path);
  path = hearth_badge_image_path ("/tmp/badge", TRUE, &format);
  g_assert_cmpstr (path, ==, "/tmp/badge.svg");
  g_assert_cmpint (format, ==, HEARTH_RENDER_FORMAT_SVG);
  g_free (path);
  path = hearth_badge_image_path ("/tmp/badge", FALSE, &format);
  g_assert_cmpstr (path, ==, "/tmp/badge.png");
  g_assert_cmpint (format, ==, HEARTH_RENDER_FORMAT_PNG);

  g_assert_true (hearth_badge_write_image (badge, png, HEARTH_RENDER_FORMAT_PNG, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 512);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 512);

  g_assert_true (hearth_badge_write_image (badge, svg, HEARTH_RENDER_FORMAT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_remove (png);
  g_remove (svg);
  g_rmdir (dir);
}


int
main (int    argc,
      char **argv)
{
  hearth_ui_test_init (&argc, &argv);

  g_test_add_func ("/recognition-editor/handwritten-note", test_handwritten_note);
  g_test_add_func ("/recognition-editor/planned", test_planned);
  g_test_add_func ("/recognition-editor/edit", test_edit);
  g_test_add_func ("/spotlight-dialog/draft-copy-log", test_spotlight);
  g_test_add_func ("/card-dialog/pdf", test_card);
  g_test_add_func ("/card-dialog/badge-image", test_badge_image);

  return g_test_run ();
}
