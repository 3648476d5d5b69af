/* hearth-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader the importers share: RFC 4180 over a mapping, one record at a time. Activity
 * files run to millions of rows, so the steady state allocates nothing: each record's fields are
 * copied, NUL-terminated, into one reused buffer, and their offsets into one reused array. The
 * scanning loops test one table entry per byte; NUL bytes are caught by the same tables, and
 * UTF-8 is validated once per record over its raw bytes.
 *
 * Lines are physical lines (LF, CRLF or a lone CR each end one), so a quoted line break moves
 * the line of every later record, as an editor shows it. Messages are "LINE: message"; the
 * caller puts the file name in front.
 */

#define G_LOG_DOMAIN "hearth-csv-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hearth-csv-reader.h"

struct _HearthCsvReader
{
  GObject        parent_instance;

  GBytes        *bytes;
  /* The first byte of the input (before any byte order mark), where the reader is, the end. */
  const guchar  *data;
  const guchar  *p;
  const guchar  *end;

  /* The physical line at p, and where the current record began. */
  guint          line;
  guint          record_line;

  char           delimiter;
  guint          delimiter_known : 1;

  /* Which bytes end an unquoted field, and which stop the scan of a quoted one. */
  guint8         unquoted_stop[256];
  guint8         quoted_stop[256];

  /* The current record's fields, each followed by a NUL. */
  char          *buffer;
  gsize          buffer_size;
  /* Where each field starts in buffer, plus one entry past the last field's NUL. */
  guint         *starts;
  guint          starts_size;
  guint          n_fields;

  /* Once set, every call fails with it. */
  GError        *error;
};

G_DEFINE_FINAL_TYPE (HearthCsvReader, hearth_csv_reader, G_TYPE_OBJECT)

static void
set_delimiter (HearthCsvReader *self,
               char             delimiter)
{
  self->delimiter = delimiter;
  self->delimiter_known = TRUE;

  memset (self->unquoted_stop, 0, sizeof self->unquoted_stop);
  memset (self->quoted_stop, 0, sizeof self->quoted_stop);

  self->unquoted_stop[(guchar)delimiter] = 1;
  self->unquoted_stop['\r'] = 1;
  self->unquoted_stop['\n'] = 1;
  self->unquoted_stop['\0'] = 1;

  self->quoted_stop['"'] = 1;
  self->quoted_stop['\r'] = 1;
  self->quoted_stop['\n'] = 1;
  self->quoted_stop['\0'] = 1;
}

/* Picks the delimiter from the first record: whichever of ',', ';' and tab occurs most often
 * outside quotes before the first line break; a tie, or none of them, means ','. */
static void
detect_delimiter (HearthCsvReader *self)
{
  const guchar *p = self->p;
  const guchar *end = self->end;
  gsize commas = 0;
  gsize semicolons = 0;
  gsize tabs = 0;
  gboolean quoted = FALSE;

  if ((gsize)(end - p) > HEARTH_CSV_MAX_LINE)
    end = p + HEARTH_CSV_MAX_LINE;

  /* Blank lines before the header are skipped by next_row(); skip them here too. */
  while (p < end && (*p == '\r' || *p == '\n'))
    p++;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons > tabs)
    set_delimiter (self, ';');
  else if (tabs > commas && tabs > semicolons)
    set_delimiter (self, '\t');
  else
    set_delimiter (self, ',');
}

/* The physical line of @where, counting line breaks from @from, which is on line @line. */
static guint
line_of (const guchar *from,
         guint         line,
         const guchar *where)
{
  for (const guchar *p = from; p < where; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\r' && !(p + 1 < where && p[1] == '\n'))
        line++;
    }

  return line;
}

/* Records the error; the reader fails from now on. Always returns FALSE. */
static gboolean
fail_at (HearthCsvReader *self,
         guint            line,
         HearthError      code,
         const char      *message)
{
  g_assert (self->error == NULL);

  self->error = g_error_new (HEARTH_ERROR, code, "%u: %s", line, message);
  self->n_fields = 0;

  return FALSE;
}

static gboolean
fail_encoding (HearthCsvReader *self,
               const guchar    *start,
               const char      *bad)
{
  return fail_at (self, line_of (start, self->record_line, (const guchar *)bad),
                  HEARTH_ERROR_ENCODING, "not valid UTF-8 (is the file in another encoding?)");
}

/* As fail_at(), but the first problem in the record wins: bad UTF-8 between @start and
 * @where is reported instead. */
static gboolean
fail_in_record (HearthCsvReader *self,
                const guchar    *start,
                const guchar    *where,
                guint            line,
                HearthError      code,
                const char      *message)
{
  const char *bad = NULL;

  if (!g_utf8_validate_len ((const char *)start, where - start, &bad))
    return fail_encoding (self, start, bad);

  return fail_at (self, line, code, message);
}

static gboolean
report (HearthCsvReader  *self,
        GError          **error)
{
  g_assert (self->error != NULL);

  if (error != NULL && *error == NULL)
    *error = g_error_copy (self->error);

  return FALSE;
}

static inline void
add_field_start (HearthCsvReader *self,
                 gsize            out)
{
  if (G_UNLIKELY (self->n_fields + 2 > self->starts_size))
    {
      self->starts_size = MAX (16, self->starts_size * 2);
      self->starts = g_renew (guint, self->starts, self->starts_size);
    }

  self->starts[self->n_fields++] = out;
}

/* Reads the record at self->p, which is not a line break and not the end. */
static gboolean
read_record (HearthCsvReader *self)
{
  const guchar *start = self->p;
  const guchar *end = self->end;
  const guchar *limit = end;
  const guchar *p = start;
  const guint8 *unquoted_stop = self->unquoted_stop;
  const guint8 *quoted_stop = self->quoted_stop;
  const guchar delimiter = self->delimiter;
  guint line = self->line;
  char *buffer;
  gsize out = 0;
  gsize needed;
  const char *bad = NULL;

  /* A record's bytes, line break excluded, may reach the limit; the byte at the limit may
   * only end the record. */
  if ((gsize)(end - start) > HEARTH_CSV_MAX_LINE)
    limit = start + HEARTH_CSV_MAX_LINE;

  /* Unquoting only shortens a field, and each field adds one NUL: twice the bytes the
   * record may span is always enough, so the loops below never check. */
  needed = 2 * (gsize)(limit - start) + 2;
  if (G_UNLIKELY (needed > self->buffer_size))
    {
      self->buffer_size = MAX (needed, MIN (2 * self->buffer_size, 2 * HEARTH_CSV_MAX_LINE + 2));
      g_free (self->buffer);
      self->buffer = g_malloc (self->buffer_size);
    }
  buffer = self->buffer;

  self->record_line = line;
  self->n_fields = 0;

  for (;;)
    {
      add_field_start (self, out);

      if (p < limit && *p == '"')
        {
          guint quote_line = line;

          p++;

          for (;;)
            {
              const guchar *run = p;

              while (p < limit && !quoted_stop[*p])
                p++;

              memcpy (buffer + out, run, p - run);
              out += p - run;

              if (p >= limit)
                {
                  /* A quoted field that runs past the limit almost always lacks its closing
                   * quote; say so, at the quote, rather than blame the length of a short
                   * line. (The limit may split a character: no UTF-8 check here.) */
                  return fail_at (self, quote_line, HEARTH_ERROR_INVALID,
                                  "a quoted field never ends");
                }

              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      if (p + 1 >= limit)
                        return fail_at (self, self->record_line, HEARTH_ERROR_INVALID,
                                        "a line longer than 1 MB");
                      buffer[out++] = '"';
                      p += 2;
                      continue;
                    }

                  p++;
                  break;
                }
              else if (*p == '\n')
                {
                  buffer[out++] = *p++;
                  line++;
                }
              else if (*p == '\r')
                {
                  buffer[out++] = *p++;
                  line++;
                  if (p < limit && *p == '\n')
                    buffer[out++] = *p++;
                }
              else
                {
                  return fail_in_record (self, start, p, line, HEARTH_ERROR_INVALID,
                                         "a NUL byte");
                }
            }

          /* After the closing quote: the delimiter, the end of the record, or nothing. */
          if (p < end && *p != delimiter && *p != '\r' && *p != '\n')
            return fail_in_record (self, start, p, line, HEARTH_ERROR_INVALID,
                                   *p == '\0' ? "a NUL byte" : "text after a closing quote");
        }
      else
        {
          const guchar *run = p;

          while (p < limit && !unquoted_stop[*p])
            p++;

          memcpy (buffer + out, run, p - run);
          out += p - run;

          if (p < end && *p == '\0')
            return fail_in_record (self, start, p, line, HEARTH_ERROR_INVALID, "a NUL byte");
        }

      buffer[out++] = '\0';

      if (p < end && *p == delimiter)
        {
          if (p >= limit)
            break;
          p++;
          continue;
        }

      break;
    }

  /* Here p is at the end, at a line break, or at the limit with more of the record to come. */
  if (p < end && *p != '\r' && *p != '\n')
    return fail_at (self, self->record_line, HEARTH_ERROR_INVALID, "a line longer than 1 MB");

  if (!g_utf8_validate_len ((const char *)start, p - start, &bad))
    return fail_encoding (self, start, bad);

  self->starts[self->n_fields] = out;

  if (p < end)
    {
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      line++;
    }

  self->p = p;
  self->line = line;

  return TRUE;
}

static void
hearth_csv_reader_finalize (GObject *object)
{
  HearthCsvReader *self = (HearthCsvReader *)object;

  g_free (self->buffer);
  g_free (self->starts);
  g_clear_error (&self->error);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (hearth_csv_reader_parent_class)->finalize (object);
}

static void
hearth_csv_reader_class_init (HearthCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_csv_reader_finalize;
}

static void
hearth_csv_reader_init (HearthCsvReader *self)
{
  self->line = 1;
  self->delimiter = ',';
}

/* ISO-8859-1 is the first 256 code points, so the conversion cannot fail: two bytes for each
 * byte above 0x7f, the rest as they are. */
static GBytes *
latin1_to_utf8 (GBytes *bytes)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  gsize high = 0;
  guchar *utf8;
  guchar *q;

  for (gsize i = 0; i < length; i++)
    high += data[i] >> 7;

  if (high == 0)
    return g_bytes_ref (bytes);

  q = utf8 = g_malloc (length + high);
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] < 0x80)
        {
          *q++ = data[i];
        }
      else
        {
          *q++ = 0xc0 | (data[i] >> 6);
          *q++ = 0x80 | (data[i] & 0x3f);
        }
    }

  return g_bytes_new_take (utf8, length + high);
}

/**
 * hearth_csv_reader_new:
 * @bytes: a CSV file's contents
 * @latin1: whether @bytes are ISO-8859-1 rather than UTF-8
 *
 * Reads @bytes, which need not end in a NUL. A UTF-8 byte order mark at the start is skipped.
 * With @latin1, the whole input is converted to UTF-8 first.
 *
 * Returns: (transfer full): a reader before the first row
 */
HearthCsvReader *
hearth_csv_reader_new (GBytes   *bytes,
                       gboolean  latin1)
{
  HearthCsvReader *self;
  const guchar *data;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_CSV_READER, NULL);
  self->bytes = latin1 ? latin1_to_utf8 (bytes) : g_bytes_ref (bytes);

  data = g_bytes_get_data (self->bytes, &length);
  if (data == NULL)
    data = (const guchar *)"";

  self->data = data;
  self->p = data;
  self->end = data + length;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->p += 3;

  return self;
}

/**
 * hearth_csv_reader_new_for_path:
 * @path: a file
 * @latin1: whether the file is in ISO-8859-1 rather than UTF-8
 *
 * Maps @path into memory and reads it. An empty file has no rows. Messages carry only the
 * system's words; the caller names the file.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with %HEARTH_ERROR_NOT_FOUND or
 *   %HEARTH_ERROR_FAILED when the file cannot be opened
 */
HearthCsvReader *
hearth_csv_reader_new_for_path (const char  *path,
                                gboolean     latin1,
                                GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat info;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* g_mapped_file_new() puts the file name in its messages; open the file here so they carry
   * only the system's words. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    saved_errno = errno;
  else if (fstat (fd, &info) != 0)
    saved_errno = errno;
  else if (S_ISDIR (info.st_mode))
    saved_errno = EISDIR;
  else
    saved_errno = 0;

  if (saved_errno != 0)
    {
      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error_literal (error, HEARTH_ERROR,
                           saved_errno == ENOENT ? HEARTH_ERROR_NOT_FOUND : HEARTH_ERROR_FAILED,
                           g_strerror (saved_errno));
      return NULL;
    }

  file = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  g_close (fd, NULL);
  if (file == NULL)
    {
      g_set_error_literal (error, HEARTH_ERROR, HEARTH_ERROR_FAILED, local_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (file);

  return hearth_csv_reader_new (bytes, latin1);
}

/**
 * hearth_csv_reader_get_delimiter:
 *
 * Returns: the delimiter: the one set, or the one detected from the first record
 */
char
hearth_csv_reader_get_delimiter (HearthCsvReader *self)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), ',');

  if (!self->delimiter_known)
    detect_delimiter (self);

  return self->delimiter;
}

/**
 * hearth_csv_reader_set_delimiter:
 * @delimiter: an ASCII character other than a quote or a line break
 *
 * Sets the delimiter instead of detecting it. Call it before the first row.
 */
void
hearth_csv_reader_set_delimiter (HearthCsvReader *self,
                                 char             delimiter)
{
  g_return_if_fail (HEARTH_IS_CSV_READER (self));
  g_return_if_fail (delimiter > 0 && delimiter != '"' && delimiter != '\r' && delimiter != '\n');

  set_delimiter (self, delimiter);
}

/**
 * hearth_csv_reader_next_row:
 *
 * Reads the next record. Blank lines are skipped. Fields are given as they are, spaces
 * included.
 *
 * Returns: %TRUE with a row; %FALSE at the end with @error unset, or with @error set
 */
gboolean
hearth_csv_reader_next_row (HearthCsvReader  *self,
                            GError          **error)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL)
    return report (self, error);

  if (!self->delimiter_known)
    detect_delimiter (self);

  /* Blank lines between records. */
  while (self->p < self->end && (*self->p == '\n' || *self->p == '\r'))
    {
      if (*self->p == '\r' && self->p + 1 < self->end && self->p[1] == '\n')
        self->p++;
      self->p++;
      self->line++;
    }

  if (self->p >= self->end)
    {
      self->n_fields = 0;
      return FALSE;
    }

  if (!read_record (self))
    return report (self, error);

  return TRUE;
}

/**
 * hearth_csv_reader_get_n_fields:
 *
 * Returns: how many fields the current row has
 */
guint
hearth_csv_reader_get_n_fields (HearthCsvReader *self)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), 0);

  return self->n_fields;
}

/**
 * hearth_csv_reader_get_field:
 * @index: a field of the current row
 *
 * Returns: (nullable): the field, NUL-terminated UTF-8 valid until the next call to
 *   next_row(), or %NULL past the last field
 */
const char *
hearth_csv_reader_get_field (HearthCsvReader *self,
                             guint            index)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), NULL);

  if (index >= self->n_fields)
    return NULL;

  return self->buffer + self->starts[index];
}

/**
 * hearth_csv_reader_get_field_length:
 * @index: a field of the current row
 *
 * Returns: the field's length in bytes, or 0 past the last field
 */
gsize
hearth_csv_reader_get_field_length (HearthCsvReader *self,
                                    guint            index)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), 0);

  if (index >= self->n_fields)
    return 0;

  return self->starts[index + 1] - self->starts[index] - 1;
}

/**
 * hearth_csv_reader_get_line:
 *
 * Returns: the physical line (from 1) where the current row starts, or 0 before the first
 */
guint
hearth_csv_reader_get_line (HearthCsvReader *self)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), 0);

  return self->record_line;
}

/**
 * hearth_csv_reader_get_offset:
 *
 * Returns: how many bytes have been read (after conversion from Latin-1), for progress
 */
guint64
hearth_csv_reader_get_offset (HearthCsvReader *self)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), 0);

  return self->p - self->data;
}

/**
 * hearth_csv_reader_get_size:
 *
 * Returns: how many bytes there are in all (after conversion from Latin-1)
 */
guint64
hearth_csv_reader_get_size (HearthCsvReader *self)
{
  g_return_val_if_fail (HEARTH_IS_CSV_READER (self), 0);

  return self->end - self->data;
}
