"""Reading Camtrap DP packages (the TDWG camera-trap data exchange standard).

A Camtrap DP package is a folder with ``datapackage.json`` and CSV tables
(``deployments``, ``media``, ``observations``). Wildlife Insights, Agouti,
Trapper, camtrapR and GBIF read and write it. Only the two tables the season
needs are read; media are not.

Choices (documented for the analyst):

* **Stations.** Each deployment becomes one camera row; ``station_id`` is the
  deployment's ``locationName``, else ``locationID``, else ``deploymentID``.
  Several deployments at one location (a camera re-set at the same spot) keep
  one row each with the same ``station_id`` and their own ``deployment_id``,
  so effort per station is the sum of its rows' trap-nights.
* **Trap-nights** = ``deploymentEnd - deploymentStart`` in days, as a float.
* **Times** are kept as ISO 8601 text with the offsets written in the package
  (``+02:00``, ``Z``); nothing is shifted to UTC or to local time.
* **Detections** are observations with ``observationType == "animal"`` (blank,
  human, vehicle, unknown and unclassified are not). Event-level observations
  are used (the standard makes them mutually exclusive, so their counts add
  up); an event with only media-level observations gives one detection per
  species, individual, sex and life stage, with the largest count seen on any of
  its media, so the same animal photographed in ten frames counts once.

CRS: deployments carry WGS 84 latitude/longitude (EPSG:4326).
"""

from __future__ import annotations

import csv
import json
import os
from typing import Any, Dict, List, Optional, Tuple

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from .. import model
from ..exceptions import QT_TR_NOOP, InputError
from ..validation import IssueLog
from .text import WGS84, iso_to_datetime, parse_datetime, parse_number

#: Observation types that are not animals (``observationType`` values of Camtrap DP 1.0).
NON_ANIMAL_TYPES = ("blank", "human", "vehicle", "unknown", "unclassified")

_DEFAULT_MISSING = ("", "NA", "NaN", "nan")


def _load_package(datapackage_json: str) -> Dict[str, Any]:
    name = os.path.basename(datapackage_json)
    try:
        with open(datapackage_json, encoding="utf-8") as handle:
            package = json.load(handle)
    except OSError as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=datapackage_json,
                         reason=error.strerror or str(error)) from error
    except ValueError as error:
        raise InputError(QT_TR_NOOP("{path} is not valid JSON ({reason}): choose the datapackage.json of a "
                                    "Camtrap DP package."), path=name, reason=str(error)) from error
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise InputError(QT_TR_NOOP("{path} is not a data package (no 'resources' list): choose the "
                                    "datapackage.json of a Camtrap DP package."), path=name)
    return package


def _resource(package: Dict[str, Any], name: str) -> Optional[Dict[str, Any]]:
    return next((res for res in package["resources"] if isinstance(res, dict) and res.get("name") == name), None)


def _missing_values(resource: Dict[str, Any], folder: str) -> Tuple[str, ...]:
    schema = resource.get("schema")
    if isinstance(schema, dict) and isinstance(schema.get("missingValues"), list):
        return tuple(str(v) for v in schema["missingValues"])
    if isinstance(schema, str) and not schema.startswith(("http://", "https://")):
        try:
            with open(os.path.join(folder, schema), encoding="utf-8") as handle:
                values = json.load(handle).get("missingValues")
            if isinstance(values, list):
                return tuple(str(v) for v in values)
        except (OSError, ValueError, AttributeError):
            pass
    return _DEFAULT_MISSING


def _read_resource(package: Dict[str, Any], name: str, folder: str, package_name: str,
                   required: bool) -> List[Dict[str, Optional[str]]]:
    """Rows of a tabular resource as dicts; missing values become None."""
    resource = _resource(package, name)
    if resource is None:
        if required:
            raise InputError(QT_TR_NOOP("{path} has no '{table}' table: it is not a Camtrap DP package, or an "
                                        "incomplete one. Export the package again."), path=package_name, table=name)
        return []
    if isinstance(resource.get("data"), list):
        rows = [row for row in resource["data"] if isinstance(row, dict)]
        return [{k: (None if v is None or str(v) in _DEFAULT_MISSING else str(v)) for k, v in r.items()}
                for r in rows]
    paths = resource.get("path")
    paths = [paths] if isinstance(paths, str) else list(paths or [])
    if not paths:
        raise InputError(QT_TR_NOOP("{path}: the '{table}' table has no file path. Export the package again."),
                         path=package_name, table=name)
    missing = set(_missing_values(resource, folder))
    encoding = resource.get("encoding") or "utf-8"
    dialect = resource.get("dialect") if isinstance(resource.get("dialect"), dict) else {}
    delimiter = dialect.get("delimiter", ",")
    out: List[Dict[str, Optional[str]]] = []
    header: List[str] = []
    for index, relative in enumerate(paths):
        if str(relative).startswith(("http://", "https://")) or os.path.isabs(str(relative)) \
                or ".." in str(relative).replace("\\", "/").split("/"):
            raise InputError(QT_TR_NOOP("{path}: the '{table}' table points to {file}, outside the package "
                                        "folder. Download the package with its CSV files and import the local "
                                        "copy."), path=package_name, table=name, file=str(relative))
        file_path = os.path.join(folder, str(relative))
        try:
            with open(file_path, encoding="utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding,
                      newline="") as handle:
                reader = csv.reader(handle, delimiter=delimiter)
                if index == 0:  # multi-part resources: the header is in the first file only
                    header = next(reader, [])
                for row in reader:
                    if not any(cell.strip() for cell in row):
                        continue
                    out.append({key: (None if i >= len(row) or row[i] in missing else row[i])
                                for i, key in enumerate(header)})
        except (OSError, LookupError, UnicodeDecodeError, csv.Error) as error:
            raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=file_path,
                             reason=getattr(error, "strerror", None) or str(error)) from error
    return out


def _first(row: Dict[str, Optional[str]], *names: str) -> Optional[str]:
    for name in names:
        value = row.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def read_camtrapdp(datapackage_json: str, issues: IssueLog) -> Tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Read the cameras and detections of a Camtrap DP package.

    Camtrap DP 1.0 field names are read (``deploymentStart``, ``eventStart``);
    the 0.x names (``start``/``end``, ``timestamp``, ``sequenceID``) are
    accepted as well.

    Args:
        datapackage_json: path of the package's ``datapackage.json``; the CSV
            files are read from its folder (never downloaded).
        issues: validation log; ``source`` is the CSV file name
            (``deployments.csv``, ``observations.csv``) and ``feature`` the
            1-based data row.

    Returns:
        ``(cameras, detections)``: cameras as Points in EPSG:4326 with the
        ``cameras`` fields plus ``deployment_id``; detections as a DataFrame
        with the ``detections`` fields plus ``deployment_id`` (no geometry: the
        season assembler places them at their station).

    Raises:
        InputError: the file is not a readable Camtrap DP package.
    """
    package_name = os.path.basename(datapackage_json)
    folder = os.path.dirname(os.path.abspath(datapackage_json))
    package = _load_package(datapackage_json)
    cameras = _cameras(package, folder, package_name, issues)
    detections = _detections(package, folder, package_name, issues, cameras)
    return cameras, detections


def _source_name(package: Dict[str, Any], name: str) -> str:
    resource = _resource(package, name) or {}
    path = resource.get("path")
    if isinstance(path, list) and path:
        path = path[0]
    return os.path.basename(str(path)) if isinstance(path, str) else name


def _cameras(package: Dict[str, Any], folder: str, package_name: str, issues: IssueLog) -> gpd.GeoDataFrame:
    layer = model.CAMERAS
    rows = _read_resource(package, "deployments", folder, package_name, required=True)
    source = _source_name(package, "deployments")
    records: List[Dict[str, Any]] = []
    points: List[Point] = []
    for number, row in enumerate(rows, start=1):
        deployment = _first(row, "deploymentID")
        lat, lon = parse_number(row.get("latitude")), parse_number(row.get("longitude"))
        if lat is None or lon is None:
            issues.add(source, layer, number, "unreadable_row", "rejected", "error",
                       QT_TR_NOOP("Deployment {id}: latitude/longitude '{value}' cannot be read; it was not "
                                  "imported."), id=deployment or "", value=f"{row.get('latitude')} "
                                                                           f"{row.get('longitude')}")
            continue
        if deployment is None:
            deployment = str(number)
            issues.add(source, layer, number, "missing_value", "fixed", "warning",
                       QT_TR_NOOP("No deploymentID; the row number {value} was used."), lon=lon, lat=lat,
                       value=deployment)
        start_text = _first(row, "deploymentStart", "start")
        end_text = _first(row, "deploymentEnd", "end")
        start = parse_datetime(start_text) if start_text else None
        end = parse_datetime(end_text) if end_text else None
        for text, value in ((start_text, start), (end_text, end)):
            if text is None:
                issues.add(source, layer, number, "missing_date", "kept", "warning",
                           QT_TR_NOOP("Deployment {id} has no start or end time; its trap-nights are unknown."),
                           lon=lon, lat=lat, id=deployment)
            elif value is None:
                issues.add(source, layer, number, "unparseable_date", "kept", "warning",
                           QT_TR_NOOP("Deployment {id}: time '{value}' cannot be read; its trap-nights are "
                                      "unknown."), lon=lon, lat=lat, id=deployment, value=text)
        nights = None
        a, b = iso_to_datetime(start), iso_to_datetime(end)
        if a is not None and b is not None:
            if (a.tzinfo is None) != (b.tzinfo is None):
                a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
            nights = (b - a).total_seconds() / 86400.0
            if nights < 0:
                issues.add(source, layer, number, "other", "flagged", "warning",
                           QT_TR_NOOP("Deployment {id} ends before it starts; trap-nights left empty."),
                           lon=lon, lat=lat, id=deployment)
                nights = None
        records.append({
            "station_id": _first(row, "locationName", "locationID") or deployment,
            "deployment_start": start,
            "deployment_end": end,
            "trap_nights": nights,
            "status": None,
            "source": source,
            "deployment_id": deployment,
        })
        points.append(Point(lon, lat))
    frame = pd.DataFrame(records, columns=model.field_names(layer) + ["deployment_id"])
    frame["trap_nights"] = frame["trap_nights"].astype("float64")
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=WGS84), crs=WGS84)


def _detections(package: Dict[str, Any], folder: str, package_name: str, issues: IssueLog,
                cameras: gpd.GeoDataFrame) -> pd.DataFrame:
    layer = model.DETECTIONS
    columns = model.field_names(layer) + ["deployment_id"]
    rows = _read_resource(package, "observations", folder, package_name, required=False)
    source = _source_name(package, "observations")
    station_of = dict(zip(cameras["deployment_id"], cameras["station_id"]))
    events_with_event_level = {
        _first(row, "eventID", "sequenceID") for row in rows
        if (_first(row, "observationLevel") or "").lower() == "event"}
    events_with_event_level.discard(None)
    records: List[Dict[str, Any]] = []
    media_groups: Dict[Tuple[Any, ...], Dict[str, Any]] = {}
    for number, row in enumerate(rows, start=1):
        kind = (_first(row, "observationType") or "").lower()
        if kind != "animal":
            continue
        level = (_first(row, "observationLevel") or "event").lower()
        event = _first(row, "eventID", "sequenceID")
        if level == "media" and event in events_with_event_level:
            continue  # the event-level observation of this event already counts the animals
        deployment = _first(row, "deploymentID")
        station = station_of.get(deployment)
        if station is None:
            issues.add(source, layer, number, "unknown_station", "kept", "warning",
                       QT_TR_NOOP("Observation {id} belongs to deployment '{deployment}', which is not in the "
                                  "deployments table; kept without a station position."),
                       id=_first(row, "observationID") or "", deployment=deployment or "")
            station = deployment
        time_text = _first(row, "eventStart", "timestamp")
        when = parse_datetime(time_text) if time_text else None
        if time_text is None:
            issues.add(source, layer, number, "missing_date", "kept", "warning",
                       QT_TR_NOOP("Observation {id} has no time; kept without one."),
                       id=_first(row, "observationID") or "")
        elif when is None:
            issues.add(source, layer, number, "unparseable_date", "kept", "warning",
                       QT_TR_NOOP("Observation {id}: time '{value}' cannot be read; kept without one."),
                       id=_first(row, "observationID") or "", value=time_text)
        count_text = _first(row, "count")
        count = parse_number(count_text) if count_text else 1.0
        if count is None or count < 1 or not float(count).is_integer():
            issues.add(source, layer, number, "missing_value", "fixed", "warning",
                       QT_TR_NOOP("Count '{value}' is not a whole number of 1 or more; 1 was stored."),
                       value=count_text or "")
            count = 1.0
        record = {
            "station_id": station,
            "datetime": when,
            "species": _first(row, "scientificName"),
            "individual_id": _first(row, "individualID"),
            "sex": _first(row, "sex"),
            "count": int(count),
            "event_id": event,
            "session": None,
            "occasion": None,
            "source": source,
            "deployment_id": deployment,
        }
        if level == "media" and event is not None:
            key = (deployment, event, record["species"], record["individual_id"], record["sex"],
                   _first(row, "lifeStage"))
            kept = media_groups.get(key)
            if kept is None:
                media_groups[key] = record
                records.append(record)
            else:
                kept["count"] = max(kept["count"], record["count"])
                if record["datetime"] and (kept["datetime"] is None or _earlier(record["datetime"],
                                                                                kept["datetime"])):
                    kept["datetime"] = record["datetime"]
            continue
        records.append(record)
    frame = pd.DataFrame(records, columns=columns)
    frame["count"] = frame["count"].astype("int64")
    return frame


def _earlier(a: str, b: str) -> bool:
    first, second = iso_to_datetime(a), iso_to_datetime(b)
    if first is None or second is None:
        return False
    if (first.tzinfo is None) != (second.tzinfo is None):
        first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
    return first < second
