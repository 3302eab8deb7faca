"""Candidate day transects: simple ridge paths that fit in a day (approaches included), in km."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from ..feedback import Feedback, check_cancel
from .graph import Approaches, RidgeGraph

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



def transect_walk(graph: RidgeGraph, app: Approaches, cands: Candidates, i: int) -> Tuple[np.ndarray, float]:
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
