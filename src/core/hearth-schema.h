/* hearth-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

/**
 * HearthTableSpec:
 * @table: the SQL table (DESIGN §4)
 * @key: its array in a snapshot (DESIGN §6), or %NULL for the program itself
 * @columns: the table's own columns in schema order, without id and the timestamps
 * @n_columns: how many
 * @has_common: whether the table has id, created_at, updated_at and deleted_at
 * @scope: a WHERE clause selecting the rows of the program bound as ?1
 * @order_by: a stable order for exports
 *
 * One table as Hearth reads, writes, exports and validates it. Every SQL fragment here is a
 * constant: no name in it ever comes from data.
 */
typedef struct
{
  const char          *table;
  const char          *key;
  const HearthColumn  *columns;
  guint                n_columns;
  gboolean             has_common;
  const char          *scope;
  const char          *order_by;
} HearthTableSpec;

extern const char * const hearth_activity_kinds[];
extern const char * const hearth_traits[];

const HearthTableSpec  *hearth_schema_get_tables   (guint       *n_tables);
const HearthTableSpec  *hearth_schema_lookup       (const char  *table);
const HearthTableSpec  *hearth_schema_lookup_key   (const char  *key);

G_END_DECLS
