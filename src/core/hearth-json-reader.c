/* hearth-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The streaming JSON reader of DESIGN §6. json-glib builds the whole tree (a 90 MB snapshot
 * took 1.3 GB), recurses without limit, truncates \u0000 and lets unpaired surrogates through,
 * so snapshots and chat exports are read here instead: one pass over a mapping, strings decoded
 * into reused buffers, and only the record the importer asks for turned into a JsonNode.
 *
 * The grammar is RFC 8259 and nothing more. Lines are counted while whitespace is skipped (raw
 * line breaks cannot occur anywhere else); columns are only counted, in characters, when a
 * position is asked for, so the hot loops pay nothing for them.
 */

#define G_LOG_DOMAIN "hearth-json-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-json-reader.h"

/* Keys longer than this are shortened in paths and messages. */
#define KEY_SHOWN_MAX 64

typedef struct
{
  /* The keys seen so far in a streamed object, for duplicates; NULL until the first key. */
  GHashTable  *keys;
  /* The index of the current element of an array. */
  gsize        index;
  /* How long the path was before this container's current key or index was appended. */
  gsize        path_len;
  guint        is_object : 1;
  guint        started : 1;
} Frame;

struct _HearthJsonReader
{
  GObject        parent_instance;

  GBytes        *bytes;
  const guchar  *p;
  const guchar  *end;
  /* The first byte after a byte order mark, if any. */
  const guchar  *first;

  /* The line being read and where it begins. */
  guint          line;
  const guchar  *line_start;

  /* What get_line() and get_column() describe: the place last reached, or the error. */
  const guchar  *mark;
  guint          mark_line;
  const guchar  *mark_line_start;

  /* The last column counted and where: an importer asks for the column of every record, and
   * a file written on one line (as json.dump writes it) must not be counted from its start
   * each time. */
  const guchar  *counted_line_start;
  const guchar  *counted;
  guint          counted_column;

  /* The containers entered with enter_object()/enter_array(). */
  Frame          frames[HEARTH_JSON_MAX_DEPTH];
  guint          depth;
  /* A value awaits: read, skip or enter it. */
  guint          pending : 1;

  GString       *path;
  /* The decoded string value, reused for every string. */
  GString       *buffer;
  /* The current key of each level: a key must outlive the values nested under it. */
  GString       *keys[HEARTH_JSON_MAX_DEPTH];

  /* Once set, every call fails with it. */
  GError        *error;
};

G_DEFINE_FINAL_TYPE (HearthJsonReader, hearth_json_reader, G_TYPE_OBJECT)

enum {
  CHAR_PLAIN,
  CHAR_QUOTE,
  CHAR_BACKSLASH,
  CHAR_CONTROL,
  CHAR_HIGH,
};

/* What a byte means inside a string, so the hot loop tests one table entry per byte. */
static const guint8 string_class[256] = {
  [0x00 ... 0x1f] = CHAR_CONTROL,
  ['"'] = CHAR_QUOTE,
  ['\\'] = CHAR_BACKSLASH,
  [0x80 ... 0xff] = CHAR_HIGH,
};

static gboolean parse_value (HearthJsonReader  *self,
                             guint              depth,
                             JsonNode         **out);

/* The length of the well-formed UTF-8 sequence at @p, or 0. Overlong forms, surrogates
 * (U+D800–U+DFFF), code points above U+10FFFF and sequences cut short are all ill-formed
 * (Unicode, table 3-7). */
static gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  gsize available = end - p;
  guchar lead = p[0];
  guchar low = 0x80;
  guchar high = 0xbf;

  if (lead < 0xc2)
    return 0;

  if (lead < 0xe0)
    return available >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;

  if (lead < 0xf0)
    {
      if (lead == 0xe0)
        low = 0xa0;
      else if (lead == 0xed)
        high = 0x9f;

      if (available < 3 || p[1] < low || p[1] > high || (p[2] & 0xc0) != 0x80)
        return 0;
      return 3;
    }

  if (lead < 0xf5)
    {
      if (lead == 0xf0)
        low = 0x90;
      else if (lead == 0xf4)
        high = 0x8f;

      if (available < 4 || p[1] < low || p[1] > high ||
          (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
        return 0;
      return 4;
    }

  return 0;
}

/* Names the character at @p for a message. It is only ever outside a string, so it is JSON
 * syntax or a stray byte, never part of a value. */
static char *
describe_at (HearthJsonReader *self,
             const guchar     *p)
{
  if (p >= self->end)
    return g_strdup ("the end of the file");
  if (*p > 0x20 && *p < 0x7f)
    return g_strdup_printf ("'%c'", *p);
  if (*p < 0x80)
    return g_strdup_printf ("U+%04X", *p);
  if (utf8_sequence_length (p, self->end) > 0)
    return g_strdup_printf ("U+%04X", g_utf8_get_char ((const char *)p));
  return g_strdup ("invalid UTF-8");
}

static const char *
describe_type (HearthJsonType type)
{
  switch (type)
    {
    case HEARTH_JSON_NULL:
      return "null";
    case HEARTH_JSON_BOOLEAN:
      return "a boolean";
    case HEARTH_JSON_NUMBER:
      return "a number";
    case HEARTH_JSON_STRING:
      return "a string";
    case HEARTH_JSON_ARRAY:
      return "an array";
    case HEARTH_JSON_OBJECT:
      return "an object";
    case HEARTH_JSON_NONE:
    default:
      return "nothing";
    }
}

/* Keys go into paths bare when they look like the identifiers of our formats, and quoted
 * (["like this"]) otherwise, shortened, with quotes and control characters escaped so a path
 * always reads as one line. */
static gboolean
is_plain_key (const char *key,
              gsize       len)
{
  if (len == 0 || len > KEY_SHOWN_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (key[i]) && key[i] != '_' && key[i] != '-')
      return FALSE;

  return TRUE;
}

static void
append_quoted_key (GString    *string,
                   const char *key,
                   gsize       len)
{
  const char *shown_end = key + len;

  if (len > KEY_SHOWN_MAX)
    shown_end = g_utf8_find_prev_char (key, key + KEY_SHOWN_MAX + 1);

  g_string_append_c (string, '"');
  for (const char *c = key; c < shown_end; c++)
    {
      if (*c == '"' || *c == '\\')
        {
          g_string_append_c (string, '\\');
          g_string_append_c (string, *c);
        }
      else if ((guchar)*c < 0x20)
        g_string_append_printf (string, "\\u%04x", (guchar)*c);
      else
        g_string_append_c (string, *c);
    }
  if (shown_end < key + len)
    g_string_append (string, "…");
  g_string_append_c (string, '"');
}

static void
path_append_key (GString    *path,
                 const char *key,
                 gsize       len)
{
  if (is_plain_key (key, len))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append_len (path, key, len);
    }
  else
    {
      g_string_append_c (path, '[');
      append_quoted_key (path, key, len);
      g_string_append_c (path, ']');
    }
}

static void
path_append_index (GString *path,
                   gsize    index)
{
  char text[24];
  char *p = text + sizeof text;

  /* By hand rather than with printf: this runs for every element of every array. */
  *--p = ']';
  do
    {
      *--p = '0' + index % 10;
      index /= 10;
    }
  while (index > 0);
  *--p = '[';

  g_string_append_len (path, p, text + sizeof text - p);
}

static void
set_mark (HearthJsonReader *self,
          const guchar     *where)
{
  self->mark = where;
  self->mark_line = self->line;
  self->mark_line_start = self->line_start;

  /* Most errors are found on the line being read, but a trailing comma, say, is reported where
   * it stands, which may be lines back: then count the lines again, as skip_whitespace() does. */
  if (where < self->line_start)
    {
      self->mark_line = 1;
      self->mark_line_start = self->first;

      for (const guchar *p = self->first; p < where; p++)
        if (*p == '\n' || (*p == '\r' && (p + 1 >= self->end || p[1] != '\n')))
          {
            self->mark_line++;
            self->mark_line_start = p + 1;
          }
    }
}

static guint
column_of (HearthJsonReader *self)
{
  const guchar *from = self->mark_line_start;
  guint column = 1;

  /* Go on from the last count when it was on this line and not past the mark. */
  if (self->counted_line_start == self->mark_line_start && self->counted != NULL &&
      self->counted <= self->mark)
    {
      from = self->counted;
      column = self->counted_column;
    }

  /* Characters, not bytes: every byte but a UTF-8 continuation byte starts one. */
  for (const guchar *p = from; p < self->mark; p++)
    if ((*p & 0xc0) != 0x80)
      column++;

  self->counted_line_start = self->mark_line_start;
  self->counted = self->mark;
  self->counted_column = column;

  return column;
}

static gboolean fail_at (HearthJsonReader *self,
                         const guchar     *where,
                         const char       *format,
                         ...) G_GNUC_PRINTF (3, 4);

/* Records the error at @where; the reader fails from now on. Always returns FALSE. */
static gboolean
fail_at (HearthJsonReader *self,
         const guchar     *where,
         const char       *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_assert (self->error == NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_mark (self, where);

  if (self->path->len > 0)
    self->error = g_error_new (HEARTH_ERROR, HEARTH_ERROR_INVALID, "%u:%u: %s: %s",
                               self->mark_line, column_of (self), self->path->str, message);
  else
    self->error = g_error_new (HEARTH_ERROR, HEARTH_ERROR_INVALID, "%u:%u: %s",
                               self->mark_line, column_of (self), message);

  return FALSE;
}

/* Hands the reader's error to the caller, unless the caller still holds it from an earlier
 * call: that is what lets loops end on an error and the next call fail without a second
 * g_set_error() on the same GError. Always returns FALSE. */
static gboolean
report (HearthJsonReader  *self,
        GError           **error)
{
  g_assert (self->error != NULL);

  if (error != NULL && *error == NULL)
    *error = g_error_copy (self->error);

  return FALSE;
}

static void
skip_whitespace (HearthJsonReader *self)
{
  const guchar *p = self->p;
  const guchar *end = self->end;

  while (p < end)
    {
      switch (*p)
        {
        case ' ':
        case '\t':
          p++;
          break;

        case '\n':
          p++;
          self->line++;
          self->line_start = p;
          break;

        case '\r':
          p++;
          /* "\r\n" is one line break, counted at its "\n"; a lone "\r" is one too. */
          if (p < end && *p == '\n')
            break;
          self->line++;
          self->line_start = p;
          break;

        default:
          goto done;
        }
    }

done:
  self->p = p;
}

static gboolean
read_hex4 (const guchar *p,
           const guchar *end,
           gunichar     *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value << 4 | digit;
    }

  *out = value;
  return TRUE;
}

static gboolean
append_checked (HearthJsonReader *self,
                GString          *out,
                const guchar     *string_start,
                const guchar     *data,
                gsize             len)
{
  /* Checked before appending, so a huge string never grows the buffer past the limit. */
  if (len > HEARTH_JSON_MAX_STRING - out->len)
    return fail_at (self, string_start, "string longer than 1 MB (%d bytes)",
                    HEARTH_JSON_MAX_STRING);

  g_string_append_len (out, (const char *)data, len);
  return TRUE;
}

/* Decodes the escape at *@pp (its backslash) into @out and moves *@pp past it. The message
 * describes the escape, never the string around it. */
static gboolean
read_escape (HearthJsonReader  *self,
             const guchar     **pp,
             const guchar      *string_start,
             GString           *out)
{
  const guchar *escape = *pp;
  const guchar *p = escape + 1;
  const guchar *end = self->end;
  char utf8[6];
  gunichar c;

  if (p >= end)
    return fail_at (self, string_start, "unterminated string");

  switch (*p)
    {
    case '"':
    case '\\':
    case '/':
      c = *p;
      break;
    case 'b':
      c = '\b';
      break;
    case 'f':
      c = '\f';
      break;
    case 'n':
      c = '\n';
      break;
    case 'r':
      c = '\r';
      break;
    case 't':
      c = '\t';
      break;

    case 'u':
      if (!read_hex4 (p + 1, end, &c))
        return fail_at (self, escape, "invalid \\u escape: it needs four hexadecimal digits");
      p += 4;

      /* json-glib would silently cut the string here; a NUL also has no place in C strings. */
      if (c == 0)
        return fail_at (self, escape, "\\u0000 is not allowed in a string");

      if (c >= 0xdc00 && c <= 0xdfff)
        return fail_at (self, escape, "unpaired surrogate: a \\u escape of a low surrogate "
                        "without a high one before it");

      if (c >= 0xd800 && c <= 0xdbff)
        {
          gunichar low = 0;

          if (end - p > 2 && p[1] == '\\' && p[2] == 'u')
            {
              if (!read_hex4 (p + 3, end, &low))
                return fail_at (self, p + 1,
                                "invalid \\u escape: it needs four hexadecimal digits");
              if (low < 0xdc00 || low > 0xdfff)
                return fail_at (self, escape, "unpaired surrogate: a \\u escape of a high "
                                "surrogate must be followed by one of a low surrogate");
            }
          else
            return fail_at (self, escape, "unpaired surrogate: a \\u escape of a high "
                            "surrogate must be followed by one of a low surrogate");

          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          p += 6;
        }
      break;

    default:
      return fail_at (self, escape, "invalid escape sequence (only \\\" \\\\ \\/ \\b \\f \\n "
                      "\\r \\t and \\uXXXX are allowed)");
    }

  *pp = p + 1;
  return append_checked (self, out, string_start, (const guchar *)utf8,
                         g_unichar_to_utf8 (c, utf8));
}

/* Decodes the string at self->p (its opening quote) into @out. */
static gboolean
read_string (HearthJsonReader *self,
             GString          *out)
{
  const guchar *start = self->p;
  const guchar *p = start + 1;
  const guchar *end = self->end;

  g_assert (*start == '"');

  g_string_truncate (out, 0);

  for (;;)
    {
      const guchar *run = p;

      /* The hot loop: ASCII and well-formed multi-byte characters are copied in one go. */
      while (p < end)
        {
          guint8 klass = string_class[*p];

          if (G_LIKELY (klass == CHAR_PLAIN))
            p++;
          else if (klass == CHAR_HIGH)
            {
              gsize n = utf8_sequence_length (p, end);

              if (n == 0)
                return fail_at (self, p, "invalid UTF-8 in a string");
              p += n;
            }
          else
            break;
        }

      if (p > run && !append_checked (self, out, start, run, p - run))
        return FALSE;

      if (p >= end)
        return fail_at (self, start, "unterminated string");

      switch (string_class[*p])
        {
        case CHAR_QUOTE:
          self->p = p + 1;
          return TRUE;

        case CHAR_BACKSLASH:
          if (!read_escape (self, &p, start, out))
            return FALSE;
          break;

        case CHAR_CONTROL:
        default:
          return fail_at (self, p, "control character U+%04X in a string: it must be written "
                          "as an escape", *p);
        }
    }
}

/* Reads the number at self->p, checking the JSON grammar before g_ascii_strtod() sees it (which
 * would accept hex, "inf", "nan", ".5" and more). Integers must fit in gint64 and are kept
 * exact; a number with a fraction or an exponent is a double. */
static gboolean
read_number (HearthJsonReader *self,
             gboolean         *is_int,
             gint64           *int_value,
             double           *double_value)
{
  const guchar *start = self->p;
  const guchar *p = start;
  const guchar *end = self->end;
  gboolean negative = FALSE;
  gboolean overflow = FALSE;
  gboolean fraction = FALSE;
  gboolean exponent = FALSE;
  guint64 magnitude = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (p < end && *p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return fail_at (self, start, "invalid number: leading zeros are not allowed");
    }
  else if (p < end && g_ascii_isdigit (*p))
    {
      while (p < end && g_ascii_isdigit (*p))
        {
          guint digit = *p - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
          p++;
        }
    }
  else if (p < end && (*p == 'I' || *p == 'N'))
    return fail_at (self, start, "invalid number: NaN and Infinity are not allowed in JSON");
  else
    return fail_at (self, start, "invalid number: expected a digit after '-'");

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_at (self, start, "invalid number: expected a digit after '.'");
      while (p < end && g_ascii_isdigit (*p))
        p++;
      fraction = TRUE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail_at (self, start, "invalid number: expected a digit in the exponent");
      while (p < end && g_ascii_isdigit (*p))
        p++;
      exponent = TRUE;
    }

  if (!fraction && !exponent)
    {
      guint64 limit = negative ? (guint64)G_MAXINT64 + 1 : (guint64)G_MAXINT64;

      if (overflow || magnitude > limit)
        return fail_at (self, start, "integer out of range: it must fit in 64 bits "
                        "(%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ")",
                        G_MININT64, G_MAXINT64);

      *is_int = TRUE;
      if (!negative)
        *int_value = (gint64)magnitude;
      else if (magnitude == (guint64)G_MAXINT64 + 1)
        *int_value = G_MININT64;
      else
        *int_value = -(gint64)magnitude;
    }
  else
    {
      /* The mapping has no terminating NUL, so the digits are copied first. */
      char small[64];
      char *text = small;
      gsize len = p - start;

      /* The copy is bounded like a string. */
      if (len > HEARTH_JSON_MAX_STRING)
        return fail_at (self, start, "number longer than 1 MB (%d characters)",
                        HEARTH_JSON_MAX_STRING);

      if (len >= sizeof small)
        {
          g_string_truncate (self->buffer, 0);
          g_string_append_len (self->buffer, (const char *)start, len);
          text = self->buffer->str;
        }
      else
        {
          memcpy (small, start, len);
          small[len] = '\0';
        }

      *is_int = FALSE;
      *double_value = g_ascii_strtod (text, NULL);

      /* Too small rounds to zero, which is the nearest double; too large has none. */
      if (!isfinite (*double_value))
        return fail_at (self, start, "number out of range: it must fit in a double");
    }

  self->p = p;
  return TRUE;
}

/* Skips whitespace and tells what the value there is from its first character; the value
 * itself is checked as it is read. @depth is the number of containers around it. */
static gboolean
classify (HearthJsonReader *self,
          guint             depth,
          HearthJsonType   *type)
{
  g_autofree char *found = NULL;

  skip_whitespace (self);

  if (self->p >= self->end)
    {
      /* Only whitespace (and maybe a byte order mark) can come before the top-level value. */
      if (depth == 0)
        return fail_at (self, self->p, "the file is empty");
      return fail_at (self, self->p, "expected a value, found the end of the file");
    }

  switch (*self->p)
    {
    case '{':
      *type = HEARTH_JSON_OBJECT;
      return TRUE;
    case '[':
      *type = HEARTH_JSON_ARRAY;
      return TRUE;
    case '"':
      *type = HEARTH_JSON_STRING;
      return TRUE;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      *type = HEARTH_JSON_NUMBER;
      return TRUE;
    case 't':
    case 'f':
      *type = HEARTH_JSON_BOOLEAN;
      return TRUE;
    case 'n':
      *type = HEARTH_JSON_NULL;
      return TRUE;

    case '+':
      return fail_at (self, self->p, "invalid number: it must not start with '+'");
    case '.':
      return fail_at (self, self->p, "invalid number: it must start with a digit");
    case 'I':
    case 'N':
      return fail_at (self, self->p, "invalid number: NaN and Infinity are not allowed in JSON");

    default:
      found = describe_at (self, self->p);
      return fail_at (self, self->p, "expected a value, found %s", found);
    }
}

static gboolean
read_literal (HearthJsonReader *self,
              const char       *literal,
              gsize             len)
{
  if ((gsize)(self->end - self->p) < len || memcmp (self->p, literal, len) != 0)
    return fail_at (self, self->p, "invalid literal: expected true, false or null");

  self->p += len;
  return TRUE;
}

/* Moves to the next member or element of a container whose opening brace or bracket, or whose
 * previous member or element, has just been read. *@more is FALSE, and the closing character
 * read, when the container ends. */
static gboolean
advance (HearthJsonReader *self,
         gboolean          is_object,
         gboolean          started,
         gboolean         *more)
{
  char close = is_object ? '}' : ']';

  skip_whitespace (self);

  if (self->p < self->end && *self->p == close)
    {
      self->p++;
      *more = FALSE;
      return TRUE;
    }

  if (started)
    {
      const guchar *comma = self->p;

      if (self->p >= self->end || *self->p != ',')
        {
          g_autofree char *found = describe_at (self, self->p);

          return fail_at (self, self->p, "expected ',' or '%c', found %s", close, found);
        }

      self->p++;
      skip_whitespace (self);
      if (self->p < self->end && *self->p == close)
        return fail_at (self, comma, "trailing comma before '%c'", close);
    }

  *more = TRUE;
  return TRUE;
}

static GString *
key_buffer (HearthJsonReader *self,
            guint             depth)
{
  if (self->keys[depth] == NULL)
    self->keys[depth] = g_string_sized_new (32);

  return self->keys[depth];
}

static gboolean
read_key (HearthJsonReader *self,
          GString          *key)
{
  if (self->p >= self->end || *self->p != '"')
    {
      g_autofree char *found = describe_at (self, self->p);

      return fail_at (self, self->p, "expected a key in double quotes, found %s", found);
    }

  return read_string (self, key);
}

static gboolean
fail_duplicate (HearthJsonReader *self,
                const guchar     *key_start,
                GString          *key)
{
  g_autoptr(GString) quoted = g_string_new (NULL);

  append_quoted_key (quoted, key->str, key->len);
  return fail_at (self, key_start, "duplicate key %s", quoted->str);
}

static gboolean
read_colon (HearthJsonReader *self)
{
  skip_whitespace (self);

  if (self->p >= self->end || *self->p != ':')
    {
      g_autofree char *found = describe_at (self, self->p);

      return fail_at (self, self->p, "expected ':' after the key, found %s", found);
    }

  self->p++;
  return TRUE;
}

static gboolean
parse_array (HearthJsonReader  *self,
             guint              depth,
             JsonNode         **out)
{
  g_autoptr(JsonArray) array = NULL;
  gsize path_len = self->path->len;
  gboolean more;

  /* Before recursing: a 100,000-deep "[[[[…" must end here, not in a stack overflow. */
  if (depth >= HEARTH_JSON_MAX_DEPTH)
    return fail_at (self, self->p, "nesting deeper than %d levels", HEARTH_JSON_MAX_DEPTH);

  if (out != NULL)
    array = json_array_new ();

  self->p++;

  for (gsize index = 0; ; index++)
    {
      g_autoptr(JsonNode) element = NULL;

      if (!advance (self, FALSE, index > 0, &more))
        return FALSE;
      if (!more)
        break;

      path_append_index (self->path, index);
      if (!parse_value (self, depth + 1, out != NULL ? &element : NULL))
        return FALSE;
      g_string_truncate (self->path, path_len);

      if (array != NULL)
        json_array_add_element (array, g_steal_pointer (&element));
    }

  if (out != NULL)
    {
      *out = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (*out, g_steal_pointer (&array));
    }

  return TRUE;
}

static gboolean
parse_object (HearthJsonReader  *self,
              guint              depth,
              JsonNode         **out)
{
  g_autoptr(JsonObject) object = NULL;
  gsize path_len = self->path->len;
  gboolean more;
  GString *key;

  if (depth >= HEARTH_JSON_MAX_DEPTH)
    return fail_at (self, self->p, "nesting deeper than %d levels", HEARTH_JSON_MAX_DEPTH);

  if (out != NULL)
    object = json_object_new ();
  key = key_buffer (self, depth);

  self->p++;

  for (gboolean started = FALSE; ; started = TRUE)
    {
      g_autoptr(JsonNode) member = NULL;
      const guchar *key_start;

      if (!advance (self, TRUE, started, &more))
        return FALSE;
      if (!more)
        break;

      key_start = self->p;
      if (!read_key (self, key))
        return FALSE;

      /* Only in the records being read: in a skipped value, which one would win is moot. */
      if (object != NULL && json_object_has_member (object, key->str))
        return fail_duplicate (self, key_start, key);

      path_append_key (self->path, key->str, key->len);

      if (!read_colon (self) || !parse_value (self, depth + 1, out != NULL ? &member : NULL))
        return FALSE;
      g_string_truncate (self->path, path_len);

      if (object != NULL)
        json_object_set_member (object, key->str, g_steal_pointer (&member));
    }

  if (out != NULL)
    {
      *out = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (*out, g_steal_pointer (&object));
    }

  return TRUE;
}

/* Reads one value into *@out, or checks and skips it when @out is NULL. Recursion is bounded
 * by HEARTH_JSON_MAX_DEPTH, which parse_array() and parse_object() check before they recurse. */
static gboolean
parse_value (HearthJsonReader  *self,
             guint              depth,
             JsonNode         **out)
{
  HearthJsonType type;

  if (!classify (self, depth, &type))
    return FALSE;

  switch (type)
    {
    case HEARTH_JSON_OBJECT:
      return parse_object (self, depth, out);

    case HEARTH_JSON_ARRAY:
      return parse_array (self, depth, out);

    case HEARTH_JSON_STRING:
      if (!read_string (self, self->buffer))
        return FALSE;
      if (out != NULL)
        *out = json_node_init_string (json_node_alloc (), self->buffer->str);
      return TRUE;

    case HEARTH_JSON_NUMBER:
      {
        gboolean is_int = FALSE;
        gint64 int_value = 0;
        double double_value = 0.0;

        if (!read_number (self, &is_int, &int_value, &double_value))
          return FALSE;
        if (out != NULL && is_int)
          *out = json_node_init_int (json_node_alloc (), int_value);
        else if (out != NULL)
          *out = json_node_init_double (json_node_alloc (), double_value);
        return TRUE;
      }

    case HEARTH_JSON_BOOLEAN:
      {
        gboolean value = *self->p == 't';

        if (!(value ? read_literal (self, "true", 4) : read_literal (self, "false", 5)))
          return FALSE;
        if (out != NULL)
          *out = json_node_init_boolean (json_node_alloc (), value);
        return TRUE;
      }

    case HEARTH_JSON_NULL:
      if (!read_literal (self, "null", 4))
        return FALSE;
      if (out != NULL)
        *out = json_node_init_null (json_node_alloc ());
      return TRUE;

    case HEARTH_JSON_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Moves past the value the caller left unread, so next_key() and friends can go on. */
static gboolean
skip_pending (HearthJsonReader *self)
{
  if (!self->pending)
    return TRUE;

  self->pending = FALSE;
  return parse_value (self, self->depth, NULL);
}

static gboolean
enter_container (HearthJsonReader *self,
                 HearthJsonType    expected)
{
  HearthJsonType type;
  Frame *frame;

  if (!classify (self, self->depth, &type))
    return FALSE;

  if (type != expected)
    return fail_at (self, self->p, "expected %s, found %s",
                    describe_type (expected), describe_type (type));

  if (self->depth >= HEARTH_JSON_MAX_DEPTH)
    return fail_at (self, self->p, "nesting deeper than %d levels", HEARTH_JSON_MAX_DEPTH);

  set_mark (self, self->p);

  frame = &self->frames[self->depth++];
  frame->keys = NULL;
  frame->index = 0;
  frame->path_len = self->path->len;
  frame->is_object = expected == HEARTH_JSON_OBJECT;
  frame->started = FALSE;

  self->pending = FALSE;
  self->p++;

  return TRUE;
}

static void
leave_container (HearthJsonReader *self)
{
  Frame *frame = &self->frames[self->depth - 1];

  g_clear_pointer (&frame->keys, g_hash_table_unref);
  g_string_truncate (self->path, frame->path_len);
  self->depth--;
}

static gboolean
next_member (HearthJsonReader  *self,
             const char       **out_key)
{
  Frame *frame = &self->frames[self->depth - 1];
  GString *key = key_buffer (self, self->depth - 1);
  const guchar *key_start;
  gboolean more;

  *out_key = NULL;

  if (!skip_pending (self))
    return FALSE;

  g_string_truncate (self->path, frame->path_len);

  if (!advance (self, TRUE, frame->started, &more))
    return FALSE;
  if (!more)
    {
      leave_container (self);
      return TRUE;
    }

  key_start = self->p;
  if (!read_key (self, key))
    return FALSE;

  /* A streamed object has no JsonObject to ask, so its keys are kept here; they are few (the
   * top level of a snapshot has about thirty). */
  if (frame->keys == NULL)
    frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (frame->keys, g_strndup (key->str, key->len)))
    return fail_duplicate (self, key_start, key);

  path_append_key (self->path, key->str, key->len);
  set_mark (self, key_start);

  if (!read_colon (self))
    return FALSE;

  frame->started = TRUE;
  self->pending = TRUE;
  *out_key = key->str;

  return TRUE;
}

static gboolean
next_element (HearthJsonReader *self,
              gboolean         *more)
{
  Frame *frame = &self->frames[self->depth - 1];

  if (!skip_pending (self))
    return FALSE;

  g_string_truncate (self->path, frame->path_len);

  if (!advance (self, FALSE, frame->started, more))
    return FALSE;
  if (!*more)
    {
      leave_container (self);
      return TRUE;
    }

  if (frame->started)
    frame->index++;
  path_append_index (self->path, frame->index);
  set_mark (self, self->p);

  frame->started = TRUE;
  self->pending = TRUE;

  return TRUE;
}

static gboolean
read_pending (HearthJsonReader  *self,
              JsonNode         **out)
{
  self->pending = FALSE;
  skip_whitespace (self);
  set_mark (self, self->p);

  return parse_value (self, self->depth, out);
}

static gboolean
end_document (HearthJsonReader *self)
{
  if (!skip_pending (self))
    return FALSE;

  skip_whitespace (self);
  if (self->p < self->end)
    {
      g_autofree char *found = describe_at (self, self->p);

      return fail_at (self, self->p,
                      "expected the end of the file after the top-level value, found %s", found);
    }

  return TRUE;
}

static void
hearth_json_reader_finalize (GObject *object)
{
  HearthJsonReader *self = (HearthJsonReader *)object;

  for (guint i = 0; i < self->depth; i++)
    g_clear_pointer (&self->frames[i].keys, g_hash_table_unref);

  for (guint i = 0; i < G_N_ELEMENTS (self->keys); i++)
    if (self->keys[i] != NULL)
      g_string_free (self->keys[i], TRUE);

  g_string_free (self->path, TRUE);
  g_string_free (self->buffer, TRUE);
  g_clear_error (&self->error);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (hearth_json_reader_parent_class)->finalize (object);
}

static void
hearth_json_reader_class_init (HearthJsonReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_json_reader_finalize;
}

static void
hearth_json_reader_init (HearthJsonReader *self)
{
  self->path = g_string_sized_new (64);
  self->buffer = g_string_sized_new (256);
  self->line = 1;
  self->pending = TRUE;
}

/**
 * hearth_json_reader_new:
 * @bytes: a JSON document, in UTF-8
 *
 * Reads @bytes, which need not end in a NUL. A byte order mark at the start is skipped.
 *
 * Returns: (transfer full): a reader positioned before the top-level value
 */
HearthJsonReader *
hearth_json_reader_new (GBytes *bytes)
{
  HearthJsonReader *self;
  gsize length = 0;
  const guchar *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_JSON_READER, NULL);
  self->bytes = g_bytes_ref (bytes);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = (const guchar *)"";

  self->p = data;
  self->end = data + length;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->p += 3;

  /* Columns are counted from after the byte order mark, which editors do not show. */
  self->first = self->p;
  self->line_start = self->p;
  set_mark (self, self->p);

  return self;
}

/**
 * hearth_json_reader_new_for_path:
 * @path: a file
 *
 * Maps @path into memory and reads it: pages come in as the reader gets to them and are shared
 * with the page cache. Exports replace files by renaming a new one over them, so a file being
 * read is not rewritten under the mapping.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with %HEARTH_ERROR_NOT_FOUND or
 *   %HEARTH_ERROR_FAILED when the file cannot be opened
 */
HearthJsonReader *
hearth_json_reader_new_for_path (const char  *path,
                                 GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error_literal (error, HEARTH_ERROR,
                           g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ?
                           HEARTH_ERROR_NOT_FOUND : HEARTH_ERROR_FAILED,
                           local_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (file);

  return hearth_json_reader_new (bytes);
}

/**
 * hearth_json_reader_peek:
 *
 * Tells what the value the reader is before is, without reading it. Valid where read_node()
 * is: at the start, after next_key() and after next_element().
 *
 * Returns: the value's type, or %HEARTH_JSON_NONE on an error
 */
HearthJsonType
hearth_json_reader_peek (HearthJsonReader  *self,
                         GError           **error)
{
  HearthJsonType type;

  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), HEARTH_JSON_NONE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->pending, HEARTH_JSON_NONE);

      if (classify (self, self->depth, &type))
        {
          set_mark (self, self->p);
          return type;
        }
    }

  report (self, error);
  return HEARTH_JSON_NONE;
}

/**
 * hearth_json_reader_enter_object:
 *
 * Steps into the object the reader is before; next_key() then walks its members. Anything but
 * an object is an error ("expected an object, found an array").
 *
 * Returns: %TRUE, or %FALSE on an error
 */
gboolean
hearth_json_reader_enter_object (HearthJsonReader  *self,
                                 GError           **error)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), FALSE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->pending, FALSE);

      if (enter_container (self, HEARTH_JSON_OBJECT))
        return TRUE;
    }

  return report (self, error);
}

/**
 * hearth_json_reader_enter_array:
 *
 * Steps into the array the reader is before; next_element() then walks its elements.
 *
 * Returns: %TRUE, or %FALSE on an error
 */
gboolean
hearth_json_reader_enter_array (HearthJsonReader  *self,
                                GError           **error)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), FALSE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->pending, FALSE);

      if (enter_container (self, HEARTH_JSON_ARRAY))
        return TRUE;
    }

  return report (self, error);
}

/**
 * hearth_json_reader_next_key:
 *
 * Moves to the next member of the object entered last, skipping the previous member's value if
 * it was left unread. The reader is then before the member's value, and the path ends in its
 * key. At the closing brace the reader leaves the object and returns %NULL.
 *
 * Returns: (nullable): the key, valid until the next call; %NULL at the end of the object or on
 *   an error
 */
const char *
hearth_json_reader_next_key (HearthJsonReader  *self,
                             GError           **error)
{
  const char *key;

  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), NULL);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->depth > 0 && self->frames[self->depth - 1].is_object, NULL);

      if (next_member (self, &key))
        return key;
    }

  report (self, error);
  return NULL;
}

/**
 * hearth_json_reader_next_element:
 *
 * Moves to the next element of the array entered last, skipping the previous element if it
 * was left unread. The reader is then before the element, and the path ends in its index. At
 * the closing bracket the reader leaves the array and returns %FALSE.
 *
 * Returns: %TRUE when there is an element to read; %FALSE at the end of the array or on an
 *   error
 */
gboolean
hearth_json_reader_next_element (HearthJsonReader  *self,
                                 GError           **error)
{
  gboolean more;

  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), FALSE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->depth > 0 && !self->frames[self->depth - 1].is_object, FALSE);

      if (next_element (self, &more))
        return more;
    }

  return report (self, error);
}

/**
 * hearth_json_reader_read_node:
 *
 * Reads the value the reader is before, whole, as a JsonNode: the way to take one record.
 * Integers become %G_TYPE_INT64 values, other numbers %G_TYPE_DOUBLE.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL on an error
 */
JsonNode *
hearth_json_reader_read_node (HearthJsonReader  *self,
                              GError           **error)
{
  JsonNode *node = NULL;

  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), NULL);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->pending, NULL);

      if (read_pending (self, &node))
        return node;
    }

  report (self, error);
  return NULL;
}

/**
 * hearth_json_reader_skip_value:
 *
 * Passes over the value the reader is before without building anything. The value is still
 * checked in full (syntax, depth, UTF-8, escapes, limits) except for duplicate keys.
 *
 * Returns: %TRUE, or %FALSE on an error
 */
gboolean
hearth_json_reader_skip_value (HearthJsonReader  *self,
                               GError           **error)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), FALSE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->pending, FALSE);

      if (read_pending (self, NULL))
        return TRUE;
    }

  return report (self, error);
}

/**
 * hearth_json_reader_end:
 *
 * Finishes the document once the top-level value has been read, or entered and walked to its
 * end: only whitespace may follow it. A top-level value left unread is skipped first.
 *
 * Returns: %TRUE when the whole document was well-formed; %FALSE on an error, including one an
 *   earlier call met
 */
gboolean
hearth_json_reader_end (HearthJsonReader  *self,
                        GError           **error)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), FALSE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->depth == 0, FALSE);

      if (end_document (self))
        return TRUE;
    }

  return report (self, error);
}

/**
 * hearth_json_reader_get_path:
 *
 * Where the reader is, or where it failed: "members[12].joined_on". Keys that are not plain
 * identifiers appear quoted and escaped, as in `settings["a key"]`. The top level is "".
 *
 * Returns: the path, valid until the next call on @self
 */
const char *
hearth_json_reader_get_path (HearthJsonReader *self)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), NULL);

  return self->path->str;
}

/**
 * hearth_json_reader_get_line:
 *
 * Returns: the line, from 1, of the error, or else of the key, element or value last reached
 */
guint
hearth_json_reader_get_line (HearthJsonReader *self)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), 0);

  return self->mark_line;
}

/**
 * hearth_json_reader_get_column:
 *
 * Returns: the column, from 1 and in characters, of the error, or else of the key, element or
 *   value last reached
 */
guint
hearth_json_reader_get_column (HearthJsonReader *self)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), 0);

  return column_of (self);
}

/**
 * hearth_json_reader_get_offset:
 *
 * Returns: how many bytes of the input have been read, for progress
 */
guint64
hearth_json_reader_get_offset (HearthJsonReader *self)
{
  g_return_val_if_fail (HEARTH_IS_JSON_READER (self), 0);

  return self->p - (const guchar *)g_bytes_get_data (self->bytes, NULL);
}
