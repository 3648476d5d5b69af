/* hearth-overview-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-page.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_OVERVIEW_PAGE (hearth_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (HearthOverviewPage, hearth_overview_page, HEARTH, OVERVIEW_PAGE, HearthPage)

G_END_DECLS
