/* hearth-json-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A streaming, pull-style JSON reader for the bulk formats (DESIGN §6, "Parsing large files"):
 * it reads a memory-mapped file in one pass and never builds a tree of the whole document.
 * The caller walks the containers it cares about (enter_object/next_key,
 * enter_array/next_element) and, at each record, takes the value as a small JsonNode
 * (read_node) or passes over it (skip_value). json-glib stays the model for small documents.
 *
 *   g_autoptr(HearthJsonReader) reader = hearth_json_reader_new_for_path (path, error);
 *   const char *key;
 *
 *   if (reader == NULL || !hearth_json_reader_enter_object (reader, error))
 *     return FALSE;
 *
 *   while ((key = hearth_json_reader_next_key (reader, error)) != NULL)
 *     {
 *       if (g_str_equal (key, "members"))
 *         {
 *           if (!hearth_json_reader_enter_array (reader, error))
 *             return FALSE;
 *
 *           while (hearth_json_reader_next_element (reader, error))
 *             {
 *               g_autoptr(JsonNode) record = hearth_json_reader_read_node (reader, error);
 *
 *               // hearth_json_reader_get_path (reader) is "members[12]" here
 *               if (record == NULL || !import_member (record, error))
 *                 return FALSE;
 *             }
 *         }
 *       else if (!hearth_json_reader_skip_value (reader, error))
 *         return FALSE;
 *     }
 *
 *   // FALSE here also when a loop above ended on an error: a failed reader stays failed.
 *   return hearth_json_reader_end (reader, error);
 *
 * next_key() returns %NULL and next_element() %FALSE both at the end of their container and on
 * an error. The two need no telling apart inside the loop: once a call has failed, every later
 * call fails too and reports the same error (unless @error already holds one), so the final
 * hearth_json_reader_end() cannot succeed. A value that is neither read, skipped nor entered is
 * skipped by the next call to next_key()/next_element()/end().
 *
 * Every error is one %HEARTH_ERROR_INVALID whose message reads "LINE:COL: PATH: message"
 * ("3:17: members[12].joined_on: invalid escape sequence"; no "PATH: " at the top level), so
 * DESIGN's "FILE:LINE:COL: RECORD.FIELD: message" is g_prefix_error (error, "%s:", file). The
 * pieces are also available from get_line(), get_column() (1-based, in characters) and
 * get_path(). Messages may quote keys but never a string value.
 *
 * Limits: nesting deeper than %HEARTH_JSON_MAX_DEPTH, strings (and keys) longer than
 * %HEARTH_JSON_MAX_STRING bytes once decoded, numbers written with more characters than that,
 * integers outside gint64, other numbers outside double,
 * `\u0000`, unpaired surrogates, invalid UTF-8 and duplicate keys are all refused. Duplicate
 * keys are not looked for inside skipped values, which are otherwise checked in full.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hearth-error.h"

G_BEGIN_DECLS

/* Containers nested deeper than this are refused (a document of 64 nested arrays is fine). */
#define HEARTH_JSON_MAX_DEPTH 64

/* Strings and keys longer than this, in bytes of UTF-8 after decoding escapes, are refused, and
 * so are numbers of more characters. */
#define HEARTH_JSON_MAX_STRING (1024 * 1024)

/**
 * HearthJsonType:
 * @HEARTH_JSON_NONE: no value: the reader failed
 * @HEARTH_JSON_NULL: `null`
 * @HEARTH_JSON_BOOLEAN: `true` or `false`
 * @HEARTH_JSON_NUMBER: a number; read_node() makes it a gint64 when it has no fraction or
 *   exponent, a double otherwise
 * @HEARTH_JSON_STRING: a string
 * @HEARTH_JSON_ARRAY: an array
 * @HEARTH_JSON_OBJECT: an object
 *
 * What the next value is, as hearth_json_reader_peek() sees it from its first character.
 */
typedef enum
{
  HEARTH_JSON_NONE,
  HEARTH_JSON_NULL,
  HEARTH_JSON_BOOLEAN,
  HEARTH_JSON_NUMBER,
  HEARTH_JSON_STRING,
  HEARTH_JSON_ARRAY,
  HEARTH_JSON_OBJECT,
} HearthJsonType;

#define HEARTH_TYPE_JSON_READER (hearth_json_reader_get_type ())

G_DECLARE_FINAL_TYPE (HearthJsonReader, hearth_json_reader, HEARTH, JSON_READER, GObject)

HearthJsonReader  *hearth_json_reader_new           (GBytes            *bytes);
HearthJsonReader  *hearth_json_reader_new_for_path  (const char        *path,
                                                     GError           **error);

HearthJsonType     hearth_json_reader_peek          (HearthJsonReader  *self,
                                                     GError           **error);
gboolean           hearth_json_reader_enter_object  (HearthJsonReader  *self,
                                                     GError           **error);
const char        *hearth_json_reader_next_key      (HearthJsonReader  *self,
                                                     GError           **error);
gboolean           hearth_json_reader_enter_array   (HearthJsonReader  *self,
                                                     GError           **error);
gboolean           hearth_json_reader_next_element  (HearthJsonReader  *self,
                                                     GError           **error);
JsonNode          *hearth_json_reader_read_node     (HearthJsonReader  *self,
                                                     GError           **error);
gboolean           hearth_json_reader_skip_value    (HearthJsonReader  *self,
                                                     GError           **error);
gboolean           hearth_json_reader_end           (HearthJsonReader  *self,
                                                     GError           **error);

const char        *hearth_json_reader_get_path      (HearthJsonReader  *self);
guint              hearth_json_reader_get_line      (HearthJsonReader  *self);
guint              hearth_json_reader_get_column    (HearthJsonReader  *self);
guint64            hearth_json_reader_get_offset    (HearthJsonReader  *self);

G_END_DECLS
