"""Raster skeletons of ridge masks: Zhang-Suen thinning and tracing of the skeleton into edges (cell units).

Arrays are indexed ``[row, col]`` on a :class:`~.raster.Grid`; the edges are sequences of cells, pruned of
spurs shorter than a length in cells and merged at nodes of degree two.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, List, Optional, Tuple

import numpy as np
from scipy import ndimage

from ..feedback import Feedback, check_cancel

#: Cells examined at once by :func:`thin` (bounds its temporaries).
_THIN_CHUNK = 262_144

# Neighbour offsets P2..P9 of Zhang-Suen: N, NE, E, SE, S, SW, W, NW.
_OFFSETS: Tuple[Tuple[int, int], ...] = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


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
