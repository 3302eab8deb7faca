"""snowleopard:plantransects, plancameras, compareplan on the sample season."""

import csv
import glob
import os

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, box

CRS = "EPSG:32645"


@pytest.fixture(scope="module")
def season(sample_dir, tmp_path_factory):
    """Ridges, habitat, routes and access points of the sample, written as files."""
    from snowleopard_plugin.core.analysis.habitat import habitat_from_dem
    from snowleopard_plugin.core.analysis.ridges import extract_ridges
    from snowleopard_plugin.core.raster import read_raster, write_geotiff

    out = tmp_path_factory.mktemp("plan")
    dem_path = os.path.join(sample_dir, "dem.tif")
    z, grid, _ = read_raster(dem_path)
    net = extract_ridges(z, grid)
    ridges = str(out / "ridges.gpkg")
    net.lines.to_file(ridges, driver="GPKG")
    habitat = str(out / "habitat.tif")
    write_geotiff(habitat, habitat_from_dem(z, grid, ridges=net.lines), grid, nodata=-9999.0)
    tracks = [gpd.read_file(f, layer="tracks").to_crs(CRS) for f in sorted(glob.glob(os.path.join(sample_dir,
                                                                                                  "tracks", "*.gpx")))]
    routes = str(out / "routes.gpkg")
    gpd.GeoDataFrame({"route_id": [f"{i:02d}" for i in range(len(tracks))]},
                     geometry=[t.geometry.iloc[0] for t in tracks], crs=CRS).to_file(routes, driver="GPKG")
    with open(os.path.join(sample_dir, "access.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    access = str(out / "access.gpkg")
    gpd.GeoDataFrame({"name": [r["name"] for r in rows]},
                     geometry=[Point(float(r["x_utm45n"]), float(r["y_utm45n"])) for r in rows],
                     crs=CRS).to_file(access, driver="GPKG")
    exclude = str(out / "exclude.gpkg")
    zone = box(605000, 5530000, 610000, 5535000)
    gpd.GeoDataFrame(geometry=[zone], crs=CRS).to_file(exclude, driver="GPKG")
    return {"dir": out, "dem": dem_path, "ridges": ridges, "habitat": habitat, "routes": routes, "access": access,
            "exclude": exclude, "zone": zone}


def test_plan_transects_on_the_sample(processing_ready, season):
    import processing

    out = season["dir"]
    gpx_dir = str(out / "gpx")
    result = processing.run("snowleopard:plantransects", {
        "RIDGES": season["ridges"], "HABITAT": season["habitat"], "ROUTES": season["routes"], "DEM": season["dem"],
        "ACCESS": season["access"], "BUDGET_KM": 150.0, "MAX_DAY_KM": 20.0, "TEAMS": 3, "SEARCH_HALF_WIDTH": 50.0,
        "EXCLUDE": season["exclude"], "OUTPUT": str(out / "transects.gpkg"), "GPX_FOLDER": gpx_dir})
    plan = gpd.read_file(str(out / "transects.gpkg"))
    assert list(plan.columns[:8]) == ["transect_id", "team", "day", "length_km", "surface_km", "ascent_m",
                                      "new_habitat_km2", "locked"]
    assert len(plan) > 0
    assert plan["surface_km"].sum() <= 150.0 + 1e-6 and (plan["surface_km"] <= 20.0 + 1e-6).all()
    assert set(plan["team"]) <= {1, 2, 3}
    assert not any(g.intersects(season["zone"]) for g in plan.geometry)
    # every transect starts and ends at an access point
    access = gpd.read_file(season["access"])
    for g in plan.geometry:
        assert min(Point(g.coords[0]).distance(p) for p in access.geometry) < 1e-3
        assert min(Point(g.coords[-1]).distance(p) for p in access.geometry) < 1e-3
    assert result["NEW_HABITAT_KM2"] == pytest.approx(plan["new_habitat_km2"].sum(), rel=1e-6)
    files = sorted(os.listdir(gpx_dir))
    assert files == [f"plan_team_{t}.gpx" for t in sorted(set(plan["team"]))]
    from osgeo import ogr

    ds = ogr.Open(os.path.join(gpx_dir, files[0]))
    assert ds.GetLayerByName("tracks").GetFeatureCount() == int((plan["team"] == 1).sum())


def test_gaps_given_draw_the_plan_into_them(processing_ready, season):
    """The sample's coverage gaps (habitat > 2 km from last season's routes): with them, more of the plan's
    searched strip lies in the gaps than without them (measured independently with shapely buffers)."""
    import processing

    out = season["dir"]
    processing.run("snowleopard:gaps", {"HABITAT": season["habitat"], "ROUTES": season["routes"],
                                        "MAX_DISTANCE": 2000, "MIN_AREA": 1.0, "OUTPUT": str(out / "gaps.gpkg")})
    gaps = gpd.read_file(str(out / "gaps.gpkg"))
    assert len(gaps) > 0
    inside = {}
    for name, extra in (("plain", {}), ("gaps", {"GAPS": str(out / "gaps.gpkg")})):
        path = str(out / f"transects_{name}.gpkg")
        processing.run("snowleopard:plantransects", {
            "RIDGES": season["ridges"], "HABITAT": season["habitat"], "ROUTES": season["routes"],
            "DEM": season["dem"], "ACCESS": season["access"], "BUDGET_KM": 100.0, "MAX_DAY_KM": 20.0,
            "SEARCH_HALF_WIDTH": 50.0, "OUTPUT": path, **extra})
        plan = gpd.read_file(path)
        strip = plan.geometry.buffer(50.0).unary_union
        inside[name] = strip.intersection(gaps.geometry.unary_union).area / strip.area
        assert plan["surface_km"].sum() <= 100.0 + 1e-6
    print(f"share of the searched strip inside the gaps: {inside}")
    assert inside["gaps"] > 1.5 * inside["plain"] and inside["gaps"] > 0.3


def test_plan_cameras_and_compare(processing_ready, season):
    import processing

    out = season["dir"]
    processing.run("snowleopard:plancameras", {
        "HABITAT": season["habitat"], "RIDGES": season["ridges"], "DEM": season["dem"], "N_STATIONS": 20,
        "SIGMA": 3000.0, "MIN_SPACING": 3000.0, "OUTPUT": str(out / "stations.gpkg")})
    st = gpd.read_file(str(out / "stations.gpkg"))
    assert list(st.columns[:5]) == ["station_id", "nearest_m", "suitability", "on_ridge", "existing"]
    assert 0 < len(st) <= 20 and (st["suitability"] >= 0.5).all()
    xy = np.column_stack([st.geometry.x, st.geometry.y])
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 3000 - 1e-6

    # planned against walked: the plan is the routes' first half each
    routes = gpd.read_file(season["routes"])
    halves = routes.copy()
    halves["geometry"] = [_first_half(g) for g in routes.geometry]
    plan_path = str(out / "halfplan.gpkg")
    halves[["route_id", "geometry"]].rename(columns={"route_id": "transect_id"}).to_file(plan_path, driver="GPKG")
    processing.run("snowleopard:compareplan", {"PLAN": plan_path, "ROUTES": season["routes"],
                                               "SEARCH_HALF_WIDTH": 50.0, "OUTPUT": str(out / "walked.gpkg"),
                                               "OFFPLAN": str(out / "offplan.gpkg")})
    walked = gpd.read_file(str(out / "walked.gpkg"))
    assert (walked["walked_share"] > 0.999).all()  # each planned half was walked
    off = gpd.read_file(str(out / "offplan.gpkg"))
    assert len(off) > 0 and (off["offplan_km"] > 0).all()


def _first_half(line):
    from shapely.ops import substring

    if hasattr(line, "geoms"):
        line = max(line.geoms, key=lambda part: part.length)
    return substring(line, 0, line.length / 2)
