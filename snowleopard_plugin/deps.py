"""Checking the Python packages the plugin needs beside QGIS.

The analyses need numpy, scipy, shapely, geopandas and rasterio from the same
GDAL/GEOS/PROJ as QGIS. When one is missing the plugin still loads (menus,
help), says what to install for the user's platform, and registers no
algorithm that would fail.
"""

from __future__ import annotations

import importlib
import platform
from typing import List, Tuple

#: (import name, Debian package, conda-forge/OSGeo4W name)
REQUIRED: Tuple[Tuple[str, str, str], ...] = (
    ("numpy", "python3-numpy", "numpy"),
    ("scipy", "python3-scipy", "scipy"),
    ("shapely", "python3-shapely", "shapely"),
    ("geopandas", "python3-geopandas", "geopandas"),
    ("rasterio", "python3-rasterio", "rasterio"),
)


def missing_packages() -> List[Tuple[str, str]]:
    """Import each required package; return (name, reason) for those that fail."""
    missing = []
    for name, _, _ in REQUIRED:
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - a broken install raises anything, not only ImportError
            missing.append((name, f"{type(error).__name__}: {error}"))
    return missing


def install_hint(names: List[str], system: str = "") -> str:
    """A one-line install command for the missing packages on this platform."""
    system = system or platform.system()
    by_name = {name: (deb, other) for name, deb, other in REQUIRED}
    if system == "Linux":
        return "sudo apt install " + " ".join(by_name[n][0] for n in names if n in by_name)
    if system == "Darwin":
        return "conda install -c conda-forge " + " ".join(names) + " (in the conda-forge environment QGIS runs from)"
    return "OSGeo4W Setup → Advanced Install → " + ", ".join("python3-" + by_name[n][1] for n in names if n in by_name)
