"""secr export: round trip of the real Tost survey, and occasions/usage worked out by hand.

The exported files are read back with an independent reader that follows secr's documented
rules for DENSITY text files (``read.traps``, ``read.capthist(fmt = "trapID")``): blank-separated
fields, ``#`` starts a comment, quotes protect blanks, ``/`` separates the detector covariates,
usage is a string of 0/1 codes (or numeric effort columns with ``binary.usage = FALSE``).
"""

from __future__ import annotations

import csv
import shlex
from collections import Counter

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.exports.secr import export_secr, secr_tables
from snowleopard_plugin.core.io.secr import read_secr_capthist, read_secr_traps
from snowleopard_plugin.core.validation import IssueLog
from tests import paths

CRS = "EPSG:32645"


def tost(name):
    return str(paths.real("tost", name))


def secr_lines(text):
    """Data lines as secr reads them: comments dropped, quoted fields kept whole."""
    out = []
    for line in text.splitlines():
        fields = shlex.split(line, comments=True, posix=True)
        if fields:
            out.append(fields)
    return out


def parse_traps(text, binary=True):
    traps = {}
    for fields in secr_lines(text):
        main, cov = (fields[:fields.index("/")], fields[fields.index("/") + 1:]) if "/" in fields else (fields, [])
        usage = main[3:]
        traps[main[0]] = {"x": float(main[1]), "y": float(main[2]),
                          "usage": usage[0] if binary else [float(u) for u in usage], "cov": cov}
    return traps


def parse_captures(text):
    return [(f[0], f[1], int(f[2]), f[3], f[4] if len(f) > 4 else None) for f in secr_lines(text)]


def tost_rows(name):
    with open(tost(name), encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


def check_tost(cameras, detections, tmp_path):
    export_secr(cameras, detections, str(tmp_path), detector="count")
    traps = parse_traps((tmp_path / "traps.txt").read_text(encoding="utf-8"), binary=False)
    caps = parse_captures((tmp_path / "capthist.txt").read_text(encoding="utf-8"))
    cams = tost_rows("Tost_cams.csv")
    assert len(traps) == 41 == len(cams)
    for row in cams:
        trap = traps[row[0]]
        assert trap["x"] == pytest.approx(float(row[1]), abs=1e-3)
        assert trap["y"] == pytest.approx(float(row[2]), abs=1e-3)
        assert trap["usage"] == [float(row[3])]  # one occasion: the effort column
        assert trap["cov"][1:] == row[6:9] and float(trap["cov"][0]) == pytest.approx(float(row[5]))
    expected = Counter((r[1], int(r[2]), r[3]) for r in tost_rows("Tost_capthist.csv"))
    assert sum(expected.values()) == 99
    assert Counter((c[1], c[2], c[3]) for c in caps) == expected
    sex = {r[1]: r[4].strip() for r in tost_rows("Tost_capthist.csv")}
    assert all(c[4] == sex[c[1]] for c in caps)
    assert {c[0] for c in caps} == {"1"}  # the session of the capture file
    assert '"Suhder Cub 1"' in (tmp_path / "capthist.txt").read_text(encoding="utf-8")


def test_tost_round_trip_with_core_readers(tmp_path):
    cameras = read_secr_traps(tost("Tost_cams.csv"), IssueLog(), crs="EPSG:32647")
    detections = read_secr_capthist(tost("Tost_capthist.csv"), IssueLog())
    check_tost(cameras, detections, tmp_path)


def test_tost_round_trip_through_the_season_geopackage(tmp_path):
    from snowleopard_plugin.core.season.build import build_season

    gpkg = str(tmp_path / "tost.gpkg")
    build_season(cameras=[tost("Tost_cams.csv")], detections=[tost("Tost_capthist.csv")], output=gpkg,
                 crs="EPSG:32647")
    cameras = gpd.read_file(gpkg, layer="cameras")
    detections = gpd.read_file(gpkg, layer="detections")
    out = tmp_path / "out"
    out.mkdir()
    check_tost(cameras, detections, out)


def test_tost_proximity_merges_repeats_at_a_detector():
    cameras = read_secr_traps(tost("Tost_cams.csv"), IssueLog(), crs="EPSG:32647")
    detections = read_secr_capthist(tost("Tost_capthist.csv"), IssueLog())
    export = secr_tables(cameras, detections, detector="proximity")
    caps = parse_captures(export.capthist_text)
    distinct = {(r[1], int(r[2]), r[3]) for r in tost_rows("Tost_capthist.csv")}
    assert sorted((c[1], c[2], c[3]) for c in caps) == sorted(distinct)
    assert any("merged" in t and f["n"] == 99 - len(distinct) for t, f in export.messages)
    assert "binary.usage = FALSE" in export.traps_text  # effort, not a 0/1 string
    assert any("no deployment dates" in t for t, _ in export.messages)


def dated_season():
    """Two cameras and five detections, worked by hand with 7-day occasions from 1 March 2026 (UTC+7).

    C1 runs 1 March 10:00 to 20 March 09:00: occasions 1 (1-7), 2 (8-14) and 3 (15-21) -> 111.
    C2 (station 'ridge 2', a blank in its ID) runs 9 March to 12 March: occasion 2 only -> 010.
    """
    cameras = gpd.GeoDataFrame(
        {"station_id": ["C1", "ridge 2"],
         "deployment_start": ["2026-03-01T10:00:00+07:00", "2026-03-09T12:00:00+07:00"],
         "deployment_end": ["2026-03-20T09:00:00+07:00", "2026-03-12T08:00:00+07:00"],
         "trap_nights": [18.96, 2.83], "Topo": ["Saddle", "Canyon"]},
        geometry=[Point(600000.25, 5500000.5), Point(601500, 5501000)], crs=CRS)
    detections = pd.DataFrame({
        "station_id": ["C1", "C1", "ridge 2", "C1", "C1", "C1"],
        "datetime": ["2026-03-02T22:00:00+07:00", "2026-03-07T23:59:00+07:00", "2026-03-10T03:00:00+07:00",
                     "2026-03-08T00:30:00+07:00", "2026-03-16T01:00:00+07:00", "2026-03-05T01:00:00+07:00"],
        "individual_id": ["SL-01", "SL-01", "SL-01", "SL-02", None, "SL-02"],
        "sex": ["male", "male", "male", "female", None, "female"],
        "species": ["Panthera uncia"] * 6})
    return cameras, detections


def test_occasions_and_usage_from_deployment_dates():
    cameras, detections = dated_season()
    export = secr_tables(cameras, detections, occasion_days=7, detector="count")
    traps = parse_traps(export.traps_text)
    assert traps["C1"]["usage"] == "111" and traps["ridge 2"]["usage"] == "010"
    assert traps["C1"]["x"] == 600000.25 and traps["C1"]["cov"] == ["Saddle"]
    caps = parse_captures(export.capthist_text)
    assert sorted((c[1], c[2], c[3], c[4]) for c in caps) == sorted([
        ("SL-01", 1, "C1", "M"), ("SL-01", 1, "C1", "M"), ("SL-01", 2, "ridge 2", "M"),
        ("SL-02", 2, "C1", "F"), ("SL-02", 1, "C1", "F")])
    assert {c[0] for c in caps} == {"2026"}  # one session per season
    assert any("no individual ID" in t and f["n"] == 1 for t, f in export.messages)
    # proximity: SL-01's two detections at C1 in occasion 1 are one; multi: one detection per animal and occasion
    prox = parse_captures(secr_tables(cameras, detections, occasion_days=7, detector="proximity").capthist_text)
    assert len(prox) == 4
    multi = parse_captures(secr_tables(cameras, detections, occasion_days=7, detector="multi").capthist_text)
    assert sorted((c[1], c[2], c[3]) for c in multi) == sorted([
        ("SL-01", 1, "C1"), ("SL-01", 2, "ridge 2"), ("SL-02", 1, "C1"), ("SL-02", 2, "C1")])
    # one-day occasions: 20 occasions from 1 March to 20 March
    daily = secr_tables(cameras, detections, occasion_days=1, detector="count")
    usage = parse_traps(daily.traps_text)
    assert usage["C1"]["usage"] == "1" * 20 and usage["ridge 2"]["usage"] == "0" * 8 + "1111" + "0" * 8


def test_generalised_traps_sit_on_cell_centres():
    cameras, detections = dated_season()
    export = secr_tables(cameras, detections, occasion_days=7, generalise_cell_m=10000)
    traps = parse_traps(export.traps_text)
    assert (traps["C1"]["x"], traps["C1"]["y"]) == (605000, 5505000)
    assert "generalised_m = 10000" in export.traps_text


def test_bad_input_messages():
    cameras, detections = dated_season()
    no_ids = detections.assign(individual_id=None)
    with pytest.raises(InputError, match="individual_id. 6 detections had no individual ID"):
        secr_tables(cameras, no_ids)
    undated = cameras.assign(deployment_start=None, deployment_end=None)
    export = secr_tables(undated, detections, occasion_days=7, detector="count")
    assert any("no deployment dates" in t for t, _ in export.messages)
    traps = parse_traps(export.traps_text, binary=False)
    # no dates: occasions from the first detection (2 March); the last identified one (10 March) is in week 2;
    # the effort is spread evenly over the two occasions
    assert traps["C1"]["usage"] == pytest.approx([18.96 / 2] * 2, abs=0.01)
    assert any("spread evenly" in t for t, _ in export.messages)
