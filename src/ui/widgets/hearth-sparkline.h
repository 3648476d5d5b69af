/* hearth-sparkline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_SPARKLINE (hearth_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (HearthSparkline, hearth_sparkline, HEARTH, SPARKLINE, GtkWidget)

GtkWidget  *hearth_sparkline_new        (void);
/* Oldest first. */
void        hearth_sparkline_set_values (HearthSparkline  *self,
                                         const guint32    *values,
                                         guint             n_values);
guint32     hearth_sparkline_get_peak   (HearthSparkline  *self);
void        hearth_sparkline_set_range  (HearthSparkline  *self,
                                         guint32           top);

G_END_DECLS
