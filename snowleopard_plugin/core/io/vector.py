"""Readers of field vector files: GPX, KML/KMZ, GeoJSON (incl. NextGIS Web), GeoPackage, Shapefile.

Everything is read through the GDAL/OGR Python bindings, read-only. Readers
return coordinates in WGS 84 longitude/latitude (degrees); a layer in another
CRS is transformed on reading, a layer without a CRS is taken to be in the
``crs`` given (or in WGS 84 when its coordinates look like degrees). Ranges,
swapped coordinates and duplicates are *not* judged here: the season
assembler (:mod:`..season.build`) does that across all files.

* **GPX**: read by :mod:`.gpx` (tracks become routes, sign waypoints observations).
* **Other formats**: lines (and multi-lines, one part per segment) become
  routes, points become observations, or cameras when the attributes hold a
  station id together with deployment dates or effort. Attribute names are
  matched in Russian and English (NextGIS Web exports keep the Russian field
  names of the layer; see :func:`.vocabulary.match_fields`). The sign type and
  age come from the type attribute, else the name (:mod:`.vocabulary`).
  Polygons are not season data: ignored with a row.
* The team comes from a ``team``/``группа`` attribute, else from the track
  name or description, else from the file name (``группа 2``, ``gruppa2``,
  ``отряд 3``, ``team 4``, ``group B``): see :func:`.vocabulary.team_from_text`.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Dict, List, Optional

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError
from ..model import OBSERVATIONS, ROUTES
from ..season.routes import Track
from ..validation import IssueLog
from .gpx import read_gpx
from .ogr_layers import VectorContent, _field_value_iso, _quiet, _to_wgs84, open_vector
from .text import iso_text
from .vocabulary import _norm_attribute, age_class_code, match_fields, sign_type_code, team_from_text

#: File kinds returned by :func:`classify_file`.
KINDS = ("routes", "observations", "cameras", "detections", "camtrapdp", "secr_traps", "secr_capthist", "unknown")

VECTOR_EXTENSIONS = (".gpx", ".kml", ".kmz", ".geojson", ".json", ".gpkg", ".shp", ".fgb", ".gml")
TABLE_EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods")

# ---------------------------------------------------------------------------------------------
# KML/KMZ, GeoJSON, GeoPackage, Shapefile

def _geometry_parts(geom: Any) -> List[Any]:
    """The single parts of an OGR geometry (itself when not a collection)."""
    count = geom.GetGeometryCount()
    name = geom.GetGeometryName().upper()
    if name.startswith("MULTI") or name == "GEOMETRYCOLLECTION":
        return [geom.GetGeometryRef(i) for i in range(count)]
    return [geom]


def _looks_like_cameras(fields: Dict[str, str]) -> bool:
    return "station_id" in fields and any(key in fields for key in ("deployment_start", "deployment_end",
                                                                     "trap_nights"))


def _number(value: Any) -> Optional[float]:
    if value is None:
        return None
    try:
        out = float(str(value).replace(",", ".").strip())
    except ValueError:
        return None
    return out if np.isfinite(out) else None


def read_vector(path: str, issues: IssueLog, crs: Optional[str] = None, as_cameras: bool = False) -> VectorContent:
    """Read any field vector file: GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile.

    Args:
        path: the file.
        issues: validation rows are appended here.
        crs: CRS of layers that carry none (e.g. a Shapefile without ``.prj``);
            without it such a layer must hold lon/lat degrees.

    Returns:
        The content in WGS 84 lon/lat.

    Raises:
        InputError: unreadable file, or a layer without CRS whose coordinates are not degrees.
    """
    if _is_gpx(path):
        return read_gpx(path, issues, as_cameras)
    source = os.path.basename(path)
    stem = os.path.splitext(source)[0]
    file_team = team_from_text(stem)
    ds = open_vector(path)
    content = VectorContent()
    n_lines = 0
    with _quiet():
        layer_names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        season_file = {"routes", "observations", "validation"} <= set(layer_names)
        if season_file:  # a season GeoPackage given again: only its routes, signs and cameras are field data
            others = [name for name in layer_names if name not in ("routes", "observations", "cameras")]
            issues.add(source, OBSERVATIONS, source, "other", "rejected", "info",
                       QT_TR_NOOP("{path} is a season GeoPackage: its routes, signs and cameras were imported, "
                                  "not its other layers ({tables}); import detections from their Camtrap DP or "
                                  "secr files."), path=source, tables=", ".join(others))
        for layer_index in range(ds.GetLayerCount()):
            layer = ds.GetLayer(layer_index)
            if season_file and layer.GetName() not in ("routes", "observations", "cameras"):
                continue
            defn = layer.GetLayerDefn()
            names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
            fields = match_fields(names)
            index_of = {key: defn.GetFieldIndex(name) for key, name in fields.items()}
            transform, known = _to_wgs84(layer, crs)
            cameras = as_cameras or _looks_like_cameras(fields)  # points given as cameras are stations
            layer.ResetReading()
            for number, feature in enumerate(layer, start=1):
                geom = feature.GetGeometryRef()
                values = {key: feature.GetField(idx) for key, idx in index_of.items()}
                label = str(values.get("name") or values.get("station_id") or f"{layer.GetName()} {number}")
                if geom is None or geom.IsEmpty():
                    issues.add(source, OBSERVATIONS, label, "invalid_geometry", "rejected", "warning",
                               QT_TR_NOOP("Feature '{name}' has no geometry; it was not imported."), name=label)
                    continue
                geom = geom.Clone()
                if not known:
                    env = geom.GetEnvelope()
                    if not (-180 <= env[0] <= 180 and -180 <= env[1] <= 180 and -90 <= env[2] <= 90
                            and -90 <= env[3] <= 90):
                        raise InputError(QT_TR_NOOP("Cannot read {path}: the layer {layer} has no CRS and its "
                                                    "coordinates are not degrees; add a .prj or give the CRS."),
                                         path=source, layer=layer.GetName())
                if transform is not None:
                    geom.Transform(transform)
                gname = geom.GetGeometryName().upper()
                if "POLYGON" in gname:
                    issues.add(source, ROUTES, label, "other", "rejected", "info",
                               QT_TR_NOOP("Feature '{name}' is a polygon, not a route or a sign; it was not "
                                          "imported."), name=label)
                    continue
                if "LINESTRING" in gname:
                    n_lines += 1
                    lon, lat, ele, seg = [], [], [], []
                    for part_no, part in enumerate(_geometry_parts(geom)):
                        pts = part.GetPoints() or []
                        for pt in pts:
                            lon.append(pt[0])
                            lat.append(pt[1])
                            ele.append(pt[2] if len(pt) > 2 and part.GetCoordinateDimension() == 3 else np.nan)
                            seg.append(part_no)
                    start = None
                    for key in ("begin", "datetime", "date"):
                        if start is None and key in index_of:
                            start = _field_value_iso(feature, index_of[key])
                    end = _field_value_iso(feature, index_of["end"]) if "end" in index_of else None
                    days = _number(values.get("days_since_snow"))
                    name = values.get("name")
                    team = (str(values["team"]) if values.get("team") not in (None, "") else None) \
                        or team_from_text(name, values.get("note")) or file_team
                    ele_arr = np.asarray(ele, dtype=float)
                    content.tracks.append(Track(
                        route_id=str(values["route_id"]) if values.get("route_id") not in (None, "")
                        else f"{stem}_{n_lines}",
                        source=source, feature=label, lon=np.asarray(lon), lat=np.asarray(lat),
                        ele=ele_arr if np.isfinite(ele_arr).any() and not np.all(ele_arr == 0) else None,
                        segment=np.asarray(seg), team=team,
                        date=start[:10] if start else None, start_time=start if start and "T" in start else None,
                        end_time=end if end and "T" in end else None,
                        days_since_snow=int(days) if days is not None else None, name=name))
                    continue
                # points
                for part in _geometry_parts(geom):
                    row: Dict[str, Any] = {"lon": part.GetX(), "lat": part.GetY(), "feature": label,
                                           "source": source}
                    if cameras:
                        row.update({
                            "station_id": str(values.get("station_id")) if values.get("station_id") is not None
                            else label,
                            "deployment_start": _field_value_iso(feature, index_of["deployment_start"])
                            if "deployment_start" in index_of else None,
                            "deployment_end": _field_value_iso(feature, index_of["deployment_end"])
                            if "deployment_end" in index_of else None,
                            "trap_nights": _number(values.get("trap_nights")),
                            "status": values.get("status"),
                        })
                        content.cameras.append(row)
                        continue
                    code = None
                    for key in ("obs_type", "name", "note"):
                        code = sign_type_code(values.get(key))
                        if code:
                            break
                    if code is None:
                        code = "other"
                        issues.add(source, OBSERVATIONS, label, "unknown_type", "kept", "info",
                                   QT_TR_NOOP("The sign type of '{name}' is not recognised ({value}); "
                                              "imported as 'other'."),
                                   lon=row["lon"], lat=row["lat"], name=label,
                                   value=values.get("obs_type") or values.get("name") or "")
                    when = None
                    for key in ("datetime", "begin"):
                        if when is None and key in index_of:
                            when = _field_value_iso(feature, index_of[key])
                    if when is None and "date" in index_of:
                        when = _field_value_iso(feature, index_of["date"])
                        if when is not None and "time" in index_of and values.get("time"):
                            combined = iso_text(f"{when[:10]} {values['time']}")
                            when = combined or when
                    count = _number(values.get("count"))
                    row.update({
                        "obs_id": f"{stem}_{layer_index + 1}_{number}", "obs_type": code, "datetime": when,
                        "count": int(count) if count is not None else None,
                        "age_class": age_class_code(values.get("age_class")) or age_class_code(values.get("obs_type"))
                        or age_class_code(values.get("name")),  # "Свежие следы" in the type or the name
                        "uncertainty_m": _number(values.get("uncertainty_m")),
                        "bearing_deg": _number(values.get("bearing_deg")),
                        "route_id": str(values["route_id"]) if values.get("route_id") not in (None, "") else None,
                        "observer": values.get("observer"), "note": values.get("note"),
                        "_name": values.get("name"),
                    })
                    content.observations.append(row)
    return content


# ---------------------------------------------------------------------------------------------
# classification

def _is_gpx(path: str) -> bool:
    head = _head(path, 2048)
    return "<gpx" in head.lower()


def _head(path: str, size: int = 4096) -> str:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(size)
    except OSError:
        return ""
    for encoding in ("utf-8", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            if encoding == "utf-8" and len(raw) == size and error.start >= len(raw) - 3:
                return raw[:error.start].decode("utf-8", errors="replace")  # the slice cut a letter in two
            continue
    return raw.decode("latin-1")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _headerless_secr(lines: List[str]) -> Optional[str]:
    """secr's plain layouts without a '#' header (``read.traps``/``read.capthist`` accept them): traps as
    ``detector x y [usage]`` with metre coordinates, captures as ``session animal occasion detector`` with a
    whole-number occasion, whitespace-separated, every line alike."""
    rows = [line.split() for line in lines[:50] if not line.lstrip().startswith("#")]
    if len(rows) < 2 or any("," in line or ";" in line for line in lines[:50]):
        return None
    if all(len(r) in (3, 4) and _is_number(r[1]) and _is_number(r[2]) and abs(float(r[1])) > 1000
           and abs(float(r[2])) > 1000 and (len(r) == 3 or re.fullmatch(r"[0-9]+", r[3])) for r in rows):
        return "secr_traps"
    if all(len(r) == 4 and re.fullmatch(r"\d+", r[2]) and not _is_number(r[3]) for r in rows):
        return "secr_capthist"
    return None


def _classify_table(path: str) -> str:
    """Sort a CSV/text table by its header line."""
    head = _head(path, 8192)
    lines = [line for line in head.splitlines() if line.strip()]
    if not lines:
        return "unknown"
    first = lines[0]
    if "\x00" in head:
        return "unknown"
    sep = max((";", ",", "\t"), key=first.count)
    cols = [_norm_attribute(c.strip().strip('"').lstrip("#").strip()) for c in first.split(sep)]
    if first.lstrip().startswith("#"):
        if {"session", "id", "occasion"} <= set(cols) or ("occasion" in cols and "detector" in cols):
            return "secr_capthist"
        if len(cols) >= 3 and cols[1:3] == ["x", "y"]:
            return "secr_traps"
    headerless = _headerless_secr(lines)
    if headerless:
        return headerless
    fields = match_fields(cols)
    has_xy = any(c in cols for c in ("x", "y", "lon", "lat", "longitude", "latitude", "долгота", "широта",
                                     "decimallongitude", "decimallatitude"))
    species = any(c in cols for c in ("species", "scientificname", "вид", "individual_id", "individualid",
                                      "individual", "особь"))
    if "station_id" in fields and species:
        return "detections"
    if _looks_like_cameras(fields) and has_xy:
        return "cameras"
    if "obs_type" in fields or has_xy:
        return "observations"
    return "unknown"


def classify_file(path: str) -> str:
    """What a field file holds, judged from its contents (the extension only helps).

    Returns:
        One of :data:`KINDS`: ``routes`` (tracks or lines), ``observations``
        (sign points or an observation table), ``cameras``, ``detections``,
        ``camtrapdp`` (a Camtrap DP ``datapackage.json``), ``secr_traps``,
        ``secr_capthist`` or ``unknown`` (unreadable, empty, polygons only, ...).
    """
    if not os.path.isfile(path):
        return "unknown"
    lower = path.lower()
    head = _head(path, 4096)
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{") and ("datapackage" in os.path.basename(lower) or '"resources"' in head):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and "resources" in data:
            profile = str(data.get("profile", ""))
            names = {str(r.get("name", "")) for r in data.get("resources", []) if isinstance(r, dict)}
            if "camtrap" in profile.lower() or {"deployments", "observations"} <= names:
                return "camtrapdp"
    if lower.endswith(TABLE_EXTENSIONS) and not lower.endswith(".xlsx") and not stripped.startswith("<"):
        return _classify_table(path)
    if lower.endswith((".xlsx", ".xls", ".ods")):
        return "observations"
    if "<gpx" in head.lower():
        try:
            ds = open_vector(path)
        except InputError:
            return "unknown"
        with _quiet():
            for name in ("tracks", "routes"):
                layer = ds.GetLayerByName(name)
                if layer is not None and layer.GetFeatureCount() > 0:
                    return "routes"
            waypoints = ds.GetLayerByName("waypoints")
            if waypoints is not None and waypoints.GetFeatureCount() > 0:
                return "observations"
        return "unknown"
    try:
        ds = open_vector(path)
    except InputError:
        return "unknown"
    kinds = set()
    with _quiet():
        for i in range(ds.GetLayerCount()):
            layer = ds.GetLayer(i)
            defn = layer.GetLayerDefn()
            fields = match_fields([defn.GetFieldDefn(j).GetName() for j in range(defn.GetFieldCount())])
            layer.ResetReading()
            for count, feature in enumerate(layer):
                geom = feature.GetGeometryRef()
                if geom is not None:
                    name = geom.GetGeometryName().upper()
                    if "LINESTRING" in name:
                        kinds.add("routes")
                    elif "POINT" in name:
                        kinds.add("cameras" if _looks_like_cameras(fields) else "observations")
                if count > 1000:
                    break
    for kind in ("routes", "cameras", "observations"):
        if kind in kinds:
            return kind
    return "unknown"
