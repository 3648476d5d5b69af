/* hearth-recognition-due-view.c — placeholder, being written */

#include "config.h"

#include "hearth-recognition-due-view.h"

struct _HearthRecognitionDueView
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRecognitionDueView, hearth_recognition_due_view, ADW_TYPE_BIN)

static void
hearth_recognition_due_view_class_init (HearthRecognitionDueViewClass *klass)
{
}

static void
hearth_recognition_due_view_init (HearthRecognitionDueView *self)
{
}

void
hearth_recognition_due_view_set_board (HearthRecognitionDueView *self, HearthRecognitionBoard *board)
{
}

void
hearth_recognition_due_view_set_search (HearthRecognitionDueView *self, const char *text)
{
}

guint
hearth_recognition_due_view_get_n_shown (HearthRecognitionDueView *self)
{
  return 0;
}
