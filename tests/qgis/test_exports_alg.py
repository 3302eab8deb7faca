"""The four exports through Processing, on the sample season and the real Tost files."""

from __future__ import annotations

import csv
import glob
import json
import os
import shlex

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests import paths
from tests.camtrap_validate import validate_camtrap


@pytest.fixture(scope="module")
def season(processing_ready, sample_dir, tmp_path_factory):
    import processing

    out = str(tmp_path_factory.mktemp("season") / "season.gpkg")
    processing.run("snowleopard:importseason", {
        "ROUTES": sorted(glob.glob(os.path.join(sample_dir, "tracks", "*.gpx"))),
        "OBSERVATIONS": [os.path.join(sample_dir, "signs.csv")],
        "CAMERAS": [os.path.join(sample_dir, "camtrap", "datapackage.json")],
        "DEM": os.path.join(sample_dir, "dem.tif"), "OUTPUT": out})
    return out


def layer(gpkg, name):
    return f"{gpkg}|layername={name}"


def test_exportoccupancy_sample_season(season, sample_dir, tmp_path):
    import processing

    folder = tmp_path / "occ"
    sites = str(tmp_path / "sites.gpkg")
    result = processing.run("snowleopard:exportoccupancy", {
        "OBSERVATIONS": layer(season, "observations"), "ROUTES": layer(season, "routes"), "GRID_SIZE": 3000,
        "SEGMENT_KM": 1.0, "SEARCH_HALF_WIDTH": 50, "SIGN_TYPES": "track, scrape, scat",
        "DEM": os.path.join(sample_dir, "dem.tif"), "OUTPUT_FOLDER": str(folder), "SITES_OUTPUT": sites})
    with open(folder / "detection_history.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    k = len(rows[0]) - 1
    assert rows[0] == ["site_id"] + [f"y.{j}" for j in range(1, k + 1)] and k >= 3
    out = QgsVectorLayer(result["SITES_OUTPUT"], "sites", "ogr")
    assert out.isValid() and out.featureCount() == len(rows) - 1
    by_id = {f["site_id"]: f for f in out.getFeatures()}
    for row in rows[1:]:
        values = row[1:]
        walked = [v for v in values if v != "NA"]
        assert values == walked + ["NA"] * (k - len(walked))  # missing only at the end
        site = by_id[row[0]]
        assert site["replicates"] == len(walked)
        assert site["detections"] == walked.count("1")
        assert site["naive_occupied"] == (1 if "1" in walked else 0)
    assert sum(f["naive_occupied"] for f in out.getFeatures()) >= 3  # the cats leave signs on walked ridges
    with open(folder / "site_covariates.csv", encoding="utf-8", newline="") as handle:
        cov = list(csv.DictReader(handle))
    assert all(1800 <= float(r["elev_mean"]) <= 3800 for r in cov if r["elev_mean"] != "NA")
    with open(folder / "replicate_covariates.csv", encoding="utf-8", newline="") as handle:
        rep = list(csv.DictReader(handle))
    # the replicate covariates have the detection history's missing pattern
    for hist, r in zip(rows[1:], rep):
        assert [v == "NA" for v in hist[1:]] == [r[f"team.{j}"] == "NA" for j in range(1, k + 1)]
        assert all(float(r[f"surface_km.{j}"]) >= float(r[f"length_km.{j}"]) - 1e-9
                   for j in range(1, k + 1) if r[f"length_km.{j}"] != "NA")


def test_exportoccupancy_far_sites_are_refused(season, tmp_path):
    import processing

    far = QgsVectorLayer("Polygon?crs=EPSG:32645&field=site_id:string", "far", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(far.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 1000 0, 1000 1000, 0 0))"))
    feature.setAttributes(["x"])
    far.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="has a walked route inside it"):
        processing.run("snowleopard:exportoccupancy", {
            "OBSERVATIONS": layer(season, "observations"), "ROUTES": layer(season, "routes"), "SITES": far,
            "OUTPUT_FOLDER": str(tmp_path / "x"), "SITES_OUTPUT": "TEMPORARY_OUTPUT"})


def test_exportsecr_tost_through_importseason(processing_ready, tmp_path):
    import processing

    cams = os.path.join(str(paths.TOST), "Tost_cams.csv")
    caps = os.path.join(str(paths.TOST), "Tost_capthist.csv")
    paths.real("tost", "Tost_cams.csv")
    gpkg = str(tmp_path / "tost.gpkg")
    processing.run("snowleopard:importseason", {"CAMERAS": [cams], "DETECTIONS": [caps], "OUTPUT": gpkg,
                                                "CRS": "EPSG:32647"})
    folder = tmp_path / "secr"
    processing.run("snowleopard:exportsecr", {"CAMERAS": layer(gpkg, "cameras"),
                                              "DETECTIONS": layer(gpkg, "detections"), "OCCASION_DAYS": 7,
                                              "DETECTOR": 1, "OUTPUT_FOLDER": str(folder)})
    lines = [shlex.split(line, comments=True) for line in (folder / "capthist.txt").read_text().splitlines()]
    lines = [f for f in lines if f]
    with open(caps, encoding="utf-8", newline="") as handle:
        expected = sorted((r[1], r[2], r[3]) for r in csv.reader(handle) if not r[0].startswith("#"))
    assert sorted((f[1], f[2], f[3]) for f in lines) == expected and len(expected) == 99
    traps = [shlex.split(line, comments=True) for line in (folder / "traps.txt").read_text().splitlines()]
    assert len([t for t in traps if t]) == 41


def test_exportsecr_without_ids_is_refused(season, tmp_path):
    import processing

    detections = QgsVectorLayer("None?field=station_id:string&field=individual_id:string", "d", "memory")
    from qgis.core import QgsFeature

    feature = QgsFeature(detections.fields())
    feature.setAttributes(["C01", None])
    detections.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="1 detections had no individual ID"):
        processing.run("snowleopard:exportsecr", {"CAMERAS": layer(season, "cameras"), "DETECTIONS": detections,
                                                  "OUTPUT_FOLDER": str(tmp_path / "s")})


def test_exportsecr_sample_season(season, tmp_path):
    import processing

    folder = tmp_path / "secr"
    processing.run("snowleopard:exportsecr", {"CAMERAS": layer(season, "cameras"),
                                              "DETECTIONS": layer(season, "detections"), "OCCASION_DAYS": 7,
                                              "DETECTOR": 0, "SPECIES": "Panthera uncia",
                                              "OUTPUT_FOLDER": str(folder)})
    traps = [f for f in (shlex.split(x, comments=True) for x in (folder / "traps.txt").read_text().splitlines()) if f]
    lengths = {len(t[3]) for t in traps}
    assert len(lengths) == 1 and set("".join(t[3] for t in traps)) <= {"0", "1"}  # one 0/1 code per occasion
    caps = [f for f in (shlex.split(x, comments=True) for x in (folder / "capthist.txt").read_text().splitlines())
            if f]
    assert caps and all(c[1].startswith("SL-") for c in caps)
    assert {c[0] for c in caps} == {"2026"}


def test_exportcamtrapdp_sample_season(season, tmp_path):
    import processing

    folder = tmp_path / "pkg"
    processing.run("snowleopard:exportcamtrapdp", {"CAMERAS": layer(season, "cameras"),
                                                   "DETECTIONS": layer(season, "detections"),
                                                   "TITLE": "Sailugem 2026", "GENERALISE_CELL_M": 10000,
                                                   "OUTPUT_FOLDER": str(folder)})
    assert validate_camtrap(folder, tmp_path / "v") == []
    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["generalised_m"] == 10000 and "generalised" in desc["description"]


def test_generalise_observations(season, tmp_path):
    import processing

    result = processing.run("snowleopard:generalise", {"INPUT": layer(season, "observations"), "CELL_SIZE": 10000,
                                                        "OUTPUT": str(tmp_path / "shared.gpkg")})
    out = QgsVectorLayer(result["OUTPUT"], "shared", "ogr")
    source = QgsVectorLayer(layer(season, "observations"), "obs", "ogr")
    assert out.featureCount() == source.featureCount()
    exact = {(round(f.geometry().asPoint().x(), 3), round(f.geometry().asPoint().y(), 3))
             for f in source.getFeatures()}
    for feature in out.getFeatures():
        p = feature.geometry().asPoint()
        assert (p.x() - 5000) % 10000 == 0 and (p.y() - 5000) % 10000 == 0
        assert (round(p.x(), 3), round(p.y(), 3)) not in exact
        assert feature["generalised_m"] == 10000
    assert "obs_type" in out.fields().names()


def test_generalise_multipoints_keeps_every_part(processing_ready, tmp_path):
    """A multipoint layer with its own fid column: every part becomes one generalised point (the parts used to
    collide on the copied fid and half were lost while the log said all were done)."""
    import processing
    from osgeo import ogr, osr

    path = str(tmp_path / "multi.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    out_layer = ds.CreateLayer("multi", srs, ogr.wkbMultiPoint)
    out_layer.CreateField(ogr.FieldDefn("obs_type", ogr.OFTString))
    for i in range(5):
        feature = ogr.Feature(out_layer.GetLayerDefn())
        feature.SetField("obs_type", "track")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOINT ({600000 + 3000 * i} 5530000, {600000 + 3000 * i} 5537000)"))
        out_layer.CreateFeature(feature)
    ds = None
    result = processing.run("snowleopard:generalise", {"INPUT": path, "CELL_SIZE": 5000,
                                                       "OUTPUT": str(tmp_path / "gen.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "gen", "ogr")
    assert layer.featureCount() == 10
    assert all(f["generalised_m"] == 5000 for f in layer.getFeatures())
