#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, the Recognition page: the sample program without its badges, awards and
# recognition log (imported with `hearth --import` before the app starts); "New Badge…" makes a
# badge with an activity rule; the member who meets it shows under "Ready to Award"; Confirm
# awards it; the badge then has one holder, and the member's detail pane on the Candidates page
# lists it; finally what the database holds. AT-SPI only, reusing test-first-run.py's helpers.
#
#   test-recognition.py [PATH-TO-HEARTH]
#
# Prints TAP; skips like test-first-run.py (HEARTH_REQUIRE_TOOLS=1 makes a skip a failure).

import json
import os
import subprocess

import hearth_e2e_boot

HERE = hearth_e2e_boot.HERE
hearth_e2e_boot.ensure_system_python(__file__)
e2e = hearth_e2e_boot.import_helpers(globals())

SAMPLE_NAME = 'Lanternfly Makers Collective'
SAMPLE_PATH = os.path.normpath(os.path.join(HERE, '..', '..', 'data', 'sample-program.json'))
PAGE = 'Recognition'
BADGES_EMPTY = 'Make Contributions Visible'
BADGE = 'Spark Plug'
RULE_KIND = 'For activity'
DETAIL_NAME = 'Details'     # the Candidates page's detail pane
KEY_W = 0x77
STEP_TIMEOUT = 15
TOTAL_TIMEOUT = 120

STEPS = [
    'a database holding the sample program without its badges, awards and log, made with '
    'hearth --import',
    'the app starts and shows the program',
    'the sidebar\'s "Recognition" shows the badges\' empty state',
    '"New Badge…" saves a badge with an activity rule',
    '"Ready to Award" lists a member who meets the rule',
    '"Confirm" awards the badge: it has one holder and the member leaves the list',
    'the member\'s detail pane on the Candidates page shows the badge',
    'closing the window quits the app cleanly',
    'the app logged no warning or critical',
    'the database holds the badge and one award by rule to that member',
]


class Recognition:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, 'recognition.db')
        self.log_path = os.path.join(tmp, 'hearth.log')
        self.proc = None
        self.app = None
        self.main = None
        self.member = None

    def window_named(self, name):
        return next((w for w in children(self.app) if w.name == name and not is_gone(w)), None)

    def labels(self, root, predicate):
        return [t for t in (text_of(n) for n in walk(root) if role(n) == 'label') if predicate(t)]

    def button(self, root, name, roles=('push button',)):
        """A sensitive button that acts, by its spoken name; one on screen when there are
        several (a stack keeps its hidden pages' buttons, which do not act), else the first
        (GTK 4.8 answers hit-tests unreliably in dialogs and in rows below the fold)."""
        return find_button(root, name, roles, on_screen='prefer', timeout=STEP_TIMEOUT)

    def show_view(self, name):
        switch = wait_for('the "%s" view switch' % name,
                          lambda: next((n for n in walk(self.main)
                                        if role(n) in ('toggle button', 'push button',
                                                       'radio button', 'page tab')
                                        and name in spoken_names(n)
                                        and is_on_screen(n)), None))
        do_action(switch)

    def show_page(self, name):
        select_page(self.main, name)

    # 1
    def prepare(self):
        check(os.access(self.binary, os.X_OK), 'no executable at %s' % self.binary)
        with open(SAMPLE_PATH, encoding='utf-8') as f:
            snapshot = json.load(f)
        for key in ('badges', 'awards', 'recognitions'):
            snapshot[key] = []
        stripped = os.path.join(self.tmp, 'sample-without-badges.json')
        with open(stripped, 'w', encoding='utf-8') as f:
            json.dump(snapshot, f, ensure_ascii=False)
        env = child_env(self.tmp, self.binary)
        done = subprocess.run([self.binary, '--database', self.database, '--import', stripped],
                              env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        check(done.returncode == 0, 'hearth --import exited with %d: %s'
              % (done.returncode, done.stderr.decode(errors='replace')))

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
    def open_page(self):
        self.show_page(PAGE)
        wait_for('%r on screen' % BADGES_EMPTY,
                 lambda: [n for n in walk(self.main) if role(n) == 'label'
                          and text_of(n) == BADGES_EMPTY and is_on_screen(n)])

    # 4
    def create_badge(self):
        do_action(self.button(self.main, 'New Badge…'))
        dialog = wait_for('the "New Badge" window', lambda: self.window_named('New Badge'),
                          timeout=STEP_TIMEOUT)
        name = wait_for('the "Name" entry',
                        lambda: next((n for n in walk(dialog) if 'EditableText' in interfaces(n)
                                      and 'Name' in spoken_names(n)), None))
        set_text(name, BADGE)
        choose(dialog, 'Awarded', KEY_W, RULE_KIND, timeout=STEP_TIMEOUT)
        # One is enough: whoever was active in the window meets the rule.
        # The spin button sits in the "At Least" row.
        def spin_button():
            for row in walk(dialog):
                if role(row) != 'spin button' and 'At Least' in spoken_names(row):
                    found = next((n for n in walk(row) if role(n) == 'spin button'), None)
                    if found is not None:
                        return found
            return next((n for n in walk(dialog) if role(n) == 'spin button'
                         and 'At Least' in spoken_names(n)), None)
        try:
            spin = wait_for('the "At Least" spin button', spin_button)
        except StepFailed:
            diag('spin buttons: %r' % [(role(n.parent), n.parent.name, n.name)
                                       for n in walk(dialog) if role(n) == 'spin button'])
            raise
        # The Value interface sets it as the arrows would (typed text waits for Return).
        check('Value' in interfaces(spin), 'the "At Least" spin button offers no Value')
        spin.queryValue().currentValue = 1.0
        try:
            wait_for('the rule sentence', lambda: self.labels(dialog, lambda t: t.startswith(
                'Ready to award at: 1 ')), timeout=STEP_TIMEOUT)
        except StepFailed:
            diag('labels: %r' % self.labels(dialog, lambda t: 'award' in t))
            raise
        do_action(self.button(dialog, 'Save'))
        wait_for('the editor to close', lambda: is_gone(dialog), timeout=STEP_TIMEOUT)
        wait_for('%r in the gallery' % BADGE,
                 lambda: self.labels(self.main, lambda t: t == BADGE), timeout=STEP_TIMEOUT)

    # 5
    def see_ready(self):
        self.show_view('Ready to Award')
        # A ready row is named "<member>, <badge>: <why>"; its Confirm button
        # "Confirm <badge> for <member>".
        marker = ', %s: ' % BADGE
        row = wait_for('a ready member for %r' % BADGE,
                       lambda: next((n for n in walk(self.main) if marker in (n.name or '')),
                                    None), timeout=STEP_TIMEOUT)
        self.member = row.name.split(marker, 1)[0]
        diag('ready: %s' % row.name)

    # 6
    def confirm(self):
        do_action(self.button(self.main, 'Confirm %s for %s' % (BADGE, self.member)))
        wait_for('%s to leave "Ready to Award"' % self.member,
                 lambda: not [n for n in walk(self.main)
                              if (n.name or '').startswith('%s, %s: ' % (self.member, BADGE))],
                 timeout=STEP_TIMEOUT)
        self.show_view('Badges')
        wait_for('"1 holder" in the gallery',
                 lambda: self.labels(self.main, lambda t: t == '1 holder'), timeout=STEP_TIMEOUT)

    # 7
    def member_detail(self):
        self.show_page('Candidates')
        search = wait_for('the "Search Members" entry',
                          lambda: next((n for n in walk(self.main)
                                        if role(n) in ('text', 'entry')
                                        and n.name == 'Search Members'), None),
                          timeout=STEP_TIMEOUT)
        press(KEY_F, control=True)
        wait_for('the focused search entry', lambda: has_state(search, state('FOCUSED')),
                 timeout=STEP_TIMEOUT)
        set_text(search, self.member)
        # Scored and filtered down to the member ("1 of 150 members") before Return opens it.
        wait_for('the list filtered to %s' % self.member,
                 lambda: self.labels(self.main, lambda t: t.startswith('1 of ')),
                 timeout=STEP_TIMEOUT)
        press(KEY_RETURN)
        detail = wait_for('the detail pane %r' % DETAIL_NAME,
                          lambda: next((n for n in walk(self.main)
                                        if n.name == DETAIL_NAME and role(n) != 'label'
                                        and is_on_screen(n)), None),
                          timeout=STEP_TIMEOUT)
        wait_for('%r in the detail of %s' % (BADGE, self.member),
                 lambda: self.labels(detail, lambda t: t == self.member)
                 and [n for n in walk(detail) if (n.name or '').startswith(BADGE + ', ')],
                 timeout=STEP_TIMEOUT)

    # 8
    def close(self):
        close_app(self.main, self.proc)

    # 9
    def log_clean(self):
        check_log_clean(self.proc, self.log_path)

    # 10
    def check_database(self):
        badges = self.read_database('SELECT id, rule_kind, rule_threshold FROM badge '
                                    'WHERE name = ? AND deleted_at IS NULL', (BADGE,))
        check(len(badges) == 1 and badges[0][1] == 'activity' and badges[0][2] == 1,
              'badges: %r' % badges)
        awards = self.read_database(
            'SELECT m.display_name, a.source, a.awarded_on, p.as_of FROM award a '
            'JOIN member m ON m.id = a.member_id JOIN program p ON p.id = m.program_id '
            'WHERE a.badge_id = ? AND a.deleted_at IS NULL', (badges[0][0],))
        check(len(awards) == 1, 'awards: %r' % awards)
        name, source, awarded_on, as_of = awards[0]
        check((name, source) == (self.member, 'rule'), 'award: %r' % (awards[0],))
        check(awarded_on == as_of, 'awarded on %s, not the reference day %s' % (awarded_on, as_of))


def main():
    def steps_of(run):
        flow = [run.prepare, run.start, run.open_page, run.create_badge, run.see_ready,
                run.confirm, run.member_detail]
        steps = chain(flow)
        steps += [(run.close, {2}), (run.log_clean, {2}), (run.check_database, {1, 2, 6})]
        return steps

    run_script(Recognition, STEPS, TOTAL_TIMEOUT, steps_of)


if __name__ == '__main__':
    main()
