/* test-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role guards of the health checks (DESIGN §9): each guard driven by a table of plain
 * inputs, with the edges of every threshold, then the loader on a small database written with
 * plain SQL (deleted rows, other programs, goal completion, the hours_limit setting); then the
 * recognition guards the same way (due at the interval's edges and in order, fairness at 50 %,
 * at the 180-day window's edge and with too few people) and their part of the loader; then the
 * feedback guards (stale at the threshold's edges, closed rounds without an outcome) and theirs. The
 * reference day is fixed (2026-05-31), so no test reads the clock.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hearth-health.h"
#include "hearth-settings.h"
#include "test-util.h"

/* 2026-05-31 as a GDate Julian day (day 1 = 0001-01-01). */
#define REF_J   739767u
#define D(off)  (REF_J + (off))

#define PROGRAM "p0000000-0000-4000-8000-000000000001"
#define OTHER   "p0000000-0000-4000-8000-000000000002"
#define REF     "2026-05-31"
#define STAMP   "2026-01-01T00:00:00.000Z"

/* An expected check; a list ends with a NULL sentence. An empty list expects the one OK check. */
typedef struct
{
  HearthSeverity  severity;
  const char     *subject;
  const char     *sentence;
  const char     *action;
} Expect;

#define MAX_EXPECT 4

static void
assert_checks (GPtrArray    *out,
               const char   *key,
               const char   *page,
               const Expect *expect)
{
  guint n = 0;

  while (n < MAX_EXPECT && expect[n].sentence != NULL)
    n++;

  if (n == 0)
    {
      HearthHealthCheck *check;

      g_assert_cmpuint (out->len, ==, 1);
      check = g_ptr_array_index (out, 0);
      g_assert_cmpstr (check->key, ==, key);
      g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_OK);
      g_assert_nonnull (check->subjects);
      g_assert_null (check->subjects[0]);
      g_assert_nonnull (check->sentence);
      g_assert_null (check->action);
      return;
    }

  g_assert_cmpuint (out->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (out, i);

      g_assert_cmpstr (check->key, ==, key);
      g_assert_cmpstr (check->page, ==, page);
      g_assert_cmpint (check->severity, ==, expect[i].severity);
      g_assert_cmpstr (check->sentence, ==, expect[i].sentence);
      g_assert_nonnull (check->subjects);
      g_assert_cmpstr (check->subjects[0], ==, expect[i].subject);
      g_assert_null (check->subjects[1]);
      if (expect[i].action != NULL)
        g_assert_cmpstr (check->action, ==, expect[i].action);
      else
        g_assert_nonnull (check->action);
    }
}

static GPtrArray *
new_out (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)hearth_health_check_free);
}

/* id, member id, member name, role id, role name, starts, ends, ended, hours */
#define RUNNING(id, member, name, role, hours) \
  { id, member, name, role, role, D (-100), 0, 0, hours }

/* overload */

typedef struct
{
  const char              *name;
  guint                    hours_limit;
  HearthHealthAssignment   a[5];
  guint                    n;
  Expect                   expect[MAX_EXPECT];
} OverloadCase;

static const OverloadCase overload_cases[] = {
  { "two roles are fine", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 2), RUNNING ("a2", "ana", "Ana", "Events", 2) }, 2,
    { { 0 } } },
  { "three roles warn", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 1), RUNNING ("a2", "ana", "Ana", "Events", 1),
      RUNNING ("a3", "ana", "Ana", "Content", 1) }, 3,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana has 3 active roles (limit 2)",
        "Ask Ana whether to hand one role on" } } },
  { "hours at the limit are fine", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 4), RUNNING ("a2", "ana", "Ana", "Events", 4) }, 2,
    { { 0 } } },
  { "hours above the limit warn", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 4.5), RUNNING ("a2", "ana", "Ana", "Events", 4) }, 2,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: 8.5 hours a week across roles (limit 8)", NULL } } },
  { "one role above the limit warns", 5,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 6) }, 1,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: 6 hours a week across roles (limit 5)", NULL } } },
  { "both at once", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 4), RUNNING ("a2", "ana", "Ana", "Events", 4),
      RUNNING ("a3", "ana", "Ana", "Content", 4) }, 3,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: 3 active roles, 12 hours a week (limits 2 and 8)",
        NULL } } },
  { "ended assignments don't count", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 4), RUNNING ("a2", "ana", "Ana", "Events", 4),
      { "a3", "ana", "Ana", "Content", "Content", D (-100), 0, D (-1), 10 } }, 3,
    { { 0 } } },
  { "an assignment ended on the reference day doesn't count", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 1), RUNNING ("a2", "ana", "Ana", "Events", 1),
      { "a3", "ana", "Ana", "Content", "Content", D (-100), 0, D (0), 1 } }, 3,
    { { 0 } } },
  { "assignments not yet started don't count", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 1), RUNNING ("a2", "ana", "Ana", "Events", 1),
      { "a3", "ana", "Ana", "Content", "Content", D (1), 0, 0, 1 } }, 3,
    { { 0 } } },
  { "starting on the reference day counts", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 1), RUNNING ("a2", "ana", "Ana", "Events", 1),
      { "a3", "ana", "Ana", "Content", "Content", D (0), 0, 0, 1 } }, 3,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana has 3 active roles (limit 2)", NULL } } },
  { "a past planned end still counts", 8,
    { RUNNING ("a1", "ana", "Ana", "Welcome", 1), RUNNING ("a2", "ana", "Ana", "Events", 1),
      { "a3", "ana", "Ana", "Content", "Content", D (-100), D (-50), 0, 1 } }, 3,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana has 3 active roles (limit 2)", NULL } } },
  { "per member, in input order", 8,
    { RUNNING ("b1", "ben", "Ben", "Welcome", 9), RUNNING ("a1", "ana", "Ana", "Welcome", 1),
      RUNNING ("a2", "ana", "Ana", "Events", 1), RUNNING ("c1", "cy", "Cy", "Events", 8),
      RUNNING ("a3", "ana", "Ana", "Content", 1) }, 5,
    { { HEARTH_SEVERITY_WARNING, "ben", "Ben: 9 hours a week across roles (limit 8)", NULL },
      { HEARTH_SEVERITY_WARNING, "ana", "Ana has 3 active roles (limit 2)", NULL } } },
};

static void
test_overload (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (overload_cases); i++)
    {
      const OverloadCase *c = &overload_cases[i];
      HearthHealthInput in = {
        .reference_day = REF_J,
        .hours_limit = c->hours_limit,
        .assignments = c->a,
        .n_assignments = c->n,
      };
      g_autoptr(GPtrArray) out = new_out ();

      g_test_message ("overload: %s", c->name);
      hearth_health_check_overload (&in, out);
      assert_checks (out, "overload", "roles", c->expect);
    }
}

/* burnout */

static const HearthHealthAssignment burnout_assignments[] = {
  RUNNING ("a1", "ana", "Ana", "Welcome team", 2),
  RUNNING ("a2", "ana", "Ana", "Events", 2),
  { "b1", "ben", "Ben", "Welcome team", "Welcome team", D (-100), 0, D (-1), 2 },
};

/* assignment, member, week, energy, completion */
#define E(a, m, week, energy)      { a, m, "2026-W" week, energy, -1 }
#define C(a, m, week, completion)  { a, m, "2026-W" week, 4, completion }

typedef struct
{
  const char           *name;
  HearthHealthCheckin   c[6];
  guint                 n;
  Expect                expect[MAX_EXPECT];
} BurnoutCase;

static const BurnoutCase burnout_cases[] = {
  { "energy 2, 2 warns",
    { E ("a1", "ana", "19", 2), E ("a1", "ana", "20", 2) }, 2,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: low energy in the last two check-ins",
        "Check in with Ana personally; consider a pause" } } },
  { "energy 3, 2 doesn't",
    { E ("a1", "ana", "19", 3), E ("a1", "ana", "20", 2) }, 2, { { 0 } } },
  { "energy 2, 3 doesn't",
    { E ("a1", "ana", "19", 2), E ("a1", "ana", "20", 3) }, 2, { { 0 } } },
  { "one check-in doesn't",
    { E ("a1", "ana", "20", 1) }, 1, { { 0 } } },
  { "only the two latest count",
    { E ("a1", "ana", "18", 1), E ("a1", "ana", "19", 1), E ("a1", "ana", "20", 3) }, 3,
    { { 0 } } },
  { "weeks need not be adjacent, input order doesn't matter",
    { E ("a1", "ana", "20", 1), E ("a1", "ana", "10", 2) }, 2,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: low energy in the last two check-ins",
        NULL } } },
  { "a week's lowest energy across roles",
    { E ("a1", "ana", "20", 5), E ("a2", "ana", "20", 2), E ("a1", "ana", "21", 2) }, 3,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: low energy in the last two check-ins",
        NULL } } },
  { "two roles in one week are one week",
    { E ("a1", "ana", "20", 1), E ("a2", "ana", "20", 1) }, 2, { { 0 } } },
  { "check-ins without energy are skipped",
    { E ("a1", "ana", "19", 2), E ("a1", "ana", "20", 2), E ("a1", "ana", "21", 0) }, 3,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: low energy in the last two check-ins",
        NULL } } },
  { "ended assignments don't count",
    { E ("b1", "ben", "19", 1), E ("b1", "ben", "20", 1) }, 2, { { 0 } } },
  { "completion falling three times warns",
    { C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8), C ("a1", "ana", "19", 0.7),
      C ("a1", "ana", "20", 0.6) }, 4,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: goals in Welcome team fell 3 weeks in a row (90% to 60%)",
        "Check in with Ana personally; consider a pause" } } },
  { "an equal week breaks the fall",
    { C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8), C ("a1", "ana", "19", 0.8) }, 3,
    { { 0 } } },
  { "an equal week among four breaks the fall",
    { C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8), C ("a1", "ana", "19", 0.8),
      C ("a1", "ana", "20", 0.7) }, 4,
    { { 0 } } },
  { "two decreases are not three",
    { C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8), C ("a1", "ana", "19", 0.7) }, 3,
    { { 0 } } },
  { "only the latest four count",
    { C ("a1", "ana", "16", 0.5), C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8),
      C ("a1", "ana", "19", 0.7), C ("a1", "ana", "20", 0.6) }, 5,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: goals in Welcome team fell 3 weeks in a row (90% to 60%)",
        NULL } } },
  { "a rise in the latest week ends it",
    { C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8), C ("a1", "ana", "19", 0.7),
      C ("a1", "ana", "20", 0.6), C ("a1", "ana", "21", 0.65) }, 5,
    { { 0 } } },
  { "check-ins without goals are skipped",
    { C ("a1", "ana", "17", 1.0), C ("a1", "ana", "18", 0.9), C ("a1", "ana", "19", 0.8),
      C ("a1", "ana", "20", 0.7), C ("a1", "ana", "21", -1) }, 5,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: goals in Welcome team fell 3 weeks in a row (100% to 70%)",
        NULL } } },
  { "completion is per assignment",
    { C ("a1", "ana", "17", 0.9), C ("a1", "ana", "18", 0.8), C ("a2", "ana", "19", 0.7),
      C ("a2", "ana", "20", 0.6) }, 4,
    { { 0 } } },
  { "both rules",
    { { "a2", "ana", "2026-W17", 2, 0.9 }, { "a2", "ana", "2026-W18", 2, 0.8 },
      { "a2", "ana", "2026-W19", 1, 0.7 }, { "a2", "ana", "2026-W20", 1, 0.5 } }, 4,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana: low energy in the last two check-ins", NULL },
      { HEARTH_SEVERITY_WARNING, "ana", "Ana: goals in Events fell 3 weeks in a row (90% to 50%)",
        NULL } } },
};

static void
test_burnout (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (burnout_cases); i++)
    {
      const BurnoutCase *c = &burnout_cases[i];
      HearthHealthInput in = {
        .reference_day = REF_J,
        .hours_limit = 8,
        .assignments = burnout_assignments,
        .n_assignments = G_N_ELEMENTS (burnout_assignments),
        .checkins = c->c,
        .n_checkins = c->n,
      };
      g_autoptr(GPtrArray) out = new_out ();

      g_test_message ("burnout: %s", c->name);
      hearth_health_check_burnout (&in, out);
      assert_checks (out, "burnout", "roles", c->expect);
    }
}

/* rotation_due */

typedef struct
{
  const char              *name;
  HearthHealthAssignment   a;
  Expect                   expect[MAX_EXPECT];
} RotationCase;

static const RotationCase rotation_cases[] = {
  { "ending on the reference day is not due",
    { "a1", "ana", "Ana", "w", "Welcome team", D (-100), D (0), 0, 2 }, { { 0 } } },
  { "ending the day before is due",
    { "a1", "ana", "Ana", "w", "Welcome team", D (-100), D (-1), 0, 2 },
    { { HEARTH_SEVERITY_NOTICE, "a1", "Ana’s term in Welcome team ended 1 day ago",
        "Plan the handover of Welcome team" } } },
  { "28 days past is a notice",
    { "a1", "ana", "Ana", "w", "Welcome team", D (-100), D (-28), 0, 2 },
    { { HEARTH_SEVERITY_NOTICE, "a1", "Ana’s term in Welcome team ended 28 days ago", NULL } } },
  { "29 days past is a warning",
    { "a1", "ana", "Ana", "w", "Welcome team", D (-100), D (-29), 0, 2 },
    { { HEARTH_SEVERITY_WARNING, "a1", "Ana’s term in Welcome team ended 29 days ago",
        "Plan the handover of Welcome team" } } },
  { "no planned end",
    { "a1", "ana", "Ana", "w", "Welcome team", D (-100), 0, 0, 2 }, { { 0 } } },
  { "ended assignments are handed over",
    { "a1", "ana", "Ana", "w", "Welcome team", D (-100), D (-40), D (-30), 2 }, { { 0 } } },
};

static void
test_rotation_due (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rotation_cases); i++)
    {
      const RotationCase *c = &rotation_cases[i];
      HearthHealthInput in = {
        .reference_day = REF_J,
        .hours_limit = 8,
        .assignments = &c->a,
        .n_assignments = 1,
      };
      g_autoptr(GPtrArray) out = new_out ();

      g_test_message ("rotation_due: %s", c->name);
      hearth_health_check_rotation_due (&in, out);
      assert_checks (out, "rotation_due", "roles", c->expect);
    }
}

/* vague_role and stale_role */

/* id, name, purpose, has_toolkit, n_goals, capacity, review_by */
typedef struct
{
  const char         *name;
  HearthHealthRole    role;
  Expect              vague[MAX_EXPECT];
  Expect              stale[MAX_EXPECT];
} RoleCase;

static const RoleCase role_cases[] = {
  { "described, reviewed on the reference day",
    { "r1", "Welcome team", "Greet newcomers", TRUE, 2, -1, D (0) }, { { 0 } }, { { 0 } } },
  { "nothing described, review overdue",
    { "r1", "Welcome team", NULL, FALSE, 0, -1, D (-1) },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no purpose, goals or toolkit",
        "Complete the description of Welcome team" } },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team was due for review on 2026-05-30",
        "Review Welcome team with the people in it" } } },
  { "a blank purpose is none; no review day",
    { "r1", "Welcome team", "  ", TRUE, 1, -1, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no purpose", NULL } }, { { 0 } } },
  { "no goals",
    { "r1", "Welcome team", "Greet", TRUE, 0, -1, D (30) },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no goals", NULL } }, { { 0 } } },
  { "no toolkit",
    { "r1", "Welcome team", "Greet", FALSE, 3, -1, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no toolkit", NULL } }, { { 0 } } },
  { "no goals or toolkit",
    { "r1", "Welcome team", "Greet", FALSE, 0, -1, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no goals or toolkit", NULL } },
    { { 0 } } },
  { "no purpose or goals",
    { "r1", "Welcome team", "", TRUE, 0, -1, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no purpose or goals", NULL } },
    { { 0 } } },
  { "no purpose or toolkit",
    { "r1", "Welcome team", NULL, FALSE, 1, -1, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has no purpose or toolkit", NULL } },
    { { 0 } } },
};

static void
test_roles (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_cases); i++)
    {
      const RoleCase *c = &role_cases[i];
      HearthHealthInput in = {
        .reference_day = REF_J,
        .hours_limit = 8,
        .roles = &c->role,
        .n_roles = 1,
      };
      g_autoptr(GPtrArray) vague = new_out ();
      g_autoptr(GPtrArray) stale = new_out ();

      g_test_message ("roles: %s", c->name);
      hearth_health_check_vague_role (&in, vague);
      assert_checks (vague, "vague_role", "roles", c->vague);
      hearth_health_check_stale_role (&in, stale);
      assert_checks (stale, "stale_role", "roles", c->stale);
    }
}

/* unfilled_role */

static const HearthHealthAssignment unfilled_assignments[] = {
  RUNNING ("a1", "ana", "Ana", "r1", 1),
  RUNNING ("a2", "ben", "Ben", "r1", 1),
  RUNNING ("a3", "cy", "Cy", "r1", 1),
  RUNNING ("a4", "ana", "Ana", "r2", 1),
  { "a5", "ben", "Ben", "r2", "r2", D (-100), 0, D (-10), 1 },
  { "a6", "cy", "Cy", "r2", "r2", D (5), 0, 0, 1 },
};

typedef struct
{
  const char         *name;
  HearthHealthRole    role;
  Expect              expect[MAX_EXPECT];
} UnfilledCase;

static const UnfilledCase unfilled_cases[] = {
  { "3 of 3 is filled", { "r1", "Welcome team", "x", TRUE, 1, 3, 0 }, { { 0 } } },
  { "over capacity is filled", { "r1", "Welcome team", "x", TRUE, 1, 2, 0 }, { { 0 } } },
  { "no capacity is skipped", { "r3", "Welcome team", "x", TRUE, 1, -1, 0 }, { { 0 } } },
  { "capacity 0", { "r3", "Welcome team", "x", TRUE, 1, 0, 0 }, { { 0 } } },
  { "ended and future assignments don't fill",
    { "r2", "Events", "x", TRUE, 1, 3, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r2", "Events has 1 of 3 places filled",
        "Look for candidates for Events" } } },
  { "one place", { "r3", "Support", "x", TRUE, 1, 1, 0 },
    { { HEARTH_SEVERITY_NOTICE, "r3", "Support has 0 of 1 place filled", NULL } } },
};

static void
test_unfilled_role (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (unfilled_cases); i++)
    {
      const UnfilledCase *c = &unfilled_cases[i];
      HearthHealthInput in = {
        .reference_day = REF_J,
        .hours_limit = 8,
        .roles = &c->role,
        .n_roles = 1,
        .assignments = unfilled_assignments,
        .n_assignments = G_N_ELEMENTS (unfilled_assignments),
      };
      g_autoptr(GPtrArray) out = new_out ();

      g_test_message ("unfilled_role: %s", c->name);
      hearth_health_check_unfilled_role (&in, out);
      assert_checks (out, "unfilled_role", "candidates", c->expect);
    }

  /* Three of three with one of them ended is a notice. */
  {
    static const HearthHealthRole role = { "r1", "Welcome team", "x", TRUE, 1, 3, 0 };
    HearthHealthAssignment a[3] = {
      RUNNING ("a1", "ana", "Ana", "r1", 1),
      RUNNING ("a2", "ben", "Ben", "r1", 1),
      { "a3", "cy", "Cy", "r1", "r1", D (-100), 0, D (-1), 1 },
    };
    HearthHealthInput in = {
      .reference_day = REF_J, .hours_limit = 8, .roles = &role, .n_roles = 1,
      .assignments = a, .n_assignments = 3,
    };
    g_autoptr(GPtrArray) out = new_out ();
    const Expect expect[] = {
      { HEARTH_SEVERITY_NOTICE, "r1", "Welcome team has 2 of 3 places filled", NULL },
      { 0 },
    };

    hearth_health_check_unfilled_role (&in, out);
    assert_checks (out, "unfilled_role", "candidates", expect);
  }
}

static void
test_run_roles (void)
{
  static const char * const keys[] = {
    "overload", "burnout", "rotation_due", "vague_role", "stale_role", "unfilled_role",
  };
  HearthHealthInput in = { .reference_day = REF_J, .hours_limit = 8 };
  g_autoptr(GPtrArray) out = hearth_health_run_roles (&in);

  g_assert_cmpuint (out->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < out->len; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (out, i);

      g_assert_cmpstr (check->key, ==, keys[i]);
      g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_OK);
    }

  g_assert_cmpstr (hearth_severity_to_string (HEARTH_SEVERITY_OK), ==, "ok");
  g_assert_cmpstr (hearth_severity_to_string (HEARTH_SEVERITY_NOTICE), ==, "notice");
  g_assert_cmpstr (hearth_severity_to_string (HEARTH_SEVERITY_WARNING), ==, "warning");
}

/* recognition_due */

typedef struct
{
  const char              *name;
  HearthHealthAmbassador   a[4];
  guint                    n;
  Expect                   expect[MAX_EXPECT];
} DueCase;

static const DueCase due_cases[] = {
  { "no ambassadors", { { 0 } }, 0, { { 0 } } },
  { "recognized exactly the interval ago is not due",
    { { "ana", "Ana", D (-60), 5 } }, 1, { { 0 } } },
  { "one day more is due",
    { { "ana", "Ana", D (-61), 5 } }, 1,
    { { HEARTH_SEVERITY_NOTICE, "ana", "Ana was last recognized on 2026-03-31, with 5 contributions since",
        "Plan a gesture for Ana" } } },
  { "twice the interval ago is still a notice",
    { { "ana", "Ana", D (-120), 1 } }, 1,
    { { HEARTH_SEVERITY_NOTICE, "ana", "Ana was last recognized on 2026-01-31, with 1 contribution since",
        NULL } } },
  { "more than twice the interval ago is a warning",
    { { "ana", "Ana", D (-121), 0 } }, 1,
    { { HEARTH_SEVERITY_WARNING, "ana", "Ana was last recognized on 2026-01-30, with 0 contributions since",
        "Plan a gesture for Ana" } } },
  { "recognized on the reference day is not due",
    { { "ana", "Ana", D (0), 5 } }, 1, { { 0 } } },
  { "never recognized is due",
    { { "ana", "Ana", 0, 1 } }, 1,
    { { HEARTH_SEVERITY_NOTICE, "ana", "Ana has never been recognized, with 1 contribution so far",
        "Plan a gesture for Ana" } } },
  { "most contribution first, then longest without recognition, then by name",
    { { "ana", "Ana", D (-61), 3 }, { "dee", "Dee", D (-10), 100 }, { "ben", "Ben", 0, 10 },
      { "cy", "Bo", D (-70), 3 } }, 4,
    { { HEARTH_SEVERITY_NOTICE, "ben", "Ben has never been recognized, with 10 contributions so far", NULL },
      { HEARTH_SEVERITY_NOTICE, "cy", "Bo was last recognized on 2026-03-22, with 3 contributions since", NULL },
      { HEARTH_SEVERITY_NOTICE, "ana", "Ana was last recognized on 2026-03-31, with 3 contributions since", NULL } } },
  { "equal contribution and day: by name",
    { { "z", "Cy", D (-61), 3 }, { "y", "Ana", D (-61), 3 } }, 2,
    { { HEARTH_SEVERITY_NOTICE, "y", "Ana was last recognized on 2026-03-31, with 3 contributions since", NULL },
      { HEARTH_SEVERITY_NOTICE, "z", "Cy was last recognized on 2026-03-31, with 3 contributions since", NULL } } },
};

static void
test_recognition_due (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      const DueCase *c = &due_cases[i];
      HearthHealthInput in = {
        .reference_day = REF_J,
        .recognition_interval_days = 60,
        .ambassadors = c->a,
        .n_ambassadors = c->n,
      };
      g_autoptr(GPtrArray) out = new_out ();

      g_test_message ("recognition_due: %s", c->name);
      hearth_health_check_recognition_due (&in, out);
      assert_checks (out, "recognition_due", "recognition", c->expect);
    }

  /* The OK check says what it looked at. */
  {
    HearthHealthInput in = { .reference_day = REF_J, .recognition_interval_days = 60 };
    g_autoptr(GPtrArray) out = new_out ();

    hearth_health_check_recognition_due (&in, out);
    g_assert_cmpstr (((HearthHealthCheck *)out->pdata[0])->sentence, ==,
                     "Every ambassador was recognized in the last 60 days");
  }
}

/* recognition_fairness */

typedef struct
{
  const char               *name;
  const char               *counts;    /* "id*count …": that many recognitions each, yesterday */
  HearthHealthRecognition   extra[3];  /* more, on other days */
  HearthSeverity            severity;
  const char               *sentence;
  const char               *top;       /* the subjects of a warning, space-separated */
} FairnessCase;

static const FairnessCase fairness_cases[] = {
  { "exactly 50 % is fair", "a*4 b*1 c*1 d*1 e*1", { { 0 } }, HEARTH_SEVERITY_OK,
    "50 % of recognitions in the last 180 days went to the top 20 % of recognized members (1 of 5 people)",
    NULL },
  { "above 50 % warns", "a*5 b*1 c*1 d*1 e*1", { { 0 } }, HEARTH_SEVERITY_WARNING,
    "56 % of recognitions in the last 180 days went to the top 20 % of recognized members (1 of 5 people)",
    "a" },
  { "180 days ago is outside the window", "a*4 b*1 c*1 d*1 e*1", { { "a", D (-180) } },
    HEARTH_SEVERITY_OK,
    "50 % of recognitions in the last 180 days went to the top 20 % of recognized members (1 of 5 people)",
    NULL },
  { "179 days ago is inside", "a*4 b*1 c*1 d*1 e*1", { { "a", D (-179) } },
    HEARTH_SEVERITY_WARNING,
    "56 % of recognitions in the last 180 days went to the top 20 % of recognized members (1 of 5 people)",
    "a" },
  { "the reference day counts; planned and future ones don't", "a*4 b*1 c*1 d*1",
    { { "e", D (0) }, { "a", 0 }, { "a", D (1) } }, HEARTH_SEVERITY_OK,
    "50 % of recognitions in the last 180 days went to the top 20 % of recognized members (1 of 5 people)",
    NULL },
  { "top 20 % rounds up, ties by id", "c*7 b*3 a*3 d*1 e*1 f*1 g*1 h*1 i*1", { { 0 } },
    HEARTH_SEVERITY_WARNING,
    "53 % of recognitions in the last 180 days went to the top 20 % of recognized members (2 of 9 people)",
    "c a" },
  { "evenly spread", "a*2 b*2 c*2 d*2 e*2 f*2", { { 0 } }, HEARTH_SEVERITY_OK,
    "33 % of recognitions in the last 180 days went to the top 20 % of recognized members (2 of 6 people)",
    NULL },
  { "just above 50 % never reads 50 %", "a*101 b*25 c*25 d*25 e*25", { { 0 } },
    HEARTH_SEVERITY_WARNING,
    "51 % of recognitions in the last 180 days went to the top 20 % of recognized members (1 of 5 people)",
    "a" },
  { "four people are too few to judge", "a*9 b*1 c*1 d*1", { { "e", D (-180) }, { "e", 0 } },
    HEARTH_SEVERITY_OK,
    "Only 4 people were recognized in the last 180 days: too few to judge fairness", NULL },
  { "one person is too few", "a*9", { { 0 } }, HEARTH_SEVERITY_OK,
    "Only 1 person was recognized in the last 180 days: too few to judge fairness", NULL },
  { "no one", "", { { "a", D (-200) } }, HEARTH_SEVERITY_OK,
    "No one was recognized in the last 180 days", NULL },
};

static void
test_recognition_fairness (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fairness_cases); i++)
    {
      const FairnessCase *c = &fairness_cases[i];
      g_auto(GStrv) tokens = g_strsplit (c->counts, " ", -1);
      g_autoptr(GArray) recognitions = g_array_new (FALSE, TRUE, sizeof (HearthHealthRecognition));
      g_autoptr(GPtrArray) out = new_out ();
      HearthHealthCheck *check;
      HearthHealthInput in = { .reference_day = REF_J, .recognition_interval_days = 60 };

      g_test_message ("recognition_fairness: %s", c->name);
      for (guint t = 0; tokens[t] != NULL; t++)
        {
          char *star = strchr (tokens[t], '*');
          guint n;

          if (star == NULL)
            continue;
          *star = '\0';
          n = (guint)g_ascii_strtoull (star + 1, NULL, 10);
          for (guint k = 0; k < n; k++)
            {
              HearthHealthRecognition r = { tokens[t], D (-1) };

              g_array_append_val (recognitions, r);
            }
        }
      for (guint k = 0; k < G_N_ELEMENTS (c->extra) && c->extra[k].member_id != NULL; k++)
        g_array_append_val (recognitions, c->extra[k]);

      in.recognitions = (const HearthHealthRecognition *)(gpointer)recognitions->data;
      in.n_recognitions = recognitions->len;
      hearth_health_check_recognition_fairness (&in, out);

      g_assert_cmpuint (out->len, ==, 1);
      check = g_ptr_array_index (out, 0);
      g_assert_cmpstr (check->key, ==, "recognition_fairness");
      g_assert_cmpstr (check->page, ==, "recognition");
      g_assert_cmpint (check->severity, ==, c->severity);
      g_assert_cmpstr (check->sentence, ==, c->sentence);
      g_assert_nonnull (check->subjects);
      if (c->top != NULL)
        {
          g_autofree char *top = g_strjoinv (" ", check->subjects);

          g_assert_cmpstr (top, ==, c->top);
          g_assert_cmpstr (check->action, ==, "Spread recognition: look at who is due");
        }
      else
        {
          g_assert_null (check->subjects[0]);
          g_assert_null (check->action);
        }
    }
}

/* The due list the guard is built on: the same members in the same order, with the severity
 * and the days since their last recognition (-1 never). */
static void
test_recognition_due_list (void)
{
  static const HearthHealthAmbassador ambassadors[] = {
    { "ana", "Ana", D (-61), 3 },
    { "dee", "Dee", D (-10), 100 },   /* recognized recently: not due */
    { "ben", "Ben", 0, 10 },
    { "cy", "Bo", D (-130), 3 },
    { "eve", "Eve", D (-60), 50 },    /* exactly the interval ago: not due */
  };
  HearthHealthInput in = {
    .reference_day = REF_J,
    .recognition_interval_days = 60,
    .ambassadors = ambassadors,
    .n_ambassadors = G_N_ELEMENTS (ambassadors),
  };
  g_autoptr(GArray) due = hearth_health_recognition_due (&in);
  g_autoptr(GPtrArray) out = new_out ();
  HearthHealthDue *d;

  g_assert_cmpuint (due->len, ==, 3);
  d = &g_array_index (due, HearthHealthDue, 0);
  g_assert_true (d->ambassador == &ambassadors[2]);
  g_assert_cmpint (d->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpint (d->days_since, ==, -1);
  d = &g_array_index (due, HearthHealthDue, 1);
  g_assert_true (d->ambassador == &ambassadors[3]);
  g_assert_cmpint (d->severity, ==, HEARTH_SEVERITY_WARNING);
  g_assert_cmpint (d->days_since, ==, 130);
  d = &g_array_index (due, HearthHealthDue, 2);
  g_assert_true (d->ambassador == &ambassadors[0]);
  g_assert_cmpint (d->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpint (d->days_since, ==, 61);

  /* The guard gives one check per entry, in the same order and with the same severity. */
  hearth_health_check_recognition_due (&in, out);
  g_assert_cmpuint (out->len, ==, due->len);
  for (guint i = 0; i < due->len; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (out, i);

      d = &g_array_index (due, HearthHealthDue, i);
      g_assert_cmpstr (check->subjects[0], ==, d->ambassador->id);
      g_assert_cmpint (check->severity, ==, d->severity);
    }

  /* Nobody due: an empty list. */
  {
    HearthHealthInput none = { .reference_day = REF_J, .recognition_interval_days = 60,
                               .ambassadors = &ambassadors[1], .n_ambassadors = 1 };
    g_autoptr(GArray) empty = hearth_health_recognition_due (&none);

    g_assert_cmpuint (empty->len, ==, 0);
  }
}

/* The fairness figure: two of eight members got most recognitions. */
static void
test_recognition_fairness_share (void)
{
  g_autoptr(GArray) recognitions = g_array_new (FALSE, TRUE, sizeof (HearthHealthRecognition));
  /* a: 6, b: 5, c–h: 1 each → 17 recognitions in the window; top 20 % of 8 is 2 (a, b). */
  static const struct { const char *id; guint n; } counts[] = {
    { "a", 6 }, { "b", 5 }, { "c", 1 }, { "d", 1 }, { "e", 1 }, { "f", 1 }, { "g", 1 }, { "h", 1 },
  };
  HearthHealthInput in = { .reference_day = REF_J, .recognition_interval_days = 60 };
  guint n_members = 0, n_recognitions = 0;
  double share;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    for (guint k = 0; k < counts[i].n; k++)
      {
        HearthHealthRecognition r = { counts[i].id, D (-(int)k) };

        g_array_append_val (recognitions, r);
      }
  /* Outside the window, planned, in the future: none of them counts. */
  {
    HearthHealthRecognition out_of_window[] = { { "c", D (-180) }, { "c", 0 }, { "h", D (3) } };

    g_array_append_vals (recognitions, out_of_window, G_N_ELEMENTS (out_of_window));
  }
  in.recognitions = (const HearthHealthRecognition *)(gpointer)recognitions->data;
  in.n_recognitions = recognitions->len;

  share = hearth_health_recognition_fairness_share (&in, &n_members, &n_recognitions);
  g_assert_cmpfloat_with_epsilon (share, 11.0 / 17.0, 1e-9);
  g_assert_cmpuint (n_members, ==, 8);
  g_assert_cmpuint (n_recognitions, ==, 17);
  g_assert_cmpfloat_with_epsilon (hearth_health_recognition_fairness_share (&in, NULL, NULL),
                                  11.0 / 17.0, 1e-9);

  /* The guard judges the same figure: 65 %, a warning naming a and b. */
  {
    g_autoptr(GPtrArray) out = new_out ();
    HearthHealthCheck *check;
    g_autofree char *top = NULL;

    hearth_health_check_recognition_fairness (&in, out);
    check = g_ptr_array_index (out, 0);
    g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_WARNING);
    g_assert_cmpstr (check->sentence, ==,
                     "65 % of recognitions in the last 180 days went to the top 20 % of recognized members (2 of 8 people)");
    top = g_strjoinv (" ", check->subjects);
    g_assert_cmpstr (top, ==, "a b");
  }

  /* Fewer than five recognized members: no figure (-1), the counts still given. */
  {
    HearthHealthRecognition few[] = {
      { "a", D (-1) }, { "a", D (-2) }, { "b", D (-1) }, { "c", D (-1) }, { "d", D (-1) },
    };
    HearthHealthInput small = { .reference_day = REF_J, .recognitions = few,
                                .n_recognitions = G_N_ELEMENTS (few) };

    share = hearth_health_recognition_fairness_share (&small, &n_members, &n_recognitions);
    g_assert_cmpfloat (share, ==, -1.0);
    g_assert_cmpuint (n_members, ==, 4);
    g_assert_cmpuint (n_recognitions, ==, 5);
  }

  /* Nobody at all. */
  {
    HearthHealthInput empty = { .reference_day = REF_J };

    g_assert_cmpfloat (hearth_health_recognition_fairness_share (&empty, &n_members, &n_recognitions),
                       ==, -1.0);
    g_assert_cmpuint (n_members, ==, 0);
    g_assert_cmpuint (n_recognitions, ==, 0);
  }
}

static void
test_run_recognition (void)
{
  HearthHealthInput in = { .reference_day = REF_J, .recognition_interval_days = 60 };
  g_autoptr(GPtrArray) out = hearth_health_run_recognition (&in);

  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpstr (((HearthHealthCheck *)out->pdata[0])->key, ==, "recognition_due");
  g_assert_cmpstr (((HearthHealthCheck *)out->pdata[1])->key, ==, "recognition_fairness");
  g_assert_cmpint (((HearthHealthCheck *)out->pdata[0])->severity, ==, HEARTH_SEVERITY_OK);
  g_assert_cmpint (((HearthHealthCheck *)out->pdata[1])->severity, ==, HEARTH_SEVERITY_OK);
}

/* feedback_stale: new or acknowledged items waiting more than feedback_stale_days (14 here);
 * exactly 14 days is not stale, 15 is a notice, 28 (twice) still a notice, 29 a warning;
 * planned, done, declined, future and undated items never are. Oldest first. */
static void
test_feedback_stale (void)
{
  static const HearthHealthFeedback feedback[] = {
    { "f-ana", "ana", "Ana", D (-14), "new" },             /* exactly the threshold: not yet */
    { "f-ben", "ben", "Ben", D (-15), "new" },             /* one day past: a notice */
    { "f-cy", "cy", "Cy", D (-29), "acknowledged" },       /* past twice the threshold: a warning */
    { "f-dee", "dee", "Dee", D (-28), "acknowledged" },    /* exactly twice: still a notice */
    { "f-eve", "eve", "Eve", D (-100), "planned" },        /* planned: answered enough */
    { "f-fay", "fay", "Fay", D (-100), "done" },
    { "f-gus", "gus", "Gus", D (-100), "declined" },
    { "f-anon", NULL, NULL, D (-20), "new" },              /* no member */
    { "f-later", "ana", "Ana", D (3), "new" },             /* after the reference day */
    { "f-undated", "ana", "Ana", 0, "new" },
  };
  static const Expect expect[MAX_EXPECT] = {
    { HEARTH_SEVERITY_WARNING, "f-cy", "Cy’s feedback from 2026-05-02 has waited 29 days for an answer",
      "Give Cy an answer and update the status" },
    { HEARTH_SEVERITY_NOTICE, "f-dee", "Dee’s feedback from 2026-05-03 has waited 28 days for an answer",
      NULL },
    { HEARTH_SEVERITY_NOTICE, "f-anon", "Feedback from 2026-05-11 has waited 20 days for an answer",
      "Answer it and update the status" },
    { HEARTH_SEVERITY_NOTICE, "f-ben", "Ben’s feedback from 2026-05-16 has waited 15 days for an answer",
      NULL },
  };
  HearthHealthInput in = {
    .reference_day = REF_J,
    .feedback_stale_days = 14,
    .feedback = feedback,
    .n_feedback = G_N_ELEMENTS (feedback),
  };
  g_autoptr(GPtrArray) out = new_out ();

  hearth_health_check_feedback_stale (&in, out);
  assert_checks (out, "feedback_stale", "feedback", expect);

  g_assert_false (hearth_health_feedback_is_stale (&in, &feedback[0]));
  g_assert_true (hearth_health_feedback_is_stale (&in, &feedback[1]));
  g_assert_false (hearth_health_feedback_is_stale (&in, &feedback[4]));
  g_assert_true (hearth_health_feedback_is_stale (&in, &feedback[7]));
  g_assert_false (hearth_health_feedback_is_stale (&in, &feedback[8]));

  /* A longer threshold: nothing is stale, and the OK check says what it looked for. */
  {
    g_autoptr(GPtrArray) ok = new_out ();
    static const Expect none[] = { { 0 } };

    in.feedback_stale_days = 30;
    hearth_health_check_feedback_stale (&in, ok);
    assert_checks (ok, "feedback_stale", "feedback", none);
    g_assert_cmpstr (((HearthHealthCheck *)ok->pdata[0])->sentence, ==,
                     "No feedback has waited more than 30 days for an answer");
    g_assert_cmpstr (((HearthHealthCheck *)ok->pdata[0])->page, ==, "feedback");
  }
}

/* round_without_outcome: closed rounds with no (or a blank) outcome, in input order; draft and
 * open rounds are not judged. */
static void
test_round_without_outcome (void)
{
  static const HearthHealthRound rounds[] = {
    { "r-draft", "Draft idea", "draft", FALSE },
    { "r-open", "Open call", "open", FALSE },
    { "r-done", "Decided", "closed", TRUE },
    { "r-spring", "Spring survey", "closed", FALSE },
    { "r-docs", "Docs day", "closed", FALSE },
  };
  static const Expect expect[MAX_EXPECT] = {
    { HEARTH_SEVERITY_WARNING, "r-spring", "The round “Spring survey” was closed without an outcome",
      "Write down what was decided and tell the ambassadors" },
    { HEARTH_SEVERITY_WARNING, "r-docs", "The round “Docs day” was closed without an outcome", NULL },
  };
  static const Expect none[] = { { 0 } };
  HearthHealthInput in = { .reference_day = REF_J, .rounds = rounds,
                           .n_rounds = G_N_ELEMENTS (rounds) };
  g_autoptr(GPtrArray) out = new_out ();
  g_autoptr(GPtrArray) ok = new_out ();

  hearth_health_check_round_without_outcome (&in, out);
  assert_checks (out, "round_without_outcome", "feedback", expect);

  /* Without the two closed ones, or without rounds at all: OK. */
  in.n_rounds = 3;
  hearth_health_check_round_without_outcome (&in, ok);
  assert_checks (ok, "round_without_outcome", "feedback", none);
  g_assert_cmpstr (((HearthHealthCheck *)ok->pdata[0])->sentence, ==,
                   "Every closed round has an outcome");
}

static void
test_run_feedback (void)
{
  HearthHealthInput in = { .reference_day = REF_J, .feedback_stale_days = 14 };
  g_autoptr(GPtrArray) out = hearth_health_run_feedback (&in);

  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpstr (((HearthHealthCheck *)out->pdata[0])->key, ==, "feedback_stale");
  g_assert_cmpstr (((HearthHealthCheck *)out->pdata[1])->key, ==, "round_without_outcome");
  g_assert_cmpint (((HearthHealthCheck *)out->pdata[0])->severity, ==, HEARTH_SEVERITY_OK);
  g_assert_cmpint (((HearthHealthCheck *)out->pdata[1])->severity, ==, HEARTH_SEVERITY_OK);
}

/* The loader */

#define TS "'" STAMP "', '" STAMP "'"

static void
test_load (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  HearthHealthCheck *check;

  test_sql (db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
           "('" PROGRAM "', 'Makers', '" REF "', " TS "), ('" OTHER "', 'Others', NULL, " TS ")");
  g_assert_true (hearth_settings_set_int (db, PROGRAM, HEARTH_SETTING_HOURS_LIMIT, 5, &error));
  g_assert_no_error (error);

  test_sql (db, "INSERT INTO member (id, program_id, display_name, created_at, updated_at) VALUES "
           "('ana', '" PROGRAM "', 'Ana', " TS "), ('ben', '" PROGRAM "', 'Ben', " TS "), "
           "('zed', '" OTHER "', 'Zed', " TS ")");
  test_sql (db, "INSERT INTO member (id, program_id, display_name, created_at, updated_at, deleted_at) "
           "VALUES ('gone', '" PROGRAM "', 'Gone', " TS ", '" STAMP "')");

  test_sql (db, "INSERT INTO role (id, program_id, name, purpose, toolkit, capacity, review_by, "
           "created_at, updated_at) VALUES "
           "('rw', '" PROGRAM "', 'Welcome team', 'Greet newcomers', 'A guide', 3, '2026-05-30', "
           TS "), ('ro', '" OTHER "', 'Elsewhere', NULL, NULL, 9, '2000-01-01', " TS ")");
  test_sql (db, "INSERT INTO role (id, program_id, name, created_at, updated_at, deleted_at) VALUES "
           "('rd', '" PROGRAM "', 'Deleted role', " TS ", '" STAMP "')");
  test_sql (db, "INSERT INTO role_goal (id, role_id, label, target_per_week, created_at, updated_at) "
           "VALUES ('g1', 'rw', 'Welcome', 2, " TS "), ('g2', 'rw', 'Answer', 3, " TS "), "
           "('g0', 'rw', 'Free text', 0, " TS ")");
  test_sql (db, "INSERT INTO role_goal (id, role_id, label, target_per_week, created_at, updated_at, "
           "deleted_at) VALUES ('gd', 'rw', 'Old goal', 4, " TS ", '" STAMP "')");

  test_sql (db, "INSERT INTO assignment (id, member_id, role_id, starts_on, ends_on, ended_on, "
           "hours_per_week, created_at, updated_at) VALUES "
           "('a-now', 'ana', 'rw', '2026-01-01', '2026-05-20', NULL, 6, " TS "), "
           "('a-old', 'ana', 'rw', '2025-01-01', NULL, '2025-12-31', 3, " TS "), "
           "('a-gone', 'gone', 'rw', '2026-01-01', NULL, NULL, 1, " TS "), "
           "('a-rd', 'ana', 'rd', '2026-01-01', NULL, NULL, 1, " TS "), "
           "('a-zed', 'zed', 'ro', '2026-01-01', NULL, NULL, 1, " TS ")");
  test_sql (db, "INSERT INTO assignment (id, member_id, role_id, starts_on, hours_per_week, "
           "created_at, updated_at, deleted_at) VALUES "
           "('a-del', 'ben', 'rw', '2026-01-01', 40, " TS ", '" STAMP "')");

  /* W19: g1 5 of 2 (counts 2), g2 1 of 3: 3/5. W20: no goal rows, no energy. W21: g1 0, g2
   * missing (counts 0), the deleted goal ignored: 0. W22 is deleted. */
  test_sql (db, "INSERT INTO checkin (id, assignment_id, iso_week, energy, created_at, updated_at) "
           "VALUES ('c19', 'a-now', '2026-W19', 2, " TS "), "
           "('c21', 'a-now', '2026-W21', 1, " TS "), "
           "('c20', 'a-now', '2026-W20', NULL, " TS "), "
           "('cg', 'a-gone', '2026-W21', 1, " TS "), "
           "('cd', 'a-del', '2026-W21', 1, " TS ")");
  test_sql (db, "INSERT INTO checkin (id, assignment_id, iso_week, energy, created_at, updated_at, "
           "deleted_at) VALUES ('c22', 'a-now', '2026-W22', 5, " TS ", '" STAMP "')");
  test_sql (db, "INSERT INTO checkin_goal (checkin_id, goal_id, achieved) VALUES "
           "('c19', 'g1', 5), ('c19', 'g2', 1), ('c19', 'g0', 7), ('c21', 'g1', 0), "
           "('c21', 'gd', 10)");

  in = hearth_health_load (db, PROGRAM, HEARTH_HEALTH_PART_ALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (in);

  g_assert_cmpuint (in->reference_day, ==, REF_J);
  g_assert_cmpuint (in->hours_limit, ==, 5);

  g_assert_cmpuint (in->n_roles, ==, 1);
  g_assert_cmpstr (in->roles[0].id, ==, "rw");
  g_assert_cmpstr (in->roles[0].name, ==, "Welcome team");
  g_assert_cmpstr (in->roles[0].purpose, ==, "Greet newcomers");
  g_assert_true (in->roles[0].has_toolkit);
  g_assert_cmpuint (in->roles[0].n_goals, ==, 3);
  g_assert_cmpint (in->roles[0].capacity, ==, 3);
  g_assert_cmpuint (in->roles[0].review_by, ==, D (-1));

  g_assert_cmpuint (in->n_assignments, ==, 2);
  g_assert_cmpstr (in->assignments[0].id, ==, "a-old");
  g_assert_cmpuint (in->assignments[0].ended_on, ==, D (-151));
  g_assert_cmpstr (in->assignments[1].id, ==, "a-now");
  g_assert_cmpstr (in->assignments[1].member_name, ==, "Ana");
  g_assert_cmpstr (in->assignments[1].role_name, ==, "Welcome team");
  g_assert_cmpuint (in->assignments[1].ends_on, ==, D (-11));
  g_assert_cmpuint (in->assignments[1].ended_on, ==, 0);
  g_assert_cmpfloat (in->assignments[1].hours, ==, 6);

  g_assert_cmpuint (in->n_checkins, ==, 3);
  g_assert_cmpstr (in->checkins[0].iso_week, ==, "2026-W19");
  g_assert_cmpstr (in->checkins[0].member_id, ==, "ana");
  g_assert_cmpint (in->checkins[0].energy, ==, 2);
  g_assert_cmpfloat_with_epsilon (in->checkins[0].completion, 0.6, 1e-9);
  g_assert_cmpstr (in->checkins[1].iso_week, ==, "2026-W20");
  g_assert_cmpint (in->checkins[1].energy, ==, 0);
  g_assert_cmpfloat (in->checkins[1].completion, ==, -1);
  g_assert_cmpstr (in->checkins[2].iso_week, ==, "2026-W21");
  g_assert_cmpint (in->checkins[2].energy, ==, 1);
  g_assert_cmpfloat (in->checkins[2].completion, ==, 0);

  out = hearth_health_run_roles (in);
  g_assert_cmpuint (out->len, ==, 6);

  check = g_ptr_array_index (out, 0);
  g_assert_cmpstr (check->key, ==, "overload");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_WARNING);
  g_assert_cmpstr (check->sentence, ==, "Ana: 6 hours a week across roles (limit 5)");

  check = g_ptr_array_index (out, 1);
  g_assert_cmpstr (check->key, ==, "burnout");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_WARNING);
  g_assert_cmpstr (check->sentence, ==, "Ana: low energy in the last two check-ins");

  check = g_ptr_array_index (out, 2);
  g_assert_cmpstr (check->key, ==, "rotation_due");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpstr (check->subjects[0], ==, "a-now");
  g_assert_cmpstr (check->sentence, ==, "Ana’s term in Welcome team ended 11 days ago");

  check = g_ptr_array_index (out, 3);
  g_assert_cmpstr (check->key, ==, "vague_role");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_OK);

  check = g_ptr_array_index (out, 4);
  g_assert_cmpstr (check->key, ==, "stale_role");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpstr (check->sentence, ==, "Welcome team was due for review on 2026-05-30");

  check = g_ptr_array_index (out, 5);
  g_assert_cmpstr (check->key, ==, "unfilled_role");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpstr (check->sentence, ==, "Welcome team has 1 of 3 places filled");

  /* A program without roles loads empty; an unknown one is an error. */
  {
    g_autoptr(HearthHealthInput) empty = NULL;
    g_autoptr(HearthHealthInput) none = NULL;

    test_sql (db, "UPDATE role SET deleted_at = '" STAMP "' WHERE id = 'ro'");
    empty = hearth_health_load (db, OTHER, HEARTH_HEALTH_PART_ALL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (empty->n_roles, ==, 0);
    g_assert_cmpuint (empty->n_assignments, ==, 0);
    g_assert_cmpuint (empty->n_checkins, ==, 0);
    g_assert_cmpuint (empty->hours_limit, ==, 8);

    none = hearth_health_load (db, "no-such-program", HEARTH_HEALTH_PART_ALL, &error);
    g_assert_null (none);
    g_assert_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND);
  }
}

/* The recognition part of the loader: ambassadors only, their last recognition (log entries
 * done, awards; not planned, future, deleted or of a deleted badge), their activity after it up
 * to the reference day, and the same checks as the same input written by hand. */
static void
test_load_recognition (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(HearthHealthInput) other = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) by_hand = NULL;
  g_autoptr(GError) error = NULL;
  static const HearthHealthAmbassador ambassadors[] = {
    { "ana", "Ana", D (-40), 5 },
    { "ben", "Ben", D (-10), 2 },
    { "cy", "Cy", 0, 9 },
  };
  static const HearthHealthRecognition recognitions[] = {
    { "ben", D (-50) }, { "ana", D (-40) }, { "ben", D (-10) }, { "dan", D (-5) },
  };
  HearthHealthInput hand = {
    .reference_day = REF_J,
    .hours_limit = 8,
    .recognition_interval_days = 30,
    .ambassadors = ambassadors,
    .n_ambassadors = G_N_ELEMENTS (ambassadors),
    .recognitions = recognitions,
    .n_recognitions = G_N_ELEMENTS (recognitions),
  };

  test_sql (db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
           "('" PROGRAM "', 'Makers', '" REF "', " TS "), ('" OTHER "', 'Others', '" REF "', " TS ")");
  g_assert_true (hearth_settings_set_int (db, PROGRAM, HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS, 30,
                                          &error));
  g_assert_no_error (error);

  test_sql (db, "INSERT INTO member (id, program_id, display_name, status, created_at, updated_at) "
           "VALUES ('ana', '" PROGRAM "', 'Ana', 'ambassador', " TS "), "
           "('ben', '" PROGRAM "', 'Ben', 'ambassador', " TS "), "
           "('cy', '" PROGRAM "', 'Cy', 'ambassador', " TS "), "
           "('dan', '" PROGRAM "', 'Dan', 'member', " TS "), "
           "('zed', '" OTHER "', 'Zed', 'ambassador', " TS ")");
  test_sql (db, "INSERT INTO member (id, program_id, display_name, status, created_at, updated_at, "
           "deleted_at) VALUES ('eve', '" PROGRAM "', 'Eve', 'ambassador', " TS ", '" STAMP "')");

  /* Ana: done on D-40; planned only, done in the future and deleted ones don't count. Ben:
   * done on D-50, then an award on D-10. Cy: only an award of a deleted badge. Dan is no
   * ambassador but counts for fairness. Eve is deleted. */
  test_sql (db, "INSERT INTO recognition (id, member_id, kind, planned_on, done_on, created_at, "
           "updated_at) VALUES "
           "('r1', 'ana', 'shout_out', NULL, '2026-04-21', " TS "), "
           "('r2', 'ana', 'gift', '2026-05-30', NULL, " TS "), "
           "('r3', 'ana', 'merch', NULL, '2026-06-05', " TS "), "
           "('r4', 'ben', 'spotlight', NULL, '2026-04-11', " TS "), "
           "('r5', 'dan', 'perk', NULL, '2026-05-26', " TS "), "
           "('r6', 'eve', 'perk', NULL, '2026-05-26', " TS "), "
           "('r7', 'zed', 'perk', NULL, '2026-05-26', " TS ")");
  test_sql (db, "INSERT INTO recognition (id, member_id, kind, done_on, created_at, updated_at, "
           "deleted_at) VALUES ('r8', 'ana', 'gift', '2026-05-30', " TS ", '" STAMP "')");
  test_sql (db, "INSERT INTO badge (id, program_id, name, created_at, updated_at) VALUES "
           "('b1', '" PROGRAM "', 'Helper', " TS ")");
  test_sql (db, "INSERT INTO badge (id, program_id, name, created_at, updated_at, deleted_at) VALUES "
           "('b2', '" PROGRAM "', 'Old badge', " TS ", '" STAMP "')");
  test_sql (db, "INSERT INTO award (id, badge_id, member_id, awarded_on, source, created_at, "
           "updated_at) VALUES ('w1', 'b1', 'ben', '2026-05-21', 'rule', " TS "), "
           "('w2', 'b2', 'cy', '2026-05-29', 'manual', " TS ")");
  test_sql (db, "INSERT INTO award (id, badge_id, member_id, awarded_on, created_at, updated_at, "
           "deleted_at) VALUES ('w3', 'b1', 'cy', '2026-05-29', " TS ", '" STAMP "')");

  /* Ana: not on the day of her recognition, nor after the reference day: 3 + 2. Ben: only
   * after his award. Cy: everything up to the reference day. */
  test_sql (db, "INSERT INTO activity (member_id, day, kind, count) VALUES "
           "('ana', '2026-04-21', 'message', 7), ('ana', '2026-04-22', 'message', 3), "
           "('ana', '2026-05-01', 'reply', 2), ('ana', '2026-06-02', 'message', 50), "
           "('ben', '2026-05-15', 'message', 10), ('ben', '2026-05-25', 'answer', 2), "
           "('cy', '2025-01-01', 'message', 8), ('cy', '2026-05-31', 'welcome', 1), "
           "('dan', '2026-05-01', 'message', 40), ('zed', '2026-05-01', 'message', 4)");

  in = hearth_health_load (db, PROGRAM, HEARTH_HEALTH_PART_ALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (in);
  g_assert_cmpuint (in->recognition_interval_days, ==, 30);

  g_assert_cmpuint (in->n_ambassadors, ==, G_N_ELEMENTS (ambassadors));
  for (guint i = 0; i < in->n_ambassadors; i++)
    {
      g_assert_cmpstr (in->ambassadors[i].id, ==, ambassadors[i].id);
      g_assert_cmpstr (in->ambassadors[i].name, ==, ambassadors[i].name);
      g_assert_cmpuint (in->ambassadors[i].last_recognized, ==, ambassadors[i].last_recognized);
      g_assert_cmpuint (in->ambassadors[i].contribution, ==, ambassadors[i].contribution);
    }
  g_assert_cmpuint (in->n_recognitions, ==, G_N_ELEMENTS (recognitions));
  for (guint i = 0; i < in->n_recognitions; i++)
    {
      g_assert_cmpstr (in->recognitions[i].member_id, ==, recognitions[i].member_id);
      g_assert_cmpuint (in->recognitions[i].day, ==, recognitions[i].day);
    }

  loaded = hearth_health_run_recognition (in);
  by_hand = hearth_health_run_recognition (&hand);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_assert_cmpuint (by_hand->len, ==, loaded->len);
  for (guint i = 0; i < loaded->len; i++)
    {
      HearthHealthCheck *x = g_ptr_array_index (loaded, i);
      HearthHealthCheck *y = g_ptr_array_index (by_hand, i);

      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpint (x->severity, ==, y->severity);
      g_assert_cmpstr (x->sentence, ==, y->sentence);
      g_assert_true (g_strv_equal ((const char * const *)x->subjects,
                                   (const char * const *)y->subjects));
    }
  g_assert_cmpstr (((HearthHealthCheck *)loaded->pdata[0])->sentence, ==,
                   "Cy has never been recognized, with 9 contributions so far");
  g_assert_cmpstr (((HearthHealthCheck *)loaded->pdata[1])->sentence, ==,
                   "Ana was last recognized on 2026-04-21, with 5 contributions since");
  g_assert_cmpint (((HearthHealthCheck *)loaded->pdata[1])->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpstr (((HearthHealthCheck *)loaded->pdata[2])->sentence, ==,
                   "Only 3 people were recognized in the last 180 days: too few to judge fairness");

  /* The other program: its own ambassador, the default interval. */
  other = hearth_health_load (db, OTHER, HEARTH_HEALTH_PART_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->recognition_interval_days, ==, 60);
  g_assert_cmpuint (other->n_ambassadors, ==, 1);
  g_assert_cmpstr (other->ambassadors[0].id, ==, "zed");
  g_assert_cmpuint (other->ambassadors[0].last_recognized, ==, D (-5));
  g_assert_cmpuint (other->ambassadors[0].contribution, ==, 0);
  g_assert_cmpuint (other->n_recognitions, ==, 1);
}

/* The feedback part of the loader: items of the program through their member, round or meeting
 * (not deleted ones, nor those of a deleted member or of another program, nor one tied to
 * nothing), rounds by title with their outcome judged blank or not, and feedback_stale_days. */
static void
test_load_feedback (void)
{
  g_autoptr(TestDir) td = test_dir_new ();
  g_autoptr(HearthDatabase) db = open_db (td->path);
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(HearthHealthInput) roles_only = NULL;
  g_autoptr(HearthHealthInput) other = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  HearthHealthCheck *check;

  test_sql (db, "INSERT INTO program (id, name, as_of, created_at, updated_at) VALUES "
           "('" PROGRAM "', 'Makers', '" REF "', " TS "), ('" OTHER "', 'Others', '" REF "', " TS ")");
  g_assert_true (hearth_settings_set_int (db, PROGRAM, HEARTH_SETTING_FEEDBACK_STALE_DAYS, 10,
                                          &error));
  g_assert_no_error (error);
  test_sql (db, "INSERT INTO member (id, program_id, display_name, created_at, updated_at) VALUES "
           "('ana', '" PROGRAM "', 'Ana', " TS "), ('zed', '" OTHER "', 'Zed', " TS ")");
  test_sql (db, "INSERT INTO member (id, program_id, display_name, created_at, updated_at, deleted_at) "
           "VALUES ('gone', '" PROGRAM "', 'Gone', " TS ", '" STAMP "')");
  test_sql (db, "INSERT INTO feedback_round (id, program_id, title, status, outcome, created_at, "
           "updated_at) VALUES "
           "('rr', '" PROGRAM "', 'Roadmap', 'closed', NULL, " TS "), "
           "('rb', '" PROGRAM "', 'Blank outcome', 'closed', '  ', " TS "), "
           "('rd', '" PROGRAM "', 'Decided', 'closed', 'We ship it', " TS "), "
           "('rf', '" PROGRAM "', 'Draft idea', 'draft', NULL, " TS "), "
           "('ro', '" OTHER "', 'Elsewhere', 'closed', NULL, " TS ")");
  test_sql (db, "INSERT INTO feedback_round (id, program_id, title, status, created_at, updated_at, "
           "deleted_at) VALUES ('rx', '" PROGRAM "', 'Deleted', 'closed', " TS ", '" STAMP "')");
  test_sql (db, "INSERT INTO meeting (id, program_id, held_on, created_at, updated_at) VALUES "
           "('mp', '" PROGRAM "', '2026-05-20', " TS ")");
  test_sql (db, "INSERT INTO feedback (id, round_id, meeting_id, member_id, received_on, status, "
           "created_at, updated_at) VALUES "
           "('fa', NULL, NULL, 'ana', '2026-05-01', 'new', " TS "), "
           "('fb', 'rr', NULL, NULL, '2026-05-10', 'acknowledged', " TS "), "
           "('fc', NULL, 'mp', NULL, '2026-05-20', 'new', " TS "), "
           "('fp', 'rr', NULL, 'ana', '2026-01-01', 'planned', " TS "), "
           "('fd', NULL, NULL, 'gone', '2026-01-01', 'new', " TS "), "
           "('ff', 'ro', NULL, 'zed', '2026-01-01', 'new', " TS "), "
           "('fg', NULL, NULL, NULL, '2026-01-01', 'new', " TS ")");
  test_sql (db, "INSERT INTO feedback (id, member_id, received_on, status, created_at, updated_at, "
           "deleted_at) VALUES ('fe', 'ana', '2026-01-01', 'new', " TS ", '" STAMP "')");

  in = hearth_health_load (db, PROGRAM, HEARTH_HEALTH_PART_ALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (in);
  g_assert_cmpuint (in->feedback_stale_days, ==, 10);

  g_assert_cmpuint (in->n_feedback, ==, 4);
  g_assert_cmpstr (in->feedback[0].id, ==, "fp");
  g_assert_cmpstr (in->feedback[0].status, ==, "planned");
  g_assert_cmpstr (in->feedback[1].id, ==, "fa");
  g_assert_cmpstr (in->feedback[1].member_id, ==, "ana");
  g_assert_cmpstr (in->feedback[1].member_name, ==, "Ana");
  g_assert_cmpuint (in->feedback[1].received_on, ==, D (-30));
  g_assert_cmpstr (in->feedback[2].id, ==, "fb");
  g_assert_null (in->feedback[2].member_id);
  g_assert_null (in->feedback[2].member_name);
  g_assert_cmpstr (in->feedback[3].id, ==, "fc");

  g_assert_cmpuint (in->n_rounds, ==, 4);
  g_assert_cmpstr (in->rounds[0].title, ==, "Blank outcome");
  g_assert_false (in->rounds[0].has_outcome);
  g_assert_cmpstr (in->rounds[1].title, ==, "Decided");
  g_assert_true (in->rounds[1].has_outcome);
  g_assert_cmpstr (in->rounds[2].status, ==, "draft");
  g_assert_cmpstr (in->rounds[3].id, ==, "rr");
  g_assert_cmpstr (in->rounds[3].status, ==, "closed");

  out = hearth_health_run_feedback (in);
  g_assert_cmpuint (out->len, ==, 5);
  check = g_ptr_array_index (out, 0);
  g_assert_cmpstr (check->key, ==, "feedback_stale");
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_WARNING);
  g_assert_cmpstr (check->subjects[0], ==, "fa");
  g_assert_cmpstr (check->sentence, ==, "Ana’s feedback from 2026-05-01 has waited 30 days for an answer");
  check = g_ptr_array_index (out, 1);
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_WARNING);
  g_assert_cmpstr (check->subjects[0], ==, "fb");
  check = g_ptr_array_index (out, 2);
  g_assert_cmpint (check->severity, ==, HEARTH_SEVERITY_NOTICE);
  g_assert_cmpstr (check->sentence, ==, "Feedback from 2026-05-20 has waited 11 days for an answer");
  check = g_ptr_array_index (out, 3);
  g_assert_cmpstr (check->key, ==, "round_without_outcome");
  g_assert_cmpstr (check->subjects[0], ==, "rb");
  check = g_ptr_array_index (out, 4);
  g_assert_cmpstr (check->subjects[0], ==, "rr");
  g_assert_cmpstr (check->sentence, ==, "The round “Roadmap” was closed without an outcome");

  /* Only the parts asked for are read. */
  roles_only = hearth_health_load (db, PROGRAM, HEARTH_HEALTH_PART_ROLES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles_only->n_feedback, ==, 0);
  g_assert_cmpuint (roles_only->n_rounds, ==, 0);

  /* The other program: its own item and round, the default threshold. */
  other = hearth_health_load (db, OTHER, HEARTH_HEALTH_PART_FEEDBACK, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->feedback_stale_days, ==, 14);
  g_assert_cmpuint (other->n_feedback, ==, 1);
  g_assert_cmpstr (other->feedback[0].id, ==, "ff");
  g_assert_cmpuint (other->n_rounds, ==, 1);
  g_assert_cmpstr (other->rounds[0].id, ==, "ro");
}

int
main (int   argc,
      char *argv[])
{
  /* The sentences are checked in English. */
  test_init_english (&argc, &argv, TRUE);

  g_test_add_func ("/core/health/overload", test_overload);
  g_test_add_func ("/core/health/burnout", test_burnout);
  g_test_add_func ("/core/health/rotation-due", test_rotation_due);
  g_test_add_func ("/core/health/vague-and-stale-role", test_roles);
  g_test_add_func ("/core/health/unfilled-role", test_unfilled_role);
  g_test_add_func ("/core/health/run-roles", test_run_roles);
  g_test_add_func ("/core/health/recognition-due", test_recognition_due);
  g_test_add_func ("/core/health/recognition-fairness", test_recognition_fairness);
  g_test_add_func ("/core/health/recognition-due-list", test_recognition_due_list);
  g_test_add_func ("/core/health/recognition-fairness-share", test_recognition_fairness_share);
  g_test_add_func ("/core/health/run-recognition", test_run_recognition);
  g_test_add_func ("/core/health/load", test_load);
  g_test_add_func ("/core/health/load-recognition", test_load_recognition);
  g_test_add_func ("/core/health/feedback-stale", test_feedback_stale);
  g_test_add_func ("/core/health/round-without-outcome", test_round_without_outcome);
  g_test_add_func ("/core/health/run-feedback", test_run_feedback);
  g_test_add_func ("/core/health/load-feedback", test_load_feedback);

  return g_test_run ();
}
