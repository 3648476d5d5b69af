/* hearth-observation-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One observation of a member, new or edited: a trait, a rating from 1 to 5, the day, and a
 * note (personal, DESIGN §8). Save closes only once the write succeeded; Delete soft-deletes
 * it and leaves an Undo toast on the main window.
 */

#define G_LOG_DOMAIN "hearth-observation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-observation-editor.h"
#include "hearth-editor-util.h"
#include "hearth-schema.h"
#include "hearth-util.h"

struct _HearthObservationEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *delete_button;
  AdwPreferencesGroup *delete_group;
  GtkLabel        *member_label;
  AdwEntryRow     *note_row;
  AdwActionRow    *observed_on_error_row;
  AdwEntryRow     *observed_on_row;
  GtkSpinButton   *rating_spin;
  GtkButton       *save_button;
  AdwToastOverlay *toast_overlay;
  AdwComboRow     *trait_row;

  /* Owned */
  HearthStore       *store;
  HearthObservation *observation;   /* the record edited: a copy, or a new one */
  GCancellable      *cancellable;
  guint              is_new : 1;
  guint              busy : 1;
};

G_DEFINE_FINAL_TYPE (HearthObservationEditor, hearth_observation_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
check_fields (HearthObservationEditor *self)
{
  g_autofree char *observed_on = hearth_editor_get_text (GTK_EDITABLE (self->observed_on_row));
  gboolean date_ok = observed_on != NULL && hearth_date_is_valid (observed_on);
  guint trait = adw_combo_row_get_selected (self->trait_row);

  hearth_editor_show_error (self->observed_on_error_row, GTK_WIDGET (self->observed_on_row),
                            date_ok ? NULL : _("Not a date: write it as YYYY-MM-DD, like 2024-03-01"));

  return date_ok && trait < g_strv_length ((char **)hearth_traits);
}

static void
validate_cb (HearthObservationEditor *self)
{
  gboolean valid = check_fields (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid && !self->busy);
  gtk_widget_set_sensitive (self->delete_button, !self->busy);
}

static void
set_busy (HearthObservationEditor *self,
          gboolean                 busy)
{
  self->busy = busy;
  validate_cb (self);
}

static void
load_fields (HearthObservationEditor *self)
{
  const char *trait = hearth_observation_get_trait (self->observation);
  const char *note = hearth_observation_get_note (self->observation);
  const char *observed_on = hearth_observation_get_observed_on (self->observation);
  gint64 rating = hearth_observation_get_rating (self->observation);

  /* The combo lists the traits in the order of hearth_traits. */
  for (guint i = 0; hearth_traits[i]; i++)
    if (g_strcmp0 (hearth_traits[i], trait) == 0)
      adw_combo_row_set_selected (self->trait_row, i);

  gtk_spin_button_set_value (self->rating_spin,
                             CLAMP (rating, HEARTH_OBSERVATION_RATING_MIN,
                                    HEARTH_OBSERVATION_RATING_MAX));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->observed_on_row), observed_on ? observed_on : "");
}

static void
store_fields (HearthObservationEditor *self)
{
  HearthRecord *record = HEARTH_RECORD (self->observation);
  g_autofree char *note = hearth_editor_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *observed_on = hearth_editor_get_text (GTK_EDITABLE (self->observed_on_row));

  hearth_record_set_text (record, HEARTH_OBSERVATION_TRAIT,
                          hearth_traits[adw_combo_row_get_selected (self->trait_row)]);
  hearth_record_set_int (record, HEARTH_OBSERVATION_RATING,
                         gtk_spin_button_get_value_as_int (self->rating_spin));
  hearth_record_set_text (record, HEARTH_OBSERVATION_NOTE, note);
  hearth_record_set_text (record, HEARTH_OBSERVATION_OBSERVED_ON, observed_on);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HearthObservationEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  HearthRecord *written;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      hearth_editor_toast_error (self->toast_overlay, _("Could not save the observation"), error);
      return;
    }

  written = hearth_store_job_get_data (result);
  g_signal_emit (self, signals[SAVED], 0, hearth_record_get_id (written));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (HearthObservationEditor *self)
{
  if (self->busy || !check_fields (self))
    return;

  /* A value typed into the spin button counts even before it loses the focus. */
  gtk_spin_button_update (self->rating_spin);
  store_fields (self);
  set_busy (self, TRUE);

  if (self->is_new)
    hearth_store_insert_async (self->store, self->observation, self->cancellable, saved_cb,
                               g_object_ref (self));
  else
    hearth_store_update_async (self->store, self->observation, self->cancellable, saved_cb,
                               g_object_ref (self));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HearthObservationEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      hearth_editor_toast_error (self->toast_overlay, _("Could not delete the observation"),
                                 error);
      return;
    }

  hearth_editor_toast_deleted (GTK_WINDOW (self), "observation",
                               hearth_record_get_id (HEARTH_RECORD (self->observation)),
                               _("Observation deleted"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_cb (HearthObservationEditor *self)
{
  if (self->busy || self->is_new)
    return;

  set_busy (self, TRUE);
  hearth_store_delete_async (self->store, "observation",
                             hearth_record_get_id (HEARTH_RECORD (self->observation)), TRUE,
                             self->cancellable, deleted_cb, g_object_ref (self));
}

static void
hearth_observation_editor_map (GtkWidget *widget)
{
  HearthObservationEditor *self = HEARTH_OBSERVATION_EDITOR (widget);

  GTK_WIDGET_CLASS (hearth_observation_editor_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->trait_row));
}

static void
hearth_observation_editor_dispose (GObject *object)
{
  HearthObservationEditor *self = (HearthObservationEditor *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_OBSERVATION_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->observation);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hearth_observation_editor_parent_class)->dispose (object);
}

static void
hearth_observation_editor_class_init (HearthObservationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_observation_editor_dispose;

  widget_class->map = hearth_observation_editor_map;

  /**
   * HearthObservationEditor::saved:
   * @id: the observation's id
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/observation-editor/hearth-observation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, member_label);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, observed_on_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, observed_on_row);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, rating_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthObservationEditor, trait_row);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_observation_editor_init (HearthObservationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * hearth_observation_editor_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the Undo toast
 * @store: the store to write through
 * @member: the member observed
 * @observation: (nullable): the observation to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_observation_editor_new (GtkWindow         *parent,
                               HearthStore       *store,
                               HearthMember      *member,
                               HearthObservation *observation)
{
  HearthObservationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_MEMBER (member), NULL);
  g_return_val_if_fail (observation == NULL || HEARTH_IS_OBSERVATION (observation), NULL);

  self = g_object_new (HEARTH_TYPE_OBSERVATION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->is_new = observation == NULL;

  if (observation != NULL)
    {
      self->observation =
        HEARTH_OBSERVATION (hearth_record_copy (HEARTH_RECORD (observation)));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Observation"));
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
    }
  else
    {
      g_autofree char *today =
        hearth_editor_reference_day (store, hearth_member_get_program_id (member));

      self->observation = hearth_observation_new (hearth_record_get_id (HEARTH_RECORD (member)),
                                                  hearth_traits[0], 3, today);
    }

  gtk_label_set_text (self->member_label, hearth_member_get_display_name (member));
  load_fields (self);
  validate_cb (self);

  return GTK_WINDOW (self);
}
