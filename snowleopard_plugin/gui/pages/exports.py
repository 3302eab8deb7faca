"""The exports for analysts (a section of the Report page): occupancy histories, secr files, a Camtrap DP
package and generalised copies of the signs for sharing."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Dict, Tuple, Type

from qgis.PyQt.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from ...i18n import tr
from ...processing.alg_exports import ExportCamtrapDpAlgorithm as Camtrap
from ...processing.alg_exports import ExportOccupancyAlgorithm as Occupancy
from ...processing.alg_exports import ExportSecrAlgorithm as Secr
from ...processing.alg_exports import GeneraliseAlgorithm as Generalise
from ..widgets import button_flow, file_widget, fit_value, form, spin, tip
from .base import Page


@dataclasses.dataclass
class ExportSettings:
    """What the exports section keeps in the project."""

    export_folder: str = ""
    generalise_m: float = 0.0


class ExportsSection(Page):
    """Files for R (unmarked, secr), PRESENCE and Camtrap DP, and generalised copies for sharing."""

    SETTINGS = ExportSettings

    def __init__(self, dock, parent=None) -> None:
        super().__init__(dock, parent)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.group = tip(QGroupBox(tr("Exports for analysts")),
                         tr("Files for R (unmarked, secr), PRESENCE and Camtrap DP, and generalised copies for "
                            "sharing"))
        self.box.addWidget(self.group)
        inner = QVBoxLayout(self.group)
        rows = form()
        self.exportFolder = file_widget(tr("Folder for the exports; empty: an 'exports' folder beside the season"),
                                        folder=True)
        rows.addRow(tip(QLabel(tr("Export folder")), tr("Where the exports go")), self.exportFolder)
        self.generaliseSpin = spin(self.defaults.generalise_m, 0.0, 100000.0, 0, tr(" m"),
                                   tr("Move every location to the centre of a grid cell of this size before "
                                      "export (0: exact coordinates); snow leopard locations draw poachers"),
                                   1000.0)
        self.generaliseSpin.setSpecialValueText(tr("exact coordinates"))
        fit_value(self.generaliseSpin)
        rows.addRow(tip(QLabel(tr("Generalise to cells of")), tr("Generalisation cell size")), self.generaliseSpin)
        inner.addLayout(rows)
        self.exportOccupancyButton = tip(QPushButton(tr("Occupancy histories")),
                                         tr("Detection histories (sites × segments along routes) for unmarked and "
                                            "PRESENCE"))
        self.exportSecrButton = tip(QPushButton(tr("secr files")), tr("Trap and capture files for R secr"))
        self.exportCamtrapButton = tip(QPushButton(tr("Camtrap DP package")),
                                       tr("The cameras and detections as a Camtrap DP 1.0 data package"))
        self.exportGeneraliseButton = tip(QPushButton(tr("Generalised signs")),
                                          tr("A copy of the signs moved to cell centres, safe to share"))
        self.run_buttons = [self.exportOccupancyButton, self.exportSecrButton, self.exportCamtrapButton,
                            self.exportGeneraliseButton]
        inner.addWidget(button_flow(*self.run_buttons))
        for button, kind in zip(self.run_buttons, ("occupancy", "secr", "camtrapdp", "generalise")):
            button.clicked.connect(lambda checked=False, kind=kind: self.run_export(kind))

    def bindings(self):
        return {"export_folder": self.exportFolder, "generalise_m": self.generaliseSpin}

    def export_folder(self) -> str:
        """The export folder: the chosen one, else ``<season>_exports`` beside the GeoPackage."""
        return self.exportFolder.filePath() or os.path.splitext(self.dock.season_path)[0] + "_exports"

    def export_parameters(self, kind: str) -> Tuple[Type[Any], Dict[str, Any]]:
        """(algorithm class, parameters) of an export: ``occupancy``, ``secr``, ``camtrapdp`` or ``generalise``."""
        dock = self.dock
        folder, cell = self.export_folder(), self.generaliseSpin.value()
        species = dock.heatmaps.speciesEdit.text().strip()
        if kind == "occupancy":
            habitat = dock.outputs.get("habitat")
            return Occupancy, {
                Occupancy.OBSERVATIONS: dock.season_table("observations"),
                Occupancy.ROUTES: dock.season_table("routes"),
                Occupancy.SEARCH_HALF_WIDTH: dock.coverage.halfWidthSpin.value(),
                Occupancy.SIGN_TYPES: ", ".join(dock.heatmaps.sign_weights()),
                Occupancy.DEM: dock.coverage.coverageDem.filePath() or None,
                Occupancy.HABITAT: habitat if habitat and habitat.lower().endswith((".tif", ".tiff")) else None,
                Occupancy.RIDGES: dock.outputs.get("ridges"), Occupancy.GENERALISE_CELL_M: cell,
                Occupancy.OUTPUT_FOLDER: os.path.join(folder, "occupancy"),
                Occupancy.SITES_OUTPUT: os.path.join(folder, "occupancy", "sites.gpkg")}
        if kind == "secr":
            return Secr, {Secr.CAMERAS: dock.season_table("cameras"), Secr.DETECTIONS: dock.season_table("detections"),
                          Secr.SPECIES: species, Secr.GENERALISE_CELL_M: cell,
                          Secr.OUTPUT_FOLDER: os.path.join(folder, "secr")}
        if kind == "camtrapdp":
            title = dock.report.titleEdit.text().strip() or tr("Snow leopard census")
            return Camtrap, {Camtrap.CAMERAS: dock.season_table("cameras"),
                             Camtrap.DETECTIONS: dock.season_table("detections"), Camtrap.TITLE: title,
                             Camtrap.GENERALISE_CELL_M: cell, Camtrap.OUTPUT_FOLDER: os.path.join(folder, "camtrapdp")}
        if kind == "generalise":
            return Generalise, {Generalise.INPUT: dock.season_table("observations"), Generalise.CELL_SIZE: cell,
                                Generalise.OUTPUT: os.path.join(folder, f"observations_generalised_{cell:.0f}m.gpkg")}
        raise ValueError(kind)

    def run_export(self, kind: str) -> None:
        """Start one of the exports for analysts (see :meth:`export_parameters`)."""
        dock = self.dock
        if not dock.need_season():
            return
        if kind == "generalise" and self.generaliseSpin.value() <= 0:
            dock.show_error(tr("Choose the cell size to generalise the signs to (e.g. 10000 m)."))
            return
        algorithm, params = self.export_parameters(kind)
        try:
            os.makedirs(self.export_folder(), exist_ok=True)
        except OSError as error:
            dock.show_error(tr("Cannot create the export folder {folder}: {reason}. Choose another folder.").format(
                folder=self.export_folder(), reason=error.strerror or str(error)))
            return

        def done(results: dict) -> None:
            written = results.get(Occupancy.OUTPUT_FOLDER) or results.get(Generalise.OUTPUT) or ""
            dock.outputs["export_" + kind] = str(written)
            dock.set_status(tr("Exported: {path}").format(path=written))
            if kind == "generalise":
                dock.add_vector("export_generalise", written, tr("Signs, generalised for sharing"), visible=False)

        dock.run_job(algorithm, params, done, tr("Exporting…"))
