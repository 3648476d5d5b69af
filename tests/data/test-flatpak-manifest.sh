#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Flatpak manifest parses without a single warning, and its sandbox is the minimal one: a
# display (Wayland, X11 as fallback), IPC for X11 and the GPU — no network, no files.
# Usage: test-flatpak-manifest.sh MANIFEST

. "$(dirname "$0")/tap.sh"

require flatpak-builder

manifest=${1:?usage: $0 MANIFEST}
[ -f "$manifest" ] || fail_early "$manifest does not exist"
case $manifest in
  /*) ;;
  *) manifest=$(pwd)/$manifest ;;
esac

tmp=$(mktemp -d) || fail_early "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

# fatal-warnings turns unknown keys and wrong types into failures. flatpak-builder leaves a
# .flatpak-builder folder in its working directory: keep it out of the source tree.
if out=$(cd "$tmp" && G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" 2>&1 >"$tmp/shown.json"); then
  ok "G_DEBUG=fatal-warnings flatpak-builder --show-manifest $(basename "$manifest")"
else
  not_ok "G_DEBUG=fatal-warnings flatpak-builder --show-manifest $(basename "$manifest")"
  diag "$out"
fi

expected='--device=dri
--share=ipc
--socket=fallback-x11
--socket=wayland'

if have jq; then
  finish_args=$(jq -r '."finish-args"[]' "$manifest" | LC_ALL=C sort)
  app_facts=$(jq -r '[.id, .command, .runtime, .sdk, (.modules[-1].name), (.modules[-1]."run-tests" | tostring)] | join(" ")' "$manifest")
elif have python3; then
  finish_args=$(python3 -c 'import json, sys
for a in json.load(open(sys.argv[1]))["finish-args"]: print(a)' "$manifest" | LC_ALL=C sort)
  app_facts=$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1])); last = m["modules"][-1]
print(" ".join([m["id"], m["command"], m["runtime"], m["sdk"], last["name"], str(last.get("run-tests", False)).lower()]))' "$manifest")
else
  finish_args=
  app_facts=
fi

if ! have jq && ! have python3; then
  if tools_required; then
    not_ok "jq or python3 missing (HEARTH_REQUIRE_TOOLS=1)"
  else
    skip "finish-args are exactly the minimal set" "jq and python3 missing"
  fi
else
  if [ "$finish_args" = "$expected" ]; then
    ok "finish-args are exactly --share=ipc --socket=fallback-x11 --socket=wayland --device=dri"
  else
    not_ok "finish-args are exactly --share=ipc --socket=fallback-x11 --socket=wayland --device=dri"
    diag "found:" "$finish_args"
  fi
  if [ "$app_facts" = "io.github.hearthapp.Hearth hearth org.gnome.Platform org.gnome.Sdk hearth true" ]; then
    ok "id, command, runtime and sdk are Hearth's, and the hearth module runs its tests"
  else
    not_ok "id, command, runtime and sdk are Hearth's, and the hearth module runs its tests"
    diag "found: $app_facts"
  fi
fi

# Every -Dname=value the manifest passes to meson must be an option of this project (or a meson
# built-in): meson refuses unknown options, and only a real Flatpak build would find out.
root=$(dirname "$manifest")/..
unknown=""
for opt in $(grep -oE '"-D[A-Za-z_]+=' "$manifest" | sed 's/^"-D//; s/=$//'); do
  case $opt in
    b_*|buildtype|prefix|libdir|optimization|debug|werror|warning_level|default_library) continue ;;
  esac
  grep -q "option('$opt'" "$root/meson_options.txt" || unknown="$unknown $opt"
done
if [ -z "$unknown" ]; then
  ok "every meson option in config-opts exists in meson_options.txt"
else
  not_ok "every meson option in config-opts exists in meson_options.txt"
  diag "unknown:$unknown"
fi

# Anywhere in the file, build-args included.
if hits=$(grep -nE -- '--share=network|--filesystem' "$manifest"); then
  not_ok "no network or filesystem access anywhere in the manifest"
  diag "$hits"
else
  ok "no network or filesystem access anywhere in the manifest"
fi

finish
