"""Choosing the metric CRS of a season.

All analysis happens in the UTM zone of the data (WGS 84 / UTM, EPSG:326zz in
the northern hemisphere, EPSG:327zz in the southern). For the Altai that is
EPSG:32645 west of 90°E and EPSG:32646 east of it.
"""

from __future__ import annotations

import math
from typing import Any, Optional

from .exceptions import QT_TR_NOOP, CrsError


def utm_epsg(lon: float, lat: float) -> int:
    """Return the EPSG code of the WGS 84 / UTM zone containing a point.

    Args:
        lon: longitude in degrees east (-180..180).
        lat: latitude in degrees north (-80..84, UTM's range).

    Raises:
        CrsError: when the point is not a valid longitude/latitude pair.
    """
    if not (math.isfinite(lon) and math.isfinite(lat)) or not (-180 <= lon <= 180) or not (-90 <= lat <= 90):
        raise CrsError(QT_TR_NOOP("Not a longitude/latitude pair: {lon}, {lat}"), lon=lon, lat=lat)
    if lat > 84 or lat < -80:
        raise CrsError(QT_TR_NOOP("Latitude {lat} is outside the UTM zones (80°S to 84°N); give a CRS explicitly."),
                       lat=lat)
    zone = min(int((lon + 180) // 6) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone


def utm_epsg_for_extent(min_lon: float, min_lat: float, max_lon: float, max_lat: float) -> int:
    """Return the UTM zone EPSG code for the centre of a lon/lat extent."""
    return utm_epsg((min_lon + max_lon) / 2.0, (min_lat + max_lat) / 2.0)


#: Planar distances more than this far from the ground's (Web Mercator: about 55 % at 50°N) make a projected
#: CRS unfit for measuring km and km²; UTM and Gauss-Krüger zones stay within 0.2 % inside their zone.
MAX_SCALE_ERROR = 0.01


def scale_error(crs: Any, lon: float, lat: float) -> Optional[float]:
    """How far (fraction) planar distances in the projected ``crs`` are from ground distances at ``lon, lat``:
    the larger of the meridian and parallel scale errors (pyproj's projection factors); None when unknown."""
    try:
        from pyproj import Proj

        factors = Proj(crs).get_factors(float(lon), float(lat))
        return max(abs(factors.meridional_scale - 1.0), abs(factors.parallel_scale - 1.0))
    except Exception:  # noqa: BLE001 - a CRS pyproj cannot measure is taken as given
        return None
