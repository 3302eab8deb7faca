"""``snowleopard:camerarate`` on the real Tost survey and on a hand-checked pair of stations."""

import csv
from collections import Counter

import numpy as np
import pytest
import rasterio
from qgis.core import QgsVectorLayer

from tests import paths


@pytest.fixture(scope="module")
def tost_season(processing_ready, tmp_path_factory):
    import processing

    out = str(tmp_path_factory.mktemp("tost") / "tost.gpkg")
    processing.run("snowleopard:importseason", {
        "CAMERAS": [str(paths.TOST / "Tost_cams.csv")], "DETECTIONS": [str(paths.TOST / "Tost_capthist.csv")],
        "CRS": "EPSG:32647", "OUTPUT": out})
    return out


def _read_tost_effort():
    """Station → Effort straight from the secr traps file (comment lines start with #)."""
    effort = {}
    with open(paths.TOST / "Tost_cams.csv", newline="") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            if row:
                effort[row[0].strip().strip('"')] = float(row[3])
    return effort


def _read_tost_captures():
    with open(paths.TOST / "Tost_capthist.csv", newline="") as handle:
        rows = [r for r in csv.reader(line for line in handle if not line.startswith("#")) if r]
    return Counter(r[3].strip().strip('"') for r in rows)


def test_rate_per_station_is_captures_over_effort(tost_season, tmp_path):
    import processing

    result = processing.run("snowleopard:camerarate", {
        "CAMERAS": f"{tost_season}|layername=cameras", "DETECTIONS": f"{tost_season}|layername=detections",
        "RADIUS": 3000, "PIXEL_SIZE": 250, "OUTPUT": str(tmp_path / "rate.tif"),
        "OUTPUT_STATIONS": str(tmp_path / "stations.gpkg")})
    effort, captures = _read_tost_effort(), _read_tost_captures()
    assert len(effort) == 41 and sum(captures.values()) == 99
    stations = QgsVectorLayer(result["OUTPUT_STATIONS"], "s", "ogr")
    seen = {}
    for feature in stations.getFeatures():
        seen[feature["station_id"]] = feature["rate_per_100"]
    assert set(seen) == set(effort)
    for station, days in effort.items():
        assert seen[station] == pytest.approx(captures.get(station, 0) / days * 100, rel=1e-9), station
    with rasterio.open(result["OUTPUT"]) as src:
        data = src.read(1, masked=True)
        assert data.count() > 0 and float(data.max()) <= max(seen.values()) + 1e-6


def test_smoothed_rate_between_two_stations(processing_ready, tmp_path):
    """Uniform kernel: a cell reached by both stations shows (d1 + d2) / (t1 + t2) × 100."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    cams = QgsVectorLayer("Point?crs=EPSG:32645&field=station_id:string&field=trap_nights:double", "c", "memory")
    dets = QgsVectorLayer("Point?crs=EPSG:32645&field=station_id:string&field=individual_id:string", "d", "memory")
    for sid, x, nights in (("A", 500000.0, 50.0), ("B", 501000.0, 150.0)):
        f = QgsFeature(cams.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 5500000.0)))
        f.setAttributes([sid, nights])
        cams.dataProvider().addFeature(f)
    for sid, n in (("A", 4), ("B", 2)):
        for k in range(n):
            f = QgsFeature(dets.fields())
            f.setAttributes([sid, f"SL-{k}"])
            dets.dataProvider().addFeature(f)
    out = str(tmp_path / "two.tif")
    processing.run("snowleopard:camerarate", {"CAMERAS": cams, "DETECTIONS": dets, "RADIUS": 800, "PIXEL_SIZE": 50,
                                              "KERNEL": 2, "OUTPUT": out, "OUTPUT_STATIONS": "memory:"})
    with rasterio.open(out) as src:
        data = src.read(1, masked=True).filled(np.nan)
        t = src.transform
    col = int((500500 - t.c) / t.a)
    row = int((t.f - 5500000) / -t.e)
    assert data[row, col] == pytest.approx((4 + 2) / (50 + 150) * 100, rel=1e-6)
    col_a = int((499700 - t.c) / t.a)  # only A reaches here
    assert data[row, col_a] == pytest.approx(4 / 50 * 100, rel=1e-6)


def test_one_band_per_individual(tost_season, tmp_path):
    import processing

    out = str(tmp_path / "ind.tif")
    processing.run("snowleopard:camerarate", {
        "CAMERAS": f"{tost_season}|layername=cameras", "DETECTIONS": f"{tost_season}|layername=detections",
        "RADIUS": 3000, "PIXEL_SIZE": 500, "PER_INDIVIDUAL": True, "OUTPUT": out, "OUTPUT_STATIONS": "memory:"})
    with open(paths.TOST / "Tost_capthist.csv") as handle:
        rows = [r for r in csv.reader(line for line in handle if not line.startswith("#")) if r]
    names = sorted({r[1].strip().strip('"') for r in rows})
    with rasterio.open(out) as src:
        assert src.count == len(names) == 14
        assert list(src.descriptions) == names
