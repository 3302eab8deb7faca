"""Benchmark: the transect planner against random ridge transects and systematic parallel transects.

Run with the system Python::

    /usr/bin/python3 bench/plan.py --quick     # the sample season + a 50 x 50 km synthetic park
    /usr/bin/python3 bench/plan.py             # the sample season + a 150 x 150 km park at 30 m, 500 km budget
                                               # (also written to bench/output/plan_full.txt)

For each design the same measure: suitable habitat newly searched (cells with suitability >= 0.5 whose centre is
within the half-width of a line walked and not already searched by the routes walked last season, weighted by
suitability, km²) per surface km walked over the DEM, every line walked counted (ridge, link or approach). All
designs get the same budget of surface km; without access points nobody is charged an approach walk, with them the
planner and the random days are charged theirs (the planner's ``approaches``). Designs:

* planner: ``plan_transects`` (with access points it may also cross gaps of up to 1 km between ridge pieces);
* random ridge transects: day walks along the ridges as a randomised design would place them. Each day starts at
  a random ridge segment (random direction) and follows randomly chosen adjacent ridge segments not yet in the
  plan (no node twice) until the next one would exceed the longest day or the budget left; days are added until
  the budget is spent (mean of several draws). Same day rule as the planner (day km <= ``MAX_DAY_KM``);
* systematic: evenly spaced parallel straight lines (the classic distance-sampling design) across the extent of
  the suitable habitat, clipped to the park (the DEM), with a random offset; the spacing is chosen so that the
  lines' surface km over the DEM match the budget and the lines span the whole extent (mean of several draws,
  half north-south and half east-west).

The synthetic park is an Altai-like landscape: mountain massifs (ridged fractal relief up to ~4,000 m) separated
by broad valleys and steppe basins (~1,700 m, gentle hills), about half the area each; habitat from the DEM rules
(``ALTAI_DEFAULTS``), threshold 0.5; last season's routes are random ridge walks (about 300 km on the full park).
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

from snowleopard_plugin.core.analysis.coverage import line_segments, mark_within  # noqa: E402
from snowleopard_plugin.core.planner import (  # noqa: E402
    approaches,
    habitat_weights,
    line_profile,
    line_profiles,
    plan_transects,
    ridge_graph,
)
from snowleopard_plugin.core.raster import Grid  # noqa: E402

CRS = "EPSG:32645"


class Tee:
    """Print to the console and to a file."""

    def __init__(self, path):
        self.file = open(path, "w", encoding="utf-8") if path else None

    def __call__(self, text=""):
        print(text, flush=True)
        if self.file:
            self.file.write(text + "\n")
            self.file.flush()


def value_of(lines, grid, weights, covered0, half_width):
    """New suitable habitat (km²) searched by lines: an independent count with ``mark_within`` on the whole grid."""
    segs, _ = line_segments(lines)
    if len(segs) == 0:
        return 0.0
    hit = mark_within(grid, segs, half_width) & ~covered0
    return float(weights[hit].sum())


def km_of(lines, dem, grid):
    return sum(line_profile(np.asarray(g.coords)[:, :2], dem, grid)[1] for g in lines) / 1000.0


def ridge_walk(graph, rng, max_km, used_edges, approach_km=None):
    """One random day along the ridges: a random segment in a random direction, then random adjacent unused
    segments (no node twice) while the day (approach in + ridge + approach out) stays within ``max_km``.

    Returns (list of (edge, reversed), day km) or None when the first segment does not fit."""
    ekm = graph.surface_m / 1000.0
    app = np.zeros(len(graph.node_xy)) if approach_km is None else np.where(np.isfinite(approach_km), approach_km, 1e9)
    k = int(rng.integers(len(ekm)))
    if k in used_edges or graph.eu[k] == graph.ev[k]:
        return None
    flip = bool(rng.integers(2))
    s, t = (int(graph.ev[k]), int(graph.eu[k])) if flip else (int(graph.eu[k]), int(graph.ev[k]))
    ridge = float(ekm[k])
    if app[s] + ridge + app[t] > max_km:
        return None
    steps, nodes, node = [(k, flip)], {s, t}, t
    while True:
        options = [(e, o) for e, o in graph.adjacency[node]
                   if e not in used_edges and o not in nodes and app[s] + ridge + ekm[e] + app[o] <= max_km]
        if not options:
            break
        e, o = options[int(rng.integers(len(options)))]
        steps.append((e, graph.eu[e] != node))
        ridge += float(ekm[e])
        nodes.add(o)
        node = o
    return steps, app[s] + ridge + app[node]


def random_design(graph, budget, max_day, rng, app=None):
    """Random ridge day transects until the budget is spent (each day <= max_day, the total <= budget); with
    ``app`` (planner ``Approaches``) each day also walks in from and out to the nearest access point, charged."""
    from shapely.geometry import LineString

    used, lines, spent, misses = set(), [], 0.0, 0
    while budget - spent > 0.2 and misses < 2000:
        walk = ridge_walk(graph, rng, min(max_day, budget - spent), used, app.km if app is not None else None)
        if walk is None:
            misses += 1
            continue
        steps, km = walk
        pieces = [graph.coords[e][::-1] if rev else graph.coords[e] for e, rev in steps]
        if app is not None:  # walk in from the access point nearest the start, out to the one nearest the end
            k0, rev0 = steps[0]
            k1, rev1 = steps[-1]
            s0 = int(graph.ev[k0] if rev0 else graph.eu[k0])
            t1 = int(graph.eu[k1] if rev1 else graph.ev[k1])
            pieces = [app.coords[s0]] + pieces + [app.coords[t1][::-1]]
        xy = np.vstack(pieces)
        lines.append(LineString(xy))
        used.update(e for e, _ in steps)
        spent += km
    return lines, spent


def habitat_extent(weights, grid):
    """Bounding box (m) of the cells with suitable habitat."""
    rows = np.flatnonzero(weights.any(axis=1))
    cols = np.flatnonzero(weights.any(axis=0))
    p = grid.pixel
    return (grid.x0 + cols[0] * p, grid.y0 - (rows[-1] + 1) * p, grid.x0 + (cols[-1] + 1) * p, grid.y0 - rows[0] * p)


def systematic_design(grid, dem, budget, extent, rng, north_south=True):
    """Evenly spaced parallel straight lines across ``extent`` (clipped to the DEM), random offset, spacing set
    so that their surface km match the budget; the last line is cut where the budget runs out."""
    from shapely.geometry import LineString
    from shapely.ops import substring

    xmin, ymin, xmax, ymax = extent
    gx0, gy0, gx1, gy1 = grid.extent
    xmin, ymin, xmax, ymax = max(xmin, gx0 + 1), max(ymin, gy0 + 1), min(xmax, gx1 - 1), min(ymax, gy1 - 1)
    across, along = (xmax - xmin, ymax - ymin) if north_south else (ymax - ymin, xmax - xmin)
    offset = rng.uniform(0, 1)

    def lines_at(spacing):
        out, v = [], (xmin if north_south else ymin) + offset * spacing
        while v < (xmax if north_south else ymax):
            out.append(LineString([(v, ymin), (v, ymax)]) if north_south else LineString([(xmin, v), (xmax, v)]))
            v += spacing
        return out

    def surface_km(spacing):
        return line_profiles([np.asarray(g.coords) for g in lines_at(spacing)], dem, grid)[1].sum() / 1000.0

    # the narrowest spacing whose lines fit the budget (surface km exceed planimetric km over rough terrain),
    # so the lines span the whole extent; bisection on the spacing
    lo = hi = across * along / (budget * 1000.0)
    while hi < across and surface_km(hi) > budget:
        lo, hi = hi, hi * 1.5
    hi = min(hi, across)  # a single line longer than the budget: one line, cut where the budget runs out
    for _ in range(12):
        mid = 0.5 * (lo + hi)
        if surface_km(mid) > budget:
            lo = mid
        else:
            hi = mid
    spacing = hi
    lines, used, out = lines_at(spacing), 0.0, []
    for line in lines:
        km = line_profile(np.asarray(line.coords), dem, grid)[1] / 1000.0
        if used + km > budget:
            line = substring(line, 0, line.length * (budget - used) / km)
            km = line_profile(np.asarray(line.coords), dem, grid)[1] / 1000.0
            if line.length <= 0:
                break
        out.append(line)
        used += km
        if used >= budget - 1e-6:
            break
    return out, used, spacing


def compare(say, name, ridges, habitat, dem, grid, routes, budget, max_day, half_width, draws=20,
            access=None):
    weights = habitat_weights(habitat, grid)
    covered0 = np.zeros(grid.shape, bool)
    if routes is not None:
        segs, _ = line_segments(routes)
        covered0 = mark_within(grid, segs, half_width)
    t = time.perf_counter()
    plan = plan_transects(ridges, habitat, grid, budget_km=budget, max_day_km=max_day, teams=4,
                          half_width=half_width, routes=routes, dem=dem, dem_grid=grid, access=access)
    seconds = time.perf_counter() - t
    lines = list(plan.transects.geometry)
    p_val, p_km = value_of(lines, grid, weights, covered0, half_width), km_of(lines, dem, grid)
    graph = ridge_graph(ridges, dem, grid)
    app = None
    if access is not None:
        app = approaches(graph, np.asarray(access, dtype=float), dem, grid, max_km=max_day / 2.0)
    rng = np.random.default_rng(1)
    r_vals, r_kms, r_days, s_vals, s_kms, spacings = [], [], [], [], [], []
    for _ in range(draws):
        rl, rk = random_design(graph, budget, max_day, rng, app)
        r_vals.append(value_of(rl, grid, weights, covered0, half_width))
        r_kms.append(km_of(rl, dem, grid))
        r_days.append(len(rl))
    extent = habitat_extent(weights, grid)
    for d in range(0 if access is not None else max(draws, 10)):
        sl, sk, spacing = systematic_design(grid, dem, budget, extent, rng, north_south=d % 2 == 0)
        s_vals.append(value_of(sl, grid, weights, covered0, half_width))
        s_kms.append(km_of(sl, dem, grid))
        spacings.append(spacing)
    p_rate = p_val / p_km
    r_rate = float(np.mean(np.array(r_vals) / np.array(r_kms)))
    ceiling = 2 * half_width / 1000.0
    say(f"\n== {name}: budget {budget:.0f} km, longest day {max_day:.0f} km, half-width {half_width:.0f} m, "
        + (f"{len(access)} access points: every design charged its approach walks" if access is not None
           else "no access points: no design charged an approach walk"))
    if routes is not None:
        say(f"last season's routes: {sum(g.length for g in routes) / 1000:.0f} km, "
            f"{float(weights[covered0].sum()):.1f} km² of suitable habitat already searched")
    say(f"suitable habitat: {float(weights.sum()):.0f} km² (value-weighted); ceiling of any design "
        f"{ceiling:.2f} km²/km (a straight line in habitat of value 1)")
    say(f"{'design':<24}{'days':>6}{'km':>8}{'new habitat km²':>17}{'km²/km':>9}{'planner ratio':>15}")
    say(f"{'planner':<24}{len(lines):>6}{p_km:>8.1f}{p_val:>17.2f}{p_rate:>9.4f}{'':>15}   "
        f"({plan.candidates} candidates, {plan.method} greedy, {seconds:.1f} s)")
    say(f"{'random ridge transects':<24}{np.mean(r_days):>6.0f}{np.mean(r_kms):>8.1f}{np.mean(r_vals):>17.2f}"
        f"{r_rate:>9.4f}{p_rate / r_rate:>14.2f}x   (mean of {len(r_vals)} draws; target >= 2x)")
    s_ratio = float("nan")
    if s_vals:
        s_rate = float(np.mean(np.array(s_vals) / np.array(s_kms)))
        s_ratio = p_rate / s_rate
        say(f"{'systematic lines':<24}{'':>6}{np.mean(s_kms):>8.1f}{np.mean(s_vals):>17.2f}{s_rate:>9.4f}"
            f"{s_ratio:>14.2f}x   (mean of {len(s_vals)} draws, N-S and E-W, spacing "
            f"{np.mean(spacings) / 1000:.2f} km; target >= 1.5x)")
    else:
        say("systematic lines: not run with access points (the straight-line design has no approach rule)")
    return seconds, p_rate / r_rate, s_ratio


def sample_season():
    import geopandas as gpd

    from snowleopard_plugin.core.analysis.habitat import habitat_from_dem
    from snowleopard_plugin.core.analysis.ridges import extract_ridges
    from snowleopard_plugin.core.raster import read_raster

    root = os.path.join(os.path.dirname(HERE), "resources", "sample")
    z, grid, _ = read_raster(os.path.join(root, "dem.tif"))
    ridges = extract_ridges(z, grid).lines
    habitat = habitat_from_dem(z, grid, ridges=ridges)
    routes = [gpd.read_file(f, layer="tracks").to_crs(CRS).geometry.iloc[0]
              for f in sorted(glob.glob(os.path.join(root, "tracks", "*.gpx")))]
    return ridges, habitat, z, grid, routes


def _spectral(n, rng, exponent, min_wavelength=None, max_wavelength=None):
    """Gaussian random field with a 1/f^exponent amplitude spectrum (wavelengths in cells), unit variance."""
    fx = np.fft.rfftfreq(n)[None, :]
    fy = np.fft.fftfreq(n)[:, None]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    spec = (rng.normal(size=f.shape) + 1j * rng.normal(size=f.shape)) / f ** exponent
    spec[0, 0] = 0
    if max_wavelength:
        spec[f < 1.0 / max_wavelength] = 0
    if min_wavelength:
        spec[f > 1.0 / min_wavelength] = 0
    out = np.fft.irfft2(spec, s=(n, n))
    return out / out.std()


def synthetic_park(size_km, pixel=30.0, seed=7, massif_share=0.5):
    """An Altai-like DEM: massifs separated by broad valleys and steppe basins.

    A smooth field (wavelengths >= 25 km) marks the massifs (its upper ``massif_share``), with foothills a few km
    wide; inside them ridged fractal relief rises up to ~2,200 m above basins at ~1,700 m with gentle hills
    (+- 60 m)."""
    n = int(size_km * 1000 / pixel)
    rng = np.random.default_rng(seed)
    big = _spectral(n, rng, 2.0, min_wavelength=25000 / pixel)
    t = np.quantile(big, 1 - massif_share)
    m = np.clip((big - t) / 1.5 + 0.5, 0, 1)
    m = m * m * (3 - 2 * m)
    ridged = 1.0 - np.abs(_spectral(n, rng, 1.6, max_wavelength=n / 2))
    ridged = (ridged - ridged.min()) / (ridged.max() - ridged.min())
    hills = _spectral(n, rng, 1.8, max_wavelength=n / 2)
    z = 1700.0 + 60.0 * hills + m * (400.0 + 1800.0 * ridged * (0.4 + 0.6 * m))
    grid = Grid(500000.0, 5500000.0 + n * pixel, pixel, n, n, CRS)
    return z.astype(np.float64), grid


def last_season_routes(ridges, dem, grid, habitat, total_km, seed=3):
    """Routes walked last season: random ridge walks of up to 15 km starting in suitable habitat."""
    graph = ridge_graph(ridges, dem, grid)
    rng = np.random.default_rng(seed)
    xy = graph.node_xy
    c = np.clip(((xy[:, 0] - grid.x0) // grid.pixel).astype(int), 0, grid.width - 1)
    r = np.clip(((grid.y0 - xy[:, 1]) // grid.pixel).astype(int), 0, grid.height - 1)
    good = np.flatnonzero(np.nan_to_num(habitat[r, c]) >= 0.5)
    routes, km = [], 0.0
    from shapely.geometry import LineString

    while km < total_km:
        start = int(rng.choice(good))
        if not graph.adjacency[start]:
            continue
        node, nodes, pieces, walk = start, {start}, [], 0.0
        while walk < 15.0:
            options = [(e, o) for e, o in graph.adjacency[node] if o not in nodes]
            if not options:
                break
            e, o = options[int(rng.integers(len(options)))]
            pieces.append(graph.coords[e] if graph.eu[e] == node else graph.coords[e][::-1])
            walk += graph.surface_m[e] / 1000.0
            nodes.add(o)
            node = o
        if pieces:
            routes.append(LineString(np.vstack(pieces)))
            km += walk
    return routes


def valley_access_points(dem, grid, habitat, spacing_m=12000.0, seed=5):
    """Access points (road ends, camps, huts) in the valleys and basins: a jittered lattice every ``spacing_m``,
    kept where the ground is low (below 1,850 m) and not habitat, with suitable habitat within 5 km."""
    from scipy import ndimage

    rng = np.random.default_rng(seed)
    p = grid.pixel
    near = ndimage.maximum_filter(np.nan_to_num(habitat)[::10, ::10] >= 0.5, size=int(2 * 5000 / (10 * p)) + 1)
    xs, ys = grid.centres()
    out = []
    for y in np.arange(ys[-1] + spacing_m / 2, ys[0], spacing_m):
        for x in np.arange(xs[0] + spacing_m / 2, xs[-1], spacing_m):
            px, py = x + rng.uniform(-0.3, 0.3) * spacing_m, y + rng.uniform(-0.3, 0.3) * spacing_m
            c = min(max(int((px - grid.x0) // p), 0), grid.width - 1)
            r = min(max(int((grid.y0 - py) // p), 0), grid.height - 1)
            if dem[r, c] < 1850.0 and not np.nan_to_num(habitat[r, c]) >= 0.5 and near[r // 10, c // 10]:
                out.append((px, py))
    return np.array(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 50 x 50 km park instead of 150 x 150 km")
    args = parser.parse_args()
    from snowleopard_plugin.core.analysis.habitat import habitat_from_dem
    from snowleopard_plugin.core.analysis.ridges import extract_ridges

    out = None
    if not args.quick:
        os.makedirs(os.path.join(HERE, "output"), exist_ok=True)
        out = os.path.join(HERE, "output", "plan_full.txt")
    say = Tee(out)
    ridges, habitat, z, grid, routes = sample_season()
    compare(say, "sample season (30 x 30 km, 30 m)", ridges, habitat, z, grid, routes, 150.0, 20.0, 50.0)
    import pandas as pd

    access = pd.read_csv(os.path.join(os.path.dirname(HERE), "resources", "sample", "access.csv"))
    compare(say, "sample season with its access points", ridges, habitat, z, grid, routes, 150.0, 20.0, 50.0,
            draws=10, access=access[["x_utm45n", "y_utm45n"]].to_numpy())

    size = 50 if args.quick else 150
    scale = (size / 150.0) ** 2
    budget = 500.0 * scale
    t = time.perf_counter()
    z, grid = synthetic_park(size)
    ridges = extract_ridges(z, grid, segment_length_m=1000.0).lines
    habitat = habitat_from_dem(z, grid, ridges=ridges)
    routes = last_season_routes(ridges, z, grid, habitat, 300.0 * scale)
    prep = time.perf_counter() - t
    say(f"\nsynthetic park {size} x {size} km at 30 m: {grid.width} x {grid.height} cells, {len(ridges)} ridge "
        f"segments ({ridges['length_km'].sum():.0f} km), {np.mean(np.nan_to_num(habitat) >= 0.5):.0%} of the "
        f"area suitable; DEM, ridges, habitat and last season's routes {prep:.1f} s (not counted)")
    seconds, _, _ = compare(say, f"synthetic park {size} x {size} km", ridges, habitat, z, grid, routes, budget,
                            20.0, 50.0, draws=8)
    access = valley_access_points(z, grid, habitat)
    say(f"\n{len(access)} access points in the valleys and basins (a jittered 12 km lattice on low ground next "
        f"to habitat)")
    seconds_access, _, _ = compare(say, f"synthetic park {size} x {size} km with access points", ridges, habitat, z,
                                   grid, routes, budget, 20.0, 50.0, draws=8, access=access)
    say(f"\nwhole-park planning time: {seconds:.1f} s without access points, {seconds_access:.1f} s with them "
        f"(target: under 60 s)")


if __name__ == "__main__":
    main()
