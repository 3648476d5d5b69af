# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared helpers for the data suite: sourced by every test-*.sh script here.
#
# Each script prints TAP (the plan comes last) and exits 1 when a check failed. A script whose
# tool is missing skips as a whole, so the suite runs inside the Flatpak build sandbox — unless
# HEARTH_REQUIRE_TOOLS=1, which turns the skip into a failure (CI never passes on skips).

tap_count=0
tap_failed=0

# ok DESCRIPTION
ok ()
{
  tap_count=$((tap_count + 1))
  printf 'ok %d - %s\n' "$tap_count" "$*"
}

# not_ok DESCRIPTION
not_ok ()
{
  tap_count=$((tap_count + 1))
  tap_failed=$((tap_failed + 1))
  printf 'not ok %d - %s\n' "$tap_count" "$*"
}

# skip DESCRIPTION REASON — one skipped check (the rest of the script still runs)
skip ()
{
  tap_count=$((tap_count + 1))
  printf 'ok %d - %s # SKIP %s\n' "$tap_count" "$1" "$2"
}

# diag TEXT… — every line becomes a TAP comment. Comments go to stderr: meson parses stdout as
# TAP and shows a failing test's stderr (--print-errorlogs), so the details land where people look.
diag ()
{
  printf '%s\n' "$@" | sed 's/^/# /' >&2
}

# check DESCRIPTION COMMAND… — runs the command, ok when it succeeds; its output becomes diag
check ()
{
  tap_desc=$1
  shift
  if tap_out=$("$@" 2>&1); then
    ok "$tap_desc"
    [ -n "$tap_out" ] && diag "$tap_out"
  else
    not_ok "$tap_desc"
    [ -n "$tap_out" ] && diag "$tap_out"
  fi
  return 0
}

# finish — prints the plan and exits with the result
finish ()
{
  printf '1..%d\n' "$tap_count"
  [ "$tap_failed" -eq 0 ] || exit 1
  exit 0
}

# have TOOL — true when TOOL is on PATH
have ()
{
  command -v "$1" >/dev/null 2>&1
}

# tools_required — true when HEARTH_REQUIRE_TOOLS=1
tools_required ()
{
  [ "${HEARTH_REQUIRE_TOOLS:-0}" = 1 ]
}

# require TOOL… — skips the whole script (or fails it under HEARTH_REQUIRE_TOOLS=1) when a
# tool is missing. Call it before any check.
require ()
{
  for tap_tool in "$@"; do
    if ! have "$tap_tool"; then
      if tools_required; then
        printf '1..1\nnot ok 1 - %s missing (HEARTH_REQUIRE_TOOLS=1)\n' "$tap_tool"
        exit 1
      fi
      printf '1..0 # SKIP %s missing\n' "$tap_tool"
      exit 0
    fi
  done
}

# fail_early MESSAGE — a single failing check, for set-up problems
fail_early ()
{
  printf '1..1\nnot ok 1 - %s\n' "$*"
  exit 1
}

# source_root [ARG] — the project source root: the argument, else HEARTH_SOURCE_ROOT, else the
# folder two levels above this script
source_root ()
{
  if [ -n "${1:-}" ]; then
    printf '%s\n' "$1"
  elif [ -n "${HEARTH_SOURCE_ROOT:-}" ]; then
    printf '%s\n' "$HEARTH_SOURCE_ROOT"
  else
    (cd "$(dirname "$0")/../.." && pwd)
  fi
}
