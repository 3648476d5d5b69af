/* hearth-import-members.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The member roster (--import-members): creates or updates members, and is how region, language,
 * time zone and segment arrive for the diversity checks. Same header rules as the activity CSV.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include "hearth-import-private.h"
#include "hearth-util.h"

/* Roster field → member column. */
static const struct
{
  HearthImportField field;
  MemberText        column;
} roster_columns[] = {
  { HEARTH_IMPORT_FIELD_NAME, MEMBER_DISPLAY_NAME },
  { HEARTH_IMPORT_FIELD_HANDLE, MEMBER_HANDLE },
  { HEARTH_IMPORT_FIELD_PLATFORM, MEMBER_PLATFORM },
  { HEARTH_IMPORT_FIELD_EXTERNAL_ID, MEMBER_EXTERNAL_ID },
  { HEARTH_IMPORT_FIELD_EMAIL, MEMBER_EMAIL },
  { HEARTH_IMPORT_FIELD_REGION, MEMBER_REGION },
  { HEARTH_IMPORT_FIELD_TIMEZONE, MEMBER_TIMEZONE },
  { HEARTH_IMPORT_FIELD_LANGUAGE, MEMBER_LANGUAGE },
  { HEARTH_IMPORT_FIELD_SEGMENT, MEMBER_SEGMENT },
};

static gboolean
members_read (ImportRun   *run,
              ImportFile  *file,
              GError     **error)
{
  g_autoptr(HearthCsvReader) reader = NULL;
  g_autofree char *header = NULL;
  HearthImportMapping mapping;
  const int *columns = mapping.columns;
  GError *local_error = NULL;
  gboolean ok = FALSE;
  guint64 n = 0;

  hearth_import_mapping_init (&mapping, HEARTH_IMPORT_FORMAT_MEMBERS);

  if (!hearth_import_open_csv (run, file, &reader, error) ||
      !hearth_import_read_header (run, file, reader, HEARTH_IMPORT_FORMAT_MEMBERS, &mapping,
                                  &header, error))
    goto out;

  if (columns[HEARTH_IMPORT_FIELD_HANDLE] < 0 && columns[HEARTH_IMPORT_FIELD_EXTERNAL_ID] < 0)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 1, NULL,
                           "no column names the member: a member list needs a handle or an "
                           "external_id column (its header is “%s”)", header);
      goto out;
    }

  while (hearth_csv_reader_next_row (reader, &local_error))
    {
      guint line = hearth_csv_reader_get_line (reader);
      const char *handle = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_HANDLE]);
      const char *external_id = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_EXTERNAL_ID]);
      const char *platform = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_PLATFORM]);
      const char *joined = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_JOINED_ON]);
      const char *name = hearth_import_cell (reader, columns[HEARTH_IMPORT_FIELD_NAME]);
      char joined_on[11] = "";
      ImportMember *member;
      guint32 julian;

      if (++n % HEARTH_IMPORT_CHUNK == 0 &&
          !hearth_import_tick (run, hearth_csv_reader_get_offset (reader), error))
        goto out;

      run->summary->n_records++;

      if (handle == NULL && external_id == NULL)
        {
          hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line,
                               columns[HEARTH_IMPORT_FIELD_HANDLE] >= 0 ? "member.handle"
                                                                         : "member.external_id",
                               "empty: every row needs a handle or an external id");
          goto out;
        }
      if (joined != NULL)
        {
          if (!hearth_import_parse_time (joined, run->options->date_format, &julian, NULL))
            {
              hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, line,
                                   "member.joined_on",
                                   "“%s” is not a date (YYYY-MM-DD or ISO-8601)", joined);
              goto out;
            }
          hearth_julian_day_format (julian, joined_on);
        }

      if (external_id != NULL && platform == NULL)
        platform = "csv";
      if (hearth_import_is_suppressed (run, platform, external_id))
        {
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      if (!(member = hearth_import_find_member (run, platform, external_id, handle)))
        member = hearth_import_plan_member (run, platform, external_id, handle, name);

      /* The roster is the organizer's own list: what it says wins. */
      for (guint i = 0; i < G_N_ELEMENTS (roster_columns); i++)
        {
          const char *value = hearth_import_cell (reader, columns[roster_columns[i].field]);

          if (roster_columns[i].column == MEMBER_PLATFORM)
            value = external_id != NULL ? platform : NULL;
          hearth_import_member_set (run, member, roster_columns[i].column, value, TRUE);
        }
      if (joined_on[0] != '\0')
        hearth_import_member_set (run, member, MEMBER_JOINED_ON, joined_on, TRUE);

      hearth_import_tally (run, file, IMPORT_COUNTED);
    }

  if (!hearth_import_rows_done (file, local_error, error))
    goto out;

  ok = TRUE;

out:
  hearth_import_mapping_clear (&mapping);
  return ok;
}

const ImportFormatClass hearth_import_members_class = {
  .format = HEARTH_IMPORT_FORMAT_MEMBERS,
  .mode = ACTIVITY_ADD,
  .read = members_read,
};
