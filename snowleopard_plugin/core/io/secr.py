"""Reading secr / DENSITY text files: detector layouts and capture histories.

The layout follows the R package ``secr`` (``read.traps``, ``read.capthist``)
and program DENSITY:

* lines starting with ``#`` are comments; the last comment line before the
  data, when it has the right number of names, gives the column names (the
  Tost files' header line is such a comment);
* values are separated by white space (blanks, tabs) or by commas (``.csv``
  files, or any line holding a comma); IDs may be quoted with ``"`` or ``'``,
  which is needed only when they contain blanks;
* traps file: ``trapID x y [usage] [/ covariates]``. The usage is either one
  string of 0/1 codes per occasion (``11101``, ``binary.usage = TRUE``) or
  one or more numeric columns of effort per occasion (``binary.usage =
  FALSE``); a ``/`` field separates the detector covariates;
* capture file (``fmt = "trapID"``): ``Session ID Occasion Detector
  [individual covariates]``; rows whose ID is ``NONE`` only declare a session
  without captures.

Coordinates are in the metres of whatever CRS the analyst used (secr has no
CRS): give it with ``crs`` (the Tost survey is EPSG:32647), else the layer
has no CRS. IDs are kept exactly as written (``Suhder`` and ``Suuder`` stay two
animals).
"""

from __future__ import annotations

import csv
import os
import re
from typing import Any, Dict, List, Optional, Tuple

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from .. import model
from ..exceptions import QT_TR_NOOP, InputError
from ..validation import IssueLog
from .text import detect_encoding, parse_number

_TOKEN_RE = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s"\']+)')
_BINARY_RE = re.compile(r"^[01]+$")
_EFFORT_WORDS = ("effort", "trapdays", "trapnights", "days", "nights", "effortdays")


def _read_lines(path: str) -> Tuple[str, List[Tuple[int, str]], List[str]]:
    """(base name, [(line number, data line)], comment lines) of a secr text file."""
    source = os.path.basename(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=path,
                         reason=error.strerror or str(error)) from error
    if b"\x00" in raw[:65536]:
        raise InputError(QT_TR_NOOP("{path} is not a text file: choose the secr traps or capture text file."),
                         path=source)
    text = raw.decode(detect_encoding(raw), errors="replace")
    data: List[Tuple[int, str]] = []
    comments: List[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if not data:
                comments.append(stripped[1:].strip())
            continue
        data.append((number, stripped.split("#", 1)[0].strip() if '"' not in stripped else stripped))
    if not data:
        raise InputError(QT_TR_NOOP("{path} has no data lines (only comments or nothing): export it again."),
                         path=source)
    return source, data, comments


def _split(line: str, comma: bool) -> List[str]:
    """Fields of one line: comma-separated (quotes honoured) or white-space separated."""
    if comma:
        fields = next(csv.reader([line], skipinitialspace=True), [])
        out = []
        for field in fields:
            field = field.strip()
            if len(field) >= 2 and field[0] == field[-1] == "'":
                field = field[1:-1]
            out.append(field)
        return out
    return [next(group for group in match.groups() if group is not None) for match in _TOKEN_RE.finditer(line)]


def _uses_commas(path: str, data: List[Tuple[int, str]]) -> bool:
    return path.lower().endswith(".csv") or any("," in line for _, line in data[:20])


def _header(comments: List[str], comma: bool, width: int) -> Optional[List[str]]:
    """Column names from the last comment line, if it names ``width`` columns."""
    if not comments:
        return None
    names = _split(comments[-1], comma)
    return names if len(names) == width else None


def _typed(values: List[Optional[str]]) -> List[Any]:
    """Numbers when every non-empty value is one, else the text."""
    numbers = [parse_number(v) if v not in (None, "") else None for v in values]
    if all(n is not None for n, v in zip(numbers, values) if v not in (None, "")):
        if all(n is None or float(n).is_integer() for n in numbers) and any(n is not None for n in numbers):
            return [None if n is None else int(n) for n in numbers]
        return numbers
    return values


def read_secr_traps(path: str, issues: IssueLog, crs: Optional[str] = None,
                    binary_usage: Optional[bool] = None) -> gpd.GeoDataFrame:
    """Read a secr/DENSITY detector layout (``read.traps``) as camera stations.

    Trap-nights are the sum of the usage: the number of ``1`` codes of a
    binary usage string (each occasion taken as one night), or the sum of the
    numeric effort columns (the Tost ``Effort`` column is active trap-days).
    Without usage, trap-nights are unknown (NaN) and flagged once.

    Args:
        path: the traps text file.
        issues: validation log; ``source`` is the file name, ``feature`` the
            1-based data line (comments and blank lines not counted).
        crs: CRS of the x/y coordinates (metres), e.g. ``"EPSG:32647"``; None
            leaves the layer without CRS.
        binary_usage: True: usage is a 0/1 string per detector; False: numeric
            effort columns; None (default): binary only when every usage field
            is a 0/1 string of one common length of 2+ codes and the header does
            not call the column effort.

    Returns:
        Points with the ``cameras`` fields (station_id, deployment_start and
        deployment_end empty, trap_nights, status, source), ``usage`` (the usage
        as written) and one column per detector covariate (named from the
        header comment, else ``cov1``, ``cov2`` ...).

    Raises:
        InputError: the file is empty or not a detector layout.
    """
    layer = model.CAMERAS
    source, data, comments = _read_lines(path)
    comma = _uses_commas(path, data)
    rows: List[Tuple[int, List[str]]] = [(n, _split(line, comma)) for n, line in data]
    width = max(len(fields) for _, fields in rows)
    header = _header(comments, comma, width)
    parsed: List[Dict[str, Any]] = []
    for number, (_line, fields) in enumerate(rows, start=1):
        if "/" in fields:
            cut = fields.index("/")
            main, covariates = fields[:cut], fields[cut + 1:]
        else:
            main, covariates = fields, []
        x = parse_number(main[1]) if len(main) > 1 else None
        y = parse_number(main[2]) if len(main) > 2 else None
        if len(main) < 3 or x is None or y is None:
            issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                       QT_TR_NOOP("Line '{value}' is not 'trapID x y [usage] [/ covariates]'; it was not "
                                  "imported."), value=" ".join(fields))
            continue
        parsed.append({"number": number, "id": main[0], "x": x, "y": y, "usage": main[3:],
                       "covariates": covariates})
    if not parsed:
        raise InputError(QT_TR_NOOP("{path}: no line reads as 'trapID x y [usage] [/ covariates]'. Choose a secr "
                                    "traps file (detector ID, x, y in metres, one detector per line)."),
                         path=source)
    usage_names: List[str] = []
    covariate_names: List[str] = []
    if header is not None:
        main_header = header[: header.index("/")] if "/" in header else header
        usage_names = main_header[3:]
        covariate_names = header[header.index("/") + 1:] if "/" in header else []
    n_cov = max(len(p["covariates"]) for p in parsed)
    covariate_names = (covariate_names + [f"cov{i}" for i in range(len(covariate_names) + 1, n_cov + 1)])[:n_cov]
    usage_fields = [field for p in parsed for field in p["usage"]]
    if binary_usage is None:
        said_effort = any(re.sub(r"\W", "", name.lower()) in _EFFORT_WORDS for name in usage_names)
        lengths = {len(field) for field in usage_fields}
        binary_usage = (bool(usage_fields) and not said_effort and all(_BINARY_RE.match(f) for f in usage_fields)
                        and len(lengths) == 1 and lengths.pop() > 1
                        and all(len(p["usage"]) == 1 for p in parsed))
    records: List[Dict[str, Any]] = []
    points: List[Point] = []
    seen: Dict[str, int] = {}
    for p in parsed:
        number = p["number"]
        nights: Optional[float] = None
        if p["usage"]:
            if binary_usage:
                text = "".join(p["usage"])
                if _BINARY_RE.match(text):
                    nights = float(text.count("1"))
            else:
                values = [parse_number(field) for field in p["usage"]]
                if all(value is not None for value in values):
                    nights = float(sum(values))
            if nights is None:
                issues.add(source, layer, number, "missing_value", "kept", "warning",
                           QT_TR_NOOP("Detector {id}: usage '{value}' cannot be read; trap-nights left empty."),
                           id=p["id"], value=" ".join(p["usage"]))
        if p["id"] in seen:
            issues.add(source, layer, number, "duplicate_point", "kept", "warning",
                       QT_TR_NOOP("Detector ID {id} is used again (first on data line {first}); both were kept. "
                                  "Polygon and transect detectors are not read as such."),
                       id=p["id"], first=seen[p["id"]])
        seen.setdefault(p["id"], number)
        record = {
            "station_id": p["id"],
            "deployment_start": None,
            "deployment_end": None,
            "trap_nights": nights,
            "status": None,
            "source": source,
            "usage": " ".join(p["usage"]) or None,
        }
        covariates = p["covariates"] + [None] * (n_cov - len(p["covariates"]))
        record.update(dict(zip(covariate_names, covariates)))
        records.append(record)
        points.append(Point(p["x"], p["y"]))
    if not usage_fields:
        issues.add(source, layer, "", "missing_value", "kept", "warning",
                   QT_TR_NOOP("The traps file has no usage (effort) columns; trap-nights are unknown. Enter the "
                              "effort or the setup/retrieval dates of the cameras."))
    frame = pd.DataFrame(records, columns=model.field_names(layer) + ["usage"] + covariate_names)
    frame["trap_nights"] = frame["trap_nights"].astype("float64")
    for name in covariate_names:
        frame[name] = _typed(list(frame[name]))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=crs), crs=crs)


def read_secr_capthist(path: str, issues: IssueLog, noncapt: str = "NONE") -> pd.DataFrame:
    """Read a secr/DENSITY capture file (``read.capthist``, ``fmt = "trapID"``).

    Args:
        path: the capture text file: ``Session ID Occasion Detector [covariates]``.
        issues: validation log; ``source`` is the file name, ``feature`` the
            1-based data line.
        noncapt: the animal ID that marks a session without captures (secr's
            default ``NONE``); such lines give no detection and are logged as info.

    Returns:
        One row per capture with the ``detections`` fields (session,
        individual_id, occasion as int, station_id, sex, count 1, source;
        datetime, species and event_id empty) plus the other individual
        covariates, named from the header comment (``Sex`` → ``sex``) or
        ``cov1``, ``cov2`` ...

    Raises:
        InputError: the file is empty or not a capture file.
    """
    layer = model.DETECTIONS
    source, data, comments = _read_lines(path)
    comma = _uses_commas(path, data)
    rows = [_split(line, comma) for _, line in data]
    width = max(len(fields) for fields in rows)
    header = _header(comments, comma, width)
    extra_names: List[str] = []
    if header is not None:
        extra_names = [re.sub(r"\W+", "_", name.strip()).strip("_") or f"cov{i}"
                       for i, name in enumerate(header[4:], start=1)]
    extra_names = (extra_names + [f"cov{i}" for i in range(len(extra_names) + 1, width - 3)])[: max(width - 4, 0)]
    renamed = ["sex" if name.lower() in ("sex", "пол", "gender") else name for name in extra_names]
    records: List[Dict[str, Any]] = []
    good = 0
    for number, fields in enumerate(rows, start=1):
        occasion = parse_number(fields[2]) if len(fields) > 2 else None
        if len(fields) >= 2 and fields[1] == noncapt:
            issues.add(source, layer, number, "other", "kept", "info",
                       QT_TR_NOOP("Session {session} is declared without captures ('{value}')."),
                       session=fields[0], value=noncapt)
            continue
        if len(fields) < 4 or occasion is None or not float(occasion).is_integer() or not fields[3]:
            issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                       QT_TR_NOOP("Line '{value}' is not 'Session ID Occasion Detector [covariates]'; it was "
                                  "not imported."), value=" ".join(fields))
            continue
        good += 1
        record: Dict[str, Any] = {
            "station_id": fields[3],
            "datetime": None,
            "species": None,
            "individual_id": fields[1],
            "sex": None,
            "count": 1,
            "event_id": None,
            "session": fields[0],
            "occasion": int(occasion),
            "source": source,
        }
        for name, value in zip(renamed, fields[4:]):
            record[name] = value if value != "" else None
        records.append(record)
    if not good and not any(issue.problem == "other" for issue in issues.issues if issue.source == source):
        raise InputError(QT_TR_NOOP("{path}: no line reads as 'Session ID Occasion Detector'. Choose a secr "
                                    "capture file (fmt = trapID)."), path=source)
    columns = model.field_names(layer) + [name for name in renamed if name != "sex"]
    frame = pd.DataFrame(records, columns=columns)
    frame["count"] = frame["count"].astype("int64")
    frame["occasion"] = frame["occasion"].astype("int64")
    return frame
