# SPDX-License-Identifier: GPL-3.0-or-later
"""What every e2e script after test-first-run.py does first.

pyatspi is Debian's, in /usr/bin/python3's dist-packages, while meson may start a script with
another Python: ensure_system_python() re-executes the script there. import_helpers() then loads
test-first-run.py (which holds the AT-SPI helpers and the step runner) and puts its helpers into
the script's namespace. Only the standard library is used here, so it works before the re-exec.
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEM_PYTHON = '/usr/bin/python3'

HELPERS = ('StepFailed', 'Watchdog', 'check', 'emit', 'diag', 'wait_for', 'children', 'walk',
           'role', 'has_state', 'interfaces', 'text_of', 'spoken_names', 'find_all', 'find_one',
           'is_inside', 'is_gone', 'is_on_screen', 'on_screen', 'do_action', 'set_text',
           'find_app', 'describe', 'state', 'child_env', 'with_parent_death_signal', 'stop',
           'find_binary', 'preconditions', 'launch_app', 'close_app', 'check_log_clean', 'query_database',
           'LOG_LINE', 'STARTUP_TIMEOUT', 'EXIT_TIMEOUT', 'press', 'choose', 'item_text',
           'KEYCODE_CONTROL_L', 'KEYCODE_ALT_L', 'KEY_RETURN', 'KEY_DOWN', 'KEY_F', 'KEY_C',
           'KEY_N', 'KEY_T', 'KEY_HOME', 'KEY_SPACE', 'select_page', 'find_button', 'chain',
           'run_script')


def ensure_system_python(script):
    """Re-executes @script under /usr/bin/python3 unless it already runs there."""
    if not os.path.exists(SYSTEM_PYTHON):
        return  # the helpers' preconditions() skips
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and \
       os.environ.get('HEARTH_E2E_REEXEC') != '1':
        os.environ['HEARTH_E2E_REEXEC'] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(script)] + sys.argv[1:])


def load(name, file):
    """Loads the e2e script @file (its name has a dash, so no plain import) as module @name."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_helpers(namespace):
    """Puts test-first-run.py's helpers into @namespace; returns that module."""
    e2e = load('hearth_first_run', 'test-first-run.py')
    namespace.update({name: getattr(e2e, name) for name in HELPERS})
    return e2e
