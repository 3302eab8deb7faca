"""The value of a line (the habitat cells it searches) and the budgeted maximum coverage (lazy greedy).

Cells are flat indices of a :class:`~.raster.Grid` in a metric CRS; half-widths are metres, weights km²."""

from __future__ import annotations

import heapq
import math
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..analysis.coverage import (
    mark_within,
    point_segment_d2,
)
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .inputs import _segs


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
