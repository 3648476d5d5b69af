/* hearth-bar-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Horizontal bars with a label and a value each, drawn with GtkSnapshot in the theme's
 * foreground and accent colours (so dark mode follows). A bar without a value says "Not yet
 * assessed". For screen readers the whole chart is one image whose label lists the values.
 */

#define G_LOG_DOMAIN "hearth-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-bar-chart.h"

#define ROW_HEIGHT   30
#define BAR_HEIGHT   10
#define LABEL_GAP    12
#define VALUE_WIDTH  36

struct _HearthBarChart
{
  GtkWidget  parent_instance;

  GPtrArray *labels;   /* (element-type utf8) */
  GArray    *values;   /* (element-type double) */
};

G_DEFINE_FINAL_TYPE (HearthBarChart, hearth_bar_chart, GTK_TYPE_WIDGET)

static PangoLayout *
make_layout (HearthBarChart *self,
             const char     *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static int
label_column_width (HearthBarChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, g_ptr_array_index (self->labels, i));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

static void
update_accessible_label (HearthBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      double value = g_array_index (self->values, double, i);

      if (i > 0)
        g_string_append (text, ", ");
      if (value < 0)
        /* Translators: a bar of the trait chart, for screen readers: "Alignment not yet assessed" */
        g_string_append_printf (text, _("%s not yet assessed"),
                                (const char *) g_ptr_array_index (self->labels, i));
      else
        g_string_append_printf (text, "%s %.0f",
                                (const char *) g_ptr_array_index (self->labels, i), value);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
}

static void
hearth_bar_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  HearthBarChart *self = HEARTH_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int labels = label_column_width (self);
      g_autoptr(PangoLayout) layout = make_layout (self, _("Not yet assessed"));
      int unassessed;

      pango_layout_get_pixel_size (layout, &unassessed, NULL);
      *minimum = labels + LABEL_GAP + MAX (60 + VALUE_WIDTH, unassessed);
      *natural = labels + LABEL_GAP + MAX (240, unassessed);
    }
  else
    {
      *minimum = *natural = self->labels->len * ROW_HEIGHT;
    }
}

static void
hearth_bar_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HearthBarChart *self = HEARTH_BAR_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = label_column_width (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA fg, accent, track, dim;
  int bar_x, bar_width;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  track = fg;
  track.alpha *= 0.12;
  dim = fg;
  dim.alpha *= 0.55;

  bar_x = label_width + LABEL_GAP;
  bar_width = MAX (0, width - bar_x - VALUE_WIDTH);

  for (guint i = 0; i < self->labels->len; i++)
    {
      double value = g_array_index (self->values, double, i);
      g_autoptr(PangoLayout) label = make_layout (self, g_ptr_array_index (self->labels, i));
      int y = i * ROW_HEIGHT;
      int text_height, x;

      pango_layout_get_pixel_size (label, NULL, &text_height);
      x = rtl ? width - label_width : 0;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - text_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      if (value < 0)
        {
          g_autoptr(PangoLayout) none = make_layout (self, _("Not yet assessed"));
          int none_width;

          pango_layout_get_pixel_size (none, &none_width, NULL);
          x = rtl ? width - bar_x - none_width : bar_x;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - text_height) / 2.0));
          gtk_snapshot_append_layout (snapshot, none, &dim);
          gtk_snapshot_restore (snapshot);
        }
      else
        {
          g_autofree char *number = g_strdup_printf ("%.0f", value);
          g_autoptr(PangoLayout) value_layout = make_layout (self, number);
          int fill = (int) (bar_width * CLAMP (value, 0, 100) / 100.0 + 0.5);
          float bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
          int value_width;
          GskRoundedRect rounded;
          graphene_rect_t rect;

          x = rtl ? width - bar_x - bar_width : bar_x;
          rect = GRAPHENE_RECT_INIT (x, bar_y, bar_width, BAR_HEIGHT);
          gsk_rounded_rect_init_from_rect (&rounded, &rect, BAR_HEIGHT / 2.0);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &track, &rect);
          rect = GRAPHENE_RECT_INIT (rtl ? x + bar_width - fill : x, bar_y, fill, BAR_HEIGHT);
          gtk_snapshot_append_color (snapshot, &accent, &rect);
          gtk_snapshot_pop (snapshot);

          pango_layout_get_pixel_size (value_layout, &value_width, NULL);
          x = rtl ? 0 : width - value_width;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x, y + (ROW_HEIGHT - text_height) / 2.0));
          gtk_snapshot_append_layout (snapshot, value_layout, &fg);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
hearth_bar_chart_finalize (GObject *object)
{
  HearthBarChart *self = (HearthBarChart *)object;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (hearth_bar_chart_parent_class)->finalize (object);
}

static void
hearth_bar_chart_class_init (HearthBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hearth_bar_chart_finalize;
  widget_class->measure = hearth_bar_chart_measure;
  widget_class->snapshot = hearth_bar_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hearth_bar_chart_init (HearthBarChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

GtkWidget *
hearth_bar_chart_new (void)
{
  return g_object_new (HEARTH_TYPE_BAR_CHART, NULL);
}

void
hearth_bar_chart_set_bars (HearthBarChart     *self,
                           guint               n_bars,
                           const char * const *labels,
                           const double       *values)
{
  g_return_if_fail (HEARTH_IS_BAR_CHART (self));
  g_return_if_fail (n_bars == 0 || (labels != NULL && values != NULL));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  for (guint i = 0; i < n_bars; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->values, values[i]);
    }

  update_accessible_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
hearth_bar_chart_get_n_bars (HearthBarChart *self)
{
  g_return_val_if_fail (HEARTH_IS_BAR_CHART (self), 0);

  return self->labels->len;
}

double
hearth_bar_chart_get_value (HearthBarChart *self,
                            guint           index)
{
  g_return_val_if_fail (HEARTH_IS_BAR_CHART (self), -1);
  g_return_val_if_fail (index < self->values->len, -1);

  return g_array_index (self->values, double, index);
}
