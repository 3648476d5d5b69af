/* hearth-import-discourse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Discourse's admin user export: `id,name,username,email,…,created_at,…,last_seen_at,…,
 * topic_count,post_count,likes_given,likes_received,…`, read from the header. It creates or
 * updates members. Its counters are lifetime totals: the highest ones seen are kept in
 * import_counter, and each import adds only the increase since then (the first import adds the
 * totals), on the newest last_seen_at day in the file. A kept total never goes down, so an older
 * export imported after a newer one adds nothing, and neither does the newer one again:
 *
 *   topic_count → thread_started, post_count → message, post_count − topic_count → reply,
 *   likes_received → reaction_received
 *
 * Discourse's own accounts (system, discobot) have ids of 0 or less: they become bots.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include <string.h>

#include "hearth-import-private.h"
#include "hearth-util.h"

#define SOURCE "discourse"

enum
{
  COL_ID,
  COL_USERNAME,
  COL_NAME,
  COL_CREATED_AT,
  COL_LAST_SEEN_AT,
  COL_TOPIC_COUNT,
  COL_POST_COUNT,
  COL_LIKES_RECEIVED,
  N_COLS
};

static const char * const column_names[N_COLS] = {
  "id", "username", "name", "created_at", "last_seen_at", "topic_count", "post_count",
  "likes_received",
};

/* The counters kept in import_counter, by their Discourse names. */
enum { TOPICS, POSTS, LIKES, N_COUNTERS };
static const char * const counter_names[N_COUNTERS] = { "topic_count", "post_count", "likes_received" };

typedef struct
{
  guint32 member;
  guint32 totals[N_COUNTERS];
} User;

typedef struct
{
  GArray  *users;
  guint32  day;     /* the newest last_seen_at */
} DiscourseData;

static void
discourse_data_free (gpointer data)
{
  DiscourseData *d = data;

  g_array_unref (d->users);
  g_free (d);
}

static gboolean
discourse_read (ImportRun   *run,
                ImportFile  *file,
                GError     **error)
{
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autofree char *header = NULL;
  GError *local_error = NULL;
  DiscourseData *data;
  int columns[N_COLS];
  guint32 newest_created = 0;
  guint64 n = 0;

  if (!hearth_import_open_csv (run, file, &reader, error))
    return FALSE;

  if (!hearth_import_read_first_row (file, reader, error))
    return FALSE;

  header = hearth_import_describe_header (reader);
  for (guint c = 0; c < N_COLS; c++)
    columns[c] = -1;
  for (guint i = 0; i < hearth_csv_reader_get_n_fields (reader); i++)
    {
      g_autofree char *name = hearth_import_normalize_header (hearth_csv_reader_get_field (reader, i));
      gboolean used = FALSE;

      for (guint c = 0; c < N_COLS && !used; c++)
        if (columns[c] < 0 && g_str_equal (name, column_names[c]))
          {
            columns[c] = i;
            used = TRUE;
          }
      if (!used)
        hearth_import_note_ignored_column (run, hearth_csv_reader_get_field (reader, i));
    }

  for (guint c = 0; c < N_COLS; c++)
    if (columns[c] < 0 && c != COL_NAME)
      {
        hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                             "not a Discourse user list: it has no %s column (its header is “%s”)",
                             column_names[c], header);
        return FALSE;
      }

  data = g_new0 (DiscourseData, 1);
  data->users = g_array_new (FALSE, FALSE, sizeof (User));
  file->data = data;

  while (hearth_csv_reader_next_row (reader, &local_error))
    {
      guint line = hearth_csv_reader_get_line (reader);
      const char *id = hearth_import_cell (reader, columns[COL_ID]);
      const char *username = hearth_import_cell (reader, columns[COL_USERNAME]);
      const char *name = hearth_import_cell (reader, columns[COL_NAME]);
      const char *created = hearth_import_cell (reader, columns[COL_CREATED_AT]);
      const char *seen = hearth_import_cell (reader, columns[COL_LAST_SEEN_AT]);
      char joined_on[11] = "";
      guint32 day;
      gint64 numeric_id;
      char *end = NULL;
      ImportMember *member;
      User user = { 0 };

      if (++n % HEARTH_IMPORT_CHUNK == 0 &&
          !hearth_import_tick (run, hearth_csv_reader_get_offset (reader), error))
        return FALSE;

      run->summary->n_records++;

      if (id == NULL || username == NULL)
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line,
                               id == NULL ? "user.id" : "user.username", "empty");
          return FALSE;
        }
      numeric_id = g_ascii_strtoll (id, &end, 10);
      if (end == id || *end != '\0')
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "user.id",
                               "“%s” is not a Discourse user id (a whole number)", id);
          return FALSE;
        }

      if (created != NULL)
        {
          if (!hearth_import_parse_time (created, run->options->date_format, &day, NULL))
            {
              hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "user.created_at",
                                   "“%s” is not a date and time", created);
              return FALSE;
            }
          hearth_julian_day_format (day, joined_on);
          newest_created = MAX (newest_created, day);
        }
      if (seen != NULL)
        {
          if (!hearth_import_parse_time (seen, run->options->date_format, &day, NULL))
            {
              hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line,
                                   "user.last_seen_at", "“%s” is not a date and time", seen);
              return FALSE;
            }
          data->day = MAX (data->day, day);
        }

      for (guint c = 0; c < N_COUNTERS; c++)
        {
          const char *text = hearth_import_cell (reader, columns[COL_TOPIC_COUNT + c]);
          g_autofree char *field = g_strconcat ("user.", counter_names[c], NULL);

          /* An empty counter is a zero: Discourse leaves them empty for accounts without stats. */
          if (text != NULL && !hearth_import_parse_count (text, TRUE, &user.totals[c]))
            {
              hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, field,
                                   "“%s” is not a count (a whole number of at least 0)", text);
              return FALSE;
            }
        }

      if (hearth_import_is_suppressed (run, SOURCE, id))
        {
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      if (!(member = hearth_import_find_member (run, SOURCE, id, username)))
        member = hearth_import_plan_member (run, SOURCE, id, username, name);
      hearth_import_member_set (run, member, MEMBER_PLATFORM, SOURCE, member->text[MEMBER_EXTERNAL_ID] == NULL);
      hearth_import_member_set (run, member, MEMBER_EXTERNAL_ID, id, FALSE);
      hearth_import_member_set (run, member, MEMBER_HANDLE, username, TRUE);
      hearth_import_member_set (run, member, MEMBER_DISPLAY_NAME, name, TRUE);
      if (joined_on[0] != '\0')
        hearth_import_member_set (run, member, MEMBER_JOINED_ON, joined_on, TRUE);
      if (numeric_id <= 0 && !member->is_bot)
        {
          member->is_bot = TRUE;
          member->bot_changed = (member->flags & IMPORT_MEMBER_NEW) == 0;
        }

      user.member = member->index;
      g_array_append_val (data->users, user);
    }

  if (!hearth_import_rows_done (file, local_error, error))
    return FALSE;

  if (data->day == 0)
    data->day = newest_created;
  if (data->day == 0 && data->users->len > 0)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 0, "user.last_seen_at",
                           "empty in every row: the increase needs a day to land on");
      return FALSE;
    }

  return TRUE;
}

static gboolean
discourse_write (ImportRun   *run,
                 ImportFile  *file,
                 GError     **error)
{
  DiscourseData *data = file->data;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  int kinds[N_COUNTERS] = {
    hearth_import_kind_index ("thread_started"),
    hearth_import_kind_index ("message"),
    hearth_import_kind_index ("reaction_received"),
  };
  int reply_kind = hearth_import_kind_index ("reply");

  select = hearth_database_prepare (run->db,
                                    "SELECT counter, total FROM import_counter "
                                    "WHERE program_id = ?1 AND member_id = ?2 AND source = ?3",
                                    error);
  upsert = hearth_database_prepare (run->db,
                                    "INSERT INTO import_counter (program_id, member_id, source, "
                                    "counter, total) VALUES (?1, ?2, ?3, ?4, ?5) "
                                    "ON CONFLICT (program_id, member_id, source, counter) "
                                    "DO UPDATE SET total = max (total, excluded.total)",
                                    error);
  if (select == NULL || upsert == NULL)
    return FALSE;

  run->write_total += data->users->len;

  for (guint i = 0; i < data->users->len; i++)
    {
      User *user = &g_array_index (data->users, User, i);
      ImportMember *member = g_ptr_array_index (run->members, user->member);
      gint64 before[N_COUNTERS] = { 0 };
      gint64 increase[N_COUNTERS];
      gint64 replies;
      gboolean seen_before = FALSE;
      int rc;

      if ((i & (HEARTH_IMPORT_CHUNK - 1)) == HEARTH_IMPORT_CHUNK - 1 &&
          !hearth_import_write_tick (run, HEARTH_IMPORT_CHUNK, error))
        return FALSE;

      if (member->is_bot)
        {
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      sqlite3_reset (select);
      hearth_bind_text (select, 1, run->program_id);
      hearth_bind_text (select, 2, member->id);
      hearth_bind_text (select, 3, SOURCE);
      while ((rc = hearth_database_step (run->db, select, error)) == SQLITE_ROW)
        for (guint c = 0; c < N_COUNTERS; c++)
          if (g_str_equal (hearth_column_text (select, 0), counter_names[c]))
            {
              before[c] = sqlite3_column_int64 (select, 1);
              seen_before = TRUE;
            }
      if (rc != SQLITE_DONE)
        return FALSE;

      for (guint c = 0; c < N_COUNTERS; c++)
        {
          increase[c] = MAX (0, (gint64)user->totals[c] - before[c]);

          sqlite3_reset (upsert);
          hearth_bind_text (upsert, 1, run->program_id);
          hearth_bind_text (upsert, 2, member->id);
          hearth_bind_text (upsert, 3, SOURCE);
          hearth_bind_text (upsert, 4, counter_names[c]);
          sqlite3_bind_int64 (upsert, 5, user->totals[c]);
          if (!hearth_database_step_done (run->db, upsert, error))
            return FALSE;
        }
      replies = MAX (0, ((gint64)user->totals[POSTS] - user->totals[TOPICS]) -
                        (before[POSTS] - before[TOPICS]));

      if (increase[TOPICS] + increase[POSTS] + increase[LIKES] + replies == 0)
        {
          if (seen_before)
            {
              hearth_import_tally (run, file, IMPORT_ALREADY);
            }
          else
            {
              /* A member without any posts yet: written, nothing to count. */
              hearth_import_tally (run, file, IMPORT_COUNTED);
            }
          continue;
        }

      for (guint c = 0; c < N_COUNTERS; c++)
        hearth_import_file_add (file, user->member, data->day, kinds[c], MIN (increase[c], G_MAXINT32));
      hearth_import_file_add (file, user->member, data->day, reply_kind, MIN (replies, G_MAXINT32));
      hearth_import_tally (run, file, IMPORT_COUNTED);
    }

  return TRUE;
}

const ImportFormatClass hearth_import_discourse_class = {
  .format = HEARTH_IMPORT_FORMAT_DISCOURSE_USERS,
  .mode = ACTIVITY_ADD,
  .read = discourse_read,
  .write = discourse_write,
  .free_data = discourse_data_free,
};
