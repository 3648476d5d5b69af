/* hearth-import-responses.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feedback responses from a survey tool's CSV export: one row per response, a member, a date and
 * an optional rating, text and tags. Each row becomes a feedback item (channel "survey", status
 * "new", the caller's round). Like every import it reads the whole file first and writes nothing
 * unless every row is good; unlike the activity formats it does not stop at the first bad row
 * but names them all (up to HEARTH_IMPORT_RESPONSES_MAX_ERRORS), since a survey export is
 * fixed by hand, row by row. Members are never created: a response from someone the program
 * doesn't know is a bad row. Rows of erased (suppressed) identities are ignored and counted.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hearth-import-private.h"
#include "hearth-util.h"

static const struct
{
  const char                 *name;
  HearthImportResponsesField  field;
} header_names[] = {
  /* In order of preference: the first name found wins its field. */
  { "member_id", HEARTH_IMPORT_RESPONSES_FIELD_MEMBER_ID },
  { "external_id", HEARTH_IMPORT_RESPONSES_FIELD_EXTERNAL_ID },
  { "platform", HEARTH_IMPORT_RESPONSES_FIELD_PLATFORM },
  { "handle", HEARTH_IMPORT_RESPONSES_FIELD_HANDLE },
  { "member", HEARTH_IMPORT_RESPONSES_FIELD_HANDLE },
  { "display_name", HEARTH_IMPORT_RESPONSES_FIELD_NAME },
  { "name", HEARTH_IMPORT_RESPONSES_FIELD_NAME },
  { "received_on", HEARTH_IMPORT_RESPONSES_FIELD_DATE },
  { "date", HEARTH_IMPORT_RESPONSES_FIELD_DATE },
  { "submitted_at", HEARTH_IMPORT_RESPONSES_FIELD_DATE },
  { "timestamp", HEARTH_IMPORT_RESPONSES_FIELD_DATE },
  { "rating", HEARTH_IMPORT_RESPONSES_FIELD_RATING },
  { "score", HEARTH_IMPORT_RESPONSES_FIELD_RATING },
  { "text", HEARTH_IMPORT_RESPONSES_FIELD_TEXT },
  { "feedback", HEARTH_IMPORT_RESPONSES_FIELD_TEXT },
  { "comment", HEARTH_IMPORT_RESPONSES_FIELD_TEXT },
  { "comments", HEARTH_IMPORT_RESPONSES_FIELD_TEXT },
  { "tags", HEARTH_IMPORT_RESPONSES_FIELD_TAGS },
  { "tag", HEARTH_IMPORT_RESPONSES_FIELD_TAGS },
};

/* What each field is called in messages: the feedback or member column it fills or matches. */
static const char * const field_names[HEARTH_IMPORT_RESPONSES_N_FIELDS] = {
  [HEARTH_IMPORT_RESPONSES_FIELD_MEMBER_ID] = "feedback.member_id",
  [HEARTH_IMPORT_RESPONSES_FIELD_EXTERNAL_ID] = "member.external_id",
  [HEARTH_IMPORT_RESPONSES_FIELD_PLATFORM] = "member.platform",
  [HEARTH_IMPORT_RESPONSES_FIELD_HANDLE] = "member.handle",
  [HEARTH_IMPORT_RESPONSES_FIELD_NAME] = "member.display_name",
  [HEARTH_IMPORT_RESPONSES_FIELD_DATE] = "feedback.received_on",
  [HEARTH_IMPORT_RESPONSES_FIELD_RATING] = "feedback.rating",
  [HEARTH_IMPORT_RESPONSES_FIELD_TEXT] = "feedback.text",
  [HEARTH_IMPORT_RESPONSES_FIELD_TAGS] = "feedback.tags",
};

#define FORMAT_NAME "responses"

void
hearth_import_responses_mapping_init (HearthImportResponsesMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  memset (mapping, 0, sizeof *mapping);
  for (guint i = 0; i < HEARTH_IMPORT_RESPONSES_N_FIELDS; i++)
    mapping->columns[i] = -1;
}

/**
 * hearth_import_responses_map_header:
 *
 * The header convention, as the activity CSV's (case-insensitive, trimmed, '_', '-' and ' ' as
 * one character): fields already mapped, and fields the header lacks, are left as they are.
 */
void
hearth_import_responses_map_header (HearthImportResponsesMapping *mapping,
                                    const char * const           *header)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (header != NULL);

  for (guint n = 0; n < G_N_ELEMENTS (header_names); n++)
    {
      if (mapping->columns[header_names[n].field] >= 0)
        continue;

      for (guint i = 0; header[i] != NULL; i++)
        {
          g_autofree char *name = hearth_import_normalize_header (header[i]);

          if (g_str_equal (name, header_names[n].name))
            {
              mapping->columns[header_names[n].field] = i;
              break;
            }
        }
    }
}

const char *
hearth_import_responses_field_name (HearthImportResponsesField field)
{
  g_return_val_if_fail (field < HEARTH_IMPORT_RESPONSES_N_FIELDS, NULL);

  return field_names[field];
}

/* The first mapped among member_id, external_id, handle (or member) and name. */
static HearthImportResponsesField
member_key (const HearthImportResponsesMapping *mapping)
{
  static const HearthImportResponsesField order[] = {
    HEARTH_IMPORT_RESPONSES_FIELD_MEMBER_ID, HEARTH_IMPORT_RESPONSES_FIELD_EXTERNAL_ID,
    HEARTH_IMPORT_RESPONSES_FIELD_HANDLE, HEARTH_IMPORT_RESPONSES_FIELD_NAME,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (mapping->columns[order[i]] >= 0)
      return order[i];

  return HEARTH_IMPORT_RESPONSES_N_FIELDS;
}

/* One response, read and checked. */
typedef struct
{
  ImportMember *member;
  char          received_on[11];
  int           rating;        /* 0 = none */
  char         *text;
  char         *tags;          /* a JSON array of strings, or NULL */
} Response;

static void
response_clear (gpointer data)
{
  Response *response = data;

  g_free (response->text);
  g_free (response->tags);
}

/* Bad rows: every one named, up to the limit, then counted. */
typedef struct
{
  GString *text;
  guint    n;
  int      code;
} BadRows;

static void
bad_row (BadRows    *bad,
         const char *path,
         guint       line,
         const char *field,
         int         code,
         const char *format,
         ...) G_GNUC_PRINTF (6, 7);

static void
bad_row (BadRows    *bad,
         const char *path,
         guint       line,
         const char *field,
         int         code,
         const char *format,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  va_list args;

  bad->code = bad->n == 0 || bad->code == code ? code : HEARTH_ERROR_INVALID;
  if (bad->n++ >= HEARTH_IMPORT_RESPONSES_MAX_ERRORS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  hearth_import_error (&error, code, path, line, field, "%s", message);
  if (bad->text->len > 0)
    g_string_append_c (bad->text, '\n');
  g_string_append (bad->text, error->message);
}

/* The tags cell: split on ',' and ';', trimmed, empty ones dropped, repeats (ignoring case)
 * dropped; a JSON array of strings, or NULL when none remain. */
static char *
parse_tags (const char *cell)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (cell == NULL)
    return NULL;

  parts = g_strsplit_set (cell, ",;", -1);
  seen = g_ptr_array_new_with_free_func (g_free);
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      char *folded;

      if (tag[0] == '\0')
        continue;
      folded = g_utf8_casefold (tag, -1);
      if (g_ptr_array_find_with_equal_func (seen, folded, g_str_equal, NULL))
        {
          g_free (folded);
          continue;
        }
      g_ptr_array_add (seen, folded);
      json_builder_add_string_value (builder, tag);
    }
  json_builder_end_array (builder);

  if (seen->len == 0)
    return NULL;

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/* The row's member, or NULL (with @suppressed set for an erased identity); unknown members are
 * the caller's bad row. Matching is the shared index's (hearth_import_find_member()). */
static ImportMember *
row_member (ImportRun                          *run,
            const HearthImportResponsesMapping *mapping,
            HearthImportResponsesField          key_field,
            HearthCsvReader                    *reader,
            const char                         *key,
            gboolean                           *suppressed)
{
  const char *platform;

  *suppressed = FALSE;

  switch (key_field)
    {
    case HEARTH_IMPORT_RESPONSES_FIELD_MEMBER_ID:
      return g_hash_table_lookup (run->by_id, key);

    case HEARTH_IMPORT_RESPONSES_FIELD_EXTERNAL_ID:
      /* As the activity CSV: external ids without a platform column are platform "csv". */
      platform = hearth_import_cell (reader, mapping->columns[HEARTH_IMPORT_RESPONSES_FIELD_PLATFORM]);
      if (platform == NULL)
        platform = "csv";
      if (hearth_import_is_suppressed (run, platform, key))
        {
          *suppressed = TRUE;
          return NULL;
        }
      return hearth_import_find_member (run, platform, key, NULL);

    case HEARTH_IMPORT_RESPONSES_FIELD_HANDLE:
      return hearth_import_find_member (run, NULL, NULL, key);

    case HEARTH_IMPORT_RESPONSES_FIELD_NAME:
      return g_hash_table_lookup (run->by_name, key);

    case HEARTH_IMPORT_RESPONSES_FIELD_PLATFORM:
    case HEARTH_IMPORT_RESPONSES_FIELD_DATE:
    case HEARTH_IMPORT_RESPONSES_FIELD_RATING:
    case HEARTH_IMPORT_RESPONSES_FIELD_TEXT:
    case HEARTH_IMPORT_RESPONSES_FIELD_TAGS:
    case HEARTH_IMPORT_RESPONSES_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_round (ImportRun   *run,
             const char  *round_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hearth_database_prepare (run->db,
                                  "SELECT 1 FROM feedback_round WHERE id = ?1 AND program_id = ?2 "
                                  "AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  hearth_bind_text (stmt, 1, round_id);
  hearth_bind_text (stmt, 2, run->program_id);

  rc = hearth_database_step (run->db, stmt, error);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND,
                 "no feedback round with the id “%s” in this program", round_id);

  return FALSE;
}

static gboolean
responses_read (ImportRun                          *run,
                ImportFile                         *file,
                const HearthImportResponsesOptions *options,
                GArray                             *responses,
                GError                            **error)
{
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *header_text = NULL;
  HearthImportResponsesMapping mapping;
  HearthImportResponsesField key_field;
  const int *columns = mapping.columns;
  BadRows bad = { g_string_new (NULL), 0, 0 };
  GError *local_error = NULL;
  gboolean ok = FALSE;
  guint64 n = 0;
  guint n_fields;

  if (!hearth_import_open_csv (run, file, &reader, error))
    goto out;
  if (options->mapping != NULL && options->mapping->delimiter != 0)
    hearth_csv_reader_set_delimiter (reader, options->mapping->delimiter);
  if (!hearth_import_read_first_row (file, reader, error))
    goto out;

  n_fields = hearth_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (header, g_strdup (hearth_csv_reader_get_field (reader, i)));
  g_ptr_array_add (header, NULL);
  header_text = hearth_import_describe_header (reader);

  hearth_import_responses_mapping_init (&mapping);
  if (options->mapping != NULL)
    memcpy (mapping.columns, options->mapping->columns, sizeof mapping.columns);
  else
    hearth_import_responses_map_header (&mapping, (const char * const *)header->pdata);

  for (guint f = 0; f < HEARTH_IMPORT_RESPONSES_N_FIELDS; f++)
    if (columns[f] >= (int)n_fields)
      {
        hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                             "the file has no column %d for %s", columns[f] + 1, field_names[f]);
        goto out;
      }

  key_field = member_key (&mapping);
  if (key_field == HEARTH_IMPORT_RESPONSES_N_FIELDS)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                           "no column names the member: the file needs one of member_id, "
                           "external_id, handle, member or name (its header is “%s”)",
                           header_text);
      goto out;
    }
  if (columns[HEARTH_IMPORT_RESPONSES_FIELD_DATE] < 0)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                           "the file needs a date or received_on column (its header is “%s”)",
                           header_text);
      goto out;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      gboolean used = FALSE;

      for (guint f = 0; f < HEARTH_IMPORT_RESPONSES_N_FIELDS && !used; f++)
        used = columns[f] == (int)i;
      if (!used)
        hearth_import_note_ignored_column (run, g_ptr_array_index (header, i));
    }

  while (hearth_csv_reader_next_row (reader, &local_error))
    {
      guint line = hearth_csv_reader_get_line (reader);
      const char *key = hearth_import_cell (reader, columns[key_field]);
      const char *date = hearth_import_cell (reader, columns[HEARTH_IMPORT_RESPONSES_FIELD_DATE]);
      const char *rating = hearth_import_cell (reader, columns[HEARTH_IMPORT_RESPONSES_FIELD_RATING]);
      const char *text = hearth_import_cell (reader, columns[HEARTH_IMPORT_RESPONSES_FIELD_TEXT]);
      const char *tags = hearth_import_cell (reader, columns[HEARTH_IMPORT_RESPONSES_FIELD_TAGS]);
      Response response = { NULL, };
      guint n_bad = bad.n;
      gboolean suppressed = FALSE;
      guint32 julian = 0;

      if (++n % HEARTH_IMPORT_CHUNK == 0 &&
          !hearth_import_tick (run, hearth_csv_reader_get_offset (reader), error))
        goto out;

      run->summary->n_records++;

      if (key == NULL)
        bad_row (&bad, file->path, line, field_names[key_field], HEARTH_ERROR_INVALID,
                 "empty: every row needs its member");
      else if (!(response.member = row_member (run, &mapping, key_field, reader, key,
                                               &suppressed)) && !suppressed)
        bad_row (&bad, file->path, line, field_names[key_field], HEARTH_ERROR_NOT_FOUND,
                 "no member “%s” in this program", key);

      if (date == NULL)
        bad_row (&bad, file->path, line, field_names[HEARTH_IMPORT_RESPONSES_FIELD_DATE],
                 HEARTH_ERROR_INVALID, "empty: every row needs its date");
      else if (!hearth_import_parse_time (date, options->date_format, &julian, NULL))
        bad_row (&bad, file->path, line, field_names[HEARTH_IMPORT_RESPONSES_FIELD_DATE],
                 HEARTH_ERROR_INVALID, "“%s” is not a date (YYYY-MM-DD or ISO-8601)", date);

      if (rating != NULL)
        {
          if (rating[0] >= '1' && rating[0] <= '5' && rating[1] == '\0')
            response.rating = rating[0] - '0';
          else
            bad_row (&bad, file->path, line, field_names[HEARTH_IMPORT_RESPONSES_FIELD_RATING],
                     HEARTH_ERROR_INVALID, "“%s” is not a rating (a whole number from 1 to 5)",
                     rating);
        }

      if (bad.n > n_bad)
        continue;

      /* An erased member's response never comes back; an empty one says nothing. */
      if (suppressed ||
          ((response.tags = parse_tags (tags)) == NULL && rating == NULL && text == NULL))
        {
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      hearth_julian_day_format (julian, response.received_on);
      response.text = g_strdup (text);
      g_array_append_val (responses, response);
      hearth_import_tally (run, file, IMPORT_COUNTED);
    }

  if (!hearth_import_rows_done (file, local_error, error))
    goto out;

  if (bad.n > 0)
    {
      if (bad.n > HEARTH_IMPORT_RESPONSES_MAX_ERRORS)
        g_string_append_printf (bad.text, "\n%s: and %u more bad rows", file->path,
                                bad.n - HEARTH_IMPORT_RESPONSES_MAX_ERRORS);
      g_set_error_literal (error, HEARTH_ERROR, bad.code, bad.text->str);
      goto out;
    }

  ok = TRUE;

out:
  g_string_free (bad.text, TRUE);
  return ok;
}

static gboolean
responses_write (ImportRun   *run,
                 ImportFile  *file,
                 const char  *round_id,
                 GArray      *responses,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) batch = NULL;
  g_autofree char *now = hearth_timestamp_now ();
  g_autofree char *batch_id = hearth_new_id ();
  g_autofree char *name = g_path_get_basename (file->path);

  insert = hearth_database_prepare (run->db,
                                    "INSERT INTO feedback (id, round_id, member_id, received_on, "
                                    "channel, rating, text, tags, status, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, 'survey', ?5, ?6, ?7, 'new', ?8, ?8)",
                                    error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < responses->len; i++)
    {
      Response *response = &g_array_index (responses, Response, i);
      g_autofree char *id = hearth_new_id ();

      sqlite3_reset (insert);
      hearth_bind_text (insert, 1, id);
      hearth_bind_text (insert, 2, round_id);
      hearth_bind_text (insert, 3, response->member->id);
      hearth_bind_text (insert, 4, response->received_on);
      if (response->rating > 0)
        sqlite3_bind_int (insert, 5, response->rating);
      else
        sqlite3_bind_null (insert, 5);
      hearth_bind_text (insert, 6, response->text);
      hearth_bind_text (insert, 7, response->tags);
      hearth_bind_text (insert, 8, now);
      if (!hearth_database_step_done (run->db, insert, error))
        return FALSE;

      if ((i & (HEARTH_IMPORT_CHUNK - 1)) == HEARTH_IMPORT_CHUNK - 1 &&
          !hearth_import_write_tick (run, HEARTH_IMPORT_CHUNK, error))
        return FALSE;
    }

  batch = hearth_database_prepare (run->db,
                                   "INSERT INTO import_batch (id, program_id, format, file_name, "
                                   "sha256, imported_at, rows_added, rows_ignored) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                   error);
  if (batch == NULL)
    return FALSE;
  hearth_bind_text (batch, 1, batch_id);
  hearth_bind_text (batch, 2, run->program_id);
  hearth_bind_text (batch, 3, FORMAT_NAME);
  hearth_bind_text (batch, 4, name);
  hearth_bind_text (batch, 5, file->sha256);
  hearth_bind_text (batch, 6, now);
  sqlite3_bind_int64 (batch, 7, file->rows_added);
  sqlite3_bind_int64 (batch, 8, file->rows_ignored);

  return hearth_database_step_done (run->db, batch, error);
}

/**
 * hearth_import_responses_run:
 * @db: the write connection (on the DB thread), not in a transaction
 * @program_id: the program the members and the round belong to
 * @path: the survey tool's CSV export
 * @options: the round, date format, encoding and columns
 * @progress: (nullable): called now and then on this thread with a share of 1000
 *
 * Reads the whole file, naming every bad row (file, line and field; up to
 * %HEARTH_IMPORT_RESPONSES_MAX_ERRORS, then how many more) and refusing the run if there is any;
 * then makes a backup and writes one feedback item per response (channel "survey", status "new",
 * the round), and one import_batch row, in one transaction. A round that is not a live round of
 * the program is an error before anything is read.
 *
 * The summary counts the rows read (n_records), the items written (n_counted) and the rows
 * ignored (n_ignored: erased members, rows with no rating, text or tags).
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set and nothing written
 */
HearthImportSummary *
hearth_import_responses_run (HearthDatabase                     *db,
                             const char                         *program_id,
                             const char                         *path,
                             const HearthImportResponsesOptions *options,
                             HearthImportProgressFunc            progress,
                             gpointer                            progress_data,
                             GCancellable                       *cancellable,
                             GError                            **error)
{
  HearthImportOptions import_options = {
    .format = HEARTH_IMPORT_FORMAT_CSV,
    .date_format = options != NULL ? options->date_format : NULL,
    .latin1 = options != NULL && options->latin1,
  };
  ImportRun run = {
    .db = db,
    .program_id = g_strdup (program_id),
    .options = &import_options,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
  };
  g_autoptr(GArray) responses = NULL;
  HearthImportSummary *summary = NULL;
  ImportFile *file;
  gboolean ok;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (!hearth_database_in_transaction (db), NULL);

  responses = g_array_new (FALSE, TRUE, sizeof (Response));
  g_array_set_clear_func (responses, response_clear);

  hearth_import_run_init (&run);

  file = g_new0 (ImportFile, 1);
  file->path = g_strdup (path);
  g_ptr_array_add (run.files, file);

  if (options->round_id != NULL && !check_round (&run, options->round_id, error))
    goto out;
  if (!hearth_import_load_members (&run, error) || !hearth_import_hash_file (file, error))
    goto out;
  run.bytes_total = file->size;

  if (!responses_read (&run, file, options, responses, error))
    goto out;
  if (!hearth_import_tick (&run, file->size, error))
    goto out;

  if (!(run.summary->backup_path = hearth_database_backup (db, "import", error)))
    goto out;

  run.write_total = responses->len;
  if (!hearth_database_begin (db, error))
    goto out;
  ok = responses_write (&run, file, options->round_id, responses, error);
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);
  ok = ok && hearth_database_commit (db, error);
  if (!ok)
    {
      hearth_database_rollback (db);
      goto out;
    }
  if (progress != NULL)
    progress (1000, 1000, progress_data);

  summary = g_steal_pointer (&run.summary);
  summary->program_id = g_strdup (program_id);
  summary->files = g_array_new (FALSE, TRUE, sizeof (HearthImportFile));
  {
    HearthImportFile out = {
      .path = g_strdup (path),
      .format = FORMAT_NAME,
      .rows_added = file->rows_added,
      .rows_ignored = file->rows_ignored,
    };

    g_array_append_val (summary->files, out);
  }
  g_ptr_array_add (run.ignored_columns, NULL);
  summary->ignored_columns = (char **)g_ptr_array_free (g_steal_pointer (&run.ignored_columns),
                                                        FALSE);

out:
  hearth_import_run_clear (&run);

  return summary;
}
