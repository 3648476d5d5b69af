/* hearth-recognition-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recognition (DESIGN §1, §4): four views over one HearthRecognitionBoard read on a worker
 * thread with its own read-only connection — the badge gallery beside the selected badge's
 * detail and holders; "Ready to Award", the members who meet a badge's rule, confirmed one by
 * one or all at once; the recognition log (HearthRecognitionLogView); and who is due for
 * recognition (HearthRecognitionDueView). The board is read again whenever HearthPage asks
 * (after the store changes, only while the page is shown).
 *
 * Everything the views and rows can do goes through the page's "recognition.*" actions, so the
 * log and due views (and the tests) act exactly as the buttons do.
 */

#define G_LOG_DOMAIN "hearth-recognition-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-recognition-page.h"
#include "hearth-award.h"
#include "hearth-award-dialog.h"
#include "hearth-badge.h"
#include "hearth-badge-editor.h"
#include "hearth-badge-tile.h"
#include "hearth-card-dialog.h"
#include "hearth-recognition.h"
#include "hearth-recognition-board.h"
#include "hearth-recognition-due-view.h"
#include "hearth-recognition-editor.h"
#include "hearth-recognition-log-view.h"
#include "hearth-spotlight-dialog.h"
#include "hearth-ui-text.h"
#include "hearth-weak-ref.h"
#include "hearth-window.h"

#define GALLERY_TILE_SIZE 96
#define READY_TILE_SIZE   40

struct _HearthRecognitionPage
{
  HearthPage                 parent_instance;

  /* template widgets */
  GtkButton                 *add_button;
  GtkWidget                 *back_revealer;
  GtkStack                  *badges_stack;
  GtkWidget                 *confirm_all_button;
  GtkLabel                  *count_label;
  GtkLabel                  *description_label;
  GtkStack                  *detail_stack;
  HearthBadgeTile           *detail_tile;
  HearthRecognitionDueView  *due_view;
  GtkListBox                *facts_list;
  GtkFlowBox                *gallery;
  GtkStack                  *gallery_stack;
  GtkLabel                  *holders_heading;
  GtkWidget                 *holders_empty;
  GtkListBox                *holders_list;
  GtkDropDown               *kind_dropdown;
  AdwLeaflet                *leaflet;
  HearthRecognitionLogView  *log_view;
  GtkLabel                  *name_label;
  GtkLabel                  *ready_label;
  GtkListBox                *ready_list;
  AdwViewStackPage          *ready_page;
  GtkStack                  *ready_stack;
  GtkSearchBar              *search_bar;
  GtkSearchEntry            *search_entry;
  GtkSpinner                *spinner;
  AdwSqueezer               *switcher_squeezer;
  GtkWidget                 *switcher_none;
  AdwViewSwitcherBar        *switcher_bar;
  GtkLabel                  *tier_label;
  AdwViewStack              *view_stack;
  GtkWidget                 *award_button;
  GtkWidget                 *edit_button;
  GtkWidget                 *save_image_button;

  /* borrowed */
  GtkStack                  *stack;         /* the page's own child */

  /* owned */
  HearthRecognitionBoard    *board;
  GCancellable              *loading;
  HearthStore               *watched_store; /* for notify::busy */
  GSimpleActionGroup        *undo_group;    /* on the window: the toasts' Undo */
  char                      *selected_id;   /* the selected badge */
  char                      *search;        /* folded, NULL when empty */
  gboolean                   filling;
};

G_DEFINE_FINAL_TYPE (HearthRecognitionPage, hearth_recognition_page, HEARTH_TYPE_PAGE)

static void update_detail  (HearthRecognitionPage *self);
static void update_actions (HearthRecognitionPage *self);

static gboolean
can_write (HearthRecognitionPage *self)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));

  return store != NULL && !hearth_store_get_busy (store) && hearth_page_get_program_id (HEARTH_PAGE (self)) != NULL;
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
tier_label (const char *tier)
{
  if (g_strcmp0 (tier, "gold") == 0)
    return C_("badge tier", "Gold");
  if (g_strcmp0 (tier, "silver") == 0)
    return C_("badge tier", "Silver");
  return C_("badge tier", "Bronze");
}

static const char *
source_label (const char *source)
{
  if (g_strcmp0 (source, "rule") == 0)
    /* Translators: how an award came about */
    return C_("award source", "By rule");
  if (g_strcmp0 (source, "nomination") == 0)
    return C_("award source", "Nominated");
  return C_("award source", "By hand");
}

static char *
format_holders (guint n)
{
  /* Translators: under a badge in the gallery: how many members hold it */
  return g_strdup_printf (ngettext ("%u holder", "%u holders", n), n);
}

static HearthBoardBadge *
get_selected_badge (HearthRecognitionPage *self)
{
  if (self->board == NULL || self->selected_id == NULL)
    return NULL;

  return hearth_recognition_board_lookup_badge (self->board, self->selected_id);
}

static HearthBoardAward *
find_award (HearthRecognitionPage *self,
            const char            *award_id)
{
  for (guint i = 0; self->board != NULL && i < self->board->awards->len; i++)
    {
      HearthBoardAward *award = g_ptr_array_index (self->board->awards, i);

      if (g_strcmp0 (award->id, award_id) == 0)
        return award;
    }

  return NULL;
}

static HearthReadyAward *
find_ready (HearthRecognitionPage *self,
            const char            *badge_id,
            const char            *member_id)
{
  for (guint i = 0; self->board != NULL && i < self->board->ready->len; i++)
    {
      HearthReadyAward *ready = g_ptr_array_index (self->board->ready, i);

      if (g_strcmp0 (ready->badge_id, badge_id) == 0 &&
          g_strcmp0 (ready->member_id, member_id) == 0)
        return ready;
    }

  return NULL;
}

static gboolean
matches_search (HearthRecognitionPage *self,
                const char            *folded)
{
  return self->search == NULL || (folded != NULL && strstr (folded, self->search) != NULL);
}

/* The gallery ------------------------------------------------------------------------------ */

static GtkWidget *
make_caption (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_badge_child (HearthBoardBadge *badge)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *tile = hearth_badge_tile_new (GALLERY_TILE_SIZE);
  GtkWidget *name = gtk_label_new (badge->name);
  g_autofree char *holders = format_holders (badge->n_holders);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  hearth_badge_tile_set_badge (HEARTH_BADGE_TILE (tile), badge->name, badge->icon, badge->color,
                               badge->tier);
  gtk_widget_set_halign (tile, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (tile, 4);
  gtk_box_append (GTK_BOX (box), tile);

  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  gtk_box_append (GTK_BOX (box), make_caption (tier_label (badge->tier), "dim-label"));
  gtk_box_append (GTK_BOX (box), make_caption (holders, "numeric"));
  if (badge->n_ready > 0)
    {
      /* Translators: under a badge in the gallery: members who meet its rule */
      g_autofree char *ready = g_strdup_printf (ngettext ("%u ready to award",
                                                          "%u ready to award", badge->n_ready),
                                                badge->n_ready);

      gtk_box_append (GTK_BOX (box), make_caption (ready, "accent"));
      /* Translators: a badge in the gallery, for screen readers:
       * "Warm Welcome, Gold, 3 holders, 1 ready to award" */
      accessible = g_strdup_printf (_("%s, %s, %s, %s"), badge->name, tier_label (badge->tier),
                                    holders, ready);
    }
  else
    /* Translators: a badge in the gallery, for screen readers: "Warm Welcome, Gold, 3 holders" */
    accessible = g_strdup_printf (_("%s, %s, %s"), badge->name, tier_label (badge->tier), holders);

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (child, badge->description);
  g_object_set_data_full (G_OBJECT (child), "badge-id", g_strdup (badge->id), g_free);
  g_object_set_data_full (G_OBJECT (child), "badge-name", hearth_text_fold (badge->name), g_free);

  return child;
}

static gboolean
filter_badge_child (GtkFlowBoxChild *child,
                    gpointer         user_data)
{
  return matches_search (user_data, g_object_get_data (G_OBJECT (child), "badge-name"));
}

static GtkFlowBoxChild *
find_badge_child (HearthRecognitionPage *self,
                  const char            *badge_id,
                  gboolean               shown_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_FLOW_BOX_CHILD (child))
        continue;
      if (shown_only && !filter_badge_child (GTK_FLOW_BOX_CHILD (child), self))
        continue;
      if (badge_id == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (child), "badge-id"), badge_id) == 0)
        return GTK_FLOW_BOX_CHILD (child);
    }

  return NULL;
}

static void
update_count (HearthRecognitionPage *self)
{
  guint total = self->board != NULL ? self->board->badges->len : 0;
  guint shown = 0;
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child) && filter_badge_child (GTK_FLOW_BOX_CHILD (child), self))
      shown++;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u badge", "%u badges", total), total);
  else
    /* Translators: "2 of 6 badges", while searching */
    text = g_strdup_printf (ngettext ("%u of %u badge", "%u of %u badges", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->gallery_stack, shown > 0 || total == 0 ? "list" : "no-match");
  gtk_stack_set_visible_child_name (self->badges_stack, total > 0 ? "gallery" : "empty");
}

static void
select_badge (HearthRecognitionPage *self,
              const char            *badge_id)
{
  GtkFlowBoxChild *child = find_badge_child (self, badge_id, FALSE);

  if (child == NULL || !filter_badge_child (child, self))
    child = find_badge_child (self, NULL, TRUE);

  if (child != NULL)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (g_object_get_data (G_OBJECT (child), "badge-id"));
      self->filling = TRUE;
      gtk_flow_box_select_child (self->gallery, child);
      self->filling = FALSE;
    }
  else
    {
      gtk_flow_box_unselect_all (self->gallery);
      g_clear_pointer (&self->selected_id, g_free);
    }
  update_detail (self);
}

static void
fill_gallery (HearthRecognitionPage *self)
{
  g_autofree char *selected = g_strdup (self->selected_id);
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery))) != NULL)
    gtk_flow_box_remove (self->gallery, child);
  for (guint i = 0; self->board != NULL && i < self->board->badges->len; i++)
    gtk_flow_box_append (self->gallery,
                         create_badge_child (g_ptr_array_index (self->board->badges, i)));
  self->filling = FALSE;

  update_count (self);
  /* The same badge again, with its fresh data; else the first one. */
  select_badge (self, selected);
}

/* The detail ------------------------------------------------------------------------------- */

static GtkWidget *
make_action_row (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = escape (title);
  g_autofree char *escaped_subtitle = escape (subtitle);

  /* Titles and subtitles are markup on libadwaita 1.2. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
fill_facts (HearthRecognitionPage *self,
            HearthBoardBadge      *badge)
{
  g_autofree char *rule = hearth_badge_describe_rule (badge->rule_kind, badge->rule_metric,
                                                      badge->rule_threshold,
                                                      badge->rule_window_days);
  GtkWidget *row;

  clear_list (self->facts_list);

  if (!is_empty (badge->criteria))
    gtk_list_box_append (self->facts_list, make_action_row (_("Criteria"), badge->criteria));

  if (rule != NULL)
    {
      g_autofree char *ready = NULL;

      if (badge->n_ready > 0)
        /* Translators: under a badge's rule: members who meet it and wait for confirmation */
        ready = g_strdup_printf (ngettext ("%s · %u member ready to award",
                                           "%s · %u members ready to award", badge->n_ready),
                                 rule, badge->n_ready);
      row = make_action_row (_("Rule"), ready != NULL ? ready : rule);
    }
  else
    row = make_action_row (_("Rule"), _("None: given by hand"));
  gtk_list_box_append (self->facts_list, row);

  if (badge->multiple_grant)
    gtk_list_box_append (self->facts_list,
                         make_action_row (_("Can be given more than once"), NULL));
}

/* The menu of a holder's row, built when first opened. */
static void
holder_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  const char *award_id = g_object_get_data (G_OBJECT (button), "award-id");

  if (gtk_menu_button_get_menu_model (button) != NULL || award_id == NULL)
    return;

  menu = g_menu_new ();
  item = g_menu_item_new (_("_Thank-You Card…"), NULL);
  g_menu_item_set_action_and_target_value (item, "recognition.card",
                                           g_variant_new_string (award_id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Revoke"), NULL);
  g_menu_item_set_action_and_target_value (item, "recognition.revoke",
                                           g_variant_new_string (award_id));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
create_holder_row (HearthBoardAward *award)
{
  g_autoptr(GString) subtitle = g_string_new (award->awarded_on);
  g_autofree char *more = NULL;
  GtkWidget *row, *button;

  g_string_append_printf (subtitle, " · %s", source_label (award->source));
  if (!is_empty (award->reason))
    g_string_append_printf (subtitle, " · %s", award->reason);

  row = make_action_row (award->member_name, subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the thank-you card"));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the menu of one holder of a badge: "More for Ada Lovelace" */
  more = g_strdup_printf (_("More for %s"), award->member_name);
  gtk_widget_set_tooltip_text (button, more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "award-id", g_strdup (award->id), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), holder_menu_popup_cb,
                                         NULL, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, award->member_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "award-id", g_strdup (award->id), g_free);

  return row;
}

static void
fill_holders (HearthRecognitionPage *self,
              HearthBoardBadge      *badge)
{
  guint n = badge->awards != NULL ? badge->awards->len : 0;
  g_autofree char *holders = format_holders (badge->n_holders);
  g_autofree char *heading = NULL;

  /* Translators: the heading over a badge's holders: "Holders · 3 holders" reads badly, so
   * only the count: "3 holders" */
  heading = g_strdup (holders);
  gtk_label_set_label (self->holders_heading, heading);

  clear_list (self->holders_list);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->holders_list, create_holder_row (g_ptr_array_index (badge->awards, i)));

  gtk_widget_set_visible (self->holders_empty, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->holders_list), n > 0);
}

static void
set_badge_target (GtkWidget  *button,
                  const char *badge_id)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (badge_id != NULL ? badge_id : ""));
}

static void
update_detail (HearthRecognitionPage *self)
{
  HearthBoardBadge *badge = get_selected_badge (self);
  g_autofree char *tier = NULL;
  g_autofree char *award = NULL;
  g_autofree char *edit = NULL;
  g_autofree char *save = NULL;

  update_actions (self);

  if (badge == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  hearth_badge_tile_set_badge (self->detail_tile, badge->name, badge->icon, badge->color,
                               badge->tier);
  gtk_label_set_label (self->name_label, badge->name);
  /* Translators: under a badge's name: its tier, "Gold tier" */
  tier = g_strdup_printf (_("%s tier"), tier_label (badge->tier));
  gtk_label_set_label (self->tier_label, tier);

  if (!is_empty (badge->description))
    {
      gtk_label_set_label (self->description_label, badge->description);
      gtk_widget_remove_css_class (GTK_WIDGET (self->description_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->description_label,
                           _("No description yet. Say what this badge thanks people for."));
      gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "dim-label");
    }

  set_badge_target (self->award_button, badge->id);
  set_badge_target (self->edit_button, badge->id);
  set_badge_target (self->save_image_button, badge->id);
  /* Translators: buttons' names for screen readers, with the badge: "Award Warm Welcome" */
  award = g_strdup_printf (_("Award %s"), badge->name);
  edit = g_strdup_printf (_("Edit %s"), badge->name);
  save = g_strdup_printf (_("Save an Image of %s"), badge->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->award_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, award, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_image_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, save, -1);

  fill_facts (self, badge);
  fill_holders (self, badge);
}

/* Ready to award --------------------------------------------------------------------------- */

static char *
ready_target (HearthReadyAward *ready)
{
  return g_strdup_printf ("%s:%s", ready->badge_id, ready->member_id);
}

static GtkWidget *
create_ready_row (HearthReadyAward *ready,
                  HearthBoardBadge *badge)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *tile = hearth_badge_tile_new (READY_TILE_SIZE);
  GtkWidget *name = gtk_label_new (ready->member_name);
  GtkWidget *badge_label = gtk_label_new (ready->badge_name);
  GtkWidget *why = gtk_label_new (ready->why);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Confirm"));
  g_autofree char *target = ready_target (ready);
  g_autofree char *confirm = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *folded = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  if (badge != NULL)
    hearth_badge_tile_set_badge (HEARTH_BADGE_TILE (tile), badge->name, badge->icon, badge->color,
                                 badge->tier);
  else
    hearth_badge_tile_set_badge (HEARTH_BADGE_TILE (tile), ready->badge_name, NULL, NULL, NULL);
  gtk_widget_set_valign (tile, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), tile);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (text), name);
  gtk_label_set_xalign (GTK_LABEL (badge_label), 0);
  gtk_label_set_wrap (GTK_LABEL (badge_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (badge_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), badge_label);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (why), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (why, "caption");
  gtk_widget_add_css_class (why, "dim-label");
  gtk_box_append (GTK_BOX (text), why);
  gtk_box_append (GTK_BOX (box), text);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (target));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "recognition.confirm");
  /* Translators: a button's name for screen readers: "Confirm Warm Welcome for Ana" */
  confirm = g_strdup_printf (_("Confirm %s for %s"), ready->badge_name, ready->member_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, confirm,
                                  -1);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a row of "Ready to Award", for screen readers: "Ana, Warm Welcome: 23
   * welcomes in the last 30 days" */
  accessible = g_strdup_printf (_("%s, %s: %s"), ready->member_name, ready->badge_name, ready->why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (row, _("Show the badge"));

  folded = g_strdup_printf ("%s\n%s", ready->member_name, ready->badge_name);
  g_object_set_data_full (G_OBJECT (row), "search", hearth_text_fold (folded), g_free);
  g_object_set_data_full (G_OBJECT (row), "badge-id", g_strdup (ready->badge_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "target", g_steal_pointer (&target), g_free);

  return row;
}

static gboolean
filter_ready_row (GtkListBoxRow *row,
                  gpointer       user_data)
{
  return matches_search (user_data, g_object_get_data (G_OBJECT (row), "search"));
}

/* The targets of the rows on show: what Confirm All confirms. */
static GPtrArray *
shown_ready_targets (HearthRecognitionPage *self)
{
  GPtrArray *targets = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->ready_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_ready_row (GTK_LIST_BOX_ROW (child), self))
      g_ptr_array_add (targets, g_object_get_data (G_OBJECT (child), "target"));

  return targets;
}

static void
update_ready_count (HearthRecognitionPage *self)
{
  guint total = self->board != NULL ? self->board->ready->len : 0;
  g_autoptr(GPtrArray) shown = shown_ready_targets (self);
  g_autofree char *label = NULL;
  g_autofree char *button = NULL;

  adw_view_stack_page_set_badge_number (self->ready_page, total);
  adw_view_stack_page_set_needs_attention (self->ready_page, total > 0);

  if (shown->len == total)
    /* Translators: above "Ready to Award" */
    label = g_strdup_printf (ngettext ("%u member meets a badge's rule. Rules never award by "
                                       "themselves: confirm each one, or all at once.",
                                       "%u members meet a badge's rule. Rules never award by "
                                       "themselves: confirm each one, or all at once.", total),
                             total);
  else
    /* Translators: above "Ready to Award", while searching: "2 of 5 shown" */
    label = g_strdup_printf (ngettext ("%u of %u shown", "%u of %u shown", total),
                             shown->len, total);
  gtk_label_set_label (self->ready_label, label);

  /* Translators: the button above "Ready to Award", with how many it confirms */
  button = g_strdup_printf (ngettext ("Confirm _All (%u)", "Confirm _All (%u)", shown->len),
                            shown->len);
  gtk_button_set_label (GTK_BUTTON (self->confirm_all_button), button);
  gtk_widget_set_visible (self->confirm_all_button, shown->len > 0);

  gtk_stack_set_visible_child_name (self->ready_stack,
                                    total == 0 ? "empty" : shown->len == 0 ? "no-match" : "list");
  update_actions (self);
}

static void
fill_ready (HearthRecognitionPage *self)
{
  clear_list (self->ready_list);
  for (guint i = 0; self->board != NULL && i < self->board->ready->len; i++)
    {
      HearthReadyAward *ready = g_ptr_array_index (self->board->ready, i);

      gtk_list_box_append (self->ready_list,
                           create_ready_row (ready, hearth_recognition_board_lookup_badge (self->board,
                                                                                      ready->badge_id)));
    }
  update_ready_count (self);
}

/* Actions' state --------------------------------------------------------------------------- */

static void
update_actions (HearthRecognitionPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = can_write (self);
  gboolean has_badges = self->board != NULL && self->board->badges->len > 0;
  gboolean has_ready = self->board != NULL && self->board->ready->len > 0;

  gtk_widget_action_set_enabled (widget, "recognition.new-badge", ready);
  gtk_widget_action_set_enabled (widget, "recognition.edit-badge", ready && has_badges);
  gtk_widget_action_set_enabled (widget, "recognition.award", ready && has_badges);
  gtk_widget_action_set_enabled (widget, "recognition.save-image",
                                 hearth_page_get_store (HEARTH_PAGE (self)) != NULL && has_badges);
  gtk_widget_action_set_enabled (widget, "recognition.card",
                                 hearth_page_get_store (HEARTH_PAGE (self)) != NULL &&
                                 hearth_page_get_program_id (HEARTH_PAGE (self)) != NULL);
  gtk_widget_action_set_enabled (widget, "recognition.revoke", ready);
  gtk_widget_action_set_enabled (widget, "recognition.confirm", ready && has_ready);
  gtk_widget_action_set_enabled (widget, "recognition.confirm-all", ready && has_ready);
  gtk_widget_action_set_enabled (widget, "recognition.log-new", ready);
  gtk_widget_action_set_enabled (widget, "recognition.log-edit", ready);
  gtk_widget_action_set_enabled (widget, "recognition.spotlight", ready);
}

/* Loading ---------------------------------------------------------------------------------- */

static gpointer
read_board (HearthDatabase  *db,
            gpointer         data,
            GCancellable    *cancellable,
            GError         **error)
{
  gint64 start = g_get_monotonic_time ();
  HearthRecognitionBoard *board = hearth_recognition_board_load (db, data, cancellable, error);

  if (board != NULL)
    g_debug ("Recognition board of %u badges, %u awards and %u log entries read in %.1f ms",
             board->badges->len, board->awards->len, board->log->len,
             (g_get_monotonic_time () - start) / 1000.0);

  return board;
}

static void
show_board (HearthRecognitionPage  *self,
            HearthRecognitionBoard *board)
{
  HearthRecognitionBoard *old = self->board;

  /* The views borrow the board: they get the new one before the old one goes. */
  self->board = board;
  hearth_recognition_log_view_set_board (self->log_view, board);
  hearth_recognition_due_view_set_board (self->due_view, board);
  fill_gallery (self);
  fill_ready (self);
  g_clear_pointer (&old, hearth_recognition_board_free);

  gtk_spinner_stop (self->spinner);
  /* A program without badges, log entries or anyone due has nothing for the views: say what
   * the page is for instead. */
  gtk_stack_set_visible_child_name (self->stack,
                                    board->badges->len == 0 && board->log->len == 0 &&
                                    board->due->len == 0 ? "empty" : "views");
}

static void
board_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HearthRecognitionPage) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthRecognitionBoard) board = hearth_page_read_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* A newer load replaced this one, or the page went away. */
  if (self == NULL || cancellable != self->loading || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->loading);

  if (board == NULL)
    {
      g_warning ("Could not read the recognition board: %s", error->message);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "views");
      return;
    }

  if (g_strcmp0 (board->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0)
    return;

  show_board (self, g_steal_pointer (&board));
}

static void
cancel_load (HearthRecognitionPage *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

/* HearthPage's reload vfunc: the page is shown. */
static void
reload (HearthPage *page)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (page);

  cancel_load (self);

  if (hearth_page_get_store (page) == NULL || hearth_page_get_program_id (HEARTH_PAGE (self)) == NULL)
    return;

  if (self->board == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->loading = g_cancellable_new ();
  hearth_page_read_async (page, read_board, g_strdup (hearth_page_get_program_id (HEARTH_PAGE (self))), g_free,
                          (GDestroyNotify) hearth_recognition_board_free, self->loading,
                          board_loaded_cb, hearth_weak_ref_new (self));
}

static void
clear_board (HearthRecognitionPage *self)
{
  hearth_recognition_log_view_set_board (self->log_view, NULL);
  hearth_recognition_due_view_set_board (self->due_view, NULL);
  g_clear_pointer (&self->board, hearth_recognition_board_free);
  g_clear_pointer (&self->selected_id, g_free);
  fill_gallery (self);
  fill_ready (self);
}

static void
program_changed_cb (HearthRecognitionPage *self)
{
  if (self->board != NULL && g_strcmp0 (self->board->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0)
    clear_board (self);
  update_actions (self);
  hearth_page_reload (HEARTH_PAGE (self));
}

static void
store_set_cb (HearthRecognitionPage *self)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));

  if (self->watched_store != store)
    {
      if (self->watched_store != NULL)
        g_signal_handlers_disconnect_by_func (self->watched_store, update_actions, self);
      g_set_object (&self->watched_store, store);
      if (store != NULL)
        /* Disconnected by hand here and in dispose. */
        g_signal_connect_swapped (store, "notify::busy", G_CALLBACK (update_actions), self);
    }

  update_actions (self);
  hearth_page_reload (HEARTH_PAGE (self));
}

/* Callbacks -------------------------------------------------------------------------------- */

static void
badge_selected_cb (HearthRecognitionPage *self)
{
  g_autoptr(GList) selected = NULL;
  const char *id;

  if (self->filling)
    return;

  selected = gtk_flow_box_get_selected_children (self->gallery);
  if (selected == NULL)
    return;

  id = g_object_get_data (G_OBJECT (selected->data), "badge-id");
  if (g_strcmp0 (id, self->selected_id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }
  update_detail (self);
}

static void
badge_activated_cb (HearthRecognitionPage *self,
                    GtkFlowBoxChild       *child)
{
  if (!gtk_flow_box_child_is_selected (child))
    gtk_flow_box_select_child (self->gallery, child);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
holder_activated_cb (HearthRecognitionPage *self,
                     GtkListBoxRow         *row)
{
  const char *award_id = g_object_get_data (G_OBJECT (row), "award-id");

  if (award_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "recognition.card", "s", award_id);
}

/* A row of "Ready to Award" activated: its badge, in the gallery. */
static void
ready_activated_cb (HearthRecognitionPage *self,
                    GtkListBoxRow         *row)
{
  const char *badge_id = g_object_get_data (G_OBJECT (row), "badge-id");

  if (badge_id == NULL)
    return;

  if (self->search != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_view_stack_set_visible_child_name (self->view_stack, "badges");
  select_badge (self, badge_id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
leaflet_folded_cb (HearthRecognitionPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Hidden, not only unrevealed: an unfolded pane starts right at the top. */
  gtk_widget_set_visible (self->back_revealer, folded);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->back_revealer), folded);
}

static void
back_clicked_cb (HearthRecognitionPage *self)
{
  GtkFlowBoxChild *child = self->selected_id != NULL
    ? find_badge_child (self, self->selected_id, TRUE) : NULL;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (child != NULL ? GTK_WIDGET (child) : GTK_WIDGET (self->gallery));
}

static void
squeezer_changed_cb (HearthRecognitionPage *self)
{
  /* Too narrow for any switcher in the bar: the one at the bottom. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_squeezer_get_visible_child (self->switcher_squeezer) ==
                                    self->switcher_none);
}

static void
view_changed_cb (HearthRecognitionPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean log = g_strcmp0 (view, "log") == 0;
  const char *placeholder;
  const char *add;

  if (g_strcmp0 (view, "badges") == 0)
    placeholder = _("Search badges");
  else if (g_strcmp0 (view, "ready") == 0)
    placeholder = _("Search by member or badge");
  else if (log)
    placeholder = _("Search by member, title or note");
  else
    placeholder = _("Search by member");
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), log);

  /* The add button makes what the view shows: badges, or entries of the log. */
  if (log || g_strcmp0 (view, "due") == 0)
    {
      add = _("Log Recognition…");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button),
                                              g_variant_new_string (""));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "recognition.log-new");
    }
  else
    {
      add = _("New Badge…");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "recognition.new-badge");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add,
                                  -1);
}

static void
kind_changed_cb (HearthRecognitionPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  guint n_kinds = g_strv_length ((char **) hearth_recognition_kinds);

  hearth_recognition_log_view_set_kind (self->log_view,
                                        selected >= 1 && selected <= n_kinds
                                        ? hearth_recognition_kinds[selected - 1] : NULL);
}

static void
search_changed_cb (HearthRecognitionPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  hearth_search_update (&self->search, text);

  gtk_flow_box_invalidate_filter (self->gallery);
  update_count (self);
  gtk_list_box_invalidate_filter (self->ready_list);
  update_ready_count (self);
  hearth_recognition_log_view_set_search (self->log_view, text != NULL ? text : "");
  hearth_recognition_due_view_set_search (self->due_view, text != NULL ? text : "");

  /* Keep a visible badge selected while the gallery narrows. */
  if (self->search != NULL)
    {
      GtkFlowBoxChild *child = self->selected_id != NULL
        ? find_badge_child (self, self->selected_id, TRUE) : NULL;

      if (child == NULL)
        select_badge (self, NULL);
    }
}

/* Enter in the search opens the first matching badge. */
static void
search_activate_cb (HearthRecognitionPage *self)
{
  GtkFlowBoxChild *child;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "badges") != 0)
    return;

  child = find_badge_child (self, NULL, TRUE);
  if (child == NULL)
    return;
  select_badge (self, g_object_get_data (G_OBJECT (child), "badge-id"));
  badge_activated_cb (self, child);
}

static void
stop_search_cb (HearthRecognitionPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Shortcuts -------------------------------------------------------------------------------- */

static gboolean
page_is_shown (HearthRecognitionPage *self)
{
  return gtk_widget_is_drawable (GTK_WIDGET (self)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "views") == 0;
}

static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);

  /* The controller is managed by the window: only the page on show answers. */
  if (!page_is_shown (self))
    return FALSE;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return TRUE;
}

static gboolean
action_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  const char *action = user_data;

  if (!page_is_shown (self))
    return FALSE;

  if (g_str_equal (action, "recognition.log-new"))
    return gtk_widget_activate_action (widget, action, "s", "");

  if (g_str_equal (action, "recognition.new-badge"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "badges");
      return gtk_widget_activate_action (widget, action, NULL);
    }

  /* Award and Edit act on the selected badge, in the gallery. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "badges") != 0 ||
      get_selected_badge (self) == NULL)
    return FALSE;

  return gtk_widget_activate_action (widget, action, "s", self->selected_id);
}

/* Jobs ------------------------------------------------------------------------------------- */

typedef struct
{
  char *badge_id;
  char *member_id;
  char *reason;
} Grant;

static void
grant_free (Grant *grant)
{
  g_free (grant->badge_id);
  g_free (grant->member_id);
  g_free (grant->reason);
  g_free (grant);
}

typedef struct
{
  GWeakRef   *page;
  char       *day;
  GPtrArray  *grants;   /* (element-type Grant) */
  GPtrArray  *ids;      /* (element-type utf8): the new awards, or those to delete/restore */
  char       *title;    /* the toast's, already escaped */
} Job;

static Job *
job_new (HearthRecognitionPage *self)
{
  Job *job = g_new0 (Job, 1);

  job->page = hearth_weak_ref_new (self);
  job->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) grant_free);
  job->ids = g_ptr_array_new_with_free_func (g_free);

  return job;
}

static void
job_free (Job *job)
{
  hearth_weak_ref_clear (&job->page);
  g_free (job->day);
  g_ptr_array_unref (job->grants);
  g_ptr_array_unref (job->ids);
  g_free (job->title);
  g_free (job);
}

/* On the DB thread, in one transaction: every grant or none. */
static gboolean
grant_job (HearthDatabase  *db,
           gpointer         data,
           GError         **error)
{
  Job *job = data;

  g_ptr_array_set_size (job->ids, 0);
  for (guint i = 0; i < job->grants->len; i++)
    {
      Grant *grant = g_ptr_array_index (job->grants, i);
      const char *members[] = { grant->member_id, NULL };
      g_auto(GStrv) ids = NULL;

      if (!hearth_award_grant (db, grant->badge_id, members, job->day, grant->reason, "rule",
                               &ids, error))
        return FALSE;
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_ptr_array_add (job->ids, g_strdup (ids[j]));
    }

  return TRUE;
}

static GVariant *
ids_variant (GPtrArray *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < ids->len; i++)
    g_variant_builder_add (&builder, "s", g_ptr_array_index (ids, i));

  return g_variant_builder_end (&builder);
}

static void
granted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(HearthRecognitionPage) self = hearth_weak_ref_take (&job->page);
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      if (self != NULL)
        hearth_page_add_error_toast (HEARTH_PAGE (self), _("Could not award the badge"), error);
      job_free (job);
      return;
    }

  if (self != NULL)
    hearth_page_add_undo_toast (HEARTH_PAGE (self), job->title, "recognition-undo.revoke-awards", ids_variant (job->ids));
  job_free (job);
}

static void
add_grant (Job              *job,
           HearthReadyAward *ready)
{
  Grant *grant = g_new0 (Grant, 1);

  grant->badge_id = g_strdup (ready->badge_id);
  grant->member_id = g_strdup (ready->member_id);
  grant->reason = g_strdup (ready->why);
  g_ptr_array_add (job->grants, grant);
}

static HearthReadyAward *
parse_ready_target (HearthRecognitionPage *self,
                    const char            *target)
{
  g_auto(GStrv) parts = g_strsplit (target, ":", 2);

  if (g_strv_length (parts) != 2)
    return NULL;

  return find_ready (self, parts[0], parts[1]);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthReadyAward *ready = parse_ready_target (self, g_variant_get_string (parameter, NULL));
  g_autofree char *badge = NULL;
  g_autofree char *member = NULL;
  Job *job;

  if (!can_write (self) || ready == NULL)
    return;

  job = job_new (self);
  job->day = g_strdup (self->board->reference_day);
  add_grant (job, ready);
  /* Toast titles are markup on libadwaita 1.2. */
  badge = escape (ready->badge_name);
  member = escape (ready->member_name);
  /* Translators: a toast with Undo: "Awarded Warm Welcome to Ana" */
  job->title = g_strdup_printf (_("Awarded %s to %s"), badge, member);

  hearth_store_write_async (store, grant_job, job, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            granted_cb, job);
}

static void
confirm_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  g_autoptr(GPtrArray) targets = shown_ready_targets (self);
  Job *job;

  if (!can_write (self) || targets->len == 0)
    return;

  job = job_new (self);
  job->day = g_strdup (self->board->reference_day);
  for (guint i = 0; i < targets->len; i++)
    {
      HearthReadyAward *ready = parse_ready_target (self, g_ptr_array_index (targets, i));

      if (ready != NULL)
        add_grant (job, ready);
    }
  /* Translators: a toast with Undo, after Confirm All */
  job->title = g_strdup_printf (ngettext ("Awarded %u badge", "Awarded %u badges",
                                          job->grants->len),
                                job->grants->len);

  hearth_store_write_async (store, grant_job, job, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            granted_cb, job);
}

static void
revoked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(HearthRecognitionPage) self = hearth_weak_ref_take (&job->page);
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      if (self != NULL)
        hearth_page_add_error_toast (HEARTH_PAGE (self), _("Could not revoke the badge"), error);
      job_free (job);
      return;
    }

  if (self != NULL)
    hearth_page_add_undo_toast (HEARTH_PAGE (self), job->title, "win.undo-delete-record",
                    g_variant_new ("(ss)", "award", g_ptr_array_index (job->ids, 0)));
  job_free (job);
}

static void
revoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthBoardAward *award = find_award (self, g_variant_get_string (parameter, NULL));
  g_autofree char *badge = NULL;
  g_autofree char *member = NULL;
  Job *job;

  if (!can_write (self) || award == NULL)
    return;

  job = job_new (self);
  g_ptr_array_add (job->ids, g_strdup (award->id));
  badge = escape (award->badge_name);
  member = escape (award->member_name);
  /* Translators: a toast with Undo: "Revoked Warm Welcome from Ana" */
  job->title = g_strdup_printf (_("Revoked %s from %s"), badge, member);

  /* A tombstone: Undo restores it. */
  hearth_store_delete_async (store, "award", award->id, TRUE, NULL, revoked_cb, job);
}

/* The Undo of confirmed awards: they go again (soft-deleted, as a revoke). */
static gboolean
revoke_awards_job (HearthDatabase  *db,
                   gpointer         data,
                   GError         **error)
{
  const char * const *ids = data;

  for (guint i = 0; ids[i] != NULL; i++)
    if (!hearth_database_soft_delete (db, "award", ids[i], error))
      return FALSE;

  return TRUE;
}

static void
awards_revoked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HearthRecognitionPage) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error) && self != NULL)
    hearth_page_add_error_toast (HEARTH_PAGE (self), _("Could not undo"), error);
}

static void
undo_awards_cb (GSimpleAction         *action,
                GVariant              *parameter,
                HearthRecognitionPage *self)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));

  if (store == NULL)
    return;

  hearth_store_write_async (store, revoke_awards_job, g_variant_dup_strv (parameter, NULL),
                            (GDestroyNotify) g_strfreev, HEARTH_WRITE_FLAGS_NONE, NULL,
                            awards_revoked_cb, hearth_weak_ref_new (self));
}

/* Dialogs ---------------------------------------------------------------------------------- */

static void
present (GtkWindow *window)
{
  if (window != NULL)
    gtk_window_present (window);
}

static void
badge_saved_cb (HearthRecognitionPage *self,
                const char            *badge_id)
{
  /* The reload that ::changed scheduled selects it. */
  g_free (self->selected_id);
  self->selected_id = g_strdup (badge_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "badges");
  if (find_badge_child (self, badge_id, FALSE) != NULL)
    select_badge (self, badge_id);
}

static void
open_badge_editor (HearthRecognitionPage *self,
                   const char            *badge_id)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));
  GtkWindow *editor;

  if (store == NULL || program == NULL)
    return;

  editor = hearth_badge_editor_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program, badge_id);
  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (badge_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

/* An empty target means the selected badge. */
static const char *
badge_from_target (HearthRecognitionPage *self,
                   GVariant              *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  return *id != '\0' ? id : self->selected_id;
}

static void
new_badge_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_badge_editor (HEARTH_RECOGNITION_PAGE (widget), NULL);
}

static void
edit_badge_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  const char *id = badge_from_target (self, parameter);

  if (id != NULL)
    open_badge_editor (self, id);
}

static void
award_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));
  const char *id = g_variant_get_string (parameter, NULL);

  /* "" lets the organizer choose the badge in the dialog. */
  if (store != NULL && program != NULL)
    present (hearth_award_dialog_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program,
                                      *id != '\0' ? id : NULL, NULL));
}

static void
save_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  const char *id = badge_from_target (self, parameter);

  if (store != NULL && id != NULL)
    hearth_badge_save_image (hearth_page_get_window (HEARTH_PAGE (self)), store, id);
}

static void
card_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));

  if (store != NULL && program != NULL)
    present (hearth_card_dialog_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program,
                                     g_variant_get_string (parameter, NULL)));
}

static void
log_new_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));
  const char *member_id = g_variant_get_string (parameter, NULL);

  if (store != NULL && program != NULL)
    present (hearth_recognition_editor_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program, NULL,
                                            *member_id != '\0' ? member_id : NULL, NULL));
}

static void
log_edit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));

  if (store != NULL && program != NULL)
    present (hearth_recognition_editor_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program,
                                            g_variant_get_string (parameter, NULL), NULL, NULL));
}

static void
spotlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));

  if (store != NULL && program != NULL)
    present (hearth_spotlight_dialog_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program,
                                          g_variant_get_string (parameter, NULL)));
}

/* GtkWidget -------------------------------------------------------------------------------- */

/* The toasts' Undo of confirmed awards lives on the window: toasts are not inside the page. */
static void
hearth_recognition_page_root (GtkWidget *widget)
{
  HearthRecognitionPage *self = HEARTH_RECOGNITION_PAGE (widget);

  GTK_WIDGET_CLASS (hearth_recognition_page_parent_class)->root (widget);

  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (widget)), "recognition-undo",
                                  G_ACTION_GROUP (self->undo_group));
}

static void
hearth_recognition_page_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "recognition-undo", NULL);

  GTK_WIDGET_CLASS (hearth_recognition_page_parent_class)->unroot (widget);
}

/* GObject ---------------------------------------------------------------------------------- */

static void
hearth_recognition_page_dispose (GObject *object)
{
  HearthRecognitionPage *self = (HearthRecognitionPage *)object;

  cancel_load (self);
  if (self->watched_store != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_store, update_actions, self);
  g_clear_object (&self->watched_store);

  G_OBJECT_CLASS (hearth_recognition_page_parent_class)->dispose (object);

  g_clear_object (&self->undo_group);
  g_clear_pointer (&self->board, hearth_recognition_board_free);
}

static void
hearth_recognition_page_finalize (GObject *object)
{
  HearthRecognitionPage *self = (HearthRecognitionPage *)object;

  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (hearth_recognition_page_parent_class)->finalize (object);
}

static void
hearth_recognition_page_class_init (HearthRecognitionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_recognition_page_dispose;
  object_class->finalize = hearth_recognition_page_finalize;
  widget_class->root = hearth_recognition_page_root;
  widget_class->unroot = hearth_recognition_page_unroot;

  HEARTH_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (HEARTH_TYPE_BADGE_TILE);
  g_type_ensure (HEARTH_TYPE_RECOGNITION_LOG_VIEW);
  g_type_ensure (HEARTH_TYPE_RECOGNITION_DUE_VIEW);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/recognition/hearth-recognition-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, award_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, badges_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, confirm_all_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, detail_tile);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, due_view);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, facts_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, gallery);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, gallery_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, holders_empty);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, holders_heading);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, holders_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, log_view);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, ready_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, ready_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, ready_page);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, ready_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, save_image_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, switcher_none);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, tier_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionPage, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, badge_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, badge_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, holder_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, ready_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, squeezer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "recognition.new-badge", NULL, new_badge_action);
  gtk_widget_class_install_action (widget_class, "recognition.edit-badge", "s", edit_badge_action);
  gtk_widget_class_install_action (widget_class, "recognition.award", "s", award_action);
  gtk_widget_class_install_action (widget_class, "recognition.save-image", "s", save_image_action);
  gtk_widget_class_install_action (widget_class, "recognition.card", "s", card_action);
  gtk_widget_class_install_action (widget_class, "recognition.revoke", "s", revoke_action);
  gtk_widget_class_install_action (widget_class, "recognition.confirm", "s", confirm_action);
  gtk_widget_class_install_action (widget_class, "recognition.confirm-all", NULL,
                                   confirm_all_action);
  gtk_widget_class_install_action (widget_class, "recognition.log-new", "s", log_new_action);
  gtk_widget_class_install_action (widget_class, "recognition.log-edit", "s", log_edit_action);
  gtk_widget_class_install_action (widget_class, "recognition.spotlight", "s", spotlight_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              GtkShortcutFunc        func,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (func,
                                                                                   (gpointer) action,
                                                                                   NULL)));
}

static void
hearth_recognition_page_init (HearthRecognitionPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GSimpleAction) undo = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a template child: gtk_widget_dispose_template() would unparent it behind AdwBin's back. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; hearth_recognition_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, hearth_recognition_kind_label (hearth_recognition_kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  gtk_flow_box_set_filter_func (self->gallery, filter_badge_child, self, NULL);
  gtk_list_box_set_filter_func (self->ready_list, filter_ready_row, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->gallery));

  self->undo_group = g_simple_action_group_new ();
  undo = g_simple_action_new ("revoke-awards", G_VARIANT_TYPE_STRING_ARRAY);
  g_signal_connect_object (undo, "activate", G_CALLBACK (undo_awards_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->undo_group), G_ACTION (undo));

  /* Managed by the window, so they work wherever the focus is; each checks the page is shown.
   * Ctrl+N is the application's New Program: a badge is Ctrl+Shift+N, as a role is. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", search_shortcut_cb, NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>n", action_shortcut_cb,
                "recognition.new-badge");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>e", action_shortcut_cb,
                "recognition.edit-badge");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>a", action_shortcut_cb,
                "recognition.award");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>l", action_shortcut_cb,
                "recognition.log-new");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect (self, "notify::program", G_CALLBACK (program_changed_cb), NULL);
  g_signal_connect (self, "notify::store", G_CALLBACK (store_set_cb), NULL);

  leaflet_folded_cb (self);
  squeezer_changed_cb (self);
  view_changed_cb (self);
  update_count (self);
  update_ready_count (self);
  update_detail (self);
}
