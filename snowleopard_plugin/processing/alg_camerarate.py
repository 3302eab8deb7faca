"""``snowleopard:camerarate``: detections per 100 trap-nights, per station and as a smoothed map."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..i18n import tr
from .alg_heatmap import kernel_options
from .base import CoreFeedback, SnowLeopardAlgorithm, advanced, extent_parameter, metres_parameter, pixel_size_parameter


class CameraRateAlgorithm(SnowLeopardAlgorithm):
    """Camera-trap detection rates: a station table and a smoothed map (one band per individual on request)."""

    NAME = "camerarate"
    GROUP_ID = "heatmaps"

    CAMERAS = "CAMERAS"
    DETECTIONS = "DETECTIONS"
    SPECIES = "SPECIES"
    RADIUS = "RADIUS"
    PIXEL_SIZE = "PIXEL_SIZE"
    KERNEL = "KERNEL"
    PER_INDIVIDUAL = "PER_INDIVIDUAL"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"
    OUTPUT_STATIONS = "OUTPUT_STATIONS"
    STATION_COUNT = "STATION_COUNT"
    TRAP_NIGHTS_TOTAL = "TRAP_NIGHTS_TOTAL"
    DETECTION_COUNT = "DETECTION_COUNT"
    RATE_PER_100 = "RATE_PER_100"

    TAGS = ("camera trap", "detection rate", "trap-nights", "RAI", "heatmap", "individuals")

    def tags_translated(self) -> str:
        return tr("camera traps, detection rate, trap-nights, heatmap, individuals")

    def displayName(self) -> str:
        return tr("Camera detection rate")

    def group(self) -> str:
        return tr("Heatmaps")

    def shortHelpString(self) -> str:
        return tr(
            "Detections per 100 trap-nights at each camera station (detections ÷ trap-nights × 100), and a smoothed "
            "map of it: the kernel-weighted sum of detections divided by the kernel-weighted sum of trap-nights "
            "of the stations within the radius, × 100; empty where no station reaches.\n\n"
            "Cameras need station_id and trap_nights fields (the season's cameras layer); detections need "
            "station_id (and individual_id, species when present). Give a species (e.g. Panthera uncia) to count "
            "only its detections. With one map per individual, the GeoTIFF has one band per identified animal.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.CAMERAS, tr("Camera stations"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.DETECTIONS, tr("Detections"),
                                                              [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.SPECIES, tr("Species (empty: all detections)"),
                                                       optional=True))
        self.addParameter(metres_parameter(self.RADIUS, tr("Radius"), 3000.0, self.CAMERAS,
                                                         minValue=0.0))
        self.addParameter(pixel_size_parameter(self.PIXEL_SIZE, tr("Pixel size"), 100.0))
        self.addParameter(advanced(QgsProcessingParameterEnum(self.KERNEL, tr("Kernel shape"), kernel_options(),
                                                              defaultValue=0)))
        self.addParameter(QgsProcessingParameterBoolean(self.PER_INDIVIDUAL, tr("One map per individual"), False))
        self.addParameter(extent_parameter(self.EXTENT))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Detection rate map")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_STATIONS, tr("Detection rate per station"),
                                                            QgsProcessing.TypeVectorPoint))
        self.add_number_outputs(((self.STATION_COUNT, tr("Number of stations")),
                                 (self.TRAP_NIGHTS_TOTAL, tr("Trap-nights")),
                                 (self.DETECTION_COUNT, tr("Detections counted")),
                                 (self.RATE_PER_100, tr("Detections per 100 trap-nights (all stations)"))))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.analysis import density, heatmaps
        from ..core.raster import write_geotiffs
        from ..qgis_io import analysis_crs, crs_text, features_to_arrays, new_field, to_crs

        cameras = self.parameterAsSource(parameters, self.CAMERAS, context)
        detections = self.parameterAsSource(parameters, self.DETECTIONS, context)
        if cameras is None or detections is None:
            raise QgsProcessingException(tr("Choose the camera stations and the detections."))
        crs = analysis_crs([cameras], context, feedback)
        for layer, field in ((cameras, "station_id"), (cameras, "trap_nights"), (detections, "station_id")):
            if layer.fields().indexOf(field) < 0:
                raise QgsProcessingException(tr("The layer {layer} has no {field} field: use the season GeoPackage's "
                                                "cameras and detections.").format(layer=layer.sourceName(),
                                                                                 field=field))
        x, y, cam = features_to_arrays(cameras, ("station_id", "trap_nights"), feedback, to_crs(crs, context))
        det = {name: [] for name in ("station_id", "individual_id", "species")}
        indices = {name: detections.fields().indexOf(name) for name in det}
        for feature in detections.getFeatures():
            for name, index in indices.items():
                value = feature.attributes()[index] if index >= 0 else None
                det[name].append(None if value is None or str(value) == "NULL" else str(value))
        species = self.parameterAsString(parameters, self.SPECIES, context)
        rates = self.run_core(heatmaps.station_rates, cam["station_id"], x, y, cam["trap_nights"],
                              det["station_id"], det["individual_id"], det["species"], species)
        if rates.unknown_station:
            feedback.pushWarning(tr("{count} detections name a station that is not among the cameras; they were "
                                    "left out.").format(count=rates.unknown_station))
        feedback.pushInfo(tr("Stations: {stations}, trap-nights: {nights:.0f}, detections: {detections:.0f}").format(
            stations=len(rates.station_id), nights=float(rates.trap_nights.sum()),
            detections=float(rates.detections.sum())))

        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        kernel = self.parameterAsEnum(parameters, self.KERNEL, context)
        extent = self.extent_box(parameters, context, crs, self.EXTENT)
        grid = self.run_core(heatmaps.heatmap_grid, rates.x, rates.y, radius, pixel, crs_text(crs), extent)
        per_individual = self.parameterAsBool(parameters, self.PER_INDIVIDUAL, context)
        if per_individual and not rates.individual_ids:
            raise QgsProcessingException(tr("No detection has an individual_id: clear 'One map per individual'."))
        counts = rates.per_individual if per_individual else rates.detections
        idle = rates.trap_nights <= 0
        if (rates.detections[idle] > 0).any():
            feedback.pushWarning(tr("{count} detections at {stations} stations without trap-nights are left out of "
                                    "the map (no effort to divide them by): give those stations their deployment "
                                    "dates or trap_nights.").format(count=int(rates.detections[idle].sum()),
                                                                   stations=int((rates.detections[idle] > 0).sum())))
        maps = self.run_core(density.camera_rate_map, rates.x, rates.y, rates.trap_nights, counts, grid, radius,
                             kernel, 0.0, CoreFeedback(feedback))
        bands = list(maps) if per_individual else [maps]
        names = rates.individual_ids if per_individual else [tr("all detections")]
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        self.run_core(write_geotiffs, output, bands, grid, nodata=-9999.0, descriptions=names)
        self.style_raster(output, "heatmap", tr("per 100 trap-nights"))

        fields = QgsFields()
        for name, kind in (("station_id", "str"), ("trap_nights", "float"), ("detections", "int"),
                           ("individuals", "int"), ("rate_per_100", "float")):
            fields.append(new_field(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT_STATIONS, context, fields, QgsWkbTypes.Point, crs)
        for i, sid in enumerate(rates.station_id):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(rates.x[i], rates.y[i])))
            rate = rates.rate[i]
            feature.setAttributes([sid, float(rates.trap_nights[i]), int(rates.detections[i]),
                                   int(rates.individuals[i]), None if np.isnan(rate) else float(rate)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        nights = float(rates.trap_nights.sum())
        detected = float(rates.detections.sum())
        return {self.OUTPUT: output, self.OUTPUT_STATIONS: sink_id, self.STATION_COUNT: int(len(rates.station_id)),
                self.TRAP_NIGHTS_TOTAL: nights, self.DETECTION_COUNT: detected,
                self.RATE_PER_100: (100.0 * float(rates.detections[rates.trap_nights > 0].sum()) / nights
                                    if nights > 0 else 0.0)}
