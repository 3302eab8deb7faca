"""Every style of the plugin: renderers, colour ramps and labelling of the season layers and of the analyses'
outputs, and their saving as default styles (in a GeoPackage's ``layer_styles``, else a ``.qml`` beside the file)."""

from __future__ import annotations

import base64
import os
from typing import Dict, List

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsSvgMarkerSymbolLayer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

from ..__about__ import plugin_file
from ..i18n import tr
from ..labels import coverage_labels, layer_labels, obs_type_labels, severity_labels, team_label
from .layers import season_layer

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


#: A perceptual ramp (magma-like), dark purple to pale yellow.
HEAT_RAMP = ("#000004", "#3b0f70", "#8c2981", "#de4968", "#fe9f6d", "#fcfdbf")


def heatmap_renderer(layer, unit: str):
    """Pseudo-colour renderer from 0 (transparent) to the layer's maximum, with a perceptual ramp."""
    stats = layer.dataProvider().bandStatistics(1)
    high = stats.maximumValue if stats.maximumValue > 0 else 1.0
    values = [high * i / (len(HEAT_RAMP) - 1) for i in range(len(HEAT_RAMP))]
    stops = [(0.0, QColor(0, 0, 0, 0))] + list(zip(values[1:], HEAT_RAMP[1:]))
    labels = ["0"] + [f"{value:.3g} {unit}" for value in values[1:]]
    return pseudocolour_renderer(layer, stops, 0.0, high, labels)


def style_heatmap_file(path: str, unit: str) -> bool:
    """Style a heatmap GeoTIFF and save the style beside it (``.qml``), so any QGIS opens it styled."""
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(path, os.path.basename(path))
    if not layer.isValid():
        return False
    layer.setRenderer(heatmap_renderer(layer, unit))
    _, ok = layer.saveDefaultStyle()
    return bool(ok)


#: Slope ramp (degrees): flat pale, steep dark red-purple.
SLOPE_RAMP = ((0.0, "#ffffcc"), (10.0, "#c7e9b4"), (20.0, "#fed976"), (30.0, "#fd8d3c"), (40.0, "#e31a1c"),
              (50.0, "#800026"), (70.0, "#3f007d"))


#: Sequential ramp for ruggedness (light to dark brown).
RUGGEDNESS_RAMP = ("#fff7ec", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000")


#: Diverging ramp for TPI: valleys blue, planes white, ridges brown.
TPI_RAMP = ("#2166ac", "#92c5de", "#f7f7f7", "#dfc27d", "#8c510a")


#: Habitat suitability 0..1, light to dark green.
HABITAT_RAMP = ("#f7fcf5", "#c7e9c0", "#74c476", "#238b45", "#00441b")


#: Coverage codes of core.analysis.coverage.coverage_raster: (code, colour, alpha); labels in labels.coverage_labels.
#: Colours are ``#rrggbb`` with a separate alpha (0..255): Qt reads 8-digit hex as ``#aarrggbb``.
COVERAGE_CLASSES = ((0, "#000000", 0), (1, "#1f78b4", 210), (2, "#ff7f00", 190), (3, "#6a3d9a", 220))


def rgba(colour: str, alpha: int = 255) -> QColor:
    """A QColor from ``#rrggbb`` and an alpha 0..255 (never an ambiguous 8-digit hex)."""
    result = QColor(colour)
    result.setAlpha(int(alpha))
    return result


def pseudocolour_renderer(layer, stops, minimum: float, maximum: float, labels=None):
    """Interpolated pseudo-colour renderer of band 1 through colours (``#rrggbb`` or QColor) at evenly spaced
    values from ``minimum`` to ``maximum``, or at the values of ``(value, colour)`` pairs; ``labels`` name the
    legend entries (default: the values)."""
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
        return pseudocolour_renderer(layer, SLOPE_RAMP, 0.0, SLOPE_RAMP[-1][0], labels)
    if kind == "tpi":
        labels = [tr("valley {value:.0f} m").format(value=low), "", "0", "", tr("ridge +{value:.0f} m").format(
            value=high)]
        return pseudocolour_renderer(layer, TPI_RAMP, low, high, labels)
    unit = " m" if kind == "tri" else ""
    labels = [f"{low + (high - low) * i / 4:.3g}{unit}" for i in range(5)]
    return pseudocolour_renderer(layer, RUGGEDNESS_RAMP, low, high, labels)


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
    return pseudocolour_renderer(layer, HABITAT_RAMP, 0.0, 1.0, labels)


def style_habitat_file(path: str) -> bool:
    """Style a habitat suitability GeoTIFF (0..1, green ramp) and save the ``.qml`` beside it."""
    return _save_raster_style(path, habitat_renderer)


def coverage_renderer(layer, translate=tr):
    """Coverage codes as categories; code 0 (not covered) transparent. ``translate``: the labels' translation
    (default QGIS's language; the report passes its own)."""
    from qgis.core import QgsPalettedRasterRenderer

    labels = coverage_labels(translate)
    classes = [QgsPalettedRasterRenderer.Class(code, rgba(colour, alpha), labels[code])
               for code, colour, alpha in COVERAGE_CLASSES]
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
    from qgis.core import QgsSingleSymbolRenderer

    if kind == "ridges":
        return QgsSingleSymbolRenderer(_line_symbol("#2b1d0e", 0.6))
    if kind == "saddles":
        return QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {"name": "diamond", "color": "#ffffff", "outline_color": "#2b1d0e", "outline_width": "0.4",
             "size": "2.4"}))
    if kind == "ridge_coverage":
        return _ridge_coverage_renderer()
    if kind == "effort_grid":
        return _effort_grid_renderer(layer)
    if kind == "gaps":
        return _gaps_renderer(layer)
    raise ValueError(kind)


def _ridge_coverage_renderer():
    """Ridge segments by walked share: unwalked thin and muted (there are many), walked warm to green, bolder."""
    not_walked = "#6e6480"
    colours = (not_walked, "#fdae61", "#fee08b", "#a6d96a", "#1a9641")
    bounds = [(0.0, 0.0), (0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]
    labels = [tr("not walked"), "0–25 %", "25–50 %", "50–75 %", "75–100 %"]
    return _graduated("walked_share", bounds, colours, labels,
                      lambda c: _line_symbol(c, 0.4 if c == not_walked else 1.0))


def _effort_grid_renderer(layer):
    """Grid cells by km walked: cells without a route transparent, then four blue classes up to the maximum."""
    values = sorted(_field_values(layer, "km_walked"))
    high = max(values) if values else 1.0
    high = high if high > 0 else 1.0
    colours = (("#ffffff", 0), ("#deebf7", 180), ("#9ecae1", 180), ("#4292c6", 180), ("#08519c", 180))
    edges = [0.0, 0.0] + [high * k / 4 for k in range(1, 5)]
    bounds = [(edges[0], edges[1])] + [(edges[k], edges[k + 1]) for k in range(1, 5)]
    labels = [tr("no route")] + [f"{lo:.1f}–{hi:.1f} km" for lo, hi in bounds[1:]]
    return _graduated("km_walked", bounds, colours, labels, lambda c: _fill_symbol(c, "#6baed6"))


def _gaps_renderer(layer):
    """Gaps by rank: rank 1 darkest, then ranks up to 3, 10, 30 and the last in lighter reds."""
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
    return _graduated("rank", bounds, colours[:len(bounds)], labels, lambda c: _fill_symbol((c, 170), "#67000d"))


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


def plan_renderer(layer, kind: str):
    """Renderer of a planner output: ``transects`` (by team), ``stations`` (new / existing), ``plan_walked``
    (by walked_share) or ``offplan``."""
    from qgis.core import QgsSingleSymbolRenderer

    if kind == "transects":
        categories = []
        for i, team in enumerate(sorted({int(v) for v in _field_values(layer, "team")})):
            symbol = _line_symbol(TEAM_COLOURS[i % len(TEAM_COLOURS)], 1.0)
            categories.append(QgsRendererCategory(team, symbol, team_label(str(team))))
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
