/* test-assign-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Assign… dialog: its suggestions come from a worker thread, ranked by fit for the role
 * (the member with the role's goal activity first, saying so); a member already in the role is
 * not suggested; the search filters by name; Assign stays off until a member is picked and
 * the date is valid; assigning writes an active assignment with its planned rotation and makes
 * the member an ambassador (read back through SQL). On the sample program the list ranks
 * everyone; HEARTH_ASSIGN_SCREENSHOT=DIR saves pictures of the dialog there.
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-assign-dialog.h"
#include "hearth-assignment.h"
#include "hearth-member.h"
#include "hearth-role.h"
#include "hearth-role-goal.h"
#include "hearth-role-presets.h"
#include "hearth-snapshot.h"
#include "hearth-ui-test.h"
#include "hearth-util.h"

#define JOINED "2025-06-01"

#define AS_OF "2026-03-02"

typedef struct
{
  char *program_id;
  char *role_id;
  char *welcomer_id;   /* lots of welcomes */
  char *talker_id;     /* messages only */
  char *quiet_id;      /* hardly anything */
  char *holder_id;     /* already in the role */
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_free (f->program_id);
  g_free (f->role_id);
  g_free (f->welcomer_id);
  g_free (f->talker_id);
  g_free (f->quiet_id);
  g_free (f->holder_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static gboolean
fixture_job (HearthDatabase  *db,
             gpointer         data,
             GError         **error)
{
  Fixture *f = data;
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  g_autoptr(HearthRole) role = NULL;
  g_autoptr(HearthRoleGoal) goal = NULL;

  hearth_record_set_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF, AS_OF);
  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;
  f->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));

  role = hearth_role_new (f->program_id, "Welcome team");
  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_TERM_WEEKS, 26);
  if (!hearth_record_insert (HEARTH_RECORD (role), db, error))
    return FALSE;
  f->role_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (role)));

  goal = hearth_role_goal_new (f->role_id, "Welcome 3 new members", 3, "welcome");
  if (!hearth_record_insert (HEARTH_RECORD (goal), db, error))
    return FALSE;

  /* Joined months before the reference day: nobody is a "New member". */
  if (!(f->welcomer_id = hearth_ui_test_add_member (db, f->program_id, "Wanda Welcomer",
                                                    JOINED, error)) ||
      !(f->talker_id = hearth_ui_test_add_member (db, f->program_id, "Bruno Talker",
                                                  JOINED, error)) ||
      !(f->quiet_id = hearth_ui_test_add_member (db, f->program_id, "Quinn Quiet",
                                                 JOINED, error)) ||
      !(f->holder_id = hearth_ui_test_add_member (db, f->program_id, "Hana Holder",
                                                  JOINED, error)))
    return FALSE;

  /* Eight weeks before the reference day: Wanda welcomes and talks, Bruno talks more, Quinn
   * once; Hana is busy too, but already in the role. */
  for (int week = 1; week <= 8; week++)
    {
      g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_MARCH, 2026);
      g_autofree char *text = NULL;

      g_date_subtract_days (day, week * 7);
      text = hearth_date_to_string (day);
      if (!hearth_ui_test_add_activity (db, f->welcomer_id, text, "welcome", 5, error) ||
          !hearth_ui_test_add_activity (db, f->welcomer_id, text, "message", 6, error) ||
          !hearth_ui_test_add_activity (db, f->talker_id, text, "message", 9, error) ||
          !hearth_ui_test_add_activity (db, f->holder_id, text, "welcome", 6, error))
        return FALSE;
    }
  if (!hearth_ui_test_add_activity (db, f->quiet_id, "2026-02-20", "message", 1, error))
    return FALSE;

  /* Bruno already holds two other roles, which makes him an ambassador. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HearthRole) other = hearth_role_new (f->program_id, i == 0 ? "Event promoter"
                                                                           : "Culture keeper");

      if (!hearth_record_insert (HEARTH_RECORD (other), db, error) ||
          !hearth_assignment_start (db, f->talker_id, hearth_record_get_id (HEARTH_RECORD (other)),
                                    "2026-01-05", 1, NULL, NULL, error))
        return FALSE;
    }

  return hearth_assignment_start (db, f->holder_id, f->role_id, "2026-01-05", 2, NULL, NULL,
                                  error);
}

static char *
item_string (GListModel *model,
             guint       position,
             const char *property)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  char *value = NULL;

  g_assert_nonnull (item);
  g_object_get (item, property, &value, NULL);

  return value;
}

static gboolean
list_has_member (GListModel *model,
                 const char *member_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *id = item_string (model, i, "member-id");

      if (g_strcmp0 (id, member_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_mapped_label_containing (GtkWidget  *widget,
                             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_mapped_label_containing (c, text))
      return TRUE;

  return FALSE;
}

static gboolean
action_enabled (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "assign_button"));
}

/* Waits for the incremental filter to finish. */
static void
wait_filtered (GtkWindow *dialog)
{
  GtkListView *list_view = hearth_ui_test_child (dialog, "list_view");
  GListModel *selection = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  GtkFilterListModel *filter = GTK_FILTER_LIST_MODEL (
    gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));

  hearth_ui_test_wait_for (gtk_filter_list_model_get_pending (filter) == 0);
}

static void
search (GtkWindow  *dialog,
        const char *text)
{
  GtkWidget *entry = hearth_ui_test_child (dialog, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  wait_filtered (dialog);
}

static void
save_screenshot (GtkWindow  *window,
                 const char *file)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("saved %s", file);
}

static void
settle_frames (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
assigned_cb (GtkWindow  *dialog,
             const char *assignment_id,
             const char *member_id,
             char      **out)
{
  g_assert_nonnull (assignment_id);
  out[0] = g_strdup (assignment_id);
  out[1] = g_strdup (member_id);
}

static void
test_assign_through_suggestions (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (path, &error);
  g_autoptr(HearthProgram) program = NULL;
  g_auto(Fixture) f = { NULL, };
  g_autofree char *first_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *row_name = NULL;
  g_auto(GStrv) why = NULL;
  g_autoptr(GObject) first = NULL;
  char *result[2] = { NULL, NULL };
  GtkWindow *dialog;
  GListModel *model;
  gboolean mentions_welcomes = FALSE;

  g_assert_no_error (error);
  g_assert_true (hearth_store_write_sync (store, fixture_job, &f, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                      f.program_id, FALSE, NULL);

  dialog = hearth_assign_dialog_new (NULL, store, program, f.role_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "assigned", G_CALLBACK (assigned_cb), result);
  gtk_window_present (dialog);

  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Assign to Welcome team");
  /* The rotation follows the role's term: 26 weeks from the reference day. */
  g_assert_cmpstr (adw_preferences_row_get_title (hearth_ui_test_child (dialog, "rotation_row")), ==,
                   "Rotates on 2026-08-31");
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "starts_on_row")), ==, AS_OF);

  /* Ranked on a worker thread: the spinner first, then the list. */
  model = G_LIST_MODEL (gtk_list_view_get_model (hearth_ui_test_child (dialog, "list_view")));
  hearth_ui_test_wait_for (g_list_model_get_n_items (model) > 0);
  wait_filtered (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "list_stack")), ==, "list");

  /* Three members; the one already in the role is not among them. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_false (list_has_member (model, f.holder_id));

  /* The welcomer first, saying why. */
  first = g_list_model_get_item (model, 0);
  g_object_get (first, "member-id", &first_id, "display-name", &name, "why", &why, NULL);
  g_assert_cmpstr (first_id, ==, f.welcomer_id);
  g_assert_cmpstr (name, ==, "Wanda Welcomer");
  for (guint i = 0; why != NULL && why[i] != NULL; i++)
    {
      g_test_message ("why: %s", why[i]);
      mentions_welcomes |= strstr (why[i], "welcome") != NULL;
    }
  g_assert_true (mentions_welcomes);
  hearth_ui_test_wait_for (has_mapped_label_containing (hearth_ui_test_child (dialog, "list_view"), "welcome"));

  /* Bruno is told apart: his status, and a caution about his two roles. */
  g_assert_true (list_has_member (model, f.talker_id));
  g_assert_true (has_mapped_label_containing (hearth_ui_test_child (dialog, "list_view"), "Ambassador"));
  g_assert_true (has_mapped_label_containing (hearth_ui_test_child (dialog, "list_view"),
                                              "Already holds 2 roles"));
  if (g_getenv ("HEARTH_ASSIGN_SCREENSHOT") != NULL)
    {
      g_autofree char *file = g_build_filename (g_getenv ("HEARTH_ASSIGN_SCREENSHOT"),
                                                "assign-dialog-fixture.png", NULL);

      settle_frames (600);
      save_screenshot (dialog, file);
    }

  /* Nothing picked yet: Assign is off. */
  g_assert_false (action_enabled (dialog));

  /* The search filters by name, in any case. */
  search (dialog, "BRU");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  row_name = item_string (model, 0, "display-name");
  g_assert_cmpstr (row_name, ==, "Bruno Talker");
  search (dialog, "nobody by that name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "list_stack")), ==,
                   "no-match");
  search (dialog, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "list_stack")), ==, "list");

  /* Picking the first suggestion turns Assign on; a bad date turns it off again. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_true (action_enabled (dialog));
  g_assert_cmpstr (adw_preferences_row_get_title (hearth_ui_test_child (dialog, "member_row")), ==,
                   "Wanda Welcomer");
  gtk_editable_set_text (hearth_ui_test_child (dialog, "starts_on_row"), "2026-02-30");
  g_assert_false (action_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "starts_on_error_row")));
  gtk_editable_set_text (hearth_ui_test_child (dialog, "starts_on_row"), AS_OF);
  g_assert_true (action_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "starts_on_error_row")));

  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "hours_spin"), 3.5);
  gtk_editable_set_text (hearth_ui_test_child (dialog, "scope_entry"), "  Europe ");

  /* Assign: the dialog closes after the write, and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "assign.assign", NULL));
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_nonnull (result[0]);
  g_assert_cmpstr (result[1], ==, f.welcomer_id);

  hearth_ui_test_assert_query_or_null (store, "SELECT member_id FROM assignment WHERE id = ?1", result[0],
                f.welcomer_id);
  hearth_ui_test_assert_query_or_null (store, "SELECT role_id FROM assignment WHERE id = ?1", result[0], f.role_id);
  hearth_ui_test_assert_query_or_null (store, "SELECT starts_on FROM assignment WHERE id = ?1", result[0], AS_OF);
  hearth_ui_test_assert_query_or_null (store, "SELECT ends_on FROM assignment WHERE id = ?1", result[0], "2026-08-31");
  hearth_ui_test_assert_query_or_null (store, "SELECT ended_on IS NULL FROM assignment WHERE id = ?1", result[0], "1");
  hearth_ui_test_assert_query_or_null (store, "SELECT hours_per_week FROM assignment WHERE id = ?1", result[0], "3.5");
  hearth_ui_test_assert_query_or_null (store, "SELECT scope FROM assignment WHERE id = ?1", result[0], "Europe");
  hearth_ui_test_assert_query_or_null (store, "SELECT status FROM member WHERE id = ?1", f.welcomer_id, "ambassador");

  hearth_ui_test_wait_for (hearth_store_get_pending (store) == 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  hearth_store_close (store);
  g_free (result[0]);
  g_free (result[1]);
}

/* A member already in the role never comes back, and closing while loading is safe. */
static void
test_close_while_loading (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (path, &error);
  g_autoptr(HearthProgram) program = NULL;
  g_auto(Fixture) f = { NULL, };
  GtkWindow *dialog;

  g_assert_no_error (error);
  g_assert_true (hearth_store_write_sync (store, fixture_job, &f, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                      f.program_id, FALSE, NULL);

  dialog = hearth_assign_dialog_new (NULL, store, program, f.role_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (dialog);
  /* Escape closes it, even before the suggestions arrived. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  hearth_ui_test_wait_for (dialog == NULL);

  /* The worker's result finds nothing to fill. */
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  hearth_store_close (store);
}

/* The sample program. */

typedef struct
{
  const char *path;
  char       *program_id;
  char       *role_id;
} ImportSample;

static gboolean
import_sample_job (HearthDatabase  *db,
                   gpointer         data,
                   GError         **error)
{
  ImportSample *sample = data;
  g_autoptr(HearthSnapshotSummary) summary = hearth_snapshot_import (db, sample->path, NULL,
                                                                     NULL, NULL, error);
  g_autoptr(GPtrArray) roles = NULL;

  if (summary == NULL)
    return FALSE;
  sample->program_id = g_strdup (summary->program_id);

  /* Its Welcome team, or a new one from the preset while the sample has none. */
  roles = hearth_role_load_for_program (db, sample->program_id, error);
  if (roles == NULL)
    return FALSE;
  for (guint i = 0; i < roles->len && sample->role_id == NULL; i++)
    if (g_strcmp0 (hearth_role_get_preset (g_ptr_array_index (roles, i)), "welcome_team") == 0)
      sample->role_id = g_strdup (hearth_record_get_id (g_ptr_array_index (roles, i)));
  if (sample->role_id != NULL)
    return TRUE;

  return hearth_role_create_from_preset (db, sample->program_id, "welcome_team",
                                         &sample->role_id, error);
}

static void
test_sample_program (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "sample-program.json", NULL);
  const char *shots = g_getenv ("HEARTH_ASSIGN_SCREENSHOT");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (path, &error);
  g_autoptr(HearthProgram) program = NULL;
  ImportSample job = { sample_path, NULL, NULL };
  GtkWindow *dialog;
  GListModel *model;
  guint n;

  g_assert_no_error (error);
  g_assert_true (hearth_store_write_sync (store, import_sample_job, &job,
                                          HEARTH_WRITE_FLAGS_NO_TRANSACTION, &error));
  g_assert_no_error (error);
  program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                      job.program_id, FALSE, NULL);

  dialog = hearth_assign_dialog_new (NULL, store, program, job.role_id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_default_size (dialog, 520, 760);
  gtk_window_present (dialog);

  model = G_LIST_MODEL (gtk_list_view_get_model (hearth_ui_test_child (dialog, "list_view")));
  hearth_ui_test_wait_for (g_list_model_get_n_items (model) > 0);
  n = g_list_model_get_n_items (model);
  g_test_message ("%u suggestions", n);
  g_assert_cmpuint (n, >, 50);

  /* Ranked by fit, best first. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (model, i - 1);
      g_autoptr(GObject) b = g_list_model_get_item (model, i);
      double fit_a, fit_b;

      g_object_get (a, "fit", &fit_a, NULL);
      g_object_get (b, "fit", &fit_b, NULL);
      g_assert_cmpfloat (fit_a, >=, fit_b);
    }

  if (shots != NULL)
    {
      g_autofree char *wide = g_build_filename (shots, "assign-dialog.png", NULL);
      g_autofree char *narrow = g_build_filename (shots, "assign-dialog-360.png", NULL);
      g_autofree char *dark = g_build_filename (shots, "assign-dialog-dark.png", NULL);

      gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
      settle_frames (600);
      save_screenshot (dialog, wide);

      gtk_window_set_default_size (dialog, 360, 640);
      settle_frames (600);
      save_screenshot (dialog, narrow);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_FORCE_DARK);
      settle_frames (600);
      save_screenshot (dialog, dark);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_DEFAULT);
    }

  gtk_window_destroy (dialog);
  hearth_ui_test_wait_for (dialog == NULL);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  hearth_store_close (store);
  g_free (job.program_id);
  g_free (job.role_id);
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/ui/assign/through-suggestions", test_assign_through_suggestions);
  g_test_add_func ("/ui/assign/close-while-loading", test_close_while_loading);
  g_test_add_func ("/ui/assign/sample-program", test_sample_program);

  return g_test_run ();
}
