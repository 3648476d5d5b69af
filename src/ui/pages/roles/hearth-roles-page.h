/* hearth-roles-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-page.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ROLES_PAGE (hearth_roles_page_get_type ())

G_DECLARE_FINAL_TYPE (HearthRolesPage, hearth_roles_page, HEARTH, ROLES_PAGE, HearthPage)

G_END_DECLS
