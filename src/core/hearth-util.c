/* hearth-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>

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
