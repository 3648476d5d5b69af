/* hearth-nomination-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A nomination of one member, new or edited: who nominated them (a member of the program, or
 * someone outside it, by name), why, when, and whether they accepted. Save closes only once
 * the write succeeded; Delete soft-deletes it and leaves an Undo toast on the main window.
 */

#define G_LOG_DOMAIN "hearth-nomination-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-nomination-editor.h"
#include "hearth-editor-util.h"
#include "hearth-util.h"

/* The first item of the nominator list ("Not a Member": someone outside the program, named
 * in the entry below); the program's members follow. */
#define OUTSIDE 0

struct _HearthNominationEditor
{
  HearthRecordEditor parent_instance;

  /* Template widgets */
  AdwComboRow     *consent_row;
  AdwActionRow    *created_on_error_row;
  AdwEntryRow     *created_on_row;
  GtkWidget       *delete_button;
  AdwPreferencesGroup *delete_group;
  GtkLabel        *nominee_label;
  AdwActionRow    *nominator_error_row;
  AdwEntryRow     *nominator_name_row;
  AdwComboRow     *nominator_row;
  AdwEntryRow     *reason_row;
  GtkButton       *save_button;
  AdwToastOverlay *toast_overlay;

  /* Owned */
  GPtrArray        *nominator_ids;  /* (element-type utf8): parallel to the combo; NULL = outside */
};

G_DEFINE_FINAL_TYPE (HearthNominationEditor, hearth_nomination_editor, HEARTH_TYPE_RECORD_EDITOR)

static HearthNomination *
get_nomination (HearthNominationEditor *self)
{
  return HEARTH_NOMINATION (hearth_record_editor_get_record (HEARTH_RECORD_EDITOR (self)));
}

static gboolean
is_outside (HearthNominationEditor *self)
{
  return adw_combo_row_get_selected (self->nominator_row) == OUTSIDE;
}

static gboolean
hearth_nomination_editor_check (HearthRecordEditor *editor)
{
  HearthNominationEditor *self = HEARTH_NOMINATION_EDITOR (editor);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->nominator_name_row));
  g_autofree char *created_on = hearth_editor_get_text (GTK_EDITABLE (self->created_on_row));
  gboolean outside = is_outside (self);
  gboolean nominator_ok = !outside || name != NULL;
  gboolean date_ok = created_on != NULL && hearth_date_is_valid (created_on);

  gtk_widget_set_visible (GTK_WIDGET (self->nominator_name_row), outside);
  hearth_editor_show_error (self->nominator_error_row, GTK_WIDGET (self->nominator_name_row),
                            nominator_ok ? NULL : _("Name the person who nominated them"));
  hearth_editor_show_error (self->created_on_error_row, GTK_WIDGET (self->created_on_row),
                            date_ok ? NULL : _("Not a date: write it as YYYY-MM-DD, like 2024-03-01"));

  return nominator_ok && date_ok;
}

/* The nominator choices: someone outside, then the program's members except the nominee. A
 * nominator no longer in the list (deleted since) stays selectable, so an edit keeps them. */
static void
load_nominators (HearthNominationEditor *self,
                 HearthMember           *nominee)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  const char *nominee_id = hearth_record_get_id (HEARTH_RECORD (nominee));
  const char *current = hearth_nomination_get_nominator_id (get_nomination (self));
  HearthStore *store = hearth_record_editor_get_store (HEARTH_RECORD_EDITOR (self));
  guint selected = OUTSIDE;

  self->nominator_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Not a Member"));
  g_ptr_array_add (self->nominator_ids, NULL);

  members = hearth_member_load_for_program (hearth_store_get_reader (store),
                                            hearth_member_get_program_id (nominee), &error);
  if (members == NULL)
    g_warning ("Could not list the members: %s", error->message);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HearthMember *member = g_ptr_array_index (members, i);
      const char *id = hearth_record_get_id (HEARTH_RECORD (member));

      if (g_strcmp0 (id, nominee_id) == 0)
        continue;

      if (g_strcmp0 (id, current) == 0)
        selected = self->nominator_ids->len;
      gtk_string_list_append (names, hearth_member_get_display_name (member));
      g_ptr_array_add (self->nominator_ids, g_strdup (id));
    }

  if (current != NULL && selected == OUTSIDE)
    {
      selected = self->nominator_ids->len;
      gtk_string_list_append (names, _("A Deleted Member"));
      g_ptr_array_add (self->nominator_ids, g_strdup (current));
    }
  else if (hearth_record_editor_get_is_new (HEARTH_RECORD_EDITOR (self)) &&
           self->nominator_ids->len > 1)
    selected = 1;   /* Most nominations come from peers. */

  adw_combo_row_set_model (self->nominator_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->nominator_row, selected);
}

static void
load_fields (HearthNominationEditor *self)
{
  HearthNomination *nomination = get_nomination (self);
  const char *consent = hearth_nomination_get_consent (nomination);
  const char *name = hearth_nomination_get_nominator_name (nomination);
  const char *reason = hearth_nomination_get_reason (nomination);
  const char *created_on = hearth_nomination_get_created_on (nomination);

  gtk_editable_set_text (GTK_EDITABLE (self->nominator_name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->created_on_row), created_on ? created_on : "");

  for (guint i = 0; hearth_nomination_consents[i]; i++)
    if (g_strcmp0 (hearth_nomination_consents[i], consent) == 0)
      adw_combo_row_set_selected (self->consent_row, i);
}

static gboolean
hearth_nomination_editor_collect (HearthRecordEditor *editor,
                                  HearthRecord       *record)
{
  HearthNominationEditor *self = HEARTH_NOMINATION_EDITOR (editor);
  guint selected = adw_combo_row_get_selected (self->nominator_row);
  guint consent = adw_combo_row_get_selected (self->consent_row);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->nominator_name_row));
  g_autofree char *reason = hearth_editor_get_text (GTK_EDITABLE (self->reason_row));
  g_autofree char *created_on = hearth_editor_get_text (GTK_EDITABLE (self->created_on_row));

  if (selected == OUTSIDE || selected >= self->nominator_ids->len)
    {
      hearth_record_set_text (record, HEARTH_NOMINATION_NOMINATOR_ID, NULL);
      hearth_record_set_text (record, HEARTH_NOMINATION_NOMINATOR_NAME, name);
    }
  else
    {
      /* A member is named by their record, which follows renames. */
      hearth_record_set_text (record, HEARTH_NOMINATION_NOMINATOR_ID,
                              g_ptr_array_index (self->nominator_ids, selected));
      hearth_record_set_text (record, HEARTH_NOMINATION_NOMINATOR_NAME, NULL);
    }

  hearth_record_set_text (record, HEARTH_NOMINATION_REASON, reason);
  hearth_record_set_text (record, HEARTH_NOMINATION_CREATED_ON, created_on);
  if (consent < g_strv_length ((char **)hearth_nomination_consents))
    hearth_record_set_text (record, HEARTH_NOMINATION_CONSENT, hearth_nomination_consents[consent]);

  return TRUE;
}

static char *
hearth_nomination_editor_dup_deleted_title (HearthRecordEditor *editor)
{
  return g_strdup (_("Nomination deleted"));
}

static void
hearth_nomination_editor_dispose (GObject *object)
{
  HearthNominationEditor *self = (HearthNominationEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_NOMINATION_EDITOR);

  g_clear_pointer (&self->nominator_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hearth_nomination_editor_parent_class)->dispose (object);
}

static void
hearth_nomination_editor_class_init (HearthNominationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HearthRecordEditorClass *editor_class = HEARTH_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = hearth_nomination_editor_dispose;

  editor_class->check = hearth_nomination_editor_check;
  editor_class->collect = hearth_nomination_editor_collect;
  editor_class->dup_deleted_title = hearth_nomination_editor_dup_deleted_title;
  hearth_record_editor_class_set_messages (editor_class, N_("Could not save the nomination"),
                                           N_("Could not delete the nomination"));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/nomination-editor/hearth-nomination-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, consent_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, created_on_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, created_on_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, nominator_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, nominator_name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, nominator_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, nominee_label);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthNominationEditor, toast_overlay);
  hearth_record_editor_class_bind_template_callbacks (widget_class);
}

static void
hearth_nomination_editor_init (HearthNominationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  hearth_record_editor_set_widgets (HEARTH_RECORD_EDITOR (self), self->toast_overlay,
                                    GTK_WIDGET (self->save_button), self->delete_button,
                                    GTK_WIDGET (self->delete_group),
                                    GTK_WIDGET (self->nominator_row));
}

/**
 * hearth_nomination_editor_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the Undo toast
 * @store: the store to write through
 * @nominee: the member nominated
 * @nomination: (nullable): the nomination to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_nomination_editor_new (GtkWindow        *parent,
                              HearthStore      *store,
                              HearthMember     *nominee,
                              HearthNomination *nomination)
{
  HearthNominationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_MEMBER (nominee), NULL);
  g_return_val_if_fail (nomination == NULL || HEARTH_IS_NOMINATION (nomination), NULL);

  self = g_object_new (HEARTH_TYPE_NOMINATION_EDITOR, "transient-for", parent, NULL);

  if (nomination != NULL)
    hearth_record_editor_set_record (HEARTH_RECORD_EDITOR (self), store,
                                     HEARTH_RECORD (nomination), _("Edit Nomination"));
  else
    {
      g_autofree char *today =
        hearth_editor_reference_day (store, hearth_member_get_program_id (nominee));
      HearthRecord *record =
        HEARTH_RECORD (hearth_nomination_new (hearth_record_get_id (HEARTH_RECORD (nominee))));

      hearth_record_set_text (record, HEARTH_NOMINATION_CREATED_ON, today);
      hearth_record_editor_take_new_record (HEARTH_RECORD_EDITOR (self), store, record);
    }

  gtk_label_set_text (self->nominee_label, hearth_member_get_display_name (nominee));
  load_nominators (self, nominee);
  load_fields (self);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));

  return GTK_WINDOW (self);
}
