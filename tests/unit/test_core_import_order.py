"""No import cycles in the core: every core module imports first, alone, in a fresh interpreter, and all of them
import in several orders (a cycle shows as an ImportError or AttributeError on a partly initialised module)."""

import os
import pkgutil
import random
import subprocess
import sys

import snowleopard_plugin.core as core

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES = sorted(m.name for m in pkgutil.walk_packages(core.__path__, core.__name__ + "."))


def _import_in_fresh_interpreter(names):
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    result = subprocess.run([sys.executable, "-c", code, *names], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_every_core_module_imports_first():
    # a cycle often shows only when one particular module of it is imported first: each module gets its own
    # interpreter (started from one driver process, so the test stays one subprocess call)
    code = ("import importlib, subprocess, sys\n"
            "bad = []\n"
            "for name in sys.argv[1:]:\n"
            "    r = subprocess.run([sys.executable, '-c', 'import importlib; importlib.import_module(%r)' % name],\n"
            "                       capture_output=True, text=True)\n"
            "    if r.returncode:\n"
            "        bad.append(name + ': ' + r.stderr.strip().splitlines()[-1])\n"
            "print('\\n'.join(bad))\n"
            "sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code, *MODULES], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]


def test_all_core_modules_import_in_several_orders():
    orders = [MODULES, MODULES[::-1]]
    rng = random.Random(12)
    for _ in range(3):
        shuffled = list(MODULES)
        rng.shuffle(shuffled)
        orders.append(shuffled)
    for names in orders:
        _import_in_fresh_interpreter(names)
