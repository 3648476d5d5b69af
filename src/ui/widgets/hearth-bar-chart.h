/* hearth-bar-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_BAR_CHART (hearth_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (HearthBarChart, hearth_bar_chart, HEARTH, BAR_CHART, GtkWidget)

GtkWidget  *hearth_bar_chart_new        (void);
/* @values are 0–100, or negative for "Not yet assessed". */
void        hearth_bar_chart_set_bars   (HearthBarChart      *self,
                                         guint                n_bars,
                                         const char * const  *labels,
                                         const double        *values);
guint       hearth_bar_chart_get_n_bars (HearthBarChart      *self);
double      hearth_bar_chart_get_value  (HearthBarChart      *self,
                                         guint                index);

G_END_DECLS
