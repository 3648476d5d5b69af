/* hearth-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Import Program": checks a snapshot file on a worker thread and shows what it holds (or the
 * one message saying why it cannot be imported), then imports it as a new program on the DB
 * thread. The import makes its own backup and transaction, so a failure or a cancel leaves the
 * database as it was.
 *
 * When the window shows a program, the file can also be merged into it: a preview first (the
 * very merge, rolled back, on the DB thread like every write), then the merge on confirmation.
 */

#define G_LOG_DOMAIN "hearth-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-import-dialog.h"
#include "hearth-snapshot.h"
#include "hearth-weak-ref.h"
#include "hearth-window.h"

struct _HearthImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkLabel            *activity_label;
  GtkButton           *back_button;
  GtkButton           *confirm_button;
  AdwStatusPage       *error_page;
  GtkLabel            *exported_label;
  GtkLabel            *file_label;
  GtkLabel            *generator_label;
  GtkButton           *import_button;
  GtkLabel            *loading_label;
  GtkLabel            *members_label;
  AdwPreferencesGroup *merge_group;
  AdwActionRow        *merge_row;
  GtkProgressBar      *merge_progress_bar;
  GtkLabel            *name_label;
  GtkListBox          *preview_list;
  GtkLabel            *preview_title_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *again_label;
  GtkLabel            *records_label;
  GtkLabel            *redacted_label;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  AdwToastOverlay     *toast_overlay;

  /* Owned */
  HearthStore         *store;
  GFile               *file;
  HearthProgram       *program;             /* the window's program, the merge target; or NULL */
  GCancellable        *inspect_cancellable;
  GCancellable        *import_cancellable;  /* set while an import, a preview or a merge runs */
  guint                inspected : 1;
  guint                previewed : 1;       /* the preview is shown and may be confirmed */
};

G_DEFINE_FINAL_TYPE (HearthImportDialog, hearth_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Inspecting ---------------------------------------------------------------------------------- */

/* "FILE:LINE:COL: record.field: message" when the error has a position, else "FILE: message",
 * as `hearth --import` says it. */
static void
show_error (HearthImportDialog *self,
            const GError       *error)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *text = g_strdup_printf (g_ascii_isdigit (error->message[0]) ? "%s:%s" : "%s: %s",
                                           basename, error->message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_row), FALSE);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%'u", count);  /* with the locale's digit grouping */

  gtk_label_set_text (label, text);
}

static char *
format_exported_at (const char *exported_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (exported_at == NULL)
    return g_strdup (_("Unknown"));

  utc = g_date_time_new_from_iso8601 (exported_at, NULL);
  if (utc == NULL)
    return g_strdup (exported_at);

  local = g_date_time_to_local (utc);
  /* Translators: how the moment a snapshot was made is shown, in strftime() format. */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static void
show_summary (HearthImportDialog          *self,
              const HearthSnapshotSummary *summary)
{
  g_autofree char *exported = format_exported_at (summary->exported_at);
  g_autofree char *basename = g_file_get_basename (self->file);

  gtk_label_set_text (self->name_label, summary->program_name);

  /* The same file twice: say before importing that its records will get new ids. */
  {
    g_autoptr(HearthProgram) existing = NULL;

    if (summary->program_id != NULL)
      existing = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM,
                                           hearth_store_get_reader (self->store),
                                           summary->program_id, TRUE, NULL);
    gtk_widget_set_visible (GTK_WIDGET (self->again_label), existing != NULL);
  }
  gtk_label_set_text (self->file_label, basename);
  set_count (self->members_label, summary->n_members);
  set_count (self->records_label, summary->n_records);
  set_count (self->activity_label, summary->n_activity_rows);
  gtk_label_set_text (self->exported_label, exported);
  gtk_label_set_text (self->generator_label, summary->generator ? summary->generator : _("Unknown"));
  gtk_label_set_text (self->redacted_label,
                      summary->redacted ? _("Left out (redacted)") : _("Included"));

  self->inspected = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (G_FILE (task_data));
  HearthSnapshotSummary *summary;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only files on this computer can be imported"));
      return;
    }

  summary = hearth_snapshot_inspect (path, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) hearth_snapshot_summary_free);
}

static void
inspect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HearthImportDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled when the dialog was closed before the file was read. */
  summary = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->stack == NULL)
    return;

  gtk_spinner_stop (self->spinner);

  if (summary == NULL)
    {
      show_error (self, error);
      return;
    }

  show_summary (self, summary);
}

static void
start_inspect (HearthImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Not the dialog itself: see hearth-weak-ref.h. */
  task = g_task_new (NULL, self->inspect_cancellable, inspect_done_cb, hearth_weak_ref_new (self));
  g_task_set_source_tag (task, start_inspect);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, inspect_thread);
}

/* Importing ----------------------------------------------------------------------------------- */

typedef struct
{
  char                  *path;
  char                  *program_id;   /* merges only: the target */
  gboolean               preview;
  GCancellable          *cancellable;
  GWeakRef               dialog;
  HearthSnapshotSummary *summary;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_free (job->program_id);
  g_clear_object (&job->cancellable);
  g_weak_ref_clear (&job->dialog);
  g_clear_pointer (&job->summary, hearth_snapshot_summary_free);
  g_free (job);
}

typedef struct
{
  HearthImportDialog  *self;
  HearthSnapshotStage  stage;
  guint64              done;
  guint64              total;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  HearthImportDialog *self = progress->self;

  /* A late report after the import ended must not move the bar again. */
  if (self->import_cancellable != NULL)
    {
      gboolean writing = progress->stage == HEARTH_SNAPSHOT_STAGE_WRITING;
      GtkProgressBar *bar = self->previewed ? self->merge_progress_bar : self->progress_bar;

      gtk_progress_bar_set_text (bar, writing ? _("Writing…") : _("Checking…"));
      if (progress->total > 0)
        gtk_progress_bar_set_fraction (bar,
                                       (writing ? 0.5 : 0.0) +
                                       0.5 * MIN (1.0, (double) progress->done / progress->total));
      else
        gtk_progress_bar_pulse (bar);
    }

  g_object_unref (progress->self);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

/* Runs on the DB thread: hand the numbers to the main thread. */
static void
import_progress (HearthSnapshotStage stage,
                 guint64             done,
                 guint64             total,
                 gpointer            user_data)
{
  ImportJob *job = user_data;
  HearthImportDialog *self = g_weak_ref_get (&job->dialog);
  Progress *progress;

  if (self == NULL)
    return;

  progress = g_new0 (Progress, 1);
  progress->self = self;  /* the reference g_weak_ref_get() took, dropped on the main thread */
  progress->stage = stage;
  progress->done = done;
  progress->total = total;
  /* An idle, never g_main_context_invoke(): that would run the callback right here, on the DB
   * thread, whenever the main thread happens not to hold the main context. */
  g_idle_add (show_progress_cb, progress);
}

static gboolean
import_job (HearthDatabase  *db,
            gpointer         data,
            GError         **error)
{
  ImportJob *job = data;

  job->summary = hearth_snapshot_import (db, job->path, import_progress, job, job->cancellable,
                                         error);

  return job->summary != NULL;
}

/* A merge, or its preview: the same merge rolled back, so it writes nothing. */
static gboolean
merge_job (HearthDatabase  *db,
           gpointer         data,
           GError         **error)
{
  ImportJob *job = data;

  job->summary = hearth_snapshot_merge (db, job->path, job->program_id, job->preview,
                                        job->preview ? NULL : import_progress, job,
                                        job->cancellable, error);

  return job->summary != NULL;
}

static ImportJob *
import_job_new (HearthImportDialog *self)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->path = g_file_get_path (self->file);
  self->import_cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->import_cancellable);
  g_weak_ref_init (&job->dialog, self);

  return job;
}

/* A failed or cancelled job, told in a toast: the dialog stays, and so does the database. */
static void
show_job_error (HearthImportDialog *self,
                const GError       *error,
                const char         *cancelled)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *escaped = g_markup_escape_text (cancelled, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%s %s", error->message,
                                               _("Nothing was changed."));
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
set_importing (HearthImportDialog *self,
               gboolean            importing)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !importing && self->inspected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_row), !importing && self->inspected);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), importing);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Checking…"));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HearthImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ImportJob *job = hearth_store_job_get_data (result);
  gboolean ok = hearth_store_write_finish (HEARTH_STORE (object), result, &error);

  hearth_store_set_busy (HEARTH_STORE (object), FALSE);
  g_clear_object (&self->import_cancellable);

  /* The dialog went away with its window (the application quit) while the import ran. */
  if (self->stack == NULL)
    return;

  set_importing (self, FALSE);

  if (!ok)
    {
      show_job_error (self, error, _("Import cancelled. Nothing was changed."));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0,
                 job->summary->program_id, job->summary->program_name,
                 job->summary->n_members, job->summary->ids_reassigned);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (HearthImportDialog *self)
{
  ImportJob *job;

  if (!self->inspected || self->import_cancellable != NULL)
    return;

  job = import_job_new (self);

  set_importing (self, TRUE);
  hearth_store_set_busy (self->store, TRUE);

  /* The import makes its backup and its transaction itself. */
  hearth_store_write_async (self->store, import_job, job, (GDestroyNotify) import_job_free,
                            HEARTH_WRITE_FLAGS_NO_TRANSACTION, self->import_cancellable,
                            import_done_cb, g_object_ref (self));
}

/* Merging ------------------------------------------------------------------------------------- */

static const char *
describe_kind (const char *what)
{
  static const struct {
    const char *what;
    const char *title;
  } kinds[] = {
    { "program", N_("Program") },
    { "members", N_("Members") },
    { "member_status_changes", N_("Status Changes") },
    { "activity", N_("Activity Rows") },
    { "nominations", N_("Nominations") },
    { "observations", N_("Observations") },
    { "roles", N_("Roles") },
    { "role_goals", N_("Role Goals") },
    { "assignments", N_("Assignments") },
    { "checkins", N_("Check-ins") },
    { "checkin_goals", N_("Check-in Goals") },
    { "badges", N_("Badges") },
    { "awards", N_("Awards") },
    { "recognitions", N_("Recognitions") },
    { "feedback_rounds", N_("Feedback Rounds") },
    { "feedback_round_members", N_("Round Audiences") },
    { "feedback", N_("Feedback") },
    { "meetings", N_("Meetings") },
    { "meeting_attendees", N_("Meeting Attendees") },
    { "meeting_actions", N_("Meeting Actions") },
    { "health_snoozes", N_("Snoozed Checks") },
    { "settings", N_("Settings") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].what, what))
      return _(kinds[i].title);

  /* A kind newer than this list: its snapshot key still says what it is. */
  return what;
}

/* "3 added · 1 updated · 2 kept", leaving out the zeros. */
static char *
describe_counts (const HearthMergeCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts->added > 0)
    /* Translators: these are joined into one line per kind of record, as in
     * "3 added · 1 updated · 2 kept". */
    g_ptr_array_add (parts, g_strdup_printf (_("%'u added"), counts->added));
  if (counts->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%'u updated"), counts->updated));
  if (counts->deleted > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%'u deleted"), counts->deleted));
  if (counts->unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("%'u unchanged"), counts->unchanged));
  if (counts->kept > 0)
    /* Translators: local records a merge keeps (they are newer than the file's, or a tie). */
    g_ptr_array_add (parts, g_strdup_printf (_("%'u kept"), counts->kept));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
clear_preview (HearthImportDialog *self)
{
  GtkWidget *row;

  /* gtk_list_box_remove_all() needs GTK 4.12. */
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, row);
}

static void
show_preview (HearthImportDialog          *self,
              const HearthSnapshotSummary *summary)
{
  clear_preview (self);

  for (guint i = 0; summary->merge != NULL && i < summary->merge->len; i++)
    {
      const HearthMergeCounts *counts = &g_array_index (summary->merge, HearthMergeCounts, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (counts->added + counts->updated + counts->deleted + counts->unchanged +
          counts->kept == 0)
        continue;

      subtitle = describe_counts (counts);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe_kind (counts->what));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->preview_list, row);
    }

  self->previewed = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_button));
}

/* Back to what the file holds, where both ways of importing it are offered again. */
static void
show_summary_again (HearthImportDialog *self)
{
  self->previewed = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_row), TRUE);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HearthImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ImportJob *job = hearth_store_job_get_data (result);
  gboolean ok = hearth_store_write_finish (HEARTH_STORE (object), result, &error);

  g_clear_object (&self->import_cancellable);

  if (self->stack == NULL)
    return;

  if (!ok)
    {
      show_summary_again (self);
      show_job_error (self, error, _("Merge cancelled. Nothing was changed."));
      return;
    }

  gtk_spinner_stop (self->spinner);
  show_preview (self, job->summary);
}

static void
merge_clicked_cb (HearthImportDialog *self)
{
  g_autofree char *title = NULL;
  ImportJob *job;

  if (!self->inspected || self->program == NULL || self->import_cancellable != NULL)
    return;

  job = import_job_new (self);
  job->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (self->program)));
  job->preview = TRUE;

  /* Translators: %s is the name of the program the file would be merged into. */
  title = g_strdup_printf (_("Comparing with “%s”…"), hearth_program_get_name (self->program));
  gtk_label_set_text (self->loading_label, title);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_row), FALSE);

  /* Written nothing, but like every write it runs on the DB thread; the merge manages its own
   * transaction (and rolls a preview back). */
  hearth_store_write_async (self->store, merge_job, job, (GDestroyNotify) import_job_free,
                            HEARTH_WRITE_FLAGS_NO_TRANSACTION, self->import_cancellable,
                            preview_done_cb, g_object_ref (self));
}

static void
back_clicked_cb (HearthImportDialog *self)
{
  if (self->import_cancellable != NULL)
    return;

  show_summary_again (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->merge_row));
}

static void
set_merging (HearthImportDialog *self,
             gboolean            merging)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), !merging);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !merging);
  gtk_widget_set_visible (GTK_WIDGET (self->merge_progress_bar), merging);
  gtk_progress_bar_set_fraction (self->merge_progress_bar, 0.0);
  gtk_progress_bar_set_text (self->merge_progress_bar, _("Checking…"));
}

static void
merge_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HearthImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ImportJob *job = hearth_store_job_get_data (result);
  gboolean ok = hearth_store_write_finish (HEARTH_STORE (object), result, &error);
  guint added = 0, updated = 0, deleted = 0;
  const char *name;
  GtkWindow *parent;

  hearth_store_set_busy (HEARTH_STORE (object), FALSE);
  g_clear_object (&self->import_cancellable);

  if (self->stack == NULL)
    return;

  set_merging (self, FALSE);

  if (!ok)
    {
      show_job_error (self, error, _("Merge cancelled. Nothing was changed."));
      return;
    }

  for (guint i = 0; job->summary->merge != NULL && i < job->summary->merge->len; i++)
    {
      const HearthMergeCounts *counts = &g_array_index (job->summary->merge, HearthMergeCounts, i);

      added += counts->added;
      updated += counts->updated;
      deleted += counts->deleted;
    }

  name = job->summary->program_name != NULL ? job->summary->program_name
                                            : hearth_program_get_name (self->program);
  g_signal_emit (self, signals[MERGED], 0, job->summary->program_id, name, added, updated,
                 deleted);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (HEARTH_IS_WINDOW (parent))
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* Translators: %s is a program's name; the numbers count records of every kind. */
      g_autofree char *title = g_strdup_printf (_("Merged “%s”: %u added, %u updated, %u deleted"),
                                                escaped, added, updated, deleted);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      hearth_window_add_toast (HEARTH_WINDOW (parent), toast);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_clicked_cb (HearthImportDialog *self)
{
  ImportJob *job;

  if (!self->previewed || self->program == NULL || self->import_cancellable != NULL)
    return;

  job = import_job_new (self);
  job->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (self->program)));
  job->preview = FALSE;

  set_merging (self, TRUE);
  hearth_store_set_busy (self->store, TRUE);

  /* The merge makes its backup and its transaction itself. */
  hearth_store_write_async (self->store, merge_job, job, (GDestroyNotify) import_job_free,
                            HEARTH_WRITE_FLAGS_NO_TRANSACTION, self->import_cancellable,
                            merge_done_cb, g_object_ref (self));
}

/* Cancel stops a running import, preview or merge and keeps the dialog; otherwise it closes
 * the dialog. */
static void
cancel_clicked_cb (HearthImportDialog *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* GObject ------------------------------------------------------------------------------------- */

static gboolean
hearth_import_dialog_close_request (GtkWindow *window)
{
  HearthImportDialog *self = HEARTH_IMPORT_DIALOG (window);

  if (self->import_cancellable != NULL)
    {
      g_cancellable_cancel (self->import_cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hearth_import_dialog_parent_class)->close_request (window);
}

static void
hearth_import_dialog_dispose (GObject *object)
{
  HearthImportDialog *self = (HearthImportDialog *)object;

  g_cancellable_cancel (self->inspect_cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->program);
  g_clear_object (&self->inspect_cancellable);
  g_clear_object (&self->import_cancellable);

  G_OBJECT_CLASS (hearth_import_dialog_parent_class)->dispose (object);
}

static void
hearth_import_dialog_class_init (HearthImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearth_import_dialog_dispose;

  window_class->close_request = hearth_import_dialog_close_request;

  /**
   * HearthImportDialog::imported:
   * @id: the new program's id
   * @name: its name
   * @n_members: how many members it has
   * @ids_reassigned: whether its records got fresh ids (the file was imported before)
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_BOOLEAN);

  /**
   * HearthImportDialog::merged:
   * @id: the program merged into
   * @name: its name
   * @added: records added, of every kind
   * @updated: records updated
   * @deleted: records deleted
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT,
                  G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/import/hearth-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, again_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, activity_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, exported_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, generator_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, members_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, merge_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, merge_progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, merge_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, preview_title_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, records_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, redacted_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_import_dialog_init (HearthImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->inspect_cancellable = g_cancellable_new ();
}

/**
 * hearth_import_dialog_new:
 * @file: the snapshot to import
 * @program: (nullable): the program the window shows, which the file may be merged into
 *
 * The dialog starts checking @file at once.
 */
HearthImportDialog *
hearth_import_dialog_new (HearthStore   *store,
                          GFile         *file,
                          HearthProgram *program)
{
  HearthImportDialog *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (program == NULL || HEARTH_IS_PROGRAM (program), NULL);

  self = g_object_new (HEARTH_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);

  if (program != NULL)
    {
      g_autofree char *doubled = NULL;
      g_autofree char *label = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) parts = NULL;

      self->program = g_object_ref (program);

      /* The name's own underscores must not become mnemonics. */
      parts = g_strsplit (hearth_program_get_name (program), "_", -1);
      doubled = g_strjoinv ("__", parts);
      /* Translators: %s is the name of the program the window shows. */
      label = g_strdup_printf (_("_Merge into “%s”"), doubled);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->merge_row), label);
      gtk_widget_set_visible (GTK_WIDGET (self->merge_group), TRUE);

      /* Translators: %s is the name of the program the file would be merged into. */
      title = g_strdup_printf (_("Merging into “%s”"), hearth_program_get_name (program));
      gtk_label_set_text (self->preview_title_label, title);
    }

  start_inspect (self);

  return self;
}
