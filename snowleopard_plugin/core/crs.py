"""Choosing the metric CRS of a season.

All analysis happens in the UTM zone of the data (WGS 84 / UTM, EPSG:326zz in
the northern hemisphere, EPSG:327zz in the southern). For the Altai that is
EPSG:32645 west of 90°E and EPSG:32646 east of it.
"""

from __future__ import annotations

import math
from typing import Any, Optional, Tuple

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


# ----------------------------------------------------------------------------------------------------------------
# One answer to "is this CRS metric?"
# ----------------------------------------------------------------------------------------------------------------

#: What :func:`crs_units` answers.
METRE, DEGREE = "metre", "degree"


def _parse_crs(crs: Any) -> Any:
    """A pyproj CRS for anything pyproj reads (CRS objects, EPSG codes, ``"EPSG:n"``, WKT, PROJ strings, a
    rasterio CRS via its WKT); None when ``crs`` is missing (None, empty text). Raises ValueError when unreadable."""
    if crs is None or (isinstance(crs, str) and not crs.strip()):
        return None
    from pyproj import CRS  # local: keeps importing the core light

    if not isinstance(crs, (str, int, dict, CRS)) and hasattr(crs, "to_wkt"):  # rasterio CRS and the like
        crs = crs.to_wkt()
    try:
        return CRS.from_user_input(crs)
    except Exception as error:  # noqa: BLE001 - pyproj raises CRSError, TypeError...
        raise ValueError(str(error)) from error


def crs_units(crs: Any) -> Optional[str]:
    """The horizontal units of a CRS: ``"metre"`` (projected, axes in metres), ``"degree"`` (geographic) or None.

    Args:
        crs: anything pyproj reads (a pyproj or rasterio CRS, ``"EPSG:32646"``, an EPSG integer, WKT, a PROJ
            string) or None / empty text.

    Returns:
        ``"metre"``, ``"degree"``, or None when the CRS is missing, unreadable or in other units (feet...).
        This is the one place the core decides it; :func:`require_metric` builds on it.
    """
    try:
        parsed = _parse_crs(crs)
    except ValueError:
        return None
    if parsed is None:
        return None
    if parsed.is_geographic:
        return DEGREE
    axes = parsed.axis_info
    if parsed.is_projected and axes and all(a.unit_name in ("metre", "meter", "m") for a in axes[:2]):
        return METRE
    return None


def require_metric(crs: Any, what: str, *, pixel: Optional[float] = None,
                   corner: Optional[Tuple[float, float]] = None) -> None:
    """Refuse a CRS that is not metric: every core distance, area and density is in metres.

    What a missing CRS (None or empty text) means for a core computation: the caller vouches for metres, and
    it is accepted. Layers reach the core through ``qgis_io`` (which refuses CRS-less layers, as Processing
    does), and tests and scripts hand in plain coordinate arrays in metres. One exception: given a grid's
    ``pixel`` and upper-left ``corner``, a CRS-less grid whose cells are under 0.1 units and whose corner is a
    longitude/latitude is refused as degrees (no metric raster of the census has 10 cm cells).

    Args:
        crs: as for :func:`crs_units`.
        what: how to name the layer or grid in the message (English, e.g. ``"The DEM"``).
        pixel: the cell size of a grid in CRS units, when checking a grid.
        corner: ``(x0, y0)`` of the grid's upper-left corner in CRS units, when checking a grid.

    Raises:
        CrsError: the CRS is unreadable, geographic (degrees) or in units other than metres, or missing on a
            grid that looks like degrees.
    """
    try:
        parsed = _parse_crs(crs)
    except ValueError as error:
        raise CrsError(QT_TR_NOOP("{what}: the CRS {crs} is not understood ({reason}). Reproject it to a metric CRS "
                                  "such as the UTM zone of the park."), what=what, crs=str(crs)[:80], reason=str(error)
                       ) from error
    if parsed is None:
        if (pixel is not None and corner is not None and 0 < pixel < 0.1
                and abs(corner[0]) <= 360 and abs(corner[1]) <= 90):
            raise CrsError(QT_TR_NOOP("{what} has no CRS and its cells ({pixel}) look like degrees. Reproject it to "
                                      "a metric CRS such as the UTM zone of the park (e.g. EPSG:32645)."),
                           what=what, pixel=pixel)
        return
    units = crs_units(parsed)
    if units == DEGREE:
        raise CrsError(QT_TR_NOOP("{what} is in geographic coordinates (degrees). Reproject it to a metric CRS "
                                  "such as the UTM zone of the park (e.g. EPSG:32645)."), what=what)
    if units != METRE:
        raise CrsError(QT_TR_NOOP("{what} is not in metres ({crs}). Reproject it to a metric CRS such as the UTM "
                                  "zone of the park."), what=what, crs=parsed.name)
