"""``snowleopard:importseason``: field files → one styled, validated season GeoPackage."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ..i18n import tr
from .base import CoreFeedback, SnowLeopardAlgorithm, advanced, dem_parameter


class ImportSeasonAlgorithm(SnowLeopardAlgorithm):
    """Import GPX/KML/CSV/camera-trap files into a season GeoPackage."""

    NAME = "importseason"
    GROUP_ID = "data"

    ROUTES = "ROUTES"
    OBSERVATIONS = "OBSERVATIONS"
    CAMERAS = "CAMERAS"
    DETECTIONS = "DETECTIONS"
    CRS = "CRS"
    DEM = "DEM"
    FIELD_MAPPING = "FIELD_MAPPING"
    OUTPUT = "OUTPUT"

    COUNTS = ("ROUTES_COUNT", "OBSERVATIONS_COUNT", "CAMERAS_COUNT", "DETECTIONS_COUNT", "VALIDATION_COUNT")
    SEASON_EPSG = "SEASON_EPSG"

    TAGS = ("import", "season", "GPX", "KML", "CSV", "NextGIS", "Camtrap DP", "secr", "GeoPackage", "validation")

    def tags_translated(self) -> str:
        return tr("import, season, routes, signs, camera traps, GeoPackage, validation")

    def displayName(self) -> str:
        return tr("Import census season")

    def group(self) -> str:
        return tr("Season data")

    def shortHelpString(self) -> str:
        return tr(
            "Reads the season's field files and writes one season GeoPackage with the layers routes, observations, "
            "cameras, detections and validation, in the UTM zone of the data (or the CRS you choose).\n\n"
            "Routes: GPX tracks (Garmin, phones, OsmAnd, Locus), KML/KMZ, GeoJSON, GeoPackage, Shapefile.\n"
            "Observations: sign tables (CSV or text from a spreadsheet, UTF-8 or cp1251, Russian or English headers, "
            "coordinates in degrees, degrees-minutes or degrees-minutes-seconds), GPX waypoints, NextGIS exports.\n"
            "Cameras: a Camtrap DP datapackage.json (its animal observations become detections), a secr traps file, "
            "or a station table. Detections: a secr capture file or a detection table.\n\n"
            "A saved field mapping (JSON) names the column of each data model field when the headers are not "
            "recognised, e.g. {\"obs_type\": \"Вид знака\", \"lat\": \"N\", \"lon\": \"E\"}; it may be split by "
            "table: {\"observations\": {...}, \"cameras\": {...}}.\n\n"
            "Everything that was fixed, flagged or rejected is listed in the validation layer. Input files are never "
            "changed; on error no GeoPackage is left behind.")

    def initAlgorithm(self, config=None) -> None:
        for key, label in (
            (self.ROUTES, tr("Route files (GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile)")),
            (self.OBSERVATIONS, tr("Sign observation files (CSV, text, GPX waypoints, GeoJSON)")),
            (self.CAMERAS, tr("Camera files (Camtrap DP datapackage.json, secr traps, station table)")),
            (self.DETECTIONS, tr("Detection files (secr capture file, detection table)")),
        ):
            self.addParameter(QgsProcessingParameterMultipleLayers(key, label, QgsProcessing.TypeFile, optional=True))
        self.addParameter(advanced(QgsProcessingParameterCrs(self.CRS, tr("Metric CRS (default: UTM zone of the "
                                                                          "data)"), optional=True)))
        self.addParameter(dem_parameter(self.DEM, tr("DEM for surface distances"), optional=True))
        self.addParameter(advanced(QgsProcessingParameterFile(
            self.FIELD_MAPPING, tr("Saved field mapping (JSON: data model field → column header)"),
            extension="json", optional=True)))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Season GeoPackage"),
                                                                tr("GeoPackage (*.gpkg)")))
        self.add_number_outputs(zip(self.COUNTS, (tr("Routes"), tr("Observations"), tr("Cameras"), tr("Detections"),
                                                  tr("Validation rows"))))
        self.add_number_outputs(((self.SEASON_EPSG, tr("EPSG code of the season's CRS")),))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.season import build as season
        from ..qgis_io import save_season_styles

        files = {key: [path for path in self.parameterAsFileList(parameters, key, context) if path]
                 for key in (self.ROUTES, self.OBSERVATIONS, self.CAMERAS, self.DETECTIONS)}
        if not any(files.values()):
            raise QgsProcessingException(tr("Give at least one field file: routes, observations, cameras or "
                                            "detections."))
        for paths in files.values():
            for path in paths:
                if not os.path.exists(path):
                    raise QgsProcessingException(tr("The file {path} does not exist.").format(path=path))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        crs_text = crs.authid() if crs.isValid() and crs.authid() else (crs.toWkt() if crs.isValid() else None)
        if crs.isValid() and crs.isGeographic():
            raise QgsProcessingException(tr("The CRS {crs} is geographic (degrees); choose a metric CRS such as the "
                                            "UTM zone of the park.").format(crs=crs.authid()))
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        dem = dem_layer.source() if dem_layer is not None else None
        mapping = None
        mapping_path = self.parameterAsFile(parameters, self.FIELD_MAPPING, context)
        if mapping_path:
            from ..core.io.mapping import load_mapping

            mapping = self.run_core(load_mapping, mapping_path)

        result = self.run_core(
            season.build_season,
            routes=files[self.ROUTES], observations=files[self.OBSERVATIONS], cameras=files[self.CAMERAS],
            detections=files[self.DETECTIONS], output=output, crs=crs_text, dem=dem, translate=tr,
            feedback=CoreFeedback(feedback), mapping=mapping)
        from ..core.model import SEASON_LAYERS

        counts = {layer: int(result[layer]) for layer in SEASON_LAYERS}
        feedback.pushInfo(tr("Season CRS: EPSG:{epsg}").format(epsg=result["epsg"]))
        for layer, count in counts.items():
            feedback.pushInfo(tr("{layer}: {count}").format(layer=layer, count=count))
        save_season_styles(output, feedback=feedback)
        self._output = output
        return {self.OUTPUT: output, self.SEASON_EPSG: int(result["epsg"]) if result.get("epsg") else 0,
                **{f"{layer.upper()}_COUNT": count for layer, count in counts.items()}}

    def postProcessAlgorithm(self, context, feedback):
        from ..qgis_io import add_season_to_project

        project = context.project()
        if project is not None and getattr(self, "_output", None):
            add_season_to_project(self._output, project)
        return {}
