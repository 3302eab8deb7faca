"""Survey coverage: searched cells, camera trap-nights, surface length, effort grid, ridge walked share."""

import math

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from snowleopard_plugin.core.analysis.coverage import (
    camera_trap_nights,
    coverage_raster,
    effort_grid,
    ridge_walked_share,
    searched_cells,
    split_segments_on_grid,
    surface_length,
)
from snowleopard_plugin.core.exceptions import CrsError, InputError, ParameterError
from snowleopard_plugin.core.raster import Grid

CRS = "EPSG:32645"


def brute_force(grid, segments, r):
    """Independent check: shapely distance from every cell centre to every segment."""
    xs, ys = grid.centres()
    out = np.zeros(grid.shape, bool)
    lines = [LineString([(s[0], s[1]), (s[2], s[3])]) if (s[0], s[1]) != (s[2], s[3]) else Point(s[0], s[1])
             for s in segments]
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            p = Point(x, y)
            out[i, j] = any(line.distance(p) <= r for line in lines)
    return out


def brute_force_np(grid, segments, r):
    """Independent vectorised check by projection onto each segment (for the larger random tests)."""
    xs, ys = grid.centres()
    X, Y = np.meshgrid(xs, ys)
    out = np.zeros(grid.shape, bool)
    for x1, y1, x2, y2 in segments:
        vx, vy = x2 - x1, y2 - y1
        ll = vx * vx + vy * vy
        t = np.zeros_like(X) if ll == 0 else np.clip(((X - x1) * vx + (Y - y1) * vy) / ll, 0, 1)
        out |= np.hypot(X - (x1 + t * vx), Y - (y1 + t * vy)) <= r
    return out


def test_horizontal_route_hand_counts():
    # 10 m grid, rows centred at y = 195, 185, ..., 5; route at y = 105, half-width 20 m:
    # centres at y = 85, 95, 105, 115, 125 are within 20 m (85 and 125 exactly on the edge) -> 5 rows.
    grid = Grid(0.0, 200.0, 10.0, 20, 20, CRS)
    mask = searched_cells(np.array([[0.0, 105.0], [200.0, 105.0]]), grid, 20.0)
    assert mask.sum(axis=0).tolist() == [5] * 20
    rows = np.flatnonzero(mask.any(axis=1))
    _, ys = grid.centres()
    assert sorted(ys[rows].tolist()) == [85.0, 95.0, 105.0, 115.0, 125.0]


def test_route_ending_inside_grid_has_round_cap():
    # route from x=0 to x=100 at y=105; half-width 20: past the end the cap is round.
    grid = Grid(0.0, 200.0, 10.0, 20, 20, CRS)
    mask = searched_cells(np.array([[0.0, 105.0], [100.0, 105.0]]), grid, 20.0)
    per_col = mask.sum(axis=0)
    # column centres 5..95: 5 rows; 105: dx=5, |dy|<=sqrt(375)=19.4 -> rows 95,105,115 -> 3... plus 85/125? no
    assert per_col[:10].tolist() == [5] * 10
    assert per_col[10] == 3  # centre x=105: dy in {-10, 0, 10}
    assert per_col[11] == 3  # x=115: dx=15, |dy|<=13.2 -> {-10, 0, 10}
    assert per_col[12] == 0  # x=125: dx=25 > 20
    assert mask.sum() == 56


def test_diagonal_route_matches_brute_force():
    grid = Grid(500.0, 1500.0, 10.0, 40, 35, CRS)
    route = LineString([(480, 1160), (700, 1480), (910, 1300)])
    mask = searched_cells(gpd.GeoDataFrame(geometry=[route], crs=CRS), grid, 27.5)
    coords = np.asarray(route.coords)
    segs = np.hstack([coords[:-1], coords[1:]])
    expected = brute_force(grid, segs, 27.5)
    assert expected.sum() > 100
    assert (mask != expected).sum() == 0


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_random_segments_zero_misclassified(seed):
    rng = np.random.default_rng(seed)
    grid = Grid(1000.0, 5000.0, 7.5, 150, 120, CRS)
    n = 40
    segs = np.column_stack([rng.uniform(950, 2200, n), rng.uniform(4050, 5050, n),
                            rng.uniform(950, 2200, n), rng.uniform(4050, 5050, n)])
    segs[:5, 3] = segs[:5, 1]  # some horizontal
    segs[5:10, 2] = segs[5:10, 0]  # some vertical
    segs[10:12, 2:] = segs[10:12, :2]  # two points
    segs[12:20, 2:] = segs[12:20, :2] + rng.normal(0, 3, (8, 2))  # very short, GPS-like
    r = rng.uniform(3, 60)
    mask = searched_cells([np.array([[s[0], s[1]], [s[2], s[3]]]) for s in segs], grid, r)
    expected = brute_force_np(grid, segs, r)
    assert (mask != expected).sum() == 0


def test_random_walk_route_zero_misclassified():
    rng = np.random.default_rng(7)
    xy = np.cumsum(rng.normal(0, 12, (3000, 2)), axis=0) + [600, 600]
    grid = Grid(0.0, 1200.0, 10.0, 120, 120, CRS)
    mask = searched_cells(xy, grid, 15.0)
    expected = brute_force_np(grid, np.hstack([xy[:-1], xy[1:]]), 15.0)
    assert (mask != expected).sum() == 0


def test_camera_trap_nights_weighted_by_stations():
    grid = Grid(0.0, 100.0, 10.0, 10, 10, CRS)
    stations = gpd.GeoDataFrame({"trap_nights": [30.0, 12.0]},
                                geometry=[Point(25, 75), Point(45, 75)], crs=CRS)
    tn = camera_trap_nights(stations, "trap_nights", grid, 15.0)
    xs, ys = grid.centres()
    X, Y = np.meshgrid(xs, ys)
    expected = 30 * (np.hypot(X - 25, Y - 75) <= 15) + 12 * (np.hypot(X - 45, Y - 75) <= 15)
    np.testing.assert_allclose(tn, expected)
    # cell centred (35, 75) is 10 m from both stations: 42 trap-nights; (15, 75) only the first
    assert tn[2, 3] == 42.0 and tn[2, 1] == 30.0 and tn[2, 5] == 12.0 and tn[2, 6] == 0.0
    # station on a cell centre, radius 15 m, 10 m cells: the 3 x 3 block of centres (corners at 14.1 m) -> 9 cells
    assert (tn == 30).sum() + (tn == 42).sum() == 9


def test_coverage_codes():
    grid = Grid(0.0, 100.0, 10.0, 10, 10, CRS)
    codes, tn = coverage_raster(grid, routes=[np.array([[0.0, 55.0], [100.0, 55.0]])], half_width=5.0,
                                stations=np.array([[85.0, 15.0], [55.0, 55.0]]), trap_nights=[10, 20], radius=10.0)
    # rows centred at y = 95, 85, ..., 5: only row 4 (y = 55) is within 5 m of the route
    assert codes[4, 0] == 1 and codes[3, 0] == 0 and codes[5, 0] == 0 and codes[9, 9] == 0
    assert ((codes & 1) == 1).sum() == 10
    assert codes[8, 8] == 2 and tn[8, 8] == 10  # centre (85, 15) is the station
    assert codes[4, 5] == 3 and tn[4, 5] == 20  # centre (55, 55) is on the route and the second station
    assert codes[3, 5] == 2 and codes[4, 4] == 3 and codes[4, 3] == 1  # 10 m from the station; 20 m from it


def test_surface_length_on_tilted_plane():
    angle = math.radians(30)
    grid = Grid(0.0, 2000.0, 25.0, 80, 80, CRS)
    xs, ys = grid.centres()
    dem = np.tan(angle) * np.broadcast_to(xs[None, :], grid.shape) + 1500.0
    # up the slope (along x): length / cos(angle)
    km = surface_length(np.array([[100.0, 1000.0], [1700.0, 1000.0]]), dem, grid)
    assert km == pytest.approx(1.6 / math.cos(angle), rel=1e-9)
    # across the slope (along y): flat
    assert surface_length(LineString([(500, 200), (500, 1900)]), dem, grid) == pytest.approx(1.7, rel=1e-9)
    # diagonal at 45 degrees to the slope: dz = tan(a) * dx over planar length L
    L = 1000.0 * math.sqrt(2)
    expected = math.hypot(L, math.tan(angle) * 1000.0) / 1000.0
    assert surface_length(np.array([[300.0, 300.0], [1300.0, 1300.0]]), dem, grid) == pytest.approx(expected, 1e-9)


def test_split_segments_on_grid_lengths():
    segs = np.array([[150.0, 950.0, 2950.0, 50.0]])
    pieces, _ = split_segments_on_grid(segs, 0.0, 1000.0, 1000.0)
    lengths = np.hypot(pieces[:, 2] - pieces[:, 0], pieces[:, 3] - pieces[:, 1])
    assert lengths.sum() == pytest.approx(math.hypot(2800, 900))
    assert len(pieces) == 3  # crosses x = 1000 and x = 2000 only


def test_effort_grid_hand_placed_route():
    # 2 km cells from (0, 0) to (6000, 4000); a route from (1000, 1000) east to (5000, 1000) then north to 3000.
    route = LineString([(1000, 1000), (5000, 1000), (5000, 3000)])
    routes = gpd.GeoDataFrame({"route_id": ["A"], "date": ["2024-02-10"]}, geometry=[route], crs=CRS)
    back = gpd.GeoDataFrame({"route_id": ["A", "B"], "date": ["2024-02-11", "2024-02-11"]},
                            geometry=[LineString([(4500, 500), (5500, 500)]), LineString([(100, 100), (300, 100)])],
                            crs=CRS)
    routes = gpd.GeoDataFrame(gpd.pd.concat([routes, back], ignore_index=True), crs=CRS)
    cams = gpd.GeoDataFrame({"trap_nights": [50.0, 20.0, 5.0]},
                            geometry=[Point(4100, 3900), Point(4200, 2100), Point(500, 3500)], crs=CRS)
    obs = gpd.GeoDataFrame(geometry=[Point(1500, 1000), Point(1600, 1000), Point(4999, 2500)], crs=CRS)
    dets = gpd.GeoDataFrame(geometry=[Point(4100, 3900)] * 4, crs=CRS)
    out = effort_grid(2000.0, routes, cams, obs, dets, extent=(0, 0, 6000, 4000))
    cell = {(r, c): row for r, c, row in zip(out["row"], out["col"], out.itertuples())}
    # rows from the north: row 0 is y 2000..4000, row 1 is y 0..2000
    assert cell[(1, 0)].km_walked == pytest.approx(1.0 + 0.2)  # x 1000..2000 plus route B
    assert cell[(1, 1)].km_walked == pytest.approx(2.0)
    assert cell[(1, 2)].km_walked == pytest.approx(1.0 + 1.0 + 1.0)  # x 4000..5000, north to 2000, A day 2
    assert cell[(0, 2)].km_walked == pytest.approx(1.0)
    assert out["km_walked"].sum() == pytest.approx(routes.length.sum() / 1000)
    assert cell[(1, 0)].visits == 2 and cell[(1, 2)].visits == 2 and cell[(1, 1)].visits == 1
    assert cell[(0, 2)].trap_nights == 70.0 and cell[(0, 0)].trap_nights == 5.0
    assert cell[(1, 0)].signs == 2 and cell[(0, 2)].signs == 1  # (4999, 2500) is in cell x 4000..6000
    assert cell[(0, 2)].detections == 4
    assert (0, 1) not in cell  # no effort there: dropped by default
    assert out.geometry.iloc[0].equals(box(*out.geometry.iloc[0].bounds))
    assert cell[(0, 2)].cell_id == 3  # row-major from the north-west cell, 1-based
    full = effort_grid(2000.0, routes, cams, obs, dets, extent=(0, 0, 6000, 4000), keep_empty=True)
    assert len(full) == 6 and full.geometry.area.sum() == pytest.approx(24e6)
    assert np.isnan(out["surface_km"]).all()


def test_effort_grid_total_km_random_routes_and_surface():
    rng = np.random.default_rng(3)
    lines = [LineString(np.cumsum(rng.normal(0, 80, (300, 2)), axis=0) + 10000) for _ in range(5)]
    routes = gpd.GeoDataFrame({"route_id": list("abcde")}, geometry=lines, crs=CRS)
    grid = Grid(0.0, 20000.0, 50.0, 400, 400, CRS)
    xs, ys = grid.centres()
    angle = math.radians(20)
    dem = np.tan(angle) * np.broadcast_to(ys[:, None], grid.shape)  # slope along y
    out = effort_grid(2000.0, routes, dem=dem, dem_grid=grid)
    assert out["km_walked"].sum() == pytest.approx(routes.length.sum() / 1000, rel=1e-12)
    expected_surface = sum(surface_length(line, dem, grid) for line in lines)
    assert out["surface_km"].sum() == pytest.approx(expected_surface, rel=1e-9)
    # against shapely clipping per cell
    for row in out.itertuples():
        assert row.km_walked == pytest.approx(routes.intersection(row.geometry).length.sum() / 1000, abs=1e-9)


def test_ridge_walked_share_half():
    ridges = gpd.GeoDataFrame({"segment_id": [1, 2, 3]},
                              geometry=[LineString([(0, 0), (1000, 0)]), LineString([(0, 500), (400, 500)]),
                                        LineString([(0, 2000), (300, 2000), (300, 2300)])], crs=CRS)
    # a route 10 m north of ridge 1 from x=-500 to x=500-sqrt(20^2-10^2)
    end = 500 - math.sqrt(20 ** 2 - 10 ** 2)
    routes = gpd.GeoDataFrame(geometry=[LineString([(-500, 10), (end, 10)]),
                                        LineString([(300, 2150), (300, 2600)])], crs=CRS)
    out = ridge_walked_share(ridges, routes, 20.0)
    assert out["walked_share"].tolist()[0] == pytest.approx(0.5, abs=1e-9)
    assert out["walked_share"].tolist()[1] == 0.0
    # ridge 3 (600 m): its last 150 m walked along it, plus 20 m before, within the cap around (300, 2150)
    assert out["walked_km"].tolist()[2] == pytest.approx(0.170, abs=1e-9)
    assert out["length_km"].tolist() == pytest.approx([1.0, 0.4, 0.6])


def test_ridge_walked_share_matches_dense_points():
    rng = np.random.default_rng(11)
    ridge = LineString(rng.uniform(0, 3000, (8, 2)))
    route = LineString(np.cumsum(rng.normal(0, 100, (200, 2)), axis=0) + 1500)
    out = ridge_walked_share(gpd.GeoDataFrame(geometry=[ridge], crs=CRS), [route], 60.0)
    # independent: densify the ridge at 0.5 m and test each point with shapely's distance
    n = int(ridge.length / 0.5)
    pts = [ridge.interpolate(d) for d in np.linspace(0, ridge.length, n)]
    share = np.mean([route.distance(p) <= 60.0 for p in pts])
    assert out["walked_share"].iloc[0] == pytest.approx(share, abs=2e-3)


def test_bad_inputs():
    grid = Grid(0.0, 100.0, 10.0, 10, 10, CRS)
    with pytest.raises(InputError, match="no lines"):
        searched_cells(gpd.GeoDataFrame(geometry=[], crs=CRS), grid, 10)
    with pytest.raises(InputError, match="do not overlap"):
        searched_cells(np.array([[5000.0, 5000.0], [6000.0, 5000.0]]), grid, 10)
    with pytest.raises(ParameterError, match="half-width"):
        searched_cells(np.array([[0.0, 50.0], [60.0, 50.0]]), grid, 0)
    with pytest.raises(CrsError, match="geographic"):
        searched_cells(gpd.GeoDataFrame(geometry=[LineString([(87, 50), (88, 50)])], crs="EPSG:4326"), grid, 10)
    with pytest.raises(CrsError, match="geographic"):
        searched_cells(np.array([[0.0, 50.0], [60.0, 50.0]]), Grid(0, 1, 0.001, 10, 10, "EPSG:4326"), 10)
    with pytest.raises(InputError, match="no stations"):
        camera_trap_nights(np.zeros((0, 2)), [], grid, 10)
    with pytest.raises(InputError, match="No survey data"):
        effort_grid(2000.0)
    with pytest.raises(InputError, match="No survey effort"):
        coverage_raster(grid)
