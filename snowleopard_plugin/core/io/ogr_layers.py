"""OGR helpers shared by the vector readers (:mod:`.vector`, :mod:`.gpx`): opening a file read-only,
transforming to WGS 84, field values as ISO text, and :class:`VectorContent`, what one file holds."""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Tuple

from ..exceptions import QT_TR_NOOP, InputError
from ..season.routes import Track
from .text import iso_text


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence GDAL warnings (e.g. GPX extensions parsed as fields) while reading."""
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def ogr_path(path: str) -> str:
    """The path OGR opens: KMZ archives are read through ``/vsizip/``."""
    if path.lower().endswith(".kmz"):
        return "/vsizip/" + os.path.abspath(path)
    return path


def _cp1251_without_cpg(path: str, ds: Any) -> bool:
    """A Shapefile without a .cpg whose DBF field names or first values read as Latin-1 mojibake of Russian."""
    if os.path.exists(os.path.splitext(path)[0] + ".cpg"):
        return False
    layer = ds.GetLayer(0)
    texts = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    layer.ResetReading()
    feature = layer.GetNextFeature()
    if feature is not None:
        texts += [str(feature.GetField(i)) for i in range(feature.GetFieldCount()) if feature.GetField(i) is not None]
    layer.ResetReading()
    sample = "".join(texts)
    undecoded = re.search("[\udc80-\udcff]", sample)  # bytes OGR could not decode (Python's surrogate escapes)
    return bool(undecoded or re.search("[\u00c0-\u00ff]{2}", sample)) and not re.search("[\u0400-\u04ff]",
                                                                                           sample)


def open_vector(path: str) -> Any:
    """Open a vector file read-only with OGR.

    Raises:
        InputError: when the file is missing or no OGR driver reads it.
    """
    from osgeo import gdal, ogr

    if not os.path.isfile(path):
        raise InputError(QT_TR_NOOP("Cannot read {path}: the file does not exist."), path=path)
    if os.path.getsize(path) == 0:
        raise InputError(QT_TR_NOOP("{path} is empty (0 bytes): copy it again from the device or export it "
                                    "again."), path=os.path.basename(path))
    with _quiet():
        gdal.ErrorReset()
        ds = ogr.Open(ogr_path(path), 0)
        reason = gdal.GetLastErrorMsg()
        if ds is not None and path.lower().endswith(".shp") and _cp1251_without_cpg(path, ds):
            # a DBF written on a Russian Windows without a .cpg: OGR would read its names as Latin-1
            ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=["ENCODING=CP1251"])
    if ds is None and path.lower().endswith(".kmz"):  # a KMZ whose main file is not doc.kml
        with _quiet():
            listing = gdal.ReadDir("/vsizip/" + os.path.abspath(path)) or []
            for name in listing:
                if name.lower().endswith(".kml"):
                    ds = ogr.Open("/vsizip/" + os.path.abspath(path) + "/" + name, 0)
                    if ds is not None:
                        break
    if ds is None:
        raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}. Check that it is a complete GPX, KML/KMZ, "
                                    "GeoJSON, GeoPackage or Shapefile."),
                         path=os.path.basename(path), reason=reason or "not a vector format GDAL/OGR can open")
    return ds


def _to_wgs84(layer: Any, assume_crs: Optional[str]) -> Tuple[Optional[Any], bool]:
    """Coordinate transformation from a layer's CRS to WGS 84 lon/lat (None when already there).

    Returns:
        (transformation or None, crs_known)
    """
    from osgeo import osr

    srs = layer.GetSpatialRef()
    if srs is None and assume_crs:
        srs = osr.SpatialReference()
        if srs.SetFromUserInput(assume_crs) != 0:
            srs = None
    if srs is None:
        return None, False
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if srs.IsGeographic() and srs.IsSameGeogCS(wgs):
        return None, True
    return osr.CoordinateTransformation(srs, wgs), True


def _field_value_iso(feature: Any, index: int) -> Optional[str]:
    """An OGR Date/DateTime/String field as ISO 8601 text (offset kept; UTC as ``Z``)."""
    from osgeo import ogr

    if not feature.IsFieldSetAndNotNull(index):
        return None
    ftype = feature.GetFieldDefnRef(index).GetType()
    if ftype in (ogr.OFTDate, ogr.OFTDateTime):
        y, mo, d, h, mi, s, tz = feature.GetFieldAsDateTime(index)
        if ftype == ogr.OFTDate:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        sec = f"{int(s):02d}" if abs(s - round(s)) < 1e-6 else f"{s:06.3f}"
        text = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{sec}"
        if tz == 100:
            return text + "Z"
        if tz > 1:
            minutes = (tz - 100) * 15
            sign = "+" if minutes >= 0 else "-"
            minutes = abs(minutes)
            return text + f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
        return text
    return iso_text(feature.GetField(index))



@dataclass
class VectorContent:
    """What one vector file holds, in WGS 84 lon/lat.

    Attributes:
        tracks: walked routes (raw fixes).
        observations: one dict per observation: ``lon``, ``lat``, ``feature`` and
            the observation fields of core/model.py that the file gives.
        cameras: one dict per camera station: ``lon``, ``lat``, ``feature`` and camera fields.
    """

    tracks: List[Track] = field(default_factory=list)
    observations: List[Dict[str, Any]] = field(default_factory=list)
    cameras: List[Dict[str, Any]] = field(default_factory=list)

