/* hearth-recognition-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-recognition-page"

#include "config.h"

#include "hearth-recognition-page.h"

struct _HearthRecognitionPage
{
  HearthPage parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRecognitionPage, hearth_recognition_page, HEARTH_TYPE_PAGE)

static void
hearth_recognition_page_class_init (HearthRecognitionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* HearthPage disposes the template. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthapp/Hearth/ui/pages/recognition/hearth-recognition-page.ui");
}

static void
hearth_recognition_page_init (HearthRecognitionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
