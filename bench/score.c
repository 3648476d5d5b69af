/* score.c: times hearth_scoring_run() on a database (bench/README.md, "score")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/bench/hearth-bench-score DB [RUNS [PROGRAM]]
 *
 * Opens DB read-only, takes PROGRAM (an id or name) or the only program, runs the scoring once
 * to warm the page cache, then RUNS times (5 unless given), alternating with a yardstick: the
 * scoring's own activity SELECT, every column fetched and nothing done with it (the scan the
 * scoring cannot avoid). Prints every run, wall-clock and CPU seconds (the CPU time of the
 * process, steadier on a busy machine), then the minimum and median of both and their ratio.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "hearth-database.h"
#include "hearth-program.h"
#include "hearth-record.h"
#include "hearth-scoring.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The yardstick: the rows the scoring reads, counted by SQLite alone. */
static double
time_plain_select (HearthDatabase *db,
                   const char     *start,
                   gint64         *rows,
                   double         *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_seconds ();
  gint64 total = 0;

  stmt = hearth_database_prepare (db, "SELECT day, member_id, kind, count FROM activity "
                                      "WHERE day >= ?1", &error);
  g_assert_no_error (error);
  hearth_bind_text (stmt, 1, start);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    total += (sqlite3_column_text (stmt, 0) != NULL) + (sqlite3_column_text (stmt, 1) != NULL) +
             (sqlite3_column_text (stmt, 2) != NULL) + (sqlite3_column_int64 (stmt, 3) > 0);
  *rows = total / 4;
  *cpu = cpu_seconds () - c0;

  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autofree double *times = NULL;
  g_autofree double *yardstick = NULL;
  g_autofree double *cpu = NULL;
  g_autofree double *ycpu = NULL;
  g_autoptr(GDate) start = NULL;
  g_autofree char *start_text = NULL;
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 5;
  const char *program_id;
  guint n_candidates = 0;
  gint64 rows = 0;
  double min = G_MAXDOUBLE, ymin = G_MAXDOUBLE, med, ymed, cmed, ycmed;

  if (argc < 2 || runs < 1)
    {
      g_printerr ("usage: %s DB [RUNS [PROGRAM]]\n", argv[0]);
      return 2;
    }

  if (!(db = hearth_database_open (argv[1], HEARTH_DATABASE_FLAGS_READ_ONLY, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  if (argc > 3)
    program = hearth_program_find (db, argv[3], &error);
  else if ((programs = hearth_program_load_all (db, &error)) != NULL && programs->len == 1)
    program = g_object_ref (g_ptr_array_index (programs, 0));
  if (program == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error ? error->message : "give the program (several or none)");
      return 1;
    }
  program_id = hearth_record_get_id (HEARTH_RECORD (program));

  times = g_new0 (double, runs);
  yardstick = g_new0 (double, runs);
  cpu = g_new0 (double, runs);
  ycpu = g_new0 (double, runs);

  /* Warm-up: fills the page cache, and tells the window. */
  {
    g_autoptr(HearthScoreSet) set = hearth_scoring_run (db, program_id, NULL, &error);

    if (set == NULL)
      {
        g_printerr ("%s: %s\n", argv[1], error->message);
        return 1;
      }
    n_candidates = set->candidates->len;
    start = g_date_new ();
    g_date_set_parse (start, set->reference_day);
    g_date_subtract_days (start, 7 * MAX (set->window_weeks, HEARTH_SCORING_SPARK_WEEKS) - 1);
    start_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (start),
                                  g_date_get_month (start), g_date_get_day (start));
    g_print ("program %s: %u members scored, reference day %s, window %u weeks\n",
             hearth_program_get_name (program), n_candidates, set->reference_day,
             set->window_weeks);

    for (guint i = 0; i < runs; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        double c0 = cpu_seconds ();
        g_autoptr(HearthScoreSet) again = hearth_scoring_run (db, program_id, NULL, &error);

        g_assert_no_error (error);
        times[i] = (g_get_monotonic_time () - t0) / 1e6;
        cpu[i] = cpu_seconds () - c0;
        yardstick[i] = time_plain_select (db, start_text, &rows, &ycpu[i]);
        g_print ("run %u: scoring %.3f s (CPU %.3f s), plain SELECT of %" G_GINT64_FORMAT
                 " rows %.3f s (CPU %.3f s)\n",
                 i + 1, times[i], cpu[i], rows, yardstick[i], ycpu[i]);
        min = MIN (min, times[i]);
        ymin = MIN (ymin, yardstick[i]);
      }
  }

  med = median (times, runs);
  ymed = median (yardstick, runs);
  cmed = median (cpu, runs);
  ycmed = median (ycpu, runs);
  g_print ("scoring:      min %.3f s, median %.3f s, median CPU %.3f s (%u runs)\n", min, med,
           cmed, runs);
  g_print ("plain SELECT: min %.3f s, median %.3f s, median CPU %.3f s\n", ymin, ymed, ycmed);
  g_print ("ratio (median): %.2f wall-clock, %.2f CPU\n", med / ymed, cmed / ycmed);

  return 0;
}
