/* hearth-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table a snapshot carries, described once: its columns with their types, enums and
 * references, where its rows sit in a program, and its key in the snapshot. The exporter, the
 * importer's validation and the record classes all read these descriptions, and a core test
 * checks them against the live schema (PRAGMA table_info), so they cannot drift apart.
 */

#define G_LOG_DOMAIN "hearth-schema"

#include "config.h"

#include "hearth-assignment.h"
#include "hearth-checkin.h"
#include "hearth-member.h"
#include "hearth-nomination.h"
#include "hearth-observation.h"
#include "hearth-program.h"
#include "hearth-role.h"
#include "hearth-role-goal.h"
#include "hearth-schema.h"
#include "hearth-status-change.h"

const char * const hearth_activity_kinds[] = {
  "message", "thread_started", "reply", "welcome", "answer", "reaction_received",
  "event_attended", "event_promoted", "content_shared", NULL
};

const char * const hearth_traits[] = {
  "consistency", "empathy", "alignment", "initiative", "credibility", NULL
};

static const char * const tiers[] = { "bronze", "silver", "gold", NULL };
static const char * const rule_kinds[] = {
  "activity", "ambassador_weeks", "checkins", "tenure_years", NULL
};
static const char * const award_sources[] = { "manual", "rule", "nomination", NULL };
static const char * const recognition_kinds[] = {
  "shout_out", "spotlight", "exclusive_access", "perk", "stipend", "merch", "handwritten_note",
  "gift", "other", NULL
};
static const char * const round_statuses[] = { "draft", "open", "closed", NULL };
static const char * const audiences[] = { "all", "role", "members", NULL };
static const char * const channels[] = { "meeting", "message", "survey", "other", NULL };
static const char * const feedback_statuses[] = {
  "new", "acknowledged", "planned", "done", "declined", NULL
};

#define REQUIRED HEARTH_COLUMN_FLAGS_REQUIRED
#define PERSONAL HEARTH_COLUMN_FLAGS_PERSONAL

#define TEXT(n)             { n, HEARTH_COLUMN_TEXT }
#define TEXT_REQUIRED(n)    { n, HEARTH_COLUMN_TEXT, REQUIRED }
#define TEXT_PERSONAL(n)    { n, HEARTH_COLUMN_TEXT, PERSONAL }
#define DATE(n)             { n, HEARTH_COLUMN_DATE }
#define DATE_REQUIRED(n)    { n, HEARTH_COLUMN_DATE, REQUIRED }
#define INT(n)              { n, HEARTH_COLUMN_INT, 0, NULL, -1 }
#define INT_REQUIRED(n, d)  { n, HEARTH_COLUMN_INT, REQUIRED, NULL, d }
#define ENUM(n, c, d)       { n, HEARTH_COLUMN_ENUM, REQUIRED, c, 0, d }
#define ENUM_OPTIONAL(n, c) { n, HEARTH_COLUMN_ENUM, 0, c }
#define REF(n, t)           { n, HEARTH_COLUMN_TEXT, REQUIRED, .references = t }
#define REF_OPTIONAL(n, t)  { n, HEARTH_COLUMN_TEXT, 0, .references = t }
#define PARENT(n, t)        { n, HEARTH_COLUMN_TEXT, REQUIRED | HEARTH_COLUMN_FLAGS_PARENT, \
                              .references = t }

static const HearthColumn checkin_goal_columns[] = {
  PARENT ("checkin_id", "checkin"),
  REF ("goal_id", "role_goal"),
  INT_REQUIRED ("achieved", 0),
};

static const HearthColumn badge_columns[] = {
  PARENT ("program_id", "program"),
  TEXT_REQUIRED ("name"),
  TEXT ("description"),
  TEXT ("criteria"),
  ENUM ("tier", tiers, "bronze"),
  TEXT ("icon"),
  TEXT ("color"),
  ENUM_OPTIONAL ("rule_kind", rule_kinds),
  TEXT ("rule_metric"),
  INT ("rule_threshold"),
  INT ("rule_window_days"),
  { "multiple_grant", HEARTH_COLUMN_BOOL, REQUIRED },
};

static const HearthColumn award_columns[] = {
  PARENT ("badge_id", "badge"),
  REF ("member_id", "member"),
  DATE_REQUIRED ("awarded_on"),
  TEXT ("reason"),
  ENUM ("source", award_sources, "manual"),
};

static const HearthColumn recognition_columns[] = {
  PARENT ("member_id", "member"),
  ENUM ("kind", recognition_kinds, "other"),
  TEXT ("title"),
  TEXT ("note"),
  DATE ("planned_on"),
  DATE ("done_on"),
};

static const HearthColumn feedback_round_columns[] = {
  PARENT ("program_id", "program"),
  TEXT_REQUIRED ("title"),
  TEXT ("topic"),
  { "questions", HEARTH_COLUMN_LIST },
  DATE ("opens_on"),
  DATE ("closes_on"),
  ENUM ("status", round_statuses, "draft"),
  ENUM ("audience", audiences, "all"),
  REF_OPTIONAL ("audience_role_id", "role"),
  TEXT ("outcome"),
};

static const HearthColumn feedback_round_member_columns[] = {
  PARENT ("round_id", "feedback_round"),
  REF ("member_id", "member"),
};

static const HearthColumn meeting_columns[] = {
  PARENT ("program_id", "program"),
  DATE_REQUIRED ("held_on"),
  TEXT ("title"),
  TEXT ("notes"),
};

static const HearthColumn meeting_attendee_columns[] = {
  PARENT ("meeting_id", "meeting"),
  REF ("member_id", "member"),
};

static const HearthColumn meeting_action_columns[] = {
  PARENT ("meeting_id", "meeting"),
  TEXT_REQUIRED ("text"),
  DATE ("done_on"),
};

static const HearthColumn feedback_columns[] = {
  REF_OPTIONAL ("round_id", "feedback_round"),
  REF_OPTIONAL ("meeting_id", "meeting"),
  REF_OPTIONAL ("member_id", "member"),
  DATE_REQUIRED ("received_on"),
  ENUM ("channel", channels, "other"),
  INT ("rating"),
  TEXT ("text"),
  { "tags", HEARTH_COLUMN_LIST },
  ENUM ("status", feedback_statuses, "new"),
  TEXT ("response"),
};

static const HearthColumn health_snooze_columns[] = {
  PARENT ("program_id", "program"),
  TEXT_REQUIRED ("check_key"),
  TEXT ("subject_id"),
  DATE_REQUIRED ("until"),
};

/* Scopes test each row against its parent (a primary-key lookup) rather than list the parents
 * first: `x IN (SELECT id FROM member …)` probes the child table once per member, which costs
 * most of an export at 100,000 members even when the child table is empty. Column names stay
 * unqualified: they are the outer table's, as none of the parent tables has such a column. */
#define IN_PROGRAM        "program_id = ?1"
#define OF_MEMBERS(col)   "EXISTS (SELECT 1 FROM member p WHERE p.id = " col " AND p.program_id = ?1)"
#define OF_ASSIGNMENTS    "EXISTS (SELECT 1 FROM assignment a JOIN member m ON m.id = a.member_id " \
                          "WHERE a.id = assignment_id AND m.program_id = ?1)"
#define OF_CHECKINS       "EXISTS (SELECT 1 FROM checkin c JOIN assignment a ON a.id = c.assignment_id " \
                          "JOIN member m ON m.id = a.member_id " \
                          "WHERE c.id = checkin_id AND m.program_id = ?1)"
#define OF(col, table)    "EXISTS (SELECT 1 FROM " table " p WHERE p.id = " col " AND p.program_id = ?1)"

#define TABLE(t, k, cols, common, scope, order) \
  { t, k, cols, G_N_ELEMENTS (cols), common, scope, order }

/* In snapshot order (DESIGN §6); parents before children, as an import must insert them. */
static const HearthTableSpec tables[] = {
  { "program", NULL, hearth_program_columns, HEARTH_PROGRAM_N_COLUMNS, TRUE, "id = ?1", "id" },
  { "member", "members", hearth_member_columns, HEARTH_MEMBER_N_COLUMNS, TRUE, IN_PROGRAM, "id" },
  TABLE ("member_status_change", "member_status_changes", hearth_status_change_columns, TRUE,
         OF_MEMBERS ("member_id"), "id"),
  TABLE ("nomination", "nominations", hearth_nomination_columns, TRUE, OF_MEMBERS ("nominee_id"),
         "id"),
  TABLE ("observation", "observations", hearth_observation_columns, TRUE,
         OF_MEMBERS ("member_id"), "id"),
  TABLE ("role", "roles", hearth_role_columns, TRUE, IN_PROGRAM, "id"),
  TABLE ("role_goal", "role_goals", hearth_role_goal_columns, TRUE, OF ("role_id", "role"),
         "id"),
  TABLE ("assignment", "assignments", hearth_assignment_columns, TRUE,
         OF_MEMBERS ("member_id"), "id"),
  TABLE ("checkin", "checkins", hearth_checkin_columns, TRUE, OF_ASSIGNMENTS, "id"),
  TABLE ("checkin_goal", "checkin_goals", checkin_goal_columns, FALSE, OF_CHECKINS,
         "checkin_id, goal_id"),
  TABLE ("badge", "badges", badge_columns, TRUE, IN_PROGRAM, "id"),
  TABLE ("award", "awards", award_columns, TRUE, OF ("badge_id", "badge"), "id"),
  TABLE ("recognition", "recognitions", recognition_columns, TRUE, OF_MEMBERS ("member_id"), "id"),
  TABLE ("feedback_round", "feedback_rounds", feedback_round_columns, TRUE, IN_PROGRAM, "id"),
  TABLE ("feedback_round_member", "feedback_round_members", feedback_round_member_columns, FALSE,
         OF ("round_id", "feedback_round"), "round_id, member_id"),
  TABLE ("meeting", "meetings", meeting_columns, TRUE, IN_PROGRAM, "id"),
  TABLE ("meeting_attendee", "meeting_attendees", meeting_attendee_columns, FALSE,
         OF ("meeting_id", "meeting"), "meeting_id, member_id"),
  TABLE ("meeting_action", "meeting_actions", meeting_action_columns, TRUE,
         OF ("meeting_id", "meeting"), "id"),
  /* Feedback belongs to a program through its round, its meeting or its member. */
  TABLE ("feedback", "feedback", feedback_columns, TRUE,
         "(" OF ("round_id", "feedback_round") " OR " OF ("meeting_id", "meeting") " OR "
         OF_MEMBERS ("member_id") ")", "id"),
  TABLE ("health_snooze", "health_snoozes", health_snooze_columns, TRUE, IN_PROGRAM, "id"),
};

const HearthTableSpec *
hearth_schema_get_tables (guint *n_tables)
{
  if (n_tables != NULL)
    *n_tables = G_N_ELEMENTS (tables);

  return tables;
}

const HearthTableSpec *
hearth_schema_lookup (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return &tables[i];

  return NULL;
}

const HearthTableSpec *
hearth_schema_lookup_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (tables[i].key != NULL && g_strcmp0 (tables[i].key, key) == 0)
      return &tables[i];

  return NULL;
}
