"""Geometry and rasters of occupancy sites: route pieces cut at site edges, points and cells inside polygons,
rasters warped onto the sites (metres, the routes' metric CRS)."""

from __future__ import annotations

import math
import os
from typing import Any, List, Sequence, Tuple

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError
from ..raster import Grid


def _contains_xy(geom: Any, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Vectorised point-in-polygon (shapely 2 ``contains_xy``, shapely 1.8 ``vectorized.contains``)."""
    import shapely

    if hasattr(shapely, "contains_xy"):
        return np.asarray(shapely.contains_xy(geom, x, y), dtype=bool)
    from shapely import vectorized  # shapely < 2

    return np.asarray(vectorized.contains(geom, x, y), dtype=bool)


def _polygon_edges(polygons: Sequence[Any]) -> np.ndarray:
    """All boundary edges ``(e, 4)`` of the polygons (holes included)."""
    edges: List[np.ndarray] = []
    for geom in polygons:
        for ring in _rings(geom):
            xy = np.asarray(ring.coords, dtype=np.float64)[:, :2]
            if len(xy) >= 2:
                edges.append(np.hstack([xy[:-1], xy[1:]]))
    return np.vstack(edges) if edges else np.zeros((0, 4))


def _rings(geom: Any) -> List[Any]:
    if geom is None or geom.is_empty:
        return []
    if hasattr(geom, "geoms"):
        return [ring for part in geom.geoms for ring in _rings(part)]
    if geom.geom_type == "Polygon":
        return [geom.exterior] + list(geom.interiors)
    return []


def _split_at_edges(segs: np.ndarray, edges: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Cut segments where they cross any of ``edges``; returns ``(pieces, seg_index)`` in route order."""
    m = len(segs)
    ts = [np.zeros(m), np.ones(m)]
    ids = [np.arange(m), np.arange(m)]
    if len(edges):
        chunk = max(1, 2_000_000 // len(edges))
        qx, qy = edges[:, 0], edges[:, 1]
        sx, sy = edges[:, 2] - qx, edges[:, 3] - qy
        for lo in range(0, m, chunk):
            s = segs[lo:lo + chunk]
            px, py = s[:, 0:1], s[:, 1:2]
            rx, ry = s[:, 2:3] - px, s[:, 3:4] - py
            denom = rx * sy - ry * sx
            with np.errstate(invalid="ignore", divide="ignore"):
                t = ((qx - px) * sy - (qy - py) * sx) / denom
                u = ((qx - px) * ry - (qy - py) * rx) / denom
            ok = (denom != 0) & (t > 0) & (t < 1) & (u >= 0) & (u <= 1)
            rows, _cols = np.nonzero(ok)
            ts.append(t[ok])
            ids.append(rows + lo)
    from ..analysis.coverage import cut_segments

    pieces, sid = cut_segments(segs, np.concatenate(ts), np.concatenate(ids))
    keep = (pieces[:, 0] != pieces[:, 2]) | (pieces[:, 1] != pieces[:, 3])  # drop zero-length pieces
    return pieces[keep], sid[keep]


def _raster_on(path: str, crs: Any, bounds: Tuple[float, float, float, float], what: str
               ) -> Tuple[np.ndarray, Grid]:
    """A raster read over ``bounds`` (plus a 2-cell margin) in ``crs``, warped when its CRS differs.

    Returns:
        ``(array, grid)``: float64 with NaN for nodata, and its grid in ``crs``.
    """
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.vrt import WarpedVRT
    from rasterio.windows import from_bounds

    try:
        src = rasterio.open(path)
    except (rasterio.errors.RasterioIOError, OSError) as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=path, reason=str(error)) from error
    with src:
        same = src.crs is not None and crs is not None and rasterio.crs.CRS.from_user_input(crs) == src.crs
        if src.crs is None:
            raise InputError(QT_TR_NOOP("The raster {path} has no CRS: set it before using it for covariates."),
                             path=os.path.basename(path))
        if same:
            dataset = src
        else:  # warped on the fly to the sites' CRS, with square cells (a DEM in degrees has oblong ones)
            from rasterio.warp import calculate_default_transform

            target = rasterio.crs.CRS.from_user_input(crs)
            suggested, _, _ = calculate_default_transform(src.crs, target, src.width, src.height, *src.bounds)
            size = min(abs(suggested.a), abs(suggested.e))
            west, south, east, north = rasterio.warp.transform_bounds(src.crs, target, *src.bounds)
            width, height = max(1, int(math.ceil((east - west) / size))), max(1, int(math.ceil((north - south) / size)))
            dataset = WarpedVRT(src, crs=target, resampling=Resampling.bilinear, width=width, height=height,
                                transform=rasterio.transform.from_origin(west, north, size, size))
        try:
            pixel = abs(dataset.transform.a)
            xmin, ymin, xmax, ymax = bounds
            window = from_bounds(xmin - 2 * pixel, ymin - 2 * pixel, xmax + 2 * pixel, ymax + 2 * pixel,
                                 dataset.transform).round_offsets().round_lengths()
            if same:
                data = dataset.read(1, window=window, boundless=True, masked=True, fill_value=dataset.nodata)
            else:  # a warped dataset reads only inside itself
                from rasterio.windows import Window, WindowError

                try:
                    window = window.intersection(Window(0, 0, dataset.width, dataset.height))
                except WindowError as error:
                    raise InputError(QT_TR_NOOP("The raster {what} does not cover the sites."),
                                     what=what) from error
                data = dataset.read(1, window=window, masked=True)
            transform = dataset.window_transform(window)
        finally:
            if dataset is not src:
                dataset.close()
    array = np.ma.filled(data.astype(np.float64), np.nan)
    if array.size == 0:
        raise InputError(QT_TR_NOOP("The raster {what} does not cover the sites."), what=what)
    grid = Grid(float(transform.c), float(transform.f), float(transform.a), array.shape[1], array.shape[0],
                None if crs is None else str(crs))
    return array, grid


def _mask_in(geom: Any, grid: Grid) -> np.ndarray:
    """Cells of ``grid`` whose centres lie in ``geom``."""
    xs, ys = grid.centres()
    gx, gy = np.meshgrid(xs, ys)
    return _contains_xy(geom, gx.ravel(), gy.ravel()).reshape(grid.shape)
