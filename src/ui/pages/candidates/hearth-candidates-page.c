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
hearth_candidates_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_CANDIDATES_PAGE);

  G_OBJECT_CLASS (hearth_candidates_page_parent_class)->dispose (object);
}

static void
hearth_candidates_page_class_init (HearthCandidatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_candidates_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/candidates/hearth-candidates-page.ui");
}

static void
hearth_candidates_page_init (HearthCandidatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
