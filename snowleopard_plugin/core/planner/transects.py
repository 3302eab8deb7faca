"""Day transects under a km budget (:func:`plan_transects`) and their sharing among teams and days.

Method and guarantee in ``docs/planner.md``; metres in one metric CRS, lengths km, areas km²."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..analysis.coverage import (
    check_half_width,
    check_metric,
    line_segments,
    mark_within,
    points_xy,
)
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..raster import Grid
from .candidates import Candidates, enumerate_candidates, transect_walk
from .graph import NAISMITH_FACTOR, Approaches, approaches, line_profile, link_ridge_ends, ridge_graph
from .greedy import cells_near_line, cells_near_lines, coverage_value, habitat_weights, lazy_greedy
from .inputs import PlanWarning, _geoms, _line_arrays, _positive, _union

TRANSECT_FIELDS: Tuple[str, ...] = ("transect_id", "team", "day", "length_km", "surface_km", "ascent_m",
                                    "new_habitat_km2", "locked")

def assign_teams(costs: Sequence[float], teams: int, order: Optional[Sequence[int]] = None) -> Tuple[np.ndarray,
                                                                                                    np.ndarray]:
    """Share transects among teams, one transect per team-day, balancing the km (longest first).

    Args:
        costs: km of each transect.
        teams: number of teams (>= 1).
        order: the order days are numbered in within a team (default: the transects' own order).

    Returns:
        (team 1..teams, day 1..) of each transect. Longest-processing-time-first: each transect, longest first,
        goes to the team with the fewest km so far (ties: the lower team number); a team's days follow ``order``.
    """
    costs = np.asarray(costs, dtype=np.float64)
    team = np.zeros(len(costs), dtype=np.int64)
    load = np.zeros(max(int(teams), 1))
    for i in sorted(range(len(costs)), key=lambda k: (-costs[k], k)):
        t = int(np.argmin(load))
        team[i] = t + 1
        load[t] += costs[i]
    rank = {k: pos for pos, k in enumerate(order if order is not None else range(len(costs)))}
    day = np.zeros(len(costs), dtype=np.int64)
    for t in range(1, len(load) + 1):
        members = sorted(np.flatnonzero(team == t).tolist(), key=lambda k: rank.get(k, k))
        for d, k in enumerate(members, start=1):
            day[k] = d
    return team, day



@dataclass
class TransectPlan:
    """The result of :func:`plan_transects`.

    Attributes:
        transects: GeoDataFrame with :data:`TRANSECT_FIELDS` and LineString geometry (the walk of each day:
            approach in, ridge path, approach out), locked ones first, then in pick order.
        warnings: :class:`PlanWarning` of requests not met in full.
        total_km: day km planned (surface km over the DEM, planimetric without one), locked included.
        new_habitat_km2: habitat newly searched by the whole plan (km², value-weighted).
        candidates: number of candidate day transects considered.
        method: which greedy won (``"per_km"`` or ``"value"``; ``"locked"`` when only locked ones).
        excluded_segments: ridge segments left out because they touch an exclusion polygon.
    """

    transects: Any
    warnings: List[PlanWarning] = field(default_factory=list)
    total_km: float = 0.0
    new_habitat_km2: float = 0.0
    candidates: int = 0
    method: str = ""
    excluded_segments: int = 0


#: How many times habitat inside the given coverage gaps counts when choosing transects (an assumption: strong
#: enough that a gap's habitat beats unsearched habitat next to last season's routes at up to three times the
#: walk; see docs/planner.md).
DEFAULT_GAP_WEIGHT = 3.0


def _gap_priority(weights: np.ndarray, gaps: Any, gap_weight: float, grid: Grid) -> np.ndarray:
    """Cell weights with the habitat inside the gap polygons counted ``gap_weight`` times."""
    from ..analysis.habitat import habitat_from_polygons

    geoms = _geoms(gaps) if gaps is not None else []
    if not geoms:
        return weights
    gap_weight = float(gap_weight)
    if not (math.isfinite(gap_weight) and gap_weight >= 1.0):
        raise ParameterError(QT_TR_NOOP("The weight of habitat in the gaps must be 1 or more; got {value}."),
                             value=gap_weight)
    inside = habitat_from_polygons(geoms, grid).ravel() > 0
    return np.where(inside, weights * gap_weight, weights)


def plan_transects(ridges: Any, habitat: np.ndarray, habitat_grid: Grid, *, budget_km: float, max_day_km: float,
                   teams: int = 1, half_width: float = 50.0, routes: Any = None, dem: Optional[np.ndarray] = None,
                   dem_grid: Optional[Grid] = None, access: Any = None, locked: Any = None, exclude: Any = None,
                   threshold: float = 0.5, min_day_km: Optional[float] = None, max_paths_per_start: int = 400,
                   link_gap_m: Optional[float] = None, gaps: Any = None, gap_weight: float = DEFAULT_GAP_WEIGHT,
                   climb_factor: float = NAISMITH_FACTOR, crs: Any = None,
                   feedback: Optional[Feedback] = None) -> TransectPlan:
    """Plan day transects along the ridges that search the most unsearched suitable habitat within a km budget.

    Args:
        ridges: ridge lines (e.g. the segments of ``snowleopard:terrain``), metric CRS.
        habitat: 0..1 suitability on ``habitat_grid`` (NaN: unknown, not habitat). Rasterise habitat polygons
            first (:func:`~.habitat.habitat_from_polygons`).
        habitat_grid: its grid (metric CRS, the same CRS as every layer).
        budget_km: total km the season can afford (day km: surface km over the DEM, planimetric without one).
        max_day_km: longest day a team walks, same km; no transect is longer.
        teams: number of teams to share the transects.
        half_width: search half-width of a walker, metres.
        routes: routes already walked; the cells they searched count as covered.
        dem, dem_grid: DEM (m) for surface km, climb and approach paths (optional).
        access: access points (camps, road ends, huts); with them every transect starts and ends at one.
        locked: transects that must be walked (lines); kept first, their km charged to the budget.
        exclude: polygons never entered (ridge segments touching them and approach cells touched are dropped).
        threshold: habitat >= this counts (weighted by its value); below it counts nothing.
        min_day_km: a ridge path whose day is shorter is offered only when it cannot be extended at either end
            (default: half the longest day; 0 offers every path).
        max_paths_per_start: at most this many paths grown from one ridge node (bounds the work).
        link_gap_m: dead ends of the ridge network are linked by straight walks to other ridge pieces up to
            this far (:func:`link_ridge_ends`), so a day can cross the gaps between ridge pieces; default
            1000 m with access points, none without (0: none).
        gaps: coverage gaps (polygons, e.g. the output of ``snowleopard:gaps``) to search first: the habitat in
            them (cell-centre rule) counts ``gap_weight`` times in the choice of transects. The reported
            ``new_habitat_km2`` stays plain habitat.
        gap_weight: that factor (>= 1; 1 makes the gaps no different).
        climb_factor: metres of walking one metre of climb is worth when choosing approach paths.
        crs: CRS of the output (default: the habitat grid's).
        feedback: progress and cancellation.

    Returns:
        :class:`TransectPlan`.

    Raises:
        ParameterError: non-positive budget, day length, half-width or teams. InputError: no ridges; no habitat
            cell reaches the threshold. CrsError: geographic layers.
    """
    budget_km = _positive(budget_km, QT_TR_NOOP("The budget must be a positive number of km; got {value}."))
    max_day_km = _positive(max_day_km, QT_TR_NOOP("The longest day must be a positive number of km; got {value}."))
    half_width = check_half_width(half_width)
    if int(teams) < 1:
        raise ParameterError(QT_TR_NOOP("There must be at least one team; got {value}."), value=teams)
    check_metric(habitat_grid.crs, "The habitat grid")
    crs = crs if crs is not None else habitat_grid.crs
    warnings_: List[PlanWarning] = []
    search = _habitat_to_search(habitat, habitat_grid, half_width, threshold, gaps, gap_weight, routes, feedback)
    access_xy = points_xy(access) if access is not None else np.zeros((0, 2))
    gap = (1000.0 if len(access_xy) else 0.0) if link_gap_m is None else float(link_gap_m)
    graph = link_ridge_ends(ridge_graph(ridges, dem, dem_grid, exclude), gap, dem, dem_grid, exclude)
    if graph.excluded:
        warnings_.append(PlanWarning(QT_TR_NOOP("{count} ridge segments touch an excluded area and were left "
                                                "out."), count=graph.excluded))
    edge_cells, edge_value = _edge_cells(search, graph, feedback)
    app, app_cells, app_value = _approach_cells(search, graph, access_xy, dem, dem_grid, exclude, max_day_km,
                                                climb_factor, warnings_, feedback)
    locked_info = _locked_transects(search, locked, dem, dem_grid, exclude, max_day_km, warnings_)
    locked_km = sum(info[2] for info in locked_info)

    min_day = 0.5 * max_day_km if min_day_km is None else float(min_day_km)
    cands = enumerate_candidates(graph, edge_value, app.km, app_value, max_day_km, max_paths_per_start, min_day,
                                 feedback)
    ids = np.flatnonzero(cands.is_candidate)
    if feedback is not None:
        feedback.set_progress(60)

    def cells_of_candidate(j: int) -> List[np.ndarray]:
        i = int(ids[j])
        parts = [edge_cells[k] for k in cands.path_edges(i)]
        parts.append(app_cells[int(cands.start[i])])
        parts.append(app_cells[int(cands.end[i])])
        return parts

    results = _greedy_runs(search, cands, ids, cells_of_candidate, locked_info, budget_km, locked_km, max_day_km,
                           warnings_, feedback)
    frame, method, total_km = _transect_frame(search, graph, app, cands, ids, cells_of_candidate, locked_info,
                                              results, dem, dem_grid, int(teams), crs)
    if feedback is not None:
        feedback.set_progress(100)
    return TransectPlan(frame, warnings_, total_km, float(frame["new_habitat_km2"].sum()),
                        int(len(ids)), method, graph.excluded)


@dataclass
class _Search:
    """What a transect is worth: the habitat grid's cells, their weights and those already searched.

    Attributes:
        grid: the habitat grid (metric CRS).
        half_width: search half-width, metres.
        weights: flat per-cell weight the greedy maximises (habitat km², gaps counted ``gap_weight`` times).
        plain: flat per-cell habitat km² the plan reports.
        covered0: flat mask of the cells the routes already walked searched.
    """

    grid: Grid
    half_width: float
    weights: np.ndarray
    plain: np.ndarray
    covered0: np.ndarray

    def cells_of(self, xy: np.ndarray) -> np.ndarray:
        """The cells near the line ``xy`` that count and are not searched yet."""
        c = cells_near_line(xy, self.grid, self.half_width)
        return c[(self.weights[c] > 0) & ~self.covered0[c]]


def _habitat_to_search(habitat: np.ndarray, habitat_grid: Grid, half_width: float, threshold: float, gaps: Any,
                       gap_weight: float, routes: Any, feedback: Optional[Feedback]) -> _Search:
    """Step 1: habitat weights (gaps first), and the cells the routes walked already searched."""
    weights = habitat_weights(habitat, habitat_grid, threshold).ravel()
    if habitat.shape != habitat_grid.shape:
        raise InputError(QT_TR_NOOP("The habitat array has shape {shape} but its grid is {rows} x {cols}."),
                         shape=str(habitat.shape), rows=habitat_grid.height, cols=habitat_grid.width)
    if not (weights > 0).any():
        raise InputError(QT_TR_NOOP("No habitat cell reaches the suitability threshold {threshold}; lower the "
                                    "threshold or check the habitat layer."), threshold=threshold)
    plain = weights  # habitat km² per cell, what the plan reports
    weights = _gap_priority(weights, gaps, gap_weight, habitat_grid)  # what the greedy maximises
    covered0 = np.zeros(weights.size, dtype=bool)
    route_segs, _ = line_segments(routes) if routes is not None else (np.zeros((0, 4)), None)
    if len(route_segs):
        covered0 |= mark_within(habitat_grid, route_segs, half_width, feedback=None).ravel()
    check_cancel(feedback)
    if feedback is not None:
        feedback.set_progress(5)
    return _Search(habitat_grid, half_width, weights, plain, covered0)


def _edge_cells(search: _Search, graph: Any, feedback: Optional[Feedback]) -> Tuple[List[np.ndarray], np.ndarray]:
    """Step 2: the cells each ridge edge newly searches, and their value (edge x cell incidence, sparse CSR)."""
    weights, covered0 = search.weights, search.covered0
    indptr, flat = cells_near_lines(graph.coords, search.grid, search.half_width)
    line_of = np.repeat(np.arange(len(graph.coords)), np.diff(indptr))
    useful = (weights[flat] > 0) & ~covered0[flat]
    flat, line_of = flat[useful], line_of[useful]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(line_of, minlength=len(graph.coords)))]).astype(np.int64)
    edge_cells = [flat[indptr[k]:indptr[k + 1]] for k in range(len(graph.coords))]
    edge_value = np.bincount(line_of, weights=weights[flat], minlength=len(graph.coords))
    check_cancel(feedback)
    if feedback is not None:
        feedback.set_progress(25)
    return edge_cells, edge_value


def _approach_cells(search: _Search, graph: Any, access_xy: np.ndarray, dem: Optional[np.ndarray],
                    dem_grid: Optional[Grid], exclude: Any, max_day_km: float, climb_factor: float,
                    warnings_: List[PlanWarning], feedback: Optional[Feedback]
                    ) -> Tuple[Approaches, List[np.ndarray], np.ndarray]:
    """Step 3: the approach to every ridge node from the access points, and the cells each approach searches."""
    n_nodes = len(graph.node_xy)
    if len(access_xy):
        app = approaches(graph, access_xy, dem, dem_grid, exclude, max_km=max_day_km / 2.0,
                         climb_factor=climb_factor, feedback=feedback)
        app_cells = [search.cells_of(xy) if xy is not None else np.zeros(0, dtype=np.int64) for xy in app.coords]
        if not np.isfinite(app.km).any():
            warnings_.append(PlanWarning(QT_TR_NOOP("No ridge can be reached from the access points within half "
                                                    "a day's walk without entering an excluded area.")))
    else:
        app = Approaches(np.zeros(n_nodes), [None] * n_nodes, np.zeros(n_nodes), np.zeros(n_nodes),
                         np.full(n_nodes, -1, dtype=np.int64))
        app_cells = [np.zeros(0, dtype=np.int64)] * n_nodes
    app_value = np.array([float(search.weights[c].sum()) for c in app_cells]) if n_nodes else np.zeros(0)
    if feedback is not None:
        feedback.set_progress(40)
    return app, app_cells, app_value


def _locked_transects(search: _Search, locked: Any, dem: Optional[np.ndarray], dem_grid: Optional[Grid],
                      exclude: Any, max_day_km: float, warnings_: List[PlanWarning]) -> List[Tuple[Any, ...]]:
    """Step 4: the locked transects as ``(xy, planar m, surface km, ascent m, cells)``, warning about misfits."""
    from shapely.geometry import LineString

    locked_info = []
    zone = _union(_geoms(exclude))
    for xy in _line_arrays(locked):
        planar, surface, up, _ = line_profile(xy, dem, dem_grid)
        locked_info.append((xy, planar, surface / 1000.0, up, cells_near_line(xy, search.grid, search.half_width)))
        if surface / 1000.0 > max_day_km + 1e-9:
            warnings_.append(PlanWarning(QT_TR_NOOP("A locked transect is {km:.1f} km long, more than the longest "
                                                    "day ({day:.1f} km); it is kept as given."),
                                         km=surface / 1000.0, day=max_day_km))
        if zone is not None and not zone.is_empty and zone.intersects(LineString(xy)):
            warnings_.append(PlanWarning(QT_TR_NOOP("A locked transect enters an excluded area; it is kept as "
                                                    "given.")))
    return locked_info


def _greedy_runs(search: _Search, cands: Candidates, ids: np.ndarray, cells_of_candidate: Any,
                 locked_info: List[Tuple[Any, ...]], budget_km: float, locked_km: float, max_day_km: float,
                 warnings_: List[PlanWarning], feedback: Optional[Feedback]) -> List[Tuple[float, bool, Any, Any]]:
    """Step 5: the two lazy greedy runs (value per km, value) on the budget left, as ``(total, per_km, picked,
    gains)``; none when nothing can be picked (with a warning saying why)."""
    remaining = budget_km - locked_km
    results: List[Tuple[float, bool, Any, Any]] = []
    if remaining < -1e-9:
        warnings_.append(PlanWarning(QT_TR_NOOP("The budget ({budget:.1f} km) is smaller than the locked transects "
                                                "({locked:.1f} km); the plan holds the locked transects only."),
                                     budget=budget_km, locked=locked_km))
    elif len(ids) == 0:
        warnings_.append(PlanWarning(QT_TR_NOOP("No ridge path fits in a day of {day:.1f} km (approaches "
                                                "included); raise the longest day or add access points closer "
                                                "to the ridges."), day=max_day_km))
    else:
        costs = cands.cost_km[ids]
        if remaining + 1e-9 < costs.min():
            warnings_.append(PlanWarning(QT_TR_NOOP("The budget left after the locked transects ({left:.1f} km) "
                                                    "is less than the shortest possible transect ({short:.1f} km)."),
                                         left=max(remaining, 0.0), short=float(costs.min())))
        weights = search.weights
        for per_km in (True, False):
            covered = search.covered0.copy()
            for info in locked_info:
                covered[info[4]] = True

            def gain(j: int, covered: np.ndarray = covered) -> float:
                return coverage_value(cells_of_candidate(j), weights, covered)

            def commit(j: int, covered: np.ndarray = covered) -> None:
                for c in cells_of_candidate(j):
                    covered[c] = True

            picked, gains = lazy_greedy(len(ids), gain, costs, max(remaining, 0.0), cands.bound[ids], per_km,
                                        commit, feedback)
            results.append((float(sum(gains)), per_km, picked, gains))
        if feedback is not None:
            feedback.set_progress(90)
    return results


def _transect_frame(search: _Search, graph: Any, app: Approaches, cands: Candidates, ids: np.ndarray,
                    cells_of_candidate: Any, locked_info: List[Tuple[Any, ...]],
                    results: List[Tuple[float, bool, Any, Any]], dem: Optional[np.ndarray],
                    dem_grid: Optional[Grid], teams: int, crs: Any) -> Tuple[Any, str, float]:
    """Step 6: the output layer (locked transects first, then the better greedy run's picks), teams and days;
    returns ``(frame, method, total km)``."""
    import geopandas as gpd
    from shapely.geometry import LineString

    plain = search.plain
    # locked gains (in order), against what the routes searched
    covered = search.covered0.copy()
    rows = []
    for xy, planar, surface_km, up, cells in locked_info:
        new = cells[~covered[cells]]
        g = float(plain[np.unique(new)].sum())
        covered[cells] = True
        rows.append({"length_km": planar / 1000.0, "surface_km": surface_km, "ascent_m": up,
                     "new_habitat_km2": g, "locked": 1, "geometry": LineString(xy)})
    method = "locked"
    if results:
        best = max(results, key=lambda item: (item[0], item[1]))
        _, per_km, picked, gains = best
        method = "per_km" if per_km else "value"
        for j in picked:
            i = int(ids[j])
            g = coverage_value(cells_of_candidate(j), plain, covered)  # plain habitat newly searched, in order
            for c in cells_of_candidate(j):
                covered[c] = True
            xy, climb = transect_walk(graph, app, cands, i)
            planar, surface, up, _ = line_profile(xy, dem, dem_grid)
            rows.append({"length_km": planar / 1000.0, "surface_km": float(cands.cost_km[i]), "ascent_m": climb,
                         "new_habitat_km2": g, "locked": 0, "geometry": LineString(xy)})
    costs_out = [r["surface_km"] for r in rows]
    team, day = assign_teams(costs_out, teams)
    for k, r in enumerate(rows):
        r["transect_id"] = k + 1
        r["team"] = int(team[k])
        r["day"] = int(day[k])
    frame = gpd.GeoDataFrame(rows, columns=list(TRANSECT_FIELDS) + ["geometry"], geometry="geometry", crs=crs)
    for name in ("transect_id", "team", "day", "locked"):
        frame[name] = frame[name].astype(np.int64)
    return frame, method, float(sum(costs_out))
