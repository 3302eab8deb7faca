"""``snowleopard:heatmap`` end to end: layer in, GeoTIFF out, numbers checked by hand."""

import math
import os

import numpy as np
import pytest
import rasterio
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer


def _points(points, crs="EPSG:32645", types=None, dates=None):
    layer = QgsVectorLayer(f"Point?crs={crs}&field=obs_type:string&field=datetime:string&field=w:double",
                           "signs", "memory")
    features = []
    for i, (x, y) in enumerate(points):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([types[i] if types else "track", dates[i] if dates else "2026-02-20T10:00:00", 1.0])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _line(coords, crs="EPSG:32645"):
    layer = QgsVectorLayer(f"LineString?crs={crs}&field=route_id:string", "routes", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in coords]))
    feature.setAttributes(["r1"])
    layer.dataProvider().addFeatures([feature])
    return layer


def _read(path):
    with rasterio.open(path) as src:
        data = src.read(1, masked=True).filled(np.nan)
        return data, src.transform


def test_single_sign_uniform_kernel_is_one_over_pi_r2(processing_ready, tmp_path):
    import processing

    out = str(tmp_path / "h.tif")
    processing.run("snowleopard:heatmap", {"INPUT": _points([(500050.0, 5500050.0)]), "RADIUS": 1000,
                                           "PIXEL_SIZE": 100, "KERNEL": 2, "OUTPUT": out})
    data, transform = _read(out)
    # value per km² inside the disc: 1 / (pi * 1 km²); the grid's cell containing the sign is inside
    inside = data[data > 0]
    assert inside == pytest.approx(np.full(inside.shape, 1 / math.pi), rel=1e-6)  # float32 GeoTIFF
    # the map integrates to one sign (cell area 0.01 km²) within the discretisation of the disc
    assert inside.sum() * 0.01 == pytest.approx(1.0, rel=0.02)
    assert os.path.exists(out[:-4] + ".qml"), "style saved beside the GeoTIFF"


def test_signs_per_km_along_a_straight_route(processing_ready, tmp_path):
    import processing

    # k = 41 signs evenly along a 20 km route: 2.05 signs per km far from the ends
    xs = np.linspace(500000, 520000, 41)
    signs = _points([(x, 5500000.0) for x in xs])
    route = _line([(500000, 5500000), (520000, 5500000)])
    out = str(tmp_path / "e.tif")
    processing.run("snowleopard:heatmap", {"INPUT": signs, "EFFORT": route, "RADIUS": 2000, "PIXEL_SIZE": 100,
                                           "KERNEL": 0, "MIN_EFFORT_KM": 0.5, "OUTPUT": out})
    data, transform = _read(out)
    col = int((510000 - transform.c) / transform.a)
    row = int((transform.f - 5500000) / -transform.e)
    assert data[row, col] == pytest.approx(41 / 20, rel=0.03)
    # far from the route (beyond the radius) nothing was searched: no value
    assert np.isnan(data[0, col]) or data.shape[0] < 45


def test_sign_type_and_date_filters(processing_ready, tmp_path):
    import processing

    points = [(500000.0, 5500000.0), (503000.0, 5500000.0), (506000.0, 5500000.0)]
    layer = _points(points, types=["track", "scrape", "track"],
                    dates=["2026-02-10T09:00:00", "2026-02-20T09:00:00", "2026-03-20T09:00:00"])
    out = str(tmp_path / "f.tif")
    processing.run("snowleopard:heatmap", {"INPUT": layer, "RADIUS": 1000, "PIXEL_SIZE": 100, "KERNEL": 2,
                                           "SIGN_TYPES": "след", "DATE_TO": "2026-03-01", "OUTPUT": out})
    data, transform = _read(out)
    # only the first track is left: one disc
    assert np.nansum(data) * 0.01 == pytest.approx(1.0, rel=0.02)


def test_signs_in_degrees_are_mapped_in_their_utm_zone(processing_ready, tmp_path):
    import processing

    result = processing.run("snowleopard:heatmap", {"INPUT": _points([(88.5, 49.9)], crs="EPSG:4326"),
                                                    "RADIUS": 1000, "PIXEL_SIZE": 100,
                                                    "OUTPUT": str(tmp_path / "g.tif")})
    with rasterio.open(result["OUTPUT"]) as src:
        data = src.read(1, masked=True).filled(0)
        assert src.crs.to_epsg() == 32645
    assert data.sum() * 0.01 == pytest.approx(1.0, rel=0.02)  # one sign: the kernel integrates to 1 per km²


def test_signs_in_web_mercator_are_mapped_in_true_metres(processing_ready, tmp_path):
    """Web Mercator is projected but 55 % too long at 50°N: the heatmap runs in the UTM zone instead, so a
    1 km kernel is 1 km on the ground and one sign still integrates to 1 per km²."""
    import processing
    from pyproj import Transformer

    x, y = Transformer.from_crs(4326, 3857, always_xy=True).transform(88.5, 49.9)
    result = processing.run("snowleopard:heatmap", {"INPUT": _points([(x, y)], crs="EPSG:3857"),
                                                    "RADIUS": 1000, "PIXEL_SIZE": 100,
                                                    "OUTPUT": str(tmp_path / "m.tif")})
    with rasterio.open(result["OUTPUT"]) as src:
        data = src.read(1, masked=True).filled(0)
        assert src.crs.to_epsg() == 32645
    assert data.sum() * 0.01 == pytest.approx(1.0, rel=0.02)
    assert (data > 0).sum() * 0.01 == pytest.approx(math.pi * 1.0 ** 2, rel=0.05)  # the disc of 1 km


def test_raster_too_large_for_memory_is_refused_before_it_is_made(processing_ready, tmp_path):
    import processing

    signs = _points([(500000.0, 5500000.0), (540000.0, 5540000.0)])
    with pytest.raises(QgsProcessingException, match="larger pixel size"):
        processing.run("snowleopard:heatmap", {"INPUT": signs, "RADIUS": 1500, "PIXEL_SIZE": 1,
                                               "OUTPUT": str(tmp_path / "h.tif")})
    assert not (tmp_path / "h.tif").exists()


def test_radius_smaller_than_pixel_is_refused(processing_ready, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="pixel"):
        processing.run("snowleopard:heatmap", {"INPUT": _points([(500000.0, 5500000.0)]), "RADIUS": 50,
                                               "PIXEL_SIZE": 100, "OUTPUT": str(tmp_path / "r.tif")})
    assert not (tmp_path / "r.tif").exists()
