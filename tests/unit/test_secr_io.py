"""secr / DENSITY text files: the real Tost survey and small layouts written the ways secr allows."""

import csv

import pytest

from snowleopard_plugin.core import model
from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.io.secr import read_secr_capthist, read_secr_traps
from snowleopard_plugin.core.validation import IssueLog
from tests import paths

TOST = str(paths.TOST)


def tost(name):
    return str(paths.real("tost", name))


def plain_rows(path):
    """The data lines as the csv module sees them (an independent reading)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


def test_tost_stations():
    issues = IssueLog()
    traps = read_secr_traps(tost("Tost_cams.csv"), issues, crs="EPSG:32647")
    rows = plain_rows(tost("Tost_cams.csv"))
    assert len(traps) == 41 == len(rows)
    assert traps["trap_nights"].sum() == 4324 == sum(int(row[3]) for row in rows)
    assert traps.crs.to_epsg() == 32647
    assert list(traps["station_id"]) == [row[0] for row in rows]  # quotes removed, order kept
    assert traps.iloc[0].geometry.x == pytest.approx(632706.0195) and traps.iloc[0].geometry.y == 4778936.777
    assert list(traps.columns[:6]) == model.field_names(model.CAMERAS)
    for name in ("Rgd", "Topo", "Water", "Winter"):
        assert name in traps.columns
    assert set(traps["Topo"]) == {"Saddle", "Canyon", "Steppe"}
    assert traps.loc[traps["station_id"] == "TostA1", "Rgd"].iloc[0] == pytest.approx(3.605551)
    assert len(issues) == 0


def test_tost_without_crs_has_none():
    assert read_secr_traps(tost("Tost_cams.csv"), IssueLog()).crs is None


def test_tost_captures():
    issues = IssueLog()
    captures = read_secr_capthist(tost("Tost_capthist.csv"), issues)
    traps = read_secr_traps(tost("Tost_cams.csv"), IssueLog())
    assert len(captures) == 99
    assert captures["station_id"].nunique() == 30
    assert set(captures["station_id"]) <= set(traps["station_id"])
    ids = set(captures["individual_id"])
    assert len(ids) == 14 and {"Suhder", "Suuder", "Suhder Cub 1"} <= ids  # never merged
    assert set(captures["sex"]) == {"F", "M", "U"}  # CRLF line ends do not stick to the last column
    assert captures["occasion"].dtype.kind == "i" and set(captures["session"]) == {"1"}
    assert set(model.field_names(model.DETECTIONS)) <= set(captures.columns)
    assert len(issues) == 0


def test_whitespace_layout_binary_usage_covariates(tmp_path):
    path = tmp_path / "traps.txt"
    path.write_text(
        "# a comment line\n"
        "#ID  x  y  usage  /  habitat  elev\n"
        "1   365 365  11101  /  forest 1200\n"
        "'2 b'  375 365  11111  / 'open scree' 1250\n"
        '"3"  385\t365  00111  /  forest 1300\n'
        "4   395  oops  11111\n", encoding="utf-8")
    issues = IssueLog()
    traps = read_secr_traps(str(path), issues)
    assert list(traps["station_id"]) == ["1", "2 b", "3"]
    assert list(traps["trap_nights"]) == [4.0, 5.0, 3.0]  # number of occasions operated
    assert list(traps["habitat"]) == ["forest", "open scree", "forest"]
    assert list(traps["elev"]) == [1200, 1250, 1300]
    assert [(p.x, p.y) for p in traps.geometry] == [(365, 365), (375, 365), (385, 365)]
    assert [(i.feature, i.problem, i.action) for i in issues] == [("4", "unreadable_row", "rejected")]


def test_numeric_usage_columns_are_effort(tmp_path):
    path = tmp_path / "traps.txt"
    path.write_text("A 0 0 1 0 1 1\nB 100 0 0.5 1 1 1\nC 200 0 3 2 0 1\n", encoding="utf-8")
    traps = read_secr_traps(str(path), IssueLog())
    assert list(traps["trap_nights"]) == [3.0, 3.5, 6.0]
    issues = IssueLog()
    binary = read_secr_traps(str(path), issues, binary_usage=True)
    assert list(binary["trap_nights"][:1]) == [3.0]  # 1 0 1 1 read as 0/1 codes
    assert binary["trap_nights"][1:].isna().all()  # 0.5 and 3 are not 0/1 codes
    assert [i.feature for i in issues.by_problem("missing_value")] == ["2", "3"]


def test_traps_without_usage_flags_unknown_effort(tmp_path):
    path = tmp_path / "traps.csv"
    path.write_text("T1,10,20\nT2,30,40\nT1,50,60\n", encoding="utf-8")
    issues = IssueLog()
    traps = read_secr_traps(str(path), issues)
    assert traps["trap_nights"].isna().all()
    assert [i.feature for i in issues.by_problem("missing_value")] == [""]
    assert [i.feature for i in issues.by_problem("duplicate_point")] == ["3"]


def test_capthist_whitespace_noncapt_and_covariates(tmp_path):
    path = tmp_path / "capt.txt"
    path.write_text(
        "# Session ID Occasion Detector Sex Age\n"
        "Altai2024  SL01 1 C07 F adult\n"
        'Altai2024 "Cub of SL01" 2 C07 U cub\n'
        "Altai2024 SL02 x C09 M adult\n"
        "Tyva2024 NONE 1 C01\n", encoding="utf-8")
    issues = IssueLog()
    captures = read_secr_capthist(str(path), issues)
    assert list(captures["individual_id"]) == ["SL01", "Cub of SL01"]
    assert list(captures["occasion"]) == [1, 2]
    assert list(captures["sex"]) == ["F", "U"] and list(captures["Age"]) == ["adult", "cub"]
    assert list(captures["session"]) == ["Altai2024", "Altai2024"]
    assert [(i.feature, i.problem) for i in issues] == [("3", "unreadable_row"), ("4", "other")]


def test_empty_or_wrong_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a header\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt"):
        read_secr_traps(str(empty), IssueLog())
    words = tmp_path / "words.txt"
    words.write_text("hello world\nfoo bar\n", encoding="utf-8")
    with pytest.raises(InputError, match="trapID x y"):
        read_secr_traps(str(words), IssueLog())
    with pytest.raises(InputError, match="Session ID Occasion Detector"):
        read_secr_capthist(str(words), IssueLog())


def test_headerless_secr_files_as_read_traps_writes_them(tmp_path):
    """The Tost survey in secr's plain layout (no '#' header, whitespace between fields, usage as 0/1): the same
    41 stations and 99 captures as the CSV files with their headers."""
    from snowleopard_plugin.core.season.build import build_season

    traps, captures = tmp_path / "traps.txt", tmp_path / "capt.txt"
    with open(paths.TOST / "Tost_cams.csv", encoding="utf-8") as handle:
        rows = [line.strip().split(",") for line in handle if line.strip() and not line.startswith("#")]
    traps.write_text("\n".join(f"{r[0].strip(chr(34))} {r[1]} {r[2]} 1111111111" for r in rows) + "\n",
                     encoding="utf-8")
    with open(paths.TOST / "Tost_capthist.csv", encoding="utf-8") as handle:
        rows = [line.strip().split(",") for line in handle if line.strip() and not line.startswith("#")]
    captures.write_text("\n".join(f"Tost {r[1].replace(chr(32), chr(95))} {r[2]} {r[3]}" for r in rows) + "\n",
                        encoding="utf-8")  # a whitespace layout has no spaces inside names
    result = build_season(cameras=[str(traps)], detections=[str(captures)], crs="EPSG:32647",
                          output=str(tmp_path / "s.gpkg"))
    assert (result["cameras"], result["detections"]) == (41, 99)
