#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The published snapshot schema (data/hearth-snapshot-1.schema.json, DESIGN §6) against an
# independent validator, ajv (tools/schema-validator, installed by ./dev): the schema compiles as
# draft 2020-12; real exports of a program with a live row in every table, plus a tombstone,
# validate plain, redacted and without activity; and copies broken in one place each are refused.
# Usage: test-snapshot-schema.sh HEARTH_EXE [SOURCE_ROOT]

. "$(dirname "$0")/tap.sh"

hearth=${1:-}
root=$(source_root "${2:-}")
schema=$root/data/hearth-snapshot-1.schema.json
validator=$root/tools/schema-validator

[ -x "$hearth" ] || fail_early "usage: test-snapshot-schema.sh HEARTH_EXE [SOURCE_ROOT]"
[ -f "$schema" ] || fail_early "$schema does not exist"

PATH=$validator/node_modules/.bin:$PATH
export PATH
if ! have ajv; then
  diag "ajv is installed by ./dev, or by: npm ci --prefix tools/schema-validator"
fi
require node ajv sqlite3 python3

tmp=$(mktemp -d) || fail_early "cannot make a temporary folder"
trap 'rm -rf "$tmp"' EXIT
db=$tmp/hearth.db

# ajv_validate FILE — the file validates against the schema
ajv_validate ()
{
  ajv validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$1"
}

check "the schema compiles as draft 2020-12 (ajv, strict mode)" \
  ajv compile --spec=draft2020 -c ajv-formats --strict=true -s "$schema"

# stop DESCRIPTION DETAILS — a failed set-up step ends the run (after the checks so far)
stop ()
{
  not_ok "$1"
  diag "$2"
  finish
}

# hearth creates and migrates the database, then finds no program to export.
out=$("$hearth" --database "$db" --export "$tmp/none.json" 2>&1)
[ -f "$db" ] || stop "hearth creates the database" "$out"

# One live row in every table of a snapshot, and a soft-deleted member (a tombstone). Personal
# text holds e-mail addresses so the redaction check below means something.
if ! fixture_out=$(sqlite3 -bail "$db" 2>&1 <<'SQL'
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO program VALUES ('0b9f1c1e-1111-4c6a-9d1e-000000000001', 'Hearth Club',
  'Keep newcomers', 'An ambassador program', 120, 40, 90, '2026-05-31',
  '2026-01-02T09:00:00.000Z', '2026-01-03T09:00:00.000Z', NULL);
INSERT INTO member VALUES ('0b9f1c1e-2222-4c6a-9d1e-000000000001', '0b9f1c1e-1111-4c6a-9d1e-000000000001',
  'Ada Ok', 'ada', 'discord', '1234567890', 'ada@example.org', '2025-02-03', 'Europe',
  'Europe/Berlin', 'de', 'core', '["newcomer","latam"]', 0, 'ambassador',
  'reach her at ada.private@example.net', '2026-01-04T10:00:00.000Z', '2026-01-05T10:00:00.000Z', NULL);
INSERT INTO member VALUES ('0b9f1c1e-2222-4c6a-9d1e-000000000002', '0b9f1c1e-1111-4c6a-9d1e-000000000001',
  'Helper Bot', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, 'member', NULL,
  '2026-01-04T10:00:00.000Z', '2026-01-04T10:00:00.000Z', NULL);
INSERT INTO member VALUES ('0b9f1c1e-2222-4c6a-9d1e-000000000003', '0b9f1c1e-1111-4c6a-9d1e-000000000001',
  'Gone Member', NULL, NULL, NULL, 'gone@example.org', NULL, NULL, NULL, NULL, NULL, NULL, 0,
  'alumni', NULL, '2026-01-04T10:00:00.000Z', '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z');
INSERT INTO member_status_change VALUES ('0b9f1c1e-3333-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', 'ambassador', '2026-01-10', 'said yes',
  '2026-01-10T08:00:00.000Z', '2026-01-10T08:00:00.000Z', NULL);
INSERT INTO activity VALUES ('0b9f1c1e-2222-4c6a-9d1e-000000000001', '2026-05-01', 'message', 3);
INSERT INTO activity VALUES ('0b9f1c1e-2222-4c6a-9d1e-000000000001', '2026-05-02', 'reply', 1);
INSERT INTO nomination VALUES ('0b9f1c1e-4444-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', '0b9f1c1e-2222-4c6a-9d1e-000000000002', NULL,
  'Always welcomes people', '2026-01-06', 'accepted',
  '2026-01-06T08:00:00.000Z', '2026-01-06T08:00:00.000Z', NULL);
INSERT INTO observation VALUES ('0b9f1c1e-5555-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', 'empathy', 4, 'kind to a newcomer', '2026-01-07',
  '2026-01-07T08:00:00.000Z', '2026-01-07T08:00:00.000Z', NULL);
INSERT INTO role VALUES ('0b9f1c1e-6666-4c6a-9d1e-000000000001', '0b9f1c1e-1111-4c6a-9d1e-000000000001',
  'welcome_team', 'Welcome Team', 'Greet newcomers', 'Say hello within a day', 'Templates', 3, 12,
  '2026-06-30', '2026-01-08T08:00:00.000Z', '2026-01-08T08:00:00.000Z', NULL);
INSERT INTO role_goal VALUES ('0b9f1c1e-7777-4c6a-9d1e-000000000001',
  '0b9f1c1e-6666-4c6a-9d1e-000000000001', 'Welcome messages', 5, 'welcome',
  '2026-01-08T08:00:00.000Z', '2026-01-08T08:00:00.000Z', NULL);
INSERT INTO assignment VALUES ('0b9f1c1e-8888-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', '0b9f1c1e-6666-4c6a-9d1e-000000000001', '2026-01-12',
  '2026-04-05', NULL, 2.5, 'the #welcome channel',
  '2026-01-12T08:00:00.000Z', '2026-01-12T08:00:00.000Z', NULL);
INSERT INTO checkin VALUES ('0b9f1c1e-9999-4c6a-9d1e-000000000001',
  '0b9f1c1e-8888-4c6a-9d1e-000000000001', '2026-W03', 4, 'tired but fine',
  '2026-01-16T08:00:00.000Z', '2026-01-16T08:00:00.000Z', NULL);
INSERT INTO checkin_goal VALUES ('0b9f1c1e-9999-4c6a-9d1e-000000000001',
  '0b9f1c1e-7777-4c6a-9d1e-000000000001', 6);
INSERT INTO badge VALUES ('0b9f1c1e-aaaa-4c6a-9d1e-000000000001', '0b9f1c1e-1111-4c6a-9d1e-000000000001',
  'First Hundred', 'A hundred messages', 'Post 100 messages in 30 days', 'silver', 'star',
  '#e5a50a', 'activity', 'message', 100, 30, 1,
  '2026-01-09T08:00:00.000Z', '2026-01-09T08:00:00.000Z', NULL);
INSERT INTO award VALUES ('0b9f1c1e-bbbb-4c6a-9d1e-000000000001', '0b9f1c1e-aaaa-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', '2026-02-01', 'Reached 100', 'rule',
  '2026-02-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z', NULL);
INSERT INTO recognition VALUES ('0b9f1c1e-cccc-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', 'handwritten_note', 'Thank you card', 'Mailed',
  '2026-02-10', '2026-02-12', '2026-02-10T08:00:00.000Z', '2026-02-12T08:00:00.000Z', NULL);
INSERT INTO feedback_round VALUES ('0b9f1c1e-dddd-4c6a-9d1e-000000000001',
  '0b9f1c1e-1111-4c6a-9d1e-000000000001', 'Spring round', 'Tools',
  '["What helps?","What is missing?"]', '2026-03-01', '2026-03-14', 'closed', 'members', NULL,
  'More templates', '2026-03-01T08:00:00.000Z', '2026-03-15T08:00:00.000Z', NULL);
INSERT INTO feedback_round_member VALUES ('0b9f1c1e-dddd-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001');
INSERT INTO meeting VALUES ('0b9f1c1e-eeee-4c6a-9d1e-000000000001', '0b9f1c1e-1111-4c6a-9d1e-000000000001',
  '2026-03-20', 'Monthly sync', 'Went well', '2026-03-20T08:00:00.000Z', '2026-03-20T08:00:00.000Z', NULL);
INSERT INTO meeting_attendee VALUES ('0b9f1c1e-eeee-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001');
INSERT INTO meeting_action VALUES ('0b9f1c1e-ffff-4c6a-9d1e-000000000001',
  '0b9f1c1e-eeee-4c6a-9d1e-000000000001', 'Write the welcome guide', NULL,
  '2026-03-20T08:00:00.000Z', '2026-03-20T08:00:00.000Z', NULL);
INSERT INTO feedback VALUES ('0b9f1c1e-0000-4c6a-9d1e-000000000001',
  '0b9f1c1e-dddd-4c6a-9d1e-000000000001', '0b9f1c1e-eeee-4c6a-9d1e-000000000001',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', '2026-03-10', 'survey', 4, 'More templates please',
  '["tools","onboarding"]', 'planned', 'On the roadmap',
  '2026-03-10T08:00:00.000Z', '2026-03-11T08:00:00.000Z', NULL);
INSERT INTO health_snooze VALUES ('0b9f1c1e-1212-4c6a-9d1e-000000000001',
  '0b9f1c1e-1111-4c6a-9d1e-000000000001', 'recognition_overdue',
  '0b9f1c1e-2222-4c6a-9d1e-000000000001', '2026-06-01',
  '2026-04-01T08:00:00.000Z', '2026-04-01T08:00:00.000Z', NULL);
INSERT INTO settings VALUES ('0b9f1c1e-1111-4c6a-9d1e-000000000001', 'window_weeks', '12');
INSERT INTO settings VALUES ('0b9f1c1e-1111-4c6a-9d1e-000000000001', 'ob_issuer_name', 'Hearth Club');
INSERT INTO settings VALUES ('0b9f1c1e-1111-4c6a-9d1e-000000000001', 'ob_issuer_email',
  'badges@example.org');
COMMIT;
SQL
); then
  stop "the fixture fits the database schema" "$fixture_out"
fi

export_ok=1
for variant in plain redact no-activity; do
  case $variant in
    plain) flags= ;;
    *) flags=--$variant ;;
  esac
  desc="hearth --export FILE${flags:+ $flags} writes a snapshot"
  # shellcheck disable=SC2086 # $flags is one option or nothing
  if out=$("$hearth" --database "$db" --export "$tmp/$variant.json" $flags 2>&1); then
    ok "$desc"
  else
    not_ok "$desc"
    diag "$out"
    export_ok=0
  fi
done
[ "$export_ok" = 1 ] || finish

# The fixture really covers every table: every array the schema knows is non-empty.
check "the plain export has rows in every array of the schema, activity and tombstones" \
  python3 - "$schema" "$tmp/plain.json" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1]))
snapshot = json.load(open(sys.argv[2]))
empty = [key for key, prop in schema["properties"].items()
         if prop.get("type") == "array" and not snapshot.get(key)]
if not snapshot.get("activity", {}).get("rows"):
    empty.append("activity")
if empty:
    sys.exit("no rows in: " + ", ".join(empty))
PY

check "the plain export validates" ajv_validate "$tmp/plain.json"
check "the redacted export validates" ajv_validate "$tmp/redact.json"
check "the export without activity validates" ajv_validate "$tmp/no-activity.json"

# The sample program ships with Hearth and is what a newcomer sees first.
sample=$(dirname "$schema")/sample-program.json
check "the sample program validates" ajv_validate "$sample"
"$hearth" --database "$tmp/sample.db" --import "$sample" >/dev/null 2>&1 &&
  "$hearth" --database "$tmp/sample.db" --export "$tmp/sample-redacted.json" --redact >/dev/null 2>&1
check "the sample program's redacted export validates" ajv_validate "$tmp/sample-redacted.json"
if grep -qE '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]+' "$tmp/sample-redacted.json"; then
  not_ok "the sample program's redacted export holds no e-mail address"
else
  ok "the sample program's redacted export holds no e-mail address"
fi

check "the plain export holds the e-mail addresses" grep -q '@example\.' "$tmp/plain.json"
if hits=$(grep -nE '[^[:space:]"]+@[^[:space:]"]+' "$tmp/redact.json"); then
  not_ok "the redacted export holds no e-mail address"
  diag "$hits"
else
  ok "the redacted export holds no e-mail address"
fi

check "the export without activity has no activity key" \
  python3 -c 'import json, sys; sys.exit("activity" in json.load(open(sys.argv[1])))' \
  "$tmp/no-activity.json"

# Copies of the plain export, each broken in one place (PYTHON changes `s`, the snapshot), all
# checked in one ajv run: each must be reported invalid.
python3 - "$tmp/plain.json" "$tmp" >"$tmp/broken.list" <<'PY' || stop "the broken copies can be made" "see above"
import json, sys
cases = [
    ("an unknown key in a member", 's["members"][0]["nickname"] = "Ada"'),
    ("an unknown top-level key", 's["extra"] = []'),
    ("an unknown key in a record without id", 's["checkin_goals"][0]["note"] = "x"'),
    ("a bad enum (member status)", 's["members"][0]["status"] = "boss"'),
    ("a bad enum (activity kind)", 's["activity"]["rows"][0][2] = "shouting"'),
    ("a bad date (February 30)", 's["members"][0]["joined_on"] = "2026-02-30"'),
    ("a date in another layout", 's["members"][0]["joined_on"] = "03/02/2025"'),
    ("a timestamp without milliseconds", 's["members"][0]["updated_at"] = "2026-01-05T10:00:00Z"'),
    ("a missing required field", 'del s["members"][0]["display_name"]'),
    ("a missing program", 'del s["program"]'),
    ("version 2", 's["version"] = 2'),
    ("another format", 's["format"] = "something-else"'),
    ("a rating of 6", 's["observations"][0]["rating"] = 6'),
    ("a count of 0", 's["activity"]["rows"][0][3] = 0'),
    ("an activity row of 3 values", 's["activity"]["rows"][0].pop()'),
    ("an upper-case colour", 's["badges"][0]["color"] = "#E5A50A"'),
    ("a bad ISO week", 's["checkins"][0]["iso_week"] = "2026-3"'),
    ("a number as a setting", 's["settings"]["window_weeks"] = 12'),
    ("a tombstone of an unknown table", 's["tombstones"][0]["table"] = "members"'),
    ("a string in a boolean", 's["members"][0]["is_bot"] = "false"'),
    ("an empty string for a name", 's["program"]["name"] = ""'),
]
for i, (name, change) in enumerate(cases, 1):
    s = json.load(open(sys.argv[1]))
    exec(change)
    json.dump(s, open(f"{sys.argv[2]}/broken-{i}.json", "w"))
    print(f"{i}|{name}")
PY

broken_out=$(ajv validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$tmp/broken-*.json" \
               --errors=line 2>&1)
while IFS='|' read -r i name; do
  if printf '%s\n' "$broken_out" | grep -qxF "$tmp/broken-$i.json invalid"; then
    ok "the schema refuses $name"
    # the first error as "path: message"
    diag "$(printf '%s\n' "$broken_out" | grep -A1 -xF "$tmp/broken-$i.json invalid" | tail -n 1 |
            sed -E 's/^[^{]*\{"instancePath":"([^"]*)".*"message":"(([^"\\]|\\.)*)".*/\1: \2/')"
  else
    not_ok "the schema refuses $name"
    diag "$(printf '%s\n' "$broken_out" | grep -A1 -F "$tmp/broken-$i.json" || echo "$broken_out")"
  fi
done <"$tmp/broken.list"

finish
