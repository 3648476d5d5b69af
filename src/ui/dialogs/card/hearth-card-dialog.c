/* hearth-card-dialog.c — placeholder, being written */

#include "config.h"

#include "hearth-card-dialog.h"

struct _HearthCardDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthCardDialog, hearth_card_dialog, ADW_TYPE_WINDOW)

static void
hearth_card_dialog_class_init (HearthCardDialogClass *klass)
{
}

static void
hearth_card_dialog_init (HearthCardDialog *self)
{
}

GtkWindow *
hearth_card_dialog_new (GtkWindow *parent, HearthStore *store, HearthProgram *program, const char *award_id)
{
  return NULL;
}

void
hearth_badge_save_image (GtkWindow *parent, HearthStore *store, const char *badge_id)
{
}
