"""Effort per grid cell (a SMART-like gridded query): km walked, surface km, trap-nights, signs, detections.

Coordinates in metres in one metric CRS; cells are squares of ``cell_size`` metres snapped to the CRS origin.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, CrsError, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .segments import _expand_ranges, _positive, check_metric, line_segments, points_xy
from .surface import segment_surface_lengths

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
