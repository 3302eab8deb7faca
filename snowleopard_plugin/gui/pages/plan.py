"""Page 4, Plan: next season's transects (``snowleopard:plantransects``), camera stations
(``snowleopard:plancameras``) and the plan compared with the routes walked (``snowleopard:compareplan``)."""

from __future__ import annotations

import dataclasses
import os
from typing import Optional, Tuple

from qgis.core import QgsMapLayerProxyModel, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import QCheckBox, QGroupBox, QLabel, QPushButton

from ...i18n import tr
from ...processing.alg_plan import ComparePlanAlgorithm as Compare
from ...processing.alg_plan import PlanCamerasAlgorithm as PlanCameras
from ...processing.alg_plan import PlanTransectsAlgorithm as PlanTransects
from ..widgets import file_widget, form, layer_combo, layer_parameter, spin, tip
from .base import Page

#: Outputs of ``snowleopard:plantransects`` that have no constant in its class (yet).
TOTAL_KM, NEW_HABITAT_KM2 = "TOTAL_KM", "NEW_HABITAT_KM2"


@dataclasses.dataclass
class PlanSettings:
    """What the Plan page keeps in the project (layers by their id)."""

    plan_ridges: str = ""
    plan_habitat: str = ""
    plan_routes: str = ""
    plan_access: str = ""
    plan_locked: str = ""
    plan_exclude: str = ""
    budget_km: float = 150.0
    max_day_km: float = 20.0
    teams: float = 4.0
    plan_half_width: float = 50.0
    gaps_first: bool = True
    gpx_folder: str = ""
    n_stations: float = 20.0
    sigma: float = 3000.0
    min_spacing: float = 3000.0
    keep_cameras: bool = True


class PlanPage(Page):
    """Transects along the ridges into the largest gaps under a km budget, and camera stations."""

    SETTINGS = PlanSettings

    def __init__(self, dock, parent=None) -> None:
        super().__init__(dock, parent)
        d = self.defaults
        layout = self.box
        intro = tip(QLabel(tr("Next season's transects along the ridges into the largest gaps, under a km budget, "
                              "and camera stations on ridges and saddles. Empty layer boxes take the results of "
                              "the Coverage & gaps page and the season's own layers.")),
                    tr("What the Plan page does"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lines = QgsMapLayerProxyModel.Filter.LineLayer
        polygons = QgsMapLayerProxyModel.Filter.PolygonLayer
        box = tip(QGroupBox(tr("Layers")), tr("The layers the plan is made from"))
        rows = form()
        box.setLayout(rows)
        self.planRidges = layer_combo(tr("Ridgelines to plan along; empty: the ridges of the last terrain run"),
                                      lines, tr("ridges of the terrain run"))
        rows.addRow(tip(QLabel(tr("Ridges")), tr("Ridgelines")), self.planRidges)
        self.planHabitat = layer_combo(tr("Habitat suitability raster or habitat polygons; empty: the habitat of "
                                          "the Coverage & gaps page"),
                                       polygons | QgsMapLayerProxyModel.Filter.RasterLayer,
                                       tr("habitat of the coverage run"))
        rows.addRow(tip(QLabel(tr("Habitat")), tr("Habitat suitability")), self.planHabitat)
        self.planRoutes = layer_combo(tr("Routes already walked (their habitat counts as searched); empty: the "
                                         "season's routes"), lines, tr("routes of the season"))
        rows.addRow(tip(QLabel(tr("Routes walked")), tr("Routes already walked")), self.planRoutes)
        self.planAccess = layer_combo(tr("Camps, road ends, huts: transects start near them; optional"),
                                      QgsMapLayerProxyModel.Filter.PointLayer)
        rows.addRow(tip(QLabel(tr("Access points")), tr("Where teams start")), self.planAccess)
        self.planLocked = layer_combo(tr("Transects walked every year: kept in the plan first; optional"), lines)
        rows.addRow(tip(QLabel(tr("Locked lines")), tr("Transects that stay in the plan")), self.planLocked)
        self.planExclude = layer_combo(tr("Areas to keep out of the plan (border zone, avalanche slopes); "
                                          "optional"), polygons)
        rows.addRow(tip(QLabel(tr("Exclude areas")), tr("Areas left out of the plan")), self.planExclude)
        layout.addWidget(box)
        box = tip(QGroupBox(tr("Transects")), tr("Day transects along the ridges, one GPX file per team"))
        rows = form()
        box.setLayout(rows)
        self.budgetSpin = spin(d.budget_km, 1.0, 10000.0, 0, tr(" km"), tr("Total km the teams can walk next season"),
                               10.0)
        rows.addRow(tip(QLabel(tr("Budget")), tr("Total km")), self.budgetSpin)
        self.maxDaySpin = spin(d.max_day_km, 1.0, 100.0, 1, tr(" km"), tr("Longest transect a team walks in one day"),
                               1.0)
        rows.addRow(tip(QLabel(tr("Longest day")), tr("Longest day transect")), self.maxDaySpin)
        self.teamsSpin = spin(d.teams, 1.0, 50.0, 0, "", tr("Number of field teams (transects are shared out among "
                                                            "them)"), 1.0)
        rows.addRow(tip(QLabel(tr("Teams")), tr("Field teams")), self.teamsSpin)
        self.planHalfWidthSpin = spin(d.plan_half_width, 1.0, 500.0, 0, tr(" m"),
                                      tr("A place counts as searched within this distance of a transect"), 10.0)
        rows.addRow(tip(QLabel(tr("Search half-width")), tr("Detection half-width of a transect")),
                    self.planHalfWidthSpin)
        self.gapsFirstCheck = tip(QCheckBox(tr("Search the coverage gaps first")),
                                  tr("Habitat inside the ranked gaps of the Coverage & gaps page counts three "
                                     "times when transects are chosen"))
        self.gapsFirstCheck.setChecked(d.gaps_first)
        rows.addRow(self.gapsFirstCheck)
        self.gpxFolder = file_widget(tr("Folder for the GPX files of the plan (one per team); empty: a 'plan_gpx' "
                                        "folder beside the season"), folder=True)
        rows.addRow(tip(QLabel(tr("GPX folder")), tr("Where the GPX files go")), self.gpxFolder)
        self.planTransectsButton = tip(QPushButton(tr("Run plan transects")),
                                       tr("Plan next season's transects in the background"))
        rows.addRow(self.planTransectsButton)
        layout.addWidget(box)
        box = tip(QGroupBox(tr("Camera stations")), tr("New camera positions on ridges and saddles"))
        rows = form()
        box.setLayout(rows)
        self.stationsSpin = spin(d.n_stations, 1.0, 500.0, 0, "", tr("How many new camera stations to place"), 1.0)
        rows.addRow(tip(QLabel(tr("New stations")), tr("Number of new stations")), self.stationsSpin)
        self.sigmaSpin = spin(d.sigma, 100.0, 50000.0, 0, tr(" m"),
                              tr("Movement scale σ of the animals (snow leopard: about 3 km)"), 500.0)
        rows.addRow(tip(QLabel(tr("Sigma")), tr("Movement scale σ")), self.sigmaSpin)
        self.spacingSpin = spin(d.min_spacing, 0.0, 50000.0, 0, tr(" m"), tr("No two stations closer than this"),
                                500.0)
        rows.addRow(tip(QLabel(tr("Minimum spacing")), tr("Spacing between stations")), self.spacingSpin)
        self.keepCamerasCheck = tip(QCheckBox(tr("Keep this season's cameras")),
                                    tr("The season's camera stations stay; new ones are spaced from them"))
        self.keepCamerasCheck.setChecked(d.keep_cameras)
        rows.addRow(self.keepCamerasCheck)
        self.planCamerasButton = tip(QPushButton(tr("Run plan cameras")),
                                     tr("Place new camera stations in the background"))
        rows.addRow(self.planCamerasButton)
        layout.addWidget(box)
        self.compareButton = tip(QPushButton(tr("Compare plan vs walked")),
                                 tr("Which planned transects the routes walked (and what was walked off the plan)"))
        layout.addWidget(self.compareButton)
        self.planSummaryLabel = tip(QLabel(tr("No plan yet.")), tr("Totals of the last plan"))
        self.planSummaryLabel.setWordWrap(True)
        layout.addWidget(self.planSummaryLabel)
        layout.addStretch(1)
        self.run_buttons = [self.planTransectsButton, self.planCamerasButton, self.compareButton]
        self.planTransectsButton.clicked.connect(self.run_plan_transects)
        self.planCamerasButton.clicked.connect(self.run_plan_cameras)
        self.compareButton.clicked.connect(self.run_compare_plan)

    def bindings(self):
        return {"plan_ridges": self.planRidges, "plan_habitat": self.planHabitat, "plan_routes": self.planRoutes,
                "plan_access": self.planAccess, "plan_locked": self.planLocked, "plan_exclude": self.planExclude,
                "budget_km": self.budgetSpin, "max_day_km": self.maxDaySpin, "teams": self.teamsSpin,
                "plan_half_width": self.planHalfWidthSpin, "gaps_first": self.gapsFirstCheck,
                "gpx_folder": self.gpxFolder, "n_stations": self.stationsSpin, "sigma": self.sigmaSpin,
                "min_spacing": self.spacingSpin, "keep_cameras": self.keepCamerasCheck}

    def results_reset(self) -> None:
        self.planSummaryLabel.setText(tr("No plan yet."))

    # runs -------------------------------------------------------------------------------------
    @staticmethod
    def _layer(combo: QgsMapLayerComboBox, fallback: Optional[str]) -> Optional[str]:
        """The chosen layer as a parameter value, else ``fallback`` (a result of an earlier run)."""
        layer = combo.currentLayer()
        if layer is not None:
            return layer_parameter(layer)
        return fallback or None

    def _routes(self) -> Optional[str]:
        return self._layer(self.planRoutes, self.dock.season_table("routes"))

    def _inputs(self) -> Optional[Tuple[str, str, Optional[str]]]:
        """(ridges, habitat, DEM or None) for the planner, or None after a message saying what is missing."""
        dock = self.dock
        if not dock.need_season():
            return None
        ridges = self._layer(self.planRidges, dock.outputs.get("ridges"))
        habitat = self._layer(self.planHabitat, dock.outputs.get("habitat"))
        if not ridges or not habitat:
            dock.show_error(tr("The plan needs ridgelines and habitat: run coverage and gaps on the Coverage & "
                               "gaps page first, or choose the layers on the Plan page."))
            return None
        dem = dock.coverage.coverageDem.filePath() or None
        if dem and not dock.check_dem(dem):
            return None
        return ridges, habitat, dem

    def run_plan_transects(self) -> None:
        """Start ``snowleopard:plantransects``; the plan goes into the season GeoPackage, GPX per team."""
        inputs = self._inputs()
        if inputs is None:
            return
        dock = self.dock
        ridges, habitat, dem = inputs
        folder = self.gpxFolder.filePath() or os.path.join(os.path.dirname(dock.season_path), "plan_gpx")
        gaps = (dock.outputs.get("gaps") or None) if self.gapsFirstCheck.isChecked() else None
        params = {PlanTransects.RIDGES: ridges, PlanTransects.HABITAT: habitat, PlanTransects.ROUTES: self._routes(),
                  PlanTransects.DEM: dem, PlanTransects.ACCESS: layer_parameter(self.planAccess.currentLayer()),
                  PlanTransects.BUDGET_KM: self.budgetSpin.value(), PlanTransects.MAX_DAY_KM: self.maxDaySpin.value(),
                  PlanTransects.TEAMS: int(self.teamsSpin.value()),
                  PlanTransects.SEARCH_HALF_WIDTH: self.planHalfWidthSpin.value(),
                  PlanTransects.LOCKED: layer_parameter(self.planLocked.currentLayer()),
                  PlanTransects.EXCLUDE: layer_parameter(self.planExclude.currentLayer()),
                  PlanTransects.GAPS: gaps, PlanTransects.OUTPUT: dock.result_path("plan"),
                  PlanTransects.GPX_FOLDER: folder}

        def done(results: dict) -> None:
            dock.add_vector("plan", results.get(PlanTransects.OUTPUT), tr("Planned transects"))
            text = tr("Plan: {km:.1f} km of transects, {area:.2f} km² of suitable habitat newly searched.").format(
                km=float(results.get(TOTAL_KM) or 0.0), area=float(results.get(NEW_HABITAT_KM2) or 0.0))
            written = results.get(PlanTransects.GPX_FOLDER)
            if written:
                dock.outputs["plan_gpx"] = written
                text += " " + tr("GPX files in {folder}").format(folder=written)
            self.planSummaryLabel.setText(text)

        dock.run_job(PlanTransects, params, done, tr("Planning transects…"))

    def run_plan_cameras(self) -> None:
        """Start ``snowleopard:plancameras``; the stations go into the season GeoPackage."""
        inputs = self._inputs()
        if inputs is None:
            return
        dock = self.dock
        ridges, habitat, dem = inputs
        existing = dock.season_table("cameras") if self.keepCamerasCheck.isChecked() else None
        params = {PlanCameras.HABITAT: habitat, PlanCameras.RIDGES: ridges, PlanCameras.DEM: dem,
                  PlanCameras.N_STATIONS: int(self.stationsSpin.value()), PlanCameras.SIGMA: self.sigmaSpin.value(),
                  PlanCameras.MIN_SPACING: self.spacingSpin.value(), PlanCameras.EXISTING: existing,
                  PlanCameras.EXCLUDE: layer_parameter(self.planExclude.currentLayer()),
                  PlanCameras.OUTPUT: dock.result_path("plan_cameras")}
        dock.run_job(PlanCameras, params,
                     lambda results: dock.add_vector("plan_cameras", results.get(PlanCameras.OUTPUT),
                                                     tr("Planned camera stations")),
                     tr("Placing camera stations…"))

    def run_compare_plan(self) -> None:
        """Start ``snowleopard:compareplan``: the planned transects against the routes walked."""
        dock = self.dock
        if not dock.need_season():
            return
        plan = dock.outputs.get("plan")
        if not plan or not QgsVectorLayer(plan, "plan", "ogr").isValid():
            dock.show_error(tr("Run plan transects first: there is no plan to compare the routes with."))
            return
        params = {Compare.PLAN: plan, Compare.ROUTES: self._routes(),
                  Compare.SEARCH_HALF_WIDTH: self.planHalfWidthSpin.value(),
                  Compare.OUTPUT: dock.result_path("plan_walked"), Compare.OFFPLAN: dock.result_path("offplan")}

        def done(results: dict) -> None:
            dock.add_vector("plan_walked", results.get(Compare.OUTPUT), tr("Plan walked"))
            dock.add_vector("offplan", results.get(Compare.OFFPLAN), tr("Walked off the plan"))
            lines = [line for line in dock.runner.log_text().splitlines() if line.strip()]
            if lines:
                self.planSummaryLabel.setText(lines[-1])

        dock.run_job(Compare, params, done, tr("Comparing the plan with the routes walked…"))
