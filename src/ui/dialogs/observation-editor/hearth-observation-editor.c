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
  HearthRecordEditor parent_instance;

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
};

G_DEFINE_FINAL_TYPE (HearthObservationEditor, hearth_observation_editor, HEARTH_TYPE_RECORD_EDITOR)

static gboolean
hearth_observation_editor_check (HearthRecordEditor *editor)
{
  HearthObservationEditor *self = HEARTH_OBSERVATION_EDITOR (editor);
  g_autofree char *observed_on = hearth_editor_get_text (GTK_EDITABLE (self->observed_on_row));
  gboolean date_ok = observed_on != NULL && hearth_date_is_valid (observed_on);
  guint trait = adw_combo_row_get_selected (self->trait_row);

  hearth_editor_show_error (self->observed_on_error_row, GTK_WIDGET (self->observed_on_row),
                            date_ok ? NULL : _("Not a date: write it as YYYY-MM-DD, like 2024-03-01"));

  return date_ok && trait < g_strv_length ((char **)hearth_traits);
}

static void
load_fields (HearthObservationEditor *self)
{
  HearthObservation *observation =
    HEARTH_OBSERVATION (hearth_record_editor_get_record (HEARTH_RECORD_EDITOR (self)));
  const char *trait = hearth_observation_get_trait (observation);
  const char *note = hearth_observation_get_note (observation);
  const char *observed_on = hearth_observation_get_observed_on (observation);
  gint64 rating = hearth_observation_get_rating (observation);

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

static gboolean
hearth_observation_editor_collect (HearthRecordEditor *editor,
                                   HearthRecord       *record)
{
  HearthObservationEditor *self = HEARTH_OBSERVATION_EDITOR (editor);
  g_autofree char *note = hearth_editor_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *observed_on = hearth_editor_get_text (GTK_EDITABLE (self->observed_on_row));

  /* A value typed into the spin button counts even before it loses the focus. */
  gtk_spin_button_update (self->rating_spin);

  hearth_record_set_text (record, HEARTH_OBSERVATION_TRAIT,
                          hearth_traits[adw_combo_row_get_selected (self->trait_row)]);
  hearth_record_set_int (record, HEARTH_OBSERVATION_RATING,
                         gtk_spin_button_get_value_as_int (self->rating_spin));
  hearth_record_set_text (record, HEARTH_OBSERVATION_NOTE, note);
  hearth_record_set_text (record, HEARTH_OBSERVATION_OBSERVED_ON, observed_on);

  return TRUE;
}

static char *
hearth_observation_editor_dup_deleted_title (HearthRecordEditor *editor)
{
  return g_strdup (_("Observation deleted"));
}

static void
hearth_observation_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_OBSERVATION_EDITOR);

  G_OBJECT_CLASS (hearth_observation_editor_parent_class)->dispose (object);
}

static void
hearth_observation_editor_class_init (HearthObservationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HearthRecordEditorClass *editor_class = HEARTH_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = hearth_observation_editor_dispose;

  editor_class->check = hearth_observation_editor_check;
  editor_class->collect = hearth_observation_editor_collect;
  editor_class->dup_deleted_title = hearth_observation_editor_dup_deleted_title;
  hearth_record_editor_class_set_messages (editor_class, N_("Could not save the observation"),
                                           N_("Could not delete the observation"));

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
  hearth_record_editor_class_bind_template_callbacks (widget_class);
}

static void
hearth_observation_editor_init (HearthObservationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  hearth_record_editor_set_widgets (HEARTH_RECORD_EDITOR (self), self->toast_overlay,
                                    GTK_WIDGET (self->save_button), self->delete_button,
                                    GTK_WIDGET (self->delete_group),
                                    GTK_WIDGET (self->trait_row));
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

  if (observation != NULL)
    hearth_record_editor_set_record (HEARTH_RECORD_EDITOR (self), store,
                                     HEARTH_RECORD (observation), _("Edit Observation"));
  else
    {
      g_autofree char *today =
        hearth_editor_reference_day (store, hearth_member_get_program_id (member));
      HearthObservation *fresh =
        hearth_observation_new (hearth_record_get_id (HEARTH_RECORD (member)),
                                hearth_traits[0], 3, today);

      hearth_record_editor_take_new_record (HEARTH_RECORD_EDITOR (self), store,
                                            HEARTH_RECORD (fresh));
    }

  gtk_label_set_text (self->member_label, hearth_member_get_display_name (member));
  load_fields (self);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));

  return GTK_WINDOW (self);
}
