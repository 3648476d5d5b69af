/* hearth-roles-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ambassadors & Roles (DESIGN §1, §4): three views over one roster read on a worker thread
 * with its own read-only connection — the roles beside the selected role's purpose, goals,
 * toolkit, current ambassadors and history; every ambassador (HearthAmbassadorsView); and one
 * week's check-ins (HearthWeekView). The roster is read again whenever HearthPage asks (after
 * the store changes, only while the page is shown).
 *
 * The week view may show another week than the reference day's: that week is read on its own,
 * and the roles view keeps showing the current week.
 */

#define G_LOG_DOMAIN "hearth-roles-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-roles-page.h"
#include "hearth-ambassadors-view.h"
#include "hearth-assign-dialog.h"
#include "hearth-assignment.h"
#include "hearth-checkin-dialog.h"
#include "hearth-editor-util.h"
#include "hearth-role-editor.h"
#include "hearth-role-presets.h"
#include "hearth-roster.h"
#include "hearth-weak-ref.h"
#include "hearth-week-view.h"
#include "hearth-window.h"

/* A role may hold hundreds of ambassadors: the detail shows this many until asked for all,
 * so switching roles stays instant. */
#define ROWS_SHOWN       30

struct _HearthRolesPage
{
  HearthPage             parent_instance;

  /* template widgets */
  HearthAmbassadorsView *ambassadors_view;
  GtkWidget             *back_revealer;
  GtkLabel              *capacity_label;
  GtkLabel              *count_label;
  GtkLabel              *current_heading;
  GtkWidget             *current_empty;
  GtkListBox            *current_list;
  GtkLabel              *description_label;
  GtkStack              *detail_stack;
  GtkMenuButton         *empty_new_button;
  GtkListBox            *goals_list;
  GtkWidget             *history_box;
  GtkListBox            *history_list;
  AdwLeaflet            *leaflet;
  GtkStack              *list_stack;
  GtkLabel              *name_label;
  GtkMenuButton         *new_button;
  GtkLabel              *preset_label;
  GtkLabel              *purpose_label;
  GtkLabel              *review_label;
  GtkListBox            *role_list;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkSpinner            *spinner;
  GtkLabel              *term_label;
  GtkLabel              *toolkit_label;
  AdwViewStack          *view_stack;
  GtkWidget             *warnings_box;
  GtkListBox            *warnings_list;
  HearthWeekView        *week_view;

  /* borrowed */
  GtkStack              *stack;              /* the page's own child */

  /* owned */
  HearthRoster          *roster;             /* the reference day's week */
  GCancellable          *loading;
  GCancellable          *week_loading;
  gboolean               filling;
  gboolean               show_all_current;
  gboolean               show_all_history;
  char                  *selected_id;        /* the selected role */
  char                  *week;               /* the week view's week; NULL for the current one */
  char                  *search;             /* casefolded, NULL when empty */
  GMenu                 *new_role_menu;
};

G_DEFINE_FINAL_TYPE (HearthRolesPage, hearth_roles_page, HEARTH_TYPE_PAGE)

static void reload_week   (HearthRolesPage *self);
static void update_detail (HearthRolesPage *self);

static void
present (GtkWindow *window)
{
  if (window != NULL)
    gtk_window_present (window);
}

static HearthRosterRole *
get_selected_role (HearthRolesPage *self)
{
  if (self->roster == NULL || self->selected_id == NULL)
    return NULL;

  return hearth_roster_lookup_role (self->roster, self->selected_id);
}

static const char *
preset_name (const char *preset)
{
  const HearthRolePreset *template;

  if (preset == NULL || g_str_equal (preset, "custom"))
    return NULL;
  template = hearth_role_preset_lookup (preset);

  return template != NULL ? _(template->name) : NULL;
}

/* The toolkit is plain text: everything is escaped, and http(s) URLs become links. */
static char *
toolkit_to_markup (const char *text)
{
  GString *markup = g_string_new (NULL);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *http = strstr (p, "http://");
      const char *https = strstr (p, "https://");
      const char *start = http;
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *url = NULL;
      g_autofree char *escaped = NULL;

      if (start == NULL || (https != NULL && https < start))
        start = https;
      if (start == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (markup, rest);
          break;
        }

      before = g_markup_escape_text (p, start - p);
      g_string_append (markup, before);

      end = start;
      while (*end != '\0' && !g_ascii_isspace (*end) && strchr ("<>\"'", *end) == NULL)
        end++;
      /* A sentence's full stop or a closing bracket after a link is not part of it. */
      while (end > start && strchr (".,;:!?)]}", end[-1]) != NULL)
        end--;

      url = g_strndup (start, end - start);
      escaped = g_markup_escape_text (url, -1);
      if (strstr (url, "://") + 3 < url + strlen (url))
        g_string_append_printf (markup, "<a href=\"%s\">%s</a>", escaped, escaped);
      else
        g_string_append (markup, escaped);
      p = end;
    }

  return g_string_free (markup, FALSE);
}

static gboolean
show_uri (GtkWidget  *widget,
          const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static gboolean
activate_link_cb (HearthRolesPage *self,
                  const char      *uri,
                  GtkLabel        *label)
{
  return show_uri (GTK_WIDGET (label), uri);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_level_bar (double      value,
                const char *accessible)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  /* A share, not a battery: one colour, the accent. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 1));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return bar;
}

static char *
format_fill (HearthRosterRole *role)
{
  if (role->capacity > 0)
    /* Translators: how full a role is: "3 of 4" ambassadors against the role's capacity */
    return g_strdup_printf (C_("role fill", "%u of %u"), role->n_active, (guint) role->capacity);

  /* Translators: how many ambassadors a role without a capacity holds */
  return g_strdup_printf (ngettext ("%u assigned", "%u assigned", role->n_active), role->n_active);
}

/* The role list ---------------------------------------------------------------------------- */

static GtkWidget *
create_role_row (HearthRolesPage  *self,
                 HearthRosterRole *role)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (role->name);
  GtkWidget *fill_label;
  g_autofree char *fill = format_fill (role);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (top), name);

  if (role->warnings != NULL && role->warnings->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("hearth-warning-symbolic");
      g_autoptr(GString) tooltip = g_string_new (NULL);
      gboolean has_warning = FALSE;

      for (guint i = 0; i < role->warnings->len; i++)
        {
          HearthHealthCheck *check = g_ptr_array_index (role->warnings, i);

          has_warning |= check->severity == HEARTH_SEVERITY_WARNING;

          if (tooltip->len > 0)
            g_string_append_c (tooltip, '\n');
          g_string_append (tooltip, check->sentence);
        }
      gtk_widget_set_tooltip_text (icon, tooltip->str);
      /* As in the detail: warnings in the warning colour, notices in the accent. */
      gtk_widget_add_css_class (icon, has_warning ? "warning" : "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip->str,
                                      -1);
      gtk_box_append (GTK_BOX (top), icon);
    }

  fill_label = gtk_label_new (fill);
  gtk_widget_add_css_class (fill_label, "caption");
  gtk_widget_add_css_class (fill_label, "dim-label");
  gtk_widget_add_css_class (fill_label, "numeric");
  gtk_box_append (GTK_BOX (bottom), fill_label);
  if (role->capacity > 0)
    {
      GtkWidget *bar = make_level_bar ((double) role->n_active / role->capacity, fill);

      gtk_widget_set_hexpand (bar, TRUE);
      gtk_box_append (GTK_BOX (bottom), bar);
    }

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (role->warnings != NULL && role->warnings->len > 0)
    /* Translators: a role in the list, for screen readers: "Welcome Team, 3 of 4, has warnings" */
    accessible = g_strdup_printf (_("%s, %s, has warnings"), role->name, fill);
  else
    /* Translators: a role in the list, for screen readers: "Welcome Team, 3 of 4" */
    accessible = g_strdup_printf (_("%s, %s"), role->name, fill);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "role-id", g_strdup (role->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "role-name", g_utf8_casefold (role->name, -1), g_free);

  return row;
}

static gboolean
filter_role_row (GtkListBoxRow *row,
                 gpointer       user_data)
{
  HearthRolesPage *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (row), "role-name");

  return self->search == NULL || (name != NULL && strstr (name, self->search) != NULL);
}

static guint
count_shown_roles (HearthRolesPage *self)
{
  guint shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->role_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_role_row (GTK_LIST_BOX_ROW (child), self))
      shown++;

  return shown;
}

static void
update_count (HearthRolesPage *self)
{
  guint total = self->roster != NULL ? self->roster->roles->len : 0;
  guint shown = count_shown_roles (self);
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u role", "%u roles", total), total);
  else
    /* Translators: "2 of 6 roles", while searching */
    text = g_strdup_printf (ngettext ("%u of %u role", "%u of %u roles", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-match");
}

static GtkListBoxRow *
find_role_row (HearthRolesPage *self,
               const char      *role_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->role_list));
       child != NULL && role_id != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "role-id"), role_id) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static GtkListBoxRow *
first_shown_role_row (HearthRolesPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->role_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_role_row (GTK_LIST_BOX_ROW (child), self))
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static void
select_role (HearthRolesPage *self,
             const char      *role_id)
{
  GtkListBoxRow *row = find_role_row (self, role_id);

  if (row == NULL)
    row = first_shown_role_row (self);

  if (row != NULL)
    gtk_list_box_select_row (self->role_list, row);
  else
    {
      gtk_list_box_unselect_all (self->role_list);
      g_clear_pointer (&self->selected_id, g_free);
      update_detail (self);
    }
}

static void
fill_role_list (HearthRolesPage *self)
{
  g_autofree char *selected = g_strdup (self->selected_id);

  self->filling = TRUE;
  clear_list (self->role_list);
  for (guint i = 0; self->roster != NULL && i < self->roster->roles->len; i++)
    gtk_list_box_append (self->role_list,
                         create_role_row (self, g_ptr_array_index (self->roster->roles, i)));
  self->filling = FALSE;

  g_free (self->selected_id);
  self->selected_id = g_steal_pointer (&selected);
  update_count (self);

  /* The same role again, with its fresh data; else the first one. */
  if (find_role_row (self, self->selected_id) != NULL)
    {
      gtk_list_box_select_row (self->role_list, find_role_row (self, self->selected_id));
      update_detail (self);
    }
  else
    select_role (self, NULL);
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
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
fill_goals (HearthRolesPage  *self,
            HearthRosterRole *role)
{
  clear_list (self->goals_list);

  for (guint i = 0; i < role->goals->len; i++)
    {
      HearthRosterGoal *goal = g_ptr_array_index (role->goals, i);
      g_autofree char *how = NULL;
      g_autofree char *target = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (goal->metric != NULL)
        /* Translators: how a weekly goal is measured; %s names an activity kind, such as
         * "Welcomes" */
        how = g_strdup_printf (_("Measured from activity: %s"),
                               hearth_activity_kind_label (goal->metric));
      else
        how = g_strdup (_("Counted at check-in"));
      /* Translators: a weekly goal's target: "3 per week" */
      target = g_strdup_printf (ngettext ("%u per week", "%u per week",
                                          (gulong) goal->target_per_week),
                                (guint) goal->target_per_week);

      row = make_action_row (goal->label, how);
      label = gtk_label_new (target);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->goals_list, row);
    }

  if (role->goals->len == 0)
    {
      GtkWidget *row = make_action_row (_("No weekly goals yet"),
                                        _("Edit the role to add one or two light goals."));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->goals_list, row);
    }
}

static void
fill_warnings (HearthRolesPage  *self,
               HearthRosterRole *role)
{
  guint n = role->warnings != NULL ? role->warnings->len : 0;

  clear_list (self->warnings_list);
  gtk_widget_set_visible (self->warnings_box, n > 0);

  for (guint i = 0; i < n; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (role->warnings, i);
      GtkWidget *row = make_action_row (check->sentence, check->action);
      GtkWidget *icon = gtk_image_new_from_icon_name ("hearth-warning-symbolic");

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, check->severity == HEARTH_SEVERITY_WARNING ? "warning"
                                                                                : "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check->severity == HEARTH_SEVERITY_WARNING
                                      ? _("Warning") : _("Notice"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->warnings_list, row);
    }
}

static char *
format_progress (HearthRosterRole *role,
                 HearthRosterSlot *slot)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < role->goals->len && i < slot->n_achieved; i++)
    {
      HearthRosterGoal *goal = g_ptr_array_index (role->goals, i);

      if (text->len > 0)
        g_string_append (text, " · ");
      if (slot->achieved[i] >= 0)
        /* Translators: a goal's progress this week: "Welcome new members 2 of 3" */
        g_string_append_printf (text, _("%s %u of %u"), goal->label, (guint) slot->achieved[i],
                                (guint) goal->target_per_week);
      else
        /* Translators: a goal counted at check-in, with no check-in yet: "Highlight posts —" */
        g_string_append_printf (text, _("%s —"), goal->label);
    }

  return g_string_free (text, FALSE);
}

/* The menu of a current ambassador's row, built when first opened: a role may list hundreds. */
static void
row_menu_popup_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  const char *member_id = g_object_get_data (G_OBJECT (button), "member-id");
  const char *assignment_id = g_object_get_data (G_OBJECT (button), "assignment-id");

  if (gtk_menu_button_get_menu_model (button) != NULL || member_id == NULL)
    return;

  menu = g_menu_new ();
  item = g_menu_item_new (_("_Check In…"), NULL);
  g_menu_item_set_action_and_target_value (item, "roles.check-in",
                                           g_variant_new_string (member_id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_End Assignment"), NULL);
  g_menu_item_set_action_and_target_value (item, "roles.end-assignment",
                                           g_variant_new_string (assignment_id));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The rows of the current ambassadors are kept and re-bound, never rebuilt: switching between
 * roles of hundreds of ambassadors only changes their text (the bench's 50 ms budget). */
typedef struct
{
  GtkWidget *row;
  GtkWidget *name;
  GtkWidget *tag;
  GtkWidget *button;
  GtkWidget *menu_button;
  GtkWidget *line;
  GtkWidget *bar;
} CurrentRow;

static CurrentRow *
create_current_row (void)
{
  CurrentRow *parts = g_new0 (CurrentRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  parts->row = gtk_list_box_row_new ();
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  parts->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (parts->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (parts->name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (parts->name, TRUE);
  gtk_box_append (GTK_BOX (top), parts->name);

  parts->tag = gtk_label_new (_("Rotation due"));
  gtk_widget_add_css_class (parts->tag, "candidate-flag");
  gtk_widget_add_css_class (parts->tag, "caption");
  gtk_widget_add_css_class (parts->tag, "warning");
  gtk_widget_set_valign (parts->tag, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), parts->tag);

  parts->button = gtk_button_new_with_mnemonic (_("_Check In…"));
  gtk_widget_set_valign (parts->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (parts->button, "flat");
  /* A target before the name: the action takes a member's id. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (parts->button),
                                          g_variant_new_string (""));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (parts->button), "roles.check-in");
  gtk_box_append (GTK_BOX (top), parts->button);

  parts->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (parts->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (parts->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (parts->menu_button, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (parts->menu_button), row_menu_popup_cb,
                                         NULL, NULL);
  gtk_box_append (GTK_BOX (top), parts->menu_button);
  gtk_box_append (GTK_BOX (box), top);

  /* One line, ellipsized (the row's description holds it all): wrapping labels need
   * height-for-width passes that made hundreds of rows slow to lay out. */
  parts->line = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (parts->line), 0);
  gtk_label_set_ellipsize (GTK_LABEL (parts->line), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (parts->line, "caption");
  gtk_widget_add_css_class (parts->line, "dim-label");
  gtk_box_append (GTK_BOX (box), parts->line);

  parts->bar = make_level_bar (0, "");
  gtk_box_append (GTK_BOX (box), parts->bar);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (parts->row), box);
  g_object_set_data_full (G_OBJECT (parts->row), "parts", parts, g_free);

  return parts;
}

static void
bind_current_row (CurrentRow       *parts,
                  HearthRosterRole *role,
                  HearthRosterSlot *slot)
{
  g_autofree char *progress = format_progress (role, slot);
  g_autofree char *line = NULL;
  g_autofree char *more = NULL;
  g_autofree char *check_in = NULL;

  gtk_label_set_label (GTK_LABEL (parts->name), slot->member_name);
  gtk_widget_set_visible (parts->tag, slot->rotation_due);
  gtk_widget_set_tooltip_text (parts->tag, slot->rotation_due ? slot->ends_on : NULL);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (parts->button),
                                          g_variant_new_string (slot->member_id));
  /* Translators: a button's name for screen readers: "Check in Ada Lovelace" */
  check_in = g_strdup_printf (_("Check in %s"), slot->member_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_in,
                                  -1);

  /* Translators: the menu of one ambassador in a role: "More for Ada Lovelace" */
  more = g_strdup_printf (_("More for %s"), slot->member_name);
  gtk_widget_set_tooltip_text (parts->menu_button, more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more,
                                  -1);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (parts->menu_button), "assignment-id"), slot->id) != 0)
    {
      g_object_set_data_full (G_OBJECT (parts->menu_button), "member-id",
                              g_strdup (slot->member_id), g_free);
      g_object_set_data_full (G_OBJECT (parts->menu_button), "assignment-id",
                              g_strdup (slot->id), g_free);
      /* Built again for this slot when opened. */
      if (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (parts->menu_button)) != NULL)
        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (parts->menu_button), NULL);
    }

  if (!slot->checked_in)
    line = *progress != '\0'
      /* Translators: "No check-in" and the goals measured anyway, this week */
      ? g_strdup_printf (_("No check-in · %s"), progress)
      : g_strdup (_("No check-in"));
  else
    line = g_strdup (*progress != '\0' ? progress : _("Checked in"));
  gtk_label_set_label (GTK_LABEL (parts->line), line);
  gtk_widget_set_tooltip_text (parts->line, line);

  gtk_widget_set_visible (parts->bar, slot->completion >= 0);
  if (slot->completion >= 0)
    {
      /* Translators: for screen readers: "Goal completion 67 %" */
      g_autofree char *accessible = g_strdup_printf (_("Goal completion %.0f %%"),
                                                     slot->completion * 100);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (parts->bar), CLAMP (slot->completion, 0, 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (parts->bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, slot->member_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line,
                                  -1);
  g_object_set_data_full (G_OBJECT (parts->row), "member-id", g_strdup (slot->member_id), g_free);
  gtk_widget_set_visible (parts->row, TRUE);
}

static GtkWidget *
create_show_all_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "accent");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "show-all", GINT_TO_POINTER (TRUE));

  return row;
}

static void
update_show_all_row (GtkWidget *row,
                     guint      shown,
                     guint      n)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  /* Translators: the last row of a long list: "Show All 260" */
  g_autofree char *text = g_strdup_printf (_("Show All %u"), n);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (row, shown < n);
}

/* The rows of @list before its "Show All" row, re-bound to the first @shown items; rows are
 * added when there are too few, and left hidden when there are too many. */
static GtkWidget *
prepare_pool (GtkListBox *list,
              guint       shown,
              GtkWidget *(*create) (void))
{
  GtkWidget *more = g_object_get_data (G_OBJECT (list), "show-all-row");
  guint n = 0;

  if (more == NULL)
    {
      more = create_show_all_row ();
      gtk_list_box_append (list, more);
      g_object_set_data (G_OBJECT (list), "show-all-row", more);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL && child != more;
       child = gtk_widget_get_next_sibling (child))
    n++;
  for (; n < shown; n++)
    gtk_list_box_insert (list, create (), n);

  return more;
}

static GtkWidget *
create_current_row_widget (void)
{
  return create_current_row ()->row;
}

static GtkWidget *
create_history_row_widget (void)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
fill_current (HearthRolesPage  *self,
              HearthRosterRole *role)
{
  guint n = role->current->len;
  guint shown = self->show_all_current ? n : MIN (n, ROWS_SHOWN);
  g_autofree char *heading = NULL;
  GtkWidget *more;
  GtkWidget *child;
  guint i = 0;

  /* Translators: a heading with the number of ambassadors in the role */
  heading = g_strdup_printf (_("Current Ambassadors (%u)"), n);
  gtk_label_set_label (self->current_heading, heading);

  more = prepare_pool (self->current_list, MAX (shown, 1), create_current_row_widget);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->current_list));
       child != more;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      if (i < shown)
        bind_current_row (g_object_get_data (G_OBJECT (child), "parts"), role,
                          g_ptr_array_index (role->current, i));
      else
        gtk_widget_set_visible (child, FALSE);
    }
  update_show_all_row (more, shown, n);

  gtk_widget_set_visible (GTK_WIDGET (self->current_empty), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->current_list), n > 0);
}

static void
fill_history (HearthRolesPage  *self,
              HearthRosterRole *role)
{
  guint n = role->history->len;
  guint shown = self->show_all_history ? n : MIN (n, ROWS_SHOWN);
  GtkWidget *more;
  GtkWidget *child;
  guint i = 0;

  gtk_widget_set_visible (self->history_box, n > 0);

  more = prepare_pool (self->history_list, shown, create_history_row_widget);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list));
       child != more;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      if (i < shown)
        {
          HearthRosterSlot *slot = g_ptr_array_index (role->history, i);
          g_autofree char *title = escape (slot->member_name);
          g_autofree char *dates = NULL;

          /* Translators: an ended assignment's dates: "2026-01-05 – 2026-03-30" */
          dates = g_strdup_printf (_("%s – %s"), slot->starts_on,
                                   slot->ended_on != NULL ? slot->ended_on : "");
          /* Titles are markup on libadwaita 1.2. */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), dates);
          gtk_widget_set_visible (child, TRUE);
        }
      else
        gtk_widget_set_visible (child, FALSE);
    }
  update_show_all_row (more, shown, n);
}

static void
update_actions (HearthRolesPage *self)
{
  HearthRosterRole *role = get_selected_role (self);
  gboolean ready = hearth_page_get_store (HEARTH_PAGE (self)) != NULL &&
                   hearth_page_get_program (HEARTH_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.new-from-preset", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.new-custom", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.edit", role != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.assign", role != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.delete", role != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roles.open-toolkit",
                                 role != NULL && role->toolkit != NULL && *role->toolkit != '\0');
}

typedef struct
{
  gint64  start;
  gulong  handler;
} PaintTiming;

/* For the bench: how long until the new detail is on screen, layout and drawing included. */
static void
after_paint_cb (GdkFrameClock *clock,
                PaintTiming   *timing)
{
  g_debug ("… and on screen after %.1f ms", (g_get_monotonic_time () - timing->start) / 1000.0);
  g_signal_handler_disconnect (clock, timing->handler);
}

static void
time_until_painted (HearthRolesPage *self,
                    gint64           start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  PaintTiming *timing;

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  timing = g_new0 (PaintTiming, 1);
  timing->start = start;
  timing->handler = g_signal_connect_data (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                           timing, (GClosureNotify) (void (*) (void)) g_free, 0);
}

static void
update_detail (HearthRolesPage *self)
{
  HearthRosterRole *role = get_selected_role (self);
  gint64 start = g_get_monotonic_time ();
  g_autofree char *preset = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *term = NULL;
  const char *name;

  update_actions (self);

  if (role == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  gtk_label_set_label (self->name_label, role->name);
  name = preset_name (role->preset);
  if (name != NULL && g_strcmp0 (name, role->name) != 0)
    /* Translators: under a role's name: the template it was made from */
    preset = g_strdup_printf (_("From the “%s” template"), name);
  else if (name == NULL)
    preset = g_strdup (_("Custom role"));
  gtk_label_set_label (self->preset_label, preset != NULL ? preset : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preset_label), preset != NULL);

  if (role->purpose != NULL && *role->purpose != '\0')
    {
      gtk_label_set_label (self->purpose_label, role->purpose);
      gtk_widget_remove_css_class (GTK_WIDGET (self->purpose_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->purpose_label,
                           _("No purpose yet. Say how this role serves the community."));
      gtk_widget_add_css_class (GTK_WIDGET (self->purpose_label), "dim-label");
    }
  gtk_label_set_label (self->description_label, role->description != NULL ? role->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          role->description != NULL && *role->description != '\0');

  if (role->toolkit != NULL && *role->toolkit != '\0')
    {
      g_autofree char *markup = toolkit_to_markup (role->toolkit);

      gtk_label_set_markup (self->toolkit_label, markup);
      gtk_widget_remove_css_class (GTK_WIDGET (self->toolkit_label), "dim-label");
    }
  else
    /* Plain text: set_text also turns markup off until the next toolkit. */
    gtk_label_set_text (self->toolkit_label,
                        _("No toolkit yet. A short guide with links helps new ambassadors start."));
  if (role->toolkit == NULL || *role->toolkit == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->toolkit_label), "dim-label");

  if (role->capacity > 0)
    capacity = g_strdup_printf (ngettext ("%u ambassador", "%u ambassadors", (gulong) role->capacity),
                                (guint) role->capacity);
  else
    capacity = g_strdup (C_("capacity", "No limit"));
  gtk_label_set_label (self->capacity_label, capacity);

  if (role->term_weeks > 0)
    term = g_strdup_printf (ngettext ("Rotates every week", "Rotates every %u weeks",
                                      (gulong) role->term_weeks),
                            (guint) role->term_weeks);
  else
    term = g_strdup (_("No set rotation"));
  gtk_label_set_label (self->term_label, term);
  gtk_label_set_label (self->review_label,
                       role->review_by != NULL ? role->review_by : C_("review by", "Not set"));

  fill_warnings (self, role);
  fill_goals (self, role);
  fill_current (self, role);
  fill_history (self, role);

  g_debug ("Detail of a role with %u current and %u past assignments built in %.1f ms",
           role->current->len, role->history->len,
           (g_get_monotonic_time () - start) / 1000.0);
  time_until_painted (self, start);
}

/* Loading ---------------------------------------------------------------------------------- */

/* On a worker thread: @data is { program id, week (nullable) }. */
static gpointer
read_roster (HearthDatabase  *db,
             gpointer         data,
             GCancellable    *cancellable,
             GError         **error)
{
  const char * const *args = data;
  gint64 start = g_get_monotonic_time ();
  HearthRoster *roster = hearth_roster_load (db, args[0], args[1], cancellable, error);

  if (roster != NULL)
    g_debug ("Roster of %u roles and %u ambassadors read in %.1f ms",
             roster->roles->len, roster->ambassadors->len,
             (g_get_monotonic_time () - start) / 1000.0);

  return roster;
}

static GCancellable *
start_load (HearthRolesPage     *self,
            const char          *week,
            GAsyncReadyCallback  callback)
{
  GCancellable *cancellable = g_cancellable_new ();
  char **args = g_new0 (char *, 3);

  args[0] = g_strdup (hearth_page_get_program_id (HEARTH_PAGE (self)));
  args[1] = g_strdup (week);
  hearth_page_read_async (HEARTH_PAGE (self), read_roster, args, (GDestroyNotify) g_strfreev,
                          (GDestroyNotify) hearth_roster_free, cancellable, callback,
                          hearth_weak_ref_new (self));

  return cancellable;
}

static void
show_roster (HearthRolesPage *self,
             HearthRoster    *roster)
{
  g_clear_pointer (&self->roster, hearth_roster_free);
  self->roster = roster;

  /* The week view follows the current week unless another one was asked for. */
  if (self->week != NULL && g_strcmp0 (self->week, roster->iso_week) == 0)
    g_clear_pointer (&self->week, g_free);

  fill_role_list (self);
  hearth_ambassadors_view_set_roster (self->ambassadors_view, roster);
  if (self->week == NULL)
    hearth_week_view_set_roster (self->week_view, roster);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, roster->roles->len > 0 ? "views" : "empty");
}

static void
roster_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HearthRolesPage) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthRoster) roster = hearth_page_read_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* A newer load replaced this one, or the page went away. */
  if (self == NULL || cancellable != self->loading || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->loading);

  if (roster == NULL)
    {
      g_warning ("Could not read the roles: %s", error->message);
      gtk_spinner_stop (self->spinner);
      if (self->roster == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (g_strcmp0 (roster->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0)
    return;

  show_roster (self, g_steal_pointer (&roster));
}

static void
week_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HearthRolesPage) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthRoster) roster = hearth_page_read_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  if (self == NULL || cancellable != self->week_loading || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->week_loading);

  if (roster == NULL)
    {
      g_warning ("Could not read the week: %s", error->message);
      return;
    }

  if (g_strcmp0 (roster->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0 ||
      g_strcmp0 (roster->iso_week, self->week) != 0)
    return;

  hearth_week_view_set_roster (self->week_view, roster);
}

static void
cancel_loads (HearthRolesPage *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->week_loading != NULL)
    g_cancellable_cancel (self->week_loading);
  g_clear_object (&self->week_loading);
}

static void
reload_week (HearthRolesPage *self)
{
  if (self->week_loading != NULL)
    g_cancellable_cancel (self->week_loading);
  g_clear_object (&self->week_loading);

  if (self->week == NULL || hearth_page_get_store (HEARTH_PAGE (self)) == NULL ||
      hearth_page_get_program_id (HEARTH_PAGE (self)) == NULL)
    return;

  self->week_loading = start_load (self, self->week, week_loaded_cb);
}

/* HearthPage's reload vfunc: the page is shown. */
static void
reload (HearthPage *page)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (page);

  cancel_loads (self);

  if (hearth_page_get_store (page) == NULL || hearth_page_get_program_id (HEARTH_PAGE (self)) == NULL)
    return;

  if (self->roster == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->loading = start_load (self, NULL, roster_loaded_cb);
  reload_week (self);
}

static void
clear_roster (HearthRolesPage *self)
{
  g_clear_pointer (&self->roster, hearth_roster_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->week, g_free);
  hearth_ambassadors_view_set_roster (self->ambassadors_view, NULL);
  hearth_week_view_set_roster (self->week_view, NULL);
  fill_role_list (self);
}

static void
program_changed_cb (HearthRolesPage *self)
{
  if (self->roster != NULL && g_strcmp0 (self->roster->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0)
    clear_roster (self);
  update_actions (self);
  hearth_page_reload (HEARTH_PAGE (self));
}

static void
store_set_cb (HearthRolesPage *self)
{
  update_actions (self);
  hearth_page_reload (HEARTH_PAGE (self));
}

/* Callbacks -------------------------------------------------------------------------------- */

static void
role_selected_cb (HearthRolesPage *self,
                  GtkListBoxRow   *row)
{
  const char *id;

  if (self->filling || row == NULL)
    return;

  id = g_object_get_data (G_OBJECT (row), "role-id");
  if (g_strcmp0 (id, self->selected_id) != 0)
    {
      self->show_all_current = FALSE;
      self->show_all_history = FALSE;
      g_free (self->selected_id);
      self->selected_id = g_strdup (id);
    }
  update_detail (self);
}

static void
role_activated_cb (HearthRolesPage *self,
                   GtkListBoxRow   *row)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
current_activated_cb (HearthRolesPage *self,
                      GtkListBoxRow   *row)
{
  const char *member_id = g_object_get_data (G_OBJECT (row), "member-id");

  if (g_object_get_data (G_OBJECT (row), "show-all") != NULL)
    {
      HearthRosterRole *role = get_selected_role (self);

      self->show_all_current = TRUE;
      if (role != NULL)
        fill_current (self, role);
      return;
    }

  if (member_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "roles.check-in", "s", member_id);
}

static void
history_activated_cb (HearthRolesPage *self,
                      GtkListBoxRow   *row)
{
  HearthRosterRole *role = get_selected_role (self);

  if (role != NULL && g_object_get_data (G_OBJECT (row), "show-all") != NULL)
    {
      self->show_all_history = TRUE;
      fill_history (self, role);
    }
}

static void
leaflet_folded_cb (HearthRolesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Hidden, not only unrevealed: an unfolded pane starts right at the top. */
  gtk_widget_set_visible (self->back_revealer, folded);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->back_revealer), folded);
}

static void
back_clicked_cb (HearthRolesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->role_list));
}

static void
view_changed_cb (HearthRolesPage *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "roles") == 0)
    g_object_set (self->search_entry, "placeholder-text", _("Search roles"), NULL);
  else
    g_object_set (self->search_entry, "placeholder-text", _("Search by name, role or warning"),
                  NULL);
}

static void
search_changed_cb (HearthRolesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);

  gtk_list_box_invalidate_filter (self->role_list);
  update_count (self);
  hearth_ambassadors_view_set_search (self->ambassadors_view, text != NULL ? text : "");
  hearth_week_view_set_search (self->week_view, text != NULL ? text : "");

  /* Keep a visible role selected while the list narrows. */
  if (self->search != NULL)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->role_list);

      if (row == NULL || !filter_role_row (row, self))
        {
          row = first_shown_role_row (self);
          if (row != NULL)
            gtk_list_box_select_row (self->role_list, row);
        }
    }
}

/* Enter in the search opens the first matching role. */
static void
search_activate_cb (HearthRolesPage *self)
{
  GtkListBoxRow *row;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "roles") != 0)
    return;

  row = first_shown_role_row (self);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->role_list, row);
  role_activated_cb (self, row);
}

static void
stop_search_cb (HearthRolesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
ambassador_check_in_cb (HearthRolesPage *self,
                        const char      *member_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "roles.check-in", "s", member_id);
}

/* An ambassador activated in the Ambassadors view: their first role, in the Roles view. */
static void
ambassador_activated_cb (HearthRolesPage *self,
                         const char      *member_id)
{
  HearthRosterAmbassador *ambassador = self->roster != NULL
    ? hearth_roster_lookup_member (self->roster, member_id) : NULL;
  HearthRosterSlot *slot;

  if (ambassador == NULL || ambassador->slots == NULL || ambassador->slots->len == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "roles.check-in", "s", member_id);
      return;
    }

  slot = g_ptr_array_index (ambassador->slots, 0);
  adw_view_stack_set_visible_child_name (self->view_stack, "roles");
  select_role (self, slot->role_id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
open_checkin (HearthRolesPage *self,
              const char      *member_id,
              const char      *iso_week)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));

  if (store != NULL && program != NULL && member_id != NULL)
    present (hearth_checkin_dialog_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program, member_id,
                                        iso_week));
}

static void
week_check_in_cb (HearthRolesPage *self,
                  const char      *member_id,
                  const char      *iso_week)
{
  open_checkin (self, member_id, iso_week);
}

static void
week_requested_cb (HearthRolesPage *self,
                   const char      *iso_week)
{
  g_clear_pointer (&self->week, g_free);

  if (self->roster != NULL && g_strcmp0 (iso_week, self->roster->iso_week) == 0)
    {
      if (self->week_loading != NULL)
        g_cancellable_cancel (self->week_loading);
      g_clear_object (&self->week_loading);
      hearth_week_view_set_roster (self->week_view, self->roster);
      return;
    }

  self->week = g_strdup (iso_week);
  reload_week (self);
}

static gboolean
page_is_shown (HearthRolesPage *self)
{
  return gtk_widget_is_drawable (GTK_WIDGET (self));
}

static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);

  /* The controller is managed by the window: only the page on show answers. */
  if (!page_is_shown (self) || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "views") != 0)
    return FALSE;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return TRUE;
}

static gboolean
new_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  const char *shown = gtk_stack_get_visible_child_name (self->stack);

  if (!page_is_shown (self))
    return FALSE;

  if (g_strcmp0 (shown, "empty") == 0)
    gtk_menu_button_popup (self->empty_new_button);
  else if (g_strcmp0 (shown, "views") == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "roles");
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
      gtk_menu_button_popup (self->new_button);
    }
  else
    return FALSE;

  return TRUE;
}

/* Page actions answer only while the page and its roles are shown. */
static gboolean
action_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  const char *action = user_data;

  if (!page_is_shown (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "views") != 0 ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "roles") != 0 ||
      get_selected_role (self) == NULL)
    return FALSE;

  /* Delete only from the role list itself: it must never steal the key from a text field. */
  if (g_str_equal (action, "roles.delete"))
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->role_list)))
        return FALSE;
    }

  return gtk_widget_activate_action (widget, action, NULL);
}

/* Actions ---------------------------------------------------------------------------------- */

typedef struct
{
  GWeakRef  *page;
  char      *program_id;
  char      *id;          /* the preset, then the new role; or the assignment */
  char      *day;
  char      *title;       /* the toast's, already escaped */
} Job;

static void
job_free (Job *job)
{
  hearth_weak_ref_clear (&job->page);
  g_free (job->program_id);
  g_free (job->id);
  g_free (job->day);
  g_free (job->title);
  g_free (job);
}

static gboolean
create_role_job (HearthDatabase  *db,
                 gpointer         data,
                 GError         **error)
{
  Job *job = data;
  g_autofree char *preset = g_steal_pointer (&job->id);

  return hearth_role_create_from_preset (db, job->program_id, preset, &job->id, error);
}

static void
role_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(HearthRolesPage) self = hearth_weak_ref_take (&job->page);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      if (self != NULL)
        hearth_page_add_error_toast (HEARTH_PAGE (self), _("Could not create the role"), error);
      job_free (job);
      return;
    }

  if (self != NULL)
    {
      /* The reload that ::changed scheduled selects it. */
      g_free (self->selected_id);
      self->selected_id = g_strdup (job->id);
      self->show_all_current = FALSE;
      self->show_all_history = FALSE;
      adw_view_stack_set_visible_child_name (self->view_stack, "roles");

      toast = adw_toast_new (job->title);
      hearth_page_add_toast (HEARTH_PAGE (self), toast);
    }
  job_free (job);
}

static void
new_from_preset_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  const char *preset = g_variant_get_string (parameter, NULL);
  const HearthRolePreset *template = hearth_role_preset_lookup (preset);
  g_autofree char *escaped = NULL;
  Job *job;

  if (store == NULL || hearth_page_get_program_id (HEARTH_PAGE (self)) == NULL || template == NULL)
    return;

  job = g_new0 (Job, 1);
  job->page = hearth_weak_ref_new (self);
  job->program_id = g_strdup (hearth_page_get_program_id (HEARTH_PAGE (self)));
  job->id = g_strdup (preset);
  /* Toast titles are markup on libadwaita 1.2. */
  escaped = g_markup_escape_text (_(template->name), -1);
  /* Translators: a toast; %s is the new role's name */
  job->title = g_strdup_printf (_("Role “%s” created"), escaped);

  /* The job data stays with the result; role_created_cb frees it. */
  hearth_store_write_async (store, create_role_job, job, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            role_created_cb, job);
}

static void
role_saved_cb (HearthRolesPage *self,
               const char      *role_id)
{
  g_free (self->selected_id);
  self->selected_id = g_strdup (role_id);
  if (self->roster != NULL && find_role_row (self, role_id) != NULL)
    select_role (self, role_id);
}

static void
open_role_editor (HearthRolesPage *self,
                  const char      *role_id)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));
  GtkWindow *editor;

  if (store == NULL || program == NULL)
    return;

  editor = hearth_role_editor_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program, role_id);
  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (role_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

static void
new_custom_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_role_editor (HEARTH_ROLES_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  HearthRosterRole *role = get_selected_role (self);

  if (role != NULL)
    open_role_editor (self, role->id);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));
  HearthRosterRole *role = get_selected_role (self);

  if (store != NULL && program != NULL && role != NULL)
    present (hearth_assign_dialog_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program, role->id));
}

static void
role_deleted_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(HearthRolesPage) self = hearth_weak_ref_take (&job->page);
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      if (self != NULL)
        hearth_page_add_error_toast (HEARTH_PAGE (self), _("Could not delete the role"), error);
      job_free (job);
      return;
    }

  if (self != NULL)
    hearth_page_add_undo_toast (HEARTH_PAGE (self), job->title, "win.undo-delete-record",
                    g_variant_new ("(ss)", "role", job->id));
  job_free (job);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthRosterRole *role = get_selected_role (self);
  g_autofree char *escaped = NULL;
  Job *job;

  if (store == NULL || role == NULL)
    return;

  job = g_new0 (Job, 1);
  job->page = hearth_weak_ref_new (self);
  job->id = g_strdup (role->id);
  escaped = g_markup_escape_text (role->name, -1);
  /* Translators: a toast with Undo; %s is a role's name */
  job->title = g_strdup_printf (_("Role “%s” deleted"), escaped);

  /* A tombstone: Undo restores it, with its goals and assignments untouched. */
  hearth_store_delete_async (store, "role", role->id, TRUE, NULL, role_deleted_cb, job);
}

static gboolean
end_assignment_job (HearthDatabase  *db,
                    gpointer         data,
                    GError         **error)
{
  Job *job = data;

  return hearth_assignment_end (db, job->id, job->day, error);
}

static void
assignment_ended_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(HearthRolesPage) self = hearth_weak_ref_take (&job->page);
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      if (self != NULL)
        hearth_page_add_error_toast (HEARTH_PAGE (self), _("Could not end the assignment"), error);
      job_free (job);
      return;
    }

  if (self != NULL)
    hearth_page_add_undo_toast (HEARTH_PAGE (self), job->title, "win.undo-end-assignment", g_variant_new_string (job->id));
  job_free (job);
}

static HearthRosterSlot *
find_slot (HearthRoster *roster,
           const char   *assignment_id)
{
  for (guint i = 0; roster != NULL && i < roster->roles->len; i++)
    {
      HearthRosterRole *role = g_ptr_array_index (roster->roles, i);

      for (guint j = 0; j < role->current->len; j++)
        {
          HearthRosterSlot *slot = g_ptr_array_index (role->current, j);

          if (g_strcmp0 (slot->id, assignment_id) == 0)
            return slot;
        }
    }

  return NULL;
}

static void
end_assignment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthRosterSlot *slot = find_slot (self->roster, g_variant_get_string (parameter, NULL));
  g_autofree char *member = NULL;
  g_autofree char *role = NULL;
  Job *job;

  if (store == NULL || slot == NULL)
    return;

  job = g_new0 (Job, 1);
  job->page = hearth_weak_ref_new (self);
  job->id = g_strdup (slot->id);
  job->day = g_strdup (self->roster->reference_day);
  member = g_markup_escape_text (slot->member_name, -1);
  role = g_markup_escape_text (slot->role_name, -1);
  /* Translators: a toast with Undo: "Ada Lovelace left Welcome Team" */
  job->title = g_strdup_printf (_("%s left %s"), member, role);

  hearth_store_write_async (store, end_assignment_job, job, NULL, HEARTH_WRITE_FLAGS_NONE, NULL,
                            assignment_ended_cb, job);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_checkin (HEARTH_ROLES_PAGE (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
open_toolkit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HearthRolesPage *self = HEARTH_ROLES_PAGE (widget);
  HearthRosterRole *role = get_selected_role (self);
  g_autofree char *markup = NULL;
  GtkWidget *window, *box, *header, *title, *scroller, *label;
  GtkEventController *shortcuts;

  if (role == NULL || role->toolkit == NULL)
    return;

  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), hearth_page_get_window (HEARTH_PAGE (self)));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 560);
  gtk_window_set_title (GTK_WINDOW (window), _("Toolkit"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Toolkit"), role->name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  markup = toolkit_to_markup (role->toolkit);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  g_signal_connect (label, "activate-link", G_CALLBACK (show_uri), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Toolkit"),
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 g_object_new (ADW_TYPE_CLAMP, "child", label, NULL));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));
}

/* The New Role menu: each template in one click, or a custom role in the editor. */
static GMenu *
build_new_role_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) presets = g_menu_new ();
  g_autoptr(GMenu) custom = g_menu_new ();
  const HearthRolePreset *templates;
  guint n = 0;

  templates = hearth_role_presets_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(templates[i].name), NULL);

      g_menu_item_set_action_and_target_value (item, "roles.new-from-preset",
                                               g_variant_new_string (templates[i].preset));
      g_menu_append_item (presets, item);
    }
  g_menu_append (custom, _("_Custom Role…"), "roles.new-custom");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (presets));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (custom));

  return menu;
}

/* GObject ---------------------------------------------------------------------------------- */

static void
hearth_roles_page_dispose (GObject *object)
{
  HearthRolesPage *self = (HearthRolesPage *)object;

  cancel_loads (self);

  G_OBJECT_CLASS (hearth_roles_page_parent_class)->dispose (object);

  g_clear_object (&self->new_role_menu);
  g_clear_pointer (&self->roster, hearth_roster_free);
}

static void
hearth_roles_page_finalize (GObject *object)
{
  HearthRolesPage *self = (HearthRolesPage *)object;

  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->week, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (hearth_roles_page_parent_class)->finalize (object);
}

static void
hearth_roles_page_class_init (HearthRolesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_roles_page_dispose;
  object_class->finalize = hearth_roles_page_finalize;

  HEARTH_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (HEARTH_TYPE_AMBASSADORS_VIEW);
  g_type_ensure (HEARTH_TYPE_WEEK_VIEW);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/roles/hearth-roles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, ambassadors_view);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, current_heading);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, current_empty);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, current_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, history_box);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, preset_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, purpose_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, role_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, term_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, toolkit_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRolesPage, week_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, ambassador_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, ambassador_check_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, week_check_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, week_requested_cb);

  gtk_widget_class_install_action (widget_class, "roles.new-from-preset", "s",
                                   new_from_preset_action);
  gtk_widget_class_install_action (widget_class, "roles.new-custom", NULL, new_custom_action);
  gtk_widget_class_install_action (widget_class, "roles.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "roles.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "roles.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "roles.end-assignment", "s",
                                   end_assignment_action);
  gtk_widget_class_install_action (widget_class, "roles.check-in", "s", check_in_action);
  gtk_widget_class_install_action (widget_class, "roles.open-toolkit", NULL, open_toolkit_action);
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
hearth_roles_page_init (HearthRolesPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a template child: gtk_widget_dispose_template() would unparent it behind AdwBin's back. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->new_role_menu = build_new_role_menu ();
  gtk_menu_button_set_menu_model (self->new_button, G_MENU_MODEL (self->new_role_menu));
  gtk_menu_button_set_menu_model (self->empty_new_button, G_MENU_MODEL (self->new_role_menu));

  gtk_list_box_set_filter_func (self->role_list, filter_role_row, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->role_list));

  /* Managed by the window, so they work wherever the focus is; each checks the page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", search_shortcut_cb, NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>n", new_shortcut_cb, NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>e", action_shortcut_cb,
                "roles.edit");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>a", action_shortcut_cb,
                "roles.assign");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>t", action_shortcut_cb,
                "roles.open-toolkit");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Delete", action_shortcut_cb, "roles.delete");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect (self, "notify::program", G_CALLBACK (program_changed_cb), NULL);
  g_signal_connect (self, "notify::store", G_CALLBACK (store_set_cb), NULL);

  leaflet_folded_cb (self);
  view_changed_cb (self);
  update_count (self);
  update_detail (self);
}
