/* hearth-candidates-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ranked candidates (DESIGN §5): scores computed on a worker thread with its own read-only
 * connection, recomputed (debounced) whenever the store changes; a sortable, searchable,
 * filterable column view; and beside it the selected member's evidence, nominations,
 * observations, roles, status history and the status workflow.
 *
 * Searching and filtering never re-score: they only change the list's filter.
 */

#define G_LOG_DOMAIN "hearth-candidates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-candidates-page.h"
#include "hearth-candidate-item.h"
#include "hearth-badge-tile.h"
#include "hearth-bar-chart.h"
#include "hearth-member.h"
#include "hearth-member-editor.h"
#include "hearth-nomination-editor.h"
#include "hearth-observation-editor.h"
#include "hearth-nomination.h"
#include "hearth-observation.h"
#include "hearth-record-list.h"
#include "hearth-scoring.h"
#include "hearth-sparkline.h"
#include "hearth-status-change.h"
#include "hearth-util.h"
#include "hearth-weak-ref.h"
#include "hearth-ui-text.h"

#define DAYS_PER_MONTH   30.4375

typedef enum
{
  COLUMN_RANK,
  COLUMN_NAME,
  COLUMN_OVERALL,
  COLUMN_TRAIT_FIRST,
  COLUMN_TRAIT_LAST = COLUMN_TRAIT_FIRST + HEARTH_N_TRAITS - 1,
  COLUMN_FLAGS,
  COLUMN_STATUS,
} ColumnKind;

struct _HearthCandidatesPage
{
  HearthPage          parent_instance;

  /* template widgets */
  GtkWidget          *add_nomination_button;
  GtkWidget          *add_observation_button;
  GtkWidget          *ambassador_button;
  GtkWidget          *back_revealer;
  GtkWidget          *badges_empty;
  GtkListBox         *badges_list;
  HearthBarChart     *bar_chart;
  GtkWidget          *bots_switch;
  GtkWidget          *candidate_button;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkWidget          *decline_button;
  GtkStack           *detail_stack;
  GtkWidget          *edit_button;
  GtkBox             *evidence_box;
  GtkPopover         *filter_popover;
  GtkListBox         *history_list;
  GtkWidget          *invite_button;
  GtkDropDown        *language_dropdown;
  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  GtkLabel           *name_label;
  GtkListBox         *nominations_list;
  GtkListBox         *observations_list;
  GtkLabel           *overall_label;
  GtkWidget          *pause_button;
  GtkDropDown        *region_dropdown;
  GtkLabel           *roles_label;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *segment_dropdown;
  HearthSparkline    *sparkline;
  GtkLabel           *sparkline_label;
  GtkSpinner         *spinner;
  GtkDropDown        *status_dropdown;
  GtkLabel           *status_label;
  GtkSpinButton      *tenure_spin;

  /* borrowed */
  GtkStack           *stack;             /* the page's own child */

  /* owned */
  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  HearthScoreSetRef  *set;
  GCancellable       *scoring;
  char               *selected_id;
  char               *search;            /* casefolded, NULL when empty */
  GPtrArray          *regions;           /* (element-type utf8) the filter choices, [0] = any */
  GPtrArray          *languages;
  GPtrArray          *segments;
  HearthRecordList   *nominations;
  HearthRecordList   *observations;
  HearthRecordList   *history;
};

G_DEFINE_FINAL_TYPE (HearthCandidatesPage, hearth_candidates_page, HEARTH_TYPE_PAGE)

static const char * const member_statuses[] = {
  "member", "candidate", "invited", "ambassador", "paused", "alumni", "declined",
};

static const char *
trait_label (HearthTrait trait)
{
  switch (trait)
    {
    case HEARTH_TRAIT_CONSISTENCY: return _("Consistency");
    case HEARTH_TRAIT_EMPATHY:     return _("Empathy");
    case HEARTH_TRAIT_ALIGNMENT:   return _("Alignment");
    case HEARTH_TRAIT_INITIATIVE:  return _("Initiative");
    case HEARTH_TRAIT_CREDIBILITY: return _("Credibility");
    case HEARTH_N_TRAITS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
trait_label_for_key (const char *key)
{
  for (guint i = 0; i < HEARTH_N_TRAITS; i++)
    if (g_strcmp0 (key, hearth_trait_to_string (i)) == 0)
      return trait_label (i);

  return key;
}

static const char *
flag_label (HearthCandidateFlags flag)
{
  switch (flag)
    {
    case HEARTH_CANDIDATE_FLAG_NEW:             return C_("candidate flag", "New");
    case HEARTH_CANDIDATE_FLAG_HAS_ROLE:        return C_("candidate flag", "Has role");
    case HEARTH_CANDIDATE_FLAG_DECLINED_BEFORE: return C_("candidate flag", "Declined before");
    case HEARTH_CANDIDATE_FLAG_INACTIVE:        return C_("candidate flag", "Inactive");
    case HEARTH_CANDIDATE_FLAG_BOT:             return C_("candidate flag", "Bot");
    default:
      g_assert_not_reached ();
    }
}

static const char *
confidence_label (HearthConfidence confidence)
{
  switch (confidence)
    {
    case HEARTH_CONFIDENCE_LOW:    return _("Low confidence");
    case HEARTH_CONFIDENCE_MEDIUM: return _("Medium confidence");
    case HEARTH_CONFIDENCE_HIGH:   return _("High confidence");
    case HEARTH_CONFIDENCE_NONE:
    default:
      return _("Not yet assessed");
    }
}

static const char *
consent_label (const char *consent)
{
  if (g_strcmp0 (consent, "open") == 0)
    return C_("nomination consent", "Not asked yet");
  if (g_strcmp0 (consent, "accepted") == 0)
    return C_("nomination consent", "Accepted");
  if (g_strcmp0 (consent, "declined") == 0)
    return C_("nomination consent", "Declined");

  return consent != NULL ? consent : "";
}

static char *
status_label_closure (HearthCandidateItem *item)
{
  return g_strdup (hearth_member_status_label (hearth_candidate_item_get_candidate (item)->status));
}

static HearthCandidate *
get_selected (HearthCandidatesPage *self)
{
  HearthCandidateItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? hearth_candidate_item_get_candidate (item) : NULL;
}

/* Casefolded, so "ÉMILE" finds "émile". */
static gboolean
text_matches (const char *text,
              const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);

  return strstr (folded, folded_needle) != NULL;
}

static const char *
dropdown_choice (GtkDropDown *dropdown,
                 GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected >= values->len)
    return NULL;

  return g_ptr_array_index (values, selected);
}

static gboolean
filter_candidate (gpointer item,
                  gpointer user_data)
{
  HearthCandidatesPage *self = user_data;
  HearthCandidate *candidate = hearth_candidate_item_get_candidate (item);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  double months = gtk_spin_button_get_value (self->tenure_spin);
  const char *value;

  if ((candidate->flags & HEARTH_CANDIDATE_FLAG_BOT) != 0 &&
      !gtk_switch_get_active (GTK_SWITCH (self->bots_switch)))
    return FALSE;

  if (self->search != NULL &&
      !text_matches (candidate->display_name, self->search) &&
      !text_matches (candidate->handle, self->search))
    return FALSE;

  if (status != GTK_INVALID_LIST_POSITION && status > 0 &&
      g_strcmp0 (candidate->status, member_statuses[status - 1]) != 0)
    return FALSE;

  if ((value = dropdown_choice (self->region_dropdown, self->regions)) != NULL &&
      g_strcmp0 (candidate->region, value) != 0)
    return FALSE;
  if ((value = dropdown_choice (self->language_dropdown, self->languages)) != NULL &&
      g_strcmp0 (candidate->language, value) != 0)
    return FALSE;
  if ((value = dropdown_choice (self->segment_dropdown, self->segments)) != NULL &&
      g_strcmp0 (candidate->segment, value) != 0)
    return FALSE;

  if (months > 0 && candidate->tenure_days < months * DAYS_PER_MONTH)
    return FALSE;

  return TRUE;
}

static void
update_count (HearthCandidatesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = NULL;

  if (shown == total)
    /* Translators: %'u is a number with the locale's digit grouping. */
    text = g_strdup_printf (ngettext ("%'u member", "%'u members", total), total);
  else
    /* Translators: "12 of 150 members"; %'u is a number with the locale's digit grouping. */
    text = g_strdup_printf (ngettext ("%'u of %'u member", "%'u of %'u members", total), shown,
                            total);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-match");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Fills a dropdown with "Any" and the distinct values, keeping the chosen value if it is still
 * there. */
static void
fill_choices (GtkDropDown  *dropdown,
              GPtrArray   **values,
              GPtrArray    *candidates,
              gsize         offset)
{
  g_autofree char *chosen = g_strdup (dropdown_choice (dropdown, *values));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *fresh = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *value = G_STRUCT_MEMBER (const char *, g_ptr_array_index (candidates, i), offset);

      if (value != NULL && *value != '\0' && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (sorted, (gpointer) value);
    }
  g_ptr_array_sort (sorted, compare_strings);

  g_ptr_array_add (fresh, NULL);
  gtk_string_list_append (strings, C_("filter choice", "Any"));
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *value = g_ptr_array_index (sorted, i);

      if (g_strcmp0 (value, chosen) == 0)
        selected = fresh->len;
      g_ptr_array_add (fresh, g_strdup (value));
      gtk_string_list_append (strings, value);
    }

  /* The old values must stay valid while the dropdown notifies. */
  g_ptr_array_unref (*values);
  *values = fresh;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, selected);
}

static char *
load_roles (HearthCandidatesPage *self,
            const char           *member_id)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  HearthDatabase *reader;
  int rc;

  if (store == NULL)
    return NULL;
  reader = hearth_store_get_reader (store);
  stmt = hearth_database_prepare (reader,
                                  "SELECT r.name FROM assignment a JOIN role r ON r.id = a.role_id "
                                  "WHERE a.member_id = ?1 AND a.deleted_at IS NULL "
                                  "AND r.deleted_at IS NULL AND a.ended_on IS NULL "
                                  "ORDER BY r.name", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the roles: %s", error->message);
      return NULL;
    }
  hearth_bind_text (stmt, 1, member_id);
  while ((rc = hearth_database_step (reader, stmt, &error)) == SQLITE_ROW)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, hearth_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    g_warning ("Could not read the roles: %s", error ? error->message : "");

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static const char *
badge_tier_label (const char *tier)
{
  if (g_strcmp0 (tier, "gold") == 0)
    return C_("badge tier", "Gold");
  if (g_strcmp0 (tier, "silver") == 0)
    return C_("badge tier", "Silver");
  return C_("badge tier", "Bronze");
}

/* One row of the Badges section: a small tile, the badge's name and the day it was given. */
static GtkWidget *
create_badge_row (sqlite3_stmt *stmt)
{
  const char *name = hearth_column_text (stmt, 0);
  const char *tier = hearth_column_text (stmt, 3);
  const char *day = hearth_column_text (stmt, 4);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *tile = hearth_badge_tile_new (32);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *day_label = gtk_label_new (day);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  hearth_badge_tile_set_badge (HEARTH_BADGE_TILE (tile), name, hearth_column_text (stmt, 1),
                               hearth_column_text (stmt, 2), tier);
  gtk_widget_set_valign (tile, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), tile);

  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), name_label);
  gtk_label_set_xalign (GTK_LABEL (day_label), 0);
  gtk_widget_add_css_class (day_label, "caption");
  gtk_widget_add_css_class (day_label, "dim-label");
  gtk_widget_add_css_class (day_label, "numeric");
  gtk_box_append (GTK_BOX (text), day_label);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: a badge a member holds, for screen readers: "Warm Welcome, Gold badge,
   * awarded 2026-05-01" */
  accessible = g_strdup_printf (_("%s, %s badge, awarded %s"), name, badge_tier_label (tier),
                                day != NULL ? day : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

/* The member's live awards of live badges, newest first; read like the roles, on the reader. */
static void
load_badges (HearthCandidatesPage *self,
             const char           *member_id)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HearthDatabase *reader;
  GtkWidget *child;
  guint n = 0;
  int rc;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges_list))) != NULL)
    gtk_list_box_remove (self->badges_list, child);

  if (store != NULL)
    {
      reader = hearth_store_get_reader (store);
      stmt = hearth_database_prepare (reader,
                                      "SELECT b.name, b.icon, b.color, b.tier, a.awarded_on "
                                      "FROM award a JOIN badge b ON b.id = a.badge_id "
                                      "WHERE a.member_id = ?1 AND a.deleted_at IS NULL "
                                      "AND b.deleted_at IS NULL "
                                      "ORDER BY a.awarded_on DESC, b.name", &error);
      if (stmt == NULL)
        g_warning ("Could not read the badges: %s", error->message);
    }
  if (stmt != NULL)
    {
      hearth_bind_text (stmt, 1, member_id);
      while ((rc = hearth_database_step (reader, stmt, &error)) == SQLITE_ROW)
        {
          gtk_list_box_append (self->badges_list, create_badge_row (stmt));
          n++;
        }
      if (rc != SQLITE_DONE)
        g_warning ("Could not read the badges: %s", error ? error->message : "");
    }

  gtk_widget_set_visible (self->badges_empty, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->badges_list), n > 0);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
show_workflow_button (GtkWidget  *button,
                      const char *from,
                      const char *to)
{
  /* The flow box wraps each button in a child: hide that, or an empty cell stays. */
  gtk_widget_set_visible (gtk_widget_get_parent (button), hearth_member_status_can_change (from, to));
}

static void
update_workflow (HearthCandidatesPage *self,
                 const char           *status)
{
  show_workflow_button (self->candidate_button, status, "candidate");
  show_workflow_button (self->invite_button, status, "invited");
  show_workflow_button (self->ambassador_button, status, "ambassador");
  show_workflow_button (self->decline_button, status, "declined");
  show_workflow_button (self->pause_button, status, "paused");
}

static void
update_detail (HearthCandidatesPage *self)
{
  HearthCandidate *candidate = get_selected (self);
  const char *labels[HEARTH_N_TRAITS];
  double values[HEARTH_N_TRAITS];
  g_autoptr(GString) status = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *activity = NULL;
  GtkWidget *child;
  guint32 peak = 0, total = 0;

  g_free (self->selected_id);
  self->selected_id = candidate != NULL ? g_strdup (candidate->member_id) : NULL;

  if (self->nominations != NULL)
    {
      hearth_record_list_set_value (self->nominations, self->selected_id);
      hearth_record_list_set_value (self->observations, self->selected_id);
      hearth_record_list_set_value (self->history, self->selected_id);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "candidates.edit-member", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "candidates.change-status", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "candidates.decline", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "candidates.add-nomination", candidate != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "candidates.add-observation", candidate != NULL);

  if (candidate == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_label_set_label (self->name_label, candidate->display_name);

  status = g_string_new (hearth_member_status_label (candidate->status));
  if (candidate->handle != NULL)
    g_string_append_printf (status, " · %s", candidate->handle);
  for (guint i = 0; i < HEARTH_N_CANDIDATE_FLAGS; i++)
    if (candidate->flags & (1 << i))
      g_string_append_printf (status, " · %s", flag_label (1 << i));
  gtk_label_set_label (self->status_label, status->str);
  update_workflow (self, candidate->status);

  if (candidate->assessed)
    /* Translators: the overall score above the trait chart */
    overall = g_strdup_printf (_("Overall %.0f"), candidate->overall);
  else
    overall = g_strdup (_("Not yet assessed"));
  gtk_label_set_label (self->overall_label, overall);

  for (guint i = 0; i < HEARTH_N_TRAITS; i++)
    {
      labels[i] = trait_label (i);
      values[i] = candidate->traits[i].assessed ? candidate->traits[i].score : -1;
    }
  hearth_bar_chart_set_bars (self->bar_chart, HEARTH_N_TRAITS, labels, values);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_box))) != NULL)
    gtk_box_remove (self->evidence_box, child);
  for (guint i = 0; i < HEARTH_N_TRAITS; i++)
    {
      const HearthTraitScore *trait = &candidate->traits[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      g_autofree char *heading = NULL;

      if (trait->confidence != HEARTH_CONFIDENCE_NONE)
        /* Translators: a trait and how sure its score is: "Consistency · High confidence" */
        heading = g_strdup_printf (_("%s · %s"), trait_label (i),
                                   confidence_label (trait->confidence));
      else
        heading = g_strdup (trait_label (i));

      gtk_box_append (GTK_BOX (box), make_label (heading, "heading"));
      for (guint j = 0; trait->evidence != NULL && trait->evidence[j] != NULL; j++)
        gtk_box_append (GTK_BOX (box), make_label (trait->evidence[j], NULL));
      if (trait->evidence == NULL || trait->evidence[0] == NULL)
        gtk_box_append (GTK_BOX (box),
                        make_label (i == HEARTH_TRAIT_ALIGNMENT && !trait->assessed
                                    ? _("Add an observation to assess alignment.")
                                    : _("No evidence yet."), "dim-label"));
      gtk_box_append (self->evidence_box, box);
    }

  hearth_sparkline_set_values (self->sparkline, candidate->weekly, HEARTH_SCORING_SPARK_WEEKS);
  for (guint i = 0; i < HEARTH_SCORING_SPARK_WEEKS; i++)
    {
      peak = MAX (peak, candidate->weekly[i]);
      total += candidate->weekly[i];
    }
  /* Translators: under the weekly activity chart */
  activity = g_strdup_printf (_("Last %u weeks: %u in total, peak %u in one week"),
                              HEARTH_SCORING_SPARK_WEEKS, total, peak);
  gtk_label_set_label (self->sparkline_label, activity);

  roles = load_roles (self, candidate->member_id);
  gtk_label_set_label (self->roles_label, roles != NULL ? roles : _("No role yet"));
  load_badges (self, candidate->member_id);
}

static gboolean
select_member (HearthCandidatesPage *self,
               const char           *member_id)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; member_id != NULL && i < n; i++)
    {
      g_autoptr(HearthCandidateItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (hearth_candidate_item_get_candidate (item)->member_id, member_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
show_score_set (HearthCandidatesPage *self,
                HearthScoreSet       *set)
{
  g_autofree char *selected = g_strdup (self->selected_id);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HearthScoreSetRef) ref = hearth_score_set_ref_new (set);

  for (guint i = 0; i < set->candidates->len; i++)
    g_ptr_array_add (items, hearth_candidate_item_new (ref, i));

  /* Refill the choices before the list, so the filter runs once with the final values. */
  fill_choices (self->region_dropdown, &self->regions, set->candidates,
                G_STRUCT_OFFSET (HearthCandidate, region));
  fill_choices (self->language_dropdown, &self->languages, set->candidates,
                G_STRUCT_OFFSET (HearthCandidate, language));
  fill_choices (self->segment_dropdown, &self->segments, set->candidates,
                G_STRUCT_OFFSET (HearthCandidate, segment));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  g_clear_pointer (&self->set, hearth_score_set_ref_unref);
  self->set = g_steal_pointer (&ref);

  if (!select_member (self, selected))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_detail (self);
  update_count (self);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, set->candidates->len > 0 ? "list" : "empty");
}

/* On a worker thread: @data is the program's id. */
static gpointer
read_scores (HearthDatabase  *db,
             gpointer         data,
             GCancellable    *cancellable,
             GError         **error)
{
  return hearth_scoring_run (db, data, cancellable, error);
}

static void
score_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HearthCandidatesPage) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthScoreSet) set = hearth_page_read_finish (result, &error);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  /* A newer run replaced this one, or the page went away. */
  if (self == NULL || cancellable != self->scoring || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->scoring);

  if (set == NULL)
    {
      g_warning ("Could not score the candidates: %s", error->message);
      gtk_spinner_stop (self->spinner);
      if (self->set == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (g_strcmp0 (set->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0)
    return;

  show_score_set (self, g_steal_pointer (&set));
}

/* HearthPage's reload vfunc: the page is shown. Scores are computed only then. */
static void
rescore (HearthPage *page)
{
  HearthCandidatesPage *self = HEARTH_CANDIDATES_PAGE (page);
  const char *program_id = hearth_page_get_program_id (HEARTH_PAGE (self));

  if (self->scoring != NULL)
    g_cancellable_cancel (self->scoring);
  g_clear_object (&self->scoring);

  if (hearth_page_get_store (page) == NULL || program_id == NULL)
    return;

  if (self->set == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->scoring = g_cancellable_new ();
  hearth_page_read_async (page, read_scores, g_strdup (program_id), g_free,
                          (GDestroyNotify) hearth_score_set_free, self->scoring, score_done_cb,
                          hearth_weak_ref_new (self));
}

static void
clear_scores (HearthCandidatesPage *self)
{
  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->set, hearth_score_set_ref_unref);
  g_clear_pointer (&self->selected_id, g_free);
  update_detail (self);
}

static void
program_changed_cb (HearthCandidatesPage *self)
{
  if (self->set != NULL &&
      g_strcmp0 (hearth_score_set_ref_get (self->set)->program_id, hearth_page_get_program_id (HEARTH_PAGE (self))) != 0)
    clear_scores (self);
  hearth_page_reload (HEARTH_PAGE (self));
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *suffix,
          gboolean    activatable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = escape (title);
  g_autofree char *escaped_subtitle = escape (subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  if (activatable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static GtkWidget *
create_nomination_row (gpointer item,
                       gpointer user_data)
{
  HearthNomination *nomination = item;
  const char *nominator = hearth_nomination_get_nominator_name (nomination);
  GtkWidget *row;

  row = make_row (nominator != NULL ? nominator : _("Someone outside the program"),
                  hearth_nomination_get_reason (nomination),
                  consent_label (hearth_nomination_get_consent (nomination)), TRUE);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (item), g_object_unref);

  return row;
}

static GtkWidget *
create_observation_row (gpointer item,
                        gpointer user_data)
{
  HearthObservation *observation = item;
  const char *note = hearth_observation_get_note (observation);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: an observation: "Alignment: 4 of 5" */
  title = g_strdup_printf (_("%s: %d of 5"),
                           trait_label_for_key (hearth_observation_get_trait (observation)),
                           (int) hearth_observation_get_rating (observation));
  if (note != NULL)
    subtitle = g_strdup_printf ("%s · %s", hearth_observation_get_observed_on (observation), note);
  else
    subtitle = g_strdup (hearth_observation_get_observed_on (observation));
  row = make_row (title, subtitle, NULL, TRUE);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (item), g_object_unref);

  return row;
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  HearthStatusChange *change = item;
  const char *note = hearth_status_change_get_note (change);
  g_autofree char *subtitle = NULL;

  if (note != NULL)
    subtitle = g_strdup_printf ("%s · %s", hearth_status_change_get_changed_on (change), note);
  else
    subtitle = g_strdup (hearth_status_change_get_changed_on (change));

  return make_row (hearth_member_status_label (hearth_status_change_get_status (change)), subtitle,
                   NULL, FALSE);
}

/* The record list reads oldest first; the history shows the newest on top. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  int order = -g_strcmp0 (hearth_status_change_get_changed_on ((HearthStatusChange *) a),
                          hearth_status_change_get_changed_on ((HearthStatusChange *) b));

  if (order == 0)
    order = -g_strcmp0 (hearth_record_get_created_at ((HearthRecord *) a),
                        hearth_record_get_created_at ((HearthRecord *) b));

  return order;
}

static void
bind_lists (HearthCandidatesPage *self)
{
  GtkSortListModel *history = NULL;

  if (self->history != NULL)
    history = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->history)),
                                       GTK_SORTER (gtk_custom_sorter_new (compare_newest_first,
                                                                          NULL, NULL)));

  gtk_list_box_bind_model (self->nominations_list, G_LIST_MODEL (self->nominations),
                           create_nomination_row, self, NULL);
  gtk_list_box_bind_model (self->observations_list, G_LIST_MODEL (self->observations),
                           create_observation_row, self, NULL);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (history),
                           create_history_row, self, NULL);
  g_clear_object (&history);
}

static void
store_set_cb (HearthCandidatesPage *self)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));

  g_clear_object (&self->nominations);
  g_clear_object (&self->observations);
  g_clear_object (&self->history);
  if (store != NULL)
    {
      self->nominations = hearth_record_list_new (store, HEARTH_TYPE_NOMINATION, "nominee_id",
                                                  NULL);
      self->observations = hearth_record_list_new (store, HEARTH_TYPE_OBSERVATION, "member_id",
                                                   NULL);
      self->history = hearth_record_list_new (store, HEARTH_TYPE_STATUS_CHANGE, "member_id",
                                              NULL);
    }
  bind_lists (self);

  clear_scores (self);
  hearth_page_reload (HEARTH_PAGE (self));
}

static void
selection_changed_cb (HearthCandidatesPage *self)
{
  update_detail (self);
}

static void
row_activated_cb (HearthCandidatesPage *self,
                  guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
leaflet_folded_cb (HearthCandidatesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Hidden, not only unrevealed: an unfolded pane starts right at the top. */
  gtk_widget_set_visible (self->back_revealer, folded);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->back_revealer), folded);
}

static void
back_clicked_cb (HearthCandidatesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_changed_cb (HearthCandidatesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Enter in the search opens the first match. */
static void
search_activate_cb (HearthCandidatesPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    return;

  row_activated_cb (self, 0);
}

static void
stop_search_cb (HearthCandidatesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (HearthCandidatesPage *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* The selected member as a record, fresh from the reader. */
static HearthMember *
load_selected_member (HearthCandidatesPage *self)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  g_autoptr(GError) error = NULL;
  HearthMember *member;

  if (store == NULL || self->selected_id == NULL)
    return NULL;

  member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, hearth_store_get_reader (store),
                                     self->selected_id, FALSE, &error);
  if (member == NULL && error != NULL)
    g_warning ("Could not load the member: %s", error->message);

  return member;
}

static void
present (GtkWindow *window)
{
  if (window != NULL)
    gtk_window_present (window);
}

static void
open_nomination_editor (HearthCandidatesPage *self,
                        HearthNomination     *nomination)
{
  g_autoptr(HearthMember) member = load_selected_member (self);

  if (member != NULL)
    present (hearth_nomination_editor_new (hearth_page_get_window (HEARTH_PAGE (self)),
                                           hearth_page_get_store (HEARTH_PAGE (self)),
                                           member, nomination));
}

static void
open_observation_editor (HearthCandidatesPage *self,
                         HearthObservation    *observation)
{
  g_autoptr(HearthMember) member = load_selected_member (self);

  if (member != NULL)
    present (hearth_observation_editor_new (hearth_page_get_window (HEARTH_PAGE (self)),
                                            hearth_page_get_store (HEARTH_PAGE (self)),
                                            member, observation));
}

static void
nomination_activated_cb (HearthCandidatesPage *self,
                         GtkListBoxRow        *row)
{
  open_nomination_editor (self, g_object_get_data (G_OBJECT (row), "record"));
}

static void
observation_activated_cb (HearthCandidatesPage *self,
                          GtkListBoxRow        *row)
{
  open_observation_editor (self, g_object_get_data (G_OBJECT (row), "record"));
}

/* Columns */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  switch ((int) kind)
    {
    case COLUMN_RANK:
    case COLUMN_OVERALL:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1);
      gtk_widget_add_css_class (child, "numeric");
      if (kind == COLUMN_OVERALL)
        gtk_widget_add_css_class (child, "heading");
      else
        gtk_widget_add_css_class (child, "dim-label");
      break;

    case COLUMN_NAME:
      {
        GtkWidget *name = gtk_label_new (NULL);
        GtkWidget *handle = gtk_label_new (NULL);

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
        gtk_label_set_xalign (GTK_LABEL (name), 0);
        gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
        gtk_label_set_xalign (GTK_LABEL (handle), 0);
        gtk_label_set_ellipsize (GTK_LABEL (handle), PANGO_ELLIPSIZE_END);
        gtk_widget_add_css_class (handle, "dim-label");
        gtk_widget_add_css_class (handle, "caption");
        gtk_box_append (GTK_BOX (child), name);
        gtk_box_append (GTK_BOX (child), handle);
      }
      break;

    case COLUMN_FLAGS:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      for (guint i = 0; i < HEARTH_N_CANDIDATE_FLAGS; i++)
        {
          GtkWidget *chip = gtk_label_new (flag_label (1 << i));

          gtk_widget_add_css_class (chip, "candidate-flag");
          gtk_widget_add_css_class (chip, "caption");
          gtk_box_append (GTK_BOX (child), chip);
        }
      break;

    case COLUMN_STATUS:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      break;

    default:
      {
        GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
        GtkWidget *value = gtk_label_new (NULL);

        /* No low/high offsets: the bar is a score, not a battery, so it keeps the accent. */
        gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
        gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
        gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
        gtk_widget_set_size_request (bar, 48, -1);
        gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
        gtk_widget_set_hexpand (bar, TRUE);
        gtk_label_set_width_chars (GTK_LABEL (value), 3);
        gtk_label_set_xalign (GTK_LABEL (value), 1);
        gtk_widget_add_css_class (value, "numeric");
        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_append (GTK_BOX (child), bar);
        gtk_box_append (GTK_BOX (child), value);
      }
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  HearthCandidateItem *item = gtk_list_item_get_item (list_item);
  HearthCandidate *candidate = hearth_candidate_item_get_candidate (item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  switch ((int) kind)
    {
    case COLUMN_RANK:
      text = g_strdup_printf ("%u", hearth_candidate_item_get_rank (item));
      gtk_label_set_label (GTK_LABEL (child), text);
      break;

    case COLUMN_OVERALL:
      if (candidate->assessed)
        text = g_strdup_printf ("%.0f", candidate->overall);
      gtk_label_set_label (GTK_LABEL (child), text != NULL ? text : "—");
      break;

    case COLUMN_NAME:
      {
        GtkWidget *name = gtk_widget_get_first_child (child);
        GtkWidget *handle = gtk_widget_get_next_sibling (name);

        gtk_label_set_label (GTK_LABEL (name), candidate->display_name);
        gtk_label_set_label (GTK_LABEL (handle), candidate->handle != NULL ? candidate->handle : "");
        gtk_widget_set_visible (handle, candidate->handle != NULL);
      }
      break;

    case COLUMN_FLAGS:
      {
        GtkWidget *chip = gtk_widget_get_first_child (child);

        for (guint i = 0; chip != NULL; i++, chip = gtk_widget_get_next_sibling (chip))
          gtk_widget_set_visible (chip, (candidate->flags & (1 << i)) != 0);
      }
      break;

    case COLUMN_STATUS:
      gtk_label_set_label (GTK_LABEL (child), hearth_member_status_label (candidate->status));
      break;

    default:
      {
        HearthTrait trait = kind - COLUMN_TRAIT_FIRST;
        const HearthTraitScore *score = &candidate->traits[trait];
        GtkWidget *bar = gtk_widget_get_first_child (child);
        GtkWidget *value = gtk_widget_get_next_sibling (bar);
        g_autofree char *accessible = NULL;

        gtk_widget_set_visible (bar, score->assessed);
        if (score->assessed)
          {
            text = g_strdup_printf ("%.0f", score->score);
            gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), score->score);
            /* Translators: a trait's score for screen readers: "Consistency 72" */
            accessible = g_strdup_printf (_("%s %s"), trait_label (trait), text);
            gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                            -1);
          }
        else
          {
            accessible = g_strdup_printf (_("%s not yet assessed"), trait_label (trait));
          }
        gtk_label_set_label (GTK_LABEL (value), text != NULL ? text : "—");
        gtk_accessible_update_property (GTK_ACCESSIBLE (value),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                        -1);
      }
      break;
    }
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (HEARTH_TYPE_CANDIDATE_ITEM,
                                                                          NULL, property)));
}

static void
add_column (HearthCandidatesPage *self,
            ColumnKind            kind,
            const char           *title,
            GtkSorter            *sorter,
            int                   fixed_width,
            gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (kind));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);

  g_object_unref (column);
  g_object_unref (sorter);
}

static void
build_columns (HearthCandidatesPage *self)
{
  GtkExpression *status = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                       G_CALLBACK (status_label_closure),
                                                       NULL, NULL);

  /* Translators: the rank column's title, as in "No. 1" */
  add_column (self, COLUMN_RANK, C_("column", "#"), numeric_sorter ("rank"), 48, FALSE);
  add_column (self, COLUMN_NAME, C_("column", "Name"),
              GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (HEARTH_TYPE_CANDIDATE_ITEM,
                                                                              NULL, "display-name"))),
              180, TRUE);
  add_column (self, COLUMN_OVERALL, C_("column", "Overall"), numeric_sorter ("overall"), 72, FALSE);
  for (guint i = 0; i < HEARTH_N_TRAITS; i++)
    add_column (self, COLUMN_TRAIT_FIRST + i, trait_label (i),
                numeric_sorter (hearth_trait_to_string (i)), 112, FALSE);
  add_column (self, COLUMN_FLAGS, C_("column", "Flags"), numeric_sorter ("flags"), 140, FALSE);
  add_column (self, COLUMN_STATUS, C_("column", "Status"),
              GTK_SORTER (gtk_string_sorter_new (status)), 100, FALSE);
}

static void
fill_status_choices (HearthCandidatesPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, C_("filter choice", "Any"));
  for (guint i = 0; i < G_N_ELEMENTS (member_statuses); i++)
    gtk_string_list_append (strings, hearth_member_status_label (member_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (strings));
}

/* Actions */

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HearthCandidatesPage *self = HEARTH_CANDIDATES_PAGE (widget);
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  const char *program_id = hearth_page_get_program_id (HEARTH_PAGE (self));

  if (store != NULL && program_id != NULL)
    present (hearth_member_editor_new (hearth_page_get_window (HEARTH_PAGE (self)), store, program_id, NULL));
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthCandidatesPage *self = HEARTH_CANDIDATES_PAGE (widget);
  g_autoptr(HearthMember) member = load_selected_member (self);

  if (member != NULL)
    present (hearth_member_editor_new (hearth_page_get_window (HEARTH_PAGE (self)),
                                       hearth_page_get_store (HEARTH_PAGE (self)),
                                       hearth_page_get_program_id (HEARTH_PAGE (self)), member));
}

static void
add_nomination_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_nomination_editor (HEARTH_CANDIDATES_PAGE (widget), NULL);
}

static void
add_observation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_observation_editor (HEARTH_CANDIDATES_PAGE (widget), NULL);
}

static void
status_changed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HearthCandidatesPage) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (!hearth_member_change_status_finish (HEARTH_STORE (source), result, &error))
    {
      g_warning ("Could not change the status: %s", error->message);
      if (self != NULL)
        hearth_page_add_toast (HEARTH_PAGE (self),
                               adw_toast_new (_("Could not change the status")));
    }
}

static void
change_status (HearthCandidatesPage *self,
               const char           *status,
               const char           *note)
{
  HearthStore *store = hearth_page_get_store (HEARTH_PAGE (self));
  HearthProgram *program = hearth_page_get_program (HEARTH_PAGE (self));
  g_autoptr(GDate) day = NULL;
  g_autofree char *today = NULL;
  int as_of;

  if (store == NULL || program == NULL || self->selected_id == NULL)
    return;

  as_of = hearth_record_class_find_column (HEARTH_RECORD_GET_CLASS (program), "as_of");
  day = hearth_reference_day (as_of >= 0 ? hearth_record_get_text (HEARTH_RECORD (program), as_of)
                                         : NULL);
  today = hearth_date_to_string (day);

  hearth_member_change_status_async (store, self->selected_id, status, note, today, NULL,
                                     status_changed_cb, hearth_weak_ref_new (self));
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  change_status (HEARTH_CANDIDATES_PAGE (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
decline_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(HearthCandidatesPage) self = hearth_weak_ref_steal (user_data);
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *note;

  if (self == NULL || g_strcmp0 (response, "decline") != 0)
    return;

  note = gtk_editable_get_text (entry);
  change_status (self, "declined", note != NULL && *note != '\0' ? note : NULL);
}

static void
decline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HearthCandidatesPage *self = HEARTH_CANDIDATES_PAGE (widget);
  HearthCandidate *candidate = get_selected (self);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (candidate == NULL)
    return;

  dialog = adw_message_dialog_new (hearth_page_get_window (HEARTH_PAGE (self)), _("Decline Candidate?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will be marked as declined. A note says why, for later."),
                                  candidate->display_name);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "decline", _("_Decline"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decline",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "decline");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (decline_response_cb),
                    hearth_weak_ref_new (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  HearthCandidatesPage *self = HEARTH_CANDIDATES_PAGE (widget);

  /* The controller is managed by the window: only the page on show answers. */
  if (!gtk_widget_is_drawable (widget) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return FALSE;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return TRUE;
}

/* GObject */

static void
hearth_candidates_page_dispose (GObject *object)
{
  HearthCandidatesPage *self = (HearthCandidatesPage *)object;

  if (self->scoring != NULL)
    g_cancellable_cancel (self->scoring);
  g_clear_object (&self->scoring);

  if (self->nominations_list != NULL)
    {
      gtk_list_box_bind_model (self->nominations_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->observations_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
    }
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->nominations);
  g_clear_object (&self->observations);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (hearth_candidates_page_parent_class)->dispose (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_pointer (&self->set, hearth_score_set_ref_unref);
}

static void
hearth_candidates_page_finalize (GObject *object)
{
  HearthCandidatesPage *self = (HearthCandidatesPage *)object;

  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_ptr_array_unref);

  G_OBJECT_CLASS (hearth_candidates_page_parent_class)->finalize (object);
}

static void
hearth_candidates_page_class_init (HearthCandidatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_candidates_page_dispose;
  object_class->finalize = hearth_candidates_page_finalize;

  HEARTH_PAGE_CLASS (klass)->reload = rescore;
  /* Scoring reads the whole window of activity: a burst of writes waits a little longer. */
  HEARTH_PAGE_CLASS (klass)->reload_delay_ms = 300;

  g_type_ensure (HEARTH_TYPE_BAR_CHART);
  g_type_ensure (HEARTH_TYPE_SPARKLINE);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/candidates/hearth-candidates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, add_nomination_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, add_observation_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, ambassador_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, badges_empty);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, badges_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, bar_chart);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, bots_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, candidate_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, decline_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, invite_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, nominations_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, observations_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, roles_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, sparkline);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, sparkline_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCandidatesPage, tenure_spin);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, nomination_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, observation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "candidates.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "candidates.edit-member", NULL, edit_member_action);
  gtk_widget_class_install_action (widget_class, "candidates.add-nomination", NULL,
                                   add_nomination_action);
  gtk_widget_class_install_action (widget_class, "candidates.add-observation", NULL,
                                   add_observation_action);
  gtk_widget_class_install_action (widget_class, "candidates.change-status", "s",
                                   change_status_action);
  gtk_widget_class_install_action (widget_class, "candidates.decline", NULL, decline_action);
}

static void
hearth_candidates_page_init (HearthCandidatesPage *self)
{
  GtkEventController *shortcuts;
  GtkSorter *sorter;

  self->regions = g_ptr_array_new_with_free_func (g_free);
  self->languages = g_ptr_array_new_with_free_func (g_free);
  self->segments = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->regions, NULL);
  g_ptr_array_add (self->languages, NULL);
  g_ptr_array_add (self->segments, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a template child: gtk_widget_dispose_template() would unparent it behind AdwBin's back. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  build_columns (self);
  fill_status_choices (self);

  /* selection → sort → filter → the scored items */
  self->items = g_list_store_new (HEARTH_TYPE_CANDIDATE_ITEM);
  self->filter = gtk_custom_filter_new (filter_candidate, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->column_view));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_callback_action_new (search_shortcut_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->region_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Region"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->segment_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Segment"), -1);

  g_signal_connect (self, "notify::program", G_CALLBACK (program_changed_cb), NULL);
  g_signal_connect (self, "notify::store", G_CALLBACK (store_set_cb), NULL);

  leaflet_folded_cb (self);
  update_detail (self);
  update_count (self);
}
