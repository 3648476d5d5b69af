/* hearth-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-database.h"

G_BEGIN_DECLS

/* Documented keys of the settings table (DESIGN §4). */
#define HEARTH_SETTING_WINDOW_WEEKS              "window_weeks"
#define HEARTH_SETTING_HOURS_LIMIT               "hours_limit"
#define HEARTH_SETTING_RECOGNITION_INTERVAL_DAYS "recognition_interval_days"
#define HEARTH_SETTING_FEEDBACK_STALE_DAYS       "feedback_stale_days"

typedef struct
{
  const char *key;
  const char *default_value;
  gint64      min;
  gint64      max;
  gboolean    personal;   /* e-mail addresses: omitted from redacted exports */
} HearthSettingSpec;

const HearthSettingSpec  *hearth_settings_get_specs  (guint           *n_specs);
const HearthSettingSpec  *hearth_settings_lookup     (const char      *key);
char                     *hearth_settings_get        (HearthDatabase  *db,
                                                      const char      *program_id,
                                                      const char      *key,
                                                      GError         **error);
gint64                    hearth_settings_get_int    (HearthDatabase  *db,
                                                      const char      *program_id,
                                                      const char      *key);
gboolean                  hearth_settings_set        (HearthDatabase  *db,
                                                      const char      *program_id,
                                                      const char      *key,
                                                      const char      *value,
                                                      GError         **error);
gboolean                  hearth_settings_set_int    (HearthDatabase  *db,
                                                      const char      *program_id,
                                                      const char      *key,
                                                      gint64           value,
                                                      GError         **error);

G_END_DECLS
