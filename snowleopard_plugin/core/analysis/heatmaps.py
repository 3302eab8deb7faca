"""The habitat-use heatmap job: choose signs, weigh them, smooth them, correct for effort.

This is what ``snowleopard:heatmap`` and the dock's Heatmaps page run; the
density arithmetic itself is in :mod:`.density`. Coordinates are in the
season's metric CRS (metres).
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from numpy.typing import DTypeLike

from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..model import OBS_TYPES
from ..raster import Grid, check_grid_size
from . import density


def parse_sign_types(text: Optional[str]) -> Optional[List[str]]:
    """Sign types chosen by the user, as codes.

    Accepts codes (``track,scrape``), their positions in :data:`~.model.OBS_TYPES`
    (``0,1``), or names as field teams write them (``след; поскрёб``).
    Empty or None: all types.

    Raises:
        ParameterError: a name that is no sign type.
    """
    from ..io.vocabulary import sign_type_code

    if text is None or not str(text).strip():
        return None
    codes: List[str] = []
    for token in str(text).replace(";", ",").split(","):
        token = token.strip()
        if not token:
            continue
        if token.isdigit() and int(token) < len(OBS_TYPES):
            code = OBS_TYPES[int(token)]
        elif token.lower() in OBS_TYPES:
            code = token.lower()
        else:
            code = sign_type_code(token)
        if code is None:
            raise ParameterError(QT_TR_NOOP("Unknown sign type {name}: use one of {codes}."), name=token,
                                 codes=", ".join(OBS_TYPES))
        if code not in codes:
            codes.append(code)
    return codes or None


def parse_type_weights(text: Optional[str]) -> Dict[str, float]:
    """Weights per sign type from ``track=1, scrape=2, mating_call=0.5`` (codes or field names)."""
    weights: Dict[str, float] = {}
    if text is None or not str(text).strip():
        return weights
    for item in str(text).replace(";", ",").split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        codes = parse_sign_types(name) if sep else None
        try:
            number = float(value.replace(" ", "").replace(",", "."))
        except ValueError:
            number = float("nan")
        if not codes or not math.isfinite(number) or number < 0:
            raise ParameterError(QT_TR_NOOP("Cannot read the sign weight {item}: write type=weight, for example "
                                            "track=1, scrape=2."), item=item.strip())
        weights[codes[0]] = number
    return weights


def _date(text: Optional[str]) -> Optional[_dt.date]:
    if not text:
        return None
    try:
        return _dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


@dataclass
class SignSelection:
    """Which signs went into a heatmap, and why the others did not."""

    kept: np.ndarray
    weights: np.ndarray
    counts: Dict[str, int] = field(default_factory=dict)


def select_signs(types: Sequence[Optional[str]], dates: Sequence[Optional[str]],
                 sign_types: Optional[Sequence[str]] = None, date_from: Optional[_dt.date] = None,
                 date_to: Optional[_dt.date] = None, type_weights: Optional[Dict[str, float]] = None,
                 feature_weights: Optional[Sequence[Optional[float]]] = None) -> SignSelection:
    """Choose signs by type and date window and give each its weight.

    Args:
        types: ``obs_type`` per sign (None counts as ``other``).
        dates: ISO 8601 date or datetime per sign (None: undated).
        sign_types: the codes to keep; None keeps all.
        date_from, date_to: inclusive window; undated signs are left out when a window is set.
        type_weights: weight per code (default 1).
        feature_weights: a weight per sign from a field, multiplied in (None values count as 1).

    Returns:
        a :class:`SignSelection` with the mask of kept signs, their weights, and counts of what was
        left out (``type``, ``date``, ``undated``, ``zero_weight``).
    """
    n = len(types)
    kept = np.ones(n, dtype=bool)
    weights = np.ones(n, dtype=float)
    counts = {"type": 0, "date": 0, "undated": 0, "zero_weight": 0}
    wanted = set(sign_types) if sign_types else None
    type_weights = type_weights or {}
    for i in range(n):
        code = types[i] or "other"
        if wanted is not None and code not in wanted:
            kept[i] = False
            counts["type"] += 1
            continue
        if date_from is not None or date_to is not None:
            day = _date(dates[i])
            if day is None:
                kept[i] = False
                counts["undated"] += 1
                continue
            if (date_from is not None and day < date_from) or (date_to is not None and day > date_to):
                kept[i] = False
                counts["date"] += 1
                continue
        weight = type_weights.get(code, 1.0)
        if feature_weights is not None and feature_weights[i] is not None:
            weight *= float(feature_weights[i])
        if not math.isfinite(weight) or weight < 0:
            raise ParameterError(QT_TR_NOOP("Sign {index} has a missing or negative weight; weights must be 0 or "
                                            "more."), index=i + 1)
        if weight == 0:
            kept[i] = False
            counts["zero_weight"] += 1
            continue
        weights[i] = weight
    return SignSelection(kept, weights[kept], counts)


def heatmap_grid(x: np.ndarray, y: np.ndarray, radius: float, pixel: float, crs: Optional[str],
                 extent: Optional[Tuple[float, float, float, float]] = None,
                 lines: Sequence[np.ndarray] = ()) -> Grid:
    """The output grid: the given extent, else the signs' (and routes') extent padded by the radius.

    Corners are multiples of the pixel size so that all maps of a season line up.
    """
    if extent is not None:
        xmin, ymin, xmax, ymax = extent
        if not (xmax > xmin and ymax > ymin):
            raise ParameterError(QT_TR_NOOP("The extent is empty: draw or choose a larger one."))
        xmin, ymin = math.floor(xmin / pixel) * pixel, math.floor(ymin / pixel) * pixel
        xmax, ymax = math.ceil(xmax / pixel) * pixel, math.ceil(ymax / pixel) * pixel
        return check_grid_size(Grid.from_extent(xmin, ymin, xmax, ymax, pixel, crs))
    xs, ys = [np.asarray(x, float)], [np.asarray(y, float)]
    for line in lines:
        xs.append(line[:, 0])
        ys.append(line[:, 1])
    return check_grid_size(density.grid_for_points(np.concatenate(xs), np.concatenate(ys), radius, pixel, crs))




def sign_heatmap(x: np.ndarray, y: np.ndarray, weights: np.ndarray, radius: float, pixel: float,
                 kernel: int = density.QUARTIC, decay: float = 0.0, radii: Optional[np.ndarray] = None,
                 crs: Optional[str] = None, extent: Optional[Tuple[float, float, float, float]] = None,
                 effort_lines: Optional[Sequence[np.ndarray]] = None, min_effort_km: float = 1.0,
                 feedback: Optional[Feedback] = None, dtype: DTypeLike = np.float32) -> Tuple[np.ndarray, Grid]:
    """Kernel density of the chosen signs, or signs per km of route when effort lines are given.

    Args:
        x, y: the chosen signs (m), weights: their weights.
        radius: kernel radius (m); radii: per-sign radii (m) instead.
        pixel: cell size (m).
        kernel, decay: QGIS's kernel code and the triangular decay ratio.
        crs: the season CRS (text), checked to be metric.
        extent: output extent (m), else the data's padded extent.
        effort_lines: routes walked as (n, 2) arrays: the output becomes signs per km of route,
            NaN where less than ``min_effort_km`` of route lies within the kernel.
        feedback: progress and cancellation.
        dtype: type of the map: float32 (default; the GeoTIFF is float32 anyway, and a 25-million-cell
            map takes 100 MB instead of 200 MB) or float64. Sums are formed in float64 either way.

    Returns:
        (map, grid): signs per km² (or signs per km), and its grid.
    """
    density.check_metric(crs)
    if len(x) == 0:
        raise InputError(QT_TR_NOOP("No sign is left after the choice of sign types and dates: widen the "
                                    "selection."))
    largest = float(np.max(radii)) if radii is not None and len(radii) else radius
    lines = list(effort_lines or [])
    grid = heatmap_grid(x, y, largest, pixel, crs, extent, lines)
    signs = density.kernel_density(x, y, grid, radius=radius, weights=weights, kernel=kernel, decay=decay,
                                   radii=radii, feedback=feedback, dtype=dtype)
    if effort_lines is None:
        return signs, grid
    if not lines:
        raise InputError(QT_TR_NOOP("The effort layer has no route line: choose the season's routes."))
    if radii is not None:
        raise ParameterError(QT_TR_NOOP("The effort-corrected map needs one radius for all signs: leave the radius "
                                        "field empty."))
    check_cancel(feedback)
    routes = density.line_density(lines, grid, radius, kernel=kernel, decay=decay, feedback=feedback, dtype=dtype)
    return density.effort_corrected(signs, routes, radius, kernel, decay, min_effort_km), grid


@dataclass
class StationRates:
    """Detections per 100 trap-nights at each camera station.

    Attributes:
        station_id: station ids, in the cameras' order (one row per station; deployments of one
            station are summed).
        x, y: station coordinates (m); the first deployment's place.
        trap_nights: effort per station (trap-nights).
        detections: detections per station.
        individuals: distinct individual ids detected per station.
        rate: detections per 100 trap-nights (NaN where trap-nights are 0).
        individual_ids: the individuals, sorted; ``per_individual[:, k]`` counts individual k.
        unknown_station: detections whose station is not among the cameras (left out).
    """

    station_id: List[str]
    x: np.ndarray
    y: np.ndarray
    trap_nights: np.ndarray
    detections: np.ndarray
    individuals: np.ndarray
    rate: np.ndarray
    individual_ids: List[str]
    per_individual: np.ndarray
    unknown_station: int = 0


def station_rates(station_ids: Sequence[str], x: Sequence[float], y: Sequence[float],
                  trap_nights: Sequence[Optional[float]], detection_stations: Sequence[Optional[str]],
                  detection_individuals: Sequence[Optional[str]] = (),
                  detection_species: Sequence[Optional[str]] = (), species: Optional[str] = None) -> StationRates:
    """Count detections per camera station and turn them into rates per 100 trap-nights.

    Args:
        station_ids, x, y, trap_nights: the cameras (one row per deployment; rows sharing a
            station id are one station, their trap-nights summed).
        detection_stations: station id of each detection.
        detection_individuals: individual id of each detection (None or '' when unidentified).
        detection_species: species of each detection; with ``species`` given, only detections
            whose species contains it (case-insensitive) count, and those without a species (secr
            capture histories name none).

    A detection is one event, whatever the number of animals in it.

    Raises:
        InputError: no camera station, or no trap-nights at any station.
    """
    if len(station_ids) == 0:
        raise InputError(QT_TR_NOOP("There are no camera stations: choose the season's cameras layer."))
    order: Dict[str, int] = {}
    sx: List[float] = []
    sy: List[float] = []
    effort: List[float] = []
    for sid, px, py, tn in zip(station_ids, x, y, trap_nights):
        key = str(sid)
        value = float(tn) if tn is not None and math.isfinite(float(tn)) else 0.0
        if key not in order:
            order[key] = len(order)
            sx.append(float(px))
            sy.append(float(py))
            effort.append(0.0)
        effort[order[key]] += value
    if not any(value > 0 for value in effort):
        raise InputError(QT_TR_NOOP("No camera station has trap-nights: check the deployment dates or the "
                                    "trap_nights field."))
    wanted = species.strip().lower() if species and species.strip() else None
    individuals = sorted({str(i) for i in detection_individuals if i not in (None, "")})
    index_of = {name: k for k, name in enumerate(individuals)}
    counts = np.zeros(len(order))
    per_individual = np.zeros((len(order), len(individuals)))
    seen: List[set] = [set() for _ in order]
    unknown = 0
    for i, station in enumerate(detection_stations):
        if wanted is not None:
            name = detection_species[i] if i < len(detection_species) else None
            if name not in (None, "") and wanted not in str(name).lower():
                continue  # another species; a detection without a species counts, as in secr capture histories
        row = order.get(str(station)) if station is not None else None
        if row is None:
            unknown += 1
            continue
        counts[row] += 1
        individual = detection_individuals[i] if i < len(detection_individuals) else None
        if individual not in (None, ""):
            per_individual[row, index_of[str(individual)]] += 1
            seen[row].add(str(individual))
    tn = np.asarray(effort)
    rate = density.camera_rates(tn, counts)
    return StationRates(list(order), np.asarray(sx), np.asarray(sy), tn, counts,
                        np.array([len(s) for s in seen]), rate, individuals, per_individual, unknown)
