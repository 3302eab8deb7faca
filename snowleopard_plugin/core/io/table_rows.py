"""The rows and cells of a field text table, shared by the table readers of :mod:`.tables`.

* :func:`_read_table`: the file's text (encoding and delimiter sniffed, see
  :mod:`.text`), its header row (the first of the first ten rows matching most
  known headers, see :func:`.vocabulary.match_headers`) and data rows;
  degrees and minutes typed in separate columns are joined;
* :func:`_resolve_columns`: role → column index, from the synonyms overridden
  by a saved field mapping;
* :class:`_Locator`: the point of a row (lat/lon, X/Y in a CRS, or WKT);
* :class:`_DateReader`: the date/time cells, day- or month-first per column;
* counts and optional numbers, checked and logged.

Every problem found is appended to the caller's :class:`~..validation.IssueLog`
with ``feature`` = the 1-based data row number.
"""

from __future__ import annotations

import csv
import io
import os
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import wkt as shapely_wkt
from shapely.geometry import Point

from ..exceptions import QT_TR_NOOP, InputError
from ..validation import IssueLog
from .text import (
    _DMY_RE,
    WGS84,
    _looks_binary,
    date_parts_order,
    detect_encoding,
    parse_coordinate,
    parse_datetime,
    parse_number,
    sniff_delimiter,
)
from .vocabulary import match_headers, normalize_header

# --------------------------------------------------------------------------------------------
# Reading a table
# --------------------------------------------------------------------------------------------


class _Table:
    """Header and data rows of a text table, with the file's base name."""

    def __init__(self, source: str, headers: List[str], rows: List[List[str]]) -> None:
        self.source = source
        self.headers = headers
        self.rows = rows  # rows[i] is data row i + 1; already padded to len(headers) or flagged


def _read_text(path: str) -> Tuple[str, str]:
    source = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=path, reason=error.strerror
                         or str(error)) from error
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(QT_TR_NOOP("{path} is a spreadsheet workbook, not a text table: save the sheet "
                                    "as CSV (File > Save As > CSV) and import the CSV."), path=source)
    encoding = detect_encoding(raw)
    if not raw.strip() or _looks_binary(raw, encoding):
        if not raw.strip():
            raise InputError(QT_TR_NOOP("{path} is empty: export the table again."), path=source)
        raise InputError(QT_TR_NOOP("{path} is not a text table (CSV or TXT): check that the right file was "
                                    "chosen, or export the data as CSV."), path=source)
    return source, raw.decode(encoding, errors="replace")


def _csv_rows(text: str, delimiter: str, source: str) -> List[List[str]]:
    """The rows of a delimited text; a quote opened and never closed is named instead of swallowing the rows
    after it (the csv module reads them as one field's text)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: List[List[str]] = []
    start = 1
    try:
        for row in reader:
            for cell in row:
                if sum(1 for line in cell.split("\n")[1:] if delimiter in line) >= 2:
                    raise InputError(QT_TR_NOOP("{path}, line {line}: a quote (\") opened in '{text}' is never "
                                                "closed, so the lines after it would be read as its text. Close or "
                                                "remove the quote and import again."),
                                     path=source, line=start, text=cell.split("\n")[0][:40])
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError(QT_TR_NOOP("{path}, line {line}: {reason}. Look for a quote (\") opened and never "
                                    "closed near that line."), path=source, line=start, reason=str(error)) from error
    return rows


def _read_table(path: str, layer: str, issues: IssueLog, mapping: Optional[Dict[str, str]]) -> _Table:
    source, text = _read_text(path)
    delimiter = sniff_delimiter(text)
    lines = text.splitlines()
    if lines and lines[0].lower().startswith("sep="):
        lines = lines[1:]
    all_rows = _csv_rows("\n".join(lines), delimiter, source)
    # The header is the first of the first ten non-empty rows matching most known headers
    # (a spreadsheet may carry a title line or two above it).
    best_index, best_hits = None, -1
    for index, row in enumerate(all_rows[:10]):
        if not any(cell.strip() for cell in row):
            continue
        hits = len(match_headers(row, layer)) if len(row) > 1 else 0
        if mapping:
            hits += sum(1 for cell in row if cell.strip() in mapping.values())
        if hits > best_hits:
            best_index, best_hits = index, hits
    if best_index is None:
        raise InputError(QT_TR_NOOP("{path} is empty: export the table again."), path=source)
    headers = [cell.strip() for cell in all_rows[best_index]]
    rows: List[List[str]] = []
    for number, row in enumerate(all_rows[best_index + 1:], start=1):
        if len(row) > len(headers) and any(cell.strip() for cell in row[len(headers):]):
            issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                       QT_TR_NOOP("Row has {found} cells but the header has {expected}; an unquoted decimal "
                                  "comma in a comma-separated file? Fix the row or export with ';'."),
                       found=len(row), expected=len(headers))
            rows.append([])
            continue
        rows.append([cell.strip() for cell in row[: len(headers)]] + [""] * (len(headers) - len(row)))
    if not any(any(row) for row in rows):
        raise InputError(QT_TR_NOOP("{path} has a header but no data rows: export the table again."),
                         path=source)
    headers, rows = _join_split_coordinates(headers, rows)
    return _Table(source, headers, rows)


#: Coordinates typed from paper forms in separate columns: "Широта град", "Широта мин" (, "Широта сек").
_AXIS_WORDS = {"lat": r"(широт|lat|сш|с\.ш)", "lon": r"(долгот|lon|вд|в\.д)"}
_PART_WORDS = {"deg": r"(град|deg|°)", "min": r"(мин|min|')", "sec": r"(сек|sec|\")"}


def _join_split_coordinates(headers: List[str], rows: List[List[str]]) -> Tuple[List[str], List[List[str]]]:
    """Degrees, minutes (and seconds) of an axis in separate columns, joined into one ``D°M'S"`` column named
    after the axis (``Широта``/``Долгота``), which the coordinate parser reads; other tables are unchanged."""
    parts: Dict[str, Dict[str, int]] = {}
    for index, header in enumerate(headers):
        low = header.lower().replace("ё", "е")
        for axis, axis_re in _AXIS_WORDS.items():
            if re.search(axis_re, low):
                for part, part_re in _PART_WORDS.items():
                    if re.search(part_re, low.replace(re.search(axis_re, low).group(0), "", 1)):
                        parts.setdefault(axis, {})[part] = index
                        break
    joined = {axis: cols for axis, cols in parts.items() if "deg" in cols and "min" in cols}
    if not joined:
        return headers, rows
    drop = {index for cols in joined.values() for index in cols.values()}
    names = {"lat": "Широта", "lon": "Долгота"}
    new_headers = [h for i, h in enumerate(headers) if i not in drop] + [names[axis] for axis in joined]
    new_rows = []
    for row in rows:
        if not row:
            new_rows.append(row)
            continue
        extra = []
        for cols in joined.values():
            deg, minutes = row[cols["deg"]].strip(), row[cols["min"]].strip()
            sec = row[cols["sec"]].strip() if "sec" in cols else ""
            extra.append(f"{deg}°{minutes}'" + (f'{sec}"' if sec else "") if deg else "")
        new_rows.append([cell for i, cell in enumerate(row) if i not in drop] + extra)
    return new_headers, new_rows


def _resolve_columns(table: _Table, layer: str, mapping: Optional[Dict[str, str]]) -> Dict[str, int]:
    """Role -> column index, from the synonyms overridden by a saved mapping."""
    found = match_headers(table.headers, layer)
    if mapping:
        by_header = {header: index for index, header in enumerate(table.headers)}
        by_key = {normalize_header(header): index for index, header in enumerate(table.headers)}
        for role, header in mapping.items():
            if header is None or header == "":
                found.pop(role, None)
                continue
            if header not in by_header and normalize_header(header) not in by_key:
                raise InputError(QT_TR_NOOP("{path} has no column '{column}' (the field mapping uses it for "
                                            "{field}); its columns are: {columns}. Edit the field mapping."),
                                 path=table.source, column=header, field=role, columns=", ".join(table.headers))
            for other_role, other in list(found.items()):
                if other == header and other_role != role:
                    del found[other_role]
            found[role] = header
    index = {header: i for i, header in enumerate(table.headers)}
    key_index = {normalize_header(header): i for i, header in enumerate(table.headers)}
    return {role: index.get(header, key_index.get(normalize_header(header))) for role, header in found.items()}


def _cell(row: List[str], columns: Dict[str, int], role: str) -> str:
    index = columns.get(role)
    if index is None or index >= len(row):
        return ""
    return row[index]


def _none_if_empty(text: str) -> Optional[str]:
    text = text.strip()
    return text or None


def _is_geographic(crs: Optional[str]) -> bool:
    if crs is None:
        return True
    try:
        from pyproj import CRS
    except ImportError:  # pragma: no cover - pyproj comes with geopandas
        return str(crs).upper() in ("EPSG:4326", "OGC:CRS84")
    try:
        return bool(CRS.from_user_input(crs).is_geographic)
    except Exception as error:  # pyproj.exceptions.CRSError
        raise InputError(QT_TR_NOOP("Unknown CRS {crs}: give an EPSG code such as EPSG:32645."),
                         crs=str(crs)) from error


class _Locator:
    """Reads the point of a row from lat/lon, x/y or WKT columns."""

    def __init__(self, table: _Table, columns: Dict[str, int], crs: Optional[str], layer: str) -> None:
        self.columns = columns
        self.layer = layer
        self.source = table.source
        if "lat" in columns and "lon" in columns:
            self.pair = ("lon", "lat")
        elif "x" in columns and "y" in columns:
            self.pair = ("x", "y")
        elif "wkt" in columns:
            self.pair = ("wkt", "wkt")
        else:
            raise InputError(QT_TR_NOOP("{path}: no coordinate columns found. Expected latitude and longitude "
                                        "(широта/долгота, lat/lon), X/Y with a CRS, or a WKT 'geom' column; "
                                        "columns found: {columns}. Rename the columns or set a field mapping."),
                             path=table.source, columns=", ".join(table.headers))
        given_geographic = crs is not None and _is_geographic(crs)
        if self._looks_projected(table):
            if crs is None or given_geographic:
                raise InputError(QT_TR_NOOP("{path}: the coordinates look projected (metres, not degrees). "
                                            "Give their CRS, e.g. EPSG:32645 (UTM 45N) or EPSG:3857 for a "
                                            "NextGIS Web export."), path=table.source)
            self.geographic, self.crs = False, crs
        else:  # degrees, whatever metric CRS the season passed for projected files
            self.geographic, self.crs = True, (crs if given_geographic else WGS84)
        self.mode = "wkt" if self.pair[0] == "wkt" else ("deg" if self.geographic else "xy")
        self.northing_first = self.mode == "xy" and self._northing_first(table)
        if self.northing_first:  # Russian geodetic usage: X is the northing, Y the easting
            self.pair = ("y", "x")

    def _northing_first(self, table: _Table) -> bool:
        """True when the X column holds northings and Y eastings (X > 1,000 km, Y within a zone's eastings),
        the other way round from GIS usage; only in the northern hemisphere, where this tells them apart."""
        xs, ys = [], []
        for row in table.rows:
            if row:
                x, y = parse_number(_cell(row, self.columns, "x")), parse_number(_cell(row, self.columns, "y"))
                if x is not None and y is not None:
                    xs.append(x)
                    ys.append(y)
        if not xs:
            return False
        x, y = float(np.median(xs)), float(np.median(ys))
        return 1_000_000.0 < x < 10_000_000.0 and 100_000.0 < y < 1_000_000.0

    def _looks_projected(self, table: _Table) -> bool:
        """True when most rows hold numbers too large for degrees (metres of a projected CRS)."""
        big = total = 0
        for row in table.rows:
            if not row:
                continue
            if self.pair[0] == "wkt":
                point = self._wkt_point(_cell(row, self.columns, "wkt"))
                values = [] if point is None else [point[0], point[1]]
            else:
                values = [parse_number(_cell(row, self.columns, role)) for role in self.pair]
            values = [value for value in values if value is not None]
            if values:
                total += 1
                big += any(abs(value) > 360 for value in values)
        return bool(total) and big > total / 2

    @staticmethod
    def _wkt_point(text: str) -> Optional[Tuple[float, float]]:
        text = text.strip()
        if not text:
            return None
        if text.upper().startswith("SRID=") and ";" in text:
            text = text.split(";", 1)[1]
        try:
            geometry = shapely_wkt.loads(text)
        except Exception:  # shapely raises WKTReadingError (1.8) or GEOSException (2.x)
            return None
        if geometry.is_empty:
            return None
        if geometry.geom_type == "MultiPoint":
            parts = list(geometry.geoms)
            if len(parts) != 1:
                return None
            geometry = parts[0]
        if geometry.geom_type != "Point":
            return None
        return geometry.x, geometry.y

    def locate(self, row: List[str]) -> Tuple[Optional[Point], str]:
        """The row's point, or None with the offending text."""
        if self.mode == "wkt":
            text = _cell(row, self.columns, "wkt")
            xy = self._wkt_point(text)
            return (Point(*xy) if xy else None), text
        x_text = _cell(row, self.columns, self.pair[0])
        y_text = _cell(row, self.columns, self.pair[1])
        if self.mode == "deg":
            x, y = parse_coordinate(x_text, "lon"), parse_coordinate(y_text, "lat")
        else:
            x, y = parse_number(x_text), parse_number(y_text)
        if x is None or y is None:
            return None, f"{y_text} {x_text}".strip()
        return Point(x, y), ""

    def lonlat(self, point: Optional[Point]) -> Tuple[Optional[float], Optional[float]]:
        if point is None or not self.geographic:
            return None, None
        return point.x, point.y


def _reject_unplaced(issues: IssueLog, source: str, layer: str, number: int, text: str) -> None:
    if text:
        issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                   QT_TR_NOOP("Coordinates '{value}' cannot be read; the row was not imported. Write them as "
                              "decimal degrees (49.7534), degrees-minutes (49 45.205) or DMS (49°45'12\"N)."),
                   value=text)
    else:
        issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                   QT_TR_NOOP("The row has no coordinates; it was not imported. Fill them in and import again."))


class _DateReader:
    """Parses the date/time cells of a table, deciding day-first vs month-first per column."""

    def __init__(self, table: _Table, columns: Dict[str, int], issues: IssueLog, layer: str,
                 date_role: str = "date", datetime_role: str = "datetime",
                 also: Sequence[int] = ()) -> None:
        self.columns = columns
        self.issues = issues
        self.layer = layer
        self.source = table.source
        self.headers = table.headers
        self.date_role = datetime_role if datetime_role in columns else date_role
        indices = [columns[role] for role in (self.date_role, "deployment_end") if role in columns] + list(also)
        values = [row[index] for row in table.rows if row for index in indices]
        names = ", ".join(table.headers[i] for i in sorted(set(indices)))
        order = date_parts_order(values)
        self.dayfirst = order != "mdy"
        if order == "mdy":
            issues.add(table.source, layer, "", "other", "flagged", "info",
                       QT_TR_NOOP("Dates in column '{column}' were read as month/day/year (some have a "
                                  "second number above 12)."), column=names)
        elif order is None and any(_DMY_RE.match(v) and "/" in v for v in values):
            issues.add(table.source, layer, "", "other", "flagged", "warning",
                       QT_TR_NOOP("Dates in column '{column}' such as 03/04/2024 could be day/month or "
                                  "month/day; they were read as day/month/year. Check them."),
                       column=names)

    def read(self, row: List[str], number: int, role: Optional[str] = None,
             lon: Optional[float] = None, lat: Optional[float] = None) -> Optional[str]:
        """ISO text of the row's date (+ time), None when empty or unreadable (logged)."""
        role = role or self.date_role
        if role not in self.columns:
            return None
        date_text = _cell(row, self.columns, role)
        time_text = _cell(row, self.columns, "time") if role == "date" else ""
        if not date_text:
            self.issues.add(self.source, self.layer, number, "missing_date", "kept", "warning",
                            QT_TR_NOOP("No date in column '{column}'; the row was kept without it. Add the date "
                                       "if known."), lon=lon, lat=lat, column=self.headers[self.columns[role]])
            return None
        value = parse_datetime(date_text, time_text or None, dayfirst=self.dayfirst)
        if value is None:
            self.issues.add(self.source, self.layer, number, "unparseable_date", "kept", "warning",
                            QT_TR_NOOP("Date '{value}' cannot be read; the row was kept without it. Write "
                                       "dates as 15.02.2024 or 2024-02-15, times as 14:30."),
                            lon=lon, lat=lat, value=f"{date_text} {time_text}".strip())
        return value

    def check_present(self, roles: Sequence[str]) -> None:
        """One file-level row when none of ``roles`` has a column: every record lacks a date."""
        if not any(role in self.columns for role in roles):
            self.issues.add(self.source, self.layer, "", "missing_date", "kept", "warning",
                            QT_TR_NOOP("The table has no date column; all rows were kept without dates. Name "
                                       "the column 'date'/'дата' or set a field mapping."))


def _count(text: str, issues: IssueLog, source: str, layer: str, number: int,
           lon: Optional[float] = None, lat: Optional[float] = None) -> int:
    """A count cell: empty -> 1 (one record is one sign/animal), unreadable -> 1 and flagged."""
    if not text:
        return 1
    value = parse_number(text)
    if value is None or value < 1 or not float(value).is_integer():
        issues.add(source, layer, number, "missing_value", "fixed", "warning",
                   QT_TR_NOOP("Count '{value}' is not a whole number of 1 or more; 1 was stored."),
                   lon=lon, lat=lat, value=text)
        return 1
    if value > MAX_COUNT:  # a phone number or a date in the wrong column
        issues.add(source, layer, number, "missing_value", "fixed", "warning",
                   QT_TR_NOOP("Count '{value}' is not a plausible number of signs or animals (more than "
                              "{limit}); 1 was stored. Check the column."), lon=lon, lat=lat, value=text,
                   limit=MAX_COUNT)
        return 1
    return int(value)


#: The largest count a sign or detection row can hold (tracks of a group of cats on one trail are a few dozen).
MAX_COUNT = 1000


def _optional_number(text: str, what: str, issues: IssueLog, source: str, layer: str, number: int,
                     lon: Optional[float] = None, lat: Optional[float] = None) -> Optional[float]:
    if not text:
        return None
    value = parse_number(text.replace("°", "").replace("м", "").replace("m", "").strip())
    if value is None:
        issues.add(source, layer, number, "missing_value", "fixed", "warning",
                   QT_TR_NOOP("{field} '{value}' is not a number; it was left empty."),
                   lon=lon, lat=lat, field=what, value=text)
    return value


def _frame(records: List[Dict[str, Any]], geometries: List[Point], columns: List[str], crs: str) -> gpd.GeoDataFrame:
    frame = pd.DataFrame(records, columns=columns)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometries, crs=crs), crs=crs)
