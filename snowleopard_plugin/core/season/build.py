"""Assembling a census season: read every field file, validate across files, write the season GeoPackage.

:func:`build_season` is the one entry point (the dock and the Processing
algorithm call it). It

1. hashes the inputs (a file given twice, under any name, is read once: the
   second copy is skipped and flagged ``duplicate_file``), sorts each by its
   content (:func:`.vector_io.classify_file`) and reads it (vector files here,
   tables through :mod:`.tabular`, Camtrap DP through :mod:`.camtrapdp`, secr
   layouts through :mod:`.secr_io`);
2. validates across files, in WGS 84 lon/lat (rules below);
3. projects everything to the season's metric CRS (the UTM zone of the centre
   of the data unless ``crs`` is given) and builds the routes (:mod:`.routes`);
4. writes the five layers of :mod:`.model` into a temporary GeoPackage beside
   the output and moves it onto the output only when everything succeeded.

Validation rules (one ``validation`` row each, located where the place is known):

* ``coordinates_out_of_range`` → ``rejected``: longitude outside ±180° or
  latitude outside ±90° (or not a number), unless swapping them explains it.
* ``latlon_swapped`` → ``fixed``: swapped when unambiguous: the value given
  as latitude is impossible (|lat| > 90) but fits as a longitude, or lies in
  the polar caps (|lat| > :data:`POLAR_LAT`) while the longitude would be a
  fine latitude, or the point as given lies more than :data:`FAR_KM` from the
  robust extent of the season while the swapped point lies within it. That
  extent is taken from the GPS files (GPX, KML/KMZ) when there are some, since
  their coordinates name longitude and latitude (tables, and GeoJSON or
  Shapefiles made from spreadsheets, can have the axes swapped); else from all
  points. A whole track is swapped as one.
* ``far_outside_extent`` → ``flagged`` (kept): more than :data:`FAR_KM` (50 km)
  from the robust extent after the swaps (the 5th to 95th percentiles of longitude and
  latitude of all points, tracks thinned to 200 fixes each so a long track does
  not outweigh the signs).
* ``invalid_geometry`` → ``rejected``: a line with fewer than 2 distinct
  points (segments of one point are dropped from a route silently: they carry
  no length).
* ``duplicate_point`` → ``flagged`` (kept): two observations of the same type,
  within :data:`DUPLICATE_M` (1 m) and at the same time.
* ``gps_jump`` → ``fixed``: a bad fix (see :func:`.routes.find_gps_jumps`:
  > 15 km/h over hops > 50 m) removed from its route; the row is at the bad fix.
* ``unknown_station`` → ``flagged``: a detection whose station is not among
  the cameras. It is kept, **with no geometry** (NULL), so that it is counted
  and can be fixed by hand, but it draws nowhere.
* ``missing_date`` → ``flagged``: an observation without a date (kept); a
  route without times takes the date written in its file name (``fixed``,
  ``2026-02-14_gruppa1.gpx``), else it is flagged.
* ``coordinates_out_of_range`` → ``rejected`` also for an impossible latitude
  whose swap would land in the polar caps or far from the season (a typo such
  as 149.95 for 49.95 is not "fixed" by swapping).
* ``duplicate_route`` → ``rejected``: a track identical (fixes to 1e-7°, times)
  to one read before (Garmin's ``Current.gpx`` beside its archive copy).
* ``empty_input`` → ``rejected``: a GPX with neither a recorded track nor a
  sign waypoint. Planned GPX routes (``<rte>``) are not walked effort: one
  ``other`` row says how many were left out.
* A GPX cut short (no closing ``</gpx>``, or GDAL's XML error) stops the import
  with a message naming it; so does an output path that is also an input.

The season's CRS: the UTM zone of the robust centre of the data (the median
point's neighbourhood, so swapped or mistyped points cannot move it), or the
``crs`` given, unless that distorts distances by more than 1 % at the data
(Web Mercator): then it only reads the files that give no CRS, and the season
is in the UTM zone.

Written layers use exactly the fields of :data:`.model.FIELDS`; date and
datetime fields are ISO 8601 text. Routes are *MultiLineString* (Z when the
GPS recorded elevations), one part per GPS segment (see :mod:`.routes`).
Cameras also keep the extra columns of their source (e.g. the secr station
covariates ``Rgd``, ``Topo``, ``Water``, ``Winter`` of a traps file, or the
``problem_nights`` of a camera table) after the model fields.
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from .. import model
from ..crs import MAX_SCALE_ERROR, scale_error, utm_epsg
from ..exceptions import QT_TR_NOOP, InputError, ParameterError, SnowLeopardError
from ..feedback import Feedback, check_cancel
from ..fileio import atomic_output
from ..io.text import iso_text
from ..io.vector import VECTOR_EXTENSIONS, classify_file, read_vector
from ..validation import IssueLog
from .routes import (
    DemSampler,
    Track,
    find_gps_jumps,
    iso_utc,
    multilinestring_wkb,
    planimetric_length_km,
    route_parts,
    surface_length_km,
)

#: Points farther than this (km) from the season's robust extent are flagged.
FAR_KM = 50.0
#: A latitude beyond this (the polar caps, outside the UTM zones) whose longitude would be a fine latitude is
#: taken as swapped: no mountain survey lies there.
POLAR_LAT = 84.0
#: Observations of one type closer than this (m) at the same time are duplicates.
DUPLICATE_M = 1.0
#: Tracks are thinned to this many fixes when computing the season's extent.
EXTENT_FIXES_PER_TRACK = 200


def _identity(text: str) -> str:
    return text


def _file_hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _km_to_box(lon: np.ndarray, lat: np.ndarray, box: Tuple[float, float, float, float]) -> np.ndarray:
    """Approximate distance (km) from points to a lon/lat box (0 inside)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    dlon = np.maximum(0.0, np.maximum(box[0] - lon, lon - box[2]))
    dlat = np.maximum(0.0, np.maximum(box[1] - lat, lat - box[3]))
    dlon = np.minimum(dlon, 360.0 - dlon)
    mid = np.clip(np.where(lat > box[3], box[3], np.where(lat < box[1], box[1], lat)), -89.9, 89.9)
    return np.hypot(dlon * 111.32 * np.cos(np.radians(mid)), dlat * 110.57)


def _in_range(lon: Any, lat: Any) -> Any:
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    return np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)


def split_mapping(mapping: Optional[Dict[str, Any]]) -> Dict[str, Dict[str, str]]:
    """A saved field mapping per table kind.

    A mapping file either names the table kinds (``{"observations": {"obs_type": "Вид знака"},
    "cameras": {...}}``) or is one flat mapping (model field → the file's header), which then
    applies to sign tables, the usual case.
    """
    if not mapping:
        return {}
    kinds = (model.OBSERVATIONS, model.CAMERAS, model.DETECTIONS)
    if any(key in kinds for key in mapping):
        return {key: dict(value) for key, value in mapping.items() if key in kinds and value}
    return {model.OBSERVATIONS: dict(mapping)}


class _Season:
    """Everything read so far, in WGS 84 lon/lat, before projection."""

    def __init__(self, issues: IssueLog, crs: Optional[str], mapping: Optional[Dict[str, Any]] = None) -> None:
        self.packages: set = set()  # Camtrap DP packages read (by datapackage.json path)
        self.issues = issues
        self.crs = crs
        self.mapping = split_mapping(mapping)
        self.tracks: List[Track] = []
        self.observations: List[Dict[str, Any]] = []
        self.cameras: List[Dict[str, Any]] = []
        self.camera_extra: List[str] = []
        self.detections: List[Dict[str, Any]] = []

    # ---- reading ---------------------------------------------------------------------------

    def add_vector(self, path: str, as_cameras: bool = False) -> None:
        content = read_vector(path, self.issues, crs=self.crs, as_cameras=as_cameras)
        self.tracks.extend(content.tracks)
        self.observations.extend(content.observations)
        self.cameras.extend(content.cameras)

    def _frame_rows(self, frame: Any, path: str) -> List[Dict[str, Any]]:
        """Rows of a (Geo)DataFrame as dicts with lon/lat in WGS 84 (None when no geometry)."""
        source = os.path.basename(path)
        geometry = getattr(frame, "geometry", None) if "geometry" in getattr(frame, "columns", []) else None
        lon = lat = None
        if geometry is not None and len(frame):
            xs = np.array([g.x if g is not None and not g.is_empty else np.nan for g in geometry])
            ys = np.array([g.y if g is not None and not g.is_empty else np.nan for g in geometry])
            crs = frame.crs
            if crs is None:
                finite = np.isfinite(xs) & np.isfinite(ys)
                degrees = finite.any() and np.nanmedian(np.abs(xs)) <= 180 and np.nanmedian(np.abs(ys)) <= 180
                if not degrees:
                    if not self.crs:
                        raise InputError(QT_TR_NOOP("Cannot read {path}: its coordinates are projected (metres) "
                                                    "but the file does not say in which CRS; give the CRS."),
                                         path=source)
                    crs = self.crs
            if crs is not None:
                from pyproj import CRS, Transformer

                src = CRS.from_user_input(crs)
                if not (src.is_geographic and src.equals(CRS.from_epsg(4326), ignore_axis_order=True)):
                    transformer = Transformer.from_crs(src, CRS.from_epsg(4326), always_xy=True)
                    xs, ys = transformer.transform(xs, ys)
                    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            lon, lat = xs, ys
        rows = []
        columns = [c for c in frame.columns if c != "geometry"]
        for i, record in enumerate(frame[columns].to_dict("records")):
            row = {key: (None if _isnull(value) else value) for key, value in record.items()}
            row.setdefault("source", source)
            if not row.get("source"):
                row["source"] = source
            row["feature"] = str(row.get("obs_id") or row.get("station_id") or i + 1)
            row["lon"] = None if lon is None or not np.isfinite(lon[i]) else float(lon[i])
            row["lat"] = None if lat is None or not np.isfinite(lat[i]) else float(lat[i])
            rows.append(row)
        return rows

    def add_table(self, path: str, kind: str) -> None:
        from ..io import tables as tabular

        if kind == "observations":
            self.observations.extend(self._frame_rows(
                tabular.read_observations_table(path, self.issues, crs=self.crs,
                                                mapping=self.mapping.get(model.OBSERVATIONS)), path))
        elif kind == "cameras":
            self._add_cameras(self._frame_rows(tabular.read_cameras_table(
                path, self.issues, crs=self.crs, mapping=self.mapping.get(model.CAMERAS)), path))
        elif kind == "detections":
            self.detections.extend(self._frame_rows(tabular.read_detections_table(
                path, self.issues, mapping=self.mapping.get(model.DETECTIONS)), path))
        elif kind == "camtrapdp":
            from ..io.camtrapdp import read_camtrapdp

            cams, dets = read_camtrapdp(path, self.issues)
            self._add_cameras(self._frame_rows(cams, path))
            self.detections.extend(self._frame_rows(dets, path))
        elif kind == "secr_traps":
            from ..io.secr import read_secr_traps

            self._add_cameras(self._frame_rows(read_secr_traps(path, self.issues, crs=self.crs), path))
        elif kind == "secr_capthist":
            from ..io.secr import read_secr_capthist

            self.detections.extend(self._frame_rows(read_secr_capthist(path, self.issues), path))
        else:  # pragma: no cover - guarded by the caller
            raise ValueError(kind)

    def _add_cameras(self, rows: List[Dict[str, Any]]) -> None:
        known = set(model.field_names(model.CAMERAS)) | {"feature", "lon", "lat"}
        for row in rows:
            start, end = row.get("deployment_start"), row.get("deployment_end")
            if isinstance(start, str) and isinstance(end, str) and start[:10] > end[:10]:
                self.issues.add(row.get("source") or "", model.CAMERAS, row.get("feature") or row.get("station_id"),
                                "other", "flagged", "warning",
                                QT_TR_NOOP("Station {station}: the deployment ends ({end}) before it starts "
                                           "({start}); correct the dates in the source file (effort and secr "
                                           "usage use them)."), station=row.get("station_id"), start=start[:10],
                                end=end[:10], lon=row.get("lon"), lat=row.get("lat"))
            for key in row:
                if key not in known and key not in self.camera_extra and not key.startswith("_"):
                    self.camera_extra.append(key)
        self.cameras.extend(rows)


def _isnull(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, (bool, np.bool_)) else False


#: Header cells that mark the tables of a Camtrap DP package (deployments, media, observations).
CAMTRAPDP_KEYS = ("deploymentid", "mediaid", "observationid")


def _camtrapdp_table_package(path: str) -> Optional[str]:
    """The datapackage.json beside a Camtrap DP table given on its own; an error when there is none."""
    if not path.lower().endswith((".csv", ".tsv", ".txt")):
        return None
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return None
    cells = {cell.strip().strip('"').lower() for cell in first.replace(";", ",").replace("\t", ",").split(",")}
    if not cells & set(CAMTRAPDP_KEYS) or not ({"deploymentid", "latitude"} <= cells or "mediaid" in cells
                                                or {"observationid", "deploymentid"} <= cells):
        return None
    package = os.path.join(os.path.dirname(os.path.abspath(path)), "datapackage.json")
    if not os.path.isfile(package):
        raise InputError(QT_TR_NOOP("{path} is a table of a Camtrap DP package but no datapackage.json lies beside "
                                    "it: choose the package's datapackage.json (it links its tables)."),
                         path=os.path.basename(path))
    return os.path.realpath(package)


def _read_zipped_package(season: _Season, path: str) -> None:
    """A Camtrap DP package delivered as a ZIP (Agouti, GBIF): read from a temporary copy of its files."""
    import tempfile
    import zipfile

    name = os.path.basename(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.namelist()
            packages = [m for m in members if os.path.basename(m) == "datapackage.json"]
            if not packages:
                raise InputError(QT_TR_NOOP("{path} is a ZIP archive without a Camtrap DP datapackage.json: unzip "
                                            "it and choose the files inside."), path=name)
            root = os.path.dirname(packages[0])
            with tempfile.TemporaryDirectory(prefix="snowleopard_zip_") as folder:
                target = os.path.join(folder, os.path.splitext(name)[0])
                for member in members:
                    if member.startswith(root) and not member.endswith("/"):
                        relative = os.path.relpath(member, root) if root else member
                        if relative.startswith("..") or os.path.isabs(relative):
                            continue
                        destination = os.path.join(target, relative)
                        os.makedirs(os.path.dirname(destination), exist_ok=True)
                        with archive.open(member) as src, open(destination, "wb") as dst:
                            dst.write(src.read())
                season.add_table(os.path.join(target, "datapackage.json"), "camtrapdp")
    except zipfile.BadZipFile as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=name, reason=str(error)) from error


_READERS_BY_ROLE = {"routes": "vector", "observations": "observations", "cameras": "cameras",
                    "detections": "detections"}


def _read_input(season: _Season, path: str, role: str) -> None:
    """Read one input by its kind; any failure becomes an InputError naming the file."""
    name = os.path.basename(path)
    if not os.path.isfile(path):
        raise InputError(QT_TR_NOOP("Cannot read {path}: the file does not exist."), path=path)
    if path.lower().endswith(".zip"):
        _read_zipped_package(season, path)
        return
    package = _camtrapdp_table_package(path)
    if package is not None:
        if package not in season.packages:  # its datapackage.json, read once
            season.packages.add(package)
            season.issues.add(name, model.CAMERAS, name, "other", "fixed", "info",
                              QT_TR_NOOP("{path} is a table of a Camtrap DP package: the package "
                                         "(datapackage.json beside it) was read instead."), path=name)
            season.add_table(package, "camtrapdp")
        return
    kind = classify_file(path)
    if kind == "camtrapdp":
        if os.path.realpath(path) in season.packages:
            return
        season.packages.add(os.path.realpath(path))
    if kind == "unknown":
        lower = path.lower()
        kind = "vector" if lower.endswith(VECTOR_EXTENSIONS) or role == "routes" else _READERS_BY_ROLE[role]
    try:
        if kind in ("routes", "vector") or (kind in ("observations", "cameras")
                                            and path.lower().endswith(VECTOR_EXTENSIONS)):
            season.add_vector(path, as_cameras=role == "cameras" and kind != "routes")
        else:
            season.add_table(path, kind)
    except SnowLeopardError:
        raise
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeError, RuntimeError, csv.Error) as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=name, reason=str(error)) from error


# ---- validation ---------------------------------------------------------------------------------

#: Files written by GPS receivers and field apps, whose coordinates name longitude and latitude explicitly
#: (GPX ``lat=""``/``lon=""``, KML ``lon,lat``): they set the area against which swapped columns are judged.
#: Tables, and GeoJSON, Shapefiles or GeoPackages made from spreadsheets, can have the axes swapped.
GPS_EXTENSIONS = (".gpx", ".kml", ".kmz")


def _from_gps(source: Any) -> bool:
    return str(source or "").lower().endswith(GPS_EXTENSIONS)


def _representative_points(season: _Season, gps_only: bool = False) -> Tuple[np.ndarray, np.ndarray]:
    """Lon/lat of the season's tracks (thinned) and points; ``gps_only``: only from GPS files."""
    lons: List[np.ndarray] = []
    lats: List[np.ndarray] = []
    for track in season.tracks:
        if gps_only and not _from_gps(track.source):
            continue
        step = max(1, len(track) // EXTENT_FIXES_PER_TRACK)
        lons.append(track.lon[::step])
        lats.append(track.lat[::step])
    for rows in (season.observations, season.cameras):
        rows = [r for r in rows if _from_gps(r.get("source"))] if gps_only else rows
        if rows:
            lons.append(np.array([np.nan if r.get("lon") is None else r["lon"] for r in rows], dtype=float))
            lats.append(np.array([np.nan if r.get("lat") is None else r["lat"] for r in rows], dtype=float))
    if not lons:
        return np.zeros(0), np.zeros(0)
    lon = np.concatenate(lons)
    lat = np.concatenate(lats)
    ok = _in_range(lon, lat) & (np.abs(lat) <= POLAR_LAT)  # polar points are swapped ones (or unusable)
    return lon[ok], lat[ok]


#: Points farther than this from the season's median point are left out of its area (a season spans at most a
#: few hundred km; swapped or mistyped coordinates land thousands of km away).
CLUSTER_KM = 1000.0


def _scale_error(target: Any, lon: np.ndarray, lat: np.ndarray) -> Optional[float]:
    """:func:`.crs.scale_error` of ``target`` at the season's robust centre; None without points."""
    if not len(lon):
        return None
    box = _robust_box(lon, lat)
    return scale_error(target, (box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0)


def _robust_box(lon: np.ndarray, lat: np.ndarray) -> Optional[Tuple[float, float, float, float]]:
    """The 5th–95th percentile box of the points near the median point (robust to up to half of them being
    swapped or mistyped, wherever they land)."""
    if len(lon) == 0:
        return None
    centre = (float(np.median(lon)), float(np.median(lat)), float(np.median(lon)), float(np.median(lat)))
    near = _km_to_box(lon, lat, centre) <= CLUSTER_KM
    if near.sum() >= max(1, len(lon) // 2):
        lon, lat = lon[near], lat[near]
    lo = np.percentile(lon, [5, 95])
    la = np.percentile(lat, [5, 95])
    return float(lo[0]), float(la[0]), float(lo[1]), float(la[1])


def _check_points(season: _Season, rows: List[Dict[str, Any]], layer: str,
                  box: Optional[Tuple[float, float, float, float]]) -> List[Dict[str, Any]]:
    """Range, swap and extent checks of point rows; returns the rows kept (rows without place kept as is)."""
    issues = season.issues
    kept = []
    for row in rows:
        lon, lat = row.get("lon"), row.get("lat")
        if lon is None or lat is None:
            kept.append(row)  # e.g. detections: placed later at their station
            continue
        ok = bool(_in_range(lon, lat))
        swapped_ok = bool(_in_range(lat, lon))
        swap = False
        if not ok and swapped_ok and abs(lat) > 90:
            # an impossible latitude that is a fine longitude: swapped, unless the swap lands far from the
            # season or in the polar caps (then it is a typo such as 149.95 for 49.95)
            swap = abs(lon) <= POLAR_LAT and (box is None or float(_km_to_box(lat, lon, box)) <= FAR_KM)
        elif ok and swapped_ok and box is not None:
            here = float(_km_to_box(lon, lat, box))
            there = float(_km_to_box(lat, lon, box))
            swap = (here > FAR_KM and there <= FAR_KM) or abs(lat) > POLAR_LAT >= abs(lon)
        elif ok and swapped_ok:
            swap = abs(lat) > POLAR_LAT >= abs(lon)
        if swap:
            issues.add(row["source"], layer, row["feature"], "latlon_swapped", "fixed", "warning",
                       QT_TR_NOOP("Longitude and latitude were swapped (given: {x}, {y}); they were exchanged."),
                       lon=lat, lat=lon, x=lon, y=lat)
            row["lon"], row["lat"] = lat, lon
        elif not ok:
            issues.add(row["source"], layer, row["feature"], "coordinates_out_of_range", "rejected", "error",
                       QT_TR_NOOP("Coordinates out of range (longitude {x}, latitude {y}); the feature was "
                                  "not imported. Correct them in the source file."),
                       x=lon, y=lat)
            continue
        kept.append(row)
    return kept


def _date_in_name(name: Any) -> Optional[str]:
    """A date written in a file name (``2026-02-14_gruppa1.gpx``, ``14.02.2026 маршрут.kml``), ISO; else None."""
    import datetime as dt
    import re

    text = os.path.basename(str(name or ""))
    for pattern, order in ((r"(?<!\d)(20\d\d)[-_.](\d\d)[-_.](\d\d)(?!\d)", "ymd"),
                           (r"(?<!\d)(\d\d)[-_.](\d\d)[-_.](20\d\d)(?!\d)", "dmy")):
        match = re.search(pattern, text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            year, month, day = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
    return None


def _drop_repeated_tracks(season: _Season) -> None:
    """A track recorded once but given twice (Garmin's Current.gpx beside its archive copy, a re-export) is
    walked once: the later copy is dropped (same fixes, to a centimetre, and the same times)."""
    seen: Dict[bytes, str] = {}
    kept = []
    for track in season.tracks:
        if len(track) < 2:
            kept.append(track)
            continue
        parts = [np.round(np.asarray(track.lon, dtype=float), 7).tobytes(),
                 np.round(np.asarray(track.lat, dtype=float), 7).tobytes()]
        if track.time is not None:
            parts.append(np.asarray(track.time).astype("datetime64[s]").astype(np.int64).tobytes())
        key = hashlib.sha256(b"|".join(parts)).digest()
        if key in seen:
            season.issues.add(track.source, model.ROUTES, track.feature, "duplicate_route", "rejected", "warning",
                              QT_TR_NOOP("This track is the same as '{other}' (same fixes and times); it was "
                                         "counted once."), other=seen[key],
                              lon=float(track.lon[0]), lat=float(track.lat[0]))
            continue
        seen[key] = f"{track.feature} ({track.source})"
        kept.append(track)
    season.tracks = kept


def _flag_far(season: _Season, box: Optional[Tuple[float, float, float, float]]) -> None:
    """``far_outside_extent`` rows for points and routes far from the season's area (after any swap)."""
    if box is None:
        return
    issues = season.issues
    for layer, rows in ((model.OBSERVATIONS, season.observations), (model.CAMERAS, season.cameras)):
        for row in rows:
            if row.get("lon") is None or row.get("lat") is None:
                continue
            far = float(_km_to_box(row["lon"], row["lat"], box))
            if far > FAR_KM:
                issues.add(row["source"], layer, row["feature"], "far_outside_extent", "flagged", "warning",
                           QT_TR_NOOP("This point lies {km} km outside the area of the rest of the season; "
                                      "check its coordinates."),
                           lon=row["lon"], lat=row["lat"], km=round(far, 1))
    for track in season.tracks:
        if not len(track):
            continue
        mid_lon, mid_lat = float(np.median(track.lon)), float(np.median(track.lat))
        far = float(_km_to_box(mid_lon, mid_lat, box))
        if far > FAR_KM:
            issues.add(track.source, model.ROUTES, track.feature, "far_outside_extent", "flagged", "warning",
                       QT_TR_NOOP("This route lies {km} km outside the area of the rest of the season; "
                                  "check its coordinates."), lon=mid_lon, lat=mid_lat, km=round(far, 1))


def _check_tracks(season: _Season, box: Optional[Tuple[float, float, float, float]]) -> None:
    issues = season.issues
    for track in season.tracks:
        ok = _in_range(track.lon, track.lat)
        swapped_ok = _in_range(track.lat, track.lon)
        swap = False
        if not ok.all() and swapped_ok.all() and (np.abs(track.lat) > 90).any():
            swap = bool((np.abs(track.lon) <= POLAR_LAT).all())
        elif ok.all() and swapped_ok.all() and len(track):
            mid_lon, mid_lat = float(np.median(track.lon)), float(np.median(track.lat))
            swap = abs(mid_lat) > POLAR_LAT >= abs(mid_lon)
            if box is not None:
                swap = swap or float(_km_to_box(mid_lon, mid_lat, box)) > FAR_KM >= float(
                    _km_to_box(mid_lat, mid_lon, box))
        if swap:
            issues.add(track.source, model.ROUTES, track.feature, "latlon_swapped", "fixed", "warning",
                       QT_TR_NOOP("Longitude and latitude of the whole track were swapped; they were exchanged."),
                       lon=float(track.lat[0]), lat=float(track.lon[0]))
            track.lon, track.lat = track.lat, track.lon
            ok = swapped_ok
        if not ok.all():
            bad = np.flatnonzero(~ok)
            issues.add(track.source, model.ROUTES, track.feature, "coordinates_out_of_range", "rejected", "error",
                       QT_TR_NOOP("{n} track points had coordinates out of range (first: longitude {x}, "
                                  "latitude {y}); they were removed from the route."),
                       n=len(bad), x=float(track.lon[bad[0]]), y=float(track.lat[bad[0]]))
            track.subset(ok)


def _check_observations(season: _Season, x: np.ndarray, y: np.ndarray) -> None:
    issues = season.issues
    rows = season.observations
    groups: Dict[Tuple[str, str], List[int]] = {}
    for i, row in enumerate(rows):
        if not row.get("datetime"):
            issues.add(row["source"], model.OBSERVATIONS, row["feature"], "missing_date", "flagged", "warning",
                       QT_TR_NOOP("The observation has no date; it is kept but drops out of date filters. "
                                  "Add the date in the source file."), lon=row["lon"], lat=row["lat"])
            continue
        groups.setdefault((str(row.get("obs_type")), str(row["datetime"])), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                if math.hypot(x[a] - x[b], y[a] - y[b]) <= DUPLICATE_M and not rows[b].get("_duplicate"):
                    rows[b]["_duplicate"] = True
                    issues.add(rows[b]["source"], model.OBSERVATIONS, rows[b]["feature"], "duplicate_point",
                               "flagged", "warning",
                               QT_TR_NOOP("Same sign type, place and time as '{other}' ({other_source}); "
                                          "probably recorded twice. Kept: delete one if so."),
                               lon=rows[b]["lon"], lat=rows[b]["lat"], other=rows[a]["feature"],
                               other_source=rows[a]["source"])


# ---- routes --------------------------------------------------------------------------------------

def _unique(value: str, used: set) -> str:
    out, n = value, 2
    while out in used:
        out = f"{value}_{n}"
        n += 1
    used.add(out)
    return out


def _build_routes(season: _Season, transformer: Any, inverse: Any, dem: Optional[DemSampler],
                  feedback: Optional[Feedback]) -> List[Tuple[Dict[str, Any], Optional[bytes]]]:
    issues = season.issues
    out: List[Tuple[Dict[str, Any], Optional[bytes]]] = []
    used: set = set()
    for number, track in enumerate(season.tracks):
        if number % 10 == 0:
            check_cancel(feedback)
        if len(track) == 0:
            continue
        x, y = transformer.transform(track.lon, track.lat)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        jumps = find_gps_jumps(x, y, track.time, track.segment)
        if len(jumps):
            for j in jumps:
                lon, lat = float(track.lon[j]), float(track.lat[j])
                when = iso_utc(track.time[j]) if track.time is not None else None
                issues.add(track.source, model.ROUTES, track.feature, "gps_jump", "fixed", "warning",
                           QT_TR_NOOP("GPS jump: the fix {n} ({time}) lies off the track (reached faster than "
                                      "a walker can go); it was removed from the route."),
                           lon=lon, lat=lat, n=int(j) + 1, time=when or "-")
            keep = np.ones(len(track), dtype=bool)
            keep[jumps] = False
            track.subset(keep)
            x, y = x[keep], y[keep]
        z = None
        if track.ele is not None:
            finite = np.isfinite(track.ele)
            if finite.any():
                idx = np.arange(len(track.ele))
                z = np.interp(idx, idx[finite], track.ele[finite])
        parts = route_parts(x, y, z, track.segment)
        if not parts:
            issues.add(track.source, model.ROUTES, track.feature, "invalid_geometry", "rejected", "error",
                       QT_TR_NOOP("The route has fewer than 2 distinct points; it was not imported."),
                       lon=float(track.lon[0]), lat=float(track.lat[0]))
            continue
        length = planimetric_length_km(x, y, track.segment)
        surface = surface_length_km(x, y, track.segment, dem) if dem is not None else None
        start = end = None
        date = track.date
        if track.time is not None:
            valid = track.time[~np.isnat(track.time)]
            if len(valid):
                start, end = iso_utc(valid.min()), iso_utc(valid.max())
                date = date or start[:10]
        start = track.start_time or start
        end = track.end_time or end
        if date is None and start:
            date = start[:10]
        if date is None:
            date = _date_in_name(track.source)
            if date is not None:
                issues.add(track.source, model.ROUTES, track.feature, "missing_date", "fixed", "info",
                           QT_TR_NOOP("The route has no times; its date {date} was taken from the file name."),
                           lon=float(track.lon[0]), lat=float(track.lat[0]), date=date)
            else:
                issues.add(track.source, model.ROUTES, track.feature, "missing_date", "flagged", "warning",
                           QT_TR_NOOP("The route has no date (no times, no date field, none in the file name): "
                                      "it counts in the totals but in no date window. Add the date to the file "
                                      "name (e.g. 2026-02-14_group1.gpx) or to the layer."),
                           lon=float(track.lon[0]), lat=float(track.lat[0]))
        row = {
            "route_id": _unique(track.route_id, used), "team": track.team, "date": date,
            "start_time": start, "end_time": end, "length_km": length, "surface_km": surface,
            "days_since_snow": track.days_since_snow, "n_points": int(len(track)), "source": track.source,
        }
        out.append((row, multilinestring_wkb(parts)))
    return out


# ---- writing ------------------------------------------------------------------------------------

def _ogr_type(kind: str) -> int:
    from osgeo import ogr

    return {"str": ogr.OFTString, "int": ogr.OFTInteger, "float": ogr.OFTReal}.get(kind, ogr.OFTString)


def _point_wkb(x: Optional[float], y: Optional[float]) -> Optional[bytes]:
    if x is None or y is None or not (np.isfinite(x) and np.isfinite(y)):
        return None
    return np.array([1], dtype="u1").tobytes() + np.array([1], dtype="<u4").tobytes() + \
        np.array([x, y], dtype="<f8").tobytes()


def _value(kind: str, value: Any) -> Any:
    if _isnull(value):
        return None
    if kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if kind == "float":
        try:
            out = float(value)
        except (TypeError, ValueError):
            return None
        return out if math.isfinite(out) else None
    if kind in ("datetime", "date"):
        text = iso_text(value)
        return text if text is not None else str(value)
    return str(value)


def _write_layer(ds: Any, srs: Any, name: str, geom_type: int, rows: List[Tuple[Dict[str, Any], Optional[bytes]]],
                 extra: Sequence[Tuple[str, str]] = (), feedback: Optional[Feedback] = None) -> int:
    from osgeo import ogr

    layer = ds.CreateLayer(name, srs, geom_type, options=["FID=fid", "SPATIAL_INDEX=YES"])
    if layer is None:
        raise InputError(QT_TR_NOOP("Cannot write the layer {layer}: {reason}"), layer=name,
                         reason="GDAL could not create it")
    schema = list(model.FIELDS[name]) + list(extra)
    for field_name, kind in schema:
        layer.CreateField(ogr.FieldDefn(field_name, _ogr_type(kind)))
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for number, (row, wkb) in enumerate(rows):
        if number % 5000 == 0:
            check_cancel(feedback)
        feature = ogr.Feature(defn)
        for index, (field_name, kind) in enumerate(schema):
            value = _value(kind, row.get(field_name))
            if value is None:
                feature.SetFieldNull(index)
            else:
                feature.SetField(index, value)
        if wkb is not None:
            geom = ogr.CreateGeometryFromWkb(wkb)
            feature.SetGeometryDirectly(geom)
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    return len(rows)


def build_season(routes: Sequence[str] = (), observations: Sequence[str] = (), cameras: Sequence[str] = (),
                 detections: Sequence[str] = (), output: str = "", crs: Optional[str] = None,
                 dem: Optional[str] = None, translate: Callable[[str], str] = _identity,
                 feedback: Optional[Feedback] = None, overwrite: bool = True,
                 mapping: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Import a census season's field files into one season GeoPackage.

    Each path is read by what it holds (see :func:`.vector_io.classify_file`),
    whatever list it is given in; the list only decides how to read a file
    whose kind cannot be told from its contents. A Camtrap DP
    ``datapackage.json`` gives cameras and detections; a secr traps file and
    a secr capture-history file give cameras and detections with ``session``
    and ``occasion``.

    Args:
        routes: GPS tracks and route lines (GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile).
        observations: sign points (vector files) or observation tables (CSV).
        cameras: camera tables, Camtrap DP packages, secr traps files, camera point files.
        detections: detection tables, secr capture histories.
        output: the season GeoPackage to write (``.gpkg``).
        crs: the season's metric CRS (``"EPSG:32645"``, WKT, ...); also taken as
            the CRS of projected coordinates in files that do not state theirs.
            Default: the WGS 84 / UTM zone of the centre of the data.
        dem: a DEM raster (elevation in metres, any CRS): gives ``surface_km``.
        translate: translates the English validation templates (``detail`` field).
        feedback: progress and cancellation.
        overwrite: replace an existing output (else raise ParameterError).
        mapping: a saved field mapping (see :func:`split_mapping`), overriding the header synonyms.

    Returns:
        ``{"routes": n, "observations": n, "cameras": n, "detections": n,
        "validation": n, "epsg": int or None, "crs": WKT, "issues": IssueLog,
        "output": path}``.

    Raises:
        InputError: an input cannot be read (the message names it), or no input
            holds any usable feature.
        ParameterError: no output path, or the output exists and ``overwrite`` is False.
        Cancelled: the user cancelled; nothing was written, an existing output is untouched.
    """
    from osgeo import ogr, osr
    from pyproj import CRS, Transformer

    if not output:
        raise ParameterError(QT_TR_NOOP("No output GeoPackage was given; choose where to save the season."))
    if os.path.exists(output) and not overwrite:
        raise ParameterError(QT_TR_NOOP("{path} already exists; choose another file or allow overwriting."),
                             path=output)
    inputs = [(p, role) for role, paths in (("routes", routes), ("observations", observations),
                                            ("cameras", cameras), ("detections", detections)) for p in paths]
    target_path = os.path.realpath(output)
    for path, _ in inputs:
        if os.path.realpath(path) == target_path:
            raise ParameterError(QT_TR_NOOP("The output {path} is also an input: an input file is never "
                                            "overwritten. Choose another file for the season."),
                                 path=os.path.basename(output))
    issues = IssueLog()
    season = _Season(issues, crs, mapping)
    if feedback is not None:
        feedback.set_progress(0)
    seen: Dict[str, str] = {}
    for number, (path, role) in enumerate(inputs):
        check_cancel(feedback)
        if not os.path.isfile(path):
            raise InputError(QT_TR_NOOP("Cannot read {path}: the file does not exist."), path=path)
        digest = _file_hash(path)
        if digest in seen:
            same_package = os.path.abspath(seen[digest]) == os.path.abspath(path) and \
                classify_file(path) == "camtrapdp"
            if not same_package:
                issues.add(os.path.basename(path), role, os.path.basename(path), "duplicate_file", "rejected",
                           "warning", QT_TR_NOOP("This file has the same content as {other}; it was skipped."),
                           other=os.path.basename(seen[digest]))
            continue
        seen[digest] = path
        _read_input(season, path, role)
        if feedback is not None:
            feedback.set_progress(50.0 * (number + 1) / max(1, len(inputs)))
    check_cancel(feedback)

    # ---- validation across files (lon/lat) ----
    # swapped axes are judged against the GPS files' area when there are some (a whole table of swapped signs
    # cannot drag it along), else against all points; points far from the area are flagged after the swaps
    lon, lat = _representative_points(season, gps_only=True)
    if len(lon) < 3:
        lon, lat = _representative_points(season)
    box = _robust_box(lon, lat)
    season.observations = _check_points(season, season.observations, model.OBSERVATIONS, box)
    season.cameras = _check_points(season, season.cameras, model.CAMERAS, box)
    _check_tracks(season, box)
    _drop_repeated_tracks(season)
    lon, lat = _representative_points(season)
    _flag_far(season, _robust_box(lon, lat))
    if len(lon) == 0 and not season.detections:
        raise InputError(QT_TR_NOOP("No usable feature in any input: no route, sign, camera or detection could be "
                                    "read. Check the files and the validation messages."))
    target = None
    if crs:
        target = CRS.from_user_input(crs)
        if target.is_geographic:
            raise ParameterError(QT_TR_NOOP("The season CRS {crs} is geographic; choose a metric (projected) CRS "
                                            "such as a UTM zone."), crs=crs)
        error = _scale_error(target, lon, lat)
        if error is not None and error > MAX_SCALE_ERROR:
            # e.g. Web Mercator, given for a NextGIS Web export: right to read the file, wrong to measure km in
            issues.add("", "routes", "", "other", "fixed", "info",
                       QT_TR_NOOP("The CRS {crs} distorts distances by {percent} % here: it was used to read the "
                                  "files that give no CRS, and the season is in the UTM zone instead."),
                       crs=target.name, percent=round(100.0 * error))
            target = None
    if target is None:
        if not len(lon):
            raise InputError(QT_TR_NOOP("No input has coordinates, so the season's CRS cannot be chosen; give it."))
        box_now = _robust_box(lon, lat)
        target = CRS.from_epsg(utm_epsg((box_now[0] + box_now[2]) / 2.0, (box_now[1] + box_now[3]) / 2.0))
    epsg = target.to_epsg()
    wgs84 = CRS.from_epsg(4326)
    transformer = Transformer.from_crs(wgs84, target, always_xy=True)
    inverse = Transformer.from_crs(target, wgs84, always_xy=True)
    check_cancel(feedback)

    def project(rows: List[Dict[str, Any]]) -> Tuple[np.ndarray, np.ndarray]:
        lo = np.array([np.nan if r.get("lon") is None else r["lon"] for r in rows], dtype=float)
        la = np.array([np.nan if r.get("lat") is None else r["lat"] for r in rows], dtype=float)
        if not len(rows):
            return lo, la
        px, py = transformer.transform(lo, la)
        return np.asarray(px, dtype=float), np.asarray(py, dtype=float)

    obs_x, obs_y = project(season.observations)
    _check_observations(season, obs_x, obs_y)
    cam_x, cam_y = project(season.cameras)
    if feedback is not None:
        feedback.set_progress(60)

    sampler = DemSampler(dem, target.to_wkt()) if dem else None
    try:
        route_rows = _build_routes(season, transformer, inverse, sampler, feedback)
    finally:
        if sampler is not None:
            sampler.close()
    if feedback is not None:
        feedback.set_progress(80)

    # link observations to the route of their file when it has exactly one
    routes_by_source: Dict[str, List[str]] = {}
    for row, _ in route_rows:
        routes_by_source.setdefault(row["source"], []).append(row["route_id"])
    used_obs: set = set()
    obs_rows = []
    for i, row in enumerate(season.observations):
        if not row.get("route_id") and len(routes_by_source.get(row["source"], [])) == 1:
            row["route_id"] = routes_by_source[row["source"]][0]
        row["obs_id"] = _unique(str(row.get("obs_id") or row["feature"]), used_obs)
        obs_rows.append((row, _point_wkb(obs_x[i], obs_y[i])))

    stations: Dict[str, Tuple[float, float]] = {}
    cam_rows = []
    for i, row in enumerate(season.cameras):
        if row.get("trap_nights") is None and row.get("deployment_start") and row.get("deployment_end"):
            try:
                import pandas as pd

                span = pd.Timestamp(str(row["deployment_end"])) - pd.Timestamp(str(row["deployment_start"]))
                row["trap_nights"] = span.total_seconds() / 86400.0
            except (ValueError, TypeError):
                pass
        station = str(row.get("station_id") or row["feature"])
        row["station_id"] = station
        stations.setdefault(station, (float(cam_x[i]), float(cam_y[i])))
        cam_rows.append((row, _point_wkb(cam_x[i], cam_y[i])))

    det_rows = []
    unknown_reported: set = set()
    for row in season.detections:
        station = None if row.get("station_id") is None else str(row["station_id"])
        place = stations.get(station) if station is not None else None
        if place is None:
            key = (row.get("source"), station)
            if key not in unknown_reported:
                unknown_reported.add(key)
                n_same = sum(1 for r in season.detections
                             if r.get("source") == row.get("source") and str(r.get("station_id")) == str(station))
                issues.add(row.get("source") or "", model.DETECTIONS, station or "-", "unknown_station", "flagged",
                           "warning",
                           QT_TR_NOOP("{n} detections at station '{station}', which is not among the cameras; "
                                      "kept without a location. Add the station to the camera table."),
                           n=n_same, station=station or "")
        det_rows.append((row, _point_wkb(*place) if place else None))

    val_rows = []
    for issue in issues:
        wkb = None
        if issue.lon is not None and issue.lat is not None and _in_range(issue.lon, issue.lat):
            px, py = transformer.transform(issue.lon, issue.lat)
            wkb = _point_wkb(float(px), float(py))
        val_rows.append(({"source": issue.source, "layer": issue.layer, "feature": issue.feature,
                          "problem": issue.problem, "action": issue.action, "severity": issue.severity,
                          "detail": issue.detail(translate)}, wkb))

    if not (route_rows or obs_rows or cam_rows or det_rows):
        raise InputError(QT_TR_NOOP("No usable feature in any input: no route, sign, camera or detection could be "
                                    "read. Check the files and the validation messages."))
    check_cancel(feedback)

    # extra camera columns (documented: source covariates), typed by their values
    extra: List[Tuple[str, str]] = []
    for key in season.camera_extra:
        values = [r.get(key) for r, _ in cam_rows if not _isnull(r.get(key))]
        numeric = all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                      for v in values) and values
        extra.append((key, "float" if numeric else "str"))

    srs = osr.SpatialReference()
    if epsg:
        srs.ImportFromEPSG(int(epsg))
    else:
        srs.ImportFromWkt(target.to_wkt())
    has_z = any(wkb is not None and int.from_bytes(wkb[1:5], "little") == 1005 for _, wkb in route_rows)
    counts: Dict[str, Any] = {}
    with atomic_output(output) as tmp:
        driver = ogr.GetDriverByName("GPKG")
        ds = driver.CreateDataSource(tmp)
        if ds is None:
            raise InputError(QT_TR_NOOP("Cannot write {path}: {reason}"), path=output,
                             reason="GDAL could not create the GeoPackage")
        try:
            counts[model.ROUTES] = _write_layer(
                ds, srs, model.ROUTES, ogr.wkbMultiLineString25D if has_z else ogr.wkbMultiLineString,
                route_rows, feedback=feedback)
            if feedback is not None:
                feedback.set_progress(88)
            counts[model.OBSERVATIONS] = _write_layer(ds, srs, model.OBSERVATIONS, ogr.wkbPoint, obs_rows,
                                                      feedback=feedback)
            counts[model.CAMERAS] = _write_layer(ds, srs, model.CAMERAS, ogr.wkbPoint, cam_rows, extra,
                                                 feedback=feedback)
            counts[model.DETECTIONS] = _write_layer(ds, srs, model.DETECTIONS, ogr.wkbPoint, det_rows,
                                                    feedback=feedback)
            counts[model.VALIDATION] = _write_layer(ds, srs, model.VALIDATION, ogr.wkbPoint, val_rows,
                                                    feedback=feedback)
            check_cancel(feedback)
        finally:
            ds = None  # noqa: F841 - closes the GeoPackage before it is moved
    if feedback is not None:
        feedback.set_progress(100)
    counts.update({"epsg": epsg, "crs": target.to_wkt(), "issues": issues, "output": output})
    return counts
