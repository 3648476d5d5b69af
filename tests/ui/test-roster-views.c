/* test-roster-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two lists of the Ambassadors & Roles page, fed a roster built by hand (no database):
 * the Ambassadors view (rows, search, the selection across reloads, Check In…) and the Week
 * view ("No check-in", goal completion, the summary, moving between weeks).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hearth-ambassadors-view.h"
#include "hearth-week-view.h"
#include "hearth-ui-test.h"

/* A roster by hand, owned the way hearth-roster.c owns it: roles own their goals and current
 * slots, the roster owns roles, ambassadors and checks; ambassadors borrow slots and checks. */

static void
goal_free (gpointer data)
{
  HearthRosterGoal *goal = data;

  g_free (goal->id);
  g_free (goal->label);
  g_free (goal->metric);
  g_free (goal);
}

static void
slot_free (gpointer data)
{
  HearthRosterSlot *slot = data;

  g_free (slot->id);
  g_free (slot->member_id);
  g_free (slot->member_name);
  g_free (slot->role_id);
  g_free (slot->role_name);
  g_free (slot->starts_on);
  g_free (slot->ends_on);
  g_free (slot->ended_on);
  g_free (slot->scope);
  g_free (slot->achieved);
  g_free (slot);
}

static void
role_free (gpointer data)
{
  HearthRosterRole *role = data;

  g_free (role->id);
  g_free (role->name);
  g_clear_pointer (&role->goals, g_ptr_array_unref);
  g_clear_pointer (&role->current, g_ptr_array_unref);
  g_clear_pointer (&role->history, g_ptr_array_unref);
  g_clear_pointer (&role->warnings, g_ptr_array_unref);
  g_free (role);
}

static void
ambassador_free (gpointer data)
{
  HearthRosterAmbassador *ambassador = data;

  g_free (ambassador->member_id);
  g_free (ambassador->display_name);
  g_free (ambassador->status);
  g_clear_pointer (&ambassador->slots, g_ptr_array_unref);
  g_free (ambassador->last_checkin);
  g_clear_pointer (&ambassador->warnings, g_ptr_array_unref);
  g_free (ambassador);
}

static HearthRoster *
roster_new (const char *iso_week,
            const char *current_week)
{
  HearthRoster *roster = g_new0 (HearthRoster, 1);

  roster->program_id = g_strdup ("p1");
  roster->reference_day = g_strdup ("2026-11-20");
  roster->iso_week = g_strdup (iso_week);
  roster->current_week = g_strdup (current_week);
  roster->hours_limit = 10;
  roster->roles = g_ptr_array_new_with_free_func (role_free);
  roster->ambassadors = g_ptr_array_new_with_free_func (ambassador_free);
  roster->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_health_check_free);

  return roster;
}

static HearthRosterRole *
add_role (HearthRoster *roster,
          const char   *id,
          const char   *name,
          const char   *goal_label,
          gint64        target)
{
  HearthRosterRole *role = g_new0 (HearthRosterRole, 1);

  role->id = g_strdup (id);
  role->name = g_strdup (name);
  role->capacity = -1;
  role->term_weeks = -1;
  role->goals = g_ptr_array_new_with_free_func (goal_free);
  role->current = g_ptr_array_new_with_free_func (slot_free);
  role->history = g_ptr_array_new_with_free_func (slot_free);
  role->warnings = g_ptr_array_new ();
  if (goal_label != NULL)
    {
      HearthRosterGoal *goal = g_new0 (HearthRosterGoal, 1);

      goal->id = g_strdup_printf ("%s-goal", id);
      goal->label = g_strdup (goal_label);
      goal->target_per_week = target;
      g_ptr_array_add (role->goals, goal);
    }
  g_ptr_array_add (roster->roles, role);

  return role;
}

static HearthRosterAmbassador *
add_ambassador (HearthRoster *roster,
                const char   *member_id,
                const char   *name,
                double        hours,
                const char   *last_checkin)
{
  HearthRosterAmbassador *ambassador = g_new0 (HearthRosterAmbassador, 1);

  ambassador->member_id = g_strdup (member_id);
  ambassador->display_name = g_strdup (name);
  ambassador->status = g_strdup ("ambassador");
  ambassador->slots = g_ptr_array_new ();
  ambassador->warnings = g_ptr_array_new ();
  ambassador->hours_per_week = hours;
  ambassador->last_checkin = g_strdup (last_checkin);
  for (guint i = 0; i < HEARTH_ROSTER_ENERGY_WEEKS; i++)
    ambassador->energy[i] = i % 3 == 0 ? 0 : 4 - i / 4;
  g_ptr_array_add (roster->ambassadors, ambassador);

  return ambassador;
}

/* @achieved -1: no count for the role's goal. */
static HearthRosterSlot *
assign (HearthRosterAmbassador *ambassador,
        HearthRosterRole       *role,
        gboolean                checked_in,
        gint64                  achieved)
{
  HearthRosterSlot *slot = g_new0 (HearthRosterSlot, 1);

  slot->id = g_strdup_printf ("%s-%s", ambassador->member_id, role->id);
  slot->member_id = g_strdup (ambassador->member_id);
  slot->member_name = g_strdup (ambassador->display_name);
  slot->role_id = g_strdup (role->id);
  slot->role_name = g_strdup (role->name);
  slot->starts_on = g_strdup ("2026-01-05");
  slot->hours_per_week = ambassador->hours_per_week;
  slot->active = TRUE;
  slot->checked_in = checked_in;
  slot->energy = checked_in ? 3 : 0;
  slot->completion = -1;
  if (role->goals->len > 0)
    {
      const HearthRosterGoal *goal = g_ptr_array_index (role->goals, 0);

      slot->n_achieved = 1;
      slot->achieved = g_new (gint64, 1);
      slot->achieved[0] = achieved;
      if (achieved >= 0)
        slot->completion = MIN (1.0, (double) achieved / goal->target_per_week);
    }
  g_ptr_array_add (role->current, slot);
  g_ptr_array_add (ambassador->slots, slot);
  role->n_active++;

  return slot;
}

static void
add_warning (HearthRoster           *roster,
             HearthRosterAmbassador *ambassador,
             const char             *sentence)
{
  HearthHealthCheck *check = hearth_health_check_new ("overload", HEARTH_SEVERITY_WARNING, "roles");

  check->sentence = g_strdup (sentence);
  check->subjects = g_new0 (char *, 2);
  check->subjects[0] = g_strdup (ambassador->member_id);
  g_ptr_array_add (roster->checks, check);
  g_ptr_array_add (ambassador->warnings, check);
}

/* Five ambassadors in two roles; Bob has no check-in this week, Zoë is overloaded. With
 * @with_dana FALSE, Dana has left. */
static HearthRoster *
sample_roster (const char *iso_week,
               const char *current_week,
               gboolean    with_dana)
{
  HearthRoster *roster = roster_new (iso_week, current_week);
  HearthRosterRole *welcome = add_role (roster, "r1", "Welcome team", "Welcome newcomers", 3);
  HearthRosterRole *culture = add_role (roster, "r2", "Culture keeper", NULL, 0);
  HearthRosterAmbassador *ada = add_ambassador (roster, "m1", "Ada Lovelace", 4, "2026-W47");
  HearthRosterAmbassador *bob = add_ambassador (roster, "m2", "Bob Stone", 2.5, "2026-W40");
  HearthRosterAmbassador *emile = add_ambassador (roster, "m3", "Émile Durand", 6, NULL);
  HearthRosterAmbassador *zoe = add_ambassador (roster, "m5", "Zoë Quinn", 12, "2026-W47");

  assign (ada, welcome, TRUE, 2);
  assign (bob, welcome, FALSE, -1);
  assign (emile, culture, FALSE, -1);
  assign (zoe, welcome, TRUE, 3);
  assign (zoe, culture, TRUE, -1);
  add_warning (roster, zoe, "Zoë Quinn works 12 hours a week, more than 10.");
  if (with_dana)
    {
      HearthRosterAmbassador *dana = add_ambassador (roster, "m4", "Dana Ortiz", 3, "2026-W46");

      assign (dana, culture, TRUE, -1);
    }

  return roster;
}

/* Widgets */

static gboolean
is_mapped_label (GtkWidget  *widget,
                 const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_mapped_button (GtkWidget  *widget,
                  const char *label)
{
  /* By its label, or by its tooltip for an icon button. */
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
          g_strcmp0 (gtk_widget_get_tooltip_text (widget), label) == 0);
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* The row of the week view that shows @name: the name label sits in a box in the row's top
 * line. */
static GtkWidget *
week_row (GtkWidget  *view,
          const char *name)
{
  GtkWidget *label = hearth_ui_test_find_widget (view, is_mapped_label, name);

  g_assert_nonnull (label);

  return gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (label)));
}

static void
record_string_cb (gpointer    emitter,
                  const char *value,
                  char      **out)
{
  g_free (*out);
  *out = g_strdup (value);
}

static void
record_two_strings_cb (gpointer    emitter,
                       const char *first,
                       const char *second,
                       char      **out)
{
  g_free (out[0]);
  g_free (out[1]);
  out[0] = g_strdup (first);
  out[1] = g_strdup (second);
}

/* Ambassadors view */

static void
test_ambassadors_rows_and_search (void)
{
  HearthAmbassadorsView *view = g_object_new (HEARTH_TYPE_AMBASSADORS_VIEW, NULL);
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 1200);
  g_autoptr(HearthRoster) roster = sample_roster ("2026-W47", "2026-W47", TRUE);
  g_autoptr(HearthRoster) empty = roster_new ("2026-W47", "2026-W47");
  GtkColumnView *column_view;
  GListModel *model;

  /* No ambassadors: the empty state says what to do. */
  hearth_ambassadors_view_set_roster (view, empty);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                        "No Ambassadors Yet") != NULL);

  hearth_ambassadors_view_set_roster (view, roster);
  /* The view copied what it shows. */
  g_clear_pointer (&roster, hearth_roster_free);

  column_view = GTK_COLUMN_VIEW (hearth_ui_test_find_widget (GTK_WIDGET (view), hearth_ui_test_is_type, "GtkColumnView"));
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  /* The rows show names, roles, hours, the last check-in readably, and the warning. */
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "Ada Lovelace") != NULL);
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "Welcome team, Culture keeper"));
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "2.5 h"));
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "Week 47, 2026"));
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "No check-in"));
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                 "Zoë Quinn works 12 hours a week, more than 10."));

  /* Search: a name without its accent and in capitals, a role, a warning's words. */
  hearth_ambassadors_view_set_search (view, "EMILE");
  g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  hearth_ambassadors_view_set_search (view, "culture");
  g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 3);
  hearth_ambassadors_view_set_search (view, "12 hours");
  g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 1);
  hearth_ambassadors_view_set_search (view, "nobody at all");
  g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 0);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                        "No Matching Ambassadors") != NULL);
  hearth_ambassadors_view_set_search (view, "");
  g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 5);

  /* Sorting by hours, most first. */
  {
    GListModel *columns = gtk_column_view_get_columns (column_view);
    g_autoptr(GtkColumnViewColumn) hours = g_list_model_get_item (columns, 2);

    gtk_column_view_sort_by_column (column_view, hours, GTK_SORT_DESCENDING);
    hearth_ambassadors_view_select (view, "m5");
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_ambassadors_selection_and_check_in (void)
{
  HearthAmbassadorsView *view = g_object_new (HEARTH_TYPE_AMBASSADORS_VIEW, NULL);
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 1200);
  g_autoptr(HearthRoster) first = sample_roster ("2026-W47", "2026-W47", TRUE);
  g_autoptr(HearthRoster) second = sample_roster ("2026-W47", "2026-W47", TRUE);
  g_autoptr(HearthRoster) third = sample_roster ("2026-W47", "2026-W47", FALSE);
  g_autofree char *checked_in = NULL;
  GtkWidget *button;

  g_signal_connect (view, "check-in", G_CALLBACK (record_string_cb), &checked_in);

  hearth_ambassadors_view_set_roster (view, first);
  g_assert_null (hearth_ambassadors_view_get_selected (view));
  g_assert_true (hearth_ambassadors_view_select (view, "m4"));
  g_assert_cmpstr (hearth_ambassadors_view_get_selected (view), ==, "m4");

  /* A reload keeps the selection while the member is still there… */
  hearth_ambassadors_view_set_roster (view, second);
  g_assert_cmpstr (hearth_ambassadors_view_get_selected (view), ==, "m4");

  /* Ctrl+Return on the selected row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "ambassadors.check-in", NULL));
  g_assert_cmpstr (checked_in, ==, "m4");

  /* …and drops it when they are gone. */
  hearth_ambassadors_view_set_roster (view, third);
  g_assert_null (hearth_ambassadors_view_get_selected (view));

  /* The row's own button: the first row by name is Ada. */
  g_clear_pointer (&checked_in, g_free);
  hearth_ui_test_wait_for ((button = hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_button,
                                                  "Check In…")) != NULL);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (checked_in, ==, "m1");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A thousand ambassadors: a reload shows the one change and keeps where the list was
 * scrolled to. */
static void
test_ambassadors_many (void)
{
  HearthAmbassadorsView *view = g_object_new (HEARTH_TYPE_AMBASSADORS_VIEW, NULL);
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 1200);
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  gint64 start;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(HearthRoster) roster = roster_new ("2026-W47", "2026-W47");
      HearthRosterRole *role = add_role (roster, "r1", "Welcome team", "Welcome newcomers", 3);

      for (guint i = 0; i < 1000; i++)
        {
          g_autofree char *id = g_strdup_printf ("m%04u", i);
          g_autofree char *name = g_strdup_printf ("Member %04u", i);

          /* The reload brings one change: Member 0200 checked in. */
          const char *last = round == 1 && i == 200 ? "2026-W47" : "2026-W46";

          assign (add_ambassador (roster, id, name, i % 9, last), role, i % 2, i % 4);
        }

      start = g_get_monotonic_time ();
      hearth_ambassadors_view_set_roster (view, roster);
      g_test_message ("set_roster with 1000 ambassadors: %.1f ms",
                      (g_get_monotonic_time () - start) / 1000.0);
      g_assert_cmpuint (hearth_ambassadors_view_get_n_shown (view), ==, 1000);

      scrolled = GTK_SCROLLED_WINDOW (hearth_ui_test_find_widget (GTK_WIDGET (view), hearth_ui_test_is_type, "GtkScrolledWindow"));
      adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
      if (round == 0)
        {
          hearth_ui_test_wait_for (gtk_adjustment_get_upper (adjustment) > 10000);
          gtk_adjustment_set_value (adjustment, 8000);
          hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                                "Member 0200") != NULL);
        }
    }

  /* Let the reloaded list lay itself out: it is still around the same rows. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), 8000, 200);
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "Member 0200"));
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                        "Week 47, 2026") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Week view */

static void
test_week_rows (void)
{
  HearthWeekView *view = g_object_new (HEARTH_TYPE_WEEK_VIEW, NULL);
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 800);
  g_autoptr(HearthRoster) roster = sample_roster ("2026-W47", "2026-W47", TRUE);
  g_auto(GStrv) checked_in = g_new0 (char *, 3);
  GtkWidget *row, *button;

  g_signal_connect (view, "check-in", G_CALLBACK (record_two_strings_cb), checked_in);

  hearth_week_view_set_roster (view, roster);
  g_clear_pointer (&roster, hearth_roster_free);

  /* Every active assignment: Zoë twice. */
  g_assert_cmpuint (hearth_week_view_get_n_shown (view), ==, 6);
  g_assert_cmpstr (hearth_week_view_get_week (view), ==, "2026-W47");
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                 "Week 47 · 16–22 November 2026"));
  /* Ada 2 of 3, Zoë 3 of 3: the others have no count. */
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                 "4 of 6 checked in · average completion 83 %"));

  /* Bob has no check-in: it says so, without a bar. */
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label, "Bob Stone") != NULL);
  row = week_row (GTK_WIDGET (view), "Bob Stone");
  g_assert_nonnull (hearth_ui_test_find_widget (row, is_mapped_label, "No check-in"));
  g_assert_nonnull (hearth_ui_test_find_widget (row, is_mapped_label, "Welcome newcomers: — of 3"));
  g_assert_false (gtk_widget_get_mapped (hearth_ui_test_find_widget (row, hearth_ui_test_is_type, "GtkLevelBar")));

  /* Ada checked in: her completion, and no "No check-in". */
  row = week_row (GTK_WIDGET (view), "Ada Lovelace");
  g_assert_null (hearth_ui_test_find_widget (row, is_mapped_label, "No check-in"));
  g_assert_nonnull (hearth_ui_test_find_widget (row, is_mapped_label, "Welcome newcomers: 2 of 3"));
  g_assert_nonnull (hearth_ui_test_find_widget (row, is_mapped_label, "67 %"));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (hearth_ui_test_find_widget (row, hearth_ui_test_is_type,
                                                                                          "GtkLevelBar"))),
                                  2.0 / 3, 0.001);

  /* A role without goals says so. */
  row = week_row (GTK_WIDGET (view), "Émile Durand");
  g_assert_nonnull (hearth_ui_test_find_widget (row, is_mapped_label, "No goals"));

  /* Check In… carries the member and the week. */
  row = week_row (GTK_WIDGET (view), "Bob Stone");
  button = hearth_ui_test_find_widget (row, is_mapped_button, "_Check In…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (checked_in[0], ==, "m2");
  g_assert_cmpstr (checked_in[1], ==, "2026-W47");

  /* Search by role. */
  hearth_week_view_set_search (view, "CULTURE");
  g_assert_cmpuint (hearth_week_view_get_n_shown (view), ==, 3);
  hearth_week_view_set_search (view, "emile");
  g_assert_cmpuint (hearth_week_view_get_n_shown (view), ==, 1);
  hearth_week_view_set_search (view, NULL);
  g_assert_cmpuint (hearth_week_view_get_n_shown (view), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_week_navigation (void)
{
  HearthWeekView *view = g_object_new (HEARTH_TYPE_WEEK_VIEW, NULL);
  GtkWidget *window = show_in_window (GTK_WIDGET (view), 800);
  g_autoptr(HearthRoster) new_year = sample_roster ("2026-W01", "2026-W01", TRUE);
  g_autoptr(HearthRoster) autumn = sample_roster ("2025-W40", "2026-W01", TRUE);
  g_autofree char *requested = NULL;

  g_signal_connect (view, "week-requested", G_CALLBACK (record_string_cb), &requested);

  /* Across the year boundary, with the days of both years in the title. */
  hearth_week_view_set_roster (view, new_year);
  g_assert_nonnull (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                 "Week 1 · 29 December 2025 – 4 January 2026"));
  gtk_widget_activate_action (GTK_WIDGET (view), "week.previous", NULL);
  g_assert_cmpstr (requested, ==, "2025-W52");

  /* No week after the current one, and this week is already shown. */
  g_clear_pointer (&requested, g_free);
  gtk_widget_activate_action (GTK_WIDGET (view), "week.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "week.this-week", NULL);
  g_assert_null (requested);

  /* An earlier week: forward one, or back to this week. */
  hearth_week_view_set_roster (view, autumn);
  gtk_widget_activate_action (GTK_WIDGET (view), "week.next", NULL);
  g_assert_cmpstr (requested, ==, "2025-W41");
  gtk_widget_activate_action (GTK_WIDGET (view), "week.this-week", NULL);
  g_assert_cmpstr (requested, ==, "2026-W01");

  /* A week within one month, and one across two. */
  {
    g_autofree char *within = hearth_week_view_format_title ("2026-W47");
    g_autofree char *across = hearth_week_view_format_title ("2026-W49");

    g_assert_cmpstr (within, ==, "Week 47 · 16–22 November 2026");
    g_assert_cmpstr (across, ==, "Week 49 · 30 November – 6 December 2026");
  }

  /* No roster: nothing to show and nowhere to go. */
  hearth_week_view_set_roster (view, NULL);
  g_assert_cmpuint (hearth_week_view_get_n_shown (view), ==, 0);
  hearth_ui_test_wait_for (hearth_ui_test_find_widget (GTK_WIDGET (view), is_mapped_label,
                                        "No Active Assignments") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/roster-views/ambassadors/rows-and-search", test_ambassadors_rows_and_search);
  g_test_add_func ("/roster-views/ambassadors/selection-and-check-in",
                   test_ambassadors_selection_and_check_in);
  g_test_add_func ("/roster-views/ambassadors/many", test_ambassadors_many);
  g_test_add_func ("/roster-views/week/rows", test_week_rows);
  g_test_add_func ("/roster-views/week/navigation", test_week_navigation);

  return g_test_run ();
}
