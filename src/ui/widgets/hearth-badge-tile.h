/* hearth-badge-tile.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_BADGE_TILE (hearth_badge_tile_get_type ())

G_DECLARE_FINAL_TYPE (HearthBadgeTile, hearth_badge_tile, HEARTH, BADGE_TILE, GtkWidget)

/* A badge drawn by the render library (hearth_badge_draw): one image for screen readers,
 * labelled with the badge's name and tier. */
GtkWidget  *hearth_badge_tile_new        (int               size);
/* Any argument may be NULL: the render library's fallbacks apply. @name only labels it. */
void        hearth_badge_tile_set_badge  (HearthBadgeTile  *self,
                                          const char       *name,
                                          const char       *icon,
                                          const char       *color,
                                          const char       *tier);
void        hearth_badge_tile_set_size   (HearthBadgeTile  *self,
                                          int               size);
int         hearth_badge_tile_get_size   (HearthBadgeTile  *self);

G_END_DECLS
