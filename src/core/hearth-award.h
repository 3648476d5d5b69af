/* hearth-award.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A badge given to a member (DESIGN §4): when, why, and how it came about — by hand
 * ("manual"), a confirmed rule ("rule") or a peer nomination ("nomination"). Revoking is a
 * soft delete (hearth_store_delete_async (store, "award", id, TRUE, …)), so Undo restores it.
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_AWARD (hearth_award_get_type ())

G_DECLARE_FINAL_TYPE (HearthAward, hearth_award, HEARTH, AWARD, HearthRecord)

typedef enum
{
  HEARTH_AWARD_BADGE_ID,
  HEARTH_AWARD_MEMBER_ID,
  HEARTH_AWARD_AWARDED_ON,
  HEARTH_AWARD_REASON,
  HEARTH_AWARD_SOURCE,
  HEARTH_AWARD_N_COLUMNS
} HearthAwardColumn;

extern const HearthColumn hearth_award_columns[HEARTH_AWARD_N_COLUMNS];
extern const char * const hearth_award_sources[];   /* manual rule nomination */

HearthAward *hearth_award_new               (const char      *badge_id,
                                             const char      *member_id,
                                             const char      *awarded_on);
const char  *hearth_award_get_badge_id      (HearthAward     *self);
const char  *hearth_award_get_member_id     (HearthAward     *self);
const char  *hearth_award_get_awarded_on    (HearthAward     *self);
const char  *hearth_award_get_reason        (HearthAward     *self);
const char  *hearth_award_get_source        (HearthAward     *self);
/* Live awards of a member, newest first. */
GPtrArray   *hearth_award_load_for_member   (HearthDatabase  *db,
                                             const char      *member_id,
                                             GError         **error);
/* Live awards of a badge, newest first. */
GPtrArray   *hearth_award_load_for_badge    (HearthDatabase  *db,
                                             const char      *badge_id,
                                             GError         **error);

/* Store job: gives @badge_id to each of @member_ids (one award each, same day, reason and
 * source), all or none. Checks that the badge and every member are live and in the same
 * program, and — for a badge that cannot be granted more than once — that no member already
 * holds it (the error names the member). @out_ids (nullable) receives the new award ids, in
 * the order of @member_ids. Call on the write connection, inside the caller's transaction. */
gboolean     hearth_award_grant             (HearthDatabase      *db,
                                             const char          *badge_id,
                                             const char * const  *member_ids,
                                             const char          *awarded_on,
                                             const char          *reason,
                                             const char          *source,
                                             GStrv               *out_ids,
                                             GError             **error);

G_END_DECLS
