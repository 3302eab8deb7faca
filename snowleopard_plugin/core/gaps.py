"""Coverage gaps: suitable habitat farther than a chosen distance from any survey effort.

Two variants that agree up to the raster's cell size along the gap edges:

* :func:`coverage_gaps` (raster): habitat is a 0..1 suitability array on a
  :class:`~.raster.Grid`; a cell is *suitable* when its value is ``>=
  threshold``; it is *near effort* when its centre is within ``max_distance``
  metres of a route segment or a camera station (exact Euclidean distance,
  see :func:`~.coverage.mark_within`). Gap cells = suitable and not near
  effort, grouped into polygons by 8-connectivity (cells touching at a corner
  belong to the same gap; the polygon is then a MultiPolygon).
* :func:`coverage_gaps_vector` (vector): habitat polygons minus the union of
  effort buffers (round buffers of ``max_distance``; ``quad_segs`` segments per
  quarter circle), split into connected parts.

Each gap carries ``area_km2``, ``suitability`` (mean habitat value inside; 1
for the vector variant unless a suitability column is given), ``ridge_km``
(length of ridge lines inside), ``access_km`` (distance to the nearest access
point or line, km; NaN = NULL without access features), and ``rank`` (1 = the
largest ``area_km2 * suitability``). Gaps smaller than ``min_area_km2`` are
dropped before ranking. All in the grid's / layers' metric CRS.
"""

from __future__ import annotations

from typing import Any, List, Optional

import numpy as np

from .coverage import check_grid, check_metric, line_segments, mark_within, points_xy, stations_within
from .exceptions import QT_TR_NOOP, InputError, ParameterError
from .feedback import Feedback, check_cancel
from .raster import Grid

GAP_FIELDS = ("gap_id", "area_km2", "suitability", "ridge_km", "access_km", "rank")


def _check_distance(max_distance: float) -> float:
    value = float(max_distance)
    if not np.isfinite(value) or value <= 0:
        raise ParameterError(QT_TR_NOOP("The maximum distance from effort must be a positive distance in metres "
                                        "(got {value})."), value=value)
    return value


def near_effort(grid: Grid, routes: Any = None, stations: Any = None, max_distance: float = 3000.0,
                feedback: Optional[Feedback] = None) -> np.ndarray:
    """Cells whose centre is within ``max_distance`` metres of a route segment or a station (exact).

    Raises:
        InputError: no effort at all, or no effort within ``max_distance`` of the grid.
    """
    check_grid(grid)
    max_distance = _check_distance(max_distance)
    segs, _ = line_segments(routes)
    xy = points_xy(stations)
    if len(segs) == 0 and len(xy) == 0:
        raise InputError(QT_TR_NOOP("No survey effort: the routes and cameras layers are both empty; load the "
                                    "season's routes or camera stations first."))
    pts = np.hstack([xy, xy]) if len(xy) else np.zeros((0, 4))
    allsegs = np.vstack([segs, pts])
    xmin, ymin, xmax, ymax = grid.extent
    d = max_distance
    if (max(allsegs[:, 0].max(), allsegs[:, 2].max()) < xmin - d or min(allsegs[:, 0].min(), allsegs[:, 2].min())
            > xmax + d or max(allsegs[:, 1].max(), allsegs[:, 3].max()) < ymin - d
            or min(allsegs[:, 1].min(), allsegs[:, 3].min()) > ymax + d):
        raise InputError(QT_TR_NOOP("The survey effort does not overlap the habitat grid; check that routes, "
                                    "cameras and habitat are in the same CRS and cover the same area."))
    mask = mark_within(grid, segs, max_distance, feedback=feedback)
    return stations_within(xy, grid, max_distance, mask)


def _lines_list(layer: Any) -> List[Any]:
    if layer is None:
        return []
    geoms = layer.geometry.values if hasattr(layer, "columns") else layer
    return [g for g in geoms if g is not None and not g.is_empty]


def _attach_attributes(polys: List[Any], suit: np.ndarray, ridges: Any, access: Any, min_area_km2: float,
                       crs: Any):
    """Build the ranked gap GeoDataFrame from polygons and their mean suitability."""
    import geopandas as gpd
    from shapely.ops import unary_union

    areas = np.array([p.area / 1e6 for p in polys]) if polys else np.zeros(0)
    keep = areas >= min_area_km2
    polys = [p for p, k in zip(polys, keep) if k]
    areas, suit = areas[keep], np.asarray(suit, dtype=np.float64)[keep]
    ridge_lines = _lines_list(ridges)
    ridge_km = np.zeros(len(polys))
    if ridge_lines and polys:
        rb = np.array([g.bounds for g in ridge_lines])
        for i, poly in enumerate(polys):
            x0, y0, x1, y1 = poly.bounds
            cand = np.flatnonzero((rb[:, 0] <= x1) & (rb[:, 2] >= x0) & (rb[:, 1] <= y1) & (rb[:, 3] >= y0))
            ridge_km[i] = sum(ridge_lines[j].intersection(poly).length for j in cand) / 1000.0
    access_geoms = _lines_list(access)
    access_km = np.full(len(polys), np.nan)
    if access_geoms and polys:
        target = unary_union(access_geoms)
        access_km = np.array([poly.distance(target) / 1000.0 for poly in polys])
    score = areas * suit
    order = np.argsort(-score, kind="stable")
    rank = np.empty(len(polys), dtype=np.int64)
    rank[order] = np.arange(1, len(polys) + 1)
    gdf = gpd.GeoDataFrame({"gap_id": np.arange(1, len(polys) + 1), "area_km2": areas, "suitability": suit,
                            "ridge_km": ridge_km, "access_km": access_km, "rank": rank},
                           geometry=polys, crs=crs)
    gdf = gdf.sort_values("rank").reset_index(drop=True)
    gdf["gap_id"] = np.arange(1, len(gdf) + 1)
    return gdf


def gap_mask(habitat: np.ndarray, grid: Grid, routes: Any = None, stations: Any = None,
             max_distance: float = 3000.0, threshold: float = 0.5,
             feedback: Optional[Feedback] = None) -> np.ndarray:
    """Boolean gap cells: habitat ``>= threshold`` (NaN = not habitat) and centre farther than ``max_distance``."""
    habitat = np.asarray(habitat, dtype=np.float64)
    if habitat.shape != grid.shape:
        raise InputError(QT_TR_NOOP("The habitat array has shape {shape} but the grid is {rows} x {cols}; use the "
                                    "habitat raster's own grid."), shape=str(habitat.shape), rows=grid.height,
                         cols=grid.width)
    with np.errstate(invalid="ignore"):
        suitable = habitat >= threshold
    if not suitable.any():
        raise InputError(QT_TR_NOOP("No cell of the habitat layer reaches the suitability threshold {threshold}; "
                                    "lower the threshold or check the habitat layer."), threshold=threshold)
    near = near_effort(grid, routes, stations, max_distance, feedback)
    return suitable & ~near


def coverage_gaps(habitat: np.ndarray, grid: Grid, routes: Any = None, stations: Any = None,
                  max_distance: float = 3000.0, threshold: float = 0.5, min_area_km2: float = 0.0,
                  ridges: Any = None, access: Any = None, connectivity: int = 8,
                  feedback: Optional[Feedback] = None):
    """Coverage gaps from a habitat suitability raster, as ranked polygons.

    Args:
        habitat: 0..1 suitability on ``grid`` (NaN = unknown, not habitat); a habitat polygon layer can be
            rasterised by the caller to 0/1 (cell-centre rule).
        grid: the habitat's grid (metric CRS).
        routes: route lines; stations: camera stations (metres, the grid's CRS).
        max_distance: a cell farther than this from all effort (m) is a gap when suitable.
        threshold: suitability threshold (cells ``>= threshold`` are suitable).
        min_area_km2: gaps smaller than this are dropped.
        ridges: ridge lines (GeoDataFrame or list of lines) for ``ridge_km``.
        access: access points/lines (roads, camps) for ``access_km``; None gives NULL (NaN).
        connectivity: 8 (default, corner neighbours join) or 4.
        feedback: progress and cancellation.

    Returns:
        GeoDataFrame with ``gap_id, area_km2, suitability, ridge_km, access_km, rank`` and (Multi)Polygon
        geometry, sorted by rank. Area is the number of gap cells times the cell area.

    Raises:
        InputError / CrsError / ParameterError on unusable input (see :func:`near_effort`).
    """
    from rasterio import features
    from scipy import ndimage
    from shapely.geometry import shape
    from shapely.ops import unary_union

    if connectivity not in (4, 8):
        raise ParameterError(QT_TR_NOOP("Connectivity must be 4 or 8 (got {value})."), value=connectivity)
    if min_area_km2 < 0:
        raise ParameterError(QT_TR_NOOP("The minimum gap area must be 0 or more km² (got {value})."),
                             value=min_area_km2)
    gaps = gap_mask(habitat, grid, routes, stations, max_distance, threshold, feedback)
    check_cancel(feedback)
    structure = np.ones((3, 3), bool) if connectivity == 8 else ndimage.generate_binary_structure(2, 1)
    labels, n = ndimage.label(gaps, structure=structure)
    hab = np.where(np.isfinite(habitat), habitat, 0.0)
    counts = np.bincount(labels.ravel(), minlength=n + 1)
    sums = np.bincount(labels.ravel(), weights=hab.ravel(), minlength=n + 1)
    cell_km2 = grid.pixel * grid.pixel / 1e6
    big = np.flatnonzero(counts[1:] * cell_km2 >= min_area_km2) + 1
    keep = np.zeros(n + 1, bool)
    keep[big] = True
    labels = np.where(keep[labels], labels, 0).astype(np.int32)
    pieces: dict = {}
    for geom, value in features.shapes(labels, mask=labels > 0, connectivity=4, transform=grid.transform):
        pieces.setdefault(int(value), []).append(shape(geom))
    check_cancel(feedback)
    ids = sorted(pieces)
    polys = [unary_union(pieces[i]) if len(pieces[i]) > 1 else pieces[i][0] for i in ids]
    suit = np.array([sums[i] / counts[i] for i in ids]) if ids else np.zeros(0)
    gdf = _attach_attributes(polys, suit, ridges, access, 0.0, grid.crs)
    return gdf  # area_km2 = polygon area = number of gap cells x cell area


def coverage_gaps_vector(habitat: Any, routes: Any = None, stations: Any = None, max_distance: float = 3000.0,
                         min_area_km2: float = 0.0, ridges: Any = None, access: Any = None,
                         suitability_field: Optional[str] = None, quad_segs: int = 32,
                         clip_extent: Optional[tuple] = None):
    """Coverage gaps from habitat polygons: habitat minus the union of effort buffers, as ranked polygons.

    Args:
        habitat: GeoDataFrame of habitat polygons (metric CRS), e.g. ``tost_sl.shp`` (GRIDCODE = 1).
        routes, stations: effort, same CRS.
        max_distance: buffer distance of the effort, metres.
        min_area_km2: parts smaller than this are dropped.
        ridges, access: as in :func:`coverage_gaps`.
        suitability_field: habitat column with 0..1 suitability (area-weighted mean per gap); default 1.
        quad_segs: buffer segments per quarter circle (32 keeps the area error of a circle below 0.05 %).
        clip_extent: optional ``(xmin, ymin, xmax, ymax)`` to clip the habitat to first.

    Returns:
        GeoDataFrame as :func:`coverage_gaps` (each connected part is one gap).
    """
    from shapely.geometry import Point, box
    from shapely.ops import unary_union

    max_distance = _check_distance(max_distance)
    if habitat is None or len(habitat) == 0:
        raise InputError(QT_TR_NOOP("The habitat layer is empty; give habitat polygons or a suitability raster."))
    check_metric(habitat.crs, "The habitat layer")
    hab = habitat[habitat.geometry.notna() & ~habitat.geometry.is_empty]
    if clip_extent is not None:  # clip without a spatial index (rtree/pygeos may be missing)
        hab = hab.set_geometry(hab.geometry.intersection(box(*clip_extent)))
        hab = hab[~hab.geometry.is_empty]
    segs, _ = line_segments(routes)
    xy = points_xy(stations)
    if len(segs) == 0 and len(xy) == 0:
        raise InputError(QT_TR_NOOP("No survey effort: the routes and cameras layers are both empty; load the "
                                    "season's routes or camera stations first."))
    buffers = [Point(x, y).buffer(max_distance, quad_segs) for x, y in xy]
    buffers += [g.buffer(max_distance, quad_segs) for g in _lines_list(routes)]
    effort = unary_union(buffers)
    parts: List[Any] = []
    suit: List[float] = []
    if suitability_field is None:
        diff = unary_union(list(hab.geometry.values)).difference(effort)
        geoms = list(diff.geoms) if hasattr(diff, "geoms") else [diff]
        parts = [g for g in geoms if g.geom_type == "Polygon" and not g.is_empty]
        suit = [1.0] * len(parts)
    else:
        pieces = [(g.difference(effort), float(v)) for g, v in zip(hab.geometry.values, hab[suitability_field])]
        merged = unary_union([g for g, _ in pieces if not g.is_empty])
        geoms = list(merged.geoms) if hasattr(merged, "geoms") else [merged]
        for part in geoms:
            if part.is_empty or part.geom_type != "Polygon":
                continue
            w = [(g.intersection(part).area, v) for g, v in pieces if g.intersects(part)]
            area = sum(a for a, _ in w)
            parts.append(part)
            suit.append(sum(a * v for a, v in w) / area if area > 0 else 0.0)
    return _attach_attributes(parts, np.array(suit), ridges, access, min_area_km2, habitat.crs)
