"""``snowleopard:importseason`` through Processing, as a user or a script runs it."""

import glob
import hashlib
import os
import sqlite3

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from tests import paths

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL = str(paths.REAL)
TOST = os.path.join(REAL, "tost")
CAMTRAP_EXAMPLE = os.path.join(REAL, "camtrap-dp", "example", "datapackage.json")


def _layer(gpkg, name):
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def _hashes(paths):
    return {p: hashlib.sha256(open(p, "rb").read()).hexdigest() for p in paths}


def test_sample_season_imports_styled_and_grouped(processing_ready, sample_dir, tmp_path):
    import processing

    tracks = sorted(glob.glob(os.path.join(sample_dir, "tracks", "*.gpx")))
    inputs = tracks + [os.path.join(sample_dir, "signs.csv")] + glob.glob(os.path.join(sample_dir, "camtrap", "*"))
    before = _hashes(inputs)
    out = str(tmp_path / "season.gpkg")
    result = processing.run("snowleopard:importseason", {
        "ROUTES": tracks, "OBSERVATIONS": [os.path.join(sample_dir, "signs.csv")],
        "CAMERAS": [os.path.join(sample_dir, "camtrap", "datapackage.json")], "OUTPUT": out})
    assert result["OUTPUT"] == out
    assert _hashes(inputs) == before, "an input file was modified"
    routes = _layer(out, "routes")
    assert routes.featureCount() == result["ROUTES_COUNT"] >= len(tracks) - 1
    assert routes.crs().authid() == "EPSG:32645"
    teams = {f["team"] for f in routes.getFeatures()}
    assert len(teams) == 4
    total_km = sum(f["length_km"] for f in routes.getFeatures())
    assert 100 < total_km < 400
    observations = _layer(out, "observations")
    assert observations.featureCount() == result["OBSERVATIONS_COUNT"] > 50
    types = {f["obs_type"] for f in observations.getFeatures()}
    assert {"track", "scrape", "scat", "mating_call", "sighting"} <= types
    assert _layer(out, "cameras").featureCount() == result["CAMERAS_COUNT"] >= 20
    assert _layer(out, "detections").featureCount() == result["DETECTIONS_COUNT"] > 0
    problems = {f["problem"] for f in _layer(out, "validation").getFeatures()}
    assert {"latlon_swapped", "missing_date", "gps_jump"} <= problems
    with sqlite3.connect(out) as db:
        styled = {row[0] for row in db.execute("select f_table_name from layer_styles where useAsDefault")}
    assert {"routes", "observations", "cameras", "detections", "validation"} <= styled


def test_real_tost_secr_files(processing_ready, tmp_path):
    import processing

    out = str(tmp_path / "tost.gpkg")
    result = processing.run("snowleopard:importseason", {
        "CAMERAS": [os.path.join(TOST, "Tost_cams.csv")], "DETECTIONS": [os.path.join(TOST, "Tost_capthist.csv")],
        "CRS": "EPSG:32647", "OUTPUT": out})
    cameras = _layer(out, "cameras")
    assert result["CAMERAS_COUNT"] == cameras.featureCount() == 41
    assert sum(f["trap_nights"] for f in cameras.getFeatures()) == pytest.approx(4324)
    detections = _layer(out, "detections")
    assert detections.featureCount() == 99
    assert len({f["station_id"] for f in detections.getFeatures()}) == 30
    assert len({f["individual_id"] for f in detections.getFeatures()}) == 14


def test_camtrap_dp_example(processing_ready, tmp_path):
    import processing

    out = str(tmp_path / "example.gpkg")
    result = processing.run("snowleopard:importseason", {"CAMERAS": [CAMTRAP_EXAMPLE], "OUTPUT": out})
    assert result["CAMERAS_COUNT"] == 4
    assert result["DETECTIONS_COUNT"] > 0


def test_unreadable_file_stops_with_message_and_no_output(processing_ready, tmp_path):
    import processing

    broken = tmp_path / "broken.gpx"
    broken.write_bytes(b"\x00\x01garbage<gpx")
    out = tmp_path / "season.gpkg"
    with pytest.raises(QgsProcessingException) as error:
        processing.run("snowleopard:importseason", {"ROUTES": [str(broken)], "OUTPUT": str(out)})
    assert "broken.gpx" in str(error.value)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["broken.gpx"]


def test_season_group_added_to_project(processing_ready, sample_dir, tmp_path):
    import processing

    from snowleopard_plugin.qgis_io import add_season_to_project, season_group_name

    out = str(tmp_path / "s.gpkg")
    processing.run("snowleopard:importseason", {"OBSERVATIONS": [os.path.join(sample_dir, "signs.csv")],
                                                 "OUTPUT": out})
    project = QgsProject()
    group = add_season_to_project(out, project)
    assert group.name() == season_group_name(out)
    names = [node.layer().source().split("layername=")[1] for node in group.findLayers()]
    assert set(names) >= {"observations", "validation"}
    add_season_to_project(out, project)  # loading again replaces, never duplicates
    assert len(project.layerTreeRoot().findGroups()) == 1


def test_saved_field_mapping_reads_unknown_headers(processing_ready, tmp_path):
    """A volunteer's table with headers no synonym knows imports once a saved mapping names them."""
    import json

    import processing

    table = tmp_path / "знаки.csv"
    table.write_text("N;A;B;Что нашли;Когда\n1;49,91;88,52;след;14.02.2026\n2;49,92;88,53;поскрёб;15.02.2026\n",
                     encoding="cp1251")
    out = tmp_path / "m.gpkg"
    with pytest.raises(QgsProcessingException):
        processing.run("snowleopard:importseason", {"OBSERVATIONS": [str(table)], "OUTPUT": str(out)})
    assert not out.exists()
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"observations": {"lat": "A", "lon": "B", "obs_type": "Что нашли",
                                                    "date": "Когда", "obs_id": "N"}}, ensure_ascii=False),
                       encoding="utf-8")
    processing.run("snowleopard:importseason", {"OBSERVATIONS": [str(table)], "FIELD_MAPPING": str(mapping),
                                                "OUTPUT": str(out)})
    layer = _layer(str(out), "observations")
    assert sorted(f["obs_type"] for f in layer.getFeatures()) == ["scrape", "track"]
    assert sorted(f["datetime"][:10] for f in layer.getFeatures()) == ["2026-02-14", "2026-02-15"]
