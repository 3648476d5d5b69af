/* test-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importers' CSV reader and date parser: delimiters are detected, RFC 4180 quoting is
 * honoured with every kind of line break, lines are physical lines, and each bad input fails
 * with its code and "LINE: message". Each input is copied into a buffer of exactly its size, so
 * AddressSanitizer catches any read past the end.
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hearth-csv-reader.h"
#include "test-util.h"

#define MB (1024 * 1024)

static HearthCsvReader *
reader_for (const char *csv,
            gssize      len,
            gboolean    latin1)
{
  g_autoptr(GBytes) bytes = NULL;

  if (len < 0)
    len = strlen (csv);

  bytes = g_bytes_new_take (g_memdup2 (csv, len), len);

  return hearth_csv_reader_new (bytes, latin1);
}

/* Reads every row and joins them as "a|b|c" lines, each prefixed with "LINE:". */
static char *
dump (HearthCsvReader *reader)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  while (hearth_csv_reader_next_row (reader, &error))
    {
      guint n = hearth_csv_reader_get_n_fields (reader);

      g_string_append_printf (out, "%u:", hearth_csv_reader_get_line (reader));
      for (guint i = 0; i < n; i++)
        {
          const char *field = hearth_csv_reader_get_field (reader, i);

          g_assert_cmpuint (strlen (field), ==, hearth_csv_reader_get_field_length (reader, i));
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", field);
        }
      g_assert_null (hearth_csv_reader_get_field (reader, n));
      g_assert_cmpuint (hearth_csv_reader_get_field_length (reader, n), ==, 0);
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);

  /* The end stays the end. */
  g_assert_false (hearth_csv_reader_next_row (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hearth_csv_reader_get_offset (reader), ==,
                    hearth_csv_reader_get_size (reader));

  return g_string_free (out, FALSE);
}

static char *
dump_string (const char *csv,
             gssize      len)
{
  g_autoptr(HearthCsvReader) reader = reader_for (csv, len, FALSE);

  return dump (reader);
}

static void
assert_rows (const char *csv,
             const char *expected)
{
  g_autofree char *rows = dump_string (csv, -1);

  g_assert_cmpstr (rows, ==, expected);
}

/* Reads until the error and checks it. */
static void
assert_fails (const char *csv,
              gssize      len,
              int         code,
              const char *message)
{
  g_autoptr(HearthCsvReader) reader = reader_for (csv, len, FALSE);
  g_autoptr(GError) error = NULL;

  while (hearth_csv_reader_next_row (reader, &error))
    ;
  g_assert_error (error, HEARTH_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* The error sticks. */
  g_assert_false (hearth_csv_reader_next_row (reader, &error));
  g_assert_error (error, HEARTH_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (hearth_csv_reader_get_n_fields (reader), ==, 0);
}

static void
test_delimiters (void)
{
  struct {
    const char *csv;
    char        delimiter;
    const char *rows;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',', "1:a|b|c\n2:1|2|3\n" },
    { "a;b;c\n1;2,5;3\n", ';', "1:a|b|c\n2:1|2,5|3\n" },
    { "a\tb\tc\n1\t2\t3\n", '\t', "1:a|b|c\n2:1|2|3\n" },
    /* Delimiters inside quotes do not count. */
    { "\"a;b;c\",d,e\n", ',', "1:a;b;c|d|e\n" },
    /* A tie, or none at all, is a comma. */
    { "a;b,c\n", ',', "1:a;b|c\n" },
    { "abc\n", ',', "1:abc\n" },
    { "", ',', "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HearthCsvReader) reader = reader_for (cases[i].csv, -1, FALSE);
      g_autofree char *rows = NULL;

      g_assert_cmpint (hearth_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
      rows = dump (reader);
      g_assert_cmpstr (rows, ==, cases[i].rows);
    }

  /* Detected on the first row when not asked for before. */
  {
    g_autoptr(HearthCsvReader) reader = reader_for ("x\ty;z\tw\n", -1, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_true (hearth_csv_reader_next_row (reader, &error));
    g_assert_no_error (error);
    g_assert_cmpint (hearth_csv_reader_get_delimiter (reader), ==, '\t');
    g_assert_cmpuint (hearth_csv_reader_get_n_fields (reader), ==, 3);
  }

  /* A delimiter set beforehand wins. */
  {
    g_autoptr(HearthCsvReader) reader = reader_for ("a,b;c\n", -1, FALSE);
    g_autofree char *rows = NULL;

    hearth_csv_reader_set_delimiter (reader, ';');
    g_assert_cmpint (hearth_csv_reader_get_delimiter (reader), ==, ';');
    rows = dump (reader);
    g_assert_cmpstr (rows, ==, "1:a,b|c\n");
  }
}

static void
test_quoting (void)
{
  /* Embedded delimiters, doubled quotes, empty fields, spaces kept. */
  assert_rows ("\"a,b\",\"say \"\"hi\"\"\",,\"\", x ,\"\"\"\"\n",
               "1:a,b|say \"hi\"||| x |\"\n");

  /* Quotes in the middle of an unquoted field are kept. */
  assert_rows ("ab\"c,d\"\n", "1:ab\"c|d\"\n");

  /* Quoted line breaks are kept, and count as lines. */
  assert_rows ("id,note\n1,\"two\r\nlines\"\n2,\"three\nmore\rlines\"\n3,x\n",
               "1:id|note\n2:1|two\r\nlines\n4:2|three\nmore\rlines\n7:3|x\n");

  /* A quoted field right at the end of the input, with no line break. */
  assert_rows ("a,\"b\"", "1:a|b\n");
  assert_rows ("\"\"", "1:\n");

  /* Field lengths count unquoted bytes; a field may hold a doubled quote only. */
  {
    g_autoptr(HearthCsvReader) reader = reader_for ("\"a\"\"b\",c\n", -1, FALSE);
    g_autoptr(GError) error = NULL;

    g_assert_true (hearth_csv_reader_next_row (reader, &error));
    g_assert_cmpuint (hearth_csv_reader_get_n_fields (reader), ==, 2);
    g_assert_cmpstr (hearth_csv_reader_get_field (reader, 0), ==, "a\"b");
    g_assert_cmpuint (hearth_csv_reader_get_field_length (reader, 0), ==, 3);
  }
}

static void
test_line_endings (void)
{
  assert_rows ("a,b\r\n1,2\r\n3,4\r\n", "1:a|b\n2:1|2\n3:3|4\n");
  assert_rows ("a,b\r1,2\r3,4\r", "1:a|b\n2:1|2\n3:3|4\n");
  assert_rows ("a,b\n1,2", "1:a|b\n2:1|2\n");
  assert_rows ("a,b\r\n1,2", "1:a|b\n2:1|2\n");

  /* Blank lines anywhere are skipped; line numbers still count them. */
  assert_rows ("\n\na,b\n\n1,2\r\n\r\n\r3,4\n\n\n", "3:a|b\n5:1|2\n8:3|4\n");
  assert_rows ("\n\r\n\r", "");

  /* A line of spaces is not blank. */
  assert_rows ("a\n  \n", "1:a\n2:  \n");

  /* Trailing delimiters give empty fields. */
  assert_rows ("a,\n,\n", "1:a|\n2:|\n");
}

static void
test_bom (void)
{
  g_autoptr(HearthCsvReader) reader = reader_for ("\xef\xbb\xbf" "a;b\n1;2\n", -1, FALSE);
  g_autofree char *rows = NULL;

  g_assert_cmpint (hearth_csv_reader_get_delimiter (reader), ==, ';');
  rows = dump (reader);
  g_assert_cmpstr (rows, ==, "1:a|b\n2:1|2\n");

  /* Only at the very start. */
  assert_rows ("a\n\xef\xbb\xbf" "b\n", "1:a\n2:\xef\xbb\xbf" "b\n");
  assert_rows ("\xef\xbb\xbf", "");
}

static void
test_errors (void)
{
  static const char nul[] = "a,b\n1,2\n3,\0\n";
  static const char quoted_nul[] = "a,\"x\ny\0\"\n";
  static const char nul_after_quote[] = "\"a\"\0\n";

  assert_fails (nul, sizeof nul - 1, HEARTH_ERROR_INVALID, "3: a NUL byte");
  assert_fails (quoted_nul, sizeof quoted_nul - 1, HEARTH_ERROR_INVALID, "2: a NUL byte");
  assert_fails (nul_after_quote, sizeof nul_after_quote - 1, HEARTH_ERROR_INVALID,
                "1: a NUL byte");

  assert_fails ("a\nb\n\xe9t\xe9\n", -1, HEARTH_ERROR_ENCODING,
                "3: not valid UTF-8 (is the file in another encoding?)");
  /* The line of the bad byte, not of the record. */
  assert_fails ("a\n\"x\r\ny\n\xff\"\n", -1, HEARTH_ERROR_ENCODING,
                "4: not valid UTF-8 (is the file in another encoding?)");
  /* Overlong forms and surrogates are not UTF-8 either. */
  assert_fails ("\xc0\xaf\n", -1, HEARTH_ERROR_ENCODING,
                "1: not valid UTF-8 (is the file in another encoding?)");
  assert_fails ("a,\xed\xa0\x80\n", -1, HEARTH_ERROR_ENCODING,
                "1: not valid UTF-8 (is the file in another encoding?)");
  /* A sequence cut short by the end of the file. */
  assert_fails ("a,\xc3", -1, HEARTH_ERROR_ENCODING,
                "1: not valid UTF-8 (is the file in another encoding?)");

  /* The line where the quote opened. */
  assert_fails ("a,b\n1,\"open\n2,3\n4,5\n", -1, HEARTH_ERROR_INVALID,
                "2: a quoted field never ends");
  assert_fails ("\"", -1, HEARTH_ERROR_INVALID, "1: a quoted field never ends");

  assert_fails ("a,b\n\"ab\"c,d\n", -1, HEARTH_ERROR_INVALID, "2: text after a closing quote");
  assert_fails ("a,\"b\n\" c\n", -1, HEARTH_ERROR_INVALID, "2: text after a closing quote");
  assert_fails ("\"a\"\"\"b\n", -1, HEARTH_ERROR_INVALID, "1: text after a closing quote");
}

static void
test_long_lines (void)
{
  gsize len = MB + 64;
  g_autofree char *csv = g_malloc (len);
  gsize n;

  /* Exactly 1 MB is fine, with or without a line break after it. */
  for (int newline = 0; newline <= 1; newline++)
    {
      g_autoptr(HearthCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      memcpy (csv, "a\n", 2);
      memset (csv + 2, 'x', MB);
      n = 2 + MB;
      if (newline)
        csv[n++] = '\n';
      memcpy (csv + n, "b\n", 2);
      n += 2;

      reader = reader_for (csv, newline ? n : n - 2, FALSE);
      g_assert_true (hearth_csv_reader_next_row (reader, &error));
      g_assert_true (hearth_csv_reader_next_row (reader, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (hearth_csv_reader_get_field_length (reader, 0), ==, MB);
      g_assert_cmpuint (hearth_csv_reader_get_line (reader), ==, 2);
      if (newline)
        {
          g_assert_true (hearth_csv_reader_next_row (reader, &error));
          g_assert_cmpstr (hearth_csv_reader_get_field (reader, 0), ==, "b");
        }
      g_assert_false (hearth_csv_reader_next_row (reader, &error));
      g_assert_no_error (error);
    }

  /* A quoted 1 MB record, its line break counted. */
  {
    g_autoptr(HearthCsvReader) reader = NULL;
    g_autoptr(GError) error = NULL;

    csv[0] = '"';
    memset (csv + 1, 'x', MB - 2);
    csv[MB / 2] = '\n';
    csv[MB - 1] = '"';
    memcpy (csv + MB, "\r\nb", 3);

    reader = reader_for (csv, MB + 3, FALSE);
    g_assert_true (hearth_csv_reader_next_row (reader, &error));
    g_assert_cmpuint (hearth_csv_reader_get_field_length (reader, 0), ==, MB - 2);
    g_assert_true (hearth_csv_reader_next_row (reader, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (hearth_csv_reader_get_line (reader), ==, 3);
  }

  /* One byte more is refused, whatever that byte is, at the line where the record starts. */
  memcpy (csv, "a\n", 2);
  memset (csv + 2, 'x', MB + 1);
  memcpy (csv + 3 + MB, "\nb\n", 3);
  assert_fails (csv, MB + 6, HEARTH_ERROR_INVALID, "2: a line longer than 1 MB");
  assert_fails (csv, MB + 3, HEARTH_ERROR_INVALID, "2: a line longer than 1 MB");

  csv[2 + MB] = ',';
  assert_fails (csv, MB + 6, HEARTH_ERROR_INVALID, "2: a line longer than 1 MB");

  memset (csv + 2, ',', MB + 1);
  assert_fails (csv, MB + 6, HEARTH_ERROR_INVALID, "2: a line longer than 1 MB");

  /* A closing quote as the last byte allowed, then one more byte: a stray character is named
   * as such, a doubled quote makes the record too long. */
  csv[2] = '"';
  memset (csv + 3, 'x', MB - 2);
  csv[1 + MB] = '"';
  csv[2 + MB] = 'y';
  assert_fails (csv, MB + 6, HEARTH_ERROR_INVALID, "2: text after a closing quote");
  csv[2 + MB] = '"';
  assert_fails (csv, MB + 6, HEARTH_ERROR_INVALID, "2: a line longer than 1 MB");

  /* A quote that never closes in a big file is named as such, at its line. */
  memcpy (csv, "a\n\"", 3);
  memset (csv + 3, 'x', MB + 32);
  assert_fails (csv, MB + 35, HEARTH_ERROR_INVALID, "2: a quoted field never ends");
}

static void
test_latin1 (void)
{
  g_autoptr(HearthCsvReader) reader = reader_for ("nom;ville\nRen\xe9;Orl\xe9" "ans\n", -1, TRUE);
  g_autoptr(HearthCsvReader) ascii = reader_for ("a,b\n", -1, TRUE);
  g_autofree char *rows = NULL;
  g_autofree char *ascii_rows = NULL;

  rows = dump (reader);
  g_assert_cmpstr (rows, ==, "1:nom|ville\n2:Ren\xc3\xa9|Orl\xc3\xa9" "ans\n");
  /* Sizes are of the converted text. */
  g_assert_cmpuint (hearth_csv_reader_get_size (reader), ==, strlen ("nom;ville\nRen\xc3\xa9;Orl\xc3\xa9" "ans\n"));

  ascii_rows = dump (ascii);
  g_assert_cmpstr (ascii_rows, ==, "1:a|b\n");

  /* Every byte is a Latin-1 character. */
  {
    g_autoptr(HearthCsvReader) high = reader_for ("\xff\x80,\xa0", -1, TRUE);
    g_autofree char *high_rows = dump (high);

    g_assert_cmpstr (high_rows, ==, "1:\xc3\xbf\xc2\x80|\xc2\xa0\n");
  }
}

static void
test_empty (void)
{
  g_autoptr(HearthCsvReader) reader = reader_for ("", 0, FALSE);
  g_autoptr(HearthCsvReader) null_reader = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (hearth_csv_reader_next_row (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hearth_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_cmpuint (hearth_csv_reader_get_size (reader), ==, 0);
  g_assert_cmpuint (hearth_csv_reader_get_offset (reader), ==, 0);
  g_assert_cmpint (hearth_csv_reader_get_delimiter (reader), ==, ',');

  null_reader = hearth_csv_reader_new (bytes, TRUE);
  g_assert_false (hearth_csv_reader_next_row (null_reader, &error));
  g_assert_no_error (error);
}

static void
test_progress (void)
{
  const char *csv = "member_id,day,kind,count\nm1,2024-01-01,message,3\n\nm2,2024-01-02,message,1\n";
  g_autoptr(HearthCsvReader) reader = reader_for (csv, -1, FALSE);
  g_autoptr(GError) error = NULL;
  guint64 last = 0;
  guint rows = 0;

  g_assert_cmpuint (hearth_csv_reader_get_size (reader), ==, strlen (csv));
  g_assert_cmpuint (hearth_csv_reader_get_offset (reader), ==, 0);
  g_assert_cmpuint (hearth_csv_reader_get_line (reader), ==, 0);

  while (hearth_csv_reader_next_row (reader, &error))
    {
      g_assert_cmpuint (hearth_csv_reader_get_offset (reader), >, last);
      last = hearth_csv_reader_get_offset (reader);
      g_assert_cmpuint (hearth_csv_reader_get_n_fields (reader), ==, 4);
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpuint (hearth_csv_reader_get_offset (reader), ==, hearth_csv_reader_get_size (reader));
}

static void
test_mapped_file (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autofree char *path = g_build_filename (td->dir, "activity.csv", NULL);
  g_autofree char *empty = g_build_filename (td->dir, "empty.csv", NULL);
  g_autofree char *missing = g_build_filename (td->dir, "missing.csv", NULL);
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autoptr(HearthCsvReader) empty_reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  test_write_file (path, "a;b\n\xe9;2\n", 8);
  test_write_file (empty, "", 0);

  reader = hearth_csv_reader_new_for_path (path, TRUE, &error);
  g_assert_no_error (error);
  rows = dump (reader);
  g_assert_cmpstr (rows, ==, "1:a|b\n2:\xc3\xa9|2\n");

  empty_reader = hearth_csv_reader_new_for_path (empty, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_csv_reader_next_row (empty_reader, &error));
  g_assert_no_error (error);

  g_assert_null (hearth_csv_reader_new_for_path (missing, FALSE, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  /* Only the system's words: the caller names the file. */
  g_assert_cmpstr (error->message, ==, g_strerror (ENOENT));
  g_clear_error (&error);

  g_assert_null (hearth_csv_reader_new_for_path (td->dir, FALSE, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, g_strerror (EISDIR));
}

/* Dates */

static guint32
julian (int year,
        int month,
        int day)
{
  return g_date_get_julian (&(GDate) { .julian = FALSE, .dmy = TRUE,
                                       .year = year, .month = month, .day = day });
}

static void
assert_time (const char *text,
             const char *format,
             const char *day,
             gint64      unix_time)
{
  guint32 julian_day = 0;
  gint64 t = -1;
  char out[11];

  if (!hearth_import_parse_time (text, format, &julian_day, &t))
    g_error ("'%s' (format %s) was refused", text, format ? format : "none");

  hearth_julian_day_format (julian_day, out);
  g_assert_cmpstr (out, ==, day);
  g_assert_cmpint (t, ==, unix_time);

  /* Both outputs are optional. */
  g_assert_true (hearth_import_parse_time (text, format, NULL, NULL));
}

static void
assert_refused (const char *text,
                const char *format)
{
  guint32 julian_day = 0;
  gint64 t = 0;

  if (hearth_import_parse_time (text, format, &julian_day, &t))
    g_error ("'%s' (format %s) was accepted", text, format ? format : "none");
}

static void
test_dates_iso (void)
{
  guint32 julian_day = 0;

  g_assert_true (hearth_import_parse_time ("2024-03-05", NULL, &julian_day, NULL));
  g_assert_cmpuint (julian_day, ==, julian (2024, 3, 5));
  g_assert_true (hearth_import_parse_time ("0001-01-01T00:00Z", NULL, &julian_day, NULL) == FALSE);

  assert_time ("1970-01-01", NULL, "1970-01-01", 0);
  assert_time ("  2024-03-05 ", NULL, "2024-03-05", 1709596800);
  assert_time ("1000-01-01", NULL, "1000-01-01", -30610224000);
  assert_time ("9999-12-31", NULL, "9999-12-31", 253402214400);
  assert_time ("1969-12-31", NULL, "1969-12-31", -86400);

  assert_time ("2024-01-10T10:00", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T10:00:00", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10 10:00:00", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T10:00:00Z", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T10:00:00.123456Z", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10 10:00:00 UTC", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T12:00:00+02:00", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T12:00:00+0200", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T12:00+02", NULL, "2024-01-10", 1704880800);
  assert_time ("2024-01-10T05:30:00-04:30", NULL, "2024-01-10", 1704880800);
  assert_time ("2023-04-01T12:34:56.789+02:00", NULL, "2023-04-01", 1680345296);

  /* Offsets move the day across midnight, either way and across years. */
  assert_time ("2024-01-01T00:30:00+01:00", NULL, "2023-12-31", 1704065400);
  assert_time ("2023-12-31T23:30:00-01:00", NULL, "2024-01-01", 1704069000);
  assert_time ("2024-03-01T01:00:00+02:00", NULL, "2024-02-29", 1709247600);
  assert_time ("1970-01-01T00:00:00+00:01", NULL, "1969-12-31", -60);

  /* A leap second stays in its day. */
  assert_time ("2016-12-31T23:59:60Z", NULL, "2016-12-31", 1483228799);

  /* Leap days. */
  assert_time ("2024-02-29", NULL, "2024-02-29", 1709164800);
  assert_time ("2000-02-29", NULL, "2000-02-29", 951782400);
  assert_refused ("2023-02-29", NULL);
  assert_refused ("1900-02-29", NULL);
  assert_refused ("2023-02-29T10:00:00Z", NULL);

  /* Ranges. */
  assert_refused ("2024-00-10", NULL);
  assert_refused ("2024-13-10", NULL);
  assert_refused ("2024-04-31", NULL);
  assert_refused ("2024-04-00", NULL);
  assert_refused ("0999-12-31", NULL);
  assert_refused ("2024-01-10T24:00:00Z", NULL);
  assert_refused ("2024-01-10T10:60:00Z", NULL);
  assert_refused ("2024-01-10T10:00:61Z", NULL);
  assert_refused ("2024-01-10T10:00:00+24:00", NULL);
  assert_refused ("2024-01-10T10:00:00+02:60", NULL);

  /* Garbage. */
  assert_refused ("", NULL);
  assert_refused ("   ", NULL);
  assert_refused ("yesterday", NULL);
  assert_refused ("2024-1-10", NULL);
  assert_refused ("2024/01/10", NULL);
  assert_refused ("20240110", NULL);
  assert_refused ("2024-01-10x", NULL);
  assert_refused ("2024-01-10T", NULL);
  assert_refused ("2024-01-10T10", NULL);
  assert_refused ("2024-01-10T10:00:00.", NULL);
  assert_refused ("2024-01-10T10:00:00+2", NULL);
  assert_refused ("2024-01-10T10:00:00+02:0", NULL);
  assert_refused ("2024-01-10T10:00:00 GMT", NULL);
  assert_refused ("2024-01-10T10:00:00ZZ", NULL);
  assert_refused ("2024-01-10\n", NULL);
  assert_refused ("+024-01-10", NULL);
}

static void
test_dates_format (void)
{
  assert_time ("05.03.2024 14:07", "%d.%m.%Y %H:%M", "2024-03-05", 1709647620);
  assert_time ("5.3.2024 4:07", "%d.%m.%Y %H:%M", "2024-03-05", 1709611620);
  assert_time ("3/5/2024 2:07 PM", "%m/%d/%Y %I:%M %p", "2024-03-05", 1709647620);
  assert_time ("3/5/2024   2:07   pm", "%m/%d/%Y %I:%M %p", "2024-03-05", 1709647620);
  assert_time ("3/5/2024 12:07 AM", "%m/%d/%Y %I:%M %p", "2024-03-05", 1709597220);
  assert_time ("3/5/2024 12:07 pm", "%m/%d/%Y %I:%M %p", "2024-03-05", 1709640420);
  assert_time ("05/03/24", "%d/%m/%y", "2024-03-05", 1709596800);
  assert_time ("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S", "2024-03-05", 1709647629);
  assert_time ("100% 05.03.2024", "100%% %d.%m.%Y", "2024-03-05", 1709596800);

  /* ISO is always accepted, whatever the format. */
  assert_time ("2024-03-05", "%d.%m.%Y", "2024-03-05", 1709596800);

  assert_refused ("05.03.2024 14:07", NULL);
  assert_refused ("05.03.2024", "%d.%m.%Y %H:%M");
  assert_refused ("05.03.2024 14:07 x", "%d.%m.%Y %H:%M");
  assert_refused ("05.03.2024 14:07", "%d.%m.%Y  %H:%M:%S");
  assert_refused ("05.03.202414:07", "%d.%m.%Y %H:%M");
  assert_refused ("31.02.2024", "%d.%m.%Y");
  assert_refused ("29.02.2023", "%d.%m.%Y");
  assert_time ("29.02.2024", "%d.%m.%Y", "2024-02-29", 1709164800);
  assert_refused ("05.13.2024", "%d.%m.%Y");
  assert_refused ("05.03.2024 25:00", "%d.%m.%Y %H:%M");
  assert_refused ("3/5/2024 13:07 PM", "%m/%d/%Y %I:%M %p");
  assert_refused ("3/5/2024 0:07 PM", "%m/%d/%Y %I:%M %p");
  assert_refused ("3/5/2024 2:07 XM", "%m/%d/%Y %I:%M %p");
  assert_refused ("5.3", "%d.%m");
  assert_refused ("05.03.2024", "%d.%m.%Y %");
  assert_refused ("05.03.2024", "%d.%m.%Q");
  assert_refused ("garbage", "%d.%m.%Y");
  assert_refused ("", "%d.%m.%Y");
}

static void
test_julian_format (void)
{
  char out[11];
  guint32 julian_day = 0;

  hearth_julian_day_format (1, out);
  g_assert_cmpstr (out, ==, "0001-01-01");
  hearth_julian_day_format (julian (1970, 1, 1), out);
  g_assert_cmpstr (out, ==, "1970-01-01");
  hearth_julian_day_format (julian (9999, 12, 31), out);
  g_assert_cmpstr (out, ==, "9999-12-31");

  /* Every day of four centuries (one of each leap rule) goes round: format, parse, compare
   * with GDate. */
  for (guint32 j = julian (1899, 12, 1); j <= julian (2301, 3, 1); j++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, j);
      hearth_julian_day_format (j, out);
      g_assert_cmpint (g_date_get_year (&date), ==, atoi (out));
      g_assert_cmpint (g_date_get_month (&date), ==, atoi (out + 5));
      g_assert_cmpint (g_date_get_day (&date), ==, atoi (out + 8));
      g_assert_true (hearth_import_parse_time (out, NULL, &julian_day, NULL));
      g_assert_cmpuint (julian_day, ==, j);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv-reader/delimiters", test_delimiters);
  g_test_add_func ("/csv-reader/quoting", test_quoting);
  g_test_add_func ("/csv-reader/line-endings", test_line_endings);
  g_test_add_func ("/csv-reader/bom", test_bom);
  g_test_add_func ("/csv-reader/errors", test_errors);
  g_test_add_func ("/csv-reader/long-lines", test_long_lines);
  g_test_add_func ("/csv-reader/latin1", test_latin1);
  g_test_add_func ("/csv-reader/empty", test_empty);
  g_test_add_func ("/csv-reader/progress", test_progress);
  g_test_add_func ("/csv-reader/mapped-file", test_mapped_file);
  g_test_add_func ("/import-date/iso", test_dates_iso);
  g_test_add_func ("/import-date/format", test_dates_format);
  g_test_add_func ("/import-date/julian-format", test_julian_format);

  return g_test_run ();
}
