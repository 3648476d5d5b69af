/* hearth-checkin-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The weekly check-in of one ambassador (DESIGN §1, "light structure"). Each role the member
 * held in the week (an assignment that had started by its Sunday and not ended before its
 * Monday) gets a group: a count per goal, prefilled from hearth_checkin_prefill() (the saved
 * count, else the activity measured for goals with a metric), an energy level from 1 to 5
 * (five toggle buttons, none = not given) and a note. The prefill is a few quick queries per
 * assignment, read on the store's reader when the dialog opens or switches weeks. Save writes
 * every role in one store job, so a check-in is never half written. Energy and note are
 * personal (DESIGN §8): they are never logged.
 *
 * The controls are built per role, so they carry widget names for tests and tools:
 * "checkin-group-<assignment id>", "goal-spin-<goal id>", "goal-reset-<goal id>",
 * "energy-<assignment id>-<1…5>" and "note-<assignment id>".
 */

#define G_LOG_DOMAIN "hearth-checkin-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "hearth-checkin-dialog.h"
#include "hearth-assignment.h"
#include "hearth-checkin.h"
#include "hearth-editor-util.h"
#include "hearth-member.h"
#include "hearth-role.h"
#include "hearth-util.h"
#include "hearth-window.h"

#define N_ENERGY_LEVELS (HEARTH_CHECKIN_ENERGY_MAX - HEARTH_CHECKIN_ENERGY_MIN + 1)
#define MAX_COUNT 999

/* One role (assignment) of the form. Its widgets belong to the page; they are borrowed here
 * and go with the group when the form is rebuilt. */
typedef struct
{
  char                *assignment_id;
  char                *role_name;
  GArray              *prefills;     /* HearthCheckinPrefill, one per goal */
  GPtrArray           *spins;        /* GtkSpinButton, parallel to @prefills */
  AdwPreferencesGroup *group;
  GtkLabel            *energy_label;  /* the level chosen, in words */
  GtkToggleButton     *energy[N_ENERGY_LEVELS];
  GtkTextView         *note_view;
  gboolean             exists;       /* the week already has a check-in for it */
} Section;

struct _HearthCheckinDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwStatusPage       *empty_page;
  AdwPreferencesPage  *form_page;
  GtkWidget           *next_button;
  GtkWidget           *previous_button;
  GtkWidget           *save_button;
  GtkStack            *stack;
  GtkLabel            *status_label;
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkLabel            *week_label;

  /* Owned */
  HearthStore         *store;
  GCancellable        *cancellable;
  GPtrArray           *sections;     /* Section */
  char                *member_id;
  char                *member_name;
  char                *iso_week;
  char                 reference_week[9];
  guint                busy : 1;
  guint                syncing_energy : 1;
};

G_DEFINE_FINAL_TYPE (HearthCheckinDialog, hearth_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The energy levels, 1 to 5: a tooltip and the accessible name of each button. */
static const struct
{
  const char *tooltip;
  const char *accessible;
} energy_levels[N_ENERGY_LEVELS] = {
  /* Translators: energy levels of a weekly check-in, from 1 to 5 */
  { N_("Exhausted"), N_("Energy 1 of 5: exhausted") },
  { N_("Tired"), N_("Energy 2 of 5: tired") },
  { N_("Okay"), N_("Energy 3 of 5: okay") },
  { N_("Good"), N_("Energy 4 of 5: good") },
  { N_("Energized"), N_("Energy 5 of 5: energized") },
};

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->assignment_id);
  g_free (section->role_name);
  g_clear_pointer (&section->prefills, g_array_unref);
  g_clear_pointer (&section->spins, g_ptr_array_unref);
  g_free (section);
}

/* "Week 47", with the year when it isn't the reference day's. */
static char *
format_week_number (const char *iso_week,
                    const char *reference_week)
{
  guint year = atoi (iso_week);
  guint week = atoi (iso_week + 6);

  if (strncmp (iso_week, reference_week, 4) == 0)
    /* Translators: an ISO week number, as in "Week 47" */
    return g_strdup_printf (_("Week %u"), week);

  /* Translators: an ISO week number and its year, as in "Week 52, 2025" */
  return g_strdup_printf (_("Week %u, %u"), week, year);
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_utc (g_date_get_year (date),
                                                       g_date_get_month (date),
                                                       g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (datetime, format);
}

/* "16–22 Nov", or "30 Nov – 6 Dec" across two months. */
static char *
format_week_days (const char *iso_week)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate monday, sunday;

  g_date_clear (&monday, 1);
  g_date_clear (&sunday, 1);
  if (!hearth_iso_week_bounds (iso_week, &monday, &sunday))
    return g_strdup ("");

  /* Translators: a day and its abbreviated month, as in "22 Nov" (g_date_time_format()) */
  last = format_day (&sunday, _("%-d %b"));

  if (g_date_get_month (&monday) == g_date_get_month (&sunday))
    {
      /* Translators: the first day of a week that ends in the same month, as in "16" of
       * "16–22 Nov" (g_date_time_format()) */
      /* xgettext:no-c-format */
      first = format_day (&monday, C_("first day of week", "%-d"));
      /* Translators: the days of a week within one month, as in "16–22 Nov" */
      return g_strdup_printf (_("%s–%s"), first, last);
    }

  first = format_day (&monday, _("%-d %b"));
  /* Translators: the days of a week across two months, as in "30 Nov – 6 Dec" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static void
update_actions (HearthCheckinDialog *self)
{
  gboolean has_roles = self->sections->len > 0;

  gtk_widget_set_sensitive (self->save_button, has_roles && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.save", has_roles && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.previous-week", !self->busy);
  /* No check-ins for weeks that haven't come yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.next-week",
                                 !self->busy &&
                                 g_strcmp0 (self->iso_week, self->reference_week) < 0);
}

static int
section_get_energy (Section *section)
{
  for (guint i = 0; i < N_ENERGY_LEVELS; i++)
    if (gtk_toggle_button_get_active (section->energy[i]))
      return HEARTH_CHECKIN_ENERGY_MIN + i;

  return 0;
}

static void
update_energy_row (Section *section)
{
  int energy = section_get_energy (section);

  if (energy == 0)
    gtk_label_set_text (section->energy_label, _("Not given"));
  else
    gtk_label_set_text (section->energy_label,
                        gettext (energy_levels[energy - HEARTH_CHECKIN_ENERGY_MIN].tooltip));
}

/* The buttons act like radio buttons, except that pressing the chosen one again clears it:
 * "not given" must stay reachable. */
static void
energy_toggled_cb (GtkToggleButton     *button,
                   HearthCheckinDialog *self)
{
  if (self->syncing_energy)
    return;

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);

      for (guint i = 0; i < N_ENERGY_LEVELS; i++)
        if (section->energy[i] == button)
          {
            self->syncing_energy = TRUE;
            if (gtk_toggle_button_get_active (button))
              for (guint j = 0; j < N_ENERGY_LEVELS; j++)
                if (j != i)
                  gtk_toggle_button_set_active (section->energy[j], FALSE);
            self->syncing_energy = FALSE;
            update_energy_row (section);
            return;
          }
    }
}

static void
goal_value_changed_cb (GtkSpinButton *spin,
                       GtkWidget     *reset_button)
{
  const gint64 *measured = g_object_get_data (G_OBJECT (reset_button), "measured");

  gtk_widget_set_visible (reset_button,
                          gtk_spin_button_get_value_as_int (spin) != *measured);
}

static void
reset_clicked_cb (GtkButton     *button,
                  GtkSpinButton *spin)
{
  const gint64 *measured = g_object_get_data (G_OBJECT (button), "measured");

  gtk_spin_button_set_value (spin, *measured);
  gtk_widget_grab_focus (GTK_WIDGET (spin));
}

static GtkWidget *
create_goal_row (HearthCheckinDialog        *self,
                 Section                    *section,
                 const HearthCheckinPrefill *prefill)
{
  g_autofree char *target = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row;
  GtkWidget *spin;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), prefill->label);

  /* Translators: a weekly goal's target, as in "Target 3 per week" */
  target = g_strdup_printf (_("Target %d per week"), (int)prefill->target_per_week);
  if (prefill->metric != NULL)
    /* Translators: a goal's target, then its count from imported activity, as in
     * "Target 3 per week · measured from activity: 2" */
    subtitle = g_strdup_printf (_("%s · measured from activity: %d"), target,
                                (int)prefill->measured);
  else
    /* Translators: a goal's target, for a goal without a metric, as in
     * "Target 1 per week · counted by hand" */
    subtitle = g_strdup_printf (_("%s · counted by hand"), target);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  spin = gtk_spin_button_new_with_range (0, MAX_COUNT, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), CLAMP (prefill->achieved, 0, MAX_COUNT));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  name = g_strdup_printf ("goal-spin-%s", prefill->goal_id);
  gtk_widget_set_name (spin, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, prefill->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  if (prefill->metric != NULL && prefill->measured >= 0)
    {
      g_autofree char *reset_name = g_strdup_printf ("goal-reset-%s", prefill->goal_id);
      g_autofree char *tooltip = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      /* Translators: a button's tooltip next to a goal's count */
      tooltip = g_strdup_printf (_("Reset to Measured Count (%d)"), (int)prefill->measured);
      /* Translators: the accessible name of the reset button of a goal, %s its label */
      accessible = g_strdup_printf (_("Reset “%s” to the measured count"), prefill->label);
      gtk_widget_set_name (reset, reset_name);
      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (reset, tooltip);
      gtk_widget_add_css_class (reset, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (reset),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (reset), "measured",
                              g_memdup2 (&prefill->measured, sizeof (gint64)), g_free);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (goal_value_changed_cb),
                               reset, 0);
      g_signal_connect_object (reset, "clicked", G_CALLBACK (reset_clicked_cb), spin, 0);
      goal_value_changed_cb (GTK_SPIN_BUTTON (spin), reset);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_ptr_array_add (section->spins, spin);

  return row;
}

/* The question above a row of five buttons as wide as the row: beside the question, as an
 * action row's suffix, they would squeeze it to a word per line at 360 px. */
static GtkWidget *
create_energy_row (HearthCheckinDialog *self,
                   Section             *section,
                   int                  energy)
{
  /* A preferences row, so the group puts it in its boxed list (it shows no title itself). */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (_("How are you holding up?"));
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title");
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_wrap (GTK_LABEL (state), TRUE);
  gtk_widget_add_css_class (state, "subtitle");
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "caption");
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading), state);

  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (buttons),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Energy"), -1);

  for (guint i = 0; i < N_ENERGY_LEVELS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", HEARTH_CHECKIN_ENERGY_MIN + i);
      g_autofree char *name = g_strdup_printf ("energy-%s-%u", section->assignment_id,
                                               HEARTH_CHECKIN_ENERGY_MIN + i);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_name (button, name);
      gtk_widget_set_tooltip_text (button, gettext (energy_levels[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gettext (energy_levels[i].accessible), -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    energy == (int)(HEARTH_CHECKIN_ENERGY_MIN + i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (energy_toggled_cb), self, 0);
      section->energy[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (buttons), button);
    }

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("How are you holding up?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("How are you holding up?"),
                                  -1);
  section->energy_label = GTK_LABEL (state);
  update_energy_row (section);

  return row;
}

static GtkWidget *
create_note (Section    *section,
             const char *note)
{
  g_autofree char *name = g_strdup_printf ("note-%s", section->assignment_id);
  g_autofree char *accessible = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Note"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);

  gtk_widget_set_name (view, name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  if (note != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);
  /* Translators: the accessible name of a check-in's note, %s the role's name */
  accessible = g_strdup_printf (_("Note for %s"), section->role_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Personal: kept out of logs and redacted exports"),
                                  -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  section->note_view = GTK_TEXT_VIEW (view);

  return box;
}

/* The week's check-in of the assignment, if there is one: its energy (0 when not given) and
 * note. */
static gboolean
load_existing (HearthDatabase  *db,
               const char      *assignment_id,
               const char      *iso_week,
               gboolean        *exists,
               int             *energy,
               char           **note,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *exists = FALSE;
  *energy = 0;
  *note = NULL;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT energy, note FROM checkin "
                                        "WHERE assignment_id = ?1 AND iso_week = ?2 "
                                        "AND deleted_at IS NULL",
                                        error)))
    return FALSE;

  hearth_bind_text (stmt, 1, assignment_id);
  hearth_bind_text (stmt, 2, iso_week);

  rc = hearth_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *exists = TRUE;
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *energy = sqlite3_column_int (stmt, 0);
      *note = g_strdup (hearth_column_text (stmt, 1));
    }

  return rc != 0;
}

/* Whether the assignment ran during the week: started by its Sunday, not ended before its
 * Monday. Dates are ISO strings, so they compare as text. */
static gboolean
assignment_runs_in_week (HearthAssignment *assignment,
                         const char       *monday,
                         const char       *sunday)
{
  const char *starts_on = hearth_assignment_get_starts_on (assignment);
  const char *ended_on = hearth_assignment_get_ended_on (assignment);

  return (starts_on == NULL || g_strcmp0 (starts_on, sunday) <= 0) &&
         (ended_on == NULL || g_strcmp0 (ended_on, monday) >= 0);
}

static gint
compare_assignments (gconstpointer a,
                     gconstpointer b)
{
  HearthAssignment *first = *(HearthAssignment **)a;
  HearthAssignment *second = *(HearthAssignment **)b;

  /* The oldest role first: the order the member took them on. */
  return g_strcmp0 (hearth_assignment_get_starts_on (first),
                    hearth_assignment_get_starts_on (second));
}

static Section *
load_section (HearthCheckinDialog  *self,
              HearthDatabase       *db,
              HearthAssignment     *assignment,
              GError              **error)
{
  g_autoptr(HearthRole) role = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *note = NULL;
  Section *section;
  gboolean exists;
  int energy;

  /* A deleted role has no place in a check-in. */
  role = hearth_record_load_by_id (HEARTH_TYPE_ROLE, db,
                                   hearth_assignment_get_role_id (assignment), FALSE,
                                   &local_error);
  if (role == NULL)
    {
      if (g_error_matches (local_error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  section = g_new0 (Section, 1);
  section->assignment_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (assignment)));
  section->role_name = g_strdup (hearth_role_get_name (role));
  section->spins = g_ptr_array_new ();

  if (!hearth_checkin_prefill (db, section->assignment_id, self->iso_week, &section->prefills,
                               error) ||
      !load_existing (db, section->assignment_id, self->iso_week, &exists, &energy, &note,
                      error))
    {
      section_free (section);
      return NULL;
    }

  section->exists = exists;
  section->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  {
    g_autofree char *escaped = g_markup_escape_text (section->role_name, -1);
    g_autofree char *group_name = g_strdup_printf ("checkin-group-%s", section->assignment_id);

    /* Group titles are markup. */
    adw_preferences_group_set_title (section->group, escaped);
    gtk_widget_set_name (GTK_WIDGET (section->group), group_name);
  }

  if (section->prefills->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No weekly goals"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Goals can be added to the role on the Roles page"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (section->group, row);
    }

  for (guint i = 0; i < section->prefills->len; i++)
    adw_preferences_group_add (section->group,
                               create_goal_row (self, section,
                                                &g_array_index (section->prefills,
                                                                HearthCheckinPrefill, i)));

  adw_preferences_group_add (section->group, create_energy_row (self, section, energy));
  adw_preferences_group_add (section->group, create_note (section, note));

  return section;
}

static void
clear_sections (HearthCheckinDialog *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  /* Take the focus away before its widget goes: a count's text removed while it has the focus
   * never hears of losing it, and its cursor keeps blinking (GTK warns). */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_page)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      adw_preferences_page_remove (self->form_page, section->group);
    }
  g_ptr_array_set_size (self->sections, 0);
}

static void
show_load_error (HearthCheckinDialog *self,
                 const GError        *error)
{
  hearth_editor_toast_error (self->toast_overlay, _("Could not load the check-in"), error);
}

static void
update_labels (HearthCheckinDialog *self)
{
  g_autofree char *number = format_week_number (self->iso_week, self->reference_week);
  g_autofree char *days = format_week_days (self->iso_week);
  g_autofree char *week = NULL;
  g_autofree char *subtitle = NULL;
  gboolean updating = FALSE;

  /* Translators: a week's number and days, as in "Week 47 · 16–22 Nov" */
  week = g_strdup_printf (_("%s · %s"), number, days);
  /* Translators: the check-in dialog's subtitle: the member's name, then the week */
  subtitle = g_strdup_printf (_("%s · %s"), self->member_name, week);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_text (self->week_label, week);

  for (guint i = 0; i < self->sections->len; i++)
    updating |= ((Section *)g_ptr_array_index (self->sections, i))->exists;

  if (self->sections->len == 0)
    gtk_label_set_text (self->status_label, "");
  else if (updating)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a week, as in "Week 47" */
      text = g_strdup_printf (_("Updating the check-in of %s"), number);
      gtk_label_set_text (self->status_label, text);
    }
  else
    gtk_label_set_text (self->status_label, _("No check-in yet for this week"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), self->sections->len > 0);

  if (self->sections->len == 0)
    {
      g_autofree char *description = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: %s is a member's name */
      description = g_strdup_printf (_("%s has no active role in this week, so there is "
                                       "nothing to check in."), self->member_name);
      escaped = g_markup_escape_text (description, -1);
      adw_status_page_set_description (self->empty_page, escaped);
    }
}

/* Builds the form for self->iso_week from the reader: quick, a few queries per role. */
static void
load_week (HearthCheckinDialog *self)
{
  HearthDatabase *db = hearth_store_get_reader (self->store);
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *monday_text = NULL;
  g_autofree char *sunday_text = NULL;
  GDate monday, sunday;

  clear_sections (self);

  g_date_clear (&monday, 1);
  g_date_clear (&sunday, 1);
  hearth_iso_week_bounds (self->iso_week, &monday, &sunday);
  monday_text = hearth_date_to_string (&monday);
  sunday_text = hearth_date_to_string (&sunday);

  assignments = hearth_assignment_load_for_member (db, self->member_id, &error);
  if (assignments == NULL)
    show_load_error (self, error);
  else
    {
      g_ptr_array_sort (assignments, compare_assignments);

      for (guint i = 0; i < assignments->len; i++)
        {
          HearthAssignment *assignment = g_ptr_array_index (assignments, i);
          Section *section;

          if (!assignment_runs_in_week (assignment, monday_text, sunday_text))
            continue;

          section = load_section (self, db, assignment, &error);
          if (error != NULL)
            {
              show_load_error (self, error);
              break;
            }
          if (section == NULL)
            continue;

          adw_preferences_page_add (self->form_page, section->group);
          g_ptr_array_add (self->sections, section);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, self->sections->len > 0 ? "form" : "empty");
  update_labels (self);
  update_actions (self);
}

static void
set_week (HearthCheckinDialog *self,
          const char          *iso_week)
{
  if (g_strcmp0 (self->iso_week, iso_week) == 0)
    return;

  g_free (self->iso_week);
  self->iso_week = g_strdup (iso_week);
  load_week (self);
}

static void
move_week (HearthCheckinDialog *self,
           int                  weeks)
{
  char iso_week[9];
  GDate monday;

  if (self->busy)
    return;

  g_date_clear (&monday, 1);
  if (!hearth_iso_week_bounds (self->iso_week, &monday, NULL))
    return;

  if (weeks < 0)
    g_date_subtract_days (&monday, 7 * -weeks);
  else
    g_date_add_days (&monday, 7 * weeks);

  hearth_iso_week_of (&monday, iso_week);
  if (g_strcmp0 (iso_week, self->reference_week) > 0)
    return;

  set_week (self, iso_week);
}

/* Saving */

typedef struct
{
  char    *assignment_id;
  int      energy;
  char    *note;
  GArray  *counts;      /* HearthCheckinGoalCount, pointing into @goal_ids */
  GStrv    goal_ids;
} SaveItem;

typedef struct
{
  char       *iso_week;
  GPtrArray  *items;    /* SaveItem */
} SaveJob;

static void
save_item_free (gpointer data)
{
  SaveItem *item = data;

  g_free (item->assignment_id);
  g_free (item->note);
  g_clear_pointer (&item->counts, g_array_unref);
  g_strfreev (item->goal_ids);
  g_free (item);
}

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->iso_week);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

/* On the DB thread, in one transaction: every role's check-in, or none. */
static gboolean
save_job_run (HearthDatabase  *db,
              gpointer         data,
              GError         **error)
{
  SaveJob *job = data;

  for (guint i = 0; i < job->items->len; i++)
    {
      SaveItem *item = g_ptr_array_index (job->items, i);

      if (!hearth_checkin_save (db, item->assignment_id, job->iso_week, item->energy,
                                item->note, item->counts, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static char *
get_note (Section *section)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (section->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* "Not set" is NULL, never '' (DESIGN §4). */
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static SaveJob *
collect (HearthCheckinDialog *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->iso_week = g_strdup (self->iso_week);
  job->items = g_ptr_array_new_with_free_func (save_item_free);

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);
      SaveItem *item = g_new0 (SaveItem, 1);
      guint n_goals = section->prefills->len;

      item->assignment_id = g_strdup (section->assignment_id);
      item->energy = section_get_energy (section);
      item->note = get_note (section);
      item->goal_ids = g_new0 (char *, n_goals + 1);
      item->counts = g_array_sized_new (FALSE, TRUE, sizeof (HearthCheckinGoalCount), n_goals);

      for (guint i = 0; i < n_goals; i++)
        {
          const HearthCheckinPrefill *prefill = &g_array_index (section->prefills,
                                                                HearthCheckinPrefill, i);
          GtkSpinButton *spin = g_ptr_array_index (section->spins, i);
          HearthCheckinGoalCount count;

          /* A value typed into the spin button counts even before it loses the focus. */
          gtk_spin_button_update (spin);
          item->goal_ids[i] = g_strdup (prefill->goal_id);
          count.goal_id = item->goal_ids[i];
          count.achieved = gtk_spin_button_get_value_as_int (spin);
          g_array_append_val (item->counts, count);
        }

      g_ptr_array_add (job->items, item);
    }

  return job;
}

static void
set_busy (HearthCheckinDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  update_actions (self);
}

static void
toast_saved (HearthCheckinDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (!HEARTH_IS_WINDOW (parent))
    return;

  /* Translators: %s is a member's name */
  text = g_strdup_printf (_("Check-in saved for %s"), self->member_name);
  /* Toast titles are markup on libadwaita 1.2. */
  escaped = g_markup_escape_text (text, -1);
  hearth_window_add_toast (HEARTH_WINDOW (parent), adw_toast_new (escaped));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HearthCheckinDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_cancellable_is_cancelled (self->cancellable))
        return;

      set_busy (self, FALSE);
      hearth_editor_toast_error (self->toast_overlay, _("Could not save the check-in"), error);
      return;
    }

  job = hearth_store_job_get_data (result);
  g_signal_emit (self, signals[SAVED], 0, self->member_id, job->iso_week);
  toast_saved (self);
  /* As in clear_sections(): the focused count hears that it lost the focus. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (HearthCheckinDialog *self)
{
  if (self->busy || self->sections->len == 0)
    return;

  set_busy (self, TRUE);
  hearth_store_write_async (self->store, save_job_run, collect (self), save_job_free,
                            HEARTH_WRITE_FLAGS_NONE, self->cancellable, saved_cb,
                            g_object_ref (self));
}

static void
save_clicked_cb (HearthCheckinDialog *self)
{
  save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (HEARTH_CHECKIN_DIALOG (widget));
}

static void
previous_week_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_week (HEARTH_CHECKIN_DIALOG (widget), -1);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_week (HEARTH_CHECKIN_DIALOG (widget), 1);
}

static void
hearth_checkin_dialog_map (GtkWidget *widget)
{
  HearthCheckinDialog *self = HEARTH_CHECKIN_DIALOG (widget);

  GTK_WIDGET_CLASS (hearth_checkin_dialog_parent_class)->map (widget);

  /* The first count, else the first energy button. */
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (section->spins->len > 0)
        {
          gtk_widget_grab_focus (g_ptr_array_index (section->spins, 0));
          return;
        }
      gtk_widget_grab_focus (GTK_WIDGET (section->energy[0]));
      return;
    }
}

static void
hearth_checkin_dialog_dispose (GObject *object)
{
  HearthCheckinDialog *self = HEARTH_CHECKIN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  /* The groups go with the template; the sections only borrow them. */
  if (self->sections != NULL)
    g_ptr_array_set_size (self->sections, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CHECKIN_DIALOG);

  G_OBJECT_CLASS (hearth_checkin_dialog_parent_class)->dispose (object);
}

static void
hearth_checkin_dialog_finalize (GObject *object)
{
  HearthCheckinDialog *self = HEARTH_CHECKIN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->member_name, g_free);
  g_clear_pointer (&self->iso_week, g_free);

  G_OBJECT_CLASS (hearth_checkin_dialog_parent_class)->finalize (object);
}

static void
hearth_checkin_dialog_class_init (HearthCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_checkin_dialog_dispose;
  object_class->finalize = hearth_checkin_dialog_finalize;

  widget_class->map = hearth_checkin_dialog_map;

  /**
   * HearthCheckinDialog::saved:
   * @member_id: the member who checked in
   * @iso_week: the week, `YYYY-Www`
   *
   * Every role's check-in was written; the dialog closes right after.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/checkin/hearth-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, previous_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, week_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCheckinDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "checkin.previous-week", NULL,
                                   previous_week_action);
  gtk_widget_class_install_action (widget_class, "checkin.next-week", NULL, next_week_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_checkin_dialog_init (HearthCheckinDialog *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->sections = g_ptr_array_new_with_free_func (section_free);

  /* Ctrl+Return saves, even from the note, whose text view would otherwise take the key
   * first: hence a controller in the capture phase rather than a class binding. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_alternative_trigger_new (
                                 gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                 gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                               gtk_named_action_new ("checkin.save"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * hearth_checkin_dialog_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the toast
 * @store: the store to read and write through
 * @program: (nullable): the member's program, for the reference day
 * @member_id: the member checking in
 * @iso_week: (nullable): `YYYY-Www`; %NULL for the week of the program's reference day. A
 *   later week is brought back to that one.
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_checkin_dialog_new (GtkWindow     *parent,
                           HearthStore   *store,
                           HearthProgram *program,
                           const char    *member_id,
                           const char    *iso_week)
{
  HearthCheckinDialog *self;
  g_autoptr(HearthMember) member = NULL;
  g_autoptr(GDate) reference_day = NULL;
  const char *as_of = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (program == NULL || HEARTH_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);
  g_return_val_if_fail (iso_week == NULL || hearth_iso_week_bounds (iso_week, NULL, NULL), NULL);

  self = g_object_new (HEARTH_TYPE_CHECKIN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->member_id = g_strdup (member_id);

  member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, hearth_store_get_reader (store),
                                     member_id, FALSE, NULL);
  self->member_name = g_strdup (member != NULL ? hearth_member_get_display_name (member) : "");

  if (program != NULL)
    as_of = hearth_record_get_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF);
  reference_day = hearth_reference_day (as_of);
  hearth_iso_week_of (reference_day, self->reference_week);

  if (iso_week == NULL || g_strcmp0 (iso_week, self->reference_week) > 0)
    iso_week = self->reference_week;
  self->iso_week = g_strdup (iso_week);
  load_week (self);

  return GTK_WINDOW (self);
}
