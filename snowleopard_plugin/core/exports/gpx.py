"""GPX 1.1 files of planned transects, one per team, for Garmin units and phones.

Written as plain text (no XML library): a ``<trk>`` per transect with ``<name>``, ``<desc>`` and one ``<trkseg>``
of ``<trkpt lat=".." lon="..">`` with ``<ele>`` when a DEM is given. Names are escaped; coordinates are WGS 84
degrees with 7 decimals (~1 cm). Files are written atomically.
"""

from __future__ import annotations

import html
import os
import re
from typing import Any, Dict, List, Optional

import numpy as np

from ..analysis.coverage import sample_bilinear
from ..exceptions import QT_TR_NOOP, InputError
from ..fileio import atomic_output
from ..raster import Grid

#: Track name and description per language; fields ``transect_id``, ``team``, ``day``, ``km``, ``ascent``.
GPX_LABELS: Dict[str, Dict[str, str]] = {
    "en": {"name": "Transect {transect_id}, team {team}, day {day}",
           "desc": "{km:.1f} km, climb {ascent:.0f} m",
           "locked": "repeat every year"},
    "ru": {"name": "Трансекта {transect_id}, группа {team}, день {day}",
           "desc": "{km:.1f} км, набор высоты {ascent:.0f} м",
           "locked": "повторять ежегодно"},
}


def labels_for(language: str) -> Dict[str, str]:
    """The labels of a two-letter language code (English when there are none for it)."""
    return GPX_LABELS.get((language or "en").lower()[:2], GPX_LABELS["en"])


def _lonlat(xy: np.ndarray, crs: Any) -> np.ndarray:
    from pyproj import CRS, Transformer

    transformer = Transformer.from_crs(CRS.from_user_input(crs), CRS.from_epsg(4326), always_xy=True)
    lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])


def gpx_text(tracks: List[Dict[str, Any]], creator: str = "Snow Leopard Census QGIS plugin") -> str:
    """GPX 1.1 document of tracks.

    Args:
        tracks: dicts with ``name``, ``desc`` (optional), ``lonlat`` ((n, 2) degrees) and ``ele`` (optional
            (n,) metres, NaN for unknown).
        creator: the ``creator`` attribute.
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<gpx version="1.1" creator="{html.escape(creator, quote=True)}" '
           'xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">']
    for track in tracks:
        out.append("  <trk>")
        out.append(f"    <name>{html.escape(str(track['name']), quote=False)}</name>")
        if track.get("desc"):
            out.append(f"    <desc>{html.escape(str(track['desc']), quote=False)}</desc>")
        out.append("    <trkseg>")
        ele = track.get("ele")
        for k, (lon, lat) in enumerate(np.asarray(track["lonlat"], dtype=np.float64)):
            if ele is not None and np.isfinite(ele[k]):
                out.append(f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele[k]:.1f}</ele></trkpt>')
            else:
                out.append(f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}"></trkpt>')
        out.append("    </trkseg>")
        out.append("  </trk>")
    out.append("</gpx>")
    return "\n".join(out) + "\n"


def check_folder(folder: str) -> None:
    """Create the GPX folder when missing; an InputError saying what to do when it cannot be written."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise InputError(QT_TR_NOOP("Cannot create the GPX folder {folder}: {reason}. Choose another folder."),
                         folder=folder, reason=error.strerror or str(error)) from error
    if not os.access(folder, os.W_OK):
        raise InputError(QT_TR_NOOP("Cannot write to the GPX folder {folder}: choose a folder you can write to."),
                         folder=folder)


def write_team_gpx(transects: Any, folder: str, crs: Any = None, language: str = "en",
                   dem: Optional[np.ndarray] = None, dem_grid: Optional[Grid] = None,
                   prefix: str = "plan") -> List[str]:
    """Write one GPX file per team (``<prefix>_team_<n>.gpx``), its transects as tracks in day order.

    Args:
        transects: GeoDataFrame with ``transect_id``, ``team``, ``day``, ``surface_km`` (or ``length_km``),
            ``ascent_m`` and line geometry, metric CRS.
        folder: output folder (created when missing).
        crs: CRS of the geometries (default: the frame's).
        language: ``"ru"`` or ``"en"`` for track names and descriptions.
        dem, dem_grid: DEM for ``<ele>`` (bilinear at each vertex); without it no ``<ele>``.
        prefix: file name prefix.

    Returns:
        The paths written, one per team, sorted by team.
    """
    crs = crs if crs is not None else transects.crs
    labels = labels_for(language)
    check_folder(folder)
    for name in os.listdir(folder):  # a previous plan's files for teams this plan no longer has
        if re.fullmatch(re.escape(prefix) + r"_team_\d+\.gpx", name):
            os.remove(os.path.join(folder, name))
    paths = []
    for team in sorted(int(t) for t in set(transects["team"])):
        rows = transects[transects["team"] == team].sort_values(["day", "transect_id"])
        tracks = []
        for _, row in rows.iterrows():
            geom = row.geometry
            parts = list(geom.geoms) if hasattr(geom, "geoms") else [geom]
            xy = np.vstack([np.asarray(p.coords, dtype=np.float64)[:, :2] for p in parts])
            ele = sample_bilinear(dem, dem_grid, xy[:, 0], xy[:, 1]) if dem is not None else None
            km = float(row["surface_km"] if "surface_km" in row and np.isfinite(row["surface_km"])
                       else row["length_km"])
            desc = labels["desc"].format(km=km, ascent=float(row.get("ascent_m", 0.0) or 0.0))
            if int(row.get("locked", 0) or 0):
                desc += "; " + labels["locked"]
            name = labels["name"].format(transect_id=int(row["transect_id"]), team=team, day=int(row["day"]))
            tracks.append({"name": name, "desc": desc, "lonlat": _lonlat(xy, crs), "ele": ele})
        path = os.path.join(folder, f"{prefix}_team_{team}.gpx")
        with atomic_output(path) as tmp:
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(gpx_text(tracks))
        paths.append(path)
    return paths
