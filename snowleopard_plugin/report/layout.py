"""Page set-up of the report's A4 landscape print layout and the items every page is built from: labels,
maps with their grid, scale bar and north arrow, legends, tables, pictures, page headers. Sizes in mm
(layout units), font sizes in points. Also the PDF export."""

from __future__ import annotations

import math
import os
from typing import Any, Optional, Sequence, Tuple

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
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
    QgsPalettedRasterRenderer,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsRenderContext,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..__about__ import plugin_file
from .texts import tr

PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 10.0
FONT = "DejaVu Sans"
INK = QColor("#222222")
PAGES = 6

#: (x, y, width, height) of a box on a page, mm.
Rect = Tuple[float, float, float, float]


def new_layout(project: QgsProject, name: str) -> QgsPrintLayout:
    """A print layout of :data:`PAGES` A4 landscape pages whose text is exported as text."""
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
    return layout


def nice(value: float) -> float:
    """A round number (1, 2, 2.5, 5 × 10^k) at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= value:
            return factor * power
    return 10 * power


def text_format(size: float, bold: bool = False, colour: QColor = INK) -> QgsTextFormat:
    text = QgsTextFormat()
    font = QFont(FONT)
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderPoints)
    text.setColor(colour)
    return text


def place(item: Any, x: float, y: float, w: float, h: float, page: int) -> None:
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters), True, False, page)


def label(layout: QgsPrintLayout, page: int, text: str, x: float, y: float, w: float, h: float,
           size: float = 9.0, bold: bool = False, colour: QColor = INK, align: Any = Qt.AlignLeft) -> Any:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(text_format(size, bold, colour))
    else:
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
        label.setFontColor(colour)
    label.setHAlign(align)
    label.setVAlign(Qt.AlignTop)
    layout.addLayoutItem(label)
    place(label, x, y, w, h, page)
    return label


def map_item(layout: QgsPrintLayout, page: int, layers: Sequence[Any], extent: QgsRectangle, crs: Any,
         rect: Rect, grid: bool = True) -> Any:
    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    layout.addLayoutItem(item)
    place(item, *rect, page)
    item.setLayers([layer for layer in layers if layer is not None])
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#555555"))
    item.zoomToExtent(extent)
    item.setBackgroundColor(QColor("#ffffff"))
    if grid:
        map_grid = QgsLayoutItemMapGrid(tr("Grid"), item)
        interval = nice(extent.width() / 5.0)
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
            map_grid.setAnnotationTextFormat(text_format(5.5, colour=QColor("#444444")))
        for border in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right):
            map_grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, border)
        for border in (QgsLayoutItemMapGrid.Top, QgsLayoutItemMapGrid.Bottom, QgsLayoutItemMapGrid.Left,
                       QgsLayoutItemMapGrid.Right):
            map_grid.setAnnotationPosition(QgsLayoutItemMapGrid.InsideMapFrame, border)
        map_grid.setFrameStyle(QgsLayoutItemMapGrid.Zebra)
        map_grid.setFrameWidth(1.2)
        item.grids().addGrid(map_grid)
    return item


def map_furniture(layout: QgsPrintLayout, page: int, item: Any, rect: Rect) -> None:
    """Scale bar (bottom left, km) and north arrow (top right) on a map."""
    x, y, w, h = rect
    box = QgsLayoutItemShape(layout)
    box.setShapeType(QgsLayoutItemShape.Rectangle)
    box.setSymbol(QgsFillSymbol.createSimple({"color": "255,255,255,210", "outline_style": "no"}))
    layout.addLayoutItem(box)
    place(box, x + 4, y + h - 15, 62, 11, page)
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
        bar.setTextFormat(text_format(6.5))
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
    place(arrow, x + w - 16, y + 4, 11, 14, page)


def _north_arrow() -> str:
    own = plugin_file("resources", "report", "north_arrow.svg")
    if os.path.isfile(own):
        return own
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, "arrows", "NorthArrow_02.svg")
        if os.path.isfile(path):
            return path
    return ""


def legend(layout: QgsPrintLayout, page: int, item: Any, layers: Sequence[Any], x: float, y: float,
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


def table(layout: QgsPrintLayout, page: int, headers: Sequence[str], rows: Sequence[Sequence[str]],
           rect: Rect, size: float = 7.0, numeric_from: int = 1) -> Any:
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
        table.setHeaderTextFormat(text_format(size, bold=True))
        table.setContentTextFormat(text_format(size))
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
    place(frame, *rect, page)
    table.addFrame(frame)
    return table


def picture(layout: QgsPrintLayout, page: int, path: Optional[str], rect: Rect) -> Any:
    if not path or not os.path.isfile(path):
        return None
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(path)
    picture.setResizeMode(QgsLayoutItemPicture.Zoom)
    layout.addLayoutItem(picture)
    place(picture, *rect, page)
    return picture


def header(layout: QgsPrintLayout, page: int, heading: str, title: str) -> None:
    label(layout, page, heading, MARGIN, MARGIN - 2, PAGE_W - 2 * MARGIN, 9, size=15, bold=True)
    label(layout, page, title, MARGIN, PAGE_H - MARGIN + 2, 200, 6, size=7, colour=QColor("#666666"))
    label(layout, page, tr("Page {page} of {pages}").format(page=page + 1, pages=PAGES),
           PAGE_W - MARGIN - 60, PAGE_H - MARGIN + 2, 60, 6, size=7, colour=QColor("#666666"), align=Qt.AlignRight)


def missing(layout: QgsPrintLayout, page: int, text: str, y: float = 24.0) -> None:
    label(layout, page, text, MARGIN, y, PAGE_W - 2 * MARGIN, 8, size=10, colour=QColor("#a63603"))


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


def add_layout_to_project(project: QgsProject, layout: QgsPrintLayout) -> None:
    """Add the layout to the project's layout manager, replacing an older one of the same name."""
    manager = project.layoutManager()
    old = manager.layoutByName(layout.name())
    if old is not None:
        manager.removeLayout(old)
    manager.addLayout(layout)
