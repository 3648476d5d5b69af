#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layers hold (DESIGN §3): src/core and src/render include no GTK, GDK, GSK or libadwaita
# header; src/core includes no cairo or pango either; their meson targets link none of these; and
# the headless path (src/cli) includes nothing from src/ui. A missing folder passes.
# Usage: test-toolkit-free.sh [SOURCE_ROOT]

. "$(dirname "$0")/tap.sh"

root=$(source_root "${1:-}")
cd "$root" || fail_early "cannot enter the source root $root"

include='^[[:space:]]*#[[:space:]]*(include|import)[[:space:]]*'
toolkit="${include}[<\"](gtk/|gdk/|gsk/|adwaita\.h|adw-|libadwaita)"
drawing="${include}[<\"](cairo|pango)"

# no_includes DIR PATTERN WHAT — one check: no file under DIR matches PATTERN
no_includes ()
{
  if [ ! -d "$1" ]; then
    ok "$1 includes no $3 (no $1 yet)"
    return
  fi
  if hits=$(grep -rnE "$2" "$1"); then
    not_ok "$1 includes no $3"
    diag "$hits"
  else
    ok "$1 includes no $3"
  fi
}

no_includes src/core "$toolkit" "GTK/GDK/GSK/libadwaita header"
no_includes src/render "$toolkit" "GTK/GDK/GSK/libadwaita header"
no_includes src/core "$drawing" "cairo or pango header"
no_includes src/cli "$toolkit" "GTK/GDK/GSK/libadwaita header"

# The meson targets agree: core and render link no toolkit, core no cairo or pango either.
toolkit_dep='(gtk_dep|adw_dep|gdk_dep|dependency\([[:space:]]*.(gtk4|libadwaita-1|gdk))'
drawing_dep='(cairo[a-z_]*_dep|pango[a-z_]*_dep|dependency\([[:space:]]*.(cairo|pango))'

# no_deps FILE PATTERN WHAT — one check: the meson file FILE names no dependency matching PATTERN
no_deps ()
{
  if [ ! -f "$1" ]; then
    ok "$1 depends on no $3 (no $1 yet)"
    return
  fi
  if hits=$(grep -nE "$2" "$1" | grep -vE '^[0-9]+:[[:space:]]*#'); then
    not_ok "$1 depends on no $3"
    diag "$hits"
  else
    ok "$1 depends on no $3"
  fi
}

no_deps src/core/meson.build "$toolkit_dep" "GTK/libadwaita"
no_deps src/render/meson.build "$toolkit_dep" "GTK/libadwaita"
no_deps src/core/meson.build "$drawing_dep" "cairo or pango"

# The headless path may include core and render headers only: a quoted include whose file lives
# under src/ui (by its path or its name) breaks it.
if [ ! -d src/cli ]; then
  ok "src/cli includes nothing from src/ui (no src/cli yet)"
else
  hits=
  tmp=$(mktemp) || fail_early "mktemp failed"
  grep -rnE "${include}\"[^\"]+\"" src/cli >"$tmp" || true
  while IFS= read -r line; do
    header=$(printf '%s\n' "$line" | sed -n 's/^[^:]*:[0-9]*:.*"\([^"]*\)".*/\1/p')
    [ -n "$header" ] || continue
    case $header in
      ui/*|*/ui/*) hits="$hits$line
" ;;
      *)
        if [ -d src/ui ] && [ -n "$(find src/ui -type f -name "$(basename "$header")" | head -n 1)" ]; then
          hits="$hits$line
"
        fi ;;
    esac
  done <"$tmp"
  rm -f "$tmp"
  hits=$(printf '%s' "$hits")
  if [ -n "$hits" ]; then
    not_ok "src/cli includes nothing from src/ui"
    diag "$hits"
  else
    ok "src/cli includes nothing from src/ui"
  fi
fi

finish
