"""One answer to "is this CRS metric?" (core.crs), and the analyses that use it agree."""

from __future__ import annotations

import pytest
from pyproj import CRS

from snowleopard_plugin.core.analysis import coverage, density, terrain
from snowleopard_plugin.core.crs import crs_units, require_metric
from snowleopard_plugin.core.exceptions import CrsError
from snowleopard_plugin.core.exports import generalise
from snowleopard_plugin.core.raster import Grid

# (CRS as given, units, refused by require_metric)
CASES = [
    ("EPSG:32646", "metre", False),
    (32645, "metre", False),
    ("EPSG:4326", "degree", True),
    ("EPSG:3857", "metre", False),  # metric, though its scale error is large (core.crs.scale_error judges that)
    (CRS.from_epsg(32646).to_wkt(), "metre", False),
    (CRS.from_epsg(4326).to_wkt(), "degree", True),
    ("+proj=utm +zone=45 +datum=WGS84 +units=m +no_defs", "metre", False),
    ("+proj=longlat +datum=WGS84 +no_defs", "degree", True),
    ("+proj=tmerc +lon_0=87 +k=1 +x_0=500000 +units=us-ft +ellps=WGS84", None, True),  # feet
    (CRS.from_epsg(32646), "metre", False),
    (None, None, False),  # missing: the caller vouches for metres
    ("", None, False),
    ("   ", None, False),
    ("nonsense", None, True),
    ("EPSG:999999", None, True),
]


@pytest.mark.parametrize("crs, units, refused", CASES)
def test_crs_units_and_require_metric(crs, units, refused):
    assert crs_units(crs) == units
    if refused:
        with pytest.raises(CrsError, match="Reproject"):
            require_metric(crs, "The layer")
    else:
        require_metric(crs, "The layer")


def _callers(crs):
    """The metric checks of the four core modules, as (name, call)."""
    grid = Grid(500000.0, 5500000.0, 30.0, 10, 10, crs if crs is None or isinstance(crs, str) else CRS(crs).to_wkt())
    return [
        ("coverage", lambda: coverage.check_metric(crs, "The layer")),
        ("density", lambda: density.check_metric(grid)),
        ("density-crs", lambda: density.check_metric(crs)),
        ("terrain", lambda: terrain.check_metric_grid(grid)),
        ("generalise", lambda: generalise.check_metric_crs(crs)),
    ]


@pytest.mark.parametrize("crs, units, refused", CASES)
def test_four_callers_agree(crs, units, refused):
    answers = {}
    for name, call in _callers(crs):
        try:
            call()
            answers[name] = False
        except CrsError:
            answers[name] = True
    assert answers == {name: refused for name in answers}


def test_crs_less_grid_in_degrees_refused():
    grid = Grid(87.0, 50.0, 0.001, 10, 10, None)
    for call in (lambda: density.check_metric(grid), lambda: terrain.check_metric_grid(grid)):
        with pytest.raises(CrsError, match="degrees"):
            call()
    require_metric(None, "The grid", pixel=30.0, corner=(500000.0, 5500000.0))


def test_rasterio_crs_accepted():
    from rasterio.crs import CRS as RioCRS

    assert crs_units(RioCRS.from_epsg(32646)) == "metre"
    assert crs_units(RioCRS.from_epsg(4326)) == "degree"
