/* hearth-ui-test.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared set-up for the ui suite: a display or a clean skip.
 */

#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "hearth-application.h"
#include "hearth-database.h"
#include "hearth-member.h"
#include "hearth-store.h"
#include "hearth-window.h"

/* GTK 4.8 warns "GtkText - did not receive a focus-out event" when, under load, the X server
 * delivers a window's focus-in before the focus-out of the one it leaves (there is no window
 * manager under Xvfb to order them). It is GTK's own bookkeeping, not a fault of the test:
 * only that warning is let through; every other warning stays fatal. */
static inline gboolean
hearth_ui_test_fatal_cb (const char     *log_domain,
                         GLogLevelFlags  log_level,
                         const char     *message,
                         gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 &&
           strstr (message, "did not receive a focus-out event") != NULL);
}

/* Without a display, skip the whole program (the Flatpak build sandbox has none), unless
 * ./dev test asked for every tool to be there. */
static inline gboolean
hearth_ui_test_init (int    *argc,
                     char ***argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, and without the shared-mime-info
   * database gdk-pixbuf cannot recognise SVG icons. ./dev test gives the run its own HOME, and
   * each test its own database folder (hearth_ui_test_db_path). */
  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (hearth_ui_test_fatal_cb, NULL);

  if (!gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("HEARTH_REQUIRE_TOOLS"), "1") == 0)
        {
          g_print ("1..1\nnot ok 1 - no display, and HEARTH_REQUIRE_TOOLS=1\n");
          exit (1);
        }
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }

  /* The ui tests run in parallel on one X display. An entry focused with text in it selects
   * it and so takes the PRIMARY selection, and every other GTK process on the display then
   * asks the new owner for its TARGETS. A process that exits while such an exchange is under
   * way leaks GDK's selection streams (GdkX11SelectionInputStream on the asking side, the
   * list of targets on the owning side), which LeakSanitizer reports. A selectable label that
   * takes the focus selects its text the same way. Nothing here needs the selection on focus,
   * so the tests do without both. */
  g_object_set (gtk_settings_get_default (),
                "gtk-entry-select-on-focus", FALSE,
                "gtk-label-select-on-focus", FALSE,
                NULL);

  return TRUE;
}

/* A database path in a fresh folder of its own. */
static inline char *
hearth_ui_test_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearth-ui-XXXXXX", &error);

  g_assert_no_error (error);

  return g_build_filename (dir, "hearth.db", NULL);
}

/* Runs the default main context until @condition holds, failing after a few seconds. */
#define hearth_ui_test_wait_for(condition)                                      \
  G_STMT_START {                                                                \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;           \
    while (!(condition))                                                        \
      {                                                                         \
        if (g_get_monotonic_time () > _deadline)                                \
          g_error ("Timed out waiting for %s", #condition);                     \
        g_main_context_iteration (NULL, FALSE);                                 \
        g_usleep (1000);                                                        \
      }                                                                         \
  } G_STMT_END

/* A member of @program_id inserted on @db (a store job's connection); @joined_on may be NULL.
 * Returns: (transfer full): its id, or NULL with @error set */
static inline char *
hearth_ui_test_add_member (HearthDatabase  *db,
                           const char      *program_id,
                           const char      *name,
                           const char      *joined_on,
                           GError         **error)
{
  HearthMember *member = hearth_member_new (program_id, name);
  char *id = NULL;

  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_JOINED_ON, joined_on);
  if (hearth_record_insert (HEARTH_RECORD (member), db, error))
    id = g_strdup (hearth_record_get_id (HEARTH_RECORD (member)));
  g_object_unref (member);

  return id;
}

/* One row of activity: @count of @kind on @day (YYYY-MM-DD). */
static inline gboolean
hearth_ui_test_add_activity (HearthDatabase  *db,
                             const char      *member_id,
                             const char      *day,
                             const char      *kind,
                             int              count,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hearth_database_prepare (db, "INSERT INTO activity (member_id, day, kind, count) "
                                      "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  hearth_bind_text (stmt, 1, member_id);
  hearth_bind_text (stmt, 2, day);
  hearth_bind_text (stmt, 3, kind);
  sqlite3_bind_int (stmt, 4, count);

  return hearth_database_step_done (db, stmt, error);
}

/* Waits until @store has no job pending, then runs whatever the jobs' results queued. */
static inline void
hearth_ui_test_settle (HearthStore *store)
{
  hearth_ui_test_wait_for (hearth_store_get_pending (store) == 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A test run on the application's window (see hearth_ui_test_run_with_window). */
typedef void (*HearthUiTestWindowFunc) (HearthApplication *app,
                                        HearthWindow      *window);

typedef struct
{
  HearthUiTestWindowFunc func;
  gboolean               settle;
} HearthUiTestWindowRun;

static inline void
hearth_ui_test_activate_after_cb (GApplication *app,
                                  gpointer      user_data)
{
  HearthUiTestWindowRun *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (HEARTH_IS_WINDOW (window));
  run->func (HEARTH_APPLICATION (app), HEARTH_WINDOW (window));
  if (run->settle)
    hearth_ui_test_settle (hearth_application_get_store (HEARTH_APPLICATION (app)));
  gtk_window_destroy (window);
  g_application_quit (app);
}

/* Runs @func on the window of an application with a fresh database, then closes it; with
 * @settle, waits for the store's jobs first. */
static inline void
hearth_ui_test_run_with_window (HearthUiTestWindowFunc func,
                                gboolean               settle)
{
  g_autofree char *path = hearth_ui_test_db_path ();
  g_autoptr(HearthApplication) app = hearth_application_new (path, TRUE, NULL);
  HearthUiTestWindowRun run = { func, settle };

  g_signal_connect_after (app, "activate", G_CALLBACK (hearth_ui_test_activate_after_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

/* The text of the first column of the first row (NULL for SQL NULL), read through @store's
 * reader; @id is bound as ?1. Without @row_required, no row at all gives NULL too. */
static inline char *
hearth_ui_test_query_text (HearthStore *store,
                           const char  *sql,
                           const char  *id,
                           gboolean     row_required)
{
  sqlite3 *db = hearth_database_get_handle (hearth_store_get_reader (store));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (row_required)
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  else if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* Asserts the query's text (hearth_ui_test_query_text) is @expected. */
#define hearth_ui_test_assert_query_full(store, sql, id, row_required, expected)             \
  G_STMT_START {                                                                            \
    g_autofree char *_value = hearth_ui_test_query_text (store, sql, id, row_required);      \
    g_assert_cmpstr (_value, ==, expected);                                                 \
  } G_STMT_END

/* The same, where the query must give a row. */
#define hearth_ui_test_assert_query(store, sql, id, expected)                                \
  hearth_ui_test_assert_query_full (store, sql, id, TRUE, expected)

/* The same, where no row counts as NULL. */
#define hearth_ui_test_assert_query_or_null(store, sql, id, expected)                        \
  hearth_ui_test_assert_query_full (store, sql, id, FALSE, expected)

/* The template child @name of @dialog; it must exist. */
static inline gpointer
hearth_ui_test_child (GtkWindow  *dialog,
                      const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog),
                                                   name);

  g_assert_nonnull (object);
  return object;
}

/* Sets the text of the editable template child @name. */
static inline void
hearth_ui_test_type (GtkWindow  *dialog,
                     const char *name,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (hearth_ui_test_child (dialog, name)), text);
}

/* Whether @dialog's Save button can be clicked. */
static inline gboolean
hearth_ui_test_can_save (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (hearth_ui_test_child (dialog, "save_button"));
}

static inline void
hearth_ui_test_saved_cb (GtkWindow  *dialog,
                         const char *id,
                         char      **slot)
{
  *slot = g_strdup (id);
}

/* Clicks Save and waits for the dialog to close; returns the id its ::saved gave. */
static inline char *
hearth_ui_test_save (GtkWindow *dialog)
{
  char *id = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (hearth_ui_test_saved_cb), &id);
  g_assert_true (hearth_ui_test_can_save (dialog));
  g_signal_emit_by_name (hearth_ui_test_child (dialog, "save_button"), "clicked");
  hearth_ui_test_wait_for (dialog == NULL);
  g_assert_nonnull (id);

  return id;
}

/* Closes @dialog as Escape would and waits until it is gone. */
static inline void
hearth_ui_test_close_dialog (GtkWindow *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  hearth_ui_test_wait_for (dialog == NULL);
}

/* Whether HEARTH_SCREENSHOT_DIR asks for screenshots. */
static inline gboolean
hearth_ui_test_taking_screenshots (void)
{
  return g_getenv ("HEARTH_SCREENSHOT_DIR") != NULL;
}

/* With HEARTH_SCREENSHOT_DIR set, writes @dialog there as @name-light.png and @name-dark.png. */
static inline void
hearth_ui_test_screenshot (GtkWindow  *dialog,
                           const char *name)
{
  const char *dir = g_getenv ("HEARTH_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const struct
  {
    AdwColorScheme scheme;
    const char    *suffix;
  } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, schemes[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 until;
      int width, height;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      until = g_get_monotonic_time () + 400 * 1000;
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }

      width = gtk_widget_get_width (GTK_WIDGET (dialog));
      height = gtk_widget_get_height (GTK_WIDGET (dialog));
      paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A predicate for hearth_ui_test_find_widget. */
typedef gboolean (*HearthUiTestWidgetPredicate) (GtkWidget  *widget,
                                                 const char *text);

/* The first widget in @widget's tree (itself included, depth first) for which @predicate holds. */
static inline GtkWidget *
hearth_ui_test_find_widget (GtkWidget                  *widget,
                            HearthUiTestWidgetPredicate predicate,
                            const char                 *text)
{
  if (predicate (widget, text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hearth_ui_test_find_widget (child, predicate, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A predicate: @widget is of the type named @type_name. */
static inline gboolean
hearth_ui_test_is_type (GtkWidget  *widget,
                        const char *type_name)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name (type_name));
}

/* A predicate: @widget is a mapped label whose text contains @text. */
static inline gboolean
hearth_ui_test_is_mapped_label_containing (GtkWidget  *widget,
                                           const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The first column of the first row of @sql, read through @store's reader, as a number. */
static inline gint64
hearth_ui_test_count_rows (HearthStore *store,
                           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = hearth_database_prepare (hearth_store_get_reader (store), sql,
                                                          &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* Runs the default main context for @ms milliseconds. */
static inline void
hearth_ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The stack a page (an AdwBin) switches its states with. */
static inline GtkStack *
hearth_ui_test_page_stack (GtkWidget *page)
{
  return GTK_STACK (adw_bin_get_child (ADW_BIN (page)));
}
