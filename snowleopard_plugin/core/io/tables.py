"""Reading field tables: CSV/text exports of spreadsheets, NextGIS and camtrapR.

Field teams hand in observation tables written by very different tools: Excel
on a Russian Windows (cp1251, ``;`` separated, decimal comma, coordinates in
degrees-minutes), UTF-8 exports with English headers, tab-separated text,
NextGIS Web / NextGIS Collector CSV exports (UTF-8 with BOM, ``fid``, ``geom``
as WKT), camtrapR station (CTtable) and record tables. This module turns them
into the season model (:mod:`..model`):

* :func:`read_observations_table`: sign and sighting points (``observations``);
* :func:`read_cameras_table`: camera stations (``cameras``);
* :func:`read_detections_table`: camera detections (``detections``, no geometry).

The rules they share with the other readers live in their own modules:
:mod:`.text` (encodings, delimiters, numbers, coordinates, dates),
:mod:`.vocabulary` (header synonyms, sign types, sign ages),
:mod:`.table_rows` (header row, columns, locating rows, date columns) and
:mod:`.mapping` (saved field mappings).

CRS: coordinates come back as WGS 84 longitude/latitude degrees (EPSG:4326),
except projected coordinates (values in metres) read with an explicit ``crs``,
which stay in that CRS. Whether a file holds degrees or metres is decided from
its values, not from ``crs``. Nothing here checks that coordinates are plausible (inside the park,
lat/lon swapped): the season assembler does that across all files.

Every problem found is appended to the caller's :class:`~.validation.IssueLog`
with ``source`` = the file's base name and ``feature`` = the 1-based data row
number (the first row below the header is 1). Rows are never dropped silently.
Input files are opened read-only.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Dict, List, Optional, Tuple

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from .. import model
from ..exceptions import QT_TR_NOOP, InputError
from ..validation import IssueLog
from .table_rows import (
    _cell,
    _count,
    _DateReader,
    _frame,
    _Locator,
    _none_if_empty,
    _optional_number,
    _read_table,
    _reject_unplaced,
    _resolve_columns,
    _Table,
)
from .text import iso_to_datetime, parse_datetime
from .vocabulary import age_class_code, normalize_header, sign_type_code


def _located_table(path: str, layer: str, issues: IssueLog, crs: Optional[str],
                   mapping: Optional[Dict[str, str]]) -> Tuple[_Table, Dict[str, int], _Locator]:
    """A point table read, its columns resolved and its coordinates located; X/Y given in geodetic order
    (northing first) are read the other way round, with a validation row."""
    table = _read_table(path, layer, issues, mapping)
    columns = _resolve_columns(table, layer, mapping)
    locator = _Locator(table, columns, crs, layer)
    if locator.northing_first:
        issues.add(table.source, layer, "", "latlon_swapped", "fixed", "warning",
                   QT_TR_NOOP("In {path} the X column holds northings and Y eastings (geodetic order); they were "
                              "read the other way round."), path=table.source)
    return table, columns, locator


def read_observations_table(path: str, issues: IssueLog, crs: Optional[str] = None,
                            mapping: Optional[Dict[str, str]] = None) -> gpd.GeoDataFrame:
    """Read a table of signs and sightings into the ``observations`` schema.

    Columns are found by their Russian or English names
    (:func:`.vocabulary.match_headers`) or by a saved ``mapping``. Coordinates
    may be decimal degrees, degrees-minutes or DMS
    (:func:`.text.parse_coordinate`), projected X/Y with ``crs``, or a WKT
    ``geom`` column (NextGIS Web). The sign type and, when the table has no
    age column or it is empty, the age come from the type cell
    (``"Свежие следы"`` → ``track``, ``fresh``; :mod:`.vocabulary`).

    Args:
        path: the CSV/TXT file (any of cp1251/UTF-8, ``;``/``,``/tab).
        issues: validation log the problems are appended to.
        crs: CRS of projected X/Y (or WKT) coordinates, e.g. ``"EPSG:32645"``.
            Used only when the values are metres (most beyond ±360); degree
            values are read as WGS 84 whatever ``crs`` says, so the season's
            metric CRS can be passed for every file. None: projected values
            raise InputError asking for the CRS.
        mapping: ``{model field or role: column header}``, overriding the
            synonyms; roles ``lat``, ``lon``, ``x``, ``y``, ``wkt``, ``date``,
            ``time``, ``datetime`` are allowed besides the model fields.

    Returns:
        Points with the fields of :data:`.model.FIELDS` ``["observations"]``
        (plus ``team`` when the file has it), CRS EPSG:4326 or ``crs``.
        Unknown sign types are stored as ``other`` and flagged; rows whose
        coordinates cannot be read are left out and logged as rejected.

    Raises:
        InputError: the file cannot be read, is empty or has no coordinate columns.
    """
    layer = model.OBSERVATIONS
    table, columns, locator = _located_table(path, layer, issues, crs, mapping)
    dates = _DateReader(table, columns, issues, layer)
    dates.check_present(["date", "datetime"])
    out_columns = model.field_names(layer) + (["team"] if "team" in columns else [])
    records: List[Dict[str, Any]] = []
    geometries: List[Point] = []
    source = table.source
    for number, row in enumerate(table.rows, start=1):
        if not any(row):
            continue  # blank spreadsheet line, or a row already rejected
        point, bad = locator.locate(row)
        if point is None:
            _reject_unplaced(issues, source, layer, number, bad)
            continue
        lon, lat = locator.lonlat(point)
        type_text = _cell(row, columns, "obs_type")
        obs_type = sign_type_code(type_text)  # "след", "след ирбиса", "Поскрёб, свежий"
        if obs_type is None:
            obs_type = "other"
            if "obs_type" not in columns:
                pass  # one file-level row, below
            elif type_text:
                issues.add(source, layer, number, "unknown_type", "fixed", "warning",
                           QT_TR_NOOP("Unknown sign type '{value}'; stored as 'other'. Correct it, or add the "
                                      "name to the sign list."), lon=lon, lat=lat, value=type_text)
            else:
                issues.add(source, layer, number, "missing_value", "fixed", "warning",
                           QT_TR_NOOP("No sign type; stored as 'other'."), lon=lon, lat=lat)
        age_text = _cell(row, columns, "age_class")
        age = age_class_code(age_text) if age_text else age_class_code(type_text)  # "Свежие следы"
        if age_text and age is None:
            issues.add(source, layer, number, "unknown_type", "fixed", "warning",
                       QT_TR_NOOP("Unknown sign age '{value}' (expected fresh/old, свежий/старый); left empty."),
                       lon=lon, lat=lat, value=age_text)
        record = {
            "obs_id": _none_if_empty(_cell(row, columns, "obs_id")) or str(number),
            "obs_type": obs_type,
            "datetime": dates.read(row, number, lon=lon, lat=lat),
            "count": _count(_cell(row, columns, "count"), issues, source, layer, number, lon, lat),
            "age_class": age,
            "uncertainty_m": _optional_number(_cell(row, columns, "uncertainty_m"), "uncertainty_m", issues,
                                              source, layer, number, lon, lat),
            "bearing_deg": _optional_number(_cell(row, columns, "bearing_deg"), "bearing_deg", issues,
                                            source, layer, number, lon, lat),
            "route_id": _none_if_empty(_cell(row, columns, "route_id")),
            "observer": _none_if_empty(_cell(row, columns, "observer")),
            "note": _none_if_empty(_cell(row, columns, "note")),
            "source": source,
        }
        if "team" in columns:
            record["team"] = _none_if_empty(_cell(row, columns, "team"))
        records.append(record)
        geometries.append(point)
    if "obs_type" not in columns:
        issues.add(source, layer, "", "missing_value", "fixed", "warning",
                   QT_TR_NOOP("The table has no sign type column; every row was stored as 'other'. Name the column "
                              "'type'/'тип следа' or set a field mapping."))
    frame = _frame(records, geometries, out_columns, locator.crs)
    frame["count"] = frame["count"].astype("int64")
    for name in ("uncertainty_m", "bearing_deg"):
        frame[name] = frame[name].astype("float64")
    return frame


def _problem_columns(headers: List[str]) -> List[Tuple[int, int]]:
    """camtrapR ``ProblemN_from`` / ``ProblemN_to`` column pairs (indices)."""
    pairs = []
    keys = [normalize_header(header) for header in headers]
    for i, key in enumerate(keys):
        match = re.fullmatch(r"problem(\d+)from", key)
        if match:
            to_key = f"problem{match.group(1)}to"
            if to_key in keys:
                pairs.append((i, keys.index(to_key)))
    return pairs


def _days_between(start: Optional[str], end: Optional[str]) -> Optional[float]:
    a, b = iso_to_datetime(start), iso_to_datetime(end)
    if a is None or b is None:
        return None
    if len(start or "") == 10 or len(end or "") == 10:  # a date without time counts from midnight
        a = _dt.datetime.combine(a.date(), _dt.time()) if len(start or "") == 10 else a
        b = _dt.datetime.combine(b.date(), _dt.time()) if len(end or "") == 10 else b
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return (b - a).total_seconds() / 86400.0


def read_cameras_table(path: str, issues: IssueLog, crs: Optional[str] = None,
                       mapping: Optional[Dict[str, str]] = None) -> gpd.GeoDataFrame:
    """Read a camera station table (camtrapR CTtable or a plain station list).

    Trap-nights come from an effort column (``Effort``, ``trap_nights``,
    ``ловушко-сутки``) when there is one; otherwise they are the days from
    setup to retrieval (dates without a time count from midnight, so 1 to 11
    March is 10 trap-nights) less camtrapR's ``ProblemN_from``/``ProblemN_to``
    periods (computed the same way, clipped to the deployment).

    Args:
        path: the CSV/TXT file.
        issues: validation log the problems are appended to.
        crs: CRS of projected X/Y (``utm_x``/``utm_y``) columns, used only when
            the values are metres (degree values are read as WGS 84).
        mapping: ``{model field or role: column header}``, overriding the synonyms.

    Returns:
        Points with the ``cameras`` fields (station_id, deployment_start,
        deployment_end as ISO text, trap_nights as float, status, source) and
        ``problem_nights`` when problem columns exist; CRS EPSG:4326 or ``crs``.

    Raises:
        InputError: the file cannot be read, is empty or has no coordinate columns.
    """
    layer = model.CAMERAS
    table, columns, locator = _located_table(path, layer, issues, crs, mapping)
    problems = _problem_columns(table.headers)
    start_reader = _DateReader(table, columns, issues, layer, date_role="deployment_start",
                               datetime_role="deployment_start", also=[i for pair in problems for i in pair])
    out_columns = model.field_names(layer) + (["problem_nights"] if problems else [])
    records: List[Dict[str, Any]] = []
    geometries: List[Point] = []
    source = table.source
    for number, row in enumerate(table.rows, start=1):
        if not any(row):
            continue
        point, bad = locator.locate(row)
        if point is None:
            _reject_unplaced(issues, source, layer, number, bad)
            continue
        lon, lat = locator.lonlat(point)
        station = _none_if_empty(_cell(row, columns, "station_id"))
        if station is None:
            station = str(number)
            issues.add(source, layer, number, "missing_value", "fixed", "warning",
                       QT_TR_NOOP("No station ID; the row number {value} was used."), lon=lon, lat=lat,
                       value=station)
        start = start_reader.read(row, number, role="deployment_start", lon=lon, lat=lat)
        end = start_reader.read(row, number, role="deployment_end", lon=lon, lat=lat)
        lost = 0.0
        for from_index, to_index in problems:
            p_from = parse_datetime(row[from_index], dayfirst=start_reader.dayfirst) if row[from_index] else None
            p_to = parse_datetime(row[to_index], dayfirst=start_reader.dayfirst) if row[to_index] else None
            if row[from_index] and (p_from is None or p_to is None):
                issues.add(source, layer, number, "unparseable_date", "kept", "warning",
                           QT_TR_NOOP("Problem period '{value}' cannot be read; it was not subtracted from "
                                      "the trap-nights."), lon=lon, lat=lat,
                           value=f"{row[from_index]} - {row[to_index]}")
                continue
            if p_from and p_to:
                clipped_from = max(p_from, start) if start and len(start) == len(p_from) else p_from
                clipped_to = min(p_to, end) if end and len(end) == len(p_to) else p_to
                days = _days_between(clipped_from, clipped_to)
                lost += max(days or 0.0, 0.0)
        nights: Optional[float] = None
        effort_text = _cell(row, columns, "trap_nights")
        if effort_text:
            nights = _optional_number(effort_text, "trap_nights", issues, source, layer, number, lon, lat)
        elif start and end:
            span = _days_between(start, end)
            if span is not None and span < 0:
                issues.add(source, layer, number, "other", "flagged", "warning",
                           QT_TR_NOOP("Retrieval {end} is before setup {start}; trap-nights left empty."),
                           lon=lon, lat=lat, start=start, end=end)
            elif span is not None:
                nights = max(span - lost, 0.0)
        if nights is None:
            issues.add(source, layer, number, "missing_value", "kept", "warning",
                       QT_TR_NOOP("Station {station}: no effort and no setup/retrieval dates, so its trap-nights "
                                  "are unknown."), lon=lon, lat=lat, station=station)
        record = {
            "station_id": station,
            "deployment_start": start,
            "deployment_end": end,
            "trap_nights": nights,
            "status": _none_if_empty(_cell(row, columns, "status")),
            "source": source,
        }
        if problems:
            record["problem_nights"] = lost
        records.append(record)
        geometries.append(point)
    frame = _frame(records, geometries, out_columns, locator.crs)
    frame["trap_nights"] = frame["trap_nights"].astype("float64")
    return frame


def read_detections_table(path: str, issues: IssueLog, mapping: Optional[Dict[str, str]] = None) -> pd.DataFrame:
    """Read a camera detection table (camtrapR record table or a plain list).

    camtrapR columns: ``Station``, ``Species``, ``DateTimeOriginal`` (or
    ``Date`` + ``Time``), ``Individual``; a missing count means one animal.
    Rows without a station are rejected (a detection must join to a camera).

    Args:
        path: the CSV/TXT file.
        issues: validation log the problems are appended to.
        mapping: ``{model field or role: column header}``, overriding the synonyms.

    Returns:
        A DataFrame with the ``detections`` fields (station_id, datetime as ISO
        text, species, individual_id, sex, count, event_id, session, occasion,
        source); no geometry: the season assembler places detections at their
        stations.

    Raises:
        InputError: the file cannot be read, is empty or has no station column.
    """
    layer = model.DETECTIONS
    table = _read_table(path, layer, issues, mapping)
    columns = _resolve_columns(table, layer, mapping)
    if "station_id" not in columns:
        raise InputError(QT_TR_NOOP("{path}: no station column found (Station, station_id, камера, "
                                    "станция); columns found: {columns}. Rename it or set a field mapping."),
                         path=table.source, columns=", ".join(table.headers))
    dates = _DateReader(table, columns, issues, layer)
    dates.check_present(["date", "datetime"])
    records: List[Dict[str, Any]] = []
    source = table.source
    for number, row in enumerate(table.rows, start=1):
        if not any(row):
            continue
        station = _none_if_empty(_cell(row, columns, "station_id"))
        if station is None:
            issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                       QT_TR_NOOP("The detection has no station; it was not imported. Fill in the station."))
            continue
        records.append({
            "station_id": station,
            "datetime": dates.read(row, number),
            "species": _none_if_empty(_cell(row, columns, "species")),
            "individual_id": _none_if_empty(_cell(row, columns, "individual_id")),
            "sex": _none_if_empty(_cell(row, columns, "sex")),
            "count": _count(_cell(row, columns, "count"), issues, source, layer, number),
            "event_id": _none_if_empty(_cell(row, columns, "event_id")),
            "session": None,
            "occasion": None,
            "source": source,
        })
    frame = pd.DataFrame(records, columns=model.field_names(layer))
    frame["count"] = frame["count"].astype("int64")
    return frame
