/* test-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds every template widget under G_DEBUG=fatal-warnings: a type or property too new for
 * GTK 4.8 / libadwaita 1.2, a misspelt callback or a broken .ui file aborts here.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hearth-candidates-page.h"
#include "hearth-feedback-page.h"
#include "hearth-overview-page.h"
#include "hearth-preferences-window.h"
#include "hearth-program-editor.h"
#include "hearth-recognition-page.h"
#include "hearth-roles-page.h"
#include "hearth-ui-test.h"
#include "hearth-window.h"

static HearthStore *
open_store (void)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(GError) error = NULL;
  HearthStore *store;

  store = hearth_store_open (path, &error);
  g_assert_no_error (error);

  return store;
}

static void
test_pages (void)
{
  GType types[] = {
    HEARTH_TYPE_OVERVIEW_PAGE,
    HEARTH_TYPE_CANDIDATES_PAGE,
    HEARTH_TYPE_ROLES_PAGE,
    HEARTH_TYPE_RECOGNITION_PAGE,
    HEARTH_TYPE_FEEDBACK_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (types[i], NULL));

      /* Every page names itself for the sidebar and the header. */
      g_assert_nonnull (hearth_page_get_title (HEARTH_PAGE (page)));
      g_assert_nonnull (hearth_page_get_icon_name (HEARTH_PAGE (page)));
      g_assert_true (ADW_IS_STATUS_PAGE (adw_bin_get_child (ADW_BIN (page))));

      g_object_unref (page);
    }
}

static void
test_window_template (void)
{
  GtkWidget *window = g_object_new (HEARTH_TYPE_WINDOW, NULL);

  g_assert_null (hearth_window_get_program (HEARTH_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dialogs (void)
{
  g_autoptr(HearthStore) store = open_store ();
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers");
  GtkWidget *window;

  /* The editor opens in its name field: typing lands there and Enter never hits Cancel. */
  window = GTK_WIDGET (hearth_program_editor_new (store));
  gtk_window_present (GTK_WINDOW (window));
  hearth_ui_test_wait_for (gtk_widget_get_mapped (window));
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                              ADW_TYPE_ENTRY_ROW))), ==, "Name");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Preferences without a program (first run) and with one. */
  window = GTK_WIDGET (hearth_preferences_window_new (store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));

  window = GTK_WIDGET (hearth_preferences_window_new (store, program));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));

  hearth_store_close (store);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  builder = gtk_builder_new_from_resource ("/io/github/hearthapp/Hearth/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  hearth_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/ui/widgets/pages", test_pages);
  g_test_add_func ("/ui/widgets/window", test_window_template);
  g_test_add_func ("/ui/widgets/dialogs", test_dialogs);
  g_test_add_func ("/ui/widgets/help-overlay", test_help_overlay);

  return g_test_run ();
}
