/* hearth-badge-icons.c: the curated badge icons, as symbolic line art on a 24 × 24 grid with
 * a 2-unit stroke, round caps and joins — in the spirit of GNOME's symbolic icons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hearth-render.h"

#include <math.h>
#include <string.h>

#define STROKE 2.0

typedef void (*IconFunc) (cairo_t *cr);

/* Strokes the current path; keeps it when fill is wanted afterwards. */
static void
stroke (cairo_t *cr)
{
  cairo_stroke (cr);
}

static void
fill_circle (cairo_t *cr,
             double   x,
             double   y,
             double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
line (cairo_t *cr,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
}

static void
circle (cairo_t *cr,
        double   x,
        double   y,
        double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   outer,
           double   inner)
{
  cairo_new_sub_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double r = (i % 2 == 0) ? outer : inner;

      cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
icon_heart (cairo_t *cr)
{
  cairo_move_to (cr, 12, 20.5);
  cairo_curve_to (cr, 12, 20.5, 3, 15, 3, 8.8);
  cairo_curve_to (cr, 3, 5.8, 5.2, 3.8, 7.8, 3.8);
  cairo_curve_to (cr, 9.8, 3.8, 11.2, 4.9, 12, 6.5);
  cairo_curve_to (cr, 12.8, 4.9, 14.2, 3.8, 16.2, 3.8);
  cairo_curve_to (cr, 18.8, 3.8, 21, 5.8, 21, 8.8);
  cairo_curve_to (cr, 21, 15, 12, 20.5, 12, 20.5);
  cairo_close_path (cr);
  stroke (cr);
}

static void
icon_star (cairo_t *cr)
{
  star_path (cr, 12, 12.8, 9.8, 4.3);
  stroke (cr);
}

static void
icon_hands (cairo_t *cr)
{
  /* A raised open hand: four fingers, the thumb and the palm. */
  line (cr, 8, 13, 8, 6.5);
  line (cr, 11, 11.5, 11, 4);
  line (cr, 14, 11.5, 14, 4.5);
  line (cr, 17, 12, 17, 7);
  cairo_move_to (cr, 17, 11);
  cairo_line_to (cr, 17, 15);
  cairo_curve_to (cr, 17, 18.6, 14.6, 21, 11.5, 21);
  cairo_curve_to (cr, 9.2, 21, 7.6, 19.9, 6.3, 17.9);
  cairo_line_to (cr, 3.8, 14);
  cairo_curve_to (cr, 3.1, 12.9, 3.5, 11.8, 4.5, 11.5);
  cairo_curve_to (cr, 5.4, 11.2, 6.2, 11.6, 6.8, 12.4);
  cairo_line_to (cr, 8, 14.2);
  stroke (cr);
}

static void
icon_chat (cairo_t *cr)
{
  cairo_move_to (cr, 6, 4);
  cairo_line_to (cr, 18, 4);
  cairo_arc (cr, 18, 7, 3, -G_PI / 2, 0);
  cairo_line_to (cr, 21, 13);
  cairo_arc (cr, 18, 13, 3, 0, G_PI / 2);
  cairo_line_to (cr, 12, 16);
  cairo_line_to (cr, 7, 20.5);
  cairo_line_to (cr, 7, 16);
  cairo_line_to (cr, 6, 16);
  cairo_arc (cr, 6, 13, 3, G_PI / 2, G_PI);
  cairo_line_to (cr, 3, 7);
  cairo_arc (cr, 6, 7, 3, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  stroke (cr);
  fill_circle (cr, 8, 10, 1.25);
  fill_circle (cr, 12, 10, 1.25);
  fill_circle (cr, 16, 10, 1.25);
}

static void
icon_calendar (cairo_t *cr)
{
  rounded_rect (cr, 3, 5, 18, 16, 2.5);
  line (cr, 3, 10, 21, 10);
  line (cr, 8, 3, 8, 7);
  line (cr, 16, 3, 16, 7);
  stroke (cr);
  fill_circle (cr, 8, 14, 1.2);
  fill_circle (cr, 12, 14, 1.2);
  fill_circle (cr, 16, 14, 1.2);
  fill_circle (cr, 8, 17.5, 1.2);
  fill_circle (cr, 12, 17.5, 1.2);
}

static void
icon_megaphone (cairo_t *cr)
{
  cairo_move_to (cr, 3, 9.5);
  cairo_line_to (cr, 7, 9.5);
  cairo_line_to (cr, 16, 5);
  cairo_line_to (cr, 16, 19);
  cairo_line_to (cr, 7, 14.5);
  cairo_line_to (cr, 3, 14.5);
  cairo_close_path (cr);
  cairo_move_to (cr, 7, 14.5);
  cairo_line_to (cr, 8.5, 20);
  cairo_line_to (cr, 10.5, 20);
  cairo_line_to (cr, 10, 16);
  line (cr, 19, 12, 21.5, 12);
  line (cr, 19, 8.5, 21, 7);
  line (cr, 19, 15.5, 21, 17);
  stroke (cr);
}

static void
icon_sprout (cairo_t *cr)
{
  line (cr, 12, 20.5, 12, 10.5);
  line (cr, 7, 20.5, 17, 20.5);
  cairo_move_to (cr, 12, 14);
  cairo_curve_to (cr, 12, 9.5, 9, 7, 4, 7);
  cairo_curve_to (cr, 4, 11.5, 7, 14, 12, 14);
  cairo_close_path (cr);
  cairo_move_to (cr, 12, 11);
  cairo_curve_to (cr, 12, 6.5, 15, 3.5, 20, 3.5);
  cairo_curve_to (cr, 20, 8.5, 17, 11, 12, 11);
  cairo_close_path (cr);
  stroke (cr);
}

static void
icon_flame (cairo_t *cr)
{
  cairo_move_to (cr, 12, 21.5);
  cairo_curve_to (cr, 8.1, 21.5, 5, 18.6, 5, 14.8);
  cairo_curve_to (cr, 5, 10.2, 9.2, 8, 10, 2.5);
  cairo_curve_to (cr, 13.2, 4.6, 14.6, 7.6, 14.2, 10.8);
  cairo_curve_to (cr, 15.6, 10.1, 16.6, 8.9, 17, 7.5);
  cairo_curve_to (cr, 18.3, 9.4, 19, 12, 19, 14.8);
  cairo_curve_to (cr, 19, 18.6, 15.9, 21.5, 12, 21.5);
  cairo_close_path (cr);
  cairo_move_to (cr, 12, 21.5);
  cairo_curve_to (cr, 10.3, 21.5, 9.2, 20.3, 9.2, 18.8);
  cairo_curve_to (cr, 9.2, 16.8, 11, 15.8, 12, 13.8);
  cairo_curve_to (cr, 13, 15.8, 14.8, 16.8, 14.8, 18.8);
  cairo_curve_to (cr, 14.8, 20.3, 13.7, 21.5, 12, 21.5);
  stroke (cr);
}

static void
icon_book (cairo_t *cr)
{
  cairo_move_to (cr, 12, 6.5);
  cairo_curve_to (cr, 9.5, 4.6, 6.3, 4, 3, 4.5);
  cairo_line_to (cr, 3, 18.5);
  cairo_curve_to (cr, 6.3, 18, 9.5, 18.6, 12, 20.5);
  cairo_curve_to (cr, 14.5, 18.6, 17.7, 18, 21, 18.5);
  cairo_line_to (cr, 21, 4.5);
  cairo_curve_to (cr, 17.7, 4, 14.5, 4.6, 12, 6.5);
  cairo_close_path (cr);
  line (cr, 12, 6.5, 12, 20.5);
  stroke (cr);
}

static void
icon_lightbulb (cairo_t *cr)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, 12, 9.5, 6.5, 3 * G_PI / 4, 9 * G_PI / 4);
  cairo_line_to (cr, 15, 17);
  cairo_line_to (cr, 9, 17);
  cairo_close_path (cr);
  line (cr, 9.5, 20.5, 14.5, 20.5);
  cairo_move_to (cr, 10, 13);
  cairo_line_to (cr, 12, 11);
  cairo_line_to (cr, 14, 13);
  stroke (cr);
}

static void
icon_shield (cairo_t *cr)
{
  cairo_move_to (cr, 12, 2.5);
  cairo_line_to (cr, 20, 5.5);
  cairo_line_to (cr, 20, 11);
  cairo_curve_to (cr, 20, 16, 16.5, 19.8, 12, 21.5);
  cairo_curve_to (cr, 7.5, 19.8, 4, 16, 4, 11);
  cairo_line_to (cr, 4, 5.5);
  cairo_close_path (cr);
  cairo_move_to (cr, 8.5, 12);
  cairo_line_to (cr, 11, 14.5);
  cairo_line_to (cr, 15.5, 9.5);
  stroke (cr);
}

static void
icon_trophy (cairo_t *cr)
{
  cairo_move_to (cr, 7, 3.5);
  cairo_line_to (cr, 17, 3.5);
  cairo_line_to (cr, 17, 9);
  cairo_curve_to (cr, 17, 12, 14.8, 14.5, 12, 14.5);
  cairo_curve_to (cr, 9.2, 14.5, 7, 12, 7, 9);
  cairo_close_path (cr);
  cairo_move_to (cr, 7, 5.5);
  cairo_curve_to (cr, 2.8, 5.5, 3, 11, 7.6, 11);
  cairo_move_to (cr, 17, 5.5);
  cairo_curve_to (cr, 21.2, 5.5, 21, 11, 16.4, 11);
  line (cr, 12, 14.5, 12, 18);
  rounded_rect (cr, 8, 18, 8, 3, 1);
  stroke (cr);
}

static void
icon_compass (cairo_t *cr)
{
  circle (cr, 12, 12, 9);
  stroke (cr);
  cairo_move_to (cr, 16, 8);
  cairo_line_to (cr, 13.6, 13.6);
  cairo_line_to (cr, 8, 16);
  cairo_line_to (cr, 10.4, 10.4);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  stroke (cr);
}

static void
icon_handshake (cairo_t *cr)
{
  /* Two sleeves and two hands meeting in the middle, the right one's fingers over the left. */
  line (cr, 2, 7, 2, 15);
  line (cr, 22, 7, 22, 15);
  /* left hand: from the sleeve, the back of the hand to the fingertips */
  cairo_move_to (cr, 2, 8.5);
  cairo_line_to (cr, 6, 8.5);
  cairo_line_to (cr, 9, 6.5);
  /* right hand: thumb side up, then down across the left hand */
  cairo_move_to (cr, 22, 8.5);
  cairo_line_to (cr, 18.5, 8.5);
  cairo_line_to (cr, 15, 6.5);
  cairo_curve_to (cr, 14, 6, 13, 6, 12, 6.6);
  cairo_line_to (cr, 8.6, 9.6);
  cairo_curve_to (cr, 7.6, 10.5, 8.6, 12.2, 9.8, 11.6);
  cairo_line_to (cr, 13, 9.8);
  /* the left hand's fingers, wrapping under */
  cairo_move_to (cr, 13, 9.8);
  cairo_line_to (cr, 18.5, 14);
  cairo_curve_to (cr, 19.7, 15, 18.4, 16.8, 17, 15.8);
  cairo_line_to (cr, 15, 14.2);
  cairo_move_to (cr, 17, 15.8);
  cairo_curve_to (cr, 17.8, 17, 16.3, 18.4, 15.2, 17.4);
  cairo_line_to (cr, 13.5, 16);
  cairo_move_to (cr, 15.2, 17.4);
  cairo_curve_to (cr, 15.7, 18.7, 14.2, 19.8, 13.2, 18.9);
  cairo_line_to (cr, 12, 17.9);
  /* the left palm */
  cairo_move_to (cr, 2, 14);
  cairo_line_to (cr, 4.5, 14);
  cairo_line_to (cr, 10.2, 18.8);
  cairo_curve_to (cr, 11.2, 19.7, 12.8, 19.4, 13.2, 18.9);
  stroke (cr);
}

static void
icon_sparkle (cairo_t *cr)
{
  cairo_move_to (cr, 10.5, 4);
  cairo_curve_to (cr, 11.2, 9.2, 13.8, 11.8, 19, 12.5);
  cairo_curve_to (cr, 13.8, 13.2, 11.2, 15.8, 10.5, 21);
  cairo_curve_to (cr, 9.8, 15.8, 7.2, 13.2, 2, 12.5);
  cairo_curve_to (cr, 7.2, 11.8, 9.8, 9.2, 10.5, 4);
  cairo_close_path (cr);
  line (cr, 19, 2.5, 19, 7.5);
  line (cr, 16.5, 5, 21.5, 5);
  stroke (cr);
}

static void
icon_music (cairo_t *cr)
{
  line (cr, 9, 18, 9, 5.5);
  line (cr, 19, 16, 19, 3.5);
  line (cr, 9, 5.5, 19, 3.5);
  line (cr, 9, 9, 19, 7);
  circle (cr, 6.5, 18, 2.5);
  circle (cr, 16.5, 16, 2.5);
  stroke (cr);
}

static void
icon_camera (cairo_t *cr)
{
  cairo_move_to (cr, 8, 7);
  cairo_line_to (cr, 9.5, 4.5);
  cairo_line_to (cr, 14.5, 4.5);
  cairo_line_to (cr, 16, 7);
  cairo_line_to (cr, 19, 7);
  cairo_arc (cr, 19, 9.5, 2.5, -G_PI / 2, 0);
  cairo_line_to (cr, 21.5, 17.5);
  cairo_arc (cr, 19, 17.5, 2.5, 0, G_PI / 2);
  cairo_line_to (cr, 5, 20);
  cairo_arc (cr, 5, 17.5, 2.5, G_PI / 2, G_PI);
  cairo_line_to (cr, 2.5, 9.5);
  cairo_arc (cr, 5, 9.5, 2.5, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  circle (cr, 12, 13.2, 3.8);
  stroke (cr);
}

static void
icon_code (cairo_t *cr)
{
  cairo_move_to (cr, 8, 7);
  cairo_line_to (cr, 3, 12);
  cairo_line_to (cr, 8, 17);
  cairo_move_to (cr, 16, 7);
  cairo_line_to (cr, 21, 12);
  cairo_line_to (cr, 16, 17);
  line (cr, 14, 4.5, 10, 19.5);
  stroke (cr);
}

static void
icon_globe (cairo_t *cr)
{
  circle (cr, 12, 12, 9);
  line (cr, 3, 12, 21, 12);
  cairo_save (cr);
  cairo_translate (cr, 12, 12);
  cairo_scale (cr, 0.45, 1);
  circle (cr, 0, 0, 9);
  cairo_restore (cr);
  stroke (cr);
}

static void
icon_leaf (cairo_t *cr)
{
  cairo_move_to (cr, 5.5, 18.5);
  cairo_curve_to (cr, 3.5, 10, 9, 4, 20.5, 3.5);
  cairo_curve_to (cr, 20, 15, 14, 20.5, 5.5, 18.5);
  cairo_close_path (cr);
  line (cr, 3, 21, 14, 10);
  stroke (cr);
}

static void
icon_anchor (cairo_t *cr)
{
  circle (cr, 12, 4.8, 2.3);
  line (cr, 12, 7.1, 12, 21);
  line (cr, 8, 10.5, 16, 10.5);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 12, 12.5, 8.5, 0.15, G_PI - 0.15);
  cairo_move_to (cr, 1.8, 15);
  cairo_line_to (cr, 3.6, 13.7);
  cairo_line_to (cr, 5.8, 15);
  cairo_move_to (cr, 22.2, 15);
  cairo_line_to (cr, 20.4, 13.7);
  cairo_line_to (cr, 18.2, 15);
  stroke (cr);
}

static void
icon_rocket (cairo_t *cr)
{
  cairo_move_to (cr, 12, 2.5);
  cairo_curve_to (cr, 15.5, 5, 16.5, 9, 15.8, 15);
  cairo_line_to (cr, 8.2, 15);
  cairo_curve_to (cr, 7.5, 9, 8.5, 5, 12, 2.5);
  cairo_close_path (cr);
  circle (cr, 12, 9, 1.8);
  cairo_move_to (cr, 8, 11.5);
  cairo_line_to (cr, 5, 14.5);
  cairo_line_to (cr, 5, 17.5);
  cairo_line_to (cr, 8.4, 15.8);
  cairo_move_to (cr, 16, 11.5);
  cairo_line_to (cr, 19, 14.5);
  cairo_line_to (cr, 19, 17.5);
  cairo_line_to (cr, 15.6, 15.8);
  cairo_move_to (cr, 10, 18);
  cairo_line_to (cr, 12, 21.5);
  cairo_line_to (cr, 14, 18);
  stroke (cr);
}

static void
icon_medal (cairo_t *cr)
{
  cairo_move_to (cr, 7, 2.5);
  cairo_line_to (cr, 10, 9.2);
  cairo_move_to (cr, 17, 2.5);
  cairo_line_to (cr, 14, 9.2);
  line (cr, 10.5, 2.5, 12, 6);
  line (cr, 13.5, 2.5, 12, 6);
  circle (cr, 12, 15, 6.2);
  stroke (cr);
  star_path (cr, 12, 15.3, 3.2, 1.4);
  cairo_fill (cr);
}

static void
icon_crown (cairo_t *cr)
{
  cairo_move_to (cr, 3, 7);
  cairo_line_to (cr, 7.5, 12.5);
  cairo_line_to (cr, 12, 5);
  cairo_line_to (cr, 16.5, 12.5);
  cairo_line_to (cr, 21, 7);
  cairo_line_to (cr, 19.5, 17.5);
  cairo_line_to (cr, 4.5, 17.5);
  cairo_close_path (cr);
  line (cr, 4.5, 21, 19.5, 21);
  stroke (cr);
}

static void
icon_generic (cairo_t *cr)
{
  circle (cr, 12, 12, 8.5);
  stroke (cr);
  fill_circle (cr, 12, 12, 2.5);
}

static const struct
{
  const char *name;
  IconFunc    draw;
} icons[] = {
  { "heart", icon_heart },
  { "star", icon_star },
  { "hands", icon_hands },
  { "chat", icon_chat },
  { "calendar", icon_calendar },
  { "megaphone", icon_megaphone },
  { "sprout", icon_sprout },
  { "flame", icon_flame },
  { "book", icon_book },
  { "lightbulb", icon_lightbulb },
  { "shield", icon_shield },
  { "trophy", icon_trophy },
  { "compass", icon_compass },
  { "handshake", icon_handshake },
  { "sparkle", icon_sparkle },
  { "music", icon_music },
  { "camera", icon_camera },
  { "code", icon_code },
  { "globe", icon_globe },
  { "leaf", icon_leaf },
  { "anchor", icon_anchor },
  { "rocket", icon_rocket },
  { "medal", icon_medal },
  { "crown", icon_crown },
};

static const char * const icon_names[] = {
  "heart", "star", "hands", "chat", "calendar", "megaphone", "sprout", "flame",
  "book", "lightbulb", "shield", "trophy", "compass", "handshake", "sparkle", "music",
  "camera", "code", "globe", "leaf", "anchor", "rocket", "medal", "crown",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (icon_names) == G_N_ELEMENTS (icons) + 1);

const char * const *
hearth_badge_icons (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (icons);
  return icon_names;
}

static IconFunc
lookup (const char *icon)
{
  if (icon == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (icons); i++)
    if (strcmp (icons[i].name, icon) == 0)
      return icons[i].draw;
  return NULL;
}

gboolean
hearth_badge_icon_is_known (const char *icon)
{
  return lookup (icon) != NULL;
}

gboolean
hearth_badge_icon_draw (cairo_t    *cr,
                        const char *icon,
                        double      x,
                        double      y,
                        double      size)
{
  IconFunc draw;

  g_return_val_if_fail (cr != NULL, FALSE);

  draw = lookup (icon);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 24.0, size / 24.0);
  cairo_set_line_width (cr, STROKE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  (draw != NULL ? draw : icon_generic) (cr);
  cairo_new_path (cr);
  cairo_restore (cr);

  return draw != NULL;
}
