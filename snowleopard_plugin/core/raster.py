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

from .exceptions import QT_TR_NOOP, CrsError, InputError, ParameterError
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


#: The most cells an output raster may have: a float64 working copy is 8 bytes a cell and the kernels keep a few,
#: so 250 million cells (2 GB a copy) is about what an office PC's memory holds.
MAX_CELLS = 250_000_000


def check_grid_size(grid: Grid) -> Grid:
    """The grid, or a ParameterError before anything is allocated when it is too large for memory."""
    cells = int(grid.width) * int(grid.height)
    if cells > MAX_CELLS:
        raise ParameterError(QT_TR_NOOP("The raster would have {cells:,} cells ({width} x {height} at {pixel:g} m), "
                                        "more than this computer can hold ({limit:,}): choose a larger pixel size "
                                        "or a smaller extent."), cells=cells, width=grid.width, height=grid.height,
                             pixel=grid.pixel, limit=MAX_CELLS)
    return grid


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
def _compression() -> Tuple[str, ...]:
    """Fast lossless compression: ZSTD level 1 when this GDAL has it, else DEFLATE level 1.

    Measured on a 25-million-cell float32 heatmap (bench/heatmap.py, 2 shared cores): ZSTD-1 writes
    it in 0.08 s (mostly zero, 17 MB) to 0.13 s (dense, 69 MB); uncompressed takes 0.05 s but
    105 MB; LZW 0.4 to 0.8 s (23 to 88 MB); DEFLATE-1 0.4 to 0.7 s. Every GDAL since 2.3 reads ZSTD.
    GDAL's compression threads (NUM_THREADS) only slowed ZSTD-1 down there, so they are used for
    DEFLATE only.
    """
    from osgeo import gdal  # local: only needed to ask the driver what it supports

    options = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    if "ZSTD" in options:
        return ("COMPRESS=ZSTD", "ZSTD_LEVEL=1")
    return ("COMPRESS=DEFLATE", "ZLEVEL=1", "NUM_THREADS=ALL_CPUS")


def write_geotiffs(path: str, bands, grid: Grid, nodata: Optional[float] = None, descriptions=None,
                   dtype: str = "float32") -> str:
    """Write several bands of one grid into one tiled, compressed GeoTIFF, atomically.

    Tiles are 256 x 256 (when the grid is at least that large), compressed with ZSTD level 1 (or
    DEFLATE where ZSTD is missing); tiles that are entirely ``nodata`` (or 0 without nodata) are
    not stored (SPARSE_OK) and read back as such. The arrays are written a band of 256 rows at a
    time (converted to ``dtype`` and NaN replaced slice by slice, no full copy), and GDAL's cache
    is flushed after each, so the compressed tiles leave memory as they are made.

    Args:
        bands: a sequence of 2-D arrays of ``grid.shape`` (NaN cells become ``nodata``).
        descriptions: a name per band (e.g. the individual it maps).

    Raises:
        InputError: GDAL cannot create or write the file.
    """
    from osgeo import gdal, gdal_array, osr  # local: heavy, and only needed here

    arrays = [np.asarray(band) for band in bands]
    out_type = np.dtype(dtype)
    tiled = grid.width >= 256 and grid.height >= 256
    options = ["SPARSE_OK=TRUE", *_compression()]
    if tiled:
        options += ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
    rows = 256 if tiled else max(1, 4_000_000 // max(1, grid.width))
    with atomic_output(path) as tmp:
        try:
            dataset = gdal.GetDriverByName("GTiff").Create(
                tmp, grid.width, grid.height, len(arrays), gdal_array.NumericTypeCodeToGDALTypeCode(out_type), options)
        except RuntimeError as error:  # GDAL raises instead of returning None once gdal.UseExceptions() was called
            raise InputError(QT_TR_NOOP("Cannot write the raster {path}: {reason}"), path=path,
                             reason=str(error)) from error
        if dataset is None:
            raise InputError(QT_TR_NOOP("Cannot write the raster {path}: {reason}"), path=path,
                             reason=gdal.GetLastErrorMsg())
        try:
            dataset.SetGeoTransform(grid.transform.to_gdal())
            if grid.crs:
                srs = osr.SpatialReference()
                if srs.SetFromUserInput(str(grid.crs)) != 0:
                    raise CrsError(QT_TR_NOOP("The CRS {crs} is not understood; choose a metric CRS such as the UTM "
                                              "zone of the park."), crs=grid.crs)
                dataset.SetProjection(srs.ExportToWkt())
            for index, array in enumerate(arrays, start=1):
                band = dataset.GetRasterBand(index)
                if nodata is not None:
                    band.SetNoDataValue(float(nodata))
                if descriptions is not None and index <= len(descriptions):
                    band.SetDescription(str(descriptions[index - 1]))
                # by bands of whole block rows: converts (and replaces NaN) a slice at a time, no full copy
                for row0 in range(0, grid.height, rows):
                    part = array[row0:row0 + rows]
                    if nodata is not None and part.dtype.kind == "f":
                        nan = np.isnan(part)
                        if nan.any():
                            part = np.where(nan, nodata, part)
                    try:
                        failed = band.WriteArray(np.ascontiguousarray(part, dtype=out_type), 0, row0) != 0
                    except RuntimeError as error:  # see above
                        raise InputError(QT_TR_NOOP("Cannot write the raster {path}: {reason}"), path=path,
                                         reason=str(error)) from error
                    if failed:
                        raise InputError(QT_TR_NOOP("Cannot write the raster {path}: {reason}"), path=path,
                                         reason=gdal.GetLastErrorMsg())
                    dataset.FlushCache()  # compress and write these tiles now: the cache stays small
        finally:
            dataset = None  # closes the file (before it is moved or removed)
    return path
