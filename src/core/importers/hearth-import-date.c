/* hearth-import-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates and times as import files write them. An activity file has a date on every one of
 * millions of rows, so everything here is parsed by hand, without GDateTime, strptime (which
 * follows the locale) or any allocation. Days are counted with the civil-from-days arithmetic
 * of H. Hinnant's "chrono-compatible low-level date algorithms".
 */

#define G_LOG_DOMAIN "hearth-import-date"

#include "config.h"

#include <string.h>

#include "hearth-csv-reader.h"

/* The GDate julian day (0001-01-01 is 1) of 1970-01-01. */
#define JULIAN_UNIX_EPOCH 719163
/* The julian day of 9999-12-31. */
#define JULIAN_MAX 3652059
#define SECONDS_PER_DAY 86400

typedef struct
{
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
  /* East of UTC, in seconds. */
  int offset;
} Stamp;

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap_year (year) ? 29 : days[month - 1];
}

/* Days from 1970-01-01 to the given day of the proleptic Gregorian calendar. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

static gboolean
stamp_is_valid (const Stamp *stamp)
{
  return stamp->year >= 1000 && stamp->year <= 9999 &&
         stamp->month >= 1 && stamp->month <= 12 &&
         stamp->day >= 1 && stamp->day <= days_in_month (stamp->year, stamp->month) &&
         stamp->hour >= 0 && stamp->hour <= 23 &&
         stamp->minute >= 0 && stamp->minute <= 59 &&
         stamp->second >= 0 && stamp->second <= 60;
}

static void
stamp_to_utc (const Stamp *stamp,
              guint32     *julian_day,
              gint64      *unix_time)
{
  /* A leap second belongs to the minute it ends. */
  int second = MIN (stamp->second, 59);
  gint64 t = days_from_civil (stamp->year, stamp->month, stamp->day) * SECONDS_PER_DAY +
             stamp->hour * 3600 + stamp->minute * 60 + second - stamp->offset;
  gint64 days = t >= 0 ? t / SECONDS_PER_DAY : -((-t + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);

  if (julian_day != NULL)
    *julian_day = days + JULIAN_UNIX_EPOCH;
  if (unix_time != NULL)
    *unix_time = t;
}

/* Reads exactly @n digits. */
static inline gboolean
read_digits (const char **p,
             const char  *end,
             int          n,
             int         *value)
{
  const char *s = *p;
  int v = 0;

  if (end - s < n)
    return FALSE;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }

  *p = s + n;
  *value = v;
  return TRUE;
}

/* Reads one or two digits. */
static inline gboolean
read_1_or_2_digits (const char **p,
                    const char  *end,
                    int         *value)
{
  if (read_digits (p, end, 2, value))
    return TRUE;
  return read_digits (p, end, 1, value);
}

/* YYYY-MM-DD, then optionally a time of day and a zone, and nothing else. */
static gboolean
parse_iso (const char *p,
           const char *end,
           Stamp      *stamp)
{
  int sign;
  int hours;
  int minutes = 0;

  if (!read_digits (&p, end, 4, &stamp->year) || p == end || *p++ != '-' ||
      !read_digits (&p, end, 2, &stamp->month) || p == end || *p++ != '-' ||
      !read_digits (&p, end, 2, &stamp->day))
    return FALSE;

  if (p == end)
    return TRUE;

  if (*p != 'T' && *p != 't' && *p != ' ')
    return FALSE;
  p++;

  if (!read_digits (&p, end, 2, &stamp->hour) || p == end || *p++ != ':' ||
      !read_digits (&p, end, 2, &stamp->minute))
    return FALSE;

  if (p < end && *p == ':')
    {
      p++;
      if (!read_digits (&p, end, 2, &stamp->second))
        return FALSE;

      if (p < end && (*p == '.' || *p == ','))
        {
          p++;
          if (p == end || !g_ascii_isdigit (*p))
            return FALSE;
          while (p < end && g_ascii_isdigit (*p))
            p++;
        }
    }

  if (p == end)
    return TRUE;

  if (*p == 'Z' || *p == 'z')
    return p + 1 == end;

  if (*p == ' ')
    {
      while (p < end && *p == ' ')
        p++;
      return end - p == 3 && memcmp (p, "UTC", 3) == 0;
    }

  if (*p != '+' && *p != '-')
    return FALSE;
  sign = *p++ == '-' ? -1 : 1;

  if (!read_digits (&p, end, 2, &hours))
    return FALSE;
  if (p < end && *p == ':')
    {
      p++;
      if (!read_digits (&p, end, 2, &minutes))
        return FALSE;
    }
  else if (p < end && !read_digits (&p, end, 2, &minutes))
    {
      return FALSE;
    }

  if (p != end || hours > 23 || minutes > 59)
    return FALSE;

  stamp->offset = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

/* The subset of strftime() the import dialog offers; see hearth_import_parse_time(). */
static gboolean
parse_with_format (const char *p,
                   const char *end,
                   const char *format,
                   Stamp      *stamp)
{
  gboolean has_year = FALSE;
  gboolean has_month = FALSE;
  gboolean has_day = FALSE;
  int hour12 = -1;
  int pm = -1;

  while (*format != '\0')
    {
      if (*format == ' ')
        {
          while (*format == ' ')
            format++;
          if (p == end || *p != ' ')
            return FALSE;
          while (p < end && *p == ' ')
            p++;
          continue;
        }

      if (*format != '%')
        {
          if (p == end || *p != *format)
            return FALSE;
          p++;
          format++;
          continue;
        }

      format++;
      switch (*format++)
        {
        case 'd':
          if (!read_1_or_2_digits (&p, end, &stamp->day))
            return FALSE;
          has_day = TRUE;
          break;

        case 'm':
          if (!read_1_or_2_digits (&p, end, &stamp->month))
            return FALSE;
          has_month = TRUE;
          break;

        case 'Y':
          if (!read_digits (&p, end, 4, &stamp->year))
            return FALSE;
          has_year = TRUE;
          break;

        case 'y':
          if (!read_digits (&p, end, 2, &stamp->year))
            return FALSE;
          stamp->year += 2000;
          has_year = TRUE;
          break;

        case 'H':
          if (!read_1_or_2_digits (&p, end, &stamp->hour))
            return FALSE;
          break;

        case 'I':
          if (!read_1_or_2_digits (&p, end, &hour12) || hour12 < 1 || hour12 > 12)
            return FALSE;
          break;

        case 'M':
          if (!read_1_or_2_digits (&p, end, &stamp->minute))
            return FALSE;
          break;

        case 'S':
          if (!read_1_or_2_digits (&p, end, &stamp->second))
            return FALSE;
          break;

        case 'p':
          if (end - p < 2 || g_ascii_toupper (p[1]) != 'M')
            return FALSE;
          if (g_ascii_toupper (p[0]) == 'A')
            pm = 0;
          else if (g_ascii_toupper (p[0]) == 'P')
            pm = 1;
          else
            return FALSE;
          p += 2;
          break;

        case '%':
          if (p == end || *p++ != '%')
            return FALSE;
          break;

        default:
          /* An unknown conversion, or a '%' ending the format. */
          return FALSE;
        }
    }

  if (p != end || !has_year || !has_month || !has_day)
    return FALSE;

  /* 12 AM is midnight, 12 PM noon; %I without %p reads as AM. */
  if (hour12 >= 0)
    stamp->hour = hour12 % 12 + (pm == 1 ? 12 : 0);
  else if (pm >= 0)
    return FALSE;

  return TRUE;
}

/**
 * hearth_import_parse_time:
 * @text: a date or a date and time
 * @date_format: (nullable): a format to try when @text is not ISO 8601
 * @julian_day: (out) (optional): the day in UTC, as a GDate julian day
 * @unix_time: (out) (optional): the time in UTC, in seconds since 1970
 *
 * Reads `YYYY-MM-DD` (midnight UTC), or an ISO 8601 date and time (`T` or a space between
 * them, seconds and a fraction optional) followed by nothing (UTC), `Z`, `+HH:MM`, `+HHMM`,
 * `+HH` or ` UTC`; a time with an offset is moved to UTC before its day is taken. Years run
 * from 1000 to 9999. Spaces around @text are ignored.
 *
 * Failing that, @date_format is tried: `%d %m %H %M %S %I` take one or two digits, `%Y` four,
 * `%y` two (20yy), `%p` AM or PM in any case, `%%` a percent sign; spaces match one or more
 * spaces, anything else itself, and the whole text must match. Such times are taken as UTC.
 *
 * Returns: whether @text was understood
 */
gboolean
hearth_import_parse_time (const char *text,
                          const char *date_format,
                          guint32    *julian_day,
                          gint64     *unix_time)
{
  const char *p = text;
  const char *end;
  Stamp stamp = { 0, };

  g_return_val_if_fail (text != NULL, FALSE);

  while (*p == ' ' || *p == '\t')
    p++;
  end = p + strlen (p);
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;

  /* The fast path: a plain day, as a generic activity file has on every row. */
  if (end - p == 10 && p[4] == '-' && p[7] == '-' &&
      g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]) && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) &&
      g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]))
    {
      stamp.year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      stamp.month = (p[5] - '0') * 10 + (p[6] - '0');
      stamp.day = (p[8] - '0') * 10 + (p[9] - '0');

      if (!stamp_is_valid (&stamp))
        return FALSE;

      stamp_to_utc (&stamp, julian_day, unix_time);
      return TRUE;
    }

  if (parse_iso (p, end, &stamp) && stamp_is_valid (&stamp))
    {
      stamp_to_utc (&stamp, julian_day, unix_time);
      return TRUE;
    }

  if (date_format == NULL)
    return FALSE;

  memset (&stamp, 0, sizeof stamp);
  if (parse_with_format (p, end, date_format, &stamp) && stamp_is_valid (&stamp))
    {
      stamp_to_utc (&stamp, julian_day, unix_time);
      return TRUE;
    }

  return FALSE;
}

/**
 * hearth_julian_day_format:
 * @julian_day: a GDate julian day from 0001-01-01 to 9999-12-31
 * @out: (out caller-allocates): where `YYYY-MM-DD` and a NUL are written
 */
void
hearth_julian_day_format (guint32 julian_day,
                          char    out[11])
{
  int year;
  int month;
  int day;

  g_return_if_fail (out != NULL);

  out[0] = '\0';
  g_return_if_fail (julian_day >= 1 && julian_day <= JULIAN_MAX);

  civil_from_days ((gint64)julian_day - JULIAN_UNIX_EPOCH, &year, &month, &day);

  out[0] = '0' + year / 1000;
  out[1] = '0' + year / 100 % 10;
  out[2] = '0' + year / 10 % 10;
  out[3] = '0' + year % 10;
  out[4] = '-';
  out[5] = '0' + month / 10;
  out[6] = '0' + month % 10;
  out[7] = '-';
  out[8] = '0' + day / 10;
  out[9] = '0' + day % 10;
  out[10] = '\0';
}
