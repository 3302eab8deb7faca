"""Heatmaps: kernel density, route-length density, effort correction and camera rates.

The reference is a brute-force evaluation of the kernel sum at every pixel centre, written here
from the kernel formulas (independently of snowleopard_plugin.core.analysis.density).
"""

import math

import numpy as np
import pytest

from snowleopard_plugin.core.analysis import density as D
from snowleopard_plugin.core.exceptions import CrsError, InputError, ParameterError
from snowleopard_plugin.core.raster import Grid

KERNELS = [(0, 0.0), (1, 0.0), (1, 0.5), (2, 0.0), (3, 0.0), (4, 0.0)]


def exact_kernel_sum(x, y, w, radii, grid, kernel, decay=0.0):
    """Sum of w_i K(|c - p_i|) at every pixel centre c, per km² (brute force)."""
    xs = grid.x0 + (np.arange(grid.width) + 0.5) * grid.pixel
    ys = grid.y0 - (np.arange(grid.height) + 0.5) * grid.pixel
    cx, cy = np.meshgrid(xs, ys)
    out = np.zeros((grid.height, grid.width))
    for xi, yi, wi, ri in zip(x, y, w, np.broadcast_to(radii, np.shape(x))):
        d = np.hypot(cx - xi, cy - yi)
        u = d / ri
        inside = d <= ri
        area = math.pi * ri ** 2
        if kernel == 0:
            k = 3 / area * (1 - u ** 2) ** 2
        elif kernel == 1:
            k = 3 / ((1 + 2 * decay) * area) * (1 - (1 - decay) * u)
        elif kernel == 2:
            k = np.full_like(u, 1 / area)
        elif kernel == 3:
            k = 4 / area * (1 - u ** 2) ** 3
        else:
            k = 2 / area * (1 - u ** 2)
        out[inside] += wi * k[inside]
    return out * 1e6


def rel_l1(a, b):
    return np.abs(a - b).sum() / np.abs(b).sum()


def clustered_signs(rng, n, centre, spread):
    """Signs clustered around a few spots, as along a ridge (metres)."""
    spots = centre + rng.normal(0, spread, (4, 2))
    pts = spots[rng.integers(0, 4, n)] + rng.normal(0, spread / 3, (n, 2))
    return pts[:, 0], pts[:, 1]


GRID_10M = Grid(500000.0, 5002000.0, 10.0, 200, 200, "EPSG:32645")


@pytest.mark.parametrize(("kernel", "decay"), KERNELS)
@pytest.mark.parametrize(("radius_px", "bound"), [(17, 3e-3), (67, 1e-4)])
def test_fft_path_matches_exact_kernel_sum(kernel, decay, radius_px, bound):
    rng = np.random.default_rng(radius_px + kernel)
    grid = GRID_10M
    radius = radius_px * grid.pixel + 2.7  # not a whole number of pixels
    x, y = clustered_signs(rng, 60, np.array([501000.0, 5001000.0]), 200.0)
    w = rng.uniform(0.5, 3.0, x.size)
    got = D.kernel_density(x, y, grid, radius, weights=w, kernel=kernel, decay=decay, method="fft")
    ref = exact_kernel_sum(x, y, w, radius, grid, kernel, decay)
    assert rel_l1(got, ref) <= bound


@pytest.mark.parametrize(("kernel", "decay"), KERNELS)
@pytest.mark.parametrize(("radius_px", "bound"), [(17, 3e-3), (67, 1e-4)])
def test_fft_path_single_point_worst_offsets(kernel, decay, radius_px, bound):
    """One point, at a pixel corner, an edge middle and a cell centre: the bound holds for each."""
    grid = GRID_10M
    radius = radius_px * grid.pixel
    for fx, fy in [(0.0, 0.0), (0.5, 0.0), (0.5, 0.5), (0.3, 0.8)]:
        x, y = np.array([501000.0 + fx * 10]), np.array([5001000.0 - fy * 10])
        got = D.kernel_density(x, y, grid, radius, kernel=kernel, decay=decay, method="fft")
        ref = exact_kernel_sum(x, y, [1.0], radius, grid, kernel, decay)
        assert rel_l1(got, ref) <= bound, (fx, fy)


@pytest.mark.parametrize(("kernel", "decay"), [(0, 0.0), (1, 0.5), (2, 0.0), (3, 0.0)])
@pytest.mark.parametrize(("radius", "bound"), [(172.0, 3e-3), (680.0, 1e-4)])
def test_fft_over_many_tiles_matches_direct_and_is_zero_far_from_signs(kernel, decay, radius, bound):
    """A grid of several FFT tiles (bands of rows binned one at a time): the FFT path agrees with the
    exact direct sum everywhere, and cells farther than the radius (+ 3 pixels of cubic binning
    reach) from every sign are exactly 0, so they show as transparent."""
    from scipy.spatial import cKDTree

    grid = Grid(500000.0, 5011000.0, 10.0, 1100, 1050, "EPSG:32645")
    rng = np.random.default_rng(21)
    spots = np.array([[502000.0, 5006300.0], [504700.0, 5004700.0], [508200.0, 5009500.0], [507000.0, 5001500.0]])
    pts = spots[rng.integers(0, 3, 300)] + rng.normal(0, 400.0, (300, 2))
    pts = np.vstack([pts, spots[3]])  # one lone sign
    w = rng.uniform(0.5, 2.0, len(pts))
    fft = D.kernel_density(pts[:, 0], pts[:, 1], grid, radius, weights=w, kernel=kernel, decay=decay, method="fft")
    ref = D.kernel_density(pts[:, 0], pts[:, 1], grid, radius, weights=w, kernel=kernel, decay=decay,
                           method="direct")
    assert rel_l1(fft, ref) <= bound
    assert fft.sum() == pytest.approx(ref.sum(), rel=1e-4)  # no point lost or counted twice at band edges
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    dist, _ = cKDTree(pts).query(np.column_stack([cx.ravel(), cy.ravel()]))
    far = dist.reshape(grid.shape) > radius + 3 * grid.pixel
    assert far.sum() > grid.width * grid.height / 4  # plenty of empty land in the test
    assert np.all(fft[far] == 0.0)
    lone = np.hypot(cx - spots[3, 0], cy - spots[3, 1]) < radius / 2
    np.testing.assert_allclose(fft[lone], ref[lone], rtol=2e-2)  # the lone sign keeps its own kernel


@pytest.mark.parametrize(("kernel", "decay"), KERNELS)
def test_direct_path_is_exact(kernel, decay):
    rng = np.random.default_rng(7)
    x, y = clustered_signs(rng, 30, np.array([501000.0, 5001000.0]), 300.0)
    got = D.kernel_density(x, y, GRID_10M, 123.4, kernel=kernel, decay=decay, method="direct")
    ref = exact_kernel_sum(x, y, np.ones(x.size), 123.4, GRID_10M, kernel, decay)
    np.testing.assert_allclose(got, ref, rtol=1e-9, atol=1e-9 * ref.max())


@pytest.mark.parametrize(("kernel", "decay"), KERNELS + [(1, 2.0)])
@pytest.mark.parametrize("method", ["fft", "direct"])
def test_integral_equals_total_weight(kernel, decay, method):
    """Sum over cells × cell area (km²) = total weight, for points well inside the grid."""
    rng = np.random.default_rng(3)
    x = rng.uniform(500600, 501400, 50)
    y = rng.uniform(5000600, 5001400, 50)
    w = rng.integers(1, 5, 50).astype(float)
    got = D.kernel_density(x, y, GRID_10M, 250.0, weights=w, kernel=kernel, decay=decay, method=method)
    cell_km2 = (GRID_10M.pixel / 1000.0) ** 2
    assert got.sum() * cell_km2 == pytest.approx(w.sum(), rel=5e-3)


def test_units_per_km2_hand_worked():
    """One sign, uniform kernel of radius 1 km: 1 / (pi km²) = 0.3183 per km² inside the disc."""
    grid = Grid(0.0, 3000.0, 50.0, 60, 60)
    got = D.kernel_density([1500.0], [1500.0], grid, 1000.0, kernel=D.UNIFORM)
    assert got[29, 29] == pytest.approx(1 / math.pi)
    assert got[0, 0] == 0.0  # corner cell centre is 2.1 km away


def test_per_feature_radii_and_auto_mix():
    rng = np.random.default_rng(11)
    grid = GRID_10M
    x, y = clustered_signs(rng, 400, np.array([501000.0, 5001000.0]), 250.0)
    radii = np.where(np.arange(x.size) < 390, 300.0, 95.0)  # many with one radius, a few with another
    radii[:3] = [150.0, 210.5, 180.0]
    got = D.kernel_density(x, y, grid, radii=radii, kernel=0)
    ref = exact_kernel_sum(x, y, np.ones(x.size), radii, grid, 0)
    assert rel_l1(got, ref) <= 3e-3


def test_weights_equal_repeated_points():
    x = np.array([501000.0, 501200.0, 500900.0])
    y = np.array([5001000.0, 5000950.0, 5001100.0])
    weighted = D.kernel_density(x, y, GRID_10M, 300.0, weights=[3, 1, 2], method="fft")
    repeated = D.kernel_density(np.repeat(x, [3, 1, 2]), np.repeat(y, [3, 1, 2]), GRID_10M, 300.0, method="fft")
    np.testing.assert_allclose(weighted, repeated, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("method", ["fft", "direct"])
def test_points_near_and_beyond_the_grid_edge(method):
    grid = GRID_10M
    x = np.array([499950.0, 501000.0, 500003.0])  # 50 m west of the grid, inside, 3 m inside the west edge
    y = np.array([5001000.0, 5002120.0, 5000004.0])  # ..., 120 m north of the grid, 4 m above the south edge
    for kernel, decay in KERNELS:
        got = D.kernel_density(x, y, grid, 300.0, kernel=kernel, decay=decay, method=method)
        ref = exact_kernel_sum(x, y, np.ones(3), 300.0, grid, kernel, decay)
        assert rel_l1(got, ref) <= 3e-3
        assert got[:, 0].max() > 0 and got[0].max() > 0


def test_line_density_straight_route_hand_worked():
    """A straight 8 km route through cell centres: the integral is 8 km and, away from the ends,
    the density on the line is the kernel's line integral 16 / (5 pi R) (quartic), in km per km²."""
    grid = Grid(0.0, 4000.0, 25.0, 480, 160)
    y_line = 4000.0 - 80.5 * 25.0 + 12.5  # the centre line of row 80
    line = np.array([[1000.0, y_line], [5000.0, y_line], [9000.0, y_line]])
    radius = 1000.0
    dens = D.line_density([line], grid, radius, kernel=D.QUARTIC)
    assert dens.sum() * (0.025 ** 2) == pytest.approx(8.0, rel=5e-3)
    expected = 16 / (5 * math.pi * radius) * 1000.0  # per m of line × 1000 m per km... in km per km²
    assert dens[80, 200] == pytest.approx(expected, rel=1e-3)


def test_effort_corrected_hand_worked():
    """k signs evenly spread along a straight route of L km give k / L signs per km away from its ends."""
    grid = Grid(0.0, 4000.0, 25.0, 480, 160)
    length_km, k = 10.0, 1000
    line = np.array([[1000.0, 2010.0], [11000.0, 2010.0]])
    sx = 1000.0 + (np.arange(k) + 0.5) * (length_km * 1000 / k)
    sy = np.full(k, 2010.0)
    for kernel, decay in KERNELS:
        signs = D.kernel_density(sx, sy, grid, 800.0, kernel=kernel, decay=decay)
        route = D.line_density([line], grid, 800.0, kernel=kernel, decay=decay)
        per_km = D.effort_corrected(signs, route, 800.0, kernel=kernel, decay=decay, min_effort_km=0.1)
        # cells within 400 m of the route, > 1 km from both ends
        xs, ys = grid.centres()
        near = (np.abs(ys - 2010.0) < 400)[:, None] & ((xs > 2000) & (xs < 10000))[None, :]
        np.testing.assert_allclose(per_km[near], k / length_km, rtol=1e-2)
        # far from the route there is no effort: masked
        assert np.isnan(per_km[0, 0])


def test_effective_km_uniform_is_route_km_within_radius():
    grid = Grid(0.0, 4000.0, 20.0, 200, 200)
    line = np.array([[0.0, 2010.0], [4000.0, 2010.0]])
    route = D.line_density([line], grid, 500.0, kernel=D.UNIFORM)
    km = D.effective_km(route, 500.0, kernel=D.UNIFORM)
    # a cell centre 300 m from the line: the chord is 2 sqrt(500² - 300²) = 800 m
    row = int((4000.0 - (2010.0 + 300.0)) / 20.0)
    assert grid.y0 - (row + 0.5) * 20 == pytest.approx(2310.0)
    assert km[row, 100] == pytest.approx(0.8, rel=0.03)  # within one sampling step at each end


def test_camera_rates_per_100_trap_nights():
    rates = D.camera_rates([40, 0, 125], [3, 0, 5])
    assert rates[0] == pytest.approx(7.5)
    assert np.isnan(rates[1])
    assert rates[2] == pytest.approx(4.0)
    per_individual = D.camera_rates([50, 20], [[1, 0], [2, 3]])
    np.testing.assert_allclose(per_individual, [[2.0, 0.0], [10.0, 15.0]])


def test_camera_rate_map_hand_worked():
    grid = Grid(0.0, 6000.0, 100.0, 60, 60, "EPSG:32645")
    sx, sy = [1500.0, 4500.0], [3000.0, 3000.0]
    tn, det = [40.0, 100.0], [4.0, 1.0]
    rate = D.camera_rate_map(sx, sy, tn, det, grid, 1000.0)
    xs, ys = grid.centres()
    col1, row = int(1500 // 100), int((6000 - 3000) // 100)
    # only station 1's kernel reaches its neighbourhood: its own rate, 10 per 100 trap-nights
    assert rate[row, col1] == pytest.approx(10.0)
    assert rate[row, col1 + 5] == pytest.approx(10.0)
    assert rate[row, int(4500 // 100)] == pytest.approx(1.0)
    assert np.isnan(rate[0, 0])  # no station reaches
    # where both reach, the kernel-weighted ratio of sums
    wide = D.camera_rate_map(sx, sy, tn, det, grid, 2500.0, kernel=D.EPANECHNIKOV)
    c = int(3000 // 100)
    d1, d2 = math.hypot(xs[c] - 1500, ys[row] - 3000), math.hypot(xs[c] - 4500, ys[row] - 3000)
    k1, k2 = 1 - (d1 / 2500) ** 2, 1 - (d2 / 2500) ** 2
    assert wide[row, c] == pytest.approx((4 * k1 + 1 * k2) / (40 * k1 + 100 * k2) * 100)
    per_ind = D.camera_rate_map(sx, sy, tn, [[4, 0], [0, 1]], grid, 1000.0)
    assert per_ind.shape == (2, 60, 60)
    assert per_ind[0, row, col1] == pytest.approx(10.0) and per_ind[1, row, col1] == 0.0


def test_camera_rate_map_leaves_out_detections_at_stations_without_effort():
    """A station with detections but no trap-nights (dates missing) near one with 40: the map stays that
    station's 10 per 100, not 5 detections over 40 trap-nights of another station (12.5), nor millions."""
    grid = Grid(0.0, 6000.0, 100.0, 60, 60, "EPSG:32645")
    rate = D.camera_rate_map([1500.0, 1800.0], [3000.0, 3000.0], [40.0, 0.0], [4.0, 1.0], grid, 2000.0,
                             kernel=D.EPANECHNIKOV)
    assert np.nanmax(rate) == pytest.approx(10.0) and np.nanmin(rate) == pytest.approx(10.0)


def test_station_rates_count_detections_without_species_as_the_target():
    """secr capture histories name no species: with the species filter on, they count (as in the season
    summary); another species does not."""
    from snowleopard_plugin.core.analysis.heatmaps import station_rates

    rates = station_rates(["A", "B"], [0.0, 1000.0], [0.0, 0.0], [50.0, 50.0], ["A", "A", "B", "B"],
                          ["x", "y", "", ""], [None, "Panthera uncia", "Capra sibirica", ""], "Panthera uncia")
    assert list(rates.detections) == [2, 1]


def test_grid_for_points_pads_and_snaps():
    grid = D.grid_for_points([1012.0, 2987.0], [5003.0, 5999.0], 500.0, 30.0, "EPSG:32645")
    xmin, ymin, xmax, ymax = grid.extent
    assert xmin <= 512.0 and xmax >= 3487.0 and ymin <= 4503.0 and ymax >= 6499.0
    assert xmin % 30 == 0 and ymax % 30 == 0
    assert xmin > 512.0 - 30 and ymax < 6499.0 + 30


def test_bad_input_is_explained():
    with pytest.raises(InputError, match="empty"):
        D.kernel_density([], [], GRID_10M, 300.0)
    with pytest.raises(ParameterError, match="smaller than the pixel"):
        D.kernel_density([501000.0], [5001000.0], GRID_10M, 5.0)
    with pytest.raises(InputError, match="non-finite"):
        D.kernel_density([501000.0, np.nan], [5001000.0, 5001000.0], GRID_10M, 300.0)
    with pytest.raises(ParameterError, match="decay"):
        D.kernel_density([501000.0], [5001000.0], GRID_10M, 300.0, kernel=1, decay=-1.0)
    with pytest.raises(ParameterError, match="Unknown kernel"):
        D.kernel_density([501000.0], [5001000.0], GRID_10M, 300.0, kernel=7)
    with pytest.raises(ParameterError, match="weight"):
        D.kernel_density([501000.0], [5001000.0], GRID_10M, 300.0, weights=[-1.0])
    with pytest.raises(CrsError, match="geographic"):
        D.check_metric("EPSG:4326")
    with pytest.raises(CrsError, match="degrees"):
        D.check_metric(Grid(86.0, 50.5, 0.001, 100, 100))
    D.check_metric(GRID_10M)  # UTM passes


def test_signs_and_effort_without_overlap():
    grid = Grid(0.0, 4000.0, 25.0, 160, 160)
    signs = D.kernel_density([500.0], [3500.0], grid, 400.0)
    route = D.line_density([np.array([[2000.0, 500.0], [3500.0, 500.0]])], grid, 400.0)
    with pytest.raises(InputError, match="do not overlap"):
        D.effort_corrected(signs, route, 400.0, min_effort_km=0.1)
    with pytest.raises(ParameterError, match="minimum effort"):
        D.effort_corrected(signs, route, 400.0, min_effort_km=50.0)


# ---------------------------------------------------------------------------- float32 results, GeoTIFF


@pytest.mark.parametrize(("kernel", "decay"), KERNELS)
@pytest.mark.parametrize(("method", "radius_px", "bound"), [("fft", 17, 3e-3), ("fft", 67, 1e-4),
                                                            ("direct", 17, 1e-6)])
def test_float32_result_meets_the_same_bounds(kernel, decay, method, radius_px, bound):
    """dtype=float32 (what the heatmap algorithm writes): same accuracy against the exact sum, same
    integral, and the float32 map is the float64 one rounded (sums are formed in float64)."""
    rng = np.random.default_rng(100 + radius_px + kernel)
    grid = GRID_10M
    radius = radius_px * grid.pixel + 2.7
    x, y = clustered_signs(rng, 40, np.array([501000.0, 5001000.0]), 150.0)
    w = rng.uniform(0.5, 3.0, x.size)
    got = D.kernel_density(x, y, grid, radius, weights=w, kernel=kernel, decay=decay, method=method,
                           dtype=np.float32)
    wide = D.kernel_density(x, y, grid, radius, weights=w, kernel=kernel, decay=decay, method=method)
    assert got.dtype == np.float32 and wide.dtype == np.float64
    ref = exact_kernel_sum(x, y, w, radius, grid, kernel, decay)
    assert rel_l1(got.astype(np.float64), ref) <= bound
    np.testing.assert_allclose(got, wide, rtol=1e-6, atol=1e-6 * wide.max())
    assert np.array_equal(got == 0, wide == 0)  # the same cells are exactly 0


@pytest.mark.parametrize("method", ["fft", "direct"])
def test_float32_cells_beyond_the_radius_are_exactly_zero(method):
    """Scattered signs over a grid wider than one FFT tile and many 32-column blocks, some off the grid:
    cells farther than radius + 3 pixels from every sign are exactly 0 in the float32 map, and the
    map agrees with the exact sum (direct: to float32 rounding)."""
    from scipy.spatial import cKDTree

    grid = Grid(500000.0, 5009000.0, 10.0, 1000, 900, "EPSG:32645")
    rng = np.random.default_rng(5)
    pts = np.column_stack([rng.uniform(499800.0, 510200.0, 120), rng.uniform(4999800.0, 5009200.0, 120)])
    radius = 180.0
    got = D.kernel_density(pts[:, 0], pts[:, 1], grid, radius, kernel=D.QUARTIC, method=method, dtype=np.float32)
    xs, ys = grid.centres()
    cx, cy = np.meshgrid(xs, ys)
    dist, _ = cKDTree(pts).query(np.column_stack([cx.ravel(), cy.ravel()]))
    far = dist.reshape(grid.shape) > radius + 3 * grid.pixel
    assert far.sum() > grid.width * grid.height / 4
    assert np.all(got[far] == 0.0)
    if method == "direct":  # exact: compare everywhere with the brute-force sum (signs off the grid too)
        ref = exact_kernel_sum(pts[:, 0], pts[:, 1], np.ones(len(pts)), radius, grid, D.QUARTIC)
        np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-6 * ref.max())


def test_float32_effort_corrected_hand_worked():
    """The effort-corrected map from two float32 maps stays float32 and gives k / L signs per km."""
    grid = Grid(0.0, 4000.0, 25.0, 480, 160)
    length_km, k = 10.0, 500
    line = np.array([[1000.0, 2010.0], [11000.0, 2010.0]])
    sx = 1000.0 + (np.arange(k) + 0.5) * (length_km * 1000 / k)
    signs = D.kernel_density(sx, np.full(k, 2010.0), grid, 800.0, dtype=np.float32)
    route = D.line_density([line], grid, 800.0, dtype=np.float32)
    per_km = D.effort_corrected(signs, route, 800.0, min_effort_km=0.1)
    assert per_km.dtype == np.float32
    xs, ys = grid.centres()
    near = (np.abs(ys - 2010.0) < 400)[:, None] & ((xs > 2000) & (xs < 10000))[None, :]
    np.testing.assert_allclose(per_km[near], k / length_km, rtol=1e-2)
    assert np.isnan(per_km[0, 0])


def test_unknown_result_type_is_rejected():
    with pytest.raises(ParameterError):
        D.kernel_density([501000.0], [5001000.0], GRID_10M, 300.0, dtype=np.int32)


def test_sign_heatmap_returns_float32_map_that_integrates_to_the_signs():
    from snowleopard_plugin.core.analysis import heatmaps

    rng = np.random.default_rng(9)
    x = rng.uniform(501000.0, 503000.0, 200)
    y = rng.uniform(5001000.0, 5003000.0, 200)
    w = rng.integers(1, 4, 200).astype(float)
    grid_map, grid = heatmaps.sign_heatmap(x, y, w, 300.0, 10.0, crs="EPSG:32645")
    assert grid_map.dtype == np.float32
    assert grid_map.astype(np.float64).sum() * (grid.pixel / 1000.0) ** 2 == pytest.approx(w.sum(), rel=5e-3)


def test_write_geotiffs_round_trip(tmp_path):
    """Float32 values, NaN as nodata, several bands with names, grid and CRS come back as written."""
    import rasterio

    from snowleopard_plugin.core.raster import read_raster, write_geotiffs

    grid = Grid(500000.0, 5003000.0, 10.0, 300, 270, "EPSG:32645")
    rng = np.random.default_rng(2)
    first = rng.random(grid.shape).astype(np.float32)
    first[:, :256] = 0.0  # whole zero tiles
    first[5, 270] = np.nan
    second = rng.random(grid.shape)  # float64 in, float32 out
    path = str(tmp_path / "map.tif")
    assert write_geotiffs(path, [first, second], grid, nodata=-9999.0, descriptions=["a", "b"]) == path
    back, back_grid, nodata = read_raster(path)
    assert back_grid == grid and nodata == -9999.0
    assert np.isnan(back[5, 270]) and np.isnan(back).sum() == 1
    ok = ~np.isnan(first)
    assert np.array_equal(back[ok], first[ok].astype(np.float64))  # zero tiles read back as 0, not nodata
    with rasterio.open(path) as src:
        assert src.descriptions == ("a", "b") and src.dtypes[1] == "float32"
        np.testing.assert_array_equal(src.read(2), second.astype(np.float32))
    assert [name for name in tmp_path.iterdir() if name.name != "map.tif"] == []  # no temporary file left
