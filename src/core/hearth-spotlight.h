/* hearth-spotlight.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spotlight post: a shout-out drafted from a member's real achievements — their tenure,
 * active roles, badges and notable activity — in the UI language, for the organizer to edit
 * and paste anywhere.
 */

#pragma once

#include "hearth-database.h"

G_BEGIN_DECLS

typedef struct
{
  const char  *kind;        /* an activity kind (message, reply, thread, welcome, …) */
  gint64       count;       /* its sum over the window */
} HearthSpotlightActivity;

/* What the draft is made of. Strings are borrowed (owned by a loaded facts struct, or static
 * in tests). */
typedef struct
{
  const char                     *member_name;
  const char                     *program_name;
  const char                     *joined_on;       /* YYYY-MM-DD; NULL when unknown */
  const char                     *reference_day;   /* YYYY-MM-DD */
  const char * const             *roles;           /* NULL-terminated active role names; may be NULL */
  const char * const             *badges;          /* NULL-terminated badge names, newest first; may be NULL */
  const HearthSpotlightActivity  *activity;        /* highest count first */
  guint                           n_activity;
  guint                           window_weeks;    /* the activity's window */
  guint                           n_checkins;      /* check-ins in total */
} HearthSpotlightFacts;

/* Pure: the draft for @facts. Says only what the facts hold (no role sentence without roles,
 * and so on); at most three activity kinds, the strongest. Returns: (transfer full) */
char                 *hearth_spotlight_draft      (const HearthSpotlightFacts  *facts);

/* Reads the facts of @member_id (the program's window_weeks of activity up to its reference
 * day). Returns: (transfer full): free with hearth_spotlight_facts_free(); NULL with @error. */
HearthSpotlightFacts *hearth_spotlight_facts_load (HearthDatabase              *db,
                                                   const char                  *member_id,
                                                   GError                     **error);
void                  hearth_spotlight_facts_free (HearthSpotlightFacts        *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthSpotlightFacts, hearth_spotlight_facts_free)

G_END_DECLS
