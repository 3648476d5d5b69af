/* hearth-badge-editor.c — placeholder, being written */

#include "config.h"

#include "hearth-badge-editor.h"

struct _HearthBadgeEditor
{
  HearthRecordEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthBadgeEditor, hearth_badge_editor, HEARTH_TYPE_RECORD_EDITOR)

static void
hearth_badge_editor_class_init (HearthBadgeEditorClass *klass)
{
}

static void
hearth_badge_editor_init (HearthBadgeEditor *self)
{
}

GtkWindow *
hearth_badge_editor_new (GtkWindow *parent, HearthStore *store, HearthProgram *program, const char *badge_id)
{
  return NULL;
}
