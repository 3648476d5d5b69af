/* hearth-sparkline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small column chart of weekly counts, oldest on the start side, drawn with GtkSnapshot in
 * the theme's accent colour. One image for screen readers, labelled with the span and the peak.
 */

#define G_LOG_DOMAIN "hearth-sparkline"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-sparkline.h"

#define HEIGHT 36
#define GAP    2

struct _HearthSparkline
{
  GtkWidget  parent_instance;

  GArray    *values;   /* (element-type guint32) */
  guint32    top;      /* the value of a full-height column; 0 to scale to the peak */
};

G_DEFINE_FINAL_TYPE (HearthSparkline, hearth_sparkline, GTK_TYPE_WIDGET)

static void
hearth_sparkline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HearthSparkline *self = HEARTH_SPARKLINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->values->len * (2 + GAP);
      *natural = self->values->len * (8 + GAP);
    }
  else
    {
      *minimum = *natural = HEIGHT;
    }
}

static void
hearth_sparkline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HearthSparkline *self = HEARTH_SPARKLINE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint32 peak = self->top > 0 ? self->top : hearth_sparkline_get_peak (self);
  guint n = self->values->len;
  GdkRGBA fg, accent, baseline;
  double column;

  if (n == 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  baseline = fg;
  baseline.alpha *= 0.2;

  column = (double) width / n;
  gtk_snapshot_append_color (snapshot, &baseline,
                             &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  for (guint i = 0; i < n; i++)
    {
      guint32 value = g_array_index (self->values, guint32, i);
      double bar_height = peak == 0 ? 0 : (height - 2) * (double) MIN (value, peak) / peak;
      double x = (rtl ? n - 1 - i : i) * column;

      if (value == 0)
        continue;
      bar_height = MAX (bar_height, 2);
      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (x + GAP / 2.0, height - 1 - bar_height,
                                                      MAX (1, column - GAP), bar_height));
    }
}

static void
hearth_sparkline_finalize (GObject *object)
{
  HearthSparkline *self = (HearthSparkline *)object;

  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (hearth_sparkline_parent_class)->finalize (object);
}

static void
hearth_sparkline_class_init (HearthSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hearth_sparkline_finalize;
  widget_class->measure = hearth_sparkline_measure;
  widget_class->snapshot = hearth_sparkline_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hearth_sparkline_init (HearthSparkline *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (guint32));
}

GtkWidget *
hearth_sparkline_new (void)
{
  return g_object_new (HEARTH_TYPE_SPARKLINE, NULL);
}

void
hearth_sparkline_set_values (HearthSparkline *self,
                             const guint32   *values,
                             guint            n_values)
{
  g_autofree char *label = NULL;

  g_return_if_fail (HEARTH_IS_SPARKLINE (self));
  g_return_if_fail (n_values == 0 || values != NULL);

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);

  /* Translators: the activity chart, for screen readers; the first number is a count of weeks,
   * the second the most activity in one of them */
  label = g_strdup_printf (ngettext ("Weekly activity, last %u week: peak %u",
                                     "Weekly activity, last %u weeks: peak %u", n_values),
                           n_values, hearth_sparkline_get_peak (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint32
hearth_sparkline_get_peak (HearthSparkline *self)
{
  guint32 peak = 0;

  g_return_val_if_fail (HEARTH_IS_SPARKLINE (self), 0);

  for (guint i = 0; i < self->values->len; i++)
    peak = MAX (peak, g_array_index (self->values, guint32, i));

  return peak;
}

/**
 * hearth_sparkline_set_range:
 * @top: the value drawn at full height, or 0 to scale to the highest value shown
 *
 * A fixed scale, for values with a known range (an energy level from 1 to 5): a steady 2 then
 * looks low, not as tall as a steady 5.
 */
void
hearth_sparkline_set_range (HearthSparkline *self,
                            guint32          top)
{
  g_return_if_fail (HEARTH_IS_SPARKLINE (self));

  self->top = top;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
