/* hearth-member-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member's own fields (DESIGN §4), new or edited: Save writes them through the store and
 * closes only once the write succeeded, so a failure loses nothing typed; Delete soft-deletes
 * the member and leaves an Undo toast on the main window. The status is shown, not edited:
 * it only moves through the workflow (hearth_member_change_status()).
 */

#define G_LOG_DOMAIN "hearth-member-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-member-editor.h"
#include "hearth-editor-util.h"
#include "hearth-util.h"
#include "hearth-ui-text.h"

struct _HearthMemberEditor
{
  HearthRecordEditor parent_instance;

  /* Template widgets */
  GtkWidget       *delete_button;
  AdwPreferencesGroup *delete_group;
  AdwEntryRow     *display_name_row;
  AdwActionRow    *display_name_error_row;
  AdwEntryRow     *email_row;
  AdwActionRow    *email_error_row;
  AdwEntryRow     *external_id_row;
  AdwEntryRow     *handle_row;
  AdwEntryRow     *identity_tags_row;
  GtkSwitch       *is_bot_switch;
  AdwEntryRow     *joined_on_row;
  AdwActionRow    *joined_on_error_row;
  AdwEntryRow     *language_row;
  GtkTextView     *notes_view;
  AdwEntryRow     *platform_row;
  AdwEntryRow     *region_row;
  GtkButton       *save_button;
  AdwEntryRow     *segment_row;
  GtkLabel        *status_label;
  AdwActionRow    *status_row;
  AdwEntryRow     *timezone_row;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (HearthMemberEditor, hearth_member_editor, HEARTH_TYPE_RECORD_EDITOR)

/* Each check shows its message under its field; Save waits until all pass. */
static gboolean
hearth_member_editor_check (HearthRecordEditor *editor)
{
  HearthMemberEditor *self = HEARTH_MEMBER_EDITOR (editor);
  g_autofree char *name = hearth_editor_get_text (GTK_EDITABLE (self->display_name_row));
  g_autofree char *email = hearth_editor_get_text (GTK_EDITABLE (self->email_row));
  g_autofree char *joined_on = hearth_editor_get_text (GTK_EDITABLE (self->joined_on_row));
  gboolean email_ok = email == NULL || hearth_editor_email_is_valid (email);
  gboolean date_ok = joined_on == NULL || hearth_date_is_valid (joined_on);
  /* An empty name is only pointed out once something was typed and removed: a new dialog
   * doesn't open with an error. */
  gboolean name_blamed = name == NULL && !hearth_record_editor_get_is_new (editor);

  hearth_editor_show_error (self->display_name_error_row, GTK_WIDGET (self->display_name_row),
                            name_blamed ? _("A display name is required") : NULL);
  hearth_editor_show_error (self->email_error_row, GTK_WIDGET (self->email_row),
                            email_ok ? NULL : _("Not an e-mail address, like name@example.org"));
  hearth_editor_show_error (self->joined_on_error_row, GTK_WIDGET (self->joined_on_row),
                            date_ok ? NULL : _("Not a date: write it as YYYY-MM-DD, like 2024-03-01"));

  return name != NULL && email_ok && date_ok;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
take_entry (HearthRecord *record,
            AdwEntryRow  *row,
            guint         column)
{
  g_autofree char *text = hearth_editor_get_text (GTK_EDITABLE (row));

  hearth_record_set_text (record, column, text);
}

/* "a, b,,c " → ["a", "b", "c"]; NULL when nothing is left. */
static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static void
load_fields (HearthMemberEditor *self)
{
  HearthRecord *record = hearth_record_editor_get_record (HEARTH_RECORD_EDITOR (self));
  const char * const *tags = hearth_record_get_list (record, HEARTH_MEMBER_IDENTITY_TAGS);
  g_autofree char *joined_tags = tags ? g_strjoinv (", ", (char **)tags) : NULL;
  const char *notes = hearth_record_get_text (record, HEARTH_MEMBER_NOTES);

  set_entry (self->display_name_row, hearth_record_get_text (record, HEARTH_MEMBER_DISPLAY_NAME));
  set_entry (self->handle_row, hearth_record_get_text (record, HEARTH_MEMBER_HANDLE));
  set_entry (self->platform_row, hearth_record_get_text (record, HEARTH_MEMBER_PLATFORM));
  set_entry (self->external_id_row, hearth_record_get_text (record, HEARTH_MEMBER_EXTERNAL_ID));
  set_entry (self->email_row, hearth_record_get_text (record, HEARTH_MEMBER_EMAIL));
  set_entry (self->joined_on_row, hearth_record_get_text (record, HEARTH_MEMBER_JOINED_ON));
  set_entry (self->region_row, hearth_record_get_text (record, HEARTH_MEMBER_REGION));
  set_entry (self->timezone_row, hearth_record_get_text (record, HEARTH_MEMBER_TIMEZONE));
  set_entry (self->language_row, hearth_record_get_text (record, HEARTH_MEMBER_LANGUAGE));
  set_entry (self->segment_row, hearth_record_get_text (record, HEARTH_MEMBER_SEGMENT));
  set_entry (self->identity_tags_row, joined_tags);
  gtk_switch_set_active (self->is_bot_switch, hearth_record_get_bool (record, HEARTH_MEMBER_IS_BOT));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
  gtk_label_set_text (self->status_label,
                      hearth_member_status_label (hearth_member_get_status (HEARTH_MEMBER (record))));
}

static gboolean
hearth_member_editor_collect (HearthRecordEditor *editor,
                              HearthRecord       *record)
{
  HearthMemberEditor *self = HEARTH_MEMBER_EDITOR (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *tags_text = hearth_editor_get_text (GTK_EDITABLE (self->identity_tags_row));
  g_auto(GStrv) tags = split_tags (tags_text);
  g_autofree char *notes = NULL;
  g_autofree char *stripped = NULL;

  take_entry (record, self->display_name_row, HEARTH_MEMBER_DISPLAY_NAME);
  take_entry (record, self->handle_row, HEARTH_MEMBER_HANDLE);
  take_entry (record, self->platform_row, HEARTH_MEMBER_PLATFORM);
  take_entry (record, self->external_id_row, HEARTH_MEMBER_EXTERNAL_ID);
  take_entry (record, self->email_row, HEARTH_MEMBER_EMAIL);
  take_entry (record, self->joined_on_row, HEARTH_MEMBER_JOINED_ON);
  take_entry (record, self->region_row, HEARTH_MEMBER_REGION);
  take_entry (record, self->timezone_row, HEARTH_MEMBER_TIMEZONE);
  take_entry (record, self->language_row, HEARTH_MEMBER_LANGUAGE);
  take_entry (record, self->segment_row, HEARTH_MEMBER_SEGMENT);
  hearth_record_set_list (record, HEARTH_MEMBER_IDENTITY_TAGS, (const char * const *)tags);
  hearth_record_set_bool (record, HEARTH_MEMBER_IS_BOT, gtk_switch_get_active (self->is_bot_switch));

  /* Notes keep their inner line breaks, but only-whitespace is "not set". */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (notes));
  if (stripped[0] == '\0')
    g_clear_pointer (&notes, g_free);
  hearth_record_set_text (record, HEARTH_MEMBER_NOTES, notes);

  return TRUE;
}

static char *
hearth_member_editor_dup_deleted_title (HearthRecordEditor *editor)
{
  HearthRecord *record = hearth_record_editor_get_record (editor);
  /* Toast titles are markup on libadwaita 1.2, and names can hold any character. */
  g_autofree char *escaped =
    g_markup_escape_text (hearth_member_get_display_name (HEARTH_MEMBER (record)), -1);

  /* Translators: %s is a member's name. */
  return g_strdup_printf (_("“%s” deleted"), escaped);
}

static void
hearth_member_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_MEMBER_EDITOR);

  G_OBJECT_CLASS (hearth_member_editor_parent_class)->dispose (object);
}

static void
hearth_member_editor_class_init (HearthMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HearthRecordEditorClass *editor_class = HEARTH_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = hearth_member_editor_dispose;

  editor_class->check = hearth_member_editor_check;
  editor_class->collect = hearth_member_editor_collect;
  editor_class->dup_deleted_title = hearth_member_editor_dup_deleted_title;
  hearth_record_editor_class_set_messages (editor_class, N_("Could not save the member"),
                                           N_("Could not delete the member"));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/member-editor/hearth-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, display_name_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, email_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, external_id_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, handle_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, identity_tags_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, is_bot_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, joined_on_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, joined_on_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, platform_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, segment_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberEditor, toast_overlay);
  hearth_record_editor_class_bind_template_callbacks (widget_class);
}

static void
hearth_member_editor_init (HearthMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  hearth_record_editor_set_widgets (HEARTH_RECORD_EDITOR (self), self->toast_overlay,
                                    GTK_WIDGET (self->save_button), self->delete_button,
                                    GTK_WIDGET (self->delete_group),
                                    GTK_WIDGET (self->display_name_row));
}

/**
 * hearth_member_editor_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the Undo toast
 * @store: the store to write through
 * @program_id: the program of a new member (ignored when editing)
 * @member: (nullable): the member to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_member_editor_new (GtkWindow    *parent,
                          HearthStore  *store,
                          const char   *program_id,
                          HearthMember *member)
{
  HearthMemberEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (member == NULL || HEARTH_IS_MEMBER (member), NULL);
  g_return_val_if_fail (member != NULL || program_id != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_MEMBER_EDITOR, "transient-for", parent, NULL);

  if (member != NULL)
    hearth_record_editor_set_record (HEARTH_RECORD_EDITOR (self), store, HEARTH_RECORD (member),
                                     _("Edit Member"));
  else
    hearth_record_editor_take_new_record (HEARTH_RECORD_EDITOR (self), store,
                                          HEARTH_RECORD (hearth_member_new (program_id, NULL)));

  load_fields (self);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));

  return GTK_WINDOW (self);
}
