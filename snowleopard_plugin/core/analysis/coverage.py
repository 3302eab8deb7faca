"""Survey coverage: cells searched along routes, cells sampled by cameras, effort per grid cell, ridges walked.

All coordinates are metres in one projected (metric) CRS, the season's UTM
zone; rasters follow :class:`~.raster.Grid` (north-up, upper-left corner
``x0, y0``, square cells of ``pixel`` metres, arrays indexed ``[row, col]``).
Lengths returned are kilometres unless a name says ``_m``.

The rules (see ``docs/coverage.md``):

* a cell is **searched** when the Euclidean distance from its centre to the
  nearest route segment is ``<= half_width`` metres. The test is exact to the
  pixel: every row of cells is intersected analytically with the "capsule"
  (segment buffered by the half-width, round caps) of each segment; the cells
  whose centres lie within ``1e-6`` m of a capsule boundary are decided by the
  explicit point-to-segment distance;
* a cell is **sampled by a camera** when its centre is ``<= radius`` metres
  from the station; its value is the sum of the trap-nights of all stations
  reaching it;
* the **coverage code** raster: 0 = not covered, 1 = searched by routes only,
  2 = sampled by cameras only, 3 = both.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..crs import require_metric
from ..exceptions import QT_TR_NOOP, CrsError, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid

#: Tolerance (m) around a capsule boundary inside which cells get the explicit distance test.
BOUNDARY_EPS_M = 1e-6

#: Number of (segment, row) pairs handled per numpy chunk.
_CHUNK = 250_000

#: Coverage codes of :func:`coverage_raster`.
NOT_COVERED, ROUTES_ONLY, CAMERAS_ONLY, ROUTES_AND_CAMERAS = 0, 1, 2, 3


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
# Public coverage functions
# ----------------------------------------------------------------------------------------------------------------

def _positive(value: float, name: str) -> float:
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ParameterError(QT_TR_NOOP("{name} must be a positive distance in metres (got {value})."),
                             name=name, value=value)
    return value


def searched_cells(routes: Any, grid: Grid, half_width: float, feedback: Optional[Feedback] = None) -> np.ndarray:
    """Cells searched along routes: centre within ``half_width`` metres of a route segment (exact).

    Args:
        routes: route lines (see :func:`line_segments`), in the grid's metric CRS.
        grid: the raster grid.
        half_width: detection half-width of the route, metres (> 0).
        feedback: progress and cancellation.

    Returns:
        Boolean array ``[row, col]``.

    Raises:
        InputError: no route lines, or none comes within ``half_width`` of the grid.
        ParameterError: non-positive half-width. CrsError: geographic CRS.
    """
    check_grid(grid)
    half_width = _positive(half_width, "The detection half-width")
    segs, _ = line_segments(routes)
    if len(segs) == 0:
        raise InputError(QT_TR_NOOP("The routes layer has no lines; load the season's GPS tracks first."))
    _check_overlap(grid, segs, half_width, "routes")
    return mark_within(grid, segs, half_width, feedback=feedback)


def _check_overlap(grid: Grid, segs: np.ndarray, distance: float, what: str) -> None:
    xmin, ymin, xmax, ymax = grid.extent
    xs, ys = segs[:, [0, 2]], segs[:, [1, 3]]
    if (xs.max() < xmin - distance or xs.min() > xmax + distance or ys.max() < ymin - distance
            or ys.min() > ymax + distance):
        raise InputError(QT_TR_NOOP("The {what} do not overlap the analysis grid ({xmin:.0f}, {ymin:.0f} - {xmax:.0f}, "
                                    "{ymax:.0f}); check that both are in the same CRS and choose an extent that "
                                    "contains the survey."), what=what, xmin=xmin, ymin=ymin, xmax=xmax, ymax=ymax)


def camera_trap_nights(stations: Any, trap_nights: Any, grid: Grid, radius: float) -> np.ndarray:
    """Trap-nights per cell: the sum over stations whose centre-distance to the cell is ``<= radius`` metres.

    Args:
        stations: station points (GeoDataFrame / GeoSeries / list of points / ``(n, 2)`` array), metres.
        trap_nights: per-station trap-nights (array-like, or the name of a column of ``stations``).
            Missing values count as 0.
        grid: the raster grid.
        radius: camera detection radius, metres (> 0).

    Returns:
        float64 array ``[row, col]`` of trap-nights (0 where no camera reaches).

    Raises:
        InputError: no stations, or none within ``radius`` of the grid. ParameterError: bad radius.
    """
    check_grid(grid)
    radius = _positive(radius, "The camera detection radius")
    xy = points_xy(stations)
    if isinstance(trap_nights, str):
        tn = np.asarray(stations[trap_nights], dtype=np.float64)
    else:
        tn = np.broadcast_to(np.asarray(trap_nights, dtype=np.float64), (len(xy),)).copy()
    if len(xy) == 0:
        raise InputError(QT_TR_NOOP("The cameras layer has no stations; load the camera-trap stations first."))
    tn = np.where(np.isfinite(tn), tn, 0.0)
    _check_overlap(grid, np.hstack([xy, xy]), radius, "camera stations")
    out = np.zeros(grid.shape, dtype=np.float64)
    for (x, y), w in zip(xy, tn):
        rows, cols, ok = _disc_cells(grid, x, y, radius)
        if ok is not None:
            out[rows[:, None], cols[None, :]] += np.where(ok, w, 0.0)
    return out


def _disc_cells(grid: Grid, x: float, y: float, radius: float):
    """Rows, columns of the box around a disc, and the boolean ``centre within radius`` on that box."""
    p = grid.pixel
    c0 = max(int(np.ceil((x - radius - grid.x0) / p - 0.5)) - 1, 0)
    c1 = min(int(np.floor((x + radius - grid.x0) / p - 0.5)) + 1, grid.width - 1)
    r0 = max(int(np.ceil((grid.y0 - (y + radius)) / p - 0.5)) - 1, 0)
    r1 = min(int(np.floor((grid.y0 - (y - radius)) / p - 0.5)) + 1, grid.height - 1)
    if c0 > c1 or r0 > r1:
        return None, None, None
    cols = np.arange(c0, c1 + 1)
    rows = np.arange(r0, r1 + 1)
    xc = grid.x0 + (cols + 0.5) * p
    yc = grid.y0 - (rows + 0.5) * p
    ok = (yc[:, None] - y) ** 2 + (xc[None, :] - x) ** 2 <= radius * radius
    return rows, cols, ok


def stations_within(stations: Any, grid: Grid, radius: float, mask: Optional[np.ndarray] = None) -> np.ndarray:
    """Boolean mask of cells whose centre is within ``radius`` metres of any station (exact)."""
    if mask is None:
        mask = np.zeros(grid.shape, dtype=bool)
    for x, y in points_xy(stations):
        rows, cols, ok = _disc_cells(grid, x, y, radius)
        if ok is not None:
            mask[rows[:, None], cols[None, :]] |= ok
    return mask


def coverage_raster(grid: Grid, routes: Any = None, half_width: float = 50.0, stations: Any = None,
                    trap_nights: Any = None, radius: float = 500.0,
                    feedback: Optional[Feedback] = None) -> Tuple[np.ndarray, np.ndarray]:
    """Coverage codes and trap-nights per cell.

    Args:
        grid: the raster grid (metric CRS).
        routes: route lines, or None.
        half_width: route detection half-width, metres.
        stations: camera stations, or None.
        trap_nights: per-station trap-nights or a column name of ``stations`` (default: 1 per station).
        radius: camera detection radius, metres.
        feedback: progress and cancellation.

    Returns:
        ``(codes, trap_nights)``: uint8 codes 0 = not covered, 1 = routes only, 2 = cameras only, 3 = both;
        float64 trap-nights per cell.

    Raises:
        InputError: neither routes nor stations given, or they do not overlap the grid.
    """
    has_routes = routes is not None and len(line_segments(routes)[0]) > 0
    has_cams = stations is not None and len(points_xy(stations)) > 0
    if not (has_routes or has_cams):
        raise InputError(QT_TR_NOOP("No survey effort: give a routes layer with lines or a cameras layer with "
                                    "stations."))
    searched = searched_cells(routes, grid, half_width, feedback) if has_routes else np.zeros(grid.shape, bool)
    if has_cams:
        tn = camera_trap_nights(stations, 1.0 if trap_nights is None else trap_nights, grid, radius)
        sampled = stations_within(stations, grid, radius)
    else:
        tn = np.zeros(grid.shape)
        sampled = np.zeros(grid.shape, bool)
    codes = searched.astype(np.uint8) + 2 * sampled.astype(np.uint8)
    return codes, tn


# ----------------------------------------------------------------------------------------------------------------
# Surface distance
# ----------------------------------------------------------------------------------------------------------------

def sample_bilinear(dem: np.ndarray, grid: Grid, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Elevations at points, interpolated bilinearly between cell centres.

    Within half a cell of the raster's edge the edge cells' plane is extended linearly; points outside the
    raster or next to NaN cells give NaN.
    """
    height, width = dem.shape
    fc = (np.asarray(x, dtype=np.float64) - grid.x0) / grid.pixel - 0.5
    fr = (grid.y0 - np.asarray(y, dtype=np.float64)) / grid.pixel - 0.5
    inside = (fc >= -0.5) & (fc <= width - 0.5) & (fr >= -0.5) & (fr <= height - 0.5)
    c0 = np.clip(np.floor(fc), 0, max(width - 2, 0)).astype(np.int64)
    r0 = np.clip(np.floor(fr), 0, max(height - 2, 0)).astype(np.int64)
    c1 = np.minimum(c0 + 1, width - 1)
    r1 = np.minimum(r0 + 1, height - 1)
    tx = np.where(width > 1, fc - c0, 0.0)
    ty = np.where(height > 1, fr - r0, 0.0)
    z = ((1 - tx) * (1 - ty) * dem[r0, c0] + tx * (1 - ty) * dem[r0, c1]
         + (1 - tx) * ty * dem[r1, c0] + tx * ty * dem[r1, c1])
    return np.where(inside, z, np.nan)


def segment_surface_lengths(segments: np.ndarray, dem: np.ndarray, grid: Grid,
                            step: Optional[float] = None) -> np.ndarray:
    """3-D length (m) of each segment over the DEM.

    Each segment is cut into equal steps no longer than ``step`` (default: half the DEM pixel); elevations at
    the step ends are bilinear (:func:`sample_bilinear`); a step with an unknown elevation counts planimetric.

    Args:
        segments: ``(m, 4)`` segments in the DEM's CRS, metres.
        dem: elevations (m), NaN where unknown.
        grid: the DEM's grid.
        step: maximum step, metres.
    """
    segs = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    step = float(step) if step else grid.pixel / 2.0
    dx, dy = segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1]
    planar = np.hypot(dx, dy)
    nstep = np.maximum(np.ceil(planar / step), 1).astype(np.int64)
    out = np.zeros(len(segs))
    cum = np.cumsum(nstep)
    start = 0
    while start < len(segs):
        base = cum[start] - nstep[start]
        stop = max(int(np.searchsorted(cum, base + _CHUNK, side="right")), start + 1)
        n = nstep[start:stop]
        idx = np.repeat(np.arange(start, stop), n)
        k = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        t0 = k / nstep[idx]
        t1 = (k + 1) / nstep[idx]
        x0, y0 = segs[idx, 0] + t0 * dx[idx], segs[idx, 1] + t0 * dy[idx]
        x1, y1 = segs[idx, 0] + t1 * dx[idx], segs[idx, 1] + t1 * dy[idx]
        z0 = sample_bilinear(dem, grid, x0, y0)
        z1 = sample_bilinear(dem, grid, x1, y1)
        dz = np.where(np.isfinite(z0) & np.isfinite(z1), z1 - z0, 0.0)
        piece = np.sqrt((planar[idx] / nstep[idx]) ** 2 + dz * dz)
        out[start:stop] = np.bincount(idx - start, weights=piece, minlength=stop - start)
        start = stop
    return out


def surface_length(line_xy: Any, dem: np.ndarray, grid: Grid, step: Optional[float] = None) -> float:
    """Surface (3-D) length of a line over a DEM, in km.

    Args:
        line_xy: the line: ``(n, 2)`` array or shapely (Multi)LineString, in the DEM's metric CRS.
        dem: elevations in metres on ``grid`` (NaN = unknown: those steps count planimetric).
        grid: the DEM's grid.
        step: sampling step in metres (default half a DEM pixel, always <= one pixel).
    """
    check_metric(grid.crs, "The DEM")
    segs, _ = line_segments([line_xy] if isinstance(line_xy, np.ndarray) else line_xy)
    return float(segment_surface_lengths(segs, dem, grid, step).sum()) / 1000.0


# ----------------------------------------------------------------------------------------------------------------
# Effort grid (SMART-like gridded query)
# ----------------------------------------------------------------------------------------------------------------

def split_segments_on_grid(segs: np.ndarray, x0: float, y0: float, cell: float) -> Tuple[np.ndarray, np.ndarray]:
    """Cut segments where they cross the lines of a square grid (origin ``x0, y0`` = upper-left, size ``cell``).

    Returns:
        ``(pieces, seg_index)``: ``(k, 4)`` pieces, each inside one cell, and the index of its segment.
    """
    segs = np.asarray(segs, dtype=np.float64).reshape(-1, 4)
    ts: List[np.ndarray] = [np.zeros(len(segs)), np.ones(len(segs))]
    ids: List[np.ndarray] = [np.arange(len(segs)), np.arange(len(segs))]
    for a, b, origin, sign in ((0, 2, x0, 1.0), (1, 3, y0, -1.0)):
        u = sign * (segs[:, a] - origin) / cell
        v = sign * (segs[:, b] - origin) / cell
        k0 = np.floor(np.minimum(u, v)) + 1
        k1 = np.ceil(np.maximum(u, v)) - 1
        seg, k = _expand_ranges(k0.astype(np.int64), k1.astype(np.int64))
        with np.errstate(invalid="ignore", divide="ignore"):
            t = (k - u[seg]) / (v[seg] - u[seg])
        ok = np.isfinite(t) & (t > 0) & (t < 1)
        ts.append(t[ok])
        ids.append(seg[ok])
    return cut_segments(segs, np.concatenate(ts), np.concatenate(ids))


def cut_segments(segs: np.ndarray, t: np.ndarray, seg_index: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Cut segments at the given parameters along them.

    Args:
        segs: ``(m, 4)`` segments (x0, y0, x1, y1).
        t: cut positions, 0..1 along their segment; must include 0 and 1 for every segment.
        seg_index: the segment of each cut.

    Returns:
        ``(pieces, seg_index)``: the pieces between consecutive cuts, in segment order, with exact
        end points where a cut is 0 or 1 (zero-length pieces are kept; filter them if unwanted).
    """
    order = np.lexsort((t, seg_index))
    t_all, id_all = t[order], seg_index[order]
    same = id_all[1:] == id_all[:-1]
    ta, tb, sid = t_all[:-1][same], t_all[1:][same], id_all[:-1][same]
    s = segs[sid]
    dx, dy = s[:, 2] - s[:, 0], s[:, 3] - s[:, 1]
    pieces = np.column_stack([s[:, 0] + ta * dx, s[:, 1] + ta * dy, s[:, 0] + tb * dx, s[:, 1] + tb * dy])
    pieces[ta == 0, 0:2] = s[ta == 0, 0:2]
    pieces[tb == 1, 2:4] = s[tb == 1, 2:4]
    return pieces, sid


def _visit_keys(routes: Any, fields: Sequence[str]) -> Optional[np.ndarray]:
    """One integer key per route feature: its distinct combination of ``fields`` (None: no such field)."""
    present = [f for f in fields if hasattr(routes, "columns") and f in routes.columns]
    if not present:
        return None
    values = routes[present].astype(str).agg("\x1f".join, axis=1)
    _, keys = np.unique(values.to_numpy(), return_inverse=True)
    return keys


def _snapped_extent(bounds: Iterable[Tuple[float, float, float, float]], cell: float):
    b = np.array([bb for bb in bounds if np.all(np.isfinite(bb))], dtype=np.float64)
    if len(b) == 0:
        return None
    xmin, ymin = np.floor(b[:, 0].min() / cell) * cell, np.floor(b[:, 1].min() / cell) * cell
    xmax, ymax = np.ceil(b[:, 2].max() / cell) * cell, np.ceil(b[:, 3].max() / cell) * cell
    if xmax <= xmin:
        xmax = xmin + cell
    if ymax <= ymin:
        ymax = ymin + cell
    return xmin, ymin, xmax, ymax


def _layer_crs(*layers: Any) -> Any:
    crs = None
    for layer in layers:
        lc = getattr(layer, "crs", None) if layer is not None and hasattr(layer, "columns") else None
        if lc is None:
            continue
        check_metric(lc, "A survey layer")
        if crs is not None and lc != crs:
            raise CrsError(QT_TR_NOOP("The survey layers are in different CRSs ({a} and {b}); reproject them to the "
                                      "season's CRS first."), a=str(crs), b=str(lc))
        crs = lc
    return crs


def effort_grid(cell_size: float, routes: Any = None, cameras: Any = None, observations: Any = None,
                detections: Any = None, extent: Optional[Tuple[float, float, float, float]] = None,
                dem: Optional[np.ndarray] = None, dem_grid: Optional[Grid] = None,
                trap_nights_field: str = "trap_nights", visit_fields: Sequence[str] = ("route_id", "date"),
                keep_empty: bool = False, crs: Any = None, feedback: Optional[Feedback] = None):
    """Effort per square grid cell, like SMART's gridded query.

    Args:
        cell_size: cell side, metres (e.g. 2000 or 4000).
        routes: route lines (GeoDataFrame with ``route_id`` / ``date`` ideally).
        cameras: station points with a ``trap_nights_field`` column (missing: 0).
        observations: sign points (each row counts 1 sign).
        detections: detection points (each row counts 1 detection).
        extent: ``(xmin, ymin, xmax, ymax)`` metres; default: the data's bounds snapped outwards to multiples of
            ``cell_size`` (so grids of different seasons line up).
        dem, dem_grid: a DEM (m) and its grid, for ``surface_km``.
        trap_nights_field: column of ``cameras`` with trap-nights.
        visit_fields: route columns whose distinct combinations count as visits (a route on a day); when none is
            present each route feature is one visit.
        keep_empty: keep cells without any effort, sign or detection (default False, as SMART does).
        crs: CRS of the output when the inputs are not GeoDataFrames.
        feedback: progress and cancellation.

    Returns:
        GeoDataFrame with ``cell_id`` (row-major from the north-west cell, starting at 1), ``row``, ``col``,
        ``km_walked`` (planimetric km of routes clipped to the cell), ``surface_km`` (3-D km over the DEM; NaN
        without a DEM), ``trap_nights`` (of stations inside), ``signs``, ``detections``, ``visits`` and a square
        polygon geometry. A point on a cell edge belongs to the cell east / south of the edge.

    Raises:
        ParameterError: bad cell size. InputError: no data at all. CrsError: geographic or mixed CRSs.
    """
    import geopandas as gpd
    from shapely.geometry import box

    cell = _positive(cell_size, "The effort grid cell size")
    out_crs = _layer_crs(routes, cameras, observations, detections)
    out_crs = crs if out_crs is None else out_crs
    check_metric(out_crs, "The effort grid")
    segs, feat = line_segments(routes)
    cam_xy, obs_xy, det_xy = points_xy(cameras), points_xy(observations), points_xy(detections)
    if extent is None:
        bounds = []
        if len(segs):
            bounds.append((min(segs[:, 0].min(), segs[:, 2].min()), min(segs[:, 1].min(), segs[:, 3].min()),
                           max(segs[:, 0].max(), segs[:, 2].max()), max(segs[:, 1].max(), segs[:, 3].max())))
        for xy in (cam_xy, obs_xy, det_xy):
            if len(xy):
                bounds.append((xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max()))
        extent = _snapped_extent(bounds, cell)
        if extent is None:
            raise InputError(QT_TR_NOOP("No survey data to grid: the routes, cameras, observations and detections "
                                        "layers are all empty."))
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    grid = Grid.from_extent(xmin, ymin, xmax, ymax, cell)
    ncell = grid.width * grid.height
    km = np.zeros(ncell)
    skm = np.zeros(ncell) if dem is not None else np.full(ncell, np.nan)
    visits = np.zeros(ncell, dtype=np.int64)

    def cell_of(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        col = np.floor((x - grid.x0) / cell).astype(np.int64)
        row = np.floor((grid.y0 - y) / cell).astype(np.int64)
        ok = (col >= 0) & (col < grid.width) & (row >= 0) & (row < grid.height)
        return np.where(ok, row * grid.width + col, -1)

    if len(segs):
        check_cancel(feedback)
        pieces, sid = split_segments_on_grid(segs, grid.x0, grid.y0, cell)
        lengths = np.hypot(pieces[:, 2] - pieces[:, 0], pieces[:, 3] - pieces[:, 1])
        cid = cell_of((pieces[:, 0] + pieces[:, 2]) / 2, (pieces[:, 1] + pieces[:, 3]) / 2)
        ok = (cid >= 0) & (lengths > 0)
        km = np.bincount(cid[ok], weights=lengths[ok], minlength=ncell) / 1000.0
        if dem is not None:
            if dem_grid is None:
                raise ParameterError(QT_TR_NOOP("A DEM was given without its grid; pass dem_grid as well."))
            check_cancel(feedback)
            surf = segment_surface_lengths(pieces[ok], dem, dem_grid)
            skm = np.bincount(cid[ok], weights=surf, minlength=ncell) / 1000.0
        keys = _visit_keys(routes, visit_fields)
        vk = feat[sid[ok]] if keys is None else keys[feat[sid[ok]]]
        pairs = np.unique(np.column_stack([cid[ok], vk]), axis=0)
        visits = np.bincount(pairs[:, 0], minlength=ncell).astype(np.int64)
    tn = np.zeros(ncell)
    if len(cam_xy):
        w = (np.asarray(cameras[trap_nights_field], dtype=np.float64)
             if hasattr(cameras, "columns") and trap_nights_field in cameras.columns else np.zeros(len(cam_xy)))
        w = np.where(np.isfinite(w), w, 0.0)
        cid = cell_of(cam_xy[:, 0], cam_xy[:, 1])
        tn = np.bincount(cid[cid >= 0], weights=w[cid >= 0], minlength=ncell)
    counts = []
    for xy in (obs_xy, det_xy):
        c = np.zeros(ncell, dtype=np.int64)
        if len(xy):
            cid = cell_of(xy[:, 0], xy[:, 1])
            c = np.bincount(cid[cid >= 0], minlength=ncell).astype(np.int64)
        counts.append(c)
    signs, dets = counts
    cam_count = np.zeros(ncell, dtype=np.int64)
    if len(cam_xy):
        cid = cell_of(cam_xy[:, 0], cam_xy[:, 1])
        cam_count = np.bincount(cid[cid >= 0], minlength=ncell)
    has = (km > 0) | (cam_count > 0) | (signs > 0) | (dets > 0)
    ids = np.arange(ncell) if keep_empty else np.flatnonzero(has)
    rows, cols = ids // grid.width, ids % grid.width
    geoms = [box(grid.x0 + c * cell, grid.y0 - (r + 1) * cell, grid.x0 + (c + 1) * cell, grid.y0 - r * cell)
             for r, c in zip(rows, cols)]
    return gpd.GeoDataFrame({
        "cell_id": ids + 1, "row": rows, "col": cols, "km_walked": km[ids],
        "surface_km": skm[ids] if dem is not None else np.full(len(ids), np.nan),
        "trap_nights": tn[ids], "signs": signs[ids], "detections": dets[ids], "visits": visits[ids],
    }, geometry=geoms, crs=out_crs)


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
