/* hearth-recognition-board.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the Recognition page shows, read in one pass (on a worker thread, on a read-only
 * connection): the badge gallery with holder counts and each badge's awards, the "Ready to
 * award" list, the recognition log as a timeline, who is due for recognition and the fairness
 * figure — with the two recognition guards' checks.
 */

#pragma once

#include <gio/gio.h>

#include "hearth-badge.h"
#include "hearth-database.h"
#include "hearth-health.h"

G_BEGIN_DECLS

typedef struct
{
  char      *id;
  char      *badge_id;
  char      *badge_name;
  char      *member_id;
  char      *member_name;
  char      *awarded_on;    /* YYYY-MM-DD */
  char      *reason;        /* nullable */
  char      *source;        /* manual rule nomination */
} HearthBoardAward;

typedef struct
{
  char      *id;
  char      *name;
  char      *description;       /* nullable */
  char      *criteria;          /* nullable */
  char      *tier;              /* bronze silver gold */
  char      *icon;              /* nullable */
  char      *color;             /* "#rrggbb"; nullable */
  char      *rule_kind;         /* nullable: by hand only */
  char      *rule_metric;       /* nullable */
  gint64     rule_threshold;    /* -1 when not set */
  gint64     rule_window_days;  /* -1 when not set */
  gboolean   multiple_grant;
  guint      n_holders;         /* distinct members with a live award */
  guint      n_ready;           /* entries of HearthRecognitionBoard.ready for this badge */
  /* (element-type HearthBoardAward) (transfer none): this badge's live awards, newest first,
   * borrowed from HearthRecognitionBoard.awards */
  GPtrArray *awards;
} HearthBoardBadge;

typedef struct
{
  char      *id;
  char      *member_id;
  char      *member_name;
  char      *kind;          /* one of hearth_recognition_kinds */
  char      *title;         /* nullable */
  char      *note;          /* nullable */
  char      *planned_on;    /* nullable */
  char      *done_on;       /* nullable: not done yet */
  gboolean   upcoming;      /* not done: planned (on any day), or undated */
  gboolean   overdue;       /* upcoming and planned_on before the reference day */
} HearthBoardEntry;

/* An ambassador due for recognition, in the recognition_due guard's order. */
typedef struct
{
  char            *member_id;
  char            *member_name;
  char            *last_recognized;  /* YYYY-MM-DD; NULL when never */
  gint64           days_since;       /* days from last_recognized to the reference day; -1 never */
  guint64          contribution;     /* activity since the last recognition (all, if never) */
  HearthSeverity   severity;         /* notice, or warning past twice the interval */
  char            *sentence;         /* the guard's translated sentence */
} HearthBoardDue;

typedef struct
{
  char       *program_id;
  char       *program_name;
  char       *reference_day;              /* YYYY-MM-DD */
  guint       recognition_interval_days;
  GPtrArray  *badges;      /* (element-type HearthBoardBadge) by tier (gold first), then name */
  GPtrArray  *awards;      /* (element-type HearthBoardAward) every live award, newest first */
  GPtrArray  *ready;       /* (element-type HearthReadyAward) hearth_badge_rule_ready() */
  /* (element-type HearthBoardEntry): upcoming entries first (soonest planned first, undated
   * last), then done ones, newest first. */
  GPtrArray  *log;
  GPtrArray  *due;         /* (element-type HearthBoardDue) */
  /* The fairness figure: share (0–1) of the recognitions (done log entries and awards) of the
   * last HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS days that went to the top
   * HEARTH_HEALTH_FAIRNESS_TOP_PERCENT % of recognized members; -1 with fewer than
   * HEARTH_HEALTH_FAIRNESS_MIN_MEMBERS recognized members. */
  double      fairness_share;
  guint       fairness_recognized;        /* recognized members in the window */
  guint       fairness_total;             /* recognitions in the window */
  /* hearth_health_run_recognition(): the recognition_due checks (one per due ambassador, or
   * one OK) and the recognition_fairness check. */
  GPtrArray  *checks;      /* (element-type HearthHealthCheck) */
} HearthRecognitionBoard;

HearthRecognitionBoard *hearth_recognition_board_load (HearthDatabase          *db,
                                                       const char              *program_id,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);
void                    hearth_recognition_board_free (HearthRecognitionBoard  *board);
HearthBoardBadge       *hearth_recognition_board_lookup_badge (HearthRecognitionBoard *board,
                                                               const char             *badge_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthRecognitionBoard, hearth_recognition_board_free)

G_END_DECLS
