/* hearth-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON program snapshots (DESIGN §6). The export streams: it reads one table at a time inside a
 * single read transaction (so the file is one consistent moment of the program), writes
 * records through a small buffer, and never holds the document in memory. The output goes
 * through g_file_replace(), which writes a temporary file and renames it into place on close:
 * a failure or a cancel leaves whatever was there before.
 *
 * Layout: one record per line, keys in the order of DESIGN §6 and of the schema, so exports
 * diff well and the same data always gives the same bytes (apart from exported_at).
 */

#define G_LOG_DOMAIN "hearth-snapshot"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hearth-schema.h"
#include "hearth-settings.h"
#include "hearth-snapshot.h"
#include "hearth-util.h"

/* Flush the buffer to the file past this size. */
#define FLUSH_SIZE (64 * 1024)
/* Check for a cancel every this many rows. */
#define CANCEL_EVERY 4096

typedef struct
{
  GOutputStream  *out;
  GString        *buffer;
  GCancellable   *cancellable;
  GError         *error;
  guint           rows;
} Writer;

static gboolean
writer_flush (Writer *w)
{
  if (w->error != NULL)
    return FALSE;

  if (w->buffer->len > 0 &&
      !g_output_stream_write_all (w->out, w->buffer->str, w->buffer->len, NULL, w->cancellable,
                                  &w->error))
    return FALSE;

  g_string_truncate (w->buffer, 0);
  return TRUE;
}

static void
put (Writer     *w,
     const char *text)
{
  g_string_append (w->buffer, text);
}

/* A JSON string: quotes, backslashes and control characters escaped, everything else written
 * as the UTF-8 it is. */
static void
put_string (Writer     *w,
            const char *text)
{
  g_string_append_c (w->buffer, '"');

  for (const guchar *p = (const guchar *)text; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (w->buffer, "\\\""); break;
        case '\\': g_string_append (w->buffer, "\\\\"); break;
        case '\b': g_string_append (w->buffer, "\\b"); break;
        case '\f': g_string_append (w->buffer, "\\f"); break;
        case '\n': g_string_append (w->buffer, "\\n"); break;
        case '\r': g_string_append (w->buffer, "\\r"); break;
        case '\t': g_string_append (w->buffer, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (w->buffer, "\\u%04x", *p);
          else
            g_string_append_c (w->buffer, *p);
        }
    }

  g_string_append_c (w->buffer, '"');
}

static void
put_key (Writer     *w,
         const char *key,
         gboolean    first)
{
  if (!first)
    put (w, ", ");
  put_string (w, key);
  put (w, ": ");
}

static gboolean
row_done (Writer *w)
{
  w->rows++;

  if (w->rows % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (w->cancellable, &w->error))
    return FALSE;

  if (w->buffer->len >= FLUSH_SIZE)
    return writer_flush (w);

  return w->error == NULL;
}

static gboolean
check_text (Writer                *w,
            const HearthTableSpec *spec,
            const char            *id,
            const char            *column,
            const char            *text)
{
  /* The database can be edited by other tools; a snapshot must still be valid JSON. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (&w->error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "%s %s: %s is not valid UTF-8; fix it before exporting",
                   spec->table, id ? id : "", column);
      return FALSE;
    }

  return TRUE;
}

static gboolean
put_list (Writer                *w,
          const HearthTableSpec *spec,
          const char            *id,
          const HearthColumn    *column,
          const char            *stored)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;
  gboolean first = TRUE;

  if (!json_parser_load_from_data (parser, stored, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (&w->error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "%s %s: %s does not hold a JSON array of strings; fix it before exporting",
                   spec->table, id ? id : "", column->name);
      return FALSE;
    }

  array = json_node_get_array (root);
  put (w, "[");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (!first)
        put (w, ", ");
      first = FALSE;
      put_string (w, json_node_get_string (node));
    }
  put (w, "]");

  return TRUE;
}

static gboolean
is_redacted (const HearthColumn        *column,
             HearthSnapshotExportFlags  flags)
{
  return (flags & HEARTH_SNAPSHOT_EXPORT_REDACT) && (column->flags & HEARTH_COLUMN_FLAGS_PERSONAL);
}

/* The live rows of @spec in the program: id, created_at, updated_at (when the table has them),
 * then the table's own columns. */
static sqlite3_stmt *
select_rows (Writer                *w,
             HearthDatabase        *db,
             const HearthTableSpec *spec,
             const char            *program_id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;

  if (spec->has_common)
    g_string_append (sql, "id, created_at, updated_at");
  for (guint c = 0; c < spec->n_columns; c++)
    g_string_append_printf (sql, "%s%s", (c > 0 || spec->has_common) ? ", " : "",
                            spec->columns[c].name);
  g_string_append_printf (sql, " FROM %s WHERE %s(%s) ORDER BY %s", spec->table,
                          spec->has_common ? "deleted_at IS NULL AND " : "", spec->scope,
                          spec->order_by);

  if (!(stmt = hearth_database_prepare (db, sql->str, &w->error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);

  return stmt;
}

/* One record: {"id", the own columns but program_id, "created_at", "updated_at"}. */
static gboolean
put_record (Writer                    *w,
            const HearthTableSpec     *spec,
            sqlite3_stmt              *stmt,
            HearthSnapshotExportFlags  flags)
{
  const char *id = spec->has_common ? hearth_column_text (stmt, 0) : NULL;
  guint base = spec->has_common ? 3 : 0;
  gboolean first = TRUE;

  put (w, "{");

  if (spec->has_common)
    {
      put_key (w, "id", TRUE);
      put_string (w, id);
      first = FALSE;
    }

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const HearthColumn *column = &spec->columns[c];
      int index = base + c;

      if (g_str_equal (column->name, "program_id") || is_redacted (column, flags))
        continue;

      put_key (w, column->name, first);
      first = FALSE;

      if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
        {
          put (w, "null");
          continue;
        }

      switch (column->type)
        {
        case HEARTH_COLUMN_TEXT:
        case HEARTH_COLUMN_DATE:
        case HEARTH_COLUMN_ENUM:
          if (!check_text (w, spec, id, column->name, hearth_column_text (stmt, index)))
            return FALSE;
          put_string (w, hearth_column_text (stmt, index));
          break;
        case HEARTH_COLUMN_INT:
          g_string_append_printf (w->buffer, "%" G_GINT64_FORMAT,
                                  (gint64)sqlite3_column_int64 (stmt, index));
          break;
        case HEARTH_COLUMN_DOUBLE:
          {
            char number[G_ASCII_DTOSTR_BUF_SIZE];

            put (w, g_ascii_dtostr (number, sizeof number, sqlite3_column_double (stmt, index)));
            break;
          }
        case HEARTH_COLUMN_BOOL:
          put (w, sqlite3_column_int (stmt, index) ? "true" : "false");
          break;
        case HEARTH_COLUMN_LIST:
          if (!put_list (w, spec, id, column, hearth_column_text (stmt, index)))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (spec->has_common)
    {
      put_key (w, "created_at", FALSE);
      put_string (w, hearth_column_text (stmt, 1));
      put_key (w, "updated_at", FALSE);
      put_string (w, hearth_column_text (stmt, 2));
    }

  put (w, "}");
  return TRUE;
}

/* One array of records, under the table's snapshot key. */
static gboolean
put_table (Writer                    *w,
           HearthDatabase            *db,
           const HearthTableSpec     *spec,
           const char                *program_id,
           HearthSnapshotExportFlags  flags)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first = TRUE;
  int rc;

  if (!(stmt = select_rows (w, db, spec, program_id)))
    return FALSE;

  put (w, ",\n  ");
  put_string (w, spec->key);
  put (w, ": [");

  while ((rc = hearth_database_step (db, stmt, &w->error)) == SQLITE_ROW)
    {
      put (w, first ? "\n    " : ",\n    ");
      first = FALSE;

      if (!put_record (w, spec, stmt, flags) || !row_done (w))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return FALSE;

  put (w, first ? "]" : "\n  ]");
  return TRUE;
}

static gboolean
put_program (Writer                    *w,
             HearthDatabase            *db,
             const char                *program_id,
             HearthSnapshotExportFlags  flags)
{
  const HearthTableSpec *spec = hearth_schema_lookup ("program");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = select_rows (w, db, spec, program_id)))
    return FALSE;

  rc = hearth_database_step (db, stmt, &w->error);
  if (rc == SQLITE_DONE)
    g_set_error (&w->error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND,
                 "program %s: no such program", program_id);
  if (rc != SQLITE_ROW)
    return FALSE;

  put (w, ",\n  \"program\": ");
  return put_record (w, spec, stmt, flags);
}

static gboolean
put_settings (Writer                    *w,
              HearthDatabase            *db,
              const char                *program_id,
              HearthSnapshotExportFlags  flags)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first = TRUE;
  int rc;

  stmt = hearth_database_prepare (db, "SELECT key, value FROM settings WHERE program_id = ?1 "
                                      "AND value IS NOT NULL ORDER BY key", &w->error);
  if (stmt == NULL)
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);

  put (w, ",\n  \"settings\": {");
  while ((rc = hearth_database_step (db, stmt, &w->error)) == SQLITE_ROW)
    {
      const char *key = hearth_column_text (stmt, 0);
      const HearthSettingSpec *setting = hearth_settings_lookup (key);

      if ((flags & HEARTH_SNAPSHOT_EXPORT_REDACT) && setting != NULL && setting->personal)
        continue;
      if (!check_text (w, hearth_schema_lookup ("program"), program_id, key,
                       hearth_column_text (stmt, 1)) ||
          !check_text (w, hearth_schema_lookup ("program"), program_id, "settings", key))
        return FALSE;

      put_key (w, key, first);
      first = FALSE;
      put_string (w, hearth_column_text (stmt, 1));
    }
  put (w, "}");

  return rc == SQLITE_DONE;
}

static gboolean
put_activity (Writer         *w,
              HearthDatabase *db,
              const char     *program_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first = TRUE;
  int rc;

  stmt = hearth_database_prepare (db,
                                  "SELECT member_id, day, kind, count FROM activity "
                                  "WHERE member_id IN (SELECT id FROM member WHERE program_id = ?1) "
                                  "ORDER BY member_id, day, kind", &w->error);
  if (stmt == NULL)
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);

  put (w, ",\n  \"activity\": {\"columns\": [\"member\", \"day\", \"kind\", \"count\"], \"rows\": [");
  while ((rc = hearth_database_step (db, stmt, &w->error)) == SQLITE_ROW)
    {
      put (w, first ? "\n    [" : ",\n    [");
      first = FALSE;
      put_string (w, hearth_column_text (stmt, 0));
      put (w, ", ");
      put_string (w, hearth_column_text (stmt, 1));
      put (w, ", ");
      put_string (w, hearth_column_text (stmt, 2));
      g_string_append_printf (w->buffer, ", %" G_GINT64_FORMAT "]",
                              (gint64)sqlite3_column_int64 (stmt, 3));
      if (!row_done (w))
        return FALSE;
    }
  put (w, first ? "]}" : "\n  ]}");

  return rc == SQLITE_DONE;
}

static gboolean
put_tombstones (Writer         *w,
                HearthDatabase *db,
                const char     *program_id)
{
  const HearthTableSpec *tables;
  guint n_tables;
  gboolean first = TRUE;

  put (w, ",\n  \"tombstones\": [");

  tables = hearth_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      const HearthTableSpec *spec = &tables[t];
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      /* A deleted program is not exported at all; its own tombstone never travels. */
      if (!spec->has_common || spec->key == NULL)
        continue;

      sql = g_strdup_printf ("SELECT id, deleted_at FROM %s WHERE deleted_at IS NOT NULL AND (%s) "
                             "ORDER BY id", spec->table, spec->scope);
      if (!(stmt = hearth_database_prepare (db, sql, &w->error)))
        return FALSE;
      hearth_bind_text (stmt, 1, program_id);

      while ((rc = hearth_database_step (db, stmt, &w->error)) == SQLITE_ROW)
        {
          put (w, first ? "\n    {" : ",\n    {");
          first = FALSE;
          put_key (w, "table", TRUE);
          put_string (w, spec->table);
          put_key (w, "id", FALSE);
          put_string (w, hearth_column_text (stmt, 0));
          put_key (w, "deleted_at", FALSE);
          put_string (w, hearth_column_text (stmt, 1));
          put (w, "}");
          if (!row_done (w))
            return FALSE;
        }

      if (rc != SQLITE_DONE)
        return FALSE;
    }

  put (w, first ? "]" : "\n  ]");
  return TRUE;
}

static gboolean
write_snapshot (Writer                    *w,
                HearthDatabase            *db,
                const char                *program_id,
                HearthSnapshotExportFlags  flags)
{
  g_autofree char *now = hearth_timestamp_now ();
  const HearthTableSpec *tables;
  guint n_tables;

  put (w, "{\n  \"format\": \"" HEARTH_SNAPSHOT_FORMAT "\",\n  \"version\": ");
  g_string_append_printf (w->buffer, "%d", HEARTH_SNAPSHOT_VERSION);
  put (w, ",\n  \"exported_at\": ");
  put_string (w, now);
  put (w, ",\n  \"generator\": \"" PACKAGE_NAME " " PACKAGE_VERSION "\"");
  put (w, ",\n  \"redacted\": ");
  put (w, (flags & HEARTH_SNAPSHOT_EXPORT_REDACT) ? "true" : "false");

  if (!put_program (w, db, program_id, flags) ||
      !put_settings (w, db, program_id, flags))
    return FALSE;

  tables = hearth_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      if (tables[t].key == NULL)
        continue;

      if (!put_table (w, db, &tables[t], program_id, flags))
        return FALSE;

      /* DESIGN §6 puts activity right after the members' status changes. */
      if (g_str_equal (tables[t].table, "member_status_change") &&
          !(flags & HEARTH_SNAPSHOT_EXPORT_NO_ACTIVITY) &&
          !put_activity (w, db, program_id))
        return FALSE;
    }

  if (!put_tombstones (w, db, program_id))
    return FALSE;

  put (w, "\n}\n");
  return writer_flush (w);
}

/**
 * hearth_snapshot_export:
 * @db: a connection (the read-only one is fine)
 * @program_id: the program to export
 * @file: where to write; replaced only once the whole snapshot is written
 * @flags: redaction and activity
 *
 * Writes the program as a version 1 snapshot (DESIGN §6).
 */
gboolean
hearth_snapshot_export (HearthDatabase             *db,
                        const char                 *program_id,
                        GFile                      *file,
                        HearthSnapshotExportFlags   flags,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_autoptr(GFileOutputStream) file_out = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (2 * FLUSH_SIZE);
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (program_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  file_out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                             error);
  if (file_out == NULL)
    return FALSE;

  w.out = G_OUTPUT_STREAM (file_out);
  w.buffer = buffer;
  w.cancellable = cancellable;

  /* One read transaction: every table is read from the same moment. */
  ok = hearth_database_exec (db, "BEGIN", &w.error);
  if (ok)
    {
      ok = write_snapshot (&w, db, program_id, flags);
      hearth_database_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);
    }

  if (ok)
    ok = g_output_stream_close (w.out, cancellable, &w.error);

  if (!ok)
    {
      /* Closing with a cancelled cancellable drops the temporary file and keeps the old one. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (w.out, abandon, NULL);
      g_propagate_error (error, g_steal_pointer (&w.error));
      return FALSE;
    }

  return TRUE;
}
