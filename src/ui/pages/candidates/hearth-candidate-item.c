/* hearth-candidate-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the Candidates list: a borrowed HearthCandidate, kept alive by a reference on the
 * score set it belongs to, with properties for the list's sorters.
 */

#define G_LOG_DOMAIN "hearth-candidate-item"

#include "config.h"

#include "hearth-candidate-item.h"

struct _HearthScoreSetRef
{
  gatomicrefcount  ref_count;
  HearthScoreSet  *set;
};

struct _HearthCandidateItem
{
  GObject            parent_instance;

  HearthScoreSetRef *set;
  guint              index;
};

G_DEFINE_FINAL_TYPE (HearthCandidateItem, hearth_candidate_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RANK,
  PROP_DISPLAY_NAME,
  PROP_OVERALL,
  PROP_CONSISTENCY,
  PROP_EMPATHY,
  PROP_ALIGNMENT,
  PROP_INITIATIVE,
  PROP_CREDIBILITY,
  PROP_STATUS,
  PROP_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HearthScoreSetRef *
hearth_score_set_ref_new (HearthScoreSet *set)
{
  HearthScoreSetRef *ref = g_new0 (HearthScoreSetRef, 1);

  g_atomic_ref_count_init (&ref->ref_count);
  ref->set = set;

  return ref;
}

HearthScoreSetRef *
hearth_score_set_ref_ref (HearthScoreSetRef *ref)
{
  g_atomic_ref_count_inc (&ref->ref_count);
  return ref;
}

void
hearth_score_set_ref_unref (HearthScoreSetRef *ref)
{
  if (ref != NULL && g_atomic_ref_count_dec (&ref->ref_count))
    {
      g_clear_pointer (&ref->set, hearth_score_set_free);
      g_free (ref);
    }
}

HearthScoreSet *
hearth_score_set_ref_get (HearthScoreSetRef *ref)
{
  return ref->set;
}

static void
hearth_candidate_item_finalize (GObject *object)
{
  HearthCandidateItem *self = (HearthCandidateItem *)object;

  g_clear_pointer (&self->set, hearth_score_set_ref_unref);

  G_OBJECT_CLASS (hearth_candidate_item_parent_class)->finalize (object);
}

static void
hearth_candidate_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HearthCandidateItem *self = HEARTH_CANDIDATE_ITEM (object);
  HearthCandidate *candidate = hearth_candidate_item_get_candidate (self);

  switch (prop_id)
    {
    case PROP_RANK:
      g_value_set_uint (value, self->index + 1);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, candidate->display_name);
      break;

    case PROP_OVERALL:
      g_value_set_double (value, candidate->assessed ? candidate->overall : -1);
      break;

    case PROP_CONSISTENCY:
    case PROP_EMPATHY:
    case PROP_ALIGNMENT:
    case PROP_INITIATIVE:
    case PROP_CREDIBILITY:
      g_value_set_double (value, hearth_candidate_item_get_trait (self, prop_id - PROP_CONSISTENCY));
      break;

    case PROP_STATUS:
      g_value_set_string (value, candidate->status);
      break;

    case PROP_FLAGS:
      g_value_set_uint (value, candidate->flags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_candidate_item_class_init (HearthCandidateItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hearth_candidate_item_finalize;
  object_class->get_property = hearth_candidate_item_get_property;

  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_OVERALL] = g_param_spec_double ("overall", NULL, NULL, -1, 100, -1, flags);
  /* In the order of HearthTrait. */
  properties[PROP_CONSISTENCY] = g_param_spec_double ("consistency", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_EMPATHY] = g_param_spec_double ("empathy", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_ALIGNMENT] = g_param_spec_double ("alignment", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_INITIATIVE] = g_param_spec_double ("initiative", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_CREDIBILITY] = g_param_spec_double ("credibility", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_FLAGS] = g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_candidate_item_init (HearthCandidateItem *self)
{
}

HearthCandidateItem *
hearth_candidate_item_new (HearthScoreSetRef *set,
                           guint              index)
{
  HearthCandidateItem *self;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (index < set->set->candidates->len, NULL);

  self = g_object_new (HEARTH_TYPE_CANDIDATE_ITEM, NULL);
  self->set = hearth_score_set_ref_ref (set);
  self->index = index;

  return self;
}

/**
 * hearth_candidate_item_get_candidate:
 *
 * Returns: (transfer none): the candidate, valid as long as the item
 */
HearthCandidate *
hearth_candidate_item_get_candidate (HearthCandidateItem *self)
{
  g_return_val_if_fail (HEARTH_IS_CANDIDATE_ITEM (self), NULL);

  return g_ptr_array_index (self->set->set->candidates, self->index);
}

guint
hearth_candidate_item_get_rank (HearthCandidateItem *self)
{
  g_return_val_if_fail (HEARTH_IS_CANDIDATE_ITEM (self), 0);

  return self->index + 1;
}

const char *
hearth_candidate_item_get_display_name (HearthCandidateItem *self)
{
  return hearth_candidate_item_get_candidate (self)->display_name;
}

double
hearth_candidate_item_get_overall (HearthCandidateItem *self)
{
  HearthCandidate *candidate = hearth_candidate_item_get_candidate (self);

  return candidate->assessed ? candidate->overall : -1;
}

double
hearth_candidate_item_get_trait (HearthCandidateItem *self,
                                 HearthTrait          trait)
{
  HearthCandidate *candidate = hearth_candidate_item_get_candidate (self);

  g_return_val_if_fail (trait < HEARTH_N_TRAITS, -1);

  return candidate->traits[trait].assessed ? candidate->traits[trait].score : -1;
}
