"""The fast paths of the terrain -> habitat -> coverage -> gaps chain give the same answers as the exact rules."""

import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString, box
from shapely.ops import unary_union

from snowleopard_plugin.core.analysis.coverage import point_segment_d2
from snowleopard_plugin.core.analysis.gaps import coverage_gaps, near_effort, near_mask, ridge_km_in_labels
from snowleopard_plugin.core.raster import Grid

CRS = "EPSG:32645"


def brute_near(grid, segs, distance):
    """The rule itself, cell by cell: centre within ``distance`` of a segment (numpy over all cells x segments)."""
    xs, ys = grid.centres()
    px, py = np.meshgrid(xs, ys)
    out = np.zeros(grid.shape, bool)
    for s in segs:
        out |= point_segment_d2(px, py, s[0], s[1], s[2], s[3]) <= distance * distance
    return out


def random_walk(rng, n, start, step):
    return np.cumsum(rng.normal(0, step, (n, 2)), axis=0) + start


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("factor", [1, 2, 3])
def test_near_mask_matches_the_rule_cell_by_cell(seed, factor):
    rng = np.random.default_rng(seed)
    p = [10.0, 30.0, 7.0, 25.0][seed]
    grid = Grid(500.0, 9000.0, p, 83, 71, CRS)
    xy = random_walk(rng, 60, (500 + 40 * p, 9000 - 35 * p), 2 * p)
    segs = np.hstack([xy[:-1], xy[1:]])
    # a point (station), a long segment crossing the grid and one mostly outside it
    segs = np.vstack([segs, [[500 + 5 * p, 9000 - 60 * p] * 2], [[0, 9000 - 70 * p, 500 + 90 * p, 9000]],
                      [[-5000, 9500, 500 + 3 * p, 9000 + 2 * p]]])
    distance = p * (4 + 9 * rng.random())
    got = near_mask(grid, segs, distance, factor=factor)
    want = brute_near(grid, segs, distance)
    assert got is not None and want.sum() > 500 and (~want).sum() > 500
    assert (got == want).all()


def test_near_mask_cells_exactly_at_the_distance_are_near():
    # a route through the centres of column 50; cells 10 columns (300 m) away are exactly at the distance
    grid = Grid(0.0, 3000.0, 30.0, 100, 100, CRS)
    x_route = 50.5 * 30.0  # the centre of column 50
    segs = np.array([[x_route, -100.0, x_route, 3100.0]])
    got = near_mask(grid, segs, 300.0)
    # columns 40..60 have centres 300 m or less from the route (40 and 60 exactly 300 m)
    assert got.all(axis=0).tolist() == [40 <= c <= 60 for c in range(100)]
    got2 = near_mask(grid, segs, 300.0 - 1e-3)
    assert got2.all(axis=0).tolist() == [41 <= c <= 59 for c in range(100)]


def test_near_effort_fast_path_agrees_with_the_per_row_path():
    # max_distance spans many cells (fast path) vs the per-row capsule path (forced by a huge minimum)
    import snowleopard_plugin.core.analysis.gaps as gaps_mod

    rng = np.random.default_rng(11)
    grid = Grid(0.0, 6000.0, 30.0, 200, 200, CRS)
    routes = [random_walk(rng, 300, (3000, 3000), 20.0), random_walk(rng, 200, (1000, 4500), 40.0)]
    stations = np.array([[5500.0, 800.0], [200.0, 200.0]])
    fast = near_effort(grid, routes, stations, 1000.0)
    old = gaps_mod.FAST_MIN_CELLS
    try:
        gaps_mod.FAST_MIN_CELLS = 1e9
        slow = near_effort(grid, routes, stations, 1000.0)
    finally:
        gaps_mod.FAST_MIN_CELLS = old
    assert fast.sum() > 1000 and (fast == slow).all()


def test_ridge_km_in_labels_equals_polygon_intersection():
    rng = np.random.default_rng(3)
    grid = Grid(0.0, 600.0, 10.0, 60, 60, CRS)
    labels = np.zeros(grid.shape, np.int32)
    labels[5:30, 5:25] = 1
    labels[35:55, 30:58] = 2
    labels[40:45, 10:15] = 3
    lines = [LineString(random_walk(rng, 40, (300, 300), 25.0)) for _ in range(5)]
    lines.append(LineString([(0, 450), (600, 450)]))  # along a cell edge: row 15's top edge, inside label 1 area
    lines.append(LineString([(50, 0), (50, 600)]))  # along the left edge of label 1 (x = 50)
    lines.append(LineString([(0, 200), (300, 200)]))  # along the top edge of label 3 (y = 200)
    lines.append(MultiLineString([[(300, 250), (580, 250)], [(-100, 100), (700, 130)]]))
    got = ridge_km_in_labels(lines, labels, grid, 3)
    for lab in (1, 2, 3):
        rows, cols = np.nonzero(labels == lab)
        region = unary_union([box(c * 10.0, 600 - (r + 1) * 10.0, (c + 1) * 10.0, 600 - r * 10.0)
                              for r, c in zip(rows, cols)])
        want = sum(g.intersection(region).length for g in lines) / 1000.0
        assert want > 0
        assert got[lab] == pytest.approx(want, rel=1e-9, abs=1e-12)


def test_gaps_at_large_distance_are_habitat_minus_exact_near_cells():
    rng = np.random.default_rng(5)
    grid = Grid(0.0, 9000.0, 30.0, 300, 300, CRS)
    habitat = np.clip(rng.random(grid.shape) * 0.3 + np.linspace(0, 1, 300)[None, :], 0, 1)
    routes = [random_walk(rng, 400, (4500, 4500), 15.0)]
    gaps = coverage_gaps(habitat, grid, routes=routes, max_distance=2000.0, threshold=0.5)
    segs = np.hstack([routes[0][:-1], routes[0][1:]])
    expected_cells = ((habitat >= 0.5) & ~brute_near(grid, segs, 2000.0)).sum()
    assert gaps["area_km2"].sum() == pytest.approx(expected_cells * 0.03 * 0.03)


def test_bounded_ridge_distance_is_exact_up_to_its_bound(monkeypatch):
    import snowleopard_plugin.core.analysis.habitat as habitat_mod
    from snowleopard_plugin.core.analysis.habitat import ridge_distance

    grid = Grid(0.0, 3000.0, 10.0, 41, 300, CRS)  # 300 rows x 41 columns
    lines = [LineString([(5, 2995), (405, 2600)]), LineString([(200, 1200), (210, 1190)])]
    # brute force: distance between cell centres and the centres of the cells the lines cross (all touched)
    from rasterio.features import rasterize

    on = rasterize(((g, 1) for g in lines), out_shape=grid.shape, transform=grid.transform, all_touched=True,
                   dtype="uint8").astype(bool)
    rr, cc = np.nonzero(on)
    r, c = np.mgrid[0:300, 0:41]
    brute = np.sqrt(((r[..., None] - rr) ** 2 + (c[..., None] - cc) ** 2).min(axis=2)) * 10.0
    monkeypatch.setattr(habitat_mod, "_EDT_BLOCK_ROWS", 16)  # many blocks
    got = ridge_distance(lines, grid, max_distance=500.0)
    near = brute <= 500.0
    assert near.sum() > 1000 and (~near).sum() > 1000
    assert np.array_equal(got[near], brute[near])
    assert np.isinf(got[~near]).all()
    assert np.array_equal(ridge_distance(lines, grid), brute)


def test_trace_of_a_hand_drawn_skeleton():
    from snowleopard_plugin.core.analysis.ridges import _trace

    skel = np.zeros((30, 40), bool)
    skel[5, 5:26] = True  # a T: bar from (5, 5) to (5, 25) ...
    skel[6:16, 15] = True  # ... and a stem down from (5, 15) to (15, 15)
    skel[20, 30:36] = True  # a ring: square of side 6
    skel[25, 30:36] = True
    skel[20:26, 30] = True
    skel[20:26, 35] = True
    skel[27, 5] = True  # a lone cell
    edges = _trace(skel)
    assert len(edges) == 5
    by_kind = sorted((e.u[0], e.v[0], round(e.length(), 6)) for e in edges)
    # three arms of 10 cells from the junction (5, 15) to the ends; the ring closes on itself (20 cells); the dot
    assert by_kind == [("e", "e", 0.0), ("e", "e", 20.0), ("j", "e", 10.0), ("j", "e", 10.0), ("j", "e", 10.0)]
    ring = [e for e in edges if e.length() == 20.0][0]
    assert ring.pts[0] == ring.pts[-1] == (20.0, 30.0) and len(set(ring.pts)) == 20
    for e in edges:
        steps = np.abs(np.diff(np.asarray(e.pts), axis=0))
        assert (steps.max(axis=1, initial=0) <= 1).all()  # neighbouring cells only


def test_smoothing_shortcut_equals_the_general_rule():
    from scipy import ndimage

    from snowleopard_plugin.core.analysis.ridges import _smooth

    z = np.random.default_rng(2).normal(2000, 300, (50, 60))
    want = ndimage.gaussian_filter(z, 1.3, mode="nearest") / ndimage.gaussian_filter(np.ones_like(z), 1.3,
                                                                                    mode="nearest")
    assert np.array_equal(_smooth(z, 1.3), want)


@pytest.mark.parametrize("combine", ["geometric", "product", "min"])
def test_habitat_in_row_blocks_equals_the_whole_grid_scores(monkeypatch, combine):
    import dataclasses
    import math

    import snowleopard_plugin.core.analysis.habitat as habitat_mod
    from snowleopard_plugin.core.analysis.habitat import (
        ALTAI_DEFAULTS,
        Ramp,
        _combine,
        habitat_from_dem,
        habitat_scores,
    )

    rng = np.random.default_rng(4)
    grid = Grid(0.0, 6010.0, 10.0, 70, 601, CRS)  # 601 rows: the last block is a single row
    y, x = np.mgrid[0:601, 0:70]
    dem = 2500 + 600 * np.sin(y / 40.0) * np.cos(x / 25.0) + rng.normal(0, 3, (601, 70))
    dem[100:140, 20:40] = np.nan  # nodata patches, one of them a whole band of rows
    dem[300:330, :] = np.nan
    ridges = [LineString([(0, 3000), (700, 3400)]), LineString([(350, 6010), (350, 0)])]
    rules = dataclasses.replace(ALTAI_DEFAULTS, combine=combine,
                                ridge_distance_m=Ramp(-math.inf, -math.inf, 100.0, 400.0, floor=0.3))
    monkeypatch.setattr(habitat_mod, "_STREAM_BLOCK_ROWS", 7)
    monkeypatch.setattr(habitat_mod, "_EDT_BLOCK_ROWS", 5)
    got = habitat_from_dem(dem, grid, rules, ridges)
    want = np.clip(_combine(habitat_scores(dem, grid, rules, ridges), rules), 0, 1)
    assert np.array_equal(np.isnan(got), np.isnan(want)) and np.isnan(got).sum() >= 30 * 70
    assert np.nanmax(np.abs(got - want)) < 1e-9
    assert 0.05 < np.nanmean(got) < 0.95
