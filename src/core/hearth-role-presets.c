/* hearth-role-presets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The six role templates (DESIGN §1): welcome team, content highlighter, conversation starter,
 * event promoter, peer-support lead and culture keeper, each with a purpose, a description, a
 * short guide, a term, a capacity and one to three weekly goals. The texts are translated when
 * a role is created from a template: from then on they are the organizer's to edit.
 */

#define G_LOG_DOMAIN "hearth-role-presets"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-role.h"
#include "hearth-role-goal.h"
#include "hearth-role-presets.h"

static const HearthRolePreset presets[] = {
  {
    .preset = "welcome_team",
    .name = N_("Welcome Team"),
    .purpose = N_("Make every newcomer feel seen in their first days, so that they stay and "
                  "find their place."),
    .description = N_("Greets new members, answers their first questions and points them to "
                      "the people, channels and resources that fit their interests."),
    .toolkit = N_("Greet new members within a day of their arrival, by name.\n"
                  "Ask what brought them here and suggest one place or person to start with.\n"
                  "Keep a short list of links newcomers ask for most often, and update it.\n"
                  "Check back after a week with those who went quiet."),
    .term_weeks = 12,
    .capacity = 3,
    .goals = {
      { N_("Welcome new members"), 3, "welcome" },
      { N_("Follow up with a newcomer"), 1, NULL },
    },
  },
  {
    .preset = "content_highlighter",
    .name = N_("Content Highlighter"),
    .purpose = N_("Bring good work to the surface, so that contributors feel noticed and "
                  "members find what is worth reading."),
    .description = N_("Spots helpful posts, projects and answers, and shares them with a few "
                      "words on why they matter."),
    .toolkit = N_("Keep an eye out for posts that helped someone or taught you something.\n"
                  "Share them with one or two sentences on why they are worth a look.\n"
                  "Credit the author by name and ask before highlighting anything personal.\n"
                  "Spread the attention: look beyond the members everyone already knows."),
    .term_weeks = 12,
    .capacity = 2,
    .goals = {
      { N_("Share highlights"), 2, "content_shared" },
    },
  },
  {
    .preset = "conversation_starter",
    .name = N_("Conversation Starter"),
    .purpose = N_("Keep the community lively with open questions and topics that invite "
                  "everyone to take part."),
    .description = N_("Opens discussions on timely or recurring topics and helps quiet "
                      "threads get going."),
    .toolkit = N_("Start threads with an open question rather than a statement.\n"
                  "Keep a list of ideas: recent news, recurring themes, members' questions.\n"
                  "Reply to the first answers so that people see the thread is alive.\n"
                  "Invite quieter members to share their view."),
    .term_weeks = 12,
    .capacity = 3,
    .goals = {
      { N_("Start conversations"), 1, "thread_started" },
      { N_("Reply in other members' threads"), 3, "reply" },
    },
  },
  {
    .preset = "event_promoter",
    .name = N_("Event Promoter"),
    .purpose = N_("Make sure members hear about events in time and feel welcome to join."),
    .description = N_("Announces upcoming events, reminds members shortly before, and shares "
                      "what happened afterwards."),
    .toolkit = N_("Announce each event with its date, time zone and how to join.\n"
                  "Post a reminder a day before, and another when it starts.\n"
                  "Afterwards, share a short summary or recording for those who missed it.\n"
                  "Collect what attendees liked and what they would change."),
    .term_weeks = 12,
    .capacity = 2,
    .goals = {
      { N_("Promote events"), 1, "event_promoted" },
      { N_("Attend an event"), 1, "event_attended" },
    },
  },
  {
    .preset = "peer_support_lead",
    .name = N_("Peer-Support Lead"),
    .purpose = N_("Make sure no question goes unanswered, and help members help each other."),
    .description = N_("Answers questions, finds the right person when they cannot, and turns "
                      "frequent answers into shared guides."),
    .toolkit = N_("Look for unanswered questions first, oldest ones before new ones.\n"
                  "If you do not know the answer, bring in someone who does.\n"
                  "Listen before you solve: ask what has been tried already.\n"
                  "Turn answers you give often into a guide everyone can find."),
    .term_weeks = 12,
    .capacity = 3,
    .goals = {
      { N_("Answer questions"), 3, "answer" },
      { N_("Point someone to the right person"), 1, NULL },
    },
  },
  {
    .preset = "culture_keeper",
    .name = N_("Culture Keeper"),
    .purpose = N_("Keep the community's values and tone alive as it grows."),
    .description = N_("Sets an example in how members treat each other, recognizes "
                      "contributions, and raises concerns with the organizers early."),
    .toolkit = N_("Thank people publicly for contributions that reflect the community's "
                  "values.\n"
                  "Step in kindly when a discussion turns harsh, and take it private if needed.\n"
                  "Tell the organizers early about tensions or recurring complaints.\n"
                  "Remind members of the community guidelines with examples, not rules."),
    .term_weeks = 24,
    .capacity = 2,
    .goals = {
      { N_("Recognize a contribution"), 1, NULL },
    },
  },
};

/**
 * hearth_role_presets_get:
 *
 * Returns: (array length=n_presets): the six templates, in DESIGN §1 order; texts untranslated
 */
const HearthRolePreset *
hearth_role_presets_get (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);

  return presets;
}

/**
 * hearth_role_preset_lookup:
 * @preset: a role.preset value
 *
 * Returns: (nullable): its template; %NULL for "custom" and unknown values
 */
const HearthRolePreset *
hearth_role_preset_lookup (const char *preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (presets[i].preset, preset) == 0)
      return &presets[i];

  return NULL;
}

/**
 * hearth_role_create_from_preset:
 * @db: the write connection, inside the caller's transaction (a store job)
 * @program_id: a program
 * @preset: one of the six templates (not "custom", which has none)
 * @out_role_id: (out) (optional) (transfer full): the new role's id
 *
 * Creates a role from a template, with its goals. The texts are translated now, in the
 * current locale, and stored: the organizer can edit them like any other role's.
 */
gboolean
hearth_role_create_from_preset (HearthDatabase  *db,
                                const char      *program_id,
                                const char      *preset,
                                char           **out_role_id,
                                GError         **error)
{
  const HearthRolePreset *template = hearth_role_preset_lookup (preset);
  g_autoptr(HearthRole) role = NULL;
  const char *role_id;

  g_return_val_if_fail (HEARTH_IS_DATABASE (db), FALSE);

  if (template == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "role.preset: no template for %s", preset ? preset : "(null)");
      return FALSE;
    }

  role = hearth_role_new (program_id, _(template->name));
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_PRESET, template->preset);
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_PURPOSE, _(template->purpose));
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_DESCRIPTION,
                          _(template->description));
  hearth_record_set_text (HEARTH_RECORD (role), HEARTH_ROLE_TOOLKIT, _(template->toolkit));
  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_CAPACITY, template->capacity);
  hearth_record_set_int (HEARTH_RECORD (role), HEARTH_ROLE_TERM_WEEKS, template->term_weeks);

  if (!hearth_record_insert (HEARTH_RECORD (role), db, error))
    return FALSE;

  role_id = hearth_record_get_id (HEARTH_RECORD (role));

  for (guint i = 0; i < HEARTH_ROLE_PRESET_MAX_GOALS && template->goals[i].label != NULL; i++)
    {
      const HearthRolePresetGoal *goal = &template->goals[i];
      g_autoptr(HearthRoleGoal) record = hearth_role_goal_new (role_id, _(goal->label),
                                                               goal->target_per_week,
                                                               goal->metric);

      if (!hearth_record_insert (HEARTH_RECORD (record), db, error))
        return FALSE;
    }

  if (out_role_id != NULL)
    *out_role_id = g_strdup (role_id);

  return TRUE;
}
