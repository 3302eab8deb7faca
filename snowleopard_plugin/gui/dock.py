"""The season workflow dock: Data → Heatmaps → Coverage & gaps → Plan → Report.

The dock is the shell: the pages (one class each in :mod:`.pages`, built in
code) gather parameters and run the plugin's Processing algorithms in the
background through the one shared :class:`.runner.AlgorithmRunner`; the dock
owns the season GeoPackage, the progress bar and Cancel button, the message
bar, and puts results into the season's layer group. It holds no analysis
code. The pages' settings (typed dataclasses) are stored in the project
(scope ``snowleopard``, one JSON entry per field) and restored when a project
is read.
"""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import PROVIDER_ID
from ..help import help_url
from ..i18n import tr
from .pages.base import Page
from .pages.coverage import CoveragePage
from .pages.data import DataPage
from .pages.heatmaps import HeatmapsPage
from .pages.plan import PlanPage
from .pages.report import ReportPage
from .runner import AlgorithmRunner
from .widgets import breakable, table_layer_source, tip

#: Scope of the dock's entries in the project file.
SCOPE = "snowleopard"
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
#: The dock's own entries in the project, beside the pages' settings.
SEASON_KEY, OUTPUTS_KEY = "season", "outputs"
#: Default width of the dock; every page fits it in Russian and English.
DOCK_WIDTH = 400

Algorithm = Union[str, type]
Step = Tuple[Algorithm, Callable[[], Dict[str, Any]], Callable[[dict], None]]


def algorithm_id(algorithm: Algorithm) -> str:
    """``snowleopard:<name>`` of an algorithm class (its ``NAME``), or the id given."""
    return algorithm if isinstance(algorithm, str) else f"{PROVIDER_ID}:{algorithm.NAME}"


class SeasonDock(QDockWidget):
    """The dock: the season, the pages, the shared runner, the message bar."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("SnowLeopardSeasonDock")
        self.setWindowTitle(tr("Snow Leopard Census"))
        self.setMinimumWidth(DOCK_WIDTH)
        self.season_path = ""
        self.summary: Optional[Dict[str, Any]] = None
        self.outputs: Dict[str, str] = {}
        self.last_message = ""
        self._restoring = False
        self._on_done: Optional[Callable[[dict], None]] = None
        self._chain: List[Step] = []
        self._build_shell()
        self.data = DataPage(self)
        self.heatmaps = HeatmapsPage(self)
        self.coverage = CoveragePage(self)
        self.plan = PlanPage(self)
        self.report = ReportPage(self)
        self.exports = self.report.exports
        for name, page, title in (("data", self.data, tr("1. Data")), ("heatmaps", self.heatmaps, tr("2. Heatmaps")),
                                  ("coverage", self.coverage, tr("3. Coverage && gaps")),
                                  ("plan", self.plan, tr("4. Plan")), ("report", self.report, tr("5. Report"))):
            self._add_page(name, page, title)
        self.runner = AlgorithmRunner(self)
        self.runner.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        self.runner.finished.connect(self._job_finished)
        self.cancelButton.clicked.connect(self.cancel)
        self.helpButton.clicked.connect(self.open_help)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self.save_settings)
        for page in self.all_pages():
            page.name_widgets()
            page.connect_settings(self.schedule_save)
        QgsProject.instance().readProject.connect(self._project_read)
        self.restore_settings()

    # the shell --------------------------------------------------------------------------------
    def _build_shell(self) -> None:
        contents = QWidget()
        contents.setObjectName("dockContents")
        main = QVBoxLayout(contents)
        top = QHBoxLayout()
        self.seasonLabel = tip(QLabel(tr("No season yet: import field files or open a season GeoPackage.")),
                               tr("The season GeoPackage the pages work on"))
        self.seasonLabel.setObjectName("seasonLabel")
        self.seasonLabel.setWordWrap(True)
        top.addWidget(self.seasonLabel, 1)
        self.helpButton = tip(QToolButton(), tr("Open the help page of the dock"))
        self.helpButton.setObjectName("helpButton")
        self.helpButton.setIcon(QgsApplication.getThemeIcon("/mActionHelpContents.svg"))
        self.helpButton.setText(tr("Help"))
        self.helpButton.setAutoRaise(True)
        top.addWidget(self.helpButton, 0, Qt.AlignmentFlag.AlignTop)
        main.addLayout(top)
        self.pages = tip(QToolBox(), tr("The season workflow, page by page: Data, Heatmaps, Coverage and gaps, "
                                        "Plan, Report"))
        self.pages.setObjectName("pages")
        main.addWidget(self.pages, 1)
        task = QHBoxLayout()
        self.progressBar = tip(QProgressBar(), tr("Progress of the running job"))
        self.progressBar.setObjectName("progressBar")
        self.progressBar.setValue(0)
        task.addWidget(self.progressBar, 1)
        self.cancelButton = tip(QPushButton(tr("Cancel")), tr("Stop the running job; no output file is left behind"))
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setEnabled(False)
        task.addWidget(self.cancelButton)
        main.addLayout(task)
        self.statusLabel = tip(QLabel(tr("Ready.")), tr("What the dock is doing"))
        self.statusLabel.setObjectName("statusLabel")
        self.statusLabel.setWordWrap(True)
        main.addWidget(self.statusLabel)
        self.setWidget(contents)

    def _add_page(self, name: str, page: Page, title: str) -> None:
        """``page`` in a scroll area (``<name>Scroll``) that scrolls only up and down."""
        page.setObjectName(f"{name}Contents")
        scroll = QScrollArea()
        scroll.setObjectName(f"{name}Scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(page)
        holder = QWidget()
        holder.setObjectName("page" + name.capitalize())
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll)
        self.pages.addItem(holder, title)

    def all_pages(self) -> List[Page]:
        """Every page and section with settings, in the order they are saved."""
        return [self.data, self.heatmaps, self.coverage, self.plan, self.report, self.exports]

    def run_buttons(self) -> List[QPushButton]:
        return [button for page in self.all_pages() for button in getattr(page, "run_buttons", [])]

    def open_help(self) -> bool:
        """Open the dock's help page in the system's browser; False (and a message) when it is not installed."""
        url = help_url("dock")
        if not url:
            self.show_error(tr("The help page of the dock is not installed with this version of the plugin."),
                            Qgis.Warning)
            return False
        QDesktopServices.openUrl(QUrl(url))
        return True

    def set_status(self, text: str) -> None:
        """The status line under the progress bar (long paths may wrap)."""
        self.statusLabel.setText(breakable(text))

    # the season -------------------------------------------------------------------------------
    def load_season(self, path: str, add_layers: bool = True) -> bool:
        """Make ``path`` the dock's season: load its group, show its summary and validation rows."""
        from ..qgis_io import add_season_to_project

        summary = self.data.read_summary(path)
        if summary is None:
            return False
        if path != self.season_path:
            # results of another season do not belong to this one (rasters and tables share the prefix)
            prefix = os.path.splitext(path)[0]
            self.outputs = {k: v for k, v in self.outputs.items() if str(v).startswith(prefix)}
            self._outputs_changed()
        self.season_path = path
        self.summary = summary
        if add_layers:
            add_season_to_project(path)
        self.seasonLabel.setText(breakable(tr("Season: {path}").format(path=path)))
        self.seasonLabel.setToolTip(path)
        for page in self.all_pages():
            page.season_loaded(path)
        self.schedule_save()
        return True

    def reset_results(self) -> None:
        """A fresh import replaced the GeoPackage: the results of the old one no longer apply."""
        self.outputs = {}
        for page in self.all_pages():
            page.results_reset()

    def _outputs_changed(self) -> None:
        for page in self.all_pages():
            page.outputs_restored()

    def need_season(self) -> bool:
        """True when there is a season to work on (a message saying what to do when not)."""
        if self.season_path and os.path.exists(self.season_path):
            return True
        self.show_error(tr("Import the season or open a season GeoPackage on the Data page first."))
        return False

    def season_table(self, name: str) -> str:
        """A table of the season GeoPackage as a Processing layer value."""
        return f"{self.season_path}|layername={name}"

    def season_crs(self):
        """CRS of the season (its routes layer), or an invalid CRS."""
        from ..qgis_io import season_layer

        return season_layer(self.season_path, "routes").crs()

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

    def zoom_to_feature(self, layer: QgsVectorLayer, fid: int, margin: float = 500.0) -> bool:
        """Zoom the map to one feature (points: ``margin`` metres around it). False when it has no place."""
        geometry = layer.getFeature(fid).geometry()
        if geometry is None or geometry.isEmpty():
            self.set_status(tr("This row has no place on the map."))
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

    # results into the season group ------------------------------------------------------------
    def _season_group(self):
        from ..qgis_io import add_season_to_project, season_group_name

        group = QgsProject.instance().layerTreeRoot().findGroup(season_group_name(self.season_path))
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

    def add_raster(self, key: str, path: Optional[str], title: str) -> None:
        """Keep a raster result as output ``key`` and show it, styled, in the season group."""
        if not path or not os.path.exists(path):
            return
        self.outputs[key] = path
        layer = QgsRasterLayer(path, title)
        if layer.isValid():
            self._replace_layer(layer)
        self.schedule_save()

    def add_vector(self, key: str, path: Optional[str], title: str, visible: bool = True) -> None:
        """Keep a vector result (a file or ``<gpkg>|layername=<table>``) as output ``key`` and show it."""
        if not path or not os.path.exists(path.split("|")[0]):
            return
        self.outputs[key] = path
        layer = QgsVectorLayer(path, title, "ogr")
        if layer.isValid():
            self._replace_layer(layer, visible)
        self.schedule_save()

    # jobs -------------------------------------------------------------------------------------
    def run_job(self, algorithm: Algorithm, params: Dict[str, Any], on_done: Callable[[dict], None],
                status: str) -> bool:
        """Start an algorithm (class or id) in the background; ``on_done(results)`` runs in the main thread on
        success."""
        self.save_settings()
        self._release_tables(params)
        reason = self.runner.start(algorithm_id(algorithm), params)
        if reason is not None:
            self._chain = []
            self.show_error(reason)
            return False
        self._on_done = on_done
        self.progressBar.setValue(0)
        self.cancelButton.setEnabled(True)
        for button in self.run_buttons():
            button.setEnabled(False)
        self.set_status(status)
        return True

    def run_chain(self, steps: List[Step]) -> None:
        """Run algorithms one after the other; each step's parameters are made when it starts."""
        self._chain = list(steps)
        self._next_in_chain()

    def _next_in_chain(self) -> None:
        if not self._chain:
            return
        algorithm, make_params, done = self._chain.pop(0)

        def step_done(results: dict) -> None:
            done(results)
            self._next_in_chain()

        name = algorithm_id(algorithm).split(":")[1]
        self.run_job(algorithm, make_params(), step_done, tr("Running {name}…").format(name=name))

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
        for button in self.run_buttons():
            button.setEnabled(True)
        callback, self._on_done = self._on_done, None
        if ok:
            self.progressBar.setValue(100)
            self.set_status(tr("Done."))
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
            self.set_status(message)
            self.show_error(message, Qgis.Info)
        else:
            self.set_status(tr("Failed."))
            self.show_error(message, log=log)

    def show_error(self, message: str, level=Qgis.Critical, log: str = "") -> None:
        """A message-bar item (with a Details button when there is a log); the dock stays usable."""
        self.last_message = message
        self.set_status(message)
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

    # settings in the project ------------------------------------------------------------------
    def schedule_save(self, *args) -> None:
        if not self._restoring:
            self._save_timer.start()

    def settings(self) -> Dict[str, Any]:
        """Everything the dock stores in the project: project key → value (JSON-encodable)."""
        values: Dict[str, Any] = {}
        for page in self.all_pages():
            values.update(dataclasses.asdict(page.settings()))
        values[SEASON_KEY] = self.season_path
        values[OUTPUTS_KEY] = self.outputs
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

    @staticmethod
    def _read_entry(key: str) -> Any:
        text, ok = QgsProject.instance().readEntry(SCOPE, key, "")
        if not ok or not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            return None

    def restore_settings(self) -> None:
        """Set the widgets from the project's entries (entries not stored leave their widgets as they are)."""
        self._restoring = True
        try:
            for page in self.all_pages():
                stored = {field.name: self._read_entry(field.name) for field in dataclasses.fields(page.SETTINGS)}
                page.apply_settings(page.merged_settings(stored))
            outputs = self._read_entry(OUTPUTS_KEY)
            if isinstance(outputs, dict):
                self.outputs = {str(k): str(v) for k, v in outputs.items()}
                self._outputs_changed()
            season = self._read_entry(SEASON_KEY)
        finally:
            self._restoring = False
        if season and os.path.exists(season):
            self.load_season(season, add_layers=False)
        elif season is not None:
            self.season_path = ""
