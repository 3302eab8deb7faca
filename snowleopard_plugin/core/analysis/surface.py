"""Surface distance over a DEM: bilinear elevations and 3-D lengths of segments and lines (metres, metric CRS)."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from ..raster import Grid
from .segments import _CHUNK, check_metric, line_segments

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
