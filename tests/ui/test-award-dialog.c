/* test-award-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The badge editor and the Award dialog on the real window and store: a badge created through
 * the editor is stored with exactly the values chosen (gold, an icon, a palette colour in
 * lowercase, an activity rule); a bad threshold or window is named and writes nothing; an
 * existing badge loads into the fields and saves a custom colour and a rule removed; awarding
 * several members writes one manual award each with the reason and the day, in one job; a
 * member who holds a badge that can't be given twice cannot be ticked; bots are left out and
 * ambassadors come first; the search narrows the list. Results are read back through the
 * store's reader.
 *
 * With HEARTH_SCREENSHOT_DIR set, it also writes screenshots of both dialogs there (light and
 * dark; wide and 360 px).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hearth-application.h"
#include "hearth-award.h"
#include "hearth-award-dialog.h"
#include "hearth-badge.h"
#include "hearth-badge-editor.h"
#include "hearth-render.h"
#include "hearth-schema.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

static HearthProgram *
add_program (HearthApplication *app,
             HearthWindow      *window)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");

  hearth_record_set_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF, "2026-03-15");
  hearth_store_insert_async (hearth_application_get_store (app), program, NULL, NULL, NULL);
  hearth_ui_test_wait_for (hearth_window_get_program (window) != NULL);

  return g_object_ref (hearth_window_get_program (window));
}

/* The Award dialog's list fades between pages: its screenshots wait for the fade to end. */
static void
screenshot (GtkWindow  *dialog,
            const char *name)
{
  if (hearth_ui_test_taking_screenshots () && HEARTH_IS_AWARD_DIALOG (dialog))
    hearth_ui_test_wait_for (!gtk_stack_get_transition_running (hearth_ui_test_child (dialog,
                                                                                        "list_stack")));
  hearth_ui_test_screenshot (dialog, name);
}

/* The badge editor ------------------------------------------------------------------------- */

static GtkWindow *
new_editor (HearthWindow  *window,
            HearthStore   *store,
            HearthProgram *program,
            const char    *badge_id,
            int            width)
{
  GtkWindow *dialog = hearth_badge_editor_new (GTK_WINDOW (window), store, program, badge_id);

  if (hearth_ui_test_taking_screenshots ())
    gtk_window_set_default_size (dialog, width, 1900);
  gtk_window_present (dialog);

  return dialog;
}

static void
pick_icon (GtkWindow  *dialog,
           const char *icon)
{
  GtkFlowBox *box = hearth_ui_test_child (dialog, "icon_flow_box");

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "hearth-icon-name"), icon) == 0)
      {
        gtk_flow_box_select_child (box, GTK_FLOW_BOX_CHILD (c));
        return;
      }

  g_assert_not_reached ();
}

static const char *
picked_icon (GtkWindow *dialog)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (hearth_ui_test_child (dialog, "icon_flow_box"));

  g_assert_nonnull (selected);
  return g_object_get_data (selected->data, "hearth-icon-name");
}

/* The swatch of @color; its flow box child holds it. */
static GtkToggleButton *
swatch (GtkWindow  *dialog,
        const char *color)
{
  for (GtkWidget *c = gtk_widget_get_first_child (hearth_ui_test_child (dialog, "color_flow_box")); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "hearth-swatch-color"), color) == 0)
        return GTK_TOGGLE_BUTTON (button);
    }

  g_assert_not_reached ();
}

static guint
kind_position (const char * const *kinds,
               const char         *kind)
{
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i], kind))
      return i;

  g_assert_not_reached ();
}

static void
check_new_badge (HearthApplication *app,
                 HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  g_autoptr(GList) icons = NULL;
  g_autofree char *id = NULL;
  GtkWindow *dialog;
  guint n_icons = 0;

  dialog = new_editor (window, store, program, NULL, 560);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "name_error_row")));

  /* Every icon of the render library is offered, each named for a screen reader. */
  hearth_badge_icons (&n_icons);
  for (GtkWidget *c = gtk_widget_get_first_child (hearth_ui_test_child (dialog, "icon_flow_box")); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    icons = g_list_prepend (icons, c);
  g_assert_cmpuint (g_list_length (icons), ==, n_icons);
  g_assert_cmpuint (n_icons, ==, 24);

  hearth_ui_test_type (dialog, "name_row", "Warm Welcomer");
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_assert_cmpstr (gtk_label_get_text (hearth_ui_test_child (dialog, "preview_name_label")), ==, "Warm Welcomer");
  hearth_ui_test_type (dialog, "description_row", "For the ones who say hello first");
  hearth_ui_test_type (dialog, "criteria_row", "Welcomes twenty newcomers in a month");
  gtk_toggle_button_set_active (hearth_ui_test_child (dialog, "gold_button"), TRUE);
  g_assert_cmpstr (gtk_label_get_text (hearth_ui_test_child (dialog, "preview_tier_label")), ==, "Gold tier");
  pick_icon (dialog, "handshake");
  gtk_toggle_button_set_active (swatch (dialog, "#e01b24"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (swatch (dialog, "#3584e4")));

  /* An activity rule: its fields show, and the sentence follows them. */
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "threshold_row")));
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "rule_kind_row"),
                              kind_position (hearth_badge_rule_kinds, "activity") + 1);
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "threshold_row")));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "window_row")));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "metric_row")));
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "metric_row"),
                              kind_position (hearth_activity_kinds, "welcome"));
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "threshold_spin"), 20);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "window_spin"), 30);
  {
    g_autofree char *rule = hearth_badge_describe_rule ("activity", "welcome", 20, 30);

    g_assert_nonnull (strstr (gtk_label_get_text (hearth_ui_test_child (dialog, "rule_label")), rule));
  }
  gtk_switch_set_active (hearth_ui_test_child (dialog, "multiple_switch"), TRUE);
  g_assert_true (hearth_ui_test_can_save (dialog));
  screenshot (dialog, "badge-editor-new");
  id = hearth_ui_test_save (dialog);

  hearth_ui_test_assert_query (store, "SELECT program_id FROM badge WHERE id = ?1", id,
                hearth_record_get_id (HEARTH_RECORD (program)));
  hearth_ui_test_assert_query (store, "SELECT name FROM badge WHERE id = ?1", id, "Warm Welcomer");
  hearth_ui_test_assert_query (store, "SELECT description FROM badge WHERE id = ?1", id,
                "For the ones who say hello first");
  hearth_ui_test_assert_query (store, "SELECT criteria FROM badge WHERE id = ?1", id,
                "Welcomes twenty newcomers in a month");
  hearth_ui_test_assert_query (store, "SELECT tier FROM badge WHERE id = ?1", id, "gold");
  hearth_ui_test_assert_query (store, "SELECT icon FROM badge WHERE id = ?1", id, "handshake");
  hearth_ui_test_assert_query (store, "SELECT color FROM badge WHERE id = ?1", id, "#e01b24");
  hearth_ui_test_assert_query (store, "SELECT rule_kind FROM badge WHERE id = ?1", id, "activity");
  hearth_ui_test_assert_query (store, "SELECT rule_metric FROM badge WHERE id = ?1", id, "welcome");
  hearth_ui_test_assert_query (store, "SELECT rule_threshold FROM badge WHERE id = ?1", id, "20");
  hearth_ui_test_assert_query (store, "SELECT rule_window_days FROM badge WHERE id = ?1", id, "30");
  hearth_ui_test_assert_query (store, "SELECT multiple_grant FROM badge WHERE id = ?1", id, "1");
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM badge", NULL, "1");
}

static void
test_new_badge (void)
{
  hearth_ui_test_run_with_window (check_new_badge, TRUE);
}

static void
check_bad_threshold (HearthApplication *app,
                     HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  GtkWindow *dialog = new_editor (window, store, program, NULL, 360);

  hearth_ui_test_type (dialog, "name_row", "Regular");
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "rule_kind_row"),
                              kind_position (hearth_badge_rule_kinds, "checkins") + 1);
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "window_row")));
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "threshold_spin"), 0);
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "threshold_error_row")));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (hearth_ui_test_child (dialog, "threshold_error_row")),
                                   "At least"));
  screenshot (dialog, "badge-editor-error-narrow");

  /* Save refuses even when asked directly, and nothing reaches the database. */
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "save_button"), "clicked");
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "name_row"), "entry-activated");
  hearth_ui_test_settle (store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM badge", NULL, "0");

  /* An activity rule needs a window of a day or more. */
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "threshold_spin"), 5);
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "threshold_error_row")));
  g_assert_true (hearth_ui_test_can_save (dialog));
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "rule_kind_row"),
                              kind_position (hearth_badge_rule_kinds, "activity") + 1);
  gtk_spin_button_set_value (hearth_ui_test_child (dialog, "window_spin"), 0);
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "window_error_row")));

  /* By hand only: no rule fields, nothing to check. */
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "rule_kind_row"), 0);
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "window_error_row")));

  /* An empty name is named once it was typed and removed. */
  hearth_ui_test_type (dialog, "name_row", "  ");
  g_assert_false (hearth_ui_test_can_save (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "name_error_row")));

  hearth_ui_test_close_dialog (dialog);
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM badge", NULL, "0");
}

static void
test_bad_threshold (void)
{
  hearth_ui_test_run_with_window (check_bad_threshold, TRUE);
}

typedef struct
{
  const char *program_id;
  char       *badge_id;
  char       *other_badge_id;
  char       *member_ids[6];   /* Ana (ambassador), Bo, Cy, Dee (holds the badge), Émile, bot */
} Fixture;

static void
fixture_clear (Fixture *fixture)
{
  g_free (fixture->badge_id);
  g_free (fixture->other_badge_id);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->member_ids); i++)
    g_free (fixture->member_ids[i]);
}

static char *
insert_badge (HearthDatabase  *db,
              const char      *program_id,
              const char      *name,
              gboolean         multiple,
              GError         **error)
{
  g_autoptr(HearthBadge) badge = hearth_badge_new (program_id, name);

  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_TIER, "silver");
  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_ICON, "book");
  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_COLOR, "#9141ac");
  hearth_record_set_text (HEARTH_RECORD (badge), HEARTH_BADGE_RULE_KIND, "tenure_years");
  hearth_record_set_int (HEARTH_RECORD (badge), HEARTH_BADGE_RULE_THRESHOLD, 2);
  hearth_record_set_bool (HEARTH_RECORD (badge), HEARTH_BADGE_MULTIPLE_GRANT, multiple);
  if (!hearth_record_insert (HEARTH_RECORD (badge), db, error))
    return NULL;

  return g_strdup (hearth_record_get_id (HEARTH_RECORD (badge)));
}

static gboolean
fixture_job (HearthDatabase  *db,
             gpointer         data,
             GError         **error)
{
  Fixture *fixture = data;
  static const char *names[] = { "Ana", "Bo", "Cy", "Dee", "Émile", "Helper Bot" };
  const char *dee[] = { NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HearthMember) member = hearth_member_new (fixture->program_id, names[i]);

      if (i == 0)
        hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_STATUS, "ambassador");
      if (i == 5)
        hearth_record_set_bool (HEARTH_RECORD (member), HEARTH_MEMBER_IS_BOT, TRUE);
      if (!hearth_record_insert (HEARTH_RECORD (member), db, error))
        return FALSE;
      fixture->member_ids[i] = g_strdup (hearth_record_get_id (HEARTH_RECORD (member)));
    }

  fixture->badge_id = insert_badge (db, fixture->program_id, "Bookworm", FALSE, error);
  fixture->other_badge_id = fixture->badge_id == NULL ? NULL :
    insert_badge (db, fixture->program_id, "Anchor", TRUE, error);
  if (fixture->other_badge_id == NULL)
    return FALSE;

  dee[0] = fixture->member_ids[3];
  return hearth_award_grant (db, fixture->badge_id, dee, "2026-01-10", NULL, "manual", NULL,
                             error);
}

static void
add_fixture (HearthStore   *store,
             HearthProgram *program,
             Fixture       *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->program_id = hearth_record_get_id (HEARTH_RECORD (program));
  g_assert_true (hearth_store_write_sync (store, fixture_job, fixture, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  hearth_ui_test_settle (store);
}

static void
check_edit_badge (HearthApplication *app,
                  HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  Fixture fixture = { NULL };
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  add_fixture (store, program, &fixture);

  if (hearth_ui_test_taking_screenshots ())
    {
      dialog = new_editor (window, store, program, fixture.badge_id, 360);
      screenshot (dialog, "badge-editor-edit-narrow");
      hearth_ui_test_close_dialog (dialog);
    }

  dialog = new_editor (window, store, program, fixture.badge_id, 560);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Badge");
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "delete_group")));
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "name_row")), ==, "Bookworm");
  g_assert_true (gtk_toggle_button_get_active (hearth_ui_test_child (dialog, "silver_button")));
  g_assert_cmpstr (picked_icon (dialog), ==, "book");
  g_assert_true (gtk_toggle_button_get_active (swatch (dialog, "#9141ac")));
  g_assert_cmpuint (adw_combo_row_get_selected (hearth_ui_test_child (dialog, "rule_kind_row")), ==,
                    kind_position (hearth_badge_rule_kinds, "tenure_years") + 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (hearth_ui_test_child (dialog, "threshold_spin")), ==, 2);
  g_assert_false (gtk_switch_get_active (hearth_ui_test_child (dialog, "multiple_switch")));
  g_assert_true (hearth_ui_test_can_save (dialog));

  /* A colour of its own, stored lowercase; and the rule removed. */
  hearth_ui_test_type (dialog, "name_row", "Bookworm of the Year");
  /* Typed in any case: an incomplete colour is marked and changes nothing. */
  gtk_editable_set_text (hearth_ui_test_child (dialog, "color_entry"), "#1A3");
  g_assert_true (gtk_widget_has_css_class (hearth_ui_test_child (dialog, "color_entry"), "error"));
  g_assert_true (gtk_toggle_button_get_active (swatch (dialog, "#9141ac")));
  gtk_editable_set_text (hearth_ui_test_child (dialog, "color_entry"), "#1A334D");
  g_assert_false (gtk_widget_has_css_class (hearth_ui_test_child (dialog, "color_entry"), "error"));
  g_assert_false (gtk_toggle_button_get_active (swatch (dialog, "#9141ac")));
  adw_combo_row_set_selected (hearth_ui_test_child (dialog, "rule_kind_row"), 0);
  id = hearth_ui_test_save (dialog);
  g_assert_cmpstr (id, ==, fixture.badge_id);

  hearth_ui_test_assert_query (store, "SELECT name FROM badge WHERE id = ?1", id, "Bookworm of the Year");
  hearth_ui_test_assert_query (store, "SELECT color FROM badge WHERE id = ?1", id, "#1a334d");
  hearth_ui_test_assert_query (store, "SELECT tier || ' ' || icon FROM badge WHERE id = ?1", id, "silver book");
  hearth_ui_test_assert_query (store, "SELECT rule_kind IS NULL AND rule_threshold IS NULL "
                "AND rule_window_days IS NULL AND rule_metric IS NULL FROM badge WHERE id = ?1",
                id, "1");

  /* Delete, and the window's Undo brings it back. */
  dialog = new_editor (window, store, program, fixture.badge_id, 560);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "delete_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  hearth_ui_test_settle (store);
  hearth_ui_test_assert_query (store, "SELECT deleted_at IS NOT NULL FROM badge WHERE id = ?1", id, "1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-record",
                                             "(ss)", "badge", id));
  hearth_ui_test_settle (store);
  hearth_ui_test_assert_query (store, "SELECT deleted_at IS NULL FROM badge WHERE id = ?1", id, "1");

  fixture_clear (&fixture);
}

static void
test_edit_badge (void)
{
  hearth_ui_test_run_with_window (check_edit_badge, TRUE);
}

/* The Award dialog ------------------------------------------------------------------------- */

static GtkWindow *
new_award_dialog (HearthWindow       *window,
                  HearthStore        *store,
                  HearthProgram      *program,
                  const char         *badge_id,
                  const char * const *member_ids,
                  int                 width)
{
  GtkWindow *dialog = hearth_award_dialog_new (GTK_WINDOW (window), store, program, badge_id,
                                               member_ids);

  if (hearth_ui_test_taking_screenshots ())
    gtk_window_set_default_size (dialog, width, 900);
  gtk_window_present (dialog);
  hearth_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "list_stack")),
                                      "loading") != 0);

  return dialog;
}

static GListModel *
shown (GtkWindow *dialog)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (hearth_ui_test_child (dialog, "list_view")));
  GtkFilterListModel *filter = GTK_FILTER_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (model)));

  hearth_ui_test_wait_for (gtk_filter_list_model_get_pending (filter) == 0);
  return model;
}

static guint
find_row (GtkWindow  *dialog,
          const char *name)
{
  GListModel *model = shown (dialog);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *display_name = NULL;

      g_object_get (item, "display-name", &display_name, NULL);
      if (g_strcmp0 (display_name, name) == 0)
        return i;
    }

  return G_MAXUINT;
}

static gboolean
row_flag (GtkWindow  *dialog,
          const char *name,
          const char *flag)
{
  guint position = find_row (dialog, name);
  g_autoptr(GObject) item = NULL;
  gboolean value;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  item = g_list_model_get_item (shown (dialog), position);
  g_object_get (item, flag, &value, NULL);

  return value;
}

/* Enter on a row ticks or unticks it. */
static void
toggle_row (GtkWindow  *dialog,
            const char *name)
{
  guint position = find_row (dialog, name);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "list_view"), "activate", position);
}

static gboolean
can_award (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "award_button"));
}

static void
awarded_cb (GtkWindow  *dialog,
            GStrv       ids,
            GStrv      *slot)
{
  *slot = g_strdupv (ids);
}

static void
search (GtkWindow  *dialog,
        const char *text,
        guint       expected)
{
  hearth_ui_test_type (dialog, "search_entry", text);
  hearth_ui_test_wait_for (g_list_model_get_n_items (shown (dialog)) == expected);
}

static void
check_award_several (HearthApplication *app,
                     HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  Fixture fixture = { NULL };
  g_auto(GStrv) ids = NULL;
  const char *preselected[] = { NULL, NULL, NULL };
  GListModel *model;
  GtkWindow *dialog;

  add_fixture (store, program, &fixture);
  preselected[0] = fixture.member_ids[1];   /* Bo */
  preselected[1] = fixture.member_ids[3];   /* Dee holds it already: not ticked */

  if (hearth_ui_test_taking_screenshots ())
    {
      dialog = new_award_dialog (window, store, program, fixture.badge_id, preselected, 360);
      screenshot (dialog, "award-dialog-narrow");
      hearth_ui_test_close_dialog (dialog);
    }

  dialog = new_award_dialog (window, store, program, fixture.badge_id, preselected, 520);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_cmpstr (gtk_label_get_text (hearth_ui_test_child (dialog, "badge_name_label")), ==, "Bookworm");
  g_assert_false (gtk_widget_get_visible (hearth_ui_test_child (dialog, "badge_drop_down")));
  /* The reference day by default. */
  g_assert_cmpstr (gtk_editable_get_text (hearth_ui_test_child (dialog, "day_row")), ==, "2026-03-15");

  /* Ambassadors first, then by name; the bot is left out. */
  model = shown (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (find_row (dialog, "Ana"), ==, 0);
  g_assert_cmpuint (find_row (dialog, "Bo"), ==, 1);
  g_assert_cmpuint (find_row (dialog, "Émile"), ==, 4);
  g_assert_cmpuint (find_row (dialog, "Helper Bot"), ==, G_MAXUINT);

  /* Bo was preselected; Dee holds the badge and can't be ticked. */
  g_assert_true (row_flag (dialog, "Bo", "ticked"));
  g_assert_true (row_flag (dialog, "Dee", "held"));
  g_assert_false (row_flag (dialog, "Dee", "ticked"));
  toggle_row (dialog, "Dee");
  g_assert_false (row_flag (dialog, "Dee", "ticked"));
  g_assert_cmpstr (gtk_label_get_text (hearth_ui_test_child (dialog, "count_label")), ==, "1 selected");

  /* The search narrows the list (accents and case folded), and keeps the ticks. */
  search (dialog, "emi", 1);
  g_assert_cmpuint (find_row (dialog, "Émile"), ==, 0);
  toggle_row (dialog, "Émile");
  search (dialog, "zz", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (hearth_ui_test_child (dialog, "list_stack")), ==, "no-match");
  search (dialog, "", 5);
  g_assert_true (row_flag (dialog, "Émile", "ticked"));
  toggle_row (dialog, "Ana");
  g_assert_cmpstr (gtk_label_get_text (hearth_ui_test_child (dialog, "count_label")), ==, "3 selected");

  /* No award without a valid day. */
  hearth_ui_test_type (dialog, "day_row", "2026-02-30");
  g_assert_false (can_award (dialog));
  g_assert_true (gtk_widget_get_visible (hearth_ui_test_child (dialog, "day_error_row")));
  hearth_ui_test_type (dialog, "day_row", "2026-03-01");
  g_assert_true (can_award (dialog));
  hearth_ui_test_type (dialog, "reason_row", "For reading every guide twice");
  screenshot (dialog, "award-dialog");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "awarded", G_CALLBACK (awarded_cb), &ids);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "award.award", NULL);
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  hearth_ui_test_settle (store);

  /* One award per member, all alike; Dee's earlier one untouched. */
  hearth_ui_test_assert_query (store, "SELECT count(*) FROM award WHERE badge_id = ?1", fixture.badge_id, "4");
  for (guint i = 0; i < 3; i++)
    {
      hearth_ui_test_assert_query (store, "SELECT badge_id FROM award WHERE id = ?1", ids[i], fixture.badge_id);
      hearth_ui_test_assert_query (store, "SELECT source FROM award WHERE id = ?1", ids[i], "manual");
      hearth_ui_test_assert_query (store, "SELECT awarded_on FROM award WHERE id = ?1", ids[i], "2026-03-01");
      hearth_ui_test_assert_query (store, "SELECT reason FROM award WHERE id = ?1", ids[i],
                    "For reading every guide twice");
    }
  hearth_ui_test_assert_query (store, "SELECT group_concat(name, ',') FROM (SELECT m.display_name AS name "
                "FROM award a JOIN member m ON m.id = a.member_id "
                "WHERE a.badge_id = ?1 AND a.source = 'manual' AND a.awarded_on = '2026-03-01' "
                "ORDER BY m.display_name)", fixture.badge_id, "Ana,Bo,Émile");

  fixture_clear (&fixture);
}

static void
test_award_several (void)
{
  hearth_ui_test_run_with_window (check_award_several, TRUE);
}

/* Without a badge given, the organizer picks one; who holds it follows the choice. */
static void
check_choose_badge (HearthApplication *app,
                    HearthWindow      *window)
{
  HearthStore *store = hearth_application_get_store (app);
  g_autoptr(HearthProgram) program = add_program (app, window);
  Fixture fixture = { NULL };
  g_auto(GStrv) ids = NULL;
  g_autofree char *expected = NULL;
  GtkDropDown *drop_down;
  GtkWindow *dialog;
  guint bookworm = G_MAXUINT, anchor = G_MAXUINT;

  add_fixture (store, program, &fixture);
  dialog = new_award_dialog (window, store, program, NULL, NULL, 520);
  drop_down = hearth_ui_test_child (dialog, "badge_drop_down");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (drop_down)));
  g_assert_false (can_award (dialog));

  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (drop_down)), i);

      if (g_str_equal (name, "Bookworm"))
        bookworm = i;
      else if (g_str_equal (name, "Anchor"))
        anchor = i;
    }
  g_assert_cmpuint (bookworm, !=, G_MAXUINT);
  g_assert_cmpuint (anchor, !=, G_MAXUINT);

  gtk_drop_down_set_selected (drop_down, bookworm);
  g_assert_true (row_flag (dialog, "Dee", "held"));
  /* Anchor can be given more than once: Dee is free again. */
  gtk_drop_down_set_selected (drop_down, anchor);
  g_assert_false (row_flag (dialog, "Dee", "held"));
  toggle_row (dialog, "Dee");
  g_assert_true (can_award (dialog));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "awarded", G_CALLBACK (awarded_cb), &ids);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "award.award", NULL);
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  hearth_ui_test_settle (store);
  expected = g_strdup_printf ("%s %s 1", fixture.other_badge_id, fixture.member_ids[3]);
  hearth_ui_test_assert_query (store, "SELECT badge_id || ' ' || member_id || ' ' || (reason IS NULL) FROM award "
                "WHERE id = ?1", ids[0], expected);

  fixture_clear (&fixture);
}

static void
test_choose_badge (void)
{
  hearth_ui_test_run_with_window (check_choose_badge, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);

  g_test_add_func ("/badge-editor/new", test_new_badge);
  g_test_add_func ("/badge-editor/bad-threshold", test_bad_threshold);
  g_test_add_func ("/badge-editor/edit", test_edit_badge);
  g_test_add_func ("/award-dialog/several", test_award_several);
  g_test_add_func ("/award-dialog/choose-badge", test_choose_badge);

  return g_test_run ();
}
