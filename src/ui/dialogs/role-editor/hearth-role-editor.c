/* hearth-role-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A role and its weekly goals, new or edited (a custom role, or one made from a preset). The
 * record editor base holds the role, its store, Delete with Undo and Escape; Save is this
 * dialog's own: the role and every goal change (added, edited, removed = soft-deleted) go to
 * the DB thread as ONE write job, so a failure leaves nothing half written, and the dialog
 * closes only once that job succeeded.
 */

#define G_LOG_DOMAIN "hearth-role-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-role-editor.h"
#include "hearth-editor-util.h"
#include "hearth-role.h"
#include "hearth-role-goal.h"
#include "hearth-schema.h"
#include "hearth-util.h"

struct _HearthRoleEditor
{
  HearthRecordEditor parent_instance;

  /* Template widgets */
  GtkListBoxRow       *add_goal_row;
  GtkWidget           *capacity_row;
  GtkSpinButton       *capacity_spin;
  AdwPreferencesGroup *delete_group;
  GtkWidget           *delete_button;
  GtkTextView         *description_view;
  GtkLabel            *goals_error_label;
  GtkListBox          *goals_list;
  AdwActionRow        *name_error_row;
  AdwEntryRow         *name_row;
  GtkTextView         *purpose_view;
  AdwActionRow        *review_by_error_row;
  AdwEntryRow         *review_by_row;
  GtkButton           *save_button;
  GtkSpinButton       *term_spin;
  AdwToastOverlay     *toast_overlay;
  GtkTextView         *toolkit_view;

  /* Owned */
  GtkStringList       *metrics;       /* "Counted at check-in", then every activity kind */
  GPtrArray           *removed_ids;   /* stored goals removed from the list */
  GCancellable        *cancellable;
  guint                name_touched : 1;
  guint                busy : 1;
  guint                disposed : 1;
};

G_DEFINE_FINAL_TYPE (HearthRoleEditor, hearth_role_editor, HEARTH_TYPE_RECORD_EDITOR)

/* Object data on a goal row: its widgets, and the stored goal it shows (none when new). */
#define GOAL_LABEL_ENTRY   "hearth-goal-label-entry"
#define GOAL_TARGET_SPIN   "hearth-goal-target-spin"
#define GOAL_METRIC_DROP   "hearth-goal-metric-drop-down"
#define GOAL_REMOVE_BUTTON "hearth-goal-remove-button"
#define GOAL_STORED        "hearth-goal-stored"

/* The drop-down position of @metric: 0 for none, then hearth_activity_kinds in order. */
static guint
metric_position (const char *metric)
{
  if (metric == NULL)
    return 0;

  for (guint i = 0; hearth_activity_kinds[i] != NULL; i++)
    if (g_str_equal (hearth_activity_kinds[i], metric))
      return i + 1;

  return 0;
}

static const char *
metric_at (guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > g_strv_length ((char **)hearth_activity_kinds))
    return NULL;

  return hearth_activity_kinds[position - 1];
}

/* Text views: inner line breaks stay, only-whitespace is "not set" (NULL, never ''). */
static char *
get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));

  return stripped[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* The goal rows, in order, without the "Add Goal" row. */
static GPtrArray *
list_goal_rows (HearthRoleEditor *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && child != GTK_WIDGET (self->add_goal_row))
      g_ptr_array_add (rows, child);

  return rows;
}

/* Each check shows its message under its field, naming it; Save waits until all pass. */
static gboolean
hearth_role_editor_check (HearthRecordEditor *editor)
{
  HearthRoleEditor *self = HEARTH_ROLE_EDITOR (editor);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *review_by = hearth_editor_get_text (GTK_EDITABLE (self->review_by_row));
  g_autoptr(GPtrArray) rows = list_goal_rows (self);
  gboolean date_ok = review_by == NULL || hearth_date_is_valid (review_by);
  /* A new dialog doesn't open with an error: only a name typed and removed is blamed. */
  gboolean name_blamed = name == NULL &&
                         (self->name_touched || !hearth_record_editor_get_is_new (editor));
  gboolean goals_ok = TRUE;

  /* A stored goal needs its label; a new row left empty is simply not saved. */
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *entry = g_object_get_data (rows->pdata[i], GOAL_LABEL_ENTRY);
      g_autofree char *label = hearth_editor_get_text (GTK_EDITABLE (entry));
      gboolean ok = label != NULL || g_object_get_data (rows->pdata[i], GOAL_STORED) == NULL;

      if (ok)
        gtk_widget_remove_css_class (entry, "error");
      else
        gtk_widget_add_css_class (entry, "error");
      goals_ok = goals_ok && ok;
    }

  hearth_editor_show_error (self->name_error_row, GTK_WIDGET (self->name_row),
                            name_blamed ? _("Name: a role needs a name") : NULL);
  hearth_editor_show_error (self->review_by_error_row, GTK_WIDGET (self->review_by_row),
                            date_ok ? NULL
                                    : _("Review by: not a date, write it as YYYY-MM-DD, like 2026-06-30"));
  gtk_label_set_text (self->goals_error_label,
                      goals_ok ? "" : _("Weekly goals: a goal needs a label, or remove it"));
  gtk_widget_set_visible (GTK_WIDGET (self->goals_error_label), !goals_ok);

  return name != NULL && date_ok && goals_ok && !self->busy;
}

static gboolean
hearth_role_editor_collect (HearthRecordEditor *editor,
                            HearthRecord       *record)
{
  HearthRoleEditor *self = HEARTH_ROLE_EDITOR (editor);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *review_by = hearth_editor_get_text (GTK_EDITABLE (self->review_by_row));
  g_autofree char *purpose = get_view_text (self->purpose_view);
  g_autofree char *description = get_view_text (self->description_view);
  g_autofree char *toolkit = get_view_text (self->toolkit_view);
  int capacity = gtk_spin_button_get_value_as_int (self->capacity_spin);
  int term = gtk_spin_button_get_value_as_int (self->term_spin);

  hearth_record_set_text (record, HEARTH_ROLE_NAME, name);
  hearth_record_set_text (record, HEARTH_ROLE_PURPOSE, purpose);
  hearth_record_set_text (record, HEARTH_ROLE_DESCRIPTION, description);
  hearth_record_set_text (record, HEARTH_ROLE_TOOLKIT, toolkit);
  /* 0 in the spin buttons is "no limit" and "no rotation": NULL, stored as -1. */
  hearth_record_set_int (record, HEARTH_ROLE_CAPACITY, capacity > 0 ? capacity : -1);
  hearth_record_set_int (record, HEARTH_ROLE_TERM_WEEKS, term > 0 ? term : -1);
  hearth_record_set_text (record, HEARTH_ROLE_REVIEW_BY, review_by);

  return TRUE;
}

static char *
hearth_role_editor_dup_deleted_title (HearthRecordEditor *editor)
{
  HearthRecord *record = hearth_record_editor_get_record (editor);
  /* Toast titles are markup on libadwaita 1.2, and names can hold any character. */
  g_autofree char *escaped = g_markup_escape_text (hearth_role_get_name (HEARTH_ROLE (record)), -1);

  /* Translators: %s is a role's name. */
  return g_strdup_printf (_("“%s” deleted"), escaped);
}

/* The save job ----------------------------------------------------------------------------- */

typedef struct
{
  HearthRecord *role;       /* a copy: the DB thread never touches the dialog's objects */
  GPtrArray    *goals;      /* HearthRoleGoal copies to insert (no id) or update */
  GPtrArray    *removed;    /* ids of stored goals to soft-delete */
  gboolean      is_new;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_object (&job->role);
  g_clear_pointer (&job->goals, g_ptr_array_unref);
  g_clear_pointer (&job->removed, g_ptr_array_unref);
  g_free (job);
}

/* On the DB thread, in one transaction: any failure rolls the role and its goals back. */
static gboolean
save_role_job (HearthDatabase  *db,
               gpointer         data,
               GError         **error)
{
  SaveJob *job = data;
  const char *role_id;

  if (job->is_new ? !hearth_record_insert (job->role, db, error)
                  : !hearth_record_update (job->role, db, error))
    return FALSE;

  role_id = hearth_record_get_id (job->role);

  for (guint i = 0; i < job->goals->len; i++)
    {
      HearthRecord *goal = job->goals->pdata[i];

      if (hearth_record_get_id (goal) == NULL)
        {
          hearth_record_set_text (goal, HEARTH_ROLE_GOAL_ROLE_ID, role_id);
          if (!hearth_record_insert (goal, db, error))
            return FALSE;
        }
      else if (!hearth_record_update (goal, db, error))
        return FALSE;
    }

  /* A tombstone, like every delete: a merge carries it, and check-ins keep their history. */
  for (guint i = 0; i < job->removed->len; i++)
    if (!hearth_database_soft_delete (db, "role_goal", job->removed->pdata[i], error))
      return FALSE;

  return TRUE;
}

static void
set_busy (HearthRoleEditor *self,
          gboolean          busy)
{
  self->busy = busy;
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));
}

static void
role_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HearthRoleEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
        return;

      set_busy (self, FALSE);
      /* The message starts with the table and column at fault (role.name: …). */
      hearth_editor_toast_error (self->toast_overlay, _("Could not save the role"), error);
      return;
    }

  job = hearth_store_job_get_data (result);
  g_signal_emit_by_name (self, "saved", hearth_record_get_id (job->role));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Gathers the goal rows into records for the job; unchanged stored goals are left alone. */
static GPtrArray *
collect_goals (HearthRoleEditor *self,
               const char       *role_id)
{
  g_autoptr(GPtrArray) rows = list_goal_rows (self);
  GPtrArray *goals = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      GObject *row = rows->pdata[i];
      HearthRecord *stored = g_object_get_data (row, GOAL_STORED);
      g_autofree char *label =
        hearth_editor_get_text (GTK_EDITABLE (g_object_get_data (row, GOAL_LABEL_ENTRY)));
      int target = gtk_spin_button_get_value_as_int (g_object_get_data (row, GOAL_TARGET_SPIN));
      const char *metric =
        metric_at (gtk_drop_down_get_selected (g_object_get_data (row, GOAL_METRIC_DROP)));
      g_autoptr(HearthRecord) goal = NULL;

      if (stored == NULL && label == NULL)
        continue;

      if (stored != NULL)
        {
          goal = hearth_record_copy (stored);
          hearth_record_set_text (goal, HEARTH_ROLE_GOAL_LABEL, label);
          hearth_record_set_int (goal, HEARTH_ROLE_GOAL_TARGET_PER_WEEK, target);
          hearth_record_set_text (goal, HEARTH_ROLE_GOAL_METRIC, metric);
          if (hearth_record_equal (goal, stored))
            continue;
        }
      else
        goal = HEARTH_RECORD (hearth_role_goal_new (role_id, label, target, metric));

      g_ptr_array_add (goals, g_steal_pointer (&goal));
    }

  return goals;
}

static void
save_cb (HearthRoleEditor *self)
{
  HearthRecordEditor *editor = HEARTH_RECORD_EDITOR (self);
  HearthRecord *record = hearth_record_editor_get_record (editor);
  SaveJob *job;

  if (self->busy || self->disposed || record == NULL || !hearth_role_editor_check (editor))
    return;

  hearth_role_editor_collect (editor, record);

  job = g_new0 (SaveJob, 1);
  job->is_new = hearth_record_editor_get_is_new (editor);
  job->role = hearth_record_copy (record);
  job->goals = collect_goals (self, hearth_record_get_id (record));
  job->removed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->removed_ids->len; i++)
    g_ptr_array_add (job->removed, g_strdup (self->removed_ids->pdata[i]));

  set_busy (self, TRUE);
  hearth_store_write_async (hearth_record_editor_get_store (editor), save_role_job, job,
                            save_job_free, HEARTH_WRITE_FLAGS_NONE, self->cancellable,
                            role_saved_cb, g_object_ref (self));
}

/* Goal rows --------------------------------------------------------------------------------- */

static void
goal_remove_clicked_cb (GtkButton     *button,
                        GtkListBoxRow *row)
{
  HearthRoleEditor *self = HEARTH_ROLE_EDITOR (gtk_widget_get_root (GTK_WIDGET (row)));
  HearthRecord *stored = g_object_get_data (G_OBJECT (row), GOAL_STORED);
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (self->busy)
    return;

  /* Written only on Save: Cancel keeps the goal. */
  if (stored != NULL)
    g_ptr_array_add (self->removed_ids, g_strdup (hearth_record_get_id (stored)));

  /* Keep the keyboard where it was: on the next goal, or on "Add Goal". */
  if (next != NULL)
    gtk_widget_grab_focus (next);
  gtk_list_box_remove (self->goals_list, GTK_WIDGET (row));
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));
}

static void
setup_ellipsized_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_ellipsized_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkWidget *
create_metric_drop_down (HearthRoleEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->metrics)), NULL);

  /* The button ellipsizes, so a long kind fits at 360 px; the popup shows it whole. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_ellipsized_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_ellipsized_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_ellipsized_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_ellipsized_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);

  return drop_down;
}

/* A goal row: label and remove on the first line, target and metric on the second, so it
 * fits a phone-sized window. @stored: (nullable): the goal as stored, or NULL for a new one. */
static GtkWidget *
add_goal (HearthRoleEditor *self,
          HearthRoleGoal   *stored)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 999, 1);
  GtkWidget *per_week = gtk_label_new (_("per week"));
  GtkWidget *drop_down = create_metric_drop_down (self);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);

  gtk_widget_set_hexpand (entry, TRUE);
  /* Translators: the placeholder of a weekly goal's label. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Goal, like “Welcome new members”"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Goal label"), -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (hearth_record_editor_validate), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Goal"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (goal_remove_clicked_cb), row);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Target per week"), -1);
  gtk_widget_add_css_class (per_week, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (per_week),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("per week"), -1);

  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (drop_down, _("Measured by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measured by"), -1);

  if (stored != NULL)
    {
      const char *label = hearth_role_goal_get_label (stored);

      gtk_editable_set_text (GTK_EDITABLE (entry), label ? label : "");
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 hearth_role_goal_get_target_per_week (stored));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                                  metric_position (hearth_role_goal_get_metric (stored)));
      g_object_set_data_full (G_OBJECT (row), GOAL_STORED, g_object_ref (stored), g_object_unref);
    }

  gtk_box_append (GTK_BOX (top), entry);
  gtk_box_append (GTK_BOX (top), remove);
  gtk_box_append (GTK_BOX (bottom), spin);
  gtk_box_append (GTK_BOX (bottom), per_week);
  gtk_box_append (GTK_BOX (bottom), drop_down);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), GOAL_LABEL_ENTRY, entry);
  g_object_set_data (G_OBJECT (row), GOAL_TARGET_SPIN, spin);
  g_object_set_data (G_OBJECT (row), GOAL_METRIC_DROP, drop_down);
  g_object_set_data (G_OBJECT (row), GOAL_REMOVE_BUTTON, remove);

  gtk_list_box_insert (self->goals_list, row,
                       gtk_list_box_row_get_index (self->add_goal_row));

  return row;
}

/* Callbacks --------------------------------------------------------------------------------- */

static void
goal_row_activated_cb (HearthRoleEditor *self,
                       GtkListBoxRow    *row)
{
  GtkWidget *goal;

  if (row != self->add_goal_row || self->busy)
    return;

  goal = add_goal (self, NULL);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (goal), GOAL_LABEL_ENTRY));
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));
}

static void
name_changed_cb (HearthRoleEditor *self)
{
  self->name_touched = TRUE;
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));
}

static void
delete_cb (HearthRoleEditor *self)
{
  if (self->busy)
    return;

  hearth_record_editor_delete (HEARTH_RECORD_EDITOR (self));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  save_cb (HEARTH_ROLE_EDITOR (widget));
  return TRUE;
}

/* Loading ----------------------------------------------------------------------------------- */

static void
load_fields (HearthRoleEditor *self)
{
  HearthRole *role = HEARTH_ROLE (hearth_record_editor_get_record (HEARTH_RECORD_EDITOR (self)));
  const char *name = hearth_role_get_name (role);
  const char *review_by = hearth_role_get_review_by (role);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->review_by_row), review_by ? review_by : "");
  set_view_text (self->purpose_view, hearth_role_get_purpose (role));
  set_view_text (self->description_view, hearth_role_get_description (role));
  set_view_text (self->toolkit_view, hearth_role_get_toolkit (role));
  gtk_spin_button_set_value (self->capacity_spin, MAX (hearth_role_get_capacity (role), 0));
  gtk_spin_button_set_value (self->term_spin, MAX (hearth_role_get_term_weeks (role), 0));
  /* Loading the name is not the organizer typing it. */
  self->name_touched = FALSE;
}

static void
load_goals (HearthRoleEditor *self,
            HearthStore      *store,
            const char       *role_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = hearth_role_goal_load_for_role (hearth_store_get_reader (store),
                                                               role_id, &error);

  if (goals == NULL)
    {
      /* Saving without them would be safe (nothing is removed), but say so. */
      hearth_editor_toast_error (self->toast_overlay, _("Could not load the weekly goals"), error);
      return;
    }

  for (guint i = 0; i < goals->len; i++)
    add_goal (self, goals->pdata[i]);
}

/* GObject ----------------------------------------------------------------------------------- */

static void
hearth_role_editor_dispose (GObject *object)
{
  HearthRoleEditor *self = HEARTH_ROLE_EDITOR (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_ROLE_EDITOR);

  G_OBJECT_CLASS (hearth_role_editor_parent_class)->dispose (object);
}

static void
hearth_role_editor_finalize (GObject *object)
{
  HearthRoleEditor *self = HEARTH_ROLE_EDITOR (object);

  g_clear_object (&self->metrics);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->removed_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hearth_role_editor_parent_class)->finalize (object);
}

static void
hearth_role_editor_class_init (HearthRoleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HearthRecordEditorClass *editor_class = HEARTH_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = hearth_role_editor_dispose;
  object_class->finalize = hearth_role_editor_finalize;

  editor_class->check = hearth_role_editor_check;
  editor_class->collect = hearth_role_editor_collect;
  editor_class->dup_deleted_title = hearth_role_editor_dup_deleted_title;
  hearth_record_editor_class_set_messages (editor_class, N_("Could not save the role"),
                                           N_("Could not delete the role"));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/role-editor/hearth-role-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, add_goal_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, goals_error_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, goals_list);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, review_by_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, review_by_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, term_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthRoleEditor, toolkit_view);
  /* Save is this dialog's own (one job for the role and its goals), so are Delete's guard and
   * the name's first edit; the base checks and validates. */
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "validate_cb",
                                                G_CALLBACK (hearth_record_editor_validate));

  /* Ctrl+Enter saves from anywhere, the multi-line fields included (see init). */
}

static void
hearth_role_editor_init (HearthRoleEditor *self)
{
  GtkEventController *shortcuts;
  GtkShortcutAction *save;

  self->metrics = gtk_string_list_new (NULL);
  /* Translators: a weekly goal without a metric: the ambassador counts it at check-in. */
  gtk_string_list_append (self->metrics, _("Counted at check-in"));
  for (guint i = 0; hearth_activity_kinds[i] != NULL; i++)
    gtk_string_list_append (self->metrics, hearth_activity_kind_label (hearth_activity_kinds[i]));
  self->removed_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  hearth_record_editor_set_widgets (HEARTH_RECORD_EDITOR (self), self->toast_overlay,
                                    GTK_WIDGET (self->save_button), self->delete_button,
                                    GTK_WIDGET (self->delete_group),
                                    GTK_WIDGET (self->name_row));

  /* In the capture phase, so a text view doesn't take Ctrl+Enter as a line break. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  save = gtk_callback_action_new (save_shortcut_cb, NULL, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          save));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * hearth_role_editor_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the Undo toast
 * @store: the store to write through
 * @program: the program of a new role
 * @role_id: (nullable): the role to edit; %NULL for a new custom role
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_role_editor_new (GtkWindow     *parent,
                        HearthStore   *store,
                        HearthProgram *program,
                        const char    *role_id)
{
  HearthRoleEditor *self;
  g_autoptr(HearthRole) role = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);

  self = g_object_new (HEARTH_TYPE_ROLE_EDITOR, "transient-for", parent, NULL);

  if (role_id != NULL)
    {
      role = hearth_record_load_by_id (HEARTH_TYPE_ROLE, hearth_store_get_reader (store),
                                       role_id, FALSE, &error);
      /* Gone meanwhile (deleted elsewhere): a new role is the only sensible thing to offer. */
      if (role == NULL)
        g_message ("Role %s could not be loaded: %s", role_id,
                   error ? error->message : "not found");
    }

  if (role != NULL)
    {
      hearth_record_editor_set_record (HEARTH_RECORD_EDITOR (self), store, HEARTH_RECORD (role),
                                       _("Edit Role"));
      load_goals (self, store, role_id);
    }
  else
    hearth_record_editor_take_new_record (HEARTH_RECORD_EDITOR (self), store,
                                          HEARTH_RECORD (hearth_role_new (hearth_record_get_id (HEARTH_RECORD (program)),
                                                                          NULL)));

  load_fields (self);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));

  return GTK_WINDOW (self);
}
