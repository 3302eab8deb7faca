"""Ridgelines from a DEM as a segmented line layer, and the saddles along them.

Method (see ``docs/terrain.md``):

1. The DEM is smoothed lightly (Gaussian, ``smooth_cells`` cells, NaN-aware) to
   keep single-cell noise from making crests.
2. Ridge cells are candidates where the topographic position index of the
   smoothed DEM, over a circle of ``tpi_radius_m``, exceeds ``tpi_min_m``
   metres (the cell stands out above its surroundings: crests, spurs, summits;
   a plane, however steep, has TPI 0). TPI needs its full window, so no ridge
   is looked for within ``tpi_radius_m`` of the DEM's edge or of nodata.
   Small holes in the candidate areas are filled. Crest cells closer than
   ``tpi_radius_m`` to where the TPI is undefined are dropped (thinning bends
   lines along such cuts), so ridges stop ``2 * tpi_radius_m`` from the DEM's
   edge and from nodata: give a DEM reaching that far beyond the study area.
3. The candidate areas are thinned to one-cell-wide lines by Zhang-Suen (1984)
   thinning, guided by elevation: a boundary cell is peeled only while it has
   a higher candidate neighbour, so the lines settle on the crest rather than
   on the middle of the area; a final plain Zhang-Suen pass thins flat crests.
4. The skeleton is traced into polylines between end points and junctions
   (adjacent junction cells are merged into one node), side stubs shorter than
   ``min_length_m`` are pruned (repeatedly; isolated lines shorter than it are
   dropped), lines joined at nodes left with two lines are merged, and the
   lines are simplified by ``pixel / 2``.
5. Each ridge (node to node) is cut into equal pieces no longer than
   ``segment_length_m``. Saddles are the local minima of the elevation profile
   along a ridge whose depth (the lower of the two highest points on either
   side before a lower point, minus the saddle) is at least
   ``saddle_min_drop_m`` (``scipy.signal.find_peaks`` prominence of -z).

No scikit-image: the thinning is numpy, vectorised over the cells whose
neighbourhood changed since they were last examined; the tracing follows all
chains of skeleton cells at once (pointer doubling over (cell, direction)
states), with Python loops only over junctions, edges and closed rings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import geopandas as gpd
import numpy as np
from scipy import ndimage
from scipy.signal import find_peaks
from shapely.geometry import LineString

from ..exceptions import QT_TR_NOOP, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .skeleton import _prune_and_merge, _trace, thin
from .terrain import _disk_sum, check_dem, terrain_metrics, tpi_window_radius_cells

#: The names of this module, with those moved to its pieces (re-exported for the callers).
__all__ = [
    "RidgeNetwork",
    "SADDLE_FIELDS",
    "SEGMENT_FIELDS",
    "extract_ridges",
    "ridge_skeleton",
    "ridges",
    "thin",
]

SEGMENT_FIELDS: Tuple[str, ...] = ("segment_id", "ridge_id", "length_km", "mean_elev_m", "max_elev_m", "min_elev_m",
                                   "mean_slope_deg")
SADDLE_FIELDS: Tuple[str, ...] = ("saddle_id", "ridge_id", "elev_m", "depth_m")


@dataclass
class RidgeNetwork:
    """Ridges extracted from a DEM.

    Attributes:
        lines: ridge segments (LineString, DEM's CRS) with :data:`SEGMENT_FIELDS`.
        saddles: saddle points (Point, DEM's CRS) with :data:`SADDLE_FIELDS`.
        skeleton: boolean grid of the thinned ridge cells before pruning.
    """

    lines: gpd.GeoDataFrame
    saddles: gpd.GeoDataFrame
    skeleton: np.ndarray


# ---------------------------------------------------------------------------
# public API


def _smooth(z: np.ndarray, sigma: float) -> np.ndarray:
    if sigma <= 0:
        return z
    valid = np.isfinite(z)
    if valid.all():
        # the filter of an all-ones grid is one same number everywhere (each cell sums the same weights in the
        # same order): take it from a small grid instead of filtering a second full one
        num = ndimage.gaussian_filter(np.asarray(z, dtype=np.float64), sigma, mode="nearest")
        size = 2 * int(4.0 * sigma + 0.5) + 3
        num /= ndimage.gaussian_filter(np.ones((size, size)), sigma, mode="nearest")[size // 2, size // 2]
        return num
    num = ndimage.gaussian_filter(np.where(valid, z, 0.0), sigma, mode="nearest")
    den = ndimage.gaussian_filter(valid.astype(np.float64), sigma, mode="nearest")
    with np.errstate(invalid="ignore", divide="ignore"):
        out = num / den
    out[~valid] = np.nan
    return out


def ridge_skeleton(dem: np.ndarray, grid: Grid, tpi_radius_m: Optional[float] = None, tpi_min_m: float = 5.0,
                   smooth_cells: float = 1.0, feedback: Optional[Feedback] = None) -> np.ndarray:
    """Boolean grid of crest cells, one cell wide (steps 1-3 of the module's method).

    Args:
        dem: elevation (metres), NaN for nodata; metric CRS.
        grid: its grid.
        tpi_radius_m: TPI circle radius in metres (default ``max(300, 3 * pixel)``).
        tpi_min_m: TPI (metres above the surrounding mean) a crest cell must exceed.
        smooth_cells: Gaussian sigma (cells) of the pre-smoothing; 0 for none.
        feedback: progress and cancellation.
    """
    radius = float(tpi_radius_m) if tpi_radius_m is not None else max(300.0, 3 * grid.pixel)
    k = tpi_window_radius_cells(radius, grid.pixel)
    z = check_dem(dem, grid, 2 * k + 1)
    zs = _smooth(z, smooth_cells)
    # small row blocks keep the disk sums in the CPU cache (same values: the sums run along rows)
    position = terrain_metrics(zs, grid, ("tpi",), tpi_radius_m=radius, block_rows=max(64, 4 * k),
                               feedback=None)["tpi"]
    check_cancel(feedback)
    with np.errstate(invalid="ignore"):
        cand = position > tpi_min_m
    undefined = ~np.isfinite(position)
    del position
    # fill holes smaller than the TPI disk
    _, disk_cells = _disk_sum(np.zeros((1, 1)), radius / grid.pixel)
    holes, n = ndimage.label(~cand)
    if n:
        sizes = np.bincount(holes.ravel())
        border = np.unique(np.concatenate([holes[0], holes[-1], holes[:, 0], holes[:, -1]]))
        small = sizes < disk_cells
        small[0] = False
        small[border] = False
        cand |= small[holes]
    del holes
    if feedback is not None:
        feedback.set_progress(30)
    skel = thin(cand, zs, feedback)
    del cand, zs
    # Where the candidate areas are cut by the edge of the valid TPI (DEM border, nodata), thinning bends the
    # lines along the cut; drop skeleton cells closer than the TPI radius to it.
    if undefined.any():
        _drop_near(skel, undefined, k)
    return skel


def _drop_near(skel: np.ndarray, undefined: np.ndarray, k: int) -> None:
    """Clear the ``skel`` cells whose centre is ``k`` cells or closer to an ``undefined`` cell (in place).

    Same rule as ``distance_transform_edt(~undefined) > k``, measured only from the skeleton cells: the nearest
    undefined cell of a defined cell always has a defined 8-neighbour (the step towards the cell would otherwise
    be undefined and nearer), so a k-d tree of those edge cells answers it.
    """
    from scipy.spatial import cKDTree

    rows, cols = np.nonzero(skel)
    if len(rows) == 0:
        return
    defined = ~undefined
    edge = undefined & ndimage.binary_dilation(defined, structure=np.ones((3, 3), bool))
    er, ec = np.nonzero(edge)
    del edge, defined
    if len(er) == 0:  # everything undefined
        skel[rows, cols] = False
        return
    tree = cKDTree(np.column_stack([er, ec]).astype(np.float64))
    dist, _ = tree.query(np.column_stack([rows, cols]).astype(np.float64), k=1, distance_upper_bound=k + 1.0,
                         workers=-1)
    close = dist <= k
    skel[rows[close], cols[close]] = False


def extract_ridges(dem: np.ndarray, grid: Grid, *, min_length_m: float = 500.0, segment_length_m: float = 1000.0,
                   tpi_radius_m: Optional[float] = None, tpi_min_m: float = 5.0, smooth_cells: float = 1.0,
                   saddle_min_drop_m: float = 20.0, feedback: Optional[Feedback] = None) -> RidgeNetwork:
    """Ridgelines as segments, and saddles along them.

    Args:
        dem: elevation (metres above sea level), NaN for nodata, in a metric CRS.
        grid: the DEM's grid (cell size in metres); the outputs are in its CRS.
        min_length_m: side stubs and isolated ridges shorter than this (metres) are dropped.
        segment_length_m: maximum segment length (metres); each ridge between
            nodes is cut into equal pieces no longer than this.
        tpi_radius_m: scale of the ridges looked for (metres, TPI circle radius);
            default ``max(300, 3 * pixel)``.
        tpi_min_m: how far (metres) a crest must stand above the mean of its circle.
        smooth_cells: Gaussian pre-smoothing sigma in cells (0: none).
        saddle_min_drop_m: minimum depth (metres) of a saddle below the ridge on both sides.
        feedback: progress and cancellation.

    Returns:
        :class:`RidgeNetwork` (segments with ``segment_id``, ``ridge_id``,
        ``length_km``, ``mean_elev_m``, ``max_elev_m``, ``min_elev_m``,
        ``mean_slope_deg``; saddles with ``saddle_id``, ``ridge_id``, ``elev_m``, ``depth_m``).

    Raises:
        CrsError: geographic DEM. InputError: all-NaN DEM. ParameterError: bad
            lengths, or a DEM smaller than the TPI window. Cancelled.
    """
    for name, value in (("min_length_m", min_length_m), ("saddle_min_drop_m", saddle_min_drop_m)):
        if not (math.isfinite(value) and value >= 0):
            raise ParameterError(QT_TR_NOOP("{name} must be zero or a positive number of metres; got {value}."),
                                 name=name, value=value)
    if not (math.isfinite(segment_length_m) and segment_length_m > 0):
        raise ParameterError(QT_TR_NOOP("The maximum segment length must be a positive number of metres; "
                                        "got {value}."), value=segment_length_m)
    skel = ridge_skeleton(dem, grid, tpi_radius_m, tpi_min_m, smooth_cells, feedback)
    z = np.asarray(dem, dtype=np.float64)
    check_cancel(feedback)
    edges = _trace(skel, feedback)
    edges = _prune_and_merge(edges, min_length_m / grid.pixel)
    if feedback is not None:
        feedback.set_progress(80)
    p = grid.pixel
    rows, cols = z.shape

    def to_xy(pts: List[Tuple[float, float]]) -> np.ndarray:
        a = np.asarray(pts, dtype=np.float64)
        return np.column_stack([grid.x0 + (a[:, 1] + 0.5) * p, grid.y0 - (a[:, 0] + 0.5) * p])

    def cells_of(xy: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        c = np.clip(np.floor((xy[:, 0] - grid.x0) / p).astype(np.int64), 0, cols - 1)
        r = np.clip(np.floor((grid.y0 - xy[:, 1]) / p).astype(np.int64), 0, rows - 1)
        return r, c

    seg_meta: List[Tuple[int, float]] = []
    seg_geoms: List[LineString] = []
    seg_samples: List[np.ndarray] = []
    saddle_meta: List[Tuple[int, float, float]] = []
    saddle_xy: List[np.ndarray] = []
    for ridge_id, e in enumerate(sorted(edges, key=lambda e: e.pts[0]), start=1):
        xy = to_xy(e.pts)
        if len(xy) < 2:
            continue
        # saddles: along the traced cells, before simplification
        profile = z[cells_of(xy)]
        if len(profile) >= 3 and np.isfinite(profile).all():
            peaks, props = find_peaks(-profile, prominence=max(saddle_min_drop_m, 1e-9))
            for i, depth in zip(peaks, props["prominences"]):
                saddle_meta.append((ridge_id, float(profile[i]), float(depth)))
                saddle_xy.append(xy[i])
        line = np.asarray(LineString(xy).simplify(p / 2.0, preserve_topology=False).coords)
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(line, axis=0).T))])
        length = float(cum[-1])
        if length <= 0:
            continue
        n = max(1, int(math.ceil(length / segment_length_m - 1e-9)))
        for k in range(n):
            piece = _cut(line, cum, length * k / n, length * (k + 1) / n)
            m = max(2, int(math.ceil((length / n) / (p / 2.0))) + 1)
            seg_samples.append(_cut(piece, None, 0.0, None, m))
            seg_meta.append((ridge_id, length / n / 1000.0))
            seg_geoms.append(LineString(piece))
    stats = _segment_stats(z, grid, seg_samples, cells_of)
    lines = gpd.GeoDataFrame({"segment_id": np.arange(1, len(seg_meta) + 1, dtype=np.int64),
                              "ridge_id": np.array([m[0] for m in seg_meta], dtype=np.int64),
                              "length_km": np.array([m[1] for m in seg_meta], dtype=np.float64), **stats},
                             geometry=gpd.GeoSeries(seg_geoms, crs=grid.crs), crs=grid.crs)
    lines = lines[list(SEGMENT_FIELDS) + ["geometry"]]
    sxy = np.array(saddle_xy, dtype=np.float64).reshape(-1, 2)
    saddles = gpd.GeoDataFrame({"saddle_id": np.arange(1, len(saddle_meta) + 1, dtype=np.int64),
                                "ridge_id": np.array([m[0] for m in saddle_meta], dtype=np.int64),
                                "elev_m": np.array([m[1] for m in saddle_meta], dtype=np.float64),
                                "depth_m": np.array([m[2] for m in saddle_meta], dtype=np.float64)},
                               geometry=gpd.points_from_xy(sxy[:, 0], sxy[:, 1], crs=grid.crs), crs=grid.crs)
    if feedback is not None:
        feedback.set_progress(100)
    return RidgeNetwork(lines, saddles, skel)


def _segment_stats(z: np.ndarray, grid: Grid, samples: List[np.ndarray], cells_of) -> Dict[str, np.ndarray]:
    """Mean, max and min elevation and mean slope of each segment from its sample points (NaN ignored)."""
    n = len(samples)
    if n == 0:
        return {name: np.zeros(0) for name in ("mean_elev_m", "max_elev_m", "min_elev_m", "mean_slope_deg")}
    counts = np.array([len(s) for s in samples], dtype=np.int64)
    r, c = cells_of(np.concatenate(samples))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    elev = z[r, c]
    slope = _slope_at(z, grid, r, c)

    def nanmean(v: np.ndarray) -> np.ndarray:
        ok = np.isfinite(v)
        total = np.add.reduceat(np.where(ok, v, 0.0), starts)
        k = np.add.reduceat(ok.astype(np.int64), starts)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(k > 0, total / np.maximum(k, 1), np.nan)

    return {"mean_elev_m": nanmean(elev), "max_elev_m": np.fmax.reduceat(elev, starts),
            "min_elev_m": np.fmin.reduceat(elev, starts), "mean_slope_deg": nanmean(slope)}


def _slope_at(z: np.ndarray, grid: Grid, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Horn slope (degrees) at cells ``(r, c)``, as ``terrain_metrics(..., edges="extrapolate")`` gives it.

    Inner cells are computed from their 3 x 3 window (a NaN neighbour takes the centre's value); when a cell
    lies on the DEM's border the whole slope grid is computed instead (rare: ridges keep away from the edge).
    """
    rows, cols = z.shape
    if len(r) == 0:
        return np.zeros(0)
    if r.min() < 1 or c.min() < 1 or r.max() > rows - 2 or c.max() > cols - 2:
        return terrain_metrics(z, grid, ("slope",), edges="extrapolate")["slope"][r, c]
    centre = z[r, c]

    def nb(dr: int, dc: int) -> np.ndarray:
        v = z[r + dr, c + dc]
        return np.where(np.isnan(v), centre, v)

    a, b, cc, d, f, g, h, i = (nb(-1, -1), nb(-1, 0), nb(-1, 1), nb(0, -1), nb(0, 1), nb(1, -1), nb(1, 0),
                               nb(1, 1))
    dzdx = ((cc + 2 * f + i) - (a + 2 * d + g)) / (8.0 * grid.pixel)
    dzdy = ((g + 2 * h + i) - (a + 2 * b + cc)) / (8.0 * grid.pixel)
    out = np.degrees(np.arctan(np.hypot(dzdx, dzdy)))
    out[~np.isfinite(centre)] = np.nan
    return out


def _cut(line: np.ndarray, cum: Optional[np.ndarray], start: float, stop: Optional[float],
         samples: Optional[int] = None) -> np.ndarray:
    """Part of a polyline between two distances along it (metres); or ``samples`` equally spaced points on it."""
    if cum is None:
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(line, axis=0).T))])
    if stop is None:
        stop = float(cum[-1])
    if samples is not None:
        at = np.linspace(start, stop, samples)
    else:
        inside = (cum > start) & (cum < stop)
        at = np.concatenate([[start], cum[inside], [stop]])
    return np.column_stack([np.interp(at, cum, line[:, 0]), np.interp(at, cum, line[:, 1])])


def ridges(dem: np.ndarray, grid: Grid, min_length_m: float = 500.0, segment_length_m: float = 1000.0,
           **kwargs: object) -> gpd.GeoDataFrame:
    """Ridge segments only; see :func:`extract_ridges` for the arguments and fields."""
    return extract_ridges(dem, grid, min_length_m=min_length_m, segment_length_m=segment_length_m,
                          **kwargs).lines  # type: ignore[arg-type]
