/* hearth-card-dialog-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the ui tests reach behind the file choosers and the print dialog.
 */

#pragma once

#include "hearth-badge.h"
#include "hearth-card-dialog.h"
#include "hearth-render.h"

G_BEGIN_DECLS

/* The card as the dialog shows it, written to @path as a one-page PDF. */
gboolean        hearth_card_dialog_save_pdf         (HearthCardDialog    *self,
                                                     const char          *path,
                                                     GError             **error);
/* "thank-you-<member>.pdf", made safe for a file name. (transfer full) */
char           *hearth_card_dialog_dup_file_name    (HearthCardDialog    *self);
const char     *hearth_card_dialog_get_date_text    (HearthCardDialog    *self);
HearthCardSize  hearth_card_dialog_get_size         (HearthCardDialog    *self);

/* @path with the extension of the format it will be written in: its own .png or .svg, else
 * the chosen filter's (SVG when @svg_chosen), which is then appended. (transfer full) */
char           *hearth_badge_image_path             (const char          *path,
                                                     gboolean             svg_chosen,
                                                     HearthRenderFormat  *format);
/* Writes @badge's tile to @path: a 512 × 512 PNG, or an SVG. */
gboolean        hearth_badge_write_image            (HearthBadge         *badge,
                                                     const char          *path,
                                                     HearthRenderFormat   format,
                                                     GError             **error);

G_END_DECLS
