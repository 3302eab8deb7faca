"""Habitat-use heatmaps: kernel density of signs, route-length density, effort correction, camera rates.

All coordinates are in a metric CRS (metres); a :class:`~.raster.Grid` gives the output cells and
values are evaluated at the cell centres. Units of the outputs:

* :func:`kernel_density`: weighted observations per km² (the map integrates to the total weight);
* :func:`line_density`: km of route per km²;
* :func:`effort_corrected`: signs per km of route searched near the cell;
* :func:`camera_rates` and :func:`camera_rate_map`: detections per 100 trap-nights.

Kernels follow QGIS's heatmap (``qgis:heatmapkerneldensityestimation``) in order and shape, each
normalised to integrate to 1 over the plane (u = distance / radius, 0 <= u <= 1)::

    0 quartic       3 / (pi R²) * (1 - u²)²
    1 triangular    3 / ((1 + 2 a) pi R²) * (1 - (1 - a) u)      a = decay ratio >= 0
    2 uniform       1 / (pi R²)
    3 triweight     4 / (pi R²) * (1 - u²)³
    4 Epanechnikov  2 / (pi R²) * (1 - u²)

A point contributes to a cell when the distance to the cell centre is <= R, as in QGIS.

Method (see docs/heatmap.md): each kernel is split into a disc, a paraboloid and a smooth part S
(0 with zero slope at u = 1). The disc and paraboloid are summed exactly row by row (difference
arrays + cumulative sum). S is either evaluated exactly at the cell centres of each point's
footprint (few points, small radius) or the points are binned onto the cell centres with Keys
cubic-convolution weights and convolved with S sampled at pixel offsets, by overlap-save FFT tiles
processed one band of rows at a time (memory: the output, one band and the points).
"""

from __future__ import annotations

import math
from typing import Optional, Sequence, Tuple, Union

import numpy as np
from numpy.typing import DTypeLike

from ..crs import require_metric
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .engines import _DIRECT_COST_PER_CELL, _FFT_COST_PER_CELL, _FFT_COST_PER_POINT, _direct, _fft, _rows_exact
from .kernels import (
    EPANECHNIKOV,
    KERNEL_NAMES,
    QUARTIC,
    TRIANGULAR,
    TRIWEIGHT,
    UNIFORM,
    _check_kernel,
    _has_smooth_part,
    _parts,
    kernel_value,
)

#: The names of this module, with those moved to its pieces (re-exported for the callers).
__all__ = [
    "EPANECHNIKOV",
    "QUARTIC",
    "TRIANGULAR",
    "TRIWEIGHT",
    "UNIFORM",
    "KERNEL_NAMES",
    "M2_PER_KM2",
    "Number",
    "camera_rate_map",
    "camera_rates",
    "check_metric",
    "effective_km",
    "effort_corrected",
    "grid_for_points",
    "kernel_density",
    "kernel_value",
    "line_density",
    "sample_lines",
]


#: m² per km².
M2_PER_KM2 = 1.0e6


Number = Union[float, int]


# ----------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------

def check_metric(grid_or_crs: Union[Grid, str, None]) -> None:
    """Reject a grid or CRS that is not metric (see :func:`..crs.require_metric`): the analysis needs metres.

    Args:
        grid_or_crs: a :class:`Grid` (its ``crs`` is checked) or CRS text (``"EPSG:32645"``, WKT).

    Raises:
        CrsError: the CRS is unreadable, geographic or not in metres; a CRS-less grid with degree-sized cells.
    """
    if isinstance(grid_or_crs, Grid):
        require_metric(grid_or_crs.crs, "The grid", pixel=grid_or_crs.pixel, corner=(grid_or_crs.x0, grid_or_crs.y0))
    else:
        require_metric(grid_or_crs, "The CRS")


def _check_radius(radius: float, pixel: float) -> None:
    if not math.isfinite(radius) or radius <= 0:
        raise ParameterError(QT_TR_NOOP("The radius {radius} m is not a positive distance; give the search "
                                        "radius in metres."), radius=radius)
    if radius < pixel:
        raise ParameterError(QT_TR_NOOP("The radius {radius} m is smaller than the pixel size {pixel} m: the "
                                        "kernel would miss most cells. Use a larger radius or a smaller pixel "
                                        "(at least 5 pixels per radius is recommended)."),
                             radius=radius, pixel=pixel)


def _as_coords(x: Sequence[Number], y: Sequence[Number], what: str) -> Tuple[np.ndarray, np.ndarray]:
    xa = np.asarray(x, dtype=np.float64).ravel()
    ya = np.asarray(y, dtype=np.float64).ravel()
    if xa.shape != ya.shape:
        raise InputError(QT_TR_NOOP("The {what} have {nx} x and {ny} y coordinates; give one pair per feature."),
                         what=what, nx=xa.size, ny=ya.size)
    if xa.size == 0:
        raise InputError(QT_TR_NOOP("There are no {what} to map: the selection is empty. Select at least one "
                                    "feature, or widen the date window and the chosen types."), what=what)
    bad = ~(np.isfinite(xa) & np.isfinite(ya))
    if bad.any():
        raise InputError(QT_TR_NOOP("{count} of the {what} have missing or non-finite coordinates (first at index "
                                    "{index}); fix or remove them before mapping."),
                         count=int(bad.sum()), what=what, index=int(np.flatnonzero(bad)[0]))
    return xa, ya


def _check_dtype(dtype: DTypeLike) -> np.dtype:
    out_type = np.dtype(dtype)
    if out_type not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise ParameterError(QT_TR_NOOP("Unknown result type {dtype}: use float64 or float32."), dtype=str(dtype))
    return out_type


def _as_values(values: Optional[Sequence[Number]], n: int, default: float, name: str) -> np.ndarray:
    if values is None:
        return np.full(n, default, dtype=np.float64)
    arr = np.asarray(values, dtype=np.float64).ravel()
    if arr.size == 1 and n != 1:
        arr = np.full(n, float(arr[0]))
    if arr.size != n:
        raise InputError(QT_TR_NOOP("{name} has {got} values for {n} features; give one value per feature."),
                         name=name, got=arr.size, n=n)
    bad = ~np.isfinite(arr) | (arr < 0)
    if bad.any():
        raise ParameterError(QT_TR_NOOP("{name} has {count} missing, negative or non-finite values (first at index "
                                        "{index}); fill them with a value of 0 or more."),
                             name=name, count=int(bad.sum()), index=int(np.flatnonzero(bad)[0]))
    return arr


# Grid helpers
# ----------------------------------------------------------------------------------------------

def grid_for_points(x: Sequence[Number], y: Sequence[Number], radius: float, pixel: float,
                    crs: Optional[str] = None) -> Grid:
    """The grid covering the points' bounding box padded by the radius, snapped to whole pixels.

    The corners are multiples of ``pixel`` (so grids of one season line up), snapped outwards.

    Args:
        x, y: coordinates (m) in a metric CRS.
        radius: largest kernel radius (m).
        pixel: cell size (m).
        crs: CRS text stored in the grid.

    Raises:
        InputError: no points or non-finite coordinates. ParameterError: radius or pixel not positive.
        CrsError: ``crs`` is geographic.
    """
    xa, ya = _as_coords(x, y, "points")
    if not math.isfinite(pixel) or pixel <= 0:
        raise ParameterError(QT_TR_NOOP("The pixel size {pixel} m is not a positive distance."), pixel=pixel)
    _check_radius(radius, pixel)
    check_metric(crs)
    xmin = math.floor((xa.min() - radius) / pixel) * pixel
    ymin = math.floor((ya.min() - radius) / pixel) * pixel
    xmax = math.ceil((xa.max() + radius) / pixel) * pixel
    ymax = math.ceil((ya.max() + radius) / pixel) * pixel
    return Grid.from_extent(xmin, ymin, xmax, ymax, pixel, crs)


def _pixel_coords(x: np.ndarray, y: np.ndarray, grid: Grid) -> Tuple[np.ndarray, np.ndarray]:
    """Column and row coordinates in cell units, 0 at the centre of the upper-left cell."""
    return (x - grid.x0) / grid.pixel - 0.5, (grid.y0 - y) / grid.pixel - 0.5


# Public API
# ----------------------------------------------------------------------------------------------

def kernel_density(x: Sequence[Number], y: Sequence[Number], grid: Grid, radius: Optional[float] = None,
                   weights: Optional[Sequence[Number]] = None, kernel: int = QUARTIC, decay: float = 0.0,
                   radii: Optional[Sequence[Number]] = None, method: str = "auto",
                   feedback: Optional[Feedback] = None, dtype: DTypeLike = np.float64) -> np.ndarray:
    """Kernel density of weighted points at the cell centres, in weight per km².

    The map integrates to the total weight of the points (up to the points' kernels falling
    outside the grid and the sampling of the kernel at cell centres). Points outside the grid but
    within the radius of a cell centre still contribute.

    Args:
        x, y: point coordinates (m) in the grid's metric CRS.
        grid: output cells.
        radius: kernel radius (m) for every point; or give ``radii``.
        weights: weight per point (>= 0, e.g. per sign type); 1 each when None.
        kernel: 0 quartic, 1 triangular, 2 uniform, 3 triweight, 4 Epanechnikov (QGIS's order).
        decay: triangular kernel only: value at the radius relative to the centre (>= 0).
        radii: radius per point (m), as QGIS's "radius from field"; overrides ``radius``.
        method: "auto" (cheapest), "fft" (binning + convolution; discs exact) or "direct" (exact).
        feedback: progress and cancellation.
        dtype: float64 (default) or float32 for the result. Every part (FFT tile, row sums, direct
            stamps) is computed in float64 and only stored in this type: float32 halves the memory
            of a large grid (25 million cells: 100 MB instead of 200 MB) for a relative rounding of
            6e-8, far below the method's error; cells no kernel reaches stay exactly 0.

    Returns:
        array of ``grid.shape`` and ``dtype``, weight per km², 0 where no kernel reaches.

    Raises:
        InputError: empty selection, non-finite coordinates. ParameterError: bad radius, weights,
        kernel, decay or method. CrsError: geographic grid. Cancelled: the user stopped.
    """
    check_metric(grid)
    _check_kernel(kernel, decay)
    if method not in ("auto", "fft", "direct"):
        raise ParameterError(QT_TR_NOOP("Unknown method {method}: use auto, fft or direct."), method=method)
    out_type = _check_dtype(dtype)
    xa, ya = _as_coords(x, y, "points")
    n = xa.size
    # every engine is linear: weights per km² from here
    w = np.full(n, M2_PER_KM2) if weights is None else _as_values(weights, n, 1.0, "The weight") * M2_PER_KM2
    if radii is not None:
        r = _as_values(radii, n, 0.0, "The radius field")
    elif radius is None:
        raise ParameterError(QT_TR_NOOP("No radius given: set a radius in metres or a radius field."))
    else:
        r = np.full(n, float(radius))
    groups = np.unique(r) if radii is not None else r[:1]
    for value in groups:
        _check_radius(float(value), grid.pixel)
    u, v = _pixel_coords(xa, ya, grid)
    used = w > 0
    if not used.all():
        u, v, w, r = u[used], v[used], w[used], r[used]
    out = np.zeros(grid.shape, dtype=out_type)
    fresh = True  # nothing added to ``out`` yet
    if w.size:
        if _parts(1.0, kernel, decay) != (0.0, 0.0):  # the kernel has a disc or paraboloid part
            disc, parab = (np.asarray(part, dtype=np.float64) * np.ones_like(r) for part in _parts(r, kernel, decay))
            _rows_exact(u, v, w, r, grid, disc, parab, out, feedback)
            fresh = False
        if _has_smooth_part(kernel):
            direct_idx = []
            for k, value in enumerate(groups):
                check_cancel(feedback)
                idx = np.flatnonzero(r == value) if groups.size > 1 else np.arange(r.size)
                q = int(math.ceil(value / grid.pixel)) + 1
                direct_cost = idx.size * (2 * q + 1) ** 2 * _DIRECT_COST_PER_CELL
                fft_cost = ((grid.width + 2 * q) * (grid.height + 2 * q) * _FFT_COST_PER_CELL
                            + idx.size * _FFT_COST_PER_POINT)
                use_fft = method == "fft" or (method == "auto" and fft_cost < direct_cost)
                if use_fft:
                    if groups.size > 1:
                        _fft(u[idx], v[idx], w[idx], float(value), grid, kernel, decay, out, feedback, fresh)
                    else:
                        _fft(u, v, w, float(value), grid, kernel, decay, out, feedback, fresh)
                    fresh = False
                    if feedback is not None:
                        feedback.set_progress(100.0 * (k + 1) / len(groups))
                else:
                    direct_idx.append(idx)
            if direct_idx:
                idx = np.concatenate(direct_idx)
                _direct(u[idx], v[idx], w[idx], r[idx], grid, kernel, decay, out, True, feedback)
    return out


def sample_lines(lines: Sequence[np.ndarray], step: float) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points along polylines at most ``step`` apart, each carrying the length (km) it stands for.

    Every segment is cut into equal pieces no longer than ``step``; a point at the middle of each
    piece carries the piece's length. Sums of the weights equal the lines' planimetric lengths.

    Args:
        lines: polylines as (n, 2) arrays of x, y in metres (a Z column is ignored).
        step: longest piece (m).

    Returns:
        (x, y, length_km) arrays.
    """
    xs, ys, ls = [], [], []
    for line in lines:
        pts = np.asarray(line, dtype=np.float64)
        if pts.ndim != 2 or pts.shape[0] < 2 or pts.shape[1] < 2:
            continue
        pts = pts[:, :2]
        if not np.all(np.isfinite(pts)):
            raise InputError(QT_TR_NOOP("A route has missing or non-finite vertex coordinates; fix the route "
                                        "geometry before mapping effort."))
        a, b = pts[:-1], pts[1:]
        seg = np.hypot(*(b - a).T)
        pieces = np.maximum(1, np.ceil(seg / step)).astype(np.int64)
        seg_idx = np.repeat(np.arange(seg.size), pieces)
        first = np.repeat(np.cumsum(pieces) - pieces, pieces)
        frac = (np.arange(seg_idx.size) - first + 0.5) / pieces[seg_idx]
        xs.append(a[seg_idx, 0] + frac * (b[seg_idx, 0] - a[seg_idx, 0]))
        ys.append(a[seg_idx, 1] + frac * (b[seg_idx, 1] - a[seg_idx, 1]))
        ls.append(seg[seg_idx] / pieces[seg_idx] / 1000.0)
    if not xs:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ls)


def line_density(lines: Sequence[np.ndarray], grid: Grid, radius: float, kernel: int = QUARTIC,
                 decay: float = 0.0, step: Optional[float] = None, method: str = "auto",
                 feedback: Optional[Feedback] = None, dtype: DTypeLike = np.float64) -> np.ndarray:
    """Kernel density of route length, in km of route per km².

    Each segment is sampled at most ``step`` apart (default pixel / 4) with the piece's length as
    weight, and the samples go through :func:`kernel_density` with the same kernel and radius as
    the signs, so the two maps can be divided.

    Args:
        lines: routes as (n, 2) arrays of x, y in metres (the grid's CRS).
        grid: output cells.
        radius: kernel radius (m).
        kernel, decay: as in :func:`kernel_density`.
        step: sampling step along the lines (m); default ``grid.pixel / 4``.
        method, feedback, dtype: as in :func:`kernel_density` (float64 by default, or float32).

    Raises:
        InputError: no route with at least two vertices, or non-finite vertices.
    """
    check_metric(grid)
    sx, sy, sl = sample_lines(lines, step or grid.pixel / 4.0)
    if sx.size == 0 or not np.any(sl > 0):
        raise InputError(QT_TR_NOOP("There are no routes to map: no route has two distinct vertices. Select the "
                                    "routes walked in the season."))
    return kernel_density(sx, sy, grid, radius, weights=sl, kernel=kernel, decay=decay, method=method,
                          feedback=feedback, dtype=dtype)


def effective_km(route_density: np.ndarray, radius: float, kernel: int = QUARTIC, decay: float = 0.0) -> np.ndarray:
    """Route km searched near each cell, weighted by the kernel relative to its centre.

    ``route_density / K(0)``: every km of route counts by K(d) / K(0), d its distance to the cell
    centre (so 1 at the centre, 0 beyond the radius). For the uniform kernel this is exactly the km
    of route within the radius.

    Args:
        route_density: output of :func:`line_density` (km per km²).
        radius: the kernel radius used for it (m).
        kernel, decay: the kernel used for it.

    Returns:
        km of route, same shape (float32 for a float32 map, else float64).
    """
    peak_per_km2 = float(kernel_value(np.array(0.0), radius, kernel, decay)) * M2_PER_KM2
    return _as_float(route_density) / peak_per_km2


def _as_float(values: Union[np.ndarray, Sequence[Number]]) -> np.ndarray:
    """The values as a float32 array when they are float32 already (no copy), else float64."""
    arr = np.asarray(values)
    return arr if arr.dtype == np.float32 else arr.astype(np.float64, copy=False)


def effort_corrected(signs_density: np.ndarray, route_density: np.ndarray, radius: float,
                     kernel: int = QUARTIC, decay: float = 0.0, min_effort_km: float = 1.0) -> np.ndarray:
    """Signs per km of route searched near each cell; NaN where effort is too small.

    ``signs_density / route_density``, both made with the same kernel and radius (signs per km² over
    km per km²). A straight route of L km with k signs spread evenly along it gives k / L away from
    its ends.

    Args:
        signs_density: :func:`kernel_density` of the signs (signs per km²).
        route_density: :func:`line_density` of the routes (km per km²).
        radius: kernel radius of both (m).
        kernel, decay: kernel of both.
        min_effort_km: cells whose :func:`effective_km` is below this are NaN.

    Returns:
        signs per km, NaN where masked; float32 when both maps are float32, else float64.

    Raises:
        ParameterError: shapes differ, min_effort_km negative, or no cell has enough effort.
        InputError: the signs do not overlap the searched cells at all.
    """
    signs = _as_float(signs_density)
    route = _as_float(route_density)
    if signs.shape != route.shape:
        raise ParameterError(QT_TR_NOOP("The sign map {a} and the effort map {b} differ in size; compute both on "
                                        "the same grid."), a=str(signs.shape), b=str(route.shape))
    if not math.isfinite(min_effort_km) or min_effort_km < 0:
        raise ParameterError(QT_TR_NOOP("The minimum effort {value} km must be 0 or more."), value=min_effort_km)
    km = effective_km(route, radius, kernel, decay)
    ok = (km >= min_effort_km) & (route > 0)
    if not ok.any():
        raise ParameterError(QT_TR_NOOP("No cell has at least {min_km} km of route within the kernel radius (most "
                                        "is {best:.3g} km): lower the minimum effort or enlarge the radius."),
                             min_km=min_effort_km, best=float(km.max()) if km.size else 0.0)
    if signs.sum() > 0 and not (signs[ok] > 0).any():
        raise InputError(QT_TR_NOOP("The signs and the routes do not overlap: no sign lies near a searched cell. "
                                    "Check that both layers are of the same season and CRS, or enlarge the "
                                    "radius."))
    result = np.full(signs.shape, np.nan, dtype=np.result_type(signs, route))
    np.divide(signs, route, out=result, where=ok)
    return result


def camera_rates(trap_nights: Sequence[Number], detections: Sequence[Number]) -> np.ndarray:
    """Detections per 100 trap-nights at each station: ``detections / trap_nights * 100``.

    Args:
        trap_nights: effort per station (trap-nights, >= 0).
        detections: independent detections per station (>= 0); a (stations, individuals) array
            gives one column per individual.

    Returns:
        Rates of the same shape as ``detections``; NaN at stations with 0 trap-nights.

    Raises:
        InputError: no station, or sizes differ. ParameterError: negative or non-finite values.
    """
    tn = np.asarray(trap_nights, dtype=np.float64).ravel()
    det = np.asarray(detections, dtype=np.float64)
    if tn.size == 0:
        raise InputError(QT_TR_NOOP("There are no camera stations to map: the selection is empty."))
    if det.shape[0] != tn.size:
        raise InputError(QT_TR_NOOP("There are {nd} detection rows for {ns} stations; give one row per station."),
                         nd=det.shape[0], ns=tn.size)
    for name, arr in (("Trap-nights", tn), ("Detections", det)):
        if not np.all(np.isfinite(arr)) or np.any(arr < 0):
            raise ParameterError(QT_TR_NOOP("{name} has missing, negative or non-finite values; fill them with 0 "
                                            "or more."), name=name)
    tn_b = tn.reshape((-1,) + (1,) * (det.ndim - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(tn_b > 0, det / tn_b * 100.0, np.nan)


def camera_rate_map(station_x: Sequence[Number], station_y: Sequence[Number], trap_nights: Sequence[Number],
                    detections: Sequence[Number], grid: Grid, radius: float, kernel: int = QUARTIC,
                    decay: float = 0.0, feedback: Optional[Feedback] = None) -> np.ndarray:
    """Smoothed detections per 100 trap-nights: kernel sum of detections / kernel sum of trap-nights × 100.

    Evaluated exactly (direct method: stations are few). Where no station's kernel reaches, the
    cell is NaN. Near a single station the map equals that station's rate. Detections at stations
    without trap-nights are left out (the caller says so): they would divide by another station's effort.

    Args:
        station_x, station_y: station coordinates (m).
        trap_nights: effort per station (trap-nights).
        detections: detections per station, or a (stations, individuals) array for one map per
            individual.
        grid: output cells.
        radius: kernel radius (m).
        kernel, decay: as in :func:`kernel_density`.
        feedback: progress and cancellation.

    Returns:
        (rows, cols) array, or (individuals, rows, cols) for 2-D ``detections``; per 100 trap-nights.
    """
    camera_rates(trap_nights, detections)  # validates sizes and values
    tn = np.asarray(trap_nights, dtype=np.float64).ravel()
    det = np.asarray(detections, dtype=np.float64)
    sx, sy = _as_coords(station_x, station_y, "camera stations")
    if sx.size != tn.size:
        raise InputError(QT_TR_NOOP("There are {nt} trap-night values for {ns} stations; give one per station."),
                         nt=tn.size, ns=sx.size)
    effort = _kernel_sum(sx, sy, tn, grid, radius, kernel, decay, feedback)
    mask = effort > 0
    columns = det.reshape(det.shape[0], -1).copy()
    columns[~(tn > 0)] = 0.0  # detections at a station without effort have nothing to be a rate of
    maps = np.full((columns.shape[1],) + grid.shape, np.nan)
    for k in range(columns.shape[1]):
        counts = _kernel_sum(sx, sy, columns[:, k], grid, radius, kernel, decay, feedback)
        maps[k][mask] = counts[mask] / effort[mask] * 100.0
    return maps[0] if det.ndim == 1 else maps


def _kernel_sum(x: np.ndarray, y: np.ndarray, w: np.ndarray, grid: Grid, radius: float, kernel: int, decay: float,
                feedback: Optional[Feedback]) -> np.ndarray:
    """Exact kernel sum (per m², no zero-clipping) at the cell centres."""
    check_metric(grid)
    _check_kernel(kernel, decay)
    _check_radius(radius, grid.pixel)
    u, v = _pixel_coords(x, y, grid)
    out = np.zeros(grid.shape)
    r = np.full(u.size, float(radius))
    _direct(u, v, np.asarray(w, dtype=np.float64), r, grid, kernel, decay, out, False, feedback)
    return out
