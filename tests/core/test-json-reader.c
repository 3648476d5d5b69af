/* test-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The streaming reader of DESIGN §6: records come one at a time with their path, every error
 * names its line, column (in characters) and path without quoting a value, and every kind of
 * bad input — deep nesting, bad escapes and UTF-8, huge strings, odd numbers, duplicate keys,
 * truncation at any byte — is refused cleanly. Each document is copied into a buffer of exactly
 * its size, so AddressSanitizer catches any read past the end.
 */

#include "config.h"

#include <string.h>

#include "hearth-json-reader.h"
#include "test-util.h"

#define MB (1024 * 1024)

static HearthJsonReader *
reader_for (const char *json,
            gssize      len)
{
  g_autoptr(GBytes) bytes = NULL;

  if (len < 0)
    len = strlen (json);

  /* No terminating NUL and nothing after the last byte, as in a mapping of the exact size. */
  bytes = g_bytes_new_take (g_memdup2 (json, len), len);

  return hearth_json_reader_new (bytes);
}

/* Reads a whole document as one node, as for a small file. */
static JsonNode *
parse_with (HearthJsonReader  *reader,
            GError           **error)
{
  g_autoptr(JsonNode) node = hearth_json_reader_read_node (reader, error);

  if (node == NULL || !hearth_json_reader_end (reader, error))
    return NULL;

  return g_steal_pointer (&node);
}

static JsonNode *
parse (const char  *json,
       gssize       len,
       GError     **error)
{
  g_autoptr(HearthJsonReader) reader = reader_for (json, len);

  return parse_with (reader, error);
}

/* Reads a value by entering every container and reading every scalar on its own: the way an
 * importer walks a file. @error must not be NULL. */
static gboolean
walk (HearthJsonReader  *reader,
      GError           **error)
{
  switch (hearth_json_reader_peek (reader, error))
    {
    case HEARTH_JSON_NONE:
      return FALSE;

    case HEARTH_JSON_OBJECT:
      if (!hearth_json_reader_enter_object (reader, error))
        return FALSE;
      while (hearth_json_reader_next_key (reader, error) != NULL)
        if (!walk (reader, error))
          return FALSE;
      return *error == NULL;

    case HEARTH_JSON_ARRAY:
      if (!hearth_json_reader_enter_array (reader, error))
        return FALSE;
      while (hearth_json_reader_next_element (reader, error))
        if (!walk (reader, error))
          return FALSE;
      return *error == NULL;

    case HEARTH_JSON_NULL:
    case HEARTH_JSON_BOOLEAN:
    case HEARTH_JSON_NUMBER:
    case HEARTH_JSON_STRING:
    default:
      {
        g_autoptr(JsonNode) node = hearth_json_reader_read_node (reader, error);

        return node != NULL;
      }
    }
}

static gboolean
walk_document (const char  *json,
               gssize       len,
               GError     **error)
{
  g_autoptr(HearthJsonReader) reader = reader_for (json, len);

  return walk (reader, error) && hearth_json_reader_end (reader, error);
}

/* Checks that @json is refused at @line:@column and @path (0 and NULL: not checked), with a
 * message that contains @part, in all three ways of reading it: whole, walked and skipped. */
static void
check_refused_len (const char *json,
                   gssize      len,
                   guint       line,
                   guint       column,
                   const char *path,
                   const char *part)
{
  g_autoptr(HearthJsonReader) reader = reader_for (json, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) walk_error = NULL;
  g_autoptr(GError) skip_error = NULL;
  g_autoptr(JsonNode) node = parse_with (reader, &error);
  g_autoptr(HearthJsonReader) skipper = reader_for (json, len);

  g_assert_null (node);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);

  if (line > 0)
    {
      g_autofree char *prefix = NULL;

      if (path != NULL && path[0] != '\0')
        prefix = g_strdup_printf ("%u:%u: %s: ", line, column, path);
      else
        prefix = g_strdup_printf ("%u:%u: ", line, column);

      if (!g_str_has_prefix (error->message, prefix))
        g_error ("expected \"%s…\", got \"%s\"", prefix, error->message);
      g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, line);
      g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, column);
    }
  if (path != NULL)
    g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, path);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("expected \"%s\" in \"%s\"", part, error->message);

  /* Walking the document finds the same error, at the same place. */
  g_assert_false (walk_document (json, len, &walk_error));
  g_assert_error (walk_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (walk_error->message, ==, error->message);

  /* Skipping it finds an error too (skipped values are not checked for duplicate keys). */
  if (part == NULL || strstr (part, "duplicate") == NULL)
    {
      g_assert_false (hearth_json_reader_end (skipper, &skip_error));
      g_assert_error (skip_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    }
}

static void
check_refused (const char *json,
               guint       line,
               guint       column,
               const char *path,
               const char *part)
{
  check_refused_len (json, -1, line, column, path, part);
}

static JsonNode *
check_accepted_len (const char *json,
                    gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) walk_error = NULL;
  g_autoptr(JsonNode) node = parse (json, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  g_assert_true (walk_document (json, len, &walk_error));
  g_assert_no_error (walk_error);

  return g_steal_pointer (&node);
}

static JsonNode *
check_accepted (const char *json)
{
  return check_accepted_len (json, -1);
}

/* The decoded value of the JSON string @json. */
static char *
decode_string (const char *json,
               gssize      len)
{
  g_autoptr(JsonNode) node = check_accepted_len (json, len);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_dup_string (node);
}

static const char snapshot[] =
  "{\n"
  "  \"format\": \"hearth-program-snapshot\",\n"
  "  \"version\": 1,\n"
  "  \"unknown\": {\"deep\": [1, 2, {\"x\": [null, true, false, \"s\"]}], \"n\": -1.5e3},\n"
  "  \"members\": [\n"
  "    {\"id\": \"m1\", \"display_name\": \"Ada\", \"joined_on\": \"2024-01-02\", "
  "\"identity_tags\": [\"a\", \"b\"]},\n"
  "    {\"id\": \"m2\", \"display_name\": \"Zoë 😀\", \"joined_on\": null, \"score\": 2.5}\n"
  "  ],\n"
  "  \"ignored\": \"left unread\",\n"
  "  \"roles\": [],\n"
  "  \"settings\": {\"window_weeks\": \"12\"}\n"
  "}";

static void
test_records (void)
{
  g_autoptr(HearthJsonReader) reader = reader_for (snapshot, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n_members = 0;
  const char *key;

  g_assert_cmpint (hearth_json_reader_peek (reader, &error), ==, HEARTH_JSON_OBJECT);
  g_assert_true (hearth_json_reader_enter_object (reader, &error));
  g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, "");

  while ((key = hearth_json_reader_next_key (reader, &error)) != NULL)
    {
      g_ptr_array_add (keys, g_strdup (key));
      g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, key);

      if (g_str_equal (key, "format"))
        {
          g_autoptr(JsonNode) node = NULL;

          g_assert_cmpint (hearth_json_reader_peek (reader, &error), ==, HEARTH_JSON_STRING);
          node = hearth_json_reader_read_node (reader, &error);
          g_assert_cmpstr (json_node_get_string (node), ==, "hearth-program-snapshot");
        }
      else if (g_str_equal (key, "version"))
        {
          g_autoptr(JsonNode) node = hearth_json_reader_read_node (reader, &error);

          g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
          g_assert_cmpint (json_node_get_int (node), ==, 1);
        }
      else if (g_str_equal (key, "unknown"))
        g_assert_true (hearth_json_reader_skip_value (reader, &error));
      else if (g_str_equal (key, "members"))
        {
          g_assert_true (hearth_json_reader_enter_array (reader, &error));

          while (hearth_json_reader_next_element (reader, &error))
            {
              g_autofree char *path = g_strdup_printf ("members[%u]", n_members);
              g_autoptr(JsonNode) record = NULL;
              JsonObject *object;

              g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, path);
              /* The position of the record itself, for messages about it. */
              g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, 6 + n_members);
              g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, 5);

              record = hearth_json_reader_read_node (reader, &error);
              g_assert_no_error (error);
              g_assert_true (JSON_NODE_HOLDS_OBJECT (record));
              object = json_node_get_object (record);

              if (n_members == 0)
                {
                  JsonArray *tags = json_object_get_array_member (object, "identity_tags");

                  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "m1");
                  g_assert_cmpstr (json_object_get_string_member (object, "joined_on"), ==,
                                   "2024-01-02");
                  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
                  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "b");
                }
              else
                {
                  g_assert_cmpstr (json_object_get_string_member (object, "display_name"), ==,
                                   "Zoë 😀");
                  g_assert_true (json_object_get_null_member (object, "joined_on"));
                  g_assert_cmpfloat (json_object_get_double_member (object, "score"), ==, 2.5);
                }
              n_members++;
            }
          g_assert_no_error (error);
          g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, "members");
        }
      else if (g_str_equal (key, "roles"))
        {
          g_assert_true (hearth_json_reader_enter_array (reader, &error));
          g_assert_false (hearth_json_reader_next_element (reader, &error));
          g_assert_no_error (error);
        }
      else if (g_str_equal (key, "settings"))
        {
          g_autoptr(JsonNode) node = NULL;

          g_assert_true (hearth_json_reader_enter_object (reader, &error));
          g_assert_cmpstr (hearth_json_reader_next_key (reader, &error), ==, "window_weeks");
          g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, "settings.window_weeks");
          node = hearth_json_reader_read_node (reader, &error);
          g_assert_cmpstr (json_node_get_string (node), ==, "12");
          g_assert_null (hearth_json_reader_next_key (reader, &error));
          g_assert_no_error (error);
        }
      /* "ignored" is left unread: the next call skips it. */
      g_assert_no_error (error);
    }

  g_assert_no_error (error);
  g_assert_cmpuint (n_members, ==, 2);
  g_assert_cmpuint (keys->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (keys, 4), ==, "ignored");
  g_assert_true (hearth_json_reader_end (reader, &error));
  g_assert_no_error (error);
}

/* An unread top-level value is checked and skipped by end(). */
static void
test_skip_document (void)
{
  g_autoptr(HearthJsonReader) reader = reader_for (snapshot, -1);
  g_autoptr(HearthJsonReader) reader2 = reader_for (snapshot, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_json_reader_end (reader, &error));
  g_assert_no_error (error);

  /* Entered, then left without reading a single key's value. */
  g_assert_true (hearth_json_reader_enter_object (reader2, &error));
  while (hearth_json_reader_next_key (reader2, &error) != NULL)
    ;
  g_assert_no_error (error);
  g_assert_true (hearth_json_reader_end (reader2, &error));
}

static void
test_paths (void)
{
  g_autoptr(GString) members = g_string_new ("{\"format\": \"x\", \"members\": [");
  g_autofree char *long_key = g_strnfill (100, 'k');
  g_autofree char *long_doc = NULL;
  g_autofree char *long_path = NULL;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (members, "{\"id\": \"m%u\", \"joined_on\": \"2024-01-01\"}, ", i);
  g_string_append (members, "{\"id\": \"m12\", \"joined_on\": \"2024\\x01-01\"}]}");

  check_refused (members->str, 0, 0, "members[12].joined_on", "invalid escape sequence");
  check_refused ("{\"a\": {\"b\": [0, [1, {\"c\": tru}]]}}", 1, 27, "a.b[1][1].c",
                 "invalid literal");
  check_refused ("[1, 2, x]", 1, 8, "[2]", "expected a value, found 'x'");
  check_refused ("{\"a b\": {\"x\\\"y\": nul}}", 1, 18, "[\"a b\"][\"x\\\"y\"]", NULL);
  check_refused ("{\"settings\": {\"a.b\": [{\"_x-1\": +1}]}}", 1, 32,
                 "settings[\"a.b\"][0]._x-1", "'+'");

  /* A key too long to show in full is cut, at a character. */
  long_doc = g_strdup_printf ("{\"%s\": x}", long_key);
  long_path = g_strdup_printf ("[\"%.64s…\"]", long_key);
  check_refused (long_doc, 1, 106, long_path, NULL);

  /* A path is back to its container's once a value is done. */
  check_refused ("{\"members\": [{\"id\": 1}], \"roles\": [[]], \"x\": 1,}", 1, 47, "",
                 "trailing comma before '}'");
  check_refused ("{\"members\": [{\"id\": 1}, {\"id\": 2} 3]}", 1, 35, "members",
                 "expected ',' or ']', found '3'");
}

static void
test_positions (void)
{
  g_autoptr(HearthJsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  /* Columns count characters: é is two bytes, 😀 four, each one column. */
  check_refused ("{\"a\":\n  \"é😀x\\q\"}", 2, 7, "a", "invalid escape sequence");
  check_refused ("{\"é😀\": 1, \"b\": @}", 1, 16, "b", "found '@'");

  /* "\r\n" is one line break, and so is a lone "\r". */
  check_refused ("{\r\n\"a\":\r\n  [1,\r\n  2,\r\n  x]}", 5, 3, "a[2]", NULL);
  check_refused ("{\r\"a\":\r\rtru}", 4, 1, "a", "invalid literal");
  check_refused ("\n\n\n", 4, 1, "", "the file is empty");

  /* A tab is one column; a byte order mark is none. */
  check_refused ("\t[\t1,\tx]", 1, 7, "[1]", NULL);
  check_refused ("\xef\xbb\xbf{\"a\":x}", 1, 6, "a", NULL);

  /* An error found lines after its place (a trailing comma) is still put at its place. */
  check_refused ("[\n  1,\n\n]", 2, 4, "", "trailing comma before ']'");
  check_refused ("{\"a\": [\n  1,\n  2,\r\n\r\n  ]}", 3, 4, "a", "trailing comma");

  /* A long line of multi-byte text. */
  {
    g_autoptr(GString) json = g_string_new ("[\"");

    for (guint i = 0; i < 10000; i++)
      g_string_append (json, "مرحبا ");
    g_string_append (json, "\", x]");
    check_refused (json->str, 1, 60006, "[1]", NULL);
  }

  /* Without an error, the position is that of the key, element or value last reached. */
  reader = reader_for ("{\n  \"a\": [\n    10,\n    \"é\", 30]}", -1);
  g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, 1);
  g_assert_true (hearth_json_reader_enter_object (reader, &error));
  g_assert_cmpstr (hearth_json_reader_next_key (reader, &error), ==, "a");
  g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, 3);
  g_assert_true (hearth_json_reader_enter_array (reader, &error));
  g_assert_true (hearth_json_reader_next_element (reader, &error));
  g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, 3);
  g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, 5);
  g_assert_true (hearth_json_reader_next_element (reader, &error));
  g_assert_true (hearth_json_reader_next_element (reader, &error));
  g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, "a[2]");
  g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, 4);
  g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, 10);
  g_assert_no_error (error);
}

static char *
nested (const char *open,
        const char *middle,
        const char *close,
        guint       depth)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (json, open);
  g_string_append (json, middle);
  for (guint i = 0; i < depth; i++)
    g_string_append (json, close);

  return g_string_free (json, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *arrays_64 = nested ("[", "", "]", 64);
  g_autofree char *arrays_65 = nested ("[", "", "]", 65);
  g_autofree char *objects_64 = nested ("{\"a\":", "1", "}", 64);
  g_autofree char *objects_65 = nested ("{\"a\":", "1", "}", 65);
  g_autofree char *path_64 = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node2 = NULL;

  node = check_accepted (arrays_64);
  node2 = check_accepted (objects_64);

  for (guint i = 0; i < 64; i++)
    g_string_append (path, "[0]");
  check_refused (arrays_65, 1, 65, path->str, "nesting deeper than 64 levels");

  g_string_truncate (path, 0);
  for (guint i = 0; i < 64; i++)
    g_string_append (path, i == 0 ? "a" : ".a");
  check_refused (objects_65, 1, 321, path->str, "nesting deeper than 64 levels");

  /* Entered levels and levels read inside a record count alike. */
  for (guint levels = 1; levels <= 64; levels += 9)
    {
      g_autoptr(HearthJsonReader) ok = reader_for (arrays_64, -1);
      g_autoptr(HearthJsonReader) deep = reader_for (arrays_65, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) deep_error = NULL;

      for (guint i = 0; i < levels; i++)
        {
          g_assert_true (hearth_json_reader_enter_array (ok, &error));
          g_assert_cmpint (hearth_json_reader_next_element (ok, &error), ==, i + 1 < 64);
        }
      if (levels < 64)
        {
          g_autoptr(JsonNode) inner = hearth_json_reader_read_node (ok, &error);

          g_assert_nonnull (inner);
        }
      /* The innermost empty array was already left when its end was reached. */
      for (guint i = 0; i < (levels < 64 ? levels : 63); i++)
        g_assert_false (hearth_json_reader_next_element (ok, &error));
      g_assert_true (hearth_json_reader_end (ok, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < levels; i++)
        {
          g_assert_true (hearth_json_reader_enter_array (deep, &deep_error));
          g_assert_true (hearth_json_reader_next_element (deep, &deep_error));
        }
      if (levels < 64)
        {
          g_autoptr(JsonNode) inner = hearth_json_reader_read_node (deep, &deep_error);

          g_assert_null (inner);
        }
      else
        g_assert_false (hearth_json_reader_enter_array (deep, &deep_error));
      g_assert_error (deep_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (deep_error->message, "1:65: "));
      g_assert_nonnull (strstr (deep_error->message, "nesting deeper than 64 levels"));
    }
}

/* json-glib crashes on these (DESIGN §6); the reader stops at level 65 without recursing. */
static void
test_deep_nesting (void)
{
  g_autofree char *open_arrays = nested ("[", "", "", 100000);
  g_autofree char *arrays = nested ("[", "", "]", 100000);
  g_autofree char *open_objects = nested ("{\"a\":", "", "", 100000);
  g_autofree char *objects = nested ("{\"a\":", "1", "}", 100000);
  g_autofree char *mixed = nested ("[{\"a\":", "", "", 50000);

  check_refused (open_arrays, 1, 65, NULL, "nesting deeper than 64 levels");
  check_refused (arrays, 1, 65, NULL, "nesting deeper than 64 levels");
  check_refused (open_objects, 1, 321, NULL, "nesting deeper than 64 levels");
  check_refused (objects, 1, 321, NULL, "nesting deeper than 64 levels");
  check_refused (mixed, 1, 193, NULL, "nesting deeper than 64 levels");

  /* An importer that enters level after level is stopped the same way. */
  {
    g_autoptr(HearthJsonReader) reader = reader_for (arrays, -1);
    g_autoptr(GError) error = NULL;
    guint levels = 0;

    while (hearth_json_reader_enter_array (reader, &error) &&
           hearth_json_reader_next_element (reader, &error))
      levels++;
    g_assert_cmpuint (levels, ==, 64);
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  }
}

static void
test_escapes (void)
{
  static const struct
  {
    const char *json;
    guint       column;
    const char *part;
  } bad[] = {
    { "\"a\\x\"", 3, "invalid escape sequence" },
    { "\"a\\a\"", 3, "invalid escape sequence" },
    { "\"a\\U0041\"", 3, "invalid escape sequence" },
    { "\"a\\'\"", 3, "invalid escape sequence" },
    { "\"\\u12\"", 2, "four hexadecimal digits" },
    { "\"\\u12G4\"", 2, "four hexadecimal digits" },
    { "\"\\uZZZZ\"", 2, "four hexadecimal digits" },
    { "\"\\u 123\"", 2, "four hexadecimal digits" },
    { "\"ab\\u0000cd\"", 4, "\\u0000 is not allowed" },
    { "\"\\u0000\"", 2, "\\u0000 is not allowed" },
    { "\"\\ud800\"", 2, "unpaired surrogate" },
    { "\"\\uDBFF\"", 2, "unpaired surrogate" },
    { "\"\\udc00\"", 2, "unpaired surrogate" },
    { "\"\\udfff\\ud800\"", 2, "unpaired surrogate" },
    { "\"\\ud800\\u0041\"", 2, "unpaired surrogate" },
    { "\"\\ud800\\ud800\"", 2, "unpaired surrogate" },
    { "\"\\ud800x\"", 2, "unpaired surrogate" },
    { "\"\\ud800\\n\"", 2, "unpaired surrogate" },
    { "\"\\ud800\\u12\"", 8, "four hexadecimal digits" },
    { "\"a\x01\"", 3, "control character U+0001" },
    { "\"a\x1f\"", 3, "control character U+001F" },
    { "\"a\tb\"", 3, "control character U+0009" },
    { "\"a\nb\"", 3, "control character U+000A" },
    { "\"abc", 1, "unterminated string" },
    { "\"abc\\", 1, "unterminated string" },
  };
  static const struct
  {
    const char *json;
    const char *decoded;
  } good[] = {
    { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t" },
    { "\"\\u0041\\u00e9\\u00E9\\u20ac\"", "Aéé€" },
    { "\"\\ud83d\\ude00 \\uD83D\\uDE00\"", "😀 😀" },
    { "\"\\udbff\\udfff\"", "\xf4\x8f\xbf\xbf" },
    { "\"\\u0001\\u001f\\u007f\"", "\x01\x1f\x7f" },
    { "\"\"", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i].json);
      check_refused (bad[i].json, 1, bad[i].column, "", bad[i].part);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *decoded = decode_string (good[i].json, -1);

      g_assert_cmpstr (decoded, ==, good[i].decoded);
    }

  /* Raw NUL bytes, inside a string and out. */
  check_refused_len ("\"a\0b\"", 5, 1, 3, "", "control character U+0000");
  check_refused_len ("[1,\0]", 5, 1, 4, "[1]", "found U+0000");

  /* Keys are strings like any other. */
  check_refused ("{\"a\\u0000\": 1}", 1, 4, "", "\\u0000 is not allowed");
  check_refused ("{\"ok\": {\"\\udc00\": 1}}", 1, 10, "ok", "unpaired surrogate");
}

static void
test_utf8 (void)
{
  static const char * const bad[] = {
    "\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xf0\x80\x80\xaf",
    "\xf0\x8f\xbf\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xa0\xbd\xed\xb8\x80",
    "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
    "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xc3" "a", "\xe2" "ab", "\xe2\x82" "a", "\xc3\xc3\xa9",
  };
  static const char * const good[] = {
    "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
    "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\x7f",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *closed = g_strdup_printf ("\"é%s\"", bad[i]);
      g_autofree char *cut = g_strdup_printf ("\"é%s", bad[i]);
      g_autofree char *key = g_strdup_printf ("{\"é\": {\"é%s\": 1}}", bad[i]);

      check_refused (closed, 1, 3, "", "invalid UTF-8 in a string");
      check_refused (cut, 1, 3, "", "invalid UTF-8 in a string");
      check_refused (key, 1, 10, "[\"é\"]", "invalid UTF-8 in a string");
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *json = g_strdup_printf ("\"%s\"", good[i]);
      g_autofree char *decoded = decode_string (json, -1);

      g_assert_cmpstr (decoded, ==, good[i]);
    }

  /* Outside strings, a stray character is named; broken UTF-8 is called that. */
  check_refused ("[1, \xff]", 1, 5, "[1]", "found invalid UTF-8");
  check_refused ("[1, \xc3\xa9]", 1, 5, "[1]", "found U+00E9");
  check_refused ("[1, \xc3]", 1, 5, "[1]", "found invalid UTF-8");
}

static void
test_long_strings (void)
{
  g_autoptr(GString) json = g_string_new ("\"");
  g_autoptr(GString) escaped = g_string_new ("[1, \"");
  g_autofree char *xs = g_strnfill (MB, 'x');
  g_autofree char *decoded = NULL;

  /* Exactly 1 MB is fine, one byte more is not. */
  g_string_append_len (json, xs, MB);
  g_string_append_c (json, '"');
  decoded = decode_string (json->str, json->len);
  g_assert_cmpuint (strlen (decoded), ==, MB);

  g_string_insert_c (json, 1, 'y');
  check_refused_len (json->str, json->len, 1, 1, "", "string longer than 1 MB");

  /* 2 MB, read or skipped. */
  g_string_truncate (json, json->len - 1);
  g_string_append_len (json, xs, MB);
  g_string_append_c (json, '"');
  g_assert_cmpuint (json->len, >, 2 * MB);
  check_refused_len (json->str, json->len, 1, 1, "", "string longer than 1 MB");

  /* The limit is on the decoded string: 512 Ki escapes of a two-byte character are 1 MB. */
  for (guint i = 0; i < MB / 2; i++)
    g_string_append (escaped, "\\u00e9");
  g_string_append (escaped, "\"]");
  {
    g_autoptr(JsonNode) node = check_accepted_len (escaped->str, escaped->len);

    g_assert_cmpuint (strlen (json_array_get_string_element (json_node_get_array (node), 1)),
                      ==, MB);
  }
  g_string_insert (escaped, 5, "é");
  check_refused_len (escaped->str, escaped->len, 1, 5, "[1]", "string longer than 1 MB");

  /* Keys too. */
  g_string_assign (json, "{\"");
  for (guint i = 0; i <= MB; i++)
    g_string_append_c (json, 'k');
  g_string_append (json, "\": 1}");
  check_refused_len (json->str, json->len, 1, 2, "", "string longer than 1 MB");
}

static void
test_duplicate_keys (void)
{
  g_autoptr(HearthJsonReader) reader = reader_for ("{\"a\":1,\"b\":2,\"a\":3}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* In a streamed object. */
  g_assert_true (hearth_json_reader_enter_object (reader, &error));
  g_assert_cmpstr (hearth_json_reader_next_key (reader, &error), ==, "a");
  g_assert_cmpstr (hearth_json_reader_next_key (reader, &error), ==, "b");
  g_assert_null (hearth_json_reader_next_key (reader, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1:14: duplicate key \"a\"");

  /* In a record: the path names the record, the message the key. */
  check_refused ("{\"members\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3},\n"
                 "  {\"id\": \"x\", \"name\": \"y\", \"id\": \"z\"}]}",
                 2, 28, "members[3]", "duplicate key \"id\"");

  /* Keys are compared decoded; quotes in a key are escaped in the message. */
  check_refused ("{\"a\": 1, \"\\u0061\": 2}", 1, 10, "", "duplicate key \"a\"");
  check_refused ("{\"x\": {\"q\\\"\": 1, \"q\\\"\": 2}}", 1, 18, "x", "duplicate key \"q\\\"\"");

  /* The same key in different objects is fine. */
  node = check_accepted ("{\"a\": {\"a\": 1}, \"b\": {\"a\": [{\"a\": 1}, {\"a\": 2}]}}");
}

static void
test_numbers (void)
{
  static const struct
  {
    const char *json;
    gboolean    is_int;
    gint64      int_value;
    double      double_value;
  } good[] = {
    { "0", TRUE, 0, 0 },
    { "-0", TRUE, 0, 0 },
    { "7", TRUE, 7, 0 },
    { "-7", TRUE, -7, 0 },
    { "1234567890123", TRUE, G_GINT64_CONSTANT (1234567890123), 0 },
    { "9223372036854775807", TRUE, G_MAXINT64, 0 },
    { "-9223372036854775808", TRUE, G_MININT64, 0 },
    { "0.5", FALSE, 0, 0.5 },
    { "-0.5", FALSE, 0, -0.5 },
    { "1.25e2", FALSE, 0, 125.0 },
    { "1E2", FALSE, 0, 100.0 },
    { "1e+2", FALSE, 0, 100.0 },
    { "1e-2", FALSE, 0, 0.01 },
    { "-1.5E-3", FALSE, 0, -0.0015 },
    { "0e0", FALSE, 0, 0.0 },
    { "10.000000000000000000000000000000000000000000000000000000000000000000000001", FALSE, 0,
      10.0 },
    { "1.7976931348623157e308", FALSE, 0, 1.7976931348623157e308 },
    { "1e-400", FALSE, 0, 0.0 },
  };
  static const struct
  {
    const char *json;
    guint       column;
    const char *part;
  } bad[] = {
    { "01", 1, "leading zeros" },
    { "-01", 1, "leading zeros" },
    { "00", 1, "leading zeros" },
    { "+1", 1, "must not start with '+'" },
    { ".5", 1, "must start with a digit" },
    { "-.5", 1, "expected a digit after '-'" },
    { "-", 1, "expected a digit after '-'" },
    { "- 1", 1, "expected a digit after '-'" },
    { "1.", 1, "expected a digit after '.'" },
    { "1.e5", 1, "expected a digit after '.'" },
    { "1e", 1, "expected a digit in the exponent" },
    { "1e+", 1, "expected a digit in the exponent" },
    { "1E-x", 1, "expected a digit in the exponent" },
    { "NaN", 1, "NaN and Infinity are not allowed" },
    { "Infinity", 1, "NaN and Infinity are not allowed" },
    { "-Infinity", 1, "NaN and Infinity are not allowed" },
    { "0x10", 2, "found 'x'" },
    { "1_000", 2, "found '_'" },
    { "1e400", 1, "number out of range" },
    { "-1e400", 1, "number out of range" },
    { "9223372036854775808", 1, "integer out of range: it must fit in 64 bits" },
    { "-9223372036854775809", 1, "integer out of range: it must fit in 64 bits" },
    { "18446744073709551616", 1, "integer out of range" },
    { "99999999999999999999999999999", 1, "integer out of range" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *in_array = g_strdup_printf ("[%s]", good[i].json);
      g_autoptr(JsonNode) node = check_accepted (good[i].json);
      g_autoptr(JsonNode) array = check_accepted (in_array);

      g_test_message ("%s", good[i].json);
      if (good[i].is_int)
        {
          g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
          g_assert_cmpint (json_node_get_int (node), ==, good[i].int_value);
        }
      else
        {
          g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
          g_assert_cmpfloat (json_node_get_double (node), ==, good[i].double_value);
        }
      g_assert_true (json_node_equal (node, json_array_get_element (json_node_get_array (array),
                                                                     0)));
    }

  /* Long numbers are read up to the string limit, then refused. */
  {
    g_autoptr(GString) json = g_string_new ("[0.");
    g_autoptr(JsonNode) node = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (json, '1' + i % 9);
    g_string_append (json, "]");
    node = check_accepted_len (json->str, json->len);
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (json_node_get_array (node), 0),
                                    0.12345678912345678, 1e-15);

    g_string_truncate (json, json->len - 1);
    while (json->len <= MB + 2)
      g_string_append (json, "0000000000");
    g_string_append (json, "]");
    check_refused_len (json->str, json->len, 1, 2, "[0]", "number longer than 1 MB");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *in_object = g_strdup_printf ("{\"n\": %s}", bad[i].json);

      g_test_message ("%s", bad[i].json);
      check_refused (bad[i].json, 1, bad[i].column, "", bad[i].part);
      /* In an object the number is followed by '}', which must not change anything. */
      if (bad[i].column == 1)
        check_refused (in_object, 1, 6 + bad[i].column, "n", bad[i].part);
    }
}

static void
test_literals_and_structure (void)
{
  static const struct
  {
    const char *json;
    guint       column;
    const char *path;
    const char *part;
  } bad[] = {
    { "tru", 1, "", "invalid literal" },
    { "nul", 1, "", "invalid literal" },
    { "True", 1, "", "expected a value, found 'T'" },
    { "falsey", 6, "", "expected the end of the file after the top-level value, found 'y'" },
    { "'a'", 1, "", "expected a value, found '''" },
    { "[1,]", 3, "", "trailing comma before ']'" },
    { "{\"a\":1,}", 7, "", "trailing comma before '}'" },
    { "{\"a\" 1}", 6, "a", "expected ':' after the key, found '1'" },
    { "{\"a\"", 5, "a", "expected ':' after the key, found the end of the file" },
    { "{a:1}", 2, "", "expected a key in double quotes, found 'a'" },
    { "{1:1}", 2, "", "expected a key in double quotes, found '1'" },
    { "[1 2]", 4, "", "expected ',' or ']', found '2'" },
    { "{\"a\":1 \"b\":2}", 8, "", "expected ',' or '}', found '\"'" },
    { "{,}", 2, "", "expected a key in double quotes, found ','" },
    { "[,1]", 2, "[0]", "expected a value, found ','" },
    { "[", 2, "[0]", "expected a value, found the end of the file" },
    { "{\"a\":}", 6, "a", "expected a value, found '}'" },
    { "[1]]", 4, "", "expected the end of the file after the top-level value, found ']'" },
    { "{} x", 4, "", "found 'x'" },
    { "{}{}", 3, "", "found '{'" },
    { "[1],", 4, "", "found ','" },
    { "1 2", 3, "", "found '2'" },
    { "\"a\" \"b\"", 5, "", "found '\"'" },
    { "null null", 6, "", "found 'n'" },
    { "}", 1, "", "expected a value, found '}'" },
  };
  static const char * const good[] = {
    "{}", "[]", "{}\n", "  [1]  \r\n", "\"x\"", "true", "false", "null", " 0 ",
    "[true,false,null]", "{\"\":\"\"}", "\xef\xbb\xbf[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i].json);
      check_refused (bad[i].json, 1, bad[i].column, bad[i].path, bad[i].part);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonNode) node = check_accepted (good[i]);
    }
}

static void
test_wrong_type (void)
{
  g_autoptr(HearthJsonReader) reader = reader_for ("{\"members\": {}}", -1);
  g_autoptr(HearthJsonReader) top = reader_for ("[1]", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) top_error = NULL;

  g_assert_true (hearth_json_reader_enter_object (reader, &error));
  g_assert_cmpstr (hearth_json_reader_next_key (reader, &error), ==, "members");
  g_assert_false (hearth_json_reader_enter_array (reader, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1:13: members: expected an array, found an object");

  g_assert_false (hearth_json_reader_enter_object (top, &top_error));
  g_assert_cmpstr (top_error->message, ==, "1:1: expected an object, found an array");
}

static void
test_empty (void)
{
  static const struct
  {
    const char *json;
    guint       line;
    guint       column;
  } empty[] = {
    { "", 1, 1 },
    { " ", 1, 2 },
    { "\n\t \r\n", 3, 1 },
    { "\xef\xbb\xbf", 1, 1 },
    { "\xef\xbb\xbf  \n", 2, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(HearthJsonReader) reader = reader_for (empty[i].json, -1);
      g_autoptr(HearthJsonReader) peeker = reader_for (empty[i].json, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) peek_error = NULL;
      g_autofree char *message = g_strdup_printf ("%u:%u: the file is empty",
                                                  empty[i].line, empty[i].column);

      check_refused (empty[i].json, empty[i].line, empty[i].column, "", "the file is empty");

      g_assert_false (hearth_json_reader_enter_object (reader, &error));
      g_assert_cmpstr (error->message, ==, message);
      g_assert_cmpint (hearth_json_reader_peek (peeker, &peek_error), ==, HEARTH_JSON_NONE);
      g_assert_cmpstr (peek_error->message, ==, message);
    }

  /* An empty GBytes has no data pointer at all. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
    g_autoptr(HearthJsonReader) reader = hearth_json_reader_new (bytes);
    g_autoptr(GError) error = NULL;

    g_assert_false (hearth_json_reader_end (reader, &error));
    g_assert_cmpstr (error->message, ==, "1:1: the file is empty");
  }
}

/* A document with a bit of everything, cut at every byte: every prefix is refused (none
 * crashes or reads past its end), and the whole is read. */
static void
test_truncated (void)
{
  const char *json =
    "\xef\xbb\xbf{\"format\": \"hearth-program-snapshot\", \"version\": 1,\r\n"
    " \"members\": [{\"id\": \"m\\u00e9\\ud83d\\ude00\", \"n\": -12.5e-3, \"ok\": true,\n"
    "   \"no\": false, \"x\": null, \"tags\": [\"Zoë\", \"مرحبا\", \"😀\"], \"big\": 123456789},\n"
    "  {}, [], [[1], {\"a\": {\"b\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}}]],\n"
    " \"empty\": \"\", \"zero\": 0, \"neg\": -0, \"e\": 1E+2}";
  gsize len = strlen (json);
  g_autoptr(JsonNode) whole = NULL;

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) walk_error = NULL;
      g_autoptr(GError) skip_error = NULL;
      g_autoptr(JsonNode) node = parse (json, cut, &error);
      g_autoptr(HearthJsonReader) skipper = reader_for (json, cut);

      g_assert_null (node);
      g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
      g_assert_false (walk_document (json, cut, &walk_error));
      g_assert_error (walk_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
      g_assert_cmpstr (walk_error->message, ==, error->message);
      g_assert_false (hearth_json_reader_end (skipper, &skip_error));
      g_assert_error (skip_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    }

  whole = check_accepted_len (json, len);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (whole));
}

/* Random damage to a valid document: nothing crashes; what is accepted is JSON that json-glib
 * reads the same; walking and reading whole agree on every error. */
static void
test_mutations (void)
{
  static const char interesting[] = "{}[]\",:\\u0123456789eE.-+ \n\r\t\x01\x80\xc3\xed\xf0\xff";
  guint n_accepted = 0;

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) json = g_string_new (snapshot);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) walk_error = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint n_changes = g_test_rand_int_range (1, 4);
      gboolean walked;

      for (guint i = 0; i < n_changes; i++)
        {
          gsize at = g_test_rand_int_range (0, json->len);
          char c = g_test_rand_bit () ?
                   interesting[g_test_rand_int_range (0, sizeof interesting - 1)] :
                   (char)g_test_rand_int_range (1, 256);

          switch (g_test_rand_int_range (0, 3))
            {
            case 0:
              json->str[at] = c;
              break;
            case 1:
              g_string_erase (json, at, 1);
              break;
            default:
              g_string_insert_c (json, at, c);
              break;
            }
        }

      node = parse (json->str, json->len, &error);
      walked = walk_document (json->str, json->len, &walk_error);
      g_assert_cmpint (node != NULL, ==, walked);

      if (node != NULL)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) glib_error = NULL;

          g_assert_true (json_parser_load_from_data (parser, json->str, json->len,
                                                     &glib_error));
          g_assert_no_error (glib_error);
          g_assert_true (json_node_equal (node, json_parser_get_root (parser)));
          n_accepted++;
        }
      else
        {
          g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
          g_assert_cmpstr (walk_error->message, ==, error->message);
        }
    }

  /* Damage in whitespace or inside strings often leaves valid JSON: both sides were tested. */
  g_assert_cmpuint (n_accepted, >, 0);
  g_assert_cmpuint (n_accepted, <, 3000);
}

static void
test_round_trip (void)
{
  static const char * const strings[] = {
    "Zoë 😀 👩🏽‍💻 🇩🇪",
    "مرحبا بالعالم",
    "שלום עולם",
    "abc مرحبا 123 שלום!",
    "\xe2\x80\x8f\xe2\x80\xaeRTL override\xe2\x80\xac",
    "<b>Tom &amp; Jerry</b> & <script>'\"</script>",
    "e\xcc\x81 \xef\xbb\xbf \xe2\x80\xa8 \xe2\x80\xa9 \x7f",
    "tab\there, line\nbreak, \\ and / and \"quotes\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) built = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *generated = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *decoded = NULL;
      JsonObject *object;

      /* As json-glib writes it (escapes where it escapes), as a value and as a key. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, strings[i]);
      json_builder_add_string_value (builder, strings[i]);
      json_builder_end_object (builder);
      built = json_builder_get_root (builder);
      json_generator_set_root (generator, built);
      generated = json_generator_to_data (generator, NULL);

      node = check_accepted (generated);
      object = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (object, strings[i]), ==, strings[i]);
      g_assert_true (json_node_equal (node, built));

      /* Written raw: only '"', '\\' and control characters need escapes. */
      if (strpbrk (strings[i], "\"\\\t\n") == NULL)
        {
          raw = g_strdup_printf ("\"%s\"", strings[i]);
          decoded = decode_string (raw, -1);
          g_assert_cmpstr (decoded, ==, strings[i]);
        }
    }
}

static void
test_mapped_file (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *path = g_build_filename (td->dir, "snapshot.json", NULL);
  g_autofree char *empty = g_build_filename (td->dir, "empty.json", NULL);
  g_autofree char *missing = g_build_filename (td->dir, "missing.json", NULL);
  g_autoptr(HearthJsonReader) reader = NULL;
  g_autoptr(HearthJsonReader) empty_reader = NULL;
  g_autoptr(GError) error = NULL;

  test_write_file (path, snapshot, strlen (snapshot));
  test_write_file (empty, "", 0);

  reader = hearth_json_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (walk (reader, &error));
  g_assert_true (hearth_json_reader_end (reader, &error));
  g_assert_no_error (error);

  empty_reader = hearth_json_reader_new_for_path (empty, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_json_reader_enter_object (empty_reader, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1:1: the file is empty");
  g_clear_error (&error);

  g_assert_null (hearth_json_reader_new_for_path (missing, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
}

/* Once a call has failed, every later one fails with the same error, without a critical and
 * without overwriting the caller's GError: the importer's loops need nothing more. */
static void
test_sticky_error (void)
{
  g_autoptr(HearthJsonReader) reader =
    reader_for ("{\"members\": [{\"id\": 1}, {\"id\": x}, {\"id\": 3}], \"more\": 1}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *first;
  const char *key;
  guint n_records = 0;

  g_assert_true (hearth_json_reader_enter_object (reader, &error));
  while ((key = hearth_json_reader_next_key (reader, &error)) != NULL)
    {
      g_assert_cmpstr (key, ==, "members");
      g_assert_true (hearth_json_reader_enter_array (reader, &error));
      while (hearth_json_reader_next_element (reader, &error))
        {
          g_autoptr(JsonNode) record = hearth_json_reader_read_node (reader, &error);

          if (record != NULL)
            n_records++;
        }
    }
  g_assert_cmpuint (n_records, ==, 1);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1:32: members[1].id: expected a value, found 'x'");
  first = error;

  g_assert_false (hearth_json_reader_end (reader, &error));
  g_assert_true (error == first);
  g_assert_false (hearth_json_reader_next_element (reader, NULL));
  g_assert_null (hearth_json_reader_next_key (reader, NULL));
  g_assert_cmpint (hearth_json_reader_peek (reader, NULL), ==, HEARTH_JSON_NONE);
  node = hearth_json_reader_read_node (reader, NULL);
  g_assert_null (node);

  g_assert_false (hearth_json_reader_skip_value (reader, &again));
  g_assert_cmpstr (again->message, ==, first->message);
  g_assert_cmpstr (hearth_json_reader_get_path (reader), ==, "members[1].id");
  g_assert_cmpuint (hearth_json_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (hearth_json_reader_get_column (reader), ==, 32);
}

/* Messages never quote a string value (it may be personal data, DESIGN §8). */
static void
test_no_values_in_messages (void)
{
  g_autoptr(GString) long_secret = g_string_new ("{\"email\": \"");
  const char *docs[] = {
    "{\"email\": \"secret@example.org\\x\"}",
    "{\"email\": \"secret@example.org\\ud800\"}",
    "{\"email\": \"secret@example.org\\u0000\"}",
    "{\"email\": \"secret@example.org\x01\"}",
    "{\"email\": \"secret@example.org\xff\"}",
    "{\"email\": \"secret@example.org",
    "{\"email\": \"secret@example.org\" \"secret\"}",
    "{\"email\": \"secret@example.org\", \"email\": \"secret\"}",
    NULL,
  };

  while (long_secret->len <= MB + 16)
    g_string_append (long_secret, "secret ");
  g_string_append (long_secret, "\"}");
  docs[G_N_ELEMENTS (docs) - 1] = long_secret->str;

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse (docs[i], -1, &error);

      g_assert_null (node);
      g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
      g_assert_null (strstr (error->message, "secret"));
      g_assert_null (strstr (error->message, "example"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json-reader/records", test_records);
  g_test_add_func ("/json-reader/skip-document", test_skip_document);
  g_test_add_func ("/json-reader/paths", test_paths);
  g_test_add_func ("/json-reader/positions", test_positions);
  g_test_add_func ("/json-reader/depth", test_depth);
  g_test_add_func ("/json-reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-reader/escapes", test_escapes);
  g_test_add_func ("/json-reader/utf8", test_utf8);
  g_test_add_func ("/json-reader/long-strings", test_long_strings);
  g_test_add_func ("/json-reader/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/literals-and-structure", test_literals_and_structure);
  g_test_add_func ("/json-reader/wrong-type", test_wrong_type);
  g_test_add_func ("/json-reader/empty", test_empty);
  g_test_add_func ("/json-reader/truncated", test_truncated);
  g_test_add_func ("/json-reader/mutations", test_mutations);
  g_test_add_func ("/json-reader/round-trip", test_round_trip);
  g_test_add_func ("/json-reader/mapped-file", test_mapped_file);
  g_test_add_func ("/json-reader/sticky-error", test_sticky_error);
  g_test_add_func ("/json-reader/no-values-in-messages", test_no_values_in_messages);

  return g_test_run ();
}
