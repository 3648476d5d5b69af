/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * i18n first, then the headless command line; the GUI starts only when no action was given.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hearth-application.h"
#include "hearth-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HearthCli) cli = NULL;
  g_autoptr(HearthApplication) app = NULL;
  char *gui_argv[] = { argv[0], NULL };
  int status = 0;

  setlocale (LC_ALL, "");
  /* HEARTH_LOCALEDIR lets an uninstalled build (./dev run) find the catalogs in build/po. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HEARTH_LOCALEDIR") ? g_getenv ("HEARTH_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  cli = hearth_cli_new ();
  if (!hearth_cli_parse (cli, argc, argv, &status))
    return status;

  if (hearth_cli_has_action (cli))
    return hearth_cli_run (cli);

  app = hearth_application_new (hearth_cli_get_database (cli),
                                !hearth_cli_is_default_db (cli),
                                hearth_cli_get_program (cli));

  /* Our options were parsed above; GApplication sees none of them. */
  return g_application_run (G_APPLICATION (app), 1, gui_argv);
}
