"""Pure-Python core of the Snow Leopard Census plugin.

Nothing below this package imports ``qgis``: it runs and is tested without
QGIS (``pytest -p no:qgis tests/unit``). It uses numpy, scipy, shapely,
geopandas, GDAL's own Python bindings and rasterio, as the distribution ships them.
"""

import os as _os
import sys as _sys


def _proj_data_for_venv() -> None:
    """Let pyproj find PROJ's data when the core runs from a venv made with --system-site-packages.

    pyproj looks for ``proj.db`` under ``sys.prefix``; in such a venv that is the venv, not the
    system prefix where the distribution's PROJ keeps it. Inside QGIS (no venv) this does nothing.
    """
    if _os.environ.get("PROJ_DATA") or _os.environ.get("PROJ_LIB") or _sys.prefix == _sys.base_prefix:
        return
    candidate = _os.path.join(_sys.base_prefix, "share", "proj")
    if _os.path.exists(_os.path.join(candidate, "proj.db")):
        _os.environ["PROJ_DATA"] = candidate


_proj_data_for_venv()
