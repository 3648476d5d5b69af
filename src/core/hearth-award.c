/* hearth-award.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A badge given to a member (DESIGN §4), by hand, by a confirmed rule or from a nomination.
 * Revoking is a soft delete, so Undo restores the award as it was.
 */

#define G_LOG_DOMAIN "hearth-award"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-award.h"
#include "hearth-badge.h"
#include "hearth-member.h"
#include "hearth-util.h"

struct _HearthAward
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthAward, hearth_award, HEARTH_TYPE_RECORD)

const char * const hearth_award_sources[] = { "manual", "rule", "nomination", NULL };

/* The same declarations as hearth-schema.c's award_columns. */
const HearthColumn hearth_award_columns[HEARTH_AWARD_N_COLUMNS] = {
  [HEARTH_AWARD_BADGE_ID] = { "badge_id", HEARTH_COLUMN_TEXT,
                              HEARTH_COLUMN_FLAGS_REQUIRED | HEARTH_COLUMN_FLAGS_PARENT,
                              .references = "badge" },
  [HEARTH_AWARD_MEMBER_ID] = { "member_id", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED,
                               .references = "member" },
  [HEARTH_AWARD_AWARDED_ON] = { "awarded_on", HEARTH_COLUMN_DATE, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_AWARD_REASON] = { "reason", HEARTH_COLUMN_TEXT },
  [HEARTH_AWARD_SOURCE] = { "source", HEARTH_COLUMN_ENUM, HEARTH_COLUMN_FLAGS_REQUIRED,
                            hearth_award_sources, 0, "manual" },
};

static void
hearth_award_class_init (HearthAwardClass *klass)
{
  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "award",
                                 hearth_award_columns, HEARTH_AWARD_N_COLUMNS,
                                 "awarded_on DESC, created_at DESC, rowid DESC");
}

static void
hearth_award_init (HearthAward *self)
{
}

HearthAward *
hearth_award_new (const char *badge_id,
                  const char *member_id,
                  const char *awarded_on)
{
  return g_object_new (HEARTH_TYPE_AWARD,
                       "badge-id", badge_id,
                       "member-id", member_id,
                       "awarded-on", awarded_on,
                       NULL);
}

const char *
hearth_award_get_badge_id (HearthAward *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_AWARD_BADGE_ID);
}

const char *
hearth_award_get_member_id (HearthAward *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_AWARD_MEMBER_ID);
}

const char *
hearth_award_get_awarded_on (HearthAward *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_AWARD_AWARDED_ON);
}

const char *
hearth_award_get_reason (HearthAward *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_AWARD_REASON);
}

const char *
hearth_award_get_source (HearthAward *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_AWARD_SOURCE);
}

/**
 * hearth_award_load_for_member:
 *
 * Returns: (transfer full) (element-type HearthAward): the member's live awards, newest first
 *   (awards of a deleted badge included: callers that show badges skip those)
 */
GPtrArray *
hearth_award_load_for_member (HearthDatabase  *db,
                              const char      *member_id,
                              GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_AWARD, db, "member_id", member_id, error);
}

/**
 * hearth_award_load_for_badge:
 *
 * Returns: (transfer full) (element-type HearthAward): the badge's live awards, newest first
 */
GPtrArray *
hearth_award_load_for_badge (HearthDatabase  *db,
                             const char      *badge_id,
                             GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_AWARD, db, "badge_id", badge_id, error);
}

static gboolean
holds_badge (HearthDatabase  *db,
             const char      *badge_id,
             const char      *member_id,
             gboolean        *holds,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db, "SELECT 1 FROM award WHERE badge_id = ?1 AND "
                                            "member_id = ?2 AND deleted_at IS NULL LIMIT 1",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, badge_id);
  hearth_bind_text (stmt, 2, member_id);
  if (!(rc = hearth_database_step (db, stmt, error)))
    return FALSE;
  *holds = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * hearth_award_grant:
 *
 * See hearth-award.h. Every check runs before the first insert, so a refusal writes nothing
 * even outside a transaction; an insert that fails midway relies on the caller's transaction.
 * Errors are HEARTH_ERROR_NOT_FOUND for a missing or deleted badge or member, else
 * HEARTH_ERROR_INVALID; the ones about a member are translated and name them, as the award
 * dialog shows them.
 */
gboolean
hearth_award_grant (HearthDatabase      *db,
                    const char          *badge_id,
                    const char * const  *member_ids,
                    const char          *awarded_on,
                    const char          *reason,
                    const char          *source,
                    GStrv               *out_ids,
                    GError             **error)
{
  g_autoptr(HearthBadge) badge = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (badge_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (member_ids == NULL || member_ids[0] == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "award.member_id: no member given");
      return FALSE;
    }
  if (!hearth_date_is_valid (awarded_on))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "award.awarded_on: expected a date (YYYY-MM-DD)");
      return FALSE;
    }
  if (source == NULL || !g_strv_contains (hearth_award_sources, source))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "award.source: expected one of manual, rule, nomination");
      return FALSE;
    }

  if (!(badge = hearth_record_load_by_id (HEARTH_TYPE_BADGE, db, badge_id, FALSE, error)))
    return FALSE;

  awards = g_ptr_array_new_with_free_func (g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; member_ids[i] != NULL; i++)
    {
      g_autoptr(HearthMember) member = NULL;
      HearthAward *award;
      gboolean holds = FALSE;

      if (!(member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, member_ids[i], FALSE,
                                               error)))
        return FALSE;

      if (g_strcmp0 (hearth_member_get_program_id (member),
                     hearth_badge_get_program_id (badge)) != 0)
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       /* Translators: a member's name; a badge can only go to members of its
                        * own program */
                       _("%s is a member of another program"),
                       hearth_member_get_display_name (member));
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)member_ids[i]))
        {
          g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                       /* Translators: a member's name */
                       _("%s is listed twice"), hearth_member_get_display_name (member));
          return FALSE;
        }

      if (!hearth_badge_get_multiple_grant (badge))
        {
          if (!holds_badge (db, badge_id, member_ids[i], &holds, error))
            return FALSE;
          if (holds)
            {
              g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                           /* Translators: a member's name, then a badge's name, e.g. "Ana
                            * already holds “First Welcome”, which is given only once" */
                           _("%s already holds “%s”, which is given only once"),
                           hearth_member_get_display_name (member),
                           hearth_badge_get_name (badge));
              return FALSE;
            }
        }

      award = hearth_award_new (badge_id, member_ids[i], awarded_on);
      hearth_record_set_text (HEARTH_RECORD (award), HEARTH_AWARD_REASON, reason);
      hearth_record_set_text (HEARTH_RECORD (award), HEARTH_AWARD_SOURCE, source);
      if (!hearth_record_validate (HEARTH_RECORD (award), error))
        {
          g_object_unref (award);
          return FALSE;
        }
      g_ptr_array_add (awards, award);
    }

  ids = g_strv_builder_new ();
  for (guint i = 0; i < awards->len; i++)
    {
      HearthRecord *award = g_ptr_array_index (awards, i);

      if (!hearth_record_insert (award, db, error))
        return FALSE;
      g_strv_builder_add (ids, hearth_record_get_id (award));
    }

  if (out_ids != NULL)
    *out_ids = g_strv_builder_end (ids);

  return TRUE;
}
