/* hearth-feedback-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-feedback-page"

#include "config.h"

#include "hearth-feedback-page.h"

struct _HearthFeedbackPage
{
  HearthPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthFeedbackPage, hearth_feedback_page, HEARTH_TYPE_PAGE)

static void
hearth_feedback_page_class_init (HearthFeedbackPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/feedback/hearth-feedback-page.ui");
}

static void
hearth_feedback_page_init (HearthFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
