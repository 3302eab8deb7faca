"""Terrain metrics: against hand-worked surfaces and against gdaldem itself."""

import math

import numpy as np
import pytest
from osgeo import gdal, osr

from snowleopard_plugin.core.analysis.terrain import slope, terrain_metrics, tpi, tri, vrm
from snowleopard_plugin.core.exceptions import CrsError, InputError, ParameterError
from snowleopard_plugin.core.raster import Grid

PIXEL = 30.0


def grid_for(shape, pixel=PIXEL, crs="EPSG:32645"):
    return Grid(500000.0, 5600000.0, pixel, shape[1], shape[0], crs)


def plane(shape, gx, gy, pixel=PIXEL):
    """z = 1000 + gx * x + gy * y with x east, y north (metres)."""
    rows, cols = np.mgrid[0:shape[0], 0:shape[1]]
    x = (cols + 0.5) * pixel
    y = -(rows + 0.5) * pixel
    return 1000.0 + gx * x + gy * y


def write_tif(path, z, pixel=PIXEL, nodata=-9999.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), z.shape[1], z.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((500000.0, pixel, 0.0, 5600000.0, 0.0, -pixel))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(np.where(np.isnan(z), nodata, z))
    ds = None
    # what gdaldem reads: float32 values
    return np.where(np.isnan(z), np.nan, z.astype(np.float32).astype(np.float64))


def gdaldem(tmp_path, src, processing, **options):
    out = gdal.DEMProcessing(str(tmp_path / f"{processing}.tif"), str(src), processing, **options)
    band = out.GetRasterBand(1)
    a = band.ReadAsArray().astype(np.float64)
    a[a == band.GetNoDataValue()] = np.nan
    return a


def test_slope_of_tilted_plane_is_atan_of_gradient():
    z = plane((20, 25), 0.3, -0.4)  # gradient 0.5
    s = slope(z, grid_for(z.shape))
    interior = s[1:-1, 1:-1]
    assert np.allclose(interior, math.degrees(math.atan(0.5)), atol=1e-9)
    # gdaldem's default: the one-cell border has no value
    assert np.isnan(s[0]).all() and np.isnan(s[-1]).all() and np.isnan(s[:, 0]).all() and np.isnan(s[:, -1]).all()
    # with extrapolated edges a plane's border is exact too, except the corners where gdaldem -compute_edges
    # repeats the edge column instead of extrapolating it
    s_edges = slope(z, grid_for(z.shape), edges="extrapolate")
    corners = np.zeros(z.shape, bool)
    corners[[0, 0, -1, -1], [0, -1, 0, -1]] = True
    assert np.allclose(s_edges[~corners], math.degrees(math.atan(0.5)), atol=1e-9)


@pytest.fixture
def random_dem(tmp_path):
    rng = np.random.default_rng(42)
    # modest elevations: gdaldem computes in float32, whose rounding grows with the elevation's magnitude
    z = 100.0 + np.cumsum(rng.normal(0, 3, (40, 50)), axis=1) + rng.normal(0, 5, (40, 50))
    z[12, 20] = np.nan
    z[30:33, 5:7] = np.nan
    path = tmp_path / "dem.tif"
    z32 = write_tif(path, z)
    return path, z32


@pytest.mark.parametrize("edges", ["nan", "extrapolate"])
def test_slope_and_riley_tri_equal_gdaldem(tmp_path, random_dem, edges):
    path, z = random_dem
    g = grid_for(z.shape)
    compute_edges = edges == "extrapolate"
    expected_slope = gdaldem(tmp_path, path, "slope", computeEdges=compute_edges)
    expected_tri = gdaldem(tmp_path, path, "TRI", alg="Riley", computeEdges=compute_edges)
    got_slope = slope(z, g, edges=edges)
    got_tri = tri(z, g, edges=edges)
    # same cells without a value (border and around nodata unless compute_edges)
    assert np.array_equal(np.isnan(got_slope), np.isnan(expected_slope))
    assert np.array_equal(np.isnan(got_tri), np.isnan(expected_tri))
    assert np.isfinite(got_slope).sum() > 1500
    np.testing.assert_allclose(got_slope, expected_slope, rtol=0, atol=1e-4, equal_nan=True)
    np.testing.assert_allclose(got_tri, expected_tri, rtol=0, atol=1e-4, equal_nan=True)


def test_tpi_square_radius_one_cell_equals_gdaldem_tpi(tmp_path, random_dem):
    path, z = random_dem
    expected = gdaldem(tmp_path, path, "TPI")
    got = tpi(z, grid_for(z.shape), radius_m=PIXEL, shape="square")
    assert np.array_equal(np.isnan(got), np.isnan(expected))
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-4, equal_nan=True)


def test_tpi_of_plane_is_zero_and_of_paraboloid_matches_hand_sum():
    g = grid_for((41, 41))
    z = plane(g.shape, 0.7, 0.2)
    assert np.nanmax(np.abs(tpi(z, g, 300.0))) < 1e-9
    # paraboloid z = a * r^2 around the centre cell: TPI = -a * mean(r_i^2) over the window's other cells
    a = 0.01
    rows, cols = np.mgrid[0:41, 0:41]
    z = a * (((rows - 20) * PIXEL) ** 2 + ((cols - 20) * PIXEL) ** 2)
    k = 4  # square window radius 4 cells = 120 m
    # sum over i, j in -k..k of (i^2 + j^2) = 2 * (2k+1) * k(k+1)(2k+1)/3 (centre adds 0)
    mean_r2 = 2 * (2 * k + 1) * (k * (k + 1) * (2 * k + 1) / 3) / ((2 * k + 1) ** 2 - 1) * PIXEL ** 2
    got = tpi(z, g, 4 * PIXEL, shape="square")
    assert got[20, 20] == pytest.approx(-a * mean_r2, rel=1e-9)
    # circle of radius 2.5 cells: its cells (other than the centre) with i^2 + j^2 <= 6.25, counted by hand:
    # 4 at r^2=1, 4 at 2, 4 at 4, 8 at 5 -> 20 cells, sum of r^2 = 4 + 8 + 16 + 40 = 68
    got = tpi(z, g, 2.5 * PIXEL, shape="circle")
    assert got[20, 20] == pytest.approx(-a * 68 / 20 * PIXEL ** 2, rel=1e-9)
    # on a paraboloid every cell has the same TPI (translation invariance of the curvature)
    assert np.nanstd(got) < 1e-6
    # the full circle is needed: NaN within the radius of the border
    assert np.isnan(got[1, 20]) and np.isfinite(got[2, 20])


def test_tpi_partial_windows_with_min_coverage():
    g = grid_for((30, 30))
    z = plane(g.shape, 0.0, 0.0) + 5.0
    got = tpi(z, g, 150.0, min_coverage=0.25)
    assert np.isfinite(got).all() and np.allclose(got, 0.0)


def test_vrm_zero_on_planes_and_matches_sappington_formula(tmp_path, random_dem):
    g = grid_for((20, 20))
    assert np.nanmax(vrm(plane(g.shape, 0.5, -1.2), g)) < 1e-12
    # Sappington et al. 2007, computed from gdaldem's slope and aspect grids with the trigonometric formula
    path, z = random_dem
    slope_deg = gdaldem(tmp_path, path, "slope")
    aspect_deg = gdaldem(tmp_path, path, "aspect", zeroForFlat=True)
    s, asp = np.radians(slope_deg), np.radians(aspect_deg)
    x, y, zc = np.sin(s) * np.sin(asp), np.sin(s) * np.cos(asp), np.cos(s)
    got = vrm(z, grid_for(z.shape), window=5)
    expected = np.full(z.shape, np.nan)
    for r in range(2, z.shape[0] - 2):
        for c in range(2, z.shape[1] - 2):
            w = np.s_[r - 2:r + 3, c - 2:c + 3]
            if np.isnan(s[w]).any():
                continue
            res = math.sqrt(x[w].sum() ** 2 + y[w].sum() ** 2 + zc[w].sum() ** 2)
            expected[r, c] = 1 - res / 25
    assert np.array_equal(np.isnan(got), np.isnan(expected))
    np.testing.assert_allclose(got, expected, atol=1e-5, equal_nan=True)
    assert np.nanmax(got) > 0.001


def test_block_processing_gives_the_same_result():
    rng = np.random.default_rng(1)
    z = 2000 + np.cumsum(rng.normal(0, 4, (53, 37)), axis=0)
    z[20, 10] = np.nan
    g = grid_for(z.shape)
    whole = terrain_metrics(z, g, tpi_radius_m=100.0, vrm_window=5)
    blocks = terrain_metrics(z, g, tpi_radius_m=100.0, vrm_window=5, block_rows=4)
    for name in whole:
        np.testing.assert_allclose(blocks[name], whole[name], atol=1e-9, equal_nan=True)


def test_geographic_dem_is_refused_with_advice():
    z = plane((10, 10), 0.1, 0.1)
    with pytest.raises(CrsError, match="Reproject"):
        slope(z, Grid(87.0, 50.0, 0.00083, 10, 10, "EPSG:4326"))
    with pytest.raises(CrsError):
        slope(z, Grid(87.0, 50.0, 0.00083, 10, 10, None))


def test_bad_dems_and_windows_raise_clear_errors():
    g = grid_for((10, 10))
    with pytest.raises(InputError, match="no valid elevation"):
        slope(np.full((10, 10), np.nan), g)
    with pytest.raises(ParameterError, match="smaller than"):
        tpi(plane((10, 10), 0, 0), g, radius_m=300.0)  # needs 21 x 21 cells
    with pytest.raises(ParameterError):
        tpi(plane((10, 10), 0, 0), g, radius_m=10.0)  # under one cell
    with pytest.raises(ParameterError):
        vrm(plane((10, 10), 0, 0), g, window=4)
    with pytest.raises(InputError):
        slope(plane((10, 11), 0, 0), g)
