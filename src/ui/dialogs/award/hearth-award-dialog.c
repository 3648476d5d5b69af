/* hearth-award-dialog.c — placeholder, being written */

#include "config.h"

#include "hearth-award-dialog.h"

struct _HearthAwardDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthAwardDialog, hearth_award_dialog, ADW_TYPE_WINDOW)

static void
hearth_award_dialog_class_init (HearthAwardDialogClass *klass)
{
}

static void
hearth_award_dialog_init (HearthAwardDialog *self)
{
}

GtkWindow *
hearth_award_dialog_new (GtkWindow *parent, HearthStore *store, HearthProgram *program, const char *badge_id, const char * const *member_ids)
{
  return NULL;
}
