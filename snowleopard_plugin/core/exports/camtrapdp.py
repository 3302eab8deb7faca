"""Writing a season's cameras and detections as a Camtrap DP 1.0 package.

The package (``datapackage.json``, ``deployments.csv``, ``media.csv``,
``observations.csv``) follows Camtrap DP 1.0.2, the TDWG standard that
camtrapR, Wildlife Insights, Agouti, Trapper and GBIF read; it validates
against the official profile and table schemas (see ``docs/exports.md``).

Choices:

* **Deployments.** One per camera row: ``deploymentID`` is the row's
  ``deployment_id`` when the season came from a Camtrap DP package, else the
  ``station_id`` (made unique with ``-2``, ``-3`` ... when a station was set
  up more than once); ``locationID`` and ``locationName`` are the
  ``station_id``, so importing the package gives back the same stations.
  Coordinates are WGS 84 latitude/longitude with 6 decimals (about 0.1 m).
  Camtrap DP requires deployment start and end: cameras without them cannot
  be exported (a secr import has only the effort).
* **Observations.** One event-level ``animal`` observation per detection,
  ``eventStart`` = ``eventEnd`` = the detection time, ``count``, ``sex``
  (``female``/``male``; other codes left empty), ``individualID``,
  ``scientificName``; attached to the deployment of its station that was
  running at that time (else the station's first deployment). Detections without
  a time cannot be exported (``eventStart`` is required) and are reported.
* **Media.** The season keeps no photos: ``media.csv`` holds the header only.
* **Times.** ISO 8601 with the offset as stored; a time without an offset gets
  the offset of the deployments (else ``Z``), and this is reported.
* **Generalisation.** With ``generalise_cell_m`` > 0 every deployment is moved
  to the centre of its cell (in the cameras' metric CRS) before conversion to
  WGS 84; ``coordinateUncertainty`` becomes half the cell diagonal, the cell
  size is written in ``deploymentTags`` (``generalised_m:10000``) and in the
  package description.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import math
import os
import uuid
from collections import Counter
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError
from ..feedback import Feedback, check_cancel
from ..fileio import atomic_output
from ..io.text import iso_to_datetime
from ..values import is_null as _isnull
from .generalise import cell_centres, check_cell_size, check_metric_crs

#: Camtrap DP version written.
VERSION = "1.0.2"
_BASE = f"https://raw.githubusercontent.com/tdwg/camtrap-dp/{VERSION}/"
PROFILE_URL = _BASE + "camtrap-dp-profile.json"

DEPLOYMENT_FIELDS = ["deploymentID", "locationID", "locationName", "latitude", "longitude", "coordinateUncertainty",
                     "deploymentStart", "deploymentEnd", "setupBy", "cameraID", "cameraModel", "cameraDelay",
                     "cameraHeight", "cameraDepth", "cameraTilt", "cameraHeading", "detectionDistance",
                     "timestampIssues", "baitUse", "featureType", "habitat", "deploymentGroups", "deploymentTags",
                     "deploymentComments"]
MEDIA_FIELDS = ["mediaID", "deploymentID", "captureMethod", "timestamp", "filePath", "filePublic", "fileName",
                "fileMediatype", "exifData", "favorite", "mediaComments"]
OBSERVATION_FIELDS = ["observationID", "deploymentID", "mediaID", "eventID", "eventStart", "eventEnd",
                      "observationLevel", "observationType", "cameraSetupType", "scientificName", "count",
                      "lifeStage", "sex", "behavior", "individualID", "individualPositionRadius",
                      "individualPositionAngle", "individualSpeed", "bboxX", "bboxY", "bboxWidth", "bboxHeight",
                      "classificationMethod", "classifiedBy", "classificationTimestamp",
                      "classificationProbability", "observationTags", "observationComments"]




def _sex(value: Any) -> str:
    text = "" if _isnull(value) else str(value).strip().lower()
    if text in ("f", "female", "ж", "самка"):
        return "female"
    if text in ("m", "male", "м", "самец"):
        return "male"
    return ""


def camtrapdp_tables(cameras: Any, detections: Any, title: str = "", generalise_cell_m: float = 0.0,
                     contributor: str = "", feedback: Optional[Feedback] = None
                     ) -> Tuple[Dict[str, Any], List[Dict[str, Any]], List[Dict[str, Any]],
                                List[Tuple[str, Dict[str, Any]]]]:
    """Build the package descriptor and the deployments and observations rows.

    Args:
        cameras: GeoDataFrame of cameras (``station_id``, ``deployment_start``, ``deployment_end``, optional
            ``deployment_id``) in any CRS that states itself (metric when generalising).
        detections: DataFrame of detections (``station_id``, ``datetime``, ``species``, ``individual_id``,
            ``sex``, ``count``, ``event_id``).
        title: the package and project title.
        generalise_cell_m: > 0: move deployments to cell centres of this size (metres) first.
        contributor: name of the contact (person or office); default the title.
        feedback: cancellation.

    Returns:
        ``(descriptor, deployments, observations, messages)``; messages are ``(template, fields)`` to translate.

    Raises:
        InputError: no cameras, no CRS, or cameras without deployment dates.
        CrsError: generalisation asked on geographic coordinates.
    """
    messages: List[Tuple[str, Dict[str, Any]]] = []
    if cameras is None or len(cameras) == 0:
        raise InputError(QT_TR_NOOP("The cameras layer is empty: a Camtrap DP package needs the deployments."))
    if cameras.crs is None:
        raise InputError(QT_TR_NOOP("The cameras layer has no CRS: set it (the season's UTM zone) so the "
                                    "coordinates can be written in WGS 84."))
    if "station_id" not in cameras.columns:
        raise InputError(QT_TR_NOOP("The cameras layer has no {field} field: use the season GeoPackage's "
                                    "cameras layer."), field="station_id")
    frame = cameras[[g is not None and not g.is_empty for g in cameras.geometry.values]]
    xs = np.array([g.x for g in frame.geometry.values], dtype=float)
    ys = np.array([g.y for g in frame.geometry.values], dtype=float)
    cell = 0.0
    if generalise_cell_m and float(generalise_cell_m) > 0:
        cell = check_cell_size(generalise_cell_m)
        check_metric_crs(frame.crs)
        xs, ys = cell_centres(xs, ys, cell)
    from pyproj import CRS, Transformer

    source = CRS.from_user_input(frame.crs)
    if source.is_geographic and source.equals(CRS.from_epsg(4326), ignore_axis_order=True):
        lon, lat = xs, ys
    else:
        transformer = Transformer.from_crs(source, CRS.from_epsg(4326), always_xy=True)
        lon, lat = (np.asarray(v, dtype=float) for v in transformer.transform(xs, ys))

    # deployments ------------------------------------------------------------------------------------------
    rows = frame.drop(columns=frame.geometry.name).to_dict("records")
    undated = [str(r.get("station_id")) for r in rows
               if iso_to_datetime(None if _isnull(r.get("deployment_start")) else str(r["deployment_start"])) is None
               or iso_to_datetime(None if _isnull(r.get("deployment_end")) else str(r["deployment_end"])) is None]
    if undated:
        raise InputError(QT_TR_NOOP("{n} cameras ({stations}) have no deployment start and end date; Camtrap DP "
                                    "requires them. Enter the setup and retrieval dates (a secr import has only "
                                    "the effort)."), n=len(undated), stations=", ".join(undated[:5]))
    offsets = Counter()
    for r in rows:
        for key in ("deployment_start", "deployment_end"):
            when = iso_to_datetime(str(r[key]))
            if when.tzinfo is not None:
                offsets[when.utcoffset()] += 1
    default_tz = _dt.timezone(offsets.most_common(1)[0][0]) if offsets else _dt.timezone.utc
    naive = [0]

    def aware(text: Any) -> Optional[_dt.datetime]:
        when = None if _isnull(text) else iso_to_datetime(str(text))
        if when is not None and when.tzinfo is None:
            naive[0] += 1
            when = when.replace(tzinfo=default_tz)
        return when

    deployments: List[Dict[str, Any]] = []
    by_station: Dict[str, List[Tuple[str, _dt.datetime, _dt.datetime]]] = {}
    used: set = set()
    uncertainty = int(math.ceil(cell * math.sqrt(2) / 2)) if cell else None
    for i, r in enumerate(rows):
        station = str(r["station_id"]).strip()
        dep = str(r["deployment_id"]).strip() if not _isnull(r.get("deployment_id")) else station
        base, n = dep, 1
        while dep in used:
            n += 1
            dep = f"{base}-{n}"
        used.add(dep)
        start, end = aware(r["deployment_start"]), aware(r["deployment_end"])
        by_station.setdefault(station, []).append((dep, start, end))
        row = {name: "" for name in DEPLOYMENT_FIELDS}
        row.update({"deploymentID": dep, "locationID": station, "locationName": station,
                    "latitude": f"{lat[i]:.6f}", "longitude": f"{lon[i]:.6f}",
                    "deploymentStart": start.isoformat(timespec="seconds"),
                    "deploymentEnd": end.isoformat(timespec="seconds")})
        if uncertainty:
            row["coordinateUncertainty"] = str(uncertainty)
            row["deploymentTags"] = f"generalised_m:{cell:g}"
        deployments.append(row)
    check_cancel(feedback)

    # observations ---------------------------------------------------------------------------------------
    observations: List[Dict[str, Any]] = []
    det_rows = [] if detections is None else detections.drop(
        columns=[c for c in ("geometry",) if c in detections.columns]).to_dict("records")
    no_time = unknown = 0
    species_seen: List[str] = []
    individuals = False
    for r in det_rows:
        station = None if _isnull(r.get("station_id")) else str(r["station_id"]).strip()
        if station not in by_station:
            unknown += 1
            continue
        when = aware(r.get("datetime"))
        if when is None:
            no_time += 1
            continue
        candidates = by_station[station]
        dep = next((d for d, a, b in candidates if a <= when <= b), candidates[0][0])
        count = r.get("count")
        count = 1 if _isnull(count) or float(count) < 1 else int(float(count))
        species = "" if _isnull(r.get("species")) else str(r["species"]).strip()
        if species and species not in species_seen:
            species_seen.append(species)
        individual = "" if _isnull(r.get("individual_id")) else str(r["individual_id"]).strip()
        individuals = individuals or bool(individual)
        oid = f"obs{len(observations) + 1:06d}"
        row = {name: "" for name in OBSERVATION_FIELDS}
        row.update({"observationID": oid, "deploymentID": dep,
                    "eventID": str(r["event_id"]).strip() if not _isnull(r.get("event_id")) else oid,
                    "eventStart": when.isoformat(timespec="seconds"), "eventEnd": when.isoformat(timespec="seconds"),
                    "observationLevel": "event", "observationType": "animal", "scientificName": species,
                    "count": str(count), "sex": _sex(r.get("sex")), "individualID": individual})
        observations.append(row)
    if unknown:
        messages.append((QT_TR_NOOP("{n} detections name a station that is not among the cameras and were left "
                                    "out."), {"n": unknown}))
    if no_time:
        messages.append((QT_TR_NOOP("{n} detections have no date and time and were left out: Camtrap DP requires "
                                    "the event time."), {"n": no_time}))
    if naive[0]:
        messages.append((QT_TR_NOOP("{n} times had no UTC offset; the cameras' offset {offset} was assumed."),
                         {"n": naive[0], "offset": default_tz.tzname(None)}))

    # descriptor ---------------------------------------------------------------------------------------------
    starts = [a for v in by_station.values() for _, a, _ in v]
    ends = [b for v in by_station.values() for _, _, b in v]
    title = (title or "").strip() or "Snow leopard census camera traps"
    description = "Camera-trap deployments and detections of a snow leopard census season, exported by the " \
                  "Snow Leopard Census QGIS plugin."
    if cell:
        description += (f" Coordinates are generalised: every deployment was moved to the centre of a "
                         f"{cell:g} m grid cell (generalised_m = {cell:g}).")
    w, e = float(np.min(lon)), float(np.max(lon))
    s, n = float(np.min(lat)), float(np.max(lat))
    if w == e:
        w, e = w - 1e-6, e + 1e-6
    if s == n:
        s, n = s - 1e-6, n + 1e-6
    descriptor: Dict[str, Any] = {
        "profile": PROFILE_URL,
        "name": "snowleopard-census-camera-traps",
        "id": str(uuid.uuid4()),
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "title": title,
        "description": description,
        "version": VERSION,
        "contributors": [{"title": (contributor or "").strip() or title, "role": "contact"}],
        "licenses": [{"name": "CC-BY-4.0", "scope": "data"}, {"name": "CC-BY-4.0", "scope": "media"}],
        "project": {"title": title, "samplingDesign": "targeted", "captureMethod": ["activityDetection"],
                    "individualAnimals": bool(individuals), "observationLevel": ["event"]},
        "spatial": {"type": "Polygon", "coordinates": [[[round(w, 6), round(s, 6)], [round(e, 6), round(s, 6)],
                                                        [round(e, 6), round(n, 6)], [round(w, 6), round(n, 6)],
                                                        [round(w, 6), round(s, 6)]]]},
        "temporal": {"start": min(starts).date().isoformat(), "end": max(ends).date().isoformat()},
        "taxonomic": [{"scientificName": name} for name in species_seen],
        "resources": [
            {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "schema": f"{_BASE}{name}-table-schema.json"}
            for name in ("deployments", "media", "observations")],
    }
    if cell:
        descriptor["generalised_m"] = cell
    messages.append((QT_TR_NOOP("Camtrap DP export: {deployments} deployments, {observations} observations."),
                     {"deployments": len(deployments), "observations": len(observations)}))
    return descriptor, deployments, observations, messages


def _write_csv(path: str, fields: List[str], rows: List[Dict[str, Any]]) -> None:
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow(row)


def export_camtrapdp(cameras: Any, detections: Any, folder: str, title: str = "", generalise_cell_m: float = 0.0,
                     contributor: str = "", feedback: Optional[Feedback] = None
                     ) -> List[Tuple[str, Dict[str, Any]]]:
    """Write a Camtrap DP 1.0 package into ``folder`` (see :func:`camtrapdp_tables`).

    Each file is written atomically; ``datapackage.json`` last, so a package
    with a descriptor is always complete.

    Returns:
        the messages (``(template, fields)``) for the log.

    Raises:
        InputError: as :func:`camtrapdp_tables`, or the folder does not exist.
    """
    if not folder or not os.path.isdir(folder):
        raise InputError(QT_TR_NOOP("The output folder {folder} does not exist."), folder=folder)
    descriptor, deployments, observations, messages = camtrapdp_tables(
        cameras, detections, title, generalise_cell_m, contributor, feedback)
    _write_csv(os.path.join(folder, "deployments.csv"), DEPLOYMENT_FIELDS, deployments)
    _write_csv(os.path.join(folder, "media.csv"), MEDIA_FIELDS, [])
    _write_csv(os.path.join(folder, "observations.csv"), OBSERVATION_FIELDS, observations)
    check_cancel(feedback)
    with atomic_output(os.path.join(folder, "datapackage.json")) as tmp:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(descriptor, handle, ensure_ascii=False, indent=2)
    return messages
