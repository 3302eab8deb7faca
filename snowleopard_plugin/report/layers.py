"""The layers a report's maps show, loaded into the report's project and styled for print: the season's
routes, signs and cameras, the hillshade, and the optional analysis layers, with legends in the report's
language."""

from __future__ import annotations

import os
from typing import Any, Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalettedRasterRenderer,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..labels import layer_labels
from ..qgis_io import coverage_renderer, heatmap_renderer, points_layer, season_layer, style_layer
from .inputs import LayerSource, ReportInputs
from .layout import FONT, nice
from .maps import hillshade_layer
from .texts import number, sign_labels, team_name, tr


class ReportLayers:
    """The report's layers, loaded into one project and styled for print."""

    def __init__(self, project: QgsProject, inputs: ReportInputs, group: Any = None) -> None:
        self.project = project
        self.group = group
        self.crs = None
        gpkg = inputs.season
        titles = layer_labels(tr)
        self.season = {}
        for name in ("routes", "observations", "cameras"):
            layer = season_layer(gpkg, name, titles[name])
            if layer.isValid():
                style_layer(layer, name)
                self._relabel(layer, name)
                self.season[name] = self._add(layer)
                self.crs = self.crs or layer.crs()
        self.hillshade = None
        if inputs.dem is not None:
            dem = hillshade_layer(inputs.dem.uri, tr("Hillshade"), inputs.files or None)
            self.hillshade = self._add(dem) if dem.isValid() else None
        self.boundary = self._vector(inputs.boundary, tr("Park boundary"), self._style_boundary)
        self.heatmap = self._raster(inputs.heatmap, tr("Signs per km (effort-corrected)"), tr("signs per km"))
        self.coverage = (self._raster(inputs.coverage, tr("Survey coverage"), "")
                         if inputs.coverage is not None and inputs.coverage.kind == "raster"
                         else self._vector(inputs.coverage, tr("Survey coverage"), self._style_coverage))
        self.gaps = self._vector(inputs.gaps, tr("Coverage gaps (rank)"), self._style_gaps, force=True)
        self.plan = self._vector(inputs.plan, tr("Plan for next season"), None)
        if self.plan is not None and self.plan.fields().indexOf("team") >= 0:
            self._relabel(self.plan, "routes")  # categories by team, named in the report's language
        self.stations = self._add(self._station_layer(inputs.data)) if inputs.data.stations else None

    def _add(self, layer: Any) -> Any:
        self.project.addMapLayer(layer, self.group is None)
        if self.group is not None:
            self.group.addLayer(layer)
        return layer

    def _vector(self, source: Optional[LayerSource], name: str, fallback: Any, force: bool = False) -> Any:
        if source is None:
            return None
        layer = source.load(name)
        if layer is None:
            return None
        if fallback is not None and (force or not layer.loadDefaultStyle()[1]):
            fallback(layer)
        return self._add(layer)

    def _raster(self, source: Optional[LayerSource], name: str, unit: str) -> Any:
        if source is None or source.kind != "raster":
            return None
        layer = source.load(name)
        if layer is None:
            return None
        if not os.path.isfile(os.path.splitext(layer.source())[0] + ".qml"):
            layer.setRenderer(heatmap_renderer(layer, unit))
        elif is_coverage(layer):  # class labels in the report's language, not the one the algorithm ran in
            layer.setRenderer(coverage_renderer(layer, tr))
        return self._add(layer)

    @staticmethod
    def _relabel(layer: Any, name: str) -> None:
        """Legend texts in the report's language (the season styles label in QGIS's language)."""
        renderer = layer.renderer()
        if not isinstance(renderer, QgsCategorizedSymbolRenderer):
            return
        labels = sign_labels()
        for i, category in enumerate(renderer.categories()):
            value = category.value()
            if name == "routes":
                text = team_name(str(value) if value is not None and str(value) != "NULL" else "")
            else:
                text = labels.get(str(value), str(value))
            renderer.updateCategoryLabel(i, text)

    @staticmethod
    def _style_boundary(layer: Any) -> None:
        symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#1a5e20", "outline_width": "0.7",
                                             "outline_style": "dash"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))

    @staticmethod
    def _style_coverage(layer: Any) -> None:
        symbol = QgsFillSymbol.createSimple({"color": "65,171,93,85", "outline_style": "no"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))

    @staticmethod
    def _style_gaps(layer: Any) -> None:
        symbol = QgsFillSymbol.createSimple({"color": "253,141,60,136", "outline_color": "#a63603",
                                             "outline_width": "0.5"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        if layer.fields().indexOf("rank") >= 0:
            settings = QgsPalLayerSettings()
            settings.fieldName = "rank"
            text = QgsTextFormat()
            text.setFont(QFont(FONT, 9, QFont.Bold))
            text.setSize(9)
            text.setColor(QColor("#7f2704"))
            buffer = QgsTextBufferSettings()
            buffer.setEnabled(True)
            buffer.setSize(1.0)
            buffer.setColor(QColor("white"))
            text.setBuffer(buffer)
            settings.setFormat(text)
            layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
            layer.setLabelsEnabled(True)

    def _station_layer(self, data: Any) -> Any:
        """Camera stations sized by detections per 100 trap-nights (a memory layer of the report's table)."""
        rows = [s for s in data.stations if s["x"] is not None]
        layer = points_layer(tr("Detections per 100 trap-nights"), self.crs, rows,
                             [("station_id", "str"), ("rate_per_100", "float")])
        rates = [s["rate_per_100"] for s in rows if s["rate_per_100"] is not None]
        high = max(rates) if rates else 0.0
        step = nice(high / 3.0) if high > 0 else 1.0
        ranges = []

        def symbol(size: float, colour: str) -> Any:
            return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#ffffff",
                                                 "outline_width": "0.3", "size": str(size)})

        ranges.append(QgsRendererRange(-0.001, 0.0, symbol(1.8, "#9e9e9e"), tr("0 (no detection)")))
        colours = ("#fbb4b9", "#f768a1", "#c51b8a", "#7a0177")
        lower = 0.0
        for k in range(4):
            upper = step * (k + 1)
            if lower >= high and k > 0:
                break
            ranges.append(QgsRendererRange(lower, upper, symbol(2.8 + 1.8 * k, colours[k]),
                                           f"{number(lower, 0)}–{number(upper, 0)}"))
            lower = upper
        renderer = QgsGraduatedSymbolRenderer("rate_per_100", ranges)
        layer.setRenderer(renderer)
        return layer


def is_coverage(layer: Any) -> bool:
    """A coverage-code raster (0..3 classes, as ``snowleopard:coverage`` styles it)."""
    renderer = layer.renderer()
    return isinstance(renderer, QgsPalettedRasterRenderer) and sorted(c.value for c in renderer.classes()) == [
        0, 1, 2, 3]
