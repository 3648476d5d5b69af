#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, the Candidates page: the sample program (imported with `hearth --import` before the
# app starts), the page from the sidebar, Ctrl+F and Return to open the top candidate, an accepted
# nomination and an alignment observation through their dialogs (the scores and the evidence
# follow), then "Mark as Candidate" (when needed), "Invite" and "Make Ambassador"; finally the
# status the database holds. AT-SPI only, reusing test-first-run.py's and test-import.py's helpers.
#
#   test-candidates.py [PATH-TO-HEARTH]
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
NOMINATOR = 'Rosa from the Library'
RATING = '1'
LIST_NAME = 'Ranked Candidates'
DETAIL_NAME = 'Details'     # the accessible label of the detail pane's scrolled window
STEP_TIMEOUT = 15
TOTAL_TIMEOUT = 100

STEPS = [
    'a database holding the sample program, made with hearth --import',
    'the app starts and shows the program',
    'the sidebar\'s "Candidates" shows the ranked list',
    'Ctrl+F and Return open the top candidate, with evidence ("Active in …")',
    '"Add Nomination…" saves an accepted nomination: the credibility evidence changes',
    '"Add Observation…" saves an alignment observation: alignment is assessed (its confidence '
    'changes), the overall changes',
    '"Invite" then "Make Ambassador" move the candidate along',
    'closing the window quits the app cleanly',
    'the app logged no warning or critical',
    'the database holds the nomination, the observation and the status history',
]


def walk_outside_list(node):
    """walk(), but not into the ranked list: its ~150 rows of cells make every walk of the
    window take seconds (GTK 4.8 has no AT-SPI cache, so each node is a round trip)."""
    yield node
    if node.name == LIST_NAME:
        return
    for child in children(node):
        yield from walk_outside_list(child)


class Candidates:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, 'candidates.db')
        self.log_path = os.path.join(tmp, 'hearth.log')
        self.proc = None
        self.app = None
        self.main = None
        self.detail = None
        self.name = None
        self.status = None
        self.overall = None
        self.observations_before = None

    def window_named(self, name):
        return next((w for w in children(self.app) if w.name == name and not is_gone(w)), None)

    def window_labels_starting(self, prefix):
        """Labels on screen anywhere in the window but the ranked list."""
        return [text_of(n) for n in walk_outside_list(self.main)
                if role(n) == 'label' and text_of(n).startswith(prefix) and is_on_screen(n)]

    def labels_starting(self, prefix):
        """Labels in the detail pane, which is on screen, scrolled or not: no hit-testing (its
        lower part is below the window's edge)."""
        return [t for t in (text_of(n) for n in walk(self.detail) if role(n) == 'label')
                if t.startswith(prefix)]

    def detail_button(self, name, on_screen_only=False):
        """A sensitive button of the detail pane. The workflow buttons hide their flow box
        child, which GTK 4.8 still reports: those are hit-tested (they sit at the top)."""
        return wait_for('the "%s" button' % name,
                        lambda: next((b for b in find_all(self.detail, 'push button', name)
                                      if has_state(b, state('SENSITIVE'))
                                      and (not on_screen_only or is_on_screen(b))), None),
                        timeout=STEP_TIMEOUT)

    def dialog_button(self, dialog, name):
        return wait_for('the "%s" button' % name,
                        lambda: next((b for b in find_all(dialog, 'push button', name)
                                      if has_state(b, state('SENSITIVE'))), None),
                        timeout=STEP_TIMEOUT)

    # 1
    def prepare(self):
        check(os.access(self.binary, os.X_OK), 'no executable at %s' % self.binary)
        env = child_env(self.tmp, self.binary)
        done = subprocess.run([self.binary, '--database', self.database, '--import', SAMPLE_PATH],
                              env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        check(done.returncode == 0, 'hearth --import exited with %d: %s'
              % (done.returncode, done.stderr.decode(errors='replace')))
        self.observations_before = self.read_database(
            "SELECT count(*) FROM observation WHERE trait = 'alignment' AND deleted_at IS NULL")

    def read_database(self, query, parameters=()):
        return query_database(self.database, query, parameters)

    # 2
    def start(self):
        launch_app(self)
        wait_for('%r in the window' % SAMPLE_NAME,
                 lambda: [n for n in walk_outside_list(self.main)
                          if role(n) == 'label' and text_of(n) == SAMPLE_NAME
                          and is_on_screen(n)])

    # 3
    def show_page(self):
        select_page(self.main, 'Candidates', walker=walk_outside_list)
        # The list itself is not hit-tested: GTK 4.8 answers no object inside a column view.
        # The count above it is, and shows that the list pane is the one on screen.
        wait_for('the ranked list', lambda: next((n for n in walk_outside_list(self.main)
                                                  if n.name == LIST_NAME), None),
                 timeout=STEP_TIMEOUT)
        wait_for('a member count', lambda: self.window_labels_starting('148 of 150'),
                 timeout=STEP_TIMEOUT)

    # 4
    def open_top(self):
        press(KEY_F, control=True)
        wait_for('the focused search entry',
                 lambda: next((n for n in walk_outside_list(self.main)
                               if role(n) in ('text', 'entry') and n.name == 'Search Members'
                               and has_state(n, state('FOCUSED'))), None),
                 timeout=STEP_TIMEOUT)
        press(KEY_RETURN)
        # Found once, then every look-up stays inside it.
        self.detail = wait_for('the detail pane %r' % DETAIL_NAME,
                               lambda: next((n for n in walk_outside_list(self.main)
                                             if n.name == DETAIL_NAME and role(n) != 'label'
                                             and is_on_screen(n)), None),
                               timeout=STEP_TIMEOUT)
        overall = wait_for('"Overall N" in the detail', lambda: self.labels_starting('Overall '),
                           timeout=STEP_TIMEOUT)
        self.overall = overall[0]
        wait_for('evidence "Active in …"', lambda: self.labels_starting('Active in '))
        # The detail's heading: the name, above the status line ("Member · handle · …").
        statuses = ('Member', 'Candidate', 'Invited', 'Ambassador', 'Paused', 'Alumni',
                    'Declined')
        status = next((n for n in walk(self.detail) if role(n) == 'label'
                       and text_of(n).split(' · ')[0] in statuses
                       and role(n.parent) == 'panel' and n.getIndexInParent() == 1), None)
        check(status is not None, 'no status line in the detail')
        self.status = text_of(status).split(' · ')[0]
        heading = status.parent.getChildAtIndex(0)
        self.name = text_of(heading)
        diag('top candidate: %s, %s (%s)' % (self.name, self.status, self.overall))

    # 5
    def add_nomination(self):
        before = self.labels_starting('Nominated by') + self.labels_starting('Not nominated')
        check(before, 'no credibility evidence ("Nominated by …" or "Not nominated …")')
        do_action(self.detail_button('Add Nomination…'))
        dialog = wait_for('the "New Nomination" window', lambda: self.window_named('New Nomination'),
                          timeout=STEP_TIMEOUT)
        choose(dialog, 'Nominator', KEY_N, 'Not a Member')
        entries = [n for n in walk(dialog) if 'EditableText' in interfaces(n)]
        name = next((n for n in entries if 'Nominator’s Name' in spoken_names(n)), None)
        reason = next((n for n in entries if 'Reason' in spoken_names(n)), None)
        check(name is not None and reason is not None,
              'no name or reason entry in %r' % [n.name for n in entries])
        set_text(name, NOMINATOR)
        set_text(reason, 'Runs the repair café every month')
        choose(dialog, 'Nominee’s Consent', KEY_C, 'Accepted')
        do_action(self.dialog_button(dialog, 'Save'))
        wait_for('the dialog to close', lambda: is_gone(dialog), timeout=STEP_TIMEOUT)
        wait_for('%r in the nominations' % NOMINATOR,
                 lambda: [n for n in walk(self.detail) if NOMINATOR in text_of(n)],
                 timeout=STEP_TIMEOUT)
        after = wait_for('the credibility evidence to change from %r' % before,
                         lambda: [t for t in self.labels_starting('Nominated by')
                                  if t not in before], timeout=STEP_TIMEOUT)
        diag('credibility: %r → %r' % (before, after))

    # 6
    def add_observation(self):
        assessed_before = self.labels_starting('Alignment · ')
        do_action(self.detail_button('Add Observation…'))
        dialog = wait_for('the "New Observation" window',
                          lambda: self.window_named('New Observation'), timeout=STEP_TIMEOUT)
        choose(dialog, 'Trait', KEY_T, 'Alignment')
        # The lowest rating, so that the overall surely moves (a top candidate's rises little,
        # if at all). The editor reads the spin button's text on Save (gtk_spin_button_update).
        spin = next((n for n in walk(dialog) if role(n) == 'spin button'), None)
        check(spin is not None, 'no rating spin button')
        editable = next((n for n in walk(spin) if 'EditableText' in interfaces(n)), None)
        check(editable is not None, 'the rating spin button offers no EditableText')
        set_text(editable, RATING)
        wait_for('the rating to read %s' % RATING, lambda: text_of(editable) == RATING)
        do_action(self.dialog_button(dialog, 'Save'))
        wait_for('the dialog to close', lambda: is_gone(dialog), timeout=STEP_TIMEOUT)
        wait_for('an "Alignment" observation',
                 lambda: [n for n in walk(self.detail) if 'Alignment: ' in text_of(n)],
                 timeout=STEP_TIMEOUT)
        wait_for('alignment assessed, its heading changed from %r' % assessed_before,
                 lambda: [t for t in self.labels_starting('Alignment · ')
                          if t not in assessed_before], timeout=STEP_TIMEOUT)
        overall = wait_for('the overall to change from %r' % self.overall,
                           lambda: [t for t in self.labels_starting('Overall ')
                                    if t != self.overall], timeout=STEP_TIMEOUT)
        diag('%s → %s; alignment heading %r → %r' % (self.overall, overall[0], assessed_before,
                                                    self.labels_starting('Alignment')))

    # 7
    def promote(self):
        if self.status == 'Member':
            do_action(self.detail_button('Mark as Candidate', on_screen_only=True))
        do_action(self.detail_button('Invite', on_screen_only=True))
        do_action(self.detail_button('Make Ambassador', on_screen_only=True))
        self.detail_button('Pause', on_screen_only=True)

    # 8
    def close(self):
        close_app(self.main, self.proc)

    # 9
    def log_clean(self):
        check_log_clean(self.proc, self.log_path)

    # 10
    def check_database(self):
        members = self.read_database('SELECT id, status FROM member WHERE display_name = ? '
                                     'AND deleted_at IS NULL', (self.name,))
        check(len(members) == 1, 'members named %r: %r' % (self.name, members))
        member_id, status = members[0]
        nominations = self.read_database(
            'SELECT consent FROM nomination WHERE nominee_id = ? AND nominator_name = ? '
            'AND nominator_id IS NULL AND deleted_at IS NULL', (member_id, NOMINATOR))
        ratings = [row[0] for row in self.read_database(
            "SELECT rating FROM observation WHERE member_id = ? AND trait = 'alignment' "
            'AND deleted_at IS NULL', (member_id,))]
        (all_alignment,), = self.read_database(
            "SELECT count(*) FROM observation WHERE trait = 'alignment' AND deleted_at IS NULL")
        history = [row[0] for row in self.read_database(
            'SELECT status FROM member_status_change WHERE member_id = ? '
            'AND deleted_at IS NULL ORDER BY changed_on, created_at, rowid', (member_id,))]
        diag('%s: %s; alignment ratings %r; history %r' % (self.name, status, ratings, history))
        check(status == 'ambassador', '%s is %r, expected ambassador' % (self.name, status))
        check(nominations == [('accepted',)], 'nominations by %r are %r' % (NOMINATOR, nominations))
        check(int(RATING) in ratings, 'no alignment rated %s in %r' % (RATING, ratings))
        (before,), = self.observations_before
        check(all_alignment == before + 1, '%d alignment observations, expected %d + 1'
              % (all_alignment, before))
        expected = ['candidate', 'invited', 'ambassador']
        check(history[-3:] == expected, 'the status history is %r, expected it to end with %r'
              % (history, expected))


def main():
    def steps_of(run):
        flow = [run.prepare, run.start, run.show_page, run.open_top, run.add_nomination,
                run.add_observation, run.promote]
        steps = chain(flow)
        steps += [(run.close, {2}), (run.log_clean, {2}), (run.check_database, {1, 2, 3, 4})]
        return steps

    run_script(Candidates, STEPS, TOTAL_TIMEOUT, steps_of)


if __name__ == '__main__':
    main()
