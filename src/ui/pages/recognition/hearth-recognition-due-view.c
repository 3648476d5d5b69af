/* hearth-recognition-due-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is due for recognition, under a card with the fairness figure. The due list is short
 * (ambassadors only), so it is a .boxed-list GtkListBox bound to a filtered GListStore of
 * HearthDueItems, copies made by set_board() because the page frees the board on its next
 * reload. Rows act through the page's actions with the member's id as target.
 */

#define G_LOG_DOMAIN "hearth-recognition-due-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-recognition-due-view.h"
#include "hearth-list-store.h"
#include "hearth-ui-text.h"
#include "hearth-util.h"

/* HearthDueItem: one ambassador due for recognition */

#define HEARTH_TYPE_DUE_ITEM (hearth_due_item_get_type ())
G_DECLARE_FINAL_TYPE (HearthDueItem, hearth_due_item, HEARTH, DUE_ITEM, GObject)

struct _HearthDueItem
{
  GObject         parent_instance;

  char           *member_id;
  char           *member_name;
  char           *last;          /* "Last recognized on 3 March 2026 (268 days ago)", "Never recognized" */
  char           *contribution;  /* "12 contributions since" */
  HearthSeverity  severity;
  char           *sentence;      /* the guard's sentence; nullable */
  char           *folded;        /* the name, folded */
};

G_DEFINE_FINAL_TYPE (HearthDueItem, hearth_due_item, G_TYPE_OBJECT)

static void
hearth_due_item_finalize (GObject *object)
{
  HearthDueItem *self = (HearthDueItem *)object;

  g_free (self->member_id);
  g_free (self->member_name);
  g_free (self->last);
  g_free (self->contribution);
  g_free (self->sentence);
  g_free (self->folded);

  G_OBJECT_CLASS (hearth_due_item_parent_class)->finalize (object);
}

static void
hearth_due_item_class_init (HearthDueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_due_item_finalize;
}

static void
hearth_due_item_init (HearthDueItem *self)
{
}

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (!hearth_date_is_valid (day))
    return g_strdup (day);

  datetime = g_date_time_new_utc ((int) g_ascii_strtoull (day, NULL, 10),
                                  (int) g_ascii_strtoull (day + 5, NULL, 10),
                                  (int) g_ascii_strtoull (day + 8, NULL, 10), 0, 0, 0);

  /* Translators: a day in the recognition log, a strftime format: "12 October 2026"
   * xgettext:no-c-format */
  return g_date_time_format (datetime, C_("recognition day", "%-d %B %Y"));
}

static HearthDueItem *
hearth_due_item_new (const HearthBoardDue *due)
{
  HearthDueItem *self = g_object_new (HEARTH_TYPE_DUE_ITEM, NULL);
  gulong contribution = (gulong) MIN (due->contribution, G_MAXUINT);

  self->member_id = g_strdup (due->member_id);
  self->member_name = g_strdup (due->member_name != NULL ? due->member_name : "");
  self->severity = due->severity;
  self->sentence = g_strdup (due->sentence);
  self->folded = hearth_text_fold (self->member_name);

  if (due->last_recognized != NULL)
    {
      g_autofree char *day = format_day (due->last_recognized);
      int days = (int) CLAMP (due->days_since, 0, G_MAXINT);

      /* Translators: when an ambassador due for recognition was last recognized:
       * "Last recognized on 3 March 2026 (268 days ago)" */
      self->last = g_strdup_printf (ngettext ("Last recognized on %s (%d day ago)",
                                              "Last recognized on %s (%d days ago)", days),
                                    day, days);
      /* Translators: an ambassador's activity since their last recognition: "12 contributions since" */
      self->contribution = g_strdup_printf (ngettext ("%u contribution since",
                                                      "%u contributions since", contribution),
                                            (guint) contribution);
    }
  else
    {
      self->last = g_strdup (_("Never recognized"));
      /* Translators: the activity of an ambassador who was never recognized: "12 contributions in all" */
      self->contribution = g_strdup_printf (ngettext ("%u contribution in all",
                                                      "%u contributions in all", contribution),
                                            (guint) contribution);
    }

  return self;
}

static gboolean
hearth_due_item_same_row (gconstpointer x,
                          gconstpointer y)
{
  const HearthDueItem *a = x, *b = y;

  return g_strcmp0 (a->member_id, b->member_id) == 0;
}

static gboolean
hearth_due_item_equal (gconstpointer x,
                       gconstpointer y)
{
  const HearthDueItem *a = x, *b = y;

  return g_strcmp0 (a->member_id, b->member_id) == 0 &&
         g_strcmp0 (a->member_name, b->member_name) == 0 &&
         g_strcmp0 (a->last, b->last) == 0 &&
         g_strcmp0 (a->contribution, b->contribution) == 0 &&
         a->severity == b->severity &&
         g_strcmp0 (a->sentence, b->sentence) == 0;
}

/* The view */

struct _HearthRecognitionDueView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkLabel           *empty_description;
  GtkImage           *fairness_icon;
  GtkLevelBar        *fairness_bar;
  GtkLabel           *fairness_percent;
  GtkLabel           *fairness_sentence;
  GtkWidget          *fairness_card;
  GtkLabel           *due_description;
  GtkLabel           *fairness_explanation;
  GtkListBox         *list_box;
  AdwStatusPage      *empty_page;
  GtkStack           *stack;

  /* owned */
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  char               *search;        /* folded; NULL when empty */
};

G_DEFINE_FINAL_TYPE (HearthRecognitionDueView, hearth_recognition_due_view, ADW_TYPE_BIN)

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  HearthRecognitionDueView *self = user_data;
  HearthDueItem *item = object;

  return self->search == NULL || strstr (item->folded, self->search) != NULL;
}

static void
update_stack (HearthRecognitionDueView *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
set_warning (GtkWidget *widget,
             gboolean   warning)
{
  if (warning)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
}

static void
update_fairness (HearthRecognitionDueView *self,
                 HearthRecognitionBoard   *board)
{
  const HearthHealthCheck *check = NULL;
  gboolean known = board != NULL && board->fairness_share >= 0;
  gboolean warning = FALSE;
  g_autofree char *percent = NULL;
  g_autofree char *bar_label = NULL;
  g_autofree char *fallback = NULL;
  const char *sentence = NULL;

  for (guint i = 0; board != NULL && board->checks != NULL && i < board->checks->len; i++)
    {
      const HearthHealthCheck *candidate = g_ptr_array_index (board->checks, i);

      if (g_strcmp0 (candidate->key, "recognition_fairness") == 0)
        {
          check = candidate;
          break;
        }
    }

  if (known)
    {
      double share = CLAMP (board->fairness_share, 0, 1);

      /* Above 50 %, and whatever the guard itself says. */
      warning = share * 100 > HEARTH_HEALTH_FAIRNESS_LIMIT_PERCENT ||
                (check != NULL && check->severity == HEARTH_SEVERITY_WARNING);
      /* Translators: the fairness figure, the share of recognitions that went to the top
       * members: "64 %" */
      percent = g_strdup_printf (_("%.0f %%"), 100 * share);
      gtk_level_bar_set_value (self->fairness_bar, share);
      /* Translators: the fairness bar, for screen readers: "Share to the top members: 64 %" */
      bar_label = g_strdup_printf (_("Share to the top members: %s"), percent);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fairness_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label,
                                      -1);
    }

  if (check != NULL && !hearth_str_empty (check->sentence))
    sentence = check->sentence;
  else if (board == NULL)
    sentence = "";
  else if (!known)
    /* Translators: instead of the fairness figure, when fewer than five members were
     * recognized; the number is the window, 180 */
    sentence = fallback = g_strdup_printf (ngettext ("Too few members have been recognized in the last %u day to judge fairness.",
                                                     "Too few members have been recognized in the last %u days to judge fairness.",
                                                     HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS),
                                           (guint) HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS);
  else if (warning)
    sentence = _("Most recognition went to the same few members.");
  else
    sentence = _("Recognition is spread across the members.");

  gtk_label_set_label (self->fairness_percent, known ? percent : "—");
  gtk_widget_set_visible (GTK_WIDGET (self->fairness_bar), known);
  gtk_label_set_label (self->fairness_sentence, sentence);
  gtk_widget_set_visible (GTK_WIDGET (self->fairness_icon), warning);
  set_warning (GTK_WIDGET (self->fairness_percent), warning);
  /* Libadwaita 1.2 paints every filled block in the accent colour, whatever its offset;
   * the class lets the stylesheet paint the bar as a warning too. */
  set_warning (GTK_WIDGET (self->fairness_bar), warning);
  set_warning (GTK_WIDGET (self->fairness_sentence), warning);
}

static void
update_texts (HearthRecognitionDueView *self,
              HearthRecognitionBoard   *board)
{
  g_autofree char *due = NULL;
  g_autofree char *empty = NULL;

  if (board != NULL && board->recognition_interval_days > 0)
    {
      guint days = board->recognition_interval_days;

      /* Translators: under "Due for Recognition"; the number is the program's recognition
       * interval */
      due = g_strdup_printf (ngettext ("Ambassadors not recognized in the last %u day, most contribution first.",
                                       "Ambassadors not recognized in the last %u days, most contribution first.",
                                       days),
                             days);
      /* Translators: the description when nobody is due for recognition; the number is the
       * program's recognition interval */
      empty = g_strdup_printf (ngettext ("Every ambassador has been recognized in the last %u day.",
                                         "Every ambassador has been recognized in the last %u days.",
                                         days),
                               days);
    }
  else
    {
      due = g_strdup (_("Ambassadors not recognized recently, most contribution first."));
      empty = g_strdup (_("Every ambassador has been recognized recently."));
    }

  gtk_label_set_label (self->due_description, due);
  adw_status_page_set_description (self->empty_page, empty);
}

/* Rows */

static GtkWidget *
create_row_cb (gpointer object,
               gpointer user_data)
{
  HearthDueItem *item = object;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (item->member_name);
  GtkWidget *severity = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *severity_icon = gtk_image_new ();
  GtkWidget *severity_label = gtk_label_new (NULL);
  GtkWidget *last = gtk_label_new (item->last);
  GtkWidget *contribution = gtk_label_new (item->contribution);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *log = gtk_button_new_with_mnemonic (_("_Log…"));
  GtkWidget *spotlight = gtk_button_new_with_mnemonic (_("_Spotlight…"));
  gboolean overdue = item->severity >= HEARTH_SEVERITY_WARNING;
  g_autofree char *log_label = NULL;
  g_autofree char *spotlight_label = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);

  gtk_image_set_from_icon_name (GTK_IMAGE (severity_icon),
                                overdue ? "dialog-warning-symbolic" : "alarm-symbolic");
  gtk_label_set_label (GTK_LABEL (severity_label),
                       /* Translators: the severity of a due ambassador: long past the interval */
                       overdue ? C_("recognition due", "Overdue")
                       /* Translators: the severity of a due ambassador: past the interval */
                               : C_("recognition due", "Due"));
  gtk_widget_add_css_class (severity, overdue ? "warning" : "accent");
  gtk_widget_set_valign (severity, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (severity), severity_icon);
  gtk_box_append (GTK_BOX (severity), severity_label);
  if (item->sentence != NULL)
    gtk_widget_set_tooltip_text (severity, item->sentence);
  gtk_box_append (GTK_BOX (top), severity);
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_xalign (GTK_LABEL (last), 0);
  gtk_label_set_wrap (GTK_LABEL (last), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (last), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), last);

  gtk_label_set_xalign (GTK_LABEL (contribution), 0);
  gtk_label_set_wrap (GTK_LABEL (contribution), TRUE);
  gtk_widget_add_css_class (contribution, "dim-label");
  gtk_box_append (GTK_BOX (box), contribution);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (log), "recognition.log-new");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (log), "s", item->member_id);
  /* Translators: a due row's Log… button, for screen readers: "Log recognition for Ana" */
  log_label = g_strdup_printf (_("Log recognition for %s"), item->member_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (log), GTK_ACCESSIBLE_PROPERTY_LABEL, log_label, -1);
  gtk_widget_set_tooltip_text (log, log_label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (spotlight), "recognition.spotlight");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (spotlight), "s", item->member_id);
  /* Translators: a due row's Spotlight… button, for screen readers: "Draft a spotlight post for Ana" */
  spotlight_label = g_strdup_printf (_("Draft a spotlight post for %s"), item->member_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spotlight), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spotlight_label, -1);
  gtk_widget_set_tooltip_text (spotlight, spotlight_label);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (buttons), spotlight);
  gtk_box_append (GTK_BOX (buttons), log);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Rows read as the member they are about. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->member_name, -1);

  return row;
}

/* Public API */

void
hearth_recognition_due_view_set_board (HearthRecognitionDueView *self,
                                       HearthRecognitionBoard   *board)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (HEARTH_IS_RECOGNITION_DUE_VIEW (self));

  for (guint i = 0; board != NULL && board->due != NULL && i < board->due->len; i++)
    {
      const HearthBoardDue *due = g_ptr_array_index (board->due, i);

      if (due->member_id != NULL)
        g_ptr_array_add (items, hearth_due_item_new (due));
    }

  hearth_list_store_update (self->items, items, hearth_due_item_same_row, hearth_due_item_equal);
  gtk_widget_set_visible (self->fairness_card, board != NULL);
  update_fairness (self, board);
  update_texts (self, board);
  update_stack (self);
}

void
hearth_recognition_due_view_set_search (HearthRecognitionDueView *self,
                                        const char               *text)
{
  g_return_if_fail (HEARTH_IS_RECOGNITION_DUE_VIEW (self));

  if (!hearth_search_update (&self->search, text))
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

guint
hearth_recognition_due_view_get_n_shown (HearthRecognitionDueView *self)
{
  g_return_val_if_fail (HEARTH_IS_RECOGNITION_DUE_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/* GObject */

static void
hearth_recognition_due_view_dispose (GObject *object)
{
  HearthRecognitionDueView *self = (HearthRecognitionDueView *)object;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_RECOGNITION_DUE_VIEW);

  G_OBJECT_CLASS (hearth_recognition_due_view_parent_class)->dispose (object);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
}

static void
hearth_recognition_due_view_finalize (GObject *object)
{
  HearthRecognitionDueView *self = (HearthRecognitionDueView *)object;

  g_free (self->search);

  G_OBJECT_CLASS (hearth_recognition_due_view_parent_class)->finalize (object);
}

static void
hearth_recognition_due_view_class_init (HearthRecognitionDueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_recognition_due_view_dispose;
  object_class->finalize = hearth_recognition_due_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/recognition/hearth-recognition-due-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, due_description);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, fairness_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, fairness_card);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, fairness_explanation);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, fairness_icon);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, fairness_percent);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, fairness_sentence);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, list_box);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionDueView, stack);
}

static void
hearth_recognition_due_view_init (HearthRecognitionDueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The level bar's own offsets colour a low value as a warning; here a high share is the
   * problem. Blocks take the class of the smallest offset at or above the value: up to the
   * 50 % mark the bar is "high" (the accent colour), past it "low" (the warning colour). */
  gtk_level_bar_remove_offset_value (self->fairness_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->fairness_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->fairness_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->fairness_bar, GTK_LEVEL_BAR_OFFSET_HIGH,
                                  HEARTH_HEALTH_FAIRNESS_LIMIT_PERCENT / 100.0);
  gtk_level_bar_add_offset_value (self->fairness_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1.0);

  self->items = g_list_store_new (HEARTH_TYPE_DUE_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filter_model),
                           create_row_cb, self, NULL);

  {
    g_autofree char *explanation = NULL;

    /* Translators: under "Fairness": what the figure is; the numbers are 180 and 20 */
    explanation = g_strdup_printf (_("Share of the last %u days’ recognitions that went to the top %u %% of recognized members"),
                                   (guint) HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS,
                                   (guint) HEARTH_HEALTH_FAIRNESS_TOP_PERCENT);
    gtk_label_set_label (self->fairness_explanation, explanation);
  }

  gtk_widget_set_visible (self->fairness_card, FALSE);
  update_texts (self, NULL);
  update_stack (self);
}
