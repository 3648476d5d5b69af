/* hearth-recognition-log-view.c — placeholder, being written */

#include "config.h"

#include "hearth-recognition-log-view.h"

struct _HearthRecognitionLogView
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthRecognitionLogView, hearth_recognition_log_view, ADW_TYPE_BIN)

static void
hearth_recognition_log_view_class_init (HearthRecognitionLogViewClass *klass)
{
}

static void
hearth_recognition_log_view_init (HearthRecognitionLogView *self)
{
}

void
hearth_recognition_log_view_set_board (HearthRecognitionLogView *self, HearthRecognitionBoard *board)
{
}

void
hearth_recognition_log_view_set_search (HearthRecognitionLogView *self, const char *text)
{
}

guint
hearth_recognition_log_view_get_n_shown (HearthRecognitionLogView *self)
{
  return 0;
}

void
hearth_recognition_log_view_set_kind (HearthRecognitionLogView *self, const char *kind)
{
}
