/* hearth-badge-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A badge, new or edited: its words (name, description, criteria), tier, icon, colour, an
 * optional rule and whether it can be given more than once, with a live tile at the top drawn
 * by the render library exactly as the gallery, the exports and the printed cards draw it.
 * The record editor base holds the badge, Save (one insert or update through the store; the
 * dialog closes once it succeeded), Delete with Undo and Escape.
 */

#define G_LOG_DOMAIN "hearth-badge-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hearth-badge-editor.h"
#include "hearth-badge.h"
#include "hearth-badge-tile.h"
#include "hearth-editor-util.h"
#include "hearth-render.h"
#include "hearth-schema.h"

/* The size of an icon choice in the grid. */
#define ICON_TILE_SIZE 40

struct _HearthBadgeEditor
{
  HearthRecordEditor parent_instance;

  /* Template widgets */
  GtkToggleButton     *bronze_button;
  GtkEditable         *color_entry;
  GtkFlowBox          *color_flow_box;
  GtkWidget           *criteria_row;
  AdwPreferencesGroup *delete_group;
  GtkWidget           *delete_button;
  AdwEntryRow         *description_row;
  GtkToggleButton     *gold_button;
  GtkFlowBox          *icon_flow_box;
  AdwComboRow         *metric_row;
  GtkSwitch           *multiple_switch;
  AdwActionRow        *name_error_row;
  AdwEntryRow         *name_row;
  GtkLabel            *preview_name_label;
  GtkLabel            *preview_tier_label;
  HearthBadgeTile     *preview_tile;
  AdwComboRow         *rule_kind_row;
  GtkLabel            *rule_label;
  GtkButton           *save_button;
  GtkToggleButton     *silver_button;
  AdwActionRow        *threshold_error_row;
  AdwActionRow        *threshold_row;
  GtkSpinButton       *threshold_spin;
  AdwToastOverlay     *toast_overlay;
  AdwActionRow        *window_error_row;
  AdwActionRow        *window_row;
  GtkSpinButton       *window_spin;

  /* Owned */
  char                *color;          /* "#rrggbb", lowercase */
  GPtrArray           *swatches;       /* (element-type GtkToggleButton) borrowed, palette order */
  guint                name_touched : 1;
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (HearthBadgeEditor, hearth_badge_editor, HEARTH_TYPE_RECORD_EDITOR)

/* Object data on a swatch and on an icon choice. */
#define SWATCH_COLOR "hearth-swatch-color"
#define ICON_NAME    "hearth-icon-name"

/* The GNOME palette, one tone of each hue: light enough for the white icon ink, and every
 * swatch has a name a screen reader can say. */
static const struct
{
  const char *color;
  const char *name;
} palette[] = {
  { "#3584e4", N_("Blue") },
  { "#33d17a", N_("Green") },
  { "#2ec27e", N_("Dark green") },
  { "#f6d32d", N_("Yellow") },
  { "#ff7800", N_("Orange") },
  { "#e01b24", N_("Red") },
  { "#9141ac", N_("Purple") },
  { "#986a44", N_("Brown") },
  { "#77767b", N_("Grey") },
};

#define DEFAULT_COLOR "#3584e4"
#define DEFAULT_ICON  "star"

/* The render library's icons by what they show, for screen readers and tooltips. */
static const struct
{
  const char *icon;
  const char *label;
} icon_labels[] = {
  /* Translators: the badge icons, as a screen reader names them in the icon grid. */
  { "heart", N_("Heart") },
  { "star", N_("Star") },
  { "hands", N_("Raised hands") },
  { "chat", N_("Speech bubble") },
  { "calendar", N_("Calendar") },
  { "megaphone", N_("Megaphone") },
  { "sprout", N_("Sprout") },
  { "flame", N_("Flame") },
  { "book", N_("Book") },
  { "lightbulb", N_("Light bulb") },
  { "shield", N_("Shield") },
  { "trophy", N_("Trophy") },
  { "compass", N_("Compass") },
  { "handshake", N_("Handshake") },
  { "sparkle", N_("Sparkle") },
  { "music", N_("Music note") },
  { "camera", N_("Camera") },
  { "code", N_("Code") },
  { "globe", N_("Globe") },
  { "leaf", N_("Leaf") },
  { "anchor", N_("Anchor") },
  { "rocket", N_("Rocket") },
  { "medal", N_("Medal") },
  { "crown", N_("Crown") },
};

/* The rule kinds in the "Awarded" drop-down: position 0 is "By hand only". */
static const char *
rule_kind_at (guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > g_strv_length ((char **)hearth_badge_rule_kinds))
    return NULL;

  return hearth_badge_rule_kinds[position - 1];
}

static guint
rule_kind_position (const char *kind)
{
  for (guint i = 0; kind != NULL && hearth_badge_rule_kinds[i] != NULL; i++)
    if (g_str_equal (hearth_badge_rule_kinds[i], kind))
      return i + 1;

  return 0;
}

/* The metric drop-down lists hearth_activity_kinds in order. */
static guint
metric_position (const char *metric)
{
  for (guint i = 0; metric != NULL && hearth_activity_kinds[i] != NULL; i++)
    if (g_str_equal (hearth_activity_kinds[i], metric))
      return i;

  return 0;
}

static const char *
icon_label (const char *icon)
{
  for (guint i = 0; i < G_N_ELEMENTS (icon_labels); i++)
    if (g_str_equal (icon_labels[i].icon, icon))
      return _(icon_labels[i].label);

  return icon;
}

static const char *
selected_tier (HearthBadgeEditor *self)
{
  if (gtk_toggle_button_get_active (self->gold_button))
    return "gold";
  if (gtk_toggle_button_get_active (self->silver_button))
    return "silver";
  return "bronze";
}

static const char *
selected_icon (HearthBadgeEditor *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->icon_flow_box);

  if (selected == NULL)
    return NULL;

  return g_object_get_data (selected->data, ICON_NAME);
}

static const char *
selected_metric (HearthBadgeEditor *self)
{
  guint position = adw_combo_row_get_selected (self->metric_row);

  if (position >= g_strv_length ((char **)hearth_activity_kinds))
    return hearth_activity_kinds[0];

  return hearth_activity_kinds[position];
}

static const char *
tier_words (const char *tier)
{
  /* Translators: under the badge preview: its tier in words, never only its colour. */
  if (g_strcmp0 (tier, "gold") == 0)
    return _("Gold tier");
  if (g_strcmp0 (tier, "silver") == 0)
    return _("Silver tier");
  return _("Bronze tier");
}

/* The preview, the icon grid (drawn in the badge's colour and tier), which rule fields show,
 * and the rule in words. */
static void
update_preview (HearthBadgeEditor *self)
{
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->name_row));
  const char *tier = selected_tier (self);
  const char *kind = rule_kind_at (adw_combo_row_get_selected (self->rule_kind_row));
  gboolean is_activity = g_strcmp0 (kind, "activity") == 0;
  g_autofree char *rule = NULL;
  g_autofree char *rule_text = NULL;

  hearth_badge_tile_set_badge (self->preview_tile, name, selected_icon (self), self->color, tier);
  gtk_label_set_text (self->preview_name_label, name != NULL ? name : _("New Badge"));
  gtk_label_set_text (self->preview_tier_label, tier_words (tier));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->icon_flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = g_object_get_data (G_OBJECT (child), ICON_NAME);
      GtkWidget *tile = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      hearth_badge_tile_set_badge (HEARTH_BADGE_TILE (tile), icon_label (icon), icon, self->color,
                                   tier);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->metric_row), is_activity);
  gtk_widget_set_visible (GTK_WIDGET (self->window_row), is_activity);
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_row), kind != NULL);

  if (kind != NULL)
    rule = hearth_badge_describe_rule (kind, is_activity ? selected_metric (self) : NULL,
                                       gtk_spin_button_get_value_as_int (self->threshold_spin),
                                       is_activity ? gtk_spin_button_get_value_as_int (self->window_spin)
                                                   : -1);
  if (rule != NULL)
    /* Translators: under a badge's rule; %s is the rule in words ("20 welcomes within 30 days"). */
    rule_text = g_strdup_printf (_("Ready to award at: %s"), rule);
  else
    rule_text = g_strdup (_("Only given by hand, from the Award dialog."));
  gtk_label_set_text (self->rule_label, rule_text);
}

/* Each check shows its message under its field, naming it; Save waits until all pass. */
static gboolean
hearth_badge_editor_check (HearthRecordEditor *editor)
{
  HearthBadgeEditor *self = HEARTH_BADGE_EDITOR (editor);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->name_row));
  const char *kind = rule_kind_at (adw_combo_row_get_selected (self->rule_kind_row));
  gboolean is_activity = g_strcmp0 (kind, "activity") == 0;
  /* A new dialog doesn't open with an error: only a name typed and removed is blamed. */
  gboolean name_blamed = name == NULL &&
                         (self->name_touched || !hearth_record_editor_get_is_new (editor));
  gboolean threshold_ok, window_ok;

  /* What is typed counts, before the spin button's own focus-out update. */
  gtk_spin_button_update (self->threshold_spin);
  gtk_spin_button_update (self->window_spin);
  threshold_ok = kind == NULL || gtk_spin_button_get_value_as_int (self->threshold_spin) >= 1;
  window_ok = !is_activity || gtk_spin_button_get_value_as_int (self->window_spin) >= 1;

  hearth_editor_show_error (self->name_error_row, GTK_WIDGET (self->name_row),
                            name_blamed ? _("Name: a badge needs a name") : NULL);
  hearth_editor_show_error (self->threshold_error_row, GTK_WIDGET (self->threshold_row),
                            threshold_ok ? NULL : _("At least: the rule needs a number of 1 or more"));
  hearth_editor_show_error (self->window_error_row, GTK_WIDGET (self->window_row),
                            window_ok ? NULL : _("Within days: the window needs 1 day or more"));

  return name != NULL && threshold_ok && window_ok;
}

static gboolean
hearth_badge_editor_collect (HearthRecordEditor *editor,
                             HearthRecord       *record)
{
  HearthBadgeEditor *self = HEARTH_BADGE_EDITOR (editor);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *description = hearth_editor_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *criteria = hearth_editor_get_text (GTK_EDITABLE (self->criteria_row));
  const char *kind = rule_kind_at (adw_combo_row_get_selected (self->rule_kind_row));
  gboolean is_activity = g_strcmp0 (kind, "activity") == 0;

  hearth_record_set_text (record, HEARTH_BADGE_NAME, name);
  hearth_record_set_text (record, HEARTH_BADGE_DESCRIPTION, description);
  hearth_record_set_text (record, HEARTH_BADGE_CRITERIA, criteria);
  hearth_record_set_text (record, HEARTH_BADGE_TIER, selected_tier (self));
  hearth_record_set_text (record, HEARTH_BADGE_ICON, selected_icon (self));
  hearth_record_set_text (record, HEARTH_BADGE_COLOR, self->color);
  /* Only what the rule kind uses is kept: "not set" is NULL (stored as -1 for numbers). */
  hearth_record_set_text (record, HEARTH_BADGE_RULE_KIND, kind);
  hearth_record_set_text (record, HEARTH_BADGE_RULE_METRIC,
                          is_activity ? selected_metric (self) : NULL);
  hearth_record_set_int (record, HEARTH_BADGE_RULE_THRESHOLD,
                         kind != NULL ? gtk_spin_button_get_value_as_int (self->threshold_spin) : -1);
  hearth_record_set_int (record, HEARTH_BADGE_RULE_WINDOW_DAYS,
                         is_activity ? gtk_spin_button_get_value_as_int (self->window_spin) : -1);
  hearth_record_set_bool (record, HEARTH_BADGE_MULTIPLE_GRANT,
                          gtk_switch_get_active (self->multiple_switch));

  return TRUE;
}

static char *
hearth_badge_editor_dup_deleted_title (HearthRecordEditor *editor)
{
  HearthRecord *record = hearth_record_editor_get_record (editor);
  /* Toast titles are markup on libadwaita 1.2, and names can hold any character. */
  g_autofree char *escaped = g_markup_escape_text (hearth_badge_get_name (HEARTH_BADGE (record)), -1);

  /* Translators: %s is a badge's name. */
  return g_strdup_printf (_("“%s” deleted"), escaped);
}

/* Colours ------------------------------------------------------------------------------------ */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = user_data;
  double red, green, blue;
  double radius = MIN (width, height) / 2.0;

  /* The palette is data (what the badge is drawn in), not the app's own styling. */
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (area));
  double ink;

  hearth_render_parse_color (color, &red, &green, &blue);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill (cr);

  /* The chosen swatch carries a check mark, so the choice never rests on the button's
   * background alone; white or dark ink, whichever contrasts with the swatch. */
  if (GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
    {
      ink = 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.6 ? 0.1 : 1.0;
      cairo_set_source_rgb (cr, ink, ink, ink);
      cairo_set_line_width (cr, radius / 4);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, width / 2.0 - radius * 0.45, height / 2.0);
      cairo_line_to (cr, width / 2.0 - radius * 0.1, height / 2.0 + radius * 0.35);
      cairo_line_to (cr, width / 2.0 + radius * 0.5, height / 2.0 - radius * 0.35);
      cairo_stroke (cr);
    }
}

/* Shows @color as chosen: its swatch pressed, or none when it is a colour of its own; the entry
 * always shows it as text. */
static void
show_color (HearthBadgeEditor *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->swatches->len; i++)
    {
      GtkToggleButton *swatch = self->swatches->pdata[i];

      gtk_toggle_button_set_active (swatch, g_strcmp0 (g_object_get_data (G_OBJECT (swatch),
                                                                           SWATCH_COLOR),
                                                       self->color) == 0);
      gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (swatch)));
    }
  if (g_strcmp0 (gtk_editable_get_text (self->color_entry), self->color) != 0)
    gtk_editable_set_text (self->color_entry, self->color);
  gtk_widget_remove_css_class (GTK_WIDGET (self->color_entry), "error");
  self->updating = FALSE;
}

static void
set_color (HearthBadgeEditor *self,
           const char        *color)
{
  g_autofree char *lower = g_ascii_strdown (color != NULL ? color : DEFAULT_COLOR, -1);

  /* Anything the render library can't read becomes its default, so what is saved is what
   * the preview shows. */
  if (!hearth_render_parse_color (lower, NULL, NULL, NULL))
    {
      g_free (lower);
      lower = g_strdup (DEFAULT_COLOR);
    }

  g_free (self->color);
  self->color = g_steal_pointer (&lower);
  show_color (self);
  update_preview (self);
}

static void
swatch_toggled_cb (GtkToggleButton   *swatch,
                   HearthBadgeEditor *self)
{
  if (self->updating)
    return;

  /* Pressing the chosen swatch again keeps it chosen: a badge always has a colour. */
  if (!gtk_toggle_button_get_active (swatch))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (swatch), SWATCH_COLOR), self->color) == 0)
        show_color (self);
      return;
    }

  set_color (self, g_object_get_data (G_OBJECT (swatch), SWATCH_COLOR));
}

/* A colour typed as #rrggbb (any case; the # may be left out) is taken as soon as it is
 * complete; anything else marks the entry until it is. GtkColorButton would be the picker,
 * but it is deprecated from GTK 4.10 and the Flatpak builds with deprecations as errors. */
static void
custom_color_changed_cb (HearthBadgeEditor *self)
{
  const char *text = gtk_editable_get_text (self->color_entry);
  g_autofree char *color = NULL;

  if (self->updating)
    return;

  while (g_ascii_isspace (*text))
    text++;
  color = *text == '#' ? g_strdup (text) : g_strconcat ("#", text, NULL);
  g_strchomp (color);
  if (strlen (color) == 7 && hearth_render_parse_color (color, NULL, NULL, NULL))
    {
      g_autofree char *lower = g_ascii_strdown (color, -1);

      gtk_widget_remove_css_class (GTK_WIDGET (self->color_entry), "error");
      if (g_strcmp0 (lower, self->color) != 0)
        {
          self->updating = TRUE;
          set_color (self, lower);
          self->updating = FALSE;
        }
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->color_entry), "error");
}

static void
add_swatches (HearthBadgeEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 24);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 24);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch,
                                      (gpointer) palette[i].color, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(palette[i].name), -1);

      gtk_button_set_child (GTK_BUTTON (button), area);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _(palette[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(palette[i].name), -1);
      g_object_set_data (G_OBJECT (button), SWATCH_COLOR, (gpointer) palette[i].color);
      g_signal_connect (button, "toggled", G_CALLBACK (swatch_toggled_cb), self);

      gtk_flow_box_append (self->color_flow_box, button);
      /* The flow box child only holds the button; the button takes the focus. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_ptr_array_add (self->swatches, button);
    }
}

/* Icons -------------------------------------------------------------------------------------- */

static void
add_icons (HearthBadgeEditor *self)
{
  guint n = 0;
  const char * const *icons = hearth_badge_icons (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *tile = hearth_badge_tile_new (ICON_TILE_SIZE);
      GtkWidget *child = gtk_flow_box_child_new ();

      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), tile);
      gtk_widget_set_tooltip_text (child, icon_label (icons[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, icon_label (icons[i]), -1);
      g_object_set_data_full (G_OBJECT (child), ICON_NAME, g_strdup (icons[i]), g_free);
      gtk_flow_box_append (self->icon_flow_box, child);
    }
}

static void
select_icon (HearthBadgeEditor *self,
             const char        *icon)
{
  GtkWidget *fallback = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->icon_flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = g_object_get_data (G_OBJECT (child), ICON_NAME);

      if (g_strcmp0 (name, icon) == 0)
        {
          gtk_flow_box_select_child (self->icon_flow_box, GTK_FLOW_BOX_CHILD (child));
          return;
        }
      if (g_strcmp0 (name, DEFAULT_ICON) == 0)
        fallback = child;
    }

  /* An icon this version doesn't know: the default, as the render library would draw it. */
  if (fallback != NULL)
    gtk_flow_box_select_child (self->icon_flow_box, GTK_FLOW_BOX_CHILD (fallback));
}

/* Callbacks ---------------------------------------------------------------------------------- */

static void
field_changed_cb (HearthBadgeEditor *self)
{
  if (self->updating)
    return;

  update_preview (self);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));
}

static void
name_changed_cb (HearthBadgeEditor *self)
{
  if (!self->updating)
    self->name_touched = TRUE;
  field_changed_cb (self);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  hearth_record_editor_save (HEARTH_RECORD_EDITOR (widget));
  return TRUE;
}

/* Loading ------------------------------------------------------------------------------------ */

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
load_fields (HearthBadgeEditor *self)
{
  HearthBadge *badge = HEARTH_BADGE (hearth_record_editor_get_record (HEARTH_RECORD_EDITOR (self)));
  const char *tier = hearth_badge_get_tier (badge);
  const char *kind = hearth_badge_get_rule_kind (badge);
  gint64 threshold = hearth_badge_get_rule_threshold (badge);
  gint64 window = hearth_badge_get_rule_window_days (badge);

  self->updating = TRUE;
  set_entry (self->name_row, hearth_badge_get_name (badge));
  set_entry (self->description_row, hearth_badge_get_description (badge));
  set_entry (ADW_ENTRY_ROW (self->criteria_row), hearth_badge_get_criteria (badge));
  if (g_strcmp0 (tier, "gold") == 0)
    gtk_toggle_button_set_active (self->gold_button, TRUE);
  else if (g_strcmp0 (tier, "silver") == 0)
    gtk_toggle_button_set_active (self->silver_button, TRUE);
  else
    gtk_toggle_button_set_active (self->bronze_button, TRUE);
  select_icon (self, hearth_badge_get_icon (badge) ? hearth_badge_get_icon (badge) : DEFAULT_ICON);
  adw_combo_row_set_selected (self->rule_kind_row, rule_kind_position (kind));
  adw_combo_row_set_selected (self->metric_row, metric_position (hearth_badge_get_rule_metric (badge)));
  /* A rule without a number counts as 1 (hearth_badge_rule_ready); a new rule suggests 10
   * within 30 days, and the organizer changes them. */
  if (kind != NULL)
    gtk_spin_button_set_value (self->threshold_spin, threshold >= 1 ? threshold : 1);
  if (window >= 1)
    gtk_spin_button_set_value (self->window_spin, window);
  gtk_switch_set_active (self->multiple_switch, hearth_badge_get_multiple_grant (badge));
  self->updating = FALSE;

  set_color (self, hearth_badge_get_color (badge));
  /* Loading the name is not the organizer typing it. */
  self->name_touched = FALSE;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
hearth_badge_editor_dispose (GObject *object)
{
  HearthBadgeEditor *self = HEARTH_BADGE_EDITOR (object);

  g_clear_pointer (&self->swatches, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_BADGE_EDITOR);

  G_OBJECT_CLASS (hearth_badge_editor_parent_class)->dispose (object);
}

static void
hearth_badge_editor_finalize (GObject *object)
{
  HearthBadgeEditor *self = HEARTH_BADGE_EDITOR (object);

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (hearth_badge_editor_parent_class)->finalize (object);
}

static void
hearth_badge_editor_class_init (HearthBadgeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HearthRecordEditorClass *editor_class = HEARTH_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = hearth_badge_editor_dispose;
  object_class->finalize = hearth_badge_editor_finalize;

  editor_class->check = hearth_badge_editor_check;
  editor_class->collect = hearth_badge_editor_collect;
  editor_class->dup_deleted_title = hearth_badge_editor_dup_deleted_title;
  hearth_record_editor_class_set_messages (editor_class, N_("Could not save the badge"),
                                           N_("Could not delete the badge"));

  g_type_ensure (HEARTH_TYPE_BADGE_TILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/badge-editor/hearth-badge-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, bronze_button);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, color_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, color_flow_box);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, gold_button);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, icon_flow_box);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, metric_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, multiple_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, preview_name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, preview_tier_label);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, preview_tile);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, rule_kind_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, rule_label);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, silver_button);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, threshold_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, window_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, window_row);
  gtk_widget_class_bind_template_child (widget_class, HearthBadgeEditor, window_spin);
  /* save_cb, delete_cb and validate_cb are the base's. */
  hearth_record_editor_class_bind_template_callbacks (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, custom_color_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
hearth_badge_editor_init (HearthBadgeEditor *self)
{
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  self->swatches = g_ptr_array_new ();
  self->color = g_strdup (DEFAULT_COLOR);
  self->updating = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; hearth_activity_kinds[i] != NULL; i++)
    gtk_string_list_append (metrics, hearth_activity_kind_label (hearth_activity_kinds[i]));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (metrics));
  add_swatches (self);
  add_icons (self);
  self->updating = FALSE;

  hearth_record_editor_set_widgets (HEARTH_RECORD_EDITOR (self), self->toast_overlay,
                                    GTK_WIDGET (self->save_button), self->delete_button,
                                    GTK_WIDGET (self->delete_group),
                                    GTK_WIDGET (self->name_row));

  /* Ctrl+Enter saves from anywhere; in the capture phase so a field doesn't take it first. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (save_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * hearth_badge_editor_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the Undo toast
 * @store: the store to write through
 * @program: the program of a new badge
 * @badge_id: (nullable): the badge to edit; %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_badge_editor_new (GtkWindow     *parent,
                         HearthStore   *store,
                         HearthProgram *program,
                         const char    *badge_id)
{
  HearthBadgeEditor *self;
  g_autoptr(HearthBadge) badge = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);

  self = g_object_new (HEARTH_TYPE_BADGE_EDITOR, "transient-for", parent, NULL);

  if (badge_id != NULL)
    {
      badge = hearth_record_load_by_id (HEARTH_TYPE_BADGE, hearth_store_get_reader (store),
                                        badge_id, FALSE, &error);
      /* Gone meanwhile (deleted elsewhere): a new badge is the only sensible thing to offer. */
      if (badge == NULL)
        g_message ("Badge %s could not be loaded: %s", badge_id,
                   error ? error->message : "not found");
    }

  if (badge != NULL)
    hearth_record_editor_set_record (HEARTH_RECORD_EDITOR (self), store, HEARTH_RECORD (badge),
                                     _("Edit Badge"));
  else
    hearth_record_editor_take_new_record (HEARTH_RECORD_EDITOR (self), store,
                                          HEARTH_RECORD (hearth_badge_new (hearth_record_get_id (HEARTH_RECORD (program)),
                                                                           NULL)));

  load_fields (self);
  update_preview (self);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));

  return GTK_WINDOW (self);
}
