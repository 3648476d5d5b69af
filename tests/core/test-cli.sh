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

finish
