/* hearth-candidates-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-page.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CANDIDATES_PAGE (hearth_candidates_page_get_type ())

G_DECLARE_FINAL_TYPE (HearthCandidatesPage, hearth_candidates_page, HEARTH, CANDIDATES_PAGE, HearthPage)

G_END_DECLS
