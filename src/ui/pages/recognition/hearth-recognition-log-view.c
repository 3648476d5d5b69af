/* hearth-recognition-log-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recognition log as a timeline, in one GtkListView. GTK 4.8 has no list sections, so the
 * list is flat: set_board() copies every entry into a HearthLogItem (the page frees the board
 * on its next reload), and each change of the board, the search or the kind rebuilds the rows
 * shown — section and month headers included, so a header never stands over nothing — and
 * hands them to hearth_list_store_update(), which keeps unchanged rows in place.
 */

#define G_LOG_DOMAIN "hearth-recognition-log-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-recognition-log-view.h"
#include "hearth-recognition.h"
#include "hearth-list-store.h"
#include "hearth-util.h"
#include "hearth-ui-text.h"

/* HearthLogItem: a row, either a header or a copy of one HearthBoardEntry */

typedef enum
{
  LOG_ITEM_SECTION,   /* "Upcoming", "Done" */
  LOG_ITEM_MONTH,     /* "October 2026" */
  LOG_ITEM_ENTRY,
} LogItemType;

#define HEARTH_TYPE_LOG_ITEM (hearth_log_item_get_type ())
G_DECLARE_FINAL_TYPE (HearthLogItem, hearth_log_item, HEARTH, LOG_ITEM, GObject)

struct _HearthLogItem
{
  GObject      parent_instance;

  LogItemType  type;
  char        *key;          /* the row's identity: "section:upcoming", "month:2026-10", "entry:<id>" */
  char        *text;         /* a header's words */

  /* entries only */
  char        *id;
  char        *member_id;
  char        *member_name;
  char        *kind;
  char        *title;        /* the title, or the kind's label without one */
  char        *meta;         /* "Shout-out · Ana · 12 October 2026" */
  char        *note_line;    /* the note's first line; NULL without a note */
  gboolean     upcoming;
  gboolean     overdue;
  char        *month;        /* YYYY-MM of done_on; NULL when upcoming or undated */
  char        *folded;       /* what search looks at, folded */
};

G_DEFINE_FINAL_TYPE (HearthLogItem, hearth_log_item, G_TYPE_OBJECT)

static void
hearth_log_item_finalize (GObject *object)
{
  HearthLogItem *self = (HearthLogItem *)object;

  g_free (self->key);
  g_free (self->text);
  g_free (self->id);
  g_free (self->member_id);
  g_free (self->member_name);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->meta);
  g_free (self->note_line);
  g_free (self->month);
  g_free (self->folded);

  G_OBJECT_CLASS (hearth_log_item_parent_class)->finalize (object);
}

static void
hearth_log_item_class_init (HearthLogItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_log_item_finalize;
}

static void
hearth_log_item_init (HearthLogItem *self)
{
}

static HearthLogItem *
hearth_log_item_new_header (LogItemType  type,
                            const char  *key,
                            const char  *text)
{
  HearthLogItem *self = g_object_new (HEARTH_TYPE_LOG_ITEM, NULL);

  self->type = type;
  self->key = g_strdup (key);
  self->text = g_strdup (text);

  return self;
}

/* A YYYY-MM-DD day as a GDateTime at midnight UTC; NULL when it is not a day. */
static GDateTime *
parse_day (const char *day)
{
  if (!hearth_date_is_valid (day))
    return NULL;

  return g_date_time_new_utc ((int) g_ascii_strtoull (day, NULL, 10),
                              (int) g_ascii_strtoull (day + 5, NULL, 10),
                              (int) g_ascii_strtoull (day + 8, NULL, 10), 0, 0, 0);
}

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) datetime = parse_day (day);

  if (datetime == NULL)
    return g_strdup (day);

  /* Translators: a day in the recognition log, a strftime format: "12 October 2026"
   * xgettext:no-c-format */
  return g_date_time_format (datetime, C_("recognition day", "%-d %B %Y"));
}

static char *
format_month (const char *day)
{
  g_autoptr(GDateTime) datetime = parse_day (day);

  if (datetime == NULL)
    return g_strdup (day);

  /* Translators: a month header in the recognition log, a strftime format: "October 2026";
   * %OB is the month's name standing alone (nominative), where a language has such a form
   * xgettext:no-c-format */
  return g_date_time_format (datetime, C_("recognition month", "%OB %Y"));
}

static HearthLogItem *
hearth_log_item_new_entry (const HearthBoardEntry *entry)
{
  HearthLogItem *self = g_object_new (HEARTH_TYPE_LOG_ITEM, NULL);
  const char *kind_label = hearth_recognition_kind_label (entry->kind != NULL ? entry->kind : "other");
  g_autofree char *when = NULL;
  g_autoptr(GString) search = NULL;

  self->type = LOG_ITEM_ENTRY;
  self->key = g_strconcat ("entry:", entry->id, NULL);
  self->id = g_strdup (entry->id);
  self->member_id = g_strdup (entry->member_id);
  self->member_name = g_strdup (entry->member_name != NULL ? entry->member_name : "");
  self->kind = g_strdup (entry->kind != NULL ? entry->kind : "other");
  self->title = g_strdup (!hearth_str_empty (entry->title) ? entry->title : kind_label);
  self->upcoming = entry->upcoming;
  self->overdue = entry->upcoming && entry->overdue;

  if (!entry->upcoming && entry->done_on != NULL)
    {
      g_autofree char *day = format_day (entry->done_on);

      self->month = g_strndup (entry->done_on, 7);
      /* Translators: when a gesture in the log was made: "Done on 12 October 2026" */
      when = g_strdup_printf (_("Done on %s"), day);
    }
  else if (entry->planned_on != NULL)
    {
      g_autofree char *day = format_day (entry->planned_on);

      /* Translators: when a gesture in the log is planned: "Planned for 12 October 2026" */
      when = g_strdup_printf (_("Planned for %s"), day);
    }
  else if (entry->upcoming)
    when = g_strdup (_("Not scheduled yet"));
  else
    when = g_strdup (_("Done"));

  if (!hearth_str_empty (entry->title))
    /* Translators: the second line of an entry in the recognition log: its kind, the member
     * and when, "Shout-out · Ana Lima · Done on 12 October 2026" */
    self->meta = g_strdup_printf (_("%s · %s · %s"), kind_label, self->member_name, when);
  else
    /* Translators: the second line of an entry of the recognition log without a title (the
     * kind is its title): the member and when, "Ana Lima · Done on 12 October 2026" */
    self->meta = g_strdup_printf (_("%s · %s"), self->member_name, when);

  if (!hearth_str_empty (entry->note))
    {
      const char *end = strchr (entry->note, '\n');
      g_autofree char *line = end != NULL ? g_strndup (entry->note, end - entry->note)
                                          : g_strdup (entry->note);

      g_strstrip (line);
      if (*line != '\0')
        self->note_line = g_steal_pointer (&line);
    }

  search = g_string_new (self->member_name);
  g_string_append_c (search, '\n');
  if (entry->title != NULL)
    g_string_append (search, entry->title);
  g_string_append_c (search, '\n');
  if (entry->note != NULL)
    g_string_append (search, entry->note);
  self->folded = hearth_text_fold (search->str);

  return self;
}

static gboolean
hearth_log_item_same_row (gconstpointer x,
                          gconstpointer y)
{
  const HearthLogItem *a = x, *b = y;

  return g_strcmp0 (a->key, b->key) == 0;
}

static gboolean
hearth_log_item_equal (gconstpointer x,
                       gconstpointer y)
{
  const HearthLogItem *a = x, *b = y;

  return a->type == b->type &&
         g_strcmp0 (a->key, b->key) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->member_id, b->member_id) == 0 &&
         g_strcmp0 (a->kind, b->kind) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->meta, b->meta) == 0 &&
         g_strcmp0 (a->note_line, b->note_line) == 0 &&
         a->upcoming == b->upcoming &&
         a->overdue == b->overdue;
}

/* An icon of the Adwaita theme for each kind; the kind's label is always written beside it. */
static const char *
kind_icon_name (const char *kind)
{
  static const struct {
    const char *kind;
    const char *icon_name;
  } icons[] = {
    { "shout_out", "starred-symbolic" },
    { "spotlight", "camera-photo-symbolic" },
    { "exclusive_access", "channel-secure-symbolic" },
    { "perk", "emoji-activities-symbolic" },
    { "stipend", "emoji-symbols-symbolic" },
    { "merch", "package-x-generic-symbolic" },
    { "handwritten_note", "document-edit-symbolic" },
    { "gift", "emblem-favorite-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (kind, icons[i].kind) == 0)
      return icons[i].icon_name;

  return "face-smile-symbolic";
}

/* The view */

struct _HearthRecognitionLogView
{
  AdwBin            parent_instance;

  /* template widgets */
  GtkListView      *list_view;

  /* owned */
  GtkStack         *stack;      /* AdwBin's child; not a template child */
  GListStore       *items;      /* the rows shown, headers included */
  GtkNoSelection   *selection;
  GPtrArray        *entries;    /* (element-type HearthLogItem): every entry, in the board's order */
  char             *search;     /* folded; NULL when empty */
  char             *kind;       /* NULL for all kinds */
  guint             n_shown;
};

G_DEFINE_FINAL_TYPE (HearthRecognitionLogView, hearth_recognition_log_view, ADW_TYPE_BIN)

static gboolean
entry_matches (HearthRecognitionLogView *self,
               HearthLogItem            *item)
{
  if (self->kind != NULL && g_strcmp0 (item->kind, self->kind) != 0)
    return FALSE;

  return self->search == NULL || strstr (item->folded, self->search) != NULL;
}

static void
update_stack (HearthRecognitionLogView *self)
{
  const char *page = "list";

  if (self->entries->len == 0)
    page = "empty";
  else if (self->n_shown == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* The rows shown: "Upcoming" and its entries, then "Done" with a header per month. The board
 * gives upcoming entries first (soonest first) and done ones newest first. */
static void
rebuild (HearthRecognitionLogView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean upcoming_header = FALSE;
  gboolean done_header = FALSE;
  const char *month = NULL;

  self->n_shown = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      HearthLogItem *item = g_ptr_array_index (self->entries, i);

      if (!entry_matches (self, item))
        continue;

      if (item->upcoming && !upcoming_header)
        {
          /* Translators: the header of the planned gestures in the recognition log */
          g_ptr_array_add (rows, hearth_log_item_new_header (LOG_ITEM_SECTION, "section:upcoming",
                                                             C_("recognition log", "Upcoming")));
          upcoming_header = TRUE;
        }
      else if (!item->upcoming)
        {
          if (!done_header)
            {
              /* Translators: the header of the gestures made, in the recognition log */
              g_ptr_array_add (rows, hearth_log_item_new_header (LOG_ITEM_SECTION, "section:done",
                                                                 C_("recognition log", "Done")));
              done_header = TRUE;
            }
          if (item->month != NULL && g_strcmp0 (item->month, month) != 0)
            {
              g_autofree char *key = g_strconcat ("month:", item->month, NULL);
              g_autofree char *first = g_strconcat (item->month, "-01", NULL);
              g_autofree char *text = format_month (first);

              g_ptr_array_add (rows, hearth_log_item_new_header (LOG_ITEM_MONTH, key, text));
              month = item->month;
            }
        }

      g_ptr_array_add (rows, g_object_ref (item));
      self->n_shown++;
    }

  hearth_list_store_update (self->items, rows, hearth_log_item_same_row, hearth_log_item_equal);
  update_stack (self);
}

/* Return, or a click, on an entry edits it. */
static void
activate_cb (HearthRecognitionLogView *self,
             guint                     position)
{
  g_autoptr(HearthLogItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL && item->type == LOG_ITEM_ENTRY)
    gtk_widget_activate_action (GTK_WIDGET (self), "recognition.log-edit", "s", item->id);
}

/* Rows: one widget that is a header or an entry, as the item says. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  /* Translators: a tag on a planned gesture of the log whose day has passed */
  GtkWidget *overdue = gtk_label_new (C_("recognition log", "Overdue"));
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (row), header);

  gtk_widget_set_margin_top (entry, 8);
  gtk_widget_set_margin_bottom (entry, 8);
  gtk_widget_set_margin_start (entry, 6);
  gtk_widget_set_margin_end (entry, 6);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (entry), icon);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  gtk_widget_set_valign (overdue, GTK_ALIGN_START);
  gtk_widget_add_css_class (overdue, "warning");
  gtk_widget_add_css_class (overdue, "caption-heading");
  gtk_box_append (GTK_BOX (top), overdue);
  gtk_box_append (GTK_BOX (texts), top);

  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (meta), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), meta);

  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (texts), note);

  gtk_box_append (GTK_BOX (entry), texts);
  gtk_box_append (GTK_BOX (row), entry);

  g_object_set_data (G_OBJECT (row), "header", header);
  g_object_set_data (G_OBJECT (row), "entry", entry);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "overdue", overdue);
  g_object_set_data (G_OBJECT (row), "meta", meta);
  g_object_set_data (G_OBJECT (row), "note", note);

  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  HearthLogItem *item = gtk_list_item_get_item (list_item);
  GObject *row = G_OBJECT (gtk_list_item_get_child (list_item));
  GtkWidget *header = g_object_get_data (row, "header");
  GtkWidget *icon = g_object_get_data (row, "icon");
  GtkWidget *note = g_object_get_data (row, "note");
  gboolean is_entry = item->type == LOG_ITEM_ENTRY;

  gtk_list_item_set_activatable (list_item, is_entry);
  gtk_widget_set_visible (header, !is_entry);
  gtk_widget_set_visible (g_object_get_data (row, "entry"), is_entry);

  if (!is_entry)
    {
      gboolean section = item->type == LOG_ITEM_SECTION;

      gtk_label_set_label (GTK_LABEL (header), item->text);
      gtk_widget_set_margin_top (header, section ? 18 : 10);
      gtk_widget_set_margin_bottom (header, section ? 6 : 4);
      if (section)
        {
          gtk_widget_add_css_class (header, "title-4");
          gtk_widget_remove_css_class (header, "caption-heading");
          gtk_widget_remove_css_class (header, "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (header, "title-4");
          gtk_widget_add_css_class (header, "caption-heading");
          gtk_widget_add_css_class (header, "dim-label");
        }
      return;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kind_icon_name (item->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hearth_recognition_kind_label (item->kind),
                                  -1);
  gtk_label_set_label (g_object_get_data (row, "title"), item->title);
  gtk_widget_set_visible (g_object_get_data (row, "overdue"), item->overdue);
  gtk_label_set_label (g_object_get_data (row, "meta"), item->meta);
  gtk_label_set_label (GTK_LABEL (note), item->note_line != NULL ? item->note_line : "");
  gtk_widget_set_visible (note, item->note_line != NULL);
}

/* Public API */

void
hearth_recognition_log_view_set_board (HearthRecognitionLogView *self,
                                       HearthRecognitionBoard   *board)
{
  g_return_if_fail (HEARTH_IS_RECOGNITION_LOG_VIEW (self));

  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; board != NULL && board->log != NULL && i < board->log->len; i++)
    {
      const HearthBoardEntry *entry = g_ptr_array_index (board->log, i);

      if (entry->id != NULL)
        g_ptr_array_add (self->entries, hearth_log_item_new_entry (entry));
    }

  rebuild (self);
}

void
hearth_recognition_log_view_set_search (HearthRecognitionLogView *self,
                                        const char               *text)
{
  g_return_if_fail (HEARTH_IS_RECOGNITION_LOG_VIEW (self));

  if (!hearth_search_update (&self->search, text))
    return;
  rebuild (self);
}

void
hearth_recognition_log_view_set_kind (HearthRecognitionLogView *self,
                                      const char               *kind)
{
  g_return_if_fail (HEARTH_IS_RECOGNITION_LOG_VIEW (self));

  if (kind != NULL && *kind == '\0')
    kind = NULL;
  if (g_strcmp0 (kind, self->kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  rebuild (self);
}

/* The entries shown, headers aside. */
guint
hearth_recognition_log_view_get_n_shown (HearthRecognitionLogView *self)
{
  g_return_val_if_fail (HEARTH_IS_RECOGNITION_LOG_VIEW (self), 0);

  return self->n_shown;
}

/* GObject */

static void
hearth_recognition_log_view_dispose (GObject *object)
{
  HearthRecognitionLogView *self = (HearthRecognitionLogView *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_RECOGNITION_LOG_VIEW);

  G_OBJECT_CLASS (hearth_recognition_log_view_parent_class)->dispose (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
}

static void
hearth_recognition_log_view_finalize (GObject *object)
{
  HearthRecognitionLogView *self = (HearthRecognitionLogView *)object;

  g_free (self->search);
  g_free (self->kind);

  G_OBJECT_CLASS (hearth_recognition_log_view_parent_class)->finalize (object);
}

static void
hearth_recognition_log_view_class_init (HearthRecognitionLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_recognition_log_view_dispose;
  object_class->finalize = hearth_recognition_log_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/recognition/hearth-recognition-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionLogView, list_view);
}

static void
hearth_recognition_log_view_init (HearthRecognitionLogView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_list_store_new (HEARTH_TYPE_LOG_ITEM);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  update_stack (self);
}
