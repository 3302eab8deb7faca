"""The real QGIS desktop, under Xvfb, with the plugin installed from its ZIP into a throw-away profile.

Checks that QGIS loads the plugin without Python errors, that the toolbar
button exists and opens the dock, and saves a screenshot of the window to
``build/screenshots/qgis_window.png`` for a person to look at.
"""

import configparser
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, "build", "screenshots")

DRIVER = r'''
import json
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QToolBar
from qgis.utils import iface, active_plugins, plugins

RESULT = {result!r}
SHOT = {shot!r}
state = {{}}

def inspect():
    state["active"] = "snowleopard_plugin" in active_plugins
    window = iface.mainWindow()
    actions = [a for a in window.findChildren(QAction) if a.objectName() == "SnowLeopardCensusDockAction"]
    state["actions"] = len(actions)
    bars = [b for b in window.findChildren(QToolBar) if b.objectName() == "SnowLeopardCensusToolbar"]
    state["toolbar_visible"] = bool(bars) and bars[0].isVisible()
    state["action_text"] = actions[0].text() if actions else ""
    if actions:
        actions[0].trigger()
    QTimer.singleShot(2500, shoot)

def shoot():
    from qgis.PyQt.QtWidgets import QDockWidget
    docks = [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SnowLeopardSeasonDock"]
    state["dock_visible"] = bool(docks) and docks[0].isVisible()
    QApplication.primaryScreen().grabWindow(0).save(SHOT)
    with open(RESULT, "w") as handle:
        json.dump(state, handle)
    QTimer.singleShot(200, iface.actionExit().trigger)

QTimer.singleShot(4000, inspect)
'''


@pytest.fixture(scope="module")
def installed_profile(tmp_path_factory):
    """A throw-away QGIS profile with the plugin installed from its ZIP and enabled."""
    tmp_path = tmp_path_factory.mktemp("qgis")
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py"), "--dist",
                          str(tmp_path / "dist")], check=True, capture_output=True, text=True).stdout
    zip_path = out.split(" (")[0].strip()
    profiles = tmp_path / "home" / ".local" / "share" / "QGIS" / "QGIS3"
    profile = profiles / "profiles" / "default"  # QGIS keeps profiles under <profiles-path>/profiles/
    plugins_dir = profile / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins_dir)
    ini = configparser.ConfigParser()
    ini.optionxform = str
    ini["PythonPlugins"] = {"snowleopard_plugin": "true"}
    ini["qgis"] = {"checkVersion": "false", "showTips": "false", "showTips322": "false"}
    (profile / "QGIS").mkdir()
    with open(profile / "QGIS" / "QGIS3.ini", "w") as handle:
        ini.write(handle)
    return {"home": tmp_path / "home", "profiles": profiles, "tmp": tmp_path}


def _clean_env(home, **extra):
    """The environment of a user's QGIS: pytest-qgis's settings paths removed."""
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(HOME=str(home), **extra)
    return env


def run_qgis_desktop(installed_profile, driver, result, env, screen="1500x950x24", timeout=240):
    """Start the QGIS desktop under Xvfb with a --code driver; wait for its result file, then stop it.

    QGIS and its Xvfb run in their own process group, which is always stopped at the end, so a
    QGIS that hangs on exit never outlives the test. Returns the exit code (None if it was stopped).
    """
    proc = subprocess.Popen(
        ["xvfb-run", "-a", "-s", f"-screen 0 {screen}", "qgis.bin", "--profiles-path",
         str(installed_profile["profiles"]), "--profile", "default", "--nologo", "--noversioncheck", "--code",
         str(driver)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    while not result.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(1)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    proc.wait(timeout=20)
    return proc.returncode


def _qgis_process():
    # Debian's qgis_process wrapper adds --noversioncheck, which qgis_process 3.22 rejects
    for name in ("qgis_process.bin", "qgis_process"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("qgis_process not found: run 'make deps'")


def test_qgis_process_lists_plugin_with_provider(installed_profile):
    env = _clean_env(installed_profile["home"], QT_QPA_PLATFORM="offscreen")
    plugins = subprocess.run([_qgis_process(), "plugins"], env=env, capture_output=True, text=True, timeout=180)
    assert "* snowleopard_plugin" in plugins.stdout, plugins.stdout + plugins.stderr
    listing = subprocess.run([_qgis_process(), "list"], env=env, capture_output=True, text=True, timeout=180)
    assert "snowleopard:importseason" in listing.stdout


@pytest.mark.gui
@contextlib.contextmanager
def profile_language(installed_profile, language: str):
    """QGIS of the throw-away profile runs in ``language`` (ru or en) inside the block; the profile is put back."""
    ini_path = installed_profile["profiles"] / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    original = ini_path.read_text()
    ini = configparser.ConfigParser()
    ini.optionxform = str
    ini.read_string(original)
    ini["locale"] = {"overrideFlag": "true", "userLocale": "ru_RU" if language == "ru" else "en_US"}
    with open(ini_path, "w") as handle:
        ini.write(handle)
    try:
        yield
    finally:
        ini_path.write_text(original)


@pytest.mark.parametrize("language, title", [("en", "Snow Leopard Census"), ("ru", "Учёт снежного барса")])
def test_qgis_desktop_loads_plugin_from_zip(installed_profile, language, title):
    if shutil.which("xvfb-run") is None or shutil.which("qgis.bin") is None:
        pytest.fail("xvfb-run and qgis are needed: run 'make deps'")
    tmp_path = installed_profile["tmp"]
    os.makedirs(SHOTS, exist_ok=True)
    shot = os.path.join(SHOTS, "qgis_window.png" if language == "en" else f"qgis_window_{language}.png")
    result = tmp_path / f"result_{language}.json"
    driver = tmp_path / f"driver_{language}.py"
    driver.write_text(DRIVER.format(result=str(result), shot=shot))
    log = tmp_path / f"qgis_{language}.log"
    env = _clean_env(installed_profile["home"], QGIS_LOG_FILE=str(log))
    env.pop("QT_QPA_PLATFORM", None)
    with profile_language(installed_profile, language):
        code = run_qgis_desktop(installed_profile, driver, result, env)
    assert result.exists(), f"QGIS did not finish the check (exit {code})"
    state = json.loads(result.read_text())
    log_text = log.read_text(errors="replace") if log.exists() else ""
    errors = [line for line in log_text.splitlines()
              if "snowleopard" in line.lower() and ("Traceback" in line or "Error" in line or "error" in line)]
    assert state["active"], f"plugin not active; log:\n{log_text[-3000:]}"
    assert state["actions"] == 1 and state["toolbar_visible"]
    assert state["action_text"] == title
    assert state["dock_visible"]
    assert errors == [], errors
    assert os.path.getsize(shot) > 10_000
