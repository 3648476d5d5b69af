/* test-records.c: programs, members and settings as an organizer edits them — every field
 * round-trips, bad values are refused with the field's name (never a personal value), deletion
 * is soft and undoable, and lists follow every write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-record-list.h"
#include "hearth-settings.h"
#include "hearth-store.h"
#include "test-util.h"

static void
insert (HearthDatabase *db,
        gpointer        record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_record_insert (HEARTH_RECORD (record), db, &error));
  g_assert_no_error (error);
}

static gpointer
reload (HearthDatabase *db,
        gpointer        record)
{
  g_autoptr(GError) error = NULL;
  gpointer loaded = hearth_record_load_by_id (G_OBJECT_TYPE (record), db,
                                              hearth_record_get_id (HEARTH_RECORD (record)),
                                              FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (loaded), HEARTH_RECORD (record)));

  return loaded;
}

/* A column's value as stored, for checks of NULL and of types. */
static char *
raw_text (HearthDatabase *db,
          const char     *table,
          const char     *expression,
          const char     *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = '%s'", expression, table,
                                          id);

  return test_sqlite_text (hearth_database_get_handle (db), sql);
}

#define assert_raw(db, table, expr, record, expected)                                   \
  G_STMT_START {                                                                        \
    g_autofree char *_raw = raw_text (db, table, expr,                                  \
                                      hearth_record_get_id (HEARTH_RECORD (record)));   \
    g_assert_cmpstr (_raw, ==, expected);                                               \
  } G_STMT_END

/* Programs ---------------------------------------------------------------------------------- */

static void
test_program_round_trip (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) fresh = hearth_program_new ("Defaults");
  g_autoptr(HearthProgram) program = hearth_program_new ("Hearth Helpers");
  g_autoptr(HearthProgram) loaded = NULL;
  g_autoptr(HearthProgram) cleared = NULL;
  HearthRecord *record = HEARTH_RECORD (program);
  const char *id;

  /* What a new program starts with (DESIGN §4). */
  g_assert_null (hearth_record_get_id (HEARTH_RECORD (fresh)));
  g_assert_cmpint (hearth_program_get_ratio_min (fresh), ==, 50);
  g_assert_cmpint (hearth_program_get_ratio_max (fresh), ==, 100);
  g_assert_cmpint (hearth_program_get_active_member_count (fresh), ==, -1);
  g_assert_null (hearth_program_get_purpose (fresh));
  insert (db, fresh);
  assert_raw (db, "program", "typeof(active_member_count)", fresh, "null");
  assert_raw (db, "program", "ratio_min || '/' || ratio_max", fresh, "50/100");
  assert_raw (db, "program", "typeof(purpose) || typeof(description) || typeof(as_of)", fresh,
              "nullnullnull");
  assert_raw (db, "program", "typeof(deleted_at)", fresh, "null");
  g_clear_object (&loaded);
  loaded = reload (db, fresh);

  /* Every column set. */
  hearth_record_set_text (record, HEARTH_PROGRAM_PURPOSE, "Welcome everyone who arrives");
  hearth_record_set_text (record, HEARTH_PROGRAM_DESCRIPTION, "Two lines,\nwith “quotes” & <marks>");
  hearth_record_set_int (record, HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT, 420);
  hearth_record_set_int (record, HEARTH_PROGRAM_RATIO_MIN, 40);
  hearth_record_set_int (record, HEARTH_PROGRAM_RATIO_MAX, 80);
  hearth_record_set_text (record, HEARTH_PROGRAM_AS_OF, "2026-05-01");
  g_object_set (program, "created-at", OLD_STAMP, "updated-at", OLD_STAMP, NULL);
  insert (db, program);

  id = hearth_record_get_id (record);
  g_assert_nonnull (id);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (hearth_record_get_created_at (record), ==, OLD_STAMP);

  g_clear_object (&loaded);
  loaded = reload (db, program);
  g_assert_cmpstr (hearth_program_get_name (loaded), ==, "Hearth Helpers");
  g_assert_cmpstr (hearth_program_get_purpose (loaded), ==, "Welcome everyone who arrives");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_PROGRAM_DESCRIPTION),
                   ==, "Two lines,\nwith “quotes” & <marks>");
  g_assert_cmpint (hearth_program_get_active_member_count (loaded), ==, 420);
  g_assert_cmpint (hearth_program_get_ratio_min (loaded), ==, 40);
  g_assert_cmpint (hearth_program_get_ratio_max (loaded), ==, 80);
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_PROGRAM_AS_OF), ==,
                   "2026-05-01");
  g_assert_null (hearth_record_get_deleted_at (HEARTH_RECORD (loaded)));
  assert_raw (db, "program", "typeof(active_member_count) || ':' || active_member_count", program,
              "integer:420");
  assert_raw (db, "program", "as_of", program, "2026-05-01");

  /* Clearing values: '' and -1 are stored as NULL, never as '' (DESIGN §4). */
  cleared = HEARTH_PROGRAM (hearth_record_copy (record));
  hearth_record_set_text (HEARTH_RECORD (cleared), HEARTH_PROGRAM_PURPOSE, "");
  hearth_record_set_text (HEARTH_RECORD (cleared), HEARTH_PROGRAM_DESCRIPTION, NULL);
  hearth_record_set_int (HEARTH_RECORD (cleared), HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT, -1);
  hearth_record_set_text (HEARTH_RECORD (cleared), HEARTH_PROGRAM_AS_OF, "");
  hearth_program_set_name (cleared, "Renamed");
  g_assert_null (hearth_program_get_purpose (cleared));
  g_assert_true (hearth_record_update (HEARTH_RECORD (cleared), db, &error));
  g_assert_no_error (error);

  assert_raw (db, "program",
              "typeof(purpose) || typeof(description) || typeof(active_member_count) || typeof(as_of)",
              cleared, "nullnullnullnull");
  g_clear_object (&loaded);
  loaded = reload (db, cleared);
  g_assert_cmpstr (hearth_program_get_name (loaded), ==, "Renamed");
  g_assert_null (hearth_program_get_purpose (loaded));
  g_assert_cmpint (hearth_program_get_active_member_count (loaded), ==, -1);

  /* An update keeps created_at and stamps updated_at. */
  g_assert_cmpstr (hearth_record_get_created_at (HEARTH_RECORD (loaded)), ==, OLD_STAMP);
  g_assert_cmpstr (hearth_record_get_updated_at (HEARTH_RECORD (loaded)), >, OLD_STAMP);

  /* A record that isn't there cannot be updated. */
  {
    g_autoptr(HearthProgram) ghost = hearth_program_new ("Ghost");

    g_object_set (ghost, "id", "00000000-0000-4000-8000-000000000000", NULL);
    g_assert_false (hearth_record_update (HEARTH_RECORD (ghost), db, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The target ratio check. */
  g_assert_true (hearth_program_check_ratio (loaded, &error));
  hearth_record_set_int (HEARTH_RECORD (loaded), HEARTH_PROGRAM_RATIO_MAX, 10);
  g_assert_false (hearth_program_check_ratio (loaded, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "program.ratio_"));
}

/* Members ----------------------------------------------------------------------------------- */

static HearthProgram *
insert_program (HearthDatabase *db,
                const char     *name)
{
  HearthProgram *program = hearth_program_new (name);

  insert (db, program);
  return program;
}

static void
test_member_round_trip (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) program = insert_program (db, "Program");
  const char *program_id = hearth_record_get_id (HEARTH_RECORD (program));
  g_autoptr(HearthMember) member = hearth_member_new (program_id, "Zoë <&> عربى 🙂");
  g_autoptr(HearthMember) plain = hearth_member_new (program_id, "Plain");
  g_autoptr(HearthMember) loaded = NULL;
  HearthRecord *record = HEARTH_RECORD (member);
  const char *tags[] = { "women in tech", "LGBTQ+", "Ünïcödé \"quoted\"", NULL };
  const char *no_tags[] = { NULL };
  g_auto(GStrv) tags_property = NULL;
  g_autofree char *display_name = NULL;

  /* Defaults: an ordinary member, not a bot, no tags. */
  g_assert_cmpstr (hearth_member_get_status (plain), ==, "member");
  g_assert_false (hearth_record_get_bool (HEARTH_RECORD (plain), HEARTH_MEMBER_IS_BOT));
  g_assert_null (hearth_record_get_list (HEARTH_RECORD (plain), HEARTH_MEMBER_IDENTITY_TAGS));
  insert (db, plain);
  assert_raw (db, "member", "status || ':' || is_bot || ':' || typeof(identity_tags)", plain,
              "member:0:null");
  g_clear_object (&loaded);
  loaded = reload (db, plain);

  /* Every column set. */
  hearth_record_set_text (record, HEARTH_MEMBER_HANDLE, "zoe");
  hearth_record_set_text (record, HEARTH_MEMBER_PLATFORM, "discord");
  hearth_record_set_text (record, HEARTH_MEMBER_EXTERNAL_ID, "123456789012345678");
  hearth_record_set_text (record, HEARTH_MEMBER_EMAIL, "zoe@example.org");
  hearth_record_set_text (record, HEARTH_MEMBER_JOINED_ON, "2024-02-29");
  hearth_record_set_text (record, HEARTH_MEMBER_REGION, "EMEA");
  hearth_record_set_text (record, HEARTH_MEMBER_TIMEZONE, "Europe/Berlin");
  hearth_record_set_text (record, HEARTH_MEMBER_LANGUAGE, "de");
  hearth_record_set_text (record, HEARTH_MEMBER_SEGMENT, "contributors");
  hearth_record_set_list (record, HEARTH_MEMBER_IDENTITY_TAGS, tags);
  hearth_record_set_bool (record, HEARTH_MEMBER_IS_BOT, TRUE);
  hearth_record_set_text (record, HEARTH_MEMBER_STATUS, "ambassador");
  hearth_record_set_text (record, HEARTH_MEMBER_NOTES, "Prefers async.\nAsk before tagging.");
  insert (db, member);

  g_clear_object (&loaded);
  loaded = reload (db, member);
  g_assert_cmpstr (hearth_member_get_program_id (loaded), ==, program_id);
  g_assert_cmpstr (hearth_member_get_display_name (loaded), ==, "Zoë <&> عربى 🙂");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_HANDLE), ==,
                   "zoe");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_PLATFORM), ==,
                   "discord");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_EXTERNAL_ID), ==,
                   "123456789012345678");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_EMAIL), ==,
                   "zoe@example.org");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_JOINED_ON), ==,
                   "2024-02-29");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_REGION), ==,
                   "EMEA");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_TIMEZONE), ==,
                   "Europe/Berlin");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_LANGUAGE), ==,
                   "de");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_SEGMENT), ==,
                   "contributors");
  g_assert_cmpstrv (hearth_record_get_list (HEARTH_RECORD (loaded), HEARTH_MEMBER_IDENTITY_TAGS),
                    tags);
  g_assert_true (hearth_record_get_bool (HEARTH_RECORD (loaded), HEARTH_MEMBER_IS_BOT));
  g_assert_cmpstr (hearth_member_get_status (loaded), ==, "ambassador");
  g_assert_cmpstr (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_NOTES), ==,
                   "Prefers async.\nAsk before tagging.");

  /* The same through GObject properties, as the UI binds them. */
  g_object_get (loaded, "display-name", &display_name, "identity-tags", &tags_property, NULL);
  g_assert_cmpstr (display_name, ==, "Zoë <&> عربى 🙂");
  g_assert_cmpstrv (tags_property, tags);

  /* As stored: a JSON array of strings, an integer 0/1, the lower-case status. */
  assert_raw (db, "member", "json_array_length(identity_tags)", member, "3");
  assert_raw (db, "member", "json_extract(identity_tags, '$[2]')", member, "Ünïcödé \"quoted\"");
  assert_raw (db, "member", "typeof(is_bot) || ':' || is_bot", member, "integer:1");
  assert_raw (db, "member", "status", member, "ambassador");
  assert_raw (db, "member", "joined_on", member, "2024-02-29");

  /* Every status round-trips. */
  for (guint i = 0; hearth_member_statuses[i]; i++)
    {
      g_autoptr(HearthMember) again = NULL;

      hearth_record_set_text (record, HEARTH_MEMBER_STATUS, hearth_member_statuses[i]);
      g_assert_true (hearth_record_update (record, db, &error));
      g_assert_no_error (error);
      again = reload (db, member);
      g_assert_cmpstr (hearth_member_get_status (again), ==, hearth_member_statuses[i]);
    }
  g_assert_cmpuint (g_strv_length ((char **)hearth_member_statuses), ==, 7);

  /* Clearing: '' is NULL, an empty list is NULL, FALSE is 0. */
  hearth_record_set_text (record, HEARTH_MEMBER_EMAIL, "");
  hearth_record_set_text (record, HEARTH_MEMBER_HANDLE, NULL);
  hearth_record_set_text (record, HEARTH_MEMBER_NOTES, "");
  hearth_record_set_text (record, HEARTH_MEMBER_JOINED_ON, "");
  hearth_record_set_list (record, HEARTH_MEMBER_IDENTITY_TAGS, no_tags);
  hearth_record_set_bool (record, HEARTH_MEMBER_IS_BOT, FALSE);
  g_assert_null (hearth_record_get_text (record, HEARTH_MEMBER_EMAIL));
  g_assert_null (hearth_record_get_list (record, HEARTH_MEMBER_IDENTITY_TAGS));
  g_assert_true (hearth_record_update (record, db, &error));
  g_assert_no_error (error);

  assert_raw (db, "member",
              "typeof(email) || typeof(handle) || typeof(notes) || typeof(joined_on) || "
              "typeof(identity_tags) || is_bot",
              member, "nullnullnullnullnull0");
  g_clear_object (&loaded);
  loaded = reload (db, member);
  g_assert_null (hearth_record_get_text (HEARTH_RECORD (loaded), HEARTH_MEMBER_EMAIL));
  g_assert_null (hearth_record_get_list (HEARTH_RECORD (loaded), HEARTH_MEMBER_IDENTITY_TAGS));
  g_assert_false (hearth_record_get_bool (HEARTH_RECORD (loaded), HEARTH_MEMBER_IS_BOT));

  /* Members are listed per program, by name. */
  {
    g_autoptr(HearthProgram) other = insert_program (db, "Other");
    g_autoptr(HearthMember) elsewhere = hearth_member_new (hearth_record_get_id (HEARTH_RECORD (other)),
                                                           "Elsewhere");
    g_autoptr(GPtrArray) members = NULL;

    insert (db, elsewhere);
    members = hearth_member_load_for_program (db, program_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (members->len, ==, 2);
    g_assert_cmpstr (hearth_member_get_display_name (g_ptr_array_index (members, 0)), ==, "Plain");
    g_assert_cmpstr (hearth_member_get_display_name (g_ptr_array_index (members, 1)), ==,
                     "Zoë <&> عربى 🙂");
  }
}

/* Validation -------------------------------------------------------------------------------- */

static const char *secrets[] = {
  "ada.secret@example.org", "burnout risk, handle gently", "secret-identity-tag", NULL
};

static void
assert_refused (HearthDatabase *db,
                HearthRecord   *record,
                const char     *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) insert_error = NULL;
  gint64 before = test_sqlite_int (hearth_database_get_handle (db),
                                   "SELECT (SELECT count(*) FROM program) + (SELECT count(*) FROM member)");

  g_assert_false (hearth_record_validate (record, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, field) == NULL)
    g_error ("“%s” does not name %s", error->message, field);

  for (guint i = 0; secrets[i]; i++)
    g_assert_null (strstr (error->message, secrets[i]));

  /* An insert refuses it the same way and writes nothing. */
  g_assert_false (hearth_record_insert (record, db, &insert_error));
  g_assert_error (insert_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (insert_error->message, ==, error->message);
  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (db),
                                    "SELECT (SELECT count(*) FROM program) + (SELECT count(*) FROM member)"),
                   ==, before);
}

static HearthMember *
secret_member (const char *program_id)
{
  HearthMember *member = hearth_member_new (program_id, "Ada");
  const char *tags[] = { secrets[2], NULL };

  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_EMAIL, secrets[0]);
  hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_NOTES, secrets[1]);
  hearth_record_set_list (HEARTH_RECORD (member), HEARTH_MEMBER_IDENTITY_TAGS, tags);

  return member;
}

static void
test_validation (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) program = insert_program (db, "Program");
  const char *program_id = hearth_record_get_id (HEARTH_RECORD (program));
  const char *bad_dates[] = { "2026-02-30", "2026-2-3", "03/01/2026", "yesterday", "2026-13-01",
                              "0000-01-01", " 2026-01-01", NULL };

  for (guint i = 0; bad_dates[i]; i++)
    {
      g_autoptr(HearthMember) member = secret_member (program_id);

      hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_JOINED_ON, bad_dates[i]);
      assert_refused (db, HEARTH_RECORD (member), "member.joined_on");
    }

  {
    g_autoptr(HearthMember) member = secret_member (program_id);

    hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_STATUS, "boss");
    assert_refused (db, HEARTH_RECORD (member), "member.status");
    /* Statuses are stored lower-case, exactly. */
    hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_STATUS, "Ambassador");
    assert_refused (db, HEARTH_RECORD (member), "member.status");
  }

  {
    g_autoptr(HearthMember) member = secret_member (program_id);

    hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_DISPLAY_NAME, "");
    assert_refused (db, HEARTH_RECORD (member), "member.display_name");
  }

  {
    g_autoptr(HearthMember) member = secret_member (NULL);

    assert_refused (db, HEARTH_RECORD (member), "member.program_id");
  }

  /* Broken text in a personal field is named, not quoted. */
  {
    g_autoptr(HearthMember) member = secret_member (program_id);

    hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_EMAIL,
                            "ada.secret@example.org\xff\xfe");
    assert_refused (db, HEARTH_RECORD (member), "member.email");
  }
  {
    g_autoptr(HearthMember) member = secret_member (program_id);

    hearth_record_set_text (HEARTH_RECORD (member), HEARTH_MEMBER_NOTES,
                            "burnout risk, handle gently\xc3");
    assert_refused (db, HEARTH_RECORD (member), "member.notes");
  }

  {
    g_autoptr(HearthProgram) nameless = hearth_program_new (NULL);

    assert_refused (db, HEARTH_RECORD (nameless), "program.name");
  }
  {
    g_autoptr(HearthProgram) bad_date = hearth_program_new ("Dated");

    hearth_record_set_text (HEARTH_RECORD (bad_date), HEARTH_PROGRAM_AS_OF, "2026-04-31");
    assert_refused (db, HEARTH_RECORD (bad_date), "program.as_of");
  }
  {
    g_autoptr(HearthProgram) negative = hearth_program_new ("Negative");

    hearth_record_set_int (HEARTH_RECORD (negative), HEARTH_PROGRAM_RATIO_MIN, -5);
    assert_refused (db, HEARTH_RECORD (negative), "program.ratio_min");
  }

  /* An update with a bad value is refused and the stored record stays as it was. */
  {
    g_autoptr(HearthMember) member = secret_member (program_id);
    g_autoptr(HearthMember) stored = NULL;
    g_autoptr(HearthMember) edited = NULL;

    insert (db, member);
    edited = HEARTH_MEMBER (hearth_record_copy (HEARTH_RECORD (member)));
    hearth_record_set_text (HEARTH_RECORD (edited), HEARTH_MEMBER_JOINED_ON, "31.12.2025");
    g_assert_false (hearth_record_update (HEARTH_RECORD (edited), db, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "member.joined_on"));
    g_clear_error (&error);

    stored = reload (db, member);
    g_assert_null (hearth_record_get_text (HEARTH_RECORD (stored), HEARTH_MEMBER_JOINED_ON));
  }

  /* A member of a program that doesn't exist: refused by the foreign key, values unquoted. */
  {
    g_autoptr(HearthMember) orphan = secret_member ("no-such-program");

    g_assert_false (hearth_record_insert (HEARTH_RECORD (orphan), db, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    g_test_message ("refused: %s", error->message);
    for (guint i = 0; secrets[i]; i++)
      g_assert_null (strstr (error->message, secrets[i]));
    g_clear_error (&error);
  }
}

/* Soft deletion, Undo, and lists that follow the store -------------------------------------- */

static HearthStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  HearthStore *store = hearth_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
insert_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  return hearth_record_insert (job_data, db, error);
}

static void
store_insert (HearthStore *store,
              gpointer     record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hearth_store_write_sync (store, insert_job, record, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = hearth_store_write_finish (HEARTH_STORE (source), result, error);

  /* Mark completion even on success. */
  if (ok)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* Waits for an async write; returns its error, or NULL when it succeeded. */
static GError *
wait_for (GError **slot)
{
  test_spin_until (*slot != NULL);

  if (g_error_matches (*slot, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_clear_error (slot);
      return NULL;
    }

  return g_steal_pointer (slot);
}

typedef struct
{
  const char *table;
  const char *id;
} UndeleteData;

static gboolean
undelete_job (HearthDatabase  *db,
              gpointer         job_data,
              GError         **error)
{
  UndeleteData *data = job_data;

  return hearth_database_undelete (db, data->table, data->id, error);
}

static void
test_soft_delete (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) slot = NULL;
  g_autoptr(HearthStore) store = open_store (td->path);
  HearthDatabase *reader = hearth_store_get_reader (store);
  g_autoptr(HearthProgram) kept = hearth_program_new ("Kept");
  g_autoptr(HearthProgram) deleted = hearth_program_new ("Deleted");
  g_autoptr(HearthMember) ada = NULL;
  g_autoptr(HearthMember) grace = NULL;
  g_autoptr(HearthRecordList) programs = NULL;
  g_autoptr(HearthRecordList) members = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(HearthProgram) tombstone = NULL;
  g_autoptr(HearthProgram) back = NULL;
  g_autoptr(HearthProgram) found = NULL;
  const char *deleted_id;
  UndeleteData undelete = { "program", NULL };

  g_object_set (deleted, "created-at", OLD_STAMP, "updated-at", OLD_STAMP, NULL);
  store_insert (store, kept);
  store_insert (store, deleted);
  deleted_id = hearth_record_get_id (HEARTH_RECORD (deleted));

  ada = hearth_member_new (hearth_record_get_id (HEARTH_RECORD (kept)), "Ada");
  grace = hearth_member_new (hearth_record_get_id (HEARTH_RECORD (kept)), "Grace");
  store_insert (store, ada);
  store_insert (store, grace);

  programs = hearth_record_list_new (store, HEARTH_TYPE_PROGRAM, NULL, NULL);
  members = hearth_record_list_new (store, HEARTH_TYPE_MEMBER, "program_id",
                                    hearth_record_get_id (HEARTH_RECORD (kept)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 2);

  /* Delete: gone from every query and list. */
  hearth_store_delete_async (store, "program", deleted_id, TRUE, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 1);
  g_assert_null (hearth_record_list_find (HEARTH_RECORD_LIST (programs), deleted_id, NULL));

  loaded = hearth_program_load_all (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = hearth_record_load (HEARTH_TYPE_PROGRAM, reader, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (hearth_program_get_name (g_ptr_array_index (loaded, 0)), ==, "Kept");
  g_clear_pointer (&loaded, g_ptr_array_unref);

  g_assert_null (hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, reader, deleted_id, FALSE,
                                           &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hearth_program_find (reader, "Deleted", &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hearth_program_find (reader, deleted_id, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* It is a tombstone, not gone: still there for Undo and for merges. */
  tombstone = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, reader, deleted_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hearth_record_get_deleted_at (HEARTH_RECORD (tombstone)));
  g_assert_cmpstr (hearth_record_get_deleted_at (HEARTH_RECORD (tombstone)), >, OLD_STAMP);

  /* Deleting it again finds nothing live. */
  hearth_store_delete_async (store, "program", deleted_id, TRUE, NULL, async_done_cb, &slot);
  error = wait_for (&slot);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A member, from a scoped list. */
  hearth_store_delete_async (store, "member", hearth_record_get_id (HEARTH_RECORD (ada)), TRUE,
                             NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 1);
  loaded = hearth_member_load_for_program (reader, hearth_record_get_id (HEARTH_RECORD (kept)),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (hearth_member_get_display_name (g_ptr_array_index (loaded, 0)), ==, "Grace");
  g_clear_pointer (&loaded, g_ptr_array_unref);

  /* Undo: hearth_database_undelete brings it back, as an edit (updated_at moves on). */
  undelete.id = deleted_id;
  g_assert_true (hearth_store_write_sync (store, undelete_job, &undelete, HEARTH_WRITE_FLAGS_NONE,
                                          &error));
  g_assert_no_error (error);
  back = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, reader, deleted_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (hearth_record_get_deleted_at (HEARTH_RECORD (back)));
  g_assert_cmpstr (hearth_record_get_updated_at (HEARTH_RECORD (back)), >, OLD_STAMP);
  g_assert_cmpstr (hearth_record_get_created_at (HEARTH_RECORD (back)), ==, OLD_STAMP);
  g_assert_cmpstr (hearth_program_get_name (back), ==, "Deleted");
  found = hearth_program_find (reader, "deleted", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_record_get_id (HEARTH_RECORD (found)), ==, deleted_id);

  /* write_sync doesn't emit ::changed; the list catches up on the next write. Undo of the
   * member goes through the store's own job. */
  hearth_store_delete_async (store, "member", hearth_record_get_id (HEARTH_RECORD (ada)), FALSE,
                             NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 2);

  /* Undeleting a live record, or a table without tombstones, is refused. */
  g_assert_false (hearth_store_write_sync (store, undelete_job, &undelete, HEARTH_WRITE_FLAGS_NONE,
                                           &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  undelete.table = "activity";
  g_assert_false (hearth_store_write_sync (store, undelete_job, &undelete, HEARTH_WRITE_FLAGS_NONE,
                                           &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
}

/* hearth_program_find: --program ID|NAME ---------------------------------------------------- */

static void
test_program_find (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) helpers = insert_program (db, "Community Helpers");
  g_autoptr(HearthProgram) doctors = insert_program (db, "Ärzte Netz");
  g_autoptr(HearthProgram) alpha = insert_program (db, "Alpha");  /* the other Alpha */
  g_autoptr(HearthProgram) alpha_too = insert_program (db, "ALPHA");
  HearthProgram *found;

  found = hearth_program_find (db, hearth_record_get_id (HEARTH_RECORD (helpers)), &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (found), HEARTH_RECORD (helpers)));
  g_object_unref (found);

  found = hearth_program_find (db, "community HELPERS", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_record_get_id (HEARTH_RECORD (found)), ==,
                   hearth_record_get_id (HEARTH_RECORD (helpers)));
  g_object_unref (found);

  found = hearth_program_find (db, "ärzte netz", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_record_get_id (HEARTH_RECORD (found)), ==,
                   hearth_record_get_id (HEARTH_RECORD (doctors)));
  g_object_unref (found);

  found = hearth_program_find (db, "Community", &error);
  g_assert_null (found);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Community"));
  g_clear_error (&error);

  /* Two programs of the same name: ambiguous, resolved by id. */
  found = hearth_program_find (db, "alpha", &error);
  g_assert_null (found);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_test_message ("ambiguous: %s", error->message);
  g_assert_nonnull (strstr (error->message, "2 programs"));
  g_assert_nonnull (strstr (error->message, "id"));
  g_clear_error (&error);

  found = hearth_program_find (db, hearth_record_get_id (HEARTH_RECORD (alpha_too)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_program_get_name (found), ==, "ALPHA");
  g_object_unref (found);

  /* Listed by name, case-insensitively: the two Alphas, then the others. */
  {
    g_autoptr(GPtrArray) all = hearth_program_load_all (db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 4);
    g_assert_cmpint (g_ascii_strcasecmp (hearth_program_get_name (g_ptr_array_index (all, 0)),
                                         "alpha"), ==, 0);
    g_assert_cmpint (g_ascii_strcasecmp (hearth_program_get_name (g_ptr_array_index (all, 1)),
                                         "alpha"), ==, 0);
    g_assert_cmpstr (hearth_program_get_name (g_ptr_array_index (all, 2)), ==, "Community Helpers");
  }

}

/* HearthRecordList follows the store -------------------------------------------------------- */

typedef struct
{
  guint n_items_changed;
  guint n_notify;
} ListSignals;

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  ListSignals *signals)
{
  signals->n_items_changed++;
}

static void
notify_cb (GObject     *object,
           GParamSpec  *pspec,
           ListSignals *signals)
{
  signals->n_notify++;
}

static void
test_record_list (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthStore) store = open_store (td->path);
  g_autoptr(HearthRecordList) programs = hearth_record_list_new (store, HEARTH_TYPE_PROGRAM, NULL,
                                                                 NULL);
  g_autoptr(HearthRecordList) members = hearth_record_list_new (store, HEARTH_TYPE_MEMBER,
                                                                "program_id", NULL);
  g_autoptr(HearthProgram) beta = hearth_program_new ("beta");
  g_autoptr(HearthProgram) alpha = hearth_program_new ("Alpha");
  g_autoptr(HearthProgram) item = NULL;
  g_autoptr(HearthProgram) renamed = NULL;
  g_autoptr(GError) slot = NULL;
  ListSignals signals = { 0 };
  ListSignals item_signals = { 0 };
  guint position = G_MAXUINT;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (programs)) == HEARTH_TYPE_PROGRAM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (programs), 0));
  /* Scoped with no parent yet: empty. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 0);

  g_signal_connect (programs, "items-changed", G_CALLBACK (items_changed_cb), &signals);
  g_signal_connect (programs, "notify::n-items", G_CALLBACK (notify_cb), &signals);

  /* An insert through the store shows up after the main loop runs, not before. */
  hearth_store_insert_async (store, beta, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 0);
  test_spin_until (g_list_model_get_n_items (G_LIST_MODEL (programs)) == 1);
  g_assert_cmpuint (signals.n_items_changed, ==, 1);
  g_assert_cmpuint (signals.n_notify, ==, 1);

  hearth_store_insert_async (store, alpha, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 2);

  /* Sorted by name, case-insensitively. */
  item = g_list_model_get_item (G_LIST_MODEL (programs), 0);
  g_assert_cmpstr (hearth_program_get_name (item), ==, "Alpha");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (programs), 1);
  g_assert_cmpstr (hearth_program_get_name (item), ==, "beta");

  /* An edit updates the same object in place, so the UI keeps its selection. */
  g_signal_connect (item, "notify::name", G_CALLBACK (notify_cb), &item_signals);
  signals.n_items_changed = 0;
  renamed = HEARTH_PROGRAM (hearth_record_copy (HEARTH_RECORD (item)));
  hearth_program_set_name (renamed, "Beta renamed");
  hearth_store_update_async (store, renamed, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpstr (hearth_program_get_name (item), ==, "Beta renamed");
  g_assert_cmpuint (item_signals.n_notify, ==, 1);
  g_assert_cmpuint (signals.n_items_changed, ==, 0);
  g_assert_true (hearth_record_list_find (HEARTH_RECORD_LIST (programs),
                                          hearth_record_get_id (HEARTH_RECORD (item)),
                                          &position) == (gpointer)item);
  g_assert_cmpuint (position, ==, 1);

  /* A scoped list follows its parent. */
  {
    g_autoptr(HearthProgram) first = g_list_model_get_item (G_LIST_MODEL (programs), 0);
    g_autofree char *alpha_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (first)));
    g_autoptr(HearthMember) ada = hearth_member_new (alpha_id, "Ada");
    g_autoptr(HearthMember) grace = hearth_member_new (hearth_record_get_id (HEARTH_RECORD (item)),
                                                       "Grace");
    g_autoptr(HearthMember) only = NULL;

    hearth_store_insert_async (store, ada, NULL, async_done_cb, &slot);
    g_assert_null (wait_for (&slot));
    hearth_store_insert_async (store, grace, NULL, async_done_cb, &slot);
    g_assert_null (wait_for (&slot));

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 0);
    hearth_record_list_set_value (members, alpha_id);
    g_assert_cmpstr (hearth_record_list_get_value (members), ==, alpha_id);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 1);
    hearth_record_list_set_value (members, hearth_record_get_id (HEARTH_RECORD (item)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 1);
    only = g_list_model_get_item (G_LIST_MODEL (members), 0);
    g_assert_cmpstr (hearth_member_get_display_name (only), ==, "Grace");
    hearth_record_list_set_value (members, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 0);
  }

  /* A delete removes it. */
  hearth_store_delete_async (store, "program", hearth_record_get_id (HEARTH_RECORD (item)), TRUE,
                             NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programs)), ==, 1);
  g_assert_null (hearth_record_list_find (HEARTH_RECORD_LIST (programs),
                                          hearth_record_get_id (HEARTH_RECORD (item)), NULL));
}

/* Settings ---------------------------------------------------------------------------------- */

static void
assert_setting (HearthDatabase *db,
                const char     *program_id,
                const char     *key,
                const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = hearth_settings_get (db, program_id, key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, expected);
}

static void
assert_setting_refused (HearthDatabase *db,
                        const char     *program_id,
                        const char     *key,
                        const char     *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *field = g_strconcat ("settings.", key, NULL);

  g_assert_false (hearth_settings_set (db, program_id, key, value, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, field));
}

static void
test_settings (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthProgram) program = insert_program (db, "Program");
  g_autoptr(HearthProgram) other = insert_program (db, "Other");
  const char *id = hearth_record_get_id (HEARTH_RECORD (program));
  const char *other_id = hearth_record_get_id (HEARTH_RECORD (other));
  const char *documented[] = {
    "weight_consistency", "weight_empathy", "weight_alignment", "weight_initiative",
    "weight_credibility", "window_weeks", "hours_limit", "recognition_interval_days",
    "feedback_stale_days", "ob_issuer_name", "ob_issuer_url", "ob_issuer_email", "ob_base_url",
    NULL
  };
  g_autofree char *unknown = NULL;
  guint n_specs = 0;

  /* Every documented key is known; the issuer e-mail is personal. */
  for (guint i = 0; documented[i]; i++)
    g_assert_nonnull (hearth_settings_lookup (documented[i]));
  hearth_settings_get_specs (&n_specs);
  g_assert_cmpuint (n_specs, >=, g_strv_length ((char **)documented));
  g_assert_true (hearth_settings_lookup ("ob_issuer_email")->personal);
  g_assert_false (hearth_settings_lookup ("ob_issuer_name")->personal);

  /* Defaults (DESIGN §4), with nothing stored. */
  assert_setting (db, id, HEARTH_SETTING_WINDOW_WEEKS, "12");
  assert_setting (db, id, HEARTH_SETTING_HOURS_LIMIT, "8");
  assert_setting (db, id, HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS, "60");
  assert_setting (db, id, HEARTH_SETTING_FEEDBACK_STALE_DAYS, "14");
  assert_setting (db, id, "weight_empathy", "1");
  assert_setting (db, id, "ob_issuer_name", NULL);
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_WINDOW_WEEKS), ==, 12);
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_HOURS_LIMIT), ==, 8);
  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (db),
                                    "SELECT count(*) FROM settings"), ==, 0);

  /* Set, read back, overwrite. */
  g_assert_true (hearth_settings_set (db, id, HEARTH_SETTING_WINDOW_WEEKS, "20", &error));
  g_assert_no_error (error);
  assert_setting (db, id, HEARTH_SETTING_WINDOW_WEEKS, "20");
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_WINDOW_WEEKS), ==, 20);
  g_assert_true (hearth_settings_set_int (db, id, HEARTH_SETTING_WINDOW_WEEKS, 104, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_WINDOW_WEEKS), ==, 104);
  g_assert_true (hearth_settings_set_int (db, id, "weight_alignment", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearth_settings_get_int (db, id, "weight_alignment"), ==, 0);

  /* Per program. */
  g_assert_cmpint (hearth_settings_get_int (db, other_id, HEARTH_SETTING_WINDOW_WEEKS), ==, 12);

  /* Out of range or not a number: refused, the stored value stays. */
  assert_setting_refused (db, id, HEARTH_SETTING_WINDOW_WEEKS, "0");
  assert_setting_refused (db, id, HEARTH_SETTING_WINDOW_WEEKS, "105");
  assert_setting_refused (db, id, HEARTH_SETTING_WINDOW_WEEKS, "-3");
  assert_setting_refused (db, id, HEARTH_SETTING_WINDOW_WEEKS, "twelve");
  assert_setting_refused (db, id, HEARTH_SETTING_WINDOW_WEEKS, "12.5");
  assert_setting_refused (db, id, HEARTH_SETTING_WINDOW_WEEKS, " 12");
  assert_setting_refused (db, id, "weight_empathy", "11");
  g_assert_false (hearth_settings_set_int (db, id, HEARTH_SETTING_HOURS_LIMIT, 81, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_WINDOW_WEEKS), ==, 104);
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_HOURS_LIMIT), ==, 8);

  /* Unknown keys: refused both ways, nothing written. */
  assert_setting_refused (db, id, "window_days", "12");
  unknown = hearth_settings_get (db, id, "window_days", &error);
  g_assert_null (unknown);
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "settings.window_days"));
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (hearth_database_get_handle (db),
                                    "SELECT count(*) FROM settings WHERE key = 'window_days'"),
                   ==, 0);

  /* Text settings take text; clearing goes back to the default. */
  g_assert_true (hearth_settings_set (db, id, "ob_issuer_url", "https://example.org/ambassadors",
                                      &error));
  g_assert_no_error (error);
  assert_setting (db, id, "ob_issuer_url", "https://example.org/ambassadors");
  g_assert_true (hearth_settings_set (db, id, "ob_issuer_url", "", &error));
  assert_setting (db, id, "ob_issuer_url", NULL);
  g_assert_true (hearth_settings_set (db, id, HEARTH_SETTING_WINDOW_WEEKS, NULL, &error));
  g_assert_no_error (error);
  assert_setting (db, id, HEARTH_SETTING_WINDOW_WEEKS, "12");

  /* A value another tool stored out of range reads as the default. */
  test_sqlite_exec (hearth_database_get_handle (db),
                    "INSERT INTO settings (program_id, key, value) "
                    "SELECT id, 'hours_limit', '999' FROM program WHERE name = 'Program'");
  g_assert_cmpint (hearth_settings_get_int (db, id, HEARTH_SETTING_HOURS_LIMIT), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records/program/round-trip", test_program_round_trip);
  g_test_add_func ("/records/member/round-trip", test_member_round_trip);
  g_test_add_func ("/records/validation", test_validation);
  g_test_add_func ("/records/soft-delete", test_soft_delete);
  g_test_add_func ("/records/program-find", test_program_find);
  g_test_add_func ("/records/record-list", test_record_list);
  g_test_add_func ("/records/settings", test_settings);

  return g_test_run ();
}
