"""QGIS vector layers and feature sources ↔ the core's data: numpy arrays, GeoDataFrames, plain rows.

Reading reprojects to the analysis CRS when asked (a :func:`.crs.to_crs` value); writing fills a Processing
feature sink or a memory layer.
"""

from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsVectorLayer

from .crs import crs_text, feature_request


def new_field(name: str, kind: str):
    """A QgsField of a plain type (``str``, ``int``, ``int64``, ``float``, ``bool``).

    QGIS 3.38+ (and QGIS 4 on Qt 6) types fields with QMetaType; older QGIS with QVariant.
    """
    from qgis.core import Qgis, QgsField

    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = {"str": QMetaType.Type.QString, "int": QMetaType.Type.Int, "int64": QMetaType.Type.LongLong,
                 "float": QMetaType.Type.Double, "bool": QMetaType.Type.Bool}
    else:
        from qgis.PyQt.QtCore import QVariant

        types = {"str": QVariant.String, "int": QVariant.Int, "int64": QVariant.LongLong, "float": QVariant.Double,
                 "bool": QVariant.Bool}
    return QgsField(name, types[kind])


def season_layer(gpkg: str, name: str, title: Optional[str] = None) -> QgsVectorLayer:
    """One layer of a season GeoPackage as a QGIS vector layer."""
    return QgsVectorLayer(f"{gpkg}|layername={name}", title or name, "ogr")


def _plain(value):
    """QVariant-ish QGIS values (QDateTime, QDate) as plain Python values."""
    from qgis.PyQt.QtCore import QDate, QDateTime

    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    return value


def _shapely(geometry):
    """A QgsGeometry as a shapely geometry (through WKB)."""
    from shapely import wkb

    return wkb.loads(bytes(geometry.asWkb()))


def features_to_arrays(source, fields=(), feedback=None, destination=None):
    """Points of a vector source as numpy arrays in the source's CRS (or ``destination``'s).

    Args:
        source: a QgsVectorLayer or QgsProcessingFeatureSource of points.
        fields: attribute names to return beside the coordinates.
        destination: optional :func:`to_crs` value: reproject the points.

    Returns:
        (x, y, attributes) where attributes maps each field name to a list of
        values (None for NULL); multipoints contribute each of their parts.
    """
    import numpy as np

    xs, ys = [], []
    values = {name: [] for name in fields}
    indices = {name: source.fields().indexOf(name) for name in fields}
    for feature in source.getFeatures(feature_request(source, feedback, destination)):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        points = geometry.asMultiPoint() if geometry.isMultipart() else [geometry.asPoint()]
        attributes = feature.attributes()
        for point in points:
            xs.append(point.x())
            ys.append(point.y())
            for name, index in indices.items():
                value = attributes[index] if index >= 0 else None
                values[name].append(None if value is None or str(value) == "NULL" else _plain(value))
    return np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), values


def lines_to_arrays(source, feedback=None, destination=None):
    """Lines of a vector source as a list of (n, 2) vertex arrays in the source's CRS, or ``destination``'s
    (a :func:`to_crs` value); one array per part."""
    import numpy as np

    parts = []
    for feature in source.getFeatures(feature_request(source, feedback, destination)):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        lines = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for line in lines:
            if len(line) >= 2:
                parts.append(np.array([(p.x(), p.y()) for p in line], dtype=float))
    return parts


def source_to_geodataframe(source, fields=(), feedback=None, rect=None, destination=None):
    """A vector source as a GeoDataFrame (features without geometry are skipped).

    Args:
        source: QgsVectorLayer or QgsProcessingFeatureSource.
        fields: attribute names to copy (missing ones are left out); QDate/QDateTime become ISO text.
        feedback: cancellation.
        rect: optional QgsRectangle: only features meeting it (in the destination CRS when one is given,
            else in the source's).
        destination: optional (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext): reproject the
            geometries to that CRS (default: keep the source's CRS).

    Returns:
        geopandas.GeoDataFrame with ``crs_text`` of its CRS.
    """
    import geopandas as gpd

    source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    request = feature_request(source, feedback, destination)
    if rect is not None:
        request.setFilterRect(rect)  # in the destination CRS when one is set (QgsFeatureRequest's rule)
    present = [name for name in fields if source.fields().indexOf(name) >= 0]
    indices = [source.fields().indexOf(name) for name in present]
    rows = {name: [] for name in present}
    geoms = []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            continue
        geoms.append(_shapely(geometry))
        attributes = feature.attributes()
        for name, index in zip(present, indices):
            value = attributes[index]
            rows[name].append(None if value is None or str(value) == "NULL" else _plain(value))
    crs = source_crs if destination is None else destination[0]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=crs_text(crs) if crs.isValid() else None)


def geodataframe_fields(gdf, skip=()):
    """QgsFields for the attribute columns of a GeoDataFrame (int, float, bool, text)."""
    import numpy as np
    from qgis.core import QgsFields

    fields = QgsFields()
    for name in gdf.columns:
        if name == gdf.geometry.name or name in skip:
            continue
        kind = gdf[name].dtype
        if np.issubdtype(kind, np.bool_):
            fields.append(new_field(name, "bool"))
        elif np.issubdtype(kind, np.integer):
            fields.append(new_field(name, "int64"))
        elif np.issubdtype(kind, np.floating):
            fields.append(new_field(name, "float"))
        else:
            fields.append(new_field(name, "str"))
    return fields


def _value(value):
    import math

    import numpy as np

    if value is None:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(float(value)) else float(value)
    return value if isinstance(value, (int, str)) else str(value)


def write_geodataframe(gdf, sink, fields, feedback=None) -> int:
    """Add a GeoDataFrame's rows to a feature sink (attributes by the names of ``fields``); NaN become NULL.

    Returns:
        The number of features written.
    """
    from qgis.core import QgsFeature, QgsFeatureSink, QgsGeometry

    names = [fields.at(i).name() for i in range(fields.count())]
    columns = [gdf[name].to_numpy() if name in gdf.columns else None for name in names]
    count = 0
    for i, geom in enumerate(gdf.geometry.values):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        if geom is not None and not geom.is_empty:
            geometry = QgsGeometry()
            geometry.fromWkb(geom.wkb)
            feature.setGeometry(geometry)
        feature.setAttributes([None if column is None else _value(column[i]) for column in columns])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
        count += 1
    return count


def points_layer(name: str, crs, rows, fields):
    """A memory point layer from core rows with ``x``, ``y`` (in ``crs``) and the given attribute fields.

    Args:
        rows: dicts with ``x``, ``y`` and a value per field name (None = NULL).
        fields: (name, kind) pairs, kind as in :func:`new_field`.
    """
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    layer = QgsVectorLayer("Point", name, "memory")
    layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes([new_field(field, kind) for field, kind in fields])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(row["x"]), float(row["y"]))))
        feature.setAttributes([row.get(field) for field, _ in fields])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def layer_records(layer, limit: Optional[int] = None) -> List[dict]:
    """Attribute rows of a vector layer as plain dicts (field name → Python value, None for NULL)."""
    names = [field.name() for field in layer.fields()]
    records = []
    for feature in layer.getFeatures():
        attributes = feature.attributes()
        records.append({name: (None if value is None or str(value) == "NULL" else _plain(value))
                        for name, value in zip(names, attributes)})
        if limit is not None and len(records) >= limit:
            break
    return records
