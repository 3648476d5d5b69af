#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The headless command line (DESIGN §3): works with no display at all, and keeps the exit
# statuses 0 (ok), 1 (data) and 2 (usage) that scripts rely on.
#
#   test-cli.sh PATH-TO-HEARTH
. "$HEARTH_SOURCE_ROOT/tests/data/tap.sh"

hearth=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY

# run EXPECTED-STATUS ARGS… — runs hearth, keeps stdout/stderr in $tmp, checks the status
run ()
{
  expected=$1
  shift
  status=0
  "$hearth" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [ "$status" = "$expected" ]; then
    ok "hearth $* exits $expected"
  else
    not_ok "hearth $* exits $expected (got $status)"
    diag "stdout:" "$(cat "$tmp/out")" "stderr:" "$(cat "$tmp/err")"
  fi
}

# contains FILE TEXT DESCRIPTION
contains ()
{
  if grep -qF -- "$2" "$tmp/$1"; then ok "$3"; else not_ok "$3"; diag "$(cat "$tmp/$1")"; fi
}

run 0 --version
contains out "Hearth " "--version prints the name and version"
[ ! -s "$tmp/err" ] && ok "--version writes nothing to stderr" || not_ok "--version writes nothing to stderr"

run 0 --help
contains out "--database=PATH" "--help documents --database"
contains out "--program=ID|NAME" "--help documents --program"
contains out "HEARTH_DATABASE" "--help mentions HEARTH_DATABASE"

run 2 --no-such-option
contains err "hearth: " "a usage error is one line starting with hearth:"
contains err "--help" "a usage error points to --help"

run 2 unexpected-file.json
run 2 --database ""

# A database path in the environment is taken as given, and --version still touches nothing.
HEARTH_DATABASE="$tmp/env.db" run 0 --version
[ ! -e "$tmp/env.db" ] && ok "--version creates no database" || not_ok "--version creates no database"

# --export, and choosing the program (seeded with the sqlite3 tool: there is no import yet).
require sqlite3
db=$tmp/programs.db
run 2 --database "$db" --redact
run 1 --database "$db" --export "$tmp/none.json"
contains err "no program to export" "exporting an empty database says there is no program"

stamp=2026-01-01T00:00:00.000Z
sqlite3 "$db" "INSERT INTO program (id, name, ratio_min, ratio_max, created_at, updated_at)
               VALUES ('p1', 'Makers', 50, 100, '$stamp', '$stamp')"
HEARTH_DATABASE=$db run 0 --export "$tmp/one.json" --redact
grep -q '"redacted": true' "$tmp/one.json" && ok "the only program is exported, redacted" \
  || not_ok "the only program is exported, redacted"

sqlite3 "$db" "INSERT INTO program (id, name, ratio_min, ratio_max, created_at, updated_at)
               VALUES ('p2', 'Gardeners', 50, 100, '$stamp', '$stamp')"
run 2 --database "$db" --export "$tmp/two.json"
contains err "--program" "with two programs, the error asks for --program"
[ ! -e "$tmp/two.json" ] && ok "an ambiguous export writes nothing" || not_ok "an ambiguous export writes nothing"
run 2 --database "$db" --export "$tmp/two.json" --program nobody
run 0 --database "$db" --export "$tmp/two.json" --program gardeners --no-activity
grep -q '"name": "Gardeners"' "$tmp/two.json" && ok "--program picks by name, in any case" \
  || not_ok "--program picks by name, in any case"
run 1 --database "$db" --export "$tmp" --program p1
contains err "hearth: $tmp:" "a failed export names the file"

# --import as a new program, then --merge of the same file: nothing added the second time.
sample=$HEARTH_SOURCE_ROOT/data/sample-program.json
fresh=$tmp/fresh.db
run 2 --database "$fresh" --merge
run 1 --database "$fresh" --import "$sample" --merge
contains err "no program to merge into" "merging into an empty database says to import instead"
run 0 --database "$fresh" --import "$sample"
contains out "150 members" "the import says how many members came in"
run 0 --database "$fresh" --import "$sample" --merge
contains out "members: 0 added, 0 updated, 0 deleted, 150 unchanged, 0 kept" \
  "merging the same file again changes nothing, and says so per kind of record"
run 1 --database "$fresh" --import "$tmp"
contains err "hearth: $tmp: is a folder" "importing a folder names it"

# --import-activity and --import-members: 0 when imported, 1 for bad data with one line naming
# FILE:LINE and the field, 2 for usage.
fixtures=$HEARTH_SOURCE_ROOT/tests/fixtures/import
acts=$tmp/activity.db

# one_line DESCRIPTION — stderr is exactly one line
one_line ()
{
  if [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok "$1"; else not_ok "$1"; diag "$(cat "$tmp/err")"; fi
}

run 2 --database "$acts" --import-activity
contains err "--import-activity needs at least one file" "--import-activity without files is a usage error"
run 2 --database "$acts" --import-members
run 2 --database "$acts" --import-activity --format nope "$fixtures/activity.csv"
contains err "unknown format" "an unknown --format is a usage error"
run 2 --database "$acts" --import-members --format csv "$fixtures/members.csv"
run 2 --database "$acts" --import-activity --date-format "" "$fixtures/activity.csv"
run 2 --database "$acts" --import-activity "$fixtures/activity.csv" --import-members
[ ! -e "$acts" ] || [ "$(sqlite3 "$acts" 'SELECT count(*) FROM activity')" = 0 ] \
  && ok "usage errors import nothing" || not_ok "usage errors import nothing"

run 0 --database "$acts" --import-activity "$fixtures/activity.csv" "$fixtures/discord-general.json"
contains out "created “activity”" "into an empty database, the run creates a program named after the first file"
contains out "(discord-json): 9 counted, 2 ignored, 0 already imported" "the summary counts per file"
contains out "Columns not read: Notes." "the summary lists the columns nothing read"
[ "$(sqlite3 "$acts" "SELECT count(*) FROM import_batch WHERE rows_added > 0")" = 2 ] \
  && ok "the activity is in the database" || not_ok "the activity is in the database"
run 0 --database "$acts" --import-activity "$fixtures/activity.csv"
contains out "already imported on" "the same activity file again is skipped"
run 0 --database "$acts" --import-activity "$fixtures/discord-general.json"
contains out "0 counted, 2 ignored, 9 already imported" "the same export again counts nothing"
run 0 --database "$acts" --import-activity --format discord-csv "$fixtures/discord-general.csv"
run 0 --database "$acts" --import-members "$fixtures/members.csv"
contains out "1 members created, 2 updated" "--import-members creates and updates members"
[ "$(sqlite3 "$acts" "SELECT region FROM member WHERE handle = 'bo_builds'")" = "South America" ] \
  && ok "the roster's region arrives" || not_ok "the roster's region arrives"

before=$(sqlite3 "$acts" "SELECT (SELECT count(*) FROM member) || '/' || (SELECT sum(count) FROM activity)
                          || '/' || (SELECT count(*) FROM import_batch)")
printf 'handle,day,kind,count\nada.l,2024-03-01,message,1\nbo_builds,2024-13-01,reply,2\n' >"$tmp/bad-day.csv"
run 1 --database "$acts" --import-activity "$fixtures/activity-later.csv" "$tmp/bad-day.csv"
contains err "hearth: $tmp/bad-day.csv:3: activity.day: " "a bad day names FILE:LINE and the field"
one_line "a bad file is one line on stderr"
printf 'handle,day,kind,count\nada.l,2024-03-01,message,-1\n' >"$tmp/bad-count.csv"
run 1 --database "$acts" --import-activity "$tmp/bad-count.csv"
contains err "hearth: $tmp/bad-count.csv:2: activity.count: " "a negative count names FILE:LINE and the field"
one_line "a negative count is one line on stderr"
printf 'handle,day,kind\nada.l,2024-03-01,meetup\n' >"$tmp/bad-kind.csv"
run 1 --database "$acts" --import-activity "$tmp/bad-kind.csv"
contains err "hearth: $tmp/bad-kind.csv:2: activity.kind: " "an unknown kind names FILE:LINE and the field"
run 1 --database "$acts" --import-activity "$fixtures/discord-localdate.csv"
contains err "discord-localdate.csv:2: message.Date: " "a date in another format asks for --date-format"
one_line "a date error is one line on stderr"
run 1 --database "$acts" --import-activity "$sample"
contains err "not a DiscordChatExporter export" "a snapshot is not an activity file"
one_line "a snapshot given as activity is one line on stderr"
run 1 --database "$acts" --import-activity "$tmp/no-such-file.csv"
contains err "hearth: $tmp/no-such-file.csv: " "a missing file is named"
one_line "a missing file is one line on stderr"
printf 'handle,joined_on\nada.l,2024-01-15\nbo_builds,15/01/2024\n' >"$tmp/bad-roster.csv"
run 1 --database "$acts" --import-members "$tmp/bad-roster.csv"
contains err "hearth: $tmp/bad-roster.csv:3: member.joined_on: " "a bad roster date names FILE:LINE and the field"
one_line "a bad roster is one line on stderr"
after=$(sqlite3 "$acts" "SELECT (SELECT count(*) FROM member) || '/' || (SELECT sum(count) FROM activity)
                         || '/' || (SELECT count(*) FROM import_batch)")
[ "$before" = "$after" ] && ok "failed imports write nothing" || not_ok "failed imports write nothing ($before → $after)"
run 0 --database "$acts" --import-activity --date-format "%d.%m.%Y %H:%M" "$fixtures/discord-localdate.csv"

# --candidates [--top N] [--json]: the ranked table or one JSON object; bots never listed.
require python3
run 2 --database "$fresh" --top 3
contains err "--top goes with --candidates" "--top without --candidates is a usage error"
run 2 --database "$fresh" --json
contains err "--json goes with --candidates, --ambassadors, --due-recognition or --feedback" "--json without an action that prints is a usage error"
run 2 --database "$fresh" --candidates --top 0
contains err "--top needs a number of 1 or more" "--top 0 is a usage error"
run 2 --database "$fresh" --candidates --top -4
run 2 --database "$fresh" --candidates --top many
run 2 --database "$fresh" --candidates --export "$tmp/both.json"
run 0 --database "$fresh" --candidates
contains out "Overall" "the candidates table has a header"
[ "$(wc -l <"$tmp/out")" -eq 21 ] && ok "the table lists 20 candidates by default" \
  || { not_ok "the table lists 20 candidates by default"; diag "$(cat "$tmp/out")"; }
LANGUAGE=C run 0 --database "$fresh" --candidates --json
count_candidates ()
{
  python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["candidates"]))' "$tmp/out"
}
[ "$(count_candidates)" = 20 ] && ok "--candidates --json parses and lists 20 by default" \
  || not_ok "--candidates --json parses and lists 20 by default"
contains out "Active in " "the evidence holds sentences"
if grep -qE '"(email|notes|identity_tags)"|@example\.' "$tmp/out"; then
  not_ok "--candidates --json prints no personal field"
else
  ok "--candidates --json prints no personal field"
fi
cp "$tmp/out" "$tmp/candidates-1.json"
LANGUAGE=C run 0 --database "$fresh" --candidates --json
cmp -s "$tmp/out" "$tmp/candidates-1.json" && ok "the same data gives the same bytes" \
  || not_ok "the same data gives the same bytes"
run 0 --database "$fresh" --candidates --json --top 3
[ "$(count_candidates)" = 3 ] && ok "--top 3 lists 3" || not_ok "--top 3 lists 3"
run 0 --database "$fresh" --candidates --top 1000 --json
python3 - "$tmp/out" <<'PY' && ok "bots are not listed, the rest is ranked by overall" \
  || not_ok "bots are not listed, the rest is ranked by overall"
import json, sys
c = json.load(open(sys.argv[1]))["candidates"]
assert len(c) == 148, len(c)
assert all("bot" not in x["flags"] for x in c)
assert [x["overall"] for x in c] == sorted((x["overall"] for x in c), reverse=True)
PY
run 0 --database "$tmp/no-program.db" --candidates --json
[ "$(tr -d ' \n' <"$tmp/out")" = '{"candidates":[]}' ] && ok "no program: an empty JSON result" \
  || { not_ok "no program: an empty JSON result"; diag "$(cat "$tmp/out")"; }
run 0 --database "$tmp/no-program.db" --candidates
contains out "No candidates" "no program: the table says there are no candidates"

# --ambassadors [--json]: ambassadors and whoever holds an active role, with their roles, last
# check-in and role warnings; never a check-in's energy or note, nor an e-mail address.
run 2 --database "$fresh" --ambassadors --top 3
contains err "--top goes with --candidates" "--top with --ambassadors is a usage error"
run 2 --database "$fresh" --ambassadors --candidates
contains err "give one action per run" "--ambassadors with --candidates is a usage error"
run 2 --database "$fresh" --ambassadors --export "$tmp/both.json"
run 2 --database "$fresh" --ambassadors extra-argument
run 0 --database "$tmp/no-program.db" --ambassadors --json
[ "$(tr -d ' \n' <"$tmp/out")" = '{"ambassadors":[]}' ] && ok "no program: an empty --ambassadors result" \
  || { not_ok "no program: an empty --ambassadors result"; diag "$(cat "$tmp/out")"; }
run 0 --database "$tmp/no-program.db" --ambassadors
contains out "No ambassadors" "no program: the list says there are no ambassadors"

ambs=$tmp/ambassadors.db
run 0 --database "$ambs" --import "$sample"
# The fixture's roles replace the sample's own (deleting a role takes its goals, assignments
# and check-ins with it); the sample's eight ambassadors stay.
sqlite3 -bail "$ambs" "PRAGMA foreign_keys = ON; DELETE FROM role;" \
  && ok "the sample's roles make way for the fixture's" || not_ok "the sample's roles make way for the fixture's"
sqlite3 -bail "$ambs" <"$HEARTH_SOURCE_ROOT/tests/fixtures/cli/ambassadors.sql" \
  && ok "the ambassadors fixture loads" || not_ok "the ambassadors fixture loads"
LANGUAGE=C run 0 --database "$ambs" --ambassadors --json
cp "$tmp/out" "$tmp/ambassadors-1.json"
python3 - "$tmp/out" <<'PY' && ok "--ambassadors --json parses: ambassadors and role holders, by name, with roles, check-ins and warnings" \
  || not_ok "--ambassadors --json parses: ambassadors and role holders, by name, with roles, check-ins and warnings"
import json, sys
a = json.load(open(sys.argv[1]))["ambassadors"]
assert len(a) == 9, [x["display_name"] for x in a]   # 8 ambassadors + 1 member holding a role
assert [(x["display_name"], x["member_id"]) for x in a] == sorted((x["display_name"], x["member_id"]) for x in a)
busy = next(x for x in a if len(x["roles"]) == 3)
assert [r["name"] for r in busy["roles"]] == ["Welcome Team", "Event Host", "Docs Buddy"], busy["roles"]
assert [r["hours_per_week"] for r in busy["roles"]] == [2.5, None, 1.0], busy["roles"]
assert busy["roles"][1]["ends_on"] is None
assert busy["last_checkin"] == {"iso_week": "2026-W16"}, busy["last_checkin"]
assert [w["key"] for w in busy["warnings"]] == ["overload", "burnout", "rotation_due"], busy["warnings"]
assert all(set(w) == {"key", "severity", "sentence"} for x in a for w in x["warnings"])
ended = [x for x in a if not x["roles"] and x["last_checkin"] is not None]
assert len(ended) == 1 and ended[0]["last_checkin"] == {"iso_week": "2026-W04"}, ended
assert any(x["last_checkin"] is None and not x["roles"] for x in a)
notice = [w for x in a for w in x["warnings"] if w["severity"] == "notice"]
assert [w["key"] for w in notice] == ["rotation_due"], notice
PY
python3 - "$tmp/out" <<'PY' && ok "--ambassadors --json has no energy, note or email key" \
  || not_ok "--ambassadors --json has no energy, note or email key"
import json, sys
def keys(v):
    if isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from keys(x)
    elif isinstance(v, list):
        for x in v:
            yield from keys(x)
found = {"energy", "note", "notes", "email", "identity_tags"} & set(keys(json.load(open(sys.argv[1]))))
assert not found, found
PY
if grep -qiE 'energy|private:|@example\.' "$tmp/out"; then
  not_ok "--ambassadors --json quotes no energy or check-in note"; diag "$(cat "$tmp/out")"
else
  ok "--ambassadors --json quotes no energy or check-in note"
fi
LANGUAGE=C run 0 --database "$ambs" --ambassadors --json
cmp -s "$tmp/out" "$tmp/ambassadors-1.json" && ok "--ambassadors: the same data gives the same bytes" \
  || not_ok "--ambassadors: the same data gives the same bytes"
LANGUAGE=C run 0 --database "$ambs" --ambassadors
contains out "Last check-in: 2026-W16" "the ambassadors list shows the last check-in"
contains out "Event Host, since 2026-02-01" "the ambassadors list shows an open-ended role"
contains out "2.5 hours a week" "the ambassadors list shows the hours"
if grep -qiE 'energy|private:|@example\.' "$tmp/out"; then
  not_ok "the ambassadors list quotes no energy or check-in note"; diag "$(cat "$tmp/out")"
else
  ok "the ambassadors list quotes no energy or check-in note"
fi

# --due-recognition [--json]: the ambassadors due for recognition, most contribution first, in
# the recognition_due guard's order; never an e-mail address, a note or a gesture's note.
run 0 --help
contains out "--due-recognition" "--help documents --due-recognition"
run 2 --database "$fresh" --due-recognition --top 3
contains err "--top goes with --candidates" "--top with --due-recognition is a usage error"
run 2 --database "$fresh" --due-recognition --ambassadors
contains err "give one action per run" "--due-recognition with --ambassadors is a usage error"
run 2 --database "$fresh" --due-recognition --export "$tmp/both.json"
run 2 --database "$fresh" --due-recognition extra-argument
run 0 --database "$tmp/no-program.db" --due-recognition --json
[ "$(tr -d ' \n' <"$tmp/out")" = '{"due":[]}' ] && ok "no program: an empty --due-recognition result" \
  || { not_ok "no program: an empty --due-recognition result"; diag "$(cat "$tmp/out")"; }
LANGUAGE=C run 0 --database "$tmp/no-program.db" --due-recognition
contains out "Nobody is due for recognition." "no program: the list says nobody is due"

due=$tmp/due.db
run 0 --database "$due" --due-recognition
sqlite3 -bail "$due" <"$HEARTH_SOURCE_ROOT/tests/fixtures/cli/due-recognition.sql" \
  && ok "the due-recognition fixture loads" || not_ok "the due-recognition fixture loads"
LANGUAGE=C run 0 --database "$due" --due-recognition --json
cp "$tmp/out" "$tmp/due-1.json"
python3 - "$tmp/out" <<'PY' && ok "--due-recognition --json: never recognized and long ago, most contribution first; recent, plain members and deleted ones left out" \
  || not_ok "--due-recognition --json: never recognized and long ago, most contribution first; recent, plain members and deleted ones left out"
import json, sys
out = json.load(open(sys.argv[1]))
assert list(out) == ["due"], out
assert out["due"] == [
    {"member_id": "m0000000-0000-4000-8000-000000000001", "display_name": "Nia Never",
     "last_recognized": None, "days_since": None, "contribution": 40, "severity": "notice"},
    {"member_id": "m0000000-0000-4000-8000-000000000002", "display_name": "Lou Long",
     "last_recognized": "2026-01-10", "days_since": 141, "contribution": 30, "severity": "warning"},
], out
PY
LANGUAGE=C run 0 --database "$due" --due-recognition --json
cmp -s "$tmp/out" "$tmp/due-1.json" && ok "--due-recognition: the same data gives the same bytes" \
  || not_ok "--due-recognition: the same data gives the same bytes"
if grep -qiE 'private|@example\.|hoodie|thank-you card' "$tmp/out"; then
  not_ok "--due-recognition --json prints nothing personal"; diag "$(cat "$tmp/out")"
else
  ok "--due-recognition --json prints nothing personal"
fi
LANGUAGE=C run 0 --database "$due" --due-recognition
expected="Notice: Nia Never has never been recognized (40 contributions so far)
Warning: Lou Long was last recognized 141 days ago, on 2026-01-10 (30 contributions since)"
[ "$(cat "$tmp/out")" = "$expected" ] && ok "--due-recognition prints one line per member due" \
  || { not_ok "--due-recognition prints one line per member due"; diag "$(cat "$tmp/out")"; }
if grep -qiE 'private|@example\.|hoodie|thank-you card|Rae|Max|Del' "$tmp/out"; then
  not_ok "the due list names no one else and prints nothing personal"; diag "$(cat "$tmp/out")"
else
  ok "the due list names no one else and prints nothing personal"
fi
# Once Lou's recognition is recent and Nia's gesture done, nobody is due.
sqlite3 -bail "$due" "UPDATE recognition SET done_on = '2026-05-30' WHERE done_on IS NULL;
                      UPDATE recognition SET done_on = '2026-04-01' WHERE done_on = '2026-01-10'"
LANGUAGE=C run 0 --database "$due" --due-recognition
[ "$(cat "$tmp/out")" = "Nobody is due for recognition." ] && ok "nobody due: the list says so" \
  || { not_ok "nobody due: the list says so"; diag "$(cat "$tmp/out")"; }
run 0 --database "$due" --due-recognition --json
[ "$(tr -d ' \n' <"$tmp/out")" = '{"due":[]}' ] && ok "nobody due: an empty JSON list" \
  || { not_ok "nobody due: an empty JSON list"; diag "$(cat "$tmp/out")"; }

# --feedback [--open] [--json]: the program's feedback items, newest first, each flagged stale by
# the feedback_stale rule; never an item's text or response, an e-mail address or a note.
run 0 --help
contains out "--feedback" "--help documents --feedback"
contains out "--open" "--help documents --open"
run 2 --database "$fresh" --open
contains err "--open goes with --feedback" "--open without --feedback is a usage error"
run 2 --database "$fresh" --due-recognition --open
contains err "--open goes with --feedback" "--open with another action is a usage error"
run 2 --database "$fresh" --feedback --top 3
contains err "--top goes with --candidates" "--top with --feedback is a usage error"
run 2 --database "$fresh" --feedback --ambassadors
contains err "give one action per run" "--feedback with --ambassadors is a usage error"
contains err "--feedback" "the one-action message names --feedback"
run 2 --database "$fresh" --feedback extra-argument
run 0 --database "$tmp/no-program.db" --feedback --json
[ "$(tr -d ' \n' <"$tmp/out")" = '{"feedback":[]}' ] && ok "no program: an empty --feedback result" \
  || { not_ok "no program: an empty --feedback result"; diag "$(cat "$tmp/out")"; }
LANGUAGE=C run 0 --database "$tmp/no-program.db" --feedback --open
[ "$(cat "$tmp/out")" = "No feedback." ] && ok "no program: the list says there is no feedback" \
  || { not_ok "no program: the list says there is no feedback"; diag "$(cat "$tmp/out")"; }

fb=$tmp/feedback.db
run 0 --database "$fb" --feedback
sqlite3 -bail "$fb" <"$HEARTH_SOURCE_ROOT/tests/fixtures/cli/feedback.sql" \
  && ok "the feedback fixture loads" || not_ok "the feedback fixture loads"
before=$(sqlite3 "$fb" "SELECT count(*), max(updated_at) FROM feedback")
LANGUAGE=C run 0 --database "$fb" --feedback --json
cp "$tmp/out" "$tmp/feedback-1.json"
python3 - "$tmp/out" <<'PY' && ok "--feedback --json: every item newest first, stale past 14 days (not at 14), deleted items and members left out" \
  || not_ok "--feedback --json: every item newest first, stale past 14 days (not at 14), deleted items and members left out"
import json, sys
out = json.load(open(sys.argv[1]))
assert list(out) == ["feedback"], out
f = out["feedback"]
ids = [x["id"][-1] for x in f]
assert ids == ["9", "4", "2", "3", "1", "5", "6"], ids
assert [x["id"][-1] for x in f if x["stale"]] == ["3", "1"], f
one = f[4]
assert one == {"id": "f0000000-0000-4000-8000-000000000001",
               "member_id": "m0000000-0000-4000-8000-000000000001", "display_name": "Ana Open",
               "round_id": "r0000000-0000-4000-8000-000000000001",
               "round_title": "Roadmap survey", "received_on": "2026-05-01", "channel": "survey",
               "rating": 4, "status": "new", "tags": ["docs", "onboarding"], "stale": True}, one
meeting = f[1]
assert meeting["member_id"] is None and meeting["display_name"] is None, meeting
assert meeting["channel"] == "meeting" and meeting["rating"] is None, meeting
assert f[0]["round_id"] is None and f[0]["round_title"] is None, f[0]   # its round is deleted
assert f[2]["tags"] == [] and f[3]["tags"] == [], f
PY
LANGUAGE=C run 0 --database "$fb" --feedback --json
cmp -s "$tmp/out" "$tmp/feedback-1.json" && ok "--feedback: the same data gives the same bytes" \
  || not_ok "--feedback: the same data gives the same bytes"
if grep -qiE 'private|@example\.|Del Deleted|"(text|response|email|notes)"' "$tmp/out"; then
  not_ok "--feedback --json prints no text, response or personal field"; diag "$(cat "$tmp/out")"
else
  ok "--feedback --json prints no text, response or personal field"
fi
LANGUAGE=C run 0 --database "$fb" --feedback --open --json
python3 - "$tmp/out" <<'PY' && ok "--feedback --open --json: only new, acknowledged and planned items" \
  || not_ok "--feedback --open --json: only new, acknowledged and planned items"
import json, sys
f = json.load(open(sys.argv[1]))["feedback"]
assert [x["id"][-1] for x in f] == ["9", "4", "2", "3", "1"], f
assert {x["status"] for x in f} == {"new", "acknowledged", "planned"}, f
PY
LANGUAGE=C run 0 --database "$fb" --feedback --open
expected="2026-05-30 Ana Open: new, by message, rated 5 of 5
2026-05-20 No member: planned, in a meeting [events]
2026-05-17 Ben Busy: acknowledged, by message
2026-05-16 Ben Busy: acknowledged, by message — waiting too long for an answer
2026-05-01 Ana Open: new, in a survey, rated 4 of 5, round “Roadmap survey” [docs, onboarding] — waiting too long for an answer"
[ "$(cat "$tmp/out")" = "$expected" ] && ok "--feedback --open prints one line per open item" \
  || { not_ok "--feedback --open prints one line per open item"; diag "$(cat "$tmp/out")"; }
LANGUAGE=C run 0 --database "$fb" --feedback
[ "$(wc -l <"$tmp/out")" -eq 7 ] && ok "--feedback prints every item" \
  || { not_ok "--feedback prints every item"; diag "$(cat "$tmp/out")"; }
contains out "2026-03-01 Ana Open: declined, another way" "--feedback lists closed items too"
if grep -qiE 'private|@example\.|Del Deleted' "$tmp/out"; then
  not_ok "the feedback list prints no text, response or personal field"; diag "$(cat "$tmp/out")"
else
  ok "the feedback list prints no text, response or personal field"
fi
[ "$before" = "$(sqlite3 "$fb" "SELECT count(*), max(updated_at) FROM feedback")" ] \
  && ok "--feedback writes nothing" || not_ok "--feedback writes nothing"
# Once everything is closed, --open lists nothing.
sqlite3 -bail "$fb" "UPDATE feedback SET status = 'done'"
LANGUAGE=C run 0 --database "$fb" --feedback --open
[ "$(cat "$tmp/out")" = "No feedback." ] && ok "nothing open: the list says so" \
  || { not_ok "nothing open: the list says so"; diag "$(cat "$tmp/out")"; }
run 0 --database "$fb" --feedback --open --json
[ "$(tr -d ' \n' <"$tmp/out")" = '{"feedback":[]}' ] && ok "nothing open: an empty JSON list" \
  || { not_ok "nothing open: an empty JSON list"; diag "$(cat "$tmp/out")"; }

sqlite3 "$acts" "INSERT INTO program (id, name, ratio_min, ratio_max, created_at, updated_at)
                 VALUES ('p9', 'Second', 50, 100, '$stamp', '$stamp')"
run 2 --database "$acts" --import-activity "$fixtures/activity-later.csv"
contains err "--program" "with two programs, --import-activity asks for --program"
run 2 --database "$acts" --candidates --json
contains err "--program" "with two programs, --candidates asks for --program"
run 2 --database "$acts" --ambassadors --json
contains err "--program" "with two programs, --ambassadors asks for --program"
run 0 --database "$acts" --ambassadors --json --program Second
run 2 --database "$acts" --due-recognition --json
contains err "--program" "with two programs, --due-recognition asks for --program"
run 0 --database "$acts" --due-recognition --json --program Second
run 2 --database "$acts" --feedback --json
contains err "--program" "with two programs, --feedback asks for --program"
run 0 --database "$acts" --feedback --json --program Second
run 0 --database "$acts" --candidates --json --program Second
run 0 --database "$acts" --import-activity --program Second "$fixtures/activity-later.csv"
[ "$(sqlite3 "$acts" "SELECT count(*) FROM member WHERE program_id = 'p9'")" = 2 ] \
  && ok "--program chooses where the activity goes" || not_ok "--program chooses where the activity goes"

finish
