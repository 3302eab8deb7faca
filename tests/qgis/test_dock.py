"""The season dock driven through its widgets (pytest-qgis, offscreen).

Imports the sample season from its folder, checks the layers, the summary and
the validation tree against the GeoPackage read with OGR; cancels a long
heatmap and checks it stops promptly without an output file; saves and
reopens a project and checks the settings came back.
"""

import os
import time

import pytest
from osgeo import ogr

SAMPLE_FILES = None


def _wait(dock, timeout=120.0):
    from qgis.PyQt.QtCore import QCoreApplication

    start = time.monotonic()
    while dock.is_busy():
        QCoreApplication.processEvents()
        time.sleep(0.01)
        assert time.monotonic() - start < timeout, "the background task did not finish"
    QCoreApplication.processEvents()
    return time.monotonic() - start


@pytest.fixture()
def dock(qgis_iface, processing_ready):
    from qgis.core import QgsProject

    from snowleopard_plugin.gui.dock import SeasonDock

    QgsProject.instance().clear()
    widget = SeasonDock(qgis_iface)
    yield widget
    if widget.is_busy():
        widget.cancel()
        _wait(widget)
    widget.deleteLater()
    QgsProject.instance().clear()


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A folder for the season imported by the first test, reused by the others."""
    return {"dir": tmp_path_factory.mktemp("dock")}


def test_data_page_sorts_files_and_imports(dock, sample_dir, imported, qgis_iface):
    from qgis.core import QgsProject

    from snowleopard_plugin.qgis_io import season_group_name

    dock.data.add_folder(sample_dir)
    roles = dock.data.file_roles_dict()
    tracks = [p for p in roles if p.endswith(".gpx")]
    assert len(tracks) == 16 and all(roles[p] == "routes" for p in tracks)
    assert roles[os.path.join(sample_dir, "signs.csv")] == "observations"
    assert roles[os.path.join(sample_dir, "camtrap", "datapackage.json")] == "cameras"
    assert not any(p.endswith("deployments.csv") for p in roles)  # part of the Camtrap DP package
    assert dock.data.demFile.filePath() == os.path.join(sample_dir, "dem.tif")
    # access points are not signs: the user changes the guess before running
    dock.data.set_file_role(os.path.join(sample_dir, "access.csv"), "ignore")
    output = str(imported["dir"] / "season2026.gpkg")
    dock.data.outputFile.setFilePath(output)
    dock.data.importButton.click()
    assert dock.is_busy() and dock.cancelButton.isEnabled()
    _wait(dock)
    assert dock.last_message == "" or "holds no" not in dock.last_message
    assert os.path.exists(output)
    imported["gpkg"] = output
    from qgis.gui import QgsGui

    # recorded like a Toolbox run, so it can be run again from there
    assert "snowleopard:importseason" in QgsGui.instance().processingRecentAlgorithmLog().recentAlgorithmIds()

    ds = ogr.Open(output)
    counts = {name: ds.GetLayerByName(name).GetFeatureCount() for name in ("routes", "observations", "cameras",
                                                                           "validation")}
    km = sum(f.GetField("length_km") for f in ds.GetLayerByName("routes"))
    problems = {}
    for f in ds.GetLayerByName("validation"):
        problems[f.GetField("problem")] = problems.get(f.GetField("problem"), 0) + 1
    ds = None
    s = dock.summary
    assert s["routes"] == counts["routes"] == 16
    assert s["signs"] == counts["observations"]
    assert s["km"] == pytest.approx(km)
    assert "16" in dock.data.summaryLabel.text() and f"{km:.1f}" in dock.data.summaryLabel.text()
    # no access point was imported as a sign
    ds = ogr.Open(output)
    sources = {str(f.GetField("source") or "") for f in ds.GetLayerByName("observations")}
    ds = None
    assert not any("access" in source for source in sources)

    group = QgsProject.instance().layerTreeRoot().findGroup(season_group_name(output))
    assert group is not None and len(group.findLayerIds()) == 5
    tree = dock.data.validationTree
    shown = {tree.topLevelItem(i).data(0, 256): tree.topLevelItem(i).childCount()
             for i in range(tree.topLevelItemCount())}
    assert shown == problems

    # clicking a located validation row zooms the map onto it
    canvas = qgis_iface.mapCanvas()
    from snowleopard_plugin.qgis_io import season_layer

    layer = season_layer(output, "validation")
    canvas.setDestinationCrs(layer.crs())
    canvas.resize(600, 400)
    for i in range(tree.topLevelItemCount()):
        child = tree.topLevelItem(i).child(0)
        point = layer.getFeature(int(child.data(0, 256))).geometry()
        if point.isEmpty():
            continue
        dock.data.validation_clicked(child)
        extent = canvas.extent()
        assert extent.contains(point.asPoint())
        assert extent.width() < 5000  # zoomed in, not the whole season
        break
    else:
        pytest.fail("no located validation row in the sample season")


def test_heatmap_runs_and_lands_in_group(dock, imported):
    from qgis.core import QgsProject, QgsRasterLayer

    assert dock.load_season(imported["gpkg"])
    dock.heatmaps.pixelSpin.setValue(200.0)
    dock.heatmaps.heatmapButton.click()
    _wait(dock)
    path = dock.outputs.get("heatmap")
    assert path and os.path.exists(path), dock.last_message
    layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source() == path]
    assert len(layers) == 1 and isinstance(layers[0], QgsRasterLayer)
    assert layers[0].renderer().type() == "singlebandpseudocolor"  # styled from its .qml


def big_season(season, path, n, seed=1):
    """A copy of ``season`` whose observations are ``n`` random tracks over the routes' extent."""
    import shutil

    import numpy as np
    from osgeo import gdal

    shutil.copyfile(season, path)
    ds = ogr.Open(season)
    xmin, xmax, ymin, ymax = ds.GetLayerByName("routes").GetExtent()
    ds = None
    rng = np.random.default_rng(seed)
    csv = os.path.join(os.path.dirname(str(path)), "points.csv")
    with open(csv, "w") as handle:
        handle.write("x,y,obs_type,datetime\n")
        for x, y in zip(rng.uniform(xmin, xmax, n), rng.uniform(ymin, ymax, n)):
            handle.write(f"{x:.1f},{y:.1f},track,2026-03-01T12:00:00\n")
    src = gdal.OpenEx(csv, gdal.OF_VECTOR, open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y"])
    gdal.VectorTranslate(str(path), src, accessMode="overwrite", layerName="observations",
                               dstSRS="EPSG:32645", srcSRS="EPSG:32645", geometryType="POINT",
                               SQLStatement="SELECT obs_type, datetime FROM points")
    src = None
    os.remove(csv)
    return str(path)


def test_cancel_long_heatmap_leaves_no_file(dock, imported, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication

    season = big_season(imported["gpkg"], tmp_path / "big.gpkg", 1_000_000)
    assert dock.load_season(season, add_layers=False)
    output = dock.result_path("heatmap")
    assert not os.path.exists(output)
    dock.heatmaps.pixelSpin.setValue(20.0)
    dock.heatmaps.run_heatmap()
    assert dock.is_busy()
    started = time.monotonic()
    while time.monotonic() - started < 1.5:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert dock.is_busy(), "the heatmap finished too soon to test cancelling: " + dock.last_message
    dock.cancelButton.click()
    stopped = _wait(dock, timeout=60.0)
    assert stopped < 2.0
    assert not os.path.exists(output)
    assert not [n for n in os.listdir(os.path.dirname(output)) if n.startswith("heatmap")]
    assert "Cancel" in dock.statusLabel.text()
    assert dock.data.importButton.isEnabled()  # the dock is usable again


def test_failure_goes_to_message_bar(dock, qgis_iface, tmp_path):
    not_season = tmp_path / "roads.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(not_season))
    ds.CreateLayer("roads", None, ogr.wkbLineString)
    ds = None
    assert not dock.load_season(str(not_season))
    assert "not a census season" in dock.last_message
    dock.season_path = ""
    dock.heatmaps.run_heatmap()
    assert "Data page" in dock.last_message
    assert not dock.is_busy()


def test_settings_saved_in_project_and_restored(dock, imported, tmp_path):
    from qgis.core import QgsProject

    assert dock.load_season(imported["gpkg"])
    dock.heatmaps.radiusSpin.setValue(3500.0)
    dock.heatmaps.kernelCombo.setCurrentIndex(2)
    dock.heatmaps.effortCheck.setChecked(False)
    dock.heatmaps.kernelCombo.setCurrentIndex(2)  # uniform: the exact row-by-row path, which checks Cancel often
    dock.heatmaps.weightSpins["scrape"].setValue(2.5)
    dock.coverage.halfWidthSpin.setValue(75.0)
    dock.report.titleEdit.setText("Сайлюгемский 2026")
    dock.report.languageCombo.setCurrentIndex(1)
    dock.plan.budgetSpin.setValue(90.0)
    dock.plan.keepCamerasCheck.setChecked(False)
    dock.exports.generaliseSpin.setValue(5000.0)
    dock.save_settings()
    project_path = str(tmp_path / "season.qgz")
    assert QgsProject.instance().write(project_path)

    # another project: the widgets change; reading the saved one brings the settings back
    QgsProject.instance().clear()
    dock.heatmaps.radiusSpin.setValue(1000.0)
    dock.heatmaps.kernelCombo.setCurrentIndex(0)
    dock.heatmaps.effortCheck.setChecked(True)
    dock.heatmaps.weightSpins["scrape"].setValue(1.0)
    dock.coverage.halfWidthSpin.setValue(100.0)
    dock.report.titleEdit.setText("")
    dock.plan.budgetSpin.setValue(150.0)
    dock.plan.keepCamerasCheck.setChecked(True)
    dock.exports.generaliseSpin.setValue(0.0)
    dock.season_path = ""
    assert QgsProject.instance().read(project_path)
    assert dock.heatmaps.radiusSpin.value() == 3500.0
    assert dock.heatmaps.kernelCombo.currentIndex() == 2
    assert not dock.heatmaps.effortCheck.isChecked()
    assert dock.heatmaps.weightSpins["scrape"].value() == 2.5
    assert dock.coverage.halfWidthSpin.value() == 75.0
    assert dock.report.titleEdit.text() == "Сайлюгемский 2026"
    assert dock.report.languageCombo.currentData() == "en"
    assert dock.plan.budgetSpin.value() == 90.0 and not dock.plan.keepCamerasCheck.isChecked()
    assert dock.exports.generaliseSpin.value() == 5000.0
    assert dock.season_path == imported["gpkg"]
    assert dock.summary["routes"] == 16


#: The project entries the dock wrote before its pages were split (scope ``snowleopard``): projects saved
#: then must reopen with their settings, so the keys never change.
PROJECT_KEYS = {
    "dem", "output", "date_window", "date_from", "date_to", "radius", "pixel", "kernel", "effort",
    "min_effort_km", "species", "camera_radius", "per_individual", "coverage_dem", "half_width", "camera_reach",
    "grid", "habitat_from_layer", "habitat_layer", "gap_distance", "min_area", "access_layer", "title", "language",
    "include_heatmap", "include_coverage", "include_gaps", "include_plan", "report", "plan_ridges", "plan_habitat",
    "plan_routes", "plan_access", "plan_locked", "plan_exclude", "budget_km", "max_day_km", "teams",
    "plan_half_width", "gaps_first", "gpx_folder", "n_stations", "sigma", "min_spacing", "keep_cameras",
    "export_folder", "generalise_m", "season", "files", "outputs", "signs"}


def test_settings_keep_the_project_keys(dock):
    assert set(dock.settings()) == PROJECT_KEYS
    dock.save_settings()
    from qgis.core import QgsProject

    stored = set(QgsProject.instance().entryList("snowleopard", ""))
    assert stored == PROJECT_KEYS


def test_settings_of_a_project_saved_before_the_split(dock, sample_dir):
    """Entries written as the single-class dock wrote them come back into the pages' widgets."""
    import json

    from qgis.core import QgsProject

    track = os.path.join(sample_dir, "signs.csv")
    entries = {"radius": 3500.0, "kernel": 2, "effort": False, "date_window": True, "date_from": "2026-02-01",
               "species": "Panthera uncia uncia", "half_width": 75.0, "habitat_from_layer": False,
               "budget_km": 90.0, "teams": 3.0, "keep_cameras": False, "title": "Сайлюгемский 2026",
               "language": 1, "generalise_m": 5000.0, "files": [[track, "observations"]],
               "signs": {"scrape": [False, 2.5]}, "outputs": {"report": "/nowhere/report.pdf"}}
    project = QgsProject.instance()
    for key, value in entries.items():
        project.writeEntry("snowleopard", key, json.dumps(value))
    project.writeEntry("snowleopard", "pixel", "not json")  # unreadable: the widget keeps its value
    project.writeEntry("snowleopard", "grid", json.dumps("wide"))  # wrong type: the same
    dock.restore_settings()
    assert dock.heatmaps.radiusSpin.value() == 3500.0 and dock.heatmaps.kernelCombo.currentIndex() == 2
    assert not dock.heatmaps.effortCheck.isChecked() and dock.heatmaps.dateWindowCheck.isChecked()
    assert dock.heatmaps.dateFrom.date().toString("yyyy-MM-dd") == "2026-02-01"
    assert dock.heatmaps.speciesEdit.text() == "Panthera uncia uncia"
    assert dock.heatmaps.pixelSpin.value() == 100.0 and dock.coverage.gridSpin.value() == 2000.0
    assert dock.coverage.halfWidthSpin.value() == 75.0 and dock.coverage.habitatFromDem.isChecked()
    assert dock.plan.budgetSpin.value() == 90.0 and dock.plan.teamsSpin.value() == 3
    assert not dock.plan.keepCamerasCheck.isChecked()
    assert dock.report.titleEdit.text() == "Сайлюгемский 2026" and dock.report.languageCombo.currentData() == "en"
    assert dock.exports.generaliseSpin.value() == 5000.0
    assert dock.data.file_roles() == [(track, "observations")]
    assert dock.heatmaps.sign_weights().get("scrape") is None
    assert dock.heatmaps.weightSpins["scrape"].value() == 2.5
    assert dock.outputs == {"report": "/nowhere/report.pdf"} and dock.report.openReportButton.isEnabled()


def test_page_parameters_are_the_algorithms_own(dock, tmp_path):
    """Every parameter a page hands an algorithm is one the algorithm declares."""
    from qgis.core import QgsApplication

    from snowleopard_plugin.gui.dock import algorithm_id

    def declared(algorithm):
        alg = QgsApplication.processingRegistry().algorithmById(algorithm_id(algorithm))
        return {p.name() for p in alg.parameterDefinitions()}

    from snowleopard_plugin.processing.alg_heatmap import HeatmapAlgorithm

    dock.season_path = str(tmp_path / "season.gpkg")
    dock.heatmaps.dateWindowCheck.setChecked(True)
    assert set(dock.heatmaps.heatmap_parameters()) <= declared(HeatmapAlgorithm)
    for kind in ("occupancy", "secr", "camtrapdp", "generalise"):
        algorithm, params = dock.exports.export_parameters(kind)
        assert set(params) <= declared(algorithm), kind


def test_help_button_opens_the_dock_page_or_says_it_is_missing(dock, monkeypatch):
    from qgis.PyQt.QtGui import QDesktopServices

    import snowleopard_plugin.gui.dock as dock_module

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    monkeypatch.setattr(dock_module, "help_url", lambda page: "")
    dock.helpButton.click()
    assert opened == [] and "help page" in dock.last_message
    monkeypatch.setattr(dock_module, "help_url", lambda page: f"file:///plugin/resources/help/en/{page}.html")
    dock.helpButton.click()
    assert opened == ["file:///plugin/resources/help/en/dock.html"]
