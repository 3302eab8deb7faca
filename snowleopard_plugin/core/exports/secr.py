"""Spatial capture-recapture files for R ``secr`` (and program DENSITY): ``traps.txt`` and ``capthist.txt``.

The files follow the DENSITY text layout that ``secr::read.capthist(captfile,
trapfile, detector = ..., fmt = "trapID")`` and ``secr::read.traps`` read
(see ``docs/exports.md``):

* values separated by blanks; IDs holding blanks, ``#``, ``/`` or quotes are
  written in double quotes (``"Suhder Cub 1"``); lines starting with ``#`` are
  comments (the last one names the columns);
* ``traps.txt``: ``ID X Y usage [/ covariates]``, one camera station per line.
  With deployment dates the usage is one string of ``0``/``1`` codes, one per
  occasion: ``1`` when a deployment of the station was running during some of
  the occasion (read with the default ``binary.usage = TRUE``). Without
  deployment dates (a secr import has only the total effort) the usage is the
  station's trap-nights as numeric effort, one column per occasion (spread
  evenly when there are several occasions), read with ``binary.usage = FALSE``.
  Station covariates (the extra columns of the cameras layer, e.g. the Tost
  ``Rgd Topo Water Winter``) follow a ``/``; a missing value is ``NA``;
* ``capthist.txt``: ``Session ID Occasion Detector [Sex]``, one line per
  detection of an identified animal; the sex covariate is ``F``, ``M`` or ``U``.

Occasions are ``occasion_days`` long, counted from midnight (in the cameras'
time zone) of the day the earliest deployment starts; occasion 1 is the first.
Detections already carrying secr occasions (imported from a capture file) keep
them. One session per season: the detections' own session label when they all
carry the same one, else the year of the first occasion (``"1"`` when unknown).

Detector types: ``proximity`` (an animal is recorded at most once per detector
and occasion: repeats are merged), ``count`` (every detection is a line) and
``multi`` (an animal is recorded at most once per occasion: the earliest
detection is kept). Coordinates are in the metres of the cameras' CRS (secr has
no CRS; it is written in a comment line).
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from .. import model
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..fileio import atomic_output
from ..io.text import iso_to_datetime
from ..values import is_null as _isnull
from .generalise import cell_centres, check_cell_size, check_metric_crs

#: Detector types offered (secr's names).
DETECTORS: Tuple[str, ...] = ("proximity", "count", "multi")

#: Camera columns that are not station covariates.
_NOT_COVARIATES = set(model.field_names(model.CAMERAS)) | {"usage", "deployment_id", "fid", "geometry", "ogc_fid",
                                                          "lon", "lat", "feature", "generalised_m"}


@dataclass
class SecrExport:
    """What :func:`secr_tables` made: the two files' text and what was left out, for the log.

    Attributes:
        traps_text, capthist_text: the file contents.
        n_stations: detectors written.
        n_captures: capture lines written.
        n_occasions: number of occasions.
        binary_usage: True: 0/1 usage string; False: numeric effort (read with ``binary.usage = FALSE``).
        messages: (template, fields) pairs, English ``QT_TR_NOOP`` templates to translate and show.
    """

    traps_text: str
    capthist_text: str
    n_stations: int
    n_captures: int
    n_occasions: int
    binary_usage: bool
    messages: List[Tuple[str, Dict[str, Any]]] = field(default_factory=list)




def quote_id(value: Any) -> str:
    """An ID as secr/read.table reads it back: quoted when it holds blanks, ``#``, ``/``, ``,`` or quotes."""
    text = str(value).strip().replace('"', "'")
    if text == "" or any(ch in text for ch in " \t#/,'"):
        return f'"{text}"'
    return text


def _number(value: float, decimals: int = 3) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


def _sex(value: Any) -> str:
    text = "" if _isnull(value) else str(value).strip().lower()
    if text in ("f", "female", "ж", "самка", "фем"):
        return "F"
    if text in ("m", "male", "м", "самец"):
        return "M"
    return "U"


def _aware(value: Any, tz: Optional[_dt.tzinfo]) -> Optional[_dt.datetime]:
    """An ISO text as a datetime in ``tz`` (naive values are taken to be in ``tz`` already)."""
    if _isnull(value):
        return None
    when = iso_to_datetime(str(value))
    if when is None:
        return None
    if when.tzinfo is None:
        return when.replace(tzinfo=tz) if tz is not None else when
    return when.astimezone(tz) if tz is not None else when.replace(tzinfo=None)


def secr_tables(cameras: Any, detections: Any, occasion_days: float = 1.0, detector: str = "proximity",
                generalise_cell_m: float = 0.0, species: Optional[str] = None, session: Optional[str] = None,
                feedback: Optional[Feedback] = None) -> SecrExport:
    """Build the secr traps and capture files of a season.

    Args:
        cameras: GeoDataFrame of camera stations (``station_id``, ``deployment_start``, ``deployment_end``,
            ``trap_nights``; extra columns become station covariates) in a metric CRS (metres). A station with
            several deployments gives one detector (usage: any deployment running).
        detections: DataFrame with ``station_id``, ``individual_id``, ``datetime`` (ISO 8601), ``sex`` and,
            when imported from secr, ``session`` and ``occasion``; optionally ``species``.
        occasion_days: length of an occasion in days (> 0); ignored when the detections carry occasions.
        detector: ``proximity``, ``count`` or ``multi``.
        generalise_cell_m: > 0: station coordinates are moved to cell centres of this size (metres).
        species: keep only detections of this species (case-insensitive); None or empty: all.
        session: the session label; None: see the module notes.
        feedback: progress and cancellation.

    Returns:
        a :class:`SecrExport`.

    Raises:
        InputError: no camera, no detection of an identified animal at a known station, or no way to place the
            detections in occasions (neither occasions nor dates).
        ParameterError: bad occasion length or detector type.
        CrsError: cameras in degrees.
    """
    days = _check_options(cameras, detector, occasion_days)
    messages: List[Tuple[str, Dict[str, Any]]] = []
    st = _stations(cameras, messages, feedback)
    rows = _detection_rows(detections, st, species, messages)
    captures, keep_occasions, first_day = _captures(rows, st, days, messages, feedback)
    n_occ, usage, binary = _occasions_and_usage(st, captures, keep_occasions, first_day, days, messages)
    captures = _detector_rules(captures, detector, messages)
    session = _session(session, captures, first_day)
    xs, ys, cell = _coordinates(st, generalise_cell_m)
    traps_text = _traps_text(cameras, st, detector, binary, xs, ys, cell, first_day, keep_occasions, n_occ, days,
                             usage)
    capthist_text = _capthist_text(captures, session)
    station_order = st.order
    messages.append((QT_TR_NOOP("secr export: {stations} detectors, {captures} captures of {animals} animals, "
                                "{occasions} occasions, session {session}."),
                     {"stations": len(station_order), "captures": len(captures),
                      "animals": len({c["id"] for c in captures}), "occasions": n_occ, "session": session}))
    return SecrExport(traps_text, capthist_text, len(station_order), len(captures), n_occ, binary, messages)


@dataclass
class _Stations:
    """The camera stations (in layer order), their covariate names, deployment spans and time zone."""

    order: List[str]
    stations: Dict[str, Dict[str, Any]]
    covariates: List[str]
    spans: Dict[str, List[Tuple[_dt.datetime, _dt.datetime]]]
    dated: bool
    tz: Optional[_dt.tzinfo]


def _check_options(cameras: Any, detector: str, occasion_days: float) -> float:
    """Step 0: the detector type, the occasion length (days, returned) and the cameras layer."""
    if detector not in DETECTORS:
        raise ParameterError(QT_TR_NOOP("Unknown detector type {name}: use one of {names}."), name=detector,
                             names=", ".join(DETECTORS))
    try:
        days = float(occasion_days)
    except (TypeError, ValueError):
        days = float("nan")
    if not math.isfinite(days) or days <= 0:
        raise ParameterError(QT_TR_NOOP("The occasion length must be more than 0 days (got {value})."),
                             value=occasion_days)
    if cameras is None or len(cameras) == 0:
        raise InputError(QT_TR_NOOP("The cameras layer is empty: secr needs the camera stations (traps)."))
    check_metric_crs(cameras.crs)
    cols = set(cameras.columns)
    for name in ("station_id",):
        if name not in cols:
            raise InputError(QT_TR_NOOP("The cameras layer has no {field} field: use the season GeoPackage's "
                                        "cameras layer."), field=name)
    return days


def _stations(cameras: Any, messages: List[Tuple[str, Dict[str, Any]]], feedback: Optional[Feedback]) -> _Stations:
    """Step 1: one detector per station (deployments, trap-nights, covariates) and the deployment spans."""
    station_order: List[str] = []
    stations: Dict[str, Dict[str, Any]] = {}
    covariates = [c for c in cameras.columns if c not in _NOT_COVARIATES and c != cameras.geometry.name]
    geometry = cameras.geometry.values
    for i, row in enumerate(cameras.drop(columns=cameras.geometry.name).to_dict("records")):
        sid = None if _isnull(row.get("station_id")) else str(row["station_id"]).strip()
        geom = geometry[i]
        if sid is None or geom is None or geom.is_empty:
            continue
        if sid not in stations:
            station_order.append(sid)
            stations[sid] = {"x": float(geom.x), "y": float(geom.y), "deployments": [], "nights": 0.0,
                             "nights_known": True, "usage": row.get("usage"),
                             "cov": [row.get(c) for c in covariates]}
        entry = stations[sid]
        entry["deployments"].append((row.get("deployment_start"), row.get("deployment_end")))
        nights = row.get("trap_nights")
        if _isnull(nights):
            entry["nights_known"] = False
        else:
            entry["nights"] += float(nights)
    if not stations:
        raise InputError(QT_TR_NOOP("No camera has a station_id and a position: secr needs the camera stations."))

    # time zone of the cameras (the first aware deployment start), for day boundaries
    tz: Optional[_dt.tzinfo] = None
    for entry in stations.values():
        for start, _end in entry["deployments"]:
            when = None if _isnull(start) else iso_to_datetime(str(start))
            if when is not None and when.tzinfo is not None:
                tz = when.tzinfo
                break
        if tz is not None:
            break
    spans: Dict[str, List[Tuple[_dt.datetime, _dt.datetime]]] = {}
    for sid, entry in stations.items():
        for start, end in entry["deployments"]:
            a, b = _aware(start, tz), _aware(end, tz)
            if a is not None and b is not None and b >= a:
                spans.setdefault(sid, []).append((a, b))
    dated = len(spans) == len(stations)
    if spans and not dated:
        missing = len(stations) - len(spans)
        messages.append((QT_TR_NOOP("{n} of {total} stations have no deployment start and end dates; the usage "
                                    "per occasion cannot be known for them, so the total effort (trap-nights) is "
                                    "written as usage for every station."), {"n": missing, "total": len(stations)}))
    elif not spans:
        messages.append((QT_TR_NOOP("The cameras have no deployment dates (e.g. imported from a secr traps file "
                                    "with only the effort); the usage per occasion is unknown, so the total effort "
                                    "(trap-nights) is written as usage. Read the traps file with binary.usage = "
                                    "FALSE."), {}))
    check_cancel(feedback)
    return _Stations(station_order, stations, covariates, spans, dated, tz)


def _detection_rows(detections: Any, st: _Stations, species: Optional[str],
                    messages: List[Tuple[str, Dict[str, Any]]]) -> List[Dict[str, Any]]:
    """Step 2: the detections of identified animals (of ``species``) at known stations."""
    stations = st.stations
    if detections is None or len(detections) == 0:
        raise InputError(QT_TR_NOOP("The detections layer is empty: secr needs detections of identified "
                                    "animals."))
    if "station_id" not in detections.columns or "individual_id" not in detections.columns:
        raise InputError(QT_TR_NOOP("The detections layer needs station_id and individual_id fields: use the "
                                    "season GeoPackage's detections layer."))
    rows = detections.drop(columns=[c for c in ("geometry",) if c in detections.columns]).to_dict("records")
    if species:
        wanted = str(species).strip().lower()
        kept_rows = [r for r in rows if not _isnull(r.get("species")) and str(r["species"]).strip().lower() == wanted]
        if len(kept_rows) < len(rows):
            messages.append((QT_TR_NOOP("{n} detections of other species than {species} were left out."),
                             {"n": len(rows) - len(kept_rows), "species": species}))
        rows = kept_rows
    no_id = [r for r in rows if _isnull(r.get("individual_id"))]
    if no_id:
        messages.append((QT_TR_NOOP("{n} detections have no individual ID and were left out: secr needs each "
                                    "capture to name the animal. Identify them (individual_id) to use them."),
                         {"n": len(no_id)}))
    rows = [r for r in rows if not _isnull(r.get("individual_id"))]
    unknown = [r for r in rows if _isnull(r.get("station_id")) or str(r["station_id"]).strip() not in stations]
    if unknown:
        messages.append((QT_TR_NOOP("{n} detections name a station that is not among the cameras and were left "
                                    "out."), {"n": len(unknown)}))
    rows = [r for r in rows if not _isnull(r.get("station_id")) and str(r["station_id"]).strip() in stations]
    if not rows:
        raise InputError(QT_TR_NOOP("No detection of an identified animal at a known camera station: secr needs "
                                    "detections with an individual_id. {n} detections had no individual ID."),
                         n=len(no_id))
    return rows


def _captures(rows: List[Dict[str, Any]], st: _Stations, days: float, messages: List[Tuple[str, Dict[str, Any]]],
              feedback: Optional[Feedback]) -> Tuple[List[Dict[str, Any]], bool, Optional[_dt.datetime]]:
    """Step 3: captures with their occasion (kept from secr, or days since the first deployment's midnight);
    returns ``(captures, occasions kept, first day)``."""
    spans, tz = st.spans, st.tz
    with_occasion = [r for r in rows if not _isnull(r.get("occasion"))]
    keep_occasions = len(with_occasion) == len(rows)
    first_day: Optional[_dt.datetime] = None
    captures: List[Dict[str, Any]] = []
    if keep_occasions:
        messages.append((QT_TR_NOOP("The detections carry secr occasions (imported from a capture file); they were "
                                    "kept and the occasion length was not used."), {}))
        for r in rows:
            captures.append({"id": str(r["individual_id"]).strip(), "station": str(r["station_id"]).strip(),
                             "occasion": int(float(r["occasion"])), "time": _aware(r.get("datetime"), tz),
                             "sex": _sex(r.get("sex")), "session": r.get("session")})
    else:
        starts = [a for sp in spans.values() for a, _ in sp]
        times = [(_aware(r.get("datetime"), tz), r) for r in rows]
        undated = [r for when, r in times if when is None]
        if undated:
            messages.append((QT_TR_NOOP("{n} detections have no date and time and were left out: their occasion "
                                        "cannot be known."), {"n": len(undated)}))
        times = [(when, r) for when, r in times if when is not None]
        if not times:
            raise InputError(QT_TR_NOOP("The detections have neither secr occasions nor dates: the occasions cannot "
                                        "be formed. Import detections with their date and time."))
        origin = min(starts) if starts else min(when for when, _ in times)
        first_day = origin.replace(hour=0, minute=0, second=0, microsecond=0)
        step = days * 86400.0
        before = 0
        for when, r in times:
            offset = (when - first_day).total_seconds()
            if offset < 0:
                before += 1
                continue
            captures.append({"id": str(r["individual_id"]).strip(), "station": str(r["station_id"]).strip(),
                             "occasion": int(offset // step) + 1, "time": when, "sex": _sex(r.get("sex")),
                             "session": r.get("session")})
        if before:
            messages.append((QT_TR_NOOP("{n} detections are earlier than the first camera deployment and were "
                                        "left out."), {"n": before}))
    check_cancel(feedback)
    return captures, keep_occasions, first_day


def _occasions_and_usage(st: _Stations, captures: List[Dict[str, Any]], keep_occasions: bool,
                         first_day: Optional[_dt.datetime], days: float,
                         messages: List[Tuple[str, Dict[str, Any]]]) -> Tuple[int, Dict[str, List[Any]], bool]:
    """Step 4: the number of occasions and each station's usage (binary from the dates, or effort)."""
    spans, dated, station_order, stations = st.spans, st.dated, st.order, st.stations
    n_occ = max(c["occasion"] for c in captures)
    if not keep_occasions and spans and first_day is not None:
        last = max(b for sp in spans.values() for _, b in sp)
        n_occ = max(n_occ, int(math.ceil((last - first_day).total_seconds() / (days * 86400.0) - 1e-9)))
    n_occ = max(n_occ, 1)
    usage: Dict[str, List[Any]] = {}
    binary = dated and not keep_occasions and first_day is not None
    if binary:
        step = _dt.timedelta(days=days)
        for sid in station_order:
            codes = []
            for k in range(n_occ):
                lo, hi = first_day + k * step, first_day + (k + 1) * step
                codes.append(1 if any(a < hi and b > lo for a, b in spans[sid]) else 0)
            usage[sid] = codes
        used_zero = sum(1 for c in captures if usage[c["station"]][c["occasion"] - 1] == 0)
        if used_zero:
            messages.append((QT_TR_NOOP("{n} detections fall outside the deployment dates of their camera; check "
                                        "the camera dates or the detection times."), {"n": used_zero}))
    else:
        written_usage = [stations[s]["usage"] for s in station_order]
        binary_codes = all(not _isnull(u) and set(str(u).strip()) <= {"0", "1"} and len(str(u).strip()) == n_occ
                           for u in written_usage) and n_occ > 1
        if binary_codes:
            binary = True
            for sid in station_order:
                usage[sid] = [int(ch) for ch in str(stations[sid]["usage"]).strip()]
        else:
            unknown_effort = [s for s in station_order if not stations[s]["nights_known"]]
            if unknown_effort:
                messages.append((QT_TR_NOOP("{n} stations have no trap-nights; their usage was written as NA."),
                                 {"n": len(unknown_effort)}))
            if n_occ > 1:
                messages.append((QT_TR_NOOP("The effort per occasion is unknown: each station's trap-nights were "
                                            "spread evenly over the {k} occasions."), {"k": n_occ}))
            for sid in station_order:
                entry = stations[sid]
                usage[sid] = ([entry["nights"] / n_occ] * n_occ if entry["nights_known"] else [None] * n_occ)
    return n_occ, usage, binary


def _detector_rules(captures: List[Dict[str, Any]], detector: str,
                    messages: List[Tuple[str, Dict[str, Any]]]) -> List[Dict[str, Any]]:
    """Step 5: captures in time order, merged as the detector type requires (proximity, multi-catch)."""
    def _order(c: Dict[str, Any]) -> Tuple[int, int, float]:
        when = c["time"]
        return (c["occasion"], when is None, when.timestamp() if when is not None else 0.0)

    captures.sort(key=_order)  # stable: file order within ties
    def first_per(key: Any) -> List[Dict[str, Any]]:
        """The first capture of each key, in order."""
        seen: set = set()
        kept = []
        for c in captures:
            if key(c) not in seen:
                seen.add(key(c))
                kept.append(c)
        return kept

    if detector == "proximity":
        kept = first_per(lambda c: (c["id"], c["occasion"], c["station"]))
        if len(kept) < len(captures):
            messages.append((QT_TR_NOOP("Proximity detectors record an animal at most once per detector and "
                                        "occasion: {n} repeated detections were merged."),
                             {"n": len(captures) - len(kept)}))
        captures = kept
    elif detector == "multi":
        kept = first_per(lambda c: (c["id"], c["occasion"]))
        if len(kept) < len(captures):
            messages.append((QT_TR_NOOP("Multi-catch detectors record an animal at most once per occasion: {n} later "
                                        "detections in the same occasion were left out."),
                             {"n": len(captures) - len(kept)}))
        captures = kept
    return captures


def _session(session: Optional[str], captures: List[Dict[str, Any]], first_day: Optional[_dt.datetime]) -> str:
    """Step 6: the session label (given; the captures' one; the first day's year; else "1")."""
    if session is None:
        labels = {str(c["session"]).strip() for c in captures if not _isnull(c["session"])}
        if len(labels) == 1 and all(not _isnull(c["session"]) for c in captures):
            session = labels.pop()
        elif first_day is not None:
            session = str(first_day.year)
        else:
            session = "1"
    session = str(session)
    return session


def _coordinates(st: _Stations, generalise_cell_m: float) -> Tuple[np.ndarray, np.ndarray, float]:
    """Step 7: station coordinates (m), moved to cell centres when ``generalise_cell_m`` > 0."""
    stations, station_order = st.stations, st.order
    xs = np.array([stations[s]["x"] for s in station_order])
    ys = np.array([stations[s]["y"] for s in station_order])
    cell = 0.0
    if generalise_cell_m and float(generalise_cell_m) > 0:
        cell = check_cell_size(generalise_cell_m)
        xs, ys = cell_centres(xs, ys, cell)
    return xs, ys, cell


def _traps_text(cameras: Any, st: _Stations, detector: str, binary: bool, xs: np.ndarray, ys: np.ndarray,
                cell: float, first_day: Optional[_dt.datetime], keep_occasions: bool, n_occ: int, days: float,
                usage: Dict[str, List[Any]]) -> str:
    """Step 8: the traps file text (header comments with the R call, one line per detector)."""
    covariates, station_order, stations = st.covariates, st.order, st.stations
    crs_text = _crs_name(cameras.crs)
    call = (f"read.capthist(\"capthist.txt\", \"traps.txt\", detector = \"{detector}\", fmt = \"trapID\", "
            f"covnames = \"Sex\"" + ("" if binary else ", binary.usage = FALSE")
            + (", trapcovnames = c(" + ", ".join(f'\"{c}\"' for c in covariates) + ")" if covariates else "") + ")")
    head = [f"# secr traps file written by the Snow Leopard Census plugin; in R: {call}",
            f"# coordinates: metres, {crs_text}" + (f"; generalised to the centres of {_number(cell)} m cells "
                                                     f"(generalised_m = {_number(cell)})" if cell else "")]
    if first_day is not None and not keep_occasions:
        head.append(f"# {n_occ} occasions of {_number(days)} days from {first_day.date().isoformat()}"
                    + (f" (time zone {first_day.strftime('%z')})" if first_day.tzinfo is not None else ""))
    else:
        head.append(f"# {n_occ} occasions" + ("" if binary else "; usage = effort in trap-nights"))
    usage_names = ["usage"] if binary else ([f"effort{k + 1}" for k in range(n_occ)] if n_occ > 1 else ["Effort"])
    names = ["ID", "X", "Y"] + usage_names + (["/"] + [str(c) for c in covariates] if covariates else [])
    head.append("#" + " ".join(names))
    lines = []
    for i, sid in enumerate(station_order):
        if binary:
            use = ["".join(str(v) for v in usage[sid])]
        else:
            use = ["NA" if v is None else _number(v, 2) for v in usage[sid]]
        fields = [quote_id(sid), _number(round(float(xs[i]), 4), 4), _number(round(float(ys[i]), 4), 4)] + use
        if covariates:
            fields.append("/")
            for value in stations[sid]["cov"]:
                if _isnull(value):
                    fields.append("NA")
                elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
                    fields.append(f"{float(value):.10g}")
                else:
                    fields.append(quote_id(value))
        lines.append(" ".join(fields))
    traps_text = "\n".join(head + lines) + "\n"
    return traps_text


def _capthist_text(captures: List[Dict[str, Any]], session: str) -> str:
    """Step 8: the capture file text (``fmt = "trapID"``)."""
    cap_lines = ["# secr capture file written by the Snow Leopard Census plugin (fmt = \"trapID\")",
                 "#Session ID Occasion Detector Sex"]
    for c in captures:
        cap_lines.append(" ".join([quote_id(session), quote_id(c["id"]), str(c["occasion"]), quote_id(c["station"]),
                                   c["sex"]]))
    capthist_text = "\n".join(cap_lines) + "\n"
    return capthist_text


def _crs_name(crs: Any) -> str:
    if crs is None:
        return "CRS unknown"
    try:
        from pyproj import CRS

        value = CRS.from_user_input(crs)
        epsg = value.to_epsg()
        return f"EPSG:{epsg}" if epsg else value.name
    except Exception:  # noqa: BLE001 - a name for a comment line only
        return str(crs)


def write_secr(folder: str, export: SecrExport) -> Tuple[str, str]:
    """Write ``traps.txt`` and ``capthist.txt`` into ``folder`` (each atomically).

    Returns:
        the two paths.

    Raises:
        InputError: the folder does not exist or is not writable.
    """
    if not folder or not os.path.isdir(folder):
        raise InputError(QT_TR_NOOP("The output folder {folder} does not exist."), folder=folder)
    paths = (os.path.join(folder, "traps.txt"), os.path.join(folder, "capthist.txt"))
    for path, text in zip(paths, (export.traps_text, export.capthist_text)):
        with atomic_output(path) as tmp:
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    return paths


def export_secr(cameras: Any, detections: Any, folder: str, occasion_days: float = 1.0,
                detector: str = "proximity", generalise_cell_m: float = 0.0, species: Optional[str] = None,
                feedback: Optional[Feedback] = None) -> SecrExport:
    """:func:`secr_tables` then :func:`write_secr`; see those for the arguments."""
    export = secr_tables(cameras, detections, occasion_days, detector, generalise_cell_m, species,
                         feedback=feedback)
    write_secr(folder, export)
    return export


def sexes(values: Sequence[Any]) -> List[str]:
    """Sex codes as written to the capture file (``F``, ``M``, ``U``)."""
    return [_sex(v) for v in values]
