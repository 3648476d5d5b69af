/* hearth-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the format readers share. A run has two halves:
 *
 *   read   each reader parses its file completely, resolving members against an in-memory index
 *          of the program's members (new ones are only planned), and fails on the first bad
 *          record — nothing has been written yet;
 *   write  after a backup, in one transaction: the planned members, then each reader's own
 *          writes (events, counters), then the activity, then one import_batch row per file.
 */

#pragma once

#include "hearth-csv-reader.h"
#include "hearth-import.h"
#include "hearth-schema.h"

G_BEGIN_DECLS

/* How often the readers check for cancellation and report progress, in records. */
#define HEARTH_IMPORT_CHUNK 4096

typedef enum
{
  IMPORT_MEMBER_NEW      = 1 << 0,
  IMPORT_MEMBER_CHANGED  = 1 << 1,
  IMPORT_MEMBER_SUPPRESSED = 1 << 2,
} ImportMemberFlags;

/* The member columns an import can set, in the order of the fields of ImportMember. */
typedef enum
{
  MEMBER_DISPLAY_NAME,
  MEMBER_HANDLE,
  MEMBER_PLATFORM,
  MEMBER_EXTERNAL_ID,
  MEMBER_EMAIL,
  MEMBER_JOINED_ON,
  MEMBER_REGION,
  MEMBER_TIMEZONE,
  MEMBER_LANGUAGE,
  MEMBER_SEGMENT,
  MEMBER_N_TEXT
} MemberText;

typedef struct
{
  char              *id;
  char              *text[MEMBER_N_TEXT];
  /* The columns this run changes (1 << MemberText). */
  guint              changed;
  gboolean           is_bot;
  gboolean           bot_changed;
  ImportMemberFlags  flags;
  /* The newest join this run saw (julian day, 0 = none): DiscordChatExporter's joins. */
  guint32            joined_day;
  /* The position in ImportRun.members: what activity cells refer to. */
  guint32            index;
} ImportMember;

/* Activity is added up (each event counts once: Discord, Discourse) or raised to the larger
 * total (a generic CSV holds totals per day, so importing it twice must not double them). */
typedef enum
{
  ACTIVITY_ADD,
  ACTIVITY_MAX,
} ActivityMode;

typedef struct
{
  guint64 key;     /* member index << 26 | julian day << 4 | kind index */
  guint32 count;
} ActivityCell;

typedef struct _ImportRun ImportRun;
typedef struct _ImportFile ImportFile;

typedef struct
{
  HearthImportFormat format;
  ActivityMode       mode;
  /* Reads and checks the whole file; writes nothing. */
  gboolean  (*read)  (ImportRun *run, ImportFile *file, GError **error);
  /* Inside the transaction, once the members exist: events, counters, activity. */
  gboolean  (*write) (ImportRun *run, ImportFile *file, GError **error);
  void      (*free_data) (gpointer data);
} ImportFormatClass;

struct _ImportFile
{
  const ImportFormatClass *klass;
  char        *path;
  char        *sha256;
  guint64      size;
  /* Set when the file was imported before (generic CSV only): it is skipped. */
  char        *already_imported_at;
  /* The reader's parsed records, freed with klass->free_data. */
  gpointer     data;
  /* Activity of this file, summed per cell by hearth_import_file_add(). */
  GArray      *cells;
  guint64      rows_added;
  guint64      rows_ignored;
  guint64      rows_already;
};

struct _ImportRun
{
  HearthDatabase            *db;
  char                      *program_id;
  const HearthImportOptions *options;
  GCancellable              *cancellable;
  HearthImportProgressFunc   progress;
  gpointer                   progress_data;

  /* Every member of the program (not deleted), then the ones this run plans. */
  GPtrArray                 *members;
  GHashTable                *by_external;   /* "platform\x1fexternal_id" → ImportMember */
  GHashTable                *by_handle;     /* handle → ImportMember */
  GHashTable                *by_name;       /* display_name → ImportMember */
  GHashTable                *by_id;         /* id → ImportMember */
  GHashTable                *suppressed;    /* key hashes of erased members */
  /* DiscordChatExporter: message id → author index + 1, over every file of the run. */
  GHashTable                *message_authors;

  GPtrArray                 *files;         /* of ImportFile */
  GPtrArray                 *ignored_columns;
  HearthImportSummary       *summary;

  guint64                    bytes_total;
  guint64                    bytes_done;
  guint64                    write_total;
  guint64                    write_done;
  /* For G_MESSAGES_DEBUG=hearth-import: where a run's time goes. */
  GTimer                    *timer;
};

/* Members. */
ImportMember  *hearth_import_find_member      (ImportRun     *run,
                                               const char    *platform,
                                               const char    *external_id,
                                               const char    *handle);
/* A run's tables (hearth_import_run_init), the program's members and erased identities
 * (hearth_import_load_members), a file's SHA-256 and size for its import_batch row
 * (hearth_import_hash_file), and everything freed again (hearth_import_run_clear). */
void           hearth_import_run_init         (ImportRun     *run);
void           hearth_import_run_clear        (ImportRun     *run);
gboolean       hearth_import_load_members     (ImportRun     *run,
                                               GError       **error);
gboolean       hearth_import_hash_file        (ImportFile    *file,
                                               GError       **error);
ImportMember  *hearth_import_plan_member      (ImportRun     *run,
                                               const char    *platform,
                                               const char    *external_id,
                                               const char    *handle,
                                               const char    *display_name);
gboolean       hearth_import_is_suppressed    (ImportRun     *run,
                                               const char    *platform,
                                               const char    *external_id);
void           hearth_import_member_set       (ImportRun     *run,
                                               ImportMember  *member,
                                               MemberText     column,
                                               const char    *value,
                                               gboolean       overwrite);

/* Activity. */
int            hearth_import_kind_index       (const char    *kind);
void           hearth_import_file_add         (ImportFile    *file,
                                               guint32        member_index,
                                               guint32        julian_day,
                                               int            kind,
                                               guint32        count);

/* Cancellation and progress: call every HEARTH_IMPORT_CHUNK records. */
gboolean       hearth_import_tick             (ImportRun     *run,
                                               guint64        bytes_done,
                                               GError       **error);
gboolean       hearth_import_write_tick       (ImportRun     *run,
                                               guint64        n,
                                               GError       **error);

/* Errors: "FILE:LINE: RECORD.FIELD: message" (DESIGN §3). */
void           hearth_import_error            (GError       **error,
                                               int            code,
                                               const char    *path,
                                               guint          line,
                                               const char    *field,
                                               const char    *format,
                                               ...) G_GNUC_PRINTF (6, 7);
void           hearth_import_prefix_error     (GError       **error,
                                               const char    *path);

/* CSV helpers shared by the CSV formats. */
char          *hearth_import_normalize_header (const char    *name);
char          *hearth_import_describe_header  (HearthCsvReader *reader);
const char    *hearth_import_cell             (HearthCsvReader *reader,
                                               int            column);
gboolean       hearth_import_parse_count      (const char    *text,
                                               gboolean       allow_zero,
                                               guint32       *count);
gboolean       hearth_import_open_csv         (ImportRun     *run,
                                               ImportFile    *file,
                                               HearthCsvReader **reader,
                                               GError       **error);
void           hearth_import_note_ignored_column (ImportRun  *run,
                                               const char    *name);
gboolean       hearth_import_read_first_row   (ImportFile    *file,
                                               HearthCsvReader *reader,
                                               GError       **error);
gboolean       hearth_import_rows_done        (ImportFile    *file,
                                               GError        *local_error,
                                               GError       **error);

typedef enum
{
  IMPORT_COUNTED,   /* into activity, or a member written */
  IMPORT_IGNORED,   /* system messages, bots, erased members */
  IMPORT_ALREADY,   /* an earlier import counted it */
} ImportTally;

void           hearth_import_tally            (ImportRun     *run,
                                               ImportFile    *file,
                                               ImportTally    tally);

/* Writes inside the run's transaction. */
gboolean       hearth_import_record_event     (ImportRun     *run,
                                               sqlite3_stmt  *insert,
                                               const char    *source,
                                               const char    *key,
                                               gboolean      *is_new,
                                               GError       **error);
sqlite3_stmt  *hearth_import_prepare_event    (ImportRun     *run,
                                               GError       **error);

/* The formats. */
extern const ImportFormatClass hearth_import_discord_json_class;
extern const ImportFormatClass hearth_import_discord_csv_class;
extern const ImportFormatClass hearth_import_discourse_class;
extern const ImportFormatClass hearth_import_csv_class;
extern const ImportFormatClass hearth_import_members_class;

/* Generic CSV and roster: the header convention (hearth-import-csv.c). */
void           hearth_import_map_header       (HearthImportMapping *mapping,
                                               const char * const  *header);
gboolean       hearth_import_read_header      (ImportRun           *run,
                                               ImportFile          *file,
                                               HearthCsvReader     *reader,
                                               HearthImportFormat   format,
                                               HearthImportMapping *mapping,
                                               char               **header_text,
                                               GError             **error);
const char    *hearth_import_field_name       (HearthImportField    field);

G_END_DECLS
