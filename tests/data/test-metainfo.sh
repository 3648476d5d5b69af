#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The built AppStream metainfo validates (offline) and agrees with the desktop entry and the
# project version.
# Usage: test-metainfo.sh BUILT.metainfo.xml [PROJECT_VERSION]

. "$(dirname "$0")/tap.sh"

require appstreamcli

file=${1:?usage: $0 BUILT.metainfo.xml [PROJECT_VERSION]}
version=${2:-}
[ -f "$file" ] || fail_early "$file does not exist"

# Not --strict: that fails on info-level notes, and AppStream 0.16 (Debian 12) reports the
# <developer> tag of AppStream 1.0 as an info-level "unknown-tag".
if out=$(appstreamcli validate --no-net --no-color "$file" 2>&1); then
  ok "appstreamcli validate --no-net $(basename "$file")"
  if printf '%s\n' "$out" | grep -q '^W:'; then
    not_ok "no AppStream warnings"
    diag "$out"
  else
    ok "no AppStream warnings"
  fi
else
  not_ok "appstreamcli validate --no-net $(basename "$file")"
  diag "$out"
fi

app_id=$(basename "$file" .metainfo.xml)
id=$(sed -n 's|.*<id>\(.*\)</id>.*|\1|p' "$file" | head -n 1)
if [ "$id" = "$app_id" ]; then
  ok "component id is the application id ($app_id)"
else
  not_ok "component id is the application id: expected '$app_id', found '$id'"
fi

if grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$file"; then
  ok "launchable names $app_id.desktop"
else
  not_ok "launchable names $app_id.desktop"
fi

if [ -n "$version" ]; then
  latest=$(sed -n 's|.*<release [^>]*version="\([^"]*\)".*|\1|p' "$file" | head -n 1)
  if [ "$latest" = "$version" ]; then
    ok "newest release is the project version ($version)"
  else
    not_ok "newest release is the project version: expected '$version', found '$latest'"
  fi
fi

finish
