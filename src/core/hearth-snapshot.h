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
