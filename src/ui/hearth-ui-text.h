/* hearth-ui-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words the pages and dialogs share: how a member's status reads, and how search folds text.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *hearth_member_status_label (const char *status);
char       *hearth_text_fold           (const char *text);
gboolean    hearth_search_update       (char      **search,
                                        const char *text);

G_END_DECLS
