/* hearth-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shell: a welcome page when there is no program yet, otherwise a leaflet with the page
 * sidebar (and the program switcher above it) beside the visible page.
 */

#define G_LOG_DOMAIN "hearth-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-assignment.h"
#include "hearth-candidates-page.h"
#include "hearth-export-dialog.h"
#include "hearth-feedback-page.h"
#include "hearth-import-activity-dialog.h"
#include "hearth-import-dialog.h"
#include "hearth-overview-page.h"
#include "hearth-page.h"
#include "hearth-program-editor.h"
#include "hearth-recognition-page.h"
#include "hearth-record-list.h"
#include "hearth-roles-page.h"
#include "hearth-window.h"

struct _HearthWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkRevealer          *busy_revealer;
  GtkButton            *try_sample_button;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkMenuButton        *program_button;
  GtkLabel             *program_label;
  GtkStack             *page_stack;
  GtkListBox           *sidebar_list;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* Borrowed */
  GSettings            *settings;

  /* Owned */
  HearthStore          *store;
  HearthRecordList     *programs;
  HearthProgram        *program;
  char                 *program_id;
  char                 *wanted_program;
  GMenu                *programs_section;
  GBinding             *label_binding;
  GBinding             *subtitle_binding;
  guint                 syncing_sidebar : 1;
};

G_DEFINE_FINAL_TYPE (HearthWindow, hearth_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROGRAM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error_toast (HearthWindow *self,
                  const char   *what,
                  const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Pages ------------------------------------------------------------------------------------- */

static void
update_title (HearthWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

  if (HEARTH_IS_PAGE (child))
    adw_window_title_set_title (self->window_title, hearth_page_get_title (HEARTH_PAGE (child)));
}

static void
select_sidebar_row (HearthWindow *self,
                    const char   *name)
{
  /* Following the page, not choosing one: sidebar_row_selected_cb must not react. */
  self->syncing_sidebar = TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          break;
        }
    }

  self->syncing_sidebar = FALSE;
}

static void
visible_page_changed_cb (HearthWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);

  update_title (self);
  select_sidebar_row (self, name);
}

static void
show_page (HearthWindow *self,
           const char   *name)
{
  if (gtk_stack_get_child_by_name (self->page_stack, name) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, name);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_row_activated_cb (HearthWindow  *self,
                          GtkListBoxRow *row)
{
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* A row can be selected without being activated: by a screen reader through AT-SPI's
 * Selection interface, or by the keyboard. The page follows; only an activation also leaves
 * the sidebar when the window is folded. */
static void
sidebar_row_selected_cb (HearthWindow  *self,
                         GtkListBoxRow *row)
{
  if (row == NULL || self->syncing_sidebar)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
back_clicked_cb (HearthWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  if (self->program != NULL)
    show_page (self, g_variant_get_string (parameter, NULL));
}

/* One sidebar row per page, made from the page's own title and icon. */
static void
build_sidebar (HearthWindow *self)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->page_stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *stack_page = GTK_STACK_PAGE (item);
      HearthPage *page = HEARTH_PAGE (gtk_stack_page_get_child (stack_page));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (hearth_page_get_title (page));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (hearth_page_get_icon_name (page)));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_name (row, gtk_stack_page_get_name (stack_page));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hearth_page_get_title (page),
                                      -1);
      gtk_list_box_append (self->sidebar_list, row);
    }
}

static void
set_pages_program (HearthWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (HEARTH_IS_PAGE (child))
        hearth_page_set_program (HEARTH_PAGE (child), self->program);
    }
}

/* Programs ----------------------------------------------------------------------------------- */

static void
rebuild_program_menu (HearthWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->programs));

  g_menu_remove_all (self->programs_section);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthProgram) program = g_list_model_get_item (G_LIST_MODEL (self->programs), i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (hearth_program_get_name (program), NULL);
      g_menu_item_set_action_and_target (item, "win.program", "s",
                                         hearth_record_get_id (HEARTH_RECORD (program)));
      g_menu_append_item (self->programs_section, item);
    }
}

/* The sample program: installed with Hearth, or beside the sources in an uninstalled build. */
static char *
find_sample (void)
{
  const char *dirs[] = { PKGDATADIR, SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "sample-program.json", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* What can be done now: nothing without a database, nothing that writes while an import or a
 * merge runs (the notice says why), and nothing about a program when none is shown. */
static void
update_actions (HearthWindow *self)
{
  gboolean busy = self->store != NULL && hearth_store_get_busy (self->store);
  gboolean can_edit = self->store != NULL && !busy;
  gboolean has_program = self->program != NULL;
  g_autofree char *sample = find_sample ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-program", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-program", can_edit && has_program);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-program", can_edit && has_program);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-activity", can_edit && has_program);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-members", can_edit && has_program);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->store != NULL && has_program);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-sample", can_edit && sample != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->try_sample_button), sample != NULL);

  gtk_revealer_set_reveal_child (self->busy_revealer, busy);
}

static void
set_program (HearthWindow  *self,
             HearthProgram *program)
{
  const char *id = program ? hearth_record_get_id (HEARTH_RECORD (program)) : NULL;
  gboolean changed_id = g_strcmp0 (id, self->program_id) != 0;

  if (self->program == program && !changed_id)
    return;

  g_clear_pointer (&self->label_binding, g_binding_unbind);
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);
  g_set_object (&self->program, program);

  g_free (self->program_id);
  self->program_id = g_strdup (id);

  if (program != NULL)
    {
      self->label_binding = g_object_bind_property (program, "name",
                                                    self->program_label, "label",
                                                    G_BINDING_SYNC_CREATE);
      self->subtitle_binding = g_object_bind_property (program, "name",
                                                       self->window_title, "subtitle",
                                                       G_BINDING_SYNC_CREATE);
      gtk_stack_set_visible_child_name (self->main_stack, "program");

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-program", id);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_actions (self);

  set_pages_program (self);

  if (changed_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM_ID]);
}

/* The program named @id_or_name (an id, or a name in any case), as --program gives it. */
static HearthProgram *
find_program (HearthWindow *self,
              const char   *id_or_name)
{
  GListModel *programs = G_LIST_MODEL (self->programs);
  HearthProgram *program = hearth_record_list_find (self->programs, id_or_name, NULL);

  for (guint i = 0; program == NULL && i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(HearthProgram) candidate = g_list_model_get_item (programs, i);
      g_autofree char *a = g_utf8_casefold (hearth_program_get_name (candidate), -1);
      g_autofree char *b = g_utf8_casefold (id_or_name, -1);

      if (g_strcmp0 (a, b) == 0)
        program = candidate;  /* still owned by the list */
    }

  return program;
}

/* Picks the program to show: the one asked for, else the current one, else the last one
 * shown, else the first; none when the database has no program. */
static void
resolve_program (HearthWindow *self)
{
  GListModel *programs = G_LIST_MODEL (self->programs);
  HearthProgram *program = NULL;

  if (self->wanted_program != NULL)
    {
      program = find_program (self, self->wanted_program);
      g_clear_pointer (&self->wanted_program, g_free);
    }

  if (program == NULL && self->program_id != NULL)
    program = hearth_record_list_find (self->programs, self->program_id, NULL);

  if (program == NULL && self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-program");

      program = hearth_record_list_find (self->programs, last, NULL);
    }

  if (program == NULL && g_list_model_get_n_items (programs) > 0)
    {
      g_autoptr(HearthProgram) first = g_list_model_get_item (programs, 0);

      program = first;  /* still owned by the list */
    }

  set_program (self, program);
}

static void
programs_changed_cb (HearthWindow *self)
{
  rebuild_program_menu (self);
  resolve_program (self);
}

static void
select_program_id (HearthWindow *self,
                   const char   *id)
{
  HearthProgram *program = hearth_record_list_find (self->programs, id, NULL);

  if (program != NULL)
    set_program (self, program);
}

static void
program_created_cb (HearthWindow *self,
                    const char   *id)
{
  select_program_id (self, id);
  show_page (self, "overview");
}

static void
new_program_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  HearthProgramEditor *editor;

  if (self->store == NULL)
    return;

  editor = hearth_program_editor_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "program-created", G_CALLBACK (program_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
program_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HearthWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    show_error_toast (self, _("Could not save the program"), error);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    HearthWindow     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(HearthRecord) copy = NULL;

  if (g_strcmp0 (response, "rename") != 0 || self->program == NULL || name[0] == '\0')
    return;

  copy = hearth_record_copy (HEARTH_RECORD (self->program));
  hearth_program_set_name (HEARTH_PROGRAM (copy), name);
  hearth_store_update_async (self->store, copy, NULL, program_written_cb, g_object_ref (self));
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", name[0] != '\0');
}

static void
rename_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->program == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Program"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), hearth_program_get_name (self->program));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Program name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a delete or its undo needs to know when it completes, whatever is selected by then. */
typedef struct
{
  HearthWindow *self;
  char         *id;
  char         *name;
} ProgramOp;

static ProgramOp *
program_op_new (HearthWindow  *self,
                HearthProgram *program,
                const char    *id)
{
  ProgramOp *op = g_new0 (ProgramOp, 1);

  op->self = g_object_ref (self);
  op->id = g_strdup (program ? hearth_record_get_id (HEARTH_RECORD (program)) : id);
  op->name = g_strdup (program ? hearth_program_get_name (program) : NULL);

  return op;
}

static void
program_op_free (ProgramOp *op)
{
  g_object_unref (op->self);
  g_free (op->id);
  g_free (op->name);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProgramOp, program_op_free)

static void
program_deleted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ProgramOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      show_error_toast (op->self, _("Could not delete the program"), error);
      return;
    }

  /* Toast titles are markup on libadwaita 1.2, and names can hold any character. */
  escaped = g_markup_escape_text (op->name, -1);
  /* Translators: %s is a program's name. */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-program");
  adw_toast_set_action_target_value (toast, g_variant_new_string (op->id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (op->self->toast_overlay, toast);
}

static void
delete_program_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  ProgramOp *op;

  if (self->program == NULL)
    return;

  /* The program stays in the database as a tombstone: Undo restores it, and a merge carries
   * the deletion to other organizers. */
  op = program_op_new (self, self->program, NULL);
  hearth_store_delete_async (self->store, "program", op->id, TRUE, NULL, program_deleted_cb, op);
}

static void
program_restored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ProgramOp) op = user_data;
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    {
      show_error_toast (op->self, _("Could not restore the program"), error);
      return;
    }

  select_program_id (op->self, op->id);
}

static void
undo_delete_program_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  ProgramOp *op = program_op_new (self, NULL, g_variant_get_string (parameter, NULL));

  hearth_store_delete_async (self->store, "program", op->id, FALSE, NULL, program_restored_cb, op);
}

/* Any other record (a member, a nomination, an observation) deleted from a dialog: the dialog
 * shows a toast here whose Undo targets this action with (table, id). */
static void
record_restored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HearthWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hearth_store_write_finish (HEARTH_STORE (object), result, &error))
    show_error_toast (self, _("Could not restore it"), error);
}

static void
undo_delete_record_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  const char *table = NULL;
  const char *id = NULL;

  g_variant_get (parameter, "(&s&s)", &table, &id);

  /* Program deletion has its own action: it also selects the program again. */
  if (self->store == NULL || !hearth_database_is_entity_table (table) ||
      g_str_equal (table, "program"))
    return;

  hearth_store_delete_async (self->store, table, id, FALSE, NULL, record_restored_cb,
                             g_object_ref (self));
}

/* An assignment ended from the Ambassadors & Roles page: its toast's Undo targets this action
 * with the assignment's id, and the assignment runs again. */
static gboolean
reopen_assignment_job (HearthDatabase  *db,
                       gpointer         job_data,
                       GError         **error)
{
  return hearth_assignment_reopen (db, job_data, error);
}

static void
undo_end_assignment_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  if (self->store == NULL)
    return;

  hearth_store_write_async (self->store, reopen_assignment_job,
                            g_variant_dup_string (parameter, NULL), g_free,
                            HEARTH_WRITE_FLAGS_NONE, NULL, record_restored_cb,
                            g_object_ref (self));
}

/* Import and export -------------------------------------------------------------------------- */

static void
exported_cb (HearthWindow *self,
             const char   *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is a program's name. */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  HearthExportDialog *dialog;

  if (self->store == NULL || self->program == NULL)
    return;

  dialog = hearth_export_dialog_new (self->store, self->program);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (HearthWindow *self,
             const char   *id,
             const char   *name,
             guint         n_members,
             gboolean      ids_reassigned)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (ids_reassigned)
    {
      /* Translators: %s is a program's name, %u how many members it has. The program was
       * already in this database, so the imported copy got new ids. */
      title = g_strdup_printf (ngettext ("Imported “%s” again, with new ids: %u member",
                                         "Imported “%s” again, with new ids: %u members",
                                         n_members),
                               escaped, n_members);
    }
  else
    {
      /* Translators: %s is a program's name, %u how many members it has. */
      title = g_strdup_printf (ngettext ("Imported “%s”: %u member",
                                         "Imported “%s”: %u members",
                                         n_members),
                               escaped, n_members);
    }

  hearth_window_show_program (self, id);

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_import_dialog (HearthWindow *self,
                    GFile        *file)
{
  HearthImportDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = hearth_import_dialog_new (self->store, file, self->program);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chooser_response_cb (GtkFileChooserNative *chooser,
                            int                   response,
                            HearthWindow         *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        open_import_dialog (self, file);
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Program"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Hearth Snapshots (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The response handler drops the chooser. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Activity and member lists go into the shown program; the dialog asks for the files itself, so
 * they can also be chosen again from inside it. */
static void
import_activity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  HearthImportFormat variant = g_str_equal (action_name, "win.import-members")
                                 ? HEARTH_IMPORT_FORMAT_MEMBERS : HEARTH_IMPORT_FORMAT_AUTO;
  HearthImportActivityDialog *dialog;

  if (self->store == NULL || self->program == NULL || hearth_store_get_busy (self->store))
    return;

  dialog = hearth_import_activity_dialog_new (self, self->store, self->program_id, variant, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  hearth_import_activity_dialog_choose_files (dialog);
}

static GFile *
find_json_file (GSList *files)
{
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

      if (lower != NULL && g_str_has_suffix (lower, ".json"))
        return l->data;
    }

  return NULL;
}

/* Dropping a snapshot anywhere on the window offers to import it. */
static void
try_sample_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  g_autofree char *path = find_sample ();
  g_autoptr(GFile) file = NULL;

  if (path == NULL || self->store == NULL)
    return;

  /* The import dialog shows what the sample holds before anything is written. */
  file = g_file_new_for_path (path);
  open_import_dialog (self, file);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HearthWindow  *self)
{
  GFile *file;

  if (self->store == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file = find_json_file (g_value_get_boxed (value));
  if (file == NULL)
    return FALSE;

  open_import_dialog (self, file);

  return TRUE;
}

/* GObject ------------------------------------------------------------------------------------ */

static gboolean
hearth_window_close_request (GtkWindow *window)
{
  HearthWindow *self = HEARTH_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      if (self->program != NULL)
        g_settings_set_string (self->settings, "last-page", hearth_window_get_page (self));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (hearth_window_parent_class)->close_request (window);
}

static void
hearth_window_dispose (GObject *object)
{
  HearthWindow *self = (HearthWindow *)object;

  g_clear_pointer (&self->label_binding, g_binding_unbind);
  g_clear_pointer (&self->subtitle_binding, g_binding_unbind);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_WINDOW);

  g_clear_object (&self->programs);
  g_clear_object (&self->program);
  g_clear_object (&self->store);
  g_clear_object (&self->programs_section);

  G_OBJECT_CLASS (hearth_window_parent_class)->dispose (object);
}

static void
hearth_window_finalize (GObject *object)
{
  HearthWindow *self = (HearthWindow *)object;

  g_clear_pointer (&self->program_id, g_free);
  g_clear_pointer (&self->wanted_program, g_free);

  G_OBJECT_CLASS (hearth_window_parent_class)->finalize (object);
}

static void
hearth_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM_ID:
      g_value_set_string (value, self->program_id ? self->program_id : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM_ID:
      if (self->programs != NULL)
        select_program_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_page_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  const char     *page)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK,
                                       "win.show-page", "s", page);
}

static void
hearth_window_class_init (HearthWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearth_window_dispose;
  object_class->finalize = hearth_window_finalize;
  object_class->get_property = hearth_window_get_property;
  object_class->set_property = hearth_window_set_property;

  window_class->close_request = hearth_window_close_request;

  /**
   * HearthWindow:program-id:
   *
   * The program shown; the state of the win.program action of the program switcher.
   */
  properties[PROP_PROGRAM_ID] =
    g_param_spec_string ("program-id", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARTH_TYPE_OVERVIEW_PAGE);
  g_type_ensure (HEARTH_TYPE_CANDIDATES_PAGE);
  g_type_ensure (HEARTH_TYPE_ROLES_PAGE);
  g_type_ensure (HEARTH_TYPE_RECOGNITION_PAGE);
  g_type_ensure (HEARTH_TYPE_FEEDBACK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/hearth-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, program_button);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, program_label);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, try_sample_button);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-program", NULL, new_program_action);
  gtk_widget_class_install_action (widget_class, "win.rename-program", NULL, rename_program_action);
  gtk_widget_class_install_action (widget_class, "win.delete-program", NULL, delete_program_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-activity", NULL,
                                   import_activity_action);
  gtk_widget_class_install_action (widget_class, "win.import-members", NULL,
                                   import_activity_action);
  gtk_widget_class_install_action (widget_class, "win.try-sample", NULL, try_sample_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-program", "s",
                                   undo_delete_program_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-record", "(ss)",
                                   undo_delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo-end-assignment", "s",
                                   undo_end_assignment_action);
  gtk_widget_class_install_property_action (widget_class, "win.program", "program-id");

  add_page_binding (widget_class, GDK_KEY_1, "overview");
  add_page_binding (widget_class, GDK_KEY_2, "candidates");
  add_page_binding (widget_class, GDK_KEY_3, "roles");
  add_page_binding (widget_class, GDK_KEY_4, "recognition");
  add_page_binding (widget_class, GDK_KEY_5, "feedback");
}

static void
hearth_window_init (HearthWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (APPLICATION_ID, APPLICATION_ID_BASE) != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  build_sidebar (self);
  update_actions (self);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (drop_target));

  self->programs_section = g_menu_new ();
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->programs_section));
  g_menu_append (actions, _("_New Program…"), "win.new-program");
  g_menu_append (actions, _("_Rename Program…"), "win.rename-program");
  g_menu_append (actions, _("_Delete Program"), "win.delete-program");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
  gtk_menu_button_set_menu_model (self->program_button, G_MENU_MODEL (menu));
}

static void
restore_state (HearthWindow *self)
{
  g_autofree char *page = NULL;

  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (gtk_stack_get_child_by_name (self->page_stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, page);
}

/**
 * hearth_window_new:
 * @program: (nullable): the id or name of the program to show first
 */
HearthWindow *
hearth_window_new (HearthApplication *application,
                   HearthStore       *store,
                   const char        *program)
{
  HearthWindow *self;

  g_return_val_if_fail (HEARTH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);

  self = g_object_new (HEARTH_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->settings = hearth_application_get_settings (application);
  g_signal_connect_object (store, "notify::busy", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  self->wanted_program = g_strdup (program);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (HEARTH_IS_PAGE (child))
        hearth_page_set_store (HEARTH_PAGE (child), store);
    }

  restore_state (self);

  self->programs = hearth_record_list_new (store, HEARTH_TYPE_PROGRAM, NULL, NULL);
  g_signal_connect_object (self->programs, "items-changed", G_CALLBACK (programs_changed_cb),
                           self, G_CONNECT_SWAPPED);
  programs_changed_cb (self);
  visible_page_changed_cb (self);

  return self;
}

/**
 * hearth_window_new_for_error:
 *
 * A window that explains why the database could not be opened, instead of a crash. The file
 * itself is left untouched.
 */
HearthWindow *
hearth_window_new_for_error (HearthApplication *application,
                             const GError      *error)
{
  HearthWindow *self;
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HEARTH_IS_APPLICATION (application), NULL);

  self = g_object_new (HEARTH_TYPE_WINDOW, "application", application, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 520);

  escaped = g_markup_escape_text (error ? error->message : _("Unknown error"), -1);
  description = g_strdup_printf ("%s\n\n%s", escaped,
                                 _("Hearth did not change the file. Start Hearth with "
                                   "--database to use another file, or copy a backup from the "
                                   "“backups” folder beside it."));
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");

  /* No store: update_actions() in init already left every editing action off. */

  return self;
}

/**
 * hearth_window_get_program:
 *
 * Returns: (transfer none) (nullable): the program shown
 */
HearthProgram *
hearth_window_get_program (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return self->program;
}

const char *
hearth_window_get_page (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
hearth_window_add_toast (HearthWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (HEARTH_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * hearth_window_show_program:
 * @id: a program's id
 *
 * Shows that program, if the window's list already holds it.
 */
void
hearth_window_show_program (HearthWindow *self,
                            const char   *id)
{
  g_return_if_fail (HEARTH_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (self->programs != NULL)
    select_program_id (self, id);
}
