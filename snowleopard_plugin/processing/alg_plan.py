"""``snowleopard:plantransects``, ``snowleopard:plancameras``, ``snowleopard:compareplan``: plan next season."""

from __future__ import annotations

from qgis.core import (
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.analysis.coverage import MAX_HALF_WIDTH_M
from ..i18n import tr, tr_error
from .base import CoreFeedback, SnowLeopardAlgorithm, advanced, dem_parameter, metres_parameter

#: Largest habitat grid made from polygons (cells); the pixel grows to stay under it.
MAX_POLYGON_CELLS = 25_000_000


def planner_gap_weight() -> float:
    from ..core.planner import DEFAULT_GAP_WEIGHT

    return DEFAULT_GAP_WEIGHT


def _habitat_layer(alg, parameters, context, key):
    layer = alg.parameterAsLayer(parameters, key, context)
    if layer is None or not layer.isValid():
        raise QgsProcessingException(tr("Choose a habitat layer: a suitability raster (0–1) or habitat polygons."))
    return layer


def _inputs(alg, parameters, context, feedback, sources):
    """The habitat layer, the analysis CRS (the vector ``sources`` first, then the habitat and the DEM) and the
    DEM as (array, Grid) or (None, None)."""
    from ..qgis_io import analysis_crs, read_raster_layer

    layer = _habitat_layer(alg, parameters, context, alg.HABITAT)
    dem_layer = alg.parameterAsRasterLayer(parameters, alg.DEM, context)
    crs = analysis_crs(list(sources) + [layer, dem_layer], context, feedback)
    dem = (None, None) if dem_layer is None else read_raster_layer(dem_layer, dem_layer.name(), None, crs, feedback)
    return layer, crs, dem


def _habitat(alg, layer, crs, context, feedback, dem_grid):
    """The habitat layer as a 0..1 array on a Grid in the analysis CRS (polygons on the DEM's grid if given)."""
    import math

    from ..core.analysis import habitat
    from ..core.raster import Grid
    from ..qgis_io import crs_text, layer_extent, read_raster_layer, source_to_geodataframe, to_crs

    if layer.type() == QgsMapLayerType.RasterLayer:
        return read_raster_layer(layer, layer.name(), None, crs, feedback, "nearest")
    rect = layer_extent(layer, crs, context)
    if dem_grid is not None:
        grid = Grid(dem_grid.x0, dem_grid.y0, dem_grid.pixel, dem_grid.width, dem_grid.height, crs_text(crs))
    else:
        area = max(rect.width() * rect.height(), 1.0)
        pixel = max(30.0, math.sqrt(area / MAX_POLYGON_CELLS))
        grid = Grid.from_extent(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum(), pixel,
                                crs_text(crs))
    polygons = source_to_geodataframe(layer, (), feedback, destination=to_crs(crs, context))
    if len(polygons) == 0:
        raise QgsProcessingException(tr("The habitat layer {layer} has no polygon.").format(layer=layer.name()))
    array = alg.run_core(habitat.habitat_from_polygons, list(polygons.geometry.values), grid)
    return array, grid


def _push_warnings(feedback, warnings):
    for warning in warnings:
        feedback.pushWarning(tr_error(warning))


class PlanTransectsAlgorithm(SnowLeopardAlgorithm):
    """Day transects along the ridges into the unsearched habitat, within a km budget."""

    NAME = "plantransects"
    GROUP_ID = "plan"

    RIDGES = "RIDGES"
    HABITAT = "HABITAT"
    ROUTES = "ROUTES"
    DEM = "DEM"
    ACCESS = "ACCESS"
    BUDGET_KM = "BUDGET_KM"
    MAX_DAY_KM = "MAX_DAY_KM"
    TEAMS = "TEAMS"
    SEARCH_HALF_WIDTH = "SEARCH_HALF_WIDTH"
    LOCKED = "LOCKED"
    EXCLUDE = "EXCLUDE"
    GAPS = "GAPS"
    GAP_WEIGHT = "GAP_WEIGHT"
    OUTPUT = "OUTPUT"
    GPX_FOLDER = "GPX_FOLDER"
    TOTAL_KM = "TOTAL_KM"
    NEW_HABITAT_KM2 = "NEW_HABITAT_KM2"
    TRANSECT_COUNT = "TRANSECT_COUNT"

    TAGS = ("plan", "transects", "routes", "budget", "ridge", "gaps", "GPX", "teams")

    def tags_translated(self) -> str:
        return tr("plan, transects, routes, budget, ridge, gaps, GPX, teams")

    def displayName(self) -> str:
        return tr("Plan day transects")

    def group(self) -> str:
        return tr("Plan")

    def shortHelpString(self) -> str:
        return tr(
            "Proposes next season's day transects: paths along the ridge lines (plus the walk in from and back to "
            "the nearest access point, when access points are given), each no longer than the longest day, that "
            "together search as much suitable habitat not yet searched as the budget allows.\n\n"
            "Km are surface km over the DEM (planimetric without one). A transect's value is the suitable habitat "
            "(cells with suitability ≥ 0.5, weighted by it, km²) within the search half-width of its line, minus "
            "what the routes already walked and the transects picked before searched. Transects are picked "
            "greedily by new habitat per km and by new habitat, with lazy re-evaluation; the better plan is kept "
            "(a proven constant-factor approximation of the best plan; see the help).\n\n"
            "Locked transects are kept first and charged to the budget; excluded areas are never entered. "
            "Transects are shared among the teams, one per day, balancing the km. With a GPX folder, one GPX "
            "file per team is written for the GPS units.\n\n"
            "Coverage gaps (the output of 'Coverage gaps') are searched first: the habitat inside them counts "
            "the gap weight times (default 3) when transects are chosen, so the plan walks into the gaps "
            "rather than next to last season's routes; the new habitat reported stays plain km².")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.RIDGES, tr("Ridgelines"),
                                                              [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.HABITAT, tr("Habitat (suitability raster or habitat polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ROUTES, tr("Routes already walked"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(dem_parameter(self.DEM, tr("DEM (surface km and climb)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ACCESS, tr("Access points (camps, road ends, "
                                                                              "huts)"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.BUDGET_KM, tr("Budget (km)"),
                                                       QgsProcessingParameterNumber.Double, 200.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_DAY_KM, tr("Longest day (km)"),
                                                       QgsProcessingParameterNumber.Double, 20.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(self.TEAMS, tr("Teams"), QgsProcessingParameterNumber.Integer,
                                                       4, minValue=1))
        self.addParameter(advanced(metres_parameter(self.SEARCH_HALF_WIDTH, tr("Search half-width"), 50.0,
                                                    self.RIDGES, minValue=0.0, maxValue=MAX_HALF_WIDTH_M)))
        self.addParameter(QgsProcessingParameterFeatureSource(self.LOCKED, tr("Locked transects (walked every "
                                                                              "year)"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EXCLUDE, tr("Excluded areas"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.GAPS, tr("Coverage gaps to search first"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.GAP_WEIGHT, tr("Weight of habitat in the gaps"),
                                                                QgsProcessingParameterNumber.Double,
                                                                planner_gap_weight(), minValue=1.0)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Planned transects"),
                                                            QgsProcessing.TypeVectorLine))
        self.addParameter(advanced(QgsProcessingParameterFolderDestination(
            self.GPX_FOLDER, tr("GPX folder (one file per team)"), optional=True)))
        self.add_number_outputs(((self.TOTAL_KM, tr("Km planned")),
                                 (self.NEW_HABITAT_KM2, tr("New habitat searched (km²)")),
                                 (self.TRANSECT_COUNT, tr("Number of transects"))))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core import planner
        from ..core.exports.gpx import check_folder, write_team_gpx
        from ..i18n import user_locale
        from ..qgis_io import geodataframe_fields, source_to_geodataframe, to_crs, write_geodataframe

        ridges_src = self.parameterAsSource(parameters, self.RIDGES, context)
        if ridges_src is None:
            raise QgsProcessingException(tr("Choose the ridgelines (snowleopard:terrain makes them from a DEM)."))
        gpx_folder = self.parameterAsString(parameters, self.GPX_FOLDER, context)
        if gpx_folder and parameters.get(self.GPX_FOLDER):
            self.run_core(check_folder, gpx_folder)  # before anything is written
        sources = {key: self.parameterAsSource(parameters, key, context)
                   for key in (self.ROUTES, self.ACCESS, self.LOCKED, self.EXCLUDE, self.GAPS)}
        layer, crs, (dem, dem_grid) = _inputs(self, parameters, context, feedback,
                                              [sources[self.ROUTES], ridges_src])
        hab, grid = _habitat(self, layer, crs, context, feedback, dem_grid)
        to = to_crs(crs, context)

        def frame(key):
            src = sources[key]
            return source_to_geodataframe(src, (), feedback, destination=to) if src is not None else None

        result = self.run_core(
            planner.plan_transects, source_to_geodataframe(ridges_src, (), feedback, destination=to), hab, grid,
            budget_km=self.parameterAsDouble(parameters, self.BUDGET_KM, context),
            max_day_km=self.parameterAsDouble(parameters, self.MAX_DAY_KM, context),
            teams=self.parameterAsInt(parameters, self.TEAMS, context),
            half_width=self.parameterAsDouble(parameters, self.SEARCH_HALF_WIDTH, context),
            routes=frame(self.ROUTES), dem=dem, dem_grid=dem_grid, access=frame(self.ACCESS),
            locked=frame(self.LOCKED), exclude=frame(self.EXCLUDE), gaps=frame(self.GAPS),
            gap_weight=self.parameterAsDouble(parameters, self.GAP_WEIGHT, context), feedback=CoreFeedback(feedback))
        _push_warnings(feedback, result.warnings)
        transects = result.transects
        fields = geodataframe_fields(transects)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.LineString, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_geodataframe(transects, sink, fields, feedback)
        self.style_after_run(dest_id, "transects", "plan")
        outputs = {self.OUTPUT: dest_id, self.TOTAL_KM: result.total_km, self.NEW_HABITAT_KM2: result.new_habitat_km2,
                   self.TRANSECT_COUNT: int(len(transects))}
        folder = self.parameterAsString(parameters, self.GPX_FOLDER, context)
        if folder and parameters.get(self.GPX_FOLDER) and len(transects):
            paths = self.run_core(write_team_gpx, transects, folder, grid.crs, user_locale(), dem, dem_grid)
            feedback.pushInfo(tr("GPX files: {files}").format(files=", ".join(paths)))
            outputs[self.GPX_FOLDER] = folder
        feedback.pushInfo(tr("{count} transects, {km:.1f} km, {area:.2f} km² of new suitable habitat searched "
                             "({candidates} candidate transects)").format(
            count=len(transects), km=result.total_km, area=result.new_habitat_km2, candidates=result.candidates))
        return outputs


class PlanCamerasAlgorithm(SnowLeopardAlgorithm):
    """Camera stations in suitable habitat, on ridges and saddles, spread relative to sigma."""

    NAME = "plancameras"
    GROUP_ID = "plan"

    HABITAT = "HABITAT"
    RIDGES = "RIDGES"
    DEM = "DEM"
    N_STATIONS = "N_STATIONS"
    SIGMA = "SIGMA"
    MIN_SPACING = "MIN_SPACING"
    EXISTING = "EXISTING"
    EXCLUDE = "EXCLUDE"
    OUTPUT = "OUTPUT"
    STATION_COUNT = "STATION_COUNT"
    NEW_STATION_COUNT = "NEW_STATION_COUNT"

    TAGS = ("plan", "camera trap", "stations", "secr", "sigma", "ridge", "saddle")

    def tags_translated(self) -> str:
        return tr("plan, camera traps, stations, spatial capture-recapture, ridge, saddle")

    def displayName(self) -> str:
        return tr("Plan camera stations")

    def group(self) -> str:
        return tr("Plan")

    def shortHelpString(self) -> str:
        return tr(
            "Places camera-trap stations in suitable habitat (suitability ≥ 0.5), preferring ridges and saddles "
            "where the cats travel, never closer than the minimum spacing, and spread relative to sigma (the "
            "movement scale of spatial capture-recapture) so the array spans several home ranges.\n\n"
            "Stations are picked one by one: the best place by suitability × (1 + 1 on a ridge + 0.5 at a "
            "saddle), damped by 1 − exp(−d²/2σ²) for each station already placed at distance d. Existing "
            "stations are kept and the new ones fitted around them. The result is the same for the same input. "
            "When fewer stations fit at that spacing, as many as fit are placed with a warning.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterMapLayer(
            self.HABITAT, tr("Habitat (suitability raster or habitat polygons)"),
            types=[QgsProcessing.TypeRaster, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RIDGES, tr("Ridgelines"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        self.addParameter(dem_parameter(self.DEM, tr("DEM (saddles)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.N_STATIONS, tr("New stations"),
                                                       QgsProcessingParameterNumber.Integer, 20, minValue=0))
        self.addParameter(metres_parameter(self.SIGMA, tr("Sigma (movement scale)"), 3000.0,
                                                         self.HABITAT, minValue=0.0))
        self.addParameter(metres_parameter(self.MIN_SPACING, tr("Minimum spacing"), 3000.0,
                                                         self.HABITAT, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EXISTING, tr("Existing stations (kept)"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EXCLUDE, tr("Excluded areas"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Planned camera stations"),
                                                            QgsProcessing.TypeVectorPoint))
        self.add_number_outputs(((self.STATION_COUNT, tr("Number of stations")),
                                 (self.NEW_STATION_COUNT, tr("New stations placed"))))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core import planner
        from ..qgis_io import geodataframe_fields, source_to_geodataframe, to_crs, write_geodataframe

        ridges_src = self.parameterAsSource(parameters, self.RIDGES, context)
        existing_src = self.parameterAsSource(parameters, self.EXISTING, context)
        exclude_src = self.parameterAsSource(parameters, self.EXCLUDE, context)
        layer, crs, (dem, dem_grid) = _inputs(self, parameters, context, feedback, [ridges_src, existing_src])
        hab, grid = _habitat(self, layer, crs, context, feedback, dem_grid)
        to = to_crs(crs, context)
        existing = (source_to_geodataframe(existing_src, ("station_id",), feedback, destination=to)
                    if existing_src else None)
        ids = list(existing["station_id"]) if existing is not None and "station_id" in existing.columns else None
        result = self.run_core(
            planner.plan_cameras, hab, grid, self.parameterAsInt(parameters, self.N_STATIONS, context),
            ridges=source_to_geodataframe(ridges_src, (), feedback, destination=to) if ridges_src else None,
            dem=dem, dem_grid=dem_grid, sigma=self.parameterAsDouble(parameters, self.SIGMA, context),
            min_spacing=self.parameterAsDouble(parameters, self.MIN_SPACING, context), existing=existing,
            existing_ids=ids,
            exclude=source_to_geodataframe(exclude_src, (), feedback, destination=to) if exclude_src else None,
            feedback=CoreFeedback(feedback))
        _push_warnings(feedback, result.warnings)
        stations = result.stations
        fields = geodataframe_fields(stations)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_geodataframe(stations, sink, fields, feedback)
        self.style_after_run(dest_id, "stations", "plan")
        new = int((stations["existing"] == 0).sum()) if len(stations) else 0
        feedback.pushInfo(tr("{count} stations ({new} new)").format(count=len(stations), new=new))
        return {self.OUTPUT: dest_id, self.STATION_COUNT: int(len(stations)), self.NEW_STATION_COUNT: new}


class ComparePlanAlgorithm(SnowLeopardAlgorithm):
    """Planned against walked: the share of each planned transect walked, and the walks off the plan."""

    NAME = "compareplan"
    GROUP_ID = "plan"

    PLAN = "PLAN"
    ROUTES = "ROUTES"
    SEARCH_HALF_WIDTH = "SEARCH_HALF_WIDTH"
    OUTPUT = "OUTPUT"
    OFFPLAN = "OFFPLAN"
    WALKED_SHARE = "WALKED_SHARE"
    OFFPLAN_KM = "OFFPLAN_KM"

    TAGS = ("plan", "compare", "transects", "routes walked", "off plan")

    def tags_translated(self) -> str:
        return tr("plan, compare, transects, routes walked, off plan")

    def displayName(self) -> str:
        return tr("Compare plan with routes walked")

    def group(self) -> str:
        return tr("Plan")

    def shortHelpString(self) -> str:
        return tr(
            "After the season: for each planned transect, walked_share is the share of its length (0–1) that lies "
            "within the search half-width of a route walked, and walked_km that length. The off-plan layer holds "
            "the parts of the routes farther than the half-width from every planned transect, with offplan_km.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(self.PLAN, tr("Planned transects"),
                                                              [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ROUTES, tr("Routes walked"),
                                                              [QgsProcessing.TypeVectorLine]))
        self.addParameter(metres_parameter(self.SEARCH_HALF_WIDTH, tr("Search half-width"), 50.0,
                                                         self.PLAN, minValue=0.0, maxValue=MAX_HALF_WIDTH_M))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Plan walked"),
                                                            QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OFFPLAN, tr("Walked off the plan"),
                                                            QgsProcessing.TypeVectorLine))
        self.add_number_outputs(((self.WALKED_SHARE, tr("Share of the plan walked (0–1)")),
                                 (self.OFFPLAN_KM, tr("Km walked off the plan"))))

    def processAlgorithm(self, parameters, context, feedback):
        from shapely.geometry import MultiLineString

        from ..core import planner
        from ..qgis_io import analysis_crs, geodataframe_fields, source_to_geodataframe, to_crs, write_geodataframe

        plan_src = self.parameterAsSource(parameters, self.PLAN, context)
        routes_src = self.parameterAsSource(parameters, self.ROUTES, context)
        if plan_src is None or routes_src is None:
            raise QgsProcessingException(tr("Choose the planned transects and the routes walked."))
        crs = analysis_crs([plan_src, routes_src], context, feedback)
        to = to_crs(crs, context)
        plan_fields = [plan_src.fields().at(i).name() for i in range(plan_src.fields().count())]
        route_fields = [routes_src.fields().at(i).name() for i in range(routes_src.fields().count())]
        plan = source_to_geodataframe(plan_src, [f for f in plan_fields if f != "fid"], feedback, destination=to)
        routes = source_to_geodataframe(routes_src, [f for f in route_fields if f != "fid"], feedback,
                                        destination=to)
        walked, off = self.run_core(planner.compare_plan, plan, routes,
                                    self.parameterAsDouble(parameters, self.SEARCH_HALF_WIDTH, context))
        outputs = {}
        for key, gdf, kind in ((self.OUTPUT, walked, "plan_walked"), (self.OFFPLAN, off, "offplan")):
            gdf = gdf.set_geometry([g if g.geom_type == "MultiLineString" else MultiLineString([g]) if
                                    g.geom_type == "LineString" else _lines_only(g) for g in gdf.geometry])
            fields = geodataframe_fields(gdf)
            sink, dest_id = self.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.MultiLineString, crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, key))
            write_geodataframe(gdf, sink, fields, feedback)
            outputs[key] = dest_id
            self.style_after_run(dest_id, kind, "plan")
        share = float((walked["walked_km"].sum()) / max(walked.geometry.length.sum() / 1000.0, 1e-12))
        offplan_km = float(off["offplan_km"].sum()) if len(off) else 0.0
        feedback.pushInfo(tr("Plan walked: {share:.0%}; walked off the plan: {km:.1f} km").format(
            share=share, km=offplan_km))
        outputs.update({self.WALKED_SHARE: share, self.OFFPLAN_KM: offplan_km})
        return outputs


def _lines_only(geom):
    """The line parts of a geometry collection as a MultiLineString."""
    from shapely.geometry import MultiLineString

    parts = []
    for part in getattr(geom, "geoms", [geom]):
        if part.geom_type == "LineString":
            parts.append(part)
        elif part.geom_type == "MultiLineString":
            parts.extend(part.geoms)
    return MultiLineString(parts)
