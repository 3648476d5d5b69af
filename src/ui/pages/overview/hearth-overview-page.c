/* hearth-overview-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-overview-page"

#include "config.h"

#include "hearth-overview-page.h"

struct _HearthOverviewPage
{
  HearthPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthOverviewPage, hearth_overview_page, HEARTH_TYPE_PAGE)

static void
hearth_overview_page_class_init (HearthOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/overview/hearth-overview-page.ui");
}

static void
hearth_overview_page_init (HearthOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
