"""Camtrap DP import: the standard's own example package and small hand-made packages."""

import csv
import datetime as dt
import json
import os

import pytest

from snowleopard_plugin.core import model
from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.io.camtrapdp import read_camtrapdp
from snowleopard_plugin.core.validation import IssueLog
from tests import paths

EXAMPLE = str(paths.CAMTRAP_DP / "example")


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def example():
    paths.real("camtrap-dp", "example", "datapackage.json")
    issues = IssueLog()
    cameras, detections = read_camtrapdp(os.path.join(EXAMPLE, "datapackage.json"), issues)
    return cameras, detections, issues


def test_example_stations_and_trap_nights(example):
    cameras, _, issues = example
    deployments = csv_rows(os.path.join(EXAMPLE, "deployments.csv"))
    assert len(cameras) == 4 and cameras["station_id"].nunique() == 4
    assert cameras.crs.to_epsg() == 4326
    assert list(cameras.columns[:6]) == model.field_names(model.CAMERAS)
    for row, (_, camera) in zip(deployments, cameras.iterrows()):
        start = dt.datetime.fromisoformat(row["deploymentStart"])
        end = dt.datetime.fromisoformat(row["deploymentEnd"])
        assert camera["trap_nights"] == pytest.approx((end - start).total_seconds() / 86400)
        assert camera["station_id"] == row["locationName"]
        assert camera["deployment_start"] == row["deploymentStart"]  # offset kept, not shifted to UTC
        assert camera.geometry.x == float(row["longitude"]) and camera.geometry.y == float(row["latitude"])
    assert len(issues) == 0


def test_example_detections_are_event_level_animals(example):
    cameras, detections, _ = example
    observations = csv_rows(os.path.join(EXAMPLE, "observations.csv"))
    expected = [row for row in observations if row["observationType"] == "animal"
                and row["observationLevel"] == "event"]
    assert len(detections) == len(expected)
    assert sum(detections["count"]) == sum(int(row["count"]) for row in expected)
    assert set(detections["station_id"]) <= set(cameras["station_id"])
    assert list(detections["species"]) == [row["scientificName"] for row in expected]
    assert list(detections["event_id"]) == [row["eventID"] for row in expected]
    assert list(detections["datetime"]) == [row["eventStart"] for row in expected]  # "Z" kept as written
    assert set(model.field_names(model.DETECTIONS)) <= set(detections.columns)


def test_example_time_zones_line_up(example):
    cameras, detections, _ = example
    # the first detection of deployment 00a2c20d happens at the very second the camera was set up:
    # 2020-05-30T04:57:37+02:00 is 2020-05-30T02:57:37Z
    camera = cameras[cameras["deployment_id"] == "00a2c20d"].iloc[0]
    first = detections[detections["deployment_id"] == "00a2c20d"].iloc[0]
    start = dt.datetime.fromisoformat(camera["deployment_start"])
    seen = dt.datetime.fromisoformat(first["datetime"].replace("Z", "+00:00"))
    assert seen == start


def write_package(folder, deployments, observations):
    fields_d = ["deploymentID", "locationID", "locationName", "latitude", "longitude", "deploymentStart",
                "deploymentEnd"]
    fields_o = ["observationID", "deploymentID", "mediaID", "eventID", "eventStart", "eventEnd", "observationLevel",
                "observationType", "scientificName", "count", "lifeStage", "sex", "individualID"]
    for name, fields, rows in (("deployments", fields_d, deployments), ("observations", fields_o, observations)):
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            for row in rows:
                writer.writerow({key: row.get(key, "") for key in fields})
    package = {"name": "test", "profile": "https://raw.githubusercontent.com/tdwg/camtrap-dp/1.0/camtrap-dp-profile.json",
               "resources": [{"name": "deployments", "path": "deployments.csv", "profile": "tabular-data-resource"},
                             {"name": "observations", "path": "observations.csv",
                              "profile": "tabular-data-resource"}]}
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return str(folder / "datapackage.json")


def test_shared_location_media_fallback_and_unknown_deployment(tmp_path):
    deployments = [
        {"deploymentID": "d1", "locationID": "L1", "latitude": "49.9", "longitude": "88.5",
         "deploymentStart": "2024-02-01T12:00:00+07:00", "deploymentEnd": "2024-02-11T00:00:00+07:00"},
        {"deploymentID": "d2", "locationID": "L1", "latitude": "49.9", "longitude": "88.5",
         "deploymentStart": "2024-02-15T12:00:00+07:00", "deploymentEnd": "2024-02-20T12:00:00+07:00"},
        {"deploymentID": "d3", "latitude": "NA", "longitude": "88.6",
         "deploymentStart": "2024-02-01T12:00:00+07:00", "deploymentEnd": "2024-02-11T00:00:00+07:00"},
    ]
    media = {"observationLevel": "media", "observationType": "animal", "scientificName": "Panthera uncia",
             "deploymentID": "d1", "eventID": "e1"}
    observations = [
        # event e1 has only media-level observations: the same cat on three photos, two of them with a cub too
        dict(media, observationID="o1", eventStart="2024-02-03T02:00:05+07:00", count="1"),
        dict(media, observationID="o2", eventStart="2024-02-03T02:00:00+07:00", count="2"),
        dict(media, observationID="o3", eventStart="2024-02-03T02:00:10+07:00", count="2"),
        # event e2: event-level observation plus its media-level duplicates
        {"observationID": "o4", "deploymentID": "d2", "eventID": "e2", "eventStart": "2024-02-16T03:00:00+07:00",
         "observationLevel": "event", "observationType": "animal", "scientificName": "Panthera uncia",
         "count": "1", "individualID": "SL07", "sex": "female"},
        {"observationID": "o5", "deploymentID": "d2", "eventID": "e2", "eventStart": "2024-02-16T03:00:00+07:00",
         "observationLevel": "media", "observationType": "animal", "scientificName": "Panthera uncia",
         "count": "1"},
        {"observationID": "o6", "deploymentID": "d2", "eventID": "e3", "eventStart": "2024-02-17T03:00:00+07:00",
         "observationLevel": "event", "observationType": "human"},
        {"observationID": "o7", "deploymentID": "d2", "eventID": "e4", "eventStart": "2024-02-18T03:00:00+07:00",
         "observationLevel": "event", "observationType": "blank"},
        {"observationID": "o8", "deploymentID": "d9", "eventID": "e5", "eventStart": "2024-02-18T03:00:00+07:00",
         "observationLevel": "event", "observationType": "animal", "scientificName": "Capra sibirica",
         "count": "4"},
    ]
    issues = IssueLog()
    cameras, detections = read_camtrapdp(write_package(tmp_path, deployments, observations), issues)
    assert list(cameras["station_id"]) == ["L1", "L1"]  # one row per deployment, same station
    assert list(cameras["deployment_id"]) == ["d1", "d2"]
    assert list(cameras["trap_nights"]) == [9.5, 5.0]
    assert [(i.source, i.feature, i.problem) for i in issues.by_problem("unreadable_row")] == [
        ("deployments.csv", "3", "unreadable_row")]
    assert list(detections["event_id"]) == ["e1", "e2", "e5"]
    e1 = detections.iloc[0]
    assert e1["count"] == 2 and e1["datetime"] == "2024-02-03T02:00:00+07:00" and e1["station_id"] == "L1"
    assert detections.iloc[1]["individual_id"] == "SL07" and detections.iloc[1]["sex"] == "female"
    unknown = issues.by_problem("unknown_station")
    assert [(i.source, i.feature, i.action) for i in unknown] == [("observations.csv", "8", "kept")]
    assert detections.iloc[2]["station_id"] == "d9"


def test_not_a_package(tmp_path):
    path = tmp_path / "datapackage.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="datapackage.json"):
        read_camtrapdp(str(path), IssueLog())
    path.write_text(json.dumps({"resources": [{"name": "media", "path": "media.csv"}]}), encoding="utf-8")
    with pytest.raises(InputError, match="deployments"):
        read_camtrapdp(str(path), IssueLog())


def test_remote_tables_are_not_downloaded(tmp_path):
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps({"resources": [{"name": "deployments", "path": "https://example.org/d.csv"}]}),
                    encoding="utf-8")
    with pytest.raises(InputError, match="outside the package"):
        read_camtrapdp(str(path), IssueLog())


def test_package_tables_zip_and_lonely_table(tmp_path):
    """The example package read three ways a user picks it: its datapackage.json; its two CSV tables (the
    package beside them is read instead, once); a ZIP of it (as Agouti and GBIF deliver). A table copied away
    from its package is refused, naming the file to choose."""
    import shutil
    import zipfile

    from snowleopard_plugin.core.season.build import build_season

    counts = []
    zipped = tmp_path / "agouti_export.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for name in os.listdir(EXAMPLE):
            archive.write(os.path.join(EXAMPLE, name), f"export/{name}")
    for kwargs in ({"cameras": [os.path.join(EXAMPLE, "datapackage.json")]},
                   {"cameras": [os.path.join(EXAMPLE, "deployments.csv")],
                    "detections": [os.path.join(EXAMPLE, "observations.csv")]},
                   {"cameras": [str(zipped)]}):
        result = build_season(output=str(tmp_path / "s.gpkg"), **kwargs)
        counts.append((result["cameras"], result["detections"], result["observations"]))
    assert counts == [(4, 29, 0)] * 3
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(os.path.join(EXAMPLE, "deployments.csv"), lonely)
    with pytest.raises(InputError, match="deployments.csv.*datapackage.json"):
        build_season(cameras=[str(lonely / "deployments.csv")], output=str(tmp_path / "t.gpkg"))
