/* test-checkin-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recording a check-in, on a real store: a member in two roles (one goal measured
 * from welcome activity) gets two groups, the measured count prefilled; counts, energy and a
 * note are saved for both roles in one go (read back through SQL), come back when the dialog
 * opens again ("Updating"), and a second save keeps one check-in per assignment and week. The
 * week switcher, a member without roles and Escape are covered too.
 *
 * With HEARTH_SCREENSHOT_DIR set, it saves screenshots there: light, dark and 360 px wide.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hearth-assignment.h"
#include "hearth-checkin-dialog.h"
#include "hearth-member.h"
#include "hearth-role-goal.h"
#include "hearth-role-presets.h"
#include "hearth-store.h"
#include "hearth-ui-test.h"

/* 2026-W47: Monday 16 to Sunday 22 November. */
#define TODAY "2026-11-18"
#define WEEK "2026-W47"

typedef struct
{
  char *program_id;
  char *ada_id;
  char *grace_id;
  char *welcome_id;         /* Ada's Welcome Team assignment */
  char *culture_id;         /* Ada's Culture Keeper assignment */
  char *ended_id;           /* Ada's Content Highlighter assignment, ended before the week */
  char *welcome_goal;       /* measured from welcome activity, target 3 */
  char *follow_up_goal;     /* counted by hand */
  char *culture_goal;       /* counted by hand */
} Fixture;

static void
fixture_clear (Fixture *f)
{
  g_free (f->program_id);
  g_free (f->ada_id);
  g_free (f->grace_id);
  g_free (f->welcome_id);
  g_free (f->culture_id);
  g_free (f->ended_id);
  g_free (f->welcome_goal);
  g_free (f->follow_up_goal);
  g_free (f->culture_goal);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static char *
goal_id (HearthDatabase *db,
         const char     *role_id,
         guint           index)
{
  g_autoptr(GPtrArray) goals = hearth_role_goal_load_for_role (db, role_id, NULL);

  g_assert_nonnull (goals);
  g_assert_cmpuint (index, <, goals->len);

  return g_strdup (hearth_record_get_id (g_ptr_array_index (goals, index)));
}

static gboolean
fixture_job (HearthDatabase  *db,
             gpointer         data,
             GError         **error)
{
  Fixture *f = data;
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  g_autofree char *welcome_role = NULL;
  g_autofree char *culture_role = NULL;
  g_autofree char *content_role = NULL;

  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;
  f->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));

  /* A name that is no valid markup: every label must show it as text. */
  if (!(f->ada_id = hearth_ui_test_add_member (db, f->program_id, "Ada & <Lovelace>", NULL,
                                               error)) ||
      !(f->grace_id = hearth_ui_test_add_member (db, f->program_id, "Grace", NULL, error)))
    return FALSE;

  if (!hearth_role_create_from_preset (db, f->program_id, "welcome_team", &welcome_role, error) ||
      !hearth_role_create_from_preset (db, f->program_id, "culture_keeper", &culture_role,
                                       error) ||
      !hearth_role_create_from_preset (db, f->program_id, "content_highlighter", &content_role,
                                       error))
    return FALSE;

  f->welcome_goal = goal_id (db, welcome_role, 0);
  f->follow_up_goal = goal_id (db, welcome_role, 1);
  f->culture_goal = goal_id (db, culture_role, 0);

  if (!hearth_assignment_start (db, f->ada_id, content_role, "2026-09-01", 1, NULL,
                                &f->ended_id, error) ||
      !hearth_assignment_end (db, f->ended_id, "2026-10-01", error) ||
      !hearth_assignment_start (db, f->ada_id, welcome_role, "2026-10-05", 2, NULL,
                                &f->welcome_id, error) ||
      !hearth_assignment_start (db, f->ada_id, culture_role, "2026-10-12", 1, NULL,
                                &f->culture_id, error))
    return FALSE;

  /* Three welcomes in the week (its Monday and its Sunday), none counted from the days around
   * it nor from other kinds. */
  return hearth_ui_test_add_activity (db, f->ada_id, "2026-11-15", "welcome", 10, error) &&
         hearth_ui_test_add_activity (db, f->ada_id, "2026-11-16", "welcome", 2, error) &&
         hearth_ui_test_add_activity (db, f->ada_id, "2026-11-22", "welcome", 1, error) &&
         hearth_ui_test_add_activity (db, f->ada_id, "2026-11-23", "welcome", 20, error) &&
         hearth_ui_test_add_activity (db, f->ada_id, "2026-11-18", "message", 7, error) &&
         hearth_ui_test_add_activity (db, f->ada_id, "2026-11-10", "welcome", 1, error);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A control built for one role, by its widget name ("goal-spin-<goal id>", …). */
static gpointer
control (GtkWindow  *dialog,
         const char *prefix,
         const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);
  GtkWidget *widget = find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

static guint
count_named (GtkWidget  *widget,
             const char *prefix)
{
  guint n = g_str_has_prefix (gtk_widget_get_name (widget), prefix) &&
            gtk_widget_get_visible (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_named (c, prefix);

  return n;
}

static int
spin_value (GtkWindow  *dialog,
            const char *goal)
{
  return gtk_spin_button_get_value_as_int (control (dialog, "goal-spin-", goal));
}

static GtkToggleButton *
energy_button (GtkWindow  *dialog,
               const char *assignment_id,
               int         level)
{
  g_autofree char *name = g_strdup_printf ("energy-%s-%d", assignment_id, level);
  GtkWidget *widget = find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);
  return GTK_TOGGLE_BUTTON (widget);
}

static int
energy (GtkWindow  *dialog,
        const char *assignment_id)
{
  int level = 0;

  for (int i = 1; i <= 5; i++)
    if (gtk_toggle_button_get_active (energy_button (dialog, assignment_id, i)))
      {
        g_assert_cmpint (level, ==, 0);
        level = i;
      }

  return level;
}

static GtkTextBuffer *
note (GtkWindow  *dialog,
      const char *assignment_id)
{
  return gtk_text_view_get_buffer (control (dialog, "note-", assignment_id));
}

static char *
note_text (GtkWindow  *dialog,
           const char *assignment_id)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (note (dialog, assignment_id), &start, &end);
  return gtk_text_buffer_get_text (note (dialog, assignment_id), &start, &end, FALSE);
}

static const char *
label_text (GtkWindow  *dialog,
            const char *name)
{
  return gtk_label_get_text (hearth_ui_test_child (dialog, name));
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 expected);

  g_assert_null (mismatch);
}

static gboolean
has_control (GtkWindow  *dialog,
             const char *prefix,
             const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);

  return find_named (GTK_WIDGET (dialog), name) != NULL;
}

static void
saved_cb (GtkWindow  *dialog,
          const char *member_id,
          const char *iso_week,
          char      **out)
{
  out[0] = g_strdup (member_id);
  out[1] = g_strdup (iso_week);
}

static GtkWindow *
open_dialog (GtkWindow     *window,
             HearthStore   *store,
             HearthProgram *program,
             const char    *member_id,
             const char    *iso_week)
{
  GtkWindow *dialog = hearth_checkin_dialog_new (window, store, program, member_id,
                                                 iso_week);

  gtk_window_present (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == window);

  return dialog;
}

/* Saves with Ctrl+Return's action and waits for the dialog to close. */
static void
save (GtkWindow  *dialog,
      const char *member_id)
{
  char *result[2] = { NULL, NULL };

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), result);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL));
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_cmpstr (result[0], ==, member_id);
  g_assert_cmpstr (result[1], ==, WEEK);
  g_free (result[0]);
  g_free (result[1]);
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
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  const char *dir = g_getenv ("HEARTH_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (dir == NULL)
    return;

  settle_frames (400);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("saved %s", file);
}

static void
check_recording (HearthStore *store,
                 GtkWindow   *window)
{
  g_auto(Fixture) f = { NULL, };
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  g_assert_true (hearth_store_write_sync (store, fixture_job, &f, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                      f.program_id, FALSE, &error);
  g_assert_no_error (error);

  /* The week of the reference day; one group per role held that week, not the ended one. */
  dialog = open_dialog (window, store, program, f.ada_id, NULL);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Check-In");
  g_assert_cmpstr (label_text (dialog, "week_label"), ==, "Week 47 · 16–22 Nov");
  g_assert_cmpstr (adw_window_title_get_subtitle (hearth_ui_test_child (dialog, "window_title")), ==,
                   "Ada & <Lovelace> · Week 47 · 16–22 Nov");
  g_assert_cmpstr (label_text (dialog, "status_label"), ==, "No check-in yet for this week");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "stack")), ==, "form");
  g_assert_cmpuint (count_named (GTK_WIDGET (dialog), "checkin-group-"), ==, 2);
  g_assert_nonnull (control (dialog, "checkin-group-", f.welcome_id));
  g_assert_nonnull (control (dialog, "checkin-group-", f.culture_id));
  g_assert_false (has_control (dialog, "checkin-group-", f.ended_id));
  g_assert_cmpstr (adw_preferences_group_get_title (control (dialog, "checkin-group-",
                                                             f.welcome_id)), ==, "Welcome Team");
  g_assert_true (hearth_ui_test_can_save (dialog));
  /* No future weeks. */
  g_assert_false (gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "next_button")));
  g_assert_true (gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "previous_button")));

  /* The measured count is prefilled; goals counted by hand start at 0; nothing given yet. */
  g_assert_cmpint (spin_value (dialog, f.welcome_goal), ==, 3);
  g_assert_cmpint (spin_value (dialog, f.follow_up_goal), ==, 0);
  g_assert_cmpint (spin_value (dialog, f.culture_goal), ==, 0);
  g_assert_cmpint (energy (dialog, f.welcome_id), ==, 0);
  g_assert_cmpint (energy (dialog, f.culture_id), ==, 0);
  assert_accessible_label (control (dialog, "goal-spin-", f.welcome_goal), "Welcome new members");
  assert_accessible_label (GTK_WIDGET (energy_button (dialog, f.welcome_id, 2)),
                           "Energy 2 of 5: tired");
  assert_accessible_label (control (dialog, "note-", f.welcome_id), "Note for Welcome Team");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (energy_button (dialog, f.welcome_id,
                                                                           1))), ==,
                   "Exhausted");

  save_screenshot (dialog, "checkin-light.png");

  /* A corrected count offers to go back to the measured one. */
  g_assert_false (gtk_widget_get_visible (control (dialog, "goal-reset-", f.welcome_goal)));
  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.welcome_goal), 5);
  g_assert_true (gtk_widget_get_visible (control (dialog, "goal-reset-", f.welcome_goal)));
  g_signal_emit_by_name (control (dialog, "goal-reset-", f.welcome_goal), "clicked");
  g_assert_cmpint (spin_value (dialog, f.welcome_goal), ==, 3);
  g_assert_false (gtk_widget_get_visible (control (dialog, "goal-reset-", f.welcome_goal)));
  g_assert_false (has_control (dialog, "goal-reset-", f.culture_goal));

  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.welcome_goal), 4);
  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.follow_up_goal), 1);
  /* The counts stop at 999 and 0. */
  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.culture_goal), 5000);
  g_assert_cmpint (spin_value (dialog, f.culture_goal), ==, 999);
  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.culture_goal), -3);
  g_assert_cmpint (spin_value (dialog, f.culture_goal), ==, 0);

  /* Energy: one level at a time, per role; choosing it again clears it. */
  gtk_toggle_button_set_active (energy_button (dialog, f.welcome_id, 3), TRUE);
  gtk_toggle_button_set_active (energy_button (dialog, f.welcome_id, 2), TRUE);
  g_assert_cmpint (energy (dialog, f.welcome_id), ==, 2);
  g_assert_cmpint (energy (dialog, f.culture_id), ==, 0);
  gtk_toggle_button_set_active (energy_button (dialog, f.culture_id, 5), TRUE);
  g_assert_cmpint (energy (dialog, f.culture_id), ==, 5);
  gtk_toggle_button_set_active (energy_button (dialog, f.culture_id, 5), FALSE);
  g_assert_cmpint (energy (dialog, f.culture_id), ==, 0);
  g_assert_cmpint (energy (dialog, f.welcome_id), ==, 2);

  gtk_text_buffer_set_text (note (dialog, f.welcome_id), "  A long week & <many> newcomers\n",
                            -1);
  gtk_text_buffer_set_text (note (dialog, f.culture_id), "   ", -1);

  save (dialog, f.ada_id);

  /* One check-in per role for the week, in one write. */
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin WHERE iso_week = '" WEEK "'", NULL, "2");
  hearth_ui_test_assert_query_or_null (store, "SELECT energy FROM checkin WHERE assignment_id = ?1", f.welcome_id, "2");
  hearth_ui_test_assert_query_or_null (store, "SELECT note FROM checkin WHERE assignment_id = ?1", f.welcome_id,
                "A long week & <many> newcomers");
  hearth_ui_test_assert_query_or_null (store, "SELECT energy FROM checkin WHERE assignment_id = ?1", f.culture_id, NULL);
  hearth_ui_test_assert_query_or_null (store, "SELECT note FROM checkin WHERE assignment_id = ?1", f.culture_id, NULL);
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin WHERE assignment_id = ?1", f.ended_id, "0");
  hearth_ui_test_assert_query_or_null (store, "SELECT achieved FROM checkin_goal WHERE goal_id = ?1", f.welcome_goal,
                "4");
  hearth_ui_test_assert_query_or_null (store, "SELECT achieved FROM checkin_goal WHERE goal_id = ?1", f.follow_up_goal,
                "1");
  hearth_ui_test_assert_query_or_null (store, "SELECT achieved FROM checkin_goal WHERE goal_id = ?1", f.culture_goal,
                "0");
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin_goal", NULL, "3");

  /* Opening again shows what was saved, and says so. */
  dialog = open_dialog (window, store, program, f.ada_id, WEEK);
  g_assert_cmpstr (label_text (dialog, "status_label"), ==, "Updating the check-in of Week 47");
  g_assert_cmpint (spin_value (dialog, f.welcome_goal), ==, 4);
  g_assert_cmpint (spin_value (dialog, f.follow_up_goal), ==, 1);
  g_assert_cmpint (spin_value (dialog, f.culture_goal), ==, 0);
  /* The saved count differs from the measured one: it can be reset. */
  g_assert_true (gtk_widget_get_visible (control (dialog, "goal-reset-", f.welcome_goal)));
  g_assert_cmpint (energy (dialog, f.welcome_id), ==, 2);
  g_assert_cmpint (energy (dialog, f.culture_id), ==, 0);
  text = note_text (dialog, f.welcome_id);
  g_assert_cmpstr (text, ==, "A long week & <many> newcomers");
  g_free (text);
  text = note_text (dialog, f.culture_id);
  g_assert_cmpstr (text, ==, "");

  /* The week before: nothing saved, so that week's measurement (11 welcomes). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.previous-week", NULL));
  g_assert_cmpstr (label_text (dialog, "week_label"), ==, "Week 46 · 9–15 Nov");
  g_assert_cmpstr (label_text (dialog, "status_label"), ==, "No check-in yet for this week");
  g_assert_cmpint (spin_value (dialog, f.welcome_goal), ==, 11);
  g_assert_cmpint (energy (dialog, f.welcome_id), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "next_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.next-week", NULL));
  g_assert_cmpstr (label_text (dialog, "week_label"), ==, "Week 47 · 16–22 Nov");
  g_assert_cmpint (spin_value (dialog, f.welcome_goal), ==, 4);
  g_assert_false (gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "next_button")));

  /* Saving again updates the same rows. */
  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.culture_goal), 2);
  gtk_toggle_button_set_active (energy_button (dialog, f.culture_id, 4), TRUE);
  gtk_toggle_button_set_active (energy_button (dialog, f.welcome_id, 2), FALSE);
  gtk_text_buffer_set_text (note (dialog, f.culture_id), "Thanked three helpers", -1);
  save (dialog, f.ada_id);

  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin", NULL, "2");
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin WHERE assignment_id = ?1", f.welcome_id,
                "1");
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin WHERE assignment_id = ?1", f.culture_id,
                "1");
  hearth_ui_test_assert_query_or_null (store, "SELECT energy FROM checkin WHERE assignment_id = ?1", f.welcome_id, NULL);
  hearth_ui_test_assert_query_or_null (store, "SELECT energy FROM checkin WHERE assignment_id = ?1", f.culture_id, "4");
  hearth_ui_test_assert_query_or_null (store, "SELECT note FROM checkin WHERE assignment_id = ?1", f.culture_id,
                "Thanked three helpers");
  hearth_ui_test_assert_query_or_null (store, "SELECT achieved FROM checkin_goal WHERE goal_id = ?1", f.culture_goal,
                "2");
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin_goal", NULL, "3");

  /* Escape cancels: nothing written. */
  dialog = open_dialog (window, store, program, f.ada_id, NULL);
  gtk_spin_button_set_value (control (dialog, "goal-spin-", f.culture_goal), 7);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_assert_query_or_null (store, "SELECT achieved FROM checkin_goal WHERE goal_id = ?1", f.culture_goal,
                "2");

  /* A member without roles: nothing to fill in, nothing to save. */
  dialog = open_dialog (window, store, program, f.grace_id, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "stack")), ==, "empty");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_cmpuint (count_named (GTK_WIDGET (dialog), "checkin-group-"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL);
  settle_frames (50);
  hearth_ui_test_assert_query_or_null (store, "SELECT count(*) FROM checkin", NULL, "2");
  save_screenshot (dialog, "checkin-no-roles.png");
  gtk_window_destroy (dialog);

  /* Screenshots: dark, and 360 px wide (it scrolls). */
  if (g_getenv ("HEARTH_SCREENSHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      dialog = open_dialog (window, store, program, f.ada_id, NULL);
      save_screenshot (dialog, "checkin-updating-light.png");
      gtk_window_destroy (dialog);

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      dialog = open_dialog (window, store, program, f.ada_id, NULL);
      save_screenshot (dialog, "checkin-dark.png");
      gtk_window_destroy (dialog);
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

      dialog = open_dialog (window, store, program, f.ada_id, NULL);
      gtk_window_set_default_size (dialog, 360, 640);
      settle_frames (300);
      save_screenshot (dialog, "checkin-narrow.png");
      gtk_window_destroy (dialog);
    }
}

static void
test_recording (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = hearth_store_open (path, &error);
  GtkWindow *parent;

  g_assert_no_error (error);

  /* A plain parent: the dialog only needs something to be transient for (a HearthWindow also
   * gets the "saved" toast). */
  parent = GTK_WINDOW (adw_window_new ());
  gtk_window_present (parent);

  check_recording (store, parent);

  /* Let every job and its callback finish before the store closes. */
  hearth_ui_test_wait_for (hearth_store_get_pending (store) == 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_destroy (parent);
  hearth_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  /* The reference day: the dialog opens on its week. */
  g_setenv ("HEARTH_TODAY", TODAY, TRUE);

  hearth_ui_test_init (&argc, &argv);
  adw_init ();
  /* Hearth's own icons, as HearthApplication's resource base path provides them. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/hearthapp/Hearth/icons");

  g_test_add_func ("/ui/checkin-dialog/recording", test_recording);

  return g_test_run ();
}
