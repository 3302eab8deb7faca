"""The season assembler: dispatch by kind, validation across files, metric CRS, atomic GeoPackage output."""

import hashlib
import json
import os
import shutil

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod, Transformer

from snowleopard_plugin.core import model
from snowleopard_plugin.core.exceptions import Cancelled, InputError, ParameterError
from snowleopard_plugin.core.feedback import Feedback
from snowleopard_plugin.core.season.build import build_season
from tests import paths

DATA = os.path.join(os.path.dirname(__file__), "..", "data", "vector")
REAL = str(paths.REAL)
GARMIN = os.path.join(DATA, "garmin_etrex_group2.gpx")
NGW = os.path.join(DATA, "ngw_signs_export.geojson")

# the Garmin fixture's fixes, by segment (lon, lat)
SEG1 = [(87.9, 49.9), (87.901, 49.901), (87.9025, 49.902)]
SEG2 = [(87.92, 49.91), (87.921, 49.911), (87.9215, 49.9125)]


def read(path, layer):
    return gpd.read_file(path, layer=layer)


def utm_length_m(points, epsg=32645):
    t = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    x, y = t.transform([p[0] for p in points], [p[1] for p in points])
    return float(np.hypot(np.diff(x), np.diff(y)).sum())


def test_garmin_gpx_season(tmp_path):
    out = str(tmp_path / "season.gpkg")
    result = build_season(routes=[GARMIN], output=out)
    assert result["epsg"] == 32645  # 87.9°E: UTM 45N
    assert (result["routes"], result["observations"]) == (1, 2)
    routes = read(out, "routes")
    assert list(routes.columns[:-1]) == model.field_names(model.ROUTES)
    row = routes.iloc[0]
    # planimetric length in UTM, the 1.4 km gap between the segments not walked
    expected = (utm_length_m(SEG1) + utm_length_m(SEG2)) / 1000.0
    assert row["length_km"] == pytest.approx(expected, rel=1e-9)
    geod = Geod(ellps="WGS84")
    geodesic = sum(geod.line_length([p[0] for p in s], [p[1] for p in s]) for s in (SEG1, SEG2)) / 1000.0
    assert row["length_km"] == pytest.approx(geodesic, rel=5e-3)
    assert row["team"] == "2" and row["date"] == "2024-02-14"
    assert (row["start_time"], row["end_time"]) == ("2024-02-14T04:00:00Z", "2024-02-14T05:36:30Z")
    assert row["n_points"] == 6 and row["source"] == "garmin_etrex_group2.gpx"
    assert row["surface_km"] is None or np.isnan(row["surface_km"])
    geom = routes.geometry.iloc[0]
    assert geom.geom_type == "MultiLineString" and len(geom.geoms) == 2 and geom.has_z
    assert routes.crs.to_epsg() == 32645
    obs = read(out, "observations")
    assert sorted(obs["obs_type"]) == ["scrape", "track"]
    assert set(obs["route_id"]) == {row["route_id"]}  # the file's only route
    val = read(out, "validation")
    assert list(val["problem"]) == ["unknown_type"]
    assert "Лагерь" in val["detail"].iloc[0]


def _write_gpx(path, lonlat, seconds):
    start = np.datetime64("2024-02-20T04:00:00", "s")
    pts = "".join(f'<trkpt lat="{lat:.10f}" lon="{lon:.10f}"><time>{start + np.timedelta64(int(s), "s")}Z</time>'
                  f"</trkpt>" for (lon, lat), s in zip(lonlat, seconds))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Garmin" '
                    'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>team 7</name><trkseg>'
                    f"{pts}</trkseg></trk></gpx>", encoding="utf-8")


def test_gps_jump_is_removed_and_flagged_at_its_place(tmp_path):
    # walker at 1 m/s along UTM x, a fix every 10 s; fix 9 is thrown 400 m north
    to_ll = Transformer.from_crs("EPSG:32645", "EPSG:4326", always_xy=True)
    n = 20
    x = 600000.0 + 10.0 * np.arange(n)
    y = np.full(n, 5530000.0)
    y[8] += 400.0
    lon, lat = to_ll.transform(x, y)
    gpx = tmp_path / "jump.gpx"
    _write_gpx(gpx, list(zip(lon, lat)), 10 * np.arange(n))
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[str(gpx)], output=out, crs="EPSG:32645")
    routes = read(out, "routes")
    assert routes["length_km"].iloc[0] == pytest.approx(10.0 * (n - 1) / 1000.0, abs=1e-6)
    assert routes["n_points"].iloc[0] == n - 1
    val = read(out, "validation")
    jumps = val[val["problem"] == "gps_jump"]
    assert len(jumps) == 1 and jumps["action"].iloc[0] == "fixed"
    place = jumps.geometry.iloc[0]
    assert place.x == pytest.approx(x[8], abs=0.01) and place.y == pytest.approx(y[8], abs=0.01)


def test_utm_shapefile_length_and_dem_surface(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    from osgeo import ogr, osr
    from rasterio.transform import from_origin

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    shp = str(tmp_path / "transect.shp")
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(shp)
    layer = ds.CreateLayer("transect", srs, ogr.wkbLineString)
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING (600000 5530000, 600300 5530400)"))
    layer.CreateFeature(f)
    ds = None
    # DEM z = 0.1 * (y - 5529000): the 3-4-5 line climbs 40 m over 500 m
    y0 = 5531000.0
    rows = np.arange(200)
    ys = y0 - (rows + 0.5) * 10.0
    z = np.tile((0.1 * (ys - 5529000.0))[:, None], (1, 200)).astype("float32")
    dem = str(tmp_path / "dem.tif")
    with rasterio.open(dem, "w", driver="GTiff", width=200, height=200, count=1, dtype="float32",
                       crs="EPSG:32645", transform=from_origin(599500.0, y0, 10.0, 10.0)) as dst:
        dst.write(z, 1)
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[shp], output=out, dem=dem)
    row = read(out, "routes").iloc[0]
    assert row["length_km"] == pytest.approx(0.5, abs=1e-6)
    assert row["surface_km"] == pytest.approx(np.hypot(500.0, 40.0) / 1000.0, rel=1e-6)


def test_validation_rules_across_files(tmp_path):
    bad = tmp_path / "points.geojson"
    bad.write_text("""{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"type": "scat", "date": "2024-02-14T06:00:00"},
  "geometry": {"type": "Point", "coordinates": [187.9, 49.9]}},
 {"type": "Feature", "properties": {"type": "scat", "date": "2024-02-14T06:10:00"},
  "geometry": {"type": "Point", "coordinates": [49.905, 87.905]}},
 {"type": "Feature", "properties": {"type": "scat", "date": "2024-02-14T06:20:00"},
  "geometry": {"type": "Point", "coordinates": [90.0, 49.9]}},
 {"type": "Feature", "properties": {"type": "scrape", "date": "2024-02-14T07:00:00"},
  "geometry": {"type": "Point", "coordinates": [87.9011, 49.9011]}},
 {"type": "Feature", "properties": {"type": "scrape", "date": "2024-02-14T07:00:00"},
  "geometry": {"type": "Point", "coordinates": [87.9011, 49.9011]}},
 {"type": "Feature", "properties": {"type": "track"},
  "geometry": {"type": "Point", "coordinates": [87.9012, 49.9013]}},
 {"type": "Feature", "properties": {"name": "stub"},
  "geometry": {"type": "LineString", "coordinates": [[87.9, 49.9], [87.9, 49.9]]}}
]}""", encoding="utf-8")
    copy = tmp_path / "copy_of_garmin.gpx"
    shutil.copy(GARMIN, copy)
    out = str(tmp_path / "s.gpkg")
    result = build_season(routes=[GARMIN, str(copy)], observations=[str(bad), NGW], output=out)
    val = read(out, "validation")
    problems = val.groupby("problem")["action"].apply(list).to_dict()
    assert problems["coordinates_out_of_range"] == ["rejected"]
    assert problems["latlon_swapped"] == ["fixed"]
    assert problems["far_outside_extent"] == ["flagged"]  # 90°E is ~150 km east of the rest
    assert problems["duplicate_point"] == ["flagged"]
    assert problems["duplicate_file"] == ["rejected"]
    assert problems["missing_date"] == ["flagged"]
    assert problems["invalid_geometry"] == ["rejected"]
    assert result["routes"] == 1  # the copy skipped, the stub rejected
    obs = read(out, "observations")
    # 2 Garmin + 3 NGW + 6 of 7 points (out-of-range one rejected); far, duplicate, undated ones kept
    assert len(obs) == 2 + 3 + 5
    # the swapped point lands where it belongs
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32645", always_xy=True)
    sx, sy = to_utm.transform(87.905, 49.905)
    assert np.min(np.hypot(obs.geometry.x - sx, obs.geometry.y - sy)) < 0.01
    swapped_row = val[val["problem"] == "latlon_swapped"].geometry.iloc[0]
    assert swapped_row.x == pytest.approx(sx, abs=0.01)
    # validation rows without a place have no geometry
    dup = val[val["problem"] == "duplicate_file"]
    assert dup.geometry.iloc[0] is None and dup["source"].iloc[0] == "copy_of_garmin.gpx"


def test_a_whole_table_of_swapped_signs_next_to_a_short_track(tmp_path):
    """Columns 'lat'/'lon' filled the wrong way round in a sign table (decimal commas, ';'): the GPS track
    (a geometry file, which cannot be swapped) gives the area, so every sign is swapped back, even though
    the signs are as many as the track's fixes; alone, without the track, latitude 88° (polar) gives it away."""
    gpx = tmp_path / "track.gpx"
    gpx.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>r</name><trkseg>
<trkpt lat="49.90" lon="88.45"><time>2026-02-20T03:00:00Z</time></trkpt>
<trkpt lat="49.905" lon="88.46"><time>2026-02-20T03:30:00Z</time></trkpt>
<trkpt lat="49.91" lon="88.47"><time>2026-02-20T04:00:00Z</time></trkpt>
</trkseg></trk></gpx>""", encoding="utf-8")
    signs = tmp_path / "signs.csv"
    signs.write_text("date;lat;lon;type\n20.02.2026;88,4512;49,9012;след\n20.02.2026;88,4612;49,9112;след\n"
                     "20.02.2026;88,4652;49,9052;след\n", encoding="utf-8")
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32645", always_xy=True)
    expected = np.array(to_utm.transform([88.4512, 88.4612, 88.4652], [49.9012, 49.9112, 49.9052])).T
    for routes, name in (([str(gpx)], "with_track.gpkg"), ([], "alone.gpkg")):
        out = str(tmp_path / name)
        build_season(routes=routes, observations=[str(signs)], output=out)
        val = read(out, "validation")
        assert list(val.loc[val["problem"] == "latlon_swapped", "action"]) == ["fixed"] * 3, name
        assert "far_outside_extent" not in set(val["problem"])
        obs = read(out, "observations")
        assert obs.crs.to_epsg() == 32645
        got = np.sort(np.column_stack([obs.geometry.x, obs.geometry.y]), axis=0)
        assert np.allclose(got, np.sort(expected, axis=0), atol=0.01)


def _csv_signs(path, points, swapped=False):
    rows = [f"2026-02-20,{lat if not swapped else lon},{lon if not swapped else lat},track" for lon, lat in points]
    path.write_text("date,lat,lon,type\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def _gpx_track(path, points):
    fixes = "".join(f'<trkpt lat="{lat}" lon="{lon}"><time>2026-02-20T03:{i:02d}:00Z</time></trkpt>'
                    for i, (lon, lat) in enumerate(points))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="t" '
                    'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>' + fixes + "</trkseg></trk></gpx>",
                    encoding="utf-8")
    return str(path)


def test_swapped_table_west_of_84_east_is_swapped_back_next_to_a_gps_track(tmp_path):
    """Pamir-Alay (72°E, 39°N): swapped, the signs would sit at 39°E 72°N, a valid place, so only the GPS track
    can tell; 40 swapped signs against a 3-fix track: the signs are swapped back, the track is not touched."""
    rng = np.random.default_rng(1)
    signs = [(72.0 + rng.uniform(-0.1, 0.1), 39.0 + rng.uniform(-0.1, 0.1)) for _ in range(40)]
    track = [(72.0, 39.0), (72.01, 39.005), (72.02, 39.01)]
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[_gpx_track(tmp_path / "t.gpx", track)],
                 observations=[_csv_signs(tmp_path / "signs.csv", signs, swapped=True)], output=out)
    val = read(out, "validation")
    assert (val["problem"] == "latlon_swapped").sum() == 40
    assert set(val.loc[val["problem"] == "latlon_swapped", "source"]) == {"signs.csv"}
    obs = read(out, "observations").to_crs(4326)
    assert obs.crs and np.allclose(sorted(obs.geometry.x), sorted(p[0] for p in signs), atol=1e-9)


def test_correct_table_is_not_swapped_to_fit_a_swapped_geojson(tmp_path):
    """A GeoJSON written [lat, lon] (a spreadsheet export) is not a GPS file: it cannot pull 40 correct signs
    to the Arctic; its own 3 points are the ones swapped back (the majority sets the area)."""
    rng = np.random.default_rng(2)
    signs = [(77.3 + rng.uniform(-0.1, 0.1), 33.9 + rng.uniform(-0.1, 0.1)) for _ in range(40)]
    cams = tmp_path / "cams.geojson"
    features = [{"type": "Feature", "properties": {"station_id": f"C{i}"},
                 "geometry": {"type": "Point", "coordinates": [lat, lon]}}  # written [lat, lon]
                for i, (lon, lat) in enumerate([(77.31, 33.91), (77.32, 33.92), (77.28, 33.88)])]
    cams.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[_csv_signs(tmp_path / "signs.csv", signs)], cameras=[str(cams)], output=out)
    val = read(out, "validation")
    swapped = val[val["problem"] == "latlon_swapped"]
    assert len(swapped) == 3 and set(swapped["source"]) == {"cams.geojson"}
    assert read(out, "observations").crs.to_epsg() == 32643


def test_short_track_does_not_flag_signs_spread_over_the_reserve(tmp_path):
    """One 3 km track at the west end of a 120 km reserve and 60 correct signs over the reserve: no sign is
    swapped and none is flagged far away (the far check uses the whole season's area)."""
    rng = np.random.default_rng(3)
    signs = [(88.0 + rng.uniform(0.0, 1.6), 49.9 + rng.uniform(-0.1, 0.1)) for _ in range(60)]
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[_gpx_track(tmp_path / "t.gpx", [(88.0, 49.9), (88.02, 49.905), (88.04, 49.91)])],
                 observations=[_csv_signs(tmp_path / "signs.csv", signs)], output=out)
    val = read(out, "validation")
    assert not set(val["problem"]) & {"latlon_swapped", "far_outside_extent"}


def _gpx_text(fixes, times=None, extra=""):
    points = "".join(f'<trkpt lat="{lat}" lon="{lon}">' + (f"<time>{times[i]}</time>" if times else "") + "</trkpt>"
                     for i, (lon, lat) in enumerate(fixes))
    return ('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="t" '
            'xmlns="http://www.topografix.com/GPX/1/1">' + extra + "<trk><trkseg>" + points + "</trkseg></trk></gpx>")


def test_truncated_gpx_is_named_not_dropped(tmp_path):
    n = 3000  # long enough that GDAL opens it and fails only while reading the fixes
    text = _gpx_text([(88.45 + 0.00001 * i, 49.9) for i in range(n)],
                     [f"2026-02-20T{3 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z" for i in range(n)])
    text = text.replace("<trkpt", "\n<trkpt")
    cut = tmp_path / "cut.gpx"
    cut.write_text(text[: int(len(text) * 0.6)], encoding="utf-8")  # a copy interrupted
    good = tmp_path / "good.gpx"
    good.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="cut.gpx.*cut short"):
        build_season(routes=[str(good), str(cut)], output=str(tmp_path / "s.gpkg"))
    assert not os.path.exists(tmp_path / "s.gpkg")


def test_gpx_times_with_an_offset_are_converted_to_utc(tmp_path):
    """GPSLogger writes local times with their offset: 06:30+07:00 on 24 Feb is 23:30 UTC on the 23rd."""
    gpx = tmp_path / "gpslogger.gpx"
    gpx.write_text(_gpx_text([(88.45, 49.9), (88.46, 49.905), (88.47, 49.91)],
                             ["2026-02-24T06:30:00+07:00", "2026-02-24T07:00:00+07:00", "2026-02-24T07:30:00+07:00"]),
                   encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[str(gpx)], output=out)
    row = read(out, "routes").iloc[0]
    assert row["start_time"] == "2026-02-23T23:30:00Z" and row["end_time"] == "2026-02-24T00:30:00Z"


def test_planned_gpx_route_is_not_counted_as_walked(tmp_path):
    rte = ('<rte><name>plan</name><rtept lat="49.90" lon="88.40"/><rtept lat="49.95" lon="88.50"/></rte>')
    gpx = tmp_path / "walk_and_plan.gpx"
    gpx.write_text(_gpx_text([(88.45, 49.9), (88.46, 49.905)], ["2026-02-20T03:00:00Z", "2026-02-20T03:30:00Z"],
                             extra=rte), encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    result = build_season(routes=[str(gpx)], output=out)
    assert result["routes"] == 1
    routes = read(out, "routes")
    assert routes["length_km"].iloc[0] == pytest.approx(utm_length_m([(88.45, 49.9), (88.46, 49.905)]) / 1000,
                                                       rel=1e-6)
    val = read(out, "validation")
    assert "planned route" in " ".join(val["detail"])


def test_unclosed_quote_is_named_with_its_line(tmp_path):
    rows = [f"2{i}.02.2026;49.9{i};88.4{i};след;заметка {i}" for i in range(8)]
    rows[2] = '22.02.2026;49.92;88.42;след;"Белый камень'
    table = tmp_path / "signs.csv"
    table.write_text("Дата;Широта;Долгота;Тип;Примечание\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 4.*quote"):
        build_season(observations=[str(table)], output=str(tmp_path / "s.gpkg"))
    big = tmp_path / "big.csv"  # the same with thousands of rows: the csv module's own error, named
    big.write_text("Дата;Широта;Долгота;Тип;Примечание\n" + rows[2] + "\n" + "\n".join(rows * 600) + "\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="line 2.*quote"):
        build_season(observations=[str(big)], output=str(tmp_path / "s.gpkg"))


def test_hand_typed_dates_in_a_geojson_are_day_first(tmp_path):
    features = [{"type": "Feature", "properties": {"type": "track", "Дата": text},
                 "geometry": {"type": "Point", "coordinates": [88.45 + 0.001 * i, 49.9]}}
                for i, text in enumerate(["5.03.2026", "1.12.2025", "03/04/2026", "12.3.2026 14:20"])]
    path = tmp_path / "typed.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(path)], output=out)
    dates = sorted(read(out, "observations")["datetime"])
    assert dates == ["2025-12-01", "2026-03-05", "2026-03-12T14:20:00", "2026-04-03"]


def test_latitude_typo_is_rejected_not_swapped_to_the_pole(tmp_path):
    rows = ["date,lat,lon,type"] + [f"2026-02-20,49.9{i},88.4{i},track" for i in range(6)]
    rows.append("2026-02-21,149.95,88.36,track")  # 149.95 typed for 49.95
    table = tmp_path / "signs.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(table)], output=out)
    val = read(out, "validation")
    assert list(val["problem"]) == ["coordinates_out_of_range"] and list(val["action"]) == ["rejected"]
    assert len(read(out, "observations")) == 6


def test_a_tenth_of_rows_swapped_in_a_table_only_season_south_of_the_altai(tmp_path):
    """Sarychat-Ertash (78.5°E, 41.9°N): swapped, a row sits at 41.9°E 78.5°N, a valid place; with 4 of 40 rows
    swapped they used to widen the season's area themselves and stay, and the UTM zone came out wrong."""
    rng = np.random.default_rng(4)
    signs = [(78.5 + rng.uniform(-0.2, 0.2), 41.9 + rng.uniform(-0.1, 0.1)) for _ in range(40)]
    rows = [f"2026-02-20,{lat},{lon},track" if i % 10 else f"2026-02-20,{lon},{lat},track"
            for i, (lon, lat) in enumerate(signs)]
    table = tmp_path / "signs.csv"
    table.write_text("date,lat,lon,type\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    result = build_season(observations=[str(table)], output=out)
    assert result["epsg"] == 32644
    val = read(out, "validation")
    assert (val["problem"] == "latlon_swapped").sum() == 4


def test_web_mercator_given_for_a_table_reads_it_but_the_season_stays_in_utm(tmp_path):
    """A NextGIS Web export in EPSG:3857 (x, y columns): the CRS given reads it, but km are measured in the UTM
    zone, not in Web Mercator (55 % too long at 50°N)."""
    from pyproj import Transformer

    merc = Transformer.from_crs(4326, 3857, always_xy=True)
    track = [(88.45, 49.9), (88.46, 49.905), (88.47, 49.91)]
    gpx = tmp_path / "t.gpx"
    gpx.write_text(_gpx_text(track, ["2026-02-20T03:00:00Z", "2026-02-20T03:30:00Z", "2026-02-20T04:00:00Z"]),
                   encoding="utf-8")
    x, y = merc.transform(88.455, 49.902)
    table = tmp_path / "ngw.csv"
    table.write_text(f"x,y,type,date\n{x},{y},track,2026-02-20\n", encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    result = build_season(routes=[str(gpx)], observations=[str(table)], crs="EPSG:3857", output=out)
    assert result["epsg"] == 32645
    assert read(out, "routes")["length_km"].iloc[0] == pytest.approx(utm_length_m(track) / 1000, rel=1e-6)
    obs = read(out, "observations").to_crs(4326)
    assert obs.geometry.x.iloc[0] == pytest.approx(88.455, abs=1e-7)


def test_windows_1251_gpx_is_read(tmp_path):
    """OziExplorer and GPSBabel on a Russian Windows declare encoding="windows-1251", which GDAL's XML parser
    does not know: the track and its Cyrillic waypoint are read all the same, and the file is left as it was."""
    text = _gpx_text([(88.45, 49.9), (88.46, 49.905)], ["2026-02-20T03:00:00Z", "2026-02-20T03:30:00Z"],
                     extra='<wpt lat="49.902" lon="88.455"><name>Поскрёб ирбиса</name></wpt>')
    text = text.replace('encoding="UTF-8"', 'encoding="windows-1251"')
    gpx = tmp_path / "ozi.gpx"
    gpx.write_bytes(text.encode("cp1251"))
    before = gpx.read_bytes()
    out = str(tmp_path / "s.gpkg")
    result = build_season(routes=[str(gpx)], output=out)
    assert result["routes"] == 1 and result["observations"] == 1
    assert read(out, "observations")["obs_type"].iloc[0] == "scrape"
    assert gpx.read_bytes() == before and set(os.listdir(tmp_path)) == {"ozi.gpx", "s.gpkg"}


def test_utf8_table_whose_header_sample_cuts_a_letter_is_still_a_sign_table(tmp_path):
    """The first 8 KB of a table are read to sort it; when byte 8192 falls inside a Cyrillic letter the table is
    still recognised by its header, whatever list it is given in."""
    header = "Дата;Широта;Долгота;Тип следа;Примечание\n"
    row = "20.02.2026;49,90;88,45;след;свежий след у скалы\n"
    for pad in range(4):  # pad the first note until byte 8192 is the second byte of a two-byte letter
        raw = (header + row.replace("скалы", "скалы" + "x" * pad) + row * 399).encode("utf-8")
        if raw[8192] & 0xC0 == 0x80:
            break
    table = tmp_path / "signs.csv"
    table.write_bytes(raw)
    assert raw[8192] & 0xC0 == 0x80  # the cut falls inside a letter
    out = str(tmp_path / "s.gpkg")
    result = build_season(routes=[str(table)], output=out)  # given in the wrong list: sorted by its header
    assert result["observations"] == 400 and result["routes"] == 0


def test_column_n_is_not_read_as_a_count(tmp_path):
    table = tmp_path / "signs.csv"
    table.write_text("N,Date,Lat,Lon,Type\n1,2026-02-20,49.90,88.45,track\n2,2026-02-20,49.91,88.46,track\n"
                     "3,2026-02-20,49.92,88.47,scrape\n", encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(table)], output=out)
    assert list(read(out, "observations")["count"]) == [1, 1, 1]


def test_sign_type_phrasings_in_a_table_column(tmp_path):
    """A type column written as teams write it ("след ирбиса", "Поскрёб, свежий"): the same sign types as in
    GPX waypoint names, no row left as 'other'."""
    types = ["след ирбиса", "следы ирбиса", "Следовая дорожка ирбиса", "экскременты ирбиса",
             "мочевая метка на скале", "Поскрёб, свежий", "задавленный козерог"]
    table = tmp_path / "signs.csv"
    table.write_text("Дата;Широта;Долгота;Тип следа\n" + "\n".join(
        f"20.02.2026;49,9{i};88,4{i};{kind}" for i, kind in enumerate(types)) + "\n", encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(table)], output=out)
    assert list(read(out, "observations")["obs_type"]) == ["track", "track", "track", "scat", "scent_mark",
                                                          "scrape", "prey_remains"]


def test_point_files_given_as_cameras_are_stations(tmp_path):
    """Camera positions as teams record them: a NextGIS Collector GeoJSON with 'Номер', 'Установлена',
    'Снята', and GPX waypoints 'ФЛ-01'... marked where the cameras went. Given as cameras, they are stations
    (not signs), with the effort from the dates (15 Jan to 20 Mar: 64 nights)."""
    features = [{"type": "Feature", "properties": {"Номер": f"ФЛ-0{i}", "Установлена": "2026-01-15",
                                                   "Снята": "2026-03-20"},
                 "geometry": {"type": "Point", "coordinates": [88.45 + 0.01 * i, 49.9]}} for i in range(1, 4)]
    geojson = tmp_path / "cameras.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                       encoding="utf-8")
    waypoints = "".join(f'<wpt lat="49.95" lon="{88.45 + 0.01 * i}"><name>ФЛ-1{i}</name></wpt>' for i in range(3))
    gpx = tmp_path / "cameras.gpx"
    gpx.write_text('<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="t" '
                   'xmlns="http://www.topografix.com/GPX/1/1">' + waypoints + "</gpx>", encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    result = build_season(cameras=[str(geojson), str(gpx)], output=out)
    assert result["cameras"] == 6 and result["observations"] == 0
    cams = read(out, "cameras").sort_values("station_id")
    assert list(cams["station_id"]) == ["ФЛ-01", "ФЛ-02", "ФЛ-03", "ФЛ-10", "ФЛ-11", "ФЛ-12"]
    assert list(cams["trap_nights"][:3]) == [64.0, 64.0, 64.0]


def test_the_same_track_given_twice_is_walked_once(tmp_path):
    """Garmin's Current.gpx beside the archive copy of the same day (other metadata, same fixes): one route,
    and a row saying which copy was dropped; a different track of the same day stays."""
    fixes = [(88.45 + 0.001 * i, 49.9 + 0.0005 * i) for i in range(20)]
    times = [f"2026-02-20T03:{i:02d}:00Z" for i in range(20)]
    archive = tmp_path / "2026-02-20_gruppa2.gpx"
    archive.write_text(_gpx_text(fixes, times), encoding="utf-8")
    current = tmp_path / "Current.gpx"
    current.write_text(_gpx_text(fixes, times).replace("<trk>", "<trk><name>ACTIVE LOG</name>"), encoding="utf-8")
    other = tmp_path / "other.gpx"
    other.write_text(_gpx_text([(x + 0.01, y) for x, y in fixes], times), encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    result = build_season(routes=[str(archive), str(current), str(other)], output=out)
    assert result["routes"] == 2
    val = read(out, "validation")
    dropped = val[val["problem"] == "duplicate_route"]
    assert list(dropped["source"]) == ["Current.gpx"] and "2026-02-20_gruppa2.gpx" in dropped["detail"].iloc[0]


def test_degrees_and_minutes_in_separate_columns(tmp_path):
    """A paper field form typed up in cp1251: 'Широта град', 'Широта мин', 'Долгота град', 'Долгота мин'
    (decimal commas) are joined, not the degrees alone taken (110 km off)."""
    table = tmp_path / "forma.csv"
    table.write_bytes(("№;Дата;Широта град;Широта мин;Долгота град;Долгота мин;Тип следа\n"
                       "1;25.02.2026;49;57,074;88;21,165;след\n2;25.02.2026;49;57,271;88;21,416;поскрёб\n")
                      .encode("cp1251"))
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(table)], output=out)
    obs = read(out, "observations").to_crs(4326)
    assert np.allclose(obs.geometry.x, [88 + 21.165 / 60, 88 + 21.416 / 60], atol=1e-9)
    assert np.allclose(obs.geometry.y, [49 + 57.074 / 60, 49 + 57.271 / 60], atol=1e-9)


def test_implausible_count_is_flagged_not_stored(tmp_path):
    table = tmp_path / "signs.csv"
    table.write_text("date,lat,lon,type,count\n2026-02-20,49.90,88.45,track,2\n"
                     "2026-02-20,49.91,88.46,track,89131234567\n", encoding="utf-8")  # a phone number
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(table)], output=out)
    assert list(read(out, "observations")["count"]) == [2, 1]
    assert "89131234567" in " ".join(read(out, "validation")["detail"])


def test_undated_tracks_take_the_date_in_their_file_name_or_are_flagged(tmp_path):
    """Organic Maps and drawn lines carry no times: a date in the file name (the project's own naming) dates
    the route; without one the route is flagged (it counts, but in no date window)."""
    fixes = [(88.45, 49.9), (88.46, 49.905), (88.47, 49.91)]
    named = tmp_path / "2026-02-14_gruppa1_m01.gpx"
    named.write_text(_gpx_text(fixes), encoding="utf-8")
    bare = tmp_path / "organic.gpx"
    bare.write_text(_gpx_text([(x + 0.02, y) for x, y in fixes]), encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[str(named), str(bare)], output=out)
    routes = read(out, "routes").set_index("source")
    assert routes.loc["2026-02-14_gruppa1_m01.gpx", "date"] == "2026-02-14"
    assert pd.isna(routes.loc["organic.gpx", "date"])
    val = read(out, "validation")
    rows = val[val["problem"] == "missing_date"].set_index("source")["action"].to_dict()
    assert rows == {"2026-02-14_gruppa1_m01.gpx": "fixed", "organic.gpx": "flagged"}


def test_shapefile_in_cp1251_without_cpg(tmp_path):
    """A DBF written on a Russian Windows without a .cpg (and no code page mark): its Russian field names and
    values are read as cp1251, so types, dates and counts are found."""
    from osgeo import ogr, osr

    path = str(tmp_path / "signs.shp")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    layer = ds.CreateLayer("signs", srs, ogr.wkbPoint, options=["ENCODING=CP1251"])
    for name in ("тип", "дата", "количество"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for i, (kind, count) in enumerate((("след", "1"), ("поскрёб", "2"), ("помёт", "3"))):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, kind)
        feature.SetField(1, "05.03.2026")
        feature.SetField(2, count)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({88.45 + 0.01 * i} 49.9)"))
        layer.CreateFeature(feature)
    ds = None
    os.remove(str(tmp_path / "signs.cpg"))
    with open(tmp_path / "signs.dbf", "r+b") as handle:  # no language driver mark either
        handle.seek(29)
        handle.write(b"\x00")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[path], output=out)
    obs = read(out, "observations")
    assert list(obs["obs_type"]) == ["track", "scrape", "scat"]
    assert list(obs["count"]) == [1, 2, 3] and set(obs["datetime"]) == {"2026-03-05"}


def test_geodetic_x_northing_y_easting(tmp_path):
    """A table in UTM 45N written the Russian geodetic way (X = northing, Y = easting): read the right way round
    with a row saying so, not 5,800 km away."""
    table = tmp_path / "xy.csv"
    table.write_text("N;Дата;X;Y;Тип\n1;20.02.2026;5534084,8;597043,7;след\n2;20.02.2026;5534456,4;597337,4;след\n",
                     encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(observations=[str(table)], crs="EPSG:32645", output=out)
    obs = read(out, "observations")
    assert np.allclose(obs.geometry.x, [597043.7, 597337.4]) and np.allclose(obs.geometry.y, [5534084.8, 5534456.4])
    assert list(read(out, "validation")["problem"]) == ["latlon_swapped"]


def test_deployment_ending_before_it_starts_is_flagged(tmp_path):
    cams = tmp_path / "cams.csv"
    cams.write_text("station_id,lon,lat,deployment_start,deployment_end\n"
                    "C01,88.45,49.90,2026-01-19,2026-01-01\nC02,88.46,49.91,2026-01-19,2026-03-01\n",
                    encoding="utf-8")
    out = str(tmp_path / "s.gpkg")
    build_season(cameras=[str(cams)], output=out)
    val = read(out, "validation")
    rows = val[val["detail"].str.contains("ends", na=False)]
    assert len(rows) == 1 and "C01" in rows["detail"].iloc[0] and "2026-01-01" in rows["detail"].iloc[0]


def test_cameras_and_detections_with_unknown_station(tmp_path):
    cams = tmp_path / "cams.csv"
    cams.write_text("station_id,lon,lat,deployment_start,deployment_end\n"
                    "C1,87.90,49.90,2024-01-01,2024-02-01\nC2,87.95,49.92,2024-01-01,2024-01-21\n")
    dets = tmp_path / "dets.csv"
    dets.write_text("Station,Species,DateTimeOriginal,Individual\n"
                    "C1,Panthera uncia,2024-01-05 03:00:00,F1\nC9,Panthera uncia,2024-01-06 03:00:00,M2\n"
                    "C9,Panthera uncia,2024-01-07 03:00:00,M2\n")
    out = str(tmp_path / "s.gpkg")
    result = build_season(cameras=[str(cams)], detections=[str(dets)], output=out)
    assert (result["cameras"], result["detections"]) == (2, 3)
    cameras = read(out, "cameras").set_index("station_id")
    assert cameras.loc["C1", "trap_nights"] == pytest.approx(31)
    detections = read(out, "detections")
    located = detections[detections["station_id"] == "C1"].geometry.iloc[0]
    assert located.distance(cameras.loc["C1", "geometry"]) < 1e-6
    assert detections[detections["station_id"] == "C9"].geometry.isna().all()  # kept, no place
    val = read(out, "validation")
    unknown = val[val["problem"] == "unknown_station"]
    assert len(unknown) == 1 and "C9" in unknown["detail"].iloc[0] and "2" in unknown["detail"].iloc[0]


def test_tost_secr_files(tmp_path):
    out = str(tmp_path / "tost.gpkg")
    result = build_season(cameras=[os.path.join(REAL, "tost", "Tost_cams.csv")],
                          detections=[os.path.join(REAL, "tost", "Tost_capthist.csv")],
                          output=out, crs="EPSG:32647")
    assert result["epsg"] == 32647
    cameras = read(out, "cameras")
    assert len(cameras) == 41 and cameras["trap_nights"].sum() == pytest.approx(4324)
    assert {"Rgd", "Topo", "Water", "Winter"} <= set(cameras.columns)
    station = cameras.set_index("station_id").loc["TostSLT006"]
    assert (station.geometry.x, station.geometry.y) == (pytest.approx(632706.0195, abs=1e-3),
                                                       pytest.approx(4778936.777, abs=1e-3))
    detections = read(out, "detections")
    assert len(detections) == 99 and detections.geometry.notna().all()
    assert detections["station_id"].nunique() == 30 and detections["individual_id"].nunique() == 14
    assert set(detections["occasion"].dropna().astype(int)) <= set(range(1, 100))


def test_camtrap_dp_example(tmp_path):
    package = os.path.join(REAL, "camtrap-dp", "example", "datapackage.json")
    out = str(tmp_path / "ctdp.gpkg")
    result = build_season(cameras=[package], detections=[package], output=out)
    assert result["cameras"] == 4 and result["epsg"] == 32631  # Belgium, 4.7-5.7°E: UTM 31N
    detections = read(out, "detections")
    assert len(detections) > 0 and detections.geometry.notna().all()
    assert not (read(out, "validation")["problem"] == "duplicate_file").any()


class CancelAfter(Feedback):
    def __init__(self, calls):
        super().__init__()
        self.calls = calls

    def is_cancelled(self):
        self.calls -= 1
        return self.calls < 0


def _state(paths):
    return {p: (os.path.getmtime(p), hashlib.sha256(open(p, "rb").read()).hexdigest()) for p in paths}


def test_cancel_leaves_no_file_and_keeps_existing_output(tmp_path):
    counter = CancelAfter(10 ** 6)
    build_season(routes=[GARMIN], observations=[NGW], output=str(tmp_path / "probe.gpkg"), feedback=counter)
    checks = 10 ** 6 - counter.calls  # how often the assembler asks
    os.remove(tmp_path / "probe.gpkg")
    assert checks >= 4
    out = tmp_path / "season.gpkg"
    out.write_bytes(b"previous season")
    for calls in (0, checks // 2, checks - 1):  # before reading, midway, at the last check (while writing)
        with pytest.raises(Cancelled):
            build_season(routes=[GARMIN], observations=[NGW], output=str(out), feedback=CancelAfter(calls))
        assert out.read_bytes() == b"previous season"
        assert sorted(os.listdir(tmp_path)) == ["season.gpkg"]


def test_inputs_untouched_and_output_replaced(tmp_path):
    inputs = [GARMIN, NGW, os.path.join(DATA, "locus_otryad4.kml")]
    before = _state(inputs)
    out = tmp_path / "season.gpkg"
    out.write_bytes(b"old")
    result = build_season(routes=inputs[::2], observations=[NGW], output=str(out))
    assert _state(inputs) == before
    assert result["routes"] == 2
    assert sorted(os.listdir(tmp_path)) == ["season.gpkg"]
    assert read(str(out), "routes")["route_id"].is_unique


def test_unreadable_input_names_the_file_and_writes_nothing(tmp_path):
    out = tmp_path / "season.gpkg"
    with pytest.raises(InputError, match="truncated.gpx"):
        build_season(routes=[GARMIN, os.path.join(DATA, "truncated.gpx")], output=str(out))
    assert not out.exists() and os.listdir(tmp_path) == []


def test_empty_result_and_output_rules(tmp_path):
    camp = tmp_path / "camp.gpx"
    camp.write_text('<?xml version="1.0"?><gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1">'
                    '<wpt lat="49.9" lon="87.9"><name>Лагерь</name></wpt></gpx>')
    with pytest.raises(InputError, match="No usable feature"):
        build_season(observations=[str(camp)], output=str(tmp_path / "s.gpkg"))
    existing = tmp_path / "exists.gpkg"
    existing.write_bytes(b"x")
    with pytest.raises(ParameterError):
        build_season(routes=[GARMIN], output=str(existing), overwrite=False)
    with pytest.raises(ParameterError):
        build_season(routes=[GARMIN], output="")


def test_validation_detail_is_translated(tmp_path):
    out = str(tmp_path / "s.gpkg")
    build_season(routes=[GARMIN], output=out,
                 translate=lambda t: "Точка '{name}' не является следом." if t.startswith("Waypoint") else t)
    assert read(out, "validation")["detail"].tolist() == ["Точка 'Лагерь' не является следом."]
