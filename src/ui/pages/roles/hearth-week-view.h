/* hearth-week-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Week" view of the Ambassadors & Roles page: every active assignment with its goal
 * completion for one ISO week, "No check-in" where none was recorded, and the week's
 * navigation (previous, this week, next).
 */

#pragma once

#include <adwaita.h>

#include "hearth-roster.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_WEEK_VIEW (hearth_week_view_get_type ())
G_DECLARE_FINAL_TYPE (HearthWeekView, hearth_week_view, HEARTH, WEEK_VIEW, AdwBin)

/* Copies what it shows out of @roster (the week is roster->iso_week); NULL clears the view. */
void        hearth_week_view_set_roster  (HearthWeekView *self,
                                          HearthRoster   *roster);
void        hearth_week_view_set_search  (HearthWeekView *self,
                                          const char     *text);
/* (nullable): the week shown, YYYY-Www */
const char *hearth_week_view_get_week    (HearthWeekView *self);
/* Rows left after the search. */
guint       hearth_week_view_get_n_shown (HearthWeekView *self);
/* (transfer full) (nullable): "Week 47 · 16–22 November 2026"; NULL when not a week */
char       *hearth_week_view_format_title (const char    *iso_week);

/* Signals:
 *   "week-requested" (const char *iso_week): the user moved to another week; the page reloads
 *                     the roster for it and calls set_roster
 *   "check-in" (const char *member_id, const char *iso_week): a row's Check In… button, or
 *                     the row activated (Return, double click)
 */

G_END_DECLS
