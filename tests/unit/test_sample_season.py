"""Tests of the sample-season generator (scripts/make_sample_season.py).

The season is generated once into a temporary folder; the tests then read the
files back the way a user's tools would (GDAL/OGR, csv in cp1251, frictionless)
and check what a user would check. Numbers are compared with independent
computations (own coordinate parsing, own distances), not with the generator's
internals.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import math
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from scipy import ndimage
from scipy.spatial import cKDTree

from tests import paths
from tests.camtrap_validate import validate_camtrap as _validate_camtrap

gdal = pytest.importorskip("osgeo.gdal")
ogr = pytest.importorskip("osgeo.ogr")
osr = pytest.importorskip("osgeo.osr")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make_sample_season.py"
CAMTRAP_DIR = paths.CAMTRAP_DP
SEED = 2026

SIGN_CODES = {
    "след": "track", "тропа": "track", "поскрёб": "scrape", "поскреб": "scrape", "экскременты": "scat",
    "метка": "scent_mark", "мочевая метка": "scent_mark", "брачный крик": "mating_call", "голос": "mating_call",
    "визуальная встреча": "sighting", "остатки добычи": "prey_remains",
}
HEADERS = ["№", "Дата", "Время", "Широта", "Долгота", "Тип следа", "Кол-во", "Возраст", "Азимут", "Маршрут",
           "Группа", "Наблюдатель", "Примечание"]


def _load_module():
    spec = importlib.util.spec_from_file_location("make_sample_season", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_sample_season"] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def season(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "season"
    _load_module().generate(out, SEED)
    return out


@pytest.fixture(scope="module")
def truth(season) -> dict:
    return json.loads((season / "truth.json").read_text(encoding="utf-8"))


def _to_utm():
    wgs, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    utm.ImportFromEPSG(32645)
    for s in (wgs, utm):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(wgs, utm)


def _read_gpx(path: Path):
    """Track points via OGR: (lon, lat, ele, utc datetime, segment id)."""
    ds = ogr.Open(str(path))
    assert ds is not None and ds.GetDriver().GetName() == "GPX"
    lyr = ds.GetLayerByName("track_points")
    rows = []
    for f in lyr:
        g = f.GetGeometryRef()
        y, mo, d, h, mi, s, tz = f.GetFieldAsDateTime("time")
        assert tz == 100, "GPX times must be UTC (Z)"
        t = datetime(y, mo, d, h, mi, int(s)) + timedelta(seconds=s - int(s))
        rows.append((g.GetX(), g.GetY(), f.GetField("ele"), t, f.GetField("track_seg_id")))
    return rows


@pytest.fixture(scope="module")
def tracks(season):
    """file name -> dict(name, points (UTM n x 2), times, segs, creator)."""
    tr = _to_utm()
    out = {}
    for p in sorted((season / "tracks").glob("*.gpx")):
        ds = ogr.Open(str(p))
        names = [f.GetField("name") for f in ds.GetLayerByName("tracks")]
        pts = _read_gpx(p)
        xy = np.array([tr.TransformPoint(lon, lat)[:2] for lon, lat, *_ in pts])
        creator = re.search(r'creator="([^"]+)"', p.read_text(encoding="utf-8")[:2000]).group(1)
        out[p.name] = {"names": names, "xy": xy, "t": [r[3] for r in pts], "ele": np.array([r[2] for r in pts]),
                       "seg": np.array([r[4] for r in pts]), "creator": creator}
    return out


# ---------------------------------------------------------------- DEM
def test_dem_grid_crs_and_range(season):
    ds = gdal.Open(str(season / "dem.tif"))
    assert (ds.RasterXSize, ds.RasterYSize) == (1000, 1000)
    gt = ds.GetGeoTransform()
    assert gt[1] == 30.0 and gt[5] == -30.0
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    assert srs.GetAuthorityCode(None) == "32645"
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Float32
    assert band.GetNoDataValue() == -9999
    assert band.GetBlockSize() != [1000, 1]  # tiled
    assert ds.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION") == "DEFLATE"
    z = band.ReadAsArray()
    assert 1700 < z.min() < 1950 and 3650 < z.max() < 3900
    # the block is centred near 88.5 E 49.9 N
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(srs, wgs).TransformPoint(gt[0] + 15000, gt[3] - 15000)
    assert abs(lon - 88.5) < 0.05 and abs(lat - 49.9) < 0.05


def test_dem_is_rugged(season):
    z = gdal.Open(str(season / "dem.tif")).ReadAsArray().astype(float)

    def slope_deg(a):
        gy, gx = np.gradient(a, 30.0)
        return np.degrees(np.arctan(np.hypot(gx, gy)))

    rugged = slope_deg(z)
    smooth = slope_deg(ndimage.gaussian_filter(z, 1000.0 / 30.0))  # same relief, detail removed
    assert rugged.std() > 2.0 * smooth.std()
    assert np.percentile(rugged, 95) > 30.0  # cliffs and steep slopes exist
    # relief inside 1 km windows: real mountains, not a gentle bump
    local_relief = ndimage.maximum_filter(z, 33) - ndimage.minimum_filter(z, 33)
    assert np.median(local_relief) > 250.0


# ---------------------------------------------------------------- tracks
def test_tracks_files_teams_and_names(tracks, truth):
    assert 14 <= len(tracks) <= 18
    teams = set()
    for fname, trk in tracks.items():
        m = re.fullmatch(r"(2026-\d\d-\d\d)_gruppa([1-4])_m(\d\d)\.gpx", fname)
        assert m, fname
        assert trk["names"] == [f"Маршрут {m.group(3)} группа {m.group(2)}"]
        teams.add(m.group(2))
        day = datetime.strptime(m.group(1), "%Y-%m-%d")
        assert datetime(2026, 2, 14) <= day <= datetime(2026, 3, 31)
        assert trk["t"][0].date() == day.date()  # route-day: the file date is the walk date
    assert teams == {"1", "2", "3", "4"}
    creators = [t["creator"] for t in tracks.values()]
    assert creators.count("GPSMAP 66s") >= len(tracks) // 2
    assert any(c.startswith("OsmAnd~ 4.6") for c in creators)
    assert any(t["seg"].max() == 1 for t in tracks.values())  # one track split by a pause


def test_track_times_are_utc_z_and_monotonic(season, tracks):
    for fname, trk in tracks.items():
        text = (season / "tracks" / fname).read_text(encoding="utf-8")
        times = re.findall(r"<time>([^<]+)</time>", text)
        assert times and all(t.endswith("Z") for t in times)
        dt = np.diff([t.timestamp() for t in trk["t"]])
        assert (dt > 0).all(), fname
        # start in the morning local time (UTC+7)
        assert 7 <= (trk["t"][0] + timedelta(hours=7)).hour <= 11


def test_track_lengths_speeds_and_the_gps_jump(tracks, truth, season):
    z = gdal.Open(str(season / "dem.tif")).ReadAsArray()
    gt = gdal.Open(str(season / "dem.tif")).GetGeoTransform()
    jumpy = []
    for fname, trk in tracks.items():
        xy, t = trk["xy"], np.array([x.timestamp() for x in trk["t"]])
        step = np.hypot(*np.diff(xy, axis=0).T)
        dt = np.diff(t)
        v = step / dt * 3.6
        if (v > 40).any():
            dev = np.hypot(*(xy[1:-1] - (xy[:-2] + xy[2:]) / 2).T)  # distance of a point from its neighbours
            jumpy.append((fname, int(np.argmax(dev)) + 1))
            continue
        length_km = step.sum() / 1000.0
        assert 5.0 <= length_km <= 25.0, (fname, length_km)
        moving = v > 0.8
        mv = step[moving].sum() / dt[moving].sum() * 3.6
        assert 1.5 <= mv <= 3.6, (fname, mv)
        # points every 5-20 s (Garmin) or by distance (phones)
        if trk["creator"] == "GPSMAP 66s":
            same_seg = np.diff(trk["seg"]) == 0
            assert dt[same_seg].min() >= 5 and dt[same_seg].max() <= 20
        # <ele> is the DEM elevation plus a few metres of noise
        col = ((xy[:, 0] - gt[0]) / 30).astype(int)
        row = ((gt[3] - xy[:, 1]) / 30).astype(int)
        assert np.median(np.abs(trk["ele"] - z[row, col])) < 30
    assert len(jumpy) == 1
    fname, k = jumpy[0]
    assert fname == truth["defects"]["gps_jump"]["file"]
    assert k == truth["defects"]["gps_jump"]["point_index"]
    xy = tracks[fname]["xy"]
    off = np.hypot(*(xy[k] - (xy[k - 1] + xy[k + 1]) / 2))
    assert 1700 < off < 2300  # one bad fix ~2 km off, then back
    rest = np.delete(xy, k, axis=0)
    assert np.hypot(*np.diff(rest, axis=0).T).max() < 100


def test_sign_waypoints_in_one_file(season, truth):
    found = {}
    for p in (season / "tracks").glob("*.gpx"):
        ds = ogr.Open(str(p))  # keep the dataset alive while its layer is read
        names = [f.GetField("name") for f in ds.GetLayerByName("waypoints")]
        if names:
            found[p.name] = names
    assert found == {truth["defects"]["waypoints_file"]: ["след", "поскрёб"]}


def test_unwalked_high_ridges_leave_gaps(tracks, truth, season):
    z = gdal.Open(str(season / "dem.tif")).ReadAsArray()
    gt = gdal.Open(str(season / "dem.tif")).GetGeoTransform()
    tree = cKDTree(np.vstack([t["xy"] for t in tracks.values()]))
    assert len(truth["unwalked_ridges"]) >= 2
    for ridge in truth["unwalked_ridges"]:
        line = np.array(ridge["line"])
        d, _ = tree.query(line)
        assert (d > 1000).mean() > 0.7, ridge["crest"]
        col = ((line[:, 0] - gt[0]) / 30).astype(int)
        row = ((gt[3] - line[:, 1]) / 30).astype(int)
        crest_z = [z[r - 3:r + 4, c - 3:c + 4].max() for r, c in zip(row, col)]
        assert np.median(crest_z) > 2400, ridge["crest"]
    on_unwalked = [c for c in truth["centres"] if c["on_unwalked_ridge"]]
    assert 5 <= len(truth["centres"]) <= 7 and len(on_unwalked) >= 2
    assert all(c["elevation_m"] > 2600 for c in truth["centres"])


# ---------------------------------------------------------------- signs.csv
def _coord(text: str) -> float:
    """Independent parser for the volunteers' coordinate formats."""
    m = re.fullmatch(r"(\d+)[ °](\d+(?:,\d+)?)'?", text)
    if m:
        return int(m.group(1)) + float(m.group(2).replace(",", ".")) / 60.0
    assert re.fullmatch(r"\d+,\d+", text), text
    return float(text.replace(",", "."))


@pytest.fixture(scope="module")
def sign_rows(season):
    raw = (season / "signs.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1251")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    return rows[0], rows[1:]


def test_signs_csv_format_and_counts(sign_rows, truth):
    header, rows = sign_rows
    assert header == HEADERS
    assert 80 <= len(rows) <= 200
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    codes = [SIGN_CODES[r[5]] for r in rows]
    counts = {c: codes.count(c) for c in set(codes)}
    assert counts["sighting"] == 1
    assert {"track", "scrape", "scat", "scent_mark", "mating_call", "prey_remains"} <= set(counts)
    assert counts == truth["signs"]["by_type"]
    styles = {"dm" if re.search(r"[ °]", r[3]) else "dd" for r in rows}
    assert styles == {"dd", "dm"}  # both decimal degrees and degrees + decimal minutes
    for r, code in zip(rows, codes):
        assert r[7] in ({"", } if code in ("mating_call", "sighting") else {"свежий", "старый"})
        if code == "mating_call":
            assert 0 <= int(r[8]) < 360
        else:
            assert r[8] == ""
        assert re.fullmatch(r"группа [1-4]", r[10]) and re.fullmatch(r"\d\d", r[9])
        assert re.fullmatch(r"\d\d:\d\d", r[2])


def test_signs_defects_are_the_documented_ones(sign_rows, truth):
    _, rows = sign_rows
    no_date = [int(r[0]) for r in rows if r[1] == ""]
    assert no_date == [truth["defects"]["signs_empty_date_row"]]
    swapped = [int(r[0]) for r in rows if _coord(r[3]) > 80 and _coord(r[4]) < 60]
    assert swapped == [truth["defects"]["signs_swapped_latlon_row"]]
    for r in rows:
        if int(r[0]) not in swapped:
            assert 49.7 < _coord(r[3]) < 50.1 and 88.2 < _coord(r[4]) < 88.8


def test_signs_lie_on_the_walked_tracks_at_walking_time(sign_rows, tracks, truth):
    _, rows = sign_rows
    tr = _to_utm()
    by_route = {re.search(r"_m(\d\d)\.gpx", f).group(1): t for f, t in tracks.items()}
    checked = 0
    for r in rows:
        if int(r[0]) == truth["defects"]["signs_swapped_latlon_row"]:
            continue
        trk = by_route[r[9]]
        x, y, _ = tr.TransformPoint(_coord(r[4]), _coord(r[3]))
        d = np.hypot(trk["xy"][:, 0] - x, trk["xy"][:, 1] - y)
        code = SIGN_CODES[r[5]]
        if code == "mating_call":  # heard at night from the camp where the route started
            assert d[0] < 50
        else:
            # within ~30 m of the walked line; the recorded track adds GPS noise and 5-20 s gaps
            assert d.min() < 45, r
        if r[1]:
            local = datetime.strptime(f"{r[1]} {r[2]}", "%d.%m.%Y %H:%M")
            utc = local - timedelta(hours=7)
            start, end = trk["t"][0], trk["t"][-1]
            if code == "mating_call":
                assert utc > end and local.hour >= 20
            else:
                assert start - timedelta(minutes=1) <= utc <= end + timedelta(minutes=1)
                # ...and the track passed near the sign at about that time
                k = int(np.argmin(np.abs(np.array([(t - utc).total_seconds() for t in trk["t"]]))))
                assert d[k] < 200
        checked += 1
    assert checked == len(rows) - 1


def test_signs_concentrate_near_home_range_centres(sign_rows, tracks, truth):
    _, rows = sign_rows
    tr = _to_utm()
    centres = np.array([[c["x"], c["y"]] for c in truth["centres"]])
    sign_xy = []
    for r in rows:
        if int(r[0]) == truth["defects"]["signs_swapped_latlon_row"] or SIGN_CODES[r[5]] == "mating_call":
            continue
        sign_xy.append(tr.TransformPoint(_coord(r[4]), _coord(r[3]))[:2])
    d_signs = cKDTree(centres).query(np.array(sign_xy))[0]
    d_track = cKDTree(centres).query(np.vstack([t["xy"][::20] for t in tracks.values()]))[0]
    # signs sit much closer to the cats' centres than the walked line does on average
    assert np.median(d_signs) < 0.6 * np.median(d_track)


# ---------------------------------------------------------------- camera traps
def test_camtrap_package_validates_against_official_schemas(season, tmp_path):
    desc = json.loads((season / "camtrap" / "datapackage.json").read_text(encoding="utf-8"))
    url = "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0.2/"
    assert desc["profile"] == url + "camtrap-dp-profile.json"
    assert {r["name"]: r["schema"] for r in desc["resources"]} == {
        n: f"{url}{n}-table-schema.json" for n in ("deployments", "media", "observations")}
    assert _validate_camtrap(season / "camtrap", tmp_path) == []


def test_camtrap_validator_catches_a_broken_package(season, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(season / "camtrap", broken)
    obs = (broken / "observations.csv").read_text(encoding="utf-8")
    (broken / "observations.csv").write_text(obs.replace(",female,", ",F,", 1), encoding="utf-8")
    assert _validate_camtrap(broken, tmp_path / "v") != []


def test_camtrap_content(season, truth):
    read = lambda n: list(csv.DictReader((season / "camtrap" / n).open(encoding="utf-8")))  # noqa: E731
    deps, obs = read("deployments.csv"), read("observations.csv")
    assert 24 <= len(deps) <= 36
    nights = {}
    for d in deps:
        assert d["deploymentStart"].endswith("+07:00") and d["deploymentEnd"].endswith("+07:00")
        s, e = datetime.fromisoformat(d["deploymentStart"]), datetime.fromisoformat(d["deploymentEnd"])
        assert datetime(2026, 1, 1).date() <= s.date() and e.date() <= datetime(2026, 4, 30).date()
        nights[d["deploymentID"]] = (e - s).total_seconds() / 86400
    short = [k for k, v in nights.items() if v < 45]
    assert 1 <= len(short) <= 2 and all(v > 70 for k, v in nights.items() if k not in short)
    species = {o["scientificName"] for o in obs if o["observationType"] == "animal"}
    assert species == {"Panthera uncia", "Capra sibirica", "Ovis ammon", "Vulpes vulpes"}
    assert {"blank", "human"} <= {o["observationType"] for o in obs}
    sl = [o for o in obs if o["scientificName"] == "Panthera uncia"]
    ids = {o["individualID"] for o in sl if o["individualID"]}
    assert 6 <= len(ids) <= 10 and all(re.fullmatch(r"SL-\d\d", i) for i in ids)
    assert any(not o["individualID"] for o in sl)  # some photos too poor to identify
    for o in obs:
        assert datetime.fromisoformat(o["eventStart"]) <= datetime.fromisoformat(o["eventEnd"])
    # detections decay with distance to the individual's home-range centre
    tr = _to_utm()
    st = {d["deploymentID"]: tr.TransformPoint(float(d["longitude"]), float(d["latitude"]))[:2] for d in deps}
    centre_of = {i["id"]: i["centre"] for i in truth["individuals"]}
    cxy = {c["id"]: (c["x"], c["y"]) for c in truth["centres"]}
    d_det, d_all = [], []
    for o in sl:
        if o["individualID"]:
            c = cxy[centre_of[o["individualID"]]]
            d_det.append(math.dist(st[o["deploymentID"]], c))
    for i in ids:
        c = cxy[centre_of[i]]
        d_all += [math.dist(p, c) for p in st.values()]
    assert np.median(d_det) < 4000 and np.median(d_det) < 0.5 * np.median(d_all)


# ---------------------------------------------------------------- access points, truth
def test_access_points_in_valleys(season):
    rows = list(csv.DictReader((season / "access.csv").open(encoding="utf-8")))
    assert 3 <= len(rows) <= 5
    assert all(re.search("[А-Яа-я]", r["name"]) for r in rows)
    ds = gdal.Open(str(season / "dem.tif"))
    z, gt = ds.ReadAsArray(), ds.GetGeoTransform()
    tr = _to_utm()
    for r in rows:
        x, y, _ = tr.TransformPoint(float(r["longitude"]), float(r["latitude"]))
        row, col = int((gt[3] - y) / 30), int((x - gt[0]) / 30)
        around = z[max(row - 50, 0):row + 51, max(col - 50, 0):col + 51]
        assert z[row, col] < np.percentile(around, 25)  # low in its 3 km surroundings


# ---------------------------------------------------------------- reproducibility
def test_same_seed_gives_identical_files(season, tmp_path):
    again = tmp_path / "again"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(again), "--seed", str(SEED)],
                   check=True, capture_output=True, cwd=str(tmp_path), timeout=300)
    files_a = sorted(p.relative_to(season) for p in season.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (season / rel).read_bytes() == (again / rel).read_bytes(), rel
