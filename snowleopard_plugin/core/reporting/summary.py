"""Season summary: the headline numbers of a season GeoPackage, computed without QGIS.

:func:`season_summary` reads the five layers of :mod:`.model` with OGR and
returns plain numbers (routes, km, teams, days, signs by type, stations,
trap-nights, detections, individuals, validation rows) and small tables (per
team, per station, per problem). The dock shows them after an import and the
season report prints them, so both show the same figures.

Definitions (the numbers a user can check in the attribute tables):

* **km**: the sum of ``routes.length_km`` (planimetric, in the season's metric
  CRS); **surface km** the sum of ``routes.surface_km`` (over the DEM), or
  None when no route has it.
* **teams**: distinct non-empty ``routes.team``; **days**: distinct
  ``routes.date`` (survey days, whatever the number of teams out that day).
* **signs**: observation *records* (rows of ``observations``), by ``obs_type``;
  ``sign_count`` is the sum of their ``count`` field (a missing count is 1).
  Mating calls are observations too and are counted under their own type.
* **stations**: distinct ``cameras.station_id`` (deployments of one station
  are one station); **trap-nights**: the sum of ``cameras.trap_nights``.
* **detections**: detection *events* (rows of ``detections``) of the target
  species (``species`` containing ``target_species``, case-insensitive; a row
  without a species, as in secr capture histories, counts as the target);
  ``detections_all`` counts every row whatever the species. **individuals**:
  distinct non-empty ``individual_id`` among the target detections.
* **detections per 100 trap-nights**: ``100 * detections / trap_nights``.
"""

from __future__ import annotations

import math
import os
from typing import Any, Dict, Iterator, Optional, Sequence

from .. import model
from ..exceptions import QT_TR_NOOP, InputError

#: The species a snow leopard census counts (matched case-insensitively as a substring).
TARGET_SPECIES = "Panthera uncia"


def _open(gpkg_path: str) -> Any:
    """Open a GeoPackage read-only, or raise InputError saying what to fix."""
    from osgeo import gdal

    if not gpkg_path or not os.path.isfile(gpkg_path):
        raise InputError(QT_TR_NOOP("The season GeoPackage {path} does not exist: import the season first or "
                                    "choose an existing season file."), path=gpkg_path)
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.OpenEx(gpkg_path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except RuntimeError:  # GDAL raises instead of returning None once gdal.UseExceptions() was called
        ds = None
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        raise InputError(QT_TR_NOOP("Cannot read {path} as a GeoPackage: choose the .gpkg file written by "
                                    "Import census season."), path=gpkg_path)
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    if not names.intersection(model.SEASON_LAYERS[:4]):
        raise InputError(QT_TR_NOOP("{path} is not a census season: it has none of the layers routes, "
                                    "observations, cameras, detections. Choose the GeoPackage written by "
                                    "Import census season."), path=gpkg_path)
    return ds


def _rows(ds: Any, name: str, fields: Sequence[str], geometry: bool = False) -> Iterator[Dict[str, Any]]:
    """Attribute rows of one layer (missing layer: no rows; missing field: None), and with ``geometry``
    its shapely geometry under ``"_geom"``."""
    layer = ds.GetLayerByName(name)
    if layer is None:
        return
    definition = layer.GetLayerDefn()
    index = {f: definition.GetFieldIndex(f) for f in fields}
    layer.ResetReading()
    for feature in layer:
        row = {f: (feature.GetField(i) if i >= 0 and feature.IsFieldSetAndNotNull(i) else None)
               for f, i in index.items()}
        if geometry:
            from shapely import wkb

            geom = feature.GetGeometryRef()
            row["_geom"] = None if geom is None or geom.IsEmpty() else wkb.loads(bytes(geom.ExportToIsoWkb()))
        yield row


def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _day(value: Any) -> Optional[str]:
    """The ``YYYY-MM-DD`` part of an ISO date or datetime text."""
    text = _text(value)
    return text[:10] if text and len(text) >= 10 and text[4] == "-" else None


def _is_target(species: Optional[str], target: Optional[str]) -> bool:
    if not target:
        return True
    if species is None:
        return True
    return target.strip().lower() in species.lower()


def season_summary(gpkg_path: str, target_species: Optional[str] = TARGET_SPECIES) -> Dict[str, Any]:
    """The headline numbers of a season GeoPackage.

    Args:
        gpkg_path: a season GeoPackage written by ``build_season`` (layers of :mod:`.model`;
            a missing layer counts as empty).
        target_species: detections whose species contains this text (case-insensitive)
            are the census's detections; None or "" counts every detection.

    Returns:
        A dict with

        * ``path``; ``layers``: feature count per season layer present;
        * ``routes`` (int), ``km`` (float, planimetric km), ``surface_km`` (float or None),
          ``teams`` (sorted list of names), ``n_teams``, ``days`` (distinct survey dates),
          ``first_date`` / ``last_date`` (``YYYY-MM-DD`` or None, from routes then signs);
        * ``signs`` (records), ``sign_count`` (sum of counts), ``signs_by_type``
          (every code of :data:`.model.OBS_TYPES`, plus any other code found), ``signs_per_km``
          (None when no km);
        * ``stations``, ``trap_nights`` (float), ``detections`` (target events),
          ``detections_all``, ``species`` (events per species name, None key for unknown),
          ``individuals`` (count) and ``individual_ids`` (sorted), ``detections_per_100tn``
          (None when no trap-nights);
        * ``validation`` (rows), ``validation_by_problem`` ({problem: rows}),
          ``validation_by_severity``;
        * ``per_team``: {team: {"routes", "days", "km", "surface_km", "signs", "signs_by_type"}}
          (team ``""`` for routes without a team; a sign belongs to the team of its
          ``route_id``, signs of no known route are under ``None``);
        * ``per_station``: {station_id: {"trap_nights", "detections", "individuals"}}
          (target detections; detections at stations not among the cameras are left out here).

    Raises:
        InputError: the file does not exist, is not a GeoPackage, or has none of the season layers.
    """
    ds = _open(gpkg_path)
    layers = {}
    for name in model.SEASON_LAYERS:
        layer = ds.GetLayerByName(name)
        if layer is not None:
            layers[name] = int(layer.GetFeatureCount())

    # Routes -------------------------------------------------------------------------------
    n_routes = 0
    km = 0.0
    surface = 0.0
    has_surface = False
    teams: Dict[str, Dict[str, Any]] = {}
    all_days = set()
    team_of_route: Dict[str, str] = {}
    for row in _rows(ds, model.ROUTES, ["route_id", "team", "date", "start_time", "length_km", "surface_km"]):
        n_routes += 1
        team = _text(row["team"]) or ""
        length = _number(row["length_km"]) or 0.0
        surf = _number(row["surface_km"])
        day = _day(row["date"]) or _day(row["start_time"])
        km += length
        entry = teams.setdefault(team, {"routes": 0, "days": set(), "km": 0.0, "surface_km": None, "signs": 0,
                                        "signs_by_type": {}})
        entry["routes"] += 1
        entry["km"] += length
        if surf is not None:
            has_surface = True
            surface += surf
            entry["surface_km"] = (entry["surface_km"] or 0.0) + surf
        if day:
            all_days.add(day)
            entry["days"].add(day)
        route_id = _text(row["route_id"])
        if route_id is not None:
            team_of_route[route_id] = team

    # Observations -----------------------------------------------------------------------------
    by_type: Dict[str, int] = {code: 0 for code in model.OBS_TYPES}
    n_signs = 0
    sign_count = 0
    sign_days = set()
    orphan: Dict[str, Any] = {"routes": 0, "days": set(), "km": 0.0, "surface_km": None, "signs": 0,
                              "signs_by_type": {}}
    for row in _rows(ds, model.OBSERVATIONS, ["obs_type", "count", "route_id", "datetime"]):
        n_signs += 1
        code = _text(row["obs_type"]) or "other"
        by_type[code] = by_type.get(code, 0) + 1
        count = _number(row["count"])
        sign_count += int(count) if count is not None and count > 0 else 1
        day = _day(row["datetime"])
        if day:
            sign_days.add(day)
        route_id = _text(row["route_id"])
        entry = teams.get(team_of_route[route_id]) if route_id in team_of_route else orphan
        entry["signs"] += 1
        entry["signs_by_type"][code] = entry["signs_by_type"].get(code, 0) + 1

    # Cameras and detections ----------------------------------------------------------------------
    stations: Dict[str, Dict[str, Any]] = {}
    trap_nights = 0.0
    for row in _rows(ds, model.CAMERAS, ["station_id", "trap_nights"]):
        station = _text(row["station_id"]) or ""
        tn = _number(row["trap_nights"]) or 0.0
        trap_nights += tn
        entry = stations.setdefault(station, {"trap_nights": 0.0, "detections": 0, "ids": set()})
        entry["trap_nights"] += tn
    n_detections = 0
    n_all = 0
    species_counts: Dict[Optional[str], int] = {}
    individuals = set()
    for row in _rows(ds, model.DETECTIONS, ["station_id", "species", "individual_id"]):
        n_all += 1
        species = _text(row["species"])
        species_counts[species] = species_counts.get(species, 0) + 1
        if not _is_target(species, target_species):
            continue
        n_detections += 1
        individual = _text(row["individual_id"])
        if individual is not None:
            individuals.add(individual)
        station = _text(row["station_id"])
        if station in stations:
            stations[station]["detections"] += 1
            if individual is not None:
                stations[station]["ids"].add(individual)

    # Validation ------------------------------------------------------------------------------
    n_validation = 0
    by_problem: Dict[str, int] = {}
    by_severity: Dict[str, int] = {}
    for row in _rows(ds, model.VALIDATION, ["problem", "severity"]):
        n_validation += 1
        problem = _text(row["problem"]) or "other"
        severity = _text(row["severity"]) or "info"
        by_problem[problem] = by_problem.get(problem, 0) + 1
        by_severity[severity] = by_severity.get(severity, 0) + 1
    ds = None

    days_known = sorted(all_days) or sorted(sign_days)
    per_team = {}
    for team, entry in sorted(teams.items()):
        per_team[team] = {"routes": entry["routes"], "days": len(entry["days"]), "km": entry["km"],
                          "surface_km": entry["surface_km"], "signs": entry["signs"],
                          "signs_by_type": dict(sorted(entry["signs_by_type"].items()))}
    if orphan["signs"]:
        per_team[None] = {"routes": 0, "days": 0, "km": 0.0, "surface_km": None, "signs": orphan["signs"],
                          "signs_by_type": dict(sorted(orphan["signs_by_type"].items()))}
    per_station = {sid: {"trap_nights": e["trap_nights"], "detections": e["detections"],
                         "individuals": len(e["ids"])} for sid, e in sorted(stations.items())}
    return {
        "path": gpkg_path,
        "layers": layers,
        "routes": n_routes,
        "km": km,
        "surface_km": surface if has_surface else None,
        "teams": sorted(t for t in teams if t),
        "n_teams": len([t for t in teams if t]),
        "days": len(all_days),
        "first_date": days_known[0] if days_known else None,
        "last_date": days_known[-1] if days_known else None,
        "signs": n_signs,
        "sign_count": sign_count,
        "signs_by_type": by_type,
        "signs_per_km": n_signs / km if km > 0 else None,
        "stations": len(stations),
        "trap_nights": trap_nights,
        "detections": n_detections,
        "detections_all": n_all,
        "species": species_counts,
        "individuals": len(individuals),
        "individual_ids": sorted(individuals),
        "detections_per_100tn": 100.0 * n_detections / trap_nights if trap_nights > 0 else None,
        "validation": n_validation,
        "validation_by_problem": dict(sorted(by_problem.items())),
        "validation_by_severity": by_severity,
        "per_team": per_team,
        "per_station": per_station,
    }


def is_empty(summary: Dict[str, Any]) -> bool:
    """True when a season holds no route, sign, camera or detection."""
    return not (summary["routes"] or summary["signs"] or summary["stations"] or summary["detections_all"])
