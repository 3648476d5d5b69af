/* hearth-render.c: badge tiles, their export, and thank-you cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hearth-render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* GNOME's palette: blue 3 as the fallback tile, "dark 4" as the ink on light tiles and cards. */
#define FALLBACK_COLOR "#3584e4"
#define INK_R (0x24 / 255.0)
#define INK_G (0x1f / 255.0)
#define INK_B (0x31 / 255.0)

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

static const char *font_family = "Cantarell, Inter, \"DejaVu Sans\", sans-serif";

/* Tier metals: a light and a dark stop of a diagonal gradient. */
static const struct
{
  const char *name;
  double      light[3];
  double      dark[3];
} tiers[] = {
  [HEARTH_TIER_BRONZE] = { "bronze", { 0.91, 0.66, 0.44 }, { 0.60, 0.36, 0.16 } },
  [HEARTH_TIER_SILVER] = { "silver", { 0.93, 0.93, 0.92 }, { 0.56, 0.56, 0.55 } },
  [HEARTH_TIER_GOLD] = { "gold", { 0.98, 0.89, 0.42 }, { 0.78, 0.53, 0.00 } },
};

HearthTier
hearth_tier_from_string (const char *tier)
{
  for (gsize i = 0; tier != NULL && i < G_N_ELEMENTS (tiers); i++)
    if (strcmp (tiers[i].name, tier) == 0)
      return (HearthTier) i;
  return HEARTH_TIER_BRONZE;
}

const char *
hearth_tier_to_string (HearthTier tier)
{
  if ((guint) tier >= G_N_ELEMENTS (tiers))
    tier = HEARTH_TIER_BRONZE;
  return tiers[tier].name;
}

static HearthTier
valid_tier (HearthTier tier)
{
  return (guint) tier < G_N_ELEMENTS (tiers) ? tier : HEARTH_TIER_BRONZE;
}

static gboolean
parse_hex (const char *color,
           double      rgb[3])
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  for (int i = 0; i < 3; i++)
    rgb[i] = (g_ascii_xdigit_value (color[1 + 2 * i]) * 16
              + g_ascii_xdigit_value (color[2 + 2 * i])) / 255.0;
  return TRUE;
}

gboolean
hearth_render_parse_color (const char *color,
                           double     *red,
                           double     *green,
                           double     *blue)
{
  double rgb[3];
  gboolean ok = parse_hex (color, rgb);

  if (!ok)
    parse_hex (FALLBACK_COLOR, rgb);
  if (red != NULL)
    *red = rgb[0];
  if (green != NULL)
    *green = rgb[1];
  if (blue != NULL)
    *blue = rgb[2];
  return ok;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance. */
static double
luminance (const double rgb[3])
{
  return 0.2126 * linear (rgb[0]) + 0.7152 * linear (rgb[1]) + 0.0722 * linear (rgb[2]);
}

/* White on the tile, as GNOME does on its accent colours, unless white falls under the 3:1
 * contrast that WCAG asks of graphics and the dark ink does better. */
static gboolean
wants_dark_ink (const double rgb[3])
{
  double l = luminance (rgb);
  double ink[3] = { INK_R, INK_G, INK_B };
  double white_contrast = 1.05 / (l + 0.05);
  double ink_contrast = (l + 0.05) / (luminance (ink) + 0.05);

  return white_contrast < 3.0 && ink_contrast > white_contrast;
}

static void
mix (const double a[3],
     const double b[3],
     double       t,
     double       out[3])
{
  for (int i = 0; i < 3; i++)
    out[i] = a[i] + (b[i] - a[i]) * t;
}

/* The badge colour darkened (towards the ink) until it reads as text on white: 4.5:1. */
static void
text_accent (const double rgb[3],
             double       out[3])
{
  static const double ink[3] = { INK_R, INK_G, INK_B };

  mix (rgb, ink, 0.15, out);
  for (double t = 0.25; 1.05 / (luminance (out) + 0.05) < 4.5 && t <= 1.0; t += 0.05)
    mix (rgb, ink, t, out);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
hearth_badge_draw (cairo_t    *cr,
                   double      size,
                   const char *icon,
                   const char *color,
                   HearthTier  tier)
{
  static const double white[3] = { 1, 1, 1 };
  static const double black[3] = { 0, 0, 0 };
  double rgb[3], top[3], bottom[3];
  double margin, ring, radius, icon_size, pip_r, pip_gap, pip_y;
  cairo_pattern_t *pattern;
  int n_pips;

  g_return_if_fail (cr != NULL);

  if (size <= 0)
    return;

  tier = valid_tier (tier);
  hearth_render_parse_color (color, &rgb[0], &rgb[1], &rgb[2]);

  margin = size * 0.03;
  ring = size * 0.065;
  radius = size * 0.25;

  cairo_save (cr);
  cairo_new_path (cr);

  /* The soft shadow under the tile. */
  rounded_rect (cr, margin, margin + size * 0.015, size - 2 * margin, size - 2 * margin, radius);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);

  /* The tier ring: a metal gradient. */
  pattern = cairo_pattern_create_linear (0, 0, size, size);
  cairo_pattern_add_color_stop_rgb (pattern, 0, tiers[tier].light[0], tiers[tier].light[1],
                                    tiers[tier].light[2]);
  cairo_pattern_add_color_stop_rgb (pattern, 0.55, tiers[tier].dark[0], tiers[tier].dark[1],
                                    tiers[tier].dark[2]);
  cairo_pattern_add_color_stop_rgb (pattern, 1, tiers[tier].light[0], tiers[tier].light[1],
                                    tiers[tier].light[2]);
  rounded_rect (cr, margin, margin, size - 2 * margin, size - 2 * margin, radius);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  /* The tile: the badge colour, a touch lighter at the top. */
  mix (rgb, white, 0.12, top);
  mix (rgb, black, 0.08, bottom);
  pattern = cairo_pattern_create_linear (0, margin + ring, 0, size - margin - ring);
  cairo_pattern_add_color_stop_rgb (pattern, 0, top[0], top[1], top[2]);
  cairo_pattern_add_color_stop_rgb (pattern, 1, bottom[0], bottom[1], bottom[2]);
  rounded_rect (cr, margin + ring, margin + ring, size - 2 * (margin + ring),
                size - 2 * (margin + ring), radius - ring);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  /* The icon and the tier pips, in the ink that contrasts. */
  if (wants_dark_ink (rgb))
    cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);

  icon_size = size * 0.46;
  hearth_badge_icon_draw (cr, icon, (size - icon_size) / 2, size * 0.42 - icon_size / 2,
                          icon_size);

  n_pips = tier + 1;
  pip_r = size * 0.03;
  pip_gap = size * 0.1;
  pip_y = size * 0.79;
  for (int i = 0; i < n_pips; i++)
    {
      double x = size / 2 + (i - (n_pips - 1) / 2.0) * pip_gap;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, pip_y, pip_r, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               "Could not write %s: %s", display, cairo_status_to_string (status));
  return FALSE;
}

/* Finishes surface and reports its status (and that of cr, when given). */
static gboolean
finish_surface (cairo_surface_t  *surface,
                cairo_t          *cr,
                const char       *path,
                GError          **error)
{
  cairo_status_t status = cr != NULL ? cairo_status (cr) : CAIRO_STATUS_SUCCESS;

  if (cr != NULL)
    cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}

gboolean
hearth_badge_export (const char         *path,
                     HearthRenderFormat  format,
                     int                 size,
                     const char         *icon,
                     const char         *color,
                     HearthTier          tier,
                     GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (size > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case HEARTH_RENDER_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cr = cairo_create (surface);
      hearth_badge_draw (cr, size, icon, color, tier);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png (surface, path);
      cairo_surface_destroy (surface);
      return check_status (status, path, error);

    case HEARTH_RENDER_FORMAT_SVG:
      surface = cairo_svg_surface_create (path, size, size);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case HEARTH_RENDER_FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, size, size);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hearth");
      break;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Unknown image format %d",
                   (int) format);
      return FALSE;
    }

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return finish_surface (surface, NULL, path, error);

  cr = cairo_create (surface);
  hearth_badge_draw (cr, size, icon, color, tier);
  return finish_surface (surface, cr, path, error);
}

/* ---- Cards ---- */

void
hearth_card_size_get_points (HearthCardSize  size,
                             double         *width_pt,
                             double         *height_pt)
{
  double w, h;

  switch (size)
    {
    case HEARTH_CARD_SIZE_A5:
    case HEARTH_CARD_SIZE_A5_LANDSCAPE:
      w = MM_TO_PT (148);
      h = MM_TO_PT (210);
      break;
    case HEARTH_CARD_SIZE_A6:
    case HEARTH_CARD_SIZE_A6_LANDSCAPE:
    default:
      w = MM_TO_PT (105);
      h = MM_TO_PT (148);
      break;
    }

  if (size == HEARTH_CARD_SIZE_A5_LANDSCAPE || size == HEARTH_CARD_SIZE_A6_LANDSCAPE)
    {
      double t = w;
      w = h;
      h = t;
    }

  if (width_pt != NULL)
    *width_pt = w;
  if (height_pt != NULL)
    *height_pt = h;
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

/* A layout whose font sizes are in user units (72 dpi: points on a PDF page), unhinted so
 * that it lays out the same on every surface. */
static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      font_size,
             PangoWeight weight,
             PangoStyle  style,
             double      width,
             int         max_lines,
             PangoAlignment alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *font = pango_font_description_from_string (font_family);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  /* Glyphs at their exact positions: rounded to whole units, a card drawn scaled down (the
   * dialog's preview) loses its spaces and splits words. */
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Shrinks the font until text fits on one line of width (down to min_size), for names. */
static PangoLayout *
make_fitting_layout (cairo_t    *cr,
                     const char *text,
                     double      font_size,
                     double      min_size,
                     PangoWeight weight,
                     double      width,
                     PangoAlignment alignment)
{
  for (;;)
    {
      PangoLayout *layout = make_layout (cr, text, font_size, weight, PANGO_STYLE_NORMAL,
                                         width, 2, alignment);

      if (pango_layout_get_line_count (layout) <= 1 && !pango_layout_is_ellipsized (layout))
        return layout;
      if (font_size * 0.92 < min_size)
        return layout;
      g_object_unref (layout);
      font_size *= 0.92;
    }
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  PangoLayout *program;
  PangoLayout *name;
  PangoLayout *badge;
  PangoLayout *reason;
  PangoLayout *date;
  PangoLayout *signature;
} CardLayouts;

static void
card_layouts_clear (CardLayouts *l)
{
  g_clear_object (&l->program);
  g_clear_object (&l->name);
  g_clear_object (&l->badge);
  g_clear_object (&l->reason);
  g_clear_object (&l->date);
  g_clear_object (&l->signature);
}

/* Whether text's first strong character is right-to-left (for the card's mirroring). */
static gboolean
text_is_rtl (cairo_t    *cr,
             const char *text)
{
  PangoLayout *layout;
  PangoLayoutLine *line;
  gboolean rtl;

  if (!has_text (text))
    return FALSE;

  layout = pango_cairo_create_layout (cr);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  line = pango_layout_get_line_readonly (layout, 0);
  rtl = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
  g_object_unref (layout);
  return rtl;
}

/* The program name as a small letter-spaced kicker over the card. */
static PangoLayout *
make_kicker (cairo_t       *cr,
             const char    *text,
             double         font_size,
             double         width,
             PangoAlignment alignment)
{
  PangoLayout *layout = make_layout (cr, text, font_size, PANGO_WEIGHT_BOLD,
                                     PANGO_STYLE_NORMAL, width, 1, alignment);
  PangoAttrList *attrs;

  /* Letter-spacing would break the joining of Arabic and the clusters of Indic scripts:
   * only simple alphabets get it. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      switch (g_unichar_get_script (g_utf8_get_char (p)))
        {
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
        case G_UNICODE_SCRIPT_LATIN:
        case G_UNICODE_SCRIPT_GREEK:
        case G_UNICODE_SCRIPT_CYRILLIC:
          break;
        default:
          return layout;
        }
    }

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (font_size * 0.12
                                                                       * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* The bottom row: the date at the start, the signature line at the end (mirrored for a
 * right-to-left interface, judged by the signature label, a UI string). */
static void
draw_footer (cairo_t           *cr,
             CardLayouts       *l,
             double             x,
             double             width,
             double             baseline_y,
             double             unit,
             const double       accent[3],
             gboolean           rtl)
{
  double sig_width = width * 0.52;
  double sig_x = rtl ? x : x + width - sig_width;
  double date_x = rtl ? x + width - width * 0.44 : x;

  /* The signature line, with the label under it. */
  cairo_set_source_rgba (cr, INK_R, INK_G, INK_B, 0.55);
  cairo_set_line_width (cr, MAX (0.6, unit * 0.08));
  cairo_move_to (cr, sig_x, baseline_y);
  cairo_line_to (cr, sig_x + sig_width, baseline_y);
  cairo_stroke (cr);

  if (l->signature != NULL)
    {
      pango_layout_set_width (l->signature, (int) (sig_width * PANGO_SCALE));
      cairo_set_source_rgba (cr, INK_R, INK_G, INK_B, 0.6);
      show_layout (cr, l->signature, sig_x, baseline_y + unit * 0.35);
    }

  if (l->date != NULL)
    {
      pango_layout_set_width (l->date, (int) (width * 0.44 * PANGO_SCALE));
      cairo_set_source_rgba (cr, INK_R, INK_G, INK_B, 0.75);
      show_layout (cr, l->date, date_x, baseline_y - layout_height (l->date) - unit * 0.2);
    }
}

void
hearth_card_draw (cairo_t                 *cr,
                  double                   width_pt,
                  double                   height_pt,
                  const HearthCardContent *content)
{
  static const double white[3] = { 1, 1, 1 };
  CardLayouts l = { NULL, };
  double accent[3], tint[3], text_color[3];
  double unit, margin, inner_w, x, y, tile;
  gboolean landscape, rtl;
  PangoAlignment start_or_center;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (content != NULL);

  if (width_pt <= 0 || height_pt <= 0)
    return;

  landscape = width_pt > height_pt * 1.05;
  hearth_render_parse_color (content->badge_color, &accent[0], &accent[1], &accent[2]);
  mix (accent, white, 0.88, tint);
  text_accent (accent, text_color);
  rtl = text_is_rtl (cr, content->signature_label);

  /* One unit: 10 pt on an A6 portrait card, scaling with the card. */
  unit = MIN (width_pt, height_pt) / 29.76;
  margin = unit * 2.2;

  cairo_save (cr);
  cairo_new_path (cr);

  /* Paper, a soft band in the badge's colour and a hairline frame. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width_pt, height_pt);
  cairo_fill (cr);

  cairo_save (cr);
  rounded_rect (cr, unit * 0.9, unit * 0.9, width_pt - unit * 1.8, height_pt - unit * 1.8,
                unit * 1.2);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, tint[0], tint[1], tint[2]);
  if (landscape)
    {
      double band = width_pt * 0.36;

      cairo_rectangle (cr, rtl ? width_pt - band : 0, 0, band, height_pt);
    }
  else
    cairo_rectangle (cr, 0, 0, width_pt, height_pt * 0.36);
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_set_source_rgba (cr, accent[0], accent[1], accent[2], 0.45);
  cairo_set_line_width (cr, MAX (0.5, unit * 0.08));
  rounded_rect (cr, unit * 0.9, unit * 0.9, width_pt - unit * 1.8, height_pt - unit * 1.8,
                unit * 1.2);
  cairo_stroke (cr);

  if (landscape)
    {
      double band = width_pt * 0.36;
      double text_x = rtl ? margin : band + margin;
      double body_top, footer_y;

      inner_w = width_pt - band - 2 * margin;
      start_or_center = PANGO_ALIGN_LEFT; /* the start of each paragraph, with auto-dir */

      tile = MIN (band - 2 * margin, height_pt * 0.5);
      cairo_save (cr);
      cairo_translate (cr, (rtl ? width_pt - band : 0) + (band - tile) / 2, (height_pt - tile) / 2);
      hearth_badge_draw (cr, tile, content->badge_icon, content->badge_color, content->tier);
      cairo_restore (cr);

      if (has_text (content->program_name))
        l.program = make_kicker (cr, content->program_name, unit * 0.85, inner_w,
                                 start_or_center);
      if (has_text (content->member_name))
        l.name = make_fitting_layout (cr, content->member_name, unit * 2.4, unit * 1.3,
                                      PANGO_WEIGHT_BOLD, inner_w, start_or_center);
      if (has_text (content->badge_name))
        l.badge = make_layout (cr, content->badge_name, unit * 1.25, PANGO_WEIGHT_SEMIBOLD,
                               PANGO_STYLE_NORMAL, inner_w, 2, start_or_center);
      if (has_text (content->date_text))
        l.date = make_layout (cr, content->date_text, unit * 0.95, PANGO_WEIGHT_NORMAL,
                              PANGO_STYLE_NORMAL, inner_w, 2, start_or_center);
      if (has_text (content->signature_label))
        l.signature = make_layout (cr, content->signature_label, unit * 0.8,
                                   PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, inner_w, 1,
                                   PANGO_ALIGN_CENTER);

      y = margin;
      if (l.program != NULL)
        {
          cairo_set_source_rgb (cr, text_color[0], text_color[1], text_color[2]);
          show_layout (cr, l.program, text_x, y);
          y += layout_height (l.program) + unit * 1.0;
        }
      if (l.name != NULL)
        {
          cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
          show_layout (cr, l.name, text_x, y);
          y += layout_height (l.name) + unit * 0.3;
        }
      if (l.badge != NULL)
        {
          cairo_set_source_rgb (cr, text_color[0], text_color[1], text_color[2]);
          show_layout (cr, l.badge, text_x, y);
          y += layout_height (l.badge) + unit * 0.9;
        }

      /* The reason takes what is left above the footer (its signature room included). */
      footer_y = height_pt - margin - unit * 1.4;
      body_top = y;
      if (has_text (content->reason))
        {
          double room = footer_y - unit * 4.5 - body_top;
          double size = unit * 1.05;
          int lines = MAX (1, (int) floor (room / (size * 1.25)));

          l.reason = make_layout (cr, content->reason, size, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_ITALIC, inner_w, lines, start_or_center);
          cairo_set_source_rgba (cr, INK_R, INK_G, INK_B, 0.85);
          show_layout (cr, l.reason, text_x, body_top);
        }

      draw_footer (cr, &l, text_x, inner_w, footer_y, unit, accent, rtl);
    }
  else
    {
      double body_top, footer_y;

      inner_w = width_pt - 2 * margin;
      x = margin;
      start_or_center = PANGO_ALIGN_CENTER;

      if (has_text (content->program_name))
        l.program = make_kicker (cr, content->program_name, unit * 0.85, inner_w,
                                 PANGO_ALIGN_CENTER);

      y = margin;
      if (l.program != NULL)
        {
          cairo_set_source_rgb (cr, text_color[0], text_color[1], text_color[2]);
          show_layout (cr, l.program, x, y);
          y += layout_height (l.program) + unit * 0.9;
        }

      /* The tile straddles the lower edge of the band. */
      tile = MIN (width_pt * 0.34, height_pt * 0.36 - y + unit * 2.2);
      cairo_save (cr);
      cairo_translate (cr, (width_pt - tile) / 2, height_pt * 0.36 - tile * 0.72);
      hearth_badge_draw (cr, tile, content->badge_icon, content->badge_color, content->tier);
      cairo_restore (cr);
      y = height_pt * 0.36 + tile * 0.28 + unit * 1.2;

      if (has_text (content->member_name))
        l.name = make_fitting_layout (cr, content->member_name, unit * 2.4, unit * 1.3,
                                      PANGO_WEIGHT_BOLD, inner_w, PANGO_ALIGN_CENTER);
      if (has_text (content->badge_name))
        l.badge = make_layout (cr, content->badge_name, unit * 1.25, PANGO_WEIGHT_SEMIBOLD,
                               PANGO_STYLE_NORMAL, inner_w, 2, PANGO_ALIGN_CENTER);
      if (has_text (content->date_text))
        l.date = make_layout (cr, content->date_text, unit * 0.95, PANGO_WEIGHT_NORMAL,
                              PANGO_STYLE_NORMAL, inner_w, 2, PANGO_ALIGN_LEFT);
      if (has_text (content->signature_label))
        l.signature = make_layout (cr, content->signature_label, unit * 0.8,
                                   PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, inner_w, 1,
                                   PANGO_ALIGN_CENTER);

      if (l.name != NULL)
        {
          cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
          show_layout (cr, l.name, x, y);
          y += layout_height (l.name) + unit * 0.25;
        }
      if (l.badge != NULL)
        {
          cairo_set_source_rgb (cr, text_color[0], text_color[1], text_color[2]);
          show_layout (cr, l.badge, x, y);
          y += layout_height (l.badge) + unit * 1.1;
        }

      footer_y = height_pt - margin - unit * 1.4;
      body_top = y;
      if (has_text (content->reason))
        {
          double room = footer_y - unit * 4.5 - body_top;
          double size = unit * 1.05;
          int lines = MAX (1, (int) floor (room / (size * 1.25)));

          l.reason = make_layout (cr, content->reason, size, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_ITALIC, inner_w * 0.9, lines, PANGO_ALIGN_CENTER);
          cairo_set_source_rgba (cr, INK_R, INK_G, INK_B, 0.85);
          show_layout (cr, l.reason, x + inner_w * 0.05, body_top);
        }

      draw_footer (cr, &l, x, inner_w, footer_y, unit, accent, rtl);
    }

  card_layouts_clear (&l);
  cairo_restore (cr);
}

gboolean
hearth_card_render_pdf (const char              *path,
                        HearthCardSize           size,
                        const HearthCardContent *content,
                        GError                 **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hearth_card_size_get_points (size, &w, &h);
  surface = cairo_pdf_surface_create (path, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return finish_surface (surface, NULL, path, error);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hearth");
  if (has_text (content->badge_name))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, content->badge_name);

  cr = cairo_create (surface);
  hearth_card_draw (cr, w, h, content);
  cairo_show_page (cr);
  return finish_surface (surface, cr, path, error);
}
