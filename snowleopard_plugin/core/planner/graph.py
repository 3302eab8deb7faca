"""The ridge graph (nodes, edges with planimetric and surface length and climb) and the approaches from access
points (least-effort paths over the terrain). Metres in one metric CRS; lengths km where named ``_km``."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..analysis.coverage import (
    sample_bilinear,
)
from ..exceptions import QT_TR_NOOP, InputError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .inputs import _densify, _geoms, _line_arrays, _union

#: Naismith's rule: 600 m of climb take as long as 5 km on the flat, so 1 m of climb ~ 8.3 m of walking.
NAISMITH_FACTOR = 5000.0 / 600.0


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
