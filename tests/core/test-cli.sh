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

finish
