/* hearth-spotlight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spotlight post (DESIGN §1: "public shout-outs and spotlight posts"). The draft is a pure
 * function of a HearthSpotlightFacts, so the tests pin its exact text; it says only what the facts
 * hold: no tenure sentence without a join date, no role sentence without roles, no badge sentence
 * without badges, no activity sentence without activity. Plain text, in short paragraphs:
 *
 *   1. a warm opening with the member and the program, and their tenure (in years, or in months
 *      under a year, from joined_on to the reference day);
 *   2. their active roles, their badges (newest first) and their check-ins, when they have any;
 *   3. their notable activity in the window: the three strongest kinds at most, each kind one
 *      whole translatable phrase with its plural forms;
 *   4. a thank-you.
 *
 * Every sentence goes through gettext, so the draft is in the UI language.
 *
 * hearth_spotlight_facts_load() reads the facts with a fixed number of queries, whatever the
 * member's history: the member with the program (and its reference day), the window_weeks
 * setting, the active roles, the badges, the activity per kind in the window (a range of the
 * activity key (member_id, day, kind)) and the check-ins count. Nothing personal is read.
 */

#define G_LOG_DOMAIN "hearth-spotlight"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hearth-error.h"
#include "hearth-settings.h"
#include "hearth-spotlight.h"
#include "hearth-util.h"

#define MAX_ACTIVITY_KINDS 3

/* Drafting */

/* The activity kinds (DESIGN §4) in a fixed order; the phrases are in activity_phrase(). */
static const char * const activity_kinds[] = {
  "message", "thread_started", "reply", "welcome", "answer", "reaction_received",
  "event_attended", "event_promoted", "content_shared",
};

/* One kind's phrase for @count, e.g. "welcomed 9 newcomers"; NULL for an unknown kind. The
 * phrases go into the frame "In the last N weeks, NAME %s." as a list. */
static char *
activity_phrase (const char *kind,
                 gint64      count)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  gulong n = (gulong)CLAMP (count, 0, (gint64)G_MAXLONG);
  const char *format = NULL;

  if (g_strcmp0 (kind, "message") == 0)
    /* Translators: the activity phrases of a spotlight post. Each is a part of the sentence
     * "In the last 12 weeks, Ana wrote 120 messages, started 14 conversations and welcomed 9
     * newcomers."; %s is a number. */
    format = g_dngettext (GETTEXT_PACKAGE, "wrote %s message", "wrote %s messages", n);
  else if (g_strcmp0 (kind, "thread_started") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "started %s conversation", "started %s conversations", n);
  else if (g_strcmp0 (kind, "reply") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "replied %s time to others", "replied %s times to others", n);
  else if (g_strcmp0 (kind, "welcome") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "welcomed %s newcomer", "welcomed %s newcomers", n);
  else if (g_strcmp0 (kind, "answer") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "answered %s question", "answered %s questions", n);
  else if (g_strcmp0 (kind, "reaction_received") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "received %s reaction from peers",
                          "received %s reactions from peers", n);
  else if (g_strcmp0 (kind, "event_attended") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "attended %s event", "attended %s events", n);
  else if (g_strcmp0 (kind, "event_promoted") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "promoted %s event", "promoted %s events", n);
  else if (g_strcmp0 (kind, "content_shared") == 0)
    /* Translators: part of a spotlight post's activity sentence; %s is a number */
    format = g_dngettext (GETTEXT_PACKAGE, "shared %s highlight", "shared %s highlights", n);

  return format != NULL ? g_strdup_printf (format, number) : NULL;
}

/* "A", "A and B", "A, B and C": the items of @items, in order. */
static char *
join_list (GPtrArray *items)
{
  g_autofree char *joined = NULL;

  if (items->len == 0)
    return g_strdup ("");
  if (items->len == 1)
    return g_strdup (g_ptr_array_index (items, 0));

  joined = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i + 1 < items->len; i++)
    {
      char *longer;

      /* Translators: joins the items of a list but the last, e.g. "Welcome team, Event
       * promoter" */
      longer = g_strdup_printf (_("%s, %s"), joined, (const char *)g_ptr_array_index (items, i));
      g_free (joined);
      joined = longer;
    }

  /* Translators: joins the last item of a list, e.g. "Welcome team, Event promoter and
   * Culture keeper" */
  return g_strdup_printf (_("%s and %s"), joined,
                          (const char *)g_ptr_array_index (items, items->len - 1));
}

static GPtrArray *
strv_items (const char * const *strv)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (!hearth_str_empty (strv[i]))
      g_ptr_array_add (items, (gpointer)strv[i]);

  return items;
}

/* Whole months from @from to @to; -1 when either is missing or unreadable, or @from is after @to. */
static gint64
months_between (const char *from,
                const char *to)
{
  guint fy, fm, fd, ty, tm, td;
  gint64 months;

  if (from == NULL || to == NULL || !hearth_date_is_valid (from) || !hearth_date_is_valid (to) ||
      sscanf (from, "%4u-%2u-%2u", &fy, &fm, &fd) != 3 ||
      sscanf (to, "%4u-%2u-%2u", &ty, &tm, &td) != 3 || strcmp (from, to) > 0)
    return -1;

  months = ((gint64)ty - fy) * 12 + ((gint64)tm - fm) - (td < fd ? 1 : 0);
  return MAX (months, 0);
}

static int
compare_activity (gconstpointer a,
                  gconstpointer b)
{
  const HearthSpotlightActivity *x = *(const HearthSpotlightActivity * const *)a;
  const HearthSpotlightActivity *y = *(const HearthSpotlightActivity * const *)b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return 0;
}

/* The facts' activity, strongest first (equal counts keep their order), known kinds with a
 * count only, at most MAX_ACTIVITY_KINDS of them. (element-type HearthSpotlightActivity) */
static GPtrArray *
strongest_activity (const HearthSpotlightFacts *facts)
{
  GPtrArray *strongest = g_ptr_array_new ();

  for (guint i = 0; facts->activity != NULL && i < facts->n_activity; i++)
    {
      const HearthSpotlightActivity *a = &facts->activity[i];
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (activity_kinds) && !known; k++)
        known = g_strcmp0 (a->kind, activity_kinds[k]) == 0;
      if (known && a->count > 0)
        g_ptr_array_add (strongest, (gpointer)a);
    }
  /* g_ptr_array_sort() is a merge sort on GLib ≥ 2.32: stable. */
  g_ptr_array_sort (strongest, compare_activity);
  if (strongest->len > MAX_ACTIVITY_KINDS)
    g_ptr_array_set_size (strongest, MAX_ACTIVITY_KINDS);

  return strongest;
}

/* Appends @sentence to the paragraph @p, with a space between sentences. Takes @sentence. */
static void
add_sentence (GString *p,
              char    *sentence)
{
  if (p->len > 0)
    g_string_append_c (p, ' ');
  g_string_append (p, sentence);
  g_free (sentence);
}

char *
hearth_spotlight_draft (const HearthSpotlightFacts *facts)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) badges = NULL;
  g_autoptr(GPtrArray) strongest = NULL;
  GString *p;
  const char *name;
  const char *program;
  gint64 months;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (facts->member_name != NULL, NULL);

  name = facts->member_name;
  program = facts->program_name != NULL ? facts->program_name : "";

  /* The opening, and the tenure. */
  p = g_string_new (NULL);
  if (!hearth_str_empty (facts->program_name))
    /* Translators: the opening of a spotlight post: a member's name and the program's name */
    add_sentence (p, g_strdup_printf (_("Today we shine a spotlight on %s, one of the people who make %s what it is!"),
                                      name, program));
  else
    /* Translators: the opening of a spotlight post: a member's name */
    add_sentence (p, g_strdup_printf (_("Today we shine a spotlight on %s!"), name));

  months = months_between (facts->joined_on, facts->reference_day);
  if (months >= 12)
    /* Translators: a member's name and a number of whole years */
    add_sentence (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has been part of our community for %u year.",
                                                   "%s has been part of our community for %u years.",
                                                   (gulong)(months / 12)),
                                      name, (guint)(months / 12)));
  else if (months >= 1)
    /* Translators: a member's name and a number of whole months, below 12 */
    add_sentence (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has been part of our community for %u month.",
                                                   "%s has been part of our community for %u months.",
                                                   (gulong)months),
                                      name, (guint)months));
  else if (months == 0)
    /* Translators: a member's name */
    add_sentence (p, g_strdup_printf (_("%s joined our community less than a month ago."), name));
  g_ptr_array_add (paragraphs, g_string_free (p, FALSE));

  /* Roles, badges, check-ins. */
  p = g_string_new (NULL);
  roles = strv_items (facts->roles);
  if (roles->len > 0)
    {
      g_autofree char *list = join_list (roles);

      /* Translators: a member's name and a list of role names, e.g. "Ana holds the roles
       * Welcome team and Event promoter." */
      add_sentence (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s holds the role %s.",
                                                     "%s holds the roles %s.",
                                                     roles->len),
                                        name, list));
    }
  badges = strv_items (facts->badges);
  if (badges->len > 0)
    {
      g_autofree char *list = join_list (badges);

      /* Translators: a member's name and a list of badge names, newest first, e.g. "Ana has
       * earned the badges First welcome and Thread starter." */
      add_sentence (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s has earned the badge %s.",
                                                     "%s has earned the badges %s.",
                                                     badges->len),
                                        name, list));
    }
  if (facts->n_checkins > 0)
    /* Translators: a member's name and a number of weekly check-ins with their role */
    add_sentence (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has checked in with the team %u time.",
                                                   "%s has checked in with the team %u times.",
                                                   facts->n_checkins),
                                      name, facts->n_checkins));
  if (p->len > 0)
    g_ptr_array_add (paragraphs, g_string_free (p, FALSE));
  else
    g_string_free (p, TRUE);

  /* Notable activity. */
  strongest = strongest_activity (facts);
  if (strongest->len > 0)
    {
      g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;
      guint weeks = MAX (facts->window_weeks, 1);

      for (guint i = 0; i < strongest->len; i++)
        {
          const HearthSpotlightActivity *a = g_ptr_array_index (strongest, i);

          g_ptr_array_add (phrases, activity_phrase (a->kind, a->count));
        }
      list = join_list (phrases);
      /* Translators: a number of weeks, a member's name and a list of activity phrases, e.g.
       * "In the last 12 weeks, Ana wrote 120 messages, started 14 conversations and welcomed
       * 9 newcomers." */
      g_ptr_array_add (paragraphs,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "In the last %u week, %s %s.",
                                                     "In the last %u weeks, %s %s.",
                                                     weeks),
                                        weeks, name, list));
    }

  /* The thank-you. */
  if (!hearth_str_empty (facts->program_name))
    /* Translators: the closing of a spotlight post: a member's name and the program's name */
    g_ptr_array_add (paragraphs,
                     g_strdup_printf (_("Thank you, %s, for everything you bring to %s!"),
                                      name, program));
  else
    /* Translators: the closing of a spotlight post: a member's name */
    g_ptr_array_add (paragraphs,
                     g_strdup_printf (_("Thank you, %s, for everything you bring to our community!"),
                                      name));

  g_ptr_array_add (paragraphs, NULL);
  return g_strjoinv ("\n\n", (char **)paragraphs->pdata);
}

/* Loading */

typedef struct
{
  HearthSpotlightFacts   facts;     /* first: the public struct is this one */
  GStringChunk          *strings;
  GPtrArray             *roles;     /* (element-type utf8): borrowed from strings, NULL-ended */
  GPtrArray             *badges;
  GArray                *activity;  /* (element-type HearthSpotlightActivity) */
} LoadedFacts;

void
hearth_spotlight_facts_free (HearthSpotlightFacts *facts)
{
  LoadedFacts *loaded = (LoadedFacts *)facts;

  if (facts == NULL)
    return;

  g_clear_pointer (&loaded->roles, g_ptr_array_unref);
  g_clear_pointer (&loaded->badges, g_ptr_array_unref);
  g_clear_pointer (&loaded->activity, g_array_unref);
  g_clear_pointer (&loaded->strings, g_string_chunk_free);
  g_free (loaded);
}

static const char *
chunk_text (LoadedFacts  *loaded,
            sqlite3_stmt *stmt,
            int           column)
{
  const char *text = hearth_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_const (loaded->strings, text) : NULL;
}

/* The static name of an activity kind, so the facts don't depend on the statement. */
static const char *
static_kind (const char *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (activity_kinds); k++)
    if (g_strcmp0 (kind, activity_kinds[k]) == 0)
      return activity_kinds[k];
  return NULL;
}

#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

/* Runs @sql with ?1 = @member_id and ?2 = @reference, adding column 0 of each row to @names. */
static gboolean
load_names (HearthDatabase  *db,
            LoadedFacts     *loaded,
            const char      *sql,
            const char      *member_id,
            const char      *reference,
            GPtrArray       *names,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db, sql, error)))
    return FALSE;
  hearth_bind_text (stmt, 1, member_id);
  hearth_bind_text (stmt, 2, reference);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      const char *name = chunk_text (loaded, stmt, 0);

      if (name != NULL)
        g_ptr_array_add (names, (gpointer)name);
    }

  return rc == SQLITE_DONE;
}

HearthSpotlightFacts *
hearth_spotlight_facts_load (HearthDatabase  *db,
                             const char      *member_id,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) reference = NULL;
  g_autofree char *program_id = NULL;
  g_autofree char *reference_text = NULL;
  g_autofree char *start_text = NULL;
  LoadedFacts *loaded;
  g_autoptr(HearthSpotlightFacts) facts = NULL;
  GDate start;
  gint64 weeks;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loaded = g_new0 (LoadedFacts, 1);
  facts = &loaded->facts;
  loaded->strings = g_string_chunk_new (256);
  loaded->roles = g_ptr_array_new ();
  loaded->badges = g_ptr_array_new ();
  loaded->activity = g_array_new (FALSE, TRUE, sizeof (HearthSpotlightActivity));

  /* 1. The member, their program and its reference day. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT m.display_name, m.joined_on, p.id, p.name, p.as_of "
                                        "FROM member m JOIN program p ON p.id = m.program_id "
                                        "WHERE m.id = ?1 AND m.deleted_at IS NULL "
                                        "AND p.deleted_at IS NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, member_id);
  if (!(rc = hearth_database_step (db, stmt, error)))
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "member %s: no such member",
                   member_id);
      return NULL;
    }
  facts->member_name = chunk_text (loaded, stmt, 0);
  facts->joined_on = hearth_date_is_valid (hearth_column_text (stmt, 1))
                       ? chunk_text (loaded, stmt, 1) : NULL;
  program_id = g_strdup (hearth_column_text (stmt, 2));
  facts->program_name = chunk_text (loaded, stmt, 3);
  reference = hearth_reference_day (hearth_column_text (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  reference_text = hearth_date_to_string (reference);
  facts->reference_day = g_string_chunk_insert_const (loaded->strings, reference_text);

  /* 2. The window: window_weeks seven-day blocks ending on the reference day. */
  weeks = CLAMP (hearth_settings_get_int (db, program_id, HEARTH_SETTING_WINDOW_WEEKS), 1, 104);
  facts->window_weeks = (guint)weeks;
  start = *reference;
  g_date_subtract_days (&start, 7 * (guint)weeks - 1);
  start_text = hearth_date_to_string (&start);

  /* 3. Active roles: running assignments (started, no actual end) of live roles. */
  if (!load_names (db, loaded,
                   "SELECT r.name FROM assignment a JOIN role r ON r.id = a.role_id "
                   "WHERE a.member_id = ?1 AND a.deleted_at IS NULL AND a.ended_on IS NULL "
                   "AND a.starts_on <= ?2 AND r.deleted_at IS NULL "
                   "GROUP BY r.id ORDER BY min(a.starts_on), r.name, r.id",
                   member_id, reference_text, loaded->roles, error))
    return NULL;
  g_ptr_array_add (loaded->roles, NULL);
  facts->roles = (const char * const *)loaded->roles->pdata;

  /* 4. Badges of live awards on live badges, given up to the reference day, newest first;
   *    a badge given more than once is named once. */
  if (!load_names (db, loaded,
                   "SELECT b.name FROM award a JOIN badge b ON b.id = a.badge_id "
                   "WHERE a.member_id = ?1 AND a.deleted_at IS NULL AND b.deleted_at IS NULL "
                   "AND a.awarded_on <= ?2 "
                   "GROUP BY b.id ORDER BY max(a.awarded_on) DESC, b.name, b.id",
                   member_id, reference_text, loaded->badges, error))
    return NULL;
  g_ptr_array_add (loaded->badges, NULL);
  facts->badges = (const char * const *)loaded->badges->pdata;

  /* 5. Activity per kind in the window, strongest first. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT kind, sum(count) FROM activity "
                                        "WHERE member_id = ?1 AND day >= ?2 AND day <= ?3 "
                                        "GROUP BY kind ORDER BY 2 DESC, kind",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, member_id);
  hearth_bind_text (stmt, 2, start_text);
  hearth_bind_text (stmt, 3, reference_text);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthSpotlightActivity a = {
        .kind = static_kind (hearth_column_text (stmt, 0)),
        .count = sqlite3_column_int64 (stmt, 1),
      };

      if (a.kind != NULL)
        g_array_append_val (loaded->activity, a);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);
  facts->activity = (const HearthSpotlightActivity *)(gpointer)loaded->activity->data;
  facts->n_activity = loaded->activity->len;

  /* 6. Check-ins in total, of their live assignments of live roles. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT count(*) FROM checkin c "
                                        "JOIN assignment a ON a.id = c.assignment_id "
                                        "JOIN role r ON r.id = a.role_id "
                                        "WHERE a.member_id = ?1 AND c.deleted_at IS NULL "
                                        "AND a.deleted_at IS NULL AND r.deleted_at IS NULL",
                                        error)))
    return NULL;
  hearth_bind_text (stmt, 1, member_id);
  if (!(rc = hearth_database_step (db, stmt, error)) || rc != SQLITE_ROW)
    return NULL;
  facts->n_checkins = (guint)CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);

  return g_steal_pointer (&facts);
}
