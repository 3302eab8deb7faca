"""Occupancy detection histories: a hand-worked case (routes crossing known cells, signs at known places).

The layout (worked out by hand, coordinates relative to X0, Y0 in EPSG:32645, 1 km sites):

* route A (2026-02-20, team t1) walks east along y = 500 from x = 0 to x = 2500: 1000 m in cell
  col 0, 1000 m in col 1, 500 m in col 2 (all in the southern row);
* route B (2026-02-21, team t2) walks south along x = 1500 from y = 1900 to y = 200: 900 m in the
  northern cell of col 1, then 800 m in the southern cell of col 1.

Sites are numbered by row from the north, then by column: 1 = north col 1, 2 = south col 0,
3 = south col 1, 4 = south col 2. With 0.3 km segments (remainders under 0.15 km dropped):
site 1: B 3 pieces; site 2: A 3 pieces (100 m dropped); site 3: A 3 pieces then B 3 pieces (B's last
is 200 m); site 4: A 300 m + 200 m.
"""

from __future__ import annotations

import csv
import datetime as dt
import math

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, Point, Polygon

from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.exports.occupancy import generalise_sites, occupancy_histories, write_occupancy
from snowleopard_plugin.core.raster import Grid, write_geotiff

CRS = "EPSG:32645"
X0, Y0 = 500000.0, 5500000.0
NA = float("nan")


def routes_frame(dated=True):
    return gpd.GeoDataFrame(
        {"route_id": ["A", "B"], "team": ["t1", "t2"],
         "date": ["2026-02-20", "2026-02-21"] if dated else [None, None]},
        geometry=[LineString([(X0, Y0 + 500), (X0 + 2500, Y0 + 500)]),
                  LineString([(X0 + 1500, Y0 + 1900), (X0 + 1500, Y0 + 1000), (X0 + 1500, Y0 + 200)])],
        crs=CRS)


def signs_frame():
    rows = [  # (type, dx, dy, datetime) -- what each should do is in the test below
        ("track", 450, 520, "2026-02-20T10:00:00+07:00"),   # A, site 2, piece 2: detection
        ("scrape", 1530, 1500, "2026-02-21T11:00:00+07:00"),  # B, site 1, piece 2: detection
        ("scat", 2100, 580, "2026-02-20T12:00:00+07:00"),    # 80 m from A in site 4: too far
        ("track", 1200, 510, "2026-02-22T09:00:00+07:00"),   # beside A in site 3 but on another day
        ("other", 1510, 300, "2026-02-21T12:00:00+07:00"),   # beside B in site 3, type not chosen
        ("track", 1505, 980, "2026-02-21T12:30:00+07:00"),   # 5 m from B's piece 4 in site 3 (20.6 m from site 1)
    ]
    return gpd.GeoDataFrame({"obs_type": [r[0] for r in rows], "datetime": [r[3] for r in rows]},
                            geometry=[Point(X0 + r[1], Y0 + r[2]) for r in rows], crs=CRS)


def history(result):
    frame = result.detection_history
    return {row[0]: list(row[1:]) for row in frame.itertuples(index=False)}


def same(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b):
        if isinstance(y, float) and math.isnan(y):
            assert x is None or (isinstance(x, float) and math.isnan(x))
        elif isinstance(y, float):
            assert x == pytest.approx(y, abs=1e-6)
        else:
            assert x == y


@pytest.fixture
def rasters(tmp_path):
    """A DEM plane z = 1000 + 0.1 * dx (100 m cells) and a habitat raster: 1 west of dx = 1500, else 0."""
    grid = Grid(X0 - 300, Y0 + 2300, 100.0, 36, 26, CRS)
    xs, ys = grid.centres()
    gx, _gy = np.meshgrid(xs, ys)
    dem = 1000.0 + 0.1 * (gx - X0)
    habitat = (gx - X0 < 1500).astype(float)
    write_geotiff(str(tmp_path / "dem.tif"), dem, grid, nodata=-9999.0, dtype="float64")
    write_geotiff(str(tmp_path / "hab.tif"), habitat, grid, nodata=-9999.0, dtype="float64")
    return str(tmp_path / "dem.tif"), str(tmp_path / "hab.tif")


def test_hand_worked_detection_history():
    result = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                                 sign_types=["track", "scrape", "scat"])
    assert list(result.detection_history.columns) == ["site_id"] + [f"y.{k}" for k in range(1, 7)]
    h = history(result)
    same(h["1"], [0, 1, 0, NA, NA, NA])
    same(h["2"], [0, 1, 0, NA, NA, NA])
    same(h["3"], [0, 0, 0, 1, 0, 0])
    same(h["4"], [0, 0, NA, NA, NA, NA])
    sites = result.sites.set_index("site_id")
    assert list(sites.loc[["1", "2", "3", "4"], "replicates"]) == [3, 3, 6, 2]
    assert list(sites.loc[["1", "2", "3", "4"], "naive_occupied"]) == [1, 1, 1, 0]
    assert list(sites.loc[["1", "2", "3", "4"], "detections"]) == [1, 1, 1, 0]
    # the sites are the 1 km cells the routes cross
    assert sites.loc["1"].geometry.bounds == (X0 + 1000, Y0 + 1000, X0 + 2000, Y0 + 2000)
    assert sites.loc["4"].geometry.bounds == (X0 + 2000, Y0, X0 + 3000, Y0 + 1000)
    cov = result.site_covariates.set_index("site_id")
    assert list(cov.loc[["1", "2", "3", "4"], "walked_km"]) == pytest.approx([0.9, 1.0, 1.8, 0.5])


def test_other_day_and_type_filters_change_the_answer():
    # without the same-day rule the sign of 22 February makes A's first piece in site 3 a detection
    loose = history(occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3,
                                        half_width=50, sign_types=["track", "scrape", "scat"], same_day=False))
    same(loose["3"], [1, 0, 0, 1, 0, 0])
    # all sign types: the 'other' sign beside B's last piece in site 3 counts too
    every = history(occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3,
                                        half_width=50))
    same(every["3"], [0, 0, 0, 1, 0, 1])
    # a wider half-width reaches the scat 80 m from A in site 4
    wide = history(occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3,
                                       half_width=100, sign_types="track scrape scat".split()))
    same(wide["4"], [1, 0, NA, NA, NA, NA])
    # a date window on 20 February keeps route A only, and its signs
    window = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                                 date_from=dt.date(2026, 2, 20), date_to=dt.date(2026, 2, 20))
    h = history(window)
    assert sorted(h) == ["1", "2", "3"]  # only A's three cells (south row), numbered anew
    same(h["1"], [0, 1, 0])


def test_replicate_covariates_and_site_covariates(rasters):
    dem, habitat = rasters
    ridges = gpd.GeoDataFrame(geometry=[LineString([(X0, Y0 + 1500), (X0 + 3000, Y0 + 1500)]),
                                        LineString([(X0 + 2500, Y0), (X0 + 2500, Y0 + 1000)])], crs=CRS)
    result = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                                 sign_types=["track", "scrape", "scat"], dem=dem, habitat=habitat, ridges=ridges)
    rc = result.replicate_covariates.set_index("site_id")
    k = range(1, 7)
    assert list(result.replicate_covariates.columns) == (
        ["site_id"] + [f"length_km.{j}" for j in k] + [f"surface_km.{j}" for j in k] + [f"date.{j}" for j in k]
        + [f"team.{j}" for j in k])
    same(list(rc.loc["4", [f"length_km.{j}" for j in k]]), [0.3, 0.2, NA, NA, NA, NA])
    same(list(rc.loc["3", [f"date.{j}" for j in k]]), ["2026-02-20"] * 3 + ["2026-02-21"] * 3)
    same(list(rc.loc["3", [f"team.{j}" for j in k]]), ["t1"] * 3 + ["t2"] * 3)
    same(list(rc.loc["2", [f"team.{j}" for j in k]]), ["t1"] * 3 + [NA] * 3)
    # A climbs 0.1 m per m: its surface length is sqrt(1 + 0.01) times the map length; B runs level
    slope = math.sqrt(1.01)
    same(list(rc.loc["3", [f"surface_km.{j}" for j in k]]), [0.3 * slope] * 3 + [0.3, 0.3, 0.2])
    same(list(rc.loc["4", [f"surface_km.{j}" for j in k]]), [0.3 * slope, 0.2 * slope, NA, NA, NA, NA])
    cov = result.site_covariates.set_index("site_id")
    # mean of the plane over the 100 cells of a 1 km site: the plane's value at the site's centre
    assert list(cov.loc[["1", "2", "3", "4"], "elev_mean"]) == pytest.approx([1150, 1050, 1150, 1250])
    # Riley TRI of a plane rising 10 m per 100 m cell: three neighbours 10 m higher, three lower, two level
    assert list(cov["tri_mean"]) == pytest.approx([math.sqrt(600)] * 4, abs=1e-3)  # written to the mm
    assert list(cov.loc[["1", "2", "3", "4"], "habitat_share"]) == pytest.approx([0.5, 1.0, 0.5, 0.0])
    assert list(cov.loc[["1", "2", "3", "4"], "ridge_km"]) == pytest.approx([1.0, 0.0, 0.0, 1.0])


def test_dem_in_degrees_gives_the_same_site_elevations(rasters, tmp_path):
    """The DEM plane warped to EPSG:4326 (an SRTM-like tile): the site covariates are read through a warp back
    to the sites' CRS, within a metre of the plane's values (two bilinear resamplings), not a traceback."""
    from osgeo import gdal

    dem, _ = rasters
    degrees = str(tmp_path / "dem_wgs84.tif")
    gdal.Warp(degrees, dem, dstSRS="EPSG:4326", resampleAlg="bilinear")
    result = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                                 sign_types=["track", "scrape", "scat"], dem=degrees)
    cov = result.site_covariates.set_index("site_id")
    assert list(cov.loc[["1", "2", "3", "4"], "elev_mean"]) == pytest.approx([1150, 1050, 1150, 1250], abs=1.0)


def test_routes_with_geometry_only_give_the_same_detections():
    """A raw GPX tracks layer or a bare shapefile (no attribute at all): histories over the same sites and
    km as the routes with their ids and dates, not 'no route lies in the date window'."""
    bare = routes_frame()[["geometry"]]
    full = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                               sign_types=["track", "scrape", "scat"])
    plain = occupancy_histories(bare, signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                                sign_types=["track", "scrape", "scat"])
    # the same sites and walked km (signs are matched to undated routes by place only, so the histories of
    # the dated routes may differ where dates told the routes apart)
    assert list(plain.sites["site_id"]) == list(full.sites["site_id"])
    assert list(plain.sites["walked_km"]) == pytest.approx(list(full.sites["walked_km"]))
    assert np.nansum(plain.detection_history.drop(columns="site_id").values) > 0


def test_written_files_read_as_unmarked_and_presence_expect(tmp_path):
    result = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3, half_width=50,
                                 sign_types=["track", "scrape", "scat"])
    for code in ("NA", "-"):
        folder = tmp_path / code.replace("-", "dash")
        folder.mkdir()
        write_occupancy(str(folder), result, missing=code)
        with open(folder / "detection_history.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["site_id", "y.1", "y.2", "y.3", "y.4", "y.5", "y.6"]
        assert rows[4] == ["4", "0", "0", code, code, code, code]
        assert rows[3] == ["3", "0", "0", "0", "1", "0", "0"]
        with open(folder / "replicate_covariates.csv", encoding="utf-8", newline="") as handle:
            rc = list(csv.DictReader(handle))
        assert rc[3]["length_km.2"] == "0.2" and rc[3]["date.3"] == code and rc[3]["team.1"] == "t1"
        assert (folder / "site_covariates.csv").exists()
    assert not [p for p in tmp_path.rglob(".*")]  # no temporary files left


def test_polygon_sites_cut_routes_at_their_boundary():
    # a site over x in [1200, 2200] of route A and one no route reaches
    sites = gpd.GeoDataFrame({"site_id": ["valley", "far"]},
                             geometry=[Polygon([(X0 + 1200, Y0), (X0 + 2200, Y0), (X0 + 2200, Y0 + 800),
                                                (X0 + 1200, Y0 + 800)]),
                                       Polygon([(X0 + 9000, Y0), (X0 + 9500, Y0), (X0 + 9500, Y0 + 500)])],
                             crs=CRS)
    result = occupancy_histories(routes_frame(), signs_frame(), sites=sites, segment_km=0.3, half_width=50,
                                 sign_types=["track", "scrape", "scat"])
    h = history(result)
    # in 'valley': A walks 1000 m (3 pieces, 100 m dropped) then B walks y 800 -> 200 = 600 m (2 pieces);
    # the track 5 m from B at y = 980 lies outside the polygon's walk: B enters at y = 800
    same(h["valley"], [0, 0, 0, 0, 0])
    same(h["far"], [NA] * 5)
    sites_out = result.sites.set_index("site_id")
    assert sites_out.loc["far", "replicates"] == 0 and sites_out.loc["valley", "walked_km"] == pytest.approx(1.6)


def test_day_replicates():
    result = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, replicate="days", half_width=50,
                                 sign_types=["track", "scrape", "scat"])
    h = history(result)
    same(h["3"], [0, 1])  # A's day (20 Feb) then B's day (21 Feb)
    same(h["4"], [0, NA])
    assert list(result.replicate_covariates.set_index("site_id").loc["3", ["date.1", "date.2"]]) == [
        "2026-02-20", "2026-02-21"]


def test_bad_input_messages():
    with pytest.raises(InputError, match="No route has a date"):
        occupancy_histories(routes_frame(dated=False), signs_frame(), grid_size=1000, replicate="days")
    far = gpd.GeoDataFrame({"site_id": ["x"]}, geometry=[Polygon([(0, 0), (10, 0), (10, 10)])], crs=CRS)
    with pytest.raises(InputError, match="None of the 1 sites has a walked route"):
        occupancy_histories(routes_frame(), signs_frame(), sites=far)
    with pytest.raises(InputError, match="routes layer is empty"):
        occupancy_histories(routes_frame().iloc[0:0], signs_frame(), grid_size=1000)
    # undated routes still give spatial replicates, with a message that says so
    result = occupancy_histories(routes_frame(dated=False), signs_frame(), grid_size=1000, segment_km=0.3)
    assert any("have no date" in template for template, _ in result.messages)


def test_generalised_sites_hide_the_exact_cells():
    result = occupancy_histories(routes_frame(), signs_frame(), grid_size=1000, segment_km=0.3)
    shared = generalise_sites(result.sites, 10000)
    assert set(shared["generalised_m"]) == {10000}
    for geom in shared.geometry:
        assert geom.bounds == (500000.0, 5500000.0, 510000.0, 5510000.0)
