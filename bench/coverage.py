"""Benchmark of issue 5, side by side in one run on one synthetic DEM (150 x 150 km at 30 m in the full run).

Run with the system Python (it has the QGIS bindings)::

    /usr/bin/python3 bench/coverage.py --quick      # 1,500 x 1,500 cells, 100,000 vertices
    /usr/bin/python3 bench/coverage.py              # 5,000 x 5,000 cells at 30 m, 1,000,000 vertices
                                                    # (figures also written to bench/output/coverage_full.txt)

Three comparisons:

1. Coverage: cells searched along routes, core (exact) vs QGIS's chain (``native:buffer`` with dissolve +
   ``gdal:rasterize``). Both results are checked against the exact rule (cell centre within the half-width of a
   route segment) on a sample of cells: every cell of a random sample near the routes (where mistakes can happen)
   plus a uniform random sample of the grid.
2. Terrain metrics: slope (Horn), TRI (Riley) and TPI (3 x 3, as gdaldem) by ``core.terrain.terrain_metrics`` vs
   ``gdal.DEMProcessing`` (the library call behind ``gdaldem``) on the same DEM GeoTIFF. Both sides are timed
   the same way, inside their worker process after the imports: read the DEM GeoTIFF, compute, write an
   uncompressed Float32 GeoTIFF (gdaldem's default output). The outputs are compared cell by cell.
3. The whole chain as the Processing algorithms call the core: read the DEM, ``extract_ridges`` and
   ``terrain_metrics`` (terrain), ``habitat_from_dem`` (habitat), ``coverage_raster`` (coverage),
   ``coverage_gaps`` at 3 km (gaps); against ``gdal.Translate`` copying the DEM to a GeoTIFF (the library call
   behind ``gdal_translate``; the command-line tool's wall time is printed too).

The DEM is synthetic and deterministic: fractal relief (spectral synthesis) plus ridged noise, 1,000-4,300 m,
stored as Float32 like Copernicus GLO-30. Each job runs in its own child process, so its peak memory
(``VmHWM`` of that process, the high-water mark of its resident memory since exec) is its own; it is printed
in MB and as a multiple of one float64 copy of the grid.
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
    from snowleopard_plugin.core.analysis.coverage import searched_cells
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


def make_dem(cells: int, pixel: float, seed: int = 7) -> np.ndarray:
    """A deterministic mountain DEM (Float32, metres): fractal relief plus ridged noise, ~1,000-4,300 m.

    Spectral synthesis with amplitude ~ f^-1.6 (rough, self-similar relief) for the massifs, and ``1 - |g|`` of a
    band-limited noise g (wavelengths 2-8 km) squared for sharp crests, the way real ranges look at 30 m.
    """
    from scipy import fft

    rng = np.random.default_rng(seed)
    fy = fft.fftfreq(cells, d=pixel).astype(np.float32)[:, None]
    fx = fft.rfftfreq(cells, d=pixel).astype(np.float32)[None, :]
    f = np.sqrt(fy * fy + fx * fx)
    f[0, 0] = 1.0

    def noise(amplitude: np.ndarray) -> np.ndarray:
        phase = rng.uniform(0, 2 * np.pi, amplitude.shape).astype(np.float32)
        spec = (amplitude * np.exp(1j * phase)).astype(np.complex64)
        spec[0, 0] = 0
        z = fft.irfft2(spec, s=(cells, cells), workers=2).astype(np.float32)
        z -= z.mean()
        z /= z.std()
        return z

    relief = noise(np.where(f > 1 / 150_000, f ** -1.6, 0).astype(np.float32))
    band = np.exp(-0.5 * (np.log(f * 4000) / 0.5) ** 2).astype(np.float32)  # centred on 4 km wavelengths
    crest = 1 - np.abs(noise(band * f ** -0.3))
    crest = np.clip(crest, 0, None) ** 2
    del f, fy, fx, band
    z = 2500 + 550 * relief + 700 * (crest - crest.mean())
    z += rng.normal(0, 0.5, z.shape).astype(np.float32)  # sensor noise
    return np.clip(z, 1000, 4300).astype(np.float32)


def write_dem(path: str, dem: np.ndarray, pixel: float) -> None:
    """Uncompressed, tiled Float32 GeoTIFF in UTM 45N (upper-left corner at 0, size)."""
    from osgeo import gdal, osr

    rows, cols = dem.shape
    ds = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal.GDT_Float32,
                                              ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"])
    ds.SetGeoTransform((0.0, pixel, 0.0, rows * pixel, 0.0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.WriteArray(dem)
    ds = None


def _read_dem(path: str):
    """The DEM as float64 (NaN for nodata) and its Grid: one read of the band, as gdaldem reads it once."""
    import rasterio

    from snowleopard_plugin.core.raster import Grid

    with rasterio.open(path) as src:
        dem = src.read(1, out_dtype="float64")
        if src.nodata is not None:
            dem[dem == src.nodata] = np.nan
        t = src.transform
        grid = Grid(t.c, t.f, t.a, src.width, src.height, src.crs.to_string())
    return dem, grid


def _write_float32(path: str, array: np.ndarray, grid) -> None:
    """Uncompressed Float32 GeoTIFF, NaN as -9999 (gdaldem's default output, for a fair comparison)."""
    import rasterio

    out = array if array.dtype == np.float32 else array.astype(np.float32)
    out[np.isnan(out)] = -9999.0
    with rasterio.open(path, "w", driver="GTiff", width=grid.width, height=grid.height, count=1, dtype="float32",
                       crs=grid.crs, transform=grid.transform, nodata=-9999.0) as dst:
        dst.write(out, 1)


CORE_METRIC = {"slope": "slope", "TRI": "tri", "TPI": "tpi"}


def worker_metric_core(args: argparse.Namespace) -> dict:
    from snowleopard_plugin.core.analysis.terrain import terrain_metrics

    t0 = time.perf_counter()
    dem, grid = _read_dem(args.dem)
    t1 = time.perf_counter()
    name = CORE_METRIC[args.metric]
    # gdaldem TPI is the 3 x 3 window: a square of radius one cell
    out = terrain_metrics(dem, grid, (name,), tpi_radius_m=grid.pixel, tpi_shape="square", dtype=np.float32)[name]
    del dem
    t2 = time.perf_counter()
    _write_float32(args.out, out, grid)
    t3 = time.perf_counter()
    return {"seconds": t3 - t0, "read": t1 - t0, "compute": t2 - t1, "write": t3 - t2}


def worker_metric_gdal(args: argparse.Namespace) -> dict:
    from osgeo import gdal

    gdal.UseExceptions()
    options = {"format": "GTiff"}
    if args.metric == "TRI":
        options["alg"] = "Riley"
    t0 = time.perf_counter()
    gdal.DEMProcessing(args.out, args.dem, args.metric, **options).FlushCache()  # the file is written
    return {"seconds": time.perf_counter() - t0}


def worker_translate(args: argparse.Namespace) -> dict:
    from osgeo import gdal

    gdal.UseExceptions()
    t0 = time.perf_counter()
    gdal.Translate(args.out, args.dem, format="GTiff").FlushCache()
    return {"seconds": time.perf_counter() - t0}


def worker_chain(args: argparse.Namespace) -> dict:
    """terrain -> habitat -> coverage -> gaps, with the algorithms' default parameters."""
    import geopandas as gpd

    from snowleopard_plugin.core.analysis.coverage import coverage_raster
    from snowleopard_plugin.core.analysis.gaps import coverage_gaps
    from snowleopard_plugin.core.analysis.habitat import ALTAI_DEFAULTS, habitat_from_dem
    from snowleopard_plugin.core.analysis.ridges import extract_ridges
    from snowleopard_plugin.core.analysis.terrain import terrain_metrics

    routes = gpd.read_file(args.gpkg, layer="routes")
    cameras = gpd.read_file(args.gpkg, layer="cameras")
    stages: dict = {}
    peaks: dict = {}

    def mark(name: str, since: float) -> float:
        now = time.perf_counter()
        stages[name] = now - since
        peaks[name] = peak_rss_mb()
        return now

    t0 = t = time.perf_counter()
    dem, grid = _read_dem(args.dem)
    t = mark("read DEM", t)
    network = extract_ridges(dem, grid, min_length_m=500.0, segment_length_m=1000.0, tpi_radius_m=300.0,
                             tpi_min_m=5.0)
    network.skeleton = None
    t = mark("terrain: ridges", t)
    metrics = terrain_metrics(dem, grid, ("slope", "vrm", "tpi"), tpi_radius_m=300.0, vrm_window=3, edges="nan",
                              min_coverage=1.0, dtype=np.float32)
    t = mark("terrain: slope, VRM, TPI", t)
    del metrics  # the algorithm writes them and lets them go
    suitability = habitat_from_dem(dem, grid, ALTAI_DEFAULTS, network.lines)
    del dem
    t = mark("habitat", t)
    codes, nights = coverage_raster(grid, routes, 50.0, cameras, "trap_nights", 500.0)
    searched_km2 = float(((codes & 1) > 0).sum()) * grid.pixel ** 2 / 1e6
    del codes, nights
    t = mark("coverage", t)
    gaps = coverage_gaps(suitability, grid, routes, cameras, 3000.0, 0.5, 1.0, network.lines, None)
    t = mark("gaps", t)
    return {"seconds": t - t0, "stages": stages, "peaks": peaks, "ridge_km": float(network.lines["length_km"].sum()),
            "ridge_segments": int(len(network.lines)), "searched_km2": searched_km2, "gaps": int(len(gaps)),
            "gap_km2": float(gaps["area_km2"].sum()), "suitable_share": float(np.nanmean(suitability >= 0.5))}


WORKERS = {"core": worker_core, "qgis": worker_qgis, "metric-core": worker_metric_core,
           "metric-gdal": worker_metric_gdal, "translate": worker_translate, "chain": worker_chain}


def peak_rss_mb() -> float:
    """Peak resident memory (MB) of this process since it was exec'd (VmHWM; ru_maxrss would include the memory
    of the parent at the time of the fork)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_process(cmd: list) -> tuple:
    """Run a command; return (wall seconds, peak memory MB of that process, stdout) via os.wait4."""
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed:\n{stdout}\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stdout


def run_child(kind: str, args: argparse.Namespace, **extra: str) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", kind, "--cells", str(args.cells), "--pixel",
           str(args.pixel), "--half-width", str(args.half_width)]
    for key, value in extra.items():
        if key == "routes":
            cmd += ["--routes", *value]
        else:
            cmd += [f"--{key}", str(value)]
    wall, maxrss, stdout = run_process(cmd)
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["maxrss_mb"] = result.pop("hwm_mb", maxrss)
    return result


class Report:
    """Print lines and keep them for the output file."""

    def __init__(self) -> None:
        self.lines: list = []

    def __call__(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)


def bench_coverage(args: argparse.Namespace, say: Report, tmp: str, routes: list, paths: list, gpkg: str) -> dict:
    core = run_child("core", args, out=os.path.join(tmp, "core.npy"), gpkg=gpkg, routes=paths)
    core_mask = np.load(os.path.join(tmp, "core.npy"))
    say(f"  core:  {core['seconds']:.2f} s, peak memory {core['maxrss_mb']:.0f} MB, "
        f"{int(core_mask.sum()):,} cells searched")
    masks = {"core": core_mask}
    summary = {"core": core}
    if not args.skip_qgis:
        qgis = run_child("qgis", args, out=os.path.join(tmp, "qgis.npy"), gpkg=gpkg, routes=paths)
        masks["qgis"] = np.load(os.path.join(tmp, "qgis.npy"))
        summary["qgis"] = qgis
        say(f"  QGIS:  {qgis['seconds']:.2f} s (buffer+dissolve {qgis['buffer_seconds']:.2f} s), peak memory "
            f"{qgis['maxrss_mb']:.0f} MB, {int(masks['qgis'].sum()):,} cells searched")
        say(f"  speed-up: {qgis['seconds'] / core['seconds']:.1f}x (target >= 10x)")
    # sample: cells near the routes (a 2-cell band around the masks) and uniform cells
    rng = np.random.default_rng(5)
    from scipy import ndimage

    band = ndimage.binary_dilation(core_mask, iterations=2)
    if "qgis" in masks:
        band |= ndimage.binary_dilation(masks["qgis"], iterations=2)
    near = np.flatnonzero(band)
    del band
    pick = rng.choice(near, size=min(args.sample, len(near)), replace=False)
    uniform = rng.integers(0, args.cells * args.cells, args.sample // 4)
    cells = np.unique(np.concatenate([pick, uniform]))
    rows, cols = cells // args.cells, cells % args.cells
    t = time.perf_counter()
    truth = exact_on_sample(routes, rows, cols, args.pixel, args.cells * args.pixel, args.half_width)
    say(f"  exact rule on {len(cells):,} sampled cells ({len(pick):,} of the {len(near):,} near the routes) "
        f"in {time.perf_counter() - t:.1f} s:")
    for name, mask in masks.items():
        got = mask[rows, cols]
        wrong = int((got != truth).sum())
        summary[name]["wrong"] = wrong
        say(f"    {name:5s} misclassified {wrong:,} "
            f"(missed {int((truth & ~got).sum()):,}, extra {int((got & ~truth).sum()):,})")
    return summary


def compare_rasters(a_path: str, b_path: str) -> tuple:
    """(max |a - b| where both are valid, cells valid in one only, cells valid in both)."""
    from osgeo import gdal

    a = gdal.Open(a_path).ReadAsArray().astype(np.float64)
    b = gdal.Open(b_path).ReadAsArray().astype(np.float64)
    va, vb = a != -9999, b != -9999
    both = va & vb
    diff = float(np.abs(a[both] - b[both]).max()) if both.any() else float("nan")
    return diff, int((va != vb).sum()), int(both.sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,500 x 1,500 cells, 100,000 vertices")
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--pixel", type=float, default=30.0)
    parser.add_argument("--vertices", type=int, default=1_000_000)
    parser.add_argument("--half-width", type=float, default=25.0)
    parser.add_argument("--sample", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each terrain metric and of the DEM copy; "
                        "the best time of each side is kept (the machine may be shared)")
    parser.add_argument("--skip-qgis", action="store_true", help="leave out QGIS's buffer + rasterize chain")
    parser.add_argument("--only", choices=["coverage", "terrain", "chain"], action="append",
                        help="run only these parts (repeatable); default: all")
    parser.add_argument("--output", help="also write the figures to this file (default for the full run: "
                                         "bench/output/coverage_full.txt)")
    parser.add_argument("--worker", choices=sorted(WORKERS))
    parser.add_argument("--out")
    parser.add_argument("--gpkg")
    parser.add_argument("--dem")
    parser.add_argument("--metric", choices=sorted(CORE_METRIC))
    parser.add_argument("--routes", nargs="*")
    args = parser.parse_args()
    if args.worker:
        result = WORKERS[args.worker](args)
        result["hwm_mb"] = peak_rss_mb()
        print(json.dumps(result))
        return
    full = not args.quick and args.cells == 5000 and args.vertices == 1_000_000
    if args.quick:
        args.cells, args.vertices = 1500, 100_000
    parts = args.only or ["coverage", "terrain", "chain"]
    output = args.output or (os.path.join(HERE, "output", "coverage_full.txt") if full and not args.only else None)
    say = Report()
    size = args.cells * args.pixel
    grid_mb = args.cells * args.cells * 8 / 2 ** 20
    n_routes = max(1, args.vertices // 50_000)
    say(f"bench/coverage.py {'--quick' if args.quick else ''} on {os.cpu_count()} CPUs, GDAL "
        f"{__import__('osgeo.gdal').gdal.__version__}, numpy {np.__version__}")
    say(f"grid {args.cells} x {args.cells} cells at {args.pixel:g} m ({size / 1000:g} km); one float64 copy of the "
        f"grid = {grid_mb:.0f} MB")
    routes = make_routes(args.vertices, n_routes, size)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, r in enumerate(routes):
            paths.append(os.path.join(tmp, f"route{i}.npy"))
            np.save(paths[-1], r, allow_pickle=False)
        gpkg = os.path.join(tmp, "routes.gpkg")
        import geopandas as gpd
        from shapely.geometry import LineString

        gpd.GeoDataFrame({"route_id": range(len(routes))}, geometry=[LineString(r) for r in routes],
                         crs=CRS).to_file(gpkg, driver="GPKG", layer="routes")
        rng = np.random.default_rng(3)
        n_cams = 60
        cam_xy = rng.uniform(0.05, 0.95, (n_cams, 2)) * size
        gpd.GeoDataFrame({"station": [f"C{i:02d}" for i in range(n_cams)],
                          "trap_nights": rng.integers(20, 90, n_cams).astype(float)},
                         geometry=gpd.points_from_xy(cam_xy[:, 0], cam_xy[:, 1]), crs=CRS).to_file(
            gpkg, driver="GPKG", layer="cameras")
        if "coverage" in parts:
            say()
            say(f"1. Coverage: {sum(len(r) for r in routes):,} vertices in {n_routes} routes, half-width "
                f"{args.half_width:g} m")
            results["coverage"] = bench_coverage(args, say, tmp, routes, paths, gpkg)
        dem_path = os.path.join(tmp, "dem.tif")
        if "terrain" in parts or "chain" in parts:
            t = time.perf_counter()
            dem = make_dem(args.cells, args.pixel)
            write_dem(dem_path, dem, args.pixel)
            say()
            say(f"DEM: synthetic, {args.cells} x {args.cells} Float32 at {args.pixel:g} m, {dem.min():.0f}-"
                f"{dem.max():.0f} m (made in {time.perf_counter() - t:.1f} s)")
            del dem
            # copy: the reference of the chain; run first, it also puts the DEM file in the page cache
            copies = [run_child("translate", args, dem=dem_path, out=os.path.join(tmp, "copy.tif"))
                      for _ in range(args.repeat + 1)]
            copy = min(copies, key=lambda r: r["seconds"])
            cli_wall, _, _ = run_process(["gdal_translate", "-q", "-of", "GTiff", dem_path,
                                                os.path.join(tmp, "copy2.tif")])
            results["translate"] = copy
            say(f"gdal.Translate copy of the DEM to GTiff (best of {len(copies)}): {copy['seconds']:.2f} s, "
                f"peak memory {copy['maxrss_mb']:.0f} MB (the gdal_translate command: {cli_wall:.2f} s wall)")
        if "terrain" in parts:
            say()
            say(f"2. Terrain metrics vs gdaldem (read DEM GeoTIFF + compute + write Float32 GeoTIFF, timed alike; best "
                f"of {args.repeat} runs each):")
            say(f"  {'metric':8s} {'core s':>7s} {'(read/compute/write)':>22s} {'gdaldem s':>9s} {'ratio':>6s} "
                f"{'core MB':>8s} {'x grid':>6s} {'gdal MB':>8s}  max |diff|, cells valid in one only")
            results["terrain"] = {}
            for metric in ("slope", "TRI", "TPI"):
                g = c = None
                for _ in range(args.repeat):  # alternate the two sides; keep the best of each
                    g2 = run_child("metric-gdal", args, dem=dem_path, metric=metric,
                                   out=os.path.join(tmp, f"gdal_{metric}.tif"))
                    c2 = run_child("metric-core", args, dem=dem_path, metric=metric,
                                   out=os.path.join(tmp, f"core_{metric}.tif"))
                    g = g2 if g is None or g2["seconds"] < g["seconds"] else g
                    c = c2 if c is None or c2["seconds"] < c["seconds"] else c
                diff, one_only, _ = compare_rasters(os.path.join(tmp, f"gdal_{metric}.tif"),
                                                    os.path.join(tmp, f"core_{metric}.tif"))
                ratio = c["seconds"] / g["seconds"]
                results["terrain"][metric] = {"core": c, "gdal": g, "ratio": ratio, "diff": diff}
                split = f"({c['read']:.2f}/{c['compute']:.2f}/{c['write']:.2f})"
                say(f"  {metric:8s} {c['seconds']:7.2f} {split:>22s} {g['seconds']:9.2f} {ratio:6.2f} "
                    f"{c['maxrss_mb']:8.0f} {c['maxrss_mb'] / grid_mb:6.1f} {g['maxrss_mb']:8.0f}  {diff:.2g}, "
                    f"{one_only:,}")
                for name in (f"gdal_{metric}.tif", f"core_{metric}.tif"):
                    os.remove(os.path.join(tmp, name))
            say("  ratio = core / gdaldem (target <= 1: no slower)")
        if "chain" in parts:
            say()
            say("3. Chain terrain -> habitat -> coverage (half-width 50 m, 60 cameras at 500 m) -> gaps (3 km):")
            chain = run_child("chain", args, dem=dem_path, gpkg=gpkg, out=os.path.join(tmp, "chain"))
            results["chain"] = chain
            for name, seconds in chain["stages"].items():
                say(f"  {name:26s} {seconds:7.2f} s   peak so far {chain['peaks'][name]:6.0f} MB")
            ratio = chain["seconds"] / results["translate"]["seconds"]
            say(f"  whole chain {chain['seconds']:.2f} s = {ratio:.1f}x the DEM copy (target <= 10x); peak memory "
                f"{chain['maxrss_mb']:.0f} MB = {chain['maxrss_mb'] / grid_mb:.1f} float64 grids")
            say(f"  ({chain['ridge_km']:.0f} km of ridges in {chain['ridge_segments']:,} segments; "
                f"{chain['searched_km2']:.0f} km2 searched; {chain['suitable_share']:.0%} of the DEM suitable; "
                f"{chain['gaps']:,} gaps of >= 1 km2, {chain['gap_km2']:.0f} km2)")
    if output:
        os.makedirs(os.path.dirname(output), exist_ok=True)
        with open(output, "w", encoding="utf-8") as fh:
            fh.write("\n".join(say.lines) + "\n")
        print(f"figures written to {output}")


if __name__ == "__main__":
    main()
