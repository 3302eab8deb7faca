"""Benchmark: snowleopard heatmaps vs QGIS's heatmap and line density, side by side.

Run with the system Python (it has the QGIS bindings)::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/heatmap.py --quick   # seconds
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/heatmap.py           # full: 150 x 150 km at 30 m

Every contender runs in its own child process (``--child``) so its peak memory (ru_maxrss) is its
own. QGIS's heatmap and line density are linear in the number of points / vertices; where the full
size would take hours they are timed on two documented subsets and extrapolated with the straight
line through them (fixed cost + cost per feature). The output says which figures are measured and
which are extrapolated. Accuracy is the relative L1 error against the exact kernel sum at the
pixel centres of a small window, brute force.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

CRS = "EPSG:32645"
X0, Y0 = 400000.0, 5500000.0  # south-west corner of the study square (UTM 45N, Altai)
REPEATS = 3  # each contender runs this many times (fresh process each); the fastest counts, for both sides


def make_points(n: int, side: float, radius: float, seed: int = 1) -> np.ndarray:
    """n clustered sign locations in the square, kept a radius away from its edges (m)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(radius + 2000, side - radius - 2000, (200, 2))
    pts = centres[rng.integers(0, 200, n)] + rng.normal(0, 1500.0, (n, 2))
    pts = np.clip(pts, radius, side - radius)
    return pts + [X0, Y0]


def make_routes(n_vertices: int, side: float, radius: float, per_route: int = 500, seed: int = 2) -> list:
    """Random-walk GPS routes, ~20 m between vertices, inside the square (m)."""
    rng = np.random.default_rng(seed)
    routes = []
    for _ in range(max(1, n_vertices // per_route)):
        start = rng.uniform(radius + 6000, side - radius - 6000, 2)
        heading = np.cumsum(rng.normal(0, 0.15, per_route)) + rng.uniform(0, 2 * math.pi)
        steps = 20.0 * np.column_stack([np.cos(heading), np.sin(heading)])
        line = start + np.cumsum(steps, axis=0)
        routes.append(np.clip(line, radius, side - radius) + [X0, Y0])
    return routes


def exact_sum(px: np.ndarray, py: np.ndarray, xs: np.ndarray, ys: np.ndarray, radius: float) -> np.ndarray:
    """Quartic kernel sum per km² at the centres xs (cols) x ys (rows), brute force over the points."""
    cx, cy = np.meshgrid(xs, ys)
    near = (px > xs.min() - radius) & (px < xs.max() + radius) & (py > ys.min() - radius) & (py < ys.max() + radius)
    out = np.zeros(cx.shape)
    for x, y in zip(px[near], py[near]):
        d2 = ((cx - x) ** 2 + (cy - y) ** 2) / radius ** 2
        out += np.where(d2 <= 1, 3 / (math.pi * radius ** 2) * (1 - d2) ** 2, 0.0)
    return out * 1e6


# ---------------------------------------------------------------------------- child processes

def child(spec: dict) -> dict:
    """Run one contender; return seconds, peak memory and a small window of the result."""
    kind = spec["kind"]
    result: dict = {}
    if kind in ("ours_kde", "ours_line"):
        # the same calls as processing/alg_heatmap.py: heatmaps.sign_heatmap (float32 map) + write_geotiff
        from snowleopard_plugin.core.analysis import density, heatmaps
        from snowleopard_plugin.core.raster import write_geotiff

        extent = (X0, Y0, X0 + spec["side"], Y0 + spec["side"])
        if kind == "ours_kde":
            pts = make_points(spec["n"], spec["side"], spec["radius"])
            t, cpu = time.perf_counter(), time.process_time()
            dens, grid = heatmaps.sign_heatmap(pts[:, 0], pts[:, 1], np.ones(len(pts)), spec["radius"],
                                               spec["pixel"], kernel=0, crs=CRS, extent=extent)
        else:  # the effort map of sign_heatmap (float32, as there)
            routes = make_routes(spec["n"], spec["side"], spec["radius"])
            t, cpu = time.perf_counter(), time.process_time()
            grid = heatmaps.heatmap_grid(np.zeros(0), np.zeros(0), spec["radius"], spec["pixel"], CRS, extent)
            dens = density.line_density(routes, grid, spec["radius"], kernel=0, dtype=np.float32)
        result["compute_s"] = time.perf_counter() - t
        write_geotiff(spec["out"], dens, grid, nodata=-9999.0)
        result["seconds"] = time.perf_counter() - t
        result["cpu_s"] = time.process_time() - cpu
        result["window"] = window_of(dens, grid.x0, grid.y0, spec)
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from qgis.core import QgsApplication

        app = QgsApplication([], False)
        app.initQgis()
        sys.path.append("/usr/share/qgis/python/plugins")
        import processing
        from processing.core.Processing import Processing
        from qgis.analysis import QgsNativeAlgorithms

        Processing.initialize()
        QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
        t, cpu = time.perf_counter(), time.process_time()
        if kind == "qgis_kde":
            processing.run("qgis:heatmapkerneldensityestimation", {
                "INPUT": spec["layer"], "RADIUS": spec["radius"], "PIXEL_SIZE": spec["pixel"], "KERNEL": 0,
                "WEIGHT_FIELD": "w", "OUTPUT_VALUE": 1, "DECAY": 0, "OUTPUT": spec["out"]})
        else:
            processing.run("native:linedensity", {
                "INPUT": spec["layer"], "RADIUS": spec["radius"], "PIXEL_SIZE": spec["pixel"], "WEIGHT": "w",
                "OUTPUT": spec["out"]})
        result["seconds"] = time.perf_counter() - t
        result["cpu_s"] = time.process_time() - cpu
        if kind == "qgis_kde" and spec.get("window_size"):
            from osgeo import gdal

            ds = gdal.Open(spec["out"])
            gt = ds.GetGeoTransform()
            size = spec["window_size"]
            c0 = int((X0 + spec["side"] / 2 - gt[0]) / spec["pixel"]) - size // 2
            r0 = int((gt[3] - (Y0 + spec["side"] / 2)) / spec["pixel"]) - size // 2
            # only the window is read, so QGIS's peak memory is its own
            win = ds.GetRasterBand(1).ReadAsArray(c0, r0, size, size).astype(np.float64)
            win[win == -9999] = 0.0
            result["window"] = window_of(win * 1e6, gt[0] + c0 * spec["pixel"], gt[3] - r0 * spec["pixel"],
                                         dict(spec, side=0.0, centre=True))  # scaled output is per m²
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    result["raster"] = describe_raster(spec["out"])
    return result


def describe_raster(path: str) -> dict:
    """Size, data type, compression and file size of a written GeoTIFF."""
    from osgeo import gdal

    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    return {"width": ds.RasterXSize, "height": ds.RasterYSize, "dtype": gdal.GetDataTypeName(band.DataType),
            "compression": ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION", "none").lower(),
            "tiled": band.GetBlockSize()[1] > 1 and band.GetBlockSize()[0] < ds.RasterXSize,
            "mb": os.path.getsize(path) / 1e6}


def raster_text(info: dict) -> str:
    tiles = "tiled" if info["tiled"] else "striped"
    return (f"{info['width']} x {info['height']} {info['dtype']}, {tiles}, compression {info['compression']}, "
            f"{info['mb']:.0f} MB")


def window_of(arr: np.ndarray, x0: float, y0: float, spec: dict) -> dict:
    """The centre window of a raster whose upper-left corner is (x0, y0), with its cell centres."""
    size = spec.get("window_size", 0)
    if not size:
        return {}
    pixel = spec["pixel"]
    if spec.get("centre"):  # the array is the window already
        c0 = r0 = 0
    else:
        cx, cy = X0 + spec["side"] / 2, Y0 + spec["side"] / 2
        c0 = int((cx - x0) / pixel) - size // 2
        r0 = int((y0 - cy) / pixel) - size // 2
    win = arr[r0:r0 + size, c0:c0 + size]
    return {"values": win.tolist(), "xs": (x0 + (np.arange(c0, c0 + size) + 0.5) * pixel).tolist(),
            "ys": (y0 - (np.arange(r0, r0 + size) + 0.5) * pixel).tolist()}


def run_child(spec: dict, repeats: int = REPEATS) -> dict:
    """Run a contender ``repeats`` times in fresh processes; keep the fastest run (same rule for both sides)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=ROOT)
    best = None
    for _ in range(repeats):
        proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True,
                              text=True, env=env, check=False)
        lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"child {spec['kind']} failed:\n{proc.stderr[-3000:]}")
        res = json.loads(lines[-1][len("RESULT "):])
        if best is None or res["seconds"] < best["seconds"]:
            peak = max(res["maxrss_mb"], best["maxrss_mb"]) if best else res["maxrss_mb"]
            best = dict(res, maxrss_mb=peak)
        else:
            best["maxrss_mb"] = max(best["maxrss_mb"], res["maxrss_mb"])
    return best


# ---------------------------------------------------------------------------- layers for QGIS

def write_points(path: str, pts: np.ndarray, side: float = 0.0, radius: float = 0.0) -> None:
    """Points with a weight field ``w`` = 1. With ``side``, two more points of weight 0 at the corners
    of the square shrunk by the radius: QGIS's heatmap takes its extent from the layer padded by the
    radius, so every subset gets the same full side x side extent as ours (and the same cells)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("signs", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("w", ogr.OFTReal))
    layer.StartTransaction()
    defn = layer.GetLayerDefn()
    rows = [(x, y, 1.0) for x, y in pts]
    if side:
        rows += [(X0 + radius, Y0 + radius, 0.0), (X0 + side - radius, Y0 + side - radius, 0.0)]
    for x, y, weight in rows:
        feat = ogr.Feature(defn)
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(float(x), float(y))
        feat.SetGeometry(geom)
        feat.SetField("w", weight)
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None


def write_lines(path: str, routes: list, side: float = 0.0, radius: float = 0.0) -> None:
    """Routes with a weight field ``w`` = 1. With ``side``, two 1 m stubs of weight 0 at the corners of
    the square, so that QGIS's line density (extent = the layer's, not padded) covers the same cells as
    ours. ``radius`` is not used (same call as :func:`write_points`)."""
    del radius
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("routes", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("w", ogr.OFTReal))
    layer.StartTransaction()
    defn = layer.GetLayerDefn()
    rows = [(line, 1.0) for line in routes]
    if side:
        rows += [(np.array([[X0, Y0], [X0 + 1.0, Y0]]), 0.0),
                 (np.array([[X0 + side - 1.0, Y0 + side], [X0 + side, Y0 + side]]), 0.0)]
    for line, weight in rows:
        feat = ogr.Feature(defn)
        geom = ogr.Geometry(ogr.wkbLineString)
        for x, y in line:
            geom.AddPoint_2D(float(x), float(y))
        feat.SetGeometry(geom)
        feat.SetField("w", weight)
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    ds = None


# ---------------------------------------------------------------------------- main

def qgis_time(kind: str, sizes: list, full: int, make, writer, spec: dict, tmp: str, repeats: int = REPEATS) -> tuple:
    """Measure QGIS at the given subset sizes; extrapolate linearly to ``full`` when it is not measured.

    Every subset layer gets zero-weight features at the corners of the study square, so QGIS computes
    the same full extent and cells as ours (checked: its raster must be the grid, give or take the one
    extra row and column QGIS's heatmap adds).
    """
    measured = []
    for n in sizes:
        layer = os.path.join(tmp, f"{kind}_{n}.gpkg")
        writer(layer, make(n), spec["side"], spec["radius"])
        res = run_child(dict(spec, kind=kind, layer=layer, out=os.path.join(tmp, f"{kind}_{n}.tif"),
                             window_size=spec.get("window_size") if n == full else 0), repeats)
        cells = round(spec["side"] / spec["pixel"])
        info = res["raster"]
        if not (cells <= info["width"] <= cells + 1 and cells <= info["height"] <= cells + 1):
            raise RuntimeError(f"QGIS did not compute the full grid: {raster_text(info)} instead of {cells} x {cells}")
        measured.append((n, res))
    if sizes[-1] == full:
        return measured[-1][1]["seconds"], measured[-1][1]["cpu_s"], "measured", measured
    (n1, r1), (n2, r2) = measured[0], measured[-1]

    def line(key: str) -> float:
        slope = (r2[key] - r1[key]) / (n2 - n1) if n2 > n1 else r2[key] / n2
        return r2[key] + slope * (full - n2)

    return line("seconds"), line("cpu_s"), f"extrapolated from {n1:,} and {n2:,}", measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small run (15 x 15 km, seconds)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(child(json.loads(args.child))))
        return

    pixel = 30.0
    if args.quick:
        side = 15000.0
        cases = [(20000, 2000.0, [500, 1000]), (20000, 500.0, [2000, 4000]), (2000, 500.0, [2000])]
        line_case = (20000, 500.0, [2000, 4000])
    else:
        side = 150000.0
        cases = [(1_000_000, 2000.0, [10_000, 40_000]), (1_000_000, 500.0, [100_000, 200_000]),
                 (100_000, 500.0, [100_000]), (10_000, 500.0, [10_000])]
        line_case = (1_000_000, 500.0, [5000, 10000])
    print(f"grid {side / 1000:.0f} x {side / 1000:.0f} km at {pixel:.0f} m = {(side / pixel) ** 2 / 1e6:.1f} M cells; "
          f"quartic kernel; each run in a fresh process, fastest of {REPEATS} runs per contender (QGIS line density: "
          "1 run); times include writing the GeoTIFF on both sides; QGIS is given the same full extent")
    with tempfile.TemporaryDirectory() as tmp:
        for n, radius, subsets in cases:
            spec = dict(side=side, pixel=pixel, radius=radius, n=n, window_size=60)
            ours = run_child(dict(spec, kind="ours_kde", out=os.path.join(tmp, "ours.tif")))
            pts = make_points(n, side, radius)
            q_sec, q_cpu, how, measured = qgis_time("qgis_kde", subsets, n, lambda k, p=pts: p[:k], write_points,
                                                    spec, tmp)
            q_rss = max(r["maxrss_mb"] for _, r in measured)
            w = ours["window"]
            ref = exact_sum(pts[:, 0], pts[:, 1], np.array(w["xs"]), np.array(w["ys"]), radius)
            err = np.abs(np.array(w["values"]) - ref).sum() / ref.sum()
            print(f"\nheatmap  {n:>9,} points  radius {radius:.0f} m")
            print(f"  ours : {ours['seconds']:8.2f} s measured (compute {ours['compute_s']:.2f} s + GeoTIFF; CPU "
                  f"{ours['cpu_s']:.2f} s), peak {ours['maxrss_mb']:.0f} MB, rel. L1 error vs exact sum {err:.2e}")
            for k, r in measured:
                print(f"  QGIS : {r['seconds']:8.2f} s measured on {k:,} points (CPU {r['cpu_s']:.2f} s), "
                      f"peak {r['maxrss_mb']:.0f} MB")
            print(f"  QGIS : {q_sec:8.2f} s for {n:,} points ({how}; CPU {q_cpu:.2f} s); peak {q_rss:.0f} MB")
            print(f"  ours writes: {raster_text(ours['raster'])}")
            print(f"  QGIS writes: {raster_text(measured[-1][1]['raster'])}")
            print(f"  speed-up {q_sec / ours['seconds']:.1f}x (wall clock; CPU time: {q_cpu / ours['cpu_s']:.1f}x)")
            last = measured[-1][1]
            if last.get("window"):
                wq = last["window"]
                refq = exact_sum(pts[:, 0], pts[:, 1], np.array(wq["xs"]), np.array(wq["ys"]), radius)
                vals = np.array(wq["values"])
                err_q = np.abs(vals - refq).sum() / refq.sum()
                err_fixed = np.abs(vals / 7.25 - refq).sum() / refq.sum()
                print(f"  QGIS accuracy (same window, its own pixel centres): rel. L1 error {err_q:.2e}, sum ratio "
                      f"{vals.sum() / refq.sum():.3f} (quartic factor 116/16 = 7.25); after dividing by 7.25: "
                      f"{err_fixed:.2e} (the row offset)")
        n, radius, subsets = line_case
        spec = dict(side=side, pixel=pixel, radius=radius, n=n)
        ours = run_child(dict(spec, kind="ours_line", out=os.path.join(tmp, "ours_line.tif")))
        routes = make_routes(n, side, radius)
        q_sec, q_cpu, how, measured = qgis_time("qgis_line", subsets, n, lambda k, r=routes: r[:max(1, k // 500)],
                                         write_lines, spec, tmp, repeats=1)
        print(f"\nroute density  {n:,} vertices ({len(routes)} routes)  radius {radius:.0f} m")
        print(f"  ours : {ours['seconds']:8.2f} s measured (compute {ours['compute_s']:.2f} s + GeoTIFF; CPU "
              f"{ours['cpu_s']:.2f} s), peak {ours['maxrss_mb']:.0f} MB")
        for k, r in measured:
            print(f"  QGIS native:linedensity : {r['seconds']:8.2f} s measured on {k:,} vertices, "
                  f"peak {r['maxrss_mb']:.0f} MB")
        print(f"  QGIS native:linedensity : {q_sec:8.2f} s for {n:,} vertices ({how}; CPU {q_cpu:.2f} s)")
        print(f"  ours writes: {raster_text(ours['raster'])}")
        print(f"  QGIS writes: {raster_text(measured[-1][1]['raster'])}")
        print(f"  speed-up {q_sec / ours['seconds']:.1f}x (wall clock; CPU time: {q_cpu / ours['cpu_s']:.1f}x)")


if __name__ == "__main__":
    main()
