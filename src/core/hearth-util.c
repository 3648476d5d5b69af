/* hearth-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hearth-util.h"

/* Record ids are random UUIDs so that programs exported by two organizers never clash and a
 * merge can match records by id alone. */
char *
hearth_new_id (void)
{
  return g_uuid_string_random ();
}

/* Timestamps are UTC with milliseconds, as DESIGN §4 fixes them: 2026-05-01T09:30:00.123Z. */
char *
hearth_timestamp_format (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  utc = g_date_time_to_utc (datetime);
  base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (utc) / 1000);
}

char *
hearth_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return hearth_timestamp_format (now);
}

/* Strict YYYY-MM-DD with a real calendar day. */
gboolean
hearth_date_is_valid (const char *text)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);

  return y >= 1 && g_date_valid_dmy (d, m, y);
}

/* The program's reference day: as_of when set, else $HEARTH_TODAY (end-to-end tests), else
 * today in UTC. Core functions take the result as a parameter and never read the clock. */
GDate *
hearth_reference_day (const char *as_of)
{
  const char *override = g_getenv ("HEARTH_TODAY");
  GDate *date = g_date_new ();

  if (hearth_date_is_valid (as_of))
    g_date_set_dmy (date, atoi (as_of + 8), atoi (as_of + 5), atoi (as_of));
  else if (hearth_date_is_valid (override))
    g_date_set_dmy (date, atoi (override + 8), atoi (override + 5), atoi (override));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_date_set_dmy (date,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  return date;
}

char *
hearth_date_to_string (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
hearth_str_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/**
 * hearth_iso_week_bounds:
 * @iso_week: an ISO 8601 week, `YYYY-Www` (2026-W05)
 * @monday: (out caller-allocates) (optional): its first day
 * @sunday: (out caller-allocates) (optional): its last day
 *
 * ISO weeks start on Monday; week 1 is the one holding January 4th, so a week's days can fall
 * in two calendar years (2020-W53 ends on 2021-01-03) and some years have 53 weeks.
 *
 * Returns: whether @iso_week is well-formed and names a week its year has
 */
gboolean
hearth_iso_week_bounds (const char *iso_week,
                        GDate      *monday,
                        GDate      *sunday)
{
  GDate first;
  GDate dec28;
  guint year, week;

  if (iso_week == NULL || strlen (iso_week) != 8 || iso_week[4] != '-' || iso_week[5] != 'W')
    return FALSE;
  for (guint i = 0; i < 8; i++)
    if (i != 4 && i != 5 && !g_ascii_isdigit (iso_week[i]))
      return FALSE;

  year = atoi (iso_week);
  week = atoi (iso_week + 6);
  /* The last year GDate can hold whole, with the first days of the next one. */
  if (year < 1 || year > 9998 || week < 1)
    return FALSE;

  /* December 28th always lies in the year's last week. */
  g_date_clear (&dec28, 1);
  g_date_set_dmy (&dec28, 28, G_DATE_DECEMBER, year);
  if (week > g_date_get_iso8601_week_of_year (&dec28))
    return FALSE;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 4, G_DATE_JANUARY, year);
  /* Back to the Monday of week 1; that may be in December of the year before, which GDate
   * cannot hold for year 1. */
  if (year == 1 && g_date_get_weekday (&first) - 1 >= 4)
    return FALSE;
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  g_date_add_days (&first, 7 * (week - 1));

  if (monday != NULL)
    *monday = first;
  if (sunday != NULL)
    {
      *sunday = first;
      g_date_add_days (sunday, 6);
    }

  return TRUE;
}

/**
 * hearth_iso_week_of:
 * @date: a valid day
 * @out: (out caller-allocates): receives its ISO 8601 week, `YYYY-Www`, NUL-terminated
 *
 * The week's year is the ISO year, which differs from the calendar year around New Year:
 * 2021-01-01 is in 2020-W53, 2024-12-30 in 2025-W01.
 */
void
hearth_iso_week_of (const GDate *date,
                    char         out[9])
{
  guint week;
  guint year;

  g_return_if_fail (date != NULL && g_date_valid (date));

  week = g_date_get_iso8601_week_of_year (date);
  year = g_date_get_year (date);
  if (g_date_get_month (date) == G_DATE_JANUARY && week >= 52)
    year--;
  else if (g_date_get_month (date) == G_DATE_DECEMBER && week == 1)
    year++;

  g_snprintf (out, 9, "%04u-W%02u", year % 10000, week);
}

char **
hearth_string_list_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (!hearth_str_empty (json) && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }

  return g_strv_builder_end (builder);
}
