/* hearth-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Program settings. They live in the database (the program row and the settings table), so
 * they travel with snapshots; only UI state lives in GSettings. Every change is saved as it is
 * made, through the DB thread; number rows wait for a short pause in typing first.
 */

#define G_LOG_DOMAIN "hearth-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-preferences-window.h"
#include "hearth-settings.h"

/* How long a number must stay unchanged before it is written. */
#define SAVE_DELAY_MS 400

struct _HearthPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *candidates_group;
  AdwPreferencesGroup  *care_group;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *program_group;
  AdwEntryRow          *purpose_row;
  AdwPreferencesGroup  *size_group;

  /* Owned */
  HearthStore          *store;
  HearthProgram        *program;
};

G_DEFINE_FINAL_TYPE (HearthPreferencesWindow, hearth_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A number row edits either a program column or a setting. */
typedef struct
{
  const char *group;
  int         column;        /* a HearthProgramColumn, or -1 for a setting */
  const char *setting;
  const char *title;
  const char *subtitle;
  int         lower;
  int         upper;
} NumberRow;

static const NumberRow number_rows[] = {
  { "size", HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT, NULL,
    N_("Active Members"), N_("Leave at 0 to count them from imported activity"), 0, 10000000 },
  { "size", HEARTH_PROGRAM_RATIO_MIN, NULL,
    N_("Fewest Members per Ambassador"), NULL, 1, 100000 },
  { "size", HEARTH_PROGRAM_RATIO_MAX, NULL,
    N_("Most Members per Ambassador"), NULL, 1, 100000 },
  { "candidates", -1, HEARTH_SETTING_WINDOW_WEEKS,
    N_("Scoring Window"), N_("Weeks of activity that count"), 1, 104 },
  { "care", -1, HEARTH_SETTING_HOURS_LIMIT,
    N_("Hours per Week"), N_("More than this for one ambassador counts as overload"), 1, 80 },
  { "care", -1, HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS,
    N_("Days between Thanks"), N_("An ambassador is due for recognition after this many days"), 1, 365 },
  { "care", -1, HEARTH_SETTING_FEEDBACK_STALE_DAYS,
    N_("Days to Answer Feedback"), N_("New feedback older than this needs a reply"), 1, 365 },
};

static void
show_error (HearthPreferencesWindow *self,
            const GError            *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HearthPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    show_error (self, error);
}

static void
save_program (HearthPreferencesWindow *self,
              HearthRecord            *copy)
{
  g_autoptr(GError) error = NULL;

  if (!hearth_program_check_ratio (HEARTH_PROGRAM (copy), &error) ||
      !hearth_record_validate (copy, &error))
    {
      show_error (self, error);
      return;
    }

  hearth_store_update_async (self->store, copy, NULL, written_cb, g_object_ref (self));
}

static void
save_text (HearthPreferencesWindow *self,
           AdwEntryRow             *row,
           guint                    column)
{
  g_autoptr(HearthRecord) copy = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->program == NULL)
    return;

  copy = hearth_record_copy (HEARTH_RECORD (self->program));
  hearth_record_set_text (copy, column, text);
  save_program (self, copy);
}

static void
name_applied_cb (HearthPreferencesWindow *self)
{
  save_text (self, self->name_row, HEARTH_PROGRAM_NAME);
}

static void
purpose_applied_cb (HearthPreferencesWindow *self)
{
  save_text (self, self->purpose_row, HEARTH_PROGRAM_PURPOSE);
}

typedef struct
{
  char   *program_id;
  char   *key;
  gint64  value;
} SettingJob;

static void
setting_job_free (gpointer data)
{
  SettingJob *job = data;

  g_free (job->program_id);
  g_free (job->key);
  g_free (job);
}

static gboolean
setting_job (HearthDatabase  *db,
             gpointer         data,
             GError         **error)
{
  SettingJob *job = data;

  return hearth_settings_set_int (db, job->program_id, job->key, job->value, error);
}

static void
save_number (HearthPreferencesWindow *self,
             const NumberRow         *spec,
             int                      value)
{
  if (self->program == NULL)
    return;

  if (spec->column >= 0)
    {
      g_autoptr(HearthRecord) copy = hearth_record_copy (HEARTH_RECORD (self->program));

      if (spec->column == HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT && value == 0)
        value = -1;
      hearth_record_set_int (copy, spec->column, value);
      save_program (self, copy);
    }
  else
    {
      SettingJob *job = g_new0 (SettingJob, 1);

      job->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (self->program)));
      job->key = g_strdup (spec->setting);
      job->value = value;
      hearth_store_write_async (self->store, setting_job, job, setting_job_free,
                                HEARTH_WRITE_FLAGS_NONE, NULL, written_cb, g_object_ref (self));
    }
}

static gboolean
save_number_timeout_cb (gpointer user_data)
{
  GtkSpinButton *spin = user_data;
  HearthPreferencesWindow *self;
  const NumberRow *spec = g_object_get_data (G_OBJECT (spin), "hearth-spec");

  self = HEARTH_PREFERENCES_WINDOW (gtk_widget_get_root (GTK_WIDGET (spin)));
  /* This source ends by returning; only forget it. */
  g_object_steal_data (G_OBJECT (spin), "hearth-timeout");
  save_number (self, spec, gtk_spin_button_get_value_as_int (spin));

  return G_SOURCE_REMOVE;
}

static void
remove_timeout (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
number_changed_cb (GtkSpinButton *spin)
{
  guint id;

  /* Restart the pause: typing "120" writes once, not three times. */
  g_object_set_data (G_OBJECT (spin), "hearth-timeout", NULL);
  id = g_timeout_add (SAVE_DELAY_MS, save_number_timeout_cb, spin);
  g_object_set_data_full (G_OBJECT (spin), "hearth-timeout", GUINT_TO_POINTER (id),
                          remove_timeout);
}

static AdwPreferencesGroup *
group_for (HearthPreferencesWindow *self,
           const char              *name)
{
  if (g_str_equal (name, "size"))
    return self->size_group;
  if (g_str_equal (name, "candidates"))
    return self->candidates_group;
  return self->care_group;
}

static void
add_number_rows (HearthPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_rows); i++)
    {
      const NumberRow *spec = &number_rows[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (spec->lower, spec->upper, 1);
      gint64 value = 0;

      if (self->program != NULL && spec->column >= 0)
        value = hearth_record_get_int (HEARTH_RECORD (self->program), spec->column);
      else if (self->program != NULL)
        value = hearth_settings_get_int (hearth_store_get_reader (self->store),
                                         hearth_record_get_id (HEARTH_RECORD (self->program)),
                                         spec->setting);
      else
        value = spec->lower;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->title));
      if (spec->subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(spec->subtitle));

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (value, spec->lower));
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (spin), "hearth-spec", (gpointer)spec);
      g_signal_connect (spin, "value-changed", G_CALLBACK (number_changed_cb), NULL);

      /* The row labels its spin button for assistive technologies. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (group_for (self, spec->group), row);
    }
}

static void
hearth_preferences_window_dispose (GObject *object)
{
  HearthPreferencesWindow *self = (HearthPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->program);

  G_OBJECT_CLASS (hearth_preferences_window_parent_class)->dispose (object);
}

static void
hearth_preferences_window_class_init (HearthPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/preferences/hearth-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, candidates_group);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, care_group);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, program_group);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, size_group);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, purpose_applied_cb);
}

static void
hearth_preferences_window_init (HearthPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hearth_preferences_window_new:
 * @program: (nullable): the program to edit; without one every group is insensitive
 */
HearthPreferencesWindow *
hearth_preferences_window_new (HearthStore   *store,
                               HearthProgram *program)
{
  HearthPreferencesWindow *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (program == NULL || HEARTH_IS_PROGRAM (program), NULL);

  self = g_object_new (HEARTH_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->program, program);

  if (program != NULL)
    {
      const char *purpose = hearth_program_get_purpose (program);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), hearth_program_get_name (program));
      gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), purpose ? purpose : "");
    }
  else
    {
      adw_preferences_group_set_description (self->program_group,
                                             _("Create a program first: its settings appear here."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->purpose_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->size_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->candidates_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->care_group), FALSE);
    }

  add_number_rows (self);

  return self;
}
