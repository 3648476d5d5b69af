/* test-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table descriptions that exports, imports and record classes share must match the live
 * schema column for column, or a snapshot would silently lose or invent data.
 */

#include "config.h"

#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-schema.h"
#include "test-util.h"

static void
test_matches_database (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  const HearthTableSpec *tables;
  guint n_tables;

  tables = hearth_schema_get_tables (&n_tables);
  g_assert_cmpuint (n_tables, >, 0);

  for (guint t = 0; t < n_tables; t++)
    {
      const HearthTableSpec *spec = &tables[t];
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", spec->table);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(GPtrArray) actual = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;

      stmt = hearth_database_prepare (db, sql, &error);
      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (actual, g_strdup (hearth_column_text (stmt, 1)));

      if (spec->has_common)
        g_ptr_array_add (expected, (gpointer)"id");
      for (guint c = 0; c < spec->n_columns; c++)
        g_ptr_array_add (expected, (gpointer)spec->columns[c].name);
      if (spec->has_common)
        {
          g_ptr_array_add (expected, (gpointer)"created_at");
          g_ptr_array_add (expected, (gpointer)"updated_at");
          g_ptr_array_add (expected, (gpointer)"deleted_at");
        }

      g_assert_cmpuint (actual->len, ==, expected->len);
      for (guint c = 0; c < actual->len; c++)
        g_assert_cmpstr (g_ptr_array_index (actual, c), ==, g_ptr_array_index (expected, c));

      g_assert_true (spec->has_common == hearth_database_is_entity_table (spec->table));
      g_assert_true (hearth_schema_lookup (spec->table) == spec);
      if (spec->key != NULL)
        g_assert_true (hearth_schema_lookup_key (spec->key) == spec);

      /* Every reference names a described table. */
      for (guint c = 0; c < spec->n_columns; c++)
        if (spec->columns[c].references != NULL)
          g_assert_nonnull (hearth_schema_lookup (spec->columns[c].references));
    }
}

/* The record classes use the very same column descriptions. */
static void
test_records_share_descriptions (void)
{
  g_autoptr(HearthRecordClass) program = g_type_class_ref (HEARTH_TYPE_PROGRAM);
  g_autoptr(HearthRecordClass) member = g_type_class_ref (HEARTH_TYPE_MEMBER);

  g_assert_true (hearth_record_class_get_columns (program, NULL) ==
                 hearth_schema_lookup ("program")->columns);
  g_assert_true (hearth_record_class_get_columns (member, NULL) ==
                 hearth_schema_lookup ("member")->columns);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/schema/matches-database", test_matches_database);
  g_test_add_func ("/core/schema/records-share-descriptions", test_records_share_descriptions);

  return g_test_run ();
}
