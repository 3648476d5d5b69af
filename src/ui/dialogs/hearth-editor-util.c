/* hearth-editor-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the record editors (member, nomination, observation) share: reading a trimmed entry,
 * the inline error rows, the reference day for new dates, and the Undo toast on the main
 * window after a delete.
 */

#define G_LOG_DOMAIN "hearth-editor-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-editor-util.h"
#include "hearth-program.h"
#include "hearth-util.h"
#include "hearth-window.h"

/* Returns: (transfer full) (nullable): the text without surrounding spaces, NULL when empty
 * (DESIGN §4: "not set" is NULL, never ''). */
char *
hearth_editor_get_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* A plausible address, not a full RFC 5322 check: one @ with something before it, a dot in
 * what follows (neither first nor last), and no spaces anywhere. */
gboolean
hearth_editor_email_is_valid (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  dot = strchr (at + 1, '.');
  return dot != NULL && dot != at + 1 && dot[1] != '\0' && text[strlen (text) - 1] != '.';
}

/* Shows @message under a field (or hides it with %NULL), and marks the field itself. */
void
hearth_editor_show_error (AdwActionRow *error_row,
                          GtkWidget    *field,
                          const char   *message)
{
  if (message != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message);
      gtk_widget_add_css_class (field, "error");
    }
  else
    gtk_widget_remove_css_class (field, "error");

  gtk_widget_set_visible (GTK_WIDGET (error_row), message != NULL);
}

/* The day new records are dated by default: program.as_of, HEARTH_TODAY, or today. */
char *
hearth_editor_reference_day (HearthStore *store,
                             const char  *program_id)
{
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GDate) day = NULL;
  const char *as_of = NULL;

  if (program_id != NULL)
    program = hearth_record_load_by_id (HEARTH_TYPE_PROGRAM, hearth_store_get_reader (store),
                                        program_id, FALSE, NULL);
  if (program != NULL)
    as_of = hearth_record_get_text (HEARTH_RECORD (program), HEARTH_PROGRAM_AS_OF);

  day = hearth_reference_day (as_of);
  return hearth_date_to_string (day);
}

/* After a delete from @dialog: a toast on the main window whose Undo restores the record
 * (win.undo-delete-record). The dialog itself closes, so the toast can't live there. */
void
hearth_editor_toast_deleted (GtkWindow  *dialog,
                             const char *table,
                             const char *id,
                             const char *title)
{
  GtkWindow *parent = dialog ? gtk_window_get_transient_for (dialog) : NULL;
  AdwToast *toast;

  if (!HEARTH_IS_WINDOW (parent))
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-record");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", table, id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  hearth_window_add_toast (HEARTH_WINDOW (parent), toast);
}

void
hearth_editor_toast_error (AdwToastOverlay *overlay,
                           const char      *what,
                           const GError    *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  /* Toast titles are markup on libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* How the UI names the activity kinds of the schema (hearth_activity_kinds): the import
 * dialog's mapping, the role editor's metrics and the roles page's goals all use these. */
static const struct
{
  const char *kind;
  const char *label;
} kind_labels[] = {
  { "message", N_("Messages") },
  { "thread_started", N_("Threads started") },
  { "reply", N_("Replies") },
  { "welcome", N_("Welcomes") },
  { "answer", N_("Answers") },
  { "reaction_received", N_("Reactions received") },
  { "event_attended", N_("Events attended") },
  { "event_promoted", N_("Events promoted") },
  { "content_shared", N_("Content shared") },
};

/**
 * hearth_activity_kind_label:
 * @kind: an activity kind, such as "welcome"
 *
 * Returns: the kind's translated name ("Welcomes"), or @kind itself when it is unknown
 */
const char *
hearth_activity_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].kind, kind) == 0)
      return _(kind_labels[i].label);

  return kind;
}
