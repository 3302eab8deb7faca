"""Input adapters and small line helpers shared by the planner's pieces (metres, one metric CRS)."""

from __future__ import annotations

import math
from typing import Any, List, Sequence

import numpy as np

from ..analysis.coverage import (
    check_metric,
)
from ..exceptions import ParameterError, SnowLeopardError


class PlanWarning(SnowLeopardError):
    """A request that could not be met in full; the plan returned is the best feasible one.

    Not raised: collected in the result's ``warnings`` so the caller can show them (translated).
    """


# ----------------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------------

def _positive(value: float, template: str, **fields: Any) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ParameterError(template, value=value, **fields)
    return value


def _geoms(layer: Any) -> List[Any]:
    """Non-empty shapely geometries of a GeoDataFrame / GeoSeries / list (None: [])."""
    if layer is None:
        return []
    if hasattr(layer, "geometry") and hasattr(layer, "columns"):
        check_metric(layer.crs, "A planning layer")
        values = list(layer.geometry.values)
    elif hasattr(layer, "geom_type") and hasattr(layer, "values") and hasattr(layer, "crs"):
        check_metric(layer.crs, "A planning layer")
        values = list(layer.values)
    elif hasattr(layer, "geom_type"):
        values = [layer]
    else:
        values = list(layer)
    return [g for g in values if g is not None and not g.is_empty]


def _line_arrays(layer: Any) -> List[np.ndarray]:
    """Coordinate arrays (n, 2) of each line part of a layer (lists of arrays pass through)."""
    out: List[np.ndarray] = []
    if layer is None:
        return out
    if isinstance(layer, np.ndarray):
        return [np.asarray(layer, dtype=np.float64)[:, :2]]
    items = layer if isinstance(layer, list) and layer and isinstance(layer[0], np.ndarray) else _geoms(layer)
    for g in items:
        if isinstance(g, np.ndarray):
            if len(g) >= 2:
                out.append(np.asarray(g, dtype=np.float64)[:, :2])
            continue
        parts = list(g.geoms) if hasattr(g, "geoms") else [g]
        for part in parts:
            xy = np.asarray(part.coords, dtype=np.float64)[:, :2]
            if len(xy) >= 2:
                out.append(xy)
    return out


def _union(geoms: Sequence[Any]) -> Any:
    from shapely.ops import unary_union

    return unary_union(list(geoms)) if geoms else None


def _segs(xy: np.ndarray) -> np.ndarray:
    return np.hstack([xy[:-1], xy[1:]])


def _densify(xy: np.ndarray, step: float) -> np.ndarray:
    """Points along a polyline no farther apart than ``step`` metres (vertices kept)."""
    out = [xy[:1]]
    for a, b in zip(xy[:-1], xy[1:]):
        n = max(1, int(math.ceil(float(np.hypot(*(b - a))) / step)))
        t = (np.arange(1, n + 1) / n)[:, None]
        out.append(a + t * (b - a))
    return np.vstack(out)
