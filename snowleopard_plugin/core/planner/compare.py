"""Planned against walked: how much of each planned transect was walked, and what was walked off the plan."""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np

from ..analysis.coverage import (
    check_half_width,
    check_metric,
    line_segments,
    walked_per_feature,
)
from .inputs import _geoms, _union


def compare_plan(plan: Any, routes: Any, half_width: float, quad_segs: int = 32) -> Tuple[Any, Any]:
    """How much of each planned transect was walked, and what was walked off the plan.

    Args:
        plan: GeoDataFrame of planned transect lines (metric CRS).
        routes: GeoDataFrame of the routes walked (same CRS).
        half_width: search half-width, metres.
        quad_segs: segments per quarter circle of the buffer that cuts the off-plan routes.

    Returns:
        ``(plan_out, offplan)``: a copy of ``plan`` with ``walked_km`` and ``walked_share`` (0..1: the share
        of its length within ``half_width`` of a route, exact); and the routes' parts farther than
        ``half_width`` from every planned transect (the route's attributes and ``offplan_km``; routes wholly
        on the plan are left out). The off-plan cut uses a buffer with ``quad_segs`` segments per quarter
        circle (its radius errs by < 0.05 % at 32).

    Raises:
        ParameterError: non-positive half-width. CrsError: geographic layers.
    """
    import geopandas as gpd


    half_width = check_half_width(half_width)
    for layer in (plan, routes):
        if hasattr(layer, "crs"):
            check_metric(layer.crs, "A planning layer")
    psegs, pfeat = line_segments(plan)
    total, walk = walked_per_feature(psegs, pfeat, len(plan), routes, half_width)
    out = plan.copy()
    out["walked_km"] = walk / 1000.0
    with np.errstate(invalid="ignore", divide="ignore"):
        out["walked_share"] = np.where(total > 0, np.clip(walk / np.where(total > 0, total, 1.0), 0.0, 1.0), 0.0)
    plan_geoms = _geoms(plan)
    zone = _union(plan_geoms).buffer(half_width, quad_segs) if plan_geoms else None
    keep_rows, pieces = [], []
    for index, geom in enumerate(routes.geometry.values):
        if geom is None or geom.is_empty:
            continue
        rest = geom.difference(zone) if zone is not None else geom
        if rest.is_empty or rest.length <= 0:
            continue
        keep_rows.append(index)
        pieces.append(rest)
    off = gpd.GeoDataFrame(routes.drop(columns=routes.geometry.name).iloc[keep_rows].reset_index(drop=True),
                           geometry=pieces, crs=routes.crs)
    off["offplan_km"] = np.array([g.length for g in pieces], dtype=np.float64) / 1000.0
    return out, off
