"""Plan next season: day transects along ridges under a km budget, camera stations, planned against walked.

All coordinates are metres in one projected (metric) CRS, the season's UTM zone; rasters follow
:class:`~.raster.Grid`. Lengths returned are km, areas km², elevations and ascents metres.

Day transects (:func:`plan_transects`, method and guarantee in ``docs/planner.md``):

* The ridge lines are a graph: segment end points (snapped within ``snap_m``) are nodes, segments are edges,
  each with its planimetric length, its surface length over the DEM and its climb in both directions.
  Edges touching an exclusion polygon are removed.
* With access points, every node gets an **approach**: the least-effort path from the nearest access point
  over a raster of the terrain (8-neighbour Dijkstra; effort = surface metres + ``climb_factor`` x climb),
  never through a cell an exclusion polygon touches. A day transect walks in from the access point nearest
  its start, along the ridge path, and back out to the access point nearest its end.
* Candidates are the simple ridge paths whose day length (approach in + ridge + approach out, surface km
  over the DEM; planimetric without one) is at most ``max_day_km``, enumerated depth-first from every node
  (at most ``max_paths_per_start`` per start node, best edges first).
* A candidate's value is the suitable habitat it newly searches: the sum, over the habitat grid's cells whose
  centre is within ``half_width`` of the walked line, of habitat value x cell area (km²), for cells with
  habitat >= ``threshold`` not already searched by the routes walked, the locked transects or earlier picks.
  This is a weighted coverage function: monotone and submodular.
* Locked transects come first (their km charged to the budget); then two lazy greedy runs on the rest of the
  budget, one by value per km (cost-benefit) and one by value, skipping candidates that no longer fit; the
  better of the two is returned. Transects go to teams by longest-first balancing of km, one per day.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..analysis.coverage import (
    check_half_width,
    check_metric,
    line_segments,
    mark_within,
    point_segment_d2,
    points_xy,
    sample_bilinear,
    walked_per_feature,
)
from ..exceptions import QT_TR_NOOP, InputError, ParameterError, SnowLeopardError
from ..feedback import Feedback, check_cancel
from ..raster import Grid

TRANSECT_FIELDS: Tuple[str, ...] = ("transect_id", "team", "day", "length_km", "surface_km", "ascent_m",
                                    "new_habitat_km2", "locked")
STATION_FIELDS: Tuple[str, ...] = ("station_id", "nearest_m", "suitability", "on_ridge", "existing")

#: Naismith's rule: 600 m of climb take as long as 5 km on the flat, so 1 m of climb ~ 8.3 m of walking.
NAISMITH_FACTOR = 5000.0 / 600.0


class PlanWarning(SnowLeopardError):
    """A request that could not be met in full; the plan returned is the best feasible one.

    Not raised: collected in the result's ``warnings`` so the caller can show them (translated).
    """


# ----------------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------------

def _positive(value: float, template: str, **fields: Any) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ParameterError(template, value=value, **fields)
    return value


def _geoms(layer: Any) -> List[Any]:
    """Non-empty shapely geometries of a GeoDataFrame / GeoSeries / list (None: [])."""
    if layer is None:
        return []
    if hasattr(layer, "geometry") and hasattr(layer, "columns"):
        check_metric(layer.crs, "A planning layer")
        values = list(layer.geometry.values)
    elif hasattr(layer, "geom_type") and hasattr(layer, "values") and hasattr(layer, "crs"):
        check_metric(layer.crs, "A planning layer")
        values = list(layer.values)
    elif hasattr(layer, "geom_type"):
        values = [layer]
    else:
        values = list(layer)
    return [g for g in values if g is not None and not g.is_empty]


def _line_arrays(layer: Any) -> List[np.ndarray]:
    """Coordinate arrays (n, 2) of each line part of a layer (lists of arrays pass through)."""
    out: List[np.ndarray] = []
    if layer is None:
        return out
    if isinstance(layer, np.ndarray):
        return [np.asarray(layer, dtype=np.float64)[:, :2]]
    items = layer if isinstance(layer, list) and layer and isinstance(layer[0], np.ndarray) else _geoms(layer)
    for g in items:
        if isinstance(g, np.ndarray):
            if len(g) >= 2:
                out.append(np.asarray(g, dtype=np.float64)[:, :2])
            continue
        parts = list(g.geoms) if hasattr(g, "geoms") else [g]
        for part in parts:
            xy = np.asarray(part.coords, dtype=np.float64)[:, :2]
            if len(xy) >= 2:
                out.append(xy)
    return out


def _union(geoms: Sequence[Any]) -> Any:
    from shapely.ops import unary_union

    return unary_union(list(geoms)) if geoms else None


def _segs(xy: np.ndarray) -> np.ndarray:
    return np.hstack([xy[:-1], xy[1:]])


def _densify(xy: np.ndarray, step: float) -> np.ndarray:
    """Points along a polyline no farther apart than ``step`` metres (vertices kept)."""
    out = [xy[:1]]
    for a, b in zip(xy[:-1], xy[1:]):
        n = max(1, int(math.ceil(float(np.hypot(*(b - a))) / step)))
        t = (np.arange(1, n + 1) / n)[:, None]
        out.append(a + t * (b - a))
    return np.vstack(out)


def line_profile(xy: np.ndarray, dem: Optional[np.ndarray],
                 dem_grid: Optional[Grid]) -> Tuple[float, float, float, float]:
    """Planimetric m, surface m, climb m and descent m of a polyline walked from its first vertex.

    Elevations are bilinear between DEM cell centres, sampled every half DEM pixel (steps with an unknown
    elevation count planimetric and add no climb).
    """
    xy = np.asarray(xy, dtype=np.float64)
    planar = float(np.hypot(*np.diff(xy, axis=0).T).sum()) if len(xy) > 1 else 0.0
    if dem is None or dem_grid is None or len(xy) < 2:
        return planar, planar, 0.0, 0.0
    pts = _densify(xy, dem_grid.pixel / 2.0)
    z = sample_bilinear(dem, dem_grid, pts[:, 0], pts[:, 1])
    h = np.hypot(*np.diff(pts, axis=0).T)
    dz = np.diff(z)
    dz = np.where(np.isfinite(dz), dz, 0.0)
    surface = float(np.sqrt(h * h + dz * dz).sum())
    return planar, surface, float(dz[dz > 0].sum()), float(-dz[dz < 0].sum())


def habitat_weights(habitat: np.ndarray, grid: Grid, threshold: float = 0.5) -> np.ndarray:
    """Value of each cell in km²: habitat value x cell area where habitat >= ``threshold`` (0 elsewhere, NaN = 0)."""
    h = np.asarray(habitat, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(h) & (h >= threshold) & (h > 0)
    return np.where(ok, h, 0.0) * (grid.pixel * grid.pixel / 1e6)


def cells_near_line(xy: np.ndarray, grid: Grid, half_width: float) -> np.ndarray:
    """Flat indices (row-major) of the grid cells whose centre is within ``half_width`` m of a polyline (exact)."""
    xy = np.asarray(xy, dtype=np.float64)
    if len(xy) == 1:
        xy = np.vstack([xy, xy])
    p = grid.pixel
    r = half_width + p
    c0 = max(int(math.floor((xy[:, 0].min() - r - grid.x0) / p)), 0)
    c1 = min(int(math.ceil((xy[:, 0].max() + r - grid.x0) / p)), grid.width)
    r0 = max(int(math.floor((grid.y0 - xy[:, 1].max() - r) / p)), 0)
    r1 = min(int(math.ceil((grid.y0 - xy[:, 1].min() + r) / p)), grid.height)
    if c0 >= c1 or r0 >= r1:
        return np.zeros(0, dtype=np.int64)
    sub = Grid(grid.x0 + c0 * p, grid.y0 - r0 * p, p, c1 - c0, r1 - r0, grid.crs)
    mask = mark_within(sub, _segs(xy), half_width)
    rr, cc = np.nonzero(mask)
    return (rr + r0).astype(np.int64) * grid.width + (cc + c0)


def line_profiles(lines: Sequence[np.ndarray], dem: Optional[np.ndarray],
                  dem_grid: Optional[Grid]) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`line_profile` of many polylines at once (vectorised; the same sampling and sums).

    Returns:
        Arrays of planimetric m, surface m, climb m and descent m, one value per line.
    """
    m = len(lines)
    zeros = np.zeros(m)
    if m == 0:
        return zeros, zeros.copy(), zeros.copy(), zeros.copy()
    counts = np.array([len(xy) for xy in lines], dtype=np.int64)
    xy = np.vstack([np.asarray(v, dtype=np.float64)[:, :2] for v in lines])
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    step_ok = np.ones(len(xy), dtype=bool)
    step_ok[first] = False  # a step joins a vertex to the previous one of the same line
    a, b = xy[:-1][step_ok[1:]], xy[1:][step_ok[1:]]
    line_of_step = np.repeat(np.arange(m), np.maximum(counts - 1, 0))
    seg_len = np.hypot(*(b - a).T)
    planar = np.bincount(line_of_step, weights=seg_len, minlength=m)
    if dem is None or dem_grid is None:
        return planar, planar.copy(), zeros.copy(), zeros.copy()
    pieces = np.maximum(1, np.ceil(seg_len / (dem_grid.pixel / 2.0)).astype(np.int64))
    seg_of = np.repeat(np.arange(len(a)), pieces)
    pos = np.arange(len(seg_of)) - np.repeat(np.cumsum(pieces) - pieces, pieces) + 1
    t = (pos / pieces[seg_of])[:, None]
    pts = a[seg_of] + t * (b[seg_of] - a[seg_of])
    line_of_pt = line_of_step[seg_of]
    # the first vertex of each line with at least one step, then its densified points
    has = counts >= 2
    starts = xy[first[has]]
    z0 = sample_bilinear(dem, dem_grid, starts[:, 0], starts[:, 1])
    z = sample_bilinear(dem, dem_grid, pts[:, 0], pts[:, 1])
    prev_z = np.concatenate([[np.nan], z[:-1]]) if len(z) else z
    prev_xy = np.vstack([pts[:1], pts[:-1]]) if len(pts) else pts
    new_line = np.ones(len(pts), dtype=bool)
    new_line[1:] = line_of_pt[1:] != line_of_pt[:-1]
    start_z = np.full(m, np.nan)
    start_z[has] = z0
    start_xy = np.zeros((m, 2))
    start_xy[has] = starts
    prev_z = np.where(new_line, start_z[line_of_pt], prev_z)
    prev_xy = np.where(new_line[:, None], start_xy[line_of_pt], prev_xy)
    h = np.hypot(*(pts - prev_xy).T)
    dz = z - prev_z
    dz = np.where(np.isfinite(dz), dz, 0.0)
    surface = np.bincount(line_of_pt, weights=np.sqrt(h * h + dz * dz), minlength=m)
    up = np.bincount(line_of_pt, weights=np.where(dz > 0, dz, 0.0), minlength=m)
    down = np.bincount(line_of_pt, weights=np.where(dz < 0, -dz, 0.0), minlength=m)
    return planar, surface, up, down


def cells_near_lines(lines: Sequence[np.ndarray], grid: Grid, half_width: float,
                     chunk: int = 2_000_000) -> Tuple[np.ndarray, np.ndarray]:
    """:func:`cells_near_line` of many polylines at once, as a sparse (CSR) line x cell incidence.

    Every segment is cut into pieces no longer than two pixels; the cells whose centre lies in a piece's
    bounding box grown by ``half_width`` are tested exactly (:func:`~.coverage.point_segment_d2`, the same
    rule as :func:`~.coverage.mark_within`).

    Returns:
        ``(indptr, cells)``: the flat cell indices (row-major, sorted, distinct) of line ``k`` are
        ``cells[indptr[k]:indptr[k + 1]]``.
    """
    m = len(lines)
    height, width = grid.shape
    ncell = height * width
    p = grid.pixel
    if m == 0:
        return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64)
    arrays = [np.asarray(v, dtype=np.float64)[:, :2] for v in lines]
    arrays = [np.vstack([v, v]) if len(v) == 1 else v for v in arrays]
    a = np.vstack([v[:-1] for v in arrays])
    b = np.vstack([v[1:] for v in arrays])
    lid = np.repeat(np.arange(m), [len(v) - 1 for v in arrays])
    pieces = np.maximum(1, np.ceil(np.hypot(*(b - a).T) / (2.0 * p)).astype(np.int64))
    if (pieces > 1).any():
        seg_of = np.repeat(np.arange(len(a)), pieces)
        k = np.arange(len(seg_of)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        n = pieces[seg_of][:, None]
        a, b = a[seg_of] + (k[:, None] / n) * (b[seg_of] - a[seg_of]), a[seg_of] + ((k[:, None] + 1) / n) * (
            b[seg_of] - a[seg_of])
        lid = lid[seg_of]
    r = float(half_width) + 1e-6
    c0 = np.maximum(np.ceil((np.minimum(a[:, 0], b[:, 0]) - r - grid.x0) / p - 0.5), 0).astype(np.int64)
    c1 = np.minimum(np.floor((np.maximum(a[:, 0], b[:, 0]) + r - grid.x0) / p - 0.5), width - 1).astype(np.int64)
    r0 = np.maximum(np.ceil((grid.y0 - np.maximum(a[:, 1], b[:, 1]) - r) / p - 0.5), 0).astype(np.int64)
    r1 = np.minimum(np.floor((grid.y0 - np.minimum(a[:, 1], b[:, 1]) + r) / p - 0.5), height - 1).astype(np.int64)
    nc = np.maximum(c1 - c0 + 1, 0)
    nr = np.maximum(r1 - r0 + 1, 0)
    size = nc * nr
    cum = np.cumsum(size)
    keys = []
    d2max = float(half_width) * float(half_width)
    s0 = 0
    while s0 < len(a):
        base = cum[s0] - size[s0]
        s1 = max(int(np.searchsorted(cum, base + chunk, side="right")), s0 + 1)
        sl = np.arange(s0, s1)
        cnt = size[sl]
        seg = np.repeat(sl, cnt)
        k = np.arange(len(seg)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        rows = r0[seg] + k // nc[seg]
        cols = c0[seg] + k % nc[seg]
        xc = grid.x0 + (cols + 0.5) * p
        yc = grid.y0 - (rows + 0.5) * p
        d2 = point_segment_d2(xc, yc, a[seg, 0], a[seg, 1], b[seg, 0], b[seg, 1])
        ok = d2 <= d2max
        keys.append(np.unique(lid[seg[ok]] * ncell + rows[ok] * width + cols[ok]))
        s0 = s1
    key = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    line_of = key // ncell
    indptr = np.concatenate([[0], np.cumsum(np.bincount(line_of, minlength=m))]).astype(np.int64)
    return indptr, (key % ncell).astype(np.int64)


# ----------------------------------------------------------------------------------------------------------------
# budgeted maximum coverage (lazy greedy)
# ----------------------------------------------------------------------------------------------------------------

def coverage_value(cells: Sequence[np.ndarray], weights: np.ndarray, covered: Optional[np.ndarray] = None) -> float:
    """Total weight of the distinct cells in ``cells`` (arrays of flat indices) not in ``covered``."""
    if not len(cells):
        return 0.0
    c = np.unique(np.concatenate([np.asarray(a, dtype=np.int64) for a in cells]))
    if covered is not None:
        c = c[~covered[c]]
    return float(weights[c].sum())


def lazy_greedy(n: int, gain_fn: Any, costs: np.ndarray, budget: float, bounds: np.ndarray, per_km: bool,
                commit_fn: Any, feedback: Optional[Feedback] = None) -> Tuple[List[int], List[float]]:
    """Lazy greedy for budgeted monotone submodular maximisation (Minoux's accelerated greedy / CELF).

    Args:
        n: number of candidates.
        gain_fn: ``gain_fn(i)`` the exact marginal gain of candidate ``i`` given the picks committed so far.
        costs: cost of each candidate (> 0).
        budget: total cost allowed.
        bounds: an upper bound of each candidate's first marginal gain (any value >= the exact one).
        per_km: rank by gain / cost (cost-benefit greedy) when True, by gain (unit-cost greedy) when False.
        commit_fn: ``commit_fn(i)`` marks candidate ``i``'s cells as covered.
        feedback: cancellation.

    Returns:
        (picked candidate indices in pick order, their marginal gains). Candidates that no longer fit in the
        remaining budget are skipped (never picked later either); the run stops when none fits.

    Because the objective is submodular, a marginal gain only decreases as picks are made, so an old gain is
    an upper bound of the current one: a candidate whose fresh gain still beats every other bound is the
    exact greedy choice.
    """
    costs = np.asarray(costs, dtype=np.float64)
    bounds = np.asarray(bounds, dtype=np.float64)
    keys = bounds / costs if per_km else bounds
    # Candidates never evaluated are read from an array sorted by their first bound (a "cold" stream: no heap
    # of millions of entries); the re-evaluated ones live in a small heap. Ties go to the lower index, as in
    # one heap of (-key, index) entries.
    first = np.flatnonzero((costs <= budget + 1e-9) & (bounds > 1e-15))
    order = first[np.argsort(-keys[first], kind="stable")]
    order_cost = costs[order]
    order_key = keys[order]
    pos = 0
    heap: List[Tuple[float, int, int, float]] = []
    remaining = float(budget)
    picked: List[int] = []
    gains: List[float] = []
    evaluations = 0
    while True:
        # skip the stream's candidates that no longer fit (the remaining budget only shrinks)
        while pos < len(order) and order_cost[pos] > remaining + 1e-9:
            block = order_cost[pos:pos + 4096]
            fit = np.flatnonzero(block <= remaining + 1e-9)
            pos += int(fit[0]) if fit.size else len(block)
        from_stream = pos < len(order) and (not heap or (-float(order_key[pos]), int(order[pos])) < heap[0][:2])
        if from_stream:
            i, stamp, gain = int(order[pos]), -1, float(bounds[order[pos]])
            pos += 1
        elif heap:
            _, i, stamp, gain = heapq.heappop(heap)
            if costs[i] > remaining + 1e-9:
                continue  # no longer fits
        else:
            break
        if stamp == len(picked):  # evaluated after the last pick and still on top: the exact greedy choice
            picked.append(i)
            gains.append(gain)
            remaining -= float(costs[i])
            commit_fn(i)
            continue
        evaluations += 1
        if evaluations % 500 == 0:
            check_cancel(feedback)
        g = float(gain_fn(i))
        if g <= 1e-15:
            continue
        heapq.heappush(heap, (-(g / costs[i] if per_km else g), i, len(picked), g))
    return picked, gains


def assign_teams(costs: Sequence[float], teams: int, order: Optional[Sequence[int]] = None) -> Tuple[np.ndarray,
                                                                                                    np.ndarray]:
    """Share transects among teams, one transect per team-day, balancing the km (longest first).

    Args:
        costs: km of each transect.
        teams: number of teams (>= 1).
        order: the order days are numbered in within a team (default: the transects' own order).

    Returns:
        (team 1..teams, day 1..) of each transect. Longest-processing-time-first: each transect, longest first,
        goes to the team with the fewest km so far (ties: the lower team number); a team's days follow ``order``.
    """
    costs = np.asarray(costs, dtype=np.float64)
    team = np.zeros(len(costs), dtype=np.int64)
    load = np.zeros(max(int(teams), 1))
    for i in sorted(range(len(costs)), key=lambda k: (-costs[k], k)):
        t = int(np.argmin(load))
        team[i] = t + 1
        load[t] += costs[i]
    rank = {k: pos for pos, k in enumerate(order if order is not None else range(len(costs)))}
    day = np.zeros(len(costs), dtype=np.int64)
    for t in range(1, len(load) + 1):
        members = sorted(np.flatnonzero(team == t).tolist(), key=lambda k: rank.get(k, k))
        for d, k in enumerate(members, start=1):
            day[k] = d
    return team, day


# ----------------------------------------------------------------------------------------------------------------
# ridge graph and approaches
# ----------------------------------------------------------------------------------------------------------------

@dataclass
class RidgeGraph:
    """Ridge segments as an undirected graph.

    Attributes:
        node_xy: (N, 2) node coordinates (m).
        eu, ev: end nodes of each edge.
        coords: vertex array of each edge, from ``eu`` to ``ev``.
        length_m, surface_m: planimetric and surface length of each edge (m).
        climb_uv, climb_vu: climb (m) walking the edge from ``eu`` to ``ev`` and back.
        adjacency: for each node, the list of (edge, other node).
        excluded: number of ridge segments left out because they touch an exclusion polygon.
    """

    node_xy: np.ndarray
    eu: np.ndarray
    ev: np.ndarray
    coords: List[np.ndarray]
    length_m: np.ndarray
    surface_m: np.ndarray
    climb_uv: np.ndarray
    climb_vu: np.ndarray
    adjacency: List[List[Tuple[int, int]]]
    excluded: int = 0


def ridge_graph(ridges: Any, dem: Optional[np.ndarray] = None, dem_grid: Optional[Grid] = None,
                exclude: Any = None, snap_m: float = 1.0) -> RidgeGraph:
    """Build the ridge graph: segment ends within ``snap_m`` metres become one node.

    Args:
        ridges: ridge lines (GeoDataFrame, shapely lines or coordinate arrays), metric CRS.
        dem, dem_grid: DEM (m) for surface lengths and climbs (optional).
        exclude: polygons; a segment touching one is left out.
        snap_m: end points closer than this are the same node (m).

    Raises:
        InputError: no ridge line.
    """
    from scipy.spatial import cKDTree

    parts = _line_arrays(ridges)
    if not parts:
        raise InputError(QT_TR_NOOP("The ridges layer has no lines; compute the ridgelines from the DEM first "
                                    "(snowleopard:terrain)."))
    excluded = 0
    zone = _union(_geoms(exclude))
    if zone is not None and not zone.is_empty:
        from shapely.geometry import LineString
        from shapely.prepared import prep

        pz = prep(zone)
        keep = [not pz.intersects(LineString(xy)) for xy in parts]
        excluded = int(len(parts) - sum(keep))
        parts = [xy for xy, k in zip(parts, keep) if k]
    ends = np.array([np.concatenate([xy[0], xy[-1]]) for xy in parts]).reshape(-1, 4)
    pts = np.vstack([ends[:, :2], ends[:, 2:]]) if len(ends) else np.zeros((0, 2))
    node_of = np.arange(len(pts))
    if len(pts):
        tree = cKDTree(pts)
        for a, b in sorted(tree.query_pairs(max(snap_m, 1e-9))):
            ra, rb = a, b
            while node_of[ra] != ra:
                ra = node_of[ra]
            while node_of[rb] != rb:
                rb = node_of[rb]
            if ra != rb:
                node_of[max(ra, rb)] = min(ra, rb)
        for k in range(len(node_of)):
            r = k
            while node_of[r] != r:
                r = node_of[r]
            node_of[k] = r
    roots, inverse = np.unique(node_of, return_inverse=True)
    node_xy = pts[roots] if len(pts) else np.zeros((0, 2))
    m = len(parts)
    eu, ev = inverse[:m], inverse[m:]
    length, surface, cuv, cvu = line_profiles(parts, dem, dem_grid)
    adjacency: List[List[Tuple[int, int]]] = [[] for _ in range(len(node_xy))]
    for k in range(m):
        if eu[k] == ev[k] or length[k] <= 0:
            continue  # loops and zero-length pieces are never walked as a path step
        adjacency[eu[k]].append((k, int(ev[k])))
        adjacency[ev[k]].append((k, int(eu[k])))
    return RidgeGraph(node_xy, eu.astype(np.int64), ev.astype(np.int64), parts, length, surface, cuv, cvu,
                      adjacency, excluded)


def link_ridge_ends(graph: RidgeGraph, max_gap_m: float, dem: Optional[np.ndarray] = None,
                    dem_grid: Optional[Grid] = None, exclude: Any = None, per_node: int = 3) -> RidgeGraph:
    """Add short straight links from each dead end of the ridge network to nearby separate ridges.

    Ridge extraction breaks the crest lines at saddles and gaps, so the graph falls into many short pieces.
    A team crosses such a gap on foot: each dead-end node (one edge) is joined by a straight line to the
    nearest node of each of up to ``per_node`` other connected pieces within ``max_gap_m`` metres. A link is
    an ordinary edge: its surface km and climb come from the DEM and its cells count like any other walked
    line. Links touching an exclusion polygon are not made.

    Args:
        graph: the ridge graph (:func:`ridge_graph`).
        max_gap_m: longest link, metres (0: none).
        dem, dem_grid: DEM for the links' surface length and climb (optional).
        exclude: polygons no link may touch.
        per_node: at most this many links from one dead end (one per other piece, nearest first).

    Returns:
        A new :class:`RidgeGraph` with the links appended after the ridge edges (the input is not changed).
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    n = len(graph.node_xy)
    if max_gap_m <= 0 or n < 2 or len(graph.eu) == 0:
        return graph
    walkable = np.array([graph.eu[k] != graph.ev[k] and graph.length_m[k] > 0 for k in range(len(graph.eu))])
    adj = coo_matrix((np.ones(int(walkable.sum())), (graph.eu[walkable], graph.ev[walkable])), shape=(n, n))
    _, piece = connected_components(adj, directed=False)
    degree = np.array([len(a) for a in graph.adjacency])
    tree = cKDTree(graph.node_xy)
    pairs = set()
    for u in np.flatnonzero(degree == 1):
        near = tree.query_ball_point(graph.node_xy[u], float(max_gap_m))
        if not near:
            continue
        near = np.asarray(near, dtype=np.int64)
        near = near[(piece[near] != piece[u]) & (degree[near] > 0)]
        d = np.hypot(*(graph.node_xy[near] - graph.node_xy[u]).T)
        seen = set()
        for j in np.argsort(d, kind="stable"):
            v = int(near[j])
            if piece[v] in seen or d[j] <= 0:
                continue
            seen.add(piece[v])
            pairs.add((min(int(u), v), max(int(u), v)))
            if len(seen) >= per_node:
                break
    pairs_l = sorted(pairs)
    lines = [np.vstack([graph.node_xy[a], graph.node_xy[b]]) for a, b in pairs_l]
    zone = _union(_geoms(exclude))
    if lines and zone is not None and not zone.is_empty:
        from shapely.geometry import LineString
        from shapely.prepared import prep

        pz = prep(zone)
        keep = [not pz.intersects(LineString(xy)) for xy in lines]
        pairs_l = [p for p, k in zip(pairs_l, keep) if k]
        lines = [xy for xy, k in zip(lines, keep) if k]
    if not lines:
        return graph
    length, surface, cuv, cvu = line_profiles(lines, dem, dem_grid)
    adjacency = [list(a) for a in graph.adjacency]
    m0 = len(graph.eu)
    for j, (a, b) in enumerate(pairs_l):
        adjacency[a].append((m0 + j, b))
        adjacency[b].append((m0 + j, a))
    lu = np.array([p[0] for p in pairs_l], dtype=np.int64)
    lv = np.array([p[1] for p in pairs_l], dtype=np.int64)
    return RidgeGraph(graph.node_xy, np.concatenate([graph.eu, lu]), np.concatenate([graph.ev, lv]),
                      list(graph.coords) + lines, np.concatenate([graph.length_m, length]),
                      np.concatenate([graph.surface_m, surface]), np.concatenate([graph.climb_uv, cuv]),
                      np.concatenate([graph.climb_vu, cvu]), adjacency, graph.excluded)


@dataclass
class Approaches:
    """Approach of each ridge node from the nearest access point (by walking effort).

    Attributes:
        km: surface km of the approach (inf: none possible).
        coords: the approach polyline from the access point to the node (None: none).
        climb_in, climb_out: climb (m) walking in (access -> node) and out (node -> access).
        access: index of the access point used (-1: none).
    """

    km: np.ndarray
    coords: List[Optional[np.ndarray]]
    climb_in: np.ndarray
    climb_out: np.ndarray
    access: np.ndarray


def approaches(graph: RidgeGraph, access_xy: np.ndarray, dem: Optional[np.ndarray], dem_grid: Optional[Grid],
               exclude: Any = None, max_km: float = math.inf, climb_factor: float = NAISMITH_FACTOR,
               max_cells: int = 400_000, feedback: Optional[Feedback] = None) -> Approaches:
    """Least-effort approach paths from the access points to every ridge node.

    An 8-neighbour grid over the ridges and access points (2 km margin; the DEM's pixel, coarsened so the grid
    has at most ``max_cells`` cells) is searched by Dijkstra from all access points at once. Stepping between
    adjacent cell centres costs the surface metres plus ``climb_factor`` x |height change| / 2 (the same both
    ways); cells touched by an exclusion polygon cannot be entered. The path runs from the access point to its
    cell centre, through cell centres, to the node.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    n_nodes = len(graph.node_xy)
    km = np.full(n_nodes, np.inf)
    coords: List[Optional[np.ndarray]] = [None] * n_nodes
    climb_in = np.zeros(n_nodes)
    climb_out = np.zeros(n_nodes)
    acc = np.full(n_nodes, -1, dtype=np.int64)
    access_xy = np.asarray(access_xy, dtype=np.float64).reshape(-1, 2)
    if n_nodes == 0 or len(access_xy) == 0:
        return Approaches(km, coords, climb_in, climb_out, acc)
    allxy = np.vstack([graph.node_xy, access_xy])
    margin = 2000.0
    xmin, ymin = allxy.min(axis=0) - margin
    xmax, ymax = allxy.max(axis=0) + margin
    pixel = dem_grid.pixel if dem_grid is not None else 30.0
    area = (xmax - xmin) * (ymax - ymin)
    pixel = max(pixel, math.sqrt(area / max_cells))
    grid = Grid.from_extent(xmin, ymin, xmax, ymax, pixel)
    h, w = grid.shape
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    if dem is not None and dem_grid is not None:
        z = sample_bilinear(dem, dem_grid, cx.ravel(), cy.ravel()).reshape(h, w)
    else:
        z = np.zeros((h, w))
    blocked = np.zeros((h, w), dtype=bool)
    zone_geoms = _geoms(exclude)
    if zone_geoms:
        from rasterio.features import rasterize

        blocked = rasterize(((g, 1) for g in zone_geoms), out_shape=(h, w), transform=grid.transform, fill=0,
                            all_touched=True, dtype="uint8").astype(bool)
    check_cancel(feedback)
    idx = np.arange(h * w).reshape(h, w)
    rows, cols, wts = [], [], []
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        a = idx[0:h - dr, max(0, -dc):w - max(0, dc)]
        b = idx[dr:h, max(0, dc):w + min(0, dc)]
        za, zb = z.ravel()[a.ravel()], z.ravel()[b.ravel()]
        dz = np.where(np.isfinite(za) & np.isfinite(zb), zb - za, 0.0)
        hd = pixel * math.hypot(dr, dc)
        cost = np.sqrt(hd * hd + dz * dz) + climb_factor * np.abs(dz) / 2.0
        af, bf = a.ravel(), b.ravel()
        ra, ca = np.divmod(af, w)
        rb, cb = np.divmod(bf, w)
        flat_blocked = blocked.ravel()
        # a diagonal step must not squeeze between two blocked cells' corners either
        ok = ~flat_blocked[af] & ~flat_blocked[bf] & ~flat_blocked[ra * w + cb] & ~flat_blocked[rb * w + ca]
        rows.append(a.ravel()[ok])
        cols.append(b.ravel()[ok])
        wts.append(cost[ok])
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    wt = np.concatenate(wts)
    graph_m = coo_matrix((wt, (r, c)), shape=(h * w, h * w)).tocsr()

    def cell(xy: np.ndarray) -> np.ndarray:
        cc = np.clip(np.floor((xy[:, 0] - grid.x0) / pixel).astype(np.int64), 0, w - 1)
        rr = np.clip(np.floor((grid.y0 - xy[:, 1]) / pixel).astype(np.int64), 0, h - 1)
        return rr * w + cc

    acc_cells = cell(access_xy)
    usable = ~blocked.ravel()[acc_cells]
    if not usable.any():
        return Approaches(km, coords, climb_in, climb_out, acc)
    sources = np.unique(acc_cells[usable])
    dist, pred, src = dijkstra(graph_m, directed=False, indices=sources, return_predecessors=True, min_only=True)
    check_cancel(feedback)
    node_cells = cell(graph.node_xy)
    first_access = {int(cc): int(np.flatnonzero((acc_cells == cc) & usable)[0]) for cc in sources}
    traced: List[int] = []
    walks: List[np.ndarray] = []
    for n in range(n_nodes):
        cn = int(node_cells[n])
        if blocked.ravel()[cn] or not np.isfinite(dist[cn]) or src[cn] < 0:
            continue
        # rough effort bound first: effort >= surface, so a far node is skipped without tracing
        if dist[cn] / (1.0 + climb_factor / 2.0) / 1000.0 > max_km * 4:
            continue
        a = first_access[int(src[cn])]
        # the walk is at least as long as the straight line (surface km >= planimetric km): skip far nodes
        if math.hypot(*(graph.node_xy[n] - access_xy[a])) > max_km * 1000.0:
            continue
        path = [cn]
        while path[-1] != src[cn]:
            path.append(int(pred[path[-1]]))
        path.reverse()
        pr, pc = np.divmod(np.asarray(path), w)
        centres = np.column_stack([xs[pc], ys[pr]])
        xy = np.vstack([access_xy[a], centres, graph.node_xy[n]])
        keep = np.concatenate([[True], np.any(np.diff(xy, axis=0) != 0, axis=1)])
        xy = xy[keep]
        if len(xy) < 2:
            xy = np.vstack([xy, xy])
        if float(np.hypot(*np.diff(xy, axis=0).T).sum()) > max_km * 1000.0:
            continue  # planimetric km already more than allowed
        traced.append(n)
        walks.append(xy)
        acc[n] = a
    # surface km and climbs of all approaches in one vectorised DEM sampling
    _, surface, up, down = line_profiles(walks, dem, dem_grid)
    for j, n in enumerate(traced):
        if surface[j] / 1000.0 > max_km:
            acc[n] = -1
            continue
        km[n], coords[n], climb_in[n], climb_out[n] = surface[j] / 1000.0, walks[j], up[j], down[j]
    return Approaches(km, coords, climb_in, climb_out, acc)


# ----------------------------------------------------------------------------------------------------------------
# day transects
# ----------------------------------------------------------------------------------------------------------------

@dataclass
class Candidates:
    """Candidate day transects as a depth-first tree of ridge paths (each tree node is a path).

    Attributes:
        parent: the path's prefix (tree node index, -1 for the first edge).
        edge: the last edge of the path; end: the node it ends at; start: the node it starts from.
        cost_km: day length (approach in + ridge + approach out), surface km.
        bound: an upper bound of the value (km²): the edges' and approaches' values summed.
        is_candidate: True for the paths offered to the planner (start < end, within the day length).
    """

    parent: np.ndarray
    edge: np.ndarray
    start: np.ndarray
    end: np.ndarray
    cost_km: np.ndarray
    bound: np.ndarray
    is_candidate: np.ndarray

    def path_edges(self, i: int) -> List[int]:
        """Edges of path ``i`` from its start."""
        out = []
        while i >= 0:
            out.append(int(self.edge[i]))
            i = int(self.parent[i])
        return out[::-1]


def enumerate_candidates(graph: RidgeGraph, edge_value: np.ndarray, approach_km: np.ndarray,
                         approach_value: np.ndarray, max_day_km: float, max_paths_per_start: int = 400,
                         min_day_km: float = 0.0, feedback: Optional[Feedback] = None) -> Candidates:
    """Simple ridge paths that fit in a day, depth-first from every node (best value per km first).

    Args:
        graph: the ridge graph.
        edge_value: value (km²) of each edge alone (used to order the search and for the bounds).
        approach_km: approach km of each node (0 without access points; inf: unreachable).
        approach_value: value (km²) of each node's approach alone.
        max_day_km: the longest day (km).
        max_paths_per_start: at most this many paths are grown from one start node.
        min_day_km: shorter paths are offered only when they cannot be extended at either end (they start at a
            dead end and no step fits the day at the other), so the plan is not a scatter of short days.
        feedback: cancellation.
    """
    n_nodes = len(graph.node_xy)
    ekm = graph.surface_m / 1000.0
    density = edge_value / np.maximum(ekm, 1e-9)
    ekm_l = ekm.tolist()
    val_l = np.asarray(edge_value, dtype=np.float64).tolist()
    app_l = np.asarray(approach_km, dtype=np.float64).tolist()
    # each node's steps, best value per km first: (edge, other node, edge km, edge value)
    adj_sorted = [[(k, o, ekm_l[k], val_l[k]) for k, o in sorted(a, key=lambda item: (-density[item[0]], item[0]))]
                  for a in graph.adjacency]
    finite = approach_km[np.isfinite(approach_km)]
    min_a = float(finite.min()) if finite.size else math.inf
    limit = max_day_km + 1e-9
    # the tree, one entry per path: its prefix, last edge, end node, ridge km and summed edge values
    parent: List[int] = []
    edge: List[int] = []
    end: List[int] = []
    ridge_km: List[float] = []
    edge_sum: List[float] = []
    per_start: List[int] = []
    leaf_of: List[int] = []
    for s in range(n_nodes):
        if s % 200 == 0:
            check_cancel(feedback)
        a_s = app_l[s]
        if not math.isfinite(a_s) or a_s + min_a >= max_day_km or not adj_sorted[s]:
            continue
        reach = limit - a_s - min_a  # ridge km a path from s may reach
        first = len(parent)
        cap = first + max_paths_per_start
        # stack of (node, tree index, ridge km, edge bound, path nodes)
        stack: List[Tuple[int, int, float, float, Tuple[int, ...]]] = [(s, -1, 0.0, 0.0, (s,))]
        while stack and len(parent) < cap:
            node, ti, ridge, ub, path = stack.pop()
            nexts = []
            for k, other, km, val in adj_sorted[node]:
                if other in path:
                    continue
                r = ridge + km
                if r > reach:
                    continue
                idx = len(parent)
                parent.append(ti)
                edge.append(k)
                end.append(other)
                ridge_km.append(r)
                u = ub + val
                edge_sum.append(u)
                nexts.append((other, idx, r, u, path + (other,)))
                if idx + 1 >= cap:
                    break
            if not nexts and ti >= 0:
                leaf_of.append(ti)  # expanded: no step fits the day or a dead end
            stack.extend(reversed(nexts))  # the best edge is explored first
        per_start.append(s)
        per_start.append(len(parent) - first)
    pairs = np.asarray(per_start, dtype=np.int64).reshape(-1, 2)
    starts = np.repeat(pairs[:, 0], pairs[:, 1]) if len(pairs) else np.zeros(0, dtype=np.int64)
    ends = np.asarray(end, dtype=np.int64)
    app_km = np.asarray(approach_km, dtype=np.float64)
    app_val = np.asarray(approach_value, dtype=np.float64)
    a_t = app_km[ends]
    reachable = np.isfinite(a_t)
    costs = app_km[starts] + np.asarray(ridge_km, dtype=np.float64) + a_t
    bound = (np.asarray(edge_sum, dtype=np.float64) + app_val[starts]
             + np.where(reachable, app_val[ends], 0.0))
    cand = (ends > starts) & reachable & (costs <= limit)
    leaf = np.zeros(len(ends), dtype=bool)
    leaf[np.asarray(leaf_of, dtype=np.int64)] = True
    degree = np.array([len(a) for a in graph.adjacency], dtype=np.int64)
    dead_start = degree[starts] <= 1
    short_ok = leaf & dead_start
    is_cand = cand & ((costs >= min_day_km - 1e-9) | short_ok)
    return Candidates(np.asarray(parent, dtype=np.int64), np.asarray(edge, dtype=np.int64), starts, ends,
                      costs, bound, is_cand)


@dataclass
class TransectPlan:
    """The result of :func:`plan_transects`.

    Attributes:
        transects: GeoDataFrame with :data:`TRANSECT_FIELDS` and LineString geometry (the walk of each day:
            approach in, ridge path, approach out), locked ones first, then in pick order.
        warnings: :class:`PlanWarning` of requests not met in full.
        total_km: day km planned (surface km over the DEM, planimetric without one), locked included.
        new_habitat_km2: habitat newly searched by the whole plan (km², value-weighted).
        candidates: number of candidate day transects considered.
        method: which greedy won (``"per_km"`` or ``"value"``; ``"locked"`` when only locked ones).
        excluded_segments: ridge segments left out because they touch an exclusion polygon.
    """

    transects: Any
    warnings: List[PlanWarning] = field(default_factory=list)
    total_km: float = 0.0
    new_habitat_km2: float = 0.0
    candidates: int = 0
    method: str = ""
    excluded_segments: int = 0


#: How many times habitat inside the given coverage gaps counts when choosing transects (an assumption: strong
#: enough that a gap's habitat beats unsearched habitat next to last season's routes at up to three times the
#: walk; see docs/planner.md).
DEFAULT_GAP_WEIGHT = 3.0


def _gap_priority(weights: np.ndarray, gaps: Any, gap_weight: float, grid: Grid) -> np.ndarray:
    """Cell weights with the habitat inside the gap polygons counted ``gap_weight`` times."""
    from ..analysis.habitat import habitat_from_polygons

    geoms = _geoms(gaps) if gaps is not None else []
    if not geoms:
        return weights
    gap_weight = float(gap_weight)
    if not (math.isfinite(gap_weight) and gap_weight >= 1.0):
        raise ParameterError(QT_TR_NOOP("The weight of habitat in the gaps must be 1 or more; got {value}."),
                             value=gap_weight)
    inside = habitat_from_polygons(geoms, grid).ravel() > 0
    return np.where(inside, weights * gap_weight, weights)


def plan_transects(ridges: Any, habitat: np.ndarray, habitat_grid: Grid, *, budget_km: float, max_day_km: float,
                   teams: int = 1, half_width: float = 50.0, routes: Any = None, dem: Optional[np.ndarray] = None,
                   dem_grid: Optional[Grid] = None, access: Any = None, locked: Any = None, exclude: Any = None,
                   threshold: float = 0.5, min_day_km: Optional[float] = None, max_paths_per_start: int = 400,
                   link_gap_m: Optional[float] = None, gaps: Any = None, gap_weight: float = DEFAULT_GAP_WEIGHT,
                   climb_factor: float = NAISMITH_FACTOR, crs: Any = None,
                   feedback: Optional[Feedback] = None) -> TransectPlan:
    """Plan day transects along the ridges that search the most unsearched suitable habitat within a km budget.

    Args:
        ridges: ridge lines (e.g. the segments of ``snowleopard:terrain``), metric CRS.
        habitat: 0..1 suitability on ``habitat_grid`` (NaN: unknown, not habitat). Rasterise habitat polygons
            first (:func:`~.habitat.habitat_from_polygons`).
        habitat_grid: its grid (metric CRS, the same CRS as every layer).
        budget_km: total km the season can afford (day km: surface km over the DEM, planimetric without one).
        max_day_km: longest day a team walks, same km; no transect is longer.
        teams: number of teams to share the transects.
        half_width: search half-width of a walker, metres.
        routes: routes already walked; the cells they searched count as covered.
        dem, dem_grid: DEM (m) for surface km, climb and approach paths (optional).
        access: access points (camps, road ends, huts); with them every transect starts and ends at one.
        locked: transects that must be walked (lines); kept first, their km charged to the budget.
        exclude: polygons never entered (ridge segments touching them and approach cells touched are dropped).
        threshold: habitat >= this counts (weighted by its value); below it counts nothing.
        min_day_km: a ridge path whose day is shorter is offered only when it cannot be extended at either end
            (default: half the longest day; 0 offers every path).
        max_paths_per_start: at most this many paths grown from one ridge node (bounds the work).
        link_gap_m: dead ends of the ridge network are linked by straight walks to other ridge pieces up to
            this far (:func:`link_ridge_ends`), so a day can cross the gaps between ridge pieces; default
            1000 m with access points, none without (0: none).
        gaps: coverage gaps (polygons, e.g. the output of ``snowleopard:gaps``) to search first: the habitat in
            them (cell-centre rule) counts ``gap_weight`` times in the choice of transects. The reported
            ``new_habitat_km2`` stays plain habitat.
        gap_weight: that factor (>= 1; 1 makes the gaps no different).
        climb_factor: metres of walking one metre of climb is worth when choosing approach paths.
        crs: CRS of the output (default: the habitat grid's).
        feedback: progress and cancellation.

    Returns:
        :class:`TransectPlan`.

    Raises:
        ParameterError: non-positive budget, day length, half-width or teams. InputError: no ridges; no habitat
            cell reaches the threshold. CrsError: geographic layers.
    """
    import geopandas as gpd
    from shapely.geometry import LineString

    budget_km = _positive(budget_km, QT_TR_NOOP("The budget must be a positive number of km; got {value}."))
    max_day_km = _positive(max_day_km, QT_TR_NOOP("The longest day must be a positive number of km; got {value}."))
    half_width = check_half_width(half_width)
    if int(teams) < 1:
        raise ParameterError(QT_TR_NOOP("There must be at least one team; got {value}."), value=teams)
    check_metric(habitat_grid.crs, "The habitat grid")
    crs = crs if crs is not None else habitat_grid.crs
    warnings_: List[PlanWarning] = []
    weights = habitat_weights(habitat, habitat_grid, threshold).ravel()
    if habitat.shape != habitat_grid.shape:
        raise InputError(QT_TR_NOOP("The habitat array has shape {shape} but its grid is {rows} x {cols}."),
                         shape=str(habitat.shape), rows=habitat_grid.height, cols=habitat_grid.width)
    if not (weights > 0).any():
        raise InputError(QT_TR_NOOP("No habitat cell reaches the suitability threshold {threshold}; lower the "
                                    "threshold or check the habitat layer."), threshold=threshold)
    plain = weights  # habitat km² per cell, what the plan reports
    weights = _gap_priority(weights, gaps, gap_weight, habitat_grid)  # what the greedy maximises
    covered0 = np.zeros(weights.size, dtype=bool)
    route_segs, _ = line_segments(routes) if routes is not None else (np.zeros((0, 4)), None)
    if len(route_segs):
        covered0 |= mark_within(habitat_grid, route_segs, half_width, feedback=None).ravel()
    check_cancel(feedback)
    if feedback is not None:
        feedback.set_progress(5)

    access_xy = points_xy(access) if access is not None else np.zeros((0, 2))
    gap = (1000.0 if len(access_xy) else 0.0) if link_gap_m is None else float(link_gap_m)
    graph = link_ridge_ends(ridge_graph(ridges, dem, dem_grid, exclude), gap, dem, dem_grid, exclude)
    if graph.excluded:
        warnings_.append(PlanWarning(QT_TR_NOOP("{count} ridge segments touch an excluded area and were left "
                                                "out."), count=graph.excluded))

    def cells_of(xy: np.ndarray) -> np.ndarray:
        c = cells_near_line(xy, habitat_grid, half_width)
        return c[(weights[c] > 0) & ~covered0[c]]

    # edge x cell incidence (sparse, CSR) of the cells each edge newly searches; its row sums are the edge values
    indptr, flat = cells_near_lines(graph.coords, habitat_grid, half_width)
    line_of = np.repeat(np.arange(len(graph.coords)), np.diff(indptr))
    useful = (weights[flat] > 0) & ~covered0[flat]
    flat, line_of = flat[useful], line_of[useful]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(line_of, minlength=len(graph.coords)))]).astype(np.int64)
    edge_cells = [flat[indptr[k]:indptr[k + 1]] for k in range(len(graph.coords))]
    edge_value = np.bincount(line_of, weights=weights[flat], minlength=len(graph.coords))
    check_cancel(feedback)
    if feedback is not None:
        feedback.set_progress(25)
    n_nodes = len(graph.node_xy)
    if len(access_xy):
        app = approaches(graph, access_xy, dem, dem_grid, exclude, max_km=max_day_km / 2.0,
                         climb_factor=climb_factor, feedback=feedback)
        app_cells = [cells_of(xy) if xy is not None else np.zeros(0, dtype=np.int64) for xy in app.coords]
        if not np.isfinite(app.km).any():
            warnings_.append(PlanWarning(QT_TR_NOOP("No ridge can be reached from the access points within half "
                                                    "a day's walk without entering an excluded area.")))
    else:
        app = Approaches(np.zeros(n_nodes), [None] * n_nodes, np.zeros(n_nodes), np.zeros(n_nodes),
                         np.full(n_nodes, -1, dtype=np.int64))
        app_cells = [np.zeros(0, dtype=np.int64)] * n_nodes
    app_value = np.array([float(weights[c].sum()) for c in app_cells]) if n_nodes else np.zeros(0)
    if feedback is not None:
        feedback.set_progress(40)

    # locked transects
    locked_lines = _line_arrays(locked)
    locked_info = []
    zone = _union(_geoms(exclude))
    for xy in locked_lines:
        planar, surface, up, _ = line_profile(xy, dem, dem_grid)
        locked_info.append((xy, planar, surface / 1000.0, up, cells_near_line(xy, habitat_grid, half_width)))
        if surface / 1000.0 > max_day_km + 1e-9:
            warnings_.append(PlanWarning(QT_TR_NOOP("A locked transect is {km:.1f} km long, more than the longest "
                                                    "day ({day:.1f} km); it is kept as given."),
                                         km=surface / 1000.0, day=max_day_km))
        if zone is not None and not zone.is_empty and zone.intersects(LineString(xy)):
            warnings_.append(PlanWarning(QT_TR_NOOP("A locked transect enters an excluded area; it is kept as "
                                                    "given.")))
    locked_km = sum(info[2] for info in locked_info)
    remaining = budget_km - locked_km

    min_day = 0.5 * max_day_km if min_day_km is None else float(min_day_km)
    cands = enumerate_candidates(graph, edge_value, app.km, app_value, max_day_km, max_paths_per_start, min_day,
                                 feedback)
    ids = np.flatnonzero(cands.is_candidate)
    if feedback is not None:
        feedback.set_progress(60)
    results = []
    if remaining < -1e-9:
        warnings_.append(PlanWarning(QT_TR_NOOP("The budget ({budget:.1f} km) is smaller than the locked transects "
                                                "({locked:.1f} km); the plan holds the locked transects only."),
                                     budget=budget_km, locked=locked_km))
    elif len(ids) == 0:
        warnings_.append(PlanWarning(QT_TR_NOOP("No ridge path fits in a day of {day:.1f} km (approaches "
                                                "included); raise the longest day or add access points closer "
                                                "to the ridges."), day=max_day_km))
    else:
        costs = cands.cost_km[ids]
        if remaining + 1e-9 < costs.min():
            warnings_.append(PlanWarning(QT_TR_NOOP("The budget left after the locked transects ({left:.1f} km) "
                                                    "is less than the shortest possible transect ({short:.1f} km)."),
                                         left=max(remaining, 0.0), short=float(costs.min())))

        def cells_of_candidate(j: int) -> List[np.ndarray]:
            i = int(ids[j])
            parts = [edge_cells[k] for k in cands.path_edges(i)]
            parts.append(app_cells[int(cands.start[i])])
            parts.append(app_cells[int(cands.end[i])])
            return parts

        for per_km in (True, False):
            covered = covered0.copy()
            for info in locked_info:
                covered[info[4]] = True

            def gain(j: int, covered: np.ndarray = covered) -> float:
                return coverage_value(cells_of_candidate(j), weights, covered)

            def commit(j: int, covered: np.ndarray = covered) -> None:
                for c in cells_of_candidate(j):
                    covered[c] = True

            picked, gains = lazy_greedy(len(ids), gain, costs, max(remaining, 0.0), cands.bound[ids], per_km,
                                        commit, feedback)
            results.append((float(sum(gains)), per_km, picked, gains))
        if feedback is not None:
            feedback.set_progress(90)

    # locked gains (in order), against what the routes searched
    covered = covered0.copy()
    rows = []
    for xy, planar, surface_km, up, cells in locked_info:
        new = cells[~covered[cells]]
        g = float(plain[np.unique(new)].sum())
        covered[cells] = True
        rows.append({"length_km": planar / 1000.0, "surface_km": surface_km, "ascent_m": up,
                     "new_habitat_km2": g, "locked": 1, "geometry": LineString(xy)})
    method = "locked"
    if results:
        best = max(results, key=lambda item: (item[0], item[1]))
        _, per_km, picked, gains = best
        method = "per_km" if per_km else "value"
        for j in picked:
            i = int(ids[j])
            g = coverage_value(cells_of_candidate(j), plain, covered)  # plain habitat newly searched, in order
            for c in cells_of_candidate(j):
                covered[c] = True
            xy, climb = _transect_coords(graph, app, cands, i)
            planar, surface, up, _ = line_profile(xy, dem, dem_grid)
            rows.append({"length_km": planar / 1000.0, "surface_km": float(cands.cost_km[i]), "ascent_m": climb,
                         "new_habitat_km2": g, "locked": 0, "geometry": LineString(xy)})
    costs_out = [r["surface_km"] for r in rows]
    team, day = assign_teams(costs_out, int(teams))
    for k, r in enumerate(rows):
        r["transect_id"] = k + 1
        r["team"] = int(team[k])
        r["day"] = int(day[k])
    frame = gpd.GeoDataFrame(rows, columns=list(TRANSECT_FIELDS) + ["geometry"], geometry="geometry", crs=crs)
    for name in ("transect_id", "team", "day", "locked"):
        frame[name] = frame[name].astype(np.int64)
    if feedback is not None:
        feedback.set_progress(100)
    return TransectPlan(frame, warnings_, float(sum(costs_out)), float(frame["new_habitat_km2"].sum()),
                        int(len(ids)), method, graph.excluded)


def _transect_coords(graph: RidgeGraph, app: Approaches, cands: Candidates, i: int) -> Tuple[np.ndarray, float]:
    """The walk of candidate ``i`` (approach in, ridge path, approach out) and its climb (m)."""
    s, t = int(cands.start[i]), int(cands.end[i])
    pieces = []
    climb = 0.0
    if app.coords[s] is not None:
        pieces.append(app.coords[s])
        climb += float(app.climb_in[s])
    node = s
    for k in cands.path_edges(i):
        xy = graph.coords[k]
        if graph.eu[k] == node:
            pieces.append(xy)
            climb += float(graph.climb_uv[k])
            node = int(graph.ev[k])
        else:
            pieces.append(xy[::-1])
            climb += float(graph.climb_vu[k])
            node = int(graph.eu[k])
    if app.coords[t] is not None:
        pieces.append(app.coords[t][::-1])
        climb += float(app.climb_out[t])
    xy = np.vstack(pieces)
    keep = np.concatenate([[True], np.any(np.abs(np.diff(xy, axis=0)) > 1e-9, axis=1)])
    return xy[keep], climb


# ----------------------------------------------------------------------------------------------------------------
# camera stations
# ----------------------------------------------------------------------------------------------------------------

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


# ----------------------------------------------------------------------------------------------------------------
# planned against walked
# ----------------------------------------------------------------------------------------------------------------

def compare_plan(plan: Any, routes: Any, half_width: float, quad_segs: int = 32) -> Tuple[Any, Any]:
    """How much of each planned transect was walked, and what was walked off the plan.

    Args:
        plan: GeoDataFrame of planned transect lines (metric CRS).
        routes: GeoDataFrame of the routes walked (same CRS).
        half_width: search half-width, metres.
        quad_segs: segments per quarter circle of the buffer that cuts the off-plan routes.

    Returns:
        ``(plan_out, offplan)``: a copy of ``plan`` with ``walked_km`` and ``walked_share`` (0..1: the share
        of its length within ``half_width`` of a route, exact); and the routes' parts farther than
        ``half_width`` from every planned transect (the route's attributes and ``offplan_km``; routes wholly
        on the plan are left out). The off-plan cut uses a buffer with ``quad_segs`` segments per quarter
        circle (its radius errs by < 0.05 % at 32).

    Raises:
        ParameterError: non-positive half-width. CrsError: geographic layers.
    """
    import geopandas as gpd


    half_width = check_half_width(half_width)
    for layer in (plan, routes):
        if hasattr(layer, "crs"):
            check_metric(layer.crs, "A planning layer")
    psegs, pfeat = line_segments(plan)
    total, walk = walked_per_feature(psegs, pfeat, len(plan), routes, half_width)
    out = plan.copy()
    out["walked_km"] = walk / 1000.0
    with np.errstate(invalid="ignore", divide="ignore"):
        out["walked_share"] = np.where(total > 0, np.clip(walk / np.where(total > 0, total, 1.0), 0.0, 1.0), 0.0)
    plan_geoms = _geoms(plan)
    zone = _union(plan_geoms).buffer(half_width, quad_segs) if plan_geoms else None
    keep_rows, pieces = [], []
    for index, geom in enumerate(routes.geometry.values):
        if geom is None or geom.is_empty:
            continue
        rest = geom.difference(zone) if zone is not None else geom
        if rest.is_empty or rest.length <= 0:
            continue
        keep_rows.append(index)
        pieces.append(rest)
    off = gpd.GeoDataFrame(routes.drop(columns=routes.geometry.name).iloc[keep_rows].reset_index(drop=True),
                           geometry=pieces, crs=routes.crs)
    off["offplan_km"] = np.array([g.length for g in pieces], dtype=np.float64) / 1000.0
    return out, off
