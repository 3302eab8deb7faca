"""Raster layers in: the file behind a layer, band 1 as a numpy array with its core ``Grid`` (warped on the fly
through a VRT when its CRS or cells are not the analysis's), and the checks made before and after reading."""

from __future__ import annotations

import contextlib
import os
from typing import Iterator

from ..i18n import tr
from .crs import check_metric_crs, crs_text


@contextlib.contextmanager
def inputs_left_alone() -> Iterator[None]:
    """Keep GDAL from writing ``.aux.xml`` statistics files beside the user's input rasters.

    Loading a raster layer makes QGIS compute its statistics, and GDAL caches them in a
    sidecar file next to the raster: the DEM's folder would change under the user's feet.
    The option is set for this thread only (the algorithm's worker), then restored.
    """
    from osgeo import gdal

    old = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", old)


def raster_layer_path(layer, name: str) -> str:
    """The file behind a GDAL raster layer, or a translated error saying what to do."""
    from qgis.core import QgsProcessingException, QgsProviderRegistry

    if layer is None or not layer.isValid():
        raise QgsProcessingException(tr("The raster {layer} cannot be read: choose a valid raster layer.").format(
            layer=name))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(tr("The raster {layer} is not a file (provider {provider}): save it as a "
                                        "GeoTIFF first.").format(layer=name, provider=layer.providerType()))
    path = QgsProviderRegistry.instance().decodeUri("gdal", layer.source()).get("path") or layer.source()
    if not os.path.exists(path):
        raise QgsProcessingException(tr("The raster {layer} is not a local file ({path}): save it as a GeoTIFF "
                                        "first.").format(layer=name, path=path))
    return path


def read_raster_layer(layer, name: str, extent=None, crs=None, feedback=None, resampling: str = "bilinear"):
    """Band 1 of a raster layer as a float64 array (NaN = nodata) with its core ``Grid``.

    Args:
        layer: a QgsRasterLayer backed by a file (GeoTIFF or anything GDAL reads).
        name: the layer's name for messages.
        extent: optional (xmin, ymin, xmax, ymax) in ``crs`` (default: the layer's CRS): only the cells
            meeting it are kept (snapped outwards to whole cells).
        crs: the analysis CRS (:func:`analysis_crs`). A raster in another CRS, or with rotated or
            non-square pixels, is warped to it on the fly (``resampling``; square cells of GDAL's suggested
            size) through a VRT in the Processing temporary folder: the file itself is never changed.
            Default: the layer's CRS, which must then be metric.
        feedback: where a warp is reported.

    Returns:
        (array, grid). The grid's CRS is ``crs`` (or the layer's), as ``crs_text``.
    """
    import numpy as np
    from qgis.core import QgsProcessingException

    from ..core.exceptions import SnowLeopardError
    from ..core.raster import Grid, read_raster
    from ..i18n import tr_error

    if crs is None:
        check_metric_crs(layer.crs(), name)
        crs = layer.crs()
    elif not layer.crs().isValid():
        check_metric_crs(layer.crs(), name)
    path = raster_layer_path(layer, name)
    if layer.crs() != crs or not _north_up_square(path):
        path = _warped(path, layer, name, crs, resampling, feedback)
    try:
        array, grid, _ = read_raster(path)
    except SnowLeopardError as error:
        raise QgsProcessingException(tr_error(error)) from error
    grid = Grid(grid.x0, grid.y0, grid.pixel, grid.width, grid.height, crs_text(crs))
    if extent is not None:
        xmin, ymin, xmax, ymax = extent
        c0 = max(int(np.floor((xmin - grid.x0) / grid.pixel + 1e-9)), 0)
        c1 = min(int(np.ceil((xmax - grid.x0) / grid.pixel - 1e-9)), grid.width)
        r0 = max(int(np.floor((grid.y0 - ymax) / grid.pixel + 1e-9)), 0)
        r1 = min(int(np.ceil((grid.y0 - ymin) / grid.pixel - 1e-9)), grid.height)
        if c1 <= c0 or r1 <= r0:
            raise QgsProcessingException(tr("The extent does not overlap the raster {layer}: choose an extent "
                                            "inside it (same CRS).").format(layer=name))
        array = array[r0:r1, c0:c1].copy()
        grid = Grid(grid.x0 + c0 * grid.pixel, grid.y0 - r0 * grid.pixel, grid.pixel, c1 - c0, r1 - r0, grid.crs)
    return array, grid


def check_dem_values(dem, name: str, feedback=None):
    """Elevations below -1,000 m (an int16 void value such as -32768 left without a nodata flag) become nodata,
    with a warning; the share of the DEM without data is reported (ridges stop short of it)."""
    import numpy as np

    with np.errstate(invalid="ignore"):
        bad = dem < -1000.0
    count = int(bad.sum())
    if count:
        dem[bad] = np.nan
        if feedback is not None:
            feedback.pushWarning(tr("{layer}: {count} cells below -1,000 m (a void value such as -32768 without a "
                                    "nodata flag) were taken as no data. Set the DEM's nodata value.").format(
                layer=name, count=count))
    empty = float(np.isnan(dem).mean()) if dem.size else 0.0
    if empty > 0.001 and feedback is not None:
        feedback.pushInfo(tr("{layer}: {percent:.1f} % of the cells have no data; slopes, TPI and ridges stop "
                             "short of them. Fill small voids first (Raster ▸ Analysis ▸ Fill nodata) if they lie "
                             "inside the park.").format(layer=name, percent=100.0 * empty))
    return dem


def check_raster_size(layer, name: str, limit: int) -> None:
    """A raster layer too large to process in memory is refused before it is read."""
    from qgis.core import QgsProcessingException

    cells = int(layer.width()) * int(layer.height())
    if cells > limit:
        raise QgsProcessingException(tr("{layer} has {cells:,} cells, more than this computer can process at once "
                                        "({limit:,}): clip it to the park, or resample it to a larger cell size "
                                        "(Raster ▸ Projections ▸ Warp).").format(layer=name, cells=cells,
                                                                                limit=limit))


def _north_up_square(path: str) -> bool:
    """True when the raster's pixels are north-up squares (what the core's ``Grid`` needs)."""
    from osgeo import gdal

    with inputs_left_alone():
        dataset = gdal.Open(path)
        if dataset is None:
            return False  # the warp reports what GDAL says
        a, b, _, _, d, e = [dataset.GetGeoTransform()[i] for i in (1, 2, 0, 3, 4, 5)]
        dataset = None
    return b == 0 and d == 0 and e < 0 < a and abs(a + e) <= 1e-6 * a


def _warped(path: str, layer, name: str, crs, resampling: str, feedback) -> str:
    """A VRT warping the raster to ``crs`` with square, north-up cells (nodata kept as NaN)."""
    from osgeo import gdal, osr
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingUtils

    target = osr.SpatialReference()
    target.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    source_wkt = layer.crs().toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)  # the CRS QGIS uses for it
    out = QgsProcessingUtils.generateTempFilename("warped_" + os.path.splitext(os.path.basename(path))[0] + ".vrt")
    try:
        with inputs_left_alone():
            source = gdal.Open(path)
            if source is None:
                raise RuntimeError(gdal.GetLastErrorMsg() or "GDAL cannot open it")
            # GDAL's suggested output: square cells keeping about the same number of cells
            suggested = gdal.Warp("", source, format="VRT", srcSRS=source_wkt, dstSRS=target.ExportToWkt())
            if suggested is None:
                raise RuntimeError(gdal.GetLastErrorMsg() or "no georeferencing")
            transform = suggested.GetGeoTransform()
            pixel = min(abs(transform[1]), abs(transform[5]))
            suggested = None
            if not pixel > 0:
                raise RuntimeError("no cell size")
            band = source.GetRasterBand(1)
            result = gdal.Warp(out, source, format="VRT", srcSRS=source_wkt, dstSRS=target.ExportToWkt(),
                               xRes=pixel, yRes=pixel, resampleAlg=resampling, outputType=gdal.GDT_Float32,
                               srcNodata=band.GetNoDataValue(), dstNodata=float("nan"))
            source = None
            if result is None:
                raise RuntimeError(gdal.GetLastErrorMsg())
            result = None
    except RuntimeError as error:
        raise QgsProcessingException(tr("The raster {layer} cannot be reprojected to {crs}: {reason}. Warp it to "
                                        "{crs} yourself (Raster ▸ Projections ▸ Warp).").format(
            layer=name, crs=crs.authid(), reason=str(error))) from error
    if feedback is not None:
        feedback.pushInfo(tr("{layer} ({a}) is read warped to {b} with square cells of {pixel:.1f} m ({method} "
                             "resampling); the file itself is unchanged.").format(
            layer=name, a=layer.crs().authid() or layer.crs().description(), b=crs.authid() or crs.description(),
            pixel=pixel, method=resampling))
    return out
