/* hearth-feedback-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-page.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FEEDBACK_PAGE (hearth_feedback_page_get_type ())

G_DECLARE_FINAL_TYPE (HearthFeedbackPage, hearth_feedback_page, HEARTH, FEEDBACK_PAGE, HearthPage)

G_END_DECLS
