/* test-store.c: the DB thread — writes from anywhere land, results come back on the main
 * loop, a slow write never freezes the window, and closing loses nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-program.h"
#include "hearth-store.h"
#include "test-util.h"

static GThread *main_thread;

static HearthStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  HearthStore *store = hearth_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (hearth_store_get_path (store), ==, path);

  return store;
}

static gint64
count_rows (HearthDatabase *db)
{
  return test_sqlite_int (hearth_database_get_handle (db), "SELECT count(*) FROM program");
}

/* The file as a fresh connection sees it, after the store is gone. */
static gint64
count_rows_in_file (const char *path)
{
  sqlite3 *db = test_sqlite_open (path);
  gint64 n = test_sqlite_int (db, "SELECT count(*) FROM program");

  sqlite3_close (db);
  return n;
}

static gboolean
insert_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  g_autoptr(HearthProgram) program = hearth_program_new (job_data);

  g_assert_true (g_thread_self () != main_thread);

  return hearth_record_insert (HEARTH_RECORD (program), db, error);
}

/* Writes from several threads at once ------------------------------------------------------- */

#define N_THREADS 4
#define N_WRITES_PER_THREAD 50

typedef struct
{
  HearthStore *store;
  guint        index;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *data = user_data;

  for (guint i = 0; i < N_WRITES_PER_THREAD; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Thread %u program %u", data->index, i);

      if (!hearth_store_write_sync (data->store, insert_job, name, HEARTH_WRITE_FLAGS_NONE,
                                    &error))
        return g_steal_pointer (&error);
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  GThread *threads[N_THREADS];
  WriterData data[N_THREADS];
  HearthDatabase *reader = hearth_store_get_reader (store);

  for (guint t = 0; t < N_THREADS; t++)
    {
      data[t].store = store;
      data[t].index = t;
      threads[t] = g_thread_new ("test-writer", writer_thread, &data[t]);
    }

  for (guint t = 0; t < N_THREADS; t++)
    {
      g_autoptr(GError) error = g_thread_join (threads[t]);

      g_assert_no_error (error);
    }

  g_assert_cmpint (count_rows (reader), ==, N_THREADS * N_WRITES_PER_THREAD);
  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (reader),
                                    "SELECT count(DISTINCT name) FROM program"),
                   ==, N_THREADS * N_WRITES_PER_THREAD);

  hearth_store_close (store);
  g_assert_cmpint (count_rows_in_file (td->path), ==, N_THREADS * N_WRITES_PER_THREAD);
}

/* Asynchronous writes: ::changed, then the callback, on the main context --------------------- */

typedef struct
{
  HearthStore *store;
  guint        n_changed;
  guint        n_done;
  GPtrArray   *ids;
} AsyncState;

static void
async_changed_cb (HearthStore *store,
                  AsyncState  *state)
{
  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->n_changed++;
}

static void
async_insert_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProgram) loaded = NULL;
  HearthRecord *written;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_true (hearth_store_write_finish (HEARTH_STORE (source), result, &error));
  g_assert_no_error (error);

  /* ::changed for this write came first, so lists were already fresh. */
  g_assert_cmpuint (state->n_changed, >, state->n_done);
  state->n_done++;

  /* The job's copy carries the id and timestamps it was written with... */
  written = hearth_store_job_get_data (result);
  g_assert_true (HEARTH_IS_PROGRAM (written));
  g_assert_nonnull (hearth_record_get_id (written));
  g_assert_nonnull (hearth_record_get_created_at (written));
  g_ptr_array_add (state->ids, g_strdup (hearth_record_get_id (written)));

  /* ...and the reader already sees exactly that. */
  loaded = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM,
                                     hearth_store_get_reader (state->store),
                                     hearth_record_get_id (written), FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (loaded), written));
}

static void
test_async_order (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  AsyncState state = { store, 0, 0, g_ptr_array_new_with_free_func (g_free) };
  const guint n_jobs = 5;

  g_signal_connect (store, "changed", G_CALLBACK (async_changed_cb), &state);

  for (guint i = 0; i < n_jobs; i++)
    {
      g_autofree char *name = g_strdup_printf ("Async %u", i);
      g_autoptr(HearthProgram) program = hearth_program_new (name);

      hearth_store_insert_async (store, program, NULL, async_insert_done_cb, &state);
      /* The job took a copy: the caller's object is never written to from the DB thread. */
      g_assert_null (hearth_record_get_id (HEARTH_RECORD (program)));
    }

  g_assert_cmpuint (hearth_store_get_pending (store), ==, n_jobs);

  /* Let the jobs finish while this thread is not running the main loop (nobody owns the
   * context): the results must still wait for the main loop, never run on the DB thread. */
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (state.n_changed, ==, 0);
  g_assert_cmpuint (state.n_done, ==, 0);
  g_assert_cmpint (count_rows (hearth_store_get_reader (store)), ==, n_jobs);

  test_spin_until (state.n_done == n_jobs);
  g_assert_cmpuint (state.n_changed, ==, n_jobs);
  g_assert_cmpuint (hearth_store_get_pending (store), ==, 0);
  g_assert_cmpint (count_rows (hearth_store_get_reader (store)), ==, n_jobs);

  g_ptr_array_unref (state.ids);
}

/* A long write never blocks the main loop --------------------------------------------------- */

#define SLOW_JOB_MS 500
#define TICK_MS 10

typedef struct
{
  guint    ticks;
  gboolean done;
  guint    ticks_at_done;
  GThread *job_thread;
} SlowState;

static gboolean
slow_job (HearthDatabase  *db,
          gpointer         job_data,
          GError         **error)
{
  SlowState *state = job_data;
  g_autoptr(HearthProgram) program = hearth_program_new ("Slow");

  state->job_thread = g_thread_self ();
  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;

  g_usleep (SLOW_JOB_MS * G_TIME_SPAN_MILLISECOND);
  return TRUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  SlowState *state = user_data;

  state->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
slow_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SlowState *state = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_store_write_finish (HEARTH_STORE (source), result, &error));
  g_assert_no_error (error);
  state->ticks_at_done = state->ticks;
  state->done = TRUE;
}

static void
test_main_loop_responsive (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  SlowState state = { 0 };
  guint tick_id;

  tick_id = g_timeout_add (TICK_MS, tick_cb, &state);
  hearth_store_write_async (store, slow_job, &state, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            slow_done_cb, &state);

  test_spin_until (state.done);
  g_source_remove (tick_id);

  /* 500 ms of work at a 10 ms tick is ~50 ticks; 20 leaves room for a loaded machine. A main
   * loop blocked by the job would see at most a couple. */
  g_test_message ("%u ticks while a %d ms write ran", state.ticks_at_done, SLOW_JOB_MS);
  g_assert_cmpuint (state.ticks_at_done, >=, 20);
  g_assert_true (state.job_thread != NULL && state.job_thread != main_thread);
  g_assert_cmpint (count_rows (hearth_store_get_reader (store)), ==, 1);
}

/* The reader sees committed writes, and only those ------------------------------------------ */

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean inserted;
  gboolean go;
  gboolean done;
} HandshakeState;

static gboolean
handshake_job (HearthDatabase  *db,
               gpointer         job_data,
               GError         **error)
{
  HandshakeState *state = job_data;
  g_autoptr(HearthProgram) program = hearth_program_new ("Half written");

  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;

  g_mutex_lock (&state->mutex);
  state->inserted = TRUE;
  g_cond_broadcast (&state->cond);
  while (!state->go)
    g_cond_wait (&state->cond, &state->mutex);
  g_mutex_unlock (&state->mutex);

  return TRUE;
}

static void
handshake_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HandshakeState *state = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_store_write_finish (HEARTH_STORE (source), result, &error));
  state->done = TRUE;
}

static void
test_reader_sees_commits (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = open_store (td->path);
  HearthDatabase *reader = hearth_store_get_reader (store);
  HandshakeState state = { 0 };

  g_assert_true (hearth_database_is_read_only (reader));
  g_assert_cmpint (count_rows (reader), ==, 0);

  /* A synchronous write is visible as soon as it returns. */
  g_assert_true (hearth_store_write_sync (store, insert_job, (gpointer)"Committed",
                                          HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (reader), ==, 1);

  /* While a job is half way, the reader sees the last commit, not the half. */
  g_mutex_init (&state.mutex);
  g_cond_init (&state.cond);
  hearth_store_write_async (store, handshake_job, &state, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            handshake_done_cb, &state);

  g_mutex_lock (&state.mutex);
  while (!state.inserted)
    g_cond_wait (&state.cond, &state.mutex);
  g_mutex_unlock (&state.mutex);

  g_assert_cmpint (count_rows (reader), ==, 1);

  g_mutex_lock (&state.mutex);
  state.go = TRUE;
  g_cond_broadcast (&state.cond);
  g_mutex_unlock (&state.mutex);

  test_spin_until (state.done);
  g_assert_cmpint (count_rows (reader), ==, 2);

  g_mutex_clear (&state.mutex);
  g_cond_clear (&state.cond);
}

/* Closing runs what was queued -------------------------------------------------------------- */

typedef struct
{
  guint n_ok;
  guint n_failed;
  guint n_freed;
} CloseState;

typedef struct
{
  char       *name;
  CloseState *state;
} NamedJob;

static void
named_job_free (gpointer data)
{
  NamedJob *job = data;

  job->state->n_freed++;
  g_free (job->name);
  g_free (job);
}

static gboolean
named_insert_job (HearthDatabase  *db,
                  gpointer         job_data,
                  GError         **error)
{
  NamedJob *job = job_data;

  /* Slow enough that the queue is still full when close is called. */
  g_usleep (2 * G_TIME_SPAN_MILLISECOND);
  return insert_job (db, job->name, error);
}

static void
close_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CloseState *state = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_thread_self () == main_thread);

  if (hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    state->n_ok++;
  else
    {
      g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED);
      state->n_failed++;
    }
}

static NamedJob *
named_job_new (CloseState *state,
               guint       i)
{
  NamedJob *job = g_new0 (NamedJob, 1);

  job->name = g_strdup_printf ("Queued %u", i);
  job->state = state;
  return job;
}

static void
test_close_runs_pending (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthStore) store = open_store (td->path);
  CloseState state = { 0 };
  const guint n_jobs = 20;

  for (guint i = 0; i < n_jobs; i++)
    hearth_store_write_async (store, named_insert_job, named_job_new (&state, i), named_job_free,
                              HEARTH_WRITE_FLAGS_NONE, NULL, close_done_cb, &state);

  g_assert_cmpuint (hearth_store_get_pending (store), ==, n_jobs);

  /* Close returns only after every queued job ran: they are all in the file. */
  hearth_store_close (store);
  g_assert_cmpint (count_rows_in_file (td->path), ==, n_jobs);

  /* Their callbacks still arrive, on the main loop. */
  test_spin_until (state.n_ok == n_jobs);
  g_assert_cmpuint (state.n_failed, ==, 0);
  g_assert_cmpuint (hearth_store_get_pending (store), ==, 0);
  test_spin_until (state.n_freed == n_jobs);

  /* Closing twice is harmless; writing after close fails cleanly and frees the job data. */
  hearth_store_close (store);
  g_assert_false (hearth_store_write_sync (store, insert_job, (gpointer)"Too late",
                                           HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED);

  hearth_store_write_async (store, named_insert_job, named_job_new (&state, n_jobs),
                            named_job_free, HEARTH_WRITE_FLAGS_NONE, NULL, close_done_cb,
                            &state);
  test_spin_until (state.n_failed == 1);
  g_assert_cmpuint (state.n_freed, ==, n_jobs + 1);
  g_assert_cmpint (count_rows_in_file (td->path), ==, n_jobs);
}

/* Dropping the last reference closes the store too. */
static void
test_unref_closes (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  HearthStore *store = open_store (td->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_store_write_sync (store, insert_job, (gpointer)"Written",
                                          HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  /* Both connections are closed: the last one to close folds the WAL back into the file and
   * removes it. */
  {
    g_autofree char *wal = g_strconcat (td->path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_cmpint (count_rows_in_file (td->path), ==, 1);
  }
}

/* Failed and cancelled jobs ----------------------------------------------------------------- */

static gboolean
fail_silently_job (HearthDatabase  *db,
                   gpointer         job_data,
                   GError         **error)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Not kept");

  hearth_record_insert (HEARTH_RECORD (program), db, NULL);
  return FALSE;
}

static void
count_changed_cb (HearthStore *store,
                  guint       *n_changed)
{
  (*n_changed)++;
}

/* A job that fails without saying why still fails, and still answers. */
static void
test_job_fails_without_error (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(HearthStore) store = open_store (td->path);
  guint n_changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  g_assert_false (hearth_store_write_sync (store, fail_silently_job, NULL,
                                           HEARTH_WRITE_FLAGS_NONE, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED);

  hearth_store_write_async (store, fail_silently_job, NULL, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            test_write_failed_cb, &async_error);
  test_spin_until (async_error != NULL);
  g_assert_error (async_error, HEARTH_ERROR, HEARTH_ERROR_FAILED);

  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (hearth_store_get_pending (store), ==, 0);
  g_assert_cmpint (count_rows (hearth_store_get_reader (store)), ==, 0);
}

static gboolean
blocker_job (HearthDatabase  *db,
             gpointer         job_data,
             GError         **error)
{
  HandshakeState *state = job_data;

  g_mutex_lock (&state->mutex);
  while (!state->go)
    g_cond_wait (&state->cond, &state->mutex);
  g_mutex_unlock (&state->mutex);

  return TRUE;
}

static void
blocker_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HandshakeState *state = user_data;

  g_assert_true (hearth_store_write_finish (HEARTH_STORE (source), result, NULL));
  state->done = TRUE;
}

static gboolean
must_not_run_job (HearthDatabase  *db,
                  gpointer         job_data,
                  GError         **error)
{
  g_error ("A job cancelled before it started must not run");
  return FALSE;
}

static void
test_cancelled (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HandshakeState state = { 0 };

  g_mutex_init (&state.mutex);
  g_cond_init (&state.cond);

  /* The DB thread is busy with the blocker while the second job is cancelled. */
  hearth_store_write_async (store, blocker_job, &state, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            blocker_done_cb, &state);
  hearth_store_write_async (store, must_not_run_job, NULL, NULL, HEARTH_WRITE_FLAGS_NONE,
                            cancellable, test_write_failed_cb, &error);
  g_cancellable_cancel (cancellable);

  g_mutex_lock (&state.mutex);
  state.go = TRUE;
  g_cond_broadcast (&state.cond);
  g_mutex_unlock (&state.mutex);

  test_spin_until (state.done && error != NULL && hearth_store_get_pending (store) == 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_mutex_clear (&state.mutex);
  g_cond_clear (&state.cond);
}

/* Cancelling once the job has started changes nothing: the write commits, and the caller is
 * told it did rather than being told it was cancelled. */
static gboolean
cancel_midway_job (HearthDatabase  *db,
                   gpointer         job_data,
                   GError         **error)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Committed anyway");

  if (!hearth_record_insert (HEARTH_RECORD (program), db, error))
    return FALSE;

  g_cancellable_cancel (job_data);
  return TRUE;
}

static void
cancelled_late_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  int *outcome = user_data;
  g_autoptr(GError) error = NULL;

  *outcome = hearth_store_write_finish (HEARTH_STORE (source), result, &error) ? 1 : -1;
  g_assert_no_error (error);
}

static void
test_cancelled_after_start (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint n_changed = 0;
  int outcome = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  hearth_store_write_async (store, cancel_midway_job, cancellable, NULL, HEARTH_WRITE_FLAGS_NONE,
                            cancellable, cancelled_late_done_cb, &outcome);
  test_spin_until (outcome != 0);

  g_assert_cmpint (outcome, ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (count_rows (hearth_store_get_reader (store)), ==, 1);
}

/* The busy flag the UI shows while an import runs. */
static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notified)
{
  (*n_notified)++;
}

static void
test_busy_flag (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  guint n_notified = 0;
  gboolean busy = TRUE;

  g_signal_connect (store, "notify::busy", G_CALLBACK (notify_count_cb), &n_notified);

  g_assert_false (hearth_store_get_busy (store));
  hearth_store_set_busy (store, TRUE);
  hearth_store_set_busy (store, TRUE);
  g_assert_true (hearth_store_get_busy (store));
  g_assert_cmpuint (n_notified, ==, 1);

  g_object_set (store, "busy", FALSE, NULL);
  g_object_get (store, "busy", &busy, NULL);
  g_assert_false (busy);
  g_assert_cmpuint (n_notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  main_thread = g_thread_self ();

  g_test_add_func ("/store/threads", test_threads);
  g_test_add_func ("/store/async-order", test_async_order);
  g_test_add_func ("/store/main-loop-responsive", test_main_loop_responsive);
  g_test_add_func ("/store/reader-sees-commits", test_reader_sees_commits);
  g_test_add_func ("/store/close-runs-pending", test_close_runs_pending);
  g_test_add_func ("/store/unref-closes", test_unref_closes);
  g_test_add_func ("/store/job-fails-without-error", test_job_fails_without_error);
  g_test_add_func ("/store/cancelled", test_cancelled);
  g_test_add_func ("/store/cancelled-after-start", test_cancelled_after_start);
  g_test_add_func ("/store/busy-flag", test_busy_flag);

  return g_test_run ();
}
