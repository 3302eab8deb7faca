"""``snowleopard:coverage``: cells searched and sampled, the effort grid, and the share of each ridge walked."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterDestination,
    QgsWkbTypes,
)

from ..core.analysis.coverage import MAX_HALF_WIDTH_M
from ..i18n import tr
from .base import (
    Scaled,
    SnowLeopardAlgorithm,
    advanced,
    dem_parameter,
    extent_parameter,
    metres_parameter,
    pixel_size_parameter,
)

#: Attributes of the routes used for the effort grid's visits.
ROUTE_FIELDS = ("route_id", "date", "team")


def effort_bounds(routes, cameras):
    """(xmin, ymin, xmax, ymax) of the routes' and cameras' geometries, or None when both are empty."""
    import numpy as np

    boxes = [np.asarray(g.total_bounds, dtype=float) for g in (routes, cameras) if g is not None and len(g)]
    boxes = [b for b in boxes if np.all(np.isfinite(b))]
    if not boxes:
        return None
    b = np.vstack(boxes)
    return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())


def overlaps(a, b) -> bool:
    """True when two (xmin, ymin, xmax, ymax) boxes meet."""
    return not (a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3])


class CoverageAlgorithm(SnowLeopardAlgorithm):
    """Where the census looked: coverage codes, effort per grid cell, ridge segments walked."""

    NAME = "coverage"
    GROUP_ID = "coverage"

    ROUTES = "ROUTES"
    CAMERAS = "CAMERAS"
    OBSERVATIONS = "OBSERVATIONS"
    DETECTIONS = "DETECTIONS"
    RIDGES = "RIDGES"
    SEARCH_HALF_WIDTH = "SEARCH_HALF_WIDTH"
    CAMERA_RADIUS = "CAMERA_RADIUS"
    DEM = "DEM"
    EXTENT = "EXTENT"
    PIXEL_SIZE = "PIXEL_SIZE"
    GRID_SIZE = "GRID_SIZE"
    COVERAGE = "COVERAGE"
    TRAP_NIGHTS = "TRAP_NIGHTS"
    GRID = "GRID"
    RIDGE_COVERAGE = "RIDGE_COVERAGE"
    SEARCHED_KM2 = "SEARCHED_KM2"
    SAMPLED_KM2 = "SAMPLED_KM2"
    BOTH_KM2 = "BOTH_KM2"
    KM_WALKED = "KM_WALKED"
    GRID_CELLS = "GRID_CELLS"
    RIDGE_KM = "RIDGE_KM"
    RIDGE_WALKED_KM = "RIDGE_WALKED_KM"

    TAGS = ("coverage", "effort", "survey effort", "grid", "searched", "camera", "trap-nights", "ridge", "SMART")

    def tags_translated(self) -> str:
        return tr("coverage, survey effort, effort grid, searched, camera traps, trap-nights, ridge")

    def displayName(self) -> str:
        return tr("Survey coverage")

    def group(self) -> str:
        return tr("Coverage and gaps")

    def shortHelpString(self) -> str:
        return tr(
            "Where the census looked, exact to the pixel.\n\n"
            "Coverage raster: 1 = searched along routes (the cell's centre within the search half-width of a "
            "route), 2 = sampled by cameras (centre within the camera radius of a station), 3 = both, 0 = not "
            "covered (transparent). The raster is on the DEM's grid (cropped to the extent when one is given), or "
            "else on a grid of the pixel size over the extent (default: the effort plus the half-width and radius). "
            "The optional trap-nights raster sums the trap-nights of the stations reaching each cell.\n\n"
            "Effort grid (like SMART's gridded query), square cells of the grid size: km walked (planimetric), "
            "surface km over the DEM, trap-nights of the stations inside, signs and detections inside, and visits "
            "(distinct route and date). Cells without any effort or record are left out.\n\n"
            "With ridgelines (from 'Terrain and ridgelines'): each segment with the km and the share of it lying "
            "within the search half-width of a route.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.ROUTES, tr("Routes walked"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.CAMERAS, tr("Camera stations (trap_nights)"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.OBSERVATIONS, tr("Signs (for the grid's counts)"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.DETECTIONS, tr("Detections (for the grid's "
                                                                                 "counts)"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RIDGES, tr("Ridgelines"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(metres_parameter(self.SEARCH_HALF_WIDTH, tr("Search half-width of a route"),
                                                         50.0, self.ROUTES, minValue=0.0, maxValue=MAX_HALF_WIDTH_M))
        self.addParameter(metres_parameter(self.CAMERA_RADIUS, tr("Camera detection radius"), 500.0,
                                                         self.CAMERAS, minValue=0.0))
        self.addParameter(dem_parameter(self.DEM, tr("DEM (grid of the raster; surface km)"), optional=True))
        self.addParameter(extent_parameter(self.EXTENT))
        self.addParameter(advanced(pixel_size_parameter(self.PIXEL_SIZE, tr("Pixel size (without a DEM)"), 30.0)))
        self.addParameter(metres_parameter(self.GRID_SIZE, tr("Effort grid cell size"), 2000.0,
                                                         self.ROUTES, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterDestination(self.COVERAGE, tr("Coverage")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.TRAP_NIGHTS, tr("Camera trap-nights per cell"),
                                                                  optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.GRID, tr("Effort grid"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.RIDGE_COVERAGE, tr("Ridge segments walked"),
                                                            QgsProcessing.TypeVectorLine, optional=True))
        self.add_number_outputs((
            (self.SEARCHED_KM2, tr("Searched along routes (km²)")),
            (self.SAMPLED_KM2, tr("Sampled by cameras (km²)")),
            (self.BOTH_KM2, tr("Searched and sampled (km²)")),
            (self.KM_WALKED, tr("Km walked")),
            (self.GRID_CELLS, tr("Effort grid cells")),
            (self.RIDGE_KM, tr("Ridgelines (km)")),
            (self.RIDGE_WALKED_KM, tr("Ridgelines walked (km)"))))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.analysis import coverage
        from ..core.raster import Grid, check_grid_size, write_geotiff
        from ..qgis_io import (
            analysis_crs,
            crs_text,
            geodataframe_fields,
            read_raster_layer,
            source_to_geodataframe,
            to_crs,
            write_geodataframe,
        )

        routes_src = self.parameterAsSource(parameters, self.ROUTES, context)
        cameras_src = self.parameterAsSource(parameters, self.CAMERAS, context)
        if routes_src is None and cameras_src is None:
            raise QgsProcessingException(tr("Give the routes walked, the camera stations, or both."))
        obs_src = self.parameterAsSource(parameters, self.OBSERVATIONS, context)
        det_src = self.parameterAsSource(parameters, self.DETECTIONS, context)
        ridge_src = self.parameterAsSource(parameters, self.RIDGES, context)
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        crs = analysis_crs([routes_src, cameras_src, dem_layer], context, feedback)
        to = to_crs(crs, context)
        half_width = self.parameterAsDouble(parameters, self.SEARCH_HALF_WIDTH, context)
        radius = self.parameterAsDouble(parameters, self.CAMERA_RADIUS, context)
        cell = self.parameterAsDouble(parameters, self.GRID_SIZE, context)
        for value, label in ((half_width, tr("search half-width")), (radius, tr("camera radius")),
                             (cell, tr("effort grid cell size"))):
            if not value > 0:
                raise QgsProcessingException(tr("The {name} must be a positive distance in metres.").format(
                    name=label))

        routes = (source_to_geodataframe(routes_src, ROUTE_FIELDS, feedback, destination=to)
                  if routes_src is not None else None)
        cameras = (source_to_geodataframe(cameras_src, ("station_id", "trap_nights"), feedback, destination=to)
                   if cameras_src is not None else None)
        if cameras is not None and len(cameras) and "trap_nights" not in cameras.columns:
            feedback.pushWarning(tr("The cameras have no trap_nights field: each station counts 1 trap-night."))
            cameras["trap_nights"] = 1.0
        bounds = effort_bounds(routes, cameras)
        if bounds is None:
            raise QgsProcessingException(tr("The routes and cameras layers are empty: there is no survey effort to "
                                            "map. Choose the season's routes or cameras."))
        extent = self.extent_box(parameters, context, crs, self.EXTENT)
        reach = max(half_width if routes is not None else 0.0, radius if cameras is not None else 0.0)
        dem = None
        if dem_layer is not None:
            dem, grid = read_raster_layer(dem_layer, dem_layer.name(), extent, crs, feedback)
            grow = (bounds[0] - reach, bounds[1] - reach, bounds[2] + reach, bounds[3] + reach)
            if not overlaps(grow, grid.extent):
                raise QgsProcessingException(tr(
                    "The survey effort ({x0:.0f}, {y0:.0f} – {x1:.0f}, {y1:.0f}) does not overlap the DEM "
                    "{layer} ({a:.0f}, {b:.0f} – {c:.0f}, {d:.0f}): give the DEM of the park, in the season's "
                    "CRS.").format(x0=bounds[0], y0=bounds[1], x1=bounds[2], y1=bounds[3], layer=dem_layer.name(),
                                   a=grid.extent[0], b=grid.extent[1], c=grid.extent[2], d=grid.extent[3]))
        else:
            pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
            if not pixel > 0:
                raise QgsProcessingException(tr("Give a positive pixel size (metres) or a DEM."))
            box = extent or (bounds[0] - reach, bounds[1] - reach, bounds[2] + reach, bounds[3] + reach)
            grid = self.run_core(check_grid_size, Grid.from_extent(*box, pixel, crs_text(crs)))
        # clip the effort to what can reach the grid's cells is done by the core; it refuses no overlap
        feedback.setProgressText(tr("Cells searched and sampled"))
        has_routes = routes is not None and len(routes) > 0
        has_cams = cameras is not None and len(cameras) > 0
        codes, nights = self.run_core(coverage.coverage_raster, grid, routes if has_routes else None, half_width,
                                      cameras if has_cams else None, "trap_nights" if has_cams else None, radius,
                                      Scaled(feedback, 0, 60))
        cell_km2 = grid.pixel * grid.pixel / 1e6
        counts = np.bincount(codes.ravel(), minlength=4)
        feedback.pushInfo(tr("Searched along routes: {routes:.2f} km²; sampled by cameras: {cams:.2f} km²; both: "
                             "{both:.2f} km²").format(routes=(counts[1] + counts[3]) * cell_km2,
                                                      cams=(counts[2] + counts[3]) * cell_km2,
                                                      both=counts[3] * cell_km2))
        # effort grid and ridges before writing anything
        feedback.setProgressText(tr("Effort grid"))
        observations = source_to_geodataframe(obs_src, (), feedback, destination=to) if obs_src is not None else None
        detections = source_to_geodataframe(det_src, (), feedback, destination=to) if det_src is not None else None
        grid_extent = None
        if extent is not None:
            grid_extent = (np.floor(extent[0] / cell) * cell, np.floor(extent[1] / cell) * cell,
                           np.ceil(extent[2] / cell) * cell, np.ceil(extent[3] / cell) * cell)
        effort = self.run_core(coverage.effort_grid, cell, routes if has_routes else None,
                               cameras if has_cams else None, observations, detections, extent=grid_extent,
                               dem=dem, dem_grid=grid if dem is not None else None, crs=crs_text(crs),
                               feedback=Scaled(feedback, 60, 80))
        ridge_cover = None
        if ridge_src is not None:
            feedback.setProgressText(tr("Ridge segments walked"))
            names = [ridge_src.fields().at(i).name() for i in range(ridge_src.fields().count())]
            names = [n for n in names if n.lower() not in ("fid", "length_km", "walked_km", "walked_share")]
            ridges = source_to_geodataframe(ridge_src, names, feedback, destination=to)
            if len(ridges) == 0:
                raise QgsProcessingException(tr("The ridgelines layer is empty: run 'Terrain and ridgelines' on the "
                                                "DEM first, or leave the ridgelines out."))
            ridge_cover = self.run_core(coverage.ridge_walked_share, ridges, routes if has_routes else None,
                                        half_width)
            feedback.pushInfo(tr("Ridges: {walked:.1f} of {total:.1f} km walked").format(
                walked=float(ridge_cover["walked_km"].sum()), total=float(ridge_cover["length_km"].sum())))
        feedback.setProgress(85)

        coverage_path = self.parameterAsOutputLayer(parameters, self.COVERAGE, context)
        self.run_core(write_geotiff, coverage_path, codes, grid, nodata=255, dtype="uint8")
        self.style_raster(coverage_path, "coverage")
        del codes
        result = {self.COVERAGE: coverage_path, self.SEARCHED_KM2: float((counts[1] + counts[3]) * cell_km2),
                  self.SAMPLED_KM2: float((counts[2] + counts[3]) * cell_km2),
                  self.BOTH_KM2: float(counts[3] * cell_km2),
                  self.KM_WALKED: float(effort["km_walked"].sum()) if "km_walked" in effort.columns else 0.0,
                  self.GRID_CELLS: int(len(effort)), self.RIDGE_KM: 0.0, self.RIDGE_WALKED_KM: 0.0}
        if parameters.get(self.TRAP_NIGHTS):
            nights_path = self.parameterAsOutputLayer(parameters, self.TRAP_NIGHTS, context)
            if nights_path:
                self.run_core(write_geotiff, nights_path, nights, grid, nodata=-9999.0)
                self.style_raster(nights_path, "heatmap", tr("trap-nights"))
                result[self.TRAP_NIGHTS] = nights_path
        del nights, dem
        fields = geodataframe_fields(effort)
        sink, grid_id = self.parameterAsSink(parameters, self.GRID, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.GRID))
        write_geodataframe(effort, sink, fields, feedback)
        result[self.GRID] = grid_id
        self.style_after_run(grid_id, "effort_grid")
        if ridge_cover is not None:
            fields = geodataframe_fields(ridge_cover)
            kind = (QgsWkbTypes.MultiLineString if QgsWkbTypes.isMultiType(ridge_src.wkbType())
                    else QgsWkbTypes.LineString)
            sink, ridge_id = self.parameterAsSink(parameters, self.RIDGE_COVERAGE, context, fields, kind, crs)
            if sink is not None:
                write_geodataframe(ridge_cover, sink, fields, feedback)
                result[self.RIDGE_COVERAGE] = ridge_id
                self.style_after_run(ridge_id, "ridge_coverage")
            result[self.RIDGE_WALKED_KM] = float(ridge_cover["walked_km"].sum())
            result[self.RIDGE_KM] = float(ridge_cover["length_km"].sum())
        feedback.setProgress(100)
        return result
