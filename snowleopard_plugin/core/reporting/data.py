"""The tables and numbers of the season report, computed without QGIS.

:func:`report_data` reads a season GeoPackage (layers of :mod:`.model`) and
returns everything the report prints, so the same figures are tested without
QGIS and the print layout only lays them out. Headline totals come from
:func:`.summary.season_summary` (the numbers the dock shows after an import);
this module adds the breakdowns:

* **km by team and month**: the sum of ``routes.length_km`` (planimetric) and
  ``surface_km`` (over the DEM) per team and calendar month of ``routes.date``.
* **signs per km by survey week and sign type**: survey weeks run Monday to
  Sunday (ISO weeks). A sign falls in the week of its date (``observations.datetime``,
  else the date of the route it was attributed to); km walked in a week are the
  ``length_km`` of the routes dated in it. Signs per km = signs of that type in
  the week / km walked in the week (None when no km was walked that week).
* **per station**: trap-nights, detections of the target species, individuals
  and detections per 100 trap-nights, with the station's position (season CRS).
* **totals per team**: days, routes, km, surface km and signs by type. A sign
  belongs to a team through its route: the route whose ``route_id`` equals the
  sign's, else the nearest route walked the same day (± 1 day) within
  :data:`SIGN_MATCH_M` metres, else (no date) the nearest route within that
  distance; other signs are *not attributed* (own row), so the rows add up to
  the season's total.
* **validation summary**: rows per problem, action and severity.
* **top gaps** and the **plan**: the first rows of the coverage-gaps and plan layers.

Distances in metres in the season's metric CRS; lengths in km; effort in trap-nights.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .. import model
from ..exceptions import QT_TR_NOOP, InputError
from .summary import TARGET_SPECIES, _number, _open, _rows, _text, is_empty, season_summary

#: A sign farther than this from every route (metres) is not attributed to a team.
SIGN_MATCH_M = 250.0

#: Columns of the top-gaps table, in order.
GAP_COLUMNS = ("rank", "area_km2", "suitability", "ridge_km", "access_km")


@dataclass
class ReportData:
    """Everything the season report prints (see the module docstring for the definitions).

    Attributes:
        summary: :func:`.summary.season_summary` of the season.
        crs_wkt: the season's CRS as WKT ('' when unknown); ``epsg``: its EPSG code or None.
        extent: (xmin, ymin, xmax, ymax) of routes, signs and cameras, in the season CRS (metres).
        km_by_team_month: rows ``{"team", "month" ("YYYY-MM"), "km", "surface_km"}``.
        weeks: rows ``{"week_start", "week_end" (ISO dates), "km", "signs" {type: n},
            "per_km" {type: signs per km or None}, "total", "total_per_km"}``, every week from the
            first to the last dated route or sign.
        undated_signs: signs without any date (left out of ``weeks``).
        stations: rows ``{"station_id", "trap_nights", "detections", "individuals", "rate_per_100",
            "x", "y"}`` sorted by station id.
        team_totals: rows ``{"team", "days", "routes", "km", "surface_km", "signs", "signs_by_type"}``;
            team None = signs not attributed to any route.
        sign_types: the sign-type codes present in the season, in :data:`.model.OBS_TYPES` order.
        validation: rows ``{"problem", "action", "severity", "rows"}``, most rows first.
    """

    summary: Dict[str, Any]
    crs_wkt: str = ""
    epsg: Optional[int] = None
    extent: Optional[Tuple[float, float, float, float]] = None
    km_by_team_month: List[Dict[str, Any]] = field(default_factory=list)
    weeks: List[Dict[str, Any]] = field(default_factory=list)
    undated_signs: int = 0
    stations: List[Dict[str, Any]] = field(default_factory=list)
    team_totals: List[Dict[str, Any]] = field(default_factory=list)
    sign_types: List[str] = field(default_factory=list)
    validation: List[Dict[str, Any]] = field(default_factory=list)


# Reading -------------------------------------------------------------------------------------------

def _date(value: Any) -> Optional[dt.date]:
    text = _text(value)
    if not text or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _season_crs(ds: Any) -> Tuple[str, Optional[int]]:
    for name in model.SEASON_LAYERS:
        layer = ds.GetLayerByName(name)
        srs = layer.GetSpatialRef() if layer is not None else None
        if srs is not None:
            srs.AutoIdentifyEPSG()
            code = srs.GetAuthorityCode(None)
            return srs.ExportToWkt(), int(code) if code and code.isdigit() else None
    return "", None


# Breakdowns ----------------------------------------------------------------------------------------

def week_start(day: dt.date) -> dt.date:
    """The Monday that starts the (ISO) survey week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def attribute_signs(routes: Sequence[Dict[str, Any]], signs: Sequence[Dict[str, Any]],
                    max_distance: float = SIGN_MATCH_M) -> List[Optional[int]]:
    """The route (index into ``routes``) each sign was found on, or None.

    Args:
        routes: rows with ``route_id``, ``date`` (datetime.date or None) and ``_geom`` (shapely line, metres).
        signs: rows with ``route_id``, ``date`` and ``_geom`` (shapely point, metres).
        max_distance: metres; a sign farther than this from the candidate routes is not attributed.

    Rule: the route with the same ``route_id``; else the nearest route dated within one day of
    the sign (any route when the sign has no date) that lies within ``max_distance``.
    """
    by_id = {}
    for i, route in enumerate(routes):
        rid = _text(route.get("route_id"))
        if rid is not None:
            by_id.setdefault(rid, i)
    result: List[Optional[int]] = []
    for sign in signs:
        rid = _text(sign.get("route_id"))
        if rid is not None and rid in by_id:
            result.append(by_id[rid])
            continue
        point = sign.get("_geom")
        day = sign.get("date")
        best, best_d = None, max_distance
        if point is not None:
            for i, route in enumerate(routes):
                line = route.get("_geom")
                if line is None:
                    continue
                if day is not None and route.get("date") is not None and abs((route["date"] - day).days) > 1:
                    continue
                if day is not None and route.get("date") is None:
                    continue
                d = line.distance(point)
                if d <= best_d:
                    best, best_d = i, d
        result.append(best)
    return result


def km_by_team_month(routes: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Km walked (``length_km``) and surface km per team and month of the route's date.

    Routes without a date are under month ``""``; routes without a team under team ``""``.
    """
    table: Dict[Tuple[str, str], Dict[str, Any]] = {}
    for route in routes:
        team = _text(route.get("team")) or ""
        day = route.get("date")
        month = f"{day.year:04d}-{day.month:02d}" if day else ""
        entry = table.setdefault((team, month), {"team": team, "month": month, "km": 0.0, "surface_km": None})
        entry["km"] += _number(route.get("length_km")) or 0.0
        surface = _number(route.get("surface_km"))
        if surface is not None:
            entry["surface_km"] = (entry["surface_km"] or 0.0) + surface
    return [table[key] for key in sorted(table)]


def signs_per_km_by_week(routes: Sequence[Dict[str, Any]], sign_days: Sequence[Optional[dt.date]],
                         sign_types: Sequence[str]) -> Tuple[List[Dict[str, Any]], int]:
    """Signs, km and signs per km by survey week (Monday to Sunday) and sign type.

    Args:
        routes: rows with ``date`` (datetime.date or None) and ``length_km``.
        sign_days: the date of each sign (None: undated).
        sign_types: the type code of each sign (same order).

    Returns:
        (weeks, undated): one row per week from the first to the last week with a dated route or
        sign (weeks with nothing have km 0), and the number of undated signs.
    """
    km: Dict[dt.date, float] = {}
    counts: Dict[dt.date, Dict[str, int]] = {}
    undated = 0
    for route in routes:
        if route.get("date") is not None:
            week = week_start(route["date"])
            km[week] = km.get(week, 0.0) + (_number(route.get("length_km")) or 0.0)
    for day, code in zip(sign_days, sign_types):
        if day is None:
            undated += 1
            continue
        week = week_start(day)
        per_type = counts.setdefault(week, {})
        per_type[code] = per_type.get(code, 0) + 1
    weeks = sorted(set(km) | set(counts))
    rows = []
    if weeks:
        codes = [c for c in model.OBS_TYPES if c in set(sign_types)] + sorted(set(sign_types) - set(model.OBS_TYPES))
        week = weeks[0]
        while week <= weeks[-1]:
            walked = km.get(week, 0.0)
            signs = {code: counts.get(week, {}).get(code, 0) for code in codes}
            total = sum(signs.values())
            rows.append({
                "week_start": week.isoformat(),
                "week_end": (week + dt.timedelta(days=6)).isoformat(),
                "km": walked,
                "signs": signs,
                "per_km": {code: (n / walked if walked > 0 else None) for code, n in signs.items()},
                "total": total,
                "total_per_km": total / walked if walked > 0 else None,
            })
            week += dt.timedelta(days=7)
    return rows, undated


def validation_summary(rows: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Validation rows counted per (problem, action, severity), most rows first."""
    table: Dict[Tuple[str, str, str], int] = {}
    for row in rows:
        key = (_text(row.get("problem")) or "other", _text(row.get("action")) or "",
               _text(row.get("severity")) or "info")
        table[key] = table.get(key, 0) + 1
    ordered = sorted(table.items(), key=lambda item: (-item[1], item[0]))
    return [{"problem": p, "action": a, "severity": s, "rows": n} for (p, a, s), n in ordered]


def top_gaps(records: Iterable[Dict[str, Any]], n: int = 10) -> List[Dict[str, Any]]:
    """The first ``n`` coverage gaps by rank (1 = largest area × suitability).

    Args:
        records: attribute rows of a gaps layer (``rank, area_km2, suitability, ridge_km, access_km``
            as written by :mod:`.gaps`); without ``rank`` the gaps are ranked by area × suitability.

    Returns:
        rows with the :data:`GAP_COLUMNS` (numbers, None for NULL), sorted by rank.

    Raises:
        InputError: the layer has no ``area_km2`` field (not a gaps layer).
    """
    rows = []
    for record in records:
        if "area_km2" not in record:
            raise InputError(QT_TR_NOOP("The gaps layer has no area_km2 field: choose the output of Coverage "
                                        "gaps."))
        rows.append({name: _number(record.get(name)) for name in GAP_COLUMNS})
    if any(row["rank"] is None for row in rows):
        rows.sort(key=lambda r: -((r["area_km2"] or 0.0) * (r["suitability"] if r["suitability"] is not None
                                                             else 1.0)))
        for i, row in enumerate(rows, start=1):
            row["rank"] = float(i)
    rows.sort(key=lambda r: r["rank"])
    for row in rows:
        row["rank"] = int(row["rank"])
    return rows[:n]


#: The planner's transect fields, in the order the report shows them.
PLAN_COLUMNS = ("transect_id", "team", "day", "surface_km", "ascent_m", "new_habitat_km2")


def table_rows(records: Sequence[Dict[str, Any]], n: int = 12, max_columns: int = 6,
               sort_field: str = "rank", preferred: Sequence[str] = PLAN_COLUMNS) -> Tuple[List[str], List[List[Any]]]:
    """A table of a layer's first rows.

    Columns: the ``preferred`` fields when the layer has them all (the planner's transects),
    else the first ``max_columns`` fields that are not ``fid``; rows sorted by ``sort_field``
    when present; numbers kept as numbers.
    """
    if not records:
        return [], []
    if preferred and all(name in records[0] for name in preferred):
        columns = list(preferred)
    else:
        columns = [name for name in records[0] if name.lower() not in ("fid", "ogc_fid")][:max_columns]
    rows = list(records)
    if sort_field in columns:
        rows.sort(key=lambda r: (_number(r.get(sort_field)) is None, _number(r.get(sort_field)) or 0.0))
    return columns, [[row.get(name) for name in columns] for row in rows[:n]]


# The whole report ----------------------------------------------------------------------------------

def report_data(gpkg_path: str, target_species: Optional[str] = TARGET_SPECIES) -> ReportData:
    """Read a season GeoPackage and compute every table of the report.

    Args:
        gpkg_path: the season GeoPackage (written by Import census season).
        target_species: detections whose species contains this (case-insensitive) are counted.

    Raises:
        InputError: the file is missing, not a season, or the season is empty.
    """
    summary = season_summary(gpkg_path, target_species)
    if is_empty(summary):
        raise InputError(QT_TR_NOOP("The season {path} is empty: it has no routes, signs, cameras or detections. "
                                    "Import the field files first."), path=gpkg_path)
    ds = _open(gpkg_path)
    crs_wkt, epsg = _season_crs(ds)
    routes = list(_rows(ds, model.ROUTES, ["route_id", "team", "date", "start_time", "length_km", "surface_km"],
                        geometry=True))
    for route in routes:
        route["date"] = _date(route["date"]) or _date(route["start_time"])
    signs = list(_rows(ds, model.OBSERVATIONS, ["obs_type", "datetime", "route_id"], geometry=True))
    for sign in signs:
        sign["date"] = _date(sign["datetime"])
        sign["obs_type"] = _text(sign["obs_type"]) or "other"
    cameras = list(_rows(ds, model.CAMERAS, ["station_id"], geometry=True))
    validation_rows = list(_rows(ds, model.VALIDATION, ["problem", "action", "severity"]))
    ds = None

    bounds = [row["_geom"].bounds for row in routes + signs + cameras if row["_geom"] is not None]
    extent = None
    if bounds:
        extent = (min(b[0] for b in bounds), min(b[1] for b in bounds), max(b[2] for b in bounds),
                  max(b[3] for b in bounds))

    owner = attribute_signs(routes, signs)
    sign_days = [sign["date"] or (routes[k]["date"] if k is not None else None) for sign, k in zip(signs, owner)]
    codes = [sign["obs_type"] for sign in signs]
    weeks, undated = signs_per_km_by_week(routes, sign_days, codes)
    sign_types = [c for c in model.OBS_TYPES if c in set(codes)] + sorted(set(codes) - set(model.OBS_TYPES))

    # totals per team: effort from the summary (same numbers as the dock), signs through their route
    team_signs: Dict[Optional[str], Dict[str, int]] = {}
    for sign, k in zip(signs, owner):
        team = (_text(routes[k]["team"]) or "") if k is not None else None
        per_type = team_signs.setdefault(team, {})
        per_type[sign["obs_type"]] = per_type.get(sign["obs_type"], 0) + 1
    team_totals = []
    for team, entry in summary["per_team"].items():
        if team is None:
            continue
        by_type = team_signs.get(team, {})
        team_totals.append({"team": team, "days": entry["days"], "routes": entry["routes"], "km": entry["km"],
                            "surface_km": entry["surface_km"], "signs": sum(by_type.values()),
                            "signs_by_type": by_type})
    if team_signs.get(None):
        by_type = team_signs[None]
        team_totals.append({"team": None, "days": 0, "routes": 0, "km": 0.0, "surface_km": None,
                            "signs": sum(by_type.values()), "signs_by_type": by_type})

    positions: Dict[str, Tuple[float, float]] = {}
    for camera in cameras:
        sid = _text(camera["station_id"]) or ""
        if sid not in positions and camera["_geom"] is not None:
            positions[sid] = (camera["_geom"].x, camera["_geom"].y)
    stations = []
    for sid, entry in summary["per_station"].items():
        tn = entry["trap_nights"]
        x, y = positions.get(sid, (None, None))
        stations.append({"station_id": sid, "trap_nights": tn, "detections": entry["detections"],
                         "individuals": entry["individuals"],
                         "rate_per_100": 100.0 * entry["detections"] / tn if tn > 0 else None, "x": x, "y": y})

    return ReportData(summary=summary, crs_wkt=crs_wkt, epsg=epsg, extent=extent,
                      km_by_team_month=km_by_team_month(routes), weeks=weeks, undated_signs=undated,
                      stations=stations, team_totals=team_totals, sign_types=sign_types,
                      validation=validation_summary(validation_rows))


def read_records(path: str, layer: Optional[str] = None) -> List[Dict[str, Any]]:
    """Attribute rows of a vector file (e.g. a gaps GeoPackage), read-only through OGR.

    Raises:
        InputError: the file cannot be read as a vector layer.
    """
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    finally:
        gdal.PopErrorHandler()
    if ds is None or ds.GetLayerCount() == 0:
        raise InputError(QT_TR_NOOP("Cannot read {path} as a vector layer: choose the GeoPackage or shapefile "
                                    "written by the analysis."), path=path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    if lyr is None:
        raise InputError(QT_TR_NOOP("Cannot read {path} as a vector layer: choose the GeoPackage or shapefile "
                                    "written by the analysis."), path=path)
    definition = lyr.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    return list(_rows(ds, lyr.GetName(), names))
