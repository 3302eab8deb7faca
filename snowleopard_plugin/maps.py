"""Map rendering with QGIS's own renderer, now in :mod:`.report.maps`; its names stay importable from here
(the demo renders its season maps with them)."""

from .report.maps import elevation_tint_layer, hillshade_layer, render_png, smooth_resampling

__all__ = ["elevation_tint_layer", "hillshade_layer", "render_png", "smooth_resampling"]
