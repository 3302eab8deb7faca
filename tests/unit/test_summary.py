"""Tests of core.summary: season numbers read from a season GeoPackage.

A tiny season is written by hand with OGR (numbers worked out below), and the
generated sample season is imported and its summary compared with counts made
independently with geopandas.
"""

from __future__ import annotations

import glob

import pytest
from osgeo import ogr, osr

from snowleopard_plugin.core import model
from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.reporting.summary import is_empty, season_summary
from tests import paths


def _write(path, layers):
    """layers: {name: [ {field: value, ..., "_wkt": wkt or None}, ... ]} with the model's fields."""
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    for name, rows in layers.items():
        geom_type = ogr.wkbMultiLineString if name == "routes" else ogr.wkbPoint
        layer = ds.CreateLayer(name, srs, geom_type)
        for field, kind in model.FIELDS[name]:
            ogr_type = {"int": ogr.OFTInteger, "float": ogr.OFTReal}.get(kind, ogr.OFTString)
            layer.CreateField(ogr.FieldDefn(field, ogr_type))
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for key, value in row.items():
                if key != "_wkt" and value is not None:
                    feature.SetField(key, value)
            if row.get("_wkt"):
                feature.SetGeometry(ogr.CreateGeometryFromWkt(row["_wkt"]))
            layer.CreateFeature(feature)
    ds = None


@pytest.fixture()
def tiny(tmp_path):
    path = tmp_path / "tiny.gpkg"
    line = "MULTILINESTRING ((600000 5520000,603000 5524000))"  # 5 km
    _write(path, {
        "routes": [
            {"route_id": "r1", "team": "A", "date": "2026-02-10", "length_km": 5.0, "surface_km": 5.5, "_wkt": line},
            {"route_id": "r2", "team": "A", "date": "2026-02-11", "length_km": 3.0, "surface_km": 3.25, "_wkt": line},
            {"route_id": "r3", "team": "B", "date": "2026-02-11", "length_km": 2.0, "_wkt": line},
        ],
        "observations": [
            {"obs_id": "1", "obs_type": "track", "count": 2, "route_id": "r1", "datetime": "2026-02-10T10:00:00",
             "_wkt": "POINT (600100 5520100)"},
            {"obs_id": "2", "obs_type": "track", "count": 1, "route_id": "r3", "_wkt": "POINT (600100 5520100)"},
            {"obs_id": "3", "obs_type": "scrape", "route_id": "r2", "_wkt": "POINT (600100 5520100)"},
            {"obs_id": "4", "obs_type": "scat", "count": 3, "route_id": "zz", "_wkt": "POINT (600100 5520100)"},
        ],
        "cameras": [
            {"station_id": "S1", "trap_nights": 30.0, "_wkt": "POINT (601000 5521000)"},
            {"station_id": "S1", "trap_nights": 10.0, "_wkt": "POINT (601000 5521000)"},
            {"station_id": "S2", "trap_nights": 40.0, "_wkt": "POINT (602000 5522000)"},
        ],
        "detections": [
            {"station_id": "S1", "species": "Panthera uncia", "individual_id": "SL-1", "_wkt": "POINT (1 1)"},
            {"station_id": "S1", "species": "panthera uncia", "individual_id": "SL-2", "_wkt": "POINT (1 1)"},
            {"station_id": "S2", "species": "Panthera uncia", "individual_id": "SL-1", "_wkt": "POINT (1 1)"},
            {"station_id": "S2", "species": "Panthera uncia", "_wkt": "POINT (1 1)"},
            {"station_id": "S2", "species": "Capra sibirica", "individual_id": "ibex?", "_wkt": "POINT (1 1)"},
            {"station_id": "S9", "species": "Panthera uncia", "individual_id": "SL-3"},
        ],
        "validation": [
            {"problem": "gps_jump", "action": "fixed", "severity": "warning", "_wkt": "POINT (1 1)"},
            {"problem": "gps_jump", "action": "fixed", "severity": "warning", "_wkt": "POINT (1 1)"},
            {"problem": "unknown_station", "action": "flagged", "severity": "warning"},
        ],
    })
    return str(path)


def test_tiny_season_numbers(tiny):
    s = season_summary(tiny)
    assert s["routes"] == 3
    assert s["km"] == pytest.approx(10.0)
    assert s["surface_km"] == pytest.approx(8.75)  # r3 has none: only the routes that have it
    assert s["teams"] == ["A", "B"] and s["n_teams"] == 2
    assert s["days"] == 2  # 10th and 11th; two teams out on the 11th is still one day
    assert (s["first_date"], s["last_date"]) == ("2026-02-10", "2026-02-11")
    assert s["signs"] == 4
    assert s["sign_count"] == 2 + 1 + 1 + 3  # missing count is one sign
    assert s["signs_by_type"]["track"] == 2 and s["signs_by_type"]["scrape"] == 1
    assert s["signs_by_type"]["scat"] == 1 and s["signs_by_type"]["sighting"] == 0
    assert s["signs_per_km"] == pytest.approx(0.4)
    assert s["stations"] == 2
    assert s["trap_nights"] == pytest.approx(80.0)
    assert s["detections_all"] == 6
    assert s["detections"] == 5  # the ibex is not a snow leopard
    assert s["individuals"] == 3 and s["individual_ids"] == ["SL-1", "SL-2", "SL-3"]
    assert s["detections_per_100tn"] == pytest.approx(100 * 5 / 80)
    assert s["validation"] == 3
    assert s["validation_by_problem"] == {"gps_jump": 2, "unknown_station": 1}


def test_tiny_season_tables(tiny):
    s = season_summary(tiny)
    team_a = s["per_team"]["A"]
    assert (team_a["routes"], team_a["days"], team_a["km"], team_a["surface_km"]) == (2, 2, 8.0, 8.75)
    assert team_a["signs_by_type"] == {"scrape": 1, "track": 1}
    team_b = s["per_team"]["B"]
    assert (team_b["routes"], team_b["days"], team_b["surface_km"], team_b["signs"]) == (1, 1, None, 1)
    assert s["per_team"][None]["signs"] == 1  # the scat on an unknown route
    assert s["per_station"]["S1"] == {"trap_nights": 40.0, "detections": 2, "individuals": 2}
    assert s["per_station"]["S2"] == {"trap_nights": 40.0, "detections": 2, "individuals": 1}
    assert "S9" not in s["per_station"]


def test_all_species_when_no_target(tiny):
    s = season_summary(tiny, target_species=None)
    assert s["detections"] == 6
    assert s["individuals"] == 4  # "ibex?" counts too


def test_missing_file_and_not_a_season(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        season_summary(str(tmp_path / "nope.gpkg"))
    text = tmp_path / "notes.gpkg"
    text.write_text("hello")
    with pytest.raises(InputError, match="Cannot read"):
        season_summary(str(text))
    other = tmp_path / "other.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
    ds.CreateLayer("roads", None, ogr.wkbLineString)
    ds = None
    with pytest.raises(InputError, match="not a census season"):
        season_summary(str(other))


def test_empty_season(tmp_path):
    path = tmp_path / "empty.gpkg"
    _write(path, {name: [] for name in model.SEASON_LAYERS})
    s = season_summary(str(path))
    assert is_empty(s)
    assert s["km"] == 0 and s["signs_per_km"] is None and s["detections_per_100tn"] is None
    assert s["first_date"] is None


def test_sample_season_against_geopandas(tmp_path):
    import geopandas as gpd

    from snowleopard_plugin.core.season.build import build_season

    out = str(tmp_path / "season.gpkg")
    build_season(routes=sorted(glob.glob(str(paths.SAMPLE / "tracks" / "*.gpx"))),
                 observations=[str(paths.SAMPLE / "signs.csv")],
                 cameras=[str(paths.SAMPLE / "camtrap" / "datapackage.json")], output=out)
    s = season_summary(out)
    routes = gpd.read_file(out, layer="routes")
    obs = gpd.read_file(out, layer="observations")
    cams = gpd.read_file(out, layer="cameras")
    det = gpd.read_file(out, layer="detections")
    assert s["routes"] == len(routes) == 16
    # length_km is planimetric in the metric CRS: the geometry length in metres / 1000
    assert s["km"] == pytest.approx(routes.geometry.length.sum() / 1000.0, rel=1e-6)
    assert s["teams"] == sorted(routes["team"].dropna().unique())
    assert s["days"] == routes["date"].nunique()
    assert s["signs"] == len(obs)
    assert s["signs_by_type"]["track"] == int((obs["obs_type"] == "track").sum())
    assert s["stations"] == cams["station_id"].nunique()
    assert s["trap_nights"] == pytest.approx(cams["trap_nights"].sum())
    leopard = det[det["species"].str.contains("uncia", case=False, na=True)]
    assert s["detections"] == len(leopard)
    assert s["individuals"] == leopard["individual_id"].dropna().nunique() == 6
    assert sum(t["km"] for t in s["per_team"].values()) == pytest.approx(s["km"])
