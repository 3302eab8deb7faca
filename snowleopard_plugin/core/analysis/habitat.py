"""Habitat suitability (0..1) on an analysis grid: from DEM rules, from polygons or from a raster.

Three sources, all giving a float64 array on the analysis :class:`Grid` (metric CRS):

* :func:`habitat_from_dem`: rules on elevation, slope, ruggedness (VRM) and
  distance to the nearest ridge. Each rule maps its variable to a 0..1 score
  with a trapezoid :class:`Ramp` (soft linear ramps at the band's edges); the
  scores are combined by a weighted geometric mean (default), a product or the
  minimum. :data:`ALTAI_DEFAULTS` are the defaults; their sources and which of
  them are assumptions are in ``docs/terrain.md``. Override any of them with
  ``dataclasses.replace``.
* :func:`habitat_from_polygons`: a habitat polygon layer the park already has
  (e.g. ``tost_sl.shp``), rasterised by the cell-centre rule: a cell takes the
  value of the polygon containing its centre (1 by default), 0 elsewhere.
* :func:`habitat_from_raster`: a habitat raster resampled onto the grid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
from scipy import ndimage

from ..exceptions import QT_TR_NOOP, CrsError, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .terrain import check_dem, check_metric_grid, terrain_metrics

COMBINE_MODES = ("geometric", "product", "min")

#: Rows per block of the slope/VRM pass (small blocks keep the temporaries in the CPU cache: ~1.7x faster than
#: the default on a 5,000-column DEM; VRM's box sums differ by ~1e-13 with the block size).
_METRIC_BLOCK_ROWS = 64

#: Cells per block when the rule scores are combined (temporaries that stay in the CPU cache).
_COMBINE_BLOCK_CELLS = 131_072

#: Rows per block of :func:`habitat_from_dem` (at least 4 halos of the ridge rule's reach).
_STREAM_BLOCK_ROWS = 256

#: Rows per block of the bounded distance transform of :func:`ridge_distance`.
_EDT_BLOCK_ROWS = 512


@dataclass(frozen=True)
class Ramp:
    """A trapezoid score: 0 below ``low0``, rising linearly to 1 at ``low1``, 1 up to ``high1``, down to 0 at ``high0``.

    Use ``-inf`` / ``inf`` for an open side (``low0 = low1 = -inf``: no lower
    limit). ``floor`` lifts the 0 to a minimum score (e.g. 0.2: far from a ridge
    is worse, not impossible). Values in the variable's unit (m, degrees, ...).
    """

    low0: float
    low1: float
    high1: float = math.inf
    high0: float = math.inf
    floor: float = 0.0

    def __post_init__(self) -> None:
        if not (self.low0 <= self.low1 <= self.high1 <= self.high0) or not (0.0 <= self.floor <= 1.0):
            raise ParameterError(QT_TR_NOOP("A habitat rule needs low0 <= low1 <= high1 <= high0 and a floor in "
                                            "0..1; got {low0}, {low1}, {high1}, {high0}, floor {floor}."),
                                 low0=self.low0, low1=self.low1, high1=self.high1, high0=self.high0, floor=self.floor)

    def score(self, values: np.ndarray) -> np.ndarray:
        """Score of each value, 0..1 (NaN stays NaN)."""
        v = np.asarray(values, dtype=np.float64)
        s = np.ones_like(v)
        tmp: Optional[np.ndarray] = None  # one scratch array, operations in place (large grids)
        with np.errstate(invalid="ignore", divide="ignore"):
            if math.isfinite(self.low1):
                if self.low1 > self.low0:
                    tmp = np.subtract(v, self.low0, out=tmp)
                    np.divide(tmp, self.low1 - self.low0, out=tmp)
                    np.minimum(s, np.clip(tmp, 0.0, 1.0, out=tmp), out=s)
                else:
                    s[v < self.low1] = 0.0
            if math.isfinite(self.high1):
                if self.high0 > self.high1:
                    tmp = np.subtract(self.high0, v, out=tmp)
                    np.divide(tmp, self.high0 - self.high1, out=tmp)
                    np.minimum(s, np.clip(tmp, 0.0, 1.0, out=tmp), out=s)
                else:
                    s[v > self.high1] = 0.0
        del tmp
        if self.floor != 0.0:
            s *= 1.0 - self.floor
            s += self.floor
        s[np.isnan(v)] = np.nan
        return s


@dataclass(frozen=True)
class HabitatRules:
    """Rules of DEM-derived habitat suitability. Set a rule to None to leave it out.

    Attributes:
        elevation_m: Ramp on elevation (metres above sea level).
        slope_deg: Ramp on slope (degrees, Horn).
        ruggedness_vrm: Ramp on the vector ruggedness measure (0..1).
        ridge_distance_m: Ramp on the distance to the nearest ridge line (metres).
        weights: weight of each rule in the combination (keys ``elevation``,
            ``slope``, ``ruggedness``, ``ridge``).
        combine: ``"geometric"`` (weighted geometric mean), ``"product"`` or ``"min"``.
        vrm_window: VRM window in cells (odd).
    """

    elevation_m: Optional[Ramp] = Ramp(1200.0, 1800.0, 3300.0, 3900.0)
    slope_deg: Optional[Ramp] = Ramp(8.0, 25.0, math.inf, math.inf, floor=0.0)
    ruggedness_vrm: Optional[Ramp] = Ramp(0.0, 0.01, math.inf, math.inf, floor=0.3)
    ridge_distance_m: Optional[Ramp] = Ramp(-math.inf, -math.inf, 300.0, 1500.0, floor=0.3)
    weights: Dict[str, float] = field(default_factory=lambda: {"elevation": 1.0, "slope": 1.0, "ruggedness": 0.5,
                                                               "ridge": 0.5})
    combine: str = "geometric"
    vrm_window: int = 3


#: Altai defaults (Sailugem and the Russian Altai); see docs/terrain.md for what is sourced and what assumed.
ALTAI_DEFAULTS = HabitatRules()


def _combine(scores: Dict[str, np.ndarray], rules: HabitatRules) -> np.ndarray:
    if rules.combine not in COMBINE_MODES:
        raise ParameterError(QT_TR_NOOP("Unknown way to combine habitat scores {value}; use one of {choices}."),
                             value=rules.combine, choices=", ".join(COMBINE_MODES))
    names = list(scores)
    if rules.combine == "min":
        return np.minimum.reduce([scores[n] for n in names])
    if rules.combine == "product":
        return np.multiply.reduce([scores[n] for n in names])
    weights = {n: float(rules.weights.get(n, 1.0)) for n in names}
    if any(w < 0 or not math.isfinite(w) for w in weights.values()) or sum(weights.values()) <= 0:
        raise ParameterError(QT_TR_NOOP("Habitat rule weights must be zero or positive, and not all zero; "
                                        "got {weights}."), weights=weights)
    total = sum(weights.values())
    log_sum = np.zeros_like(next(iter(scores.values())))
    zero = np.zeros(log_sum.shape, dtype=bool)
    nan = np.zeros(log_sum.shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for n in names:
            if weights[n] == 0:
                continue
            s = scores[n]
            zero |= s <= 0
            nan |= np.isnan(s)
            term = np.where(s > 0, s, 1.0)
            np.log(term, out=term)
            term *= weights[n] / total
            log_sum += term
            del term
    log_sum[nan] = np.nan
    out = np.exp(log_sum, out=log_sum)
    out[zero & ~nan] = 0.0
    return out


def ridge_distance(ridge_lines: Iterable, grid: Grid, max_distance: Optional[float] = None) -> np.ndarray:
    """Distance (metres) from each cell centre to the nearest cell crossed by a ridge line.

    Args:
        ridge_lines: shapely LineStrings (or a GeoSeries/GeoDataFrame) in the grid's CRS.
        grid: the analysis grid.
        max_distance: when given (metres), distances up to it are exact and larger ones are ``inf``; the
            distance transform then runs in row blocks (faster, and its memory is that of a block).

    Returns:
        float64 array; ``inf`` everywhere when there is no ridge.
    """
    not_ridge = _not_ridge(ridge_lines, grid)
    if not_ridge is None:
        return np.full(grid.shape, np.inf)
    if max_distance is None or not math.isfinite(max_distance):
        distance = ndimage.distance_transform_edt(not_ridge)
        distance *= grid.pixel
        return distance
    return _distance_rows(not_ridge, 0, grid.height, max_distance, grid.pixel)


def _not_ridge(ridge_lines: Iterable, grid: Grid) -> Optional[np.ndarray]:
    """Boolean grid, False on the cells a ridge line crosses (all touched); None when no line touches the grid."""
    from rasterio.features import rasterize

    geoms = list(getattr(ridge_lines, "geometry", ridge_lines))
    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return None
    on_ridge = rasterize(((g, 1) for g in geoms), out_shape=grid.shape, transform=grid.transform, fill=0,
                         all_touched=True, dtype="uint8").astype(bool)
    if not on_ridge.any():
        return None
    return np.logical_not(on_ridge, out=on_ridge)


def _distance_rows(not_ridge: np.ndarray, r0: int, r1: int, max_distance: Optional[float],
                   pixel: float) -> np.ndarray:
    """Distance (m) to the nearest ridge cell for rows ``r0:r1``: exact up to ``max_distance``, ``inf`` beyond.

    Blocks of rows with a halo of ``max_distance``: a ridge cell within ``max_distance`` of a cell lies in the
    block or its halo, so those distances are exact; larger ones (maybe overestimated) become ``inf``. Without
    ``max_distance`` the whole grid is transformed (exact everywhere).
    """
    if max_distance is None:
        return ndimage.distance_transform_edt(not_ridge)[r0:r1] * pixel
    rows = not_ridge.shape[0]
    halo = int(math.ceil(max(float(max_distance), 0.0) / pixel)) + 1
    step = max(_EDT_BLOCK_ROWS, halo)
    distance = np.empty((r1 - r0, not_ridge.shape[1]))
    for b0 in range(r0, r1, step):
        b1 = min(r1, b0 + step)
        a, b = max(0, b0 - halo), min(rows, b1 + halo)
        block = not_ridge[a:b]
        if block.all():  # no ridge cell near this block
            distance[b0 - r0:b1 - r0] = np.inf
            continue
        distance[b0 - r0:b1 - r0] = ndimage.distance_transform_edt(block)[b0 - a:b1 - a]
    distance *= pixel
    distance[distance > max_distance] = np.inf
    return distance


def _ramp_reach(ramp: Ramp) -> Optional[float]:
    """The value beyond which a ramp's score no longer changes (its largest finite threshold), or None."""
    finite = [v for v in (ramp.low0, ramp.low1, ramp.high1, ramp.high0) if math.isfinite(v)]
    return max(finite) if finite else None


def _rule_inputs(dem: np.ndarray, grid: Grid, rules: HabitatRules, ridges: Optional[Iterable],
                 feedback: Optional[Feedback]) -> Tuple[np.ndarray, List[Tuple[str, Ramp, np.ndarray]]]:
    """The DEM (checked) and, per rule switched on, ``(name, ramp, variable)`` on the grid."""
    z = check_dem(dem, grid, 3)
    metrics = []
    if rules.slope_deg is not None:
        metrics.append("slope")
    if rules.ruggedness_vrm is not None:
        metrics.append("vrm")
    values = terrain_metrics(z, grid, metrics, vrm_window=rules.vrm_window, edges="extrapolate",
                             min_coverage=0.5, block_rows=_METRIC_BLOCK_ROWS, feedback=None) if metrics else {}
    check_cancel(feedback)
    inputs: List[Tuple[str, Ramp, np.ndarray]] = []
    if rules.elevation_m is not None:
        inputs.append(("elevation", rules.elevation_m, z))
    if rules.slope_deg is not None:
        inputs.append(("slope", rules.slope_deg, values["slope"]))
    if rules.ruggedness_vrm is not None:
        inputs.append(("ruggedness", rules.ruggedness_vrm, values["vrm"]))
    if rules.ridge_distance_m is not None:
        if ridges is None:
            from .ridges import ridges as find_ridges

            ridges = find_ridges(z, grid)
        # beyond the ramp's last threshold every distance scores the same: exact distances are needed up to it
        reach = _ramp_reach(rules.ridge_distance_m)
        distance = ridge_distance(ridges, grid, None if reach is None else max(reach, 0.0) + grid.pixel)
        distance[np.isinf(distance)] = 1e30
        inputs.append(("ridge", rules.ridge_distance_m, distance))
    return z, inputs


def _scores_of(z: np.ndarray, inputs: List[Tuple[str, Ramp, np.ndarray]], rows: slice) -> Dict[str, np.ndarray]:
    """The rule scores on a block of rows (the ridge score is NaN where the DEM is nodata)."""
    scores: Dict[str, np.ndarray] = {}
    for name, ramp, variable in inputs:
        score = ramp.score(variable[rows])
        if name == "ridge":
            score[~np.isfinite(z[rows])] = np.nan
        scores[name] = score
    return scores


def habitat_scores(dem: np.ndarray, grid: Grid, rules: HabitatRules = ALTAI_DEFAULTS, ridges: Optional[Iterable] = None,
                   feedback: Optional[Feedback] = None) -> Dict[str, np.ndarray]:
    """Per-rule 0..1 scores (``elevation``, ``slope``, ``ruggedness``, ``ridge``) of :func:`habitat_from_dem`."""
    z, inputs = _rule_inputs(dem, grid, rules, ridges, feedback)
    return _scores_of(z, inputs, slice(None))


def habitat_from_dem(dem: np.ndarray, grid: Grid, rules: HabitatRules = ALTAI_DEFAULTS,
                     ridges: Optional[Iterable] = None, feedback: Optional[Feedback] = None) -> np.ndarray:
    """Habitat suitability 0..1 from a DEM by documented, overridable rules.

    Args:
        dem: elevation (metres above sea level), NaN for nodata, metric CRS.
        grid: its grid (also the output grid).
        rules: thresholds and combination (default :data:`ALTAI_DEFAULTS`).
        ridges: ridge lines (shapely LineStrings or a GeoDataFrame from
            :func:`~snowleopard_plugin.core.analysis.ridges.ridges`) in the grid's CRS;
            extracted from the DEM with the default settings when None and the
            ridge rule is on.
        feedback: progress and cancellation.

    Returns:
        float64 array of the grid's shape, 0..1, NaN where the DEM is nodata.
        Slope and VRM are computed up to the DEM's edge (``edges="extrapolate"``).
        Computed in blocks of rows (slope and VRM from each block and a small halo, the ridge distance from a
        halo of the ridge rule's reach): the memory is the output grid plus one block, the values those of
        :func:`habitat_scores` combined (up to ~1e-12 from VRM's box-sum rounding).

    Raises:
        CrsError, InputError, ParameterError: see :func:`~snowleopard_plugin.core.analysis.terrain.check_dem`;
            no rule switched on; bad weights or combination.
    """
    z = check_dem(dem, grid, 3)
    names = [n for n, r in (("elevation", rules.elevation_m), ("slope", rules.slope_deg),
                            ("ruggedness", rules.ruggedness_vrm), ("ridge", rules.ridge_distance_m)) if r is not None]
    if not names:
        raise ParameterError(QT_TR_NOOP("All habitat rules are switched off; keep at least one of elevation, slope, "
                                        "ruggedness and ridge distance."))
    _combine({n: np.ones(1) for n in names}, rules)  # bad combination or weights: fail before the work
    metrics = [m for m, r in (("slope", rules.slope_deg), ("vrm", rules.ruggedness_vrm)) if r is not None]
    not_ridge = None
    halo_ridge = 0
    reach = None
    if rules.ridge_distance_m is not None:
        if ridges is None:
            from .ridges import ridges as find_ridges

            ridges = find_ridges(z, grid)
        not_ridge = _not_ridge(ridges, grid)
        reach = _ramp_reach(rules.ridge_distance_m)
        reach = None if reach is None else max(reach, 0.0) + grid.pixel
        if reach is not None:
            halo_ridge = int(math.ceil(reach / grid.pixel)) + 1
    # Row blocks: slope and VRM of a block from the block and a 2-row halo (the reach of a 3 x 3 gradient and a
    # 3 x 3 window; a wider VRM window widens it), the ridge distance from a halo of the ramp's reach. Only the
    # output is a whole grid; the per-rule grids of habitat_scores are never held.
    rows = grid.height
    halo = rules.vrm_window // 2 + 1
    window = rules.vrm_window + 2 if rules.ruggedness_vrm is not None else 3
    step = max(_STREAM_BLOCK_ROWS, 4 * halo_ridge)
    out = np.empty(z.shape, dtype=np.float64)
    for r0 in range(0, rows, step):
        check_cancel(feedback)
        r1 = min(rows, r0 + step)
        b = min(rows, r1 + halo)
        a = max(0, min(r0 - halo, b - window))  # the slab holds at least one full metric window
        zb = z[a:b]
        inner = slice(r0 - a, r1 - a)
        if metrics and np.isfinite(zb).any():
            sub = Grid(grid.x0, grid.y0 - a * grid.pixel, grid.pixel, grid.width, b - a, grid.crs)
            values = terrain_metrics(zb, sub, metrics, vrm_window=rules.vrm_window, edges="extrapolate",
                                     min_coverage=0.5, block_rows=_METRIC_BLOCK_ROWS, feedback=None)
            values = {k: v[inner] for k, v in values.items()}
        else:
            values = {m: np.full((r1 - r0, grid.width), np.nan) for m in metrics}
        inputs: List[Tuple[str, Ramp, np.ndarray]] = []
        if rules.elevation_m is not None:
            inputs.append(("elevation", rules.elevation_m, z[r0:r1]))
        if rules.slope_deg is not None:
            inputs.append(("slope", rules.slope_deg, values["slope"]))
        if rules.ruggedness_vrm is not None:
            inputs.append(("ruggedness", rules.ruggedness_vrm, values["vrm"]))
        if rules.ridge_distance_m is not None:
            if not_ridge is None or reach is None:  # no ridge, or a rule that scores every distance alike
                distance = np.full((r1 - r0, grid.width), 1e30)
            else:
                distance = _distance_rows(not_ridge, r0, r1, reach, grid.pixel)
                distance[np.isinf(distance)] = 1e30
            inputs.append(("ridge", rules.ridge_distance_m, distance))
        out[r0:r1] = _combine(_scores_of(z[r0:r1], inputs, slice(None)), rules)
        if feedback is not None:
            feedback.set_progress(100.0 * r1 / rows)
    return np.clip(out, 0.0, 1.0, out=out)


def habitat_from_polygons(geometries: Iterable, grid: Grid, values: Optional[Sequence[float]] = None,
                          crs: Optional[str] = None) -> np.ndarray:
    """Rasterise habitat polygons onto the grid by the cell-centre rule.

    Args:
        geometries: shapely (Multi)Polygons, a GeoSeries or a GeoDataFrame, in the grid's CRS
            (a GeoDataFrame/GeoSeries in another CRS is reprojected to ``grid.crs``).
        grid: the analysis grid (metric CRS).
        values: score 0..1 of each polygon (default 1). Where polygons overlap the highest wins.
            For ``tost_sl.shp`` pass ``(gdf.GRIDCODE == 1).astype(float)`` or select those polygons.
        crs: CRS of plain shapely ``geometries`` when it differs from the grid's (optional check).

    Returns:
        float64 array: the value of the polygon containing each cell centre, 0 elsewhere.

    Raises:
        CrsError: geographic grid, or ``crs`` differs from the grid's.
        InputError: ``values`` does not match the geometries, or holds values outside 0..1.
    """
    from rasterio.features import rasterize

    check_metric_grid(grid, "analysis grid")
    if hasattr(geometries, "to_crs") and getattr(geometries, "crs", None) is not None and grid.crs:
        geometries = geometries.to_crs(grid.crs)
    elif crs is not None and grid.crs is not None and not _same_crs(crs, grid.crs):
        raise CrsError(QT_TR_NOOP("The habitat polygons are in {crs} but the analysis grid is in {grid_crs}; "
                                  "reproject them first."), crs=crs, grid_crs=grid.crs)
    geoms = list(getattr(geometries, "geometry", geometries))
    vals = np.ones(len(geoms)) if values is None else np.asarray(list(values), dtype=np.float64)
    if len(vals) != len(geoms):
        raise InputError(QT_TR_NOOP("Got {n_values} habitat values for {n_geoms} polygons; give one per polygon."),
                         n_values=len(vals), n_geoms=len(geoms))
    if len(vals) and (np.nanmin(vals) < 0 or np.nanmax(vals) > 1):
        raise InputError(QT_TR_NOOP("Habitat values must lie between 0 and 1; got {low} to {high}."),
                         low=float(np.nanmin(vals)), high=float(np.nanmax(vals)))
    shapes = [(g, float(v)) for g, v in zip(geoms, vals) if g is not None and not g.is_empty and v > 0]
    if not shapes:
        return np.zeros(grid.shape)
    shapes.sort(key=lambda item: item[1])  # later shapes overwrite earlier: the highest value wins
    return rasterize(shapes, out_shape=grid.shape, transform=grid.transform, fill=0.0, all_touched=False,
                     dtype="float64")


def _same_crs(a: str, b: str) -> bool:
    from rasterio.crs import CRS

    try:
        return CRS.from_user_input(a) == CRS.from_user_input(b)
    except Exception:  # noqa: BLE001 - unparsable: compare the text
        return a == b


def habitat_from_raster(source: Union[str, np.ndarray], grid: Grid, src_grid: Optional[Grid] = None,
                        resampling: str = "average", scale: Optional[float] = None) -> np.ndarray:
    """Resample a habitat raster onto the analysis grid.

    Args:
        source: a raster path, or an array with ``src_grid``.
        grid: the analysis grid (metric CRS).
        src_grid: grid of an array ``source``.
        resampling: ``"average"`` (a 0/1 habitat class map gives the habitat share of each cell),
            ``"bilinear"`` or ``"nearest"``.
        scale: divide the values by this (e.g. 100 for a 0-100 % map); the result is clipped to 0..1.

    Returns:
        float64 array 0..1, NaN where the source has no data.

    Raises:
        InputError: unreadable file; array without ``src_grid``. CrsError: geographic analysis grid.
        ParameterError: unknown resampling.
    """
    from rasterio.warp import Resampling, reproject

    from ..raster import read_raster

    check_metric_grid(grid, "analysis grid")
    methods = {"average": Resampling.average, "bilinear": Resampling.bilinear, "nearest": Resampling.nearest}
    if resampling not in methods:
        raise ParameterError(QT_TR_NOOP("Unknown resampling {value}; use one of {choices}."), value=resampling,
                             choices=", ".join(methods))
    if isinstance(source, str):
        data, src_grid, _ = read_raster(source)
    else:
        if src_grid is None:
            raise InputError(QT_TR_NOOP("A habitat array needs its grid (src_grid) to be resampled."))
        data = np.asarray(source, dtype=np.float64)
    out = np.full(grid.shape, np.nan)
    reproject(data, out, src_transform=src_grid.transform, src_crs=src_grid.crs or grid.crs,
              src_nodata=np.nan, dst_transform=grid.transform, dst_crs=grid.crs or src_grid.crs, dst_nodata=np.nan,
              resampling=methods[resampling])
    if scale:
        out = out / float(scale)
    return np.clip(out, 0.0, 1.0, out=out)
