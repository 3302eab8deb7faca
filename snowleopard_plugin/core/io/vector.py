"""Readers of field vector files: GPX, KML/KMZ, GeoJSON (incl. NextGIS Web), GeoPackage, Shapefile.

Everything is read through the GDAL/OGR Python bindings, read-only. Readers
return coordinates in WGS 84 longitude/latitude (degrees); a layer in another
CRS is transformed on reading, a layer without a CRS is taken to be in the
``crs`` given (or in WGS 84 when its coordinates look like degrees). Ranges,
swapped coordinates and duplicates are *not* judged here: the season
assembler (:mod:`.season`) does that across all files.

* **GPX**: every track (``trk``) is one route, its segments kept apart (see
  :mod:`.routes`); every GPX route (``rte``) is one route too. Track points are
  read in bulk (``GetArrowStreamAsNumPy``), so a million fixes take seconds.
  Waypoints whose name, description, comment, symbol or type is a sign name
  (Russian or English, see :func:`sign_type_code`) become observations; other
  waypoints are ignored with an ``info`` row. Extensions (Garmin
  TrackPointExtension, OsmAnd, Locus) are ignored. Times are taken as UTC.
* **Other formats**: lines (and multi-lines, one part per segment) become
  routes, points become observations, or cameras when the attributes hold a
  station id together with deployment dates or effort. Attribute names are
  matched in Russian and English (NextGIS Web exports keep the Russian field
  names of the layer). Polygons are not season data: ignored with a row.
* The team comes from a ``team``/``группа`` attribute, else from the track
  name or description, else from the file name (``группа 2``, ``gruppa2``,
  ``отряд 3``, ``team 4``, ``group B``): see :func:`team_from_text`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError
from ..model import OBSERVATIONS, ROUTES
from ..season.routes import Track, split_runs
from ..validation import IssueLog

#: File kinds returned by :func:`classify_file`.
KINDS = ("routes", "observations", "cameras", "detections", "camtrapdp", "secr_traps", "secr_capthist", "unknown")

VECTOR_EXTENSIONS = (".gpx", ".kml", ".kmz", ".geojson", ".json", ".gpkg", ".shp", ".fgb", ".gml")
TABLE_EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods")

# ---------------------------------------------------------------------------------------------
# words: sign types, teams, attribute names

#: Word stems of sign names, Russian and English, per obs_type (matched at a word start).
#: Sign types recognised in free text (point names, descriptions, a table's type column): regular expressions
#: matched at a word start, in this order (the bare mention of the cat, a sighting, comes last). Words that also
#: name everyday things need the cat or its prey beside them: "тропа ирбиса" is a track, "тропа к перевалу" is
#: not; "остатки добычи" are prey remains, "остатки костра" are not.
_CAT = r"(ирбис|барс(?![уч])|snow leopard|кошк|самк|самц)"
_SIGN_PATTERNS: Dict[str, Tuple[str, ...]] = {
    "track": (r"след", r"отпечат", r"(тропа|тропк)\w*.{0,40}" + _CAT, r"track", r"trail(?!\s*-?head)", r"pugmark",
              r"footprint", r"paw ?print"),
    "scrape": (r"поскреб", r"царапин", r"scrape", r"scratch"),
    "scat": (r"экскремент", r"помет", r"scat", r"fa?eces", r"dropping", r"dung"),
    "scent_mark": (r"мочев", r"моча", r"запахов", r"метк", r"scent", r"urine", r"spray"),
    "mating_call": (r"брачн", r"(голос|крик|рев|мяук|вой)\w*.{0,40}" + _CAT, _CAT + r"\w*.{0,40}(голос|крик|рев)",
                    r"mating", r"vocali", r"call(?!\w)"),
    "prey_remains": (r"(остатк|останк)\w*.{0,40}(добыч|жертв|туш|козерог|теке|архар|марал|кабарг|косул|барана)",
                     r"добыч", r"жертв", r"задран", r"задавлен", r"prey", r"kill(?!\w)", r"carcass"),
    "sighting": (r"встреч", r"визуал", _CAT, r"sighting", r"seen", r"visual"),
}
#: Names GPS units and apps give points by themselves ("Метка без названия", "Waypoint 012", "001"): not signs.
_DEFAULT_NAME = re.compile(r"^(метка|точка|путевая точка|waypoint|wpt|placemark|point|untitled placemark|pt)?"
                           r"\s*(\d+|без названия|untitled)?$", re.IGNORECASE)

_TEAM_RE = re.compile(
    r"(?:группа|gruppa|gruppe|отряд|otryad|бригада|brigada|team|group|grp)\s*[-_№#.]?\s*"
    r"(\d+|[A-Za-zА-Яа-я](?![A-Za-zА-Яа-я]))",
    re.IGNORECASE,
)

#: Attribute synonyms (normalised: lower case, ё→е, spaces and dashes → ``_``).
_SYNONYMS: Dict[str, Tuple[str, ...]] = {
    "obs_type": ("obs_type", "type", "sign", "sign_type", "signtype", "kind", "category", "тип", "тип_следа",
                 "вид_следа", "тип_знака", "вид_знака", "знак", "тип_наблюдения", "вид_наблюдения", "объект"),
    "datetime": ("datetime", "date_time", "timestamp", "when", "дата_время", "дата_и_время", "время_наблюдения",
                 "dt"),
    "begin": ("begin", "start_time", "время_начала"),
    "date": ("date", "дата", "дата_наблюдения", "день"),
    "time": ("time", "время"),
    "end": ("end", "конец", "время_окончания"),
    "count": ("count", "n", "number", "qty", "quantity", "количество", "кол_во", "число", "колво"),
    "age_class": ("age_class", "age", "freshness", "возраст", "свежесть", "давность"),
    "uncertainty_m": ("uncertainty_m", "uncertainty", "accuracy", "точность", "погрешность"),
    "bearing_deg": ("bearing_deg", "bearing", "azimuth", "азимут", "направление", "пеленг"),
    "observer": ("observer", "observers", "author", "collector", "наблюдатель", "учетчик", "автор", "исполнитель"),
    "note": ("note", "notes", "comment", "comments", "remark", "description", "desc", "cmt", "примечание",
             "примечания", "комментарий", "описание"),
    "name": ("name", "title", "название", "имя", "наименование"),
    "team": ("team", "group", "группа", "отряд", "бригада"),
    "route_id": ("route_id", "route", "transect", "маршрут", "трансекта", "номер_маршрута"),
    "days_since_snow": ("days_since_snow", "days_after_snow", "snow_days", "дней_после_снегопада",
                        "дней_после_снега", "дни_после_снегопада"),
    "station_id": ("station_id", "station", "camera_id", "camera", "trap_id", "trap", "location_id", "станция",
                   "фотоловушка", "ловушка", "камера", "номер_ловушки", "номер_фл", "номер_станции", "номер"),
    "deployment_start": ("deployment_start", "deploymentstart", "start", "setup", "установлена", "дата_установки",
                         "начало"),
    "deployment_end": ("deployment_end", "deploymentend", "retrieval", "снята", "дата_снятия", "окончание"),
    "trap_nights": ("trap_nights", "trapnights", "effort", "trap_days", "ловушко_сутки", "ловушко_ночи", "усилие"),
    "status": ("status", "статус", "состояние"),
}


def _norm(text: str) -> str:
    """Lower case, ё→е, runs of spaces/dashes/dots → ``_``."""
    text = str(text).strip().lower().replace("ё", "е")
    return re.sub(r"[\s\-./]+", "_", text).strip("_")


def match_fields(names: List[str]) -> Dict[str, str]:
    """Map canonical attribute names to the names found in a file.

    The Russian/English synonyms of this module (exact, after normalising)
    come first; ``core.tabular.match_headers`` (observation and camera
    vocabularies, prefix matching) adds the roles they miss.

    Returns:
        ``{canonical: name_in_file}`` for the attributes recognised.
    """
    found: Dict[str, str] = {}
    normalised = {_norm(name): name for name in names}
    for canonical, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            key = _norm(synonym)
            if key in normalised and normalised[key] not in found.values():
                found[canonical] = normalised[key]
                break
    try:
        from . import tables as tabular
    except ImportError:
        return found
    matcher = getattr(tabular, "match_headers", None)
    if matcher is None:
        return found
    try:  # camera roles stay with the strict synonyms above: "id" or "end" alone must not make a camera
        extra = matcher(list(names), OBSERVATIONS)
    except (ValueError, TypeError):
        return found
    for role, header in extra.items():
        if role in _SYNONYMS and role not in found and header not in found.values():
            found[role] = header
    return found


def sign_type_code(text: Any) -> Optional[str]:
    """The ``obs_type`` code of a sign name (Russian or English), or None.

    Uses ``core.tabular.sign_type_code`` when it exists, else stems matched at
    a word start (``"Следы ирбиса"`` → ``track``, ``"scat 12"`` → ``scat``).
    """
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    try:  # the table engineer's vocabulary, when present
        from . import tables as tabular

        code = getattr(tabular, "sign_type_code", None)
        if code is not None:
            result = code(raw)
            if result:
                return str(result)
    except ImportError:
        pass
    return sign_type_in_text(raw)


def sign_type_in_text(raw: Any) -> Optional[str]:
    """The ``obs_type`` code a free text names (see :data:`_SIGN_PATTERNS`), or None (default point names
    such as "Метка 12" or "Waypoint 001" name none)."""
    low = str(raw or "").strip().lower().replace("ё", "е")
    if not low or _DEFAULT_NAME.match(low):
        return None
    if low in ("track", "scrape", "scat", "scent_mark", "mating_call", "sighting", "prey_remains"):
        return low
    for code_name, patterns in _SIGN_PATTERNS.items():
        for pattern in patterns:
            if re.search(r"(?<![\w])" + pattern, low):
                return code_name
    return None


def age_class_code(text: Any) -> Optional[str]:
    """``fresh`` / ``old`` from a Russian or English word, else None."""
    if text is None:
        return None
    low = str(text).lower()
    if re.search(r"(?<![\w])(свеж|fresh|new)", low):
        return "fresh"
    if re.search(r"(?<![\w])(стар|old)", low):
        return "old"
    return None


def team_from_text(*texts: Optional[str]) -> Optional[str]:
    """The team label in the first text that names one (``"группа 2"`` → ``"2"``, ``"group B"`` → ``"B"``)."""
    for text in texts:
        if not text:
            continue
        match = _TEAM_RE.search(str(text))
        if match:
            label = match.group(1)
            return label.upper() if label.isalpha() else label
    return None


# ---------------------------------------------------------------------------------------------
# OGR helpers

@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence GDAL warnings (e.g. GPX extensions parsed as fields) while reading."""
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def ogr_path(path: str) -> str:
    """The path OGR opens: KMZ archives are read through ``/vsizip/``."""
    if path.lower().endswith(".kmz"):
        return "/vsizip/" + os.path.abspath(path)
    return path


def _cp1251_without_cpg(path: str, ds: Any) -> bool:
    """A Shapefile without a .cpg whose DBF field names or first values read as Latin-1 mojibake of Russian."""
    if os.path.exists(os.path.splitext(path)[0] + ".cpg"):
        return False
    layer = ds.GetLayer(0)
    texts = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    layer.ResetReading()
    feature = layer.GetNextFeature()
    if feature is not None:
        texts += [str(feature.GetField(i)) for i in range(feature.GetFieldCount()) if feature.GetField(i) is not None]
    layer.ResetReading()
    sample = "".join(texts)
    undecoded = re.search("[\udc80-\udcff]", sample)  # bytes OGR could not decode (Python's surrogate escapes)
    return bool(undecoded or re.search("[\u00c0-\u00ff]{2}", sample)) and not re.search("[\u0400-\u04ff]",
                                                                                           sample)


def open_vector(path: str) -> Any:
    """Open a vector file read-only with OGR.

    Raises:
        InputError: when the file is missing or no OGR driver reads it.
    """
    from osgeo import gdal, ogr

    if not os.path.isfile(path):
        raise InputError(QT_TR_NOOP("Cannot read {path}: the file does not exist."), path=path)
    if os.path.getsize(path) == 0:
        raise InputError(QT_TR_NOOP("{path} is empty (0 bytes): copy it again from the device or export it "
                                    "again."), path=os.path.basename(path))
    with _quiet():
        gdal.ErrorReset()
        ds = ogr.Open(ogr_path(path), 0)
        reason = gdal.GetLastErrorMsg()
        if ds is not None and path.lower().endswith(".shp") and _cp1251_without_cpg(path, ds):
            # a DBF written on a Russian Windows without a .cpg: OGR would read its names as Latin-1
            ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=["ENCODING=CP1251"])
    if ds is None and path.lower().endswith(".kmz"):  # a KMZ whose main file is not doc.kml
        with _quiet():
            listing = gdal.ReadDir("/vsizip/" + os.path.abspath(path)) or []
            for name in listing:
                if name.lower().endswith(".kml"):
                    ds = ogr.Open("/vsizip/" + os.path.abspath(path) + "/" + name, 0)
                    if ds is not None:
                        break
    if ds is None:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}. Check that it is a complete GPX, KML/KMZ, "
                                    "GeoJSON, GeoPackage or Shapefile."),
                         path=os.path.basename(path), reason=reason or "not a vector format GDAL/OGR can open")
    return ds


def _to_wgs84(layer: Any, assume_crs: Optional[str]) -> Tuple[Optional[Any], bool]:
    """Coordinate transformation from a layer's CRS to WGS 84 lon/lat (None when already there).

    Returns:
        (transformation or None, crs_known)
    """
    from osgeo import osr

    srs = layer.GetSpatialRef()
    if srs is None and assume_crs:
        srs = osr.SpatialReference()
        if srs.SetFromUserInput(assume_crs) != 0:
            srs = None
    if srs is None:
        return None, False
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if srs.IsGeographic() and srs.IsSameGeogCS(wgs):
        return None, True
    return osr.CoordinateTransformation(srs, wgs), True


def _field_value_iso(feature: Any, index: int) -> Optional[str]:
    """An OGR Date/DateTime/String field as ISO 8601 text (offset kept; UTC as ``Z``)."""
    from osgeo import ogr

    if not feature.IsFieldSetAndNotNull(index):
        return None
    ftype = feature.GetFieldDefnRef(index).GetType()
    if ftype in (ogr.OFTDate, ogr.OFTDateTime):
        y, mo, d, h, mi, s, tz = feature.GetFieldAsDateTime(index)
        if ftype == ogr.OFTDate:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        sec = f"{int(s):02d}" if abs(s - round(s)) < 1e-6 else f"{s:06.3f}"
        text = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec}"
        if tz == 100:
            return text + "Z"
        if tz > 1:
            minutes = (tz - 100) * 15
            sign = "+" if minutes >= 0 else "-"
            minutes = abs(minutes)
            return text + f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
        return text
    return iso_text(feature.GetField(index))


def iso_text(value: Any) -> Optional[str]:
    """Any date/time value (text in common layouts, datetime, Timestamp) as ISO 8601 text, or None.

    A date without a time stays ``YYYY-MM-DD``; an offset is kept (UTC as
    ``Z``); text that cannot be parsed gives None.
    """
    import pandas as pd

    if value is None:
        return None
    if isinstance(value, float) and not np.isfinite(value):
        return None
    text = str(value).strip()
    if not text or text.lower() in ("nan", "nat", "none", "null"):
        return None
    text = re.sub(r"^(\d{4})/(\d\d)/(\d\d)", r"\1-\2-\3", text)  # LIBKML writes 2024/02/10 04:00:00+00
    text = re.sub(r"(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)([+-]\d\d)$", r"\1\2:00", text)  # +07 after a time
    if not re.match(r"\d{4}-\d\d-\d\d", text):
        # typed by hand (5.03.2026, 03/04/2026 12:30, 15 февраля 2026): day first, as the tables are read
        from .tables import parse_datetime

        return parse_datetime(text)
    date_only = re.fullmatch(r"\d{4}-\d\d-\d\d", text)
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return None
    if stamp is pd.NaT or pd.isna(stamp):
        return None
    if date_only:
        return stamp.strftime("%Y-%m-%d")
    out = stamp.isoformat()
    if stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0:
        out = out[: -len("+00:00")] + "Z"
    return out


# ---------------------------------------------------------------------------------------------
# results

@dataclass
class VectorContent:
    """What one vector file holds, in WGS 84 lon/lat.

    Attributes:
        tracks: walked routes (raw fixes).
        observations: one dict per observation: ``lon``, ``lat``, ``feature`` and
            the observation fields of core/model.py that the file gives.
        cameras: one dict per camera station: ``lon``, ``lat``, ``feature`` and camera fields.
    """

    tracks: List[Track] = field(default_factory=list)
    observations: List[Dict[str, Any]] = field(default_factory=list)
    cameras: List[Dict[str, Any]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# GPX

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
                        "age_class": age_class_code(values.get("age_class")) or age_class_code(values.get("name")),
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
    cols = [_norm(c.strip().strip('"').lstrip("#").strip()) for c in first.split(sep)]
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
