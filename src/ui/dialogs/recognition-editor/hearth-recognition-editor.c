/* hearth-recognition-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the recognition log, new or edited: the member (a searchable drop-down for a
 * new entry, fixed once logged), the kind, a title, a note, and when — done on a day (the
 * reference day by default) or planned, with an optional planned day. Save closes only once
 * the write succeeded; Delete soft-deletes it and leaves an Undo toast on the main window.
 */

#define G_LOG_DOMAIN "hearth-recognition-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-recognition-editor.h"
#include "hearth-editor-util.h"
#include "hearth-member.h"
#include "hearth-recognition.h"
#include "hearth-util.h"

struct _HearthRecognitionEditor
{
  HearthRecordEditor parent_instance;

  /* Template widgets */
  GtkWidget           *delete_button;
  AdwPreferencesGroup *delete_group;
  AdwActionRow        *done_on_error_row;
  AdwEntryRow         *done_on_row;
  GtkSwitch           *done_switch;
  AdwComboRow         *kind_row;
  GtkDropDown         *member_drop_down;
  AdwActionRow        *member_error_row;
  GtkLabel            *member_label;
  AdwActionRow        *member_row;
  GtkTextView         *note_view;
  AdwActionRow        *planned_on_error_row;
  AdwEntryRow         *planned_on_row;
  GtkButton           *save_button;
  AdwEntryRow         *title_row;
  AdwToastOverlay     *toast_overlay;

  /* Owned */
  GPtrArray           *member_ids;   /* (element-type utf8): parallel to the drop-down */
};

G_DEFINE_FINAL_TYPE (HearthRecognitionEditor, hearth_recognition_editor, HEARTH_TYPE_RECORD_EDITOR)

static HearthRecognition *
get_recognition (HearthRecognitionEditor *self)
{
  return HEARTH_RECOGNITION (hearth_record_editor_get_record (HEARTH_RECORD_EDITOR (self)));
}

/* Returns: (transfer none) (nullable): the chosen member's id. */
static const char *
get_member_id (HearthRecognitionEditor *self)
{
  guint selected;

  if (!hearth_record_editor_get_is_new (HEARTH_RECORD_EDITOR (self)))
    return hearth_recognition_get_member_id (get_recognition (self));

  selected = gtk_drop_down_get_selected (self->member_drop_down);
  if (self->member_ids == NULL || selected >= self->member_ids->len)
    return NULL;

  return g_ptr_array_index (self->member_ids, selected);
}

/* Returns: (transfer full) (nullable): the text without surrounding blanks; NULL when empty. */
static char *
get_note (HearthRecognitionEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
hearth_recognition_editor_check (HearthRecordEditor *editor)
{
  HearthRecognitionEditor *self = HEARTH_RECOGNITION_EDITOR (editor);
  g_autofree char *done_on = hearth_editor_get_text (GTK_EDITABLE (self->done_on_row));
  g_autofree char *planned_on = hearth_editor_get_text (GTK_EDITABLE (self->planned_on_row));
  gboolean done = gtk_switch_get_active (self->done_switch);
  gboolean member_ok = get_member_id (self) != NULL;
  gboolean done_ok = !done || (done_on != NULL && hearth_date_is_valid (done_on));
  gboolean planned_ok = planned_on == NULL || hearth_date_is_valid (planned_on);

  gtk_widget_set_visible (GTK_WIDGET (self->done_on_row), done);
  hearth_editor_show_error (self->member_error_row, GTK_WIDGET (self->member_row),
                            member_ok ? NULL : _("Choose the member this is for"));
  hearth_editor_show_error (self->done_on_error_row, GTK_WIDGET (self->done_on_row),
                            done_ok ? NULL
                                    : _("Done on: write the day as YYYY-MM-DD, like 2024-03-01"));
  hearth_editor_show_error (self->planned_on_error_row, GTK_WIDGET (self->planned_on_row),
                            planned_ok ? NULL
                                       : _("Planned for: write the day as YYYY-MM-DD, or leave it empty"));

  return member_ok && done_ok && planned_ok;
}

static gboolean
hearth_recognition_editor_collect (HearthRecordEditor *editor,
                                   HearthRecord       *record)
{
  HearthRecognitionEditor *self = HEARTH_RECOGNITION_EDITOR (editor);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *title = hearth_editor_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *note = get_note (self);
  g_autofree char *done_on = hearth_editor_get_text (GTK_EDITABLE (self->done_on_row));
  g_autofree char *planned_on = hearth_editor_get_text (GTK_EDITABLE (self->planned_on_row));

  if (hearth_record_editor_get_is_new (editor))
    hearth_record_set_text (record, HEARTH_RECOGNITION_MEMBER_ID, get_member_id (self));
  if (kind < g_strv_length ((char **)hearth_recognition_kinds))
    hearth_record_set_text (record, HEARTH_RECOGNITION_KIND, hearth_recognition_kinds[kind]);
  hearth_record_set_text (record, HEARTH_RECOGNITION_TITLE, title);
  hearth_record_set_text (record, HEARTH_RECOGNITION_NOTE, note);
  hearth_record_set_text (record, HEARTH_RECOGNITION_PLANNED_ON, planned_on);
  /* Off, the gesture is still to come: no done day, whatever the hidden field says. */
  hearth_record_set_text (record, HEARTH_RECOGNITION_DONE_ON,
                          gtk_switch_get_active (self->done_switch) ? done_on : NULL);

  return TRUE;
}

static char *
hearth_recognition_editor_dup_deleted_title (HearthRecordEditor *editor)
{
  return g_strdup (_("Recognition entry deleted"));
}

static void
setup_member_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_member_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

/* The program's members, by name, for a new entry; @member_id is chosen when given. */
static void
load_members (HearthRecognitionEditor *self,
              HearthStore             *store,
              const char              *program_id,
              const char              *member_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  self->member_ids = g_ptr_array_new_with_free_func (g_free);
  members = hearth_member_load_for_program (hearth_store_get_reader (store), program_id, &error);
  if (members == NULL)
    g_warning ("Could not list the members: %s", error->message);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HearthMember *member = g_ptr_array_index (members, i);
      const char *id = hearth_record_get_id (HEARTH_RECORD (member));

      if (g_strcmp0 (id, member_id) == 0)
        selected = self->member_ids->len;
      gtk_string_list_append (names, hearth_member_get_display_name (member));
      g_ptr_array_add (self->member_ids, g_strdup (id));
    }

  gtk_drop_down_set_model (self->member_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->member_drop_down, selected);
}

static void
show_fixed_member (HearthRecognitionEditor *self,
                   HearthStore             *store,
                   const char              *member_id)
{
  g_autoptr(HearthMember) member = NULL;

  member = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, hearth_store_get_reader (store),
                                     member_id, TRUE, NULL);
  gtk_label_set_text (self->member_label,
                      member != NULL ? hearth_member_get_display_name (member)
                                     : _("A Deleted Member"));
  gtk_widget_set_visible (GTK_WIDGET (self->member_drop_down), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->member_label), TRUE);
  adw_action_row_set_activatable_widget (self->member_row, NULL);
}

static void
load_kinds (HearthRecognitionEditor *self,
            const char              *kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; hearth_recognition_kinds[i] != NULL; i++)
    {
      gtk_string_list_append (labels, hearth_recognition_kind_label (hearth_recognition_kinds[i]));
      if (g_strcmp0 (hearth_recognition_kinds[i], kind) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, selected);
}

/* @reference_day fills the done day of an entry that has none, for when it is ticked. */
static void
load_fields (HearthRecognitionEditor *self,
             const char              *reference_day)
{
  HearthRecognition *recognition = get_recognition (self);
  const char *title = hearth_recognition_get_title (recognition);
  const char *note = hearth_recognition_get_note (recognition);
  const char *planned_on = hearth_recognition_get_planned_on (recognition);
  const char *done_on = hearth_recognition_get_done_on (recognition);
  gboolean is_new = hearth_record_editor_get_is_new (HEARTH_RECORD_EDITOR (self));

  load_kinds (self, hearth_recognition_get_kind (recognition));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->planned_on_row), planned_on ? planned_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->done_on_row), done_on ? done_on : reference_day);
  /* A new entry is usually logged once it happened; an edited one says what it says. */
  gtk_switch_set_active (self->done_switch, is_new || done_on != NULL);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  hearth_record_editor_save (HEARTH_RECORD_EDITOR (widget));
  return TRUE;
}

static void
hearth_recognition_editor_dispose (GObject *object)
{
  HearthRecognitionEditor *self = (HearthRecognitionEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_RECOGNITION_EDITOR);

  g_clear_pointer (&self->member_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hearth_recognition_editor_parent_class)->dispose (object);
}

static void
hearth_recognition_editor_class_init (HearthRecognitionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HearthRecordEditorClass *editor_class = HEARTH_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = hearth_recognition_editor_dispose;

  editor_class->check = hearth_recognition_editor_check;
  editor_class->collect = hearth_recognition_editor_collect;
  editor_class->dup_deleted_title = hearth_recognition_editor_dup_deleted_title;
  hearth_record_editor_class_set_messages (editor_class, N_("Could not save the recognition"),
                                           N_("Could not delete the recognition"));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/recognition-editor/hearth-recognition-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, done_on_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, done_on_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, done_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, member_drop_down);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, member_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, member_label);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, member_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, planned_on_error_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, planned_on_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, HearthRecognitionEditor, toast_overlay);
  hearth_record_editor_class_bind_template_callbacks (widget_class);
}

static void
hearth_recognition_editor_init (HearthRecognitionEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_member_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_member_cb), NULL);
  gtk_drop_down_set_factory (self->member_drop_down, factory);
  /* The search compares the names (GtkDropDown matches the start of a name). */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->member_drop_down, expression);

  hearth_record_editor_set_widgets (HEARTH_RECORD_EDITOR (self), self->toast_overlay,
                                    GTK_WIDGET (self->save_button), self->delete_button,
                                    GTK_WIDGET (self->delete_group),
                                    GTK_WIDGET (self->member_drop_down));

  /* In the capture phase, so the note doesn't take Ctrl+Enter as a line break. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (save_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * hearth_recognition_editor_new:
 * @parent: (nullable): the window it is transient for; a #HearthWindow gets the Undo toast
 * @store: the store to write through
 * @program: the program of the member
 * @recognition_id: (nullable): the entry to edit, or %NULL for a new one
 * @member_id: (nullable): for a new entry, the member chosen at the start
 * @kind: (nullable): for a new entry, the kind chosen at the start ("shout_out" when %NULL)
 *
 * Returns: (transfer none): the dialog, not yet presented (GTK owns toplevels)
 */
GtkWindow *
hearth_recognition_editor_new (GtkWindow     *parent,
                               HearthStore   *store,
                               HearthProgram *program,
                               const char    *recognition_id,
                               const char    *member_id,
                               const char    *kind)
{
  g_autoptr(HearthRecognition) recognition = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  const char *program_id;
  HearthRecognitionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (HEARTH_IS_PROGRAM (program), NULL);

  program_id = hearth_record_get_id (HEARTH_RECORD (program));
  self = g_object_new (HEARTH_TYPE_RECOGNITION_EDITOR, "transient-for", parent, NULL);
  today = hearth_editor_reference_day (store, program_id);

  if (recognition_id != NULL)
    {
      recognition = hearth_record_load_by_id (HEARTH_TYPE_RECOGNITION,
                                              hearth_store_get_reader (store), recognition_id,
                                              FALSE, &error);
      /* Gone meanwhile (deleted elsewhere): a new entry is the only sensible thing to offer. */
      if (recognition == NULL)
        g_message ("Recognition %s could not be loaded: %s", recognition_id,
                   error ? error->message : "not found");
    }

  if (recognition != NULL)
    {
      hearth_record_editor_set_record (HEARTH_RECORD_EDITOR (self), store,
                                       HEARTH_RECORD (recognition), _("Edit Recognition"));
      show_fixed_member (self, store, hearth_recognition_get_member_id (recognition));
    }
  else
    {
      HearthRecognition *entry = hearth_recognition_new (member_id, kind ? kind : "shout_out");

      hearth_record_set_text (HEARTH_RECORD (entry), HEARTH_RECOGNITION_DONE_ON, today);
      hearth_record_editor_take_new_record (HEARTH_RECORD_EDITOR (self), store,
                                            HEARTH_RECORD (entry));
      load_members (self, store, program_id, member_id);
    }

  load_fields (self, today);
  hearth_record_editor_validate (HEARTH_RECORD_EDITOR (self));

  return GTK_WINDOW (self);
}
