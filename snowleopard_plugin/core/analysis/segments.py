"""Line segments of routes and ridges, and the grid cells within a distance of them (exact to the pixel).

Coordinates in metres in one metric CRS; rasters follow :class:`~.raster.Grid`. A cell is within ``d`` of a
segment when the Euclidean distance from its centre is ``<= d``: every row of cells is intersected analytically
with the capsule of each segment; cells within :data:`BOUNDARY_EPS_M` of a capsule boundary get the explicit
point-to-segment distance (see ``docs/coverage.md``).
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np

from ..crs import require_metric
from ..exceptions import QT_TR_NOOP, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid

#: Tolerance (m) around a capsule boundary inside which cells get the explicit distance test.
BOUNDARY_EPS_M = 1e-6

#: Number of (segment, row) pairs handled per numpy chunk.
_CHUNK = 250_000


# ----------------------------------------------------------------------------------------------------------------
# Input adapters
# ----------------------------------------------------------------------------------------------------------------

def check_metric(crs: Any, what: str) -> None:
    """Raise :class:`CrsError` unless ``crs`` is metric (see :func:`..crs.require_metric`; a missing CRS is accepted).

    Args:
        crs: a pyproj / rasterio CRS or CRS text.
        what: the name of the layer or grid, for the message.
    """
    require_metric(crs, what)


def check_grid(grid: Grid) -> None:
    """Check a grid is usable: metric CRS, positive pixel, at least one cell."""
    check_metric(grid.crs, "The grid")
    if not (grid.pixel > 0) or grid.width < 1 or grid.height < 1:
        raise ParameterError(QT_TR_NOOP("The grid has no cells (pixel {pixel} m, {width} x {height}); choose a "
                                        "positive cell size and a non-empty extent."),
                             pixel=grid.pixel, width=grid.width, height=grid.height)


def _positive(value: float, name: str) -> float:
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ParameterError(QT_TR_NOOP("{name} must be a positive distance in metres (got {value})."),
                             name=name, value=value)
    return value


def _geometries(layer: Any) -> List[Any]:
    """The list of geometries (or coordinate arrays) of a layer-like input."""
    if layer is None:
        return []
    geometry = getattr(layer, "geometry", None)
    if geometry is not None and hasattr(layer, "columns"):  # GeoDataFrame
        check_metric(layer.crs, "The layer")
        return list(geometry.values)
    if hasattr(layer, "geom_type") and hasattr(layer, "crs") and hasattr(layer, "values"):  # GeoSeries
        check_metric(layer.crs, "The layer")
        return list(layer.values)
    if hasattr(layer, "geom_type"):  # one shapely geometry
        return [layer]
    if isinstance(layer, np.ndarray) and layer.ndim == 2:
        return [layer]
    return list(layer)


def _line_parts(geom: Any) -> List[np.ndarray]:
    """Coordinate arrays (n, 2) of the line parts of a geometry or array."""
    if geom is None:
        return []
    if isinstance(geom, np.ndarray) or isinstance(geom, (list, tuple)):
        arr = np.asarray(geom, dtype=np.float64)
        return [arr[:, :2]] if arr.ndim == 2 and len(arr) else []
    if geom.is_empty:
        return []
    if hasattr(geom, "geoms"):
        parts: List[np.ndarray] = []
        for part in geom.geoms:
            parts.extend(_line_parts(part))
        return parts
    if geom.geom_type in ("LineString", "LinearRing"):
        return [np.asarray(geom.coords, dtype=np.float64)[:, :2]]
    if geom.geom_type == "Polygon":
        return [np.asarray(geom.exterior.coords, dtype=np.float64)[:, :2]]
    if geom.geom_type == "Point":
        xy = np.asarray(geom.coords, dtype=np.float64)[:, :2]
        return [np.vstack([xy, xy])]
    return []


def line_segments(lines: Any) -> Tuple[np.ndarray, np.ndarray]:
    """Split lines into straight segments.

    Args:
        lines: a GeoDataFrame / GeoSeries of (Multi)LineStrings, a list of shapely lines, a shapely line, an
            ``(n, 2)`` coordinate array or a list of them. Coordinates in metres (Z ignored).

    Returns:
        ``(segments, feature)``: ``segments`` is ``(m, 4)`` float64 ``x1, y1, x2, y2``; ``feature`` ``(m,)`` the
        index of the feature each segment comes from. A one-vertex part gives a zero-length segment (a point).

    Raises:
        CrsError: a GeoDataFrame/GeoSeries in a geographic CRS.
    """
    segs: List[np.ndarray] = []
    feats: List[np.ndarray] = []
    for index, geom in enumerate(_geometries(lines)):
        for xy in _line_parts(geom):
            if len(xy) == 1:
                xy = np.vstack([xy, xy])
            part = np.hstack([xy[:-1], xy[1:]])
            part = part[np.all(np.isfinite(part), axis=1)]
            segs.append(part)
            feats.append(np.full(len(part), index, dtype=np.int64))
    if not segs:
        return np.zeros((0, 4)), np.zeros(0, dtype=np.int64)
    return np.vstack(segs), np.concatenate(feats)


def points_xy(points: Any) -> np.ndarray:
    """``(n, 2)`` coordinates of a point layer (GeoDataFrame / GeoSeries / list of points / array), metres."""
    if points is None:
        return np.zeros((0, 2))
    if isinstance(points, np.ndarray):
        arr = np.asarray(points, dtype=np.float64)
        return arr.reshape(-1, arr.shape[-1])[:, :2] if arr.size else np.zeros((0, 2))
    out = []
    for geom in _geometries(points):
        if geom is None:
            continue
        if isinstance(geom, (list, tuple, np.ndarray)):
            out.append(np.asarray(geom, dtype=np.float64)[:2])
            continue
        if geom.is_empty:
            continue
        if hasattr(geom, "geoms"):
            out.extend(np.asarray(p.coords, dtype=np.float64)[0, :2] for p in geom.geoms)
        else:
            out.append(np.asarray(geom.coords, dtype=np.float64)[0, :2])
    return np.vstack(out) if out else np.zeros((0, 2))


# ----------------------------------------------------------------------------------------------------------------
# Exact geometry kernels
# ----------------------------------------------------------------------------------------------------------------

def point_segment_d2(px: np.ndarray, py: np.ndarray, ax: np.ndarray, ay: np.ndarray, bx: np.ndarray,
                     by: np.ndarray) -> np.ndarray:
    """Squared Euclidean distance (m²) from points P to segments AB (broadcast arrays).

    This is the reference ("exact") rule every coverage mask is checked against.
    """
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = ((px - ax) * dx + (py - ay) * dy) / l2
    t = np.where(l2 > 0, np.clip(t, 0.0, 1.0), 0.0)
    ex = px - (ax + t * dx)
    ey = py - (ay + t * dy)
    return ex * ex + ey * ey


def _row_intervals(yc: np.ndarray, ax: np.ndarray, ay: np.ndarray, bx: np.ndarray, by: np.ndarray,
                   r: float) -> Tuple[np.ndarray, np.ndarray]:
    """x-interval of the horizontal line ``y = yc`` lying within ``r`` of segment AB (exact, vectorised).

    The set of points within ``r`` of a segment (a capsule) is convex: its intersection with a line is one
    interval, the hull of its intersections with the two end discs and the central rectangle.

    Returns:
        ``(lo, hi)``; ``lo > hi`` (``+inf, -inf``) where the line misses the capsule.
    """
    inf = np.inf
    lo = np.full(np.shape(yc), inf)
    hi = np.full(np.shape(yc), -inf)
    r2 = r * r
    for cx, cy in ((ax, ay), (bx, by)):  # end discs
        h2 = r2 - (yc - cy) ** 2
        ok = h2 >= 0
        h = np.sqrt(np.where(ok, h2, 0.0))
        lo = np.where(ok, np.minimum(lo, cx - h), lo)
        hi = np.where(ok, np.maximum(hi, cx + h), hi)
    dx, dy = bx - ax, by - ay
    length = np.hypot(dx, dy)
    has = length > 0
    safe = np.where(has, length, 1.0)
    ux, uy = dx / safe, dy / safe
    vy = yc - ay
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        # along the segment: 0 <= ux*(x-ax) + uy*vy <= L
        k1 = uy * vy
        ux_s = np.where(ux != 0, ux, 1.0)
        a1, b1 = (0.0 - k1) / ux_s, (length - k1) / ux_s
        lo1 = np.where(ux != 0, np.minimum(a1, b1), np.where((k1 >= 0) & (k1 <= length), -inf, inf))
        hi1 = np.where(ux != 0, np.maximum(a1, b1), np.where((k1 >= 0) & (k1 <= length), inf, -inf))
        # across the segment: -r <= -uy*(x-ax) + ux*vy <= r
        k2 = ux * vy
        uy_s = np.where(uy != 0, -uy, 1.0)
        a2, b2 = (-r - k2) / uy_s, (r - k2) / uy_s
        lo2 = np.where(uy != 0, np.minimum(a2, b2), np.where(np.abs(k2) <= r, -inf, inf))
        hi2 = np.where(uy != 0, np.maximum(a2, b2), np.where(np.abs(k2) <= r, inf, -inf))
    slo = ax + np.maximum(lo1, lo2)
    shi = ax + np.minimum(hi1, hi2)
    ok = has & (slo <= shi)
    lo = np.where(ok, np.minimum(lo, slo), lo)
    hi = np.where(ok, np.maximum(hi, shi), hi)
    return lo, hi


def _centre_cols(lo: np.ndarray, hi: np.ndarray, pixel: float, width: int) -> Tuple[np.ndarray, np.ndarray]:
    """Columns whose centres ``(c + 0.5) * pixel`` lie in ``[lo, hi]`` (local x), clipped to the grid."""
    with np.errstate(invalid="ignore"):
        c0 = np.ceil(np.clip(lo / pixel - 0.5, -1.0, width + 1.0))
        c1 = np.floor(np.clip(hi / pixel - 0.5, -2.0, width + 1.0))
    c0 = np.maximum(c0, 0).astype(np.int64)
    c1 = np.minimum(c1, width - 1).astype(np.int64)
    return c0, c1


def _expand_ranges(starts: np.ndarray, stops: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """For ranges ``[start, stop]`` (inclusive), return (range index, value) of every member."""
    n = np.maximum(stops - starts + 1, 0)
    idx = np.repeat(np.arange(len(n)), n)
    offs = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    return idx, starts[idx] + offs


def mark_within(grid: Grid, segments: np.ndarray, distance: float, mask: Optional[np.ndarray] = None,
                feedback: Optional[Feedback] = None) -> np.ndarray:
    """Mark the cells whose centre is within ``distance`` metres of any segment (exact to the pixel).

    Memory: one int32 array of the grid's size plus chunks of (segment, row) pairs.

    Args:
        grid: the raster grid (metric CRS).
        segments: ``(m, 4)`` segments ``x1, y1, x2, y2`` in the grid's CRS (metres); zero-length ones are points.
        distance: the distance in metres (>= 0).
        mask: a boolean array of the grid's shape to OR into (created when None).
        feedback: progress and cancellation.

    Returns:
        The boolean mask ``[row, col]``.
    """
    height, width = grid.shape
    p = grid.pixel
    if mask is None:
        mask = np.zeros(grid.shape, dtype=bool)
    segs = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    if len(segs) == 0:
        return mask
    eps = BOUNDARY_EPS_M
    r_out, r_in = distance + eps, distance - eps
    # local coordinates: X east from x0, Y south from y0; cell (i, j) centre at ((j + .5) p, (i + .5) p)
    ax, bx = segs[:, 0] - grid.x0, segs[:, 2] - grid.x0
    ay, by = grid.y0 - segs[:, 1], grid.y0 - segs[:, 3]
    keep = ((np.maximum(ax, bx) >= -r_out) & (np.minimum(ax, bx) <= width * p + r_out)
            & (np.maximum(ay, by) >= -r_out) & (np.minimum(ay, by) <= height * p + r_out))
    ax, ay, bx, by, segs = ax[keep], ay[keep], bx[keep], by[keep], segs[keep]
    if len(segs) == 0:
        return mask
    row0 = np.maximum(np.ceil((np.minimum(ay, by) - r_out) / p - 0.5), 0).astype(np.int64)
    row1 = np.minimum(np.floor((np.maximum(ay, by) + r_out) / p - 0.5), height - 1).astype(np.int64)
    nrows = np.maximum(row1 - row0 + 1, 0)
    diff = np.zeros((height, width + 1), dtype=np.int32)
    flat = diff.reshape(-1)
    hits_r: List[np.ndarray] = []
    hits_c: List[np.ndarray] = []
    cum = np.cumsum(nrows)
    total = int(cum[-1])
    start_seg = 0
    while start_seg < len(segs):
        check_cancel(feedback)
        base = cum[start_seg] - nrows[start_seg]
        stop_seg = int(np.searchsorted(cum, base + _CHUNK, side="right"))
        stop_seg = max(stop_seg, start_seg + 1)
        sl = slice(start_seg, stop_seg)
        seg, row = _expand_ranges(row0[sl], row1[sl])
        seg += start_seg
        yc = (row + 0.5) * p
        a_x, a_y, b_x, b_y = ax[seg], ay[seg], bx[seg], by[seg]
        lo_o, hi_o = _row_intervals(yc, a_x, a_y, b_x, b_y, r_out)
        co0, co1 = _centre_cols(lo_o, hi_o, p, width)
        if r_in >= 0:
            lo_i, hi_i = _row_intervals(yc, a_x, a_y, b_x, b_y, r_in)
            ci0, ci1 = _centre_cols(lo_i, hi_i, p, width)
        else:
            ci0, ci1 = np.ones_like(co0), np.zeros_like(co1)
        inner = ci0 <= ci1
        line = row * (width + 1)
        for pos, sign in ((line[inner] + ci0[inner], 1), (line[inner] + ci1[inner] + 1, -1)):
            uniq, counts = np.unique(pos, return_counts=True)
            flat[uniq] += sign * counts.astype(np.int32)
        # boundary cells: in the outer interval but not in the inner one
        left_stop = np.where(inner, np.minimum(ci0 - 1, co1), co1)
        right_start = np.where(inner, np.maximum(ci1 + 1, co0), co1 + 1)
        for s0, s1 in ((co0, left_stop), (right_start, co1)):
            k, col = _expand_ranges(s0, s1)
            if len(k) == 0:
                continue
            rows_k, segk = row[k], seg[k]
            xc = grid.x0 + (col + 0.5) * p
            ycg = grid.y0 - (rows_k + 0.5) * p
            d2 = point_segment_d2(xc, ycg, segs[segk, 0], segs[segk, 1], segs[segk, 2], segs[segk, 3])
            ok = d2 <= distance * distance
            hits_r.append(rows_k[ok])
            hits_c.append(col[ok])
        if feedback is not None:
            feedback.set_progress(100.0 * float(cum[stop_seg - 1]) / max(total, 1))
        start_seg = stop_seg
    np.cumsum(diff, axis=1, dtype=np.int32, out=diff)
    mask |= diff[:, :width] > 0
    del diff, flat
    for rr, cc in zip(hits_r, hits_c):
        mask[rr, cc] = True
    return mask


# ----------------------------------------------------------------------------------------------------------------
