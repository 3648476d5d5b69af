/* hearth-nomination.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-record.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_NOMINATION (hearth_nomination_get_type ())

G_DECLARE_FINAL_TYPE (HearthNomination, hearth_nomination, HEARTH, NOMINATION, HearthRecord)

typedef enum
{
  HEARTH_NOMINATION_NOMINEE_ID,
  HEARTH_NOMINATION_NOMINATOR_ID,
  HEARTH_NOMINATION_NOMINATOR_NAME,
  HEARTH_NOMINATION_REASON,
  HEARTH_NOMINATION_CREATED_ON,
  HEARTH_NOMINATION_CONSENT,
  HEARTH_NOMINATION_N_COLUMNS
} HearthNominationColumn;

/* The table's own columns, in schema order (DESIGN §4). */
extern const HearthColumn hearth_nomination_columns[HEARTH_NOMINATION_N_COLUMNS];

/* Whether the nominee agreed to be put forward, as stored. */
extern const char * const hearth_nomination_consents[];

HearthNomination  *hearth_nomination_new                (const char        *nominee_id);
const char        *hearth_nomination_get_nominee_id     (HearthNomination  *self);
const char        *hearth_nomination_get_nominator_id   (HearthNomination  *self);
const char        *hearth_nomination_get_nominator_name (HearthNomination  *self);
const char        *hearth_nomination_get_reason         (HearthNomination  *self);
const char        *hearth_nomination_get_created_on     (HearthNomination  *self);
const char        *hearth_nomination_get_consent        (HearthNomination  *self);
GPtrArray         *hearth_nomination_load_for_member    (HearthDatabase    *db,
                                                         const char        *nominee_id,
                                                         GError           **error);

G_END_DECLS
