/* test-render.c: the render library — a PNG tile has the size asked for, an SVG tile is XML
 * with an <svg> root of that size, a card's PDF page is A6 or A5, text in any script (emoji,
 * Arabic, Hebrew, German) draws without a warning, every curated icon draws something, an
 * unknown icon or a bad colour falls back quietly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hearth-render.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hearth-render-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_tier_from_string (void)
{
  g_assert_cmpint (hearth_tier_from_string ("bronze"), ==, HEARTH_TIER_BRONZE);
  g_assert_cmpint (hearth_tier_from_string ("silver"), ==, HEARTH_TIER_SILVER);
  g_assert_cmpint (hearth_tier_from_string ("gold"), ==, HEARTH_TIER_GOLD);
  g_assert_cmpint (hearth_tier_from_string ("platinum"), ==, HEARTH_TIER_BRONZE);
  g_assert_cmpint (hearth_tier_from_string (NULL), ==, HEARTH_TIER_BRONZE);
  g_assert_cmpstr (hearth_tier_to_string (HEARTH_TIER_GOLD), ==, "gold");
}

static void
test_png_size (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "tile.png", NULL);
  cairo_surface_t *surface;

  g_assert_true (hearth_badge_export (path, HEARTH_RENDER_FORMAT_PNG, 96, "star", "#e01b24",
                                      HEARTH_TIER_GOLD, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 96);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 96);
  cairo_surface_destroy (surface);
}

static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing", "tile.png", NULL);

  g_assert_false (hearth_badge_export (path, HEARTH_RENDER_FORMAT_PNG, 32, "star", "#e01b24",
                                       HEARTH_TIER_GOLD, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (f->dir, "missing", "tile.svg", NULL);
  g_assert_false (hearth_badge_export (path, HEARTH_RENDER_FORMAT_SVG, 32, "star", "#e01b24",
                                       HEARTH_TIER_GOLD, &error));
  g_assert_nonnull (error);
}

typedef struct
{
  int   depth;
  char *root;
  char *width;
  char *height;
} SvgRoot;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgRoot *root = user_data;

  if (root->depth++ != 0)
    return;
  root->root = g_strdup (element);
  for (int i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "width") == 0)
        root->width = g_strdup (values[i]);
      else if (strcmp (names[i], "height") == 0)
        root->height = g_strdup (values[i]);
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ((SvgRoot *) user_data)->depth--;
}

/* A length attribute in user units or pixels. */
static double
svg_length (const char *value)
{
  char *end = NULL;
  double v;

  g_assert_nonnull (value);
  v = g_ascii_strtod (value, &end);
  g_assert_true (end != value);
  g_assert_true (*end == '\0' || strcmp (end, "px") == 0);
  return v;
}

static void
test_svg_parses (Fixture       *f,
                 gconstpointer  data)
{
  static const GMarkupParser parser = { svg_start, svg_end, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "tile.svg", NULL);
  g_autofree char *text = NULL;
  GMarkupParseContext *context;
  SvgRoot root = { 0, };
  gsize len;

  g_assert_true (hearth_badge_export (path, HEARTH_RENDER_FORMAT_SVG, 128, "heart", "#3584e4",
                                      HEARTH_TIER_SILVER, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  g_assert_no_error (error);

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &root, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpstr (root.root, ==, "svg");
  g_assert_cmpfloat_with_epsilon (svg_length (root.width), 128, 0.01);
  g_assert_cmpfloat_with_epsilon (svg_length (root.height), 128, 0.01);
  g_free (root.root);
  g_free (root.width);
  g_free (root.height);
}

/* The first "/MediaBox [x0 y0 x1 y1]" of a PDF file, as width and height. */
static void
pdf_media_box (const char *path,
               double     *width,
               double     *height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  const char *p;
  char *end;
  double box[4];
  gsize len;

  g_assert_true (g_file_get_contents (path, &bytes, &len, &error));
  g_assert_no_error (error);
  g_assert_true (len > 5 && memcmp (bytes, "%PDF-", 5) == 0);

  /* Not g_strstr_len (): a PDF has NUL bytes in its streams. */
  p = NULL;
  for (gsize i = 0; p == NULL && i + strlen ("/MediaBox") < len; i++)
    if (memcmp (bytes + i, "/MediaBox", strlen ("/MediaBox")) == 0)
      p = bytes + i;
  g_assert_nonnull (p);
  p += strlen ("/MediaBox");
  while (g_ascii_isspace (*p))
    p++;
  g_assert_true (*p == '[');
  p++;
  for (int i = 0; i < 4; i++)
    {
      box[i] = g_ascii_strtod (p, &end);
      g_assert_true (end != p);
      p = end;
    }
  *width = box[2] - box[0];
  *height = box[3] - box[1];
}

static const HearthCardContent plain_card = {
  .member_name = "Ada Lovelace",
  .badge_name = "First Steps",
  .badge_icon = "sprout",
  .badge_color = "#2ec27e",
  .tier = HEARTH_TIER_BRONZE,
  .reason = "For welcoming every newcomer at the spring meetup.",
  .date_text = "12 March 2025",
  .program_name = "GNOME Ambassadors",
  .signature_label = "Signature",
};

static void
test_pdf_page_size (Fixture       *f,
                    gconstpointer  data)
{
  static const struct
  {
    HearthCardSize size;
    double         width;
    double         height;
  } sizes[] = {
    { HEARTH_CARD_SIZE_A6, 297.64, 419.53 },
    { HEARTH_CARD_SIZE_A5, 419.53, 595.28 },
    { HEARTH_CARD_SIZE_A6_LANDSCAPE, 419.53, 297.64 },
    { HEARTH_CARD_SIZE_A5_LANDSCAPE, 595.28, 419.53 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("card-%" G_GSIZE_FORMAT ".pdf", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      double w, h;

      hearth_card_size_get_points (sizes[i].size, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, sizes[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (h, sizes[i].height, 0.01);

      g_assert_true (hearth_card_render_pdf (path, sizes[i].size, &plain_card, &error));
      g_assert_no_error (error);
      pdf_media_box (path, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, sizes[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (h, sizes[i].height, 0.01);
    }
}

/* Emoji, Arabic, Hebrew and German, in every field, in a PDF and on an image, at every size;
 * the test runs with G_DEBUG=fatal-warnings, so a warning or critical fails it. A reason far
 * too long for the card is cut, not drawn over the signature line. */
static void
test_any_script (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) long_reason = g_string_new (NULL);
  HearthCardContent content = {
    .member_name = "Jürgen Öztürk-Weiß 🎉",
    .badge_name = "سفير الشهر — שגריר החודש",
    .badge_icon = "flame",
    .badge_color = "#ff7800",
    .tier = HEARTH_TIER_GOLD,
    .date_text = "١٢ مارس ٢٠٢٥",
    .program_name = "Straßenfest-Botschafter 🌍",
    .signature_label = "التوقيع",
  };
  HearthCardSize sizes[] = {
    HEARTH_CARD_SIZE_A6, HEARTH_CARD_SIZE_A5,
    HEARTH_CARD_SIZE_A6_LANDSCAPE, HEARTH_CARD_SIZE_A5_LANDSCAPE,
  };

  for (int i = 0; i < 80; i++)
    g_string_append (long_reason, "Für die großartige Hilfe beim Äpfelpflücken 🍎 "
                     "ولأنك ساعدت الجميع. תודה רבה! ");
  content.reason = long_reason->str;

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("scripts-%" G_GSIZE_FORMAT ".pdf", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      cairo_surface_t *surface;
      cairo_t *cr;
      double w, h;

      g_assert_true (hearth_card_render_pdf (path, sizes[i], &content, &error));
      g_assert_no_error (error);

      hearth_card_size_get_points (sizes[i], &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
      cr = cairo_create (surface);
      hearth_card_draw (cr, w, h, &content);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* Empty and missing fields are left out, not drawn as "(null)". */
  {
    HearthCardContent empty = { 0, };
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (f->dir, "empty.pdf", NULL);

    g_assert_true (hearth_card_render_pdf (path, HEARTH_CARD_SIZE_A6, &empty, &error));
    g_assert_no_error (error);
  }
}

/* Draws a tile of icon on a fresh image and counts the pixels of the inner tile that differ
 * from the tile's own colour at that height (the gradient is vertical, so a pixel's row
 * neighbour at the tile edge gives the colour). */
static guint
icon_pixels (const char *icon,
             const char *color)
{
  const int size = 96;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;
  guint count = 0;

  hearth_badge_draw (cr, size, icon, color, HEARTH_TIER_BRONZE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The icon's square: rows 0.19–0.65 of the tile; the tile's colour is read at x = 16 (inside
   * the ring, left of the icon). */
  for (int y = (int) (size * 0.2); y < (int) (size * 0.64); y++)
    {
      guint32 bg = *(const guint32 *) (data + y * stride + 16 * 4);

      for (int x = (int) (size * 0.28); x < (int) (size * 0.72); x++)
        {
          guint32 px = *(const guint32 *) (data + y * stride + x * 4);

          if (px != bg)
            count++;
        }
    }

  cairo_surface_destroy (surface);
  return count;
}

static void
test_every_icon (void)
{
  const char * const *names;
  guint n;

  names = hearth_badge_icons (&n);
  g_assert_cmpuint (n, >=, 20);
  g_assert_null (names[n]);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 48, 48);
      cairo_t *cr = cairo_create (surface);

      g_test_message ("icon %s", names[i]);
      g_assert_true (hearth_badge_icon_is_known (names[i]));
      cairo_set_source_rgb (cr, 1, 1, 1);
      g_assert_true (hearth_badge_icon_draw (cr, names[i], 0, 0, 48));
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      /* A real drawing, not a dot: at least 3 % of the icon's square. */
      g_assert_cmpuint (icon_pixels (names[i], "#3584e4"), >, 96 * 96 * 0.46 * 0.46 * 0.03);
      /* Each icon differs from the generic shape drawn for unknown names. */
      g_assert_cmpuint (icon_pixels (names[i], "#3584e4"), !=, icon_pixels ("no-such", "#3584e4"));
    }
}

static void
test_unknown_icon (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 48, 48);
  cairo_t *cr = cairo_create (surface);

  g_assert_false (hearth_badge_icon_is_known ("unicorn"));
  g_assert_false (hearth_badge_icon_draw (cr, "unicorn", 0, 0, 48));
  g_assert_false (hearth_badge_icon_draw (cr, NULL, 0, 0, 48));
  g_assert_false (hearth_badge_icon_draw (cr, "", 0, 0, 48));
  /* The tile still draws, with a generic shape. */
  hearth_badge_draw (cr, 48, "unicorn", "#3584e4", HEARTH_TIER_SILVER);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (icon_pixels ("unicorn", "#3584e4"), >, 0);
}

/* The colour of the tile's centre-left pixel, unpremultiplied, as 0xRRGGBB. */
static guint32
tile_pixel (const char *color,
            HearthTier  tier)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 96, 96);
  cairo_t *cr = cairo_create (surface);
  guint32 px;

  hearth_badge_draw (cr, 96, "star", color, tier);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  px = *(const guint32 *) (cairo_image_surface_get_data (surface)
                           + 48 * cairo_image_surface_get_stride (surface) + 16 * 4);
  cairo_surface_destroy (surface);
  return px & 0xffffff;
}

static void
test_bad_color (void)
{
  static const char *bad[] = { NULL, "", "red", "#12345", "#1234567", "#gg0000", "3584e4" };
  double r, g, b;

  g_assert_true (hearth_render_parse_color ("#E01B24", &r, &g, &b));
  g_assert_cmpfloat_with_epsilon (r, 0xe0 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g, 0x1b / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b, 0x24 / 255.0, 1e-9);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (hearth_render_parse_color (bad[i], &r, &g, &b));
      g_assert_cmpfloat_with_epsilon (r, 0x35 / 255.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (g, 0x84 / 255.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (b, 0xe4 / 255.0, 1e-9);
      /* The tile falls back to the same colour as an explicit GNOME blue. */
      g_assert_cmpuint (tile_pixel (bad[i], HEARTH_TIER_GOLD), ==,
                        tile_pixel ("#3584e4", HEARTH_TIER_GOLD));
    }

  /* A real colour is used: red is not blue. */
  g_assert_cmpuint (tile_pixel ("#e01b24", HEARTH_TIER_GOLD), !=,
                    tile_pixel ("#3584e4", HEARTH_TIER_GOLD));
  /* An out-of-range tier is drawn as bronze, quietly. */
  g_assert_cmpuint (tile_pixel ("#e01b24", (HearthTier) 42), ==,
                    tile_pixel ("#e01b24", HEARTH_TIER_BRONZE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/tier-from-string", test_tier_from_string);
  g_test_add ("/render/png-size", Fixture, NULL, fixture_setup, test_png_size, fixture_teardown);
  g_test_add ("/render/export-error", Fixture, NULL, fixture_setup, test_export_error,
              fixture_teardown);
  g_test_add ("/render/svg-parses", Fixture, NULL, fixture_setup, test_svg_parses,
              fixture_teardown);
  g_test_add ("/render/pdf-page-size", Fixture, NULL, fixture_setup, test_pdf_page_size,
              fixture_teardown);
  g_test_add ("/render/any-script", Fixture, NULL, fixture_setup, test_any_script,
              fixture_teardown);
  g_test_add_func ("/render/every-icon", test_every_icon);
  g_test_add_func ("/render/unknown-icon", test_unknown_icon);
  g_test_add_func ("/render/bad-color", test_bad_color);

  return g_test_run ();
}
