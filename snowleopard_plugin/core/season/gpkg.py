"""Writing the season GeoPackage: the five layers of :mod:`..model`, written atomically (a temporary file beside
the output, moved onto it only when everything succeeded; see :func:`..fileio.atomic_output`)."""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from .. import model
from ..exceptions import QT_TR_NOOP, InputError
from ..feedback import Feedback, check_cancel
from ..fileio import atomic_output
from ..io.text import iso_text
from .read import _isnull


def _ogr_type(kind: str) -> int:
    from osgeo import ogr

    return {"str": ogr.OFTString, "int": ogr.OFTInteger, "float": ogr.OFTReal}.get(kind, ogr.OFTString)


def _point_wkb(x: Optional[float], y: Optional[float]) -> Optional[bytes]:
    if x is None or y is None or not (np.isfinite(x) and np.isfinite(y)):
        return None
    return np.array([1], dtype="u1").tobytes() + np.array([1], dtype="<u4").tobytes() + \
        np.array([x, y], dtype="<f8").tobytes()


def _value(kind: str, value: Any) -> Any:
    if _isnull(value):
        return None
    if kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if kind == "float":
        try:
            out = float(value)
        except (TypeError, ValueError):
            return None
        return out if math.isfinite(out) else None
    if kind in ("datetime", "date"):
        text = iso_text(value)
        return text if text is not None else str(value)
    return str(value)


def _write_layer(ds: Any, srs: Any, name: str, geom_type: int, rows: List[Tuple[Dict[str, Any], Optional[bytes]]],
                 extra: Sequence[Tuple[str, str]] = (), feedback: Optional[Feedback] = None) -> int:
    from osgeo import ogr

    layer = ds.CreateLayer(name, srs, geom_type, options=["FID=fid", "SPATIAL_INDEX=YES"])
    if layer is None:
        raise InputError(QT_TR_NOOP("Cannot write the layer {layer}: {reason}"), layer=name,
                         reason="GDAL could not create it")
    schema = list(model.FIELDS[name]) + list(extra)
    for field_name, kind in schema:
        layer.CreateField(ogr.FieldDefn(field_name, _ogr_type(kind)))
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    for number, (row, wkb) in enumerate(rows):
        if number % 5000 == 0:
            check_cancel(feedback)
        feature = ogr.Feature(defn)
        for index, (field_name, kind) in enumerate(schema):
            value = _value(kind, row.get(field_name))
            if value is None:
                feature.SetFieldNull(index)
            else:
                feature.SetField(index, value)
        if wkb is not None:
            geom = ogr.CreateGeometryFromWkb(wkb)
            feature.SetGeometryDirectly(geom)
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    return len(rows)


def write_season_gpkg(output: str, target: Any, layers: Dict[str, List[Tuple[Dict[str, Any], Optional[bytes]]]],
                      camera_extra: Sequence[Tuple[str, str]] = (), feedback: Optional[Feedback] = None
                      ) -> Dict[str, int]:
    """Write the season GeoPackage atomically: nothing lands on ``output`` unless every layer was written.

    Args:
        output: the ``.gpkg`` path (replaced when it exists).
        target: the season's metric CRS (pyproj CRS); coordinates in the rows' WKB are in it (m).
        layers: per :mod:`..model` layer name, rows of ``(fields, point or line WKB or None)``; routes are
            MultiLineString (Z when any route has elevations), the others points.
        camera_extra: extra camera columns ``(name, "float" | "str")`` after the model fields.
        feedback: progress (80 to 88 %) and cancellation.

    Returns:
        The number of features written per layer name.

    Raises:
        InputError: GDAL could not create the file or a layer. Cancelled: the user stopped; ``output`` untouched.
    """
    from osgeo import ogr, osr

    epsg = target.to_epsg()
    srs = osr.SpatialReference()
    if epsg:
        srs.ImportFromEPSG(int(epsg))
    else:
        srs.ImportFromWkt(target.to_wkt())
    route_rows = layers[model.ROUTES]
    has_z = any(wkb is not None and int.from_bytes(wkb[1:5], "little") == 1005 for _, wkb in route_rows)
    counts: Dict[str, int] = {}
    with atomic_output(output) as tmp:
        driver = ogr.GetDriverByName("GPKG")
        ds = driver.CreateDataSource(tmp)
        if ds is None:
            raise InputError(QT_TR_NOOP("Cannot write {path}: {reason}"), path=output,
                             reason="GDAL could not create the GeoPackage")
        try:
            counts[model.ROUTES] = _write_layer(
                ds, srs, model.ROUTES, ogr.wkbMultiLineString25D if has_z else ogr.wkbMultiLineString,
                route_rows, feedback=feedback)
            if feedback is not None:
                feedback.set_progress(88)
            counts[model.OBSERVATIONS] = _write_layer(ds, srs, model.OBSERVATIONS, ogr.wkbPoint,
                                                      layers[model.OBSERVATIONS], feedback=feedback)
            counts[model.CAMERAS] = _write_layer(ds, srs, model.CAMERAS, ogr.wkbPoint, layers[model.CAMERAS],
                                                 camera_extra, feedback=feedback)
            counts[model.DETECTIONS] = _write_layer(ds, srs, model.DETECTIONS, ogr.wkbPoint,
                                                    layers[model.DETECTIONS], feedback=feedback)
            counts[model.VALIDATION] = _write_layer(ds, srs, model.VALIDATION, ogr.wkbPoint,
                                                    layers[model.VALIDATION], feedback=feedback)
            check_cancel(feedback)
        finally:
            ds = None  # noqa: F841 - closes the GeoPackage before it is moved
    return counts
