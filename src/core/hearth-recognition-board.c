/* hearth-recognition-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the Recognition page shows, in one pass with a fixed number of statements: the
 * program, its badges, every live award, the recognition log, hearth_badge_rule_ready() (three
 * statements and one per badge with a rule) and hearth_health_load() for the due list, the
 * fairness figure and the two recognition guards. Deleted rows are left out, and so is
 * everything hanging off a deleted badge or member.
 */

#define G_LOG_DOMAIN "hearth-recognition-board"

#include "config.h"

#include "hearth-recognition-board.h"
#include "hearth-settings.h"
#include "hearth-util.h"

#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

static void
board_award_free (gpointer data)
{
  HearthBoardAward *award = data;

  g_free (award->id);
  g_free (award->badge_id);
  g_free (award->badge_name);
  g_free (award->member_id);
  g_free (award->member_name);
  g_free (award->awarded_on);
  g_free (award->reason);
  g_free (award->source);
  g_free (award);
}

static void
board_badge_free (gpointer data)
{
  HearthBoardBadge *badge = data;

  g_free (badge->id);
  g_free (badge->name);
  g_free (badge->description);
  g_free (badge->criteria);
  g_free (badge->tier);
  g_free (badge->icon);
  g_free (badge->color);
  g_free (badge->rule_kind);
  g_free (badge->rule_metric);
  g_clear_pointer (&badge->awards, g_ptr_array_unref);
  g_free (badge);
}

static void
board_entry_free (gpointer data)
{
  HearthBoardEntry *entry = data;

  g_free (entry->id);
  g_free (entry->member_id);
  g_free (entry->member_name);
  g_free (entry->kind);
  g_free (entry->title);
  g_free (entry->note);
  g_free (entry->planned_on);
  g_free (entry->done_on);
  g_free (entry);
}

static void
board_due_free (gpointer data)
{
  HearthBoardDue *due = data;

  g_free (due->member_id);
  g_free (due->member_name);
  g_free (due->last_recognized);
  g_free (due->sentence);
  g_free (due);
}

void
hearth_recognition_board_free (HearthRecognitionBoard *board)
{
  if (board == NULL)
    return;

  g_free (board->program_id);
  g_free (board->program_name);
  g_free (board->reference_day);
  /* Badges borrow awards: free them first. */
  g_clear_pointer (&board->badges, g_ptr_array_unref);
  g_clear_pointer (&board->awards, g_ptr_array_unref);
  g_clear_pointer (&board->ready, g_ptr_array_unref);
  g_clear_pointer (&board->log, g_ptr_array_unref);
  g_clear_pointer (&board->due, g_ptr_array_unref);
  g_clear_pointer (&board->checks, g_ptr_array_unref);
  g_free (board);
}

HearthBoardBadge *
hearth_recognition_board_lookup_badge (HearthRecognitionBoard *board,
                                       const char             *badge_id)
{
  g_return_val_if_fail (board != NULL, NULL);

  for (guint i = 0; board->badges != NULL && i < board->badges->len; i++)
    {
      HearthBoardBadge *badge = g_ptr_array_index (board->badges, i);

      if (g_strcmp0 (badge->id, badge_id) == 0)
        return badge;
    }

  return NULL;
}

static gint64
column_int_or_unset (sqlite3_stmt *stmt,
                     int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return -1;
  return MAX (sqlite3_column_int64 (stmt, index), -1);
}

static gboolean
load_program (HearthRecognitionBoard  *board,
              HearthDatabase          *db,
              GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) reference = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db, "SELECT name, as_of FROM program WHERE id = ?1 AND "
                                            "deleted_at IS NULL", error)))
    return FALSE;
  hearth_bind_text (stmt, 1, board->program_id);
  if (!(rc = hearth_database_step (db, stmt, error)))
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "program %s: no such program",
                   board->program_id);
      return FALSE;
    }

  board->program_name = g_strdup (hearth_column_text (stmt, 0));
  reference = hearth_reference_day (hearth_column_text (stmt, 1));
  board->reference_day = hearth_date_to_string (reference);
  board->recognition_interval_days =
    (guint)MAX (hearth_settings_get_int (db, board->program_id,
                                         HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS), 0);

  return TRUE;
}

static gboolean
load_badges (HearthRecognitionBoard  *board,
             HearthDatabase          *db,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, name, description, criteria, tier, icon, color, "
                                        "rule_kind, rule_metric, rule_threshold, rule_window_days, "
                                        "multiple_grant FROM badge "
                                        "WHERE program_id = ?1 AND deleted_at IS NULL "
                                        "ORDER BY CASE tier WHEN 'gold' THEN 0 WHEN 'silver' THEN 1 "
                                        "ELSE 2 END, name COLLATE NOCASE, name, id", error)))
    return FALSE;
  hearth_bind_text (stmt, 1, board->program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthBoardBadge *badge = g_new0 (HearthBoardBadge, 1);

      badge->id = g_strdup (hearth_column_text (stmt, 0));
      badge->name = g_strdup (hearth_column_text (stmt, 1));
      badge->description = g_strdup (hearth_column_text (stmt, 2));
      badge->criteria = g_strdup (hearth_column_text (stmt, 3));
      badge->tier = g_strdup (hearth_column_text (stmt, 4));
      badge->icon = g_strdup (hearth_column_text (stmt, 5));
      badge->color = g_strdup (hearth_column_text (stmt, 6));
      badge->rule_kind = g_strdup (hearth_column_text (stmt, 7));
      badge->rule_metric = g_strdup (hearth_column_text (stmt, 8));
      badge->rule_threshold = column_int_or_unset (stmt, 9);
      badge->rule_window_days = column_int_or_unset (stmt, 10);
      badge->multiple_grant = sqlite3_column_int (stmt, 11) != 0;
      badge->awards = g_ptr_array_new ();
      g_ptr_array_add (board->badges, badge);
    }

  return rc == SQLITE_DONE;
}

static gboolean
load_awards (HearthRecognitionBoard  *board,
             HearthDatabase          *db,
             GHashTable              *badges_by_id,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT a.id, a.badge_id, b.name, a.member_id, "
                                        "m.display_name, a.awarded_on, a.reason, a.source "
                                        "FROM award a JOIN badge b ON b.id = a.badge_id "
                                        "JOIN member m ON m.id = a.member_id "
                                        "WHERE b.program_id = ?1 AND m.program_id = ?1 "
                                        "AND a.deleted_at IS NULL AND b.deleted_at IS NULL "
                                        "AND m.deleted_at IS NULL "
                                        "ORDER BY a.awarded_on DESC, a.created_at DESC, a.id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, board->program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthBoardAward *award = g_new0 (HearthBoardAward, 1);
      HearthBoardBadge *badge;

      award->id = g_strdup (hearth_column_text (stmt, 0));
      award->badge_id = g_strdup (hearth_column_text (stmt, 1));
      award->badge_name = g_strdup (hearth_column_text (stmt, 2));
      award->member_id = g_strdup (hearth_column_text (stmt, 3));
      award->member_name = g_strdup (hearth_column_text (stmt, 4));
      award->awarded_on = g_strdup (hearth_column_text (stmt, 5));
      award->reason = g_strdup (hearth_column_text (stmt, 6));
      award->source = g_strdup (hearth_column_text (stmt, 7));
      g_ptr_array_add (board->awards, award);

      if ((badge = g_hash_table_lookup (badges_by_id, award->badge_id)))
        {
          g_ptr_array_add (badge->awards, award);
          if (g_hash_table_add (holders, g_strconcat (award->badge_id, "\n", award->member_id,
                                                      NULL)))
            badge->n_holders++;
        }
    }

  return rc == SQLITE_DONE;
}

static gboolean
load_log (HearthRecognitionBoard  *board,
          HearthDatabase          *db,
          GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Upcoming first (soonest planned first, undated last), then done, newest first. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT r.id, r.member_id, m.display_name, r.kind, r.title, "
                                        "r.note, r.planned_on, r.done_on FROM recognition r "
                                        "JOIN member m ON m.id = r.member_id "
                                        "WHERE m.program_id = ?1 AND m.deleted_at IS NULL "
                                        "AND r.deleted_at IS NULL "
                                        "ORDER BY r.done_on IS NOT NULL, "
                                        "r.done_on IS NULL AND r.planned_on IS NULL, "
                                        "CASE WHEN r.done_on IS NULL THEN r.planned_on END, "
                                        "r.done_on DESC, r.created_at DESC, r.id", error)))
    return FALSE;
  hearth_bind_text (stmt, 1, board->program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthBoardEntry *entry = g_new0 (HearthBoardEntry, 1);

      entry->id = g_strdup (hearth_column_text (stmt, 0));
      entry->member_id = g_strdup (hearth_column_text (stmt, 1));
      entry->member_name = g_strdup (hearth_column_text (stmt, 2));
      entry->kind = g_strdup (hearth_column_text (stmt, 3));
      entry->title = g_strdup (hearth_column_text (stmt, 4));
      entry->note = g_strdup (hearth_column_text (stmt, 5));
      entry->planned_on = g_strdup (hearth_column_text (stmt, 6));
      entry->done_on = g_strdup (hearth_column_text (stmt, 7));
      entry->upcoming = entry->done_on == NULL;
      /* Days as YYYY-MM-DD compare as text. */
      entry->overdue = entry->upcoming && entry->planned_on != NULL &&
                       g_strcmp0 (entry->planned_on, board->reference_day) < 0;
      g_ptr_array_add (board->log, entry);
    }

  return rc == SQLITE_DONE;
}

static char *
text_of_julian (guint32 julian)
{
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return hearth_date_to_string (&date);
}

static gboolean
load_health (HearthRecognitionBoard  *board,
             HearthDatabase          *db,
             GError                 **error)
{
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GHashTable) sentences = g_hash_table_new (g_str_hash, g_str_equal);

  if (!(in = hearth_health_load (db, board->program_id, HEARTH_HEALTH_PART_RECOGNITION, error)))
    return FALSE;

  board->checks = hearth_health_run_recognition (in);
  board->fairness_share = hearth_health_recognition_fairness_share (in,
                                                                    &board->fairness_recognized,
                                                                    &board->fairness_total);

  /* The guard's sentence for each due ambassador (its subject). */
  for (guint i = 0; i < board->checks->len; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (board->checks, i);

      if (g_strcmp0 (check->key, "recognition_due") == 0 &&
          check->severity != HEARTH_SEVERITY_OK &&
          check->subjects != NULL && check->subjects[0] != NULL)
        g_hash_table_insert (sentences, check->subjects[0], check->sentence);
    }

  due = hearth_health_recognition_due (in);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      const HearthHealthDue *d = &g_array_index (due, HearthHealthDue, i);
      HearthBoardDue *entry = g_new0 (HearthBoardDue, 1);

      entry->member_id = g_strdup (d->ambassador->id);
      entry->member_name = g_strdup (d->ambassador->name);
      entry->last_recognized = text_of_julian (d->ambassador->last_recognized);
      entry->days_since = entry->last_recognized != NULL ? d->days_since : -1;
      entry->contribution = d->ambassador->contribution;
      entry->severity = d->severity;
      entry->sentence = g_strdup (g_hash_table_lookup (sentences, entry->member_id));
      g_ptr_array_add (board->due, entry);
    }

  return TRUE;
}

/**
 * hearth_recognition_board_load:
 * @db: a connection (a read-only one on a worker thread)
 * @program_id: the program
 * @cancellable: (nullable): checked between the steps
 *
 * Returns: (transfer full): the board, or NULL with @error set (NOT_FOUND for a missing or
 *   deleted program)
 */
HearthRecognitionBoard *
hearth_recognition_board_load (HearthDatabase  *db,
                               const char      *program_id,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(HearthRecognitionBoard) board = NULL;
  g_autoptr(GHashTable) badges_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  board = g_new0 (HearthRecognitionBoard, 1);
  board->program_id = g_strdup (program_id);
  board->badges = g_ptr_array_new_with_free_func (board_badge_free);
  board->awards = g_ptr_array_new_with_free_func (board_award_free);
  board->log = g_ptr_array_new_with_free_func (board_entry_free);
  board->due = g_ptr_array_new_with_free_func (board_due_free);
  board->fairness_share = -1;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !load_program (board, db, error) ||
      !load_badges (board, db, error))
    return NULL;

  for (guint i = 0; i < board->badges->len; i++)
    {
      HearthBoardBadge *badge = g_ptr_array_index (board->badges, i);

      g_hash_table_insert (badges_by_id, badge->id, badge);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !load_awards (board, db, badges_by_id, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(board->ready = hearth_badge_rule_ready (db, program_id, NULL, board->reference_day,
                                                cancellable, error)))
    return NULL;
  for (guint i = 0; i < board->ready->len; i++)
    {
      HearthReadyAward *ready = g_ptr_array_index (board->ready, i);
      HearthBoardBadge *badge = g_hash_table_lookup (badges_by_id, ready->badge_id);

      if (badge != NULL)
        badge->n_ready++;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !load_log (board, db, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !load_health (board, db, error))
    return NULL;

  return g_steal_pointer (&board);
}
