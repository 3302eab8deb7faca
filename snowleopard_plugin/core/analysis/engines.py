"""The three engines of :func:`.density.kernel_density`: direct evaluation at cell centres, exact rows, and binned
points through a tiled FFT; the "auto" method picks by the cost model here. Coordinates are cell units of a
:class:`~.raster.Grid` (0 = first cell centre); radii in cells.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Optional, Tuple

import numpy as np
from scipy import fft as sp_fft

from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .kernels import EPANECHNIKOV, QUARTIC, TRIWEIGHT, UNIFORM, _has_smooth_part, _smooth_value

# Cost model of the "auto" method (seconds per unit, measured on a 2-core laptop-class machine).
_DIRECT_COST_PER_CELL = 1.5e-8   # one kernel evaluation at one cell centre
_FFT_COST_PER_CELL = 2.5e-8      # one cell of the padded grid through the tiled FFT
_FFT_COST_PER_POINT = 3.5e-7     # binning one point (16 taps)
_TILE_MIN, _TILE_PER_KERNEL = 256, 4  # FFT tile side: at least this, and this many kernel widths
_THREADS = max(1, min(4, os.cpu_count() or 1))  # FFT tiles computed at once
_CHUNK_ENTRIES = 1_000_000       # point x stamp-cell entries handled at once (memory ~ 50 MB)
_DIRECT_CHUNK_ENTRIES = 250_000  # direct path: smaller chunks give narrower windows (measured best)
_COL_BLOCK = 32                  # direct path: window columns are kept in blocks of this many


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
