"""The season dock in a real QGIS window under Xvfb, plugin installed from its ZIP.

A ``--code`` driver opens the dock with the toolbar button, fills the Data
page with the sample season through the dock's widgets, runs the import, a
heatmap, coverage and gaps and the plan as background tasks and the season
report (on the main thread), then saves a screenshot of each page, with its
content, to ``build/screenshots/dock_<page>.png`` for a person to look at.

A second driver opens the dock at its default width in Russian and in English, on a
1920 × 1080 and a 1366 × 768 screen, visits every page and checks that it fits: no
horizontal scrollbar, every label, button, spin box and date edit inside the visible
width, no button text or spin box value cut (``build/screenshots/fit_<lang>_<screen>_<page>.png``,
``_full`` for the whole page).
"""

import json
import os
import shutil

import pytest
from osgeo import ogr

from tests.qgis.test_desktop import (  # noqa: F401 - installed_profile is the fixture
    _clean_env,
    installed_profile,
    profile_language,
    run_qgis_desktop,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, "build", "screenshots")
PAGES = ("data", "heatmaps", "coverage", "plan", "report")

DRIVER = r'''
import json, os, time
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QScrollArea
from qgis.utils import iface, plugins

RESULT = {result!r}
SHOTS = {shots!r}
SAMPLE = {sample!r}
OUTPUT = {output!r}
PAGES = {pages!r}
state = {{"steps": []}}

def dock():
    return [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SnowLeopardSeasonDock"][0]

def finish():
    with open(RESULT, "w") as handle:
        json.dump(state, handle)
    from qgis.core import QgsProject
    QgsProject.instance().setDirty(False)  # no "save changes?" question on exit
    QTimer.singleShot(300, iface.actionExit().trigger)

def guard(function):
    def run():
        try:
            function()
        except Exception as error:
            import traceback
            state["error"] = traceback.format_exc()
            finish()
    return run

def when_idle(then):
    def poll():
        if dock().is_busy():
            QTimer.singleShot(100, guard(poll))
        else:
            QTimer.singleShot(500, guard(then))
    QTimer.singleShot(200, guard(poll))

@guard
def start():
    actions = [a for a in iface.mainWindow().findChildren(QAction) if a.objectName() == "SnowLeopardCensusDockAction"]
    actions[0].trigger()
    d = dock()
    iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager in Xvfb
    iface.mainWindow().resizeDocks([d], [520], 1)
    d.data.add_folder(SAMPLE)
    d.data.set_file_role(os.path.join(SAMPLE, "access.csv"), "ignore")
    d.data.outputFile.setFilePath(OUTPUT)
    d.data.importButton.click()
    state["busy_after_click"] = d.is_busy()
    state["steps"].append("import started")
    when_idle(after_import)

def after_import():
    d = dock()
    state["summary"] = {{k: d.summary[k] for k in ("routes", "km", "signs", "stations", "detections",
                                                 "individuals")}} if d.summary else None
    state["message"] = d.last_message
    iface.mapCanvas().zoomToFullExtent()
    d.pages.setCurrentIndex(1)
    d.heatmaps.pixelSpin.setValue(100.0)
    d.heatmaps.heatmapButton.click()
    state["steps"].append("heatmap started")
    when_idle(after_heatmap)

def after_heatmap():
    d = dock()
    state["heatmap"] = d.outputs.get("heatmap")
    d.pages.setCurrentIndex(2)
    d.coverage.coverageDem.setFilePath(os.path.join(SAMPLE, "dem.tif"))
    d.coverage.halfWidthSpin.setValue(50.0)
    d.coverage.coverageButton.click()
    state["steps"].append("coverage started")
    when_idle(after_coverage)

def after_coverage():
    d = dock()
    state["gap_rows"] = d.coverage.gapsTable.rowCount()
    state["coverage_message"] = d.last_message
    if d.coverage.gapsTable.rowCount():
        d.coverage.gapsTable.selectRow(0)
        d.coverage.gap_clicked(0)
    d.pages.setCurrentIndex(3)
    d.plan.budgetSpin.setValue(80.0)
    d.plan.planTransectsButton.click()
    state["steps"].append("plan started")
    when_idle(after_plan)

def after_plan():
    d = dock()
    state["plan"] = d.outputs.get("plan")
    state["plan_text"] = d.plan.planSummaryLabel.text()
    iface.mapCanvas().zoomToFullExtent()
    d.pages.setCurrentIndex(4)
    d.report.languageCombo.setCurrentIndex(1)
    d.report.reportButton.click()
    state["steps"].append("report started")
    when_idle(after_report)

def after_report():
    d = dock()
    state["report"] = d.outputs.get("report")
    state["open_enabled"] = d.report.openReportButton.isEnabled()
    state["report_message"] = d.last_message
    from qgis.core import QgsProject
    state["layers"] = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    shoot(0)

def shoot(i, end=False):
    """Each page from its top, then the long pages scrolled to their end (dock_<page>_end.png)."""
    if i >= len(PAGES):
        finish()
        return
    d = dock()
    d.pages.setCurrentIndex(i)
    bar = d.pages.currentWidget().findChildren(QScrollArea)[0].verticalScrollBar()
    bar.setValue(bar.maximum() if end else 0)
    def grab():
        name = "dock_" + PAGES[i] + ("_end" if end else "") + ".png"
        QApplication.primaryScreen().grabWindow(0).save(os.path.join(SHOTS, name))
        if not end and bar.maximum() > 0:
            shoot(i, True)
        else:
            shoot(i + 1)
    QTimer.singleShot(800, guard(grab))

def watchdog():
    state["error"] = "watchdog: the driver did not finish; steps: " + repr(state["steps"])
    try:
        state["status"] = dock().statusLabel.text()
        QApplication.primaryScreen().grabWindow(0).save(os.path.join(SHOTS, "dock_watchdog.png"))
    except Exception as error:
        state["status"] = repr(error)
    finish()

QTimer.singleShot(4000, start)
QTimer.singleShot(200000, watchdog)
'''


@pytest.mark.gui
def test_dock_in_qgis_window(installed_profile, sample_dir):  # noqa: F811 - the imported fixture
    if shutil.which("xvfb-run") is None or shutil.which("qgis.bin") is None:
        pytest.fail("xvfb-run and qgis are needed: run 'make deps'")
    tmp_path = installed_profile["tmp"]
    os.makedirs(SHOTS, exist_ok=True)
    for page in PAGES:
        for suffix in ("", "_end"):
            path = os.path.join(SHOTS, f"dock_{page}{suffix}.png")
            if os.path.exists(path):
                os.remove(path)
    result = tmp_path / "dock_result.json"
    output = tmp_path / "season_window.gpkg"
    driver = tmp_path / "dock_driver.py"
    driver.write_text(DRIVER.format(result=str(result), shots=SHOTS, sample=str(sample_dir), output=str(output),
                                    pages=PAGES))
    log = tmp_path / "qgis_dock.log"
    env = _clean_env(installed_profile["home"], QGIS_LOG_FILE=str(log))
    env.pop("QT_QPA_PLATFORM", None)
    code = run_qgis_desktop(installed_profile, driver, result, env, screen="1600x1000x24", timeout=280)
    assert result.exists(), f"QGIS did not finish the check (exit {code})"
    state = json.loads(result.read_text())
    assert "error" not in state, state.get("error")
    assert state["busy_after_click"]
    ds = ogr.Open(str(output))
    routes = ds.GetLayerByName("routes").GetFeatureCount()
    signs = ds.GetLayerByName("observations").GetFeatureCount()
    ds = None
    assert state["summary"]["routes"] == routes == 16
    assert state["summary"]["signs"] == signs
    assert state["heatmap"] and os.path.exists(state["heatmap"])
    assert "Heatmap of signs" in state["layers"] and "Routes" in state["layers"]
    # coverage and gaps, the plan and the report, all from the dock, results kept in the season GeoPackage
    ds = ogr.Open(str(output))
    gaps = ds.GetLayerByName("gaps").GetFeatureCount()
    planned = ds.GetLayerByName("plan_transects").GetFeatureCount()
    ds = None
    assert state["gap_rows"] == gaps > 0, state.get("coverage_message")
    assert state["plan"] == f"{output}|layername=plan_transects" and planned > 0
    assert "Coverage gaps" in state["layers"] and "Planned transects" in state["layers"]
    assert state["report"] and os.path.getsize(state["report"]) > 10_000, state.get("report_message")
    assert state["open_enabled"]
    for page in PAGES:
        assert os.path.getsize(os.path.join(SHOTS, f"dock_{page}.png")) > 10_000


FIT_DRIVER = r'''
import json, os
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QAction, QApplication,
                                 QDateEdit, QDockWidget, QLabel, QScrollArea)
from qgis.utils import iface

RESULT = {result!r}
SHOTS = {shots!r}
SAMPLE = {sample!r}
SEASON = {season!r}
TAG = {tag!r}
PAGES = {pages!r}
state = {{"pages": {{}}, "problems": []}}

def dock():
    return [d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SnowLeopardSeasonDock"][0]

def finish():
    with open(RESULT, "w") as handle:
        json.dump(state, handle)
    from qgis.core import QgsProject
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(300, iface.actionExit().trigger)

def guard(function):
    def run():
        try:
            function()
        except Exception:
            import traceback
            state["error"] = traceback.format_exc()
            finish()
    return run

def in_table(widget):
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False

def describe(widget):
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{{type(widget).__name__}} {{widget.objectName()}} {{text!r}}"

def check(i):
    d = dock()
    page = PAGES[i]
    scroll = d.pages.currentWidget().findChildren(QScrollArea)[0]
    viewport = scroll.viewport()
    width = viewport.width()
    problems = []
    if scroll.horizontalScrollBar().isVisible():
        problems.append(f"{{page}}: horizontal scrollbar (content {{scroll.widget().minimumSizeHint().width()}} px, "
                        f"viewport {{width}} px)")
    kinds = (QLabel, QAbstractButton, QAbstractSpinBox, QDateEdit)
    for widget in scroll.widget().findChildren(kinds):
        if not widget.isVisibleTo(scroll.widget()) or in_table(widget):
            continue
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > width:
            problems.append(f"{{page}}: {{describe(widget)}} spans x {{left}}..{{left + widget.width()}}, "
                            f"viewport {{width}}")
        if isinstance(widget, QAbstractButton) and widget.text() and widget.sizeHint().width() > widget.width():
            problems.append(f"{{page}}: {{describe(widget)}} cut: needs {{widget.sizeHint().width()}} px, "
                            f"has {{widget.width()}}")
        if isinstance(widget, QAbstractSpinBox) and widget.sizeHint().width() > widget.width():
            problems.append(f"{{page}}: {{describe(widget)}} value cut: needs {{widget.sizeHint().width()}} px, "
                            f"has {{widget.width()}}")
    shell = d.widget()
    for widget in (d.seasonLabel, d.helpButton, d.cancelButton, d.statusLabel, d.progressBar):
        left = widget.mapTo(shell, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > shell.width():
            problems.append(f"shell: {{describe(widget)}} spans x {{left}}..{{left + widget.width()}}, "
                            f"dock {{shell.width()}}")
    state["pages"][page] = {{"viewport": width, "dock": d.width(), "content": scroll.widget().width()}}
    state["problems"] += problems
    d.grab().save(os.path.join(SHOTS, f"fit_{{TAG}}_{{page}}.png"))
    scroll.widget().grab().save(os.path.join(SHOTS, f"fit_{{TAG}}_{{page}}_full.png"))

def visit(i):
    if i >= len(PAGES):
        QApplication.primaryScreen().grabWindow(0).save(os.path.join(SHOTS, f"fit_{{TAG}}_window.png"))
        finish()
        return
    dock().pages.setCurrentIndex(i)
    def later():
        check(i)
        visit(i + 1)
    QTimer.singleShot(600, guard(later))

@guard
def start():
    actions = [a for a in iface.mainWindow().findChildren(QAction) if a.objectName() == "SnowLeopardCensusDockAction"]
    actions[0].trigger()
    d = dock()
    iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager in Xvfb
    iface.mainWindow().resizeDocks([d], [d.minimumWidth()], 1)  # the dock's default width
    state["language"] = d.pages.itemText(0)
    d.data.add_folder(SAMPLE)
    if SEASON and os.path.exists(SEASON):
        d.load_season(SEASON, add_layers=False)
    QTimer.singleShot(1000, guard(lambda: visit(0)))

def watchdog():
    state["error"] = "watchdog: the driver did not finish"
    finish()

QTimer.singleShot(4000, start)
QTimer.singleShot(150000, watchdog)
'''


@pytest.mark.gui
@pytest.mark.parametrize("screen", ["1920x1080", "1366x768"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_dock_fits_its_width(installed_profile, sample_dir, language, screen):  # noqa: F811 - the fixture
    """Every page fits the dock's default width, in Russian and English, on a full-HD and a laptop screen:
    no horizontal scrollbar, every label, button, spin box and date edit inside the visible width, no button
    text cut. Screenshots: ``build/screenshots/fit_<language>_<screen>_<page>.png`` (and ``_full``)."""

    if shutil.which("xvfb-run") is None or shutil.which("qgis.bin") is None:
        pytest.fail("xvfb-run and qgis are needed: run 'make deps'")
    tmp_path = installed_profile["tmp"]
    os.makedirs(SHOTS, exist_ok=True)
    tag = f"{language}_{screen}"
    result = tmp_path / f"fit_{tag}.json"
    driver = tmp_path / f"fit_{tag}.py"
    season = tmp_path / "season_window.gpkg"  # the season of test_dock_in_qgis_window, when it ran first
    driver.write_text(FIT_DRIVER.format(result=str(result), shots=SHOTS, sample=str(sample_dir),
                                        season=str(season), tag=tag, pages=PAGES))
    env = _clean_env(installed_profile["home"], QGIS_LOG_FILE=str(tmp_path / f"fit_{tag}.log"))
    env.pop("QT_QPA_PLATFORM", None)
    with profile_language(installed_profile, language):
        code = run_qgis_desktop(installed_profile, driver, result, env, screen=f"{screen}x24", timeout=200)
    assert result.exists(), f"QGIS did not finish the check (exit {code})"
    state = json.loads(result.read_text())
    assert "error" not in state, state.get("error")
    assert state["language"] == ("1. Данные" if language == "ru" else "1. Data")
    assert set(state["pages"]) == set(PAGES)
    assert state["problems"] == [], "\n".join(state["problems"])
