"""Camera stations on ridges and saddles, spaced relative to the animals' movement scale σ (metres)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..analysis.coverage import (
    check_metric,
    point_segment_d2,
    points_xy,
    sample_bilinear,
)
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .inputs import PlanWarning, _densify, _geoms, _line_arrays, _positive, _segs, _union

STATION_FIELDS: Tuple[str, ...] = ("station_id", "nearest_m", "suitability", "on_ridge", "existing")


@dataclass
class CameraPlan:
    """The result of :func:`plan_cameras`.

    Attributes:
        stations: GeoDataFrame of Points with :data:`STATION_FIELDS` (existing stations first, then new ones in
            pick order).
        warnings: :class:`PlanWarning` of requests not met in full.
        candidates: number of candidate positions considered.
    """

    stations: Any
    warnings: List[PlanWarning] = field(default_factory=list)
    candidates: int = 0


def saddles_on_ridges(ridges: Any, dem: np.ndarray, dem_grid: Grid, min_drop_m: float = 20.0) -> np.ndarray:
    """Saddles along ridge lines: low points of the elevation profile at least ``min_drop_m`` below both sides.

    The ridge segments are merged into continuous lines first (``shapely.ops.linemerge``), the DEM sampled
    every half pixel along them (bilinear) and the minima found by their prominence
    (``scipy.signal.find_peaks`` on -z), as :func:`~.ridges.extract_ridges` does.

    Returns:
        (n, 2) saddle coordinates (m).
    """
    from scipy.signal import find_peaks
    from shapely.geometry import LineString, MultiLineString
    from shapely.ops import linemerge

    parts = _line_arrays(ridges)
    if not parts:
        return np.zeros((0, 2))
    merged = linemerge(MultiLineString([LineString(xy) for xy in parts]))
    lines = list(merged.geoms) if hasattr(merged, "geoms") else [merged]
    out = []
    for line in lines:
        xy = _densify(np.asarray(line.coords)[:, :2], dem_grid.pixel / 2.0)
        z = sample_bilinear(dem, dem_grid, xy[:, 0], xy[:, 1])
        if len(z) < 3 or not np.isfinite(z).all():
            continue
        peaks, _ = find_peaks(-z, prominence=max(min_drop_m, 1e-9))
        out.extend(xy[peaks])
    return np.asarray(out, dtype=np.float64).reshape(-1, 2)


def _cell_values(array: np.ndarray, grid: Grid, xy: np.ndarray) -> np.ndarray:
    """Value of the cell containing each point (NaN outside the grid)."""
    c = np.floor((xy[:, 0] - grid.x0) / grid.pixel).astype(np.int64)
    r = np.floor((grid.y0 - xy[:, 1]) / grid.pixel).astype(np.int64)
    ok = (c >= 0) & (c < grid.width) & (r >= 0) & (r < grid.height)
    out = np.full(len(xy), np.nan)
    out[ok] = np.asarray(array, dtype=np.float64)[r[ok], c[ok]]
    return out


def plan_cameras(habitat: np.ndarray, grid: Grid, n_stations: int, *, ridges: Any = None,
                 dem: Optional[np.ndarray] = None, dem_grid: Optional[Grid] = None, sigma: float = 3000.0,
                 min_spacing: float = 3000.0, existing: Any = None, existing_ids: Optional[Sequence[Any]] = None,
                 exclude: Any = None, threshold: float = 0.5, ridge_bonus: float = 1.0, saddle_bonus: float = 0.5,
                 saddle_min_drop_m: float = 20.0, candidate_step_m: Optional[float] = None, crs: Any = None,
                 feedback: Optional[Feedback] = None) -> CameraPlan:
    """Place ``n_stations`` new camera stations in suitable habitat, on ridges and saddles, spread by sigma.

    Candidates: points every ``candidate_step_m`` along the ridge lines (``on_ridge``), the saddles found on them
    with the DEM, and the cell centres of a lattice of the same step over the habitat grid; only where habitat
    >= ``threshold`` and outside the exclusion polygons. Each scores ``habitat x (1 + ridge_bonus [on a ridge]
    + saddle_bonus [at a saddle])``. Stations are picked one at a time (existing ones kept and placed first):
    the candidate with the highest ``score x prod_j (1 - exp(-d_j² / 2 sigma²))`` over the stations ``j``
    already placed, among those at least ``min_spacing`` from all of them. The product penalises stations
    closer than about 2 sigma to each other, so the array spreads over several home ranges; ties go to the
    first candidate (ridge points in line order, then saddles, then the lattice row by row): deterministic.

    Args:
        habitat: 0..1 suitability on ``grid`` (NaN: not habitat); rasterise polygons first.
        grid: its grid (metric CRS).
        n_stations: number of new stations wanted (>= 0).
        ridges: ridge lines (optional); dem, dem_grid: DEM for saddles (optional).
        sigma: SCR movement scale, metres (default 3000).
        min_spacing: minimum distance between stations, metres (a hard limit for new stations).
        existing: existing stations (points), kept; existing_ids: their ids (default ``E01``...).
        exclude: polygons where no station goes.
        threshold: minimum habitat value of a station's cell.
        ridge_bonus, saddle_bonus: score weights toward ridges and saddles.
        saddle_min_drop_m: depth of a saddle below the ridge on both sides (m).
        candidate_step_m: spacing of candidate points (default: max(pixel, min(250, min_spacing / 4))).
        crs: CRS of the output (default: the grid's).
        feedback: cancellation.

    Returns:
        :class:`CameraPlan`; new stations are ``P01``, ``P02``... When fewer than ``n_stations`` fit at the
        spacing, as many as fit are placed and a warning says so.

    Raises:
        ParameterError: negative count, non-positive sigma, negative spacing. InputError: no suitable habitat.
    """
    import geopandas as gpd
    from shapely.geometry import Point

    if int(n_stations) < 0:
        raise ParameterError(QT_TR_NOOP("The number of stations must be 0 or more; got {value}."), value=n_stations)
    sigma = _positive(sigma, QT_TR_NOOP("Sigma must be a positive distance in metres; got {value}."))
    min_spacing = float(min_spacing)
    if not (math.isfinite(min_spacing) and min_spacing >= 0):
        raise ParameterError(QT_TR_NOOP("The minimum spacing must be 0 or more metres; got {value}."),
                             value=min_spacing)
    check_metric(grid.crs, "The habitat grid")
    crs = crs if crs is not None else grid.crs
    hab = np.asarray(habitat, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        suitable = np.isfinite(hab) & (hab >= threshold) & (hab > 0)
    if not suitable.any():
        raise InputError(QT_TR_NOOP("No habitat cell reaches the suitability threshold {threshold}; lower the "
                                    "threshold or check the habitat layer."), threshold=threshold)
    step = float(candidate_step_m) if candidate_step_m else max(grid.pixel, min(250.0, max(min_spacing, 1.0) / 4))
    ridge_parts = _line_arrays(ridges)
    pts, kind = [], []
    for xy in ridge_parts:
        d = _densify(xy, step)
        pts.append(d)
        kind.append(np.ones(len(d), dtype=np.int8))
    if ridge_parts and dem is not None and dem_grid is not None:
        sad = saddles_on_ridges(ridge_parts, dem, dem_grid, saddle_min_drop_m)
        pts.append(sad)
        kind.append(np.full(len(sad), 2, dtype=np.int8))
    stride = max(1, int(round(step / grid.pixel)))
    rr, cc = np.nonzero(suitable[::stride, ::stride])
    rr, cc = rr * stride, cc * stride
    xs, ys = grid.centres()
    pts.append(np.column_stack([xs[cc], ys[rr]]))
    kind.append(np.zeros(len(rr), dtype=np.int8))
    cand = np.vstack(pts)
    kinds = np.concatenate(kind)
    suit = _cell_values(hab, grid, cand)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(suit) & (suit >= threshold) & (suit > 0)
    zone = _union(_geoms(exclude))
    if zone is not None and not zone.is_empty:
        from shapely.prepared import prep

        pz = prep(zone)
        ok &= np.array([not pz.intersects(Point(x, y)) for x, y in cand])
    cand, kinds, suit = cand[ok], kinds[ok], suit[ok]
    score = suit * (1.0 + ridge_bonus * (kinds >= 1) + saddle_bonus * (kinds == 2))
    check_cancel(feedback)
    existing_xy = points_xy(existing) if existing is not None else np.zeros((0, 2))
    factor = np.ones(len(cand))
    allowed = np.ones(len(cand), dtype=bool)
    two_s2 = 2.0 * sigma * sigma

    def place(x: float, y: float) -> None:
        d2 = (cand[:, 0] - x) ** 2 + (cand[:, 1] - y) ** 2
        factor[:] *= 1.0 - np.exp(-d2 / two_s2)
        allowed[:] &= d2 >= min_spacing * min_spacing - 1e-6

    for x, y in existing_xy:
        place(x, y)
    new_xy = []
    warnings_: List[PlanWarning] = []
    for _ in range(int(n_stations)):
        check_cancel(feedback)
        value = np.where(allowed, score * factor, -1.0)
        if not len(value) or value.max() < 0:
            break
        k = int(np.argmax(value))
        new_xy.append(cand[k].copy())
        place(*cand[k])
        allowed[k] = False
    if len(new_xy) < int(n_stations):
        warnings_.append(PlanWarning(QT_TR_NOOP("Only {placed} of the {wanted} new stations fit in the suitable "
                                                "habitat at a spacing of {spacing:.0f} m; lower the minimum spacing "
                                                "or the number of stations."),
                                     placed=len(new_xy), wanted=int(n_stations), spacing=min_spacing))
    new = np.asarray(new_xy, dtype=np.float64).reshape(-1, 2)
    allxy = np.vstack([existing_xy, new])
    ids: List[Any] = list(existing_ids) if existing_ids is not None else []
    ids = [str(v) if v is not None else f"E{i + 1:02d}" for i, v in enumerate(ids)]
    ids += [f"E{i + 1:02d}" for i in range(len(ids), len(existing_xy))]
    ids = ids[:len(existing_xy)] + [f"P{i + 1:02d}" for i in range(len(new))]
    if len(allxy) >= 2:
        d = np.sqrt(((allxy[:, None, :] - allxy[None, :, :]) ** 2).sum(axis=2))
        np.fill_diagonal(d, np.inf)
        nearest = d.min(axis=1)
    else:
        nearest = np.full(len(allxy), np.nan)
    on_ridge = np.zeros(len(allxy), dtype=np.int64)
    if ridge_parts and len(allxy):
        segs = np.vstack([_segs(xy) for xy in ridge_parts])
        tol = max(grid.pixel, step) / 2.0 + 1e-6
        for i, (x, y) in enumerate(allxy):
            d2 = point_segment_d2(x, y, segs[:, 0], segs[:, 1], segs[:, 2], segs[:, 3])
            on_ridge[i] = int(d2.min() <= tol * tol)
    frame = gpd.GeoDataFrame({
        "station_id": ids,
        "nearest_m": nearest,
        "suitability": _cell_values(hab, grid, allxy) if len(allxy) else np.zeros(0),
        "on_ridge": on_ridge,
        "existing": np.r_[np.ones(len(existing_xy), dtype=np.int64), np.zeros(len(new), dtype=np.int64)],
    }, geometry=[Point(x, y) for x, y in allxy], crs=crs)
    return CameraPlan(frame, warnings_, int(len(cand)))
