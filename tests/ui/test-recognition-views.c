/* test-recognition-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two views of the Recognition page that show the board as lists, fed a board built by
 * hand (no database): the recognition log (upcoming before done, overdue entries marked,
 * month headers, the kind filter and search, the empty and no-match states, a row editing its
 * entry) and "Due for recognition" (the due ambassadors in order, the fairness figure and its
 * warning, the rows' Log… and Spotlight… buttons).
 *
 * With HEARTH_TEST_SCREENSHOT_DIR set, the views are also drawn to PNGs there, light and dark,
 * wide and at 360 px.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hearth-recognition-due-view.h"
#include "hearth-recognition-log-view.h"
#include "hearth-ui-test.h"

/* A board by hand, owned by this test: only the parts these views read. */

static void
entry_free (gpointer data)
{
  HearthBoardEntry *entry = data;

  g_free (entry->id);
  g_free (entry->member_id);
  g_free (entry->member_name);
  g_free (entry->kind);
  g_free (entry->title);
  g_free (entry->note);
  g_free (entry->planned_on);
  g_free (entry->done_on);
  g_free (entry);
}

static void
due_free (gpointer data)
{
  HearthBoardDue *due = data;

  g_free (due->member_id);
  g_free (due->member_name);
  g_free (due->last_recognized);
  g_free (due->sentence);
  g_free (due);
}

static void
board_free (HearthRecognitionBoard *board)
{
  g_free (board->program_id);
  g_free (board->program_name);
  g_free (board->reference_day);
  g_clear_pointer (&board->log, g_ptr_array_unref);
  g_clear_pointer (&board->due, g_ptr_array_unref);
  g_clear_pointer (&board->checks, g_ptr_array_unref);
  g_free (board);
}

/* The core's own free function is for loaded boards; a test board is freed here. */
typedef HearthRecognitionBoard TestBoard;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestBoard, board_free)

static HearthRecognitionBoard *
board_new (void)
{
  HearthRecognitionBoard *board = g_new0 (HearthRecognitionBoard, 1);

  board->program_id = g_strdup ("p1");
  board->program_name = g_strdup ("Hearth Meetups");
  board->reference_day = g_strdup ("2026-11-20");
  board->recognition_interval_days = 30;
  board->log = g_ptr_array_new_with_free_func (entry_free);
  board->due = g_ptr_array_new_with_free_func (due_free);
  board->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_health_check_free);
  board->fairness_share = -1;

  return board;
}

static void
add_entry (HearthRecognitionBoard *board,
           const char             *id,
           const char             *member_name,
           const char             *kind,
           const char             *title,
           const char             *note,
           const char             *planned_on,
           const char             *done_on)
{
  HearthBoardEntry *entry = g_new0 (HearthBoardEntry, 1);

  entry->id = g_strdup (id);
  entry->member_id = g_ascii_strdown (member_name, 3);
  entry->member_name = g_strdup (member_name);
  entry->kind = g_strdup (kind);
  entry->title = g_strdup (title);
  entry->note = g_strdup (note);
  entry->planned_on = g_strdup (planned_on);
  entry->done_on = g_strdup (done_on);
  entry->upcoming = done_on == NULL;
  entry->overdue = entry->upcoming && planned_on != NULL &&
                   strcmp (planned_on, board->reference_day) < 0;
  g_ptr_array_add (board->log, entry);
}

/* The board's order: upcoming soonest first, then done newest first. */
static HearthRecognitionBoard *
log_board_new (void)
{
  HearthRecognitionBoard *board = board_new ();

  add_entry (board, "r-up0", "Ben Okafor", "handwritten_note", NULL,
             "Thanks for the meetup\nand for staying late", "2026-11-10", NULL);
  add_entry (board, "r-up1", "Ana Lima", "gift", "Birthday gift", NULL, "2026-12-05", NULL);
  add_entry (board, "r-d1", "Ana Lima", "shout_out", "Welcome week MVP", "Ran three sessions",
             "2026-11-01", "2026-11-02");
  add_entry (board, "r-d2", "Chloé Martin", "spotlight", "Community spotlight", NULL,
             NULL, "2026-10-15");
  add_entry (board, "r-d3", "Ben Okafor", "shout_out", NULL, NULL, NULL, "2026-10-01");

  return board;
}

static void
add_due (HearthRecognitionBoard *board,
         const char             *member_id,
         const char             *member_name,
         const char             *last_recognized,
         gint64                  days_since,
         guint64                 contribution,
         HearthSeverity          severity)
{
  HearthBoardDue *due = g_new0 (HearthBoardDue, 1);

  due->member_id = g_strdup (member_id);
  due->member_name = g_strdup (member_name);
  due->last_recognized = g_strdup (last_recognized);
  due->days_since = days_since;
  due->contribution = contribution;
  due->severity = severity;
  due->sentence = g_strdup_printf ("%s has not been recognized for a while.", member_name);
  g_ptr_array_add (board->due, due);
}

static void
add_fairness (HearthRecognitionBoard *board,
              double                  share,
              HearthSeverity          severity,
              const char             *sentence)
{
  HearthHealthCheck *check = hearth_health_check_new ("recognition_fairness", severity,
                                                      "recognition");

  check->sentence = g_strdup (sentence);
  g_ptr_array_add (board->checks, check);
  board->fairness_share = share;
  board->fairness_recognized = 6;
  board->fairness_total = 14;
}

static HearthRecognitionBoard *
due_board_new (void)
{
  HearthRecognitionBoard *board = board_new ();

  /* The guard's order: most contribution first. */
  add_due (board, "ben", "Ben Okafor", "2026-03-01", 264, 12, HEARTH_SEVERITY_WARNING);
  add_due (board, "dana", "Dana Reyes", NULL, -1, 5, HEARTH_SEVERITY_NOTICE);
  add_due (board, "ana", "Ana Lima", "2026-09-01", 80, 1, HEARTH_SEVERITY_NOTICE);
  add_fairness (board, 0.64, HEARTH_SEVERITY_WARNING,
                "64 % of the last 180 days’ recognitions went to 2 of 6 members.");

  return board;
}

/* The page's actions, caught on a parent of the view. */

typedef struct
{
  char *name;
  char *target;
  guint n_activations;
} Caught;

static void
caught_clear (Caught *caught)
{
  g_clear_pointer (&caught->name, g_free);
  g_clear_pointer (&caught->target, g_free);
  caught->n_activations = 0;
}

static void
action_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Caught *caught = user_data;

  g_free (caught->name);
  g_free (caught->target);
  caught->name = g_strdup (g_action_get_name (G_ACTION (action)));
  caught->target = g_variant_dup_string (parameter, NULL);
  caught->n_activations++;
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
  Caught     caught;
} Fixture;

static void
fixture_set_up (Fixture    *fixture,
                GType       view_type,
                int         width)
{
  GtkWidget *parent = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const char * const names[] = { "log-new", "log-edit", "spotlight" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (action_activated_cb), &fixture->caught);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (parent, "recognition", G_ACTION_GROUP (group));

  fixture->view = g_object_new (view_type, NULL);
  gtk_widget_set_vexpand (fixture->view, TRUE);
  gtk_box_append (GTK_BOX (parent), fixture->view);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 900);
  gtk_window_set_child (GTK_WINDOW (fixture->window), parent);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  caught_clear (&fixture->caught);
}

/* Lets the window lay out its rows. */
static void
settle (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + 150 * 1000;

  hearth_ui_test_wait_for (gtk_widget_get_mapped (fixture->view));
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Widgets of the tree */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The texts of the labels shown under @widget, in the tree's order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (labels, child);
      collect_labels (child, labels);
    }
}

static GPtrArray *
shown_labels (GtkWidget *widget)
{
  GPtrArray *labels = g_ptr_array_new ();

  collect_labels (widget, labels);

  return labels;
}

/* The position of the first shown label reading @text at or after @from; -1 when none. */
static int
label_index (GPtrArray  *labels,
             const char *text,
             int         from)
{
  for (guint i = MAX (from, 0); i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return (int) i;

  return -1;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = shown_labels (widget);
  int i = label_index (labels, text, 0);

  return i >= 0 ? g_ptr_array_index (labels, i) : NULL;
}

static void
collect_buttons (GtkWidget  *widget,
                 const char *label,
                 GPtrArray  *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        g_ptr_array_add (buttons, child);
      collect_buttons (child, label, buttons);
    }
}

static const char *
stack_page (GtkWidget *view)
{
  GtkWidget *stack = find_descendant (view, GTK_TYPE_STACK);

  g_assert_nonnull (stack);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Screenshots */

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("HEARTH_TEST_SCREENSHOT_DIR");
  static const struct {
    const char *suffix;
    AdwColorScheme scheme;
  } schemes[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;
      GskRenderer *renderer;
      int width, height;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[i].scheme);
      settle (fixture);

      paintable = gtk_widget_paintable_new (fixture->window);
      width = gtk_widget_get_width (fixture->window);
      height = gtk_widget_get_height (fixture->window);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
      texture = gsk_renderer_render_texture (renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      file = g_strdup_printf ("%s-%s.png", name, schemes[i].suffix);
      path = g_build_filename (dir, file, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The log */

static void
test_log_timeline (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) board = log_board_new ();
  g_autoptr(GPtrArray) labels = NULL;
  HearthRecognitionLogView *view;
  int upcoming, overdue_entry, overdue, planned, done, november, october, d1, d2;

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_LOG_VIEW, 640);
  view = HEARTH_RECOGNITION_LOG_VIEW (fixture.view);
  hearth_recognition_log_view_set_board (view, board);
  settle (&fixture);

  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 5);
  g_assert_cmpstr (stack_page (fixture.view), ==, "list");

  labels = shown_labels (find_descendant (fixture.view, GTK_TYPE_LIST_VIEW));
  upcoming = label_index (labels, "Upcoming", 0);
  /* No title: the kind's label stands in for it. */
  overdue_entry = label_index (labels, "Handwritten note", upcoming);
  overdue = label_index (labels, "Overdue", overdue_entry);
  planned = label_index (labels, "Birthday gift", upcoming);
  done = label_index (labels, "Done", 0);
  november = label_index (labels, "November 2026", done);
  d1 = label_index (labels, "Welcome week MVP", november);
  october = label_index (labels, "October 2026", d1);
  d2 = label_index (labels, "Community spotlight", october);

  g_assert_cmpint (upcoming, >=, 0);
  g_assert_cmpint (overdue_entry, >, upcoming);
  g_assert_cmpint (planned, >, overdue_entry);
  g_assert_cmpint (done, >, planned);
  g_assert_cmpint (november, >, done);
  g_assert_cmpint (d1, >, november);
  g_assert_cmpint (october, >, d1);
  g_assert_cmpint (d2, >, october);

  /* The overdue entry is marked, in the warning style; the one planned later is not. */
  g_assert_cmpint (overdue, >, overdue_entry);
  g_assert_cmpint (overdue, <, planned);
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (labels, overdue), "warning"));
  g_assert_cmpint (label_index (labels, "Overdue", planned), ==, -1);

  /* The member, the kind and the day in words; the note's first line only, dimmed. */
  g_assert_cmpint (label_index (labels, "Ben Okafor · Planned for 10 November 2026",
                                overdue_entry), >, overdue_entry);
  g_assert_cmpint (label_index (labels, "Shout-out · Ana Lima · Done on 2 November 2026", d1), >, d1);
  g_assert_cmpint (label_index (labels, "Thanks for the meetup", overdue_entry), <, planned);
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (labels,
                                                              label_index (labels, "Thanks for the meetup", 0)),
                                           "dim-label"));

  screenshot (&fixture, "recognition-log");
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 360, 900);
  screenshot (&fixture, "recognition-log-360");

  fixture_tear_down (&fixture);
}

static void
test_log_filter (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) board = log_board_new ();
  HearthRecognitionLogView *view;

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_LOG_VIEW, 640);
  view = HEARTH_RECOGNITION_LOG_VIEW (fixture.view);
  hearth_recognition_log_view_set_board (view, board);

  /* The kind drop-down */
  hearth_recognition_log_view_set_kind (view, "shout_out");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 2);
  hearth_recognition_log_view_set_kind (view, "gift");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 1);
  hearth_recognition_log_view_set_kind (view, NULL);
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 5);

  /* Search: the member's name (accents and case aside), the title, the note */
  hearth_recognition_log_view_set_search (view, "ana");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 2);
  hearth_recognition_log_view_set_search (view, "CHLOE");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 1);
  hearth_recognition_log_view_set_search (view, "mvp");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 1);
  hearth_recognition_log_view_set_search (view, "staying late");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 1);

  /* Both at once */
  hearth_recognition_log_view_set_search (view, "Ana");
  hearth_recognition_log_view_set_kind (view, "shout_out");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 1);
  settle (&fixture);
  {
    g_autoptr(GPtrArray) labels = shown_labels (find_descendant (fixture.view, GTK_TYPE_LIST_VIEW));

    /* No header stands over nothing: without upcoming matches there is no "Upcoming". */
    g_assert_cmpint (label_index (labels, "Upcoming", 0), ==, -1);
    g_assert_cmpint (label_index (labels, "Done", 0), >=, 0);
    g_assert_cmpint (label_index (labels, "Welcome week MVP", 0), >=, 0);
  }

  /* No match */
  hearth_recognition_log_view_set_kind (view, NULL);
  hearth_recognition_log_view_set_search (view, "zzz");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 0);
  g_assert_cmpstr (stack_page (fixture.view), ==, "no-match");
  hearth_recognition_log_view_set_search (view, "");
  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 5);
  g_assert_cmpstr (stack_page (fixture.view), ==, "list");

  fixture_tear_down (&fixture);
}

static void
test_log_empty (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) board = board_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  HearthRecognitionLogView *view;

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_LOG_VIEW, 640);
  view = HEARTH_RECOGNITION_LOG_VIEW (fixture.view);
  hearth_recognition_log_view_set_board (view, board);
  settle (&fixture);

  g_assert_cmpuint (hearth_recognition_log_view_get_n_shown (view), ==, 0);
  g_assert_cmpstr (stack_page (fixture.view), ==, "empty");
  /* A search over nothing is still "nothing yet", not "no match". */
  hearth_recognition_log_view_set_search (view, "zzz");
  g_assert_cmpstr (stack_page (fixture.view), ==, "empty");
  hearth_recognition_log_view_set_search (view, NULL);

  /* "Log Recognition…" logs one for nobody in particular. */
  collect_buttons (fixture.view, "_Log Recognition…", buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  g_assert_cmpstr (fixture.caught.name, ==, "log-new");
  g_assert_cmpstr (fixture.caught.target, ==, "");
  screenshot (&fixture, "recognition-log-empty");

  /* No board at all reads the same. */
  hearth_recognition_log_view_set_board (view, NULL);
  g_assert_cmpstr (stack_page (fixture.view), ==, "empty");

  fixture_tear_down (&fixture);
}

static void
test_log_activate (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) board = log_board_new ();
  g_autoptr(TestBoard) reloaded = log_board_new ();
  GtkWidget *list_view;
  GListModel *model;

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_LOG_VIEW, 640);
  hearth_recognition_log_view_set_board (HEARTH_RECOGNITION_LOG_VIEW (fixture.view), board);
  settle (&fixture);
  list_view = find_descendant (fixture.view, GTK_TYPE_LIST_VIEW);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  /* Upcoming, 2 entries, Done, November, 1 entry, October, 2 entries */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);

  /* A header does nothing. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (fixture.caught.n_activations, ==, 0);

  /* The first entry is the overdue note. */
  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_cmpuint (fixture.caught.n_activations, ==, 1);
  g_assert_cmpstr (fixture.caught.name, ==, "log-edit");
  g_assert_cmpstr (fixture.caught.target, ==, "r-up0");

  /* After "Done" and "November 2026": the shout-out of 2 November. */
  g_signal_emit_by_name (list_view, "activate", 5);
  g_assert_cmpstr (fixture.caught.target, ==, "r-d1");

  /* A reload with the same entries keeps the rows (the board is freed by then). */
  {
    g_autoptr(GObject) before = g_list_model_get_item (model, 5);
    g_autoptr(GObject) after = NULL;

    hearth_recognition_log_view_set_board (HEARTH_RECOGNITION_LOG_VIEW (fixture.view), reloaded);
    g_clear_pointer (&board, board_free);
    after = g_list_model_get_item (model, 5);
    g_assert_true (before == after);
    g_signal_emit_by_name (list_view, "activate", 5);
    g_assert_cmpstr (fixture.caught.target, ==, "r-d1");
  }

  fixture_tear_down (&fixture);
}

/* Due for recognition */

static void
test_due_list (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) board = due_board_new ();
  g_autoptr(GPtrArray) labels = NULL;
  HearthRecognitionDueView *view;
  GtkLabel *percent;
  int ben, dana, ana;

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_DUE_VIEW, 640);
  view = HEARTH_RECOGNITION_DUE_VIEW (fixture.view);
  hearth_recognition_due_view_set_board (view, board);
  settle (&fixture);

  g_assert_cmpuint (hearth_recognition_due_view_get_n_shown (view), ==, 3);
  g_assert_cmpstr (stack_page (fixture.view), ==, "list");

  labels = shown_labels (fixture.view);
  ben = label_index (labels, "Ben Okafor", 0);
  dana = label_index (labels, "Dana Reyes", 0);
  ana = label_index (labels, "Ana Lima", 0);
  g_assert_cmpint (ben, >=, 0);
  g_assert_cmpint (dana, >, ben);
  g_assert_cmpint (ana, >, dana);

  g_assert_cmpint (label_index (labels, "Last recognized on 1 March 2026 (264 days ago)", ben), <, dana);
  g_assert_cmpint (label_index (labels, "12 contributions since", ben), <, dana);
  g_assert_cmpint (label_index (labels, "Overdue", ben), <, dana);
  g_assert_cmpint (label_index (labels, "Never recognized", dana), <, ana);
  g_assert_cmpint (label_index (labels, "5 contributions in all", dana), <, ana);
  g_assert_cmpint (label_index (labels, "Due", dana), <, ana);
  g_assert_cmpint (label_index (labels, "1 contribution since", ana), >, ana);
  g_assert_cmpint (label_index (labels, "Overdue", dana), ==, -1);

  /* The fairness figure, above 50 %: a warning */
  percent = find_label (fixture.view, "64 %");
  g_assert_nonnull (percent);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (percent), "warning"));
  g_assert_true (gtk_widget_has_css_class (find_descendant (fixture.view, GTK_TYPE_LEVEL_BAR),
                                           "warning"));
  g_assert_nonnull (find_label (fixture.view,
                                "64 % of the last 180 days’ recognitions went to 2 of 6 members."));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (find_descendant (fixture.view,
                                                                                          GTK_TYPE_LEVEL_BAR))),
                                  0.64, 1e-9);

  screenshot (&fixture, "recognition-due");
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 360, 900);
  screenshot (&fixture, "recognition-due-360");

  /* Search narrows by name. */
  hearth_recognition_due_view_set_search (view, "ana");
  g_assert_cmpuint (hearth_recognition_due_view_get_n_shown (view), ==, 2);
  hearth_recognition_due_view_set_search (view, "OKAFOR");
  g_assert_cmpuint (hearth_recognition_due_view_get_n_shown (view), ==, 1);
  hearth_recognition_due_view_set_search (view, "zzz");
  g_assert_cmpuint (hearth_recognition_due_view_get_n_shown (view), ==, 0);
  g_assert_cmpstr (stack_page (fixture.view), ==, "no-match");
  hearth_recognition_due_view_set_search (view, NULL);
  g_assert_cmpstr (stack_page (fixture.view), ==, "list");

  fixture_tear_down (&fixture);
}

static void
test_due_fairness (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) fair = board_new ();
  g_autoptr(TestBoard) few = board_new ();
  HearthRecognitionDueView *view;
  GtkLabel *percent;

  add_fairness (fair, 0.3, HEARTH_SEVERITY_OK, "Recognition is spread fairly.");
  add_fairness (few, -1, HEARTH_SEVERITY_OK, "Too few recognized members to judge fairness.");

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_DUE_VIEW, 640);
  view = HEARTH_RECOGNITION_DUE_VIEW (fixture.view);

  /* 50 % and below: no warning */
  hearth_recognition_due_view_set_board (view, fair);
  settle (&fixture);
  percent = find_label (fixture.view, "30 %");
  g_assert_nonnull (percent);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (percent), "warning"));
  g_assert_false (gtk_widget_has_css_class (find_descendant (fixture.view, GTK_TYPE_LEVEL_BAR),
                                            "warning"));
  g_assert_nonnull (find_label (fixture.view, "Recognition is spread fairly."));

  /* Nobody due: the empty state names the interval. */
  g_assert_cmpuint (hearth_recognition_due_view_get_n_shown (view), ==, 0);
  g_assert_cmpstr (stack_page (fixture.view), ==, "empty");
  {
    AdwStatusPage *page = ADW_STATUS_PAGE (find_descendant (fixture.view, ADW_TYPE_STATUS_PAGE));

    g_assert_cmpstr (adw_status_page_get_title (page), ==, "Everyone Has Been Thanked Recently");
    g_assert_nonnull (strstr (adw_status_page_get_description (page), "30 days"));
  }
  screenshot (&fixture, "recognition-due-empty");

  /* Too few to judge: no figure, the guard's sentence */
  hearth_recognition_due_view_set_board (view, few);
  settle (&fixture);
  g_assert_null (find_label (fixture.view, "30 %"));
  g_assert_nonnull (find_label (fixture.view, "—"));
  g_assert_false (gtk_widget_get_visible (find_descendant (fixture.view, GTK_TYPE_LEVEL_BAR)));
  g_assert_nonnull (find_label (fixture.view, "Too few recognized members to judge fairness."));

  fixture_tear_down (&fixture);
}

static void
test_due_buttons (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TestBoard) board = due_board_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new ();
  g_autoptr(GPtrArray) spotlight = g_ptr_array_new ();

  fixture_set_up (&fixture, HEARTH_TYPE_RECOGNITION_DUE_VIEW, 640);
  hearth_recognition_due_view_set_board (HEARTH_RECOGNITION_DUE_VIEW (fixture.view), board);
  settle (&fixture);

  collect_buttons (fixture.view, "_Log…", log);
  collect_buttons (fixture.view, "_Spotlight…", spotlight);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (spotlight->len, ==, 3);

  /* Rows name their member to screen readers (and in the tooltip). */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (log, 1)), ==,
                   "Log recognition for Dana Reyes");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (spotlight, 0)), ==,
                   "Draft a spotlight post for Ben Okafor");

  g_signal_emit_by_name (g_ptr_array_index (log, 1), "clicked");
  g_assert_cmpstr (fixture.caught.name, ==, "log-new");
  g_assert_cmpstr (fixture.caught.target, ==, "dana");

  g_signal_emit_by_name (g_ptr_array_index (spotlight, 2), "clicked");
  g_assert_cmpstr (fixture.caught.name, ==, "spotlight");
  g_assert_cmpstr (fixture.caught.target, ==, "ana");
  g_assert_cmpuint (fixture.caught.n_activations, ==, 2);

  fixture_tear_down (&fixture);
}

int
main (int argc, char **argv)
{
  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/recognition-views/log/timeline", test_log_timeline);
  g_test_add_func ("/recognition-views/log/filter", test_log_filter);
  g_test_add_func ("/recognition-views/log/empty", test_log_empty);
  g_test_add_func ("/recognition-views/log/activate", test_log_activate);
  g_test_add_func ("/recognition-views/due/list", test_due_list);
  g_test_add_func ("/recognition-views/due/fairness", test_due_fairness);
  g_test_add_func ("/recognition-views/due/buttons", test_due_buttons);

  return g_test_run ();
}
