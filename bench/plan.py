"""Benchmark: the transect planner against random ridge segments and systematic parallel transects.

Run with the system Python::

    /usr/bin/python3 bench/plan.py --quick     # the sample season + a 50 x 50 km synthetic park
    /usr/bin/python3 bench/plan.py             # the sample season + a 150 x 150 km park at 30 m, 500 km budget

For each design the same measure: suitable habitat newly searched (cells with suitability >= 0.5 whose centre is
within the half-width of a line walked and not already searched by the season's routes, weighted by suitability,
km²) per surface km walked over the DEM. Designs with the same budget:

* planner: ``plan_transects`` (no access points, so every design pays only for the km it searches);
* random ridge segments: ridge segments in random order until the budget is spent (mean of 20 draws);
* systematic: parallel straight north-south lines across the habitat's extent, equally spaced, with the spacing
  chosen so their surface km match the budget (the classic distance-sampling design; mean of 10 random offsets).
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from snowleopard_plugin.core.coverage import line_segments, mark_within  # noqa: E402
from snowleopard_plugin.core.planner import habitat_weights, line_profile, plan_transects  # noqa: E402
from snowleopard_plugin.core.raster import Grid  # noqa: E402

CRS = "EPSG:32645"


def value_of(lines, grid, weights, covered0, half_width):
    segs, _ = line_segments(lines)
    if len(segs) == 0:
        return 0.0
    hit = mark_within(grid, segs, half_width) & ~covered0
    return float(weights[hit].sum())


def km_of(lines, dem, grid):
    return sum(line_profile(np.asarray(g.coords)[:, :2], dem, grid)[1] for g in lines) / 1000.0


def random_design(ridges, dem, grid, budget, rng):
    from shapely.geometry import LineString

    geoms = list(ridges.geometry.values)
    chosen, used = [], 0.0
    for k in rng.permutation(len(geoms)):
        km = line_profile(np.asarray(geoms[k].coords)[:, :2], dem, grid)[1] / 1000.0
        if used + km > budget:
            continue
        chosen.append(LineString(geoms[k].coords))
        used += km
    return chosen, used


def systematic_design(grid, dem, budget, rng):
    """North-south lines across the extent, spaced so their planimetric km match the budget, cut where the surface
    km run out."""
    from shapely.geometry import LineString
    from shapely.ops import substring

    xmin, ymin, xmax, ymax = grid.extent
    spacing = (xmax - xmin) * (ymax - ymin) / (budget * 1000.0)
    x = xmin + rng.uniform(0, 1) * min(spacing, xmax - xmin)
    lines, used = [], 0.0
    while x < xmax and used < budget:
        line = LineString([(x, ymin + 1), (x, ymax - 1)])
        km = line_profile(np.asarray(line.coords), dem, grid)[1] / 1000.0
        if used + km > budget:
            line = substring(line, 0, line.length * (budget - used) / km)
            km = line_profile(np.asarray(line.coords), dem, grid)[1] / 1000.0
        lines.append(line)
        used += km
        x += spacing
    return lines, used


def compare(name, ridges, habitat, dem, grid, routes, budget, max_day, half_width, draws=20):
    weights = habitat_weights(habitat, grid)
    covered0 = np.zeros(grid.shape, bool)
    if routes is not None:
        segs, _ = line_segments(routes)
        covered0 = mark_within(grid, segs, half_width)
    t = time.perf_counter()
    plan = plan_transects(ridges, habitat, grid, budget_km=budget, max_day_km=max_day, teams=4,
                          half_width=half_width, routes=routes, dem=dem, dem_grid=grid)
    seconds = time.perf_counter() - t
    lines = list(plan.transects.geometry)
    p_val, p_km = value_of(lines, grid, weights, covered0, half_width), km_of(lines, dem, grid)
    rng = np.random.default_rng(1)
    r_rates, s_rates = [], []
    for _ in range(draws):
        rl, rk = random_design(ridges, dem, grid, budget, rng)
        r_rates.append(value_of(rl, grid, weights, covered0, half_width) / rk)
    for _ in range(max(draws // 2, 1)):
        sl, sk = systematic_design(grid, dem, budget, rng)
        s_rates.append(value_of(sl, grid, weights, covered0, half_width) / sk)
    p_rate = p_val / p_km
    r_rate, s_rate = float(np.mean(r_rates)), float(np.mean(s_rates))
    print(f"\n== {name}: budget {budget:.0f} km, longest day {max_day:.0f} km, half-width {half_width:.0f} m")
    print(f"planner     : {len(lines)} transects, {p_km:.1f} km, {p_val:.3f} km² new habitat, "
          f"{p_rate:.4f} km²/km  ({plan.candidates} candidates, {plan.method}, "
          f"{seconds:.1f} s)")
    print(f"random ridge: {r_rate:.4f} km²/km (mean of {len(r_rates)})   planner / random     = {p_rate / r_rate:.2f}x")
    print(f"systematic  : {s_rate:.4f} km²/km (mean of {len(s_rates)})   planner / systematic = {p_rate / s_rate:.2f}x")
    return seconds, p_rate / r_rate, p_rate / s_rate


def sample_season():
    import geopandas as gpd

    from snowleopard_plugin.core.habitat import habitat_from_dem
    from snowleopard_plugin.core.raster import read_raster
    from snowleopard_plugin.core.ridges import extract_ridges

    root = os.path.join(os.path.dirname(HERE), "resources", "sample")
    z, grid, _ = read_raster(os.path.join(root, "dem.tif"))
    ridges = extract_ridges(z, grid).lines
    habitat = habitat_from_dem(z, grid, ridges=ridges)
    routes = [gpd.read_file(f, layer="tracks").to_crs(CRS).geometry.iloc[0]
              for f in sorted(glob.glob(os.path.join(root, "tracks", "*.gpx")))]
    return ridges, habitat, z, grid, routes


def synthetic_park(size_km, pixel=30.0, seed=7):
    """A mountain DEM: ridged fractal noise (FFT, 1/f^2.2 spectrum) scaled to 1,500-3,900 m."""
    n = int(size_km * 1000 / pixel)
    rng = np.random.default_rng(seed)
    fx = np.fft.rfftfreq(n)[None, :]
    fy = np.fft.fftfreq(n)[:, None]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    spec = (rng.normal(size=f.shape) + 1j * rng.normal(size=f.shape)) / f ** 1.6
    spec[f < 1.0 / n * 2] = 0
    noise = np.fft.irfft2(spec, s=(n, n))
    noise = 1.0 - np.abs(noise / noise.std())  # ridged
    noise -= noise.min()
    z = 1500.0 + 2400.0 * noise / noise.max()
    grid = Grid(500000.0, 5500000.0 + n * pixel, pixel, n, n, CRS)
    return z.astype(np.float64), grid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 50 x 50 km park instead of 150 x 150 km")
    args = parser.parse_args()
    from snowleopard_plugin.core.habitat import habitat_from_dem
    from snowleopard_plugin.core.ridges import extract_ridges

    ridges, habitat, z, grid, routes = sample_season()
    compare("sample season (30 x 30 km, 30 m)", ridges, habitat, z, grid, routes, 150.0, 20.0, 50.0)

    size = 50 if args.quick else 150
    budget = 500.0 * (size / 150.0) ** 2 if args.quick else 500.0
    t = time.perf_counter()
    z, grid = synthetic_park(size)
    ridges = extract_ridges(z, grid, segment_length_m=1000.0).lines
    habitat = habitat_from_dem(z, grid, ridges=ridges)
    prep = time.perf_counter() - t
    print(f"\nsynthetic park {size} x {size} km at 30 m: {grid.width} x {grid.height} cells, {len(ridges)} ridge "
          f"segments ({ridges['length_km'].sum():.0f} km), ridges + habitat {prep:.1f} s")
    seconds, _, _ = compare(f"synthetic park {size} x {size} km", ridges, habitat, z, grid, None, budget, 20.0, 50.0,
                            draws=4)
    print(f"\nwhole-park planning time: {seconds:.1f} s (target: under 60 s)")


if __name__ == "__main__":
    main()
