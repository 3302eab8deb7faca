"""Camtrap DP export: the sample season and the standard's example package validate and round-trip."""

from __future__ import annotations

import csv
import json
import os
from collections import Counter

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.exports.camtrapdp import export_camtrapdp
from snowleopard_plugin.core.io.camtrapdp import read_camtrapdp
from snowleopard_plugin.core.io.text import iso_to_datetime
from snowleopard_plugin.core.validation import IssueLog
from tests import paths
from tests.camtrap_validate import validate_camtrap

SAMPLE_PACKAGE = paths.SAMPLE / "camtrap" / "datapackage.json"
EXAMPLE_PACKAGE = paths.CAMTRAP_DP / "example" / "datapackage.json"


def need(path):
    if not os.path.exists(path):
        pytest.fail(f"test data missing: {path} (the sample season comes from `make sample`, "
                    "the real data from tests/data/real/)", pytrace=False)
    return str(path)


def detection_keys(frame):
    """What an analyst compares: station, instant (UTC), species, individual, sex, count."""
    out = Counter()
    for r in frame.to_dict("records"):
        when = iso_to_datetime(r["datetime"]) if isinstance(r.get("datetime"), str) else None
        stamp = when.timestamp() if when is not None else None
        out[(r["station_id"], stamp, r.get("species") or None,
             r.get("individual_id") if isinstance(r.get("individual_id"), str) else None,
             r.get("sex") if isinstance(r.get("sex"), str) else None, int(r["count"]))] += 1
    return out


def station_nights(frame):
    nights = Counter()
    for sid, n in zip(frame["station_id"], frame["trap_nights"]):
        nights[sid] += round(float(n), 6)
    return nights


@pytest.fixture(scope="module")
def sample_season(tmp_path_factory):
    from snowleopard_plugin.core.season.build import build_season

    gpkg = str(tmp_path_factory.mktemp("season") / "season.gpkg")
    build_season(cameras=[need(SAMPLE_PACKAGE)], output=gpkg)
    return gpd.read_file(gpkg, layer="cameras"), gpd.read_file(gpkg, layer="detections")


def test_sample_season_export_validates_and_round_trips(sample_season, tmp_path):
    cameras, detections = sample_season
    out = tmp_path / "pkg"
    out.mkdir()
    export_camtrapdp(cameras, detections, str(out), title="Sailugem 2026")
    assert sorted(os.listdir(out)) == ["datapackage.json", "deployments.csv", "media.csv", "observations.csv"]
    assert validate_camtrap(out, tmp_path / "v") == []
    cams2, dets2 = read_camtrapdp(str(out / "datapackage.json"), IssueLog())
    assert station_nights(cams2) == station_nights(cameras)
    assert detection_keys(dets2) == detection_keys(detections)
    # the positions: back in the season CRS within 0.2 m (6 decimals of a degree)
    back = cams2.to_crs(cameras.crs).set_index("deployment_id")
    for dep, geom in zip(cameras["deployment_id"], cameras.geometry):
        assert back.loc[dep].geometry.distance(geom) < 0.2
    desc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["title"] == "Sailugem 2026" and desc["project"]["individualAnimals"] is True
    assert {t["scientificName"] for t in desc["taxonomic"]} == set(detections["species"].dropna())


def test_example_package_round_trip(tmp_path):
    cameras, detections = read_camtrapdp(need(EXAMPLE_PACKAGE), IssueLog())
    out = tmp_path / "pkg"
    out.mkdir()
    export_camtrapdp(cameras, detections, str(out), title="MICA sample")
    assert validate_camtrap(out, tmp_path / "v") == []
    cams2, dets2 = read_camtrapdp(str(out / "datapackage.json"), IssueLog())
    assert len(cams2) == 4
    assert station_nights(cams2) == station_nights(cameras)
    assert detection_keys(dets2) == detection_keys(detections)


def test_generalised_package_hides_positions(sample_season, tmp_path):
    cameras, detections = sample_season
    out = tmp_path / "pkg"
    out.mkdir()
    export_camtrapdp(cameras, detections, str(out), title="shared", generalise_cell_m=5000)
    assert validate_camtrap(out, tmp_path / "v") == []
    with open(out / "deployments.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pts = gpd.GeoSeries([Point(float(r["longitude"]), float(r["latitude"])) for r in rows], crs="EPSG:4326")
    utm = pts.to_crs(cameras.crs)
    for p in utm:  # every deployment on a 5 km cell centre (to the 6th decimal of a degree)
        assert abs((p.x - 2500) / 5000 - round((p.x - 2500) / 5000)) * 5000 < 0.2
        assert abs((p.y - 2500) / 5000 - round((p.y - 2500) / 5000)) * 5000 < 0.2
    assert all(r["deploymentTags"] == "generalised_m:5000" and int(r["coordinateUncertainty"]) >= 3536
               for r in rows)
    exact = {(round(g.x, 1), round(g.y, 1)) for g in cameras.geometry}
    assert not exact & {(round(p.x, 1), round(p.y, 1)) for p in utm}


def test_cameras_without_dates_are_refused(tmp_path):
    cameras = gpd.GeoDataFrame({"station_id": ["T1"], "deployment_start": [None], "deployment_end": [None],
                                "trap_nights": [111.0]}, geometry=[Point(632706.0, 4778936.8)], crs="EPSG:32647")
    detections = pd.DataFrame({"station_id": ["T1"], "datetime": [None], "individual_id": ["Anu"], "count": [1]})
    with pytest.raises(InputError, match="no deployment start and end date; Camtrap DP requires them"):
        export_camtrapdp(cameras, detections, str(tmp_path), title="Tost")
    assert os.listdir(tmp_path) == []
