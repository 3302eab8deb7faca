"""The share of each ridge segment walked: length of a line within a search half-width of the routes (metres)."""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from .effort import _layer_crs
from .segments import _positive, _row_intervals, line_segments

# ----------------------------------------------------------------------------------------------------------------
# Ridge segments walked
# ----------------------------------------------------------------------------------------------------------------

def _subdivide(segs: np.ndarray, max_len: float) -> Tuple[np.ndarray, np.ndarray]:
    """Cut segments into equal collinear pieces no longer than ``max_len``; returns pieces and source index."""
    dx, dy = segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1]
    n = np.maximum(np.ceil(np.hypot(dx, dy) / max_len), 1).astype(np.int64)
    idx = np.repeat(np.arange(len(segs)), n)
    k = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    t0, t1 = k / n[idx], (k + 1) / n[idx]
    s = segs[idx]
    out = np.column_stack([s[:, 0] + t0 * dx[idx], s[:, 1] + t0 * dy[idx],
                           s[:, 0] + t1 * dx[idx], s[:, 1] + t1 * dy[idx]])
    last = t1 == 1
    out[last, 2:4] = s[last, 2:4]
    return out, idx


#: The largest search half-width the analyses accept: a walker finds signs within tens of metres of the line;
#: beyond this the "searched" strip means nothing and the exact geometry grows quadratically with it.
MAX_HALF_WIDTH_M = 500.0


def check_half_width(half_width: float) -> float:
    """A search half-width in (0, :data:`MAX_HALF_WIDTH_M`] metres, or a ParameterError saying so."""
    value = float(half_width)
    if not (np.isfinite(value) and 0 < value <= MAX_HALF_WIDTH_M):
        raise ParameterError(QT_TR_NOOP("The search half-width must be more than 0 and at most {limit:g} m (signs "
                                        "are found within tens of metres of the route); got {value}."),
                             limit=MAX_HALF_WIDTH_M, value=value)
    return value


def walked_lengths(target: np.ndarray, routes: np.ndarray, half_width: float) -> np.ndarray:
    """Length (m) of each target segment lying within ``half_width`` of any route segment (exact).

    Args:
        target: ``(n, 4)`` segments (e.g. ridge segments), metres.
        routes: ``(m, 4)`` route segments, metres.
        half_width: metres.
    """
    target = np.asarray(target, dtype=np.float64).reshape(-1, 4)
    out = np.zeros(len(target))
    routes = np.asarray(routes, dtype=np.float64).reshape(-1, 4)
    if len(target) == 0 or len(routes) == 0:
        return out
    from scipy.spatial import cKDTree

    size = max(4.0 * half_width, 50.0)
    tp, tidx = _subdivide(target, size)
    rp, _ = _subdivide(routes, size)
    t_mid = (tp[:, :2] + tp[:, 2:]) / 2
    r_mid = (rp[:, :2] + rp[:, 2:]) / 2
    reach = size + half_width + 1e-6
    tree_t, tree_r = cKDTree(t_mid), cKDTree(r_mid)
    lists = tree_t.query_ball_tree(tree_r, reach)
    counts = np.fromiter((len(v) for v in lists), dtype=np.int64, count=len(lists))
    if counts.sum() == 0:
        return out
    ti = np.repeat(np.arange(len(tp)), counts)
    ri = np.fromiter((j for v in lists for j in v), dtype=np.int64, count=int(counts.sum()))
    # frame of each target piece: origin at its start, x along it
    p0 = tp[ti, :2]
    d = tp[ti, 2:] - p0
    length = np.hypot(d[:, 0], d[:, 1])
    safe = np.where(length > 0, length, 1.0)
    ex, ey = d[:, 0] / safe, d[:, 1] / safe

    def to_frame(x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        vx, vy = x - p0[:, 0], y - p0[:, 1]
        return vx * ex + vy * ey, -vx * ey + vy * ex

    a_x, a_y = to_frame(rp[ri, 0], rp[ri, 1])
    b_x, b_y = to_frame(rp[ri, 2], rp[ri, 3])
    lo, hi = _row_intervals(np.zeros(len(ti)), a_x, a_y, b_x, b_y, half_width)
    lo, hi = np.clip(lo, 0, length), np.clip(hi, 0, length)
    ok = (hi > lo) & (length > 0)
    ti, lo, hi = ti[ok], lo[ok], hi[ok]
    if len(ti) == 0:
        return out
    # union of intervals per piece: sort by (piece, lo) and sweep with a running maximum (offset per piece)
    offset = ti.astype(np.float64) * (2.0 * size + 1.0)
    order = np.lexsort((lo, ti))
    ti, lo, hi = ti[order], lo[order] + offset[order], hi[order] + offset[order]
    run = np.maximum.accumulate(hi)
    prev = np.concatenate([[-np.inf], run[:-1]])
    covered = np.maximum(hi - np.maximum(lo, prev), 0.0)
    per_piece = np.bincount(ti, weights=covered, minlength=len(tp))
    return np.bincount(tidx, weights=per_piece, minlength=len(target))


def walked_per_feature(segs: np.ndarray, feature: np.ndarray, n: int, routes: Any,
                       half_width: float) -> Tuple[np.ndarray, np.ndarray]:
    """Length (m) of each of ``n`` features, and the part of it within ``half_width`` m of a route.

    Args:
        segs, feature: the features' segments and the feature index of each (:func:`line_segments`).
        n: number of features.
        routes: route lines in the same CRS.
        half_width: route detection half-width, metres.
    """
    usegs, _ = line_segments(routes)
    walked = walked_lengths(segs, usegs, half_width)
    seg_len = np.hypot(segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1])
    return (np.bincount(feature, weights=seg_len, minlength=n),
            np.bincount(feature, weights=walked, minlength=n))


def ridge_walked_share(ridges: Any, routes: Any, half_width: float):
    """Share of each ridge segment walked: its length within ``half_width`` m of any route / its length.

    Args:
        ridges: GeoDataFrame of ridge (Multi)LineStrings (e.g. with ``segment_id``), metric CRS.
        routes: route lines in the same CRS.
        half_width: route detection half-width, metres.

    Returns:
        A copy of ``ridges`` with ``length_km``, ``walked_km`` and ``walked_share`` (0..1; 0 for empty ridges).

    Raises:
        InputError: empty ridges. ParameterError: bad half-width. CrsError: geographic CRS.
    """
    half_width = check_half_width(half_width)
    half_width = _positive(half_width, "The detection half-width")
    _layer_crs(ridges, routes)
    rsegs, rfeat = line_segments(ridges)
    if len(ridges) == 0 or len(rsegs) == 0:
        raise InputError(QT_TR_NOOP("The ridges layer has no lines; compute the ridgelines from the DEM first."))
    total, walk = walked_per_feature(rsegs, rfeat, len(ridges), routes, half_width)
    out = ridges.copy()
    out["length_km"] = total / 1000.0
    out["walked_km"] = walk / 1000.0
    with np.errstate(invalid="ignore", divide="ignore"):
        out["walked_share"] = np.where(total > 0, np.clip(walk / np.where(total > 0, total, 1), 0, 1), 0.0)
    return out
