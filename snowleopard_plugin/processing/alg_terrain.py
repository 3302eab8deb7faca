"""``snowleopard:terrain``: slope, ruggedness, topographic position and ridgelines from a DEM."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsWkbTypes,
)

from ..i18n import tr
from .base import Scaled, SnowLeopardAlgorithm, advanced, dem_parameter, metres_parameter, target_crs_parameter

#: Terrain keeps the DEM and several metric grids in memory at once (about 7 float64 copies): 150 million cells
#: need some 8 GB.
TERRAIN_MAX_CELLS = 150_000_000


def ruggedness_options():
    """Ruggedness measures in the order of the RUGGEDNESS_METHOD enum."""
    return [tr("Vector ruggedness measure (VRM, 0–1)"), tr("Terrain ruggedness index (TRI, Riley, m)")]


class TerrainAlgorithm(SnowLeopardAlgorithm):
    """Terrain metrics in one pass over the DEM, and the ridgelines as segments."""

    NAME = "terrain"
    GROUP_ID = "coverage"

    DEM = "DEM"
    TARGET_CRS = "TARGET_CRS"
    TPI_RADIUS = "TPI_RADIUS"
    RUGGEDNESS_METHOD = "RUGGEDNESS_METHOD"
    VRM_WINDOW = "VRM_WINDOW"
    COMPUTE_EDGES = "COMPUTE_EDGES"
    RIDGE_TPI_MIN = "RIDGE_TPI_MIN"
    RIDGE_MIN_LENGTH = "RIDGE_MIN_LENGTH"
    SEGMENT_LENGTH = "SEGMENT_LENGTH"
    SLOPE = "SLOPE"
    RUGGEDNESS = "RUGGEDNESS"
    TPI = "TPI"
    RIDGES = "RIDGES"
    SADDLES = "SADDLES"
    RIDGE_KM = "RIDGE_KM"
    RIDGE_SEGMENTS = "RIDGE_SEGMENTS"
    SADDLE_COUNT = "SADDLE_COUNT"

    TAGS = ("terrain", "DEM", "slope", "ruggedness", "VRM", "TRI", "TPI", "ridge", "ridgeline", "saddle")

    def tags_translated(self) -> str:
        return tr("terrain, relief, DEM, slope, ruggedness, ridge, ridgeline, saddle")

    def displayName(self) -> str:
        return tr("Terrain and ridgelines")

    def group(self) -> str:
        return tr("Coverage and gaps")

    def shortHelpString(self) -> str:
        return tr(
            "From a DEM with elevations in metres: slope in degrees (Horn, as gdaldem), "
            "ruggedness (VRM 0–1 over a square window, or Riley's TRI in metres, as gdaldem TRI), topographic "
            "position (TPI, metres above the mean of a circle of the given radius) and the ridgelines as a line "
            "layer cut into segments, with the saddles along them.\n\n"
            "Ridges: cells whose TPI over the circle exceeds the minimum, thinned to one-cell lines along the "
            "crest, traced, cleaned of stubs shorter than the minimum length and cut into segments no longer than "
            "the segment length. They stop about twice the TPI radius from the DEM's edge and from nodata: use a "
            "DEM reaching that far beyond the park.\n\n"
            "Without 'Compute edges', cells whose window leaves the DEM are left empty, as gdaldem does. The "
            "rasters are saved with their styles (.qml) beside them.\n\n"
            "The work is done in metres: in the CRS to work in when one is given, else the DEM's own CRS, or for a "
            "DEM in degrees (SRTM, Copernicus) the UTM zone of its centre. A DEM in another CRS is read warped "
            "(bilinear, square cells); the file itself is never changed.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(dem_parameter(self.DEM))
        self.addParameter(advanced(metres_parameter(self.TPI_RADIUS, tr("TPI radius (also the scale of the ridges)"),
                                                    300.0, self.DEM, minValue=0.0)))
        self.addParameter(QgsProcessingParameterEnum(self.RUGGEDNESS_METHOD, tr("Ruggedness measure"),
                                                     ruggedness_options(), defaultValue=0))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.VRM_WINDOW, tr("VRM window (cells, odd)"),
                                                                QgsProcessingParameterNumber.Integer, 3,
                                                                minValue=3)))
        self.addParameter(advanced(QgsProcessingParameterBoolean(self.COMPUTE_EDGES, tr("Compute edges"), False)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.RIDGE_TPI_MIN, tr("Ridge: minimum TPI (m above the surroundings)"),
            QgsProcessingParameterNumber.Double, 5.0, minValue=0.0)))
        self.addParameter(advanced(metres_parameter(self.RIDGE_MIN_LENGTH, tr("Ridge: drop stubs shorter than"),
                                                    500.0, self.DEM, minValue=0.0)))
        self.addParameter(advanced(metres_parameter(self.SEGMENT_LENGTH, tr("Ridge: maximum segment length"),
                                                    1000.0, self.DEM, minValue=0.0)))
        self.addParameter(target_crs_parameter(self.TARGET_CRS))
        self.addParameter(QgsProcessingParameterRasterDestination(self.SLOPE, tr("Slope (degrees)")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.RUGGEDNESS, tr("Ruggedness")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.TPI, tr("Topographic position (TPI, m)")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.RIDGES, tr("Ridgelines"),
                                                            QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(self.SADDLES, tr("Saddles"),
                                                            QgsProcessing.TypeVectorPoint, optional=True,
                                                            createByDefault=False))
        self.add_number_outputs(((self.RIDGE_KM, tr("Ridgelines (km)")),
                                 (self.RIDGE_SEGMENTS, tr("Ridge segments")),
                                 (self.SADDLE_COUNT, tr("Saddles"))))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.analysis import ridges, terrain
        from ..core.raster import check_grid_size, write_geotiff
        from ..qgis_io import (
            analysis_crs,
            check_dem_values,
            check_raster_size,
            geodataframe_fields,
            read_raster_layer,
            write_geodataframe,
        )

        layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        if layer is None:
            raise QgsProcessingException(tr("Choose a DEM."))
        crs = analysis_crs([layer], context, feedback,
                           self.parameterAsCrs(parameters, self.TARGET_CRS, context)
                           if parameters.get(self.TARGET_CRS) else None)
        check_raster_size(layer, layer.name(), TERRAIN_MAX_CELLS)
        dem, grid = read_raster_layer(layer, layer.name(), crs=crs, feedback=feedback)
        self.run_core(check_grid_size, grid)  # a warped DEM can grow
        dem = check_dem_values(dem, layer.name(), feedback)
        radius = self.parameterAsDouble(parameters, self.TPI_RADIUS, context)
        rugged = "tri" if self.parameterAsEnum(parameters, self.RUGGEDNESS_METHOD, context) == 1 else "vrm"
        window = self.parameterAsInt(parameters, self.VRM_WINDOW, context)
        if window % 2 == 0:
            raise QgsProcessingException(tr("The VRM window must be an odd number of cells (3, 5, 7, ...); got "
                                            "{value}.").format(value=window))
        edges = "extrapolate" if self.parameterAsBool(parameters, self.COMPUTE_EDGES, context) else "nan"
        outputs = {self.SLOPE: self.parameterAsOutputLayer(parameters, self.SLOPE, context),
                   self.RUGGEDNESS: self.parameterAsOutputLayer(parameters, self.RUGGEDNESS, context),
                   self.TPI: self.parameterAsOutputLayer(parameters, self.TPI, context)}
        feedback.pushInfo(tr("DEM: {cols} x {rows} cells of {pixel:g} m").format(cols=grid.width, rows=grid.height,
                                                                                 pixel=grid.pixel))
        # ridges first: every check on the DEM and the parameters runs before any file is written
        feedback.setProgressText(tr("Ridgelines"))
        network = self.run_core(ridges.extract_ridges, dem, grid,
                                min_length_m=self.parameterAsDouble(parameters, self.RIDGE_MIN_LENGTH, context),
                                segment_length_m=self.parameterAsDouble(parameters, self.SEGMENT_LENGTH, context),
                                tpi_radius_m=radius,
                                tpi_min_m=self.parameterAsDouble(parameters, self.RIDGE_TPI_MIN, context),
                                feedback=Scaled(feedback, 0, 50))
        network.skeleton = None  # one boolean grid less in memory
        feedback.setProgressText(tr("Slope, ruggedness, TPI"))
        metrics = self.run_core(terrain.terrain_metrics, dem, grid, ("slope", rugged, "tpi"), tpi_radius_m=radius,
                                vrm_window=window, edges=edges, min_coverage=1.0 if edges == "nan" else 0.5,
                                dtype=np.float32, feedback=Scaled(feedback, 50, 90))
        del dem
        for key, name in ((self.SLOPE, "slope"), (self.RUGGEDNESS, rugged), (self.TPI, "tpi")):
            self.run_core(write_geotiff, outputs[key], metrics.pop(name), grid, nodata=-9999.0)
            self.style_raster(outputs[key], name)
        lines = network.lines
        fields = geodataframe_fields(lines)
        sink, ridges_id = self.parameterAsSink(parameters, self.RIDGES, context, fields, QgsWkbTypes.LineString,
                                               crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.RIDGES))
        write_geodataframe(lines, sink, fields, feedback)
        result = {self.SLOPE: outputs[self.SLOPE], self.RUGGEDNESS: outputs[self.RUGGEDNESS],
                  self.TPI: outputs[self.TPI], self.RIDGES: ridges_id,
                  self.RIDGE_KM: float(lines["length_km"].sum()) if len(lines) else 0.0,
                  self.RIDGE_SEGMENTS: int(len(lines)), self.SADDLE_COUNT: int(len(network.saddles))}
        self.style_after_run(ridges_id, "ridges")
        saddles_sink, saddles_id = None, None
        if parameters.get(self.SADDLES):
            saddle_fields = geodataframe_fields(network.saddles)
            saddles_sink, saddles_id = self.parameterAsSink(parameters, self.SADDLES, context, saddle_fields,
                                                            QgsWkbTypes.Point, crs)
            if saddles_sink is not None:
                write_geodataframe(network.saddles, saddles_sink, saddle_fields, feedback)
                result[self.SADDLES] = saddles_id
                self.style_after_run(saddles_id, "saddles")
        feedback.pushInfo(tr("Ridgelines: {count} segments, {km:.1f} km; saddles: {saddles}").format(
            count=len(lines), km=result[self.RIDGE_KM], saddles=len(network.saddles)))
        feedback.setProgress(100)
        return result
