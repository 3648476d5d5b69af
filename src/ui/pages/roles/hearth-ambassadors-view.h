/* hearth-ambassadors-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "Ambassadors" view of the Ambassadors & Roles page: every ambassador with their roles,
 * hours, last check-in, an energy sparkline and warnings. A recycling list: 1,000 rows and more.
 */

#pragma once

#include <adwaita.h>

#include "hearth-roster.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_AMBASSADORS_VIEW (hearth_ambassadors_view_get_type ())
G_DECLARE_FINAL_TYPE (HearthAmbassadorsView, hearth_ambassadors_view, HEARTH, AMBASSADORS_VIEW, AdwBin)

/* Copies what it shows out of @roster (which may be freed right after); keeps the selection
 * and scroll position when the same member is still there. NULL clears the view. */
void        hearth_ambassadors_view_set_roster      (HearthAmbassadorsView *self,
                                                     HearthRoster          *roster);
/* The search text ("" for none): matches names, role names and warning sentences. */
void        hearth_ambassadors_view_set_search      (HearthAmbassadorsView *self,
                                                     const char            *text);
/* (nullable): the selected member's id */
const char *hearth_ambassadors_view_get_selected    (HearthAmbassadorsView *self);
guint       hearth_ambassadors_view_get_n_shown     (HearthAmbassadorsView *self);
/* Selects the member's row when it is shown (NULL unselects); returns whether it is selected. */
gboolean    hearth_ambassadors_view_select          (HearthAmbassadorsView *self,
                                                     const char            *member_id);
/* (transfer full): an ISO week as people read it, "Week 47, 2026"; NULL gives "No check-in". */
char       *hearth_ambassadors_view_format_week     (const char            *iso_week);

/* Signals:
 *   "check-in" (const char *member_id): the row's Check In… button, or Ctrl+Return on a row
 *   "activated" (const char *member_id): a row activated (Return / double click)
 */

G_END_DECLS
