/* hearth-editor-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the record editors (member, nomination, observation) share: reading a trimmed entry,
 * the inline error rows, the reference day for new dates, and the Undo toast on the main
 * window after a delete. Also what pages and dialogs share to read on a worker thread.
 */

#define G_LOG_DOMAIN "hearth-editor-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-editor-util.h"
#include "hearth-program.h"
#include "hearth-util.h"
#include "hearth-window.h"

/* Returns: (transfer full) (nullable): the text without surrounding spaces, NULL when empty
 * (DESIGN §4: "not set" is NULL, never ''). */
char *
hearth_editor_get_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* A plausible address, not a full RFC 5322 check: one @ with something before it, a dot in
 * what follows (neither first nor last), and no spaces anywhere. */
gboolean
hearth_editor_email_is_valid (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  dot = strchr (at + 1, '.');
  return dot != NULL && dot != at + 1 && dot[1] != '\0' && text[strlen (text) - 1] != '.';
}

/* Shows @message under a field (or hides it with %NULL), and marks the field itself. */
void
hearth_editor_show_error (AdwActionRow *error_row,
                          GtkWidget    *field,
                          const char   *message)
{
  if (message != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message);
      gtk_widget_add_css_class (field, "error");
    }
  else
    gtk_widget_remove_css_class (field, "error");

  gtk_widget_set_visible (GTK_WIDGET (error_row), message != NULL);
}

/* The day new records are dated by default: program.as_of, HEARTH_TODAY, or today. */
char *
hearth_editor_reference_day (HearthStore *store,
                             const char  *program_id)
{
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GDate) day = NULL;
  const char *as_of = NULL;

  if (program_id != NULL)
    program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                        program_id, FALSE, NULL);
  if (program != NULL)
    as_of = hearth_record_get_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF);

  day = hearth_reference_day (as_of);
  return hearth_date_to_string (day);
}

/* After a delete from @dialog: a toast on the main window whose Undo restores the record
 * (win.undo-delete-record). The dialog itself closes, so the toast can't live there. */
void
hearth_editor_toast_deleted (GtkWindow  *dialog,
                             const char *table,
                             const char *id,
                             const char *title)
{
  GtkWindow *parent = dialog ? gtk_window_get_transient_for (dialog) : NULL;
  AdwToast *toast;

  if (!HEARTH_IS_WINDOW (parent))
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-record");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", table, id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  hearth_window_add_toast (HEARTH_WINDOW (parent), toast);
}

void
hearth_editor_toast_error (AdwToastOverlay *overlay,
                           const char      *what,
                           const GError    *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  /* Toast titles are markup on libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* How the UI names the activity kinds of the schema (hearth_activity_kinds): the import
 * dialog's mapping, the role editor's metrics and the roles page's goals all use these. */
static const struct
{
  const char *kind;
  const char *label;
} kind_labels[] = {
  { "message", N_("Messages") },
  { "thread_started", N_("Threads started") },
  { "reply", N_("Replies") },
  { "welcome", N_("Welcomes") },
  { "answer", N_("Answers") },
  { "reaction_received", N_("Reactions received") },
  { "event_attended", N_("Events attended") },
  { "event_promoted", N_("Events promoted") },
  { "content_shared", N_("Content shared") },
};

/**
 * hearth_activity_kind_label:
 * @kind: an activity kind, such as "welcome"
 *
 * Returns: the kind's translated name ("Welcomes"), or @kind itself when it is unknown
 */
const char *
hearth_activity_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].kind, kind) == 0)
      return _(kind_labels[i].label);

  return kind;
}

typedef struct
{
  char           *path;
  HearthReadFunc  func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  gpointer result;

  /* A connection of this thread's own: SQLite connections are not shared across threads. */
  if (!(db = hearth_database_open (job->path, HEARTH_DATABASE_FLAGS_READ_ONLY, &error)) ||
      !(result = job->func (db, job->data, cancellable, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

/**
 * hearth_editor_read_async:
 * @func: what to read, on a worker thread with a read-only connection of its own
 * @data: (nullable): for @func, freed with @data_free once the task is done
 * @result_free: frees @func's result when nobody takes it
 * @user_data: for @callback; never a widget itself (it may go while the worker runs: pass a
 *   weak reference, see hearth-weak-ref.h)
 *
 * The task has no source object, for the same reason.
 */
void
hearth_editor_read_async (HearthStore         *store,
                          HearthReadFunc       func,
                          gpointer             data,
                          GDestroyNotify       data_free,
                          GDestroyNotify       result_free,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (HEARTH_IS_STORE (store));
  g_return_if_fail (func != NULL);

  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (hearth_store_get_path (store));
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hearth_editor_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * hearth_editor_read_finish:
 *
 * Returns: (transfer full): the read function's result, or NULL with @error set
 */
gpointer
hearth_editor_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hearth_editor_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
