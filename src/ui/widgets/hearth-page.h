/* hearth-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_PAGE (hearth_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (HearthPage, hearth_page, HEARTH, PAGE, AdwBin)

struct _HearthPageClass
{
  AdwBinClass parent_class;
};

const char     *hearth_page_get_title     (HearthPage     *self);
const char     *hearth_page_get_icon_name (HearthPage     *self);
HearthProgram  *hearth_page_get_program   (HearthPage     *self);
void            hearth_page_set_program   (HearthPage     *self,
                                           HearthProgram  *program);
HearthStore    *hearth_page_get_store     (HearthPage     *self);
void            hearth_page_set_store     (HearthPage     *self,
                                           HearthStore    *store);

G_END_DECLS
