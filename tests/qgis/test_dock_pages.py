"""The dock's Coverage & gaps, Plan and Report pages driven through their widgets (pytest-qgis, offscreen).

The sample season is imported once (``snowleopard:importseason``); each test
opens it in a fresh dock, fills a page's widgets, presses its Run button and
checks what a user would check: the tables and layers it wrote (read back
with OGR), the ranked gaps table, the zoom, the plan's km against the budget,
the report PDF's text, and clear messages for bad input.
"""

import glob
import math
import os
import shutil
import subprocess

import pytest
from osgeo import gdal, ogr

from tests.qgis.test_dock import _wait


@pytest.fixture(scope="module")
def season(tmp_path_factory, processing_ready, sample_dir):
    """The sample season imported into a fresh folder, plus a record of what the tests ran."""
    import processing

    folder = tmp_path_factory.mktemp("pages")
    path = str(folder / "season.gpkg")
    processing.run("snowleopard:importseason", {
        "ROUTES": sorted(glob.glob(os.path.join(sample_dir, "tracks", "*.gpx"))),
        "OBSERVATIONS": [os.path.join(sample_dir, "signs.csv")],
        "CAMERAS": [os.path.join(sample_dir, "camtrap", "datapackage.json")],
        "DEM": os.path.join(sample_dir, "dem.tif"), "OUTPUT": path})
    return {"gpkg": path, "dir": folder, "dem": os.path.join(sample_dir, "dem.tif"), "outputs": {}}


@pytest.fixture()
def dock(qgis_iface, processing_ready, season):
    from qgis.core import QgsProject

    from snowleopard_plugin.gui.dock import SeasonDock

    QgsProject.instance().clear()
    widget = SeasonDock(qgis_iface)
    assert widget.load_season(season["gpkg"])
    yield widget
    if widget.is_busy():
        widget.cancel()
        _wait(widget)
    widget.deleteLater()
    QgsProject.instance().clear()


def _tables(gpkg):
    ds = ogr.Open(gpkg)
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    ds = None
    return names


def _features(gpkg, table):
    ds = ogr.Open(gpkg)
    layer = ds.GetLayerByName(table)
    rows = [(dict(f.items()), f.GetGeometryRef().Clone() if f.GetGeometryRef() else None) for f in layer]
    ds = None
    return rows


def _access_layer(sample_dir):
    from qgis.core import QgsProject, QgsVectorLayer

    uri = f"file://{sample_dir}/access.csv?type=csv&xField=x_utm45n&yField=y_utm45n&crs=EPSG:32645"
    layer = QgsVectorLayer(uri, "access", "delimitedtext")
    assert layer.isValid() and layer.featureCount() > 0
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_coverage_chain_fills_ranked_gaps_and_zooms(dock, season, sample_dir, qgis_iface):
    from qgis.core import QgsProject

    dock.coverage.coverageDem.setFilePath(season["dem"])
    dock.coverage.halfWidthSpin.setValue(50.0)
    dock.coverage.cameraReachSpin.setValue(500.0)
    dock.coverage.accessLayer.setLayer(_access_layer(sample_dir))
    dock.coverage.coverageButton.click()
    assert dock.is_busy()
    _wait(dock)
    gpkg = season["gpkg"]
    # vector results are tables of the season GeoPackage, rasters GeoTIFFs in the results folder
    assert {"ridges", "effort_grid", "ridge_coverage", "gaps"} <= _tables(gpkg), dock.last_message
    results = dock.results_dir()
    assert not [n for n in os.listdir(results) if n.endswith(".gpkg")]
    for name in ("habitat.tif", "coverage.tif", "slope.tif"):
        assert os.path.exists(os.path.join(results, name))
    gaps = _features(gpkg, "gaps")
    assert gaps, "the sample season has coverage gaps"
    table = dock.coverage.gapsTable
    assert [table.horizontalHeaderItem(c).text() for c in range(5)] == [
        "Rank", "Area km²", "Mean\nsuitability", "Ridge km", "Access km"]
    assert table.rowCount() == len(gaps)
    by_rank = sorted(gaps, key=lambda g: g[0]["rank"])
    for row, (fields, geometry) in enumerate(by_rank):
        assert int(table.item(row, 0).text()) == fields["rank"] == row + 1
        # the area shown is the polygon's own area (km², from OGR's geometry)
        assert float(table.item(row, 1).text()) == pytest.approx(geometry.GetArea() / 1e6, abs=0.01)
        assert float(table.item(row, 2).text()) == pytest.approx(fields["suitability"], abs=0.006)
        assert table.item(row, 4).text() != "–"  # an access layer was given: distances are filled
    # ranked by area × suitability
    scores = [f["area_km2"] * f["suitability"] for f, _ in by_rank]
    assert scores == sorted(scores, reverse=True)
    # styled layers in the season group, loaded from the season GeoPackage
    titles = {lyr.name(): lyr.source() for lyr in QgsProject.instance().mapLayers().values()}
    assert titles["Coverage gaps"] == f"{gpkg}|layername=gaps"
    assert titles["Ridgelines"] == f"{gpkg}|layername=ridges"

    # clicking a row zooms the map onto that gap
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsProject.instance().mapLayersByName("Coverage gaps")[0].crs())
    canvas.resize(600, 400)
    row = table.rowCount() - 1
    table.cellClicked.emit(row, 1)
    xmin, xmax, ymin, ymax = by_rank[row][1].GetEnvelope()
    extent = canvas.extent()
    assert extent.xMinimum() <= xmin and extent.xMaximum() >= xmax
    assert extent.yMinimum() <= ymin and extent.yMaximum() >= ymax
    assert extent.width() < (xmax - xmin) + 2000 or extent.height() < (ymax - ymin) + 2000

    # a second run with another gap distance rewrites the tables in place: one layer each, new rows
    first = len(gaps)
    dock.coverage.gapDistanceSpin.setValue(500.0)
    dock.coverage.coverageButton.click()
    _wait(dock)
    again = _features(gpkg, "gaps")
    assert dock.coverage.gapsTable.rowCount() == len(again)
    assert sum(g.GetArea() for _, g in again) > sum(g.GetArea() for _, g in gaps)  # stricter: more gap area
    assert len(QgsProject.instance().mapLayersByName("Coverage gaps")) == 1
    assert first > 0
    season["outputs"] = dict(dock.outputs)


def test_habitat_from_polygon_layer(dock, season, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    # habitat: a polygon over the western half of the routes' extent
    ds = ogr.Open(season["gpkg"])
    xmin, xmax, ymin, ymax = ds.GetLayerByName("routes").GetExtent()
    ds = None
    xmid = (xmin + xmax) / 2
    path = str(tmp_path / "habitat.gpkg")
    out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    layer = out.CreateLayer("habitat", srs, ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    box = ogr.CreateGeometryFromWkt(f"POLYGON(({xmin - 5000} {ymin - 5000},{xmid} {ymin - 5000},{xmid} {ymax + 5000},"
                                    f"{xmin - 5000} {ymax + 5000},{xmin - 5000} {ymin - 5000}))")
    feature.SetGeometry(box)
    layer.CreateFeature(feature)
    out = None
    habitat = QgsVectorLayer(path, "my habitat", "ogr")
    QgsProject.instance().addMapLayer(habitat)
    dock.coverage.coverageDem.setFilePath(season["dem"])
    dock.coverage.habitatFromLayer.setChecked(True)
    dock.coverage.habitatLayer.setLayer(habitat)
    dock.coverage.coverageButton.click()
    _wait(dock)
    gaps = _features(season["gpkg"], "gaps")
    assert gaps and dock.coverage.gapsTable.rowCount() == len(gaps), dock.last_message
    for _, geometry in gaps:  # every gap lies inside the habitat polygon (up to one pixel)
        assert geometry.Buffer(-100).Within(box) or geometry.Buffer(-100).IsEmpty()


def test_dem_in_degrees_is_warped_to_the_season_crs(dock, season, tmp_path):
    """An SRTM-like DEM in EPSG:4326: the dock says it warps it, the chain runs, and ridges, coverage and gaps
    land in the season's CRS; the user's DEM folder is left as it was."""
    from qgis.core import QgsProject

    folder = tmp_path / "srtm"
    folder.mkdir()
    other = str(folder / "dem_wgs84.tif")
    gdal.Warp(other, season["dem"], dstSRS="EPSG:4326", resampleAlg="bilinear")
    before = sorted(os.listdir(folder))
    dock.coverage.coverageDem.setFilePath(other)
    dock.coverage.coverageButton.click()
    assert "EPSG:4326" in dock.last_message and "EPSG:32645" in dock.last_message  # the note, not an error
    _wait(dock)
    assert sorted(os.listdir(folder)) == before
    for name in ("Coverage gaps", "Ridgelines", "Survey coverage"):
        layers = QgsProject.instance().mapLayersByName(name)
        assert layers and layers[0].crs().authid() == "EPSG:32645", (name, dock.last_message)
    assert dock.coverage.gapsTable.rowCount() == len(_features(season["gpkg"], "gaps")) > 0
    # the dock stays usable and a DEM in the season's CRS runs as before
    assert dock.coverage.coverageButton.isEnabled() and dock.data.importButton.isEnabled()
    dock.coverage.coverageDem.setFilePath(season["dem"])
    dock.plan.planTransectsButton.click()
    _wait(dock)
    plan = QgsProject.instance().mapLayersByName("Planned transects")
    assert plan and plan[0].featureCount() > 0 and plan[0].crs().authid() == "EPSG:32645", dock.last_message


def _union_wkb(features):
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for _, geometry in features:
        union = union.Union(geometry)
    return union.ExportToWkb()


def test_plan_page_transects_cameras_and_compare(dock, season, sample_dir, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    gpkg = season["gpkg"]
    outputs = season["outputs"]
    if not outputs.get("ridges"):
        pytest.fail("needs the coverage test's results (run the whole file)")
    dock.outputs.update(outputs)  # as restored from the project: the Coverage page's gaps among them
    ridges = QgsVectorLayer(f"{gpkg}|layername=ridges", "ridges", "ogr")
    habitat = QgsRasterLayer(os.path.join(dock.results_dir(), "habitat.tif"), "habitat")
    assert ridges.isValid() and habitat.isValid()
    QgsProject.instance().addMapLayers([ridges, habitat])
    dock.plan.planRidges.setLayer(ridges)
    dock.plan.planHabitat.setLayer(habitat)
    dock.plan.planAccess.setLayer(_access_layer(sample_dir))
    dock.coverage.coverageDem.setFilePath(season["dem"])
    dock.plan.budgetSpin.setValue(60.0)
    dock.plan.maxDaySpin.setValue(15.0)
    dock.plan.teamsSpin.setValue(2)
    gpx = str(tmp_path / "gpx")
    dock.plan.gpxFolder.setFilePath(gpx)
    dock.plan.planTransectsButton.click()
    _wait(dock)
    plan = _features(gpkg, "plan_transects")
    assert plan, dock.last_message
    # with a DEM the budget counts surface km (over the terrain), never less than the map length
    km = sum(f["surface_km"] for f, _ in plan)
    assert km <= 60.0 + 1e-6
    assert all(f["surface_km"] >= g.Length() / 1000.0 - 1e-6 for f, g in plan)
    assert all(f["surface_km"] <= 15.0 + 1e-6 for f, _ in plan)
    assert {f["team"] for f, _ in plan} <= {1, 2}
    assert f"{km:.1f} km" in dock.plan.planSummaryLabel.text()
    files = sorted(os.listdir(gpx))
    assert files and all(n.endswith(".gpx") for n in files) and len(files) <= 2
    assert QgsProject.instance().mapLayersByName("Planned transects")
    # the plan went into the ranked gaps of the Coverage page; with "gaps first" off, less of it does
    gaps = ogr.CreateGeometryFromWkb(bytes(_union_wkb(_features(gpkg, "gaps"))))

    def share_in_gaps(lines):
        strip = ogr.Geometry(ogr.wkbMultiPolygon)
        for _, geometry in lines:
            strip = strip.Union(geometry.Buffer(50.0))
        return strip.Intersection(gaps).GetArea() / strip.GetArea()

    first = share_in_gaps(plan)
    dock.plan.gapsFirstCheck.setChecked(False)
    dock.plan.planTransectsButton.click()
    _wait(dock)
    plain = share_in_gaps(_features(gpkg, "plan_transects"))
    assert first > plain, (first, plain)
    dock.plan.gapsFirstCheck.setChecked(True)

    dock.plan.stationsSpin.setValue(6)
    dock.plan.spacingSpin.setValue(4000.0)
    dock.plan.keepCamerasCheck.setChecked(True)
    dock.plan.planCamerasButton.click()
    _wait(dock)
    stations = _features(gpkg, "plan_cameras")
    new = [g for f, g in stations if not f["existing"]]
    assert len(new) == 6, dock.last_message
    ds = ogr.Open(gpkg)
    existing = [f.GetGeometryRef().Clone() for f in ds.GetLayerByName("cameras")]
    ds = None
    placed = new + existing
    for a in new:  # no new station closer than the spacing to any other station
        for b in placed:
            if b is not a:
                assert math.hypot(a.GetX() - b.GetX(), a.GetY() - b.GetY()) >= 4000.0 - 1e-6

    dock.plan.compareButton.click()
    _wait(dock)
    assert {"plan_walked", "walked_off_plan"} <= _tables(gpkg), dock.last_message
    assert len(_features(gpkg, "plan_walked")) == len(plan)
    assert "Plan walked" in dock.plan.planSummaryLabel.text()
    season["outputs"].update(dock.outputs)


def _pdf_text(path):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed")
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def test_report_before_any_analysis_and_open(dock, season, tmp_path, monkeypatch):
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtGui import QDesktopServices

    output = str(tmp_path / "report_empty.pdf")
    dock.outputs = {}
    dock.report.reportFile.setFilePath(output)
    dock.report.languageCombo.setCurrentIndex(1)  # English
    assert not dock.report.openReportButton.isEnabled()
    dock.report.reportButton.click()
    assert dock.is_busy() and not dock.report.reportButton.isEnabled()  # runs on the main thread, the dock shows busy
    QCoreApplication.processEvents()
    _wait(dock)
    assert os.path.exists(output), dock.last_message
    text = _pdf_text(output)
    assert "No coverage or gaps layer was given" in text and "No plan was given" in text
    assert dock.report.openReportButton.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    dock.report.openReportButton.click()
    assert opened == [output]


def test_report_with_analyses_and_unwritable_path(dock, season, tmp_path):
    outputs = season["outputs"]
    if not outputs.get("gaps"):
        pytest.fail("needs the coverage test's results (run the whole file)")
    dock.outputs.update(outputs)  # as restored from the project
    dock.report.languageCombo.setCurrentIndex(1)
    output = str(tmp_path / "report.pdf")
    dock.report.reportFile.setFilePath(output)
    dock.report.reportButton.click()
    _wait(dock)
    assert os.path.exists(output), dock.last_message
    text = _pdf_text(output)
    gaps = sorted(_features(season["gpkg"], "gaps"), key=lambda g: g[0]["rank"])
    assert f"{gaps[0][0]['area_km2']:.2f}" in text  # the top gap's area (2 decimals, as the report prints it)
    assert "No plan was given" not in text

    dock.report.reportFile.setFilePath(str(tmp_path / "no such folder" / "report.pdf"))
    dock.report.reportButton.click()
    _wait(dock)
    assert "does not exist" in dock.last_message and "choose another place" in dock.last_message
    assert dock.report.reportButton.isEnabled() and not dock.is_busy()


def test_export_generalised_signs(dock, season, tmp_path):
    folder = str(tmp_path / "exports")
    dock.exports.exportFolder.setFilePath(folder)
    dock.exports.generaliseSpin.setValue(0.0)
    dock.exports.exportGeneraliseButton.click()
    assert "cell size" in dock.last_message and not dock.is_busy()
    dock.exports.generaliseSpin.setValue(10000.0)
    dock.exports.exportGeneraliseButton.click()
    _wait(dock)
    path = os.path.join(folder, "observations_generalised_10000m.gpkg")
    assert os.path.exists(path), dock.last_message
    ds = ogr.Open(season["gpkg"])
    n = ds.GetLayerByName("observations").GetFeatureCount()
    ds = None
    shared = ogr.Open(path)
    layer = shared.GetLayer(0)
    assert layer.GetFeatureCount() == n
    for feature in layer:
        point = feature.GetGeometryRef()
        assert point.GetX() % 10000.0 == pytest.approx(5000.0) and point.GetY() % 10000.0 == pytest.approx(5000.0)
    shared = None
    dock.exports.exportCamtrapButton.click()
    _wait(dock)
    assert os.path.exists(os.path.join(folder, "camtrapdp", "datapackage.json")), dock.last_message


def test_every_control_has_a_tooltip(dock):
    from qgis.gui import QgsFileWidget
    from qgis.PyQt.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QProgressBar,
    )

    inner = (QgsFileWidget, QAbstractSpinBox, QComboBox, QAbstractItemView)

    def part_of_another(widget):  # the line edit inside a spin box, the button inside a file widget, ...
        parent = widget.parentWidget()
        while parent is not None and parent is not dock:
            if isinstance(parent, inner):
                return True
            parent = parent.parentWidget()
        return False

    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QgsFileWidget, QAbstractItemView, QGroupBox,
             QProgressBar, QLabel)
    missing = []
    for widget in dock.findChildren(kinds):
        if widget.objectName().startswith("qt_") or part_of_another(widget):
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        if not widget.toolTip():
            missing.append(f"{type(widget).__name__} {widget.objectName()} {getattr(widget, 'text', lambda: '')()}")
    assert missing == []
