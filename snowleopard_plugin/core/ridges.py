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

No scikit-image: the thinning and the tracing are numpy (vectorised over the
changing boundary) and a Python walk over skeleton cells only.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import geopandas as gpd
import numpy as np
from scipy import ndimage
from scipy.signal import find_peaks
from shapely.geometry import LineString, Point

from .exceptions import QT_TR_NOOP, ParameterError
from .feedback import Feedback, check_cancel
from .raster import Grid
from .terrain import _disk_sum, check_dem, terrain_metrics, tpi_window_radius_cells

SEGMENT_FIELDS: Tuple[str, ...] = ("segment_id", "ridge_id", "length_km", "mean_elev_m", "max_elev_m", "min_elev_m",
                                   "mean_slope_deg")
SADDLE_FIELDS: Tuple[str, ...] = ("saddle_id", "ridge_id", "elev_m", "depth_m")

# Neighbour offsets P2..P9 of Zhang-Suen: N, NE, E, SE, S, SW, W, NW.
_OFFSETS: Tuple[Tuple[int, int], ...] = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


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
# thinning


def _zhang_suen_luts() -> Tuple[np.ndarray, np.ndarray]:
    lut1 = np.zeros(256, dtype=bool)
    lut2 = np.zeros(256, dtype=bool)
    for code in range(256):
        p2, p3, p4, p5, p6, p7, p8, p9 = [(code >> i) & 1 for i in range(8)]
        seq = [p2, p3, p4, p5, p6, p7, p8, p9, p2]
        b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9
        a = sum(1 for i in range(8) if seq[i] == 0 and seq[i + 1] == 1)
        base = 2 <= b <= 6 and a == 1
        lut1[code] = base and p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0
        lut2[code] = base and p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0
    return lut1, lut2


_LUT1, _LUT2 = _zhang_suen_luts()


def thin(mask: np.ndarray, elevation: Optional[np.ndarray] = None, feedback: Optional[Feedback] = None) -> np.ndarray:
    """Thin a boolean mask to one-cell-wide 8-connected lines (Zhang-Suen), topology preserved.

    Args:
        mask: cells to thin.
        elevation: when given, a cell is removed only while one of its
            remaining neighbours is strictly higher, so lines follow crests;
            a plain pass follows to thin flat crests.
        feedback: cancellation.

    Returns:
        The thinned mask (a new array).
    """
    rows, cols = mask.shape
    width = cols + 2
    img = np.zeros((rows + 2, width), dtype=np.uint8)
    img[1:-1, 1:-1] = mask
    flat = img.ravel()
    offs = np.array([dr * width + dc for dr, dc in _OFFSETS], dtype=np.int64)
    weights = (1 << np.arange(8)).astype(np.int64)
    elev = None
    if elevation is not None:
        e = np.full((rows + 2, width), -np.inf)
        e[1:-1, 1:-1] = np.where(np.isfinite(elevation), elevation, -np.inf)
        elev = e.ravel()
    passes = [elev, None] if elev is not None else [None]
    for guide in passes:
        inner = ndimage.binary_erosion(img.astype(bool), structure=np.ones((3, 3), bool), border_value=0)
        cand = np.flatnonzero(img.astype(bool) & ~inner)
        while True:
            check_cancel(feedback)
            changed = False
            for lut in (_LUT1, _LUT2):
                cand = cand[flat[cand] == 1]
                if cand.size == 0:
                    break
                nb_idx = cand[:, None] + offs[None, :]
                nb = flat[nb_idx]
                ok = lut[nb.astype(np.int64) @ weights]
                if guide is not None:
                    higher = np.where(nb == 1, guide[nb_idx], -np.inf).max(axis=1)
                    ok &= higher > guide[cand]
                dele = cand[ok]
                if dele.size:
                    flat[dele] = 0
                    changed = True
                    new = (dele[:, None] + offs[None, :]).ravel()
                    new = new[flat[new] == 1]
                    cand = np.union1d(cand[~ok], new)
            if not changed:
                break
    return img[1:-1, 1:-1].astype(bool)


# ---------------------------------------------------------------------------
# tracing


def _graph_neighbours(skel: np.ndarray) -> Tuple[np.ndarray, Dict[int, List[int]]]:
    """Adjacency of skeleton cells: 4-neighbours, and diagonals not already joined through a 4-neighbour.

    Returns:
        (flat indices of skeleton cells in the padded grid, {cell: [neighbour cells]}); padded width = cols + 2.
    """
    rows, cols = skel.shape
    width = cols + 2
    img = np.zeros((rows + 2, width), dtype=bool)
    img[1:-1, 1:-1] = skel
    flat = img.ravel()
    cells = np.flatnonzero(flat)
    adj: Dict[int, List[int]] = {int(c): [] for c in cells}
    for dr, dc in _OFFSETS:
        off = dr * width + dc
        nb = cells + off
        ok = flat[nb]
        if dr != 0 and dc != 0:
            ok &= ~flat[cells + dr * width] & ~flat[cells + dc]
        for a, b in zip(cells[ok].tolist(), nb[ok].tolist()):
            adj[a].append(b)
    return cells, adj


class _Edge:
    __slots__ = ("u", "v", "pts", "alive")

    def __init__(self, u: object, v: object, pts: List[Tuple[float, float]]) -> None:
        self.u, self.v, self.pts, self.alive = u, v, pts, True

    def length(self) -> float:
        p = np.asarray(self.pts)
        return float(np.hypot(*np.diff(p, axis=0).T).sum()) if len(p) > 1 else 0.0


def _trace(skel: np.ndarray, feedback: Optional[Feedback] = None) -> List[_Edge]:
    """Trace a one-cell-wide skeleton into edges between nodes; points are (row, col) cell coordinates."""
    rows, cols = skel.shape
    width = cols + 2
    cells, adj = _graph_neighbours(skel)
    deg = {c: len(n) for c, n in adj.items()}

    def rc(c: int) -> Tuple[float, float]:
        return (float(c // width - 1), float(c % width - 1))

    # junction cells (degree >= 3), adjacent ones merged into one node placed at their centroid
    junction = [c for c in adj if deg[c] >= 3]
    node_of: Dict[int, object] = {}
    node_xy: Dict[object, Tuple[float, float]] = {}
    seen = set()
    for start in junction:
        if start in seen:
            continue
        stack, members = [start], []
        seen.add(start)
        while stack:
            c = stack.pop()
            members.append(c)
            for n in adj[c]:
                if deg[n] >= 3 and n not in seen:
                    seen.add(n)
                    stack.append(n)
        key = ("j", start)
        pts = np.array([rc(m) for m in members])
        node_xy[key] = (float(pts[:, 0].mean()), float(pts[:, 1].mean()))
        for m in members:
            node_of[m] = key
    for c in adj:
        if deg[c] <= 1:
            node_of[c] = ("e", c)
            node_xy[node_of[c]] = rc(c)

    edges: List[_Edge] = []
    used = set()
    for count, (c, key) in enumerate(list(node_of.items())):
        if count % 10000 == 0:
            check_cancel(feedback)
        for first in adj[c]:
            if (c, first) in used or node_of.get(first) == key:
                continue
            path = [c, first]
            prev, cur = c, first
            while cur not in node_of:
                nxt = [n for n in adj[cur] if n != prev]
                if not nxt:
                    break
                prev, cur = cur, nxt[0]
                path.append(cur)
            used.add((path[0], path[1]))
            used.add((path[-1], path[-2]))
            end = node_of.get(path[-1], ("e", path[-1]))
            pts = [rc(p) for p in path]
            if key[0] == "j":
                pts.insert(0, node_xy[key])
            if end[0] == "j":
                pts.append(node_xy[end])
            edges.append(_Edge(key, end, pts))
        if deg[c] == 0:
            edges.append(_Edge(key, key, [rc(c)]))
    # closed loops of degree-2 cells
    visited = set()
    for e in edges:
        for p in e.pts:
            visited.add(p)
    for c in adj:
        if deg[c] != 2 or rc(c) in visited:
            continue
        path = [c]
        prev, cur = c, adj[c][0]
        while cur != c:
            path.append(cur)
            nxt = [n for n in adj[cur] if n != prev]
            if not nxt:
                break
            prev, cur = cur, nxt[0]
        path.append(c)
        pts = [rc(p) for p in path]
        visited.update(pts)
        key = ("e", c)
        edges.append(_Edge(key, key, pts))
    return edges


def _prune_and_merge(edges: List[_Edge], min_length_cells: float) -> List[_Edge]:
    """Drop side stubs and isolated lines shorter than ``min_length_cells``; merge lines at degree-2 nodes."""
    edges = [e for e in edges if len(e.pts) > 1 or min_length_cells <= 0]
    while True:
        degree: Dict[object, int] = defaultdict(int)
        for e in edges:
            degree[e.u] += 1
            degree[e.v] += 1
        removed = False
        for e in sorted(edges, key=_Edge.length):
            if e.length() >= min_length_cells:
                break
            free_u, free_v = degree[e.u] == 1, degree[e.v] == 1
            if free_u and free_v:
                e.alive = False
            elif free_u and degree[e.v] >= 3:
                e.alive = False
                degree[e.v] -= 1
            elif free_v and degree[e.u] >= 3:
                e.alive = False
                degree[e.u] -= 1
            else:
                continue
            removed = True
        edges = [e for e in edges if e.alive]
        edges = _merge(edges)
        if not removed:
            return edges


def _merge(edges: List[_Edge]) -> List[_Edge]:
    """Join pairs of edges meeting at a node of degree two."""
    while True:
        at: Dict[object, List[_Edge]] = defaultdict(list)
        for e in edges:
            at[e.u].append(e)
            if e.v != e.u:
                at[e.v].append(e)
        merged = False
        for node, incident in at.items():
            if len(incident) != 2 or any(e.u == e.v for e in incident):
                continue
            a, b = incident
            if not (a.alive and b.alive):
                continue
            pa = a.pts if a.v == node else a.pts[::-1]
            pb = b.pts if b.u == node else b.pts[::-1]
            ua = a.u if a.v == node else a.v
            vb = b.v if b.u == node else b.u
            a.pts, a.u, a.v = pa + pb[1:], ua, vb
            b.alive = False
            merged = True
        edges = [e for e in edges if e.alive]
        if not merged:
            return edges


# ---------------------------------------------------------------------------
# public API


def _smooth(z: np.ndarray, sigma: float) -> np.ndarray:
    if sigma <= 0:
        return z
    valid = np.isfinite(z)
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
    position = terrain_metrics(zs, grid, ("tpi",), tpi_radius_m=radius, feedback=None)["tpi"]
    check_cancel(feedback)
    with np.errstate(invalid="ignore"):
        cand = position > tpi_min_m
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
    if feedback is not None:
        feedback.set_progress(30)
    skel = thin(cand, zs, feedback)
    # Where the candidate areas are cut by the edge of the valid TPI (DEM border, nodata), thinning bends the
    # lines along the cut; drop skeleton cells closer than the TPI radius to it.
    undefined = ~np.isfinite(position)
    if undefined.any():
        skel &= ndimage.distance_transform_edt(~undefined) > k
    return skel


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
    slope = terrain_metrics(z, grid, ("slope",), edges="extrapolate")["slope"]
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

    def sample(array: np.ndarray, xy: np.ndarray) -> np.ndarray:
        c = np.clip(np.floor((xy[:, 0] - grid.x0) / p).astype(int), 0, cols - 1)
        r = np.clip(np.floor((grid.y0 - xy[:, 1]) / p).astype(int), 0, rows - 1)
        return array[r, c]

    seg_rows, saddle_rows = [], []
    for ridge_id, e in enumerate(sorted(edges, key=lambda e: e.pts[0]), start=1):
        xy = to_xy(e.pts)
        if len(xy) < 2:
            continue
        # saddles: along the traced cells, before simplification
        profile = sample(z, xy)
        if len(profile) >= 3 and np.isfinite(profile).all():
            peaks, props = find_peaks(-profile, prominence=max(saddle_min_drop_m, 1e-9))
            for i, depth in zip(peaks, props["prominences"]):
                saddle_rows.append({"ridge_id": ridge_id, "elev_m": float(profile[i]), "depth_m": float(depth),
                                    "geometry": Point(xy[i])})
        line = np.asarray(LineString(xy).simplify(p / 2.0, preserve_topology=False).coords)
        cum = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(line, axis=0).T))])
        length = float(cum[-1])
        if length <= 0:
            continue
        n = max(1, int(math.ceil(length / segment_length_m - 1e-9)))
        for k in range(n):
            piece = _cut(line, cum, length * k / n, length * (k + 1) / n)
            m = max(2, int(math.ceil((length / n) / (p / 2.0))) + 1)
            pts = _cut(piece, None, 0.0, None, m)
            elev = sample(z, pts)
            slo = sample(slope, pts)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN samples give NaN, quietly
                seg_rows.append({"ridge_id": ridge_id, "length_km": length / n / 1000.0,
                                 "mean_elev_m": float(np.nanmean(elev)), "max_elev_m": float(np.nanmax(elev)),
                                 "min_elev_m": float(np.nanmin(elev)), "mean_slope_deg": float(np.nanmean(slo)),
                                 "geometry": LineString(piece)})
    lines = gpd.GeoDataFrame(seg_rows, columns=[f for f in SEGMENT_FIELDS if f != "segment_id"] + ["geometry"],
                             geometry="geometry", crs=grid.crs)
    lines.insert(0, "segment_id", np.arange(1, len(lines) + 1, dtype=np.int64))
    saddles = gpd.GeoDataFrame(saddle_rows, columns=["ridge_id", "elev_m", "depth_m", "geometry"],
                               geometry="geometry", crs=grid.crs)
    saddles.insert(0, "saddle_id", np.arange(1, len(saddles) + 1, dtype=np.int64))
    if feedback is not None:
        feedback.set_progress(100)
    return RidgeNetwork(lines, saddles, skel)


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
