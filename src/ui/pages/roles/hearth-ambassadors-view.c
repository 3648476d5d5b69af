/* hearth-ambassadors-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every ambassador in one sortable, searchable GtkColumnView. set_roster() copies what a row
 * shows into a HearthAmbassadorItem, because the page frees the roster on its next reload.
 *
 * Privacy (DESIGN §8): the energy series is drawn and described as a trend ("falling"), never
 * logged and never spoken as numbers.
 */

#define G_LOG_DOMAIN "hearth-ambassadors-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-ambassadors-view.h"
#include "hearth-sparkline.h"
#include "hearth-list-store.h"
#include "hearth-ui-text.h"

/* Below this width only Name, Warnings and the Check In… button stay. */
#define NARROW_WIDTH 640

/* HearthAmbassadorItem: one row, a copy of one HearthRosterAmbassador */

#define HEARTH_TYPE_AMBASSADOR_ITEM (hearth_ambassador_item_get_type ())
G_DECLARE_FINAL_TYPE (HearthAmbassadorItem, hearth_ambassador_item, HEARTH, AMBASSADOR_ITEM, GObject)

struct _HearthAmbassadorItem
{
  GObject   parent_instance;

  char     *member_id;
  char     *name;
  char     *name_key;        /* g_utf8_collate_key of the name */
  char     *roles;           /* role names, comma-separated; "" for none */
  double    hours;
  char     *last_checkin;    /* YYYY-Www; NULL when none */
  guint32   energy[HEARTH_ROSTER_ENERGY_WEEKS];
  char    **warnings;        /* translated sentences, most severe first */
  gboolean  has_warning;     /* at least one of severity warning (not only notices) */
  char     *folded;          /* everything search looks at, folded */
};

G_DEFINE_FINAL_TYPE (HearthAmbassadorItem, hearth_ambassador_item, G_TYPE_OBJECT)

static void
hearth_ambassador_item_finalize (GObject *object)
{
  HearthAmbassadorItem *self = (HearthAmbassadorItem *)object;

  g_free (self->member_id);
  g_free (self->name);
  g_free (self->name_key);
  g_free (self->roles);
  g_free (self->last_checkin);
  g_strfreev (self->warnings);
  g_free (self->folded);

  G_OBJECT_CLASS (hearth_ambassador_item_parent_class)->finalize (object);
}

static void
hearth_ambassador_item_class_init (HearthAmbassadorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_ambassador_item_finalize;
}

static void
hearth_ambassador_item_init (HearthAmbassadorItem *self)
{
}

static int
compare_checks (gconstpointer a,
                gconstpointer b)
{
  const HearthHealthCheck *check_a = *(HearthHealthCheck * const *) a;
  const HearthHealthCheck *check_b = *(HearthHealthCheck * const *) b;

  return (int) check_b->severity - (int) check_a->severity;
}

static HearthAmbassadorItem *
hearth_ambassador_item_new (const HearthRosterAmbassador *ambassador)
{
  HearthAmbassadorItem *self = g_object_new (HEARTH_TYPE_AMBASSADOR_ITEM, NULL);
  g_autoptr(GString) roles = g_string_new (NULL);
  g_autoptr(GString) search = g_string_new (ambassador->display_name);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) warnings = g_strv_builder_new ();

  self->member_id = g_strdup (ambassador->member_id);
  self->name = g_strdup (ambassador->display_name != NULL ? ambassador->display_name : "");
  {
    /* Accents aside, so Émile sorts with the E's even in the C locale. */
    g_autofree char *folded_name = hearth_text_fold (self->name);

    self->name_key = g_utf8_collate_key (folded_name, -1);
  }
  self->hours = ambassador->hours_per_week;
  self->last_checkin = g_strdup (ambassador->last_checkin);
  for (guint i = 0; i < HEARTH_ROSTER_ENERGY_WEEKS; i++)
    self->energy[i] = ambassador->energy[i];

  for (guint i = 0; ambassador->slots != NULL && i < ambassador->slots->len; i++)
    {
      const HearthRosterSlot *slot = g_ptr_array_index (ambassador->slots, i);

      if (slot->role_name == NULL)
        continue;
      if (roles->len > 0)
        /* Translators: between role names in the Roles column: "Welcome team, Culture keeper" */
        g_string_append (roles, _(", "));
      g_string_append (roles, slot->role_name);
    }
  self->roles = g_strdup (roles->str);
  g_string_append_c (search, '\n');
  g_string_append (search, roles->str);

  for (guint i = 0; ambassador->warnings != NULL && i < ambassador->warnings->len; i++)
    g_ptr_array_add (checks, g_ptr_array_index (ambassador->warnings, i));
  /* Stable (GLib's sort is a merge sort): the roster's order within a severity. */
  g_ptr_array_sort (checks, compare_checks);
  for (guint i = 0; i < checks->len; i++)
    {
      const HearthHealthCheck *check = g_ptr_array_index (checks, i);

      if (check->sentence == NULL)
        continue;
      g_strv_builder_add (warnings, check->sentence);
      g_string_append_c (search, '\n');
      g_string_append (search, check->sentence);
      if (check->severity == HEARTH_SEVERITY_WARNING)
        self->has_warning = TRUE;
    }
  self->warnings = g_strv_builder_end (warnings);
  self->folded = hearth_text_fold (search->str);

  return self;
}

static gboolean
hearth_ambassador_item_same_row (gconstpointer x,
                                 gconstpointer y)
{
  const HearthAmbassadorItem *a = x, *b = y;

  return g_strcmp0 (a->member_id, b->member_id) == 0;
}

static gboolean
hearth_ambassador_item_equal (gconstpointer x,
                              gconstpointer y)
{
  const HearthAmbassadorItem *a = x, *b = y;

  return g_strcmp0 (a->member_id, b->member_id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->roles, b->roles) == 0 &&
         a->hours == b->hours &&
         g_strcmp0 (a->last_checkin, b->last_checkin) == 0 &&
         memcmp (a->energy, b->energy, sizeof a->energy) == 0 &&
         g_strv_equal ((const char * const *) a->warnings, (const char * const *) b->warnings) &&
         a->has_warning == b->has_warning;
}

/* The view */

typedef enum
{
  COLUMN_NAME,
  COLUMN_ROLES,
  COLUMN_HOURS,
  COLUMN_LAST_CHECKIN,
  COLUMN_ENERGY,
  COLUMN_WARNINGS,
  COLUMN_CHECK_IN,
  N_COLUMNS
} ColumnKind;

struct _HearthAmbassadorsView
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkColumnView       *column_view;
  GtkScrolledWindow   *scrolled_window;

  /* owned */
  GtkStack            *stack;            /* AdwBin's child; not a template child */
  GtkColumnViewColumn *columns[N_COLUMNS];
  GListStore          *items;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  char                *search;           /* folded; NULL when empty */
  char                *selected_id;
  guint                n_total;
  gboolean             narrow;
  gboolean             updating;
  guint                narrow_idle_id;
};

G_DEFINE_FINAL_TYPE (HearthAmbassadorsView, hearth_ambassadors_view, ADW_TYPE_BIN)

enum {
  SIGNAL_CHECK_IN,
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static HearthAmbassadorItem *
get_selected_item (HearthAmbassadorsView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_stack (HearthAmbassadorsView *self)
{
  const char *page = "list";

  if (self->n_total == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
update_actions (HearthAmbassadorsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ambassadors.check-in",
                                 get_selected_item (self) != NULL);
}

static void
selection_changed_cb (HearthAmbassadorsView *self)
{
  HearthAmbassadorItem *item;

  if (self->updating)
    return;

  item = get_selected_item (self);
  g_free (self->selected_id);
  self->selected_id = item != NULL ? g_strdup (item->member_id) : NULL;
  update_actions (self);
}

static void
row_activated_cb (HearthAmbassadorsView *self,
                  guint                  position)
{
  g_autoptr(HearthAmbassadorItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model),
                                                                position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, item->member_id);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthAmbassadorsView *self = HEARTH_AMBASSADORS_VIEW (widget);
  HearthAmbassadorItem *item = get_selected_item (self);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_CHECK_IN], 0, item->member_id);
}

static void
check_in_clicked_cb (GtkButton   *button,
                     GtkListItem *list_item)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (button), HEARTH_TYPE_AMBASSADORS_VIEW);
  HearthAmbassadorItem *item = gtk_list_item_get_item (list_item);

  if (view != NULL && item != NULL)
    g_signal_emit (view, signals[SIGNAL_CHECK_IN], 0, item->member_id);
}

/* Search */

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  HearthAmbassadorsView *self = user_data;
  HearthAmbassadorItem *item = object;

  return self->search == NULL || strstr (item->folded, self->search) != NULL;
}

/* Sorting */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const HearthAmbassadorItem *item_a = a;
  const HearthAmbassadorItem *item_b = b;
  int result = strcmp (item_a->name_key, item_b->name_key);

  return result != 0 ? result : g_strcmp0 (item_a->member_id, item_b->member_id);
}

static int
compare_hours (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const HearthAmbassadorItem *item_a = a;
  const HearthAmbassadorItem *item_b = b;

  if (item_a->hours != item_b->hours)
    return item_a->hours < item_b->hours ? -1 : 1;

  return compare_names (a, b, user_data);
}

/* ISO weeks sort as text; no check-in at all sorts first. */
static int
compare_last_checkin (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const HearthAmbassadorItem *item_a = a;
  const HearthAmbassadorItem *item_b = b;
  int result = g_strcmp0 (item_a->last_checkin, item_b->last_checkin);

  return result != 0 ? (result < 0 ? -1 : 1) : compare_names (a, b, user_data);
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const HearthAmbassadorItem *item_a = a;
  const HearthAmbassadorItem *item_b = b;
  int rank_a = (item_a->has_warning ? 1000 : 0) + (int) g_strv_length (item_a->warnings);
  int rank_b = (item_b->has_warning ? 1000 : 0) + (int) g_strv_length (item_b->warnings);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  return compare_names (a, b, user_data);
}

/* Formatting */

static char *
format_hours (double hours)
{
  g_autofree char *number = NULL;

  if (hours <= 0)
    return g_strdup ("—");

  if (hours == (gint64) hours)
    number = g_strdup_printf ("%.0f", hours);
  else
    number = g_strdup_printf ("%.1f", hours);

  /* Translators: hours per week in the Ambassadors list: "6 h" */
  return g_strdup_printf (C_("hours per week", "%s h"), number);
}

/**
 * hearth_ambassadors_view_format_week:
 * @iso_week: (nullable): an ISO week, YYYY-Www
 *
 * Returns: (transfer full): the week as people read it, "Week 47, 2026", or "No check-in"
 */
char *
hearth_ambassadors_view_format_week (const char *iso_week)
{
  if (iso_week == NULL || strlen (iso_week) != 8 || iso_week[5] != 'W')
    return g_strdup (_("No check-in"));

  /* Translators: an ISO week and its year: "Week 47, 2026" */
  return g_strdup_printf (_("Week %u, %u"),
                          (guint) g_ascii_strtoull (iso_week + 6, NULL, 10),
                          (guint) g_ascii_strtoull (iso_week, NULL, 10));
}

/* A word for screen readers and the tooltip instead of the numbers: the second half of the
 * weeks with a check-in against the first half. Weeks without one (0) are gaps. */
static const char *
energy_trend (const guint32 *energy)
{
  guint32 known[HEARTH_ROSTER_ENERGY_WEEKS];
  guint n = 0;
  double first = 0, second = 0;
  guint half;

  for (guint i = 0; i < HEARTH_ROSTER_ENERGY_WEEKS; i++)
    if (energy[i] > 0)
      known[n++] = energy[i];

  if (n == 0)
    return _("Energy trend: no check-ins");
  if (n == 1)
    return _("Energy trend: one check-in");

  half = n / 2;
  for (guint i = 0; i < half; i++)
    first += known[i];
  for (guint i = n - half; i < n; i++)
    second += known[i];
  first /= half;
  second /= half;

  if (second - first <= -0.5)
    return _("Energy trend: falling");
  if (second - first >= 0.5)
    return _("Energy trend: rising");

  return _("Energy trend: steady");
}

/* Columns */

/* Tooltips are asked for on hover: gtk_widget_set_tooltip_text() in a bind would ask the
 * display server where the pointer is, once per cell (GTK 4.8), and stall long lists. */
static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip,
                  GtkListItem *list_item)
{
  HearthAmbassadorItem *item = gtk_list_item_get_item (list_item);
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "column"));
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;

  switch ((int) kind)
    {
    case COLUMN_ROLES:
      if (item->roles[0] != '\0')
        text = g_strdup (item->roles);
      break;

    case COLUMN_ENERGY:
      text = g_strdup (energy_trend (item->energy));
      break;

    case COLUMN_WARNINGS:
      if (item->warnings[0] != NULL)
        text = g_strjoinv ("\n", item->warnings);
      break;

    default:
      break;
    }

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *child = NULL;

  switch (kind)
    {
    case COLUMN_NAME:
    case COLUMN_ROLES:
    case COLUMN_LAST_CHECKIN:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (kind == COLUMN_NAME)
        {
          /* Two lines before an ellipsis: names stay readable at narrow widths. */
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (child), 2);
          gtk_widget_add_css_class (child, "heading");
        }
      break;

    case COLUMN_HOURS:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      break;

    case COLUMN_ENERGY:
      child = hearth_sparkline_new ();
      /* Energy runs from 1 to 5: a steady 2 must look low, not as tall as a steady 5. */
      hearth_sparkline_set_range (HEARTH_SPARKLINE (child), 5);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (child, 72, -1);
      break;

    case COLUMN_WARNINGS:
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("hearth-warning-symbolic");
        GtkWidget *label = gtk_label_new (NULL);

        gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                        -1);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_lines (GTK_LABEL (label), 2);
        gtk_widget_set_hexpand (label, TRUE);
        gtk_widget_add_css_class (label, "caption");
        gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_append (GTK_BOX (child), icon);
        gtk_box_append (GTK_BOX (child), label);
      }
      break;

    case COLUMN_CHECK_IN:
      /* An icon: a labelled button per row pushed the table past the window in German. The
       * tooltip is the same on every row, so it is set once here, never while binding. */
      child = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (child, _("Check In…"));
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (child, "flat");
      g_signal_connect (child, "clicked", G_CALLBACK (check_in_clicked_cb), list_item);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  if (kind == COLUMN_ROLES || kind == COLUMN_ENERGY || kind == COLUMN_WARNINGS)
    {
      g_object_set_data (G_OBJECT (child), "column", GINT_TO_POINTER (kind));
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (query_tooltip_cb), list_item);
    }

  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  HearthAmbassadorItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case COLUMN_NAME:
      gtk_label_set_label (GTK_LABEL (child), item->name);
      break;

    case COLUMN_ROLES:
      gtk_label_set_label (GTK_LABEL (child), item->roles[0] != '\0' ? item->roles : "—");
      if (item->roles[0] == '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("No active roles"),
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      break;

    case COLUMN_HOURS:
      text = format_hours (item->hours);
      gtk_label_set_label (GTK_LABEL (child), text);
      break;

    case COLUMN_LAST_CHECKIN:
      text = hearth_ambassadors_view_format_week (item->last_checkin);
      gtk_label_set_label (GTK_LABEL (child), text);
      if (item->last_checkin == NULL)
        gtk_widget_add_css_class (child, "dim-label");
      else
        gtk_widget_remove_css_class (child, "dim-label");
      break;

    case COLUMN_ENERGY:
      {
        const char *trend = energy_trend (item->energy);

        hearth_sparkline_set_values (HEARTH_SPARKLINE (child), item->energy,
                                     HEARTH_ROSTER_ENERGY_WEEKS);
        /* After set_values, which labels it as an activity chart. */
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, trend,
                                        -1);
      }
      break;

    case COLUMN_WARNINGS:
      {
        GtkWidget *icon = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (icon);
        gboolean any = item->warnings[0] != NULL;

        gtk_widget_set_visible (icon, any);
        if (item->has_warning)
          gtk_widget_add_css_class (icon, "warning");
        else
          gtk_widget_remove_css_class (icon, "warning");
        gtk_label_set_label (GTK_LABEL (label), any ? item->warnings[0] : "");
      }
      break;

    case COLUMN_CHECK_IN:
      /* Translators: the Check In… button of one ambassador's row, for screen readers */
      text = g_strdup_printf (_("Check in for %s"), item->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
add_column (HearthAmbassadorsView *self,
            ColumnKind             kind,
            const char            *title,
            GCompareDataFunc       compare,
            int                    fixed_width,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (kind));

  column = gtk_column_view_column_new (title, factory);
  if (compare != NULL)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_column_set_resizable (column, kind != COLUMN_CHECK_IN);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  /* Borrowed from here on: the column view holds the column. */
  self->columns[kind] = column;
  g_object_unref (column);
}

static void
build_columns (HearthAmbassadorsView *self)
{
  add_column (self, COLUMN_NAME, C_("column", "Name"), compare_names, 160, TRUE);
  add_column (self, COLUMN_ROLES, C_("column", "Roles"), NULL, 130, TRUE);
  add_column (self, COLUMN_HOURS, C_("column", "Hours"), compare_hours, 72, FALSE);
  add_column (self, COLUMN_LAST_CHECKIN, C_("column", "Last Check-In"), compare_last_checkin,
              150, FALSE);
  add_column (self, COLUMN_ENERGY, C_("column", "Energy"), NULL, 90, FALSE);
  add_column (self, COLUMN_WARNINGS, C_("column", "Warnings"), compare_warnings, 180, TRUE);
  /* The column of Check In… buttons: icons with tooltips, under no title. */
  add_column (self, COLUMN_CHECK_IN, "", NULL, 0, FALSE);

  /* The name column shows first, alphabetically. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME],
                                  GTK_SORT_ASCENDING);
}

/* Narrow widths: only the name, the warnings and the button stay. Applied after the
 * allocation, never during it. */
static gboolean
apply_narrow_cb (gpointer user_data)
{
  HearthAmbassadorsView *self = user_data;
  static const ColumnKind wide_only[] = {
    COLUMN_ROLES, COLUMN_HOURS, COLUMN_LAST_CHECKIN, COLUMN_ENERGY,
  };

  self->narrow_idle_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (wide_only); i++)
    gtk_column_view_column_set_visible (self->columns[wide_only[i]], !self->narrow);
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_NAME], self->narrow ? 120 : 160);
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_WARNINGS],
                                          self->narrow ? 120 : 180);

  return G_SOURCE_REMOVE;
}

/* AdwBin allocates through a GtkBinLayout, so its size_allocate vfunc is never called: a
 * layout of our own does what GtkBinLayout does and notices the width. */
static void
measure_cb (GtkWidget      *widget,
            GtkOrientation  orientation,
            int             for_size,
            int            *minimum,
            int            *natural,
            int            *minimum_baseline,
            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
allocate_cb (GtkWidget *widget,
             int        width,
             int        height,
             int        baseline)
{
  HearthAmbassadorsView *self = HEARTH_AMBASSADORS_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean narrow = width < NARROW_WIDTH;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle_id == 0)
        self->narrow_idle_id = g_idle_add (apply_narrow_cb, self);
    }
}

/* Public API */

void
hearth_ambassadors_view_set_roster (HearthAmbassadorsView *self,
                                    HearthRoster          *roster)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkAdjustment *vadjustment;
  double scroll;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (HEARTH_IS_AMBASSADORS_VIEW (self));

  for (guint i = 0; roster != NULL && roster->ambassadors != NULL && i < roster->ambassadors->len; i++)
    g_ptr_array_add (items, hearth_ambassador_item_new (g_ptr_array_index (roster->ambassadors, i)));

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  scroll = gtk_adjustment_get_value (vadjustment);

  self->updating = TRUE;
  hearth_list_store_update (self->items, items, hearth_ambassador_item_same_row,
                            hearth_ambassador_item_equal);
  self->n_total = items->len;

  if (self->selected_id != NULL)
    {
      GListModel *model = G_LIST_MODEL (self->sort_model);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HearthAmbassadorItem) item = g_list_model_get_item (model, i);

          if (g_strcmp0 (item->member_id, self->selected_id) == 0)
            {
              selected = i;
              break;
            }
        }
    }
  gtk_single_selection_set_selected (self->selection, selected);
  self->updating = FALSE;

  /* A member who left takes the selection with them. */
  if (selected == GTK_INVALID_LIST_POSITION)
    g_clear_pointer (&self->selected_id, g_free);

  gtk_adjustment_set_value (vadjustment, scroll);
  update_stack (self);
  update_actions (self);
}

void
hearth_ambassadors_view_set_search (HearthAmbassadorsView *self,
                                    const char            *text)
{
  g_return_if_fail (HEARTH_IS_AMBASSADORS_VIEW (self));

  if (!hearth_search_update (&self->search, text))
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  update_actions (self);
}

const char *
hearth_ambassadors_view_get_selected (HearthAmbassadorsView *self)
{
  HearthAmbassadorItem *item;

  g_return_val_if_fail (HEARTH_IS_AMBASSADORS_VIEW (self), NULL);

  item = get_selected_item (self);

  return item != NULL ? item->member_id : NULL;
}

/**
 * hearth_ambassadors_view_select:
 * @member_id: (nullable): a member's id, or NULL to unselect
 *
 * Selects the member's row when it is shown.
 *
 * Returns: whether the member is now selected
 */
gboolean
hearth_ambassadors_view_select (HearthAmbassadorsView *self,
                                const char            *member_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (HEARTH_IS_AMBASSADORS_VIEW (self), FALSE);

  if (member_id == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthAmbassadorItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (item->member_id, member_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

guint
hearth_ambassadors_view_get_n_shown (HearthAmbassadorsView *self)
{
  g_return_val_if_fail (HEARTH_IS_AMBASSADORS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

/* GObject */

static void
hearth_ambassadors_view_dispose (GObject *object)
{
  HearthAmbassadorsView *self = (HearthAmbassadorsView *)object;

  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_AMBASSADORS_VIEW);

  G_OBJECT_CLASS (hearth_ambassadors_view_parent_class)->dispose (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  memset (self->columns, 0, sizeof self->columns);
}

static void
hearth_ambassadors_view_finalize (GObject *object)
{
  HearthAmbassadorsView *self = (HearthAmbassadorsView *)object;

  g_free (self->search);
  g_free (self->selected_id);

  G_OBJECT_CLASS (hearth_ambassadors_view_parent_class)->finalize (object);
}

static void
hearth_ambassadors_view_class_init (HearthAmbassadorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_ambassadors_view_dispose;
  object_class->finalize = hearth_ambassadors_view_finalize;

  signals[SIGNAL_CHECK_IN] =
    g_signal_new ("check-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (HEARTH_TYPE_SPARKLINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/roles/hearth-ambassadors-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthAmbassadorsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearthAmbassadorsView, scrolled_window);

  gtk_widget_class_install_action (widget_class, "ambassadors.check-in", NULL, check_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "ambassadors.check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "ambassadors.check-in", NULL);
}

static void
hearth_ambassadors_view_init (HearthAmbassadorsView *self)
{
  GtkSorter *sorter;

  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, measure_cb, allocate_cb));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  build_columns (self);

  /* selection → sort → filter → the items */
  self->items = g_list_store_new (HEARTH_TYPE_AMBASSADOR_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);

  update_stack (self);
  update_actions (self);
}
