"""Benchmark: cells searched along routes, core (exact) vs QGIS's chain (native:buffer + gdal:rasterize).

Run with the system Python (it has the QGIS bindings)::

    /usr/bin/python3 bench/coverage.py --quick      # 1,500 x 1,500 cells, 100,000 vertices
    /usr/bin/python3 bench/coverage.py              # 5,000 x 5,000 cells at 30 m, 1,000,000 vertices

Each method runs in its own child process (so its peak memory, ru_maxrss, is its own). Both results are checked
against the exact rule (cell centre within the half-width of a route segment) on a sample of cells: every cell of
a random sample near the routes (where mistakes can happen) plus a uniform random sample of the grid.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

CRS = "EPSG:32645"


def make_routes(n_vertices: int, n_routes: int, size_m: float, seed: int = 1) -> list:
    """GPS-like routes: correlated random walks, ~10 m steps, kept inside the square ``[0, size_m]``."""
    rng = np.random.default_rng(seed)
    routes = []
    per = n_vertices // n_routes
    for _ in range(n_routes):
        heading = np.cumsum(rng.normal(0, 0.15, per)) + rng.uniform(0, 2 * np.pi)
        step = np.abs(rng.normal(10, 3, per))
        xy = np.column_stack([np.cos(heading) * step, np.sin(heading) * step])
        xy = np.cumsum(xy, axis=0) + rng.uniform(0.2, 0.8, 2) * size_m
        xy += rng.normal(0, 2, xy.shape)  # GPS jitter
        # reflect into the square
        xy = np.abs(xy)
        xy = np.where(xy > size_m, 2 * size_m - xy, xy)
        routes.append(np.clip(xy, 0, size_m))
    return routes


def worker_core(args: argparse.Namespace) -> dict:
    from snowleopard_plugin.core.coverage import searched_cells
    from snowleopard_plugin.core.raster import Grid

    routes = [np.load(p) for p in args.routes]
    grid = Grid(0.0, args.cells * args.pixel, args.pixel, args.cells, args.cells, CRS)
    t = time.perf_counter()
    mask = searched_cells(routes, grid, args.half_width)
    elapsed = time.perf_counter() - t
    np.save(args.out, mask, allow_pickle=False)
    return {"seconds": elapsed}


def worker_qgis(args: argparse.Namespace) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    size = args.cells * args.pixel
    tmp_gpkg = args.out + ".buffer.gpkg"
    t = time.perf_counter()
    processing.run("native:buffer", {
        "INPUT": args.gpkg, "DISTANCE": args.half_width, "SEGMENTS": 5, "END_CAP_STYLE": 0, "JOIN_STYLE": 0,
        "MITER_LIMIT": 2, "DISSOLVE": True, "OUTPUT": tmp_gpkg})
    t_buffer = time.perf_counter() - t
    processing.run("gdal:rasterize", {
        "INPUT": tmp_gpkg, "BURN": 1, "UNITS": 1, "WIDTH": args.pixel, "HEIGHT": args.pixel,
        "EXTENT": f"0,{size},0,{size} [{CRS}]", "NODATA": None, "DATA_TYPE": 0, "INIT": 0,
        "OUTPUT": args.out + ".tif"})
    elapsed = time.perf_counter() - t
    from osgeo import gdal

    ds = gdal.Open(args.out + ".tif")
    mask = ds.GetRasterBand(1).ReadAsArray().astype(bool)
    ds = None
    np.save(args.out, mask, allow_pickle=False)
    app.exitQgis()
    return {"seconds": elapsed, "buffer_seconds": t_buffer}


def exact_on_sample(routes: list, rows: np.ndarray, cols: np.ndarray, pixel: float, size: float,
                    half_width: float) -> np.ndarray:
    """The exact rule on sampled cells: min distance from the centre to any route segment <= half-width."""
    from scipy.spatial import cKDTree

    segs = np.vstack([np.hstack([r[:-1], r[1:]]) for r in routes])
    mid = (segs[:, :2] + segs[:, 2:]) / 2
    half_len = np.hypot(segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1]).max() / 2
    tree = cKDTree(mid)
    xc = (cols + 0.5) * pixel
    yc = size - (rows + 0.5) * pixel
    lists = tree.query_ball_point(np.column_stack([xc, yc]), half_width + half_len + 1e-6)
    out = np.zeros(len(rows), bool)
    for k, cand in enumerate(lists):
        if not cand:
            continue
        s = segs[cand]
        dx, dy = s[:, 2] - s[:, 0], s[:, 3] - s[:, 1]
        ll = dx * dx + dy * dy
        t = np.where(ll > 0, np.clip(((xc[k] - s[:, 0]) * dx + (yc[k] - s[:, 1]) * dy) / np.where(ll > 0, ll, 1),
                                     0, 1), 0)
        d = np.hypot(xc[k] - (s[:, 0] + t * dx), yc[k] - (s[:, 1] + t * dy))
        out[k] = bool((d <= half_width).any())
    return out


def run_child(kind: str, args: argparse.Namespace, paths: list, gpkg: str, out: str) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", kind, "--cells", str(args.cells), "--pixel",
           str(args.pixel), "--half-width", str(args.half_width), "--out", out, "--gpkg", gpkg, "--routes", *paths]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed:\n{proc.stdout}\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["after_children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["before_children_maxrss_mb"] = before / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,500 x 1,500 cells, 100,000 vertices")
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--pixel", type=float, default=30.0)
    parser.add_argument("--vertices", type=int, default=1_000_000)
    parser.add_argument("--half-width", type=float, default=25.0)
    parser.add_argument("--sample", type=int, default=200_000)
    parser.add_argument("--skip-qgis", action="store_true")
    parser.add_argument("--worker", choices=["core", "qgis"])
    parser.add_argument("--out")
    parser.add_argument("--gpkg")
    parser.add_argument("--routes", nargs="*")
    args = parser.parse_args()
    if args.worker:
        result = worker_core(args) if args.worker == "core" else worker_qgis(args)
        result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if args.quick:
        args.cells, args.vertices = 1500, 100_000
    size = args.cells * args.pixel
    n_routes = max(1, args.vertices // 50_000)
    routes = make_routes(args.vertices, n_routes, size)
    print(f"grid {args.cells} x {args.cells} cells at {args.pixel:g} m ({size / 1000:g} km), "
          f"{sum(len(r) for r in routes):,} vertices in {n_routes} routes, half-width {args.half_width:g} m")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, r in enumerate(routes):
            paths.append(os.path.join(tmp, f"route{i}.npy"))
            np.save(paths[-1], r, allow_pickle=False)
        gpkg = os.path.join(tmp, "routes.gpkg")
        import geopandas as gpd
        from shapely.geometry import LineString

        gpd.GeoDataFrame({"route_id": range(len(routes))}, geometry=[LineString(r) for r in routes],
                         crs=CRS).to_file(gpkg, driver="GPKG")
        core = run_child("core", args, paths, gpkg, os.path.join(tmp, "core.npy"))
        core_mask = np.load(os.path.join(tmp, "core.npy"))
        print(f"core:  {core['seconds']:.2f} s, peak memory {core['maxrss_mb']:.0f} MB, "
              f"{int(core_mask.sum()):,} cells searched")
        masks = {"core": core_mask}
        if not args.skip_qgis:
            qgis = run_child("qgis", args, paths, gpkg, os.path.join(tmp, "qgis.npy"))
            masks["qgis"] = np.load(os.path.join(tmp, "qgis.npy"))
            print(f"QGIS:  {qgis['seconds']:.2f} s (buffer+dissolve {qgis['buffer_seconds']:.2f} s), peak memory "
                  f"{qgis['maxrss_mb']:.0f} MB, {int(masks['qgis'].sum()):,} cells searched")
            print(f"speed-up: {qgis['seconds'] / core['seconds']:.1f}x")
        # sample: cells near the routes (a 2-cell band around the core's mask) and uniform cells
        rng = np.random.default_rng(5)
        from scipy import ndimage

        band = ndimage.binary_dilation(core_mask, iterations=2)
        if "qgis" in masks:
            band |= ndimage.binary_dilation(masks["qgis"], iterations=2)
        near = np.flatnonzero(band)
        pick = rng.choice(near, size=min(args.sample, len(near)), replace=False)
        uniform = rng.integers(0, args.cells * args.cells, args.sample // 4)
        cells = np.unique(np.concatenate([pick, uniform]))
        rows, cols = cells // args.cells, cells % args.cells
        t = time.perf_counter()
        truth = exact_on_sample(routes, rows, cols, args.pixel, size, args.half_width)
        print(f"exact rule on {len(cells):,} sampled cells ({len(pick):,} of the {len(near):,} near the routes) "
              f"in {time.perf_counter() - t:.1f} s:")
        for name, mask in masks.items():
            got = mask[rows, cols]
            print(f"  {name:5s} misclassified {int((got != truth).sum()):,} "
                  f"(missed {int((truth & ~got).sum()):,}, extra {int((got & ~truth).sum()):,})")


if __name__ == "__main__":
    main()
