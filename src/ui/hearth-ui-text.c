/* hearth-ui-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-ui-text.h"

/**
 * hearth_member_status_label:
 * @status: (nullable): a member.status value, such as "ambassador"
 *
 * Returns: the status as people read it ("Ambassador"), @status itself when unknown, or ""
 */
const char *
hearth_member_status_label (const char *status)
{
  if (g_strcmp0 (status, "member") == 0)
    return C_("member status", "Member");
  if (g_strcmp0 (status, "candidate") == 0)
    return C_("member status", "Candidate");
  if (g_strcmp0 (status, "invited") == 0)
    return C_("member status", "Invited");
  if (g_strcmp0 (status, "ambassador") == 0)
    return C_("member status", "Ambassador");
  if (g_strcmp0 (status, "paused") == 0)
    return C_("member status", "Paused");
  if (g_strcmp0 (status, "alumni") == 0)
    return C_("member status", "Alumni");
  if (g_strcmp0 (status, "declined") == 0)
    return C_("member status", "Declined");

  return status != NULL ? status : "";
}

/**
 * hearth_text_fold:
 * @text: (nullable): any text
 *
 * Casefolds @text without its accents, so that a search for "emile" finds "Émile" and "ÉMILE".
 *
 * Returns: (transfer full): the folded text ("" for NULL)
 */
char *
hearth_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_utf8_casefold (text, -1);

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

/**
 * hearth_search_update:
 * @search: (inout) (nullable): where a list keeps its folded search text; %NULL for none
 * @text: (nullable): what the search entry holds
 *
 * Keeps the folded form of @text in @search, or %NULL when @text is blank (spaces only search
 * for nothing), as every searchable list in the app does.
 *
 * Returns: %TRUE when @search changed, so the list filters again
 */
gboolean
hearth_search_update (char       **search,
                      const char  *text)
{
  g_autofree char *folded = NULL;

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        folded = hearth_text_fold (stripped);
    }
  if (g_strcmp0 (folded, *search) == 0)
    return FALSE;

  g_free (*search);
  *search = g_steal_pointer (&folded);
  return TRUE;
}
