"""Page 2, Heatmaps: the sign heatmap (``snowleopard:heatmap``) and the camera detection rate
(``snowleopard:camerarate``)."""

from __future__ import annotations

import dataclasses
from typing import Any, Dict, Optional

from qgis.gui import QgsDoubleSpinBox
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core import model
from ...i18n import tr
from ...labels import obs_type_labels
from ...processing.alg_camerarate import CameraRateAlgorithm as CameraRate
from ...processing.alg_heatmap import HeatmapAlgorithm as Heatmap
from ...processing.alg_heatmap import kernel_options
from ..widgets import fit_value, form, narrow_combo, spin, tip
from .base import Page

#: Sign types left out of the heatmap until the user ticks them.
UNTICKED = ("mating_call", "other")


@dataclasses.dataclass
class HeatmapSettings:
    """What the Heatmaps page keeps in the project."""

    date_window: bool = False
    date_from: str = "2026-01-01"
    date_to: str = "2026-12-31"
    radius: float = 2000.0
    pixel: float = 100.0
    kernel: int = 0
    effort: bool = True
    min_effort_km: float = 1.0
    species: str = "Panthera uncia"
    camera_radius: float = 3000.0
    per_individual: bool = False
    #: sign type → [ticked, weight]
    signs: dict = dataclasses.field(default_factory=dict)


class HeatmapsPage(Page):
    """Sign heatmap (optionally per km of route searched) and camera detections per 100 trap-nights."""

    SETTINGS = HeatmapSettings

    def __init__(self, dock, parent=None) -> None:
        super().__init__(dock, parent)
        d = self.defaults
        layout = self.box
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
            item.setCheckState(Qt.CheckState.Unchecked if code in UNTICKED else Qt.CheckState.Checked)
            item.setToolTip(tr("Map this sign type"))
            self.signTable.setItem(row, 0, item)
            weight = spin(1.0, 0.0, 100.0, 2, "", tr("Weight of one sign of this type"), 0.5)
            self.weightSpins[code] = weight
            self.signTable.setCellWidget(row, 1, weight)
        self.signTable.setMinimumHeight(150)
        layout.addWidget(self.signTable)
        rows = form()
        self.dateWindowCheck = tip(QCheckBox(tr("Only signs between")), tr("Map only the signs of a date window"))
        dates = QWidget()
        line = QHBoxLayout(dates)
        line.setContentsMargins(0, 0, 0, 0)
        self.dateFrom = tip(QDateEdit(QDate.fromString(d.date_from, "yyyy-MM-dd")), tr("First day of the window"))
        self.dateTo = tip(QDateEdit(QDate.fromString(d.date_to, "yyyy-MM-dd")), tr("Last day of the window"))
        for edit in (self.dateFrom, self.dateTo):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            line.addWidget(fit_value(edit))
        line.addStretch(1)
        rows.addRow(self.dateWindowCheck, dates)
        self.radiusSpin = spin(d.radius, 10.0, 100000.0, 0, tr(" m"), tr("Kernel radius in metres"), 100.0)
        rows.addRow(tip(QLabel(tr("Radius")), tr("Kernel radius")), self.radiusSpin)
        self.pixelSpin = spin(d.pixel, 1.0, 10000.0, 1, tr(" m"), tr("Pixel size of the heatmaps in metres"), 10.0)
        rows.addRow(tip(QLabel(tr("Pixel size")), tr("Pixel size of the heatmaps")), self.pixelSpin)
        self.kernelCombo = tip(narrow_combo(QComboBox()), tr("Kernel shape, as in QGIS's heatmap"))
        self.kernelCombo.addItems(kernel_options())
        self.kernelCombo.setCurrentIndex(d.kernel)
        rows.addRow(tip(QLabel(tr("Kernel")), tr("Kernel shape")), self.kernelCombo)
        self.effortCheck = tip(QCheckBox(tr("Signs per km of route searched")),
                               tr("Divide by the route km walked near each place (effort correction)"))
        self.effortCheck.setChecked(d.effort)
        self.minEffortSpin = spin(d.min_effort_km, 0.0, 1000.0, 2, tr(" km"),
                                  tr("Leave places empty where fewer route km lie within the radius"), 0.5)
        rows.addRow(self.effortCheck, self.minEffortSpin)
        layout.addLayout(rows)
        self.heatmapButton = tip(QPushButton(tr("Run heatmap")), tr("Compute the sign heatmap in the background"))
        layout.addWidget(self.heatmapButton)
        box = tip(QGroupBox(tr("Camera detection rate")), tr("Detections per 100 trap-nights around the stations"))
        cam = form()
        box.setLayout(cam)
        self.speciesEdit = tip(QLineEdit(d.species), tr("Count only detections of this species (empty: all)"))
        cam.addRow(tip(QLabel(tr("Species")), tr("Species of the detections")), self.speciesEdit)
        self.cameraRadiusSpin = spin(d.camera_radius, 10.0, 100000.0, 0, tr(" m"),
                                     tr("Kernel radius around each station"), 100.0)
        cam.addRow(tip(QLabel(tr("Radius")), tr("Kernel radius around each station")), self.cameraRadiusSpin)
        self.perIndividualCheck = tip(QCheckBox(tr("One map per individual")),
                                      tr("Also one band per identified animal"))
        self.perIndividualCheck.setChecked(d.per_individual)
        cam.addRow(self.perIndividualCheck)
        self.cameraRateButton = tip(QPushButton(tr("Run camera rate")),
                                    tr("Compute detections per 100 trap-nights per station in the background"))
        cam.addRow(self.cameraRateButton)
        layout.addWidget(box)
        layout.addStretch(1)
        self.run_buttons = [self.heatmapButton, self.cameraRateButton]
        self.heatmapButton.clicked.connect(lambda: self.run_heatmap())
        self.cameraRateButton.clicked.connect(self.run_camera_rate)

    # settings ---------------------------------------------------------------------------------
    def bindings(self):
        return {"date_window": self.dateWindowCheck, "date_from": self.dateFrom, "date_to": self.dateTo,
                "radius": self.radiusSpin, "pixel": self.pixelSpin, "kernel": self.kernelCombo,
                "effort": self.effortCheck, "min_effort_km": self.minEffortSpin, "species": self.speciesEdit,
                "camera_radius": self.cameraRadiusSpin, "per_individual": self.perIndividualCheck}

    def _code(self, row: int) -> str:
        return self.signTable.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def extra_settings(self) -> Dict[str, Any]:
        return {"signs": {self._code(r): [self.signTable.item(r, 0).checkState() == Qt.CheckState.Checked,
                                          self.weightSpins[self._code(r)].value()]
                          for r in range(self.signTable.rowCount())}}

    def apply_extra_settings(self, settings: HeatmapSettings) -> None:
        for row in range(self.signTable.rowCount()):
            code = self._code(row)
            entry = settings.signs.get(code)
            if isinstance(entry, list) and len(entry) == 2:
                self.signTable.item(row, 0).setCheckState(Qt.CheckState.Checked if entry[0]
                                                          else Qt.CheckState.Unchecked)
                self.weightSpins[code].setValue(float(entry[1]))

    def connect_settings(self, slot) -> None:
        super().connect_settings(slot)
        self.signTable.itemChanged.connect(slot)
        for weight in self.weightSpins.values():
            weight.valueChanged.connect(slot)

    # runs -------------------------------------------------------------------------------------
    def sign_weights(self) -> Dict[str, float]:
        """Ticked sign types → weight."""
        chosen = {}
        for row in range(self.signTable.rowCount()):
            if self.signTable.item(row, 0).checkState() == Qt.CheckState.Checked:
                code = self._code(row)
                chosen[code] = self.weightSpins[code].value()
        return chosen

    def heatmap_parameters(self) -> Dict[str, Any]:
        """The ``snowleopard:heatmap`` parameters the page describes."""
        weights = self.sign_weights()
        dock = self.dock
        params: Dict[str, Any] = {
            Heatmap.INPUT: dock.season_table("observations"),
            Heatmap.RADIUS: self.radiusSpin.value(), Heatmap.PIXEL_SIZE: self.pixelSpin.value(),
            Heatmap.KERNEL: self.kernelCombo.currentIndex(),
            Heatmap.SIGN_TYPES: ",".join(weights),
            Heatmap.TYPE_WEIGHTS: ", ".join(f"{code}={value:g}" for code, value in weights.items()),
            Heatmap.MIN_EFFORT_KM: self.minEffortSpin.value(),
            Heatmap.OUTPUT: dock.result_path("heatmap"),
        }
        if self.effortCheck.isChecked():
            params[Heatmap.EFFORT] = dock.season_table("routes")
        if self.dateWindowCheck.isChecked():
            params[Heatmap.DATE_FROM] = QDateTime(self.dateFrom.date(), QTime(0, 0))
            params[Heatmap.DATE_TO] = QDateTime(self.dateTo.date(), QTime(0, 0))
        return params

    def run_heatmap(self, extra: Optional[Dict[str, Any]] = None) -> None:
        """Start ``snowleopard:heatmap`` (``extra`` overrides parameters, e.g. an EXTENT)."""
        if not self.dock.need_season():
            return
        if not self.sign_weights():
            self.dock.show_error(tr("Tick at least one sign type."))
            return
        params = self.heatmap_parameters()
        params.update(extra or {})
        self.dock.run_job(Heatmap, params,
                          lambda results: self.dock.add_raster("heatmap", results.get(Heatmap.OUTPUT),
                                                               tr("Heatmap of signs")),
                          tr("Computing the heatmap…"))

    def run_camera_rate(self) -> None:
        """Start ``snowleopard:camerarate``."""
        dock = self.dock
        if not dock.need_season():
            return
        params = {CameraRate.CAMERAS: dock.season_table("cameras"),
                  CameraRate.DETECTIONS: dock.season_table("detections"),
                  CameraRate.SPECIES: self.speciesEdit.text().strip(),
                  CameraRate.RADIUS: self.cameraRadiusSpin.value(), CameraRate.PIXEL_SIZE: self.pixelSpin.value(),
                  CameraRate.KERNEL: self.kernelCombo.currentIndex(),
                  CameraRate.PER_INDIVIDUAL: self.perIndividualCheck.isChecked(),
                  CameraRate.OUTPUT: dock.result_path("camerarate"),
                  CameraRate.OUTPUT_STATIONS: dock.result_path("camerarate_stations")}

        def done(results: dict) -> None:
            dock.add_raster("camerarate", results.get(CameraRate.OUTPUT), tr("Detections per 100 trap-nights"))
            dock.add_vector("camerarate_stations", results.get(CameraRate.OUTPUT_STATIONS),
                            tr("Detection rate per station"))

        dock.run_job(CameraRate, params, done, tr("Computing the camera detection rate…"))
