/* hearth-record-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the record editors (member, nomination, observation): it holds the record
 * edited (a copy, or a new one) and the store it goes through. Save checks and collects the
 * fields (subclass vfuncs), writes them, and closes only once the write succeeded, so a
 * failure loses nothing typed; Delete soft-deletes the record and leaves an Undo toast on the
 * main window (win.undo-delete-record). Escape closes. Subclasses bring their own template
 * and register the widgets the base drives with hearth_record_editor_set_widgets().
 */

#define G_LOG_DOMAIN "hearth-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-record-editor.h"
#include "hearth-editor-util.h"

typedef struct
{
  /* Not owned: template children of the subclass, cleared when they go. */
  AdwToastOverlay *toast_overlay;
  GtkWidget       *save_button;
  GtkWidget       *delete_button;
  GtkWidget       *delete_group;
  GtkWidget       *first_field;

  /* Owned */
  HearthStore     *store;
  HearthRecord    *record;       /* the record edited: a copy, or a new one */
  GCancellable    *cancellable;
  guint            is_new : 1;
  guint            busy : 1;
  guint            disposed : 1;
} HearthRecordEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HearthRecordEditor, hearth_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The table the record lives in, e.g. "member": what Delete and Undo name. */
static const char *
record_table (HearthRecordEditorPrivate *priv)
{
  return hearth_record_class_get_table (HEARTH_RECORD_GET_CLASS (priv->record));
}

/* Save needs valid fields and no write under way; Delete only the latter. */
void
hearth_record_editor_validate (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);
  gboolean valid;

  g_return_if_fail (HEARTH_IS_RECORD_EDITOR (self));

  if (priv->disposed)
    return;

  valid = HEARTH_RECORD_EDITOR_GET_CLASS (self)->check (self);

  if (priv->save_button != NULL)
    gtk_widget_set_sensitive (priv->save_button, valid && !priv->busy);
  if (priv->delete_button != NULL)
    gtk_widget_set_sensitive (priv->delete_button, !priv->busy);
}

static void
set_busy (HearthRecordEditor *self,
          gboolean            busy)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  priv->busy = busy;
  hearth_record_editor_validate (self);
}

/* A write failed: say so, unless it was cancelled or nobody is left to tell. */
static void
write_failed (HearthRecordEditor *self,
              const char         *what,
              const GError       *error)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || priv->disposed)
    return;

  set_busy (self, FALSE);
  /* @what is marked for translation where the subclass sets it. */
  if (priv->toast_overlay != NULL)
    hearth_editor_toast_error (priv->toast_overlay, gettext (what), error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HearthRecordEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  HearthRecord *written;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      write_failed (self, HEARTH_RECORD_EDITOR_GET_CLASS (self)->save_failed, error);
      return;
    }

  written = hearth_store_job_get_data (result);
  g_signal_emit (self, signals[SAVED], 0, hearth_record_get_id (written));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
hearth_record_editor_save (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);
  HearthRecordEditorClass *klass;

  g_return_if_fail (HEARTH_IS_RECORD_EDITOR (self));

  klass = HEARTH_RECORD_EDITOR_GET_CLASS (self);
  if (priv->busy || priv->disposed || priv->record == NULL || !klass->check (self))
    return;

  if (!klass->collect (self, priv->record))
    return;

  set_busy (self, TRUE);

  if (priv->is_new)
    hearth_store_insert_async (priv->store, priv->record, priv->cancellable, saved_cb,
                               g_object_ref (self));
  else
    hearth_store_update_async (priv->store, priv->record, priv->cancellable, saved_cb,
                               g_object_ref (self));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HearthRecordEditor) self = user_data;
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      write_failed (self, HEARTH_RECORD_EDITOR_GET_CLASS (self)->delete_failed, error);
      return;
    }

  title = HEARTH_RECORD_EDITOR_GET_CLASS (self)->dup_deleted_title (self);
  hearth_editor_toast_deleted (GTK_WINDOW (self),
                               record_table (priv),
                               hearth_record_get_id (priv->record), title);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
hearth_record_editor_delete (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_RECORD_EDITOR (self));

  if (priv->busy || priv->is_new || priv->disposed || priv->record == NULL)
    return;

  set_busy (self, TRUE);
  /* A tombstone, not gone: Undo restores it, and a merge carries the deletion. */
  hearth_store_delete_async (priv->store,
                             record_table (priv),
                             hearth_record_get_id (priv->record), TRUE,
                             priv->cancellable, deleted_cb, g_object_ref (self));
}

/**
 * hearth_record_editor_set_widgets:
 * @toast_overlay: where a failed write is reported
 * @save_button: sensitive while the fields are valid and nothing is being written
 * @delete_button: sensitive while nothing is being written
 * @delete_group: shown when an existing record is edited
 * @first_field: focused when the dialog opens
 *
 * Called by a subclass from its init, after gtk_widget_init_template().
 */
void
hearth_record_editor_set_widgets (HearthRecordEditor *self,
                                  AdwToastOverlay    *toast_overlay,
                                  GtkWidget          *save_button,
                                  GtkWidget          *delete_button,
                                  GtkWidget          *delete_group,
                                  GtkWidget          *first_field)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_RECORD_EDITOR (self));

  g_set_weak_pointer (&priv->toast_overlay, toast_overlay);
  g_set_weak_pointer (&priv->save_button, save_button);
  g_set_weak_pointer (&priv->delete_button, delete_button);
  g_set_weak_pointer (&priv->delete_group, delete_group);
  g_set_weak_pointer (&priv->first_field, first_field);
}

static void
set_store (HearthRecordEditor *self,
           HearthStore        *store)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_set_object (&priv->store, store);
}

/**
 * hearth_record_editor_set_record:
 * @record: the record to edit; the dialog edits a copy, so the list's row stays as stored
 *   until the write comes back through it
 * @edit_title: the window title
 */
void
hearth_record_editor_set_record (HearthRecordEditor *self,
                                 HearthStore        *store,
                                 HearthRecord       *record,
                                 const char         *edit_title)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_RECORD_EDITOR (self));
  g_return_if_fail (HEARTH_IS_RECORD (record));

  set_store (self, store);
  priv->is_new = FALSE;
  g_clear_object (&priv->record);
  priv->record = hearth_record_copy (record);
  gtk_window_set_title (GTK_WINDOW (self), edit_title);
  if (priv->delete_group != NULL)
    gtk_widget_set_visible (priv->delete_group, TRUE);
}

/**
 * hearth_record_editor_take_new_record:
 * @record: (transfer full): a new record, not yet stored
 */
void
hearth_record_editor_take_new_record (HearthRecordEditor *self,
                                      HearthStore        *store,
                                      HearthRecord       *record)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_if_fail (HEARTH_IS_RECORD_EDITOR (self));
  g_return_if_fail (HEARTH_IS_RECORD (record));

  set_store (self, store);
  priv->is_new = TRUE;
  g_clear_object (&priv->record);
  priv->record = record;
}

HearthStore *
hearth_record_editor_get_store (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_RECORD_EDITOR (self), NULL);

  return priv->store;
}

HearthRecord *
hearth_record_editor_get_record (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_RECORD_EDITOR (self), NULL);

  return priv->record;
}

gboolean
hearth_record_editor_get_is_new (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_return_val_if_fail (HEARTH_IS_RECORD_EDITOR (self), FALSE);

  return priv->is_new;
}

/**
 * hearth_record_editor_class_set_messages:
 * @save_failed: (not nullable): the toast when Save failed, untranslated (marked in the subclass)
 * @delete_failed: (not nullable): the toast when Delete failed, likewise
 */
void
hearth_record_editor_class_set_messages (HearthRecordEditorClass *klass,
                                         const char              *save_failed,
                                         const char              *delete_failed)
{
  klass->save_failed = save_failed;
  klass->delete_failed = delete_failed;
}

/* Binds the handlers the editor templates name: save_cb, delete_cb and validate_cb (all
 * swapped, so they get the dialog). Called after the template is set. */
void
hearth_record_editor_class_bind_template_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "save_cb",
                                                G_CALLBACK (hearth_record_editor_save));
  gtk_widget_class_bind_template_callback_full (widget_class, "delete_cb",
                                                G_CALLBACK (hearth_record_editor_delete));
  gtk_widget_class_bind_template_callback_full (widget_class, "validate_cb",
                                                G_CALLBACK (hearth_record_editor_validate));
}

static void
hearth_record_editor_map (GtkWidget *widget)
{
  HearthRecordEditor *self = HEARTH_RECORD_EDITOR (widget);
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  GTK_WIDGET_CLASS (hearth_record_editor_parent_class)->map (widget);

  if (priv->first_field != NULL)
    gtk_widget_grab_focus (priv->first_field);
}

/* Subclasses dispose their template first, then chain up here. Pending writes hold a
 * reference: their callbacks still find the store and the record (kept until finalize), but
 * no widget to update. */
static void
hearth_record_editor_dispose (GObject *object)
{
  HearthRecordEditor *self = HEARTH_RECORD_EDITOR (object);
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  priv->disposed = TRUE;
  g_cancellable_cancel (priv->cancellable);
  g_clear_weak_pointer (&priv->toast_overlay);
  g_clear_weak_pointer (&priv->save_button);
  g_clear_weak_pointer (&priv->delete_button);
  g_clear_weak_pointer (&priv->delete_group);
  g_clear_weak_pointer (&priv->first_field);

  G_OBJECT_CLASS (hearth_record_editor_parent_class)->dispose (object);
}

static void
hearth_record_editor_finalize (GObject *object)
{
  HearthRecordEditor *self = HEARTH_RECORD_EDITOR (object);
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  g_clear_object (&priv->store);
  g_clear_object (&priv->record);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (hearth_record_editor_parent_class)->finalize (object);
}

static void
hearth_record_editor_class_init (HearthRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_record_editor_dispose;
  object_class->finalize = hearth_record_editor_finalize;

  widget_class->map = hearth_record_editor_map;

  /**
   * HearthRecordEditor::saved:
   * @id: the record's id
   *
   * The record was written; the dialog closes right after.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_record_editor_init (HearthRecordEditor *self)
{
  HearthRecordEditorPrivate *priv = hearth_record_editor_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}
