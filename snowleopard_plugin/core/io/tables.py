"""Reading field tables: CSV/text exports of spreadsheets, NextGIS and camtrapR.

Field teams hand in observation tables written by very different tools: Excel
on a Russian Windows (cp1251, ``;`` separated, decimal comma, coordinates in
degrees-minutes), UTF-8 exports with English headers, tab-separated text,
NextGIS Web / NextGIS Collector CSV exports (UTF-8 with BOM, ``fid``, ``geom``
as WKT), camtrapR station (CTtable) and record tables. This module turns them
into the season model (:mod:`.model`):

* :func:`read_observations_table`: sign and sighting points (``observations``);
* :func:`read_cameras_table`: camera stations (``cameras``);
* :func:`read_detections_table`: camera detections (``detections``, no geometry).

The parsing helpers (:func:`detect_encoding`, :func:`sniff_delimiter`,
:func:`parse_number`, :func:`parse_coordinate`, :func:`parse_datetime`,
:func:`match_headers`, :func:`sign_type_code`, :func:`age_class_code`) are public
so other readers use the same rules.

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

import csv
import datetime as _dt
import io
import json
import math
import os
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely import wkt as shapely_wkt
from shapely.geometry import Point

from .. import model
from ..exceptions import QT_TR_NOOP, InputError
from ..fileio import atomic_output
from ..validation import IssueLog

WGS84 = "EPSG:4326"

# --------------------------------------------------------------------------------------------
# Encoding and delimiter
# --------------------------------------------------------------------------------------------

_CP1251_LETTERS = set(range(0xC0, 0x100)) | {0xA8, 0xB8}  # А..я, Ё, ё


def detect_encoding(raw: bytes) -> str:
    """Guess the text encoding of a table file.

    Args:
        raw: the file's bytes (or its first few hundred kilobytes).

    Returns:
        ``"utf-8-sig"`` when the file starts with a UTF-8 byte-order mark (NextGIS
        Web, Excel "CSV UTF-8"), ``"utf-16"`` for a UTF-16 BOM (Excel "Unicode
        text"), ``"utf-8"`` when the bytes decode as UTF-8, otherwise ``"cp1251"``
        (Excel and 1C on a Russian Windows).
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A truncated sample may end inside a multi-byte character.
        if error.start >= len(raw) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    return "cp1251"


def _looks_binary(raw: bytes, encoding: str) -> bool:
    """True when bytes are clearly not a text table (NULs, many control characters)."""
    if encoding == "utf-16":
        return False
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    return controls > max(2, len(sample) // 100)


def _split_row(line: str, delimiter: str) -> List[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def sniff_delimiter(text: str) -> str:
    """Guess the field delimiter of a CSV text: ``","``, ``";"`` or tab.

    The delimiter that splits the first lines into the same number (> 1) of
    fields wins; on a tie tab beats ``;`` beats ``,`` (a ``;`` file with decimal
    commas splits consistently on both). An Excel ``sep=;`` first line is obeyed.

    Args:
        text: the decoded file, or its first lines.

    Returns:
        The delimiter character (``","`` when nothing splits the lines).
    """
    lines = [line for line in text.splitlines() if line.strip()][:50]
    if lines and lines[0].lower().startswith("sep=") and len(lines[0].strip()) == 5:
        return lines[0].strip()[4]
    best, best_score = ",", (0.0, 0)
    for delimiter in ("\t", ";", ","):
        counts = [len(_split_row(line, delimiter)) for line in lines]
        if not counts or max(counts) < 2:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        share = counts.count(mode) / len(counts)
        score = (round(share, 2), 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --------------------------------------------------------------------------------------------
# Numbers, coordinates, dates
# --------------------------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: Any) -> Optional[float]:
    """Parse a number written by a spreadsheet in any locale.

    Accepts a decimal comma (``1234,5``), spaces, non-breaking or thin spaces as
    thousand separators (``1 234,5``), ``1,234.5`` and ``1.234,5``.

    Returns:
        The value, or None when the text is empty or not a finite number.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    s = str(text).strip().lstrip("±")
    for space in (" ", "\u00a0", "\u202f", "\u2009", "'"):
        s = s.replace(space, "")
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        if s.count(",") != 1:
            return None
        s = s.replace(",", ".")
    if not _NUMBER_RE.match(s):
        return None
    value = float(s)
    return value if math.isfinite(value) else None


_LAT_AXES = ("lat", "latitude", "y")
_LON_AXES = ("lon", "lng", "longitude", "x")
_CYR_HEMI_RE = re.compile(r"([сю])\s*\.?\s*ш\s*\.?|([вз])\s*\.?\s*д\s*\.?")
_HEMI_LETTERS = "nsewсювз"
_NEGATIVE_HEMI = set("swюз")
_DEG_MARKS_RE = re.compile(r"[°º˚∘d]|''|[′’‘`´']|[\"″”“]|:")
_TOKEN_RE = re.compile(r"^\d+([.,]\d+)?$")


def parse_coordinate(text: Any, axis: str) -> Optional[float]:
    """Parse a latitude or longitude written the way field teams write it.

    Accepted: decimal degrees with a dot or comma (``49.7534``, ``49,7534``,
    ``-120.5``); degrees and decimal minutes (``49 45.205``, ``49°45,205'``);
    degrees, minutes and seconds (``49°45'12.3"N``, ``49 45 12.3``, ``49:45:12.3``);
    hemisphere letters N/S/E/W before or after the value, and their Russian
    forms ``с.ш.``/``ю.ш.``/``в.д.``/``з.д.`` or ``С``/``Ю``/``В``/``З``.
    S, W, Ю and З give negative values.

    Values are not range-checked (a latitude of 88 or a swapped pair comes back
    as written; the season assembler validates coordinates).

    Args:
        text: the cell text.
        axis: ``"lat"`` (or ``"y"``) or ``"lon"`` (or ``"x"``); documents which
            coordinate is read.

    Returns:
        Decimal degrees, or None when the text is empty or not a coordinate
        (minutes or seconds of 60 or more, fractional degrees followed by
        minutes, stray words).

    Raises:
        ValueError: for an unknown ``axis``.
    """
    if axis.lower() not in _LAT_AXES + _LON_AXES:
        raise ValueError(f"axis must be 'lat' or 'lon', not {axis!r}")
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    s = str(text).strip().lower().replace("ё", "е")
    if not s:
        return None
    negative = False
    match = _CYR_HEMI_RE.search(s)
    if match:
        negative = (match.group(1) or match.group(2)) in _NEGATIVE_HEMI
        s = (s[: match.start()] + " " + s[match.end():]).strip()
    else:
        if s[0] in _HEMI_LETTERS:
            negative = s[0] in _NEGATIVE_HEMI
            s = s[1:].lstrip(" .")
        elif s[-1] in _HEMI_LETTERS or (len(s) > 1 and s[-1] == "." and s[-2] in _HEMI_LETTERS):
            s = s.rstrip(".")
            negative = s[-1] in _NEGATIVE_HEMI
            s = s[:-1]
    s = _DEG_MARKS_RE.sub(" ", s).strip()
    if s[:1] in "+-":
        negative = negative or s[0] == "-"
        s = s[1:].strip()
    tokens = s.split()
    if not tokens or len(tokens) > 3 or not all(_TOKEN_RE.match(token) for token in tokens):
        return None
    values = [float(token.replace(",", ".")) for token in tokens]
    if len(values) > 1 and not values[0].is_integer():
        return None
    if len(values) == 3 and not values[1].is_integer():
        return None
    if any(value >= 60 for value in values[1:]):
        return None
    degrees = values[0] + sum(value / 60 ** i for i, value in enumerate(values[1:], start=1))
    return -degrees if negative else degrees


_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_ISO_RE = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_DMY_RE = re.compile(
    r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_WORD_DATE_RE = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:\s*г\.?)?(?:[ ,]+(\d{1,2})[:.](\d{2})"
                           r"(?:[:.](\d{2}))?)?$")
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$",
                      re.IGNORECASE)


def _offset_text(offset: Optional[str]) -> str:
    if not offset:
        return ""
    if offset.upper() == "Z":
        return "Z"
    digits = offset[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    return f"{offset[0]}{digits[:2]}:{digits[2:]}"


def _compose(year: int, month: int, day: int, hour: Optional[str] = None, minute: Optional[str] = None,
             second: Optional[str] = None, offset: Optional[str] = None) -> Optional[str]:
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    if hour is None:
        return date.isoformat()
    h, m, sec = int(hour), int(minute or 0), int(second or 0)
    if h == 24 and m == 0 and sec == 0:
        h = 0
        date += _dt.timedelta(days=1)
    if h > 23 or m > 59 or sec > 59:
        return None
    return f"{date.isoformat()}T{h:02d}:{m:02d}:{sec:02d}{_offset_text(offset)}"


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def date_parts_order(values: Iterable[str]) -> Optional[str]:
    """Tell day-first from month-first dates in a column written with ``/``.

    Args:
        values: the date cells of one column.

    Returns:
        ``"dmy"`` when some date has a first number above 12, ``"mdy"`` when
        some date has a second number above 12, ``"conflict"`` when both occur,
        None when every ``/`` date is ambiguous (or there are none).
    """
    first = second = False
    for value in values:
        match = _DMY_RE.match(str(value or "").strip())
        if match and match.group(2) == "/":
            first = first or int(match.group(1)) > 12
            second = second or int(match.group(3)) > 12
    if first and second:
        return "conflict"
    if first:
        return "dmy"
    if second:
        return "mdy"
    return None


def parse_datetime(date_text: Any, time_text: Any = None, dayfirst: bool = True) -> Optional[str]:
    """Parse a field date (and time) into ISO 8601 text.

    Dates: ``dd.mm.yyyy``, ``dd.mm.yy`` (years 00-69 are 20xx), ``yyyy-mm-dd``,
    ``yyyy/mm/dd`` (OGR's CSV), ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``15 февраля
    2024``, ``15 Feb 2024``; each optionally followed by a time ``HH:MM[:SS]``.
    ISO 8601 datetimes keep their offset (``+07:00``, ``Z``): nothing is shifted
    to UTC. A separate ``time_text`` (``HH:MM[:SS]``) is joined to the date.

    Args:
        date_text: the date cell (may hold the time too).
        time_text: the time cell, if the table has one.
        dayfirst: read ``a/b/yyyy`` as day/month (True, the Russian and
            European habit) or as month/day. Callers decide per column with
            :func:`date_parts_order` and flag ambiguous columns.

    Returns:
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[offset]``; None when the text is
        empty or not a valid date (e.g. 31.02.2024).
    """
    date_s = "" if date_text is None else str(date_text).strip()
    time_s = "" if time_text is None else str(time_text).strip()
    if not date_s or date_s.lower() in ("nan", "nat", "none", "null"):
        return None
    if time_s.lower() in ("nan", "nat", "none", "null"):
        time_s = ""
    if time_s:
        time_match = _TIME_RE.match(time_s)
        if time_match is None:
            return None
        if re.search(r"\d[T ]\d{1,2}[:.]\d{2}", date_s):  # the date cell already has a time
            date_s = re.split(r"[T ]", date_s, maxsplit=1)[0]
        date_s = f"{date_s} {time_s}"
    match = _ISO_RE.match(date_s)
    if match:
        year, month, day, hour, minute, second, _fraction, offset = match.groups()
        return _compose(int(year), int(month), int(day), hour, minute, second, offset)
    match = _DMY_RE.match(date_s)
    if match:
        a, _sep, b, year, hour, minute, second, offset = match.groups()
        day, month = (int(a), int(b)) if dayfirst else (int(b), int(a))
        return _compose(_year(year), month, day, hour, minute, second, offset)
    match = _WORD_DATE_RE.match(date_s.lower())
    if match:
        day, word, year, hour, minute, second = match.groups()
        month = next((number for stem, number in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0]))
                      if word.startswith(stem)), None)
        if month is None:
            return None
        return _compose(int(year), month, int(day), hour, minute, second)
    return None


def iso_to_datetime(text: Optional[str]) -> Optional[_dt.datetime]:
    """Turn ISO text from :func:`parse_datetime` into a ``datetime`` (aware when it had an offset)."""
    if not text:
        return None
    value = text[:-1] + "+00:00" if text.endswith("Z") else text
    try:
        return _dt.datetime.fromisoformat(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Vocabularies: headers, sign types, age
# --------------------------------------------------------------------------------------------


def normalize_header(text: Any) -> str:
    """Header key used for matching: lower case, ``ё``→``е``, ``№``→``no``, no spaces or punctuation."""
    s = str(text or "").strip().lower().replace("ё", "е").replace("№", "no")
    return re.sub(r"[\W_]+", "", s)


def _keys(*names: str) -> Tuple[str, ...]:
    return tuple(normalize_header(name) for name in names)


# Roles besides the model fields: lat/lon (degrees), x/y (projected, or lon/lat without a CRS),
# wkt (a geometry column), date/time (separate cells), datetime (one cell), problem periods.
_COORD_ROLES: Dict[str, Tuple[str, ...]] = {
    "wkt": _keys("geom", "geometry", "wkt", "the_geom", "геометрия", "wkt_geom"),
    "lat": _keys("широта", "lat", "latitude", "шир", "lat_dd", "y_wgs84", "gps_lat", "lat_deg", "latitude_dd",
                 "shirota", "с.ш.", "N"),
    "lon": _keys("долгота", "lon", "lng", "long", "longitude", "долг", "lon_dd", "x_wgs84", "gps_lon",
                 "lon_deg", "longitude_dd", "dolgota", "в.д.", "E"),
    "x": _keys("x", "utm_x", "utmx", "easting", "x_coord", "xcoord", "координата x", "point_x", "восток"),
    "y": _keys("y", "utm_y", "utmy", "northing", "y_coord", "ycoord", "координата y", "point_y", "север"),
}

_LAYER_ROLES: Dict[str, Dict[str, Tuple[str, ...]]] = {
    model.OBSERVATIONS: {
        "obs_id": _keys("obs_id", "id", "№", "№ п/п", "номер", "номер точки", "точка", "point", "point_id",
                        "waypoint", "wpt", "name", "название", "fid", "ngw_id"),
        "obs_type": _keys("obs_type", "тип", "тип следа", "вид следа", "тип наблюдения", "тип встречи",
                          "вид наблюдения", "след", "type", "sign", "sign_type", "signtype", "category",
                          "категория", "tip", "tip_sleda", "vid_sleda"),
        "datetime": _keys("datetime", "дата и время", "дата/время", "датавремя", "timestamp", "date_time",
                          "время регистрации", "creation_date", "datetime_iso"),
        "date": _keys("date", "дата", "дата наблюдения", "дата учета", "day", "data"),
        "time": _keys("time", "время", "время наблюдения", "vremya", "vremia"),
        "count": _keys("count", "кол-во", "количество", "число", "шт", "кол", "number", "numbers",
                       "кол-во особей", "кол-во следов", "kolvo", "kol_vo", "kolichestvo"),
        "age_class": _keys("age_class", "возраст", "свежесть", "age", "давность", "возраст следа",
                           "freshness", "age of sign", "svezhest", "vozrast"),
        "uncertainty_m": _keys("uncertainty_m", "точность", "uncertainty", "accuracy", "погрешность",
                               "точность м", "accuracy_m", "gps_accuracy", "horizontal accuracy", "tochnost"),
        "bearing_deg": _keys("bearing_deg", "азимут", "bearing", "направление", "azimuth", "азимут град",
                             "направление на звук", "azimut", "napravlenie"),
        "route_id": _keys("route_id", "маршрут", "route", "номер маршрута", "transect", "трансекта",
                          "трансект", "маршрут №", "route_no", "marshrut"),
        "team": _keys("team", "группа", "отряд", "бригада", "team_id", "группа учетчиков", "gruppa", "otryad"),
        "observer": _keys("observer", "наблюдатель", "учетчик", "учётчик", "исполнитель", "recorder",
                          "observers", "наблюдатели", "учетчики", "автор", "author", "collector",
                          "uchetchik", "nabludatel"),
        "note": _keys("note", "примечание", "комментарий", "notes", "comment", "comments", "описание",
                      "remarks", "description", "примечания", "комментарии", "primechanie",
                      "komment", "kommentariy", "kommentarii"),
    },
    model.CAMERAS: {
        "station_id": _keys("station_id", "station", "станция", "камера", "фотоловушка", "camera",
                            "camera_id", "trap", "trap_id", "trapid", "detector", "location", "location_id",
                            "locationid", "locationname", "точка", "id", "№", "номер", "name", "fid"),
        "deployment_start": _keys("deployment_start", "setup_date", "setup", "start", "start_date",
                                  "deploymentstart", "установка", "дата установки", "начало", "установлена"),
        "deployment_end": _keys("deployment_end", "retrieval_date", "retrieval", "end", "end_date",
                                "deploymentend", "снятие", "дата снятия", "конец", "снята"),
        "trap_nights": _keys("trap_nights", "trapnights", "effort", "trap_days", "trapdays", "ловушко-сутки",
                             "ловушко-ночи", "фотоловушко-сутки", "сутки работы", "camera_days"),
        "status": _keys("status", "статус", "состояние"),
        "note": _keys("note", "примечание", "комментарий", "comment", "comments", "notes"),
    },
    model.DETECTIONS: {
        "station_id": _keys("station_id", "station", "станция", "камера", "фотоловушка", "camera_id",
                            "trap", "trap_id", "detector", "location", "location_id", "locationname",
                            "deploymentid", "точка"),
        "datetime": _keys("datetime", "datetimeoriginal", "date_time", "дата и время", "датавремя",
                          "timestamp", "eventstart"),
        "date": _keys("date", "дата"),
        "time": _keys("time", "время"),
        "species": _keys("species", "вид", "scientificname", "scientific_name", "таксон", "taxon"),
        "individual_id": _keys("individual_id", "individual", "individualid", "особь", "индивидуальный номер",
                               "animal_id", "id особи", "имя", "name"),
        "sex": _keys("sex", "пол"),
        "count": _keys("count", "кол-во", "количество", "число", "number"),
        "event_id": _keys("event_id", "eventid", "event", "событие", "sequence_id", "sequenceid"),
    },
}

#: Roles each reader can use, in matching order (specific before general).
_ROLE_ORDER: Dict[str, List[str]] = {layer: list(roles) for layer, roles in _LAYER_ROLES.items()}


def match_headers(headers: Sequence[str], layer: str) -> Dict[str, str]:
    """Match a table's headers to model fields by their Russian/English synonyms.

    Matching ignores case, spaces and punctuation (``Кол-во`` = ``кол во`` =
    ``КОЛВО``), and ``ё``/``е``. An exact synonym wins; otherwise a header
    starting with a synonym of 4+ letters matches (``Широта, град.``,
    ``Latitude (WGS84)``). NextGIS Web/Collector export columns (``fid``,
    ``ngw_id``, ``geom``) are known too.

    Besides the model fields of ``layer`` the result may hold the roles
    ``lat``, ``lon`` (degrees), ``x``, ``y`` (projected metres, or lon/lat when
    no CRS is given), ``wkt`` (geometry as WKT), ``date``, ``time``, ``datetime``.

    Args:
        headers: the header cells as written in the file.
        layer: ``observations``, ``cameras`` or ``detections``.

    Returns:
        ``{role: header}`` for every role found; each header used at most once.
    """
    if layer not in _LAYER_ROLES:
        raise ValueError(f"no header vocabulary for layer {layer!r}")
    roles = dict(_LAYER_ROLES[layer])
    if layer != model.DETECTIONS:
        roles.update(_COORD_ROLES)
    order = (["wkt", "lat", "lon", "x", "y"] if layer != model.DETECTIONS else []) + _ROLE_ORDER[layer]
    keyed = [(header, normalize_header(header)) for header in headers]
    found: Dict[str, str] = {}
    used: set = set()
    for exact in (True, False):
        for role in order:
            if role in found:
                continue
            for synonym in roles[role]:
                if not exact and len(synonym) < 4:
                    continue
                hit = next((header for header, key in keyed if header not in used and key
                            and (key == synonym if exact else key.startswith(synonym))), None)
                if hit is not None:
                    found[role] = hit
                    used.add(hit)
                    break
    return found


def _vocabulary(table: Dict[str, Iterable[str]]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for code, words in table.items():
        for word in words:
            out[_norm_word(word)] = code
    return out


def _norm_word(text: Any) -> str:
    s = str(text or "").strip().lower().replace("ё", "е")
    s = re.sub(r"\(.*?\)", " ", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).replace("_", " ").split())


_SIGN_WORDS = _vocabulary({
    "track": ("track", "tracks", "trail", "footprint", "footprints", "pugmark", "pugmarks", "paw print",
              "след", "следы", "тропа", "тропы", "следовая дорожка", "следовые дорожки", "дорожка",
              "отпечаток", "отпечатки", "отпечатки лап", "следы лап", "наслед"),
    "scrape": ("scrape", "scrapes", "поскреб", "поскребы", "поскребка", "поскребки", "царапина", "царапины",
               "задир", "задиры", "scrape mark"),
    "scat": ("scat", "scats", "faeces", "feces", "dung", "dropping", "droppings", "экскременты", "помет",
             "фекалии", "кал", "экскремент"),
    "scent_mark": ("scent_mark", "scent mark", "scent", "scent marks", "urine", "urine mark", "spray",
                   "scent spray", "метка", "метки", "мочевая метка", "мочевые метки", "пахучая метка",
                   "запаховая метка", "маркировка"),
    "mating_call": ("mating_call", "mating call", "call", "calls", "vocalization", "vocalisation", "брачный крик",
                    "брачные крики", "крик", "крики", "голос", "рев", "призывный крик", "вокализация"),
    "sighting": ("sighting", "sightings", "seen", "visual", "direct sighting", "observation", "встреча",
                 "визуальная встреча", "наблюдение", "визуальное наблюдение", "визуально", "животное"),
    "prey_remains": ("prey_remains", "prey remains", "kill", "prey", "carcass", "остатки добычи",
                     "задавленная добыча", "добыча", "остатки жертвы", "туша", "поедь"),
    "other": ("other", "другое", "прочее", "иное"),
})

_AGE_WORDS = _vocabulary({
    "fresh": ("fresh", "new", "recent", "свежий", "свежая", "свежее", "свежие", "свеж", "новый", "новая"),
    "old": ("old", "stale", "старый", "старая", "старое", "старые", "стар", "несвежий", "несвежая"),
})


def sign_type_code(text: Any) -> Optional[str]:
    """Map a sign name written in Russian or English to an ``obs_type`` code.

    Examples: ``след``, ``тропа``, ``следовая дорожка`` → ``track``;
    ``поскрёб``, ``царапина`` → ``scrape``; ``помёт``, ``экскременты``, ``scat``
    → ``scat``; ``мочевая метка`` → ``scent_mark``; ``брачный крик`` →
    ``mating_call``; ``визуальная встреча`` → ``sighting``; ``остатки добычи`` →
    ``prey_remains``. Case, ``ё`` and text in brackets are ignored.

    Returns:
        A code from :data:`.model.OBS_TYPES`, or None when the name is unknown
        (the caller stores ``other`` and flags the row).
    """
    return _SIGN_WORDS.get(_norm_word(text))


def _sign_type_in_text(text: Any) -> Optional[str]:
    from .vector import sign_type_in_text  # the same phrasings as in point names

    return sign_type_in_text(text)


def age_class_code(text: Any) -> Optional[str]:
    """Map a sign age (``свежий``/``fresh``, ``старый``/``old``) to an ``age_class`` code, else None."""
    return _AGE_WORDS.get(_norm_word(text))


# --------------------------------------------------------------------------------------------
# Field mappings
# --------------------------------------------------------------------------------------------


def load_mapping(path: str) -> Dict[str, Any]:
    """Read a saved field mapping (JSON object ``{model field or role: file header}``, or such objects per table kind).

    Raises:
        InputError: when the file cannot be read or is not such an object.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise InputError(QT_TR_NOOP("Cannot read the field mapping {path}: {reason}"), path=path,
                         reason=str(error)) from error
    if isinstance(data, dict) and isinstance(data.get("mapping"), dict):
        data = data["mapping"]
    def pairs(value: Any) -> bool:
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())

    # flat {field: header}, or per table kind {"observations": {field: header}, "cameras": {...}}
    if not isinstance(data, dict) or not all(isinstance(k, str) and (isinstance(v, str) or pairs(v))
                                             for k, v in data.items()):
        raise InputError(QT_TR_NOOP("The field mapping {path} is not a list of field: column pairs; "
                                    "save the mapping again from the import dialog."), path=path)
    return dict(data)


def save_mapping(mapping: Dict[str, str], path: str) -> None:
    """Save a field mapping as UTF-8 JSON (written atomically)."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump({"mapping": dict(mapping)}, handle, ensure_ascii=False, indent=2, sort_keys=True)


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


def read_observations_table(path: str, issues: IssueLog, crs: Optional[str] = None,
                            mapping: Optional[Dict[str, str]] = None) -> gpd.GeoDataFrame:
    """Read a table of signs and sightings into the ``observations`` schema.

    Columns are found by their Russian or English names (:func:`match_headers`)
    or by a saved ``mapping``. Coordinates may be decimal degrees, degrees-
    minutes or DMS (:func:`parse_coordinate`), projected X/Y with ``crs``, or a
    WKT ``geom`` column (NextGIS Web).

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
    table = _read_table(path, layer, issues, mapping)
    columns = _resolve_columns(table, layer, mapping)
    locator = _Locator(table, columns, crs, layer)
    if locator.northing_first:
        issues.add(table.source, layer, "", "latlon_swapped", "fixed", "warning",
                   QT_TR_NOOP("In {path} the X column holds northings and Y eastings (geodetic order); they were "
                              "read the other way round."), path=table.source)
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
        obs_type = sign_type_code(type_text) or _sign_type_in_text(type_text)  # "след ирбиса", "Поскрёб, свежий"
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
        age = age_class_code(age_text)
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
    table = _read_table(path, layer, issues, mapping)
    columns = _resolve_columns(table, layer, mapping)
    locator = _Locator(table, columns, crs, layer)
    if locator.northing_first:
        issues.add(table.source, layer, "", "latlon_swapped", "fixed", "warning",
                   QT_TR_NOOP("In {path} the X column holds northings and Y eastings (geodetic order); they were "
                              "read the other way round."), path=table.source)
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
