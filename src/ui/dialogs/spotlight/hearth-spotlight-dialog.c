/* hearth-spotlight-dialog.c — placeholder, being written */

#include "config.h"

#include "hearth-spotlight-dialog.h"

struct _HearthSpotlightDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthSpotlightDialog, hearth_spotlight_dialog, ADW_TYPE_WINDOW)

static void
hearth_spotlight_dialog_class_init (HearthSpotlightDialogClass *klass)
{
}

static void
hearth_spotlight_dialog_init (HearthSpotlightDialog *self)
{
}

GtkWindow *
hearth_spotlight_dialog_new (GtkWindow *parent, HearthStore *store, HearthProgram *program, const char *member_id)
{
  return NULL;
}

char *
hearth_spotlight_dialog_get_text (HearthSpotlightDialog *self)
{
  return NULL;
}
