"""``snowleopard:heatmap``: habitat-use heatmap of signs, optionally per km of route searched."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .base import SnowLeopardAlgorithm, advanced, extent_parameter, metres_parameter, pixel_size_parameter


def kernel_options():
    """Kernel names in QGIS's heatmap order (0 quartic … 4 Epanechnikov)."""
    return [tr("Quartic (biweight)"), tr("Triangular"), tr("Uniform"), tr("Triweight"), tr("Epanechnikov")]


class HeatmapAlgorithm(SnowLeopardAlgorithm):
    """Kernel density of signs (signs per km²) or effort-corrected (signs per km of route)."""

    NAME = "heatmap"
    GROUP_ID = "heatmaps"

    INPUT = "INPUT"
    RADIUS = "RADIUS"
    RADIUS_FIELD = "RADIUS_FIELD"
    PIXEL_SIZE = "PIXEL_SIZE"
    KERNEL = "KERNEL"
    DECAY = "DECAY"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    SIGN_TYPES = "SIGN_TYPES"
    TYPE_WEIGHTS = "TYPE_WEIGHTS"
    DATE_FROM = "DATE_FROM"
    DATE_TO = "DATE_TO"
    EFFORT = "EFFORT"
    MIN_EFFORT_KM = "MIN_EFFORT_KM"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"
    SIGNS_MAPPED = "SIGNS_MAPPED"
    MAX_VALUE = "MAX_VALUE"

    TAGS = ("heatmap", "kernel density", "KDE", "signs", "tracks", "scrapes", "effort", "SLIMS")

    def tags_translated(self) -> str:
        return tr("heatmap, kernel density, signs, tracks, scrapes, survey effort")

    def displayName(self) -> str:
        return tr("Habitat-use heatmap")

    def group(self) -> str:
        return tr("Heatmaps")

    def shortHelpString(self) -> str:
        return tr(
            "Kernel density of the chosen signs, in signs per km², with the kernels of QGIS's heatmap but correctly "
            "normalised: the map integrates to the total weight of the signs.\n\n"
            "Choose sign types by code (track, scrape, scat, scent_mark, mating_call, sighting, prey_remains, other) "
            "or by name, a date window, and weights per type (track=1, scrape=2).\n\n"
            "With an effort layer (the routes walked) the map becomes signs per km of route searched near each "
            "place: the density of signs divided by the density of route length with the same kernel, left empty "
            "where less than the minimum km of route lies within the radius.\n\n"
            "The GeoTIFF is saved with its style (colour ramp, zero transparent) beside it.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Signs (observations)"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(metres_parameter(self.RADIUS, tr("Radius"), 2000.0, self.INPUT,
                                                         minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterField(self.RADIUS_FIELD, tr("Radius from field (m)"), None,
                                                               self.INPUT, QgsProcessingParameterField.Numeric,
                                                               optional=True)))
        self.addParameter(pixel_size_parameter(self.PIXEL_SIZE, tr("Pixel size"), 100.0))
        self.addParameter(advanced(QgsProcessingParameterEnum(self.KERNEL, tr("Kernel shape"), kernel_options(),
                                                              defaultValue=0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.DECAY, tr("Decay ratio (triangular kernel "
                                                                               "only)"),
                                                                QgsProcessingParameterNumber.Double, 0.0,
                                                                minValue=0.0)))
        self.addParameter(advanced(QgsProcessingParameterField(self.WEIGHT_FIELD, tr("Weight from field"), None,
                                                               self.INPUT, QgsProcessingParameterField.Numeric,
                                                               optional=True)))
        self.addParameter(QgsProcessingParameterString(self.SIGN_TYPES, tr("Sign types (empty: all)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.TYPE_WEIGHTS, tr("Weights per sign type "
                                                                             "(e.g. track=1, scrape=2)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.DATE_FROM, tr("From date"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(self.DATE_TO, tr("To date"),
                                                         QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EFFORT, tr("Effort: routes walked (signs per km)"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.MIN_EFFORT_KM,
                                                                tr("Minimum route km within the radius"),
                                                                QgsProcessingParameterNumber.Double, 1.0,
                                                                minValue=0.0)))
        self.addParameter(extent_parameter(self.EXTENT))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Heatmap")))
        self.add_number_outputs(((self.SIGNS_MAPPED, tr("Signs mapped")),
                                 (self.MAX_VALUE, tr("Heatmap maximum"))))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.analysis import heatmaps
        from ..core.raster import write_geotiff
        from ..qgis_io import (
            analysis_crs,
            crs_text,
            features_to_arrays,
            lines_to_arrays,
            to_crs,
        )
        from .base import CoreFeedback

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("Choose a layer of signs."))
        effort = self.parameterAsSource(parameters, self.EFFORT, context)
        crs = analysis_crs([source, effort], context, feedback)
        to = to_crs(crs, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        kernel = self.parameterAsEnum(parameters, self.KERNEL, context)
        decay = self.parameterAsDouble(parameters, self.DECAY, context)
        radius_field = self.parameterAsString(parameters, self.RADIUS_FIELD, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        sign_types = self.run_core(heatmaps.parse_sign_types, self.parameterAsString(parameters, self.SIGN_TYPES,
                                                                                     context))
        type_weights = self.run_core(heatmaps.parse_type_weights,
                                     self.parameterAsString(parameters, self.TYPE_WEIGHTS, context))
        date_from = self._date(parameters, self.DATE_FROM, context)
        date_to = self._date(parameters, self.DATE_TO, context)

        fields = [name for name in ("obs_type", "datetime", radius_field, weight_field) if name]
        x, y, values = features_to_arrays(source, fields, feedback, to)
        if x.size == 0:
            raise QgsProcessingException(tr("The layer {layer} has no sign to map.").format(layer=source.sourceName()))
        if sign_types and source.fields().indexOf("obs_type") < 0:
            raise QgsProcessingException(tr("The layer has no obs_type field: choose the season's observations or "
                                            "leave the sign types empty."))
        if (date_from or date_to) and source.fields().indexOf("datetime") < 0:
            raise QgsProcessingException(tr("The layer has no datetime field: choose the season's observations or "
                                            "leave the dates empty."))
        types = values.get("obs_type") or [None] * x.size
        dates = values.get("datetime") or [None] * x.size
        selection = self.run_core(heatmaps.select_signs, types, dates, sign_types, date_from, date_to, type_weights,
                                  values.get(weight_field) if weight_field else None)
        for reason, count in selection.counts.items():
            if count:
                feedback.pushInfo(tr("Left out ({reason}): {count}").format(reason=reason, count=count))
        feedback.pushInfo(tr("Signs mapped: {count}").format(count=int(selection.kept.sum())))
        radii = None
        if radius_field:
            radii = np.array([np.nan if v is None else float(v) for v in values[radius_field]])[selection.kept]
        effort_lines = None
        if effort is not None:
            effort_lines = lines_to_arrays(effort, feedback, to)
        extent = self.extent_box(parameters, context, crs, self.EXTENT)
        array, grid = self.run_core(
            heatmaps.sign_heatmap, x[selection.kept], y[selection.kept], selection.weights, radius, pixel,
            kernel=kernel, decay=decay, radii=radii, crs=crs_text(crs), extent=extent, effort_lines=effort_lines,
            min_effort_km=self.parameterAsDouble(parameters, self.MIN_EFFORT_KM, context),
            feedback=CoreFeedback(feedback))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        self.run_core(write_geotiff, output, array, grid, nodata=-9999.0)
        unit = tr("signs per km") if effort_lines is not None else tr("signs per km²")
        self.style_raster(output, "heatmap", unit)
        finite = array[np.isfinite(array)]
        maximum = float(finite.max()) if finite.size else 0.0
        feedback.pushInfo(tr("Maximum: {value:.4g} {unit}").format(value=maximum, unit=unit))
        return {self.OUTPUT: output, self.SIGNS_MAPPED: int(selection.kept.sum()), self.MAX_VALUE: maximum}

    def _date(self, parameters, key, context):
        value = self.parameterAsDateTime(parameters, key, context)
        if value is None or not value.isValid() or parameters.get(key) in (None, ""):
            return None
        return value.date().toPyDate()
