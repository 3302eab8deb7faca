"""Readers of field vector files (GPX, KML/KMZ, GeoJSON, NextGIS Web, Shapefile) and file sorting."""

import os
import zipfile

import numpy as np
import pytest

from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.io.vector import classify_file, read_vector
from snowleopard_plugin.core.io.vocabulary import sign_type_code, team_from_text
from snowleopard_plugin.core.validation import IssueLog
from tests import paths

DATA = os.path.join(os.path.dirname(__file__), "..", "data", "vector")
REAL = str(paths.REAL)


def data(name):
    return os.path.join(DATA, name)


def test_garmin_gpx_track_with_two_segments_and_sign_waypoints():
    issues = IssueLog()
    content = read_vector(data("garmin_etrex_group2.gpx"), issues)
    assert len(content.tracks) == 1
    track = content.tracks[0]
    assert len(track) == 6
    assert track.segment.tolist() == [0, 0, 0, 1, 1, 1]
    assert track.team == "2"  # from the track name "Группа 2 Аргут"
    assert track.lon[0] == pytest.approx(87.9) and track.lat[0] == pytest.approx(49.9)
    assert track.ele.tolist() == [2400.0, 2405.0, 2412.0, 2500.0, 2510.0, 2520.0]
    assert str(track.time[0]) == "2024-02-14T04:00:00.000"
    assert str(track.time[-1]) == "2024-02-14T05:36:30.000"
    types = sorted(o["obs_type"] for o in content.observations)
    assert types == ["scrape", "track"]
    scrape = [o for o in content.observations if o["obs_type"] == "scrape"][0]
    assert scrape["age_class"] == "fresh"
    assert scrape["datetime"] == "2024-02-14T05:02:00Z"
    # the camp waypoint is not a sign: not imported, but said so
    rows = issues.by_problem("unknown_type")
    assert len(rows) == 1 and rows[0].feature == "Лагерь" and rows[0].severity == "info"


def test_osmand_gpx_team_from_file_name_and_waypoint():
    content = read_vector(data("gruppa3_2024-02-15_osmand.gpx"), IssueLog())
    assert [t.team for t in content.tracks] == ["3"]
    assert len(content.tracks[0]) == 4
    assert [o["obs_type"] for o in content.observations] == ["scat"]


@pytest.mark.parametrize("packed", [False, True])
def test_locus_kml_and_kmz(tmp_path, packed):
    path = data("locus_otryad4.kml")
    if packed:  # Locus and Google Earth write doc.kml (plus icons) into a zip
        path = str(tmp_path / "locus_otryad4.kmz")
        with zipfile.ZipFile(path, "w") as archive:
            archive.write(data("locus_otryad4.kml"), "doc.kml")
            archive.writestr("files/z-ico01.png", b"\x89PNG\r\n")
    content = read_vector(path, IssueLog())
    assert len(content.tracks) == 1
    track = content.tracks[0]
    assert track.team == "4"
    assert len(track) == 3
    assert track.start_time == "2024-02-16T03:00:00Z" and track.end_time == "2024-02-16T03:20:00Z"
    assert track.date == "2024-02-16"
    assert [o["obs_type"] for o in content.observations] == ["scat"]
    assert content.observations[0]["datetime"] == "2024-02-16T03:12:00Z"
    assert content.observations[0]["age_class"] == "fresh"
    assert classify_file(path) == "routes"


def test_nextgis_web_geojson_with_russian_properties():
    content = read_vector(data("ngw_signs_export.geojson"), IssueLog())
    assert content.tracks == []
    obs = content.observations
    assert [o["obs_type"] for o in obs] == ["scrape", "scent_mark", "sighting"]
    assert [o["count"] for o in obs] == [2, 1, 1]
    assert [o["age_class"] for o in obs] == ["fresh", "old", None]
    assert obs[0]["datetime"] == "2024-02-17T10:20:00"  # date + time columns joined, no offset given
    assert obs[0]["observer"] == "Иванов И." and obs[0]["note"] == "под скалой"
    assert (obs[2]["lon"], obs[2]["lat"]) == (pytest.approx(88.12), pytest.approx(49.96))
    assert classify_file(data("ngw_signs_export.geojson")) == "observations"


def test_geojson_route_attributes():
    content = read_vector(data("routes_4326.geojson"), IssueLog())
    track = content.tracks[0]
    assert (track.route_id, track.team, track.date, track.days_since_snow) == ("R-07", "5", "2024-02-19", 4)
    assert track.ele is None and track.time is None


def _write_utm_shapefile(path):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    layer = ds.CreateLayer("routes", srs, ogr.wkbLineString, options=["ENCODING=UTF-8"])  # QGIS writes a .cpg
    layer.CreateField(ogr.FieldDefn("Отряд", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField(0, "6")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING (600000 5530000, 600300 5530400)"))
    layer.CreateFeature(feature)
    ds = None


def test_shapefile_in_utm_is_read_as_lonlat(tmp_path):
    from pyproj import Transformer

    path = str(tmp_path / "routes_utm.shp")
    _write_utm_shapefile(path)
    assert os.path.exists(str(tmp_path / "routes_utm.prj"))
    content = read_vector(path, IssueLog())
    track = content.tracks[0]
    lon, lat = Transformer.from_crs("EPSG:32645", "EPSG:4326", always_xy=True).transform(600300.0, 5530400.0)
    assert track.lon[1] == pytest.approx(lon, abs=1e-9) and track.lat[1] == pytest.approx(lat, abs=1e-9)
    assert track.team == "6"


def test_shapefile_without_prj_and_metres_needs_a_crs(tmp_path):
    path = str(tmp_path / "noprj.shp")
    _write_utm_shapefile(path)
    os.remove(str(tmp_path / "noprj.prj"))
    with pytest.raises(InputError, match="noprj.shp"):
        read_vector(path, IssueLog())
    content = read_vector(path, IssueLog(), crs="EPSG:32645")
    assert 88 < content.tracks[0].lon[0] < 89 and 49 < content.tracks[0].lat[0] < 50


@pytest.mark.parametrize("name", ["truncated.gpx", "garbage.kmz"])
def test_unreadable_files_raise_input_error_naming_the_file(name):
    with pytest.raises(InputError) as error:
        read_vector(data(name), IssueLog())
    assert name in str(error.value)
    assert classify_file(data(name)) == "unknown"


def test_classify_real_files():
    assert classify_file(os.path.join(REAL, "tost", "Tost_cams.csv")) == "secr_traps"
    assert classify_file(os.path.join(REAL, "tost", "Tost_capthist.csv")) == "secr_capthist"
    assert classify_file(os.path.join(REAL, "camtrap-dp", "example", "datapackage.json")) == "camtrapdp"
    assert classify_file(os.path.join(REAL, "tost", "tost_sl.shp")) == "unknown"  # habitat polygons
    assert classify_file(data("garmin_etrex_group2.gpx")) == "routes"


def test_classify_tables_and_waypoint_only_gpx(tmp_path):
    signs = tmp_path / "signs.csv"
    signs.write_text("Тип;Дата;Широта;Долгота\nслед;14.02.2024;49,9;87,9\n", encoding="cp1251")
    cams = tmp_path / "cams.csv"
    cams.write_text("station_id,lon,lat,deployment_start,deployment_end\nC1,87.9,49.9,2024-01-01,2024-02-01\n")
    dets = tmp_path / "dets.csv"
    dets.write_text("Station,Species,DateTimeOriginal,Individual\nC1,Panthera uncia,2024-01-05 03:00:00,F1\n")
    wpts = tmp_path / "points.gpx"
    wpts.write_text('<?xml version="1.0"?><gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
                    '<wpt lat="49.9" lon="87.9"><name>scat</name></wpt></gpx>')
    assert classify_file(str(signs)) == "observations"
    assert classify_file(str(cams)) == "cameras"
    assert classify_file(str(dets)) == "detections"
    assert classify_file(str(wpts)) == "observations"
    assert classify_file(str(tmp_path / "missing.gpx")) == "unknown"


@pytest.mark.parametrize("text, team", [
    ("Группа 2 Аргут", "2"), ("gruppa2_2024-02-10", "2"), ("ОТРЯД 3", "3"), ("team 4", "4"),
    ("Group B ridge", "B"), ("маршрут по гребню", None), ("2024-02-10_09-10_Thu", None),
])
def test_team_from_text(text, team):
    assert team_from_text(text) == team


@pytest.mark.parametrize("text, code", [
    ("Следы ирбиса", "track"), ("поскрёб свежий", "scrape"), ("Экскременты", "scat"), ("scat 12", "scat"),
    ("мочевая метка", "scent_mark"), ("остатки добычи", "prey_remains"), ("Лагерь", None), ("Flag, Blue", None),
    ("заметка", None),
])
def test_sign_type_code(text, code):
    assert sign_type_code(text) == code


def test_bulk_gpx_reader_keeps_point_order_and_tracks(tmp_path):
    # 3 tracks of different lengths: check the numpy split against the file
    path = tmp_path / "many.gpx"
    rng = np.random.default_rng(1)
    lines = ['<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">']
    expected = []
    for t, n in enumerate([5, 1, 7]):
        lon = 87 + rng.random(n)
        lat = 49 + rng.random(n)
        expected.append((lon, lat))
        lines.append(f"<trk><name>t{t}</name><trkseg>")
        lines += [f'<trkpt lat="{b:.9f}" lon="{a:.9f}"/>' for a, b in zip(lon, lat)]
        lines.append("</trkseg></trk>")
    lines.append("</gpx>")
    path.write_text("".join(lines))
    content = read_vector(str(path), IssueLog())
    assert [len(t) for t in content.tracks] == [5, 1, 7]
    for track, (lon, lat) in zip(content.tracks, expected):
        assert np.allclose(track.lon, lon, atol=1e-9) and np.allclose(track.lat, lat, atol=1e-9)
    assert [t.route_id for t in content.tracks] == ["many_1", "many_2", "many_3"]


@pytest.mark.parametrize("name, code", [
    # signs as teams name their waypoints and placemarks
    ("след ирбиса", "track"), ("Следовая дорожка ирбиса", "track"), ("тропа ирбиса", "track"),
    ("экскременты ирбиса", "scat"), ("мочевая метка на скале", "scent_mark"), ("метка ирбиса", "scent_mark"),
    ("Поскрёб, свежий", "scrape"), ("Брачный крик", "mating_call"), ("крик ирбиса", "mating_call"),
    ("Остатки добычи ирбиса", "prey_remains"), ("задавленный козерог", "prey_remains"),
    ("Встреча с барсом", "sighting"), ("scat 12", "scat"),
    # everyday names that are not signs (app defaults, places, other animals)
    ("Метка без названия", None), ("Метка 12", None), ("Waypoint 003", None), ("001", None),
    ("Барсучья нора", None), ("Рёв маралов", None), ("Голос кеклика", None), ("Остатки костра", None),
    ("тропа к перевалу", None), ("Trailhead", None), ("Trail Head", None), ("Кордон Кара-Кем", None),
])
def test_sign_types_in_point_names(name, code):
    from snowleopard_plugin.core.io.vocabulary import sign_type_code

    assert sign_type_code(name) == code
