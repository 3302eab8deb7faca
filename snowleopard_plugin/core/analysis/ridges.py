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
from collections import defaultdict
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
from .terrain import _disk_sum, check_dem, terrain_metrics, tpi_window_radius_cells

SEGMENT_FIELDS: Tuple[str, ...] = ("segment_id", "ridge_id", "length_km", "mean_elev_m", "max_elev_m", "min_elev_m",
                                   "mean_slope_deg")
SADDLE_FIELDS: Tuple[str, ...] = ("saddle_id", "ridge_id", "elev_m", "depth_m")

#: Cells examined at once by :func:`thin` (bounds its temporaries).
_THIN_CHUNK = 262_144

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
    elev = None
    if elevation is not None:
        # elevation looked up by unpadded index (no padded copy of the grid; NaN counts as -inf, lowest)
        elev = np.ascontiguousarray(elevation, dtype=np.float64).ravel()
        if not np.isfinite(elev).all():
            elev = np.where(np.isfinite(elev), elev, -np.inf)
    passes = [elev, None] if elev is not None else [None]

    def unpad(index: np.ndarray) -> np.ndarray:
        """Flat index in the padded grid -> flat index in the grid (inner cells only)."""
        r, c = np.divmod(index, width)
        return (r - 1) * cols + (c - 1)

    # Each sub-iteration re-examines only its "dirty" cells: those never examined with its table, or with a
    # neighbour deleted since. A cell examined and kept, with an unchanged neighbourhood, would be kept again, so
    # the result is that of examining every boundary cell each time (Zhang-Suen's sub-iterations are parallel).
    flags = np.zeros(flat.shape, dtype=np.uint8)  # bit k: the cell is in dirty set k
    for guide in passes:
        inner = ndimage.binary_erosion(img.astype(bool), structure=np.ones((3, 3), bool), border_value=0)
        boundary = np.flatnonzero(img.astype(bool) & ~inner)
        del inner
        dirty = [boundary, boundary.copy()]
        flags[boundary] = 3
        while True:
            check_cancel(feedback)
            changed = False
            for k, lut in enumerate((_LUT1, _LUT2)):
                bit = np.uint8(1 << k)
                cand = dirty[k]
                flags[cand] &= ~bit
                dirty[k] = cand[:0]
                cand = cand[flat[cand] == 1]
                if cand.size == 0:
                    continue
                parts = []
                for c0 in range(0, cand.size, _THIN_CHUNK):  # bounded temporaries; deletions applied after all
                    part = cand[c0:c0 + _THIN_CHUNK]
                    nb_idx = part[:, None] + offs[None, :]
                    nb = flat[nb_idx]
                    ok = lut[np.packbits(nb, axis=1, bitorder="little")[:, 0]]  # code = sum nb[k] << k
                    if guide is not None:  # only for the cells the table would delete
                        sel = np.flatnonzero(ok)
                        nbs = nb[sel] == 1
                        # a neighbour outside the grid is 0 (never higher): look it up anywhere, then mask it
                        around = guide[np.where(nbs, unpad(nb_idx[sel]), 0)]
                        higher = np.where(nbs, around, -np.inf).max(axis=1)
                        ok[sel] = higher > guide[unpad(part[sel])]
                    parts.append(part[ok])
                    del nb_idx, nb, ok
                dele = np.concatenate(parts) if len(parts) > 1 else parts[0]
                if dele.size:
                    flat[dele] = 0
                    changed = True
                    # the remaining neighbours of deleted cells become dirty (once: the flags dedupe)
                    for off in offs.tolist():
                        around = dele + off
                        around = around[flat[around] == 1]
                        for j in (0, 1):
                            b = np.uint8(1 << j)
                            add = around[(flags[around] & b) == 0]
                            flags[add] |= b
                            dirty[j] = np.concatenate([dirty[j], add])
            if not changed:
                break
        flags[:] = 0
    return img[1:-1, 1:-1].astype(bool)


# ---------------------------------------------------------------------------
# tracing


class _Edge:
    __slots__ = ("u", "v", "_pts", "alive", "_length")

    def __init__(self, u: object, v: object, pts: List[Tuple[float, float]]) -> None:
        self.u, self.v, self.pts, self.alive = u, v, pts, True

    @property
    def pts(self) -> List[Tuple[float, float]]:
        return self._pts

    @pts.setter
    def pts(self, value: List[Tuple[float, float]]) -> None:
        self._pts = value
        self._length: Optional[float] = None

    def length(self) -> float:
        if self._length is None:
            p = np.asarray(self._pts)
            self._length = float(np.hypot(*np.diff(p, axis=0).T).sum()) if len(p) > 1 else 0.0
        return self._length


def _neighbour_table(skel: np.ndarray) -> Tuple[np.ndarray, np.ndarray, int]:
    """Skeleton cells (flat indices in the grid padded by one cell, ascending) and their neighbours.

    Returns:
        ``(cells, nbr, width)``: ``nbr[i, k]`` is the position in ``cells`` of the neighbour of cell ``i`` in
        direction ``_OFFSETS[k]`` (4-neighbours, and diagonals not already joined through a 4-neighbour), or -1.
    """
    rows, cols = skel.shape
    width = cols + 2
    img = np.zeros((rows + 2, width), dtype=bool)
    img[1:-1, 1:-1] = skel
    flat = img.ravel()
    cells = np.flatnonzero(flat)
    nbr = np.full((len(cells), 8), -1, dtype=np.int64)
    for k, (dr, dc) in enumerate(_OFFSETS):
        nb = cells + (dr * width + dc)
        ok = flat[nb]
        if dr != 0 and dc != 0:
            ok &= ~flat[cells + dr * width] & ~flat[cells + dc]
        nbr[ok, k] = np.searchsorted(cells, nb[ok])
    return cells, nbr, width


def _trace(skel: np.ndarray, feedback: Optional[Feedback] = None) -> List[_Edge]:
    """Trace a one-cell-wide skeleton into edges between nodes; points are (row, col) cell coordinates.

    Nodes are end cells (degree <= 1) and junctions (degree >= 3; adjacent junction cells form one node placed
    at their centroid). Every chain of degree-2 cells between nodes is followed at once for all chains, by
    pointer doubling over (cell, direction) states; edges come out in the order of a walk visiting the nodes
    (junction clusters by their first cell, then end cells, ascending) and their neighbours in ``_OFFSETS``
    order, each chain once, from the end visited first. Closed rings of degree-2 cells are walked last.
    """
    cells, nbr, width = _neighbour_table(skel)
    n = len(cells)
    if n == 0:
        return []
    has = nbr >= 0
    deg = has.sum(axis=1)
    rr = (cells // width - 1).astype(np.float64)
    cc = (cells % width - 1).astype(np.float64)
    # adjacency lists in _OFFSETS order (as positions)
    order_k = np.argsort(~has, axis=1, kind="stable")
    adj_sorted = np.take_along_axis(nbr, order_k, axis=1)  # valid neighbours first, in offset order

    def rc(i: int) -> Tuple[float, float]:
        return (float(rr[i]), float(cc[i]))

    # junction clusters: depth-first from the lowest cell, as a walk over the cells in ascending order would
    node_rank = np.full(n, -1, dtype=np.int64)  # position of each node cell in the walk over the nodes
    node_key: List[object] = [None] * n
    node_xy: Dict[object, Tuple[float, float]] = {}
    walk: List[int] = []
    junction = deg >= 3
    for start in np.flatnonzero(junction).tolist():
        if node_rank[start] >= 0:
            continue
        stack, members = [start], []
        node_rank[start] = 0
        while stack:
            c = stack.pop()
            members.append(c)
            for m in adj_sorted[c, :deg[c]].tolist():
                if junction[m] and node_rank[m] < 0:
                    node_rank[m] = 0
                    stack.append(m)
        key = ("j", int(cells[start]))
        node_xy[key] = (float(rr[members].mean()), float(cc[members].mean()))
        for m in members:
            node_key[m] = key
        walk.extend(members)
    ends = np.flatnonzero(deg <= 1)
    for e in ends.tolist():
        key = ("e", int(cells[e]))
        node_key[e] = key
        node_xy[key] = rc(e)
    walk.extend(ends.tolist())
    walk_arr = np.asarray(walk, dtype=np.int64)
    node_rank[walk_arr] = np.arange(len(walk_arr))
    is_node = node_rank >= 0
    check_cancel(feedback)

    # states of degree-2 cells: (cell, direction); direction 0 = entered from its first neighbour, going on to its
    # second; successor of a state = the state of the next cell, or -1 when the next cell is a node
    two = np.flatnonzero(deg == 2)
    pos2 = np.full(n, -1, dtype=np.int64)
    pos2[two] = np.arange(len(two))
    na, nb_ = adj_sorted[two, 0], adj_sorted[two, 1]

    def state_into(cell: np.ndarray, came_from: np.ndarray) -> np.ndarray:
        """State of entering degree-2 ``cell`` from ``came_from``."""
        return 2 * pos2[cell] + (adj_sorted[cell, 0] != came_from)

    nxt_cell = np.concatenate([nb_[:, None], na[:, None]], axis=1).ravel()  # state 2i -> nb, 2i + 1 -> na
    cur_cell = np.repeat(two, 2)
    succ = np.full(len(nxt_cell), -1, dtype=np.int64)
    cont = ~is_node[nxt_cell]
    succ[cont] = state_into(nxt_cell[cont], cur_cell[cont])
    # pointer doubling: last state of each chain and distance to it (states on closed rings never finish)
    last = np.where(succ >= 0, succ, np.arange(len(succ)))
    dist = (succ >= 0).astype(np.int64)
    jump = succ.copy()
    for _ in range(64):  # 2**64 > any chain
        active = np.flatnonzero(jump >= 0)
        if len(active) == 0:
            break
        ja = jump[active]
        dist[active] += dist[ja]
        last[active] = last[ja]
        jump[active] = jump[ja]
    check_cancel(feedback)

    # walk starts: (node, neighbour) in walk order; skip neighbours in the same junction cluster
    src = np.repeat(walk_arr, deg[walk_arr])
    kpos = np.arange(len(src)) - np.repeat(np.cumsum(deg[walk_arr]) - deg[walk_arr], deg[walk_arr])
    first = adj_sorted[src, kpos]
    keys_src = [node_key[i] for i in src.tolist()]
    same = np.array([is_node[f] and node_key[f] == k for f, k in zip(first.tolist(), keys_src)], dtype=bool)
    src, first, rank = src[~same], first[~same], np.arange(len(src))[~same]
    # end of each walk: (end node, the cell before it)
    through = ~is_node[first]
    s0 = np.full(len(src), -1, dtype=np.int64)
    s0[through] = state_into(first[through], src[through])
    end_node = first.copy()
    before = src.copy()
    tail = last[s0[through]]
    end_node[through] = nxt_cell[tail]
    before[through] = cur_cell[tail]
    # each chain once: from the start met first in the walk; the other end's start is (end_node, before)
    start_rank = dict(zip(zip(src.tolist(), first.tolist()), rank.tolist()))
    other = np.array([start_rank.get(pair, -1) for pair in zip(end_node.tolist(), before.tolist())],
                     dtype=np.int64)
    keep = np.flatnonzero((other < 0) | (rank <= other))
    # (an edge's reverse start always exists, so other >= 0; rank == other cannot happen)
    # the cells of every kept chain at once: its states share the chain's last state; order by distance to it
    kept_chain = keep[s0[keep] >= 0]
    chain_of_last = np.full(len(succ), -1, dtype=np.int64)
    chain_of_last[last[s0[kept_chain]]] = np.arange(len(kept_chain))
    finished = jump < 0
    member = np.flatnonzero(finished & (chain_of_last[last] >= 0))
    which = chain_of_last[last[member]]
    order = np.lexsort((-dist[member], which))
    member = member[order]
    bounds = np.concatenate([[0], np.cumsum(np.bincount(which, minlength=len(kept_chain)))])
    chain_r = rr[cur_cell[member]].tolist()
    chain_c = cc[cur_cell[member]].tolist()
    slot = np.full(len(src), -1, dtype=np.int64)
    slot[kept_chain] = np.arange(len(kept_chain))
    edges_at: Dict[int, List[_Edge]] = defaultdict(list)
    for i in keep.tolist():
        c, e = int(src[i]), int(end_node[i])
        key, end = node_key[c], node_key[e]
        j = slot[i]
        if j >= 0:
            a, b = bounds[j], bounds[j + 1]
            pts = [rc(c)] + list(zip(chain_r[a:b], chain_c[a:b])) + [rc(e)]
        else:
            pts = [rc(c), rc(e)]
        if key[0] == "j":
            pts.insert(0, node_xy[key])
        if end[0] == "j":
            pts.append(node_xy[end])
        edges_at[int(rank[i])].append(_Edge(key, end, pts))
    edges: List[_Edge] = []
    zero = {int(node_rank[i]) for i in np.flatnonzero(deg == 0).tolist()}
    # walk order: by rank of the start; a lone cell (degree 0) is an edge of one point at its place in the walk
    start_of_node = np.concatenate([[0], np.cumsum(deg[walk_arr])])
    order = sorted(edges_at)
    j = 0
    for w, node in enumerate(walk):
        stop = start_of_node[w + 1]
        while j < len(order) and order[j] < stop:
            edges.extend(edges_at[order[j]])
            j += 1
        if w in zero:
            key = node_key[node]
            edges.append(_Edge(key, key, [rc(node)]))
    # closed rings of degree-2 cells (no node on them), from their lowest cell
    visited = set(node_xy.values())
    ring_states = np.flatnonzero(~finished)  # states still jumping after the doubling: on a ring
    ring_cells = np.unique(cur_cell[ring_states]) if len(ring_states) else np.zeros(0, np.int64)
    seen_ring = np.zeros(n, dtype=bool)
    for c in ring_cells.tolist():
        if seen_ring[c] or rc(c) in visited:
            continue
        path = [c]
        prev, cur = c, int(adj_sorted[c, 0])
        while cur != c:
            path.append(cur)
            a, b = int(adj_sorted[cur, 0]), int(adj_sorted[cur, 1])
            prev, cur = cur, (b if a == prev else a)
        path.append(c)
        seen_ring[path] = True
        key = ("e", int(cells[c]))
        edges.append(_Edge(key, key, [rc(p) for p in path]))
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
