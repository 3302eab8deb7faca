"""Planner: day transects under a budget, camera stations, planned against walked, team GPX files."""

import itertools
import math
import os

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from snowleopard_plugin.core.exceptions import ParameterError
from snowleopard_plugin.core.exports.gpx import gpx_text, write_team_gpx
from snowleopard_plugin.core.planner import (
    assign_teams,
    cells_near_lines,
    compare_plan,
    lazy_greedy,
    line_profiles,
    link_ridge_ends,
    plan_cameras,
    plan_transects,
)
from snowleopard_plugin.core.raster import Grid

CRS = "EPSG:32645"
X0, Y0 = 500000.0, 5500000.0


def brute_value(lines, grid, weights, half_width, covered=None):
    """Independent value: weights of cells whose centre lies within half_width of any line (shapely distance)."""
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    hit = np.zeros(grid.shape, bool)
    for line in lines:
        x0, y0, x1, y1 = line.bounds
        near = (cx >= x0 - half_width) & (cx <= x1 + half_width) & (cy >= y0 - half_width) & (cy <= y1 + half_width)
        rr, cc = np.nonzero(near)
        d = np.array([line.distance(Point(cx[r, c], cy[r, c])) for r, c in zip(rr, cc)])
        hit[rr[d <= half_width + 1e-9], cc[d <= half_width + 1e-9]] = True
    if covered is not None:
        hit &= ~covered
    return float(weights[hit].sum())


def parallel_case(pixel=50.0):
    """Five W-E ridges 2 km apart, 8 km long, cut into 1 km segments; habitat bands of value 1, .9, .8, .7, .6."""
    grid = Grid(X0, Y0 + 10000.0, pixel, int(10000 / pixel), int(10000 / pixel), CRS)
    xs, ys = grid.centres()
    hab = np.zeros(grid.shape)
    ridges, full = [], []
    values = [1.0, 0.9, 0.8, 0.7, 0.6]
    for i, v in enumerate(values):
        y = Y0 + 1000.0 + 2000.0 * i
        hab[np.abs(ys - y) <= 200.0, :] = v
        full.append(LineString([(X0 + 1000.0, y), (X0 + 9000.0, y)]))
        for k in range(8):
            ridges.append(LineString([(X0 + 1000.0 + 1000 * k, y), (X0 + 2000.0 + 1000 * k, y)]))
    return grid, hab, gpd.GeoDataFrame(geometry=ridges, crs=CRS), full, values


def on_which_ridge(geom, full):
    return [i for i, line in enumerate(full) if geom.buffer(1.0).difference(line.buffer(2.0)).is_empty]


def test_plan_takes_the_two_unwalked_ridges_with_most_habitat():
    grid, hab, _, full, values = parallel_case()
    ridges = gpd.GeoDataFrame(geometry=full, crs=CRS)  # one segment per ridge
    walked = gpd.GeoDataFrame(geometry=[full[0]], crs=CRS)  # the best ridge was walked last season
    plan = plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, teams=2, half_width=100.0,
                          routes=walked)
    t = plan.transects
    assert len(t) >= 2
    used = set()
    for geom in t.geometry:
        which = on_which_ridge(geom, full)
        assert len(which) == 1, "a transect leaves the ridges"
        used.add(which[0])
    assert used == {1, 2}
    # both ridges walked end to end: new habitat = 0.9 and 0.8 times the searched band of an 8 km ridge
    weights = np.where(hab >= 0.5, hab, 0) * grid.pixel ** 2 / 1e6
    expected = brute_value([full[1], full[2]], grid, weights, 100.0)
    assert plan.new_habitat_km2 == pytest.approx(expected, rel=1e-9)
    assert t["new_habitat_km2"].sum() == pytest.approx(expected, rel=1e-9)
    # hard constraints
    assert t["surface_km"].sum() <= 16.5 + 1e-9
    assert (t["surface_km"] <= 9.0 + 1e-9).all()
    assert np.allclose(t["length_km"], [g.length / 1000 for g in t.geometry])
    assert list(t["transect_id"]) == list(range(1, len(t) + 1))
    assert set(t["team"]) <= {1, 2} and (t["locked"] == 0).all()


def test_gaps_are_searched_first_and_new_habitat_stays_plain():
    """Budget for two of five ridges. Without gaps the plan takes the two best (1.0, 0.9); with a gap polygon
    over the 0.7 and 0.6 ridges (weight 3 makes them worth 2.1 and 1.8) it takes those two, and reports their
    plain habitat (0.7 and 0.6 bands, independent brute force), not the weighted value."""
    grid, hab, _, full, values = parallel_case()
    ridges = gpd.GeoDataFrame(geometry=full, crs=CRS)
    weights = np.where(hab >= 0.5, hab, 0) * grid.pixel ** 2 / 1e6

    def ridges_used(plan):
        return sorted(w for geom in plan.transects.geometry for w in on_which_ridge(geom, full))

    plain = plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, half_width=100.0)
    assert ridges_used(plain) == [0, 1]
    gap = box(X0, Y0 + 6500.0, X0 + 10000.0, Y0 + 10000.0)  # around the ridges at y + 7 km and y + 9 km
    gaps = gpd.GeoDataFrame({"rank": [1]}, geometry=[gap], crs=CRS)
    first = plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, half_width=100.0, gaps=gaps)
    assert ridges_used(first) == [3, 4]
    expected = brute_value([full[3], full[4]], grid, weights, 100.0)
    assert first.new_habitat_km2 == pytest.approx(expected, rel=1e-9)
    assert first.transects["new_habitat_km2"].sum() == pytest.approx(expected, rel=1e-9)
    # weight 1: the gaps make no difference
    same = plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, half_width=100.0, gaps=gaps,
                          gap_weight=1.0)
    assert ridges_used(same) == [0, 1]
    with pytest.raises(ParameterError):
        plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, gaps=gaps, gap_weight=0.5)


def test_locked_transect_kept_first_and_charged():
    grid, hab, ridges, full, _ = parallel_case()
    walked = gpd.GeoDataFrame(geometry=[full[0]], crs=CRS)
    locked = gpd.GeoDataFrame(geometry=[full[4]], crs=CRS)  # trend-monitoring ridge, lowest habitat
    plan = plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, half_width=100.0, routes=walked,
                          locked=locked)
    t = plan.transects
    assert t.iloc[0]["locked"] == 1 and t.iloc[0].geometry.equals(full[4])
    assert t["surface_km"].sum() <= 16.5 + 1e-9
    others = {on_which_ridge(g, full)[0] for g in t.geometry[t["locked"] == 0]}
    assert others == {1}  # 8.5 km left: the best unwalked ridge only
    assert t.iloc[0]["new_habitat_km2"] == pytest.approx(
        brute_value([full[4]], grid, np.where(hab >= 0.5, hab, 0) * 0.0025, 100.0), rel=1e-9)


def test_budget_smaller_than_locked_warns_and_returns_locked():
    grid, hab, ridges, full, _ = parallel_case()
    locked = gpd.GeoDataFrame(geometry=[full[3], full[4]], crs=CRS)
    plan = plan_transects(ridges, hab, grid, budget_km=10.0, max_day_km=9.0, half_width=100.0, locked=locked)
    assert len(plan.transects) == 2 and (plan.transects["locked"] == 1).all()
    assert any("smaller than the locked" in str(w) for w in plan.warnings)


def test_excluded_area_never_entered_with_access_points():
    grid, hab, ridges, full, _ = parallel_case()
    # an avalanche slope over the middle of ridge 2 and a border strip between the access point and ridge 1
    zone = gpd.GeoDataFrame(geometry=[box(X0 + 4000, Y0 + 4500, X0 + 6000, Y0 + 5500),
                                      box(X0 + 2000, Y0 + 1800, X0 + 8000, Y0 + 2200)], crs=CRS)
    access = gpd.GeoDataFrame(geometry=[Point(X0 + 5000, Y0 + 500)], crs=CRS)
    plan = plan_transects(ridges, hab, grid, budget_km=60.0, max_day_km=14.0, teams=3, half_width=100.0,
                          access=access, exclude=zone)
    t = plan.transects
    assert len(t) > 0
    union = zone.unary_union
    for geom in t.geometry:
        assert not geom.intersects(union)
        start, end = Point(geom.coords[0]), Point(geom.coords[-1])
        assert start.distance(access.geometry[0]) < 1e-6 and end.distance(access.geometry[0]) < 1e-6
    assert (t["surface_km"] <= 14.0 + 1e-9).all() and t["surface_km"].sum() <= 60.0 + 1e-9
    assert plan.excluded_segments == 4  # two 1 km pieces of ridge 2 under the slope, two touching its edges
    assert any("excluded" in str(w) for w in plan.warnings)


def test_surface_km_and_ascent_over_a_dem():
    # a ridge rising 100 m per km along x: a 3 km transect climbs 300 m one way
    grid = Grid(X0, Y0 + 2000.0, 20.0, 250, 100, CRS)
    xs, _ = grid.centres()
    dem = np.tile(1000.0 + 0.1 * (xs - X0), (100, 1))
    hab = np.ones(grid.shape)
    ridges = [LineString([(X0 + 1000.0 + 1000 * k, Y0 + 1000.0), (X0 + 2000.0 + 1000 * k, Y0 + 1000.0)])
              for k in range(3)]
    plan = plan_transects(ridges, hab, grid, budget_km=3.1, max_day_km=3.1, half_width=50.0, dem=dem,
                          dem_grid=grid)
    t = plan.transects
    assert len(t) == 1
    assert t.iloc[0]["length_km"] == pytest.approx(3.0)
    assert t.iloc[0]["surface_km"] == pytest.approx(3.0 * math.hypot(1.0, 0.1), rel=1e-6)
    assert t.iloc[0]["ascent_m"] in (pytest.approx(300.0, abs=1e-6), pytest.approx(0.0, abs=1e-6))


def _random_instance(seed):
    rng = np.random.default_rng(seed)
    grid = Grid(X0, Y0 + 8000.0, 100.0, 80, 80, CRS)
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    hab = np.zeros(grid.shape)
    for _ in range(4):  # a few habitat blobs
        mx, my = X0 + rng.uniform(1000, 7000), Y0 + rng.uniform(1000, 7000)
        hab = np.maximum(hab, np.exp(-((cx - mx) ** 2 + (cy - my) ** 2) / (2 * rng.uniform(800, 2000) ** 2)))
    nodes = {(i, j): (X0 + 1000 + 2000 * i + rng.uniform(-300, 300), Y0 + 1000 + 2000 * j + rng.uniform(-300, 300))
             for i in range(4) for j in range(4)}
    pairs = [((i, j), (i + 1, j)) for i in range(3) for j in range(4)] + \
            [((i, j), (i, j + 1)) for i in range(4) for j in range(3)]
    chosen = [pairs[k] for k in rng.choice(len(pairs), 12, replace=False)]
    lines = [LineString([nodes[a], nodes[b]]) for a, b in chosen]
    return grid, hab, lines


def _all_paths(lines, max_len):
    """Every simple path (as a list of line indices) no longer than max_len (m): independent enumeration."""
    ends = {}
    for k, line in enumerate(lines):
        for p in (line.coords[0], line.coords[-1]):
            ends.setdefault(tuple(np.round(p, 6)), []).append(k)
    def other(k, node):
        a, b = tuple(np.round(lines[k].coords[0], 6)), tuple(np.round(lines[k].coords[-1], 6))
        return b if a == node else a
    paths = set()
    def grow(node, path, visited, length):
        for k in ends[node]:
            nxt = other(k, node)
            if nxt in visited or length + lines[k].length > max_len + 1e-9:
                continue
            p = path + [k]
            paths.add(tuple(p) if p[0] <= p[-1] else tuple(reversed(p)))
            grow(nxt, p, visited | {nxt}, length + lines[k].length)
    for node in ends:
        grow(node, [], {node}, 0.0)
    return [list(p) for p in paths]


@pytest.mark.parametrize("seed", range(8))
def test_greedy_reaches_90_percent_of_brute_force_optimum(seed):
    grid, hab, lines = _random_instance(seed)
    half_width, max_day, budget = 150.0, 5.0, 9.0
    weights = np.where(hab >= 0.5, hab, 0) * grid.pixel ** 2 / 1e6
    plan = plan_transects(lines, hab, grid, budget_km=budget, max_day_km=max_day, half_width=half_width,
                          max_paths_per_start=10 ** 6, min_day_km=0.0)
    got = brute_value(list(plan.transects.geometry), grid, weights, half_width)
    assert got == pytest.approx(plan.new_habitat_km2, rel=1e-9)
    assert plan.transects["surface_km"].sum() <= budget + 1e-9
    # brute force: every set of paths within the budget (value depends on the union of the segments walked)
    paths = _all_paths(lines, max_day * 1000)
    cost = [sum(lines[k].length for k in p) / 1000 for p in paths]
    seg_cells = []
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    for line in lines:
        d = np.array([line.distance(Point(x, y)) for x, y in zip(cx.ravel(), cy.ravel())])
        seg_cells.append(set(np.flatnonzero(d <= half_width)))
    w = weights.ravel()
    best = 0.0
    order = np.argsort(cost)
    def search(start, used_cost, segs):
        nonlocal best
        value = sum(w[c] for c in set().union(*[seg_cells[k] for k in segs])) if segs else 0.0
        best = max(best, value)
        for pos in range(start, len(order)):
            i = order[pos]
            if used_cost + cost[i] > budget + 1e-9:
                break
            search(pos + 1, used_cost + cost[i], segs | set(paths[i]))
    search(0, 0.0, frozenset())
    assert best > 0
    assert got >= 0.9 * best - 1e-12, (got, best)


def test_cells_near_lines_match_shapely_distance():
    """The batch line x cell incidence equals the cells whose centre is within the half-width (shapely distance)."""
    grid = Grid(X0, Y0 + 3000.0, 30.0, 100, 100, CRS)
    rng = np.random.default_rng(5)
    lines = [np.cumsum(rng.normal(0, 40, (40, 2)), axis=0) + [X0 + 1500, Y0 + 1500] for _ in range(6)]
    lines.append(np.array([[X0 - 500.0, Y0 + 100.0], [X0 + 3500.0, Y0 + 2900.0]]))  # long, crosses the edges
    lines.append(np.array([[X0 + 1000.0, Y0 + 1000.0]]))  # a single point
    lines.append(np.array([[X0 + 2990.0, Y0 + 10.0], [X0 + 2990.0, Y0 + 400.0]]))  # along the east edge
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    for hw in (45.0, 100.0):
        indptr, cells = cells_near_lines(lines, grid, hw)
        for k, xy in enumerate(lines):
            geom = Point(xy[0]) if len(xy) == 1 else LineString(xy)
            d = np.array([geom.distance(Point(x, y)) for x, y in zip(cx.ravel(), cy.ravel())])
            assert set(cells[indptr[k]:indptr[k + 1]].tolist()) == set(np.flatnonzero(d <= hw).tolist())


def test_line_profiles_on_a_plane():
    """Over a tilted plane (bilinear is exact) a straight line's surface length is sqrt(L² + dz²), its climb dz."""
    grid = Grid(X0, Y0 + 3000.0, 30.0, 100, 100, CRS)
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    dem = 2000.0 + 0.3 * (cx - X0) - 0.1 * (cy - Y0)
    lines = [np.array([[X0 + 100.0, Y0 + 200.0], [X0 + 2500.0, Y0 + 2700.0]]),
             np.array([[X0 + 2800.0, Y0 + 300.0], [X0 + 400.0, Y0 + 300.0], [X0 + 400.0, Y0 + 2000.0]])]
    planar, surface, up, down = line_profiles(lines, dem, grid)
    for k, xy in enumerate(lines):
        d = np.diff(xy, axis=0)
        length = np.hypot(d[:, 0], d[:, 1])
        dz = 0.3 * d[:, 0] - 0.1 * d[:, 1]
        assert planar[k] == pytest.approx(length.sum(), rel=1e-12)
        assert surface[k] == pytest.approx(np.sqrt(length ** 2 + dz ** 2).sum(), rel=1e-9)
        assert up[k] == pytest.approx(dz[dz > 0].sum(), abs=1e-6)
        assert down[k] == pytest.approx(-dz[dz < 0].sum(), abs=1e-6)
    p0, s0, u0, _ = line_profiles(lines, None, None)
    assert np.allclose(s0, p0) and not u0.any()


@pytest.mark.parametrize("per_km", [True, False])
def test_lazy_greedy_picks_as_the_plain_greedy(per_km):
    """Lazy evaluation changes nothing: the same picks as a greedy that re-evaluates every candidate each step."""
    rng = np.random.default_rng(11)
    n_cells, n = 300, 60
    w = rng.uniform(0, 1, n_cells)
    sets = [rng.choice(n_cells, rng.integers(3, 40), replace=False) for _ in range(n)]
    costs = rng.uniform(1, 6, n)
    budget = 25.0

    def gain_of(i, covered):
        return float(w[np.unique(sets[i])][~covered[np.unique(sets[i])]].sum())

    covered = np.zeros(n_cells, bool)
    picked, gains = lazy_greedy(n, lambda i: gain_of(i, covered), costs, budget,
                                np.array([w[s].sum() for s in sets]), per_km,
                                lambda i: covered.__setitem__(sets[i], True))
    plain, left, done = [], budget, np.zeros(n_cells, bool)
    alive = set(range(n))
    while True:
        alive = {i for i in alive if costs[i] <= left + 1e-9 and i not in plain}
        scored = [((gain_of(i, done) / costs[i]) if per_km else gain_of(i, done), -i) for i in alive
                  if gain_of(i, done) > 1e-15]
        if not scored:
            break
        _, neg = max(scored)
        plain.append(-neg)
        left -= costs[-neg]
        done[sets[-neg]] = True
    assert picked == plain
    assert sum(gains) == pytest.approx(float(w[done].sum()), rel=1e-12)
    assert sum(costs[picked]) <= budget + 1e-9


def test_short_days_only_where_a_path_cannot_grow():
    grid, hab, ridges, full, _ = parallel_case()
    walked = gpd.GeoDataFrame(geometry=[full[0]], crs=CRS)
    plan = plan_transects(ridges, hab, grid, budget_km=16.5, max_day_km=9.0, half_width=100.0, routes=walked)
    t = plan.transects
    assert (t["surface_km"] >= 4.5 - 1e-9).all()  # half the longest day at least (each ridge is 8 km)
    assert t["surface_km"].sum() <= 16.5 + 1e-9 and (t["surface_km"] <= 9.0 + 1e-9).all()
    assert {on_which_ridge(g, full)[0] for g in t.geometry} <= {1, 2, 3}


def test_gap_between_ridge_pieces_is_crossed_charged_and_counted():
    # two 3 km ridges on one line with a 600 m gap (a saddle the ridge extraction cut): one 6.6 km day walks
    # both, the gap charged and its habitat counted; without links each piece is its own short day
    grid = Grid(X0, Y0 + 2000.0, 50.0, 160, 40, CRS)
    hab = np.ones(grid.shape)
    y = Y0 + 1000.0
    pieces = [LineString([(X0 + 500.0 + 1000 * k, y), (X0 + 1500.0 + 1000 * k, y)]) for k in range(3)]
    pieces += [LineString([(X0 + 4100.0 + 1000 * k, y), (X0 + 5100.0 + 1000 * k, y)]) for k in range(3)]
    ridges = gpd.GeoDataFrame(geometry=pieces, crs=CRS)
    plan = plan_transects(ridges, hab, grid, budget_km=6.6 + 1e-6, max_day_km=7.0, half_width=100.0,
                          link_gap_m=1000.0)
    t = plan.transects
    assert len(t) == 1
    assert t["surface_km"].iloc[0] == pytest.approx(6.6, abs=1e-6)
    line = t.geometry.iloc[0]
    assert line.length == pytest.approx(6600.0, abs=1e-6)
    assert t["new_habitat_km2"].iloc[0] == pytest.approx(
        brute_value([line], grid, hab * (50.0 * 50.0 / 1e6), 100.0), rel=1e-9)
    unlinked = plan_transects(ridges, hab, grid, budget_km=6.6 + 1e-6, max_day_km=7.0, half_width=100.0)
    assert len(unlinked.transects) == 2 and unlinked.transects["surface_km"].sum() == pytest.approx(6.0)
    # a link never touches an exclusion polygon, and no link is longer than the gap allowed
    from snowleopard_plugin.core.planner import ridge_graph

    graph = ridge_graph(ridges)
    assert len(link_ridge_ends(graph, 1000.0).eu) == 7
    assert len(link_ridge_ends(graph, 500.0).eu) == 6
    zone = gpd.GeoDataFrame(geometry=[box(X0 + 3600, y - 50, X0 + 3700, y + 50)], crs=CRS)
    assert len(link_ridge_ends(graph, 1000.0, exclude=zone).eu) == 6
    planned = plan_transects(ridges, hab, grid, budget_km=10.0, max_day_km=7.0, half_width=100.0, exclude=zone,
                             link_gap_m=1000.0)
    assert not any(g.intersects(zone.geometry.iloc[0]) for g in planned.transects.geometry)


def test_assign_teams_balances_km_and_numbers_days():
    costs = [12.0, 5.0, 9.0, 7.5, 14.0, 3.0, 8.0]
    team, day = assign_teams(costs, 3)
    loads = [sum(c for c, t in zip(costs, team) if t == k) for k in (1, 2, 3)]
    assert max(loads) <= sum(costs) / 3 + max(costs)  # list scheduling bound
    assert max(loads) - min(loads) <= max(costs)
    for k in (1, 2, 3):
        assert sorted(day[team == k]) == list(range(1, int((team == k).sum()) + 1))
    # brute force over all assignments: LPT is within 4/3 of the best makespan
    best = min(max(sum(c for c, t in zip(costs, a) if t == k) for k in range(3))
               for a in itertools.product(range(3), repeat=len(costs)))
    assert max(loads) <= 4 / 3 * best + 1e-9


def test_bad_parameters_raise():
    grid, hab, ridges, _, _ = parallel_case(pixel=100.0)
    with pytest.raises(ParameterError):
        plan_transects(ridges, hab, grid, budget_km=0, max_day_km=9.0)
    with pytest.raises(ParameterError):
        plan_transects(ridges, hab, grid, budget_km=10, max_day_km=9.0, teams=0)


# --- cameras ------------------------------------------------------------------------------------------------

def camera_case():
    grid = Grid(X0, Y0 + 20000.0, 100.0, 200, 200, CRS)
    xs, ys = grid.centres()
    hab = np.zeros(grid.shape)
    hab[:, xs < X0 + 12000] = 0.8  # the western 12 km suitable
    hab[:, xs < X0 + 2000] = 0.3  # but not the far west
    ridges = [LineString([(X0 + 1000, Y0 + 5000 + 5000 * k), (X0 + 19000, Y0 + 5000 + 5000 * k)]) for k in range(3)]
    return grid, hab, ridges


def test_cameras_in_habitat_spaced_and_deterministic():
    grid, hab, ridges = camera_case()
    existing = gpd.GeoDataFrame(geometry=[Point(X0 + 6000, Y0 + 10000)], crs=CRS)
    a = plan_cameras(hab, grid, 8, ridges=ridges, sigma=3000, min_spacing=3000, existing=existing,
                     existing_ids=["C07"])
    b = plan_cameras(hab, grid, 8, ridges=ridges, sigma=3000, min_spacing=3000, existing=existing,
                     existing_ids=["C07"])
    s = a.stations
    assert len(s) == 9 and not a.warnings
    assert s.iloc[0]["station_id"] == "C07" and s.iloc[0]["existing"] == 1 and (s["existing"][1:] == 0).all()
    assert list(s.geometry.x) == list(b.stations.geometry.x) and list(s.geometry.y) == list(b.stations.geometry.y)
    xy = np.column_stack([s.geometry.x, s.geometry.y])
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 3000 - 1e-6
    assert np.allclose(s["nearest_m"], d.min(axis=1))
    new = xy[1:]
    assert ((new[:, 0] >= X0 + 2000) & (new[:, 0] <= X0 + 12000)).all()  # suitable habitat only
    assert (s["suitability"][1:] >= 0.5).all()
    assert s["on_ridge"][1:].mean() >= 0.75  # weighted toward the ridges


def test_cameras_too_many_for_the_spacing_warn_and_place_what_fits():
    grid, hab, ridges = camera_case()
    plan = plan_cameras(hab, grid, 100, ridges=ridges, sigma=3000, min_spacing=5000)
    # suitable strip 10 km x 20 km: at 5 km spacing a packing holds at most ~ (10/5+1) * (20/5+1) = 15
    assert 0 < len(plan.stations) <= 15 and plan.warnings
    xy = np.column_stack([plan.stations.geometry.x, plan.stations.geometry.y])
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 5000 - 1e-6


def test_cameras_never_in_excluded_area():
    grid, hab, ridges = camera_case()
    zone = gpd.GeoDataFrame(geometry=[box(X0, Y0 + 8000, X0 + 20000, Y0 + 20000)], crs=CRS)
    plan = plan_cameras(hab, grid, 6, ridges=ridges, min_spacing=2000, exclude=zone)
    assert len(plan.stations) == 6
    assert not any(zone.geometry[0].intersects(p) for p in plan.stations.geometry)


# --- planned against walked ---------------------------------------------------------------------------------

def test_walked_share_half_and_offplan_part():
    plan = gpd.GeoDataFrame({"transect_id": [1, 2]}, geometry=[
        LineString([(X0, Y0), (X0 + 10000, Y0)]), LineString([(X0, Y0 + 5000), (X0 + 4000, Y0 + 5000)])], crs=CRS)
    routes = gpd.GeoDataFrame({"route_id": ["01", "02"]}, geometry=[
        LineString([(X0, Y0 + 20), (X0 + 5000, Y0 + 20)]),  # half of transect 1, 20 m off its line
        LineString([(X0 + 20000, Y0), (X0 + 23000, Y0)]),  # off the plan
    ], crs=CRS)
    out, off = compare_plan(plan, routes, 50.0)
    # the route 20 m off the line reaches sqrt(50² - 20²) m beyond its end
    assert out["walked_share"].tolist() == pytest.approx([(5000 + math.sqrt(50 ** 2 - 20 ** 2)) / 10000, 0.0])
    assert list(off["route_id"]) == ["02"] and off["offplan_km"].iloc[0] == pytest.approx(3.0)


def test_walked_share_exactly_half():
    plan = gpd.GeoDataFrame(geometry=[LineString([(X0, Y0), (X0 + 10000, Y0)])], crs=CRS)
    routes = gpd.GeoDataFrame(geometry=[LineString([(X0 - 3000, Y0), (X0 + 5000, Y0)])], crs=CRS)
    out, off = compare_plan(plan, routes, 50.0)
    assert out["walked_share"].iloc[0] == pytest.approx(0.5 + 50 / 10000)  # the round end reaches 50 m further
    assert off["offplan_km"].iloc[0] == pytest.approx(2.95, abs=1e-6)  # 3 km before the plan, minus 50 m


# --- GPX ----------------------------------------------------------------------------------------------------

def test_team_gpx_files_readable_with_russian_names(tmp_path):
    from osgeo import ogr

    grid, hab, ridges, full, _ = parallel_case(pixel=100.0)
    plan = plan_transects(ridges, hab, grid, budget_km=30, max_day_km=9.0, teams=2, half_width=100.0)
    paths = write_team_gpx(plan.transects, str(tmp_path), language="ru")
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["plan_team_1.gpx", "plan_team_2.gpx"]
    from pyproj import Transformer

    back = Transformer.from_crs("EPSG:4326", CRS, always_xy=True)
    for team, path in enumerate(paths, start=1):
        ds = ogr.Open(path)
        layer = ds.GetLayerByName("tracks")
        rows = plan.transects[plan.transects["team"] == team].sort_values("day")
        assert layer.GetFeatureCount() == len(rows)
        for feature, (_, row) in zip(layer, rows.iterrows()):
            assert feature.GetField("name") == f"Трансекта {row['transect_id']}, группа {team}, день {row['day']}"
            geom = feature.GetGeometryRef().GetGeometryRef(0)
            lon, lat = geom.GetX(0), geom.GetY(0)
            x, y = back.transform(lon, lat)
            assert math.hypot(x - row.geometry.coords[0][0], y - row.geometry.coords[0][1]) < 0.05


def test_team_gpx_folder_is_checked_and_old_team_files_go(tmp_path):
    """A second plan with fewer teams leaves no file of the first plan's extra teams; a folder that cannot be
    made says so instead of a traceback."""
    from snowleopard_plugin.core.exceptions import InputError

    line = LineString([(X0, Y0), (X0 + 1000.0, Y0)])
    frame = gpd.GeoDataFrame({"transect_id": [1, 2, 3], "team": [1, 2, 3], "day": [1, 1, 1],
                              "surface_km": [1.0] * 3, "length_km": [1.0] * 3, "ascent_m": [0.0] * 3,
                              "locked": [0] * 3}, geometry=[line] * 3, crs=CRS)
    folder = tmp_path / "gpx"
    write_team_gpx(frame, str(folder))
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write_team_gpx(frame.iloc[:1], str(folder))
    assert sorted(os.listdir(folder)) == ["notes.txt", "plan_team_1.gpx"]
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="GPX folder"):
        write_team_gpx(frame, str(blocker / "gpx"))


def test_search_half_width_beyond_any_field_meaning_is_refused():
    """A half-width of kilometres (a typo, or metres read as km) would make the exact geometry of compare and
    plans grow until the machine runs out of memory; it is refused up front with the limit named."""
    line = gpd.GeoDataFrame(geometry=[LineString([(X0, Y0), (X0 + 1000.0, Y0)])], crs=CRS)
    with pytest.raises(ParameterError, match="at most 500 m"):
        compare_plan(line, line, 5000.0)
    walked, _ = compare_plan(line, line, 500.0)
    assert walked["walked_share"].iloc[0] == pytest.approx(1.0)


def test_gpx_names_escaped(tmp_path):
    from osgeo import ogr

    path = tmp_path / "t.gpx"
    path.write_text(gpx_text([{"name": 'Ridge <A> & "B"', "lonlat": np.array([[88.5, 49.9], [88.51, 49.91]]),
                               "ele": np.array([2500.0, np.nan])}]), encoding="utf-8")
    ds = ogr.Open(str(path))
    feature = ds.GetLayerByName("tracks").GetNextFeature()
    assert feature.GetField("name") == 'Ridge <A> & "B"'
    pts = ds.GetLayerByName("track_points")
    assert pts.GetFeatureCount() == 2 and pts.GetNextFeature().GetField("ele") == pytest.approx(2500.0)
