"""Reading GPX files (Garmin, phones, OsmAnd, Locus, OziExplorer): tracks, and sign waypoints.

Every track (``trk``) is one route, its segments kept apart (see
:mod:`..season.routes`); planned routes (``rte``) are not walked and are
left out with an ``info`` row. Track points are read in bulk
(``GetArrowStreamAsNumPy``), so a million fixes take seconds. Waypoints whose
name, type, symbol, description or comment names a sign (Russian or English,
see :func:`.vocabulary.sign_type_code`) become observations, with the sign's
age from the same texts (:func:`.vocabulary.age_class_code`); other waypoints
are ignored with an ``info`` row. Extensions are ignored. Times are taken as
UTC (an offset in the file is applied).
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import Any, Dict, Iterator, List, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError
from ..model import OBSERVATIONS, ROUTES
from ..season.routes import Track, split_runs
from ..validation import IssueLog
from .ogr_layers import VectorContent, _field_value_iso, _quiet, open_vector
from .vocabulary import age_class_code, sign_type_code, team_from_text


def _read_points_bulk(layer: Any, keep_fields: Tuple[str, ...]) -> Dict[str, np.ndarray]:
    """All features of a point layer as numpy arrays: ``lon``, ``lat`` and the kept fields."""
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    layer.SetIgnoredFields([name for name in names if name not in keep_fields])
    batches: Dict[str, List[np.ndarray]] = {}
    stream = layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"])
    for batch in stream:
        for key, value in batch.items():
            batches.setdefault(key, []).append(value)
    del stream
    out: Dict[str, np.ndarray] = {}
    for key, chunks in batches.items():
        if key in ("wkb_geometry", layer.GetGeometryColumn() or "wkb_geometry"):
            lon, lat = _wkb_points_to_xy(chunks)
            out["lon"], out["lat"] = lon, lat
        elif key in keep_fields:
            arrays = [np.ma.asarray(chunk) for chunk in chunks]
            merged = np.ma.concatenate(arrays) if arrays else np.ma.array([])
            if merged.dtype.kind == "M":
                out[key] = np.ma.filled(merged.astype("datetime64[ms]"), np.datetime64("NaT"))
            elif merged.dtype.kind == "f":
                out[key] = np.ma.filled(merged, np.nan)
            else:
                out[key] = np.ma.filled(merged, -1) if merged.dtype.kind in "iu" else np.ma.filled(merged)
    layer.SetIgnoredFields([])
    if "lon" not in out:
        out["lon"] = np.zeros(0)
        out["lat"] = np.zeros(0)
    return out


def _wkb_points_to_xy(chunks: List[np.ndarray]) -> Tuple[np.ndarray, np.ndarray]:
    """Decode WKB points (fixed-size numpy ``V21``/``V29`` arrays, or objects) into x, y arrays."""
    xs, ys = [], []
    for chunk in chunks:
        if len(chunk) == 0:
            continue
        if chunk.dtype.kind == "V" and chunk.dtype.itemsize in (21, 29, 37):
            size = chunk.dtype.itemsize
            raw = np.frombuffer(np.ascontiguousarray(chunk).tobytes(), dtype=np.uint8).reshape(-1, size)
            if (raw[:, 0] == 1).all():
                xy = raw[:, 5:21].copy().view("<f8")
                xs.append(xy[:, 0])
                ys.append(xy[:, 1])
                continue
        from osgeo import ogr

        x = np.empty(len(chunk))
        y = np.empty(len(chunk))
        for i, item in enumerate(chunk):
            geom = ogr.CreateGeometryFromWkb(bytes(item)) if item is not None else None
            if geom is None or geom.IsEmpty():
                x[i] = y[i] = np.nan
            else:
                x[i], y[i] = geom.GetX(), geom.GetY()
        xs.append(x)
        ys.append(y)
    if not xs:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys)


def _layer_attributes(layer: Any, names: Tuple[str, ...]) -> Dict[int, Dict[str, Any]]:
    """A few text attributes of every feature of a small layer, by FID."""
    out: Dict[int, Dict[str, Any]] = {}
    defn = layer.GetLayerDefn()
    present = [name for name in names if defn.GetFieldIndex(name) >= 0]
    layer.ResetReading()
    for feature in layer:
        out[feature.GetFID()] = {name: feature.GetField(name) for name in present}
    layer.ResetReading()
    return out


def read_gpx(path: str, issues: IssueLog, as_cameras: bool = False) -> VectorContent:
    """Read the tracks, GPX routes and sign waypoints of a GPX file.

    Args:
        path: the GPX file (GPX 1.0 or 1.1; any extensions).
        issues: validation rows are appended here (ignored waypoints).

    Returns:
        The file's content in WGS 84 lon/lat; times UTC.

    Raises:
        InputError: when the file is not a readable GPX.
    """
    source = os.path.basename(path)
    stem = os.path.splitext(source)[0]
    with _utf8_gpx(path) as readable:
        ds = open_vector(readable)
        return _read_gpx_dataset(ds, path, source, stem, issues, as_cameras)


@contextlib.contextmanager
def _utf8_gpx(path: str) -> Iterator[str]:
    """The GPX itself, or a UTF-8 copy of it in a temporary folder when it declares an encoding GDAL's XML
    parser does not know (``windows-1251`` from OziExplorer or GPSBabel on a Russian Windows)."""
    import tempfile

    with open(path, "rb") as handle:
        head = handle.read(200)
    match = re.search(rb'encoding=["\']([A-Za-z0-9_.:-]+)["\']', head.split(b"?>")[0])
    encoding = match.group(1).decode("ascii").lower() if match else "utf-8"
    if encoding in ("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "utf-16"):
        yield path
        return
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode(encoding)
    except (LookupError, UnicodeDecodeError):
        yield path  # GDAL says what is wrong
        return
    text = re.sub(r'encoding=["\'][A-Za-z0-9_.:-]+["\']', 'encoding="UTF-8"', text, count=1)
    with tempfile.TemporaryDirectory(prefix="snowleopard_gpx_") as folder:
        copy = os.path.join(folder, os.path.basename(path))
        with open(copy, "w", encoding="utf-8") as handle:
            handle.write(text)
        yield copy


def _read_gpx_dataset(ds: Any, path: str, source: str, stem: str, issues: IssueLog,
                      as_cameras: bool = False) -> VectorContent:
    if ds.GetDriver().GetName() != "GPX":
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=source, reason="not a GPX file")
    from osgeo import gdal

    opening = gdal.GetLastErrorMsg() if gdal.GetLastErrorType() >= gdal.CE_Failure else ""  # set by open_vector
    content = VectorContent()
    file_team = team_from_text(stem)
    gdal.ErrorReset()
    with _quiet():
        planned = ds.GetLayerByName("routes")
        if planned is not None and planned.GetFeatureCount() > 0:
            # <rte> is a route planned on the map (the unit navigates along it), not a track walked
            issues.add(source, ROUTES, source, "other", "rejected", "info",
                       QT_TR_NOOP("{count} planned route(s) (<rte>) were not imported: only recorded tracks "
                                  "(<trk>) count as walked."), count=int(planned.GetFeatureCount()))
        for layer_name, point_layer, fid_field, seg_field in (("tracks", "track_points", "track_fid",
                                                               "track_seg_id"),):
            lines = ds.GetLayerByName(layer_name)
            points = ds.GetLayerByName(point_layer)
            if lines is None or points is None or lines.GetFeatureCount() == 0:
                continue
            attrs = _layer_attributes(lines, ("name", "desc", "cmt", "type"))
            keep = tuple(name for name in (fid_field, seg_field, "ele", "time") if name)
            arrays = _read_points_bulk(points, keep)
            if len(arrays["lon"]) == 0:
                continue
            fids = arrays[fid_field].astype(np.int64)
            segs = arrays[seg_field].astype(np.int64) if seg_field else np.zeros(len(fids), dtype=np.int64)
            ele = arrays.get("ele")
            if ele is not None and np.all(np.nan_to_num(ele) == 0):
                ele = None  # <ele>0</ele> everywhere: a unit without altimeter or DEM, not sea level
            times = arrays.get("time")
            offset = _time_offset_minutes(points)
            if times is not None and offset:
                times = times - np.timedelta64(offset, "m")  # wall-clock times with an offset, to UTC
            for start, stop in split_runs(fids):
                fid = int(fids[start])
                info = attrs.get(fid, {})
                index = len(content.tracks) + 1
                name = info.get("name") or None
                team = team_from_text(name, info.get("desc"), info.get("cmt")) or file_team
                content.tracks.append(Track(
                    route_id=f"{stem}_{index}", source=source, feature=name or f"{layer_name[:-1]} {fid + 1}",
                    lon=arrays["lon"][start:stop], lat=arrays["lat"][start:stop],
                    ele=None if ele is None else ele[start:stop],
                    time=None if times is None else times[start:stop],
                    segment=segs[start:stop], team=team, name=name))
        waypoints = ds.GetLayerByName("waypoints")
        if waypoints is not None:
            defn = waypoints.GetLayerDefn()
            has = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
            for number, feature in enumerate(waypoints, start=1):
                geom = feature.GetGeometryRef()
                texts = {key: feature.GetField(key) for key in ("name", "desc", "cmt", "sym", "type") if key in has}
                if as_cameras and geom is not None:  # waypoints marked where the cameras were set up
                    label = texts.get("name") or f"waypoint {number}"
                    content.cameras.append({"lon": geom.GetX(), "lat": geom.GetY(), "feature": label,
                                            "source": source, "station_id": str(label), "deployment_start": None,
                                            "deployment_end": None, "trap_nights": None, "status": None})
                    continue
                code = None
                for key in ("name", "type", "sym", "desc", "cmt"):
                    code = sign_type_code(texts.get(key))
                    if code:
                        break
                label = texts.get("name") or f"waypoint {number}"
                if geom is None or code is None:
                    issues.add(source, OBSERVATIONS, label, "unknown_type", "rejected", "info",
                               QT_TR_NOOP("Waypoint '{name}' is not a sign (its name, description and symbol "
                                          "name no sign type); it was not imported."),
                               lon=geom.GetX() if geom is not None else None,
                               lat=geom.GetY() if geom is not None else None, name=label)
                    continue
                note = " ".join(dict.fromkeys(str(texts[k]) for k in ("desc", "cmt") if texts.get(k))) or None
                content.observations.append({
                    "lon": geom.GetX(), "lat": geom.GetY(), "feature": label, "obs_type": code,
                    "datetime": _field_value_iso(feature, feature.GetFieldIndex("time")) if "time" in has else None,
                    "age_class": age_class_code(" ".join(str(v) for v in texts.values() if v)),
                    "note": note, "source": source, "obs_id": f"{stem}_w{number}",
                    "_name": texts.get("name"),
                })
    failure = opening or (gdal.GetLastErrorMsg() if gdal.GetLastErrorType() >= gdal.CE_Failure else "")
    if not failure and not _ends_with_gpx_tag(path):  # GDAL's own error is not kept in every error mode
        failure = "no closing </gpx>"
    if failure and ("XML parsing" in failure or "not well-formed" in failure or "unclosed token" in failure
                    or "</gpx>" in failure):
        raise InputError(QT_TR_NOOP("Cannot read {path}: the file is cut short or damaged ({reason}). Copy it "
                                    "again from the GPS unit, or repair it (e.g. close it with </trkseg></trk>"
                                    "</gpx>)."), path=source, reason=failure)
    if not content.tracks and not content.observations:
        issues.add(source, ROUTES, source, "empty_input", "rejected", "warning",
                   QT_TR_NOOP("{path} holds no recorded track (<trk>) and no sign waypoint; nothing was imported "
                              "from it."), path=source)
    return content


def _ends_with_gpx_tag(path: str) -> bool:
    """True when the file ends with ``</gpx>`` (a copy cut short does not)."""
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - 4096))
        tail = handle.read()
    return b"</gpx>" in tail.lower() or b"</gpx:gpx>" in tail.lower()


def _time_offset_minutes(points: Any) -> int:
    """The UTC offset (minutes) of a GPX layer's times, from its first timed fix; 0 for UTC or no offset.

    GDAL's Arrow reader returns wall-clock times without their offset (``+07:00`` from GPSLogger); OGR's
    feature API keeps it (time zone flag 100 = UTC, each step of 1 = 15 minutes).
    """
    index = points.GetLayerDefn().GetFieldIndex("time")
    if index < 0:
        return 0
    points.ResetReading()
    offset = 0
    for feature in points:
        if feature.IsFieldSetAndNotNull(index):
            flag = feature.GetFieldAsDateTime(index)[6]
            offset = (flag - 100) * 15 if flag > 1 else 0
            break
    points.ResetReading()
    return int(offset)

