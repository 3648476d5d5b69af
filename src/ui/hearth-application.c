/* hearth-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the store (and so the DB thread) for the whole GUI session, the app-wide actions and
 * the window.
 */

#define G_LOG_DOMAIN "hearth-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-application.h"
#include "hearth-preferences-window.h"
#include "hearth-window.h"

struct _HearthApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  char           *program;
  HearthStore    *store;
  GError         *store_error;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (HearthApplication, hearth_application, ADW_TYPE_APPLICATION)

static void
hearth_application_startup (GApplication *app)
{
  HearthApplication *self = HEARTH_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (hearth_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  /* Window size and the last page are conveniences: without the schema (an uninstalled
   * build run by hand) Hearth still works, it just forgets them. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID_BASE, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID_BASE);
  else
    g_message ("GSettings schema %s not found: window state will not be kept",
               APPLICATION_ID_BASE);

  self->store = hearth_store_open (self->database_path, &self->store_error);
}

static void
hearth_application_activate (GApplication *app)
{
  HearthApplication *self = HEARTH_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      if (self->store != NULL)
        window = GTK_WINDOW (hearth_window_new (self, self->store, self->program));
      else
        window = GTK_WINDOW (hearth_window_new_for_error (self, self->store_error));
    }

  gtk_window_present (window);
}

static void
hearth_application_shutdown (GApplication *app)
{
  HearthApplication *self = HEARTH_APPLICATION (app);

  /* Let queued writes finish before the process ends. */
  if (self->store != NULL)
    hearth_store_close (self->store);

  G_APPLICATION_CLASS (hearth_application_parent_class)->shutdown (app);
}

static void
hearth_application_finalize (GObject *object)
{
  HearthApplication *self = (HearthApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->program, g_free);

  G_OBJECT_CLASS (hearth_application_parent_class)->finalize (object);
}

static void
hearth_application_class_init (HearthApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hearth_application_finalize;

  app_class->startup = hearth_application_startup;
  app_class->activate = hearth_application_activate;
  app_class->shutdown = hearth_application_shutdown;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HearthApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HearthPreferencesWindow *preferences;
  HearthProgram *program = NULL;

  if (self->store == NULL)
    return;

  if (HEARTH_IS_WINDOW (parent))
    program = hearth_window_get_program (HEARTH_WINDOW (parent));

  preferences = hearth_preferences_window_new (self->store, program);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HearthApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Hearth developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Hearth"),
                        "developer-name", _("The Hearth developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Find, support and recognize the members who keep your "
                                      "community alive. Your data stays on this computer."),
                        "website", "https://github.com/hearthapp/hearth",
                        "issue-url", "https://github.com/hearthapp/hearth/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
hearth_application_init (HearthApplication *self)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *new_program_accels[] = { "<Control>n", NULL };
  const char *import_accels[] = { "<Control>o", NULL };
  const char *export_accels[] = { "<Control>e", NULL };
  const char *import_activity_accels[] = { "<Control><Shift>o", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-program",
                                         new_program_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-activity",
                                         import_activity_accels);
}

/**
 * hearth_application_new:
 * @database_path: the database to open
 * @non_unique: %TRUE for an explicit database (--database or HEARTH_DATABASE): tests and
 *   benchmarks then run side by side instead of raising one shared window
 * @program: (nullable): the id or name of the program to show first
 */
HearthApplication *
hearth_application_new (const char *database_path,
                        gboolean    non_unique,
                        const char *program)
{
  HearthApplication *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", non_unique ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
  self->database_path = g_strdup (database_path);
  self->program = g_strdup (program);

  return self;
}

HearthStore *
hearth_application_get_store (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * hearth_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the UI-state settings, when the schema is installed
 */
GSettings *
hearth_application_get_settings (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *
hearth_application_get_database_path (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return self->database_path;
}
