"""``snowleopard:terrain`` and ``snowleopard:habitat`` end to end: DEM in, styled rasters and ridgelines out."""

import json
import math
import os

import numpy as np
import pytest
import rasterio
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from rasterio.transform import from_origin
from shapely import wkb
from shapely.geometry import LineString
from shapely.ops import unary_union


def _write_dem(path, z, x0=500000.0, y0=5600000.0, pixel=30.0, crs="EPSG:32645", nodata=-9999.0):
    with rasterio.open(path, "w", driver="GTiff", width=z.shape[1], height=z.shape[0], count=1, dtype="float32",
                       crs=crs, transform=from_origin(x0, y0, pixel, pixel), nodata=nodata) as dst:
        dst.write(z.astype("float32"), 1)
    return str(path)


def _read(path):
    with rasterio.open(path) as src:
        return src.read(1, masked=True).astype(float).filled(np.nan), src.transform, src.crs


def _lines(layer_or_path):
    layer = QgsVectorLayer(layer_or_path, "l", "ogr") if isinstance(layer_or_path, str) else layer_or_path
    return [wkb.loads(bytes(f.geometry().asWkb())) for f in layer.getFeatures()], layer


@pytest.fixture(scope="module")
def sample_terrain(processing_ready, sample_dir, tmp_path_factory):
    """Terrain of the sample DEM (default parameters, TRI as ruggedness), run once."""
    import processing

    out = tmp_path_factory.mktemp("terrain")
    params = {"DEM": os.path.join(sample_dir, "dem.tif"), "TPI_RADIUS": 300, "RUGGEDNESS_METHOD": 1,
              "SLOPE": str(out / "slope.tif"), "RUGGEDNESS": str(out / "tri.tif"), "TPI": str(out / "tpi.tif"),
              "RIDGES": str(out / "ridges.gpkg"), "SADDLES": str(out / "saddles.gpkg")}
    result = processing.run("snowleopard:terrain", params)
    return result, params


def test_slope_and_tri_equal_gdaldem_on_the_sample_dem(sample_terrain, sample_dir, tmp_path):
    from osgeo import gdal

    result, params = sample_terrain
    dem = os.path.join(sample_dir, "dem.tif")
    for alg, ours, options in (("slope", result["SLOPE"], {}), ("TRI", result["RUGGEDNESS"], {"alg": "Riley"})):
        ref_path = str(tmp_path / f"gdal_{alg}.tif")
        gdal.DEMProcessing(ref_path, dem, alg, **options)
        ref, _, _ = _read(ref_path)
        mine, _, _ = _read(ours)
        inner = (slice(1, -1), slice(1, -1))
        both = np.isfinite(ref[inner]) & np.isfinite(mine[inner])
        assert both.mean() > 0.99
        assert np.abs(mine[inner][both] - ref[inner][both]).max() < 1e-3  # float32 files
        assert np.isnan(mine[0]).all(), "without 'Compute edges' the border is empty, as gdaldem leaves it"
    for key in ("SLOPE", "RUGGEDNESS", "TPI"):
        assert os.path.exists(result[key][:-4] + ".qml"), "style saved beside the GeoTIFF"


def test_tpi_radius_sets_the_empty_border_and_sign(sample_terrain, sample_dir):
    result, params = sample_terrain
    tpi, _, _ = _read(result["TPI"])
    # radius 300 m = 10 cells of 30 m: the full circle is needed, so the 10 outermost rows are empty
    assert np.isnan(tpi[:10]).all() and np.isfinite(tpi[10:-10, 10:-10]).mean() > 0.99
    dem, _, _ = _read(os.path.join(sample_dir, "dem.tif"))
    # an independent check at one cell: elevation minus the mean of the other cells within 300 m
    r, c = 500, 500
    ys, xs = np.mgrid[-10:11, -10:11]
    disk = (ys ** 2 + xs ** 2) <= 100
    disk[10, 10] = False
    window = dem[r - 10:r + 11, c - 10:c + 11]
    assert tpi[r, c] == pytest.approx(dem[r, c] - window[disk].mean(), abs=1e-2)


def test_ridges_run_along_the_sample_crests(sample_terrain, sample_dir):
    result, params = sample_terrain
    lines, layer = _lines(result["RIDGES"])
    assert layer.crs().authid() == "EPSG:32645"
    assert len(lines) > 20
    assert all(line.length <= 1000.0 + 1e-6 for line in lines), "segments no longer than the segment length"
    assert {"segment_id", "ridge_id", "length_km", "mean_elev_m"} <= set(layer.fields().names())
    network = unary_union(lines)
    with open(os.path.join(sample_dir, "truth.json"), encoding="utf-8") as handle:
        truth = json.load(handle)
    x0, y0, x1, y1 = truth["extent_utm"]
    margin = 2 * 300 + 200  # ridges stop about twice the TPI radius from the DEM's edge
    for name, crest in truth["crests"].items():
        line = LineString(crest)
        points = [line.interpolate(d) for d in np.arange(0, line.length, 100.0)]
        points = [p for p in points if x0 + margin < p.x < x1 - margin and y0 + margin < p.y < y1 - margin]
        # the sample's terrain bends its crest lines by a ~250 m domain warp (resources/sample/README.md)
        near = np.mean([network.distance(p) <= 500.0 for p in points])
        assert near >= 0.9, f"crest {name}: only {near:.0%} of it lies within 500 m of a ridgeline"
    # the ridges are styled and the style is stored in the GeoPackage as its default
    import sqlite3

    with sqlite3.connect(params["RIDGES"]) as db:
        assert db.execute("select count(*) from layer_styles where useAsDefault").fetchone()[0] >= 1
    saddles, _ = _lines(result["SADDLES"])
    assert saddles and all(network.distance(p) < 60.0 for p in saddles)


def test_synthetic_ridge_is_found_where_it_is(processing_ready, tmp_path):
    import processing

    # a straight W-E crest at y = 3000 m from the top, falling 0.4 m per m on both sides, on a 6 x 6 km DEM
    pixel = 30.0
    rows, cols = 200, 200
    ys = (np.arange(rows) + 0.5) * pixel
    z = 3000.0 - 0.4 * np.abs(ys - 3000.0)[:, None] * np.ones((1, cols))
    dem = _write_dem(tmp_path / "ridge.tif", z)
    result = processing.run("snowleopard:terrain", {
        "DEM": dem, "TPI_RADIUS": 300, "SLOPE": str(tmp_path / "s.tif"), "RUGGEDNESS": str(tmp_path / "r.tif"),
        "TPI": str(tmp_path / "t.tif"), "RIDGES": "TEMPORARY_OUTPUT"})
    lines, layer = _lines(result["RIDGES"])
    crest_y = 5600000.0 - 3000.0
    assert lines
    for line in lines:
        ys_line = np.asarray(line.coords)[:, 1]
        assert np.abs(ys_line - crest_y).max() <= pixel, "the ridge lies on the crest (within a cell)"
    total = sum(line.length for line in lines)
    # ridges stop about 2 x TPI radius from the edges: 6000 - 2 x 600 m, give or take a few cells
    assert 6000 - 2 * 600 - 200 <= total <= 6000
    slope, _, _ = _read(str(tmp_path / "s.tif"))
    assert np.nanmedian(slope) == pytest.approx(math.degrees(math.atan(0.4)), abs=1e-3)
    # the memory layer is styled as a dark line
    assert layer.renderer().symbol().color().lightness() < 80


def test_dem_in_degrees_is_read_in_its_utm_zone(processing_ready, sample_dir, tmp_path):
    """An SRTM-like DEM in EPSG:4326: terrain runs in the UTM zone of its centre, and the slopes agree with
    the same DEM in UTM (the sample's own) where both are defined; the input's folder is unchanged."""
    import processing
    from osgeo import gdal

    folder = tmp_path / "in"
    folder.mkdir()
    deg = str(folder / "dem_wgs84.tif")
    gdal.Warp(deg, os.path.join(sample_dir, "dem.tif"), dstSRS="EPSG:4326", resampleAlg="bilinear")
    before = sorted(os.listdir(folder))
    result = processing.run("snowleopard:terrain", {"DEM": deg, "SLOPE": str(tmp_path / "s.tif"),
                                                    "RUGGEDNESS": str(tmp_path / "r.tif"),
                                                    "TPI": str(tmp_path / "t.tif"), "RIDGES": "TEMPORARY_OUTPUT"})
    assert sorted(os.listdir(folder)) == before
    slope, transform, crs = _read(result["SLOPE"])
    assert crs.to_epsg() == 32645  # the sample lies in UTM zone 45
    assert result["RIDGES"].crs().authid() == "EPSG:32645" and result["RIDGE_KM"] > 10
    # the reference: slope of the sample DEM in UTM, sampled at the warped grid's cell centres
    ref = processing.run("snowleopard:terrain", {"DEM": os.path.join(sample_dir, "dem.tif"),
                                                 "SLOPE": str(tmp_path / "s0.tif"),
                                                 "RUGGEDNESS": str(tmp_path / "r0.tif"),
                                                 "TPI": str(tmp_path / "t0.tif"), "RIDGES": "TEMPORARY_OUTPUT"})
    ref_slope, ref_transform, _ = _read(ref["SLOPE"])
    rows, cols = np.nonzero(np.isfinite(slope))
    xs = transform.c + (cols + 0.5) * transform.a
    ys = transform.f + (rows + 0.5) * transform.e
    rr = np.floor((ys - ref_transform.f) / ref_transform.e).astype(int)
    cc = np.floor((xs - ref_transform.c) / ref_transform.a).astype(int)
    inside = (rr >= 0) & (rr < ref_slope.shape[0]) & (cc >= 0) & (cc < ref_slope.shape[1])
    a, b = slope[rows[inside], cols[inside]], ref_slope[rr[inside], cc[inside]]
    both = np.isfinite(a) & np.isfinite(b)
    assert both.sum() > 100_000
    assert np.median(a[both]) == pytest.approx(np.median(b[both]), rel=0.05)
    assert np.median(np.abs(a[both] - b[both])) < 2.0  # degrees, after two bilinear resamplings


def test_int16_voids_without_nodata_flag_are_no_data(processing_ready, sample_dir, tmp_path):
    """An int16 DEM whose voids hold -32768 with no nodata flag: those cells are taken as no data (with a
    warning), so no slope of 89° or TPI of -25 km appears around them."""
    import processing

    z = rasterio.open(os.path.join(sample_dir, "dem.tif")).read(1).astype("int16")
    z[400:403, 500:503] = -32768
    path = str(tmp_path / "int16.tif")
    with rasterio.open(path, "w", driver="GTiff", width=z.shape[1], height=z.shape[0], count=1, dtype="int16",
                       crs="EPSG:32645", transform=rasterio.open(os.path.join(sample_dir, "dem.tif")).transform) as dst:
        dst.write(z, 1)
    result = processing.run("snowleopard:terrain", {"DEM": path, "SLOPE": str(tmp_path / "s.tif"),
                                                    "RUGGEDNESS": str(tmp_path / "r.tif"),
                                                    "TPI": str(tmp_path / "t.tif"), "RIDGES": "TEMPORARY_OUTPUT"})
    slope, _, _ = _read(result["SLOPE"])
    tpi, _, _ = _read(result["TPI"])
    assert np.nanmax(slope) < 80 and np.nanmin(tpi) > -1000


def test_swapped_coordinates_in_a_degrees_dem_are_named(processing_ready, tmp_path):
    import processing

    dem = _write_dem(tmp_path / "deg.tif", np.full((50, 50), 2000.0), x0=50.0, y0=88.5, pixel=0.0003,
                     crs="EPSG:4326")  # latitude 88.5: longitude and latitude swapped
    out = tmp_path / "slope.tif"
    with pytest.raises(QgsProcessingException, match="swapped"):
        processing.run("snowleopard:terrain", {"DEM": dem, "SLOPE": str(out), "RUGGEDNESS": str(tmp_path / "r.tif"),
                                               "TPI": str(tmp_path / "t.tif"), "RIDGES": str(tmp_path / "r.gpkg")})
    assert not out.exists() and not (tmp_path / "r.gpkg").exists()


def test_dem_smaller_than_the_tpi_window_is_refused(processing_ready, tmp_path):
    import processing

    dem = _write_dem(tmp_path / "small.tif", np.random.default_rng(1).normal(2000, 5, (10, 10)))
    out = tmp_path / "slope.tif"
    with pytest.raises(QgsProcessingException, match="window"):
        processing.run("snowleopard:terrain", {"DEM": dem, "TPI_RADIUS": 300, "SLOPE": str(out),
                                               "RUGGEDNESS": str(tmp_path / "r.tif"), "TPI": str(tmp_path / "t.tif"),
                                               "RIDGES": str(tmp_path / "r.gpkg")})
    assert not out.exists()


# habitat -------------------------------------------------------------------------------------------------------

def _trapezoid(v, low0, low1, high1=math.inf, high0=math.inf, floor=0.0):
    """Independent hand formula of a rule's score."""
    if v <= low0 or v >= high0:
        s = 0.0
    elif v < low1:
        s = (v - low0) / (low1 - low0)
    elif v <= high1:
        s = 1.0
    else:
        s = (high0 - v) / (high0 - high1)
    return floor + (1 - floor) * s


def test_habitat_rules_on_a_tilted_plane(processing_ready, tmp_path):
    import processing

    # plane rising 0.3 m per m to the east (slope atan(0.3) = 16.7 degrees), 1000 m to 2800 m
    pixel = 30.0
    xs = (np.arange(200) + 0.5) * pixel
    z = 1000.0 + 0.3 * xs[None, :] * np.ones((60, 1))
    dem = _write_dem(tmp_path / "plane.tif", z)
    out = str(tmp_path / "habitat.tif")
    processing.run("snowleopard:habitat", {"DEM": dem, "WEIGHT_RUGGEDNESS": 0, "WEIGHT_RIDGE": 0,
                                           "WEIGHT_ELEV": 1, "WEIGHT_SLOPE": 3, "OUTPUT": out})
    hab, transform, crs = _read(out)
    assert str(crs) == "EPSG:32645" and hab.shape == z.shape
    slope_deg = math.degrees(math.atan(0.3))
    s_slope = _trapezoid(slope_deg, 8, 25)
    for col in (5, 40, 80, 120, 190):
        s_elev = _trapezoid(z[0, col], 1200, 1800, 3300, 3900)
        expected = 0.0 if s_elev == 0 else (s_elev ** 1 * s_slope ** 3) ** (1 / 4)
        assert hab[30, col] == pytest.approx(expected, abs=1e-5), col
    assert os.path.exists(out[:-4] + ".qml")


def test_habitat_from_a_polygon_layer_uses_cell_centres(processing_ready, tmp_path):
    import processing

    layer = QgsVectorLayer("Polygon?crs=EPSG:32645&field=suit:double", "habitat", "memory")
    feature = QgsFeature(layer.fields())
    ring = [QgsPointXY(500010, 5600010), QgsPointXY(500990, 5600010), QgsPointXY(500990, 5600540),
            QgsPointXY(500010, 5600540)]
    feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
    feature.setAttributes([0.8])
    layer.dataProvider().addFeatures([feature])
    out = str(tmp_path / "h.tif")
    processing.run("snowleopard:habitat", {"HABITAT_LAYER": layer, "HABITAT_FIELD": "suit", "PIXEL_SIZE": 50,
                                           "EXTENT": "500000,501000,5600000,5601000 [EPSG:32645]", "OUTPUT": out})
    hab, transform, _ = _read(out)
    assert hab.shape == (20, 20)
    # brute force: the cells whose centres lie inside the polygon
    expected = np.zeros((20, 20))
    for r in range(20):
        for c in range(20):
            x, y = transform * (c + 0.5, r + 0.5)
            if 500010 < x < 500990 and 5600010 < y < 5600540:
                expected[r, c] = 0.8
    assert np.array_equal(np.round(hab, 6), np.round(expected, 6))


def test_habitat_on_the_sample_dem_with_its_ridges(sample_terrain, sample_dir, tmp_path):
    import processing

    result, params = sample_terrain
    out = str(tmp_path / "hab.tif")
    res = processing.run("snowleopard:habitat", {"DEM": os.path.join(sample_dir, "dem.tif"),
                                                 "RIDGES": result["RIDGES"], "OUTPUT": out})
    hab, _, _ = _read(out)
    assert np.nanmin(hab) >= 0 and np.nanmax(hab) <= 1 and np.nanmax(hab) > 0.9
    ridges, _ = _lines(result["RIDGES"])
    # along the ridges (steep, high, rugged) habitat is better than on average
    with rasterio.open(out) as src:
        on_ridge = [v[0] for v in src.sample([(p.x, p.y) for line in ridges for p in [line.interpolate(0.5, True)]])]
    assert np.nanmean(on_ridge) > np.nanmean(hab)
    assert res["SUITABLE_KM2"] == pytest.approx(float((hab >= 0.5).sum()) * 0.0009, rel=1e-6)


def test_habitat_needs_a_dem_or_a_layer(processing_ready, tmp_path):
    import processing

    out = tmp_path / "h.tif"
    with pytest.raises(QgsProcessingException, match="DEM"):
        processing.run("snowleopard:habitat", {"OUTPUT": str(out)})
    assert not out.exists()


def test_habitat_rule_out_of_order_is_refused(processing_ready, tmp_path):
    import processing

    dem = _write_dem(tmp_path / "d.tif", np.full((20, 20), 2000.0))
    out = tmp_path / "h.tif"
    with pytest.raises(QgsProcessingException, match="low0"):
        processing.run("snowleopard:habitat", {"DEM": dem, "ELEV_MIN": 2500, "ELEV_OPT_MIN": 1800,
                                               "WEIGHT_RIDGE": 0, "OUTPUT": str(out)})
    assert not out.exists()
