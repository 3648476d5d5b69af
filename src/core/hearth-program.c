/* hearth-program.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An ambassador program: its name, its purpose (the "why"), and the ratio it aims for.
 */

#define G_LOG_DOMAIN "hearth-program"

#include "config.h"

#include "hearth-program.h"

struct _HearthProgram
{
  HearthRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthProgram, hearth_program, HEARTH_TYPE_RECORD)

const HearthColumn hearth_program_columns[HEARTH_PROGRAM_N_COLUMNS] = {
  [HEARTH_PROGRAM_NAME] = { "name", HEARTH_COLUMN_TEXT, HEARTH_COLUMN_FLAGS_REQUIRED },
  [HEARTH_PROGRAM_PURPOSE] = { "purpose", HEARTH_COLUMN_TEXT },
  [HEARTH_PROGRAM_DESCRIPTION] = { "description", HEARTH_COLUMN_TEXT },
  [HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT] = { "active_member_count", HEARTH_COLUMN_INT, 0, NULL, -1 },
  [HEARTH_PROGRAM_RATIO_MIN] = { "ratio_min", HEARTH_COLUMN_INT, HEARTH_COLUMN_FLAGS_REQUIRED, NULL,
                                 HEARTH_RATIO_MIN_DEFAULT },
  [HEARTH_PROGRAM_RATIO_MAX] = { "ratio_max", HEARTH_COLUMN_INT, HEARTH_COLUMN_FLAGS_REQUIRED, NULL,
                                 HEARTH_RATIO_MAX_DEFAULT },
  [HEARTH_PROGRAM_AS_OF] = { "as_of", HEARTH_COLUMN_DATE },
};



static gboolean
hearth_program_validate (HearthRecord  *record,
                         GError       **error)
{
  return hearth_program_check_ratio (HEARTH_PROGRAM (record), error);
}

static void
hearth_program_class_init (HearthProgramClass *klass)
{
  HEARTH_RECORD_CLASS (klass)->validate = hearth_program_validate;

  hearth_record_class_set_table (HEARTH_RECORD_CLASS (klass), "program",
                                 hearth_program_columns, HEARTH_PROGRAM_N_COLUMNS,
                                 "name COLLATE NOCASE");
}

static void
hearth_program_init (HearthProgram *self)
{
}

HearthProgram *
hearth_program_new (const char *name)
{
  return g_object_new (HEARTH_TYPE_PROGRAM, "name", name, NULL);
}

const char *
hearth_program_get_name (HearthProgram *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_PROGRAM_NAME);
}

void
hearth_program_set_name (HearthProgram *self,
                         const char    *name)
{
  hearth_record_set_text (HEARTH_RECORD (self), HEARTH_PROGRAM_NAME, name);
}

const char *
hearth_program_get_purpose (HearthProgram *self)
{
  return hearth_record_get_text (HEARTH_RECORD (self), HEARTH_PROGRAM_PURPOSE);
}

gint64
hearth_program_get_active_member_count (HearthProgram *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_PROGRAM_ACTIVE_MEMBER_COUNT);
}

gint64
hearth_program_get_ratio_min (HearthProgram *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_PROGRAM_RATIO_MIN);
}

gint64
hearth_program_get_ratio_max (HearthProgram *self)
{
  return hearth_record_get_int (HEARTH_RECORD (self), HEARTH_PROGRAM_RATIO_MAX);
}

/**
 * hearth_program_check_ratio:
 *
 * The target is "one ambassador per ratio_min to ratio_max active members".
 */
gboolean
hearth_program_check_ratio (HearthProgram  *self,
                            GError        **error)
{
  gint64 min = hearth_program_get_ratio_min (self);
  gint64 max = hearth_program_get_ratio_max (self);

  if (min < 1)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "program.ratio_min: expected at least 1 member per ambassador");
      return FALSE;
    }

  if (max < min)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "program.ratio_max: expected at least ratio_min");
      return FALSE;
    }

  return TRUE;
}

/**
 * hearth_program_load_all:
 *
 * Returns: (transfer full) (element-type HearthProgram): the live programs by name
 */
GPtrArray *
hearth_program_load_all (HearthDatabase  *db,
                         GError         **error)
{
  return hearth_record_load (HEARTH_TYPE_PROGRAM, db, NULL, NULL, error);
}

/**
 * hearth_program_find:
 * @id_or_name: a program's id, or its name (case-insensitive)
 *
 * Resolves `--program ID|NAME`. Two programs with the same name are ambiguous.
 *
 * Returns: (transfer full) (nullable): the program, or %NULL with @error set
 */
HearthProgram *
hearth_program_find (HearthDatabase  *db,
                     const char      *id_or_name,
                     GError         **error)
{
  g_autoptr(GPtrArray) programs = NULL;
  HearthProgram *found = NULL;
  guint n_found = 0;

  g_return_val_if_fail (id_or_name != NULL, NULL);

  if (!(programs = hearth_program_load_all (db, error)))
    return NULL;

  for (guint i = 0; i < programs->len; i++)
    {
      HearthProgram *program = g_ptr_array_index (programs, i);

      if (g_strcmp0 (hearth_record_get_id (HEARTH_RECORD (program)), id_or_name) == 0)
        return g_object_ref (program);
    }

  for (guint i = 0; i < programs->len; i++)
    {
      HearthProgram *program = g_ptr_array_index (programs, i);
      g_autofree char *a = g_utf8_casefold (hearth_program_get_name (program), -1);
      g_autofree char *b = g_utf8_casefold (id_or_name, -1);

      if (g_strcmp0 (a, b) == 0)
        {
          found = program;
          n_found++;
        }
    }

  if (n_found == 1)
    return g_object_ref (found);

  if (n_found == 0)
    g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_NOT_FOUND,
                 "no program with the id or name “%s”", id_or_name);
  else
    g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                 "%u programs are named “%s”: give the program's id instead", n_found, id_or_name);

  return NULL;
}
