"""The six pages of the season report, one function each, and :func:`build_layout` that lays them out.

1. :func:`cover_page`: title, season dates and teams, overview map, the season in numbers, km by team.
2. :func:`signs_page`: signs over the effort-corrected heatmap, signs per km by survey week.
3. :func:`cameras_page`: camera stations by detections per 100 trap-nights, their table and chart.
4. :func:`gaps_page`: survey coverage and the ranked coverage gaps.
5. :func:`plan_page`: the plan for next season.
6. :func:`totals_page`: totals per team and the import validation.

A page whose input is missing says so (and what to run) instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qgis.core import QgsPrintLayout, QgsProject, QgsRectangle
from qgis.PyQt.QtGui import QColor

from ..labels import action_labels, plan_column_labels, problem_labels, severity_labels
from ..qgis_io import layer_extent
from .inputs import ReportInputs
from .layers import ReportLayers
from .layout import (
    MARGIN,
    PAGE_H,
    PAGE_W,
    header,
    label,
    legend,
    map_furniture,
    map_item,
    missing,
    new_layout,
    picture,
    table,
)
from .texts import cell, date_text, default_title, number, sign_labels, team_name, tr

#: Rows of the validation table that fit under the team table on page 6.
VALIDATION_ROWS = 25


@dataclass
class Page:
    """What every page function draws with: the layout, the report's layers and inputs, the season's extent
    (in ``crs``, the season's CRS, widened 8 %) and the report's title."""

    layout: QgsPrintLayout
    project: QgsProject
    inputs: ReportInputs
    layers: ReportLayers
    title: str
    extent: QgsRectangle
    crs: Any

    @property
    def data(self) -> Any:
        return self.inputs.data

    @property
    def summary(self) -> dict:
        return self.inputs.data.summary

    def season_layer(self, name: str) -> Any:
        """``routes``, ``observations`` or ``cameras`` of the season (None when the season has none)."""
        return self.layers.season.get(name)

    def extent_with(self, layer: Any) -> QgsRectangle:
        """The season's extent grown to hold ``layer`` (framed in the season's CRS)."""
        extent = QgsRectangle(self.extent)
        if layer is not None:
            extent.combineExtentWith(layer_extent(layer, self.crs, self.project))
        return extent


def build_layout(project: QgsProject, inputs: ReportInputs, name: str, group: Any = None) -> QgsPrintLayout:
    """Lay out the six pages of the season report in ``project``.

    Args:
        project: the project whose layers the maps show; the report's layers are added to it
            (into ``group`` when given, else to its layer tree root).
        inputs: what to show; texts come from :func:`.texts.tr` (call inside :func:`.texts.report_language`).
        name: the layout's name.
    """
    data = inputs.data
    layers = ReportLayers(project, inputs, group)
    extent = QgsRectangle(*data.extent) if data.extent else QgsRectangle(0, 0, 1, 1)
    extent.scale(1.08)
    page = Page(new_layout(project, name), project, inputs, layers, inputs.title or default_title(data), extent,
                layers.crs)
    for index, draw in enumerate(PAGE_FUNCTIONS):
        draw(page, index)
    return page.layout


# 1 -----------------------------------------------------------------------------------------------------------

def cover_page(page: Page, n: int) -> None:
    """Title, season dates and teams, the overview map, the season in numbers, km by team and month."""
    layout, summary, layers = page.layout, page.summary, page.layers
    routes, cameras = page.season_layer("routes"), page.season_layer("cameras")
    header(layout, n, page.title, page.title)
    teams = ", ".join(team_name(t) for t in summary["teams"]) or "–"
    label(layout, n, tr("Season {first} – {last}  ·  teams: {teams}").format(
        first=date_text(summary["first_date"]), last=date_text(summary["last_date"]), teams=teams),
        MARGIN, 19, PAGE_W - 2 * MARGIN, 7, size=10)
    rect = (MARGIN, 30.0, 185.0, 165.0)
    item = map_item(layout, n, [routes, cameras, layers.boundary, layers.hillshade], page.extent, page.crs, rect)
    map_furniture(layout, n, item, rect)
    right = MARGIN + rect[2] + 6
    width = PAGE_W - MARGIN - right
    table(layout, n, [tr("Season in numbers"), ""], season_numbers(summary), (right, 30.0, width, 60.0), size=7.5)
    legend(layout, n, item, [routes, cameras, layers.boundary], right, 94.0)
    picture(layout, n, page.inputs.charts.get("km"), (right, 146.0, width, 50.0))
    if layers.hillshade is None:
        label(layout, n, tr("No DEM was given: the map has no hillshade."), MARGIN, 196, 185, 5, size=7,
              colour=QColor("#666666"))


def season_numbers(summary: dict) -> list:
    """The rows of the cover's "Season in numbers" table."""
    return [
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


# 2 -----------------------------------------------------------------------------------------------------------

def signs_page(page: Page, n: int) -> None:
    """Signs over the effort-corrected heatmap, and signs per km by survey week."""
    layout, layers = page.layout, page.layers
    signs, routes = page.season_layer("observations"), page.season_layer("routes")
    header(layout, n, tr("Signs and the effort-corrected heatmap"), page.title)
    rect = (MARGIN, 30.0, 150.0, 165.0)
    item = map_item(layout, n, [signs, routes, layers.heatmap, layers.hillshade], page.extent, page.crs, rect)
    map_furniture(layout, n, item, rect)
    right = MARGIN + rect[2] + 5
    picture(layout, n, page.inputs.charts.get("weekly"), (right, 30.0, PAGE_W - MARGIN - right, 80.0))
    legend(layout, n, item, [signs, layers.heatmap], right, 114.0)
    if layers.heatmap is None:
        missing(layout, n, tr("No heatmap was given: run Habitat-use heatmap with the routes as effort and add it "
                              "to the report."), y=19)
    else:
        label(layout, n, tr("Signs per km of route searched near each place; empty where too little was "
                            "walked."), MARGIN, 19, PAGE_W - 2 * MARGIN, 6, size=8, colour=QColor("#444444"))


# 3 -----------------------------------------------------------------------------------------------------------

def cameras_page(page: Page, n: int) -> None:
    """Camera stations sized by detections per 100 trap-nights, their chart and their table."""
    layout, data, summary, layers = page.layout, page.data, page.summary, page.layers
    header(layout, n, tr("Camera traps"), page.title)
    if not data.stations:
        missing(layout, n, tr("The season has no camera stations."))
        return
    rect = (MARGIN, 22.0, 140.0, 100.0)
    item = map_item(layout, n, [layers.stations, page.season_layer("routes"), layers.hillshade], page.extent,
                    page.crs, rect)
    map_furniture(layout, n, item, rect)
    picture(layout, n, page.inputs.charts.get("stations"), (MARGIN, 126.0, 140.0, 72.0))
    rows = [[s["station_id"], number(s["trap_nights"]), str(s["detections"]), str(s["individuals"]),
             number(s["rate_per_100"])] for s in data.stations]
    rows.append([tr("Total"), number(summary["trap_nights"]), str(sum(s["detections"] for s in data.stations)),
                 str(summary["individuals"]), number(summary["detections_per_100tn"])])
    size = 6.5 if len(rows) <= 30 else 5.5
    rows = rows[:45]
    height = min(176.0, (len(rows) + 1) * (size * 0.3528 + 2.1) + 2)
    table(layout, n, [tr("Station"), tr("Trap-nights"), tr("Detections"), tr("Individuals"), tr("per 100 TN")],
          rows, (MARGIN + 146, 22.0, PAGE_W - 2 * MARGIN - 146, height), size=size)
    if 22.0 + height + 40 < PAGE_H - MARGIN:
        legend(layout, n, item, [layers.stations], MARGIN + 146, 28.0 + height)
    else:
        legend(layout, n, item, [layers.stations], MARGIN + 3, 25.0)


# 4 -----------------------------------------------------------------------------------------------------------

def gaps_page(page: Page, n: int) -> None:
    """Survey coverage and the ranked coverage gaps, with the table of the first gaps."""
    layout, layers = page.layout, page.layers
    routes, cameras = page.season_layer("routes"), page.season_layer("cameras")
    header(layout, n, tr("Survey coverage and the ranked gaps"), page.title)
    if layers.gaps is None and layers.coverage is None:
        missing(layout, n, tr("No coverage or gaps layer was given: run Coverage gaps and add its output to the "
                              "report."))
        return
    rect = (MARGIN, 22.0, 165.0, 176.0)
    item = map_item(layout, n, [layers.gaps, routes, cameras, layers.coverage, layers.hillshade],
                    page.extent_with(layers.gaps), page.crs, rect)
    map_furniture(layout, n, item, rect)
    right = MARGIN + rect[2] + 5
    if page.inputs.gap_rows:
        rows = [[str(g["rank"]), number(g["area_km2"], 2), number(g["suitability"], 2), number(g["ridge_km"]),
                 number(g["access_km"])] for g in page.inputs.gap_rows]
        table(layout, n, [tr("Rank"), tr("Area, km²"), tr("Suitability"), tr("Ridge, km"), tr("Access, km")],
              rows, (right, 22.0, PAGE_W - MARGIN - right, 80.0))
    elif layers.gaps is None:
        missing(layout, n, tr("No gaps layer was given."), y=198)
    legend(layout, n, item, [layers.gaps, layers.coverage, routes, cameras], right, 110.0)


# 5 -----------------------------------------------------------------------------------------------------------

def plan_page(page: Page, n: int) -> None:
    """The plan for next season over the gaps, with the table of its transects."""
    layout, layers = page.layout, page.layers
    cameras = page.season_layer("cameras")
    header(layout, n, tr("Plan for next season"), page.title)
    if layers.plan is None:
        missing(layout, n, tr("No plan was given: run the planner and add its output to the report."))
        return
    rect = (MARGIN, 22.0, 165.0, 176.0)
    item = map_item(layout, n, [layers.plan, layers.gaps, cameras, layers.hillshade], page.extent_with(layers.plan),
                    page.crs, rect)
    map_furniture(layout, n, item, rect)
    right = MARGIN + rect[2] + 5
    columns, rows = page.inputs.plan_table
    if columns:
        headings = plan_column_labels(tr)
        table(layout, n, [headings.get(name, name) for name in columns], [[cell(v) for v in row] for row in rows],
              (right, 22.0, PAGE_W - MARGIN - right, 90.0), size=6.5)
    legend(layout, n, item, [layers.plan, layers.gaps, cameras], right, 118.0)


# 6 -----------------------------------------------------------------------------------------------------------

def totals_page(page: Page, n: int) -> None:
    """Totals per team, then the import validation below them."""
    header(page.layout, n, tr("Totals per team and import validation"), page.title)
    bottom = team_table(page, n)
    validation_table(page, n, bottom + 14)


def team_table(page: Page, n: int) -> float:
    """Days, routes, km and signs (by type) per team and for the season, with a note on how they are counted.

    Returns:
        The y of the table's bottom, mm.
    """
    layout, data, summary = page.layout, page.data, page.summary
    types = data.sign_types
    labels = sign_labels()
    headings = [tr("Team"), tr("Days"), tr("Routes"), tr("Km"), tr("Surface km"), tr("Signs")] + \
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
    table(layout, n, headings, rows, (MARGIN, 24.0, PAGE_W - 2 * MARGIN, height), size=7)
    label(layout, n, tr("Days: distinct survey dates (a day with two teams out counts once for the season). A sign "
                        "belongs to the route walked that day within {m} m of it.").format(m=250),
          MARGIN, 26 + height, PAGE_W - 2 * MARGIN, 6, size=6.5, colour=QColor("#555555"))
    return 26.0 + height


def validation_table(page: Page, n: int, top: float) -> None:
    """What the import fixed, flagged or rejected: rows per problem, action and severity, in words."""
    layout, data = page.layout, page.data
    label(layout, n, tr("Import validation"), MARGIN, top, 150, 7, size=11, bold=True)
    if not data.validation:
        label(layout, n, tr("The import found nothing to fix or flag."), MARGIN, top + 9, 170, 6, size=9)
        return
    problems, actions, severities = problem_labels(tr), action_labels(tr), severity_labels(tr)
    rows = [[problems.get(v["problem"], v["problem"]), actions.get(v["action"], v["action"]),
             severities.get(v["severity"], v["severity"]), str(v["rows"])] for v in data.validation]
    rows.append([tr("Total"), "", "", str(page.summary["validation"])])
    rows = rows[:VALIDATION_ROWS]
    table(layout, n, [tr("Problem"), tr("What was done"), tr("Severity"), tr("Rows")], rows,
          (MARGIN, top + 9, 170.0, 8 + 5 * len(rows)), numeric_from=3)


#: The pages in print order (as many as ``layout.PAGES``, which the page headers count).
PAGE_FUNCTIONS = (cover_page, signs_page, cameras_page, gaps_page, plan_page, totals_page)
