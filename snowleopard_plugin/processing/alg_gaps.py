"""``snowleopard:gaps``: suitable habitat farther than a distance from any survey effort, as ranked polygons."""

from __future__ import annotations

from qgis.core import (
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)

from ..i18n import tr
from .alg_coverage import effort_bounds, overlaps
from .base import Scaled, SnowLeopardAlgorithm, advanced, extent_parameter, metres_parameter, pixel_size_parameter


class GapsAlgorithm(SnowLeopardAlgorithm):
    """Coverage gaps in suitable habitat, ranked by area × mean suitability."""

    NAME = "gaps"
    GROUP_ID = "coverage"

    HABITAT = "HABITAT"
    HABITAT_FIELD = "HABITAT_FIELD"
    ROUTES = "ROUTES"
    CAMERAS = "CAMERAS"
    MAX_DISTANCE = "MAX_DISTANCE"
    MIN_AREA = "MIN_AREA"
    THRESHOLD = "THRESHOLD"
    ACCESS = "ACCESS"
    RIDGES = "RIDGES"
    EXTENT = "EXTENT"
    PIXEL_SIZE = "PIXEL_SIZE"
    OUTPUT = "OUTPUT"
    GAP_COUNT = "GAP_COUNT"
    GAP_KM2 = "GAP_KM2"
    LARGEST_GAP_KM2 = "LARGEST_GAP_KM2"

    TAGS = ("gaps", "coverage gaps", "habitat", "suitability", "effort", "access", "ridge")

    def tags_translated(self) -> str:
        return tr("gaps, coverage gaps, unsurveyed habitat, suitability, survey effort, access")

    def displayName(self) -> str:
        return tr("Coverage gaps")

    def group(self) -> str:
        return tr("Coverage and gaps")

    def shortHelpString(self) -> str:
        return tr(
            "Suitable habitat farther than the maximum distance from every route and camera station, as polygons "
            "ranked by area × mean suitability (rank 1 first).\n\n"
            "Habitat: a suitability raster (e.g. from 'Habitat suitability'; cells at or above the threshold are "
            "suitable) or the park's habitat polygons (rasterised at the pixel size by the cell-centre rule, value "
            "1 or a 0–1 field). A cell is near effort when its centre lies within the maximum distance of a route "
            "segment or a station (exact). Gap cells touching at an edge or a corner form one gap.\n\n"
            "Each gap: area_km2, suitability (mean), ridge_km (length of the ridgelines inside, when given), "
            "access_km (distance to the nearest access point or line: roads, camps; empty without them) and rank. "
            "Gaps smaller than the minimum area are left out. Give an extent to work on part of a large habitat "
            "layer.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMapLayer(
            self.HABITAT, tr("Habitat (suitability raster or habitat polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.HABITAT_FIELD, tr("Habitat polygons: 0–1 suitability "
                                                                            "field (empty: 1 inside)"), None,
                                                      self.HABITAT, QgsProcessingParameterField.Numeric,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ROUTES, tr("Routes walked"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.CAMERAS, tr("Camera stations"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(metres_parameter(self.MAX_DISTANCE, tr("Maximum distance from effort"),
                                                         3000.0, self.HABITAT, minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.MIN_AREA, tr("Minimum gap area (km²)"),
                                                                QgsProcessingParameterNumber.Double, 1.0,
                                                                minValue=0.0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.THRESHOLD, tr("Suitability threshold"),
                                                                QgsProcessingParameterNumber.Double, 0.5,
                                                                minValue=0.0)))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ACCESS, tr("Access points or roads"),
                                                              [QgsProcessing.TypeVectorPoint,
                                                               QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RIDGES, tr("Ridgelines"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(extent_parameter(self.EXTENT))
        self.addParameter(advanced(pixel_size_parameter(self.PIXEL_SIZE, tr("Pixel size for habitat polygons"),
                                                        100.0)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Coverage gaps"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.add_number_outputs(((self.GAP_COUNT, tr("Number of gaps")),
                                 (self.GAP_KM2, tr("Gaps in all (km²)")),
                                 (self.LARGEST_GAP_KM2, tr("Largest gap (km²)"))))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        from shapely.geometry import MultiPolygon

        from ..core.analysis import gaps, habitat
        from ..core.raster import Grid, check_grid_size
        from ..qgis_io import (
            analysis_crs,
            crs_text,
            geodataframe_fields,
            layer_extent,
            read_raster_layer,
            source_to_geodataframe,
            to_crs,
            write_geodataframe,
        )

        hab_layer = self.parameterAsLayer(parameters, self.HABITAT, context)
        if hab_layer is None or not hab_layer.isValid():
            raise QgsProcessingException(tr("Choose a habitat layer: a suitability raster or habitat polygons."))
        routes_src = self.parameterAsSource(parameters, self.ROUTES, context)
        cameras_src = self.parameterAsSource(parameters, self.CAMERAS, context)
        if routes_src is None and cameras_src is None:
            raise QgsProcessingException(tr("Give the routes walked, the camera stations, or both."))
        ridge_src = self.parameterAsSource(parameters, self.RIDGES, context)
        crs = analysis_crs([routes_src, cameras_src, hab_layer], context, feedback)  # the season's CRS first
        to = to_crs(crs, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        if not max_distance > 0:
            raise QgsProcessingException(tr("The maximum distance from effort must be a positive distance in "
                                            "metres."))
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        routes = source_to_geodataframe(routes_src, (), feedback, destination=to) if routes_src is not None else None
        cameras = source_to_geodataframe(cameras_src, (), feedback, destination=to) if cameras_src is not None else None
        bounds = effort_bounds(routes, cameras)
        if bounds is None:
            raise QgsProcessingException(tr("The routes and cameras layers are empty: there is no survey effort. "
                                            "Choose the season's routes or cameras."))
        extent = self.extent_box(parameters, context, crs, self.EXTENT)

        reach = (bounds[0] - max_distance, bounds[1] - max_distance, bounds[2] + max_distance,
                 bounds[3] + max_distance)
        if extent is not None and not overlaps(reach, extent):
            raise QgsProcessingException(self._no_overlap(bounds, extent))
        feedback.setProgressText(tr("Habitat"))
        if hab_layer.type() == QgsMapLayerType.RasterLayer:
            suitability, grid = read_raster_layer(hab_layer, hab_layer.name(), extent, crs, feedback, "nearest")
        else:
            pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
            if not pixel > 0:
                raise QgsProcessingException(tr("Give a positive pixel size (metres) for the habitat polygons."))
            layer_rect = layer_extent(hab_layer, crs, context)
            box = (layer_rect.xMinimum(), layer_rect.yMinimum(), layer_rect.xMaximum(), layer_rect.yMaximum())
            if extent is not None:
                box = (max(box[0], extent[0]), max(box[1], extent[1]), min(box[2], extent[2]), min(box[3], extent[3]))
                if box[2] <= box[0] or box[3] <= box[1]:
                    raise QgsProcessingException(tr("The extent does not overlap the habitat layer {layer}: choose "
                                                    "an extent inside it (same CRS).").format(layer=hab_layer.name()))
            grid = Grid.from_extent(*box, pixel, crs_text(crs))
            if not overlaps(reach, grid.extent):
                raise QgsProcessingException(self._no_overlap(bounds, grid.extent))
            self.run_core(check_grid_size, grid)
            field = self.parameterAsString(parameters, self.HABITAT_FIELD, context)
            xmin, ymin, xmax, ymax = grid.extent
            polygons = source_to_geodataframe(hab_layer, (field,) if field else (), feedback,
                                              QgsRectangle(xmin, ymin, xmax, ymax), to)
            if len(polygons) == 0:
                raise QgsProcessingException(tr("The habitat layer {layer} has no polygon in the extent.").format(
                    layer=hab_layer.name()))
            values = None
            if field:
                values = np.array([np.nan if v is None else float(v) for v in polygons[field]])
                values = np.where(np.isfinite(values), values, 0.0)
            suitability = self.run_core(habitat.habitat_from_polygons, list(polygons.geometry.values), grid,
                                        values)
            del polygons
        if not overlaps(reach, grid.extent):
            raise QgsProcessingException(self._no_overlap(bounds, grid.extent))
        ridges = source_to_geodataframe(ridge_src, (), feedback, destination=to) if ridge_src is not None else None
        access = None
        access_src = self.parameterAsSource(parameters, self.ACCESS, context)
        if access_src is not None:
            access = source_to_geodataframe(access_src, (), feedback, destination=to)
            if len(access) == 0:
                access = None
        feedback.setProgressText(tr("Coverage gaps"))
        result = self.run_core(gaps.coverage_gaps, suitability, grid, routes, cameras, max_distance,
                               threshold, min_area, ridges, access, feedback=Scaled(feedback, 10, 90))
        del suitability
        result["geometry"] = [g if g.geom_type == "MultiPolygon" else MultiPolygon([g]) for g in result.geometry]
        result = result.set_geometry("geometry")
        fields = geodataframe_fields(result)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                             crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_geodataframe(result, sink, fields, feedback)
        self.style_after_run(dest_id, "gaps")
        total = float(result["area_km2"].sum()) if len(result) else 0.0
        feedback.pushInfo(tr("Gaps: {count}, {area:.1f} km² of suitable habitat farther than {distance:g} m from "
                             "any effort").format(count=len(result), area=total, distance=max_distance))
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, self.GAP_COUNT: int(len(result)), self.GAP_KM2: total,
                self.LARGEST_GAP_KM2: float(result["area_km2"].max()) if len(result) else 0.0}

    @staticmethod
    def _no_overlap(bounds, extent) -> str:
        return tr("The survey effort ({x0:.0f}, {y0:.0f} – {x1:.0f}, {y1:.0f}) lies farther than the maximum "
                  "distance from the habitat ({a:.0f}, {b:.0f} – {c:.0f}, {d:.0f}): check that routes, cameras and "
                  "habitat are of the same park and in the same CRS, and the extent.").format(
            x0=bounds[0], y0=bounds[1], x1=bounds[2], y1=bounds[3], a=extent[0], b=extent[1], c=extent[2],
            d=extent[3])
