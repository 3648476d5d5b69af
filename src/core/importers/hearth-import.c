/* hearth-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run every importer shares: detection, the member index, the activity cells, the backup,
 * the one transaction and the import_batch rows. The formats live in hearth-import-*.c.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "hearth-import-private.h"
#include "hearth-json-reader.h"
#include "hearth-program.h"
#include "hearth-record.h"
#include "hearth-util.h"

static const struct
{
  HearthImportFormat  format;
  const char         *name;
} format_names[] = {
  { HEARTH_IMPORT_FORMAT_AUTO, "auto" },
  { HEARTH_IMPORT_FORMAT_CSV, "csv" },
  { HEARTH_IMPORT_FORMAT_DISCORD_JSON, "discord-json" },
  { HEARTH_IMPORT_FORMAT_DISCORD_CSV, "discord-csv" },
  { HEARTH_IMPORT_FORMAT_DISCOURSE_USERS, "discourse-users" },
  { HEARTH_IMPORT_FORMAT_MEMBERS, "members" },
};

/* The nine kinds in byte order, so that packed activity keys sort as the table's key does. */
static const char * const kinds_sorted[] = {
  "answer", "content_shared", "event_attended", "event_promoted", "message",
  "reaction_received", "reply", "thread_started", "welcome",
};

#define KIND_BITS   4
#define DAY_BITS    22
#define DAY_SHIFT   KIND_BITS
#define MEMBER_SHIFT (KIND_BITS + DAY_BITS)

/* The share of the progress bar the reading takes; writing takes the rest. */
#define READ_SHARE 700
#define PROGRESS_TOTAL 1000

const char *
hearth_import_format_to_string (HearthImportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;

  g_return_val_if_reached (NULL);
}

gboolean
hearth_import_format_from_string (const char         *text,
                                  HearthImportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (format_names); i++)
    {
      /* The roster is its own action (--import-members), not an activity format. */
      if (format_names[i].format == HEARTH_IMPORT_FORMAT_MEMBERS)
        continue;
      if (g_str_equal (text, format_names[i].name))
        {
          *format = format_names[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

int
hearth_import_kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds_sorted); i++)
    if (g_str_equal (kind, kinds_sorted[i]))
      return i;

  return -1;
}

/**
 * hearth_suppression_key:
 *
 * The `suppression.key_hash` of an identity (DESIGN §4, §8): the SHA-256, in lower-case hex, of
 * the platform followed directly by the external id, both as stored in `member`.
 *
 * Returns: (transfer full): the hash
 */
char *
hearth_suppression_key (const char *platform,
                        const char *external_id)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (external_id != NULL, NULL);

  if (platform != NULL)
    g_checksum_update (sum, (const guchar *)platform, -1);
  g_checksum_update (sum, (const guchar *)external_id, -1);

  return g_strdup (g_checksum_get_string (sum));
}

/* Errors ----------------------------------------------------------------------------------- */

void
hearth_import_error (GError     **error,
                     int          code,
                     const char  *path,
                     guint        line,
                     const char  *field,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GString) text = g_string_new (path);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_string_append_printf (text, ":%u", line);
  if (field != NULL)
    g_string_append_printf (text, ": %s", field);
  g_string_append_printf (text, ": %s", message);

  g_set_error_literal (error, HEARTH_ERROR, code, text->str);
}

/* A reader's "LINE[:COL]: message" becomes "PATH:LINE[:COL]: message"; "message", "PATH: message". */
void
hearth_import_prefix_error (GError     **error,
                            const char  *path)
{
  if (error == NULL || *error == NULL)
    return;

  if (g_ascii_isdigit ((*error)->message[0]))
    g_prefix_error (error, "%s:", path);
  else
    g_prefix_error (error, "%s: ", path);
}

/* Progress --------------------------------------------------------------------------------- */

gboolean
hearth_import_tick (ImportRun  *run,
                    guint64     bytes_done,
                    GError    **error)
{
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  if (run->progress != NULL && run->bytes_total > 0)
    run->progress (MIN (READ_SHARE, (run->bytes_done + bytes_done) * READ_SHARE / run->bytes_total),
                   PROGRESS_TOTAL, run->progress_data);

  return TRUE;
}

gboolean
hearth_import_write_tick (ImportRun  *run,
                          guint64     n,
                          GError    **error)
{
  run->write_done += n;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  if (run->progress != NULL)
    {
      guint64 total = MAX (run->write_total, run->write_done);

      run->progress (READ_SHARE + (total > 0 ? run->write_done * (PROGRESS_TOTAL - READ_SHARE) / total : 0),
                     PROGRESS_TOTAL, run->progress_data);
    }

  return TRUE;
}

/* Members ---------------------------------------------------------------------------------- */

static char *
external_key (const char *platform,
              const char *external_id)
{
  return g_strconcat (platform != NULL ? platform : "", "\x1f", external_id, NULL);
}

static void
import_member_free (ImportMember *member)
{
  g_free (member->id);
  for (guint i = 0; i < MEMBER_N_TEXT; i++)
    g_free (member->text[i]);
  g_free (member);
}

static void
index_member (ImportRun    *run,
              ImportMember *member)
{
  const char *external_id = member->text[MEMBER_EXTERNAL_ID];
  const char *handle = member->text[MEMBER_HANDLE];
  const char *name = member->text[MEMBER_DISPLAY_NAME];

  if (external_id != NULL)
    {
      char *key = external_key (member->text[MEMBER_PLATFORM], external_id);

      if (!g_hash_table_contains (run->by_external, key))
        g_hash_table_insert (run->by_external, key, member);
      else
        g_free (key);
    }
  /* The first member with a handle or name keeps it: the index never moves under a run. */
  if (handle != NULL && !g_hash_table_contains (run->by_handle, handle))
    g_hash_table_insert (run->by_handle, g_strdup (handle), member);
  if (name != NULL && !g_hash_table_contains (run->by_name, name))
    g_hash_table_insert (run->by_name, g_strdup (name), member);
  if (member->id != NULL)
    g_hash_table_insert (run->by_id, member->id, member);
}

gboolean
hearth_import_load_members (ImportRun  *run,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) suppressed = NULL;
  int rc;

  if (run->program_id == NULL)
    return TRUE;

  stmt = hearth_database_prepare (run->db,
                                  "SELECT id, display_name, handle, platform, external_id, email, "
                                  "joined_on, region, timezone, language, segment, is_bot "
                                  "FROM member WHERE program_id = ?1 AND deleted_at IS NULL "
                                  "ORDER BY id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  hearth_bind_text (stmt, 1, run->program_id);

  while ((rc = hearth_database_step (run->db, stmt, error)) == SQLITE_ROW)
    {
      ImportMember *member = g_new0 (ImportMember, 1);

      member->id = g_strdup (hearth_column_text (stmt, 0));
      for (guint i = 0; i < MEMBER_N_TEXT; i++)
        member->text[i] = g_strdup (hearth_column_text (stmt, 1 + i));
      member->is_bot = sqlite3_column_int (stmt, 1 + MEMBER_N_TEXT) != 0;
      member->index = run->members->len;
      g_ptr_array_add (run->members, member);
      index_member (run, member);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  suppressed = hearth_database_prepare (run->db,
                                        "SELECT key_hash FROM suppression WHERE program_id = ?1",
                                        error);
  if (suppressed == NULL)
    return FALSE;
  hearth_bind_text (suppressed, 1, run->program_id);
  while ((rc = hearth_database_step (run->db, suppressed, error)) == SQLITE_ROW)
    g_hash_table_add (run->suppressed, g_strdup (hearth_column_text (suppressed, 0)));

  return rc == SQLITE_DONE;
}

/**
 * hearth_import_find_member:
 *
 * Members match by (platform, external id), then by handle (DESIGN §8 applies: call
 * hearth_import_is_suppressed() first).
 */
ImportMember *
hearth_import_find_member (ImportRun  *run,
                           const char *platform,
                           const char *external_id,
                           const char *handle)
{
  ImportMember *member = NULL;

  if (external_id != NULL)
    {
      g_autofree char *key = external_key (platform, external_id);

      member = g_hash_table_lookup (run->by_external, key);
    }
  if (member == NULL && handle != NULL)
    member = g_hash_table_lookup (run->by_handle, handle);

  return member;
}

gboolean
hearth_import_is_suppressed (ImportRun  *run,
                             const char *platform,
                             const char *external_id)
{
  g_autofree char *key = NULL;

  if (external_id == NULL || g_hash_table_size (run->suppressed) == 0)
    return FALSE;

  key = hearth_suppression_key (platform, external_id);
  return g_hash_table_contains (run->suppressed, key);
}

/* Plans a member the database doesn't have yet; written at the start of the transaction. */
ImportMember *
hearth_import_plan_member (ImportRun  *run,
                           const char *platform,
                           const char *external_id,
                           const char *handle,
                           const char *display_name)
{
  ImportMember *member = g_new0 (ImportMember, 1);

  member->flags = IMPORT_MEMBER_NEW;
  member->text[MEMBER_PLATFORM] = external_id != NULL ? g_strdup (platform) : NULL;
  member->text[MEMBER_EXTERNAL_ID] = g_strdup (external_id);
  member->text[MEMBER_HANDLE] = g_strdup (handle);
  member->text[MEMBER_DISPLAY_NAME] = g_strdup (!hearth_str_empty (display_name) ? display_name
                                                : handle != NULL ? handle
                                                : external_id);
  member->index = run->members->len;
  g_ptr_array_add (run->members, member);
  index_member (run, member);

  return member;
}

/* Sets a column from a file. Without @overwrite only an unset column is filled: activity files
 * never undo what the organizer typed; rosters and Discourse's user list do update. */
void
hearth_import_member_set (ImportRun    *run,
                          ImportMember *member,
                          MemberText    column,
                          const char   *value,
                          gboolean      overwrite)
{
  if (hearth_str_empty (value) || g_strcmp0 (member->text[column], value) == 0)
    return;
  if (member->text[column] != NULL && !overwrite)
    return;

  g_free (member->text[column]);
  member->text[column] = g_strdup (value);
  member->changed |= 1u << column;

  if (column == MEMBER_EXTERNAL_ID || column == MEMBER_PLATFORM || column == MEMBER_HANDLE ||
      column == MEMBER_DISPLAY_NAME)
    index_member (run, member);
}

static gboolean
write_members (ImportRun  *run,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *now = hearth_timestamp_now ();

  insert = hearth_database_prepare (run->db,
                                    "INSERT INTO member (id, program_id, display_name, handle, "
                                    "platform, external_id, email, joined_on, region, timezone, "
                                    "language, segment, is_bot, status, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                    "?13, 'member', ?14, ?14)",
                                    error);
  update = hearth_database_prepare (run->db,
                                    "UPDATE member SET display_name = ?3, handle = ?4, "
                                    "platform = ?5, external_id = ?6, email = ?7, joined_on = ?8, "
                                    "region = ?9, timezone = ?10, language = ?11, segment = ?12, "
                                    "is_bot = ?13, updated_at = ?14 "
                                    "WHERE id = ?1 AND program_id = ?2",
                                    error);
  if (insert == NULL || update == NULL)
    return FALSE;

  for (guint i = 0; i < run->members->len; i++)
    {
      ImportMember *member = g_ptr_array_index (run->members, i);
      gboolean is_new = (member->flags & IMPORT_MEMBER_NEW) != 0;
      sqlite3_stmt *stmt = is_new ? insert : update;

      if (!is_new && member->changed == 0 && !member->bot_changed)
        continue;

      if (is_new)
        member->id = hearth_new_id ();

      sqlite3_reset (stmt);
      hearth_bind_text (stmt, 1, member->id);
      hearth_bind_text (stmt, 2, run->program_id);
      for (guint c = 0; c < MEMBER_N_TEXT; c++)
        hearth_bind_text (stmt, 3 + c, member->text[c]);
      sqlite3_bind_int (stmt, 13, member->is_bot ? 1 : 0);
      hearth_bind_text (stmt, 14, now);

      if (!hearth_database_step_done (run->db, stmt, error))
        {
          g_prefix_error (error, "member “%s”: ", member->text[MEMBER_DISPLAY_NAME]);
          return FALSE;
        }

      if (is_new)
        run->summary->n_members_created++;
      else
        run->summary->n_members_updated++;

      if ((i & (HEARTH_IMPORT_CHUNK - 1)) == 0 && !hearth_import_write_tick (run, 0, error))
        return FALSE;
    }

  return TRUE;
}

/* Activity --------------------------------------------------------------------------------- */

void
hearth_import_file_add (ImportFile *file,
                        guint32     member_index,
                        guint32     julian_day,
                        int         kind,
                        guint32     count)
{
  ActivityCell cell;

  g_assert (kind >= 0 && kind < (int)G_N_ELEMENTS (kinds_sorted));
  g_assert (julian_day < (1u << DAY_BITS));

  if (count == 0)
    return;

  cell.key = ((guint64)member_index << MEMBER_SHIFT) | ((guint64)julian_day << DAY_SHIFT) | kind;
  cell.count = count;

  if (file->cells == NULL)
    file->cells = g_array_sized_new (FALSE, FALSE, sizeof (ActivityCell), 1024);
  g_array_append_val (file->cells, cell);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  guint64 ka = ((const ActivityCell *)a)->key;
  guint64 kb = ((const ActivityCell *)b)->key;

  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

static guint32
saturating_add (guint32 a,
                guint32 b)
{
  return a > G_MAXINT32 - b ? G_MAXINT32 : a + b;
}

/* Sorts the cells and folds equal keys together: summed, or the larger one kept. */
static void
fold_cells (GArray       *cells,
            ActivityMode  mode)
{
  ActivityCell *c = (ActivityCell *)(void *)cells->data;
  gboolean sorted = TRUE;
  guint out = 0;

  for (guint i = 1; i < cells->len && sorted; i++)
    sorted = c[i - 1].key <= c[i].key;
  if (!sorted)
    qsort (c, cells->len, sizeof (ActivityCell), compare_cells);

  for (guint i = 0; i < cells->len; i++)
    {
      if (out > 0 && c[out - 1].key == c[i].key)
        c[out - 1].count = mode == ACTIVITY_ADD ? saturating_add (c[out - 1].count, c[i].count)
                                                : MAX (c[out - 1].count, c[i].count);
      else
        c[out++] = c[i];
    }
  g_array_set_size (cells, out);
}

static gboolean
write_activity (ImportRun     *run,
                ActivityMode   mode,
                GError       **error)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (ActivityCell));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ActivityCell *cells;

  /* Within one file cells add up (a generic CSV may list a day twice); across the files of a
   * totals format the larger wins, as it does against the database. */
  for (guint i = 0; i < run->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (run->files, i);

      if (file->cells == NULL || file->klass->mode != mode)
        continue;
      fold_cells (file->cells, ACTIVITY_ADD);
      if (all->len == 0)
        {
          /* The usual case, one file: no copy of a few hundred megabytes. */
          g_array_unref (all);
          all = g_steal_pointer (&file->cells);
        }
      else
        {
          g_array_append_vals (all, file->cells->data, file->cells->len);
          g_clear_pointer (&file->cells, g_array_unref);
        }
    }
  if (all->len == 0)
    return TRUE;
  fold_cells (all, mode);

  stmt = hearth_database_prepare (run->db,
                                  mode == ACTIVITY_ADD
                                  ? "INSERT INTO activity (member_id, day, kind, count) "
                                    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (member_id, day, kind) "
                                    "DO UPDATE SET count = min(count + excluded.count, 2147483647)"
                                  : "INSERT INTO activity (member_id, day, kind, count) "
                                    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (member_id, day, kind) "
                                    "DO UPDATE SET count = excluded.count "
                                    "WHERE excluded.count > count",
                                  error);
  if (stmt == NULL)
    return FALSE;

  run->write_total += all->len;
  cells = (ActivityCell *)(void *)all->data;
  for (guint i = 0; i < all->len; i++)
    {
      ImportMember *member = g_ptr_array_index (run->members, cells[i].key >> MEMBER_SHIFT);
      guint32 day = (cells[i].key >> DAY_SHIFT) & ((1u << DAY_BITS) - 1);
      char day_text[11];

      hearth_julian_day_format (day, day_text);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, member->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, day_text, 10, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, kinds_sorted[cells[i].key & ((1u << KIND_BITS) - 1)], -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, cells[i].count);
      if (!hearth_database_step_done (run->db, stmt, error))
        return FALSE;
      run->summary->n_activity += sqlite3_changes (hearth_database_get_handle (run->db));

      if ((i & (HEARTH_IMPORT_CHUNK * 4 - 1)) == HEARTH_IMPORT_CHUNK * 4 - 1 &&
          !hearth_import_write_tick (run, HEARTH_IMPORT_CHUNK * 4, error))
        return FALSE;
    }

  return TRUE;
}

/* Events ----------------------------------------------------------------------------------- */

sqlite3_stmt *
hearth_import_prepare_event (ImportRun  *run,
                             GError    **error)
{
  return hearth_database_prepare (run->db,
                                  "INSERT OR IGNORE INTO imported_event "
                                  "(program_id, source, external_key) VALUES (?1, ?2, ?3)",
                                  error);
}

/* Records a message id (or a content hash) once; @is_new says whether it was new. */
gboolean
hearth_import_record_event (ImportRun     *run,
                            sqlite3_stmt  *insert,
                            const char    *source,
                            const char    *key,
                            gboolean      *is_new,
                            GError       **error)
{
  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, run->program_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, key, -1, SQLITE_STATIC);
  if (!hearth_database_step_done (run->db, insert, error))
    return FALSE;

  *is_new = sqlite3_changes (hearth_database_get_handle (run->db)) > 0;
  return TRUE;
}

/* CSV helpers ------------------------------------------------------------------------------ */

/* Header names compare case-insensitively, trimmed, with '_', '-' and ' ' as one character. */
char *
hearth_import_normalize_header (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);

  g_strstrip (folded);
  for (const char *p = folded; *p != '\0'; p++)
    g_string_append_c (out, (*p == '-' || *p == ' ') ? '_' : *p);

  return g_string_free (out, FALSE);
}

/* The header as the file wrote it, for messages about missing columns. */
char *
hearth_import_describe_header (HearthCsvReader *reader)
{
  GString *text = g_string_new (NULL);
  char delimiter[2] = { hearth_csv_reader_get_delimiter (reader), '\0' };

  if (delimiter[0] == '\t')
    delimiter[0] = ',';

  for (guint i = 0; i < hearth_csv_reader_get_n_fields (reader); i++)
    {
      if (i > 0)
        g_string_append (text, delimiter);
      g_string_append (text, hearth_csv_reader_get_field (reader, i));
      if (text->len > 300)
        {
          g_string_append (text, "…");
          break;
        }
    }

  return g_string_free (text, FALSE);
}

/* The trimmed cell, or NULL when the column is absent or the cell empty. Trims in place. */
const char *
hearth_import_cell (HearthCsvReader *reader,
                    int              column)
{
  char *text;

  if (column < 0 || (guint)column >= hearth_csv_reader_get_n_fields (reader))
    return NULL;

  /* The reader's buffer is ours until the next row. */
  text = (char *)hearth_csv_reader_get_field (reader, column);
  if (text[0] == ' ' || text[0] == '\t' || (text[0] != '\0' &&
      (text[strlen (text) - 1] == ' ' || text[strlen (text) - 1] == '\t')))
    g_strstrip (text);

  return text[0] != '\0' ? text : NULL;
}

/* A count: digits only, at least 1 (or 0 with @allow_zero), at most 2^31 - 1. */
gboolean
hearth_import_parse_count (const char *text,
                           gboolean    allow_zero,
                           guint32    *count)
{
  guint64 value = 0;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
      if (value > G_MAXINT32)
        return FALSE;
    }

  if (value == 0 && !allow_zero)
    return FALSE;

  *count = value;
  return TRUE;
}

gboolean
hearth_import_open_csv (ImportRun        *run,
                        ImportFile       *file,
                        HearthCsvReader **reader,
                        GError          **error)
{
  *reader = hearth_csv_reader_new_for_path (file->path, run->options->latin1, error);
  if (*reader == NULL)
    {
      hearth_import_prefix_error (error, file->path);
      return FALSE;
    }

  if (run->options->mapping != NULL && run->options->mapping->delimiter != 0)
    hearth_csv_reader_set_delimiter (*reader, run->options->mapping->delimiter);

  return TRUE;
}

/* Reads the header row: FALSE with @error set when the file can't be read or is empty. */
gboolean
hearth_import_read_first_row (ImportFile       *file,
                              HearthCsvReader  *reader,
                              GError          **error)
{
  GError *local_error = NULL;

  if (hearth_csv_reader_next_row (reader, &local_error))
    return TRUE;

  if (local_error == NULL)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 0, NULL,
                           "the file is empty: it needs a header row");
      return FALSE;
    }

  return hearth_import_rows_done (file, local_error, error);
}

/* Ends a loop over rows: the reader's error (taken), if any, named with the file. */
gboolean
hearth_import_rows_done (ImportFile  *file,
                         GError      *local_error,
                         GError     **error)
{
  if (local_error == NULL)
    return TRUE;

  hearth_import_prefix_error (&local_error, file->path);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* One record's fate, in the file's and the run's counts. */
void
hearth_import_tally (ImportRun   *run,
                     ImportFile  *file,
                     ImportTally  tally)
{
  switch (tally)
    {
    case IMPORT_COUNTED:
      file->rows_added++;
      run->summary->n_counted++;
      break;
    case IMPORT_IGNORED:
      file->rows_ignored++;
      run->summary->n_ignored++;
      break;
    case IMPORT_ALREADY:
      file->rows_already++;
      run->summary->n_already++;
      break;
    default:
      g_assert_not_reached ();
    }
}

void
hearth_import_note_ignored_column (ImportRun  *run,
                                   const char *name)
{
  if (hearth_str_empty (name))
    return;
  if (!g_ptr_array_find_with_equal_func (run->ignored_columns, name, g_str_equal, NULL))
    g_ptr_array_add (run->ignored_columns, g_strdup (name));
}

/* Detection -------------------------------------------------------------------------------- */

static const ImportFormatClass *
format_class (HearthImportFormat format)
{
  switch (format)
    {
    case HEARTH_IMPORT_FORMAT_CSV:
      return &hearth_import_csv_class;
    case HEARTH_IMPORT_FORMAT_DISCORD_JSON:
      return &hearth_import_discord_json_class;
    case HEARTH_IMPORT_FORMAT_DISCORD_CSV:
      return &hearth_import_discord_csv_class;
    case HEARTH_IMPORT_FORMAT_DISCOURSE_USERS:
      return &hearth_import_discourse_class;
    case HEARTH_IMPORT_FORMAT_MEMBERS:
      return &hearth_import_members_class;
    case HEARTH_IMPORT_FORMAT_AUTO:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
looks_like_json (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar buffer[512];
  gssize n;

  if (stream == NULL ||
      (n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, NULL)) <= 0)
    return FALSE;

  for (gssize i = 0; i < n; i++)
    {
      /* A UTF-8 BOM, then white space, then an object or array. */
      if (i == 0 && n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
          i = 2;
          continue;
        }
      if (g_ascii_isspace (buffer[i]))
        continue;
      return buffer[i] == '{' || buffer[i] == '[';
    }

  return FALSE;
}

/**
 * hearth_import_detect:
 *
 * What --format auto reads @path as: discord-json for a JSON file (which must then be a
 * DiscordChatExporter export), discord-csv for DiscordChatExporter's exact header,
 * discourse-users for a header with `username` and `post_count`, else csv.
 *
 * Returns: the format, or %HEARTH_IMPORT_FORMAT_AUTO with @error set when the file can't be read
 */
HearthImportFormat
hearth_import_detect (const char  *path,
                      gboolean     latin1,
                      GError     **error)
{
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_username = FALSE, has_post_count = FALSE;
  guint n;

  g_return_val_if_fail (path != NULL, HEARTH_IMPORT_FORMAT_AUTO);

  if (looks_like_json (path))
    return HEARTH_IMPORT_FORMAT_DISCORD_JSON;

  if (!(reader = hearth_csv_reader_new_for_path (path, latin1, error)))
    {
      hearth_import_prefix_error (error, path);
      return HEARTH_IMPORT_FORMAT_AUTO;
    }
  if (!hearth_csv_reader_next_row (reader, &local_error))
    {
      if (local_error != NULL)
        {
          hearth_import_prefix_error (&local_error, path);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return HEARTH_IMPORT_FORMAT_AUTO;
        }
      /* An empty file: the generic reader says what is missing. */
      return HEARTH_IMPORT_FORMAT_CSV;
    }

  n = hearth_csv_reader_get_n_fields (reader);
  if (n == 6 && hearth_csv_reader_get_delimiter (reader) == ',')
    {
      static const char * const discord[] = {
        "AuthorID", "Author", "Date", "Content", "Attachments", "Reactions",
      };
      gboolean same = TRUE;

      for (guint i = 0; i < n && same; i++)
        same = g_str_equal (hearth_csv_reader_get_field (reader, i), discord[i]);
      if (same)
        return HEARTH_IMPORT_FORMAT_DISCORD_CSV;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = hearth_import_normalize_header (hearth_csv_reader_get_field (reader, i));

      has_username |= g_str_equal (name, "username");
      has_post_count |= g_str_equal (name, "post_count");
    }
  if (has_username && has_post_count)
    return HEARTH_IMPORT_FORMAT_DISCOURSE_USERS;

  return HEARTH_IMPORT_FORMAT_CSV;
}

/* Mappings and previews -------------------------------------------------------------------- */

void
hearth_import_mapping_init (HearthImportMapping *mapping,
                            HearthImportFormat   format)
{
  g_return_if_fail (mapping != NULL);

  memset (mapping, 0, sizeof *mapping);
  mapping->format = format;
  for (guint i = 0; i < HEARTH_IMPORT_N_FIELDS; i++)
    mapping->columns[i] = -1;
}

void
hearth_import_mapping_clear (HearthImportMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  g_clear_pointer (&mapping->kinds, g_hash_table_unref);
}

void
hearth_import_preview_free (HearthImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  hearth_import_mapping_clear (&preview->mapping);
  g_strfreev (preview->unknown_kinds);
  g_free (preview);
}

static char **
current_row (HearthCsvReader *reader)
{
  guint n = hearth_csv_reader_get_n_fields (reader);
  char **row = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    row[i] = g_strdup (hearth_csv_reader_get_field (reader, i));

  return row;
}

/**
 * hearth_import_preview:
 * @format: %HEARTH_IMPORT_FORMAT_CSV or %HEARTH_IMPORT_FORMAT_MEMBERS
 * @n_rows: how many rows after the header to read
 *
 * The header and first rows of a CSV file, what the header convention maps, and the kind values
 * among those rows that need a mapping: what the column-mapping dialog shows.
 *
 * Returns: (transfer full): the preview, or %NULL with @error set
 */
HearthImportPreview *
hearth_import_preview (const char          *path,
                       HearthImportFormat   format,
                       gboolean             latin1,
                       guint                n_rows,
                       GError             **error)
{
  g_autoptr(HearthImportPreview) preview = g_new0 (HearthImportPreview, 1);
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;
  int kind_column;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (format == HEARTH_IMPORT_FORMAT_CSV ||
                        format == HEARTH_IMPORT_FORMAT_MEMBERS, NULL);

  preview->format = format;
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  hearth_import_mapping_init (&preview->mapping, format);

  if (!(reader = hearth_csv_reader_new_for_path (path, latin1, error)))
    {
      hearth_import_prefix_error (error, path);
      return NULL;
    }

  if (!hearth_csv_reader_next_row (reader, &local_error))
    {
      if (local_error != NULL)
        {
          hearth_import_prefix_error (&local_error, path);
          g_propagate_error (error, local_error);
          return NULL;
        }
      hearth_import_error (error, HEARTH_ERROR_INVALID, path, 0, NULL, "the file is empty");
      return NULL;
    }

  preview->delimiter = hearth_csv_reader_get_delimiter (reader);
  preview->mapping.delimiter = preview->delimiter;
  preview->header = current_row (reader);
  hearth_import_map_header (&preview->mapping, (const char * const *)preview->header);

  while (preview->rows->len < n_rows && hearth_csv_reader_next_row (reader, &local_error))
    g_ptr_array_add (preview->rows, current_row (reader));
  if (local_error != NULL)
    {
      hearth_import_prefix_error (&local_error, path);
      g_propagate_error (error, local_error);
      return NULL;
    }

  kind_column = preview->mapping.columns[HEARTH_IMPORT_FIELD_KIND];
  if (format == HEARTH_IMPORT_FORMAT_CSV && kind_column >= 0)
    {
      for (guint i = 0; i < preview->rows->len; i++)
        {
          char **row = g_ptr_array_index (preview->rows, i);
          g_autofree char *value = NULL;

          if (kind_column >= (int)g_strv_length (row))
            continue;
          value = g_strstrip (g_strdup (row[kind_column]));
          if (value[0] != '\0' && hearth_import_kind_index (value) < 0 &&
              !g_ptr_array_find_with_equal_func (unknown, value, g_str_equal, NULL))
            g_ptr_array_add (unknown, g_steal_pointer (&value));
        }
    }
  g_ptr_array_add (unknown, NULL);
  preview->unknown_kinds = (char **)g_ptr_array_free (g_steal_pointer (&unknown), FALSE);

  return g_steal_pointer (&preview);
}

/* The run ---------------------------------------------------------------------------------- */

static void
import_file_free (ImportFile *file)
{
  if (file->data != NULL && file->klass->free_data != NULL)
    file->klass->free_data (file->data);
  g_clear_pointer (&file->cells, g_array_unref);
  g_free (file->path);
  g_free (file->sha256);
  g_free (file->already_imported_at);
  g_free (file);
}

void
hearth_import_summary_free (HearthImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->program_id);
  g_free (summary->program_created);
  if (summary->files != NULL)
    {
      for (guint i = 0; i < summary->files->len; i++)
        {
          HearthImportFile *file = &g_array_index (summary->files, HearthImportFile, i);

          g_free (file->path);
          g_free (file->already_imported_at);
        }
      g_array_unref (summary->files);
    }
  g_strfreev (summary->ignored_columns);
  g_free (summary->backup_path);
  g_free (summary);
}

/* The tables every run starts with: members and their indexes, the files, the summary. */
void
hearth_import_run_init (ImportRun *run)
{
  run->summary = g_new0 (HearthImportSummary, 1);
  run->members = g_ptr_array_new_with_free_func ((GDestroyNotify)import_member_free);
  run->by_external = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->by_handle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  run->suppressed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->files = g_ptr_array_new_with_free_func ((GDestroyNotify)import_file_free);
  run->ignored_columns = g_ptr_array_new_with_free_func (g_free);
  run->timer = g_timer_new ();
}

void
hearth_import_run_clear (ImportRun *run)
{
  g_clear_pointer (&run->files, g_ptr_array_unref);
  g_clear_pointer (&run->by_external, g_hash_table_unref);
  g_clear_pointer (&run->by_handle, g_hash_table_unref);
  g_clear_pointer (&run->by_name, g_hash_table_unref);
  g_clear_pointer (&run->by_id, g_hash_table_unref);
  g_clear_pointer (&run->suppressed, g_hash_table_unref);
  g_clear_pointer (&run->message_authors, g_hash_table_unref);
  g_clear_pointer (&run->timer, g_timer_destroy);
  g_clear_pointer (&run->members, g_ptr_array_unref);
  g_clear_pointer (&run->ignored_columns, g_ptr_array_unref);
  g_clear_pointer (&run->summary, hearth_import_summary_free);
  g_clear_pointer (&run->program_id, g_free);
}

/* The file's SHA-256 (import_batch.sha256) and size, streamed. */
gboolean
hearth_import_hash_file (ImportFile  *file,
                         GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  struct stat info;
  int saved_errno = 0;
  int fd;

  /* Opened here so that a failure is a HEARTH_ERROR in the system's words: g_mapped_file_new()
   * gives a GFileError that repeats the path after the one the message starts with. */
  fd = g_open (file->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &info) != 0)
    saved_errno = errno;
  else if (S_ISDIR (info.st_mode))
    saved_errno = EISDIR;

  if (saved_errno != 0)
    {
      if (fd >= 0)
        g_close (fd, NULL);
      hearth_import_error (error, saved_errno == ENOENT ? HEARTH_ERROR_NOT_FOUND
                                                        : HEARTH_ERROR_FAILED,
                           file->path, 0, NULL, "%s",
                           saved_errno == EISDIR ? "is a folder" : g_strerror (saved_errno));
      return FALSE;
    }

  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  g_close (fd, NULL);
  if (mapped == NULL)
    {
      hearth_import_error (error, HEARTH_ERROR_FAILED, file->path, 0, NULL, "%s",
                           local_error->message);
      return FALSE;
    }

  file->size = g_mapped_file_get_length (mapped);
  if (file->size > 0)
    g_checksum_update (sum, (const guchar *)g_mapped_file_get_contents (mapped), file->size);
  file->sha256 = g_strdup (g_checksum_get_string (sum));

  return TRUE;
}

/* A generic CSV whose bytes were imported before is skipped (its totals are already in). */
static gboolean
check_already_imported (ImportRun   *run,
                        ImportFile  *file,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < run->files->len; i++)
    {
      ImportFile *other = g_ptr_array_index (run->files, i);

      if (other != file && other->klass == file->klass && g_str_equal (other->sha256, file->sha256))
        {
          file->already_imported_at = g_strdup ("");
          return TRUE;
        }
    }

  if (run->program_id == NULL)
    return TRUE;

  stmt = hearth_database_prepare (run->db,
                                  "SELECT imported_at FROM import_batch WHERE program_id = ?1 "
                                  "AND format = ?2 AND sha256 = ?3 ORDER BY imported_at LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  hearth_bind_text (stmt, 1, run->program_id);
  hearth_bind_text (stmt, 2, hearth_import_format_to_string (file->klass->format));
  hearth_bind_text (stmt, 3, file->sha256);

  rc = hearth_database_step (run->db, stmt, error);
  if (rc == SQLITE_ROW)
    file->already_imported_at = g_strdup (hearth_column_text (stmt, 0));

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
create_program (ImportRun  *run,
                GError    **error)
{
  ImportFile *first = g_ptr_array_index (run->files, 0);
  g_autofree char *base = g_path_get_basename (first->path);
  g_autoptr(HearthProgram) program = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  program = hearth_program_new (base);
  if (!hearth_record_insert (HEARTH_RECORD (program), run->db, error))
    return FALSE;

  run->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  run->summary->program_created = g_strdup (base);

  return TRUE;
}

static gboolean
write_batches (ImportRun  *run,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hearth_timestamp_now ();

  stmt = hearth_database_prepare (run->db,
                                  "INSERT INTO import_batch (id, program_id, format, file_name, "
                                  "sha256, imported_at, rows_added, rows_ignored) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < run->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (run->files, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      if (file->already_imported_at != NULL)
        continue;

      id = hearth_new_id ();
      name = g_path_get_basename (file->path);
      sqlite3_reset (stmt);
      hearth_bind_text (stmt, 1, id);
      hearth_bind_text (stmt, 2, run->program_id);
      hearth_bind_text (stmt, 3, hearth_import_format_to_string (file->klass->format));
      hearth_bind_text (stmt, 4, name);
      hearth_bind_text (stmt, 5, file->sha256);
      hearth_bind_text (stmt, 6, now);
      sqlite3_bind_int64 (stmt, 7, file->rows_added);
      sqlite3_bind_int64 (stmt, 8, file->rows_ignored);
      if (!hearth_database_step_done (run->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_all (ImportRun  *run,
           GError    **error)
{
  gboolean ok;

  /* A big run touches far more pages than the default cache holds; spilling them into the WAL
   * mid-transaction costs more than the memory. */
  if (!hearth_database_exec (run->db, "PRAGMA cache_size = -131072", error))
    return FALSE;
  if (!hearth_database_begin (run->db, error))
    return FALSE;

  ok = run->program_id != NULL || create_program (run, error);
  ok = ok && write_members (run, error);

  for (guint i = 0; ok && i < run->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (run->files, i);

      if (file->already_imported_at != NULL)
        continue;
      if (file->klass->write != NULL)
        ok = file->klass->write (run, file, error);
    }

  g_debug ("members and events written: %.2f s", g_timer_elapsed (run->timer, NULL));
  ok = ok && write_activity (run, ACTIVITY_ADD, error);
  ok = ok && write_activity (run, ACTIVITY_MAX, error);
  g_debug ("activity written: %.2f s", g_timer_elapsed (run->timer, NULL));
  ok = ok && write_batches (run, error);
  ok = ok && !g_cancellable_set_error_if_cancelled (run->cancellable, error);
  ok = ok && hearth_database_commit (run->db, error);
  g_debug ("committed: %.2f s", g_timer_elapsed (run->timer, NULL));

  if (ok && run->progress != NULL)
    run->progress (PROGRESS_TOTAL, PROGRESS_TOTAL, run->progress_data);

  if (!ok)
    hearth_database_rollback (run->db);
  hearth_database_exec (run->db, "PRAGMA cache_size = -2000", NULL);

  return ok;
}

static void
fill_summary (ImportRun *run)
{
  HearthImportSummary *summary = run->summary;

  summary->program_id = g_strdup (run->program_id);
  summary->files = g_array_new (FALSE, TRUE, sizeof (HearthImportFile));
  for (guint i = 0; i < run->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (run->files, i);
      HearthImportFile out = {
        .path = g_strdup (file->path),
        .format = hearth_import_format_to_string (file->klass->format),
        .already_imported_at = g_strdup (file->already_imported_at),
        .rows_added = file->rows_added,
        .rows_ignored = file->rows_ignored,
        .rows_already = file->rows_already,
      };

      g_array_append_val (summary->files, out);
    }

  g_ptr_array_add (run->ignored_columns, NULL);
  summary->ignored_columns = (char **)g_ptr_array_free (g_steal_pointer (&run->ignored_columns),
                                                        FALSE);
}

/**
 * hearth_import_run:
 * @db: the write connection (on the DB thread), not in a transaction
 * @program_id: (nullable): the program to import into; %NULL creates one, named after the
 *   first file (for a database that holds no program)
 * @paths: the files, read in this order as one run
 * @progress: (nullable): called now and then on this thread with a share of 1000
 *
 * Reads every file completely and refuses the whole run on the first bad record, naming the
 * file, the line (or message) and the field; then makes a backup and writes everything in one
 * transaction. A cancel at any point leaves the database as it was.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set and nothing written
 */
HearthImportSummary *
hearth_import_run (HearthDatabase             *db,
                   const char                 *program_id,
                   const char * const         *paths,
                   const HearthImportOptions  *options,
                   HearthImportProgressFunc    progress,
                   gpointer                    progress_data,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  ImportRun run = {
    .db = db,
    .program_id = g_strdup (program_id),
    .options = options,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
  };
  HearthImportSummary *summary = NULL;
  gboolean anything = FALSE;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (!hearth_database_in_transaction (db), NULL);

  hearth_import_run_init (&run);
  if (!hearth_import_load_members (&run, error))
    goto out;

  /* What each file is, and whether it was imported before. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      ImportFile *file = g_new0 (ImportFile, 1);
      HearthImportFormat format = options->format;

      file->path = g_strdup (paths[i]);
      g_ptr_array_add (run.files, file);

      if (!hearth_import_hash_file (file, error))
        goto out;
      g_debug ("%s hashed: %.2f s", file->path, g_timer_elapsed (run.timer, NULL));
      if (format == HEARTH_IMPORT_FORMAT_AUTO &&
          (format = hearth_import_detect (file->path, options->latin1, error)) == HEARTH_IMPORT_FORMAT_AUTO)
        goto out;
      file->klass = format_class (format);

      if (format == HEARTH_IMPORT_FORMAT_CSV && !check_already_imported (&run, file, error))
        goto out;
      if (file->already_imported_at == NULL)
        run.bytes_total += file->size;
    }

  /* Read everything: any bad record ends the run here, before anything is written. */
  for (guint i = 0; i < run.files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (run.files, i);

      if (file->already_imported_at != NULL)
        continue;
      if (!file->klass->read (&run, file, error))
        goto out;
      run.bytes_done += file->size;
      anything = TRUE;
      if (!hearth_import_tick (&run, 0, error))
        goto out;
    }

  g_debug ("read: %.2f s", g_timer_elapsed (run.timer, NULL));
  run.write_total = run.members->len;
  if (anything)
    {
      if (!(run.summary->backup_path = hearth_database_backup (db, "import", error)))
        goto out;
      g_debug ("backed up: %.2f s", g_timer_elapsed (run.timer, NULL));
      if (!write_all (&run, error))
        goto out;
    }

  fill_summary (&run);
  summary = g_steal_pointer (&run.summary);

out:
  hearth_import_run_clear (&run);
  return summary;
}
