/* hearth-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per-program settings in the settings table. Only documented keys are accepted, each with its
 * default and its range; a missing row means the default.
 */

#define G_LOG_DOMAIN "hearth-settings"

#include "config.h"

#include "hearth-settings.h"
#include "hearth-util.h"

static const HearthSettingSpec specs[] = {
  { "weight_consistency", "1", 0, 10 },
  { "weight_empathy", "1", 0, 10 },
  { "weight_alignment", "1", 0, 10 },
  { "weight_initiative", "1", 0, 10 },
  { "weight_credibility", "1", 0, 10 },
  { HEARTH_SETTING_WINDOW_WEEKS, "12", 1, 104 },
  { HEARTH_SETTING_HOURS_LIMIT, "8", 1, 80 },
  { HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS, "60", 1, 365 },
  { HEARTH_SETTING_FEEDBACK_STALE_DAYS, "14", 1, 365 },
  /* Text settings have min > max. */
  { "ob_issuer_name", NULL, 1, 0 },
  { "ob_issuer_url", NULL, 1, 0 },
  { "ob_issuer_email", NULL, 1, 0, TRUE },
  { "ob_base_url", NULL, 1, 0 },
};

const HearthSettingSpec *
hearth_settings_get_specs (guint *n_specs)
{
  if (n_specs != NULL)
    *n_specs = G_N_ELEMENTS (specs);

  return specs;
}

const HearthSettingSpec *
hearth_settings_lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_strcmp0 (specs[i].key, key) == 0)
      return &specs[i];

  return NULL;
}

/**
 * hearth_settings_get:
 *
 * Returns: (transfer full) (nullable): the stored value or the default; %NULL with @error set
 *   on a database error or an unknown key
 */
char *
hearth_settings_get (HearthDatabase  *db,
                     const char      *program_id,
                     const char      *key,
                     GError         **error)
{
  const HearthSettingSpec *spec = hearth_settings_lookup (key);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (spec == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "settings.%s: unknown setting", key);
      return NULL;
    }

  stmt = hearth_database_prepare (db, "SELECT value FROM settings WHERE program_id = ?1 AND key = ?2",
                                  error);
  if (stmt == NULL)
    return NULL;

  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, key);

  rc = hearth_database_step (db, stmt, error);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup (hearth_column_text (stmt, 0));
  if (rc == 0)
    return NULL;

  return g_strdup (spec->default_value);
}

gint64
hearth_settings_get_int (HearthDatabase *db,
                         const char     *program_id,
                         const char     *key)
{
  const HearthSettingSpec *spec = hearth_settings_lookup (key);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 number;

  g_return_val_if_fail (spec != NULL && spec->min <= spec->max, 0);

  value = hearth_settings_get (db, program_id, key, &error);
  if (value == NULL || !g_ascii_string_to_signed (value, 10, spec->min, spec->max, &number, NULL))
    {
      /* A value another tool wrote out of range falls back to the default. */
      if (error != NULL)
        g_debug ("Reading setting %s: %s", key, error->message);
      number = g_ascii_strtoll (spec->default_value, NULL, 10);
    }

  return number;
}

gboolean
hearth_settings_set (HearthDatabase  *db,
                     const char      *program_id,
                     const char      *key,
                     const char      *value,
                     GError         **error)
{
  const HearthSettingSpec *spec = hearth_settings_lookup (key);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (spec == NULL)
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "settings.%s: unknown setting", key);
      return FALSE;
    }

  if (spec->min <= spec->max && value != NULL &&
      !g_ascii_string_to_signed (value, 10, spec->min, spec->max, NULL, NULL))
    {
      g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID,
                   "settings.%s: expected a whole number from %" G_GINT64_FORMAT
                   " to %" G_GINT64_FORMAT, key, spec->min, spec->max);
      return FALSE;
    }

  if (hearth_str_empty (value))
    stmt = hearth_database_prepare (db, "DELETE FROM settings WHERE program_id = ?1 AND key = ?2",
                                    error);
  else
    stmt = hearth_database_prepare (db,
                                    "INSERT INTO settings (program_id, key, value) VALUES (?1, ?2, ?3) "
                                    "ON CONFLICT (program_id, key) DO UPDATE SET value = excluded.value",
                                    error);
  if (stmt == NULL)
    return FALSE;

  hearth_bind_text (stmt, 1, program_id);
  hearth_bind_text (stmt, 2, key);
  if (!hearth_str_empty (value))
    hearth_bind_text (stmt, 3, value);

  return hearth_database_step_done (db, stmt, error);
}

gboolean
hearth_settings_set_int (HearthDatabase  *db,
                         const char      *program_id,
                         const char      *key,
                         gint64           value,
                         GError         **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return hearth_settings_set (db, program_id, key, text, error);
}
