/* hearth-import-discord-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DiscordChatExporter's CSV: exactly `AuthorID,Author,Date,Content,Attachments,Reactions`. It
 * has no message ids and no message types, so it yields only `message` and `reaction_received`,
 * and a message is known again by the SHA-256 of its AuthorID, Date and Content. Date is written
 * in the exporting user's culture: ISO-8601, or the date format the organizer gives.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include <string.h>

#include "hearth-import-private.h"
#include "hearth-util.h"

#define SOURCE   "discord-csv"
#define PLATFORM "discord"

static const char * const discord_header[] = {
  "AuthorID", "Author", "Date", "Content", "Attachments", "Reactions",
};

enum { AUTHOR_ID, AUTHOR, DATE, CONTENT, ATTACHMENTS, REACTIONS };

typedef struct
{
  const char *key;       /* the content hash, in the string chunk */
  guint32     author;    /* member index, or G_MAXUINT32 for an erased member */
  guint32     day;
  guint32     reactions;
} Row;

typedef struct
{
  GArray       *rows;
  GStringChunk *strings;
} DiscordCsvData;

static void
discord_csv_data_free (gpointer data)
{
  DiscordCsvData *d = data;

  g_array_unref (d->rows);
  g_string_chunk_free (d->strings);
  g_free (d);
}

/* "👍 (3),🎉 (1)": the counts in parentheses at the end of each item, added up. */
static gboolean
parse_reactions (const char *text,
                 guint32    *total)
{
  guint64 sum = 0;
  const char *p = text;

  *total = 0;
  while (*p != '\0')
    {
      const char *open = strstr (p, " (");
      const char *close;
      guint32 count;
      g_autofree char *digits = NULL;

      if (open == NULL || (close = strchr (open, ')')) == NULL)
        return FALSE;
      digits = g_strndup (open + 2, close - open - 2);
      if (!hearth_import_parse_count (digits, TRUE, &count))
        return FALSE;
      sum += count;

      p = close + 1;
      while (*p == ' ')
        p++;
      if (*p == ',')
        p++;
      else if (*p != '\0')
        return FALSE;
      while (*p == ' ')
        p++;
    }

  *total = MIN (sum, G_MAXINT32);
  return TRUE;
}

static gboolean
discord_csv_read (ImportRun   *run,
                  ImportFile  *file,
                  GError     **error)
{
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GError *local_error = NULL;
  DiscordCsvData *data;
  gboolean same;
  guint64 n = 0;

  if (!hearth_import_open_csv (run, file, &reader, error))
    return FALSE;
  hearth_csv_reader_set_delimiter (reader, ',');

  if (!hearth_import_read_first_row (file, reader, error))
    return FALSE;

  same = hearth_csv_reader_get_n_fields (reader) == G_N_ELEMENTS (discord_header);
  for (guint i = 0; same && i < G_N_ELEMENTS (discord_header); i++)
    same = g_str_equal (hearth_csv_reader_get_field (reader, i), discord_header[i]);
  if (!same)
    {
      g_autofree char *header = hearth_import_describe_header (reader);

      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                           "not a DiscordChatExporter CSV export: expected the header "
                           "“AuthorID,Author,Date,Content,Attachments,Reactions” "
                           "(its header is “%s”)", header);
      return FALSE;
    }

  data = g_new0 (DiscordCsvData, 1);
  data->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  data->strings = g_string_chunk_new (64 * 1024);
  file->data = data;

  while (hearth_csv_reader_next_row (reader, &local_error))
    {
      guint line = hearth_csv_reader_get_line (reader);
      const char *author_id, *author, *date, *reactions;
      Row row = { 0 };

      if (++n % HEARTH_IMPORT_CHUNK == 0 &&
          !hearth_import_tick (run, hearth_csv_reader_get_offset (reader), error))
        return FALSE;

      run->summary->n_records++;

      if (hearth_csv_reader_get_n_fields (reader) != G_N_ELEMENTS (discord_header))
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "message",
                               "expected 6 fields, found %u",
                               hearth_csv_reader_get_n_fields (reader));
          return FALSE;
        }

      /* The content hash takes the fields as written, before any trimming. */
      g_checksum_reset (sum);
      g_checksum_update (sum, (const guchar *)hearth_csv_reader_get_field (reader, AUTHOR_ID),
                         hearth_csv_reader_get_field_length (reader, AUTHOR_ID));
      g_checksum_update (sum, (const guchar *)hearth_csv_reader_get_field (reader, DATE),
                         hearth_csv_reader_get_field_length (reader, DATE));
      g_checksum_update (sum, (const guchar *)hearth_csv_reader_get_field (reader, CONTENT),
                         hearth_csv_reader_get_field_length (reader, CONTENT));
      row.key = g_string_chunk_insert (data->strings, g_checksum_get_string (sum));

      author_id = hearth_import_cell (reader, AUTHOR_ID);
      author = hearth_import_cell (reader, AUTHOR);
      date = hearth_import_cell (reader, DATE);
      reactions = hearth_import_cell (reader, REACTIONS);

      if (author_id == NULL)
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "message.AuthorID",
                               "empty");
          return FALSE;
        }
      if (date == NULL || !hearth_import_parse_time (date, run->options->date_format, &row.day, NULL))
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "message.Date",
                               "“%s” is not a date in ISO-8601 or in the date format given "
                               "(such as %%d.%%m.%%Y %%H:%%M)", date != NULL ? date : "");
          return FALSE;
        }
      if (reactions != NULL && !parse_reactions (reactions, &row.reactions))
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "message.Reactions",
                               "“%s” is not a list of reactions such as “👍 (3),🎉 (1)”",
                               reactions);
          return FALSE;
        }

      if (hearth_import_is_suppressed (run, PLATFORM, author_id))
        row.author = G_MAXUINT32;
      else
        {
          ImportMember *member = hearth_import_find_member (run, PLATFORM, author_id, author);

          if (member == NULL)
            member = hearth_import_plan_member (run, PLATFORM, author_id, author, author);
          else if (member->text[MEMBER_EXTERNAL_ID] == NULL)
            {
              hearth_import_member_set (run, member, MEMBER_PLATFORM, PLATFORM, FALSE);
              hearth_import_member_set (run, member, MEMBER_EXTERNAL_ID, author_id, FALSE);
            }
          row.author = member->index;
        }

      g_array_append_val (data->rows, row);
    }

  if (!hearth_import_rows_done (file, local_error, error))
    return FALSE;

  return TRUE;
}

static gboolean
discord_csv_write (ImportRun   *run,
                   ImportFile  *file,
                   GError     **error)
{
  DiscordCsvData *data = file->data;
  g_autoptr(sqlite3_stmt) event = hearth_import_prepare_event (run, error);
  int message_kind = hearth_import_kind_index ("message");
  int reaction_kind = hearth_import_kind_index ("reaction_received");

  if (event == NULL)
    return FALSE;

  run->write_total += data->rows->len;

  for (guint i = 0; i < data->rows->len; i++)
    {
      Row *row = &g_array_index (data->rows, Row, i);
      ImportMember *member;
      gboolean is_new;

      if ((i & (HEARTH_IMPORT_CHUNK - 1)) == HEARTH_IMPORT_CHUNK - 1 &&
          !hearth_import_write_tick (run, HEARTH_IMPORT_CHUNK, error))
        return FALSE;

      member = row->author != G_MAXUINT32 ? g_ptr_array_index (run->members, row->author) : NULL;
      if (member == NULL || member->is_bot)
        {
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      if (!hearth_import_record_event (run, event, SOURCE, row->key, &is_new, error))
        return FALSE;
      if (!is_new)
        {
          hearth_import_tally (run, file, IMPORT_ALREADY);
          continue;
        }

      hearth_import_file_add (file, row->author, row->day, message_kind, 1);
      hearth_import_file_add (file, row->author, row->day, reaction_kind, row->reactions);
      hearth_import_tally (run, file, IMPORT_COUNTED);
    }

  return TRUE;
}

const ImportFormatClass hearth_import_discord_csv_class = {
  .format = HEARTH_IMPORT_FORMAT_DISCORD_CSV,
  .mode = ACTIVITY_ADD,
  .read = discord_csv_read,
  .write = discord_csv_write,
  .free_data = discord_csv_data_free,
};
