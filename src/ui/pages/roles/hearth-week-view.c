/* hearth-week-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One ISO week of every active assignment: a GtkListView (thousands of rows) of
 * HearthWeekItems, copies made by set_roster() because the page frees the roster on its next
 * reload. A missing check-in is not an error: the row says "No check-in" and offers Check In….
 */

#define G_LOG_DOMAIN "hearth-week-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-week-view.h"
#include "hearth-util.h"
#include "hearth-list-store.h"
#include "hearth-ui-text.h"

/* HearthWeekItem: one active assignment in the shown week */

#define HEARTH_TYPE_WEEK_ITEM (hearth_week_item_get_type ())
G_DECLARE_FINAL_TYPE (HearthWeekItem, hearth_week_item, HEARTH, WEEK_ITEM, GObject)

struct _HearthWeekItem
{
  GObject    parent_instance;

  char      *member_id;
  char      *member_name;
  char      *role_name;
  char      *sort_key;      /* collation keys of the member and role names */
  char      *goals;         /* "Welcome newcomers: 2 of 3 · Posts: 1 of 2"; "" without goals */
  guint      n_goals;
  double     completion;    /* 0–1; -1 when unknown */
  gboolean   checked_in;
  char      *folded;        /* what search looks at, folded */
};

G_DEFINE_FINAL_TYPE (HearthWeekItem, hearth_week_item, G_TYPE_OBJECT)

static void
hearth_week_item_finalize (GObject *object)
{
  HearthWeekItem *self = (HearthWeekItem *)object;

  g_free (self->member_id);
  g_free (self->member_name);
  g_free (self->role_name);
  g_free (self->sort_key);
  g_free (self->goals);
  g_free (self->folded);

  G_OBJECT_CLASS (hearth_week_item_parent_class)->finalize (object);
}

static void
hearth_week_item_class_init (HearthWeekItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_week_item_finalize;
}

static void
hearth_week_item_init (HearthWeekItem *self)
{
}

static HearthWeekItem *
hearth_week_item_new (const HearthRosterSlot *slot,
                      const HearthRosterRole *role)
{
  HearthWeekItem *self = g_object_new (HEARTH_TYPE_WEEK_ITEM, NULL);
  g_autoptr(GString) goals = g_string_new (NULL);
  g_autoptr(GString) search = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *role_key = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_role = NULL;

  self->member_id = g_strdup (slot->member_id);
  self->member_name = g_strdup (slot->member_name != NULL ? slot->member_name : "");
  self->role_name = g_strdup (slot->role_name != NULL ? slot->role_name
                                                      : (role != NULL ? role->name : ""));
  /* Accents aside, so Émile sorts with the E's even in the C locale. */
  folded_name = hearth_text_fold (self->member_name);
  folded_role = hearth_text_fold (self->role_name);
  name_key = g_utf8_collate_key (folded_name, -1);
  role_key = g_utf8_collate_key (folded_role, -1);
  self->sort_key = g_strconcat (name_key, "\001", role_key, NULL);
  self->completion = slot->completion;
  self->checked_in = slot->checked_in;

  for (guint i = 0; role != NULL && role->goals != NULL && i < role->goals->len; i++)
    {
      const HearthRosterGoal *goal = g_ptr_array_index (role->goals, i);
      gint64 achieved = i < slot->n_achieved && slot->achieved != NULL ? slot->achieved[i] : -1;
      g_autofree char *count = NULL;
      g_autofree char *progress = NULL;

      count = achieved >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, achieved) : g_strdup ("—");
      if (goal->target_per_week > 0)
        {
          g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT, goal->target_per_week);

          /* Translators: a goal's progress this week: "2 of 3"; the first may be "—" when it
           * was not counted */
          progress = g_strdup_printf (_("%s of %s"), count, target);
        }
      else
        progress = g_steal_pointer (&count);

      if (goals->len > 0)
        /* Translators: between the goals of one row: "Welcome newcomers: 2 of 3 · Posts: 1 of 2" */
        g_string_append (goals, _(" · "));
      /* Translators: a goal and its progress: "Welcome newcomers: 2 of 3" */
      g_string_append_printf (goals, _("%s: %s"), goal->label != NULL ? goal->label : "", progress);
      self->n_goals++;
    }
  self->goals = g_strdup (goals->str);

  search = g_string_new (self->member_name);
  g_string_append_c (search, '\n');
  g_string_append (search, self->role_name);
  self->folded = hearth_text_fold (search->str);

  return self;
}

/* The same assignment, in the same place of the order. */
static gboolean
hearth_week_item_same_row (gconstpointer x,
                           gconstpointer y)
{
  const HearthWeekItem *a = x, *b = y;

  return g_strcmp0 (a->sort_key, b->sort_key) == 0;
}

static gboolean
hearth_week_item_equal (gconstpointer x,
                        gconstpointer y)
{
  const HearthWeekItem *a = x, *b = y;

  return g_strcmp0 (a->member_id, b->member_id) == 0 &&
         g_strcmp0 (a->member_name, b->member_name) == 0 &&
         g_strcmp0 (a->role_name, b->role_name) == 0 &&
         g_strcmp0 (a->goals, b->goals) == 0 &&
         a->n_goals == b->n_goals &&
         a->completion == b->completion &&
         a->checked_in == b->checked_in;
}

/* The view */

struct _HearthWeekView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkListView        *list_view;
  GtkStack           *stack;
  GtkLabel           *summary_label;
  GtkLabel           *title_label;

  /* owned */
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkNoSelection     *selection;
  char               *search;        /* folded; NULL when empty */
  char               *iso_week;      /* the week shown; NULL without a roster */
  char               *current_week;  /* the reference day's week */
};

G_DEFINE_FINAL_TYPE (HearthWeekView, hearth_week_view, ADW_TYPE_BIN)

enum {
  SIGNAL_WEEK_REQUESTED,
  SIGNAL_CHECK_IN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  HearthWeekView *self = user_data;
  HearthWeekItem *item = object;

  return self->search == NULL || strstr (item->folded, self->search) != NULL;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const HearthWeekItem *item_a = *(HearthWeekItem * const *) a;
  const HearthWeekItem *item_b = *(HearthWeekItem * const *) b;

  return strcmp (item_a->sort_key, item_b->sort_key);
}

static void
update_stack (HearthWeekView *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The week before or after @iso_week: 2026-W01 - 1 is 2025-W52. */
static char *
shift_week (const char *iso_week,
            int         weeks)
{
  GDate monday;
  char out[9];

  if (!hearth_iso_week_bounds (iso_week, &monday, NULL))
    return NULL;

  if (weeks < 0)
    g_date_subtract_days (&monday, 7 * -weeks);
  else
    g_date_add_days (&monday, 7 * weeks);
  hearth_iso_week_of (&monday, out);

  return g_strdup (out);
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_utc (g_date_get_year (date),
                                                       g_date_get_month (date),
                                                       g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (datetime, format);
}

/**
 * hearth_week_view_format_title:
 * @iso_week: an ISO week, YYYY-Www
 *
 * Returns: (transfer full) (nullable): "Week 47 · 16–22 November 2026", or NULL when
 *   @iso_week is not a week
 */
char *
hearth_week_view_format_title (const char *iso_week)
{
  GDate monday, sunday;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *span = NULL;

  if (!hearth_iso_week_bounds (iso_week, &monday, &sunday))
    return NULL;

  /* Translators: the last day of a week's span, a strftime format: "22 November 2026"
   * xgettext:no-c-format */
  last = format_day (&sunday, C_("week span", "%-d %B %Y"));
  if (g_date_get_year (&monday) != g_date_get_year (&sunday))
    /* Translators: the first day of a week's span that ends in the next year, a strftime
     * format: "29 December 2025"; xgettext:no-c-format */
    first = format_day (&monday, C_("week span", "%-d %B %Y"));
  else if (g_date_get_month (&monday) != g_date_get_month (&sunday))
    /* Translators: the first day of a week's span that ends in the next month, a strftime
     * format: "30 November"; xgettext:no-c-format */
    first = format_day (&monday, C_("week span", "%-d %B"));
  else
    /* Translators: the first day of a week's span within one month, a strftime format: "16"
     * xgettext:no-c-format */
    first = format_day (&monday, C_("week span", "%-d"));

  if (g_date_get_month (&monday) == g_date_get_month (&sunday))
    /* Translators: a week's span within one month: "16–22 November 2026" */
    span = g_strdup_printf (C_("week span", "%s–%s"), first, last);
  else
    /* Translators: a week's span across two months: "30 November – 6 December 2026" */
    span = g_strdup_printf (C_("week span", "%s – %s"), first, last);

  /* Translators: the week view's title: the ISO week number and its days,
   * "Week 47 · 16–22 November 2026" */
  return g_strdup_printf (_("Week %u · %s"),
                          (guint) g_ascii_strtoull (iso_week + 6, NULL, 10), span);
}

static void
update_header (HearthWeekView *self)
{
  g_autofree char *title = hearth_week_view_format_title (self->iso_week);
  gboolean valid = title != NULL;

  gtk_label_set_label (self->title_label, valid ? title : _("No Week"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.previous", valid);
  /* No future weeks: check-ins cover weeks that have happened. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.next",
                                 valid && self->current_week != NULL &&
                                 g_strcmp0 (self->iso_week, self->current_week) < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.this-week",
                                 self->current_week != NULL &&
                                 g_strcmp0 (self->iso_week, self->current_week) != 0);
}

static void
update_summary (HearthWeekView *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);
  guint n_checked = 0, n_completion = 0;
  double completion = 0;
  g_autofree char *checked = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthWeekItem) item = g_list_model_get_item (model, i);

      if (item->checked_in)
        n_checked++;
      if (item->completion >= 0)
        {
          completion += item->completion;
          n_completion++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  if (n == 0)
    return;

  /* Translators: how many of the week's active assignments have a check-in: "12 of 18 checked in" */
  checked = g_strdup_printf (ngettext ("%u of %u checked in", "%u of %u checked in", n),
                             n_checked, n);
  if (n_completion > 0)
    /* Translators: the week view's summary: "12 of 18 checked in · average completion 74 %" */
    summary = g_strdup_printf (_("%s · average completion %.0f %%"), checked,
                               100 * completion / n_completion);

  gtk_label_set_label (self->summary_label, summary != NULL ? summary : checked);
}

static void
request_week (HearthWeekView *self,
              const char     *iso_week)
{
  if (iso_week != NULL)
    g_signal_emit (self, signals[SIGNAL_WEEK_REQUESTED], 0, iso_week);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthWeekView *self = HEARTH_WEEK_VIEW (widget);
  g_autofree char *week = shift_week (self->iso_week, -1);

  request_week (self, week);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthWeekView *self = HEARTH_WEEK_VIEW (widget);
  g_autofree char *week = shift_week (self->iso_week, 1);

  request_week (self, week);
}

static void
this_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HearthWeekView *self = HEARTH_WEEK_VIEW (widget);

  request_week (self, self->current_week);
}

static void
check_in_clicked_cb (GtkButton   *button,
                     GtkListItem *list_item)
{
  GtkWidget *widget = gtk_widget_get_ancestor (GTK_WIDGET (button), HEARTH_TYPE_WEEK_VIEW);
  HearthWeekItem *item = gtk_list_item_get_item (list_item);

  if (widget != NULL && item != NULL && HEARTH_WEEK_VIEW (widget)->iso_week != NULL)
    g_signal_emit (widget, signals[SIGNAL_CHECK_IN], 0, item->member_id,
                   HEARTH_WEEK_VIEW (widget)->iso_week);
}

/* Return (or a double click) on a row is its Check In…. */
static void
row_activated_cb (HearthWeekView *self,
                  guint           position)
{
  g_autoptr(HearthWeekItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                          position);

  if (item != NULL && self->iso_week != NULL)
    g_signal_emit (self, signals[SIGNAL_CHECK_IN], 0, item->member_id, self->iso_week);
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *role = gtk_label_new (NULL);
  GtkWidget *no_checkin = gtk_label_new (_("No check-in"));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Check In…"));
  GtkWidget *goals = gtk_label_new (NULL);
  GtkWidget *progress = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *percent = gtk_label_new (NULL);
  GtkWidget *no_goals = gtk_label_new (_("No goals"));

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_label_set_ellipsize (GTK_LABEL (role), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), role);

  gtk_widget_add_css_class (no_checkin, "dim-label");
  gtk_widget_add_css_class (no_checkin, "caption");
  gtk_widget_set_valign (no_checkin, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (check_in_clicked_cb), list_item);

  gtk_box_append (GTK_BOX (top), names);
  gtk_box_append (GTK_BOX (top), no_checkin);
  gtk_box_append (GTK_BOX (top), button);

  gtk_label_set_xalign (GTK_LABEL (goals), 0);
  gtk_label_set_wrap (GTK_LABEL (goals), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (goals), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (goals, "caption");

  /* A completion, not a battery: no low/high colours. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (percent), 5);
  gtk_label_set_xalign (GTK_LABEL (percent), 1);
  gtk_widget_add_css_class (percent, "numeric");
  gtk_widget_add_css_class (percent, "caption");
  gtk_label_set_xalign (GTK_LABEL (no_goals), 0);
  gtk_widget_add_css_class (no_goals, "dim-label");
  gtk_widget_add_css_class (no_goals, "caption");
  gtk_box_append (GTK_BOX (progress), bar);
  gtk_box_append (GTK_BOX (progress), percent);

  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), goals);
  gtk_box_append (GTK_BOX (row), progress);
  gtk_box_append (GTK_BOX (row), no_goals);

  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "role", role);
  g_object_set_data (G_OBJECT (row), "no-checkin", no_checkin);
  g_object_set_data (G_OBJECT (row), "button", button);
  g_object_set_data (G_OBJECT (row), "goals", goals);
  g_object_set_data (G_OBJECT (row), "progress", progress);
  g_object_set_data (G_OBJECT (row), "bar", bar);
  g_object_set_data (G_OBJECT (row), "percent", percent);
  g_object_set_data (G_OBJECT (row), "no-goals", no_goals);

  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  HearthWeekItem *item = gtk_list_item_get_item (list_item);
  GObject *row = G_OBJECT (gtk_list_item_get_child (list_item));
  gboolean has_completion = item->completion >= 0;
  g_autofree char *percent = NULL;
  g_autofree char *button_label = NULL;
  g_autofree char *bar_label = NULL;

  gtk_label_set_label (g_object_get_data (row, "name"), item->member_name);
  gtk_label_set_label (g_object_get_data (row, "role"), item->role_name);
  gtk_widget_set_visible (g_object_get_data (row, "no-checkin"), !item->checked_in);

  gtk_label_set_label (g_object_get_data (row, "goals"), item->goals);
  gtk_widget_set_visible (g_object_get_data (row, "goals"), item->n_goals > 0);
  gtk_widget_set_visible (g_object_get_data (row, "no-goals"), item->n_goals == 0);
  gtk_widget_set_visible (g_object_get_data (row, "progress"), item->n_goals > 0 && has_completion);

  if (has_completion)
    {
      /* Translators: a goal completion, as in "74 %" */
      percent = g_strdup_printf (_("%.0f %%"), 100 * item->completion);
      gtk_level_bar_set_value (g_object_get_data (row, "bar"), CLAMP (item->completion, 0, 1));
      gtk_label_set_label (g_object_get_data (row, "percent"), percent);
      /* Translators: the completion bar of one row, for screen readers: "Goal completion 74 %" */
      bar_label = g_strdup_printf (_("Goal completion %s"), percent);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (row, "bar")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label,
                                      -1);
    }

  /* Translators: a row's Check In… button, for screen readers: "Check in for Ada in Welcome team" */
  button_label = g_strdup_printf (_("Check in for %s in %s"), item->member_name, item->role_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (row, "button")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
}

/* Public API */

void
hearth_week_view_set_roster (HearthWeekView *self,
                             HearthRoster   *roster)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (HEARTH_IS_WEEK_VIEW (self));

  for (guint i = 0; roster != NULL && roster->roles != NULL && i < roster->roles->len; i++)
    {
      const HearthRosterRole *role = g_ptr_array_index (roster->roles, i);

      for (guint j = 0; role->current != NULL && j < role->current->len; j++)
        {
          const HearthRosterSlot *slot = g_ptr_array_index (role->current, j);

          if (slot->active)
            g_ptr_array_add (items, hearth_week_item_new (slot, role));
        }
    }
  /* By member, then role: an ambassador's roles sit together. */
  g_ptr_array_sort (items, compare_items);

  g_free (self->iso_week);
  self->iso_week = roster != NULL ? g_strdup (roster->iso_week) : NULL;
  g_free (self->current_week);
  self->current_week = roster != NULL ? g_strdup (roster->current_week) : NULL;

  hearth_list_store_update (self->items, items, hearth_week_item_same_row,
                            hearth_week_item_equal);

  update_header (self);
  update_summary (self);
  update_stack (self);
}

void
hearth_week_view_set_search (HearthWeekView *self,
                             const char     *text)
{
  g_return_if_fail (HEARTH_IS_WEEK_VIEW (self));

  if (!hearth_search_update (&self->search, text))
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

/* (nullable): the week shown */
const char *
hearth_week_view_get_week (HearthWeekView *self)
{
  g_return_val_if_fail (HEARTH_IS_WEEK_VIEW (self), NULL);

  return self->iso_week;
}

guint
hearth_week_view_get_n_shown (HearthWeekView *self)
{
  g_return_val_if_fail (HEARTH_IS_WEEK_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/* GObject */

static void
hearth_week_view_dispose (GObject *object)
{
  HearthWeekView *self = (HearthWeekView *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_WEEK_VIEW);

  G_OBJECT_CLASS (hearth_week_view_parent_class)->dispose (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
}

static void
hearth_week_view_finalize (GObject *object)
{
  HearthWeekView *self = (HearthWeekView *)object;

  g_free (self->search);
  g_free (self->iso_week);
  g_free (self->current_week);

  G_OBJECT_CLASS (hearth_week_view_parent_class)->finalize (object);
}

static void
hearth_week_view_class_init (HearthWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_week_view_dispose;
  object_class->finalize = hearth_week_view_finalize;

  signals[SIGNAL_WEEK_REQUESTED] =
    g_signal_new ("week-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_CHECK_IN] =
    g_signal_new ("check-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/roles/hearth-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthWeekView, list_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWeekView, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWeekView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HearthWeekView, title_label);

  gtk_widget_class_install_action (widget_class, "week.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "week.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "week.this-week", NULL, this_week_action);
}

static void
hearth_week_view_init (HearthWeekView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (HEARTH_TYPE_WEEK_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);

  update_header (self);
  update_summary (self);
  update_stack (self);
}
