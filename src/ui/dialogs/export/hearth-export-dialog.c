/* hearth-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export Program": writes the program as a JSON snapshot (DESIGN §6), with or without its
 * activity and optionally redacted. The export runs on a worker thread with a read-only
 * connection of its own, so a large program never freezes the window; the main thread's reader
 * is never used from another thread.
 */

#define G_LOG_DOMAIN "hearth-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-export-dialog.h"
#include "hearth-snapshot.h"

#include <string.h>

struct _HearthExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkSwitch            *activity_switch;
  GtkButton            *export_button;
  GtkLabel             *name_label;
  AdwPreferencesGroup  *options_group;
  GtkSwitch            *redact_switch;
  GtkSpinner           *spinner;
  AdwToastOverlay      *toast_overlay;

  /* Owned */
  HearthStore          *store;
  char                 *program_id;
  char                 *program_name;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* set while an export runs */
};

G_DEFINE_FINAL_TYPE (HearthExportDialog, hearth_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                      *db_path;
  char                      *program_id;
  GFile                     *file;
  HearthSnapshotExportFlags  flags;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  g_free (data->program_id);
  g_clear_object (&data->file);
  g_free (data);
}

/* A file name from the program's name: no folder separators, no characters other systems
 * refuse, no hidden file. */
static char *
suggest_file_name (const char *program_name)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  for (const char *p = program_name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (char) c) != NULL))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }

  stripped = g_strstrip (g_string_free (g_steal_pointer (&name), FALSE));
  while (stripped[0] == '.')
    memmove (stripped, stripped + 1, strlen (stripped));

  /* Translators: the file name offered for a program without a usable name. */
  return g_strdup_printf ("%s.json", stripped[0] != '\0' ? stripped : _("program"));
}

static void
set_running (HearthExportDialog *self,
             gboolean            running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !running);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(HearthDatabase) db = NULL;
  GError *error = NULL;

  /* A connection of this thread's own: SQLite connections are not shared across threads. */
  db = hearth_database_open (data->db_path, HEARTH_DATABASE_FLAGS_READ_ONLY, &error);
  if (db == NULL ||
      !hearth_snapshot_export (db, data->program_id, data->file, data->flags, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  HearthExportDialog *self = HEARTH_EXPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->cancellable);

  /* The dialog went away with its window while the export ran. */
  if (self->toast_overlay == NULL)
    return;

  set_running (self, FALSE);

  if (!ok)
    {
      g_autofree char *escaped = NULL;
      AdwToast *toast;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          escaped = g_markup_escape_text (_("Export cancelled"), -1);
          toast = adw_toast_new (escaped);
        }
      else
        {
          escaped = g_markup_escape_text (error->message, -1);
          toast = adw_toast_new (escaped);
          adw_toast_set_timeout (toast, 0);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, self->program_name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_export (HearthExportDialog *self,
              GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data = g_new0 (ExportData, 1);

  data->db_path = g_strdup (hearth_store_get_path (self->store));
  data->program_id = g_strdup (self->program_id);
  data->file = g_object_ref (file);
  data->flags = HEARTH_SNAPSHOT_EXPORT_NONE;
  if (!gtk_switch_get_active (self->activity_switch))
    data->flags |= HEARTH_SNAPSHOT_EXPORT_NO_ACTIVITY;
  if (gtk_switch_get_active (self->redact_switch))
    data->flags |= HEARTH_SNAPSHOT_EXPORT_REDACT;

  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (HearthExportDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    start_export (self, file);
}

static void
export_clicked_cb (HearthExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->cancellable != NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Program"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Hearth Snapshots (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = suggest_file_name (self->program_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Cancel stops a running export and keeps the dialog; otherwise it closes the dialog. */
static void
cancel_clicked_cb (HearthExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
hearth_export_dialog_close_request (GtkWindow *window)
{
  HearthExportDialog *self = HEARTH_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hearth_export_dialog_parent_class)->close_request (window);
}

static void
hearth_export_dialog_map (GtkWidget *widget)
{
  HearthExportDialog *self = HEARTH_EXPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (hearth_export_dialog_parent_class)->map (widget);

  /* Enter exports right away; it never lands on Cancel. */
  gtk_widget_grab_focus (GTK_WIDGET (self->export_button));
}

static void
hearth_export_dialog_dispose (GObject *object)
{
  HearthExportDialog *self = (HearthExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hearth_export_dialog_parent_class)->dispose (object);
}

static void
hearth_export_dialog_finalize (GObject *object)
{
  HearthExportDialog *self = (HearthExportDialog *)object;

  g_clear_pointer (&self->program_id, g_free);
  g_clear_pointer (&self->program_name, g_free);

  G_OBJECT_CLASS (hearth_export_dialog_parent_class)->finalize (object);
}

static void
hearth_export_dialog_class_init (HearthExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearth_export_dialog_dispose;
  object_class->finalize = hearth_export_dialog_finalize;

  widget_class->map = hearth_export_dialog_map;

  window_class->close_request = hearth_export_dialog_close_request;

  /**
   * HearthExportDialog::exported:
   * @name: the exported program's name
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/export/hearth-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, activity_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthExportDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_export_dialog_init (HearthExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HearthExportDialog *
hearth_export_dialog_new (HearthStore   *store,
                          HearthProgram *program)
{
  HearthExportDialog *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);

  self = g_object_new (HEARTH_TYPE_EXPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  self->program_name = g_strdup (hearth_program_get_name (program));
  gtk_label_set_text (self->name_label, self->program_name);

  return self;
}
