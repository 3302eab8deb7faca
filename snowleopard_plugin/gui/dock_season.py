"""The season workflow dock: Data → Heatmaps → Coverage & gaps → Plan → Report.

The dock gathers parameters and runs the plugin's Processing algorithms in the
background (:mod:`.runner`); it holds no analysis code. Results are loaded
into the season's layer group; the dock's settings are stored in the project
(scope ``snowleopard``) and restored when a project is read.
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsDoubleSpinBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..core import model
from ..core.io.vector import TABLE_EXTENSIONS, VECTOR_EXTENSIONS, classify_file
from ..i18n import tr, tr_error
from ..labels import obs_type_labels, problem_labels, role_labels
from .runner import AlgorithmRunner, algorithm_available

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "dock_season.ui"))

#: Scope of the dock's entries in the project file.
SCOPE = "snowleopard"
#: Roles a field file can have in the import (``ignore``: not imported).
ROLES = ("routes", "observations", "cameras", "detections", "ignore")
#: What classify_file says → the import role.
KIND_TO_ROLE = {"routes": "routes", "observations": "observations", "cameras": "cameras",
                "detections": "detections", "camtrapdp": "cameras", "secr_traps": "cameras",
                "secr_capthist": "detections", "unknown": "ignore"}
#: Rasters of the analyses: fixed file names in the results folder beside the season GeoPackage.
RESULT_FILES = {"heatmap": "heatmap.tif", "camerarate": "camera_rate.tif", "slope": "slope.tif",
                "ruggedness": "ruggedness.tif", "tpi": "tpi.tif", "habitat": "habitat.tif",
                "coverage": "coverage.tif"}
#: Vector results of the analyses: tables written into the season GeoPackage itself, so they are
#: saved with the season and nothing is lost when QGIS closes.
RESULT_TABLES = {"camerarate_stations": "camera_rate_stations", "ridges": "ridges", "saddles": "saddles",
                 "grid": "effort_grid", "ridge_coverage": "ridge_coverage", "gaps": "gaps",
                 "plan": "plan_transects", "plan_cameras": "plan_cameras", "plan_walked": "plan_walked",
                 "offplan": "walked_off_plan"}


def scan_folder(folder: str) -> Tuple[List[Tuple[str, str]], Optional[str]]:
    """Field files under ``folder`` with their import role, and a DEM found there.

    The tables inside a Camtrap DP package folder are left out (the package's
    ``datapackage.json`` stands for them); hidden files are skipped.

    Returns:
        ([(path, role), ...] sorted by path, DEM path or None).
    """
    files: List[Tuple[str, str]] = []
    dem = None
    extensions = tuple(VECTOR_EXTENSIONS) + tuple(TABLE_EXTENSIONS)
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        package = None
        for name in names:
            if name.lower() == "datapackage.json" and classify_file(os.path.join(root, name)) == "camtrapdp":
                package = os.path.join(root, name)
        if package:
            files.append((package, "cameras"))
            continue
        for name in sorted(names):
            path = os.path.join(root, name)
            lower = name.lower()
            if name.startswith("."):
                continue
            if lower.endswith((".tif", ".tiff")) and dem is None:
                dem = path
                continue
            if lower.endswith(extensions):
                files.append((path, KIND_TO_ROLE.get(classify_file(path), "ignore")))
    return sorted(files), dem


def _tip(widget: QWidget, text: str) -> QWidget:
    widget.setToolTip(text)
    return widget


def _spin(value: float, low: float, high: float, decimals: int, suffix: str, tip: str,
          step: float = 1.0) -> QgsDoubleSpinBox:
    box = QgsDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setClearValue(value)
    box.setSuffix(suffix)
    box.setToolTip(tip)
    return box


def _file_widget(tip: str, filters: str, save: bool = False) -> QgsFileWidget:
    widget = QgsFileWidget()
    widget.setFilter(filters)
    widget.setToolTip(tip)
    if save:
        widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
    return widget


def _layer_combo(tip: str, filters, empty_text: str = "") -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox()
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(True)
    if empty_text:
        try:
            combo.setAllowEmptyLayer(True, empty_text)
        except TypeError:  # QGIS < 3.30: no text for the empty entry
            pass
    combo.setLayer(None)
    combo.setToolTip(tip)
    return combo


def layer_parameter(layer) -> Optional[str]:
    """A project layer as a Processing parameter value.

    File-based layers (OGR, GDAL) by their source, so the run in the Processing
    history can be repeated without this project; other layers (delimited
    text, memory, databases) by their layer id, which Processing resolves in
    the project.
    """
    if layer is None:
        return None
    if layer.providerType() in ("ogr", "gdal"):
        return layer.source()
    return layer.id()


def table_layer_source(uri: str) -> Optional[str]:
    """``ogr:dbname='<gpkg>' table="<name>" (geom)`` → ``<gpkg>|layername=<name>`` (None for other values)."""
    if not isinstance(uri, str) or not uri.startswith("ogr:dbname='"):
        return None
    try:
        path = uri[len("ogr:dbname='"):uri.index("' table=")]
        name = uri.split('table="', 1)[1].split('"', 1)[0]
    except (ValueError, IndexError):
        return None
    return f"{path}|layername={name}"


class SeasonDock(QDockWidget, FORM_CLASS):
    """The dock; its pages gather parameters and run the Processing algorithms."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setupUi(self)
        self.setObjectName("SnowLeopardSeasonDock")
        self.setMinimumWidth(400)  # the pages' tables and button rows need it; narrower docks scroll sideways
        self.season_path = ""
        self.summary: Optional[Dict[str, Any]] = None
        self.outputs: Dict[str, str] = {}
        self.last_message = ""
        self._restoring = False
        self._run_buttons: List[QPushButton] = []
        self._on_done: Optional[Callable[[dict], None]] = None
        self._chain: List[Tuple[str, Callable[[], Optional[Dict[str, Any]]], Callable[[dict], None]]] = []
        self.runner = AlgorithmRunner(self)
        self.runner.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        self.runner.finished.connect(self._job_finished)
        self.cancelButton.clicked.connect(self.cancel)
        self._build_data_page()
        self._build_heatmaps_page()
        self._build_coverage_page()
        self._build_plan_page()
        self._build_report_page()
        self._settings = self._settings_widgets()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self.save_settings)
        self._connect_settings()
        QgsProject.instance().readProject.connect(self._project_read)
        self.restore_settings()

    # Pages ----------------------------------------------------------------------------------
    def _build_data_page(self) -> None:
        layout = self.dataLayout
        buttons = QHBoxLayout()
        self.addFilesButton = _tip(QPushButton(tr("Add files…")), tr("Add GPX tracks, sign tables, camera tables "
                                                                      "or a Camtrap DP datapackage.json"))
        self.addFolderButton = _tip(QPushButton(tr("Add folder…")),
                                    tr("Add every field file in a folder and its subfolders, sorted by what they hold"))
        self.removeFilesButton = _tip(QPushButton(tr("Remove")), tr("Remove the selected files from the list"))
        for button in (self.addFilesButton, self.addFolderButton, self.removeFilesButton):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.filesTable = QTableWidget(0, 2)
        self.filesTable.setHorizontalHeaderLabels([tr("File"), tr("Holds")])
        self.filesTable.setToolTip(tr("The field files to import; change what a file holds in its combo box, or "
                                      "choose 'Do not import'"))
        self.filesTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.filesTable.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.filesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.filesTable.setMinimumHeight(120)
        layout.addWidget(self.filesTable)
        form = QFormLayout()
        self.demFile = _file_widget(tr("DEM (elevation in metres) for the surface km of the routes; optional"),
                                    tr("Rasters (*.tif *.tiff *.vrt *.img);;All files (*)"))
        form.addRow(_tip(QLabel(tr("DEM")), tr("Digital elevation model")), self.demFile)
        self.outputFile = _file_widget(tr("The season GeoPackage to write (replaced if it exists)"),
                                       tr("GeoPackage (*.gpkg)"), save=True)
        form.addRow(_tip(QLabel(tr("Season GeoPackage")), tr("Where the season is saved")), self.outputFile)
        layout.addLayout(form)
        run = QHBoxLayout()
        self.importButton = _tip(QPushButton(tr("Import season")),
                                 tr("Read the field files, check them and write the season GeoPackage (in the "
                                    "background)"))
        self.openSeasonButton = _tip(QPushButton(tr("Open season…")),
                                     tr("Load an existing season GeoPackage as the season group"))
        run.addWidget(self.importButton)
        run.addWidget(self.openSeasonButton)
        layout.addLayout(run)
        self._run_buttons.append(self.importButton)
        self.summaryLabel = _tip(QLabel(tr("No summary yet.")), tr("Totals of the season GeoPackage"))
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summaryLabel)
        self.validationTree = QTreeWidget()
        self.validationTree.setHeaderLabels([tr("Problem"), tr("Detail")])
        self.validationTree.setToolTip(tr("What the import fixed, flagged or rejected, grouped by problem; click a "
                                          "row to zoom to its place"))
        self.validationTree.setMinimumHeight(120)
        layout.addWidget(self.validationTree)
        self.addFilesButton.clicked.connect(self.add_files_dialog)
        self.addFolderButton.clicked.connect(self.add_folder_dialog)
        self.removeFilesButton.clicked.connect(self.remove_selected_files)
        self.importButton.clicked.connect(self.run_import)
        self.openSeasonButton.clicked.connect(self.open_season_dialog)
        self.validationTree.itemClicked.connect(self._validation_clicked)

    def _build_heatmaps_page(self) -> None:
        from ..processing.alg_heatmap import kernel_options

        layout = self.heatmapsLayout
        self.signTable = QTableWidget(0, 2)
        self.signTable.setHorizontalHeaderLabels([tr("Sign type"), tr("Weight")])
        self.signTable.setToolTip(tr("Tick the sign types to map and give each a weight (e.g. a scrape counts "
                                     "twice a trail)"))
        self.signTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        labels = obs_type_labels()
        self.weightSpins: Dict[str, QgsDoubleSpinBox] = {}
        for row, code in enumerate(model.OBS_TYPES):
            self.signTable.insertRow(row)
            item = QTableWidgetItem(labels.get(code, code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if code in ("mating_call", "other") else Qt.CheckState.Checked)
            item.setToolTip(tr("Map this sign type"))
            self.signTable.setItem(row, 0, item)
            spin = _spin(1.0, 0.0, 100.0, 2, "", tr("Weight of one sign of this type"), 0.5)
            self.weightSpins[code] = spin
            self.signTable.setCellWidget(row, 1, spin)
        self.signTable.setMinimumHeight(150)
        layout.addWidget(self.signTable)
        form = QFormLayout()
        self.dateWindowCheck = _tip(QCheckBox(tr("Only signs between")), tr("Map only the signs of a date window"))
        dates = QHBoxLayout()
        self.dateFrom = _tip(QDateEdit(QDate(2026, 1, 1)), tr("First day of the window"))
        self.dateTo = _tip(QDateEdit(QDate(2026, 12, 31)), tr("Last day of the window"))
        for edit in (self.dateFrom, self.dateTo):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            dates.addWidget(edit)
        form.addRow(self.dateWindowCheck, dates)
        self.radiusSpin = _spin(2000.0, 10.0, 100000.0, 0, tr(" m"), tr("Kernel radius in metres"), 100.0)
        form.addRow(_tip(QLabel(tr("Radius")), tr("Kernel radius")), self.radiusSpin)
        self.pixelSpin = _spin(100.0, 1.0, 10000.0, 1, tr(" m"), tr("Pixel size of the heatmaps in metres"), 10.0)
        form.addRow(_tip(QLabel(tr("Pixel size")), tr("Pixel size of the heatmaps")), self.pixelSpin)
        self.kernelCombo = _tip(QComboBox(), tr("Kernel shape, as in QGIS's heatmap"))
        self.kernelCombo.addItems(kernel_options())
        form.addRow(_tip(QLabel(tr("Kernel")), tr("Kernel shape")), self.kernelCombo)
        self.effortCheck = _tip(QCheckBox(tr("Signs per km of route searched")),
                                tr("Divide by the route km walked near each place (effort correction)"))
        self.effortCheck.setChecked(True)
        self.minEffortSpin = _spin(1.0, 0.0, 1000.0, 2, tr(" km"),
                                   tr("Leave places empty where fewer route km lie within the radius"), 0.5)
        form.addRow(self.effortCheck, self.minEffortSpin)
        layout.addLayout(form)
        self.heatmapButton = _tip(QPushButton(tr("Run heatmap")), tr("Compute the sign heatmap in the background"))
        layout.addWidget(self.heatmapButton)
        self._run_buttons.append(self.heatmapButton)
        box = _tip(QGroupBox(tr("Camera detection rate")), tr("Detections per 100 trap-nights around the stations"))
        cam = QFormLayout(box)
        self.speciesEdit = _tip(QLineEdit("Panthera uncia"), tr("Count only detections of this species (empty: all)"))
        cam.addRow(_tip(QLabel(tr("Species")), tr("Species of the detections")), self.speciesEdit)
        self.cameraRadiusSpin = _spin(3000.0, 10.0, 100000.0, 0, tr(" m"), tr("Kernel radius around each station"),
                                      100.0)
        cam.addRow(_tip(QLabel(tr("Radius")), tr("Kernel radius around each station")), self.cameraRadiusSpin)
        self.perIndividualCheck = _tip(QCheckBox(tr("One map per individual")),
                                       tr("Also one band per identified animal"))
        cam.addRow(self.perIndividualCheck)
        self.cameraRateButton = _tip(QPushButton(tr("Run camera rate")),
                                     tr("Compute detections per 100 trap-nights per station in the background"))
        cam.addRow(self.cameraRateButton)
        layout.addWidget(box)
        self._run_buttons.append(self.cameraRateButton)
        layout.addStretch(1)
        self.heatmapButton.clicked.connect(self.run_heatmap)
        self.cameraRateButton.clicked.connect(self.run_camera_rate)

    def _build_coverage_page(self) -> None:
        layout = self.coverageLayout
        form = QFormLayout()
        self.coverageDem = _file_widget(tr("DEM of the park (same metric CRS as the season)"),
                                        tr("Rasters (*.tif *.tiff *.vrt *.img);;All files (*)"))
        form.addRow(_tip(QLabel(tr("DEM")), tr("Digital elevation model")), self.coverageDem)
        self.halfWidthSpin = _spin(100.0, 1.0, 500.0, 0, tr(" m"),
                                   tr("A place counts as searched within this distance of a walked route"), 10.0)
        form.addRow(_tip(QLabel(tr("Search half-width")), tr("Detection half-width of a route")), self.halfWidthSpin)
        self.cameraReachSpin = _spin(1000.0, 1.0, 20000.0, 0, tr(" m"),
                                     tr("A place counts as sampled within this distance of a camera"), 100.0)
        form.addRow(_tip(QLabel(tr("Camera radius")), tr("Detection radius of a camera")), self.cameraReachSpin)
        self.gridSpin = _spin(2000.0, 100.0, 50000.0, 0, tr(" m"), tr("Cell size of the effort grid"), 500.0)
        form.addRow(_tip(QLabel(tr("Grid size")), tr("Cell size of the effort grid")), self.gridSpin)
        self.habitatFromDem = _tip(QRadioButton(tr("Habitat from the DEM (Altai rules)")),
                                   tr("Suitable habitat from elevation, slope, ruggedness and ridges"))
        self.habitatFromLayer = _tip(QRadioButton(tr("Habitat from a layer")),
                                     tr("Use a habitat polygon or raster layer you already have"))
        self.habitatFromDem.setChecked(True)
        form.addRow(self.habitatFromDem)
        self.habitatLayer = _tip(QgsMapLayerComboBox(), tr("Habitat polygons or a 0–1 suitability raster"))
        self.habitatLayer.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer
                                     | QgsMapLayerProxyModel.Filter.RasterLayer)
        self.habitatLayer.setAllowEmptyLayer(True)
        form.addRow(self.habitatFromLayer, self.habitatLayer)
        self.gapDistanceSpin = _spin(2000.0, 10.0, 50000.0, 0, tr(" m"),
                                     tr("Habitat farther than this from any effort is a gap"), 100.0)
        form.addRow(_tip(QLabel(tr("Gap distance")), tr("Distance from effort")), self.gapDistanceSpin)
        self.minAreaSpin = _spin(1.0, 0.0, 10000.0, 2, tr(" km²"), tr("Leave out gaps smaller than this"), 0.5)
        form.addRow(_tip(QLabel(tr("Minimum area")), tr("Smallest gap kept")), self.minAreaSpin)
        self.accessLayer = _tip(QgsMapLayerComboBox(), tr("Camps, road ends, huts: distance from each gap; optional"))
        self.accessLayer.setFilters(QgsMapLayerProxyModel.Filter.PointLayer | QgsMapLayerProxyModel.Filter.LineLayer)
        self.accessLayer.setAllowEmptyLayer(True)
        self.accessLayer.setLayer(None)
        form.addRow(_tip(QLabel(tr("Access")), tr("Access points or roads")), self.accessLayer)
        layout.addLayout(form)
        self.coverageButton = _tip(QPushButton(tr("Run coverage and gaps")),
                                   tr("Terrain, habitat, coverage and ranked gaps, one after the other, in the "
                                      "background"))
        layout.addWidget(self.coverageButton)
        self._run_buttons.append(self.coverageButton)
        self.gapsTable = QTableWidget(0, 5)
        self.gapsTable.setHorizontalHeaderLabels([tr("Rank"), tr("Area km²"), tr("Suitability"), tr("Ridge km"),
                                                  tr("Access km")])
        self.gapsTable.setToolTip(tr("Coverage gaps ranked by area × suitability; click a row to zoom to the gap"))
        self.gapsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.gapsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gapsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.gapsTable.verticalHeader().setVisible(False)
        self.gapsTable.setMinimumHeight(180)
        layout.addWidget(self.gapsTable)
        self.coverageButton.clicked.connect(self.run_coverage)
        self.gapsTable.cellClicked.connect(self._gap_clicked)

    def _build_plan_page(self) -> None:
        layout = self.planLayout
        intro = _tip(QLabel(tr("Next season's transects along the ridges into the largest gaps, under a km budget, "
                               "and camera stations on ridges and saddles. Empty layer boxes take the results of "
                               "the Coverage & gaps page and the season's own layers.")),
                     tr("What the Plan page does"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lines = QgsMapLayerProxyModel.Filter.LineLayer
        polygons = QgsMapLayerProxyModel.Filter.PolygonLayer
        box = _tip(QGroupBox(tr("Layers")), tr("The layers the plan is made from"))
        form = QFormLayout(box)
        self.planRidges = _layer_combo(tr("Ridgelines to plan along; empty: the ridges of the last terrain run"),
                                       lines, tr("ridges of the terrain run"))
        form.addRow(_tip(QLabel(tr("Ridges")), tr("Ridgelines")), self.planRidges)
        self.planHabitat = _layer_combo(tr("Habitat suitability raster or habitat polygons; empty: the habitat of "
                                           "the Coverage & gaps page"),
                                        polygons | QgsMapLayerProxyModel.Filter.RasterLayer,
                                        tr("habitat of the coverage run"))
        form.addRow(_tip(QLabel(tr("Habitat")), tr("Habitat suitability")), self.planHabitat)
        self.planRoutes = _layer_combo(tr("Routes already walked (their habitat counts as searched); empty: the "
                                          "season's routes"), lines, tr("routes of the season"))
        form.addRow(_tip(QLabel(tr("Routes walked")), tr("Routes already walked")), self.planRoutes)
        self.planAccess = _layer_combo(tr("Camps, road ends, huts: transects start near them; optional"),
                                       QgsMapLayerProxyModel.Filter.PointLayer)
        form.addRow(_tip(QLabel(tr("Access points")), tr("Where teams start")), self.planAccess)
        self.planLocked = _layer_combo(tr("Transects walked every year: kept in the plan first; optional"), lines)
        form.addRow(_tip(QLabel(tr("Locked lines")), tr("Transects that stay in the plan")), self.planLocked)
        self.planExclude = _layer_combo(tr("Areas to keep out of the plan (border zone, avalanche slopes); "
                                           "optional"), polygons)
        form.addRow(_tip(QLabel(tr("Exclude areas")), tr("Areas left out of the plan")), self.planExclude)
        layout.addWidget(box)
        box = _tip(QGroupBox(tr("Transects")), tr("Day transects along the ridges, one GPX file per team"))
        form = QFormLayout(box)
        self.budgetSpin = _spin(150.0, 1.0, 10000.0, 0, tr(" km"), tr("Total km the teams can walk next season"),
                                10.0)
        form.addRow(_tip(QLabel(tr("Budget")), tr("Total km")), self.budgetSpin)
        self.maxDaySpin = _spin(20.0, 1.0, 100.0, 1, tr(" km"), tr("Longest transect a team walks in one day"), 1.0)
        form.addRow(_tip(QLabel(tr("Longest day")), tr("Longest day transect")), self.maxDaySpin)
        self.teamsSpin = _spin(4.0, 1.0, 50.0, 0, "", tr("Number of field teams (transects are shared out among "
                                                         "them)"), 1.0)
        form.addRow(_tip(QLabel(tr("Teams")), tr("Field teams")), self.teamsSpin)
        self.planHalfWidthSpin = _spin(50.0, 1.0, 500.0, 0, tr(" m"),
                                       tr("A place counts as searched within this distance of a transect"), 10.0)
        form.addRow(_tip(QLabel(tr("Search half-width")), tr("Detection half-width of a transect")),
                    self.planHalfWidthSpin)
        self.gapsFirstCheck = _tip(QCheckBox(tr("Search the coverage gaps first")),
                                   tr("Habitat inside the ranked gaps of the Coverage & gaps page counts three "
                                      "times when transects are chosen"))
        self.gapsFirstCheck.setChecked(True)
        form.addRow(self.gapsFirstCheck)
        self.gpxFolder = _tip(QgsFileWidget(), tr("Folder for the GPX files of the plan (one per team); empty: "
                                                  "a 'plan_gpx' folder beside the season"))
        self.gpxFolder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        form.addRow(_tip(QLabel(tr("GPX folder")), tr("Where the GPX files go")), self.gpxFolder)
        self.planTransectsButton = _tip(QPushButton(tr("Run plan transects")),
                                        tr("Plan next season's transects in the background"))
        form.addRow(self.planTransectsButton)
        layout.addWidget(box)
        box = _tip(QGroupBox(tr("Camera stations")), tr("New camera positions on ridges and saddles"))
        form = QFormLayout(box)
        self.stationsSpin = _spin(20.0, 1.0, 500.0, 0, "", tr("How many new camera stations to place"), 1.0)
        form.addRow(_tip(QLabel(tr("New stations")), tr("Number of new stations")), self.stationsSpin)
        self.sigmaSpin = _spin(3000.0, 100.0, 50000.0, 0, tr(" m"),
                               tr("Movement scale σ of the animals (snow leopard: about 3 km)"), 500.0)
        form.addRow(_tip(QLabel(tr("Sigma")), tr("Movement scale σ")), self.sigmaSpin)
        self.spacingSpin = _spin(3000.0, 0.0, 50000.0, 0, tr(" m"), tr("No two stations closer than this"), 500.0)
        form.addRow(_tip(QLabel(tr("Minimum spacing")), tr("Spacing between stations")), self.spacingSpin)
        self.keepCamerasCheck = _tip(QCheckBox(tr("Keep this season's cameras")),
                                     tr("The season's camera stations stay; new ones are spaced from them"))
        self.keepCamerasCheck.setChecked(True)
        form.addRow(self.keepCamerasCheck)
        self.planCamerasButton = _tip(QPushButton(tr("Run plan cameras")),
                                      tr("Place new camera stations in the background"))
        form.addRow(self.planCamerasButton)
        layout.addWidget(box)
        self.compareButton = _tip(QPushButton(tr("Compare plan vs walked")),
                                  tr("Which planned transects the routes walked (and what was walked off the plan)"))
        layout.addWidget(self.compareButton)
        self.planSummaryLabel = _tip(QLabel(tr("No plan yet.")), tr("Totals of the last plan"))
        self.planSummaryLabel.setWordWrap(True)
        layout.addWidget(self.planSummaryLabel)
        layout.addStretch(1)
        self._run_buttons += [self.planTransectsButton, self.planCamerasButton, self.compareButton]
        self.planTransectsButton.clicked.connect(self.run_plan_transects)
        self.planCamerasButton.clicked.connect(self.run_plan_cameras)
        self.compareButton.clicked.connect(self.run_compare_plan)

    def _build_report_page(self) -> None:
        layout = self.reportLayout
        form = QFormLayout()
        self.titleEdit = _tip(QLineEdit(), tr("Title on the first page of the report"))
        form.addRow(_tip(QLabel(tr("Title")), tr("Report title")), self.titleEdit)
        self.languageCombo = _tip(QComboBox(), tr("Language of the report"))
        self.languageCombo.addItem(tr("Russian"), "ru")
        self.languageCombo.addItem(tr("English"), "en")
        form.addRow(_tip(QLabel(tr("Language")), tr("Language of the report")), self.languageCombo)
        layout.addLayout(form)
        box = _tip(QGroupBox(tr("Include")), tr("Which maps and tables the report holds"))
        inner = QFormLayout(box)
        self.includeHeatmap = _tip(QCheckBox(tr("Heatmap of signs")), tr("Page with the signs and the heatmap"))
        self.includeCoverage = _tip(QCheckBox(tr("Coverage map")), tr("Page with the survey coverage"))
        self.includeGaps = _tip(QCheckBox(tr("Ranked gaps")), tr("Map and table of the top gaps"))
        self.includePlan = _tip(QCheckBox(tr("Plan for next season")), tr("Page with the plan, when made"))
        for check in (self.includeHeatmap, self.includeCoverage, self.includeGaps, self.includePlan):
            check.setChecked(True)
            inner.addRow(check)
        layout.addWidget(box)
        self.reportFile = _file_widget(tr("The PDF to write"), tr("PDF (*.pdf)"), save=True)
        form2 = QFormLayout()
        form2.addRow(_tip(QLabel(tr("Output PDF")), tr("Where the report is saved")), self.reportFile)
        layout.addLayout(form2)
        buttons = QHBoxLayout()
        self.reportButton = _tip(QPushButton(tr("Make report")), tr("Build the season report in the background"))
        self.openReportButton = _tip(QPushButton(tr("Open")), tr("Open the report PDF"))
        self.openReportButton.setEnabled(False)
        buttons.addWidget(self.reportButton)
        buttons.addWidget(self.openReportButton)
        layout.addLayout(buttons)
        box = _tip(QGroupBox(tr("Exports for analysts")),
                   tr("Files for R (unmarked, secr), PRESENCE and Camtrap DP, and generalised copies for sharing"))
        form = QFormLayout(box)
        self.exportFolder = _tip(QgsFileWidget(), tr("Folder for the exports; empty: an 'exports' folder beside "
                                                     "the season"))
        self.exportFolder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        form.addRow(_tip(QLabel(tr("Export folder")), tr("Where the exports go")), self.exportFolder)
        self.generaliseSpin = _spin(0.0, 0.0, 100000.0, 0, tr(" m"),
                                    tr("Move every location to the centre of a grid cell of this size before "
                                       "export (0: exact coordinates); snow leopard locations draw poachers"),
                                    1000.0)
        self.generaliseSpin.setSpecialValueText(tr("exact coordinates"))
        form.addRow(_tip(QLabel(tr("Generalise to cells of")), tr("Generalisation cell size")), self.generaliseSpin)
        grid = QGridLayout()
        self.exportOccupancyButton = _tip(QPushButton(tr("Occupancy histories")),
                                          tr("Detection histories (sites × segments along routes) for unmarked and "
                                             "PRESENCE"))
        self.exportSecrButton = _tip(QPushButton(tr("secr files")), tr("Trap and capture files for R secr"))
        self.exportCamtrapButton = _tip(QPushButton(tr("Camtrap DP package")),
                                        tr("The cameras and detections as a Camtrap DP 1.0 data package"))
        self.exportGeneraliseButton = _tip(QPushButton(tr("Generalised signs")),
                                           tr("A copy of the signs moved to cell centres, safe to share"))
        for i, button in enumerate((self.exportOccupancyButton, self.exportSecrButton, self.exportCamtrapButton,
                                    self.exportGeneraliseButton)):
            grid.addWidget(button, i // 2, i % 2)
        form.addRow(grid)
        layout.addWidget(box)
        layout.addStretch(1)
        self._run_buttons += [self.reportButton, self.exportOccupancyButton, self.exportSecrButton,
                              self.exportCamtrapButton, self.exportGeneraliseButton]
        self.reportButton.clicked.connect(self.run_report)
        self.openReportButton.clicked.connect(self.open_report)
        self.exportOccupancyButton.clicked.connect(lambda: self.run_export("occupancy"))
        self.exportSecrButton.clicked.connect(lambda: self.run_export("secr"))
        self.exportCamtrapButton.clicked.connect(lambda: self.run_export("camtrapdp"))
        self.exportGeneraliseButton.clicked.connect(lambda: self.run_export("generalise"))

    # Data page ---------------------------------------------------------------------------------
    def add_files(self, paths: List[str], roles: Optional[List[str]] = None) -> None:
        """Append field files to the table, each with its role (sorted by content when not given)."""
        present = set(self.file_roles_dict())
        for i, path in enumerate(paths):
            if path in present:
                continue
            role = roles[i] if roles else KIND_TO_ROLE.get(classify_file(path), "ignore")
            self._add_file_row(path, role)

    def _add_file_row(self, path: str, role: str) -> None:
        row = self.filesTable.rowCount()
        self.filesTable.insertRow(row)
        item = QTableWidgetItem(os.path.basename(path))
        item.setData(Qt.ItemDataRole.UserRole, path)
        item.setToolTip(path)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.filesTable.setItem(row, 0, item)
        combo = QComboBox()
        combo.setToolTip(tr("What this file holds; change it if the guess is wrong"))
        labels = role_labels()
        for code in ROLES:
            combo.addItem(labels[code], code)
        combo.setCurrentIndex(ROLES.index(role if role in ROLES else "ignore"))
        combo.currentIndexChanged.connect(self._schedule_save)
        self.filesTable.setCellWidget(row, 1, combo)
        self._schedule_save()

    def add_folder(self, folder: str) -> None:
        """Add every field file of a folder (and a DEM found there when none is set)."""
        files, dem = scan_folder(folder)
        self.add_files([p for p, _ in files], [r for _, r in files])
        if dem and not self.demFile.filePath():
            self.demFile.setFilePath(dem)
        if not self.outputFile.filePath():
            self.outputFile.setFilePath(os.path.join(folder, os.path.basename(os.path.normpath(folder)) + ".gpkg"))

    def set_file_role(self, path: str, role: str) -> None:
        """Change the role of a listed file (as the user does with its combo box)."""
        for row in range(self.filesTable.rowCount()):
            if self.filesTable.item(row, 0).data(Qt.ItemDataRole.UserRole) == path:
                self.filesTable.cellWidget(row, 1).setCurrentIndex(ROLES.index(role))

    def file_roles(self) -> List[Tuple[str, str]]:
        """[(path, role)] in table order."""
        return [(self.filesTable.item(r, 0).data(Qt.ItemDataRole.UserRole),
                 self.filesTable.cellWidget(r, 1).currentData()) for r in range(self.filesTable.rowCount())]

    def file_roles_dict(self) -> Dict[str, str]:
        return dict(self.file_roles())

    def add_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Field files"), "",
                                                tr("Field files (*.gpx *.kml *.kmz *.csv *.txt *.tsv *.xlsx *.json "
                                                   "*.geojson *.gpkg *.shp);;All files (*)"))
        self.add_files(paths)

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder of field files"))
        if folder:
            self.add_folder(folder)

    def remove_selected_files(self) -> None:
        rows = sorted({index.row() for index in self.filesTable.selectedIndexes()}, reverse=True)
        for row in rows:
            self.filesTable.removeRow(row)
        self._schedule_save()

    def run_import(self) -> None:
        """Start ``snowleopard:importseason`` with the listed files."""
        output = self.outputFile.filePath()
        groups: Dict[str, List[str]] = {role: [] for role in ROLES}
        for path, role in self.file_roles():
            groups[role].append(path)
        if not any(groups[r] for r in ROLES[:4]):
            self.show_error(tr("Add the season's field files first (Add files… or Add folder…)."))
            return
        if not output:
            self.show_error(tr("Choose where to save the season GeoPackage."))
            return
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
            self.outputFile.setFilePath(output)
        params = {"ROUTES": groups["routes"], "OBSERVATIONS": groups["observations"], "CAMERAS": groups["cameras"],
                  "DETECTIONS": groups["detections"], "DEM": self.demFile.filePath() or None, "OUTPUT": output}
        self.run_job("snowleopard:importseason", params, lambda results: self._imported(output),
                     tr("Importing the season…"))

    def _imported(self, path: str) -> None:
        """A fresh import replaced the GeoPackage: the results of the old one no longer apply."""
        self.outputs = {}
        self.gapsTable.setRowCount(0)
        self.openReportButton.setEnabled(False)
        self.planSummaryLabel.setText(tr("No plan yet."))
        self.load_season(path)

    def open_season_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Season GeoPackage"), "", tr("GeoPackage (*.gpkg)"))
        if path:
            self.load_season(path)

    def load_season(self, path: str, add_layers: bool = True) -> bool:
        """Make ``path`` the dock's season: load its group, show its summary and validation rows."""
        from ..core.exceptions import SnowLeopardError
        from ..core.reporting.summary import is_empty, season_summary
        from ..qgis_io import add_season_to_project

        try:
            summary = season_summary(path)
        except SnowLeopardError as error:
            self.show_error(tr_error(error))
            return False
        if path != self.season_path:
            # results of another season do not belong to this one (rasters and tables share the prefix)
            prefix = os.path.splitext(path)[0]
            self.outputs = {k: v for k, v in self.outputs.items() if str(v).startswith(prefix)}
            self.fill_gaps(self.outputs.get("gaps", ""))
            self.openReportButton.setEnabled(bool(self.outputs.get("report")))
        self.season_path = path
        self.summary = summary
        if add_layers:
            add_season_to_project(path)
        self.seasonLabel.setText(tr("Season: {path}").format(path=path))
        self.summaryLabel.setText(self.summary_text(summary))
        self._fill_validation(path)
        if not self.coverageDem.filePath() and self.demFile.filePath():
            self.coverageDem.setFilePath(self.demFile.filePath())
        if not self.titleEdit.text():
            self.titleEdit.setText(tr("Snow leopard census {name}").format(
                name=os.path.splitext(os.path.basename(path))[0]))
        if not self.reportFile.filePath():
            self.reportFile.setFilePath(os.path.splitext(path)[0] + "_report.pdf")
        if is_empty(summary):
            self.show_error(tr("The season {path} holds no route, sign, camera or detection: check the field files "
                               "and import again.").format(path=os.path.basename(path)), Qgis.Warning)
        self._schedule_save()
        return True

    @staticmethod
    def summary_text(s: Dict[str, Any]) -> str:
        """The season summary as a few lines of HTML."""
        labels = obs_type_labels()
        signs = ", ".join(f"{labels.get(code, code)} {n}" for code, n in s["signs_by_type"].items() if n)
        lines = [
            tr("Routes: {n}, {km:.1f} km walked").format(n=s["routes"], km=s["km"]),
            tr("Teams: {n} ({names}); survey days: {days}").format(n=s["n_teams"], names=", ".join(s["teams"]),
                                                                   days=s["days"]),
            tr("Dates: {first} – {last}").format(first=s["first_date"] or "–", last=s["last_date"] or "–"),
            tr("Signs: {n} ({types})").format(n=s["signs"], types=signs or "–"),
            tr("Camera stations: {n}, {tn:.0f} trap-nights").format(n=s["stations"], tn=s["trap_nights"]),
            tr("Detections: {n}; individuals: {ind}").format(n=s["detections"], ind=s["individuals"]),
            tr("Validation rows: {n}").format(n=s["validation"]),
        ]
        return "<br>".join(lines)

    def _fill_validation(self, path: str) -> None:
        from ..qgis_io import season_layer

        self.validationTree.clear()
        layer = season_layer(path, "validation")
        if not layer.isValid():
            return
        labels = problem_labels()
        groups: Dict[str, QTreeWidgetItem] = {}
        for feature in layer.getFeatures():
            problem = str(feature["problem"] or "other")
            group = groups.get(problem)
            if group is None:
                group = QTreeWidgetItem([labels.get(problem, problem), ""])
                group.setData(0, Qt.ItemDataRole.UserRole, problem)
                group.setToolTip(0, problem)
                groups[problem] = group
                self.validationTree.addTopLevelItem(group)
            text = f"{feature['source'] or ''} · {feature['feature'] or ''}"
            child = QTreeWidgetItem([text, str(feature["detail"] or "")])
            child.setData(0, Qt.ItemDataRole.UserRole, int(feature.id()))
            child.setToolTip(1, str(feature["detail"] or ""))
            group.addChild(child)
        for problem, group in groups.items():
            group.setText(0, f"{labels.get(problem, problem)} ({group.childCount()})")
        self.validationTree.resizeColumnToContents(0)

    def _validation_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if item.parent() is None or not self.season_path:
            return
        from ..qgis_io import season_layer

        layer = season_layer(self.season_path, "validation")
        self.zoom_to_feature(layer, int(item.data(0, Qt.ItemDataRole.UserRole)))

    def zoom_to_feature(self, layer: QgsVectorLayer, fid: int, margin: float = 500.0) -> bool:
        """Zoom the map to one feature (points: ``margin`` metres around it). False when it has no place."""
        feature = layer.getFeature(fid)
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            self.statusLabel.setText(tr("This row has no place on the map."))
            return False
        if self.iface is None:
            return False
        canvas = self.iface.mapCanvas()
        box = geometry.boundingBox()
        box = QgsRectangle(box.xMinimum() - margin, box.yMinimum() - margin, box.xMaximum() + margin,
                           box.yMaximum() + margin)
        target = canvas.mapSettings().destinationCrs()
        if target.isValid() and layer.crs().isValid() and target != layer.crs():
            box = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()).transformBoundingBox(box)
        canvas.setExtent(box)
        canvas.refresh()
        return True

    # Heatmaps page ------------------------------------------------------------------------------
    def sign_weights(self) -> Dict[str, float]:
        """Ticked sign types → weight."""
        chosen = {}
        for row in range(self.signTable.rowCount()):
            item = self.signTable.item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                code = item.data(Qt.ItemDataRole.UserRole)
                chosen[code] = self.weightSpins[code].value()
        return chosen

    def results_dir(self) -> str:
        """Folder of the season's results: ``<season>_results`` beside the GeoPackage (created)."""
        folder = os.path.splitext(self.season_path)[0] + "_results"
        os.makedirs(folder, exist_ok=True)
        return folder

    def result_path(self, key: str) -> str:
        """Where a result goes: a GeoTIFF in the results folder, or a table of the season GeoPackage.

        Tables are given as a Processing destination (``ogr:dbname='…' table="…" (geom)``);
        the algorithm returns them as ``<gpkg>|layername=<table>``.
        """
        if key in RESULT_TABLES:
            return f"ogr:dbname='{self.season_path}' table=\"{RESULT_TABLES[key]}\" (geom)"
        return os.path.join(self.results_dir(), RESULT_FILES[key])

    def season_crs(self):
        """CRS of the season (its routes layer), or an invalid CRS."""
        from ..qgis_io import season_layer

        return season_layer(self.season_path, "routes").crs()

    def check_dem(self, dem: str) -> bool:
        """True when the DEM can be read (a message in the message bar when not); a DEM in another CRS than the
        season's is accepted (the algorithms read it warped) with a note in the message bar."""
        from ..qgis_io import inputs_left_alone

        with inputs_left_alone():  # reading its CRS must not leave a .aux.xml beside the user's DEM
            layer = QgsRasterLayer(dem, "dem", "gdal")
        if not layer.isValid():
            self.show_error(tr("Cannot read the DEM {path}: choose a GeoTIFF (or another raster GDAL reads) "
                               "with elevations in metres.").format(path=dem))
            return False
        season = self.season_crs()
        if not layer.crs().isValid():
            self.show_error(tr("The DEM {path} has no CRS: set it (Raster ▸ Projections ▸ Assign Projection) and "
                               "choose it again.").format(path=os.path.basename(dem)))
            return False
        if season.isValid() and layer.crs() != season:
            self.show_error(tr("The DEM {path} is in {dem_crs}, the season in {season_crs}: the DEM is read warped "
                               "to {season_crs} (bilinear); the file is unchanged. For exact elevations, reproject "
                               "it once yourself (Raster ▸ Projections ▸ Warp).").format(
                path=os.path.basename(dem), dem_crs=layer.crs().authid() or layer.crs().description(),
                season_crs=season.authid() or season.description()), Qgis.Info)
        return True

    def _need_season(self) -> bool:
        if self.season_path and os.path.exists(self.season_path):
            return True
        self.show_error(tr("Import the season or open a season GeoPackage on the Data page first."))
        return False

    def heatmap_parameters(self) -> Dict[str, Any]:
        """The ``snowleopard:heatmap`` parameters the page describes."""
        weights = self.sign_weights()
        params: Dict[str, Any] = {
            "INPUT": f"{self.season_path}|layername=observations",
            "RADIUS": self.radiusSpin.value(), "PIXEL_SIZE": self.pixelSpin.value(),
            "KERNEL": self.kernelCombo.currentIndex(),
            "SIGN_TYPES": ",".join(weights),
            "TYPE_WEIGHTS": ", ".join(f"{code}={value:g}" for code, value in weights.items()),
            "MIN_EFFORT_KM": self.minEffortSpin.value(),
            "OUTPUT": self.result_path("heatmap"),
        }
        if self.effortCheck.isChecked():
            params["EFFORT"] = f"{self.season_path}|layername=routes"
        if self.dateWindowCheck.isChecked():
            params["DATE_FROM"] = QDateTime(self.dateFrom.date(), QTime(0, 0))
            params["DATE_TO"] = QDateTime(self.dateTo.date(), QTime(0, 0))
        return params

    def run_heatmap(self, extra: Optional[Dict[str, Any]] = None) -> None:
        """Start ``snowleopard:heatmap`` (``extra`` overrides parameters, e.g. an EXTENT)."""
        if not self._need_season():
            return
        if not self.sign_weights():
            self.show_error(tr("Tick at least one sign type."))
            return
        params = self.heatmap_parameters()
        params.update(extra or {})
        self.run_job("snowleopard:heatmap", params,
                     lambda results: self._add_raster("heatmap", results.get("OUTPUT"), tr("Heatmap of signs")),
                     tr("Computing the heatmap…"))

    def run_camera_rate(self) -> None:
        """Start ``snowleopard:camerarate``."""
        if not self._need_season():
            return
        params = {"CAMERAS": f"{self.season_path}|layername=cameras",
                  "DETECTIONS": f"{self.season_path}|layername=detections",
                  "SPECIES": self.speciesEdit.text().strip(), "RADIUS": self.cameraRadiusSpin.value(),
                  "PIXEL_SIZE": self.pixelSpin.value(), "KERNEL": self.kernelCombo.currentIndex(),
                  "PER_INDIVIDUAL": self.perIndividualCheck.isChecked(),
                  "OUTPUT": self.result_path("camerarate"), "OUTPUT_STATIONS": self.result_path("camerarate_stations")}

        def done(results: dict) -> None:
            self._add_raster("camerarate", results.get("OUTPUT"), tr("Detections per 100 trap-nights"))
            self._add_vector("camerarate_stations", results.get("OUTPUT_STATIONS"), tr("Detection rate per station"))

        self.run_job("snowleopard:camerarate", params, done, tr("Computing the camera detection rate…"))

    # Coverage page --------------------------------------------------------------------------------
    def run_coverage(self) -> None:
        """Terrain → habitat → coverage → gaps, one background task after the other.

        Rasters go to the results folder, ridges, effort grid, ridge coverage and
        gaps into tables of the season GeoPackage.
        """
        if not self._need_season():
            return
        dem = self.coverageDem.filePath()
        from_layer = self.habitatFromLayer.isChecked()
        needed = ["terrain", "coverage", "gaps"] + ([] if from_layer else ["habitat"])
        missing = [name for name in needed if not algorithm_available(name)]
        if missing:
            self.show_error(tr("Coverage and gaps need algorithms that are not in this version of the plugin yet: "
                               "{names}.").format(names=", ".join(f"snowleopard:{n}" for n in missing)))
            return
        if not dem:
            self.show_error(tr("Choose the DEM of the park."))
            return
        if not self.check_dem(dem):
            return
        habitat_layer = self.habitatLayer.currentLayer()
        if from_layer and habitat_layer is None:
            self.show_error(tr("Choose the habitat layer, or take the habitat from the DEM."))
            return
        access = layer_parameter(self.accessLayer.currentLayer())
        season = self.season_path
        routes = f"{season}|layername=routes"
        cameras = f"{season}|layername=cameras"
        target = self.season_crs()  # ridges, habitat and gaps land in the season's CRS, whatever the DEM's
        target = target if target.isValid() else None
        chain = [("snowleopard:terrain", lambda: {
            "DEM": dem, "TARGET_CRS": target, "SLOPE": self.result_path("slope"),
            "RUGGEDNESS": self.result_path("ruggedness"),
            "TPI": self.result_path("tpi"), "RIDGES": self.result_path("ridges")}, self._terrain_done)]
        if not from_layer:
            chain.append(("snowleopard:habitat", lambda: {
                "DEM": dem, "TARGET_CRS": target, "RIDGES": self.outputs.get("ridges"),
                "OUTPUT": self.result_path("habitat")},
                lambda r: self._add_raster("habitat", r.get("OUTPUT"), tr("Habitat suitability"))))
        else:
            self.outputs["habitat"] = layer_parameter(habitat_layer)
        chain.append(("snowleopard:coverage", lambda: {
            "ROUTES": routes, "CAMERAS": cameras, "OBSERVATIONS": f"{season}|layername=observations",
            "DETECTIONS": f"{season}|layername=detections", "SEARCH_HALF_WIDTH": self.halfWidthSpin.value(),
            "CAMERA_RADIUS": self.cameraReachSpin.value(), "DEM": dem, "GRID_SIZE": self.gridSpin.value(),
            "RIDGES": self.outputs.get("ridges"), "COVERAGE": self.result_path("coverage"),
            "GRID": self.result_path("grid"), "RIDGE_COVERAGE": self.result_path("ridge_coverage")},
            self._coverage_done))
        chain.append(("snowleopard:gaps", lambda: {
            "HABITAT": self.outputs.get("habitat"), "ROUTES": routes, "CAMERAS": cameras,
            "MAX_DISTANCE": self.gapDistanceSpin.value(), "MIN_AREA": self.minAreaSpin.value(),
            "ACCESS": access, "RIDGES": self.outputs.get("ridges"),
            "DEM": dem, "OUTPUT": self.result_path("gaps")}, self._gaps_done))
        self._chain = chain
        self._next_in_chain()

    def _next_in_chain(self) -> None:
        if not self._chain:
            return
        alg_id, make_params, done = self._chain.pop(0)

        def step_done(results: dict) -> None:
            done(results)
            self._next_in_chain()

        self.run_job(alg_id, make_params(), step_done, tr("Running {name}…").format(name=alg_id.split(":")[1]))

    def _terrain_done(self, results: dict) -> None:
        self._add_vector("ridges", results.get("RIDGES"), tr("Ridgelines"))
        for key in ("SLOPE", "RUGGEDNESS", "TPI"):
            if results.get(key):
                self.outputs[key.lower()] = results[key]

    def _coverage_done(self, results: dict) -> None:
        self._add_raster("coverage", results.get("COVERAGE"), tr("Survey coverage"))
        self._add_vector("grid", results.get("GRID"), tr("Effort grid"), visible=False)
        self._add_vector("ridge_coverage", results.get("RIDGE_COVERAGE"), tr("Ridges walked"))

    def _gaps_done(self, results: dict) -> None:
        self._add_vector("gaps", results.get("OUTPUT"), tr("Coverage gaps"))
        self.fill_gaps(self.outputs.get("gaps", ""))

    def fill_gaps(self, path: str) -> None:
        """Show the ranked gaps of a gaps layer in the table."""
        self.gapsTable.setRowCount(0)
        layer = QgsVectorLayer(path, "gaps", "ogr") if path else None
        if layer is None or not layer.isValid():
            return
        names = ("rank", "area_km2", "suitability", "ridge_km", "access_km")
        rows = []
        for feature in layer.getFeatures():
            values = [feature[n] if layer.fields().indexOf(n) >= 0 else None for n in names]
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

    def _gap_clicked(self, row: int, column: int = 0) -> None:
        path = self.outputs.get("gaps")
        item = self.gapsTable.item(row, 0)
        if not path or item is None:
            return
        layer = QgsVectorLayer(path, "gaps", "ogr")
        if layer.isValid():
            self.zoom_to_feature(layer, int(item.data(Qt.ItemDataRole.UserRole)), margin=200.0)

    # Plan page -----------------------------------------------------------------------------------
    def _plan_layer(self, combo: QgsMapLayerComboBox, fallback: Optional[str]) -> Optional[str]:
        """The chosen layer as a parameter value, else ``fallback`` (a result of an earlier run)."""
        layer = combo.currentLayer()
        if layer is not None:
            return layer_parameter(layer)
        return fallback or None

    def _plan_inputs(self) -> Optional[Tuple[str, str, Optional[str]]]:
        """(ridges, habitat, DEM or None) for the planner, or None after a message saying what is missing."""
        if not self._need_season():
            return None
        ridges = self._plan_layer(self.planRidges, self.outputs.get("ridges"))
        habitat = self._plan_layer(self.planHabitat, self.outputs.get("habitat"))
        if not ridges or not habitat:
            self.show_error(tr("The plan needs ridgelines and habitat: run coverage and gaps on the Coverage & "
                               "gaps page first, or choose the layers on the Plan page."))
            return None
        dem = self.coverageDem.filePath() or None
        if dem and not self.check_dem(dem):
            return None
        return ridges, habitat, dem

    def run_plan_transects(self) -> None:
        """Start ``snowleopard:plantransects``; the plan goes into the season GeoPackage, GPX per team."""
        inputs = self._plan_inputs()
        if inputs is None:
            return
        ridges, habitat, dem = inputs
        folder = self.gpxFolder.filePath() or os.path.join(os.path.dirname(self.season_path), "plan_gpx")
        params = {"RIDGES": ridges, "HABITAT": habitat,
                  "ROUTES": self._plan_layer(self.planRoutes, f"{self.season_path}|layername=routes"),
                  "DEM": dem, "ACCESS": layer_parameter(self.planAccess.currentLayer()),
                  "BUDGET_KM": self.budgetSpin.value(), "MAX_DAY_KM": self.maxDaySpin.value(),
                  "TEAMS": int(self.teamsSpin.value()), "SEARCH_HALF_WIDTH": self.planHalfWidthSpin.value(),
                  "LOCKED": layer_parameter(self.planLocked.currentLayer()),
                  "EXCLUDE": layer_parameter(self.planExclude.currentLayer()),
                  "GAPS": (self.outputs.get("gaps") or None) if self.gapsFirstCheck.isChecked() else None,
                  "OUTPUT": self.result_path("plan"), "GPX_FOLDER": folder}

        def done(results: dict) -> None:
            self._add_vector("plan", results.get("OUTPUT"), tr("Planned transects"))
            text = tr("Plan: {km:.1f} km of transects, {area:.2f} km² of suitable habitat newly searched.").format(
                km=float(results.get("TOTAL_KM") or 0.0), area=float(results.get("NEW_HABITAT_KM2") or 0.0))
            if results.get("GPX_FOLDER"):
                self.outputs["plan_gpx"] = results["GPX_FOLDER"]
                text += " " + tr("GPX files in {folder}").format(folder=results["GPX_FOLDER"])
            self.planSummaryLabel.setText(text)

        self.run_job("snowleopard:plantransects", params, done, tr("Planning transects…"))

    def run_plan_cameras(self) -> None:
        """Start ``snowleopard:plancameras``; the stations go into the season GeoPackage."""
        inputs = self._plan_inputs()
        if inputs is None:
            return
        ridges, habitat, dem = inputs
        params = {"HABITAT": habitat, "RIDGES": ridges, "DEM": dem, "N_STATIONS": int(self.stationsSpin.value()),
                  "SIGMA": self.sigmaSpin.value(), "MIN_SPACING": self.spacingSpin.value(),
                  "EXISTING": f"{self.season_path}|layername=cameras" if self.keepCamerasCheck.isChecked() else None,
                  "EXCLUDE": layer_parameter(self.planExclude.currentLayer()),
                  "OUTPUT": self.result_path("plan_cameras")}
        self.run_job("snowleopard:plancameras", params,
                     lambda results: self._add_vector("plan_cameras", results.get("OUTPUT"),
                                                      tr("Planned camera stations")),
                     tr("Placing camera stations…"))

    def run_compare_plan(self) -> None:
        """Start ``snowleopard:compareplan``: the planned transects (PLAN) against the routes walked (ROUTES)."""
        if not self._need_season():
            return
        plan = self.outputs.get("plan")
        if not plan or not QgsVectorLayer(plan, "plan", "ogr").isValid():
            self.show_error(tr("Run plan transects first: there is no plan to compare the routes with."))
            return
        params = {"PLAN": plan, "ROUTES": self._plan_layer(self.planRoutes, f"{self.season_path}|layername=routes"),
                  "SEARCH_HALF_WIDTH": self.planHalfWidthSpin.value(), "OUTPUT": self.result_path("plan_walked"),
                  "OFFPLAN": self.result_path("offplan")}

        def done(results: dict) -> None:
            self._add_vector("plan_walked", results.get("OUTPUT"), tr("Plan walked"))
            self._add_vector("offplan", results.get("OFFPLAN"), tr("Walked off the plan"))
            lines = [line for line in self.runner.log_text().splitlines() if line.strip()]
            if lines:
                self.planSummaryLabel.setText(lines[-1])

        self.run_job("snowleopard:compareplan", params, done, tr("Comparing the plan with the routes walked…"))

    # Report page ---------------------------------------------------------------------------------
    def run_report(self) -> None:
        """Start ``snowleopard:report`` with the analyses made so far."""
        if not self._need_season():
            return
        output = self.reportFile.filePath()
        if not output:
            self.show_error(tr("Choose where to save the report PDF."))
            return
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
            self.reportFile.setFilePath(output)
        params = {"SEASON": self.season_path, "TITLE": self.titleEdit.text(),
                  "LANGUAGE": self.languageCombo.currentData(), "OUTPUT": output,
                  "DEM": next((d for d in (self.coverageDem.filePath(), self.demFile.filePath())
                               if d and os.path.exists(d)), None)}
        for key, check, output_key in (("HEATMAP", self.includeHeatmap, "heatmap"),
                                       ("COVERAGE", self.includeCoverage, "coverage"),
                                       ("GAPS", self.includeGaps, "gaps"), ("PLAN", self.includePlan, "plan")):
            path = self.outputs.get(output_key)
            if check.isChecked() and path and os.path.exists(path.split("|")[0]):
                params[key] = path

        def done(results: dict) -> None:
            self.outputs["report"] = results.get("OUTPUT") or output
            self.openReportButton.setEnabled(True)
            self.statusLabel.setText(tr("Report written: {path}").format(path=self.outputs["report"]))

        self.run_job("snowleopard:report", params, done, tr("Making the season report…"))

    def open_report(self) -> None:
        """Open the report PDF in the system's viewer."""
        path = self.outputs.get("report")
        if path and os.path.exists(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def export_folder(self) -> str:
        """The export folder: the chosen one, else ``<season>_exports`` beside the GeoPackage."""
        return self.exportFolder.filePath() or os.path.splitext(self.season_path)[0] + "_exports"

    def export_parameters(self, kind: str) -> Tuple[str, Dict[str, Any]]:
        """(algorithm id, parameters) of an export: ``occupancy``, ``secr``, ``camtrapdp`` or ``generalise``."""
        season, folder, cell = self.season_path, self.export_folder(), self.generaliseSpin.value()
        layer = f"{season}|layername="
        if kind == "occupancy":
            habitat = self.outputs.get("habitat")
            return "snowleopard:exportoccupancy", {
                "OBSERVATIONS": layer + "observations", "ROUTES": layer + "routes",
                "SEARCH_HALF_WIDTH": self.halfWidthSpin.value(), "SIGN_TYPES": ", ".join(self.sign_weights()),
                "DEM": self.coverageDem.filePath() or None,
                "HABITAT": habitat if habitat and habitat.lower().endswith((".tif", ".tiff")) else None,
                "RIDGES": self.outputs.get("ridges"), "GENERALISE_CELL_M": cell,
                "OUTPUT_FOLDER": os.path.join(folder, "occupancy"),
                "SITES_OUTPUT": os.path.join(folder, "occupancy", "sites.gpkg")}
        if kind == "secr":
            return "snowleopard:exportsecr", {
                "CAMERAS": layer + "cameras", "DETECTIONS": layer + "detections",
                "SPECIES": self.speciesEdit.text().strip(), "GENERALISE_CELL_M": cell,
                "OUTPUT_FOLDER": os.path.join(folder, "secr")}
        if kind == "camtrapdp":
            return "snowleopard:exportcamtrapdp", {
                "CAMERAS": layer + "cameras", "DETECTIONS": layer + "detections",
                "TITLE": self.titleEdit.text().strip() or tr("Snow leopard census"), "GENERALISE_CELL_M": cell,
                "OUTPUT_FOLDER": os.path.join(folder, "camtrapdp")}
        if kind == "generalise":
            return "snowleopard:generalise", {
                "INPUT": layer + "observations", "CELL_SIZE": cell,
                "OUTPUT": os.path.join(folder, f"observations_generalised_{cell:.0f}m.gpkg")}
        raise ValueError(kind)

    def run_export(self, kind: str) -> None:
        """Start one of the exports for analysts (see :meth:`export_parameters`)."""
        if not self._need_season():
            return
        if kind == "generalise" and self.generaliseSpin.value() <= 0:
            self.show_error(tr("Choose the cell size to generalise the signs to (e.g. 10000 m)."))
            return
        alg_id, params = self.export_parameters(kind)
        try:
            os.makedirs(self.export_folder(), exist_ok=True)
        except OSError as error:
            self.show_error(tr("Cannot create the export folder {folder}: {reason}. Choose another folder.").format(
                folder=self.export_folder(), reason=error.strerror or str(error)))
            return

        def done(results: dict) -> None:
            written = results.get("OUTPUT_FOLDER") or results.get("OUTPUT") or ""
            self.outputs["export_" + kind] = str(written)
            self.statusLabel.setText(tr("Exported: {path}").format(path=written))
            if kind == "generalise":
                self._add_vector("export_generalise", written, tr("Signs, generalised for sharing"), visible=False)

        self.run_job(alg_id, params, done, tr("Exporting…"))

    # Results into the season group ---------------------------------------------------------------
    def _season_group(self):
        from ..qgis_io import add_season_to_project, season_group_name

        root = QgsProject.instance().layerTreeRoot()
        group = root.findGroup(season_group_name(self.season_path))
        return group if group is not None else add_season_to_project(self.season_path)

    def _replace_layer(self, layer, visible: bool = True) -> None:
        project = QgsProject.instance()
        source = layer.source()
        for old in list(project.mapLayers().values()):
            if old.source() == source:
                project.removeMapLayer(old.id())
        project.addMapLayer(layer, False)
        node = self._season_group().insertLayer(0, layer)
        node.setItemVisibilityChecked(visible)

    def _add_raster(self, key: str, path: Optional[str], title: str) -> None:
        if not path or not os.path.exists(path):
            return
        self.outputs[key] = path
        layer = QgsRasterLayer(path, title)
        if layer.isValid():
            self._replace_layer(layer)
        self._schedule_save()

    def _add_vector(self, key: str, path: Optional[str], title: str, visible: bool = True) -> None:
        if not path or not os.path.exists(path.split("|")[0]):
            return
        self.outputs[key] = path
        layer = QgsVectorLayer(path, title, "ogr")
        if layer.isValid():
            self._replace_layer(layer, visible)
        self._schedule_save()

    # Jobs ---------------------------------------------------------------------------------------
    def run_job(self, alg_id: str, params: Dict[str, Any], on_done: Callable[[dict], None], status: str) -> bool:
        """Start an algorithm in the background; ``on_done(results)`` runs in the main thread on success."""
        self.save_settings()
        self._release_tables(params)
        reason = self.runner.start(alg_id, params)
        if reason is not None:
            self._chain = []
            self.show_error(reason)
            return False
        self._on_done = on_done
        self.progressBar.setValue(0)
        self.cancelButton.setEnabled(True)
        for button in self._run_buttons:
            button.setEnabled(False)
        self.statusLabel.setText(status)
        return True

    @staticmethod
    def _release_tables(params: Dict[str, Any]) -> None:
        """Take the layers of GeoPackage tables a job rewrites out of the project first.

        A layer left open on a table that the background task drops and writes
        again would show stale features (or keep the table locked).
        """
        sources = {table_layer_source(value) for value in params.values()} - {None}
        if not sources:
            return
        project = QgsProject.instance()
        for layer in list(project.mapLayers().values()):
            if layer.source() in sources:
                project.removeMapLayer(layer.id())

    def cancel(self) -> None:
        """Cancel the running job (and the rest of a chain)."""
        self._chain = []
        self.runner.cancel()

    def is_busy(self) -> bool:
        return self.runner.is_running()

    def _job_finished(self, ok: bool, results: dict, message: str, log: str) -> None:
        self.cancelButton.setEnabled(False)
        for button in self._run_buttons:
            button.setEnabled(True)
        callback, self._on_done = self._on_done, None
        if ok:
            self.progressBar.setValue(100)
            self.statusLabel.setText(tr("Done."))
            if callback is not None:
                try:
                    callback(results)
                except Exception as error:  # noqa: BLE001 - a result that cannot be shown must not kill the dock
                    self._chain = []
                    self.show_error(tr("The results could not be loaded: {reason}").format(reason=error), log=log)
            return
        self._chain = []
        self.progressBar.setValue(0)
        if self.runner.cancelled:
            self.statusLabel.setText(message)
            self.show_error(message, Qgis.Info)
        else:
            self.statusLabel.setText(tr("Failed."))
            self.show_error(message, log=log)

    def show_error(self, message: str, level=Qgis.Critical, log: str = "") -> None:
        """A message-bar item (with a Details button when there is a log); the dock stays usable."""
        self.last_message = message
        self.statusLabel.setText(message)
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        item = bar.createMessage(tr("Snow Leopard Census"), message)
        if log:
            button = QPushButton(tr("Details"))
            button.setToolTip(tr("Show the log of the job"))
            button.clicked.connect(lambda: self._show_log(message, log))
            item.layout().addWidget(button)
        bar.pushWidget(item, level, 0 if level == Qgis.Critical else 8)

    def _show_log(self, message: str, log: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Snow Leopard Census"), message,
                          QMessageBox.StandardButton.Close, self)
        box.setDetailedText(log)
        box.exec()

    # Settings in the project --------------------------------------------------------------------
    def _settings_widgets(self) -> Dict[str, QWidget]:
        return {"dem": self.demFile, "output": self.outputFile, "date_window": self.dateWindowCheck,
                "date_from": self.dateFrom, "date_to": self.dateTo, "radius": self.radiusSpin,
                "pixel": self.pixelSpin, "kernel": self.kernelCombo, "effort": self.effortCheck,
                "min_effort_km": self.minEffortSpin, "species": self.speciesEdit,
                "camera_radius": self.cameraRadiusSpin, "per_individual": self.perIndividualCheck,
                "coverage_dem": self.coverageDem, "half_width": self.halfWidthSpin,
                "camera_reach": self.cameraReachSpin, "grid": self.gridSpin,
                "habitat_from_layer": self.habitatFromLayer,
                "habitat_layer": self.habitatLayer, "gap_distance": self.gapDistanceSpin,
                "min_area": self.minAreaSpin, "access_layer": self.accessLayer, "title": self.titleEdit,
                "language": self.languageCombo, "include_heatmap": self.includeHeatmap,
                "include_coverage": self.includeCoverage, "include_gaps": self.includeGaps,
                "include_plan": self.includePlan, "report": self.reportFile,
                "plan_ridges": self.planRidges, "plan_habitat": self.planHabitat, "plan_routes": self.planRoutes,
                "plan_access": self.planAccess, "plan_locked": self.planLocked, "plan_exclude": self.planExclude,
                "budget_km": self.budgetSpin, "max_day_km": self.maxDaySpin, "teams": self.teamsSpin,
                "plan_half_width": self.planHalfWidthSpin, "gaps_first": self.gapsFirstCheck,
                "gpx_folder": self.gpxFolder,
                "n_stations": self.stationsSpin, "sigma": self.sigmaSpin, "min_spacing": self.spacingSpin,
                "keep_cameras": self.keepCamerasCheck, "export_folder": self.exportFolder,
                "generalise_m": self.generaliseSpin}

    def _connect_settings(self) -> None:
        for widget in self._settings.values():
            for signal in ("fileChanged", "valueChanged", "currentIndexChanged", "toggled", "dateChanged",
                           "textChanged", "layerChanged"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(self._schedule_save)
                    break
        self.signTable.itemChanged.connect(self._schedule_save)
        for spin in self.weightSpins.values():
            spin.valueChanged.connect(self._schedule_save)

    def _schedule_save(self, *args) -> None:
        if not self._restoring:
            self._save_timer.start()

    @staticmethod
    def _value(widget: QWidget) -> Any:
        if isinstance(widget, QgsFileWidget):
            return widget.filePath()
        if isinstance(widget, QgsMapLayerComboBox):
            layer = widget.currentLayer()
            return layer.id() if layer is not None else ""
        if isinstance(widget, QgsDoubleSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentIndex()
        if isinstance(widget, (QCheckBox, QRadioButton)):
            return widget.isChecked()
        if isinstance(widget, QDateEdit):
            return widget.date().toString("yyyy-MM-dd")
        if isinstance(widget, QLineEdit):
            return widget.text()
        return None

    @staticmethod
    def _set_value(widget: QWidget, value: Any) -> None:
        if isinstance(widget, QgsFileWidget):
            widget.setFilePath(str(value))
        elif isinstance(widget, QgsMapLayerComboBox):
            widget.setLayer(QgsProject.instance().mapLayer(str(value)) if value else None)
        elif isinstance(widget, QgsDoubleSpinBox):
            widget.setValue(float(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(int(value))
        elif isinstance(widget, (QCheckBox, QRadioButton)):
            widget.setChecked(bool(value))
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def settings(self) -> Dict[str, Any]:
        """Everything the dock stores in the project."""
        values = {key: self._value(widget) for key, widget in self._settings.items()}
        values["season"] = self.season_path
        values["files"] = self.file_roles()
        values["outputs"] = self.outputs
        values["signs"] = {self.signTable.item(r, 0).data(Qt.ItemDataRole.UserRole):
                           [self.signTable.item(r, 0).checkState() == Qt.CheckState.Checked,
                            self.weightSpins[self.signTable.item(r, 0).data(Qt.ItemDataRole.UserRole)].value()]
                           for r in range(self.signTable.rowCount())}
        return values

    def save_settings(self) -> None:
        """Write the dock's settings into the project (scope ``snowleopard``, one JSON entry per key)."""
        if self._restoring:
            return
        project = QgsProject.instance()
        for key, value in self.settings().items():
            project.writeEntry(SCOPE, key, json.dumps(value))

    def _project_read(self, *args) -> None:
        self.restore_settings()

    def restore_settings(self) -> None:
        """Set the widgets from the project's entries (nothing stored: leave them as they are)."""
        project = QgsProject.instance()

        def read(key: str) -> Any:
            text, ok = project.readEntry(SCOPE, key, "")
            if not ok or not text:
                return None
            try:
                return json.loads(text)
            except ValueError:
                return None

        self._restoring = True
        try:
            for key, widget in self._settings.items():
                value = read(key)
                if value is None:
                    continue
                try:
                    self._set_value(widget, value)
                except (TypeError, ValueError):
                    continue
            if self.habitatFromLayer.isChecked() is False:
                self.habitatFromDem.setChecked(True)
            files = read("files")
            if isinstance(files, list):
                self.filesTable.setRowCount(0)
                for entry in files:
                    if isinstance(entry, list) and len(entry) == 2:
                        self._add_file_row(str(entry[0]), str(entry[1]))
            signs = read("signs") or {}
            for row in range(self.signTable.rowCount()):
                code = self.signTable.item(row, 0).data(Qt.ItemDataRole.UserRole)
                if isinstance(signs.get(code), list) and len(signs[code]) == 2:
                    self.signTable.item(row, 0).setCheckState(
                        Qt.CheckState.Checked if signs[code][0] else Qt.CheckState.Unchecked)
                    self.weightSpins[code].setValue(float(signs[code][1]))
            outputs = read("outputs")
            if isinstance(outputs, dict):
                self.outputs = {str(k): str(v) for k, v in outputs.items()}
                self.openReportButton.setEnabled(bool(self.outputs.get("report")))
                self.fill_gaps(self.outputs.get("gaps", ""))
            season = read("season")
        finally:
            self._restoring = False
        if season and os.path.exists(season):
            self.load_season(season, add_layers=False)
        elif season is not None:
            self.season_path = ""
