/* hearth-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DB thread of DESIGN §3. One thread per store owns the only write connection; every write,
 * UI edits included, is a job queued to it, and its result comes back on the main context of
 * whoever queued it. The main thread reads through a separate read-only connection, which WAL
 * keeps consistent while the writer works.
 *
 * After each successful write the store emits ::changed on the main context it was opened on,
 * before the job's own callback runs, so list models are fresh by the time a caller looks.
 */

#define G_LOG_DOMAIN "hearth-store"

#include "config.h"

#include "hearth-store.h"

struct _HearthStore
{
  GObject          parent_instance;

  char            *path;
  HearthDatabase  *writer;     /* owned, but only touched on the DB thread after open */
  HearthDatabase  *reader;
  GMainContext    *context;
  GThread         *thread;
  GAsyncQueue     *queue;
  guint            pending;    /* main thread only */
  guint            busy : 1;
};

typedef struct
{
  HearthWriteFunc   func;
  gpointer          data;
  GDestroyNotify    destroy;
  HearthWriteFlags  flags;
  /* Exactly one of task (asynchronous) or the sync fields is used. */
  GTask            *task;
  GMutex            mutex;
  GCond             cond;
  gboolean          done;
  gboolean          ok;
  GError           *error;
  gboolean          answered;   /* cancelled: the task has already returned */
} Job;

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PENDING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pushed to the queue to stop the thread. */
static Job stop_job;

G_DEFINE_FINAL_TYPE (HearthStore, hearth_store, G_TYPE_OBJECT)

static void
job_free (Job *job)
{
  if (job->destroy != NULL && job->data != NULL)
    job->destroy (job->data);
  g_clear_error (&job->error);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static gboolean
run_job (HearthDatabase  *db,
         Job             *job,
         GError         **error)
{
  if (job->task != NULL && g_task_return_error_if_cancelled (job->task))
    {
      /* Already answered with G_IO_ERROR_CANCELLED; nothing to write. */
      job->answered = TRUE;
      return FALSE;
    }

  if (job->flags & HEARTH_WRITE_FLAGS_NO_TRANSACTION)
    return job->func (db, job->data, error);

  if (!hearth_database_begin (db, error))
    return FALSE;

  if (!job->func (db, job->data, error))
    {
      hearth_database_rollback (db);
      return FALSE;
    }

  if (!hearth_database_commit (db, error))
    {
      hearth_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  HearthStore *store;
  GTask       *task;
  gboolean     ok;
  GError      *error;
} Completion;

static gboolean
complete_on_main (gpointer user_data)
{
  Completion *completion = user_data;
  HearthStore *self = completion->store;

  g_assert (self->pending > 0);
  self->pending--;

  if (completion->ok)
    g_signal_emit (self, signals[CHANGED], 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  if (completion->ok)
    g_task_return_boolean (completion->task, TRUE);
  else if (completion->error != NULL)
    g_task_return_error (completion->task, g_steal_pointer (&completion->error));

  g_clear_object (&completion->task);
  g_object_unref (completion->store);
  g_free (completion);

  return G_SOURCE_REMOVE;
}

/* Always through a source, never g_main_context_invoke(): that runs the function right here,
 * on the DB thread, whenever no thread owns the context at that moment (a main thread between
 * two iterations), and ::changed and the callbacks must only ever run on the main context. */
static void
complete_later (GMainContext *context,
                Completion   *completion)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, complete_on_main, completion, NULL);
  g_source_set_static_name (source, "[hearth] write completion");
  g_source_attach (source, context);
  g_source_unref (source);
}

static gpointer
db_thread (gpointer user_data)
{
  HearthStore *self = user_data;
  Job *job;

  while ((job = g_async_queue_pop (self->queue)) != &stop_job)
    {
      GError *error = NULL;
      gboolean ok = run_job (self->writer, job, &error);

      /* A job that fails without saying why still fails, and its caller still hears back. */
      if (!ok && error == NULL && !job->answered)
        g_set_error (&error, HEARTH_ERROR, HEARTH_ERROR_FAILED, "the write job failed");

      if (job->task != NULL)
        {
          Completion *completion = g_new0 (Completion, 1);

          /* A cancelled job (ok is FALSE with no error) was already answered in run_job();
           * completing it on the main context only drops the pending count. */
          completion->store = g_object_ref (self);
          completion->task = g_steal_pointer (&job->task);
          completion->ok = ok;
          completion->error = error;

          complete_later (self->context, completion);
        }
      else
        {
          g_mutex_lock (&job->mutex);
          job->ok = ok;
          job->error = error;
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
        }
    }

  return NULL;
}

static void
hearth_store_dispose (GObject *object)
{
  HearthStore *self = (HearthStore *)object;

  hearth_store_close (self);

  G_OBJECT_CLASS (hearth_store_parent_class)->dispose (object);
}

static void
hearth_store_finalize (GObject *object)
{
  HearthStore *self = (HearthStore *)object;

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (hearth_store_parent_class)->finalize (object);
}

static void
hearth_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HearthStore *self = HEARTH_STORE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HearthStore *self = HEARTH_STORE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      hearth_store_set_busy (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_store_class_init (HearthStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_store_dispose;
  object_class->finalize = hearth_store_finalize;
  object_class->get_property = hearth_store_get_property;
  object_class->set_property = hearth_store_set_property;

  /**
   * HearthStore:busy:
   *
   * Set while a long job (an import or a merge) runs: the UI disables editing and says why.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HearthStore::changed:
   *
   * Emitted on the store's main context after a write job committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
hearth_store_init (HearthStore *self)
{
  self->queue = g_async_queue_new ();
}

HearthStore *
hearth_store_open (const char  *path,
                   GError     **error)
{
  return hearth_store_open_full (path, HEARTH_DATABASE_BUSY_TIMEOUT_MS, error);
}

/**
 * hearth_store_open_full:
 * @path: the database file
 * @busy_timeout_ms: how long to wait for another program's lock
 *
 * Opens (creating and migrating when needed) the write connection, then the read-only one,
 * and starts the DB thread. Results of later writes are delivered on the thread-default main
 * context of the caller.
 */
HearthStore *
hearth_store_open_full (const char  *path,
                        int          busy_timeout_ms,
                        GError     **error)
{
  g_autoptr(HearthStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();

  /* Opened here, used only on the DB thread from now on. */
  self->writer = hearth_database_open_full (path, HEARTH_DATABASE_FLAGS_NONE,
                                            busy_timeout_ms, error);
  if (self->writer == NULL)
    return NULL;

  self->reader = hearth_database_open_full (path, HEARTH_DATABASE_FLAGS_READ_ONLY,
                                            busy_timeout_ms, error);
  if (self->reader == NULL)
    {
      g_clear_object (&self->writer);
      return NULL;
    }

  self->thread = g_thread_new ("hearth-db", db_thread, self);

  return g_steal_pointer (&self);
}

const char *
hearth_store_get_path (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), NULL);

  return self->path;
}

/**
 * hearth_store_get_reader:
 *
 * Returns: (transfer none): the read-only connection for the thread that opened the store
 */
HearthDatabase *
hearth_store_get_reader (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), NULL);

  return self->reader;
}

static Job *
job_new (HearthWriteFunc  func,
         gpointer         job_data,
         GDestroyNotify   destroy,
         HearthWriteFlags flags)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = job_data;
  job->destroy = destroy;
  job->flags = flags;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);

  return job;
}

static void
task_job_free (gpointer data)
{
  job_free (data);
}

void
hearth_store_write_async (HearthStore         *self,
                          HearthWriteFunc      func,
                          gpointer             job_data,
                          GDestroyNotify       job_data_destroy,
                          HearthWriteFlags     flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (HEARTH_IS_STORE (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hearth_store_write_async);
  /* Cancelling only stops a job that has not started (run_job answers it then). Once a job
   * ran, its real outcome is reported: a committed write must not read as cancelled. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->thread == NULL)
    {
      if (job_data_destroy != NULL)
        job_data_destroy (job_data);
      g_task_return_new_error (task, HEARTH_ERROR, HEARTH_ERROR_FAILED,
                               "%s: the database is closed", self->path);
      return;
    }

  job = job_new (func, job_data, job_data_destroy, flags);
  /* The task owns the job, so the job data lives until the caller's callback has run. */
  g_task_set_task_data (task, job, task_job_free);
  job->task = g_object_ref (task);

  self->pending++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  g_async_queue_push (self->queue, job);
}

gboolean
hearth_store_write_finish (HearthStore   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * hearth_store_job_get_data:
 * @result: the result given to a write callback
 *
 * Returns: (transfer none): the job data, where a job leaves its results
 */
gpointer
hearth_store_job_get_data (GAsyncResult *result)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));

  return job != NULL ? job->data : NULL;
}

/**
 * hearth_store_write_sync:
 *
 * Queues a job and waits for it, for headless runs and tests. ::changed is not emitted. The
 * job data stays owned by the caller.
 */
gboolean
hearth_store_write_sync (HearthStore       *self,
                         HearthWriteFunc    func,
                         gpointer           job_data,
                         HearthWriteFlags   flags,
                         GError           **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->thread == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED, "%s: the database is closed",
                   self->path);
      return FALSE;
    }

  job = job_new (func, job_data, NULL, flags);
  g_async_queue_push (self->queue, job);

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  ok = job->ok;
  if (!ok)
    {
      if (job->error != NULL)
        g_propagate_error (error, g_steal_pointer (&job->error));
      else
        g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED, "the write job failed");
    }

  job_free (job);

  return ok;
}

guint
hearth_store_get_pending (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), 0);

  return self->pending;
}

void
hearth_store_set_busy (HearthStore *self,
                       gboolean     busy)
{
  g_return_if_fail (HEARTH_IS_STORE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
hearth_store_get_busy (HearthStore *self)
{
  g_return_val_if_fail (HEARTH_IS_STORE (self), FALSE);

  return self->busy;
}

/**
 * hearth_store_close:
 *
 * Lets the DB thread finish every queued job, stops it and closes both connections. Safe to
 * call twice. Callbacks of jobs finished here still run later on the main context.
 */
void
hearth_store_close (HearthStore *self)
{
  g_return_if_fail (HEARTH_IS_STORE (self));

  if (self->thread != NULL)
    {
      g_async_queue_push (self->queue, &stop_job);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  /* The reader first: the last connection to close checkpoints the WAL into the database file
   * and removes it, and a read-only connection cannot, which would leave recent commits only
   * in hearth.db-wal after Hearth quits. */
  g_clear_object (&self->reader);
  g_clear_object (&self->writer);
}

/* Single-record jobs ------------------------------------------------------------------------- */

#include "hearth-record.h"

static gboolean
insert_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  return hearth_record_insert (job_data, db, error);
}

static gboolean
update_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  return hearth_record_update (job_data, db, error);
}

void
hearth_store_insert_async (HearthStore         *self,
                           gpointer             record,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (HEARTH_IS_RECORD (record));

  hearth_store_write_async (self, insert_job, hearth_record_copy (record), g_object_unref,
                            HEARTH_WRITE_FLAGS_NONE, cancellable, callback, user_data);
}

void
hearth_store_update_async (HearthStore         *self,
                           gpointer             record,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (HEARTH_IS_RECORD (record));

  hearth_store_write_async (self, update_job, hearth_record_copy (record), g_object_unref,
                            HEARTH_WRITE_FLAGS_NONE, cancellable, callback, user_data);
}

typedef struct
{
  char     *table;
  char     *id;
  gboolean  deleted;
} DeleteJob;

static void
delete_job_free (gpointer data)
{
  DeleteJob *job = data;

  g_free (job->table);
  g_free (job->id);
  g_free (job);
}

static gboolean
delete_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  DeleteJob *job = job_data;

  if (job->deleted)
    return hearth_database_soft_delete (db, job->table, job->id, error);
  else
    return hearth_database_undelete (db, job->table, job->id, error);
}

void
hearth_store_delete_async (HearthStore         *self,
                           const char          *table,
                           const char          *id,
                           gboolean             deleted,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  DeleteJob *job;

  g_return_if_fail (hearth_database_is_entity_table (table));
  g_return_if_fail (id != NULL);

  job = g_new0 (DeleteJob, 1);
  job->table = g_strdup (table);
  job->id = g_strdup (id);
  job->deleted = deleted;

  hearth_store_write_async (self, delete_job, job, delete_job_free, HEARTH_WRITE_FLAGS_NONE,
                            cancellable, callback, user_data);
}
