/* test-candidate-records.c: nominations, observations and the status workflow — fields
 * round-trip, bad values are refused with the field's name (never a personal value), deletion
 * through the store is soft and undoable, and only the workflow's steps are allowed, each one
 * leaving a history row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-member.h"
#include "hearth-nomination.h"
#include "hearth-observation.h"
#include "hearth-program.h"
#include "hearth-status-change.h"
#include "hearth-store.h"
#include "test-util.h"

#define SECRET_NOTE "confided a burnout, handle gently"

typedef struct
{
  TestDir      *td;
  HearthStore  *store;
  char         *program_id;
  char         *ada_id;
  char         *grace_id;
} Fixture;

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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProgram) program = hearth_program_new ("Program");
  g_autoptr(HearthMember) ada = NULL;
  g_autoptr(HearthMember) grace = NULL;

  f->td = test_dir_new ();
  f->store = hearth_store_open (f->td->path, &error);
  g_assert_no_error (error);

  store_insert (f->store, program);
  f->program_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (program)));
  ada = hearth_member_new (f->program_id, "Ada");
  grace = hearth_member_new (f->program_id, "Grace");
  store_insert (f->store, ada);
  store_insert (f->store, grace);
  f->ada_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (ada)));
  f->grace_id = g_strdup (hearth_record_get_id (HEARTH_RECORD (grace)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_store_close (f->store);
  g_clear_object (&f->store);
  g_free (f->program_id);
  g_free (f->ada_id);
  g_free (f->grace_id);
  test_dir_free (f->td);
}

static sqlite3 *
handle (Fixture *f)
{
  return hearth_database_get_handle (hearth_store_get_reader (f->store));
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_sqlite_int (handle (f), sql);
}

static void
assert_refused (Fixture      *f,
                HearthRecord *record,
                const char   *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) insert_error = NULL;
  const char *table = hearth_record_class_get_table (HEARTH_RECORD_GET_CLASS (record));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 before = count (f, sql);

  g_assert_false (hearth_record_validate (record, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, field) == NULL)
    g_error ("“%s” does not name %s", error->message, field);
  g_assert_null (strstr (error->message, SECRET_NOTE));

  g_assert_false (hearth_store_write_sync (f->store, insert_job, record, HEARTH_WRITE_FLAGS_NONE,
                                           &insert_error));
  g_assert_error (insert_error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_assert_cmpstr (insert_error->message, ==, error->message);
  g_assert_cmpint (count (f, sql), ==, before);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (hearth_store_write_finish (HEARTH_STORE (source), result, error))
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

/* Nominations -------------------------------------------------------------------------------- */

static void
test_nomination (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) slot = NULL;
  g_autoptr(HearthNomination) fresh = hearth_nomination_new (f->ada_id);
  g_autoptr(HearthNomination) nomination = hearth_nomination_new (f->ada_id);
  g_autoptr(HearthNomination) outside = hearth_nomination_new (f->ada_id);
  g_autoptr(HearthNomination) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *id;

  /* What a new nomination starts with. */
  g_assert_cmpstr (hearth_nomination_get_consent (fresh), ==, "open");
  g_assert_cmpstr (hearth_nomination_get_nominee_id (fresh), ==, f->ada_id);
  g_assert_null (hearth_nomination_get_nominator_id (fresh));

  g_object_set (nomination,
                "nominator-id", f->grace_id,
                "reason", "Welcomes every newcomer",
                "created-on", "2026-03-01",
                "consent", "accepted",
                NULL);
  store_insert (f->store, nomination);
  id = hearth_record_get_id (HEARTH_RECORD (nomination));
  loaded = hearth_record_load_by_id (HEARTH_TYPE_NOMINATION, hearth_store_get_reader (f->store),
                                     id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (loaded), HEARTH_RECORD (nomination)));
  g_assert_cmpstr (hearth_nomination_get_nominator_id (loaded), ==, f->grace_id);
  g_assert_cmpstr (hearth_nomination_get_reason (loaded), ==, "Welcomes every newcomer");
  g_assert_cmpstr (hearth_nomination_get_created_on (loaded), ==, "2026-03-01");
  g_assert_cmpstr (hearth_nomination_get_consent (loaded), ==, "accepted");

  /* Someone outside the program: a name, no id. */
  g_object_set (outside, "nominator-name", "Linus from the meetup", "created-on", "2026-03-02",
                NULL);
  store_insert (f->store, outside);
  g_assert_cmpint (count (f, "SELECT count(*) FROM nomination WHERE nominator_id IS NULL "
                             "AND nominator_name = 'Linus from the meetup'"), ==, 1);

  list = hearth_nomination_load_for_member (hearth_store_get_reader (f->store), f->ada_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first. */
  g_assert_cmpstr (hearth_nomination_get_created_on (g_ptr_array_index (list, 0)), ==,
                   "2026-03-02");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Update through the store. */
  hearth_record_set_text (HEARTH_RECORD (loaded), HEARTH_NOMINATION_CONSENT, "declined");
  hearth_store_update_async (f->store, loaded, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpint (count (f, "SELECT count(*) FROM nomination WHERE consent = 'declined'"), ==, 1);

  /* Soft delete and undo. */
  hearth_store_delete_async (f->store, "nomination", id, TRUE, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  list = hearth_nomination_load_for_member (hearth_store_get_reader (f->store), f->ada_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (count (f, "SELECT count(*) FROM nomination WHERE deleted_at IS NOT NULL"), ==, 1);

  hearth_store_delete_async (f->store, "nomination", id, FALSE, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  list = hearth_nomination_load_for_member (hearth_store_get_reader (f->store), f->ada_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_nomination_validation (Fixture       *f,
                            gconstpointer  data)
{
  {
    g_autoptr(HearthNomination) nobody = hearth_nomination_new (f->ada_id);

    g_object_set (nobody, "created-on", "2026-03-01", "reason", SECRET_NOTE, NULL);
    assert_refused (f, HEARTH_RECORD (nobody), "nomination.nominator");
  }
  {
    g_autoptr(HearthNomination) self_nomination = hearth_nomination_new (f->ada_id);

    g_object_set (self_nomination, "created-on", "2026-03-01", "nominator-id", f->ada_id, NULL);
    assert_refused (f, HEARTH_RECORD (self_nomination), "nomination.nominator_id");
  }
  {
    g_autoptr(HearthNomination) bad = hearth_nomination_new (f->ada_id);

    g_object_set (bad, "created-on", "2026-03-01", "nominator-name", "Linus",
                  "consent", "maybe", NULL);
    assert_refused (f, HEARTH_RECORD (bad), "nomination.consent");
  }
  {
    g_autoptr(HearthNomination) bad = hearth_nomination_new (f->ada_id);

    g_object_set (bad, "created-on", "2026-02-30", "nominator-name", "Linus", NULL);
    assert_refused (f, HEARTH_RECORD (bad), "nomination.created_on");
  }
  {
    g_autoptr(HearthNomination) undated = hearth_nomination_new (f->ada_id);

    g_object_set (undated, "nominator-name", "Linus", NULL);
    assert_refused (f, HEARTH_RECORD (undated), "nomination.created_on");
  }
  {
    g_autoptr(HearthNomination) orphan = hearth_nomination_new (NULL);

    g_object_set (orphan, "created-on", "2026-03-01", "nominator-name", "Linus", NULL);
    assert_refused (f, HEARTH_RECORD (orphan), "nomination.nominee_id");
  }
}

/* Observations ------------------------------------------------------------------------------- */

static void
test_observation (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) slot = NULL;
  g_autoptr(HearthObservation) observation =
    hearth_observation_new (f->ada_id, "empathy", 4, "2026-03-05");
  g_autoptr(HearthObservation) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *id;

  hearth_record_set_text (HEARTH_RECORD (observation), HEARTH_OBSERVATION_NOTE, SECRET_NOTE);
  store_insert (f->store, observation);
  id = hearth_record_get_id (HEARTH_RECORD (observation));

  loaded = hearth_record_load_by_id (HEARTH_TYPE_OBSERVATION, hearth_store_get_reader (f->store),
                                     id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_record_equal (HEARTH_RECORD (loaded), HEARTH_RECORD (observation)));
  g_assert_cmpstr (hearth_observation_get_trait (loaded), ==, "empathy");
  g_assert_cmpint (hearth_observation_get_rating (loaded), ==, 4);
  g_assert_cmpstr (hearth_observation_get_note (loaded), ==, SECRET_NOTE);
  g_assert_cmpstr (hearth_observation_get_observed_on (loaded), ==, "2026-03-05");
  g_assert_cmpstr (hearth_observation_get_member_id (loaded), ==, f->ada_id);

  /* The note is personal (DESIGN §8): the column says so, for exports and logs. */
  g_assert_true (hearth_observation_columns[HEARTH_OBSERVATION_NOTE].flags &
                 HEARTH_COLUMN_FLAGS_PERSONAL);
  g_assert_true (hearth_observation_columns[HEARTH_OBSERVATION_MEMBER_ID].flags &
                 HEARTH_COLUMN_FLAGS_PARENT);

  hearth_record_set_int (HEARTH_RECORD (loaded), HEARTH_OBSERVATION_RATING, 5);
  hearth_record_set_text (HEARTH_RECORD (loaded), HEARTH_OBSERVATION_NOTE, NULL);
  hearth_store_update_async (f->store, loaded, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_cmpint (count (f, "SELECT count(*) FROM observation WHERE rating = 5 AND note IS NULL"),
                   ==, 1);

  hearth_store_delete_async (f->store, "observation", id, TRUE, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  list = hearth_observation_load_for_member (hearth_store_get_reader (f->store), f->ada_id,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  hearth_store_delete_async (f->store, "observation", id, FALSE, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  list = hearth_observation_load_for_member (hearth_store_get_reader (f->store), f->ada_id,
                                             &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_observation_validation (Fixture       *f,
                             gconstpointer  data)
{
  const gint64 bad_ratings[] = { 0, 6, -1, 100 };
  const char *bad_traits[] = { "kindness", "Empathy", "", NULL };
  const char *bad_dates[] = { "2026-02-30", "5.3.2026", "yesterday", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (bad_ratings); i++)
    {
      g_autoptr(HearthObservation) o = hearth_observation_new (f->ada_id, "empathy", 3,
                                                               "2026-03-05");

      hearth_record_set_text (HEARTH_RECORD (o), HEARTH_OBSERVATION_NOTE, SECRET_NOTE);
      hearth_record_set_int (HEARTH_RECORD (o), HEARTH_OBSERVATION_RATING, bad_ratings[i]);
      assert_refused (f, HEARTH_RECORD (o), "observation.rating");
    }

  for (guint i = 0; bad_traits[i]; i++)
    {
      g_autoptr(HearthObservation) o = hearth_observation_new (f->ada_id, bad_traits[i], 3,
                                                               "2026-03-05");

      hearth_record_set_text (HEARTH_RECORD (o), HEARTH_OBSERVATION_NOTE, SECRET_NOTE);
      assert_refused (f, HEARTH_RECORD (o), "observation.trait");
    }

  for (guint i = 0; bad_dates[i]; i++)
    {
      g_autoptr(HearthObservation) o = hearth_observation_new (f->ada_id, "initiative", 3,
                                                               bad_dates[i]);

      hearth_record_set_text (HEARTH_RECORD (o), HEARTH_OBSERVATION_NOTE, SECRET_NOTE);
      assert_refused (f, HEARTH_RECORD (o), "observation.observed_on");
    }

  /* Broken text in the personal note is named, not quoted. */
  {
    g_autoptr(HearthObservation) o = hearth_observation_new (f->ada_id, "empathy", 3,
                                                             "2026-03-05");

    hearth_record_set_text (HEARTH_RECORD (o), HEARTH_OBSERVATION_NOTE, SECRET_NOTE "\xff");
    assert_refused (f, HEARTH_RECORD (o), "observation.note");
  }

  /* 1 and 5 are fine. */
  for (gint64 rating = 1; rating <= 5; rating++)
    {
      g_autoptr(HearthObservation) o = hearth_observation_new (f->ada_id, "credibility", rating,
                                                               "2026-03-05");
      g_autoptr(GError) error = NULL;

      g_assert_true (hearth_record_validate (HEARTH_RECORD (o), &error));
      g_assert_no_error (error);
    }
}

/* The status workflow ------------------------------------------------------------------------ */

typedef struct
{
  const char *member_id;
  const char *status;
  const char *note;
  const char *changed_on;
} ChangeData;

static gboolean
change_job (HearthDatabase  *db,
            gpointer         job_data,
            GError         **error)
{
  ChangeData *data = job_data;

  return hearth_member_change_status (db, data->member_id, data->status, data->note,
                                      data->changed_on, error);
}

static gboolean
change (Fixture     *f,
        const char  *member_id,
        const char  *status,
        const char  *note,
        GError     **error)
{
  ChangeData data = { member_id, status, note, "2026-03-10" };

  return hearth_store_write_sync (f->store, change_job, &data, HEARTH_WRITE_FLAGS_NONE, error);
}

static char *
status_of (Fixture    *f,
           const char *member_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM member WHERE id = '%s'", member_id);

  return test_sqlite_text (handle (f), sql);
}

static void
assert_status (Fixture    *f,
               const char *member_id,
               const char *expected)
{
  g_autofree char *status = status_of (f, member_id);

  g_assert_cmpstr (status, ==, expected);
}

static void
test_workflow (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) slot = NULL;
  g_autoptr(GPtrArray) history = NULL;
  /* A whole life: every allowed step once. */
  const char *path[] = { "candidate", "invited", "ambassador", "paused", "ambassador", "alumni",
                         "candidate", "declined", "candidate", NULL };
  const char *all[] = { "member", "candidate", "invited", "ambassador", "paused", "alumni",
                        "declined", NULL };
  g_autofree char *updated_before = NULL;
  g_autofree char *updated_after = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT updated_at FROM member WHERE id = '%s'", f->ada_id);
  updated_before = test_sqlite_text (handle (f), sql);

  for (guint i = 0; path[i]; i++)
    {
      g_assert_true (change (f, f->ada_id, path[i], NULL, &error));
      g_assert_no_error (error);
      assert_status (f, f->ada_id, path[i]);
    }

  updated_after = test_sqlite_text (handle (f), sql);
  g_assert_cmpstr (updated_after, >, updated_before);

  history = hearth_status_change_load_for_member (hearth_store_get_reader (f->store), f->ada_id,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, g_strv_length ((char **)path));
  for (guint i = 0; path[i]; i++)
    {
      HearthStatusChange *step = g_ptr_array_index (history, i);

      g_assert_cmpstr (hearth_status_change_get_status (step), ==, path[i]);
      g_assert_cmpstr (hearth_status_change_get_changed_on (step), ==, "2026-03-10");
      g_assert_cmpstr (hearth_status_change_get_member_id (step), ==, f->ada_id);
    }

  /* The table, exhaustively: exactly twelve steps are allowed. */
  {
    guint n_allowed = 0;

    for (guint i = 0; all[i]; i++)
      for (guint j = 0; all[j]; j++)
        n_allowed += hearth_member_status_can_change (all[i], all[j]);
    g_assert_cmpuint (n_allowed, ==, 12);
    for (guint i = 0; all[i]; i++)
      g_assert_false (hearth_member_status_can_change (all[i], all[i]));
  }

  /* Refused steps change nothing and write no history. */
  {
    struct { const char *from_path[4]; const char *to; } refused[] = {
      { { NULL }, "invited" },                              /* member → invited */
      { { NULL }, "ambassador" },                           /* member → ambassador */
      { { NULL }, "member" },                               /* member → member */
      { { "candidate", NULL }, "ambassador" },              /* skips the invitation */
      { { "candidate", "invited", "ambassador", NULL }, "declined" },
      { { "candidate", "invited", "ambassador", NULL }, "candidate" },
      { { "candidate", "declined", NULL }, "invited" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(HearthMember) member = hearth_member_new (f->program_id, "Someone");
        g_autofree char *before = NULL;
        const char *id;
        gint64 n_history;

        store_insert (f->store, member);
        id = hearth_record_get_id (HEARTH_RECORD (member));
        for (guint j = 0; refused[i].from_path[j]; j++)
          g_assert_true (change (f, id, refused[i].from_path[j], NULL, NULL));

        before = status_of (f, id);
        n_history = count (f, "SELECT count(*) FROM member_status_change");
        g_assert_false (change (f, id, refused[i].to, SECRET_NOTE, &error));
        g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
        g_test_message ("refused: %s", error->message);
        g_assert_nonnull (strstr (error->message, "member.status"));
        g_assert_null (strstr (error->message, SECRET_NOTE));
        g_clear_error (&error);
        assert_status (f, id, before);
        g_assert_cmpint (count (f, "SELECT count(*) FROM member_status_change"), ==, n_history);
      }
  }

  /* Not a status, no such member, a deleted member, a bad day. */
  g_assert_false (change (f, f->grace_id, "boss", NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (change (f, "no-such-member", "candidate", NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    ChangeData bad_day = { f->grace_id, "candidate", SECRET_NOTE, "2026-13-01" };

    g_assert_false (hearth_store_write_sync (f->store, change_job, &bad_day,
                                             HEARTH_WRITE_FLAGS_NONE, &error));
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "changed_on"));
    g_assert_null (strstr (error->message, SECRET_NOTE));
    g_clear_error (&error);
    assert_status (f, f->grace_id, "member");
  }

  /* A decline keeps its note; through the async entry point. */
  hearth_member_change_status_async (f->store, f->grace_id, "declined", "Not this year",
                                     "2026-03-11", NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  assert_status (f, f->grace_id, "declined");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = hearth_status_change_load_for_member (hearth_store_get_reader (f->store), f->grace_id,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (hearth_status_change_get_status (g_ptr_array_index (history, 0)), ==,
                   "declined");
  g_assert_cmpstr (hearth_status_change_get_note (g_ptr_array_index (history, 0)), ==,
                   "Not this year");
  g_assert_cmpstr (hearth_status_change_get_changed_on (g_ptr_array_index (history, 0)), ==,
                   "2026-03-11");

  /* A refused async step reports its error. */
  hearth_member_change_status_async (f->store, f->grace_id, "ambassador", NULL, "2026-03-12",
                                     NULL, test_write_failed_cb, &slot);
  test_spin_until (slot != NULL);
  g_assert_error (slot, HEARTH_ERROR, HEARTH_ERROR_INVALID);
  g_clear_error (&slot);

  /* A deleted member has no workflow. */
  hearth_store_delete_async (f->store, "member", f->grace_id, TRUE, NULL, async_done_cb, &slot);
  g_assert_null (wait_for (&slot));
  g_assert_false (change (f, f->grace_id, "candidate", NULL, &error));
  g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/candidate-records/nomination", test_nomination);
  ADD ("/candidate-records/nomination/validation", test_nomination_validation);
  ADD ("/candidate-records/observation", test_observation);
  ADD ("/candidate-records/observation/validation", test_observation_validation);
  ADD ("/candidate-records/workflow", test_workflow);

  return g_test_run ();
}
