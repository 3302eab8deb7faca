"""``snowleopard:report``: the season report, a six-page A4 print layout exported to PDF."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..core.exceptions import SnowLeopardError
from ..i18n import tr, tr_error, user_locale
from .base import CoreFeedback, SnowLeopardAlgorithm

LANGUAGES = ("ru", "en")


class ReportAlgorithm(SnowLeopardAlgorithm):
    """Season report: maps, charts and tables of a season GeoPackage and the analyses' outputs, as a PDF."""

    NAME = "report"
    GROUP_ID = "report"

    SEASON = "SEASON"
    HEATMAP = "HEATMAP"
    COVERAGE = "COVERAGE"
    GAPS = "GAPS"
    PLAN = "PLAN"
    DEM = "DEM"
    BOUNDARY = "BOUNDARY"
    TITLE = "TITLE"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"

    TAGS = ("report", "PDF", "print layout", "season", "summary", "WWF")

    def tags_translated(self) -> str:
        return tr("report, PDF, print layout, season, summary")

    def displayName(self) -> str:
        return tr("Season report")

    def group(self) -> str:
        return tr("Report")

    def flags(self):
        # print layouts and their export must run on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self) -> str:
        return tr(
            "A six-page A4 report of the season as a PDF: 1 title, dates, teams and an overview map; 2 signs, the "
            "effort-corrected heatmap and signs per km by survey week; 3 camera stations (trap-nights, detections, "
            "individuals, detections per 100 trap-nights); 4 coverage and the ranked gaps; 5 the plan for next "
            "season; 6 totals per team and the import validation.\n\n"
            "The heatmap, coverage, gaps, plan, DEM (hillshade) and park boundary are optional: a page whose input "
            "is missing says so. The language (ru or en) is the report's, whatever language QGIS runs in. The "
            "print layout is also added to the project (Project ▸ Layouts) so it can be edited and exported "
            "again; the charts are saved in a folder beside the PDF.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(self.SEASON, tr("Season GeoPackage"),
                                                     fileFilter=tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.HEATMAP, tr("Heatmap (effort-corrected)"),
                                                            optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(self.COVERAGE, tr("Survey coverage (raster or grid)"),
                                                         optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.GAPS, tr("Coverage gaps"),
                                                            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.PLAN, tr("Plan for next season"),
                                                            [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr("DEM (hillshade under the maps)"),
                                                            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(self.BOUNDARY, tr("Park boundary"),
                                                            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.LANGUAGE, tr("Report language (ru or en)"),
                                                       defaultValue="ru" if user_locale() == "ru" else "en"))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Report PDF"), tr("PDF (*.pdf)")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.fileio import atomic_output
        from ..core.reporting import charts
        from ..core.reporting.data import report_data, table_rows, top_gaps
        from ..qgis_io import layer_records
        from ..report import (
            LayerSource,
            ReportInputs,
            build_layout,
            chart_texts,
            default_title,
            export_pdf,
            month_names,
            report_language,
            sign_labels,
            team_name,
        )

        season = self.parameterAsFile(parameters, self.SEASON, context)
        language = (self.parameterAsString(parameters, self.LANGUAGE, context) or "en").strip().lower()
        if language not in LANGUAGES:
            raise QgsProcessingException(tr("The report language must be ru or en (got {value}).").format(
                value=language))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output:
            raise QgsProcessingException(tr("Choose where to save the report PDF."))
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
        core_feedback = CoreFeedback(feedback)
        data = self.run_core(report_data, season)
        feedback.setProgress(10)
        heatmap = self.parameterAsRasterLayer(parameters, self.HEATMAP, context)
        coverage = self.parameterAsLayer(parameters, self.COVERAGE, context)
        gaps = self.parameterAsVectorLayer(parameters, self.GAPS, context)
        plan = self.parameterAsVectorLayer(parameters, self.PLAN, context)
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        boundary = self.parameterAsVectorLayer(parameters, self.BOUNDARY, context)
        if dem is not None and data.epsg and dem.crs().isValid() and dem.crs().authid() != f"EPSG:{data.epsg}":
            feedback.pushWarning(tr("The DEM is in {dem}, the season in EPSG:{season}: the hillshade is drawn "
                                    "reprojected.").format(dem=dem.crs().authid(), season=data.epsg))
        gap_rows = self.run_core(top_gaps, layer_records(gaps)) if gaps is not None else []
        plan_table = table_rows(layer_records(plan, 200)) if plan is not None else ([], [])
        title = self.parameterAsString(parameters, self.TITLE, context).strip()

        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise QgsProcessingException(tr("The folder {folder} does not exist: choose another place for the "
                                            "report PDF.").format(folder=folder))
        if not os.access(folder, os.W_OK):
            raise QgsProcessingException(tr("Cannot write to the folder {folder}: choose another place for the "
                                            "report PDF.").format(folder=folder))
        chart_dir = os.path.splitext(output)[0] + "_files"
        try:
            os.makedirs(chart_dir, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(tr("Cannot write the report's charts to {folder}: {reason}").format(
                folder=chart_dir, reason=error.strerror or str(error))) from error

        with report_language(language):
            labels = sign_labels()
            texts = chart_texts()
            paths = {}
            if data.weeks:
                paths["weekly"] = charts.signs_per_km_chart(
                    data.weeks, data.sign_types, labels, os.path.join(chart_dir, "signs_per_km.png"),
                    texts["weekly_title"], texts["weekly_x"], texts["per_km"],
                    width_mm=127.0, height_mm=80.0)
            if data.stations:
                paths["stations"] = charts.detections_chart(
                    data.stations, os.path.join(chart_dir, "detections.png"),
                    texts["stations_title"], "", texts["detections"],
                    texts["rate"], width_mm=140.0, height_mm=72.0)
            if data.km_by_team_month:
                teams = sorted({row["team"] for row in data.km_by_team_month})
                paths["km"] = charts.km_by_team_month_chart(
                    [dict(row, team=team_name(row["team"])) for row in data.km_by_team_month],
                    [team_name(t) for t in teams], os.path.join(chart_dir, "km_by_team.png"),
                    texts["km_title"], texts["km"], month_names=month_names(), width_mm=92.0,
                    height_mm=55.0)
            feedback.setProgress(30)
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled by the user."))
            self._inputs = ReportInputs(
                season=season, data=data, charts=paths, title=title or default_title(data),
                heatmap=LayerSource.of(heatmap), coverage=LayerSource.of(coverage), gaps=LayerSource.of(gaps),
                plan=LayerSource.of(plan), dem=LayerSource.of(dem), boundary=LayerSource.of(boundary),
                gap_rows=gap_rows, plan_table=plan_table, files=chart_dir)
            self._language = language
            self._name = self._inputs.title
            project = QgsProject()
            layout = build_layout(project, self._inputs, self._name)
            feedback.setProgress(50)
            try:
                with atomic_output(output) as tmp:
                    ok, error = export_pdf(layout, tmp)
                    if not ok:
                        raise QgsProcessingException(tr("Cannot write the report PDF {path}: {reason}").format(
                            path=output, reason=error))
                    if feedback.isCanceled():
                        raise QgsProcessingException(tr("Cancelled by the user."))
            except SnowLeopardError as error:
                raise QgsProcessingException(tr_error(error)) from error
            del layout
            project.clear()
        feedback.setProgress(100)
        core_feedback.info(tr("Report written: {path}").format(path=output))
        self._output = output
        return {self.OUTPUT: output}

    def postProcessAlgorithm(self, context, feedback):
        from ..report import add_layout_to_project, build_layout, report_group_name, report_language

        project = context.project()
        inputs = getattr(self, "_inputs", None)
        if project is None or inputs is None:
            return {}
        with report_language(self._language):
            root = project.layerTreeRoot()
            name = report_group_name(self._name)
            old = root.findGroup(name)
            if old is not None:
                for layer_id in old.findLayerIds():
                    project.removeMapLayer(layer_id)
                root.removeChildNode(old)
            group = root.addGroup(name)
            group.setItemVisibilityChecked(False)
            group.setExpanded(False)
            layout = build_layout(project, inputs, self._name, group=group)
        add_layout_to_project(project, layout)
        feedback.pushInfo(tr("The print layout {name} was added to the project.").format(name=self._name))
        return {self.OUTPUT: self._output}

