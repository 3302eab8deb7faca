"""Page 1, Data: the field files of the season, their import, the summary and the validation rows."""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from ...core.io.vector import TABLE_EXTENSIONS, VECTOR_EXTENSIONS, classify_file
from ...i18n import tr, tr_error
from ...labels import obs_type_labels, problem_labels, role_labels
from ...processing.alg_importseason import ImportSeasonAlgorithm as Import
from ..widgets import button_flow, file_widget, form, tip
from .base import Page

#: Roles a field file can have in the import (``ignore``: not imported).
ROLES = ("routes", "observations", "cameras", "detections", "ignore")
#: What classify_file says → the import role.
KIND_TO_ROLE = {"routes": "routes", "observations": "observations", "cameras": "cameras",
                "detections": "detections", "camtrapdp": "cameras", "secr_traps": "cameras",
                "secr_capthist": "detections", "unknown": "ignore"}
#: The import parameter of each role.
ROLE_PARAMETERS = {"routes": Import.ROUTES, "observations": Import.OBSERVATIONS, "cameras": Import.CAMERAS,
                   "detections": Import.DETECTIONS}


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


@dataclasses.dataclass
class DataSettings:
    """What the Data page keeps in the project."""

    dem: str = ""
    output: str = ""
    #: [[path, role], ...] in table order
    files: list = dataclasses.field(default_factory=list)


class DataPage(Page):
    """Field files → the season GeoPackage (``snowleopard:importseason``); its summary and validation rows."""

    SETTINGS = DataSettings

    def __init__(self, dock, parent=None) -> None:
        super().__init__(dock, parent)
        layout = self.box
        self.addFilesButton = tip(QPushButton(tr("Add files…")), tr("Add GPX tracks, sign tables, camera tables "
                                                                     "or a Camtrap DP datapackage.json"))
        self.addFolderButton = tip(QPushButton(tr("Add folder…")),
                                   tr("Add every field file in a folder and its subfolders, sorted by what they hold"))
        self.removeFilesButton = tip(QPushButton(tr("Remove")), tr("Remove the selected files from the list"))
        layout.addWidget(button_flow(self.addFilesButton, self.addFolderButton, self.removeFilesButton))
        self.filesTable = QTableWidget(0, 2)
        self.filesTable.setHorizontalHeaderLabels([tr("File"), tr("Holds")])
        self.filesTable.setToolTip(tr("The field files to import; change what a file holds in its combo box, or "
                                      "choose 'Do not import'"))
        self.filesTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.filesTable.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.filesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.filesTable.setMinimumHeight(120)
        layout.addWidget(self.filesTable)
        rows = form()
        self.demFile = file_widget(tr("DEM (elevation in metres) for the surface km of the routes; optional"),
                                   tr("Rasters (*.tif *.tiff *.vrt *.img);;All files (*)"))
        rows.addRow(tip(QLabel(tr("DEM")), tr("Digital elevation model")), self.demFile)
        self.outputFile = file_widget(tr("The season GeoPackage to write (replaced if it exists)"),
                                      tr("GeoPackage (*.gpkg)"), save=True)
        rows.addRow(tip(QLabel(tr("Season GeoPackage")), tr("Where the season is saved")), self.outputFile)
        layout.addLayout(rows)
        self.importButton = tip(QPushButton(tr("Import season")),
                                tr("Read the field files, check them and write the season GeoPackage (in the "
                                   "background)"))
        self.openSeasonButton = tip(QPushButton(tr("Open season…")),
                                    tr("Load an existing season GeoPackage as the season group"))
        layout.addWidget(button_flow(self.importButton, self.openSeasonButton))
        self.run_buttons = [self.importButton]
        self.summaryLabel = tip(QLabel(tr("No summary yet.")), tr("Totals of the season GeoPackage"))
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
        self.validationTree.itemClicked.connect(self.validation_clicked)

    # settings ---------------------------------------------------------------------------------
    def bindings(self):
        return {"dem": self.demFile, "output": self.outputFile}

    def extra_settings(self) -> Dict[str, Any]:
        return {"files": [list(entry) for entry in self.file_roles()]}

    def apply_extra_settings(self, settings: DataSettings) -> None:
        if settings.files == [list(entry) for entry in self.file_roles()]:
            return
        self.filesTable.setRowCount(0)
        for entry in settings.files:
            if isinstance(entry, list) and len(entry) == 2:
                self._add_file_row(str(entry[0]), str(entry[1]))

    # the file list ----------------------------------------------------------------------------
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
        combo.currentIndexChanged.connect(self.dock.schedule_save)
        self.filesTable.setCellWidget(row, 1, combo)
        self.dock.schedule_save()

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
        self.dock.schedule_save()

    # import and open --------------------------------------------------------------------------
    def run_import(self) -> None:
        """Start ``snowleopard:importseason`` with the listed files."""
        output = self.outputFile.filePath()
        groups: Dict[str, List[str]] = {role: [] for role in ROLES}
        for path, role in self.file_roles():
            groups[role].append(path)
        if not any(groups[r] for r in ROLE_PARAMETERS):
            self.dock.show_error(tr("Add the season's field files first (Add files… or Add folder…)."))
            return
        if not output:
            self.dock.show_error(tr("Choose where to save the season GeoPackage."))
            return
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
            self.outputFile.setFilePath(output)
        params: Dict[str, Any] = {parameter: groups[role] for role, parameter in ROLE_PARAMETERS.items()}
        params[Import.DEM] = self.demFile.filePath() or None
        params[Import.OUTPUT] = output
        self.dock.run_job(Import, params, lambda results: self._imported(output), tr("Importing the season…"))

    def _imported(self, path: str) -> None:
        """A fresh import replaced the GeoPackage: the results of the old one no longer apply."""
        self.dock.reset_results()
        self.dock.load_season(path)

    def open_season_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Season GeoPackage"), "", tr("GeoPackage (*.gpkg)"))
        if path:
            self.dock.load_season(path)

    def read_summary(self, path: str) -> Optional[Dict[str, Any]]:
        """The season summary of ``path``, or None after a message saying why it cannot be read."""
        from ...core.exceptions import SnowLeopardError
        from ...core.reporting.summary import season_summary

        try:
            return season_summary(path)
        except SnowLeopardError as error:
            self.dock.show_error(tr_error(error))
            return None

    def season_loaded(self, path: str) -> None:
        from ...core.reporting.summary import is_empty

        summary = self.dock.summary
        self.summaryLabel.setText(self.summary_text(summary))
        self._fill_validation(path)
        if is_empty(summary):
            self.dock.show_error(tr("The season {path} holds no route, sign, camera or detection: check the field "
                                    "files and import again.").format(path=os.path.basename(path)), Qgis.Warning)

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
        from ...qgis_io import season_layer

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

    def validation_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        """Zoom the map to the place of a validation row."""
        if item.parent() is None or not self.dock.season_path:
            return
        from ...qgis_io import season_layer

        layer = season_layer(self.dock.season_path, "validation")
        self.dock.zoom_to_feature(layer, int(item.data(0, Qt.ItemDataRole.UserRole)))
