#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The built desktop entry validates and points at the right icon and binary.
# Usage: test-desktop-file.sh BUILT.desktop

. "$(dirname "$0")/tap.sh"

require desktop-file-validate

file=${1:?usage: $0 BUILT.desktop}
[ -f "$file" ] || fail_early "$file does not exist"

# desktop-file-validate exits 0 on warnings and hints: treat any output as a failure too.
if out=$(desktop-file-validate "$file" 2>&1) && [ -z "$out" ]; then
  ok "desktop-file-validate $(basename "$file")"
else
  not_ok "desktop-file-validate $(basename "$file")"
  diag "$out"
fi

app_id=$(basename "$file" .desktop)
icon=$(sed -n 's/^Icon=//p' "$file")
if [ "$icon" = "$app_id" ]; then
  ok "Icon is the application id ($app_id)"
else
  not_ok "Icon is the application id: expected '$app_id', found '$icon'"
fi

exec_line=$(sed -n 's/^Exec=//p' "$file")
case $exec_line in
  hearth|hearth\ *) ok "Exec runs hearth" ;;
  *) not_ok "Exec runs hearth: found '$exec_line'" ;;
esac

if grep -q '^Comment=..*' "$file"; then
  ok "has a Comment"
else
  not_ok "has a Comment"
fi

if grep -q '^Comment\[de\]=' "$file"; then
  ok "carries the German translation"
elif [ -f "${HEARTH_SOURCE_ROOT:-/nonexistent}/po/de.po" ]; then
  not_ok "carries the German translation (po/de.po exists but Comment[de] is missing)"
else
  skip "carries the German translation" "po/de.po does not exist yet"
fi

finish
