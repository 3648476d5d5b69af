/* hearth-recognition-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-page.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECOGNITION_PAGE (hearth_recognition_page_get_type ())

G_DECLARE_FINAL_TYPE (HearthRecognitionPage, hearth_recognition_page, HEARTH, RECOGNITION_PAGE, HearthPage)

G_END_DECLS
