#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, importing activity: a database holding one program (the sample, imported with
# `hearth --import` before the app starts), then the primary menu's "Import Activity…", GTK's own
# file chooser (opened by the dialog), a DiscordChatExporter JSON file, "Import", and the toast
# that counts what was imported; finally the database the app left behind. AT-SPI only, like
# test-import.py, whose helpers (and GTK 4.8 notes) this reuses.
#
#   test-import-activity.py [PATH-TO-HEARTH]
#
# Prints TAP; skips like test-first-run.py (HEARTH_REQUIRE_TOOLS=1 makes a skip a failure).

import os
import subprocess

import hearth_e2e_boot

HERE = hearth_e2e_boot.HERE
hearth_e2e_boot.ensure_system_python(__file__)
e2e = hearth_e2e_boot.import_helpers(globals())
e2e_import = hearth_e2e_boot.load('hearth_import', 'test-import.py')
focused_in = e2e_import.focused_in
labels_with = e2e_import.labels_with

SAMPLE_NAME = 'Lanternfly Makers Collective'
SAMPLE_PATH = os.path.normpath(os.path.join(HERE, '..', '..', 'data', 'sample-program.json'))
FIXTURE = os.path.normpath(os.path.join(HERE, '..', 'fixtures', 'discord', 'general.json'))
DETECTED = 'Detected: Discord (DiscordChatExporter JSON)'
# What the core counts in the fixture: see tests/fixtures/discord/general.json.
# Ten messages: two joins, seven counted messages of three people (18 activity counts: messages,
# replies, a thread, welcomes, reactions received) and a bot's, which is not counted.
TOAST = 'Imported 7 messages from 1 file: 4 new members, 1 ignored'
NEW_MEMBERS = 4
ACTIVITY = 18
AUTHORS = ('910000000000000001', '910000000000000002', '910000000000000003',
           '910000000000000099')
STEP_TIMEOUT = 15
TOTAL_TIMEOUT = 105

STEPS = [
    'a database holding the sample program, made with hearth --import',
    'the app starts and shows the program',
    'the primary menu\'s "Import Activity…" opens the dialog and GTK\'s file chooser',
    'typing the fixture\'s path and "Open" shows it with "%s"' % DETECTED,
    '"Import" closes the dialog with a toast "%s"' % TOAST,
    'closing the window quits the app cleanly',
    'the app logged no warning or critical',
    'the database holds the new members, their activity and one import batch',
]


class ImportActivity:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, 'import-activity.db')
        self.log_path = os.path.join(tmp, 'hearth.log')
        self.proc = None
        self.app = None
        self.main = None
        self.dialog = None
        self.chooser = None

    def window_named(self, name):
        return next((w for w in children(self.app) if w.name == name and not is_gone(w)), None)

    # 1
    def prepare(self):
        check(os.access(self.binary, os.X_OK), 'no executable at %s' % self.binary)
        check(os.path.isfile(SAMPLE_PATH), 'no sample at %s' % SAMPLE_PATH)
        check(os.path.isfile(FIXTURE), 'no fixture at %s' % FIXTURE)
        env = child_env(self.tmp, self.binary)
        done = subprocess.run([self.binary, '--database', self.database, '--import', SAMPLE_PATH],
                              env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        check(done.returncode == 0, 'hearth --import exited with %d: %s'
              % (done.returncode, done.stderr.decode(errors='replace')))

    # 2
    def start(self):
        launch_app(self)
        wait_for('%r in the window' % SAMPLE_NAME,
                 lambda: [n for n in on_screen(self.main, 'label', SAMPLE_NAME)
                          if text_of(n) == SAMPLE_NAME])

    # 3
    def open_dialog(self):
        # As in test-import.py: the menu button holds the toggle button that offers the action.
        menus = [b for b in find_all(self.main, 'push button')
                 if b.name in ('Main Menu', 'GtkMenuButton') and role(b.parent) != 'push button']
        check(menus, 'no "Main Menu" button')
        menu = next((c for c in children(menus[-1]) if role(c) == 'push button'), menus[-1])
        do_action(menu)
        # The Candidates page has an "Import Activity…" button too (not shown): the menu's is
        # a menu item.
        item = wait_for('the "Import Activity…" menu item',
                        lambda: next((n for n in walk(self.main)
                                      if 'Import Activity…' in spoken_names(n)
                                      and role(n) not in ('label', 'push button')), None))
        do_action(item)
        self.dialog = wait_for('the "Import Activity" dialog',
                               lambda: self.window_named('Import Activity'), timeout=STEP_TIMEOUT)
        self.chooser = wait_for('the file chooser "Choose Activity Files"',
                                lambda: self.window_named('Choose Activity Files'),
                                timeout=STEP_TIMEOUT)

    # 4
    def choose_file(self):
        import pyatspi
        # GTK 4.8's chooser creates its location entry only once a path is typed (see
        # test-import.py): a synthesized "/" first, to the chooser, which has the focus.
        wait_for('a focused widget in the file chooser', lambda: focused_in(self.chooser))
        pyatspi.Registry.generateKeyboardEvent(0, '/', pyatspi.KEY_STRING)
        entry = wait_for('the location entry',
                         lambda: next((n for n in walk(self.chooser) if role(n) == 'text'
                                       and 'EditableText' in interfaces(n)
                                       and text_of(n).startswith('/')), None))
        set_text(entry, FIXTURE)
        wait_for('the location entry to read %r' % FIXTURE, lambda: text_of(entry) == FIXTURE)
        button = wait_for('the "Open" button',
                          lambda: next((b for b in find_all(self.chooser, 'push button', 'Open')
                                        if has_state(b, state('SENSITIVE'))), None))
        do_action(button)
        wait_for('the file chooser to close', lambda: is_gone(self.chooser), timeout=STEP_TIMEOUT)
        self.chooser = None
        wait_for('the file "general.json" in the dialog',
                 lambda: labels_with(self.dialog, 'general.json'), timeout=STEP_TIMEOUT)
        wait_for('%r in the dialog' % DETECTED, lambda: labels_with(self.dialog, DETECTED),
                 timeout=STEP_TIMEOUT)

    # 5
    def import_file(self):
        button = wait_for('"Import" sensitive',
                          lambda: next((b for b in find_all(self.dialog, 'push button', 'Import')
                                        if has_state(b, state('SENSITIVE'))), None),
                          timeout=STEP_TIMEOUT)
        do_action(button)
        wait_for('the dialog to close', lambda: is_gone(self.dialog), timeout=STEP_TIMEOUT)
        self.dialog = None
        try:
            wait_for('a toast %r' % TOAST, lambda: labels_with(self.main, TOAST),
                     timeout=STEP_TIMEOUT)
        except StepFailed:
            shown = [text_of(n) for n in walk(self.main)
                     if role(n) == 'label' and 'Imported' in text_of(n)]
            raise StepFailed('no toast %r; the window shows %r' % (TOAST, shown))

    # 6
    def close(self):
        close_app(self.main, self.proc)

    # 7
    def log_clean(self):
        check_log_clean(self.proc, self.log_path)

    # 8
    def check_database(self):
        authors = ','.join('?' * len(AUTHORS))
        batches = query_database(self.database, 'SELECT format, file_name FROM import_batch')
        # The four authors of the fixture (three people and a bot), and what the people did.
        [(members,)] = query_database(
            self.database,
            "SELECT count(*) FROM member WHERE platform = 'discord' AND deleted_at IS NULL "
            "AND external_id IN (%s)" % authors, AUTHORS)
        [(activity,)] = query_database(
            self.database,
            "SELECT coalesce(sum(a.count), 0) FROM activity a JOIN member m "
            "ON m.id = a.member_id WHERE m.platform = 'discord' "
            "AND m.external_id IN (%s)" % authors, AUTHORS)
        check(batches == [('discord-json', 'general.json')],
              'import batches are %r, expected one for general.json' % (batches,))
        check(members == NEW_MEMBERS, '%d Discord members, expected %d' % (members, NEW_MEMBERS))
        check(activity == ACTIVITY, 'the new members have %d activities, expected %d'
              % (activity, ACTIVITY))


def main():
    def steps_of(run):
        flow = [run.prepare, run.start, run.open_dialog, run.choose_file, run.import_file]
        steps = chain(flow)
        steps += [(run.close, {2}), (run.log_clean, {2}), (run.check_database, {1, 2, 3, 4, 5})]
        return steps

    run_script(ImportActivity, STEPS, TOTAL_TIMEOUT, steps_of)


if __name__ == '__main__':
    main()
