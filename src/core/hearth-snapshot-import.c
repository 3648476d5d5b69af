/* hearth-snapshot-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading snapshots (DESIGN §6): validation, then import as a new program. The file is mapped
 * and walked by the streaming reader, one record at a time, in passes:
 *
 *   0. format and version, so that any other JSON file gets "not a Hearth snapshot" and a
 *      newer one "made by a newer Hearth" before anything else is said about it;
 *   1. every record checked against the table descriptions (fields, types, enums, dates,
 *      duplicate ids), and the ids of every table collected;
 *   2. every reference checked against those ids;
 *   3. only then, after a backup, everything written in one transaction.
 *
 * A failure in any pass, or a cancel, leaves the database exactly as it was.
 */

#define G_LOG_DOMAIN "hearth-snapshot"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "hearth-json-reader.h"
#include "hearth-schema.h"
#include "hearth-snapshot.h"
#include "hearth-util.h"

#define CANCEL_EVERY 4096
/* DESIGN's ceiling on one snapshot, records and activity rows together. */
#define MAX_RECORDS G_GUINT64_CONSTANT (10000000)

typedef enum
{
  PASS_HEADER,
  PASS_VALIDATE,
  PASS_REFERENCES,
  PASS_WRITE,
} Pass;

typedef struct
{
  const char             *path;
  HearthSnapshotProgressFunc progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
  HearthDatabase         *db;
  Pass                    pass;
  guint                   visited;

  /* Where the current record starts, for messages. */
  guint                   line;
  guint                   column;
  char                   *where;

  /* Pass 0 and 1 */
  gboolean                has_format;
  gboolean                has_version;
  gboolean                has_program;
  GHashTable             *ids;          /* table name → set of live ids in the file */
  GHashTable             *tombstones;   /* table name → set of deleted ids in the file */
  GHashTable             *skipped;      /* table name → set of ids left out (pass 2) */
  HearthSnapshotSummary  *summary;

  /* Pass 3 */
  GHashTable             *id_map;       /* old id → new id, when the ids are reassigned */
  GHashTable             *statements;   /* table name → prepared INSERT */

  /* Merges */
  gboolean                merge;
  const char             *target;       /* the program merged into */
  GHashTable             *changed;      /* table name → ids added or updated by the merge */
} Import;

void
hearth_snapshot_summary_free (HearthSnapshotSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->program_id);
  g_free (summary->program_name);
  g_free (summary->exported_at);
  g_free (summary->generator);
  g_free (summary->backup_path);
  g_clear_pointer (&summary->merge, g_array_unref);
  g_free (summary);
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->where, g_free);
  g_clear_pointer (&im->ids, g_hash_table_unref);
  g_clear_pointer (&im->tombstones, g_hash_table_unref);
  g_clear_pointer (&im->skipped, g_hash_table_unref);
  g_clear_pointer (&im->id_map, g_hash_table_unref);
  g_clear_pointer (&im->statements, g_hash_table_unref);
  g_clear_pointer (&im->changed, g_hash_table_unref);
  g_clear_pointer (&im->summary, hearth_snapshot_summary_free);
}

static GHashTable *
set_for (GHashTable *sets,
         const char *table)
{
  GHashTable *set = g_hash_table_lookup (sets, table);

  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (sets, (gpointer)table, set);
    }

  return set;
}

static gboolean
in_set (GHashTable *sets,
        const char *table,
        const char *id)
{
  GHashTable *set = g_hash_table_lookup (sets, table);

  return set != NULL && g_hash_table_contains (set, id);
}

/* An error at the current record, in the reader's format: LINE:COL: PATH.FIELD: message. */
static gboolean G_GNUC_PRINTF (4, 5)
fail (Import      *im,
      GError     **error,
      const char  *field,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "%u:%u: %s%s%s: %s",
               im->line, im->column, im->where ? im->where : "",
               field && im->where && im->where[0] ? "." : "", field ? field : "", message);
  return FALSE;
}

static void
mark (Import           *im,
      HearthJsonReader *reader)
{
  im->line = hearth_json_reader_get_line (reader);
  im->column = hearth_json_reader_get_column (reader);
  g_free (im->where);
  im->where = g_strdup (hearth_json_reader_get_path (reader));
}

static gboolean
tick (Import  *im,
      GError **error)
{
  if (im->pass == PASS_VALIDATE &&
      (guint64) im->summary->n_records + im->summary->n_activity_rows > MAX_RECORDS)
    return fail (im, error, NULL, "the file holds more than 10 million records");

  if (++im->visited % CANCEL_EVERY != 0)
    return TRUE;

  if (im->progress != NULL && im->pass != PASS_HEADER)
    {
      guint64 total = im->summary->n_records + im->summary->n_activity_rows;

      if (im->pass == PASS_WRITE)
        im->progress (HEARTH_SNAPSHOT_STAGE_WRITING, im->visited, total, im->progress_data);
      else
        im->progress (HEARTH_SNAPSHOT_STAGE_VALIDATING,
                      im->visited + (im->pass == PASS_REFERENCES ? total : 0),
                      im->pass == PASS_REFERENCES ? 2 * total : 0, im->progress_data);
    }

  return !g_cancellable_set_error_if_cancelled (im->cancellable, error);
}

/* Values ------------------------------------------------------------------------------------ */

static gboolean
is_timestamp (const char *text)
{
  if (text == NULL || strlen (text) != 24)
    return FALSE;

  return g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$", text, 0, 0) &&
         hearth_date_is_valid ((char[11]){ text[0], text[1], text[2], text[3], '-', text[5],
                                           text[6], '-', text[8], text[9], '\0' });
}

static GType
value_type (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

static gboolean
check_string (Import      *im,
              JsonNode    *node,
              const char  *field,
              GError     **error)
{
  if (value_type (node) != G_TYPE_STRING)
    return fail (im, error, field, "expected a string");

  return TRUE;
}

static gboolean
check_column (Import              *im,
              const HearthColumn  *column,
              JsonNode            *node,
              GError             **error)
{
  const char *name = column->name;
  gboolean nullable = !(column->flags & HEARTH_COLUMN_FLAGS_REQUIRED);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable)
        return fail (im, error, name, "a value is required");
      return TRUE;
    }

  switch (column->type)
    {
    case HEARTH_COLUMN_TEXT:
      if (!check_string (im, node, name, error))
        return FALSE;
      if (!nullable && json_node_get_string (node)[0] == '\0')
        return fail (im, error, name, "a value is required");
      return TRUE;

    case HEARTH_COLUMN_DATE:
      if (value_type (node) != G_TYPE_STRING || !hearth_date_is_valid (json_node_get_string (node)))
        return fail (im, error, name, "expected a date (YYYY-MM-DD)");
      return TRUE;

    case HEARTH_COLUMN_ENUM:
      if (value_type (node) != G_TYPE_STRING ||
          !g_strv_contains (column->choices, json_node_get_string (node)))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **)column->choices);

          return fail (im, error, name, "expected one of %s", choices);
        }
      return TRUE;

    case HEARTH_COLUMN_INT:
      if (value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
        return fail (im, error, name, "expected a whole number of 0 or more");
      return TRUE;

    case HEARTH_COLUMN_DOUBLE:
      if ((value_type (node) != G_TYPE_INT64 && value_type (node) != G_TYPE_DOUBLE) ||
          json_node_get_double (node) < 0)
        return fail (im, error, name, "expected a number of 0 or more");
      return TRUE;

    case HEARTH_COLUMN_BOOL:
      if (value_type (node) != G_TYPE_BOOLEAN)
        return fail (im, error, name, "expected true or false");
      return TRUE;

    case HEARTH_COLUMN_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (im, error, name, "expected a list of strings");
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        if (value_type (json_array_get_element (json_node_get_array (node), i)) != G_TYPE_STRING)
          return fail (im, error, name, "expected a list of strings");
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_record_field (const HearthTableSpec *spec,
                 const char            *key)
{
  if (spec->has_common &&
      (g_str_equal (key, "id") || g_str_equal (key, "created_at") || g_str_equal (key, "updated_at")))
    return TRUE;

  for (guint c = 0; c < spec->n_columns; c++)
    if (g_str_equal (spec->columns[c].name, key) && !g_str_equal (key, "program_id"))
      return TRUE;

  return FALSE;
}

/* Pass 1: one record against its table's description. */
static gboolean
validate_record (Import                 *im,
                 const HearthTableSpec  *spec,
                 JsonNode               *node,
                 GError                **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (im, error, NULL, "expected an object");

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!is_record_field (spec, l->data))
      return fail (im, error, l->data, "unknown field");

  if (spec->has_common)
    {
      const char *stamps[] = { "created_at", "updated_at" };
      JsonNode *id = json_object_get_member (object, "id");

      if (id == NULL)
        return fail (im, error, "id", "missing");
      if (value_type (id) != G_TYPE_STRING || json_node_get_string (id)[0] == '\0')
        return fail (im, error, "id", "expected a non-empty string");

      for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
        {
          JsonNode *stamp = json_object_get_member (object, stamps[i]);

          if (stamp == NULL)
            return fail (im, error, stamps[i], "missing");
          if (value_type (stamp) != G_TYPE_STRING || !is_timestamp (json_node_get_string (stamp)))
            return fail (im, error, stamps[i], "expected a timestamp (YYYY-MM-DDTHH:MM:SS.sssZ)");
        }
    }

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const HearthColumn *column = &spec->columns[c];
      JsonNode *value;

      if (g_str_equal (column->name, "program_id"))
        continue;

      value = json_object_get_member (object, column->name);
      if (value == NULL)
        {
          /* A redacted file leaves the personal fields out; everything else is written, null
           * or not. */
          if (column->flags & HEARTH_COLUMN_FLAGS_PERSONAL)
            continue;
          return fail (im, error, column->name, "missing");
        }

      if (!check_column (im, column, value, error))
        return FALSE;
    }

  if (g_str_equal (spec->table, "observation") || g_str_equal (spec->table, "feedback"))
    {
      JsonNode *rating = json_object_get_member (object, "rating");

      if (rating != NULL && !JSON_NODE_HOLDS_NULL (rating) &&
          (json_node_get_int (rating) < 1 || json_node_get_int (rating) > 5))
        return fail (im, error, "rating", "expected a rating from 1 to 5");
    }

  if (spec->has_common)
    {
      const char *id = json_object_get_string_member (object, "id");
      GHashTable *set = set_for (im->ids, spec->table);

      if (g_hash_table_contains (set, id))
        return fail (im, error, "id", "duplicate id");
      g_hash_table_add (set, g_strdup (id));
    }

  return TRUE;
}

static gboolean
exists_locally (Import      *im,
                const char  *table,
                const char  *id,
                gboolean    *exists,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_assert (hearth_database_is_entity_table (table));
  if (!(stmt = hearth_database_prepare (im->db, sql, error)))
    return FALSE;
  hearth_bind_text (stmt, 1, id);
  rc = hearth_database_step (im->db, stmt, error);
  *exists = rc == SQLITE_ROW;

  return rc != 0;
}

/* Pass 2: references must point into the file: to a record in it or to one it deletes. A
 * record whose parent the file deletes is left out (its parent's data isn't there), and so are
 * its own children after it. */
static gboolean
check_references (Import                 *im,
                  const HearthTableSpec  *spec,
                  JsonObject             *object,
                  gboolean               *skip,
                  GError                **error)
{
  *skip = FALSE;

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const HearthColumn *column = &spec->columns[c];
      JsonNode *value;
      const char *target;

      if (column->references == NULL || g_str_equal (column->name, "program_id"))
        continue;

      value = json_object_get_member (object, column->name);
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;

      target = json_node_get_string (value);
      if (in_set (im->ids, column->references, target) &&
          !in_set (im->skipped, column->references, target))
        continue;

      /* A merge keeps what points to a record the file deletes but this database has: the
       * record stays, as a tombstone at worst. */
      if (im->merge && in_set (im->tombstones, column->references, target) &&
          !in_set (im->skipped, column->references, target))
        {
          gboolean exists = FALSE;

          if (!exists_locally (im, column->references, target, &exists, error))
            return FALSE;
          if (exists)
            continue;
        }

      if (in_set (im->tombstones, column->references, target) ||
          in_set (im->skipped, column->references, target))
        {
          if (column->flags & HEARTH_COLUMN_FLAGS_REQUIRED)
            *skip = TRUE;
          continue;
        }

      return fail (im, error, column->name, "refers to a %s that is not in the file",
                   column->references);
    }

  if (*skip && spec->has_common)
    g_hash_table_add (set_for (im->skipped, spec->table),
                      g_strdup (json_object_get_string_member (object, "id")));

  return TRUE;
}

/* Pass 3 ------------------------------------------------------------------------------------- */

static const char *
mapped (Import     *im,
        const char *id)
{
  const char *fresh = im->id_map ? g_hash_table_lookup (im->id_map, id) : NULL;

  return fresh ? fresh : id;
}

static sqlite3_stmt *
insert_statement (Import                 *im,
                  const HearthTableSpec  *spec,
                  GError                **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (im->statements, spec->table);
  g_autoptr(GString) names = NULL;
  g_autoptr(GString) marks = NULL;
  g_autofree char *sql = NULL;
  guint n = 0;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  names = g_string_new (NULL);
  marks = g_string_new (NULL);
  if (spec->has_common)
    {
      g_string_append (names, "id, created_at, updated_at");
      g_string_append (marks, "?1, ?2, ?3");
      n = 3;
    }
  for (guint c = 0; c < spec->n_columns; c++)
    {
      g_string_append_printf (names, "%s%s", n ? ", " : "", spec->columns[c].name);
      g_string_append_printf (marks, "%s?%u", n ? ", " : "", n + 1);
      n++;
    }

  /* A link row already there (a merge) is the same row. */
  sql = g_strdup_printf ("INSERT %sINTO %s (%s) VALUES (%s)", spec->has_common ? "" : "OR IGNORE ",
                         spec->table, names->str, marks->str);
  if (!(stmt = hearth_database_prepare (im->db, sql, error)))
    return NULL;

  g_hash_table_insert (im->statements, (gpointer)spec->table, stmt);
  return stmt;
}

static char *
list_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (json_array_get_length (json_node_get_array (node)) == 0)
    return NULL;

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Binds one value of a record; absent, null and optional references to what the file deletes
 * bind NULL. */
static void
bind_value (Import              *im,
            sqlite3_stmt        *stmt,
            int                  index,
            const HearthColumn  *column,
            JsonNode            *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  switch (column->type)
    {
    case HEARTH_COLUMN_TEXT:
    case HEARTH_COLUMN_DATE:
    case HEARTH_COLUMN_ENUM:
      {
        const char *text = json_node_get_string (value);

        if (column->references != NULL)
          {
            /* An optional reference to a record the file deletes becomes "not set". */
            if ((!in_set (im->ids, column->references, text) &&
                 !(im->merge && in_set (im->tombstones, column->references, text))) ||
                in_set (im->skipped, column->references, text))
              {
                sqlite3_bind_null (stmt, index);
                break;
              }
            text = mapped (im, text);
          }
        hearth_bind_text (stmt, index, text[0] ? text : NULL);
        break;
      }
    case HEARTH_COLUMN_INT:
      sqlite3_bind_int64 (stmt, index, json_node_get_int (value));
      break;
    case HEARTH_COLUMN_DOUBLE:
      sqlite3_bind_double (stmt, index, json_node_get_double (value));
      break;
    case HEARTH_COLUMN_BOOL:
      sqlite3_bind_int (stmt, index, json_node_get_boolean (value) ? 1 : 0);
      break;
    case HEARTH_COLUMN_LIST:
      {
        g_autofree char *text = list_to_text (value);

        hearth_bind_text (stmt, index, text);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_record (Import                 *im,
              const HearthTableSpec  *spec,
              JsonObject             *object,
              GError                **error)
{
  sqlite3_stmt *stmt;
  guint base = spec->has_common ? 3 : 0;

  if (!(stmt = insert_statement (im, spec, error)))
    return FALSE;

  if (spec->has_common)
    {
      hearth_bind_text (stmt, 1, mapped (im, json_object_get_string_member (object, "id")));
      hearth_bind_text (stmt, 2, json_object_get_string_member (object, "created_at"));
      hearth_bind_text (stmt, 3, json_object_get_string_member (object, "updated_at"));
    }

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const HearthColumn *column = &spec->columns[c];
      int index = base + c + 1;

      if (g_str_equal (column->name, "program_id"))
        {
          hearth_bind_text (stmt, index, im->summary->program_id);
          continue;
        }

      bind_value (im, stmt, index, column, json_object_get_member (object, column->name));
    }

  if (!hearth_database_step_done (im->db, stmt, error))
    {
      g_prefix_error (error, "%u:%u: %s: ", im->line, im->column, im->where ? im->where : "");
      return FALSE;
    }

  return TRUE;
}

/* Merging ------------------------------------------------------------------------------------ */

static HearthMergeCounts *
counts_for (Import     *im,
            const char *what)
{
  GArray *merge = im->summary->merge;

  for (guint i = 0; i < merge->len; i++)
    if (g_str_equal (g_array_index (merge, HearthMergeCounts, i).what, what))
      return &g_array_index (merge, HearthMergeCounts, i);

  g_assert_not_reached ();
}

static void
init_counts (Import *im)
{
  const HearthTableSpec *tables;
  guint n_tables;
  HearthMergeCounts counts = { 0 };

  im->summary->merge = g_array_new (FALSE, TRUE, sizeof (HearthMergeCounts));
  tables = hearth_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      counts.what = tables[t].key ? tables[t].key : "program";
      g_array_append_val (im->summary->merge, counts);
      if (g_str_equal (tables[t].table, "member_status_change"))
        {
          counts.what = "activity";
          g_array_append_val (im->summary->merge, counts);
        }
    }
  counts.what = "settings";
  g_array_append_val (im->summary->merge, counts);
}

/* The local row with @id: its updated_at and deleted_at, and whether it is in the program. */
typedef struct
{
  gboolean  found;
  gboolean  in_program;
  char     *updated_at;
  char     *deleted_at;
} Local;

static void
local_clear (Local *local)
{
  g_clear_pointer (&local->updated_at, g_free);
  g_clear_pointer (&local->deleted_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Local, local_clear)

static gboolean
find_local (Import                 *im,
            const HearthTableSpec  *spec,
            const char             *id,
            Local                  *local,
            GError                **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT updated_at, deleted_at, (%s) FROM %s WHERE id = ?2",
                                          spec->scope, spec->table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (im->db, sql, error)))
    return FALSE;
  hearth_bind_text (stmt, 1, im->target);
  hearth_bind_text (stmt, 2, id);

  rc = hearth_database_step (im->db, stmt, error);
  if (rc == 0)
    return FALSE;

  local->found = rc == SQLITE_ROW;
  if (local->found)
    {
      local->updated_at = g_strdup (hearth_column_text (stmt, 0));
      local->deleted_at = g_strdup (hearth_column_text (stmt, 1));
      local->in_program = sqlite3_column_int (stmt, 2) != 0;
    }

  return TRUE;
}

static gboolean
same_value (const HearthColumn *column,
            JsonNode           *value,
            sqlite3_stmt       *stmt,
            int                 index)
{
  gboolean null = sqlite3_column_type (stmt, index) == SQLITE_NULL;

  if (JSON_NODE_HOLDS_NULL (value))
    return null;
  if (null)
    return column->type == HEARTH_COLUMN_LIST &&
           json_array_get_length (json_node_get_array (value)) == 0;

  switch (column->type)
    {
    case HEARTH_COLUMN_TEXT:
    case HEARTH_COLUMN_DATE:
    case HEARTH_COLUMN_ENUM:
      return g_strcmp0 (json_node_get_string (value), hearth_column_text (stmt, index)) == 0;
    case HEARTH_COLUMN_INT:
      return json_node_get_int (value) == sqlite3_column_int64 (stmt, index);
    case HEARTH_COLUMN_DOUBLE:
      return json_node_get_double (value) == sqlite3_column_double (stmt, index);
    case HEARTH_COLUMN_BOOL:
      return !json_node_get_boolean (value) == !sqlite3_column_int (stmt, index);
    case HEARTH_COLUMN_LIST:
      {
        g_autofree char *text = list_to_text (value);

        return g_strcmp0 (text, hearth_column_text (stmt, index)) == 0;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Whether every field the file gives equals the local one (a redacted file's missing fields
 * don't count). */
static gboolean
same_as_local (Import                 *im,
               const HearthTableSpec  *spec,
               const char             *id,
               JsonObject             *object,
               gboolean               *same,
               GError                **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint c = 0; c < spec->n_columns; c++)
    g_string_append_printf (sql, "%s%s", c ? ", " : "", spec->columns[c].name);
  g_string_append_printf (sql, " FROM %s WHERE id = ?1", spec->table);

  if (!(stmt = hearth_database_prepare (im->db, sql->str, error)))
    return FALSE;
  hearth_bind_text (stmt, 1, id);
  if (hearth_database_step (im->db, stmt, error) != SQLITE_ROW)
    return FALSE;

  *same = TRUE;
  for (guint c = 0; c < spec->n_columns && *same; c++)
    {
      const HearthColumn *column = &spec->columns[c];
      JsonNode *value = json_object_get_member (object, column->name);

      if (value != NULL && !g_str_equal (column->name, "program_id"))
        *same = same_value (column, value, stmt, c);
    }

  return TRUE;
}

/* Writes the fields the file gives over the local row, and revives it if it was deleted. */
static gboolean
update_local (Import                 *im,
              const HearthTableSpec  *spec,
              const char             *id,
              JsonObject             *object,
              GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const HearthTableSpec *tables;
  guint n_tables;
  guint n = 0;

  g_string_printf (sql, "UPDATE %s SET ", spec->table);
  for (guint c = 0; c < spec->n_columns; c++)
    if (!g_str_equal (spec->columns[c].name, "program_id") &&
        json_object_has_member (object, spec->columns[c].name))
      g_string_append_printf (sql, "%s = ?%u, ", spec->columns[c].name, ++n + 2);
  g_string_append (sql, "updated_at = ?2, deleted_at = NULL WHERE id = ?1");

  if (!(stmt = hearth_database_prepare (im->db, sql->str, error)))
    return FALSE;
  hearth_bind_text (stmt, 1, id);
  hearth_bind_text (stmt, 2, json_object_get_string_member (object, "updated_at"));

  n = 0;
  for (guint c = 0; c < spec->n_columns; c++)
    if (!g_str_equal (spec->columns[c].name, "program_id") &&
        json_object_has_member (object, spec->columns[c].name))
      bind_value (im, stmt, ++n + 2, &spec->columns[c],
                  json_object_get_member (object, spec->columns[c].name));

  if (!hearth_database_step_done (im->db, stmt, error))
    return FALSE;

  /* Link rows follow their parent: the file's set replaces the local one. */
  tables = hearth_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    {
      const HearthColumn *parent = &tables[t].columns[0];
      g_autofree char *delete = NULL;
      g_autoptr(sqlite3_stmt) links = NULL;

      if (tables[t].has_common || g_strcmp0 (parent->references, spec->table) != 0)
        continue;

      delete = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", tables[t].table, parent->name);
      if (!(links = hearth_database_prepare (im->db, delete, error)))
        return FALSE;
      hearth_bind_text (links, 1, id);
      if (!hearth_database_step_done (im->db, links, error))
        return FALSE;
    }

  return TRUE;
}

static void
mark_changed (Import     *im,
              const char *table,
              const char *id)
{
  g_hash_table_add (set_for (im->changed, table), g_strdup (id));
}

/* DESIGN §6: matched by id; the later of updated_at and a local tombstone's deleted_at wins,
 * and on a tie the local record stays. */
static gboolean
merge_record (Import                 *im,
              const HearthTableSpec  *spec,
              JsonObject             *object,
              GError                **error)
{
  gboolean is_program = g_str_equal (spec->table, "program");
  HearthMergeCounts *counts = counts_for (im, is_program ? "program" : spec->key);
  const char *updated_at;
  const char *id;
  g_auto(Local) local = { 0 };
  gboolean same = FALSE;

  if (!spec->has_common)
    {
      const HearthColumn *parent = &spec->columns[0];
      const char *parent_id = json_object_get_string_member (object, parent->name);

      if (!in_set (im->changed, parent->references, parent_id))
        {
          counts->unchanged++;
          return TRUE;
        }
      if (!write_record (im, spec, object, error))
        return FALSE;
      if (sqlite3_changes (hearth_database_get_handle (im->db)) > 0)
        counts->added++;
      else
        counts->unchanged++;
      return TRUE;
    }

  /* The file's program is the one merged into, whatever its id. */
  id = is_program ? im->target : json_object_get_string_member (object, "id");
  updated_at = json_object_get_string_member (object, "updated_at");

  if (!find_local (im, spec, id, &local, error))
    return FALSE;

  if (!local.found)
    {
      if (!write_record (im, spec, object, error))
        return FALSE;
      mark_changed (im, spec->table, id);
      counts->added++;
      return TRUE;
    }

  if (!local.in_program)
    return fail (im, error, "id", "this record belongs to another program in this database");

  if (local.deleted_at != NULL)
    {
      if (g_strcmp0 (updated_at, local.deleted_at) <= 0)
        {
          counts->kept++;
          return TRUE;
        }
    }
  else
    {
      if (!same_as_local (im, spec, id, object, &same, error))
        return FALSE;
      if (same)
        {
          counts->unchanged++;
          return TRUE;
        }
      if (g_strcmp0 (updated_at, local.updated_at) <= 0)
        {
          counts->kept++;
          return TRUE;
        }
    }

  if (!update_local (im, spec, id, object, error))
    return FALSE;
  mark_changed (im, spec->table, id);
  counts->updated++;
  return TRUE;
}

/* Activity rows match on (member, day, kind) and the larger count wins: the same data merged
 * twice never adds up. */
static gboolean
merge_activity_row (Import     *im,
                    JsonArray  *row,
                    GError    **error)
{
  HearthMergeCounts *counts = counts_for (im, "activity");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 incoming = json_array_get_int_element (row, 3);
  int rc;

  stmt = hearth_database_prepare (im->db, "SELECT count FROM activity WHERE member_id = ?1 "
                                          "AND day = ?2 AND kind = ?3", error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 3; i++)
    hearth_bind_text (stmt, i + 1, json_array_get_string_element (row, i));

  rc = hearth_database_step (im->db, stmt, error);
  if (rc == 0)
    return FALSE;

  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) >= incoming)
    {
      counts->unchanged++;
      return TRUE;
    }

  if (rc == SQLITE_ROW)
    counts->updated++;
  else
    counts->added++;

  return TRUE;   /* the caller writes the row with the larger count */
}

/* A tombstone deletes the local record when it is later than the record's last edit; an
 * erasure always does. */
static gboolean
merge_tombstone (Import      *im,
                 JsonObject  *object,
                 GError     **error)
{
  const HearthTableSpec *spec = hearth_schema_lookup (json_object_get_string_member (object, "table"));
  const char *id = json_object_get_string_member (object, "id");
  const char *deleted_at = json_object_get_string_member (object, "deleted_at");
  gboolean erased = json_object_has_member (object, "erased") &&
                    json_object_get_boolean_member (object, "erased");
  g_auto(Local) local = { 0 };
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HearthMergeCounts *counts;

  if (spec == NULL || spec->key == NULL)
    return TRUE;

  counts = counts_for (im, spec->key);
  if (!find_local (im, spec, id, &local, error))
    return FALSE;
  if (!local.found || !local.in_program)
    return TRUE;

  if (local.deleted_at != NULL)
    {
      counts->unchanged++;
      return TRUE;
    }

  if (!erased && g_strcmp0 (local.updated_at, deleted_at) >= 0)
    {
      counts->kept++;
      return TRUE;
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1 WHERE id = ?2", spec->table);
  if (!(stmt = hearth_database_prepare (im->db, sql, error)))
    return FALSE;
  hearth_bind_text (stmt, 1, deleted_at);
  hearth_bind_text (stmt, 2, id);
  if (!hearth_database_step_done (im->db, stmt, error))
    return FALSE;

  counts->deleted++;
  return TRUE;
}

/* The visitors ------------------------------------------------------------------------------- */

static gboolean
visit_record (Import                 *im,
              const HearthTableSpec  *spec,
              JsonNode               *node,
              GError                **error)
{
  JsonObject *object;
  gboolean skip = FALSE;

  switch (im->pass)
    {
    case PASS_VALIDATE:
      if (!validate_record (im, spec, node, error))
        return FALSE;
      if (g_str_equal (spec->table, "program"))
        {
          object = json_node_get_object (node);
          im->has_program = TRUE;
          im->summary->program_name = g_strdup (json_object_get_string_member (object, "name"));
        }
      else if (g_str_equal (spec->table, "member"))
        im->summary->n_members++;
      if (!g_str_equal (spec->table, "program"))
        im->summary->n_records++;
      return TRUE;

    case PASS_REFERENCES:
      if (!check_references (im, spec, json_node_get_object (node), &skip, error))
        return FALSE;
      if (skip)
        im->summary->n_skipped++;
      return TRUE;

    case PASS_WRITE:
      object = json_node_get_object (node);
      if (spec->has_common && in_set (im->skipped, spec->table,
                                      json_object_get_string_member (object, "id")))
        return TRUE;
      if (im->merge)
        return merge_record (im, spec, object, error);
      if (!spec->has_common)
        {
          /* Link rows have no id of their own: they go when a parent went. */
          if (!check_references (im, spec, object, &skip, error))
            return FALSE;
          if (skip)
            return TRUE;
        }
      return write_record (im, spec, object, error);

    case PASS_HEADER:
    default:
      return TRUE;
    }
}

static gboolean
visit_activity_row (Import    *im,
                    JsonNode  *node,
                    GError   **error)
{
  JsonArray *row;
  const char *member;

  if (im->pass == PASS_VALIDATE)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 4)
        return fail (im, error, NULL, "expected [member, day, kind, count]");
      row = json_node_get_array (node);
      if (value_type (json_array_get_element (row, 0)) != G_TYPE_STRING)
        return fail (im, error, "member", "expected a member id");
      if (value_type (json_array_get_element (row, 1)) != G_TYPE_STRING ||
          !hearth_date_is_valid (json_array_get_string_element (row, 1)))
        return fail (im, error, "day", "expected a date (YYYY-MM-DD)");
      if (value_type (json_array_get_element (row, 2)) != G_TYPE_STRING ||
          !g_strv_contains (hearth_activity_kinds, json_array_get_string_element (row, 2)))
        return fail (im, error, "kind", "expected an activity kind");
      if (value_type (json_array_get_element (row, 3)) != G_TYPE_INT64 ||
          json_array_get_int_element (row, 3) < 1)
        return fail (im, error, "count", "expected a whole number of 1 or more");
      im->summary->n_activity_rows++;
      return TRUE;
    }

  row = json_node_get_array (node);
  member = json_array_get_string_element (row, 0);

  if (im->pass == PASS_REFERENCES)
    {
      if (!in_set (im->ids, "member", member) && !in_set (im->tombstones, "member", member))
        return fail (im, error, "member", "refers to a member that is not in the file");
      return TRUE;
    }

  if (im->pass == PASS_WRITE)
    {
      sqlite3_stmt *stmt = g_hash_table_lookup (im->statements, "activity");

      /* Rows of a member the file deletes go with the member. */
      if (!in_set (im->ids, "member", member) || in_set (im->skipped, "member", member))
        return TRUE;

      if (im->merge && !merge_activity_row (im, row, error))
        return FALSE;

      if (stmt == NULL)
        {
          stmt = hearth_database_prepare (im->db,
                                          "INSERT INTO activity (member_id, day, kind, count) "
                                          "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (member_id, day, kind) "
                                          "DO UPDATE SET count = max(count, excluded.count)", error);
          if (stmt == NULL)
            return FALSE;
          g_hash_table_insert (im->statements, (gpointer)"activity", stmt);
        }
      else
        sqlite3_reset (stmt);

      hearth_bind_text (stmt, 1, mapped (im, member));
      hearth_bind_text (stmt, 2, json_array_get_string_element (row, 1));
      hearth_bind_text (stmt, 3, json_array_get_string_element (row, 2));
      sqlite3_bind_int64 (stmt, 4, json_array_get_int_element (row, 3));
      return hearth_database_step_done (im->db, stmt, error);
    }

  return TRUE;
}

static gboolean
visit_settings (Import    *im,
                JsonNode  *node,
                GError   **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (im, error, NULL, "expected an object");

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  /* Settings follow the program record: a merge replaces them only when the file's program
   * won. */
  if (im->pass == PASS_WRITE && im->merge)
    {
      g_autoptr(sqlite3_stmt) clear = NULL;

      if (!in_set (im->changed, "program", im->target))
        {
          counts_for (im, "settings")->kept += g_list_length (members);
          return TRUE;
        }

      clear = hearth_database_prepare (im->db, "DELETE FROM settings WHERE program_id = ?1", error);
      if (clear == NULL)
        return FALSE;
      hearth_bind_text (clear, 1, im->target);
      if (!hearth_database_step_done (im->db, clear, error))
        return FALSE;
      counts_for (im, "settings")->updated += g_list_length (members);
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);

      if (im->pass == PASS_VALIDATE && value_type (value) != G_TYPE_STRING)
        return fail (im, error, l->data, "expected a string");

      if (im->pass == PASS_WRITE)
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;

          stmt = hearth_database_prepare (im->db, "INSERT INTO settings (program_id, key, value) "
                                                  "VALUES (?1, ?2, ?3)", error);
          if (stmt == NULL)
            return FALSE;
          hearth_bind_text (stmt, 1, im->summary->program_id);
          hearth_bind_text (stmt, 2, l->data);
          hearth_bind_text (stmt, 3, json_node_get_string (value));
          if (!hearth_database_step_done (im->db, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
visit_tombstone (Import    *im,
                 JsonNode  *node,
                 GError   **error)
{
  JsonObject *object;
  const char *table;
  g_autoptr(GList) members = NULL;

  if (im->pass == PASS_WRITE && im->merge)
    return merge_tombstone (im, json_node_get_object (node), error);

  if (im->pass != PASS_VALIDATE)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (im, error, NULL, "expected an object");

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains ((const char *[]){ "table", "id", "deleted_at", "erased", NULL }, l->data))
      return fail (im, error, l->data, "unknown field");

  if (!json_object_has_member (object, "table") ||
      value_type (json_object_get_member (object, "table")) != G_TYPE_STRING ||
      !hearth_database_is_entity_table (table = json_object_get_string_member (object, "table")) ||
      g_str_equal (table, "program"))
    return fail (im, error, "table", "expected the name of a table with ids");
  if (!json_object_has_member (object, "id") ||
      value_type (json_object_get_member (object, "id")) != G_TYPE_STRING)
    return fail (im, error, "id", "expected an id");
  if (!json_object_has_member (object, "deleted_at") ||
      value_type (json_object_get_member (object, "deleted_at")) != G_TYPE_STRING ||
      !is_timestamp (json_object_get_string_member (object, "deleted_at")))
    return fail (im, error, "deleted_at", "expected a timestamp (YYYY-MM-DDTHH:MM:SS.sssZ)");
  if (json_object_has_member (object, "erased") &&
      value_type (json_object_get_member (object, "erased")) != G_TYPE_BOOLEAN)
    return fail (im, error, "erased", "expected true or false");

  g_hash_table_add (set_for (im->tombstones, g_intern_string (table)),
                    g_strdup (json_object_get_string_member (object, "id")));
  return TRUE;
}

static gboolean
visit_header (Import      *im,
              const char  *key,
              JsonNode    *node,
              GError     **error)
{
  if (g_str_equal (key, "format"))
    {
      im->has_format = TRUE;
      if (value_type (node) != G_TYPE_STRING ||
          !g_str_equal (json_node_get_string (node), HEARTH_SNAPSHOT_FORMAT))
        return fail (im, error, NULL, "not a Hearth snapshot (format is not “%s”)",
                     HEARTH_SNAPSHOT_FORMAT);
    }
  else if (g_str_equal (key, "version"))
    {
      im->has_version = TRUE;
      if (value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
        return fail (im, error, NULL, "expected a version number");
      if (json_node_get_int (node) > HEARTH_SNAPSHOT_VERSION)
        return fail (im, error, NULL, "made by a newer Hearth (snapshot version %" G_GINT64_FORMAT
                     "; this Hearth reads version %d): update Hearth to import it",
                     json_node_get_int (node), HEARTH_SNAPSHOT_VERSION);
    }
  else if (g_str_equal (key, "exported_at"))
    {
      if (value_type (node) != G_TYPE_STRING || !is_timestamp (json_node_get_string (node)))
        return fail (im, error, NULL, "expected a timestamp (YYYY-MM-DDTHH:MM:SS.sssZ)");
      g_free (im->summary->exported_at);
      im->summary->exported_at = g_strdup (json_node_get_string (node));
    }
  else if (g_str_equal (key, "generator"))
    {
      if (!check_string (im, node, NULL, error))
        return FALSE;
      g_free (im->summary->generator);
      im->summary->generator = g_strdup (json_node_get_string (node));
    }
  else if (g_str_equal (key, "redacted"))
    {
      if (value_type (node) != G_TYPE_BOOLEAN)
        return fail (im, error, NULL, "expected true or false");
      im->summary->redacted = json_node_get_boolean (node);
    }

  return TRUE;
}

static gboolean
is_header_key (const char *key)
{
  return g_str_equal (key, "format") || g_str_equal (key, "version") ||
         g_str_equal (key, "exported_at") || g_str_equal (key, "generator") ||
         g_str_equal (key, "redacted");
}

/* One pass over the file. */
static gboolean
walk (Import  *im,
      GError **error)
{
  g_autoptr(HearthJsonReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *key;

  if (!(reader = hearth_json_reader_new_for_path (im->path, error)))
    return FALSE;

  if (hearth_json_reader_peek (reader, &local_error) != HEARTH_JSON_OBJECT)
    {
      if (local_error != NULL && strstr (local_error->message, "empty") != NULL)
        g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                     "not a Hearth snapshot (the file is empty)");
      else if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                     "1:1: not a Hearth snapshot (expected a JSON object)");
      return FALSE;
    }

  hearth_json_reader_enter_object (reader, NULL);

  while ((key = hearth_json_reader_next_key (reader, &local_error)) != NULL)
    {
      const HearthTableSpec *spec;

      mark (im, reader);

      if (is_header_key (key))
        {
          g_autoptr(JsonNode) node = NULL;

          if (im->pass != PASS_HEADER)
            continue;
          if (!(node = hearth_json_reader_read_node (reader, error)) ||
              !visit_header (im, key, node, error))
            return FALSE;
          continue;
        }

      /* The header pass only looks at the header; an unknown key is for pass 1 to report,
       * after the format and version have been checked. */
      if (im->pass == PASS_HEADER)
        continue;

      if (g_str_equal (key, "program") || g_str_equal (key, "settings"))
        {
          g_autoptr(JsonNode) node = hearth_json_reader_read_node (reader, error);

          if (node == NULL)
            return FALSE;
          if (g_str_equal (key, "program"))
            {
              if (!visit_record (im, hearth_schema_lookup ("program"), node, error))
                return FALSE;
            }
          else if (!visit_settings (im, node, error))
            return FALSE;
        }
      else if (g_str_equal (key, "activity"))
        {
          const char *part;

          if (!hearth_json_reader_enter_object (reader, error))
            return FALSE;
          while ((part = hearth_json_reader_next_key (reader, &local_error)) != NULL)
            {
              mark (im, reader);
              if (g_str_equal (part, "columns"))
                {
                  g_autoptr(JsonNode) node = hearth_json_reader_read_node (reader, error);
                  g_autoptr(JsonNode) expected = json_from_string ("[\"member\",\"day\",\"kind\",\"count\"]",
                                                                    NULL);

                  if (node == NULL)
                    return FALSE;
                  if (!json_node_equal (node, expected))
                    return fail (im, error, NULL, "expected [\"member\", \"day\", \"kind\", \"count\"]");
                }
              else if (g_str_equal (part, "rows"))
                {
                  if (!hearth_json_reader_enter_array (reader, error))
                    return FALSE;
                  while (hearth_json_reader_next_element (reader, &local_error))
                    {
                      g_autoptr(JsonNode) node = NULL;

                      mark (im, reader);
                      if (!(node = hearth_json_reader_read_node (reader, error)) ||
                          !visit_activity_row (im, node, error) || !tick (im, error))
                        return FALSE;
                    }
                }
              else
                return fail (im, error, part, "unknown field");
            }
        }
      else if (g_str_equal (key, "tombstones") || (spec = hearth_schema_lookup_key (key)) != NULL)
        {
          gboolean tombstones = g_str_equal (key, "tombstones");

          if (!hearth_json_reader_enter_array (reader, error))
            return FALSE;
          while (hearth_json_reader_next_element (reader, &local_error))
            {
              g_autoptr(JsonNode) node = NULL;

              mark (im, reader);
              if (!(node = hearth_json_reader_read_node (reader, error)))
                return FALSE;
              if (tombstones ? !visit_tombstone (im, node, error)
                             : !visit_record (im, spec, node, error))
                return FALSE;
              if (!tick (im, error))
                return FALSE;
            }
        }
      else
        return fail (im, error, key, "unknown field");
    }

  if (!hearth_json_reader_end (reader, error))
    return FALSE;

  if (im->pass == PASS_HEADER)
    {
      if (!im->has_format)
        return g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                            "not a Hearth snapshot (no “format”)"), FALSE;
      if (!im->has_version)
        return g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "version: missing"), FALSE;
      if (im->summary->exported_at == NULL)
        return g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "exported_at: missing"), FALSE;
      if (im->summary->generator == NULL)
        return g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "generator: missing"), FALSE;
    }

  if (im->pass == PASS_VALIDATE && !im->has_program)
    return g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "program: missing"), FALSE;

  return TRUE;
}

static gboolean
validate (Import  *im,
          GError **error)
{
  im->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify)g_hash_table_unref);
  im->tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify)g_hash_table_unref);
  im->skipped = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)g_hash_table_unref);
  im->summary = g_new0 (HearthSnapshotSummary, 1);

  if (g_file_test (im->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "is a folder, not a snapshot file");
      return FALSE;
    }

  for (im->pass = PASS_HEADER; im->pass <= PASS_REFERENCES; im->pass++)
    {
      im->visited = 0;
      if (!walk (im, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * hearth_snapshot_inspect:
 * @path: a snapshot file
 *
 * Validates the whole file without touching any database, for the import dialog and
 * `--import`'s first step.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set to one message
 *   naming the line, column, record and field
 */
HearthSnapshotSummary *
hearth_snapshot_inspect (const char    *path,
                         GCancellable  *cancellable,
                         GError       **error)
{
  Import im = { .path = path, .cancellable = cancellable };
  HearthSnapshotSummary *summary = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (validate (&im, error))
    {
      GHashTableIter iter;
      gpointer id = NULL;

      /* The file's own program id: the import dialog tells when it is already here. */
      g_hash_table_iter_init (&iter, g_hash_table_lookup (im.ids, "program"));
      g_hash_table_iter_next (&iter, &id, NULL);
      im.summary->program_id = g_strdup (id);
      summary = g_steal_pointer (&im.summary);
    }

  import_clear (&im);
  return summary;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
ids_clash (Import  *im,
           GError **error)
{
  GHashTableIter tables;
  gpointer table, set;

  g_hash_table_iter_init (&tables, im->ids);
  while (g_hash_table_iter_next (&tables, &table, &set))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", (const char *)table);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      GHashTableIter ids;
      gpointer id;

      g_assert (hearth_database_is_entity_table (table));
      if (!(stmt = hearth_database_prepare (im->db, sql, error)))
        return TRUE;

      g_hash_table_iter_init (&ids, set);
      while (g_hash_table_iter_next (&ids, &id, NULL))
        {
          sqlite3_reset (stmt);
          hearth_bind_text (stmt, 1, id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            return TRUE;
        }
    }

  return FALSE;
}

static void
reassign_ids (Import *im)
{
  GHashTableIter tables;
  gpointer set;

  im->id_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_iter_init (&tables, im->ids);
  while (g_hash_table_iter_next (&tables, NULL, &set))
    {
      GHashTableIter ids;
      gpointer id;

      g_hash_table_iter_init (&ids, set);
      while (g_hash_table_iter_next (&ids, &id, NULL))
        g_hash_table_insert (im->id_map, g_strdup (id), hearth_new_id ());
    }
}

/* Pass 3, shared by import and merge: everything in one transaction, the foreign keys checked
 * once at the end (rows arrive in file order, which need not be parents first). With @keep
 * FALSE (a merge preview) the foreign keys are checked as a commit would, then all is undone. */
static gboolean
write_all (Import   *im,
           gboolean  keep,
           GError  **error)
{
  gboolean ok;

  im->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);

  if (!hearth_database_begin (im->db, error))
    return FALSE;

  ok = hearth_database_exec (im->db, "PRAGMA defer_foreign_keys = ON", error);
  if (ok)
    {
      im->pass = PASS_WRITE;
      im->visited = 0;
      ok = walk (im, error);
    }

  /* Statements must be finalized before the transaction ends. */
  g_clear_pointer (&im->statements, g_hash_table_unref);

  if (ok && keep)
    ok = hearth_database_commit (im->db, error);
  else if (ok)
    {
      g_autoptr(sqlite3_stmt) check = hearth_database_prepare (im->db, "PRAGMA foreign_key_check",
                                                               error);

      ok = check != NULL && hearth_database_step (im->db, check, error) == SQLITE_DONE;
      if (check != NULL && !ok && error != NULL && *error == NULL)
        g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                     "%s: the merge would leave a record pointing to nothing",
                     hearth_column_text (check, 0));
      hearth_database_rollback (im->db);
    }

  if (!ok)
    hearth_database_rollback (im->db);

  return ok;
}

/**
 * hearth_snapshot_import:
 * @db: the write connection (on the DB thread)
 * @path: a snapshot file
 * @progress: (nullable): called every few thousand rows, on this thread
 *
 * Imports the file as a new program: validation first, then a backup, then everything in one
 * transaction. The file's ids are kept, so later merges from the same source still match;
 * when they already exist here (the same file imported twice) every record gets a fresh id
 * and the summary says so.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set and nothing written
 */
HearthSnapshotSummary *
hearth_snapshot_import (HearthDatabase             *db,
                        const char                 *path,
                        HearthSnapshotProgressFunc  progress,
                        gpointer                    progress_data,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  Import im = { .path = path, .progress = progress, .progress_data = progress_data,
                .cancellable = cancellable, .db = db };
  HearthSnapshotSummary *summary = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!hearth_database_in_transaction (db), NULL);

  if (!validate (&im, error))
    goto out;

  if (ids_clash (&im, error))
    {
      if (error != NULL && *error != NULL)
        goto out;
      reassign_ids (&im);
      im.summary->ids_reassigned = TRUE;
    }

  if (!(im.summary->backup_path = hearth_database_backup (db, "import", error)))
    goto out;

  /* The program's id is known before its record is written: members may come first. */
  {
    GHashTableIter iter;
    gpointer id = NULL;

    g_hash_table_iter_init (&iter, g_hash_table_lookup (im.ids, "program"));
    g_hash_table_iter_next (&iter, &id, NULL);
    im.summary->program_id = g_strdup (mapped (&im, id));
  }

  if (!write_all (&im, TRUE, error))
    goto out;

  summary = g_steal_pointer (&im.summary);

out:
  import_clear (&im);
  return summary;
}

/**
 * hearth_snapshot_merge:
 * @db: the write connection (on the DB thread)
 * @path: a snapshot file
 * @program_id: the program to merge into
 * @preview: %TRUE to compute what the merge would do and write nothing
 *
 * Merges the file into the program by the rules of DESIGN §6: records match by id; the later
 * of updated_at and a tombstone's deleted_at wins, and on a tie the local record stays; fields
 * a redacted file leaves out never overwrite local values; activity takes the larger count;
 * link rows and settings follow their parent record; local records the file doesn't know are
 * kept. The preview runs the very same merge inside the transaction and rolls it back, so its
 * counts are exactly what a merge writes.
 *
 * Returns: (transfer full): what was (or would be) done, per kind of record in @merge; or
 *   %NULL with @error set and nothing written
 */
HearthSnapshotSummary *
hearth_snapshot_merge (HearthDatabase             *db,
                       const char                 *path,
                       const char                 *program_id,
                       gboolean                    preview,
                       HearthSnapshotProgressFunc  progress,
                       gpointer                    progress_data,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  Import im = { .path = path, .progress = progress, .progress_data = progress_data,
                .cancellable = cancellable, .db = db, .merge = TRUE, .target = program_id };
  HearthSnapshotSummary *summary = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (!hearth_database_in_transaction (db), NULL);

  {
    g_auto(Local) target = { 0 };

    im.summary = g_new0 (HearthSnapshotSummary, 1);
    if (!find_local (&im, hearth_schema_lookup ("program"), program_id, &target, error))
      goto out;
    exists = target.found && target.deleted_at == NULL;
    g_clear_pointer (&im.summary, hearth_snapshot_summary_free);
  }
  if (!exists)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "program %s: no such program",
                   program_id);
      goto out;
    }

  if (!validate (&im, error))
    goto out;

  init_counts (&im);
  im.summary->program_id = g_strdup (program_id);
  im.changed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify)g_hash_table_unref);

  if (!preview && !(im.summary->backup_path = hearth_database_backup (db, "merge", error)))
    goto out;

  if (!write_all (&im, !preview, error))
    goto out;

  summary = g_steal_pointer (&im.summary);

out:
  import_clear (&im);
  return summary;
}
