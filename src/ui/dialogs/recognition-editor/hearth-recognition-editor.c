/* hearth-recognition-editor.c — placeholder, being written */

#include "config.h"

#include "hearth-recognition-editor.h"

struct _HearthRecognitionEditor
{
  HearthRecordEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRecognitionEditor, hearth_recognition_editor, HEARTH_TYPE_RECORD_EDITOR)

static void
hearth_recognition_editor_class_init (HearthRecognitionEditorClass *klass)
{
}

static void
hearth_recognition_editor_init (HearthRecognitionEditor *self)
{
}

GtkWindow *
hearth_recognition_editor_new (GtkWindow *parent, HearthStore *store, HearthProgram *program, const char *recognition_id, const char *member_id, const char *kind)
{
  return NULL;
}
