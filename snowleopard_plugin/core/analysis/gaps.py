"""Coverage gaps: suitable habitat farther than a chosen distance from any survey effort.

Two variants that agree up to the raster's cell size along the gap edges:

* :func:`coverage_gaps` (raster): habitat is a 0..1 suitability array on a
  :class:`~.raster.Grid`; a cell is *suitable* when its value is ``>=
  threshold``; it is *near effort* when its centre is within ``max_distance``
  metres of a route segment or a camera station (exact Euclidean distance,
  see :func:`~.coverage.mark_within`; for distances of many cells a coarse
  distance transform decides all but a thin band of cells, which get the
  exact test: :func:`near_mask`). Gap cells = suitable and not near
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

import math
import struct
from typing import Any, List, Optional

import numpy as np

from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .coverage import stations_within
from .effort import split_segments_on_grid
from .segments import (
    BOUNDARY_EPS_M,
    check_grid,
    check_metric,
    line_segments,
    mark_within,
    point_segment_d2,
    points_xy,
)

GAP_FIELDS = ("gap_id", "area_km2", "suitability", "ridge_km", "access_km", "rank")

#: :func:`near_effort` bounds the distance with a coarse distance transform when ``max_distance`` spans at least
#: this many cells (below it, the per-row capsule intersection of :func:`~.coverage.mark_within` is cheap).
FAST_MIN_CELLS = 6.0

#: Side of the coarse blocks of that distance transform, in cells.
COARSE_FACTOR = 2

#: Nearest segment pieces examined at once per undecided cell.
_K_NEAREST = 8


def _check_distance(max_distance: float) -> float:
    value = float(max_distance)
    if not np.isfinite(value) or value <= 0:
        raise ParameterError(QT_TR_NOOP("The maximum distance from effort must be a positive distance in metres "
                                        "(got {value})."), value=value)
    return value


def near_effort(grid: Grid, routes: Any = None, stations: Any = None, max_distance: float = 3000.0,
                feedback: Optional[Feedback] = None) -> np.ndarray:
    """Cells whose centre is within ``max_distance`` metres of a route segment or a station (exact).

    The rule is exact to the pixel for any distance. When ``max_distance`` spans many cells the work is
    O(grid) rather than O(segments x rows): see :func:`near_mask`.

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
    if max_distance >= FAST_MIN_CELLS * grid.pixel:
        mask = near_mask(grid, allsegs, max_distance, feedback=feedback)
        if mask is not None:
            return mask
    mask = mark_within(grid, segs, max_distance, feedback=feedback)
    return stations_within(xy, grid, max_distance, mask)


def near_mask(grid: Grid, segments: np.ndarray, distance: float, factor: int = COARSE_FACTOR,
              feedback: Optional[Feedback] = None) -> Optional[np.ndarray]:
    """Cells whose centre is within ``distance`` metres of any segment, in O(grid) work (exact to the pixel).

    Method: the segments are cut at the lines of a coarse grid of ``factor x factor`` cell blocks (side
    ``P = factor * pixel``); blocks holding a piece of effort are seeds, and one Euclidean distance transform
    gives, for every block centre C, the distance ``D`` to the nearest seed centre. A point of effort lies within
    ``r = P sqrt(2) / 2`` of its seed's centre and a cell centre within ``a = (factor - 1) pixel sqrt(2) / 2``
    of its block's centre, so the true distance of every cell of the block lies in ``[D - r - a, D + r + a]``:
    blocks with ``D + r + a <= distance`` are near, blocks with ``D - r - a > distance`` far, without more work.
    The cells of the blocks in between (a band a few cells wide along the edge of the near area) get the
    exact test: their nearest segment pieces (k-d tree on piece midpoints; a piece is at most ``2 r`` long) are
    measured with :func:`~.coverage.point_segment_d2`, the same rule as :func:`~.coverage.mark_within`
    (``d² <= distance²``).

    Memory: the distance transform works on the coarse grid (``1 / factor²`` of the cells, padded by
    ``distance``), plus the boolean output.

    Args:
        grid: the raster grid (metric CRS).
        segments: ``(m, 4)`` segments ``x1, y1, x2, y2`` (metres, the grid's CRS); zero-length ones are points.
        distance: metres (> 0).
        factor: block side in cells (1 = no coarsening).
        feedback: progress and cancellation.

    Returns:
        The boolean mask ``[row, col]``, or None when the padded coarse grid would be much larger than the grid
        itself (a distance far larger than the grid: use :func:`~.coverage.mark_within`).
    """
    from scipy import ndimage
    from scipy.spatial import cKDTree

    height, width = grid.shape
    p = float(grid.pixel)
    f = max(int(factor), 1)
    big = f * p
    r = big * math.sqrt(2.0) / 2.0
    a = (f - 1) * p * math.sqrt(2.0) / 2.0
    pad = int(math.ceil((distance + r + a) / big)) + 1
    ch, cw = -(-height // f) + 2 * pad, -(-width // f) + 2 * pad
    if ch * cw > max(4 * height * width / (f * f), 250_000):
        return None
    segs = np.asarray(segments, dtype=np.float64).reshape(-1, 4)
    bx0, by0 = grid.x0 - pad * big, grid.y0 + pad * big  # upper-left corner of the padded coarse grid
    bx1, by1 = bx0 + cw * big, by0 - ch * big
    keep = ((np.maximum(segs[:, 0], segs[:, 2]) >= bx0) & (np.minimum(segs[:, 0], segs[:, 2]) <= bx1)
            & (np.maximum(segs[:, 1], segs[:, 3]) >= by1) & (np.minimum(segs[:, 1], segs[:, 3]) <= by0))
    segs = segs[keep]
    mask = np.zeros(grid.shape, dtype=bool)
    if len(segs) == 0:
        return mask
    check_cancel(feedback)
    pieces, source = split_segments_on_grid(segs, bx0, by0, big)
    mid = (pieces[:, :2] + pieces[:, 2:]) * 0.5
    pc = np.floor((mid[:, 0] - bx0) / big).astype(np.int64)
    pr = np.floor((by0 - mid[:, 1]) / big).astype(np.int64)
    inside = (pr >= 0) & (pr < ch) & (pc >= 0) & (pc < cw)
    pieces, source, mid, pr, pc = pieces[inside], source[inside], mid[inside], pr[inside], pc[inside]
    if len(pieces) == 0:
        return mask
    free = np.ones((ch, cw), dtype=bool)
    free[pr, pc] = False
    dist = ndimage.distance_transform_edt(free)  # in blocks, block centre to nearest seed centre
    del free
    if feedback is not None:
        feedback.set_progress(40)
    check_cancel(feedback)
    eps = BOUNDARY_EPS_M
    dist *= big
    near_c = dist <= distance - r - a - eps
    band_c = ~near_c & (dist <= distance + r + a + eps)
    del dist
    # blocks -> cells: block (i, j) of the padded coarse grid covers rows (i - pad) f .. + f - 1
    rows_b = np.arange(height) // f + pad
    cols_b = np.arange(width) // f + pad
    mask[:] = near_c[rows_b[:, None], cols_b[None, :]]
    del near_c
    br, bc = np.nonzero(band_c[pad:pad + -(-height // f), pad:pad + -(-width // f)])
    del band_c
    if len(br) == 0:
        return mask
    # the cells of the band blocks
    dr, dc = np.divmod(np.arange(f * f), f)
    rows = (br[:, None] * f + dr[None, :]).ravel()
    cols = (bc[:, None] * f + dc[None, :]).ravel()
    ok = (rows < height) & (cols < width)
    rows, cols = rows[ok], cols[ok]
    xc = grid.x0 + (cols + 0.5) * p
    yc = grid.y0 - (rows + 0.5) * p
    half = float(np.hypot(pieces[:, 2] - pieces[:, 0], pieces[:, 3] - pieces[:, 1]).max()) / 2.0
    tree = cKDTree(mid)
    d2max = distance * distance
    k = min(_K_NEAREST, len(mid))
    dk, ik = tree.query(np.column_stack([xc, yc]), k=k, distance_upper_bound=distance + half + 1.0, workers=-1)
    dk, ik = dk.reshape(len(xc), k), ik.reshape(len(xc), k)
    found = ik < len(mid)
    sk = source[np.where(found, ik, 0)]
    s = segs[sk]
    d2 = point_segment_d2(xc[:, None], yc[:, None], s[..., 0], s[..., 1], s[..., 2], s[..., 3])
    near = (found & (d2 <= d2max)).any(axis=1)
    # undecided: k pieces examined, none near, and a farther piece might still be (its midpoint is >= dk away)
    open_ = ~near & found[:, -1] & (dk[:, -1] - half <= distance)
    check_cancel(feedback)
    for i in np.flatnonzero(open_):
        cand = tree.query_ball_point((xc[i], yc[i]), distance + half + 1.0)
        s = segs[source[cand]]
        near[i] = bool((point_segment_d2(xc[i], yc[i], s[:, 0], s[:, 1], s[:, 2], s[:, 3]) <= d2max).any())
    mask[rows[near], cols[near]] = True
    if feedback is not None:
        feedback.set_progress(100)
    return mask


def _lines_list(layer: Any) -> List[Any]:
    if layer is None:
        return []
    geoms = layer.geometry.values if hasattr(layer, "columns") else layer
    return [g for g in geoms if g is not None and not g.is_empty]


def ridge_km_in_labels(ridges: Any, labels: np.ndarray, grid: Grid, n_labels: int) -> np.ndarray:
    """Length (km) of ridge lines inside each labelled region of a raster (regions = closed unions of cells).

    Exact, without polygon overlay: the lines are cut at the grid lines, and each piece (inside one cell)
    counts for the label of its cell; a piece lying along a cell edge counts once for each distinct label of
    the two cells it borders (it is on the boundary of both regions, as in a polygon intersection).

    Args:
        ridges: ridge lines (GeoDataFrame or list of lines) in the grid's CRS (metres).
        labels: int region labels on ``grid`` (0 = none).
        grid: the grid.
        n_labels: the largest label.

    Returns:
        ``(n_labels + 1,)`` float64 km per label (index 0 unused).
    """
    out = np.zeros(n_labels + 1)
    lines = _lines_list(ridges)
    if not lines or n_labels == 0:
        return out
    segs, _ = line_segments(lines)
    if len(segs) == 0:
        return out
    height, width = labels.shape
    p = grid.pixel
    xmin, ymin, xmax, ymax = grid.extent
    inside = ((np.maximum(segs[:, 0], segs[:, 2]) >= xmin) & (np.minimum(segs[:, 0], segs[:, 2]) <= xmax)
              & (np.maximum(segs[:, 1], segs[:, 3]) >= ymin) & (np.minimum(segs[:, 1], segs[:, 3]) <= ymax))
    pieces, _ = split_segments_on_grid(segs[inside], grid.x0, grid.y0, p)
    length = np.hypot(pieces[:, 2] - pieces[:, 0], pieces[:, 3] - pieces[:, 1])
    u = ((pieces[:, 0] + pieces[:, 2]) * 0.5 - grid.x0) / p
    v = (grid.y0 - (pieces[:, 1] + pieces[:, 3]) * 0.5) / p
    tol = 1e-7
    on_col_line = np.abs(u - np.round(u)) < tol  # along a vertical cell edge
    on_row_line = np.abs(v - np.round(v)) < tol  # along a horizontal cell edge
    col = np.floor(u).astype(np.int64)
    row = np.floor(v).astype(np.int64)
    col_a = np.where(on_col_line, np.round(u).astype(np.int64) - 1, col)
    row_a = np.where(on_row_line, np.round(v).astype(np.int64) - 1, row)
    col_b = np.where(on_col_line, col_a + 1, col_a)
    row_b = np.where(on_row_line, row_a + 1, row_a)

    def label_at(rr: np.ndarray, cc: np.ndarray) -> np.ndarray:
        ok = (rr >= 0) & (rr < height) & (cc >= 0) & (cc < width)
        lab = np.zeros(len(rr), dtype=np.int64)
        lab[ok] = labels[rr[ok], cc[ok]]
        return lab

    lab_a = label_at(row_a, col_a)
    lab_b = label_at(row_b, col_b)
    lab_b = np.where(lab_b == lab_a, 0, lab_b)
    for lab in (lab_a, lab_b):
        out += np.bincount(lab, weights=length, minlength=n_labels + 1)[:n_labels + 1]
    out[0] = 0.0
    return out / 1000.0


def _attach_attributes(polys: List[Any], suit: np.ndarray, ridges: Any, access: Any, min_area_km2: float,
                       crs: Any, ridge_km: Optional[np.ndarray] = None):
    """Build the ranked gap GeoDataFrame from polygons and their mean suitability.

    ``ridge_km`` (km per polygon, before the ``min_area_km2`` filter) is computed by polygon overlay when None.
    """
    import geopandas as gpd
    from shapely.ops import unary_union

    areas = np.array([p.area / 1e6 for p in polys]) if polys else np.zeros(0)
    keep = areas >= min_area_km2
    polys = [p for p, k in zip(polys, keep) if k]
    areas, suit = areas[keep], np.asarray(suit, dtype=np.float64)[keep]
    ridge_lines = _lines_list(ridges) if ridge_km is None else []
    ridge_km = np.zeros(len(polys)) if ridge_km is None else np.asarray(ridge_km, dtype=np.float64)[keep]
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


def _polygonize(labels: np.ndarray, grid: Grid) -> dict:
    """Polygons of the labelled regions (label > 0): ``{label: Polygon or MultiPolygon}``.

    GDAL's polygonizer traces the 4-connected parts of each label (as ``rasterio.features.shapes`` does); the
    parts of one 8-connected region share no edge (they would be one part), only corner points, so together they
    are a valid MultiPolygon as they are, without a (slow) union. The geometries pass from OGR to shapely as WKB.
    """
    from shapely import wkb

    parts: dict = {}
    try:
        from osgeo import gdal, gdal_array, ogr
    except ImportError:  # pragma: no cover - GDAL's Python bindings ship with QGIS; rasterio as a fallback
        from rasterio import features
        from shapely.geometry import shape

        for geom, value in features.shapes(labels, mask=labels > 0, connectivity=4, transform=grid.transform):
            parts.setdefault(int(value), []).append(wkb.dumps(shape(geom)))
    else:
        array = np.ascontiguousarray(labels, dtype=np.int32)  # kept alive while GDAL reads it, no copy
        ds = gdal_array.OpenArray(array)
        ds.SetGeoTransform(grid.transform.to_gdal())
        band = ds.GetRasterBand(1)
        source = ogr.GetDriverByName("Memory").CreateDataSource("gaps")
        layer = source.CreateLayer("gaps", geom_type=ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
        gdal.Polygonize(band, band, layer, 0, [])  # the band is its own mask: label 0 is left out
        for feature in layer:
            parts.setdefault(feature.GetField(0), []).append(
                bytes(feature.GetGeometryRef().ExportToWkb(ogr.wkbNDR)))
        layer = source = band = ds = array = None
    out = {}
    for label, blobs in parts.items():
        if len(blobs) == 1:
            out[label] = wkb.loads(blobs[0])
        else:  # a MultiPolygon's WKB is its parts' WKB behind a header
            out[label] = wkb.loads(b"\x01" + struct.pack("<II", 6, len(blobs)) + b"".join(blobs))
    return out


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
    from scipy import ndimage

    if connectivity not in (4, 8):
        raise ParameterError(QT_TR_NOOP("Connectivity must be 4 or 8 (got {value})."), value=connectivity)
    if min_area_km2 < 0:
        raise ParameterError(QT_TR_NOOP("The minimum gap area must be 0 or more km² (got {value})."),
                             value=min_area_km2)
    gaps = gap_mask(habitat, grid, routes, stations, max_distance, threshold, feedback)
    check_cancel(feedback)
    structure = np.ones((3, 3), bool) if connectivity == 8 else ndimage.generate_binary_structure(2, 1)
    labels, n = ndimage.label(gaps, structure=structure)
    flat = labels.ravel()
    counts = np.bincount(flat, minlength=n + 1)
    inside = flat > 0  # gap cells are suitable, so their habitat value is finite
    sums = np.bincount(flat[inside], weights=np.asarray(habitat).ravel()[inside], minlength=n + 1)
    del inside
    cell_km2 = grid.pixel * grid.pixel / 1e6
    big = np.flatnonzero(counts[1:] * cell_km2 >= min_area_km2) + 1
    keep = np.zeros(n + 1, bool)
    keep[big] = True
    labels[~keep[labels]] = 0
    polygons = _polygonize(labels, grid)
    check_cancel(feedback)
    ids = sorted(polygons)
    polys = [polygons[i] for i in ids]
    suit = np.array([sums[i] / counts[i] for i in ids]) if ids else np.zeros(0)
    ridge_km = ridge_km_in_labels(ridges, labels, grid, n)[ids] if ids else np.zeros(0)
    gdf = _attach_attributes(polys, suit, ridges, access, 0.0, grid.crs, ridge_km)
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
