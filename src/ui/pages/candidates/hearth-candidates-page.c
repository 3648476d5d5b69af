/* hearth-candidates-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-candidates-page"

#include "config.h"

#include "hearth-candidates-page.h"

struct _HearthCandidatesPage
{
  HearthPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthCandidatesPage, hearth_candidates_page, HEARTH_TYPE_PAGE)

static void
hearth_candidates_page_class_init (HearthCandidatesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/candidates/hearth-candidates-page.ui");
}

static void
hearth_candidates_page_init (HearthCandidatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
