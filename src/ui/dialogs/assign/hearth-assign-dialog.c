/* hearth-assign-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Assign to <role>": every member who could take the role, ranked by hearth_role_suggest() on
 * a worker thread with its own read-only connection, each with their fit and why they fit. A
 * program can have 100,000 members, so the list is a recycling GtkListView over an incremental
 * filter, and the names are casefolded once, on the worker, so typing in the search stays
 * quick. Below the list: the start day (the reference day by default), the planned rotation
 * from the role's term, hours per week and a scope. Assign runs hearth_assignment_start() as a
 * store job, which also makes the member an ambassador.
 */

#define G_LOG_DOMAIN "hearth-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-assign-dialog.h"
#include "hearth-assignment.h"
#include "hearth-editor-util.h"
#include "hearth-health.h"
#include "hearth-role.h"
#include "hearth-roster.h"
#include "hearth-util.h"
#include "hearth-weak-ref.h"
#include "hearth-window.h"
#include "hearth-ui-text.h"

/* How many of a member's reasons a row shows. */
#define MAX_WHY_LINES 3

/* One suggestion as a list item. Private to the dialog; tests read it through its properties. */

#define HEARTH_TYPE_SUGGESTION_ITEM (hearth_suggestion_item_get_type ())
G_DECLARE_FINAL_TYPE (HearthSuggestionItem, hearth_suggestion_item, HEARTH, SUGGESTION_ITEM, GObject)

struct _HearthSuggestionItem
{
  GObject           parent_instance;

  HearthSuggestion *suggestion;
  char             *folded_name;   /* casefolded display name, for the search */
  guint             rank;          /* 1 for the best fit */
};

G_DEFINE_FINAL_TYPE (HearthSuggestionItem, hearth_suggestion_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_MEMBER_ID,
  ITEM_PROP_DISPLAY_NAME,
  ITEM_PROP_STATUS,
  ITEM_PROP_FIT,
  ITEM_PROP_WHY,
  ITEM_PROP_RANK,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
hearth_suggestion_item_finalize (GObject *object)
{
  HearthSuggestionItem *self = HEARTH_SUGGESTION_ITEM (object);

  g_clear_pointer (&self->suggestion, hearth_suggestion_free);
  g_clear_pointer (&self->folded_name, g_free);

  G_OBJECT_CLASS (hearth_suggestion_item_parent_class)->finalize (object);
}

static void
hearth_suggestion_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HearthSuggestionItem *self = HEARTH_SUGGESTION_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_MEMBER_ID:
      g_value_set_string (value, self->suggestion->member_id);
      break;
    case ITEM_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->suggestion->display_name);
      break;
    case ITEM_PROP_STATUS:
      g_value_set_string (value, self->suggestion->status);
      break;
    case ITEM_PROP_FIT:
      g_value_set_double (value, self->suggestion->fit);
      break;
    case ITEM_PROP_WHY:
      g_value_set_boxed (value, self->suggestion->why);
      break;
    case ITEM_PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_suggestion_item_class_init (HearthSuggestionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_suggestion_item_finalize;
  object_class->get_property = hearth_suggestion_item_get_property;

  item_properties[ITEM_PROP_MEMBER_ID] =
    g_param_spec_string ("member-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_FIT] =
    g_param_spec_double ("fit", NULL, NULL, 0, 100, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_WHY] =
    g_param_spec_boxed ("why", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_RANK] =
    g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
hearth_suggestion_item_init (HearthSuggestionItem *self)
{
}

/* Takes @suggestion. Safe on any thread. */
static HearthSuggestionItem *
hearth_suggestion_item_new (HearthSuggestion *suggestion,
                            guint             rank)
{
  HearthSuggestionItem *self = g_object_new (HEARTH_TYPE_SUGGESTION_ITEM, NULL);

  self->suggestion = suggestion;
  self->folded_name = g_utf8_casefold (suggestion->display_name ? suggestion->display_name : "",
                                       -1);
  self->rank = rank;

  return self;
}

/* The dialog. */

struct _HearthAssignDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  GtkWidget          *assign_button;
  GtkSpinner         *busy_spinner;
  AdwStatusPage      *error_page;
  AdwPreferencesGroup *form_group;
  GtkSpinButton      *hours_spin;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwActionRow       *member_row;
  AdwActionRow       *rotation_row;
  GtkEntry           *scope_entry;
  GtkSearchEntry     *search_entry;
  GtkSpinner         *spinner;
  AdwActionRow       *starts_on_error_row;
  AdwEntryRow        *starts_on_row;
  AdwToastOverlay    *toast_overlay;

  /* owned */
  HearthStore        *store;
  char               *program_id;
  char               *role_id;
  char               *role_name;
  gint64              term_weeks;       /* -1 when the role has none */
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  char               *search;           /* casefolded, NULL when empty */
  GCancellable       *loading;          /* while the suggestions load */
  gboolean            loaded;
  gboolean            writing;
};

G_DEFINE_FINAL_TYPE (HearthAssignDialog, hearth_assign_dialog, ADW_TYPE_WINDOW)

enum {
  ASSIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
caution_text (HearthSuggestion *suggestion)
{
  if (suggestion->n_active_roles == 0)
    return NULL;

  /* Translators: a caution on a suggested member; %u is how many roles they have already. */
  return g_strdup_printf (ngettext ("Already holds %u role", "Already holds %u roles",
                                    suggestion->n_active_roles),
                          suggestion->n_active_roles);
}

static HearthSuggestionItem *
get_selected (HearthAssignDialog *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Returns: (transfer full) (nullable): the start day when it is a valid date. */
static char *
get_starts_on (HearthAssignDialog *self)
{
  g_autofree char *text = hearth_editor_get_text (GTK_EDITABLE (self->starts_on_row));

  if (text == NULL || !hearth_date_is_valid (text))
    return NULL;

  return g_steal_pointer (&text);
}

static void
update_rotation (HearthAssignDialog *self,
                 const char         *starts_on)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->term_weeks <= 0)
    {
      title = g_strdup (_("No planned rotation"));
      subtitle = g_strdup (_("The role has no term"));
    }
  else
    {
      if (starts_on != NULL)
        {
          g_autofree char *ends_on = NULL;
          GDate end;

          /* The same rule as hearth_assignment_start(): the start plus the term in days. */
          g_date_clear (&end, 1);
          g_date_set_dmy (&end, atoi (starts_on + 8), atoi (starts_on + 5), atoi (starts_on));
          g_date_add_days (&end, (guint) MIN (self->term_weeks, 5200) * 7);
          ends_on = hearth_date_to_string (&end);
          /* Translators: the planned end of an assignment; %s is a date (YYYY-MM-DD). */
          title = g_strdup_printf (_("Rotates on %s"), ends_on);
        }
      else
        /* Translators: the planned end of an assignment whose start is not valid yet. */
        title = g_strdup_printf (ngettext ("Rotates after %u week", "Rotates after %u weeks",
                                           (gulong) self->term_weeks),
                                 (guint) self->term_weeks);

      /* Translators: under "Rotates on …"; %u is the role's term in weeks. */
      subtitle = g_strdup_printf (ngettext ("The role's term is %u week",
                                            "The role's term is %u weeks",
                                            (gulong) self->term_weeks),
                                  (guint) self->term_weeks);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rotation_row), title);
  adw_action_row_set_subtitle (self->rotation_row, subtitle);
}

static void
update_member_row (HearthAssignDialog *self)
{
  HearthSuggestionItem *item = get_selected (self);

  if (item == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row),
                                     _("No member selected"));
      adw_action_row_set_subtitle (self->member_row, _("Choose someone from the list"));
    }
  else
    {
      /* Translators: under the selected member's name; %.0f is their fit from 0 to 100. */
      g_autofree char *fit = g_strdup_printf (_("Fit %.0f of 100"), item->suggestion->fit);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row),
                                     item->suggestion->display_name);
      adw_action_row_set_subtitle (self->member_row, fit);
    }
}

static void
update_sensitivity (HearthAssignDialog *self)
{
  g_autofree char *starts_on = get_starts_on (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assign.assign",
                                 !self->writing && get_selected (self) != NULL &&
                                 starts_on != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_group), !self->writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_view), !self->writing);
}

static void
validate_cb (HearthAssignDialog *self)
{
  g_autofree char *starts_on = get_starts_on (self);

  hearth_editor_show_error (self->starts_on_error_row, GTK_WIDGET (self->starts_on_row),
                            starts_on == NULL ? _("Enter the first day as YYYY-MM-DD") : NULL);
  update_rotation (self, starts_on);
  update_sensitivity (self);
}

static void
update_list_page (HearthAssignDialog *self)
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

/* The rows. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box, *top, *name, *status, *fit, *bar, *why, *caution;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), top);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);

  status = gtk_label_new (NULL);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (top), status);

  fit = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (fit), 3);
  gtk_label_set_xalign (GTK_LABEL (fit), 1);
  gtk_widget_add_css_class (fit, "numeric");
  gtk_box_append (GTK_BOX (top), fit);

  bar = gtk_level_bar_new_for_interval (0, 100);
  /* The default offsets colour a bar by fullness ("low", "high", "full"): a fit is not a
   * warning, so one plain accent bar. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fit"), -1);
  gtk_box_append (GTK_BOX (box), bar);

  why = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (why), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (why, "dim-label");
  gtk_widget_add_css_class (why, "caption");
  gtk_box_append (GTK_BOX (box), why);

  caution = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (caution), 0);
  gtk_label_set_wrap (GTK_LABEL (caution), TRUE);
  gtk_widget_add_css_class (caution, "caption");
  gtk_box_append (GTK_BOX (box), caution);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "fit", fit);
  g_object_set_data (G_OBJECT (box), "bar", bar);
  g_object_set_data (G_OBJECT (box), "why", why);
  g_object_set_data (G_OBJECT (box), "caution", caution);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  HearthSuggestionItem *item = gtk_list_item_get_item (list_item);
  HearthSuggestion *suggestion = item->suggestion;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");
  GtkWidget *caution = g_object_get_data (G_OBJECT (box), "caution");
  g_autofree char *fit = g_strdup_printf ("%.0f", suggestion->fit);
  g_autofree char *caution_label = caution_text (suggestion);
  g_autofree char *accessible = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  gboolean show_status;
  guint n_lines = 0;

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), suggestion->display_name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "fit"), fit);
  gtk_level_bar_set_value (g_object_get_data (G_OBJECT (box), "bar"),
                           CLAMP (suggestion->fit, 0, 100));

  /* Members and candidates are the usual case; anything further along is worth a word. */
  show_status = g_strcmp0 (suggestion->status, "member") != 0 &&
                g_strcmp0 (suggestion->status, "candidate") != 0;
  gtk_label_set_text (GTK_LABEL (status),
                      show_status ? hearth_member_status_label (suggestion->status) : "");
  gtk_widget_set_visible (status, show_status);

  for (guint i = 0; suggestion->why != NULL && suggestion->why[i] != NULL; i++)
    {
      /* The caution has a line of its own. */
      if (caution_label != NULL && g_str_equal (suggestion->why[i], caution_label))
        continue;
      if (n_lines++ == MAX_WHY_LINES)
        break;
      if (why->len > 0)
        g_string_append_c (why, '\n');
      g_string_append (why, suggestion->why[i]);
    }
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "why"), why->str);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "why"), why->len > 0);

  gtk_label_set_text (GTK_LABEL (caution), caution_label != NULL ? caution_label : "");
  gtk_widget_set_visible (caution, caution_label != NULL);
  if (suggestion->n_active_roles >= HEARTH_HEALTH_MAX_ACTIVE_ROLES)
    {
      gtk_widget_add_css_class (caution, "warning");
      gtk_widget_remove_css_class (caution, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (caution, "warning");
      gtk_widget_add_css_class (caution, "dim-label");
    }

  /* Translators: how a screen reader names a suggested member: their name and fit (0–100). */
  accessible = g_strdup_printf (_("%s, fit %.0f of 100"), suggestion->display_name,
                                suggestion->fit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why->str,
                                  -1);
}

/* Selection and search. */

static void
selection_changed_cb (HearthAssignDialog *self)
{
  update_member_row (self);
  update_sensitivity (self);
}

static void
row_activated_cb (HearthAssignDialog *self,
                  guint               position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  HearthAssignDialog *self = user_data;

  return self->search == NULL || strstr (HEARTH_SUGGESTION_ITEM (item)->folded_name,
                                         self->search) != NULL;
}

static void
search_changed_cb (HearthAssignDialog *self)
{
  g_autofree char *text = hearth_editor_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  g_autofree char *old = g_steal_pointer (&self->search);
  GtkFilterChange change;

  if (g_strcmp0 (old, search) == 0)
    {
      self->search = g_steal_pointer (&old);
      return;
    }

  /* Tell the filter model which way it changed, so it only looks at the rows that can. */
  if (old == NULL || (search != NULL && strstr (search, old) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (search == NULL || strstr (old, search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_list_page (self);
}

/* Enter in the search picks the best match. */
static void
search_activate_cb (HearthAssignDialog *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Escape in a search with text clears it; in an empty one it closes the dialog. */
static void
stop_search_cb (HearthAssignDialog *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
filter_items_changed_cb (HearthAssignDialog *self)
{
  update_list_page (self);
}

/* Loading the suggestions. */

typedef struct
{
  char *program_id;
  char *role_id;
} SuggestData;

static void
suggest_data_free (SuggestData *data)
{
  g_free (data->program_id);
  g_free (data->role_id);
  g_free (data);
}

static gpointer
read_suggestions (HearthDatabase  *db,
                  gpointer         user_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  SuggestData *data = user_data;
  g_autoptr(GPtrArray) suggestions = NULL;
  GPtrArray *items;

  suggestions = hearth_role_suggest (db, data->program_id, data->role_id, NULL, 0, cancellable,
                                     error);
  if (suggestions == NULL)
    return NULL;

  /* The items (and their folded names) are made here, not on the main thread. */
  g_ptr_array_set_free_func (suggestions, NULL);
  items = g_ptr_array_new_full (suggestions->len, g_object_unref);
  for (guint i = 0; i < suggestions->len; i++)
    g_ptr_array_add (items, hearth_suggestion_item_new (g_ptr_array_index (suggestions, i), i + 1));

  return items;
}

static void
suggest_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HearthAssignDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = hearth_editor_read_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  GtkWidget *focus;

  /* The dialog went away, or was cancelled meanwhile. */
  if (self == NULL || cancellable != self->loading || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);

  if (items == NULL)
    {
      g_warning ("Could not rank the members for a role: %s", error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  self->loaded = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  update_list_page (self);

  /* Ready to type a name, unless the organizer is already busy with the fields below. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_group)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
load_suggestions (HearthAssignDialog *self)
{
  SuggestData *data;

  self->loading = g_cancellable_new ();
  data = g_new0 (SuggestData, 1);
  data->program_id = g_strdup (self->program_id);
  data->role_id = g_strdup (self->role_id);

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");

  /* Never the dialog as source object: a weak reference lets it go while the worker runs. */
  hearth_editor_read_async (self->store, read_suggestions, data,
                            (GDestroyNotify) suggest_data_free,
                            (GDestroyNotify) g_ptr_array_unref, self->loading, suggest_done_cb,
                            hearth_weak_ref_new (self));
}

/* Assigning. */

typedef struct
{
  char   *member_id;
  char   *role_id;
  char   *starts_on;
  double  hours_per_week;
  char   *scope;
  char   *assignment_id;   /* (out) */
} AssignJob;

static void
assign_job_free (AssignJob *job)
{
  g_free (job->member_id);
  g_free (job->role_id);
  g_free (job->starts_on);
  g_free (job->scope);
  g_free (job->assignment_id);
  g_free (job);
}

static gboolean
assign_job (HearthDatabase  *db,
            gpointer         data,
            GError         **error)
{
  AssignJob *job = data;

  return hearth_assignment_start (db, job->member_id, job->role_id, job->starts_on,
                                  job->hours_per_week, job->scope, &job->assignment_id, error);
}

static void
set_writing (HearthAssignDialog *self,
             gboolean            writing)
{
  self->writing = writing;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), writing);
  gtk_spinner_set_spinning (self->busy_spinner, writing);
  update_sensitivity (self);
}

static void
assign_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HearthAssignDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  AssignJob *job = hearth_store_job_get_data (result);
  HearthSuggestionItem *item;
  GtkWindow *parent;

  if (!hearth_store_write_finish (HEARTH_STORE (source), result, &error))
    {
      g_warning ("Could not assign a member: %s", error->message);
      if (self != NULL)
        {
          set_writing (self, FALSE);
          hearth_editor_toast_error (self->toast_overlay, _("Could not assign"), error);
        }
      return;
    }

  if (self == NULL)
    return;

  set_writing (self, FALSE);
  g_signal_emit (self, signals[ASSIGNED], 0, job->assignment_id, job->member_id);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  item = get_selected (self);
  if (HEARTH_IS_WINDOW (parent) && item != NULL &&
      g_strcmp0 (item->suggestion->member_id, job->member_id) == 0)
    {
      /* Translators: a toast after an assignment: "Ana joined Welcome team". */
      g_autofree char *text = g_strdup_printf (_("%s joined %s"), item->suggestion->display_name,
                                               self->role_name);
      /* Toast titles are markup on libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      hearth_window_add_toast (HEARTH_WINDOW (parent), adw_toast_new (escaped));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthAssignDialog *self = HEARTH_ASSIGN_DIALOG (widget);
  HearthSuggestionItem *item = get_selected (self);
  g_autofree char *starts_on = get_starts_on (self);
  AssignJob *job;

  if (self->writing || item == NULL || starts_on == NULL)
    return;

  gtk_spin_button_update (self->hours_spin);

  job = g_new0 (AssignJob, 1);
  job->member_id = g_strdup (item->suggestion->member_id);
  job->role_id = g_strdup (self->role_id);
  job->starts_on = g_steal_pointer (&starts_on);
  job->hours_per_week = gtk_spin_button_get_value (self->hours_spin);
  job->scope = hearth_editor_get_text (GTK_EDITABLE (self->scope_entry));

  set_writing (self, TRUE);
  hearth_store_write_async (self->store, assign_job, job, (GDestroyNotify) assign_job_free,
                            HEARTH_WRITE_FLAGS_NONE, NULL, assign_done_cb,
                            hearth_weak_ref_new (self));
}

/* GObject. */

static void
hearth_assign_dialog_dispose (GObject *object)
{
  HearthAssignDialog *self = HEARTH_ASSIGN_DIALOG (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_ASSIGN_DIALOG);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_assign_dialog_parent_class)->dispose (object);
}

static void
hearth_assign_dialog_finalize (GObject *object)
{
  HearthAssignDialog *self = HEARTH_ASSIGN_DIALOG (object);

  g_clear_pointer (&self->program_id, g_free);
  g_clear_pointer (&self->role_id, g_free);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (hearth_assign_dialog_parent_class)->finalize (object);
}

static void
hearth_assign_dialog_class_init (HearthAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_assign_dialog_dispose;
  object_class->finalize = hearth_assign_dialog_finalize;

  /**
   * HearthAssignDialog::assigned:
   * @assignment_id: the new assignment
   * @member_id: the member who took on the role
   *
   * Emitted after the assignment was written, just before the dialog closes.
   */
  signals[ASSIGNED] =
    g_signal_new ("assigned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/assign/hearth-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, assign_button);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, member_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, rotation_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, scope_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, starts_on_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, starts_on_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAssignDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);

  gtk_widget_class_install_action (widget_class, "assign.assign", NULL, assign_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assign.assign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "assign.assign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_assign_dialog_init (HearthAssignDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (HEARTH_TYPE_SUGGESTION_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  /* A program can have 100,000 members: filter a chunk at a time between frames. */
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->term_weeks = -1;
  update_sensitivity (self);
}

/**
 * hearth_assign_dialog_new:
 * @parent: (nullable): the window it belongs to; a HearthWindow gets the toast afterwards
 * @store: the store
 * @program: the role's program
 * @role_id: the role to fill
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
hearth_assign_dialog_new (GtkWindow     *parent,
                          HearthStore   *store,
                          HearthProgram *program,
                          const char    *role_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthRole) role = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  HearthAssignDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (role_id != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_ASSIGN_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  self->role_id = g_strdup (role_id);

  role = hearth_record_load_by_id (HEARTH_TYPE_ROLE, hearth_store_get_reader (store), role_id,
                                   FALSE, &error);
  if (role == NULL)
    g_warning ("Could not read the role to assign: %s", error ? error->message : "not found");
  else
    {
      self->role_name = g_strdup (hearth_role_get_name (role));
      self->term_weeks = hearth_role_get_term_weeks (role);
    }
  /* Only a role deleted meanwhile has no name: the page never offers Assign… without one. */
  if (self->role_name == NULL)
    self->role_name = g_strdup (_("Unknown Role"));

  /* Translators: the title of the Assign dialog; %s is a role's name. */
  title = g_strdup_printf (_("Assign to %s"), self->role_name);
  gtk_window_set_title (GTK_WINDOW (self), title);

  today = hearth_editor_reference_day (store, self->program_id);
  gtk_editable_set_text (GTK_EDITABLE (self->starts_on_row), today);
  validate_cb (self);

  load_suggestions (self);

  return GTK_WINDOW (self);
}
