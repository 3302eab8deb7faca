#!/usr/bin/env python3
"""Generate the bundled sample season: a realistic synthetic snow leopard census.

The season covers a 30 x 30 km block of the Altai (Sailugemsky area, around
88.5°E 49.9°N) in WGS 84 / UTM zone 45N (EPSG:32645). Everything is drawn
from one ``numpy.random.Generator`` seeded from ``--seed``, so the same seed
gives byte-identical files. No network access, a few seconds of run time.

Outputs (in ``--out``, default ``resources/sample``):

* ``dem.tif``: 1000 x 1000 Float32 DEM at 30 m, EPSG:32645, nodata -9999,
  tiled + DEFLATE, elevations 1,800-3,800 m: main ridge crests with side spurs
  (ridged multifractal noise) and dendritic valleys (flow-accumulation carving).
* ``tracks/*.gpx``: route-day GPX tracks of four teams, written the way a
  Garmin GPSMAP 66s, OsmAnd and Locus Map write them.
* ``signs.csv``: sign observations as typed in Excel on Russian Windows
  (cp1251, ``;``, decimal comma, degrees or degrees + decimal minutes).
* ``camtrap/``: a Camtrap DP 1.0.2 package of the season's camera traps.
* ``access.csv``: access points (camps, road end, ranger hut) in the valleys.
* ``truth.json``: the synthetic truth (cat home-range centres, individuals,
  ridges walked and not walked, deliberate defects).

See ``resources/sample/README.md`` for the method and the intentional defects.

Usage::

    python3 scripts/make_sample_season.py [--out resources/sample] [--seed 2026]
"""

from __future__ import annotations

import argparse
import csv
import heapq
import io
import json
import math
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal, osr
from scipy import ndimage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

gdal.UseExceptions()

# ----------------------------------------------------------------------------
# Fixed parameters of the synthetic season
# ----------------------------------------------------------------------------
EPSG = 32645
CENTRE_LON, CENTRE_LAT = 88.5, 49.9
NCELL = 1000  #: DEM rows and columns
CELL = 30.0  #: DEM cell size, metres
BLOCK = NCELL * CELL  #: block side, metres (30 km)
ZMIN, ZMAX = 1800.0, 3800.0  #: elevation range of the DEM, metres
NODATA = -9999.0
ACC_F = 4  #: flow-accumulation grid = DEM cells aggregated 4 x 4 (120 m)
ACC_N = NCELL // ACC_F
COARSE = 3  #: routing grid = DEM cells aggregated 3 x 3 (90 m)
LOCAL_TZ = timezone(timedelta(hours=7))  #: Altai local time (UTC+7)
SIGMA_M = 3000.0  #: movement scale of the cats, metres
SL_LAMBDA0 = 0.06  #: snow leopard detections per trap-night at a home-range centre
SIGN_OFFSET_SD_M = 9.0  #: sd of a sign's distance from the walked line, metres (clipped at 25 m)

#: Main ridge crests, vertices in km from the block's south-west corner.
CRESTS_KM: Dict[str, List[Tuple[float, float]]] = {
    "A": [(1.0, 25.0), (8.0, 26.5), (16.0, 25.0), (23.0, 26.0), (29.0, 24.5)],
    "B": [(1.5, 13.0), (8.0, 15.0), (15.0, 16.5), (22.0, 18.0), (28.5, 19.5)],
    "C": [(2.0, 5.5), (9.0, 4.0), (16.0, 6.0), (22.0, 5.0), (28.5, 6.5)],
    "D": [(12.0, 16.3), (11.5, 20.5), (12.0, 25.4)],
    "E": [(22.0, 18.0), (23.5, 12.0), (23.0, 5.3)],
}
#: Parts of the crests nobody walks this season: (crest, from km, to km) along the crest.
UNWALKED: List[Tuple[str, float, float, str]] = [
    ("A", 17.5, 99.0, "A-east: eastern half of the northern main ridge"),
    ("C", 13.0, 99.0, "C-east: eastern half of the southern main ridge"),
    ("E", 1.5, 99.0, "E: the north-south cross ridge between B and C"),
]

#: Access points: (id, name, kind, approximate km position), snapped to a valley floor.
ACCESS: List[Tuple[str, str, str, Tuple[float, float]]] = [
    ("AP1", "Лагерь Кара-Кол", "camp", (5.0, 20.0)),
    ("AP2", "Стоянка чабанов Уландрык", "camp", (17.5, 21.0)),
    ("AP3", "Конец дороги, урочище Тархата", "road_end", (7.0, 9.5)),
    ("AP4", "Кордон «Сайлюгем»", "ranger_hut", (16.5, 11.0)),
]

#: Route plan: (route no, team, kind, crest or None, km from, km to along crest, access start, access end).
ROUTES: List[Tuple[int, int, str, Optional[str], float, float, str, str]] = [
    (1, 1, "ridge", "A", 1.0, 7.0, "AP1", "AP1"),
    (2, 1, "ridge", "B", 1.0, 7.5, "AP1", "AP1"),
    (3, 1, "ridge", "A", 6.5, 13.0, "AP1", "AP2"),
    (4, 1, "valley", None, 0, 0, "AP1", "AP1"),
    (5, 2, "ridge", "D", 0.5, 8.5, "AP2", "AP2"),
    (6, 2, "ridge", "B", 13.0, 20.0, "AP2", "AP2"),
    (7, 2, "ridge", "A", 12.0, 17.0, "AP2", "AP2"),
    (8, 2, "valley", None, 0, 0, "AP2", "AP2"),
    (9, 3, "ridge", "C", 0.5, 7.0, "AP3", "AP3"),
    (10, 3, "ridge", "B", 6.5, 13.5, "AP3", "AP3"),
    (11, 3, "ridge", "C", 6.0, 12.5, "AP3", "AP3"),
    (12, 3, "valley", None, 0, 0, "AP3", "AP3"),
    (13, 4, "ridge", "B", 19.0, 24.5, "AP4", "AP4"),
    (14, 4, "ridge", "B", 23.5, 28.5, "AP4", "AP2"),
    (15, 4, "valley", None, 0, 0, "AP4", "AP4"),
    (16, 4, "ridge", "B", 12.0, 18.0, "AP4", "AP4"),
]
#: Device of each route: garmin, osmand or locus.
DEVICES = {r: "garmin" for r in range(1, 17)}
DEVICES.update({13: "osmand", 14: "osmand", 15: "locus", 16: "osmand"})
JUMP_ROUTE = 6  #: the route whose track has one bad GPS fix ~2 km off
PAUSE_ROUTE = 2  #: the route whose track is split into two segments by a pause
WAYPOINT_ROUTE = 10  #: the route whose GPX file carries sign waypoints

TEAM_OBSERVERS = {
    1: ["Тадыев А.", "Кыдырбаев М."],
    2: ["Иванова Е.", "Сабашкин В.", "Чулунов Б."],
    3: ["Петров С.", "Майманов А."],
    4: ["Кузнецова О.", "Ялбаков Э."],
}

#: Home-range centres: (crest, km along crest); three of them lie on unwalked ridges.
CENTRES: List[Tuple[str, float]] = [("A", 5.0), ("B", 10.0), ("B", 22.0), ("A", 24.0), ("C", 20.0), ("E", 7.0)]
#: Individuals: (id, sex or "" when unknown, lifeStage, centre index, sigma metres).
INDIVIDUALS: List[Tuple[str, str, str, int, float]] = [
    ("SL-01", "female", "adult", 0, 2500.0),
    ("SL-02", "male", "adult", 0, 4000.0),
    ("SL-03", "female", "adult", 1, 2500.0),
    ("SL-04", "", "subadult", 1, 3000.0),
    ("SL-05", "female", "adult", 2, 2500.0),
    ("SL-06", "male", "adult", 2, 4000.0),
    ("SL-07", "female", "adult", 3, 2500.0),
    ("SL-08", "male", "adult", 4, 4000.0),
    ("SL-09", "", "adult", 5, 3000.0),
]

SIGN_TYPES_RU = {
    "track": ["след", "след", "след", "тропа"],
    "scrape": ["поскрёб", "поскреб"],
    "scat": ["экскременты"],
    "scent_mark": ["метка", "мочевая метка"],
    "mating_call": ["брачный крик", "голос"],
    "sighting": ["визуальная встреча"],
    "prey_remains": ["остатки добычи"],
}
SIGN_HEADERS = ["№", "Дата", "Время", "Широта", "Долгота", "Тип следа", "Кол-во", "Возраст", "Азимут",
                "Маршрут", "Группа", "Наблюдатель", "Примечание"]

CAMTRAP_URL = "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.2/"


# ----------------------------------------------------------------------------
# Geometry helpers
# ----------------------------------------------------------------------------
@dataclass
class Grid:
    """The DEM grid: north-up, ``x0``/``y0`` the west/north edges in metres (EPSG:32645)."""

    x0: float
    y0: float

    def xy_to_rc(self, x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Fractional (row, col) of map coordinates, cell centres at integers."""
        return (self.y0 - np.asarray(y)) / CELL - 0.5, (np.asarray(x) - self.x0) / CELL - 0.5

    def km(self, p: Tuple[float, float]) -> Tuple[float, float]:
        """Map coordinates of a point given in km from the south-west corner."""
        return self.x0 + p[0] * 1000.0, self.y0 - BLOCK + p[1] * 1000.0


def make_transformers() -> Tuple[osr.CoordinateTransformation, osr.CoordinateTransformation]:
    """Return (lon/lat -> UTM 45N, UTM 45N -> lon/lat), both in x/y (lon/lat) axis order."""
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(EPSG)
    for srs in (wgs, utm):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(wgs, utm), osr.CoordinateTransformation(utm, wgs)


def to_lonlat(tr: osr.CoordinateTransformation, x: np.ndarray, y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Transform UTM metres to lon/lat degrees (arrays)."""
    pts = tr.TransformPoints(np.column_stack([np.ravel(x), np.ravel(y)]).tolist())
    arr = np.asarray(pts, dtype=float)
    return arr[:, 0], arr[:, 1]


def densify(xy: np.ndarray, step: float) -> np.ndarray:
    """Resample a polyline (n x 2, metres) at a constant step along its length."""
    seg = np.hypot(*np.diff(xy, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    n = max(int(s[-1] // step), 1)
    t = np.linspace(0.0, s[-1], n + 1)
    return np.column_stack([np.interp(t, s, xy[:, 0]), np.interp(t, s, xy[:, 1])])


def chaikin(xy: np.ndarray, iterations: int = 3) -> np.ndarray:
    """Corner-cutting smoothing of a polyline, end points kept."""
    for _ in range(iterations):
        q = 0.75 * xy[:-1] + 0.25 * xy[1:]
        r = 0.25 * xy[:-1] + 0.75 * xy[1:]
        mid = np.empty((2 * len(q), 2))
        mid[0::2] = q
        mid[1::2] = r
        xy = np.vstack([xy[:1], mid, xy[-1:]])
    return xy


def path_length(xy: np.ndarray) -> float:
    """Planimetric length of a polyline, metres."""
    return float(np.hypot(*np.diff(xy, axis=0).T).sum())


def point_along(xy: np.ndarray, dist: float) -> np.ndarray:
    """The point at ``dist`` metres along a polyline (clamped to its ends)."""
    seg = np.hypot(*np.diff(xy, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    dist = min(max(dist, 0.0), s[-1])
    return np.array([np.interp(dist, s, xy[:, 0]), np.interp(dist, s, xy[:, 1])])


def sub_line(xy: np.ndarray, d0: float, d1: float) -> np.ndarray:
    """The part of a polyline between ``d0`` and ``d1`` metres along it."""
    dense = densify(xy, 15.0)
    s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(dense, axis=0).T))])
    keep = (s >= d0) & (s <= d1)
    return dense[keep]


def ar1(rng: np.random.Generator, n: int, sd: float, corr: float) -> np.ndarray:
    """Stationary AR(1) noise with marginal standard deviation ``sd``."""
    e = rng.standard_normal(n) * sd * math.sqrt(1.0 - corr * corr)
    out = np.empty(n)
    out[0] = rng.standard_normal() * sd
    for i in range(1, n):
        out[i] = corr * out[i - 1] + e[i]
    return out


# ----------------------------------------------------------------------------
# DEM
# ----------------------------------------------------------------------------
def _bspline_matrix(n_out: int, n_lat: int) -> np.ndarray:
    """Cubic B-spline interpolation weights from ``n_lat`` lattice values to ``n_out`` samples."""
    u = np.linspace(1.0, n_lat - 2.0 - 1e-9, n_out)
    i = np.floor(u).astype(int)
    t = u - i
    w = np.zeros((n_out, n_lat))
    b = [(1 - t) ** 3 / 6, (3 * t**3 - 6 * t**2 + 4) / 6, (-3 * t**3 + 3 * t**2 + 3 * t + 1) / 6, t**3 / 6]
    rows = np.arange(n_out)
    for k, bk in enumerate(b):
        np.add.at(w, (rows, np.clip(i - 1 + k, 0, n_lat - 1)), bk)
    return w


def smooth_noise(rng: np.random.Generator, n: int, cells: int) -> np.ndarray:
    """Smooth value noise on an n x n grid with features about ``n / cells`` pixels wide, sd 1."""
    m = cells + 3
    w = _bspline_matrix(n, m)
    z = w @ rng.standard_normal((m, m)) @ w.T
    return (z - z.mean()) / z.std()


def ridged_multifractal(rng: np.random.Generator, n: int, base: int = 10, octaves: int = 6,
                        lacunarity: float = 2.0, h: float = 0.75, gain: float = 2.0) -> np.ndarray:
    """Musgrave's ridged multifractal noise, normalised to 0..1."""
    result = np.zeros((n, n))
    weight = np.ones((n, n))
    cells = float(base)
    for k in range(octaves):
        noise = smooth_noise(rng, n, int(round(cells))) / 1.8
        signal = (1.0 - np.abs(noise)) ** 2 * weight
        weight = np.clip(signal * gain, 0.0, 1.0)
        result += signal * lacunarity ** (-h * k)
        cells *= lacunarity
    return (result - result.min()) / (result.max() - result.min())


def flow_accumulation(z: np.ndarray) -> np.ndarray:
    """D8 flow accumulation (cells) after priority-flood depression filling; edges drain out."""
    nr, nc = z.shape
    filled = z.copy()
    closed = np.zeros(z.shape, dtype=bool)
    heap: List[Tuple[float, int, int]] = []
    for r in range(nr):
        for c in (0, nc - 1):
            heap.append((float(z[r, c]), r, c))
            closed[r, c] = True
    for c in range(1, nc - 1):
        for r in (0, nr - 1):
            heap.append((float(z[r, c]), r, c))
            closed[r, c] = True
    heapq.heapify(heap)
    nbrs = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]
    while heap:
        h, r, c = heapq.heappop(heap)
        for dr, dc in nbrs:
            rr, cc = r + dr, c + dc
            if 0 <= rr < nr and 0 <= cc < nc and not closed[rr, cc]:
                closed[rr, cc] = True
                v = max(float(z[rr, cc]), h + 1e-5)
                filled[rr, cc] = v
                heapq.heappush(heap, (v, rr, cc))
    pad = np.pad(filled, 1, constant_values=-1e9)
    drops = np.stack([(filled - pad[1 + dr:1 + dr + nr, 1 + dc:1 + dc + nc]) / math.hypot(dr, dc)
                      for dr, dc in nbrs])
    best = drops.argmax(axis=0)
    acc = np.ones(z.size)
    order = np.argsort(-filled.ravel(), kind="stable")
    rows, cols = np.divmod(order, nc)
    for k, (r, c) in enumerate(zip(rows.tolist(), cols.tolist())):
        dr, dc = nbrs[best[r, c]]
        rr, cc = r + dr, c + dc
        if 0 <= rr < nr and 0 <= cc < nc:
            acc[rr * nc + cc] += acc[order[k]]
    return acc.reshape(z.shape)


def make_dem(rng: np.random.Generator, grid: Grid, crests: Dict[str, np.ndarray]) -> Tuple[np.ndarray, np.ndarray]:
    """Build the DEM (metres) and a coarse flow accumulation grid (120 m cells).

    Elevation = main crests (a profile decaying with distance from the crest
    lines, crest height varying along them so saddles form) + ridged
    multifractal noise (side spurs) - valley carving proportional to the log of
    flow accumulation, rescaled to 1,800-3,800 m.
    """
    mask = np.zeros((NCELL, NCELL), dtype=bool)
    for xy in crests.values():
        d = densify(xy, 10.0)
        r, c = grid.xy_to_rc(d[:, 0], d[:, 1])
        r = np.clip(np.round(r).astype(int), 0, NCELL - 1)
        c = np.clip(np.round(c).astype(int), 0, NCELL - 1)
        mask[r, c] = True
    dist = ndimage.distance_transform_edt(~mask) * CELL
    # domain warp (up to ~250 m) so that crest flanks and noise are not straight
    rows, cols = np.mgrid[0:NCELL, 0:NCELL].astype(float)
    wr = rows + 8.0 * smooth_noise(rng, NCELL, 12)
    wc = cols + 8.0 * smooth_noise(rng, NCELL, 12)
    dist = ndimage.map_coordinates(dist, [wr, wc], order=1, mode="nearest")
    low1 = smooth_noise(rng, NCELL, 3)
    low2 = smooth_noise(rng, NCELL, 6)
    main = np.exp(-((dist / 2600.0) ** 1.25)) * (0.78 + 0.12 * low1 + 0.08 * low2)
    rmf = ridged_multifractal(rng, NCELL)
    rmf = ndimage.map_coordinates(rmf, [wr, wc], order=1, mode="nearest")
    # valley floors fall gently to the west and east edges of the block (rivers leave the block there)
    tent = np.minimum(wc, 1.25 * (NCELL - wc)) / NCELL
    z = 1.1 * main + 0.8 * rmf * (0.35 + 0.65 * main) + 0.06 * smooth_noise(rng, NCELL, 2) + 0.3 * tent * (1 - main)
    # valley carving from flow accumulation on a 120 m grid
    coarse = z.reshape(ACC_N, ACC_F, ACC_N, ACC_F).mean(axis=(1, 3))
    acc = flow_accumulation(coarse)
    depth = np.where(acc >= 3, np.log(acc) / np.log(acc.max()), 0.0)
    depth = ndimage.gaussian_filter(depth, 1.6)
    carve = np.clip(ndimage.zoom(depth, ACC_F, order=3, mode="nearest"), 0.0, None)
    z = z - 0.45 * carve
    z = ZMIN + (ZMAX - ZMIN) * (z - z.min()) / (z.max() - z.min())
    z = z + ndimage.gaussian_filter(rng.standard_normal(z.shape), 1.0) * 3.0
    return z.astype(np.float32), acc


def write_dem(path: Path, z: np.ndarray, grid: Grid) -> None:
    """Write the DEM as a tiled, DEFLATE-compressed Float32 GeoTIFF (EPSG:32645, nodata -9999)."""
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(str(path), NCELL, NCELL, 1, gdal.GDT_Float32,
                    options=["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "BLOCKXSIZE=256", "BLOCKYSIZE=256"])
    ds.SetGeoTransform((grid.x0, CELL, 0.0, grid.y0, 0.0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.WriteArray(z)
    band.SetDescription("elevation_m")
    ds.FlushCache()
    ds = None


def sample_dem(z: np.ndarray, grid: Grid, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Bilinear DEM elevation (metres) at map coordinates."""
    r, c = grid.xy_to_rc(x, y)
    return ndimage.map_coordinates(z, [r, c], order=1, mode="nearest")


# ----------------------------------------------------------------------------
# Routing on a 90 m grid
# ----------------------------------------------------------------------------
class Router:
    """Least-cost paths over the DEM on a coarse (90 m) grid for three walking styles."""

    def __init__(self, z: np.ndarray, grid: Grid) -> None:
        self.grid = grid
        n = NCELL // COARSE
        self.n = n
        zc = z[: n * COARSE, : n * COARSE].reshape(n, COARSE, n, COARSE).mean(axis=(1, 3))
        self.zc = zc
        cs = CELL * COARSE
        gy, gx = np.gradient(zc, cs)
        slope = np.hypot(gx, gy)
        tpi = zc - ndimage.gaussian_filter(zc, 400.0 / cs)
        scale = np.percentile(np.abs(tpi), 95)
        ridge = np.clip(tpi / scale, 0.0, 1.0)
        valley = np.clip(-tpi / scale, 0.0, 1.0)
        steep = 12.0 * np.clip(slope - 0.45, 0.0, None) ** 2
        self.costs = {
            "ridge": 1.0 + 8.0 * (1.0 - ridge) ** 2 + steep,
            "valley": 1.0 + 8.0 * (1.0 - valley) ** 2 + steep,
            "approach": 1.0 + 3.0 * slope + steep,
        }
        self.graphs = {k: self._graph(v) for k, v in self.costs.items()}
        self._trees: Dict[Tuple[str, int], np.ndarray] = {}

    def _graph(self, cost: np.ndarray):
        n = self.n
        idx = np.arange(n * n).reshape(n, n)
        rows, cols, w = [], [], []
        for dr, dc in [(0, 1), (1, 0), (1, 1), (1, -1)]:
            r0, r1 = 0, n - dr
            c0, c1 = max(0, -dc), n - max(0, dc)
            a = idx[r0:r1, c0:c1]
            b = idx[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
            ca = cost[r0:r1, c0:c1]
            cb = cost[r0 + dr:r1 + dr, c0 + dc:c1 + dc]
            rows.append(a.ravel())
            cols.append(b.ravel())
            w.append(((ca + cb) / 2.0 * math.hypot(dr, dc)).ravel())
        return coo_matrix((np.concatenate(w), (np.concatenate(rows), np.concatenate(cols))),
                          shape=(n * n, n * n)).tocsr()

    def node(self, p: np.ndarray) -> int:
        """Coarse node nearest to map point ``p``."""
        r, c = self.grid.xy_to_rc(p[0], p[1])
        rc = int(np.clip(round((float(r) - 1) / COARSE), 0, self.n - 1))
        cc = int(np.clip(round((float(c) - 1) / COARSE), 0, self.n - 1))
        return rc * self.n + cc

    def node_xy(self, nodes: Sequence[int]) -> np.ndarray:
        """Map coordinates of coarse nodes."""
        r, c = np.divmod(np.asarray(nodes), self.n)
        x = self.grid.x0 + (c * COARSE + 1.5) * CELL
        y = self.grid.y0 - (r * COARSE + 1.5) * CELL
        return np.column_stack([x, y])

    def path(self, style: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Least-cost path from ``a`` to ``b`` (map points), smoothed, as an n x 2 array."""
        src, dst = self.node(a), self.node(b)
        key = (style, src)
        if key not in self._trees:
            _, pred = dijkstra(self.graphs[style], directed=False, indices=src, return_predecessors=True)
            self._trees[key] = pred
        pred = self._trees[key]
        nodes = [dst]
        while nodes[-1] != src:
            nodes.append(int(pred[nodes[-1]]))
        xy = self.node_xy(nodes[::-1])
        xy = np.vstack([a, xy[1:-1], b]) if len(xy) > 2 else np.vstack([a, b])
        return chaikin(xy, 3)


# ----------------------------------------------------------------------------
# Tracks
# ----------------------------------------------------------------------------
@dataclass
class Track:
    """One route-day: the walked line, its recorded points and metadata."""

    route: int
    team: int
    kind: str
    device: str
    date: datetime
    true_xy: np.ndarray  #: dense walked line (metres), ~2 m spacing
    true_t: np.ndarray  #: seconds since start for each true_xy vertex
    start: datetime  #: UTC start time
    segments: List[Tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    jump_index: Optional[int] = None  #: index (in the first segment) of the bad fix
    filename: str = ""
    name: str = ""

    @property
    def route_id(self) -> str:
        """Route number as written by the teams ("07")."""
        return f"{self.route:02d}"


def walking_times(rng: np.random.Generator, xy: np.ndarray, z: np.ndarray, team_factor: float,
                  n_stops: int) -> np.ndarray:
    """Seconds since start at each vertex: a Tobler-like speed (1.5-3.5 km/h) in snow plus rest stops."""
    seg = np.hypot(*np.diff(xy, axis=0).T)
    dz = np.diff(z)
    slope = np.divide(dz, seg, out=np.zeros_like(dz), where=seg > 0)
    slope = ndimage.uniform_filter1d(slope, 25)
    speed_kmh = np.clip(3.6 * np.exp(-2.5 * np.abs(slope + 0.05)) * team_factor, 1.5, 3.5)
    speed_kmh = speed_kmh * (1.0 + 0.05 * ar1(rng, len(seg), 1.0, 0.995))
    dt = seg / (np.clip(speed_kmh, 1.5, 3.5) / 3.6)
    t = np.concatenate([[0.0], np.cumsum(dt)])
    for k in sorted(rng.integers(len(t) // 10, len(t) * 9 // 10, size=n_stops).tolist()):
        t[k:] += rng.uniform(300.0, 900.0)
    return t


def record(rng: np.random.Generator, trk: Track, z: np.ndarray, grid: Grid,
           pause: Optional[Tuple[float, float]] = None) -> None:
    """Sample what the device records: times, noisy positions and elevations, segments."""
    t_end = trk.true_t[-1]
    if trk.device == "garmin":
        times = [0.0]
        while times[-1] + 5.0 < t_end:
            times.append(times[-1] + float(rng.integers(5, 21)))
        ts = np.array([t for t in times if t <= t_end])
        xs = np.interp(ts, trk.true_t, trk.true_xy[:, 0])
        ys = np.interp(ts, trk.true_t, trk.true_xy[:, 1])
    else:
        s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(trk.true_xy, axis=0).T))])
        dist = [0.0]
        step = 10.0 if trk.device == "osmand" else 15.0
        while dist[-1] < s[-1]:
            dist.append(dist[-1] + step * rng.uniform(0.8, 1.5))
        ds = np.array(dist[:-1] + [s[-1]])
        ts = np.interp(ds, s, trk.true_t)
        ts = np.round(ts)
        ts, keep = np.unique(ts, return_index=True)
        ds = ds[keep]
        xs = np.interp(ds, s, trk.true_xy[:, 0])
        ys = np.interp(ds, s, trk.true_xy[:, 1])
    n = len(ts)
    gps_sd = rng.uniform(3.0, 8.0)
    xs = xs + ar1(rng, n, gps_sd, 0.97)
    ys = ys + ar1(rng, n, gps_sd, 0.97)
    zt = sample_dem(z, grid, xs, ys).astype(float)
    if trk.device == "garmin":  # barometric altimeter: smooth offset
        zs = zt + rng.normal(0.0, 8.0) + ar1(rng, n, 3.0, 0.99)
    else:
        zs = zt + rng.normal(0.0, 10.0) + rng.normal(0.0, 6.0, n)
    if pause is not None:
        p0, p1 = pause
        keep1 = ts <= p0
        keep2 = ts >= p1
        trk.segments = [(np.column_stack([xs[keep1], ys[keep1]]), zs[keep1], ts[keep1]),
                        (np.column_stack([xs[keep2], ys[keep2]]), zs[keep2], ts[keep2])]
    else:
        trk.segments = [(np.column_stack([xs, ys]), zs, ts)]


def plan_tracks(rng: np.random.Generator, z: np.ndarray, grid: Grid, router: Router,
                crests: Dict[str, np.ndarray], access: Dict[str, np.ndarray],
                acc_fine: np.ndarray) -> List[Track]:
    """Lay out the season's route-days (dates, paths, walking times) and record them."""
    # dates: 4 routes per team between 14 Feb and 28 Mar 2026, no team twice on a day
    season0 = datetime(2026, 2, 14)
    team_days: Dict[int, List[int]] = {}
    for team in range(1, 5):
        days = np.sort(rng.choice(np.arange(0, 43), size=4, replace=False))
        team_days[team] = days.tolist()
    tracks: List[Track] = []
    per_team_count = {t: 0 for t in range(1, 5)}
    for route, team, kind, crest, k0, k1, a0, a1 in ROUTES:
        day = team_days[team][per_team_count[team]]
        per_team_count[team] += 1
        date = season0 + timedelta(days=day)
        start_local = date.replace(hour=8, minute=0) + timedelta(minutes=int(rng.integers(0, 120)))
        start = start_local - timedelta(hours=7)
        pa, pb = access[a0], access[a1]
        if kind == "ridge":
            line = crests[crest]
            length = path_length(line)
            target_m = rng.uniform(9000.0, 22000.0)
            while True:
                ra = point_along(line, k0 * 1000.0)
                rb = point_along(line, min(k1 * 1000.0, length))
                legs = [router.path("approach", pa, ra), router.path("ridge", ra, rb), router.path("approach", rb, pb)]
                xy = np.vstack([legs[0], legs[1][1:], legs[2][1:]])
                if path_length(xy) <= target_m or k1 - k0 < 1.5:
                    break
                k1 -= 0.5
        else:
            # up a valley floor to a point 4-6 km away upstream, then back down
            r, c = grid.xy_to_rc(pa[0], pa[1])
            rr, cc = np.mgrid[0:ACC_N, 0:ACC_N]
            dkm = np.hypot(rr * ACC_F + 1.5 - r, cc * ACC_F + 1.5 - c) * CELL / 1000.0
            ok = (dkm > 2.5) & (dkm < 4.5) & (acc_fine > 15) & (acc_fine < 400)
            cand = np.flatnonzero(ok.ravel())
            pick = cand[int(rng.integers(0, len(cand)))]
            pr, pc = divmod(int(pick), ACC_N)
            tgt = np.array([grid.x0 + (pc + 0.5) * ACC_F * CELL, grid.y0 - (pr + 0.5) * ACC_F * CELL])
            up = router.path("valley", pa, tgt)
            down = router.path("valley", tgt, pb)
            down[1:-1] += rng.normal(0.0, 12.0, size=(len(down) - 2, 2))
            xy = np.vstack([up, chaikin(down, 2)[1:]])
        xy = densify(xy, 2.0)
        # the walker's own wander around the least-cost line
        wob = np.column_stack([ar1(rng, len(xy), 6.0, 0.995), ar1(rng, len(xy), 6.0, 0.995)])
        wob[:50] *= np.linspace(0, 1, 50)[:, None]
        wob[-50:] *= np.linspace(1, 0, 50)[:, None]
        xy = xy + wob
        zz = sample_dem(z, grid, xy[:, 0], xy[:, 1]).astype(float)
        t = walking_times(rng, xy, zz, rng.uniform(0.9, 1.15), int(rng.integers(1, 4)))
        device = DEVICES[route]
        trk = Track(route=route, team=team, kind=kind, device=device, date=date, true_xy=xy, true_t=t, start=start)
        trk.name = f"Маршрут {route:02d} группа {team}"
        trk.filename = f"{date:%Y-%m-%d}_gruppa{team}_m{route:02d}.gpx"
        pause = None
        if route == PAUSE_ROUTE:
            mid = float(t[len(t) // 2])
            t[len(t) // 2:] += 2400.0  # 40 min break, device switched off to save batteries
            trk.true_t = t
            pause = (mid, mid + 2400.0)
        record(rng, trk, z, grid, pause)
        if route == JUMP_ROUTE:
            pts, zs, ts = trk.segments[0]
            k = len(ts) // 3
            ang = rng.uniform(0, 2 * math.pi)
            pts[k] += 2000.0 * np.array([math.cos(ang), math.sin(ang)])
            zs[k] = float(sample_dem(z, grid, pts[k:k + 1, 0], pts[k:k + 1, 1])[0]) + rng.normal(0, 30)
            trk.jump_index = k
        tracks.append(trk)
    return tracks


def _fmt_time(start: datetime, sec: float, millis: bool = False) -> str:
    t = start + timedelta(seconds=float(sec))
    if millis:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
    return (t.replace(microsecond=0)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_gpx(path: Path, trk: Track, tr_ll: osr.CoordinateTransformation,
              waypoints: Sequence[Tuple[float, float, float, datetime, str]] = ()) -> None:
    """Write a track as its device would: Garmin GPSMAP 66s, OsmAnd~ 4.6 or Locus Map 4."""
    out = io.StringIO()
    dev = trk.device
    if dev == "garmin":
        out.write('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n')
        out.write('<gpx xmlns="http://www.topografix.com/GPX/1/1" '
                  'xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3" '
                  'xmlns:wptx1="http://www.garmin.com/xmlschemas/WaypointExtension/v1" '
                  'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
                  'creator="GPSMAP 66s" version="1.1" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                  'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd '
                  'http://www.garmin.com/xmlschemas/GpxExtensions/v3 '
                  'http://www8.garmin.com/xmlschemas/GpxExtensionsv3.xsd '
                  'http://www.garmin.com/xmlschemas/TrackPointExtension/v1 '
                  'http://www8.garmin.com/xmlschemas/TrackPointExtensionv1.xsd">')
        end_t = trk.segments[-1][2][-1]
        out.write('\n  <metadata>\n    <link href="http://www.garmin.com">\n      <text>Garmin International</text>\n'
                  f"    </link>\n    <time>{_fmt_time(trk.start, end_t + 75)}</time>\n  </metadata>\n")
    elif dev == "osmand":
        out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
        out.write('<gpx version="1.1" creator="OsmAnd~ 4.6.10" xmlns="http://www.topografix.com/GPX/1/1" '
                  'xmlns:osmand="https://osmand.net" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                  'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">\n')
        local = trk.start + timedelta(hours=7)
        weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[local.weekday()]  # not locale-dependent
        out.write(f"  <metadata>\n    <name>{local:%Y-%m-%d_%H-%M}_{weekday}</name>\n"
                  "  </metadata>\n")
    else:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n')
        out.write('<gpx version="1.1" creator="Locus Map, Android"\n'
                  ' xmlns="http://www.topografix.com/GPX/1/1"\n'
                  ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
                  ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd"\n'
                  ' xmlns:gpx_style="http://www.topografix.com/GPX/gpx_style/0/2"\n'
                  ' xmlns:gpxx="http://www.garmin.com/xmlschemas/GpxExtensions/v3"\n'
                  ' xmlns:gpxtrkx="http://www.garmin.com/xmlschemas/TrackStatsExtension/v1"\n'
                  ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"\n'
                  ' xmlns:locus="https://www.locusmap.app">\n')
        out.write("<metadata>\n<desc>File with points/tracks from Locus Map/4.20.0</desc>\n</metadata>\n")
    for x, y, ele, when, name in waypoints:
        lon, lat = to_lonlat(tr_ll, np.array([x]), np.array([y]))
        out.write(f'  <wpt lat="{lat[0]:.9f}" lon="{lon[0]:.9f}">\n    <ele>{ele:.2f}</ele>\n'
                  f"    <time>{when:%Y-%m-%dT%H:%M:%SZ}</time>\n    <name>{_esc(name)}</name>\n"
                  "    <sym>Flag, Blue</sym>\n    <type>user</type>\n  </wpt>\n")
    if dev == "garmin":
        out.write(f"  <trk>\n    <name>{_esc(trk.name)}</name>\n    <extensions>\n      <gpxx:TrackExtension>\n"
                  "        <gpxx:DisplayColor>Cyan</gpxx:DisplayColor>\n      </gpxx:TrackExtension>\n"
                  "    </extensions>\n")
    elif dev == "osmand":
        out.write(f"  <trk>\n    <name>{_esc(trk.name)}</name>\n")
    else:
        out.write(f"<trk>\n<name>{_esc(trk.name)}</name>\n<extensions>\n"
                  "<locus:activity>walking</locus:activity>\n</extensions>\n")
    temp = -18.0
    for pts, zs, ts in trk.segments:
        lon, lat = to_lonlat(tr_ll, pts[:, 0], pts[:, 1])
        out.write("<trkseg>\n" if dev == "locus" else "    <trkseg>\n")
        prev = None
        for i in range(len(ts)):
            if dev == "garmin":
                temp = round(temp + 0.02 * (ts[i] - (prev or ts[i])) / 60.0, 1)
                out.write(f'      <trkpt lat="{lat[i]:.9f}" lon="{lon[i]:.9f}">\n        <ele>{zs[i]:.2f}</ele>\n'
                          f"        <time>{_fmt_time(trk.start, ts[i])}</time>\n        <extensions>\n"
                          "          <gpxtpx:TrackPointExtension>\n"
                          f"            <gpxtpx:atemp>{min(temp, -2.0):.1f}</gpxtpx:atemp>\n"
                          "          </gpxtpx:TrackPointExtension>\n        </extensions>\n      </trkpt>\n")
            elif dev == "osmand":
                spd = 0.0 if prev is None else math.hypot(*(pts[i] - pts[i - 1])) / max(ts[i] - prev, 1.0)
                out.write(f'      <trkpt lat="{lat[i]:.7f}" lon="{lon[i]:.7f}">\n'
                          f"        <ele>{zs[i]:.1f}</ele>\n"
                          f"        <time>{_fmt_time(trk.start, ts[i])}</time>\n"
                          f"        <hdop>{3.0 + (i * 7919 % 40) / 10.0:.1f}</hdop>\n"
                          "        <extensions>\n"
                          f"          <osmand:speed>{spd:.1f}</osmand:speed>\n"
                          "        </extensions>\n      </trkpt>\n")
            else:
                out.write(f'<trkpt lat="{lat[i]:.6f}" lon="{lon[i]:.6f}">\n<ele>{zs[i]:.2f}</ele>\n'
                          f"<time>{_fmt_time(trk.start, ts[i] + 0.001 * (i * 37 % 1000), millis=True)}</time>\n"
                          "</trkpt>\n")
            prev = ts[i]
        out.write("</trkseg>\n" if dev == "locus" else "    </trkseg>\n")
    out.write("</trk>\n</gpx>\n" if dev == "locus" else "  </trk>\n</gpx>\n")
    path.write_text(out.getvalue(), encoding="utf-8", newline="\n")


# ----------------------------------------------------------------------------
# Signs
# ----------------------------------------------------------------------------
def _deg_min(v: float) -> Tuple[int, float]:
    d = int(math.floor(v))
    m = round((v - d) * 60.0, 3)
    if m >= 60.0:
        d, m = d + 1, 0.0
    return d, m


def format_coord(v: float, style: str) -> str:
    """Coordinate as a volunteer types it: ``49,91234``, ``49 54,741`` or ``49°54,741'``."""
    if style == "dd":
        return f"{v:.5f}".replace(".", ",")
    d, m = _deg_min(v)
    ms = f"{m:06.3f}".replace(".", ",")
    return f"{d} {ms}" if style == "dm" else f"{d}°{ms}'"


def intensity(x: np.ndarray, y: np.ndarray, centres_xy: np.ndarray) -> np.ndarray:
    """Relative use of the terrain by the cats: background + one Gaussian per individual."""
    lam = np.full(np.shape(x), 0.03)
    for _, _, _, ci, sig in INDIVIDUALS:
        cx, cy = centres_xy[ci]
        lam = lam + np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2.0 * sig * sig))
    return lam


def make_signs(rng: np.random.Generator, tracks: List[Track], centres_xy: np.ndarray,
               tr_ll: osr.CoordinateTransformation) -> Tuple[List[dict], dict]:
    """Draw sign observations along the walked lines, denser where the cats live.

    Returns the sign records (true position, type, time...) and the defect info.
    """
    pool = []  # (track index, vertex index, weight)
    for ti, trk in enumerate(tracks):
        xy = trk.true_xy[::5]
        lam = intensity(xy[:, 0], xy[:, 1], centres_xy)
        for vi in range(20, len(xy) - 20):
            pool.append((ti, vi * 5, float(lam[vi])))
    w = np.array([p[2] for p in pool]) ** 1.5
    w /= w.sum()
    n_line = int(rng.integers(125, 160))
    picks = np.sort(rng.choice(len(pool), size=n_line, replace=False, p=w))
    types = ["track", "scrape", "scat", "scent_mark", "prey_remains"]
    probs = [0.40, 0.27, 0.16, 0.11, 0.06]
    signs: List[dict] = []
    best_sighting = int(picks[np.argmax([pool[p][2] for p in picks])])
    for p in picks.tolist():
        ti, vi, lam = pool[p]
        trk = tracks[ti]
        obs_type = "sighting" if p == best_sighting else str(rng.choice(types, p=probs))
        # perpendicular offset from the walked line (signs are seen within ~30 m)
        a, b = trk.true_xy[max(vi - 3, 0)], trk.true_xy[min(vi + 3, len(trk.true_xy) - 1)]
        tvec = (b - a) / max(np.hypot(*(b - a)), 1e-9)
        off = float(np.clip(rng.normal(0.0, SIGN_OFFSET_SD_M), -25.0, 25.0))
        if obs_type == "sighting":
            off = float(np.clip(off, -20, 20))
        pos = trk.true_xy[vi] + off * np.array([-tvec[1], tvec[0]])
        when = trk.start + timedelta(seconds=float(trk.true_t[vi]))
        signs.append({"type": obs_type, "x": float(pos[0]), "y": float(pos[1]), "utc": when,
                      "track": ti, "offset_m": abs(off)})
    # mating calls heard at night at the camp where the route started
    for ti in sorted(rng.choice(len(tracks), size=7, replace=False).tolist()):
        trk = tracks[ti]
        camp = trk.true_xy[0] + rng.normal(0.0, 6.0, 2)
        night = (trk.start + timedelta(hours=7)).replace(hour=21, minute=0, second=0, microsecond=0)
        heard_local = night + timedelta(minutes=int(rng.integers(0, 170)))
        dists = np.hypot(centres_xy[:, 0] - camp[0], centres_xy[:, 1] - camp[1])
        cx, cy = centres_xy[int(np.argmin(dists))]
        bearing = (math.degrees(math.atan2(cx - camp[0], cy - camp[1])) + rng.normal(0.0, 12.0)) % 360.0
        signs.append({"type": "mating_call", "x": float(camp[0]), "y": float(camp[1]),
                      "utc": heard_local - timedelta(hours=7), "track": ti, "bearing": round(bearing),
                      "offset_m": float(np.hypot(*(camp - trk.true_xy[0])))})
    # the waypoint route must carry a paw-print trail and a scrape
    wi = next(i for i, t in enumerate(tracks) if t.route == WAYPOINT_ROUTE)
    mine = [s for s in signs if s["track"] == wi and s["type"] not in ("mating_call", "sighting")]
    if len(mine) < 2:
        raise RuntimeError("waypoint route got fewer than 2 signs; change the seed")
    mine[0]["type"], mine[-1]["type"] = "track", "scrape"
    mine[0]["waypoint"] = "след"
    mine[-1]["waypoint"] = "поскрёб"
    signs.sort(key=lambda s: (s["utc"], s["track"]))
    lon, lat = to_lonlat(tr_ll, np.array([s["x"] for s in signs]), np.array([s["y"] for s in signs]))
    for s, lo, la in zip(signs, lon, lat):
        s["lon"], s["lat"] = float(lo), float(la)
    n = len(signs)
    swap_row = int(rng.integers(n // 4, n // 2)) + 1
    empty_row = int(rng.integers(n // 2 + 5, n - 5)) + 1
    return signs, {"swapped_latlon_row": swap_row, "empty_date_row": empty_row}


def write_signs(path: Path, signs: List[dict], tracks: List[Track], defects: dict,
                rng: np.random.Generator) -> None:
    """Write signs.csv as Excel on Russian Windows does (cp1251, ';', decimal comma, CRLF)."""
    notes = {"track": ["", "", "", "по снегу", "переход через седловину", "цепочка вдоль гребня"],
             "scrape": ["", "", "под скалой", "у останца"],
             "scat": ["", "", "взяли образец", "образец в спирт"],
             "scent_mark": ["", "на скале", "на камне под нависанием"],
             "prey_remains": ["козерог", "архар, рога", "козерог, шерсть"],
             "mating_call": ["слышали из лагеря", "ночью у лагеря", ""],
             "sighting": ["видели в бинокль, ушёл за гребень"]}
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(SIGN_HEADERS)
    for i, s in enumerate(signs, start=1):
        trk = tracks[s["track"]]
        local = s["utc"] + timedelta(hours=7)
        style = str(rng.choice(["dd", "dm", "dmsym"], p=[0.75, 0.15, 0.10]))
        lat_s, lon_s = format_coord(s["lat"], style), format_coord(s["lon"], style)
        if i == defects["swapped_latlon_row"]:
            lat_s, lon_s = lon_s, lat_s
        date_s = "" if i == defects["empty_date_row"] else f"{local:%d.%m.%Y}"
        t = s["type"]
        type_ru = "визуальная встреча" if t == "sighting" else str(rng.choice(SIGN_TYPES_RU[t]))
        if s.get("waypoint"):
            type_ru = s["waypoint"]
        if t == "track":
            count = str(int(rng.choice([1, 1, 1, 2])))
        elif t in ("scrape", "scat"):
            count = str(int(rng.choice([1, 1, 2, 3])))
        else:
            count = "1"
        age = "" if t in ("mating_call", "sighting") else str(rng.choice(["свежий", "свежий", "старый"]))
        bearing = str(s["bearing"]) if t == "mating_call" else ""
        observer = str(rng.choice(TEAM_OBSERVERS[trk.team]))
        note = str(rng.choice(notes[t]))
        s["row"] = i
        s["type_ru"] = type_ru
        w.writerow([i, date_s, f"{local:%H:%M}", lat_s, lon_s, type_ru, count, age, bearing,
                    trk.route_id, f"группа {trk.team}", observer, note])
    path.write_bytes(buf.getvalue().encode("cp1251"))


# ----------------------------------------------------------------------------
# Camera traps (Camtrap DP 1.0.2)
# ----------------------------------------------------------------------------
def crest_saddles(line: np.ndarray, z: np.ndarray, grid: Grid) -> List[np.ndarray]:
    """Low points along a crest line (saddles/passes), each at least 40 m below both neighbouring highs."""
    d = densify(line, 30.0)
    prof = ndimage.uniform_filter1d(sample_dem(z, grid, d[:, 0], d[:, 1]).astype(float), 9)
    out = []
    for i in range(30, len(prof) - 30):
        lo, hi = max(0, i - 50), min(len(prof), i + 51)
        if prof[i] == prof[lo:hi].min() and prof[:i].max() - prof[i] > 40 and prof[i:].max() - prof[i] > 40:
            out.append(d[i])
    return out


def make_cameras(rng: np.random.Generator, z: np.ndarray, grid: Grid,
                 walked: Dict[str, List[np.ndarray]]) -> List[dict]:
    """Camera stations on walked ridges and saddles, 1.2-2 km apart, with deployment periods."""
    cand: List[Tuple[np.ndarray, str]] = []
    for parts in walked.values():
        for part in parts:
            for s in crest_saddles(part, z, grid):
                cand.append((s, "saddle"))
    saddle_cand = cand[:]
    ridge_cand: List[Tuple[np.ndarray, str]] = []
    for parts in walked.values():
        for part in parts:
            part_len = path_length(part)
            for dd in np.arange(rng.uniform(300, 900), part_len - 300, 500.0):
                p = point_along(part, float(dd))
                # snap to the highest DEM cell within 90 m: cameras go on the crest
                r, c = grid.xy_to_rc(p[0], p[1])
                r, c = int(round(float(r))), int(round(float(c)))
                win = z[max(r - 3, 0):r + 4, max(c - 3, 0):c + 4]
                k = np.unravel_index(int(np.argmax(win)), win.shape)
                rr, cc = max(r - 3, 0) + k[0], max(c - 3, 0) + k[1]
                ridge_cand.append((np.array([grid.x0 + (cc + 0.5) * CELL, grid.y0 - (rr + 0.5) * CELL]), "ridge"))
    stations: List[Tuple[np.ndarray, str]] = []
    order = rng.permutation(len(saddle_cand)).tolist()
    for k in order:
        p, kind = saddle_cand[k]
        if len([s for s in stations if s[1] == "saddle"]) >= 7:
            break
        if all(np.hypot(*(p - q)) > 1500 for q, _ in stations):
            stations.append((p, kind))
    for k in rng.permutation(len(ridge_cand)).tolist():
        p, kind = ridge_cand[k]
        if len(stations) >= 30:
            break
        if all(np.hypot(*(p - q)) > 1700 for q, _ in stations):
            stations.append((p, kind))
    # order west to east, then north to south, for readable ids
    stations.sort(key=lambda s: (round(float(s[0][0]) / 3000.0), -float(s[0][1])))
    cams = []
    failed = set(rng.choice(len(stations), size=2, replace=False).tolist())
    models = ["Browning BTC-8E", "Reconyx HyperFire 2", "Bushnell Core DS-4K"]
    for i, (p, kind) in enumerate(stations):
        start = datetime(2026, 1, 10, 11, 0, tzinfo=LOCAL_TZ) + timedelta(
            days=int(rng.integers(0, 14)), minutes=int(rng.integers(0, 360)))
        if i in failed:
            end = datetime(2026, 2, 5, 12, 0, tzinfo=LOCAL_TZ) + timedelta(
                days=int(rng.integers(0, 20)), minutes=int(rng.integers(0, 600)))
            comment = str(rng.choice(["камера остановилась: замёрзли батареи",
                                      "камера сбита лавиной, снимки до остановки"]))
        else:
            end = datetime(2026, 4, 5, 11, 0, tzinfo=LOCAL_TZ) + timedelta(
                days=int(rng.integers(0, 20)), minutes=int(rng.integers(0, 360)))
            comment = ""
        cams.append({"id": f"C{i + 1:02d}", "x": float(p[0]), "y": float(p[1]), "kind": kind,
                     "start": start, "end": end, "failed": i in failed,
                     "model": models[i % 3], "comment": comment,
                     "heading": int(rng.integers(0, 360))})
    return cams


def make_camera_events(rng: np.random.Generator, cams: List[dict], centres_xy: np.ndarray) -> List[dict]:
    """Draw events at each station: snow leopards by distance to their centre, other species, blanks, people."""
    events: List[dict] = []

    def when(cam: dict, night_pref: float) -> datetime:
        span = (cam["end"] - cam["start"]).total_seconds()
        for _ in range(50):
            t = cam["start"] + timedelta(seconds=float(rng.uniform(3600.0, span - 3600.0)))
            night = t.hour >= 19 or t.hour < 7
            if night or rng.random() > night_pref:
                return t
        return t

    for cam in cams:
        nights = (cam["end"] - cam["start"]).total_seconds() / 86400.0
        events.append({"cam": cam, "t": cam["start"] + timedelta(minutes=2), "type": "human", "setup": True})
        for ind_id, sex, stage, ci, sig in INDIVIDUALS:
            d = float(np.hypot(cam["x"] - centres_xy[ci][0], cam["y"] - centres_xy[ci][1]))
            lam = SL_LAMBDA0 * math.exp(-d * d / (2.0 * sig * sig)) * nights
            for _ in range(int(rng.poisson(lam))):
                identified = rng.random() > 0.12
                events.append({"cam": cam, "t": when(cam, 0.8), "type": "animal", "species": "Panthera uncia",
                               "count": 1, "individual": ind_id if identified else "",
                               "sex": sex if identified else "", "stage": stage if identified else "adult",
                               "truth_individual": ind_id})
        for species, rate, counts in [("Capra sibirica", 0.05, (1, 14)), ("Ovis ammon", 0.015, (1, 7)),
                                      ("Vulpes vulpes", 0.03, (1, 2))]:
            for _ in range(int(rng.poisson(rate * nights * rng.uniform(0.3, 1.7)))):
                events.append({"cam": cam, "t": when(cam, 0.3 if species != "Vulpes vulpes" else 0.7),
                               "type": "animal", "species": species,
                               "count": int(rng.integers(counts[0], counts[1])), "individual": "", "sex": "",
                               "stage": "adult"})
        for _ in range(int(rng.integers(1, 6))):
            events.append({"cam": cam, "t": when(cam, 0.0), "type": "blank"})
        if rng.random() < 0.3:
            events.append({"cam": cam, "t": when(cam, 0.0), "type": "human", "setup": False})
        if not cam["failed"]:
            events.append({"cam": cam, "t": cam["end"] - timedelta(minutes=3), "type": "human", "setup": True})
    events.sort(key=lambda e: (e["cam"]["id"], e["t"]))
    return events


def write_camtrap(folder: Path, cams: List[dict], events: List[dict], tr_ll: osr.CoordinateTransformation,
                  rng: np.random.Generator) -> None:
    """Write the Camtrap DP 1.0.2 package (datapackage.json + three CSV tables, UTF-8)."""
    folder.mkdir(parents=True, exist_ok=True)
    lon, lat = to_lonlat(tr_ll, np.array([c["x"] for c in cams]), np.array([c["y"] for c in cams]))

    def iso(t: datetime) -> str:
        return t.isoformat(timespec="seconds")

    dep_cols = ["deploymentID", "locationID", "locationName", "latitude", "longitude", "coordinateUncertainty",
                "deploymentStart", "deploymentEnd", "setupBy", "cameraID", "cameraModel", "cameraDelay",
                "cameraHeight", "cameraDepth", "cameraTilt", "cameraHeading", "detectionDistance",
                "timestampIssues", "baitUse", "featureType", "habitat", "deploymentGroups", "deploymentTags",
                "deploymentComments"]
    rows = []
    for c, lo, la in zip(cams, lon, lat):
        c["lon"], c["lat"] = round(float(lo), 5), round(float(la), 5)
        rows.append([f"SLC2026-{c['id']}", c["id"], f"{'седловина' if c['kind'] == 'saddle' else 'гребень'} {c['id']}",
                     f"{c['lat']:.5f}", f"{c['lon']:.5f}", 5, iso(c["start"]), iso(c["end"]), "Сабашкин В.",
                     f"SN{4100 + int(c['id'][1:]) * 7}", c["model"], 1, "0.60", "", -5, c["heading"], "8.00",
                     "false", "false", "trailGame", "high mountain rocky ridge, alpine tundra",
                     "season:2026", f"position:{c['kind']}", c["comment"]])
    _write_csv(folder / "deployments.csv", dep_cols, rows)

    media_cols = ["mediaID", "deploymentID", "captureMethod", "timestamp", "filePath", "filePublic", "fileName",
                  "fileMediatype", "exifData", "favorite", "mediaComments"]
    obs_cols = ["observationID", "deploymentID", "mediaID", "eventID", "eventStart", "eventEnd", "observationLevel",
                "observationType", "cameraSetupType", "scientificName", "count", "lifeStage", "sex", "behavior",
                "individualID", "individualPositionRadius", "individualPositionAngle", "individualSpeed", "bboxX",
                "bboxY", "bboxWidth", "bboxHeight", "classificationMethod", "classifiedBy",
                "classificationTimestamp", "classificationProbability", "observationTags", "observationComments"]
    media_rows, obs_rows = [], []
    img_no: Dict[str, int] = {}
    classified = datetime(2026, 4, 28, 10, 0, tzinfo=LOCAL_TZ)
    for k, ev in enumerate(events, start=1):
        cam = ev["cam"]
        dep = f"SLC2026-{cam['id']}"
        n_img = int(rng.integers(3, 9)) if ev["type"] == "animal" else int(rng.integers(1, 4))
        t0 = ev["t"].replace(microsecond=0)
        t1 = t0
        for j in range(n_img):
            img_no[cam["id"]] = img_no.get(cam["id"], 0) + 1
            n = img_no[cam["id"]]
            t1 = t0 + timedelta(seconds=j * int(rng.integers(1, 4)) if j else 0)
            media_rows.append([f"{cam['id']}-{n:05d}", dep, "activityDetection", iso(t1),
                               f"media/{cam['id']}/IMG_{n:04d}.JPG", "false", f"IMG_{n:04d}.JPG", "image/jpeg",
                               "", "", ""])
        ev_id = f"E{k:05d}"
        species, count, stage, sex, ind, setup, otype = "", "", "", "", "", "", ev["type"]
        if otype == "animal":
            species, count, stage, sex, ind = ev["species"], ev["count"], ev["stage"], ev["sex"], ev["individual"]
        elif otype == "human" and ev.get("setup"):
            setup = "setup"
        who = "Иванова Е." if otype == "animal" and species == "Panthera uncia" else "Кузнецова О."
        comment = ""
        if species == "Panthera uncia" and not ind:
            comment = "особь не определена: снимки ночные, размытые"
        obs_rows.append([f"O{k:05d}", dep, "", ev_id, iso(t0), iso(t1), "event", otype, setup, species, count,
                         stage, sex, "", ind, "", "", "", "", "", "", "", "human", who, iso(classified), "", "",
                         comment])
    _write_csv(folder / "media.csv", media_cols, media_rows)
    _write_csv(folder / "observations.csv", obs_cols, obs_rows)

    lons, lats = [c["lon"] for c in cams], [c["lat"] for c in cams]
    w, e, s, n = min(lons) - 0.001, max(lons) + 0.001, min(lats) - 0.001, max(lats) + 0.001
    dp = {
        "resources": [
            {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "schema": f"{CAMTRAP_URL}{name}-table-schema.json"}
            for name in ("deployments", "media", "observations")
        ],
        "profile": f"{CAMTRAP_URL}camtrap-dp-profile.json",
        "name": "sailugem-snow-leopard-sample-2026",
        "id": "6f1e0f3c-2b0e-4a59-9d7a-5a1c0e2f2026",
        "created": "2026-04-30T08:00:00Z",
        "title": "Sample season 2026: snow leopard camera traps, Sailugemsky area (synthetic)",
        "contributors": [
            {"title": "Иванова Е.", "role": "principalInvestigator", "organization": "Sailugemsky National Park"},
            {"title": "Кузнецова О.", "role": "contributor", "organization": "Sailugemsky National Park"},
            {"title": "Sailugemsky National Park", "role": "rightsHolder"},
        ],
        "description": "Synthetic sample season generated by scripts/make_sample_season.py for the Snow Leopard "
                       "Census QGIS plugin. Not real observations.",
        "version": "1.0",
        "keywords": ["snow leopard", "Panthera uncia", "camera traps", "Altai", "synthetic"],
        "licenses": [{"name": "CC0-1.0", "scope": "data"}, {"name": "CC0-1.0", "scope": "media"}],
        "project": {
            "id": "snow-leopard-census-2026",
            "title": "Snow leopard census 2026 (sample season)",
            "acronym": "SLC2026",
            "description": "Camera traps on ridges and saddles during the February-March sign census.",
            "samplingDesign": "targeted",
            "captureMethod": ["activityDetection"],
            "individualAnimals": True,
            "observationLevel": ["event"],
        },
        "coordinatePrecision": 0.00001,
        "spatial": {"type": "Polygon", "coordinates": [[[round(w, 3), round(s, 3)], [round(e, 3), round(s, 3)],
                                                        [round(e, 3), round(n, 3)], [round(w, 3), round(n, 3)],
                                                        [round(w, 3), round(s, 3)]]]},
        "temporal": {"start": min(c["start"] for c in cams).date().isoformat(),
                     "end": max(c["end"] for c in cams).date().isoformat()},
        "taxonomic": [
            {"scientificName": "Panthera uncia", "taxonRank": "species",
             "vernacularNames": {"eng": "snow leopard", "rus": "ирбис"}},
            {"scientificName": "Capra sibirica", "taxonRank": "species",
             "vernacularNames": {"eng": "Siberian ibex", "rus": "сибирский горный козёл"}},
            {"scientificName": "Ovis ammon", "taxonRank": "species",
             "vernacularNames": {"eng": "argali", "rus": "архар"}},
            {"scientificName": "Vulpes vulpes", "taxonRank": "species",
             "vernacularNames": {"eng": "red fox", "rus": "лисица"}},
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(dp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_csv(path: Path, cols: List[str], rows: List[list]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


# ----------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------
def _r(v: float, nd: int = 2) -> float:
    return round(float(v), nd)


def generate(out: Path, seed: int = 2026) -> dict:
    """Generate the whole sample season into ``out`` and return the truth dictionary.

    Args:
        out: output folder (created; ``tracks/`` and ``camtrap/`` inside are replaced).
        seed: seed of the numpy Generator; the same seed gives byte-identical files.

    Returns:
        The content written to ``truth.json``.
    """
    rng = np.random.default_rng(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("tracks", "camtrap"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    tr_utm, tr_ll = make_transformers()
    cx, cy, _ = tr_utm.TransformPoint(CENTRE_LON, CENTRE_LAT)
    grid = Grid(x0=round((cx - BLOCK / 2) / 1000.0) * 1000.0, y0=round((cy + BLOCK / 2) / 1000.0) * 1000.0)

    crests: Dict[str, np.ndarray] = {}
    for name, verts in CRESTS_KM.items():
        v = np.array([grid.km(p) for p in verts])
        jit = rng.normal(0.0, 300.0, v.shape)
        if name in ("D", "E"):  # keep the cross ridges attached to the main crests
            jit[0] = jit[-1] = 0.0
        crests[name] = chaikin(v + jit, 2)

    z, acc_coarse = make_dem(rng, grid, crests)
    write_dem(out / "dem.tif", z, grid)
    router = Router(z, grid)

    # access points: the cell with the largest flow within 1.5 km of the planned spot, but below 2,500 m
    access: Dict[str, np.ndarray] = {}
    rr, cc = np.mgrid[0:ACC_N, 0:ACC_N]
    zc = z.reshape(ACC_N, ACC_F, ACC_N, ACC_F).mean(axis=(1, 3))
    for ap_id, _, _, pkm in ACCESS:
        p = np.array(grid.km(pkm))
        r, c = grid.xy_to_rc(p[0], p[1])
        near = (np.hypot(rr * ACC_F + 1.5 - r, cc * ACC_F + 1.5 - c) * CELL < 1500.0) & (zc < 2500.0)
        score = np.where(near, acc_coarse, -1.0)
        k = int(np.argmax(score))
        pr, pc = divmod(k, ACC_N)
        # the lowest DEM cell of that 120 m cell and its neighbours: the valley floor
        r0, c0 = max(pr * ACC_F - ACC_F, 0), max(pc * ACC_F - ACC_F, 0)
        win = z[r0:pr * ACC_F + 2 * ACC_F, c0:pc * ACC_F + 2 * ACC_F]
        kr, kc = np.unravel_index(int(np.argmin(win)), win.shape)
        access[ap_id] = np.array([grid.x0 + (c0 + kc + 0.5) * CELL, grid.y0 - (r0 + kr + 0.5) * CELL])

    # home-range centres: highest cell within 400 m of the planned crest point
    centres_xy = []
    for crest, kmv in CENTRES:
        p = point_along(crests[crest], kmv * 1000.0) + rng.normal(0.0, 250.0, 2)
        r, c = grid.xy_to_rc(p[0], p[1])
        r, c = int(round(float(r))), int(round(float(c)))
        win = z[r - 13:r + 14, c - 13:c + 14]
        k = np.unravel_index(int(np.argmax(win)), win.shape)
        centres_xy.append([grid.x0 + (c - 13 + k[1] + 0.5) * CELL, grid.y0 - (r - 13 + k[0] + 0.5) * CELL])
    centres = np.array(centres_xy)

    tracks = plan_tracks(rng, z, grid, router, crests, access, acc_coarse)
    signs, defects = make_signs(rng, tracks, centres, tr_ll)
    (out / "tracks").mkdir()
    for trk in tracks:
        wpts = []
        if trk.route == WAYPOINT_ROUTE:
            ti = tracks.index(trk)
            for s in signs:
                if s["track"] == ti and s.get("waypoint"):
                    zz = float(sample_dem(z, grid, np.array([s["x"]]), np.array([s["y"]]))[0])
                    wpts.append((s["x"], s["y"], zz, s["utc"] + timedelta(seconds=20), s["waypoint"]))
        write_gpx(out / "tracks" / trk.filename, trk, tr_ll, wpts)
    write_signs(out / "signs.csv", signs, tracks, defects, rng)

    # walked and unwalked crest parts
    unwalked_parts: Dict[str, List[np.ndarray]] = {}
    walked_parts: Dict[str, List[np.ndarray]] = {}
    for name, line in crests.items():
        line_len = path_length(line)
        cuts = [(a * 1000.0, min(b * 1000.0, line_len)) for n, a, b, _ in UNWALKED if n == name]
        unwalked_parts[name] = [sub_line(line, a, b) for a, b in cuts]
        if cuts:
            a = cuts[0][0]
            walked_parts[name] = [sub_line(line, 0.0, a - 1500.0)] if a > 3000.0 else []
        else:
            walked_parts[name] = [line]
    cams = make_cameras(rng, z, grid, walked_parts)
    events = make_camera_events(rng, cams, centres)
    write_camtrap(out / "camtrap", cams, events, tr_ll, rng)

    # access.csv
    ax = np.array([access[a[0]] for a in ACCESS])
    alon, alat = to_lonlat(tr_ll, ax[:, 0], ax[:, 1])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name", "kind", "longitude", "latitude", "x_utm45n", "y_utm45n", "elevation_m"])
    for (ap_id, name, kind, _), (x, y), lo, la in zip(ACCESS, ax, alon, alat):
        zz = float(sample_dem(z, grid, np.array([x]), np.array([y]))[0])
        w.writerow([ap_id, name, kind, f"{lo:.6f}", f"{la:.6f}", f"{x:.1f}", f"{y:.1f}", f"{zz:.0f}"])
    (out / "access.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")

    # truth.json
    clon, clat = to_lonlat(tr_ll, centres[:, 0], centres[:, 1])
    sl_by_ind: Dict[str, int] = {}
    for ev in events:
        if ev.get("species") == "Panthera uncia":
            sl_by_ind[ev["truth_individual"]] = sl_by_ind.get(ev["truth_individual"], 0) + 1
    type_counts: Dict[str, int] = {}
    for s in signs:
        type_counts[s["type"]] = type_counts.get(s["type"], 0) + 1
    truth = {
        "seed": seed,
        "crs": f"EPSG:{EPSG}",
        "extent_utm": [grid.x0, grid.y0 - BLOCK, grid.x0 + BLOCK, grid.y0],
        "local_time_offset": "+07:00",
        "sigma_m": SIGMA_M,
        "centres": [{"id": f"HR{i + 1}", "crest": CENTRES[i][0], "x": _r(cx_), "y": _r(cy_),
                     "lon": _r(lo, 6), "lat": _r(la, 6),
                     "elevation_m": _r(sample_dem(z, grid, np.array([cx_]), np.array([cy_]))[0], 1),
                     "on_unwalked_ridge": any(n == CENTRES[i][0] and a <= CENTRES[i][1] <= b
                                              for n, a, b, _ in UNWALKED)}
                    for i, ((cx_, cy_), lo, la) in enumerate(zip(centres, clon, clat))],
        "individuals": [{"id": i, "sex": s or "unknown", "lifeStage": st, "centre": f"HR{c + 1}", "sigma_m": sg,
                         "camera_events": sl_by_ind.get(i, 0)} for i, s, st, c, sg in INDIVIDUALS],
        "crests": {k: [[_r(x), _r(y)] for x, y in densify(v, 250.0)] for k, v in crests.items()},
        "unwalked_ridges": [{"crest": n, "description": desc,
                             "line": [[_r(x), _r(y)] for x, y in densify(part, 250.0)]}
                            for (n, _, _, desc), part in zip(UNWALKED, [unwalked_parts[u[0]][0] for u in UNWALKED])],
        "access_points": {a[0]: [_r(v[0]), _r(v[1])] for a, v in zip(ACCESS, ax)},
        "tracks": [{"file": t.filename, "route_id": t.route_id, "team": f"группа {t.team}", "kind": t.kind,
                    "device": t.device, "date": t.date.strftime("%Y-%m-%d"),
                    "length_km": _r(path_length(t.true_xy) / 1000.0, 3),
                    "segments": len(t.segments), "n_points": int(sum(len(s[2]) for s in t.segments)),
                    "gps_jump_point": t.jump_index} for t in tracks],
        "defects": {
            "gps_jump": {"file": next(t.filename for t in tracks if t.route == JUMP_ROUTE),
                         "point_index": next(t.jump_index for t in tracks if t.route == JUMP_ROUTE),
                         "displacement_m": 2000.0},
            "pause_two_segments": next(t.filename for t in tracks if t.route == PAUSE_ROUTE),
            "waypoints_file": next(t.filename for t in tracks if t.route == WAYPOINT_ROUTE),
            "signs_swapped_latlon_row": defects["swapped_latlon_row"],
            "signs_empty_date_row": defects["empty_date_row"],
            "failed_cameras": [c["id"] for c in cams if c["failed"]],
        },
        "signs": {"count": len(signs), "by_type": dict(sorted(type_counts.items())),
                  "max_offset_from_track_m": _r(max(s["offset_m"] for s in signs), 1)},
        "cameras": {"stations": len(cams), "snow_leopard_events": int(sum(sl_by_ind.values())),
                    "individuals_detected": sorted(i for i, n in sl_by_ind.items() if n > 0 and i)},
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truth


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="resources/sample", help="output folder (default: resources/sample)")
    ap.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    args = ap.parse_args(argv)
    truth = generate(Path(args.out), args.seed)
    print(f"wrote {args.out}: {len(truth['tracks'])} tracks, {truth['signs']['count']} signs, "
          f"{truth['cameras']['stations']} cameras, {truth['cameras']['snow_leopard_events']} snow leopard events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
