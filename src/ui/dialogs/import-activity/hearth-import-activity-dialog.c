/* hearth-import-activity-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Import Activity" and "Import Members": community data from the platforms' own exports into
 * the shown program. The files are read on a worker thread (their format, and for a table the
 * header and the first rows, so the columns can be mapped); the import itself runs on the DB
 * thread with the store busy, and makes its own backup and transaction, so an error or a
 * cancel leaves the database as it was.
 */

#define G_LOG_DOMAIN "hearth-import-activity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-import-activity-dialog.h"
#include "hearth-import-activity-dialog-private.h"
#include "hearth-editor-util.h"
#include "hearth-error.h"
#include "hearth-schema.h"
#include "hearth-weak-ref.h"

#define PREVIEW_ROWS 5

struct _HearthImportActivityDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *cancel_button;
  AdwPreferencesGroup  *columns_group;
  AdwPreferencesGroup  *date_group;
  AdwEntryRow          *date_row;
  AdwPreferencesGroup  *error_group;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *files_group;
  AdwComboRow          *format_row;
  GtkButton            *import_button;
  AdwPreferencesGroup  *kinds_group;
  GtkButton            *latin1_button;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *preview_group;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkSpinner           *spinner;
  GtkStack             *stack;

  /* Borrowed (a weak pointer) */
  HearthWindow         *window;

  /* Owned */
  HearthStore          *store;
  char                 *program_id;
  HearthImportFormat    variant;          /* AUTO (activity) or MEMBERS */
  GPtrArray            *files;            /* GFile */
  GPtrArray            *file_rows;        /* rows of files_group, one per file */
  GPtrArray            *mapping_rows;     /* rows of columns_group and kinds_group */
  GtkWidget            *field_rows[HEARTH_IMPORT_N_FIELDS];
  HearthImportFormat   *detected;         /* one per file */
  HearthImportFormat    effective;        /* what every file is, or AUTO when they differ */
  HearthImportPreview  *preview;
  GtkFileChooserNative *chooser;
  GCancellable         *inspect_cancellable;
  GCancellable         *import_cancellable;  /* set while the import runs */
  gboolean              latin1;
  guint                 inspected : 1;
  guint                 updating_format : 1;
};

G_DEFINE_FINAL_TYPE (HearthImportActivityDialog, hearth_import_activity_dialog, ADW_TYPE_WINDOW)

/* Names --------------------------------------------------------------------------------------- */

static const HearthImportFormat activity_formats[] = {
  HEARTH_IMPORT_FORMAT_AUTO,
  HEARTH_IMPORT_FORMAT_DISCORD_JSON,
  HEARTH_IMPORT_FORMAT_DISCORD_CSV,
  HEARTH_IMPORT_FORMAT_DISCOURSE_USERS,
  HEARTH_IMPORT_FORMAT_CSV,
};

static const HearthImportFormat members_formats[] = {
  HEARTH_IMPORT_FORMAT_MEMBERS,
};

static const char *
describe_format (HearthImportFormat format)
{
  switch (format)
    {
    case HEARTH_IMPORT_FORMAT_AUTO:
      return _("Detect automatically");
    case HEARTH_IMPORT_FORMAT_CSV:
      return _("Activity table (CSV)");
    case HEARTH_IMPORT_FORMAT_DISCORD_JSON:
      return _("Discord (DiscordChatExporter JSON)");
    case HEARTH_IMPORT_FORMAT_DISCORD_CSV:
      return _("Discord (DiscordChatExporter CSV)");
    case HEARTH_IMPORT_FORMAT_DISCOURSE_USERS:
      return _("Discourse user list");
    case HEARTH_IMPORT_FORMAT_MEMBERS:
      return _("Member list (CSV)");
    default:
      g_assert_not_reached ();
    }
}

static const HearthImportField activity_fields[] = {
  HEARTH_IMPORT_FIELD_MEMBER_ID,
  HEARTH_IMPORT_FIELD_EXTERNAL_ID,
  HEARTH_IMPORT_FIELD_PLATFORM,
  HEARTH_IMPORT_FIELD_HANDLE,
  HEARTH_IMPORT_FIELD_NAME,
  HEARTH_IMPORT_FIELD_DAY,
  HEARTH_IMPORT_FIELD_KIND,
  HEARTH_IMPORT_FIELD_COUNT,
};

static const HearthImportField members_fields[] = {
  HEARTH_IMPORT_FIELD_HANDLE,
  HEARTH_IMPORT_FIELD_NAME,
  HEARTH_IMPORT_FIELD_EXTERNAL_ID,
  HEARTH_IMPORT_FIELD_PLATFORM,
  HEARTH_IMPORT_FIELD_EMAIL,
  HEARTH_IMPORT_FIELD_JOINED_ON,
  HEARTH_IMPORT_FIELD_REGION,
  HEARTH_IMPORT_FIELD_TIMEZONE,
  HEARTH_IMPORT_FIELD_LANGUAGE,
  HEARTH_IMPORT_FIELD_SEGMENT,
};

static const char *
describe_field (HearthImportField field)
{
  switch (field)
    {
    case HEARTH_IMPORT_FIELD_MEMBER_ID:   return _("Member ID");
    case HEARTH_IMPORT_FIELD_EXTERNAL_ID: return _("External ID");
    case HEARTH_IMPORT_FIELD_PLATFORM:    return _("Platform");
    case HEARTH_IMPORT_FIELD_HANDLE:      return _("Handle");
    case HEARTH_IMPORT_FIELD_NAME:        return _("Display Name");
    case HEARTH_IMPORT_FIELD_DAY:         return _("Day");
    case HEARTH_IMPORT_FIELD_KIND:        return _("Kind");
    case HEARTH_IMPORT_FIELD_COUNT:       return _("Count");
    case HEARTH_IMPORT_FIELD_EMAIL:       return _("E-mail");
    case HEARTH_IMPORT_FIELD_JOINED_ON:   return _("Joined On");
    case HEARTH_IMPORT_FIELD_REGION:      return _("Region");
    case HEARTH_IMPORT_FIELD_TIMEZONE:    return _("Time Zone");
    case HEARTH_IMPORT_FIELD_LANGUAGE:    return _("Language");
    case HEARTH_IMPORT_FIELD_SEGMENT:     return _("Segment");
    case HEARTH_IMPORT_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* A header cell as the people who wrote it see it: blank ones get their position. */
static char *
describe_column (const char *header,
                 guint       index)
{
  g_autofree char *stripped = g_strstrip (g_strdup (header != NULL ? header : ""));

  if (*stripped == '\0')
    /* Translators: a column of the file without a header; %u counts from 1. */
    return g_strdup_printf (_("Column %u"), index + 1);

  return g_steal_pointer (&stripped);
}

static gboolean
has_table (HearthImportFormat format)
{
  return format == HEARTH_IMPORT_FORMAT_CSV || format == HEARTH_IMPORT_FORMAT_MEMBERS;
}

static const HearthImportField *
get_fields (HearthImportActivityDialog *self,
            guint                      *n_fields)
{
  if (self->variant == HEARTH_IMPORT_FORMAT_MEMBERS)
    {
      *n_fields = G_N_ELEMENTS (members_fields);
      return members_fields;
    }

  *n_fields = G_N_ELEMENTS (activity_fields);
  return activity_fields;
}

static HearthImportFormat
get_selected_format (HearthImportActivityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (self->variant == HEARTH_IMPORT_FORMAT_MEMBERS)
    return HEARTH_IMPORT_FORMAT_MEMBERS;

  if (selected >= G_N_ELEMENTS (activity_formats))
    return HEARTH_IMPORT_FORMAT_AUTO;

  return activity_formats[selected];
}

/* Errors -------------------------------------------------------------------------------------- */

static void
show_message (HearthImportActivityDialog *self,
              const char                 *message,
              gboolean                    offer_latin1)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->latin1_button), offer_latin1 && !self->latin1);
}

/* The core's messages already name the file, the line and the field. */
static void
show_error (HearthImportActivityDialog *self,
            const GError               *error)
{
  g_autofree char *text = NULL;
  gboolean encoding = g_error_matches (error, HEARTH_ERROR, HEARTH_ERROR_ENCODING);

  if (encoding && !self->latin1)
    text = g_strdup_printf ("%s %s", error->message,
                            _("If the file was saved as Latin-1 (Windows-1252), read it as that."));
  else
    text = g_strdup (error->message);

  show_message (self, text, encoding);
}

/* The files ----------------------------------------------------------------------------------- */

static void
clear_file_rows (HearthImportActivityDialog *self)
{
  for (guint i = 0; i < self->file_rows->len; i++)
    adw_preferences_group_remove (self->files_group, g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);
}

static void
show_files (HearthImportActivityDialog *self)
{
  clear_file_rows (self);

  for (guint i = 0; i < self->files->len; i++)
    {
      GFile *file = g_ptr_array_index (self->files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (folder != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_widget_add_css_class (row, "property");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "text-x-generic-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      adw_preferences_group_add (self->files_group, row);
      g_ptr_array_add (self->file_rows, row);
    }
}

/* Mapping ------------------------------------------------------------------------------------- */

static void
clear_mapping_rows (HearthImportActivityDialog *self)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->mapping_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->mapping_rows, 0);
  memset (self->field_rows, 0, sizeof self->field_rows);
}

static int
get_column (HearthImportActivityDialog *self,
            HearthImportField           field)
{
  guint selected;

  if (self->field_rows[field] == NULL)
    return -1;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->field_rows[field]));
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return -1;

  return (int) selected - 1;
}

static void
clear_preview_grid (HearthImportActivityDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
}

static GtkWidget *
make_cell (const char *text,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

/* The first rows as the mapping reads them: one column per field that has a column. */
static void
update_preview_grid (HearthImportActivityDialog *self)
{
  const HearthImportField *fields;
  guint n_fields;
  guint x = 0;

  clear_preview_grid (self);

  if (self->preview == NULL)
    return;

  fields = get_fields (self, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      int column = get_column (self, fields[i]);

      if (column < 0)
        continue;

      gtk_grid_attach (self->preview_grid, make_cell (describe_field (fields[i]), TRUE), x, 0, 1, 1);
      for (guint r = 0; self->preview->rows != NULL && r < self->preview->rows->len && r < PREVIEW_ROWS; r++)
        {
          char **row = g_ptr_array_index (self->preview->rows, r);
          const char *value = (guint) column < g_strv_length (row) ? row[column] : "";

          gtk_grid_attach (self->preview_grid, make_cell (value, FALSE), x, r + 1, 1, 1);
        }
      x++;
    }

  /* Nothing chosen yet: the file as it is, to choose from. */
  for (guint c = 0; x == 0 && self->preview->header != NULL && self->preview->header[c] != NULL; c++)
    {
      g_autofree char *name = describe_column (self->preview->header[c], c);

      gtk_grid_attach (self->preview_grid, make_cell (name, TRUE), c, 0, 1, 1);
      for (guint r = 0; self->preview->rows != NULL && r < self->preview->rows->len && r < PREVIEW_ROWS; r++)
        {
          char **row = g_ptr_array_index (self->preview->rows, r);
          const char *value = c < g_strv_length (row) ? row[c] : "";

          gtk_grid_attach (self->preview_grid, make_cell (value, FALSE), c, r + 1, 1, 1);
        }
    }
}

static void
update_import_sensitive (HearthImportActivityDialog *self)
{
  gboolean ready = self->inspected && self->files->len > 0 && self->import_cancellable == NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ready);
}

static GtkWidget *make_kind_row (const char *value);

static gboolean
is_kind (const char *value)
{
  for (guint i = 0; i < g_strv_length ((char **) hearth_activity_kinds); i++)
    if (g_str_equal (hearth_activity_kinds[i], value))
      return TRUE;

  return FALSE;
}

/* The values of the kind column that are not one of the nine kinds: the core's list for the
 * column it mapped itself, else those of the previewed rows. */
static GPtrArray *
find_unknown_kinds (HearthImportActivityDialog *self)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  int column = get_column (self, HEARTH_IMPORT_FIELD_KIND);

  if (column < 0 || self->preview == NULL)
    return values;

  if (column == self->preview->mapping.columns[HEARTH_IMPORT_FIELD_KIND])
    {
      for (guint i = 0; self->preview->unknown_kinds != NULL && self->preview->unknown_kinds[i] != NULL; i++)
        g_ptr_array_add (values, g_strdup (self->preview->unknown_kinds[i]));
      return values;
    }

  for (guint r = 0; self->preview->rows != NULL && r < self->preview->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->preview->rows, r);
      g_autofree char *value = NULL;

      if ((guint) column >= g_strv_length (row))
        continue;
      value = g_strstrip (g_strdup (row[column]));
      if (*value != '\0' && !is_kind (value) &&
          !g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
        g_ptr_array_add (values, g_steal_pointer (&value));
    }

  return values;
}

/* One row per unknown value of the kind column, keeping what was chosen for values still there. */
static void
update_kind_rows (HearthImportActivityDialog *self)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) values = NULL;

  for (guint i = 0; i < self->mapping_rows->len; )
    {
      GtkWidget *row = g_ptr_array_index (self->mapping_rows, i);
      const char *value = g_object_get_data (G_OBJECT (row), "hearth-kind-value");

      if (value == NULL)
        {
          i++;
          continue;
        }
      g_hash_table_insert (chosen, g_strdup (value),
                           GUINT_TO_POINTER (adw_combo_row_get_selected (ADW_COMBO_ROW (row))));
      adw_preferences_group_remove (self->kinds_group, row);
      g_ptr_array_remove_index (self->mapping_rows, i);
    }

  values = find_unknown_kinds (self);
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      GtkWidget *row = make_kind_row (value);
      gpointer selected;

      if (g_hash_table_lookup_extended (chosen, value, NULL, &selected))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), GPOINTER_TO_UINT (selected));
      adw_preferences_group_add (self->kinds_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kinds_group), values->len > 0);
}

static void
field_selected_cb (HearthImportActivityDialog *self,
                   GParamSpec                 *pspec,
                   AdwComboRow                *row)
{
  if (GTK_WIDGET (row) == self->field_rows[HEARTH_IMPORT_FIELD_KIND])
    update_kind_rows (self);
  update_preview_grid (self);
}

static GtkWidget *
make_column_row (HearthImportActivityDialog *self,
                 HearthImportField           field)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  int column = self->preview->mapping.columns[field];
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  gtk_string_list_append (model, _("Not in the file"));
  for (guint i = 0; self->preview->header != NULL && self->preview->header[i] != NULL; i++)
    {
      g_autofree char *name = describe_column (self->preview->header[i], i);

      gtk_string_list_append (model, name);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), describe_field (field));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  if (column >= 0 && (guint) column + 1 < g_list_model_get_n_items (G_LIST_MODEL (model)))
    adw_combo_row_set_selected (row, column + 1);
  else
    adw_combo_row_set_selected (row, 0);
  return GTK_WIDGET (row);
}

static GtkWidget *
make_kind_row (const char *value)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  gtk_string_list_append (model, _("Not mapped"));
  for (guint i = 0; i < g_strv_length ((char **) hearth_activity_kinds); i++)
    gtk_string_list_append (model, hearth_activity_kind_label (hearth_activity_kinds[i]));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The file's own word for the kind: shown as it is. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, 0);
  g_object_set_data_full (G_OBJECT (row), "hearth-kind-value", g_strdup (value), g_free);

  return GTK_WIDGET (row);
}

static void
show_mapping (HearthImportActivityDialog *self)
{
  const HearthImportField *fields;
  guint n_fields;

  clear_mapping_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), self->preview != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), self->preview != NULL);

  if (self->preview == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->kinds_group), FALSE);
      clear_preview_grid (self);
      return;
    }

  fields = get_fields (self, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *row = make_column_row (self, fields[i]);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->mapping_rows, row);
      self->field_rows[fields[i]] = row;
    }
  /* Connected once every row is there: the kind rows read the kind column's row. */
  for (guint i = 0; i < n_fields; i++)
    g_signal_connect_object (self->field_rows[fields[i]], "notify::selected",
                             G_CALLBACK (field_selected_cb), self, G_CONNECT_SWAPPED);

  update_kind_rows (self);
  update_preview_grid (self);
}

/* Reading the files --------------------------------------------------------------------------- */

typedef struct
{
  char               **paths;
  HearthImportFormat   format;    /* the one chosen, or AUTO */
  gboolean             latin1;
} InspectData;

typedef struct
{
  HearthImportFormat  *detected;
  HearthImportFormat   effective;
  HearthImportPreview *preview;
} InspectResult;

static void
inspect_data_free (InspectData *data)
{
  g_strfreev (data->paths);
  g_free (data);
}

static void
inspect_result_free (InspectResult *result)
{
  g_free (result->detected);
  g_clear_pointer (&result->preview, hearth_import_preview_free);
  g_free (result);
}

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InspectData *data = task_data;
  guint n = g_strv_length (data->paths);
  InspectResult *result = g_new0 (InspectResult, 1);
  GError *error = NULL;

  result->detected = g_new0 (HearthImportFormat, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (data->format != HEARTH_IMPORT_FORMAT_AUTO)
        result->detected[i] = data->format;
      else
        result->detected[i] = hearth_import_detect (data->paths[i], data->latin1, &error);

      if (error != NULL)
        {
          inspect_result_free (result);
          g_task_return_error (task, error);
          return;
        }

      if (i == 0)
        result->effective = result->detected[0];
      else if (result->detected[i] != result->effective)
        result->effective = HEARTH_IMPORT_FORMAT_AUTO;
    }

  /* The columns are mapped once for every file: from the first one's header. */
  if (n > 0 && has_table (result->effective))
    {
      result->preview = hearth_import_preview (data->paths[0], result->effective, data->latin1,
                                               PREVIEW_ROWS, &error);
      if (result->preview == NULL)
        {
          inspect_result_free (result);
          g_task_return_error (task, error);
          return;
        }
    }

  if (g_task_return_error_if_cancelled (task))
    {
      inspect_result_free (result);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) inspect_result_free);
}

static void
show_detected (HearthImportActivityDialog *self)
{
  g_autofree char *subtitle = NULL;
  gboolean dates = FALSE;

  if (get_selected_format (self) == HEARTH_IMPORT_FORMAT_AUTO && self->detected != NULL)
    {
      if (self->effective != HEARTH_IMPORT_FORMAT_AUTO)
        /* Translators: %s is a file format, such as "Discourse user list". */
        subtitle = g_strdup_printf (_("Detected: %s"), describe_format (self->effective));
      else
        subtitle = g_strdup (_("Detected: several formats, each file read as its own"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), subtitle != NULL ? subtitle : "");

  /* Per file, when they differ. */
  for (guint i = 0; i < self->files->len && self->detected != NULL; i++)
    {
      HearthImportFormat format = self->detected[i];

      if (format == HEARTH_IMPORT_FORMAT_CSV || format == HEARTH_IMPORT_FORMAT_DISCORD_CSV)
        dates = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_group), dates);
}

static void
inspect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HearthImportActivityDialog) self = hearth_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  InspectResult *inspected;

  inspected = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->stack == NULL)
    {
      g_clear_pointer (&inspected, inspect_result_free);
      return;
    }

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "options");

  g_clear_pointer (&self->preview, hearth_import_preview_free);
  g_clear_pointer (&self->detected, g_free);

  if (inspected == NULL)
    {
      self->inspected = FALSE;
      show_mapping (self);
      show_detected (self);
      show_error (self, error);
      update_import_sensitive (self);
      return;
    }

  self->detected = g_steal_pointer (&inspected->detected);
  self->effective = inspected->effective;
  self->preview = g_steal_pointer (&inspected->preview);
  inspect_result_free (inspected);

  self->inspected = TRUE;
  show_message (self, NULL, FALSE);
  show_detected (self);
  show_mapping (self);
  update_import_sensitive (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static void
start_inspect (HearthImportActivityDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  InspectData *data = g_new0 (InspectData, 1);

  g_cancellable_cancel (self->inspect_cancellable);
  g_clear_object (&self->inspect_cancellable);
  self->inspect_cancellable = g_cancellable_new ();
  self->inspected = FALSE;
  update_import_sensitive (self);

  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (self->files, i));

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (g_ptr_array_index (self->files, i));
          g_autofree char *text = g_strdup_printf ("%s: %s", name,
                                                   _("Only files on this computer can be imported"));

          inspect_data_free (data);
          gtk_stack_set_visible_child_name (self->stack, "options");
          show_message (self, text, FALSE);
          return;
        }
      g_strv_builder_add (builder, path);
    }

  data->paths = g_strv_builder_end (builder);
  data->format = get_selected_format (self);
  data->latin1 = self->latin1;

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Not the dialog itself: see hearth-weak-ref.h. */
  task = g_task_new (NULL, self->inspect_cancellable, inspect_done_cb, hearth_weak_ref_new (self));
  g_task_set_source_tag (task, start_inspect);
  g_task_set_task_data (task, data, (GDestroyNotify) inspect_data_free);
  g_task_run_in_thread (task, inspect_thread);
}

static void
set_files (HearthImportActivityDialog  *self,
           GFile                      **files,
           guint                        n_files)
{
  g_ptr_array_set_size (self->files, 0);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));

  /* A new choice of files starts from UTF-8 again. */
  self->latin1 = FALSE;
  show_message (self, NULL, FALSE);
  show_files (self);

  if (self->files->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_import_sensitive (self);
      return;
    }

  start_inspect (self);
}

static void
format_selected_cb (HearthImportActivityDialog *self)
{
  if (self->updating_format || self->files == NULL || self->files->len == 0)
    return;

  start_inspect (self);
}

static void
latin1_clicked_cb (HearthImportActivityDialog *self)
{
  self->latin1 = TRUE;
  show_message (self, NULL, FALSE);
  start_inspect (self);
}

/* Choosing files ------------------------------------------------------------------------------ */

static void
chooser_response_cb (GtkFileChooserNative       *chooser,
                     int                         response,
                     HearthImportActivityDialog *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));

  if (files->len > 0)
    set_files (self, (GFile **) files->pdata, files->len);
  else if (self->files->len == 0)
    /* Opened for choosing, and nothing chosen: there is nothing to import. */
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_clicked_cb (HearthImportActivityDialog *self)
{
  hearth_import_activity_dialog_choose_files (self);
}

/* Importing ----------------------------------------------------------------------------------- */

typedef struct
{
  char                **paths;
  char                 *program_id;
  char                 *date_format;
  HearthImportOptions   options;
  HearthImportMapping   mapping;
  gboolean              has_mapping;
  GCancellable         *cancellable;
  GWeakRef              dialog;
  HearthImportSummary  *summary;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_strfreev (job->paths);
  g_free (job->program_id);
  g_free (job->date_format);
  if (job->has_mapping)
    hearth_import_mapping_clear (&job->mapping);
  g_clear_object (&job->cancellable);
  g_weak_ref_clear (&job->dialog);
  g_clear_pointer (&job->summary, hearth_import_summary_free);
  g_free (job);
}

typedef struct
{
  HearthImportActivityDialog *self;
  guint64                     done;
  guint64                     total;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  HearthImportActivityDialog *self = progress->self;

  /* A late report after the import ended must not move the bar again. */
  if (self->import_cancellable != NULL && self->progress_bar != NULL)
    {
      if (progress->total > 0)
        gtk_progress_bar_set_fraction (self->progress_bar,
                                       MIN (1.0, (double) progress->done / progress->total));
      else
        gtk_progress_bar_pulse (self->progress_bar);
    }

  g_object_unref (progress->self);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

/* Runs on the DB thread: hand the numbers to the main thread. */
static void
import_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  ImportJob *job = user_data;
  HearthImportActivityDialog *self = g_weak_ref_get (&job->dialog);
  Progress *progress;

  if (self == NULL)
    return;

  progress = g_new0 (Progress, 1);
  progress->self = self;  /* the reference g_weak_ref_get() took, dropped on the main thread */
  progress->done = done;
  progress->total = total;
  /* An idle, never g_main_context_invoke(): that would run the callback right here, on the DB
   * thread, whenever the main thread happens not to hold the main context. */
  g_idle_add (show_progress_cb, progress);
}

static gboolean
import_job (HearthDatabase  *db,
            gpointer         data,
            GError         **error)
{
  ImportJob *job = data;

  job->summary = hearth_import_run (db, job->program_id, (const char * const *) job->paths,
                                    &job->options, import_progress, job, job->cancellable,
                                    error);

  return job->summary != NULL;
}

/* The columns and kinds as the rows say now. */
static void
read_mapping (HearthImportActivityDialog *self,
              HearthImportMapping        *mapping)
{
  hearth_import_mapping_init (mapping, self->effective);
  mapping->format = self->effective;
  mapping->delimiter = self->preview->delimiter;

  for (guint f = 0; f < HEARTH_IMPORT_N_FIELDS; f++)
    mapping->columns[f] = get_column (self, f);

  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->mapping_rows, i);
      const char *value = g_object_get_data (row, "hearth-kind-value");
      guint selected;

      if (value == NULL)
        continue;

      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
          selected > g_strv_length ((char **) hearth_activity_kinds))
        continue;

      if (mapping->kinds == NULL)
        mapping->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (mapping->kinds, g_strdup (value),
                            g_strdup (hearth_activity_kinds[selected - 1]));
    }
}

static void
set_running (HearthImportActivityDialog *self,
             gboolean                    running)
{
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, running ? "progress" : "options");
  update_import_sensitive (self);
}

static void
add_toast (HearthImportActivityDialog *self,
           const HearthImportSummary  *summary)
{
  g_autofree char *text = hearth_import_activity_describe_summary (summary, self->variant);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (self->window == NULL)
    return;

  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  hearth_window_add_toast (self->window, toast);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HearthImportActivityDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ImportJob *job = hearth_store_job_get_data (result);
  gboolean ok = hearth_store_write_finish (HEARTH_STORE (object), result, &error);

  hearth_store_set_busy (HEARTH_STORE (object), FALSE);
  g_clear_object (&self->import_cancellable);

  /* The dialog went away with its window (the application quit) while the import ran. */
  if (self->stack == NULL)
    return;

  set_running (self, FALSE);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Import cancelled. Nothing was changed."), FALSE);
      else
        {
          g_autofree char *text = g_strdup_printf ("%s %s", error->message,
                                                   _("Nothing was changed."));
          gboolean encoding = g_error_matches (error, HEARTH_ERROR, HEARTH_ERROR_ENCODING);

          show_message (self, text, encoding);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
      return;
    }

  add_toast (self, job->summary);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (HearthImportActivityDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  ImportJob *job;

  if (!self->inspected || self->import_cancellable != NULL || self->files->len == 0)
    return;

  job = g_new0 (ImportJob, 1);
  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (self->files, i));

      g_strv_builder_add (builder, path);
    }
  job->paths = g_strv_builder_end (builder);
  job->program_id = g_strdup (self->program_id);

  job->options.format = self->variant == HEARTH_IMPORT_FORMAT_MEMBERS
                          ? HEARTH_IMPORT_FORMAT_MEMBERS : get_selected_format (self);
  if (job->options.format == HEARTH_IMPORT_FORMAT_AUTO && self->effective != HEARTH_IMPORT_FORMAT_AUTO)
    job->options.format = self->effective;
  job->options.latin1 = self->latin1;

  if (gtk_widget_get_visible (GTK_WIDGET (self->date_group)))
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

      if (text != NULL && *text != '\0')
        job->date_format = g_strdup (text);
    }
  job->options.date_format = job->date_format;

  if (self->preview != NULL)
    {
      read_mapping (self, &job->mapping);
      job->has_mapping = TRUE;
      job->options.mapping = &job->mapping;
    }

  self->import_cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->import_cancellable);
  g_weak_ref_init (&job->dialog, self);

  show_message (self, NULL, FALSE);
  set_running (self, TRUE);
  hearth_store_set_busy (self->store, TRUE);

  /* The import makes its backup and its transaction itself. */
  hearth_store_write_async (self->store, import_job, job, (GDestroyNotify) import_job_free,
                            HEARTH_WRITE_FLAGS_NO_TRANSACTION, self->import_cancellable,
                            import_done_cb, g_object_ref (self));
}

/* Cancel stops a running import and keeps the dialog; otherwise it closes the dialog. */
static void
cancel_clicked_cb (HearthImportActivityDialog *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* GObject ------------------------------------------------------------------------------------- */

static gboolean
hearth_import_activity_dialog_close_request (GtkWindow *window)
{
  HearthImportActivityDialog *self = HEARTH_IMPORT_ACTIVITY_DIALOG (window);

  if (self->import_cancellable != NULL)
    {
      g_cancellable_cancel (self->import_cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (hearth_import_activity_dialog_parent_class)->close_request (window);
}

static void
hearth_import_activity_dialog_dispose (GObject *object)
{
  HearthImportActivityDialog *self = (HearthImportActivityDialog *)object;

  if (self->inspect_cancellable != NULL)
    g_cancellable_cancel (self->inspect_cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  if (self->mapping_rows != NULL)
    g_ptr_array_set_size (self->mapping_rows, 0);
  if (self->file_rows != NULL)
    g_ptr_array_set_size (self->file_rows, 0);
  memset (self->field_rows, 0, sizeof self->field_rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_IMPORT_ACTIVITY_DIALOG);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->program_id, g_free);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->detected, g_free);
  g_clear_pointer (&self->preview, hearth_import_preview_free);
  g_clear_object (&self->inspect_cancellable);
  g_clear_object (&self->import_cancellable);

  G_OBJECT_CLASS (hearth_import_activity_dialog_parent_class)->dispose (object);
}

static void
hearth_import_activity_dialog_class_init (HearthImportActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearth_import_activity_dialog_dispose;

  window_class->close_request = hearth_import_activity_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/dialogs/import-activity/hearth-import-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, files_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, latin1_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthImportActivityDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, latin1_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_import_activity_dialog_init (HearthImportActivityDialog *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  self->file_rows = g_ptr_array_new ();
  self->mapping_rows = g_ptr_array_new ();
  self->inspect_cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hearth_import_activity_dialog_new:
 * @window: the window whose program receives the data; the dialog is transient for it and
 *   adds its toast there
 * @program_id: (nullable): the program to import into
 * @variant: %HEARTH_IMPORT_FORMAT_AUTO for activity, %HEARTH_IMPORT_FORMAT_MEMBERS for a roster
 * @files: (nullable) (array zero-terminated=1): the files; without any, the dialog asks for
 *   them (see hearth_import_activity_dialog_choose_files())
 */
HearthImportActivityDialog *
hearth_import_activity_dialog_new (HearthWindow       *window,
                                   HearthStore        *store,
                                   const char         *program_id,
                                   HearthImportFormat  variant,
                                   GFile             **files)
{
  HearthImportActivityDialog *self;
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  const HearthImportFormat *list;
  guint n_list;
  guint n_files = 0;

  g_return_val_if_fail (window == NULL || HEARTH_IS_WINDOW (window), NULL);
  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (variant == HEARTH_IMPORT_FORMAT_AUTO ||
                        variant == HEARTH_IMPORT_FORMAT_MEMBERS, NULL);

  self = g_object_new (HEARTH_TYPE_IMPORT_ACTIVITY_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->program_id = g_strdup (program_id);
  self->variant = variant;
  if (window != NULL)
    {
      g_set_weak_pointer (&self->window, window);
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (window));
    }

  if (variant == HEARTH_IMPORT_FORMAT_MEMBERS)
    {
      list = members_formats;
      n_list = G_N_ELEMENTS (members_formats);
      gtk_window_set_title (GTK_WINDOW (self), C_("import members dialog title", "Import Members"));
      adw_status_page_set_description (ADW_STATUS_PAGE (
                                         gtk_stack_get_child_by_name (self->stack, "empty")),
                                       _("Choose a table of your members, one row each: a handle or a name, and whatever else you know about them."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), FALSE);
    }
  else
    {
      list = activity_formats;
      n_list = G_N_ELEMENTS (activity_formats);
    }

  for (guint i = 0; i < n_list; i++)
    gtk_string_list_append (formats, describe_format (list[i]));
  self->updating_format = TRUE;
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  adw_combo_row_set_selected (self->format_row, 0);
  self->updating_format = FALSE;

  while (files != NULL && files[n_files] != NULL)
    n_files++;
  set_files (self, files, n_files);

  return self;
}

/**
 * hearth_import_activity_dialog_choose_files:
 *
 * Asks for the files with GTK's file chooser (a portal's, where there is one). When the dialog
 * has no files yet and none are chosen, it closes.
 */
void
hearth_import_activity_dialog_choose_files (HearthImportActivityDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  gboolean members;

  g_return_if_fail (HEARTH_IS_IMPORT_ACTIVITY_DIALOG (self));

  if (self->chooser != NULL || self->import_cancellable != NULL)
    return;

  members = self->variant == HEARTH_IMPORT_FORMAT_MEMBERS;
  chooser = gtk_file_chooser_native_new (members ? _("Choose a Member List")
                                                 : _("Choose Activity Files"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), !members);

  if (members)
    {
      gtk_file_filter_set_name (exports, _("CSV Files"));
    }
  else
    {
      gtk_file_filter_set_name (exports, _("JSON and CSV Files"));
      gtk_file_filter_add_mime_type (exports, "application/json");
      gtk_file_filter_add_pattern (exports, "*.json");
    }
  gtk_file_filter_add_mime_type (exports, "text/csv");
  gtk_file_filter_add_pattern (exports, "*.csv");
  gtk_file_filter_add_pattern (exports, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), exports);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  self->chooser = chooser;
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The summary --------------------------------------------------------------------------------- */

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);  /* with the locale's digit grouping */
}

char *
hearth_import_activity_describe_summary (const HearthImportSummary *summary,
                                         HearthImportFormat         variant)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_already = NULL;
  g_autofree char *sentence = NULL;
  guint n_files = summary->files != NULL ? summary->files->len : 0;
  guint n_already_files = 0;
  guint n_read;

  for (guint i = 0; i < n_files; i++)
    {
      const HearthImportFile *file = &g_array_index (summary->files, HearthImportFile, i);

      if (file->already_imported_at != NULL)
        {
          if (n_already_files++ == 0)
            first_already = g_path_get_basename (file->path);
        }
    }
  n_read = n_files - n_already_files;

  if (n_read == 0 && n_already_files == 1)
    /* Translators: %s is a file's name. */
    return g_strdup_printf (_("“%s” was already imported: nothing was changed"), first_already);
  if (n_read == 0)
    return g_strdup_printf (ngettext ("The %u file was already imported: nothing was changed",
                                      "The %u files were already imported: nothing was changed",
                                      n_already_files),
                            n_already_files);

  {
    g_autofree char *count = NULL;
    g_autofree char *imported = NULL;
    g_autofree char *from = NULL;

    if (variant == HEARTH_IMPORT_FORMAT_MEMBERS)
      {
        count = format_count (summary->n_counted);
        /* Translators: %s is a number, with digit grouping ("1,234"). */
        imported = g_strdup_printf (ngettext ("Imported %s member", "Imported %s members",
                                              summary->n_counted % 1000000),
                                    count);
      }
    else
      {
        const char *format = NULL;
        gulong n = summary->n_counted % 1000000;

        /* What was counted, in the words of the files' format (the same for all, or mixed). */
        for (guint i = 0; i < n_files; i++)
          {
            const HearthImportFile *file = &g_array_index (summary->files, HearthImportFile, i);

            if (file->already_imported_at != NULL)
              continue;
            format = format == NULL || g_str_equal (format, file->format) ? file->format : "";
          }

        count = format_count (summary->n_counted);
        /* Translators: %s is a number, with digit grouping ("1,234"). */
        if (g_strcmp0 (format, "discord-json") == 0 || g_strcmp0 (format, "discord-csv") == 0)
          imported = g_strdup_printf (ngettext ("Imported %s message", "Imported %s messages", n),
                                      count);
        else if (g_strcmp0 (format, "discourse-users") == 0)
          imported = g_strdup_printf (ngettext ("Imported the totals of %s user",
                                                "Imported the totals of %s users", n),
                                      count);
        else if (g_strcmp0 (format, "csv") == 0)
          imported = g_strdup_printf (ngettext ("Imported %s row", "Imported %s rows", n), count);
        else
          imported = g_strdup_printf (ngettext ("Imported %s record", "Imported %s records", n),
                                      count);
      }
    from = g_strdup_printf (ngettext ("from %u file", "from %u files", n_read), n_read);
    /* Translators: "Imported 1,234 activities" and "from 2 files". */
    sentence = g_strdup_printf (C_("import summary", "%s %s"), imported, from);
  }

  if (summary->n_members_created > 0)
    g_ptr_array_add (details,
                     g_strdup_printf (ngettext ("%u new member", "%u new members",
                                                summary->n_members_created),
                                      summary->n_members_created));
  if (summary->n_members_updated > 0)
    g_ptr_array_add (details,
                     g_strdup_printf (ngettext ("%u member updated", "%u members updated",
                                                summary->n_members_updated),
                                      summary->n_members_updated));
  if (summary->n_already > 0)
    {
      g_autofree char *count = format_count (summary->n_already);

      /* Translators: records an earlier import already counted; %s is a number. */
      g_ptr_array_add (details,
                       g_strdup_printf (ngettext ("%s already counted", "%s already counted",
                                                  summary->n_already % 1000000),
                                        count));
    }
  if (summary->n_ignored > 0)
    {
      g_autofree char *count = format_count (summary->n_ignored);

      /* Translators: system messages, bots' rows and the like; %s is a number. */
      g_ptr_array_add (details,
                       g_strdup_printf (ngettext ("%s ignored", "%s ignored",
                                                  summary->n_ignored % 1000000),
                                        count));
    }
  if (n_already_files == 1)
    g_ptr_array_add (details, g_strdup_printf (_("“%s” was already imported"), first_already));
  else if (n_already_files > 1)
    g_ptr_array_add (details,
                     g_strdup_printf (ngettext ("%u file was already imported",
                                                "%u files were already imported",
                                                n_already_files),
                                      n_already_files));

  if (details->len == 0)
    return g_steal_pointer (&sentence);

  g_ptr_array_add (details, NULL);
  {
    /* Translators: the separator between the parts of an import's summary. */
    g_autofree char *joined = g_strjoinv (C_("import summary", ", "), (char **) details->pdata);

    /* Translators: "Imported 1,234 activities from 2 files" and "12 new members, 3 ignored". */
    return g_strdup_printf (C_("import summary", "%s: %s"), sentence, joined);
  }
}

/* For the tests ------------------------------------------------------------------------------- */

gboolean
hearth_import_activity_dialog_is_ready (HearthImportActivityDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  return g_strcmp0 (page, "options") == 0 && self->import_cancellable == NULL;
}

gboolean
hearth_import_activity_dialog_is_running (HearthImportActivityDialog *self)
{
  return self->import_cancellable != NULL;
}

const char *
hearth_import_activity_dialog_get_error (HearthImportActivityDialog *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_group)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

AdwComboRow *
hearth_import_activity_dialog_get_field_row (HearthImportActivityDialog *self,
                                             HearthImportField           field)
{
  g_return_val_if_fail (field < HEARTH_IMPORT_N_FIELDS, NULL);

  return self->field_rows[field] != NULL ? ADW_COMBO_ROW (self->field_rows[field]) : NULL;
}

AdwComboRow *
hearth_import_activity_dialog_get_kind_row (HearthImportActivityDialog *self,
                                            const char                 *value)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->mapping_rows, i);

      if (g_strcmp0 (g_object_get_data (row, "hearth-kind-value"), value) == 0)
        return ADW_COMBO_ROW (row);
    }

  return NULL;
}

GtkButton *
hearth_import_activity_dialog_get_import_button (HearthImportActivityDialog *self)
{
  return self->import_button;
}

GtkButton *
hearth_import_activity_dialog_get_cancel_button (HearthImportActivityDialog *self)
{
  return self->cancel_button;
}

/* (nullable): "Read as Latin-1", when it is offered */
GtkButton *
hearth_import_activity_dialog_get_latin1_button (HearthImportActivityDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->latin1_button)) ? self->latin1_button : NULL;
}
