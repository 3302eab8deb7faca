"""The one bridge between QGIS (layers, projects, styles) and the core's data.

The core reads and writes files (GeoPackage, GeoTIFF) and works on
GeoDataFrames and numpy arrays; this module turns QGIS layers into what the
core takes, loads what it wrote as layers, and styles them. Nothing else in
the plugin converts between the two.
"""

from __future__ import annotations

import base64
import contextlib
import os
from typing import Dict, Iterator, List, Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsLayerTreeGroup,
    QgsMarkerSymbol,
    QgsProject,
    QgsRendererCategory,
    QgsSvgMarkerSymbolLayer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..__about__ import plugin_file
from ..i18n import tr
from ..labels import layer_labels, obs_type_labels, severity_labels

#: Qualitative colours for teams (ColorBrewer Dark2 + Set1), readable on a hillshade.
TEAM_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#377eb8",
                "#e41a1c", "#4daf4a")

#: Marker per sign type: (shape or "paw", fill colour, size in mm).
SIGN_MARKERS = {
    "track": ("paw", "#7a3b00", 4.2),
    "scrape": ("triangle", "#c0392b", 3.2),
    "scat": ("circle", "#8e5a2b", 2.8),
    "scent_mark": ("diamond", "#d4a017", 3.2),
    "mating_call": ("star", "#8e44ad", 4.0),
    "sighting": ("star", "#e31a1c", 5.0),
    "prey_remains": ("cross_fill", "#2c3e50", 3.2),
    "other": ("circle", "#95a5a6", 2.2),
}

SEVERITY_COLOURS = {"info": "#3182bd", "warning": "#fd8d3c", "error": "#de2d26"}


@contextlib.contextmanager
def inputs_left_alone() -> Iterator[None]:
    """Keep GDAL from writing ``.aux.xml`` statistics files beside the user's input rasters.

    Loading a raster layer makes QGIS compute its statistics, and GDAL caches them in a
    sidecar file next to the raster: the DEM's folder would change under the user's feet.
    The option is set for this thread only (the algorithm's worker), then restored.
    """
    from osgeo import gdal

    old = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", old)


def new_field(name: str, kind: str):
    """A QgsField of a plain type (``str``, ``int``, ``int64``, ``float``, ``bool``).

    QGIS 3.38+ (and QGIS 4 on Qt 6) types fields with QMetaType; older QGIS with QVariant.
    """
    from qgis.core import Qgis, QgsField

    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = {"str": QMetaType.Type.QString, "int": QMetaType.Type.Int, "int64": QMetaType.Type.LongLong,
                 "float": QMetaType.Type.Double, "bool": QMetaType.Type.Bool}
    else:
        from qgis.PyQt.QtCore import QVariant

        types = {"str": QVariant.String, "int": QVariant.Int, "int64": QVariant.LongLong, "float": QVariant.Double,
                 "bool": QVariant.Bool}
    return QgsField(name, types[kind])


def season_layer(gpkg: str, name: str, title: Optional[str] = None) -> QgsVectorLayer:
    """One layer of a season GeoPackage as a QGIS vector layer."""
    return QgsVectorLayer(f"{gpkg}|layername={name}", title or name, "ogr")


def _embedded_svg(path: str) -> str:
    """An SVG file as QGIS's ``base64:`` content, so styles work without the plugin installed."""
    with open(path, "rb") as handle:
        return "base64:" + base64.b64encode(handle.read()).decode("ascii")


def _marker(shape: str, colour: str, size: float) -> QgsMarkerSymbol:
    if shape == "paw":
        symbol = QgsMarkerSymbol()
        svg = QgsSvgMarkerSymbolLayer(_embedded_svg(plugin_file("resources", "icons", "paw.svg")), size)
        svg.setFillColor(QColor(colour))
        symbol.changeSymbolLayer(0, svg)
        return symbol
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#ffffff",
                                         "outline_width": "0.3", "size": str(size)})


def _values(layer: QgsVectorLayer, field: str) -> List[str]:
    index = layer.fields().indexOf(field)
    if index < 0:
        return []
    return sorted(str(v) for v in layer.uniqueValues(index) if v is not None and str(v) != "NULL")


def style_layer(layer: QgsVectorLayer, name: str) -> None:
    """Give a season layer its default look (categories labelled in the user's language)."""
    if name == "routes":
        categories = []
        for i, team in enumerate(_values(layer, "team")):
            symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
            symbol.setColor(QColor(TEAM_COLOURS[i % len(TEAM_COLOURS)]))
            symbol.setWidth(0.8)
            categories.append(QgsRendererCategory(team, symbol, team))
        other = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
        other.setColor(QColor("#555555"))
        other.setWidth(0.6)
        categories.append(QgsRendererCategory(None, other, tr("Team not recorded")))
        layer.setRenderer(QgsCategorizedSymbolRenderer("team", categories))
    elif name == "observations":
        labels = obs_type_labels()
        categories = [QgsRendererCategory(code, _marker(*SIGN_MARKERS[code]), labels[code]) for code in SIGN_MARKERS]
        layer.setRenderer(QgsCategorizedSymbolRenderer("obs_type", categories))
    elif name == "cameras":
        symbol = QgsMarkerSymbol.createSimple({"name": "square", "color": "#08306b", "outline_color": "#ffffff",
                                               "outline_width": "0.4", "size": "3.4"})
        layer.renderer().setSymbol(symbol)
    elif name == "detections":
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "231,41,138,153", "outline_color": "#ffffff",
                                               "outline_width": "0.2", "size": "2.2"})
        layer.renderer().setSymbol(symbol)
    elif name == "validation":
        labels = severity_labels()
        categories = []
        for code, colour in SEVERITY_COLOURS.items():
            symbol = QgsMarkerSymbol.createSimple({"name": "cross2", "color": colour, "outline_color": colour,
                                                   "outline_width": "0.6", "size": "3.6"})
            categories.append(QgsRendererCategory(code, symbol, labels[code]))
        layer.setRenderer(QgsCategorizedSymbolRenderer("severity", categories))
    layer.triggerRepaint()


def save_season_styles(gpkg: str, feedback=None) -> Dict[str, bool]:
    """Style each layer of a season GeoPackage and save it there as the default style.

    The styles go into the GeoPackage's ``layer_styles`` table, so the season
    opens styled in any QGIS, with or without the plugin.
    """
    saved = {}
    for name in layer_labels():
        layer = season_layer(gpkg, name)
        if not layer.isValid():
            continue
        style_layer(layer, name)
        saved[name] = save_default_style(layer, name, feedback)
    return saved


def save_default_style(layer: QgsVectorLayer, fallback_name: str, feedback=None) -> bool:
    """Store a layer's style as its default: in a GeoPackage's ``layer_styles`` (replacing the
    table's earlier default, so a re-run never meets an "overwrite?" question), else as a ``.qml``.

    The style is named after the table (``layername=`` of the source), not the layer's title.
    """
    source = layer.source()
    if layer.providerType() != "ogr" or ".gpkg" not in source.lower():
        _, ok = layer.saveDefaultStyle()
        return bool(ok)
    path, _, options = source.partition("|")
    table = fallback_name
    for option in options.split("|"):
        if option.startswith("layername="):
            table = option[len("layername="):]
    _drop_styles(path, table)
    error = layer.saveStyleToDatabase(table, tr("Snow Leopard Census default style"), True, "")
    message = error[-1] if isinstance(error, tuple) else error
    if message and feedback is not None:
        feedback.reportError(tr("Could not save the style of {layer}: {reason}").format(layer=table, reason=message))
    return not message


def _drop_styles(gpkg: str, table: str) -> None:
    """Remove a table's stored styles from a GeoPackage (no-op when it has no layer_styles table)."""
    from osgeo import ogr

    dataset = ogr.Open(gpkg, 1)
    if dataset is None or dataset.GetLayerByName("layer_styles") is None:
        return
    quoted = table.replace("'", "''")
    dataset.ExecuteSQL(f"DELETE FROM layer_styles WHERE f_table_name = '{quoted}'")  # noqa: S608 - quoted above
    dataset = None


def season_group_name(gpkg: str) -> str:
    """Title of a season's group in the layer tree."""
    return tr("Season {name}").format(name=os.path.splitext(os.path.basename(gpkg))[0])


def add_season_to_project(gpkg: str, project: Optional[QgsProject] = None) -> QgsLayerTreeGroup:
    """Load a season GeoPackage into the project as one group (replacing an older load of it)."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    name = season_group_name(gpkg)
    old = root.findGroup(name)
    if old is not None:
        for layer_id in old.findLayerIds():
            project.removeMapLayer(layer_id)
        root.removeChildNode(old)
    group = root.insertGroup(0, name)
    titles = layer_labels()
    for layer_name in ("routes", "cameras", "detections", "observations", "validation"):
        layer = season_layer(gpkg, layer_name, titles[layer_name])
        if not layer.isValid():
            continue
        project.addMapLayer(layer, False)
        node = group.insertLayer(0, layer)
        node.setItemVisibilityChecked(layer_name != "validation" and layer.featureCount() > 0)
    return group


# Layers → core data ------------------------------------------------------------------------------

def _request(source, feedback, destination):
    """A feature request, reprojecting to ``destination`` (see :func:`to_crs`) when it is another CRS."""
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest()
    if destination is not None:
        source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
        check_has_crs(source_crs, _source_name(source))
        if source_crs != destination[0]:
            request.setDestinationCrs(destination[0], destination[1])
            if feedback is not None and hasattr(feedback, "pushInfo"):
                feedback.pushInfo(tr("{layer} reprojected from {a} to {b}.").format(
                    layer=_source_name(source), a=source_crs.authid() or source_crs.description(),
                    b=destination[0].authid() or destination[0].description()))
    return request


def features_to_arrays(source, fields=(), feedback=None, destination=None):
    """Points of a vector source as numpy arrays in the source's CRS (or ``destination``'s).

    Args:
        source: a QgsVectorLayer or QgsProcessingFeatureSource of points.
        fields: attribute names to return beside the coordinates.
        destination: optional :func:`to_crs` value: reproject the points.

    Returns:
        (x, y, attributes) where attributes maps each field name to a list of
        values (None for NULL); multipoints contribute each of their parts.
    """
    import numpy as np

    xs, ys = [], []
    values = {name: [] for name in fields}
    indices = {name: source.fields().indexOf(name) for name in fields}
    for feature in source.getFeatures(_request(source, feedback, destination)):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        points = geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
        attributes = feature.attributes()
        for point in points:
            xs.append(point.x())
            ys.append(point.y())
            for name, index in indices.items():
                value = attributes[index] if index >= 0 else None
                values[name].append(None if value is None or str(value) == "NULL" else _plain(value))
    return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), values


def lines_to_arrays(source, feedback=None, destination=None):
    """Lines of a vector source as a list of (n, 2) vertex arrays in the source's CRS, or ``destination``'s
    (a :func:`to_crs` value); one array per part."""
    import numpy as np

    parts = []
    for feature in source.getFeatures(_request(source, feedback, destination)):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        lines = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for line in lines:
            if len(line) >= 2:
                parts.append(np.array([(p.x(), p.y()) for p in line], dtype=float))
    return parts


def _plain(value):
    """QVariant-ish QGIS values (QDateTime, QDate) as plain Python values."""
    from qgis.PyQt.QtCore import QDate, QDateTime

    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    return value


def _crs_and_extent(item):
    """(name, CRS, extent in that CRS) of a map layer or a feature source."""
    if hasattr(item, "sourceCrs"):
        return item.sourceName(), item.sourceCrs(), item.sourceExtent()
    return item.name(), item.crs(), item.extent()


def _is_empty(item, extent) -> bool:
    """A layer or source without features (its extent is null)."""
    if extent.isNull():
        return True
    count = item.featureCount() if hasattr(item, "featureCount") else None
    return count == 0


def _scale_error_at(crs, extent, context):
    """:func:`.core.crs.scale_error` of a projected ``crs`` at the centre of ``extent`` (in that CRS)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    from ..core.crs import scale_error

    try:
        to_deg = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
        centre = to_deg.transform(extent.center())
    except Exception:  # noqa: BLE001 - a CRS that cannot be placed is taken as it is
        return None
    return scale_error(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL), centre.x(), centre.y())


def analysis_crs(candidates, context, feedback=None, preferred=None):
    """The metric CRS an algorithm works in, from its inputs in order of preference.

    The first input with a projected CRS that keeps distances true (within ``core.crs.MAX_SCALE_ERROR`` at the
    layer's centre: UTM, Gauss-Krüger, national grids; not Web Mercator) decides. When no input has one (a
    GPX file, an SRTM tile, a Web Mercator export), the analysis runs in the WGS 84 / UTM zone of the centre of
    the first non-empty one, and the feedback says so. Inputs in another CRS are reprojected to it
    (``source_to_geodataframe(..., destination=...)``, ``read_raster_layer(..., crs=...)``).

    Args:
        candidates: map layers or feature sources (None skipped), most authoritative first.
        context: the QgsProcessingContext (its transform context).
        feedback: where the choice of a UTM zone is reported.
        preferred: a CRS the user chose (a ``TARGET_CRS`` parameter), used when valid; it must be metric.

    Returns:
        QgsCoordinateReferenceSystem.
    """
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProcessingException,
    )

    from ..core.crs import MAX_SCALE_ERROR, utm_epsg
    from ..core.exceptions import SnowLeopardError
    from ..i18n import tr_error

    if preferred is not None and preferred.isValid():
        if preferred.isGeographic():
            raise QgsProcessingException(tr("The CRS to work in ({crs}) is in degrees: choose a metric CRS such as "
                                            "the park's UTM zone.").format(crs=preferred.authid()))
        return preferred
    items = [item for item in candidates if item is not None]
    fallback = None
    distorted = {}
    for item in items:
        name, crs, extent = _crs_and_extent(item)
        check_has_crs(crs, name)
        empty = _is_empty(item, extent)
        if not crs.isGeographic():
            error = None if empty else _scale_error_at(crs, extent, context)
            if error is None or error <= MAX_SCALE_ERROR:
                return crs
            distorted[name] = (crs, error)
        if fallback is None and not empty:
            fallback = item
    if fallback is None:
        if items:
            raise QgsProcessingException(tr("The layer {layer} is empty: choose a layer with features.").format(
                layer=_crs_and_extent(items[0])[0]))
        raise QgsProcessingException(tr("No input layer was given."))
    name, crs, extent = _crs_and_extent(fallback)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        box = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(extent)
        epsg = utm_epsg(box.center().x(), box.center().y())
    except SnowLeopardError as error:
        raise QgsProcessingException(tr("The layer {layer} is in geographic coordinates but its extent is not "
                                        "longitude/latitude ({reason}): check that longitude and latitude are not "
                                        "swapped.").format(layer=name, reason=tr_error(error))) from error
    except Exception as error:  # noqa: BLE001 - a transform failure is reported to the user
        raise QgsProcessingException(tr("The layer {layer} is in geographic coordinates and its extent cannot be "
                                        "placed on the globe: check its CRS and coordinates.").format(
            layer=name)) from error
    utm = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    if feedback is not None:
        for other, (other_crs, error) in distorted.items():
            feedback.pushInfo(tr("{layer} is in {crs}, whose distances are {percent:.0f} % off the ground's there; "
                                 "it is reprojected.").format(layer=other, crs=other_crs.authid(),
                                                             percent=100.0 * error))
        if crs.isGeographic():
            feedback.pushInfo(tr("{layer} is in geographic coordinates ({crs}); the analysis runs in metres in {utm} "
                                 "({description}), the UTM zone of its centre, and the outputs are in that "
                                 "CRS.").format(layer=name, crs=crs.authid(), utm=utm.authid(),
                                                description=utm.description()))
        else:
            feedback.pushInfo(tr("The analysis runs in {utm} ({description}), the UTM zone of the centre of "
                                 "{layer}, and the outputs are in that CRS.").format(
                layer=name, utm=utm.authid(), description=utm.description()))
    return utm


def to_crs(crs, context):
    """``destination`` for :func:`source_to_geodataframe`: reproject to ``crs``."""
    return (crs, context.transformContext())


def layer_extent(layer, crs, context):
    """A map layer's extent as a QgsRectangle in ``crs`` (kept as it is when ``crs`` is None or invalid);
    ``context``: anything with a ``transformContext()`` (a Processing context, a project)."""
    from qgis.core import QgsCoordinateTransform

    if crs is None or not crs.isValid() or layer.crs() == crs:
        return layer.extent()
    return QgsCoordinateTransform(layer.crs(), crs, context.transformContext()).transformBoundingBox(layer.extent())


def check_has_crs(crs, name: str) -> None:
    """Refuse a layer without a CRS (its coordinates cannot be placed), saying what to do."""
    from qgis.core import QgsProcessingException

    if not crs.isValid():
        raise QgsProcessingException(tr("The layer {layer} has no CRS: set its CRS (the season's UTM zone) in its "
                                        "properties.").format(layer=name))


def check_metric_crs(crs, name: str) -> None:
    """Refuse a layer in degrees (or with no CRS), with a message that says what to do."""
    from qgis.core import QgsProcessingException

    check_has_crs(crs, name)
    if crs.isGeographic():
        raise QgsProcessingException(tr("The layer {layer} is in geographic coordinates ({crs}); the analysis needs "
                                        "metres: use the season GeoPackage's layers, or reproject to the UTM zone "
                                        "of the park.").format(layer=name, crs=crs.authid()))


# Raster styles --------------------------------------------------------------------------------------

#: A perceptual ramp (magma-like), dark purple to pale yellow.
HEAT_RAMP = ("#000004", "#3b0f70", "#8c2981", "#de4968", "#fe9f6d", "#fcfdbf")


def heatmap_renderer(layer, unit: str):
    """Pseudo-colour renderer from 0 (transparent) to the layer's maximum, with a perceptual ramp."""
    from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer

    stats = layer.dataProvider().bandStatistics(1)
    high = stats.maximumValue if stats.maximumValue > 0 else 1.0
    items = [QgsColorRampShader.ColorRampItem(0.0, QColor(0, 0, 0, 0), "0")]
    for i, colour in enumerate(HEAT_RAMP[1:], start=1):
        value = high * i / (len(HEAT_RAMP) - 1)
        items.append(QgsColorRampShader.ColorRampItem(value, QColor(colour), f"{value:.3g} {unit}"))
    ramp = QgsColorRampShader(0.0, high)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(high)
    return renderer


def style_heatmap_file(path: str, unit: str) -> bool:
    """Style a heatmap GeoTIFF and save the style beside it (``.qml``), so any QGIS opens it styled."""
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(path, os.path.basename(path))
    if not layer.isValid():
        return False
    layer.setRenderer(heatmap_renderer(layer, unit))
    _, ok = layer.saveDefaultStyle()
    return bool(ok)


def crs_text(crs) -> str:
    """A QgsCoordinateReferenceSystem as text the core (GDAL/rasterio) reads: ``EPSG:n`` or GDAL's WKT."""
    from qgis.core import QgsCoordinateReferenceSystem

    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)


# Terrain, habitat, coverage and gaps (issue 5): rasters and vector layers in and out ------------------------------

from ..core.exceptions import QT_TR_NOOP  # noqa: E402 - marks the class labels for translation

#: Slope ramp (degrees): flat pale, steep dark red-purple.
SLOPE_RAMP = ((0.0, "#ffffcc"), (10.0, "#c7e9b4"), (20.0, "#fed976"), (30.0, "#fd8d3c"), (40.0, "#e31a1c"),
              (50.0, "#800026"), (70.0, "#3f007d"))
#: Sequential ramp for ruggedness (light to dark brown).
RUGGEDNESS_RAMP = ("#fff7ec", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000")
#: Diverging ramp for TPI: valleys blue, planes white, ridges brown.
TPI_RAMP = ("#2166ac", "#92c5de", "#f7f7f7", "#dfc27d", "#8c510a")
#: Habitat suitability 0..1, light to dark green.
HABITAT_RAMP = ("#f7fcf5", "#c7e9c0", "#74c476", "#238b45", "#00441b")
#: Coverage codes of core.coverage.coverage_raster: (code, colour with alpha, label).
#: Colours are ``#rrggbb`` with a separate alpha (0..255): Qt reads 8-digit hex as ``#aarrggbb``.
COVERAGE_CLASSES = ((0, "#000000", 0, QT_TR_NOOP("Not covered")),
                    (1, "#1f78b4", 210, QT_TR_NOOP("Searched along routes")),
                    (2, "#ff7f00", 190, QT_TR_NOOP("Sampled by cameras")),
                    (3, "#6a3d9a", 220, QT_TR_NOOP("Routes and cameras")))


def rgba(colour: str, alpha: int = 255) -> QColor:
    """A QColor from ``#rrggbb`` and an alpha 0..255 (never an ambiguous 8-digit hex)."""
    result = QColor(colour)
    result.setAlpha(int(alpha))
    return result


def raster_layer_path(layer, name: str) -> str:
    """The file behind a GDAL raster layer, or a translated error saying what to do."""
    from qgis.core import QgsProcessingException, QgsProviderRegistry

    if layer is None or not layer.isValid():
        raise QgsProcessingException(tr("The raster {layer} cannot be read: choose a valid raster layer.").format(
            layer=name))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(tr("The raster {layer} is not a file (provider {provider}): save it as a "
                                        "GeoTIFF first.").format(layer=name, provider=layer.providerType()))
    path = QgsProviderRegistry.instance().decodeUri("gdal", layer.source()).get("path") or layer.source()
    if not os.path.exists(path):
        raise QgsProcessingException(tr("The raster {layer} is not a local file ({path}): save it as a GeoTIFF "
                                        "first.").format(layer=name, path=path))
    return path


def read_raster_layer(layer, name: str, extent=None, crs=None, feedback=None, resampling: str = "bilinear"):
    """Band 1 of a raster layer as a float64 array (NaN = nodata) with its core ``Grid``.

    Args:
        layer: a QgsRasterLayer backed by a file (GeoTIFF or anything GDAL reads).
        name: the layer's name for messages.
        extent: optional (xmin, ymin, xmax, ymax) in ``crs`` (default: the layer's CRS): only the cells
            meeting it are kept (snapped outwards to whole cells).
        crs: the analysis CRS (:func:`analysis_crs`). A raster in another CRS, or with rotated or
            non-square pixels, is warped to it on the fly (``resampling``; square cells of GDAL's suggested
            size) through a VRT in the Processing temporary folder: the file itself is never changed.
            Default: the layer's CRS, which must then be metric.
        feedback: where a warp is reported.

    Returns:
        (array, grid). The grid's CRS is ``crs`` (or the layer's), as ``crs_text``.
    """
    import numpy as np
    from qgis.core import QgsProcessingException

    from ..core.exceptions import SnowLeopardError
    from ..core.raster import Grid, read_raster
    from ..i18n import tr_error

    if crs is None:
        check_metric_crs(layer.crs(), name)
        crs = layer.crs()
    elif not layer.crs().isValid():
        check_metric_crs(layer.crs(), name)
    path = raster_layer_path(layer, name)
    if layer.crs() != crs or not _north_up_square(path):
        path = _warped(path, layer, name, crs, resampling, feedback)
    try:
        array, grid, _ = read_raster(path)
    except SnowLeopardError as error:
        raise QgsProcessingException(tr_error(error)) from error
    grid = Grid(grid.x0, grid.y0, grid.pixel, grid.width, grid.height, crs_text(crs))
    if extent is not None:
        xmin, ymin, xmax, ymax = extent
        c0 = max(int(np.floor((xmin - grid.x0) / grid.pixel + 1e-9)), 0)
        c1 = min(int(np.ceil((xmax - grid.x0) / grid.pixel - 1e-9)), grid.width)
        r0 = max(int(np.floor((grid.y0 - ymax) / grid.pixel + 1e-9)), 0)
        r1 = min(int(np.ceil((grid.y0 - ymin) / grid.pixel - 1e-9)), grid.height)
        if c1 <= c0 or r1 <= r0:
            raise QgsProcessingException(tr("The extent does not overlap the raster {layer}: choose an extent "
                                            "inside it (same CRS).").format(layer=name))
        array = array[r0:r1, c0:c1].copy()
        grid = Grid(grid.x0 + c0 * grid.pixel, grid.y0 - r0 * grid.pixel, grid.pixel, c1 - c0, r1 - r0, grid.crs)
    return array, grid


def check_dem_values(dem, name: str, feedback=None):
    """Elevations below -1,000 m (an int16 void value such as -32768 left without a nodata flag) become nodata,
    with a warning; the share of the DEM without data is reported (ridges stop short of it)."""
    import numpy as np

    with np.errstate(invalid="ignore"):
        bad = dem < -1000.0
    count = int(bad.sum())
    if count:
        dem[bad] = np.nan
        if feedback is not None:
            feedback.pushWarning(tr("{layer}: {count} cells below -1,000 m (a void value such as -32768 without a "
                                    "nodata flag) were taken as no data. Set the DEM's nodata value.").format(
                layer=name, count=count))
    empty = float(np.isnan(dem).mean()) if dem.size else 0.0
    if empty > 0.001 and feedback is not None:
        feedback.pushInfo(tr("{layer}: {percent:.1f} % of the cells have no data; slopes, TPI and ridges stop "
                             "short of them. Fill small voids first (Raster ▸ Analysis ▸ Fill nodata) if they lie "
                             "inside the park.").format(layer=name, percent=100.0 * empty))
    return dem


def check_raster_size(layer, name: str, limit: int) -> None:
    """A raster layer too large to process in memory is refused before it is read."""
    from qgis.core import QgsProcessingException

    cells = int(layer.width()) * int(layer.height())
    if cells > limit:
        raise QgsProcessingException(tr("{layer} has {cells:,} cells, more than this computer can process at once "
                                        "({limit:,}): clip it to the park, or resample it to a larger cell size "
                                        "(Raster ▸ Projections ▸ Warp).").format(layer=name, cells=cells,
                                                                                limit=limit))


def _north_up_square(path: str) -> bool:
    """True when the raster's pixels are north-up squares (what the core's ``Grid`` needs)."""
    from osgeo import gdal

    with inputs_left_alone():
        dataset = gdal.Open(path)
        if dataset is None:
            return False  # the warp reports what GDAL says
        a, b, _, _, d, e = [dataset.GetGeoTransform()[i] for i in (1, 2, 0, 3, 4, 5)]
        dataset = None
    return b == 0 and d == 0 and e < 0 < a and abs(a + e) <= 1e-6 * a


def _warped(path: str, layer, name: str, crs, resampling: str, feedback) -> str:
    """A VRT warping the raster to ``crs`` with square, north-up cells (nodata kept as NaN)."""
    from osgeo import gdal, osr
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingUtils

    target = osr.SpatialReference()
    target.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    source_wkt = layer.crs().toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)  # the CRS QGIS uses for it
    out = QgsProcessingUtils.generateTempFilename("warped_" + os.path.splitext(os.path.basename(path))[0] + ".vrt")
    try:
        with inputs_left_alone():
            source = gdal.Open(path)
            if source is None:
                raise RuntimeError(gdal.GetLastErrorMsg() or "GDAL cannot open it")
            # GDAL's suggested output: square cells keeping about the same number of cells
            suggested = gdal.Warp("", source, format="VRT", srcSRS=source_wkt, dstSRS=target.ExportToWkt())
            if suggested is None:
                raise RuntimeError(gdal.GetLastErrorMsg() or "no georeferencing")
            transform = suggested.GetGeoTransform()
            pixel = min(abs(transform[1]), abs(transform[5]))
            suggested = None
            if not pixel > 0:
                raise RuntimeError("no cell size")
            band = source.GetRasterBand(1)
            result = gdal.Warp(out, source, format="VRT", srcSRS=source_wkt, dstSRS=target.ExportToWkt(),
                               xRes=pixel, yRes=pixel, resampleAlg=resampling, outputType=gdal.GDT_Float32,
                               srcNodata=band.GetNoDataValue(), dstNodata=float("nan"))
            source = None
            if result is None:
                raise RuntimeError(gdal.GetLastErrorMsg())
            result = None
    except RuntimeError as error:
        raise QgsProcessingException(tr("The raster {layer} cannot be reprojected to {crs}: {reason}. Warp it to "
                                        "{crs} yourself (Raster ▸ Projections ▸ Warp).").format(
            layer=name, crs=crs.authid(), reason=str(error))) from error
    if feedback is not None:
        feedback.pushInfo(tr("{layer} ({a}) is read warped to {b} with square cells of {pixel:.1f} m ({method} "
                             "resampling); the file itself is unchanged.").format(
            layer=name, a=layer.crs().authid() or layer.crs().description(), b=crs.authid() or crs.description(),
            pixel=pixel, method=resampling))
    return out


def _shapely(geometry):
    """A QgsGeometry as a shapely geometry (through WKB)."""
    from shapely import wkb

    return wkb.loads(bytes(geometry.asWkb()))


def _source_name(source) -> str:
    return source.sourceName() if hasattr(source, "sourceName") else source.name()


def source_to_geodataframe(source, fields=(), feedback=None, rect=None, destination=None):
    """A vector source as a GeoDataFrame (features without geometry are skipped).

    Args:
        source: QgsVectorLayer or QgsProcessingFeatureSource.
        fields: attribute names to copy (missing ones are left out); QDate/QDateTime become ISO text.
        feedback: cancellation.
        rect: optional QgsRectangle: only features meeting it (in the destination CRS when one is given,
            else in the source's).
        destination: optional (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext): reproject the
            geometries to that CRS (default: keep the source's CRS).

    Returns:
        geopandas.GeoDataFrame with ``crs_text`` of its CRS.
    """
    import geopandas as gpd

    source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    request = _request(source, feedback, destination)
    if rect is not None:
        request.setFilterRect(rect)  # in the destination CRS when one is set (QgsFeatureRequest's rule)
    present = [name for name in fields if source.fields().indexOf(name) >= 0]
    indices = [source.fields().indexOf(name) for name in present]
    rows = {name: [] for name in present}
    geoms = []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        geoms.append(_shapely(geometry))
        attributes = feature.attributes()
        for name, index in zip(present, indices):
            value = attributes[index]
            rows[name].append(None if value is None or str(value) == "NULL" else _plain(value))
    crs = source_crs if destination is None else destination[0]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=crs_text(crs) if crs.isValid() else None)


def geodataframe_fields(gdf, skip=()):
    """QgsFields for the attribute columns of a GeoDataFrame (int, float, bool, text)."""
    import numpy as np
    from qgis.core import QgsFields

    fields = QgsFields()
    for name in gdf.columns:
        if name == gdf.geometry.name or name in skip:
            continue
        kind = gdf[name].dtype
        if np.issubdtype(kind, np.bool_):
            fields.append(new_field(name, "bool"))
        elif np.issubdtype(kind, np.integer):
            fields.append(new_field(name, "int64"))
        elif np.issubdtype(kind, np.floating):
            fields.append(new_field(name, "float"))
        else:
            fields.append(new_field(name, "str"))
    return fields


def _value(value):
    import math

    import numpy as np

    if value is None:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(float(value)) else float(value)
    return value if isinstance(value, (int, str)) else str(value)


def write_geodataframe(gdf, sink, fields, feedback=None) -> int:
    """Add a GeoDataFrame's rows to a feature sink (attributes by the names of ``fields``); NaN become NULL.

    Returns:
        The number of features written.
    """
    from qgis.core import QgsFeature, QgsFeatureSink, QgsGeometry

    names = [fields.at(i).name() for i in range(fields.count())]
    columns = [gdf[name].to_numpy() if name in gdf.columns else None for name in names]
    count = 0
    for i, geom in enumerate(gdf.geometry.values):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        if geom is not None and not geom.is_empty:
            geometry = QgsGeometry()
            geometry.fromWkb(geom.wkb)
            feature.setGeometry(geometry)
        feature.setAttributes([None if column is None else _value(column[i]) for column in columns])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
        count += 1
    return count


# Styles of the terrain, habitat, coverage and gap outputs ---------------------------------------------------------

def _pseudocolour(layer, stops, minimum: float, maximum: float, labels=None):
    """Interpolated pseudo-colour renderer through colours at evenly spaced or given values."""
    from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer

    if stops and isinstance(stops[0], tuple):
        pairs = list(stops)
    else:
        n = len(stops) - 1
        pairs = [(minimum + (maximum - minimum) * i / n, colour) for i, colour in enumerate(stops)]
    items = []
    for i, (value, colour) in enumerate(pairs):
        label = labels[i] if labels else f"{value:.3g}"
        items.append(QgsColorRampShader.ColorRampItem(float(value), QColor(colour), label))
    ramp = QgsColorRampShader(minimum, maximum)
    ramp.setColorRampType(QgsColorRampShader.Interpolated)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(minimum)
    renderer.setClassificationMax(maximum)
    return renderer


def _percentile_range(path: str, kind: str):
    """(low, high) of a terrain raster for its colour ramp: 2-98 % (TPI: symmetric about 0)."""
    import numpy as np

    from ..core.raster import read_raster

    data, _, _ = read_raster(path)
    values = data[np.isfinite(data)]
    if values.size == 0:
        return 0.0, 1.0
    step = max(1, values.size // 1_000_000)
    values = values[::step]
    if kind == "tpi":
        high = float(np.percentile(np.abs(values), 98)) or 1.0
        return -high, high
    return 0.0, float(np.percentile(values, 98)) or 1.0


def terrain_renderer(layer, kind: str, low: float = 0.0, high: float = 1.0):
    """Renderer of a terrain raster: ``slope`` (fixed degrees ramp), ``tri``/``vrm`` or ``tpi`` (low..high)."""
    if kind == "slope":
        labels = [f"{v:.0f}°" for v, _ in SLOPE_RAMP]
        return _pseudocolour(layer, SLOPE_RAMP, 0.0, SLOPE_RAMP[-1][0], labels)
    if kind == "tpi":
        labels = [tr("valley {value:.0f} m").format(value=low), "", "0", "", tr("ridge +{value:.0f} m").format(
            value=high)]
        return _pseudocolour(layer, TPI_RAMP, low, high, labels)
    unit = " m" if kind == "tri" else ""
    labels = [f"{low + (high - low) * i / 4:.3g}{unit}" for i in range(5)]
    return _pseudocolour(layer, RUGGEDNESS_RAMP, low, high, labels)


def _save_raster_style(path: str, make_renderer) -> bool:
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(path, os.path.basename(path))
    if not layer.isValid():
        return False
    layer.setRenderer(make_renderer(layer))
    _, ok = layer.saveDefaultStyle()
    return bool(ok)


def style_terrain_file(path: str, kind: str) -> bool:
    """Style a terrain GeoTIFF (``slope``, ``tri``, ``vrm``, ``tpi``) and save the ``.qml`` beside it."""
    low, high = (0.0, 1.0) if kind == "slope" else _percentile_range(path, kind)
    return _save_raster_style(path, lambda layer: terrain_renderer(layer, kind, low, high))


def habitat_renderer(layer):
    """Habitat suitability 0..1 as a green ramp (0 drawn almost white)."""
    labels = ["0", "0.25", "0.5", "0.75", "1"]
    return _pseudocolour(layer, HABITAT_RAMP, 0.0, 1.0, labels)


def style_habitat_file(path: str) -> bool:
    """Style a habitat suitability GeoTIFF (0..1, green ramp) and save the ``.qml`` beside it."""
    return _save_raster_style(path, habitat_renderer)


def coverage_renderer(layer, translate=tr):
    """Coverage codes as categories; code 0 (not covered) transparent. ``translate``: the labels' translation
    (default QGIS's language; the report passes its own)."""
    from qgis.core import QgsPalettedRasterRenderer

    classes = [QgsPalettedRasterRenderer.Class(code, rgba(colour, alpha), translate(label))
               for code, colour, alpha, label in COVERAGE_CLASSES]
    return QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)


def style_coverage_file(path: str) -> bool:
    """Style a coverage-code GeoTIFF (0..3) and save the ``.qml`` beside it."""
    return _save_raster_style(path, coverage_renderer)


def _line_symbol(colour: str, width: float):
    symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.LineGeometry)
    symbol.setColor(QColor(colour))
    symbol.setWidth(width)
    return symbol


def _fill_symbol(colour, outline: str = "#333333"):
    """A simple fill; ``colour`` is ``#rrggbb`` or a (``#rrggbb``, alpha) pair."""
    from qgis.core import QgsFillSymbol

    fill = rgba(*colour) if isinstance(colour, tuple) else rgba(colour)
    symbol = QgsFillSymbol.createSimple({"outline_color": outline, "outline_width": "0.2"})
    symbol.setColor(fill)
    return symbol


def _graduated(field: str, bounds, colours, labels, make_symbol):
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange

    ranges = [QgsRendererRange(float(lo), float(hi), make_symbol(colour), label)
              for (lo, hi), colour, label in zip(bounds, colours, labels)]
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    return renderer


def _field_values(layer, field: str):
    index = layer.fields().indexOf(field)
    if index < 0:
        return []
    values = []
    for feature in layer.getFeatures():
        value = feature.attributes()[index]
        if value is not None and str(value) != "NULL":
            values.append(float(value))
    return values


def vector_renderer(layer, kind: str):
    """Renderer of an analysis output: ``ridges``, ``saddles``, ``effort_grid``, ``ridge_coverage`` or ``gaps``."""
    if kind == "ridges":
        from qgis.core import QgsSingleSymbolRenderer

        return QgsSingleSymbolRenderer(_line_symbol("#2b1d0e", 0.6))
    if kind == "saddles":
        from qgis.core import QgsSingleSymbolRenderer

        return QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {"name": "diamond", "color": "#ffffff", "outline_color": "#2b1d0e", "outline_width": "0.4",
             "size": "2.4"}))
    if kind == "ridge_coverage":
        # unwalked ridges thin and muted (there are many); walked shares warm to green, drawn bolder
        not_walked = "#6e6480"
        colours = (not_walked, "#fdae61", "#fee08b", "#a6d96a", "#1a9641")
        bounds = [(0.0, 0.0), (0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]
        labels = [tr("not walked"), "0–25 %", "25–50 %", "50–75 %", "75–100 %"]
        return _graduated("walked_share", bounds, colours, labels,
                          lambda c: _line_symbol(c, 0.4 if c == not_walked else 1.0))
    if kind == "effort_grid":
        values = sorted(_field_values(layer, "km_walked"))
        high = max(values) if values else 1.0
        high = high if high > 0 else 1.0
        colours = (("#ffffff", 0), ("#deebf7", 180), ("#9ecae1", 180), ("#4292c6", 180), ("#08519c", 180))
        edges = [0.0, 0.0] + [high * k / 4 for k in range(1, 5)]
        bounds = [(edges[0], edges[1])] + [(edges[k], edges[k + 1]) for k in range(1, 5)]
        labels = [tr("no route")] + [f"{lo:.1f}–{hi:.1f} km" for lo, hi in bounds[1:]]
        return _graduated("km_walked", bounds, colours, labels, lambda c: _fill_symbol(c, "#6baed6"))
    if kind == "gaps":
        values = _field_values(layer, "rank")
        worst = int(max(values)) if values else 1
        cuts = sorted({1, 3, 10, 30, worst})
        cuts = [c for c in cuts if c <= worst] or [1]
        colours = ("#a50f15", "#de2d26", "#fb6a4a", "#fcae91", "#fee5d9")
        bounds, labels, lo = [], [], 1
        for hi in cuts:
            bounds.append((lo - 0.5, hi + 0.5))
            labels.append(tr("rank {rank}").format(rank=lo) if lo == hi else
                          tr("ranks {first}–{last}").format(first=lo, last=hi))
            lo = hi + 1
        return _graduated("rank", bounds, colours[:len(bounds)], labels, lambda c: _fill_symbol((c, 170),
                                                                                                 "#67000d"))
    raise ValueError(kind)


def gap_labeling():
    """Labels of the ten first-ranked gaps: ``#rank`` and area."""
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling

    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = ("CASE WHEN \"rank\" <= 10 THEN '#' || \"rank\" || '  ' || "
                          "format_number(\"area_km2\", 1) || ' km²' END")
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor("#67000d"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setColor(QColor("#ffffff"))
    buffer.setSize(1.0)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def style_vector_layer(layer, kind: str) -> None:
    """Give an analysis output layer its look (see :func:`vector_renderer`); gaps also get labels."""
    layer.setRenderer(vector_renderer(layer, kind))
    if kind == "gaps":
        layer.setLabeling(gap_labeling())
        layer.setLabelsEnabled(True)
    layer.triggerRepaint()


def style_vector_output(dest_id: str, kind: str, context) -> bool:
    """Style a Processing vector output and store the style with it.

    A GeoPackage layer gets the style as its default in ``layer_styles``; another
    file (Shapefile, ...) a ``.qml`` beside it; a memory layer is styled in place.
    When the output is loaded into the project the style comes with it.

    Returns:
        True when the style was applied (and saved where the format allows).
    """
    from qgis.core import QgsProcessingUtils

    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is None or not layer.isValid():
        return False
    style_vector_layer(layer, kind)
    if layer.providerType() != "ogr":
        return True
    return save_default_style(layer, kind)


# Report (issue 6): tables of the core as layers, layers as tables --------------------------------------------------

def points_layer(name: str, crs, rows, fields):
    """A memory point layer from core rows with ``x``, ``y`` (in ``crs``) and the given attribute fields.

    Args:
        rows: dicts with ``x``, ``y`` and a value per field name (None = NULL).
        fields: (name, kind) pairs, kind as in :func:`new_field`.
    """
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    layer = QgsVectorLayer("Point", name, "memory")
    layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes([new_field(field, kind) for field, kind in fields])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(row["x"]), float(row["y"]))))
        feature.setAttributes([row.get(field) for field, _ in fields])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def layer_records(layer, limit: Optional[int] = None) -> List[dict]:
    """Attribute rows of a vector layer as plain dicts (field name → Python value, None for NULL)."""
    names = [field.name() for field in layer.fields()]
    records = []
    for feature in layer.getFeatures():
        attributes = feature.attributes()
        records.append({name: (None if value is None or str(value) == "NULL" else _plain(value))
                        for name, value in zip(names, attributes)})
        if limit is not None and len(records) >= limit:
            break
    return records


# Plan (issue 7): styles of the planner's outputs -----------------------------------------------------------------

def plan_renderer(layer, kind: str):
    """Renderer of a planner output: ``transects`` (by team), ``stations`` (new / existing), ``plan_walked``
    (by walked_share) or ``offplan``."""
    from qgis.core import QgsSingleSymbolRenderer

    if kind == "transects":
        categories = []
        for i, team in enumerate(sorted({int(v) for v in _field_values(layer, "team")})):
            symbol = _line_symbol(TEAM_COLOURS[i % len(TEAM_COLOURS)], 1.0)
            categories.append(QgsRendererCategory(team, symbol, tr("Team {team}").format(team=team)))
        return QgsCategorizedSymbolRenderer("team", categories)
    if kind == "stations":
        new = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "#e31a1c", "outline_color": "#ffffff",
                                            "outline_width": "0.4", "size": "3.6"})
        old = QgsMarkerSymbol.createSimple({"name": "square", "color": "#08306b", "outline_color": "#ffffff",
                                            "outline_width": "0.4", "size": "3.2"})
        return QgsCategorizedSymbolRenderer("existing", [QgsRendererCategory(0, new, tr("New station")),
                                                         QgsRendererCategory(1, old, tr("Existing station"))])
    if kind == "plan_walked":
        return vector_renderer(layer, "ridge_coverage")
    if kind == "offplan":
        symbol = _line_symbol("#6a3d9a", 0.7)
        symbol.symbolLayer(0).setPenStyle(2)  # Qt.DashLine
        return QgsSingleSymbolRenderer(symbol)
    raise ValueError(kind)


def style_plan_output(dest_id: str, kind: str, context) -> bool:
    """Style a planner output (see :func:`plan_renderer`) and store the style with it, like
    :func:`style_vector_output`."""
    from qgis.core import QgsProcessingUtils

    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is None or not layer.isValid():
        return False
    layer.setRenderer(plan_renderer(layer, kind))
    layer.triggerRepaint()
    if layer.providerType() != "ogr":
        return True
    return save_default_style(layer, kind)


# Exports (issue 8): the occupancy sites layer -------------------------------------------------------------------

def style_occupancy_layer(layer) -> None:
    """Occupancy sites: red where a sign was detected (naive occupied), outlined grey where not, hatched if unwalked."""
    from qgis.core import QgsFillSymbol

    def fill(colour: str, outline: str, style: str = "solid"):
        return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": "0.4",
                                           "style": style})

    categories = [
        QgsRendererCategory(1, fill("215,48,31,153", "#7f0000"), tr("Sign detected (naive occupied)")),
        QgsRendererCategory(0, fill("254,232,200,85", "#636363"), tr("Walked, no sign")),
    ]
    renderer = QgsCategorizedSymbolRenderer("naive_occupied", categories)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def style_occupancy_output(dest_id: str, context) -> bool:
    """Style a written occupancy sites output and save the style with it (GeoPackage default or ``.qml``)."""
    from qgis.core import QgsProcessingUtils

    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is None or not layer.isValid():
        return False
    style_occupancy_layer(layer)
    if layer.providerType() != "ogr":
        return True
    if ".gpkg" in layer.source().lower():
        error = layer.saveStyleToDatabase(layer.name() or "sites", tr("Snow Leopard Census default style"), True, "")
        message = error[-1] if isinstance(error, tuple) else error
        return not message
    _, ok = layer.saveDefaultStyle()
    return bool(ok)
