/* hearth-spotlight-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spotlight Post…: the member's facts are read on a worker thread with its own read-only
 * connection (hearth_spotlight_facts_load walks their activity window), and the draft
 * (hearth_spotlight_draft) lands in an editable text view. Copy puts the text as it stands on
 * the clipboard; Reset Draft brings the drafted text back; Log as Spotlight writes a
 * recognition (kind "spotlight", done on the reference day, the post as its note) and closes.
 */

#define G_LOG_DOMAIN "hearth-spotlight-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-spotlight-dialog.h"
#include "hearth-editor-util.h"
#include "hearth-recognition.h"
#include "hearth-spotlight.h"
#include "hearth-weak-ref.h"
#include "hearth-window.h"

struct _HearthSpotlightDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkSpinner      *busy_spinner;
  AdwStatusPage   *error_page;
  GtkSpinner      *spinner;
  GtkStack        *stack;
  GtkTextView     *text_view;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;

  /* Owned */
  HearthStore     *store;
  char            *program_id;
  char            *member_id;
  char            *draft;           /* the generated text, for Reset Draft */
  char            *reference_day;
  GCancellable    *loading;
  gboolean         writing;
};

G_DEFINE_FINAL_TYPE (HearthSpotlightDialog, hearth_spotlight_dialog, ADW_TYPE_WINDOW)

static void
update_actions (HearthSpotlightDialog *self)
{
  gboolean ready = self->draft != NULL && !self->writing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spotlight.copy", self->draft != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spotlight.reset", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "spotlight.log", ready);
  gtk_text_view_set_editable (self->text_view, !self->writing);
}

/* Loading ------------------------------------------------------------------------------------ */

typedef struct
{
  char *member_id;
} LoadData;

typedef struct
{
  char *draft;
  char *member_name;
  char *reference_day;
} Draft;

static void
load_data_free (LoadData *data)
{
  g_free (data->member_id);
  g_free (data);
}

static void
draft_free (Draft *draft)
{
  g_free (draft->draft);
  g_free (draft->member_name);
  g_free (draft->reference_day);
  g_free (draft);
}

static gpointer
read_draft (HearthDatabase  *db,
            gpointer         user_data,
            GCancellable    *cancellable,
            GError         **error)
{
  LoadData *data = user_data;
  g_autoptr(HearthSpotlightFacts) facts = NULL;
  Draft *draft;

  facts = hearth_spotlight_facts_load (db, data->member_id, error);
  if (facts == NULL)
    return NULL;

  draft = g_new0 (Draft, 1);
  draft->draft = hearth_spotlight_draft (facts);
  draft->member_name = g_strdup (facts->member_name);
  draft->reference_day = g_strdup (facts->reference_day);

  return draft;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HearthSpotlightDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  Draft *draft = hearth_editor_read_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* The dialog went away, or was cancelled meanwhile. */
  if (self == NULL || cancellable != self->loading || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&draft, draft_free);
      return;
    }
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);

  if (draft == NULL)
    {
      g_warning ("Could not draft a spotlight post: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->draft = g_steal_pointer (&draft->draft);
  if (self->draft == NULL)
    self->draft = g_strdup ("");
  self->reference_day = g_steal_pointer (&draft->reference_day);
  if (draft->member_name != NULL)
    adw_window_title_set_subtitle (self->window_title, draft->member_name);
  draft_free (draft);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->draft, -1);
  gtk_stack_set_visible_child_name (self->stack, "draft");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
load_draft (HearthSpotlightDialog *self)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->member_id = g_strdup (self->member_id);

  self->loading = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Never the dialog as source object: a weak reference lets it go while the worker runs. */
  hearth_editor_read_async (self->store, read_draft, data, (GDestroyNotify) load_data_free,
                            (GDestroyNotify) draft_free, self->loading, load_done_cb,
                            hearth_weak_ref_new (self));
}

/* Actions ------------------------------------------------------------------------------------ */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthSpotlightDialog *self = HEARTH_SPOTLIGHT_DIALOG (widget);
  g_autofree char *text = hearth_spotlight_dialog_get_text (self);

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied to the clipboard")));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HearthSpotlightDialog *self = HEARTH_SPOTLIGHT_DIALOG (widget);

  if (self->draft == NULL || self->writing)
    return;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->draft, -1);
}

static void
set_writing (HearthSpotlightDialog *self,
             gboolean               writing)
{
  self->writing = writing;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), writing);
  gtk_spinner_set_spinning (self->busy_spinner, writing);
  update_actions (self);
}

static void
logged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HearthSpotlightDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      g_warning ("Could not log a spotlight: %s", error->message);
      if (self != NULL)
        {
          set_writing (self, FALSE);
          hearth_editor_toast_error (self->toast_overlay, _("Could not log the spotlight"), error);
        }
      return;
    }

  if (self == NULL)
    return;

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (HEARTH_IS_WINDOW (parent))
    hearth_window_add_toast (HEARTH_WINDOW (parent),
                             adw_toast_new (_("Spotlight logged in the recognition log")));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HearthSpotlightDialog *self = HEARTH_SPOTLIGHT_DIALOG (widget);
  g_autoptr(HearthRecognition) recognition = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;

  if (self->draft == NULL || self->writing)
    return;

  text = hearth_spotlight_dialog_get_text (self);
  g_strstrip (text);
  if (self->reference_day == NULL)
    self->reference_day = hearth_editor_reference_day (self->store, self->program_id);

  recognition = hearth_recognition_new (self->member_id, "spotlight");
  /* Translators: the title of a recognition entry logged from the spotlight dialog. */
  hearth_record_set_text (HEARTH_RECORD (recognition), HEARTH_RECOGNITION_TITLE,
                          _("Spotlight post"));
  hearth_record_set_text (HEARTH_RECORD (recognition), HEARTH_RECOGNITION_NOTE,
                          text[0] != '\0' ? text : NULL);
  hearth_record_set_text (HEARTH_RECORD (recognition), HEARTH_RECOGNITION_DONE_ON,
                          self->reference_day);

  set_writing (self, TRUE);
  hearth_store_insert_async (self->store, recognition, NULL, logged_cb,
                             hearth_weak_ref_new (self));
}

/* GObject ------------------------------------------------------------------------------------ */

static void
hearth_spotlight_dialog_dispose (GObject *object)
{
  HearthSpotlightDialog *self = HEARTH_SPOTLIGHT_DIALOG (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_SPOTLIGHT_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_spotlight_dialog_parent_class)->dispose (object);
}

static void
hearth_spotlight_dialog_finalize (GObject *object)
{
  HearthSpotlightDialog *self = HEARTH_SPOTLIGHT_DIALOG (object);

  g_clear_pointer (&self->program_id, g_free);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->draft, g_free);
  g_clear_pointer (&self->reference_day, g_free);

  G_OBJECT_CLASS (hearth_spotlight_dialog_parent_class)->finalize (object);
}

static void
hearth_spotlight_dialog_class_init (HearthSpotlightDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_spotlight_dialog_dispose;
  object_class->finalize = hearth_spotlight_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/spotlight/hearth-spotlight-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthSpotlightDialog, window_title);

  gtk_widget_class_install_action (widget_class, "spotlight.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "spotlight.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "spotlight.log", NULL, log_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "spotlight.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_spotlight_dialog_init (HearthSpotlightDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * hearth_spotlight_dialog_new:
 * @parent: (nullable): the window it belongs to; a #HearthWindow gets the toast after logging
 * @store: the store
 * @program: the member's program
 * @member_id: the member to spotlight
 *
 * Returns: (transfer none): the dialog, not yet presented; the draft loads meanwhile
 */
GtkWindow *
hearth_spotlight_dialog_new (GtkWindow     *parent,
                             HearthStore   *store,
                             HearthProgram *program,
                             const char    *member_id)
{
  HearthSpotlightDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_SPOTLIGHT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  self->member_id = g_strdup (member_id);

  load_draft (self);

  return GTK_WINDOW (self);
}

/**
 * hearth_spotlight_dialog_get_text:
 *
 * Returns: (transfer full) (nullable): the text as it stands (the draft, or what the organizer
 *   made of it); %NULL while the draft is still loading or could not be made
 */
char *
hearth_spotlight_dialog_get_text (HearthSpotlightDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (HEARTH_IS_SPOTLIGHT_DIALOG (self), NULL);

  if (self->draft == NULL)
    return NULL;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
