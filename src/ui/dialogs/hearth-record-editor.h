/* hearth-record-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-record.h"
#include "hearth-store.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECORD_EDITOR (hearth_record_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (HearthRecordEditor, hearth_record_editor, HEARTH, RECORD_EDITOR, AdwWindow)

struct _HearthRecordEditorClass
{
  AdwWindowClass parent_class;

  /* Checks the fields, showing what is wrong under each; Save waits until this passes. */
  gboolean (*check)           (HearthRecordEditor *self);
  /* Fills @record from the widgets (after check passed); FALSE cancels the save. */
  gboolean (*collect)         (HearthRecordEditor *self,
                               HearthRecord       *record);
  /* Returns: (transfer full): the Undo toast's title after a delete, as markup. */
  char    *(*dup_deleted_title) (HearthRecordEditor *self);

  /*< private >*/
  const char *save_failed;     /* untranslated; looked up when shown */
  const char *delete_failed;
};

void          hearth_record_editor_class_set_messages (HearthRecordEditorClass *klass,
                                                       const char              *save_failed,
                                                       const char              *delete_failed);
void          hearth_record_editor_class_bind_template_callbacks (GtkWidgetClass *widget_class);

void          hearth_record_editor_set_widgets (HearthRecordEditor *self,
                                                AdwToastOverlay    *toast_overlay,
                                                GtkWidget          *save_button,
                                                GtkWidget          *delete_button,
                                                GtkWidget          *delete_group,
                                                GtkWidget          *first_field);
void          hearth_record_editor_set_record  (HearthRecordEditor *self,
                                                HearthStore        *store,
                                                HearthRecord       *record,
                                                const char         *edit_title);
void          hearth_record_editor_take_new_record (HearthRecordEditor *self,
                                                    HearthStore        *store,
                                                    HearthRecord       *record);

HearthStore  *hearth_record_editor_get_store   (HearthRecordEditor *self);
HearthRecord *hearth_record_editor_get_record  (HearthRecordEditor *self);
gboolean      hearth_record_editor_get_is_new  (HearthRecordEditor *self);

void          hearth_record_editor_validate    (HearthRecordEditor *self);
void          hearth_record_editor_save        (HearthRecordEditor *self);
void          hearth_record_editor_delete      (HearthRecordEditor *self);

G_END_DECLS
