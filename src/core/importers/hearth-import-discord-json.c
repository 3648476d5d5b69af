/* hearth-import-discord-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DiscordChatExporter's JSON (Tyrrrz/DiscordChatExporter): `guild`, `channel`, `messages[]`,
 * `messageCount`, streamed message by message. Every Default or Reply message counts a message
 * on its UTC day, a Reply also a reply, ThreadCreated a thread started; GuildMemberJoin sets
 * joined_on. A reply to, or a mention of, a member who joined on that day or one of the 7 before
 * is also a welcome; references resolve among the messages of the whole run. Reactions add up
 * to reaction_received for the message's author. Message ids go into imported_event, so an
 * overlapping export counts nothing twice. Bots become members with is_bot = 1; nothing they
 * write counts.
 */

#define G_LOG_DOMAIN "hearth-import"

#include "config.h"

#include <string.h>

#include "hearth-import-private.h"
#include "hearth-json-reader.h"
#include "hearth-util.h"

#define SOURCE "discord"
#define WELCOME_DAYS 7

typedef enum
{
  TYPE_DEFAULT,
  TYPE_REPLY,
  TYPE_THREAD_CREATED,
  TYPE_MEMBER_JOIN,
  TYPE_OTHER,
} MessageType;

typedef struct
{
  const char  *id;
  const char  *reference;   /* (nullable) the message replied to */
  guint32      author;      /* member index; G_MAXUINT32 for an erased member */
  guint32      day;
  guint32      reactions;
  guint32      mentions;    /* the first in DiscordData.mentions */
  guint16      n_mentions;
  guint8       type;
  guint8       bot;
} Message;

typedef struct
{
  GArray       *messages;
  GPtrArray    *mentions;   /* user ids, in the string chunk */
  GStringChunk *strings;
} DiscordData;

#define NO_AUTHOR G_MAXUINT32

static void
discord_data_free (gpointer data)
{
  DiscordData *d = data;

  g_array_unref (d->messages);
  g_ptr_array_unref (d->mentions);
  g_string_chunk_free (d->strings);
  g_free (d);
}

static MessageType
parse_type (const char *type)
{
  if (g_str_equal (type, "Default"))
    return TYPE_DEFAULT;
  if (g_str_equal (type, "Reply"))
    return TYPE_REPLY;
  if (g_str_equal (type, "ThreadCreated"))
    return TYPE_THREAD_CREATED;
  if (g_str_equal (type, "GuildMemberJoin"))
    return TYPE_MEMBER_JOIN;

  return TYPE_OTHER;
}

typedef struct
{
  ImportRun   *run;
  ImportFile  *file;
  guint        line;
  guint        column;
  const char  *where;
} Position;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Position    *at,
      GError     **error,
      const char  *field,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HEARTH_ERROR, HEARTH_ERROR_INVALID, "%s:%u:%u: %s%s%s: %s",
               at->file->path, at->line, at->column, at->where, field != NULL ? "." : "",
               field != NULL ? field : "", message);
  return FALSE;
}

/* A string member: required, or NULL when absent or null. */
static gboolean
get_string (Position    *at,
            JsonObject  *object,
            const char  *field,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (at, error, field, "missing");
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (at, error, field, "expected a string");

  *out = json_node_get_string (node);
  if (required && (*out)[0] == '\0')
    return fail (at, error, field, "empty");

  return TRUE;
}

static gboolean
get_array (Position    *at,
           JsonObject  *object,
           const char  *field,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (at, error, field, "expected an array");

  *out = json_node_get_array (node);
  return TRUE;
}

/* The author: found by (discord, id) then handle, or planned. NO_AUTHOR when erased. */
static guint32
author_of (ImportRun   *run,
           const char  *id,
           const char  *name,
           const char  *nickname,
           gboolean     is_bot)
{
  ImportMember *member;

  if (hearth_import_is_suppressed (run, SOURCE, id))
    return NO_AUTHOR;

  if (!(member = hearth_import_find_member (run, SOURCE, id, name)))
    {
      member = hearth_import_plan_member (run, SOURCE, id, name, nickname != NULL ? nickname : name);
      member->is_bot = is_bot;
    }
  else
    {
      /* Matched by handle: the member now has their Discord id too. */
      if (member->text[MEMBER_EXTERNAL_ID] == NULL)
        {
          hearth_import_member_set (run, member, MEMBER_PLATFORM, SOURCE, FALSE);
          hearth_import_member_set (run, member, MEMBER_EXTERNAL_ID, id, FALSE);
        }
      hearth_import_member_set (run, member, MEMBER_HANDLE, name, FALSE);
      if (is_bot && !member->is_bot)
        {
          member->is_bot = TRUE;
          member->bot_changed = TRUE;
        }
    }

  return member->index;
}

static gboolean
read_message (Position     *at,
              DiscordData  *data,
              JsonNode     *node,
              GError      **error)
{
  ImportRun *run = at->run;
  JsonObject *object, *author;
  JsonNode *author_node, *reference_node, *bot_node;
  JsonArray *reactions, *mentions;
  const char *id, *type, *timestamp, *author_id, *name, *nickname, *reference = NULL;
  Message message = { 0 };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (at, error, NULL, "expected a message object");
  object = json_node_get_object (node);

  if (!get_string (at, object, "id", TRUE, &id, error) ||
      !get_string (at, object, "type", TRUE, &type, error) ||
      !get_string (at, object, "timestamp", TRUE, &timestamp, error))
    return FALSE;
  if (!hearth_import_parse_time (timestamp, NULL, &message.day, NULL))
    return fail (at, error, "timestamp", "“%s” is not an ISO-8601 date and time", timestamp);

  author_node = json_object_get_member (object, "author");
  if (author_node == NULL || !JSON_NODE_HOLDS_OBJECT (author_node))
    return fail (at, error, "author", author_node == NULL ? "missing" : "expected an object");
  author = json_node_get_object (author_node);
  {
    g_autofree char *inner = g_strconcat (at->where, ".author", NULL);
    Position author_at = *at;

    author_at.where = inner;
    if (!get_string (&author_at, author, "id", TRUE, &author_id, error) ||
        !get_string (&author_at, author, "name", FALSE, &name, error) ||
        !get_string (&author_at, author, "nickname", FALSE, &nickname, error))
      return FALSE;
    bot_node = json_object_get_member (author, "isBot");
    if (bot_node != NULL && !JSON_NODE_HOLDS_NULL (bot_node) &&
        json_node_get_value_type (bot_node) != G_TYPE_BOOLEAN)
      return fail (&author_at, error, "isBot", "expected true or false");
  }
  message.bot = bot_node != NULL && JSON_NODE_HOLDS_VALUE (bot_node) &&
                json_node_get_boolean (bot_node);

  if (!get_array (at, object, "reactions", &reactions, error) ||
      !get_array (at, object, "mentions", &mentions, error))
    return FALSE;

  for (guint i = 0; reactions != NULL && i < json_array_get_length (reactions); i++)
    {
      JsonNode *reaction = json_array_get_element (reactions, i);
      JsonNode *count = JSON_NODE_HOLDS_OBJECT (reaction)
                        ? json_object_get_member (json_node_get_object (reaction), "count") : NULL;
      g_autofree char *field = g_strdup_printf ("reactions[%u].count", i);
      gint64 value;

      if (count == NULL || json_node_get_value_type (count) != G_TYPE_INT64 ||
          (value = json_node_get_int (count)) < 0 || value > G_MAXINT32)
        return fail (at, error, field, "expected a whole number of at least 0");
      message.reactions = MIN ((guint64)message.reactions + value, G_MAXINT32);
    }

  message.mentions = data->mentions->len;
  for (guint i = 0; mentions != NULL && i < json_array_get_length (mentions); i++)
    {
      JsonNode *mention = json_array_get_element (mentions, i);
      JsonNode *user = JSON_NODE_HOLDS_OBJECT (mention)
                       ? json_object_get_member (json_node_get_object (mention), "id") : NULL;
      g_autofree char *field = g_strdup_printf ("mentions[%u].id", i);

      if (user == NULL || json_node_get_value_type (user) != G_TYPE_STRING)
        return fail (at, error, field, "expected a user id");
      if (message.n_mentions < G_MAXUINT16)
        {
          g_ptr_array_add (data->mentions,
                           g_string_chunk_insert_const (data->strings, json_node_get_string (user)));
          message.n_mentions++;
        }
    }

  reference_node = json_object_get_member (object, "reference");
  if (reference_node != NULL && !JSON_NODE_HOLDS_NULL (reference_node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (reference_node))
        return fail (at, error, "reference", "expected an object");
      if (!get_string (at, json_node_get_object (reference_node), "messageId", FALSE, &reference,
                       error))
        return FALSE;
    }

  message.type = parse_type (type);
  message.id = g_string_chunk_insert_const (data->strings, id);
  message.reference = reference != NULL ? g_string_chunk_insert_const (data->strings, reference)
                                        : NULL;
  message.author = author_of (run, author_id, name, nickname, message.bot);

  if (message.type == TYPE_MEMBER_JOIN && message.author != NO_AUTHOR && !message.bot)
    {
      ImportMember *member = g_ptr_array_index (run->members, message.author);
      char day[11];

      /* The newest join wins, whatever order the files come in. */
      if (message.day >= member->joined_day)
        {
          hearth_julian_day_format (message.day, day);
          hearth_import_member_set (run, member, MEMBER_JOINED_ON, day, TRUE);
          member->joined_day = message.day;
        }
    }

  if (run->message_authors != NULL)
    g_hash_table_insert (run->message_authors, (gpointer)message.id,
                         GUINT_TO_POINTER (message.author == NO_AUTHOR ? 0 : message.author + 1));

  g_array_append_val (data->messages, message);
  run->summary->n_records++;

  return TRUE;
}

static gboolean
discord_json_read (ImportRun   *run,
                   ImportFile  *file,
                   GError     **error)
{
  g_autoptr(HearthJsonReader) reader = NULL;
  GError *local_error = NULL;
  DiscordData *data;
  Position at = { run, file, 1, 1, NULL };
  gboolean has_guild = FALSE, has_messages = FALSE;
  const char *key;
  guint64 n = 0;

  if (!(reader = hearth_json_reader_new_for_path (file->path, error)))
    {
      hearth_import_prefix_error (error, file->path);
      return FALSE;
    }

  if (hearth_json_reader_peek (reader, &local_error) != HEARTH_JSON_OBJECT)
    {
      if (local_error != NULL)
        {
          hearth_import_prefix_error (&local_error, file->path);
          g_propagate_error (error, local_error);
          return FALSE;
        }
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 0, NULL,
                           "not a DiscordChatExporter export (expected a JSON object with "
                           "“guild” and “messages”)");
      return FALSE;
    }

  data = g_new0 (DiscordData, 1);
  data->messages = g_array_new (FALSE, FALSE, sizeof (Message));
  data->mentions = g_ptr_array_new ();
  data->strings = g_string_chunk_new (64 * 1024);
  file->data = data;

  if (run->message_authors == NULL)
    run->message_authors = g_hash_table_new (g_str_hash, g_str_equal);

  hearth_json_reader_enter_object (reader, NULL);
  while ((key = hearth_json_reader_next_key (reader, &local_error)) != NULL)
    {
      if (g_str_equal (key, "guild") || g_str_equal (key, "channel"))
        {
          g_autoptr(JsonNode) node = NULL;

          at.line = hearth_json_reader_get_line (reader);
          at.column = hearth_json_reader_get_column (reader);
          at.where = NULL;
          if (!(node = hearth_json_reader_read_node (reader, &local_error)))
            break;
          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, at.line, key,
                                   "not a DiscordChatExporter export (expected an object)");
              return FALSE;
            }
          has_guild |= g_str_equal (key, "guild");
        }
      else if (g_str_equal (key, "messages"))
        {
          has_messages = TRUE;
          if (!has_guild)
            {
              /* DiscordChatExporter writes the guild first: anything else is another file. */
              hearth_import_error (error, HEARTH_ERROR_INVALID, file->path,
                                   hearth_json_reader_get_line (reader), NULL,
                                   "not a DiscordChatExporter export (“messages” before “guild”)");
              return FALSE;
            }
          if (!hearth_json_reader_enter_array (reader, &local_error))
            break;
          while (hearth_json_reader_next_element (reader, &local_error))
            {
              g_autoptr(JsonNode) node = NULL;
              g_autofree char *where = g_strdup (hearth_json_reader_get_path (reader));

              at.line = hearth_json_reader_get_line (reader);
              at.column = hearth_json_reader_get_column (reader);
              if (!(node = hearth_json_reader_read_node (reader, &local_error)))
                break;
              at.where = where;
              if (!read_message (&at, data, node, error))
                return FALSE;
              if (++n % HEARTH_IMPORT_CHUNK == 0 &&
                  !hearth_import_tick (run, hearth_json_reader_get_offset (reader), error))
                return FALSE;
            }
          if (local_error != NULL)
            break;
        }
      else if (!hearth_json_reader_skip_value (reader, &local_error))
        break;
    }

  if (local_error == NULL)
    hearth_json_reader_end (reader, &local_error);
  if (!hearth_import_rows_done (file, local_error, error))
    return FALSE;

  if (!has_guild || !has_messages)
    {
      hearth_import_error (error, HEARTH_ERROR_INVALID, file->path, 0, NULL,
                           "not a DiscordChatExporter export (it has no “%s”)",
                           !has_guild ? "guild" : "messages");
      return FALSE;
    }

  return TRUE;
}

/* The day @member joined: this run's newest join, else their joined_on; 0 when unknown. */
static guint32
joined_day (ImportMember *member)
{
  guint32 day = 0;

  if (member->joined_day != 0)
    return member->joined_day;
  if (member->text[MEMBER_JOINED_ON] != NULL)
    hearth_import_parse_time (member->text[MEMBER_JOINED_ON], NULL, &day, NULL);

  return day;
}

static gboolean
is_newcomer (ImportRun *run,
             guint32    index,
             guint32    author,
             guint32    day)
{
  ImportMember *member;
  guint32 joined;

  if (index == NO_AUTHOR || index == author)
    return FALSE;

  member = g_ptr_array_index (run->members, index);
  joined = joined_day (member);

  return !member->is_bot && joined != 0 && joined <= day && day - joined <= WELCOME_DAYS;
}

static gboolean
welcomes (ImportRun   *run,
          DiscordData *data,
          Message     *message)
{
  if (message->reference != NULL)
    {
      gpointer value = g_hash_table_lookup (run->message_authors, message->reference);

      if (value != NULL && is_newcomer (run, GPOINTER_TO_UINT (value) - 1, message->author,
                                        message->day))
        return TRUE;
    }

  for (guint i = 0; i < message->n_mentions; i++)
    {
      const char *user = g_ptr_array_index (data->mentions, message->mentions + i);
      ImportMember *member = hearth_import_find_member (run, SOURCE, user, NULL);

      if (member != NULL && is_newcomer (run, member->index, message->author, message->day))
        return TRUE;
    }

  return FALSE;
}

static gboolean
discord_json_write (ImportRun   *run,
                    ImportFile  *file,
                    GError     **error)
{
  DiscordData *data = file->data;
  g_autoptr(sqlite3_stmt) event = hearth_import_prepare_event (run, error);
  int message_kind = hearth_import_kind_index ("message");
  int reply_kind = hearth_import_kind_index ("reply");
  int thread_kind = hearth_import_kind_index ("thread_started");
  int welcome_kind = hearth_import_kind_index ("welcome");
  int reaction_kind = hearth_import_kind_index ("reaction_received");

  if (event == NULL)
    return FALSE;

  run->write_total += data->messages->len;

  for (guint i = 0; i < data->messages->len; i++)
    {
      Message *message = &g_array_index (data->messages, Message, i);
      gboolean counts = message->type == TYPE_DEFAULT || message->type == TYPE_REPLY ||
                        message->type == TYPE_THREAD_CREATED;
      /* A bot by the export's isBot, or a member the organizer marked as one. */
      gboolean bot = message->bot ||
                     (message->author != NO_AUTHOR &&
                      ((ImportMember *)g_ptr_array_index (run->members, message->author))->is_bot);
      gboolean is_new;

      if ((i & (HEARTH_IMPORT_CHUNK - 1)) == HEARTH_IMPORT_CHUNK - 1 &&
          !hearth_import_write_tick (run, HEARTH_IMPORT_CHUNK, error))
        return FALSE;

      /* A join's work (joined_on) is done with the members: it is neither counted nor
       * ignored. */
      if (message->type == TYPE_MEMBER_JOIN && message->author != NO_AUTHOR && !message->bot)
        continue;
      if (!counts || bot || message->author == NO_AUTHOR)
        {
          hearth_import_tally (run, file, IMPORT_IGNORED);
          continue;
        }

      if (!hearth_import_record_event (run, event, SOURCE, message->id, &is_new, error))
        return FALSE;
      if (!is_new)
        {
          hearth_import_tally (run, file, IMPORT_ALREADY);
          continue;
        }

      if (message->type == TYPE_THREAD_CREATED)
        hearth_import_file_add (file, message->author, message->day, thread_kind, 1);
      else
        {
          hearth_import_file_add (file, message->author, message->day, message_kind, 1);
          if (message->type == TYPE_REPLY)
            hearth_import_file_add (file, message->author, message->day, reply_kind, 1);
          if (welcomes (run, data, message))
            hearth_import_file_add (file, message->author, message->day, welcome_kind, 1);
        }
      hearth_import_file_add (file, message->author, message->day, reaction_kind,
                              message->reactions);

      hearth_import_tally (run, file, IMPORT_COUNTED);
    }

  return TRUE;
}

const ImportFormatClass hearth_import_discord_json_class = {
  .format = HEARTH_IMPORT_FORMAT_DISCORD_JSON,
  .mode = ACTIVITY_ADD,
  .read = discord_json_read,
  .write = discord_json_write,
  .free_data = discord_data_free,
};
