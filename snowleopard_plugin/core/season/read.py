"""Reading a season's field files into WGS 84 lon/lat rows (the first step of :func:`.build.build_season`).

Each file is read by what it holds (:func:`..io.vector.classify_file`): vector files, tables
(:mod:`..io.tables`), Camtrap DP (:mod:`..io.camtrapdp`), secr layouts (:mod:`..io.secr`)."""

from __future__ import annotations

import csv
import hashlib
import os
from typing import Any, Dict, List, Optional

import numpy as np

from .. import model
from ..exceptions import QT_TR_NOOP, InputError, SnowLeopardError
from ..io.vector import VECTOR_EXTENSIONS, classify_file, read_vector
from ..validation import IssueLog
from .routes import (
    Track,
)


def _file_hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def split_mapping(mapping: Optional[Dict[str, Any]]) -> Dict[str, Dict[str, str]]:
    """A saved field mapping per table kind.

    A mapping file either names the table kinds (``{"observations": {"obs_type": "Вид знака"},
    "cameras": {...}}``) or is one flat mapping (model field → the file's header), which then
    applies to sign tables, the usual case.
    """
    if not mapping:
        return {}
    kinds = (model.OBSERVATIONS, model.CAMERAS, model.DETECTIONS)
    if any(key in kinds for key in mapping):
        return {key: dict(value) for key, value in mapping.items() if key in kinds and value}
    return {model.OBSERVATIONS: dict(mapping)}


class _Season:
    """Everything read so far, in WGS 84 lon/lat, before projection."""

    def __init__(self, issues: IssueLog, crs: Optional[str], mapping: Optional[Dict[str, Any]] = None) -> None:
        self.packages: set = set()  # Camtrap DP packages read (by datapackage.json path)
        self.issues = issues
        self.crs = crs
        self.mapping = split_mapping(mapping)
        self.tracks: List[Track] = []
        self.observations: List[Dict[str, Any]] = []
        self.cameras: List[Dict[str, Any]] = []
        self.camera_extra: List[str] = []
        self.detections: List[Dict[str, Any]] = []

    # ---- reading ---------------------------------------------------------------------------

    def add_vector(self, path: str, as_cameras: bool = False) -> None:
        content = read_vector(path, self.issues, crs=self.crs, as_cameras=as_cameras)
        self.tracks.extend(content.tracks)
        self.observations.extend(content.observations)
        self.cameras.extend(content.cameras)

    def _frame_rows(self, frame: Any, path: str) -> List[Dict[str, Any]]:
        """Rows of a (Geo)DataFrame as dicts with lon/lat in WGS 84 (None when no geometry)."""
        source = os.path.basename(path)
        geometry = getattr(frame, "geometry", None) if "geometry" in getattr(frame, "columns", []) else None
        lon = lat = None
        if geometry is not None and len(frame):
            xs = np.array([g.x if g is not None and not g.is_empty else np.nan for g in geometry])
            ys = np.array([g.y if g is not None and not g.is_empty else np.nan for g in geometry])
            crs = frame.crs
            if crs is None:
                finite = np.isfinite(xs) & np.isfinite(ys)
                degrees = finite.any() and np.nanmedian(np.abs(xs)) <= 180 and np.nanmedian(np.abs(ys)) <= 180
                if not degrees:
                    if not self.crs:
                        raise InputError(QT_TR_NOOP("Cannot read {path}: its coordinates are projected (metres) "
                                                    "but the file does not say in which CRS; give the CRS."),
                                         path=source)
                    crs = self.crs
            if crs is not None:
                from pyproj import CRS, Transformer

                src = CRS.from_user_input(crs)
                if not (src.is_geographic and src.equals(CRS.from_epsg(4326), ignore_axis_order=True)):
                    transformer = Transformer.from_crs(src, CRS.from_epsg(4326), always_xy=True)
                    xs, ys = transformer.transform(xs, ys)
                    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            lon, lat = xs, ys
        rows = []
        columns = [c for c in frame.columns if c != "geometry"]
        for i, record in enumerate(frame[columns].to_dict("records")):
            row = {key: (None if _isnull(value) else value) for key, value in record.items()}
            row.setdefault("source", source)
            if not row.get("source"):
                row["source"] = source
            row["feature"] = str(row.get("obs_id") or row.get("station_id") or i + 1)
            row["lon"] = None if lon is None or not np.isfinite(lon[i]) else float(lon[i])
            row["lat"] = None if lat is None or not np.isfinite(lat[i]) else float(lat[i])
            rows.append(row)
        return rows

    def add_table(self, path: str, kind: str) -> None:
        from ..io import tables as tabular

        if kind == "observations":
            self.observations.extend(self._frame_rows(
                tabular.read_observations_table(path, self.issues, crs=self.crs,
                                                mapping=self.mapping.get(model.OBSERVATIONS)), path))
        elif kind == "cameras":
            self._add_cameras(self._frame_rows(tabular.read_cameras_table(
                path, self.issues, crs=self.crs, mapping=self.mapping.get(model.CAMERAS)), path))
        elif kind == "detections":
            self.detections.extend(self._frame_rows(tabular.read_detections_table(
                path, self.issues, mapping=self.mapping.get(model.DETECTIONS)), path))
        elif kind == "camtrapdp":
            from ..io.camtrapdp import read_camtrapdp

            cams, dets = read_camtrapdp(path, self.issues)
            self._add_cameras(self._frame_rows(cams, path))
            self.detections.extend(self._frame_rows(dets, path))
        elif kind == "secr_traps":
            from ..io.secr import read_secr_traps

            self._add_cameras(self._frame_rows(read_secr_traps(path, self.issues, crs=self.crs), path))
        elif kind == "secr_capthist":
            from ..io.secr import read_secr_capthist

            self.detections.extend(self._frame_rows(read_secr_capthist(path, self.issues), path))
        else:  # pragma: no cover - guarded by the caller
            raise ValueError(kind)

    def _add_cameras(self, rows: List[Dict[str, Any]]) -> None:
        known = set(model.field_names(model.CAMERAS)) | {"feature", "lon", "lat"}
        for row in rows:
            start, end = row.get("deployment_start"), row.get("deployment_end")
            if isinstance(start, str) and isinstance(end, str) and start[:10] > end[:10]:
                self.issues.add(row.get("source") or "", model.CAMERAS, row.get("feature") or row.get("station_id"),
                                "other", "flagged", "warning",
                                QT_TR_NOOP("Station {station}: the deployment ends ({end}) before it starts "
                                           "({start}); correct the dates in the source file (effort and secr "
                                           "usage use them)."), station=row.get("station_id"), start=start[:10],
                                end=end[:10], lon=row.get("lon"), lat=row.get("lat"))
            for key in row:
                if key not in known and key not in self.camera_extra and not key.startswith("_"):
                    self.camera_extra.append(key)
        self.cameras.extend(rows)


def _isnull(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, (bool, np.bool_)) else False


#: Header cells that mark the tables of a Camtrap DP package (deployments, media, observations).
CAMTRAPDP_KEYS = ("deploymentid", "mediaid", "observationid")


def _camtrapdp_table_package(path: str) -> Optional[str]:
    """The datapackage.json beside a Camtrap DP table given on its own; an error when there is none."""
    if not path.lower().endswith((".csv", ".tsv", ".txt")):
        return None
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return None
    cells = {cell.strip().strip('"').lower() for cell in first.replace(";", ",").replace("\t", ",").split(",")}
    if not cells & set(CAMTRAPDP_KEYS) or not ({"deploymentid", "latitude"} <= cells or "mediaid" in cells
                                                or {"observationid", "deploymentid"} <= cells):
        return None
    package = os.path.join(os.path.dirname(os.path.abspath(path)), "datapackage.json")
    if not os.path.isfile(package):
        raise InputError(QT_TR_NOOP("{path} is a table of a Camtrap DP package but no datapackage.json lies beside "
                                    "it: choose the package's datapackage.json (it links its tables)."),
                         path=os.path.basename(path))
    return os.path.realpath(package)


def _read_zipped_package(season: _Season, path: str) -> None:
    """A Camtrap DP package delivered as a ZIP (Agouti, GBIF): read from a temporary copy of its files."""
    import tempfile
    import zipfile

    name = os.path.basename(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.namelist()
            packages = [m for m in members if os.path.basename(m) == "datapackage.json"]
            if not packages:
                raise InputError(QT_TR_NOOP("{path} is a ZIP archive without a Camtrap DP datapackage.json: unzip "
                                            "it and choose the files inside."), path=name)
            root = os.path.dirname(packages[0])
            with tempfile.TemporaryDirectory(prefix="snowleopard_zip_") as folder:
                target = os.path.join(folder, os.path.splitext(name)[0])
                for member in members:
                    if member.startswith(root) and not member.endswith("/"):
                        relative = os.path.relpath(member, root) if root else member
                        if relative.startswith("..") or os.path.isabs(relative):
                            continue
                        destination = os.path.join(target, relative)
                        os.makedirs(os.path.dirname(destination), exist_ok=True)
                        with archive.open(member) as src, open(destination, "wb") as dst:
                            dst.write(src.read())
                season.add_table(os.path.join(target, "datapackage.json"), "camtrapdp")
    except zipfile.BadZipFile as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=name, reason=str(error)) from error


_READERS_BY_ROLE = {"routes": "vector", "observations": "observations", "cameras": "cameras",
                    "detections": "detections"}


def _read_input(season: _Season, path: str, role: str) -> None:
    """Read one input by its kind; any failure becomes an InputError naming the file."""
    name = os.path.basename(path)
    if not os.path.isfile(path):
        raise InputError(QT_TR_NOOP("Cannot read {path}: the file does not exist."), path=path)
    if path.lower().endswith(".zip"):
        _read_zipped_package(season, path)
        return
    package = _camtrapdp_table_package(path)
    if package is not None:
        if package not in season.packages:  # its datapackage.json, read once
            season.packages.add(package)
            season.issues.add(name, model.CAMERAS, name, "other", "fixed", "info",
                              QT_TR_NOOP("{path} is a table of a Camtrap DP package: the package "
                                         "(datapackage.json beside it) was read instead."), path=name)
            season.add_table(package, "camtrapdp")
        return
    kind = classify_file(path)
    if kind == "camtrapdp":
        if os.path.realpath(path) in season.packages:
            return
        season.packages.add(os.path.realpath(path))
    if kind == "unknown":
        lower = path.lower()
        kind = "vector" if lower.endswith(VECTOR_EXTENSIONS) or role == "routes" else _READERS_BY_ROLE[role]
    try:
        if kind in ("routes", "vector") or (kind in ("observations", "cameras")
                                            and path.lower().endswith(VECTOR_EXTENSIONS)):
            season.add_vector(path, as_cameras=role == "cameras" and kind != "routes")
        else:
            season.add_table(path, kind)
    except SnowLeopardError:
        raise
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeError, RuntimeError, csv.Error) as error:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=name, reason=str(error)) from error
