"""Occupancy detection histories from sign surveys, for R ``unmarked`` and PRESENCE.

Sites are square grid cells (``grid_size`` metres, anchored at the CRS origin)
or polygons the user gives. The routes are cut where they cross the site
boundaries; what was walked inside a site is then cut into **spatial
replicates**: consecutive pieces of ``segment_km`` along each route, the routes
taken by date (then route id), each route from its start. A last piece shorter
than ``min_fraction`` of ``segment_km`` is dropped (its km are reported). With
``replicate="days"`` a replicate is instead the walk of one survey day inside
the site (routes without a date then cannot be used).

A replicate is a **detection** (``1``) when a chosen sign lies within
``half_width`` metres of the line walked in it; each sign counts for the one
replicate nearest to it (so a sign between two consecutive pieces, or beside an
out-and-back path, counts once); when both the sign and the route have a date
they must be the same day. Replicates without a chosen sign are ``0``; sites
with fewer replicates than the most-walked site are padded with missing values.

Outputs (see ``docs/exports.md`` for the layouts and the R / PRESENCE code):
``detection_history.csv`` (``site_id, y.1 .. y.K``), ``site_covariates.csv``
(``site_id, walked_km`` and, when given, ``elev_mean``, ``tri_mean``,
``habitat_share``, ``ridge_km``) and ``replicate_covariates.csv`` (``site_id``
then one block of K columns per covariate: ``length_km.k``, ``surface_km.k``
(with a DEM), ``date.k``, ``team.k``), with the same missing pattern as the
detection history. All coordinates in metres of the routes' (metric) CRS.
"""

from __future__ import annotations

import csv
import datetime as _dt
import math
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..analysis.coverage import (
    check_metric,
    line_segments,
    point_segment_d2,
    points_xy,
    segment_surface_lengths,
    split_segments_on_grid,
)
from ..analysis.heatmaps import select_signs
from ..exceptions import QT_TR_NOOP, InputError, ParameterError
from ..feedback import Feedback, check_cancel
from ..fileio import atomic_output
from ..raster import Grid
from ..values import is_null as _isnull
from .sitegeom import _contains_xy, _mask_in, _polygon_edges, _raster_on, _split_at_edges

#: The names of this module, with those moved to its pieces (re-exported for the callers).
__all__ = [
    "MISSING_CODES",
    "OccupancyResult",
    "REPLICATE_KINDS",
    "Replicate",
    "generalise_sites",
    "occupancy_histories",
    "write_occupancy",
    "write_table",
]

#: Missing-value codes offered: R (``NA``) and PRESENCE (``-`` or ``.``).
MISSING_CODES: Tuple[str, ...] = ("NA", "-", ".")
#: Replicate kinds.
REPLICATE_KINDS: Tuple[str, ...] = ("segments", "days")


@dataclass
class Replicate:
    """One replicate: a piece of walked route inside a site (or one day's walk there)."""

    site: int
    route: int
    route_id: Optional[str]
    date: Optional[str]
    team: Optional[str]
    pieces: List[np.ndarray]
    length_m: float
    surface_m: Optional[float] = None
    signs: int = 0


@dataclass
class OccupancyResult:
    """Everything the occupancy export computed.

    Attributes:
        sites: GeoDataFrame of the site polygons with ``site_id``, ``replicates``, ``detections`` (replicates
            with a detection), ``naive_occupied`` (0/1) and ``walked_km``.
        detection_history: DataFrame ``site_id, y.1 .. y.K`` (1.0, 0.0, NaN for missing).
        site_covariates: DataFrame ``site_id, walked_km`` (+ covariates given).
        replicate_covariates: DataFrame ``site_id`` then blocks ``length_km.k``, ``surface_km.k``, ``date.k``,
            ``team.k`` (NaN / None where missing).
        replicates: the :class:`Replicate` objects, per site in column order.
        messages: ``(template, fields)`` pairs for the log, to translate.
    """

    sites: Any
    detection_history: Any
    site_covariates: Any
    replicate_covariates: Any
    replicates: List[Replicate]
    messages: List[Tuple[str, Dict[str, Any]]] = field(default_factory=list)


def _day(value: Any) -> Optional[str]:
    if _isnull(value):
        return None
    text = str(value).strip()[:10]
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def occupancy_histories(routes: Any, observations: Any, sites: Any = None, grid_size: Optional[float] = None,
                        segment_km: float = 1.0, half_width: float = 50.0, sign_types: Optional[Sequence[str]] = None,
                        date_from: Optional[_dt.date] = None, date_to: Optional[_dt.date] = None,
                        dem: Optional[str] = None, habitat: Optional[str] = None, ridges: Any = None,
                        replicate: str = "segments", min_fraction: float = 0.5, same_day: bool = True,
                        site_id_field: str = "site_id", feedback: Optional[Feedback] = None) -> OccupancyResult:
    """Build the detection history, site and replicate covariates of a sign survey.

    Args:
        routes: GeoDataFrame of (Multi)LineStrings in a metric CRS (``route_id``, ``team``, ``date``).
        observations: GeoDataFrame of sign points in the same CRS (``obs_type``, ``datetime``).
        sites: GeoDataFrame of site polygons (same CRS); ``site_id_field`` names them, else 1..n. None: grid.
        grid_size: cell size (m) of the site grid when ``sites`` is None.
        segment_km: replicate length (km) for ``replicate="segments"``.
        half_width: search half-width (m): a sign this close to a replicate's line is a detection.
        sign_types: obs_type codes to use (None: all).
        date_from, date_to: inclusive date window for routes and signs (None: open).
        dem: DEM raster path (metres; any CRS, warped): ``elev_mean``, ``tri_mean`` and ``surface_km``.
        habitat: habitat raster path (cells > 0 are habitat): ``habitat_share``.
        ridges: GeoDataFrame of ridge lines (same CRS): ``ridge_km`` inside each site.
        replicate: ``"segments"`` (spatial replicates) or ``"days"`` (survey days).
        min_fraction: a last segment shorter than this share of ``segment_km`` is dropped.
        same_day: a sign and a route that both have dates must share the day.
        site_id_field: attribute of ``sites`` holding the site ids.
        feedback: progress and cancellation.

    Returns:
        an :class:`OccupancyResult`.

    Raises:
        InputError: no routes, no route in the date window, no route inside any site, routes without dates
            for day replicates.
        ParameterError: bad sizes or options.
        CrsError: layers in degrees.
    """
    messages: List[Tuple[str, Dict[str, Any]]] = []
    seg_m = _check_options(replicate, segment_km, half_width, routes)
    crs = routes.crs
    walk = _routes_in_window(routes, date_from, date_to, replicate, messages, feedback)
    place = _sites_of_pieces(walk, sites, grid_size, site_id_field, feedback)
    per_site, replicates = _replicates(walk, place, replicate, seg_m, min_fraction, messages, feedback)
    bounds, dem_array, dem_grid = _surface_km(place, replicates, dem, crs)
    _count_detections(replicates, observations, sign_types, date_from, date_to, half_width, same_day, messages)
    history, rcov = _history_tables(per_site, place, bool(dem))
    site_cov = _site_covariates(place, dem_array, dem_grid, habitat, ridges, crs, bounds)
    return _result(place, per_site, site_cov, history, rcov, replicates, crs, messages)


@dataclass
class _Walk:
    """The routes kept (in date order) and their segments (m)."""

    rrows: List[Dict[str, Any]]
    dates: List[Optional[str]]
    keep: List[int]
    segs: np.ndarray
    feat: np.ndarray


@dataclass
class _Places:
    """The sites and the route pieces cut at their edges: ``site_of[p]`` is piece ``p``'s site (-1: none)."""

    site_geoms: List[Any]
    site_ids: List[str]
    pieces: np.ndarray
    site_of: np.ndarray
    piece_len: np.ndarray
    piece_feat: np.ndarray
    walked: np.ndarray

    @property
    def n_sites(self) -> int:
        return len(self.site_geoms)


def _check_options(replicate: str, segment_km: float, half_width: float, routes: Any) -> float:
    """Step 0: the options and the routes layer; returns the replicate length in metres."""
    if replicate not in REPLICATE_KINDS:
        raise ParameterError(QT_TR_NOOP("Unknown replicate kind {name}: use one of {names}."), name=replicate,
                             names=", ".join(REPLICATE_KINDS))
    seg_m = float(segment_km) * 1000.0 if segment_km is not None else float("nan")
    if replicate == "segments" and not (math.isfinite(seg_m) and seg_m > 0):
        raise ParameterError(QT_TR_NOOP("The segment length must be more than 0 km (got {value})."),
                             value=segment_km)
    if not (math.isfinite(float(half_width)) and float(half_width) >= 0):
        raise ParameterError(QT_TR_NOOP("The search half-width must be 0 m or more (got {value})."),
                             value=half_width)
    if routes is None or len(routes) == 0:
        raise InputError(QT_TR_NOOP("The routes layer is empty: occupancy replicates are cut from the walked "
                                    "routes."))
    check_metric(routes.crs, "The routes layer")
    return seg_m


def _routes_in_window(routes: Any, date_from: Optional[_dt.date], date_to: Optional[_dt.date], replicate: str,
                      messages: List[Tuple[str, Dict[str, Any]]], feedback: Optional[Feedback]) -> _Walk:
    """Step 1: the routes in the date window, in date order (undated last), and their segments."""
    rrows = routes.drop(columns=routes.geometry.name).to_dict("records") or [{} for _ in range(len(routes))]
    rgeoms = list(routes.geometry.values)
    dates = [_day(r.get("date")) for r in rrows]
    keep: List[int] = []
    out_window = undated_window = 0
    for i, day in enumerate(dates):
        if date_from is not None or date_to is not None:
            if day is None:
                undated_window += 1
                continue
            d = _dt.date.fromisoformat(day)
            if (date_from is not None and d < date_from) or (date_to is not None and d > date_to):
                out_window += 1
                continue
        keep.append(i)
    if undated_window:
        messages.append((QT_TR_NOOP("{n} routes have no date and were left out of the date window."),
                         {"n": undated_window}))
    undated = [i for i in keep if dates[i] is None]
    if replicate == "days" and undated:
        if len(undated) == len(keep):
            raise InputError(QT_TR_NOOP("No route has a date, so there are no survey-day replicates: enter the "
                                        "route dates, or use segment replicates."))
        messages.append((QT_TR_NOOP("{n} routes have no date: there are no day replicates for them, so they were "
                                    "left out. Enter their dates to use them."), {"n": len(undated)}))
        keep = [i for i in keep if dates[i] is not None]
    elif undated:
        messages.append((QT_TR_NOOP("{n} routes have no date: their replicates come after the dated ones and their "
                                    "signs are matched by distance only."), {"n": len(undated)}))
    if not keep:
        raise InputError(QT_TR_NOOP("No route lies in the date window {start} to {end}: widen the window."),
                         start=date_from or "…", end=date_to or "…")
    keep.sort(key=lambda i: (dates[i] is None, dates[i] or "", str(rrows[i].get("route_id") or ""), i))
    segs, feat = line_segments([rgeoms[i] for i in keep])
    if len(segs) == 0:
        raise InputError(QT_TR_NOOP("The routes have no line geometry: nothing was walked."))
    check_cancel(feedback)
    return _Walk(rrows, dates, keep, segs, feat)


def _sites_of_pieces(walk: _Walk, sites: Any, grid_size: Optional[float], site_id_field: str,
                     feedback: Optional[Feedback]) -> _Places:
    """Step 2: the sites (polygons given, or the grid cells walked) and the route pieces inside each."""
    from shapely.geometry import box

    segs, feat = walk.segs, walk.feat
    if sites is not None and len(sites):
        check_metric(sites.crs, "The sites layer")
        site_geoms = list(sites.geometry.values)
        if site_id_field in sites.columns:
            site_ids = [str(v) if not _isnull(v) else str(i + 1) for i, v in enumerate(sites[site_id_field])]
        else:
            site_ids = [str(i + 1) for i in range(len(sites))]
        pieces, sid = _split_at_edges(segs, _polygon_edges(site_geoms))
        mx, my = (pieces[:, 0] + pieces[:, 2]) / 2, (pieces[:, 1] + pieces[:, 3]) / 2
        site_of = np.full(len(pieces), -1, dtype=np.int64)
        for k, geom in enumerate(site_geoms):
            if geom is None or geom.is_empty:
                continue
            xmin, ymin, xmax, ymax = geom.bounds
            cand = np.nonzero((site_of < 0) & (mx >= xmin) & (mx <= xmax) & (my >= ymin) & (my <= ymax))[0]
            if len(cand):
                inside = _contains_xy(geom, mx[cand], my[cand])
                site_of[cand[inside]] = k
        if not (site_of >= 0).any():
            raise InputError(QT_TR_NOOP("None of the {n} sites has a walked route inside it: check that the sites "
                                        "and the routes cover the same area (and the date window)."),
                             n=len(site_geoms))
    else:
        if grid_size is None or not (math.isfinite(float(grid_size)) and float(grid_size) > 0):
            raise ParameterError(QT_TR_NOOP("Give site polygons or a grid size of more than 0 m (got {value})."),
                                 value=grid_size)
        cell = float(grid_size)
        ymax = math.ceil(float(np.max(segs[:, [1, 3]])) / cell) * cell
        xmin = math.floor(float(np.min(segs[:, [0, 2]])) / cell) * cell
        pieces, sid = split_segments_on_grid(segs, xmin, ymax, cell)
        keep_len = np.hypot(pieces[:, 2] - pieces[:, 0], pieces[:, 3] - pieces[:, 1]) > 0
        pieces, sid = pieces[keep_len], sid[keep_len]
        mx, my = (pieces[:, 0] + pieces[:, 2]) / 2, (pieces[:, 1] + pieces[:, 3]) / 2
        col = np.floor((mx - xmin) / cell).astype(np.int64)
        row = np.floor((ymax - my) / cell).astype(np.int64)
        cells = sorted(set(zip(row.tolist(), col.tolist())))
        index = {rc: k for k, rc in enumerate(cells)}
        site_of = np.array([index[(r, c)] for r, c in zip(row.tolist(), col.tolist())], dtype=np.int64)
        site_geoms = [box(xmin + c * cell, ymax - (r + 1) * cell, xmin + (c + 1) * cell, ymax - r * cell)
                      for r, c in cells]
        site_ids = [str(k + 1) for k in range(len(cells))]
    n_sites = len(site_geoms)
    piece_len = np.hypot(pieces[:, 2] - pieces[:, 0], pieces[:, 3] - pieces[:, 1])
    piece_feat = feat[sid]
    walked = np.bincount(site_of[site_of >= 0], weights=piece_len[site_of >= 0], minlength=n_sites)
    check_cancel(feedback)
    return _Places(site_geoms, site_ids, pieces, site_of, piece_len, piece_feat, walked)


def _replicates(walk: _Walk, place: _Places, replicate: str, seg_m: float, min_fraction: float,
                messages: List[Tuple[str, Dict[str, Any]]], feedback: Optional[Feedback]
                ) -> Tuple[Dict[int, List[Replicate]], List[Replicate]]:
    """Step 3: the replicates of each site: segments of ``seg_m`` metres along each route, or survey days."""
    rrows, dates, keep = walk.rrows, walk.dates, walk.keep
    pieces, site_of, piece_len, piece_feat = place.pieces, place.site_of, place.piece_len, place.piece_feat
    n_sites = place.n_sites
    per_site: Dict[int, List[Replicate]] = {k: [] for k in range(n_sites)}
    dropped_m = 0.0
    order = np.lexsort((np.arange(len(pieces)), piece_feat))  # route order (routes already sorted), then along
    groups: Dict[Tuple[int, int], List[int]] = {}
    for p in order:
        if site_of[p] >= 0:
            key = (int(site_of[p]), int(piece_feat[p]))
            groups.setdefault(key, []).append(int(p))
    if replicate == "segments":
        for (site, f), plist in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            r = rrows[keep[f]]
            current: List[np.ndarray] = []
            length = 0.0
            made: List[Replicate] = []
            for p in plist:
                a = pieces[p].copy()
                rest = piece_len[p]
                while rest > 0:
                    room = seg_m - length
                    if rest <= room + 1e-9:
                        current.append(a)
                        length += rest
                        rest = 0.0
                    else:
                        t = room / rest
                        cut = np.array([a[0], a[1], a[0] + t * (a[2] - a[0]), a[1] + t * (a[3] - a[1])])
                        current.append(cut)
                        length += room
                        a = np.array([cut[2], cut[3], a[2], a[3]])
                        rest = rest - room
                    if length >= seg_m - 1e-9:
                        made.append(Replicate(site, f, _text(r.get("route_id")), dates[keep[f]],
                                              _text(r.get("team")), current, length))
                        current, length = [], 0.0
            if length > 0:
                if length >= float(min_fraction) * seg_m - 1e-9:
                    made.append(Replicate(site, f, _text(r.get("route_id")), dates[keep[f]], _text(r.get("team")),
                                          current, length))
                else:
                    dropped_m += length
            per_site[site].extend(made)
    else:
        by_day: Dict[Tuple[int, str], List[int]] = {}
        for (site, f), plist in groups.items():
            by_day.setdefault((site, dates[keep[f]]), []).extend(plist)
        for (site, day), plist in sorted(by_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            fs = sorted({int(piece_feat[p]) for p in plist})
            teams = sorted({_text(rrows[keep[f]].get("team")) or "" for f in fs} - {""})
            rids = [_text(rrows[keep[f]].get("route_id")) or "" for f in fs]
            per_site[site].append(Replicate(site, fs[0], ", ".join(r for r in rids if r) or None, day,
                                            ", ".join(teams) or None, [pieces[p] for p in plist],
                                            float(piece_len[plist].sum())))
    if dropped_m > 0:
        messages.append((QT_TR_NOOP("{km} km walked in sites were left out: last pieces shorter than {share} of a "
                                    "segment."), {"km": round(dropped_m / 1000.0, 3), "share": min_fraction}))
    replicates = [rep for k in range(n_sites) for rep in per_site[k]]
    if not replicates:
        raise InputError(QT_TR_NOOP("No site holds a replicate: the routes inside the sites are shorter than the "
                                    "segment length. Use shorter segments or larger sites."))
    check_cancel(feedback)
    return per_site, replicates


def _surface_km(place: _Places, replicates: List[Replicate], dem: Optional[str], crs: Any
                ) -> Tuple[Tuple[float, float, float, float], Optional[np.ndarray], Optional[Grid]]:
    """Step 4: the sites' bounds, and the surface length of each replicate over the DEM (when given)."""
    site_geoms = place.site_geoms
    all_bounds = [g.bounds for g in site_geoms if g is not None and not g.is_empty]
    bounds = (min(b[0] for b in all_bounds), min(b[1] for b in all_bounds), max(b[2] for b in all_bounds),
              max(b[3] for b in all_bounds))
    dem_array = dem_grid = None
    if dem:
        dem_array, dem_grid = _raster_on(dem, crs, bounds, "DEM")
        for rep in replicates:
            rep.surface_m = float(segment_surface_lengths(np.vstack(rep.pieces), dem_array, dem_grid).sum())
    return bounds, dem_array, dem_grid


def _count_detections(replicates: List[Replicate], observations: Any, sign_types: Optional[Sequence[str]],
                      date_from: Optional[_dt.date], date_to: Optional[_dt.date], half_width: float,
                      same_day: bool, messages: List[Tuple[str, Dict[str, Any]]]) -> None:
    """Step 5: each chosen sign counts on the nearest replicate within ``half_width`` m (same day when dated)."""
    if observations is not None and len(observations):
        check_metric(observations.crs, "The observations layer")
        types = list(observations["obs_type"]) if "obs_type" in observations.columns else [None] * len(observations)
        when = list(observations["datetime"]) if "datetime" in observations.columns else [None] * len(observations)
        types = [None if _isnull(t) else str(t) for t in types]
        when = [None if _isnull(t) else str(t) for t in when]
        chosen = select_signs(types, when, sign_types, date_from, date_to)
        geoms = observations.geometry.values
        idx = [i for i in np.nonzero(chosen.kept)[0] if geoms[i] is not None and not geoms[i].is_empty]
        xy = points_xy([geoms[i] for i in idx]) if idx else np.zeros((0, 2))
        sign_days = [_day(when[i]) for i in idx]
        rep_segs = np.vstack([np.vstack(rep.pieces) for rep in replicates])
        rep_of = np.concatenate([np.full(len(rep.pieces), k) for k, rep in enumerate(replicates)])
        rep_days = np.array([rep.date or "" for rep in replicates], dtype=object)
        far = 0
        limit = float(half_width) ** 2
        for j in range(len(xy)):
            d2 = point_segment_d2(xy[j, 0], xy[j, 1], rep_segs[:, 0], rep_segs[:, 1], rep_segs[:, 2], rep_segs[:, 3])
            if same_day and sign_days[j]:
                ok_rep = (rep_days == "") | (rep_days == sign_days[j])
                d2 = np.where(ok_rep[rep_of], d2, np.inf)
            best = int(np.argmin(d2)) if len(d2) else -1
            if best < 0 or d2[best] > limit + 1e-9:
                far += 1
                continue
            replicates[int(rep_of[best])].signs += 1
        used = len(xy) - far
        messages.append((QT_TR_NOOP("{used} chosen signs lie within {width} m of a replicate; {far} lie farther (or "
                                    "on another day) and were not used."), {"used": used, "width": half_width,
                                                                          "far": far}))
    else:
        messages.append((QT_TR_NOOP("No observations were given: every replicate is a non-detection."), {}))


def _history_tables(per_site: Dict[int, List[Replicate]], place: _Places, dem: bool) -> Tuple[Any, Any]:
    """Step 6: the detection history (sites x replicates, 1/0/NaN) and the replicate covariates tables."""
    import pandas as pd

    n_sites, site_ids = place.n_sites, place.site_ids
    n_rep = max(len(v) for v in per_site.values())
    rows_y, rows_c = [], []
    for k in range(n_sites):
        reps = per_site[k]
        y = [1.0 if rep.signs > 0 else 0.0 for rep in reps] + [np.nan] * (n_rep - len(reps))
        rows_y.append([site_ids[k]] + y)
        pad = n_rep - len(reps)
        block = [round(rep.length_m / 1000.0, 6) for rep in reps] + [np.nan] * pad
        cov = [site_ids[k]] + block
        if dem:
            cov += [round(rep.surface_m / 1000.0, 6) for rep in reps] + [np.nan] * pad
        cov += [rep.date for rep in reps] + [None] * pad
        cov += [rep.team for rep in reps] + [None] * pad
        rows_c.append(cov)
    ycols = [f"y.{j + 1}" for j in range(n_rep)]
    history = pd.DataFrame(rows_y, columns=["site_id"] + ycols)
    names = ["length_km"] + (["surface_km"] if dem else []) + ["date", "team"]
    rcov = pd.DataFrame(rows_c, columns=["site_id"] + [f"{n}.{j + 1}" for n in names for j in range(n_rep)])
    return history, rcov


def _site_covariates(place: _Places, dem_array: Optional[np.ndarray], dem_grid: Optional[Grid],
                     habitat: Optional[str], ridges: Any, crs: Any, bounds: Tuple[float, float, float, float]
                     ) -> Dict[str, List[Any]]:
    """Step 7: the site covariates: km walked, and elevation, ruggedness, habitat share, ridge km when given."""
    site_geoms, site_ids, walked = place.site_geoms, place.site_ids, place.walked
    dem = dem_array is not None
    site_cov: Dict[str, List[Any]] = {"site_id": site_ids, "walked_km": [round(w / 1000.0, 6) for w in walked]}
    if dem:
        from ..analysis.terrain import tri

        ruggedness = tri(dem_array, dem_grid)
        elev, rug = [], []
        for geom in site_geoms:
            inside = _mask_in(geom, dem_grid)
            if inside.any():
                elev.append(_nanmean(dem_array[inside]))
                rug.append(_nanmean(ruggedness[inside]))
            else:  # a site smaller than a DEM cell: the cell under its centre
                c = geom.representative_point()
                col = int((c.x - dem_grid.x0) // dem_grid.pixel)
                row = int((dem_grid.y0 - c.y) // dem_grid.pixel)
                ok = 0 <= row < dem_grid.height and 0 <= col < dem_grid.width
                elev.append(float(dem_array[row, col]) if ok else np.nan)
                rug.append(float(ruggedness[row, col]) if ok else np.nan)
        site_cov["elev_mean"] = [round(v, 2) if math.isfinite(v) else np.nan for v in elev]
        site_cov["tri_mean"] = [round(v, 3) if math.isfinite(v) else np.nan for v in rug]
    if habitat:
        hab, hgrid = _raster_on(habitat, crs, bounds, "habitat")
        shares = []
        for geom in site_geoms:
            inside = _mask_in(geom, hgrid) & np.isfinite(hab)
            shares.append(round(float((hab[inside] > 0).sum()) / inside.sum(), 4) if inside.any() else np.nan)
        site_cov["habitat_share"] = shares
    if ridges is not None and len(ridges):
        check_metric(ridges.crs, "The ridges layer")
        ridge_union = [g for g in ridges.geometry.values if g is not None and not g.is_empty]
        site_cov["ridge_km"] = [round(sum(g.intersection(site).length for g in ridge_union
                                          if g.bounds[0] <= site.bounds[2] and g.bounds[2] >= site.bounds[0]
                                          and g.bounds[1] <= site.bounds[3] and g.bounds[3] >= site.bounds[1])
                                      / 1000.0, 4) for site in site_geoms]
    return site_cov


def _result(place: _Places, per_site: Dict[int, List[Replicate]], site_cov: Dict[str, List[Any]], history: Any,
            rcov: Any, replicates: List[Replicate], crs: Any, messages: List[Tuple[str, Dict[str, Any]]]
            ) -> OccupancyResult:
    """Step 8: the sites layer with naive occupancy, the summary messages, and the result."""
    import geopandas as gpd
    import pandas as pd

    n_sites, site_ids, site_geoms = place.n_sites, place.site_ids, place.site_geoms
    n_rep = max(len(v) for v in per_site.values())
    covariates = pd.DataFrame(site_cov)

    n_reps = [len(per_site[k]) for k in range(n_sites)]
    n_det = [sum(1 for rep in per_site[k] if rep.signs > 0) for k in range(n_sites)]
    sites_out = gpd.GeoDataFrame({"site_id": site_ids, "replicates": n_reps, "detections": n_det,
                                  "naive_occupied": [1 if d > 0 else 0 for d in n_det],
                                  "walked_km": site_cov["walked_km"]},
                                 geometry=gpd.GeoSeries(site_geoms, crs=crs), crs=crs)
    no_walk = sum(1 for n in n_reps if n == 0)
    if no_walk:
        messages.append((QT_TR_NOOP("{n} sites hold no replicate (not walked, or too little): their rows are all "
                                    "missing."), {"n": no_walk}))
    messages.append((QT_TR_NOOP("Occupancy export: {sites} sites, up to {k} replicates, {occupied} sites with a "
                                "detection (naive occupancy {naive})."),
                     {"sites": n_sites, "k": n_rep, "occupied": sum(1 for d in n_det if d),
                      "naive": round(sum(1 for d in n_det if d) / max(1, sum(1 for n in n_reps if n)), 3)}))
    return OccupancyResult(sites_out, history, covariates, rcov, replicates, messages)


def _text(value: Any) -> Optional[str]:
    return None if _isnull(value) else str(value)


def _nanmean(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.mean()) if len(finite) else float("nan")


def _cell(value: Any, missing: str) -> str:
    if _isnull(value):
        return missing
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return str(value)


def write_table(path: str, frame: Any, missing: str = "NA") -> None:
    """Write a table as comma-separated UTF-8 with ``missing`` for empty cells (atomically)."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(list(frame.columns))
            for row in frame.itertuples(index=False):
                writer.writerow([_cell(v, missing) for v in row])


def write_occupancy(folder: str, result: OccupancyResult, missing: str = "NA") -> Tuple[str, str, str]:
    """Write ``detection_history.csv``, ``site_covariates.csv`` and ``replicate_covariates.csv``.

    Args:
        folder: an existing folder.
        result: from :func:`occupancy_histories`.
        missing: the missing-value code, one of :data:`MISSING_CODES` (``NA`` for R, ``-`` or ``.`` for PRESENCE).

    Returns:
        the three paths.

    Raises:
        InputError: the folder does not exist.
        ParameterError: unknown missing code.
    """
    if missing not in MISSING_CODES:
        raise ParameterError(QT_TR_NOOP("Unknown missing-value code {value}: use one of {codes}."), value=missing,
                             codes=" ".join(MISSING_CODES))
    if not folder or not os.path.isdir(folder):
        raise InputError(QT_TR_NOOP("The output folder {folder} does not exist."), folder=folder)
    paths = tuple(os.path.join(folder, name) for name in ("detection_history.csv", "site_covariates.csv",
                                                            "replicate_covariates.csv"))
    for path, frame in zip(paths, (result.detection_history, result.site_covariates, result.replicate_covariates)):
        write_table(path, frame, missing)
    return paths  # type: ignore[return-value]


def generalise_sites(sites: Any, cell_m: float) -> Any:
    """Sites for sharing: each polygon replaced by the square generalisation cell holding its centre.

    Returns:
        a copy with generalised geometries and ``generalised_m``.
    """
    import geopandas as gpd
    from shapely.geometry import box

    from .generalise import GENERALISED_FIELD, cell_centres, check_cell_size

    cell = check_cell_size(cell_m)
    centres = [g.representative_point() if g is not None and not g.is_empty else None for g in sites.geometry]
    geoms = []
    for c in centres:
        if c is None:
            geoms.append(None)
            continue
        gx, gy = cell_centres([c.x], [c.y], cell)
        geoms.append(box(gx[0] - cell / 2, gy[0] - cell / 2, gx[0] + cell / 2, gy[0] + cell / 2))
    out = gpd.GeoDataFrame(sites.drop(columns=sites.geometry.name), geometry=gpd.GeoSeries(geoms, crs=sites.crs),
                           crs=sites.crs)
    out[GENERALISED_FIELD] = cell
    return out
