"""The season report as a QGIS print layout: pages, maps, legends, tables and charts.

:func:`build_layout` lays out an A4 landscape :class:`QgsPrintLayout` of six
pages from :class:`ReportInputs` (the numbers of :mod:`.core.report_data`, the
chart PNGs of :mod:`.core.charts` and the optional analysis layers), in a
project the caller controls: the layers its maps show are added to that
project. :func:`export_pdf` writes it to a PDF with text kept as text.

The report's texts are in the report's language, whatever language QGIS runs
in: :func:`report_language` loads the plugin's translation for it (and the
report's own ``resources/report/report_<lang>.qm`` when present) into
translators that only this module's :func:`tr` reads, so nothing else in QGIS
changes language. Main thread only (print layouts are not thread-safe).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsPalettedRasterRenderer,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsRenderContext,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt, QTranslator
from qgis.PyQt.QtGui import QColor, QFont

from ..__about__ import plugin_file
from ..i18n import CONTEXT, qm_path

PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 10.0
FONT = "DejaVu Sans"
INK = QColor("#222222")
PAGES = 6

_translators: List[QTranslator] = []
_language = "en"


# Language --------------------------------------------------------------------------------------------

def tr(text: str) -> str:
    """Translate a report text into the report's language (see :func:`report_language`)."""
    source = text.encode("utf-8")  # QTranslator takes UTF-8 bytes (PyQt passes str as ASCII)
    for translator in _translators:
        translated = translator.translate(CONTEXT, source)
        if translated:
            return translated
    return text


@contextlib.contextmanager
def report_language(language: str) -> Iterator[None]:
    """Make :func:`tr` answer in ``language`` (``ru``, ``en``) inside the block, without touching QGIS's language."""
    global _translators, _language
    old, old_language = _translators, _language
    translators = []
    if language != "en":
        path = qm_path(language)  # the plugin's own translation, built by make translations
        translator = QTranslator()
        if os.path.isfile(path) and translator.load(path):
            translators.append(translator)
    _translators, _language = translators, language
    try:
        yield
    finally:
        _translators, _language = old, old_language


def number(value: Optional[float], decimals: int = 1) -> str:
    """A number as the report prints it (decimal comma in Russian); an en dash for none."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if _language == "ru" else text


def date_text(iso: Optional[str]) -> str:
    """An ISO date as dd.mm.yyyy."""
    if not iso or len(iso) < 10:
        return "–"
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}"


def sign_labels() -> Dict[str, str]:
    """Sign-type code → name in the report's language."""
    from ..labels import obs_type_labels

    return obs_type_labels(tr)


def team_name(team: Optional[str]) -> str:
    """A team as the report names it (teams are stored as numbers or names)."""
    if team is None:
        return tr("not attributed")
    if team == "":
        return tr("team not recorded")
    return tr("Team {team}").format(team=team) if team.isdigit() else team


def chart_texts() -> Dict[str, str]:
    """Titles and axis labels of the report's charts, in the report's language."""
    return {
        "weekly_title": tr("Signs per km by survey week"),
        "weekly_x": tr("Survey week (starting Monday)"),
        "per_km": tr("signs per km"),
        "stations_title": tr("Snow leopard detections per station"),
        "detections": tr("detections"),
        "rate": tr("per 100 trap-nights"),
        "km_title": tr("Km walked by team and month"),
        "km": tr("km"),
    }


def month_names() -> List[str]:
    """Month names in the report's language."""
    return [tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"), tr("July"),
            tr("August"), tr("September"), tr("October"), tr("November"), tr("December")]


# Inputs ------------------------------------------------------------------------------------------------

@dataclass
class LayerSource:
    """A layer to show, by source so it can be loaded into any project: (uri, provider, kind, name)."""

    uri: str
    provider: str
    kind: str  # "vector" or "raster"
    name: str = ""

    @classmethod
    def of(cls, layer: Any) -> Optional[LayerSource]:
        """The source of a QgsMapLayer (None for None)."""
        if layer is None:
            return None
        kind = "raster" if isinstance(layer, QgsRasterLayer) else "vector"
        return cls(layer.source(), layer.providerType(), kind, layer.name())

    def load(self, name: str) -> Any:
        """A new layer on this source, with its default style when it has one."""
        layer = (QgsRasterLayer(self.uri, name, self.provider) if self.kind == "raster"
                 else QgsVectorLayer(self.uri, name, self.provider))
        return layer if layer.isValid() else None


@dataclass
class ReportInputs:
    """What the report shows.

    Attributes:
        season: the season GeoPackage path.
        data: :class:`.core.report_data.ReportData` of the season.
        charts: chart name (``weekly``, ``stations``, ``km``) → PNG path.
        title: the report's title ('' → a default title in the report's language).
        heatmap, coverage, gaps, plan, dem, boundary: optional layers (by source).
        gap_rows: :func:`.core.report_data.top_gaps` rows; plan_table: (columns, rows).
        files: the folder of the report's own files (charts, the hillshade), beside the PDF.
    """

    season: str
    data: Any
    charts: Dict[str, str] = field(default_factory=dict)
    title: str = ""
    heatmap: Optional[LayerSource] = None
    coverage: Optional[LayerSource] = None
    gaps: Optional[LayerSource] = None
    plan: Optional[LayerSource] = None
    dem: Optional[LayerSource] = None
    boundary: Optional[LayerSource] = None
    gap_rows: List[Dict[str, Any]] = field(default_factory=list)
    plan_table: Tuple[List[str], List[List[Any]]] = field(default_factory=lambda: ([], []))
    files: str = ""


def default_title(data: Any) -> str:
    """"Snow leopard census {year}: season report" from the season's first date."""
    year = (data.summary.get("first_date") or "")[:4] or str(dt.date.today().year)
    return tr("Snow leopard census {year}: season report").format(year=year)


# Layers ---------------------------------------------------------------------------------------------------

class _Layers:
    """The report's layers, loaded into one project and styled for print."""

    def __init__(self, project: QgsProject, inputs: ReportInputs, group: Any = None) -> None:
        from .maps import hillshade_layer
        from ..qgis_io import season_layer, style_layer

        self.project = project
        self.group = group
        self.crs = None
        gpkg = inputs.season
        names = {"routes": tr("Routes"), "observations": tr("Signs and calls"), "cameras": tr("Camera stations")}
        self.season = {}
        for name, title in names.items():
            layer = season_layer(gpkg, name, title)
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
        from ..qgis_io import coverage_renderer, heatmap_renderer

        if source is None or source.kind != "raster":
            return None
        layer = source.load(name)
        if layer is None:
            return None
        if not os.path.isfile(os.path.splitext(layer.source())[0] + ".qml"):
            layer.setRenderer(heatmap_renderer(layer, unit))
        elif _is_coverage(layer):  # class labels in the report's language, not the one the algorithm ran in
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
                text = team_name(str(value)) if value not in (None, "") and str(value) != "NULL" else \
                    tr("team not recorded")
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
        from ..qgis_io import points_layer

        rows = [s for s in data.stations if s["x"] is not None]
        layer = points_layer(tr("Detections per 100 trap-nights"), self.crs, rows,
                             [("station_id", "str"), ("rate_per_100", "float")])
        rates = [s["rate_per_100"] for s in rows if s["rate_per_100"] is not None]
        high = max(rates) if rates else 0.0
        step = _nice(high / 3.0) if high > 0 else 1.0
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


def _nice(value: float) -> float:
    """A round number (1, 2, 2.5, 5 × 10^k) at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= value:
            return factor * power
    return 10 * power


# Layout items ----------------------------------------------------------------------------------------------

def _text_format(size: float, bold: bool = False, colour: QColor = INK) -> QgsTextFormat:
    text = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderPoints)
    text.setColor(colour)
    return text


def _place(item: Any, x: float, y: float, w: float, h: float, page: int) -> None:
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), True, False, page)


def _label(layout: QgsPrintLayout, page: int, text: str, x: float, y: float, w: float, h: float,
           size: float = 9.0, bold: bool = False, colour: QColor = INK, align: Any = Qt.AlignLeft) -> Any:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(_text_format(size, bold, colour))
    else:
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
        label.setFontColor(colour)
    label.setHAlign(align)
    label.setVAlign(Qt.AlignTop)
    layout.addLayoutItem(label)
    _place(label, x, y, w, h, page)
    return label


def _map(layout: QgsPrintLayout, page: int, layers: Sequence[Any], extent: QgsRectangle, crs: Any,
         rect: Tuple[float, float, float, float], grid: bool = True) -> Any:
    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    layout.addLayoutItem(item)
    _place(item, *rect, page)
    item.setLayers([layer for layer in layers if layer is not None])
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#555555"))
    item.zoomToExtent(extent)
    item.setBackgroundColor(QColor("#ffffff"))
    if grid:
        map_grid = QgsLayoutItemMapGrid(tr("Grid"), item)
        interval = _nice(extent.width() / 5.0)
        map_grid.setIntervalX(interval)
        map_grid.setIntervalY(interval)
        map_grid.setCrs(crs)
        map_grid.setStyle(QgsLayoutItemMapGrid.Solid)
        map_grid.setGridLineColor(QColor(80, 80, 80, 70))
        map_grid.setGridLineWidth(0.1)
        map_grid.setAnnotationEnabled(True)
        map_grid.setAnnotationPrecision(0)
        map_grid.setAnnotationFormat(QgsLayoutItemMapGrid.Decimal)
        if hasattr(map_grid, "setAnnotationTextFormat"):
            map_grid.setAnnotationTextFormat(_text_format(5.5, colour=QColor("#444444")))
        for border in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right):
            map_grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, border)
        for border in (QgsLayoutItemMapGrid.Top, QgsLayoutItemMapGrid.Bottom, QgsLayoutItemMapGrid.Left,
                       QgsLayoutItemMapGrid.Right):
            map_grid.setAnnotationPosition(QgsLayoutItemMapGrid.InsideMapFrame, border)
        map_grid.setFrameStyle(QgsLayoutItemMapGrid.Zebra)
        map_grid.setFrameWidth(1.2)
        item.grids().addGrid(map_grid)
    return item


def _map_furniture(layout: QgsPrintLayout, page: int, item: Any, rect: Tuple[float, float, float, float]) -> None:
    """Scale bar (bottom left, km) and north arrow (top right) on a map."""
    x, y, w, h = rect
    box = QgsLayoutItemShape(layout)
    box.setShapeType(QgsLayoutItemShape.Rectangle)
    box.setSymbol(QgsFillSymbol.createSimple({"color": "255,255,255,210", "outline_style": "no"}))
    layout.addLayoutItem(box)
    _place(box, x + 4, y + h - 15, 62, 11, page)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    layout.addLayoutItem(bar)
    bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel(tr("km"))
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setHeight(2.0)
    if hasattr(bar, "setTextFormat"):
        bar.setTextFormat(_text_format(6.5))
    bar.attemptMove(QgsLayoutPoint(x + 6, y + h - 14, QgsUnitTypes.LayoutMillimeters), True, False, page)
    bar.update()
    arrow = QgsLayoutItemPicture(layout)
    path = _north_arrow()
    if path:
        arrow.setPicturePath(path)
    arrow.setLinkedMap(item)
    arrow.setNorthMode(QgsLayoutItemPicture.GridNorth)
    arrow.setSvgFillColor(QColor("#222222"))
    arrow.setSvgStrokeColor(QColor("#222222"))
    arrow.setBackgroundEnabled(True)
    arrow.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(arrow)
    _place(arrow, x + w - 16, y + 4, 11, 14, page)


def _north_arrow() -> str:
    own = plugin_file("resources", "report", "north_arrow.svg")
    if os.path.isfile(own):
        return own
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
        if os.path.isfile(path):
            return path
    return ""


def _is_coverage(layer: Any) -> bool:
    """A coverage-code raster (0..3 classes, as ``snowleopard:coverage`` styles it)."""
    renderer = layer.renderer()
    return isinstance(renderer, QgsPalettedRasterRenderer) and sorted(c.value for c in renderer.classes()) == [
        0, 1, 2, 3]


def _legend(layout: QgsPrintLayout, page: int, item: Any, layers: Sequence[Any], x: float, y: float,
            title: str = "") -> Any:
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(title or tr("Legend"))
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    root = QgsLayerTree()
    for layer in layers:
        if layer is not None:
            node = root.addLayer(layer)
            renderer = layer.renderer() if isinstance(layer, QgsRasterLayer) else None
            if isinstance(renderer, QgsPalettedRasterRenderer):
                # the legend of a class raster: its classes that are drawn, without the "Band 1 (Gray)" caption
                # (node 0) nor the transparent "not covered" class
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, [i + 1 for i, c in enumerate(renderer.classes())
                                                                 if c.color.alpha() > 0])
    legend.model().setRootGroup(root)
    legend._root = root  # keep the tree alive as long as the legend
    legend.setBackgroundEnabled(True)
    legend.setBackgroundColor(QColor(255, 255, 255, 220))
    legend.setLegendFilterByMapEnabled(True)
    legend.setSymbolHeight(3.5)
    legend.setSymbolWidth(6.0)
    legend.setWrapString("|")
    for style_name, size, bold in (("Title", 9.0, True), ("Subgroup", 8.0, True), ("SymbolLabel", 7.0, False)):
        style = getattr(QgsLegendStyle, style_name)
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), True, False, page)
    legend.adjustBoxSize()
    return legend


def _table(layout: QgsPrintLayout, page: int, headers: Sequence[str], rows: Sequence[Sequence[str]],
           rect: Tuple[float, float, float, float], size: float = 7.0, numeric_from: int = 1) -> Any:
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    columns = []
    for i, heading in enumerate(headers):
        column = QgsLayoutTableColumn()
        column.setHeading(heading)
        column.setHAlignment(Qt.AlignRight if i >= numeric_from else Qt.AlignLeft)
        columns.append(column)
    table.setColumns(columns)
    table.setContents([[str(cell) for cell in row] for row in rows])
    if hasattr(table, "setContentTextFormat"):
        table.setHeaderTextFormat(_text_format(size, bold=True))
        table.setContentTextFormat(_text_format(size))
    else:
        header = QFont(FONT)
        header.setPointSizeF(size)
        header.setBold(True)
        content = QFont(FONT)
        content.setPointSizeF(size)
        table.setHeaderFont(header)
        table.setContentFont(content)
    table.setCellMargin(1.0)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#999999"))
    table.setHorizontalGrid(True)
    table.setVerticalGrid(False)
    table.setHeaderHAlignment(QgsLayoutItemTextTable.FollowColumn)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    frame = QgsLayoutFrame(layout, table)
    _place(frame, *rect, page)
    table.addFrame(frame)
    return table


def _picture(layout: QgsPrintLayout, page: int, path: Optional[str], rect: Tuple[float, float, float, float]) -> Any:
    if not path or not os.path.isfile(path):
        return None
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(path)
    picture.setResizeMode(QgsLayoutItemPicture.Zoom)
    layout.addLayoutItem(picture)
    _place(picture, *rect, page)
    return picture


def _header(layout: QgsPrintLayout, page: int, heading: str, title: str) -> None:
    _label(layout, page, heading, MARGIN, MARGIN - 2, PAGE_W - 2 * MARGIN, 9, size=15, bold=True)
    _label(layout, page, title, MARGIN, PAGE_H - MARGIN + 2, 200, 6, size=7, colour=QColor("#666666"))
    _label(layout, page, tr("Page {page} of {pages}").format(page=page + 1, pages=PAGES),
           PAGE_W - MARGIN - 60, PAGE_H - MARGIN + 2, 60, 6, size=7, colour=QColor("#666666"), align=Qt.AlignRight)


def _missing(layout: QgsPrintLayout, page: int, text: str, y: float = 24.0) -> None:
    _label(layout, page, text, MARGIN, y, PAGE_W - 2 * MARGIN, 8, size=10, colour=QColor("#a63603"))


# The layout -----------------------------------------------------------------------------------------------

def build_layout(project: QgsProject, inputs: ReportInputs, name: str, group: Any = None) -> QgsPrintLayout:
    """Lay out the six pages of the season report in ``project``.

    Args:
        project: the project whose layers the maps show; the report's layers are added to it
            (into ``group`` when given, else to its layer tree root).
        inputs: what to show; texts come from :func:`tr` (call inside :func:`report_language`).
        name: the layout's name.
    """
    from ..qgis_io import layer_extent

    data = inputs.data
    summary = data.summary
    layers = _Layers(project, inputs, group)
    crs = layers.crs
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.renderContext().setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)
    pages = layout.pageCollection()
    pages.page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)
    for _ in range(PAGES - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Landscape)
        pages.addPage(page)
    title = inputs.title or default_title(data)
    extent = QgsRectangle(*data.extent) if data.extent else QgsRectangle(0, 0, 1, 1)
    extent.scale(1.08)
    labels = sign_labels()
    routes = layers.season.get("routes")
    signs = layers.season.get("observations")
    cameras = layers.season.get("cameras")
    map_rect = (MARGIN, 30.0, 185.0, 165.0)

    # 1 title, dates, teams, overview map -------------------------------------------------------------
    _header(layout, 0, title, title)
    teams = ", ".join(team_name(t) for t in summary["teams"]) or "–"
    _label(layout, 0, tr("Season {first} – {last}  ·  teams: {teams}").format(
        first=date_text(summary["first_date"]), last=date_text(summary["last_date"]), teams=teams),
        MARGIN, 19, PAGE_W - 2 * MARGIN, 7, size=10)
    overview = [routes, cameras, layers.boundary, layers.hillshade]
    item = _map(layout, 0, overview, extent, crs, map_rect)
    _map_furniture(layout, 0, item, map_rect)
    right = MARGIN + map_rect[2] + 6
    width = PAGE_W - MARGIN - right
    totals = [
        (tr("Routes walked"), str(summary["routes"])),
        (tr("Km walked"), number(summary["km"])),
        (tr("Km over the terrain"), number(summary["surface_km"])),
        (tr("Survey days"), str(summary["days"])),
        (tr("Signs recorded"), str(summary["signs"])),
        (tr("Signs per km"), number(summary["signs_per_km"], 2)),
        (tr("Camera stations"), str(summary["stations"])),
        (tr("Trap-nights"), number(summary["trap_nights"])),
        (tr("Snow leopard detections"), str(summary["detections"])),
        (tr("Detections per 100 trap-nights"), number(summary["detections_per_100tn"], 2)),
        (tr("Individuals identified"), str(summary["individuals"])),
    ]
    _table(layout, 0, [tr("Season in numbers"), ""], totals, (right, 30.0, width, 60.0), size=7.5)
    _legend(layout, 0, item, [routes, cameras, layers.boundary], right, 94.0)
    _picture(layout, 0, inputs.charts.get("km"), (right, 146.0, width, 50.0))
    if layers.hillshade is None:
        _label(layout, 0, tr("No DEM was given: the map has no hillshade."), MARGIN, 196, 185, 5, size=7,
               colour=QColor("#666666"))

    # 2 signs and the heatmap ----------------------------------------------------------------------------
    _header(layout, 1, tr("Signs and the effort-corrected heatmap"), title)
    map_rect2 = (MARGIN, 30.0, 150.0, 165.0)
    item = _map(layout, 1, [signs, routes, layers.heatmap, layers.hillshade], extent, crs, map_rect2)
    _map_furniture(layout, 1, item, map_rect2)
    right2 = MARGIN + map_rect2[2] + 5
    _picture(layout, 1, inputs.charts.get("weekly"), (right2, 30.0, PAGE_W - MARGIN - right2, 80.0))
    _legend(layout, 1, item, [signs, layers.heatmap], right2, 114.0)
    if layers.heatmap is None:
        _missing(layout, 1, tr("No heatmap was given: run Habitat-use heatmap with the routes as effort and add it "
                               "to the report."), y=19)
    else:
        _label(layout, 1, tr("Signs per km of route searched near each place; empty where too little was "
                             "walked."), MARGIN, 19, PAGE_W - 2 * MARGIN, 6, size=8, colour=QColor("#444444"))

    # 3 cameras -------------------------------------------------------------------------------------------
    _header(layout, 2, tr("Camera traps"), title)
    if data.stations:
        map_rect3 = (MARGIN, 22.0, 140.0, 100.0)
        item = _map(layout, 2, [layers.stations, routes, layers.hillshade], extent, crs, map_rect3)
        _map_furniture(layout, 2, item, map_rect3)
        _picture(layout, 2, inputs.charts.get("stations"), (MARGIN, 126.0, 140.0, 72.0))
        rows = [[s["station_id"], number(s["trap_nights"]), str(s["detections"]), str(s["individuals"]),
                 number(s["rate_per_100"])] for s in data.stations]
        rows.append([tr("Total"), number(summary["trap_nights"]),
                     str(sum(s["detections"] for s in data.stations)), str(summary["individuals"]),
                     number(summary["detections_per_100tn"])])
        size = 6.5 if len(rows) <= 30 else 5.5
        rows = rows[:45]
        height = min(176.0, (len(rows) + 1) * (size * 0.3528 + 2.1) + 2)
        _table(layout, 2, [tr("Station"), tr("Trap-nights"), tr("Detections"), tr("Individuals"),
                           tr("per 100 TN")], rows, (MARGIN + 146, 22.0, PAGE_W - 2 * MARGIN - 146, height),
               size=size)
        if 22.0 + height + 40 < PAGE_H - MARGIN:
            _legend(layout, 2, item, [layers.stations], MARGIN + 146, 28.0 + height)
        else:
            _legend(layout, 2, item, [layers.stations], MARGIN + 3, 25.0)
    else:
        _missing(layout, 2, tr("The season has no camera stations."))

    # 4 coverage and gaps -----------------------------------------------------------------------------------
    _header(layout, 3, tr("Survey coverage and the ranked gaps"), title)
    if layers.gaps is None and layers.coverage is None:
        _missing(layout, 3, tr("No coverage or gaps layer was given: run Coverage gaps and add its output to the "
                               "report."))
    else:
        map_rect4 = (MARGIN, 22.0, 165.0, 176.0)
        extent4 = QgsRectangle(extent)
        if layers.gaps is not None:
            extent4.combineExtentWith(layer_extent(layers.gaps, crs, project))
        item = _map(layout, 3, [layers.gaps, routes, cameras, layers.coverage, layers.hillshade], extent4, crs,
                    map_rect4)
        _map_furniture(layout, 3, item, map_rect4)
        right4 = MARGIN + map_rect4[2] + 5
        if inputs.gap_rows:
            rows = [[str(g["rank"]), number(g["area_km2"], 2), number(g["suitability"], 2), number(g["ridge_km"]),
                     number(g["access_km"])] for g in inputs.gap_rows]
            _table(layout, 3, [tr("Rank"), tr("Area, km²"), tr("Suitability"), tr("Ridge, km"), tr("Access, km")],
                   rows, (right4, 22.0, PAGE_W - MARGIN - right4, 80.0))
        elif layers.gaps is None:
            _missing(layout, 3, tr("No gaps layer was given."), y=198)
        _legend(layout, 3, item, [layers.gaps, layers.coverage, routes, cameras], right4, 110.0)

    # 5 plan -----------------------------------------------------------------------------------------------
    _header(layout, 4, tr("Plan for next season"), title)
    if layers.plan is None:
        _missing(layout, 4, tr("No plan was given: run the planner and add its output to the report."))
    else:
        map_rect5 = (MARGIN, 22.0, 165.0, 176.0)
        extent5 = QgsRectangle(extent)
        extent5.combineExtentWith(layer_extent(layers.plan, crs, project))
        item = _map(layout, 4, [layers.plan, layers.gaps, cameras, layers.hillshade], extent5, crs, map_rect5)
        _map_furniture(layout, 4, item, map_rect5)
        right5 = MARGIN + map_rect5[2] + 5
        columns, rows = inputs.plan_table
        if columns:
            headers = {"transect_id": tr("Transect"), "team": tr("Team"), "day": tr("Day"),
                       "surface_km": tr("Surface km"), "ascent_m": tr("Ascent, m"),
                       "new_habitat_km2": tr("New habitat, km²")}
            _table(layout, 4, [headers.get(name, name) for name in columns],
                   [[_cell(v) for v in row] for row in rows], (right5, 22.0, PAGE_W - MARGIN - right5, 90.0), size=6.5)
        _legend(layout, 4, item, [layers.plan, layers.gaps, cameras], right5, 118.0)

    # 6 totals per team and validation -----------------------------------------------------------------
    _header(layout, 5, tr("Totals per team and import validation"), title)
    types = data.sign_types
    headers = [tr("Team"), tr("Days"), tr("Routes"), tr("Km"), tr("Surface km"), tr("Signs")] + \
        [labels.get(code, code) for code in types]
    rows = []
    for entry in data.team_totals:
        rows.append([team_name(entry["team"]), str(entry["days"]) if entry["team"] is not None else "",
                     str(entry["routes"]), number(entry["km"]), number(entry["surface_km"]), str(entry["signs"])]
                    + [str(entry["signs_by_type"].get(code, 0)) for code in types])
    rows.append([tr("Season"), str(summary["days"]), str(summary["routes"]), number(summary["km"]),
                 number(summary["surface_km"]), str(summary["signs"])]
                + [str(summary["signs_by_type"].get(code, 0)) for code in types])
    height = 8 + 5 * len(rows)
    _table(layout, 5, headers, rows, (MARGIN, 24.0, PAGE_W - 2 * MARGIN, height), size=7)
    _label(layout, 5, tr("Days: distinct survey dates (a day with two teams out counts once for the season). A sign "
                         "belongs to the route walked that day within {m} m of it.").format(m=250),
           MARGIN, 26 + height, PAGE_W - 2 * MARGIN, 6, size=6.5, colour=QColor("#555555"))
    top = 40 + height
    _label(layout, 5, tr("Import validation"), MARGIN, top, 150, 7, size=11, bold=True)
    from ..labels import action_labels, problem_labels, severity_labels

    problems, actions, severities = problem_labels(tr), action_labels(tr), severity_labels(tr)
    if data.validation:
        rows = [[problems.get(v["problem"], v["problem"]), actions.get(v["action"], v["action"]),
                 severities.get(v["severity"], v["severity"]), str(v["rows"])] for v in data.validation]
        rows.append([tr("Total"), "", "", str(summary["validation"])])
        _table(layout, 5, [tr("Problem"), tr("What was done"), tr("Severity"), tr("Rows")], rows[:25],
               (MARGIN, top + 9, 170.0, 8 + 5 * len(rows[:25])), numeric_from=3)
    else:
        _label(layout, 5, tr("The import found nothing to fix or flag."), MARGIN, top + 9, 170, 6, size=9)
    return layout


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return number(value, 2)
    return str(value)


def export_pdf(layout: QgsPrintLayout, path: str) -> Tuple[bool, str]:
    """Export the layout to ``path`` (text as text, vector output). Returns (ok, error text)."""
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    result = exporter.exportToPdf(path, settings)
    if result == QgsLayoutExporter.Success:
        return True, ""
    return False, exporter.errorMessage() or str(result)


def report_group_name(title: str) -> str:
    """The layer-tree group that holds a report's layers in the user's project."""
    return tr("Report: {title}").format(title=title)


def add_layout_to_project(project: QgsProject, layout: QgsPrintLayout) -> None:
    """Add the layout to the project's layout manager, replacing an older one of the same name."""
    manager = project.layoutManager()
    old = manager.layoutByName(layout.name())
    if old is not None:
        manager.removeLayout(old)
    manager.addLayout(layout)

