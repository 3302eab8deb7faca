"""``snowleopard:coverage`` and ``snowleopard:gaps`` end to end, checked by brute force, by hand and on real data."""

import glob
import json
import math
import os
import sqlite3

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from rasterio.transform import from_origin
from shapely import wkb
from shapely.geometry import LineString, Point, box
from shapely.ops import unary_union

from tests import paths

CRS = "EPSG:32645"


# helpers -------------------------------------------------------------------------------------------------------

def _line_layer(lines, crs=CRS, fields=None):
    layer = QgsVectorLayer(f"LineString?crs={crs}&field=route_id:string&field=date:string", "routes", "memory")
    features = []
    for i, coords in enumerate(lines):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in coords]))
        feature.setAttributes(fields[i] if fields else [f"r{i}", "2026-02-20"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _point_layer(points, crs=CRS, nights=None):
    layer = QgsVectorLayer(f"Point?crs={crs}&field=station_id:string&field=trap_nights:double", "pts", "memory")
    features = []
    for i, (x, y) in enumerate(points):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([f"C{i}", nights[i] if nights else 10.0])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _write_raster(path, z, x0, y0, pixel, crs=CRS, nodata=-9999.0):
    with rasterio.open(path, "w", driver="GTiff", width=z.shape[1], height=z.shape[0], count=1, dtype="float32",
                       crs=crs, transform=from_origin(x0, y0, pixel, pixel), nodata=nodata) as dst:
        dst.write(z.astype("float32"), 1)
    return str(path)


def _read(path):
    with rasterio.open(path) as src:
        return src.read(1), src.transform


def _features(result):
    layer = result if not isinstance(result, str) else QgsVectorLayer(result, "r", "ogr")
    rows = []
    for f in layer.getFeatures():
        row = {name: f[name] for name in layer.fields().names()}
        row["geometry"] = wkb.loads(bytes(f.geometry().asWkb()))
        rows.append(row)
    return rows, layer


#: A 4 x 3 km habitat rectangle in UTM 45N (xmin, ymin, xmax, ymax).
HABITAT_BOX = (500000.0, 5600000.0, 504000.0, 5603000.0)


def _habitat_box_in(epsg):
    """:data:`HABITAT_BOX` as a polygon layer in another CRS (its corners transformed with pyproj)."""
    from pyproj import Transformer

    to_other = Transformer.from_crs(32645, epsg, always_xy=True)
    xmin, ymin, xmax, ymax = HABITAT_BOX
    corners = [(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax)]
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:{epsg}", f"habitat_{epsg}", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(*to_other.transform(x, y)) for x, y in corners]]))
    layer.dataProvider().addFeatures([feature])
    return layer


def _segment_distance(px, py, ax, ay, bx, by):
    """Independent point-to-segment distance (brute force reference)."""
    dx, dy = bx - ax, by - ay
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1)
    return np.hypot(px - (ax + t * dx), py - (ay + t * dy))


# the sample season -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def season(processing_ready, sample_dir, tmp_path_factory):
    """The sample season imported once, with the ridges of its DEM."""
    import processing

    out = tmp_path_factory.mktemp("season")
    gpkg = str(out / "season.gpkg")
    processing.run("snowleopard:importseason", {
        "ROUTES": sorted(glob.glob(os.path.join(sample_dir, "tracks", "*.gpx"))),
        "OBSERVATIONS": [os.path.join(sample_dir, "signs.csv")],
        "CAMERAS": [os.path.join(sample_dir, "camtrap", "datapackage.json")],
        "DEM": os.path.join(sample_dir, "dem.tif"), "OUTPUT": gpkg})
    terrain = processing.run("snowleopard:terrain", {
        "DEM": os.path.join(sample_dir, "dem.tif"), "SLOPE": str(out / "slope.tif"),
        "RUGGEDNESS": str(out / "vrm.tif"), "TPI": str(out / "tpi.tif"), "RIDGES": str(out / "ridges.gpkg")})
    with open(os.path.join(sample_dir, "truth.json"), encoding="utf-8") as handle:
        truth = json.load(handle)
    return {"gpkg": gpkg, "dir": out, "ridges": terrain["RIDGES"], "dem": os.path.join(sample_dir, "dem.tif"),
            "truth": truth, "layer": lambda name: f"{gpkg}|layername={name}"}


# coverage: exact cells ---------------------------------------------------------------------------------------------

def test_straight_route_and_camera_cover_exactly_the_cells_within_reach(processing_ready, tmp_path):
    import processing

    a, b = (500013.0, 5600021.0), (500871.0, 5600533.0)  # a slanted route, not along the grid
    camera = (500400.0, 5600800.0)
    out = str(tmp_path / "cov.tif")
    result = processing.run("snowleopard:coverage", {
        "ROUTES": _line_layer([[a, b]]), "CAMERAS": _point_layer([camera]), "SEARCH_HALF_WIDTH": 25,
        "CAMERA_RADIUS": 120, "EXTENT": "500000,501000,5600000,5601000 [EPSG:32645]", "PIXEL_SIZE": 10,
        "GRID_SIZE": 500, "COVERAGE": out, "GRID": "TEMPORARY_OUTPUT"})
    codes, transform = _read(out)
    assert codes.shape == (100, 100)
    cols, rows = np.meshgrid(np.arange(100), np.arange(100))
    xc = 500000.0 + (cols + 0.5) * 10
    yc = 5601000.0 - (rows + 0.5) * 10
    searched = _segment_distance(xc, yc, *a, *b) <= 25.0
    sampled = np.hypot(xc - camera[0], yc - camera[1]) <= 120.0
    expected = searched.astype(np.uint8) + 2 * sampled.astype(np.uint8)
    assert np.array_equal(codes, expected)
    assert searched.sum() > 400 and sampled.sum() > 400 and (searched & sampled).sum() == 0
    assert result["SEARCHED_KM2"] == pytest.approx(searched.sum() * 1e-4)
    assert os.path.exists(out[:-4] + ".qml")


def test_effort_grid_and_ridge_share_by_hand(processing_ready, tmp_path):
    import processing

    route = _line_layer([[(501000.0, 5600500.0), (506000.0, 5600500.0)]])
    cameras = _point_layer([(503000.0, 5600500.0)], nights=[30.0])
    signs = _point_layer([(505100.0, 5600400.0), (505200.0, 5600400.0), (505300.0, 5600400.0)])
    ridge = _line_layer([[(502000.0, 5600520.0), (508000.0, 5600520.0)]])
    result = processing.run("snowleopard:coverage", {
        "ROUTES": route, "CAMERAS": cameras, "OBSERVATIONS": signs, "RIDGES": ridge, "SEARCH_HALF_WIDTH": 50,
        "CAMERA_RADIUS": 100, "PIXEL_SIZE": 20, "GRID_SIZE": 2000, "COVERAGE": str(tmp_path / "c.tif"),
        "GRID": "TEMPORARY_OUTPUT", "RIDGE_COVERAGE": "TEMPORARY_OUTPUT"})
    cells, layer = _features(result["GRID"])
    by_x = {round(c["geometry"].bounds[0]): c for c in cells}
    # cells 500-502, 502-504, 504-506 km east; the route covers 1, 2 and 2 km of them
    assert sorted(by_x) == [500000, 502000, 504000]
    assert [by_x[x]["km_walked"] for x in sorted(by_x)] == pytest.approx([1.0, 2.0, 2.0])
    assert [by_x[x]["trap_nights"] for x in sorted(by_x)] == pytest.approx([0.0, 30.0, 0.0])
    assert [by_x[x]["signs"] for x in sorted(by_x)] == [0, 0, 3]
    assert [by_x[x]["visits"] for x in sorted(by_x)] == [1, 1, 1]
    ridges, _ = _features(result["RIDGE_COVERAGE"])
    # the ridge runs 20 m from the route from x = 502 km to its end at 506 km plus the cap sqrt(50² - 20²)
    walked = 4000.0 + math.sqrt(50 ** 2 - 20 ** 2)
    assert ridges[0]["walked_km"] == pytest.approx(walked / 1000)
    assert ridges[0]["walked_share"] == pytest.approx(walked / 6000)
    assert ridges[0]["length_km"] == pytest.approx(6.0)


def test_sample_season_coverage(season, tmp_path):
    import processing

    grid_path = str(tmp_path / "grid.gpkg")
    result = processing.run("snowleopard:coverage", {
        "ROUTES": season["layer"]("routes"), "CAMERAS": season["layer"]("cameras"),
        "OBSERVATIONS": season["layer"]("observations"), "DETECTIONS": season["layer"]("detections"),
        "RIDGES": season["ridges"], "DEM": season["dem"], "SEARCH_HALF_WIDTH": 50, "CAMERA_RADIUS": 500,
        "GRID_SIZE": 2000, "COVERAGE": str(tmp_path / "cov.tif"), "TRAP_NIGHTS": str(tmp_path / "tn.tif"),
        "GRID": grid_path, "RIDGE_COVERAGE": str(tmp_path / "ridge_cov.gpkg")})
    codes, transform = _read(result["COVERAGE"])
    assert codes.shape == (1000, 1000) and transform.a == 30.0
    routes = gpd.read_file(season["gpkg"], layer="routes")
    cameras = gpd.read_file(season["gpkg"], layer="cameras")
    observations = gpd.read_file(season["gpkg"], layer="observations")
    cells = gpd.read_file(grid_path)
    dem_box = box(593000, 5514000, 623000, 5544000)
    inside_km = sum(g.intersection(dem_box).length for g in routes.geometry) / 1000
    assert cells["km_walked"].sum() == pytest.approx(routes.geometry.length.sum() / 1000, rel=1e-6)
    assert cells["km_walked"].sum() == pytest.approx(inside_km, rel=1e-3)
    assert cells["trap_nights"].sum() == pytest.approx(cameras["trap_nights"].sum())
    assert cells["signs"].sum() == len(observations)
    assert cells["surface_km"].sum() > cells["km_walked"].sum()  # mountains: over the DEM is longer
    # searched area: about 2 x half-width x km walked (less where routes overlap, ends add a little)
    searched_km2 = ((codes == 1) | (codes == 3)).sum() * 0.0009
    assert 0.5 * 0.1 * inside_km < searched_km2 < 1.05 * 0.1 * inside_km
    assert result["SAMPLED_KM2"] > 0
    ridges = gpd.read_file(result["RIDGE_COVERAGE"])
    assert ridges["walked_share"].between(0, 1).all() and ridges["walked_share"].max() > 0.9
    # the truth's unwalked ridges are not walked
    unwalked = unary_union([LineString(r["line"]) for r in season["truth"]["unwalked_ridges"]]).buffer(150)
    along = ridges[ridges.geometry.within(unwalked)]
    assert len(along) >= 3 and along["walked_km"].sum() == pytest.approx(0.0, abs=0.2)
    # the styles: the grid graduated by km walked, stored as the GeoPackage's default style
    with sqlite3.connect(grid_path) as db:
        style = db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]
    assert "km_walked" in style and "graduatedSymbol" in style
    with sqlite3.connect(result["RIDGE_COVERAGE"]) as db:
        assert "walked_share" in db.execute("select styleQML from layer_styles").fetchone()[0]


# coverage: bad inputs --------------------------------------------------------------------------------------------

def _folder_state(folder):
    return sorted((name, os.path.getmtime(os.path.join(folder, name)), os.path.getsize(os.path.join(folder, name)))
                  for name in os.listdir(folder))


class _Log:
    """A Processing feedback that keeps the log lines."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        self.feedback = QgsProcessingFeedback()
        self.lines = []
        self.feedback.pushInfo = lambda text: self.lines.append(text)

    def text(self):
        return "\n".join(self.lines)


def test_dem_in_another_crs_is_read_warped_and_the_file_left_alone(season, tmp_path):
    """A DEM in the next UTM zone covers the same ground: coverage runs in the season's CRS, the surface km
    of the effort grid agree with the run on the season's own DEM, and the DEM's folder is unchanged."""
    import processing
    from osgeo import gdal

    folder = tmp_path / "dem_folder"
    folder.mkdir()
    dem46 = str(folder / "dem46.tif")
    gdal.Warp(dem46, season["dem"], dstSRS="EPSG:32646", xRes=30, yRes=30, resampleAlg="bilinear")
    before = _folder_state(folder)
    runs = {}
    for name, dem in (("own", season["dem"]), ("46", dem46)):
        log = _Log()
        runs[name] = processing.run("snowleopard:coverage", {
            "ROUTES": season["layer"]("routes"), "DEM": dem, "GRID_SIZE": 4000,
            "COVERAGE": str(tmp_path / f"cov_{name}.tif"), "GRID": str(tmp_path / f"grid_{name}.gpkg")},
            feedback=log.feedback)
        runs[name]["log"] = log.text()
    assert _folder_state(folder) == before
    assert "EPSG:32646" in runs["46"]["log"] and "EPSG:32645" in runs["46"]["log"]
    with rasterio.open(runs["46"]["COVERAGE"]) as src:
        assert src.crs.to_epsg() == 32645
    own, _ = _features(runs["own"]["GRID"])
    warped, layer = _features(runs["46"]["GRID"])
    assert layer.crs().authid() == "EPSG:32645"
    km = sum(r["km_walked"] for r in own)
    assert sum(r["km_walked"] for r in warped) == pytest.approx(km, rel=1e-9)  # routes untouched
    # surface km over the warped-and-back DEM: within 0.5 % of the own DEM's (two bilinear resamplings)
    assert sum(r["surface_km"] for r in warped) == pytest.approx(sum(r["surface_km"] for r in own), rel=5e-3)
    # searched area on the warped grid (cells of ~29.97 m, another origin) against the union of 50 m buffers
    routes = gpd.read_file(season["gpkg"], layer="routes")
    union = unary_union([g.buffer(50.0, 64) for g in routes.geometry]).area / 1e6
    assert runs["46"]["SEARCHED_KM2"] == pytest.approx(union, rel=0.01)


def test_routes_in_degrees_run_in_the_utm_zone(processing_ready, tmp_path):
    """A GPX-like layer in EPSG:4326 and no DEM: the analysis runs in the UTM zone of the routes, and the
    searched area is the capsule of the route's UTM length (independent pyproj transform)."""
    import processing
    from pyproj import Transformer

    lon_lat = [(88.10, 49.90), (88.13, 49.92)]
    log = _Log()
    result = processing.run("snowleopard:coverage", {
        "ROUTES": _line_layer([lon_lat], crs="EPSG:4326"), "SEARCH_HALF_WIDTH": 50, "PIXEL_SIZE": 5,
        "GRID_SIZE": 2000, "COVERAGE": str(tmp_path / "cov.tif"), "GRID": str(tmp_path / "g.gpkg")},
        feedback=log.feedback)
    assert "EPSG:32645" in log.text()
    with rasterio.open(result["COVERAGE"]) as src:
        assert src.crs.to_epsg() == 32645
    xs, ys = Transformer.from_crs(4326, 32645, always_xy=True).transform(*zip(*lon_lat))
    length = math.hypot(xs[1] - xs[0], ys[1] - ys[0])
    capsule = (2 * 50 * length + math.pi * 50 ** 2) / 1e6
    assert result["SEARCHED_KM2"] == pytest.approx(capsule, rel=0.01)
    cells, _ = _features(result["GRID"])
    assert sum(r["km_walked"] for r in cells) == pytest.approx(length / 1000, rel=1e-3)


def test_layers_without_crs_are_refused_wherever_they_are_given(processing_ready, tmp_path):
    """Not only the layer that sets the CRS: signs or access points without a CRS are refused too (their
    coordinates cannot be placed), with the layer named."""
    import processing

    routes = _line_layer([[(500000.0, 5600000.0), (501000.0, 5600000.0)]])
    signs = QgsVectorLayer("Point?crs=&field=obs_type:string", "signs_without_crs", "memory")
    feature = QgsFeature(signs.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(88.1, 49.9)))
    signs.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="signs_without_crs has no CRS"):
        processing.run("snowleopard:coverage", {"ROUTES": routes, "OBSERVATIONS": signs, "PIXEL_SIZE": 10,
                                                "COVERAGE": str(tmp_path / "c.tif"), "GRID": str(tmp_path / "g.gpkg")})
    habitat = _write_raster(tmp_path / "hab.tif", np.ones((50, 50)), 499000.0, 5601000.0, 40.0)
    with pytest.raises(QgsProcessingException, match="signs_without_crs has no CRS"):
        processing.run("snowleopard:gaps", {"HABITAT": habitat, "ROUTES": routes, "ACCESS": signs,
                                            "MAX_DISTANCE": 300, "OUTPUT": str(tmp_path / "gaps.gpkg")})
    assert not (tmp_path / "c.tif").exists() and not (tmp_path / "gaps.gpkg").exists()


def test_empty_layer_in_degrees_does_not_choose_the_utm_zone(processing_ready, tmp_path):
    """An empty GPX-like routes layer and cameras at 88.1°E: the analysis runs in the cameras' zone (45N), not
    in the zone of the empty layer's null extent."""
    import processing

    empty = QgsVectorLayer("LineString?crs=EPSG:4326&field=route_id:string", "routes", "memory")
    cams = _point_layer([(88.1, 49.9)], crs="EPSG:4326")
    result = processing.run("snowleopard:coverage", {
        "ROUTES": empty, "CAMERAS": cams, "CAMERA_RADIUS": 500, "PIXEL_SIZE": 10, "GRID_SIZE": 2000,
        "COVERAGE": str(tmp_path / "c.tif"), "GRID": str(tmp_path / "g.gpkg")})
    with rasterio.open(result["COVERAGE"]) as src:
        assert src.crs.to_epsg() == 32645
    assert result["SAMPLED_KM2"] == pytest.approx(math.pi * 0.5 ** 2, rel=0.01)


def test_web_mercator_habitat_does_not_stretch_the_gaps(processing_ready, tmp_path):
    """Habitat polygons in Web Mercator (EPSG:3857, 55 % too long at 50°N) and a camera in UTM: the gap is
    the same true area as with everything in UTM (12 km² minus a 1 km disc)."""
    import processing

    layer = _habitat_box_in(3857)
    camera = (501000.0, 5601500.0)
    result = processing.run("snowleopard:gaps", {"HABITAT": layer, "CAMERAS": _point_layer([camera]),
                                                 "MAX_DISTANCE": 1000, "MIN_AREA": 0, "PIXEL_SIZE": 10,
                                                 "OUTPUT": "TEMPORARY_OUTPUT"})
    gaps, out = _features(result["OUTPUT"])
    assert out.crs().authid() == "EPSG:32645"
    expected = box(*HABITAT_BOX).difference(Point(camera).buffer(1000, 256)).area / 1e6
    assert sum(g["area_km2"] for g in gaps) == pytest.approx(expected, rel=5e-3)


def test_swapped_lat_lon_is_named(processing_ready, tmp_path):
    import processing

    swapped = _line_layer([[(49.90, 88.10), (49.92, 88.13)]], crs="EPSG:4326")  # latitude first
    with pytest.raises(QgsProcessingException, match="swapped"):
        processing.run("snowleopard:coverage", {"ROUTES": swapped, "PIXEL_SIZE": 10,
                                                "COVERAGE": str(tmp_path / "c.tif"), "GRID": str(tmp_path / "g.gpkg")})
    assert not (tmp_path / "c.tif").exists()


def test_effort_off_the_dem(processing_ready, tmp_path):
    import processing

    dem = _write_raster(tmp_path / "dem.tif", np.full((50, 50), 2000.0), 500000.0, 5600000.0, 30.0)
    route = _line_layer([[(700000.0, 5600000.0), (701000.0, 5600000.0)]])
    out = tmp_path / "cov.tif"
    with pytest.raises(QgsProcessingException, match="does not overlap"):
        processing.run("snowleopard:coverage", {"ROUTES": route, "DEM": dem, "COVERAGE": str(out),
                                                "GRID": str(tmp_path / "g.gpkg")})
    assert not out.exists() and not (tmp_path / "g.gpkg").exists()


def test_unknown_crs_and_empty_layers(processing_ready, tmp_path):
    import processing

    out = tmp_path / "cov.tif"
    unknown = _line_layer([[(500000.0, 5600000.0), (501000.0, 5600000.0)]], crs="")
    with pytest.raises(QgsProcessingException, match="no CRS"):
        processing.run("snowleopard:coverage", {"ROUTES": unknown, "PIXEL_SIZE": 10, "COVERAGE": str(out),
                                                "GRID": str(tmp_path / "g.gpkg")})
    empty = QgsVectorLayer(f"LineString?crs={CRS}", "routes", "memory")
    with pytest.raises(QgsProcessingException, match="empty"):
        processing.run("snowleopard:coverage", {"ROUTES": empty, "COVERAGE": str(out),
                                                "GRID": str(tmp_path / "g.gpkg")})
    with pytest.raises(QgsProcessingException, match="routes"):
        processing.run("snowleopard:coverage", {"COVERAGE": str(out), "GRID": str(tmp_path / "g.gpkg")})
    assert not out.exists() and not (tmp_path / "g.gpkg").exists()


# gaps ---------------------------------------------------------------------------------------------------------------

def test_gap_area_is_habitat_minus_covered_cells(processing_ready, tmp_path):
    import processing

    # 2 x 2 km of habitat (cells of 20 m) with a 0.6 suitability strip in the east; a route across it
    pixel, n = 20.0, 100
    x0, y0 = 500000.0, 5602000.0
    hab = np.ones((n, n))
    hab[:, 80:] = 0.6
    hab[:10, :] = 0.0  # a strip of non-habitat in the north
    habitat = _write_raster(tmp_path / "hab.tif", hab, x0, y0, pixel)
    a, b = (500300.0, 5599500.0), (500700.0, 5602500.0)
    ridge = _line_layer([[(500000.0, 5601000.0), (502000.0, 5601000.0)]])
    out = str(tmp_path / "gaps.gpkg")
    result = processing.run("snowleopard:gaps", {
        "HABITAT": habitat, "ROUTES": _line_layer([[a, b]]), "MAX_DISTANCE": 200, "MIN_AREA": 0,
        "THRESHOLD": 0.5, "RIDGES": ridge, "OUTPUT": out})
    gaps, _ = _features(out)
    cols, rows = np.meshgrid(np.arange(n), np.arange(n))
    xc, yc = x0 + (cols + 0.5) * pixel, y0 - (rows + 0.5) * pixel
    covered = _segment_distance(xc, yc, *a, *b) <= 200.0
    suitable = hab >= 0.5
    expected_km2 = (suitable & ~covered).sum() * pixel * pixel / 1e6
    assert sum(g["area_km2"] for g in gaps) == pytest.approx(expected_km2, rel=1e-9)
    assert sum(g["geometry"].area for g in gaps) / 1e6 == pytest.approx(expected_km2, rel=1e-9)
    assert result["GAP_KM2"] == pytest.approx(expected_km2)
    assert len(gaps) == 2  # west and east of the route
    west = min(gaps, key=lambda g: g["geometry"].bounds[0])
    east = max(gaps, key=lambda g: g["geometry"].bounds[0])
    # mean suitability of the east gap: its cells at 1.0 and at 0.6
    right_of_route = (b[0] - a[0]) * (yc - a[1]) - (b[1] - a[1]) * (xc - a[0]) < 0
    east_mask = suitable & ~covered & right_of_route
    assert east["suitability"] == pytest.approx(hab[east_mask].mean(), rel=1e-6)
    ranks = sorted(gaps, key=lambda g: -g["area_km2"] * g["suitability"])
    assert [g["rank"] for g in ranks] == [1, 2]
    # the ridge at y = 5601 km crosses both gaps: its length inside them, by hand
    ridge_line = LineString([(500000.0, 5601000.0), (502000.0, 5601000.0)])
    assert west["ridge_km"] == pytest.approx(ridge_line.intersection(west["geometry"]).length / 1000)
    assert west["ridge_km"] + east["ridge_km"] > 1.2
    assert str(west["access_km"]) in ("NULL", "None"), "no access layer: access_km is NULL"
    with sqlite3.connect(out) as db:
        assert "rank" in db.execute("select styleQML from layer_styles where useAsDefault").fetchone()[0]


def test_gaps_from_polygons_with_access_match_shapely(processing_ready, tmp_path):
    import processing

    layer = QgsVectorLayer(f"Polygon?crs={CRS}", "habitat", "memory")
    polygon = box(500000, 5600000, 504000, 5603000)
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(polygon.wkt))
    layer.dataProvider().addFeatures([feature])
    camera = (501000.0, 5601500.0)
    camp = _point_layer([(506000.0, 5601500.0)])
    result = processing.run("snowleopard:gaps", {
        "HABITAT": layer, "CAMERAS": _point_layer([camera]), "ACCESS": camp, "MAX_DISTANCE": 1000,
        "MIN_AREA": 0, "PIXEL_SIZE": 10, "OUTPUT": "TEMPORARY_OUTPUT"})
    gaps, _ = _features(result["OUTPUT"])
    expected = polygon.difference(Point(camera).buffer(1000, 256))
    assert len(gaps) == 1
    assert gaps[0]["area_km2"] == pytest.approx(expected.area / 1e6, rel=2e-3)
    assert gaps[0]["access_km"] == pytest.approx(2.0, abs=0.011)  # from x = 504 km to the camp at 506 km


def test_gaps_with_habitat_in_degrees_run_in_the_cameras_crs(processing_ready, tmp_path):
    """Habitat polygons in EPSG:4326 (a park's file as downloaded) and cameras in UTM: the analysis takes the
    first metric CRS (the cameras'), and the gap is the same as with everything in UTM."""
    import processing
    from pyproj import Transformer

    to_deg = Transformer.from_crs(32645, 4326, always_xy=True)
    layer = _habitat_box_in(4326)
    camera = (501000.0, 5601500.0)
    camp = _point_layer([to_deg.transform(506000.0, 5601500.0)], crs="EPSG:4326")
    result = processing.run("snowleopard:gaps", {
        "HABITAT": layer, "CAMERAS": _point_layer([camera]), "ACCESS": camp, "MAX_DISTANCE": 1000,
        "MIN_AREA": 0, "PIXEL_SIZE": 10, "OUTPUT": "TEMPORARY_OUTPUT"})
    gaps, out = _features(result["OUTPUT"])
    assert out.crs().authid() == "EPSG:32645"
    expected = box(*HABITAT_BOX).difference(Point(camera).buffer(1000, 256))
    assert len(gaps) == 1
    assert gaps[0]["area_km2"] == pytest.approx(expected.area / 1e6, rel=2e-3)
    assert gaps[0]["access_km"] == pytest.approx(2.0, abs=0.011)


def test_tost_cameras_and_habitat_match_an_independent_overlay(processing_ready, tmp_path):
    import processing

    cams_csv = paths.TOST / "Tost_cams.csv"
    shp = paths.TOST / "tost_sl.shp"
    paths.real("tost", "tost_sl.shp")
    gpkg = str(tmp_path / "tost.gpkg")
    processing.run("snowleopard:importseason", {"CAMERAS": [str(cams_csv)], "CRS": "EPSG:32647", "OUTPUT": gpkg})
    cameras = gpd.read_file(gpkg, layer="cameras")
    assert len(cameras) == 41
    xy = np.array([(p.x, p.y) for p in cameras.geometry])
    xmin, ymin = xy.min(axis=0) - 20000
    xmax, ymax = xy.max(axis=0) + 20000
    result = processing.run("snowleopard:gaps", {
        "HABITAT": str(shp), "CAMERAS": f"{gpkg}|layername=cameras", "MAX_DISTANCE": 3000, "MIN_AREA": 0,
        "PIXEL_SIZE": 100, "EXTENT": f"{xmin},{xmax},{ymin},{ymax} [EPSG:32647]", "OUTPUT": "TEMPORARY_OUTPUT"})
    gaps, layer = _features(result["OUTPUT"])
    # independent: habitat polygons clipped to the extent, minus the union of 3 km buffers (shapely only)
    habitat = gpd.read_file(shp, bbox=(xmin, ymin, xmax, ymax))
    clip = box(xmin, ymin, xmax, ymax)
    clipped = unary_union([g.intersection(clip) for g in habitat.geometry])
    buffers = unary_union([Point(x, y).buffer(3000, 64) for x, y in xy])
    expected = clipped.difference(buffers).area / 1e6
    total = sum(g["area_km2"] for g in gaps)
    print(f"Tost gaps: {total:.2f} km² in {len(gaps)} gaps; overlay {expected:.2f} km²")
    assert expected > 50
    assert total == pytest.approx(expected, rel=0.01)
    assert sorted(g["rank"] for g in gaps) == list(range(1, len(gaps) + 1))
    assert layer.crs().authid() == "EPSG:32647"


def test_sample_gaps_lie_on_the_unwalked_ridges(season, tmp_path):
    import processing

    habitat = str(tmp_path / "habitat.tif")
    processing.run("snowleopard:habitat", {"DEM": season["dem"], "RIDGES": season["ridges"], "OUTPUT": habitat})
    access = QgsVectorLayer(f"file://{paths.SAMPLE / 'access.csv'}?type=csv&xField=x_utm45n&yField=y_utm45n"
                            f"&crs={CRS}", "access", "delimitedtext")
    assert access.isValid() and access.featureCount() == 4
    out = str(tmp_path / "gaps.gpkg")
    result = processing.run("snowleopard:gaps", {
        "HABITAT": habitat, "ROUTES": season["layer"]("routes"), "CAMERAS": season["layer"]("cameras"),
        "RIDGES": season["ridges"], "ACCESS": access, "MAX_DISTANCE": 2000, "MIN_AREA": 1.0, "OUTPUT": out})
    gaps = gpd.read_file(out)
    assert len(gaps) == result["GAP_COUNT"] > 0
    assert (gaps["area_km2"] >= 1.0).all()
    score = gaps["area_km2"] * gaps["suitability"]
    assert list(gaps.sort_values("rank")["rank"]) == list(range(1, len(gaps) + 1))
    assert (np.diff(score[np.argsort(gaps["rank"].to_numpy())]) <= 1e-9).all()
    assert gaps["access_km"].notna().all() and (gaps["access_km"] >= 0).all()
    # every unwalked ridge of the truth runs mostly through gaps
    union = unary_union(list(gaps.geometry))
    for ridge in season["truth"]["unwalked_ridges"]:
        line = LineString(ridge["line"])
        assert line.intersection(union).length / line.length > 0.5, ridge["description"]
    assert gaps.loc[gaps["rank"] == 1, "ridge_km"].iloc[0] > 0


def test_gaps_bad_inputs_leave_no_output(processing_ready, tmp_path):
    import processing

    habitat = _write_raster(tmp_path / "hab.tif", np.ones((20, 20)), 500000.0, 5600400.0, 20.0)
    out = tmp_path / "gaps.gpkg"
    with pytest.raises(QgsProcessingException, match="routes"):
        processing.run("snowleopard:gaps", {"HABITAT": habitat, "OUTPUT": str(out)})
    far = _line_layer([[(900000.0, 5600000.0), (901000.0, 5600000.0)]])
    with pytest.raises(QgsProcessingException, match="farther than the maximum distance"):
        processing.run("snowleopard:gaps", {"HABITAT": habitat, "ROUTES": far, "OUTPUT": str(out)})
    near = _line_layer([[(500100.0, 5600100.0), (500200.0, 5600100.0)]])
    with pytest.raises(QgsProcessingException, match="threshold"):
        processing.run("snowleopard:gaps", {"HABITAT": habitat, "ROUTES": near, "THRESHOLD": 2.0,
                                            "OUTPUT": str(out)})
    assert not out.exists()
