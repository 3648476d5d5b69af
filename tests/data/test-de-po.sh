#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The German translation is complete: po/de.po compiles with checks, has no untranslated or
# fuzzy entry, and holds every message of a template freshly extracted from po/POTFILES.in (so a
# new string in the code cannot ship untranslated just because nobody refreshed the catalog).
# Usage: test-de-po.sh [SOURCE_ROOT]

. "$(dirname "$0")/tap.sh"

require msgfmt xgettext msgcmp

root=$(source_root "${1:-}")
po=po/de.po

cd "$root" || fail_early "cannot enter the source root $root"
[ -f po/POTFILES.in ] || fail_early "po/POTFILES.in does not exist"
[ -f "$po" ] || fail_early "$po does not exist yet: generate po/hearth.pot (ninja -C build hearth-pot), then msginit -l de -i po/hearth.pot -o po/de.po and translate every message"

tmp=$(mktemp -d) || fail_early "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

# msgids — reads a PO file on stdin, prints each msgid (context first) on one line, header left out
msgids ()
{
  awk '
    function flush () { if (id != "") print (ctx != "" ? "[" ctx "] " : "") id; id = ""; ctx = ""; state = "" }
    /^msgctxt / { flush(); ctx = substr($0, 9); state = "ctx"; next }
    /^msgid /   { if (state != "ctx") flush(); id = substr($0, 7); state = "id"; next }
    /^"/        { if (state == "id") id = id $0; else if (state == "ctx") ctx = ctx $0; next }
                { if (state == "id") flush(); state = "" }
    END         { flush() }
  ' | sed -e 's/^\(\[[^]]*\] \)\{0,1\}""/\1/' -e 's/""//g' | grep -v '^$' || true
}

# diag_stdin — diag for every line on stdin
diag_stdin ()
{
  sed 's/^/# /' >&2
}

# 1. It compiles with format and header checks, and nothing is untranslated or fuzzy.
if stats=$(LC_ALL=C msgfmt --check --statistics -o "$tmp/de.mo" "$po" 2>&1); then
  case $stats in
    *fuzzy*|*untranslated*)
      not_ok "$po is complete (no fuzzy or untranslated entries)"
      diag "$stats"
      # Name the entries, so the fix is obvious.
      if have msgattrib; then
        msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" 2>/dev/null | msgids | sed 's/^/fuzzy: /' | diag_stdin
        msgattrib --untranslated --no-obsolete --no-wrap "$po" 2>/dev/null | msgids | sed 's/^/untranslated: /' | diag_stdin
      fi
      ;;
    *)
      ok "$po compiles with msgfmt --check and is complete"
      diag "$stats"
      ;;
  esac
else
  not_ok "$po compiles with msgfmt --check"
  diag "$stats"
fi

# 2. A fresh template, extracted the way meson's glib preset does it.
if out=$(LC_ALL=C xgettext \
           --files-from=po/POTFILES.in \
           --directory=. \
           --output="$tmp/hearth.pot" \
           --from-code=UTF-8 \
           --add-comments \
           --package-name=hearth \
           --keyword=_ \
           --keyword=N_ \
           --keyword=C_:1c,2 \
           --keyword=NC_:1c,2 \
           --keyword=g_dcgettext:2 \
           --keyword=g_dngettext:2,3 \
           --keyword=g_dpgettext2:2c,3 \
           --flag=N_:1:pass-c-format \
           --flag=C_:2:pass-c-format \
           --flag=NC_:2:pass-c-format \
           --flag=g_dngettext:2:pass-c-format \
           --flag=g_strdup_printf:1:c-format \
           --flag=g_string_printf:2:c-format \
           --flag=g_string_append_printf:2:c-format \
           --flag=g_error_new:3:c-format \
           --flag=g_set_error:4:c-format \
           --flag=g_markup_printf_escaped:1:c-format \
           --flag=g_printerr:1:c-format \
           --flag=g_print:1:c-format 2>&1) && [ -f "$tmp/hearth.pot" ]; then
  ok "xgettext extracts a fresh template from po/POTFILES.in"
  [ -n "$out" ] && diag "$out"
else
  not_ok "xgettext extracts a fresh template from po/POTFILES.in"
  diag "$out"
  finish
fi

# 3. Every message of the fresh template is in de.po (its translation is checked by step 1).
if out=$(LC_ALL=C msgcmp --use-untranslated --use-fuzzy "$po" "$tmp/hearth.pot" 2>&1); then
  ok "$po holds every message of the fresh template"
else
  not_ok "$po holds every message of the fresh template (run msgmerge --update $po po/hearth.pot, then translate)"
  # msgcmp names lines of the temporary template: name the messages instead.
  if have msgattrib && have msgmerge &&
     msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/hearth.pot" 2>/dev/null; then
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" 2>/dev/null | msgids |
      sed 's/^/not in de.po or untranslated: /' | diag_stdin
  else
    diag "$out"
  fi
fi

finish
