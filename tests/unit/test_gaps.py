"""Coverage gaps: hand-checkable cases and the real Tost survey (cameras + habitat shapefile)."""

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from rasterio import features
from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from snowleopard_plugin.core.analysis.gaps import coverage_gaps, coverage_gaps_vector, near_effort
from snowleopard_plugin.core.exceptions import CrsError, InputError, ParameterError
from snowleopard_plugin.core.raster import Grid
from tests import paths

CRS = "EPSG:32645"
TOST = paths.TOST


def band_case():
    """1 km x 1 km of habitat on 10 m cells; a route along x = 300; 100 m from it is 'near effort'.

    Left of the band (x 0..200): 0.2 km² of suitability 1.0; right (x 400..1000): 0.6 km² of suitability 0.3.
    """
    grid = Grid(0.0, 1000.0, 10.0, 100, 100, CRS)
    xs, _ = grid.centres()
    habitat = np.where(xs[None, :] < 300, 1.0, 0.3) * np.ones(grid.shape)
    route = LineString([(300, -500), (300, 1500)])
    return grid, habitat, route


def test_gap_area_is_habitat_minus_covered():
    grid, habitat, route = band_case()
    ridges = [LineString([(0, 500), (1000, 500)])]
    access = [Point(1100, 500)]
    gaps = coverage_gaps(habitat, grid, routes=[route], max_distance=100.0, threshold=0.25, ridges=ridges,
                         access=access)
    assert len(gaps) == 2
    assert gaps["area_km2"].sum() == pytest.approx(1.0 - 0.2)
    left = gaps[gaps.geometry.bounds["minx"] == 0].iloc[0]
    right = gaps[gaps.geometry.bounds["minx"] == 400].iloc[0]
    assert left.area_km2 == pytest.approx(0.2) and right.area_km2 == pytest.approx(0.6)
    assert left.suitability == pytest.approx(1.0) and right.suitability == pytest.approx(0.3)
    # rank by area x suitability: 0.2 x 1.0 = 0.20 beats 0.6 x 0.3 = 0.18
    assert left["rank"] == 1 and right["rank"] == 2
    assert left.ridge_km == pytest.approx(0.2) and right.ridge_km == pytest.approx(0.6)
    assert right.access_km == pytest.approx(0.1) and left.access_km == pytest.approx(0.9)
    # threshold above 0.3 keeps only the left part; min area drops it when larger than 0.2 km²
    only_left = coverage_gaps(habitat, grid, routes=[route], max_distance=100.0, threshold=0.5)
    assert only_left["area_km2"].tolist() == pytest.approx([0.2])
    assert np.isnan(only_left["access_km"]).all()
    big = coverage_gaps(habitat, grid, routes=[route], max_distance=100.0, threshold=0.25, min_area_km2=0.3)
    assert big["area_km2"].tolist() == pytest.approx([0.6]) and big["rank"].tolist() == [1]


def test_vector_variant_agrees_on_band_case():
    habitat = gpd.GeoDataFrame({"suit": [1.0, 0.3]}, geometry=[box(0, 0, 300, 1000), box(300, 0, 1000, 1000)],
                               crs=CRS)
    route = LineString([(300, -500), (300, 1500)])
    gaps = coverage_gaps_vector(habitat, routes=[route], max_distance=100.0, suitability_field="suit",
                                ridges=[LineString([(0, 500), (1000, 500)])], access=[Point(1100, 500)])
    assert sorted(gaps["area_km2"].round(9).tolist()) == pytest.approx([0.2, 0.6])
    assert gaps.iloc[0].suitability == pytest.approx(1.0) and gaps.iloc[0]["rank"] == 1
    assert gaps.iloc[1].suitability == pytest.approx(0.3)
    assert gaps["ridge_km"].sum() == pytest.approx(0.8)


def test_camera_disc_gap_area():
    # habitat square 2 km; one station in the middle, 600 m: gap = 4 km² - pi * 0.36 km²
    grid = Grid(0.0, 2000.0, 5.0, 400, 400, CRS)
    habitat = np.ones(grid.shape)
    gaps = coverage_gaps(habitat, grid, stations=np.array([[1000.0, 1000.0]]), max_distance=600.0)
    expected = 4.0 - math.pi * 0.36
    assert len(gaps) == 1
    assert gaps["area_km2"].iloc[0] == pytest.approx(expected, rel=1e-3)
    assert gaps.geometry.iloc[0].is_valid


def test_connectivity_8_vs_4():
    grid = Grid(0.0, 40.0, 10.0, 4, 4, CRS)
    habitat = np.zeros(grid.shape)
    habitat[0, 0] = habitat[1, 1] = 1.0  # two cells touching at a corner
    g8 = coverage_gaps(habitat, grid, stations=np.array([[40.0, 0.0]]), max_distance=20.0)
    g4 = coverage_gaps(habitat, grid, stations=np.array([[40.0, 0.0]]), max_distance=20.0, connectivity=4)
    assert len(g8) == 1 and len(g4) == 2
    assert g8["area_km2"].iloc[0] == pytest.approx(2e-4)
    assert g8.geometry.iloc[0].is_valid


def test_near_effort_is_exact_not_distance_transform():
    # cell centres exactly at the distance are near; a cell whose centre is 1 mm farther is not
    grid = Grid(0.0, 100.0, 10.0, 10, 10, CRS)
    mask = near_effort(grid, routes=[np.array([[55.0, 0.0], [55.0, 100.0]])], max_distance=30.0)
    assert mask[0].tolist() == [False, False, True, True, True, True, True, True, True, False]
    mask2 = near_effort(grid, stations=np.array([[55.0, 55.0]]), max_distance=30.0 - 1e-3)
    assert not mask2[4, 2] and mask2[4, 3]


def test_bad_inputs():
    grid, habitat, route = band_case()
    with pytest.raises(InputError, match="No survey effort"):
        coverage_gaps(habitat, grid)
    with pytest.raises(InputError, match="does not overlap"):
        coverage_gaps(habitat, grid, routes=[LineString([(1e6, 0), (1e6 + 10, 0)])])
    with pytest.raises(InputError, match="threshold"):
        coverage_gaps(habitat * 0, grid, routes=[route])
    with pytest.raises(ParameterError, match="positive"):
        coverage_gaps(habitat, grid, routes=[route], max_distance=-5)
    with pytest.raises(CrsError, match="geographic"):
        coverage_gaps(habitat, Grid(87.0, 50.0, 0.001, 100, 100, "EPSG:4326"), routes=[route])
    with pytest.raises(InputError, match="empty"):
        coverage_gaps_vector(gpd.GeoDataFrame(geometry=[], crs=CRS), routes=[route])
    with pytest.raises(CrsError, match="geographic"):
        coverage_gaps_vector(gpd.GeoDataFrame(geometry=[box(87, 50, 88, 51)], crs="EPSG:4326"), routes=[route])


def read_tost_stations():
    """Stations of Tost_cams.csv (secr layout: '#'-header, then ID, X, Y, Effort, '/', covariates)."""
    names = ["ID", "X", "Y", "Effort", "sep", "Rgd", "Topo", "Water", "Winter"]
    table = pd.read_csv(TOST / "Tost_cams.csv", comment="#", header=None, names=names)
    return table


def test_tost_gaps_match_overlay():
    paths.real("tost", "tost_sl.shp")
    table = read_tost_stations()
    assert len(table) == 41 and table["Effort"].sum() == 4324
    xy = table[["X", "Y"]].to_numpy(float)
    pad = 20000.0
    xmin, ymin = xy.min(axis=0) - pad
    xmax, ymax = xy.max(axis=0) + pad
    grid = Grid.from_extent(xmin, ymin, xmax, ymax, 100.0, "EPSG:32647")
    gx0, gy0, gx1, gy1 = grid.extent
    habitat = gpd.read_file(TOST / "tost_sl.shp", bbox=(gx0, gy0, gx1, gy1))
    habitat = habitat[habitat["GRIDCODE"] == 1]
    habitat = habitat.set_geometry(habitat.geometry.intersection(box(gx0, gy0, gx1, gy1)))  # no rtree needed
    habitat = habitat[~habitat.geometry.is_empty]
    hab_raster = features.rasterize(((g, 1) for g in habitat.geometry), out_shape=grid.shape,
                                    transform=grid.transform, fill=0, dtype="uint8").astype(float)
    stations = gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(table.X, table.Y), crs="EPSG:32647")
    gaps = coverage_gaps(hab_raster, grid, stations=stations, max_distance=3000.0)
    # independent: habitat polygons minus the dissolved 3 km buffers of the stations (geopandas difference;
    # gpd.overlay needs rtree, absent here); tost_sl polygons do not overlap, so the areas add up
    buffers = unary_union([Point(x, y).buffer(3000.0, 64) for x, y in xy])
    assert habitat.area.sum() == pytest.approx(unary_union(list(habitat.geometry)).area, rel=1e-9)
    expected = habitat.geometry.difference(buffers).area.sum() / 1e6
    assert expected > 50
    print(f"Tost gaps: raster {gaps['area_km2'].sum():.3f} km2 in {len(gaps)} gaps, overlay {expected:.3f} km2")
    assert gaps["area_km2"].sum() == pytest.approx(expected, rel=0.01)
    assert (gaps["rank"].sort_values().to_numpy() == np.arange(1, len(gaps) + 1)).all()
    score = gaps["area_km2"] * gaps["suitability"]
    assert score.iloc[0] == pytest.approx(score.max())
    # the vector variant agrees closely too
    vec = coverage_gaps_vector(habitat, stations=stations, max_distance=3000.0)
    assert vec["area_km2"].sum() == pytest.approx(expected, rel=1e-3)
    assert vec["area_km2"].sum() == pytest.approx(gaps["area_km2"].sum(), rel=0.01)
    # no gap cell lies within 3 km of a station
    gap_union = unary_union(list(gaps.geometry))
    assert min(Point(x, y).distance(gap_union) for x, y in xy) >= 3000.0 - 100.0 * math.sqrt(2) / 2
