"""Exports for analysts: occupancy histories, secr files, Camtrap DP, generalised copies.

Four thin wrappers on the core (:mod:`..core.occupancy`, :mod:`..core.secr_export`,
:mod:`..core.camtrapdp_export`, :mod:`..core.generalise`):
``snowleopard:exportoccupancy``, ``snowleopard:exportsecr``,
``snowleopard:exportcamtrapdp`` and ``snowleopard:generalise``.
"""

from __future__ import annotations

import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.analysis.coverage import MAX_HALF_WIDTH_M
from ..i18n import tr
from .base import CoreFeedback, SnowLeopardAlgorithm, advanced, dem_parameter, metres_parameter

GENERALISE_CELL_M = "GENERALISE_CELL_M"
OUTPUT_FOLDER = "OUTPUT_FOLDER"


def _log(feedback, messages) -> None:
    """Show the core's (template, fields) messages, translated."""
    for template, fields in messages:
        feedback.pushInfo(tr(template).format(**fields))


def _folder(algorithm, parameters, context) -> str:
    folder = algorithm.parameterAsString(parameters, OUTPUT_FOLDER, context)
    if not folder:
        raise QgsProcessingException(tr("Choose an output folder."))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise QgsProcessingException(tr("Cannot create the folder {folder}: {reason}").format(
            folder=folder, reason=error.strerror or str(error))) from error
    return folder


def _all_fields(source):
    return [field.name() for field in source.fields()]


def _table(source):
    """A vector source's attributes as a DataFrame (features with or without geometry)."""
    import pandas as pd

    from ..qgis_io import layer_records

    return pd.DataFrame(layer_records(source), columns=_all_fields(source))


def _generalise_param(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterNumber(
        GENERALISE_CELL_M, tr("Generalise coordinates to cells of (m, 0 = exact coordinates)"),
        QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))


def _csv_rows(path: str) -> int:
    """Data rows of a CSV file written by the export (0 when it is missing)."""
    import csv

    if not os.path.exists(path):
        return 0
    with open(path, encoding="utf-8", newline="") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)


def _source(algorithm, parameters, key, context, what):
    source = algorithm.parameterAsSource(parameters, key, context)
    if source is None:
        raise QgsProcessingException(tr("Choose the {what} layer.").format(what=what))
    return source


class ExportOccupancyAlgorithm(SnowLeopardAlgorithm):
    """Occupancy detection histories (sites × spatial replicates along routes) for unmarked and PRESENCE."""

    NAME = "exportoccupancy"
    GROUP_ID = "exports"

    OBSERVATIONS = "OBSERVATIONS"
    ROUTES = "ROUTES"
    SITES = "SITES"
    GRID_SIZE = "GRID_SIZE"
    SEGMENT_KM = "SEGMENT_KM"
    SEARCH_HALF_WIDTH = "SEARCH_HALF_WIDTH"
    SIGN_TYPES = "SIGN_TYPES"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    DEM = "DEM"
    HABITAT = "HABITAT"
    RIDGES = "RIDGES"
    REPLICATES = "REPLICATES"
    MISSING_CODE = "MISSING_CODE"
    GENERALISE_CELL_M = GENERALISE_CELL_M
    OUTPUT_FOLDER = OUTPUT_FOLDER
    SITES_OUTPUT = "SITES_OUTPUT"
    SITE_COUNT = "SITE_COUNT"
    REPLICATE_COUNT = "REPLICATE_COUNT"
    OCCUPIED_SITES = "OCCUPIED_SITES"

    TAGS = ("occupancy", "detection history", "unmarked", "PRESENCE", "export", "replicates", "sites")

    def tags_translated(self) -> str:
        return tr("occupancy, detection history, export, replicates, sites")

    def displayName(self) -> str:
        return tr("Export occupancy detection histories")

    def group(self) -> str:
        return tr("Exports")

    def shortHelpString(self) -> str:
        return tr(
            "Writes the detection history of a sign survey for occupancy models (R unmarked, PRESENCE): "
            "detection_history.csv (site_id, y.1 … y.K; 1 = a chosen sign within the search half-width of the "
            "replicate, 0 = none, NA where a site has fewer replicates), site_covariates.csv (walked km; mean "
            "elevation and ruggedness (TRI) with a DEM, habitat share with a habitat raster, ridge km with ridge "
            "lines) and replicate_covariates.csv (length_km, surface_km, date, team per replicate, same NA "
            "pattern), plus a sites layer with naive occupancy.\n\n"
            "Sites are the given polygons, or square cells of the grid size. Replicates are consecutive segments "
            "of the segment length along the routes walked inside each site (routes cut at the site boundaries, "
            "taken by date), or survey days. For PRESENCE choose '-' as the missing-value code.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.OBSERVATIONS, tr("Signs (observations)"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ROUTES, tr("Routes"),
                                                              [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SITES, tr("Sites (polygons; empty: grid cells)"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(metres_parameter(self.GRID_SIZE, tr("Grid cell size (when no sites)"),
                                                         5000.0, self.ROUTES, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.SEGMENT_KM, tr("Replicate segment length (km)"),
                                                       QgsProcessingParameterNumber.Double, 1.0, minValue=0.001))
        self.addParameter(advanced(metres_parameter(self.SEARCH_HALF_WIDTH, tr("Search half-width"), 50.0,
                                                    self.ROUTES, minValue=0.0, maxValue=MAX_HALF_WIDTH_M)))
        self.addParameter(QgsProcessingParameterString(
            self.SIGN_TYPES, tr("Sign types (e.g. track, scrape; empty: all)"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.DATE_FROM, tr("From date"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.DATE_TO, tr("To date"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(dem_parameter(self.DEM, tr("DEM (for covariates)"), optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(self.HABITAT, tr("Habitat raster (cells > 0 are "
                                                                             "habitat)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RIDGES, tr("Ridge lines"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.REPLICATES, tr("Replicates"),
                                                     [tr("segments along routes"), tr("survey days")],
                                                     defaultValue=0))
        self.addParameter(advanced(QgsProcessingParameterEnum(
            self.MISSING_CODE, tr("Missing-value code"),
            [tr("NA (R unmarked)"), tr("- (PRESENCE)"), tr(". (PRESENCE)")], defaultValue=0)))
        _generalise_param(self)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.SITES_OUTPUT, tr("Occupancy sites"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.add_number_outputs(((self.SITE_COUNT, tr("Number of sites")),
                                 (self.REPLICATE_COUNT, tr("Number of replicates")),
                                 (self.OCCUPIED_SITES, tr("Sites with a detection (naive occupancy)"))))

    def _date(self, parameters, key, context):
        value = self.parameterAsDateTime(parameters, key, context)
        if value is None or not value.isValid() or parameters.get(key) in (None, ""):
            return None
        return value.date().toPyDate()

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.analysis import heatmaps
        from ..core.exports import occupancy
        from ..qgis_io import (
            analysis_crs,
            geodataframe_fields,
            raster_layer_path,
            source_to_geodataframe,
            style_occupancy_output,
            write_geodataframe,
        )

        routes_src = _source(self, parameters, self.ROUTES, context, tr("routes"))
        signs_src = _source(self, parameters, self.OBSERVATIONS, context, tr("signs"))
        crs = analysis_crs([routes_src, signs_src], context, feedback)
        to_routes = (crs, context.transformContext())
        routes = source_to_geodataframe(routes_src, ("route_id", "team", "date"), feedback, destination=to_routes)
        signs = source_to_geodataframe(signs_src, ("obs_type", "datetime"), feedback, destination=to_routes)
        sites_src = self.parameterAsSource(parameters, self.SITES, context)
        sites = None
        if sites_src is not None:
            sites = source_to_geodataframe(sites_src, _all_fields(sites_src), feedback, destination=to_routes)
        ridges_src = self.parameterAsSource(parameters, self.RIDGES, context)
        ridges = None if ridges_src is None else source_to_geodataframe(ridges_src, (), feedback,
                                                                         destination=to_routes)
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        dem = raster_layer_path(dem_layer, dem_layer.name()) if dem_layer is not None else None
        hab_layer = self.parameterAsRasterLayer(parameters, self.HABITAT, context)
        habitat = raster_layer_path(hab_layer, hab_layer.name()) if hab_layer is not None else None
        sign_types = self.run_core(heatmaps.parse_sign_types,
                                   self.parameterAsString(parameters, self.SIGN_TYPES, context))
        replicate = occupancy.REPLICATE_KINDS[self.parameterAsEnum(parameters, self.REPLICATES, context)]
        missing = occupancy.MISSING_CODES[self.parameterAsEnum(parameters, self.MISSING_CODE, context)]
        result = self.run_core(
            occupancy.occupancy_histories, routes, signs, sites=sites,
            grid_size=self.parameterAsDouble(parameters, self.GRID_SIZE, context),
            segment_km=self.parameterAsDouble(parameters, self.SEGMENT_KM, context),
            half_width=self.parameterAsDouble(parameters, self.SEARCH_HALF_WIDTH, context),
            sign_types=sign_types, date_from=self._date(parameters, self.DATE_FROM, context),
            date_to=self._date(parameters, self.DATE_TO, context), dem=dem, habitat=habitat, ridges=ridges,
            replicate=replicate, feedback=CoreFeedback(feedback))
        _log(feedback, result.messages)
        folder = _folder(self, parameters, context)
        self.run_core(occupancy.write_occupancy, folder, result, missing)
        sites_out = result.sites
        cell = self.parameterAsDouble(parameters, self.GENERALISE_CELL_M, context)
        if cell > 0:
            sites_out = self.run_core(occupancy.generalise_sites, sites_out, cell)
            feedback.pushInfo(tr("The sites layer is generalised to {cell:g} m cells.").format(cell=cell))
        fields = geodataframe_fields(sites_out)
        sink, dest = self.parameterAsSink(parameters, self.SITES_OUTPUT, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.SITES_OUTPUT))
        write_geodataframe(sites_out, sink, fields, feedback)
        del sink
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(_OccupancyStyler.create())
        else:
            style_occupancy_output(dest, context)
        sites = result.sites
        occupied = int(sites["naive_occupied"].sum()) if len(sites) and "naive_occupied" in sites.columns else 0
        return {self.OUTPUT_FOLDER: folder, self.SITES_OUTPUT: dest, self.SITE_COUNT: int(len(sites)),
                self.REPLICATE_COUNT: int(len(result.replicates)), self.OCCUPIED_SITES: occupied}


try:
    from qgis.core import QgsProcessingLayerPostProcessorInterface

    class _OccupancyStyler(QgsProcessingLayerPostProcessorInterface):
        """Styles the sites layer when Processing loads it (kept alive by a class attribute)."""

        instance = None

        def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - Qt's name
            from ..qgis_io import style_occupancy_layer

            style_occupancy_layer(layer)

        @staticmethod
        def create():
            _OccupancyStyler.instance = _OccupancyStyler()
            return _OccupancyStyler.instance
except ImportError:  # pragma: no cover - every supported QGIS has it
    _OccupancyStyler = None


class ExportSecrAlgorithm(SnowLeopardAlgorithm):
    """secr traps and capture files (read.capthist) from the season's cameras and identified detections."""

    NAME = "exportsecr"
    GROUP_ID = "exports"

    CAMERAS = "CAMERAS"
    DETECTIONS = "DETECTIONS"
    OCCASION_DAYS = "OCCASION_DAYS"
    DETECTOR = "DETECTOR"
    SPECIES = "SPECIES"
    GENERALISE_CELL_M = GENERALISE_CELL_M
    OUTPUT_FOLDER = OUTPUT_FOLDER
    TRAP_COUNT = "TRAP_COUNT"
    CAPTURE_COUNT = "CAPTURE_COUNT"
    OCCASION_COUNT = "OCCASION_COUNT"

    TAGS = ("secr", "capture-recapture", "capthist", "traps", "camera trap", "export", "individuals")

    def tags_translated(self) -> str:
        return tr("spatial capture-recapture, capture history, traps, camera traps, export, individuals")

    def displayName(self) -> str:
        return tr("Export secr capture histories")

    def group(self) -> str:
        return tr("Exports")

    def shortHelpString(self) -> str:
        return tr(
            "Writes traps.txt (ID X Y usage / station covariates) and capthist.txt (Session ID Occasion Detector "
            "Sex) as secr::read.capthist(\"capthist.txt\", \"traps.txt\", detector = ..., fmt = \"trapID\", "
            "covnames = \"Sex\") reads them; the exact R call is in the first line of traps.txt.\n\n"
            "Occasions of the chosen number of days count from the day the first camera was set up; the usage "
            "string has a 1 for each occasion a camera was running. Detections that already carry secr occasions "
            "keep them. Detections without an individual ID are left out (the log says how many). Cameras without "
            "deployment dates get their total trap-nights as usage (read with binary.usage = FALSE).")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.CAMERAS, tr("Camera stations"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.DETECTIONS, tr("Detections"),
                                                              [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterNumber(self.OCCASION_DAYS, tr("Occasion length (days)"),
                                                       QgsProcessingParameterNumber.Double, 7.0, minValue=0.01))
        self.addParameter(advanced(QgsProcessingParameterEnum(self.DETECTOR, tr("Detector type"),
                                                              ["proximity", "count", "multi"], defaultValue=0)))
        self.addParameter(QgsProcessingParameterString(self.SPECIES, tr("Species (empty: all identified "
                                                                        "detections)"), optional=True))
        _generalise_param(self)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.add_number_outputs(((self.TRAP_COUNT, tr("Traps written")),
                                 (self.CAPTURE_COUNT, tr("Captures written")),
                                 (self.OCCASION_COUNT, tr("Occasions"))))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.exports import secr as secr_export
        from ..qgis_io import analysis_crs, source_to_geodataframe, to_crs

        cams_src = _source(self, parameters, self.CAMERAS, context, tr("cameras"))
        dets_src = _source(self, parameters, self.DETECTIONS, context, tr("detections"))
        crs = analysis_crs([cams_src], context, feedback)
        cameras = source_to_geodataframe(cams_src, _all_fields(cams_src), feedback, destination=to_crs(crs, context))
        detections = _table(dets_src)
        detector = secr_export.DETECTORS[self.parameterAsEnum(parameters, self.DETECTOR, context)]
        export = self.run_core(
            secr_export.secr_tables, cameras, detections,
            self.parameterAsDouble(parameters, self.OCCASION_DAYS, context), detector,
            self.parameterAsDouble(parameters, self.GENERALISE_CELL_M, context),
            self.parameterAsString(parameters, self.SPECIES, context) or None, feedback=CoreFeedback(feedback))
        for template, fields in export.messages:
            text = tr(template).format(**fields)
            if "left out" in template or "no deployment dates" in template or "spread evenly" in template:
                feedback.pushWarning(text)
            else:
                feedback.pushInfo(text)
        folder = _folder(self, parameters, context)
        self.run_core(secr_export.write_secr, folder, export)
        return {self.OUTPUT_FOLDER: folder, self.TRAP_COUNT: int(export.n_stations),
                self.CAPTURE_COUNT: int(export.n_captures), self.OCCASION_COUNT: int(export.n_occasions)}


class ExportCamtrapDpAlgorithm(SnowLeopardAlgorithm):
    """A Camtrap DP 1.0 package of the season's cameras and detections."""

    NAME = "exportcamtrapdp"
    GROUP_ID = "exports"

    CAMERAS = "CAMERAS"
    DETECTIONS = "DETECTIONS"
    TITLE = "TITLE"
    GENERALISE_CELL_M = GENERALISE_CELL_M
    OUTPUT_FOLDER = OUTPUT_FOLDER
    DEPLOYMENT_COUNT = "DEPLOYMENT_COUNT"
    OBSERVATION_COUNT = "OBSERVATION_COUNT"

    TAGS = ("Camtrap DP", "camera trap", "export", "GBIF", "Wildlife Insights", "camtrapR")

    def tags_translated(self) -> str:
        return tr("camera traps, export, data package")

    def displayName(self) -> str:
        return tr("Export Camtrap DP package")

    def group(self) -> str:
        return tr("Exports")

    def shortHelpString(self) -> str:
        return tr(
            "Writes a Camtrap DP 1.0 package (datapackage.json, deployments.csv, media.csv, observations.csv), "
            "the exchange standard that camtrapR, Wildlife Insights, Agouti and GBIF read: one deployment per "
            "camera (coordinates in WGS 84), one event-level observation per detection. Cameras need deployment "
            "start and end dates; the season keeps no photos, so media.csv is empty. With a generalisation cell "
            "size, deployments are moved to cell centres and the package says so.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.CAMERAS, tr("Camera stations"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.DETECTIONS, tr("Detections"),
                                                              [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), tr("Snow leopard census")))
        _generalise_param(self)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.add_number_outputs(((self.DEPLOYMENT_COUNT, tr("Deployments written")),
                                 (self.OBSERVATION_COUNT, tr("Observations written"))))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.exports import camtrapdp as camtrapdp_export
        from ..qgis_io import analysis_crs, source_to_geodataframe, to_crs

        cams_src = _source(self, parameters, self.CAMERAS, context, tr("cameras"))
        dets_src = _source(self, parameters, self.DETECTIONS, context, tr("detections"))
        crs = analysis_crs([cams_src], context, feedback)  # generalisation cells in true metres
        cameras = source_to_geodataframe(cams_src, _all_fields(cams_src), feedback, destination=to_crs(crs, context))
        detections = _table(dets_src)
        folder = _folder(self, parameters, context)
        messages = self.run_core(camtrapdp_export.export_camtrapdp, cameras, detections, folder,
                                 self.parameterAsString(parameters, self.TITLE, context),
                                 self.parameterAsDouble(parameters, self.GENERALISE_CELL_M, context),
                                 feedback=CoreFeedback(feedback))
        _log(feedback, messages)
        return {self.OUTPUT_FOLDER: folder,
                self.DEPLOYMENT_COUNT: _csv_rows(os.path.join(folder, "deployments.csv")),
                self.OBSERVATION_COUNT: _csv_rows(os.path.join(folder, "observations.csv"))}


class GeneraliseAlgorithm(SnowLeopardAlgorithm):
    """Points moved to grid-cell centres, for sharing outside the office."""

    NAME = "generalise"
    GROUP_ID = "exports"

    INPUT = "INPUT"
    CELL_SIZE = "CELL_SIZE"
    OUTPUT = "OUTPUT"
    POINT_COUNT = "POINT_COUNT"

    TAGS = ("generalise", "generalize", "sharing", "privacy", "grid", "anonymise")

    def tags_translated(self) -> str:
        return tr("generalise, sharing, privacy, grid")

    def displayName(self) -> str:
        return tr("Generalise points for sharing")

    def group(self) -> str:
        return tr("Exports")

    def shortHelpString(self) -> str:
        return tr(
            "Moves every point to the centre of its cell in a square grid of the chosen size (anchored at the "
            "CRS origin), so shared copies never carry exact snow leopard locations. One output point per input "
            "point (so counts per cell are kept), with all attributes except coordinate columns (x, y, lon, lat "
            "…) and a generalised_m field holding the cell size. Elevations (Z) are dropped. The layer must be in "
            "a metric CRS.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Points"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(metres_parameter(self.CELL_SIZE, tr("Cell size"), 10000.0, self.INPUT,
                                                         minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Generalised points"),
                                                            QgsProcessing.TypeVectorPoint))
        self.add_number_outputs(((self.POINT_COUNT, tr("Points written")),))

    def processAlgorithm(self, parameters, context, feedback):
        from qgis.core import QgsFeatureRequest

        from ..core.exports import generalise
        from ..qgis_io import analysis_crs, new_field

        source = _source(self, parameters, self.INPUT, context, tr("points"))
        crs = analysis_crs([source], context, feedback)
        request = QgsFeatureRequest()
        if crs != source.sourceCrs():
            request.setDestinationCrs(crs, context.transformContext())
        cell = self.run_core(generalise.check_cell_size, self.parameterAsDouble(parameters, self.CELL_SIZE, context))
        names = _all_fields(source)
        dropped = set(generalise.coordinate_fields(names))
        keep = [i for i, name in enumerate(names) if name not in dropped and name != generalise.GENERALISED_FIELD
                and name.lower() != "fid"]  # the parts of a multipoint cannot share the source's fid
        fields = QgsFields()
        for i in keep:
            fields.append(source.fields().at(i))
        fields.append(new_field(generalise.GENERALISED_FIELD, "float"))
        if dropped:
            feedback.pushInfo(tr("Coordinate columns left out: {names}").format(names=", ".join(sorted(dropped))))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = source.featureCount() or 1
        written = 0
        for n, feature in enumerate(source.getFeatures(request)):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled by the user."))  # no partial layer as a result
            attributes = feature.attributes()
            values = [attributes[i] for i in keep] + [cell]
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                out = QgsFeature(fields)
                out.setAttributes(values)
                sink.addFeature(out, QgsFeatureSink.FastInsert)
                continue
            points = geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
            gx, gy = generalise.cell_centres([p.x() for p in points], [p.y() for p in points], cell)
            for x, y in zip(gx, gy):
                out = QgsFeature(fields)
                out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
                out.setAttributes(values)
                sink.addFeature(out, QgsFeatureSink.FastInsert)
                written += 1
            feedback.setProgress(100.0 * (n + 1) / total)
        feedback.pushInfo(tr("{count} points generalised to {cell:g} m cells.").format(count=written, cell=cell))
        return {self.OUTPUT: dest, self.POINT_COUNT: written}
