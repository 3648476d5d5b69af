/* hearth-badge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A badge of the program (DESIGN §4) and its optional rule. Rules never award by themselves:
 * hearth_badge_rule_ready() says who meets one on the reference day, and the organizer confirms.
 *
 * The rules, as hearth_badge_rule_ready() reads them (see hearth-badge.h):
 *
 *   eligible        the program's live members with the status "ambassador" that are not bots.
 *   activity        the sum of the member's activity of kind rule_metric on days in
 *                   (reference − window, reference]; all of it up to the reference day without a
 *                   window.
 *   ambassador_weeks whole weeks (days / 7) of the union of the member's live assignments in
 *                   live roles, each [starts_on, ended_on) or [starts_on, reference] while it
 *                   runs; an end after the reference day is cut at the reference day, and an
 *                   assignment starting after it counts nothing. Two overlapping roles count
 *                   their shared days once.
 *   checkins        the member's live check-in rows (on live assignments in live roles) with an
 *                   ISO week up to the reference day's week; two roles checked in the same week
 *                   are two check-ins.
 *   tenure_years    full years from joined_on to the reference day: the anniversary counts, and
 *                   a 29 February anniversary falls on 28 February in other years. A member
 *                   without joined_on has no tenure.
 *
 * A threshold that is not set (or below 1) is 1. A member with a live award of the badge is left
 * out, unless the badge can be granted more than once: then only what came after their latest
 * live award counts (activity and assignment days from the day after it, check-ins of later ISO
 * weeks than the award day's, tenure years from the award day). Awards of deleted (revoked)
 * rows do not count, so revoking makes the member ready again.
 *
 * Query count: three statements for the whole call (badges, eligible members, latest awards),
 * then one per badge with a rule, whatever the number of members.
 */

#define G_LOG_DOMAIN "hearth-badge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "hearth-badge.h"
#include "hearth-schema.h"
#include "hearth-util.h"

struct _HearthBadge
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthBadge, hearth_badge, HEARTH_TYPE_RECORD)

const char * const hearth_badge_tiers[] = { "bronze", "silver", "gold", NULL };
const char * const hearth_badge_rule_kinds[] = {
  "activity", "ambassador_weeks", "checkins", "tenure_years", NULL
};

/* The same declarations as hearth-schema.c's badge_columns (which the snapshot code reads). */
const HearthColumn hearth_badge_columns[HEARTH_BADGE_N_COLUMNS] = {
  [HEARTH_BADGE_PROGRAM_ID] = { "program_id", HEARTH_COLUMN_TEXT,
                                HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                                .references = "program" },
  [HEARTH_BADGE_NAME] = { "name", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_BADGE_DESCRIPTION] = { "description", HEARTH_COLUMN_TEXT },
  [HEARTH_BADGE_CRITERIA] = { "criteria", HEARTH_COLUMN_TEXT },
  [HEARTH_BADGE_TIER] = { "tier", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                          hearth_badge_tiers, 0, "bronze" },
  /* A name of the render library's icon set. */
  [HEARTH_BADGE_ICON] = { "icon", HEARTH_COLUMN_TEXT },
  /* "#rrggbb", lowercase (the schema's CHECK). */
  [HEARTH_BADGE_COLOR] = { "color", HEARTH_COLUMN_TEXT },
  /* NULL: given by hand only. */
  [HEARTH_BADGE_RULE_KIND] = { "rule_kind", HEARTH_COLUMN_ENUM, 0, hearth_badge_rule_kinds },
  [HEARTH_BADGE_RULE_METRIC] = { "rule_metric", HEARTH_COLUMN_TEXT },
  /* -1 stands for NULL. */
  [HEARTH_BADGE_RULE_THRESHOLD] = { "rule_threshold", HEARTH_COLUMN_INT, 0, NULL, -1 },
  [HEARTH_BADGE_RULE_WINDOW_DAYS] = { "rule_window_days", HEARTH_COLUMN_INT, 0, NULL, -1 },
  [HEARTH_BADGE_MULTIPLE_GRANT] = { "multiple_grant", HEARTH_COLUMN_BOOL,
                                    HEARTH_COLUMN_FLAGS_REQUIRED },
};

static gboolean
color_is_valid (const char *color)
{
  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isdigit (color[i]) && !(color[i] >= 'a' && color[i] <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
hearth_badge_validate (HearthRecord  *record,
                       GError       **error)
{
  HearthBadge *self = HEARTH_BADGE (record);
  const char *color = hearth_badge_get_color (self);
  const char *rule_kind = hearth_badge_get_rule_kind (self);
  const char *metric = hearth_badge_get_rule_metric (self);

  if (color != NULL && !color_is_valid (color))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "badge.color: expected a colour as #rrggbb, in lowercase");
      return FALSE;
    }

  /* Negative values stand for NULL; the rule's numbers start at 1. */
  if (hearth_badge_get_rule_threshold (self) == 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "badge.rule_threshold: a threshold of 1 or more is required");
      return FALSE;
    }
  if (hearth_badge_get_rule_window_days (self) == 0)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "badge.rule_window_days: a window of 1 day or more is required");
      return FALSE;
    }

  if (metric != NULL && !g_strv_contains (hearth_activity_kinds, metric))
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **)hearth_activity_kinds);

      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "badge.rule_metric: expected one of %s", kinds);
      return FALSE;
    }
  if (g_strcmp0 (rule_kind, "activity") == 0 && metric == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "badge.rule_metric: an activity rule needs a kind of activity");
      return FALSE;
    }

  return TRUE;
}

static void
hearth_badge_class_init (HearthBadgeClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_badge_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "badge",
                                 hearth_badge_columns, HEARTH_BADGE_N_COLUMNS,
                                 "name COLLATE NOCASE, created_at, rowid");
}

static void
hearth_badge_init (HearthBadge *self)
{
}

HearthBadge *
hearth_badge_new (const char *program_id,
                  const char *name)
{
  return g_object_new (HEARTH_TYPE_BADGE, "program-id", program_id, "name", name, NULL);
}

const char *
hearth_badge_get_program_id (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_PROGRAM_ID);
}

const char *
hearth_badge_get_name (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_NAME);
}

const char *
hearth_badge_get_description (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_DESCRIPTION);
}

const char *
hearth_badge_get_criteria (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_CRITERIA);
}

const char *
hearth_badge_get_tier (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_TIER);
}

const char *
hearth_badge_get_icon (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_ICON);
}

const char *
hearth_badge_get_color (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_COLOR);
}

const char *
hearth_badge_get_rule_kind (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_RULE_KIND);
}

const char *
hearth_badge_get_rule_metric (HearthBadge *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_BADGE_RULE_METRIC);
}

gint64
hearth_badge_get_rule_threshold (HearthBadge *self)
{
  gint64 value = hearth_record_get_int (HEARTH_RECORD (self), HEARTH_BADGE_RULE_THRESHOLD);

  return value < 0 ? -1 : value;
}

gint64
hearth_badge_get_rule_window_days (HearthBadge *self)
{
  gint64 value = hearth_record_get_int (HEARTH_RECORD (self), HEARTH_BADGE_RULE_WINDOW_DAYS);

  return value < 0 ? -1 : value;
}

gboolean
hearth_badge_get_multiple_grant (HearthBadge *self)
{
  return hearth_record_get_bool (HEARTH_RECORD (self), HEARTH_BADGE_MULTIPLE_GRANT);
}

/**
 * hearth_badge_load_for_program:
 *
 * Returns: (transfer full) (element-type HearthBadge): the program's live badges, by name
 */
GPtrArray *
hearth_badge_load_for_program (HearthDatabase  *db,
                               const char      *program_id,
                               GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_BADGE, db, "program_id", program_id, error);
}

/* Sentences */

typedef enum
{
  ACTIVITY_ALL,         /* "20 welcomes" */
  ACTIVITY_WITHIN,      /* "20 welcomes within 30 days" (a rule) */
  ACTIVITY_WITHIN_DAY,  /* "20 welcomes within a day" */
  ACTIVITY_LAST,        /* "23 welcomes in the last 30 days" (a member's figure) */
  ACTIVITY_LAST_DAY,    /* "23 welcomes in the last day" */
} ActivityText;

/* One whole sentence per activity kind and form, so translators never assemble one. The
 * formats take the count (%lu) and then the days (%u); the one-day forms have no %u (an unused
 * trailing argument is harmless). Every string is a literal in its own g_dngettext() call, where
 * xgettext finds it. */
static const char *
activity_format (const char   *kind,
                 ActivityText  text,
                 gulong        n)
{
  if (g_strcmp0 (kind, "message") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu message", "%lu messages", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu message within %u days", "%lu messages within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu message within a day", "%lu messages within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu message in the last %u days", "%lu messages in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu message in the last day", "%lu messages in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "thread_started") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu thread started", "%lu threads started", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu thread started within %u days", "%lu threads started within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu thread started within a day", "%lu threads started within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu thread started in the last %u days", "%lu threads started in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu thread started in the last day", "%lu threads started in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "reply") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu reply", "%lu replies", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu reply within %u days", "%lu replies within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu reply within a day", "%lu replies within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu reply in the last %u days", "%lu replies in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu reply in the last day", "%lu replies in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "welcome") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu welcome", "%lu welcomes", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu welcome within %u days", "%lu welcomes within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu welcome within a day", "%lu welcomes within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu welcome in the last %u days", "%lu welcomes in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu welcome in the last day", "%lu welcomes in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "answer") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu answer", "%lu answers", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu answer within %u days", "%lu answers within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu answer within a day", "%lu answers within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu answer in the last %u days", "%lu answers in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu answer in the last day", "%lu answers in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "reaction_received") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu reaction received", "%lu reactions received", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu reaction received within %u days", "%lu reactions received within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu reaction received within a day", "%lu reactions received within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu reaction received in the last %u days", "%lu reactions received in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu reaction received in the last day", "%lu reactions received in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "event_attended") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu event attended", "%lu events attended", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu event attended within %u days", "%lu events attended within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu event attended within a day", "%lu events attended within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu event attended in the last %u days", "%lu events attended in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu event attended in the last day", "%lu events attended in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "event_promoted") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu event promoted", "%lu events promoted", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu event promoted within %u days", "%lu events promoted within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu event promoted within a day", "%lu events promoted within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu event promoted in the last %u days", "%lu events promoted in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu event promoted in the last day", "%lu events promoted in the last day", n);
      default: break;
      }
  else if (g_strcmp0 (kind, "content_shared") == 0)
    switch (text)
      {
      case ACTIVITY_ALL: return g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared", "%lu pieces of content shared", n);
      case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared within %u days", "%lu pieces of content shared within %u days", n);
      case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared within a day", "%lu pieces of content shared within a day", n);
      case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared in the last %u days", "%lu pieces of content shared in the last %u days", n);
      case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu piece of content shared in the last day", "%lu pieces of content shared in the last day", n);
      default: break;
      }

  /* Translators: activity of a kind Hearth does not know (a damaged rule) */
  switch (text)
    {
    case ACTIVITY_WITHIN: return g_dngettext (GETTEXT_PACKAGE, "%lu activity within %u days", "%lu activities within %u days", n);
    case ACTIVITY_WITHIN_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu activity within a day", "%lu activities within a day", n);
    case ACTIVITY_LAST: return g_dngettext (GETTEXT_PACKAGE, "%lu activity in the last %u days", "%lu activities in the last %u days", n);
    case ACTIVITY_LAST_DAY: return g_dngettext (GETTEXT_PACKAGE, "%lu activity in the last day", "%lu activities in the last day", n);
    case ACTIVITY_ALL:
    default:
      return g_dngettext (GETTEXT_PACKAGE, "%lu activity", "%lu activities", n);
    }
}

static char *
activity_sentence (const char *metric,
                   gint64      count,
                   gint64      window_days,
                   gboolean    figure)
{
  gulong n = (gulong)CLAMP (count, 0, (gint64)G_MAXLONG);
  guint days = (guint)CLAMP (window_days, 0, (gint64)G_MAXUINT);
  ActivityText text;

  if (window_days < 1)
    text = ACTIVITY_ALL;
  else if (window_days == 1)
    text = figure ? ACTIVITY_LAST_DAY : ACTIVITY_WITHIN_DAY;
  else
    text = figure ? ACTIVITY_LAST : ACTIVITY_WITHIN;

  return g_strdup_printf (activity_format (metric, text, n), n, days);
}

/* The sentence of the other three rule kinds, the same for a rule and for a member's figure. */
static char *
kind_sentence (const char *rule_kind,
               gint64      count)
{
  gulong n = (gulong)CLAMP (count, 0, (gint64)G_MAXLONG);
  const char *format;

  if (g_strcmp0 (rule_kind, "ambassador_weeks") == 0)
    /* Translators: a badge rule, or how far a member got: "26 weeks as an ambassador" */
    format = g_dngettext (GETTEXT_PACKAGE, "%lu week as an ambassador",
                          "%lu weeks as an ambassador", n);
  else if (g_strcmp0 (rule_kind, "checkins") == 0)
    /* Translators: a badge rule, or how far a member got: "12 check-ins" (weekly reports) */
    format = g_dngettext (GETTEXT_PACKAGE, "%lu check-in", "%lu check-ins", n);
  else if (g_strcmp0 (rule_kind, "tenure_years") == 0)
    /* Translators: a badge rule, or how far a member got: "2 years in the community" */
    format = g_dngettext (GETTEXT_PACKAGE, "%lu year in the community",
                          "%lu years in the community", n);
  else
    return NULL;

  return g_strdup_printf (format, n);
}

char *
hearth_badge_describe_rule (const char *rule_kind,
                            const char *metric,
                            gint64      threshold,
                            gint64      window_days)
{
  if (rule_kind == NULL)
    return NULL;

  threshold = MAX (threshold, 1);

  if (g_strcmp0 (rule_kind, "activity") == 0)
    return activity_sentence (metric, threshold, window_days, FALSE);

  return kind_sentence (rule_kind, threshold);
}

/* Ready to award */

void
hearth_ready_award_free (HearthReadyAward *ready)
{
  if (ready == NULL)
    return;

  g_free (ready->badge_id);
  g_free (ready->badge_name);
  g_free (ready->member_id);
  g_free (ready->member_name);
  g_free (ready->why);
  g_free (ready);
}

#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

/* The eligible members (live ambassadors, not bots) of the program; the same condition in
 * every statement below, as alias m. */
#define ELIGIBLE "m.program_id = ?1 AND m.deleted_at IS NULL AND m.status = 'ambassador' " \
                 "AND m.is_bot = 0"

typedef struct
{
  char    *id;
  char    *name;
  guint32  joined_on;   /* Julian; 0 when not known */
} Member;

typedef struct
{
  char    *id;
  char    *name;
  char    *rule_kind;
  char    *metric;
  gint64   threshold;
  gint64   window_days;
  gboolean multiple;
} Badge;

static void
member_free (gpointer data)
{
  Member *m = data;

  g_free (m->id);
  g_free (m->name);
  g_free (m);
}

static void
badge_free (gpointer data)
{
  Badge *b = data;

  g_free (b->id);
  g_free (b->name);
  g_free (b->rule_kind);
  g_free (b->metric);
  g_free (b);
}

/* A valid YYYY-MM-DD as a Julian day; 0 otherwise. */
static guint32
julian_of (const char *text)
{
  GDate date;

  if (!hearth_date_is_valid (text))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, atoi (text + 8), atoi (text + 5), atoi (text));
  return g_date_valid (&date) ? g_date_get_julian (&date) : 0;
}

static char *
day_text (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return hearth_date_to_string (&date);
}

/* Full years from @from to @to; the anniversary counts, and a 29 February one falls on
 * 28 February in other years. */
static gint64
full_years (guint32 from,
            guint32 to)
{
  GDate a, b;
  guint day;
  gint64 years;

  if (from == 0 || to < from)
    return 0;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, from);
  g_date_set_julian (&b, to);

  years = (gint64)g_date_get_year (&b) - g_date_get_year (&a);
  day = g_date_get_day (&a);
  if (g_date_get_month (&a) == G_DATE_FEBRUARY && day == 29 &&
      !g_date_is_leap_year (g_date_get_year (&b)))
    day = 28;
  if (g_date_get_month (&b) < g_date_get_month (&a) ||
      (g_date_get_month (&b) == g_date_get_month (&a) && g_date_get_day (&b) < day))
    years--;

  return MAX (years, 0);
}

typedef struct
{
  guint32 start;   /* first day */
  guint32 end;     /* first day after */
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Days covered by the union of @spans (sorted here). */
static gint64
union_days (GArray *spans)
{
  gint64 days = 0;
  guint32 covered = 0;   /* the first day not yet counted */

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);
      guint32 start = MAX (s->start, covered);

      if (s->end > start)
        {
          days += s->end - start;
          covered = s->end;
        }
    }

  return days;
}

/* Per member: the badge's figure. @last maps member id → Julian day of their latest live award
 * of the badge (GUINT_TO_POINTER). */
static gboolean
measure_badge (HearthDatabase  *db,
               const char      *program_id,
               const Badge     *badge,
               guint32          reference,
               GHashTable      *members,
               GHashTable      *last,
               GHashTable      *measured,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reference_text = day_text (reference);
  char reference_week[9];
  int rc;

  if (g_strcmp0 (badge->rule_kind, "activity") == 0)
    {
      g_autofree char *after = NULL;

      /* Days in (reference − window, reference], after the latest award. */
      if (badge->window_days > 0 && (gint64)reference > badge->window_days)
        after = day_text (reference - (guint32)badge->window_days);

      if (!(stmt = hearth_database_prepare (db,
                                            "SELECT m.id, sum(act.count) FROM member m "
                                            "LEFT JOIN (SELECT member_id, max(awarded_on) AS day "
                                            "FROM award WHERE badge_id = ?3 AND deleted_at IS NULL "
                                            "GROUP BY member_id) l ON l.member_id = m.id "
                                            "JOIN activity act ON act.member_id = m.id "
                                            "AND act.kind = ?4 AND act.day <= ?2 "
                                            /* One lower bound, so the key (member_id, day)
                                             * gives the range: '' is before any day. */
                                            "AND act.day > max(coalesce(?5, ''), "
                                            "coalesce(l.day, '')) "
                                            "WHERE " ELIGIBLE " GROUP BY m.id", error)))
        return FALSE;
      hearth_bind_text (stmt, 1, program_id);
      hearth_bind_text (stmt, 2, reference_text);
      hearth_bind_text (stmt, 3, badge->id);
      hearth_bind_text (stmt, 4, badge->metric);
      hearth_bind_text (stmt, 5, after);
      FOR_EACH_ROW (db, stmt, rc, error)
        g_hash_table_insert (measured, g_strdup (hearth_column_text (stmt, 0)),
                             g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) },
                                        sizeof (gint64)));
      return rc == SQLITE_DONE;
    }

  if (g_strcmp0 (badge->rule_kind, "ambassador_weeks") == 0)
    {
      g_autoptr(GHashTable) spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)g_array_unref);
      GHashTableIter iter;
      gpointer key, value;

      if (!(stmt = hearth_database_prepare (db,
                                            "SELECT a.member_id, a.starts_on, a.ended_on "
                                            "FROM assignment a "
                                            "JOIN member m ON m.id = a.member_id "
                                            "JOIN role r ON r.id = a.role_id "
                                            "WHERE " ELIGIBLE " AND a.deleted_at IS NULL "
                                            "AND r.deleted_at IS NULL AND a.starts_on <= ?2",
                                            error)))
        return FALSE;
      hearth_bind_text (stmt, 1, program_id);
      hearth_bind_text (stmt, 2, reference_text);
      FOR_EACH_ROW (db, stmt, rc, error)
        {
          const char *member_id = hearth_column_text (stmt, 0);
          guint32 from = GPOINTER_TO_UINT (g_hash_table_lookup (last, member_id));
          guint32 ended = julian_of (hearth_column_text (stmt, 2));
          Span span = {
            .start = julian_of (hearth_column_text (stmt, 1)),
            .end = ended != 0 ? MIN (ended, reference + 1) : reference + 1,
          };
          GArray *list;

          if (span.start == 0)
            continue;
          if (from != 0)
            span.start = MAX (span.start, from + 1);
          if (span.end <= span.start)
            continue;
          if (!(list = g_hash_table_lookup (spans, member_id)))
            {
              list = g_array_new (FALSE, FALSE, sizeof (Span));
              g_hash_table_insert (spans, g_strdup (member_id), list);
            }
          g_array_append_val (list, span);
        }
      if (rc != SQLITE_DONE)
        return FALSE;

      g_hash_table_iter_init (&iter, spans);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (measured, g_strdup (key),
                             g_memdup2 (&(gint64) { union_days (value) / 7 }, sizeof (gint64)));
      return TRUE;
    }

  if (g_strcmp0 (badge->rule_kind, "checkins") == 0)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, reference);
      hearth_iso_week_of (&day, reference_week);

      if (!(stmt = hearth_database_prepare (db,
                                            "SELECT a.member_id, c.iso_week, count(*) "
                                            "FROM checkin c "
                                            "JOIN assignment a ON a.id = c.assignment_id "
                                            "JOIN member m ON m.id = a.member_id "
                                            "JOIN role r ON r.id = a.role_id "
                                            "WHERE " ELIGIBLE " AND c.deleted_at IS NULL "
                                            "AND a.deleted_at IS NULL AND r.deleted_at IS NULL "
                                            "AND c.iso_week <= ?2 "
                                            "GROUP BY a.member_id, c.iso_week", error)))
        return FALSE;
      hearth_bind_text (stmt, 1, program_id);
      hearth_bind_text (stmt, 2, reference_week);
      FOR_EACH_ROW (db, stmt, rc, error)
        {
          const char *member_id = hearth_column_text (stmt, 0);
          guint32 from = GPOINTER_TO_UINT (g_hash_table_lookup (last, member_id));
          gint64 *count;

          if (from != 0)
            {
              char award_week[9];

              g_date_set_julian (&day, from);
              hearth_iso_week_of (&day, award_week);
              if (g_strcmp0 (hearth_column_text (stmt, 1), award_week) <= 0)
                continue;
            }
          if (!(count = g_hash_table_lookup (measured, member_id)))
            {
              count = g_new0 (gint64, 1);
              g_hash_table_insert (measured, g_strdup (member_id), count);
            }
          *count += sqlite3_column_int64 (stmt, 2);
        }
      return rc == SQLITE_DONE;
    }

  if (g_strcmp0 (badge->rule_kind, "tenure_years") == 0)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, members);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const Member *m = value;
          guint32 from = GPOINTER_TO_UINT (g_hash_table_lookup (last, m->id));

          if (from == 0)
            from = m->joined_on;
          if (from == 0)
            continue;
          g_hash_table_insert (measured, g_strdup (m->id),
                               g_memdup2 (&(gint64) { full_years (from, reference) },
                                          sizeof (gint64)));
        }
      return TRUE;
    }

  /* An unknown rule kind (a newer Hearth's): nobody meets it. */
  return TRUE;
}

static int
compare_ready (gconstpointer a,
               gconstpointer b)
{
  const HearthReadyAward *x = *(HearthReadyAward * const *)a;
  const HearthReadyAward *y = *(HearthReadyAward * const *)b;
  int cmp;

  if ((cmp = g_utf8_collate (x->badge_name, y->badge_name)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->badge_id, y->badge_id)) != 0)
    return cmp;
  if (x->measured != y->measured)
    return x->measured > y->measured ? -1 : 1;
  if ((cmp = g_utf8_collate (x->member_name, y->member_name)) != 0)
    return cmp;
  return g_strcmp0 (x->member_id, y->member_id);
}

GPtrArray *
hearth_badge_rule_ready (HearthDatabase  *db,
                         const char      *program_id,
                         const char      *badge_id,
                         const char      *reference_day,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GPtrArray) badges = g_ptr_array_new_with_free_func (badge_free);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         member_free);
  /* badge id → (member id → Julian day of the latest live award) */
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_hash_table_unref);
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) no_awards = NULL;
  guint32 reference;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(reference = julian_of (reference_day)))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "reference_day: expected a date (YYYY-MM-DD)");
      return NULL;
    }

  /* The badges with a rule. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, name, rule_kind, rule_metric, rule_threshold, "
                                        "rule_window_days, multiple_grant FROM badge "
                                        "WHERE program_id = ?1 AND deleted_at IS NULL "
                                        "AND (?2 IS NULL OR id = ?2) AND rule_kind IS NOT NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, badge_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      Badge *b = g_new0 (Badge, 1);

      b->id = g_strdup (hearth_column_text (stmt, 0));
      b->name = g_strdup (hearth_column_text (stmt, 1));
      b->rule_kind = g_strdup (hearth_column_text (stmt, 2));
      b->metric = g_strdup (hearth_column_text (stmt, 3));
      b->threshold = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                     ? 1 : MAX (sqlite3_column_int64 (stmt, 4), 1);
      b->window_days = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                       ? -1 : sqlite3_column_int64 (stmt, 5);
      b->multiple = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (badges, b);
      g_hash_table_insert (latest, g_strdup (b->id),
                           g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  ready = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_ready_award_free);
  if (badges->len == 0)
    return g_steal_pointer (&ready);

  /* The eligible members. */
  if (!(stmt = hearth_database_prepare (db, "SELECT m.id, m.display_name, m.joined_on "
                                            "FROM member m WHERE " ELIGIBLE, error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      Member *m = g_new0 (Member, 1);

      m->id = g_strdup (hearth_column_text (stmt, 0));
      m->name = g_strdup (hearth_column_text (stmt, 1));
      m->joined_on = julian_of (hearth_column_text (stmt, 2));
      g_hash_table_insert (members, m->id, m);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Each eligible member's latest live award of each badge. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT a.badge_id, a.member_id, max(a.awarded_on) "
                                        "FROM award a JOIN member m ON m.id = a.member_id "
                                        "JOIN badge b ON b.id = a.badge_id "
                                        "WHERE " ELIGIBLE " AND a.deleted_at IS NULL "
                                        "AND b.program_id = ?1 AND b.deleted_at IS NULL "
                                        "GROUP BY a.badge_id, a.member_id", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      GHashTable *of_badge = g_hash_table_lookup (latest, hearth_column_text (stmt, 0));
      guint32 day = julian_of (hearth_column_text (stmt, 2));

      if (of_badge != NULL)
        /* A damaged day still means "holds it": the day after the epoch. */
        g_hash_table_insert (of_badge, g_strdup (hearth_column_text (stmt, 1)),
                             GUINT_TO_POINTER (MAX (day, 1)));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  no_awards = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < badges->len; i++)
    {
      const Badge *badge = g_ptr_array_index (badges, i);
      GHashTable *held = g_hash_table_lookup (latest, badge->id);
      g_autoptr(GHashTable) measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              g_free);
      GHashTableIter iter;
      gpointer key, value;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!measure_badge (db, program_id, badge, reference, members,
                          badge->multiple ? held : no_awards, measured, error))
        return NULL;

      g_hash_table_iter_init (&iter, measured);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const Member *member = g_hash_table_lookup (members, key);
          gint64 figure = *(gint64 *)value;
          HearthReadyAward *r;

          if (member == NULL || figure < badge->threshold)
            continue;
          if (!badge->multiple && g_hash_table_contains (held, key))
            continue;

          r = g_new0 (HearthReadyAward, 1);
          r->badge_id = g_strdup (badge->id);
          r->badge_name = g_strdup (badge->name);
          r->member_id = g_strdup (member->id);
          r->member_name = g_strdup (member->name);
          r->measured = figure;
          if (g_strcmp0 (badge->rule_kind, "activity") == 0)
            r->why = activity_sentence (badge->metric, figure, badge->window_days, TRUE);
          else
            r->why = kind_sentence (badge->rule_kind, figure);
          g_ptr_array_add (ready, r);
        }
    }

  g_ptr_array_sort (ready, compare_ready);

  return g_steal_pointer (&ready);
}
