/* hearth-roster.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the Ambassadors & Roles page shows, read in one pass (in a worker thread, on a
 * read-only connection): the roles with their goals, fill and assignments, every ambassador
 * with their active roles, hours, check-ins and warnings, and one ISO week's progress.
 * Plus the ranked suggestions of the Assign… dialog.
 *
 * Privacy (DESIGN §8): energy values and check-in notes are personal. They are here for the
 * page to draw (the sparkline, the week view) and must never be logged or printed.
 */

#pragma once

#include <gio/gio.h>

#include "hearth-database.h"
#include "hearth-health.h"
#include "hearth-scoring.h"

G_BEGIN_DECLS

typedef struct
{
  char    *id;
  char    *label;
  char    *metric;            /* an activity kind, or NULL when counted at check-in */
  gint64   target_per_week;
} HearthRosterGoal;

/* One assignment: one member in one role. */
typedef struct
{
  char      *id;
  char      *member_id;
  char      *member_name;
  char      *role_id;
  char      *role_name;
  char      *starts_on;       /* YYYY-MM-DD */
  char      *ends_on;         /* planned end (rotation); NULL when open-ended */
  char      *ended_on;        /* actual end; NULL while it runs */
  double     hours_per_week;  /* 0 when not set */
  char      *scope;           /* nullable */
  gboolean   active;          /* runs on the reference day */
  gboolean   rotation_due;    /* active and past ends_on */
  /* The roster's week (HearthRoster.iso_week), for active assignments only: */
  gboolean   checked_in;      /* a check-in exists for the week */
  int        energy;          /* that check-in's energy, 1–5; 0 when none or not given */
  /* One count per goal of the role, in the order of HearthRosterRole.goals: the count saved in
   * the week's check-in, else the activity measured for a goal with a metric, else -1
   * (unknown: a goal counted by hand without a check-in). */
  gint64    *achieved;
  guint      n_achieved;
  double     completion;      /* 0–1 over the goals with a target and a known count; -1 when none */
} HearthRosterSlot;

typedef struct
{
  char       *id;
  char       *preset;         /* nullable */
  char       *name;
  char       *purpose;        /* nullable */
  char       *description;    /* nullable */
  char       *toolkit;        /* nullable; plain text whose http(s) URLs the page makes links */
  gint64      capacity;       /* -1 when not set */
  gint64      term_weeks;     /* -1 when not set */
  char       *review_by;      /* nullable */
  GPtrArray  *goals;          /* (element-type HearthRosterGoal) */
  guint       n_active;       /* active assignments: the fill, against capacity */
  GPtrArray  *current;        /* (element-type HearthRosterSlot) active, by member name */
  GPtrArray  *history;        /* (element-type HearthRosterSlot) ended, newest end first */
  /* Warnings about this role: borrowed from HearthRoster.checks (vague/stale/unfilled). */
  GPtrArray  *warnings;       /* (element-type HearthHealthCheck) (transfer none) */
} HearthRosterRole;

#define HEARTH_ROSTER_ENERGY_WEEKS 12

typedef struct
{
  char       *member_id;
  char       *display_name;
  char       *status;         /* "ambassador" for most; alumni and paused people with a running
                               * assignment are listed too */
  GPtrArray  *slots;          /* (element-type HearthRosterSlot) (transfer none): active ones,
                               * borrowed from the roles' current arrays */
  double      hours_per_week; /* sum over the active slots */
  char       *last_checkin;   /* ISO week of the newest check-in of any assignment; NULL if none */
  /* Energy per ISO week for the HEARTH_ROSTER_ENERGY_WEEKS weeks ending with the roster's week,
   * oldest first; the lowest energy of the week's check-ins, 0 when there is none. */
  guint8      energy[HEARTH_ROSTER_ENERGY_WEEKS];
  /* Warnings naming this member: borrowed from HearthRoster.checks (overload, burnout,
   * rotation_due). */
  GPtrArray  *warnings;       /* (element-type HearthHealthCheck) (transfer none) */
} HearthRosterAmbassador;

typedef struct
{
  char       *program_id;
  char       *reference_day;  /* YYYY-MM-DD (DESIGN §3) */
  char       *iso_week;       /* the week shown: YYYY-Www */
  char       *current_week;   /* the reference day's week */
  guint       hours_limit;
  GPtrArray  *roles;          /* (element-type HearthRosterRole) by name, then id */
  /* Members with at least one active assignment, plus ambassadors without one, by name. */
  GPtrArray  *ambassadors;    /* (element-type HearthRosterAmbassador) */
  /* hearth_health_run_roles() of the program, OK checks left out: warnings and notices only. */
  GPtrArray  *checks;         /* (element-type HearthHealthCheck) */
} HearthRoster;

/**
 * hearth_roster_load:
 * @db: a connection (the page uses its own read-only one in a thread)
 * @program_id: the program
 * @iso_week: (nullable): the week whose progress to read; NULL for the reference day's week
 * @cancellable: (nullable): checked between the steps
 *
 * Returns: (transfer full): the roster, or NULL with @error set.
 */
HearthRoster           *hearth_roster_load          (HearthDatabase   *db,
                                                     const char       *program_id,
                                                     const char       *iso_week,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
void                    hearth_roster_free          (HearthRoster     *roster);
HearthRosterRole       *hearth_roster_lookup_role   (HearthRoster     *roster,
                                                     const char       *role_id);
HearthRosterAmbassador *hearth_roster_lookup_member (HearthRoster     *roster,
                                                     const char       *member_id);

/* One suggested member for a role, in the Assign… dialog. */
typedef struct
{
  char      *member_id;
  char      *display_name;
  char      *status;
  double     fit;             /* 0–100: the ranking */
  double     overall;         /* the candidate score, 0–100 */
  gint64     matching;        /* activity of the role's goal metrics in the scoring window */
  guint      n_active_roles;  /* active assignments in other roles */
  /* (array zero-terminated=1): translated sentences with the real numbers, strongest first,
   * such as "Overall score 92", "41 welcomes in the last 12 weeks", "Already holds 2 roles". */
  char     **why;
} HearthSuggestion;

/**
 * hearth_role_suggest:
 * @db: a connection
 * @program_id: the program
 * @role_id: the role to fill
 * @scores: (nullable): a score set of the program, when the caller has one; else it is computed
 * @limit: how many to return at most (0 for all)
 * @cancellable: (nullable)
 *
 * Ranks the program's members for the role. Members already active in the role, bots,
 * members who declined (status "declined") and alumni are left out. The fit combines the
 * candidate's overall score (60 %) with how much of the role's goal activity they already
 * do (40 %, against the most active member); a member who already holds
 * HEARTH_HEALTH_MAX_ACTIVE_ROLES or more roles loses 20 points.
 *
 * Returns: (transfer full) (element-type HearthSuggestion): best first, or NULL with @error.
 */
GPtrArray              *hearth_role_suggest         (HearthDatabase   *db,
                                                     const char       *program_id,
                                                     const char       *role_id,
                                                     HearthScoreSet   *scores,
                                                     guint             limit,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
void                    hearth_suggestion_free      (HearthSuggestion *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthRoster, hearth_roster_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthSuggestion, hearth_suggestion_free)

G_END_DECLS
