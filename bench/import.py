"""Benchmark: importing a 1,000,000-point GPX versus ``ogr2ogr -f GPKG`` on the same file.

Generates (deterministically, into a temporary folder) a GPX 1.1 such as a
Garmin writes: 200 tracks of 5,000 fixes each (two segments per track, times,
elevations, TrackPointExtension), plus sign waypoints. Then runs, each in its
own child process, ``ogr2ogr -f GPKG out.gpkg in.gpx`` and our import
(``season.build_season`` to a season GeoPackage), and prints the wall times,
their ratio and the peak resident memory of each child (``ru_maxrss`` from
``os.wait4``, which counts C allocations too). The target: ratio <= 3 and
peak memory < 1 GB. This is a benchmark, not a test: nothing is asserted.

Run from the repository root::

    /usr/bin/python3 bench/import.py [--points 1000000] [--tracks 200] [--keep DIR]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from typing import List, Tuple

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_gpx(path: str, n_points: int, n_tracks: int, seed: int = 2024) -> None:
    """Write a realistic GPX 1.1 (Garmin style) with ``n_points`` fixes in ``n_tracks`` tracks."""
    rng = np.random.default_rng(seed)
    per_track = n_points // n_tracks
    start = np.datetime64("2024-02-10T03:00:00", "s")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
                  '<gpx xmlns="http://www.topografix.com/GPX/1/1" creator="eTrex 32x" version="1.1" '
                  'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                  '<metadata><time>2024-02-10T03:00:00Z</time></metadata>\n')
        for t in range(0, n_tracks, 10):
            lon = 87.5 + rng.uniform(-0.5, 0.5)
            lat = 50.0 + rng.uniform(-0.3, 0.3)
            out.write(f'<wpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>2400.0</ele><time>2024-02-10T05:00:00Z</time>'
                      f'<name>след {t}</name><sym>Flag, Blue</sym></wpt>\n')
        written = 0
        for t in range(n_tracks):
            n = per_track if t < n_tracks - 1 else n_points - written
            written += n
            lon0 = 87.0 + rng.uniform(0.0, 1.0)
            lat0 = 49.7 + rng.uniform(0.0, 0.6)
            heading = np.cumsum(rng.normal(0, 0.2, n)) + rng.uniform(0, 2 * math.pi)
            step = rng.uniform(0.5, 1.5, n)  # metres per second, 1 fix per 1-2 s
            dlat = step * np.cos(heading) / 110570.0
            dlon = step * np.sin(heading) / (111320.0 * math.cos(math.radians(lat0)))
            lats = lat0 + np.cumsum(dlat)
            lons = lon0 + np.cumsum(dlon)
            eles = 2000 + np.cumsum(rng.normal(0, 0.3, n))
            hops = np.cumsum(rng.integers(1, 3, n)).astype("timedelta64[s]")
            times = start + np.timedelta64(t * 86400 // 8, "s") + hops
            stamps = np.datetime_as_string(times, unit="s")
            hr = rng.integers(90, 160, n)
            out.write(f"<trk><name>группа {t % 4 + 1} маршрут {t + 1}</name><trkseg>\n")
            half = n // 2
            lines: List[str] = []
            for i in range(n):
                if i == half:
                    lines.append("</trkseg><trkseg>\n")
                lines.append(f'<trkpt lat="{lats[i]:.7f}" lon="{lons[i]:.7f}"><ele>{eles[i]:.1f}</ele>'
                             f'<time>{stamps[i]}Z</time><extensions><gpxtpx:TrackPointExtension>'
                             f'<gpxtpx:hr>{hr[i]}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n')
            out.write("".join(lines))
            out.write("</trkseg></trk>\n")
        out.write("</gpx>\n")


def run_child(args: List[str], cwd: str) -> Tuple[float, float, int]:
    """Run a command; return (wall seconds, peak RSS in MB, exit code)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: GDAL warnings could fill a pipe and block
        began = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        print(f"command failed ({proc.returncode}): {' '.join(args)}\n{err[-2000:]}", file=sys.stderr)
    return elapsed, usage.ru_maxrss / 1024.0, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--tracks", type=int, default=200)
    parser.add_argument("--keep", help="keep the generated files in this folder")
    options = parser.parse_args()
    folder = options.keep or tempfile.mkdtemp(prefix="slc_bench_")
    os.makedirs(folder, exist_ok=True)
    try:
        gpx = os.path.join(folder, "bench_gruppa1.gpx")
        began = time.perf_counter()
        write_gpx(gpx, options.points, options.tracks)
        print(f"generated {gpx}: {options.points} fixes, {options.tracks} tracks, "
              f"{os.path.getsize(gpx) / 1e6:.0f} MB in {time.perf_counter() - began:.1f} s")
        ogr_out = os.path.join(folder, "ogr2ogr.gpkg")
        ours_out = os.path.join(folder, "season.gpkg")
        for leftover in (ogr_out, ours_out):
            if os.path.exists(leftover):
                os.remove(leftover)
        t_ogr, m_ogr, rc_ogr = run_child(["ogr2ogr", "-f", "GPKG", ogr_out, gpx], folder)
        script = ("import sys; from snowleopard_plugin.core.season.build import build_season; "
                  "r = build_season(routes=[sys.argv[1]], output=sys.argv[2]); "
                  "print({k: v for k, v in r.items() if k not in ('issues', 'crs')})")
        t_ours, m_ours, rc_ours = run_child([sys.executable, "-c", script, gpx, ours_out], REPO)
        print(f"ogr2ogr -f GPKG : {t_ogr:7.2f} s   peak {m_ogr:7.0f} MB   exit {rc_ogr}")
        print(f"build_season    : {t_ours:7.2f} s   peak {m_ours:7.0f} MB   exit {rc_ours}")
        print(f"ratio (ours / ogr2ogr): {t_ours / t_ogr:.2f}  (target <= 3; peak memory target < 1024 MB)")
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
