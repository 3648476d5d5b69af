#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The published command-line output schema (data/hearth-cli.schema.json, DESIGN §3) against an
# independent validator, ajv (tools/schema-validator, installed by ./dev): the schema compiles as
# draft 2020-12; real `hearth --candidates --json` output validates (the sample program, with a
# role and a decline added so more flags show, --top 3, and an empty database), and so does real
# `hearth --ambassadors --json` output (an empty database, and the sample program with the roles,
# assignments and check-ins of tests/fixtures/cli/ambassadors.sql), and so does real
# `hearth --due-recognition --json` output (an empty database, and the small program of
# tests/fixtures/cli/due-recognition.sql), and so does real `hearth --feedback [--open] --json`
# output (an empty database, and the program of tests/fixtures/cli/feedback.sql); and copies
# broken in one place each are refused.
# Usage: test-cli-schema.sh HEARTH_EXE [SOURCE_ROOT]

. "$(dirname "$0")/tap.sh"

hearth=${1:-}
root=$(source_root "${2:-}")
schema=$root/data/hearth-cli.schema.json
sample=$root/data/sample-program.json
validator=$root/tools/schema-validator

[ -x "$hearth" ] || fail_early "usage: test-cli-schema.sh HEARTH_EXE [SOURCE_ROOT]"
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
unset DISPLAY WAYLAND_DISPLAY
# The evidence sentences in English, whatever the machine's locale.
LANGUAGE=C LC_ALL=C.UTF-8
export LANGUAGE LC_ALL

ajv_validate ()
{
  ajv validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$1"
}

stop ()
{
  not_ok "$1"
  diag "$2"
  finish
}

check "the schema compiles as draft 2020-12 (ajv, strict mode)" \
  ajv compile --spec=draft2020 -c ajv-formats --strict=true -s "$schema"

# An empty database: no program, an empty result.
out=$("$hearth" --database "$tmp/empty.db" --candidates --json 2>&1 >"$tmp/empty.json") ||
  stop "hearth --candidates --json runs on an empty database" "$out"
check "the output for an empty database validates" ajv_validate "$tmp/empty.json"

out=$("$hearth" --database "$db" --import "$sample" 2>&1) || stop "the sample program imports" "$out"
# A role held by the top-scoring member and a decline, so has_role and declined_before show.
if ! fixture_out=$(sqlite3 -bail "$db" 2>&1 <<'SQL'
PRAGMA foreign_keys = ON;
INSERT INTO role (id, program_id, preset, name, created_at, updated_at)
  SELECT 'r0000000-0000-4000-8000-000000000001', id, 'welcome_team', 'Welcome Team',
         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM program;
INSERT INTO assignment (id, member_id, role_id, starts_on, created_at, updated_at)
  SELECT 'a0000000-0000-4000-8000-000000000001', m.id, 'r0000000-0000-4000-8000-000000000001',
         '2026-01-05', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
  FROM member m WHERE m.is_bot = 0 ORDER BY m.id LIMIT 1;
INSERT INTO member_status_change (id, member_id, status, changed_on, created_at, updated_at)
  SELECT 's0000000-0000-4000-8000-000000000001', m.id, 'declined', '2026-01-10',
         '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
  FROM member m WHERE m.is_bot = 0 ORDER BY m.id LIMIT 1;
SQL
); then
  stop "the fixture fits the database schema" "$fixture_out"
fi

# Every member is listed with a --top larger than the program.
for variant in all top3 default; do
  case $variant in
    all) flags="--top 1000" ;;
    top3) flags="--top 3" ;;
    default) flags= ;;
  esac
  # shellcheck disable=SC2086 # $flags is options or nothing
  out=$("$hearth" --database "$db" --candidates $flags --json 2>&1 >"$tmp/$variant.json") ||
    stop "hearth --candidates $flags --json runs" "$out"
done

check "the output for every member validates" ajv_validate "$tmp/all.json"
check "the output with --top 3 validates" ajv_validate "$tmp/top3.json"
check "the default output validates" ajv_validate "$tmp/default.json"

check "the output covers null scores, every confidence and the flags has_role, declined_before, inactive" \
  python3 - "$tmp/all.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
traits = [t for c in out["candidates"] for t in c["traits"].values()]
flags = {f for c in out["candidates"] for f in c["flags"]}
missing = []
if not any(t["score"] is None for t in traits):
    missing.append("a null score")
for level in ("low", "medium", "high"):
    if not any(t["confidence"] == level for t in traits):
        missing.append(level)
missing += sorted({"has_role", "declined_before", "inactive"} - flags)
if "bot" in flags:
    sys.exit("a bot is listed")
if missing:
    sys.exit("not covered: " + ", ".join(missing))
PY

# Copies of the full output, each broken in one place (PYTHON changes `s`), all checked in one
# ajv run: each must be reported invalid.
python3 - "$tmp/all.json" "$tmp" >"$tmp/broken.list" <<'PY' || stop "the broken copies can be made" "see above"
import json, sys
cases = [
    ("an unknown top-level key", 's["checks"] = []'),
    ("a missing candidates array", 'del s["candidates"]'),
    ("an unknown key in a candidate", 's["candidates"][0]["email"] = "a@example.org"'),
    ("a missing member_id", 'del s["candidates"][0]["member_id"]'),
    ("an empty display name", 's["candidates"][0]["display_name"] = ""'),
    ("an overall of 101", 's["candidates"][0]["overall"] = 101'),
    ("a null overall", 's["candidates"][0]["overall"] = None'),
    ("a score as a string", 's["candidates"][0]["traits"]["consistency"]["score"] = "90"'),
    ("a negative score", 's["candidates"][0]["traits"]["empathy"]["score"] = -1'),
    ("an unknown confidence", 's["candidates"][0]["traits"]["empathy"]["confidence"] = "very high"'),
    ("a score without a confidence", 's["candidates"][0]["traits"]["consistency"]["confidence"] = None'),
    ("a confidence without a score", 's["candidates"][0]["traits"]["consistency"]["score"] = None'),
    ("a missing trait", 'del s["candidates"][0]["traits"]["credibility"]'),
    ("an unknown trait", 's["candidates"][0]["traits"]["charisma"] = s["candidates"][0]["traits"]["empathy"]'),
    ("a missing evidence array", 'del s["candidates"][0]["traits"]["alignment"]["evidence"]'),
    ("a number as evidence", 's["candidates"][0]["traits"]["alignment"]["evidence"] = [3]'),
    ("an unknown flag", 's["candidates"][0]["flags"] = ["vip"]'),
    ("a flag twice", 's["candidates"][0]["flags"] = ["new", "new"]'),
]
for i, (name, change) in enumerate(cases, 1):
    s = json.load(open(sys.argv[1]))
    exec(change)
    json.dump(s, open(f"{sys.argv[2]}/broken-{i}.json", "w"))
    print(f"{i}|{name}")
PY

# refuse_broken LIST PREFIX — each copy PREFIX-N.json named in LIST must be reported invalid
refuse_broken ()
{
  broken_out=$(ajv validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$tmp/$2-*.json" \
                 --errors=line 2>&1)
  while IFS='|' read -r i name; do
    if printf '%s\n' "$broken_out" | grep -qxF "$tmp/$2-$i.json invalid"; then
      ok "the schema refuses $name"
    else
      not_ok "the schema refuses $name"
      diag "$(printf '%s\n' "$broken_out" | grep -A1 -F "$tmp/$2-$i.json" || echo "$broken_out")"
    fi
  done <"$1"
}

refuse_broken "$tmp/broken.list" broken

# --ambassadors --json: an empty database, then the sample program with roles, assignments and
# check-ins (overload, burnout, rotation_due as a warning and a notice, null hours and ends_on,
# a member without any check-in).
out=$("$hearth" --database "$tmp/empty.db" --ambassadors --json 2>&1 >"$tmp/amb-empty.json") ||
  stop "hearth --ambassadors --json runs on an empty database" "$out"
check "the --ambassadors output for an empty database validates" ajv_validate "$tmp/amb-empty.json"

adb=$tmp/ambassadors.db
out=$("$hearth" --database "$adb" --import "$sample" 2>&1) || stop "the sample program imports" "$out"
fixture_out=$(sqlite3 -bail "$adb" <"$root/tests/fixtures/cli/ambassadors.sql" 2>&1) ||
  stop "the ambassadors fixture fits the database schema" "$fixture_out"
out=$("$hearth" --database "$adb" --ambassadors --json 2>&1 >"$tmp/amb.json") ||
  stop "hearth --ambassadors --json runs" "$out"
check "the --ambassadors output validates" ajv_validate "$tmp/amb.json"

check "the --ambassadors output covers null hours, ends_on and last_checkin, and every warning key and severity" \
  python3 - "$tmp/amb.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))["ambassadors"]
roles = [r for a in out for r in a["roles"]]
warnings = [w for a in out for w in a["warnings"]]
missing = []
if not any(r["hours_per_week"] is None for r in roles):
    missing.append("null hours")
if not any(isinstance(r["hours_per_week"], (int, float)) for r in roles):
    missing.append("hours as a number")
if not any(r["ends_on"] is None for r in roles):
    missing.append("null ends_on")
if not any(a["last_checkin"] is None for a in out):
    missing.append("null last_checkin")
if not any(a["last_checkin"] is not None for a in out):
    missing.append("a last_checkin")
missing += sorted({"overload", "burnout", "rotation_due"} - {w["key"] for w in warnings})
missing += sorted({"notice", "warning"} - {w["severity"] for w in warnings})
if missing:
    sys.exit("not covered: " + ", ".join(missing))
PY

python3 - "$tmp/amb.json" "$tmp" >"$tmp/amb-broken.list" <<'PY' || stop "the broken --ambassadors copies can be made" "see above"
import json, sys
def first_role(s):
    return next(r for a in s["ambassadors"] for r in a["roles"])
def first_with(s, key):
    return next(a for a in s["ambassadors"] if a[key])
cases = [
    ("both top-level arrays", 's["candidates"] = []'),
    ("a missing ambassadors array", 'del s["ambassadors"]; s["ambassador"] = []'),
    ("an unknown key in an ambassador", 's["ambassadors"][0]["email"] = "a@example.org"'),
    ("a missing member_id in an ambassador", 'del s["ambassadors"][0]["member_id"]'),
    ("a missing warnings array", 'del s["ambassadors"][0]["warnings"]'),
    ("a check-in with its energy", 'first_with(s, "last_checkin")["last_checkin"]["energy"] = 2'),
    ("a check-in with its note", 'first_with(s, "last_checkin")["last_checkin"]["note"] = "tired"'),
    ("a check-in without its week", 'first_with(s, "last_checkin")["last_checkin"] = {}'),
    ("a week not ISO", 'first_with(s, "last_checkin")["last_checkin"]["iso_week"] = "2026-17"'),
    ("hours as a string", 'first_role(s)["hours_per_week"] = "2.5"'),
    ("negative hours", 'first_role(s)["hours_per_week"] = -1'),
    ("a start day not YYYY-MM-DD", 'first_role(s)["starts_on"] = "05.01.2026"'),
    ("a null start day", 'first_role(s)["starts_on"] = None'),
    ("a missing role name", 'del first_role(s)["name"]'),
    ("an unknown warning key", 'first_with(s, "warnings")["warnings"][0]["key"] = "stale_role"'),
    ("an ok warning", 'first_with(s, "warnings")["warnings"][0]["severity"] = "ok"'),
    ("a warning with subjects", 'first_with(s, "warnings")["warnings"][0]["subjects"] = []'),
    ("an empty sentence", 'first_with(s, "warnings")["warnings"][0]["sentence"] = ""'),
]
for i, (name, change) in enumerate(cases, 1):
    s = json.load(open(sys.argv[1]))
    exec(change)
    json.dump(s, open(f"{sys.argv[2]}/amb-broken-{i}.json", "w"))
    print(f"{i}|{name}")
PY

refuse_broken "$tmp/amb-broken.list" amb-broken

# --due-recognition --json: an empty database, then a program with one ambassador never
# recognized (a notice, nulls) and one recognized long ago (a warning, a day and a number).
out=$("$hearth" --database "$tmp/empty.db" --due-recognition --json 2>&1 >"$tmp/due-empty.json") ||
  stop "hearth --due-recognition --json runs on an empty database" "$out"
check "the --due-recognition output for an empty database validates" ajv_validate "$tmp/due-empty.json"

ddb=$tmp/due.db
out=$("$hearth" --database "$ddb" --due-recognition 2>&1) || stop "hearth makes an empty database" "$out"
fixture_out=$(sqlite3 -bail "$ddb" <"$root/tests/fixtures/cli/due-recognition.sql" 2>&1) ||
  stop "the due-recognition fixture fits the database schema" "$fixture_out"
out=$("$hearth" --database "$ddb" --due-recognition --json 2>&1 >"$tmp/due.json") ||
  stop "hearth --due-recognition --json runs" "$out"
check "the --due-recognition output validates" ajv_validate "$tmp/due.json"

check "the --due-recognition output covers a never recognized notice and a dated warning" \
  python3 - "$tmp/due.json" <<'PY'
import json, sys
due = json.load(open(sys.argv[1]))["due"]
missing = []
if not any(d["last_recognized"] is None and d["days_since"] is None for d in due):
    missing.append("never recognized")
if not any(isinstance(d["days_since"], int) and d["last_recognized"] for d in due):
    missing.append("a last recognition")
missing += sorted({"notice", "warning"} - {d["severity"] for d in due})
if missing:
    sys.exit("not covered: " + ", ".join(missing))
PY

python3 - "$tmp/due.json" "$tmp" >"$tmp/due-broken.list" <<'PY' || stop "the broken --due-recognition copies can be made" "see above"
import json, sys
def never(s):
    return next(d for d in s["due"] if d["last_recognized"] is None)
def dated(s):
    return next(d for d in s["due"] if d["last_recognized"] is not None)
cases = [
    ("due with another top-level array", 's["ambassadors"] = []'),
    ("a missing due array", 'del s["due"]'),
    ("an unknown key in a due member", 's["due"][0]["email"] = "a@example.org"'),
    ("a missing member_id in a due member", 'del s["due"][0]["member_id"]'),
    ("an empty display name in a due member", 's["due"][0]["display_name"] = ""'),
    ("a missing contribution", 'del s["due"][0]["contribution"]'),
    ("a negative contribution", 's["due"][0]["contribution"] = -1'),
    ("a contribution as a string", 's["due"][0]["contribution"] = "40"'),
    ("an ok severity", 's["due"][0]["severity"] = "ok"'),
    ("a last recognition not YYYY-MM-DD", 'dated(s)["last_recognized"] = "10.01.2026"'),
    ("days_since as a fraction", 'dated(s)["days_since"] = 1.5'),
    ("days_since of 0", 'dated(s)["days_since"] = 0'),
    ("a day without days_since", 'dated(s)["days_since"] = None'),
    ("days_since without a day", 'never(s)["days_since"] = 12'),
    ("never recognized as a warning", 'never(s)["severity"] = "warning"'),
]
for i, (name, change) in enumerate(cases, 1):
    s = json.load(open(sys.argv[1]))
    exec(change)
    json.dump(s, open(f"{sys.argv[2]}/due-broken-{i}.json", "w"))
    print(f"{i}|{name}")
PY

refuse_broken "$tmp/due-broken.list" due-broken

# --feedback --json: an empty database, then items with and without a member, round and rating,
# stale and not, all and --open.
out=$("$hearth" --database "$tmp/empty.db" --feedback --json 2>&1 >"$tmp/fb-empty.json") ||
  stop "hearth --feedback --json runs on an empty database" "$out"
check "the --feedback output for an empty database validates" ajv_validate "$tmp/fb-empty.json"

fdb=$tmp/feedback.db
out=$("$hearth" --database "$fdb" --feedback 2>&1) || stop "hearth makes an empty database" "$out"
fixture_out=$(sqlite3 -bail "$fdb" <"$root/tests/fixtures/cli/feedback.sql" 2>&1) ||
  stop "the feedback fixture fits the database schema" "$fixture_out"
out=$("$hearth" --database "$fdb" --feedback --json 2>&1 >"$tmp/fb.json") ||
  stop "hearth --feedback --json runs" "$out"
check "the --feedback output validates" ajv_validate "$tmp/fb.json"
out=$("$hearth" --database "$fdb" --feedback --open --json 2>&1 >"$tmp/fb-open.json") ||
  stop "hearth --feedback --open --json runs" "$out"
check "the --feedback --open output validates" ajv_validate "$tmp/fb-open.json"

check "the --feedback output covers nulls, ratings, tags, every open status and both stale values" \
  python3 - "$tmp/fb.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["feedback"]
missing = []
for name, test in [
    ("no member", lambda x: x["member_id"] is None),
    ("a member", lambda x: x["member_id"] is not None),
    ("no round", lambda x: x["round_id"] is None),
    ("a round", lambda x: x["round_id"] is not None),
    ("no rating", lambda x: x["rating"] is None),
    ("a rating", lambda x: isinstance(x["rating"], int)),
    ("tags", lambda x: len(x["tags"]) > 0),
    ("stale", lambda x: x["stale"]),
    ("not stale", lambda x: not x["stale"]),
]:
    if not any(test(x) for x in f):
        missing.append(name)
missing += sorted({"new", "acknowledged", "planned", "done", "declined"} - {x["status"] for x in f})
if missing:
    sys.exit("not covered: " + ", ".join(missing))
PY

python3 - "$tmp/fb.json" "$tmp" >"$tmp/fb-broken.list" <<'PY' || stop "the broken --feedback copies can be made" "see above"
import json, sys
def stale(s):
    return next(x for x in s["feedback"] if x["stale"])
def member(s):
    return next(x for x in s["feedback"] if x["member_id"] is not None)
def rounded(s):
    return next(x for x in s["feedback"] if x["round_id"] is not None)
cases = [
    ("feedback with another top-level array", 's["due"] = []'),
    ("a missing feedback array", 'del s["feedback"]'),
    ("the item's text", 's["feedback"][0]["text"] = "private"'),
    ("the response given", 's["feedback"][0]["response"] = "private"'),
    ("a missing id", 'del s["feedback"][0]["id"]'),
    ("a missing stale flag", 'del s["feedback"][0]["stale"]'),
    ("stale as a string", 'stale(s)["stale"] = "yes"'),
    ("a rating of 6", 'stale(s)["rating"] = 6'),
    ("a rating as a fraction", 'stale(s)["rating"] = 3.5'),
    ("an unknown status", 's["feedback"][0]["status"] = "open"'),
    ("an unknown channel", 's["feedback"][0]["channel"] = "email"'),
    ("a received day not YYYY-MM-DD", 's["feedback"][0]["received_on"] = "30.05.2026"'),
    ("a tag that is not a string", 's["feedback"][0]["tags"] = [1]'),
    ("a member id without a name", 'member(s)["display_name"] = None'),
    ("a round id without a title", 'rounded(s)["round_title"] = None'),
    ("a planned item flagged stale", 'x = stale(s); x["status"] = "planned"'),
]
for i, (name, change) in enumerate(cases, 1):
    s = json.load(open(sys.argv[1]))
    exec(change)
    json.dump(s, open(f"{sys.argv[2]}/fb-broken-{i}.json", "w"))
    print(f"{i}|{name}")
PY

refuse_broken "$tmp/fb-broken.list" fb-broken

finish
