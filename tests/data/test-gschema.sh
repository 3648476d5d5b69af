#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GSettings schema in data/ compiles strictly, and — when the build's compiled schema is
# given (the file or its folder) — its keys and defaults are the documented ones.
# Usage: test-gschema.sh SOURCE_DATA_DIR [BUILD/data/gschemas.compiled]

. "$(dirname "$0")/tap.sh"

require glib-compile-schemas

srcdir=${1:?usage: $0 SOURCE_DATA_DIR [BUILD/data/gschemas.compiled]}
builddir=${2:-}
if [ -f "$builddir" ]; then
  builddir=$(dirname "$builddir")
fi
schema_id=io.github.hearthapp.Hearth

[ -f "$srcdir/$schema_id.gschema.xml" ] || fail_early "$srcdir/$schema_id.gschema.xml does not exist"

check "glib-compile-schemas --strict --dry-run $srcdir" \
  glib-compile-schemas --strict --dry-run "$srcdir"

if grep -q "<schema id=\"$schema_id\" path=\"/io/github/hearthapp/Hearth/\"" \
     "$srcdir/$schema_id.gschema.xml"; then
  ok "schema $schema_id lives at /io/github/hearthapp/Hearth/"
else
  not_ok "schema $schema_id lives at /io/github/hearthapp/Hearth/"
fi

if grep -q '<schemalist[^>]*gettext-domain="hearth"' "$srcdir/$schema_id.gschema.xml"; then
  ok "schema list uses the gettext domain hearth"
else
  not_ok "schema list uses the gettext domain hearth"
fi

if [ -z "$builddir" ]; then
  finish
fi

if ! have gsettings; then
  if tools_required; then
    not_ok "gsettings missing (HEARTH_REQUIRE_TOOLS=1)"
  else
    skip "compiled schema has the documented defaults" "gsettings missing"
  fi
  finish
fi

if [ -f "$builddir/gschemas.compiled" ]; then
  ok "the build compiles the schema into $builddir"
else
  not_ok "the build compiles the schema into $builddir"
  finish
fi

# key expected-default
while read -r key expected; do
  if value=$(GSETTINGS_BACKEND=memory gsettings --schemadir "$builddir" get "$schema_id" "$key" 2>&1) &&
     [ "$value" = "$expected" ]; then
    ok "$key defaults to $expected"
  else
    not_ok "$key defaults to $expected"
    diag "found: $value"
  fi
done <<KEYS
window-width 1100
window-height 720
window-maximized false
last-page 'overview'
last-program ''
KEYS

if range=$(gsettings --schemadir "$builddir" range "$schema_id" last-page 2>&1) &&
   [ "$(printf '%s\n' "$range" | tr '\n' ' ')" = "enum 'overview' 'candidates' 'roles' 'recognition' 'feedback' " ]; then
  ok "last-page is one of overview candidates roles recognition feedback"
else
  not_ok "last-page is one of overview candidates roles recognition feedback"
  diag "$range"
fi

finish
