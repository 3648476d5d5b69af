/* hearth-scoring.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidate scoring (DESIGN §5): pure, explainable, reproducible. Toolkit-free.
 */

#pragma once

#include <gio/gio.h>

#include "hearth-database.h"

G_BEGIN_DECLS

/* In the order of DESIGN §3's JSON ("consistency", "empathy", "alignment", "initiative",
 * "credibility") and of hearth_traits[]. */
typedef enum
{
  HEARTH_TRAIT_CONSISTENCY,
  HEARTH_TRAIT_EMPATHY,
  HEARTH_TRAIT_ALIGNMENT,
  HEARTH_TRAIT_INITIATIVE,
  HEARTH_TRAIT_CREDIBILITY,
  HEARTH_N_TRAITS
} HearthTrait;

typedef enum
{
  HEARTH_CONFIDENCE_NONE,   /* not assessed: JSON null */
  HEARTH_CONFIDENCE_LOW,
  HEARTH_CONFIDENCE_MEDIUM,
  HEARTH_CONFIDENCE_HIGH,
} HearthConfidence;

typedef enum
{
  HEARTH_CANDIDATE_FLAG_NEW             = 1 << 0,  /* tenure under 90 days */
  HEARTH_CANDIDATE_FLAG_HAS_ROLE        = 1 << 1,  /* an active assignment */
  HEARTH_CANDIDATE_FLAG_DECLINED_BEFORE = 1 << 2,  /* a 'declined' in member_status_change */
  HEARTH_CANDIDATE_FLAG_INACTIVE        = 1 << 3,  /* no activity in the last 4 weeks */
  HEARTH_CANDIDATE_FLAG_BOT             = 1 << 4,
} HearthCandidateFlags;

#define HEARTH_N_CANDIDATE_FLAGS 5
/* The weekly series kept per member for the sparkline, oldest first, the last ending on the
 * reference day. */
#define HEARTH_SCORING_SPARK_WEEKS 26

typedef struct
{
  gboolean          assessed;
  double            score;        /* 0–100 when assessed */
  HearthConfidence  confidence;
  /* (array zero-terminated=1): sentences built from the real numbers, in the current locale
   * (English and German ship), such as "Active in 11 of the last 12 weeks" */
  char            **evidence;
} HearthTraitScore;

typedef struct
{
  char                 *member_id;
  char                 *display_name;
  char                 *handle;        /* nullable */
  char                 *status;
  char                 *region;        /* nullable; these four are for the page's filters */
  char                 *language;      /* nullable */
  char                 *segment;       /* nullable */
  char                 *joined_on;     /* nullable */
  gboolean              assessed;      /* any trait assessed */
  double                overall;       /* 0–100; 0 when nothing is assessed */
  HearthTraitScore      traits[HEARTH_N_TRAITS];
  HearthCandidateFlags  flags;
  guint                 active_weeks;  /* in the window */
  guint                 tenure_days;   /* from joined_on to the reference day; 0 when unknown */
  guint32               weekly[HEARTH_SCORING_SPARK_WEEKS];
} HearthCandidate;

typedef struct
{
  char       *program_id;
  char       *reference_day;           /* YYYY-MM-DD */
  guint       window_weeks;
  double      weights[HEARTH_N_TRAITS];
  /* (element-type HearthCandidate): every member of the program that is not a bot, ranked by
   * overall (descending), then display name, then id; bots follow at the end, flagged. */
  GPtrArray  *candidates;
} HearthScoreSet;

const char      *hearth_trait_to_string        (HearthTrait        trait);
const char      *hearth_confidence_to_string   (HearthConfidence   confidence);  /* NULL for NONE */
const char      *hearth_candidate_flag_to_string (HearthCandidateFlags flag);    /* "new", "has_role", … */

HearthScoreSet  *hearth_scoring_run            (HearthDatabase    *db,
                                                const char        *program_id,
                                                GCancellable      *cancellable,
                                                GError           **error);
void             hearth_score_set_free         (HearthScoreSet    *set);
HearthCandidate *hearth_score_set_lookup       (HearthScoreSet    *set,
                                                const char        *member_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthScoreSet, hearth_score_set_free)

G_END_DECLS
