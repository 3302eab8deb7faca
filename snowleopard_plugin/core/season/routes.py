"""Survey routes: from GPS track points to route lines and route metrics.

A :class:`Track` holds the raw fixes of one walked route as numpy arrays
(longitude/latitude in degrees, WGS 84; elevation in metres; times in UTC)
with the index of the GPS segment each fix belongs to. The season assembler
projects the fixes to the season's metric CRS and calls the functions here.

Choices made here (documented for the analyses that read the routes):

* **One route per track, segments kept apart.** A GPX track with several
  segments (``trkseg``: the GPS lost its fix, or the walker paused the
  recording) becomes one route whose geometry is a *MultiLineString*, one part
  per segment. The gap between two segments is not walked: it counts in no
  length and is drawn as no line.
* **Lengths** are planimetric, in km, measured in the season's metric (UTM)
  CRS. ``surface_km`` is the 3D length along the DEM surface: each hop is cut
  into pieces no longer than one DEM cell, the DEM is sampled (bilinear) at
  the piece ends and the lengths ``sqrt(dxy² + dz²)`` are summed.
* **GPS jumps** (see :func:`find_gps_jumps`): a fix reached *and* left at more
  than ``max_speed_kmh`` (15 km/h: a person on foot in the mountains does not
  sustain that) over hops longer than ``min_hop_m`` (50 m, so that jitter of a
  few metres between fixes one second apart is not taken for a jump), while
  the hop that skips it is plausible, is a bad fix: it is removed from the line.
  The first and last fix of a segment are bad when their only hop is a jump
  and the next hop inwards is not. Without times, a fix is a jump when both
  its hops are longer than ``max_hop_m_without_time`` (1 km) and the hop that
  skips it is shorter than a quarter of their sum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

#: Speed above which a hop between two fixes is taken for a GPS error (km/h).
MAX_SPEED_KMH = 15.0
#: Hops shorter than this (m) are never taken for jumps (GPS jitter).
MIN_JUMP_HOP_M = 50.0
#: Without times: a spike whose two hops are longer than this (m) is a jump.
MAX_HOP_M_WITHOUT_TIME = 1000.0


@dataclass
class Track:
    """The fixes of one walked route, as read from a file.

    Attributes:
        route_id: unique id of the route in the season (file stem + index).
        source: the input file name (no folder).
        feature: the track's name or index in its file (for validation rows).
        lon: longitudes, degrees east (WGS 84), one per fix.
        lat: latitudes, degrees north (WGS 84).
        ele: elevations in metres (NaN where missing), or None.
        time: UTC times as ``datetime64[ms]`` (NaT where missing), or None.
        segment: index of the GPS segment of each fix (non-decreasing ints).
        team: the survey team, when known.
        date: the survey date ``YYYY-MM-DD`` when known from attributes (else
            taken from the first fix time).
        start_time: ISO 8601 start time from attributes (else first fix).
        end_time: ISO 8601 end time from attributes (else last fix).
        days_since_snow: days since the last snowfall, when a column gives it.
        name: the track's name in the file.
    """

    route_id: str
    source: str
    feature: str
    lon: np.ndarray
    lat: np.ndarray
    ele: Optional[np.ndarray] = None
    time: Optional[np.ndarray] = None
    segment: Optional[np.ndarray] = None
    team: Optional[str] = None
    date: Optional[str] = None
    start_time: Optional[str] = None
    end_time: Optional[str] = None
    days_since_snow: Optional[int] = None
    name: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lon = np.asarray(self.lon, dtype=float)
        self.lat = np.asarray(self.lat, dtype=float)
        if self.segment is None:
            self.segment = np.zeros(len(self.lon), dtype=np.int64)
        else:
            self.segment = np.asarray(self.segment, dtype=np.int64)
        if self.ele is not None:
            self.ele = np.asarray(self.ele, dtype=float)
            if not np.isfinite(self.ele).any():
                self.ele = None
        if self.time is not None:
            self.time = np.asarray(self.time, dtype="datetime64[ms]")
            if np.isnat(self.time).all():
                self.time = None

    def __len__(self) -> int:
        return len(self.lon)

    def subset(self, keep: np.ndarray) -> None:
        """Keep only the fixes where ``keep`` is True (in place)."""
        self.lon = self.lon[keep]
        self.lat = self.lat[keep]
        self.segment = self.segment[keep]
        if self.ele is not None:
            self.ele = self.ele[keep]
        if self.time is not None:
            self.time = self.time[keep]


def split_runs(keys: np.ndarray) -> List[Tuple[int, int]]:
    """Index ranges ``[start, stop)`` of the runs of equal consecutive values in ``keys``."""
    keys = np.asarray(keys)
    if len(keys) == 0:
        return []
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    stops = np.r_[starts[1:], len(keys)]
    return list(zip(starts.tolist(), stops.tolist()))


def same_segment(segment: np.ndarray) -> np.ndarray:
    """For each hop ``i-1 -> i`` (length n-1): True when both fixes are in one segment."""
    segment = np.asarray(segment)
    return segment[1:] == segment[:-1]


def hop_lengths_m(x: np.ndarray, y: np.ndarray, segment: np.ndarray) -> np.ndarray:
    """Planimetric hop lengths in metres (0 for hops across a segment gap).

    Args:
        x, y: coordinates in a metric CRS (metres).
        segment: segment index of each fix.
    """
    if len(x) < 2:
        return np.zeros(0)
    hops = np.hypot(np.diff(x), np.diff(y))
    return np.where(same_segment(segment), hops, 0.0)


def planimetric_length_km(x: np.ndarray, y: np.ndarray, segment: np.ndarray) -> float:
    """Walked length in km: the sum of the hops inside segments (gaps excluded).

    Args:
        x, y: coordinates in a metric CRS (metres).
        segment: segment index of each fix.
    """
    return float(hop_lengths_m(x, y, segment).sum()) / 1000.0


def _seconds(time: Optional[np.ndarray], n: int) -> np.ndarray:
    """Times as float seconds (NaN where missing)."""
    if time is None:
        return np.full(n, np.nan)
    t = time.astype("datetime64[ms]")
    out = t.astype("int64").astype(float) / 1000.0
    out[np.isnat(t)] = np.nan
    return out


def find_gps_jumps(x: np.ndarray, y: np.ndarray, time: Optional[np.ndarray], segment: np.ndarray,
                   max_speed_kmh: float = MAX_SPEED_KMH, min_hop_m: float = MIN_JUMP_HOP_M,
                   max_hop_m_without_time: float = MAX_HOP_M_WITHOUT_TIME, max_passes: int = 5) -> np.ndarray:
    """Find the bad fixes of a track (GPS jumps), by the rule in the module docstring.

    The rule is applied repeatedly (up to ``max_passes``), so that two isolated
    bad fixes near each other are both found.

    Args:
        x, y: coordinates in a metric CRS (metres).
        time: UTC times (``datetime64``), NaT where missing; or None.
        segment: segment index of each fix.
        max_speed_kmh: speed above which a hop is implausible on foot (km/h).
        min_hop_m: hops shorter than this (m) are never jumps.
        max_hop_m_without_time: spike hop length (m) used where times are missing.
        max_passes: how many times the rule is re-applied after removing fixes.

    Returns:
        Sorted indices (into the input arrays) of the fixes to remove.
    """
    n = len(x)
    index = np.arange(n)
    seconds = _seconds(time, n)
    bad_all: List[np.ndarray] = []
    max_speed = max_speed_kmh / 3.6  # m/s
    for _ in range(max_passes):
        if len(index) < 3:
            break
        xs, ys, ts, seg = x[index], y[index], seconds[index], np.asarray(segment)[index]
        dist = np.hypot(np.diff(xs), np.diff(ys))
        dt = np.diff(ts)
        inside = same_segment(seg)
        with np.errstate(invalid="ignore", divide="ignore"):
            speed = dist / dt
        timed = np.isfinite(speed) & (dt > 0)
        fast = inside & (dist > min_hop_m) & ((timed & (speed > max_speed)) | (inside & (dt == 0) & (dist > min_hop_m)))
        # hops without usable times: judged by length only (spikes of > 1 km)
        untimed_long = inside & ~np.isfinite(dt) & (dist > max_hop_m_without_time)
        bad = np.zeros(len(index), dtype=bool)
        # interior fixes: i with hops (i-1 -> i) and (i -> i+1)
        h_in, h_out = fast[:-1], fast[1:]
        skip = np.hypot(xs[2:] - xs[:-2], ys[2:] - ys[:-2])
        skip_dt = ts[2:] - ts[:-2]
        with np.errstate(invalid="ignore", divide="ignore"):
            skip_ok = (skip <= min_hop_m) | (skip / skip_dt <= max_speed)
        skip_inside = inside[:-1] & inside[1:]
        bad[1:-1] |= skip_inside & h_in & h_out & skip_ok
        u_in, u_out = untimed_long[:-1], untimed_long[1:]
        bad[1:-1] |= skip_inside & u_in & u_out & (skip < 0.25 * (dist[:-1] + dist[1:]))
        # first and last fix of each segment
        first = np.r_[True, ~inside]  # fix i starts a segment
        last = np.r_[~inside, True]
        nxt_fast = np.r_[fast[1:], False]  # hop (i+1 -> i+2) for fix i
        nxt_inside = np.r_[inside[1:], False]
        start_bad = first[:-1] & fast & nxt_inside & ~nxt_fast
        bad[:-1] |= start_bad
        prev_fast = np.r_[False, fast[:-1]]  # hop (i-2 -> i-1) for fix i
        prev_inside = np.r_[False, inside[:-1]]
        end_bad = last[1:] & fast & prev_inside & ~prev_fast
        bad[1:] |= end_bad
        if not bad.any():
            break
        # never remove two neighbours in one pass: keep the first of a run, re-test next pass
        runs = bad & np.r_[False, bad[:-1]]
        bad &= ~runs
        bad_all.append(index[bad])
        index = index[~bad]
    if not bad_all:
        return np.zeros(0, dtype=np.int64)
    return np.sort(np.concatenate(bad_all))


class DemSampler:
    """Bilinear sampling of a DEM (metres) at points given in another CRS.

    Args:
        path: the DEM raster (any GDAL format rasterio reads), band 1, elevation in metres.
        points_crs: CRS of the points to sample (text understood by pyproj, e.g. ``"EPSG:32645"``).
    """

    def __init__(self, path: str, points_crs: str) -> None:
        import rasterio
        from pyproj import CRS, Transformer

        self.path = path
        self._ds = rasterio.open(path)
        dem_crs = CRS.from_user_input(self._ds.crs.to_wkt()) if self._ds.crs else CRS.from_user_input(points_crs)
        source = CRS.from_user_input(points_crs)
        self._transformer = None if dem_crs == source else Transformer.from_crs(source, dem_crs, always_xy=True)
        res = abs(self._ds.res[0]), abs(self._ds.res[1])
        if dem_crs.is_geographic:
            self.step_m = min(res) * 111320.0 * 0.5  # at ~60°N a degree of longitude is half as long
        else:
            self.step_m = min(res)
        self._nodata = self._ds.nodata

    def close(self) -> None:
        """Close the DEM."""
        self._ds.close()

    def sample(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Elevations (m) at points in ``points_crs``; NaN outside the DEM or on nodata."""
        from rasterio.windows import Window

        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if self._transformer is not None:
            x, y = self._transformer.transform(x, y)
        inv = ~self._ds.transform
        col, row = inv * (x, y)
        col = np.asarray(col) - 0.5  # pixel centres
        row = np.asarray(row) - 0.5
        out = np.full(len(x), np.nan)
        ok = np.isfinite(col) & np.isfinite(row)
        if not ok.any():
            return out
        c0 = int(max(0, math.floor(col[ok].min())))
        r0 = int(max(0, math.floor(row[ok].min())))
        c1 = int(min(self._ds.width - 1, math.floor(col[ok].max()) + 1))
        r1 = int(min(self._ds.height - 1, math.floor(row[ok].max()) + 1))
        if c1 < c0 or r1 < r0:
            return out
        data = self._ds.read(1, window=Window(c0, r0, c1 - c0 + 1, r1 - r0 + 1), masked=True)
        arr = np.ma.filled(data.astype(float), np.nan)
        if self._nodata is not None and not np.isnan(self._nodata):
            arr[arr == self._nodata] = np.nan
        cc = np.clip(col - c0, 0, arr.shape[1] - 1)
        rr = np.clip(row - r0, 0, arr.shape[0] - 1)
        inside = ok & (col >= -0.5) & (row >= -0.5) & (col <= self._ds.width - 0.5) & (row <= self._ds.height - 0.5)
        ci = np.clip(np.floor(cc[inside]).astype(int), 0, max(arr.shape[1] - 2, 0))
        ri = np.clip(np.floor(rr[inside]).astype(int), 0, max(arr.shape[0] - 2, 0))
        fc = np.clip(cc[inside] - ci, 0, 1)
        fr = np.clip(rr[inside] - ri, 0, 1)
        ci1 = np.minimum(ci + 1, arr.shape[1] - 1)
        ri1 = np.minimum(ri + 1, arr.shape[0] - 1)
        z = (arr[ri, ci] * (1 - fc) * (1 - fr) + arr[ri, ci1] * fc * (1 - fr)
             + arr[ri1, ci] * (1 - fc) * fr + arr[ri1, ci1] * fc * fr)
        out[inside] = z
        return out


def surface_length_km(x: np.ndarray, y: np.ndarray, segment: np.ndarray, dem: DemSampler) -> Optional[float]:
    """Length in km along the DEM surface (3D), gaps between segments excluded.

    Each hop is cut into pieces no longer than one DEM cell; elevations are
    sampled from the DEM (bilinear) at the piece ends. Pieces whose ends fall
    outside the DEM or on nodata count with their planimetric length.

    Args:
        x, y: coordinates in the sampler's ``points_crs`` (metres).
        segment: segment index of each fix.
        dem: the DEM sampler.

    Returns:
        The length in km, or None when no part of the route lies on the DEM.
    """
    if len(x) < 2:
        return None
    inside = same_segment(segment)
    x0, y0, x1, y1 = x[:-1][inside], y[:-1][inside], x[1:][inside], y[1:][inside]
    hop = np.hypot(x1 - x0, y1 - y0)
    pieces = np.maximum(1, np.ceil(hop / dem.step_m)).astype(np.int64)
    # points along each hop: start + k/pieces * (end - start), k = 0..pieces
    counts = pieces + 1
    hop_of = np.repeat(np.arange(len(hop)), counts)
    first = np.r_[0, np.cumsum(counts)[:-1]]
    k = np.arange(counts.sum()) - np.repeat(first, counts)
    frac = k / np.repeat(pieces, counts)
    px = x0[hop_of] + frac * (x1 - x0)[hop_of]
    py = y0[hop_of] + frac * (y1 - y0)[hop_of]
    z = dem.sample(px, py)
    if not np.isfinite(z).any():
        return None
    dxy = np.hypot(np.diff(px), np.diff(py))
    dz = np.diff(z)
    same = hop_of[1:] == hop_of[:-1]
    piece = np.where(np.isfinite(dz), np.sqrt(dxy ** 2 + np.nan_to_num(dz) ** 2), dxy)
    return float(piece[same].sum()) / 1000.0


def iso_utc(value: Optional[np.datetime64]) -> Optional[str]:
    """A ``datetime64`` (UTC) as ISO 8601 text ending in ``Z``, seconds kept; None for NaT."""
    if value is None or np.isnat(value):
        return None
    text = str(np.datetime64(value, "s"))
    return text + "Z"


def route_parts(x: np.ndarray, y: np.ndarray, z: Optional[np.ndarray],
                segment: np.ndarray) -> List[np.ndarray]:
    """Coordinate arrays (n×2 or n×3) of the segments with at least 2 distinct fixes."""
    parts = []
    for start, stop in split_runs(segment):
        if z is not None:
            coords = np.column_stack([x[start:stop], y[start:stop], z[start:stop]])
        else:
            coords = np.column_stack([x[start:stop], y[start:stop]])
        if stop - start >= 2 and len(np.unique(coords[:, :2], axis=0)) >= 2:
            parts.append(coords)
    return parts


def multilinestring_wkb(parts: Sequence[np.ndarray]) -> bytes:
    """ISO WKB (little endian) of a MultiLineString (Z when the parts have 3 columns).

    Built with numpy, not shapely, so that long tracks are fast on shapely 1.8 and 2.
    """
    has_z = bool(parts) and parts[0].shape[1] == 3
    line_type = 1002 if has_z else 2
    multi_type = 1005 if has_z else 5
    chunks = [np.array([1], dtype="u1").tobytes(), np.array([multi_type, len(parts)], dtype="<u4").tobytes()]
    for coords in parts:
        chunks.append(np.array([1], dtype="u1").tobytes())
        chunks.append(np.array([line_type, len(coords)], dtype="<u4").tobytes())
        chunks.append(np.ascontiguousarray(coords, dtype="<f8").tobytes())
    return b"".join(chunks)
