"""Validation across a season's files, in WGS 84 lon/lat (the second step of :func:`.build.build_season`).

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
"""

from __future__ import annotations

import hashlib
import math
import os
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from .. import model
from ..crs import scale_error
from ..exceptions import QT_TR_NOOP
from .read import _Season

#: Points farther than this (km) from the season's robust extent are flagged.
FAR_KM = 50.0
#: A latitude beyond this (the polar caps, outside the UTM zones) whose longitude would be a fine latitude is
#: taken as swapped: no mountain survey lies there.
POLAR_LAT = 84.0
#: Observations of one type closer than this (m) at the same time are duplicates.
DUPLICATE_M = 1.0
#: Tracks are thinned to this many fixes when computing the season's extent.
EXTENT_FIXES_PER_TRACK = 200


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
