/* hearth-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEARTH_ERROR (hearth_error_quark ())

/**
 * HearthError:
 * @HEARTH_ERROR_FAILED: anything not covered below
 * @HEARTH_ERROR_SQLITE: SQLite reported an error; the message carries its text
 * @HEARTH_ERROR_BUSY: the database stayed locked by another program past the busy timeout
 * @HEARTH_ERROR_READ_ONLY: the database file or its folder cannot be written
 * @HEARTH_ERROR_CORRUPT: the file is not a database or is damaged; it was left untouched
 * @HEARTH_ERROR_TOO_NEW: the database was made by a newer Hearth
 * @HEARTH_ERROR_NOT_FOUND: the record or file does not exist
 * @HEARTH_ERROR_INVALID: a value breaks the data model (bad enum, date, range, …)
 * @HEARTH_ERROR_FULL: the disk is full; nothing was written
 * @HEARTH_ERROR_ENCODING: a text file is not valid UTF-8 (it may be Latin-1)
 */
typedef enum
{
  HEARTH_ERROR_FAILED,
  HEARTH_ERROR_SQLITE,
  HEARTH_ERROR_BUSY,
  HEARTH_ERROR_READ_ONLY,
  HEARTH_ERROR_CORRUPT,
  HEARTH_ERROR_TOO_NEW,
  HEARTH_ERROR_NOT_FOUND,
  HEARTH_ERROR_INVALID,
  HEARTH_ERROR_FULL,
  HEARTH_ERROR_ENCODING,
} HearthError;

GQuark hearth_error_quark (void);

G_END_DECLS
