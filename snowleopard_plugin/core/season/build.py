"""Assembling a census season: read every field file, validate across files, write the season GeoPackage.

:func:`build_season` is the one entry point (the dock and the Processing
algorithm call it). It

1. reads the inputs (:mod:`.read`): hashes them (a file given twice, under any name, is read once: the
   second copy is skipped and flagged ``duplicate_file``), sorts each by its
   content (:func:`.vector_io.classify_file`) and reads it (vector files here,
   tables through :mod:`.tabular`, Camtrap DP through :mod:`.camtrapdp`, secr
   layouts through :mod:`.secr_io`);
2. validates across files, in WGS 84 lon/lat (rules in :mod:`.checks`);
3. projects everything to the season's metric CRS (the UTM zone of the centre
   of the data unless ``crs`` is given) and builds the routes (:mod:`.routes`);
4. writes the five layers of :mod:`.model` into a temporary GeoPackage beside
   the output and moves it onto the output only when everything succeeded (:mod:`.gpkg`).

Validation rules: see :mod:`.checks`.

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

import os
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

from .. import model
from ..crs import MAX_SCALE_ERROR, utm_epsg
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..io.vector import classify_file
from ..validation import IssueLog
from .checks import (
    _check_observations,
    _check_points,
    _check_tracks,
    _date_in_name,
    _drop_repeated_tracks,
    _flag_far,
    _in_range,
    _representative_points,
    _robust_box,
    _scale_error,
)
from .gpkg import _point_wkb, write_season_gpkg
from .read import _file_hash, _isnull, _read_input, _Season, split_mapping
from .routes import (
    DemSampler,
    find_gps_jumps,
    iso_utc,
    multilinestring_wkb,
    planimetric_length_km,
    route_parts,
    surface_length_km,
)

__all__ = ["build_season", "split_mapping"]


def _identity(text: str) -> str:
    return text


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
    from pyproj import CRS, Transformer

    inputs = [(p, role) for role, paths in (("routes", routes), ("observations", observations),
                                            ("cameras", cameras), ("detections", detections)) for p in paths]
    _check_output(output, overwrite, inputs)
    issues = IssueLog()
    season = _Season(issues, crs, mapping)
    _read_inputs(season, inputs, feedback)
    lon, lat = _validate(season)
    target = _season_crs(crs, lon, lat, issues)
    epsg = target.to_epsg()
    wgs84 = CRS.from_epsg(4326)
    transformer = Transformer.from_crs(wgs84, target, always_xy=True)
    inverse = Transformer.from_crs(target, wgs84, always_xy=True)
    check_cancel(feedback)

    obs_x, obs_y = _project(season.observations, transformer)
    _check_observations(season, obs_x, obs_y)
    cam_x, cam_y = _project(season.cameras, transformer)
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

    obs_rows = _observation_rows(season, route_rows, obs_x, obs_y)
    cam_rows, stations = _camera_rows(season, cam_x, cam_y)
    det_rows = _detection_rows(season, stations)
    val_rows = _validation_rows(issues, transformer, translate)
    if not (route_rows or obs_rows or cam_rows or det_rows):
        raise InputError(QT_TR_NOOP("No usable feature in any input: no route, sign, camera or detection could be "
                                    "read. Check the files and the validation messages."))
    check_cancel(feedback)

    layers = {model.ROUTES: route_rows, model.OBSERVATIONS: obs_rows, model.CAMERAS: cam_rows,
              model.DETECTIONS: det_rows, model.VALIDATION: val_rows}
    counts: Dict[str, Any] = write_season_gpkg(output, target, layers, _camera_extra(season, cam_rows), feedback)
    if feedback is not None:
        feedback.set_progress(100)
    counts.update({"epsg": epsg, "crs": target.to_wkt(), "issues": issues, "output": output})
    return counts


Rows = List[Tuple[Dict[str, Any], Optional[bytes]]]


def _check_output(output: str, overwrite: bool, inputs: Sequence[Tuple[str, str]]) -> None:
    """Step 0: an output path is given, may be replaced, and is none of the inputs."""
    if not output:
        raise ParameterError(QT_TR_NOOP("No output GeoPackage was given; choose where to save the season."))
    if os.path.exists(output) and not overwrite:
        raise ParameterError(QT_TR_NOOP("{path} already exists; choose another file or allow overwriting."),
                             path=output)
    target_path = os.path.realpath(output)
    for path, _ in inputs:
        if os.path.realpath(path) == target_path:
            raise ParameterError(QT_TR_NOOP("The output {path} is also an input: an input file is never "
                                            "overwritten. Choose another file for the season."),
                                 path=os.path.basename(output))


def _read_inputs(season: _Season, inputs: Sequence[Tuple[str, str]], feedback: Optional[Feedback]) -> None:
    """Step 1: read every input once (a file given twice, under any name, is skipped and flagged)."""
    issues = season.issues
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


def _validate(season: _Season) -> Tuple[np.ndarray, np.ndarray]:
    """Step 2: validation across files (lon/lat, :mod:`.checks`); returns the representative points left.

    Swapped axes are judged against the GPS files' area when there are some (a whole table of swapped signs
    cannot drag it along), else against all points; points far from the area are flagged after the swaps.
    """
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
    return lon, lat


def _season_crs(crs: Optional[str], lon: np.ndarray, lat: np.ndarray, issues: IssueLog) -> Any:
    """Step 3: the season's metric CRS (a pyproj CRS): the one given unless it distorts distances by more than
    :data:`..crs.MAX_SCALE_ERROR` at the data, else the UTM zone of the robust centre of the data."""
    from pyproj import CRS

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
    return target


def _project(rows: List[Dict[str, Any]], transformer: Any) -> Tuple[np.ndarray, np.ndarray]:
    """Step 4: the rows' lon/lat in the season CRS (m; NaN where unknown)."""
    lo = np.array([np.nan if r.get("lon") is None else r["lon"] for r in rows], dtype=float)
    la = np.array([np.nan if r.get("lat") is None else r["lat"] for r in rows], dtype=float)
    if not len(rows):
        return lo, la
    px, py = transformer.transform(lo, la)
    return np.asarray(px, dtype=float), np.asarray(py, dtype=float)


def _observation_rows(season: _Season, route_rows: Rows, obs_x: np.ndarray, obs_y: np.ndarray) -> Rows:
    """Step 6: observations with unique ids, linked to the route of their file when it has exactly one."""
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
    return obs_rows


def _camera_rows(season: _Season, cam_x: np.ndarray, cam_y: np.ndarray
                 ) -> Tuple[Rows, Dict[str, Tuple[float, float]]]:
    """Step 6: camera rows (trap-nights from the deployment dates when not given) and the stations' places (m)."""
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
    return cam_rows, stations


def _detection_rows(season: _Season, stations: Dict[str, Tuple[float, float]]) -> Rows:
    """Step 6: detections placed at their station; one ``unknown_station`` row per file and unknown station."""
    issues = season.issues
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
    return det_rows


def _validation_rows(issues: IssueLog, transformer: Any, translate: Callable[[str], str]) -> Rows:
    """Step 6: the validation layer's rows, located where the place is known, ``detail`` translated."""
    val_rows = []
    for issue in issues:
        wkb = None
        if issue.lon is not None and issue.lat is not None and _in_range(issue.lon, issue.lat):
            px, py = transformer.transform(issue.lon, issue.lat)
            wkb = _point_wkb(float(px), float(py))
        val_rows.append(({"source": issue.source, "layer": issue.layer, "feature": issue.feature,
                          "problem": issue.problem, "action": issue.action, "severity": issue.severity,
                          "detail": issue.detail(translate)}, wkb))
    return val_rows


def _camera_extra(season: _Season, cam_rows: Rows) -> List[Tuple[str, str]]:
    """Step 7: the extra camera columns (documented: source covariates), typed by their values."""
    extra: List[Tuple[str, str]] = []
    for key in season.camera_extra:
        values = [r.get(key) for r, _ in cam_rows if not _isnull(r.get(key))]
        numeric = all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                      for v in values) and values
        extra.append((key, "float" if numeric else "str"))
    return extra
