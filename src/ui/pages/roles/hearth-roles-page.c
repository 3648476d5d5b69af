/* hearth-roles-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-roles-page"

#include "config.h"

#include "hearth-roles-page.h"

struct _HearthRolesPage
{
  HearthPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRolesPage, hearth_roles_page, HEARTH_TYPE_PAGE)

static void
hearth_roles_page_class_init (HearthRolesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/roles/hearth-roles-page.ui");
}

static void
hearth_roles_page_init (HearthRolesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
