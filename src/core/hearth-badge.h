/* hearth-badge.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A badge of the program (DESIGN §4): a name, a description, its criteria in words, a tier
 * (bronze, silver, gold), an icon of the render library's set and a colour ("#rrggbb",
 * lowercase), an optional rule, and whether it can be granted more than once.
 *
 * Rules never award by themselves: hearth_badge_rule_ready() lists who meets a rule, and the
 * organizer confirms (HearthAward with source "rule").
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_BADGE (hearth_badge_get_type ())

G_DECLARE_FINAL_TYPE (HearthBadge, hearth_badge, HEARTH, BADGE, HearthRecord)

typedef enum
{
  HEARTH_BADGE_PROGRAM_ID,
  HEARTH_BADGE_NAME,
  HEARTH_BADGE_DESCRIPTION,
  HEARTH_BADGE_CRITERIA,
  HEARTH_BADGE_TIER,
  HEARTH_BADGE_ICON,
  HEARTH_BADGE_COLOR,
  HEARTH_BADGE_RULE_KIND,
  HEARTH_BADGE_RULE_METRIC,
  HEARTH_BADGE_RULE_THRESHOLD,
  HEARTH_BADGE_RULE_WINDOW_DAYS,
  HEARTH_BADGE_MULTIPLE_GRANT,
  HEARTH_BADGE_N_COLUMNS
} HearthBadgeColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_badge_columns[HEARTH_BADGE_N_COLUMNS];

/* NULL-terminated, as stored. */
extern const char * const hearth_badge_tiers[];       /* bronze silver gold */
extern const char * const hearth_badge_rule_kinds[];  /* activity ambassador_weeks checkins tenure_years */

HearthBadge *hearth_badge_new                 (const char      *program_id,
                                               const char      *name);
const char  *hearth_badge_get_program_id      (HearthBadge     *self);
const char  *hearth_badge_get_name            (HearthBadge     *self);
const char  *hearth_badge_get_description     (HearthBadge     *self);
const char  *hearth_badge_get_criteria        (HearthBadge     *self);
const char  *hearth_badge_get_tier            (HearthBadge     *self);
const char  *hearth_badge_get_icon            (HearthBadge     *self);
const char  *hearth_badge_get_color           (HearthBadge     *self);
const char  *hearth_badge_get_rule_kind       (HearthBadge     *self);  /* NULL: by hand only */
const char  *hearth_badge_get_rule_metric     (HearthBadge     *self);  /* an activity kind */
gint64       hearth_badge_get_rule_threshold  (HearthBadge     *self);  /* -1 when not set */
gint64       hearth_badge_get_rule_window_days (HearthBadge    *self);  /* -1 when not set */
gboolean     hearth_badge_get_multiple_grant  (HearthBadge     *self);
GPtrArray   *hearth_badge_load_for_program    (HearthDatabase  *db,
                                               const char      *program_id,
                                               GError         **error);

/* Translated rule description, one whole sentence per activity kind and rule kind (with
 * plurals), such as "20 welcomes within 30 days", "20 welcomes", "26 weeks as an ambassador",
 * "12 check-ins", "2 years in the community"; NULL for a badge without a rule (@rule_kind NULL).
 * A threshold below 1 counts as 1; a window below 1 means no window. */
char        *hearth_badge_describe_rule       (const char      *rule_kind,
                                               const char      *metric,
                                               gint64           threshold,
                                               gint64           window_days);

/* One member who meets a badge's rule and has not been given it yet. */
typedef struct
{
  char     *badge_id;
  char     *badge_name;
  char     *member_id;
  char     *member_name;
  gint64    measured;   /* the member's figure for the rule (≥ the threshold) */
  char     *why;        /* translated, with the figure: "23 welcomes in the last 30 days",
                         * "30 weeks as an ambassador", "14 check-ins", "3 years in the community" */
} HearthReadyAward;

void         hearth_ready_award_free          (HearthReadyAward *ready);

/**
 * hearth_badge_rule_ready:
 * @db: a connection
 * @program_id: the program
 * @badge_id: (nullable): one badge, or NULL for every live badge with a rule
 * @reference_day: YYYY-MM-DD, the program's reference day (DESIGN §3)
 * @cancellable: (nullable)
 *
 * "Ready to award": the program's live members with the status "ambassador" (bots left out)
 * who meet a live badge's rule on the reference day. The rules:
 *
 * - activity: the sum of `count` of the member's activity of kind rule_metric on days in
 *   (reference_day − rule_window_days, reference_day] is at least rule_threshold; without a
 *   window, all activity up to the reference day;
 * - ambassador_weeks: whole weeks (days / 7, rounded down) covered by the union of the member's
 *   live assignments (live roles), each from starts_on up to ended_on (exclusive) or up to and
 *   including the reference day while it runs, is at least rule_threshold;
 * - checkins: the member's live check-ins (on live assignments) with iso_week up to the
 *   reference day's week number at least rule_threshold;
 * - tenure_years: full years from joined_on to the reference day (the anniversary counts;
 *   29 February anniversaries fall on 28 February) at least rule_threshold.
 *
 * A threshold that is not set counts as 1. A member who holds a live award of the badge is left
 * out, unless the badge can be granted more than once: then only what happened after their
 * latest award counts (activity and weeks from the day after it, check-ins of later weeks,
 * tenure years from the award day).
 *
 * Returns: (transfer full) (element-type HearthReadyAward): by badge name, then by measured
 * (highest first), then member name; NULL with @error set on failure.
 */
GPtrArray   *hearth_badge_rule_ready          (HearthDatabase  *db,
                                               const char      *program_id,
                                               const char      *badge_id,
                                               const char      *reference_day,
                                               GCancellable    *cancellable,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthReadyAward, hearth_ready_award_free)

G_END_DECLS
