/* hearth-recognition.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the recognition log (DESIGN §4): a gesture for a member — a shout-out, a
 * spotlight, exclusive access, a perk, a stipend, merch, a handwritten note, a gift or other —
 * with a title, a note, a planned day and the day it was done. An entry without done_on is
 * planned (upcoming); only done entries count as recognition for the health guards.
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_RECOGNITION (hearth_recognition_get_type ())

G_DECLARE_FINAL_TYPE (HearthRecognition, hearth_recognition, HEARTH, RECOGNITION, HearthRecord)

typedef enum
{
  HEARTH_RECOGNITION_MEMBER_ID,
  HEARTH_RECOGNITION_KIND,
  HEARTH_RECOGNITION_TITLE,
  HEARTH_RECOGNITION_NOTE,
  HEARTH_RECOGNITION_PLANNED_ON,
  HEARTH_RECOGNITION_DONE_ON,
  HEARTH_RECOGNITION_N_COLUMNS
} HearthRecognitionColumn;

extern const HearthColumn hearth_recognition_columns[HEARTH_RECOGNITION_N_COLUMNS];
/* shout_out spotlight exclusive_access perk stipend merch handwritten_note gift other */
extern const char * const hearth_recognition_kinds[];

HearthRecognition *hearth_recognition_new             (const char         *member_id,
                                                       const char         *kind);
const char        *hearth_recognition_get_member_id   (HearthRecognition  *self);
const char        *hearth_recognition_get_kind        (HearthRecognition  *self);
const char        *hearth_recognition_get_title       (HearthRecognition  *self);
const char        *hearth_recognition_get_note        (HearthRecognition  *self);
const char        *hearth_recognition_get_planned_on  (HearthRecognition  *self);
const char        *hearth_recognition_get_done_on     (HearthRecognition  *self);
/* Live entries of a member, newest (done_on, else planned_on) first. */
GPtrArray         *hearth_recognition_load_for_member (HearthDatabase     *db,
                                                       const char         *member_id,
                                                       GError            **error);

/* The translated label of a kind ("Shout-out", "Handwritten note", …); the kind itself when
 * unknown. Core, so the CLI, the page and the spotlight text say the same. */
const char        *hearth_recognition_kind_label      (const char         *kind);

G_END_DECLS
