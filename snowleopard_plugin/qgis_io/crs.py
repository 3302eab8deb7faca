"""The analysis CRS: which metric CRS an algorithm works in, reprojection on reading, and the CRS checks.

Every analysis runs in metres (the season's UTM zone as a rule); inputs in another CRS are reprojected as
they are read (:func:`feature_request`, and :mod:`.rasters` for rasters), and a layer whose CRS cannot be
placed is refused with a message that says what to do.
"""

from __future__ import annotations

from ..i18n import tr


def source_name(source) -> str:
    return source.sourceName() if hasattr(source, "sourceName") else source.name()


def feature_request(source, feedback, destination):
    """A feature request, reprojecting to ``destination`` (see :func:`to_crs`) when it is another CRS."""
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest()
    if destination is not None:
        source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
        check_has_crs(source_crs, source_name(source))
        if source_crs != destination[0]:
            request.setDestinationCrs(destination[0], destination[1])
            if feedback is not None and hasattr(feedback, "pushInfo"):
                feedback.pushInfo(tr("{layer} reprojected from {a} to {b}.").format(
                    layer=source_name(source), a=source_crs.authid() or source_crs.description(),
                    b=destination[0].authid() or destination[0].description()))
    return request


def _crs_and_extent(item):
    """(name, CRS, extent in that CRS) of a map layer or a feature source."""
    if hasattr(item, "sourceCrs"):
        return item.sourceName(), item.sourceCrs(), item.sourceExtent()
    return item.name(), item.crs(), item.extent()


def _is_empty(item, extent) -> bool:
    """A layer or source without features (its extent is null)."""
    if extent.isNull():
        return True
    count = item.featureCount() if hasattr(item, "featureCount") else None
    return count == 0


def _scale_error_at(crs, extent, context):
    """:func:`.core.crs.scale_error` of a projected ``crs`` at the centre of ``extent`` (in that CRS)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

    from ..core.crs import scale_error

    try:
        to_deg = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
        centre = to_deg.transform(extent.center())
    except Exception:  # noqa: BLE001 - a CRS that cannot be placed is taken as it is
        return None
    return scale_error(crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL), centre.x(), centre.y())


def analysis_crs(candidates, context, feedback=None, preferred=None):
    """The metric CRS an algorithm works in, from its inputs in order of preference.

    The first input with a projected CRS that keeps distances true (within ``core.crs.MAX_SCALE_ERROR`` at the
    layer's centre: UTM, Gauss-Krüger, national grids; not Web Mercator) decides. When no input has one (a
    GPX file, an SRTM tile, a Web Mercator export), the analysis runs in the WGS 84 / UTM zone of the centre of
    the first non-empty one, and the feedback says so. Inputs in another CRS are reprojected to it
    (``source_to_geodataframe(..., destination=...)``, ``read_raster_layer(..., crs=...)``).

    Args:
        candidates: map layers or feature sources (None skipped), most authoritative first.
        context: the QgsProcessingContext (its transform context).
        feedback: where the choice of a UTM zone is reported.
        preferred: a CRS the user chose (a ``TARGET_CRS`` parameter), used when valid; it must be metric.

    Returns:
        QgsCoordinateReferenceSystem.
    """
    from qgis.core import QgsProcessingException

    from ..core.crs import MAX_SCALE_ERROR

    if preferred is not None and preferred.isValid():
        if preferred.isGeographic():
            raise QgsProcessingException(tr("The CRS to work in ({crs}) is in degrees: choose a metric CRS such as "
                                            "the park's UTM zone.").format(crs=preferred.authid()))
        return preferred
    items = [item for item in candidates if item is not None]
    fallback = None
    distorted = {}
    for item in items:
        name, crs, extent = _crs_and_extent(item)
        check_has_crs(crs, name)
        empty = _is_empty(item, extent)
        if not crs.isGeographic():
            error = None if empty else _scale_error_at(crs, extent, context)
            if error is None or error <= MAX_SCALE_ERROR:
                return crs
            distorted[name] = (crs, error)
        if fallback is None and not empty:
            fallback = item
    if fallback is None:
        if items:
            raise QgsProcessingException(tr("The layer {layer} is empty: choose a layer with features.").format(
                layer=_crs_and_extent(items[0])[0]))
        raise QgsProcessingException(tr("No input layer was given."))
    utm = _utm_zone_of(fallback, context)
    if feedback is not None:
        _report_choice(feedback, fallback, utm, distorted)
    return utm


def _utm_zone_of(item, context):
    """The WGS 84 / UTM zone of the centre of a layer's or source's extent."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProcessingException

    from ..core.crs import utm_epsg
    from ..core.exceptions import SnowLeopardError
    from ..i18n import tr_error

    name, crs, extent = _crs_and_extent(item)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        box = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(extent)
        epsg = utm_epsg(box.center().x(), box.center().y())
    except SnowLeopardError as error:
        raise QgsProcessingException(tr("The layer {layer} is in geographic coordinates but its extent is not "
                                        "longitude/latitude ({reason}): check that longitude and latitude are not "
                                        "swapped.").format(layer=name, reason=tr_error(error))) from error
    except Exception as error:  # noqa: BLE001 - a transform failure is reported to the user
        raise QgsProcessingException(tr("The layer {layer} is in geographic coordinates and its extent cannot be "
                                        "placed on the globe: check its CRS and coordinates.").format(
            layer=name)) from error
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")


def _report_choice(feedback, item, utm, distorted) -> None:
    """Say why the analysis runs in ``utm``: the distorted projected inputs, and the input whose centre chose it."""
    name, crs, _ = _crs_and_extent(item)
    for other, (other_crs, error) in distorted.items():
        feedback.pushInfo(tr("{layer} is in {crs}, whose distances are {percent:.0f} % off the ground's there; "
                             "it is reprojected.").format(layer=other, crs=other_crs.authid(),
                                                         percent=100.0 * error))
    if crs.isGeographic():
        feedback.pushInfo(tr("{layer} is in geographic coordinates ({crs}); the analysis runs in metres in {utm} "
                             "({description}), the UTM zone of its centre, and the outputs are in that "
                             "CRS.").format(layer=name, crs=crs.authid(), utm=utm.authid(),
                                            description=utm.description()))
    else:
        feedback.pushInfo(tr("The analysis runs in {utm} ({description}), the UTM zone of the centre of "
                             "{layer}, and the outputs are in that CRS.").format(
            layer=name, utm=utm.authid(), description=utm.description()))


def to_crs(crs, context):
    """``destination`` for :func:`source_to_geodataframe`: reproject to ``crs``."""
    return (crs, context.transformContext())


def layer_extent(layer, crs, context):
    """A map layer's extent as a QgsRectangle in ``crs`` (kept as it is when ``crs`` is None or invalid);
    ``context``: anything with a ``transformContext()`` (a Processing context, a project)."""
    from qgis.core import QgsCoordinateTransform

    if crs is None or not crs.isValid() or layer.crs() == crs:
        return layer.extent()
    return QgsCoordinateTransform(layer.crs(), crs, context.transformContext()).transformBoundingBox(layer.extent())


def check_has_crs(crs, name: str) -> None:
    """Refuse a layer without a CRS (its coordinates cannot be placed), saying what to do."""
    from qgis.core import QgsProcessingException

    if not crs.isValid():
        raise QgsProcessingException(tr("The layer {layer} has no CRS: set its CRS (the season's UTM zone) in its "
                                        "properties.").format(layer=name))


def check_metric_crs(crs, name: str) -> None:
    """Refuse a layer in degrees, in other units than metres, or with no CRS, with a message that says what to do.

    The units are the core's answer (:func:`..core.crs.crs_units`), so a layer and the core agree on every CRS.
    """
    from qgis.core import QgsProcessingException

    from ..core.crs import DEGREE, METRE, crs_units

    check_has_crs(crs, name)
    units = crs_units(crs_text(crs))
    if units == METRE:
        return
    if units == DEGREE or crs.isGeographic():
        raise QgsProcessingException(tr("The layer {layer} is in geographic coordinates ({crs}); the analysis needs "
                                        "metres: use the season GeoPackage's layers, or reproject to the UTM zone "
                                        "of the park.").format(layer=name, crs=crs.authid()))
    raise QgsProcessingException(tr("The layer {layer} is not in metres ({crs}); the analysis needs metres: "
                                    "reproject it to the UTM zone of the park.").format(layer=name,
                                                                                        crs=crs.authid() or
                                                                                        crs.description()))


def crs_text(crs) -> str:
    """A QgsCoordinateReferenceSystem as text the core (GDAL/rasterio) reads: ``EPSG:n`` or GDAL's WKT."""
    from qgis.core import QgsCoordinateReferenceSystem

    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL)
