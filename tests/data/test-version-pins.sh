#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The API ceiling holds (DESIGN §2): the top meson.build pins GLib, GDK, libadwaita and json-glib
# to the Debian 12 floor with *_VERSION_MIN_REQUIRED and *_VERSION_MAX_ALLOWED and builds with
# -Werror=deprecated-declarations, and nothing in the tree silences those warnings again.
# Usage: test-version-pins.sh [SOURCE_ROOT]

. "$(dirname "$0")/tap.sh"

root=$(source_root "${1:-}")
cd "$root" || fail_early "cannot enter the source root $root"
[ -f meson.build ] || fail_early "meson.build does not exist in $root"

# prefix floor
while read -r prefix floor; do
  for macro in MIN_REQUIRED MAX_ALLOWED; do
    if grep -Eq -- "-D${prefix}_VERSION_${macro}=${prefix}_VERSION_${floor}([^0-9_]|\$)" meson.build; then
      ok "meson.build sets ${prefix}_VERSION_${macro}=${prefix}_VERSION_${floor}"
    else
      not_ok "meson.build sets ${prefix}_VERSION_${macro}=${prefix}_VERSION_${floor}"
      diag "found: $(grep -o -- "-D${prefix}_VERSION_${macro}=[A-Z0-9_]*" meson.build || echo nothing)"
    fi
  done
done <<PINS
GLIB 2_74
GDK 4_8
ADW 1_2
JSON 1_6
PINS

if grep -q -- "-Werror=deprecated-declarations" meson.build; then
  ok "meson.build builds with -Werror=deprecated-declarations"
else
  not_ok "meson.build builds with -Werror=deprecated-declarations"
fi

# Every meson file of the tree, leaving out meson build directories (they hold meson-private/),
# Flatpak state (it holds copies of the tree), git and subprojects.
meson_files=$(find . \( -name .git -o -name .flatpak-builder -o -name subprojects -o -name node_modules \) -prune -o \
                -type d -exec test -d '{}/meson-private' ';' -prune -o \
                \( -name meson.build -o -name meson_options.txt -o -name meson.options \) -type f -print |
              LC_ALL=C sort)

# shellcheck disable=SC2086 # the paths have no spaces
if hits=$(grep -nE -- '-Wno-(error=)?deprecated-declarations|-Wno-deprecated([^-]|$)' $meson_files); then
  not_ok "no meson file silences deprecation warnings (-Wno-deprecated-declarations)"
  diag "$hits"
else
  ok "no meson file silences deprecation warnings (-Wno-deprecated-declarations)"
fi

# *_DISABLE_DEPRECATION_WARNINGS also hides calls above the ceiling.
# shellcheck disable=SC2086
if hits=$( (grep -nE -- '[A-Z]+_DISABLE_DEPRECATION_WARNINGS' $meson_files;
            [ -d src ] && grep -rnE '^[[:space:]]*#[[:space:]]*define[[:space:]]+[A-Z]+_DISABLE_DEPRECATION_WARNINGS' src) ); then
  not_ok "nothing defines *_DISABLE_DEPRECATION_WARNINGS"
  diag "$hits"
else
  ok "nothing defines *_DISABLE_DEPRECATION_WARNINGS"
fi

finish
