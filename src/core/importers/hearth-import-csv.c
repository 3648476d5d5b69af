/* hearth-import-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic activity CSV: one row per member, day and kind, with an optional count. Its rows
 * are totals: equal rows add up within a file, and across imports the larger total wins, so an
 * overlapping file never counts a day twice. The header convention (also the mapping dialog's
 * default) lives here too, shared with the member roster.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include <string.h>

#include "hearth-import-private.h"
#include "hearth-util.h"

static const struct
{
  const char        *name;
  HearthImportField  field;
  /* Which file kinds read this header (1 << HearthImportFormat). */
  guint              formats;
} header_names[] = {
#define ACTIVITY (1u << HEARTH_IMPORT_FORMAT_CSV)
#define ROSTER   (1u << HEARTH_IMPORT_FORMAT_MEMBERS)
  /* In order of preference: the first name found wins its field. */
  { "member_id", HEARTH_IMPORT_FIELD_MEMBER_ID, ACTIVITY },
  { "external_id", HEARTH_IMPORT_FIELD_EXTERNAL_ID, ACTIVITY | ROSTER },
  { "platform", HEARTH_IMPORT_FIELD_PLATFORM, ACTIVITY | ROSTER },
  { "handle", HEARTH_IMPORT_FIELD_HANDLE, ACTIVITY | ROSTER },
  { "member", HEARTH_IMPORT_FIELD_HANDLE, ACTIVITY },
  { "display_name", HEARTH_IMPORT_FIELD_NAME, ROSTER },
  { "name", HEARTH_IMPORT_FIELD_NAME, ACTIVITY | ROSTER },
  { "day", HEARTH_IMPORT_FIELD_DAY, ACTIVITY },
  { "date", HEARTH_IMPORT_FIELD_DAY, ACTIVITY },
  { "kind", HEARTH_IMPORT_FIELD_KIND, ACTIVITY },
  { "count", HEARTH_IMPORT_FIELD_COUNT, ACTIVITY },
  { "email", HEARTH_IMPORT_FIELD_EMAIL, ROSTER },
  { "e_mail", HEARTH_IMPORT_FIELD_EMAIL, ROSTER },
  { "joined_on", HEARTH_IMPORT_FIELD_JOINED_ON, ROSTER },
  { "region", HEARTH_IMPORT_FIELD_REGION, ROSTER },
  { "timezone", HEARTH_IMPORT_FIELD_TIMEZONE, ROSTER },
  { "time_zone", HEARTH_IMPORT_FIELD_TIMEZONE, ROSTER },
  { "language", HEARTH_IMPORT_FIELD_LANGUAGE, ROSTER },
  { "segment", HEARTH_IMPORT_FIELD_SEGMENT, ROSTER },
#undef ACTIVITY
#undef ROSTER
};

/* What each field is called in messages: the activity or member column it fills. */
static const char * const field_names[HEARTH_IMPORT_N_FIELDS] = {
  [HEARTH_IMPORT_FIELD_MEMBER_ID] = "member_id",
  [HEARTH_IMPORT_FIELD_EXTERNAL_ID] = "external_id",
  [HEARTH_IMPORT_FIELD_PLATFORM] = "platform",
  [HEARTH_IMPORT_FIELD_HANDLE] = "handle",
  [HEARTH_IMPORT_FIELD_NAME] = "display_name",
  [HEARTH_IMPORT_FIELD_DAY] = "day",
  [HEARTH_IMPORT_FIELD_KIND] = "kind",
  [HEARTH_IMPORT_FIELD_COUNT] = "count",
  [HEARTH_IMPORT_FIELD_EMAIL] = "email",
  [HEARTH_IMPORT_FIELD_JOINED_ON] = "joined_on",
  [HEARTH_IMPORT_FIELD_REGION] = "region",
  [HEARTH_IMPORT_FIELD_TIMEZONE] = "timezone",
  [HEARTH_IMPORT_FIELD_LANGUAGE] = "language",
  [HEARTH_IMPORT_FIELD_SEGMENT] = "segment",
};

/**
 * hearth_import_map_header:
 *
 * The header convention: names compare case-insensitively after trimming spaces (and a BOM,
 * which the reader drops), with '_', '-' and ' ' as one character. Fields the file lacks stay -1.
 */
void
hearth_import_map_header (HearthImportMapping *mapping,
                          const char * const  *header)
{
  guint formats = 1u << mapping->format;

  for (guint n = 0; n < G_N_ELEMENTS (header_names); n++)
    {
      if ((header_names[n].formats & formats) == 0 ||
          mapping->columns[header_names[n].field] >= 0)
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

/* The first mapped among member_id, external_id, handle (or member) and name. */
static HearthImportField
member_key (const HearthImportMapping *mapping)
{
  static const HearthImportField order[] = {
    HEARTH_IMPORT_FIELD_MEMBER_ID, HEARTH_IMPORT_FIELD_EXTERNAL_ID,
    HEARTH_IMPORT_FIELD_HANDLE, HEARTH_IMPORT_FIELD_NAME,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (mapping->columns[order[i]] >= 0)
      return order[i];

  return HEARTH_IMPORT_N_FIELDS;
}

/* Reads the header row and settles the mapping: the caller's, or the header convention.
 * Columns nothing reads are noted for the summary. */
gboolean
hearth_import_read_header (ImportRun            *run,
                           ImportFile           *file,
                           HearthCsvReader      *reader,
                           HearthImportFormat    format,
                           HearthImportMapping  *mapping,
                           char                **header_text,
                           GError              **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (!hearth_import_read_first_row (file, reader, error))
    return FALSE;

  n = hearth_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (header, g_strdup (hearth_csv_reader_get_field (reader, i)));
  g_ptr_array_add (header, NULL);

  hearth_import_mapping_init (mapping, format);
  if (run->options->mapping != NULL && run->options->mapping->format == format)
    {
      memcpy (mapping->columns, run->options->mapping->columns, sizeof mapping->columns);
      if (run->options->mapping->kinds != NULL)
        mapping->kinds = g_hash_table_ref (run->options->mapping->kinds);
    }
  else
    hearth_import_map_header (mapping, (const char * const *)header->pdata);

  for (guint f = 0; f < HEARTH_IMPORT_N_FIELDS; f++)
    if (mapping->columns[f] >= (int)n)
      {
        hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                             "the file has no column %d for %s", mapping->columns[f] + 1,
                             field_names[f]);
        return FALSE;
      }

  for (guint i = 0; i < n; i++)
    {
      gboolean used = FALSE;

      for (guint f = 0; f < HEARTH_IMPORT_N_FIELDS && !used; f++)
        used = mapping->columns[f] == (int)i;
      if (!used)
        hearth_import_note_ignored_column (run, g_ptr_array_index (header, i));
    }

  *header_text = hearth_import_describe_header (reader);

  return TRUE;
}

const char *
hearth_import_field_name (HearthImportField field)
{
  return field_names[field];
}

typedef struct
{
  HearthImportMapping mapping;
  HearthImportField   key;
  /* The last row's member, for files sorted by member (most are). */
  char               *last_key;
  char               *last_platform;
  ImportMember       *last_member;
} CsvState;

static void
csv_state_clear (CsvState *state)
{
  hearth_import_mapping_clear (&state->mapping);
  g_free (state->last_key);
  g_free (state->last_platform);
}

/* The row's member, found or planned; *out is NULL when the identity is suppressed. */
static gboolean
row_member (ImportRun        *run,
            ImportFile       *file,
            CsvState         *state,
            HearthCsvReader  *reader,
            const char       *key,
            ImportMember    **out,
            GError          **error)
{
  const int *columns = state->mapping.columns;
  const char *platform = NULL;
  const char *handle = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_HANDLE]);
  const char *name = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_NAME]);
  ImportMember *member = NULL;

  if (state->key == HEARTH_IMPORT_FIELD_EXTERNAL_ID)
    {
      platform = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_PLATFORM]);
      if (platform == NULL)
        platform = "csv";
    }

  if (state->last_member != NULL && g_strcmp0 (state->last_key, key) == 0 &&
      g_strcmp0 (state->last_platform, platform) == 0)
    {
      *out = state->last_member;
      return TRUE;
    }

  switch (state->key)
    {
    case HEARTH_IMPORT_FIELD_MEMBER_ID:
      if (!(member = g_hash_table_lookup (run->by_id, key)))
        {
          hearth_import_error (error, HEARTH_ERROR_NOT_FOUND, file->path,
                               hearth_csv_reader_get_line (reader), "activity.member_id",
                               "no member with the id “%s” in this program", key);
          return FALSE;
        }
      break;

    case HEARTH_IMPORT_FIELD_EXTERNAL_ID:
      if (hearth_import_is_suppressed (run, platform, key))
        {
          *out = NULL;
          return TRUE;
        }
      if (!(member = hearth_import_find_member (run, platform, key, handle)))
        member = hearth_import_plan_member (run, platform, key, handle, name);
      break;

    case HEARTH_IMPORT_FIELD_HANDLE:
      if (!(member = hearth_import_find_member (run, NULL, NULL, key)))
        member = hearth_import_plan_member (run, NULL, NULL, key, name);
      break;

    case HEARTH_IMPORT_FIELD_NAME:
      if (!(member = g_hash_table_lookup (run->by_name, key)))
        member = hearth_import_plan_member (run, NULL, NULL, NULL, key);
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (state->last_key);
  g_free (state->last_platform);
  state->last_key = g_strdup (key);
  state->last_platform = g_strdup (platform);
  state->last_member = member;

  *out = member;
  return TRUE;
}

static gboolean
csv_read (ImportRun   *run,
          ImportFile  *file,
          GError     **error)
{
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autofree char *header = NULL;
  CsvState state = { 0 };
  const int *columns;
  GError *local_error = NULL;
  gboolean ok = FALSE;
  guint64 n = 0;

  if (!hearth_import_open_csv (run, file, &reader, error) ||
      !hearth_import_read_header (run, file, reader, HEARTH_IMPORT_FORMAT_CSV, &state.mapping,
                                  &header, error))
    goto out;

  columns = state.mapping.columns;
  state.key = member_key (&state.mapping);
  if (state.key == HEARTH_IMPORT_N_FIELDS)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                           "no column names the member: the file needs one of member_id, "
                           "external_id, handle, member or name (its header is “%s”)", header);
      goto out;
    }
  if (columns[HEARTH_IMPORT_FIELD_DAY] < 0 || columns[HEARTH_IMPORT_FIELD_KIND] < 0)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                           "the file needs a %s column (its header is “%s”)",
                           columns[HEARTH_IMPORT_FIELD_DAY] < 0 ? "day or date" : "kind",
                           header);
      goto out;
    }

  while (hearth_csv_reader_next_row (reader, &local_error))
    {
      guint line = hearth_csv_reader_get_line (reader);
      const char *key = hearth_import_cell (reader, columns[state.key]);
      const char *day = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_DAY]);
      const char *kind = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_KIND]);
      const char *count_text = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_COUNT]);
      guint32 julian, count = 1;
      int kind_index;
      ImportMember *member;

      if (++n % HEARTH_IMPORT_CHUNK == 0 &&
          !hearth_import_tick (run, hearth_csv_reader_get_offset (reader), error))
        goto out;

      run->summary->n_records++;

      if (key == NULL)
        {
          g_autofree char *field = g_strconcat ("activity.", field_names[state.key], NULL);

          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, field,
                               "empty: every row needs its member");
          goto out;
        }
      if (day == NULL)
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "activity.day",
                               "empty: every row needs its day");
          goto out;
        }
      if (!hearth_import_parse_time (day, run->options->date_format, &julian, NULL))
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "activity.day",
                               "“%s” is not a date (YYYY-MM-DD or ISO-8601)", day);
          goto out;
        }

      kind_index = kind != NULL ? hearth_import_kind_index (kind) : -1;
      if (kind_index < 0 && kind != NULL && state.mapping.kinds != NULL)
        {
          const char *mapped = g_hash_table_lookup (state.mapping.kinds, kind);

          kind_index = mapped != NULL ? hearth_import_kind_index (mapped) : -1;
        }
      if (kind_index < 0)
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "activity.kind",
                               "“%s” is not a kind of activity (message, thread_started, "
                               "reply, welcome, answer, reaction_received, event_attended, "
                               "event_promoted or content_shared)",
                               kind != NULL ? kind : "");
          goto out;
        }

      if (count_text != NULL && !hearth_import_parse_count (count_text, FALSE, &count))
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line, "activity.count",
                               "“%s” is not a count (a whole number of at least 1)", count_text);
          goto out;
        }

      if (!row_member (run, file, &state, reader, key, &member, error))
        goto out;
      if (member == NULL || member->is_bot)
        {
          /* An erased member, or a bot: their rows never count. */
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      hearth_import_file_add (file, member->index, julian, kind_index, count);
      hearth_import_tally (run, file, IMPORT_COUNTED);
    }

  if (!hearth_import_rows_done (file, local_error, error))
    goto out;

  ok = TRUE;

out:
  csv_state_clear (&state);
  return ok;
}

const ImportFormatClass hearth_import_csv_class = {
  .format = HEARTH_IMPORT_FORMAT_CSV,
  .mode = ACTIVITY_MAX,
  .read = csv_read,
};
