/* gen-snapshot-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the published JSON Schema of snapshot version 1 (DESIGN §6) from the table
 * descriptions in hearth-schema.c, so data/hearth-snapshot-1.schema.json cannot drift from what
 * the exporter writes:
 *
 *   gen-snapshot-schema                prints the schema (regenerate the file with
 *                                      build/tests/core/gen-snapshot-schema > data/hearth-snapshot-1.schema.json)
 *   gen-snapshot-schema --check FILE   TAP: ok when FILE holds exactly what it would print
 *
 * How a column becomes a property (mirroring put_record() in hearth-snapshot.c):
 *   - a record holds id, its own columns but program_id, created_at and updated_at; nothing else
 *     (additionalProperties: false); every property is required except personal columns, which
 *     a redacted snapshot omits;
 *   - a column without HEARTH_COLUMN_FLAGS_REQUIRED may be null;
 *   - references are ids; TEXT is a non-empty string ("not set" is null, never "", DESIGN §4);
 *     DATE a YYYY-MM-DD date; ENUM one of its choices; INT an integer and DOUBLE a number, both
 *     at least 0 (the record model has no negative numbers: a negative value stands for NULL);
 *     BOOL a boolean; LIST an array of strings.
 * What the descriptions do not hold yet (ranges and patterns from the CHECK constraints of
 * migrations/0001-initial.sql) is in the two tables below, checked against the descriptions.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "hearth-schema.h"
#include "hearth-settings.h"
#include "hearth-snapshot.h"

#define SCHEMA_ID "https://hearthapp.github.io/schemas/hearth-snapshot-1.schema.json"
#define SCHEMA_FILE "data/hearth-snapshot-1.schema.json"
#define REGENERATE "build/tests/core/gen-snapshot-schema > " SCHEMA_FILE

#define TIMESTAMP_PATTERN "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"
#define DATE_PATTERN      "^\\d{4}-\\d{2}-\\d{2}$"
#define NO_MAXIMUM        G_MAXINT64

typedef struct
{
  const char *table;
  const char *column;
  gint64      minimum;
  gint64      maximum;
  const char *description;   /* what else holds, when a schema cannot say it */
} Range;

/* Numbers whose range is narrower than "0 or more" (CHECK constraints of 0001-initial.sql). */
static const Range ranges[] = {
  { "program", "ratio_min", 1, NO_MAXIMUM },
  { "program", "ratio_max", 1, NO_MAXIMUM, "At least ratio_min" },
  { "observation", "rating", 1, 5 },
  { "role", "term_weeks", 1, NO_MAXIMUM },
  { "checkin", "energy", 1, 5 },
  { "feedback", "rating", 1, 5 },
};

typedef struct
{
  const char *table;
  const char *column;
  const char *pattern;
} Pattern;

/* Text columns with a fixed shape. */
static const Pattern patterns[] = {
  { "checkin", "iso_week", "^\\d{4}-W\\d{2}$" },          /* DESIGN §4: YYYY-Www */
  { "badge", "color", "^#[0-9a-f]{6}$" },                 /* the GLOB of 0001-initial.sql */
};

/* The columns of the activity object (put_activity() in hearth-snapshot.c). */
static const char * const activity_columns[] = { "member", "day", "kind", "count", NULL };

static const HearthColumn *
find_column (const char *table,
             const char *name)
{
  const HearthTableSpec *spec = hearth_schema_lookup (table);

  for (guint c = 0; spec != NULL && c < spec->n_columns; c++)
    if (g_str_equal (spec->columns[c].name, name))
      return &spec->columns[c];

  return NULL;
}

/* Every range and pattern must name a described column of the right type, or a renamed column
 * would silently lose its constraint. */
static gboolean
check_constraints (GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      const HearthColumn *column = find_column (ranges[i].table, ranges[i].column);

      if (column == NULL ||
          (column->type != HEARTH_COLUMN_INT && column->type != HEARTH_COLUMN_DOUBLE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "range for %s.%s: no such number column in hearth-schema.c",
                       ranges[i].table, ranges[i].column);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      const HearthColumn *column = find_column (patterns[i].table, patterns[i].column);

      if (column == NULL || column->type != HEARTH_COLUMN_TEXT || column->references != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "pattern for %s.%s: no such text column in hearth-schema.c",
                       patterns[i].table, patterns[i].column);
          return FALSE;
        }
    }

  return TRUE;
}

static const Range *
lookup_range (const char *table,
              const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_str_equal (ranges[i].table, table) && g_str_equal (ranges[i].column, column))
      return &ranges[i];

  return NULL;
}

static const char *
lookup_pattern (const char *table,
                const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (g_str_equal (patterns[i].table, table) && g_str_equal (patterns[i].column, column))
      return patterns[i].pattern;

  return NULL;
}

/* Small builder helpers: one member each. */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_ref (JsonBuilder *b,
         const char  *def)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def, NULL);

  add_string (b, "$ref", ref);
}

/* "type": "T" or, when nullable, "type": ["T", "null"] */
static void
add_type (JsonBuilder *b,
          const char  *type,
          gboolean     nullable)
{
  json_builder_set_member_name (b, "type");
  if (!nullable)
    {
      json_builder_add_string_value (b, type);
      return;
    }

  json_builder_begin_array (b);
  json_builder_add_string_value (b, type);
  json_builder_add_string_value (b, "null");
  json_builder_end_array (b);
}

static void
add_strings (JsonBuilder        *b,
             const char         *name,
             const char * const *values,
             gboolean            with_null)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  if (with_null)
    json_builder_add_null_value (b);
  json_builder_end_array (b);
}

/* {"$ref": "#/$defs/<def>"} as a whole value */
static void
add_ref_value (JsonBuilder *b,
               const char  *def)
{
  json_builder_begin_object (b);
  add_ref (b, def);
  json_builder_end_object (b);
}

/* {"anyOf": [{"$ref": "#/$defs/<def>"}, {"type": "null"}]} as a whole value */
static void
add_or_null_value (JsonBuilder *b,
                   const char  *def,
                   const char  *description)
{
  json_builder_begin_object (b);
  add_string (b, "description", description);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  add_ref_value (b, def);
  json_builder_begin_object (b);
  add_string (b, "type", "null");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* The value of one column, as put_record() writes it. */
static void
add_column (JsonBuilder           *b,
            const HearthTableSpec *spec,
            const HearthColumn    *column)
{
  gboolean nullable = !(column->flags & HEARTH_COLUMN_FLAGS_REQUIRED);
  const Range *range = lookup_range (spec->table, column->name);
  g_autofree char *description = NULL;

  if (column->references != NULL)
    description = g_strdup_printf ("The id of a record of the %s table", column->references);
  else if (column->flags & HEARTH_COLUMN_FLAGS_PERSONAL)
    description = g_strdup ("Personal: omitted from redacted snapshots");
  else if (range != NULL && range->description != NULL)
    description = g_strdup (range->description);

  json_builder_set_member_name (b, column->name);
  json_builder_begin_object (b);

  if (description != NULL)
    add_string (b, "description", description);

  if (column->references != NULL)
    {
      add_ref (b, nullable ? "id_or_null" : "id");
      json_builder_end_object (b);
      return;
    }

  switch (column->type)
    {
    case HEARTH_COLUMN_TEXT:
      {
        const char *pattern = lookup_pattern (spec->table, column->name);

        add_type (b, "string", nullable);
        add_int (b, "minLength", 1);
        if (pattern != NULL)
          add_string (b, "pattern", pattern);
        break;
      }
    case HEARTH_COLUMN_DATE:
      add_ref (b, nullable ? "date_or_null" : "date");
      break;
    case HEARTH_COLUMN_ENUM:
      add_strings (b, "enum", column->choices, nullable);
      break;
    case HEARTH_COLUMN_INT:
    case HEARTH_COLUMN_DOUBLE:
      add_type (b, column->type == HEARTH_COLUMN_INT ? "integer" : "number", nullable);
      add_int (b, "minimum", range != NULL ? range->minimum : 0);
      if (range != NULL && range->maximum != NO_MAXIMUM)
        add_int (b, "maximum", range->maximum);
      break;
    case HEARTH_COLUMN_BOOL:
      add_type (b, "boolean", nullable);
      break;
    case HEARTH_COLUMN_LIST:
      add_type (b, "array", nullable);
      json_builder_set_member_name (b, "items");
      json_builder_begin_object (b);
      add_string (b, "type", "string");
      json_builder_end_object (b);
      break;
    default:
      g_assert_not_reached ();
    }

  json_builder_end_object (b);
}

static gboolean
is_exported (const HearthColumn *column)
{
  /* A snapshot holds one program. */
  return !g_str_equal (column->name, "program_id");
}

/* $defs/<table>: one record of the table. */
static void
add_record_def (JsonBuilder           *b,
                const HearthTableSpec *spec)
{
  g_autofree char *description = NULL;

  if (spec->key == NULL)
    description = g_strdup ("The exported program");
  else if (spec->has_common)
    description = g_strdup_printf ("A live row of the %s table (soft-deleted rows are only in "
                                   "tombstones)", spec->table);
  else
    description = g_strdup_printf ("A row of the %s table: it has no id of its own and follows "
                                   "its parent record", spec->table);

  json_builder_set_member_name (b, spec->table);
  json_builder_begin_object (b);
  add_string (b, "description", description);
  add_string (b, "type", "object");

  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  if (spec->has_common)
    json_builder_add_string_value (b, "id");
  for (guint c = 0; c < spec->n_columns; c++)
    if (is_exported (&spec->columns[c]) && !(spec->columns[c].flags & HEARTH_COLUMN_FLAGS_PERSONAL))
      json_builder_add_string_value (b, spec->columns[c].name);
  if (spec->has_common)
    {
      json_builder_add_string_value (b, "created_at");
      json_builder_add_string_value (b, "updated_at");
    }
  json_builder_end_array (b);

  add_bool (b, "additionalProperties", FALSE);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  if (spec->has_common)
    {
      json_builder_set_member_name (b, "id");
      add_ref_value (b, "id");
    }
  for (guint c = 0; c < spec->n_columns; c++)
    if (is_exported (&spec->columns[c]))
      add_column (b, spec, &spec->columns[c]);
  if (spec->has_common)
    {
      json_builder_set_member_name (b, "created_at");
      add_ref_value (b, "timestamp");
      json_builder_set_member_name (b, "updated_at");
      add_ref_value (b, "timestamp");
    }
  json_builder_end_object (b);

  json_builder_end_object (b);
}

/* $defs/activity: {"columns": [...], "rows": [[member, day, kind, count], ...]} */
static void
add_activity_def (JsonBuilder *b)
{
  json_builder_set_member_name (b, "activity");
  json_builder_begin_object (b);
  add_string (b, "description", "The activity table as rows of (member id, day, kind, count)");
  add_string (b, "type", "object");
  add_strings (b, "required", (const char * const []) { "columns", "rows", NULL }, FALSE);
  add_bool (b, "additionalProperties", FALSE);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "columns");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_begin_array (b);
  for (guint i = 0; activity_columns[i] != NULL; i++)
    json_builder_add_string_value (b, activity_columns[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_object (b);
  add_string (b, "type", "array");
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  add_string (b, "type", "array");
  json_builder_set_member_name (b, "prefixItems");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  add_string (b, "description", "The id of a record of the member table");
  add_ref (b, "id");
  json_builder_end_object (b);
  add_ref_value (b, "date");
  json_builder_begin_object (b);
  add_strings (b, "enum", hearth_activity_kinds, FALSE);
  json_builder_end_object (b);
  json_builder_begin_object (b);
  add_string (b, "type", "integer");
  add_int (b, "minimum", 1);
  json_builder_end_object (b);
  json_builder_end_array (b);
  add_int (b, "minItems", g_strv_length ((char **)activity_columns));
  add_bool (b, "items", FALSE);
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* $defs/tombstone: {"table", "id", "deleted_at", "erased"?} */
static void
add_tombstone_def (JsonBuilder *b)
{
  const HearthTableSpec *tables;
  guint n_tables;

  json_builder_set_member_name (b, "tombstone");
  json_builder_begin_object (b);
  add_string (b, "description", "A soft-deleted record: its SQL table, its id and when it was deleted");
  add_string (b, "type", "object");
  add_strings (b, "required", (const char * const []) { "table", "id", "deleted_at", NULL }, FALSE);
  add_bool (b, "additionalProperties", FALSE);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);

  /* put_tombstones(): every exported table with ids; the program's own never travels. */
  json_builder_set_member_name (b, "table");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  tables = hearth_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    if (tables[t].has_common && tables[t].key != NULL)
      json_builder_add_string_value (b, tables[t].table);
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "id");
  add_ref_value (b, "id");
  json_builder_set_member_name (b, "deleted_at");
  add_ref_value (b, "timestamp");

  json_builder_set_member_name (b, "erased");
  json_builder_begin_object (b);
  add_string (b, "description", "An erasure: always wins in a merge, whatever the dates");
  add_bool (b, "const", TRUE);
  json_builder_end_object (b);

  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_common_defs (JsonBuilder *b)
{
  json_builder_set_member_name (b, "id");
  json_builder_begin_object (b);
  add_string (b, "description", "A record's id (a UUID), kept across export and import");
  add_string (b, "type", "string");
  add_int (b, "minLength", 1);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "id_or_null");
  add_or_null_value (b, "id", "A record's id, or null when not set");

  json_builder_set_member_name (b, "date");
  json_builder_begin_object (b);
  add_string (b, "description", "A day: YYYY-MM-DD");
  add_string (b, "type", "string");
  add_string (b, "format", "date");
  add_string (b, "pattern", DATE_PATTERN);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "date_or_null");
  add_or_null_value (b, "date", "A day, or null when not set");

  json_builder_set_member_name (b, "timestamp");
  json_builder_begin_object (b);
  add_string (b, "description", "A moment in UTC with milliseconds: YYYY-MM-DDTHH:MM:SS.sssZ");
  add_string (b, "type", "string");
  add_string (b, "format", "date-time");
  add_string (b, "pattern", TIMESTAMP_PATTERN);
  json_builder_end_object (b);
}

static void
add_settings_property (JsonBuilder *b)
{
  g_autoptr(GString) description = g_string_new ("Per-program settings, every value a string. "
                                                  "Documented keys: ");
  const HearthSettingSpec *specs;
  guint n_specs;

  specs = hearth_settings_get_specs (&n_specs);
  for (guint i = 0; i < n_specs; i++)
    g_string_append_printf (description, "%s%s", i > 0 ? ", " : "", specs[i].key);
  g_string_append (description, "; other tools may add their own. A redacted snapshot omits "
                                "every e-mail address.");

  json_builder_set_member_name (b, "settings");
  json_builder_begin_object (b);
  add_string (b, "description", description->str);
  add_string (b, "type", "object");
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_begin_object (b);
  add_string (b, "type", "string");
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static JsonNode *
build_schema (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const HearthTableSpec *tables;
  guint n_tables;

  tables = hearth_schema_get_tables (&n_tables);

  json_builder_begin_object (b);
  add_string (b, "$schema", "https://json-schema.org/draft/2020-12/schema");
  add_string (b, "$id", SCHEMA_ID);
  add_string (b, "title", "Hearth program snapshot, version 1");
  add_string (b, "description",
              "One ambassador program exported by Hearth: its records by table, with the SQL "
              "column names of the database (program_id left out), activity as compact rows, and "
              "soft-deleted records as tombstones. Until Hearth 0.1.0, a missing table array "
              "means an empty one.");
  add_string (b, "type", "object");
  add_strings (b, "required",
               (const char * const []) {
                 "format", "version", "exported_at", "generator", "redacted", "program", NULL
               }, FALSE);
  add_bool (b, "additionalProperties", FALSE);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "format");
  json_builder_begin_object (b);
  add_string (b, "const", HEARTH_SNAPSHOT_FORMAT);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  add_int (b, "const", HEARTH_SNAPSHOT_VERSION);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "exported_at");
  add_ref_value (b, "timestamp");

  json_builder_set_member_name (b, "generator");
  json_builder_begin_object (b);
  add_string (b, "description", "The program that wrote the file and its version");
  add_string (b, "type", "string");
  add_int (b, "minLength", 1);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "redacted");
  json_builder_begin_object (b);
  add_string (b, "description", "Whether personal fields and e-mail addresses were left out");
  add_string (b, "type", "boolean");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "program");
  add_ref_value (b, "program");

  add_settings_property (b);

  /* The arrays in the exporter's order (write_snapshot()). */
  for (guint t = 0; t < n_tables; t++)
    {
      if (tables[t].key == NULL)
        continue;

      json_builder_set_member_name (b, tables[t].key);
      json_builder_begin_object (b);
      add_string (b, "type", "array");
      json_builder_set_member_name (b, "items");
      add_ref_value (b, tables[t].table);
      json_builder_end_object (b);

      if (g_str_equal (tables[t].table, "member_status_change"))
        {
          json_builder_set_member_name (b, "activity");
          add_ref_value (b, "activity");
        }
    }

  json_builder_set_member_name (b, "tombstones");
  json_builder_begin_object (b);
  add_string (b, "type", "array");
  json_builder_set_member_name (b, "items");
  add_ref_value (b, "tombstone");
  json_builder_end_object (b);

  json_builder_end_object (b);

  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  add_common_defs (b);
  for (guint t = 0; t < n_tables; t++)
    add_record_def (b, &tables[t]);
  add_activity_def (b);
  add_tombstone_def (b);
  json_builder_end_object (b);

  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* Printing: json-glib's pretty printer writes `"key" : value` and `{  }`, so this one writes the
 * usual layout instead: two-space indent, members in the order they were added, and on one line
 * arrays of plain values (required lists, enums) and objects of one such member ($ref, enum). */

static void
print_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void print_node (GString *out, JsonNode *node, guint depth);

static gboolean
is_plain (JsonNode *node)
{
  return JSON_NODE_TYPE (node) == JSON_NODE_VALUE || JSON_NODE_TYPE (node) == JSON_NODE_NULL;
}

static gboolean
is_flat (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_plain (json_array_get_element (array, i)))
      return FALSE;

  return TRUE;
}

/* {"$ref": …}, {"enum": [plain values]} */
static gboolean
is_flat_object (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonNode *only;

  if (json_object_get_size (object) != 1)
    return FALSE;

  only = json_object_get_member (object, members->data);
  return is_plain (only) || (JSON_NODE_HOLDS_ARRAY (only) && is_flat (json_node_get_array (only)));
}

static void
print_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;
        gboolean flat = is_flat_object (json_node_get_object (node));

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!flat)
              g_string_append_printf (out, "%s\n%*s", first ? "" : ",", (int)(depth + 1) * 2, "");
            first = FALSE;
            print_string (out, name);
            g_string_append (out, ": ");
            print_node (out, member, depth + 1);
          }
        if (!first && !flat)
          g_string_append_printf (out, "\n%*s", (int)depth * 2, "");
        g_string_append_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        gboolean flat = is_flat (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (flat)
              g_string_append (out, i > 0 ? ", " : "");
            else
              g_string_append_printf (out, "%s\n%*s", i > 0 ? "," : "", (int)(depth + 1) * 2, "");
            print_node (out, json_array_get_element (array, i), depth + 1);
          }
        if (!flat && n > 0)
          g_string_append_printf (out, "\n%*s", (int)depth * 2, "");
        g_string_append_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          print_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
generate (GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  if (!check_constraints (error))
    return NULL;

  root = build_schema ();
  out = g_string_new (NULL);
  print_node (out, root, 0);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* --check FILE: one TAP test */
static int
check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_auto(GStrv) expected_lines = NULL;
  g_auto(GStrv) actual_lines = NULL;
  guint line;

  printf ("1..1\n");

  if (!(expected = generate (&error)))
    {
      printf ("not ok 1 - the schema can be generated\n");
      fprintf (stderr, "# %s\n", error->message);
      return 1;
    }

  if (!g_file_get_contents (path, &actual, NULL, &error))
    {
      printf ("not ok 1 - %s exists\n", SCHEMA_FILE);
      fprintf (stderr, "# %s\n# generate it with: %s\n", error->message, REGENERATE);
      return 1;
    }

  if (g_str_equal (expected, actual))
    {
      printf ("ok 1 - %s matches the table descriptions\n", SCHEMA_FILE);
      return 0;
    }

  expected_lines = g_strsplit (expected, "\n", -1);
  actual_lines = g_strsplit (actual, "\n", -1);
  for (line = 0; expected_lines[line] != NULL && actual_lines[line] != NULL; line++)
    if (!g_str_equal (expected_lines[line], actual_lines[line]))
      break;

  printf ("not ok 1 - %s matches the table descriptions\n", SCHEMA_FILE);
  fprintf (stderr,
           "# %s is out of date: the table descriptions (src/core/hearth-schema.c) or the\n"
           "# generator changed. Regenerate it from the source root after building:\n"
           "#   %s\n"
           "# first difference at line %u:\n"
           "#   generated: %s\n"
           "#   file:      %s\n",
           path, REGENERATE, line + 1,
           expected_lines[line] != NULL ? expected_lines[line] : "(end of output)",
           actual_lines[line] != NULL ? actual_lines[line] : "(end of file)");
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--check"))
    return check (argv[2]);

  if (argc != 1)
    {
      fprintf (stderr, "usage: %s [--check FILE]\n", argv[0]);
      return 2;
    }

  if (!(schema = generate (&error)))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }

  fputs (schema, stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
