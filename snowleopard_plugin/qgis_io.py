"""The one bridge between QGIS (layers, projects, styles) and the core's data.

The core reads and writes files (GeoPackage, GeoTIFF) and works on
GeoDataFrames and numpy arrays; this module turns QGIS layers into what the
core takes, loads what it wrote as layers, and styles them. Nothing else in
the plugin converts between the two.
"""

from __future__ import annotations

import base64
import os
from typing import Dict, List, Optional

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

from .__about__ import plugin_file
from .i18n import tr
from .labels import layer_labels, obs_type_labels, severity_labels

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
        svg.setStrokeColor(QColor("#ffffff"))
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
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#e7298a99", "outline_color": "#ffffff",
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
        error = layer.saveStyleToDatabase(name, tr("Snow Leopard Census default style"), True, "")
        message = error[-1] if isinstance(error, tuple) else error
        saved[name] = not message
        if message and feedback is not None:
            feedback.reportError(tr("Could not save the style of {layer}: {reason}").format(layer=name,
                                                                                              reason=message))
    return saved


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

def features_to_arrays(source, fields=(), feedback=None):
    """Points of a vector source as numpy arrays in the source's CRS.

    Args:
        source: a QgsVectorLayer or QgsProcessingFeatureSource of points.
        fields: attribute names to return beside the coordinates.

    Returns:
        (x, y, attributes) where attributes maps each field name to a list of
        values (None for NULL); multipoints contribute each of their parts.
    """
    import numpy as np

    xs, ys = [], []
    values = {name: [] for name in fields}
    indices = {name: source.fields().indexOf(name) for name in fields}
    for feature in source.getFeatures():
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


def lines_to_arrays(source, feedback=None):
    """Lines of a vector source as a list of (n, 2) vertex arrays in the source's CRS (one per part)."""
    import numpy as np

    parts = []
    for feature in source.getFeatures():
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


def check_metric_crs(crs, name: str) -> None:
    """Refuse a layer in degrees (or with no CRS), with a message that says what to do."""
    from qgis.core import QgsProcessingException

    if not crs.isValid():
        raise QgsProcessingException(tr("The layer {layer} has no CRS: set its CRS (the season's UTM zone) in its "
                                        "properties.").format(layer=name))
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
