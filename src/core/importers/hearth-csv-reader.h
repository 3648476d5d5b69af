/* hearth-csv-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-error.h"

G_BEGIN_DECLS

/* A record (one logical line, quoted line breaks included) longer than this is refused. */
#define HEARTH_CSV_MAX_LINE (1024 * 1024)

#define HEARTH_TYPE_CSV_READER (hearth_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (HearthCsvReader, hearth_csv_reader, HEARTH, CSV_READER, GObject)

HearthCsvReader  *hearth_csv_reader_new            (GBytes           *bytes,
                                                    gboolean          latin1);
HearthCsvReader  *hearth_csv_reader_new_for_path   (const char       *path,
                                                    gboolean          latin1,
                                                    GError          **error);
char              hearth_csv_reader_get_delimiter  (HearthCsvReader  *self);
void              hearth_csv_reader_set_delimiter  (HearthCsvReader  *self,
                                                    char              delimiter);
gboolean          hearth_csv_reader_next_row       (HearthCsvReader  *self,
                                                    GError          **error);
guint             hearth_csv_reader_get_n_fields   (HearthCsvReader  *self);
const char       *hearth_csv_reader_get_field      (HearthCsvReader  *self,
                                                    guint             index);
gsize             hearth_csv_reader_get_field_length (HearthCsvReader *self,
                                                    guint             index);
guint             hearth_csv_reader_get_line       (HearthCsvReader  *self);
guint64           hearth_csv_reader_get_offset     (HearthCsvReader  *self);
guint64           hearth_csv_reader_get_size       (HearthCsvReader  *self);

/* Dates and times as import files write them (hearth-import-date.c). */

gboolean          hearth_import_parse_time         (const char       *text,
                                                    const char       *date_format,
                                                    guint32          *julian_day,
                                                    gint64           *unix_time);
void              hearth_julian_day_format         (guint32           julian_day,
                                                    char              out[11]);

G_END_DECLS
