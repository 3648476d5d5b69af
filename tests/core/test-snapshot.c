/* test-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Snapshot export (DESIGN §6): the record shapes, redaction of exactly the personal fields,
 * tombstones, and a destination that is only ever replaced by a whole snapshot.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-settings.h"
#include "hearth-snapshot.h"
#include "test-util.h"

#define TRICKY_NAME "Zoë \"Z\" <Ops> & \\ 🔥 \u05e9\u05dc\u05d5\u05dd\t!"

typedef struct
{
  TestDir        *td;
  HearthDatabase *db;
  char           *program_id;
  char           *kept_member;
  char           *deleted_member;
} Fixture;

static char *
add_member (Fixture    *f,
            const char *name,
            const char *email)
{
  g_autoptr(HearthMember) member = hearth_member_new (f->program_id, name);
  const char *tags[] = { "newcomer", "latam", NULL };
  g_autoptr(GError) error = NULL;

  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_EMAIL, email);
  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_NOTES, "private note");
  hearth_record_set_list (HEARTH_RECORD (member), HEARTH_MEMBER_IDENTITY_TAGS, tags);
  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_JOINED_ON, "2025-02-03");
  hearth_record_insert (HEARTH_RECORD (member), f->db, &error);
  g_assert_no_error (error);

  return g_strdup (hearth_record_get_id (HEARTH_RECORD (member)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HearthProgram) program = hearth_program_new ("Makers & Friends");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->td = test_dir_new ();
  f->db = open_db (f->td->path);

  hearth_record_insert (HEARTH_RECORD (program), f->db, &error);
  g_assert_no_error (error);
  f->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));

  f->kept_member = add_member (f, TRICKY_NAME, "zoe@example.org");
  f->deleted_member = add_member (f, "Gone", "gone@example.org");
  hearth_database_soft_delete (f->db, "member", f->deleted_member, &error);
  g_assert_no_error (error);

  hearth_settings_set (f->db, f->program_id, "ob_issuer_email", "issuer@example.org", &error);
  g_assert_no_error (error);
  hearth_settings_set (f->db, f->program_id, "window_weeks", "10", &error);
  g_assert_no_error (error);

  sql = g_strdup_printf ("INSERT INTO activity VALUES ('%1$s', '2026-04-01', 'message', 3);"
                         "INSERT INTO activity VALUES ('%1$s', '2026-04-02', 'reply', 2);"
                         "INSERT INTO observation VALUES ('o1', '%1$s', 'empathy', 4, 'kind words',"
                         " '2026-04-03', '" OLD_STAMP "', '" OLD_STAMP "', NULL);",
                         f->kept_member);
  exec_ok (f->db, sql);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  g_free (f->program_id);
  g_free (f->kept_member);
  g_free (f->deleted_member);
  test_dir_free (f->td);
}

/* Exports and parses with json-glib: every export must load there too. */
static JsonObject *
export_and_load (Fixture                   *f,
                 HearthSnapshotExportFlags  flags,
                 char                     **contents)
{
  g_autofree char *path = g_build_filename (f->td->dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  hearth_snapshot_export (f->db, f->program_id, file, flags, NULL, &error);
  g_assert_no_error (error);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  if (contents != NULL)
    g_file_get_contents (path, contents, NULL, NULL);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
first_record (JsonObject *root,
              const char *key)
{
  JsonArray *array = json_object_get_array_member (root, key);

  g_assert_cmpuint (json_array_get_length (array), >=, 1);
  return json_array_get_object_element (array, 0);
}

static void
test_shapes (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonObject) root = export_and_load (f, HEARTH_SNAPSHOT_EXPORT_NONE, NULL);
  JsonObject *program, *member, *activity, *tombstone;
  JsonArray *members, *rows, *tags;

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "hearth-program-snapshot");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_false (json_object_get_boolean_member (root, "redacted"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "generator"), "Hearth "));

  program = json_object_get_object_member (root, "program");
  g_assert_cmpstr (json_object_get_string_member (program, "id"), ==, f->program_id);
  g_assert_cmpint (json_object_get_int_member (program, "ratio_min"), ==, 50);
  g_assert_true (json_object_get_null_member (program, "as_of"));

  /* Live members only; the deleted one travels as a tombstone. */
  members = json_object_get_array_member (root, "members");
  g_assert_cmpuint (json_array_get_length (members), ==, 1);
  member = json_array_get_object_element (members, 0);
  g_assert_cmpstr (json_object_get_string_member (member, "id"), ==, f->kept_member);
  g_assert_cmpstr (json_object_get_string_member (member, "display_name"), ==, TRICKY_NAME);
  g_assert_false (json_object_has_member (member, "program_id"));
  g_assert_false (json_object_has_member (member, "deleted_at"));
  g_assert_false (json_object_get_boolean_member (member, "is_bot"));
  g_assert_cmpstr (json_object_get_string_member (member, "status"), ==, "member");
  g_assert_cmpstr (json_object_get_string_member (member, "email"), ==, "zoe@example.org");
  tags = json_object_get_array_member (member, "identity_tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "latam");
  g_assert_true (json_object_has_member (member, "created_at"));
  g_assert_true (json_object_has_member (member, "updated_at"));

  activity = json_object_get_object_member (root, "activity");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (activity, "columns")), ==, 4);
  rows = json_object_get_array_member (activity, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 0), ==,
                   f->kept_member);
  g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (rows, 0), 3), ==, 3);

  g_assert_cmpstr (json_object_get_string_member (first_record (root, "observations"), "note"), ==,
                   "kind words");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "settings"),
                                                  "window_weeks"), ==, "10");

  tombstone = first_record (root, "tombstones");
  g_assert_cmpstr (json_object_get_string_member (tombstone, "table"), ==, "member");
  g_assert_cmpstr (json_object_get_string_member (tombstone, "id"), ==, f->deleted_member);
  g_assert_nonnull (json_object_get_string_member (tombstone, "deleted_at"));

  /* Every table's array is there, empty or not. */
  g_assert_true (json_object_has_member (root, "role_goals"));
  g_assert_true (json_object_has_member (root, "meeting_attendees"));
}

static void
test_redacted (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) root = export_and_load (f, HEARTH_SNAPSHOT_EXPORT_REDACT, &contents);
  JsonObject *member = first_record (root, "members");
  JsonObject *observation = first_record (root, "observations");
  JsonObject *settings = json_object_get_object_member (root, "settings");

  g_assert_true (json_object_get_boolean_member (root, "redacted"));

  /* Exactly the listed fields go; everything else stays. */
  g_assert_false (json_object_has_member (member, "email"));
  g_assert_false (json_object_has_member (member, "notes"));
  g_assert_false (json_object_has_member (member, "identity_tags"));
  g_assert_true (json_object_has_member (member, "display_name"));
  g_assert_true (json_object_has_member (member, "joined_on"));
  g_assert_false (json_object_has_member (observation, "note"));
  g_assert_cmpint (json_object_get_int_member (observation, "rating"), ==, 4);
  g_assert_false (json_object_has_member (settings, "ob_issuer_email"));
  g_assert_true (json_object_has_member (settings, "window_weeks"));

  g_assert_null (strstr (contents, "@example.org"));
  g_assert_null (strstr (contents, "private note"));
  g_assert_null (strstr (contents, "kind words"));
}

static void
test_no_activity (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) root = export_and_load (f, HEARTH_SNAPSHOT_EXPORT_NO_ACTIVITY, NULL);

  g_assert_false (json_object_has_member (root, "activity"));
  g_assert_true (json_object_has_member (root, "members"));
}

/* The same data gives the same bytes, apart from exported_at. */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(JsonObject) ra = export_and_load (f, HEARTH_SNAPSHOT_EXPORT_NONE, &a);
  g_autoptr(JsonObject) rb = export_and_load (f, HEARTH_SNAPSHOT_EXPORT_NONE, &b);
  g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\": \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *sa = g_regex_replace_literal (stamp, a, -1, 0, "", 0, NULL);
  g_autofree char *sb = g_regex_replace_literal (stamp, b, -1, 0, "", 0, NULL);

  g_assert_cmpstr (sa, ==, sb);
}

/* A failed export never touches what was at the destination. */
static void
test_failure_keeps_destination (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->td->dir, "existing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_new_for_path (f->td->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "precious", -1, NULL));

  g_assert_false (hearth_snapshot_export (f->db, "no-such-program", file,
                                          HEARTH_SNAPSHOT_EXPORT_NONE, NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "precious");
  g_clear_error (&error);

  /* A folder is not a file to write. */
  g_assert_false (hearth_snapshot_export (f->db, f->program_id, dir,
                                          HEARTH_SNAPSHOT_EXPORT_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (f->td->dir, G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/snapshot/export/shapes", test_shapes);
  ADD ("/core/snapshot/export/redacted", test_redacted);
  ADD ("/core/snapshot/export/no-activity", test_no_activity);
  ADD ("/core/snapshot/export/deterministic", test_deterministic);
  ADD ("/core/snapshot/export/failure-keeps-destination", test_failure_keeps_destination);

  return g_test_run ();
}
