/* hearth-health.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Health checks (DESIGN §3, §9). Each guard is a pure function over a HearthHealthInput — plain
 * structs, no database — that appends HearthHealthCheck results to a GPtrArray; one loader fills
 * the input from the database. Toolkit-free.
 */

#pragma once

#include <glib.h>

#include "hearth-database.h"

G_BEGIN_DECLS

typedef enum
{
  HEARTH_SEVERITY_OK,
  HEARTH_SEVERITY_NOTICE,
  HEARTH_SEVERITY_WARNING,
} HearthSeverity;

/* Thresholds of the role guards. */
#define HEARTH_HEALTH_MAX_ACTIVE_ROLES   2   /* overload: more than this many active assignments */
#define HEARTH_HEALTH_LOW_ENERGY         2   /* burnout: energy at or below this */
#define HEARTH_HEALTH_FALLING_WEEKS      3   /* burnout: this many decreases in a row */
#define HEARTH_HEALTH_OVERDUE_DAYS      28   /* rotation_due: a warning when further past ends_on */

/* Thresholds of the recognition guards. */
#define HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS   180  /* recognition_fairness looks this far back */
#define HEARTH_HEALTH_FAIRNESS_TOP_PERCENT    20  /* … at this share of the recognized members */
#define HEARTH_HEALTH_FAIRNESS_LIMIT_PERCENT  50  /* … and warns when they got more than this */
#define HEARTH_HEALTH_FAIRNESS_MIN_MEMBERS     5  /* … with at least this many recognized */

typedef struct
{
  const char      *key;        /* a DESIGN §9 key, static */
  HearthSeverity   severity;
  char            *sentence;   /* translated, with the real names and numbers */
  char           **subjects;   /* (array zero-terminated=1): member, role or assignment ids */
  const char      *page;       /* "overview", "candidates", "roles", "recognition", "feedback" */
  char            *action;     /* translated suggestion; NULL for an OK check */
} HearthHealthCheck;

/* Dates are GDate Julian day numbers (1 = 0001-01-01); 0 means not set. Strings are borrowed:
 * from static data in tests, from the input's own string chunk when loaded. */
typedef struct
{
  const char  *id;
  const char  *name;
  const char  *purpose;        /* NULL (or blank) when missing */
  gboolean     has_toolkit;
  guint        n_goals;        /* goals not deleted */
  gint64       capacity;       /* -1 when not set */
  guint32      review_by;
} HearthHealthRole;

typedef struct
{
  const char  *id;
  const char  *member_id;
  const char  *member_name;
  const char  *role_id;
  const char  *role_name;
  guint32      starts_on;
  guint32      ends_on;        /* planned end; 0 when open-ended */
  guint32      ended_on;       /* actual end; 0 while the assignment runs */
  double       hours;          /* per week; 0 when not set */
} HearthHealthAssignment;

typedef struct
{
  const char  *assignment_id;
  const char  *member_id;
  const char  *iso_week;       /* YYYY-Www: sorts as text */
  int          energy;         /* 1–5; 0 when not given */
  double       completion;     /* 0–1; -1 when the check-in records no goals */
} HearthHealthCheckin;

/* One visible recognition of a member: a recognition log entry done on @day, or an award
 * given on @day. @day 0 is one not done yet (planned): it does not count. */
typedef struct
{
  const char  *member_id;
  guint32      day;
} HearthHealthRecognition;

/* A member with the status ambassador. */
typedef struct
{
  const char  *id;
  const char  *name;
  guint32      last_recognized;  /* the latest recognition day up to the reference day; 0 = never */
  guint64      contribution;     /* activity (sum of counts) after last_recognized up to the
                                  * reference day; all of it up to the reference day if never */
} HearthHealthAmbassador;

/* A feedback item (the feedback table). @member_id and @member_name are NULL for an item with
 * no member; @status is one of "new", "acknowledged", "planned", "done", "declined". */
typedef struct
{
  const char  *id;
  const char  *member_id;
  const char  *member_name;
  guint32      received_on;
  const char  *status;
} HearthHealthFeedback;

/* A feedback round; @status is one of "draft", "open", "closed". */
typedef struct
{
  const char  *id;
  const char  *title;
  const char  *status;
  gboolean     has_outcome;    /* an outcome that is set and not blank */
} HearthHealthRound;

typedef struct
{
  guint32                        reference_day;
  guint                          hours_limit;
  guint                          recognition_interval_days;
  guint                          feedback_stale_days;
  const HearthHealthRole        *roles;
  guint                          n_roles;
  const HearthHealthAssignment  *assignments;   /* ended ones included: the guards skip them */
  guint                          n_assignments;
  const HearthHealthCheckin     *checkins;      /* any order */
  guint                          n_checkins;
  const HearthHealthAmbassador  *ambassadors;   /* any order */
  guint                          n_ambassadors;
  const HearthHealthRecognition *recognitions;  /* of any member of the program, any order */
  guint                          n_recognitions;
  const HearthHealthFeedback    *feedback;      /* any order */
  guint                          n_feedback;
  const HearthHealthRound       *rounds;        /* the guard keeps their order */
  guint                          n_rounds;
  /*< private >*/
  GStringChunk                  *strings;       /* owned by a loaded input */
} HearthHealthInput;

const char        *hearth_severity_to_string          (HearthSeverity            severity);

HearthHealthCheck *hearth_health_check_new            (const char               *key,
                                                       HearthSeverity            severity,
                                                       const char               *page);
void               hearth_health_check_free           (HearthHealthCheck        *check);

/* An assignment runs on @day when it has started and has no actual end. */
gboolean           hearth_health_assignment_is_active (const HearthHealthAssignment *assignment,
                                                       guint32                   day);

/* The guards. Each appends its findings to @out (element-type HearthHealthCheck), or one OK
 * check when it finds nothing. */
void               hearth_health_check_overload       (const HearthHealthInput  *in,
                                                       GPtrArray                *out);
void               hearth_health_check_burnout        (const HearthHealthInput  *in,
                                                       GPtrArray                *out);
void               hearth_health_check_rotation_due   (const HearthHealthInput  *in,
                                                       GPtrArray                *out);
void               hearth_health_check_vague_role     (const HearthHealthInput  *in,
                                                       GPtrArray                *out);
void               hearth_health_check_stale_role     (const HearthHealthInput  *in,
                                                       GPtrArray                *out);
void               hearth_health_check_unfilled_role  (const HearthHealthInput  *in,
                                                       GPtrArray                *out);

/* The recognition guards (see hearth-health.c for their definitions). */
void               hearth_health_check_recognition_due (const HearthHealthInput *in,
                                                        GPtrArray               *out);
void               hearth_health_check_recognition_fairness (const HearthHealthInput *in,
                                                             GPtrArray               *out);

/* The feedback guards (page "feedback"; see hearth-health.c for their definitions). */
void               hearth_health_check_feedback_stale (const HearthHealthInput  *in,
                                                       GPtrArray                *out);
void               hearth_health_check_round_without_outcome (const HearthHealthInput *in,
                                                              GPtrArray               *out);

/* Whether @item is stale on the input's reference day: new or acknowledged, and received more
 * than feedback_stale_days before it. */
gboolean           hearth_health_feedback_is_stale    (const HearthHealthInput    *in,
                                                       const HearthHealthFeedback *item);

/* The ambassadors due for recognition, in the recognition_due guard's order (the guard is
 * built on it): one per due ambassador. (transfer full) (element-type HearthHealthDue); the
 * ambassador pointers are borrowed from @in. */
typedef struct
{
  const HearthHealthAmbassador *ambassador;
  HearthSeverity                severity;    /* notice; warning past twice the interval */
  gint64                        days_since;  /* reference day − last_recognized; -1 never */
} HearthHealthDue;

GArray            *hearth_health_recognition_due      (const HearthHealthInput  *in);

/* The fairness figure the recognition_fairness guard judges: the share (0–1) of the window's
 * recognitions that went to the top members; -1 with fewer than
 * HEARTH_HEALTH_FAIRNESS_MIN_MEMBERS recognized members. @n_members and @n_recognitions
 * (both nullable) receive the recognized members and recognitions in the window. */
double             hearth_health_recognition_fairness_share (const HearthHealthInput *in,
                                                             guint                   *n_members,
                                                             guint                   *n_recognitions);

/* The six role guards in §9 order: overload, burnout, rotation_due, vague_role, stale_role,
 * unfilled_role. (transfer full) (element-type HearthHealthCheck) */
GPtrArray         *hearth_health_run_roles            (const HearthHealthInput  *in);

/* The two recognition guards in §9 order: recognition_due, recognition_fairness.
 * (transfer full) (element-type HearthHealthCheck) */
GPtrArray         *hearth_health_run_recognition      (const HearthHealthInput  *in);

/* The two feedback guards in §9 order: feedback_stale, round_without_outcome.
 * (transfer full) (element-type HearthHealthCheck) */
GPtrArray         *hearth_health_run_feedback         (const HearthHealthInput  *in);

/* Reads the program's roles (with their goals counted), assignments (with member and role names)
 * and check-ins (with their goal completion); its ambassadors (with their last recognition and
 * their activity since) and its recognitions (log entries done and awards, up to the reference
 * day); its feedback items (of its rounds, meetings or members) and rounds — leaving out deleted
 * rows and everything hanging off a deleted role, badge or member; and the reference day,
 * hours_limit, recognition_interval_days and feedback_stale_days. @parts says which to read
 * (the contribution sums read the ambassadors' whole activity: callers that only need the role
 * guards skip them). Safe on any thread with its own connection. */
typedef enum
{
  HEARTH_HEALTH_PART_ROLES       = 1 << 0,  /* roles, assignments, check-ins */
  HEARTH_HEALTH_PART_RECOGNITION = 1 << 1,  /* ambassadors with their contribution, recognitions */
  HEARTH_HEALTH_PART_FEEDBACK    = 1 << 2,  /* feedback items, feedback rounds */
  HEARTH_HEALTH_PART_ALL         = HEARTH_HEALTH_PART_ROLES | HEARTH_HEALTH_PART_RECOGNITION |
                                   HEARTH_HEALTH_PART_FEEDBACK,
} HearthHealthParts;

HearthHealthInput *hearth_health_load                 (HearthDatabase           *db,
                                                       const char               *program_id,
                                                       HearthHealthParts         parts,
                                                       GError                  **error);
void               hearth_health_input_free           (HearthHealthInput        *in);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthHealthCheck, hearth_health_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthHealthInput, hearth_health_input_free)

G_END_DECLS
