/* hearth-candidate-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-scoring.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CANDIDATE_ITEM (hearth_candidate_item_get_type ())

G_DECLARE_FINAL_TYPE (HearthCandidateItem, hearth_candidate_item, HEARTH, CANDIDATE_ITEM, GObject)

/* Score sets are shared between the items of one run: each item holds a reference. */
typedef struct _HearthScoreSetRef HearthScoreSetRef;

HearthScoreSetRef    *hearth_score_set_ref_new         (HearthScoreSet       *set);
HearthScoreSetRef    *hearth_score_set_ref_ref         (HearthScoreSetRef    *ref);
void                  hearth_score_set_ref_unref       (HearthScoreSetRef    *ref);
HearthScoreSet       *hearth_score_set_ref_get         (HearthScoreSetRef    *ref);

HearthCandidateItem  *hearth_candidate_item_new        (HearthScoreSetRef    *set,
                                                        guint                 index);
HearthCandidate      *hearth_candidate_item_get_candidate (HearthCandidateItem *self);
guint                 hearth_candidate_item_get_rank   (HearthCandidateItem  *self);
const char           *hearth_candidate_item_get_display_name (HearthCandidateItem *self);
double                hearth_candidate_item_get_overall (HearthCandidateItem *self);
/* The trait's score, or -1 when it is not assessed (sorts below every score). */
double                hearth_candidate_item_get_trait  (HearthCandidateItem  *self,
                                                        HearthTrait           trait);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthScoreSetRef, hearth_score_set_ref_unref)

G_END_DECLS
