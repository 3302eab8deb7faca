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
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Optional, Sequence, Tuple, Union

import numpy as np
from numpy.typing import DTypeLike
from scipy import fft as sp_fft

from ..crs import require_metric
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid

#: Kernel codes, in QGIS's order.
QUARTIC, TRIANGULAR, UNIFORM, TRIWEIGHT, EPANECHNIKOV = range(5)
KERNEL_NAMES: Tuple[str, ...] = ("quartic", "triangular", "uniform", "triweight", "epanechnikov")

#: m² per km².
M2_PER_KM2 = 1.0e6

# Cost model of the "auto" method (seconds per unit, measured on a 2-core laptop-class machine).
_DIRECT_COST_PER_CELL = 1.5e-8   # one kernel evaluation at one cell centre
_FFT_COST_PER_CELL = 2.5e-8      # one cell of the padded grid through the tiled FFT
_FFT_COST_PER_POINT = 3.5e-7     # binning one point (16 taps)
_TILE_MIN, _TILE_PER_KERNEL = 256, 4  # FFT tile side: at least this, and this many kernel widths
_THREADS = max(1, min(4, os.cpu_count() or 1))  # FFT tiles computed at once
_CHUNK_ENTRIES = 1_000_000       # point x stamp-cell entries handled at once (memory ~ 50 MB)
_DIRECT_CHUNK_ENTRIES = 250_000  # direct path: smaller chunks give narrower windows (measured best)
_COL_BLOCK = 32                  # direct path: window columns are kept in blocks of this many

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


def _check_kernel(kernel: int, decay: float) -> None:
    if kernel not in range(5):
        raise ParameterError(QT_TR_NOOP("Unknown kernel {kernel}: use 0 quartic, 1 triangular, 2 uniform, "
                                        "3 triweight or 4 Epanechnikov."), kernel=kernel)
    if not math.isfinite(decay) or decay < 0:
        raise ParameterError(QT_TR_NOOP("The decay ratio {decay} cannot be normalised: use a decay of 0 or more "
                                        "(0 = cone, 1 = flat disc)."), decay=decay)


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


# ----------------------------------------------------------------------------------------------
# Kernels
# ----------------------------------------------------------------------------------------------

def kernel_value(distance: np.ndarray, radius: Union[float, np.ndarray], kernel: int = QUARTIC,
                 decay: float = 0.0) -> np.ndarray:
    """The normalised kernel (per m²) at the given distances (m); 0 beyond the radius.

    Args:
        distance: distances from the point (m), any shape.
        radius: kernel radius (m), scalar or broadcastable to ``distance``.
        kernel: 0 quartic, 1 triangular, 2 uniform, 3 triweight, 4 Epanechnikov (QGIS's order).
        decay: the triangular kernel's value at the radius relative to its centre (QGIS's decay ratio).

    Returns:
        Kernel values per m²; each kernel integrates to 1 over the plane.
    """
    _check_kernel(kernel, decay)
    d = np.asarray(distance, dtype=np.float64)
    r = np.asarray(radius, dtype=np.float64)
    u = d / r
    inside = u <= 1.0
    u2 = np.minimum(u, 1.0) ** 2
    area = math.pi * r * r
    if kernel == QUARTIC:
        val = 3.0 / area * (1.0 - u2) ** 2
    elif kernel == TRIANGULAR:
        val = 3.0 / ((1.0 + 2.0 * decay) * area) * (1.0 - (1.0 - decay) * np.minimum(u, 1.0))
    elif kernel == UNIFORM:
        val = 1.0 / area * np.ones_like(u)
    elif kernel == TRIWEIGHT:
        val = 4.0 / area * (1.0 - u2) ** 3
    else:
        val = 2.0 / area * (1.0 - u2)
    return np.where(inside, val, 0.0)


def _parts(radius: Union[float, np.ndarray], kernel: int, decay: float) -> Tuple[np.ndarray, np.ndarray]:
    """Heights (per m²) of the disc and paraboloid parts of a kernel: K = J disc + P (1 - u²) disc + S.

    The remainder S is C1 at the radius (no step, no kink there), so linear binning + FFT handle it
    accurately; the disc and the paraboloid are summed exactly row by row (see :func:`_rows_exact`).
    The triangular kernel's continuous part uses 1 - u = (1 - u)²/2 + (1 - u²)/2.
    """
    r = np.asarray(radius, dtype=np.float64)
    area = math.pi * r * r
    zero = 0.0 * area
    if kernel == UNIFORM:
        return 1.0 / area, zero
    if kernel == EPANECHNIKOV:
        return zero, 2.0 / area
    if kernel == TRIANGULAR:
        k = 3.0 / ((1.0 + 2.0 * decay) * area)
        return k * decay, k * (1.0 - decay) / 2.0
    return zero, zero


def _smooth_value(d: np.ndarray, radius: Union[float, np.ndarray], kernel: int, decay: float) -> np.ndarray:
    """The kernel minus its disc and paraboloid parts (per m²): 0 with zero slope at the radius."""
    r = np.asarray(radius, dtype=np.float64)
    u = np.minimum(np.asarray(d, dtype=np.float64) / r, 1.0)
    area = math.pi * r * r
    if kernel == QUARTIC:
        val = 3.0 / area * (1.0 - u * u) ** 2
    elif kernel == TRIWEIGHT:
        val = 4.0 / area * (1.0 - u * u) ** 3
    elif kernel == TRIANGULAR:
        val = 3.0 * (1.0 - decay) / ((1.0 + 2.0 * decay) * area) * (1.0 - u) ** 2 / 2.0
    else:
        val = 0.0 * u
    return np.where(d <= r, val, 0.0)


def _has_smooth_part(kernel: int) -> bool:
    return kernel in (QUARTIC, TRIANGULAR, TRIWEIGHT)


# ----------------------------------------------------------------------------------------------
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


# ----------------------------------------------------------------------------------------------
# The three engines
# ----------------------------------------------------------------------------------------------

def _kernel_stamp(dx2: np.ndarray, dy2: np.ndarray, radius: np.ndarray, coef: np.ndarray, kernel: int,
                  decay: float, smooth_only: bool) -> np.ndarray:
    """``coef`` times the kernel (or its smooth part) on each point's square of cells, shape (m, rows, cols).

    Args:
        dx2, dy2: (m, side) squared x and y distances (m²) from each point to its columns and rows.
        radius, coef: (m, 1) radius (m) and weight / (pi R²) of each point.

    The quartic, triweight and Epanechnikov kernels are h (1 - d²/R²)₊^k: with s = (coef h)^(1/k),
    (s (1 - dy²/R²) - s dx²/R²)₊^k needs one pass over the stamp to subtract, one to clip and k - 1
    to raise; only the triangular kernel needs the distance itself.
    """
    m, side = dx2.shape
    if smooth_only and not _has_smooth_part(kernel):
        return np.zeros((m, side, side))
    r2 = radius * radius
    if kernel in (QUARTIC, TRIWEIGHT, EPANECHNIKOV):
        power, height = {QUARTIC: (2, 3.0), TRIWEIGHT: (3, 4.0), EPANECHNIKOV: (1, 2.0)}[kernel]
        scale = (coef * height) ** (1.0 / power)
        t = np.subtract((scale * (1.0 - dy2 / r2))[:, :, None], (scale * dx2 / r2)[:, None, :])
        np.maximum(t, 0.0, out=t)  # (1 - u²) scaled inside the disc, 0 outside
        if power == 1:
            return t
        if power == 2:
            return np.multiply(t, t, out=t)
        cube = t * t
        cube *= t
        return cube
    d2 = np.add(dy2[:, :, None], dx2[:, None, :])
    if kernel == UNIFORM:
        return np.multiply(d2 <= r2[:, :, None], coef[:, :, None], out=d2)
    u = np.sqrt(d2, out=d2)
    u /= radius[:, :, None]
    k = 3.0 / (1.0 + 2.0 * decay)
    if smooth_only:  # k (1 - a) (1 - u)² / 2 inside the disc
        np.minimum(u, 1.0, out=u)
        np.subtract(1.0, u, out=u)
        u *= u
        u *= (coef * (k * (1.0 - decay) / 2.0))[:, :, None]
        return u
    inside = u <= 1.0
    np.multiply(u, -(1.0 - decay), out=u)
    u += 1.0
    u *= (coef * k)[:, :, None]
    u *= inside
    return u


def _direct(u: np.ndarray, v: np.ndarray, w: np.ndarray, r: np.ndarray, grid: Grid, kernel: int, decay: float,
            out: np.ndarray, smooth_only: bool, feedback: Optional[Feedback]) -> None:
    """Add the exact kernel values at the cell centres of every point (cost ~ n (2R/p)²).

    Points are taken in row order, in chunks; each chunk's stamps (every cell of each point's
    bounding square, 0 outside the disc) are summed with one ``bincount`` into a window covering
    the chunk's rows and, of its columns, only the blocks of ``_COL_BLOCK`` columns that some
    stamp reaches; the window is then added to ``out`` run by run of blocks.
    """
    height, width = grid.shape
    p = grid.pixel
    q_all = np.ceil(r / p).astype(np.int64) + 1
    near = (u > -q_all) & (u < width - 1 + q_all) & (v > -q_all) & (v < height - 1 + q_all)
    u, v, w, r = u[near], v[near], w[near], r[near]
    if u.size == 0:
        return
    ci_all = np.rint(u).astype(np.int64)
    ri_all = np.rint(v).astype(np.int64)
    order = np.lexsort((ci_all, ri_all))  # row bands keep each chunk's window small
    u, v, w, r, ci_all, ri_all = u[order], v[order], w[order], r[order], ci_all[order], ri_all[order]
    q_left = np.maximum.accumulate((np.ceil(r / p).astype(np.int64) + 1)[::-1])[::-1]  # largest q from here on
    start = 0
    n = u.size
    while start < n:
        check_cancel(feedback)
        q = int(q_left[start])
        side = 2 * q + 1
        stop = min(n, start + max(1, _DIRECT_CHUNK_ENTRIES // (side * side)))
        cu, cv, cw, cr = u[start:stop], v[start:stop], w[start:stop], r[start:stop]
        ci, ri = ci_all[start:stop], ri_all[start:stop]
        offs = np.arange(-q, q + 1)
        dx = (ci[:, None] + offs[None, :] - cu[:, None]) * p
        dy = (ri[:, None] + offs[None, :] - cv[:, None]) * p
        rr = cr[:, None]
        val = _kernel_stamp(dx * dx, dy * dy, rr, cw[:, None] / (math.pi * rr * rr), kernel, decay, smooth_only)
        # window of the chunk: rows row0 .. row0 + win_h - 1; of the columns, only the blocks of
        # _COL_BLOCK that some stamp reaches, side by side (sparse points skip the empty columns)
        row0, col0 = int(ri.min()) - q, int(ci.min()) - q
        win_h = int(ri.max()) + q + 1 - row0
        blocks = (int(ci.max()) + q - col0) // _COL_BLOCK + 1
        ends = np.bincount((ci - q - col0) // _COL_BLOCK, minlength=blocks + 1)
        ends -= np.bincount((ci + q - col0) // _COL_BLOCK + 1, minlength=blocks + 1)
        covered = np.cumsum(ends[:blocks]) > 0
        slot = np.cumsum(covered) - 1  # place of each covered block in the window
        win_w = int(slot[-1] + 1) * _COL_BLOCK
        cols = (ci - col0)[:, None] + offs[None, :]
        cols = slot[cols // _COL_BLOCK] * _COL_BLOCK + cols % _COL_BLOCK
        flat = np.add((((ri - row0)[:, None] + offs[None, :]) * win_w)[:, :, None], cols[:, None, :])
        acc = np.bincount(flat.ravel(), weights=val.ravel(), minlength=win_h * win_w).reshape(win_h, win_w)
        g_r0, g_r1 = max(row0, 0), min(row0 + win_h, height)
        runs = np.flatnonzero(np.diff(np.concatenate(([0], covered.view(np.int8), [0]))))
        for b0, b1 in zip(runs[::2].tolist(), runs[1::2].tolist()):  # runs of covered blocks
            c_lo = col0 + b0 * _COL_BLOCK
            k0 = int(slot[b0]) * _COL_BLOCK - c_lo  # window column of grid column c: k0 + c
            g_c0, g_c1 = max(c_lo, 0), min(col0 + b1 * _COL_BLOCK, width)
            if g_r0 < g_r1 and g_c0 < g_c1:
                out[g_r0:g_r1, g_c0:g_c1] += acc[g_r0 - row0:g_r1 - row0, k0 + g_c0:k0 + g_c1]
        start = stop
        if feedback is not None:
            feedback.set_progress(100.0 * stop / n)


def _rows_exact(u: np.ndarray, v: np.ndarray, w: np.ndarray, r: np.ndarray, grid: Grid, disc: np.ndarray,
                parab: np.ndarray, out: np.ndarray, feedback: Optional[Feedback]) -> None:
    """Add exactly ``w (disc + parab (1 - d²/r²))`` at every cell centre within distance r of each point.

    Along one row of cell centres the sum is a quadratic in the column index c over the run of
    columns the disc covers, so three difference arrays (coefficients of 1, c, c²) and a cumulative
    sum along the rows give it exactly; cost ~ n 2R/p instead of n (2R/p)².

    Args:
        u, v: column and row coordinates of the points (cell units, 0 = first cell centre).
        w: weights. r: radii (m). disc, parab: per-point heights (per m²) of the two parts.
    """
    rows_n, width = grid.shape
    p = grid.pixel
    order = np.argsort(v, kind="stable")
    u, v, w, r, disc, parab = u[order], v[order], w[order], r[order] / p, disc[order], parab[order]
    use_parab = bool(np.any(parab != 0))
    # Column index relative to the middle of the row keeps c² small (round-off).
    mid = 0.5 * (width - 1)
    start = 0
    n = u.size
    while start < n:
        check_cancel(feedback)
        q = int(math.ceil(r[start:].max())) + 1
        stop = min(n, start + max(1, _CHUNK_ENTRIES // (2 * q + 1)))
        cu, cv, cr = u[start:stop] - mid, v[start:stop], r[start:stop]
        rows = np.rint(cv).astype(np.int64)[:, None] + np.arange(-q, q + 1)[None, :]
        dy = rows - cv[:, None]
        half2 = cr[:, None] ** 2 - dy * dy
        half = np.sqrt(np.maximum(half2, 0.0))
        c0 = np.maximum(np.ceil(cu[:, None] - half + mid).astype(np.int64), 0)
        c1 = np.minimum(np.floor(cu[:, None] + half + mid).astype(np.int64), width - 1)
        ok = (half2 >= 0) & (rows >= 0) & (rows < rows_n) & (c0 <= c1)
        if ok.any():
            rk = rows[ok]
            r0, r1 = int(rk.min()), int(rk.max()) + 1
            size = (r1 - r0) * (width + 1)
            first = (rk - r0) * (width + 1) + c0[ok]
            last = (rk - r0) * (width + 1) + c1[ok] + 1
            wb = np.broadcast_to(w[start:stop, None], ok.shape)[ok]
            coeffs = [np.broadcast_to((disc[start:stop] + 0.0)[:, None], ok.shape)[ok] * wb]
            if use_parab:
                inv_r2 = 1.0 / np.broadcast_to(cr[:, None] ** 2, ok.shape)[ok]
                pw = np.broadcast_to(parab[start:stop, None], ok.shape)[ok] * wb * inv_r2
                cuk = np.broadcast_to(cu[:, None], ok.shape)[ok]
                # parab (r² - dy² - (c - cu)²) / r² = pw (r² - dy² - cu²) + 2 pw cu c - pw c²
                coeffs[0] = coeffs[0] + pw * (half2[ok] - cuk * cuk)
                coeffs += [2.0 * pw * cuk, -pw]
            c = np.arange(width) - mid
            total = np.zeros((r1 - r0, width))
            for power, coeff in enumerate(coeffs):
                diff = np.bincount(first, weights=coeff, minlength=size)
                diff -= np.bincount(last, weights=coeff, minlength=size)
                acc = np.cumsum(diff.reshape(r1 - r0, width + 1)[:, :width], axis=1)
                total += acc * c ** power if power else acc
            # cells covered by no run are exactly 0 (the cumulative sums leave ~1e-16 there)
            runs = np.bincount(first, minlength=size) - np.bincount(last, minlength=size)
            total *= np.cumsum(runs.reshape(r1 - r0, width + 1)[:, :width], axis=1) > 0
            out[r0:r1] += total
        start = stop


def _keys_weights(frac: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Keys cubic-convolution weights (a = -1/2) of the nodes -1, 0, 1, 2 for offsets 0 <= frac < 1.

    They sum to 1 and reproduce quadratics, so binning with them followed by the convolution
    equals cubic interpolation of each point's kernel: third-order accurate, no smoothing bias.
    """
    t = frac
    return ((-0.5 * t + 1.0) * t - 0.5) * t, (1.5 * t - 2.5) * t * t + 1.0, \
        ((-1.5 * t + 2.0) * t + 0.5) * t, (0.5 * t - 0.5) * t * t


def _sampled_kernel(radius: float, pixel: float, q: int, kernel: int, decay: float) -> np.ndarray:
    """The smooth kernel part at pixel offsets -q..q (per m²)."""
    offs = np.arange(-q, q + 1) * pixel
    return _smooth_value(np.hypot(offs[None, :], offs[:, None]), radius, kernel, decay)


class _Binned:
    """Points ready for Keys cubic binning, sorted by row: each adds w·wx[a]·wy[b] at (j0 - 1 + b, i0 - 1 + a).

    Binning with the Keys cubic-convolution weights (4 x 4 taps) followed by the convolution
    equals cubic interpolation of each point's kernel. Rows are binned on demand, a band at a
    time (:meth:`add_rows`), so the whole binned grid never exists in memory.
    """

    SUB_ROWS = 128  # rows per bincount: its output (~5 MB) is reused by malloc, no page faults

    def __init__(self, ue: np.ndarray, ve: np.ndarray, w: np.ndarray, shape: Tuple[int, int]) -> None:
        height, width = shape
        self.width = width
        keep = (ue >= 1.0) & (ue < width - 2) & (ve >= 1.0) & (ve < height - 2)
        if not keep.all():
            ue, ve, w = ue[keep], ve[keep], w[keep]
        # radix sort when the rows fit in 16 bits; memory is kept low (first touches of memory are slow)
        rows = np.floor(ve)
        order = np.argsort(rows.astype(np.int16) if height < 32768 else rows, kind="stable")
        del rows
        self.fx = ue[order]
        self.i0 = np.floor(self.fx).astype(np.int32)
        self.fx -= self.i0  # offset from the column node to the left, 0 <= fx < 1
        self.fy = ve[order]
        self.j0 = np.floor(self.fy).astype(np.int32)
        self.fy -= self.j0
        self.w = w[order]
        self.taps = (np.arange(4)[:, None] * width + np.arange(4)[None, :]).ravel()

    @property
    def empty(self) -> bool:
        return self.i0.size == 0

    def add_rows(self, target: np.ndarray, row0: int, row1: int) -> None:
        """Add the binned values of rows ``row0 .. row1 - 1`` of the padded grid into ``target[0 : row1 - row0]``."""
        width = self.width
        for s0 in range(row0, row1, self.SUB_ROWS):
            s1 = min(s0 + self.SUB_ROWS, row1)
            # points with a tap row in [s0, s1): j0 - 1 <= s1 - 1 and j0 + 2 >= s0
            lo, hi = np.searchsorted(self.j0, np.array([s0 - 2, s1 + 1], dtype=self.j0.dtype))
            if lo == hi:
                continue
            top = s0 - 3  # scratch rows top .. s1 + 2 hold every tap of these points
            base = (self.j0[lo:hi] - (1 + top)).astype(np.int64) * width + self.i0[lo:hi] - 1
            flat = (base[:, None] + self.taps[None, :]).ravel()  # a point's 16 taps together
            wx = np.stack(_keys_weights(self.fx[lo:hi]), axis=1)
            wy = np.stack(_keys_weights(self.fy[lo:hi]), axis=1) * self.w[lo:hi, None]
            weights = (wy[:, :, None] * wx[:, None, :]).ravel()
            acc = np.bincount(flat, weights=weights, minlength=(s1 + 3 - top) * width).reshape(-1, width)
            target[s0 - row0:s1 - row0] += acc[3:3 + s1 - s0]


def _convolve_binned(points: _Binned, kern: np.ndarray, out: np.ndarray, feedback: Optional[Feedback],
                     fresh: bool = False) -> None:
    """``out += `` the valid-mode convolution of the binned points with a symmetric square ``kern``.

    Overlap-save in FFT tiles (float64), one band of tile rows at a time: the band buffer rolls
    down the grid (the overlap rows are kept, the new rows binned), so memory is ``out``, one band
    and the points. Tiles with no point are skipped. Each tile's sum is formed in float64 (the
    FFT's output buffer) and then stored into ``out`` (float64 or float32). In each tile, cells
    below 10⁻¹² of the tile's largest possible value (its total |weight| times the kernel's peak)
    are set to 0: that removes the FFT round-off (~10⁻¹⁴ of it) where no kernel reaches, so those
    cells are 0. The tile's total weight is bounded from the points (by column), not summed over
    the tile. With ``fresh`` (``out`` is all 0, nothing added yet) tiles are stored without
    reading ``out`` first: fewer passes over a freshly allocated array.
    """
    ksize = kern.shape[0]
    rows, cols = out.shape
    he, we = rows + ksize - 1, cols + ksize - 1
    n_r = sp_fft.next_fast_len(min(he, max(_TILE_MIN, _TILE_PER_KERNEL * ksize)), real=True)
    n_c = sp_fft.next_fast_len(min(we, max(_TILE_MIN, _TILE_PER_KERNEL * ksize)), real=True)
    t_r, t_c = n_r - ksize + 1, n_c - ksize + 1
    kern_f = sp_fft.rfft2(kern, s=(n_r, n_c))
    kern_peak = float(np.abs(kern).max())
    band = np.zeros((n_r, we))
    band_rows = range(0, rows, t_r)

    column_mass = np.zeros(we + 1)  # prefix sums of the weights of the band's points by column (i0)

    def tile(r0: int, c0: int) -> None:  # one tile; tiles of a band write disjoint parts of ``out``
        # points with a tap in columns c0 .. c0 + n_c - 1 have i0 in c0 - 2 .. c0 + n_c; Keys weights
        # have |sum| <= 1.25 per axis, so 1.5625 times their weight bounds the tile's total |binned|
        mass = 1.5625 * float(column_mass[min(c0 + n_c + 1, we)] - column_mass[max(c0 - 2, 0)])
        if mass == 0.0:
            return
        spec = sp_fft.rfft2(band[:, c0:c0 + n_c], s=(n_r, n_c))
        spec *= kern_f
        conv = sp_fft.irfft2(spec, s=(n_r, n_c))
        h, w = min(t_r, rows - r0), min(t_c, cols - c0)
        dst = out[r0:r0 + h, c0:c0 + w]
        acc = conv[ksize - 1:ksize - 1 + h, ksize - 1:ksize - 1 + w]  # float64 view, summed in place
        if not fresh:
            acc += dst
        np.copyto(acc, 0.0, where=acc < 1e-12 * mass * kern_peak)
        np.copyto(dst, acc, casting="same_kind")

    done = 0  # padded rows [r0, done) of the band are binned already
    with ThreadPoolExecutor(max_workers=_THREADS) as pool:  # the FFTs release the GIL
        for k, r0 in enumerate(band_rows):
            check_cancel(feedback)
            end = min(r0 + n_r, he)
            kept = max(0, done - r0)
            if kept:
                band[:kept] = band[t_r:t_r + kept]
            band[kept:] = 0.0
            points.add_rows(band[kept:], r0 + kept, end)
            done = end
            # points with a tap row in the band (same dtype as j0: no conversion of the whole array)
            lo, hi = np.searchsorted(points.j0, np.array([r0 - 2, end + 1], dtype=points.j0.dtype))
            np.cumsum(np.bincount(points.i0[lo:hi], weights=points.w[lo:hi], minlength=we), out=column_mass[1:])
            for future in [pool.submit(tile, r0, c0) for c0 in range(0, cols, t_c)]:
                future.result()
            if feedback is not None:
                feedback.set_progress(100.0 * (k + 1) / len(band_rows))


def _fft(u: np.ndarray, v: np.ndarray, w: np.ndarray, radius: float, grid: Grid, kernel: int, decay: float,
         out: np.ndarray, feedback: Optional[Feedback] = None, fresh: bool = False) -> None:
    """Cubic (Keys) binning onto the cell centres of the grid padded by the kernel, then one convolution.

    ``fresh``: ``out`` is all 0 and nothing was added to it yet (see :func:`_convolve_binned`).
    """
    height, width = grid.shape
    q = int(math.ceil(radius / grid.pixel)) + 2
    points = _Binned(u + q, v + q, w, (height + 2 * q, width + 2 * q))
    if points.empty:
        return
    check_cancel(feedback)
    _convolve_binned(points, _sampled_kernel(radius, grid.pixel, q, kernel, decay), out, feedback, fresh)


# ----------------------------------------------------------------------------------------------
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
