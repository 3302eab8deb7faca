"""Map rendering with QGIS's own renderer: hillshaded DEM under the season's styled layers."""

from __future__ import annotations

from typing import Iterable, Optional

from qgis.core import (
    QgsBilinearRasterResampler,
    QgsContrastEnhancement,
    QgsCoordinateReferenceSystem,
    QgsHillshadeRenderer,
    QgsMapLayer,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRasterLayer,
    QgsRectangle,
    QgsSingleBandGrayRenderer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from ..i18n import tr


def hillshade_layer(dem_path: str, name: Optional[str] = None, folder: Optional[str] = None) -> QgsRasterLayer:
    """The DEM as a grey hillshade (multidirectional, altitude 45°).

    The shading is computed once by GDAL (``gdaldem hillshade``) into ``folder`` (default: the Processing
    temporary folder) and drawn as a grey image with bilinear resampling. QGIS's own hillshade renderer, drawn
    with resampling, leaves a line where the map is split into parts for rendering (QGIS 3.22); it is the
    fallback when the file cannot be written.
    """
    from ..qgis_io import inputs_left_alone

    with inputs_left_alone():  # no .aux.xml written beside the user's DEM
        layer = QgsRasterLayer(dem_path, name or tr("Hillshade"))
    if not layer.isValid():
        return layer
    shaded = _gdal_hillshade(dem_path, layer, folder)
    if shaded is not None:
        grey = QgsRasterLayer(shaded, name or tr("Hillshade"))
        if grey.isValid():
            renderer = QgsSingleBandGrayRenderer(grey.dataProvider(), 1)
            enhancement = QgsContrastEnhancement(grey.dataProvider().dataType(1))
            enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
            enhancement.setMinimumValue(0.0)
            enhancement.setMaximumValue(255.0)
            renderer.setContrastEnhancement(enhancement)
            grey.setRenderer(renderer)
            smooth_resampling(grey)
            return grey
    renderer = QgsHillshadeRenderer(layer.dataProvider(), 1, 315.0, 45.0)
    renderer.setZFactor(1.0)
    renderer.setMultiDirectional(True)
    layer.setRenderer(renderer)
    smooth_resampling(layer)
    return layer


def _gdal_hillshade(dem_path: str, layer: QgsRasterLayer, folder: Optional[str]) -> Optional[str]:
    """``gdaldem hillshade`` of the DEM into ``folder``; None when it cannot be written."""
    import hashlib
    import os
    import tempfile

    from osgeo import gdal
    from qgis.core import QgsProcessingUtils

    from ..qgis_io import inputs_left_alone

    folder = folder or QgsProcessingUtils.tempFolder()
    mtime = os.path.getmtime(dem_path) if os.path.exists(dem_path) else 0  # a changed DEM gets a new shading
    stamp = hashlib.sha256(f"{os.path.abspath(dem_path)}:{mtime}".encode()).hexdigest()[:12]
    out = os.path.join(folder, f"hillshade_{stamp}.tif")
    if os.path.exists(out):
        return out
    scale = 111120.0 if layer.crs().isGeographic() else 1.0  # metres per degree for a DEM in degrees
    part = None
    try:
        os.makedirs(folder, exist_ok=True)
        handle, part = tempfile.mkstemp(suffix=".part.tif", dir=folder)  # two maps at once never share it
        os.close(handle)
        with inputs_left_alone():
            result = gdal.DEMProcessing(part, dem_path, "hillshade", multiDirectional=True,
                                        altitude=45.0, scale=scale, computeEdges=True, format="GTiff",
                                        creationOptions=["COMPRESS=DEFLATE", "TILED=YES"])
            if result is None:
                return None
            result = None
        os.replace(part, out)
        part = None
    except (OSError, RuntimeError):
        return None
    finally:
        if part is not None and os.path.exists(part):
            os.remove(part)
    return out


def smooth_resampling(layer: QgsRasterLayer) -> None:
    """Bilinear resampling when drawn at another scale than the raster's own (no moiré stripes)."""
    layer.resampleFilter().setZoomedInResampler(QgsBilinearRasterResampler())
    layer.resampleFilter().setZoomedOutResampler(QgsBilinearRasterResampler())


def elevation_tint_layer(dem_path: str, name: Optional[str] = None) -> QgsRasterLayer:
    """The DEM tinted by elevation (valleys green, crests white), half transparent, over the hillshade."""
    from ..qgis_io import inputs_left_alone

    with inputs_left_alone():  # no .aux.xml written beside the user's DEM
        layer = QgsRasterLayer(dem_path, name or tr("Elevation"))
        if not layer.isValid():
            return layer
        stats = layer.dataProvider().bandStatistics(1)
    low, high = stats.minimumValue, stats.maximumValue
    from ..qgis_io.styles import pseudocolour_renderer

    tints = [(0.0, "#6f9c5a"), (0.35, "#c8c48a"), (0.65, "#a68a6a"), (0.85, "#d9d2cc"), (1.0, "#ffffff")]
    stops = [(low + f * (high - low), colour) for f, colour in tints]
    renderer = pseudocolour_renderer(layer, stops, low, high, [f"{value:.0f} m" for value, _ in stops])
    renderer.setOpacity(0.45)
    layer.setRenderer(renderer)
    smooth_resampling(layer)
    return layer


def render_png(layers: Iterable[QgsMapLayer], path: str, extent: QgsRectangle,
               crs: QgsCoordinateReferenceSystem, width: int = 1600, dpi: int = 120) -> str:
    """Render layers (first on top) to a PNG of ``width`` pixels, keeping the extent's aspect ratio."""
    layers = list(layers)
    height = max(1, int(round(width * extent.height() / max(extent.width(), 1e-9))))
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(width, height))
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if not image.save(path, "PNG"):
        raise OSError(path)
    return path
