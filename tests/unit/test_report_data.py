"""Tables of the season report (core.report_data) and its charts (core.charts), on tiny hand-made seasons."""

import datetime as dt
import sys

import pytest
from osgeo import ogr, osr
from shapely.geometry import LineString, Point

from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.reporting import charts
from snowleopard_plugin.core.reporting.data import (
    attribute_signs,
    km_by_team_month,
    report_data,
    signs_per_km_by_week,
    table_rows,
    top_gaps,
    validation_summary,
    week_start,
)

FIELDS = {
    "routes": [("route_id", ogr.OFTString), ("team", ogr.OFTString), ("date", ogr.OFTString),
               ("length_km", ogr.OFTReal), ("surface_km", ogr.OFTReal)],
    "observations": [("obs_id", ogr.OFTString), ("obs_type", ogr.OFTString), ("datetime", ogr.OFTString),
                     ("route_id", ogr.OFTString)],
    "cameras": [("station_id", ogr.OFTString), ("trap_nights", ogr.OFTReal)],
    "detections": [("station_id", ogr.OFTString), ("species", ogr.OFTString), ("individual_id", ogr.OFTString)],
    "validation": [("problem", ogr.OFTString), ("action", ogr.OFTString), ("severity", ogr.OFTString)],
}
GEOM = {"routes": ogr.wkbLineString, "observations": ogr.wkbPoint, "cameras": ogr.wkbPoint,
        "detections": ogr.wkbPoint, "validation": ogr.wkbPoint}


def write_season(path, layers):
    """Write a season GeoPackage: layers = {name: [(geometry or None, {field: value})]} (EPSG:32645)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    for name, rows in layers.items():
        layer = ds.CreateLayer(name, srs, GEOM[name])
        for field, kind in FIELDS[name]:
            layer.CreateField(ogr.FieldDefn(field, kind))
        for geometry, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            if geometry is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry.wkt))
            for key, value in values.items():
                if value is not None:
                    feature.SetField(key, value)
            layer.CreateFeature(feature)
    ds = None
    return str(path)


X0, Y0 = 600000.0, 5530000.0


def small_season(tmp_path):
    """Two teams, three routes (10 km, 5 km, 4 km), six signs, two stations."""
    r1 = LineString([(X0, Y0), (X0 + 10000, Y0)])          # team 1, 2026-02-16 (Mon), 10 km
    r2 = LineString([(X0, Y0 + 5000), (X0 + 5000, Y0 + 5000)])  # team 2, 2026-02-18 (Wed), 5 km
    r3 = LineString([(X0, Y0 + 9000), (X0 + 4000, Y0 + 9000)])  # team 1, 2026-03-02 (Mon), 4 km
    routes = [
        (r1, {"route_id": "r1", "team": "1", "date": "2026-02-16", "length_km": 10.0, "surface_km": 10.5}),
        (r2, {"route_id": "r2", "team": "2", "date": "2026-02-18", "length_km": 5.0, "surface_km": 5.2}),
        (r3, {"route_id": "r3", "team": "1", "date": "2026-03-02", "length_km": 4.0, "surface_km": 4.1}),
    ]
    signs = [
        (Point(X0 + 1000, Y0 + 20), {"obs_id": "1", "obs_type": "track", "datetime": "2026-02-16T10:00:00",
                                     "route_id": "01"}),          # near r1, same day
        (Point(X0 + 2000, Y0 - 30), {"obs_id": "2", "obs_type": "scrape", "datetime": "2026-02-16T11:00:00",
                                     "route_id": None}),          # near r1
        (Point(X0 + 3000, Y0 + 5010), {"obs_id": "3", "obs_type": "scrape", "datetime": "2026-02-18T09:00:00",
                                       "route_id": None}),        # near r2
        (Point(X0 + 50, Y0 + 9000), {"obs_id": "4", "obs_type": "scat", "datetime": None,
                                     "route_id": "r3"}),          # by route_id, undated: takes r3's date
        (Point(X0 + 3000, Y0 + 2000), {"obs_id": "5", "obs_type": "track", "datetime": "2026-02-17T09:00:00",
                                       "route_id": None}),        # 2 km from every route: not attributed
        (Point(X0 + 9000, Y0 + 100), {"obs_id": "6", "obs_type": "track", "datetime": "2026-02-20T09:00:00",
                                      "route_id": None}),         # near r1 but 4 days later: not attributed
    ]
    cameras = [
        (Point(X0 + 500, Y0 + 500), {"station_id": "A", "trap_nights": 50.0}),
        (Point(X0 + 8000, Y0 + 500), {"station_id": "B", "trap_nights": 25.0}),
    ]
    detections = [
        (Point(X0 + 500, Y0 + 500), {"station_id": "A", "species": "Panthera uncia", "individual_id": "SL-1"}),
        (Point(X0 + 500, Y0 + 500), {"station_id": "A", "species": "Panthera uncia", "individual_id": "SL-2"}),
        (Point(X0 + 500, Y0 + 500), {"station_id": "A", "species": "Capra sibirica", "individual_id": None}),
        (Point(X0 + 8000, Y0 + 500), {"station_id": "B", "species": "Panthera uncia", "individual_id": "SL-1"}),
    ]
    validation = [
        (None, {"problem": "missing_date", "action": "flagged", "severity": "warning"}),
        (None, {"problem": "gps_jump", "action": "fixed", "severity": "warning"}),
        (None, {"problem": "missing_date", "action": "flagged", "severity": "warning"}),
    ]
    return write_season(tmp_path / "season.gpkg", {"routes": routes, "observations": signs, "cameras": cameras,
                                                   "detections": detections, "validation": validation})


def test_week_starts_on_monday():
    assert week_start(dt.date(2026, 2, 16)) == dt.date(2026, 2, 16)  # a Monday
    assert week_start(dt.date(2026, 2, 22)) == dt.date(2026, 2, 16)  # the Sunday after
    assert week_start(dt.date(2026, 2, 23)) == dt.date(2026, 2, 23)


def test_signs_are_attributed_by_route_id_then_same_day_and_distance():
    routes = [{"route_id": "a", "date": dt.date(2026, 2, 16), "_geom": LineString([(0, 0), (1000, 0)])},
              {"route_id": "b", "date": dt.date(2026, 2, 17), "_geom": LineString([(0, 100), (1000, 100)])}]
    signs = [
        {"route_id": "b", "date": dt.date(2026, 2, 16), "_geom": Point(500, 0)},   # route_id wins
        {"route_id": None, "date": dt.date(2026, 2, 16), "_geom": Point(500, 90)},  # nearer b, but b is +1 day: ok
        {"route_id": None, "date": dt.date(2026, 2, 20), "_geom": Point(500, 10)},  # both routes >1 day away
        {"route_id": None, "date": None, "_geom": Point(500, 10)},                  # undated: nearest (a)
        {"route_id": None, "date": None, "_geom": Point(500, 400)},                 # 300 m from b: too far
    ]
    assert attribute_signs(routes, signs) == [1, 1, None, 0, None]
    assert attribute_signs(routes, signs[-1:], max_distance=350.0) == [1]


def test_km_by_team_and_month_by_hand():
    rows = km_by_team_month([
        {"team": "1", "date": dt.date(2026, 2, 16), "length_km": 10.0, "surface_km": 10.5},
        {"team": "1", "date": dt.date(2026, 2, 28), "length_km": 2.5, "surface_km": None},
        {"team": "1", "date": dt.date(2026, 3, 2), "length_km": 4.0, "surface_km": 4.1},
        {"team": "2", "date": dt.date(2026, 2, 18), "length_km": 5.0, "surface_km": None},
    ])
    table = {(r["team"], r["month"]): (r["km"], r["surface_km"]) for r in rows}
    assert table == {("1", "2026-02"): (12.5, 10.5), ("1", "2026-03"): (4.0, 4.1), ("2", "2026-02"): (5.0, None)}


def test_signs_per_km_by_week_by_hand():
    routes = [{"date": dt.date(2026, 2, 16), "length_km": 10.0}, {"date": dt.date(2026, 2, 18), "length_km": 5.0},
              {"date": dt.date(2026, 3, 2), "length_km": 4.0}]
    days = [dt.date(2026, 2, 16), dt.date(2026, 2, 19), dt.date(2026, 2, 22), dt.date(2026, 3, 3), None]
    types = ["track", "scrape", "scrape", "scat", "track"]
    weeks, undated = signs_per_km_by_week(routes, days, types)
    assert undated == 1
    assert [w["week_start"] for w in weeks] == ["2026-02-16", "2026-02-23", "2026-03-02"]
    first, empty, last = weeks
    assert first["km"] == pytest.approx(15.0)
    assert first["per_km"]["scrape"] == pytest.approx(2 / 15.0)
    assert first["per_km"]["track"] == pytest.approx(1 / 15.0)
    assert first["total_per_km"] == pytest.approx(3 / 15.0)
    assert empty["km"] == 0 and empty["total_per_km"] is None  # a week nobody walked
    assert last["per_km"]["scat"] == pytest.approx(0.25)


def test_report_data_of_a_small_season(tmp_path):
    data = report_data(small_season(tmp_path))
    summary = data.summary
    assert summary["routes"] == 3 and summary["km"] == pytest.approx(19.0)
    assert summary["signs"] == 6 and summary["trap_nights"] == pytest.approx(75.0)
    assert summary["detections"] == 3 and summary["individuals"] == 2
    assert data.epsg == 32645
    assert data.extent[0] == pytest.approx(X0) and data.extent[2] == pytest.approx(X0 + 10000)

    teams = {row["team"]: row for row in data.team_totals}
    assert teams["1"]["km"] == pytest.approx(14.0) and teams["1"]["days"] == 2 and teams["1"]["routes"] == 2
    assert teams["1"]["signs_by_type"] == {"track": 1, "scrape": 1, "scat": 1}
    assert teams["2"]["signs_by_type"] == {"scrape": 1}
    assert teams[None]["signs_by_type"] == {"track": 2}  # signs 5 and 6
    assert sum(row["signs"] for row in data.team_totals) == summary["signs"]

    weeks = {w["week_start"]: w for w in data.weeks}
    # week of 16 Feb: r1 + r2 = 15 km; signs 1, 2, 3, 5 (17 Feb) and 6 (20 Feb)
    assert weeks["2026-02-16"]["km"] == pytest.approx(15.0)
    assert weeks["2026-02-16"]["signs"]["track"] == 3
    assert weeks["2026-02-16"]["per_km"]["scrape"] == pytest.approx(2 / 15.0)
    # the undated scat takes the date of its route r3 (2 March)
    assert weeks["2026-03-02"]["signs"]["scat"] == 1 and data.undated_signs == 0

    stations = {s["station_id"]: s for s in data.stations}
    assert stations["A"]["detections"] == 2 and stations["A"]["individuals"] == 2
    assert stations["A"]["rate_per_100"] == pytest.approx(4.0)  # 2 / 50 * 100
    assert stations["B"]["rate_per_100"] == pytest.approx(4.0)  # 1 / 25 * 100
    assert (stations["B"]["x"], stations["B"]["y"]) == pytest.approx((X0 + 8000, Y0 + 500))

    assert data.validation[0] == {"problem": "missing_date", "action": "flagged", "severity": "warning", "rows": 2}
    assert sum(v["rows"] for v in data.validation) == 3


def test_empty_season_and_not_a_season_are_refused(tmp_path):
    empty = write_season(tmp_path / "empty.gpkg", {name: [] for name in FIELDS})
    with pytest.raises(InputError, match="empty"):
        report_data(empty)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "other.gpkg"))
    layer = ds.CreateLayer("roads", None, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    ds = None
    with pytest.raises(InputError, match="not a census season"):
        report_data(str(tmp_path / "other.gpkg"))
    with pytest.raises(InputError, match="does not exist"):
        report_data(str(tmp_path / "missing.gpkg"))


def test_top_gaps_by_rank_or_by_area_times_suitability():
    records = [{"rank": 2, "area_km2": 5.0, "suitability": 0.9, "ridge_km": 1.0, "access_km": None},
               {"rank": 1, "area_km2": 8.0, "suitability": 0.8, "ridge_km": 2.5, "access_km": 3.2},
               {"rank": 3, "area_km2": 1.0, "suitability": 1.0, "ridge_km": 0.0, "access_km": 7.0}]
    rows = top_gaps(records, n=2)
    assert [r["rank"] for r in rows] == [1, 2] and rows[0]["area_km2"] == 8.0 and rows[1]["access_km"] is None
    unranked = [{"area_km2": 2.0, "suitability": 1.0}, {"area_km2": 4.0, "suitability": 0.4},
                {"area_km2": 3.0, "suitability": 0.9}]
    assert [r["area_km2"] for r in top_gaps(unranked)] == [3.0, 2.0, 4.0]  # 2.7 > 2.0 > 1.6
    with pytest.raises(InputError, match="area_km2"):
        top_gaps([{"rank": 1}])


def test_validation_summary_and_generic_table():
    rows = validation_summary([{"problem": "a", "action": "fixed", "severity": "warning"},
                               {"problem": "b", "action": "kept", "severity": "info"},
                               {"problem": "b", "action": "kept", "severity": "info"}])
    assert rows[0] == {"problem": "b", "action": "kept", "severity": "info", "rows": 2}
    columns, table = table_rows([{"fid": 1, "rank": 2, "km": 3.5}, {"fid": 2, "rank": 1, "km": 7.0}])
    assert columns == ["rank", "km"] and table == [[1, 7.0], [2, 3.5]]


def test_charts_write_pngs_without_pyplot(tmp_path):
    weeks, _ = signs_per_km_by_week([{"date": dt.date(2026, 2, 16), "length_km": 10.0}],
                                    [dt.date(2026, 2, 16)] * 3, ["track", "scrape", "scrape"])
    labels = {"track": "Следовая дорожка", "scrape": "Поскрёб"}
    paths = [
        charts.signs_per_km_chart(weeks, ["track", "scrape"], labels, str(tmp_path / "w.png"), "Следы на 1 км",
                                  "неделя", "следов на 1 км"),
        charts.detections_chart([{"station_id": "A", "detections": 2, "rate_per_100": 4.0},
                                 {"station_id": "B", "detections": 0, "rate_per_100": None}],
                                str(tmp_path / "d.png"), "t", "", "detections", "per 100"),
        charts.km_by_team_month_chart([{"team": "1", "month": "2026-02", "km": 10.0}], ["1"],
                                      str(tmp_path / "k.png"), "t", "km", month_names=["Jan", "Feb"] + [""] * 10),
    ]
    for path in paths:
        with open(path, "rb") as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    assert "matplotlib.pyplot" not in sys.modules


def test_chart_colours_match_the_map_styles():
    # qgis_io (QGIS side) holds the map styles; read its constants without importing QGIS
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[2] / "snowleopard_plugin" / "qgis_io" / "styles.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("SIGN_MARKERS", "TEAM_COLOURS"):
                values[node.targets[0].id] = ast.literal_eval(node.value)
    assert {code: marker[1] for code, marker in values["SIGN_MARKERS"].items()} == charts.SIGN_COLOURS
    assert tuple(values["TEAM_COLOURS"]) == charts.TEAM_COLOURS
