/* hearth-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless command line (DESIGN §3). It includes only core headers: GTK is never
 * initialised on this path (tests/data checks the includes).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, exactly as DESIGN §3 defines them. */
#define HEARTH_EXIT_OK    0
#define HEARTH_EXIT_DATA  1
#define HEARTH_EXIT_USAGE 2

typedef struct _HearthCli HearthCli;

HearthCli   *hearth_cli_new             (void);
void         hearth_cli_free            (HearthCli    *self);
gboolean     hearth_cli_parse           (HearthCli    *self,
                                         int           argc,
                                         char        **argv,
                                         int          *exit_status);
gboolean     hearth_cli_has_action      (HearthCli    *self);
int          hearth_cli_run             (HearthCli    *self);
const char  *hearth_cli_get_database    (HearthCli    *self);
gboolean     hearth_cli_is_default_db   (HearthCli    *self);
const char  *hearth_cli_get_program     (HearthCli    *self);
char        *hearth_cli_default_database_path (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthCli, hearth_cli_free)

G_END_DECLS
