/* hearth-render.h: badge artwork and printable thank-you cards, drawn with cairo and pango
 * only (no GTK: the headless mode uses it too).
 *
 * All text is caller-provided and already translated: this library has no gettext strings.
 * Text goes through pango, so emoji, right-to-left scripts and any language render, and each
 * paragraph takes its own direction (pango auto-dir).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HEARTH_TIER_BRONZE,
  HEARTH_TIER_SILVER,
  HEARTH_TIER_GOLD,
} HearthTier;

typedef enum
{
  HEARTH_RENDER_FORMAT_PNG,
  HEARTH_RENDER_FORMAT_SVG,
  HEARTH_RENDER_FORMAT_PDF,
} HearthRenderFormat;

typedef enum
{
  HEARTH_CARD_SIZE_A6,            /* 105 × 148 mm, portrait */
  HEARTH_CARD_SIZE_A5,            /* 148 × 210 mm, portrait */
  HEARTH_CARD_SIZE_A6_LANDSCAPE,
  HEARTH_CARD_SIZE_A5_LANDSCAPE,
} HearthCardSize;

/* The schema's tier names ("bronze", "silver", "gold"); anything else is bronze, the schema's
 * default. */
HearthTier          hearth_tier_from_string      (const char *tier);
const char         *hearth_tier_to_string        (HearthTier  tier);

/* A "#rrggbb" colour as 0–1 components; anything else gives the fallback badge colour (GNOME
 * blue) and FALSE, without a warning. Any out-argument may be NULL. */
gboolean            hearth_render_parse_color    (const char *color,
                                                  double     *red,
                                                  double     *green,
                                                  double     *blue);

/* The curated badge icons, drawn as cairo paths (never the icon theme). The array and its
 * strings are static; n (may be NULL) receives its length; the array is also NULL-terminated. */
const char * const *hearth_badge_icons           (guint      *n);
gboolean            hearth_badge_icon_is_known   (const char *icon);

/* Draws icon as symbolic line art in the square (x, y, size, size) with the current source
 * of cr. An unknown or NULL icon draws a generic shape and returns FALSE. The state of cr is
 * left as it was. */
gboolean            hearth_badge_icon_draw       (cairo_t    *cr,
                                                  const char *icon,
                                                  double      x,
                                                  double      y,
                                                  double      size);

/* Draws the badge tile in the square (0, 0, size, size): a rounded tile in color ("#rrggbb";
 * bad input falls back), the icon in white or a dark ink (whichever contrasts), a bronze,
 * silver or gold ring, and one, two or three pips so that the tier never rests on colour
 * alone. The state of cr is left as it was. */
void                hearth_badge_draw            (cairo_t    *cr,
                                                  double      size,
                                                  const char *icon,
                                                  const char *color,
                                                  HearthTier  tier);

/* Writes the badge tile to path: a size × size pixel PNG, or an SVG/PDF of size × size
 * units. An unknown icon still exports (with the generic shape). */
gboolean            hearth_badge_export          (const char         *path,
                                                  HearthRenderFormat  format,
                                                  int                 size,
                                                  const char         *icon,
                                                  const char         *color,
                                                  HearthTier          tier,
                                                  GError            **error);

typedef struct
{
  const char *member_name;
  const char *badge_name;
  const char *badge_icon;
  const char *badge_color;      /* "#rrggbb" */
  HearthTier  tier;
  const char *reason;           /* wrapped; ellipsized when too long */
  const char *date_text;        /* already formatted for the locale */
  const char *program_name;
  const char *signature_label;  /* under the signature line, e.g. "Signature" or a name */
} HearthCardContent;

/* The page size of a card, in points (1/72 inch). */
void                hearth_card_size_get_points  (HearthCardSize  size,
                                                  double         *width_pt,
                                                  double         *height_pt);

/* Draws a thank-you card in the rectangle (0, 0, width_pt, height_pt), portrait or landscape
 * by its shape: the badge tile, the member's name, the badge name, the reason, the date, the
 * program name and a signature line with room for a handwritten signature. Any string may be
 * NULL or empty; its line is then left out. For GtkPrintOperation's draw-page as well. */
void                hearth_card_draw             (cairo_t                 *cr,
                                                  double                   width_pt,
                                                  double                   height_pt,
                                                  const HearthCardContent *content);

/* Writes a one-page PDF of the card at size. */
gboolean            hearth_card_render_pdf       (const char              *path,
                                                  HearthCardSize           size,
                                                  const HearthCardContent *content,
                                                  GError                 **error);

G_END_DECLS
