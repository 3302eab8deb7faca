"""Regular grids and GeoTIFF input/output (rasterio).

A :class:`Grid` describes a north-up raster in a metric CRS: ``x0, y0`` is the
upper-left corner in metres, ``pixel`` the square cell size in metres, rows go
south. Arrays are indexed ``[row, col]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Tuple

import numpy as np
import rasterio
from rasterio.transform import Affine
from rasterio.windows import Window

from .exceptions import QT_TR_NOOP, CrsError, InputError
from .fileio import atomic_output


@dataclass(frozen=True)
class Grid:
    """A north-up grid of square cells.

    Attributes:
        x0: x of the upper-left corner (m).
        y0: y of the upper-left corner (m).
        pixel: cell size (m).
        width: number of columns.
        height: number of rows.
        crs: CRS as text (``"EPSG:32645"`` or WKT), or None when unknown.
    """

    x0: float
    y0: float
    pixel: float
    width: int
    height: int
    crs: Optional[str] = None

    @classmethod
    def from_extent(cls, xmin: float, ymin: float, xmax: float, ymax: float, pixel: float,
                    crs: Optional[str] = None) -> Grid:
        """The grid of cells of size ``pixel`` covering an extent (snapped outwards to whole cells)."""
        width = max(1, int(np.ceil((xmax - xmin) / pixel - 1e-9)))
        height = max(1, int(np.ceil((ymax - ymin) / pixel - 1e-9)))
        return cls(float(xmin), float(ymax), float(pixel), width, height, crs)

    @property
    def transform(self) -> Affine:
        """The rasterio affine transform."""
        return Affine(self.pixel, 0.0, self.x0, 0.0, -self.pixel, self.y0)

    @property
    def extent(self) -> Tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in metres."""
        return (self.x0, self.y0 - self.height * self.pixel, self.x0 + self.width * self.pixel, self.y0)

    @property
    def shape(self) -> Tuple[int, int]:
        """(rows, cols)."""
        return (self.height, self.width)

    def centres(self) -> Tuple[np.ndarray, np.ndarray]:
        """x of the column centres and y of the row centres (1-D arrays, metres)."""
        xs = self.x0 + (np.arange(self.width) + 0.5) * self.pixel
        ys = self.y0 - (np.arange(self.height) + 0.5) * self.pixel
        return xs, ys


def read_raster(path: str, band: int = 1) -> Tuple[np.ndarray, Grid, Optional[float]]:
    """Read one band as float64 with nodata turned into NaN.

    Returns:
        (array, grid, nodata) where nodata is the file's nodata value.

    Raises:
        InputError: unreadable file. CrsError: non-square or rotated pixels, or a geographic CRS.
    """
    try:
        with rasterio.open(path) as src:
            data = src.read(band).astype(np.float64)
            transform, crs, nodata = src.transform, src.crs, src.nodata
            if src.nodata is not None:
                data[data == src.nodata] = np.nan
            mask = src.read_masks(band)
            data[mask == 0] = np.nan
    except rasterio.errors.RasterioIOError as error:
        raise InputError(QT_TR_NOOP("Cannot read the raster {path}: {reason}"), path=path, reason=str(error)) from error
    if transform.b != 0 or transform.d != 0 or abs(abs(transform.a) - abs(transform.e)) > 1e-6 * abs(transform.a):
        raise CrsError(QT_TR_NOOP("The raster {path} has rotated or non-square pixels; warp it to a north-up grid with "
                                  "square cells first."), path=path)
    if crs is not None and crs.is_geographic:
        raise CrsError(QT_TR_NOOP("The raster {path} is in geographic coordinates (degrees); reproject it to a metric "
                                  "CRS such as the UTM zone of the park."), path=path)
    grid = Grid(transform.c, transform.f, transform.a, data.shape[1], data.shape[0],
                crs.to_string() if crs is not None else None)
    return data, grid, nodata


def write_geotiff(path: str, array: np.ndarray, grid: Grid, nodata: Optional[float] = None,
                  dtype: str = "float32") -> str:
    """Write a single-band, tiled, compressed GeoTIFF atomically (NaN cells as ``nodata``)."""
    return write_geotiffs(path, [array], grid, nodata=nodata, dtype=dtype)


@lru_cache(maxsize=1)
def _compression() -> Tuple[Tuple[str, object], ...]:
    """Fast lossless compression: ZSTD level 1 when this GDAL has it, else DEFLATE level 1.

    ZSTD at level 1 writes a 25-million-cell float32 raster about 5 times faster than DEFLATE's
    default level 6, for the same file size (bench/heatmap.py); every GDAL since 2.3 reads it.
    """
    from osgeo import gdal  # local: only needed to ask the driver what it supports

    options = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    if "ZSTD" in options:
        return (("compress", "zstd"), ("zstd_level", 1))
    return (("compress", "deflate"), ("zlevel", 1))


def write_geotiffs(path: str, bands, grid: Grid, nodata: Optional[float] = None, descriptions=None,
                   dtype: str = "float32") -> str:
    """Write several bands of one grid into one tiled, compressed GeoTIFF, atomically.

    Tiles are 256 x 256 (when the grid is at least that large), compressed with ZSTD level 1 (or
    DEFLATE where ZSTD is missing) on all cores; tiles that are entirely ``nodata`` (or 0 without
    nodata) are not stored (SPARSE_OK) and read back as such.

    Args:
        bands: a sequence of 2-D arrays of ``grid.shape`` (NaN cells become ``nodata``).
        descriptions: a name per band (e.g. the individual it maps).
    """
    arrays = [np.asarray(band) for band in bands]
    tiled = grid.width >= 256 and grid.height >= 256
    profile = dict(driver="GTiff", width=grid.width, height=grid.height, count=len(arrays), dtype=dtype,
                   crs=grid.crs, transform=grid.transform, nodata=nodata, tiled=tiled, sparse_ok=True,
                   num_threads="ALL_CPUS", **dict(_compression()))
    if tiled:
        profile.update(blockxsize=256, blockysize=256)
    rows = 256 if tiled else max(1, 4_000_000 // max(1, grid.width))
    with atomic_output(path) as tmp:
        with rasterio.open(tmp, "w", **profile) as dst:
            for index, array in enumerate(arrays, start=1):
                # by bands of whole block rows: converts (and replaces NaN) a slice at a time, no full copy
                for row0 in range(0, grid.height, rows):
                    part = array[row0:row0 + rows]
                    if nodata is not None and part.dtype.kind == "f":
                        nan = np.isnan(part)
                        if nan.any():
                            part = np.where(nan, nodata, part)
                    dst.write(part.astype(dtype, copy=False), index,
                              window=Window(0, row0, grid.width, part.shape[0]))
                if descriptions is not None and index <= len(descriptions):
                    dst.set_band_description(index, str(descriptions[index - 1]))
    return path
