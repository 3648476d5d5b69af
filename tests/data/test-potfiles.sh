#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in is complete and current: every file under src/ and data/ with translatable
# strings is listed, and every listed file exists.
# Usage: test-potfiles.sh [SOURCE_ROOT]

. "$(dirname "$0")/tap.sh"

root=$(source_root "${1:-}")
potfiles=po/POTFILES.in

cd "$root" || fail_early "cannot enter the source root $root"
[ -f "$potfiles" ] || fail_early "$potfiles does not exist"

tmp=$(mktemp -d) || fail_early "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

# The listed files: lines starting with # are comments; an intltool-style "[type: …]" prefix is
# tolerated.
grep -v '^[[:space:]]*#' "$potfiles" |
  sed -e 's/^[[:space:]]*\[[^]]*\][[:space:]]*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' |
  grep -v '^$' >"$tmp/listed" || true

# has_translatable FILE — true when FILE holds strings a translator must see
has_translatable ()
{
  case $1 in
    *.c|*.h)
      grep -Eq '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)[[:space:]]*\(' "$1" ;;
    *.desktop.in|*.desktop.in.in)
      grep -Eq '^(Name|GenericName|Comment|Keywords|X-GNOME-FullName)=' "$1" ;;
    *.metainfo.xml|*.metainfo.xml.in|*.metainfo.xml.in.in|*.appdata.xml|*.appdata.xml.in|*.appdata.xml.in.in)
      grep -Eq '<(name|summary|p|li|caption|developer_name|keyword)[[:space:]>]' "$1" ;;
    *.gschema.xml|*.gschema.xml.in)
      grep -Eq '<(summary|description)[[:space:]>]|l10n=' "$1" ;;
    *.ui|*.ui.in|*.xml|*.xml.in)
      grep -Eq "translatable=[\"']yes[\"']" "$1" ;;
    *)
      return 1 ;;
  esac
}

while IFS= read -r f; do
  if [ -f "$f" ]; then
    ok "$f (named in $potfiles) exists"
    has_translatable "$f" || diag "note: $f is listed but holds no translatable strings"
  else
    not_ok "$f is named in $potfiles but does not exist"
  fi
done <"$tmp/listed"

for dir in src data; do
  [ -d "$dir" ] && find "$dir" -type f
done | LC_ALL=C sort >"$tmp/all"

found=0
while IFS= read -r f; do
  has_translatable "$f" || continue
  found=$((found + 1))
  if grep -Fxq -- "$f" "$tmp/listed"; then
    ok "$f is in $potfiles"
  else
    not_ok "$f has translatable strings but is missing from $potfiles"
  fi
done <"$tmp/all"

if [ "$found" -eq 0 ]; then
  not_ok "found files with translatable strings under src/ and data/"
fi

finish
