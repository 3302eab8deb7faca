"""Charts of the season report, drawn with matplotlib to PNG files.

Only the object-oriented API with the Agg canvas is used (``Figure`` +
``FigureCanvasAgg``): no ``pyplot``, so no global figure state leaks into
QGIS or between reports. Colours follow the maps (sign types and teams, kept
in step with ``qgis_io.SIGN_MARKERS`` / ``TEAM_COLOURS``; a test checks it).
All texts (titles, axis labels, legend entries) come in already translated.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

#: Fill colour per sign type, as on the maps.
SIGN_COLOURS: Dict[str, str] = {
    "track": "#7a3b00",
    "scrape": "#c0392b",
    "scat": "#8e5a2b",
    "scent_mark": "#d4a017",
    "mating_call": "#8e44ad",
    "sighting": "#e31a1c",
    "prey_remains": "#2c3e50",
    "other": "#95a5a6",
}

#: Team colours, as the routes on the maps (team order = sorted team names).
TEAM_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#377eb8",
                "#e41a1c", "#4daf4a")

#: Camera stations on the maps.
CAMERA_COLOUR = "#08306b"

_FONT = "DejaVu Sans"  # ships with matplotlib; has Cyrillic


def _figure(width_mm: float, height_mm: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=200)
    FigureCanvasAgg(figure)
    return figure


def _style(ax: Any, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, fontsize=9, fontfamily=_FONT, loc="left", fontweight="bold", color="#222222")
    ax.set_xlabel(xlabel, fontsize=7.5, fontfamily=_FONT, color="#333333")
    ax.set_ylabel(ylabel, fontsize=7.5, fontfamily=_FONT, color="#333333")
    ax.tick_params(labelsize=7, colors="#333333")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#888888")
    ax.spines["bottom"].set_color("#888888")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _save(figure: Any, path: str) -> str:
    figure.tight_layout()
    figure.savefig(path, format="png", facecolor="white")
    figure.clear()
    return path


def signs_per_km_chart(weeks: Sequence[Mapping[str, Any]], sign_types: Sequence[str], labels: Mapping[str, str],
                       path: str, title: str, xlabel: str, ylabel: str, week_label: str = "{start}",
                       width_mm: float = 130.0, height_mm: float = 80.0) -> str:
    """Stacked bars of signs per km walked, per survey week, one colour per sign type.

    Args:
        weeks: rows of :attr:`.report_data.ReportData.weeks`.
        sign_types: codes to draw, bottom to top.
        labels: code → legend text (translated).
        path: the PNG to write.
        week_label: tick text template with ``{start}`` / ``{end}`` (dates as dd.mm).
        width_mm, height_mm: size on the page (the PNG is 200 dpi).
    """
    import numpy as np

    figure = _figure(width_mm, height_mm)
    ax = figure.add_subplot(1, 1, 1)
    x = np.arange(len(weeks))
    bottom = np.zeros(len(weeks))
    for code in sign_types:
        values = np.array([w["per_km"].get(code) or 0.0 for w in weeks], dtype=float)
        if not values.any():
            continue
        ax.bar(x, values, 0.7, bottom=bottom, color=SIGN_COLOURS.get(code, "#95a5a6"), label=labels.get(code, code),
               edgecolor="white", linewidth=0.4)
        bottom += values
    for i, w in enumerate(weeks):
        if w["km"] <= 0:
            ax.text(i, 0, "0 km", ha="center", va="bottom", fontsize=6, color="#888888")
    ticks = [week_label.format(start=_ddmm(w["week_start"]), end=_ddmm(w["week_end"])) for w in weeks]
    ax.set_xticks(x)
    ax.set_xticklabels(ticks)
    _style(ax, title, xlabel, ylabel)
    if bottom.any():
        ax.legend(fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  prop={"family": _FONT, "size": 6.5})
    return _save(figure, path)


def detections_chart(stations: Sequence[Mapping[str, Any]], path: str, title: str, xlabel: str, ylabel: str,
                     rate_label: str, width_mm: float = 130.0, height_mm: float = 75.0) -> str:
    """Bars of detections per station, with the rate per 100 trap-nights as points on a second axis.

    Args:
        stations: rows of :attr:`.report_data.ReportData.stations`.
        path: the PNG to write; rate_label: the second axis' label (translated).
    """
    import numpy as np

    figure = _figure(width_mm, height_mm)
    ax = figure.add_subplot(1, 1, 1)
    x = np.arange(len(stations))
    ax.bar(x, [s["detections"] for s in stations], 0.7, color=CAMERA_COLOUR, label=ylabel)
    ax.set_xticks(x)
    ax.set_xticklabels([str(s["station_id"]) for s in stations], rotation=60, ha="right", fontsize=6)
    _style(ax, title, xlabel, ylabel)
    ax.tick_params(axis="x", labelsize=5.5)
    rates = [s["rate_per_100"] if s["rate_per_100"] is not None else np.nan for s in stations]
    twin = ax.twinx()
    twin.plot(x, rates, "o", color="#e7298a", markersize=3, label=rate_label)
    twin.set_ylabel(rate_label, fontsize=7.5, fontfamily=_FONT, color="#e7298a")
    twin.tick_params(labelsize=7, colors="#e7298a")
    twin.set_ylim(bottom=0)
    twin.spines["top"].set_visible(False)
    return _save(figure, path)


def km_by_team_month_chart(rows: Sequence[Mapping[str, Any]], teams: Sequence[str], path: str, title: str,
                           ylabel: str, team_label: str = "{team}", month_names: Optional[List[str]] = None,
                           width_mm: float = 110.0, height_mm: float = 60.0) -> str:
    """Grouped bars of km walked per month, one colour per team (the route colours of the maps).

    Args:
        rows: :attr:`.report_data.ReportData.km_by_team_month`.
        teams: team names in the order of the map's colours (sorted).
        team_label: legend template with ``{team}``.
        month_names: 12 month names (translated); default ``YYYY-MM``.
    """
    import numpy as np

    months = sorted({r["month"] for r in rows})
    figure = _figure(width_mm, height_mm)
    ax = figure.add_subplot(1, 1, 1)
    width = 0.8 / max(len(teams), 1)
    for t, team in enumerate(teams):
        values = [sum(r["km"] for r in rows if r["team"] == team and r["month"] == m) for m in months]
        ax.bar(np.arange(len(months)) + (t - (len(teams) - 1) / 2) * width, values, width,
               color=TEAM_COLOURS[t % len(TEAM_COLOURS)], label=team_label.format(team=team))
    ticks = []
    for month in months:
        if month_names and len(month) == 7:
            ticks.append(f"{month_names[int(month[5:]) - 1]} {month[:4]}")
        else:
            ticks.append(month or "—")
    ax.set_xticks(np.arange(len(months)))
    ax.set_xticklabels(ticks)
    _style(ax, title, "", ylabel)
    if teams:
        ax.legend(fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  prop={"family": _FONT, "size": 6.5})
    return _save(figure, path)


def _ddmm(iso: str) -> str:
    return f"{iso[8:10]}.{iso[5:7]}" if len(iso) >= 10 else iso
