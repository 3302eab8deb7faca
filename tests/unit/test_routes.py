"""Route building and metrics: lengths, segment gaps, GPS jumps, surface length over a DEM."""

import numpy as np
import pytest

from snowleopard_plugin.core.season.routes import (
    DemSampler,
    find_gps_jumps,
    multilinestring_wkb,
    planimetric_length_km,
    route_parts,
    split_runs,
    surface_length_km,
)


def _times(seconds):
    return np.datetime64("2024-02-14T04:00:00", "ms") + (np.asarray(seconds) * 1000).astype("timedelta64[ms]")


def test_length_excludes_the_gap_between_segments():
    # segment 0: 3-4-5 triangle legs, 300 m + 400 m; gap of 10 km; segment 1: 100 m
    x = np.array([0.0, 300.0, 300.0, 10300.0, 10400.0])
    y = np.array([0.0, 0.0, 400.0, 400.0, 400.0])
    seg = np.array([0, 0, 0, 1, 1])
    assert planimetric_length_km(x, y, seg) == pytest.approx(0.8)


def test_split_runs():
    assert split_runs(np.array([3, 3, 5, 5, 5, 3])) == [(0, 2), (2, 5), (5, 6)]
    assert split_runs(np.array([])) == []


def test_one_bad_fix_is_found_and_nothing_else():
    # a walker at 1 m/s (3.6 km/h), fixes every 10 s along x; fix 6 jumps 500 m north
    n = 15
    x = np.arange(n) * 10.0
    y = np.zeros(n)
    y[6] = 500.0
    jumps = find_gps_jumps(x, y, _times(np.arange(n) * 10), np.zeros(n, dtype=int))
    assert jumps.tolist() == [6]


def test_fast_but_short_jitter_is_not_a_jump():
    # 1 s fixes with 20 m jitter: 72 km/h "speed" but hops below 50 m
    n = 10
    x = np.arange(n) * 1.0
    y = np.where(np.arange(n) % 2 == 0, 0.0, 20.0)
    assert len(find_gps_jumps(x, y, _times(np.arange(n)), np.zeros(n, dtype=int))) == 0


def test_a_first_fix_far_off_is_a_jump_but_a_steady_fast_ride_is_not():
    n = 10
    x = np.arange(n) * 10.0
    y = np.zeros(n)
    x[0] = -3000.0  # cold-start fix 3 km away, 10 s before the next one
    assert find_gps_jumps(x, y, _times(np.arange(n) * 10), np.zeros(n, dtype=int)).tolist() == [0]
    # a snowmobile at 40 km/h all along: every hop fast, no single fix to blame
    x2 = np.arange(n) * 111.0
    assert len(find_gps_jumps(x2, np.zeros(n), _times(np.arange(n) * 10), np.zeros(n, dtype=int))) == 0


def test_jump_without_times_uses_distance():
    x = np.array([0.0, 10, 20, 30, 40, 50])
    y = np.array([0.0, 0, 0, 5000, 0, 0])
    assert find_gps_jumps(x, y, None, np.zeros(6, dtype=int)).tolist() == [3]


def test_route_parts_drop_single_point_segments_and_wkb_round_trip():
    from shapely import wkb

    x = np.array([0.0, 100.0, 500.0, 500.0, 900.0, 950.0])
    y = np.zeros(6)
    z = np.array([1.0, 2, 3, 3, 4, 5])
    seg = np.array([0, 0, 1, 1, 2, 2])  # segment 1 has two identical fixes: no line
    parts = route_parts(x, y, z, seg)
    assert len(parts) == 2
    geom = wkb.loads(multilinestring_wkb(parts))
    assert geom.geom_type == "MultiLineString"
    assert geom.has_z
    assert [round(g.length, 6) for g in geom.geoms] == [100.0, 50.0]


def test_surface_length_on_a_tilted_plane(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    from rasterio.transform import from_origin

    # plane z = 0.5 * (x - x0): a 1000 m walk east climbs 500 m -> sqrt(1000² + 500²) m
    x0, y0, pixel = 600000.0, 5540000.0, 30.0
    cols = np.arange(100)
    xs = x0 + (cols + 0.5) * pixel
    z = np.tile(0.5 * (xs - x0), (100, 1)).astype("float32")
    path = str(tmp_path / "dem.tif")
    with rasterio.open(path, "w", driver="GTiff", width=100, height=100, count=1, dtype="float32",
                       crs="EPSG:32645", transform=from_origin(x0, y0, pixel, pixel), nodata=-9999) as dst:
        dst.write(z, 1)
    dem = DemSampler(path, "EPSG:32645")
    try:
        x = np.array([x0 + 500.0, x0 + 1000.0, x0 + 1500.0])
        y = np.full(3, y0 - 1500.0)
        got = surface_length_km(x, y, np.zeros(3, dtype=int), dem)
        assert got == pytest.approx(np.hypot(1000.0, 500.0) / 1000.0, rel=1e-6)
        # north-south along a contour: no climb, surface = planimetric
        got_flat = surface_length_km(np.full(2, x0 + 900.0), np.array([y0 - 200.0, y0 - 1200.0]),
                                     np.zeros(2, dtype=int), dem)
        assert got_flat == pytest.approx(1.0, rel=1e-9)
        # entirely off the DEM: unknown
        assert surface_length_km(np.array([0.0, 100.0]), np.array([0.0, 0.0]), np.zeros(2, dtype=int), dem) is None
    finally:
        dem.close()
