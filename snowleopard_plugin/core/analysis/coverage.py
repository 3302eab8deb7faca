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

from typing import Any, Optional, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError
from ..feedback import Feedback
from ..raster import Grid
from .effort import cut_segments, effort_grid, split_segments_on_grid
from .segments import (
    BOUNDARY_EPS_M,
    _positive,
    check_grid,
    check_metric,
    line_segments,
    mark_within,
    point_segment_d2,
    points_xy,
)
from .surface import sample_bilinear, segment_surface_lengths, surface_length
from .walked import MAX_HALF_WIDTH_M, check_half_width, ridge_walked_share, walked_lengths, walked_per_feature

#: The names of this module, with those moved to its pieces (re-exported for the callers).
__all__ = [
    "BOUNDARY_EPS_M",
    "CAMERAS_ONLY",
    "MAX_HALF_WIDTH_M",
    "NOT_COVERED",
    "ROUTES_AND_CAMERAS",
    "ROUTES_ONLY",
    "camera_trap_nights",
    "check_grid",
    "check_half_width",
    "check_metric",
    "coverage_raster",
    "cut_segments",
    "effort_grid",
    "line_segments",
    "mark_within",
    "point_segment_d2",
    "points_xy",
    "ridge_walked_share",
    "sample_bilinear",
    "searched_cells",
    "segment_surface_lengths",
    "split_segments_on_grid",
    "stations_within",
    "surface_length",
    "walked_lengths",
    "walked_per_feature",
]


#: Coverage codes of :func:`coverage_raster`.
NOT_COVERED, ROUTES_ONLY, CAMERAS_ONLY, ROUTES_AND_CAMERAS = 0, 1, 2, 3


# Public coverage functions
# ----------------------------------------------------------------------------------------------------------------

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


