/* hearth-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-database.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECORD (hearth_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (HearthRecord, hearth_record, HEARTH, RECORD, GObject)

typedef enum
{
  HEARTH_COLUMN_TEXT,
  HEARTH_COLUMN_DATE,     /* TEXT YYYY-MM-DD */
  HEARTH_COLUMN_ENUM,     /* TEXT, one of the column's choices */
  HEARTH_COLUMN_INT,      /* INTEGER; -1 stands for NULL in nullable columns */
  HEARTH_COLUMN_DOUBLE,   /* REAL; a negative value stands for NULL in nullable columns */
  HEARTH_COLUMN_BOOL,     /* INTEGER 0/1 */
  HEARTH_COLUMN_LIST,     /* TEXT holding a JSON array of strings */
} HearthColumnType;

typedef enum
{
  HEARTH_COLUMN_FLAGS_NONE     = 0,
  HEARTH_COLUMN_FLAGS_REQUIRED = 1 << 0,  /* NOT NULL, and not empty */
  HEARTH_COLUMN_FLAGS_PERSONAL = 1 << 1,  /* DESIGN §8: never logged, never printed */
  HEARTH_COLUMN_FLAGS_PARENT   = 1 << 2,  /* the reference that scopes a list (program_id, …) */
} HearthColumnFlags;

typedef struct
{
  const char          *name;
  HearthColumnType     type;
  HearthColumnFlags    flags;
  const char * const  *choices;
  gint64               default_int;
  const char          *default_text;
  const char          *references;   /* the table an id column points to */
} HearthColumn;

struct _HearthRecordClass
{
  GObjectClass parent_class;

  /* Checks across columns, after the per-column ones; NULL when there are none. */
  gboolean (*validate) (HearthRecord  *self,
                        GError       **error);

  /*< private >*/
  const char          *table;
  const HearthColumn  *columns;
  guint                n_columns;
  const char          *order_by;
  GParamSpec         **pspecs;
  char                *select_sql;
  char                *insert_sql;
  char                *update_sql;
};

void                 hearth_record_class_set_table   (HearthRecordClass   *klass,
                                                      const char          *table,
                                                      const HearthColumn  *columns,
                                                      guint                n_columns,
                                                      const char          *order_by);
const char          *hearth_record_class_get_table   (HearthRecordClass   *klass);
const HearthColumn  *hearth_record_class_get_columns (HearthRecordClass   *klass,
                                                      guint               *n_columns);
int                  hearth_record_class_find_column (HearthRecordClass   *klass,
                                                      const char          *name);

const char          *hearth_record_get_id            (HearthRecord        *self);
const char          *hearth_record_get_created_at    (HearthRecord        *self);
const char          *hearth_record_get_updated_at    (HearthRecord        *self);
const char          *hearth_record_get_deleted_at    (HearthRecord        *self);
const char          *hearth_record_get_text          (HearthRecord        *self,
                                                      guint                column);
gint64               hearth_record_get_int           (HearthRecord        *self,
                                                      guint                column);
double               hearth_record_get_double        (HearthRecord        *self,
                                                      guint                column);
gboolean             hearth_record_get_bool          (HearthRecord        *self,
                                                      guint                column);
const char * const  *hearth_record_get_list          (HearthRecord        *self,
                                                      guint                column);
void                 hearth_record_set_text          (HearthRecord        *self,
                                                      guint                column,
                                                      const char          *value);
void                 hearth_record_set_int           (HearthRecord        *self,
                                                      guint                column,
                                                      gint64               value);
void                 hearth_record_set_double        (HearthRecord        *self,
                                                      guint                column,
                                                      double               value);
void                 hearth_record_set_bool          (HearthRecord        *self,
                                                      guint                column,
                                                      gboolean             value);
void                 hearth_record_set_list          (HearthRecord        *self,
                                                      guint                column,
                                                      const char * const  *value);

gboolean             hearth_record_validate          (HearthRecord        *self,
                                                      GError             **error);
HearthRecord        *hearth_record_copy              (HearthRecord        *self);
gboolean             hearth_record_assign            (HearthRecord        *self,
                                                      HearthRecord        *other);
gboolean             hearth_record_equal             (HearthRecord        *a,
                                                      HearthRecord        *b);

GPtrArray           *hearth_record_load              (GType                type,
                                                      HearthDatabase      *db,
                                                      const char          *where_column,
                                                      const char          *value,
                                                      GError             **error);
gpointer             hearth_record_load_by_id        (GType                type,
                                                      HearthDatabase      *db,
                                                      const char          *id,
                                                      gboolean             include_deleted,
                                                      GError             **error);
gboolean             hearth_record_insert            (HearthRecord        *self,
                                                      HearthDatabase      *db,
                                                      GError             **error);
gboolean             hearth_record_update            (HearthRecord        *self,
                                                      HearthDatabase      *db,
                                                      GError             **error);

G_END_DECLS
