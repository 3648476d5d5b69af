/* hearth-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_APPLICATION (hearth_application_get_type ())

G_DECLARE_FINAL_TYPE (HearthApplication, hearth_application, HEARTH, APPLICATION, AdwApplication)

HearthApplication  *hearth_application_new          (const char         *database_path,
                                                     gboolean            non_unique,
                                                     const char         *program);
HearthStore        *hearth_application_get_store    (HearthApplication  *self);
GSettings          *hearth_application_get_settings (HearthApplication  *self);
const char         *hearth_application_get_database_path (HearthApplication *self);

G_END_DECLS
