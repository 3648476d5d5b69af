/* hearth-recognition-due-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is due for recognition, and how fair it has been: a fairness card on top (the share of
 * the last 180 days' recognitions that went to the top 20 % of recognized members, drawn as a
 * level bar with the 50 % mark, the guard's sentence, a warning style above 50 %, or "too few
 * recognized members to judge"), then the due ambassadors in the guard's order (most
 * contribution first): name, last recognized (or never) with the days since, contribution,
 * the severity as an icon and in words. Each row offers "Log…" and "Spotlight…". An empty state
 * when nobody is due.
 *
 * Rows act through the page's actions: "recognition.log-new" (s: member id) and
 * "recognition.spotlight" (s: member id).
 */

#pragma once

#include <adwaita.h>

#include "hearth-recognition-board.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECOGNITION_DUE_VIEW (hearth_recognition_due_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthRecognitionDueView, hearth_recognition_due_view, HEARTH,
                      RECOGNITION_DUE_VIEW, AdwBin)

/* @board: (nullable): borrowed; the page keeps it alive until the next call. */
void        hearth_recognition_due_view_set_board   (HearthRecognitionDueView *self,
                                                     HearthRecognitionBoard   *board);
void        hearth_recognition_due_view_set_search  (HearthRecognitionDueView *self,
                                                     const char               *text);
guint       hearth_recognition_due_view_get_n_shown (HearthRecognitionDueView *self);

G_END_DECLS
