"""Page 5, Report: the season report PDF (``snowleopard:report``), with the exports for analysts below it."""

from __future__ import annotations

import dataclasses
import os

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton

from ...i18n import tr
from ...processing.alg_report import ReportAlgorithm as Report
from ..widgets import button_flow, file_widget, form, narrow_combo, tip
from .base import Page
from .exports import ExportsSection

#: Report parameter → the dock's output it takes, when its box is ticked.
INCLUDED = ((Report.HEATMAP, "heatmap"), (Report.COVERAGE, "coverage"), (Report.GAPS, "gaps"),
            (Report.PLAN, "plan"))


@dataclasses.dataclass
class ReportSettings:
    """What the Report page keeps in the project."""

    title: str = ""
    language: int = 0
    include_heatmap: bool = True
    include_coverage: bool = True
    include_gaps: bool = True
    include_plan: bool = True
    report: str = ""


class ReportPage(Page):
    """The season summary for the park director and WWF as a PDF; exports for analysts."""

    SETTINGS = ReportSettings

    def __init__(self, dock, parent=None) -> None:
        super().__init__(dock, parent)
        d = self.defaults
        layout = self.box
        rows = form()
        self.titleEdit = tip(QLineEdit(d.title), tr("Title on the first page of the report"))
        rows.addRow(tip(QLabel(tr("Title")), tr("Report title")), self.titleEdit)
        self.languageCombo = tip(narrow_combo(QComboBox()), tr("Language of the report"))
        self.languageCombo.addItem(tr("Russian"), "ru")
        self.languageCombo.addItem(tr("English"), "en")
        self.languageCombo.setCurrentIndex(d.language)
        rows.addRow(tip(QLabel(tr("Language")), tr("Language of the report")), self.languageCombo)
        layout.addLayout(rows)
        box = tip(QGroupBox(tr("Include")), tr("Which maps and tables the report holds"))
        inner = form()
        box.setLayout(inner)
        self.includeHeatmap = tip(QCheckBox(tr("Heatmap of signs")), tr("Page with the signs and the heatmap"))
        self.includeCoverage = tip(QCheckBox(tr("Coverage map")), tr("Page with the survey coverage"))
        self.includeGaps = tip(QCheckBox(tr("Ranked gaps")), tr("Map and table of the top gaps"))
        self.includePlan = tip(QCheckBox(tr("Plan for next season")), tr("Page with the plan, when made"))
        for check in (self.includeHeatmap, self.includeCoverage, self.includeGaps, self.includePlan):
            check.setChecked(True)
            inner.addRow(check)
        layout.addWidget(box)
        rows = form()
        self.reportFile = file_widget(tr("The PDF to write"), tr("PDF (*.pdf)"), save=True)
        rows.addRow(tip(QLabel(tr("Output PDF")), tr("Where the report is saved")), self.reportFile)
        layout.addLayout(rows)
        self.reportButton = tip(QPushButton(tr("Make report")), tr("Build the season report in the background"))
        self.openReportButton = tip(QPushButton(tr("Open")), tr("Open the report PDF"))
        self.openReportButton.setEnabled(False)
        layout.addWidget(button_flow(self.reportButton, self.openReportButton))
        self.exports = ExportsSection(dock)
        layout.addWidget(self.exports)
        layout.addStretch(1)
        self.run_buttons = [self.reportButton] + self.exports.run_buttons
        self.reportButton.clicked.connect(self.run_report)
        self.openReportButton.clicked.connect(self.open_report)

    def bindings(self):
        return {"title": self.titleEdit, "language": self.languageCombo, "include_heatmap": self.includeHeatmap,
                "include_coverage": self.includeCoverage, "include_gaps": self.includeGaps,
                "include_plan": self.includePlan, "report": self.reportFile}

    def season_loaded(self, path: str) -> None:
        if not self.titleEdit.text():
            self.titleEdit.setText(tr("Snow leopard census {name}").format(
                name=os.path.splitext(os.path.basename(path))[0]))
        if not self.reportFile.filePath():
            self.reportFile.setFilePath(os.path.splitext(path)[0] + "_report.pdf")

    def results_reset(self) -> None:
        self.openReportButton.setEnabled(False)

    def outputs_restored(self) -> None:
        self.openReportButton.setEnabled(bool(self.dock.outputs.get("report")))

    def run_report(self) -> None:
        """Start ``snowleopard:report`` with the analyses made so far."""
        dock = self.dock
        if not dock.need_season():
            return
        output = self.reportFile.filePath()
        if not output:
            dock.show_error(tr("Choose where to save the report PDF."))
            return
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
            self.reportFile.setFilePath(output)
        dems = (dock.coverage.coverageDem.filePath(), dock.data.demFile.filePath())
        params = {Report.SEASON: dock.season_path, Report.TITLE: self.titleEdit.text(),
                  Report.LANGUAGE: self.languageCombo.currentData(), Report.OUTPUT: output,
                  Report.DEM: next((dem for dem in dems if dem and os.path.exists(dem)), None)}
        checks = (self.includeHeatmap, self.includeCoverage, self.includeGaps, self.includePlan)
        for (parameter, key), check in zip(INCLUDED, checks):
            path = dock.outputs.get(key)
            if check.isChecked() and path and os.path.exists(path.split("|")[0]):
                params[parameter] = path

        def done(results: dict) -> None:
            dock.outputs["report"] = results.get(Report.OUTPUT) or output
            self.openReportButton.setEnabled(True)
            dock.set_status(tr("Report written: {path}").format(path=dock.outputs["report"]))

        dock.run_job(Report, params, done, tr("Making the season report…"))

    def open_report(self) -> None:
        """Open the report PDF in the system's viewer."""
        path = self.dock.outputs.get("report")
        if path and os.path.exists(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
