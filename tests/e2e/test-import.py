#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, importing: start the real binary on a fresh database, import the sample program
# from the welcome page ("Try the Sample Program"), then import the same file again through
# the primary menu's "Import…" and GTK's own file chooser, merging it into the program, and
# finally read the database the app left behind. AT-SPI only, like test-first-run.py, whose
# helpers (and GTK 4.8 notes) this reuses.
#
#   test-import.py [PATH-TO-HEARTH]
#
# Prints TAP; skips like test-first-run.py (HEARTH_REQUIRE_TOOLS=1 makes a skip a failure).
#
# More GTK 4.8 notes (see test-first-run.py for the rest):
# - An icon-only GtkMenuButton is named after its type, "GtkMenuButton": the tooltip ("Main
#   Menu") is not its accessible name. It offers no action itself; the toggle button inside does.
# - The file chooser has no location entry until a path is typed, and Component.grabFocus is not
#   implemented ("atspi_error"). Some steps therefore synthesize keys (Registry.
#   generateKeyboardEvent, XTest under Xvfb): typing "/" into the chooser, Tab and Return to
#   activate an activatable AdwActionRow (no Action, and its list has no selection).
# - generateKeyboardEvent takes a keysym only with KEY_SYM: KEY_PRESSRELEASE wants a keycode,
#   and 0xff09 (Tab) as a keycode is 9, Escape, which closes the dialog.
# - The chooser and the import dialog share the title "Import Program".

import os

import hearth_e2e_boot

HERE = hearth_e2e_boot.HERE
hearth_e2e_boot.ensure_system_python(__file__)
e2e = hearth_e2e_boot.import_helpers(globals())

SAMPLE_NAME = 'Lanternfly Makers Collective'
SAMPLE_MEMBERS = 150
SAMPLE_PATH = os.path.normpath(os.path.join(HERE, '..', '..', 'data', 'sample-program.json'))
STEP_TIMEOUT = 15
TOTAL_TIMEOUT = 105

STEPS = [
    'the app starts and shows the welcome page',
    '"Try the Sample Program" opens the import dialog with the sample\'s name and 150 members',
    '"Import as New Program" closes the dialog and shows the program',
    'a toast says "Imported “%s”: 150 members"' % SAMPLE_NAME,
    'the primary menu\'s "Import…" opens GTK\'s file chooser',
    'typing the sample\'s path and "Open" opens the import dialog',
    'the merge preview shows Members "150 unchanged"',
    '"Merge" closes the dialog with a toast "0 added, 0 updated, 0 deleted"',
    'closing the window quits the app cleanly',
    'the app logged no warning or critical',
    'the database holds one program "%s" with 150 live members' % SAMPLE_NAME,
]


KEY_TAB = 0xff09
KEY_RETURN = 0xff0d


def safe_walk(node):
    """walk(), skipping objects that go away meanwhile."""
    try:
        kids = list(children(node))
    except Exception:
        return
    yield node
    for child in kids:
        yield from safe_walk(child)


def focused_in(root):
    for n in safe_walk(root):
        try:
            if has_state(n, state('FOCUSED')):
                return n
        except Exception:
            pass
    return None


def focus_row(window, target, tries=20):
    """Presses Tab until target has the keyboard focus."""
    import pyatspi
    wait_for('a focused widget in %r' % window.name, lambda: focused_in(window))
    seen = []
    for _ in range(tries):
        if has_state(target, state('FOCUSED')):
            diag('Tab pressed %d times to reach %r' % (len(seen), target.name))
            return
        before = focused_in(window)
        pyatspi.Registry.generateKeyboardEvent(KEY_TAB, None, pyatspi.KEY_SYM)
        try:
            after = wait_for('the focus to move', lambda: (lambda f: f if f is not None and
                                                           f != before else None)(focused_in(window)),
                             timeout=3)
        except StepFailed:
            after = before
        try:
            seen.append('[%s] %r' % (role(after), after.name) if after is not None else 'none')
        except Exception as e:
            seen.append(repr(e))
    raise StepFailed('Tab never reached the row (gone: %s, window gone: %s); the focus went %s'
                     % (is_gone(target), is_gone(window), ' → '.join(seen)))


def labels_with(root, fragment):
    """Labels on screen whose text contains fragment."""
    found = []
    for node in walk(root):
        if role(node) == 'label' and fragment in (node.name or '') + '\n' + text_of(node):
            if is_on_screen(node):
                found.append(node)
    return found


class Import:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, 'import.db')
        self.log_path = os.path.join(tmp, 'hearth.log')
        self.proc = None
        self.app = None
        self.main = None
        self.dialog = None
        self.chooser = None

    def window_named(self, name):
        return next((w for w in children(self.app) if w.name == name), None)

    # 1
    def start(self):
        check(os.path.isfile(SAMPLE_PATH), 'no sample at %s' % SAMPLE_PATH)
        launch_app(self)
        wait_for('"Welcome to Hearth" on screen',
                 lambda: on_screen(self.main, 'label', 'Welcome to Hearth'))

    def wait_import_dialog(self):
        # The file chooser has the same title: the import dialog is the live "Import Program"
        # window that shows the file's program name.
        def dialog():
            for window in children(self.app):
                if window.name == 'Import Program' and not is_gone(window) and \
                   labels_with(window, SAMPLE_NAME):
                    return window
            return None

        self.dialog = wait_for('the "Import Program" dialog showing %r' % SAMPLE_NAME, dialog,
                               timeout=STEP_TIMEOUT)

    # 2
    def try_sample(self):
        button = wait_for('"Try the Sample Program" on screen',
                          lambda: on_screen(self.main, 'push button', 'Try the Sample Program'))[0]
        do_action(button)
        self.wait_import_dialog()

        def members():
            row = find_one(self.dialog, 'list item', 'Members') or \
                next((n for n in walk(self.dialog) if 'Members' in spoken_names(n)), None)
            if row is None:
                return None
            return [n for n in walk(row) if role(n) == 'label'
                    and text_of(n).strip() == str(SAMPLE_MEMBERS)]

        wait_for('"Members" showing %d' % SAMPLE_MEMBERS, members, timeout=STEP_TIMEOUT)

    # 3
    def import_new(self):
        button = wait_for('"Import as New Program" sensitive',
                          lambda: next((b for b in find_all(self.dialog, 'push button',
                                                            'Import as New Program')
                                        if has_state(b, state('SENSITIVE'))), None))
        do_action(button)
        wait_for('the import dialog to close', lambda: is_gone(self.dialog), timeout=STEP_TIMEOUT)
        self.dialog = None
        switchers = wait_for('the "Switch Program" button',
                             lambda: find_all(self.main, 'push button', 'Switch Program'))
        switcher = switchers[0]

        def shown():
            inside = [n for n in on_screen(self.main, 'label', SAMPLE_NAME)
                      if text_of(n) == SAMPLE_NAME]
            return [n for n in inside if is_inside(n, switcher)] and \
                [n for n in inside if not is_inside(n, switcher)]

        wait_for('%r in the program switcher and the window subtitle' % SAMPLE_NAME, shown,
                 timeout=STEP_TIMEOUT)

    # 4
    def import_toast(self):
        expected = 'Imported “%s”: %d members' % (SAMPLE_NAME, SAMPLE_MEMBERS)
        wait_for('a toast %r' % expected, lambda: labels_with(self.main, expected),
                 timeout=STEP_TIMEOUT)

    # 5
    def open_chooser(self):
        # GTK 4.8 names an icon-only GtkMenuButton after its type ("GtkMenuButton"): its tooltip
        # "Main Menu" is not its accessible name. The welcome page has its own (now hidden) one;
        # the one on screen is the program pages'.
        menus = [b for b in find_all(self.main, 'push button')
                 if b.name in ('Main Menu', 'GtkMenuButton') and role(b.parent) != 'push button']
        check(menus, 'no "Main Menu" button')
        # The menu button holds a toggle button, which offers the action.
        menu = next((c for c in children(menus[-1]) if role(c) == 'push button'), menus[-1])
        do_action(menu)
        item = wait_for('the "Import…" menu item',
                        lambda: next((n for n in walk(self.main)
                                      if 'Import…' in spoken_names(n)
                                      and role(n) not in ('label',)), None))
        do_action(item)
        self.chooser = wait_for('the file chooser "Import Program"',
                                lambda: self.window_named('Import Program'), timeout=STEP_TIMEOUT)

    # 6
    def choose_file(self):
        import pyatspi
        # GTK 4.8's chooser creates its location entry only once a path is typed: AT-SPI has
        # no other way in than synthesized keys (XTest), to the chooser which has the focus.
        wait_for('a focused widget in the file chooser', lambda: focused_in(self.chooser))
        pyatspi.Registry.generateKeyboardEvent(0, '/', pyatspi.KEY_STRING)
        entry = wait_for('the location entry',
                         lambda: next((n for n in walk(self.chooser) if role(n) == 'text'
                                       and 'EditableText' in interfaces(n)
                                       and text_of(n).startswith('/')), None))
        set_text(entry, SAMPLE_PATH)
        wait_for('the location entry to read %r' % SAMPLE_PATH,
                 lambda: text_of(entry) == SAMPLE_PATH)
        button = wait_for('the "Open" button',
                          lambda: next((b for b in find_all(self.chooser, 'push button', 'Open')
                                        if has_state(b, state('SENSITIVE'))), None))
        do_action(button)
        wait_for('the file chooser to close', lambda: is_gone(self.chooser), timeout=STEP_TIMEOUT)
        self.chooser = None
        self.wait_import_dialog()

    # 7
    def preview(self):
        import pyatspi
        target = 'Merge into “%s”' % SAMPLE_NAME
        row = wait_for('the row %r, sensitive' % target,
                       lambda: next((n for n in walk(self.dialog) if role(n) == 'list item'
                                     and target in spoken_names(n)
                                     and has_state(n, state('SENSITIVE'))), None),
                       timeout=STEP_TIMEOUT)
        # An activatable row offers no AT-SPI action, its list no selection, and GTK 4.8 does
        # not implement Component.grabFocus: Tab to it and press Return, as a keyboard user
        # would (keys are synthesized through XTest, to the dialog, which has the focus).
        focus_row(self.dialog, row)
        pyatspi.Registry.generateKeyboardEvent(KEY_RETURN, None, pyatspi.KEY_SYM)

        def members_unchanged():
            for item in walk(self.dialog):
                if role(item) == 'list item' and 'Members' in spoken_names(item) and \
                   any(role(n) == 'label' and text_of(n) == '%d unchanged' % SAMPLE_MEMBERS
                       and is_on_screen(n) for n in walk(item)):
                    return True
            return False

        wait_for('the preview row "Members" with "%d unchanged"' % SAMPLE_MEMBERS,
                 members_unchanged, timeout=STEP_TIMEOUT)

    # 8
    def merge(self):
        button = wait_for('"Merge" on screen and sensitive',
                          lambda: next((b for b in on_screen(self.dialog, 'push button', 'Merge')
                                        if has_state(b, state('SENSITIVE'))), None))
        do_action(button)
        wait_for('the import dialog to close', lambda: is_gone(self.dialog), timeout=STEP_TIMEOUT)
        self.dialog = None
        expected = 'Merged “%s”: 0 added, 0 updated, 0 deleted' % SAMPLE_NAME
        wait_for('a toast %r' % expected, lambda: labels_with(self.main, expected),
                 timeout=STEP_TIMEOUT)

    # 9
    def close(self):
        close_app(self.main, self.proc)

    # 10
    def log_clean(self):
        check_log_clean(self.proc, self.log_path)

    # 11
    def check_database(self):
        programs = query_database(self.database,
                                  'SELECT id, name FROM program WHERE deleted_at IS NULL')
        check([name for _, name in programs] == [SAMPLE_NAME],
              'programs are %r, expected one %r' % (programs, SAMPLE_NAME))
        [(count,)] = query_database(
            self.database,
            'SELECT count(*) FROM member WHERE program_id = ? AND deleted_at IS NULL',
            (programs[0][0],))
        check(count == SAMPLE_MEMBERS, '%d live members, expected %d' % (count, SAMPLE_MEMBERS))


def main():
    def steps_of(run):
        flow = [run.start, run.try_sample, run.import_new, run.import_toast, run.open_chooser,
                run.choose_file, run.preview, run.merge]
        steps = chain(flow)
        # The toast is not needed by the chooser; the menu only needs the imported program.
        steps[4] = (run.open_chooser, {1, 2, 3})
        steps += [(run.close, {1}), (run.log_clean, {1}), (run.check_database, {1, 2, 3})]
        return steps

    run_script(Import, STEPS, TOTAL_TIMEOUT, steps_of)


if __name__ == '__main__':
    main()
