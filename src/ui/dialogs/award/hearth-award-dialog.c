/* hearth-award-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Award…: one badge to one member or many. The members (bots left out) and who already holds
 * which badge are read on a worker thread with its own read-only connection, names folded
 * there once, so a program of 100,000 members neither blocks the window nor slows the search:
 * the list is a recycling GtkListView over an incremental filter, and in a large program it
 * shows the ambassadors (and whoever is ticked) until the organizer searches. Ticks live in a
 * set of member ids, so searching never loses them. Award runs ONE store job,
 * hearth_award_grant() with source "manual": every award or none.
 */

#define G_LOG_DOMAIN "hearth-award-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-award-dialog.h"
#include "hearth-award.h"
#include "hearth-badge.h"
#include "hearth-badge-tile.h"
#include "hearth-editor-util.h"
#include "hearth-ui-text.h"
#include "hearth-util.h"
#include "hearth-weak-ref.h"
#include "hearth-window.h"

/* Above this many members the list waits for a search, showing only the ambassadors. */
#define LARGE_PROGRAM 1000

/* One member as a list item. Private to the dialog; tests read it through its properties. */

#define HEARTH_TYPE_AWARD_MEMBER (hearth_award_member_get_type ())
G_DECLARE_FINAL_TYPE (HearthAwardMember, hearth_award_member, HEARTH, AWARD_MEMBER, GObject)

struct _HearthAwardMember
{
  GObject   parent_instance;

  char     *member_id;
  char     *display_name;
  char     *folded_name;
  char     *sort_key;
  gboolean  ambassador;
  gboolean  held;       /* holds the chosen badge, which can't be given twice */
  gboolean  ticked;
};

G_DEFINE_FINAL_TYPE (HearthAwardMember, hearth_award_member, G_TYPE_OBJECT)

enum {
  MEMBER_PROP_0,
  MEMBER_PROP_MEMBER_ID,
  MEMBER_PROP_DISPLAY_NAME,
  MEMBER_PROP_AMBASSADOR,
  MEMBER_PROP_HELD,
  MEMBER_PROP_TICKED,
  MEMBER_N_PROPS
};

static GParamSpec *member_properties[MEMBER_N_PROPS];

static void
hearth_award_member_finalize (GObject *object)
{
  HearthAwardMember *self = HEARTH_AWARD_MEMBER (object);

  g_free (self->member_id);
  g_free (self->display_name);
  g_free (self->folded_name);
  g_free (self->sort_key);

  G_OBJECT_CLASS (hearth_award_member_parent_class)->finalize (object);
}

static void
hearth_award_member_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthAwardMember *self = HEARTH_AWARD_MEMBER (object);

  switch (prop_id)
    {
    case MEMBER_PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;
    case MEMBER_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case MEMBER_PROP_AMBASSADOR:
      g_value_set_boolean (value, self->ambassador);
      break;
    case MEMBER_PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;
    case MEMBER_PROP_TICKED:
      g_value_set_boolean (value, self->ticked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_award_member_class_init (HearthAwardMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_award_member_finalize;
  object_class->get_property = hearth_award_member_get_property;

  member_properties[MEMBER_PROP_MEMBER_ID] =
    g_param_spec_string ("member-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  member_properties[MEMBER_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  member_properties[MEMBER_PROP_AMBASSADOR] =
    g_param_spec_boolean ("ambassador", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  member_properties[MEMBER_PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  member_properties[MEMBER_PROP_TICKED] =
    g_param_spec_boolean ("ticked", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, MEMBER_N_PROPS, member_properties);
}

static void
hearth_award_member_init (HearthAwardMember *self)
{
}

/* The dialog. */

struct _HearthAwardDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  GtkWidget          *award_button;
  GtkLabel           *badge_detail_label;
  GtkDropDown        *badge_drop_down;
  GtkLabel           *badge_name_label;
  HearthBadgeTile    *badge_tile;
  GtkSpinner         *busy_spinner;
  GtkLabel           *count_label;
  AdwActionRow       *day_error_row;
  AdwEntryRow        *day_row;
  GtkLabel           *error_label;
  AdwStatusPage      *error_page;
  GtkRevealer        *error_revealer;
  AdwPreferencesGroup *form_group;
  GtkLabel           *hint_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwEntryRow        *reason_row;
  GtkSearchEntry     *search_entry;
  GtkSpinner         *spinner;
  AdwToastOverlay    *toast_overlay;

  /* owned */
  HearthStore        *store;
  char               *program_id;
  GPtrArray          *badges;           /* (element-type HearthBadge): the choices */
  HearthBadge        *badge;            /* the chosen one (a ref), or NULL */
  GHashTable         *holders;          /* badge id → set of member ids with a live award */
  GHashTable         *ticked;           /* member id → HearthAwardMember (borrowed from items) */
  GStrv               preselected;
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkNoSelection     *selection;
  char               *search;           /* folded, NULL when empty */
  GCancellable       *loading;
  gboolean            loaded;
  gboolean            large;
  gboolean            writing;
  gboolean            binding;
};

G_DEFINE_FINAL_TYPE (HearthAwardDialog, hearth_award_dialog, ADW_TYPE_WINDOW)

enum {
  AWARDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tier_words (const char *tier)
{
  /* Translators: a badge's tier in words, beside its tile. */
  if (g_strcmp0 (tier, "gold") == 0)
    return _("Gold tier");
  if (g_strcmp0 (tier, "silver") == 0)
    return _("Silver tier");
  return _("Bronze tier");
}

/* Returns: (transfer full) (nullable): the day when it is a valid date. */
static char *
get_day (HearthAwardDialog *self)
{
  g_autofree char *text = hearth_editor_get_text (GTK_EDITABLE (self->day_row));

  if (text == NULL || !hearth_date_is_valid (text))
    return NULL;

  return g_steal_pointer (&text);
}

static void
update_count (HearthAwardDialog *self)
{
  guint n = g_hash_table_size (self->ticked);
  g_autofree char *text = NULL;

  /* Translators: how many members are ticked in the Award dialog. */
  text = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
update_sensitivity (HearthAwardDialog *self)
{
  g_autofree char *day = get_day (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "award.award",
                                 !self->writing && self->badge != NULL && day != NULL &&
                                 g_hash_table_size (self->ticked) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), !self->writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_view), !self->writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->badge_drop_down), !self->writing);
}

static void
validate_cb (HearthAwardDialog *self)
{
  g_autofree char *day = get_day (self);

  hearth_editor_show_error (self->day_error_row, GTK_WIDGET (self->day_row),
                            day == NULL ? _("Day: not a date, write it as YYYY-MM-DD, like 2026-06-30")
                                        : NULL);
  update_sensitivity (self);
}

static void
update_hint (HearthAwardDialog *self)
{
  const char *hint = "";

  if (self->large && self->search == NULL)
    hint = _("Showing ambassadors. Search to find other members.");
  gtk_label_set_text (self->hint_label, hint);
}

static void
update_list_page (HearthAwardDialog *self)
{
  const char *page;

  if (!self->loaded)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
           gtk_filter_list_model_get_pending (self->filter_model) == 0)
    page = "no-match";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->list_stack, page);
}

static void
set_ticked (HearthAwardDialog *self,
            HearthAwardMember *item,
            gboolean           ticked)
{
  ticked = ticked && !item->held;
  if (item->ticked == ticked)
    return;

  item->ticked = ticked;
  if (ticked)
    g_hash_table_insert (self->ticked, item->member_id, item);
  else
    g_hash_table_remove (self->ticked, item->member_id);
  g_object_notify_by_pspec (G_OBJECT (item), member_properties[MEMBER_PROP_TICKED]);

  update_count (self);
  update_sensitivity (self);
}

/* The badge. */

static void
show_badge (HearthAwardDialog *self)
{
  HearthBadge *badge = self->badge;
  g_autofree char *detail = NULL;
  GHashTable *holders;
  guint n;

  if (badge == NULL)
    {
      hearth_badge_tile_set_badge (self->badge_tile, NULL, NULL, NULL, NULL);
      gtk_label_set_text (self->badge_name_label, _("No badges yet"));
      gtk_label_set_text (self->badge_detail_label,
                          _("Create a badge on the Recognition page first."));
    }
  else
    {
      hearth_badge_tile_set_badge (self->badge_tile, hearth_badge_get_name (badge),
                                   hearth_badge_get_icon (badge), hearth_badge_get_color (badge),
                                   hearth_badge_get_tier (badge));
      gtk_label_set_text (self->badge_name_label, hearth_badge_get_name (badge));
      /* Translators: beside the badge in the Award dialog: "Gold tier · given once per member". */
      detail = g_strdup_printf (_("%s · %s"), tier_words (hearth_badge_get_tier (badge)),
                                hearth_badge_get_multiple_grant (badge)
                                ? _("can be given more than once")
                                : _("given once per member"));
      gtk_label_set_text (self->badge_detail_label, detail);
    }

  if (!self->loaded)
    return;

  /* Who can't be given it: the holders of a single-grant badge. They lose their tick. */
  holders = badge != NULL && !hearth_badge_get_multiple_grant (badge)
            ? g_hash_table_lookup (self->holders, hearth_record_get_id (HEARTH_RECORD (badge)))
            : NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthAwardMember) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      gboolean held = holders != NULL && g_hash_table_contains (holders, item->member_id);

      if (held)
        set_ticked (self, item, FALSE);
      if (item->held != held)
        {
          item->held = held;
          g_object_notify_by_pspec (G_OBJECT (item), member_properties[MEMBER_PROP_HELD]);
        }
    }
}

static void
badge_selected_cb (HearthAwardDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->badge_drop_down);

  if (self->badges == NULL || position >= self->badges->len)
    return;

  g_set_object (&self->badge, self->badges->pdata[position]);
  show_badge (self);
  update_sensitivity (self);
}

/* The rows: they follow their item's "held" and "ticked", so a change of badge or a tick
 * shows at once without rebuilding the list. */

static void
sync_row (GtkWidget         *box,
          HearthAwardMember *item)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  GtkWidget *caption = g_object_get_data (G_OBJECT (box), "caption");
  HearthAwardDialog *self = g_object_get_data (G_OBJECT (box), "dialog");
  const char *text = NULL;

  self->binding = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->ticked);
  self->binding = FALSE;

  if (item->held)
    text = _("Already holds this badge");
  else if (item->ambassador)
    text = hearth_member_status_label ("ambassador");

  gtk_label_set_text (GTK_LABEL (caption), text != NULL ? text : "");
  gtk_widget_set_visible (caption, text != NULL);
  gtk_widget_set_sensitive (box, !item->held);
}

static void
item_notify_cb (HearthAwardMember *item,
                GParamSpec        *pspec,
                GtkWidget         *box)
{
  sync_row (box, item);
}

static void
check_toggled_cb (GtkCheckButton    *check,
                  HearthAwardDialog *self)
{
  HearthAwardMember *item = g_object_get_data (G_OBJECT (check), "item");

  if (self->binding || item == NULL)
    return;

  set_ticked (self, item, gtk_check_button_get_active (check));
  /* A held member's box refuses; put the button back in line with the item. */
  if (gtk_check_button_get_active (check) != item->ticked)
    sync_row (gtk_widget_get_parent (GTK_WIDGET (check)), item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              HearthAwardDialog        *self)
{
  GtkWidget *box, *check, *labels, *name, *caption;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), name);

  caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (labels), caption);

  /* A screen reader says the name with the tick, and why a row can't be ticked. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, caption, NULL,
                                  -1);

  g_object_set_data (G_OBJECT (box), "dialog", self);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "caption", caption);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             HearthAwardDialog        *self)
{
  HearthAwardMember *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), item->display_name);
  g_object_set_data (g_object_get_data (G_OBJECT (box), "check"), "item", item);
  sync_row (box, item);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), box, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               HearthAwardDialog        *self)
{
  HearthAwardMember *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_func (item, item_notify_cb, box);
  g_object_set_data (g_object_get_data (G_OBJECT (box), "check"), "item", NULL);
}

/* Enter (or a double click) on a row ticks or unticks it. */
static void
row_activated_cb (HearthAwardDialog *self,
                  guint              position)
{
  g_autoptr(HearthAwardMember) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                             position);

  if (item == NULL || self->writing)
    return;

  set_ticked (self, item, !item->ticked);
}

/* Search. */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  HearthAwardDialog *self = user_data;
  HearthAwardMember *member = item;

  if (self->search == NULL)
    return !self->large || member->ambassador || member->ticked;

  return strstr (member->folded_name, self->search) != NULL;
}

static void
search_changed_cb (HearthAwardDialog *self)
{
  g_autofree char *text = hearth_editor_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = text != NULL ? hearth_text_fold (text) : NULL;
  g_autofree char *old = g_steal_pointer (&self->search);
  GtkFilterChange change;

  if (g_strcmp0 (old, search) == 0)
    {
      self->search = g_steal_pointer (&old);
      return;
    }

  /* Tell the filter model which way it changed, so it only looks at the rows that can; in a
   * large program the empty search is a list of its own. */
  if (self->large && (old == NULL || search == NULL))
    change = GTK_FILTER_CHANGE_DIFFERENT;
  else if (old == NULL || (search != NULL && strstr (search, old) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (search == NULL || strstr (old, search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_hint (self);
  update_list_page (self);
}

/* Escape in a search with text clears it; in an empty one it closes the dialog. */
static void
stop_search_cb (HearthAwardDialog *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
filter_items_changed_cb (HearthAwardDialog *self)
{
  update_list_page (self);
}

/* Loading the members. */

typedef struct
{
  char       *program_id;
} LoadData;

typedef struct
{
  GPtrArray  *items;     /* (element-type HearthAwardMember) */
  GHashTable *holders;
} LoadResult;

static void
load_data_free (LoadData *data)
{
  g_free (data->program_id);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_clear_pointer (&result->holders, g_hash_table_unref);
  g_free (result);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const HearthAwardMember *x = *(HearthAwardMember * const *) a;
  const HearthAwardMember *y = *(HearthAwardMember * const *) b;

  if (x->ambassador != y->ambassador)
    return x->ambassador ? -1 : 1;

  return strcmp (x->sort_key, y->sort_key);
}

static gpointer
read_members (HearthDatabase  *db,
              gpointer         user_data,
              GCancellable    *cancellable,
              GError         **error)
{
  LoadData *data = user_data;
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) awards = NULL;
  LoadResult *result;
  int rc;

  members = hearth_database_prepare (db,
                                     "SELECT id, display_name, status FROM member "
                                     "WHERE program_id = ?1 AND deleted_at IS NULL AND is_bot = 0",
                                     error);
  awards = members == NULL ? NULL :
    hearth_database_prepare (db,
                             "SELECT DISTINCT a.badge_id, a.member_id FROM award a "
                             "JOIN badge b ON b.id = a.badge_id "
                             "JOIN member m ON m.id = a.member_id "
                             "WHERE b.program_id = ?1 AND a.deleted_at IS NULL "
                             "AND b.deleted_at IS NULL AND m.deleted_at IS NULL",
                             error);
  if (awards == NULL)
    return NULL;
  hearth_bind_text (members, 1, data->program_id);
  hearth_bind_text (awards, 1, data->program_id);

  result = g_new0 (LoadResult, 1);
  result->items = g_ptr_array_new_with_free_func (g_object_unref);
  result->holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_hash_table_unref);

  while ((rc = hearth_database_step (db, members, error)) == SQLITE_ROW)
    {
      HearthAwardMember *item = g_object_new (HEARTH_TYPE_AWARD_MEMBER, NULL);
      const char *name = hearth_column_text (members, 1);

      item->member_id = g_strdup (hearth_column_text (members, 0));
      item->display_name = g_strdup (name != NULL ? name : "");
      item->folded_name = hearth_text_fold (item->display_name);
      item->sort_key = g_utf8_collate_key (item->folded_name, -1);
      item->ambassador = g_strcmp0 (hearth_column_text (members, 2), "ambassador") == 0;
      g_ptr_array_add (result->items, item);

      if ((result->items->len & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }

  if (rc == SQLITE_DONE)
    while ((rc = hearth_database_step (db, awards, error)) == SQLITE_ROW)
      {
        const char *badge_id = hearth_column_text (awards, 0);
        GHashTable *set = g_hash_table_lookup (result->holders, badge_id);

        if (set == NULL)
          {
            set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            g_hash_table_insert (result->holders, g_strdup (badge_id), set);
          }
        g_hash_table_add (set, g_strdup (hearth_column_text (awards, 1)));
      }

  if (rc != SQLITE_DONE || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      load_result_free (result);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return NULL;
    }

  g_ptr_array_sort (result->items, compare_members);

  return result;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(HearthAwardDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  LoadResult *result = hearth_editor_read_finish (res, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (res));
  GtkWidget *focus;

  if (self == NULL || cancellable != self->loading || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&result, load_result_free);
      return;
    }
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);

  if (result == NULL)
    {
      g_warning ("Could not read the members to award: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  g_clear_pointer (&self->holders, g_hash_table_unref);
  self->holders = g_steal_pointer (&result->holders);
  self->large = result->items->len > LARGE_PROGRAM;
  self->loaded = TRUE;

  /* Held flags and preselection before the rows exist, so nothing is built twice. */
  for (guint i = 0; i < result->items->len; i++)
    {
      HearthAwardMember *item = result->items->pdata[i];

      if (self->preselected != NULL && g_strv_contains ((const char * const *) self->preselected,
                                                        item->member_id))
        {
          item->ticked = TRUE;
          g_hash_table_insert (self->ticked, item->member_id, item);
        }
    }
  g_list_store_splice (self->items, 0, 0, result->items->pdata, result->items->len);
  load_result_free (result);

  /* Marks the holders of the chosen badge, and unticks any of them preselected. */
  show_badge (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  update_hint (self);
  update_count (self);
  update_sensitivity (self);
  update_list_page (self);

  /* Ready to type a name, unless the organizer is already busy with the fields below. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_group)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
load_members (HearthAwardDialog *self)
{
  LoadData *data;

  self->loading = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->program_id = g_strdup (self->program_id);

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");

  /* Never the dialog as source object: a weak reference lets it go while the worker runs. */
  hearth_editor_read_async (self->store, read_members, data, (GDestroyNotify) load_data_free,
                            (GDestroyNotify) load_result_free, self->loading, load_done_cb,
                            hearth_weak_ref_new (self));
}

/* Awarding. */

typedef struct
{
  char   *badge_id;
  GStrv   member_ids;
  char   *awarded_on;
  char   *reason;
  GStrv   award_ids;   /* (out) */
} AwardJob;

static void
award_job_free (AwardJob *job)
{
  g_free (job->badge_id);
  g_strfreev (job->member_ids);
  g_free (job->awarded_on);
  g_free (job->reason);
  g_strfreev (job->award_ids);
  g_free (job);
}

/* On the DB thread, in one transaction: all the awards, or none. */
static gboolean
award_job (HearthDatabase  *db,
           gpointer         data,
           GError         **error)
{
  AwardJob *job = data;

  return hearth_award_grant (db, job->badge_id, (const char * const *) job->member_ids,
                             job->awarded_on, job->reason, "manual", &job->award_ids, error);
}

static void
set_writing (HearthAwardDialog *self,
             gboolean           writing)
{
  self->writing = writing;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), writing);
  gtk_spinner_set_spinning (self->busy_spinner, writing);
  update_sensitivity (self);
}

static void
show_error (HearthAwardDialog *self,
            const GError      *error)
{
  /* Translators: above the member list when awarding failed; %s is the reason. */
  g_autofree char *text = g_strdup_printf (_("Could not award the badge: %s"), error->message);

  gtk_label_set_text (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
award_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HearthAwardDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  AwardJob *job = hearth_store_job_get_data (result);
  GtkWindow *parent;
  guint n;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      /* The message names a member at most, never a personal field. */
      g_message ("Could not award a badge: %s", error->message);
      if (self != NULL)
        {
          set_writing (self, FALSE);
          show_error (self, error);
        }
      return;
    }

  if (self == NULL)
    return;

  set_writing (self, FALSE);
  g_signal_emit (self, signals[AWARDED], 0, job->award_ids);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  n = job->award_ids != NULL ? g_strv_length (job->award_ids) : 0;
  if (HEARTH_IS_WINDOW (parent) && self->badge != NULL)
    {
      /* Translators: a toast after awarding; %s is the badge, %u how many members got it. */
      g_autofree char *text = g_strdup_printf (ngettext ("“%s” given to %u member",
                                                         "“%s” given to %u members", n),
                                               hearth_badge_get_name (self->badge), n);
      /* Toast titles are markup on libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      hearth_window_add_toast (HEARTH_WINDOW (parent), adw_toast_new (escaped));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
award_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HearthAwardDialog *self = HEARTH_AWARD_DIALOG (widget);
  g_autofree char *day = get_day (self);
  g_autoptr(GStrvBuilder) ids = NULL;
  AwardJob *job;
  guint n;

  if (self->writing || self->badge == NULL || day == NULL || g_hash_table_size (self->ticked) == 0)
    return;

  /* In the list's order (ambassadors first, then by name), so the ids come back in it too. */
  ids = g_strv_builder_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthAwardMember) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->ticked)
        g_strv_builder_add (ids, item->member_id);
    }

  job = g_new0 (AwardJob, 1);
  job->badge_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (self->badge)));
  job->member_ids = g_strv_builder_end (ids);
  job->awarded_on = g_steal_pointer (&day);
  job->reason = hearth_editor_get_text (GTK_EDITABLE (self->reason_row));

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  set_writing (self, TRUE);
  hearth_store_write_async (self->store, award_job, job, (GDestroyNotify) award_job_free,
                            HEARTH_WRITE_FLAGS_NONE, NULL, award_done_cb,
                            hearth_weak_ref_new (self));
}

/* GObject. */

static void
hearth_award_dialog_dispose (GObject *object)
{
  HearthAwardDialog *self = HEARTH_AWARD_DIALOG (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_AWARD_DIALOG);

  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->badge);
  g_clear_pointer (&self->badges, g_ptr_array_unref);
  g_clear_pointer (&self->holders, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_award_dialog_parent_class)->dispose (object);
}

static void
hearth_award_dialog_finalize (GObject *object)
{
  HearthAwardDialog *self = HEARTH_AWARD_DIALOG (object);

  g_clear_pointer (&self->program_id, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->preselected, g_strfreev);

  G_OBJECT_CLASS (hearth_award_dialog_parent_class)->finalize (object);
}

static void
hearth_award_dialog_class_init (HearthAwardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_award_dialog_dispose;
  object_class->finalize = hearth_award_dialog_finalize;

  /**
   * HearthAwardDialog::awarded:
   * @award_ids: the new awards, one per member
   *
   * Emitted after the awards were written, just before the dialog closes.
   */
  signals[AWARDED] =
    g_signal_new ("awarded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  g_type_ensure (HEARTH_TYPE_BADGE_TILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/award/hearth-award-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, award_button);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, badge_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, badge_drop_down);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, badge_name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, badge_tile);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, day_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthAwardDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, badge_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_install_action (widget_class, "award.award", NULL, award_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "award.award", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "award.award", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_award_dialog_init (HearthAwardDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ticked = g_hash_table_new (g_str_hash, g_str_equal);
  self->holders = g_hash_table_new (g_str_hash, g_str_equal);
  self->items = g_list_store_new (HEARTH_TYPE_AWARD_MEMBER);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  /* A program can have 100,000 members: filter a chunk at a time between frames. */
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_count (self);
  update_sensitivity (self);
}

/* The badge choice: the one given, or every badge of the program in a drop-down. */
static void
load_badges (HearthAwardDialog *self,
             const char        *badge_id)
{
  HearthDatabase *reader = hearth_store_get_reader (self->store);
  g_autoptr(GError) error = NULL;

  if (badge_id != NULL)
    {
      self->badge = hearth_record_load_by_id (HEARTH_TYPE_BADGE, reader, badge_id, FALSE, &error);
      if (self->badge == NULL)
        g_message ("Badge %s could not be loaded: %s", badge_id,
                   error ? error->message : "not found");
      show_badge (self);
      return;
    }

  self->badges = hearth_badge_load_for_program (reader, self->program_id, &error);
  if (self->badges == NULL)
    {
      g_warning ("Could not read the badges: %s", error->message);
      self->badges = g_ptr_array_new_with_free_func (g_object_unref);
    }

  if (self->badges->len > 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < self->badges->len; i++)
        gtk_string_list_append (names, hearth_badge_get_name (self->badges->pdata[i]));
      gtk_drop_down_set_model (self->badge_drop_down, G_LIST_MODEL (names));
      gtk_widget_set_visible (GTK_WIDGET (self->badge_drop_down), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->badge_name_label), FALSE);
      gtk_drop_down_set_selected (self->badge_drop_down, 0);
      g_set_object (&self->badge, self->badges->pdata[0]);
    }
  show_badge (self);
}

/**
 * hearth_award_dialog_new:
 * @parent: (nullable): the window it belongs to; a HearthWindow gets the toast afterwards
 * @store: the store
 * @program: the program whose members and badges are shown
 * @badge_id: (nullable): the badge to give; %NULL lets the organizer choose
 * @member_ids: (nullable) (array zero-terminated=1): members ticked at the start
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
hearth_award_dialog_new (GtkWindow           *parent,
                         HearthStore         *store,
                         HearthProgram       *program,
                         const char          *badge_id,
                         const char * const  *member_ids)
{
  g_autofree char *today = NULL;
  HearthAwardDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);

  self = g_object_new (HEARTH_TYPE_AWARD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  self->preselected = g_strdupv ((char **) member_ids);

  load_badges (self, badge_id);

  today = hearth_editor_reference_day (store, self->program_id);
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today);
  validate_cb (self);

  load_members (self);

  return GTK_WINDOW (self);
}
