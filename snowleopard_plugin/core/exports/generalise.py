"""Generalised coordinates for sharing: every point moved to the centre of a grid cell.

Snow leopard locations draw poachers, so anything that leaves the office can
carry coarse positions only. A point ``(x, y)`` in a metric CRS goes to the
centre of the cell of a square grid anchored at the CRS origin::

    gx = (floor(x / cell) + 0.5) * cell        gy = (floor(y / cell) + 0.5) * cell

The grid is fixed by the CRS and the cell size alone, so two layers
generalised with the same cell size land on the same centres, and the number
of points per cell is kept (one output point per input point, attributes
kept). Z values are dropped (an elevation pins a point down on a ridge), and
attribute columns that hold coordinates (``lon``, ``lat``, ``x``, ``y``,
``latitude``, ``longitude``, ``easting``, ``northing`` ...) are removed.
A point that happened to sit exactly on a cell centre keeps that position, as
every other point of its cell does: the output holds cell centres only.
"""

from __future__ import annotations

import math
import re
from typing import Any, List, Sequence, Tuple

import numpy as np

from ..crs import require_metric
from ..exceptions import QT_TR_NOOP, ParameterError

#: Name of the column that records the generalisation (cell size, metres).
GENERALISED_FIELD = "generalised_m"

_COORD_NAMES = {
    "x", "y", "z", "lon", "lat", "long", "lng", "latitude", "longitude", "easting", "northing", "east", "north",
    "coord_x", "coord_y", "x_coord", "y_coord", "utm_x", "utm_y", "utm_e", "utm_n", "point_x", "point_y",
    "coordinates", "coords", "wkt", "geom_wkt", "elevation", "ele", "alt", "altitude", "elev", "elev_m",
    "широта", "долгота",
}


def check_cell_size(cell_m: float) -> float:
    """The cell size in metres, checked (must be a positive finite number).

    Raises:
        ParameterError: zero, negative or not a number.
    """
    try:
        value = float(cell_m)
    except (TypeError, ValueError):
        value = float("nan")
    if not math.isfinite(value) or value <= 0:
        raise ParameterError(QT_TR_NOOP("The generalisation cell size must be more than 0 m (got {value}); "
                                        "for example 10000 for 10 km cells."), value=cell_m)
    return value


def check_metric_crs(crs: Any, what: str = "The points") -> None:
    """Refuse coordinates not in metres (see :func:`..crs.require_metric`): the cell size is in metres.

    Args:
        crs: anything pyproj reads; a missing CRS is accepted (the caller vouches for metres).
        what: how to name the layer in the message.

    Raises:
        CrsError: the CRS is unreadable, geographic or not in metres (a CRS-less grid: see require_metric).
    """
    require_metric(crs, what)


def cell_centres(x: Sequence[float], y: Sequence[float], cell_m: float) -> Tuple[np.ndarray, np.ndarray]:
    """Centres of the grid cells holding the points.

    Args:
        x, y: coordinates in metres (a metric CRS).
        cell_m: cell size in metres (> 0).

    Returns:
        ``(gx, gy)`` float arrays: the cell centre of each point (NaN stays NaN).
    """
    cell = check_cell_size(cell_m)
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    return (np.floor(xs / cell) + 0.5) * cell, (np.floor(ys / cell) + 0.5) * cell


def is_coordinate_field(name: str) -> bool:
    """True when an attribute name says it holds a coordinate (such columns are removed when generalising)."""
    key = re.sub(r"[\s\-]+", "_", str(name).strip().lower())
    return key in _COORD_NAMES or bool(re.fullmatch(r"(utm_?)?(x|y|lon|lat)_?(m|deg|wgs84|utm)?", key))


def coordinate_fields(names: Sequence[str]) -> List[str]:
    """The attribute names among ``names`` that hold coordinates (removed from generalised copies)."""
    return [name for name in names if is_coordinate_field(name)]


def generalise_frame(frame: Any, cell_m: float) -> Any:
    """A generalised copy of a point GeoDataFrame.

    Args:
        frame: GeoDataFrame of (Multi)Points in a metric CRS. Multipoints give one output point per part.
        cell_m: cell size in metres.

    Returns:
        A GeoDataFrame (same CRS) of 2-D points at cell centres, the attributes kept except coordinate
        columns, plus :data:`GENERALISED_FIELD` = ``cell_m``. Rows without geometry are kept without one.

    Raises:
        CrsError: the frame is in a geographic CRS.
        ParameterError: bad cell size.
    """
    import geopandas as gpd
    from shapely.geometry import Point

    cell = check_cell_size(cell_m)
    check_metric_crs(frame.crs)
    drop = coordinate_fields([c for c in frame.columns if c != frame.geometry.name])
    records = []
    points = []
    columns = [c for c in frame.columns if c != frame.geometry.name and c not in drop]
    attributes = frame[columns].to_dict("records") or [{} for _ in range(len(frame))]  # geometry-only frame
    for record, geom in zip(attributes, frame.geometry.values):
        parts = [] if geom is None or geom.is_empty else (list(geom.geoms) if hasattr(geom, "geoms") else [geom])
        if not parts:
            records.append(record)
            points.append(None)
            continue
        for part in parts:
            gx, gy = cell_centres([part.x], [part.y], cell)
            records.append(dict(record))
            points.append(Point(float(gx[0]), float(gy[0])))
    out = gpd.GeoDataFrame(records, columns=columns, geometry=gpd.GeoSeries(points, crs=frame.crs),
                           crs=frame.crs)
    out[GENERALISED_FIELD] = cell
    return out
