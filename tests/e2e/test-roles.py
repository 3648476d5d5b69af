#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, the Ambassadors & Roles page: the sample program without its roles (imported with
# `hearth --import` before the app starts), a "Welcome Team" role from the empty state's New Role
# menu, Assign… with its top suggestion, two check-ins with low energy in consecutive weeks
# (the previous week through the dialog's week switcher, then this week), and the burnout
# warning in the Ambassadors view; finally what the database holds. AT-SPI only, reusing
# test-first-run.py's and test-candidates.py's helpers.
#
#   test-roles.py [PATH-TO-HEARTH]
#
# Prints TAP; skips like test-first-run.py (HEARTH_REQUIRE_TOOLS=1 makes a skip a failure).

import datetime
import json
import os
import subprocess

import hearth_e2e_boot

HERE = hearth_e2e_boot.HERE
hearth_e2e_boot.ensure_system_python(__file__)
e2e = hearth_e2e_boot.import_helpers(globals())

SAMPLE_NAME = 'Lanternfly Makers Collective'
SAMPLE_PATH = os.path.normpath(os.path.join(HERE, '..', '..', 'data', 'sample-program.json'))
PAGE = 'Ambassadors & Roles'
EMPTY_TITLE = 'Give Every Ambassador a Clear Role'
ROLE = 'Welcome Team'
SUGGESTIONS = 'Suggested members, best fit first'
STEP_TIMEOUT = 15
TOTAL_TIMEOUT = 110

STEPS = [
    'a database holding the sample program without its roles, made with hearth --import',
    'the app starts and shows the program',
    'the sidebar\'s "Ambassadors & Roles" shows the empty state',
    '"New Role" → "Welcome Team" creates the role and shows its goals',
    '"Assign…" suggests members; assigning the top one lists them under the role',
    'a check-in for the previous week with energy 1 is saved',
    'a check-in for this week with energy 2 is saved',
    'the Ambassadors view shows the burnout warning for that member',
    'closing the window quits the app cleanly',
    'the app logged no warning or critical',
    'the database holds the role, the assignment and two check-ins in consecutive weeks',
]


class Roles:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, 'roles.db')
        self.log_path = os.path.join(tmp, 'hearth.log')
        self.proc = None
        self.app = None
        self.main = None
        self.member = None
        self.started_on = None

    def window_named(self, name):
        return next((w for w in children(self.app) if w.name == name and not is_gone(w)), None)

    def labels(self, root, predicate):
        return [t for t in (text_of(n) for n in walk(root) if role(n) == 'label') if predicate(t)]

    def button(self, root, name, roles=('push button',), visible=True):
        """A sensitive button that acts; with visible, hit-tested too (not in dialogs, whose
        hit-tests GTK 4.8 answers unreliably, nor in the role detail's rows, which can be below
        the fold)."""
        return find_button(root, name, roles, on_screen='require' if visible else 'any',
                           timeout=STEP_TIMEOUT)

    # 1
    def prepare(self):
        check(os.access(self.binary, os.X_OK), 'no executable at %s' % self.binary)
        with open(SAMPLE_PATH, encoding='utf-8') as f:
            snapshot = json.load(f)
        for key in ('roles', 'role_goals', 'assignments', 'checkins', 'checkin_goals'):
            snapshot.pop(key, None)
        stripped = os.path.join(self.tmp, 'sample-without-roles.json')
        with open(stripped, 'w', encoding='utf-8') as f:
            json.dump(snapshot, f, ensure_ascii=False)
        env = child_env(self.tmp, self.binary)
        done = subprocess.run([self.binary, '--database', self.database, '--import', stripped],
                              env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        check(done.returncode == 0, 'hearth --import exited with %d: %s'
              % (done.returncode, done.stderr.decode(errors='replace')))
        (as_of,), = self.read_database('SELECT as_of FROM program WHERE deleted_at IS NULL')
        self.started_on = (datetime.date.fromisoformat(as_of)
                           - datetime.timedelta(days=14)).isoformat()

    def read_database(self, query, parameters=()):
        return query_database(self.database, query, parameters)

    # 2
    def start(self):
        launch_app(self)
        wait_for('%r in the window' % SAMPLE_NAME,
                 lambda: [n for n in walk(self.main)
                          if role(n) == 'label' and text_of(n) == SAMPLE_NAME
                          and is_on_screen(n)])

    # 3
    def show_page(self):
        select_page(self.main, PAGE)
        wait_for('%r on screen' % EMPTY_TITLE,
                 lambda: [n for n in walk(self.main) if role(n) == 'label'
                          and text_of(n) == EMPTY_TITLE and is_on_screen(n)])

    # 4
    def create_role(self):
        do_action(self.button(self.main, 'New Role', roles=('push button', 'toggle button')))
        # The popover's items are menu items with an action of their own; the popover is a
        # surface of its own, so they are not hit-tested.
        def menu_items():
            return [n for n in walk(self.app) if role(n) == 'menu item' and n.name]
        items = wait_for('the New Role menu', menu_items, timeout=STEP_TIMEOUT)
        names = [n.name for n in items]
        diag('New Role menu: %r' % names)
        target = next((n for n in items if ROLE in spoken_names(n)), None)
        check(target is not None, 'no %r in the menu: %r' % (ROLE, names))
        do_action(target)
        wait_for('the %r heading and its goals' % ROLE,
                 lambda: self.labels(self.main, lambda t: t == ROLE)
                 and self.labels(self.main, lambda t: t == 'Weekly Goals')
                 and self.labels(self.main, lambda t: t.startswith('Measured from ')),
                 timeout=STEP_TIMEOUT)

    # 5
    def assign_top(self):
        do_action(self.button(self.main, 'Assign…'))
        dialog = wait_for('the "Assign to %s" window' % ROLE,
                          lambda: self.window_named('Assign to %s' % ROLE), timeout=STEP_TIMEOUT)
        suggestions = wait_for('the suggestions',
                               lambda: next((n for n in walk(dialog) if n.name == SUGGESTIONS
                                             and role(n) == 'list' and n.childCount > 0), None),
                               timeout=30)
        # The row inside the list item carries the name: "<member>, fit N of 100".
        first = next((n for n in walk(suggestions.getChildAtIndex(0))
                      if ', fit ' in (n.name or '')), None)
        check(first is not None, 'the first suggestion has no "<name>, fit N of 100" row')
        self.member = first.name.rsplit(', fit ', 1)[0]
        why = [t for t in self.labels(first, lambda t: t != self.member and t)]
        diag('top suggestion: %s; %r' % (first.name, why))
        check(suggestions.querySelection().selectChild(0), 'Selection.selectChild(0) failed')
        # Two weeks of check-ins need the role to have started the week before.
        starts = next((n for n in walk(dialog) if 'EditableText' in interfaces(n)
                       and any(name.startswith('Starts On') for name in spoken_names(n))), None)
        check(starts is not None, 'no "Starts On" entry')
        set_text(starts, self.started_on)
        do_action(self.button(dialog, 'Assign', visible=False))
        wait_for('the dialog to close', lambda: is_gone(dialog), timeout=STEP_TIMEOUT)
        self.button(self.main, 'Check in %s' % self.member, visible=False)

    def check_in(self, energy, previous_week):
        do_action(self.button(self.main, 'Check in %s' % self.member, visible=False))
        dialog = wait_for('the "Check-In" window', lambda: self.window_named('Check-In'),
                          timeout=STEP_TIMEOUT)
        if previous_week:
            before = self.labels(dialog, lambda t: t.startswith('Week '))
            do_action(self.button(dialog, 'Previous Week', visible=False))
            wait_for('the week to change from %r' % before,
                     lambda: [t for t in self.labels(dialog, lambda t: t.startswith('Week '))
                              if t not in before], timeout=STEP_TIMEOUT)
        def energy_button():
            return next((n for n in walk(dialog) if role(n) in ('toggle button', 'push button')
                         and (n.name or '').startswith('Energy %d of 5' % energy)), None)
        try:
            level = wait_for('the "Energy %d of 5" button' % energy, energy_button)
        except StepFailed:
            diag('buttons in the dialog: %r' % [(role(n), n.name) for n in walk(dialog)
                                                 if 'button' in role(n)])
            raise
        do_action(level)
        # GTK 4.8 reports a pressed toggle button as PRESSED (later versions as CHECKED).
        wait_for('energy %d pressed' % energy,
                 lambda: has_state(level, state('PRESSED')) or has_state(level, state('CHECKED')))
        do_action(self.button(dialog, 'Save', visible=False))
        wait_for('the dialog to close', lambda: is_gone(dialog), timeout=STEP_TIMEOUT)

    # 6
    def check_in_last_week(self):
        self.check_in(1, previous_week=True)

    # 7
    def check_in_this_week(self):
        self.check_in(2, previous_week=False)

    # 8
    def see_burnout(self):
        switch = wait_for('the "Ambassadors" view switch',
                          lambda: next((n for n in walk(self.main)
                                        if role(n) in ('toggle button', 'push button',
                                                       'radio button', 'page tab')
                                        and 'Ambassadors' in spoken_names(n)
                                        and is_on_screen(n)), None))
        do_action(switch)
        sentence = '%s: low energy in the last two check-ins' % self.member
        wait_for('%r' % sentence,
                 lambda: self.labels(self.main, lambda t: t == sentence), timeout=STEP_TIMEOUT)

    # 9
    def close(self):
        close_app(self.main, self.proc)

    # 10
    def log_clean(self):
        check_log_clean(self.proc, self.log_path)

    # 11
    def check_database(self):
        roles = self.read_database("SELECT id, preset FROM role WHERE name = ? "
                                   "AND deleted_at IS NULL", (ROLE,))
        check(len(roles) == 1 and roles[0][1] == 'welcome_team', 'roles: %r' % roles)
        rows = self.read_database(
            'SELECT a.id, m.status FROM assignment a JOIN member m ON m.id = a.member_id '
            'WHERE a.role_id = ? AND m.display_name = ? AND a.ended_on IS NULL '
            'AND a.deleted_at IS NULL', (roles[0][0], self.member))
        check(len(rows) == 1 and rows[0][1] == 'ambassador',
              'assignments of %r: %r' % (self.member, rows))
        checkins = self.read_database('SELECT iso_week, energy FROM checkin WHERE '
                                      'assignment_id = ? AND deleted_at IS NULL '
                                      'ORDER BY iso_week', (rows[0][0],))
        check([energy for _, energy in checkins] == [1, 2], 'check-ins: %r' % checkins)
        (first, _), (second, _) = checkins
        year, week = int(first[:4]), int(first[6:])
        check(second in ('%d-W%02d' % (year, week + 1), '%d-W01' % (year + 1)),
              'weeks %s and %s are not consecutive' % (first, second))


def main():
    def steps_of(run):
        flow = [run.prepare, run.start, run.show_page, run.create_role, run.assign_top,
                run.check_in_last_week, run.check_in_this_week, run.see_burnout]
        steps = chain(flow)
        steps += [(run.close, {2}), (run.log_clean, {2}), (run.check_database, {1, 2, 5})]
        return steps

    run_script(Roles, STEPS, TOTAL_TIMEOUT, steps_of)


if __name__ == '__main__':
    main()
