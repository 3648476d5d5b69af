#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, the way a screen reader drives Hearth: start the real binary on a fresh database
# and use only what AT-SPI offers (names, roles, states, Action, EditableText, Text, Selection,
# Component hit-testing). It creates a first program from the welcome page, visits every page
# from the sidebar, closes the window, then reads the database the app left behind.
#
#   test-first-run.py [PATH-TO-HEARTH]
#
# Prints TAP. Without a display, a session bus, /usr/bin/python3 or pyatspi it prints
# "1..0 # SKIP <reason>" and exits 0 — unless HEARTH_REQUIRE_TOOLS=1, which makes that a failure.
#
# GTK 4.8 notes (Debian 12), learned the hard way:
# - Every widget reports the "visible" state and none reports "showing", hidden GtkStack children
#   included, and the extents of a hidden child are those of its last allocation. What is really
#   on screen is found by hit-testing: Component.getAccessibleAtPoint on the window at the
#   centre of a widget must land on that widget.
# - Always use WINDOW_COORDS: screen coordinates make GTK warn ("Screen coordinates not
#   supported"), which G_DEBUG=fatal-warnings turns into a crash.
# - Text.getText(0, -1) returns '': ask for characterCount characters.
# - A button with a mnemonic is named "<raw label> <label>" ("_Create a Program Create a
#   Program"), a labelled spin button "<label> <label>": names are compared through
#   spoken_names().
# - GtkListBoxRow offers no AT-SPI action; GtkListBox implements Selection.selectChild, which
#   selects the row (row-selected) without activating it (row-activated). A sidebar row is
#   chosen that way, so the window has to follow the selection, not only activation.
# - Don't list an application's windows while one of them is being destroyed: GTK answers with
#   a null object path ("g_variant_is_object_path: assertion 'string != NULL' failed") and the
#   app falls off the bus. Wait for that window itself to turn defunct instead.
# - This process must not run with G_DEBUG=fatal-warnings: libatspi warns about GTK's missing
#   cache interface. The app keeps it.

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

SYSTEM_PYTHON = '/usr/bin/python3'
APP_NAME = 'hearth'
TODAY = '2026-05-01'
PROGRAM_NAME = 'Makers & Friends \U0001F525'
PROGRAM_PURPOSE = 'Thank the people who keep <our> space warm & welcoming'

STARTUP_TIMEOUT = 20       # seconds for the app to appear on the accessibility bus
STEP_TIMEOUT = 10          # seconds for one effect of one action to show
EXIT_TIMEOUT = 10          # seconds for the app to exit once its window is closed
TOTAL_TIMEOUT = 100        # the whole run; meson's own timeout (120) is a last resort

# Sidebar entry -> heading of its page. Visited in this order, so that every activation changes
# the page (the Overview is shown after a program is created) and the last one comes back.
PAGES = [
    ('Candidates', 'Find Your Next Ambassadors'),
    ('Ambassadors & Roles', 'Give Every Ambassador a Clear Role'),
    ('Recognition', 'Thank the People Who Show Up'),
    ('Feedback', 'Listen to Your Ambassadors'),
    ('Overview', 'Your Program at a Glance'),
]
SIDEBAR_ORDER = ['Overview', 'Candidates', 'Ambassadors & Roles', 'Recognition', 'Feedback']

STEPS = [
    'the app starts and shows up on the accessibility bus',
    'the welcome page shows "Welcome to Hearth"',
    '"Create a Program" opens the "New Program" dialog',
    'the dialog starts with Create insensitive and 50 to 100 members per ambassador',
    'name and purpose can be typed through EditableText',
    'Create closes the dialog and shows the "Pages" sidebar with five entries',
    'the header and the program switcher show the program name',
] + ['sidebar "%s" shows "%s"' % page for page in PAGES] + [
    'closing the window quits the app cleanly',
    'the app logged no warning or critical',
    'the database holds exactly one program, with that name and purpose',
]


# A GLib log line: "(hearth:123): Gtk-WARNING **: 12:00:00.000: …", "** (hearth:123): CRITICAL **: …"
LOG_LINE = re.compile(r'\b(WARNING|CRITICAL|ERROR) \*\*')


# TAP ---------------------------------------------------------------------------------------------

def diag(text):
    for line in str(text).splitlines() or ['']:
        emit('# ' + line, also_stderr=True)


def emit(line, also_stderr=False):
    """A TAP line. Diagnostics and failures go to stderr too: meson --print-errorlogs shows
    only that stream of a failed TAP test."""
    print(line)
    sys.stdout.flush()
    if also_stderr:
        print(line, file=sys.stderr)
        sys.stderr.flush()


def skip_all(reason):
    if os.environ.get('HEARTH_REQUIRE_TOOLS') == '1':
        print('1..1')
        print('not ok 1 - %s (HEARTH_REQUIRE_TOOLS=1)' % reason)
        sys.exit(1)
    print('1..0 # SKIP %s' % reason)
    sys.exit(0)


class StepFailed(Exception):
    pass


class Watchdog(BaseException):
    """Not an Exception, so that no polling loop swallows it."""


def check(condition, message):
    if not condition:
        raise StepFailed(message)


# Preconditions -----------------------------------------------------------------------------------

def ensure_system_python():
    """Debian's pyatspi lives in /usr/bin/python3's dist-packages: run there."""
    if not os.path.exists(SYSTEM_PYTHON):
        skip_all('%s missing' % SYSTEM_PYTHON)
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and \
       os.environ.get('HEARTH_E2E_REEXEC') != '1':
        os.environ['HEARTH_E2E_REEXEC'] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


APP_G_DEBUG = os.environ.get('G_DEBUG')


def without_fatal(g_debug):
    return ','.join(f for f in g_debug.split(',')
                    if f and f not in ('fatal-warnings', 'fatal-criticals'))


def preconditions():
    ensure_system_python()
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        skip_all('no display')
    # Without a session bus AT-SPI would autolaunch one and leave it running.
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip_all('no D-Bus session bus (run under dbus-run-session)')
    # Not for this process: libatspi warns when GTK 4.8 lacks its cache interface ("Error in
    # GetItems … /org/a11y/atspi/cache"). GLib reads G_DEBUG when it is loaded, which is when
    # pyatspi is imported; the app keeps the setting (see child_env).
    if 'G_DEBUG' in os.environ:
        os.environ['G_DEBUG'] = without_fatal(os.environ['G_DEBUG'])
    try:
        import pyatspi  # noqa: F401
    except Exception as e:  # ImportError, or GI failing to load Atspi
        skip_all('pyatspi missing (%s)' % e.__class__.__name__)


def find_binary():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    build_root = os.environ.get('HEARTH_BUILD_ROOT')
    if build_root:
        return os.path.join(build_root, 'src', 'hearth')
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         '..', '..', 'build', 'src', 'hearth'))


def schema_dir(binary):
    if os.environ.get('GSETTINGS_SCHEMA_DIR'):
        return os.environ['GSETTINGS_SCHEMA_DIR']
    if os.environ.get('HEARTH_BUILD_ROOT'):
        return os.path.join(os.environ['HEARTH_BUILD_ROOT'], 'data')
    return os.path.join(os.path.dirname(os.path.dirname(binary)), 'data')


# The app -----------------------------------------------------------------------------------------

def child_env(tmp, binary):
    env = dict(os.environ)
    # GTK must speak AT-SPI: test_env sets NO_AT_BRIDGE=1 for the other suites.
    for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'HEARTH_DATABASE', 'HEARTH_E2E_REEXEC'):
        env.pop(name, None)
    env.update({
        'HEARTH_TODAY': TODAY,
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': schema_dir(binary),
        'XDG_CACHE_HOME': os.path.join(tmp, 'cache'),
        'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
        'XDG_DATA_HOME': os.path.join(tmp, 'data'),
        'XDG_STATE_HOME': os.path.join(tmp, 'state'),
    })
    # No blinking cursor: under Xvfb without a window manager, windows turn active and inactive
    # as AT-SPI drives them, and GTK 4.8 then sometimes lets a text's blink timer outlive its
    # focus ("GtkText - did not receive a focus-out event"), a warning that fatal-warnings turns
    # into a crash of a run that did nothing wrong.
    settings_dir = os.path.join(tmp, 'config', 'gtk-4.0')
    os.makedirs(settings_dir, exist_ok=True)
    with open(os.path.join(settings_dir, 'settings.ini'), 'w', encoding='utf-8') as settings:
        settings.write('[Settings]\ngtk-cursor-blink=false\n')
    # G_DEBUG=fatal-warnings from test_env stays for the app: it runs clean under AT-SPI, and a
    # markup warning from an unescaped "&" in the program name must fail this test. (This
    # process dropped it; see preconditions.)
    if APP_G_DEBUG is not None:
        env['G_DEBUG'] = APP_G_DEBUG
    return env


def with_parent_death_signal(command):
    """If this test is killed outright, the app goes with it: setpriv (util-linux) sets the
    parent-death signal, then execs the app in the same process. (Not preexec_fn: GLib's threads
    already run here, and a fork must not run Python before exec.)"""
    setpriv = shutil.which('setpriv')
    if setpriv is None:
        return command
    return [setpriv, '--pdeathsig', 'KILL', '--'] + command


def stop(proc):
    """Terminate, then kill; never leaves the process behind."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except Exception:
        proc.kill()
        proc.wait(timeout=5)


# AT-SPI helpers ----------------------------------------------------------------------------------

def wait_for(what, predicate, timeout=STEP_TIMEOUT, interval=0.1):
    """Polls predicate until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except StepFailed:
            raise
        except Exception as e:  # objects going away while the UI changes
            last_error = e
        if time.monotonic() >= deadline:
            detail = ' (last error: %r)' % last_error if last_error else ''
            raise StepFailed('timed out after %ss waiting for %s%s' % (timeout, what, detail))
        time.sleep(interval)


def children(node):
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


def walk(node):
    yield node
    for child in children(node):
        yield from walk(child)


def role(node):
    return node.getRoleName()


def has_state(node, state):
    return node.getState().contains(state)


def interfaces(node):
    import pyatspi
    return pyatspi.listInterfaces(node)


def text_of(node):
    """A label's text, through the Text interface (GTK 4.8: not getText(0, -1))."""
    if 'Text' in interfaces(node):
        text = node.queryText()
        return text.getText(0, text.characterCount)
    return node.name


def spoken_names(node):
    """The accessible name, and the label GTK 4.8 doubles in it: for "_Create a Program Create
    a Program" or "Active Members Active Members" also "Create a Program" / "Active Members"."""
    name = node.name or ''
    names = {name}
    for i, char in enumerate(name):
        if char == ' ':
            head, tail = name[:i], name[i + 1:]
            if head.replace('_', '') == tail:
                names.add(tail)
    return names


def shorten(text, width=40):
    text = text or ''
    return text if len(text) <= width else text[:width - 1] + '…'


def find_all(root, role_name, name=None):
    return [n for n in walk(root)
            if role(n) == role_name and (name is None or name in spoken_names(n))]


def find_one(root, role_name, name):
    found = find_all(root, role_name, name)
    return found[0] if len(found) == 1 else None


def is_inside(node, ancestor):
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def is_gone(node):
    """A destroyed object turns defunct (or errors out)."""
    try:
        return has_state(node, state('DEFUNCT'))
    except Exception:
        return True


def window_of(node):
    while node is not None and role(node) not in ('frame', 'dialog', 'window'):
        node = node.parent
    return node


def is_on_screen(node):
    """True when the widget is really drawn: its window, hit-tested at the widget's centre,
    answers with the widget or one of its descendants (a hidden stack child keeps stale
    extents, but is never picked)."""
    import pyatspi
    window = window_of(node)
    if window is None:
        return False
    box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if box.width <= 0 or box.height <= 0:
        return False
    x, y = box.x + box.width // 2, box.y + box.height // 2
    hit = window.queryComponent().getAccessibleAtPoint(x, y, pyatspi.WINDOW_COORDS)
    return hit is not None and is_inside(hit, node)


def on_screen(root, role_name, name):
    return [n for n in find_all(root, role_name, name) if is_on_screen(n)]


def do_action(node, preferred=('click', 'activate'), strict=False):
    """Performs the first preferred action the node offers (with strict, one of them must be
    offered; otherwise its first action will do)."""
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    check(names, '%s "%s" offers no action' % (role(node), node.name))
    index = next((names.index(p) for p in preferred if p in names), None)
    if index is None:
        check(not strict, '%s "%s" offers none of %r, only %r'
              % (role(node), node.name, preferred, names))
        index = 0
    check(action.doAction(index), 'doAction(%d) on "%s" failed' % (index, node.name))
    return names[index]


def set_text(node, value):
    check(node.queryEditableText().setTextContents(value),
          'setTextContents on "%s" failed' % node.name)


def find_app(desktop, pid):
    for app in children(desktop):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            if (app.name or '').lower() == APP_NAME:
                return app
    return None


def describe(node, limit=400, seconds=10):
    """The accessible tree below node, one line per object, for diagnostics (bounded: a stuck
    app answers every call only after a timeout)."""
    lines = []
    deadline = time.monotonic() + seconds

    def visit(n, depth):
        if len(lines) >= limit or time.monotonic() > deadline:
            return
        lines.append('%s[%s] %r' % ('  ' * depth, role(n), n.name))
        for child in children(n):
            visit(child, depth + 1)

    visit(node, 0)
    return '\n'.join(lines)


# The flow ----------------------------------------------------------------------------------------

class FirstRun:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, 'first run.db')
        self.log_path = os.path.join(tmp, 'hearth.log')
        self.proc = None
        self.app = None
        self.main = None
        self.dialog = None
        self.sidebar = None
        self.exit_status = None

    # 1
    def start(self):
        # The database comes through HEARTH_DATABASE rather than --database: the step that
        # reads it back at the end proves the variable is honoured (and makes the app
        # non-unique, as --database would).
        launch_app(self)
        diag('application %r, pid %d' % (self.app.name, self.proc.pid))

    # 2
    def welcome(self):
        wait_for('the heading "Welcome to Hearth" on screen',
                 lambda: on_screen(self.main, 'label', 'Welcome to Hearth'))

    # 3
    def open_dialog(self):
        button = wait_for('the button "Create a Program" on screen',
                          lambda: on_screen(self.main, 'push button', 'Create a Program'))[0]
        do_action(button)
        self.dialog = wait_for('the "New Program" window',
                               lambda: next((w for w in children(self.app)
                                             if w.name == 'New Program'), None))
        check(has_state(self.dialog, state('MODAL')), 'the "New Program" window is not modal')

    # 4
    def dialog_defaults(self):
        self.name_entry = wait_for('the "Name" text field',
                                   lambda: find_one(self.dialog, 'text', 'Name'))
        self.purpose_entry = find_one(self.dialog, 'text', 'Purpose — Why the Program Exists')
        check(self.purpose_entry is not None, 'no "Purpose — Why the Program Exists" text field')
        self.create = find_one(self.dialog, 'push button', 'Create')
        check(self.create is not None, 'no "Create" button')
        check(find_one(self.dialog, 'push button', 'Cancel') is not None, 'no "Cancel" button')
        check(not has_state(self.create, state('SENSITIVE')),
              '"Create" is sensitive while the name is empty')
        for label, expected in (('Active Members', 0),
                                ('Fewest Members per Ambassador', 50),
                                ('Most Members per Ambassador', 100)):
            spin = find_one(self.dialog, 'spin button', label)
            check(spin is not None, 'no "%s" spin button' % label)
            value = spin.queryValue().currentValue
            check(value == expected, '"%s" is %s, expected %s' % (label, value, expected))

    # 5
    def type_fields(self):
        set_text(self.name_entry, PROGRAM_NAME)
        set_text(self.purpose_entry, PROGRAM_PURPOSE)
        for entry, expected in ((self.name_entry, PROGRAM_NAME),
                                (self.purpose_entry, PROGRAM_PURPOSE)):
            got = text_of(entry)
            check(got == expected, '"%s" reads back %r, expected %r' % (entry.name, got, expected))
        wait_for('"Create" to become sensitive',
                 lambda: has_state(self.create, state('SENSITIVE')))

    # 6
    def create_program(self):
        do_action(self.create)
        # Watch the dialog itself. Listing the app's windows (GetChildAtIndex on the application)
        # while one is being destroyed trips GTK 4.8.3: "g_variant_is_object_path: assertion
        # 'string != NULL' failed", fatal here, and without fatal-warnings the app falls off the
        # accessibility bus. It happened about one run in ten before this wait was changed.
        wait_for('the "New Program" window to close', lambda: is_gone(self.dialog))
        self.sidebar = wait_for('the "Pages" sidebar on screen',
                                lambda: next(iter(on_screen(self.main, 'list', 'Pages')), None))
        entries = [item.name for item in children(self.sidebar) if role(item) == 'list item']
        check(entries == SIDEBAR_ORDER, 'sidebar entries are %r, expected %r'
              % (entries, SIDEBAR_ORDER))
        wait_for('the Overview page', lambda: self.page_shown('Overview',
                                                              'Your Program at a Glance'))

    # 7
    def program_name_shown(self):
        # A GtkMenuButton is a push button holding its toggle button, both named.
        switchers = find_all(self.main, 'push button', 'Switch Program')
        check(switchers and is_on_screen(switchers[0]), 'no "Switch Program" button on screen')
        switcher = switchers[0]

        def shown():
            inside = [n for n in on_screen(self.main, 'label', PROGRAM_NAME)
                      if text_of(n) == PROGRAM_NAME]
            in_switcher = [n for n in inside if is_inside(n, switcher)]
            in_title = [n for n in inside if not is_inside(n, switcher)]
            return in_switcher and in_title

        wait_for('the program name %r in the switcher and the window title' % PROGRAM_NAME, shown)

    def heading_shown(self, heading):
        return [n for n in on_screen(self.main, 'label', heading) if text_of(n) == heading]

    def page_shown(self, entry, heading):
        """The page heading and the window title show this page, and its entry is selected."""
        if not self.heading_shown(heading):
            return False
        titles = [n for n in on_screen(self.main, 'label', entry)
                  if not is_inside(n, self.sidebar) and text_of(n) == entry]
        if not titles:
            return False
        item = find_one(self.sidebar, 'list item', entry)
        return item is not None and has_state(item, state('SELECTED'))

    # 8…12
    def visit(self, entry, heading):
        index = SIDEBAR_ORDER.index(entry)
        item = self.sidebar.getChildAtIndex(index)
        check(item is not None and item.name == entry,
              'sidebar entry %d is %r, expected %r' % (index, item and item.name, entry))
        check(not self.heading_shown(heading),
              '"%s" was already on screen before its entry was activated' % heading)
        how = activate_list_item(self.sidebar, index)
        try:
            wait_for('heading "%s" and window title "%s" after %s' % (heading, entry, how),
                     lambda: self.page_shown(entry, heading))
        except StepFailed as e:
            shown = [shorten(n.name) for n in find_all(self.main, 'label') if is_on_screen(n)]
            raise StepFailed('%s\nlabels on screen: %r' % (e, shown))
        diag('%s: activated through %s' % (entry, how))

    # 13
    def close(self):
        self.exit_status = close_app(self.main, self.proc)

    # 14
    def log_clean(self):
        check_log_clean(self.proc, self.log_path)

    # 15
    def database_holds_program(self):
        check(self.proc.poll() is not None, 'the app is still running')
        rows = query_database(self.database,
                              'SELECT name, purpose FROM program WHERE deleted_at IS NULL')
        check(rows == [(PROGRAM_NAME, PROGRAM_PURPOSE)],
              'programs are %r, expected %r' % (rows, [(PROGRAM_NAME, PROGRAM_PURPOSE)]))


def launch_app(run):
    """Starts run.binary on run.database (through HEARTH_DATABASE) with its output in
    run.log_path, and waits for it on the accessibility bus and for its main window: sets
    run.proc, run.app and run.main."""
    import pyatspi
    check(os.access(run.binary, os.X_OK), 'no executable at %s' % run.binary)
    env = child_env(run.tmp, run.binary)
    env['HEARTH_DATABASE'] = run.database
    with open(run.log_path, 'wb') as log:
        run.proc = subprocess.Popen(
            with_parent_death_signal([run.binary]),
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)

    def appeared():
        check(run.proc.poll() is None,
              'the app exited with status %s during start-up' % run.proc.returncode)
        return find_app(pyatspi.Registry.getDesktop(0), run.proc.pid)

    run.app = wait_for('an application of pid %d on the accessibility bus' % run.proc.pid,
                       appeared, timeout=STARTUP_TIMEOUT, interval=0.3)
    run.main = wait_for('the main window',
                        lambda: next((w for w in children(run.app)
                                      if role(w) == 'frame' and w.name == 'Hearth'), None))


def close_app(main, proc):
    """Closes the main window through its window.close action and waits for the app to exit;
    fails unless it exits with status 0. Returns the status."""
    failure = None
    try:
        do_action(main, preferred=('window.close',), strict=True)
    except StepFailed:
        raise
    except Exception as e:
        # The app may quit before it answers the call ("The application no longer exists").
        failure = e
    try:
        status = proc.wait(timeout=EXIT_TIMEOUT)
    except Exception:
        raise StepFailed('the app still runs %ss after window.close%s'
                         % (EXIT_TIMEOUT, ' (%r)' % failure if failure else ''))
    check(status == 0, 'the app exited with status %s' % status)
    return status


def check_log_clean(proc, log_path):
    """Fails when the app still runs or its log holds a warning or a critical."""
    check(proc.poll() is not None, 'the app is still running')
    with open(log_path, encoding='utf-8', errors='replace') as log:
        problems = [line.strip() for line in log if LOG_LINE.search(line)]
    check(not problems, '\n'.join(problems))


def query_database(path, query, parameters=()):
    """The rows of @query on the database at @path, opened read-only."""
    import pathlib
    import sqlite3
    uri = pathlib.Path(path).as_uri() + '?mode=ro'
    connection = sqlite3.connect(uri, uri=True)
    try:
        return connection.execute(query, parameters).fetchall()
    finally:
        connection.close()


# X keycodes of the modifiers under Xvfb's default keymap; keysyms for the rest.
KEYCODE_CONTROL_L = 37
KEYCODE_ALT_L = 64
KEY_RETURN = 0xff0d
KEY_DOWN = 0xff54
KEY_F = 0x66
KEY_C = 0x63
KEY_N = 0x6e
KEY_T = 0x74
KEY_HOME = 0xff50
KEY_SPACE = 0x20



def press(keysym, control=False, alt=False):
    import pyatspi
    modifiers = ([KEYCODE_CONTROL_L] if control else []) + ([KEYCODE_ALT_L] if alt else [])
    for keycode in modifiers:
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    for keycode in reversed(modifiers):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)


def choose(dialog, combo_title, mnemonic, item, timeout=15):
    """Picks item in a combo row the way a keyboard user does (AdwComboRow 1.2 offers no
    AT-SPI action): its mnemonic (Alt+key), or Space once that focused it, opens its
    popover; Home and arrows move to the item (found by name in the popover's list),
    Return picks it. The row shows the current item in a list of its own: read back."""
    combo = wait_for('the "%s" row' % combo_title,
                     lambda: next((n for n in walk(dialog) if role(n) == 'combo box'
                                   and combo_title in spoken_names(n)), None))
    def popover_list():
        return next((n for n in walk(combo) if role(n) == 'list'
                     and role(n.parent) == 'scroll pane' and n.childCount > 0), None)

    # Alt+key activates the row, unless another mnemonic shares the key ("_Cancel" and
    # "Nominee’s _Consent"): then each press moves the focus, and Space on the focused row
    # opens the popover.
    popover = None
    for attempt in range(6):
        if attempt % 2 == 1 and has_state(combo, state('FOCUSED')):
            press(KEY_SPACE)
        else:
            press(mnemonic, alt=True)
        try:
            popover = wait_for('the "%s" popover' % combo_title, popover_list, timeout=2)
            break
        except StepFailed:
            pass
    check(popover is not None, 'the "%s" popover did not open' % combo_title)
    items = [item_text(c) for c in children(popover)]
    check(item in items, '%r not in the "%s" popover: %r' % (item, combo_title, items))
    # Home, then down to the item: the focus is not always on the current item when the
    # popover opens, and GTK 4.8 reports it on the first.
    press(KEY_HOME)
    for _ in range(items.index(item)):
        press(KEY_DOWN)
    press(KEY_RETURN)
    wait_for('"%s" to show %r' % (combo_title, item),
             lambda: next((item_text(c) for n in walk(combo) if role(n) == 'list'
                           and role(n.parent) != 'scroll pane' for c in children(n)),
                          None) == item, timeout=timeout)



def item_text(item):
    return ' '.join(text_of(n) for n in walk(item) if role(n) == 'label')


def state(name):
    import pyatspi
    return getattr(pyatspi, 'STATE_' + name)


def activate_list_item(list_node, index):
    """Activates a list item the ways AT-SPI allows, in order: the row's own Action, a button
    inside the row, else the list's Selection. Returns which one was used."""
    item = list_node.getChildAtIndex(index)
    if 'Action' in interfaces(item) and item.queryAction().nActions > 0:
        return "the row's Action (%s)" % do_action(item, preferred=('activate', 'click'))
    for node in walk(item):
        if node is not item and role(node) in ('push button', 'toggle button') and \
           'Action' in interfaces(node) and node.queryAction().nActions > 0:
            return 'the button inside the row (%s)' % do_action(node)
    check('Selection' in interfaces(list_node),
          'the list offers neither Action on its rows nor Selection')
    check(list_node.querySelection().selectChild(index), 'Selection.selectChild(%d) failed' % index)
    return "the list's Selection.selectChild"


def run_steps(run, titles, steps, stop_before):
    """Runs the steps in order and prints a TAP line for each; returns how many failed.

    steps: (action, the step numbers it needs to have passed). A step whose needs failed is
    reported as not reached. The app is stopped before the actions in stop_before (those that
    read what it left behind). On any failure the app's accessible tree and output are shown.
    """
    passed = set()
    failed = 0
    number = 0
    try:
        for number, (title, (action, needs)) in enumerate(zip(titles, steps), start=1):
            missing = sorted(needs - passed)
            if missing:
                failed += 1
                emit('not ok %d - %s # not reached: step %d failed' % (number, title, missing[0]),
                     also_stderr=True)
                continue
            if action in stop_before:
                stop(run.proc)
            try:
                action()
            except Exception as e:
                failed += 1
                emit('not ok %d - %s' % (number, title), also_stderr=True)
                diag(e if isinstance(e, StepFailed) else traceback.format_exc())
            else:
                passed.add(number)
                emit('ok %d - %s' % (number, title))
    except Watchdog as e:
        failed += 1
        emit('not ok %d - %s' % (number, titles[number - 1]), also_stderr=True)
        diag(str(e))
        for later in range(number + 1, len(titles) + 1):
            failed += 1
            emit('not ok %d - %s # not reached: watchdog' % (later, titles[later - 1]),
                 also_stderr=True)
    finally:
        signal.alarm(0)
        if failed and run.app is not None and run.proc is not None and run.proc.poll() is None:
            try:
                diag('accessible tree of the app:\n' + describe(run.app))
            except Exception:
                pass
        stop(run.proc)
        if failed and os.path.exists(run.log_path):
            with open(run.log_path, encoding='utf-8', errors='replace') as log:
                diag('app output:\n' + log.read()[-4000:])

    return failed


def select_page(main, name, walker=walk):
    """Shows page @name through the "Pages" sidebar's Selection; @walker walks @main."""
    sidebar = wait_for('the "Pages" sidebar',
                       lambda: next((n for n in walker(main)
                                     if role(n) == 'list' and n.name == 'Pages'), None))
    index = next((i for i, item in enumerate(children(sidebar)) if item.name == name), None)
    check(index is not None, 'no %r in the sidebar' % name)
    check(sidebar.querySelection().selectChild(index), 'Selection.selectChild failed')


def find_button(root, name, roles=('push button',), on_screen='prefer', timeout=None):
    """Waits for a sensitive button under @root that acts, by its spoken name (GTK 4.8 speaks a
    button's accessible label followed by its own label's text). @on_screen: 'require' takes
    only a hit-tested one; 'prefer' one on screen when there are several, else the first;
    'any' the first."""
    def find():
        found = [b for b in walk(root) if role(b) in roles
                 and (name in spoken_names(b) or (b.name or '').startswith(name + ' '))
                 and has_state(b, state('SENSITIVE')) and 'Action' in interfaces(b)
                 and b.queryAction().nActions > 0
                 and (on_screen != 'require' or is_on_screen(b))]
        if on_screen == 'prefer':
            return next((b for b in found if is_on_screen(b)), found[0] if found else None)
        return found[0] if found else None
    return wait_for('the "%s" button' % name, find, timeout=timeout)


def chain(flow):
    """Steps for run_script(): each action in @flow needs every one before it."""
    return [(action, set(range(1, n))) for n, action in enumerate(flow, start=1)]


def run_script(make_run, titles, total_timeout, steps_of):
    """The main() of the e2e scripts after this one: skips without the tools, prints the TAP
    plan for @titles, gives the whole run @total_timeout seconds, makes the run with
    make_run(binary, tmp), runs the steps steps_of(run) gives (see run_steps; the app stops
    before run.log_clean and run.check_database) and exits 1 if any failed."""
    preconditions()
    binary = find_binary()
    emit('1..%d' % len(titles))

    def on_alarm(signum, frame):
        raise Watchdog('the run took longer than %ss' % total_timeout)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(total_timeout)
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix='hearth-e2e-') as tmp:
        run = make_run(binary, tmp)
        steps = steps_of(run)
        assert len(steps) == len(titles)
        failed = run_steps(run, titles, steps, (run.log_clean, run.check_database))
        diag('run took %.1fs' % (time.monotonic() - started))

    sys.exit(1 if failed else 0)


def on_alarm(signum, frame):
    raise Watchdog('the run took longer than %ss' % TOTAL_TIMEOUT)


def main():
    preconditions()

    binary = find_binary()
    emit('1..%d' % len(STEPS))

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TOTAL_TIMEOUT)

    with tempfile.TemporaryDirectory(prefix='hearth-e2e-') as tmp:
        run = FirstRun(binary, tmp)
        flow = [run.start, run.welcome, run.open_dialog, run.dialog_defaults, run.type_fields,
                run.create_program, run.program_name_shown]
        # (action, the step numbers it needs to have passed): the flow up to the created program
        # is a chain; the page visits only need that, not one another; the database is read
        # once the app is gone, whether or not closing it went well.
        steps = [(action, set(range(1, number))) for number, action in enumerate(flow, start=1)]
        created = set(range(1, 7))
        steps += [((lambda e=entry, h=heading: run.visit(e, h)), created) for entry, heading in PAGES]
        steps += [(run.close, created), (run.log_clean, {1}), (run.database_holds_program, created)]
        assert len(steps) == len(STEPS)
        failed = run_steps(run, STEPS, steps, (run.log_clean, run.database_holds_program))

    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
