/* roster.c: times hearth_roster_load() and hearth_role_suggest() on a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/bench/hearth-bench-roster DB [N [PROGRAM]]
 *
 * Opens DB read-only, takes PROGRAM (an id or name) or the first program, loads the roster once
 * to warm the page cache, then N times (10 unless given) and prints the minimum and median in
 * milliseconds, wall-clock and CPU (the process's CPU time, steadier on a busy machine); then times one hearth_role_suggest() per role, with the score set computed
 * once beforehand (as the Assign… dialog has it from the candidates page) and once without.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "hearth-database.h"
#include "hearth-program.h"
#include "hearth-record.h"
#include "hearth-roster.h"
#include "hearth-scoring.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1e3;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(HearthRoster) roster = NULL;
  g_autoptr(HearthScoreSet) scores = NULL;
  g_autofree double *times = NULL;
  g_autofree double *cpu = NULL;
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 10;
  const char *program_id;
  guint n_slots = 0;
  gint64 t0;

  if (argc < 2 || runs < 1)
    {
      g_printerr ("usage: %s DB [N [PROGRAM]]\n", argv[0]);
      return 2;
    }

  if (!(db = hearth_database_open (argv[1], HEARTH_DATABASE_FLAGS_READ_ONLY, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  if (argc > 3)
    program = hearth_program_find (db, argv[3], &error);
  else if ((programs = hearth_program_load_all (db, &error)) != NULL && programs->len > 0)
    program = g_object_ref (g_ptr_array_index (programs, 0));
  if (program == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error ? error->message : "no program");
      return 1;
    }
  program_id = hearth_record_get_id (HEARTH_RECORD (program));

  /* Warm-up. */
  if (!(roster = hearth_roster_load (db, program_id, NULL, NULL, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  for (guint i = 0; i < roster->roles->len; i++)
    n_slots += ((HearthRosterRole *)g_ptr_array_index (roster->roles, i))->current->len;
  g_print ("program %s: %u roles, %u current assignments, %u ambassadors, %u warnings, "
           "reference day %s, week %s\n",
           hearth_program_get_name (program), roster->roles->len, n_slots,
           roster->ambassadors->len, roster->checks->len, roster->reference_day,
           roster->iso_week);

  times = g_new0 (double, runs);
  cpu = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(HearthRoster) again = NULL;
      double c0 = cpu_ms ();

      t0 = g_get_monotonic_time ();
      again = hearth_roster_load (db, program_id, NULL, NULL, &error);
      times[i] = ms_since (t0);
      cpu[i] = cpu_ms () - c0;
      g_assert_no_error (error);
    }
  {
    double wall_median = median (times, runs), cpu_median = median (cpu, runs);

    g_print ("hearth_roster_load: median %.1f ms, min %.1f ms; CPU median %.1f ms, min %.1f ms "
             "(%u runs)\n", wall_median, times[0], cpu_median, cpu[0], runs);
  }

  /* As the page does it: a new read-only connection for every load, so SQLite's page cache
   * starts empty each time (the operating system's file cache stays warm). */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(HearthDatabase) fresh = NULL;
      g_autoptr(HearthRoster) again = NULL;
      double c0 = cpu_ms ();

      t0 = g_get_monotonic_time ();
      fresh = hearth_database_open (argv[1], HEARTH_DATABASE_FLAGS_READ_ONLY, &error);
      g_assert_no_error (error);
      again = hearth_roster_load (fresh, program_id, NULL, NULL, &error);
      times[i] = ms_since (t0);
      cpu[i] = cpu_ms () - c0;
      g_assert_no_error (error);
    }
  {
    double wall_median = median (times, runs), cpu_median = median (cpu, runs);

    g_print ("open + hearth_roster_load (the page's way): median %.1f ms, min %.1f ms; "
             "CPU median %.1f ms, min %.1f ms (%u runs)\n",
             wall_median, times[0], cpu_median, cpu[0], runs);
  }

  t0 = g_get_monotonic_time ();
  scores = hearth_scoring_run (db, program_id, NULL, &error);
  g_assert_no_error (error);
  g_print ("hearth_scoring_run (for the suggestions): %.1f ms\n", ms_since (t0));

  for (guint i = 0; i < roster->roles->len; i++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, i);
      g_autoptr(GPtrArray) with = NULL;
      g_autoptr(GPtrArray) without = NULL;
      double with_ms, without_ms;

      t0 = g_get_monotonic_time ();
      with = hearth_role_suggest (db, program_id, role->id, scores, 20, NULL, &error);
      with_ms = ms_since (t0);
      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      without = hearth_role_suggest (db, program_id, role->id, NULL, 20, NULL, &error);
      without_ms = ms_since (t0);
      g_assert_no_error (error);
      g_print ("hearth_role_suggest %-24s %5.1f ms with a score set, %6.1f ms without "
               "(%u goals, %u suggested)\n",
               role->name, with_ms, without_ms, role->goals->len, with->len);
    }

  return 0;
}
