/* hearth-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Health checks (DESIGN §3, §9): the workload and rotation guards of the roles. Every guard is a
 * pure function of a HearthHealthInput, so the tests drive them with tables of plain structs;
 * hearth_health_load() is the only code here that touches the database. Nothing reads the clock:
 * the reference day comes in with the input. Output follows the input's order, which the loader
 * fixes (roles by name, assignments by member name, check-ins by week), so the same data always
 * gives the same checks in the same order.
 *
 * Definitions:
 *
 *   active      an assignment that has started (starts_on <= reference day) and has no actual end
 *               (ended_on not set). A planned end (ends_on) in the past does not end it: that is
 *               what rotation_due reports.
 *   overload    a member with more than HEARTH_HEALTH_MAX_ACTIVE_ROLES active assignments, or
 *               whose active assignments add up to more than hours_limit hours a week; exactly at
 *               either limit is fine. One warning per member.
 *   burnout     only check-ins of active assignments count. Two rules, one warning each:
 *               - energy: a member's energy in a week is the lowest they reported that week across
 *                 their roles; the two most recent weeks with an energy reported (by iso_week,
 *                 not necessarily adjacent calendar weeks) are both <= HEARTH_HEALTH_LOW_ENERGY.
 *                 A single check-in is not enough.
 *               - falling completion: per assignment, the check-ins that record goals, by
 *                 iso_week; "falling for 3 weeks" means three decreases in a row, so the four most
 *                 recent such check-ins are strictly decreasing (0.9, 0.8, 0.7, 0.6 warns;
 *                 0.9, 0.8, 0.7 — two decreases — does not; an equal value breaks the run).
 *               Completion of a check-in (computed by the loader) is
 *               Σ min(achieved, target) / Σ target over the role's goals with a target above 0; a
 *               goal the check-in has no row for counts as 0 achieved, and a check-in with no goal
 *               rows at all (or a role without such goals) has none (-1).
 *   rotation_due an active assignment whose planned end is before the reference day: a notice,
 *               a warning when more than HEARTH_HEALTH_OVERDUE_DAYS days past. Ending on the
 *               reference day is not yet due.
 *   vague_role  a role with no purpose (unset or blank), no goals or no toolkit: a notice naming
 *               what is missing.
 *   stale_role  a role whose review_by is before the reference day (on it is not yet stale).
 *   unfilled_role a role with a capacity and fewer active assignments than that.
 *
 * The recognition guards (page "recognition"):
 *
 *   recognized  a member is recognized on a day by a recognition log entry done that day (done_on
 *               set and not after the reference day; a planned gesture does not count yet) or by
 *               an award given that day. Awards count because they are visible recognition too;
 *               every award row is one the organizer gave or confirmed (rules never award
 *               silently), so all of them count, whatever their source.
 *   recognition_due an ambassador whose last recognition is more than recognition_interval_days
 *               before the reference day (exactly the interval ago is not yet due), or who was
 *               never recognized; bot accounts are never due. One check per ambassador, most contribution first (activity
 *               since the last recognition, or ever when never recognized; ties: longest
 *               without recognition, then name, then id). A notice; a warning when the last
 *               recognition is more than twice the interval ago. Never recognized is a notice:
 *               how long they have waited is not known (a new ambassador is not an alarm).
 *   recognition_fairness the recognitions of the last HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS days
 *               (the reference day and the 179 before it), counted per member. The top 20 % are
 *               the ceil(0.2 × n) members with the most, ties broken by id. Their share above
 *               50 % warns; exactly 50 % is fine. The sentence gives the share rounded to the
 *               nearest percent, but a share just above 50 % (below 50.5) reads 51 %, so the
 *               figure and the warning always agree. With fewer than
 *               HEARTH_HEALTH_FAIRNESS_MIN_MEMBERS members recognized the figure would mislead
 *               (with four, one person is already the top 20 %): the check is OK and says so.
 *
 * The feedback guards (page "feedback"):
 *
 *   feedback_stale an item still new or only acknowledged whose received_on is more than
 *               feedback_stale_days before the reference day (exactly that many days ago is not
 *               stale yet; planned, done and declined items never are). One check per item, the
 *               subject the item's id, oldest first (then member name, then id): a notice, a
 *               warning when received more than twice the threshold ago. The sentence names the
 *               member (or none, for an item without one), the day received and the wait.
 *   round_without_outcome a closed round whose outcome is unset or blank: the loop is not closed
 *               until the ambassadors hear what was decided. One warning per round, naming its
 *               title, in the input's order (the loader sorts by title). Draft and open rounds
 *               are not judged.
 *
 * A guard that finds nothing appends one OK check, so a run always says what it looked at.
 */

#define G_LOG_DOMAIN "hearth-health"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearth-error.h"
#include "hearth-health.h"
#include "hearth-settings.h"
#include "hearth-util.h"

#define PAGE_ROLES      "roles"
#define PAGE_CANDIDATES "candidates"
#define PAGE_RECOGNITION "recognition"
#define PAGE_FEEDBACK    "feedback"

const char *
hearth_severity_to_string (HearthSeverity severity)
{
  switch (severity)
    {
    case HEARTH_SEVERITY_OK:
      return "ok";
    case HEARTH_SEVERITY_NOTICE:
      return "notice";
    case HEARTH_SEVERITY_WARNING:
      return "warning";
    default:
      g_return_val_if_reached (NULL);
    }
}

HearthHealthCheck *
hearth_health_check_new (const char     *key,
                         HearthSeverity  severity,
                         const char     *page)
{
  HearthHealthCheck *check = g_new0 (HearthHealthCheck, 1);

  check->key = key;
  check->severity = severity;
  check->page = page;

  return check;
}

void
hearth_health_check_free (HearthHealthCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->sentence);
  g_strfreev (check->subjects);
  g_free (check->action);
  g_free (check);
}

gboolean
hearth_health_assignment_is_active (const HearthHealthAssignment *assignment,
                                    guint32                       day)
{
  g_return_val_if_fail (assignment != NULL, FALSE);

  return assignment->ended_on == 0 && assignment->starts_on <= day;
}

/* Appends a check; takes @sentence and @action. @subject may be NULL (an OK check). */
static void
add_check (GPtrArray      *out,
           const char     *key,
           HearthSeverity  severity,
           const char     *page,
           const char     *subject,
           char           *sentence,
           char           *action)
{
  HearthHealthCheck *check = hearth_health_check_new (key, severity, page);
  GStrvBuilder *builder = g_strv_builder_new ();

  if (subject != NULL)
    g_strv_builder_add (builder, subject);
  check->subjects = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  check->sentence = sentence;
  check->action = action;

  g_ptr_array_add (out, check);
}

static void
add_ok (GPtrArray  *out,
        const char *key,
        const char *page,
        const char *sentence)
{
  add_check (out, key, HEARTH_SEVERITY_OK, page, NULL, g_strdup (sentence), NULL);
}

/* NULL, empty or only white space. */
static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Hours for a sentence: whole numbers without decimals, others with one. */
static char *
format_hours (double hours)
{
  if (fabs (hours - round (hours)) < 0.05)
    return g_strdup_printf ("%.0f", round (hours));
  return g_strdup_printf ("%.1f", hours);
}

/* The number ngettext() picks a plural form with for @hours: 1 only for exactly one. */
static gulong
hours_plural (double hours)
{
  return fabs (hours - 1.0) < 0.05 ? 1 : (gulong)MAX (ceil (hours), 2);
}

/* The members of the active assignments, in order of first appearance, each with the indices
 * of their active assignments in input order. One pass: the guards below must stay linear, a
 * program can have thousands of ambassadors and tens of thousands of check-ins. */
typedef struct
{
  const char  *member_id;
  const char  *member_name;
  GArray      *assignments;   /* (element-type guint) */
} ActiveMember;

static void
active_member_clear (gpointer data)
{
  ActiveMember *m = data;

  g_clear_pointer (&m->assignments, g_array_unref);
}

static GArray *
active_members (const HearthHealthInput *in)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *members = g_array_new (FALSE, TRUE, sizeof (ActiveMember));

  g_array_set_clear_func (members, active_member_clear);
  for (guint i = 0; i < in->n_assignments; i++)
    {
      const HearthHealthAssignment *a = &in->assignments[i];
      gpointer found;
      ActiveMember *m;

      if (!hearth_health_assignment_is_active (a, in->reference_day) || a->member_id == NULL)
        continue;
      if (g_hash_table_lookup_extended (index, a->member_id, NULL, &found))
        m = &g_array_index (members, ActiveMember, GPOINTER_TO_UINT (found));
      else
        {
          ActiveMember added = { a->member_id, a->member_name,
                                 g_array_new (FALSE, FALSE, sizeof (guint)) };

          g_hash_table_insert (index, (gpointer)a->member_id, GUINT_TO_POINTER (members->len));
          g_array_append_val (members, added);
          m = &g_array_index (members, ActiveMember, members->len - 1);
        }
      g_array_append_val (m->assignments, i);
    }

  return members;
}

void
hearth_health_check_overload (const HearthHealthInput *in,
                              GPtrArray               *out)
{
  g_autoptr(GArray) members = NULL;
  guint found = 0;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  members = active_members (in);
  for (guint f = 0; f < members->len; f++)
    {
      const ActiveMember *first = &g_array_index (members, ActiveMember, f);
      g_autofree char *hours_text = NULL;
      gboolean too_many, too_long;
      double hours = 0;
      guint n = first->assignments->len;
      char *sentence;

      for (guint k = 0; k < n; k++)
        hours += MAX (in->assignments[g_array_index (first->assignments, guint, k)].hours, 0);

      too_many = n > HEARTH_HEALTH_MAX_ACTIVE_ROLES;
      too_long = hours > (double)in->hours_limit;
      if (!too_many && !too_long)
        continue;

      hours_text = format_hours (hours);
      if (too_many && too_long)
        /* Translators: a member's name, their number of active roles, their hours a week, then
         * the limits of both, e.g. "Ana: 3 active roles, 11 hours a week (limits 2 and 8)" */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u active role, %s hours a week (limits %u and %u)",
                                                 "%s: %u active roles, %s hours a week (limits %u and %u)",
                                                 n),
                                    first->member_name, n, hours_text,
                                    HEARTH_HEALTH_MAX_ACTIVE_ROLES, in->hours_limit);
      else if (too_many)
        /* Translators: e.g. "Ana has 3 active roles (limit 2)" */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s has %u active role (limit %u)",
                                                 "%s has %u active roles (limit %u)", n),
                                    first->member_name, n, HEARTH_HEALTH_MAX_ACTIVE_ROLES);
      else
        /* Translators: e.g. "Ana: 11 hours a week across roles (limit 8)" */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %s hour a week across roles (limit %u)",
                                                 "%s: %s hours a week across roles (limit %u)",
                                                 hours_plural (hours)),
                                    first->member_name, hours_text, in->hours_limit);

      add_check (out, "overload", HEARTH_SEVERITY_WARNING, PAGE_ROLES, first->member_id, sentence,
                 g_strdup_printf (_("Ask %s whether to hand one role on"), first->member_name));
      found++;
    }

  if (found == 0)
    add_ok (out, "overload", PAGE_ROLES, _("No one holds too many roles or hours"));
}

static int
compare_checkins_by_week (gconstpointer a,
                          gconstpointer b)
{
  const HearthHealthCheckin *x = *(const HearthHealthCheckin * const *)a;
  const HearthHealthCheckin *y = *(const HearthHealthCheckin * const *)b;
  int cmp = g_strcmp0 (x->iso_week, y->iso_week);

  return cmp != 0 ? cmp : g_strcmp0 (x->assignment_id, y->assignment_id);
}

/* The check-ins of active assignments that report an energy (@with_energy) or a goal
 * completion (otherwise), grouped by member (@by_member) or by assignment, each group oldest
 * week first. Values are GPtrArrays of HearthHealthCheckin pointers. */
static GHashTable *
group_checkins (const HearthHealthInput *in,
                GHashTable              *active_ids,
                gboolean                 by_member,
                gboolean                 with_energy)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify)g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < in->n_checkins; i++)
    {
      const HearthHealthCheckin *c = &in->checkins[i];
      const char *key = by_member ? c->member_id : c->assignment_id;
      GPtrArray *list;

      if (c->iso_week == NULL || c->assignment_id == NULL || key == NULL ||
          !g_hash_table_contains (active_ids, c->assignment_id))
        continue;
      if (with_energy ? c->energy <= 0 : c->completion < 0)
        continue;
      if (!(list = g_hash_table_lookup (groups, key)))
        g_hash_table_insert (groups, (gpointer)key, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, (gpointer)c);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_checkins_by_week);

  return groups;
}

void
hearth_health_check_burnout (const HearthHealthInput *in,
                             GPtrArray               *out)
{
  g_autoptr(GHashTable) active_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) energy_by_member = NULL;
  g_autoptr(GHashTable) done_by_assignment = NULL;
  g_autoptr(GArray) members = NULL;
  guint found = 0;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < in->n_assignments; i++)
    if (hearth_health_assignment_is_active (&in->assignments[i], in->reference_day) &&
        in->assignments[i].id != NULL)
      g_hash_table_add (active_ids, (gpointer)in->assignments[i].id);

  energy_by_member = group_checkins (in, active_ids, TRUE, TRUE);
  done_by_assignment = group_checkins (in, active_ids, FALSE, FALSE);

  members = active_members (in);
  for (guint f = 0; f < members->len; f++)
    {
      const ActiveMember *first = &g_array_index (members, ActiveMember, f);
      GPtrArray *energy = g_hash_table_lookup (energy_by_member, first->member_id);
      const char *weeks[2] = { NULL, NULL };
      int lowest[2] = { 0, 0 };
      guint n_weeks = 0;

      /* Newest first: the lowest energy of each of the two latest weeks. */
      for (guint i = energy != NULL ? energy->len : 0; i-- > 0;)
        {
          const HearthHealthCheckin *c = g_ptr_array_index (energy, i);

          if (n_weeks > 0 && strcmp (c->iso_week, weeks[n_weeks - 1]) == 0)
            lowest[n_weeks - 1] = MIN (lowest[n_weeks - 1], c->energy);
          else if (n_weeks < 2)
            {
              weeks[n_weeks] = c->iso_week;
              lowest[n_weeks] = c->energy;
              n_weeks++;
            }
          else
            break;
        }

      if (n_weeks == 2 &&
          lowest[0] <= HEARTH_HEALTH_LOW_ENERGY && lowest[1] <= HEARTH_HEALTH_LOW_ENERGY)
        {
          /* Energy is personal (DESIGN §8): the sentence says it was low, never its value,
           * because command output and logs carry these sentences.
           * Translators: a member's name. */
          add_check (out, "burnout", HEARTH_SEVERITY_WARNING, PAGE_ROLES, first->member_id,
                     g_strdup_printf (_("%s: low energy in the last two check-ins"),
                                      first->member_name),
                     g_strdup_printf (_("Check in with %s personally; consider a pause"),
                                      first->member_name));
          found++;
        }

      /* Falling completion, per active assignment of this member. */
      for (guint k = 0; k < first->assignments->len; k++)
        {
          const HearthHealthAssignment *a =
            &in->assignments[g_array_index (first->assignments, guint, k)];
          GPtrArray *done;
          const HearthHealthCheckin *oldest, *newest;
          gboolean falling = TRUE;

          if (a->id == NULL)
            continue;

          done = g_hash_table_lookup (done_by_assignment, a->id);
          if (done == NULL || done->len < HEARTH_HEALTH_FALLING_WEEKS + 1)
            continue;

          for (guint k = done->len - HEARTH_HEALTH_FALLING_WEEKS; k < done->len; k++)
            {
              const HearthHealthCheckin *before = g_ptr_array_index (done, k - 1);
              const HearthHealthCheckin *after = g_ptr_array_index (done, k);

              if (!(after->completion < before->completion))
                falling = FALSE;
            }
          if (!falling)
            continue;

          oldest = g_ptr_array_index (done, done->len - HEARTH_HEALTH_FALLING_WEEKS - 1);
          newest = g_ptr_array_index (done, done->len - 1);
          /* Translators: a member's name, a role's name, a number of weeks, then the goal
           * completion before and now, e.g. "Ana: goals in Welcome team fell 3 weeks in a row
           * (90% to 60%)" */
          add_check (out, "burnout", HEARTH_SEVERITY_WARNING, PAGE_ROLES, first->member_id,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: goals in %s fell %u week in a row (%d%% to %d%%)",
                                                   "%s: goals in %s fell %u weeks in a row (%d%% to %d%%)",
                                                   HEARTH_HEALTH_FALLING_WEEKS),
                                      first->member_name, a->role_name,
                                      HEARTH_HEALTH_FALLING_WEEKS,
                                      (int)round (oldest->completion * 100),
                                      (int)round (newest->completion * 100)),
                     g_strdup_printf (_("Check in with %s personally; consider a pause"),
                                      first->member_name));
          found++;
        }
    }

  if (found == 0)
    add_ok (out, "burnout", PAGE_ROLES, _("No signs of burnout in recent check-ins"));
}

void
hearth_health_check_rotation_due (const HearthHealthInput *in,
                                  GPtrArray               *out)
{
  guint found = 0;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < in->n_assignments; i++)
    {
      const HearthHealthAssignment *a = &in->assignments[i];
      guint days;

      if (!hearth_health_assignment_is_active (a, in->reference_day) || a->ends_on == 0 ||
          a->ends_on >= in->reference_day)
        continue;

      days = in->reference_day - a->ends_on;
      /* Translators: a member's name, a role's name and a number of days, e.g. "Ana's term in
       * Welcome team ended 5 days ago" */
      add_check (out, "rotation_due",
                 days > HEARTH_HEALTH_OVERDUE_DAYS ? HEARTH_SEVERITY_WARNING : HEARTH_SEVERITY_NOTICE,
                 PAGE_ROLES, a->id,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s’s term in %s ended %u day ago",
                                               "%s’s term in %s ended %u days ago", days),
                                  a->member_name, a->role_name, days),
                 g_strdup_printf (_("Plan the handover of %s"), a->role_name));
      found++;
    }

  if (found == 0)
    add_ok (out, "rotation_due", PAGE_ROLES, _("No handover is overdue"));
}

void
hearth_health_check_vague_role (const HearthHealthInput *in,
                                GPtrArray               *out)
{
  guint found = 0;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < in->n_roles; i++)
    {
      const HearthHealthRole *r = &in->roles[i];
      gboolean no_purpose = is_blank (r->purpose);
      gboolean no_goals = r->n_goals == 0;
      gboolean no_toolkit = !r->has_toolkit;
      const char *format;

      /* Whole sentences for each combination, so translators never assemble lists. */
      if (no_purpose && no_goals && no_toolkit)
        format = _("%s has no purpose, goals or toolkit");
      else if (no_purpose && no_goals)
        format = _("%s has no purpose or goals");
      else if (no_purpose && no_toolkit)
        format = _("%s has no purpose or toolkit");
      else if (no_goals && no_toolkit)
        format = _("%s has no goals or toolkit");
      else if (no_purpose)
        format = _("%s has no purpose");
      else if (no_goals)
        format = _("%s has no goals");
      else if (no_toolkit)
        format = _("%s has no toolkit");
      else
        continue;

      add_check (out, "vague_role", HEARTH_SEVERITY_NOTICE, PAGE_ROLES, r->id,
                 g_strdup_printf (format, r->name),
                 g_strdup_printf (_("Complete the description of %s"), r->name));
      found++;
    }

  if (found == 0)
    add_ok (out, "vague_role", PAGE_ROLES, _("Every role has a purpose, goals and a toolkit"));
}

void
hearth_health_check_stale_role (const HearthHealthInput *in,
                                GPtrArray               *out)
{
  guint found = 0;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < in->n_roles; i++)
    {
      const HearthHealthRole *r = &in->roles[i];
      GDate date;
      char day[11];

      if (r->review_by == 0 || r->review_by >= in->reference_day || !g_date_valid_julian (r->review_by))
        continue;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, r->review_by);
      g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
      /* Translators: a role's name and a day (YYYY-MM-DD) */
      add_check (out, "stale_role", HEARTH_SEVERITY_NOTICE, PAGE_ROLES, r->id,
                 g_strdup_printf (_("%s was due for review on %s"), r->name, day),
                 g_strdup_printf (_("Review %s with the people in it"), r->name));
      found++;
    }

  if (found == 0)
    add_ok (out, "stale_role", PAGE_ROLES, _("No role is past its review date"));
}

void
hearth_health_check_unfilled_role (const HearthHealthInput *in,
                                   GPtrArray               *out)
{
  guint found = 0;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < in->n_roles; i++)
    {
      const HearthHealthRole *r = &in->roles[i];
      guint filled = 0;

      if (r->capacity < 0 || r->id == NULL)
        continue;

      for (guint j = 0; j < in->n_assignments; j++)
        if (hearth_health_assignment_is_active (&in->assignments[j], in->reference_day) &&
            g_strcmp0 (in->assignments[j].role_id, r->id) == 0)
          filled++;

      if ((gint64)filled >= r->capacity)
        continue;

      /* Translators: e.g. "Welcome team has 1 of 3 places filled" */
      add_check (out, "unfilled_role", HEARTH_SEVERITY_NOTICE, PAGE_CANDIDATES, r->id,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s has %u of %u place filled",
                                               "%s has %u of %u places filled",
                                               (gulong)r->capacity),
                                  r->name, filled, (guint)r->capacity),
                 g_strdup_printf (_("Look for candidates for %s"), r->name));
      found++;
    }

  if (found == 0)
    add_ok (out, "unfilled_role", PAGE_ROLES, _("Every role has its places filled"));
}

GPtrArray *
hearth_health_run_roles (const HearthHealthInput *in)
{
  GPtrArray *out;

  g_return_val_if_fail (in != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_health_check_free);
  hearth_health_check_overload (in, out);
  hearth_health_check_burnout (in, out);
  hearth_health_check_rotation_due (in, out);
  hearth_health_check_vague_role (in, out);
  hearth_health_check_stale_role (in, out);
  hearth_health_check_unfilled_role (in, out);

  return out;
}

/* Recognition */

/* A day as YYYY-MM-DD, into @buffer (at least 11 bytes). */
static const char *
format_day (guint32 julian,
            char    buffer[11])
{
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    {
      g_strlcpy (buffer, "?", 11);
      return buffer;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return buffer;
}

/* Days from @day to the reference day; 0 for a day after it. */
static guint32
days_before (const HearthHealthInput *in,
             guint32                  day)
{
  return day < in->reference_day ? in->reference_day - day : 0;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const HearthHealthAmbassador *x = *(const HearthHealthAmbassador * const *)a;
  const HearthHealthAmbassador *y = *(const HearthHealthAmbassador * const *)b;
  int cmp;

  if (x->contribution != y->contribution)
    return x->contribution > y->contribution ? -1 : 1;
  /* Longest without recognition first; never recognized (0) before everyone. */
  if (x->last_recognized != y->last_recognized)
    return x->last_recognized < y->last_recognized ? -1 : 1;
  if ((cmp = g_strcmp0 (x->name, y->name)) != 0)
    return cmp;
  return g_strcmp0 (x->id, y->id);
}

GArray *
hearth_health_recognition_due (const HearthHealthInput *in)
{
  g_autoptr(GPtrArray) due = NULL;
  GArray *out;
  guint interval;

  g_return_val_if_fail (in != NULL, NULL);

  interval = in->recognition_interval_days;
  due = g_ptr_array_new ();
  for (guint i = 0; i < in->n_ambassadors; i++)
    {
      const HearthHealthAmbassador *a = &in->ambassadors[i];

      if (a->id == NULL)
        continue;
      if (a->last_recognized == 0 || days_before (in, a->last_recognized) > interval)
        g_ptr_array_add (due, (gpointer)a);
    }
  g_ptr_array_sort (due, compare_due);

  out = g_array_sized_new (FALSE, TRUE, sizeof (HearthHealthDue), due->len);
  for (guint i = 0; i < due->len; i++)
    {
      HearthHealthDue d = { g_ptr_array_index (due, i), HEARTH_SEVERITY_NOTICE, -1 };

      if (d.ambassador->last_recognized != 0)
        {
          d.days_since = days_before (in, d.ambassador->last_recognized);
          if ((guint64)d.days_since > 2 * (guint64)interval)
            d.severity = HEARTH_SEVERITY_WARNING;
        }
      g_array_append_val (out, d);
    }

  return out;
}

void
hearth_health_check_recognition_due (const HearthHealthInput *in,
                                     GPtrArray               *out)
{
  g_autoptr(GArray) due = NULL;
  guint interval;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  interval = in->recognition_interval_days;
  due = hearth_health_recognition_due (in);

  for (guint i = 0; i < due->len; i++)
    {
      const HearthHealthDue *d = &g_array_index (due, HearthHealthDue, i);
      const HearthHealthAmbassador *a = d->ambassador;
      g_autofree char *contribution = g_strdup_printf ("%" G_GUINT64_FORMAT, a->contribution);
      gulong plural = (gulong)MIN (a->contribution, G_MAXULONG);
      char *sentence;

      if (a->last_recognized == 0)
        /* Translators: a member's name and their number of contributions (activity counted
         * from the imported data), e.g. "Ana has never been recognized, with 42
         * contributions so far" */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s has never been recognized, with %s contribution so far",
                                                 "%s has never been recognized, with %s contributions so far",
                                                 plural),
                                    a->name, contribution);
      else
        {
          char day[11];

          /* Translators: a member's name, a day (YYYY-MM-DD) and their number of contributions
           * since that day, e.g. "Ana was last recognized on 2026-03-01, with 42 contributions
           * since" */
          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s was last recognized on %s, with %s contribution since",
                                                   "%s was last recognized on %s, with %s contributions since",
                                                   plural),
                                      a->name, format_day (a->last_recognized, day), contribution);
        }

      add_check (out, "recognition_due", d->severity, PAGE_RECOGNITION, a->id, sentence,
                 /* Translators: a member's name */
                 g_strdup_printf (_("Plan a gesture for %s"), a->name));
    }

  if (due->len == 0)
    {
      /* Translators: the recognition interval in days, a setting */
      g_autofree char *sentence =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Every ambassador was recognized in the last %u day",
                                      "Every ambassador was recognized in the last %u days",
                                      interval),
                         interval);

      add_ok (out, "recognition_due", PAGE_RECOGNITION, sentence);
    }
}

typedef struct
{
  const char  *member_id;
  guint        count;
} RecognizedMember;

static int
compare_recognized (gconstpointer a,
                    gconstpointer b)
{
  const RecognizedMember *x = a;
  const RecognizedMember *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->member_id, y->member_id);
}

/* The sentences say "180 days" and "top 20 %". */
G_STATIC_ASSERT (HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS == 180);
G_STATIC_ASSERT (HEARTH_HEALTH_FAIRNESS_TOP_PERCENT == 20);

/* Counts the window's recognitions per member into @members (element-type RecognizedMember),
 * most first (ties by id); returns how many there were in all. */
static guint
count_recognized (const HearthHealthInput *in,
                  GArray                  *members)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  /* Count per member, in one pass. */
  for (guint i = 0; i < in->n_recognitions; i++)
    {
      const HearthHealthRecognition *r = &in->recognitions[i];
      gpointer found;

      if (r->member_id == NULL || r->day == 0 || r->day > in->reference_day ||
          in->reference_day - r->day >= HEARTH_HEALTH_FAIRNESS_WINDOW_DAYS)
        continue;

      if (g_hash_table_lookup_extended (index, r->member_id, NULL, &found))
        g_array_index (members, RecognizedMember, GPOINTER_TO_UINT (found)).count++;
      else
        {
          RecognizedMember added = { r->member_id, 1 };

          g_hash_table_insert (index, (gpointer)r->member_id, GUINT_TO_POINTER (members->len));
          g_array_append_val (members, added);
        }
      total++;
    }
  g_array_sort (members, compare_recognized);

  return total;
}

/* The top HEARTH_HEALTH_FAIRNESS_TOP_PERCENT of @n members, rounded up. */
static guint
top_members (guint n)
{
  return (n * HEARTH_HEALTH_FAIRNESS_TOP_PERCENT + 99) / 100;
}

double
hearth_health_recognition_fairness_share (const HearthHealthInput *in,
                                          guint                   *n_members,
                                          guint                   *n_recognitions)
{
  g_autoptr(GArray) members = NULL;
  guint total, top = 0, n_top;

  g_return_val_if_fail (in != NULL, -1.0);

  members = g_array_new (FALSE, FALSE, sizeof (RecognizedMember));
  total = count_recognized (in, members);
  if (n_members != NULL)
    *n_members = members->len;
  if (n_recognitions != NULL)
    *n_recognitions = total;

  if (members->len < HEARTH_HEALTH_FAIRNESS_MIN_MEMBERS)
    return -1.0;

  n_top = top_members (members->len);
  for (guint i = 0; i < n_top; i++)
    top += g_array_index (members, RecognizedMember, i).count;

  return (double)top / (double)total;
}

void
hearth_health_check_recognition_fairness (const HearthHealthInput *in,
                                          GPtrArray               *out)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (RecognizedMember));
  g_autoptr(GStrvBuilder) top_ids = NULL;
  HearthHealthCheck *check;
  guint total, top = 0, n_top, percent;
  gboolean unfair;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  total = count_recognized (in, members);

  if (members->len < HEARTH_HEALTH_FAIRNESS_MIN_MEMBERS)
    {
      g_autofree char *sentence = NULL;

      if (members->len == 0)
        sentence = g_strdup (_("No one was recognized in the last 180 days"));
      else
        /* Translators: a number of people below 5, e.g. "Only 3 people were recognized in the
         * last 180 days: too few to judge fairness" */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Only %u person was recognized in the last 180 days: too few to judge fairness",
                                                 "Only %u people were recognized in the last 180 days: too few to judge fairness",
                                                 members->len),
                                    members->len);
      add_ok (out, "recognition_fairness", PAGE_RECOGNITION, sentence);
      return;
    }

  n_top = top_members (members->len);
  top_ids = g_strv_builder_new ();
  for (guint i = 0; i < n_top; i++)
    {
      const RecognizedMember *m = &g_array_index (members, RecognizedMember, i);

      top += m->count;
      g_strv_builder_add (top_ids, m->member_id);
    }

  /* Exact, in integers: above the limit warns, on it does not. The sentence rounds to the
   * nearest, except that a share just above the limit never reads as the limit itself. */
  unfair = (guint64)top * 100 > (guint64)total * HEARTH_HEALTH_FAIRNESS_LIMIT_PERCENT;
  percent = (guint)(((guint64)top * 200 + total) / ((guint64)total * 2));
  if (unfair && percent <= HEARTH_HEALTH_FAIRNESS_LIMIT_PERCENT)
    percent = HEARTH_HEALTH_FAIRNESS_LIMIT_PERCENT + 1;

  check = hearth_health_check_new ("recognition_fairness",
                                   unfair ? HEARTH_SEVERITY_WARNING : HEARTH_SEVERITY_OK,
                                   PAGE_RECOGNITION);
  /* Translators: a percentage, then a number of people and the number of people recognized,
   * e.g. "62 % of recognitions in the last 180 days went to the top 20 % of recognized
   * members (2 of 9 people)". Use your language's usual spacing before the percent sign. */
  check->sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u %% of recognitions in the last 180 days went to the top 20 %% of recognized members (%u of %u person)",
                                                  "%u %% of recognitions in the last 180 days went to the top 20 %% of recognized members (%u of %u people)",
                                                  members->len),
                                     percent, n_top, members->len);
  if (unfair)
    {
      check->subjects = g_strv_builder_end (top_ids);
      check->action = g_strdup (_("Spread recognition: look at who is due"));
    }
  else
    check->subjects = g_new0 (char *, 1);
  g_ptr_array_add (out, check);
}

GPtrArray *
hearth_health_run_recognition (const HearthHealthInput *in)
{
  GPtrArray *out;

  g_return_val_if_fail (in != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_health_check_free);
  hearth_health_check_recognition_due (in, out);
  hearth_health_check_recognition_fairness (in, out);

  return out;
}

/* Feedback */

gboolean
hearth_health_feedback_is_stale (const HearthHealthInput    *in,
                                 const HearthHealthFeedback *item)
{
  g_return_val_if_fail (in != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (item->received_on == 0 ||
      (g_strcmp0 (item->status, "new") != 0 && g_strcmp0 (item->status, "acknowledged") != 0))
    return FALSE;

  return days_before (in, item->received_on) > in->feedback_stale_days;
}

static int
compare_stale (gconstpointer a,
               gconstpointer b)
{
  const HearthHealthFeedback *x = *(const HearthHealthFeedback * const *)a;
  const HearthHealthFeedback *y = *(const HearthHealthFeedback * const *)b;
  int cmp;

  if (x->received_on != y->received_on)
    return x->received_on < y->received_on ? -1 : 1;
  if ((cmp = g_strcmp0 (x->member_name, y->member_name)) != 0)
    return cmp;
  return g_strcmp0 (x->id, y->id);
}

void
hearth_health_check_feedback_stale (const HearthHealthInput *in,
                                    GPtrArray               *out)
{
  g_autoptr(GPtrArray) stale = NULL;
  guint threshold;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  threshold = in->feedback_stale_days;
  stale = g_ptr_array_new ();
  for (guint i = 0; i < in->n_feedback; i++)
    if (in->feedback[i].id != NULL && hearth_health_feedback_is_stale (in, &in->feedback[i]))
      g_ptr_array_add (stale, (gpointer)&in->feedback[i]);
  g_ptr_array_sort (stale, compare_stale);

  for (guint i = 0; i < stale->len; i++)
    {
      const HearthHealthFeedback *f = g_ptr_array_index (stale, i);
      guint32 days = days_before (in, f->received_on);
      HearthSeverity severity = (guint64)days > 2 * (guint64)threshold ? HEARTH_SEVERITY_WARNING
                                                                        : HEARTH_SEVERITY_NOTICE;
      char day[11];
      char *sentence;
      char *action;

      format_day (f->received_on, day);
      if (f->member_name != NULL)
        {
          /* Translators: a member's name, a day (YYYY-MM-DD) and a number of days, e.g.
           * "Ana’s feedback from 2026-03-02 has waited 40 days for an answer" */
          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s’s feedback from %s has waited %u day for an answer",
                                                   "%s’s feedback from %s has waited %u days for an answer",
                                                   days),
                                      f->member_name, day, days);
          /* Translators: a member's name */
          action = g_strdup_printf (_("Give %s an answer and update the status"), f->member_name);
        }
      else
        {
          /* Translators: a day (YYYY-MM-DD) and a number of days, for feedback from no one in
           * particular, e.g. "Feedback from 2026-03-02 has waited 40 days for an answer" */
          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Feedback from %s has waited %u day for an answer",
                                                   "Feedback from %s has waited %u days for an answer",
                                                   days),
                                      day, days);
          action = g_strdup (_("Answer it and update the status"));
        }

      add_check (out, "feedback_stale", severity, PAGE_FEEDBACK, f->id, sentence, action);
    }

  if (stale->len == 0)
    {
      /* Translators: the feedback_stale_days setting, a number of days */
      g_autofree char *sentence =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "No feedback has waited more than %u day for an answer",
                                      "No feedback has waited more than %u days for an answer",
                                      threshold),
                         threshold);

      add_ok (out, "feedback_stale", PAGE_FEEDBACK, sentence);
    }
}

void
hearth_health_check_round_without_outcome (const HearthHealthInput *in,
                                           GPtrArray               *out)
{
  gboolean found = FALSE;

  g_return_if_fail (in != NULL);
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < in->n_rounds; i++)
    {
      const HearthHealthRound *r = &in->rounds[i];

      if (r->id == NULL || g_strcmp0 (r->status, "closed") != 0 || r->has_outcome)
        continue;

      found = TRUE;
      add_check (out, "round_without_outcome", HEARTH_SEVERITY_WARNING, PAGE_FEEDBACK, r->id,
                 /* Translators: the title of a feedback round */
                 g_strdup_printf (_("The round “%s” was closed without an outcome"), r->title),
                 g_strdup (_("Write down what was decided and tell the ambassadors")));
    }

  if (!found)
    add_ok (out, "round_without_outcome", PAGE_FEEDBACK, _("Every closed round has an outcome"));
}

GPtrArray *
hearth_health_run_feedback (const HearthHealthInput *in)
{
  GPtrArray *out;

  g_return_val_if_fail (in != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_health_check_free);
  hearth_health_check_feedback_stale (in, out);
  hearth_health_check_round_without_outcome (in, out);

  return out;
}

/* Loading */

/* A YYYY-MM-DD day as a Julian day number; 0 for NULL or anything else. */
static guint32
julian_from_text (const char *text)
{
  guint y, m, d;
  GDate date;

  if (text == NULL || !hearth_date_is_valid (text) ||
      sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static const char *
chunk_text (HearthHealthInput *in,
            sqlite3_stmt      *stmt,
            int                column)
{
  const char *text = hearth_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_const (in->strings, text) : NULL;
}

void
hearth_health_input_free (HearthHealthInput *in)
{
  if (in == NULL)
    return;

  g_free ((gpointer)in->roles);
  g_free ((gpointer)in->assignments);
  g_free ((gpointer)in->checkins);
  g_free ((gpointer)in->ambassadors);
  g_free ((gpointer)in->recognitions);
  g_free ((gpointer)in->feedback);
  g_free ((gpointer)in->rounds);
  if (in->strings != NULL)
    g_string_chunk_free (in->strings);
  g_free (in);
}

#define FOR_EACH_ROW(db, stmt, rc, error)                                       \
  while (((rc) = hearth_database_step ((db), (stmt), (error))) == SQLITE_ROW)

/* The role guards' rows: roles, assignments, check-ins. */
static gboolean
load_roles (HearthHealthInput  *in,
            HearthDatabase     *db,
            const char         *program_id,
            GArray             *roles,
            GArray             *assignments,
            GArray             *checkins,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Roles, with their goals counted. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT r.id, r.name, r.purpose, "
                                        "r.toolkit IS NOT NULL AND trim(r.toolkit) <> '', "
                                        "r.capacity, r.review_by, "
                                        "(SELECT count(*) FROM role_goal g WHERE g.role_id = r.id "
                                        "AND g.deleted_at IS NULL) "
                                        "FROM role r WHERE r.program_id = ?1 "
                                        "AND r.deleted_at IS NULL ORDER BY r.name, r.id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthRole r = {
        .id = chunk_text (in, stmt, 0),
        .name = chunk_text (in, stmt, 1),
        .purpose = chunk_text (in, stmt, 2),
        .has_toolkit = sqlite3_column_int (stmt, 3) != 0,
        .capacity = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1
                                                                  : sqlite3_column_int64 (stmt, 4),
        .review_by = julian_from_text (hearth_column_text (stmt, 5)),
        .n_goals = (guint)sqlite3_column_int (stmt, 6),
      };

      g_array_append_val (roles, r);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Assignments of those roles to members not deleted, ended ones included. */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT a.id, a.member_id, m.display_name, a.role_id, "
                                        "r.name, a.starts_on, a.ends_on, a.ended_on, "
                                        "coalesce(a.hours_per_week, 0) "
                                        "FROM assignment a JOIN role r ON r.id = a.role_id "
                                        "JOIN member m ON m.id = a.member_id "
                                        "WHERE r.program_id = ?1 AND a.deleted_at IS NULL "
                                        "AND r.deleted_at IS NULL AND m.deleted_at IS NULL "
                                        "ORDER BY m.display_name, m.id, a.starts_on, a.id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthAssignment a = {
        .id = chunk_text (in, stmt, 0),
        .member_id = chunk_text (in, stmt, 1),
        .member_name = chunk_text (in, stmt, 2),
        .role_id = chunk_text (in, stmt, 3),
        .role_name = chunk_text (in, stmt, 4),
        .starts_on = julian_from_text (hearth_column_text (stmt, 5)),
        .ends_on = julian_from_text (hearth_column_text (stmt, 6)),
        .ended_on = julian_from_text (hearth_column_text (stmt, 7)),
        .hours = sqlite3_column_double (stmt, 8),
      };

      /* An actual end that is set but unreadable still ends the assignment. */
      if (a.ended_on == 0 && hearth_column_text (stmt, 7) != NULL)
        a.ended_on = 1;
      g_array_append_val (assignments, a);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Check-ins of those assignments, each with its goal completion (see the top of the file). */
  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT c.assignment_id, a.member_id, c.iso_week, "
                                        "coalesce(c.energy, 0), "
                                        "(SELECT CASE WHEN count(cg.goal_id) = 0 THEN -1.0 ELSE "
                                        "CAST(sum(min(coalesce(cg.achieved, 0), g.target_per_week)) "
                                        "AS REAL) / sum(g.target_per_week) END "
                                        "FROM role_goal g LEFT JOIN checkin_goal cg "
                                        "ON cg.goal_id = g.id AND cg.checkin_id = c.id "
                                        "WHERE g.role_id = a.role_id AND g.deleted_at IS NULL "
                                        "AND g.target_per_week > 0) "
                                        "FROM checkin c JOIN assignment a ON a.id = c.assignment_id "
                                        "JOIN role r ON r.id = a.role_id "
                                        "JOIN member m ON m.id = a.member_id "
                                        "WHERE r.program_id = ?1 AND c.deleted_at IS NULL "
                                        "AND a.deleted_at IS NULL AND r.deleted_at IS NULL "
                                        "AND m.deleted_at IS NULL "
                                        "ORDER BY c.iso_week, c.assignment_id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthCheckin c = {
        .assignment_id = chunk_text (in, stmt, 0),
        .member_id = chunk_text (in, stmt, 1),
        .iso_week = chunk_text (in, stmt, 2),
        .energy = sqlite3_column_int (stmt, 3),
        .completion = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1.0
                                                                    : sqlite3_column_double (stmt, 4),
      };

      g_array_append_val (checkins, c);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return TRUE;
}

/* The recognition guards' rows: recognitions and ambassadors. */
static gboolean
load_recognition (HearthHealthInput  *in,
                  HearthDatabase     *db,
                  const char         *program_id,
                  const char         *reference_text,
                  GArray             *recognitions,
                  GArray             *ambassadors,
                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Recognitions: log entries done and awards given, up to the reference day (see the top of
   * the file), of members not deleted; awards of a deleted badge are gone with it. ?2 is the
   * reference day as YYYY-MM-DD, which compares as text. The ambassadors' query below uses the
   * same rows. */
/* Recognitions are few and a program's members many: "+m.program_id" makes SQLite walk the
 * recognitions and awards and look their members up, not walk every member of the program.
 * The ambassadors come in no particular order (the guards sort): an ORDER BY here made SQLite
 * walk every member of the program by name instead of the ambassadors by status. */
#define RECOGNIZED_SQL                                                                    \
  "SELECT r.member_id AS member_id, r.done_on AS day FROM recognition r "                \
  "JOIN member m ON m.id = r.member_id WHERE +m.program_id = ?1 AND m.deleted_at IS NULL " \
  "AND r.deleted_at IS NULL AND r.done_on IS NOT NULL AND r.done_on <= ?2 "               \
  "UNION ALL "                                                                            \
  "SELECT a.member_id, a.awarded_on FROM award a JOIN member m ON m.id = a.member_id "    \
  "JOIN badge b ON b.id = a.badge_id WHERE +m.program_id = ?1 AND m.deleted_at IS NULL "  \
  "AND a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.awarded_on <= ?2"

  if (!(stmt = hearth_database_prepare (db, RECOGNIZED_SQL " ORDER BY 2, 1", error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, reference_text);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthRecognition r = {
        .member_id = chunk_text (in, stmt, 0),
        .day = julian_from_text (hearth_column_text (stmt, 1)),
      };

      g_array_append_val (recognitions, r);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Ambassadors, each with their last recognition and their activity after it (all of it when
   * never recognized), up to the reference day: one statement; the activity sum walks the
   * activity key (member_id, day) of each ambassador only. */
  if (!(stmt = hearth_database_prepare (db,
                                        "WITH last AS (SELECT member_id, max(day) AS day FROM ("
                                        RECOGNIZED_SQL ") GROUP BY member_id) "
                                        "SELECT m.id, m.display_name, l.day, "
                                        "(SELECT coalesce(sum(act.count), 0) FROM activity act "
                                        "WHERE act.member_id = m.id AND act.day <= ?2 "
                                        "AND act.day > coalesce(l.day, '')) "
                                        "FROM member m LEFT JOIN last l ON l.member_id = m.id "
                                        "WHERE m.program_id = ?1 AND m.deleted_at IS NULL "
                                        "AND m.status = 'ambassador' AND m.is_bot = 0",
                                        error)))
    return FALSE;
#undef RECOGNIZED_SQL
  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, reference_text);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthAmbassador a = {
        .id = chunk_text (in, stmt, 0),
        .name = chunk_text (in, stmt, 1),
        .last_recognized = julian_from_text (hearth_column_text (stmt, 2)),
        .contribution = (guint64)MAX (sqlite3_column_int64 (stmt, 3), 0),
      };

      g_array_append_val (ambassadors, a);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return TRUE;
}

/* The feedback guards' rows: the program's items (through their round, meeting or member; an
 * item of a deleted member is gone with them) and rounds, neither deleted. */
static gboolean
load_feedback (HearthHealthInput  *in,
               HearthDatabase     *db,
               const char         *program_id,
               GArray             *feedback,
               GArray             *rounds,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT f.id, f.member_id, m.display_name, f.received_on, "
                                        "f.status FROM feedback f "
                                        "LEFT JOIN member m ON m.id = f.member_id "
                                        "WHERE f.deleted_at IS NULL AND m.deleted_at IS NULL "
                                        "AND (m.program_id = ?1 "
                                        "OR EXISTS (SELECT 1 FROM feedback_round r "
                                        "WHERE r.id = f.round_id AND r.program_id = ?1) "
                                        "OR EXISTS (SELECT 1 FROM meeting g "
                                        "WHERE g.id = f.meeting_id AND g.program_id = ?1)) "
                                        "ORDER BY f.received_on, f.id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthFeedback f = {
        .id = chunk_text (in, stmt, 0),
        .member_id = chunk_text (in, stmt, 1),
        .member_name = chunk_text (in, stmt, 2),
        .received_on = julian_from_text (hearth_column_text (stmt, 3)),
        .status = chunk_text (in, stmt, 4),
      };

      g_array_append_val (feedback, f);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = hearth_database_prepare (db,
                                        "SELECT id, title, status, "
                                        "outcome IS NOT NULL AND trim(outcome) <> '' "
                                        "FROM feedback_round WHERE program_id = ?1 "
                                        "AND deleted_at IS NULL ORDER BY title, id",
                                        error)))
    return FALSE;
  hearth_bind_text (stmt, 1, program_id);
  FOR_EACH_ROW (db, stmt, rc, error)
    {
      HearthHealthRound r = {
        .id = chunk_text (in, stmt, 0),
        .title = chunk_text (in, stmt, 1),
        .status = chunk_text (in, stmt, 2),
        .has_outcome = sqlite3_column_int (stmt, 3) != 0,
      };

      g_array_append_val (rounds, r);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return TRUE;
}

HearthHealthInput *
hearth_health_load (HearthDatabase     *db,
                    const char         *program_id,
                    HearthHealthParts   parts,
                    GError            **error)
{
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDate) reference = NULL;
  g_autoptr(GArray) roles = NULL;
  g_autoptr(GArray) assignments = NULL;
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GArray) ambassadors = NULL;
  g_autoptr(GArray) recognitions = NULL;
  g_autoptr(GArray) feedback = NULL;
  g_autoptr(GArray) rounds = NULL;
  g_autofree char *reference_text = NULL;
  int rc;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), NULL);
  g_return_val_if_fail (program_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in = g_new0 (HearthHealthInput, 1);
  in->strings = g_string_chunk_new (1024);

  if (!(stmt = hearth_database_prepare (db, "SELECT as_of FROM program WHERE id = ?1 AND "
                                            "deleted_at IS NULL", error)))
    return NULL;
  hearth_bind_text (stmt, 1, program_id);
  if (!(rc = hearth_database_step (db, stmt, error)))
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND, "program %s: no such program",
                   program_id);
      return NULL;
    }
  reference = hearth_reference_day (hearth_column_text (stmt, 0));
  in->reference_day = g_date_get_julian (reference);
  reference_text = hearth_date_to_string (reference);
  g_clear_pointer (&stmt, sqlite3_finalize);

  in->hours_limit = (guint)MAX (hearth_settings_get_int (db, program_id,
                                                         HEARTH_SETTING_HOURS_LIMIT), 0);
  in->recognition_interval_days =
    (guint)MAX (hearth_settings_get_int (db, program_id,
                                         HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS), 0);
  in->feedback_stale_days =
    (guint)MAX (hearth_settings_get_int (db, program_id, HEARTH_SETTING_FEEDBACK_STALE_DAYS), 0);

  roles = g_array_new (FALSE, TRUE, sizeof (HearthHealthRole));
  assignments = g_array_new (FALSE, TRUE, sizeof (HearthHealthAssignment));
  checkins = g_array_new (FALSE, TRUE, sizeof (HearthHealthCheckin));
  recognitions = g_array_new (FALSE, TRUE, sizeof (HearthHealthRecognition));
  ambassadors = g_array_new (FALSE, TRUE, sizeof (HearthHealthAmbassador));
  feedback = g_array_new (FALSE, TRUE, sizeof (HearthHealthFeedback));
  rounds = g_array_new (FALSE, TRUE, sizeof (HearthHealthRound));

  if ((parts & HEARTH_HEALTH_PART_ROLES) != 0 &&
      !load_roles (in, db, program_id, roles, assignments, checkins, error))
    return NULL;
  if ((parts & HEARTH_HEALTH_PART_RECOGNITION) != 0 &&
      !load_recognition (in, db, program_id, reference_text, recognitions, ambassadors, error))
    return NULL;
  if ((parts & HEARTH_HEALTH_PART_FEEDBACK) != 0 &&
      !load_feedback (in, db, program_id, feedback, rounds, error))
    return NULL;

  in->n_roles = roles->len;
  in->roles = (HearthHealthRole *)(gpointer)g_array_free (g_steal_pointer (&roles), FALSE);
  in->n_assignments = assignments->len;
  in->assignments = (HearthHealthAssignment *)(gpointer)g_array_free (g_steal_pointer (&assignments),
                                                                       FALSE);
  in->n_checkins = checkins->len;
  in->checkins = (HearthHealthCheckin *)(gpointer)g_array_free (g_steal_pointer (&checkins), FALSE);
  in->n_recognitions = recognitions->len;
  in->recognitions = (HearthHealthRecognition *)(gpointer)g_array_free (g_steal_pointer (&recognitions),
                                                                         FALSE);
  in->n_ambassadors = ambassadors->len;
  in->ambassadors = (HearthHealthAmbassador *)(gpointer)g_array_free (g_steal_pointer (&ambassadors),
                                                                       FALSE);
  in->n_feedback = feedback->len;
  in->feedback = (HearthHealthFeedback *)(gpointer)g_array_free (g_steal_pointer (&feedback), FALSE);
  in->n_rounds = rounds->len;
  in->rounds = (HearthHealthRound *)(gpointer)g_array_free (g_steal_pointer (&rounds), FALSE);

  return g_steal_pointer (&in);
}
