"""``snowleopard:habitat``: habitat suitability 0–1 from DEM rules, or from the park's own habitat layer."""

from __future__ import annotations

import math

from qgis.core import (
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..core.exceptions import QT_TR_NOOP
from ..i18n import tr
from .base import (
    Scaled,
    SnowLeopardAlgorithm,
    advanced,
    dem_parameter,
    extent_parameter,
    pixel_size_parameter,
    target_crs_parameter,
)

#: (parameter, label, default, unit) of the DEM rules; defaults are core.habitat.ALTAI_DEFAULTS.
RULES = (
    ("ELEV_MIN", QT_TR_NOOP("Elevation: unsuitable below (m)"), 1200.0),
    ("ELEV_OPT_MIN", QT_TR_NOOP("Elevation: fully suitable from (m)"), 1800.0),
    ("ELEV_OPT_MAX", QT_TR_NOOP("Elevation: fully suitable up to (m)"), 3300.0),
    ("ELEV_MAX", QT_TR_NOOP("Elevation: unsuitable above (m)"), 3900.0),
    ("SLOPE_MIN", QT_TR_NOOP("Slope: unsuitable below (degrees)"), 8.0),
    ("SLOPE_OPT", QT_TR_NOOP("Slope: fully suitable from (degrees)"), 25.0),
    ("VRM_MIN", QT_TR_NOOP("Ruggedness: lowest score at VRM"), 0.0),
    ("VRM_OPT", QT_TR_NOOP("Ruggedness: fully suitable from VRM"), 0.01),
    ("VRM_FLOOR", QT_TR_NOOP("Ruggedness: lowest score (0–1)"), 0.3),
    ("RIDGE_NEAR", QT_TR_NOOP("Ridge: fully suitable within (m)"), 300.0),
    ("RIDGE_FAR", QT_TR_NOOP("Ridge: lowest score beyond (m)"), 1500.0),
    ("RIDGE_FLOOR", QT_TR_NOOP("Ridge: lowest score (0–1)"), 0.3),
    ("WEIGHT_ELEV", QT_TR_NOOP("Weight of elevation (0: rule off)"), 1.0),
    ("WEIGHT_SLOPE", QT_TR_NOOP("Weight of slope (0: rule off)"), 1.0),
    ("WEIGHT_RUGGEDNESS", QT_TR_NOOP("Weight of ruggedness (0: rule off)"), 0.5),
    ("WEIGHT_RIDGE", QT_TR_NOOP("Weight of ridge distance (0: rule off)"), 0.5),
)


def combine_options():
    """Ways to combine the rule scores, in the order of core.habitat.COMBINE_MODES."""
    return [tr("Weighted geometric mean"), tr("Product"), tr("Minimum")]


class HabitatAlgorithm(SnowLeopardAlgorithm):
    """Habitat suitability raster (0..1)."""

    NAME = "habitat"
    GROUP_ID = "coverage"

    DEM = "DEM"
    TARGET_CRS = "TARGET_CRS"
    HABITAT_LAYER = "HABITAT_LAYER"
    HABITAT_FIELD = "HABITAT_FIELD"
    HABITAT_SCALE = "HABITAT_SCALE"
    RIDGES = "RIDGES"
    COMBINE = "COMBINE"
    PIXEL_SIZE = "PIXEL_SIZE"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"
    SUITABLE_KM2 = "SUITABLE_KM2"
    MEAN_SUITABILITY = "MEAN_SUITABILITY"

    TAGS = ("habitat", "suitability", "DEM", "elevation", "slope", "ruggedness", "ridge")

    def tags_translated(self) -> str:
        return tr("habitat, suitability, elevation, slope, ruggedness, ridge")

    def displayName(self) -> str:
        return tr("Habitat suitability")

    def group(self) -> str:
        return tr("Coverage and gaps")

    def shortHelpString(self) -> str:
        return tr(
            "Habitat suitability from 0 (unsuitable) to 1, on the DEM's grid.\n\n"
            "From a DEM: each rule scores its variable 0–1 with a trapezoid (0 below the 'unsuitable' value, "
            "rising linearly to 1 at the 'fully suitable' value, and for elevation down again to 0 at the upper "
            "limit; ruggedness and ridge distance never score below their lowest score). Elevation, slope (Horn), "
            "ruggedness (VRM 3x3) and distance to the nearest ridge are combined by a weighted geometric mean "
            "(any zero gives 0), a product or the minimum. A weight of 0 switches a rule off. The defaults are "
            "starting values for the Altai (see docs/terrain.md: most are assumptions to calibrate on the park's "
            "own records). Give the ridgelines from 'Terrain and ridgelines', or they are extracted from the DEM "
            "with the default settings.\n\n"
            "From a habitat layer the park already has: polygons (value 1 inside, or a 0–1 field) are rasterised "
            "by the cell-centre rule; a raster is averaged onto the grid (divide by the scale, e.g. 100 for a "
            "0–100 % map). The grid is the DEM's when a DEM is given, else the pixel size over the extent (default: "
            "the layer's extent).\n\n"
            "Layers in another CRS are reprojected on the fly (rasters read warped); the result is in the CRS to "
            "work in when one is given, else the DEM's (or the habitat layer's) CRS, or the UTM zone of a layer in "
            "degrees.")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(dem_parameter(self.DEM, optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.HABITAT_LAYER, tr("Or: the park's habitat layer (polygons or raster)"), optional=True,
            types=[QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeRaster]))
        self.addParameter(QgsProcessingParameterField(self.HABITAT_FIELD, tr("Habitat polygons: 0–1 suitability "
                                                                            "field (empty: 1 inside)"), None,
                                                      self.HABITAT_LAYER, QgsProcessingParameterField.Numeric,
                                                      optional=True))
        self.addParameter(advanced(QgsProcessingParameterNumber(self.HABITAT_SCALE,
                                                                tr("Habitat raster: divide values by"),
                                                                QgsProcessingParameterNumber.Double, 1.0,
                                                                minValue=0.0)))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RIDGES, tr("Ridgelines (for the ridge rule)"),
                                                              [QgsProcessing.TypeVectorLine], optional=True))
        for key, label, default in RULES:
            self.addParameter(advanced(QgsProcessingParameterNumber(key, tr(label),
                                                                    QgsProcessingParameterNumber.Double, default)))
        self.addParameter(advanced(QgsProcessingParameterEnum(self.COMBINE, tr("Combine the rules by"),
                                                              combine_options(), defaultValue=0)))
        self.addParameter(pixel_size_parameter(self.PIXEL_SIZE, tr("Pixel size (without a DEM)"), 100.0))
        self.addParameter(extent_parameter(self.EXTENT))
        self.addParameter(target_crs_parameter(self.TARGET_CRS))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Habitat suitability")))
        self.add_number_outputs(((self.SUITABLE_KM2, tr("Suitable habitat (≥ 0.5, km²)")),
                                 (self.MEAN_SUITABILITY, tr("Mean suitability (0–1)"))))

    # -- rules ----------------------------------------------------------------------------------------------------

    def _rules(self, parameters, context):
        from dataclasses import replace

        from ..core.analysis.habitat import ALTAI_DEFAULTS, COMBINE_MODES, Ramp

        v = {key: self.parameterAsDouble(parameters, key, context) for key, _, _ in RULES}
        for key, value in v.items():
            if not math.isfinite(value) or (key.startswith("WEIGHT") and value < 0):
                raise QgsProcessingException(tr("The rule parameter {name} must be a number (weights: 0 or more); "
                                                "got {value}.").format(name=key, value=value))
        weights = {"elevation": v["WEIGHT_ELEV"], "slope": v["WEIGHT_SLOPE"], "ruggedness": v["WEIGHT_RUGGEDNESS"],
                   "ridge": v["WEIGHT_RIDGE"]}
        ramps = {
            "elevation": (v["ELEV_MIN"], v["ELEV_OPT_MIN"], v["ELEV_OPT_MAX"], v["ELEV_MAX"], 0.0),
            "slope": (v["SLOPE_MIN"], v["SLOPE_OPT"], math.inf, math.inf, 0.0),
            "ruggedness": (v["VRM_MIN"], v["VRM_OPT"], math.inf, math.inf, v["VRM_FLOOR"]),
            "ridge": (-math.inf, -math.inf, v["RIDGE_NEAR"], v["RIDGE_FAR"], v["RIDGE_FLOOR"]),
        }
        built = {}
        for name, args in ramps.items():
            if weights[name] == 0:
                built[name] = None
                continue
            built[name] = self.run_core(Ramp, *args)
        if all(r is None for r in built.values()):
            raise QgsProcessingException(tr("All habitat rules have weight 0: give at least one rule a positive "
                                            "weight."))
        combine = COMBINE_MODES[self.parameterAsEnum(parameters, self.COMBINE, context)]
        return replace(ALTAI_DEFAULTS, elevation_m=built["elevation"], slope_deg=built["slope"],
                       ruggedness_vrm=built["ruggedness"], ridge_distance_m=built["ridge"],
                       weights={k: w for k, w in weights.items() if w > 0}, combine=combine)

    # -- run ------------------------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.analysis import habitat
        from ..core.raster import Grid, check_grid_size, write_geotiff
        from ..qgis_io import (
            analysis_crs,
            check_dem_values,
            crs_text,
            layer_extent,
            read_raster_layer,
            source_to_geodataframe,
            to_crs,
        )

        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        hab_layer = self.parameterAsLayer(parameters, self.HABITAT_LAYER, context)
        if dem_layer is None and hab_layer is None:
            raise QgsProcessingException(tr("Give a DEM (habitat from rules) or the park's habitat layer."))
        crs = analysis_crs([dem_layer, hab_layer], context, feedback,
                           self.parameterAsCrs(parameters, self.TARGET_CRS, context)
                           if parameters.get(self.TARGET_CRS) else None)
        to = to_crs(crs, context)
        extent = self.extent_box(parameters, context, crs, self.EXTENT)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        if hab_layer is None:  # rules on the DEM
            rules = self._rules(parameters, context)
            dem, grid = read_raster_layer(dem_layer, dem_layer.name(), extent, crs, feedback)
            dem = check_dem_values(dem, dem_layer.name(), feedback)
            ridges = None
            if rules.ridge_distance_m is not None:
                source = self.parameterAsSource(parameters, self.RIDGES, context)
                if source is not None:
                    ridges = source_to_geodataframe(source, (), feedback, destination=to)
                    if len(ridges) == 0:
                        feedback.pushWarning(tr("The ridgelines layer is empty: every cell scores the ridge rule's "
                                                "lowest score."))
                else:
                    feedback.pushInfo(tr("No ridgelines given: extracting them from the DEM (default settings)."))
            suitability = self.run_core(habitat.habitat_from_dem, dem, grid, rules, ridges,
                                        Scaled(feedback, 0, 90))
            del dem
        elif hab_layer.type() == QgsMapLayerType.RasterLayer:
            scale = self.parameterAsDouble(parameters, self.HABITAT_SCALE, context) or None
            if dem_layer is not None:
                _, grid = read_raster_layer(dem_layer, dem_layer.name(), extent, crs, feedback)
                values, src_grid = read_raster_layer(hab_layer, hab_layer.name(), None, crs, feedback, "nearest")
                suitability = self.run_core(habitat.habitat_from_raster, values, grid, src_grid,
                                            resampling="average", scale=scale)
                del values
            else:
                values, grid = read_raster_layer(hab_layer, hab_layer.name(), extent, crs, feedback, "nearest")
                suitability = np.clip(values / scale if scale else values, 0.0, 1.0)
        else:  # habitat polygons
            field = self.parameterAsString(parameters, self.HABITAT_FIELD, context)
            if dem_layer is not None:
                _, grid = read_raster_layer(dem_layer, dem_layer.name(), extent, crs, feedback)
            else:
                pixel = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
                if not pixel > 0:
                    raise QgsProcessingException(tr("Give a positive pixel size (metres)."))
                box = extent
                if box is None:
                    rect = layer_extent(hab_layer, crs, context)
                    box = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
                grid = self.run_core(check_grid_size, Grid.from_extent(*box, pixel, crs_text(crs)))
            from qgis.core import QgsRectangle

            xmin, ymin, xmax, ymax = grid.extent
            polygons = source_to_geodataframe(hab_layer, (field,) if field else (), feedback,
                                              QgsRectangle(xmin, ymin, xmax, ymax), to)
            if len(polygons) == 0:
                raise QgsProcessingException(tr("The habitat layer {layer} has no polygon in the extent: check its "
                                                "CRS and the extent.").format(layer=hab_layer.name()))
            values = None
            if field:
                values = np.array([np.nan if v is None else float(v) for v in polygons[field]])
                values = np.where(np.isfinite(values), values, 0.0)
            suitability = self.run_core(habitat.habitat_from_polygons, list(polygons.geometry.values), grid,
                                        values)
        self.run_core(write_geotiff, output, suitability, grid, nodata=-9999.0)
        self.style_raster(output, "habitat")
        finite = suitability[np.isfinite(suitability)]
        cell_km2 = grid.pixel * grid.pixel / 1e6
        suitable_km2 = float((finite >= 0.5).sum()) * cell_km2
        mean = float(finite.mean()) if finite.size else 0.0
        feedback.pushInfo(tr("Suitable (≥ 0.5): {area:.1f} km²; mean suitability {mean:.2f}").format(
            area=suitable_km2, mean=mean))
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.SUITABLE_KM2: suitable_km2, self.MEAN_SUITABILITY: mean}
