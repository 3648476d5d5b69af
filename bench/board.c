/* board.c: times hearth_recognition_board_load() on a database, against a named baseline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/bench/hearth-bench-board DB [N [PROGRAM]]
 *
 * Opens DB read-only, takes PROGRAM (an id or name) or the first program, loads the board once
 * to warm the page cache, then N times (10 unless given), each on a fresh read-only connection
 * as the Recognition page does, and prints the median and minimum in milliseconds. The baseline,
 * timed the same way and interleaved with it: one plain SQL statement that reads what the board
 * cannot avoid reading — every ambassador's activity up to the reference day (the contribution
 * sums of "Due for recognition"). The ratio board / baseline is what to compare between runs.
 * Then one hearth_badge_rule_ready() per rule badge.
 */

#include "config.h"

#include <stdlib.h>

#include "hearth-badge.h"
#include "hearth-database.h"
#include "hearth-program.h"
#include "hearth-record.h"
#include "hearth-recognition-board.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
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

/* The baseline: the ambassadors' activity, summed in one statement. */
static gint64
baseline (const char *path,
          const char *program_id,
          const char *reference_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = hearth_database_open (path, HEARTH_DATABASE_FLAGS_READ_ONLY,
                                                       &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 sum = 0;

  g_assert_no_error (error);
  stmt = hearth_database_prepare (db, "SELECT sum(a.count) FROM member m JOIN activity a "
                                      "ON a.member_id = m.id AND a.day <= ?2 "
                                      "WHERE m.program_id = ?1 AND m.status = 'ambassador'",
                                  &error);
  g_assert_no_error (error);
  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, reference_day);
  if (hearth_database_step (db, stmt, &error) == SQLITE_ROW)
    sum = sqlite3_column_int64 (stmt, 0);
  g_assert_no_error (error);

  return sum;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = NULL;
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(HearthRecognitionBoard) board = NULL;
  g_autofree double *times = NULL;
  g_autofree double *base = NULL;
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 10;
  const char *program_id;
  double board_median, base_median;
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
  if (!(board = hearth_recognition_board_load (db, program_id, NULL, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  g_print ("program %s: %u badges, %u awards, %u ready to award, %u log entries, %u due, "
           "reference day %s\n",
           hearth_program_get_name (program), board->badges->len, board->awards->len,
           board->ready->len, board->log->len, board->due->len, board->reference_day);
  baseline (argv[1], program_id, board->reference_day);

  /* A B A B …: the board and the baseline, each on a fresh connection. */
  times = g_new0 (double, runs);
  base = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(HearthDatabase) fresh = NULL;
      g_autoptr(HearthRecognitionBoard) again = NULL;

      t0 = g_get_monotonic_time ();
      fresh = hearth_database_open (argv[1], HEARTH_DATABASE_FLAGS_READ_ONLY, &error);
      g_assert_no_error (error);
      again = hearth_recognition_board_load (fresh, program_id, NULL, &error);
      times[i] = ms_since (t0);
      g_assert_no_error (error);

      t0 = g_get_monotonic_time ();
      baseline (argv[1], program_id, board->reference_day);
      base[i] = ms_since (t0);
    }
  board_median = median (times, runs);
  base_median = median (base, runs);
  g_print ("open + hearth_recognition_board_load: median %.1f ms, min %.1f ms (%u runs)\n",
           board_median, times[0], runs);
  g_print ("baseline (the ambassadors' activity in one SELECT): median %.1f ms, min %.1f ms\n",
           base_median, base[0]);
  g_print ("ratio board / baseline: %.2f\n", board_median / MAX (base_median, 0.001));

  for (guint i = 0; i < board->badges->len; i++)
    {
      HearthBoardBadge *badge = g_ptr_array_index (board->badges, i);
      g_autoptr(GPtrArray) ready = NULL;

      if (badge->rule_kind == NULL)
        continue;
      t0 = g_get_monotonic_time ();
      ready = hearth_badge_rule_ready (db, program_id, badge->id, board->reference_day, NULL,
                                       &error);
      g_assert_no_error (error);
      g_print ("hearth_badge_rule_ready %-24s %-16s %6.1f ms (%u ready)\n", badge->name,
               badge->rule_kind, ms_since (t0), ready->len);
    }

  return 0;
}
