"""Terrain metrics from a DEM: slope, ruggedness (Riley TRI, VRM) and topographic position (TPI).

All functions take the DEM as a 2-D float array (metres above sea level, NaN
where there is no data) with its :class:`~snowleopard_plugin.core.raster.Grid`.
The grid must be in a metric CRS (metres, square cells, e.g. the park's UTM
zone); a geographic CRS (degrees) raises :class:`CrsError`.

Definitions (see ``docs/terrain.md``):

* **slope**: degrees, Horn's (1981) 3x3 gradient exactly as ``gdaldem slope``.
* **TRI**: metres, Riley et al. (1999) terrain ruggedness index as
  ``gdaldem TRI -alg Riley``: ``sqrt(sum((z_i - z_0)^2))`` over the 8 neighbours.
* **VRM**: 0..1, vector ruggedness measure of Sappington et al. (2007): one minus
  the length of the resultant of the unit surface normals (from Horn's
  gradient) in a square window of ``window x window`` cells, divided by their number.
* **TPI**: metres, elevation minus the mean elevation of the *other* cells in a
  window of radius ``radius_m`` around it (Weiss 2001; ``gdaldem TPI`` is the
  square window of radius one cell). ``shape="circle"`` takes the cells whose
  centres lie within ``radius_m`` of the cell's centre; ``shape="square"`` the
  ``(2k+1) x (2k+1)`` cells with ``k = floor(radius_m / pixel)``.

Edges and nodata. With ``edges="nan"`` (default, like ``gdaldem`` without
``-compute_edges``) a cell is NaN when its 3x3 window (its VRM/TPI window)
reaches outside the DEM or holds a NaN cell. With ``edges="extrapolate"`` the
3x3 metrics are computed at the border too: cells outside the DEM are
extrapolated linearly from the two nearest rows/columns and NaN neighbours are
replaced by the centre cell's value (``gdaldem -compute_edges``'s rules); VRM
and TPI then average over the valid cells of the window, provided at least
``min_coverage`` of the window is valid. A NaN centre cell always gives NaN.

Memory and speed: the DEM is processed in row blocks with an overlap as deep as
the largest window, so apart from the input and the outputs only a few
block-sized temporaries are held. Every metric is vectorised numpy (shifted
slices and cumulative-sum box filters), with no Python loop over cells.
"""

from __future__ import annotations

import math
from typing import Dict, Iterable, Optional, Sequence, Tuple

import numpy as np

from ..crs import require_metric
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid

METRICS: Tuple[str, ...] = ("slope", "tri", "vrm", "tpi")
"""Names accepted by :func:`terrain_metrics`."""

EDGE_MODES: Tuple[str, ...] = ("nan", "extrapolate")
TPI_SHAPES: Tuple[str, ...] = ("circle", "square")

#: Cells per row block: about 4 million cells (32 MB per float64 temporary).
BLOCK_CELLS = 4_000_000

#: Cells per sub-block of the 3x3 kernels (slope, TRI with NaN edges): temporaries of ~1 MB stay in the cache.
FAST_BLOCK_CELLS = 200_000


# ---------------------------------------------------------------------------
# checks


def check_metric_grid(grid: Grid, what: str = "DEM") -> None:
    """Refuse grids whose coordinates are not metres (see :func:`..crs.require_metric`).

    Args:
        grid: the raster's grid.
        what: how to name the raster in the message.

    Raises:
        CrsError: the CRS is unreadable, geographic (degrees) or not in metres, or missing on degree-sized cells.
    """
    require_metric(grid.crs, "The " + what, pixel=grid.pixel, corner=(grid.x0, grid.y0))


def check_dem(dem: np.ndarray, grid: Grid, window_cells: int = 3, what: str = "DEM") -> np.ndarray:
    """Validate a DEM against its grid and a window size; return it as float64.

    Args:
        dem: 2-D elevation array (metres), NaN for nodata.
        grid: its grid (metric CRS).
        window_cells: the widest window (cells) the analysis will use.
        what: how to name the raster in messages.

    Raises:
        InputError: not 2-D, shape differs from the grid, or no valid cell.
        CrsError: geographic CRS.
        ParameterError: the DEM has fewer rows or columns than the window.
    """
    array = np.asarray(dem, dtype=np.float64)
    if array.ndim != 2:
        raise InputError(QT_TR_NOOP("The {what} must be a single-band 2-D raster; got an array of {ndim} dimensions."),
                         what=what, ndim=array.ndim)
    if array.shape != grid.shape:
        raise InputError(QT_TR_NOOP("The {what} has {rows} x {cols} cells but its grid says {grid_rows} x {grid_cols}; "
                                    "read the raster and its grid together."), what=what, rows=array.shape[0],
                         cols=array.shape[1], grid_rows=grid.height, grid_cols=grid.width)
    if not grid.pixel > 0:
        raise InputError(QT_TR_NOOP("The {what} has a cell size of {pixel}; it must be positive."), what=what,
                         pixel=grid.pixel)
    check_metric_grid(grid, what)
    if not np.isfinite(array).any():
        raise InputError(QT_TR_NOOP("The {what} has no valid elevation (all cells are nodata); check its nodata value "
                                    "and that it covers the park."), what=what)
    if min(array.shape) < window_cells:
        raise ParameterError(QT_TR_NOOP("The {what} is {rows} x {cols} cells, smaller than the {size} x {size}-cell "
                                        "window; use a larger DEM or a smaller window radius."), what=what,
                             rows=array.shape[0], cols=array.shape[1], size=window_cells)
    return array


def _check_edges(edges: str) -> None:
    if edges not in EDGE_MODES:
        raise ParameterError(QT_TR_NOOP("Unknown edge mode {value}; use one of {choices}."), value=edges,
                             choices=", ".join(EDGE_MODES))


def tpi_window_radius_cells(radius_m: float, pixel: float) -> int:
    """Half-width in cells of the TPI window for ``radius_m`` metres.

    Raises:
        ParameterError: radius smaller than one cell.
    """
    if not (math.isfinite(radius_m) and radius_m >= pixel * (1 - 1e-9)):
        raise ParameterError(QT_TR_NOOP("The TPI radius {radius} m is smaller than one cell ({pixel} m); give at least "
                                        "one cell."), radius=radius_m, pixel=pixel)
    return int(math.floor(radius_m / pixel + 1e-9))


# ---------------------------------------------------------------------------
# helpers on one block


def _pad3(z: np.ndarray, edges: str) -> np.ndarray:
    """Pad by one cell: NaN, or linear extrapolation ``2 * edge - next`` (rows first, then columns)."""
    if edges == "nan":
        return np.pad(z, 1, mode="constant", constant_values=np.nan)
    rows, cols = z.shape
    p = np.empty((rows + 2, cols + 2), dtype=np.float64)
    p[1:-1, 1:-1] = z
    p[0, 1:-1] = 2 * z[0] - z[1] if rows > 1 else z[0]
    p[-1, 1:-1] = 2 * z[-1] - z[-2] if rows > 1 else z[-1]
    p[:, 0] = 2 * p[:, 1] - p[:, 2] if cols > 1 else p[:, 1]
    p[:, -1] = 2 * p[:, -2] - p[:, -3] if cols > 1 else p[:, -2]
    return p


def _neighbours(z: np.ndarray, edges: str) -> Tuple[np.ndarray, ...]:
    """The nine 3x3 window views ``a b c / d e f / g h i`` (row 0 is north)."""
    p = _pad3(z, edges)
    rows, cols = z.shape
    views = [p[r:r + rows, c:c + cols] for r in range(3) for c in range(3)]
    if edges == "extrapolate":
        centre = views[4]
        views = [np.where(np.isnan(v), centre, v) if k != 4 else v for k, v in enumerate(views)]
    return tuple(views)


def _horn_gradient(z: np.ndarray, pixel: float, edges: str) -> Tuple[np.ndarray, np.ndarray]:
    """Horn's dz/dx (east) and dz/dy (south), dimensionless (m/m)."""
    a, b, c, d, _e, f, g, h, i = _neighbours(z, edges)
    dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8.0 * pixel)
    dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / (8.0 * pixel)
    return dzdx, dzdy


def _slope_block(z: np.ndarray, pixel: float, edges: str) -> np.ndarray:
    dzdx, dzdy = _horn_gradient(z, pixel, edges)
    return np.degrees(np.arctan(np.hypot(dzdx, dzdy)))


def _tri_block(z: np.ndarray, edges: str) -> np.ndarray:
    views = _neighbours(z, edges)
    centre = views[4]
    total = np.zeros_like(centre)
    for k, v in enumerate(views):
        if k != 4:
            total += (v - centre) ** 2
    return np.sqrt(total)


def _box_sum(a: np.ndarray, ry: int, rx: int) -> np.ndarray:
    """Sum of ``a`` over the (2ry+1) x (2rx+1) window around each cell, the window clipped at the array's edge."""
    rows, cols = a.shape
    c = np.zeros((rows + 2 * ry + 1, cols), dtype=np.float64)
    np.cumsum(a, axis=0, out=c[ry + 1:ry + 1 + rows])
    c[ry + 1 + rows:] = c[ry + rows]
    v = c[2 * ry + 1:2 * ry + 1 + rows] - c[:rows]
    c = np.zeros((rows, cols + 2 * rx + 1), dtype=np.float64)
    np.cumsum(v, axis=1, out=c[:, rx + 1:rx + 1 + cols])
    c[:, rx + 1 + cols:] = c[:, rx + cols:rx + cols + 1]
    return c[:, 2 * rx + 1:2 * rx + 1 + cols] - c[:, :cols]


def _disk_sum(a: np.ndarray, radius_cells: float) -> Tuple[np.ndarray, int]:
    """Sum of ``a`` over the cells whose centres are within ``radius_cells`` (clipped at the edge).

    Returns:
        (sums, number of cells in the full disk).
    """
    rows, cols = a.shape
    k = int(math.floor(radius_cells + 1e-9))
    # cumulative sums along rows, with k zero columns on each side: csum[:, j] = sum of padded[:, :j]
    csum = np.zeros((rows, cols + 2 * k + 1), dtype=np.float64)
    np.cumsum(a, axis=1, out=csum[:, k + 1:k + 1 + cols])
    csum[:, k + 1 + cols:] = csum[:, k + cols:k + cols + 1]
    out = np.zeros((rows, cols), dtype=np.float64)
    span = np.empty((rows, cols), dtype=np.float64)
    n = 0
    for dy in range(-k, k + 1):
        w = int(math.floor(math.sqrt(max(radius_cells * radius_cells - dy * dy, 0.0)) + 1e-9))
        n += 2 * w + 1
        if abs(dy) >= rows:
            continue
        np.subtract(csum[:, k + w + 1:k + w + 1 + cols], csum[:, k - w:k - w + cols], out=span)
        # out[y] += span[y + dy]
        if dy >= 0:
            out[:rows - dy] += span[dy:]
        else:
            out[-dy:] += span[:rows + dy]
    return out, n


def _window_mean(z: np.ndarray, radius_cells: float, shape: str, min_coverage: float,
                 exclude_centre: bool) -> np.ndarray:
    """Mean of the valid cells in the window (NaN where fewer than ``min_coverage`` of its cells are valid)."""
    valid = np.isfinite(z)
    values = np.where(valid, z, 0.0)
    k = int(math.floor(radius_cells + 1e-9))
    if shape == "square":
        sums = _box_sum(values, k, k)
        counts = _box_sum(valid.astype(np.float64), k, k)
        full = (2 * k + 1) ** 2
    else:
        sums, full = _disk_sum(values, radius_cells)
        counts, _ = _disk_sum(valid.astype(np.float64), radius_cells)
    if exclude_centre:
        sums -= values
        counts -= valid
        full -= 1
    counts = np.rint(counts)
    need = max(1.0, math.ceil(min_coverage * full - 1e-9))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = sums / counts
    mean[counts < need] = np.nan
    return mean


def _tpi_block(z: np.ndarray, radius_cells: float, shape: str, min_coverage: float) -> np.ndarray:
    mean = _window_mean(z, radius_cells, shape, min_coverage, exclude_centre=True)
    return z - mean


def _vrm_block(z: np.ndarray, pixel: float, window: int, edges: str, min_coverage: float) -> np.ndarray:
    dzdx, dzdy = _horn_gradient(z, pixel, edges)
    norm = np.sqrt(1.0 + dzdx * dzdx + dzdy * dzdy)
    r = window // 2
    valid = np.isfinite(norm)
    counts = np.rint(_box_sum(valid.astype(np.float64), r, r))
    total = np.zeros_like(norm)
    for comp in (-dzdx / norm, -dzdy / norm, 1.0 / norm):
        s = _box_sum(np.where(valid, comp, 0.0), r, r)
        total += s * s
    need = window * window if edges == "nan" else max(1.0, math.ceil(min_coverage * window * window - 1e-9))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = 1.0 - np.sqrt(total) / counts
    out[(counts < need) | ~np.isfinite(z)] = np.nan
    # rounding can give -1e-16 on planes
    return np.clip(out, 0.0, 1.0, out=out)


# Fast kernels for ``edges="nan"``: computed on the inner cells of a block only (no padded copy), straight from
# shifted slices; a NaN anywhere in a cell's 3x3 window propagates to the cell, which is the "nan" rule. When the
# caller asks for float32 output the arithmetic is float32 too, as gdaldem's (its input buffers are float32).


def _inner_slope(z: np.ndarray, pixel: float, work: type) -> np.ndarray:
    """Horn slope (degrees) of the cells ``z[1:-1, 1:-1]``."""
    zw = z if z.dtype == work else z.astype(work)
    d = zw[:, 2:] - zw[:, :-2]  # east minus west, every row
    x = d[:-2] + d[2:]
    d2 = d[1:-1]
    x += d2
    x += d2
    del d, d2
    e = zw[2:, :] - zw[:-2, :]  # south minus north, every column
    y = e[:, :-2] + e[:, 2:]
    e2 = e[:, 1:-1]
    y += e2
    y += e2
    del e, e2
    np.multiply(x, x, out=x)
    np.multiply(y, y, out=y)
    x += y
    del y
    np.sqrt(x, out=x)
    x *= work(1.0 / (8.0 * pixel))
    np.arctan(x, out=x)
    x *= work(180.0 / math.pi)
    return x


def _inner_tri(z: np.ndarray, work: type) -> np.ndarray:
    """Riley TRI (metres) of the cells ``z[1:-1, 1:-1]``.

    Each squared difference between two neighbours serves both of them, so the four directions (E, S, SE, SW)
    are squared once and added with shifts.
    """
    zw = z if z.dtype == work else z.astype(work)
    d = zw[:, 1:] - zw[:, :-1]  # d[i, j] = z[i, j+1] - z[i, j]: east of (i, j), west of (i, j+1)
    np.multiply(d, d, out=d)
    total = d[1:-1, 1:] + d[1:-1, :-1]
    d = zw[1:, :] - zw[:-1, :]  # south of (i, j), north of (i+1, j)
    np.multiply(d, d, out=d)
    total += d[1:, 1:-1]
    total += d[:-1, 1:-1]
    d = zw[1:, 1:] - zw[:-1, :-1]  # d[i, j]: south-east of (i, j), north-west of (i+1, j+1)
    np.multiply(d, d, out=d)
    total += d[1:, 1:]
    total += d[:-1, :-1]
    d = zw[1:, :-1] - zw[:-1, 1:]  # d[i, j] = z[i+1, j] - z[i, j+1]: south-west of (i, j+1), north-east of (i+1, j)
    np.multiply(d, d, out=d)
    total += d[1:, :-1]
    total += d[:-1, 1:]
    del d
    return np.sqrt(total, out=total)


def _inner_tpi3(z: np.ndarray, work: type) -> np.ndarray:
    """TPI over the 3x3 window (centre minus the mean of its 8 neighbours, metres) of ``z[1:-1, 1:-1]``."""
    zw = z if z.dtype == work else z.astype(work)
    rows, cols = zw.shape
    rs = zw[:, :-2] + zw[:, 2:]
    rs += zw[:, 1:-1]  # 3-cell row sums
    s = rs[:-2] + rs[2:]
    s += rs[1:-1]  # 3x3 sums
    del rs
    centre = zw[1:-1, 1:-1]
    s -= centre
    s *= work(-1.0 / 8.0)
    s += centre
    return s


def _put_inner(target: np.ndarray, inner: np.ndarray, r0: int, w0: int, w1: int) -> None:
    """Write inner-cell results of the block read from row ``r0`` into rows ``w0:w1``; NaN on the DEM's border."""
    rows = target.shape[0]
    lo, hi = max(w0, 1), min(w1, rows - 1)
    if hi > lo:
        target[lo:hi, 1:-1] = inner[lo - r0 - 1:hi - r0 - 1]
    target[w0:lo] = np.nan
    target[max(hi, w0):w1] = np.nan
    target[w0:w1, 0] = np.nan
    target[w0:w1, -1] = np.nan


def _fix_corners(z: np.ndarray, pixel: float, out: Dict[str, np.ndarray]) -> None:
    """Recompute slope and TRI at the four corner cells as ``gdaldem -compute_edges`` does.

    At a corner gdaldem extrapolates the missing row linearly but repeats the
    edge column instead of extrapolating it.
    """
    rows, cols = z.shape
    for r, c in ((0, 0), (0, cols - 1), (rows - 1, 0), (rows - 1, cols - 1)):
        rr = [r - 1, r, r + 1]
        cc = [max(c - 1, 0), c, min(c + 1, cols - 1)]
        window = np.empty((3, 3))
        for i, row in enumerate(rr):
            for j, col in enumerate(cc):
                if 0 <= row < rows:
                    window[i, j] = z[row, col]
                else:  # 2 * edge row - next row inwards
                    edge = min(max(row, 0), rows - 1)
                    inner = edge + (1 if row < 0 else -1)
                    window[i, j] = 2 * z[edge, col] - z[inner, col] if 0 <= inner < rows else z[edge, col]
        window[np.isnan(window)] = z[r, c]
        if "slope" in out:
            out["slope"][r, c] = _slope_block(window, pixel, "nan")[1, 1]
        if "tri" in out:
            out["tri"][r, c] = _tri_block(window, "nan")[1, 1]


# ---------------------------------------------------------------------------
# public API


def _row_blocks(height: int, block_rows: int, halo: int) -> Iterable[Tuple[int, int, int, int]]:
    """(read_start, read_stop, out_start, out_stop) row ranges covering ``height`` rows."""
    start = 0
    while start < height:
        stop = min(height, start + block_rows)
        yield max(0, start - halo), min(height, stop + halo), start, stop
        start = stop


def terrain_metrics(dem: np.ndarray, grid: Grid, metrics: Sequence[str] = METRICS, *, tpi_radius_m: float = 300.0,
                    tpi_shape: str = "circle", vrm_window: int = 3, edges: str = "nan", min_coverage: float = 1.0,
                    block_rows: Optional[int] = None, dtype: type = np.float64,
                    feedback: Optional[Feedback] = None) -> Dict[str, np.ndarray]:
    """Compute several terrain metrics in one pass over the DEM (in row blocks).

    Args:
        dem: elevation (metres), NaN for nodata, in a metric CRS.
        grid: the DEM's grid (cell size in metres).
        metrics: any of ``"slope"`` (degrees, Horn), ``"tri"`` (metres, Riley),
            ``"vrm"`` (0..1, Sappington) and ``"tpi"`` (metres).
        tpi_radius_m: TPI window radius in metres (at least one cell).
        tpi_shape: ``"circle"`` (cells with centres within the radius) or ``"square"``.
        vrm_window: VRM window width in cells (odd, >= 3).
        edges: ``"nan"`` (gdaldem default: NaN where a window is incomplete) or
            ``"extrapolate"`` (gdaldem ``-compute_edges`` for 3x3 metrics;
            partial windows for VRM/TPI).
        min_coverage: with ``edges="extrapolate"``, the share (0..1] of a VRM/TPI
            window that must hold valid cells. With ``edges="nan"`` TPI also
            honours it (1.0, the default, requires the full window).
        block_rows: rows per block (default: about 4 million cells per block).
        dtype: output dtype (float64, or float32 to halve the output memory).
        feedback: progress and cancellation.

    Returns:
        ``{name: array}`` with the grid's shape, NaN where undefined.

    Raises:
        CrsError, InputError, ParameterError: see :func:`check_dem`; unknown
            metric, edge mode or shape, even or too small VRM window, TPI radius
            under one cell. Cancelled: the user stopped it.
    """
    metrics = tuple(metrics)
    for name in metrics:
        if name not in METRICS:
            raise ParameterError(QT_TR_NOOP("Unknown terrain metric {value}; use one of {choices}."), value=name,
                                 choices=", ".join(METRICS))
    _check_edges(edges)
    if tpi_shape not in TPI_SHAPES:
        raise ParameterError(QT_TR_NOOP("Unknown TPI window shape {value}; use one of {choices}."), value=tpi_shape,
                             choices=", ".join(TPI_SHAPES))
    if not (isinstance(vrm_window, (int, np.integer)) and vrm_window >= 3 and vrm_window % 2 == 1):
        raise ParameterError(QT_TR_NOOP("The VRM window must be an odd number of cells, 3 or more; got {value}."),
                             value=vrm_window)
    if not (0 < min_coverage <= 1):
        raise ParameterError(QT_TR_NOOP("The minimum window coverage must be in (0, 1]; got {value}."),
                             value=min_coverage)
    window = 3
    halo = 1
    tpi_k = 0
    if "vrm" in metrics:
        window = max(window, vrm_window + 2)
        halo = max(halo, vrm_window // 2 + 1)
    if "tpi" in metrics:
        tpi_k = tpi_window_radius_cells(tpi_radius_m, grid.pixel)
        window = max(window, 2 * tpi_k + 1)
        halo = max(halo, tpi_k)
    z = check_dem(dem, grid, window)
    rows, cols = z.shape
    if block_rows is None:
        block_rows = max(16, BLOCK_CELLS // max(cols, 1))
    block_rows = max(1, int(block_rows))
    out = {name: np.empty((rows, cols), dtype=dtype) for name in metrics}
    # 3x3 metrics without padding when edges are NaN; float32 arithmetic when float32 output is asked for
    fast = edges == "nan" and rows >= 3 and cols >= 3
    work = np.float32 if np.dtype(dtype) == np.float32 else np.float64
    done = 0
    for r0, r1, w0, w1 in _row_blocks(rows, block_rows, halo):
        check_cancel(feedback)
        sub = z[r0:r1]
        a, b = w0 - r0, w1 - r0
        if fast and ("slope" in metrics or "tri" in metrics):
            # memory-bound kernels: small sub-blocks whose temporaries stay in the CPU cache
            step = max(1, FAST_BLOCK_CELLS // max(cols, 1))
            for f0 in range(w0, w1, step):
                f1 = min(w1, f0 + step)
                t0 = max(0, f0 - 1)
                piece = z[t0:min(rows, f1 + 1)]
                if "slope" in metrics:
                    _put_inner(out["slope"], _inner_slope(piece, grid.pixel, work), t0, f0, f1)
                if "tri" in metrics:
                    _put_inner(out["tri"], _inner_tri(piece, work), t0, f0, f1)
        if "slope" in metrics and not fast:
            out["slope"][w0:w1] = _slope_block(sub, grid.pixel, edges)[a:b]
        if "tri" in metrics and not fast:
            out["tri"][w0:w1] = _tri_block(sub, edges)[a:b]
        if "vrm" in metrics:
            out["vrm"][w0:w1] = _vrm_block(sub, grid.pixel, vrm_window, edges, min_coverage)[a:b]
        if "tpi" in metrics:
            if fast and tpi_k == 1 and tpi_shape == "square" and min_coverage >= 1.0:
                step = max(1, FAST_BLOCK_CELLS // max(cols, 1))
                for f0 in range(w0, w1, step):
                    f1 = min(w1, f0 + step)
                    t0 = max(0, f0 - 1)
                    _put_inner(out["tpi"], _inner_tpi3(z[t0:min(rows, f1 + 1)], work), t0, f0, f1)
            else:
                coverage = min_coverage
                out["tpi"][w0:w1] = _tpi_block(sub, tpi_radius_m / grid.pixel, tpi_shape, coverage)[a:b]
        done = w1
        if feedback is not None:
            feedback.set_progress(100.0 * done / rows)
    if edges == "extrapolate":
        _fix_corners(z, grid.pixel, out)
    nodata = ~np.isfinite(z)
    for array in out.values():
        array[nodata] = np.nan
    return out


def slope(dem: np.ndarray, grid: Grid, edges: str = "nan", feedback: Optional[Feedback] = None) -> np.ndarray:
    """Slope in degrees (Horn's method, as ``gdaldem slope``); see :func:`terrain_metrics`."""
    return terrain_metrics(dem, grid, ("slope",), edges=edges, feedback=feedback)["slope"]


def tri(dem: np.ndarray, grid: Grid, edges: str = "nan", feedback: Optional[Feedback] = None) -> np.ndarray:
    """Riley's terrain ruggedness index in metres (as ``gdaldem TRI -alg Riley``); see :func:`terrain_metrics`."""
    return terrain_metrics(dem, grid, ("tri",), edges=edges, feedback=feedback)["tri"]


def vrm(dem: np.ndarray, grid: Grid, window: int = 3, edges: str = "nan", min_coverage: float = 1.0,
        feedback: Optional[Feedback] = None) -> np.ndarray:
    """Vector ruggedness measure (0 flat or planar .. 1 maximally rugged) over ``window x window`` cells."""
    return terrain_metrics(dem, grid, ("vrm",), vrm_window=window, edges=edges, min_coverage=min_coverage,
                           feedback=feedback)["vrm"]


def tpi(dem: np.ndarray, grid: Grid, radius_m: float, shape: str = "circle", min_coverage: float = 1.0,
        feedback: Optional[Feedback] = None) -> np.ndarray:
    """Topographic position index in metres: elevation minus the mean of the other cells within ``radius_m``.

    Positive on ridges and summits, negative in valleys, zero on planes.
    ``min_coverage`` (0..1] is the share of the window's cells that must be valid
    (inside the DEM, not NaN); 1.0 gives NaN within ``radius_m`` of the border.
    """
    return terrain_metrics(dem, grid, ("tpi",), tpi_radius_m=radius_m, tpi_shape=shape, min_coverage=min_coverage,
                           feedback=feedback)["tpi"]
