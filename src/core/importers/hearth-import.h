/* hearth-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Community data in: activity and member rosters from the platforms organizers use
 * (DiscordChatExporter JSON and CSV, Discourse's user list, a generic activity CSV, a member
 * roster CSV). One run reads every file first and refuses the whole run on the first bad record;
 * only then, after a backup, it writes everything in one transaction.
 */

#pragma once

#include <gio/gio.h>

#include "hearth-database.h"

G_BEGIN_DECLS

typedef enum
{
  HEARTH_IMPORT_FORMAT_AUTO,
  HEARTH_IMPORT_FORMAT_CSV,
  HEARTH_IMPORT_FORMAT_DISCORD_JSON,
  HEARTH_IMPORT_FORMAT_DISCORD_CSV,
  HEARTH_IMPORT_FORMAT_DISCOURSE_USERS,
  /* The member roster (--import-members): never detected, always asked for. */
  HEARTH_IMPORT_FORMAT_MEMBERS,
} HearthImportFormat;

/* The columns a generic activity CSV or a member roster can map. */
typedef enum
{
  HEARTH_IMPORT_FIELD_MEMBER_ID,
  HEARTH_IMPORT_FIELD_EXTERNAL_ID,
  HEARTH_IMPORT_FIELD_PLATFORM,
  HEARTH_IMPORT_FIELD_HANDLE,
  HEARTH_IMPORT_FIELD_NAME,
  HEARTH_IMPORT_FIELD_DAY,
  HEARTH_IMPORT_FIELD_KIND,
  HEARTH_IMPORT_FIELD_COUNT,
  HEARTH_IMPORT_FIELD_EMAIL,
  HEARTH_IMPORT_FIELD_JOINED_ON,
  HEARTH_IMPORT_FIELD_REGION,
  HEARTH_IMPORT_FIELD_TIMEZONE,
  HEARTH_IMPORT_FIELD_LANGUAGE,
  HEARTH_IMPORT_FIELD_SEGMENT,
  HEARTH_IMPORT_N_FIELDS
} HearthImportField;

typedef struct
{
  /* HEARTH_IMPORT_FORMAT_CSV or HEARTH_IMPORT_FORMAT_MEMBERS */
  HearthImportFormat  format;
  /* ',', ';' or '\t'; 0 = detect */
  char                delimiter;
  /* The column index of each field, or -1 when the file has none. */
  int                 columns[HEARTH_IMPORT_N_FIELDS];
  /* (nullable) (element-type utf8 utf8): a value of the kind column → one of the nine kinds */
  GHashTable         *kinds;
} HearthImportMapping;

typedef struct
{
  HearthImportFormat   format;
  char                 delimiter;
  /* (array zero-terminated=1): the header row, as read */
  char               **header;
  /* (element-type GStrv): the first rows after the header */
  GPtrArray           *rows;
  /* What the header convention maps; the dialog's default. */
  HearthImportMapping  mapping;
  /* The values of the kind column in the previewed rows that are not one of the nine kinds. */
  char               **unknown_kinds;
} HearthImportPreview;

typedef struct
{
  /* AUTO detects each file's format. */
  HearthImportFormat          format;
  /* (nullable): a strftime-like format (%d %m %Y %y %H %M %S %I %p) for dates that are not ISO-8601 */
  const char                 *date_format;
  /* Read the files as Latin-1 instead of UTF-8 (the GUI offers it; headless never). */
  gboolean                    latin1;
  /* (nullable): the columns of a generic CSV or roster; NULL = the header convention */
  const HearthImportMapping  *mapping;
} HearthImportOptions;

typedef struct
{
  char      *path;
  /* hearth_import_format_to_string() of what was read */
  const char *format;
  /* The same file (by SHA-256) was imported before, at this time: nothing was read. */
  char      *already_imported_at;
  /* Rows or messages counted, not counted (system, bots, erased members), counted before. */
  guint64    rows_added;
  guint64    rows_ignored;
  guint64    rows_already;
} HearthImportFile;

typedef struct
{
  char      *program_id;
  /* The database held no program and the run created this one. */
  char      *program_created;
  /* (element-type HearthImportFile) */
  GArray    *files;
  /* Rows (CSV) or messages (JSON) read, in every file not skipped. */
  guint64    n_records;
  /* Of those, the ones counted: into activity, or a member written (rosters). */
  guint64    n_counted;
  /* Skipped because an earlier import counted them (message ids, content hashes). */
  guint64    n_already;
  /* Not counted: system messages, bots' rows, erased (suppressed) members. */
  guint64    n_ignored;
  /* The sum of the activity counts added. */
  guint64    n_activity;
  guint      n_members_created;
  guint      n_members_updated;
  /* (array zero-terminated=1): columns of a CSV that nothing reads */
  char     **ignored_columns;
  char      *backup_path;
} HearthImportSummary;

typedef void (*HearthImportProgressFunc) (guint64   done,
                                          guint64   total,
                                          gpointer  user_data);

const char           *hearth_import_format_to_string  (HearthImportFormat          format);
gboolean              hearth_import_format_from_string (const char                *text,
                                                        HearthImportFormat        *format);
HearthImportFormat    hearth_import_detect            (const char                 *path,
                                                       gboolean                    latin1,
                                                       GError                    **error);
void                  hearth_import_mapping_init      (HearthImportMapping        *mapping,
                                                       HearthImportFormat          format);
void                  hearth_import_mapping_clear     (HearthImportMapping        *mapping);
HearthImportPreview  *hearth_import_preview           (const char                 *path,
                                                       HearthImportFormat          format,
                                                       gboolean                    latin1,
                                                       guint                       n_rows,
                                                       GError                    **error);
void                  hearth_import_preview_free      (HearthImportPreview        *preview);
HearthImportSummary  *hearth_import_run               (HearthDatabase             *db,
                                                       const char                 *program_id,
                                                       const char * const         *paths,
                                                       const HearthImportOptions  *options,
                                                       HearthImportProgressFunc    progress,
                                                       gpointer                    progress_data,
                                                       GCancellable               *cancellable,
                                                       GError                    **error);
void                  hearth_import_summary_free      (HearthImportSummary        *summary);
char                 *hearth_suppression_key          (const char                 *platform,
                                                       const char                 *external_id);

/* Feedback responses from a survey tool's CSV export (hearth-import-responses.c): the columns
 * its mapping can name. The member columns match as the generic activity CSV's do (the first
 * mapped of member_id, external_id, handle, name is the key). */
typedef enum
{
  HEARTH_IMPORT_RESPONSES_FIELD_MEMBER_ID,
  HEARTH_IMPORT_RESPONSES_FIELD_EXTERNAL_ID,
  HEARTH_IMPORT_RESPONSES_FIELD_PLATFORM,
  HEARTH_IMPORT_RESPONSES_FIELD_HANDLE,
  HEARTH_IMPORT_RESPONSES_FIELD_NAME,
  HEARTH_IMPORT_RESPONSES_FIELD_DATE,
  HEARTH_IMPORT_RESPONSES_FIELD_RATING,
  HEARTH_IMPORT_RESPONSES_FIELD_TEXT,
  HEARTH_IMPORT_RESPONSES_FIELD_TAGS,
  HEARTH_IMPORT_RESPONSES_N_FIELDS
} HearthImportResponsesField;

typedef struct
{
  /* ',', ';' or '\t'; 0 = detect */
  char  delimiter;
  /* The column index of each field, or -1 when the file has none. */
  int   columns[HEARTH_IMPORT_RESPONSES_N_FIELDS];
} HearthImportResponsesMapping;

typedef struct
{
  /* (nullable): the feedback round the items belong to; a live round of the program */
  const char                          *round_id;
  /* (nullable): as HearthImportOptions.date_format */
  const char                          *date_format;
  gboolean                             latin1;
  /* (nullable): the columns; NULL = the header convention */
  const HearthImportResponsesMapping  *mapping;
} HearthImportResponsesOptions;

/* How many bad rows one refused responses import names before "and N more". */
#define HEARTH_IMPORT_RESPONSES_MAX_ERRORS 20

void                  hearth_import_responses_mapping_init (HearthImportResponsesMapping       *mapping);
void                  hearth_import_responses_map_header   (HearthImportResponsesMapping       *mapping,
                                                            const char * const                 *header);
const char           *hearth_import_responses_field_name   (HearthImportResponsesField          field);
HearthImportSummary  *hearth_import_responses_run          (HearthDatabase                     *db,
                                                            const char                         *program_id,
                                                            const char                         *path,
                                                            const HearthImportResponsesOptions *options,
                                                            HearthImportProgressFunc            progress,
                                                            gpointer                            progress_data,
                                                            GCancellable                       *cancellable,
                                                            GError                            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthImportPreview, hearth_import_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthImportSummary, hearth_import_summary_free)

G_END_DECLS
