"""Page 3, Coverage & gaps: terrain → habitat → coverage → ranked gaps, one background run after the other."""

from __future__ import annotations

import dataclasses

from qgis.core import QgsMapLayerProxyModel, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
)

from ...i18n import tr
from ...processing.alg_coverage import CoverageAlgorithm as Coverage
from ...processing.alg_gaps import GapsAlgorithm as Gaps
from ...processing.alg_habitat import HabitatAlgorithm as Habitat
from ...processing.alg_terrain import TerrainAlgorithm as Terrain
from ..runner import algorithm_available
from ..widgets import file_widget, form, layer_combo, layer_parameter, spin, tip
from .base import Page

#: Fields of the gaps layer shown in the table, in column order.
GAP_FIELDS = ("rank", "area_km2", "suitability", "ridge_km", "access_km")


@dataclasses.dataclass
class CoverageSettings:
    """What the Coverage & gaps page keeps in the project."""

    coverage_dem: str = ""
    half_width: float = 100.0
    camera_reach: float = 1000.0
    grid: float = 2000.0
    habitat_from_layer: bool = False
    habitat_layer: str = ""
    gap_distance: float = 2000.0
    min_area: float = 1.0
    access_layer: str = ""


class CoveragePage(Page):
    """Where the census looked, and the suitable habitat it did not reach."""

    SETTINGS = CoverageSettings

    def __init__(self, dock, parent=None) -> None:
        super().__init__(dock, parent)
        d = self.defaults
        layout = self.box
        rows = form()
        self.coverageDem = file_widget(tr("DEM of the park (same metric CRS as the season)"),
                                       tr("Rasters (*.tif *.tiff *.vrt *.img);;All files (*)"))
        rows.addRow(tip(QLabel(tr("DEM")), tr("Digital elevation model")), self.coverageDem)
        self.halfWidthSpin = spin(d.half_width, 1.0, 500.0, 0, tr(" m"),
                                  tr("A place counts as searched within this distance of a walked route"), 10.0)
        rows.addRow(tip(QLabel(tr("Search half-width")), tr("Detection half-width of a route")), self.halfWidthSpin)
        self.cameraReachSpin = spin(d.camera_reach, 1.0, 20000.0, 0, tr(" m"),
                                    tr("A place counts as sampled within this distance of a camera"), 100.0)
        rows.addRow(tip(QLabel(tr("Camera radius")), tr("Detection radius of a camera")), self.cameraReachSpin)
        self.gridSpin = spin(d.grid, 100.0, 50000.0, 0, tr(" m"), tr("Cell size of the effort grid"), 500.0)
        rows.addRow(tip(QLabel(tr("Grid size")), tr("Cell size of the effort grid")), self.gridSpin)
        self.habitatFromDem = tip(QRadioButton(tr("Habitat from the DEM (Altai rules)")),
                                  tr("Suitable habitat from elevation, slope, ruggedness and ridges"))
        self.habitatFromLayer = tip(QRadioButton(tr("Habitat from a layer")),
                                    tr("Use a habitat polygon or raster layer you already have"))
        self.habitatFromDem.setChecked(not d.habitat_from_layer)
        rows.addRow(self.habitatFromDem)
        self.habitatLayer = layer_combo(tr("Habitat polygons or a 0–1 suitability raster"),
                                        QgsMapLayerProxyModel.Filter.PolygonLayer
                                        | QgsMapLayerProxyModel.Filter.RasterLayer)
        rows.addRow(self.habitatFromLayer, self.habitatLayer)
        self.gapDistanceSpin = spin(d.gap_distance, 10.0, 50000.0, 0, tr(" m"),
                                    tr("Habitat farther than this from any effort is a gap"), 100.0)
        rows.addRow(tip(QLabel(tr("Gap distance")), tr("Distance from effort")), self.gapDistanceSpin)
        self.minAreaSpin = spin(d.min_area, 0.0, 10000.0, 2, tr(" km²"), tr("Leave out gaps smaller than this"), 0.5)
        rows.addRow(tip(QLabel(tr("Minimum area")), tr("Smallest gap kept")), self.minAreaSpin)
        self.accessLayer = layer_combo(tr("Camps, road ends, huts: distance from each gap; optional"),
                                       QgsMapLayerProxyModel.Filter.PointLayer | QgsMapLayerProxyModel.Filter.LineLayer)
        rows.addRow(tip(QLabel(tr("Access")), tr("Access points or roads")), self.accessLayer)
        layout.addLayout(rows)
        self.coverageButton = tip(QPushButton(tr("Run coverage and gaps")),
                                  tr("Terrain, habitat, coverage and ranked gaps, one after the other, in the "
                                     "background"))
        layout.addWidget(self.coverageButton)
        self.run_buttons = [self.coverageButton]
        self.gapsTable = QTableWidget(0, len(GAP_FIELDS))
        self.gapsTable.setHorizontalHeaderLabels([tr("Rank"), tr("Area km²"), tr("Mean\nsuitability"), tr("Ridge km"),
                                                  tr("Access km")])
        self.gapsTable.setToolTip(tr("Coverage gaps ranked by area × suitability; click a row to zoom to the gap"))
        self.gapsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gapsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gapsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.gapsTable.verticalHeader().setVisible(False)
        self.gapsTable.setMinimumHeight(180)
        layout.addWidget(self.gapsTable)
        self.coverageButton.clicked.connect(self.run_coverage)
        self.gapsTable.cellClicked.connect(self.gap_clicked)

    # settings and hooks -----------------------------------------------------------------------
    def bindings(self):
        return {"coverage_dem": self.coverageDem, "half_width": self.halfWidthSpin,
                "camera_reach": self.cameraReachSpin, "grid": self.gridSpin,
                "habitat_from_layer": self.habitatFromLayer, "habitat_layer": self.habitatLayer,
                "gap_distance": self.gapDistanceSpin, "min_area": self.minAreaSpin,
                "access_layer": self.accessLayer}

    def apply_extra_settings(self, settings: CoverageSettings) -> None:
        if not self.habitatFromLayer.isChecked():
            self.habitatFromDem.setChecked(True)

    def season_loaded(self, path: str) -> None:
        dem = self.dock.data.demFile.filePath()
        if not self.coverageDem.filePath() and dem:
            self.coverageDem.setFilePath(dem)

    def results_reset(self) -> None:
        self.gapsTable.setRowCount(0)

    def outputs_restored(self) -> None:
        self.fill_gaps(self.dock.outputs.get("gaps", ""))

    # the chain --------------------------------------------------------------------------------
    def run_coverage(self) -> None:
        """Terrain → habitat → coverage → gaps, one background task after the other.

        Rasters go to the results folder, ridges, effort grid, ridge coverage and
        gaps into tables of the season GeoPackage.
        """
        dock = self.dock
        if not dock.need_season():
            return
        dem = self.coverageDem.filePath()
        from_layer = self.habitatFromLayer.isChecked()
        needed = [Terrain, Coverage, Gaps] + ([] if from_layer else [Habitat])
        missing = [alg.NAME for alg in needed if not algorithm_available(alg.NAME)]
        if missing:
            dock.show_error(tr("Coverage and gaps need algorithms that are not in this version of the plugin yet: "
                               "{names}.").format(names=", ".join(f"snowleopard:{n}" for n in missing)))
            return
        if not dem:
            dock.show_error(tr("Choose the DEM of the park."))
            return
        if not dock.check_dem(dem):
            return
        habitat_layer = self.habitatLayer.currentLayer()
        if from_layer and habitat_layer is None:
            dock.show_error(tr("Choose the habitat layer, or take the habitat from the DEM."))
            return
        access = layer_parameter(self.accessLayer.currentLayer())
        routes, cameras = dock.season_table("routes"), dock.season_table("cameras")
        target = dock.season_crs()  # ridges, habitat and gaps land in the season's CRS, whatever the DEM's
        target = target if target.isValid() else None
        chain = [(Terrain, lambda: {
            Terrain.DEM: dem, Terrain.TARGET_CRS: target, Terrain.SLOPE: dock.result_path("slope"),
            Terrain.RUGGEDNESS: dock.result_path("ruggedness"), Terrain.TPI: dock.result_path("tpi"),
            Terrain.RIDGES: dock.result_path("ridges")}, self._terrain_done)]
        if not from_layer:
            chain.append((Habitat, lambda: {
                Habitat.DEM: dem, Habitat.TARGET_CRS: target, Habitat.RIDGES: dock.outputs.get("ridges"),
                Habitat.OUTPUT: dock.result_path("habitat")},
                lambda r: dock.add_raster("habitat", r.get(Habitat.OUTPUT), tr("Habitat suitability"))))
        else:
            dock.outputs["habitat"] = layer_parameter(habitat_layer)
        chain.append((Coverage, lambda: {
            Coverage.ROUTES: routes, Coverage.CAMERAS: cameras,
            Coverage.OBSERVATIONS: dock.season_table("observations"),
            Coverage.DETECTIONS: dock.season_table("detections"),
            Coverage.SEARCH_HALF_WIDTH: self.halfWidthSpin.value(),
            Coverage.CAMERA_RADIUS: self.cameraReachSpin.value(),
            Coverage.DEM: dem, Coverage.GRID_SIZE: self.gridSpin.value(), Coverage.RIDGES: dock.outputs.get("ridges"),
            Coverage.COVERAGE: dock.result_path("coverage"), Coverage.GRID: dock.result_path("grid"),
            Coverage.RIDGE_COVERAGE: dock.result_path("ridge_coverage")}, self._coverage_done))
        chain.append((Gaps, lambda: {
            Gaps.HABITAT: dock.outputs.get("habitat"), Gaps.ROUTES: routes, Gaps.CAMERAS: cameras,
            Gaps.MAX_DISTANCE: self.gapDistanceSpin.value(), Gaps.MIN_AREA: self.minAreaSpin.value(),
            Gaps.ACCESS: access, Gaps.RIDGES: dock.outputs.get("ridges"),
            Gaps.OUTPUT: dock.result_path("gaps")}, self._gaps_done))
        dock.run_chain(chain)

    def _terrain_done(self, results: dict) -> None:
        self.dock.add_vector("ridges", results.get(Terrain.RIDGES), tr("Ridgelines"))
        for key in (Terrain.SLOPE, Terrain.RUGGEDNESS, Terrain.TPI):
            if results.get(key):
                self.dock.outputs[key.lower()] = results[key]

    def _coverage_done(self, results: dict) -> None:
        self.dock.add_raster("coverage", results.get(Coverage.COVERAGE), tr("Survey coverage"))
        self.dock.add_vector("grid", results.get(Coverage.GRID), tr("Effort grid"), visible=False)
        self.dock.add_vector("ridge_coverage", results.get(Coverage.RIDGE_COVERAGE), tr("Ridges walked"))

    def _gaps_done(self, results: dict) -> None:
        self.dock.add_vector("gaps", results.get(Gaps.OUTPUT), tr("Coverage gaps"))
        self.fill_gaps(self.dock.outputs.get("gaps", ""))

    # the gaps table ---------------------------------------------------------------------------
    def fill_gaps(self, path: str) -> None:
        """Show the ranked gaps of a gaps layer in the table."""
        self.gapsTable.setRowCount(0)
        layer = QgsVectorLayer(path, "gaps", "ogr") if path else None
        if layer is None or not layer.isValid():
            return
        rows = []
        for feature in layer.getFeatures():
            values = [feature[n] if layer.fields().indexOf(n) >= 0 else None for n in GAP_FIELDS]
            rows.append((values, int(feature.id())))
        rows.sort(key=lambda r: (r[0][0] is None, r[0][0] if r[0][0] is not None else 0))
        for values, fid in rows:
            row = self.gapsTable.rowCount()
            self.gapsTable.insertRow(row)
            for column, value in enumerate(values):
                if value is None or str(value) == "NULL":
                    text = "–"
                elif column == 0:
                    text = str(int(value))
                else:
                    text = f"{float(value):.2f}"
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, fid)
                item.setToolTip(tr("Click to zoom to this gap"))
                self.gapsTable.setItem(row, column, item)

    def gap_clicked(self, row: int, column: int = 0) -> None:
        """Zoom the map to the gap of a table row."""
        path = self.dock.outputs.get("gaps")
        item = self.gapsTable.item(row, 0)
        if not path or item is None:
            return
        layer = QgsVectorLayer(path, "gaps", "ogr")
        if layer.isValid():
            self.dock.zoom_to_feature(layer, int(item.data(Qt.ItemDataRole.UserRole)), margin=200.0)
