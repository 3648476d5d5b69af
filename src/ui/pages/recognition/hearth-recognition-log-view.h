/* hearth-recognition-log-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recognition log as a timeline: "Upcoming" (planned gestures, soonest first; overdue ones
 * marked) then "Done" (newest first, grouped by month), each entry with its kind, title,
 * member, day and note; filtered by member (the search text matches the member's name, the
 * title and the note, ignoring case and accents) and by kind (a drop-down: all kinds or one).
 * Activating an entry edits it. An empty state for no entries, and another for no matches.
 *
 * Rows act through the page's actions: "recognition.log-edit" (s: the entry id) and
 * "recognition.log-new" (s: a member id, or "" for none).
 */

#pragma once

#include <adwaita.h>

#include "hearth-recognition-board.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECOGNITION_LOG_VIEW (hearth_recognition_log_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthRecognitionLogView, hearth_recognition_log_view, HEARTH,
                      RECOGNITION_LOG_VIEW, AdwBin)

/* @board: (nullable): borrowed; the page keeps it alive until the next call. */
void        hearth_recognition_log_view_set_board   (HearthRecognitionLogView *self,
                                                     HearthRecognitionBoard   *board);
void        hearth_recognition_log_view_set_search  (HearthRecognitionLogView *self,
                                                     const char               *text);
/* @kind: (nullable): one of hearth_recognition_kinds, or NULL for all. */
void        hearth_recognition_log_view_set_kind    (HearthRecognitionLogView *self,
                                                     const char               *kind);
guint       hearth_recognition_log_view_get_n_shown (HearthRecognitionLogView *self);

G_END_DECLS
