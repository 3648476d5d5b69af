/* hearth-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-program.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_WINDOW (hearth_window_get_type ())

G_DECLARE_FINAL_TYPE (HearthWindow, hearth_window, HEARTH, WINDOW, AdwApplicationWindow)

HearthWindow   *hearth_window_new            (HearthApplication  *application,
                                              HearthStore        *store,
                                              const char         *program);
HearthWindow   *hearth_window_new_for_error  (HearthApplication  *application,
                                              const GError       *error);
HearthProgram  *hearth_window_get_program    (HearthWindow       *self);
const char     *hearth_window_get_page       (HearthWindow       *self);
void            hearth_window_add_toast      (HearthWindow       *self,
                                              AdwToast           *toast);
void            hearth_window_show_program   (HearthWindow       *self,
                                              const char         *id);

G_END_DECLS
