/* hearth-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *hearth_new_id             (void);
char      *hearth_timestamp_now      (void);
char      *hearth_timestamp_format   (GDateTime  *datetime);
gboolean   hearth_date_is_valid      (const char *text);
GDate     *hearth_reference_day      (const char *as_of);
char      *hearth_date_to_string     (const GDate *date);
gboolean   hearth_str_empty          (const char *text);
/* A JSON array of strings (a list column, tags) as a string list: never NULL; anything that
 * is not such an array gives an empty list, other elements are skipped. */
char     **hearth_string_list_from_json (const char *json);
gboolean   hearth_iso_week_bounds    (const char  *iso_week,
                                      GDate       *monday,
                                      GDate       *sunday);
void       hearth_iso_week_of        (const GDate *date,
                                      char         out[9]);

G_END_DECLS
