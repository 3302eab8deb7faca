"""qgis_io's metric check gives the core's answer (core.crs.crs_units) for every CRS a layer may carry."""

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from snowleopard_plugin.core.crs import METRE, crs_units
from snowleopard_plugin.qgis_io import check_metric_crs, crs_text


@pytest.mark.parametrize("authid", ["EPSG:32646", "EPSG:32645", "EPSG:3857", "EPSG:4326", "EPSG:4284", "EPSG:2263",
                                    "EPSG:28416"])
def test_layer_check_agrees_with_the_core(qgis_app, authid):
    crs = QgsCoordinateReferenceSystem(authid)
    assert crs.isValid()
    if crs_units(crs_text(crs)) == METRE:
        check_metric_crs(crs, "routes")  # accepted
    else:
        with pytest.raises(QgsProcessingException, match="routes"):
            check_metric_crs(crs, "routes")


def test_degrees_and_feet_are_refused_with_what_to_do(qgis_app):
    with pytest.raises(QgsProcessingException, match="geographic coordinates"):
        check_metric_crs(QgsCoordinateReferenceSystem("EPSG:4326"), "DEM")
    with pytest.raises(QgsProcessingException, match="not in metres"):
        check_metric_crs(QgsCoordinateReferenceSystem("EPSG:2263"), "DEM")  # NAD83 / New York Long Island, US feet
    with pytest.raises(QgsProcessingException):
        check_metric_crs(QgsCoordinateReferenceSystem(), "DEM")  # no CRS
