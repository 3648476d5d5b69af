/* hearth-badge-tile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A badge tile at a fixed square size, drawn with cairo through the render library so the
 * screen shows exactly what PNG, SVG, PDF and the printed card show.
 */

#define G_LOG_DOMAIN "hearth-badge-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-badge-tile.h"
#include "hearth-render.h"

struct _HearthBadgeTile
{
  GtkWidget   parent_instance;

  int         size;
  char       *name;
  char       *icon;
  char       *color;
  HearthTier  tier;
};

G_DEFINE_FINAL_TYPE (HearthBadgeTile, hearth_badge_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearth_badge_tile_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = HEARTH_BADGE_TILE (widget)->size;
}

static void
hearth_badge_tile_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  HearthBadgeTile *self = HEARTH_BADGE_TILE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  cairo_t *cr;

  if (size <= 0)
    return;

  /* Centred in whatever the parent gives. */
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2,
                                                       size, size));
  cairo_translate (cr, (width - size) / 2, (height - size) / 2);
  hearth_badge_draw (cr, size, self->icon, self->color, self->tier);
  cairo_destroy (cr);
}

static void
update_label (HearthBadgeTile *self)
{
  g_autofree char *label = NULL;
  const char *tier;

  switch (self->tier)
    {
    case HEARTH_TIER_GOLD:
      tier = _("Gold");
      break;
    case HEARTH_TIER_SILVER:
      tier = _("Silver");
      break;
    case HEARTH_TIER_BRONZE:
    default:
      tier = _("Bronze");
      break;
    }

  if (self->name != NULL && *self->name != '\0')
    /* Translators: how a screen reader names a badge image: the badge's name and its tier
     * (Bronze, Silver or Gold), e.g. "Welcomer, Gold badge" */
    label = g_strdup_printf (_("%s, %s badge"), self->name, tier);
  else
    /* Translators: a badge image without a name yet; the tier, e.g. "Gold badge" */
    label = g_strdup_printf (_("%s badge"), tier);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
hearth_badge_tile_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HearthBadgeTile *self = HEARTH_BADGE_TILE (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_badge_tile_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HearthBadgeTile *self = HEARTH_BADGE_TILE (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      hearth_badge_tile_set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_badge_tile_finalize (GObject *object)
{
  HearthBadgeTile *self = HEARTH_BADGE_TILE (object);

  g_free (self->name);
  g_free (self->icon);
  g_free (self->color);

  G_OBJECT_CLASS (hearth_badge_tile_parent_class)->finalize (object);
}

static void
hearth_badge_tile_class_init (HearthBadgeTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hearth_badge_tile_finalize;
  object_class->get_property = hearth_badge_tile_get_property;
  object_class->set_property = hearth_badge_tile_set_property;
  widget_class->measure = hearth_badge_tile_measure;
  widget_class->snapshot = hearth_badge_tile_snapshot;

  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 8, 1024, 64,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "badge-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hearth_badge_tile_init (HearthBadgeTile *self)
{
  self->size = 64;
  self->tier = HEARTH_TIER_BRONZE;
  update_label (self);
}

GtkWidget *
hearth_badge_tile_new (int size)
{
  return g_object_new (HEARTH_TYPE_BADGE_TILE, "size", size, NULL);
}

void
hearth_badge_tile_set_badge (HearthBadgeTile *self,
                             const char      *name,
                             const char      *icon,
                             const char      *color,
                             const char      *tier)
{
  g_return_if_fail (HEARTH_IS_BADGE_TILE (self));

  g_free (self->name);
  self->name = g_strdup (name);
  g_free (self->icon);
  self->icon = g_strdup (icon);
  g_free (self->color);
  self->color = g_strdup (color);
  self->tier = hearth_tier_from_string (tier);

  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hearth_badge_tile_set_size (HearthBadgeTile *self,
                            int              size)
{
  g_return_if_fail (HEARTH_IS_BADGE_TILE (self));

  size = CLAMP (size, 8, 1024);
  if (self->size == size)
    return;

  self->size = size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

int
hearth_badge_tile_get_size (HearthBadgeTile *self)
{
  g_return_val_if_fail (HEARTH_IS_BADGE_TILE (self), 0);

  return self->size;
}
