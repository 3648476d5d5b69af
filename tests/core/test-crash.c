/* test-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database survives a kill -9 in the middle of an edit: a child process writes through the
 * store as the app does, the parent kills it with SIGKILL mid-stream, and the file must then
 * open, pass integrity_check, and hold only whole jobs.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-store.h"
#include "test-util.h"

#define MEMBERS_PER_JOB 20

typedef struct
{
  const char *program_id;
  guint       serial;
} BatchJob;

/* One edit = one job that adds MEMBERS_PER_JOB members. A torn edit would leave a count that
 * is not a multiple of MEMBERS_PER_JOB. */
static gboolean
add_batch (HearthDatabase  *db,
           gpointer         data,
           GError         **error)
{
  BatchJob *job = data;

  for (guint i = 0; i < MEMBERS_PER_JOB; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u.%u", job->serial, i);
      g_autoptr(HearthMember) member = hearth_member_new (job->program_id, name);

      if (!hearth_record_insert (HEARTH_RECORD (member), db, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_program (HearthDatabase  *db,
             gpointer         data,
             GError         **error)
{
  return hearth_record_insert (data, db, error);
}

static G_GNUC_NORETURN void
write_forever (const char *path,
               const char *program_id,
               int         ready_fd)
{
  g_autoptr(HearthStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatchJob job = { program_id, 0 };

  store = hearth_store_open (path, &error);
  if (store == NULL)
    _exit (3);

  for (;;)
    {
      job.serial++;
      if (!hearth_store_write_sync (store, add_batch, &job, HEARTH_WRITE_FLAGS_NONE, &error))
        _exit (4);
      if (job.serial == 5)
        {
          /* Tell the parent that writing is under way. */
          if (write (ready_fd, "x", 1) != 1)
            _exit (5);
        }
    }
}

static void
test_kill_during_writes (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  const char *path = td->path;
  g_autoptr(HearthProgram) program = hearth_program_new ("Crash Test");
  g_autoptr(GError) error = NULL;
  g_autofree char *program_id = NULL;
  int fds[2];
  char byte;
  pid_t pid;
  int status;

  /* The program exists before the child starts. */
  {
    g_autoptr(HearthStore) store = hearth_store_open (path, &error);

    g_assert_no_error (error);
    hearth_store_write_sync (store, add_program, program, HEARTH_WRITE_FLAGS_NONE, &error);
    g_assert_no_error (error);
    program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
    hearth_store_close (store);
  }

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      write_forever (path, program_id, fds[1]);
    }
  close (fds[1]);

  /* Wait until the child has committed a few edits, let it get into the middle of more, then
   * kill it without warning. */
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  g_usleep (30 * 1000);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  close (fds[0]);

  /* Reopen as the app would after a crash. */
  {
    g_autoptr(HearthStore) store = hearth_store_open (path, &error);
    g_autoptr(sqlite3_stmt) check = NULL;
    g_autoptr(GPtrArray) members = NULL;
    HearthDatabase *reader;

    g_assert_no_error (error);
    reader = hearth_store_get_reader (store);

    check = hearth_database_prepare (reader, "PRAGMA integrity_check", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
    g_assert_cmpstr (hearth_column_text (check, 0), ==, "ok");

    members = hearth_member_load_for_program (reader, program_id, &error);
    g_assert_no_error (error);
    g_test_message ("%u members survived the crash", members->len);
    g_assert_cmpuint (members->len, >=, 5 * MEMBERS_PER_JOB);
    g_assert_cmpuint (members->len % MEMBERS_PER_JOB, ==, 0);

    hearth_store_close (store);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/crash/kill-during-writes", test_kill_during_writes);

  return g_test_run ();
}
