/* hearth-snapshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-database.h"

G_BEGIN_DECLS

#define HEARTH_SNAPSHOT_FORMAT  "hearth-program-snapshot"
#define HEARTH_SNAPSHOT_VERSION 1

typedef enum
{
  HEARTH_SNAPSHOT_EXPORT_NONE        = 0,
  /* Leave out the personal fields of DESIGN §6/§8 and every e-mail in settings. */
  HEARTH_SNAPSHOT_EXPORT_REDACT      = 1 << 0,
  /* Leave out the activity rows (the largest part of most snapshots). */
  HEARTH_SNAPSHOT_EXPORT_NO_ACTIVITY = 1 << 1,
} HearthSnapshotExportFlags;

gboolean  hearth_snapshot_export  (HearthDatabase             *db,
                                   const char                 *program_id,
                                   GFile                      *file,
                                   HearthSnapshotExportFlags   flags,
                                   GCancellable               *cancellable,
                                   GError                    **error);

G_END_DECLS

G_BEGIN_DECLS

/**
 * HearthSnapshotSummary:
 * @program_id: the program written (the new one after an import); after an inspection, the
 *   file's own program id
 * @program_name: its name
 * @exported_at: when the file was made
 * @generator: what made it
 * @redacted: whether personal fields were left out of the file
 * @ids_reassigned: the file's ids already existed here (the same file imported twice), so
 *   the import gave every record a fresh id
 * @n_members: live members in the file
 * @n_records: live records of every kind in the file, the program and activity rows aside
 * @n_activity_rows: activity rows in the file
 * @n_skipped: records left out because what they belong to was deleted in the file
 * @backup_path: the backup made before writing, or %NULL when nothing was written
 */
/**
 * HearthMergeCounts:
 * @what: a snapshot key ("members", "activity", "settings", …) or "program"
 *
 * What a merge does to one kind of record: add it, update the local one, delete the local
 * one (a tombstone), find it unchanged, or keep the local one (it is newer, or a tie).
 */
typedef struct
{
  const char *what;
  guint       added;
  guint       updated;
  guint       deleted;
  guint       unchanged;
  guint       kept;
} HearthMergeCounts;

typedef struct
{
  char      *program_id;
  char      *program_name;
  char      *exported_at;
  char      *generator;
  gboolean   redacted;
  gboolean   ids_reassigned;
  guint      n_members;
  guint      n_records;
  guint      n_activity_rows;
  guint      n_skipped;
  char      *backup_path;
  /* Merges only: one HearthMergeCounts per kind of record, in snapshot order. */
  GArray    *merge;
} HearthSnapshotSummary;

/**
 * HearthSnapshotStage:
 * @HEARTH_SNAPSHOT_STAGE_VALIDATING: reading and checking every record
 * @HEARTH_SNAPSHOT_STAGE_WRITING: writing, inside the transaction
 */
typedef enum
{
  HEARTH_SNAPSHOT_STAGE_VALIDATING,
  HEARTH_SNAPSHOT_STAGE_WRITING,
} HearthSnapshotStage;

/**
 * HearthSnapshotProgressFunc:
 * @done: rows handled so far in this stage
 * @total: rows in the file, or 0 while that is not known yet
 *
 * Called every few thousand rows, on the thread doing the work.
 */
typedef void (*HearthSnapshotProgressFunc) (HearthSnapshotStage  stage,
                                            guint64              done,
                                            guint64              total,
                                            gpointer             user_data);

void                    hearth_snapshot_summary_free (HearthSnapshotSummary *summary);
HearthSnapshotSummary  *hearth_snapshot_inspect      (const char            *path,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
HearthSnapshotSummary  *hearth_snapshot_import       (HearthDatabase        *db,
                                                      const char            *path,
                                                      HearthSnapshotProgressFunc progress,
                                                      gpointer               progress_data,
                                                      GCancellable          *cancellable,
                                                      GError               **error);

HearthSnapshotSummary  *hearth_snapshot_merge        (HearthDatabase        *db,
                                                      const char            *path,
                                                      const char            *program_id,
                                                      gboolean               preview,
                                                      HearthSnapshotProgressFunc progress,
                                                      gpointer               progress_data,
                                                      GCancellable          *cancellable,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthSnapshotSummary, hearth_snapshot_summary_free)

G_END_DECLS
