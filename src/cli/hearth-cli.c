/* hearth-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main() parses the command line here, before any GApplication exists: GApplication's own
 * parser would exit 1 on an unknown option, where DESIGN §3 wants 2, and would need a display
 * for --help. Exactly one action per run; with none, main() starts the GUI.
 */

#define G_LOG_DOMAIN "hearth-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "hearth-assignment.h"
#include "hearth-cli.h"
#include "hearth-health.h"
#include "hearth-util.h"
#include "hearth-import.h"
#include "hearth-member.h"
#include "hearth-program.h"
#include "hearth-scoring.h"
#include "hearth-snapshot.h"
#include "hearth-store.h"

struct _HearthCli
{
  char      *database;
  char      *program;
  gboolean   version;
  gboolean   default_db;
  char     **rest;

  /* --export FILE [--redact] [--no-activity] */
  char      *export_path;
  /* --import FILE [--merge] */
  char      *import_path;
  gboolean   merge;
  gboolean   redact;
  gboolean   no_activity;
  /* --import-activity [--format F] [--date-format FMT] FILE… and --import-members FILE… */
  gboolean   import_activity;
  gboolean   import_members;
  char      *format;
  char      *date_format;
  HearthImportFormat import_format;
  /* --candidates [--top N] [--json] */
  gboolean   candidates;
  int        top;
  /* --ambassadors [--json] */
  gboolean   ambassadors;
  /* --due-recognition [--json] */
  gboolean   due_recognition;
  /* --feedback [--open] [--json] */
  gboolean   feedback;
  gboolean   open;
  gboolean   json;
};

/* --top when not given: G_OPTION_ARG_INT leaves the sentinel alone. */
#define TOP_UNSET   G_MININT
#define TOP_DEFAULT 20

HearthCli *
hearth_cli_new (void)
{
  return g_new0 (HearthCli, 1);
}

void
hearth_cli_free (HearthCli *self)
{
  if (self == NULL)
    return;

  g_free (self->database);
  g_free (self->program);
  g_free (self->export_path);
  g_free (self->import_path);
  g_free (self->format);
  g_free (self->date_format);
  g_strfreev (self->rest);
  g_free (self);
}

/* $XDG_DATA_HOME/io.github.hearthapp.Hearth/hearth.db, whatever the build profile: a
 * development build is pointed elsewhere by ./dev. */
char *
hearth_cli_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID_BASE, "hearth.db", NULL);
}

static void
usage_error (const char *message)
{
  g_printerr ("hearth: %s\n", message);
  g_printerr (_("Try “hearth --help” for more information.\n"));
}

/**
 * hearth_cli_parse:
 * @exit_status: (out): where to put the status when parsing ends the run
 *
 * Returns: %TRUE when the run goes on (an action or the GUI); %FALSE when it is over, with
 *   @exit_status set (0 after --version, 2 on a usage error)
 */
gboolean
hearth_cli_parse (HearthCli   *self,
                  int          argc,
                  char       **argv,
                  int         *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const char *env;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &self->database,
      N_("Use the database at PATH instead of the default one (also HEARTH_DATABASE)"),
      N_("PATH") },
    { "program", 0, 0, G_OPTION_ARG_STRING, &self->program,
      N_("Work on the program with this id or name (needed when the database holds several)"),
      N_("ID|NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &self->version,
      N_("Print the version and exit"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &self->export_path,
      N_("Write the program to FILE as a JSON snapshot"), N_("FILE") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &self->redact,
      N_("With --export: leave out e-mail addresses, notes, identity tags and check-in energy"),
      NULL },
    { "no-activity", 0, 0, G_OPTION_ARG_NONE, &self->no_activity,
      N_("With --export: leave out the activity rows"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &self->import_path,
      N_("Import the JSON snapshot FILE as a new program"), N_("FILE") },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &self->merge,
      N_("With --import: merge the file into the program instead (see --program)"), NULL },
    { "import-activity", 0, 0, G_OPTION_ARG_NONE, &self->import_activity,
      N_("Import activity from the files given (Discord, Discourse or CSV exports)"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &self->format,
      N_("With --import-activity: the files’ format: auto (the default), csv, discord-json, "
         "discord-csv or discourse-users"), N_("FORMAT") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &self->date_format,
      N_("With --import-activity: how dates that are not ISO-8601 are written, "
         "for example %d.%m.%Y %H:%M"), N_("FMT") },
    { "import-members", 0, 0, G_OPTION_ARG_NONE, &self->import_members,
      N_("Create or update members from the CSV files given"), NULL },
    { "candidates", 0, 0, G_OPTION_ARG_NONE, &self->candidates,
      N_("List the program’s members ranked as ambassador candidates"), NULL },
    { "top", 0, 0, G_OPTION_ARG_INT, &self->top,
      N_("With --candidates: how many to list (20 unless given)"), N_("N") },
    { "ambassadors", 0, 0, G_OPTION_ARG_NONE, &self->ambassadors,
      N_("List the program’s ambassadors with their roles, last check-in and warnings"), NULL },
    { "due-recognition", 0, 0, G_OPTION_ARG_NONE, &self->due_recognition,
      N_("List the ambassadors due for recognition, most contribution first"), NULL },
    { "feedback", 0, 0, G_OPTION_ARG_NONE, &self->feedback,
      N_("List the program’s feedback items, newest first"), NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &self->open,
      N_("With --feedback: only the items still open (new, acknowledged or planned)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &self->json,
      N_("Print the result as one JSON object (see data/hearth-cli.schema.json)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &self->rest, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  self->top = TOP_UNSET;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Hearth helps community organizers run an internal ambassador "
                                  "program.\nWithout options it opens the window; the options "
                                  "below work without a display."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* g_option_context_parse_strv() leaves argv alone and copes with any argc. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      usage_error (error->message);
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *exit_status = HEARTH_EXIT_OK;
      return FALSE;
    }

  if (self->rest != NULL && self->rest[0] != NULL && !self->import_activity &&
      !self->import_members)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), self->rest[0]);

      usage_error (message);
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if ((self->import_activity || self->import_members) &&
      (self->rest == NULL || self->rest[0] == NULL))
    {
      usage_error (self->import_activity ? _("--import-activity needs at least one file")
                                         : _("--import-members needs at least one file"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if ((self->format != NULL || self->date_format != NULL) && !self->import_activity)
    {
      usage_error (_("--format and --date-format go with --import-activity"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  self->import_format = HEARTH_IMPORT_FORMAT_AUTO;
  if (self->format != NULL &&
      !hearth_import_format_from_string (self->format, &self->import_format))
    {
      g_autofree char *message = g_strdup_printf (_("--format: unknown format “%s” (use auto, csv, "
                                                    "discord-json, discord-csv or discourse-users)"),
                                                  self->format);

      usage_error (message);
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->date_format != NULL && self->date_format[0] == '\0')
    {
      usage_error (_("--date-format needs a format such as %d.%m.%Y %H:%M"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->database != NULL && self->database[0] == '\0')
    {
      usage_error (_("--database needs a path"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->merge && self->import_path == NULL)
    {
      usage_error (_("--merge goes with --import"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if ((self->redact || self->no_activity) && self->export_path == NULL)
    {
      usage_error (_("--redact and --no-activity go with --export"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->top != TOP_UNSET && !self->candidates)
    {
      usage_error (_("--top goes with --candidates"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->json && !self->candidates && !self->ambassadors && !self->due_recognition &&
      !self->feedback)
    {
      usage_error (_("--json goes with --candidates, --ambassadors, --due-recognition or --feedback"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->open && !self->feedback)
    {
      usage_error (_("--open goes with --feedback"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->top != TOP_UNSET && self->top < 1)
    {
      usage_error (_("--top needs a number of 1 or more"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }
  if (self->top == TOP_UNSET)
    self->top = TOP_DEFAULT;

  if ((self->export_path != NULL && self->export_path[0] == '\0') ||
      (self->import_path != NULL && self->import_path[0] == '\0'))
    {
      usage_error (_("--export and --import need a file name"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if ((self->export_path != NULL) + (self->import_path != NULL) + (self->import_activity != FALSE) +
      (self->import_members != FALSE) + (self->candidates != FALSE) +
      (self->ambassadors != FALSE) + (self->due_recognition != FALSE) +
      (self->feedback != FALSE) > 1)
    {
      usage_error (_("give one action per run: --export, --import, --import-activity, "
                     "--import-members, --candidates, --ambassadors, --due-recognition or "
                     "--feedback"));
      *exit_status = HEARTH_EXIT_USAGE;
      return FALSE;
    }

  if (self->database == NULL && (env = g_getenv ("HEARTH_DATABASE")) != NULL && env[0] != '\0')
    self->database = g_strdup (env);

  if (self->database == NULL)
    {
      self->database = hearth_cli_default_database_path ();
      self->default_db = TRUE;
    }

  return TRUE;
}

gboolean
hearth_cli_has_action (HearthCli *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->export_path != NULL || self->import_path != NULL || self->import_activity ||
         self->import_members || self->candidates || self->ambassadors ||
         self->due_recognition || self->feedback;
}

/* Errors are one line on stderr: "hearth: " and a message that names the file. */
static int
data_error (const GError *error)
{
  g_printerr ("hearth: %s\n", error->message);

  return HEARTH_EXIT_DATA;
}

/**
 * resolve_program:
 * @out: (out) (transfer full): the program; %NULL when the database holds none
 *
 * --program when given, else the only program. Returns an exit status: anything but
 * HEARTH_EXIT_OK ends the run (an unknown or ambiguous program is a usage error).
 */
static int
resolve_program (HearthCli       *self,
                 HearthDatabase  *db,
                 HearthProgram  **out)
{
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GError) error = NULL;

  *out = NULL;

  if (!(programs = hearth_program_load_all (db, &error)))
    return data_error (error);

  if (self->program != NULL)
    {
      if (!(*out = hearth_program_find (db, self->program, &error)))
        {
          g_autofree char *message = g_strdup_printf ("--program: %s", error->message);

          usage_error (message);
          return HEARTH_EXIT_USAGE;
        }
      return HEARTH_EXIT_OK;
    }

  if (programs->len == 1)
    *out = g_object_ref (g_ptr_array_index (programs, 0));
  else if (programs->len > 1)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < programs->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                hearth_program_get_name (g_ptr_array_index (programs, i)));
      message = g_strdup_printf (_("the database holds %u programs (%s): choose one with --program"),
                                 programs->len, names->str);
      usage_error (message);
      return HEARTH_EXIT_USAGE;
    }

  return HEARTH_EXIT_OK;
}

static int
run_export (HearthCli   *self,
            HearthStore *store)
{
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  HearthSnapshotExportFlags flags = HEARTH_SNAPSHOT_EXPORT_NONE;
  int status;

  if ((status = resolve_program (self, hearth_store_get_reader (store), &program)) != HEARTH_EXIT_OK)
    return status;

  if (program == NULL)
    {
      g_printerr ("hearth: %s: %s\n", self->database, _("the database holds no program to export"));
      return HEARTH_EXIT_DATA;
    }

  if (self->redact)
    flags |= HEARTH_SNAPSHOT_EXPORT_REDACT;
  if (self->no_activity)
    flags |= HEARTH_SNAPSHOT_EXPORT_NO_ACTIVITY;

  file = g_file_new_for_commandline_arg (self->export_path);
  if (!hearth_snapshot_export (hearth_store_get_reader (store),
                               hearth_record_get_id (HEARTH_RECORD (program)),
                               file, flags, NULL, &error))
    {
      g_printerr ("hearth: %s: %s\n", self->export_path, error->message);
      return HEARTH_EXIT_DATA;
    }

  return HEARTH_EXIT_OK;
}

/* "FILE:LINE:COL: record.field: message" when the error has a position, else "FILE: message". */
static int
file_error (const char   *file,
            const GError *error)
{
  if (g_ascii_isdigit (error->message[0]))
    g_printerr ("hearth: %s:%s\n", file, error->message);
  else
    g_printerr ("hearth: %s: %s\n", file, error->message);

  return HEARTH_EXIT_DATA;
}

typedef struct
{
  const char             *path;
  const char             *merge_into;
  HearthSnapshotSummary  *summary;
} ImportJob;

static gboolean
import_job (HearthDatabase  *db,
            gpointer         data,
            GError         **error)
{
  ImportJob *job = data;

  if (job->merge_into != NULL)
    job->summary = hearth_snapshot_merge (db, job->path, job->merge_into, FALSE, NULL, NULL, NULL,
                                          error);
  else
    job->summary = hearth_snapshot_import (db, job->path, NULL, NULL, NULL, error);

  return job->summary != NULL;
}

/* The merge's summary is its preview: per kind of record, what it did. */
static void
print_merge (HearthSnapshotSummary *summary)
{
  g_print (_("Merged “%s” into the program:\n"), summary->program_name);

  for (guint i = 0; i < summary->merge->len; i++)
    {
      const HearthMergeCounts *c = &g_array_index (summary->merge, HearthMergeCounts, i);

      if (c->added + c->updated + c->deleted + c->unchanged + c->kept == 0)
        continue;
      /* Translators: the counts of one kind of record (a snapshot key such as "members"). */
      g_print (_("  %s: %u added, %u updated, %u deleted, %u unchanged, %u kept\n"), c->what,
               c->added, c->updated, c->deleted, c->unchanged, c->kept);
    }
}

static int
run_import (HearthCli   *self,
            HearthStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProgram) program = NULL;
  ImportJob job = { self->import_path, NULL, NULL };
  g_autoptr(HearthSnapshotSummary) summary = NULL;
  int status;

  if (self->merge)
    {
      if ((status = resolve_program (self, hearth_store_get_reader (store), &program)) != HEARTH_EXIT_OK)
        return status;
      if (program == NULL)
        {
          g_printerr ("hearth: %s: %s\n", self->database,
                      _("the database holds no program to merge into: import without --merge"));
          return HEARTH_EXIT_DATA;
        }
      job.merge_into = hearth_record_get_id (HEARTH_RECORD (program));
    }

  /* The import makes its backup and its transaction itself. */
  if (!hearth_store_write_sync (store, import_job, &job, HEARTH_WRITE_FLAGS_NO_TRANSACTION, &error))
    return file_error (self->import_path, error);

  summary = g_steal_pointer (&job.summary);
  if (self->merge)
    {
      print_merge (summary);
      return HEARTH_EXIT_OK;
    }

  g_print (_("Imported “%s” as a new program: %u members, %u activity rows, %u records in all.\n"),
           summary->program_name, summary->n_members, summary->n_activity_rows,
           summary->n_records);
  if (summary->ids_reassigned)
    g_print ("%s\n", _("Its records were already in this database, so they got new ids."));
  if (summary->n_skipped > 0)
    g_print (_("%u records that belong to something the file deletes were left out.\n"),
             summary->n_skipped);

  return HEARTH_EXIT_OK;
}

typedef struct
{
  const char                 *program_id;
  const char * const         *paths;
  const HearthImportOptions  *options;
  HearthImportSummary        *summary;
} ActivityJob;

static gboolean
activity_job (HearthDatabase  *db,
              gpointer         data,
              GError         **error)
{
  ActivityJob *job = data;

  job->summary = hearth_import_run (db, job->program_id, job->paths, job->options, NULL, NULL,
                                    NULL, error);

  return job->summary != NULL;
}

static void
print_activity_summary (HearthImportSummary *summary,
                        const char          *program_name,
                        gboolean             members)
{
  g_autofree char *ignored = NULL;

  if (summary->program_created != NULL)
    g_print (_("The database held no program: created “%s”.\n"), summary->program_created);

  for (guint i = 0; i < summary->files->len; i++)
    {
      const HearthImportFile *file = &g_array_index (summary->files, HearthImportFile, i);

      if (file->already_imported_at != NULL)
        {
          if (file->already_imported_at[0] != '\0')
            g_print (_("%s: already imported on %.10s, skipped.\n"), file->path,
                     file->already_imported_at);
          else
            g_print (_("%s: the same file is given twice, skipped.\n"), file->path);
          continue;
        }

      /* Translators: per file, the rows or messages counted, ignored (system messages, bots,
       * erased members) and skipped because an earlier import counted them. The numbers are
       * %lu; the second %s is the format, such as "discord-json". */
      g_print (_("%s (%s): %lu counted, %lu ignored, %lu already imported.\n"),
               file->path, file->format, (gulong)file->rows_added, (gulong)file->rows_ignored,
               (gulong)file->rows_already);
    }

  if (members)
    g_print (_("Into “%s”: %u members created, %u updated.\n"), program_name,
             summary->n_members_created, summary->n_members_updated);
  else
    g_print (_("Into “%s”: %lu activity rows added or raised; %u members created, %u updated.\n"),
             program_name, (gulong)summary->n_activity, summary->n_members_created,
             summary->n_members_updated);

  if (summary->ignored_columns != NULL && summary->ignored_columns[0] != NULL)
    {
      ignored = g_strjoinv (", ", summary->ignored_columns);
      g_print (_("Columns not read: %s.\n"), ignored);
    }
}

static int
run_import_activity (HearthCli   *self,
                     HearthStore *store)
{
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthImportSummary) summary = NULL;
  HearthImportOptions options = {
    .format = self->import_members ? HEARTH_IMPORT_FORMAT_MEMBERS : self->import_format,
    .date_format = self->date_format,
  };
  ActivityJob job = { NULL, (const char * const *)self->rest, &options, NULL };
  int status;

  if ((status = resolve_program (self, hearth_store_get_reader (store), &program)) != HEARTH_EXIT_OK)
    return status;
  if (program != NULL)
    job.program_id = hearth_record_get_id (HEARTH_RECORD (program));

  /* The import makes its backup and its transaction itself. */
  if (!hearth_store_write_sync (store, activity_job, &job, HEARTH_WRITE_FLAGS_NO_TRANSACTION,
                                &error))
    return data_error (error);

  summary = g_steal_pointer (&job.summary);
  print_activity_summary (summary,
                          program != NULL ? hearth_program_get_name (program)
                                          : summary->program_created,
                          self->import_members);

  return HEARTH_EXIT_OK;
}

/* JSON is written by hand here: json-glib 1.6 prints doubles with 17 significant digits
 * (33.299999999999997), where the published shape has scores rounded to one decimal. */
static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

/* A score rounded to one decimal, with a dot whatever the locale. */
static void
json_score (GString *out,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
print_candidates_json (GPtrArray *listed)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"candidates\": [");

  for (guint i = 0; i < listed->len; i++)
    {
      HearthCandidate *c = g_ptr_array_index (listed, i);
      gboolean first_flag = TRUE;

      g_string_append (out, i > 0 ? ",\n    {\n" : "\n    {\n");
      g_string_append (out, "      \"member_id\": ");
      json_string (out, c->member_id);
      g_string_append (out, ",\n      \"display_name\": ");
      json_string (out, c->display_name);
      g_string_append (out, ",\n      \"overall\": ");
      json_score (out, c->overall);
      g_string_append (out, ",\n      \"traits\": {");

      for (guint t = 0; t < HEARTH_N_TRAITS; t++)
        {
          const HearthTraitScore *score = &c->traits[t];
          const char *confidence = hearth_confidence_to_string (score->confidence);

          g_string_append (out, t > 0 ? ",\n        " : "\n        ");
          json_string (out, hearth_trait_to_string (t));
          g_string_append (out, ": {\n          \"score\": ");
          if (score->assessed)
            json_score (out, score->score);
          else
            g_string_append (out, "null");
          g_string_append (out, ",\n          \"confidence\": ");
          if (score->assessed && confidence != NULL)
            json_string (out, confidence);
          else
            g_string_append (out, "null");
          g_string_append (out, ",\n          \"evidence\": [");
          for (guint e = 0; score->evidence != NULL && score->evidence[e] != NULL; e++)
            {
              g_string_append (out, e > 0 ? ", " : "");
              json_string (out, score->evidence[e]);
            }
          g_string_append (out, "]\n        }");
        }

      g_string_append (out, "\n      },\n      \"flags\": [");
      for (guint f = 0; f < HEARTH_N_CANDIDATE_FLAGS; f++)
        if (c->flags & (1u << f))
          {
            g_string_append (out, first_flag ? "" : ", ");
            json_string (out, hearth_candidate_flag_to_string (1u << f));
            first_flag = FALSE;
          }
      g_string_append (out, "]\n    }");
    }

  g_string_append (out, listed->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  fputs (out->str, stdout);
}

/* NAME padded (or cut with an ellipsis) to WIDTH characters. */
static void
append_padded (GString    *out,
               const char *name,
               guint       width)
{
  glong length = g_utf8_strlen (name, -1);

  if ((guint)length > width)
    {
      const char *end = g_utf8_offset_to_pointer (name, width - 1);

      g_string_append_len (out, name, end - name);
      g_string_append (out, "…");
    }
  else
    {
      g_string_append (out, name);
      for (guint i = length; i < width; i++)
        g_string_append_c (out, ' ');
    }
}

#define NAME_WIDTH 28

static void
print_candidates_text (GPtrArray *listed)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (listed->len == 0)
    {
      g_print ("%s\n", _("No candidates."));
      return;
    }

  /* Translators: the header of --candidates' table; keep each word at most 5 characters
   * (Cons = consistency, Emp = empathy, Align = alignment, Init = initiative, Cred =
   * credibility). */
  g_string_append_printf (out, "%4s  ", "#");
  append_padded (out, _("Name"), NAME_WIDTH);
  g_string_append_printf (out, "  %7s %5s %5s %5s %5s %5s  %s\n", _("Overall"), _("Cons"),
                          _("Emp"), _("Align"), _("Init"), _("Cred"), _("Flags"));

  for (guint i = 0; i < listed->len; i++)
    {
      HearthCandidate *c = g_ptr_array_index (listed, i);
      gboolean first_flag = TRUE;

      g_string_append_printf (out, "%4u  ", i + 1);
      append_padded (out, c->display_name, NAME_WIDTH);
      g_string_append_printf (out, "  %7.1f", c->overall);
      for (guint t = 0; t < HEARTH_N_TRAITS; t++)
        {
          if (c->traits[t].assessed)
            g_string_append_printf (out, " %5.1f", c->traits[t].score);
          else
            g_string_append (out, "     —");
        }
      g_string_append (out, "  ");
      for (guint f = 0; f < HEARTH_N_CANDIDATE_FLAGS; f++)
        if (c->flags & (1u << f))
          {
            g_string_append_printf (out, "%s%s", first_flag ? "" : ",",
                                    hearth_candidate_flag_to_string (1u << f));
            first_flag = FALSE;
          }
      g_string_append_c (out, '\n');
    }

  fputs (out->str, stdout);
}

static int
run_candidates (HearthCli   *self,
                HearthStore *store)
{
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(HearthScoreSet) set = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = resolve_program (self, hearth_store_get_reader (store), &program)) != HEARTH_EXIT_OK)
    return status;

  if (program != NULL)
    {
      if (!(set = hearth_scoring_run (hearth_store_get_reader (store),
                                      hearth_record_get_id (HEARTH_RECORD (program)), NULL,
                                      &error)))
        return data_error (error);

      /* Bots come last in the set and are never listed. */
      for (guint i = 0; i < set->candidates->len && listed->len < (guint)self->top; i++)
        {
          HearthCandidate *c = g_ptr_array_index (set->candidates, i);

          if (!(c->flags & HEARTH_CANDIDATE_FLAG_BOT))
            g_ptr_array_add (listed, c);
        }
    }

  if (self->json)
    print_candidates_json (listed);
  else
    print_candidates_text (listed);

  return HEARTH_EXIT_OK;
}

/* --ambassadors ------------------------------------------------------------------------------ */

/* One listed member: an ambassador by status, or anyone holding an active assignment. */
typedef struct
{
  HearthMember  *member;        /* borrowed from the program's members */
  GPtrArray     *assignments;   /* (element-type HearthAssignment): theirs, for dates and hours */
  GPtrArray     *roles;         /* (element-type HearthHealthAssignment) borrowed: the active ones */
  const char    *last_week;     /* borrowed: the latest check-in's ISO week; NULL when none */
  GPtrArray     *warnings;      /* (element-type HearthHealthCheck) borrowed */
} Ambassador;

static void
ambassador_free (Ambassador *a)
{
  g_clear_pointer (&a->assignments, g_ptr_array_unref);
  g_clear_pointer (&a->roles, g_ptr_array_unref);
  g_clear_pointer (&a->warnings, g_ptr_array_unref);
  g_free (a);
}

/* By display name, then id: the same order whatever the order of the rows. */
static int
compare_ambassadors (gconstpointer a,
                     gconstpointer b)
{
  HearthMember *x = (*(Ambassador * const *)a)->member;
  HearthMember *y = (*(Ambassador * const *)b)->member;
  int by_name = g_strcmp0 (hearth_member_get_display_name (x), hearth_member_get_display_name (y));

  if (by_name != 0)
    return by_name;

  return g_strcmp0 (hearth_record_get_id (HEARTH_RECORD (x)), hearth_record_get_id (HEARTH_RECORD (y)));
}

static HearthAssignment *
find_assignment (Ambassador *a,
                 const char *id)
{
  for (guint i = 0; a->assignments != NULL && i < a->assignments->len; i++)
    {
      HearthAssignment *assignment = g_ptr_array_index (a->assignments, i);

      if (g_strcmp0 (hearth_record_get_id (HEARTH_RECORD (assignment)), id) == 0)
        return assignment;
    }

  return NULL;
}

/* A warning's sentence as printed. The burnout guard may quote the energy of check-ins, which is
 * personal (DESIGN §8): command output says only that there is a sign of burnout. */
static char *
warning_sentence (Ambassador        *a,
                  HearthHealthCheck *check)
{
  if (g_strcmp0 (check->key, "burnout") == 0)
    /* Translators: a member's name; --ambassadors' text for a burnout warning, which leaves out
     * the check-ins' energy on purpose (it is personal) */
    return g_strdup_printf (_("%s shows signs of burnout in recent check-ins"),
                            hearth_member_get_display_name (a->member));

  return g_strdup (check->sentence);
}

/* Hours a week rounded to one decimal, with a dot whatever the locale; NULL when not set. */
static char *
format_hours (HearthAssignment *assignment)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double hours = assignment != NULL ? hearth_assignment_get_hours_per_week (assignment) : -1;

  if (hours < 0)
    return NULL;

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", hours));
}

static void
json_nullable_string (GString    *out,
                      const char *text)
{
  if (text != NULL)
    json_string (out, text);
  else
    g_string_append (out, "null");
}

static void
print_ambassadors_json (GPtrArray *listed)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"ambassadors\": [");

  for (guint i = 0; i < listed->len; i++)
    {
      Ambassador *a = g_ptr_array_index (listed, i);

      g_string_append (out, i > 0 ? ",\n    {\n" : "\n    {\n");
      g_string_append (out, "      \"member_id\": ");
      json_string (out, hearth_record_get_id (HEARTH_RECORD (a->member)));
      g_string_append (out, ",\n      \"display_name\": ");
      json_string (out, hearth_member_get_display_name (a->member));

      g_string_append (out, ",\n      \"roles\": [");
      for (guint r = 0; r < a->roles->len; r++)
        {
          const HearthHealthAssignment *role = g_ptr_array_index (a->roles, r);
          HearthAssignment *assignment = find_assignment (a, role->id);
          g_autofree char *hours = format_hours (assignment);

          g_string_append (out, r > 0 ? ",\n        {\n" : "\n        {\n");
          g_string_append (out, "          \"role_id\": ");
          json_string (out, role->role_id);
          g_string_append (out, ",\n          \"name\": ");
          json_string (out, role->role_name);
          g_string_append (out, ",\n          \"starts_on\": ");
          json_nullable_string (out, assignment ? hearth_assignment_get_starts_on (assignment) : NULL);
          g_string_append (out, ",\n          \"ends_on\": ");
          json_nullable_string (out, assignment ? hearth_assignment_get_ends_on (assignment) : NULL);
          g_string_append (out, ",\n          \"hours_per_week\": ");
          g_string_append (out, hours != NULL ? hours : "null");
          g_string_append (out, "\n        }");
        }
      g_string_append (out, a->roles->len > 0 ? "\n      ]" : "]");

      g_string_append (out, ",\n      \"last_checkin\": ");
      if (a->last_week != NULL)
        {
          g_string_append (out, "{\"iso_week\": ");
          json_string (out, a->last_week);
          g_string_append (out, "}");
        }
      else
        g_string_append (out, "null");

      g_string_append (out, ",\n      \"warnings\": [");
      for (guint w = 0; w < a->warnings->len; w++)
        {
          HearthHealthCheck *check = g_ptr_array_index (a->warnings, w);
          g_autofree char *sentence = warning_sentence (a, check);

          g_string_append (out, w > 0 ? ",\n        {\n" : "\n        {\n");
          g_string_append (out, "          \"key\": ");
          json_string (out, check->key);
          g_string_append (out, ",\n          \"severity\": ");
          json_string (out, hearth_severity_to_string (check->severity));
          g_string_append (out, ",\n          \"sentence\": ");
          json_string (out, sentence);
          g_string_append (out, "\n        }");
        }
      g_string_append (out, a->warnings->len > 0 ? "\n      ]\n    }" : "]\n    }");
    }

  g_string_append (out, listed->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  fputs (out->str, stdout);
}

static void
print_ambassadors_text (GPtrArray *listed)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (listed->len == 0)
    {
      g_print ("%s\n", _("No ambassadors."));
      return;
    }

  for (guint i = 0; i < listed->len; i++)
    {
      Ambassador *a = g_ptr_array_index (listed, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", hearth_member_get_display_name (a->member));

      if (a->roles->len == 0)
        g_string_append_printf (out, "  %s\n", _("No active role"));
      for (guint r = 0; r < a->roles->len; r++)
        {
          const HearthHealthAssignment *role = g_ptr_array_index (a->roles, r);
          HearthAssignment *assignment = find_assignment (a, role->id);
          const char *starts_on = assignment ? hearth_assignment_get_starts_on (assignment) : NULL;
          const char *ends_on = assignment ? hearth_assignment_get_ends_on (assignment) : NULL;
          g_autofree char *hours = format_hours (assignment);

          g_string_append_printf (out, "  %s", role->role_name);
          if (starts_on != NULL && ends_on != NULL)
            /* Translators: after a role's name in --ambassadors: two days (YYYY-MM-DD) */
            g_string_append_printf (out, _(", from %s to %s"), starts_on, ends_on);
          else if (starts_on != NULL)
            /* Translators: after a role's name in --ambassadors: a day (YYYY-MM-DD) */
            g_string_append_printf (out, _(", since %s"), starts_on);
          if (hours != NULL)
            /* Translators: after a role's dates in --ambassadors: a number such as 2.5 */
            g_string_append_printf (out, _(", %s hours a week"), hours);
          g_string_append_c (out, '\n');
        }

      if (a->last_week != NULL)
        /* Translators: in --ambassadors: an ISO week such as 2026-W17 */
        {
          g_string_append (out, "  ");
          g_string_append_printf (out, _("Last check-in: %s"), a->last_week);
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_printf (out, "  %s\n", _("No check-in yet"));

      for (guint w = 0; w < a->warnings->len; w++)
        {
          HearthHealthCheck *check = g_ptr_array_index (a->warnings, w);
          g_autofree char *sentence = warning_sentence (a, check);

          g_string_append_printf (out, "  %s: %s\n",
                                  check->severity == HEARTH_SEVERITY_WARNING ? _("Warning")
                                                                             : _("Notice"),
                                  sentence);
        }
    }

  fputs (out->str, stdout);
}

/* The member a role warning is about: overload and burnout name the member, rotation_due the
 * assignment. NULL for any other check. */
static const char *
warning_member (const HearthHealthInput *in,
                HearthHealthCheck       *check)
{
  const char *subject;

  if (check->severity == HEARTH_SEVERITY_OK || check->subjects == NULL ||
      (subject = check->subjects[0]) == NULL)
    return NULL;

  if (g_strcmp0 (check->key, "overload") == 0 || g_strcmp0 (check->key, "burnout") == 0)
    return subject;

  if (g_strcmp0 (check->key, "rotation_due") == 0)
    for (guint i = 0; i < in->n_assignments; i++)
      if (g_strcmp0 (in->assignments[i].id, subject) == 0)
        return in->assignments[i].member_id;

  return NULL;
}

static int
run_ambassadors (HearthCli   *self,
                 HearthStore *store)
{
  HearthDatabase *db = hearth_store_get_reader (store);
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func ((GDestroyNotify)ambassador_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) holders = NULL;
  g_autoptr(GError) error = NULL;
  const char *program_id;
  int status;

  if ((status = resolve_program (self, db, &program)) != HEARTH_EXIT_OK)
    return status;

  if (program == NULL)
    {
      if (self->json)
        print_ambassadors_json (listed);
      else
        print_ambassadors_text (listed);
      return HEARTH_EXIT_OK;
    }

  program_id = hearth_record_get_id (HEARTH_RECORD (program));
  if (!(in = hearth_health_load (db, program_id, HEARTH_HEALTH_PART_ROLES, &error)))
    return data_error (error);
  checks = hearth_health_run_roles (in);

  /* Who is listed: ambassadors by status, and whoever holds an active assignment (started by the
   * reference day, not ended: the health checks' definition). Only those members are read: a
   * program can have a hundred thousand. */
  holders = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; j < in->n_assignments; j++)
    if (in->assignments[j].member_id != NULL &&
        hearth_health_assignment_is_active (&in->assignments[j], in->reference_day))
      g_hash_table_add (holders, (gpointer)in->assignments[j].member_id);

  if (!(members = hearth_record_load (HEARTH_TYPE_MEMBER, db, "status", "ambassador", &error)))
    return data_error (error);
  for (guint i = 0; i < members->len; i++)
    if (g_strcmp0 (hearth_member_get_program_id (g_ptr_array_index (members, i)), program_id) != 0)
      g_ptr_array_remove_index (members, i--);
    else
      g_hash_table_remove (holders, hearth_record_get_id (g_ptr_array_index (members, i)));
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, holders);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      {
        HearthMember *holder = hearth_record_load_by_id (HEARTH_TYPE_MEMBER, db, id, FALSE,
                                                         &error);

        if (holder == NULL)
          return data_error (error);
        g_ptr_array_add (members, holder);
      }
  }

  for (guint i = 0; i < members->len; i++)
    {
      HearthMember *member = g_ptr_array_index (members, i);
      const char *id = hearth_record_get_id (HEARTH_RECORD (member));
      Ambassador *a = g_new0 (Ambassador, 1);

      a->member = member;
      a->roles = g_ptr_array_new ();
      a->warnings = g_ptr_array_new ();
      if (!(a->assignments = hearth_assignment_load_for_member (db, id, &error)))
        {
          ambassador_free (a);
          return data_error (error);
        }
      g_ptr_array_add (listed, a);
      g_hash_table_insert (by_id, (gpointer)id, a);
    }

  /* The input keeps the loader's order: assignments by start, check-ins by week. */
  for (guint i = 0; i < in->n_assignments; i++)
    {
      Ambassador *a = g_hash_table_lookup (by_id, in->assignments[i].member_id);

      if (a != NULL && hearth_health_assignment_is_active (&in->assignments[i], in->reference_day))
        g_ptr_array_add (a->roles, (gpointer)&in->assignments[i]);
    }
  for (guint i = 0; i < in->n_checkins; i++)
    {
      Ambassador *a = g_hash_table_lookup (by_id, in->checkins[i].member_id);

      if (a != NULL && (a->last_week == NULL || strcmp (in->checkins[i].iso_week, a->last_week) > 0))
        a->last_week = in->checkins[i].iso_week;
    }
  for (guint i = 0; i < checks->len; i++)
    {
      HearthHealthCheck *check = g_ptr_array_index (checks, i);
      const char *member_id = warning_member (in, check);
      Ambassador *a = member_id != NULL ? g_hash_table_lookup (by_id, member_id) : NULL;

      if (a != NULL)
        g_ptr_array_add (a->warnings, check);
    }

  g_ptr_array_sort (listed, compare_ambassadors);

  if (self->json)
    print_ambassadors_json (listed);
  else
    print_ambassadors_text (listed);

  return HEARTH_EXIT_OK;
}

/* --due-recognition -------------------------------------------------------------------------- */

/* A Julian day as YYYY-MM-DD into @buffer; NULL for 0 (never). */
static const char *
format_julian (guint32 julian,
               char    buffer[11])
{
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  return buffer;
}

/* @due: (element-type HearthHealthDue), in the guard's order. Only names, ids, days and counts:
 * nothing personal (DESIGN §8). */
static void
print_due_json (GArray *due)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"due\": [");

  for (guint i = 0; i < due->len; i++)
    {
      const HearthHealthDue *d = &g_array_index (due, HearthHealthDue, i);
      char day[11];

      g_string_append (out, i > 0 ? ",\n    {\n" : "\n    {\n");
      g_string_append (out, "      \"member_id\": ");
      json_string (out, d->ambassador->id);
      g_string_append (out, ",\n      \"display_name\": ");
      json_string (out, d->ambassador->name);
      g_string_append (out, ",\n      \"last_recognized\": ");
      json_nullable_string (out, format_julian (d->ambassador->last_recognized, day));
      g_string_append (out, ",\n      \"days_since\": ");
      if (d->days_since >= 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, d->days_since);
      else
        g_string_append (out, "null");
      g_string_append_printf (out, ",\n      \"contribution\": %" G_GUINT64_FORMAT,
                              d->ambassador->contribution);
      g_string_append (out, ",\n      \"severity\": ");
      json_string (out, hearth_severity_to_string (d->severity));
      g_string_append (out, "\n    }");
    }

  g_string_append (out, due->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  fputs (out->str, stdout);
}

static void
print_due_text (GArray *due)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (due->len == 0)
    {
      g_print ("%s\n", _("Nobody is due for recognition."));
      return;
    }

  for (guint i = 0; i < due->len; i++)
    {
      const HearthHealthDue *d = &g_array_index (due, HearthHealthDue, i);
      const HearthHealthAmbassador *a = d->ambassador;
      g_autofree char *contribution = g_strdup_printf ("%" G_GUINT64_FORMAT, a->contribution);
      gulong plural = (gulong)MIN (a->contribution, G_MAXULONG);
      g_autofree char *sentence = NULL;
      char day[11];

      if (a->last_recognized == 0)
        /* Translators: a line of --due-recognition: a member's name and their number of
         * contributions (activity counted from the imported data) */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s has never been recognized (%s contribution so far)",
                                                 "%s has never been recognized (%s contributions so far)",
                                                 plural),
                                    a->name, contribution);
      else
        {
          g_autofree char *since = NULL;
          g_autofree char *days = g_strdup_printf ("%" G_GINT64_FORMAT, d->days_since);

          /* Translators: in a line of --due-recognition: a number of contributions since the
           * member's last recognition */
          since = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s contribution since",
                                                "%s contributions since",
                                                plural),
                                   contribution);
          /* Translators: a line of --due-recognition: a member's name, a number of days, a day
           * (YYYY-MM-DD) and "N contributions since", e.g. "Ana was last recognized 141 days
           * ago, on 2026-01-10 (30 contributions since)" */
          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s was last recognized %s day ago, on %s (%s)",
                                                   "%s was last recognized %s days ago, on %s (%s)",
                                                   (gulong)MIN ((guint64)d->days_since, G_MAXULONG)),
                                      a->name, days, format_julian (a->last_recognized, day),
                                      since);
        }

      g_string_append_printf (out, "%s: %s\n",
                              d->severity == HEARTH_SEVERITY_WARNING ? _("Warning") : _("Notice"),
                              sentence);
    }

  fputs (out->str, stdout);
}

/* Read-only: the recognition part of the health input, and the guard's own list. */
static int
run_due_recognition (HearthCli   *self,
                     HearthStore *store)
{
  HearthDatabase *db = hearth_store_get_reader (store);
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = resolve_program (self, db, &program)) != HEARTH_EXIT_OK)
    return status;

  if (program == NULL)
    due = g_array_new (FALSE, TRUE, sizeof (HearthHealthDue));
  else
    {
      if (!(in = hearth_health_load (db, hearth_record_get_id (HEARTH_RECORD (program)),
                                     HEARTH_HEALTH_PART_RECOGNITION, &error)))
        return data_error (error);
      due = hearth_health_recognition_due (in);
    }

  if (self->json)
    print_due_json (due);
  else
    print_due_text (due);

  return HEARTH_EXIT_OK;
}

/* --feedback --------------------------------------------------------------------------------- */

/* One feedback item as listed. Its text and the response given are left out on purpose: the
 * schema does not flag them personal (DESIGN §8 calls feedback text fine to show), but they are
 * free text a member wrote to the organizer, or the organizer's answer to them, and a listing
 * for scripts has no need to copy them out of the program. The page shows them. */
typedef struct
{
  char      *id;
  char      *member_id;      /* NULL: no member */
  char      *display_name;   /* NULL: no member */
  char      *round_id;       /* NULL: spontaneous (or its round is deleted) */
  char      *round_title;
  char      *received_on;    /* YYYY-MM-DD */
  char      *channel;
  gint64     rating;         /* 1–5; 0 when not given */
  char      *status;
  char     **tags;
  gboolean   stale;
} FeedbackLine;

static void
feedback_line_free (FeedbackLine *line)
{
  g_free (line->id);
  g_free (line->member_id);
  g_free (line->display_name);
  g_free (line->round_id);
  g_free (line->round_title);
  g_free (line->received_on);
  g_free (line->channel);
  g_free (line->status);
  g_strfreev (line->tags);
  g_free (line);
}


static void
print_feedback_json (GPtrArray *lines)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"feedback\": [");

  for (guint i = 0; i < lines->len; i++)
    {
      const FeedbackLine *f = g_ptr_array_index (lines, i);

      g_string_append (out, i > 0 ? ",\n    {\n" : "\n    {\n");
      g_string_append (out, "      \"id\": ");
      json_string (out, f->id);
      g_string_append (out, ",\n      \"member_id\": ");
      json_nullable_string (out, f->member_id);
      g_string_append (out, ",\n      \"display_name\": ");
      json_nullable_string (out, f->display_name);
      g_string_append (out, ",\n      \"round_id\": ");
      json_nullable_string (out, f->round_id);
      g_string_append (out, ",\n      \"round_title\": ");
      json_nullable_string (out, f->round_title);
      g_string_append (out, ",\n      \"received_on\": ");
      json_string (out, f->received_on);
      g_string_append (out, ",\n      \"channel\": ");
      json_string (out, f->channel);
      g_string_append (out, ",\n      \"rating\": ");
      if (f->rating > 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, f->rating);
      else
        g_string_append (out, "null");
      g_string_append (out, ",\n      \"status\": ");
      json_string (out, f->status);
      g_string_append (out, ",\n      \"tags\": [");
      for (guint t = 0; f->tags[t] != NULL; t++)
        {
          if (t > 0)
            g_string_append (out, ", ");
          json_string (out, f->tags[t]);
        }
      g_string_append_printf (out, "],\n      \"stale\": %s", f->stale ? "true" : "false");
      g_string_append (out, "\n    }");
    }

  g_string_append (out, lines->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  fputs (out->str, stdout);
}

static const char *
feedback_status_label (const char *status)
{
  if (g_strcmp0 (status, "new") == 0)
    return C_("feedback status", "new");
  if (g_strcmp0 (status, "acknowledged") == 0)
    return C_("feedback status", "acknowledged");
  if (g_strcmp0 (status, "planned") == 0)
    return C_("feedback status", "planned");
  if (g_strcmp0 (status, "done") == 0)
    return C_("feedback status", "done");
  if (g_strcmp0 (status, "declined") == 0)
    return C_("feedback status", "declined");
  return status;
}

static const char *
feedback_channel_label (const char *channel)
{
  if (g_strcmp0 (channel, "meeting") == 0)
    return C_("feedback channel", "in a meeting");
  if (g_strcmp0 (channel, "message") == 0)
    return C_("feedback channel", "by message");
  if (g_strcmp0 (channel, "survey") == 0)
    return C_("feedback channel", "in a survey");
  return C_("feedback channel", "another way");
}

static void
print_feedback_text (GPtrArray *lines)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (lines->len == 0)
    {
      g_print ("%s\n", _("No feedback."));
      return;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const FeedbackLine *f = g_ptr_array_index (lines, i);

      /* Translators: the start of a line of --feedback: the day received (YYYY-MM-DD), the
       * member's name, the status and how it came in, e.g. "2026-05-20 Ana Lopez: new, by
       * message" */
      g_string_append_printf (out, _("%s %s: %s, %s"), f->received_on,
                              f->display_name != NULL ? f->display_name : _("No member"),
                              feedback_status_label (f->status), feedback_channel_label (f->channel));
      if (f->rating > 0)
        /* Translators: in a line of --feedback: the member's rating, 1 to 5 */
        g_string_append_printf (out, _(", rated %d of 5"), (int)f->rating);
      if (f->round_title != NULL)
        /* Translators: in a line of --feedback: the title of the feedback round */
        g_string_append_printf (out, _(", round “%s”"), f->round_title);
      if (f->tags[0] != NULL)
        {
          g_autofree char *tags = g_strjoinv (", ", f->tags);

          /* Translators: in a line of --feedback: the item's tags, separated by commas */
          g_string_append_printf (out, _(" [%s]"), tags);
        }
      if (f->stale)
        g_string_append (out, _(" — waiting too long for an answer"));
      g_string_append_c (out, '\n');
    }

  fputs (out->str, stdout);
}

/* Read-only: the program's feedback items (through their member, round or meeting; not
 * deleted, nor of a deleted member), newest first, each flagged stale by the feedback_stale
 * guard's own rule on the health input's reference day and threshold. */
static int
run_feedback (HearthCli   *self,
              HearthStore *store)
{
  HearthDatabase *db = hearth_store_get_reader (store);
  g_autoptr(HearthProgram) program = NULL;
  g_autoptr(HearthHealthInput) in = NULL;
  g_autoptr(GHashTable) stale = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  const char *program_id;
  int status;
  int rc;

  if ((status = resolve_program (self, db, &program)) != HEARTH_EXIT_OK)
    return status;

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)feedback_line_free);

  if (program != NULL)
    {
      program_id = hearth_record_get_id (HEARTH_RECORD (program));
      if (!(in = hearth_health_load (db, program_id, HEARTH_HEALTH_PART_FEEDBACK, &error)))
        return data_error (error);
      stale = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < in->n_feedback; i++)
        if (hearth_health_feedback_is_stale (in, &in->feedback[i]))
          g_hash_table_add (stale, (gpointer)in->feedback[i].id);

      if (!(stmt = hearth_database_prepare (db,
                                            "SELECT f.id, m.id, m.display_name, r.id, r.title, "
                                            "f.received_on, f.channel, f.rating, f.status, f.tags "
                                            "FROM feedback f "
                                            "LEFT JOIN member m ON m.id = f.member_id "
                                            "LEFT JOIN feedback_round r ON r.id = f.round_id "
                                            "AND r.deleted_at IS NULL "
                                            "WHERE f.deleted_at IS NULL AND m.deleted_at IS NULL "
                                            "AND (m.program_id = ?1 "
                                            "OR EXISTS (SELECT 1 FROM feedback_round p "
                                            "WHERE p.id = f.round_id AND p.program_id = ?1) "
                                            "OR EXISTS (SELECT 1 FROM meeting g "
                                            "WHERE g.id = f.meeting_id AND g.program_id = ?1)) "
                                            "AND (?2 = 0 OR f.status IN "
                                            "('new', 'acknowledged', 'planned')) "
                                            "ORDER BY f.received_on DESC, f.id",
                                            &error)))
        return data_error (error);
      hearth_bind_text (stmt, 1, program_id);
      sqlite3_bind_int (stmt, 2, self->open ? 1 : 0);
      while ((rc = hearth_database_step (db, stmt, &error)) == SQLITE_ROW)
        {
          FeedbackLine *f = g_new0 (FeedbackLine, 1);

          f->id = g_strdup (hearth_column_text (stmt, 0));
          f->member_id = g_strdup (hearth_column_text (stmt, 1));
          f->display_name = g_strdup (hearth_column_text (stmt, 2));
          f->round_id = g_strdup (hearth_column_text (stmt, 3));
          f->round_title = g_strdup (hearth_column_text (stmt, 4));
          f->received_on = g_strdup (hearth_column_text (stmt, 5));
          f->channel = g_strdup (hearth_column_text (stmt, 6));
          f->rating = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? 0
                                                                   : sqlite3_column_int64 (stmt, 7);
          f->status = g_strdup (hearth_column_text (stmt, 8));
          f->tags = hearth_string_list_from_json (hearth_column_text (stmt, 9));
          f->stale = g_hash_table_contains (stale, f->id);
          g_ptr_array_add (lines, f);
        }
      if (rc != SQLITE_DONE)
        return data_error (error);
    }

  if (self->json)
    print_feedback_json (lines);
  else
    print_feedback_text (lines);

  return HEARTH_EXIT_OK;
}

int
hearth_cli_run (HearthCli *self)
{
  g_autoptr(HearthStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (self != NULL, HEARTH_EXIT_USAGE);

  if (!(store = hearth_store_open (self->database, &error)))
    return data_error (error);

  if (self->export_path != NULL)
    return run_export (self, store);
  if (self->import_path != NULL)
    return run_import (self, store);
  if (self->import_activity || self->import_members)
    return run_import_activity (self, store);
  if (self->candidates)
    return run_candidates (self, store);
  if (self->ambassadors)
    return run_ambassadors (self, store);
  if (self->due_recognition)
    return run_due_recognition (self, store);
  if (self->feedback)
    return run_feedback (self, store);

  return HEARTH_EXIT_USAGE;
}

const char *
hearth_cli_get_database (HearthCli *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->database;
}

gboolean
hearth_cli_is_default_db (HearthCli *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->default_db;
}

const char *
hearth_cli_get_program (HearthCli *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->program;
}
