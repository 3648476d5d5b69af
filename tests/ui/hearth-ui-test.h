/* hearth-ui-test.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared set-up for the ui suite: a display or a clean skip.
 */

#pragma once

#include <gtk/gtk.h>
#include <stdlib.h>

#include "hearth-database.h"
#include "hearth-member.h"

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
