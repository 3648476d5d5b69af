/* hearth-program-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "New Program" dialog: name, purpose, active member count and the target ratio. It
 * writes the program itself and closes only once the write succeeded, so a failure loses
 * nothing the organizer typed.
 */

#define G_LOG_DOMAIN "hearth-program-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-program.h"
#include "hearth-program-editor.h"

struct _HearthProgramEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkSpinButton   *active_spin;
  GtkButton       *create_button;
  AdwEntryRow     *name_row;
  AdwEntryRow     *purpose_row;
  AdwActionRow    *ratio_max_row;
  GtkSpinButton   *ratio_max_spin;
  GtkSpinButton   *ratio_min_spin;
  AdwToastOverlay *toast_overlay;

  /* Owned */
  HearthStore     *store;
  GCancellable    *cancellable;
  guint            saving : 1;
};

G_DEFINE_FINAL_TYPE (HearthProgramEditor, hearth_program_editor, ADW_TYPE_WINDOW)

enum {
  PROGRAM_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_name (HearthProgramEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static gboolean
is_valid (HearthProgramEditor *self)
{
  g_autofree char *name = get_name (self);

  return name[0] != '\0' &&
         gtk_spin_button_get_value_as_int (self->ratio_min_spin) <=
         gtk_spin_button_get_value_as_int (self->ratio_max_spin);
}

static void
validate_cb (HearthProgramEditor *self)
{
  gboolean ratio_ok = gtk_spin_button_get_value_as_int (self->ratio_min_spin) <=
                      gtk_spin_button_get_value_as_int (self->ratio_max_spin);

  if (ratio_ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->ratio_max_row), "error");
      adw_action_row_set_subtitle (self->ratio_max_row, NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->ratio_max_row), "error");
      adw_action_row_set_subtitle (self->ratio_max_row,
                                   _("Must be at least the fewest members per ambassador"));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), is_valid (self) && !self->saving);
}

static void
program_inserted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HearthProgramEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  HearthRecord *written;

  self->saving = FALSE;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      g_autofree char *escaped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      escaped = g_markup_escape_text (error->message, -1);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
      validate_cb (self);
      return;
    }

  written = hearth_store_job_get_data (result);
  g_signal_emit (self, signals[PROGRAM_CREATED], 0, hearth_record_get_id (written));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_clicked_cb (HearthProgramEditor *self)
{
  g_autoptr(HearthProgram) program = NULL;
  g_autofree char *name = get_name (self);
  g_autofree char *purpose = NULL;
  int active;

  if (!is_valid (self) || self->saving)
    return;

  purpose = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->purpose_row))));
  program = hearth_program_new (name);
  hearth_record_set_text (HEARTH_RECORD (program), HEARTH_PROGRAM_PURPOSE, purpose);
  active = gtk_spin_button_get_value_as_int (self->active_spin);
  hearth_record_set_int (HEARTH_RECORD (program), HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT,
                         active > 0 ? active : -1);
  hearth_record_set_int (HEARTH_RECORD (program), HEARTH_PROGRAM_RATIO_MIN,
                         gtk_spin_button_get_value_as_int (self->ratio_min_spin));
  hearth_record_set_int (HEARTH_RECORD (program), HEARTH_PROGRAM_RATIO_MAX,
                         gtk_spin_button_get_value_as_int (self->ratio_max_spin));

  self->saving = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
  hearth_store_insert_async (self->store, program, self->cancellable, program_inserted_cb,
                             g_object_ref (self));
}

static void
hearth_program_editor_map (GtkWidget *widget)
{
  HearthProgramEditor *self = HEARTH_PROGRAM_EDITOR (widget);

  GTK_WIDGET_CLASS (hearth_program_editor_parent_class)->map (widget);

  /* Start in the name: typing right away must land there, and Enter must never hit Cancel. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
hearth_program_editor_dispose (GObject *object)
{
  HearthProgramEditor *self = (HearthProgramEditor *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_PROGRAM_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hearth_program_editor_parent_class)->dispose (object);
}

static void
hearth_program_editor_class_init (HearthProgramEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_program_editor_dispose;

  widget_class->map = hearth_program_editor_map;

  /**
   * HearthProgramEditor::program-created:
   * @id: the new program's id
   */
  signals[PROGRAM_CREATED] =
    g_signal_new ("program-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/program-editor/hearth-program-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, active_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, create_button);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, ratio_max_row);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, ratio_max_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, ratio_min_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthProgramEditor, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_program_editor_init (HearthProgramEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

HearthProgramEditor *
hearth_program_editor_new (HearthStore *store)
{
  HearthProgramEditor *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);

  self = g_object_new (HEARTH_TYPE_PROGRAM_EDITOR, NULL);
  self->store = g_object_ref (store);

  return self;
}
